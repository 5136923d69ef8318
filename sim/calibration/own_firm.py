"""Calibrate to your own firm: from a CSV of employment spells to a calibration file and a report.

1. The spells are read and checked (:mod:`sim.calibration.spells_file`).
2. The observed firm: the Kaplan-Meier curve of survival to a voluntary exit (lifelines; quits and
   non-renewals are the events, dismissals and layoffs are censored, people hired before the
   records enter at the tenure they had: left truncation), and each role's annual voluntary
   turnover (exits over person-years in the observed window, with an exact Poisson interval).
3. The simulated firm: the scenario the user names, or one built from the spells: the roles with
   their mean headcount over the window and median wage, paid at the market, on the baseline's
   market and psychology, and with revenue (three times each role's wage per standard month of
   output) and cash enough never to run short, because the spells say nothing of the finances.
4. Targets: the observed survival at a few tenures (within its 95% interval) and each role's
   turnover (within its 95% interval); the parameters of ``parameters.OWN_FIRM`` are fitted to them
   by the same history matching as the default model.
5. Out: ``calibration.json`` (a run names it explicitly), ``firm.yaml`` (the simulated firm),
   ``survival.png`` (observed against fitted) and ``report.md``.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from sim.calibration import calfile, harness
from sim.calibration.bundle import Arm
from sim.calibration.evaluate import bundles_for
from sim.calibration.parameters import OWN_FIRM
from sim.calibration.spells import VOLUNTARY, km_inputs, spells_from_events
from sim.calibration.spells_file import load_spells
from sim.calibration.statistics import RoleTurnover, SurvivalAt, survival_at
from sim.calibration.target import Target
from sim.scenario import load_scenario, validate_scenario

SURVIVAL_TENURES = (3, 6, 12, 18, 24, 36, 48)
MIN_AT_RISK = 10  # people at risk at a tenure for its survival to be a target
MIN_PERSON_YEARS = 10.0  # a role's exposure for its turnover to be a target


@dataclasses.dataclass
class ObservedFirm:
    source: str
    spells: pd.DataFrame
    first: int
    last: int
    survival: pd.DataFrame  # tenure, survival, low, high, at_risk
    roles: pd.DataFrame  # role, headcount, wage, exits, person_years, turnover, low, high
    curve: pd.DataFrame  # the whole Kaplan-Meier curve with its interval

    @property
    def months(self) -> int:
        return self.last - self.first


def _poisson_interval(count: float, exposure: float) -> tuple[float, float]:
    from scipy.stats import chi2

    low = chi2.ppf(0.025, 2 * count) / 2 if count > 0 else 0.0
    high = chi2.ppf(0.975, 2 * count + 2) / 2
    return low / exposure, high / exposure


def observe(
    spells: pd.DataFrame, source: str, first: int = 0, last: int | None = None
) -> ObservedFirm:
    """The observed survival curve and turnover by role of a firm's spells."""
    from lifelines import KaplanMeierFitter

    months = pd.concat([spells["hire_month"], spells["exit_month"].dropna()])
    last = int(months.max()) if last is None else last
    inside = spells[(spells["exit_month"].isna()) | (spells["exit_month"] >= first)]
    inside = inside[inside["hire_month"] <= last]
    durations, events, entry = km_inputs(inside, last, first)
    fitter = KaplanMeierFitter().fit(durations, events, entry=entry, alpha=0.05)
    curve = pd.concat([fitter.survival_function_, fitter.confidence_interval_], axis=1)
    curve.columns = ["survival", "low", "high"]
    at_risk = fitter.event_table["at_risk"]
    rows = []
    for t in SURVIVAL_TENURES:
        if t > durations.max() or at_risk.loc[:t].iloc[-1] < MIN_AT_RISK:
            continue
        point = curve.loc[:t].iloc[-1]
        rows.append(
            {
                "tenure": t,
                "survival": point["survival"],
                "low": point["low"],
                "high": point["high"],
                "at_risk": int(at_risk.loc[:t].iloc[-1]),
            }
        )
    survival = pd.DataFrame(rows)
    role_rows = []
    for role, group in inside.groupby("role"):
        start = np.maximum(group["hire_month"].to_numpy(float), first)
        end = np.minimum(group["exit_month"].fillna(last).to_numpy(float), last)
        person_months = float(np.clip(end - start, 0, None).sum())
        exits = float(
            (
                group["exit_kind"].isin(VOLUNTARY) & group["exit_month"].between(first + 1, last)
            ).sum()
        )
        low, high = (
            _poisson_interval(exits, person_months) if person_months else (math.nan, math.nan)
        )
        role_rows.append(
            {
                "role": role,
                "headcount": person_months / max(last - first, 1),
                "wage": float(group["wage"].median()),
                "exits": exits,
                "person_years": person_months / 12.0,
                "turnover": 12 * exits / person_months if person_months else math.nan,
                "low": 12 * low,
                "high": 12 * high,
            }
        )
    return ObservedFirm(source, inside, first, last, survival, pd.DataFrame(role_rows), curve)


def firm_scenario(observed: ObservedFirm, template: str = "baseline"):
    """A scenario of the observed firm, on the template's market and psychology."""
    base = load_scenario(template).model_dump(mode="json")
    roles = []
    for r in observed.roles.itertuples():
        count = max(int(round(r.headcount)), 1)
        roles.append(
            {
                "name": str(r.role),
                "count": count,
                "wage": float(r.wage),
                "market_wage": float(r.wage),
                "output_value": 3.0 * float(r.wage),
            }
        )
    employees = sum(r["count"] for r in roles)
    bill = sum(r["count"] * r["wage"] for r in roles)
    data = base | {
        "name": "own_firm",
        "title": f"The firm of {Path(observed.source).name}",
        "title_zh": "",
        "story": f"Built by orgsim calibrate --spells from {observed.source}.",
        "story_zh": "",
        "months": int(min(max(observed.months, 24), 240)),
        "firm": {
            "name": "own firm",
            "employees": employees,
            "departments": ["operations"],
            "roles": roles,
        },
        "clients": {"count": 0},
        "finances": {
            "cash": 24.0 * bill,
            "overhead": 0.0,
            "material_share": 0.3,
            "hiring_cost": 0.0,
            "owner_subsidy_budget": 120.0 * bill,
        },
        "policies": [],
        "timeline": [],
    }
    return validate_scenario(data, source=f"firm built from {observed.source}")


def own_firm_targets(observed: ObservedFirm, arm: Arm) -> list[Target]:
    source = f"{observed.source}: employment spells of months {observed.first}-{observed.last}"
    targets = [
        Target(
            f"survival_at_{int(r.tenure)}_months",
            SurvivalAt(arm, int(r.tenure)),
            value=float(r.survival),
            tolerance=(float(r.low), float(r.high)),
            source=f"{source}; Kaplan-Meier (lifelines), 95% interval, {r.at_risk} at risk",
            role="calibration",
            case="own firm",
        )
        for r in observed.survival.itertuples()
    ]
    for r in observed.roles.itertuples():
        if r.person_years < MIN_PERSON_YEARS or not math.isfinite(r.high):
            continue
        targets.append(
            Target(
                f"turnover_{r.role}",
                RoleTurnover(arm, str(r.role)),
                value=float(r.turnover),
                tolerance=(float(r.low), float(r.high)),
                source=f"{source}; {int(r.exits)} voluntary exits in {r.person_years:.0f} person-years, exact Poisson 95% interval",
                role="calibration",
                case="own firm",
            )
        )
    return targets


def calibrate_own_firm(
    spells_path: str | Path,
    out: str | Path,
    *,
    scenario: str | None = None,
    settings: harness.CalibrationSettings = harness.FULL,
    first: int = 0,
    last: int | None = None,
    workers: int | None = None,
    progress=None,
) -> dict[str, Any]:
    """Fit ``OWN_FIRM`` to the firm of a spells file; write the calibration, the simulated
    firm, the figure and the report into ``out`` (a folder)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    observed = observe(load_spells(spells_path), str(spells_path), first, last)
    firm = load_scenario(scenario) if scenario else firm_scenario(observed)
    firm_file = out / "firm.yaml"
    firm_file.write_text(
        yaml.safe_dump(firm.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
    )
    arm = Arm("own firm", str(firm_file.resolve()), months=int(min(max(observed.months, 24), 240)))
    targets = own_firm_targets(observed, arm)
    if not targets:
        raise ValueError(
            f"{spells_path}: too few spells for any target (see sim/calibration/own_firm.py)"
        )
    data = harness.calibrate(
        targets,
        OWN_FIRM,
        settings,
        workers=workers,
        kind="own firm",
        progress=progress,
        extra={"spells": str(spells_path), "scenario": firm.model_dump(mode="json")},
    )
    calfile.write(data, out / "calibration.json")
    curves = fitted_curves(arm, data["ensemble"]["members"], observed, settings, workers)
    survival_figure(observed, curves, out / "survival.png")
    (out / "report.md").write_text(report(observed, data, targets, out), encoding="utf-8")
    return data


def fitted_curves(arm, members, observed, settings, workers) -> np.ndarray:
    """Each member's simulated survival curve at tenures 0..observed horizon."""
    from sim.experiment import RunSettings

    horizon = int(min(observed.curve.index.max(), arm.months or 120))
    tenures = list(range(0, horizon + 1))
    run = RunSettings(seeds=settings.seeds, root_seed=settings.seed, workers=workers)
    bundles = bundles_for([SurvivalAt(arm, 1)], members, run)
    rows = []
    for bundle in bundles:
        runs = bundle[arm.label]
        rows.append(
            survival_at(spells_from_events(runs.events, runs.last_month), runs.last_month, tenures)
        )
    return np.array(rows)


def survival_figure(observed: ObservedFirm, curves: np.ndarray, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2))
    c = observed.curve
    ax.step(c.index, c["survival"], where="post", color="black", label="observed (Kaplan-Meier)")
    ax.fill_between(
        c.index,
        c["low"],
        c["high"],
        step="post",
        color="black",
        alpha=0.12,
        label="observed 95% interval",
    )
    keep = np.isfinite(curves).any(axis=0)  # tenures some member's runs reached
    curves = curves[:, keep]
    tenures = np.arange(keep.size)[keep]
    ax.plot(tenures, np.nanmedian(curves, axis=0), color="tab:blue", label="fitted firm (median)")
    ax.fill_between(
        tenures,
        np.nanquantile(curves, 0.05, axis=0),
        np.nanquantile(curves, 0.95, axis=0),
        color="tab:blue",
        alpha=0.2,
        label="fitted ensemble, 90%",
    )
    ax.set_xlim(0, max(observed.months, int(tenures.max(initial=12))))
    ax.set_xlabel("tenure (months)")
    ax.set_ylabel("share with no voluntary exit yet")
    ax.set_ylim(0, 1.02)
    ax.set_title(f"Survival to a voluntary exit: {Path(observed.source).name}", fontsize=10)
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def report(observed: ObservedFirm, data: dict, targets: list[Target], out: Path) -> str:
    lines = [
        f"# Calibration to {Path(observed.source).name}",
        "",
        f"Spells: {len(observed.spells)} in months {observed.first}-{observed.last}. "
        f"Method: {data['method']['name']}, {data['method']['runs']} parameter sets run, "
        f"{data['ensemble']['size']} members kept (seed {data['seed']}).",
        "",
    ]
    if data["nroy_empty"]:
        lines += [
            "**The model could not meet every target at once**: the members are the closest "
            "runs, not a set that fits.",
            "",
        ]
    lines += [
        "| target | observed | accepted range | fitted (median) | fitted 90% | met by |",
        "|---|---|---|---|---|---|",
    ]
    for t in data["targets"]:
        lines.append(
            f"| {t['name']} | {t['literature_value']:.3f} | {t['tolerance'][0]:.3f}-{t['tolerance'][1]:.3f} "
            f"| {t['reached']:.3f} | {t['interval'][0]:.3f}-{t['interval'][1]:.3f} | {100 * t['met_share']:.0f}% |"
        )
    lines += [
        "",
        "| parameter | prior | fitted (best) | 90% of the ensemble |",
        "|---|---|---|---|",
    ]
    for p in data["parameters"]:
        lines.append(
            f"| `{p['path']}` | {p['prior'][0]:.4g}-{p['prior'][1]:.4g} | {p['value']:.4g} "
            f"| {p['interval'][0]:.4g}-{p['interval'][1]:.4g} |"
        )
    lines += [
        "",
        "![observed against fitted survival](survival.png)",
        "",
        "Run the fitted firm: `orgsim run " + str(out / "firm.yaml") + "` with the psychology of "
        "`calibration.json` (`sim.calibration.apply(scenario, 'calibration.json')`).",
        "",
    ]
    return "\n".join(lines)
