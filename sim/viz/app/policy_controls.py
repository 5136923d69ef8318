"""The page's policy controls, generated from the declarations of the registered policies.

:func:`PolicyControls` shows one folding panel per family (pay, appraisal, incentives, ...) with the
number of its policies in force; :func:`PolicyBlock` a policy's switch and, when it is on, a
:func:`ParamControl` for each parameter: a number field with its unit and a slider within its
declared bounds, a switch for a yes/no, a list for a choice (``sim.params.describe`` of the
policy's ``Params``). Labels, meanings, choice values and units come from the declarations, in
the page's language and the case's currency. Any change restarts the run at month 0 with the same seed; a value outside
the declared bounds, or one the scenario schema refuses, changes nothing.
"""

from __future__ import annotations

import numpy as np
import solara

from sim.params import describe
from sim.policies import FAMILIES, POLICIES
from sim.viz import i18n
from sim.viz.app.page_state import apply_and_refresh, editing, message, open_families, refuse
from sim.viz.app.session import Session, load_case


@solara.component
def PolicyControls(sess: Session, _version: int, language: str):
    arm = editing.value if sess.compare else 0
    config = sess.configs[arm]
    families = [f for f in FAMILIES if any(cls.family == f for cls in POLICIES.values())]
    solara.HTML(
        tag="h3", unsafe_innerHTML=i18n.t("policies", language), style="margin: 14px 0 2px 0"
    )
    solara.Text(i18n.t("policies_help", language), classes=["param-help"])
    if sess.compare:
        with solara.Row(style={"align-items": "center"}):
            solara.Text(i18n.t("editing", language))
            solara.ToggleButtonsSingle(
                value=arm,
                on_value=lambda v: editing.set(int(v)),
                children=[solara.Button("A", value=0), solara.Button("B", value=1)],
                dense=True,
                classes=["editing-toggle"],
            )
    panels = []
    for i, fam in enumerate(families):
        members = sorted(
            (cls for cls in POLICIES.values() if cls.family == fam), key=lambda c: c.name
        )
        active = sum(1 for cls in members if cls.name in config.policies)
        header = i18n.family(fam, language) + (f"  ({active})" if active else "")
        content = []
        if i in open_families.value:
            content = [
                PolicyBlock(sess, arm, cls, language).key(f"{arm}-{cls.name}-{_version}")
                for cls in members
            ]
        panels.append(
            solara.v.ExpansionPanel(
                class_=f"family-{fam}",
                children=[
                    solara.v.ExpansionPanelHeader(children=[header], class_="family-header"),
                    solara.v.ExpansionPanelContent(children=content),
                ],
            )
        )
    solara.v.ExpansionPanels(
        children=panels,
        multiple=True,
        v_model=list(open_families.value),
        on_v_model=lambda v: open_families.set(list(v or [])),
        accordion=True,
        flat=True,
    )


@solara.component
def PolicyBlock(sess: Session, arm: int, cls, language: str):
    config = sess.configs[arm]
    on = cls.name in config.policies
    in_case = cls.name in {p.name for p in load_case(config.case).policies}
    label = i18n.policy_title(cls, language) + (
        f"  · {i18n.t('in_scenario', language)}" if in_case else ""
    )
    with solara.Div(style={"border-top": "1px solid #e5e5e5", "padding-top": "4px"}):
        solara.Switch(
            label=label,
            value=on,
            on_value=lambda v: apply_and_refresh(sess, sess.set_policy, arm, cls.name, v),
            classes=[f"policy-switch-{cls.name}"],
        )
        solara.Text(i18n.policy_summary(cls, language), classes=["policy-summary"])
        if on:
            for info in describe(cls.Params):
                if info.kind == "other":
                    shown = config.value(cls.name, info.name)
                    solara.Text(
                        f"{info.label(language)}{'：' if language == 'zh' else ': '}"
                        f"{_format_value(shown, language)}",
                        classes=["param-help"],
                    )
                elif info.kind in ("float", "int", "bool", "choice"):
                    ParamControl(
                        sess, arm, cls, info, config.value(cls.name, info.name), language
                    ).key(f"{arm}-{cls.name}-{info.name}-{config.value(cls.name, info.name)!r}")


def _format_value(value, language: str) -> str:
    """A value the page does not edit (a list of roles, say), as text."""
    if value is None or value == [] or value == ():
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(i18n.role(str(v), language) for v in value)
    return str(value)


def _format_number(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _range_text(info, language: str) -> str:
    if info.lo is None and info.hi is None:
        return ""
    lo = _format_number(info.lo) if info.lo is not None else "−∞"
    hi = _format_number(info.hi) if info.hi is not None else "∞"
    return f"{lo} … {hi}"


def _slider_step(info) -> float | None:
    if info.lo is None or info.hi is None:
        return None
    span = float(info.hi) - float(info.lo)
    if info.kind == "int":
        return 1 if span <= 240 else None
    if span <= 0 or span > 100:
        return None
    return float(10 ** np.floor(np.log10(span / 100)))


@solara.component
def ParamControl(sess: Session, arm: int, cls, info, value, language: str):
    text, set_text = solara.use_state(_format_number(value))
    error, set_error = solara.use_state("")
    label = info.label(language)
    unit = info.unit_in(language, load_case(sess.configs[arm].case).currency)
    css = f"param-{cls.name}-{info.name}"

    def commit(new_value):
        set_error("")
        ok = apply_and_refresh(sess, sess.set_param, arm, cls.name, info.name, new_value)
        if not ok:
            set_error(message.value.text(language).splitlines()[-1] if message.value else "")

    if info.kind == "bool":
        solara.Switch(label=label, value=bool(value), on_value=commit, classes=[css])
    elif info.kind == "choice":
        solara.v.Select(
            label=label,
            items=[{"text": info.option(c, language), "value": c} for c in info.choices],
            v_model=value,
            on_v_model=commit,
            class_=css,
            dense=True,
            hide_details=True,
        )
    else:

        def typed(new_text):
            set_text(new_text)
            field_name = label
            try:
                number = (
                    int(str(new_text).strip())
                    if info.kind == "int"
                    else float(str(new_text).strip())
                )
            except ValueError:
                key = "not_an_integer" if info.kind == "int" else "not_a_number"
                refuse(set_error, key, field=field_name, text=new_text)
                return
            if (info.lo is not None and number < info.lo) or (
                info.hi is not None and number > info.hi
            ):
                refuse(
                    set_error,
                    "out_of_bounds",
                    field=field_name,
                    value=_format_number(number),
                    lo=_format_number(info.lo) if info.lo is not None else "−∞",
                    hi=_format_number(info.hi) if info.hi is not None else "∞",
                )
                return
            commit(number)

        solara.InputText(
            label,
            value=text,
            on_value=typed,
            error=bool(error),
            message=error or None,
            suffix=unit,
            classes=[css, "param-input"],
            dense=True,
        )
        step = _slider_step(info)
        if step is not None and not error:
            if info.kind == "int":
                solara.SliderInt(
                    "",
                    value=int(value),
                    min=int(info.lo),
                    max=int(info.hi),
                    step=1,
                    on_value=commit,
                )
            else:
                solara.SliderFloat(
                    "",
                    value=float(value),
                    min=float(info.lo),
                    max=float(info.hi),
                    step=step,
                    on_value=commit,
                )
    help_text = " · ".join(x for x in (_range_text(info, language), info.meaning(language)) if x)
    if help_text:
        solara.Text(help_text, classes=["param-help"])
