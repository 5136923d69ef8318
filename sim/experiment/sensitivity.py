"""Sensitivity analysis: Morris screening and Sobol indices of headline figures (SALib).

The problem is plain data, as in SALib: the parameters' names and ``(low, high)`` bounds, taken
from their declarations (``sim.paths``). :func:`sensitivity_sample` draws the design,
:func:`sensitivity` runs it (each point on several seeds, common random numbers) and
:func:`sensitivity_analyse` computes the indices on the replicates' mean, so that the seeds'
noise does not pass for sensitivity. The pipeline is checked on the Ishigami function, whose
indices are known (``tests/test_sensitivity.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from sim.experiment.bounds import Bounds, as_values, parameter_bounds, parameter_kinds
from sim.experiment.design import Design, build_arms, design_rng, grid_points
from sim.experiment.errors import ExperimentError
from sim.experiment.results import ExperimentResult, save_tables
from sim.experiment.runner import resumable, run_experiment
from sim.experiment.settings import SENSITIVITY_SEEDS, RunSettings, settings_of
from sim.scenario import Scenario

METHODS = ("morris", "sobol")
# Morris trajectories, or Sobol base samples (a power of 2), when none are asked for.
DEFAULT_N = {"morris": 10, "sobol": 64}


def sensitivity_problem(parameters, scenario: Scenario | None = None, root=None) -> dict:
    """The SALib problem (names and bounds), the bounds taken from the parameter declarations."""
    bounds = parameter_bounds(parameters, scenario, root=root)
    return {
        "num_vars": len(bounds),
        "names": list(bounds),
        "bounds": [list(b) for b in bounds.values()],
        "kinds": parameter_kinds(bounds, scenario, root=root),
    }


def _salib(problem: dict) -> dict:
    return {k: problem[k] for k in ("num_vars", "names", "bounds")}


def sensitivity_sample(
    problem: dict, method: str, n: int, root_seed: int = 0, levels: int = 4
) -> np.ndarray:
    """The design of a Morris screening (``n`` trajectories) or of Sobol indices (``n`` base
    samples, a power of 2; ``n * (D + 2)`` points, first and total order)."""
    seed = int(design_rng(root_seed).integers(2**31))
    if method == "morris":
        from SALib.sample import morris

        return morris.sample(_salib(problem), n, num_levels=levels, seed=seed)
    if method == "sobol":
        from SALib.sample import sobol

        if n & (n - 1):
            raise ExperimentError(f"Sobol sampling needs n a power of 2 (32, 64, 128...), not {n}")
        return sobol.sample(_salib(problem), n, calc_second_order=False, seed=seed)
    raise ExperimentError(f"method must be one of {METHODS}, not {method!r}")


def sensitivity_analyse(
    problem: dict,
    method: str,
    X: np.ndarray,
    Y: np.ndarray,
    output: str = "y",
    levels: int = 4,
    root_seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """Indices of one output, one row per parameter: Morris mu, mu*, sigma (and mu*'s interval),
    or Sobol S1 and ST with their intervals."""
    Y = np.asarray(Y, dtype=float)
    if not np.isfinite(Y).all():
        raise ExperimentError(
            f"{output}: {int((~np.isfinite(Y)).sum())} design points have no value "
            "(their runs failed); the indices cannot be computed"
        )
    seed = int(design_rng(root_seed).integers(2**31))
    if method == "morris":
        from SALib.analyze import morris

        res = morris.analyze(_salib(problem), X, Y, num_levels=levels, conf_level=level, seed=seed)
        frame = pd.DataFrame(
            {
                "parameter": problem["names"],
                "mu": res["mu"],
                "mu_star": res["mu_star"],
                "sigma": res["sigma"],
                "mu_star_conf": res["mu_star_conf"],
            }
        )
    elif method == "sobol":
        from SALib.analyze import sobol

        res = sobol.analyze(
            _salib(problem), Y, calc_second_order=False, conf_level=level, seed=seed
        )
        frame = pd.DataFrame(
            {
                "parameter": problem["names"],
                "S1": res["S1"],
                "S1_conf": res["S1_conf"],
                "ST": res["ST"],
                "ST_conf": res["ST_conf"],
            }
        )
    else:
        raise ExperimentError(f"method must be one of {METHODS}, not {method!r}")
    frame.insert(0, "output", output)
    frame.insert(0, "method", method)
    return frame


def sensitivity(
    scenario: Scenario | str,
    parameters: Sequence[str] | Mapping[str, Bounds | str | None],
    method: str = "morris",
    outputs: Sequence[str] | None = None,
    *,
    n: int | None = None,
    levels: int = 4,
    overrides: Mapping[str, Any] | None = None,
    settings: RunSettings | None = None,
    **options: Any,
) -> ExperimentResult:
    """Morris screening or Sobol indices of the headline ``outputs`` over ``parameters``.

    Bounds come from the parameter declarations (or a narrower ``path: (low, high)``, or
    ``path: "P%"``). ``n``: Morris trajectories (default 10) or Sobol base samples, a power of 2
    (default 64); ``levels``: the Morris grid's levels. Each design point runs ``settings.seeds``
    replicates (default 4) with common random numbers, and the indices are computed on the
    replicate mean, so that the seed's noise does not pass for sensitivity. ``overrides``: dotted
    path -> value, applied to the scenario. ``outputs``, and ``settings`` or its fields as
    keywords: how the runs go (:class:`RunSettings`).
    """
    if outputs is not None:
        options["outputs"] = outputs
    settings = settings_of("sensitivity", settings, options, seeds=SENSITIVITY_SEEDS)
    if method not in METHODS:
        raise ExperimentError(f"method must be one of {METHODS}, not {method!r}")
    arms = build_arms(scenario, overrides=overrides)
    if len(arms) != 1:
        raise ExperimentError("a sensitivity analysis takes one scenario")
    base = next(iter(arms.values()))
    problem = sensitivity_problem(parameters, base)
    n = n or DEFAULT_N[method]
    X = sensitivity_sample(problem, method, n, settings.root_seed, levels)
    names = problem["names"]
    grid = [as_values(row, names, problem["kinds"]) for row in X]
    extra = {
        "sensitivity": {
            "method": method,
            "n": n,
            "levels": levels,
            "names": names,
            "bounds": problem["bounds"],
        }
    }
    design = Design(
        "sensitivity",
        arms,
        grid_points(arms, grid),
        parameters=names,
        overrides=dict(overrides or {}),
        extra=extra,
    )
    result = run_experiment(design, settings)
    result.indices = sensitivity_indices(result)
    if result.path is not None:
        with resumable(settings):
            save_tables(result, result.path)
    return result


def sensitivity_indices(result: ExperimentResult) -> pd.DataFrame:
    """The indices of a finished (or resumed) sensitivity experiment."""
    spec = result.manifest["extra"]["sensitivity"]
    problem = {"num_vars": len(spec["names"]), "names": spec["names"], "bounds": spec["bounds"]}
    X = np.asarray(result.design[spec["names"]], dtype=float)
    if spec["method"] == "morris":  # SALib needs the unrounded levels to find each step
        X = sensitivity_sample(
            problem, "morris", spec["n"], result.manifest["seeds"]["root_seed"], spec["levels"]
        )
    means = result.summary()
    frames = []
    for output in result.outputs:
        y = means[means["output"] == output].sort_values("point")["mean"].to_numpy()
        frames.append(
            sensitivity_analyse(
                problem,
                spec["method"],
                X,
                y,
                output,
                spec["levels"],
                result.manifest["seeds"]["root_seed"],
            )
        )
    return pd.concat(frames, ignore_index=True)
