"""The page's sidebar: the case, the run (seed, stop month, run, step, reset, speed), compare mode.

:func:`Controls` holds them, with the policy controls of ``sim.viz.app.policy_controls`` below.
A value the page cannot use is refused at its field and at the top of the page; the run is left as
it was.
"""

from __future__ import annotations

import solara

from sim.viz import i18n
from sim.viz.app.page_state import (
    Said,
    bump,
    message,
    notice,
    playing,
    publish,
    refuse,
    run_guarded,
)
from sim.viz.app.policy_controls import PolicyControls
from sim.viz.app.session import MAX_MONTH, SPEEDS, Session, available_cases, case_title


@solara.component
def Controls(sess: Session, _version: int, language: str):
    cases = available_cases()

    def case_items():
        return [{"text": case_title(c, language), "value": c} for c in cases]

    def pick(case, arm=0):
        playing.value = False
        notice.value = None
        if run_guarded(sess.set_case, case, arm):
            bump()
            publish(sess)

    with solara.Card(margin=0, elevation=0):
        solara.v.Select(
            label=i18n.t("case", language),
            items=case_items(),
            v_model=sess.configs[0].case,
            on_v_model=pick,
            class_="case-select",
            hide_details=True,
        )
        RunControls(sess, language)
        CompareControls(sess, language, case_items(), pick)
        PolicyControls(sess, _version, language)


@solara.component
def RunControls(sess: Session, language: str):
    seed_text, set_seed_text = solara.use_state(str(sess.seed))
    seed_error, set_seed_error = solara.use_state("")
    stop_text, set_stop_text = solara.use_state(str(sess.stop_month))
    stop_error, set_stop_error = solara.use_state("")
    solara.use_effect(lambda: set_stop_text(str(sess.stop_month)), [sess.stop_month])

    def on_seed(text):
        set_seed_text(text)
        field_name = i18n.t("seed", language)
        try:
            seed = int(str(text).strip())
        except ValueError:
            refuse(set_seed_error, "not_an_integer", field=field_name, text=text)
            return
        if not 0 <= seed <= 2**32 - 1:
            refuse(
                set_seed_error, "out_of_bounds", field=field_name, value=seed, lo=0, hi=2**32 - 1
            )
            return
        set_seed_error("")
        playing.value = False
        if run_guarded(sess.set_seed, seed):
            publish(sess)

    def on_stop(text):
        set_stop_text(text)
        field_name = i18n.t("stop_at", language)
        try:
            month = int(str(text).strip())
        except ValueError:
            refuse(set_stop_error, "not_an_integer", field=field_name, text=text)
            return
        if not 1 <= month <= MAX_MONTH:
            refuse(
                set_stop_error, "out_of_bounds", field=field_name, value=month, lo=1, hi=MAX_MONTH
            )
            return
        set_stop_error("")
        message.value = None
        with sess.lock:
            sess.stop_month = month
        publish(sess)

    def run_or_pause():
        if playing.value:
            playing.value = False
            return
        notice.value = None
        if sess.month >= sess.stop_month:
            notice.value = Said.of("end_of_run", month=sess.month)
            return
        playing.value = True

    def step():
        playing.value = False
        notice.value = None
        if not sess.step():
            message.value = Said.of("model_error", month=sess.month + 1, message=sess.error or "")
        publish(sess)

    def reset():
        playing.value = False
        notice.value = None
        message.value = None
        run_guarded(sess.reset)
        publish(sess)

    def speed(value):
        sess.speed = int(value)

    with solara.Row(gap="8px", style={"align-items": "flex-start", "margin-top": "8px"}):
        solara.InputText(
            i18n.t("seed", language),
            value=seed_text,
            on_value=on_seed,
            error=bool(seed_error),
            message=seed_error or None,
            classes=["seed-input"],
            style={"max-width": "120px"},
        )
        solara.InputText(
            i18n.t("stop_at", language),
            value=stop_text,
            on_value=on_stop,
            error=bool(stop_error),
            message=stop_error or None,
            classes=["stop-input"],
            style={"max-width": "150px"},
        )
    with solara.Row(gap="6px", style={"margin": "8px 0"}):
        solara.Button(
            i18n.t("pause" if playing.value else "run", language),
            color="primary",
            on_click=run_or_pause,
            classes=["btn-run"],
        )
        solara.Button(
            i18n.t("step", language), on_click=step, disabled=playing.value, classes=["btn-step"]
        )
        solara.Button(i18n.t("reset", language), on_click=reset, classes=["btn-reset"])
    solara.Text(i18n.t("speed", language), style={"font-size": "13px", "color": "#555"})
    solara.ToggleButtonsSingle(
        value=str(sess.speed),
        values=[str(s) for s in SPEEDS],
        on_value=speed,
        dense=True,
        classes=["speed-toggle"],
    )


@solara.component
def CompareControls(sess: Session, language: str, items: list, pick):
    def toggle(on):
        playing.value = False
        if run_guarded(sess.set_compare, on):
            bump()
            publish(sess)

    solara.Switch(
        label=i18n.t("compare", language),
        value=sess.compare,
        on_value=toggle,
        classes=["compare-switch"],
    )
    if sess.compare:
        solara.Text(i18n.t("compare_help", language), classes=["param-help"])
        solara.v.Select(
            label=i18n.t("case_b", language),
            items=items,
            v_model=sess.configs[1].case,
            on_v_model=lambda case: pick(case, 1),
            class_="case-b-select",
            hide_details=True,
        )
