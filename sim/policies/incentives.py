"""Incentives beyond pay: emotional care, respect, communication, the work itself, recognition, and
negative incentives (source document, section "incentives": money is only one of six levers).

Each policy moves the firm-wide climate relative to its neutral value (so that policies compose),
and a few act on people one by one (recognition awards, fines, demotions) through their columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, choice, param
from sim.policies.base import Policy, not_hired_this_month, rank_within_role, register

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

# --- emotional care ------------------------------------------------------------------------------


@register
class EmotionalCare(Policy):
    """Emotional care: attention to staff's lives and hardships, and help home for the holidays.

    Managers notice and help with the share ``attention`` of staff's hardships (a condition; what it
    does for felt care and relations, and how many exits after a personal event it prevents, is the
    psychology's: ``care_per_help``, ``relations_per_help``, ``help_keeps``). With
    ``holiday_travel_home``, a holiday break (the ``holiday_break`` event) finds the firm paying
    ``travel_cost_per_traveller`` for each traveller, and nobody is stranded for want of a ticket
    back. The policy costs ``cost_per_employee`` a month per head.

    Source: source document, "emotional care": Hangzhou's migrant labour shortage (18.28%, then
    34.25% of demand unfilled) blamed on poor treatment; a Nanjing general manager paid over 30,000
    yuan for a bus to take 30-odd migrant employees home for the Spring Festival and back, and all
    returned on time.
    """

    name = "emotional_care"
    family = "incentives"
    title_zh = "情感激励"
    summary_zh = "情感激励：关心员工的生活和困难，放假时帮助员工回家。"

    class Params(Spec):
        attention: float = param(
            0.7,
            0.0,
            1.0,
            unit="share",
            doc="how closely managers attend to staff's lives and hardships (1: every hardship noticed and helped)",
            source="assumed",
            label_zh="关怀程度",
            doc_zh="管理者关心员工生活和困难的程度（1：每一个困难都被注意到并得到帮助）",
        )
        cost_per_employee: float = param(
            30.0,
            0.0,
            1e5,
            unit="currency/employee/month",
            doc="hardship help, visits and small gifts",
            source="assumed",
            label_zh="每人每月成本",
            doc_zh="困难补助、探望和小礼物的费用",
        )
        holiday_travel_home: bool = choice(
            True,
            "the firm takes migrant staff home for a holiday break and brings them back",
            label_zh="春节包车送员工回家并接回",
            doc_zh="放假时企业把外地员工送回家，假期结束再接回来",
        )
        travel_cost_per_traveller: float = param(
            1000.0,
            0.0,
            1e5,
            unit="currency/traveller",
            doc="the return trip the firm pays for each migrant employee",
            source="source document: over 30,000 yuan for a bus for 30-odd migrant workers",
            label_zh="每人往返路费",
            doc_zh="企业为每名外地员工支付的往返路费",
        )

    def act(self, mgmt: Management):
        p = self.params
        mgmt.set("hardship_help", max(mgmt.conditions.hardship_help, p.attention))
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
    display) through 0 (an ordinary firm) to 1 (nobody has privileges, the founder included). What
    that does for felt respect, relations and the fairness of rules is the psychology's
    (``respect_per_equality``). No money cost.

    Source: source document, "respect": at Walmart's head office nobody, the founder included, has
    a reserved parking space.
    """

    name = "respect"
    family = "incentives"
    title_zh = "尊重激励（平等待人）"
    summary_zh = "尊重与平等待人：任何人都没有等级特权，或者正好相反。"

    class Params(Spec):
        equal_treatment: float = param(
            1.0,
            -1.0,
            1.0,
            unit="scale",
            doc="1: no privileges for anyone (Walmart); 0: ordinary; -1: status-conscious management",
            source="source document: Walmart's parking",
            label_zh="平等待人程度",
            doc_zh="1：任何人都没有特权（沃尔玛）；0：一般水平；−1：等级观念很重的管理",
        )

    def act(self, mgmt: Management):
        mgmt.set("equal_treatment", self.params.equal_treatment)


# --- communication: management by walking around ---------------------------------------------------


@register
class WalkingAround(Policy):
    """Management by walking around: leaders listen on the floor and mentor rather than command.

    Managers spend ``time_share`` of their time on the floor, and ``mentoring`` of them coach rather
    than command. What that does for voice, supervision and relations (saturating) is the
    psychology's (``voice_per_walking``, ``supervision_per_mentoring``, ``walking_half_time``). Its
    cost is managers' time, not money.

    Source: source document, "communication": Walmart's management by walking around, leaders as
    mentors ("supervisor") rather than commanders; Peters & Waterman 1982.
    """

    name = "walking_around"
    family = "incentives"
    title_zh = "走动管理"
    summary_zh = "走动管理：领导到一线倾听员工意见，像导师一样辅导而不是发号施令。"

    class Params(Spec):
        time_share: float = param(
            0.2,
            0.0,
            0.6,
            unit="share of managers' time",
            doc="time managers spend out of the office, on the floor, listening",
            source="assumed",
            label_zh="管理者走动时间比例",
            doc_zh="管理者走出办公室、到一线倾听员工意见的时间比例",
        )
        mentoring: float = param(
            1.0,
            0.0,
            1.0,
            unit="scale",
            doc="how far supervisors act as mentors (1) rather than commanders (0)",
            source="source document: the 'supervisor' as mentor",
            label_zh="导师式管理",
            doc_zh="上级像导师（1）而不是像指挥官（0）的程度",
        )

    def act(self, mgmt: Management):
        p = self.params
        mgmt.set("walking_around", p.time_share)
        mgmt.set("mentoring", p.mentoring)


# --- the work itself ------------------------------------------------------------------------------


@register
class JobEnrichment(Policy):
    """Job enrichment: challenge, variety and autonomy ("the reward of work is the work itself").

    Jobs gain ``enrichment`` of challenge, variety and autonomy (a condition). What that does for
    the work itself, growth and responsibility, and how much care people who own a whole piece of
    work take over defects, is the psychology's (``work_itself_per_enrichment``,
    ``defects_per_enrichment``). It costs ``cost_per_employee`` a month (job redesign,
    cross-training). Motivators only satisfy once lower needs are met (Maslow's gate in the
    psychology), so it pays where pay and security are adequate.

    Source: source document, "the work itself"; Herzberg 1968 (job enrichment); Hackman & Oldham
    1976 (job characteristics model).
    """

    name = "job_enrichment"
    family = "incentives"
    title_zh = "工作激励（工作丰富化）"
    summary_zh = "工作丰富化：增加工作的挑战性、多样性和自主性（“工作的报酬就是工作本身”）。"

    class Params(Spec):
        enrichment: float = param(
            0.7,
            0.0,
            1.0,
            unit="scale",
            doc="how much challenge, variety and autonomy the jobs gain",
            source="assumed",
            label_zh="工作丰富化程度",
            doc_zh="工作增加的挑战性、多样性和自主性",
        )
        cost_per_employee: float = param(
            50.0,
            0.0,
            1e5,
            unit="currency/employee/month",
            doc="job redesign and cross-training",
            source="assumed",
            label_zh="每人每月成本",
            doc_zh="重新设计工作和交叉培训的费用",
        )

    def act(self, mgmt: Management):
        p, n = self.params, mgmt.n
        mgmt.set("job_enrichment", max(mgmt.conditions.job_enrichment, p.enrichment))
        mgmt.charge(p.cost_per_employee * n)


# --- recognition ---------------------------------------------------------------------------------


@register
class Recognition(Policy):
    """Recognition: praise for everyone who does well (universal), or awards for a few (scarce).

    - ``universal``: everyone who does well is praised, every month.
    - ``scarce``: every ``every_months``, the best ``winners_share`` of each role by last month's
      output win an award; everyone else is passed over. A ``prize`` in cash goes with the award
      (0: purely symbolic) and is paid as a bonus.
    How praise, an award and being passed over feel is the psychology's
    (``recognition_per_praise``; ``award_glow`` and ``award_envy``, shocks that fade like a raise's
    glow): scarce recognition motivates the winners and can hurt equity for the others.

    Source: source document, the incentives list (recognition and honour); Frey 2007 (awards as
    a motivator); envy of peers' awards: Adams 1965.
    """

    name = "recognition"
    family = "incentives"
    title_zh = "荣誉激励（表彰）"
    summary_zh = "荣誉激励：表扬每一个表现好的人（人人有份），或者只奖励少数人（少数人获奖）。"

    class Params(Spec):
        scope: Literal["universal", "scarce"] = choice(
            "universal",
            "praise for all who do well, or awards for a few",
            label_zh="范围",
            doc_zh="表扬所有表现好的人，还是只奖励少数人",
            options_zh={"universal": "人人有份（普遍表扬）", "scarce": "少数人获奖"},
        )
        every_months: int = param(
            3,
            1,
            24,
            unit="months",
            doc="months between award rounds (scarce)",
            source="assumed",
            label_zh="评奖周期（月）",
            doc_zh="两轮评奖之间相隔的月数（少数人获奖时）",
        )
        winners_share: float = param(
            0.1,
            0.0,
            0.5,
            unit="share",
            doc="share of each role who win an award at each round (scarce)",
            source="assumed",
            label_zh="获奖者比例",
            doc_zh="每轮评奖中各岗位获奖的比例（少数人获奖时）",
        )
        prize: float = param(
            0.0,
            0.0,
            1e6,
            unit="currency/winner",
            doc="cash that goes with an award (0: purely symbolic)",
            source="assumed",
            label_zh="奖金",
            doc_zh="随奖项发放的现金（0：纯荣誉奖励）",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.winners = np.zeros(0, dtype=np.int64)  # unique ids of the last round's winners
        self.round_month = -1

    def act(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        if p.scope == "universal":
            mgmt.set("praise_all", True)
            return
        if not self.cycle_month(mgmt, p.every_months) or n == 0:
            return
        rows = rank_within_role(mgmt, people.output, p.winners_share, top=True)
        passed_over = np.ones(n, dtype=bool)
        passed_over[rows] = False
        mgmt.award(rows, passed_over)
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

    Poor work is criticised in public (``criticism``, 0 never to 1 always). Each month the lowest
    ``fine_bottom_share`` of each role by output pay a fine of ``fine_amount`` (never more than the
    month's pay), felt as a loss (loss aversion). Every ``demotion_every_months`` the lowest
    ``demotion_bottom_share`` are demoted: one level down (if above staff) and a wage cut of
    ``demotion_pay_cut``, felt like any pay cut. The felt threat of punishment (criticism and the
    shares fined and demoted), and what it does to pressure, security, respect, supervision and
    relations, is the psychology's (``threat_per_fine_share``, ``pressure_per_punishment``,
    ``security_per_punishment``, ``respect_per_criticism``).

    Source: source document, "negative incentives" (criticism, punishment, demotion, fines), which
    lists them as a lever with costs to the safety need; Podsakoff et al. 2006 (punishment's
    side-effects).
    """

    name = "negative_incentives"
    family = "incentives"
    title_zh = "负激励（批评、罚款、降级）"
    summary_zh = "负激励：公开批评、对表现最差者罚款、降级。"

    class Params(Spec):
        criticism: float = param(
            0.5,
            0.0,
            1.0,
            unit="scale",
            doc="how harsh and public criticism of poor work is",
            source="assumed",
            label_zh="批评",
            doc_zh="对工作差的员工批评的严厉和公开程度",
        )
        fine_bottom_share: float = param(
            0.05,
            0.0,
            0.5,
            unit="share",
            doc="share of each role fined each month (the lowest output)",
            source="assumed",
            label_zh="罚款的末位比例",
            doc_zh="每月各岗位被罚款的比例（产出最低者）",
        )
        fine_amount: float = param(
            200.0,
            0.0,
            1e6,
            unit="currency",
            doc="one fine",
            source="assumed",
            label_zh="罚款金额",
            doc_zh="一次罚款的金额",
        )
        demotion_bottom_share: float = param(
            0.0,
            0.0,
            0.5,
            unit="share",
            doc="share of each role demoted at each demotion round (the lowest output)",
            source="assumed",
            label_zh="降级的末位比例",
            doc_zh="每轮降级中各岗位被降级的比例（产出最低者）",
        )
        demotion_every_months: int = param(
            12,
            1,
            60,
            unit="months",
            doc="months between demotion rounds",
            source="assumed",
            label_zh="降级周期（月）",
            doc_zh="两轮降级之间相隔的月数",
        )
        demotion_pay_cut: float = param(
            0.1,
            0.0,
            0.9,
            unit="share",
            doc="wage cut on demotion",
            source="assumed",
            label_zh="降级减薪幅度",
            doc_zh="降级时工资降低的比例",
        )

    def act(self, mgmt: Management):
        p = self.params
        mgmt.set("criticism", max(mgmt.conditions.criticism, p.criticism))
        mgmt.add("fine_share", p.fine_bottom_share)
        mgmt.add("demotion_share", p.demotion_bottom_share)

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
        mgmt.fine(rows, p.fine_amount)
