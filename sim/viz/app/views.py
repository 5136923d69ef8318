"""The main column of the page: the case's story, the live view, the organisation, the feed, export.

:func:`Live` shows the status line (the month and the last month's figures, labelled by their
declarations in ``sim.outcomes``), the live charts, the differences B − A in compare mode, the
picture of the organisation (:func:`Organisation`) and what happened (:func:`FeedCard`).
"""

from __future__ import annotations

import solara

from sim import outcomes
from sim.viz import i18n
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
    solara.Image(fr.charts, format="png", width="100%", classes=["orgsim-img", "charts-img"])
    if fr.difference is not None:
        solara.Image(
            fr.difference, format="png", width="100%", classes=["orgsim-img", "difference-img"]
        )
    if sess.compare:
        Organisation(sess, fr, language)
        FeedCard(sess, fr, language)
    else:
        with solara.Columns([3, 2], gutters_dense=True):
            Organisation(sess, fr, language)
            FeedCard(sess, fr, language)


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
