"""Experiments: seeds, common random numbers, tidy tables, executors, paths, the CLI.

Runs here are tiny (a few months, a few seeds): these tests check the machinery, not the model.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shlex
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim import experiment as ex
from sim import load_scenario, paths
from sim.experiment.design import build_arms, grid_points
from sim.experiment_cli import main, parse_grid, parse_param, register
from sim.params import describe
from sim.policies import POLICIES
from sim.scenario import ScenarioError

MONTHS = 6
GRID = {"market.shortage": [0.0, 0.3]}


@pytest.fixture(scope="module")
def baseline():
    return load_scenario("baseline")


@pytest.fixture(scope="module")
def small_sweep(baseline):
    return ex.sweep(baseline, GRID, seeds=3, months=MONTHS)


def _results(result: ex.ExperimentResult):
    """The tables that must not depend on how the runs were executed."""
    return (
        result.runs.drop(columns=list(ex.EXECUTION_COLUMNS)),
        result.monthly,
        result.events,
    )


# --- seeds and common random numbers -------------------------------------------------------------


def test_replicate_seeds_are_spawned_independently_from_one_root():
    seeds = ex.spawn_seeds(7, 50)
    assert seeds == ex.spawn_seeds(7, 50)
    assert len(set(seeds)) == 50
    assert seeds[:10] == ex.spawn_seeds(7, 10)  # more replicates extend, never reshuffle
    assert set(seeds).isdisjoint(ex.spawn_seeds(8, 50))
    assert all(0 <= s < 2**63 for s in seeds)
    children = np.random.SeedSequence(7).spawn(3)
    assert seeds[0] == int(children[0].generate_state(1, dtype=np.uint64)[0] >> np.uint64(1))


def test_replicate_k_of_every_point_runs_on_the_same_seed(small_sweep):
    wide = small_sweep.runs.pivot(index="replicate", columns="point", values="seed")
    assert (wide[0] == wide[1]).all()
    assert wide[0].is_unique
    assert list(wide[0]) == ex.spawn_seeds(0, 3)


def test_identical_arms_differ_by_exactly_zero_under_common_random_numbers(baseline):
    result = ex.compare({"a": baseline, "b": baseline}, seeds=3, months=MONTHS)
    diffs = result.differences()
    assert set(diffs["output"]) == set(ex.DEFAULT_OUTPUTS)
    assert (diffs["n_pairs"] == 3).all()
    assert (diffs["mean_difference"] == 0).all()
    assert (diffs["ci_low"] == 0).all() and (diffs["ci_high"] == 0).all()


def test_paired_difference_is_the_t_interval_of_replicate_differences(small_sweep):
    from scipy import stats

    runs = small_sweep.runs
    output = "profit_total"
    d = (
        runs[runs.point == 1].set_index("replicate")[output]
        - runs[runs.point == 0].set_index("replicate")[output]
    )
    half = stats.t.ppf(0.975, len(d) - 1) * d.std() / np.sqrt(len(d))
    row = small_sweep.differences([output]).iloc[0]
    assert row["mean_difference"] == pytest.approx(d.mean())
    assert row["ci_low"] == pytest.approx(d.mean() - half)
    assert row["ci_high"] == pytest.approx(d.mean() + half)


# --- tidy tables ---------------------------------------------------------------------------------


def test_sweep_tables_are_keyed_by_run_parameters_seed_and_month(small_sweep):
    runs, monthly = small_sweep.runs, small_sweep.monthly
    keys = ["run_id", "point", "arm", "replicate", "seed", "market.shortage"]
    assert list(runs.columns[: len(keys)]) == keys
    assert len(runs) == 6 and runs["run_id"].is_unique
    assert (runs["status"] == "ok").all()
    assert {"voluntary_turnover_annual", "profit_total", "top_exit_driver"} <= set(runs.columns)
    assert list(monthly.columns[: len(keys) + 1]) == keys + ["month"]
    assert len(monthly) == 6 * (MONTHS + 1)
    assert not monthly.duplicated(["run_id", "month"]).any()
    assert sorted(monthly["market.shortage"].unique()) == [0.0, 0.3]
    assert set(small_sweep.events["run_id"]) <= set(runs["run_id"])


QUIET = {  # a firm where nothing happens: no offers, no personal events, no hiring
    "psychology.offer_rate": 0.0,
    "psychology.unsolicited_offer_rate": 0.0,
    "psychology.life_shock_rate": 0.0,
    "firm.hire_to_plan": False,
}


def test_a_run_that_logs_no_event_joins_the_tables_of_runs_that_do(tmp_path):
    for out in (None, tmp_path / "quiet"):
        result = ex.compare(
            {"quiet": QUIET, "busy": {}}, base="baseline", seeds=1, months=2, out=out
        )
        assert (result.runs["status"] == "ok").all()
        quiet = result.runs.loc[result.runs["arm"] == "quiet", "run_id"].tolist()
        assert quiet and not set(quiet) & set(result.events["run_id"])
        assert len(result.events) > 0
        assert result.events["event"].map(type).eq(str).all()


def test_summary_gives_each_point_a_mean_and_an_interval(small_sweep):
    summary = small_sweep.summary()
    assert len(summary) == 2 * len(ex.DEFAULT_OUTPUTS)
    assert (summary["n"] == 3).all()
    assert (summary["ci_low"] <= summary["mean"]).all()
    assert (summary["mean"] <= summary["ci_high"]).all()


def test_a_grid_is_the_full_factorial_crossed_with_the_arms(baseline):
    arms = build_arms({"a": baseline, "b": baseline})
    points = grid_points(arms, {"market.shortage": [0, 0.1, 0.2], "market.demand": [1, 2]})
    assert len(points) == 2 * 3 * 2
    assert points[0].overrides == {"market.shortage": 0, "market.demand": 1}
    assert [p.arm for p in points].count("b") == 6


def test_a_parameter_column_shows_the_value_an_arm_runs_with(baseline):
    result = ex.compare(
        {"calm": {}, "tight": {"market.shortage": 0.25}}, base=baseline, seeds=1, months=2
    )
    assert list(result.design["market.shortage"]) == [0.0, 0.25]


# --- executors -----------------------------------------------------------------------------------


def test_same_numbers_in_this_process_and_in_two_worker_processes(baseline, small_sweep):
    pooled = ex.sweep(baseline, GRID, seeds=3, months=MONTHS, workers=2)
    for mine, theirs in zip(_results(small_sweep), _results(pooled), strict=True):
        pd.testing.assert_frame_equal(mine, theirs)
    assert pooled.runs["worker"].nunique() >= 1


def test_same_numbers_in_memory_and_through_the_experiment_folder(baseline, small_sweep, tmp_path):
    stored = ex.sweep(baseline, GRID, seeds=3, months=MONTHS, out=tmp_path / "exp")
    for mine, theirs in zip(_results(small_sweep), _results(stored), strict=True):
        pd.testing.assert_frame_equal(mine, theirs)
    loaded = ex.load(tmp_path / "exp")
    pd.testing.assert_frame_equal(loaded.runs, stored.runs)
    pd.testing.assert_frame_equal(loaded.monthly, stored.monthly)


def test_a_run_that_crashes_is_recorded_and_the_others_finish(baseline, monkeypatch):
    real = ex.simulate
    doomed = ex.spawn_seeds(0, 3)[1]

    def simulate(scenario, seed, months):
        if seed == doomed and scenario.market.shortage > 0:
            raise FloatingPointError("cash became NaN")
        return real(scenario, seed, months)

    monkeypatch.setattr("sim.experiment.worker.simulate", simulate)
    result = ex.sweep(baseline, GRID, seeds=3, months=MONTHS)
    failed = result.failed
    assert list(failed["run_id"]) == ["p0001-r001"]
    assert "FloatingPointError: cash became NaN" in failed["error"].iloc[0]
    assert (result.runs.drop(failed.index)["status"] == "ok").all()
    assert set(result.monthly["run_id"]) == set(result.runs["run_id"]) - {"p0001-r001"}
    assert result.summary("profit_total").set_index("point")["n"].to_dict() == {0: 3, 1: 2}
    assert result.differences("profit_total")["n_pairs"].iloc[0] == 2


# --- validation before any run -------------------------------------------------------------------


def test_a_misspelt_parameter_fails_before_any_run_and_names_the_near_miss(baseline):
    with pytest.raises(ex.ExperimentError, match="did you mean 'loss_aversion'"):
        ex.sweep(baseline, {"psychology.loss_aversio": [1, 2]}, seeds=1, months=1)


def test_a_value_out_of_its_bounds_fails_before_any_run(baseline):
    with pytest.raises(ScenarioError, match="market.shortage"):
        ex.sweep(baseline, {"market.shortage": [0.0, 2.0]}, seeds=1, months=1)


def test_a_sample_stays_within_the_declared_bounds_and_rounds_integers(baseline):
    points = ex.latin_hypercube(
        {"market.shortage": None, "psychology.cognition_months": None}, 40, baseline, root_seed=3
    )
    shortage = np.array([p["market.shortage"] for p in points])
    months = [p["psychology.cognition_months"] for p in points]
    lo, hi = (
        paths.resolve("psychology.cognition_months").lo,
        paths.resolve("psychology.cognition_months").hi,
    )
    assert shortage.min() >= 0.0 and shortage.max() <= 0.95
    assert np.histogram(shortage, bins=4, range=(0, 0.95))[0].min() == 10  # one per stratum
    assert all(isinstance(m, int) and lo <= m <= hi for m in months)
    assert points == ex.latin_hypercube(
        {"market.shortage": None, "psychology.cognition_months": None}, 40, baseline, root_seed=3
    )


def test_a_sampled_sweep_records_the_sampled_values(baseline):
    result = ex.sweep(
        baseline, sample=3, parameters={"market.shortage": (0.0, 0.2)}, seeds=1, months=2
    )
    assert result.parameters == ["market.shortage"]
    assert result.design["market.shortage"].between(0.0, 0.2).all()
    assert result.design["market.shortage"].nunique() == 3


# --- dotted paths --------------------------------------------------------------------------------


def test_paths_resolve_to_the_one_declaration(baseline):
    info = paths.resolve("psychology.loss_aversion")
    assert (info.name, info.lo, info.hi, info.kind) == (
        "psychology.loss_aversion",
        1.0,
        4.0,
        "float",
    )
    assert paths.resolve("market.shortage").hi == 0.95
    wage = paths.resolve("firm.roles.salesperson.wage", baseline)
    assert wage.unit == "currency/month" and wage.kind == "float"
    assert paths.resolve("firm.roles[1].market_wage", baseline).kind == "float"  # optional number
    assert paths.value(baseline, "firm.roles.salesperson.wage") == 3500
    assert paths.value(baseline, "psychology.loss_aversion") == 2.0


def test_a_policy_parameter_resolves_through_the_policy_registry():
    name, policy = next(iter(POLICIES.items()))
    declared = describe(policy.Params)[0]
    for path in (f"policies.{name}.{declared.name}", f"policies.{name}.params.{declared.name}"):
        info = paths.resolve(path)
        assert (info.lo, info.hi, info.default) == (declared.lo, declared.hi, declared.default)


def test_paths_that_name_no_parameter_are_refused_with_what_is_there(baseline):
    with pytest.raises(paths.ParameterPathError, match="items: \\['production_worker'"):
        paths.resolve("firm.roles.sales.wage", baseline)
    with pytest.raises(paths.ParameterPathError, match="group"):
        paths.resolve("market")
    with pytest.raises(paths.ParameterPathError, match="no policy 'pice_rate'"):
        paths.resolve("policies.pice_rate.rate")


def test_every_listed_parameter_resolves_and_has_its_scenario_value(baseline):
    listed = paths.parameters(baseline)
    assert "psychology.loss_aversion" in listed and "firm.roles.engineer.wage" in listed
    for path, info in listed.items():
        assert paths.resolve(path, baseline) == info
    assert paths.value(baseline, "firm.roles.engineer.wage") == 5000


# --- the command line ----------------------------------------------------------------------------


def test_grid_and_param_syntax():
    assert parse_grid("market.shortage=0,0.2,0.4") == ("market.shortage", [0, 0.2, 0.4])
    path, values = parse_grid("psychology.loss_aversion=1:2:5")
    assert values == pytest.approx([1.0, 1.25, 1.5, 1.75, 2.0])
    assert parse_grid("psychology.cognition_months=1:4:7")[1] == [1, 2, 3, 4]
    assert parse_param("market.shortage") == ("market.shortage", None)
    assert parse_param("market.shortage=0:0.5") == ("market.shortage", (0.0, 0.5))
    with pytest.raises(ex.ExperimentError):
        parse_grid("market.shortage")


def test_cli_sweep_writes_tables_summary_and_figures(tmp_path, capsys):
    out = tmp_path / "sweep"
    argv = ["sweep", "baseline", "--grid", "market.shortage=0,0.3", "--seeds", "3"]
    argv += ["--months", "4", "--out", str(out), "--quiet", "--no-plot"]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "6 of 6 runs finished" in text and "paired difference from shortage=0" in text
    for name in ("manifest.json", "runs.parquet", "monthly.parquet", "summary.csv"):
        assert (out / name).exists()
    assert main(["plot", str(out)]) == 0
    assert {p.name for p in (out / "figures").iterdir()} == {
        "trajectories.png",
        "response.png",
        "differences.png",
    }


def test_cli_compare_arms_of_one_base(tmp_path, capsys):
    argv = ["compare", "baseline", "--arm", "calm", "--arm", "tight", "market.shortage=0.3"]
    argv += ["--seeds", "2", "--months", "3", "--out", str(tmp_path / "c"), "--quiet", "--no-plot"]
    assert main(argv) == 0
    result = ex.load(tmp_path / "c")
    assert result.arms == ["calm", "tight"]
    assert list(result.design["market.shortage"]) == [0.0, 0.3]


def test_an_arms_file_gives_the_arms_of_a_sweep(tmp_path):
    arms = tmp_path / "arms.yaml"
    arms.write_text("calm: {}\ntight: {market.shortage: 0.3}\n")
    argv = ["sweep", "baseline", "--arms", str(arms), "--grid", "market.demand=1,1.2"]
    argv += ["--seeds", "1", "--months", "2", "--out", str(tmp_path / "s"), "--quiet", "--no-plot"]
    assert main(argv) == 0
    design = ex.load(tmp_path / "s").design
    assert list(design["arm"]) == ["calm", "calm", "tight", "tight"]
    assert list(design["market.shortage"]) == [0.0, 0.0, 0.3, 0.3]
    assert list(design["market.demand"]) == [1, 1.2, 1, 1.2]


def test_cli_reports_a_user_error_with_exit_code_2(tmp_path, capsys):
    argv = ["sweep", "baseline", "--grid", "market.shortge=0,1", "--out", str(tmp_path / "x")]
    assert main(argv) == 2
    assert "did you mean 'shortage'" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


# --- figures and imports -------------------------------------------------------------------------


def test_figure_titles_units_and_money_axes_come_from_the_declarations(small_sweep, monkeypatch):
    from sim import outcomes
    from sim.viz import experiment_plots

    drawn = []
    monkeypatch.setattr(experiment_plots, "_save", lambda fig, path: drawn.append(fig) or path)
    experiment_plots.trajectories(small_sweep, Path("unused.png"), ["headcount", "profit"])
    experiment_plots.response(small_sweep, Path("unused.png"), ["headcount_end", "profit_total"])
    trajectories, response = ([ax for ax in fig.axes if ax.get_visible()] for fig in drawn)
    headcount, profit = outcomes.BY_NAME["headcount"], outcomes.BY_NAME["profit"]
    assert trajectories[0].get_title(loc="left") == headcount.label
    assert trajectories[1].get_title(loc="left") == f"{profit.label} — trailing 12-month mean"
    assert [ax.get_ylabel() for ax in trajectories] == [headcount.unit, profit.unit]
    end, total = (
        outcomes.HEADLINE_BY_NAME["headcount_end"],
        outcomes.HEADLINE_BY_NAME["profit_total"],
    )
    assert [ax.get_title(loc="left") for ax in response] == [end.label, total.label]
    money_ticks = response[1].yaxis.get_major_formatter()
    assert money_ticks(2_500_000, 0) == "2.5M"  # money is written in k and M


def _sim_imports() -> dict[str, set[str]]:
    """Every sim module and the sim modules it imports, at the top or inside a function (those
    under ``if TYPE_CHECKING:`` are left out: they never run)."""
    import ast

    files = {}
    for file in (ROOT / "sim").rglob("*.py"):
        parts = list(file.relative_to(ROOT).with_suffix("").parts)
        files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = file
    graph: dict[str, set[str]] = {}
    for name, file in files.items():
        tree = ast.parse(file.read_text(encoding="utf-8"))
        hidden = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        targets = set()
        for node in ast.walk(tree):
            if id(node) in hidden:
                continue
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets |= {f"{node.module}.{alias.name}" for alias in node.names}
        graph[name] = set()
        for target in targets:
            while target and target not in files:
                target = target.rpartition(".")[0]
            if target and target != name:
                graph[name].add(target)
    return graph


def test_no_import_cycle_runs_through_the_experiments_or_their_figures():
    graph = _sim_imports()
    ours = [m for m in graph if m.startswith("sim.experiment") or m == "sim.viz.experiment_plots"]
    assert "sim.experiment.results" in ours and "sim.viz.experiment_plots" in ours

    def reaches(start: str, goal: str) -> bool:
        seen, stack = set(), list(graph[start])
        while stack:
            module = stack.pop()
            if module == goal:
                return True
            if module not in seen:
                seen.add(module)
                stack.extend(graph.get(module, ()))
        return False

    assert [m for m in ours if reaches(m, m)] == []
    assert not any(m.startswith("sim.viz") for m in graph["sim.experiment.results"])


# --- the tutorial --------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def _tutorial():
    spec = importlib.util.spec_from_file_location("tutorial", ROOT / "experiments" / "tutorial.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doc_commands() -> list[list[str]]:
    """Every experiment command in docs/experiments.md's shell blocks, split into arguments."""
    text = (ROOT / "docs" / "experiments.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.replace("\\\n", " ").splitlines():
            if re.match(r"orgsim (sweep|compare|sensitivity|plot) ", line):
                commands.append(shlex.split(line, comments=True))
    return commands


def test_every_experiment_command_in_the_tutorial_parses():
    parser = argparse.ArgumentParser(prog="orgsim")
    register(parser.add_subparsers(dest="command", required=True))
    commands = _doc_commands()
    assert len(commands) >= 5
    for words in commands:
        parser.parse_args(words[1:])  # exits on a bad option


def test_the_tutorial_shows_the_commands_that_make_its_figures():
    shown = [words for words in _doc_commands() if "runs/tutorial/" in " ".join(words)]
    made = [shlex.split(command) for command in _tutorial().SECTIONS.values()]
    assert sorted(map(tuple, shown)) == sorted(map(tuple, made))


@pytest.mark.slow
def test_the_tutorial_commands_run_on_tiny_experiments(monkeypatch):
    monkeypatch.chdir(ROOT)
    _tutorial().main(["--quick"])
