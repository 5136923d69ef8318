"""Pay policies: what people are paid, how it is earned, and how it changes.

Pay reaches people through their columns: ``fixed_pay`` (monthly pay at full hours), ``variable_pay``
(piece, commission and bonus earned this month, written in ``settle``), ``incentive`` (the scheme's
incentive strength, which drives effort), ``defect_rate`` and ``sacrifice``; base wages change only
through ``mgmt.change_wages``, which gives the felt reaction against the expected raise.

How pay changes over time (raises, cuts, arrears, the owner's subsidy) is in
:mod:`sim.policies.pay_changes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, param
from sim.policies.base import (
    RolesPolicy,
    choice,
    merit_score,
    rank_within_role,
    register,
    roles_field,
)

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

# --- fixed salary --------------------------------------------------------------------------------


@register
class FixedSalary(RolesPolicy):
    """A fixed monthly salary for each post, set at a chosen level against the market.

    When it comes into force every person in the chosen roles gets the salary
    ``market wage of the role * level_vs_market + premium_per_month`` (through ``change_wages``, so
    a move is felt as a gain or a loss against no expected change), and the firm hires at that
    salary from then on. The incentive stays that of a flat salary (0.1): pay does not depend on output.

    Source: source document, "root of ERM: internal fairness and external competitiveness"; Shengyi
    paid "a few hundred yuan above similar firms".
    """

    name = "fixed_salary"
    family = "pay"
    title_zh = "固定工资"

    class Params(Spec):
        level_vs_market: float = param(
            1.0,
            0.3,
            3.0,
            unit="x market wage",
            doc="salary as a multiple of the market wage of the role",
            source="source document: external competitiveness of pay",
        )
        premium_per_month: float = param(
            0.0,
            0.0,
            1e6,
            unit="currency/month",
            doc="fixed amount added on top of the level",
            source="source document: Shengyi paid a few hundred yuan above similar firms",
        )
        roles: list[str] = roles_field("all roles")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        people = mgmt.people
        chosen = self.chosen_roles(mgmt)
        salary = mgmt.market_wages * self.params.level_vs_market + self.params.premium_per_month
        mgmt.set_hiring_wage(chosen, salary[chosen])
        rows = np.flatnonzero(mgmt.members(chosen))
        if rows.size:
            mgmt.change_wages(rows, salary[people.role[rows]], months_since_review=0.0)


# --- piece rate ----------------------------------------------------------------------------------

STANDARD_MONTH = 1.0  # units of output: ability 1, full skill, standard pace, full hours (sim.agents.rules.output)


@register
class PieceRate(RolesPolicy):
    """Piece rate: pay per unit of good output, with an optional guaranteed floor and a quality rule.

    Each month the chosen roles (by default every role whose output has a value) feel an incentive
    of ``incentive_strength`` (piece rate ~1, against 0.1 for a flat salary) and earn
    ``rate_per_standard_month * base wage * units / STANDARD_MONTH``, where a standard month is the
    output of a worker of ability 1 at full skill, standard pace and full hours. The floor is a
    guaranteed minimum: pay is ``max(floor_share_of_wage * base wage * hours, piece earnings)``
    (``fixed_pay`` is the floor, the excess is variable pay).

    Quality: with ``quality_rule = "none"`` every unit is paid, good or bad, and people trade care for
    speed: the defect rate rises by ``defect_rise_without_rule``. With ``"unpaid_until_reworked"``
    only good units are paid; people take care, so the share of defective units falls by
    ``defect_fall_with_rule``, and each defective unit is reworked in their own time, costing
    ``rework_time`` of a unit's time: the lost share of output is ``defects * rework_time``.

    Source: source document, Lincoln Electric: production workers paid by the piece with no minimum
    hourly wage; a defective part earns nothing until it is repaired to standard; "money raises
    productivity by 30%". Lazear (2000, Safelite): piece rates raised output ~44% and pay ~10%.
    """

    name = "piece_rate"
    family = "pay"
    title_zh = "计件工资"
    default_roles = "producers"

    class Params(Spec):
        rate_per_standard_month: float = param(
            1.15,
            0.0,
            5.0,
            unit="base wages per standard month",
            doc="pay for a standard month's good output, as a multiple of the base wage",
            source="assumed: piece earnings ~10% above the salary at piece-rate effort (Lazear 2000)",
        )
        floor_share_of_wage: float = param(
            0.0,
            0.0,
            1.0,
            unit="share of base wage",
            doc="guaranteed minimum monthly pay as a share of the base wage (0 = none)",
            source="source document: Lincoln Electric pays no minimum hourly wage",
        )
        quality_rule: Literal["none", "unpaid_until_reworked"] = choice(
            "unpaid_until_reworked",
            "whether defective units are paid ('none') or earn nothing until reworked",
            "source document: at Lincoln a defective part earns nothing until repaired",
        )
        incentive_strength: float = param(
            1.0,
            0.0,
            1.5,
            unit="incentive strength",
            doc="strength of the pay-for-output incentive (flat salary 0.1)",
            source="MODEL_SKETCH: piece rate ~1",
        )
        defect_rise_without_rule: float = param(
            0.05,
            0.0,
            0.5,
            unit="share of output",
            doc="rise in the defect rate when every unit is paid, good or bad",
            source="assumed: speed at the cost of quality under piece rates (Lazear 1986)",
        )
        defect_fall_with_rule: float = param(
            0.5,
            0.0,
            1.0,
            unit="share",
            doc="fall in the share of defective units when defects are unpaid until reworked",
            source="assumed: people take care when defects cost them",
        )
        rework_time: float = param(
            1.0,
            0.0,
            3.0,
            unit="units of time per defect",
            doc="time to rework a defective unit, as a share of the time to make one",
            source="assumed: reworking a part takes about as long as making it",
        )
        roles: list[str] = roles_field("every role whose output has a value")

    def act(self, mgmt: Management):
        people, p = mgmt.people, self.params
        rows = mgmt.members(self.chosen_roles(mgmt))
        mgmt.add_incentive(rows, p.incentive_strength)
        people.fixed_pay[rows] = p.floor_share_of_wage * people.wage[rows]
        defects = people.defect_rate[rows]
        if p.quality_rule == "none":
            defects = defects + p.defect_rise_without_rule
        else:
            defects = defects * (1.0 - p.defect_fall_with_rule) * p.rework_time
        people.defect_rate[rows] = np.clip(defects, 0.0, 0.95)

    def settle(self, mgmt: Management):
        people, p = mgmt.people, self.params
        # people hired this month (after the work phase) start on the firm's ordinary first pay
        rows = np.flatnonzero(mgmt.members(self.chosen_roles(mgmt)) & (people.tenure > 0))
        wage = people.wage[rows]
        units = people.output[rows]
        if p.quality_rule == "none":  # defective units are paid too
            units = units / np.maximum(1.0 - people.defect_rate[rows], 0.05)
        piece = p.rate_per_standard_month * wage * units / STANDARD_MONTH
        floor = p.floor_share_of_wage * wage
        people.fixed_pay[rows] = floor
        people.variable_pay[rows] += np.maximum(piece - floor * people.hours[rows], 0.0)


# --- commission ----------------------------------------------------------------------------------


@register
class Commission(RolesPolicy):
    """Commission: salespeople earn a share of the monthly revenue of the clients they hold.

    Each month the chosen roles (by default those who hold clients) keep ``base_share_of_wage`` of
    their base wage as fixed pay, feel an incentive of ``incentive_strength``, and earn
    ``rate * revenue of the clients they hold`` as variable pay. Personal commission sets the
    holders against each other: relations among colleagues fall by ``rivalry`` times the share of
    the workforce on commission.

    Source: source document, Shengyi: everyone but the technicians holds clients; salespeople fight
    over clients and disparage each other; rewards are money only.
    """

    name = "commission"
    family = "pay"
    title_zh = "销售提成"
    default_roles = "client_holders"

    class Params(Spec):
        rate: float = param(
            0.05,
            0.0,
            1.0,
            unit="share of client revenue",
            doc="commission on the monthly revenue of the clients held",
            source="assumed: sales commissions of a few percent",
        )
        base_share_of_wage: float = param(
            1.0,
            0.0,
            1.0,
            unit="share of base wage",
            doc="share of the base wage kept as fixed pay",
            source="assumed: the base salary is kept in full unless a scenario says otherwise",
        )
        incentive_strength: float = param(
            1.0,
            0.0,
            1.5,
            unit="incentive strength",
            doc="strength of the commission incentive (flat salary 0.1)",
            source="MODEL_SKETCH: commission ~1",
        )
        rivalry: float = param(
            0.15,
            0.0,
            1.0,
            unit="relations per share on commission",
            doc="fall in relations among colleagues per share of the workforce on commission",
            source="source document: Shengyi's salespeople fight over clients",
        )
        roles: list[str] = roles_field("the roles that hold clients")

    def act(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        on = mgmt.members(self.chosen_roles(mgmt))
        mgmt.add_incentive(on, p.incentive_strength)
        people.fixed_pay[on] = p.base_share_of_wage * people.wage[on]
        if n:
            mgmt.shift("relations", -p.rivalry * on.mean())

    def settle(self, mgmt: Management):
        people, p = mgmt.people, self.params
        on = np.flatnonzero(mgmt.members(self.chosen_roles(mgmt)))
        _, revenue = mgmt.held_clients()
        people.fixed_pay[on] = p.base_share_of_wage * people.wage[on]
        people.variable_pay[on] += p.rate * revenue[on] * mgmt.demand


# --- profit sharing ------------------------------------------------------------------------------


@register
class ProfitSharing(RolesPolicy):
    """Profit-sharing year-end bonus: a share of the year's profit, paid to those with enough service.

    Pool rule: every 12 months after coming into force, ``pool = min(share_of_profit * profit,
    cap_share_of_pay * pay of the eligible over the year)``, where profit is the firm's profit
    before bonuses over the twelve months before the payout month (no pool after a loss). The
    eligible are the chosen roles with at least ``service_months`` of service at payout. The pool is
    split in proportion to each one's pay over the year (``split = "pay"``) or to pay weighted by
    merit, ``pay * exp(merit_spread * score)`` with the appraisal score (or measured performance)
    (``split = "merit"``). Bonuses are variable pay of the payout month and count as bonuses.

    While in force, the eligible feel an incentive of ``incentive_strength`` (a merit-rated bonus,
    ~0.3-0.6; halved when split by pay alone); and the bonus not yet vested counts as what leaving
    would cost (embeddedness): ``sacrifice += sacrifice_weight * min(1, expected bonus / pay) *
    vesting``, where vesting is the share of the bonus year gone for the eligible and half the
    progress toward ``service_months`` for the others. The expected bonus is ``cap_share_of_pay`` at
    first, then the last payout's share of pay. ``payouts`` keeps every payout.

    Source: source document, Lincoln Electric: after two years of service an employee shares in the
    year-end bonus, which averaged 95.5% of base pay over 56 years; "align individual and company
    interests". Mitchell et al. (2001): sacrifice in job embeddedness.
    """

    name = "profit_sharing"
    family = "pay"
    title_zh = "利润分享年终奖"

    class Params(Spec):
        share_of_profit: float = param(
            0.5,
            0.0,
            1.0,
            unit="share of profit",
            doc="share of the year's profit before bonuses put into the bonus pool",
            source="assumed; source document: Lincoln shares profit with its employees",
        )
        cap_share_of_pay: float = param(
            1.0,
            0.0,
            3.0,
            unit="share of pay",
            doc="largest pool as a share of the year's pay of the eligible",
            source="source document: Lincoln's bonus averaged 95.5% of base pay",
        )
        service_months: int = param(
            24,
            0,
            240,
            unit="months",
            doc="service needed at payout to share in the bonus",
            source="source document: Lincoln, after two years of service",
        )
        split: Literal["pay", "merit"] = choice(
            "merit",
            "split the pool by pay over the year, or by pay weighted by merit rating",
            "source document: Lincoln's competitive appraisal",
        )
        merit_spread: float = param(
            0.5,
            0.0,
            3.0,
            unit="per log-point of score",
            doc="how steeply a merit-split bonus rises with the appraisal score",
            source="assumed: one log-point better rating earns ~65% more bonus",
        )
        incentive_strength: float = param(
            0.4,
            0.0,
            1.0,
            unit="incentive strength",
            doc="incentive felt by the eligible under a merit split (halved when split by pay)",
            source="MODEL_SKETCH: merit-rated bonus ~0.3-0.6",
        )
        sacrifice_weight: float = param(
            0.3,
            0.0,
            1.0,
            unit="sacrifice per bonus-to-pay",
            doc="what leaving costs per unit of unvested bonus (as a share of pay)",
            source="Mitchell et al. 2001: sacrifice in job embeddedness",
        )
        roles: list[str] = roles_field("all roles")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.year_pay = "profit_sharing_year_pay"
        self.year_merit = "profit_sharing_year_merit"
        mgmt.register_column(self.year_pay, float, 0.0)
        mgmt.register_column(self.year_merit, float, 0.0)
        self.expected_share = self.params.cap_share_of_pay
        self.profit_year = 0.0
        self._last_accounts = None
        self.payouts: list[dict] = []

    def _eligible(self, mgmt: Management, chosen) -> np.ndarray:
        people = mgmt.people
        return mgmt.members(chosen) & (people.tenure >= self.params.service_months)

    def act(self, mgmt: Management):
        people, p = mgmt.people, self.params
        chosen = self.chosen_roles(mgmt)
        covered = mgmt.members(chosen)
        eligible = self._eligible(mgmt, chosen)
        strength = p.incentive_strength * (1.0 if p.split == "merit" else 0.5)
        mgmt.add_incentive(eligible, strength)
        year_gone = (self.months_in_force(mgmt) % 12) / 12.0
        progress = np.minimum(1.0, people.tenure / max(p.service_months, 1))
        vesting = np.where(eligible, year_gone, 0.5 * progress)
        added = p.sacrifice_weight * min(1.0, self.expected_share) * vesting
        people.sacrifice[covered] = np.minimum(1.0, people.sacrifice[covered] + added[covered])

    def settle(self, mgmt: Management):
        people, p = mgmt.people, self.params
        if self._last_accounts is not None:  # last month's accounts are complete by now
            acc = self._last_accounts
            self.profit_year += acc.profit + acc.bonuses
        self._last_accounts = mgmt.accounts
        chosen = self.chosen_roles(mgmt)
        covered = mgmt.members(chosen)
        year_pay = getattr(people, self.year_pay)
        year_merit = getattr(people, self.year_merit)
        month_pay = people.fixed_pay * people.hours + people.variable_pay
        year_pay[covered] += month_pay[covered]
        score = np.clip(merit_score(mgmt), -2.0, 2.0)
        year_merit[covered] += month_pay[covered] * np.exp(p.merit_spread * score[covered])
        if not self.cycle_month(mgmt, 12):
            return
        eligible = self._eligible(mgmt, chosen)
        eligible_pay = float(year_pay[eligible].sum())
        pool = min(
            p.share_of_profit * max(self.profit_year, 0.0), p.cap_share_of_pay * eligible_pay
        )
        weights = (year_pay if p.split == "pay" else year_merit) * eligible
        if pool > 0 and weights.sum() > 0:
            bonus = pool * weights / weights.sum()
            people.variable_pay[:] += bonus
            mgmt.book_bonuses(pool)
        else:
            pool = 0.0
        share = pool / eligible_pay if eligible_pay > 0 else 0.0
        self.expected_share = share
        self.payouts.append(
            {
                "month": mgmt.month,
                "pool": pool,
                "profit": self.profit_year,
                "eligible": int(eligible.sum()),
                "share_of_pay": share,
            }
        )
        mgmt.log("profit_sharing_bonus", pool=pool, share_of_pay=share)
        self.profit_year = 0.0
        year_pay[:] = 0.0
        year_merit[:] = 0.0


# --- pay bands -----------------------------------------------------------------------------------


@register
class PayBands(RolesPolicy):
    """Pay bands: several pay levels within one post, climbed by merit or by seniority.

    Everyone starts at the bottom level of their post (their current wage). At each review
    (every ``review_months``), the ``move_up_share`` of each role's people who have served a review
    period and are not yet at the top move up one level: the best by appraisal score (``merit``) or
    the longest-serving (``seniority``). A level pays ``step_share`` more than the one below
    (through ``change_wages``; a step is a reward beyond the regular raise, so it is judged against
    one month's expected raise, like a promotion). Room to grow without changing post raises the felt advancement
    chances by ``advancement_gain``; merit bands add an incentive of ``incentive_strength``.

    Source: source document, "several pay levels within one post" (一岗多薪) and HR's pay and
    performance function.
    """

    name = "pay_bands"
    family = "pay"
    title_zh = "一岗多薪"

    class Params(Spec):
        levels: int = param(
            5,
            2,
            20,
            unit="levels",
            doc="pay levels within one post",
            source="assumed: broadband pay structures have a handful of levels per post",
        )
        step_share: float = param(
            0.08,
            0.0,
            0.5,
            unit="share of wage",
            doc="how much more each level pays than the one below",
            source="assumed: broadband steps of 5-10%",
        )
        review_months: int = param(
            12,
            1,
            60,
            unit="months",
            doc="months between band reviews",
            source="assumed: a yearly pay review",
        )
        move_up_share: float = param(
            0.3,
            0.0,
            1.0,
            unit="share",
            doc="share of each role's eligible people who move up a level at a review",
            source="assumed: about a third of a post moves up a level a year",
        )
        by: Literal["merit", "seniority"] = choice(
            "merit",
            "who moves up: the best appraised, or the longest-serving",
            source="assumed: merit, as in the source document's performance-linked pay",
        )
        advancement_gain: float = param(
            0.08,
            0.0,
            0.5,
            unit="advancement",
            doc="rise in felt advancement chances from room to grow within the post",
            source="source document: several promotion ladders and pay levels",
        )
        incentive_strength: float = param(
            0.2,
            0.0,
            1.0,
            unit="incentive strength",
            doc="incentive of moving up by merit (none by seniority)",
            source="assumed: weaker than a merit bonus (MODEL_SKETCH 0.3-0.6)",
        )
        roles: list[str] = roles_field("all roles")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        mgmt.register_column("pay_level", np.int64, 0)

    def act(self, mgmt: Management):
        n, p = mgmt.n, self.params
        covered = mgmt.members(self.chosen_roles(mgmt))
        if n:
            mgmt.shift("advancement", p.advancement_gain * covered.mean())
        if p.by == "merit":
            mgmt.add_incentive(covered, p.incentive_strength)

    def review(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        if not self.cycle_month(mgmt, p.review_months) or n == 0:
            return
        level = people.pay_level
        eligible = (
            mgmt.members(self.chosen_roles(mgmt))
            & (level < p.levels - 1)
            & (people.tenure >= p.review_months)
        )
        score = merit_score(mgmt) if p.by == "merit" else people.tenure.astype(float)
        rows = rank_within_role(mgmt, score, p.move_up_share, top=True, eligible=eligible)
        if rows.size:
            # a step up is a reward beyond the regular raise: judged against a month's expectation
            mgmt.change_wages(
                rows, people.wage[rows] * (1.0 + p.step_share), months_since_review=1.0
            )
            level[rows] += 1
