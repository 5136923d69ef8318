"""Is the ordinary firm robust? One assumed psychology parameter at a time, halved and raised by
half, against the default (issue 10: no tipping point in the ordinary firm).

For each assumed parameter of the psychology (its declared source says "assumed"), the baseline
runs with the parameter at ``x 0.5`` and ``x 1.5`` (kept within its declared bounds), on the same
seeds as the default (common random numbers). A perturbation *holds* when

- annual voluntary turnover stays within ``x 0.5`` to ``x 2`` of the default's, and
- the firm does not collapse: headcount never falls below 80% of the plan, and it does not close.

``experiments/robustness.py`` writes the full table and figure into docs/validation.md's folder;
``tests/test_robustness.py`` runs it on fewer seeds (slow).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.agents.psychology import Psychology
from sim.experiment import compare
from sim.params import describe
from sim.scenario import load_scenario

FACTORS = (0.5, 1.5)
TURNOVER_BAND = (0.5, 2.0)  # the perturbed turnover over the default's
HEADCOUNT_FLOOR = 0.8  # share of the plan


@dataclass(frozen=True)
class Perturbation:
    parameter: str
    factor: float
    value: float


def assumed_parameters() -> list[str]:
    """The psychology's parameters whose declared source is an assumption."""
    return [
        info.name
        for info in describe(Psychology)
        if info.kind in ("float", "int") and "assumed" in info.source
    ]


def perturbations(names: list[str]) -> list[Perturbation]:
    """Each parameter at each factor, clipped to its declared bounds (and dropped when the clipped
    value equals the default, e.g. a default at a bound)."""
    out = []
    infos = {info.name: info for info in describe(Psychology)}
    for name in names:
        info = infos[name]
        for factor in FACTORS:
            value = info.default * factor
            if info.lo is not None:
                value = max(value, info.lo)
            if info.hi is not None:
                value = min(value, info.hi)
            if info.kind == "int":
                value = int(round(value))
            if value != info.default:
                out.append(Perturbation(name, factor, value))
    return out


def table(
    scenario: str = "baseline",
    names: list[str] | None = None,
    seeds: int = 10,
    months: int = 120,
    workers: int | None = None,
) -> pd.DataFrame:
    """One row per perturbation: turnover against the default's, the lowest headcount against
    the plan, closures, and whether it holds."""
    names = assumed_parameters() if names is None else names
    cases = perturbations(names)
    arms = {"default": {}}
    arms.update(
        {f"{c.parameter} x{c.factor:g}": {f"psychology.{c.parameter}": c.value} for c in cases}
    )
    result = compare(arms, base=scenario, seeds=seeds, months=months, workers=workers)
    plan = load_scenario(scenario).firm.employees
    runs, monthly = result.runs, result.monthly
    lowest = monthly.groupby("run_id").headcount.min()
    runs = runs.assign(lowest=runs.run_id.map(lowest) / plan)
    by_arm = runs.groupby("arm")
    turnover = by_arm.voluntary_turnover_annual.mean()
    default = turnover["default"]
    rows = []
    for c in cases:
        label = f"{c.parameter} x{c.factor:g}"
        arm = runs[runs.arm == label]
        ratio = float(turnover[label] / default) if default > 0 else float("nan")
        lowest_share = float(arm.lowest.min())
        closed = int((arm.months < months).sum())
        rows.append(
            {
                "parameter": c.parameter,
                "factor": c.factor,
                "value": c.value,
                "turnover": float(turnover[label]),
                "turnover_ratio": ratio,
                "lowest_headcount_share": lowest_share,
                "closed_runs": closed,
                "holds": bool(
                    TURNOVER_BAND[0] <= ratio <= TURNOVER_BAND[1]
                    and lowest_share >= HEADCOUNT_FLOOR
                    and closed == 0
                ),
            }
        )
    frame = pd.DataFrame(rows)
    frame.attrs["default_turnover"] = float(default)
    return frame


def response(
    path: str,
    values,
    scenario: str = "baseline",
    seeds: int = 10,
    months: int = 120,
    workers: int | None = None,
) -> pd.DataFrame:
    """Turnover, the lowest headcount (share of plan, any seed) and closures against one
    parameter (a dotted path) held at each value all run; indexed by value."""
    arms = {f"{v:g}": {path: float(v)} for v in values}
    result = compare(arms, base=scenario, seeds=seeds, months=months, workers=workers)
    plan = load_scenario(scenario).firm.employees
    lowest = result.monthly.groupby("run_id").headcount.min()
    runs = result.runs.assign(lowest=result.runs.run_id.map(lowest) / plan)
    out = runs.groupby("arm").agg(
        turnover=("voluntary_turnover_annual", "mean"),
        turnover_q10=("voluntary_turnover_annual", lambda x: float(np.quantile(x, 0.1))),
        turnover_q90=("voluntary_turnover_annual", lambda x: float(np.quantile(x, 0.9))),
        lowest_headcount_share=("lowest", "min"),
        mean_headcount_share=("headcount_end", lambda x: float(np.mean(x)) / plan),
        closed_runs=("months", lambda x: int((x < months).sum())),
    )
    out.index = out.index.astype(float)
    return out.sort_index()


def shortage_response(
    scenario: str = "baseline",
    shortages=(0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
    seeds: int = 10,
    months: int = 120,
    workers: int | None = None,
) -> pd.DataFrame:
    """:func:`response` to a labour shortage held all run."""
    return response("market.shortage", shortages, scenario, seeds, months, workers)
