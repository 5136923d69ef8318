"""One-page reports: a single run's report (report.png), and paired trajectories of arms across seeds.

The run report has eight panels: headcount and flows, the two Herzberg scales with the share
intending to leave, voluntary turnover, effort and output, profit and cash, the five needs, **why
they left** (each driver's mean share in the voluntary leavers' quit hazard, from the event log's
``driver_*`` columns, labelled as :data:`sim.viz.i18n.DRIVER_LABELS` declares them) and a
**Kaplan-Meier curve of tenure to a voluntary exit** (lifelines), counted by the spell rules of
:mod:`sim.calibration.spells`. Fonts come from :mod:`sim.viz.fonts`; the format, resolution and
language from :class:`sim.viz.style.FigureSettings`; arm colours and labels from :mod:`sim.viz.style`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from sim import outcomes  # noqa: E402
from sim.agents.psychology import DRIVERS, NEEDS  # noqa: E402
from sim.calibration.spells import km_inputs, spells_from_events  # noqa: E402
from sim.org.exits import CAREER_END, EXIT_KINDS, INVOLUNTARY, VOLUNTARY  # noqa: E402
from sim.viz import fonts, i18n  # noqa: E402, F401  (fonts: registers the CJK font)
from sim.viz.style import FigureSettings, arm_colours, arm_label, title_weight  # noqa: E402

PALETTE = {
    "a": "#c0392b",
    "b": "#1f77b4",
    "hires": "#2ca02c",
    "exits": "#d62728",
    "grey": "#7f7f7f",
}
NEED_COLOURS = ("#8c564b", "#ff7f0e", "#2ca02c", "#1f77b4", "#9467bd")
MIN_SPELLS = 5  # fewer spells than this draw no Kaplan-Meier curve: a note says so

# sizes for a report that is projected in a classroom: read from the back row
TITLE_SIZE = 15
LABEL_SIZE = 12
TICK_SIZE = 11
KEY_SIZE = 10.5

TEXT: dict[str, tuple[str, str]] = {
    "headcount_title": ("Headcount and flows", "员工人数与流动"),
    "flows_axis": ("hires (+) / exits (−) a month", "每月招聘（+）/ 离职（−）"),
    "exits": ("exits", "离职"),
    "people": ("people", "人"),
    "herzberg_title": ("Satisfaction and dissatisfaction (Herzberg)", "满意与不满（双因素理论）"),
    "intending": ("share intending to leave", "有离职意向的比例"),
    "turnover_title": ("Voluntary turnover", "自愿离职率"),
    "monthly": ("monthly, annualised", "按月计算（年化）"),
    "off_scale": (" — off the scale, up to {peak:,.0f}%", "——超出刻度，最高{peak:,.0f}%"),
    "average_12": ("12-month average", "12个月平均"),
    "percent_year": ("% of staff a year", "占员工的百分比/年"),
    "effort_title": ("Effort and output", "工作努力与产出"),
    "effort": ("mean effort (1 = standard)", "平均努力（1 = 标准）"),
    "money_title": ("Profit and cash", "利润与现金"),
    "profit": ("profit (month)", "当月利润"),
    "needs_title": ("Needs met (Maslow)", "需要的满足（马斯洛）"),
    "why_title": ("Why they left", "为什么离职"),
    "why_axis": (
        "mean share of each reason in the leavers' quit hazard (%)",
        "各原因在离职者离职风险中的平均占比（%）",
    ),
    "why_count": (
        "{n} voluntary leavers (quits and non-renewals){others}",
        "{n}名自愿离职者（辞职与不续签）{others}",
    ),
    "why_others": (
        "; {n} dismissed or laid off are not counted",
        "；另有{n}人被辞退或裁员，未计入",
    ),
    "nobody_left": ("Nobody left of their own accord.", "没有人主动离职。"),
    "km_title": ("Staying on: Kaplan-Meier", "留任曲线（Kaplan-Meier）"),
    "km_axis": ("share not yet left of their own accord", "尚未主动离职的比例"),
    "tenure_axis": ("months since hire, or since month 0", "入职后（或第0个月后）的月数"),
    "km_hired": (
        "hired during the run, from hire (n = {n})",
        "运行期间入职者，自入职起（n = {n}）",
    ),
    "km_initial": (
        "staff of month 0, from month 0 (n = {n})",
        "第0个月的在职员工，自第0个月起（n = {n}）",
    ),
    "km_note": (
        "dismissals, layoffs and retirements censored; shaded: 95% interval",
        "辞退、裁员与退休按删失处理；阴影：95%置信区间",
    ),
    "km_too_few": (
        "Too few people to draw the curve ({n} hired during the run).",
        "人数太少，无法绘制曲线（运行期间入职{n}人）。",
    ),
    "median_band": (
        "median and 10–90% band over {n} seeds, the same seeds for every arm (common random numbers)",
        "{n}个随机种子的中位数与10%–90%区间；各组使用相同的种子（共同随机数）",
    ),
}


def text(key: str, lang: str, **fmt) -> str:
    pair = TEXT[key]
    out = pair[1] if lang == "zh" else pair[0]
    return out.format(**fmt) if fmt else out


def money(value, _pos=None, lang: str = "en") -> str:
    """Tick label for money: 1.5M, 250k, 900 (in Chinese 150万, 2.5万, 900)."""
    magnitude = abs(value)
    if lang == "zh":
        if magnitude >= 1e8:
            return f"{f'{value / 1e8:.1f}'.removesuffix('.0')}亿"
        if magnitude >= 1e4:
            # 5万 and 2.5万, never 5.0万 beside 10万
            digits = f"{value / 1e4:.0f}" if magnitude >= 1e5 else f"{value / 1e4:.1f}"
            return f"{digits.removesuffix('.0')}万"
        return f"{value:.0f}"
    if magnitude >= 1e6:
        return f"{value / 1e6:.1f}M"
    if magnitude >= 1e3:
        return f"{value / 1e3:.0f}k"
    return f"{value:.0f}"


def _money_axis(ax, lang: str = "en", axis: str = "y"):
    formatter = matplotlib.ticker.FuncFormatter(lambda v, p: money(v, p, lang))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


def _style(ax, title, lang: str = "en", xlabel: str | None = None, size: float = TITLE_SIZE):
    ax.set_title(title, loc="left", fontsize=size, fontweight=title_weight(lang))
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(outcomes.label("month", lang) if xlabel is None else xlabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)


# --- why they left, and how long they stayed -----------------------------------------------------


def driver_shares(events: pd.DataFrame) -> tuple[pd.Series, int, int]:
    """Each driver's mean share in the voluntary leavers' quit hazard (largest first), the number
    of voluntary leavers, and the number of people dismissed, laid off or retired (who have no
    drivers)."""
    if events is None or events.empty:
        return pd.Series(dtype=float), 0, 0
    leavers = events[events["event"].isin(VOLUNTARY)]
    others = int(events["event"].isin(INVOLUNTARY + CAREER_END).sum())
    if leavers.empty:
        return pd.Series(dtype=float), 0, others
    shares = leavers[[f"driver_{d}" for d in DRIVERS]].mean()
    shares.index = [name.removeprefix("driver_") for name in shares.index]
    return shares.sort_values(ascending=False), len(leavers), others


def why_they_left(ax, events: pd.DataFrame, lang: str = "en") -> None:
    """Horizontal bars: the drivers of the voluntary exits, largest on top, with their shares."""
    shares, n, others = driver_shares(events)
    if n == 0:
        ax.axis("off")
        ax.set_title(
            text("why_title", lang), loc="left", fontsize=TITLE_SIZE, fontweight=title_weight(lang)
        )
        ax.text(0.0, 0.6, text("nobody_left", lang), fontsize=LABEL_SIZE, transform=ax.transAxes)
        return
    shown = shares[shares >= 0.005]  # a driver below half a percent is no reason anyone gives
    y = np.arange(len(shown))[::-1]
    ax.barh(y, 100 * shown.to_numpy(), color="#c0392b", alpha=0.85, height=0.7)
    ax.set_yticks(y, [i18n.driver(d, lang) for d in shown.index], fontsize=LABEL_SIZE)
    top = float(100 * shown.max())
    for yy, value in zip(y, 100 * shown.to_numpy(), strict=True):
        ax.annotate(
            f"{value:.0f}%" if value >= 1 else f"{value:.1f}%",
            (value, yy),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=KEY_SIZE,
        )
    ax.set_xlim(0, top * 1.15 + 1)
    count = text(
        "why_count", lang, n=n, others=text("why_others", lang, n=others) if others else ""
    )
    colon = "：" if lang == "zh" else ": "
    _style(ax, f"{text('why_title', lang)}{colon}{count}", lang, xlabel=text("why_axis", lang))
    ax.grid(alpha=0.3, axis="x")
    ax.grid(False, axis="y")


def initial_staff_spells(events: pd.DataFrame, headcount_at_0: int, last_month: int):
    """The spells of the people employed at month 0 (who have no hire event), each counted from
    month 0: those who left end at their exit, the others are still employed at ``last_month``.
    With :func:`~sim.calibration.spells.km_inputs` this is their survival in months since month 0,
    by the same rules as the spells of the people hired during the run."""
    hired = set(events.loc[events["event"] == "hire", "employee_id"])
    exits = events[events["event"].isin(EXIT_KINDS)]
    exits = exits[~exits["employee_id"].isin(hired) & (exits["month"] <= last_month)]
    exits = exits.drop_duplicates("employee_id")
    staying = max(int(headcount_at_0) - len(exits), 0)
    return pd.DataFrame(
        {
            "spell": np.arange(len(exits) + staying),
            "role": [*exits["role"], *([None] * staying)],
            "hire_month": 0.0,
            "exit_month": [*exits["month"].astype(float), *([np.nan] * staying)],
            "exit_kind": [*exits["event"], *([None] * staying)],
        }
    )


def _km(ax, spells: pd.DataFrame, last_month: int, colour: str, label: str) -> float:
    from lifelines import KaplanMeierFitter

    durations, observed, entry = km_inputs(spells, last_month)
    if durations.size == 0:  # nobody at risk for a whole month (a firm closed at once)
        return 0.0
    fitter = KaplanMeierFitter().fit(durations, observed, entry=entry)
    curve = fitter.survival_function_.iloc[:, 0]
    band = fitter.confidence_interval_survival_function_
    ax.step(curve.index, curve.to_numpy(), where="post", color=colour, lw=2.4, label=label)
    ax.fill_between(
        band.index,
        band.iloc[:, 0].to_numpy(),
        band.iloc[:, 1].to_numpy(),
        step="post",
        color=colour,
        alpha=0.15,
        lw=0,
    )
    return float(durations.max()) if len(durations) else 0.0


def tenure_curve(ax, events: pd.DataFrame, metrics: pd.DataFrame, lang: str = "en") -> None:
    """Kaplan-Meier survival to a voluntary exit: of the people hired during the run, by tenure
    (the flow sample of the calibration targets), and of the staff of month 0, by months since
    month 0 (their earlier tenure is not in the event log)."""
    last_month = int(metrics.month.max())
    if events is None or events.empty:
        events = pd.DataFrame(columns=["month", "event", "employee_id", "role"])
    hired = spells_from_events(events, last_month)
    start = metrics.loc[metrics.month == metrics.month.min(), "headcount"]
    initial = initial_staff_spells(events, int(start.iloc[0]) if len(start) else 0, last_month)
    drawn = 0.0
    for spells, colour, key in ((hired, "#1f6fb4", "km_hired"), (initial, "#4d4d4d", "km_initial")):
        if len(spells) >= MIN_SPELLS:
            label = text(key, lang, n=len(spells))
            drawn = max(drawn, _km(ax, spells, last_month, colour, label))
    if drawn == 0.0:
        ax.axis("off")
        ax.set_title(
            text("km_title", lang), loc="left", fontsize=TITLE_SIZE, fontweight=title_weight(lang)
        )
        ax.text(
            0.0,
            0.6,
            text("km_too_few", lang, n=len(hired)),
            fontsize=LABEL_SIZE,
            transform=ax.transAxes,
        )
        return
    ax.set_xlim(0, drawn)
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_ylabel(text("km_axis", lang), fontsize=LABEL_SIZE)
    # the key below the axis label: the curves and their bands may fill any corner of the panel
    ax.legend(
        fontsize=KEY_SIZE,
        loc="upper left",
        bbox_to_anchor=(0.0, -0.13),
        title=text("km_note", lang),
        title_fontsize=9.5,
        alignment="left",
        frameon=False,
    )
    _style(ax, text("km_title", lang), lang, xlabel=text("tenure_axis", lang))


# --- the run report ------------------------------------------------------------------------------


def run_report(
    metrics: pd.DataFrame,
    path: str | Path,
    title: str,
    subtitle: str = "",
    events: pd.DataFrame | None = None,
    figure: FigureSettings | None = None,
) -> Path:
    """The report of one run: headcount and flows, satisfaction and dissatisfaction, turnover,
    effort and output, profit and cash, the five needs; and, from the event log, why they left
    and how long they stayed (Kaplan-Meier). Written to ``path`` in ``figure``'s format,
    resolution and language."""
    figure = figure or FigureSettings()
    lang = figure.lang
    m = metrics[metrics.month > 0] if (metrics.month > 0).any() else metrics
    fig = plt.figure(figsize=(18, 15), layout="constrained")
    grid = fig.add_gridspec(3, 3, height_ratios=(1, 1, 1.1))
    axes = [[fig.add_subplot(grid[r, c]) for c in range(3)] for r in range(2)]
    fig.suptitle(title + (f"\n{subtitle}" if subtitle else ""), fontsize=TITLE_SIZE + 3)

    ax = axes[0][0]
    ax.plot(
        metrics.month,
        metrics.headcount,
        color="black",
        lw=2.2,
        label=outcomes.label("headcount", lang),
    )
    ax.set_ylabel(text("people", lang), fontsize=LABEL_SIZE)
    ax.set_ylim(0, max(1.15 * metrics.headcount.max(), 1))
    ax2 = ax.twinx()
    exits = m.quits + m.non_renewals + m.dismissals + m.layoffs + m.retirements
    ax2.bar(
        m.month,
        m.hires,
        color=PALETTE["hires"],
        alpha=0.5,
        width=0.8,
        label=outcomes.label("hires", lang),
    )
    ax2.bar(
        m.month, -exits, color=PALETTE["exits"], alpha=0.5, width=0.8, label=text("exits", lang)
    )
    ax2.set_ylabel(text("flows_axis", lang), fontsize=LABEL_SIZE)
    ax2.tick_params(labelsize=TICK_SIZE)
    ax2.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax2.spines[["top"]].set_visible(False)
    lines, bars = ax.get_legend_handles_labels(), ax2.get_legend_handles_labels()
    # on the twin axes, which are drawn last: the key stays above the bars
    ax2.legend(
        lines[0] + bars[0], lines[1] + bars[1], loc="lower left", fontsize=KEY_SIZE, framealpha=0.95
    )
    _style(ax, text("headcount_title", lang), lang)

    ax = axes[0][1]
    ax.plot(
        m.month,
        m.mean_satisfaction,
        color=PALETTE["b"],
        lw=2.2,
        label=outcomes.label("mean_satisfaction", lang),
    )
    ax.plot(
        m.month,
        m.mean_dissatisfaction,
        color=PALETTE["a"],
        lw=2.2,
        label=outcomes.label("mean_dissatisfaction", lang),
    )
    ax.plot(
        m.month,
        m.intent_to_quit_share,
        color=PALETTE["grey"],
        lw=2,
        ls="--",
        label=text("intending", lang),
    )
    ax.set_ylim(0, 1)
    ax.legend(fontsize=KEY_SIZE)
    _style(ax, text("herzberg_title", lang), lang)

    ax = axes[0][2]
    smooth = m.turnover_rate_annual.rolling(12, min_periods=1).mean()
    # a firm that is emptying out annualises to thousands of percent: keep the average readable,
    # and say how far the monthly line goes past the top
    top = max(50.0, 1.3 * 100 * float(smooth.max()))
    peak = 100 * float(m.turnover_rate_annual.max())
    monthly = text("monthly", lang) + (text("off_scale", lang, peak=peak) if peak > top else "")
    ax.plot(
        m.month,
        100 * m.turnover_rate_annual,
        color=PALETTE["grey"],
        lw=1,
        alpha=0.6,
        label=monthly,
    )
    ax.plot(m.month, 100 * smooth, color="black", lw=2.2, label=text("average_12", lang))
    ax.set_ylabel(text("percent_year", lang), fontsize=LABEL_SIZE)
    ax.set_ylim(0, top)
    ax.legend(fontsize=KEY_SIZE)
    _style(ax, text("turnover_title", lang), lang)

    ax = axes[1][0]
    ax.plot(m.month, m.mean_effort, color=PALETTE["b"], lw=2.2, label=text("effort", lang))
    ax.plot(
        m.month,
        m.output_per_employee,
        color="black",
        lw=2.2,
        label=outcomes.label("output_per_employee", lang),
    )
    ax.legend(fontsize=KEY_SIZE)
    _style(ax, text("effort_title", lang), lang)

    ax = axes[1][1]
    ax.plot(m.month, m.profit, color=PALETTE["b"], lw=1.8, label=text("profit", lang))
    ax.plot(m.month, m.cash, color="black", lw=2.2, label=outcomes.label("cash", lang))
    ax.axhline(0, color=PALETTE["grey"], lw=0.8)
    _money_axis(ax, lang)
    ax.legend(fontsize=KEY_SIZE)
    _style(ax, text("money_title", lang), lang)

    ax = axes[1][2]
    for name, colour in zip(NEEDS, NEED_COLOURS, strict=True):
        ax.plot(m.month, m[f"need_{name}"], color=colour, lw=2.2, label=i18n.need(name, lang))
    ax.set_ylim(0, 1)
    ax.legend(fontsize=KEY_SIZE, ncol=2)
    _style(ax, text("needs_title", lang), lang)

    why_they_left(fig.add_subplot(grid[2, 0:2]), events, lang)
    tenure_curve(fig.add_subplot(grid[2, 2]), events, metrics, lang)

    path = Path(path)
    figure.save(fig, path)
    plt.close(fig)
    return path


# --- arms across seeds ---------------------------------------------------------------------------

FLOWS = {
    "revenue",
    "profit",
    "wage_bill",
    "costs",
    "output_per_employee",
    "output",
    "hires",
    "quits",
    "turnover_rate_annual",
    "total_turnover_rate_annual",
    "bonuses",
    "arrears",
}
MONEY = ("cash", "revenue", "profit", "wage_bill", "costs", "bonuses", "arrears", "mean_pay")


@dataclass(frozen=True)
class Panel:
    """One panel of paired trajectories: a monthly column, its title (the column's declared label
    when none is given) and a scale (100 for a share shown in percent)."""

    column: str
    title: str = ""
    title_zh: str = ""
    scale: float = 1.0

    def heading(self, lang: str) -> str:
        if lang == "zh" and self.title_zh:
            return self.title_zh
        title = self.title or outcomes.label(self.column, lang)
        return title[:1].upper() + title[1:]


def _panel(spec) -> Panel:
    if isinstance(spec, Panel):
        return spec
    column, title, scale = spec
    return Panel(column, title, "", float(scale))


def band(ax, frame: pd.DataFrame, column: str, color: str, label: str, scale: float = 1.0):
    """Median across seeds with the 10-90% band (flows from month 1: month 0 has none)."""
    if column in FLOWS:
        frame = frame[frame.month > 0]
    g = frame.groupby("month")[column]
    q = g.quantile([0.1, 0.5, 0.9]).unstack() * scale
    ax.fill_between(q.index, q[0.1], q[0.9], color=color, alpha=0.2, lw=0)
    ax.plot(q.index, q[0.5], color=color, lw=2.2, label=label)


def draw_comparison(
    fig,
    runs: dict[str, pd.DataFrame],
    panels,
    labels: dict[str, str] | None = None,
    markers: dict[int, str] | None = None,
    cols: int = 3,
    lang: str = "en",
    sizes: tuple[float, float, float] = (12, 10, 9),
    legend: bool = True,
):
    """Draw the panels of paired trajectories into ``fig`` (a Figure or a SubFigure). ``runs``:
    arm name -> monthly metrics with a ``replicate`` column; each arm in its own colour
    (:func:`sim.viz.style.arm_colours`) under ``labels[arm]`` or :func:`sim.viz.style.arm_label`.
    ``sizes``: title, tick and key font sizes; ``legend``: one key below the panels (else the
    caller places it, from the first axes' handles). Returns the axes."""
    panels = [_panel(p) for p in panels]
    colours = arm_colours(runs)
    labels = {arm: (labels or {}).get(arm) or arm_label(arm, lang) for arm in runs}
    title_size, tick_size, key_size = sizes
    rows = int(np.ceil(len(panels) / cols))
    axes = fig.subplots(rows, cols, squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=False):
        for arm, frame in runs.items():
            band(ax, frame, panel.column, colours[arm], labels[arm], panel.scale)
        if panel.column in MONEY:
            _money_axis(ax, lang)
            ax.axhline(0, color=PALETTE["grey"], lw=0.8)
        for month, note in (markers or {}).items():
            ax.axvline(month, color=PALETTE["grey"], lw=1, ls=":")
            ax.annotate(
                note,
                (month, 0.98),
                xycoords=("data", "axes fraction"),
                fontsize=tick_size - 2,
                color=PALETTE["grey"],
                ha="right",
                va="top",
                rotation=90,
            )
        _style(ax, panel.heading(lang), lang, size=title_size)
        ax.xaxis.label.set_size(tick_size)
        ax.tick_params(labelsize=tick_size)
    for ax in list(axes.flat)[len(panels) :]:
        ax.axis("off")
    if legend:
        handles, names = axes.flat[0].get_legend_handles_labels()
        fig.legend(
            handles,
            names,
            loc="outside lower center",
            ncol=min(len(handles), 4),
            fontsize=key_size,
            frameon=False,
        )
    return axes


def comparison_report(
    runs: dict[str, pd.DataFrame],
    path: str | Path,
    title: str,
    panels=None,
    subtitle: str = "",
    markers: dict[int, str] | None = None,
    labels: dict[str, str] | None = None,
    figure: FigureSettings | None = None,
) -> Path:
    """Paired trajectories of two or more arms across seeds (median and 10-90% band), written to
    ``path`` in ``figure``'s format. ``runs`` is keyed by arm name (a scenario's name, or
    ``scenario+variant``), which gives each arm its colour and, without ``labels``, its label."""
    figure = figure or FigureSettings()
    panels = panels or [
        Panel("headcount"),
        Panel(
            "intent_to_quit_share", "Share intending to leave (%)", "有离职意向的比例（%）", 100.0
        ),
        Panel("mean_satisfaction"),
        Panel("mean_dissatisfaction"),
        Panel("clients"),
        Panel("cash"),
    ]
    rows = int(np.ceil(len(panels) / 3))
    fig = plt.figure(figsize=(16, 4.6 * rows + 1.6), layout="constrained")
    fig.suptitle(title + (f"\n{subtitle}" if subtitle else ""), fontsize=TITLE_SIZE + 1)
    draw_comparison(fig, runs, panels, labels, markers, lang=figure.lang, sizes=(13, 11, 12))
    path = Path(path)
    figure.save(fig, path)
    plt.close(fig)
    return path
