"""The golden run: every stored output is reproduced bit for bit.

Bit for bit on a machine whose CPU features (what NumPy dispatches its kernels on) are those of
the recording; elsewhere NumPy's vectorised tanh, exp and log may differ in the last bit, so
numbers must agree to a relative 1e-9 and everything else (counts, events, who left) exactly.
A refactor keeps this green. A change that moves a number on purpose re-records the run
(``tests/golden/record.py``) in the same commit and says why in the commit message.
"""

from __future__ import annotations

import gzip
import io
import json

import numpy as np
import pandas as pd
import pytest

from tests.golden import record

STORED = sorted((record.HERE / "scenarios").glob("*.csv.gz")) + sorted(
    (record.HERE / "policies").glob("*.csv.gz")
)


def _csv(frame) -> str:
    return frame.to_csv(index=False)


def _first_difference(stored: str, fresh: str) -> str:
    a, b = stored.splitlines(), fresh.splitlines()
    header = a[0].split(",") if a else []
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            xs, ys = x.split(","), y.split(",")
            for j, (u, v) in enumerate(zip(xs, ys, strict=False)):
                if u != v:
                    column = header[j] if j < len(header) else j
                    return f"line {i + 1}, column {column!r}: stored {u!r}, now {v!r}"
            return f"line {i + 1} differs"
    return f"{len(a)} lines stored, {len(b)} now"


def _versions_note() -> str:
    stored = json.loads((record.HERE / "versions.json").read_text())
    now = record.versions()
    changed = {k: (stored.get(k), v) for k, v in now.items() if stored.get(k) != v}
    if not changed:
        return ""
    return (
        f" (library versions differ from the recording: {changed}; make installs constraints.txt)"
    )


def test_the_golden_run_covers_every_scenario_and_policy():
    names = {p.name.split("_seed")[0] for p in (record.HERE / "scenarios").glob("*.csv.gz")}
    assert names == set(record.scenario_names())
    policies = {
        p.name.removesuffix("_metrics.csv.gz") for p in (record.HERE / "policies").glob("*")
    }
    assert policies == set(record.catalogue_policies())


def _same_cpu() -> bool:
    path = record.HERE / "cpu_features.json"
    return path.exists() and json.loads(path.read_text()) == record.cpu_features()


def _close_enough(stored: str, now: str) -> str | None:
    """None when the two tables agree up to last-bit float differences, else the first
    difference."""
    a, b = (pd.read_csv(io.StringIO(text)) for text in (stored, now))
    if list(a.columns) != list(b.columns) or len(a) != len(b):
        return _first_difference(stored, now)
    for column in a.columns:
        x, y = a[column], b[column]
        if pd.api.types.is_float_dtype(x) and pd.api.types.is_float_dtype(y):
            same = np.isclose(x, y, rtol=1e-9, atol=1e-12, equal_nan=True)
        else:
            same = (x == y) | (x.isna() & y.isna())
        if not np.all(same):
            row = int(np.flatnonzero(~np.asarray(same))[0])
            return f"line {row + 2}, column {column!r}: stored {x.iloc[row]!r}, now {y.iloc[row]!r}"
    return None


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name.removesuffix(".csv.gz"))
def test_golden_output_is_reproduced_bit_for_bit(path):
    stem = path.name.removesuffix(".csv.gz")
    if path.parent.name == "scenarios":
        name, rest = stem.split("_seed")
        seed, table = rest.split("_")
        metrics, events = record.run_scenario(name, int(seed))
        fresh = metrics if table == "metrics" else events
    else:
        fresh = record.run_policy(stem.removesuffix("_metrics"))
    stored = gzip.decompress(path.read_bytes()).decode()
    now = _csv(fresh)
    if _same_cpu():
        assert stored == now, f"{path.name}: {_first_difference(stored, now)}{_versions_note()}"
    else:
        difference = _close_enough(stored, now)
        assert difference is None, (
            f"{path.name} (recorded on a CPU with other features: last bits may differ): "
            f"{difference}{_versions_note()}"
        )


def test_the_tolerance_elsewhere_still_catches_a_changed_number():
    table = "month,cash,event\n0,1000.0,hire\n1,1000.0000000000002,quit\n"
    assert _close_enough(table, table.replace("1000.0000000000002", "1000.0000000000001")) is None
    assert "cash" in _close_enough(table, table.replace("1000.0000000000002", "1000.1"))
    assert "event" in _close_enough(table, table.replace("quit", "hire"))
