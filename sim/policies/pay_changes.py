"""How pay changes: raises on a cycle, cuts and arrears when cash runs short, the owner's pocket.

Base wages change only through ``mgmt.change_wages``, which gives the felt reaction against the
raise people expected. Wage arrears and the owner's subsidy already happen by themselves in
:mod:`sim.org.finance` when cash runs out: non-wage costs are paid first, the owner covers a wage
shortfall while the scenario's ``finances.owner_subsidy_budget`` lasts, and what is still unpaid
becomes arrears that hit the safety need. The policies here add only what is a management
*choice*:

- ``raises``: a percentage or an amount on a cycle, across the board or by merit;
- ``pay_cut``: wages cut when cash runs short (or at once), felt as a loss;
- ``wage_arrears``: management defers part of the pay *before* the cash is gone, to keep a buffer,
  and repays it when cash recovers (the finance mechanism only ever fails to pay);
- ``owner_subsidy``: the owner pays a premium above the market out of the same pocket
  (``finances.owner_subsidy_budget``) before any crisis, and the premium stops when it is empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import model_validator

from sim.params import Spec, param
from sim.policies.base import (
    RolesPolicy,
    choice,
    merit_score,
    monthly_wage_bill,
    register,
    roles_field,
)

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

# --- raises --------------------------------------------------------------------------------------


@register
class Raises(RolesPolicy):
    """Pay raises on a cycle: a percentage and/or an absolute amount, across the board or by merit.

    Every ``cycle_months`` the chosen roles' base wages rise by ``wage * percent +
    absolute_per_month`` (across the board), or by that raise times a merit factor
    ``max(0, 1 + merit_spread * z)`` normalised to mean 1 (``merit``), where ``z`` is the standardised
    appraisal score (or measured performance). Each raise is felt against the raise people expected
    over the cycle (``change_wages``): the source document's +500 a month flatters at 1000 and
    backfires at 10000. The firm's hiring salary for the roles moves by the same percentage and amount.

    Source: source document, "money is a double-edged sword" and its 500-raise example; income
    must keep up with living costs.
    """

    name = "raises"
    family = "pay"
    title_zh = "调薪"
    summary_zh = "按周期调薪：按百分比和（或）固定金额，普调或按绩效。"

    class Params(Spec):
        cycle_months: int = param(
            12,
            1,
            60,
            unit="months",
            doc="months between pay reviews",
            source="assumed: yearly",
            label_zh="调薪周期（月）",
            doc_zh="两次调薪之间相隔的月数",
        )
        percent: float = param(
            0.05,
            0.0,
            1.0,
            unit="share of wage",
            doc="raise as a share of the base wage at each review",
            source="assumed: a typical annual raise",
            label_zh="加薪百分比",
            doc_zh="每次调薪时按基本工资计算的加薪比例",
        )
        absolute_per_month: float = param(
            0.0,
            0.0,
            1e6,
            unit="currency/month",
            doc="raise as a fixed amount a month at each review",
            source="source document: a raise of 500 a month",
            label_zh="每月固定加薪额",
            doc_zh="每次调薪时每月增加的固定金额",
        )
        allocation: Literal["across_the_board", "merit"] = choice(
            "across_the_board",
            "the same raise for all, or scaled by appraisal",
            source="assumed: across the board unless a scenario says otherwise",
            label_zh="加薪方式",
            doc_zh="所有人加一样多，还是按考核结果拉开差距",
            options_zh={"across_the_board": "普调（人人一样）", "merit": "按绩效"},
        )
        merit_spread: float = param(
            1.0,
            0.0,
            3.0,
            unit="per standard deviation",
            doc="how much a merit raise rises per standard deviation of the appraisal score",
            source="assumed: one standard deviation of rating doubles or removes the raise",
            label_zh="绩效差距",
            doc_zh="考核分数每高一个标准差，按绩效加薪多加多少",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

    def act(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        if not self.cycle_month(mgmt, p.cycle_months) or n == 0:
            return
        chosen = self.chosen_roles(mgmt)
        rows = np.flatnonzero(mgmt.members(chosen))
        if rows.size == 0:
            return
        raise_ = people.wage[rows] * p.percent + p.absolute_per_month
        if p.allocation == "merit":
            score = merit_score(mgmt)[rows]
            z = (score - score.mean()) / max(score.std(), 1e-9)
            factor = np.maximum(0.0, 1.0 + p.merit_spread * z)
            raise_ = raise_ * factor / max(factor.mean(), 1e-9)
        mgmt.change_wages(rows, people.wage[rows] + raise_, months_since_review=p.cycle_months)
        mgmt.scale_hiring_wage(chosen, 1.0 + p.percent, p.absolute_per_month)


# --- pay cuts ------------------------------------------------------------------------------------


@register
class PayCut(RolesPolicy):
    """Pay cuts: base wages cut by a share, when cash runs short or at once.

    With ``trigger = "when_cash_short"``, wages are cut by ``cut_share`` in any month when cash is
    below ``cash_months`` months of the fixed wage bill, at most once every ``min_months_between``
    months and at most ``max_cuts`` times. With ``"at_once"`` the cut happens once, when the policy
    comes into force (use the timeline to date it). A cut is felt as a loss against no expected
    change, weighted by loss aversion (``change_wages``); the firm's hiring salary falls too.

    Source: source document, "what happens when cash runs out (wage arrears, cuts, owner subsidy)";
    Kahneman & Tversky (1979): losses loom larger than gains; Bewley (1999): pay cuts hurt morale.
    """

    name = "pay_cut"
    family = "pay"
    title_zh = "降薪"
    summary_zh = "降薪：现金不足时或立即按一定比例降低基本工资。"

    class Params(Spec):
        cut_share: float = param(
            0.1,
            0.0,
            0.9,
            unit="share of wage",
            doc="cut as a share of the base wage",
            source="assumed: a cut of a tenth, large enough to be felt",
            label_zh="降薪幅度",
            doc_zh="降薪占基本工资的比例",
        )
        trigger: Literal["when_cash_short", "at_once"] = choice(
            "when_cash_short",
            "cut when cash runs short, or once when the policy starts",
            source="source document: cuts when cash runs out",
            label_zh="触发条件",
            doc_zh="现金不足时降薪，还是在政策开始时一次性降薪",
            options_zh={"when_cash_short": "现金不足时", "at_once": "立即"},
        )
        cash_months: float = param(
            1.0,
            0.0,
            24.0,
            unit="months of wage bill",
            doc="cash below this many months of the wage bill triggers a cut",
            source="assumed: management acts when cash covers under a month of wages",
            label_zh="现金低于几个月工资时触发",
            doc_zh="现金少于这么多个月的工资总额时降薪",
        )
        min_months_between: int = param(
            6,
            1,
            120,
            unit="months",
            doc="least time between two cuts",
            source="assumed: at most two cuts a year",
            label_zh="两次之间最少间隔（月）",
            doc_zh="两次降薪之间至少相隔的时间",
        )
        max_cuts: int = param(
            2,
            1,
            20,
            unit="cuts",
            doc="most cuts the policy makes",
            source="assumed: management stops after two cuts",
            label_zh="最多降薪次数",
            doc_zh="这项政策最多降薪几次",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.cuts = 0
        self.last_cut = -(10**9)

    def act(self, mgmt: Management):
        p = self.params
        if self.cuts >= p.max_cuts or mgmt.month - self.last_cut < p.min_months_between:
            return
        if p.trigger == "at_once":
            if self.cuts == 0:
                self._cut(mgmt)
            return
        if mgmt.cash < p.cash_months * monthly_wage_bill(mgmt):
            self._cut(mgmt)

    def _cut(self, mgmt: Management):
        people, p = mgmt.people, self.params
        chosen = self.chosen_roles(mgmt)
        rows = np.flatnonzero(mgmt.members(chosen))
        mgmt.change_wages(rows, people.wage[rows] * (1.0 - p.cut_share), months_since_review=0.0)
        mgmt.scale_hiring_wage(chosen, 1.0 - p.cut_share)
        self.cuts += 1
        self.last_cut = mgmt.month
        mgmt.log("pay_cut", share=p.cut_share, people=int(rows.size))


# --- deliberate wage arrears ---------------------------------------------------------------------


@register
class WageArrears(RolesPolicy):
    """Deliberate wage arrears: part of the pay is deferred while cash is low, and repaid later.

    Unlike the arrears that :mod:`sim.org.finance` records when cash is simply gone, this is a
    choice made before that: in any month when cash is below ``cash_months`` months of the wage bill,
    ``deferred_share`` of each covered person's pay is withheld and owed to them (column
    ``pay_owed``); once cash is above ``repay_cash_months`` months of the wage bill, what is owed is
    repaid as variable pay. The share withheld this month and the wages owed (in months of wage)
    are conditions people see: that withheld pay costs security as arrears do, and that money owed
    ties people to the firm (leaving forfeits it), are the psychology's (``withheld_security``,
    ``owed_sacrifice``).

    Source: source document, Shengyi: the autocratic boss threatens to withhold wages; the cash chain
    breaks. Wage arrears (欠薪) as a common practice of small Chinese firms (assumed).
    """

    name = "wage_arrears"
    family = "pay"
    title_zh = "拖欠工资"
    summary_zh = "有意拖欠工资：现金紧张时扣下一部分工资，以后再补发。"

    class Params(Spec):
        deferred_share: float = param(
            0.3,
            0.0,
            1.0,
            unit="share of pay",
            doc="share of pay withheld while cash is low",
            source="assumed: part of the pay, not all of it, is withheld",
            label_zh="拖欠工资比例",
            doc_zh="现金紧张期间扣下不发的工资比例",
        )
        cash_months: float = param(
            1.0,
            0.0,
            24.0,
            unit="months of wage bill",
            doc="cash below this many months of the wage bill starts the deferral",
            source="assumed: deferral starts when cash covers under a month of wages",
            label_zh="现金低于几个月工资时触发",
            doc_zh="现金少于这么多个月的工资总额时开始拖欠",
        )
        repay_cash_months: float = param(
            2.0,
            0.0,
            48.0,
            unit="months of wage bill",
            doc="cash above this many months of the wage bill repays what is owed",
            source="assumed: repaid once cash covers two months of wages",
            label_zh="现金充足几个月后补发",
            doc_zh="现金多于这么多个月的工资总额时补发所欠工资",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

        @model_validator(mode="after")
        def _repay_above_deferral(self):
            if self.repay_cash_months < self.cash_months:
                raise ValueError(
                    f"repay_cash_months = {self.repay_cash_months} must be at least "
                    f"cash_months = {self.cash_months} (repay only once cash is above the line "
                    "that starts the deferral)"
                )
            return self

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        mgmt.register_column("pay_owed", float, 0.0)
        self.deferring = False

    def act(self, mgmt: Management):
        people, p = mgmt.people, self.params
        bill = monthly_wage_bill(mgmt)
        self.deferring = mgmt.cash < p.cash_months * bill
        covered = mgmt.members(self.chosen_roles(mgmt))
        if self.deferring:
            people.withheld_share[covered] = p.deferred_share
        people.owed_share[:] = people.pay_owed / np.maximum(people.wage, 1.0)

    def settle(self, mgmt: Management):
        people, p = mgmt.people, self.params
        covered = mgmt.members(self.chosen_roles(mgmt))
        if self.deferring:
            due = people.fixed_pay * people.hours + people.variable_pay
            withheld = np.where(covered, p.deferred_share * np.maximum(due, 0.0), 0.0)
            people.variable_pay[:] -= withheld
            people.pay_owed[:] += withheld
        elif mgmt.cash > p.repay_cash_months * monthly_wage_bill(mgmt):
            owed = people.pay_owed
            if owed.sum() > 0:
                people.variable_pay[:] += owed
                mgmt.log("arrears_repaid", amount=float(owed.sum()))
                owed[:] = 0.0


# --- owner subsidy -------------------------------------------------------------------------------


@register
class OwnerSubsidy(RolesPolicy):
    """Owner subsidy of pay: a premium above the market paid from the owner's own pocket.

    When it comes into force the chosen roles' base wages rise by ``premium_per_month`` (felt as a
    raise against no expected change) and the firm hires at the higher salary. Each month the owner puts in the premium for
    the hours worked (a cash injection, not profit) out of the same pocket that covers wage
    shortfalls, the scenario's ``finances.owner_subsidy_budget``. When the pocket is empty the
    premium is withdrawn: wages fall back by the premium, felt as a cut with loss aversion
    (``change_wages``), and an ``owner_subsidy_ended`` event is logged.

    Source: source document, Shengyi: pay a few hundred yuan above similar firms, but from the
    boss's own pocket, not from profit; the money-only culture cannot be kept up once cash runs out.
    """

    name = "owner_subsidy"
    family = "pay"
    title_zh = "老板自掏腰包补贴工资"
    summary_zh = "老板补贴工资：老板自掏腰包，让工资高于市场水平。"

    class Params(Spec):
        premium_per_month: float = param(
            300.0,
            0.0,
            1e6,
            unit="currency/month",
            doc="premium above the wage paid from the owner's pocket, per person at full hours",
            source="source document: Shengyi paid a few hundred yuan above similar firms",
            label_zh="每月高出的工资",
            doc_zh="老板自掏腰包在工资之外多发的金额（按每人满工时计）",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        people = mgmt.people
        self.column = "owner_premium"
        mgmt.register_column(self.column, float, 0.0)
        premium = getattr(people, self.column)
        self.active = True
        chosen = self.chosen_roles(mgmt)
        rows = np.flatnonzero(mgmt.members(chosen))
        amount = self.params.premium_per_month
        if rows.size:
            mgmt.change_wages(rows, people.wage[rows] + amount, months_since_review=0.0)
        premium[rows] = amount
        mgmt.scale_hiring_wage(chosen, 1.0, amount)
        self._chosen = chosen

    def act(self, mgmt: Management):
        if not self.active:
            return
        people = mgmt.people
        premium = getattr(people, self.column)
        newcomers = mgmt.members(self._chosen) & (premium == 0)  # hired at the higher salary
        premium[newcomers] = self.params.premium_per_month

    def settle(self, mgmt: Management):
        if not self.active:
            return
        people = mgmt.people
        premium = getattr(people, self.column)
        cost = float(np.dot(premium, people.hours))
        drawn = mgmt.draw_owner(cost)
        if drawn < cost:
            self._withdraw(mgmt)
            mgmt.log("owner_subsidy_ended", owner_budget_left=mgmt.owner_budget)

    def teardown(self, mgmt: Management):
        if self.active:
            self._withdraw(mgmt)

    def _withdraw(self, mgmt: Management):
        people = mgmt.people
        premium = getattr(people, self.column)
        rows = np.flatnonzero(premium > 0)
        if rows.size:
            mgmt.change_wages(
                rows, np.maximum(people.wage[rows] - premium[rows], 1.0), months_since_review=0.0
            )
        premium[:] = 0.0
        mgmt.scale_hiring_wage(self._chosen, 1.0, -self.params.premium_per_month)
        self.active = False
