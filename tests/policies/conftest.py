"""Helpers for the tests of the pay, appraisal, security and career policy families.

A test names small variants of the baseline firm with :func:`arm` (policies, a timeline, dotted-path
overrides), runs each over the same seeds (common random numbers: the same initial firm, and the
same random stream until the arms' policies draw differently), and compares a statistic between two
arms with :func:`compare`. A direction is accepted only when the mean paired difference is at least
``T_MIN`` standard errors from zero. Every comparison prints one ``[B1]`` line with the statistic,
both arms' means and the paired difference (run pytest with ``-s`` to read them).

Runs are cached by (arm, seed), so an arm shared by several tests runs once per session.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

import sim.policies  # noqa: F401  (registers every policy family)
from sim.model import OrgModel
from sim.scenario import Scenario, ScenarioError, load_scenario, validate_scenario

# tests/policies is a package (for unique test module names); keep its plain-module helpers
# (helper B2's `_b2_helpers`) importable by name as well.
sys.path.insert(0, str(Path(__file__).resolve().parent))

SEEDS = tuple(range(20))
T_MIN = 3.0  # standard errors the paired mean difference must clear


@functools.cache
def baseline() -> Scenario:
    return load_scenario("baseline")


def arm(*policies, timeline=(), months: int = 36, **overrides) -> str:
    """A variant of the baseline firm, as a hashable key.

    ``policies`` are names or ``(name, {params})`` pairs; ``timeline`` entries are
    ``(month, event, {params})``; ``overrides`` are dotted paths with ``__`` for dots
    (``finances__cash=0``).
    """
    entries = [
        {"name": p, "params": {}} if isinstance(p, str) else {"name": p[0], "params": dict(p[1])}
        for p in policies
    ]
    events = [{"month": m, "event": e, "params": dict(params)} for m, e, params in timeline]
    changes = {k.replace("__", "."): v for k, v in overrides.items()}
    return json.dumps(
        {"policies": entries, "timeline": events, "months": months, "overrides": changes},
        sort_keys=True,
    )


@functools.cache
def scenario_of(key: str) -> Scenario:
    spec = json.loads(key)
    data = baseline().model_dump(mode="python")
    data.update(policies=spec["policies"], timeline=spec["timeline"], months=spec["months"])
    scenario = validate_scenario(data, source="test arm")
    return scenario.with_overrides(spec["overrides"]) if spec["overrides"] else scenario


@functools.lru_cache(maxsize=1024)
def run(key: str, seed: int) -> OrgModel:
    """One run of an arm to its end."""
    scenario = scenario_of(key)
    return OrgModel(scenario, seed=seed).run(scenario.months)


def trace(key: str, seed: int, probe: Callable[[OrgModel], float]) -> np.ndarray:
    """``probe(model)`` after every month of a fresh run (for statistics the metrics lack)."""
    scenario = scenario_of(key)
    model = OrgModel(scenario, seed=seed)
    out = []
    for _ in range(scenario.months):
        model.step()
        out.append(probe(model))
    return np.asarray(out, dtype=float)


def metric_mean(column: str, first: int = 1, last: int | None = None):
    """Statistic: the mean of a monthly metric over months ``first..last`` (inclusive)."""

    def stat(model: OrgModel) -> float:
        frame = model.metrics()
        end = int(frame["month"].max()) if last is None else last
        return float(frame[column][(frame["month"] >= first) & (frame["month"] <= end)].mean())

    stat.__name__ = f"mean {column}, months {first}..{last or 'end'}"
    return stat


def metric_total(column: str, first: int = 1, last: int | None = None):
    """Statistic: the sum of a monthly metric over months ``first..last`` (inclusive)."""

    def stat(model: OrgModel) -> float:
        frame = model.metrics()
        end = int(frame["month"].max()) if last is None else last
        return float(frame[column][(frame["month"] >= first) & (frame["month"] <= end)].sum())

    stat.__name__ = f"total {column}, months {first}..{last or 'end'}"
    return stat


def per_seed(key: str, stat: Callable[[OrgModel], float], seeds=SEEDS) -> np.ndarray:
    return np.array([stat(run(key, seed)) for seed in seeds], dtype=float)


@dataclass
class Paired:
    """A statistic measured on two arms over the same seeds."""

    label: str
    statistic: str
    a: np.ndarray
    b: np.ndarray

    @property
    def diff(self) -> np.ndarray:
        return self.a - self.b

    @property
    def se(self) -> float:
        d = self.diff
        return float(d.std(ddof=1) / np.sqrt(d.size)) if d.size > 1 else float("inf")

    @property
    def t(self) -> float:
        mean = float(self.diff.mean())
        return mean / self.se if self.se > 0 else (np.inf * np.sign(mean) if mean else 0.0)

    def line(self) -> str:
        return (
            f"[B1] {self.label}: {self.statistic}: {self.a.mean():.4g} vs {self.b.mean():.4g}, "
            f"paired diff {self.diff.mean():+.4g} (se {self.se:.3g}, t {self.t:+.1f}, "
            f"n={self.diff.size})"
        )

    def higher(self) -> Paired:
        """Assert that arm a is higher than arm b by ``T_MIN`` standard errors."""
        print(self.line())
        assert self.t >= T_MIN, self.line()
        return self

    def lower(self) -> Paired:
        """Assert that arm a is lower than arm b by ``T_MIN`` standard errors."""
        print(self.line())
        assert self.t <= -T_MIN, self.line()
        return self


def compare(label: str, key_a: str, key_b: str, stat, seeds=SEEDS) -> Paired:
    """The statistic on arm a against arm b over paired seeds (assert with ``.higher()``)."""
    return Paired(
        label,
        getattr(stat, "__name__", "statistic"),
        per_seed(key_a, stat, seeds),
        per_seed(key_b, stat, seeds),
    )


def logged(model: OrgModel, event: str) -> pd.DataFrame:
    """The event log's rows of one kind (the log is built once per run)."""
    frame = _event_logs.get(id(model))
    if frame is None:
        frame = _event_logs[id(model)] = model.events()
    return frame[frame["event"] == event]


_event_logs: dict[int, pd.DataFrame] = {}  # runs are cached for the session, so ids stay valid


def report(label: str, value) -> None:
    print(f"[B1] {label}: {value}")


def rejection(policy: str, params: dict) -> str:
    """The message with which the baseline, given this policy entry, fails validation."""
    data = baseline().model_dump(mode="python")
    data["policies"] = [{"name": policy, "params": params}]
    try:
        validate_scenario(data, source="bad_scenario.yaml")
    except ScenarioError as err:
        return str(err)
    raise AssertionError(f"policy {policy!r} with {params} passed validation")


def survives_the_timeline(policy: str, change: dict) -> OrgModel:
    """Run the baseline with ``policy`` added at month 3, changed at 9 and removed at 15, through a
    recession (months 6 to 18); return the model. Raises if any step fails."""
    timeline = (
        (3, "add_policy", {"policy": policy, "params": {}}),
        (6, "demand", {"level": 0.6}),
        (9, "change_policy", {"policy": policy, "params": change}),
        (15, "remove_policy", {"policy": policy}),
        (18, "demand", {"level": 1.0}),
    )
    key = arm(timeline=timeline, months=24, finances__owner_subsidy_budget=1e5)
    model = OrgModel(scenario_of(key), seed=3).run()
    assert model.policy(policy) is None
    return model


def producers(model: OrgModel) -> np.ndarray:
    """Rows of the production workers (the baseline's first role)."""
    ws = model.workforce
    return np.flatnonzero(ws.role[: ws.n] == model.role_names.index("production_worker"))
