"""Pay policies: what people are paid, how it is earned, and how it changes.

Pay reaches people through their columns: ``fixed_pay`` (monthly pay at full hours), ``variable_pay``
(piece, commission and bonus earned this month, written in ``settle``), ``incentive`` (how far pay
rises with one's own output: the scheme's pay-for-performance elasticity, a fact that the
psychology's ``effort_incentive`` turns into effort), ``piece_quality`` and ``unvested_share``
(what a scheme puts at stake); base wages change only
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
    summary_zh = "每个岗位发固定月工资，工资水平相对市场工资来设定。"

    class Params(Spec):
        level_vs_market: float = param(
            1.0,
            0.3,
            3.0,
            unit="x market wage",
            doc="salary as a multiple of the market wage of the role",
            source="source document: external competitiveness of pay",
            label_zh="相对市场工资水平",
            doc_zh="工资是该岗位市场工资的多少倍",
        )
        premium_per_month: float = param(
            0.0,
            0.0,
            1e6,
            unit="currency/month",
            doc="fixed amount added on top of the level",
            source="source document: Shengyi paid a few hundred yuan above similar firms",
            label_zh="每月高出的工资",
            doc_zh="在上述水平之外每月另加的固定金额",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

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

    Each month the chosen roles (by default every role whose output has a value) earn
    ``rate_per_standard_month * base wage * units / STANDARD_MONTH``, where a standard month is the
    output of a worker of ability 1 at full skill, standard pace and full hours. The floor is a
    guaranteed minimum: pay is ``max(floor_share_of_wage * base wage * hours, piece earnings)``
    (``fixed_pay`` is the floor, the excess is variable pay). Above the floor every unit adds to pay:
    the elasticity of pay to output is 1 (0 where the floor binds), against a flat salary's 0.

    Quality: with ``quality_rule = "none"`` every unit is paid, good or bad; with
    ``"unpaid_until_reworked"`` only good units are paid, and each defective unit is reworked in
    one's own time, costing ``rework_time`` of a unit's time (the lost share of output is
    ``defects * rework_time``). How much care people trade for speed when every unit is paid, and
    take when defects cost them, is the psychology's (``speed_over_quality``,
    ``care_when_defects_unpaid``).

    Source: source document, Lincoln Electric: production workers paid by the piece with no minimum
    hourly wage; a defective part earns nothing until it is repaired to standard; "money raises
    productivity by 30%". Lazear (2000, Safelite): piece rates raised output ~44% and pay ~10%.
    """

    name = "piece_rate"
    family = "pay"
    title_zh = "计件工资"
    summary_zh = "计件工资：按合格产量计酬，可以设保底工资和质量规则。"
    default_roles = "producers"

    class Params(Spec):
        rate_per_standard_month: float = param(
            1.15,
            0.0,
            5.0,
            unit="base wages per standard month",
            doc="pay for a standard month's good output, as a multiple of the base wage",
            source="assumed: piece earnings ~10% above the salary at piece-rate effort (Lazear 2000)",
            label_zh="标准产量的计件单价（倍基本工资）",
            doc_zh="一个标准月的合格产量所得的报酬，以基本工资的倍数表示",
        )
        floor_share_of_wage: float = param(
            0.0,
            0.0,
            1.0,
            unit="share of base wage",
            doc="guaranteed minimum monthly pay as a share of the base wage (0 = none)",
            source="source document: Lincoln Electric pays no minimum hourly wage",
            label_zh="保底工资比例",
            doc_zh="保证的最低月工资占基本工资的比例（0 = 没有保底）",
        )
        quality_rule: Literal["none", "unpaid_until_reworked"] = choice(
            "unpaid_until_reworked",
            "whether defective units are paid ('none') or earn nothing until reworked",
            "source document: at Lincoln a defective part earns nothing until repaired",
            label_zh="质量规则",
            doc_zh="次品也照样计酬（“不设”），还是返修合格之前不计报酬",
            options_zh={
                "none": "不设（次品照样计酬）",
                "unpaid_until_reworked": "次品返修合格前不计工资",
            },
        )
        rework_time: float = param(
            1.0,
            0.0,
            3.0,
            unit="units of time per defect",
            doc="time to rework a defective unit, as a share of the time to make one",
            source="assumed: reworking a part takes about as long as making it",
            label_zh="返修耗时",
            doc_zh="返修一件次品所需的时间，占生产一件所需时间的比例",
        )
        roles: list[str] = roles_field(
            "every role whose output has a value", "所有产出有价值的岗位"
        )

    def act(self, mgmt: Management):
        people, p = mgmt.people, self.params
        rows = mgmt.members(self.chosen_roles(mgmt))
        wage = people.wage[rows]
        floor = p.floor_share_of_wage * wage
        # last month's output (a standard month for someone who has not worked yet)
        units = np.where(people.output[rows] > 0, people.output[rows], STANDARD_MONTH)
        piece = p.rate_per_standard_month * wage * units / STANDARD_MONTH
        mgmt.add_incentive(rows, np.where(piece > floor, 1.0, 0.0))
        people.fixed_pay[rows] = floor
        if p.quality_rule == "none":
            people.piece_quality[rows] = 1
        else:
            people.piece_quality[rows] = 2
            people.defect_rate[rows] = np.clip(people.defect_rate[rows] * p.rework_time, 0.0, 0.95)

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
    their base wage as fixed pay and earn ``rate * revenue of the clients they hold`` as variable
    pay: the share of pay that is commission is how far pay rises with one's own results (the
    elasticity of pay to them). The share of the workforce on personal commission is a condition
    people see; the rivalry it breeds among colleagues is the psychology's
    (``relations_per_commission``).

    Source: source document, Shengyi: everyone but the technicians holds clients; salespeople fight
    over clients and disparage each other; rewards are money only.
    """

    name = "commission"
    family = "pay"
    title_zh = "销售提成"
    summary_zh = "销售提成：销售人员按所持客户每月收入的一定比例拿提成。"
    default_roles = "client_holders"

    class Params(Spec):
        rate: float = param(
            0.05,
            0.0,
            1.0,
            unit="share of client revenue",
            doc="commission on the monthly revenue of the clients held",
            source="assumed: sales commissions of a few percent",
            label_zh="提成比例",
            doc_zh="按所持客户每月收入计算的提成比例",
        )
        base_share_of_wage: float = param(
            1.0,
            0.0,
            1.0,
            unit="share of base wage",
            doc="share of the base wage kept as fixed pay",
            source="assumed: the base salary is kept in full unless a scenario says otherwise",
            label_zh="底薪占原工资比例",
            doc_zh="保留为固定工资的部分占基本工资的比例",
        )
        roles: list[str] = roles_field("the roles that hold clients", "掌握客户的岗位")

    def act(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        on = mgmt.members(self.chosen_roles(mgmt))
        _, revenue = mgmt.held_clients()
        fixed = p.base_share_of_wage * people.wage[on]
        commission = p.rate * revenue[on] * mgmt.demand
        mgmt.add_incentive(on, commission / np.maximum(fixed + commission, 1.0))
        people.fixed_pay[on] = fixed
        if n:
            mgmt.add("commission_share", float(on.mean()))

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

    How far the bonus rises with one's own output (the elasticity of pay to it): with the expected
    bonus ``b`` as a share of pay, the bonus is ``b / (1 + b)`` of all pay; split by merit it moves
    with one's rating, ``merit_spread`` per log-point, as accurately as the rating follows output;
    split by pay it moves with one's own output only through the firm's profit, ``1 / eligible``
    of it. The bonus not yet vested (``min(1, b)`` times the share of the bonus year gone for the
    eligible, half the progress toward ``service_months`` for the others) is what leaving would
    cost; how much that holds people is the psychology's (``unvested_sacrifice``). The expected
    bonus is ``cap_share_of_pay`` at first, then the last payout's share of pay. ``payouts`` keeps
    every payout.

    Source: source document, Lincoln Electric: after two years of service an employee shares in the
    year-end bonus, which averaged 95.5% of base pay over 56 years; "align individual and company
    interests". Mitchell et al. (2001): sacrifice in job embeddedness.
    """

    name = "profit_sharing"
    family = "pay"
    title_zh = "利润分享年终奖"
    summary_zh = "利润分享年终奖：拿出一年利润的一部分，发给服务年限足够的员工。"

    class Params(Spec):
        share_of_profit: float = param(
            0.5,
            0.0,
            1.0,
            unit="share of profit",
            doc="share of the year's profit before bonuses put into the bonus pool",
            source="assumed; source document: Lincoln shares profit with its employees",
            label_zh="利润分享比例",
            doc_zh="发奖金前的年度利润中放入奖金池的比例",
        )
        cap_share_of_pay: float = param(
            1.0,
            0.0,
            3.0,
            unit="share of pay",
            doc="largest pool as a share of the year's pay of the eligible",
            source="source document: Lincoln's bonus averaged 95.5% of base pay",
            label_zh="奖金上限（占工资比例）",
            doc_zh="奖金池最多为有资格者全年工资的这一比例",
        )
        service_months: int = param(
            24,
            0,
            240,
            unit="months",
            doc="service needed at payout to share in the bonus",
            source="source document: Lincoln, after two years of service",
            label_zh="服务年限要求（月）",
            doc_zh="发放时需要达到的司龄，才能分享奖金",
        )
        split: Literal["pay", "merit"] = choice(
            "merit",
            "split the pool by pay over the year, or by pay weighted by merit rating",
            "source document: Lincoln's competitive appraisal",
            label_zh="奖金分配方式",
            doc_zh="按全年工资分配奖金池，还是按以绩效评分加权的工资分配",
            options_zh={"pay": "按工资", "merit": "按绩效加权"},
        )
        merit_spread: float = param(
            0.5,
            0.0,
            3.0,
            unit="per log-point of score",
            doc="how steeply a merit-split bonus rises with the appraisal score",
            source="assumed: one log-point better rating earns ~65% more bonus",
            label_zh="绩效差距",
            doc_zh="按绩效分配时，奖金随考核分数上升的陡峭程度",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

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
        bonus_share = self.expected_share / (1.0 + self.expected_share)
        if p.split == "merit":
            elasticity = bonus_share * p.merit_spread * people.rating_accuracy[eligible]
        else:
            elasticity = bonus_share / max(int(eligible.sum()), 1)
        mgmt.add_incentive(eligible, elasticity)
        year_gone = (self.months_in_force(mgmt) % 12) / 12.0
        progress = np.minimum(1.0, people.tenure / max(p.service_months, 1))
        vesting = np.where(eligible, year_gone, 0.5 * progress)
        unvested = min(1.0, self.expected_share) * vesting
        people.unvested_share[covered] = np.maximum(
            people.unvested_share[covered], unvested[covered]
        )

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
    one month's expected raise, like a promotion). The share of the workforce with room to grow
    within its post is a condition people see (felt advancement: the psychology's
    ``advancement_per_pay_bands``). By merit, a step is a prize for better rated output: pay rises
    with output by ``step_share * move_up_share * 12 / review_months`` a year, as accurately as the
    rating follows output.

    Source: source document, "several pay levels within one post" (一岗多薪) and HR's pay and
    performance function.
    """

    name = "pay_bands"
    family = "pay"
    title_zh = "一岗多薪"
    summary_zh = "一岗多薪：同一岗位内设几个薪级，按绩效或按资历晋级。"

    class Params(Spec):
        levels: int = param(
            5,
            2,
            20,
            unit="levels",
            doc="pay levels within one post",
            source="assumed: broadband pay structures have a handful of levels per post",
            label_zh="薪级数",
            doc_zh="同一岗位内的工资级数",
        )
        step_share: float = param(
            0.08,
            0.0,
            0.5,
            unit="share of wage",
            doc="how much more each level pays than the one below",
            source="assumed: broadband steps of 5-10%",
            label_zh="每级薪差",
            doc_zh="每一级比下一级高出的工资比例",
        )
        review_months: int = param(
            12,
            1,
            60,
            unit="months",
            doc="months between band reviews",
            source="assumed: a yearly pay review",
            label_zh="检视周期（月）",
            doc_zh="两次薪级评定之间相隔的月数",
        )
        move_up_share: float = param(
            0.3,
            0.0,
            1.0,
            unit="share",
            doc="share of each role's eligible people who move up a level at a review",
            source="assumed: about a third of a post moves up a level a year",
            label_zh="每次晋级比例",
            doc_zh="每次评定时各岗位符合条件者升一级的比例",
        )
        by: Literal["merit", "seniority"] = choice(
            "merit",
            "who moves up: the best appraised, or the longest-serving",
            source="assumed: merit, as in the source document's performance-linked pay",
            label_zh="晋级依据",
            doc_zh="谁升级：考核最好的人，还是司龄最长的人",
            options_zh={"merit": "按绩效", "seniority": "按资历"},
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        mgmt.register_column("pay_level", np.int64, 0)

    def act(self, mgmt: Management):
        n, p = mgmt.n, self.params
        covered = mgmt.members(self.chosen_roles(mgmt))
        if n:
            mgmt.add("pay_bands", float(covered.mean()))
        if p.by == "merit":
            prize = p.step_share * p.move_up_share * 12.0 / p.review_months
            mgmt.add_incentive(covered, prize * mgmt.people.rating_accuracy[covered])

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
