"""The figure of each case study: which arms it compares, which panels it shows, in two languages.

Each case of :data:`sim.cases.CASES` has one :class:`CaseFigure`: its arms (a scenario, with the
overrides of a variant) and its panels. ``experiments/cases.py`` draws them for docs/cases.md and
``orgsim handout`` draws them into the handout, so that the two never differ. An arm is named
``<scenario>`` or ``<scenario>+<variant>``; the name gives its colour (:mod:`sim.viz.style`), and
its label is the scenario's title unless the variant names itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from sim.cases import CARE, RULES, STATUS_CONSCIOUS, run_arm  # noqa: E402
from sim.viz.report import TITLE_SIZE, Panel, draw_comparison, text  # noqa: E402
from sim.viz.style import FigureSettings, arm_label  # noqa: E402


@dataclass(frozen=True)
class CaseArm:
    """One arm of a case figure. ``label``/``label_zh``: for a variant (an arm with overrides);
    an arm that is a scenario as it stands is shown under the scenario's title."""

    name: str
    scenario: str
    months: int
    overrides: dict = field(default_factory=dict)
    label: str = ""
    label_zh: str = ""

    def shown(self, lang: str) -> str:
        if lang == "zh" and self.label_zh:
            return self.label_zh
        return self.label or arm_label(self.scenario, lang)


@dataclass(frozen=True)
class CaseFigure:
    title: str
    title_zh: str
    arms: tuple[CaseArm, ...]
    panels: tuple[Panel, ...]
    markers: dict[int, tuple[str, str]] = field(default_factory=dict)  # month -> (en, zh)

    def heading(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title

    def marker_text(self, lang: str) -> dict[int, str]:
        return {m: (zh if lang == "zh" else en) for m, (en, zh) in self.markers.items()}


PERCENT = 100.0

CASE_FIGURES: dict[str, CaseFigure] = {
    "shengyi": CaseFigure(
        "Shengyi against its reformed twin",
        "盛益公司与改革后的盛益公司",
        (CaseArm("shengyi", "shengyi", 24), CaseArm("shengyi_reformed", "shengyi_reformed", 24)),
        (
            Panel("headcount"),
            Panel(
                "intent_to_quit_share",
                "Intending not to renew (%)",
                "打算不续签的比例（%）",
                PERCENT,
            ),
            Panel("clients"),
            Panel("revenue", "Revenue a month", "每月收入"),
            Panel("cash"),
            Panel("mean_dissatisfaction"),
        ),
        {12: ("New Year: contracts end ", "元旦：合同到期 ")},
    ),
    "lincoln": CaseFigure(
        "Lincoln Electric against a salaried, at-will competitor (recession months 36-53)",
        "林肯电气与计时工资、随意裁员的竞争对手（第36–53个月经济衰退）",
        (
            CaseArm("lincoln_electric", "lincoln_electric", 72),
            CaseArm("lincoln_competitor", "lincoln_competitor", 72),
        ),
        (
            Panel("output_per_employee"),
            Panel(
                "turnover_rate_annual",
                "Voluntary turnover (% a year)",
                "自愿离职率（%/年）",
                PERCENT,
            ),
            Panel("headcount"),
            Panel("mean_hours", "Hours (share of 40 a week)", "工时（占每周40小时的比例）"),
            Panel("need_safety", "Safety need met", "安全需要的满足"),
            Panel("mean_pay", "Pay received a month ($)", "每月实得工资（美元）"),
        ),
        {36: ("recession ", "经济衰退 "), 54: ("recovery ", "复苏 ")},
    ),
    "haier": CaseFigure(
        "Red Star taken over by Haier at month 0, against Red Star left alone",
        "第0个月由海尔兼并的红星厂与未被兼并的红星厂",
        (
            CaseArm("haier_redstar", "haier_redstar", 12),
            CaseArm("redstar_without_haier", "redstar_without_haier", 12),
        ),
        (
            Panel("profit", "Profit a month (yuan)", "每月利润（元）"),
            Panel("output_per_employee"),
            Panel("headcount"),
            Panel("mean_effort"),
            Panel("culture_strength"),
            Panel("clients"),
        ),
    ),
    "money_raise": CaseFigure(
        "A raise of 500 a month at the month-12 review (grades of 1,000 to 10,000)",
        "第12个月调薪时每月加薪500元（月薪1,000至10,000元五个等级）",
        (
            CaseArm(
                "money_raise",
                "money_raise",
                24,
                label="five grades of pay, 1,000 to 10,000",
                label_zh="五个工资等级，1,000至10,000元",
            ),
        ),
        (
            Panel("mean_satisfaction", "Satisfaction (all grades)", "满意（全部等级）"),
            Panel("mean_inequity"),
            Panel("mean_effort"),
        ),
        {12: ("raise ", "加薪 ")},
    ),
    "performance_pay": CaseFigure(
        "Salary to piece rate at month 12, against the same firm on salary",
        "第12个月由固定工资改为计件工资，与一直拿固定工资的同一企业对比",
        (
            CaseArm(
                "performance_pay",
                "performance_pay",
                24,
                label="piece rate from month 12",
                label_zh="第12个月起计件工资",
            ),
            CaseArm(
                "baseline", "baseline", 24, label="salary throughout", label_zh="一直拿固定工资"
            ),
        ),
        (
            Panel("output_per_employee"),
            Panel("mean_effort"),
            Panel("need_safety", "Safety need met", "安全需要的满足"),
        ),
        {12: ("piece rate ", "改为计件 ")},
    ),
    "forced_ranking": CaseFigure(
        "Bottom-10% elimination without and with the source document's three rules",
        "末位淘汰（淘汰最后10%）：不守与遵守原文的三条尺度",
        (
            CaseArm("baseline", "baseline", 48, label="no ranking", label_zh="不搞末位淘汰"),
            CaseArm(
                "forced_ranking",
                "forced_ranking",
                48,
                label="monthly, no rules",
                label_zh="每月考核，不守尺度",
            ),
            CaseArm(
                "forced_ranking+rules",
                "forced_ranking",
                48,
                {**RULES, "policies.bottom_ranking.frequency": "half_yearly"},
                label="half-yearly, with the rules",
                label_zh="半年考核，遵守三条尺度",
            ),
        ),
        (
            Panel("output_per_employee"),
            Panel("need_safety", "Safety need met", "安全需要的满足"),
            Panel(
                "total_turnover_rate_annual", "All exits (% a year)", "全部离职（%/年）", PERCENT
            ),
        ),
    ),
    "labour_shortage": CaseFigure(
        "A tight labour market and the Spring Festival (month 7), without and with emotional care",
        "民工荒与春节（第7个月）：没有与有情感激励",
        (
            CaseArm(
                "labour_shortage",
                "labour_shortage",
                12,
                label="without care",
                label_zh="没有情感激励",
            ),
            CaseArm(
                "labour_shortage+care",
                "labour_shortage",
                12,
                CARE,
                label="with emotional care",
                label_zh="有情感激励",
            ),
        ),
        (
            Panel("headcount"),
            Panel("need_belonging", "Belonging need met", "社会（归属）需要的满足"),
            Panel("output"),
        ),
        {7: ("Spring Festival ", "春节 ")},
    ),
    "walmart": CaseFigure(
        "Respect and walking around, against status-conscious, office-bound management",
        "尊重与走动式管理，与讲究等级、坐在办公室里的管理对比",
        (
            CaseArm(
                "walmart_respect",
                "walmart_respect",
                48,
                label="the Walmart way",
                label_zh="沃尔玛的做法",
            ),
            CaseArm(
                "walmart_respect+status_conscious",
                "walmart_respect",
                48,
                STATUS_CONSCIOUS,
                label="status-conscious",
                label_zh="讲究等级",
            ),
        ),
        (
            Panel("need_esteem", "Esteem need met", "尊重需要的满足"),
            Panel("mean_dissatisfaction"),
            Panel(
                "turnover_rate_annual",
                "Voluntary turnover (% a year)",
                "自愿离职率（%/年）",
                PERCENT,
            ),
        ),
    ),
}


def case_runs(case: str, seeds: list[int]) -> dict[str, pd.DataFrame]:
    """The monthly metrics of every arm of a case figure, over ``seeds`` (common random numbers)."""
    spec = CASE_FIGURES[case]
    return {
        arm.name: run_arm(arm.scenario, seeds, arm.months, arm.overrides or None).metrics
        for arm in spec.arms
    }


def draw_case(
    fig,
    case: str,
    runs: dict[str, pd.DataFrame],
    lang: str,
    cols: int = 3,
    sizes=None,
    legend: bool = True,
):
    """Draw a case's panels into ``fig`` (a Figure or a SubFigure); returns the axes."""
    spec = CASE_FIGURES[case]
    labels = {arm.name: arm.shown(lang) for arm in spec.arms}
    return draw_comparison(
        fig,
        runs,
        spec.panels,
        labels,
        spec.marker_text(lang),
        cols=cols,
        lang=lang,
        sizes=sizes or (13, 11, 12),
        legend=legend,
    )


def case_figure(
    case: str,
    runs: dict[str, pd.DataFrame],
    path: str | Path,
    seeds: int,
    figure: FigureSettings | None = None,
) -> Path:
    """A case's figure as a file (docs/figures/cases/<case>.png)."""
    figure = figure or FigureSettings()
    spec = CASE_FIGURES[case]
    rows = -(-len(spec.panels) // 3)
    fig = plt.figure(figsize=(16, 4.6 * rows + 1.6), layout="constrained")
    subtitle = text("median_band", figure.lang, n=seeds)
    fig.suptitle(f"{spec.heading(figure.lang)}\n{subtitle}", fontsize=TITLE_SIZE + 1)
    draw_case(fig, case, runs, figure.lang)
    path = Path(path)
    figure.save(fig, path)
    plt.close(fig)
    return path
