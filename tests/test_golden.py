"""The golden run: every stored output is reproduced bit for bit.

A refactor keeps this green. A change that moves a number on purpose re-records the run
(``tests/golden/record.py``) in the same commit and says why in the commit message.
"""

from __future__ import annotations

import gzip
import json

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
    assert stored == now, f"{path.name}: {_first_difference(stored, now)}{_versions_note()}"
