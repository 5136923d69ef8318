"""The calibration file: what a calibration found, written once, read only when a run names it.

A calibration file is JSON (written atomically: to a temporary name, then renamed). It holds the
fitted parameters with their prior ranges, the accepted ensemble (every member's values, its size
and the seed that drew it), each target with the value the ensemble reached, the library
versions, and a fingerprint of the code and the scenarios it was fitted to. Nothing reads one
unless it is named: :func:`apply` returns a scenario with the psychology overridden,
:func:`ensemble` the members as override dicts, and :func:`file_hash` what a run's
``summary.json`` records.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path
from typing import Any

from sim.calibration.parameters import PSYCHOLOGY
from sim.scenario import Scenario

FORMAT = "orgsim-calibration/1"
ROOT = Path(__file__).resolve().parents[2]


class CalibrationFileError(ValueError):
    """A calibration file that cannot be used, with the file and the field."""


class CalibrationWarning(UserWarning):
    """The code or scenarios differ from those the calibration was fitted to."""


def _digest(files) -> str:
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint() -> dict[str, str]:
    """SHA-256 of the model's code (every ``sim/**/*.py``) and of the shipped scenarios."""
    return {
        "code": _digest((ROOT / "sim").rglob("*.py")),
        "scenarios": _digest((ROOT / "scenarios").glob("*.yaml")),
    }


def library_versions() -> dict[str, str | None]:
    from importlib import metadata

    from sim.experiment.storage import versions

    out = versions()
    for dist in ("scikit-learn", "lifelines", "threadpoolctl"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    return out


def write(data: dict[str, Any], path: str | os.PathLike) -> Path:
    """Write a calibration file atomically."""
    from sim.experiment.storage import write_json

    path = Path(path)
    write_json({"format": FORMAT, **data}, path)
    return path


def file_hash(path: str | os.PathLike) -> str:
    """SHA-256 of the file's bytes: what a run's summary records."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load(path: str | os.PathLike, check_fingerprint: bool = True) -> dict[str, Any]:
    """Read and check a calibration file; warn when the code or the scenarios have changed."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CalibrationFileError(f"{path}: cannot read the file: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise CalibrationFileError(f"{path}: not a JSON calibration file: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CalibrationFileError(
            f"{path}: field 'format' must be {FORMAT!r}, not {data.get('format') if isinstance(data, dict) else data!r}"
        )
    members = data.get("ensemble", {}).get("members")
    if not isinstance(members, list) or not members:
        raise CalibrationFileError(f"{path}: field 'ensemble.members' must be a non-empty list")
    for i, member in enumerate(members):
        if not isinstance(member, dict):
            raise CalibrationFileError(f"{path}: ensemble.members[{i}] must be a mapping")
        for key in member:
            if not str(key).startswith(PSYCHOLOGY):
                raise CalibrationFileError(
                    f"{path}: ensemble.members[{i}] sets {key!r}; a calibration may set only "
                    "psychology parameters (psychology.NAME)"
                )
    best = data["ensemble"].get("best", 0)
    if not isinstance(best, int) or not 0 <= best < len(members):
        raise CalibrationFileError(
            f"{path}: field 'ensemble.best' must index a member, not {best!r}"
        )
    if check_fingerprint:
        now, then = fingerprint(), data.get("fingerprint", {})
        changed = [k for k in ("code", "scenarios") if then.get(k) != now[k]]
        if changed:
            warnings.warn(
                f"{path} was fitted to other {' and '.join(changed)} than these; its values may "
                "no longer meet its targets (calibrate again)",
                CalibrationWarning,
                stacklevel=2,
            )
    return data


def ensemble(path: str | os.PathLike) -> list[dict[str, Any]]:
    """The accepted ensemble as a list of override dicts (``psychology.NAME -> value``)."""
    return [dict(m) for m in load(path)["ensemble"]["members"]]


def best(path: str | os.PathLike) -> dict[str, Any]:
    """The member with the lowest implausibility, as overrides."""
    data = load(path)
    return dict(data["ensemble"]["members"][data["ensemble"]["best"]])


def apply(
    scenario: Scenario, calibration_file: str | os.PathLike, member: int | None = None
) -> Scenario:
    """The scenario with its psychology overridden by the calibration's best member (or member
    ``member`` of its ensemble). Nothing else of the scenario changes."""
    data = load(calibration_file)
    members = data["ensemble"]["members"]
    index = data["ensemble"]["best"] if member is None else member
    if not 0 <= index < len(members):
        raise CalibrationFileError(
            f"{calibration_file}: no ensemble member {index} (0..{len(members) - 1})"
        )
    return scenario.with_overrides(members[index], source=f"calibration {calibration_file}")
