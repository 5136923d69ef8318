"""The app's charts as a matplotlib figure, for the *Charts PNG* export (the page itself shows the
Plotly figures of ``sim.viz.app.explore``), drawn in two layers.

:class:`LiveCharts` draws the eight live panels of ``sim.viz.app.panels.PANELS`` (A and B in their
colours in compare mode, the needs then as bars). The static parts (axes, ticks, legends) are
drawn once and kept as a bitmap (``sim.viz.network_view.BlitCanvas``); the lines, bars and flows
are drawn on top, and an axis is redrawn only when the data leave it or the time axis grows.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from sim import outcomes
from sim.agents.psychology import NEEDS
from sim.viz import i18n
from sim.viz.app.panels import PANELS, PanelSpec, exits
from sim.viz.network_view import BlitCanvas, font_rc
from sim.viz.report import money


def _percent(value, _pos=None) -> str:
    return f"{100 * value:.0f}%"


class _Limits:
    """Axis limits that only move when the data leave them (so most months redraw only lines).

    ``share`` is fixed at 0..100%; ``rate``, ``count`` and ``index`` start at 0 and grow; ``money``
    and ``signed`` (a difference) take either sign and never shrink below ``minimum`` either way."""

    START = {"share": (0.0, 1.0), "rate": (0.0, 0.5), "count": (0.0, 10.0), "index": (0.0, 1.2)}

    def __init__(self, ax, scale: str, minimum: float = 1.0):
        self.ax, self.scale, self.minimum = ax, scale, minimum
        self.lo, self.hi = self.START.get(scale, (-minimum, minimum))
        ax.set_ylim(self.lo, self.hi)

    def fit(self, lo: float, hi: float) -> bool:
        if not (np.isfinite(lo) and np.isfinite(hi)) or self.scale == "share":
            return False
        new_lo, new_hi = self.lo, self.hi
        if self.scale in ("money", "signed"):
            floor = self.minimum
            span = self.hi - self.lo
            shrink = (hi - lo) < 0.15 * span and span > 3 * floor
            if lo < self.lo or hi > self.hi or shrink:
                # leave a third of the range as headroom on the side that moved, so that a steady
                # rise or fall redraws the axis every few months rather than every month
                reach = max(hi - lo, abs(hi), abs(lo), floor)
                want_lo = min(lo, 0.0, -floor if self.scale == "signed" else 0.0)
                want_hi = max(hi, 0.0, floor)
                want_lo -= reach / 3 if lo < self.lo else 0.0
                want_hi += reach / 3 if hi > self.hi else 0.0
                ticks = MaxNLocator(5).tick_values(want_lo, want_hi)
                new_lo, new_hi = float(ticks[0]), float(ticks[-1])
        elif hi > self.hi or hi < 0.3 * self.hi:
            base = max(hi * 1.3, self.START[self.scale][1])
            new_hi = float(MaxNLocator(5).tick_values(0, base)[-1])
        if (new_lo, new_hi) == (self.lo, self.hi):
            return False
        self.lo, self.hi = new_lo, new_hi
        self.ax.set_ylim(new_lo, new_hi)
        return True


def _style_axes(ax, scale: str, x_max: int, lang: str, bottom: bool) -> None:
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, x_max)
    ax.xaxis.set_major_locator(MaxNLocator(6, integer=True, steps=[1, 2, 3, 6, 10]))
    ax.tick_params(labelsize=9.5)
    if scale in ("share", "rate"):
        ax.yaxis.set_major_formatter(FuncFormatter(_percent))
    elif scale == "money":
        ax.yaxis.set_major_formatter(FuncFormatter(money))
        ax.axhline(0, color="#999999", lw=0.8, zorder=0)
    if bottom:
        ax.set_xlabel(outcomes.label("month", lang), fontsize=10, labelpad=1)


def _text_width(text: str) -> int:
    """Width of a label in Latin-character units (a Chinese character is about 2.6)."""
    return round(sum(2.6 if i18n.has_cjk(ch) else 1 for ch in text))


LEGEND_ROWS_PER_FIGURE_ROW = 3  # title plus up to three rows of keys above every panel


def _titled_legend(ax, title: str, handles: list, width: int = 48) -> None:
    """The panel's title in bold with its series' key under it, both above the plot, so that
    nothing covers the lines. The legend stays out of the layout engine (which would otherwise
    give wide legends wide columns); an empty title of fixed height reserves the room instead,
    the same in every panel so that the panels line up."""
    ncols = 1
    for cols in range(len(handles), 0, -1):
        rows = -(-len(handles) // cols)
        chunks = [handles[i : i + rows] for i in range(0, len(handles), rows)]
        # each column: its longest label and about seven characters' worth of line and spacing
        if sum(max(_text_width(h.get_label()) for h in c) + 7 for c in chunks) <= width:
            ncols = cols
            break
    legend = ax.legend(
        handles=handles,
        title=title,
        loc="lower left",
        bbox_to_anchor=(-0.02, 1.0),
        alignment="left",
        ncols=max(ncols, 1),
        fontsize=9.5,
        title_fontproperties={"weight": "bold", "size": 11},
        frameon=False,
        handlelength=1.8,
        columnspacing=0.9,
        borderaxespad=0.1,
        borderpad=0.1,
        labelspacing=0.3,
    )
    legend.set_in_layout(False)
    ax.set_title("\n" * LEGEND_ROWS_PER_FIGURE_ROW + " ", fontsize=11, pad=2)


def _flow_axis(twin, largest: float) -> int:
    """Hires up and exits down on a second axis, kept in the lower half of the panel (below the
    headcount line); returns the axis' limit of people per month."""
    limit = int(MaxNLocator(3, integer=True).tick_values(0, max(largest, 2) * 1.25)[-1])
    twin.set_ylim(-limit, 3 * limit)
    twin.set_yticks([-limit, 0, limit], [f"−{limit}", "0", f"+{limit}"])
    twin.tick_params(labelsize=9, colors="#777777")
    return limit


class LiveCharts:
    """The eight live panels; in compare mode each series is drawn for A and B in their colours,
    and the needs become bars of this month's levels side by side."""

    def __init__(self, lang: str, titles: list[str], x_max: int, colours: list[str]):
        self.lang, self.compare, self.x_max = lang, len(titles) > 1, x_max
        self.colours = colours  # each arm's, from sim.viz.style.arm_colours
        rc = font_rc()
        with matplotlib.rc_context(rc):
            fig = Figure(
                figsize=(11.5, 7.0 if not self.compare else 7.4), dpi=100, layout="constrained"
            )
            self.blit = BlitCanvas(fig, rc)
            axes = fig.subplots(2, 4)
            self.panels = [
                self._panel(ax, spec, len(titles), bottom=i >= 4)
                for i, (ax, spec) in enumerate(zip(axes.flat, PANELS, strict=True))
            ]
            if self.compare:
                handles = [
                    Line2D([], [], color=self.colours[k], lw=3, label=title)
                    for k, title in enumerate(titles)
                ]
                fig.legend(
                    handles=handles, loc="outside upper center", ncols=2, fontsize=12, frameon=False
                )

    def _panel(self, ax, spec: PanelSpec, arms: int, bottom: bool) -> dict:
        lang = self.lang
        _style_axes(ax, spec.scale, self.x_max, lang, bottom)
        panel = {
            "spec": spec,
            "ax": ax,
            "limits": _Limits(ax, spec.scale, minimum=1000.0),  # money: at least ±1k shown
            "lines": [],
            "extra": [],
        }
        if spec.title == "needs_title" and self.compare:
            return self._needs_bars(ax, panel, arms)
        for k in range(arms):
            for s in spec.series:
                colour = self.colours[k] if self.compare else s.colour
                (line,) = ax.plot([], [], color=colour, ls=s.style, lw=2 if s.style == "-" else 1.6)
                panel["lines"].append((k, s, self.blit.animate(line)))
        if spec.flows:
            twin = ax.twinx()
            twin.spines[["top"]].set_visible(False)
            panel["twin"] = twin
            _flow_axis(twin, 2)
            panel["twin_limit"] = 2
            twin.set_xlim(0, self.x_max)
            for k in range(arms):
                if self.compare:
                    stairs = twin.stairs(
                        np.zeros(1),
                        np.arange(2),
                        baseline=0,
                        color=self.colours[k],
                        lw=1.2,
                        alpha=0.8,
                    )
                    panel["extra"].append((k, "exits", self.blit.animate(stairs)))
                else:
                    up = twin.stairs(
                        np.zeros(1), np.arange(2), fill=True, color="#2ca02c", alpha=0.45
                    )
                    down = twin.stairs(
                        np.zeros(1), np.arange(2), fill=True, color="#d62728", alpha=0.45
                    )
                    panel["extra"] += [
                        (k, "hires", self.blit.animate(up)),
                        (k, "exits", self.blit.animate(down)),
                    ]
        self._legend(ax, spec)
        return panel

    def _legend(self, ax, spec: PanelSpec) -> None:
        grey = "#444444"
        handles = [
            Line2D(
                [],
                [],
                color=grey if self.compare else s.colour,
                ls=s.style,
                lw=2,
                label=s.label(self.lang),
            )
            for s in spec.series
        ]
        if spec.flows and not self.compare:
            handles += [
                Patch(color="#2ca02c", alpha=0.45, label=i18n.chart("hires", self.lang)),
                Patch(color="#d62728", alpha=0.45, label=i18n.chart("exits", self.lang)),
            ]
        elif spec.flows:
            handles.append(
                Line2D(
                    [],
                    [],
                    color=grey,
                    lw=1.2,
                    drawstyle="steps-mid",
                    label=i18n.chart("exits", self.lang),
                )
            )
        if len(handles) == 1:
            handles = []
        _titled_legend(ax, i18n.chart(spec.title, self.lang), handles)

    def _needs_bars(self, ax, panel: dict, arms: int) -> dict:
        x = np.arange(len(NEEDS))
        width = 0.38
        ax.set_xlim(-0.6, len(NEEDS) - 0.4)
        ax.set_xticks(
            x,
            [i18n.need_short(k, self.lang) for k in NEEDS],
            fontsize=9,
            rotation=30,
            ha="right",
            rotation_mode="anchor",
        )
        ax.set_xlabel("")
        for k in range(arms):
            bars = ax.bar(x + (k - 0.5) * width, np.zeros(len(NEEDS)), width, color=self.colours[k])
            for patch in bars:
                self.blit.animate(patch)
            panel["extra"].append((k, "needs", list(bars)))
        _titled_legend(ax, i18n.chart("needs_title", self.lang), [])
        return panel

    def set_x_max(self, x_max: int) -> None:
        """Stretch the time axis (the whole figure is redrawn once, without a new layout)."""
        if x_max == self.x_max:
            return
        self.x_max = x_max
        for panel in self.panels:
            if not (panel["spec"].title == "needs_title" and self.compare):
                panel["ax"].set_xlim(0, x_max)
            if "twin" in panel:
                panel["twin"].set_xlim(0, x_max)
        self.blit.invalidate()

    def draw(self, metrics: list[pd.DataFrame]) -> None:
        for panel in self.panels:
            changed = False
            values = []
            for k, s, line in panel["lines"]:
                m = metrics[k]
                y = s.values(m)
                line.set_data(m["month"].to_numpy(), y)
                values.append(y)
            for k, what, artist in panel["extra"]:
                m = metrics[k]
                if what == "needs":
                    last = m.iloc[-1]
                    for patch, need in zip(artist, NEEDS, strict=True):
                        patch.set_height(float(last[f"need_{need}"]))
                    continue
                months = m["month"].to_numpy()
                edges = np.append(months, months[-1] + 1) - 0.5
                flow = (
                    m["hires"].to_numpy(dtype=float) if what == "hires" else -exits(m).astype(float)
                )
                artist.set_data(flow, edges)
                limit = float(np.abs(flow).max(initial=0))
                if limit > panel["twin_limit"]:
                    panel["twin_limit"] = _flow_axis(panel["twin"], limit)
                    changed = True
            if values:
                stacked = np.concatenate(values)
                stacked = stacked[np.isfinite(stacked)]
                if stacked.size:
                    changed |= panel["limits"].fit(float(stacked.min()), float(stacked.max()))
            if changed:
                self.blit.invalidate(
                    *[a for a in (panel["ax"], panel.get("twin")) if a is not None]
                )
        self.blit.draw()

    def png(self) -> bytes:
        return self.blit.png()
