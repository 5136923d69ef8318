"""Writing a run's results: every file is written in full to a temporary name, then moved into place,
so an interrupted run never leaves a half-written file behind. Files get the permissions the
user's umask gives a new file (0644 under the usual 022), and JSON is strict: a figure that is
undefined (the mean of nobody) is ``null``, never a bare ``NaN``."""

from __future__ import annotations

import json
import math
import os
import secrets
from pathlib import Path

from sim.viz.report import run_report

RUN_FILES = ("summary.json", "metrics.csv", "events.csv", "report.png")  # in the order written


def atomic(path: Path, write) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # created by name with mode 0666, so that the umask decides (tempfile.mkstemp would give 0600)
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - 100 collisions of 32 random bits
        raise FileExistsError(f"cannot make a temporary file beside {path}")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_csv(frame, path: Path) -> Path:
    return atomic(Path(path), lambda tmp: frame.to_csv(tmp, index=False))


def strict_json(data) -> str:
    """JSON text of ``data`` with every non-finite number as ``null`` (JSON has no NaN)."""
    return json.dumps(_finite(data), indent=2, default=_plain, allow_nan=False) + "\n"


def write_json(data, path: Path) -> Path:
    text = strict_json(data)
    return atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _finite(value):
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        try:
            value = value.item()  # a NumPy scalar
        except (TypeError, ValueError):
            return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _plain(value):
    if hasattr(value, "item"):
        return _finite(value.item())
    return str(value)


def run_identity(summary: dict) -> dict:
    """What makes two runs the same command: scenario, seed, months and overrides."""
    return {key: summary.get(key) for key in ("scenario", "seed", "months", "overrides")}


def write_run(model, out_dir: str | Path, overrides: dict | None = None) -> dict[str, Path]:
    """summary.json, metrics.csv, events.csv and report.png of a finished run (the summary first:
    it says which run the folder holds, so that a rerun of the same command may replace it)."""
    out = Path(out_dir)
    metrics, events = model.metrics(), model.events()
    summary = model.summary(metrics, events)
    summary["overrides"] = dict(overrides or {})
    subtitle = f"scenario {model.spec.name} · seed {model.seed} · {model.month} months"
    title = model.spec.title or model.spec.name
    return {
        "summary": write_json(summary, out / "summary.json"),
        "metrics": write_csv(metrics, out / "metrics.csv"),
        "events": write_csv(events, out / "events.csv"),
        "report": atomic(out / "report.png", lambda tmp: run_report(metrics, tmp, title, subtitle)),
    }
