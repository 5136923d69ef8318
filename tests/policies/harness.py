"""The harness of the policy tests: arms of the baseline firm, run on paired seeds, compared in a
declared direction.

An *arm* is the baseline firm (scenarios/baseline.yaml) with some policies, timeline events and
dotted-path overrides, built by :func:`arm`. The firm *adopts* the arm's policies at month 0 (they
arrive on the timeline, after a history without them), so that every arm starts from the same
firm and a comparison measures what adopting a policy does; ``since_founding=True`` instead puts
them in force for the firm's whole history (a firm that always had them). Every arm runs on the same seeds, :data:`SEEDS`:
common random numbers, so two arms start from the same firm and share one random stream until their
policies draw differently. Runs are cached by (arm, seed), so an arm that several tests share runs
once per test process.

The statistical rule, stated once (:class:`Comparison`): a statistic is measured once per seed on
arm a and on arm b; arm a is *higher* when the mean of the paired differences ``a_k - b_k`` is
positive and more than ``T_MIN`` = 3 standard errors of that mean from zero (a paired t statistic
above 3; over 20 seeds a one-sided p of about 0.004). *Lower* is the mirror image. At least two
seeds are needed, as a single difference has no standard error.

A comparison is checked when it is built, and it cannot be built without its expected direction:
:func:`expect_higher` and :func:`expect_lower` run two arms and raise ``AssertionError`` at once if
the direction does not hold; :func:`expect_paired` does the same for values a test measured itself,
and :func:`expect_positive` for paired differences. A comparison that a test forgets to assert
cannot be written. Each comparison prints one ``[measured]`` line with the statistic, both arms'
means and the paired difference (``pytest -s`` shows them).
"""

from __future__ import annotations

import functools
import json
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

import numpy as np
import pandas as pd

import sim.policies  # noqa: F401  (registers every policy family and timeline event)
from sim.model import OrgModel
from sim.scenario import Scenario, ScenarioError, load_scenario, validate_scenario

SEEDS = tuple(range(20))
T_MIN = 3.0  # standard errors the mean paired difference must clear, in the expected direction
MONTHS = 36  # length of an arm's run unless it says otherwise

Statistic = Callable[[OrgModel], float]


# --- arms ---------------------------------------------------------------------------------------


@functools.cache
def baseline() -> Scenario:
    return load_scenario("baseline")


def policy(name: str, **params) -> dict:
    """A scenario's policy entry: ``policy("piece_rate", quality_rule="none")``."""
    return {"name": name, "params": params}


def event(month: int, name: str, **params) -> dict:
    """A scenario's timeline entry: ``event(12, "demand", level=0.7)``."""
    return {"month": month, "event": name, "params": params}


@dataclass(frozen=True)
class Arm:
    """A variant of the baseline firm, built by :func:`arm` (hashable, so its runs are cached)."""

    spec: str  # policies, timeline, months and overrides as sorted JSON

    def __str__(self) -> str:
        return self.spec


def arm(
    *policies: str | dict,
    timeline: Iterable[dict] = (),
    months: int = MONTHS,
    overrides: dict | None = None,
    since_founding: bool = False,
) -> Arm:
    """The baseline firm that adopts these policies at month 0 (names, or :func:`policy` entries;
    with ``since_founding``, in force through its history), this timeline (:func:`event` entries),
    run for ``months``, with dotted-path ``overrides`` (``{"finances.cash": 0.0}``)."""
    for entry in policies:
        if not isinstance(entry, str | dict):
            raise TypeError(f"arm(): a policy is a name or a policy(...) entry, not {entry!r}")
    entries = [policy(p) if isinstance(p, str) else p for p in policies]
    spec = {
        "policies": entries,
        "timeline": list(timeline),
        "months": months,
        "overrides": dict(overrides or {}),
        "since_founding": since_founding,
    }
    return Arm(json.dumps(spec, sort_keys=True))


@functools.cache
def scenario_of(variant: Arm) -> Scenario:
    """The validated scenario of an arm (policies, timeline and overrides are validated together,
    so a policy may name what an override adds, such as a department)."""
    spec = json.loads(variant.spec)
    if spec["since_founding"]:
        policies, adopted = spec["policies"], []
    else:
        policies = []
        adopted = [
            event(0, "add_policy", policy=entry["name"], params=entry["params"])
            for entry in spec["policies"]
        ]
    changes = {
        "policies": policies,
        "timeline": adopted + spec["timeline"],
        "months": spec["months"],
    }
    changes.update(spec["overrides"])
    return baseline().with_overrides(changes, source="test arm")


@functools.lru_cache(maxsize=2048)
def run(variant: Arm, seed: int) -> OrgModel:
    """One run of an arm to its end (cached: do not step the model further; see :func:`trace`)."""
    scenario = scenario_of(variant)
    return OrgModel.from_scenario(scenario, seed=seed).run(scenario.months)


def trace(variant: Arm, seed: int, probe: Statistic) -> np.ndarray:
    """``probe(model)`` after every month of a fresh run (for statistics the metrics lack)."""
    scenario = scenario_of(variant)
    model = OrgModel.from_scenario(scenario, seed=seed)
    out = []
    for _ in range(scenario.months):
        model.step()
        out.append(probe(model))
    return np.asarray(out, dtype=float)


def per_seed(variant: Arm, stat: Statistic, seeds: Iterable[int] = SEEDS) -> np.ndarray:
    """The statistic on the arm's run with each seed."""
    return np.array([stat(run(variant, seed)) for seed in seeds], dtype=float)


# --- statistics ---------------------------------------------------------------------------------


def _window(frame: pd.DataFrame, column: str, first: int, last: int | None) -> pd.Series:
    end = int(frame["month"].max()) if last is None else last
    return frame[column][(frame["month"] >= first) & (frame["month"] <= end)]


def metric_mean(column: str, first: int = 1, last: int | None = None) -> Statistic:
    """Statistic: the mean of a monthly metric over months ``first..last`` (inclusive)."""

    def stat(model: OrgModel) -> float:
        return float(_window(model.metrics(), column, first, last).mean())

    stat.__name__ = f"mean {column}, months {first}..{last or 'end'}"
    return stat


def metric_total(column: str, first: int = 1, last: int | None = None) -> Statistic:
    """Statistic: the sum of a monthly metric over months ``first..last`` (inclusive)."""

    def stat(model: OrgModel) -> float:
        return float(_window(model.metrics(), column, first, last).sum())

    stat.__name__ = f"total {column}, months {first}..{last or 'end'}"
    return stat


# --- the comparison -----------------------------------------------------------------------------


class Direction(Enum):
    """Which way arm a is expected to differ from arm b."""

    HIGHER = 1
    LOWER = -1


@dataclass(frozen=True, eq=False)
class Comparison:
    """A statistic measured on arm a and arm b with the same seeds, and the direction expected of
    a against b. Building one checks the rule of this module and raises ``AssertionError`` if it
    fails, so every ``Comparison`` that exists has passed."""

    label: str  # "a vs b", in words
    statistic: str
    a: np.ndarray  # one value per seed
    b: np.ndarray  # one value per seed, the same seeds in the same order
    expected: Direction

    def __post_init__(self):
        a, b = np.asarray(self.a, dtype=float), np.asarray(self.b, dtype=float)
        if a.ndim != 1 or a.shape != b.shape or a.size < 2:
            raise ValueError(
                f"{self.label}: a comparison needs one value per seed for each arm and at least "
                f"2 seeds; got shapes {a.shape} and {b.shape}"
            )
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)
        print(self.line())
        shift = self.expected.value * float(self.diff.mean())
        if not (shift > 0.0 and shift > T_MIN * self.se):
            raise AssertionError(
                f"expected {self.expected.name.lower()} by more than {T_MIN:g} standard errors: "
                f"{self.line()}"
            )

    @property
    def diff(self) -> np.ndarray:
        """The paired differences a - b, one per seed."""
        return self.a - self.b

    @property
    def se(self) -> float:
        """The standard error of the mean paired difference."""
        return float(self.diff.std(ddof=1) / np.sqrt(self.diff.size))

    @property
    def t(self) -> float:
        mean = float(self.diff.mean())
        if self.se > 0:
            return mean / self.se
        return float(np.inf * np.sign(mean)) if mean else 0.0

    def line(self) -> str:
        return (
            f"[measured] {self.label}: {self.statistic}: "
            f"{self.a.mean():.4g} vs {self.b.mean():.4g}, paired diff {self.diff.mean():+.4g} (se {self.se:.3g}, t {self.t:+.1f}, "
            f"n={self.diff.size}), expected {self.expected.name.lower()}"
        )


def expect_paired(
    label: str, statistic: str, a: Iterable[float], b: Iterable[float], expected: Direction
) -> Comparison:
    """Assert that values a test measured itself on two arms, one per seed and the same seeds in
    the same order, differ in the ``expected`` direction."""
    return Comparison(label, statistic, np.asarray(a), np.asarray(b), expected)


def _compare(label, arm_a, arm_b, stat, seeds, expected) -> Comparison:
    statistic = getattr(stat, "__name__", "statistic")
    return expect_paired(
        label, statistic, per_seed(arm_a, stat, seeds), per_seed(arm_b, stat, seeds), expected
    )


def expect_higher(
    label: str, arm_a: Arm, arm_b: Arm, stat: Statistic, seeds: Iterable[int] = SEEDS
) -> Comparison:
    """Assert that ``stat`` is higher on ``arm_a`` than on ``arm_b`` over paired seeds."""
    return _compare(label, arm_a, arm_b, stat, seeds, Direction.HIGHER)


def expect_lower(
    label: str, arm_a: Arm, arm_b: Arm, stat: Statistic, seeds: Iterable[int] = SEEDS
) -> Comparison:
    """Assert that ``stat`` is lower on ``arm_a`` than on ``arm_b`` over paired seeds."""
    return _compare(label, arm_a, arm_b, stat, seeds, Direction.LOWER)


def expect_positive(label: str, differences: Iterable[float]) -> Comparison:
    """Assert that paired differences a test measured itself (one per seed, for instance the same
    people in two arms) are positive by the same rule."""
    d = np.asarray(list(differences), dtype=float)
    return expect_paired(label, "paired difference", d, np.zeros_like(d), Direction.HIGHER)


# --- reading a run ------------------------------------------------------------------------------


def report(label: str, value) -> None:
    """Print a measured value that a test checks in its own way (``pytest -s`` shows it)."""
    print(f"[measured] {label}: {value}")


def mean_and_se(x: Iterable[float]) -> tuple[float, float]:
    """The mean of ``x`` and its standard error."""
    x = np.asarray(list(x), dtype=float)
    return float(x.mean()), float(x.std(ddof=1) / np.sqrt(x.size))


_event_logs: weakref.WeakKeyDictionary[OrgModel, pd.DataFrame] = weakref.WeakKeyDictionary()


def logged(model: OrgModel, kind: str) -> pd.DataFrame:
    """The event log's rows of one kind (the log is built once per model)."""
    frame = _event_logs.get(model)
    if frame is None:
        frame = _event_logs[model] = model.events()
    return frame[frame["event"] == kind]


def producers(model: OrgModel) -> np.ndarray:
    """Rows of the production workers (the baseline's first role)."""
    ws = model.workforce
    return np.flatnonzero(ws.role[: ws.n] == model.role_names.index("production_worker"))


def common_rows(model_a: OrgModel, model_b: OrgModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The employees present in both models: (unique ids, their rows in a, their rows in b)."""
    uid_a = model_a.workforce.uid[: model_a.workforce.n]
    uid_b = model_b.workforce.uid[: model_b.workforce.n]
    common, rows_a, rows_b = np.intersect1d(uid_a, uid_b, return_indices=True)
    return common, rows_a, rows_b


# --- validation and the timeline ----------------------------------------------------------------


def rejection(name: str, params: dict) -> str:
    """The message with which the baseline, given this policy entry, fails validation."""
    data = baseline().model_dump(mode="python")
    data["policies"] = [policy(name, **params)]
    try:
        validate_scenario(data, source="bad_scenario.yaml")
    except ScenarioError as err:
        return str(err)
    raise AssertionError(f"policy {name!r} with {params} passed validation")


def survives_the_timeline(name: str, change: dict) -> OrgModel:
    """Run the baseline with policy ``name`` added at month 3, changed at 9 and removed at 15,
    through a recession (months 6 to 18); return the model. Raises if any step fails."""
    timeline = (
        event(3, "add_policy", policy=name, params={}),
        event(6, "demand", level=0.6),
        event(9, "change_policy", policy=name, params=change),
        event(15, "remove_policy", policy=name),
        event(18, "demand", level=1.0),
    )
    variant = arm(timeline=timeline, months=24, overrides={"finances.owner_subsidy_budget": 1e5})
    model = OrgModel.from_scenario(scenario_of(variant), seed=3).run()
    assert model.policy(name) is None
    return model
