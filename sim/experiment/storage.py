"""The experiment folder: the manifest, one record and two tables per finished run, versions.

Every file is written whole or not at all: its bytes go to a temporary file beside it
(``.<name>.<pid>.tmp``), which is then renamed over the file. A killed experiment leaves no
half-written file, and neither does a full disk: the temporary file is removed and
:class:`~sim.experiment.errors.DiskFullError` says what happened. Resuming removes the temporary
files a killed session left. Each run's record holds the size, rows and SHA-256 of its two table
parts, so a part that was truncated or altered afterwards (a disk fault, a copy cut short) is
found, named and run again. Only the process running the experiment writes here; workers, local
or on a cluster, only compute. Files follow the umask (0644 under umask 022), and JSON is strict:
NaN and infinities are written as null.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import hashlib
import io
import json
import math
import os
import platform
import re
import socket
import subprocess
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import feather

from sim.experiment.design import presentation_field
from sim.experiment.errors import (
    DiskFullError,
    ExperimentDamageError,
    ExperimentFolderError,
    ExperimentWarning,
)
from sim.experiment.signals import alive

# The layout of an experiment folder; part of every experiment's fingerprint, so that a folder
# written in another layout is never resumed as if it were this one.
FORMAT_VERSION = 1

TABLES = ("monthly", "events")  # the two tables of each run, one part file each
TEMPORARY = re.compile(r"^\..+\.\d+\.tmp$")  # .<name>.<pid>.tmp, as written by write_bytes
LOCK = re.compile(r"^\d+ \S+\n?$")  # "<pid> <host>", as written by Folder._lock
FULL_DISK = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


def disk_full(exc: BaseException) -> bool:
    """Whether an error is a full disk or a full quota."""
    return isinstance(exc, OSError) and exc.errno in FULL_DISK


def _write_bytes(handle, data: bytes) -> None:
    # where every byte an experiment writes reaches the disk (a test fills the disk here)
    handle.write(data)


def write_bytes(data: bytes, path: Path) -> None:
    """Write a file whole or not at all: a killed process or a full disk leaves the file as it
    was, and no temporary file behind (a full disk raises DiskFullError)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:  # created with the umask's mode, unlike mkstemp's 0600
            _write_bytes(handle, data)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if disk_full(exc):
            raise DiskFullError(
                f"{path}: the disk is full ({exc.strerror}); nothing half-written was left"
            ) from None
        raise


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    write_bytes(buffer.getvalue(), path)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    write_bytes(frame.to_csv(index=False).encode("utf-8"), path)


def encode_table(table: pa.Table) -> bytes:
    """A run's table as the bytes of an Arrow IPC file: ten times quicker to gather than Parquet
    for hundreds of small tables (the gathered tables are Parquet). Made by the worker, written
    by the main process."""
    sink = pa.BufferOutputStream()
    feather.write_feather(table, sink)
    return sink.getvalue().to_pybytes()


def decode_table(data: bytes) -> pa.Table:
    return feather.read_table(pa.BufferReader(data))


def write_json(data: Any, path: Path) -> None:
    """Strict JSON (NaN and infinities as null), written whole or not at all."""
    text = json.dumps(strict_json(data), indent=1, allow_nan=False, default=json_default)
    write_bytes(text.encode("utf-8"), path)


def strict_json(value: Any) -> Any:
    """``value`` with every NaN or infinity replaced by None and NumPy scalars made Python's,
    so that it is JSON as the standard defines it (no bare NaN)."""
    if isinstance(value, dict):
        return {key: strict_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [strict_json(item) for item in value]
    if isinstance(value, np.ndarray):
        return strict_json(value.tolist())
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


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


class Damage(NamedTuple):
    """A damaged file of an experiment folder: the run it belongs to, the file, what is wrong."""

    run_id: str
    file: str  # relative to the folder
    reason: str


def damage_text(damage: list[Damage], limit: int = 5) -> str:
    """The damaged files, the first few by name."""
    shown = "; ".join(f"{d.file} ({d.reason})" for d in damage[:limit])
    more = f"; and {len(damage) - limit} more" if len(damage) > limit else ""
    return f"{len(damage)} damaged file{'s' if len(damage) != 1 else ''}: {shown}{more}"


def resume_hint(manifest: dict, path: Path) -> str:
    """How to resume (and so repair) an experiment: its command, or the call with its folder."""
    command = manifest.get("command")
    if command:
        return f"run the same command again to resume it: {command}"
    return f"run the same experiment again with out={str(path)!r} to resume it"


class Folder:
    """An experiment folder: the manifest, one record per finished run, the gathered tables."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.manifest_path = self.path / "manifest.json"
        self.records_dir = self.path / "parts" / "runs"
        self.removed: list[str] = []  # temporary files of a killed session, removed on resume

    def relative(self, file: Path) -> str:
        return file.relative_to(self.path).as_posix()

    def part(self, name: str, rid: str) -> Path:
        return self.path / "parts" / name / f"{rid}.arrow"

    def read_manifest(self) -> dict:
        """The stored manifest; a damaged one is named, with what can be done."""
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except ValueError as exc:  # not JSON, or not UTF-8
            data, why = None, f"{type(exc).__name__}: {str(exc)[:120]}"
        else:
            why = f"a {type(data).__name__}, not a mapping"
        if not isinstance(data, dict):
            raise ExperimentDamageError(
                f"{self.manifest_path} is damaged ({why}). Without it this folder's runs cannot "
                "be told apart from another experiment's, so it can be neither resumed nor read; "
                "move the folder aside and run the command again (its runs are then done again)."
            )
        return data

    def claim(self, manifest: dict) -> dict | None:
        """Take the folder for this experiment; return the stored manifest when resuming."""
        if self.manifest_path.exists():
            stored = self.read_manifest()
            if stored.get("fingerprint") != manifest["fingerprint"]:
                why = "; ".join(manifest_differences(stored, manifest)) or "its design differs"
                raise ExperimentFolderError(
                    f"{self.path} holds a different experiment ({stored.get('kind')} of "
                    f"{', '.join(stored.get('arms', {}))}, started {stored.get('started')}): "
                    f"{why}. It is left untouched. Choose another --out folder."
                )
            self._lock()
            self.removed = self._remove_temporary()
            return stored
        if self.path.exists() and not all(map(self._leftover, self.path.iterdir())):
            raise ExperimentFolderError(
                f"{self.path} is not empty and holds no orgsim experiment; it is left untouched. "
                "Choose another --out folder."
            )
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock()
        self.removed = self._remove_temporary()
        write_json(manifest, self.manifest_path)
        return None

    @staticmethod
    def _leftover(entry: Path) -> bool:
        """What an experiment killed before it wrote its manifest leaves: its lock, or a temporary
        file of ours."""
        if not entry.is_file():
            return False
        if entry.name == ".lock":
            with contextlib.suppress(OSError, UnicodeDecodeError):
                return bool(LOCK.match(entry.read_text(encoding="utf-8")))
            return False
        return bool(TEMPORARY.match(entry.name))

    def _remove_temporary(self) -> list[str]:
        """Remove the temporary files a killed session left (only ours: ``.<name>.<pid>.tmp``).
        The folder's lock is held, so no live process is writing them."""
        removed = []
        for file in sorted(self.path.rglob(".*.tmp")):
            if TEMPORARY.match(file.name) and file.is_file():
                with contextlib.suppress(FileNotFoundError):
                    file.unlink()
                removed.append(self.relative(file))
        return removed

    def _lock(self) -> None:
        lock = self.path / ".lock"
        if lock.exists():
            with contextlib.suppress(ValueError, OSError):
                pid = int(lock.read_text().split()[0])
                if pid != os.getpid() and alive(pid):
                    raise ExperimentFolderError(
                        f"{self.path} is being written by process {pid}; wait for it or stop it"
                    )
        write_bytes(f"{os.getpid()} {socket.gethostname()}\n".encode(), lock)

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

    def read_records(self) -> tuple[dict[str, dict], list[Damage]]:
        """The runs' records, and the record files that cannot be read."""
        out, damage = {}, []
        if self.records_dir.exists():
            for file in sorted(self.records_dir.glob("*.json")):
                try:
                    record = json.loads(file.read_text(encoding="utf-8"))
                    out[record["run_id"]] = record
                except (ValueError, OSError, KeyError, TypeError) as exc:
                    reason = "cannot be read" if isinstance(exc, OSError) else "not a run record"
                    damage.append(Damage(file.stem, self.relative(file), reason))
        return out, damage

    def save(self, record: dict) -> None:
        write_json(record, self.records_dir / f"{record['run_id']}.json")

    def write_tables(self, record: dict, tables: dict[str, tuple[int, bytes]]) -> None:
        """Write a run's table parts, then its record with their rows, size and SHA-256 (so that
        a record on disk means its parts were written whole)."""
        if tables:
            record["parts"] = {}
        for name, (rows, data) in tables.items():
            write_bytes(data, self.part(name, record["run_id"]))
            record["parts"][name] = {
                "rows": rows,
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        self.save(record)

    def read_part(self, name: str, record: dict) -> tuple[pa.Table | None, str | None]:
        """A run's table part, checked against its record: the table, or what is wrong with it.
        (A record from before parts were recorded is checked by reading the file whole.)"""
        file = self.part(name, record["run_id"])
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            return None, "missing"
        except OSError as exc:
            return None, f"cannot be read: {exc.strerror}"
        expected = (record.get("parts") or {}).get(name)
        if expected:
            if len(data) != expected["bytes"]:
                how = "truncated" if len(data) < expected["bytes"] else "too long"
                return None, f"{how}: {len(data):,} of {expected['bytes']:,} bytes"
            if hashlib.sha256(data).hexdigest() != expected["sha256"]:
                return None, "altered: its SHA-256 is not the one recorded when it was written"
        try:
            return decode_table(data), None
        except (pa.ArrowException, ValueError, OSError) as exc:
            return None, f"not a readable Arrow file: {str(exc).splitlines()[0][:120]}"

    def damaged(self, records: dict[str, dict]) -> list[Damage]:
        """The table parts of finished runs that are missing, truncated or altered."""
        out = []
        for rid, record in records.items():
            if record.get("status") != "ok":
                continue
            for name in TABLES:
                _, reason = self.read_part(name, record)
                if reason is not None:
                    out.append(Damage(rid, self.relative(self.part(name, rid)), reason))
        return out

    def forget(self, rid: str) -> None:
        """Remove a run's record and parts, so that it is run again."""
        for file in [self.records_dir / f"{rid}.json", *(self.part(n, rid) for n in TABLES)]:
            with contextlib.suppress(FileNotFoundError):
                file.unlink()

    def table(self, name: str, records: Iterable[dict]) -> pd.DataFrame:
        """One table gathered from the finished runs' parts; a damaged part is named."""
        tables, damage = [], []
        for record in records:
            table, reason = self.read_part(name, record)
            if reason is None:
                tables.append(table)
            else:
                rid = record["run_id"]
                damage.append(Damage(rid, self.relative(self.part(name, rid)), reason))
        if damage:
            manifest = self.read_manifest()
            raise ExperimentDamageError(
                f"{self.path}: {damage_text(damage)}. The other runs are intact; "
                f"{resume_hint(manifest, self.path)} (the damaged runs are done again)."
            )
        return concat(tables)

    def update_manifest(self, **fields) -> None:
        manifest = self.read_manifest()
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
