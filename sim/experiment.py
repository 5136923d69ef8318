"""Experiments: replicates, sweeps, comparisons and sensitivity analysis, resumable, on any executor.

>>> from sim.experiment import replicate, sweep, compare, sensitivity
>>> result = sweep("baseline", {"market.shortage": [0.0, 0.2, 0.4]}, seeds=20, months=60)
>>> result.summary()          # per point and headline figure: mean and 95% interval
>>> result.differences()      # paired (common random numbers) differences from the first point

Every experiment is a *design* (points: an arm, i.e. a base scenario, plus dotted-path overrides)
crossed with *replicates*. One root seed spawns one seed per replicate
(``numpy.random.SeedSequence(root).spawn``), and replicate k of every point uses the same seed:
common random numbers, so that differences between points are paired and their intervals narrow.

Runs execute on any :class:`concurrent.futures.Executor`: in this process by default, local
processes with ``workers=N``, a Dask cluster with ``dask="tcp://host:port"``. A run's numbers
depend only on its scenario, overrides and seed, so every executor gives the same tables.

With ``out=FOLDER`` the experiment lives on disk::

    manifest.json        what was asked (scenarios, design, seeds), versions, sessions
    design.parquet       one row per point: arm and parameter values
    parts/runs/*.json    one record per finished run (written as it finishes)
    parts/monthly/*.arrow, parts/events/*.arrow       written by the worker that ran it
    runs.parquet, monthly.parquet, events.parquet     the tidy tables, gathered at the end
    summary.csv, differences.csv, sensitivity.csv     the statistics
    figures/*.png

Calling the same experiment again on that folder resumes it: finished runs are kept, failed and
missing runs are (re)done. A folder holding a different experiment is never written to.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import hashlib
import itertools
import json
import math
import multiprocessing
import os
import platform
import socket
import subprocess
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import feather

from sim import paths
from sim.model import OrgModel
from sim.scenario import Scenario, load_scenario

FORMAT_VERSION = 1

# Headline figures analysed by default (keys of OrgModel.summary()).
DEFAULT_OUTPUTS = (
    "voluntary_turnover_annual",
    "mean_satisfaction",
    "profit_total",
    "headcount_end",
)
# Columns of the runs table that describe how a run was executed, not what it produced: they
# differ between executors and sessions and are left out of every comparison of results.
EXECUTION_COLUMNS = ("elapsed_s", "worker", "finished_at")


def _presentation(field: str) -> bool:
    """Scenario fields that only present the case (its name, title and story, in any language):
    editing them does not make a different experiment."""
    return field == "name" or field.startswith(("title", "story"))


class ExperimentError(RuntimeError):
    """An experiment that cannot be run as asked (bad design, unusable folder, missing extra)."""


class ExperimentWarning(UserWarning):
    """Something a researcher should know about an experiment that still runs."""


class ExperimentFolderError(ExperimentError):
    """The output folder holds something else: another experiment, or files orgsim did not write."""


# --- the design ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Point:
    """One point of a design: an arm (a named base scenario) and the overrides applied to it."""

    index: int
    arm: str
    overrides: dict[str, Any]


@dataclasses.dataclass(frozen=True)
class Task:
    """What a worker needs for one run; small, picklable, self-contained."""

    run_id: str
    scenario: Scenario
    overrides: dict[str, Any]
    seed: int
    months: int
    out: str | None


def spawn_seeds(root_seed: int, n: int) -> list[int]:
    """``n`` independent seeds from one root (``SeedSequence.spawn``), as non-negative 63-bit ints."""
    if n < 1:
        raise ExperimentError(f"seeds must be at least 1, not {n}")
    children = np.random.SeedSequence(root_seed).spawn(n)
    return [int(child.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1)) for child in children]


def _design_rng(root_seed: int) -> np.random.Generator:
    """The generator of sampled designs: a stream apart from the replicate seeds."""
    return np.random.default_rng(np.random.SeedSequence([root_seed, 0x5EED]))


def as_scenario(scenario: Scenario | str | os.PathLike) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load_scenario(scenario)


def _arms(scenarios, base=None, overrides=None) -> dict[str, Scenario]:
    """Named base scenarios. ``scenarios``: one scenario, a list of them, or a mapping label ->
    scenario | name/path | dict of overrides applied to ``base``. ``overrides`` apply to all."""
    if isinstance(scenarios, Scenario | str | os.PathLike):
        scenarios = [scenarios]
    if not isinstance(scenarios, Mapping):
        labelled: dict[str, Any] = {}
        for item in scenarios:
            label = item.name if isinstance(item, Scenario) else Path(str(item)).stem
            if "=" in str(item) and not isinstance(item, Scenario):
                label, item = str(item).split("=", 1)
            if label in labelled:
                raise ExperimentError(
                    f"two arms are labelled {label!r}; label them: label=scenario"
                )
            labelled[label] = item
        scenarios = labelled
    if not scenarios:
        raise ExperimentError("an experiment needs at least one scenario")
    base_scenario = as_scenario(base) if base is not None else None
    arms: dict[str, Scenario] = {}
    for label, item in scenarios.items():
        if isinstance(item, Mapping):
            if base_scenario is None:
                raise ExperimentError(f"arm {label!r} is a set of overrides: give base=SCENARIO")
            scenario = base_scenario.with_overrides(
                {**(overrides or {}), **item}, source=f"arm {label!r}"
            )
        else:
            scenario = as_scenario(item).with_overrides(overrides, source=f"--set on arm {label!r}")
        arms[str(label)] = scenario
    return arms


def _arm_columns(scenarios, arms: dict[str, Scenario]) -> list[str]:
    """The parameters that arms given as override mappings set, as parameter columns (a whole
    block or list, such as ``policies``, is left out: it is not one parameter)."""
    columns: list[str] = []
    if isinstance(scenarios, Mapping):
        for label, item in scenarios.items():
            if not isinstance(item, Mapping):
                continue
            for path in item:
                if path in columns:
                    continue
                try:
                    paths.resolve(path, arms[str(label)])
                except paths.ParameterPathError:
                    continue
                columns.append(path)
    return columns


def _grid_points(arms: dict[str, Scenario], grid) -> list[Point]:
    """Arms crossed with a full-factorial grid (mapping path -> values) or a list of override dicts."""
    if grid is None or (isinstance(grid, Mapping) and not grid):
        combos: list[dict[str, Any]] = [{}]
    elif isinstance(grid, Mapping):
        for path, values in grid.items():
            if isinstance(values, str) or not isinstance(values, Iterable):
                raise ExperimentError(f"grid values of {path} must be a list, not {values!r}")
        keys = list(grid)
        combos = [
            dict(zip(keys, values, strict=True))
            for values in itertools.product(*(list(grid[k]) for k in keys))
        ]
    else:
        combos = [dict(point) for point in grid]
    points = []
    for arm in arms:
        for combo in combos:
            points.append(Point(len(points), arm, combo))
    return points


def _check_points(arms: dict[str, Scenario], points: list[Point]) -> list[str]:
    """Resolve every path and validate every point now, so that a typo fails before any run.
    Returns the parameter columns: every path a point or an arm sets."""
    columns: list[str] = []
    for point in points:
        for path in point.overrides:
            if path not in columns:
                try:
                    paths.resolve(path, arms[point.arm])
                except paths.ParameterPathError as exc:
                    raise ExperimentError(f"arm {point.arm!r}: {exc}") from None
                columns.append(path)
        arms[point.arm].with_overrides(point.overrides, source=f"point {point.index}")
    return columns


def _point_table(arms: dict[str, Scenario], points: list[Point], columns: list[str]):
    rows = []
    for point in points:
        scenario = arms[point.arm]
        row: dict[str, Any] = {"point": point.index, "arm": point.arm}
        for path in columns:
            row[path] = (
                point.overrides[path] if path in point.overrides else paths.value(scenario, path)
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=["point", "arm", *columns])


def run_id(point: int, replicate: int) -> str:
    return f"p{point:04d}-r{replicate:03d}"


# --- parameter bounds and sampled designs ------------------------------------------------------


def parameter_bounds(
    parameters: Sequence[str] | Mapping[str, tuple[float, float] | None],
    scenario: Scenario | None = None,
    root=None,
) -> dict[str, tuple[float, float]]:
    """Bounds of each parameter: the declared ``[lo, hi]``, or a narrower range given for it.

    ``parameters`` is a list of dotted paths, or a mapping path -> None (the declared bounds),
    (lo, hi), or ``"P%"``: the scenario's value plus and minus P percent, within the declared
    bounds. A given range must lie within the declaration; a parameter must be a number with
    finite bounds.
    """
    if not isinstance(parameters, Mapping):
        parameters = dict.fromkeys(parameters)
    if not parameters:
        raise ExperimentError("name at least one parameter")
    out: dict[str, tuple[float, float]] = {}
    for path, given in parameters.items():
        try:
            info = paths.resolve(path, scenario, root=root)
        except paths.ParameterPathError as exc:
            raise ExperimentError(str(exc)) from None
        if info.kind not in ("float", "int"):
            raise ExperimentError(f"{path} is a {info.kind} parameter; only numbers can be sampled")
        lo, hi = info.lo, info.hi
        if isinstance(given, str):
            given = _relative_range(path, given, info, scenario)
        if given is not None:
            glo, ghi = (float(v) for v in given)
            if (lo is not None and glo < lo) or (hi is not None and ghi > hi) or glo >= ghi:
                raise ExperimentError(
                    f"{path}: range [{glo}, {ghi}] must be increasing and within the declared "
                    f"[{lo}, {hi}] {info.unit}"
                )
            lo, hi = glo, ghi
        if lo is None or hi is None or not (math.isfinite(lo) and math.isfinite(hi)):
            raise ExperimentError(
                f"{path} has no finite declared bounds; give a range: {path}=lo:hi"
            )
        out[path] = (float(lo), float(hi))
    return out


def _relative_range(path: str, text: str, info, scenario) -> tuple[float, float]:
    """``"50%"`` -> the scenario's value plus and minus 50%, clipped to the declared bounds."""
    try:
        share = float(text.strip().removesuffix("%")) / 100.0
    except ValueError:
        raise ExperimentError(f"{path}: range {text!r} is not lo:hi nor a percentage") from None
    if not text.strip().endswith("%") or share <= 0:
        raise ExperimentError(f"{path}: a relative range is a positive percentage, like 50%")
    centre = paths.value(scenario, path) if scenario is not None else info.default
    if centre is None or not isinstance(centre, int | float) or centre == 0:
        raise ExperimentError(
            f"{path}: its value is {centre!r}, so a range relative to it is empty; give lo:hi"
        )
    lo, hi = sorted((centre * (1 - share), centre * (1 + share)))
    if info.lo is not None:
        lo = max(lo, info.lo)
    if info.hi is not None:
        hi = min(hi, info.hi)
    return lo, hi


def _kinds(names: Iterable[str], scenario: Scenario | None, root=None) -> dict[str, str]:
    return {name: paths.resolve(name, scenario, root=root).kind for name in names}


def _as_values(row: np.ndarray, names: Sequence[str], kinds: Mapping[str, str]) -> dict:
    """One sampled row as overrides; integer parameters are rounded."""
    return {
        name: int(round(float(x))) if kinds[name] == "int" else float(x)
        for name, x in zip(names, row, strict=True)
    }


def latin_hypercube(
    parameters, n: int, scenario: Scenario, root_seed: int = 0
) -> list[dict[str, Any]]:
    """``n`` points spread over the parameters' bounds by Latin hypercube sampling."""
    from scipy.stats import qmc

    bounds = parameter_bounds(parameters, scenario)
    names = list(bounds)
    unit = qmc.LatinHypercube(d=len(names), rng=_design_rng(root_seed)).random(n)
    lo = np.array([bounds[k][0] for k in names])
    hi = np.array([bounds[k][1] for k in names])
    kinds = _kinds(names, scenario)
    return [_as_values(row, names, kinds) for row in qmc.scale(unit, lo, hi)]


# --- running: one run, in a worker ---------------------------------------------------------------


def simulate(scenario: Scenario, seed: int, months: int) -> OrgModel:
    """One run of the model (a module-level function, so that it pickles to any worker)."""
    return OrgModel(scenario, seed=seed).run(months)


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write atomically: a killed process leaves no half-written table behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def _write_part(table: pa.Table, path: Path) -> None:
    """A run's table, atomically, as an Arrow IPC file: ten times quicker to gather than Parquet
    for hundreds of small tables (the gathered tables are Parquet)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    feather.write_feather(table, tmp)
    os.replace(tmp, path)


def _write_json(data: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, default=_json_default), encoding="utf-8")
    os.replace(tmp, path)


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in JSON")


def _tidy(frame: pd.DataFrame, rid: str) -> pd.DataFrame:
    """Key a run's table by its id and give flags a nullable boolean type, so that a table
    reads back from Parquet exactly as it was made (in memory, None and NaN would differ)."""
    frame = frame.copy()
    frame.insert(0, "run_id", rid)
    for col in frame.columns:
        if frame[col].dtype == object:
            values = frame[col].dropna()
            if len(values) and values.map(lambda v: isinstance(v, bool | np.bool_)).all():
                frame[col] = frame[col].astype("boolean")
    return frame


def run_task(task: Task) -> dict[str, Any]:
    """Run one task and return its small record. Large tables go to ``task.out`` when it is set
    (the worker writes them itself), and ride back in the record only for in-memory experiments.
    An exception in the run is caught and recorded, so one bad run never stops the others;
    warnings are recorded too (once each), instead of flooding the terminal from every worker."""
    start = time.perf_counter()
    record: dict[str, Any] = {"run_id": task.run_id, "status": "ok", "error": None}
    with warnings.catch_warnings(record=True) as caught:
        try:
            scenario = task.scenario.with_overrides(task.overrides, source=f"run {task.run_id}")
            model = simulate(scenario, task.seed, task.months)
            monthly = model.metrics()
            events = model.events()
            summary = model.summary(monthly, events)  # the tables just built, not built again
            summary.pop("seed", None)
            record["summary"] = summary
            monthly = pa.Table.from_pandas(_tidy(monthly, task.run_id), preserve_index=False)
            events = pa.Table.from_pandas(_tidy(events, task.run_id), preserve_index=False)
            if task.out is not None:
                parts = Path(task.out) / "parts"
                _write_part(monthly, parts / "monthly" / f"{task.run_id}.arrow")
                _write_part(events, parts / "events" / f"{task.run_id}.arrow")
            else:
                record["monthly"], record["events"] = monthly, events
        except Exception as exc:  # recorded, not raised: the other runs go on
            record.update(
                status="failed",
                error=f"{type(exc).__name__}: {exc}",
                traceback="".join(traceback.format_exception(exc)[-6:]),
            )
    notes = {
        f"{w.category.__name__}: {w.message} ({Path(w.filename).name}:{w.lineno})" for w in caught
    }
    record["warnings"] = sorted(notes) or None
    record["elapsed_s"] = round(time.perf_counter() - start, 4)
    record["worker"] = f"{socket.gethostname()}:{os.getpid()}"
    return record


# --- executors ---------------------------------------------------------------------------------


class SequentialExecutor(Executor):
    """Runs each task in this process when it is submitted (the default: notebooks, debugging)."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            future.set_exception(exc)
        return future


def process_pool(workers: int) -> Executor:
    """Local worker processes, started by forkserver (spawn where there is none), never fork:
    forking a process that runs threads (Mesa, BLAS, Dask) can deadlock."""
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


@dataclasses.dataclass
class _Execution:
    executor: Executor
    window: int  # runs in flight at once: what a killed experiment can lose
    description: str
    renew: Callable[[], Executor] | None = None  # to replace a broken local pool


@contextlib.contextmanager
def _execution(executor=None, workers=None, dask=None) -> Iterator[_Execution]:
    if sum(x is not None for x in (executor, dask)) > 1:
        raise ExperimentError("give either an executor or a Dask address, not both")
    if executor is not None:
        width = getattr(executor, "_max_workers", None) or os.cpu_count() or 1
        window = 1 if isinstance(executor, SequentialExecutor) else 2 * width
        yield _Execution(executor, window, type(executor).__name__)
        return
    if dask is not None:
        try:
            from distributed import Client
        except ImportError:  # an optional extra
            raise ExperimentError(
                "running on a Dask cluster needs the dask extra: pip install 'orgsim[dask]'"
            ) from None
        client = dask if isinstance(dask, Client) else Client(dask)
        try:
            threads = sum(client.nthreads().values()) or 1
            address = client.scheduler.address
            yield _Execution(
                client.get_executor(), 2 * threads, f"dask {address} ({threads} threads)"
            )
        finally:
            if not isinstance(dask, Client):
                client.close()
        return
    if workers is not None and workers > 1:
        pool = process_pool(workers)
        holder = {"pool": pool}

        def renew() -> Executor:
            holder["pool"].shutdown(wait=False, cancel_futures=True)
            holder["pool"] = process_pool(workers)
            return holder["pool"]

        try:
            yield _Execution(pool, 2 * workers, f"{workers} local processes", renew)
        finally:
            holder["pool"].shutdown(wait=True, cancel_futures=True)
        return
    yield _Execution(SequentialExecutor(), 1, "this process")


# --- storage -----------------------------------------------------------------------------------


def _versions() -> dict[str, str | None]:
    from importlib import metadata

    out: dict[str, str | None] = {"python": platform.python_version()}
    for dist in ("orgsim", "mesa", "numpy", "pandas", "scipy", "pydantic", "pyarrow", "SALib"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    for dist in ("dask", "distributed"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[dist] = metadata.version(dist)
    out["orgsim_commit"], out["orgsim_dirty"] = _git_state()
    return out


def _git_state() -> tuple[str | None, bool | None]:
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        return commit, bool(dirty)
    except (OSError, subprocess.SubprocessError):
        return None, None


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).astimezone().isoformat(timespec="seconds")


class _Folder:
    """An experiment folder: the manifest, one record per finished run, the gathered tables."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.manifest_path = self.path / "manifest.json"
        self.records_dir = self.path / "parts" / "runs"

    def claim(self, manifest: dict) -> dict | None:
        """Take the folder for this experiment; return the stored manifest when resuming."""
        if self.manifest_path.exists():
            stored = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if stored.get("fingerprint") != manifest["fingerprint"]:
                why = "; ".join(_differences(stored, manifest)) or "its design differs"
                raise ExperimentFolderError(
                    f"{self.path} holds a different experiment ({stored.get('kind')} of "
                    f"{', '.join(stored.get('arms', {}))}, started {stored.get('started')}): "
                    f"{why}. It is left untouched. Choose another --out folder."
                )
            self._lock()
            return stored
        if self.path.exists() and any(self.path.iterdir()):
            raise ExperimentFolderError(
                f"{self.path} is not empty and holds no orgsim experiment; it is left untouched. "
                "Choose another --out folder."
            )
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock()
        _write_json(manifest, self.manifest_path)
        return None

    def _lock(self) -> None:
        lock = self.path / ".lock"
        if lock.exists():
            with contextlib.suppress(ValueError, OSError):
                pid = int(lock.read_text().split()[0])
                if pid != os.getpid() and _alive(pid):
                    raise ExperimentFolderError(
                        f"{self.path} is being written by process {pid}; wait for it or stop it"
                    )
        lock.write_text(f"{os.getpid()} {socket.gethostname()}\n")

    def unlock(self) -> None:
        with contextlib.suppress(OSError):
            (self.path / ".lock").unlink()

    @staticmethod
    def check_versions(stored: dict) -> None:
        """Warn when runs kept from an earlier session come from other code than the new ones."""
        now = _versions()
        old = stored.get("versions", {})
        changed = [
            f"{key} {old.get(key)} -> {now.get(key)}"
            for key in ("orgsim", "orgsim_commit", "mesa", "numpy")
            if old.get(key) != now.get(key)
        ]
        if changed:
            warnings.warn(
                "resuming an experiment begun with other versions ("
                + "; ".join(changed)
                + "): the runs kept and the runs still to do come from different code",
                ExperimentWarning,
                stacklevel=4,  # check_versions < _run < sweep/compare/... < the caller
            )

    def records(self) -> dict[str, dict]:
        out = {}
        if self.records_dir.exists():
            for file in self.records_dir.glob("*.json"):
                with contextlib.suppress(ValueError, OSError):
                    record = json.loads(file.read_text(encoding="utf-8"))
                    out[record["run_id"]] = record
        return out

    def save(self, record: dict) -> None:
        _write_json(record, self.records_dir / f"{record['run_id']}.json")

    def table(self, name: str, run_ids: Iterable[str]) -> pd.DataFrame:
        tables, missing = [], 0
        for rid in run_ids:
            file = self.path / "parts" / name / f"{rid}.arrow"
            if file.exists():
                tables.append(feather.read_table(file))
            else:
                missing += 1
        if missing:
            warnings.warn(
                f"{missing} finished runs have no {name} table in {self.path / 'parts' / name}; "
                "on a cluster, the experiment folder must be on a file system the workers share",
                stacklevel=3,
            )
        return _concat(tables)

    def update_manifest(self, **fields) -> None:
        manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        manifest.update(fields)
        _write_json(manifest, self.manifest_path)


def _differences(stored: dict, asked: dict, limit: int = 4) -> list[str]:
    """What makes the experiment asked for differ from the one stored: the first few things."""
    out = []
    for key, name in (("kind", "kind"), ("points", "points"), ("parameters", "parameters")):
        if stored.get(key) != asked.get(key):
            out.append(f"{name} {stored.get(key)} -> {asked.get(key)}")
    if stored.get("seeds", {}).get("values") != asked["seeds"]["values"]:
        old, new = stored.get("seeds", {}), asked["seeds"]
        out.append(
            f"seeds (root {old.get('root_seed')}, {old.get('replicates')} replicates) -> "
            f"(root {new['root_seed']}, {new['replicates']} replicates)"
        )
    if list(stored.get("arms", {})) != list(asked["arms"]):
        out.append(f"arms {list(stored.get('arms', {}))} -> {list(asked['arms'])}")
    for label, scenario in asked["scenarios"].items():
        before = stored.get("scenarios", {}).get(label)
        if before is not None:
            changed = _changed_fields(before, scenario)
            if changed:
                out.append(
                    f"arm {label!r}: "
                    + ", ".join(changed[:limit])
                    + (" ..." if len(changed) > limit else "")
                    + " (a changed scenario file, override or model default)"
                )
    return out[:limit] or [
        "the grid values, the sampled design, or how an older orgsim identified experiments"
    ]


def _changed_fields(before: Any, after: Any, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        for key in list(before) + [k for k in after if k not in before]:
            if not path and _presentation(key):
                continue
            out += _changed_fields(before.get(key), after.get(key), f"{path}{key}.")
        return out
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        out = []
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            out += _changed_fields(a, b, f"{path}{i}.")
        return out
    return [] if before == after else [f"{path.rstrip('.')} {before!r} -> {after!r}"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _concat(tables: list[pa.Table]) -> pd.DataFrame:
    """One DataFrame from the runs' Arrow tables, converted once (a run whose log lacks a column,
    or has only nulls in it, is widened to the others' types)."""
    if not tables:
        return pd.DataFrame()
    return pa.concat_tables(tables, promote_options="permissive").to_pandas()


# --- results -----------------------------------------------------------------------------------


@dataclasses.dataclass
class ExperimentResult:
    """The tidy tables of an experiment and the statistics drawn from them.

    ``runs``: one row per run (run_id, point, arm, replicate, seed, the parameter columns, status,
    error, and the headline figures of ``OrgModel.summary()``). ``monthly``: one row per run and
    month, keyed the same way. ``events``: the event log of every run. ``design``: one row per
    point. ``indices``: the sensitivity indices, for a sensitivity analysis.
    """

    kind: str
    design: pd.DataFrame
    runs: pd.DataFrame
    monthly: pd.DataFrame
    events: pd.DataFrame
    parameters: list[str]
    outputs: list[str]
    reference: int = 0
    path: Path | None = None
    indices: pd.DataFrame | None = None
    manifest: dict = dataclasses.field(default_factory=dict)

    @property
    def failed(self) -> pd.DataFrame:
        """The runs that crashed, with their errors."""
        return self.runs[self.runs["status"] != "ok"]

    @property
    def arms(self) -> list[str]:
        return list(dict.fromkeys(self.design["arm"]))

    def summary(self, outputs: Sequence[str] | None = None, level: float = 0.95) -> pd.DataFrame:
        """Per point and output: replicates, mean, sd and the t interval of the mean."""
        return point_summary(self, outputs, level)

    def differences(
        self, outputs: Sequence[str] | None = None, reference: int | str | None = None, level=0.95
    ) -> pd.DataFrame:
        """Per point and output: the paired difference from the reference point (replicate k
        against replicate k, same seed) with its t interval. ``reference``: a point index or an
        arm label (its first point); by default the experiment's reference."""
        return paired_differences(self, outputs, reference, level)

    def plot(self, out: str | os.PathLike | None = None, metrics=None) -> list[Path]:
        """The standard figures of this experiment, as PNG files in ``out`` (default: the
        experiment folder's ``figures/``)."""
        from sim.viz.experiment_plots import plot_experiment

        folder = Path(out) if out is not None else (self.path or Path(".")) / "figures"
        return plot_experiment(self, folder, metrics=metrics)


def _t_quantile(level: float, dof: np.ndarray) -> np.ndarray:
    from scipy import stats

    dof = np.asarray(dof, dtype=float)
    out = np.full(dof.shape, np.nan)
    ok = dof >= 1
    out[ok] = stats.t.ppf(0.5 + level / 2.0, dof[ok])
    return out


def _outputs(result: ExperimentResult, outputs) -> list[str]:
    if isinstance(outputs, str):
        outputs = [outputs]
    chosen = list(outputs or result.outputs)
    missing = [o for o in chosen if o not in result.runs.columns]
    if missing and len(result.runs):
        available = [
            c for c in result.runs.columns if pd.api.types.is_numeric_dtype(result.runs[c])
        ]
        raise ExperimentError(f"no output named {missing}; numeric figures: {available}")
    return chosen


def point_summary(result: ExperimentResult, outputs=None, level: float = 0.95) -> pd.DataFrame:
    outputs = _outputs(result, outputs)
    ok = result.runs[result.runs["status"] == "ok"]
    rows = []
    for output in outputs:
        stats = ok.groupby("point")[output].agg(["count", "mean", "std"])
        stats = stats.reindex(result.design["point"])
        half = (
            _t_quantile(level, stats["count"].to_numpy() - 1)
            * stats["std"]
            / np.sqrt(stats["count"].clip(lower=1))
        )
        frame = result.design.set_index("point").join(stats).reset_index()
        frame.insert(2 + len(result.parameters), "output", output)
        frame = frame.rename(columns={"count": "n", "std": "sd"})
        frame["n"] = frame["n"].fillna(0).astype(int)
        frame["ci_low"] = frame["mean"] - half.to_numpy()
        frame["ci_high"] = frame["mean"] + half.to_numpy()
        rows.append(frame)
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()


def _reference_point(result: ExperimentResult, reference) -> int:
    if reference is None:
        return result.reference
    if isinstance(reference, str):
        match = result.design.loc[result.design["arm"] == reference, "point"]
        if match.empty:
            raise ExperimentError(f"no arm {reference!r}; arms: {result.arms}")
        return int(match.iloc[0])
    if reference not in set(result.design["point"]):
        raise ExperimentError(f"no point {reference}")
    return int(reference)


def paired_differences(
    result: ExperimentResult, outputs=None, reference=None, level: float = 0.95
) -> pd.DataFrame:
    outputs = _outputs(result, outputs)
    ref = _reference_point(result, reference)
    ok = result.runs[result.runs["status"] == "ok"]
    rows = []
    for output in outputs:
        wide = ok.pivot(index="replicate", columns="point", values=output)
        if ref not in wide.columns:
            continue
        for point in result.design["point"]:
            if point == ref or point not in wide.columns:
                continue
            diff = (wide[point] - wide[ref]).dropna()
            n = len(diff)
            mean = float(diff.mean()) if n else np.nan
            sd = float(diff.std()) if n > 1 else np.nan
            half = float(_t_quantile(level, np.array([n - 1]))[0]) * sd / math.sqrt(max(n, 1))
            rows.append(
                {"point": int(point), "reference": ref, "output": output, "n_pairs": n}
                | {"mean_difference": mean, "sd": sd}
                | {"ci_low": mean - half, "ci_high": mean + half}
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "point",
            "reference",
            "output",
            "n_pairs",
            "mean_difference",
            "sd",
            "ci_low",
            "ci_high",
        ],
    )
    return result.design.merge(frame, on="point", how="inner")


def point_labels(result: ExperimentResult) -> dict[int, str]:
    """A short label per point: its arm (if there are several) and the values that vary."""
    design = result.design
    varying = [c for c in result.parameters if design[c].astype(str).nunique() > 1]
    several_arms = design["arm"].nunique() > 1
    labels = {}
    for _, row in design.iterrows():
        bits = [str(row["arm"])] if several_arms or not varying else []
        bits += [f"{c.rsplit('.', 1)[-1]}={_fmt_value(row[c])}" for c in varying]
        labels[int(row["point"])] = " ".join(bits)
    return labels


def _fmt_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


# --- the experiment runner ---------------------------------------------------------------------


def _fingerprint(data: dict) -> str:
    text = json.dumps(data, sort_keys=True, default=_json_default)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _identity(scenario: Scenario) -> dict:
    data = scenario.model_dump(mode="json")
    return {key: value for key, value in data.items() if not _presentation(key)}


def _run(
    kind: str,
    arms: dict[str, Scenario],
    points: list[Point],
    *,
    seeds: int,
    root_seed: int,
    months: int | None,
    outputs: Sequence[str],
    overrides: dict | None,
    executor,
    workers,
    dask,
    out,
    progress,
    extra: dict | None = None,
    parameters: list[str] | None = None,
    command: str | None = None,
    reference: int | None = None,
) -> ExperimentResult:
    columns = _check_points(arms, points)
    if reference is not None and not 0 <= reference < len(points):
        raise ExperimentError(f"reference point {reference} is not in 0..{len(points) - 1}")
    parameters = list(parameters or [])
    columns = parameters + [c for c in columns if c not in parameters]
    design = _point_table(arms, points, columns)
    seed_values = spawn_seeds(root_seed, seeds)
    month_counts = {label: months or scenario.months for label, scenario in arms.items()}
    identity = {
        "format": FORMAT_VERSION,
        "kind": kind,
        "arms": {label: _identity(s) for label, s in arms.items()},
        "points": [[p.arm, p.overrides] for p in points],
        "seeds": seed_values,
        "months": month_counts,
        "extra": extra or {},
    }
    manifest = {
        "kind": kind,
        "fingerprint": _fingerprint(identity),
        "started": _now(),
        "command": command,
        "arms": {
            label: {"scenario": s.name, "title": s.title, "months": month_counts[label]}
            for label, s in arms.items()
        },
        "overrides": overrides or {},
        "parameters": columns,
        "points": len(points),
        "seeds": {"root_seed": root_seed, "replicates": seeds, "values": seed_values},
        "outputs": list(outputs),
        "reference_point": reference or 0,
        "extra": extra or {},
        "versions": _versions(),
        "scenarios": {label: s.model_dump(mode="json") for label, s in arms.items()},
        "sessions": [],
    }
    folder = _Folder(out) if out is not None else None
    records: dict[str, dict] = {}
    if folder is not None:
        stored = folder.claim(manifest)
        if stored is not None:
            manifest = stored
            if reference is not None:
                manifest["reference_point"] = reference
        _write_parquet(design, folder.path / "design.parquet")
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
        _Folder.check_versions(manifest)
    session = {"started": _now(), "kept": len(records), "to_run": len(tasks)}
    try:
        with _execution(executor, workers, dask) as execution:
            session["executor"] = execution.description
            if progress and records:
                print(
                    f"resuming {folder.path}: {len(records)} of {total} runs already done",
                    file=sys.stderr,
                )
            fresh = _execute(tasks, execution, folder, progress, kind)
        records.update(fresh)
        session["finished"] = _now()
    finally:
        if folder is not None:
            if "finished" not in session:
                session["interrupted"] = _now()
            manifest.setdefault("sessions", []).append(session)
            folder.update_manifest(sessions=manifest["sessions"])
            folder.unlock()
    result = _gather(kind, design, columns, list(outputs), seed_values, records, folder, manifest)
    if folder is not None:
        _save_tables(result, folder.path)
    return result


def _execute(
    tasks: list[Task], execution: _Execution, folder: _Folder | None, progress, kind: str
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
                record["finished_at"] = _now()
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


def _gather(
    kind: str,
    design: pd.DataFrame,
    columns: list[str],
    outputs: list[str],
    seed_values: list[int],
    records: dict[str, dict],
    folder: _Folder | None,
    manifest: dict,
) -> ExperimentResult:
    """The tidy tables, sorted by point, replicate and month whatever order the runs finished in."""
    keys = []
    for point in design["point"]:
        for k, seed in enumerate(seed_values):
            keys.append({"run_id": run_id(point, k), "point": point, "replicate": k, "seed": seed})
    key_frame = pd.DataFrame(keys, columns=["run_id", "point", "replicate", "seed"])
    key_frame = key_frame.merge(design, on="point", how="left")
    key_frame = key_frame[["run_id", "point", "arm", "replicate", "seed", *columns]]
    rows = []
    for rid in key_frame["run_id"]:
        record = records.get(rid)
        if record is None:
            rows.append({"run_id": rid, "status": "missing"})
            continue
        row = {k: record.get(k) for k in ("run_id", "status", "error", *EXECUTION_COLUMNS)}
        row["warnings"] = "; ".join(record.get("warnings") or []) or None
        row.update(record.get("summary") or {})
        rows.append(row)
    runs = key_frame.merge(pd.DataFrame(rows), on="run_id", how="left")
    for col in EXECUTION_COLUMNS:
        if col not in runs.columns:
            runs[col] = None
    ok_ids = [rid for rid in key_frame["run_id"] if records.get(rid, {}).get("status") == "ok"]
    if folder is not None:
        monthly = folder.table("monthly", ok_ids)
        events = folder.table("events", ok_ids)
    else:
        monthly = _concat([records[r]["monthly"] for r in ok_ids])
        events = _concat([records[r]["events"] for r in ok_ids])
    monthly = _keyed(key_frame, monthly)
    events = _keyed(key_frame, events)
    return ExperimentResult(
        kind=kind,
        design=design,
        runs=runs,
        monthly=monthly,
        events=events,
        parameters=columns,
        outputs=outputs,
        reference=int(manifest.get("reference_point", 0)),
        path=folder.path if folder else None,
        manifest=manifest,
    )


def _keyed(keys: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    if table.empty:
        return keys.iloc[0:0].copy()
    table = keys.merge(table, on="run_id", how="inner", validate="one_to_many")
    order = ["point", "replicate"] + (["month"] if "month" in table.columns else [])
    return table.sort_values(order, kind="stable").reset_index(drop=True)


def _save_tables(result: ExperimentResult, folder: Path) -> None:
    _write_parquet(result.runs, folder / "runs.parquet")
    _write_parquet(result.monthly, folder / "monthly.parquet")
    _write_parquet(result.events, folder / "events.parquet")
    if (result.runs["status"] == "ok").any():
        result.summary().to_csv(folder / "summary.csv", index=False)
        if len(result.design) > 1:
            result.differences().to_csv(folder / "differences.csv", index=False)
    if result.indices is not None:
        _write_parquet(result.indices, folder / "sensitivity.parquet")
        result.indices.to_csv(folder / "sensitivity.csv", index=False)


def load(path: str | os.PathLike) -> ExperimentResult:
    """An experiment folder as an :class:`ExperimentResult` (its tables gathered again from the
    per-run parts when the experiment was interrupted)."""
    folder = _Folder(path)
    if not folder.manifest_path.exists():
        raise ExperimentFolderError(f"{path} is not an orgsim experiment folder (no manifest.json)")
    manifest = json.loads(folder.manifest_path.read_text(encoding="utf-8"))
    design = pd.read_parquet(folder.path / "design.parquet")
    columns = list(manifest["parameters"])
    seeds = list(manifest["seeds"]["values"])
    result = _gather(
        manifest["kind"],
        design,
        columns,
        list(manifest["outputs"]),
        seeds,
        folder.records(),
        folder,
        manifest,
    )
    indices = folder.path / "sensitivity.parquet"
    if indices.exists():
        result.indices = pd.read_parquet(indices)
    return result


# --- the four experiments ----------------------------------------------------------------------


def replicate(
    scenario: Scenario | str,
    seeds: int = 20,
    *,
    months: int | None = None,
    root_seed: int = 0,
    overrides: dict | None = None,
    outputs: Sequence[str] = DEFAULT_OUTPUTS,
    executor: Executor | None = None,
    workers: int | None = None,
    dask=None,
    out: str | os.PathLike | None = None,
    progress: bool = False,
    command: str | None = None,
) -> ExperimentResult:
    """``seeds`` replicates of one scenario, each with its own seed spawned from ``root_seed``."""
    arms = _arms(scenario, overrides=overrides)
    if len(arms) != 1:
        raise ExperimentError("replicate takes one scenario; use compare for several")
    points = _grid_points(arms, None)
    return _run(
        "replicate",
        arms,
        points,
        seeds=seeds,
        root_seed=root_seed,
        months=months,
        outputs=outputs,
        overrides=overrides,
        executor=executor,
        workers=workers,
        dask=dask,
        out=out,
        progress=progress,
        command=command,
    )


def sweep(
    scenario,
    grid: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]] | None = None,
    *,
    sample: int | None = None,
    parameters: Sequence[str] | Mapping[str, tuple[float, float] | None] | None = None,
    seeds: int = 20,
    months: int | None = None,
    root_seed: int = 0,
    overrides: dict | None = None,
    outputs: Sequence[str] = DEFAULT_OUTPUTS,
    executor: Executor | None = None,
    workers: int | None = None,
    dask=None,
    out: str | os.PathLike | None = None,
    progress: bool = False,
    command: str | None = None,
    reference: int | None = None,
    base: Scenario | str | None = None,
) -> ExperimentResult:
    """Each point of a design, ``seeds`` replicates each, with common random numbers.

    The design is ``grid``: a mapping path -> values (full factorial) or a list of override
    dicts; or ``sample=N`` points spread by Latin hypercube over ``parameters`` (paths, or a
    mapping path -> (lo, hi), default the declared bounds). ``scenario`` may be several arms (a
    list, or a mapping label -> scenario): the design is then crossed with the arms.
    ``reference``: the point the paired differences are taken from (the first by default).
    ``base``: the scenario that arms given as override mappings vary (as in :func:`compare`).
    """
    arms = _arms(scenario, base=base, overrides=overrides)
    extra: dict[str, Any] = {}
    swept: list[str] = []
    if sample is not None:
        if grid is not None:
            raise ExperimentError("give a grid or a sample, not both")
        if not parameters:
            raise ExperimentError("a sampled sweep needs parameters to sample")
        first = next(iter(arms.values()))
        bounds = parameter_bounds(parameters, first)
        grid = latin_hypercube(bounds, sample, first, root_seed)
        swept = list(bounds)
        extra = {"sample": {"method": "latin_hypercube", "n": sample, "bounds": bounds}}
    elif grid is None:
        raise ExperimentError("a sweep needs a grid (path -> values) or sample=N with parameters")
    elif isinstance(grid, Mapping):
        swept = list(grid)
        extra = {"grid": {k: list(v) for k, v in grid.items()}}
    points = _grid_points(arms, grid)
    return _run(
        "sweep",
        arms,
        points,
        seeds=seeds,
        root_seed=root_seed,
        months=months,
        outputs=outputs,
        overrides=overrides,
        executor=executor,
        workers=workers,
        dask=dask,
        out=out,
        progress=progress,
        extra=extra,
        parameters=swept + [c for c in _arm_columns(scenario, arms) if c not in swept],
        command=command,
        reference=reference,
    )


def compare(
    scenarios,
    seeds: int = 20,
    *,
    base: Scenario | str | None = None,
    reference: str | None = None,
    months: int | None = None,
    root_seed: int = 0,
    overrides: dict | None = None,
    outputs: Sequence[str] = DEFAULT_OUTPUTS,
    executor: Executor | None = None,
    workers: int | None = None,
    dask=None,
    out: str | os.PathLike | None = None,
    progress: bool = False,
    command: str | None = None,
) -> ExperimentResult:
    """Arms side by side with common random numbers, and their paired differences.

    ``scenarios``: a list of scenarios (names, paths, ``label=name`` or objects), or a mapping
    label -> scenario, or label -> overrides applied to ``base``. The first arm (or
    ``reference``) is the reference of the differences.
    """
    arms = _arms(scenarios, base=base, overrides=overrides)
    if reference is not None:
        if reference not in arms:
            raise ExperimentError(f"no arm {reference!r}; arms: {list(arms)}")
        arms = {reference: arms[reference]} | {k: v for k, v in arms.items() if k != reference}
    points = _grid_points(arms, None)
    varied = _arm_columns(scenarios, arms)
    return _run(
        "compare",
        arms,
        points,
        seeds=seeds,
        root_seed=root_seed,
        months=months,
        outputs=outputs,
        overrides=overrides,
        executor=executor,
        workers=workers,
        dask=dask,
        out=out,
        progress=progress,
        command=command,
        parameters=varied,
    )


# --- sensitivity analysis ----------------------------------------------------------------------

METHODS = ("morris", "sobol")
DEFAULT_N = {"morris": 10, "sobol": 64}


def sensitivity_problem(parameters, scenario: Scenario | None = None, root=None) -> dict:
    """The SALib problem (names and bounds), the bounds taken from the parameter declarations."""
    bounds = parameter_bounds(parameters, scenario, root=root)
    return {
        "num_vars": len(bounds),
        "names": list(bounds),
        "bounds": [list(b) for b in bounds.values()],
        "kinds": _kinds(bounds, scenario, root=root),
    }


def _salib(problem: dict) -> dict:
    return {k: problem[k] for k in ("num_vars", "names", "bounds")}


def sensitivity_sample(
    problem: dict, method: str, n: int, root_seed: int = 0, levels: int = 4
) -> np.ndarray:
    """The design of a Morris screening (``n`` trajectories) or of Sobol indices (``n`` base
    samples, a power of 2; ``n * (D + 2)`` points, first and total order)."""
    seed = int(_design_rng(root_seed).integers(2**31))
    if method == "morris":
        from SALib.sample import morris

        return morris.sample(_salib(problem), n, num_levels=levels, seed=seed)
    if method == "sobol":
        from SALib.sample import sobol

        if n & (n - 1):
            raise ExperimentError(f"Sobol sampling needs n a power of 2 (32, 64, 128...), not {n}")
        return sobol.sample(_salib(problem), n, calc_second_order=False, seed=seed)
    raise ExperimentError(f"method must be one of {METHODS}, not {method!r}")


def sensitivity_analyse(
    problem: dict,
    method: str,
    X: np.ndarray,
    Y: np.ndarray,
    output: str = "y",
    levels: int = 4,
    root_seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """Indices of one output, one row per parameter: Morris mu, mu*, sigma (and mu*'s interval),
    or Sobol S1 and ST with their intervals."""
    Y = np.asarray(Y, dtype=float)
    if not np.isfinite(Y).all():
        raise ExperimentError(
            f"{output}: {int((~np.isfinite(Y)).sum())} design points have no value "
            "(their runs failed); the indices cannot be computed"
        )
    seed = int(_design_rng(root_seed).integers(2**31))
    if method == "morris":
        from SALib.analyze import morris

        res = morris.analyze(_salib(problem), X, Y, num_levels=levels, conf_level=level, seed=seed)
        frame = pd.DataFrame(
            {
                "parameter": problem["names"],
                "mu": res["mu"],
                "mu_star": res["mu_star"],
                "sigma": res["sigma"],
                "mu_star_conf": res["mu_star_conf"],
            }
        )
    elif method == "sobol":
        from SALib.analyze import sobol

        res = sobol.analyze(
            _salib(problem), Y, calc_second_order=False, conf_level=level, seed=seed
        )
        frame = pd.DataFrame(
            {
                "parameter": problem["names"],
                "S1": res["S1"],
                "S1_conf": res["S1_conf"],
                "ST": res["ST"],
                "ST_conf": res["ST_conf"],
            }
        )
    else:
        raise ExperimentError(f"method must be one of {METHODS}, not {method!r}")
    frame.insert(0, "output", output)
    frame.insert(0, "method", method)
    return frame


def sensitivity(
    scenario: Scenario | str,
    parameters: Sequence[str] | Mapping[str, tuple[float, float] | None],
    method: str = "morris",
    outputs: Sequence[str] = DEFAULT_OUTPUTS,
    *,
    n: int | None = None,
    levels: int = 4,
    seeds: int = 4,
    months: int | None = None,
    root_seed: int = 0,
    overrides: dict | None = None,
    executor: Executor | None = None,
    workers: int | None = None,
    dask=None,
    out: str | os.PathLike | None = None,
    progress: bool = False,
    command: str | None = None,
) -> ExperimentResult:
    """Morris screening or Sobol indices of the headline ``outputs`` over ``parameters``.

    Bounds come from the parameter declarations (or a narrower ``path: (lo, hi)``). Each design
    point runs ``seeds`` replicates with common random numbers, and the indices are computed on
    the replicate mean, so that the seed's noise does not pass for sensitivity.
    """
    if method not in METHODS:
        raise ExperimentError(f"method must be one of {METHODS}, not {method!r}")
    arms = _arms(scenario, overrides=overrides)
    if len(arms) != 1:
        raise ExperimentError("a sensitivity analysis takes one scenario")
    base = next(iter(arms.values()))
    problem = sensitivity_problem(parameters, base)
    n = n or DEFAULT_N[method]
    X = sensitivity_sample(problem, method, n, root_seed, levels)
    names = problem["names"]
    grid = [_as_values(row, names, problem["kinds"]) for row in X]
    extra = {
        "sensitivity": {
            "method": method,
            "n": n,
            "levels": levels,
            "names": names,
            "bounds": problem["bounds"],
        }
    }
    result = _run(
        "sensitivity",
        arms,
        _grid_points(arms, grid),
        seeds=seeds,
        root_seed=root_seed,
        months=months,
        outputs=outputs,
        overrides=overrides,
        executor=executor,
        workers=workers,
        dask=dask,
        out=out,
        progress=progress,
        extra=extra,
        parameters=names,
        command=command,
    )
    result.indices = sensitivity_indices(result)
    if result.path is not None:
        _save_tables(result, result.path)
    return result


def sensitivity_indices(result: ExperimentResult) -> pd.DataFrame:
    """The indices of a finished (or resumed) sensitivity experiment."""
    spec = result.manifest["extra"]["sensitivity"]
    problem = {"num_vars": len(spec["names"]), "names": spec["names"], "bounds": spec["bounds"]}
    X = np.asarray(result.design[spec["names"]], dtype=float)
    if spec["method"] == "morris":  # SALib needs the unrounded levels to find each step
        X = sensitivity_sample(
            problem, "morris", spec["n"], result.manifest["seeds"]["root_seed"], spec["levels"]
        )
    means = result.summary()
    frames = []
    for output in result.outputs:
        y = means[means["output"] == output].sort_values("point")["mean"].to_numpy()
        frames.append(
            sensitivity_analyse(
                problem,
                spec["method"],
                X,
                y,
                output,
                spec["levels"],
                result.manifest["seeds"]["root_seed"],
            )
        )
    return pd.concat(frames, ignore_index=True)
