"""The runner: one experiment, from its design and settings to its gathered tables.

:func:`run_experiment` validates every point, claims the experiment folder (or resumes the
experiment it holds), hands the runs still to do to the executor, saves each run's record as it
arrives, and gathers the tidy tables at the end. With ``out=FOLDER`` the experiment lives on
disk, and only this process writes it (workers send their results back)::

    manifest.json        what was asked (scenarios, design, seeds), versions, sessions
    design.parquet       one row per point: arm and parameter values
    parts/runs/*.json    one record per finished run (written as it finishes), with the
                         rows, size and SHA-256 of its two parts
    parts/monthly/*.arrow, parts/events/*.arrow       each run's tables, as it finishes
    runs.parquet, monthly.parquet, events.parquet     the tidy tables, gathered at the end
    summary.csv, differences.csv, sensitivity.csv     the statistics
    figures/*.png                                     drawn by sim.viz.experiment_plots

Resuming keeps every finished run whose parts are whole, runs again those whose parts are
missing, truncated or altered (and says which), and removes the temporary files a killed session
left. SIGTERM stops an experiment as Ctrl-C does; both, and a full disk, record the session as
interrupted.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool

import pandas as pd

from sim.experiment.design import (
    Design,
    Task,
    check_points,
    point_table,
    presentation_field,
    run_id,
    spawn_seeds,
)
from sim.experiment.errors import DiskFullError, ExperimentError, ExperimentWarning, Terminated
from sim.experiment.executors import Execution, open_execution
from sim.experiment.results import ExperimentResult, gather, save_tables
from sim.experiment.settings import RunSettings
from sim.experiment.signals import deferred, sigterm_as_interrupt
from sim.experiment.storage import (
    FORMAT_VERSION,
    Folder,
    damage_text,
    decode_table,
    fingerprint,
    now,
    resume_hint,
    versions,
    write_parquet,
)
from sim.experiment.worker import run_task
from sim.scenario import Scenario


def _identity(scenario: Scenario) -> dict:
    """A scenario as it enters an experiment's fingerprint: everything but its presentation."""
    data = scenario.model_dump(mode="json")
    return {key: value for key, value in data.items() if not presentation_field(key)}


def run_experiment(design: Design, settings: RunSettings) -> ExperimentResult:
    """Run every point of ``design`` ``settings.seeds`` times, as ``settings`` asks, and gather
    the tables; with ``settings.out``, resume the experiment the folder holds. SIGTERM raises
    :class:`~sim.experiment.errors.Terminated` (a KeyboardInterrupt) unless the program handles
    it itself; a full disk raises :class:`~sim.experiment.errors.DiskFullError`, which says how
    to resume."""
    kind, arms, points, reference = design.kind, design.arms, design.points, design.reference
    columns = check_points(arms, points)
    if reference is not None and not 0 <= reference < len(points):
        raise ExperimentError(f"reference point {reference} is not in 0..{len(points) - 1}")
    columns = design.parameters + [c for c in columns if c not in design.parameters]
    table = point_table(arms, points, columns)
    seeds = settings.seeds
    seed_values = spawn_seeds(settings.root_seed, seeds)
    month_counts = {label: settings.months or scenario.months for label, scenario in arms.items()}
    experiment = {
        "format": FORMAT_VERSION,
        "kind": kind,
        "arms": {label: _identity(s) for label, s in arms.items()},
        "points": [[p.arm, p.overrides] for p in points],
        "seeds": seed_values,
        "months": month_counts,
        "extra": design.extra,
    }
    manifest = {
        "kind": kind,
        "fingerprint": fingerprint(experiment),
        "started": now(),
        "command": settings.command,
        "arms": {
            label: {"scenario": s.name, "title": s.title, "months": month_counts[label]}
            for label, s in arms.items()
        },
        "overrides": design.overrides,
        "parameters": columns,
        "points": len(points),
        "seeds": {"root_seed": settings.root_seed, "replicates": seeds, "values": seed_values},
        "outputs": list(settings.outputs),
        "reference_point": reference or 0,
        "extra": design.extra,
        "versions": versions(),
        "scenarios": {label: s.model_dump(mode="json") for label, s in arms.items()},
        "sessions": [],
    }
    folder = Folder(settings.out) if settings.out is not None else None
    with resumable(settings), sigterm_as_interrupt():
        records = _session(design, settings, folder, manifest, table, seed_values, month_counts)
        result = gather(
            kind, table, columns, list(settings.outputs), seed_values, records, folder, manifest
        )
        if folder is not None:
            save_tables(result, folder.path)
    return result


@contextlib.contextmanager
def resumable(settings: RunSettings) -> Iterator[None]:
    """A full disk's error, told with how to resume the experiment."""
    try:
        yield
    except DiskFullError as exc:
        hint = resume_hint({"command": settings.command}, settings.out)
        raise DiskFullError(
            f"{exc}. The finished runs are kept: free some space, then {hint}."
        ) from None


def _session(
    design: Design,
    settings: RunSettings,
    folder: Folder | None,
    manifest: dict,
    table: pd.DataFrame,
    seed_values: list[int],
    month_counts: dict[str, int],
) -> dict[str, dict]:
    """One session of an experiment: claim (or resume) the folder, run what is still to do, and
    record the session in the manifest however it ends. The records of every finished run."""
    records: dict[str, dict] = {}
    damage = []
    if folder is not None:
        stored = folder.claim(manifest)
        try:
            if stored is not None:
                manifest.clear()
                manifest.update(stored)
                if design.reference is not None:
                    manifest["reference_point"] = design.reference
            write_parquet(table, folder.path / "design.parquet")
            records, damage = folder.read_records()
            records = {rid: r for rid, r in records.items() if r.get("status") == "ok"}
            damage += folder.damaged(records)
            for item in damage:
                records.pop(item.run_id, None)
                folder.forget(item.run_id)
        except BaseException:
            folder.unlock()
            raise
        if damage:
            warnings.warn(
                f"{folder.path}: {damage_text(damage)}; their runs are done again",
                ExperimentWarning,
                stacklevel=4,  # _session < run_experiment < sweep/compare/... < the caller
            )
    tasks = []
    for point in design.points:
        for k, seed in enumerate(seed_values):
            rid = run_id(point.index, k)
            if rid not in records:
                scenario, months = design.arms[point.arm], month_counts[point.arm]
                tasks.append(Task(rid, scenario, point.overrides, seed, months))
    total = len(design.points) * len(seed_values)
    if records and tasks:
        Folder.check_versions(manifest)
    session = {"started": now(), "kept": len(records), "to_run": len(tasks)}
    if damage:
        session["damaged"] = [item.file for item in damage]
    if folder is not None and folder.removed:
        session["removed_temporary"] = folder.removed
    failure: BaseException | None = None
    try:
        with open_execution(settings) as execution:
            session["executor"] = execution.description
            if settings.progress and records:
                print(
                    f"resuming {folder.path}: {len(records)} of {total} runs already done",
                    file=sys.stderr,
                )
            fresh = _execute(tasks, execution, folder, settings.progress, design.kind)
        records.update(fresh)
        session["finished"] = now()
    except BaseException as exc:
        failure = exc
        raise
    finally:
        if folder is not None:
            _record_session(folder, manifest, session, failure)
    return records


def _record_session(
    folder: Folder, manifest: dict, session: dict, failure: BaseException | None
) -> None:
    """Add the session to the manifest and release the folder. A second Ctrl-C or SIGTERM waits
    until it is done; when the disk is full, the error that stopped the session is the one told."""
    with deferred():
        try:
            if "finished" not in session:
                session["interrupted"] = now()
                if failure is not None:
                    session["stopped_by"] = _stopped_by(failure)
            manifest.setdefault("sessions", []).append(session)
            folder.update_manifest(sessions=manifest["sessions"])
        except DiskFullError:
            if failure is None:
                raise
        finally:
            folder.unlock()


def _stopped_by(failure: BaseException) -> str:
    if isinstance(failure, Terminated):
        return "SIGTERM"
    if isinstance(failure, KeyboardInterrupt):
        return "SIGINT"
    if isinstance(failure, DiskFullError):
        return "full disk"
    return f"{type(failure).__name__}: {str(failure)[:200]}"


def _execute(
    tasks: list[Task], execution: Execution, folder: Folder | None, progress: bool, kind: str
) -> dict[str, dict]:
    """Run the tasks, at most ``execution.window`` in flight, saving each record as it arrives."""
    bar = None
    if progress and tasks:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(tasks), unit="run", desc=kind, dynamic_ncols=True, file=sys.stderr)
    done: dict[str, dict] = {}
    failed = 0
    queue = iter(tasks)
    pending: dict[Future, Task] = {}
    executor = execution.executor

    def fill() -> None:
        nonlocal executor
        while len(pending) < execution.window:
            task = next(queue, None)
            if task is None:
                return
            try:
                pending[executor.submit(run_task, task)] = task
            except BrokenProcessPool:
                if execution.renew is None:
                    raise
                executor = execution.renew()
                pending[executor.submit(run_task, task)] = task

    try:
        fill()
        while pending:
            finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in finished:
                task = pending.pop(future)
                record = _outcome(future, task)
                record["finished_at"] = now()
                tables = record.pop("tables", None) or {}
                if folder is not None:
                    folder.write_tables(record, tables)
                else:
                    for name, (_, data) in tables.items():
                        record[name] = decode_table(data)
                done[task.run_id] = record
                failed += record["status"] != "ok"
                if bar is not None:
                    bar.set_postfix(failed=failed, refresh=False)
                    bar.update(1)
            fill()
    except BaseException:
        for future in pending:
            future.cancel()
        raise
    finally:
        if bar is not None:
            bar.close()
    return done


def _outcome(future: Future, task: Task) -> dict:
    try:
        return future.result()
    except Exception as exc:  # the worker itself died (a crash, not an exception in the run)
        return {
            "run_id": task.run_id,
            "status": "failed",
            "error": f"{type(exc).__name__}: {exc or 'the worker running it died'}",
            "elapsed_s": None,
            "worker": None,
        }
