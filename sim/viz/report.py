"""One-page reports: a single run's report.png, and a paired comparison across seeds."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

PALETTE = {
    "a": "#c0392b",
    "b": "#1f77b4",
    "hires": "#2ca02c",
    "exits": "#d62728",
    "grey": "#7f7f7f",
}


def _money_axis(ax):
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(money))


def money(value, _pos=None) -> str:
    """Tick label for money: 1.5M, 250k, 900."""
    magnitude = abs(value)
    if magnitude >= 1e6:
        return f"{value / 1e6:.1f}M"
    if magnitude >= 1e3:
        return f"{value / 1e3:.0f}k"
    return f"{value:.0f}"


def _style(ax, title):
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("month")


def run_report(metrics: pd.DataFrame, path: str | Path, title: str, subtitle: str = "") -> Path:
    """report.png of one run: headcount and flows, satisfaction and dissatisfaction, turnover,
    effort and output, profit and cash, and the five needs."""
    m = metrics[metrics.month > 0] if (metrics.month > 0).any() else metrics
    fig, axes = plt.subplots(2, 3, figsize=(15, 8.5), constrained_layout=True)
    fig.suptitle(title + (f"\n{subtitle}" if subtitle else ""), fontsize=14)

    ax = axes[0, 0]
    ax.plot(metrics.month, metrics.headcount, color="black", lw=2, label="headcount")
    ax.set_ylabel("people")
    ax.set_ylim(0, max(1.15 * metrics.headcount.max(), 1))
    ax2 = ax.twinx()
    exits = m.quits + m.non_renewals + m.dismissals + m.layoffs
    ax2.bar(m.month, m.hires, color=PALETTE["hires"], alpha=0.5, width=0.8, label="hires")
    ax2.bar(m.month, -exits, color=PALETTE["exits"], alpha=0.5, width=0.8, label="exits")
    ax2.set_ylabel("hires (+) / exits (−) per month")
    ax2.spines[["top"]].set_visible(False)
    lines = ax.get_legend_handles_labels()
    bars = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + bars[0], lines[1] + bars[1], loc="lower left", fontsize=8)
    _style(ax, "Headcount and flows")

    ax = axes[0, 1]
    ax.plot(
        m.month, m.mean_satisfaction, color=PALETTE["b"], lw=2, label="satisfaction (motivators)"
    )
    ax.plot(
        m.month, m.mean_dissatisfaction, color=PALETTE["a"], lw=2, label="dissatisfaction (hygiene)"
    )
    ax.plot(
        m.month,
        m.intent_to_quit_share,
        color=PALETTE["grey"],
        lw=1.5,
        ls="--",
        label="share intending to leave",
    )
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8)
    _style(ax, "Satisfaction and dissatisfaction (Herzberg)")

    ax = axes[0, 2]
    smooth = m.turnover_rate_annual.rolling(12, min_periods=1).mean()
    ax.plot(
        m.month,
        100 * m.turnover_rate_annual,
        color=PALETTE["grey"],
        lw=0.8,
        alpha=0.6,
        label="monthly, annualised",
    )
    ax.plot(m.month, 100 * smooth, color="black", lw=2, label="12-month average")
    ax.set_ylabel("% of staff a year")
    # a firm that is emptying out annualises to thousands of percent: keep the average readable
    ax.set_ylim(0, max(50.0, 1.3 * 100 * float(smooth.max())))
    ax.legend(fontsize=8)
    _style(ax, "Voluntary turnover")

    ax = axes[1, 0]
    ax.plot(m.month, m.mean_effort, color=PALETTE["b"], lw=2, label="mean effort (1 = standard)")
    ax.plot(m.month, m.output_per_employee, color="black", lw=2, label="output per employee")
    ax.legend(fontsize=8)
    _style(ax, "Effort and output")

    ax = axes[1, 1]
    ax.plot(m.month, m.profit, color=PALETTE["b"], lw=1.5, label="profit (month)")
    ax.plot(m.month, m.cash, color="black", lw=2, label="cash")
    ax.axhline(0, color=PALETTE["grey"], lw=0.8)
    _money_axis(ax)
    ax.legend(fontsize=8)
    _style(ax, "Profit and cash")

    ax = axes[1, 2]
    for name, color in zip(
        ("physiological", "safety", "belonging", "esteem", "self_actualization"),
        ("#8c564b", "#ff7f0e", "#2ca02c", "#1f77b4", "#9467bd"),
        strict=True,
    ):
        ax.plot(m.month, m[f"need_{name}"], color=color, lw=2, label=name.replace("_", "-"))
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8, ncol=2)
    _style(ax, "Needs met (Maslow)")

    path = Path(path)
    fig.savefig(path, dpi=110, format="png")
    plt.close(fig)
    return path


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


def band(ax, frame: pd.DataFrame, column: str, color: str, label: str, scale: float = 1.0):
    """Median across seeds with the 10-90% band (flows from month 1: month 0 has none)."""
    if column in FLOWS:
        frame = frame[frame.month > 0]
    g = frame.groupby("month")[column]
    q = g.quantile([0.1, 0.5, 0.9]).unstack() * scale
    ax.fill_between(q.index, q[0.1], q[0.9], color=color, alpha=0.2, lw=0)
    ax.plot(q.index, q[0.5], color=color, lw=2, label=label)


def comparison_report(
    runs: dict[str, pd.DataFrame],
    path: str | Path,
    title: str,
    panels: list[tuple[str, str, float]] | None = None,
    subtitle: str = "",
    markers: dict[int, str] | None = None,
) -> Path:
    """Paired trajectories of two or more scenarios across seeds: median and 10-90% band."""
    panels = panels or [
        ("headcount", "Headcount", 1.0),
        ("intent_to_quit_share", "Share intending to leave (%)", 100.0),
        ("mean_satisfaction", "Satisfaction (motivators)", 1.0),
        ("mean_dissatisfaction", "Dissatisfaction (hygiene)", 1.0),
        ("clients", "Clients", 1.0),
        ("cash", "Cash", 1.0),
    ]
    colors = [PALETTE["a"], PALETTE["b"], "#2ca02c", "#9467bd"]
    cols = 3
    rows = int(np.ceil(len(panels) / cols))
    fig, axes = plt.subplots(
        rows, cols, figsize=(15, 4.2 * rows), constrained_layout=True, squeeze=False
    )
    fig.suptitle(title + (f"\n{subtitle}" if subtitle else ""), fontsize=14)
    for ax, (column, label, scale) in zip(axes.flat, panels, strict=False):
        for (name, frame), color in zip(runs.items(), colors, strict=False):
            band(ax, frame, column, color, name, scale)
        if column in ("cash", "revenue", "profit", "wage_bill"):
            _money_axis(ax)
            ax.axhline(0, color=PALETTE["grey"], lw=0.8)
        for month, text in (markers or {}).items():
            ax.axvline(month, color=PALETTE["grey"], lw=1, ls=":")
            ax.annotate(
                text,
                (month, 0.98),
                xycoords=("data", "axes fraction"),
                fontsize=7,
                color=PALETTE["grey"],
                ha="right",
                va="top",
                rotation=90,
            )
        _style(ax, label)
        ax.legend(fontsize=8)
    for ax in list(axes.flat)[len(panels) :]:
        ax.axis("off")
    path = Path(path)
    fig.savefig(path, dpi=110, format="png")
    plt.close(fig)
    return path
