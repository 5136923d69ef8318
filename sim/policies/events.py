"""Timeline events: dated changes to the market, the firm's money and its policies (phase 1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import model_validator

from sim.params import Spec, described, param
from sim.policies.base import POLICIES, Event, register

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management


@register
class Demand(Event):
    """Demand for the firm's output moves to a new level (a boom above 1, a recession below)."""

    name = "demand"
    title_zh = "市场需求变化（繁荣或衰退）"
    summary_zh = "市场对企业产品的需求变到新的水平（高于1为繁荣，低于1为衰退）。"

    class Params(Spec):
        level: float = param(
            1.0,
            0.0,
            10.0,
            unit="index",
            doc="new demand index (1 = normal)",
            label_zh="需求水平",
            doc_zh="新的市场需求指数（1 = 正常）",
        )

    def apply(self, mgmt: Management):
        mgmt.set_market(demand=self.params.level)


@register
class Inflation(Event):
    """Cost-of-living inflation changes (source document: income must keep up with living costs)."""

    name = "inflation"
    title_zh = "通货膨胀（生活成本上涨）"
    summary_zh = "生活成本的通货膨胀率发生变化（收入必须跟上生活成本的上涨）。"

    class Params(Spec):
        annual_rate: float = param(
            0.03,
            -0.2,
            1.0,
            unit="1/year",
            doc="new annual inflation",
            label_zh="年通货膨胀率",
            doc_zh="新的年通货膨胀率",
        )

    def apply(self, mgmt: Management):
        mgmt.set_market(inflation_annual=self.params.annual_rate)


@register
class LabourShortage(Event):
    """The labour market tightens or eases (source document: Hangzhou 18.28%, then 34.25% unfilled)."""

    name = "labour_shortage"
    title_zh = "劳动力短缺（民工荒）"
    summary_zh = "劳动力市场变紧或变松（杭州先后有18.28%、34.25%的用工需求招不到人）。"

    class Params(Spec):
        shortage: float = param(
            0.0,
            0.0,
            0.95,
            unit="share",
            doc="share of the market's openings its job seekers cannot fill (as market.shortage)",
            label_zh="劳动力缺口比例",
            doc_zh="市场职位空缺中招不到人的比例（同 market.shortage）",
        )
        months_to_fill: float | None = param(
            None,
            0.1,
            36.0,
            unit="months",
            doc="new mean months to fill a vacancy (unchanged if empty)",
            label_zh="填补空缺所需月数",
            doc_zh="新的填补一个空缺平均所需的月数（留空则不变）",
        )

    def apply(self, mgmt: Management):
        mgmt.set_market(shortage=self.params.shortage)
        if self.params.months_to_fill is not None:
            mgmt.set_market(months_to_fill=self.params.months_to_fill)


@register
class CashInjection(Event):
    """Money put into the firm (a loan, an owner's capital, a parent company)."""

    name = "cash_injection"
    title_zh = "注资"
    summary_zh = "向企业注入资金（贷款、老板出资、母公司拨款）。"

    class Params(Spec):
        amount: float = param(
            0.0,
            0.0,
            1e12,
            unit="currency",
            doc="cash added this month",
            label_zh="金额",
            doc_zh="本月注入的资金",
        )

    def apply(self, mgmt: Management):
        mgmt.inject(self.params.amount)


class _PolicyRef(Spec):
    policy: str = described(
        doc="registered policy name", label_zh="政策", doc_zh="已登记的政策名称"
    )
    params: dict[str, Any] = described(
        doc="the policy's parameters, as under policies: (empty: its defaults)",
        default_factory=dict,
        label_zh="政策参数",
        doc_zh="该政策的参数，写法与 policies: 下相同（留空：使用默认值）",
    )

    @model_validator(mode="after")
    def _known(self):
        if self.policy not in POLICIES:
            raise ValueError(f"unknown policy {self.policy!r}; allowed: {sorted(POLICIES)}")
        POLICIES[self.policy].Params.model_validate(self.params)
        return self


@register
class AddPolicy(Event):
    """A policy comes into force."""

    name = "add_policy"
    title_zh = "引入政策"
    summary_zh = "一项政策开始实施。"
    Params = _PolicyRef

    def apply(self, mgmt: Management):
        cls = POLICIES[self.params.policy]
        # in force from the month the timeline dates it to (month 0's events are applied as the
        # first month begins)
        mgmt.add_policy(cls(cls.Params(**self.params.params)), since=self.month)


@register
class ChangePolicy(Event):
    """Some parameters of a policy in force change."""

    name = "change_policy"
    title_zh = "调整政策"
    summary_zh = "正在实施的政策调整部分参数。"
    Params = _PolicyRef

    def apply(self, mgmt: Management):
        mgmt.change_policy(self.params.policy, self.params.params)


@register
class RemovePolicy(Event):
    """A policy is withdrawn."""

    name = "remove_policy"
    title_zh = "取消政策"
    summary_zh = "取消一项政策。"

    class Params(Spec):
        policy: str = described(
            doc="registered policy name", label_zh="政策", doc_zh="已登记的政策名称"
        )

    def apply(self, mgmt: Management):
        mgmt.remove_policy(self.params.policy)


@register
class MaterialCosts(Event):
    """Material costs change as a share of output revenue (e.g. supplier bidding, a price shock).

    Source: source document, Haier/Red Star: supplier bidding cut the cost of each 5 kg washer by
    15.3 yuan, near 10 million yuan a year at 600,000 units.
    """

    name = "material_costs"
    title_zh = "原材料成本变动（供应商招标）"
    summary_zh = "原材料成本占产出收入的比例发生变化（例如供应商招标、价格冲击）。"

    class Params(Spec):
        material_share: float = param(
            0.3,
            0.0,
            0.95,
            unit="share",
            doc="new share of output revenue spent on materials",
            label_zh="原材料成本比例",
            doc_zh="新的原材料支出占产出收入的比例",
        )

    def apply(self, mgmt: Management):
        mgmt.set_material_share(self.params.material_share)
