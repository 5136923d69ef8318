"""The experiments: replicates of one scenario, a sweep over a design, a comparison of arms.

Each function turns what a researcher asks for into a :class:`~sim.experiment.design.Design` and
runs it with one :class:`~sim.experiment.settings.RunSettings`: pass ``settings=RunSettings(...)``,
or the settings' fields as keywords (``seeds=30, months=60, workers=2, out="runs/x"``). Each
field is documented once, on :class:`~sim.experiment.settings.RunSettings`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from sim.experiment.bounds import Bounds, latin_hypercube, parameter_bounds
from sim.experiment.design import Design, arm_columns, build_arms, grid_points
from sim.experiment.errors import ExperimentError
from sim.experiment.results import ExperimentResult
from sim.experiment.runner import run_experiment
from sim.experiment.settings import RunSettings, settings_of
from sim.scenario import Scenario


def replicate(
    scenario: Scenario | str | os.PathLike,
    seeds: int | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    settings: RunSettings | None = None,
    **options: Any,
) -> ExperimentResult:
    """``seeds`` replicates of one scenario, each with its own seed spawned from the root seed.

    ``overrides``: dotted path -> value, applied to the scenario. ``settings`` or its fields as
    keywords: how the runs go (:class:`RunSettings`).
    """
    if seeds is not None:
        options["seeds"] = seeds
    settings = settings_of("replicate", settings, options)
    arms = build_arms(scenario, overrides=overrides)
    if len(arms) != 1:
        raise ExperimentError("replicate takes one scenario; use compare for several")
    design = Design("replicate", arms, grid_points(arms, None), overrides=dict(overrides or {}))
    return run_experiment(design, settings)


def sweep(
    scenario,
    grid: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]] | None = None,
    *,
    sample: int | None = None,
    parameters: Sequence[str] | Mapping[str, Bounds | str | None] | None = None,
    reference: int | None = None,
    base: Scenario | str | None = None,
    overrides: Mapping[str, Any] | None = None,
    settings: RunSettings | None = None,
    **options: Any,
) -> ExperimentResult:
    """Each point of a design, ``settings.seeds`` replicates each, with common random numbers.

    The design is ``grid``: a mapping path -> values (full factorial) or a list of override
    dicts; or ``sample=N`` points spread by Latin hypercube over ``parameters`` (paths, or a
    mapping path -> ``(low, high)``, default the declared bounds). ``scenario`` may be several arms
    (a list, or a mapping label -> scenario): the design is then crossed with the arms.
    ``reference``: the point the paired differences are taken from (the first by default).
    ``base``: the scenario that arms given as override mappings vary (as in :func:`compare`).
    ``overrides``: dotted path -> value, applied to every arm. ``settings`` or its fields as
    keywords: how the runs go (:class:`RunSettings`).
    """
    settings = settings_of("sweep", settings, options)
    arms = build_arms(scenario, base=base, overrides=overrides)
    extra: dict[str, Any] = {}
    swept: list[str] = []
    if sample is not None:
        if grid is not None:
            raise ExperimentError("give a grid or a sample, not both")
        if not parameters:
            raise ExperimentError("a sampled sweep needs parameters to sample")
        first = next(iter(arms.values()))
        bounds = parameter_bounds(parameters, first)
        grid = latin_hypercube(bounds, sample, first, settings.root_seed)
        swept = list(bounds)
        extra = {"sample": {"method": "latin_hypercube", "n": sample, "bounds": bounds}}
    elif grid is None:
        raise ExperimentError("a sweep needs a grid (path -> values) or sample=N with parameters")
    elif isinstance(grid, Mapping):
        swept = list(grid)
        extra = {"grid": {k: list(v) for k, v in grid.items()}}
    design = Design(
        "sweep",
        arms,
        grid_points(arms, grid),
        parameters=swept + [c for c in arm_columns(scenario, arms) if c not in swept],
        overrides=dict(overrides or {}),
        extra=extra,
        reference=reference,
    )
    return run_experiment(design, settings)


def compare(
    scenarios,
    seeds: int | None = None,
    *,
    base: Scenario | str | None = None,
    reference: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    settings: RunSettings | None = None,
    **options: Any,
) -> ExperimentResult:
    """Arms side by side with common random numbers, and their paired differences.

    ``scenarios``: a list of scenarios (names, paths, ``label=name`` or objects), or a mapping
    label -> scenario, or label -> overrides applied to ``base``. The first arm (or
    ``reference``) is the reference of the differences. ``overrides``: dotted path -> value,
    applied to every arm. ``seeds``, and ``settings`` or its fields as keywords: how the runs go
    (:class:`RunSettings`).
    """
    if seeds is not None:
        options["seeds"] = seeds
    settings = settings_of("compare", settings, options)
    arms = build_arms(scenarios, base=base, overrides=overrides)
    if reference is not None:
        if reference not in arms:
            raise ExperimentError(f"no arm {reference!r}; arms: {list(arms)}")
        arms = {reference: arms[reference]} | {k: v for k, v in arms.items() if k != reference}
    design = Design(
        "compare",
        arms,
        grid_points(arms, None),
        parameters=arm_columns(scenarios, arms),
        overrides=dict(overrides or {}),
    )
    return run_experiment(design, settings)
