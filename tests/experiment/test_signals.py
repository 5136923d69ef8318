"""SIGTERM stops an experiment as Ctrl-C does (a message, the session recorded, exit 143) and it
resumes byte for byte; local workers die with their parent, even under kill -9; ``orgsim app``
passes SIGTERM on to its server, so the port is free afterwards. Linux: reads /proc."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sim import experiment as ex
from sim.experiment_cli import main

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")

SEEDS, MONTHS = 30, 12
GRID = {"market.shortage": [0.0, 0.3]}
EXECUTION_FIELDS = ("elapsed_s", "worker", "finished_at")
PATIENCE = 120  # seconds a loaded machine may take to start, or to clean up; never a measure


def _argv(out: Path, workers: int) -> list[str]:
    argv = ["sweep", "baseline", "--grid", "market.shortage=0,0.3", "--seeds", str(SEEDS)]
    return (
        argv
        + ["--months", str(MONTHS), "--workers", str(workers), "--out", str(out)]
        + [
            "--quiet",
            "--no-plot",
        ]
    )


def _state(pid: int) -> str | None:
    """A process's state letter, None when it is gone (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None
    return None if state in ("Z", "X") else state


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    out, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            out.append(child)
            stack.append(child)
    return out


def _wait_until_gone(pids: list[int]) -> list[int]:
    """The processes still running after a generous wait (none, if all went)."""
    deadline = time.monotonic() + PATIENCE
    while (alive := [p for p in pids if _state(p)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def _start_sweep(out: Path, workers: int) -> subprocess.Popen:
    """The sweep in its own process (and process group, to clean up if a check fails), once it
    has finished a few runs."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sim.experiment_cli", *_argv(out, workers)],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + PATIENCE
    while len(list((out / "parts" / "runs").glob("*.json"))) < 3:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the sweep did not start"
        time.sleep(0.005)
    return proc


def _clean_up(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _record(file: Path) -> dict:
    record = json.loads(file.read_text())
    return {k: v for k, v in record.items() if k not in EXECUTION_FIELDS}


def _assert_same_folder(resumed: Path, whole: Path) -> None:
    """Byte for byte: every table part and gathered table; every record but how it ran."""
    for name in ("design.parquet", "monthly.parquet", "events.parquet", "summary.csv"):
        assert (resumed / name).read_bytes() == (whole / name).read_bytes(), name
    parts = sorted(p.relative_to(whole) for p in (whole / "parts").rglob("*.arrow"))
    assert sorted(p.relative_to(resumed) for p in (resumed / "parts").rglob("*.arrow")) == parts
    for part in parts:
        assert (resumed / part).read_bytes() == (whole / part).read_bytes(), part
    for file in (whole / "parts" / "runs").glob("*.json"):
        assert _record(resumed / "parts" / "runs" / file.name) == _record(file), file.name


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "exp"
    ex.sweep("baseline", GRID, seeds=SEEDS, months=MONTHS, out=out)
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_stops_a_sweep_as_ctrl_c_does_and_it_resumes_byte_for_byte(
    tmp_path, whole, workers
):
    out = tmp_path / "stopped"
    proc = _start_sweep(out, workers)
    try:
        helpers = _descendants(proc.pid)  # the workers (and multiprocessing's resource tracker)
        assert len(helpers) >= (2 if workers > 1 else 0)
        proc.send_signal(signal.SIGTERM)  # to the main process alone, as `kill PID` does
        err = proc.communicate(timeout=PATIENCE)[1].decode()
    finally:
        _clean_up(proc)
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        f"orgsim sweep: stopped by SIGTERM; finished runs are kept. Run the same command again "
        f"on {out} to resume."
    ]
    session = json.loads((out / "manifest.json").read_text())["sessions"][-1]
    assert session["stopped_by"] == "SIGTERM" and "interrupted" in session
    assert "finished" not in session
    assert _wait_until_gone(helpers) == []
    assert not (out / ".lock").exists()
    assert not [p for p in out.rglob("*.tmp")]
    done = len(list((out / "parts" / "runs").glob("*.json")))
    assert 3 <= done < 2 * SEEDS, "the signal came too late to test anything"

    assert main(_argv(out, workers)) == 0
    sessions = json.loads((out / "manifest.json").read_text())["sessions"]
    assert [(s["kept"], s["to_run"]) for s in sessions[-2:]] == [(0, 60), (done, 60 - done)]
    _assert_same_folder(out, whole)


def test_workers_die_with_their_parent_even_when_it_is_killed_with_sigkill(tmp_path, whole):
    out = tmp_path / "killed"
    proc = _start_sweep(out, 2)
    helpers: list[int] = []
    try:
        helpers = _descendants(proc.pid)
        assert len(helpers) >= 2
        proc.send_signal(signal.SIGKILL)  # the main process alone: it can clean up nothing
        proc.wait(timeout=PATIENCE)
        assert _wait_until_gone(helpers) == []
    finally:
        _clean_up(proc)
        for pid in helpers:  # orphans now (nothing left, unless the check above failed)
            if _state(pid):
                os.kill(pid, signal.SIGKILL)
    assert main(_argv(out, 2)) == 0
    _assert_same_folder(out, whole)


# A pool whose two workers are both inside a ten-minute task: without the parent-death signal they
# would outlive their parent by that long (a worker only sees its parent gone between tasks). Each
# task leaves a file named by its worker's pid when it starts, so the parent is killed only once
# both workers are past their start-up (whose own check of the parent would hide a missing signal).
BUSY_TASK = """
import os, pathlib, time
def busy(folder):
    pathlib.Path(folder, str(os.getpid())).touch()
    time.sleep(600)
"""
BUSY_POOL = """
import sys, time
sys.path.insert(0, sys.argv[1])
from busy_task import busy
from sim.experiment import process_pool
pool = process_pool(2)
futures = [pool.submit(busy, sys.argv[2]) for _ in range(2)]
time.sleep(600)
"""


def test_a_busy_worker_dies_at_once_with_its_killed_parent(tmp_path):
    (tmp_path / "busy_task.py").write_text(BUSY_TASK)
    started = tmp_path / "started"
    started.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-c", BUSY_POOL, str(tmp_path), str(started)],
        start_new_session=True,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + PATIENCE
        while len(workers := [int(p.name) for p in started.iterdir()]) < 2:
            assert proc.poll() is None, "the pool died"
            assert time.monotonic() < deadline, "the workers did not start their tasks"
            time.sleep(0.01)
        assert set(workers) <= set(_descendants(proc.pid))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=PATIENCE)
        assert _wait_until_gone(workers) == []
    finally:
        _clean_up(proc)
        for pid in workers:  # orphans now (nothing left, unless the check above failed)
            if _state(pid):
                os.kill(pid, signal.SIGKILL)


def test_sigterm_raises_terminated_only_where_the_program_has_no_handler_of_its_own():
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers belong to the main thread")
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        with pytest.raises(ex.Terminated), ex.sigterm_as_interrupt():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(PATIENCE)  # the signal arrives before this ends
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        assert issubclass(ex.Terminated, KeyboardInterrupt)  # every Ctrl-C clean-up applies

        seen = []
        signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
        with ex.sigterm_as_interrupt():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.01)
        assert seen == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, before)


# --- orgsim app ----------------------------------------------------------------------------------

APP = (
    "import argparse, sys; from sim.viz import app_cli; parser = argparse.ArgumentParser(); "
    "app_cli.register(parser.add_subparsers()); args = parser.parse_args(sys.argv[1:]); "
    "sys.exit(args.func(args))"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _can_bind(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is not a listener
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def test_orgsim_app_passes_sigterm_to_its_server_and_the_port_is_free_afterwards(tmp_path):
    port = _free_port()
    log = tmp_path / "app.log"
    with open(log, "w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-c", APP, "app", "--port", str(port)],
            start_new_session=True,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + PATIENCE
        while _can_bind(port):
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the app server did not start"
            time.sleep(0.1)
        server = _descendants(proc.pid)
        assert server, "the app runs its server as a child process"
        proc.send_signal(signal.SIGTERM)  # to `orgsim app` alone, as `kill PID` does
        assert proc.wait(timeout=PATIENCE) == 143, log.read_text()
        assert [p for p in server if _state(p)] == []  # it waited for its server to end
        assert _can_bind(port)
        assert "orgsim app: stopped by SIGTERM" in log.read_text()
    finally:
        _clean_up(proc)
