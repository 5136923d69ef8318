"""Parameter bounds and sampled designs.

Bounds travel as one ``(low, high)`` pair per dotted path, taken from the parameter's one
declaration (``sim.paths.resolve``) or narrowed within it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from sim import paths
from sim.experiment.design import design_rng
from sim.experiment.errors import ExperimentError
from sim.scenario import Scenario

Bounds = tuple[float, float]
"""A parameter's range: ``(low, high)``, in the parameter's declared unit."""


def parameter_bounds(
    parameters: Sequence[str] | Mapping[str, Bounds | str | None],
    scenario: Scenario | None = None,
    root=None,
) -> dict[str, Bounds]:
    """Bounds of each parameter: the declared ``(low, high)``, or a narrower range given for it.

    ``parameters`` is a list of dotted paths, or a mapping path -> None (the declared bounds),
    ``(low, high)``, or ``"P%"``: the scenario's value plus and minus P percent, within the
    declared bounds. A given range must lie within the declaration; a parameter must be a number
    with finite bounds.
    """
    if not isinstance(parameters, Mapping):
        parameters = dict.fromkeys(parameters)
    if not parameters:
        raise ExperimentError("name at least one parameter")
    out: dict[str, Bounds] = {}
    for path, given in parameters.items():
        try:
            info = paths.resolve(path, scenario, root=root)
        except paths.ParameterPathError as exc:
            raise ExperimentError(str(exc)) from None
        if info.kind not in ("float", "int"):
            raise ExperimentError(f"{path} is a {info.kind} parameter; only numbers can be sampled")
        low, high = info.lo, info.hi
        if isinstance(given, str):
            given = _relative_range(path, given, info, scenario)
        if given is not None:
            given_low, given_high = (float(v) for v in given)
            if (
                (low is not None and given_low < low)
                or (high is not None and given_high > high)
                or given_low >= given_high
            ):
                raise ExperimentError(
                    f"{path}: range [{given_low}, {given_high}] must be increasing and within the "
                    f"declared [{low}, {high}] {info.unit}"
                )
            low, high = given_low, given_high
        if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
            raise ExperimentError(
                f"{path} has no finite declared bounds; give a range: {path}=lo:hi"
            )
        out[path] = (float(low), float(high))
    return out


def _relative_range(path: str, text: str, info, scenario) -> Bounds:
    """``"50%"`` -> the scenario's value plus and minus 50%, clipped to the declared bounds."""
    try:
        share = float(text.strip().removesuffix("%")) / 100.0
    except ValueError:
        raise ExperimentError(f"{path}: range {text!r} is not lo:hi nor a percentage") from None
    if not text.strip().endswith("%") or share <= 0:
        raise ExperimentError(f"{path}: a relative range is a positive percentage, like 50%")
    centre = paths.value(scenario, path) if scenario is not None else info.default
    if centre is None or not isinstance(centre, int | float) or centre == 0:
        raise ExperimentError(
            f"{path}: its value is {centre!r}, so a range relative to it is empty; give lo:hi"
        )
    low, high = sorted((centre * (1 - share), centre * (1 + share)))
    if info.lo is not None:
        low = max(low, info.lo)
    if info.hi is not None:
        high = min(high, info.hi)
    return low, high


def parameter_kinds(names: Iterable[str], scenario: Scenario | None, root=None) -> dict[str, str]:
    """Each parameter's kind (``float`` or ``int``), from its declaration."""
    return {name: paths.resolve(name, scenario, root=root).kind for name in names}


def as_values(row: np.ndarray, names: Sequence[str], kinds: Mapping[str, str]) -> dict[str, Any]:
    """One sampled row as overrides; integer parameters are rounded."""
    return {
        name: int(round(float(x))) if kinds[name] == "int" else float(x)
        for name, x in zip(names, row, strict=True)
    }


def latin_hypercube(
    parameters, n: int, scenario: Scenario, root_seed: int = 0
) -> list[dict[str, Any]]:
    """``n`` points spread over the parameters' bounds by Latin hypercube sampling."""
    from scipy.stats import qmc

    bounds = parameter_bounds(parameters, scenario)
    names = list(bounds)
    unit = qmc.LatinHypercube(d=len(names), rng=design_rng(root_seed)).random(n)
    low = np.array([bounds[k][0] for k in names])
    high = np.array([bounds[k][1] for k in names])
    kinds = parameter_kinds(names, scenario)
    return [as_values(row, names, kinds) for row in qmc.scale(unit, low, high)]
