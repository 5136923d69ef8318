"""Writing a run's results: every file is written in full to a temporary name, then moved into place,
so an interrupted run never leaves a half-written file behind."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from sim.viz.report import run_report


def atomic(path: Path, write) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_csv(frame, path: Path) -> Path:
    return atomic(Path(path), lambda tmp: frame.to_csv(tmp, index=False))


def write_json(data, path: Path) -> Path:
    return atomic(
        Path(path), lambda tmp: tmp.write_text(json.dumps(data, indent=2, default=_plain) + "\n")
    )


def _plain(value):
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def write_run(model, out_dir: str | Path, overrides: dict | None = None) -> dict[str, Path]:
    """metrics.csv, events.csv, summary.json and report.png of a finished run."""
    out = Path(out_dir)
    metrics, events = model.metrics(), model.events()
    summary = model.summary(metrics, events)
    summary["overrides"] = dict(overrides or {})
    subtitle = f"scenario {model.spec.name} · seed {model.seed} · {model.month} months"
    title = model.spec.title or model.spec.name
    return {
        "metrics": write_csv(metrics, out / "metrics.csv"),
        "events": write_csv(events, out / "events.csv"),
        "summary": write_json(summary, out / "summary.json"),
        "report": atomic(out / "report.png", lambda tmp: run_report(metrics, tmp, title, subtitle)),
    }
