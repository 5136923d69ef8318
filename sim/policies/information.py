"""Information: what management sees, and the PDCA loop that acts on it.

Management never reads the employees' columns directly. It sees *signals*: formal reports
(financial and non-financial, process and result indicators), published on a cycle, late and
noisy; and informal channels (talks with informal leaders), early and team by team but only where
a leader is reached. The signals are firm-level and live in the policy objects (``.signals``,
``.team_intent``); the ``pdca`` policy reads them on its cycle and acts: a pay raise when reported
turnover runs high, an intervention with a team whose mood darkens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.params import Spec, choice, param
from sim.policies.base import Policy, register

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

# The indicators a formal report can carry, by kind (source document: financial and non-financial,
# process and result indicators). Names are metric columns (sim/metrics.py).
FINANCIAL_RESULTS = ("profit", "revenue", "cash")
FINANCIAL_PROCESS = ("costs", "wage_bill")
NON_FINANCIAL_RESULTS = ("turnover_rate_annual", "output_per_employee", "clients", "headcount")
NON_FINANCIAL_PROCESS = ("mean_effort", "mean_satisfaction", "mean_intent", "intent_to_quit_share")
# flows are averaged over the reporting period; the others (stocks, survey levels) are read at its end
FLOWS = {"profit", "revenue", "costs", "wage_bill", "turnover_rate_annual", "output_per_employee"}


@register
class FormalReports(Policy):
    """Formal reports: financial and non-financial, process and result indicators, late and noisy.

    Every ``every_months`` a report is published about the period that ended ``delay_months`` ago:
    flows (profit, revenue, costs, wage bill, turnover, output per employee) are averaged over the
    period, stocks and survey levels (cash, clients, headcount, mean effort, satisfaction and
    intention to quit) read at its end. Each reading is the true value times ``1 + noise * z``,
    ``z`` standard normal. Switches choose the indicators: ``financial`` and ``non_financial``,
    ``results`` and ``process``. The readings are kept in ``signals`` (name -> value) with
    ``signal_month``, the last month they describe. Each report costs ``cost_per_report``.

    Source: source document, "information channels": formal reports, financial and
    non-financial, process and result indicators; Kaplan & Norton 1992 (balanced scorecard).
    """

    name = "formal_reports"
    family = "information"
    title_zh = "正式报告（财务与非财务指标）"
    summary_zh = "正式报告：财务与非财务指标、过程与结果指标，有延迟，也有误差。"

    class Params(Spec):
        every_months: int = param(
            1,
            1,
            12,
            unit="months",
            doc="months between reports (1 monthly, 3 quarterly)",
            label_zh="报告周期（月）",
            doc_zh="两次报告之间相隔的月数（1 为月报，3 为季报）",
        )
        delay_months: int = param(
            1,
            0,
            12,
            unit="months",
            doc="months between the end of the period and its report",
            source="assumed: books close a month late",
            label_zh="报表延迟（月）",
            doc_zh="从报告期结束到报告出来相隔的月数",
        )
        noise: float = param(
            0.1,
            0.0,
            1.0,
            unit="relative sd",
            doc="relative error of each reading",
            source="assumed",
            label_zh="信息误差",
            doc_zh="每项数据的相对误差",
        )
        financial: bool = choice(
            True,
            "report profit, revenue, cash, costs, wages",
            label_zh="财务指标",
            doc_zh="报告利润、收入、现金、成本和工资",
        )
        non_financial: bool = choice(
            True,
            "report turnover, output, clients, headcount, staff survey",
            label_zh="非财务指标",
            doc_zh="报告离职率、产出、客户、人数和员工调查结果",
        )
        results: bool = choice(
            True, "report result indicators", label_zh="结果指标", doc_zh="报告结果指标"
        )
        process: bool = choice(
            True,
            "report process indicators (costs, effort, satisfaction, intention)",
            label_zh="过程指标",
            doc_zh="报告过程指标（成本、努力程度、满意度、离职意向）",
        )
        cost_per_report: float = param(
            2000.0,
            0.0,
            1e9,
            unit="currency/report",
            doc="cost of one report",
            source="assumed",
            label_zh="每份报表成本",
            doc_zh="编制一份报告的费用",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.truth: list[dict] = []  # one row per month: the true indicators
        self.signals: dict[str, float] = {}
        self.signal_month = -1
        self.indicators = self._indicators()

    def _indicators(self) -> tuple[str, ...]:
        p = self.params
        chosen = []
        if p.financial and p.results:
            chosen += FINANCIAL_RESULTS
        if p.financial and p.process:
            chosen += FINANCIAL_PROCESS
        if p.non_financial and p.results:
            chosen += NON_FINANCIAL_RESULTS
        if p.non_financial and p.process:
            chosen += NON_FINANCIAL_PROCESS
        return tuple(chosen)

    def act(self, mgmt: Management):
        p = self.params
        last = mgmt.last_month
        if mgmt.month == 0 or not last:
            return
        if not self.truth or self.truth[-1]["month"] != last["month"]:
            self.truth.append({k: float(last[k]) for k in ("month",) + self.indicators})
            del self.truth[: -(p.every_months + p.delay_months + 12)]
        if not self.cycle_month(mgmt, p.every_months):
            return
        end = mgmt.month - 1 - p.delay_months
        window = [t for t in self.truth if end - p.every_months < t["month"] <= end]
        if not window:
            return
        z = mgmt.rng.standard_normal(len(self.indicators))
        signals = {}
        for name, noise in zip(self.indicators, z, strict=True):
            values = [t[name] for t in window]
            true = float(np.mean(values)) if name in FLOWS else values[-1]
            signals[name] = true * (1.0 + p.noise * noise)
        self.signals = signals
        self.signal_month = end
        mgmt.charge(p.cost_per_report)


@register
class InformalChannels(Policy):
    """Informal channels: regular talks with informal leaders, an early, team-by-team warning.

    Every ``talks_every_months`` management talks with a share ``leaders_reached`` of the informal
    leaders. For each team with a leader reached it learns the team's mean intention to quit as it
    stands now (no delay), with an error of sd ``noise``; teams without a leader reached stay
    unseen (NaN). ``team_intent`` holds the readings by team and ``mood`` their headcount-weighted
    mean. How much being listened to raises voice is the psychology's (``voice_per_listening``).

    Source: source document, "information channels": informal channels, the grapevine and informal
    leaders, and talks with them give early warning; Krackhardt & Hanson 1993.
    """

    name = "informal_channels"
    family = "information"
    title_zh = "非正式沟通渠道（与非正式领袖谈话）"
    summary_zh = "非正式渠道：定期与非正式组织领头人谈话，及早逐个团队发现问题。"

    class Params(Spec):
        talks_every_months: int = param(
            1,
            1,
            12,
            unit="months",
            doc="months between rounds of talks",
            source="assumed",
            label_zh="谈话周期（月）",
            doc_zh="两轮谈话之间相隔的月数",
        )
        leaders_reached: float = param(
            1.0,
            0.0,
            1.0,
            unit="share",
            doc="share of informal leaders management talks with at each round",
            source="assumed",
            label_zh="定期沟通的领头人比例",
            doc_zh="每轮中管理层与之谈话的非正式组织领头人比例",
        )
        noise: float = param(
            0.05,
            0.0,
            0.5,
            unit="intention (probability)",
            doc="error sd of a team's reading",
            source="assumed",
            label_zh="信息误差",
            doc_zh="对一个团队离职意向判断的误差（标准差）",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.team_intent = np.full(0, np.nan)
        self.mood = float("nan")
        self.signal_month = -1

    def act(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        mgmt.set("listening_reach", max(mgmt.conditions.listening_reach, p.leaders_reached))
        if n == 0 or mgmt.month == 0:
            return
        since = mgmt.month - self.started
        if since % p.talks_every_months:
            return
        n_teams = int(max(mgmt.firm.team_department.size, people.team.max() + 1))
        team = people.team
        reached = people.informal_leader & (mgmt.rng.random(n) < p.leaders_reached)
        seen = np.bincount(team[reached], minlength=n_teams) > 0
        size = np.bincount(team, minlength=n_teams)
        true = np.bincount(team, weights=people.intent, minlength=n_teams) / np.maximum(size, 1)
        reading = np.clip(true + p.noise * mgmt.rng.standard_normal(n_teams), 0.0, 1.0)
        self.team_intent = np.where(seen & (size > 0), reading, np.nan)
        visible = ~np.isnan(self.team_intent)
        self.mood = (
            float(np.average(self.team_intent[visible], weights=size[visible]))
            if visible.any()
            else float("nan")
        )
        self.signal_month = mgmt.month - 1


@register
class PdcaLoop(Policy):
    """The PDCA management loop: plan, do, check, act on the signals management sees.

    Every ``cycle_months`` management checks its signals and acts:
    - Pay: if the formal reports (``formal_reports``) show annual voluntary turnover above
      ``turnover_trigger`` (and, with ``raise_only_if_profitable``, reported profit is not
      negative), every wage rises by ``pay_raise_percent`` (``mgmt.change_wages``: a raise
      is felt against the raise expected over the cycle).
    - Teams: every team whose reading from the informal channels (``informal_channels``) shows a
      mean intention to quit above ``team_intent_trigger`` gets an intervention: its manager talks
      with each member and fixes what can be fixed, and goes on attending to them for
      ``intervention_months``. Each member costs ``intervention_cost_per_person``. How recognised
      and how much safer being attended to makes people feel is the psychology's
      (``attention_recognition``, ``attention_security``).
    Without those information policies in force the loop sees nothing and does nothing.

    Source: source document, the ERM platform run as a PDCA cycle (plan, do, check, act) by top
    management, HR as the hub and line managers responsible; Deming 1986.
    """

    name = "pdca"
    family = "information"
    title_zh = "PDCA管理循环"
    summary_zh = "PDCA管理循环：根据管理层看到的信息，计划、执行、检查、处理。"

    class Params(Spec):
        cycle_months: int = param(
            3,
            1,
            24,
            unit="months",
            doc="months between checks",
            source="assumed: quarterly",
            label_zh="检查周期（月）",
            doc_zh="两次检查之间相隔的月数",
        )
        turnover_trigger: float = param(
            0.15,
            0.0,
            2.0,
            unit="1/year",
            doc="reported annual voluntary turnover above which pay is raised",
            source="assumed: the top of an ordinary firm's band",
            label_zh="离职率触发值",
            doc_zh="报告的年主动离职率高于此值时加薪",
        )
        pay_raise_percent: float = param(
            0.05,
            0.0,
            0.5,
            unit="share",
            doc="raise given when turnover runs high (0: no pay action)",
            source="assumed",
            label_zh="加薪幅度",
            doc_zh="离职率过高时的加薪幅度（0：不在工资上采取措施）",
        )
        raise_only_if_profitable: bool = choice(
            True,
            "no raise while the reports show a loss",
            label_zh="仅在盈利时加薪",
            doc_zh="报表显示亏损时不加薪",
        )
        team_intent_trigger: float = param(
            0.2,
            0.0,
            1.0,
            unit="probability",
            doc="a team's reported intention to quit above which management intervenes",
            source="assumed",
            label_zh="团队离职意向触发值",
            doc_zh="报告的团队离职意向高于此值时管理层出面干预",
        )
        intervention_months: int = param(
            3,
            1,
            24,
            unit="months",
            doc="how long an intervention's care lasts",
            source="assumed",
            label_zh="干预持续月数",
            doc_zh="一次干预带来的关怀持续多久",
        )
        intervention_cost_per_person: float = param(
            200.0,
            0.0,
            1e6,
            unit="currency/person",
            doc="cost of intervening for one team member",
            source="assumed",
            label_zh="每人干预成本",
            doc_zh="为团队中每位成员进行干预的费用",
        )

    ATTENTION = "pdca_attention"  # per-person months of intervention left

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        mgmt.register_column(self.ATTENTION, np.int64, 0)
        self.actions: list[dict] = []

    def act(self, mgmt: Management):
        p, people = self.params, mgmt.people
        if self.cycle_month(mgmt, p.cycle_months):
            self._pay(mgmt)
            self._teams(mgmt)
        attention = getattr(people, self.ATTENTION)
        cared = attention > 0
        starting = attention == p.intervention_months
        people.attention[cared] = np.where(starting[cared], 2, 1)
        if mgmt.month > 0:
            attention[cared] -= 1

    def _pay(self, mgmt: Management):
        p, people, n = self.params, mgmt.people, mgmt.n
        reports = mgmt.policy("formal_reports")
        if reports is None or p.pay_raise_percent <= 0:
            return
        turnover = reports.signals.get("turnover_rate_annual")
        profit = reports.signals.get("profit")
        if turnover is None or turnover <= p.turnover_trigger:
            return
        if p.raise_only_if_profitable and profit is not None and profit < 0:
            return
        rows = np.arange(n)
        mgmt.change_wages(rows, people.wage * (1.0 + p.pay_raise_percent), p.cycle_months)
        self.actions.append({"month": mgmt.month, "action": "pay_raise", "people": n})
        mgmt.log("pdca_pay_raise", reported_turnover=float(turnover), people=n)

    def _teams(self, mgmt: Management):
        p, people = self.params, mgmt.people
        channels = mgmt.policy("informal_channels")
        if channels is None or channels.team_intent.size == 0:
            return
        readings = channels.team_intent
        alarmed = np.flatnonzero(np.nan_to_num(readings, nan=0.0) > p.team_intent_trigger)
        if alarmed.size == 0:
            return
        members = np.flatnonzero(np.isin(people.team, alarmed))
        getattr(people, self.ATTENTION)[members] = p.intervention_months
        mgmt.charge(p.intervention_cost_per_person * members.size)
        self.actions.append(
            {"month": mgmt.month, "action": "team_intervention", "people": int(members.size)}
        )
        mgmt.log("pdca_team_intervention", teams=int(alarmed.size), people=int(members.size))
