"""The experiment folder: the manifest, one record and two tables per finished run, versions.

Everything is written atomically (to a temporary file, then renamed), so a killed experiment
leaves no half-written file behind, and a folder that holds anything else is never written to.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import platform
import socket
import subprocess
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import feather

from sim.experiment.design import presentation_field
from sim.experiment.errors import ExperimentFolderError, ExperimentWarning

# The layout of an experiment folder; part of every experiment's fingerprint, so that a folder
# written in another layout is never resumed as if it were this one.
FORMAT_VERSION = 1


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write atomically: a killed process leaves no half-written table behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def write_part(table: pa.Table, path: Path) -> None:
    """A run's table, atomically, as an Arrow IPC file: ten times quicker to gather than Parquet
    for hundreds of small tables (the gathered tables are Parquet)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    feather.write_feather(table, tmp)
    os.replace(tmp, path)


def write_json(data: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, default=json_default), encoding="utf-8")
    os.replace(tmp, path)


def json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in JSON")


def versions() -> dict[str, str | None]:
    """The versions of Python, orgsim and the libraries that make the numbers, and the commit."""
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
    out["orgsim_commit"], out["orgsim_dirty"] = git_state()
    return out


def git_state() -> tuple[str | None, bool | None]:
    """orgsim's commit and whether tracked files differ from it (None, None outside git)."""
    root = Path(__file__).resolve().parents[2]
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


def now() -> str:
    return _dt.datetime.now(_dt.UTC).astimezone().isoformat(timespec="seconds")


class Folder:
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
                why = "; ".join(manifest_differences(stored, manifest)) or "its design differs"
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
        write_json(manifest, self.manifest_path)
        return None

    def _lock(self) -> None:
        lock = self.path / ".lock"
        if lock.exists():
            with contextlib.suppress(ValueError, OSError):
                pid = int(lock.read_text().split()[0])
                if pid != os.getpid() and alive(pid):
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
        current = versions()
        old = stored.get("versions", {})
        changed = [
            f"{key} {old.get(key)} -> {current.get(key)}"
            for key in ("orgsim", "orgsim_commit", "mesa", "numpy")
            if old.get(key) != current.get(key)
        ]
        if changed:
            warnings.warn(
                "resuming an experiment begun with other versions ("
                + "; ".join(changed)
                + "): the runs kept and the runs still to do come from different code",
                ExperimentWarning,
                stacklevel=4,  # check_versions < run_experiment < sweep/compare/... < the caller
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
        write_json(record, self.records_dir / f"{record['run_id']}.json")

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
        return concat(tables)

    def update_manifest(self, **fields) -> None:
        manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        manifest.update(fields)
        write_json(manifest, self.manifest_path)


def manifest_differences(stored: dict, asked: dict, limit: int = 4) -> list[str]:
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
            changed = changed_fields(before, scenario)
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


def changed_fields(before: Any, after: Any, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        for key in list(before) + [k for k in after if k not in before]:
            if not path and presentation_field(key):
                continue
            out += changed_fields(before.get(key), after.get(key), f"{path}{key}.")
        return out
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        out = []
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            out += changed_fields(a, b, f"{path}{i}.")
        return out
    return [] if before == after else [f"{path.rstrip('.')} {before!r} -> {after!r}"]


def alive(pid: int) -> bool:
    """Whether a process (the one holding a folder's lock) still runs on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def concat(tables: list[pa.Table]) -> pd.DataFrame:
    """One DataFrame from the runs' Arrow tables, converted once (a run whose log lacks a column,
    or has only nulls in it, is widened to the others' types). Runs whose table has no rows add
    nothing but their column types, which can clash with the others' (an empty event log comes
    with numeric text columns), so they are left out when another run has rows."""
    if not tables:
        return pd.DataFrame()
    tables = [table for table in tables if table.num_rows] or tables
    return pa.concat_tables(tables, promote_options="permissive").to_pandas()


def fingerprint(identity: dict) -> str:
    """What identifies an experiment, hashed: a folder resumes only the experiment it holds."""
    text = json.dumps(identity, sort_keys=True, default=json_default)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
