"""Culture: shared vision, value socialisation, hiring for fit, a culture programme, collective life
and leadership style (source document: "systematic rules and culture", "shared vision", Shengyi's
money-only culture and Haier's culture work at Red Star).

Firm-level culture state lives in the firm (:class:`sim.org.firm.Firm`): ``vision`` (belief in a
shared vision, decaying with ``psychology.vision_memory`` unless reviewed), ``culture_value`` and
``culture_strength`` (what the firm stands for and how widely it is shared) and
``hiring_selectivity`` (how far hiring draws applicants whose values fit); policies change them
through management's verbs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, choice, described, param
from sim.policies.base import Policy, register, role_problems

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

# --- shared vision -------------------------------------------------------------------------------


@register
class SharedVision(Policy):
    """Shared vision: set, reviewed on a cycle, discussed in a crisis; major decisions explained.

    The vision is reviewed with staff when the policy comes into force and every
    ``review_every_months``. With ``crisis_discussion``, a month after a crisis (last month's profit
    below zero, or last month's voluntary exits above ``crisis_exit_share`` of headcount; at most
    one meeting a quarter) management meets staff to discuss it and reviews the vision. With
    ``communicate_decisions``, major decisions are explained before they take effect. Each review
    costs ``review_cost_per_employee`` a head. How far a review restores belief in the vision
    (which decays between reviews), how much a crisis meeting reassures, and what explained
    decisions do for transparency are the psychology's (``vision_review_strength``,
    ``crisis_reassurance``, ``transparency_per_explanation``).

    Source: source document, "shared vision": set a vision yearly, review it at least yearly,
    discuss it in a crisis so that staff keep confidence, communicate major decisions; Senge 1990.
    """

    name = "shared_vision"
    family = "culture"
    title_zh = "共同愿景"
    summary_zh = "共同愿景：确立愿景，定期检视，遇到危机时组织讨论；重大决策向员工解释清楚。"

    class Params(Spec):
        review_every_months: int = param(
            12,
            1,
            60,
            unit="months",
            doc="months between reviews of the vision with staff",
            source="source document: review the vision at least yearly",
            label_zh="愿景检视周期（月）",
            doc_zh="与员工一起检视共同愿景的间隔月数",
        )
        crisis_discussion: bool = choice(
            True,
            "discuss the vision with staff when a crisis strikes",
            label_zh="遇重大事件时组织讨论愿景",
            doc_zh="发生危机时与员工一起讨论共同愿景",
        )
        crisis_exit_share: float = param(
            0.03,
            0.0,
            1.0,
            unit="share of headcount",
            doc="a month's voluntary exits that count as a crisis",
            source="assumed: over a third of the workforce a year",
            label_zh="视为危机的离职比例",
            doc_zh="一个月内主动离职人数达到员工总数的这一比例即视为危机",
        )
        communicate_decisions: bool = choice(
            True,
            "major decisions are explained to staff before they take effect",
            label_zh="重大决策充分沟通",
            doc_zh="重大决策生效之前先向员工解释清楚",
        )
        review_cost_per_employee: float = param(
            50.0,
            0.0,
            1e5,
            unit="currency/employee",
            doc="cost of one review (meetings, time)",
            source="assumed",
            label_zh="每次检视的人均成本",
            doc_zh="一次愿景检视的费用（会议、占用的时间）",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.last_crisis = -(10**9)
        self._set = False

    def _review(self, mgmt: Management, reason: str) -> None:
        p = self.params
        mgmt.set("vision_review", True)
        if mgmt.month > 0:
            mgmt.charge(p.review_cost_per_employee * mgmt.n)
            mgmt.log("vision_review", reason=reason)

    def _crisis(self, mgmt: Management) -> bool:
        if mgmt.month < 1 or mgmt.month - self.last_crisis < 3:
            return False
        last = mgmt.last_month
        if not last or last.get("month", 0) < 1:
            return False
        exits = last["quits"] + last["non_renewals"]
        return last["profit"] < 0 or exits > self.params.crisis_exit_share * max(
            last["headcount"], 1
        )

    def act(self, mgmt: Management):
        p = self.params
        if not self._set:
            self._set = True
            self._review(mgmt, "vision set")
        elif self.cycle_month(mgmt, p.review_every_months):
            self._review(mgmt, "scheduled review")
        if p.crisis_discussion and self._crisis(mgmt):
            self.last_crisis = mgmt.month
            self._review(mgmt, "crisis discussion")
            mgmt.set("crisis_meeting", True)
        if p.communicate_decisions:
            mgmt.set("decisions_explained", True)


# --- value socialisation -------------------------------------------------------------------------


@register
class ValueSocialisation(Policy):
    """Value socialisation: the firm's values are taught and repeated until they are shared.

    The values are taught at ``intensity``, and newcomers in their first ``onboarding_months`` are
    taught them in an orientation. Each newcomer costs ``cost_per_newcomer``. How much faster
    values are shared is the psychology's (``socialisation_per_programme``, ``onboarding_rate``).

    Source: source document, "systematic rules and culture": values repeated until shared;
    Van Maanen & Schein 1979 (organisational socialisation).
    """

    name = "value_socialisation"
    family = "culture"
    title_zh = "价值观灌输（新员工社会化）"
    summary_zh = "价值观灌输：企业价值观反复宣讲，直到被大家认同。"

    class Params(Spec):
        intensity: float = param(
            1.0,
            0.0,
            1.0,
            unit="scale",
            doc="how intensively the values are taught and repeated (0: not at all, 1: constantly)",
            source="assumed",
            label_zh="灌输力度",
            doc_zh="宣讲和重复企业价值观的力度（0：完全不讲；1：时时讲）",
        )
        onboarding_months: int = param(
            3,
            0,
            24,
            unit="months",
            doc="length of the newcomers' orientation",
            source="assumed",
            label_zh="入职培训期（月）",
            doc_zh="新员工入职引导培训的时长",
        )
        cost_per_newcomer: float = param(
            500.0,
            0.0,
            1e6,
            unit="currency/newcomer",
            doc="orientation cost of one newcomer",
            source="assumed",
            label_zh="每名新员工成本",
            doc_zh="一名新员工的入职培训费用",
        )

    def act(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        mgmt.add("socialisation_programme", p.intensity)
        if p.onboarding_months <= 0 or n == 0:
            return
        mgmt.set("onboarding_months", max(mgmt.conditions.onboarding_months, p.onboarding_months))
        new = people.tenure < p.onboarding_months
        if mgmt.month > 0:
            mgmt.charge(p.cost_per_newcomer / p.onboarding_months * int(new.sum()))


# --- hiring for fit ------------------------------------------------------------------------------


@register
class HiringForFit(Policy):
    """Hiring for fit: applicants are screened for values that match the firm's.

    While in force, the firm's hiring selectivity is ``selectivity``: a new hire's values are drawn at
    random and then moved that share of the way to the firm's culture value (0: no screening,
    1: everyone hired fits). Each hire costs ``screening_cost_per_hire`` more.

    Source: source document, "systematic rules and culture"; Chatman 1991 (selection and
    socialisation for person-organisation fit).
    """

    name = "hiring_for_fit"
    family = "culture"
    title_zh = "按价值观招聘"
    summary_zh = "按价值观招聘：甄选应聘者，看其价值观是否与企业相符。"

    class Params(Spec):
        selectivity: float = param(
            0.6,
            0.0,
            1.0,
            unit="share",
            doc="how far screening moves hires' values toward the firm's",
            source="assumed",
            label_zh="选拔严格程度",
            doc_zh="招聘甄选使新员工的价值观向企业价值观靠拢的程度",
        )
        screening_cost_per_hire: float = param(
            500.0,
            0.0,
            1e6,
            unit="currency/hire",
            doc="extra interviews and tests for one hire",
            source="assumed",
            label_zh="每次招聘的甄选成本",
            doc_zh="招聘一人时额外的面试和测评费用",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.previous = mgmt.firm.hiring_selectivity

    def act(self, mgmt: Management):
        mgmt.set_hiring_selectivity(self.params.selectivity)

    def settle(self, mgmt: Management):
        mgmt.charge(self.params.screening_cost_per_hire * mgmt.flows.hires)

    def teardown(self, mgmt: Management):
        mgmt.set_hiring_selectivity(self.previous)


# --- culture programme ---------------------------------------------------------------------------


@register
class CultureProgramme(Policy):
    """A culture programme: what is right and wrong, told as stories in the company paper.

    The programme runs at ``intensity`` and costs ``cost_per_month`` (the paper, meetings). What
    it does for culture strength, the sharing of values, the clarity of rules and recognition
    (good examples told as stories) is the psychology's (``culture_gain``,
    ``socialisation_per_programme``, ``rules_per_culture_programme``,
    ``recognition_per_culture_programme``).

    Source: source document, Haier at Red Star: "step one: teach Haier's culture"; say what is
    right and wrong and make good and bad examples into stories in the company paper.
    """

    name = "culture_programme"
    family = "culture"
    title_zh = "企业文化建设（厂报案例）"
    summary_zh = "企业文化建设：通过厂报上的故事讲清什么是对、什么是错。"

    class Params(Spec):
        intensity: float = param(
            0.8,
            0.0,
            1.0,
            unit="scale",
            doc="how intensively the programme runs",
            source="assumed",
            label_zh="建设力度",
            doc_zh="企业文化建设开展的力度",
        )
        cost_per_month: float = param(
            5000.0,
            0.0,
            1e9,
            unit="currency/month",
            doc="the company paper, meetings and training",
            source="assumed",
            label_zh="每月成本",
            doc_zh="厂报、会议和培训的费用",
        )

    def act(self, mgmt: Management):
        p = self.params
        mgmt.set("culture_programme", max(mgmt.conditions.culture_programme, p.intensity))
        if mgmt.month > 0:
            mgmt.charge(p.cost_per_month)


# --- collective activities -----------------------------------------------------------------------


@register
class CollectiveActivities(Policy):
    """Collective activities, or the same money paid out as cash in lieu.

    ``budget_per_person`` is spent every ``every_months``. As ``activities``, the firm pays for
    shared activities, and the monthly spend per person, as a share of the mean wage, is a
    condition people see (what it does for collective life and relations, saturating, is the
    psychology's ``collective_per_activities``, ``relations_per_activities``,
    ``activities_half_spend``). As ``cash_in_lieu`` each person gets the budget as a bonus to spend
    alone: the same money, but no collective life and no belonging.

    Source: source document, Shengyi: the "team activity" was 300 yuan each to spend alone, with no
    collective life and no belonging.
    """

    name = "collective_activities"
    family = "culture"
    title_zh = "集体活动（与发放现金对比）"
    summary_zh = "组织集体活动，或者把同样的钱折成现金发给每个人。"

    class Params(Spec):
        form: Literal["activities", "cash_in_lieu"] = choice(
            "activities",
            "shared activities, or the money handed out to each person",
            label_zh="形式",
            doc_zh="组织集体活动，还是把同样的钱分发给每个人",
            options_zh={"activities": "集体活动", "cash_in_lieu": "发现金各自去花"},
        )
        budget_per_person: float = param(
            300.0,
            0.0,
            1e6,
            unit="currency/person",
            doc="money per person for each round",
            source="source document: Shengyi's 300 yuan each",
            label_zh="每人预算",
            doc_zh="每一轮活动中每人的花费",
        )
        every_months: int = param(
            3,
            1,
            24,
            unit="months",
            doc="months between rounds",
            source="assumed: quarterly",
            label_zh="活动周期（月）",
            doc_zh="两轮活动之间相隔的月数",
        )

    def act(self, mgmt: Management):
        p = self.params
        if p.form != "activities" or mgmt.n == 0:
            return
        mean_wage = float(mgmt.people.wage.mean())
        mgmt.add("activity_spend", p.budget_per_person / p.every_months / max(mean_wage, 1.0))

    def settle(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        if not self.cycle_month(mgmt, p.every_months):
            return
        if p.form == "activities":
            mgmt.charge(p.budget_per_person * n)
        else:
            people.variable_pay[:] += p.budget_per_person
            mgmt.book_bonuses(p.budget_per_person * n)


# --- leadership style ----------------------------------------------------------------------------


@register
class LeadershipStyle(Policy):
    """Leadership style, from autocratic to participative, and threats to withhold pay.

    ``participation`` runs from 0 (autocratic: nobody but the boss ever speaks at all-staff
    meetings) through 0.5 (an ordinary firm) to 1 (staff speak and take part in decisions). With
    ``threats_to_withhold_pay``, management backs impossible demands with threats to withhold the
    wages of the threatened roles (all when empty). What participation does for voice, supervision
    and the fairness of rules, and what threats do to supervision, security and pressure, is the
    psychology's (``voice_per_participation``, ``supervision_per_participation``,
    ``rules_per_participation``, ``supervision_per_threat``, ``security_per_threat``,
    ``pressure_per_threat``).

    Source: source document, Shengyi: an autocratic boss, nobody else speaks at all-staff meetings,
    impossible demands on the technical team with threats to withhold wages; Lewin, Lippitt &
    White 1939 (autocratic and democratic leadership).
    """

    name = "leadership_style"
    family = "culture"
    title_zh = "领导风格（专制—民主）"
    summary_zh = "领导风格，从专制到民主参与，以及是否以扣发工资相威胁。"

    class Params(Spec):
        participation: float = param(
            0.5,
            0.0,
            1.0,
            unit="scale",
            doc="0 autocratic (only the boss speaks at all-staff meetings), 0.5 ordinary, 1 participative",
            source="source document: Shengyi's all-staff meetings",
            label_zh="员工参与程度",
            doc_zh="0 为专制（全员大会上只有老板讲话），0.5 为一般水平，1 为民主参与",
        )
        threats_to_withhold_pay: bool = choice(
            False,
            "impossible demands backed by threats to withhold wages",
            label_zh="以扣发工资相威胁",
            doc_zh="提出无法完成的要求，并以扣发工资相威胁",
        )
        threatened_roles: list[str] = described(
            doc="roles the threats are aimed at (empty: everyone)",
            default_factory=list,
            label_zh="受威胁的岗位",
            doc_zh="威胁针对的岗位（留空：所有人）",
        )

    @classmethod
    def scenario_problems(cls, params, scenario) -> list:
        """Roles named here must exist in the scenario's firm."""
        return role_problems(scenario, params.threatened_roles, "params.threatened_roles")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.threatened = np.array(
            [
                mgmt.role_index(r, "leadership_style.threatened_roles")
                for r in self.params.threatened_roles
            ],
            dtype=np.int64,
        )

    def act(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        mgmt.set("participation", p.participation)
        if p.threats_to_withhold_pay:
            mgmt.set("threats", True)
            hit = (
                np.isin(people.role, self.threatened)
                if self.threatened.size
                else np.ones(n, dtype=bool)
            )
            people.threatened[hit] = True
