"""History matching with Gaussian-process emulators: the search, free of the model.

History matching (Craig et al. 1997; Vernon, Goldstein & Bower 2010; for agent-based models
Andrianakis et al. 2015) does not look for one best parameter set. It rules out, wave by wave,
the parts of the parameter space where the model cannot reproduce the targets, and keeps what is
*not ruled out yet* (NROY):

1. Wave 1 runs the simulator at a Latin hypercube over the prior box (``scipy.stats.qmc``).
2. A Gaussian-process emulator (``sklearn.gaussian_process``: constant x Matern 5/2 with one
   length scale per parameter, plus a white-noise term that learns the replicates' noise) is
   fitted to each target's statistic over all the runs so far.
3. For a large scrambled Sobol sample of candidate points, the *implausibility* of each target is
   ``I = distance(emulated mean, [low, high]) / sqrt(emulator variance + discrepancy^2)``, where
   the distance is 0 inside the target's tolerance. A candidate is ruled out when the largest
   ``I`` over the targets, under the emulators of any wave so far, exceeds the cut-off (3, by
   Pukelsheim's three-sigma rule). The next wave's design is drawn from the candidates left.
4. After the last wave, an ensemble drawn from the final NROY candidates is run on the simulator
   itself, and the members whose *simulated* statistics pass the same cut-off (the noise being
   the jackknife variance over replicates) are the accepted ensemble.

When nothing is left (the model cannot meet the targets together), each wave goes on from the
candidates with the lowest implausibility and the result says so (``nroy_empty``); the accepted
ensemble is then the best runs, flagged as not meeting the targets. Everything random is drawn
from one seed (``numpy.random.SeedSequence``), and the simulator is called with whole designs
whose results come back in order, so the result does not depend on how the simulator spreads its
runs over workers.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections.abc import Callable, Sequence

import numpy as np

CUTOFF = 3.0  # Pukelsheim (1994): 95% of any unimodal distribution lies within 3 sd


@dataclasses.dataclass(frozen=True)
class Observation:
    """A target as the search sees it: a name, the accepted range (either end may be infinite)
    and a model-discrepancy standard deviation added to every comparison."""

    name: str
    low: float
    high: float
    discrepancy: float = 0.0

    def distance(self, values: np.ndarray) -> np.ndarray:
        values = np.asarray(values, dtype=float)
        below = np.where(np.isfinite(self.low), self.low - values, -np.inf)
        above = np.where(np.isfinite(self.high), values - self.high, -np.inf)
        return np.maximum(np.maximum(below, above), 0.0)


@dataclasses.dataclass(frozen=True)
class Space:
    """The prior box: parameter names and their (low, high)."""

    names: tuple[str, ...]
    lows: tuple[float, ...]
    highs: tuple[float, ...]

    @classmethod
    def of(cls, bounds: dict[str, tuple[float, float]]) -> Space:
        names = tuple(bounds)
        return cls(names, tuple(bounds[n][0] for n in names), tuple(bounds[n][1] for n in names))

    @property
    def dim(self) -> int:
        return len(self.names)

    def scale(self, unit: np.ndarray) -> np.ndarray:
        low, high = np.asarray(self.lows), np.asarray(self.highs)
        return low + np.asarray(unit) * (high - low)


@dataclasses.dataclass(frozen=True)
class Settings:
    """How hard the search looks. ``points``: simulator runs per wave; ``candidates``: Sobol
    candidates per wave (rounded up to a power of 2); ``ensemble``: points drawn from the final
    NROY space and run; ``minimum``: accepted members kept at least (the best runs when fewer pass)."""

    waves: int = 4
    points: int = 60
    candidates: int = 2**14
    ensemble: int = 40
    minimum: int = 10
    cutoff: float = CUTOFF
    seed: int = 0
    restarts: int = 2

    def __post_init__(self) -> None:
        if self.waves < 1 or self.points < 2 or self.ensemble < 1 or self.minimum < 1:
            raise ValueError(
                f"history matching needs waves >= 1, points >= 2, ensemble >= 1: {self}"
            )


Simulator = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
"""Takes parameter sets (rows, in the space's units) and returns the statistics (rows x targets)
and their noise variances (the same shape)."""


@dataclasses.dataclass
class Wave:
    design: np.ndarray  # points run in this wave (parameter units)
    outputs: np.ndarray
    variances: np.ndarray
    nroy_share: float | None = None  # share of the candidates left after this wave's emulators


@dataclasses.dataclass
class Result:
    space: Space
    observations: tuple[Observation, ...]
    settings: Settings
    waves: list[Wave]
    members: np.ndarray  # accepted ensemble (parameter units)
    member_outputs: np.ndarray
    member_implausibility: np.ndarray
    nroy_empty: bool

    @property
    def best(self) -> int:
        """Index of the member with the lowest implausibility."""
        return int(np.argmin(self.member_implausibility))

    @property
    def runs(self) -> int:
        return sum(len(w.design) for w in self.waves)


def implausibility(
    observations: Sequence[Observation], means: np.ndarray, variances: np.ndarray
) -> np.ndarray:
    """Largest implausibility over the targets, per row (NaN statistics count as infinite)."""
    means, variances = np.atleast_2d(means), np.atleast_2d(variances)
    out = np.zeros(len(means))
    for j, obs in enumerate(observations):
        sd = np.sqrt(np.maximum(variances[:, j], 0.0) + obs.discrepancy**2)
        d = obs.distance(means[:, j])
        with np.errstate(divide="ignore", invalid="ignore"):
            score = np.where(d > 0, d / sd, 0.0)
        score = np.where(np.isfinite(means[:, j]), score, np.inf)
        out = np.maximum(out, score)
    return out


class Emulators:
    """One Gaussian process per target, on the unit cube of the parameters."""

    def __init__(self, unit: np.ndarray, outputs: np.ndarray, seed: int, restarts: int):
        from sklearn.gaussian_process import GaussianProcessRegressor
        from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

        d = unit.shape[1]
        self.models = []
        for j in range(outputs.shape[1]):
            y = outputs[:, j]
            ok = np.isfinite(y)
            if ok.sum() < 3 or np.ptp(y[ok]) == 0:
                self.models.append((float(np.nanmean(y)) if ok.any() else math.nan, None))
                continue
            kernel = ConstantKernel(1.0, (1e-3, 1e3)) * Matern(
                length_scale=np.full(d, 0.5), length_scale_bounds=(1e-2, 1e2), nu=2.5
            ) + WhiteKernel(1e-2, (1e-8, 1e1))
            gp = GaussianProcessRegressor(
                kernel, normalize_y=True, n_restarts_optimizer=restarts, random_state=seed + j
            )
            with warnings.catch_warnings(), _one_thread():
                warnings.simplefilter("ignore")  # length scales at their bounds: fine here
                gp.fit(unit[ok], y[ok])
            self.models.append((None, gp))

    def predict(self, unit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        means = np.empty((len(unit), len(self.models)))
        variances = np.empty_like(means)
        for j, (constant, gp) in enumerate(self.models):
            if gp is None:
                means[:, j], variances[:, j] = constant, 0.0
                continue
            with _one_thread():
                mean, sd = gp.predict(unit, return_std=True)
            means[:, j], variances[:, j] = mean, sd**2
        return means, variances


def _one_thread():
    """BLAS on one thread: five times faster on these small matrices, and the same bits
    whatever the machine's thread count."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([seed, 0xCA11B, stream]))


def _pick(candidates: np.ndarray, scores: np.ndarray, n: int, cutoff: float, rng) -> np.ndarray:
    """``n`` candidates among those not ruled out (at random), or the least implausible."""
    left = np.flatnonzero(scores <= cutoff)
    if len(left) >= n:
        return candidates[np.sort(rng.choice(left, size=n, replace=False))]
    order = np.argsort(scores, kind="stable")
    return candidates[np.sort(order[:n])]


def history_match(
    space: Space,
    observations: Sequence[Observation],
    simulator: Simulator,
    settings: Settings = Settings(),
    progress: Callable[[str], None] | None = None,
) -> Result:
    """Run the waves and return the accepted ensemble (see the module docstring)."""
    from scipy.stats import qmc

    observations = tuple(observations)
    say = progress or (lambda text: None)
    unit = qmc.LatinHypercube(d=space.dim, rng=_rng(settings.seed, 0)).random(settings.points)
    waves: list[Wave] = []
    emulators: list[Emulators] = []
    nroy_empty = False
    m = int(math.ceil(math.log2(max(settings.candidates, 2))))
    for wave in range(1, settings.waves + 1):
        outputs, variances = simulator(space.scale(unit))
        waves.append(Wave(space.scale(unit), np.asarray(outputs), np.asarray(variances)))
        say(f"wave {wave}: {len(unit)} points run")
        all_unit = np.vstack([_unit(space, w.design) for w in waves])
        all_out = np.vstack([w.outputs for w in waves])
        emulators.append(
            Emulators(all_unit, all_out, settings.seed + 101 * wave, settings.restarts)
        )
        sobol = qmc.Sobol(d=space.dim, scramble=True, rng=_rng(settings.seed, wave))
        candidates = np.vstack(
            [
                sobol.random_base2(m),
                _local(
                    all_unit,
                    all_out,
                    variances_of(waves),
                    observations,
                    2**m,
                    settings,
                    _rng(settings.seed, 500 + wave),
                ),
            ]
        )
        scores = np.zeros(len(candidates))
        for emulator in emulators:
            scores = np.maximum(scores, implausibility(observations, *emulator.predict(candidates)))
        share = float((scores <= settings.cutoff).mean())
        waves[-1].nroy_share = share
        nroy_empty = share == 0.0
        say(f"wave {wave}: {100 * share:.2f}% of the candidates not ruled out")
        size = settings.points if wave < settings.waves else settings.ensemble
        unit = _pick(candidates, scores, size, settings.cutoff, _rng(settings.seed, 1000 + wave))
    outputs, variances = simulator(space.scale(unit))
    final = Wave(space.scale(unit), np.asarray(outputs), np.asarray(variances))
    say(f"ensemble: {len(unit)} points run")
    scores = implausibility(observations, final.outputs, final.variances)
    accepted = np.flatnonzero(scores <= settings.cutoff)
    pool = [*waves, final]
    if len(accepted) >= settings.minimum:
        members, member_out, member_scores = (
            final.design[accepted],
            final.outputs[accepted],
            scores[accepted],
        )
    else:  # too few pass: keep the best runs of the whole search, and say so
        design = np.vstack([w.design for w in pool])
        out = np.vstack([w.outputs for w in pool])
        every = implausibility(observations, out, np.vstack([w.variances for w in pool]))
        order = np.argsort(every, kind="stable")[: max(settings.minimum, len(accepted))]
        members, member_out, member_scores = design[order], out[order], every[order]
        nroy_empty = nroy_empty or not (every[order] <= settings.cutoff).all()
    waves.append(final)
    return Result(
        space, observations, settings, waves, members, member_out, member_scores, nroy_empty
    )


def variances_of(waves: Sequence[Wave]) -> np.ndarray:
    return np.vstack([w.variances for w in waves])


def _local(unit, outputs, variances, observations, n, settings, rng) -> np.ndarray:
    """Candidates around the least implausible runs so far: a small NROY region is rarely hit
    by a space-filling sample of the whole box, so half of each wave's candidates are normal
    perturbations of the best runs (one standard deviation: their spread, at least 2% of the box),
    clipped to the box."""
    scores = implausibility(observations, outputs, variances)
    keep = max(settings.minimum, int(0.2 * len(unit)))
    order = np.argsort(scores, kind="stable")
    left = order[scores[order] <= settings.cutoff]
    best = unit[left if len(left) >= keep else order[:keep]]
    spread = np.maximum(best.std(axis=0), 0.02)
    centres = best[rng.integers(0, len(best), size=n)]
    return np.clip(centres + rng.normal(size=centres.shape) * spread, 0.0, 1.0)


def _unit(space: Space, design: np.ndarray) -> np.ndarray:
    low, high = np.asarray(space.lows), np.asarray(space.highs)
    return (np.asarray(design) - low) / (high - low)
