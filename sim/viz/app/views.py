"""The main column of the page: the case's story, the live view, the organisation, the feed, export.

:func:`Live` shows the status line (the month and the last month's figures, labelled by their
declarations in ``sim.outcomes``), the live charts and, in compare mode, the differences B − A
(Plotly figures of ``sim.viz.app.explore`` shown by :func:`ExploreChart`: hover, zoom, keys that
switch a series off), the picture of the organisation (:func:`Organisation`) and what happened
(:func:`FeedCard`).
"""

from __future__ import annotations

import ipyvue
import solara
import traitlets
from plotly.graph_objs import FigureWidget

from sim import outcomes
from sim.viz import i18n
from sim.viz.app.explore import changes, toolbar_config
from sim.viz.app.page_state import frame, publish
from sim.viz.app.session import STATUS, Frame, Session, file_notes
from sim.viz.report import money


@solara.component
def Story(sess: Session, _version: int, language: str):
    with solara.Card(margin=0, classes=["story-card"]):
        for k, arm in enumerate(sess.arms):
            title = sess.titles()[k]
            story, english_only = i18n.scenario_story(arm.spec, language)
            solara.HTML(
                tag="h2",
                unsafe_innerHTML=_escape(title),
                style="margin: 0 0 6px 0; font-size: 21px",
                classes=["story-title"],
            )
            if english_only:
                solara.Text(i18n.t("story_en_only", language), classes=["param-help"])
            solara.Text(
                story or i18n.t("no_story", language), classes=["orgsim-story", "story-text"]
            )
            notes = file_notes(arm.config.case)
            if notes and k == len(sess.arms) - 1 and not sess.compare:
                with solara.Details(i18n.t("file_notes", language)):
                    solara.HTML(
                        tag="pre",
                        unsafe_innerHTML=_escape(notes),
                        style="white-space: pre-wrap; font-size: 12px",
                    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def status_line(status: dict[str, float], stop_month: int, language: str) -> str:
    """``Month 12 / 24 · Headcount 8 · Share intending to leave 12% · Cash -278k · Clients 49``:
    each figure with its declared label, as a percentage or an amount of money if it is one."""
    parts = []
    for column in STATUS:
        metric = outcomes.BY_NAME[column]
        value = status[column]
        if metric.percent:
            shown = f"{100 * value:.0f}%"
        elif metric.money:
            shown = money(value)
        else:
            shown = str(int(value))
        label = metric.title(language)
        label = label[:1].upper() + label[1:]
        part = f"{label} <b class='status-{column}'>{shown}</b>"
        parts.append(part + (f" / {stop_month}" if column == "month" else ""))
    return " &nbsp;·&nbsp; ".join(parts)


@solara.component
def Live(sess: Session, language: str):
    fr: Frame | None = frame.value
    if fr is None:
        return
    colours = fr.colours
    with solara.Card(margin=0):
        for k, status in enumerate(fr.status):
            colour = fr.colours[k] if sess.compare else "#222"
            prefix = f"<b style='color:{colour}'>{'AB'[k]}</b> · " if sess.compare else ""
            solara.HTML(
                tag="div",
                unsafe_innerHTML=prefix + status_line(status, sess.stop_month, language),
                classes=["orgsim-status"],
            )
        solara.Text(f"draw_ms={fr.draw_ms:.0f}", classes=["draw-ms"])
    with solara.Card(margin=0, classes=["charts-card"]):
        # the same children in both modes, so that switching compare on keeps the charts' widgets
        keys = "".join(
            f"<span class='arm-key' style='color:{colours[k]}'>"
            f"<span class='arm-swatch' style='background:{colours[k]}'></span>"
            f"{_escape(title)}</span>"
            for k, title in enumerate(fr.titles)
            if sess.compare
        )
        solara.HTML(tag="div", unsafe_innerHTML=keys, classes=["arm-keys"])
        solara.Text(i18n.chart("explore_hint", language), classes=["explore-hint"])
        ChartGrid(fr.charts, language, "live")
    if fr.difference is not None:
        with solara.Card(i18n.t("difference", language), margin=0, classes=["difference-card"]):
            ChartGrid(fr.difference, language, "difference")
    if sess.compare:
        Organisation(sess, fr, language)
        FeedCard(sess, fr, language)
    else:
        with solara.Columns([3, 2], gutters_dense=True):
            Organisation(sess, fr, language)
            FeedCard(sess, fr, language)


# Plotly's widget would send each chart its own copy of plotly.js (5 MB); this one asks the app
# server for the copy inside the plotly package (served as an asset, see sim.viz.app_cli), which the
# browser then fetches once for every chart and keeps
PLOTLY_BUNDLE = "/static/assets/package_data/widgetbundle.js"
BUNDLE_LOADER = f"""
const root = (window.solara && window.solara.rootPath) || "";
const plotly = await import(new URL(root + "{PLOTLY_BUNDLE}", window.location.origin).href);
export default plotly.default;
"""


class ChartWidget(FigureWidget):
    _esm = BUNDLE_LOADER

    def __init__(self, config: dict | None = None, **kwargs):
        super().__init__(**kwargs)
        self._config = config or {}

    @property
    def config(self) -> dict:
        return self._config

    @config.setter
    def config(self, value: dict) -> None:  # a re-render of the page passes the options again
        if value != self._config:
            self._config = value


class FitCharts(ipyvue.VueTemplate):
    """Tells the charts of its grid to fit their width whenever the grid's size changes (the first
    drawing, the sidebar hidden or shown): plotly.js sizes a chart from its box at the first
    drawing, before the page has laid the box out, and otherwise follows only the window."""

    template = traitlets.Unicode(
        """<template><span style="display: none"></span></template>
<script>
module.exports = {
  mounted() {
    const grid = this.$el.parentElement;
    let pending = null;
    this.observer = new ResizeObserver(() => {
      clearTimeout(pending);
      pending = setTimeout(() => window.dispatchEvent(new Event("resize")), 150);
    });
    this.observer.observe(grid);
    // new charts (a new language, compare mode) draw a moment after the grid is laid out
    this.timers = [400, 1200, 3000].map(
      (ms) => setTimeout(() => window.dispatchEvent(new Event("resize")), ms)
    );
  },
  destroyed() {
    this.observer.disconnect();
    this.timers.forEach(clearTimeout);
  },
};
</script>"""
    ).tag(sync=True)


@solara.component
def ChartGrid(figures: list[dict], language: str, kind: str):
    """The charts four to a row; a new language builds the widgets anew (the toolbar's words)."""
    with solara.Div(classes=["explore-grid", f"{kind}-charts"]):
        FitCharts.element().key(f"fit-{kind}-{language}")
        for i, figure in enumerate(figures):
            with solara.Div(classes=["explore-chart", f"{kind}-chart"]):
                ExploreChart(figure, language).key(f"{kind}-{i}-{language}")


@solara.component
def ExploreChart(figure: dict, language: str):
    """A Plotly figure the browser draws (plotly.js comes with the plotly package). After the
    first month only what changed is sent, so the reader's zoom and the series switched off in
    the key stay as they are while the run goes on; a figure of other series is drawn anew."""
    element = ChartWidget.element(config=toolbar_config(language))
    shown = solara.use_ref(None)

    def update():
        widget = solara.get_widget(element)
        before = shown.current
        with widget.batch_update():
            if before is None or _shape(before) != _shape(figure):
                widget.data = []
                widget.layout = figure["layout"]
                widget.add_traces(figure["data"])
            else:
                for trace, old, new in zip(
                    widget.data, before["data"], figure["data"], strict=True
                ):
                    delta = changes(old, new)
                    if delta:
                        trace.update(delta)
                delta = changes(before["layout"], figure["layout"])
                if delta:
                    widget.layout.update(delta)
        shown.current = figure

    solara.use_effect(update, [figure])
    return element


def _shape(figure: dict) -> tuple:
    """The traces a figure has (kind and name) and its revision: a change of these redraws it."""
    traces = tuple((t["type"], t["name"]) for t in figure["data"])
    return traces, figure["layout"].get("uirevision")


@solara.component
def Organisation(sess: Session, fr: Frame, language: str):
    with solara.Card(i18n.t("organisation", language), margin=0):
        solara.ToggleButtonsSingle(
            value=sess.colour_by,
            on_value=lambda v: _colour_by(sess, v),
            children=[
                solara.Button(i18n.t("colour_satisfaction", language), value="satisfaction"),
                solara.Button(i18n.t("colour_intent", language), value="intent"),
            ],
            dense=True,
            classes=["colour-toggle"],
        )
        solara.Image(fr.network, format="png", width="100%", classes=["orgsim-img", "network-img"])


@solara.component
def FeedCard(sess: Session, fr: Frame, language: str):
    with solara.Card(i18n.t("events", language), margin=0, classes=["feed-card"]):
        with solara.Columns([1] * len(fr.feeds)):
            for k, items in enumerate(fr.feeds):
                with solara.Div(classes=["feed-box", f"feed-{'ab'[k]}"]):
                    if sess.compare:
                        solara.HTML(
                            tag="h4",
                            unsafe_innerHTML=_escape(fr.titles[k]),
                            style=f"color:{fr.colours[k]}; margin: 0 0 6px 0",
                        )
                    if not items:
                        solara.Text(i18n.t("no_events", language), classes=["feed-empty"])
                    for item in reversed(items):
                        solara.Text(item.text(language), classes=["feed-item", f"feed-{item.tone}"])


def _colour_by(sess: Session, value: str) -> None:
    with sess.lock:
        sess.colour_by = value
    publish(sess)


@solara.component
def Export(sess: Session, language: str):
    with solara.Card(i18n.t("export", language), margin=0):
        downloads = (
            (sess.metrics_csv, "metrics.csv", "export_metrics", "text/csv"),
            (sess.events_csv, "events.csv", "export_events", "text/csv"),
            (sess.charts_png, "charts.png", "export_charts", "image/png"),
            (sess.network_png, "organisation.png", "export_network", "image/png"),
        )
        with solara.Row(gap="8px", style={"flex-wrap": "wrap"}):
            for data, filename, label, mime in downloads:
                solara.FileDownload(
                    data,
                    filename=sess.export_name(filename),
                    label=i18n.t(label, language),
                    mime_type=mime,
                )
        solara.Text(i18n.t("footer", language), classes=["param-help"])
