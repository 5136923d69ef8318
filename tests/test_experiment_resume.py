"""An experiment folder survives: a rerun resumes, a kill loses only the runs in flight, and a
folder holding anything else is never written to."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from pyarrow import feather

from sim import experiment as ex
from sim.experiment_cli import main

MONTHS = 4
GRID = {"market.shortage": [0.0, 0.3]}


def _records(folder: Path) -> dict[str, str]:
    """Each finished run's record, as written."""
    return {p.stem: p.read_text() for p in (folder / "parts" / "runs").glob("*.json")}


def _same_results(a: ex.ExperimentResult, b: ex.ExperimentResult) -> None:
    drop = list(ex.EXECUTION_COLUMNS)
    pd.testing.assert_frame_equal(a.runs.drop(columns=drop), b.runs.drop(columns=drop))
    pd.testing.assert_frame_equal(a.monthly, b.monthly)
    pd.testing.assert_frame_equal(a.events, b.events)


def test_running_a_finished_experiment_again_redoes_nothing(tmp_path):
    out = tmp_path / "exp"
    first = ex.sweep("baseline", GRID, seeds=3, months=MONTHS, out=out)
    before = _records(out)
    again = ex.sweep("baseline", GRID, seeds=3, months=MONTHS, out=out)
    assert _records(out) == before
    pd.testing.assert_frame_equal(first.runs, again.runs)
    sessions = json.loads((out / "manifest.json").read_text())["sessions"]
    assert [(s["kept"], s["to_run"]) for s in sessions] == [(0, 6), (6, 0)]


def test_a_folder_of_another_experiment_is_never_overwritten(tmp_path):
    out = tmp_path / "exp"
    ex.sweep("baseline", GRID, seeds=2, months=MONTHS, out=out)
    files = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(ex.ExperimentFolderError, match="different experiment"):
        ex.sweep("baseline", {"market.shortage": [0.0, 0.4]}, seeds=2, months=MONTHS, out=out)
    with pytest.raises(ex.ExperimentFolderError, match="seeds .* 2 replicates.* 3 replicates"):
        ex.sweep("baseline", GRID, seeds=3, months=MONTHS, out=out)
    with pytest.raises(ex.ExperimentFolderError, match="market.inflation_annual 0.0 -> 0.05"):
        ex.sweep(
            "baseline",
            GRID,
            seeds=2,
            months=MONTHS,
            overrides={"market.inflation_annual": 0.05},
            out=out,
        )
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == files


def test_a_folder_with_other_files_is_never_written_to(tmp_path):
    (tmp_path / "thesis.tex").write_text("chapter 1")
    with pytest.raises(ex.ExperimentFolderError, match="not empty"):
        ex.replicate("baseline", seeds=1, months=1, out=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.tex"]


def test_failed_runs_are_retried_when_the_experiment_is_run_again(tmp_path, monkeypatch):
    out = tmp_path / "exp"
    real = ex.simulate
    doomed = ex.spawn_seeds(0, 3)[2]

    def flaky(scenario, seed, months):
        if seed == doomed:
            raise MemoryError("the node ran out of memory")
        return real(scenario, seed, months)

    monkeypatch.setattr("sim.experiment.worker.simulate", flaky)
    broken = ex.sweep("baseline", GRID, seeds=3, months=MONTHS, out=out)
    assert sorted(broken.failed["run_id"]) == ["p0000-r002", "p0001-r002"]
    kept = {k: v for k, v in _records(out).items() if k not in broken.failed["run_id"].values}
    monkeypatch.setattr("sim.experiment.worker.simulate", real)
    fixed = ex.sweep("baseline", GRID, seeds=3, months=MONTHS, out=out)
    assert fixed.failed.empty
    assert {k: v for k, v in _records(out).items() if k in kept} == kept
    _same_results(fixed, ex.sweep("baseline", GRID, seeds=3, months=MONTHS))


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_killed_sweep_resumes_and_loses_only_the_runs_in_flight(tmp_path, workers):
    out = tmp_path / "killed"
    seeds, months = 30, 12
    argv = ["sweep", "baseline", "--grid", "market.shortage=0,0.3", "--seeds", str(seeds)]
    argv += ["--months", str(months), "--workers", str(workers), "--out", str(out)]
    argv += ["--quiet", "--no-plot"]
    total = 2 * seeds
    proc = subprocess.Popen(
        [sys.executable, "-m", "sim.experiment_cli", *argv],
        start_new_session=True,  # its own process group: the kill takes the workers too
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    records = out / "parts" / "runs"
    deadline = time.monotonic() + 120
    try:
        while len(list(records.glob("*.json"))) < 3:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the sweep did not start"
            time.sleep(0.005)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    done_at_kill = _records(out)
    assert 3 <= len(done_at_kill) < total, "the kill came too late to test anything"
    # nothing half-written: every table part that exists reads whole
    for part in (out / "parts").rglob("*.arrow"):
        feather.read_table(part)

    assert main(argv) == 0  # the same command resumes
    assert {k: v for k, v in _records(out).items() if k in done_at_kill} == done_at_kill
    session = json.loads((out / "manifest.json").read_text())["sessions"][-1]
    assert session["kept"] == len(done_at_kill)
    assert session["to_run"] == total - len(done_at_kill)
    resumed = ex.load(out)
    assert (resumed.runs["status"] == "ok").all() and len(resumed.runs) == total
    _same_results(resumed, ex.sweep("baseline", GRID, seeds=seeds, months=months))
