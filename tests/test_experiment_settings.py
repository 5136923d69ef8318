"""Run settings: one frozen object, checked when it is made, the same whether given as an object
or as keywords; outputs and metrics are names declared in sim/outcomes.py."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from sim import experiment as ex
from sim import outcomes
from sim.experiment import RunSettings
from sim.experiment.settings import settings_of
from sim.experiment_cli import main
from sim.viz import experiment_plots

GRID = {"market.shortage": [0.0, 0.3]}


def test_the_default_outputs_are_declared_headline_figures():
    assert set(ex.DEFAULT_OUTPUTS) <= set(outcomes.HEADLINE_BY_NAME)
    assert RunSettings().outputs == ex.DEFAULT_OUTPUTS


def test_only_numeric_headline_figures_can_be_summarised():
    declared = {h.name for h in outcomes.HEADLINES}
    assert set(ex.OUTPUT_NAMES) <= declared
    assert {"profit_total", "headcount_end", "cash_end"} <= set(ex.OUTPUT_NAMES)
    for word in ("scenario", "seed", "top_exit_driver"):  # identity and a reason, not numbers
        assert word not in ex.OUTPUT_NAMES
        with pytest.raises(ex.ExperimentError, match="not a headline figure"):
            RunSettings(outputs=[word])


def test_an_undeclared_output_is_refused_with_the_near_miss_and_the_declared_names():
    with pytest.raises(ex.ExperimentError) as caught:
        RunSettings(outputs=["voluntary_turnover_annual", "profit_totl"])
    message = str(caught.value)
    assert "'profit_totl' is not a headline figure (did you mean 'profit_total'?)" in message
    assert "sim/outcomes.py" in message
    assert all(name in message for name in ex.OUTPUT_NAMES)


def test_the_cli_refuses_an_undeclared_output_before_any_run(tmp_path, capsys):
    out = tmp_path / "x"
    argv = ["compare", "baseline", "shengyi", "--outputs", "profit", "--out", str(out)]
    assert main(argv + ["--quiet", "--no-plot"]) == 2
    err = capsys.readouterr().err
    assert "--outputs: 'profit' is not a headline figure" in err
    assert "profit_total" in err
    assert not out.exists()


def test_the_plot_command_refuses_an_undeclared_metric(tmp_path, capsys):
    out = tmp_path / "r"
    ex.replicate("baseline", seeds=1, months=2, out=out)
    assert main(["plot", str(out), "--metrics", "headcount", "turnover"]) == 2
    err = capsys.readouterr().err
    assert "metrics: 'turnover' is not a monthly metric" in err
    assert "turnover_rate_annual" in err
    assert not (out / "figures").exists()


def test_the_default_trajectory_metrics_are_declared_monthly_metrics():
    assert set(experiment_plots.DEFAULT_METRICS) <= set(outcomes.COLUMNS)


def test_settings_are_frozen_and_one_string_is_one_output():
    settings = RunSettings(outputs="profit_total", out="runs/x")
    assert settings.outputs == ("profit_total",)
    assert str(settings.out) == "runs/x" and not isinstance(settings.out, str)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.seeds = 3


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"seeds": 0}, "seeds must be at least 1, not 0"),
        ({"months": 0}, "months must be at least 1"),
        ({"executor": ex.SequentialExecutor(), "dask": "tcp://127.0.0.1:8786"}, "not both"),
    ],
)
def test_settings_that_cannot_run_are_refused_when_made(fields, message):
    with pytest.raises(ex.ExperimentError, match=message):
        RunSettings(**fields)


def test_a_misspelt_setting_is_refused_with_the_near_miss():
    with pytest.raises(TypeError, match="'seed' \\(did you mean 'seeds'\\?\\)"):
        ex.sweep("baseline", GRID, seed=2, months=1)


def test_keywords_beside_settings_replace_those_fields_only():
    given = RunSettings(seeds=5, months=7, outputs=["cash_end"])
    settings = settings_of("sweep", given, {"months": 3})
    assert (settings.seeds, settings.months, settings.outputs) == (5, 3, ("cash_end",))
    assert settings_of("sweep", given, {}) is given
    # a function's own default applies only when no settings object is given
    assert settings_of("sensitivity", None, {}, seeds=ex.SENSITIVITY_SEEDS).seeds == 4
    assert settings_of("sensitivity", given, {}, seeds=ex.SENSITIVITY_SEEDS).seeds == 5


def test_settings_as_an_object_or_as_keywords_give_the_same_experiment(tmp_path):
    by_keywords = ex.sweep("baseline", GRID, seeds=2, months=3, root_seed=5)
    by_object = ex.sweep(
        "baseline", GRID, settings=RunSettings(seeds=2, months=3, root_seed=5, out=tmp_path)
    )
    drop = list(ex.EXECUTION_COLUMNS)
    pd.testing.assert_frame_equal(
        by_keywords.runs.drop(columns=drop), by_object.runs.drop(columns=drop)
    )
    pd.testing.assert_frame_equal(by_keywords.monthly, by_object.monthly)
    assert by_object.manifest["seeds"]["root_seed"] == 5
    assert by_object.manifest["outputs"] == list(ex.DEFAULT_OUTPUTS)


def test_a_sensitivity_analysis_runs_four_seeds_a_point_unless_told():
    result = ex.sensitivity(
        "baseline", {"market.shortage": (0.0, 0.2)}, "morris", ["headcount_end"], n=2, months=2
    )
    assert len(result.runs) == 4 * len(result.design)
    assert result.outputs == ["headcount_end"]
