"""The standard figures of an experiment.

- ``trajectories.png``  monthly metrics over time, one line per point (or group of points), the mean
  across replicates with its 95% interval as a band;
- ``response.png``      each headline figure against the swept parameter, mean and 95% interval;
- ``differences.png``   paired differences from the reference point (common random numbers), 95%;
- ``morris.png``        Morris screening: mu* against sigma for each output;
- ``sobol.png``         Sobol first-order and total indices for each output.

``plot_experiment(result, folder)`` draws the ones that fit the experiment and returns their paths.
Labels, units and which metrics are money or monthly flows (drawn as trailing 12-month means)
come from the declarations in :mod:`sim.outcomes`. An arm is drawn in its own colour and shown
under its scenario's title (:mod:`sim.viz.style`); the figures are written in the format and at the
resolution of a :class:`~sim.viz.style.FigureSettings` (``--format``, ``--dpi``).
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from sim import outcomes
from sim.experiment.errors import ExperimentError
from sim.experiment.results import format_value, t_quantile
from sim.viz import fonts  # noqa: F401  (registers the CJK font)
from sim.viz.report import money
from sim.viz.style import DEFAULT_DPI, FigureSettings, arm_colours, arm_label

if TYPE_CHECKING:  # pragma: no cover
    from sim.experiment.results import ExperimentResult

# The monthly metrics of the trajectory figure when none are asked for.
DEFAULT_METRICS = ("turnover_rate_annual", "mean_satisfaction", "headcount", "profit")
MAX_LINES = 8
LEVEL = 0.95
CHARACTERS_PER_INCH = 14  # of the 9-point header, measured on the widest letters we print


def check_metrics(metrics, field: str = "metrics") -> tuple[str, ...]:
    """``metrics`` as a tuple of declared monthly metrics; an undeclared name is refused with
    the names that are declared."""
    names = (metrics,) if isinstance(metrics, str) else tuple(metrics)
    for name in names:
        if name not in outcomes.BY_NAME:
            raise ExperimentError(
                f"{field}: {name!r} is not a monthly metric; the metrics declared in "
                f"sim/outcomes.py are: {', '.join(outcomes.COLUMNS)}"
            )
    return names


def _declaration(name: str, headline: bool) -> outcomes.Metric | outcomes.Headline | None:
    """What ``sim.outcomes`` declares about a name: a headline figure's declaration first when
    the figure draws headline figures, a monthly metric's first when it draws months."""
    first, second = (
        (outcomes.HEADLINE_BY_NAME, outcomes.BY_NAME)
        if headline
        else (outcomes.BY_NAME, outcomes.HEADLINE_BY_NAME)
    )
    return first.get(name) or second.get(name)


def _title(name: str, headline: bool) -> str:
    item = _declaration(name, headline)
    return item.title() if item is not None else outcomes.label(name)


def _unit(name: str, headline: bool) -> str:
    item = _declaration(name, headline)
    return item.unit if item is not None else ""


def _style(ax, name: str | None = None, headline: bool = False) -> None:
    """Grid and spines; with a figure's name, its declared unit on the y axis and money in k/M."""
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if name is not None:
        ax.set_ylabel(_unit(name, headline), fontsize=8)
        if outcomes.is_money(name):
            ax.yaxis.set_major_formatter(FuncFormatter(money))


def _short(path: str) -> str:
    """``psychology.loss_aversion`` -> ``loss_aversion``; a role keeps its name."""
    parts = path.split(".")
    if len(parts) >= 4 and parts[1] in ("roles", "policies"):
        return ".".join(parts[-2:])
    return parts[-1]


def _num(value: float, name: str) -> str:
    """A figure for an annotation: money in k/M, other numbers to 3 significant digits."""
    if outcomes.is_money(name):
        return money(value)
    return f"{value:+.3g}" if value else "0"


def _fmt(value) -> str:
    return f"{value:.4g}" if isinstance(value, float | np.floating) else str(value)


def _seeds_note(result: ExperimentResult) -> str:
    ok = result.runs[result.runs["status"] == "ok"]
    per = ok.groupby("point").size()
    seeds = f"{per.min()}" if per.min() == per.max() else f"{per.min()}-{per.max()}"
    return f"{seeds} seed{'s' if per.max() > 1 else ''} per point, common random numbers; shaded/whiskers: {LEVEL:.0%} interval of the mean"


def arm_names(result: ExperimentResult) -> dict[str, str]:
    """Each arm's label in the figures: its scenario's short title when the arm is named after
    its scenario (``shengyi_reformed`` -> ``Shengyi reformed``), else the name the user gave."""
    scenarios = result.manifest.get("scenarios", {})
    out = {}
    for arm in result.arms:
        dump = scenarios.get(arm)
        spec = SimpleNamespace(**dump) if isinstance(dump, dict) and "name" in dump else None
        out[arm] = arm_label(str(arm), "en", scenario=spec) if spec else str(arm)
    return out


def _point_labels(result: ExperimentResult) -> dict[int, str]:
    """A short label per point: its arm's name (:func:`arm_names`), if there are several arms,
    and the values that vary."""
    design = result.design
    varying = [c for c in result.parameters if design[c].astype(str).nunique() > 1]
    several_arms = design["arm"].nunique() > 1
    names = arm_names(result)
    labels = {}
    for _, row in design.iterrows():
        bits = [names.get(row["arm"], str(row["arm"]))] if several_arms or not varying else []
        bits += [f"{c.rsplit('.', 1)[-1]}={format_value(row[c])}" for c in varying]
        labels[int(row["point"])] = " ".join(bits)
    return labels


def _groups(result: ExperimentResult) -> tuple[pd.Series, str, bool, dict[str, str]]:
    """A group label for each point, so that a figure has at most MAX_LINES lines; a note on
    what a line pools; whether the groups are levels of one number (a sequential palette); and,
    when each group is one arm, the arm of each group (its colour is the arm's)."""
    design = result.design.set_index("point")
    varying = [c for c in result.parameters if design[c].astype(str).nunique() > 1]
    several_arms = design["arm"].nunique() > 1
    numeric = bool(varying) and pd.api.types.is_numeric_dtype(design[varying[0]])
    names = arm_names(result)
    by_arm = {names.get(a, str(a)): str(a) for a in result.arms}
    if len(design) <= MAX_LINES:
        labels = design.apply(
            lambda row: " ".join(
                ([names.get(row["arm"], str(row["arm"]))] if several_arms or not varying else [])
                + [f"{_short(c)}={_fmt(row[c])}" for c in varying]
            ),
            axis=1,
        )
        arms = by_arm if several_arms and not varying else {}
        return labels, "", numeric and len(varying) == 1 and not several_arms, arms
    if several_arms and design["arm"].nunique() <= MAX_LINES:
        labels = design["arm"].map(lambda a: names.get(a, str(a)))
        return labels, "each line pools the points of one arm", False, by_arm
    first = varying[0]
    values = design[first]
    if values.nunique() <= MAX_LINES:
        note = "each line pools the other parameters' values" if len(varying) > 1 else ""
        return values.map(lambda v: f"{_short(first)}={_fmt(v)}"), note, numeric, {}
    bins = pd.qcut(values.astype(float), 4, duplicates="drop")
    labels = bins.map(lambda b: f"{_short(first)} in ({b.left:.3g}, {b.right:.3g}]").astype(str)
    return labels, "points binned by quartile of the first parameter", True, {}


def _colours(n: int, ordered: bool = False):
    """Distinct colours for categories; a sequential palette for levels of one number."""
    if ordered or n > 10:
        cmap = plt.get_cmap("viridis")
        return [cmap(x) for x in np.linspace(0.0, 0.85, n)] if n > 1 else [cmap(0.3)]
    cmap = plt.get_cmap("tab10")
    return [cmap(i) for i in range(n)]


# --- the figures -------------------------------------------------------------------------------


def trajectories(
    result: ExperimentResult, path: Path, metrics=None, dpi: int = DEFAULT_DPI
) -> Path | None:
    metrics = [m for m in (metrics or DEFAULT_METRICS) if m in result.monthly.columns]
    if result.monthly.empty or not metrics:
        return None
    groups, note, ordered, group_arms = _groups(result)
    monthly = result.monthly[["run_id", "point", "replicate", "month", *metrics]].copy()
    monthly = monthly.sort_values(["run_id", "month"], kind="stable")
    for m in metrics:
        if outcomes.is_flow(m):
            # month 0 is the initial state, with no flows yet: it is not a month of zero profit
            flows = monthly[m].where(monthly["month"] > 0)
            monthly[m] = flows.groupby(monthly["run_id"]).transform(
                lambda s: s.rolling(12, min_periods=1).mean()
            )
    monthly["group"] = monthly["point"].map(groups)
    # a run's value for a group is its mean over the group's points (same seed): pooled bands
    per_run = monthly.groupby(["group", "replicate", "month"], sort=False)[metrics].mean()
    order = list(dict.fromkeys(groups.loc[result.design["point"]]))
    if group_arms:  # one line per arm: the arm's own colour
        own = arm_colours(group_arms[g] for g in order)
        colours = {g: own[group_arms[g]] for g in order}
    else:
        colours = dict(zip(order, _colours(len(order), ordered), strict=True))
    cols = 2 if len(metrics) > 1 else 1
    rows = int(np.ceil(len(metrics) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(6.2 * cols, 3.6 * rows), squeeze=False, dpi=dpi)
    for ax, m in zip(axes.flat, metrics, strict=False):
        for g in order:
            block = per_run.loc[g][m].groupby(level="month").agg(["mean", "std", "count"])
            half = t_quantile(LEVEL, block["count"].to_numpy() - 1) * block["std"]
            half = half / np.sqrt(block["count"])
            ax.plot(block.index, block["mean"], color=colours[g], lw=1.6, label=g)
            ax.fill_between(
                block.index,
                block["mean"] - half,
                block["mean"] + half,
                color=colours[g],
                alpha=0.2,
                lw=0,
            )
        title = _title(m, headline=False)
        title += " — trailing 12-month mean" if outcomes.is_flow(m) else ""
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        ax.set_xlabel(outcomes.label("month"))
        _style(ax, m)
    for ax in list(axes.flat)[len(metrics) :]:
        ax.set_visible(False)
    handles, labels_ = axes.flat[0].get_legend_handles_labels()
    fig.legend(
        handles, labels_, loc="lower center", ncol=min(4, len(order)), fontsize=8, frameon=False
    )
    _finish(
        fig,
        f"{_experiment_title(result)}\n{_seeds_note(result)}" + (f"; {note}" if note else ""),
        bottom_in=0.15 + 0.2 * int(np.ceil(len(order) / 4)),
    )
    return _save(fig, path)


def _experiment_title(result: ExperimentResult) -> str:
    arms = ", ".join(arm_names(result).values())
    months = {v.get("months") for v in result.manifest.get("arms", {}).values()}
    span = f", {months.pop()} months" if len(months) == 1 else ""
    return f"{result.kind} of {arms}{span}"


def response(
    result: ExperimentResult, path: Path, outputs=None, dpi: int = DEFAULT_DPI
) -> Path | None:
    """Each output against the first swept parameter, one line per value of the second (or arm)."""
    varying = [c for c in result.parameters if result.design[c].astype(str).nunique() > 1]
    if not varying:
        return None
    outputs = list(outputs or result.outputs)
    summary = result.summary(outputs)
    x = varying[0]
    categories: list = []
    if not pd.api.types.is_numeric_dtype(result.design[x]):
        # a choice (appraisal frequency, a rule): evenly spaced, in the order of the design
        categories = list(dict.fromkeys(result.design[x]))
        summary[x] = summary[x].map({c: i for i, c in enumerate(categories)}).astype(float)
    sampled = result.design[x].nunique() > 12 and not categories
    hue_cols = [c for c in varying[1:] if result.design[c].nunique() <= MAX_LINES][:1]
    if result.design["arm"].nunique() > 1:
        hue_cols = ["arm", *hue_cols]
    cols = min(len(outputs), 2)
    rows = int(np.ceil(len(outputs) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(6.2 * cols, 3.8 * rows), squeeze=False, dpi=dpi)
    names = arm_names(result)
    for ax, output in zip(axes.flat, outputs, strict=False):
        block = summary[summary["output"] == output]
        if sampled:  # a sampled design: one dot per point, whiskers for its replicates' interval
            ax.errorbar(
                block[x],
                block["mean"],
                yerr=[block["mean"] - block["ci_low"], block["ci_high"] - block["mean"]],
                fmt="o",
                ms=3,
                lw=0.8,
                alpha=0.7,
                color="#1f77b4",
            )
        else:
            keys = block[hue_cols].astype(str).agg(" ".join, axis=1) if hue_cols else None
            levels = list(dict.fromkeys(keys)) if keys is not None else [None]
            ordered = hue_cols[-1:] != ["arm"] and bool(hue_cols)
            ordered = ordered and pd.api.types.is_numeric_dtype(result.design[hue_cols[-1]])
            colours = _colours(len(levels), ordered and len(hue_cols) == 1)
            if hue_cols == ["arm"]:  # one line per arm: the arm's own colour
                own = arm_colours(str(level) for level in levels)
                colours = [own[str(level)] for level in levels]
            # nudge the lines apart so that equal ones stay visible
            span = float(block[x].max() - block[x].min()) or 1.0
            for i, (level_, colour) in enumerate(zip(levels, colours, strict=True)):
                dodge = 0.012 * span * (i - (len(levels) - 1) / 2)
                part = block if level_ is None else block[keys == level_]
                # pool the remaining parameters: mean of point means at each x (same seeds)
                line = part.groupby(x)[["mean", "ci_low", "ci_high"]].mean().sort_index()
                name = None
                if level_ is not None:
                    name = " ".join(
                        f"{_short(c)}={_fmt(v)}" if c != "arm" else names.get(v, str(v))
                        for c, v in zip(hue_cols, part.iloc[0][hue_cols], strict=True)
                    )
                ax.errorbar(
                    line.index.to_numpy(dtype=float) + dodge,
                    line["mean"],
                    yerr=[line["mean"] - line["ci_low"], line["ci_high"] - line["mean"]],
                    fmt="-o",
                    ms=4,
                    capsize=3,
                    color=colour,
                    label=name,
                )
        ax.set_xlabel(x)
        if categories:
            ax.set_xticks(range(len(categories)), [str(c) for c in categories])
        ax.set_title(_title(output, headline=True), loc="left", fontsize=10, fontweight="bold")
        _style(ax, output, headline=True)
    for ax in list(axes.flat)[len(outputs) :]:
        ax.set_visible(False)
    pooled = [c for c in varying[1:] if c not in hue_cols]
    note = f"; pooled over {', '.join(_short(c) for c in pooled)}" if pooled and not sampled else ""
    handles, names = axes.flat[0].get_legend_handles_labels()
    if handles:  # one legend, below the panels, clear of the data
        fig.legend(
            handles, names, loc="lower center", ncol=min(4, len(handles)), fontsize=8, frameon=False
        )
    _finish(
        fig,
        f"{_experiment_title(result)}: headline figures against {_short(x)}\n{_seeds_note(result)}{note}",
        bottom_in=(0.15 + 0.2 * int(np.ceil(len(handles) / 4))) if handles else 0.0,
    )
    return _save(fig, path)


def differences(
    result: ExperimentResult, path: Path, outputs=None, limit: int = 30, dpi: int = DEFAULT_DPI
) -> Path | None:
    """Forest plot: each point's paired difference from the reference, with its interval."""
    if len(result.design) < 2:
        return None
    outputs = list(outputs or result.outputs)
    diffs = result.differences(outputs)
    if diffs.empty:
        return None
    labels_ = _point_labels(result)
    points = list(dict.fromkeys(diffs["point"]))[:limit]
    height = max(2.2, 1.2 + 0.32 * len(points))
    cols = min(len(outputs), 2)
    rows = int(np.ceil(len(outputs) / cols))
    fig, axes = plt.subplots(
        rows, cols, figsize=(6.2 * cols, height * rows), squeeze=False, dpi=dpi
    )
    y = np.arange(len(points))[::-1]
    for ax, output in zip(axes.flat, outputs, strict=False):
        block = diffs[diffs["output"] == output].set_index("point").reindex(points)
        excludes_zero = ((block["ci_low"] > 0) | (block["ci_high"] < 0)).to_numpy()
        for mask, colour in ((excludes_zero, "#c0392b"), (~excludes_zero, "#7f7f7f")):
            part = block[mask]
            ax.errorbar(
                part["mean_difference"],
                y[mask],
                xerr=[
                    part["mean_difference"] - part["ci_low"],
                    part["ci_high"] - part["mean_difference"],
                ],
                fmt="o",
                ms=4,
                color=colour,
                capsize=3,
            )
        ax.axvline(0, color="black", lw=0.8)
        ax.set_yticks(y, [labels_[p] for p in points], fontsize=8)
        ax.set_ylim(-0.7, len(points) - 0.3)
        if len(points) <= 6:  # few rows: write the numbers too
            for yy, (_, row) in zip(y, block.iterrows(), strict=True):
                ax.annotate(
                    f"{_num(row['mean_difference'], output)} "
                    f"[{_num(row['ci_low'], output)}, {_num(row['ci_high'], output)}]",
                    (row["mean_difference"], yy),
                    xytext=(0, 7),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7,
                )
        ax.set_title(
            f"Δ {_title(output, headline=True)}", loc="left", fontsize=10, fontweight="bold"
        )
        ax.set_xlabel(_unit(output, headline=True), fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(5))
        if outcomes.is_money(output):
            ax.xaxis.set_major_formatter(FuncFormatter(money))
        ax.grid(alpha=0.3, axis="x")
        ax.spines[["top", "right"]].set_visible(False)
    for ax in list(axes.flat)[len(outputs) :]:
        ax.set_visible(False)
    more = (
        f" (first {limit} of {diffs['point'].nunique()} points)"
        if diffs["point"].nunique() > limit
        else ""
    )
    _finish(
        fig,
        f"{_experiment_title(result)}: paired difference from {labels_[result.reference]}{more}\n"
        f"{_seeds_note(result)}; red: the interval excludes 0",
    )
    return _save(fig, path)


def morris(
    indices: pd.DataFrame, path: Path, title: str = "", dpi: int = DEFAULT_DPI
) -> Path | None:
    """mu* (overall influence) against sigma (non-linearity and interactions), per output."""
    if indices is None or "mu_star" not in indices:
        return None
    outputs = list(dict.fromkeys(indices["output"]))
    cols = min(len(outputs), 2)
    rows = int(np.ceil(len(outputs) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(6.2 * cols, 4.6 * rows), squeeze=False, dpi=dpi)
    # one scale for every panel: log as soon as one output's effects span orders of magnitude
    any_log = any(
        _spans_magnitudes(indices.loc[indices["output"] == o, "mu_star"]) for o in outputs
    )
    for ax, output in zip(axes.flat, outputs, strict=False):
        _morris_panel(ax, indices[indices["output"] == output], output, any_log)
    for ax in list(axes.flat)[len(outputs) :]:
        ax.set_visible(False)
    _finish(
        fig,
        title + "Morris screening: far right = influential; high σ/μ* = non-linear or interacting"
        "; whiskers: 95% bootstrap interval of μ*"
        + (
            "\nlog axes where the effects span orders of magnitude; hollow: no effect"
            if any_log
            else ""
        ),
    )
    return _save(fig, path)


def _spans_magnitudes(values: pd.Series) -> bool:
    positive = values[values > 0]
    return len(positive) >= 2 and positive.max() / positive.min() > 10


def _morris_panel(ax, block: pd.DataFrame, output: str, log: bool) -> None:
    """One output's mu*-sigma scatter, on log axes when asked (when effects span orders of
    magnitude, one dominant parameter would squash the rest into a corner)."""
    mu, sigma, conf = (block[c].to_numpy(dtype=float) for c in ("mu_star", "sigma", "mu_star_conf"))
    positive = mu[mu > 0]
    log = log and positive.size >= 1
    null = mu <= 0
    if log:
        floor = positive.min() / 4
        mu_shown = np.maximum(mu, floor)
        sigma_shown = np.maximum(sigma, floor)
        top = max(float(np.max(mu + conf)), float(sigma.max())) * 2
        low = floor / 2
        ax.set_xscale("log")
        ax.set_yscale("log")
    else:
        mu_shown, sigma_shown = mu, sigma
        top = max(float(np.max(mu + conf)), float(sigma.max()), 1e-12) * 1.1
        low = 0.0
    grid = np.geomspace(max(low, top * 1e-9), top, 50) if log else np.linspace(0, top, 2)
    for ratio, style in ((1.0, "--"), (0.5, "-."), (0.1, ":")):
        ax.plot(grid, ratio * grid, style, color="grey", lw=0.8)
        ax.annotate(
            f"σ/μ* = {ratio:g}",
            (top, ratio * top),
            fontsize=7,
            color="grey",
            ha="right",
            va="bottom",
        )
    lower = np.minimum(conf, mu_shown - (low if log else 0) * 1.0001)
    ax.errorbar(
        mu_shown[~null],
        sigma_shown[~null],
        xerr=[lower[~null], conf[~null]],
        fmt="o",
        color="#1f77b4",
        ecolor="#9ecae1",
        capsize=2,
    )
    if null.any():
        ax.scatter(mu_shown[null], sigma_shown[null], facecolors="none", edgecolors="#1f77b4")

    # labels, nudged up when another label already sits close by (in axis fractions)
    def frac(v):
        if log:
            return (np.log10(v) - np.log10(low)) / (np.log10(top) - np.log10(low))
        return v / top

    # labels go below and right of their points, where the plot is empty when sigma ~ mu*; a
    # label that would sit on another moves further down, joined to its point by a thin line;
    # one that would fall below the x axis (onto its tick labels) goes above its point instead
    placed: list[tuple[float, float]] = []

    def taken(x: float, text_y: float) -> bool:
        return any(abs(px - x) < 0.35 and abs(py - text_y) < 0.04 for px, py in placed)

    for i in np.argsort(-sigma_shown, kind="stable"):
        x, y = frac(mu_shown[i]), frac(sigma_shown[i])
        text_y = y - 0.03
        while taken(x, text_y):
            text_y -= 0.04
        if text_y < 0.02:
            text_y = max(y, 0.0) + 0.03
            while taken(x, text_y):
                text_y += 0.04
        placed.append((x, text_y))
        name = _short(block["parameter"].iloc[i]) + (" (no effect)" if null[i] else "")
        ax.annotate(
            name,
            (mu_shown[i], sigma_shown[i]),
            xytext=(x + 0.02, text_y),
            textcoords="axes fraction",
            fontsize=7,
            va="center",
            arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "grey", "shrinkB": 3},
        )
    ax.set_xlim(low, top)
    ax.set_ylim(low, top)
    ax.set_xlabel("μ* (mean |elementary effect|)")
    ax.set_ylabel("σ (spread of effects)")
    ax.set_title(_title(output, headline=True), loc="left", fontsize=10, fontweight="bold")
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if outcomes.is_money(output):
        ax.xaxis.set_major_formatter(FuncFormatter(money))
        ax.yaxis.set_major_formatter(FuncFormatter(money))


def sobol(
    indices: pd.DataFrame, path: Path, title: str = "", dpi: int = DEFAULT_DPI
) -> Path | None:
    """First-order (S1) and total (ST) Sobol indices with their intervals, per output."""
    if indices is None or "ST" not in indices:
        return None
    outputs = list(dict.fromkeys(indices["output"]))
    names = list(dict.fromkeys(indices["parameter"]))
    cols = min(len(outputs), 2)
    rows = int(np.ceil(len(outputs) / cols))
    height = 1.6 + 0.5 * len(names)
    fig, axes = plt.subplots(
        rows, cols, figsize=(6.2 * cols, height * rows), squeeze=False, dpi=dpi
    )
    y = np.arange(len(names))[::-1]
    for ax, output in zip(axes.flat, outputs, strict=False):
        block = indices[indices["output"] == output].set_index("parameter").reindex(names)
        ax.barh(
            y + 0.2,
            block["S1"],
            0.38,
            xerr=block["S1_conf"],
            label="S1 first order",
            color="#1f77b4",
            capsize=2,
        )
        ax.barh(
            y - 0.2,
            block["ST"],
            0.38,
            xerr=block["ST_conf"],
            label="ST total",
            color="#ff7f0e",
            capsize=2,
        )
        ax.axvline(0, color="black", lw=0.8)
        ax.set_yticks(y, [_short(n) for n in names], fontsize=8)
        ends = np.concatenate(
            [block["S1"] - block["S1_conf"], block["S1"] + block["S1_conf"]]
            + [block["ST"] - block["ST_conf"], block["ST"] + block["ST_conf"]]
        )
        ax.set_xlim(
            min(-0.05, float(np.nanmin(ends)) - 0.02), max(1.0, float(np.nanmax(ends)) + 0.02)
        )
        ax.set_title(_title(output, headline=True), loc="left", fontsize=10, fontweight="bold")
        ax.grid(alpha=0.3, axis="x")
        ax.spines[["top", "right"]].set_visible(False)
    for ax in list(axes.flat)[len(outputs) :]:
        ax.set_visible(False)
    handles, names = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=2, fontsize=8, frameon=False)
    _finish(
        fig,
        title + "Sobol indices: share of the output's variance due to each parameter alone (S1) "
        "and with its interactions (ST)\nwhiskers: 95% bootstrap interval",
        bottom_in=0.35,
    )
    return _save(fig, path)


def _finish(fig, header: str, bottom_in: float = 0.0) -> None:
    """Put the header at the top, wrapped to the figure's width, and lay the panels out below it
    (tight_layout leaves room for the header) above ``bottom_in`` inches kept for a legend."""
    width = int(fig.get_figwidth() * CHARACTERS_PER_INCH)
    header = "\n".join(textwrap.fill(line, width) for line in header.split("\n"))
    fig.suptitle(header, fontsize=9, x=0.01, y=1 - 0.08 / fig.get_figheight(), ha="left", va="top")
    fig.tight_layout(rect=(0, bottom_in / fig.get_figheight(), 1, 1))


def _save(fig, path: Path) -> Path:
    """Write ``fig`` in the format its file name ends with, at the resolution it was made with."""
    path.parent.mkdir(parents=True, exist_ok=True)
    FigureSettings(format=path.suffix.lstrip(".").lower(), dpi=int(round(fig.dpi))).save(fig, path)
    plt.close(fig)
    return path


def plot_experiment(
    result: ExperimentResult,
    folder: str | os.PathLike | None = None,
    metrics=None,
    figure: FigureSettings | None = None,
) -> list[Path]:
    """The figures that fit the experiment, as files in ``folder`` (default: the experiment
    folder's ``figures/``, or ``./figures`` for an experiment kept in memory) in the format and
    at the resolution of ``figure`` (default PNG); returns their paths. ``metrics``: the monthly
    metrics of the trajectory figure (declared in ``sim.outcomes``; default
    :data:`DEFAULT_METRICS`)."""
    if metrics is not None:
        metrics = check_metrics(metrics, "metrics")
    figure = figure or FigureSettings()
    folder = Path(folder) if folder is not None else (result.path or Path(".")) / "figures"
    made: list[Path | None] = []
    dpi = figure.dpi
    if result.kind == "sensitivity":
        prefix = f"{_experiment_title(result)}, {_seeds_note(result).split(';')[0]}\n"
        made.append(morris(result.indices, folder / figure.name("morris"), prefix, dpi=dpi))
        made.append(sobol(result.indices, folder / figure.name("sobol"), prefix, dpi=dpi))
    else:
        made.append(trajectories(result, folder / figure.name("trajectories"), metrics, dpi=dpi))
        if result.kind == "sweep":
            made.append(response(result, folder / figure.name("response"), dpi=dpi))
        made.append(differences(result, folder / figure.name("differences"), dpi=dpi))
    return [p for p in made if p is not None]
