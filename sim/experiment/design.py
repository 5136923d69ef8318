"""The design of an experiment: arms, points, replicate seeds and the tasks a worker runs.

A design is a set of *points* (an arm, i.e. a named base scenario, plus dotted-path overrides)
crossed with *replicates*. One root seed spawns one seed per replicate
(``numpy.random.SeedSequence(root).spawn``), and replicate k of every point uses the same seed.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim import paths
from sim.experiment.errors import ExperimentError
from sim.scenario import Scenario, load_scenario


def presentation_field(field: str) -> bool:
    """Scenario fields that only present the case (its name, title and story, in any language):
    editing them does not make a different experiment."""
    return field == "name" or field.startswith(("title", "story"))


@dataclasses.dataclass(frozen=True)
class Point:
    """One point of a design: an arm (a named base scenario) and the overrides applied to it."""

    index: int
    arm: str
    overrides: dict[str, Any]


@dataclasses.dataclass(frozen=True)
class Design:
    """What an experiment runs: its arms crossed with its points, and how they were made.

    ``parameters``: the parameter columns to show first (the swept ones, then those the arms
    set); every other path a point sets follows. ``overrides``: the ``--set`` overrides already
    applied to every arm, kept for the manifest. ``extra``: how the design was made (the grid,
    the sample or the sensitivity specification); it is part of the experiment's identity.
    ``reference``: the point that paired differences are taken from (None: the first).
    """

    kind: str
    arms: dict[str, Scenario]
    points: list[Point]
    parameters: list[str] = dataclasses.field(default_factory=list)
    overrides: dict[str, Any] = dataclasses.field(default_factory=dict)
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    reference: int | None = None


@dataclasses.dataclass(frozen=True)
class Task:
    """What a worker needs for one run; small, picklable, self-contained. It names no folder:
    workers send their results back and never write."""

    run_id: str
    scenario: Scenario
    overrides: dict[str, Any]
    seed: int
    months: int


def spawn_seeds(root_seed: int, n: int) -> list[int]:
    """``n`` independent seeds from one root (``SeedSequence.spawn``), as non-negative 63-bit ints."""
    if n < 1:
        raise ExperimentError(f"seeds must be at least 1, not {n}")
    children = np.random.SeedSequence(root_seed).spawn(n)
    return [int(child.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1)) for child in children]


def design_rng(root_seed: int) -> np.random.Generator:
    """The generator of sampled designs: a stream apart from the replicate seeds."""
    return np.random.default_rng(np.random.SeedSequence([root_seed, 0x5EED]))


def run_id(point: int, replicate: int) -> str:
    return f"p{point:04d}-r{replicate:03d}"


def as_scenario(scenario: Scenario | str | os.PathLike) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load_scenario(scenario)


def build_arms(scenarios, base=None, overrides=None) -> dict[str, Scenario]:
    """Named base scenarios. ``scenarios``: one scenario, a list of them, or a mapping label ->
    scenario | name/path | dict of overrides applied to ``base``. ``overrides`` apply to all."""
    if isinstance(scenarios, Scenario | str | os.PathLike):
        scenarios = [scenarios]
    if not isinstance(scenarios, Mapping):
        labelled: dict[str, Any] = {}
        for item in scenarios:
            label = item.name if isinstance(item, Scenario) else Path(str(item)).stem
            if "=" in str(item) and not isinstance(item, Scenario):
                label, item = str(item).split("=", 1)
            if label in labelled:
                raise ExperimentError(
                    f"two arms are labelled {label!r}; label them: label=scenario"
                )
            labelled[label] = item
        scenarios = labelled
    if not scenarios:
        raise ExperimentError("an experiment needs at least one scenario")
    base_scenario = as_scenario(base) if base is not None else None
    arms: dict[str, Scenario] = {}
    for label, item in scenarios.items():
        if isinstance(item, Mapping):
            if base_scenario is None:
                raise ExperimentError(f"arm {label!r} is a set of overrides: give base=SCENARIO")
            scenario = base_scenario.with_overrides(
                {**(overrides or {}), **item}, source=f"arm {label!r}"
            )
        else:
            scenario = as_scenario(item).with_overrides(overrides, source=f"--set on arm {label!r}")
        arms[str(label)] = scenario
    return arms


def arm_columns(scenarios, arms: dict[str, Scenario]) -> list[str]:
    """The parameters that arms given as override mappings set, as parameter columns (a whole
    block or list, such as ``policies``, is left out: it is not one parameter)."""
    columns: list[str] = []
    if isinstance(scenarios, Mapping):
        for label, item in scenarios.items():
            if not isinstance(item, Mapping):
                continue
            for path in item:
                if path in columns:
                    continue
                try:
                    paths.resolve(path, arms[str(label)])
                except paths.ParameterPathError:
                    continue
                columns.append(path)
    return columns


def grid_points(arms: dict[str, Scenario], grid) -> list[Point]:
    """Arms crossed with a full-factorial grid (mapping path -> values) or a list of override dicts."""
    if grid is None or (isinstance(grid, Mapping) and not grid):
        combos: list[dict[str, Any]] = [{}]
    elif isinstance(grid, Mapping):
        for path, values in grid.items():
            if isinstance(values, str) or not isinstance(values, Iterable):
                raise ExperimentError(f"grid values of {path} must be a list, not {values!r}")
        keys = list(grid)
        combos = [
            dict(zip(keys, values, strict=True))
            for values in itertools.product(*(list(grid[k]) for k in keys))
        ]
    else:
        combos = [dict(point) for point in grid]
    points = []
    for arm in arms:
        for combo in combos:
            points.append(Point(len(points), arm, combo))
    return points


def check_points(arms: dict[str, Scenario], points: list[Point]) -> list[str]:
    """Resolve every path and validate every point now, so that a typo fails before any run.
    Returns the parameter columns: every path a point or an arm sets."""
    columns: list[str] = []
    for point in points:
        for path in point.overrides:
            if path not in columns:
                try:
                    paths.resolve(path, arms[point.arm])
                except paths.ParameterPathError as exc:
                    raise ExperimentError(f"arm {point.arm!r}: {exc}") from None
                columns.append(path)
        arms[point.arm].with_overrides(point.overrides, source=f"point {point.index}")
    return columns


def point_table(arms: dict[str, Scenario], points: list[Point], columns: list[str]) -> pd.DataFrame:
    """One row per point: its index, its arm and the value of every parameter column."""
    rows = []
    for point in points:
        scenario = arms[point.arm]
        row: dict[str, Any] = {"point": point.index, "arm": point.arm}
        for path in columns:
            row[path] = (
                point.overrides[path] if path in point.overrides else paths.value(scenario, path)
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=["point", "arm", *columns])
