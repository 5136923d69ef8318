"""An experiment folder survives damage: a truncated, altered or missing part is named and run
again, a full disk leaves nothing half-written and says how to resume, temporary files of a
killed session are removed, files follow the umask, and the JSON is strict."""

from __future__ import annotations

import errno
import json
import math
import os
import pickle
import stat
import subprocess
import sys
from concurrent.futures import Executor
from pathlib import Path

import pandas as pd
import pytest
from pyarrow import feather

from sim import experiment as ex
from sim.experiment import storage
from sim.experiment_cli import main
from sim.model import OrgModel

MONTHS = 4
GRID = {"market.shortage": [0.0, 0.3]}
ARGV = ["sweep", "baseline", "--grid", "market.shortage=0,0.3", "--seeds", "2"]
ARGV += ["--months", str(MONTHS), "--quiet", "--no-plot"]


def _same_results(a: ex.ExperimentResult, b: ex.ExperimentResult) -> None:
    drop = list(ex.EXECUTION_COLUMNS)
    pd.testing.assert_frame_equal(a.runs.drop(columns=drop), b.runs.drop(columns=drop))
    pd.testing.assert_frame_equal(a.monthly, b.monthly)
    pd.testing.assert_frame_equal(a.events, b.events)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[ex.ExperimentResult, Path]:
    out = tmp_path_factory.mktemp("whole") / "exp"
    return ex.sweep("baseline", GRID, seeds=2, months=MONTHS, out=out), out


@pytest.fixture
def finished(tmp_path, uninterrupted) -> Path:
    """A finished experiment folder, a copy of the uninterrupted one, to damage."""
    _, source = uninterrupted
    out = tmp_path / "exp"
    for name, data in _files(source).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return out


def _resume(out: Path) -> ex.ExperimentResult:
    return ex.sweep("baseline", GRID, seeds=2, months=MONTHS, out=out)


def test_a_truncated_part_is_named_by_load_and_run_again_on_resume(finished, uninterrupted):
    part = finished / "parts" / "monthly" / "p0001-r000.arrow"
    whole = part.read_bytes()
    part.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ex.ExperimentDamageError) as caught:
        ex.load(finished)
    message = str(caught.value)
    assert f"parts/monthly/p0001-r000.arrow (truncated: {len(whole) // 2:,} of {len(whole):,}" in (
        message
    )
    assert f"run the same experiment again with out={str(finished)!r}" in message
    kept = {k: v for k, v in _files(finished / "parts").items() if "p0001-r000" not in k}

    with pytest.warns(ex.ExperimentWarning, match=r"parts/monthly/p0001-r000.arrow \(truncated"):
        resumed = _resume(finished)
    assert part.read_bytes() == whole
    session = resumed.manifest["sessions"][-1]
    assert (session["kept"], session["to_run"]) == (3, 1)
    assert session["damaged"] == ["parts/monthly/p0001-r000.arrow"]
    assert {k: v for k, v in _files(finished / "parts").items() if k in kept} == kept
    _same_results(resumed, uninterrupted[0])
    _same_results(ex.load(finished), uninterrupted[0])


def test_a_part_cut_short_that_still_reads_as_a_table_is_caught(finished, uninterrupted):
    part = finished / "parts" / "events" / "p0000-r001.arrow"
    fewer = feather.read_table(part).slice(0, 3)  # a valid Arrow file, with rows missing
    feather.write_feather(fewer, part)
    with pytest.raises(ex.ExperimentDamageError, match=r"p0000-r001.arrow \(truncated"):
        ex.load(finished)
    with pytest.warns(ex.ExperimentWarning, match="p0000-r001.arrow"):
        _same_results(_resume(finished), uninterrupted[0])


def test_a_part_altered_in_place_is_caught_by_its_checksum(finished, uninterrupted):
    part = finished / "parts" / "monthly" / "p0000-r000.arrow"
    data = part.read_bytes()
    assert data.count(b"pyarrow") >= 1
    part.write_bytes(data.replace(b"pyarrow", b"PYARROW"))  # same size, and still readable
    assert feather.read_table(part).num_rows == MONTHS + 1
    with pytest.raises(ex.ExperimentDamageError, match=r"p0000-r000.arrow \(altered"):
        ex.load(finished)
    with pytest.warns(ex.ExperimentWarning, match="altered"):
        _same_results(_resume(finished), uninterrupted[0])


def test_a_missing_part_and_a_damaged_record_are_both_named(finished, uninterrupted):
    (finished / "parts" / "events" / "p0001-r001.arrow").unlink()
    record = finished / "parts" / "runs" / "p0000-r000.json"
    record.write_bytes(record.read_bytes()[:40])
    with pytest.raises(ex.ExperimentDamageError) as caught:
        ex.load(finished)
    assert "2 damaged files" in str(caught.value)
    assert "parts/runs/p0000-r000.json (not a run record)" in str(caught.value)
    assert "parts/events/p0001-r001.arrow (missing)" in str(caught.value)
    with pytest.warns(ex.ExperimentWarning, match="2 damaged files"):
        resumed = _resume(finished)
    assert resumed.manifest["sessions"][-1]["to_run"] == 2
    _same_results(ex.load(finished), uninterrupted[0])


def test_a_damaged_part_is_named_by_the_plot_command_with_the_command_to_resume(tmp_path, capsys):
    out = tmp_path / "exp"
    assert main([*ARGV, "--out", str(out)]) == 0
    (out / "parts" / "monthly" / "p0000-r000.arrow").write_bytes(b"ARROW1")
    capsys.readouterr()
    assert main(["plot", str(out)]) == 2
    err = capsys.readouterr().err
    assert "p0000-r000.arrow (truncated: 6 of" in err
    assert f"run the same command again to resume it: orgsim {' '.join(ARGV)} --out {out}" in err
    assert "Traceback" not in err


def test_a_damaged_manifest_is_named_and_the_folder_left_alone(finished):
    manifest = finished / "manifest.json"
    manifest.write_text('{"kind": "sweep", "fing')
    before = _files(finished)
    for action in (lambda: ex.load(finished), lambda: _resume(finished)):
        with pytest.raises(ex.ExperimentDamageError, match="manifest.json is damaged"):
            action()
    assert _files(finished) == before


def test_a_resumed_experiment_removes_the_temporary_files_a_killed_one_left(finished):
    ours = [
        finished / "parts" / "runs" / ".p0000-r000.json.4242.tmp",
        finished / "parts" / "monthly" / ".p0001-r000.arrow.77.tmp",
        finished / ".monthly.parquet.31337.tmp",
    ]
    for file in ours:
        file.write_bytes(b"half a table")
    theirs = finished / ".notes.tmp"  # not the .<name>.<pid>.tmp of a writer of ours
    theirs.write_text("keep me")
    resumed = _resume(finished)
    assert not any(file.exists() for file in ours)
    assert theirs.read_text() == "keep me"
    assert resumed.manifest["sessions"][-1]["removed_temporary"] == sorted(
        f.relative_to(finished).as_posix() for f in ours
    )


def test_a_folder_holding_only_what_a_killed_start_left_is_taken(tmp_path, uninterrupted):
    out = tmp_path / "exp"
    out.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )  # a pid that no longer runs
    (out / ".lock").write_text(f"{dead.stdout.strip()} somehost\n")
    (out / f".manifest.json.{dead.stdout.strip()}.tmp").write_text('{"kind"')
    _same_results(_resume(out), uninterrupted[0])
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


# --- a full disk -------------------------------------------------------------------------------


def _fill_the_disk_after(monkeypatch, writes: int, code: int) -> list[str]:
    """From the ``writes``-th write on, every write stops halfway with a full disk."""
    real = storage._write_bytes
    calls: list[str] = []

    def full(handle, data):
        calls.append(handle.name)
        if len(calls) <= writes:
            return real(handle, data)
        real(handle, data[: len(data) // 2])
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(storage, "_write_bytes", full)
    return calls


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT], ids=["ENOSPC", "EDQUOT"])
def test_a_full_disk_gives_one_message_leaves_nothing_half_written_and_resumes(
    tmp_path, monkeypatch, capsys, uninterrupted, code
):
    out = tmp_path / "exp"
    argv = [*ARGV, "--out", str(out)]
    # lock, manifest, design, then 3 files a run: the disk fills while the third run is written
    calls = _fill_the_disk_after(monkeypatch, 3 + 2 * 3 + 1, code)
    assert main(argv) == 1
    err = capsys.readouterr().err
    # after the write that failed, only the manifest was tried (to record the session)
    assert [Path(c).name.split(".")[1:3] for c in calls[10:]] == [
        ["p0001-r000", "arrow"],
        ["manifest", "json"],
    ]
    assert err.count("orgsim sweep:") == 1 and "Traceback" not in err
    assert f"the disk is full ({os.strerror(code)}); nothing half-written was left" in err
    assert f"run the same command again to resume it: orgsim {' '.join(argv)}" in err
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    records = sorted(p.stem for p in (out / "parts" / "runs").glob("*.json"))
    assert records == ["p0000-r000", "p0000-r001"]
    for part in (out / "parts").rglob("*.arrow"):
        feather.read_table(part)  # every file there is whole
    json.loads((out / "manifest.json").read_text())

    monkeypatch.undo()
    assert main(argv) == 0
    resumed = ex.load(out)
    assert resumed.manifest["sessions"][-1]["kept"] == 2
    _same_results(resumed, uninterrupted[0])


def test_a_full_disk_in_python_raises_one_error_saying_how_to_resume(tmp_path, monkeypatch):
    out = tmp_path / "exp"
    _fill_the_disk_after(monkeypatch, 5, errno.ENOSPC)
    with pytest.raises(ex.DiskFullError) as caught:
        _resume(out)
    assert caught.value.__suppress_context__ and caught.value.__cause__ is None
    assert f"run the same experiment again with out={str(out)!r} to resume it" in str(caught.value)
    monkeypatch.undo()
    stored = json.loads((out / "manifest.json").read_text())
    assert stored["sessions"] == []  # the disk stayed full: the old manifest is intact


def test_a_disk_full_only_for_a_moment_records_the_session_as_stopped_by_it(tmp_path, monkeypatch):
    out = tmp_path / "exp"
    real = storage._write_bytes
    calls = []

    def once(handle, data):
        calls.append(handle.name)
        if len(calls) == 6:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(handle, data)

    monkeypatch.setattr(storage, "_write_bytes", once)
    with pytest.raises(ex.DiskFullError):
        _resume(out)
    session = json.loads((out / "manifest.json").read_text())["sessions"][-1]
    assert session["stopped_by"] == "full disk" and "interrupted" in session


# --- modes and JSON ----------------------------------------------------------------------------


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_every_file_an_experiment_writes_follows_the_umask(tmp_path, umask, mode):
    before = os.umask(umask)
    try:
        result = ex.sweep("baseline", GRID, seeds=1, months=2, out=tmp_path / "exp")
        assert main([*ARGV, "--out", str(tmp_path / "cli")]) == 0
        from sim.viz.experiment_plots import plot_experiment

        plot_experiment(result)
    finally:
        os.umask(before)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) > 20
    assert {
        p.relative_to(tmp_path).as_posix(): oct(stat.S_IMODE(p.stat().st_mode)) for p in files
    } == {p.relative_to(tmp_path).as_posix(): oct(mode) for p in files}


def _strict(text: str):
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_json_is_strict_and_an_undefined_figure_is_null_yet_nan_in_the_tables(
    tmp_path, monkeypatch
):
    real = OrgModel.summary

    def undefined(self, *args, **kwargs):
        summary = real(self, *args, **kwargs)
        summary["mean_satisfaction"] = float("nan")
        summary["profit_total"] = math.inf
        return summary

    monkeypatch.setattr(OrgModel, "summary", undefined)
    out = tmp_path / "exp"
    folder = ex.sweep("baseline", GRID, seeds=2, months=2, out=out)
    for file in out.rglob("*.json"):
        _strict(file.read_text())
    record = _strict((out / "parts" / "runs" / "p0000-r000.json").read_text())
    assert record["summary"]["mean_satisfaction"] is None
    assert record["summary"]["profit_total"] is None
    memory = ex.sweep("baseline", GRID, seeds=2, months=2)
    assert memory.runs["mean_satisfaction"].isna().all()
    _same_results(ex.load(out), memory)  # every figure read from null: NaN and float, as here
    _same_results(ex.sweep("baseline", GRID, seeds=2, months=2, out=out), folder)


def test_strict_json_turns_every_undefined_number_into_null():
    import numpy as np

    data = {"a": [1.5, float("nan"), np.float64("-inf")], "b": (np.int64(3), np.nan), "c": "NaN"}
    assert storage.strict_json(data) == {"a": [1.5, None, None], "b": [3, None], "c": "NaN"}


# --- workers never write -------------------------------------------------------------------------


class Inspecting(Executor):
    """Runs each task here, after checking that nothing sent to it names the folder."""

    def __init__(self, forbidden: str):
        self.forbidden = forbidden.encode()
        self.inner = ex.SequentialExecutor()
        self.sent = 0

    def submit(self, fn, /, *args, **kwargs):
        blob = pickle.dumps((fn, args, kwargs))
        assert self.forbidden not in blob, "a worker was told where the experiment folder is"
        self.sent += 1
        return self.inner.submit(fn, *args, **kwargs)


def test_workers_are_never_told_the_folder_and_the_client_writes_every_part(
    tmp_path, uninterrupted
):
    out = tmp_path / "a-folder-no-worker-may-know"
    executor = Inspecting(out.name)
    result = ex.sweep("baseline", GRID, seeds=2, months=MONTHS, executor=executor, out=out)
    assert executor.sent == 4
    assert len(list((out / "parts").rglob("*.arrow"))) == 8
    _same_results(result, uninterrupted[0])
