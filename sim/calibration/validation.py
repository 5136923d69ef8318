"""``validate``: each fact over the calibrated ensemble, with its interval, its holds-share and
its null; and ``attribution``: a fact rerun with each named switch.

The ensemble: every member of the calibration file (or, with no file, the defaults), and every
psychology parameter the file does not fit drawn from its documented prior
(``parameters.prior``) by a Latin hypercube of the same size, seeded, so member i pairs the
file's member i with the i-th draw. Each member runs every arm and case the facts read on
``seeds`` replicates (common random numbers). Per fact: ``value`` is the median over the members
of the member's statistic, ``interval`` its 5% and 95% quantiles, ``holds_share`` the share of
members in which the fact holds (within its tolerance, or the case's own pass rule).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.calibration import calfile
from sim.calibration import parameters as declared
from sim.calibration.evaluate import as_overrides, bundles_for
from sim.calibration.statistics import with_extra
from sim.calibration.target import Target
from sim.experiment import RunSettings

JSON_KEYS = ("fact", "case", "statistic", "value", "interval", "holds_share", "role")


@dataclasses.dataclass(frozen=True)
class ValidationSettings:
    members: int = 20
    seeds: int = 8
    seed: int = 0
    sample_unfitted: bool = True


FULL = ValidationSettings()
QUICK = ValidationSettings(members=4, seeds=2)


def ensemble_members(
    calibration: str | Path | None, size: int | None, seed: int = 0, sample_unfitted: bool = True
) -> list[dict[str, Any]]:
    """The parameter sets validation runs (see the module docstring)."""
    from scipy.stats import qmc

    fitted = calfile.ensemble(calibration) if calibration is not None else [{}]
    size = size or len(fitted)
    if not sample_unfitted:
        return [dict(fitted[i % len(fitted)]) for i in range(size)]
    fitted_paths = set(fitted[0]) if calibration is not None else {p.path for p in declared.FITTED}
    priors = declared.unfitted(tuple(fitted_paths))
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0x7A11D]))
    unit = qmc.LatinHypercube(d=len(priors), rng=rng).random(size)
    low = np.array([p.low for p in priors])
    high = np.array([p.high for p in priors])
    draws = low + unit * (high - low)
    names = [p.path for p in priors]
    integers = [declared.is_integer(p) for p in names]
    return [
        dict(fitted[i % len(fitted)]) | as_overrides(draws[i], names, integers) for i in range(size)
    ]


def _summary(values: np.ndarray) -> tuple[float, list[float]]:
    finite = values[np.isfinite(values)]
    if not len(finite):
        return math.nan, [math.nan, math.nan]
    return float(np.median(finite)), [
        float(np.quantile(finite, 0.05)),
        float(np.quantile(finite, 0.95)),
    ]


def validate(
    targets: Sequence[Target] | None = None,
    calibration: str | Path | None = None,
    settings: ValidationSettings = FULL,
    *,
    workers: int | None = None,
    executor=None,
    progress=None,
) -> list[dict[str, Any]]:
    """One record per fact: the JSON keys (:data:`JSON_KEYS`) and, beside them, its tolerance,
    source, null (mechanism, value, holds_share) and the members' values."""
    from sim.calibration.targets import TARGETS

    targets = list(targets if targets is not None else TARGETS)
    members = ensemble_members(
        calibration, settings.members, settings.seed, settings.sample_unfitted
    )
    statistics = [t.statistic for t in targets]
    nulls = [t.null_statistic() for t in targets]
    run_settings = RunSettings(
        seeds=settings.seeds, root_seed=settings.seed, workers=workers, executor=executor
    )
    if progress:
        progress(
            f"validation: {len(targets)} facts, {len(members)} members x {settings.seeds} seeds"
        )
    bundles = bundles_for(statistics + [n for n in nulls if n is not None], members, run_settings)
    records = []
    for target, null_statistic in zip(targets, nulls, strict=True):
        values = np.array([target.compute(b) for b in bundles])
        holds = np.array([target.holds(v, b) for v, b in zip(values, bundles, strict=True)])
        value, interval = _summary(values)
        record = {
            "fact": target.name,
            "case": target.case,
            "statistic": target.statistic.name,
            "value": value,
            "interval": interval,
            "holds_share": float(holds.mean()),
            "role": target.role,
            "tolerance": target.tolerance_text(),
            "source": target.source,
            "members": [float(v) for v in values],
            "null": None,
        }
        if null_statistic is not None:
            null_values = np.array([float(null_statistic(b)) for b in bundles])
            null_holds = [
                null_statistic.holds(v, b, target.tolerance)
                for v, b in zip(null_values, bundles, strict=True)
            ]
            null_value, null_interval = _summary(null_values)
            record["null"] = {
                "mechanism": target.null.mechanism,
                "overrides": dict(target.null.overrides),
                "value": null_value,
                "interval": null_interval,
                "holds_share": float(np.mean(null_holds)),
            }
        records.append(record)
    return records


def as_json(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The records with exactly the keys of :data:`JSON_KEYS` (NaN written as null)."""

    def plain(v):
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v

    return [{k: plain(r[k]) for k in JSON_KEYS} for r in records]


def attribution(
    fact: Target,
    switches: Mapping[str, Mapping[str, Any]],
    calibration: str | Path | None = None,
    settings: ValidationSettings = FULL,
    *,
    workers: int | None = None,
    executor=None,
) -> pd.DataFrame:
    """The fact's statistic as it is and with each named switch (scenario overrides, applied to
    every arm and case the fact reads), over the same ensemble and seeds: one row per switch with
    its value, 90% interval and holds-share."""
    variants = {"as it is": fact.statistic} | {
        name: with_extra(fact.statistic, overrides, f"switch:{name}")
        for name, overrides in switches.items()
    }
    members = ensemble_members(
        calibration, settings.members, settings.seed, settings.sample_unfitted
    )
    run_settings = RunSettings(
        seeds=settings.seeds, root_seed=settings.seed, workers=workers, executor=executor
    )
    bundles = bundles_for(list(variants.values()), members, run_settings)
    rows = []
    for name, statistic in variants.items():
        values = np.array([float(statistic(b)) for b in bundles])
        holds = [
            statistic.holds(v, b, fact.tolerance) for v, b in zip(values, bundles, strict=True)
        ]
        value, (low, high) = _summary(values)
        rows.append(
            {
                "fact": fact.name,
                "switch": name,
                "overrides": dict(switches.get(name, {})),
                "value": value,
                "q05": low,
                "q95": high,
                "holds_share": float(np.mean(holds)),
            }
        )
    return pd.DataFrame(rows)


def validation_text(records: Sequence[Mapping[str, Any]]) -> str:
    """A plain table of the records, for the terminal."""
    lines = []
    for r in records:
        low, high = r["interval"]
        line = (
            f"[{r['role'][:5]}] {r['fact']:<42} {r['value']:>10.4g}  90% [{low:.4g}, {high:.4g}]  "
            f"holds {100 * r['holds_share']:.0f}%  (target {r['tolerance']})"
        )
        if r.get("null"):
            line += f"\n        null ({r['null']['mechanism']}): {r['null']['value']:.4g}"
        lines.append(line)
    return "\n".join(lines)
