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


def jackknife(
    statistic: Statistic, bundle: Bundle, leave_outs: Sequence[Bundle] | None = None
) -> tuple[float, float]:
    """The statistic over all replicates, and the jackknife variance of that estimate
    (``(k-1)/k * sum (theta_-i - mean)^2`` over leave-one-replicate-out values). ``leave_outs``:
    the bundle less each replicate in turn, if the caller has them already."""
    value = float(statistic(bundle))
    if statistic.cases:
        return value, 0.0
    if leave_outs is None:
        leave_outs = [bundle.without(r) for r in bundle.replicates]
    if len(leave_outs) < 2:
        return value, 0.0
    values = np.array([float(statistic(b)) for b in leave_outs])
    values = values[np.isfinite(values)]
    if len(values) < 2:
        return value, 0.0
    k = len(values)
    return value, float((k - 1) / k * np.sum((values - values.mean()) ** 2))


def values_and_noise(
    statistics: Sequence[Statistic], bundles: Sequence[Bundle]
) -> tuple[np.ndarray, np.ndarray]:
    """(points x statistics) values and jackknife variances."""
    values = np.empty((len(bundles), len(statistics)))
    noise = np.empty_like(values)
    for i, bundle in enumerate(bundles):
        leave_outs = [bundle.without(r) for r in bundle.replicates]
        for j, statistic in enumerate(statistics):
            values[i, j], noise[i, j] = jackknife(statistic, bundle, leave_outs)
    return values, noise


def as_overrides(row, names: Sequence[str], integers: Sequence[bool]) -> dict[str, Any]:
    """One parameter set as overrides; integer parameters are rounded."""
    return {
        name: int(round(float(x))) if integer else float(x)
        for name, x, integer in zip(names, row, integers, strict=True)
    }
