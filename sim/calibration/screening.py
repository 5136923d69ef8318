"""Screening before fitting: which assumed psychology parameters move the calibration targets.

A Morris elementary-effects screening (SALib, through ``sim.experiment.sensitivity``) over every
numeric psychology parameter, each varied over the same relative range (its default times
``1 -/+ parameters.SCREEN_SPREAD``, within its declared bounds). Each target's ``mu*`` is divided by
the target's scale (the width of its tolerance, or its value's size when the tolerance is open on
one side), so effects on different targets compare; a parameter's score is its largest scaled
``mu*``. The table ranks the parameters by that score and marks those declared fitted in
``parameters.FITTED``: the code never picks the fitted set itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from sim.calibration import parameters as declared
from sim.calibration.evaluate import as_overrides, bundles_for
from sim.calibration.target import Target
from sim.experiment import RunSettings, sensitivity_analyse, sensitivity_sample


def target_scale(target: Target) -> float:
    """The size of a meaningful change in a target's statistic."""
    if target.tolerance is not None:
        low, high = target.tolerance
        if math.isfinite(low) and math.isfinite(high) and high > low:
            return high - low
    return max(abs(target.value), 1e-9)


def screen(
    targets: Sequence[Target],
    paths: Sequence[str] | None = None,
    *,
    trajectories: int = 10,
    levels: int = 4,
    settings: RunSettings | None = None,
    progress=None,
) -> pd.DataFrame:
    """The Morris screening table: one row per parameter, ranked by its score."""
    settings = settings or RunSettings(seeds=2)
    paths = list(paths or declared.psychology_paths())
    bounds = [list(declared.screening_range(p)) for p in paths]
    problem = {"num_vars": len(paths), "names": paths, "bounds": bounds}
    X = sensitivity_sample(problem, "morris", trajectories, settings.root_seed, levels)
    integers = [declared.is_integer(p) for p in paths]
    points = [as_overrides(row, paths, integers) for row in X]
    if progress:
        progress(f"screening: {len(points)} points x {settings.seeds} seeds")
    bundles = bundles_for([t.statistic for t in targets], points, settings)
    columns = {}
    for target in targets:
        y = np.array([target.compute(b) for b in bundles], dtype=float)
        undefined = int((~np.isfinite(y)).sum())
        if undefined == len(y):
            continue
        y = np.where(np.isfinite(y), y, np.nanmedian(y))  # undefined points take the median
        frame = sensitivity_analyse(
            problem, "morris", X, y, target.name, levels, settings.root_seed
        )
        columns[target.name] = frame.set_index("parameter")["mu_star"] / target_scale(target)
    table = pd.DataFrame(columns)
    table.insert(0, "score", table.max(axis=1))
    table.insert(1, "low", [b[0] for b in bounds])
    table.insert(2, "high", [b[1] for b in bounds])
    fitted = {p.path for p in declared.FITTED}
    table.insert(3, "fitted", [p in fitted for p in table.index])
    table = table.sort_values("score", ascending=False)
    table.insert(0, "rank", range(1, len(table) + 1))
    table.index.name = "parameter"
    return table.reset_index()


def screening_markdown(table: pd.DataFrame, top: int | None = None) -> str:
    """The table as markdown (scaled mu* per target: a change of 1 spans the target's range)."""
    rows = table if top is None else table.head(top)
    targets = [
        c for c in table.columns if c not in ("rank", "parameter", "score", "low", "high", "fitted")
    ]
    head = "| rank | parameter | range | score | fitted | " + " | ".join(targets) + " |"
    rule = "|" + "---|" * (5 + len(targets))
    lines = [head, rule]
    for _, r in rows.iterrows():
        cells = [f"{r[t]:.2f}" for t in targets]
        lines.append(
            f"| {r['rank']} | `{r['parameter'].removeprefix('psychology.')}` | "
            f"{r['low']:.4g}-{r['high']:.4g} | {r['score']:.2f} | "
            f"{'yes' if r['fitted'] else ''} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines) + "\n"
