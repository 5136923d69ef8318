"""The runner: one experiment, from its design and settings to its gathered tables.

:func:`run_experiment` validates every point, claims the experiment folder (or resumes the
experiment it holds), hands the runs still to do to the executor, saves each run's record as it
arrives, and gathers the tidy tables at the end. With ``out=FOLDER`` the experiment lives on
disk::

    manifest.json        what was asked (scenarios, design, seeds), versions, sessions
    design.parquet       one row per point: arm and parameter values
    parts/runs/*.json    one record per finished run (written as it finishes)
    parts/monthly/*.arrow, parts/events/*.arrow       written by the worker that ran it
    runs.parquet, monthly.parquet, events.parquet     the tidy tables, gathered at the end
    summary.csv, differences.csv, sensitivity.csv     the statistics
    figures/*.png                                     drawn by sim.viz.experiment_plots
"""

from __future__ import annotations

import sys
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool

from sim.experiment.design import (
    Design,
    Task,
    check_points,
    point_table,
    presentation_field,
    run_id,
    spawn_seeds,
)
from sim.experiment.errors import ExperimentError
from sim.experiment.executors import Execution, open_execution
from sim.experiment.results import ExperimentResult, gather, save_tables
from sim.experiment.settings import RunSettings
from sim.experiment.storage import (
    FORMAT_VERSION,
    Folder,
    fingerprint,
    now,
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
    the tables; with ``settings.out``, resume the experiment the folder holds."""
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
    records: dict[str, dict] = {}
    if folder is not None:
        stored = folder.claim(manifest)
        if stored is not None:
            manifest = stored
            if reference is not None:
                manifest["reference_point"] = reference
        write_parquet(table, folder.path / "design.parquet")
        records = {rid: r for rid, r in folder.records().items() if r.get("status") == "ok"}
    tasks = []
    for point in points:
        for k, seed in enumerate(seed_values):
            rid = run_id(point.index, k)
            if rid not in records:
                tasks.append(
                    Task(
                        rid,
                        arms[point.arm],
                        point.overrides,
                        seed,
                        month_counts[point.arm],
                        str(folder.path) if folder else None,
                    )
                )
    total = len(points) * seeds
    if records and tasks:
        Folder.check_versions(manifest)
    session = {"started": now(), "kept": len(records), "to_run": len(tasks)}
    try:
        with open_execution(settings) as execution:
            session["executor"] = execution.description
            if settings.progress and records:
                print(
                    f"resuming {folder.path}: {len(records)} of {total} runs already done",
                    file=sys.stderr,
                )
            fresh = _execute(tasks, execution, folder, settings.progress, kind)
        records.update(fresh)
        session["finished"] = now()
    finally:
        if folder is not None:
            if "finished" not in session:
                session["interrupted"] = now()
            manifest.setdefault("sessions", []).append(session)
            folder.update_manifest(sessions=manifest["sessions"])
            folder.unlock()
    result = gather(
        kind, table, columns, list(settings.outputs), seed_values, records, folder, manifest
    )
    if folder is not None:
        save_tables(result, folder.path)
    return result


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
                if folder is not None:
                    record.pop("monthly", None), record.pop("events", None)
                    folder.save(record)
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
