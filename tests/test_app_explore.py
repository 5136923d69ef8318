"""The page's charts to explore (sim/viz/app/explore.py): built from made-up monthly metrics, no
model run and no browser."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from sim import outcomes
from sim.agents.psychology import NEEDS
from sim.viz import i18n
from sim.viz.app.explore import (
    Runs,
    changes,
    colours_of,
    difference_figures,
    live_figures,
    money_text,
)
from sim.viz.app.panels import DIFFERENCES, PANELS
from sim.viz.style import ARM_COLOURS

COLUMNS = {
    column
    for spec in PANELS
    for series in spec.series
    for column in (series.column,)
    if column in outcomes.BY_NAME
} | {"turnover_rate_annual", "clients_lost_to_leavers", "quits", "non_renewals", "dismissals"}


def _metrics(months: int = 7, offset: float = 0.0) -> pd.DataFrame:
    rng = np.random.default_rng(1)  # the same draws in both arms: B is A plus the offset
    table = {"month": np.arange(months)}
    extra = {"layoffs", "retirements", "hires", "headcount", "cash", "profit", "mean_attitude"}
    for column in COLUMNS | extra:
        table[column] = rng.uniform(0, 1, months) + offset
    table["cash"] = np.linspace(60_000, -40_000, months)
    table["mean_satisfaction"][-1] = np.nan  # the month a closed firm had nobody left
    return pd.DataFrame(table)


def _runs(lang: str, compare: bool, closed=()) -> Runs:
    names = ["shengyi", "shengyi_reformed"] if compare else ["shengyi"]
    return Runs(
        metrics=tuple(_metrics(offset=k) for k in range(len(names))),
        labels=("A: Shengyi", "B: Shengyi reformed")[: len(names)],
        colours=colours_of(names),
        lang=lang,
        currency="yuan",
        x_max=12,
        closed=closed,
    )


def _panel(figures: list[dict], title: str) -> dict:
    return figures[[spec.title for spec in PANELS].index(title)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_live_panel_has_a_trace_per_series_named_in_the_page_language(lang):
    figures = live_figures(_runs(lang, compare=False))
    assert len(figures) == len(PANELS)
    for spec, figure in zip(PANELS, figures, strict=True):
        names = [t["name"] for t in figure["data"]]
        for series in spec.series:
            assert series.label(lang) in names, (spec.title, names)
        assert i18n.chart(spec.title, lang) in figure["layout"]["title"]["text"]
        if lang == "zh":
            assert all(i18n.has_cjk(name) for name in names), names
    headcount = _panel(figures, "headcount_title")
    assert i18n.chart("hires", lang) in [t["name"] for t in headcount["data"]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_months_run_along_the_x_axis_and_the_hover_names_the_month(lang):
    for figure in live_figures(_runs(lang, compare=True)):
        axis = figure["layout"]["xaxis"]
        if axis.get("type") == "category":  # the needs as bars of this month, in compare mode
            continue
        assert axis["title"]["text"] == outcomes.label("month", lang)
        assert axis["range"] == [0, 12]
        assert axis["unifiedhovertitle"]["text"] == i18n.chart("month_n", lang).format(month="%{x}")
        assert all(t["x"] == list(range(7)) for t in figure["data"])


def test_in_compare_mode_each_arm_keeps_its_colour_from_style():
    figures = live_figures(_runs("en", compare=True))
    red, blue = ARM_COLOURS["shengyi"], ARM_COLOURS["shengyi_reformed"]
    for figure in figures:
        for trace in figure["data"]:
            colour = trace.get("line", trace.get("marker", {})).get("color")
            if trace["name"].endswith("(A)") or trace["name"].startswith("A:"):
                assert colour == red, trace["name"]
            else:
                assert colour == blue, trace["name"]
    for figure in difference_figures(_runs("en", compare=True)):
        assert figure["data"][0]["line"]["color"] == blue


def test_a_case_compared_with_itself_still_gets_two_colours():
    assert len(set(colours_of(["baseline", "baseline"]))) == 2


def test_the_share_intending_to_leave_has_its_own_axis_from_0_to_100_percent():
    turnover = _panel(live_figures(_runs("en", compare=False)), "turnover_title")
    intent = next(t for t in turnover["data"] if t["yaxis"] == "y2")
    assert intent["name"] == outcomes.label("intent_to_quit_share", "en")
    assert turnover["layout"]["yaxis2"]["range"] == [0, 1]
    assert turnover["layout"]["yaxis2"]["tickformat"] == ".0%"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_money_is_shown_in_the_scenario_currency_and_nothing_shows_nan(lang):
    figures = live_figures(_runs(lang, compare=True)) + difference_figures(_runs(lang, True))
    text = json.dumps(figures, ensure_ascii=False)
    assert "NaN" not in text and "nan" not in text.replace("nans", "")
    cash = _panel(figures, "cash_title")
    assert ("元" if lang == "zh" else "yuan") in cash["layout"]["title"]["text"]
    assert cash["data"][0]["text"][0] == money_text(60_000, lang, "yuan")
    satisfaction = _panel(figures, "satisfaction_title")
    assert satisfaction["data"][0]["y"][-1] is None and satisfaction["data"][0]["text"][-1] is None


def test_money_text_writes_each_currency_as_the_page_does():
    assert money_text(265_000, "en", "yuan") == "265k yuan"
    assert money_text(-12_000, "en", "dollar") == "−$12k"
    assert money_text(265_000, "zh", "yuan") == "26万元"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_closed_firm_is_marked_where_it_closed(lang):
    figures = live_figures(_runs(lang, compare=True, closed=(5, None)))
    cash = _panel(figures, "cash_title")
    assert [s["x0"] for s in cash["layout"]["shapes"]] == [5]
    note = cash["layout"]["annotations"][0]["text"]
    assert note == f"A: {i18n.chart('firm_closed', lang)}"


def test_the_needs_are_bars_of_this_month_side_by_side_in_compare_mode():
    needs = _panel(live_figures(_runs("zh", compare=True)), "needs_title")
    assert [t["type"] for t in needs["data"]] == ["bar", "bar"]
    assert needs["data"][0]["x"] == [i18n.need_short(n, "zh") for n in NEEDS]


def test_there_is_a_difference_chart_for_each_declared_difference():
    figures = difference_figures(_runs("en", compare=True))
    assert len(figures) == len(DIFFERENCES)
    headcount = figures[0]["data"][0]
    assert headcount["y"][0] == pytest.approx(1.0)  # B's made-up metrics are A's plus one
    assert headcount["text"][0] == "+1"


@pytest.mark.parametrize("compare", [False, True])
def test_plotly_accepts_every_figure(compare):
    runs = _runs("zh", compare=compare, closed=(4,) * (2 if compare else 1))
    figures = live_figures(runs) + (difference_figures(runs) if compare else [])
    for figure in figures:
        go.Figure(figure)  # raises on a property plotly does not know or a value it refuses


def test_a_month_sends_only_what_changed_so_the_zoom_is_left_alone():
    before = live_figures(_runs("en", compare=False))[6]
    after = json.loads(json.dumps(before))
    after["data"][0]["y"][-1] = 1.0
    assert changes(before["layout"], after["layout"]) == {}
    assert set(changes(before["data"][0], after["data"][0])) == {"y"}
