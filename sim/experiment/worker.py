"""One run, in a worker: the model, its tables, and a small record of how it went.

Everything here is a module-level function of picklable arguments, so that it runs the same in
this process, in a local worker process or on a Dask worker. A worker only computes: it sends
its tables back, encoded, and the main process writes them, so a cluster's workers need no file
system shared with it, and a worker left running by a dead experiment cannot write into its
folder.
"""

from __future__ import annotations

import math
import os
import socket
import time
import traceback
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from sim.experiment.design import Task
from sim.experiment.storage import encode_table
from sim.model import OrgModel
from sim.scenario import Scenario


def simulate(scenario: Scenario, seed: int, months: int) -> OrgModel:
    """One run of the model (a module-level function, so that it pickles to any worker)."""
    return OrgModel.from_scenario(scenario, seed=seed).run(months)


def tidy(frame: pd.DataFrame, rid: str) -> pd.DataFrame:
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


def undefined_as_nan(value: Any) -> Any:
    """An infinite figure is as undefined as NaN, and is stored as NaN is (strict JSON has
    neither, and writes null): so a run reads the same in memory and from its folder."""
    if isinstance(value, float | np.floating) and not math.isfinite(value):
        return math.nan
    return value


def run_task(task: Task) -> dict[str, Any]:
    """Run one task and return its record, with the run's tables under ``"tables"`` (name ->
    rows and the bytes of an Arrow IPC file, encoded here so that the main process only writes
    them, or decodes them for an experiment kept in memory). An exception in the run is caught and recorded, so one bad run never stops the others;
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
            record["summary"] = {key: undefined_as_nan(value) for key, value in summary.items()}
            monthly = pa.Table.from_pandas(tidy(monthly, task.run_id), preserve_index=False)
            events = pa.Table.from_pandas(tidy(events, task.run_id), preserve_index=False)
            record["tables"] = {
                "monthly": (monthly.num_rows, encode_table(monthly)),
                "events": (events.num_rows, encode_table(events)),
            }
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
