"""Every output of a run, declared once: the monthly metrics and the headline figures.

Each :class:`Metric` is a column of the monthly table (``OrgModel.metrics()``): its name, English
and Chinese labels, unit and kind. Each :class:`Headline` is a key of ``summary.json``
(``OrgModel.summary()``): which metric it reads and how it aggregates the months. Tables, plots,
the experiment outputs and the app's labels read these declarations (EMA workbench's outcomes);
``tests/test_outcomes.py`` fails if a column of the monthly row or a key of the summary is not
declared here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sim.agents.psychology import NEEDS
from sim.agents.stages import Stage

Kind = Literal["stock", "flow", "level"]
"""``stock``: a state at the end of the month (headcount, cash); ``flow``: an amount during the
month (hires, revenue), noisy month to month, so figures smooth it; ``level``: a mean over people
(satisfaction)."""

UNITS_ZH = {
    "people": "人",
    "people/month": "人/月",
    "clients": "个客户",
    "clients/month": "个客户/月",
    "share": "比例",
    "share/year": "比例/年",
    "0-1": "0–1",
    "effort": "努力（1 = 标准）",
    "units": "产出单位",
    "units/employee": "单位/人",
    "money": "货币",
    "money/month": "货币/月",
    "index": "指数",
    "month": "月",
    "log-points": "对数点",
    "hours share": "工时比例",
    "": "",
}


@dataclass(frozen=True)
class Metric:
    """A column of the monthly table."""

    name: str
    label: str
    label_zh: str
    unit: str
    kind: Kind
    doc: str = ""

    @property
    def money(self) -> bool:
        return self.unit.startswith("money")

    @property
    def percent(self) -> bool:
        """Shown as a percentage (a share or a rate)."""
        return self.unit.startswith("share")

    def title(self, lang: str = "en") -> str:
        return self.label_zh if lang == "zh" else self.label

    def unit_in(self, lang: str = "en") -> str:
        return UNITS_ZH.get(self.unit, self.unit) if lang == "zh" else self.unit


def _m(name, label, label_zh, unit, kind, doc=""):
    return Metric(name, label, label_zh, unit, kind, doc)


NEED_LABELS_ZH = {
    "physiological": "生理需要",
    "safety": "安全需要",
    "belonging": "社会需要（归属）",
    "esteem": "尊重需要",
    "self_actualization": "自我实现需要",
}
STAGE_LABELS_ZH = {
    Stage.COGNITION: "认知",
    Stage.EXPLORATION: "探测",
    Stage.EXPANSION: "扩大",
    Stage.COMMITMENT: "承诺",
    Stage.DISSOLUTION: "解除",
}

METRICS: tuple[Metric, ...] = (
    _m(
        "month", "month", "月份", "month", "stock", "months since the start (0 = the initial state)"
    ),
    _m(
        "headcount", "headcount", "员工人数", "people", "stock", "employees at the end of the month"
    ),
    _m("hires", "hires", "招聘人数", "people/month", "flow"),
    _m(
        "quits",
        "quits",
        "辞职人数",
        "people/month",
        "flow",
        "voluntary exits before the contract's end",
    ),
    _m(
        "non_renewals",
        "non-renewals",
        "不续签人数",
        "people/month",
        "flow",
        "voluntary exits at the contract's end",
    ),
    _m("dismissals", "dismissals", "辞退人数", "people/month", "flow"),
    _m("layoffs", "layoffs", "裁员人数", "people/month", "flow"),
    _m(
        "retirements",
        "retirements",
        "退休人数",
        "people/month",
        "flow",
        "careers that end at the market's retirement age",
    ),
    _m(
        "turnover_rate_annual",
        "voluntary turnover a year",
        "年化自愿离职率",
        "share/year",
        "flow",
        "12 × (quits + non-renewals) / mean headcount of the month",
    ),
    _m(
        "total_turnover_rate_annual",
        "total turnover a year",
        "年化总离职率",
        "share/year",
        "flow",
        "12 × all exits / mean headcount of the month",
    ),
    _m(
        "mean_satisfaction",
        "satisfaction (motivators)",
        "满意（激励因素）",
        "0-1",
        "level",
        "Herzberg's satisfaction scale S, mean over people who have worked a month",
    ),
    _m(
        "mean_dissatisfaction",
        "dissatisfaction (hygiene)",
        "不满（保健因素）",
        "0-1",
        "level",
        "Herzberg's dissatisfaction scale D",
    ),
    _m("mean_attitude", "satisfaction − dissatisfaction", "满意 − 不满", "", "level"),
    _m("mean_effort", "effort", "工作努力", "effort", "level", "1 = the standard pace"),
    _m(
        "attitude_sd",
        "spread of satisfaction − dissatisfaction",
        "满意 − 不满的离散程度",
        "",
        "level",
        "standard deviation across the people of the month",
    ),
    _m(
        "attitude_team_share",
        "share of that spread between teams",
        "离散程度中团队间的比例",
        "share",
        "level",
        "ICC(1) of satisfaction − dissatisfaction by team (one-way ANOVA; Bliese 2000)",
    ),
    _m("output", "output", "产出", "units", "flow"),
    _m("output_per_employee", "output per employee", "人均产出", "units/employee", "flow"),
    _m("revenue", "revenue", "收入", "money/month", "flow"),
    _m("client_revenue", "revenue from clients", "客户收入", "money/month", "flow"),
    _m("output_revenue", "revenue from output", "产品收入", "money/month", "flow"),
    _m("wage_bill", "wages paid", "实发工资", "money/month", "flow"),
    _m("wages_due", "wages due", "应发工资", "money/month", "flow"),
    _m("arrears", "wages unpaid", "拖欠工资", "money/month", "flow"),
    _m("bonuses", "bonuses", "奖金", "money/month", "flow"),
    _m("costs", "costs", "成本", "money/month", "flow"),
    _m("profit", "profit", "利润", "money/month", "flow"),
    _m("cash", "cash", "现金", "money", "stock"),
    _m("subsidy", "owner's subsidy", "老板补贴", "money/month", "flow"),
    _m("injection", "cash injected", "注资", "money/month", "flow"),
    _m("clients", "clients", "客户数", "clients", "stock"),
    _m("clients_won", "clients won", "新增客户", "clients/month", "flow"),
    _m(
        "clients_churned",
        "clients lost to poor service",
        "因服务流失的客户",
        "clients/month",
        "flow",
    ),
    _m(
        "clients_lost_to_leavers",
        "clients lost with leavers",
        "随离职员工流失的客户",
        "clients/month",
        "flow",
    ),
    _m(
        "intent_to_quit_share",
        "share intending to leave",
        "有离职意向的比例",
        "share",
        "level",
        "share of people whose intention to quit is above the non-renewal threshold",
    ),
    _m(
        "mean_intent",
        "intention to quit",
        "离职意向",
        "0-1",
        "level",
        "mean probability of leaving within a year",
    ),
    _m(
        "intent_sd",
        "spread of intention to quit",
        "离职意向的离散程度",
        "0-1",
        "level",
        "standard deviation across the people of the month",
    ),
    _m("mean_equity", "internal equity", "内部公平性", "log-points", "level"),
    _m("mean_inequity", "felt inequity", "不公平感", "0-1", "level"),
    _m("mean_commitment", "commitment", "组织承诺", "0-1", "level"),
    _m("mean_embeddedness", "embeddedness", "工作嵌入", "0-1", "level"),
    _m("culture_strength", "culture strength", "文化强度", "0-1", "stock"),
    _m("vision", "belief in the shared vision", "共同愿景认同", "0-1", "stock"),
    _m("mean_hours", "hours worked", "工作时间", "hours share", "level", "1 = full time"),
    _m("mean_pay", "pay received", "实得工资", "money/month", "level"),
    _m("mean_wage", "base wage", "基本工资", "money/month", "level"),
    _m("cpi", "cost of living", "生活成本指数", "index", "stock"),
    _m("demand", "demand", "市场需求", "index", "stock"),
    *(
        _m(f"need_{k}", k.replace("_", "-") + " need", NEED_LABELS_ZH[k], "0-1", "level")
        for k in NEEDS
    ),
    *(
        _m(
            f"stage_{s.name.lower()}",
            f"stage: {s.name.lower()}",
            f"阶段：{STAGE_LABELS_ZH[s]}",
            "share",
            "level",
        )
        for s in Stage
    ),
)

BY_NAME: dict[str, Metric] = {m.name: m for m in METRICS}
COLUMNS: tuple[str, ...] = tuple(m.name for m in METRICS)


@dataclass(frozen=True)
class Headline:
    """A headline figure of a run (a key of ``summary.json``)."""

    name: str
    label: str
    label_zh: str
    unit: str
    metric: str | None  # the monthly column it reads (None: the run's identity or its events)
    how: Literal["first", "last", "sum", "mean", "identity", "events"]

    def title(self, lang: str = "en") -> str:
        return self.label_zh if lang == "zh" else self.label

    @property
    def money(self) -> bool:
        return self.unit.startswith("money")

    @property
    def percent(self) -> bool:
        return self.unit.startswith("share")


def _h(name, label, label_zh, unit, metric, how):
    return Headline(name, label, label_zh, unit, metric, how)


HEADLINES: tuple[Headline, ...] = (
    _h("scenario", "scenario", "情景", "", None, "identity"),
    _h("seed", "seed", "随机种子", "", None, "identity"),
    _h("months", "months run", "运行月数", "month", None, "identity"),
    _h("headcount_start", "headcount at the start", "期初员工人数", "people", "headcount", "first"),
    _h("headcount_end", "headcount at the end", "期末员工人数", "people", "headcount", "last"),
    _h("hires", "hires", "招聘人数", "people", "hires", "sum"),
    _h("quits", "quits", "辞职人数", "people", "quits", "sum"),
    _h("non_renewals", "non-renewals", "不续签人数", "people", "non_renewals", "sum"),
    _h("dismissals", "dismissals", "辞退人数", "people", "dismissals", "sum"),
    _h("layoffs", "layoffs", "裁员人数", "people", "layoffs", "sum"),
    _h("retirements", "retirements", "退休人数", "people", "retirements", "sum"),
    _h(
        "voluntary_turnover_annual",
        "voluntary turnover a year",
        "年化自愿离职率",
        "share/year",
        "turnover_rate_annual",
        "mean",
    ),
    _h("mean_satisfaction", "mean satisfaction", "平均满意度", "0-1", "mean_satisfaction", "mean"),
    _h(
        "mean_dissatisfaction",
        "mean dissatisfaction",
        "平均不满",
        "0-1",
        "mean_dissatisfaction",
        "mean",
    ),
    _h("mean_effort", "mean effort", "平均努力", "effort", "mean_effort", "mean"),
    _h(
        "output_per_employee",
        "output per employee",
        "人均产出",
        "units/employee",
        "output_per_employee",
        "mean",
    ),
    _h("revenue_total", "total revenue", "总收入", "money", "revenue", "sum"),
    _h("profit_total", "total profit", "总利润", "money", "profit", "sum"),
    _h("cash_end", "cash at the end", "期末现金", "money", "cash", "last"),
    _h("clients_end", "clients at the end", "期末客户数", "clients", "clients", "last"),
    _h(
        "intent_to_quit_share_end",
        "share intending to leave at the end",
        "期末有离职意向的比例",
        "share",
        "intent_to_quit_share",
        "last",
    ),
    _h("top_exit_driver", "main reason for leaving", "主要离职原因", "", None, "events"),
)

HEADLINE_BY_NAME: dict[str, Headline] = {h.name: h for h in HEADLINES}


def label(name: str, lang: str = "en") -> str:
    """The label of a metric or a headline figure; unknown names are made readable."""
    item = BY_NAME.get(name) or HEADLINE_BY_NAME.get(name)
    if item is not None:
        return item.title(lang)
    return name.replace("_", " ")


def is_money(name: str) -> bool:
    item = BY_NAME.get(name) or HEADLINE_BY_NAME.get(name)
    return bool(item and item.money)


def is_flow(name: str) -> bool:
    item = BY_NAME.get(name)
    return bool(item and item.kind == "flow")
