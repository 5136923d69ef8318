"""Helpers for the tests of the incentives, culture, restructuring and information families and the
people-and-owner timeline events: run the same firm with and without a policy over paired seeds.

Every arm of a comparison runs on the same seeds (common random numbers), and a direction is
accepted only when the mean paired difference exceeds ``Z`` standard errors. Each comparison prints
one line (run pytest with ``-s`` to see the measured statistics).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

import numpy as np

# Until sim/policies/__init__.py imports these families, import them here to register them.
import sim.policies.culture  # noqa: F401
import sim.policies.incentives  # noqa: F401
import sim.policies.information  # noqa: F401
import sim.policies.market_events  # noqa: F401
import sim.policies.restructuring  # noqa: F401
from sim.model import OrgModel
from sim.scenario import Scenario, load_scenario

SEEDS = tuple(range(20))
Z = 3.0  # standard errors the paired mean difference must clear


@functools.cache
def baseline() -> Scenario:
    return load_scenario("baseline")


def entry(name: str, **params) -> dict:
    """A scenario's policy entry."""
    return {"name": name, "params": params}


def event(month: int, name: str, **params) -> dict:
    """A scenario's timeline entry."""
    return {"month": month, "event": name, "params": params}


def scenario(policies=(), timeline=(), months: int = 24, **overrides) -> str:
    """The baseline firm with these policies, timeline and dotted-path overrides, as a cache key."""
    return json.dumps(
        {
            "policies": list(policies),
            "timeline": list(timeline),
            "months": months,
            "overrides": overrides,
        },
        sort_keys=True,
    )


def build(key: str) -> Scenario:
    spec = json.loads(key)
    changes = {"policies": spec["policies"], "timeline": spec["timeline"], "months": spec["months"]}
    changes.update(spec["overrides"])
    return baseline().with_overrides(changes)


@functools.lru_cache(maxsize=512)
def run(key: str, seed: int) -> OrgModel:
    """One run of a scenario key to its end (cached: arms shared by several tests run once)."""
    sc = build(key)
    return OrgModel(sc, seed=seed).run(sc.months)


def metric_mean(
    column: str, first: int = 1, last: int | None = None
) -> Callable[[OrgModel], float]:
    """Statistic: the mean of a monthly metric over months ``first..last`` (inclusive)."""

    def stat(model: OrgModel) -> float:
        frame = model.metrics()
        end = frame["month"].max() if last is None else last
        window = frame[(frame["month"] >= first) & (frame["month"] <= end)]
        return float(window[column].mean())

    stat.__name__ = f"mean {column} over months {first}..{last or 'end'}"
    return stat


def values(key: str, stat: Callable[[OrgModel], float], seeds=SEEDS) -> np.ndarray:
    return np.array([stat(run(key, s)) for s in seeds])


def compare(
    label: str,
    higher: str,
    lower: str,
    stat: Callable[[OrgModel], float],
    seeds=SEEDS,
    z: float = Z,
) -> tuple[float, float, float]:
    """Assert that ``stat`` is higher in arm ``higher`` than in arm ``lower`` over paired seeds.

    Returns (mean of higher, mean of lower, standard error of the paired difference).
    """
    a, b = values(higher, stat, seeds), values(lower, stat, seeds)
    diff = a - b
    se = float(diff.std(ddof=1) / np.sqrt(diff.size)) if diff.size > 1 else 0.0
    line = (
        f"[B2] {label}: {getattr(stat, '__name__', 'statistic')}: "
        f"{a.mean():.4f} vs {b.mean():.4f}, paired diff {diff.mean():+.4f} +- {se:.4f} "
        f"(n={diff.size})"
    )
    print(line)
    assert diff.mean() > z * se and diff.mean() > 0, line
    return float(a.mean()), float(b.mean()), se


def report(label: str, value) -> None:
    print(f"[B2] {label}: {value}")


def common_rows(model_a: OrgModel, model_b: OrgModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The employees present in both models: (unique ids, their rows in a, their rows in b)."""
    uid_a = model_a.workforce.uid[: model_a.workforce.n]
    uid_b = model_b.workforce.uid[: model_b.workforce.n]
    common, rows_a, rows_b = np.intersect1d(uid_a, uid_b, return_indices=True)
    return common, rows_a, rows_b


def mean_and_se(x) -> tuple[float, float]:
    x = np.asarray(x, dtype=float)
    return float(x.mean()), float(x.std(ddof=1) / np.sqrt(x.size))


def assert_positive(label: str, x) -> None:
    """Assert that paired differences ``x`` are positive on average by ``Z`` standard errors."""
    mean, se = mean_and_se(x)
    line = f"[B2] {label}: {mean:+.4f} +- {se:.4f} (n={len(x)})"
    print(line)
    assert mean > Z * se and mean > 0, line
