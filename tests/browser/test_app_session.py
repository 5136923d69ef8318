"""The app's session without a browser: arms on a common seed, policy changes, refused inputs,
the event feed, the exports, and every scenario file opening and drawing a month."""

from __future__ import annotations

import io
from itertools import pairwise

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from sim import outcomes
from sim.params import describe
from sim.policies import POLICIES
from sim.scenario import ScenarioError
from sim.viz import style
from sim.viz.app.charts import LiveCharts
from sim.viz.app.feed import feed_items
from sim.viz.app.panels import DIFFERENCES, PANELS, Series
from sim.viz.app.session import STATUS, ArmConfig, Session, available_cases
from sim.viz.app.views import status_line

PNG = b"\x89PNG\r\n\x1a\n"


def _metrics(sess: Session, arm: int) -> pd.DataFrame:
    return sess.arms[arm].model.metrics()


def test_two_arms_with_the_same_policies_are_identical_month_by_month():
    """Common random numbers: the same case on the same seed gives the same run in A and B."""
    sess = Session("baseline")
    sess.set_compare(True)
    assert sess.configs[1].case == "baseline"
    for _ in range(12):
        assert sess.step()
    pd.testing.assert_frame_equal(_metrics(sess, 0), _metrics(sess, 1))


def test_a_policy_change_restarts_both_arms_at_month_zero_on_the_same_seed():
    sess = Session("baseline")
    sess.set_compare(True)
    for _ in range(3):
        sess.step()
    sess.set_policy(1, "client_ownership", True)
    sess.set_param(1, "client_ownership", "mode", "firm")
    assert [arm.model.month for arm in sess.arms] == [0, 0]
    assert sess.configs[1].policies == {"client_ownership": {"mode": "firm"}}
    assert sess.configs[0].policies == {}
    assert [arm.model.seed for arm in sess.arms] == [sess.seed, sess.seed]
    assert "client_ownership" in {p.name for p in sess.arms[1].spec.policies}


def test_an_out_of_bounds_parameter_is_refused_and_changes_nothing():
    sess = Session("baseline")
    sess.set_policy(0, "client_ownership", True)
    sess.step()
    before = sess.configs[0].copy()
    with pytest.raises(ScenarioError) as refused:
        sess.set_param(0, "client_ownership", "firm_share", 2.0)
    assert "firm_share" in str(refused.value)
    assert sess.configs[0] == before
    assert sess.month == 1, "a refused input must not restart the run"


def test_switching_a_policy_off_removes_it_and_on_again_uses_its_defaults():
    sess = Session("baseline")
    sess.set_policy(0, "client_ownership", True)
    sess.set_param(0, "client_ownership", "firm_share", 0.5)
    sess.set_policy(0, "client_ownership", False)
    assert "client_ownership" not in sess.configs[0].policies
    sess.set_policy(0, "client_ownership", True)
    assert sess.configs[0].value("client_ownership", "firm_share") == pytest.approx(
        next(
            i.default
            for i in describe(POLICIES["client_ownership"].Params)
            if i.name == "firm_share"
        )
    )


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_every_registered_policy_can_be_switched_on_and_run_without_crashing_the_page(name):
    """A policy switched on with its declared defaults either runs or is refused with a message."""
    sess = Session("baseline")
    try:
        sess.set_policy(0, name, True)
    except ScenarioError as refused:
        assert str(refused)
        return
    for _ in range(2):
        if not sess.step():
            assert sess.error, "a stopped run must say why"
            break


@pytest.mark.parametrize("case", available_cases())
def test_every_scenario_file_opens_runs_and_draws_a_month(case):
    sess = Session(case)
    assert sess.configs[0].case == case
    assert sess.step(), sess.error
    frame = sess.render()
    assert frame.month == 1
    assert len(frame.charts) == len(PANELS) and frame.network.startswith(PNG)
    assert all(figure["data"] for figure in frame.charts)
    assert frame.titles[0]


def test_compare_mode_draws_the_difference_and_two_organisations():
    sess = Session("baseline")
    sess.set_compare(True)
    sess.step()
    frame = sess.render()
    assert frame.difference is not None and len(frame.difference) == len(DIFFERENCES)
    assert len(frame.status) == len(frame.feeds) == 2
    assert frame.titles[0].startswith("A: ") and frame.titles[1].startswith("B: ")


def test_each_arm_has_the_colour_its_case_has_in_every_figure_command():
    """Shengyi red and its reformed twin blue, on the page as in `orgsim compare`, the handouts
    and docs/cases.md: the colours are sim.viz.style's, not a palette of the app's own."""
    sess = Session("shengyi")
    sess.set_compare(True)
    frame = sess.render()
    own = [style.ARM_COLOURS["shengyi"], style.ARM_COLOURS["shengyi_reformed"]]
    assert frame.colours == own
    # the page's charts (Plotly figures): every trace of arm k in arm k's colour
    for figure in frame.charts:
        for trace in figure["data"]:
            colour = trace.get("line", {}).get("color") or trace.get("marker", {}).get("color")
            if trace.get("name", "").endswith(("(A)", "(B)")):
                assert colour == own["AB".index(trace["name"][-2])], trace["name"]
    drawn = {t.get("line", {}).get("color") for f in frame.difference for t in f["data"]}
    assert drawn - {None} == {own[1]}
    # the exported matplotlib charts too
    exported = LiveCharts(sess.lang, sess.titles(), 12, sess.colours())
    legend = exported.blit.fig.legends[0]
    assert [to_hex(h.get_color()) for h in legend.legend_handles] == own


def test_a_case_compared_with_a_variant_of_itself_keeps_its_colour_and_the_variant_gets_another():
    sess = Session("baseline")
    sess.set_compare(True)
    assert sess.colours()[0] == style.ARM_COLOURS["baseline"]
    assert sess.colours()[1] != sess.colours()[0]
    sess.set_policy(1, "profit_sharing", True)
    assert sess.colours() == list(style.arm_colours(["baseline", "baseline+changed"]).values())


def test_the_feed_turns_an_exit_into_a_sentence_with_its_drivers_and_clients():
    events = pd.DataFrame(
        [
            {"month": 7, "event": "quit", "employee_id": 17, "role": "salesperson",
             "tenure_months": 36.0, "informal_leader": False, "driver_equity": 0.46,
             "driver_contagion": 0.30, "driver_pay": 0.0},
            {"month": 7, "event": "clients_followed", "employee_id": 17, "role": "salesperson",
             "tenure_months": 36.0, "clients": 12},
            {"month": 7, "event": "hire", "employee_id": 90, "role": "salesperson",
             "tenure_months": 0.0},
        ]
    )  # fmt: skip
    items = feed_items(events)
    assert [item.kind for item in items] == ["quit", "hire"]
    assert items[0].text("en") == (
        "Month 7 · salesperson #17, 3 years, left: unfair pay against peers 46%, "
        "colleagues leaving 30%; took 12 clients."
    )
    assert items[1].text("zh") == "第7个月 · 招聘1人：销售人员×1。"


def test_the_feed_reads_only_what_is_new_each_month():
    sess = Session("shengyi" if "shengyi" in available_cases() else "baseline")
    for _ in range(6):
        sess.step()
    arm = sess.arms[0]
    events = arm.model.events()
    exits = events["event"].isin(["quit", "non_renewal", "dismissal", "layoff"]).sum()
    fed = sum(1 for item in arm.feed.items if item.tone == "exit")
    assert fed == exits
    assert all(a.month <= b.month for a, b in pairwise(arm.feed.items))


def test_exports_hold_both_arms_and_describe_each_event():
    sess = Session("baseline")
    sess.set_compare(True)
    for _ in range(2):
        sess.step()
    metrics = pd.read_csv(io.StringIO(sess.metrics_csv()))
    assert list(metrics.columns[:4]) == ["arm", "scenario", "seed", "month"]
    assert sorted(metrics["arm"].unique()) == ["A", "B"]
    assert len(metrics) == 2 * 3
    events = pd.read_csv(io.StringIO(sess.events_csv()))
    assert "description" in events.columns
    assert events["description"].str.startswith("Month").all()
    assert sess.charts_png().startswith(PNG)
    assert sess.network_png().startswith(PNG)
    assert sess.export_name("metrics.csv") == "orgsim-baseline-vs-baseline-seed1-month2-metrics.csv"


def test_arm_config_of_a_case_lists_its_policies_and_rebuilds_the_same_scenario():
    for case in available_cases():
        config = ArmConfig.of_case(case)
        assert not config.changed()
        spec = config.scenario()
        assert [p.name for p in spec.policies] == list(config.policies)


def test_orgsim_app_serves_on_loopback_by_default_with_no_cdn_and_no_telemetry():
    import argparse

    from sim.viz import app_cli

    parser = argparse.ArgumentParser()
    app_cli.register(parser.add_subparsers())
    args = parser.parse_args(["app"])
    assert (args.host, args.port) == ("127.0.0.1", 8765)
    command = app_cli.server_command(args.host, args.port)
    assert command[1:4] == ["-m", "solara", "run"] and command[4] == "sim.viz.app.page"
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert "--production" in command and "--no-check-version" in command
    env = app_cli.server_env({})
    assert env["SOLARA_ASSETS_PROXY"] == "true"
    assert env["SOLARA_ASSETS_CDN"].startswith("http://127.0.0.1:")
    assert env["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] == "false"
    assert app_cli.is_loopback("127.0.0.1") and app_cli.is_loopback("localhost")
    assert not app_cli.is_loopback("0.0.0.0")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_and_status_name_a_monthly_column_by_its_declared_label(lang):
    """A column plotted or shown as it is reads its label from sim/outcomes.py; only derived
    series (smoothed, added up), Maslow's levels and the flows' key have labels of their own."""
    plotted = [s for panel in PANELS for s in panel.series] + [d.series for d in DIFFERENCES]
    declared = [s for s in plotted if s.phrase is None and not s.column.startswith("need_")]
    assert {s.column for s in declared} >= {"headcount", "mean_satisfaction", "cash", "clients"}
    for series in declared:
        assert outcomes.label(series.column, lang) in series.label(lang), series.column
    status = {column: 1.0 for column in STATUS}
    line = status_line(status, 12, lang).lower()
    for column in STATUS:
        assert outcomes.label(column, lang).lower() in line, column


def test_a_series_that_is_neither_a_declared_column_nor_derived_is_refused():
    with pytest.raises(ValueError, match="sim/outcomes.py"):
        Series("head_count")
    with pytest.raises(ValueError, match="phrase"):
        Series("turnover_3m")
