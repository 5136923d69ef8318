"""The classroom and what-if app: run the cases live in a browser, in English or Chinese.

``orgsim app`` serves this page (``solara run sim.viz.app.page``) on loopback. A trainee picks a
case, switches policies on and off and moves their parameters; an instructor runs Shengyi on a
projector and, in compare mode, runs it side by side with its reformed twin on the same seed.

The page is written with Solara directly rather than Mesa's SolaraViz (docs/app.md says why): its
sidebar strings cannot be translated, its reset races with its play loop in Mesa 3.5.1, and it has
no place for a second model run on the same seed.

This module holds the page itself (:func:`Page`: the top bar with the language, the sidebar, the
main column), the play loop (:func:`Player`) and the page's style sheet. The sidebar is in
``sim.viz.app.controls``, the main column's parts in ``sim.viz.app.views``.
"""

from __future__ import annotations

import threading
import time

import solara
import solara.lab  # noqa: F401  (registers the lab components used by solara's app layout)

from sim.viz import i18n
from sim.viz.app.controls import Controls
from sim.viz.app.page_state import Said, frame, lang, message, notice, playing, publish, version
from sim.viz.app.session import Session
from sim.viz.app.views import Export, Live, Story

CSS = """
/* a CJK fallback shipped with the Python dependencies (WenQuanYi Micro Hei, from the
   paperang-p2-fonts-cjk package, as one TrueType face: sim/viz/fonts.web_font_dir, served by the
   app server, sim/viz/app_cli.py): the browser uses the machine's own fonts first and downloads
   this one only for glyphs they lack */
@font-face { font-family: "orgsim CJK"; font-display: swap;
             src: url("/static/assets/orgsim-cjk.ttf") format("truetype"); }
.v-application, .v-application .text-h6, .v-application .v-btn, .v-application input {
  font-family: Roboto, "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
               "WenQuanYi Micro Hei", "orgsim CJK", sans-serif !important; }
.v-application .orgsim-main { max-width: 1500px; overflow-x: clip; }
.orgsim-story { font-size: 15px; line-height: 1.55; color: #222; white-space: normal; }
.orgsim-status { font-size: 16px; margin: 2px 0; }
.orgsim-status b { font-size: 18px; }
.feed-box { max-height: 470px; overflow-y: auto; padding-right: 6px; }
.feed-item { display: block; font-size: 14px; line-height: 1.4; padding: 4px 0 4px 8px;
             border-left: 4px solid #ccc; margin-bottom: 4px; }
.feed-exit { border-left-color: #c0392b; }
.feed-hire { border-left-color: #2ca02c; color: #444; }
.feed-other { border-left-color: #7f7f7f; }
.param-help { font-size: 12px; color: #555; display: block; margin: -4px 0 6px 0; }
.policy-summary { font-size: 12px; color: #555; display: block; margin: 0 0 4px 0; }
.orgsim-img img, img.orgsim-img { width: 100%; height: auto; }
.orgsim-error { white-space: pre-wrap; }
.draw-ms { display: none; }
.explore-grid { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px 10px; }
@media (max-width: 900px) { .explore-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.explore-chart { min-width: 0; }
.charts-card, .difference-card { overflow-x: clip; }  /* hover labels may cross a column */
.explore-hint { font-size: 12px; color: #555; display: block; margin: 0 0 4px 0; }
.arm-keys { font-size: 15px; margin: 0 0 4px 0; }
.arm-key { margin-right: 22px; font-weight: 500; white-space: nowrap; }
.arm-swatch { display: inline-block; width: 26px; height: 4px; margin: 0 6px 4px 0;
              vertical-align: middle; }
.v-expansion-panel-content__wrap { padding: 0 10px 8px 10px !important; }
/* the sidebar keeps the width the main column leaves it, whatever the language: long Chinese
   titles are cut with an ellipsis instead of widening it over the content */
.v-application .v-navigation-drawer { width: 400px !important; max-width: 400px !important; }
.v-navigation-drawer .v-navigation-drawer__content { overflow-x: hidden; }
.v-navigation-drawer .v-select__selection { overflow: hidden; text-overflow: ellipsis;
                                            white-space: nowrap; max-width: 100%; }
"""


@solara.component
def Page():
    sess = solara.use_memo(Session, dependencies=[])
    solara.use_effect(lambda: publish(sess), dependencies=[])
    solara.Style(CSS)
    language = lang.value
    solara.Title(i18n.t("app_title", language))
    with solara.AppBar():
        solara.AppBarTitle(i18n.t("app_title", language))
        LanguageToggle(sess)
    with solara.Sidebar():
        Controls(sess, version.value, language)
    with solara.Column(classes=["orgsim-main"], gap="10px"):
        Player(sess)
        if message.value:
            solara.Error(message.value.text(language), classes=["app-error", "orgsim-error"])
        if notice.value:
            solara.Info(notice.value.text(language), dense=True, classes=["app-notice"])
        Story(sess, version.value, language)
        Live(sess, language)
        Export(sess, language)


@solara.component
def LanguageToggle(sess: Session):
    def choose(code):
        lang.value = code
        with sess.lock:
            sess.lang = code
        publish(sess)

    with solara.Div(style={"margin-left": "auto"}):
        solara.ToggleButtonsSingle(
            value=lang.value,
            on_value=choose,
            children=[
                solara.Button(name, value=code, text=True) for code, name in i18n.LANGUAGES.items()
            ],
            classes=["lang-toggle"],
        )


@solara.component
def Player(sess: Session):
    """The play loop: one month, then one drawing, at the chosen speed, until paused or done."""

    def loop(cancel: threading.Event):
        generation = sess.generation
        while playing.value and not cancel.is_set():
            started = time.perf_counter()
            if sess.month >= sess.stop_month:
                notice.value = Said.of("end_of_run", month=sess.month)
                break
            if not sess.step(generation):
                if sess.error:
                    message.value = Said.of("model_error", month=sess.month + 1, message=sess.error)
                break
            frame.value = sess.render()
            if sess.month >= sess.stop_month:
                notice.value = Said.of("end_of_run", month=sess.month)
                break
            time.sleep(max(0.0, 1.0 / sess.speed - (time.perf_counter() - started)))
        playing.value = False

    solara.use_thread(loop, dependencies=[playing.value, version.value], intrusive_cancel=False)
