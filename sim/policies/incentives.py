"""Incentives beyond pay: emotional care, respect, communication, the work itself, recognition, and
negative incentives (source document, section "incentives": money is only one of six levers).

Each policy moves the firm-wide climate relative to its neutral value (so that policies compose),
and a few act on people one by one (recognition awards, fines, demotions) through their columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import Field

from sim.params import Spec, param
from sim.policies.base import Policy, not_hired_this_month, rank_within_role, register

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

# --- emotional care ------------------------------------------------------------------------------


@register
class EmotionalCare(Policy):
    """Emotional care: attention to staff's lives and hardships, and help home for the holidays.

    Each month felt care rises by ``care_gain * attention`` and relations by
    ``relations_gain * attention`` (belonging, Maslow's third level). With ``holiday_travel_home``,
    a holiday break (the ``holiday_break`` event) finds the firm paying ``travel_cost_per_traveller``
    for each traveller, and nobody is stranded for want of a ticket back. The policy costs
    ``cost_per_employee`` a month per head.

    Source: source document, "emotional care": Hangzhou's migrant labour shortage (18.28%, then
    34.25% of demand unfilled) blamed on poor treatment; a Nanjing general manager paid over 30,000
    yuan for a bus to take 30-odd migrant employees home for the Spring Festival and back, and all
    returned on time.
    """

    name = "emotional_care"
    family = "incentives"
    title_zh = "情感激励"

    class Params(Spec):
        attention: float = param(
            0.7,
            0.0,
            1.0,
            unit="share",
            doc="how closely managers attend to staff's lives and hardships (1: every hardship noticed and helped)",
            source="assumed",
        )
        care_gain: float = param(
            0.45,
            0.0,
            0.6,
            unit="care",
            doc="rise in felt care at full attention (neutral firm: 0.4)",
            source="assumed: full attention takes an ordinary firm's care most of the way to 1",
        )
        relations_gain: float = param(
            0.08,
            0.0,
            0.4,
            unit="relations",
            doc="rise in relations among colleagues at full attention",
            source="assumed",
        )
        cost_per_employee: float = param(
            30.0,
            0.0,
            1e5,
            unit="currency/employee/month",
            doc="hardship help, visits and small gifts",
            source="assumed",
        )
        holiday_travel_home: bool = Field(
            True,
            description="the firm takes migrant staff home for a holiday break and brings them back",
        )
        travel_cost_per_traveller: float = param(
            1000.0,
            0.0,
            1e5,
            unit="currency/traveller",
            doc="the return trip the firm pays for each migrant employee",
            source="source document: over 30,000 yuan for a bus for 30-odd migrant workers",
        )

    def act(self, mgmt: Management):
        p = self.params
        mgmt.shift("care", p.care_gain * p.attention)
        mgmt.shift("relations", p.relations_gain * p.attention)
        mgmt.charge(p.cost_per_employee * mgmt.n)

    def holiday_travel(self, mgmt: Management, travellers: np.ndarray) -> bool:
        """Called by the ``holiday_break`` event: pay the trip and say whether the firm arranges it."""
        if not self.params.holiday_travel_home:
            return False
        mgmt.charge(self.params.travel_cost_per_traveller * len(travellers))
        return True


# --- respect -------------------------------------------------------------------------------------


@register
class Respect(Policy):
    """Respect and equal treatment: no status privileges for anyone, or their opposite.

    ``equal_treatment`` runs from -1 (status-conscious management: reserved privileges, rank on
    display) through 0 (an ordinary firm) to 1 (nobody has privileges, the founder included). Felt
    respect moves by ``respect_gain * equal_treatment``, relations by a third of that and the
    fairness of company rules (policy and administration) by a fifth. No money cost.

    Source: source document, "respect": at Walmart's head office nobody, the founder included, has
    a reserved parking space.
    """

    name = "respect"
    family = "incentives"
    title_zh = "尊重激励（平等待人）"

    class Params(Spec):
        equal_treatment: float = param(
            1.0,
            -1.0,
            1.0,
            unit="scale",
            doc="1: no privileges for anyone (Walmart); 0: ordinary; -1: status-conscious management",
            source="source document: Walmart's parking",
        )
        respect_gain: float = param(
            0.25,
            0.0,
            0.45,
            unit="respect",
            doc="rise (or, at -1, fall) in felt respect (neutral firm: 0.55)",
            source="assumed",
        )

    def act(self, mgmt: Management):
        p = self.params
        shift = p.respect_gain * p.equal_treatment
        mgmt.shift("respect", shift)
        mgmt.shift("relations", shift / 3.0)
        mgmt.shift("policy_admin", shift / 5.0)


# --- communication: management by walking around ---------------------------------------------------

MBWA_HALF_TIME = (
    0.1  # share of managers' time at which walking around has half its effect (assumed)
)


@register
class WalkingAround(Policy):
    """Management by walking around: leaders listen on the floor and mentor rather than command.

    With ``s = time_share / (time_share + 0.1)`` (half the effect at a tenth of managers' time),
    voice rises by ``voice_gain * s``, supervision by ``supervision_gain * mentoring * s`` and
    relations by ``0.2 * voice_gain * s``. Its cost is managers' time, not money.

    Source: source document, "communication": Walmart's management by walking around, leaders as
    mentors ("supervisor") rather than commanders; Peters & Waterman 1982.
    """

    name = "walking_around"
    family = "incentives"
    title_zh = "走动管理"

    class Params(Spec):
        time_share: float = param(
            0.2,
            0.0,
            0.6,
            unit="share of managers' time",
            doc="time managers spend out of the office, on the floor, listening",
            source="assumed",
        )
        mentoring: float = param(
            1.0,
            0.0,
            1.0,
            unit="scale",
            doc="how far supervisors act as mentors (1) rather than commanders (0)",
            source="source document: the 'supervisor' as mentor",
        )
        voice_gain: float = param(
            0.3,
            0.0,
            0.6,
            unit="voice",
            doc="rise in voice (being heard) at saturation (neutral firm: 0.4)",
            source="assumed",
        )
        supervision_gain: float = param(
            0.25,
            0.0,
            0.45,
            unit="supervision",
            doc="rise in the quality of supervision at saturation with full mentoring (neutral: 0.55)",
            source="assumed",
        )

    def act(self, mgmt: Management):
        p = self.params
        s = p.time_share / (p.time_share + MBWA_HALF_TIME)
        mgmt.shift("voice", p.voice_gain * s)
        mgmt.shift("supervision", p.supervision_gain * p.mentoring * s)
        mgmt.shift("relations", 0.2 * p.voice_gain * s)


# --- the work itself ------------------------------------------------------------------------------


@register
class JobEnrichment(Policy):
    """Job enrichment: challenge, variety and autonomy ("the reward of work is the work itself").

    The work itself rises by ``work_itself_gain * enrichment``; growth and voice (responsibility) by
    a third of that; people who own a whole piece of work make fewer defects:
    ``defect_rate *= 1 - defect_reduction * enrichment``. It costs ``cost_per_employee`` a month
    (job redesign, cross-training). Motivators only satisfy once lower needs are met (Maslow's gate
    in the psychology), so it pays where pay and security are adequate.

    Source: source document, "the work itself"; Herzberg 1968 (job enrichment); Hackman & Oldham
    1976 (job characteristics model).
    """

    name = "job_enrichment"
    family = "incentives"
    title_zh = "工作激励（工作丰富化）"

    class Params(Spec):
        enrichment: float = param(
            0.7,
            0.0,
            1.0,
            unit="scale",
            doc="how much challenge, variety and autonomy the jobs gain",
            source="assumed",
        )
        work_itself_gain: float = param(
            0.35,
            0.0,
            0.5,
            unit="work itself",
            doc="rise in the felt work itself at full enrichment (neutral: 0.5)",
            source="assumed",
        )
        defect_reduction: float = param(
            0.2,
            0.0,
            0.8,
            unit="share",
            doc="share of defects avoided at full enrichment",
            source="assumed: Hackman & Oldham 1976 report quality gains from enriched jobs",
        )
        cost_per_employee: float = param(
            50.0,
            0.0,
            1e5,
            unit="currency/employee/month",
            doc="job redesign and cross-training",
            source="assumed",
        )

    def act(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        gain = p.work_itself_gain * p.enrichment
        mgmt.shift("work_itself", gain)
        mgmt.shift("growth", gain / 3.0)
        mgmt.shift("voice", gain / 3.0)
        people.defect_rate[:] *= 1.0 - p.defect_reduction * p.enrichment
        mgmt.charge(p.cost_per_employee * n)


# --- recognition ---------------------------------------------------------------------------------


@register
class Recognition(Policy):
    """Recognition: praise for everyone who does well (universal), or awards for a few (scarce).

    - ``universal``: felt recognition rises by ``universal_gain`` for everyone, every month.
    - ``scarce``: every ``every_months``, the best ``winners_share`` of each role by last month's
      output win an award: each winner's felt recognition jumps by ``award_shock`` (a per-person
      shock that fades like a raise's glow); everyone passed over feels slighted by ``envy``, which
      lowers their recognition and adds to their felt inequity. A ``prize`` in cash goes with the
      award (0: purely symbolic) and is paid as a bonus.
    Scarce recognition motivates the winners and can hurt equity for the others.

    Source: source document, the incentives list (recognition and honour); Frey 2007 (awards as
    a motivator); envy of peers' awards: Adams 1965.
    """

    name = "recognition"
    family = "incentives"
    title_zh = "荣誉激励（表彰）"

    class Params(Spec):
        scope: Literal["universal", "scarce"] = Field(
            "universal", description="praise for all who do well, or awards for a few"
        )
        universal_gain: float = param(
            0.15,
            0.0,
            0.5,
            unit="recognition",
            doc="rise in felt recognition under universal praise (neutral: 0.45)",
            source="assumed",
        )
        every_months: int = param(
            3, 1, 24, unit="months", doc="months between award rounds (scarce)", source="assumed"
        )
        winners_share: float = param(
            0.1,
            0.0,
            0.5,
            unit="share",
            doc="share of each role who win an award at each round (scarce)",
            source="assumed",
        )
        award_shock: float = param(
            0.3,
            0.0,
            1.0,
            unit="recognition",
            doc="a winner's jump in felt recognition, fading like a raise's glow",
            source="assumed",
        )
        envy: float = param(
            0.05,
            0.0,
            0.5,
            unit="recognition",
            doc="felt slight of each person passed over at a round (lowers recognition, adds inequity)",
            source="assumed: Adams 1965, comparison with rewarded peers",
        )
        prize: float = param(
            0.0,
            0.0,
            1e6,
            unit="currency/winner",
            doc="cash that goes with an award (0: purely symbolic)",
            source="assumed",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.winners = np.zeros(0, dtype=np.int64)  # unique ids of the last round's winners
        self.round_month = -1

    def act(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        if p.scope == "universal":
            mgmt.shift("recognition", p.universal_gain)
            return
        if not self.cycle_month(mgmt, p.every_months) or n == 0:
            return
        rows = rank_within_role(mgmt, people.output, p.winners_share, top=True)
        felt = np.full(n, -p.envy)  # everyone passed over feels slighted
        felt[rows] = p.award_shock
        mgmt.recognise(np.arange(n), felt)
        self.winners = people.uid[rows].copy()
        self.round_month = mgmt.month
        mgmt.log("recognition_awards", winners=int(rows.size))

    def settle(self, mgmt: Management):
        if self.params.prize <= 0 or self.round_month != mgmt.month:
            return
        rows = mgmt.rows_of(self.winners)
        mgmt.people.variable_pay[rows] += self.params.prize
        mgmt.book_bonuses(self.params.prize * rows.size)


# --- negative incentives -------------------------------------------------------------------------


@register
class NegativeIncentives(Policy):
    """Negative incentives: public criticism, fines for the worst performers, demotion.

    The threat ``T = clip(criticism + 2*fine_bottom_share + 2*demotion_bottom_share, 0, 1)`` adds
    ``pressure_gain * T`` to the pressure that raises short-run effort, and costs everyone
    ``security_loss * T`` of their job security. Criticism also lowers felt respect
    (``respect_loss * criticism``), supervision and relations (half as much each).
    Each month the lowest ``fine_bottom_share`` of each role by output pay a fine of
    ``fine_amount`` (never more than the month's pay), felt as a loss (loss aversion). Every
    ``demotion_every_months`` the lowest ``demotion_bottom_share`` are demoted: one level down (if
    above staff) and a wage cut of ``demotion_pay_cut``, felt like any pay cut.

    Source: source document, "negative incentives" (criticism, punishment, demotion, fines), which
    lists them as a lever with costs to the safety need; Podsakoff et al. 2006 (punishment's
    side-effects).
    """

    name = "negative_incentives"
    family = "incentives"
    title_zh = "负激励（批评、罚款、降级）"

    class Params(Spec):
        criticism: float = param(
            0.5,
            0.0,
            1.0,
            unit="scale",
            doc="how harsh and public criticism of poor work is",
            source="assumed",
        )
        fine_bottom_share: float = param(
            0.05,
            0.0,
            0.5,
            unit="share",
            doc="share of each role fined each month (the lowest output)",
            source="assumed",
        )
        fine_amount: float = param(
            200.0, 0.0, 1e6, unit="currency", doc="one fine", source="assumed"
        )
        demotion_bottom_share: float = param(
            0.0,
            0.0,
            0.5,
            unit="share",
            doc="share of each role demoted at each demotion round (the lowest output)",
            source="assumed",
        )
        demotion_every_months: int = param(
            12, 1, 60, unit="months", doc="months between demotion rounds", source="assumed"
        )
        demotion_pay_cut: float = param(
            0.1, 0.0, 0.9, unit="share", doc="wage cut on demotion", source="assumed"
        )
        pressure_gain: float = param(
            0.6,
            0.0,
            1.0,
            unit="pressure",
            doc="pressure (short-run effort) at full threat",
            source="assumed: a forced-ranking-like pressure (Scullen et al. 2005)",
        )
        security_loss: float = param(
            0.15,
            0.0,
            0.6,
            unit="security",
            doc="loss of everyone's job security at full threat",
            source="source document: punishment threatens the safety need",
        )
        respect_loss: float = param(
            0.2,
            0.0,
            0.5,
            unit="respect",
            doc="loss of felt respect at the harshest criticism",
            source="assumed",
        )

    def threat(self) -> float:
        p = self.params
        return float(
            np.clip(p.criticism + 2.0 * p.fine_bottom_share + 2.0 * p.demotion_bottom_share, 0, 1)
        )

    def act(self, mgmt: Management):
        p, people = self.params, mgmt.people
        t = self.threat()
        mgmt.shift("ranking_pressure", p.pressure_gain * t)
        mgmt.shift("respect", -p.respect_loss * p.criticism)
        mgmt.shift("supervision", -0.5 * p.respect_loss * p.criticism)
        mgmt.shift("relations", -0.5 * p.respect_loss * p.criticism)
        np.clip(people.security - p.security_loss * t, 0.0, 1.0, out=people.security)

    def review(self, mgmt: Management):
        p, people = self.params, mgmt.people
        if p.demotion_bottom_share <= 0 or not self.cycle_month(mgmt, p.demotion_every_months):
            return
        rows = rank_within_role(mgmt, people.output, p.demotion_bottom_share, top=False)
        if rows.size == 0:
            return
        mgmt.change_wages(rows, people.wage[rows] * (1.0 - p.demotion_pay_cut))
        people.level[rows] = np.maximum(people.level[rows] - 1, 0)
        for row in rows.tolist():
            mgmt.log(
                "demotion",
                employee_id=int(people.uid[row]),
                role=mgmt.role_names[people.role[row]],
                tenure_months=float(people.tenure[row]),
            )

    def settle(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        if p.fine_bottom_share <= 0 or p.fine_amount <= 0 or n == 0:
            return
        rows = rank_within_role(
            mgmt,
            people.output,
            p.fine_bottom_share,
            top=False,
            eligible=not_hired_this_month(mgmt),
        )
        pay = people.fixed_pay[rows] * people.hours[rows] + people.variable_pay[rows]
        fine = np.minimum(p.fine_amount, np.maximum(pay, 0.0))
        people.variable_pay[rows] -= fine
        mgmt.fine(rows, pay, pay - fine)
