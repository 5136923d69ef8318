"""``calibrate``: fit the declared parameters to every calibration target at once.

Pattern-oriented modelling (Grimm et al. 2005): several patterns of different kinds (the tenure
profile of exits, the pay response, the cycle, a stationary baseline) must hold together, which
rules out far more of the parameter space than any one of them. The search is history matching
(:mod:`sim.calibration.history_matching`); each parameter set is run on the experiments layer
(:mod:`sim.calibration.bundle`) over ``seeds`` replicates with common random numbers, and each
target's statistic carries its jackknife noise.

Same seed, same parameters, whatever the number of workers: the designs come from the seed, the
runs' numbers depend only on their scenario, overrides and seed, and the emulators are fitted in
this process on one BLAS thread.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

import numpy as np

from sim.calibration import calfile, history_matching
from sim.calibration.evaluate import as_overrides, bundles_for, values_and_noise
from sim.calibration.parameters import FITTED, Prior, declared, is_integer
from sim.calibration.target import Target
from sim.experiment import RunSettings
from sim.experiment.storage import now


@dataclasses.dataclass(frozen=True)
class CalibrationSettings:
    """How much work a calibration does (see ``history_matching.Settings``) and on how many
    replicates each parameter set runs."""

    waves: int = 3
    points: int = 48
    seeds: int = 4
    ensemble: int = 24
    minimum: int = 10
    candidates: int = 2**14
    seed: int = 0

    def search(self) -> history_matching.Settings:
        return history_matching.Settings(
            waves=self.waves,
            points=self.points,
            candidates=self.candidates,
            ensemble=self.ensemble,
            minimum=self.minimum,
            seed=self.seed,
        )


FULL = CalibrationSettings()
QUICK = CalibrationSettings(waves=2, points=16, seeds=2, ensemble=8, minimum=4, candidates=2**11)


def observations(targets: Sequence[Target]) -> list[history_matching.Observation]:
    out = []
    for t in targets:
        if t.tolerance is None:
            raise ValueError(
                f"target {t.name} has no numeric tolerance (its case's own rule decides), so it "
                "cannot be fitted: give it a tolerance in sim/calibration/targets.py, or make it "
                "a validation target"
            )
        out.append(history_matching.Observation(t.name, *t.tolerance))
    return out


def model_simulator(
    targets: Sequence[Target],
    paths: Sequence[str],
    run_settings: RunSettings,
    log: Callable[[str], None],
) -> Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The model as the search sees it: parameter sets in, statistics and their noise out."""
    integers = [is_integer(p) for p in paths]
    statistics = [t.statistic for t in targets]

    def simulate(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        started = time.perf_counter()
        points = [as_overrides(row, paths, integers) for row in X]
        bundles = bundles_for(statistics, points, run_settings)
        values, noise = values_and_noise(statistics, bundles)
        log(f"  {len(points)} parameter sets run in {time.perf_counter() - started:.0f} s")
        return values, np.nan_to_num(noise, nan=0.0)

    return simulate


def calibrate(
    targets: Sequence[Target] | None = None,
    priors: Sequence[Prior] = FITTED,
    settings: CalibrationSettings = FULL,
    *,
    workers: int | None = None,
    executor: Executor | None = None,
    out: str | Path | None = None,
    kind: str = "default model",
    extra: dict[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
    simulator=None,
) -> dict[str, Any]:
    """Fit ``priors`` to ``targets`` (default: every calibration target of
    ``sim.calibration.targets``) and return the calibration (written to ``out`` if given).

    ``simulator``: replace the model (parameter sets -> statistics, noise), as the tests do with
    a cheap function whose parameters are known."""
    from sim.calibration.targets import calibration_targets

    targets = list(targets if targets is not None else calibration_targets())
    if not targets:
        raise ValueError("no calibration target to fit: declare some in sim/calibration/targets.py")
    say = progress or (lambda text: None)
    paths = [p.path for p in priors]
    space = history_matching.Space.of({p.path: p.bounds for p in priors})
    run_settings = RunSettings(
        seeds=settings.seeds, root_seed=settings.seed, workers=workers, executor=executor
    )
    simulate = simulator or model_simulator(targets, paths, run_settings, say)
    started = time.perf_counter()
    result = history_matching.history_match(
        space, observations(targets), simulate, settings.search(), say
    )
    elapsed = time.perf_counter() - started
    data = describe(result, targets, priors, settings, kind, elapsed, simulator is None)
    data.update(extra or {})
    if out is not None:
        calfile.write(data, out)
    return data


def _interval(values: np.ndarray) -> list[float]:
    finite = values[np.isfinite(values)]
    if not len(finite):
        return [math.nan, math.nan]
    return [float(np.quantile(finite, 0.05)), float(np.quantile(finite, 0.95))]


def describe(
    result: history_matching.Result,
    targets: Sequence[Target],
    priors: Sequence[Prior],
    settings: CalibrationSettings,
    kind: str,
    elapsed: float,
    model: bool,
) -> dict[str, Any]:
    """The calibration file's content."""
    integers = [is_integer(p.path) if model else False for p in priors]
    paths = [p.path for p in priors]
    members = [as_overrides(row, paths, integers) for row in result.members]
    best = result.best
    parameters = []
    for j, p in enumerate(priors):
        column = result.members[:, j]
        parameters.append(
            {
                "path": p.path,
                "prior": [p.low, p.high],
                "why": p.why,
                "default": declared(p.path).default if model else None,
                "value": members[best][p.path],
                "median": float(np.median(column)),
                "interval": _interval(column),
            }
        )
    reached = []
    for j, t in enumerate(targets):
        column = result.member_outputs[:, j]
        low, high = t.tolerance
        reached.append(
            {
                "name": t.name,
                "role": t.role,
                "case": t.case,
                "statistic": t.statistic.name,
                "literature_value": t.value,
                "tolerance": [low, high],
                "source": t.source,
                "reached": float(np.nanmedian(column)) if np.isfinite(column).any() else math.nan,
                "interval": _interval(column),
                "best": float(column[best]),
                "met_share": float(np.mean((column >= low) & (column <= high))),
            }
        )
    return {
        "kind": kind,
        "created": now(),
        "method": {
            "name": "history matching with Gaussian-process emulators",
            "libraries": "scikit-learn (GaussianProcessRegressor), scipy.stats.qmc",
            "waves": settings.waves,
            "points_per_wave": settings.points,
            "seeds_per_point": settings.seeds,
            "candidates_per_wave": settings.candidates,
            "cutoff": result.settings.cutoff,
            "runs": result.runs,
            "elapsed_s": round(elapsed, 1),
            "nroy_share_by_wave": [w.nroy_share for w in result.waves if w.nroy_share is not None],
        },
        "seed": settings.seed,
        "nroy_empty": bool(result.nroy_empty),
        "parameters": parameters,
        "ensemble": {
            "size": len(members),
            "seed": settings.seed,
            "best": best,
            "members": members,
            "implausibility": [float(v) for v in result.member_implausibility],
        },
        "targets": reached,
        "versions": calfile.library_versions(),
        "fingerprint": calfile.fingerprint(),
    }
