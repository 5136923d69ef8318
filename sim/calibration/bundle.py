"""Run bundles: what a statistic is computed from, and how the runs are made.

An :class:`Arm` names a scenario, the overrides that make it this arm, and its length. A
:class:`Bundle` holds, for one parameter set, the monthly metrics and the event log of every arm
over the same replicate seeds (common random numbers: replicate k of every arm runs on seed k),
and the outcomes of any case study (``sim.cases``) a statistic reads.

:func:`run_bundles` makes the bundles of many parameter sets at once: every arm crossed with every
parameter set is one point of a single ``sim.experiment.sweep``, so the runs go to whatever
executor the :class:`~sim.experiment.RunSettings` name, and the numbers do not depend on it. Case
studies run as tasks on the same kind of executor (:mod:`sim.calibration.cases_bridge`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, wait
from typing import Any

import pandas as pd

from sim.experiment import RunSettings, spawn_seeds
from sim.experiment.design import Design, Point
from sim.experiment.executors import open_execution
from sim.experiment.runner import run_experiment
from sim.scenario import Scenario, load_scenario

FAILED = "__failed__"  # Bundle.cases[case][FAILED]: why the case could not run

Overrides = tuple[tuple[str, Any], ...]
"""Dotted-path overrides as a sorted tuple of pairs, so that arms and nulls hash and pickle."""


def frozen(overrides: Mapping[str, Any] | Overrides | None) -> Overrides:
    if not overrides:
        return ()
    items = overrides.items() if isinstance(overrides, Mapping) else overrides
    return tuple(sorted((str(k), v) for k, v in items))


@dataclasses.dataclass(frozen=True)
class Arm:
    """A scenario as one arm of a statistic: its name or file, its overrides, its months."""

    label: str
    scenario: str
    overrides: Overrides = ()
    months: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "overrides", frozen(self.overrides))

    def with_overrides(self, extra: Mapping[str, Any] | Overrides, tag: str) -> Arm:
        """The same arm with more overrides (a null's switch), under a label of its own."""
        extra = frozen(extra)
        if not extra:
            return self
        merged = dict(self.overrides) | dict(extra)
        return dataclasses.replace(self, label=f"{self.label}|{tag}", overrides=frozen(merged))

    def build(self) -> Scenario:
        scenario = load_scenario(self.scenario, dict(self.overrides) or None)
        if self.months is not None:
            scenario = scenario.with_overrides({"months": self.months}, source=f"arm {self.label}")
        return scenario


@dataclasses.dataclass
class ArmRuns:
    """One arm's runs for one parameter set: monthly metrics and events, keyed by replicate."""

    arm: Arm
    scenario: Scenario
    monthly: pd.DataFrame
    events: pd.DataFrame

    @property
    def replicates(self) -> list[int]:
        return sorted(self.monthly["replicate"].unique().tolist()) if len(self.monthly) else []

    @property
    def last_month(self) -> int:
        return int(self.monthly["month"].max()) if len(self.monthly) else 0

    def only(self, replicates: Sequence[int]) -> ArmRuns:
        keep = set(replicates)
        return ArmRuns(
            self.arm,
            self.scenario,
            self.monthly[self.monthly["replicate"].isin(keep)],
            self.events[self.events["replicate"].isin(keep)],
        )


@dataclasses.dataclass
class Bundle:
    """Everything the statistics of one parameter set read: arm label -> runs, and case name ->
    fact -> ``{"value", "passed"}`` from ``sim.cases``."""

    runs: dict[str, ArmRuns]
    cases: dict[str, dict[str, dict]] = dataclasses.field(default_factory=dict)

    def __getitem__(self, label: str) -> ArmRuns:
        try:
            return self.runs[label]
        except KeyError:
            raise KeyError(f"no arm {label!r} in this bundle; arms: {sorted(self.runs)}") from None

    @property
    def replicates(self) -> list[int]:
        seen: set[int] = set()
        for runs in self.runs.values():
            seen.update(runs.replicates)
        return sorted(seen)

    def without(self, replicate: int) -> Bundle:
        """The bundle less one replicate (for the jackknife); case outcomes are kept whole."""
        rest = [r for r in self.replicates if r != replicate]
        return Bundle({k: v.only(rest) for k, v in self.runs.items()}, self.cases)


def run_bundles(
    arms: Sequence[Arm],
    points: Sequence[Mapping[str, Any]],
    settings: RunSettings,
    cases: Sequence[tuple[str, Overrides]] = (),
) -> list[Bundle]:
    """One bundle per parameter set in ``points`` (dotted path -> value, applied to every arm),
    each arm run ``settings.seeds`` times; where an arm sets a parameter itself, the arm's value
    wins. ``cases``: (case name, extra overrides) pairs to run for every point too, the extra
    overrides winning over the point's; they land in ``bundle.cases`` under
    the case name, or ``name|tag`` when the extra overrides are not empty (see
    :func:`case_key`)."""
    points = [dict(p) for p in points]
    bundles = [Bundle({}) for _ in points]
    unique = list({arm.label: arm for arm in arms}.values())
    if unique:
        scenarios = {arm.label: arm.build() for arm in unique}
        count = len(points)
        # an arm's own overrides win over a parameter set's (a null switches a mechanism off
        # even when the calibration fits the parameter that carries it)
        design = Design(
            "sweep",
            scenarios,
            [
                Point(
                    position * count + index,
                    arm.label,
                    {k: v for k, v in point.items() if k not in dict(arm.overrides)},
                )
                for position, arm in enumerate(unique)
                for index, point in enumerate(points)
            ],
        )
        result = run_experiment(design, settings)
        if len(result.failed):
            first = result.failed.iloc[0]
            raise RuntimeError(
                f"{len(result.failed)} runs failed; the first ({first['arm']}, point "
                f"{first['point']}): {first['error']}"
            )
        count = len(points)
        monthly = dict(tuple(result.monthly.groupby("point", sort=True)))
        events = dict(tuple(result.events.groupby("point", sort=True)))
        for position, arm in enumerate(unique):
            for index in range(count):
                point = position * count + index
                m = monthly.get(point, result.monthly.iloc[0:0])
                e = events.get(point, result.events.iloc[0:0])
                bundles[index].runs[arm.label] = ArmRuns(
                    arm, scenarios[arm.label], m.reset_index(drop=True), e.reset_index(drop=True)
                )
    if cases:
        outcomes = run_case_tasks(
            [(name, point | dict(extra)) for point in points for name, extra in cases],
            spawn_seeds(settings.root_seed, settings.seeds),
            settings,
        )
        for index in range(len(points)):
            for offset, (name, extra) in enumerate(cases):
                bundles[index].cases[case_key(name, extra)] = outcomes[index * len(cases) + offset]
    return bundles


def case_key(name: str, extra: Overrides) -> str:
    """Where a case's outcomes sit in ``Bundle.cases``: its name, tagged by its extra overrides."""
    return name if not extra else f"{name}|" + ",".join(f"{k}={v}" for k, v in frozen(extra))


def run_case_tasks(
    tasks: Sequence[tuple[str, dict]], seeds: list[int], settings: RunSettings
) -> list[dict[str, dict]]:
    """Run case studies (name, overrides) on ``seeds`` on the settings' executor; results come
    back in the order of ``tasks`` whatever order they finish in. A case that raises under some
    parameters is recorded (under :data:`FAILED`) instead of stopping the others: its facts then
    have no value and do not hold."""
    from sim.calibration.cases_bridge import run_case

    results: list[dict | None] = [None] * len(tasks)
    with open_execution(settings) as execution:
        queue = iter(enumerate(tasks))
        pending = {}

        def fill() -> None:
            while len(pending) < execution.window:
                item = next(queue, None)
                if item is None:
                    return
                index, (name, overrides) = item
                future = execution.executor.submit(run_case, name, overrides, seeds)
                pending[future] = index

        fill()
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                try:
                    results[index] = future.result()
                except Exception as exc:  # a case that cannot run under these parameters
                    name = tasks[index][0]
                    results[index] = {FAILED: f"case {name}: {type(exc).__name__}: {exc}"}
            fill()
    return [r or {} for r in results]
