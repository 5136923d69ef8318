"""Results: the tidy tables of an experiment and the statistics drawn from them.

:class:`ExperimentResult` holds one row per point (``design``), per run (``runs``), per run and
month (``monthly``) and per event (``events``). Its :meth:`~ExperimentResult.summary` gives each
point's mean and t interval, and :meth:`~ExperimentResult.differences` the paired (common random
numbers) differences from the reference point. :func:`load` reads an experiment folder back.
Figures are drawn by :func:`sim.viz.experiment_plots.plot_experiment`, which reads these tables.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.experiment.design import run_id
from sim.experiment.errors import ExperimentDamageError, ExperimentError, ExperimentFolderError
from sim.experiment.settings import OUTPUT_NAMES
from sim.experiment.storage import (
    Damage,
    Folder,
    concat,
    damage_text,
    resume_hint,
    write_csv,
    write_parquet,
)

# Columns of the runs table that describe how a run was executed, not what it produced: they
# differ between executors and sessions and are left out of every comparison of results.
EXECUTION_COLUMNS = ("elapsed_s", "worker", "finished_at")


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


def t_quantile(level: float, dof: np.ndarray) -> np.ndarray:
    """The two-sided ``level`` quantile of Student's t with ``dof`` degrees of freedom (NaN
    below one degree of freedom: one replicate has no interval)."""
    from scipy import stats

    dof = np.asarray(dof, dtype=float)
    out = np.full(dof.shape, np.nan)
    ok = dof >= 1
    out[ok] = stats.t.ppf(0.5 + level / 2.0, dof[ok])
    return out


def _chosen_outputs(result: ExperimentResult, outputs) -> list[str]:
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
    """Per point and output: replicates (n), mean, sd and the t interval of the mean."""
    outputs = _chosen_outputs(result, outputs)
    ok = result.runs[result.runs["status"] == "ok"]
    rows = []
    for output in outputs:
        stats = ok.groupby("point")[output].agg(["count", "mean", "std"])
        stats = stats.reindex(result.design["point"])
        half = (
            t_quantile(level, stats["count"].to_numpy() - 1)
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
    """Per point and output: the mean of replicate k minus replicate k of the reference point,
    over the replicates both finished, with its t interval."""
    outputs = _chosen_outputs(result, outputs)
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
            half = float(t_quantile(level, np.array([n - 1]))[0]) * sd / math.sqrt(max(n, 1))
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
        bits += [f"{c.rsplit('.', 1)[-1]}={format_value(row[c])}" for c in varying]
        labels[int(row["point"])] = " ".join(bits)
    return labels


def format_value(value: Any) -> str:
    """A parameter value in a label: a float to four significant digits."""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def gather(
    kind: str,
    design: pd.DataFrame,
    columns: list[str],
    outputs: list[str],
    seed_values: list[int],
    records: dict[str, dict],
    folder: Folder | None,
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
    for col in OUTPUT_NAMES:
        # a figure stored as null (strict JSON has no NaN) in every record: NaN, as in memory
        if col in runs.columns and runs[col].dtype == object and runs[col].isna().all():
            runs[col] = runs[col].astype(float)
    ok_ids = [rid for rid in key_frame["run_id"] if records.get(rid, {}).get("status") == "ok"]
    if folder is not None:
        monthly = folder.table("monthly", [records[r] for r in ok_ids])
        events = folder.table("events", [records[r] for r in ok_ids])
    else:
        monthly = concat([records[r]["monthly"] for r in ok_ids])
        events = concat([records[r]["events"] for r in ok_ids])
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


def save_tables(result: ExperimentResult, folder: Path) -> None:
    """The gathered tables and the statistics, written into the experiment folder."""
    write_parquet(result.runs, folder / "runs.parquet")
    write_parquet(result.monthly, folder / "monthly.parquet")
    write_parquet(result.events, folder / "events.parquet")
    if (result.runs["status"] == "ok").any():
        write_csv(result.summary(), folder / "summary.csv")
        if len(result.design) > 1:
            write_csv(result.differences(), folder / "differences.csv")
    if result.indices is not None:
        write_parquet(result.indices, folder / "sensitivity.parquet")
        write_csv(result.indices, folder / "sensitivity.csv")


def load(path: str | os.PathLike) -> ExperimentResult:
    """An experiment folder as an :class:`ExperimentResult` (its tables gathered again from the
    per-run parts when the experiment was interrupted). A damaged folder is refused with the
    damaged files named and how to repair it: running the experiment again redoes only them."""
    folder = Folder(path)
    if not folder.manifest_path.exists():
        raise ExperimentFolderError(f"{path} is not an orgsim experiment folder (no manifest.json)")
    manifest = folder.read_manifest()
    design = _read_parquet(folder, "design.parquet", manifest)
    records, damage = folder.read_records()
    damage += folder.damaged(records)
    if damage:
        raise ExperimentDamageError(
            f"{folder.path}: {damage_text(damage)}. The other runs are intact; "
            f"{resume_hint(manifest, folder.path)} (the damaged runs are done again)."
        )
    result = gather(
        manifest["kind"],
        design,
        list(manifest["parameters"]),
        list(manifest["outputs"]),
        list(manifest["seeds"]["values"]),
        records,
        folder,
        manifest,
    )
    if (folder.path / "sensitivity.parquet").exists():
        result.indices = _read_parquet(folder, "sensitivity.parquet", manifest)
    return result


def _read_parquet(folder: Folder, name: str, manifest: dict) -> pd.DataFrame:
    try:
        return pd.read_parquet(folder.path / name)
    except FileNotFoundError:
        reason = "missing"
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        reason = f"not a readable Parquet file: {str(exc).splitlines()[0][:120]}"
    raise ExperimentDamageError(
        f"{folder.path}: {damage_text([Damage('', name, reason)])}. It is written again when "
        f"the experiment runs: {resume_hint(manifest, folder.path)}."
    )
