"""The page's charts to explore: Plotly figures that the browser draws, with hover values, zoom to a
span of months and series switched on and off from their key.

:func:`live_figures` gives one figure per live panel of ``sim.viz.app.panels.PANELS`` and
:func:`difference_figures` one per ``DIFFERENCES`` (B − A), each as a plain Plotly figure dict
(``{"data": [...], "layout": {...}}``) built from the monthly metrics of :class:`Runs`. Nothing here
imports Solara or draws: ``sim.viz.app.views`` shows the dicts with Plotly's widget, whose
JavaScript (plotly.js) comes inside the ``plotly`` package, so the page stays offline. The
matplotlib figures of ``sim.viz.app.charts`` remain what the exports save.

Every word comes from ``sim.viz.i18n`` and ``sim.outcomes`` in the page's language; the arms keep
the colours of ``sim.viz.style``; money is in the scenario's currency; the share intending to leave
has its own 0–100% axis. A month without a value (a mean over nobody) is a gap, never "NaN".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from sim import outcomes
from sim.agents.psychology import NEEDS
from sim.units import currency_name
from sim.viz import i18n
from sim.viz.app.panels import DIFFERENCES, PANELS, Difference, PanelSpec, Series, exits
from sim.viz.report import money
from sim.viz.style import arm_colours

# the page's own font first; then CJK fonts a classroom machine is likely to have, glyph by glyph;
# last the CJK font shipped with the Python dependencies, which the page serves (page.CSS's
# @font-face): the browser downloads it only for glyphs that none of the others has
FONT_FAMILY = (
    "Roboto, 'DejaVu Sans', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', "
    "'Microsoft YaHei', 'PingFang SC', 'orgsim CJK', sans-serif"
)
HEIGHT = 300  # px, a panel with a one-row key: two rows of four fill a 768-pixel-high projector
PLOT_PX = 180  # px, the plot area of a panel, whatever its key takes above it
HIRES_COLOUR, EXITS_COLOUR = "#2ca02c", "#d62728"  # as the matplotlib panel's flows
GRID = "#e6e6e6"
AXIS = "#444444"
INTENT = "intent_to_quit_share"  # drawn on its own 0–100% axis, on the right
DASHES = {"-": "solid", "--": "dash", ":": "dot", "-.": "dashdot"}
# about how many pixels a character of the 11-px key takes, and a key's line and gap
LATIN_PX, CJK_PX, KEY_PX = 6.2, 11.5, 44
PANEL_PX = 220  # the width of a panel on a 1366-pixel screen with the sidebar open (4 columns)


@dataclass(frozen=True)
class Runs:
    """What the charts show: each arm's monthly metrics, its label (``A: Shengyi``) and colour, in
    the page's language and the scenario's currency, on a time axis of ``x_max`` months.
    ``closed`` holds, per arm, the month its firm closed (None while it trades)."""

    metrics: tuple[pd.DataFrame, ...]
    labels: tuple[str, ...]
    colours: tuple[str, ...]
    lang: str
    currency: str | None
    x_max: int
    closed: tuple[int | None, ...] = ()

    @property
    def compare(self) -> bool:
        return len(self.metrics) > 1

    def closure(self, k: int) -> int | None:
        return self.closed[k] if k < len(self.closed) else None


def colours_of(names: list[str]) -> tuple[str, ...]:
    """The arms' colours from ``sim.viz.style``: Shengyi red, its reformed twin blue. A case
    compared with itself gives B the next free colour, so the two lines never share one."""
    keys = [name if name not in names[:k] else f"{name}+{'AB'[k]}" for k, name in enumerate(names)]
    chosen = arm_colours(keys)
    return tuple(chosen[key] for key in keys)


# --- formatting ----------------------------------------------------------------------------------


def money_text(value: float, lang: str, currency: str | None) -> str:
    """``265k yuan``, ``$75k``, ``26.5万元``: an amount as the page's ticks write it, with its
    currency."""
    amount = money(value, lang=lang)
    name = currency_name(currency, lang)
    if lang == "zh":
        return f"{amount}{name}"
    if len(name) == 1:  # a symbol: $, €, £
        return f"−{name}{amount[1:]}" if amount.startswith("-") else f"{name}{amount}"
    return f"{amount} {name}"


def _value_text(value: float, scale: str, runs: Runs, signed: bool = False) -> str | None:
    """A value as the hover shows it: 42%, 37, 0.81, 265k yuan (``signed``: +3, −5%)."""
    if value is None or not math.isfinite(value):
        return None
    if scale in ("share", "rate"):
        text = f"{100 * value:.0f}%"
    elif scale == "money":
        text = money_text(value, runs.lang, runs.currency)
    elif scale == "index":
        text = f"{value:.2f}"
    else:
        text = f"{value:.0f}"
    if text.startswith("-"):
        text = "−" + text[1:]
    return f"+{text}" if signed and value > 0 and not text.startswith("−") else text


def _points(values: np.ndarray) -> list[float | None]:
    """A series for the browser: a missing value (NaN, a mean over nobody) becomes a gap."""
    return [float(v) if math.isfinite(v) else None for v in np.asarray(values, dtype=float)]


def _legend_rows(names: list[str], width: float = PANEL_PX - 60) -> int:
    """How many rows the key above a panel takes: plotly lays a horizontal key that does not fit
    out in columns as wide as its widest entry, within the plot's width."""
    if not names:
        return 0
    widest = max(KEY_PX + sum(CJK_PX if i18n.has_cjk(ch) else LATIN_PX for ch in n) for n in names)
    per_row = max(1, int(width // widest))
    return -(-len(names) // per_row) if widest * len(names) > width else 1


def _top_margin(names: list[str]) -> int:
    """Room above the plot for the title and the key under it (a key's row is 20 px)."""
    return 36 + 20 * _legend_rows(names)


def _fit_key(layout: dict, names: list[str]) -> None:
    """Make room above the plot for the key, keeping the plot itself PLOT_PX high."""
    layout["margin"]["t"] = _top_margin(names)
    layout["height"] = PLOT_PX + layout["margin"]["t"] + layout["margin"]["b"]


def _money_ticks(lo: float, hi: float, runs: Runs) -> dict:
    """Ticks for money in the page's style (250k, 25万): plotly's own formats know no 万."""
    lo, hi = min(lo, 0.0), max(hi, 0.0, 1000.0)
    ticks = MaxNLocator(5).tick_values(lo, hi)
    values = [float(v) for v in ticks if ticks[0] <= v <= ticks[-1]]
    return {
        "range": [values[0], values[-1]],
        "tickvals": values,
        "ticktext": [money(v, lang=runs.lang) for v in values],
    }


def _finite(values: list[np.ndarray]) -> np.ndarray:
    stacked = np.concatenate([np.asarray(v, dtype=float) for v in values] or [np.zeros(0)])
    return stacked[np.isfinite(stacked)]


# what the months' axis and the values' axes share
AXIS_STYLE = {
    "gridcolor": GRID,
    "zeroline": False,
    "showline": True,
    "linecolor": AXIS,
    "ticks": "outside",
    "tickfont": {"size": 11},
}


def _y_axis(scale: str, values: list[np.ndarray], runs: Runs) -> dict:
    axis = {"fixedrange": True, **AXIS_STYLE}  # a drag zooms the months, never the values
    seen = _finite(values)
    top = float(seen.max()) if seen.size else 0.0
    bottom = float(seen.min()) if seen.size else 0.0
    if scale == "share":
        axis.update(range=[0, 1], tickformat=".0%", dtick=0.2)
    elif scale == "rate":
        axis.update(range=[0, max(0.5, 1.15 * top)], tickformat=".0%")
    elif scale in ("count", "index"):
        floor = {"count": 10.0, "index": 1.2}[scale]
        axis.update(range=[0, max(floor, 1.15 * top)])
    else:  # money or a signed difference
        axis.update(zeroline=True, zerolinecolor="#999999")
        if scale == "money":
            axis.update(_money_ticks(bottom * 1.1, top * 1.1, runs))
    return axis


def _layout(title: str, runs: Runs, names: list[str], revision: str) -> dict:
    return {
        "title": {
            "text": f"<b>{title}</b>",
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": 0.985,
            "yanchor": "top",
            "font": {"size": 14},
        },
        "font": {"family": FONT_FAMILY, "size": 12, "color": "#222222"},
        "height": HEIGHT,
        "margin": {"l": 46, "r": 14, "t": _top_margin(names), "b": 42},
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "font": {"size": 11},
            "itemclick": "toggle",
            "itemdoubleclick": "toggleothers",
        },
        "showlegend": True,
        "hovermode": "x unified",
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 12}},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "dragmode": "zoom",
        # the zoom and the series switched off survive each month's new data; a new language or
        # a new case starts afresh
        "uirevision": revision,
    }


def _x_axis(runs: Runs) -> dict:
    """Months from 0 to the page's time extent; the hover names the month in the page's language."""
    return {
        "title": {"text": outcomes.label("month", runs.lang), "standoff": 4, "font": {"size": 12}},
        "range": [0, runs.x_max],
        "tickformat": "d",
        **AXIS_STYLE,
        "unifiedhovertitle": {"text": i18n.chart("month_n", runs.lang).format(month="%{x}")},
    }


def _months(m: pd.DataFrame) -> list[int]:
    return [int(v) for v in m["month"].to_numpy()]


def _trace_name(label: str, k: int, runs: Runs) -> str:
    return (
        i18n.chart("arm_series", runs.lang).format(series=label, arm="AB"[k])
        if runs.compare
        else label
    )


def _hover(texts: list[str | None]) -> dict:
    """The hover line of a trace: its name and the value as the page writes it (a gap, no line)."""
    return {"text": texts, "hovertemplate": "%{fullData.name}: %{text}<extra></extra>"}


def _line(series: Series, k: int, runs: Runs, scale: str, axis: str = "y") -> dict:
    values = series.values(runs.metrics[k])
    solid = series.style == "-"
    return {
        "type": "scatter",
        "mode": "lines",
        "name": _trace_name(series.label(runs.lang), k, runs),
        "x": _months(runs.metrics[k]),
        "y": _points(values),
        "yaxis": axis,
        "line": {
            "color": runs.colours[k] if runs.compare else series.colour,
            "dash": DASHES.get(series.style, "solid"),
            "width": 2.4 if solid else 2.0,
        },
        "connectgaps": False,
        **_hover([_value_text(v, scale, runs) for v in values]),
    }


def _flow_limit(largest: float) -> int:
    """People per month on the flows' axis (as the matplotlib panel's): a round number above the
    largest month's hires or exits."""
    return int(MaxNLocator(3, integer=True).tick_values(0, max(largest, 2) * 1.25)[-1])


def _flows(runs: Runs) -> tuple[list[dict], dict]:
    """Hires up and exits down on a second axis, kept below the headcount line; in compare mode
    each arm's exits in its colour."""
    traces, largest = [], 0.0
    for k, m in enumerate(runs.metrics):
        wanted = (
            [("exits", EXITS_COLOUR)]
            if runs.compare
            else [
                ("hires", HIRES_COLOUR),
                ("exits", EXITS_COLOUR),
            ]
        )
        for what, colour in wanted:
            people = m["hires"].to_numpy(dtype=float) if what == "hires" else exits(m).astype(float)
            largest = max(largest, float(np.nan_to_num(people).max(initial=0)))
            traces.append(
                {
                    "type": "bar",
                    "name": _trace_name(i18n.chart(what, runs.lang), k, runs),
                    "x": _months(m),
                    "y": _points(people if what == "hires" else 0.0 - people),
                    "yaxis": "y2",
                    "marker": {"color": runs.colours[k] if runs.compare else colour},
                    "opacity": 0.5,
                    "textposition": "none",  # the text is for the hover, not printed on the bar
                    **_hover([_value_text(v, "count", runs) for v in people]),
                }
            )
    limit = _flow_limit(largest)
    axis = {
        "overlaying": "y",
        "side": "right",
        "range": [-limit, 3 * limit],
        "tickvals": [-limit, 0, limit],
        "ticktext": [f"−{limit}", "0", f"+{limit}"],
        "tickfont": {"size": 10, "color": "#777777"},
        "showgrid": False,
        "zeroline": False,
        "fixedrange": True,
    }
    return traces, axis


def _intent_axis(runs: Runs) -> dict:
    """The share intending to leave on its own axis, 0–100%, beside a turnover that can pass 100%
    a year."""
    return {
        "overlaying": "y",
        "side": "right",
        "range": [0, 1],
        "tickformat": ".0%",
        "dtick": 0.25,
        "title": {
            "text": i18n.chart("intent_axis", runs.lang),
            "font": {"size": 11},
            "standoff": 2,
        },
        "tickfont": {"size": 10, "color": "#555555"},
        "showgrid": False,
        "zeroline": False,
        "fixedrange": True,
    }


def _closures(runs: Runs) -> tuple[list[dict], list[dict]]:
    """A dotted line at the month a firm closed, with the words, so that its lines' end is told."""
    shapes, notes = [], []
    for k in range(len(runs.metrics)):
        month = runs.closure(k)
        if month is None:
            continue
        colour = runs.colours[k] if runs.compare else "#555555"
        words = i18n.chart("firm_closed", runs.lang)
        if runs.compare:
            words = f"{'AB'[k]}: {words}"
        shapes.append(
            {
                "type": "line",
                "x0": month,
                "x1": month,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": colour, "dash": "dot", "width": 1.5},
            }
        )
        notes.append(
            {
                "x": month,
                "y": 1 - 0.09 * len(notes),
                "yref": "paper",
                "xanchor": "right",
                "yanchor": "top",
                "text": words,
                "showarrow": False,
                "font": {"size": 10, "color": colour},
            }
        )
    return shapes, notes


def _needs_bars(spec: PanelSpec, runs: Runs) -> dict:
    """Compare mode: this month's level of each need, A beside B (as the matplotlib panel)."""
    names = [i18n.need_short(n, runs.lang) for n in NEEDS]
    traces = []
    for k, m in enumerate(runs.metrics):
        levels = [float(m[f"need_{n}"].iloc[-1]) for n in NEEDS]
        traces.append(
            {
                "type": "bar",
                "name": runs.labels[k],
                "x": names,
                "y": _points(np.asarray(levels)),
                "marker": {"color": runs.colours[k]},
                "textposition": "none",
                **_hover([_value_text(v, "share", runs) for v in levels]),
            }
        )
    layout = _layout(
        i18n.chart(spec.title, runs.lang), runs, [t["name"] for t in traces], spec.title
    )
    layout.update(
        barmode="group",
        xaxis={"type": "category", "showline": True, "linecolor": AXIS, "tickfont": {"size": 11}},
        yaxis=_y_axis("share", [], runs),
    )
    _fit_key(layout, [t["name"] for t in traces])
    return {"data": traces, "layout": layout}


def _title(spec: PanelSpec, runs: Runs) -> str:
    title = i18n.chart(spec.title, runs.lang)
    if spec.scale == "money":
        return i18n.chart("in_currency", runs.lang).format(
            title=title, currency=currency_name(runs.currency, runs.lang)
        )
    return title


def _revision(runs: Runs, key: str) -> str:
    return "|".join((key, runs.lang, *runs.labels))


def panel_figure(spec: PanelSpec, runs: Runs) -> dict:
    """One live panel as a Plotly figure: a line per series (per arm in compare mode, in the arm's
    colour, the series told apart by the dash), the flows under the headcount, the share intending
    to leave on its own 0–100% axis."""
    if spec.title == "needs_title" and runs.compare:
        return _needs_bars(spec, runs)
    traces, left = [], []
    for k in range(len(runs.metrics)):
        for series in spec.series:
            own_axis = series.column == INTENT and spec.scale != "share"
            scale = "share" if own_axis else spec.scale
            traces.append(_line(series, k, runs, scale, "y2" if own_axis else "y"))
            if not own_axis:
                left.append(series.values(runs.metrics[k]))
    layout = _layout(_title(spec, runs), runs, [], _revision(runs, spec.title))
    layout.update(xaxis=_x_axis(runs), yaxis=_y_axis(spec.scale, left, runs))
    if spec.flows:
        flows, axis = _flows(runs)
        traces += flows
        layout.update(yaxis2=axis, barmode="relative" if not runs.compare else "group", bargap=0.15)
        layout["margin"]["r"] = 34
    if any(t["yaxis"] == "y2" and t["type"] == "scatter" for t in traces):
        layout.update(yaxis2=_intent_axis(runs))
        layout["margin"]["r"] = 58
    _fit_key(layout, [t["name"] for t in traces])
    layout["shapes"], layout["annotations"] = _closures(runs)
    return {"data": traces, "layout": layout}


def live_figures(runs: Runs) -> list[dict]:
    """The eight live panels, in the order of ``PANELS``."""
    return [panel_figure(spec, runs) for spec in PANELS]


def _fill(colour: str, alpha: float = 0.25) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def difference_figure(difference: Difference, runs: Runs) -> dict:
    """B − A month by month in B's colour (the same people and luck in both arms, so the gap is
    the policies'), shaded down to zero."""
    a, b = runs.metrics[0], runs.metrics[1]
    n = min(len(a), len(b))
    gap = difference.series.values(b)[:n] - difference.series.values(a)[:n]
    scale = {"share": "share", "money": "money", "index": "index"}.get(difference.scale, "count")
    colour = runs.colours[1]
    label = difference.series.label(runs.lang)
    trace = {
        "type": "scatter",
        "mode": "lines",
        "name": label,
        "x": _months(a)[:n],
        "y": _points(gap),
        "line": {"color": colour, "width": 2},
        "fill": "tozeroy",
        "fillcolor": _fill(colour),
        "showlegend": False,
        **_hover([_value_text(v, scale, runs, signed=True) for v in gap]),
    }
    seen = _finite([gap])
    low = min(float(seen.min()) if seen.size else 0.0, -difference.minimum) * 1.1
    high = max(float(seen.max()) if seen.size else 0.0, difference.minimum) * 1.1
    axis = _y_axis("signed", [], runs)
    if scale == "money":
        axis.update(_money_ticks(low, high, runs))
        axis["range"] = [low, high]
    else:
        axis["range"] = [low, high]
        if scale == "share":
            axis["tickformat"] = "+.0%"
    title = label[:1].upper() + label[1:]
    if scale == "money":
        title = i18n.chart("in_currency", runs.lang).format(
            title=title, currency=currency_name(runs.currency, runs.lang)
        )
    layout = _layout(title, runs, [], _revision(runs, f"difference {difference.series.column}"))
    layout.update(xaxis=_x_axis(runs), yaxis=axis, showlegend=False, height=230)
    layout["margin"]["t"] = 36
    layout["shapes"], layout["annotations"] = _closures(runs)
    return {"data": [trace], "layout": layout}


def difference_figures(runs: Runs) -> list[dict]:
    """B − A for the eight ``DIFFERENCES``; compare mode only."""
    return [difference_figure(d, runs) for d in DIFFERENCES]


def changes(old: dict, new: dict) -> dict:
    """What differs from ``old`` to ``new`` (nested dicts; anything else compared whole), so that
    the page sends the browser only what a month changed and leaves the reader's zoom alone."""
    out = {}
    for key, value in new.items():
        before = old.get(key)
        if isinstance(value, dict) and isinstance(before, dict):
            inner = changes(before, value)
            if inner:
                out[key] = inner
        elif before != value:
            out[key] = value
    return out


def toolbar_config(lang: str) -> dict:
    """The options of the charts' toolbar: zoom, pan and reset only, in the page's language."""
    config = {
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": [
            "select2d",
            "lasso2d",
            "toImage",
            "sendDataToCloud",
            "sendChartToCloud",
        ],
    }
    if lang == "zh":
        config.update(locale="zh-orgsim", locales={"zh-orgsim": {"dictionary": i18n.TOOLBAR_ZH}})
    return config
