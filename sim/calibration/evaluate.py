"""Statistics of many parameter sets at once: each target's value and its noise over replicates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from sim.calibration.bundle import Arm, Bundle, run_bundles
from sim.calibration.statistics import Statistic
from sim.experiment import RunSettings


def needs(statistics: Sequence[Statistic]) -> tuple[list[Arm], list[tuple[str, tuple]]]:
    """The arms and the case runs a set of statistics reads (each once)."""
    arms: dict[str, Arm] = {}
    cases: dict[tuple, None] = {}
    for statistic in statistics:
        for arm in statistic.arms:
            arms.setdefault(arm.label, arm)
        for case in statistic.cases:
            cases.setdefault(case, None)
    return list(arms.values()), list(cases)


def bundles_for(
    statistics: Sequence[Statistic], points: Sequence[Mapping[str, Any]], settings: RunSettings
) -> list[Bundle]:
    arms, cases = needs(statistics)
    return run_bundles(arms, points, settings, cases)


def jackknife(statistic: Statistic, bundle: Bundle) -> tuple[float, float]:
    """The statistic over all replicates, and the jackknife variance of that estimate
    (``(k-1)/k * sum (theta_-i - mean)^2`` over leave-one-replicate-out values)."""
    value = float(statistic(bundle))
    replicates = bundle.replicates
    if len(replicates) < 2 or statistic.cases:
        return value, 0.0
    leave_out = np.array([float(statistic(bundle.without(r))) for r in replicates])
    leave_out = leave_out[np.isfinite(leave_out)]
    if len(leave_out) < 2:
        return value, 0.0
    k = len(leave_out)
    return value, float((k - 1) / k * np.sum((leave_out - leave_out.mean()) ** 2))


def values_and_noise(
    statistics: Sequence[Statistic], bundles: Sequence[Bundle]
) -> tuple[np.ndarray, np.ndarray]:
    """(points x statistics) values and jackknife variances."""
    values = np.empty((len(bundles), len(statistics)))
    noise = np.empty_like(values)
    for i, bundle in enumerate(bundles):
        for j, statistic in enumerate(statistics):
            values[i, j], noise[i, j] = jackknife(statistic, bundle)
    return values, noise


def as_overrides(row, names: Sequence[str], integers: Sequence[bool]) -> dict[str, Any]:
    """One parameter set as overrides; integer parameters are rounded."""
    return {
        name: int(round(float(x))) if integer else float(x)
        for name, x, integer in zip(names, row, integers, strict=True)
    }
