"""The statistics targets are stated in: named, picklable functions of a run :class:`Bundle`.

Each statistic is a small frozen dataclass that declares the arms (and case studies) it needs
and computes one number from a bundle, pooling the replicates (so a statistic over six seeds is
one estimate, not a mean of six noisy ones). Its ``name`` says what it measures in words. All of
them read only the monthly metrics (``sim/outcomes.py``) and the event log; the spell rules are
those of :mod:`sim.calibration.spells`.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd

from sim.calibration.bundle import FAILED, Arm, ArmRuns, Bundle, case_key
from sim.calibration.spells import (
    Band,
    band_hazard,
    km_inputs,
    life_table,
    role_exposure,
    spells_from_events,
)


class Statistic:
    """A number computed from a bundle. Subclasses are frozen dataclasses (so they pickle and
    compare by value) with ``arms``, ``cases``, ``name`` and ``__call__``."""

    arms: tuple[Arm, ...] = ()
    cases: tuple[tuple[str, tuple], ...] = ()  # (case name, extra overrides) pairs

    @property
    def name(self) -> str:  # pragma: no cover - every subclass names itself
        raise NotImplementedError

    def __call__(self, bundle: Bundle) -> float:  # pragma: no cover
        raise NotImplementedError

    def holds(self, value: float, bundle: Bundle, tolerance: tuple[float, float] | None) -> bool:
        """Whether the fact holds for this value: within the tolerance, both ends included."""
        if tolerance is None or not math.isfinite(value):
            return False
        return tolerance[0] <= value <= tolerance[1]


def _pooled_spells(runs: ArmRuns) -> pd.DataFrame:
    return spells_from_events(runs.events, runs.last_month)


def _voluntary_exits(monthly: pd.DataFrame) -> pd.Series:
    return monthly["quits"] + monthly["non_renewals"]


@dataclasses.dataclass(frozen=True)
class HazardInBand(Statistic):
    """Monthly voluntary-exit hazard of the people hired during the run, in one tenure band."""

    arm: Arm
    band: Band

    @property
    def arms(self):
        return (self.arm,)

    @property
    def name(self) -> str:
        return f"monthly voluntary-exit hazard at {self.band}, {self.arm.label}"

    def __call__(self, bundle: Bundle) -> float:
        runs = bundle[self.arm.label]
        return band_hazard(life_table(_pooled_spells(runs), runs.last_month), self.band)


@dataclasses.dataclass(frozen=True)
class HazardRatio(Statistic):
    """The voluntary-exit hazard in one tenure band over that in another (same runs)."""

    arm: Arm
    numerator: Band
    denominator: Band

    @property
    def arms(self):
        return (self.arm,)

    @property
    def name(self) -> str:
        return (
            f"voluntary-exit hazard at {self.numerator} / at {self.denominator}, {self.arm.label}"
        )

    def __call__(self, bundle: Bundle) -> float:
        runs = bundle[self.arm.label]
        table = life_table(_pooled_spells(runs), runs.last_month)
        below = band_hazard(table, self.denominator)
        above = band_hazard(table, self.numerator)
        if not (math.isfinite(below) and math.isfinite(above)) or below <= 0:
            return float("nan")
        return above / below


@dataclasses.dataclass(frozen=True)
class AnnualTurnover(Statistic):
    """Annual voluntary turnover: 12 x (quits + non-renewals) / mean headcount, pooled over the
    months ``first..last`` (None: to the end) and the replicates."""

    arm: Arm
    first: int = 1
    last: int | None = None

    @property
    def arms(self):
        return (self.arm,)

    @property
    def name(self) -> str:
        end = "the end" if self.last is None else f"month {self.last}"
        return f"annual voluntary turnover, months {self.first} to {end}, {self.arm.label}"

    def __call__(self, bundle: Bundle) -> float:
        return annual_turnover(bundle[self.arm.label].monthly, self.first, self.last)


def annual_turnover(monthly: pd.DataFrame, first: int = 1, last: int | None = None) -> float:
    """12 x voluntary exits / person-months (the mean of each month's opening and closing
    headcount, as ``turnover_rate_annual`` counts them), pooled over months and replicates."""
    frame = monthly.sort_values(["replicate", "month"])
    opening = frame.groupby("replicate")["headcount"].shift(1)
    window = frame["month"].between(first, last if last is not None else frame["month"].max())
    exposure = ((opening + frame["headcount"]) / 2.0)[window].sum()
    exits = _voluntary_exits(frame)[window].sum()
    return 12.0 * float(exits) / float(exposure) if exposure > 0 else float("nan")


@dataclasses.dataclass(frozen=True)
class Drift(Statistic):
    """Relative change of a monthly metric from one window to another (signed): the mean over
    ``late`` months over the mean over ``early`` months, minus 1 (replicates pooled)."""

    arm: Arm
    column: str
    early: tuple[int, int] = (1, 12)
    late: tuple[int, int] = (109, 120)

    @property
    def arms(self):
        return (self.arm,)

    @property
    def name(self) -> str:
        return (
            f"relative drift of {self.column.replace('_', ' ')}, months {self.late[0]}-"
            f"{self.late[1]} against {self.early[0]}-{self.early[1]}, {self.arm.label}"
        )

    def __call__(self, bundle: Bundle) -> float:
        m = bundle[self.arm.label].monthly
        early = m.loc[m["month"].between(*self.early), self.column].mean()
        late = m.loc[m["month"].between(*self.late), self.column].mean()
        if not (np.isfinite(early) and np.isfinite(late)) or early == 0:
            return float("nan")
        return float(late / early - 1.0)


@dataclasses.dataclass(frozen=True)
class MeanOf(Statistic):
    """Mean of a monthly metric over months ``first..last`` (None: to the end), pooled over the
    months and the replicates."""

    arm: Arm
    column: str
    first: int = 1
    last: int | None = None

    @property
    def arms(self):
        return (self.arm,)

    @property
    def name(self) -> str:
        end = "the end" if self.last is None else f"month {self.last}"
        return (
            f"mean {self.column.replace('_', ' ')}, months {self.first} to {end}, {self.arm.label}"
        )

    def __call__(self, bundle: Bundle) -> float:
        m = bundle[self.arm.label].monthly
        last = self.last if self.last is not None else m["month"].max()
        values = m.loc[m["month"].between(self.first, last), self.column]
        return float(values.mean()) if values.notna().any() else float("nan")


def _role_wage(scenario, role: str) -> tuple[float, float]:
    for r in scenario.firm.roles:
        if r.name == role:
            return float(r.wage), float(r.market_wage or r.wage)
    raise KeyError(f"scenario {scenario.name} has no role {role!r}")


def _role_rate(runs: ArmRuns, role: str, first: int, last: int | None) -> tuple[float, float]:
    """(voluntary exits, person-months) of one role over months ``first..last``, summed over
    replicates; the role's headcount is rebuilt from the scenario's roles and the event log."""
    initial = {r.name: r.count for r in runs.scenario.firm.roles}
    if role not in initial:
        raise KeyError(f"scenario {runs.scenario.name} has no role {role!r}")
    end = runs.last_month if last is None else last
    return role_exposure(runs.events, role, initial[role], first, end)


@dataclasses.dataclass(frozen=True)
class SeparationElasticity(Statistic):
    """The quit response to pay relative to the market: d ln(quit rate) / d ln(wage) of one
    role, from a paired run in which that role's wage is raised and its market wage is not.

    ``(ln q_raised - ln q_base) / ln(w_raised / w_base)``, where ``q`` is the role's voluntary
    exits per person-month over the window, pooled over replicates (common random numbers pair
    replicate k of the two arms)."""

    base: Arm
    raised: Arm
    role: str
    first: int = 1
    last: int | None = None

    @property
    def arms(self):
        return (self.base, self.raised)

    @property
    def name(self) -> str:
        return (
            f"separation elasticity of {self.role}s: d ln(quit rate) / d ln(wage), "
            f"{self.raised.label} against {self.base.label}"
        )

    def __call__(self, bundle: Bundle) -> float:
        base, raised = bundle[self.base.label], bundle[self.raised.label]
        w_base, market = _role_wage(base.scenario, self.role)
        w_raised, market_raised = _role_wage(raised.scenario, self.role)
        if market != market_raised or w_raised == w_base:
            raise ValueError(
                f"{self.name}: the arms must differ in the {self.role}'s wage only "
                f"(wages {w_base}, {w_raised}; market wages {market}, {market_raised})"
            )
        e0, x0 = _role_rate(base, self.role, self.first, self.last)
        e1, x1 = _role_rate(raised, self.role, self.first, self.last)
        if min(e0, e1, x0, x1) <= 0:
            return float("nan")
        return float((math.log(e1 / x1) - math.log(e0 / x0)) / math.log(w_raised / w_base))


@dataclasses.dataclass(frozen=True)
class TurnoverRatio(Statistic):
    """Annual voluntary turnover of one arm over another's (e.g. a tight labour market over a
    slack one), each pooled over its months and replicates."""

    numerator: Arm
    denominator: Arm
    first: int = 1
    last: int | None = None

    @property
    def arms(self):
        return (self.numerator, self.denominator)

    @property
    def name(self) -> str:
        return f"annual voluntary turnover, {self.numerator.label} / {self.denominator.label}"

    def __call__(self, bundle: Bundle) -> float:
        top = annual_turnover(bundle[self.numerator.label].monthly, self.first, self.last)
        bottom = annual_turnover(bundle[self.denominator.label].monthly, self.first, self.last)
        return top / bottom if bottom > 0 else float("nan")


@dataclasses.dataclass(frozen=True)
class SurvivalAt(Statistic):
    """Kaplan-Meier survival to a voluntary exit at a tenure (lifelines), of the people hired
    during the run (dismissals and layoffs censored)."""

    arm: Arm
    tenure: int

    @property
    def arms(self):
        return (self.arm,)

    @property
    def name(self) -> str:
        return f"share still employed (no voluntary exit) at {self.tenure} months, {self.arm.label}"

    def __call__(self, bundle: Bundle) -> float:
        runs = bundle[self.arm.label]
        return survival_at(_pooled_spells(runs), runs.last_month, [self.tenure])[0]


def survival_at(
    spells: pd.DataFrame, last_month: int, tenures, first_month: int | None = None
) -> list[float]:
    """Kaplan-Meier survival (lifelines) at the given tenures, by the spell rules."""
    from lifelines import KaplanMeierFitter

    durations, events, entry = km_inputs(spells, last_month, first_month)
    if not len(durations):
        return [float("nan")] * len(tenures)
    fitter = KaplanMeierFitter().fit(durations, events, entry=entry)
    values = fitter.survival_function_at_times(list(tenures)).to_numpy(dtype=float)
    horizon = float(durations.max())
    return [
        float(v) if t <= horizon else float("nan") for v, t in zip(values, tenures, strict=True)
    ]


@dataclasses.dataclass(frozen=True)
class RoleTurnover(Statistic):
    """Annual voluntary turnover of one role: 12 x its quits and non-renewals over its
    person-months (headcount rebuilt from the scenario's roles and the event log)."""

    arm: Arm
    role: str
    first: int = 1
    last: int | None = None

    @property
    def arms(self):
        return (self.arm,)

    @property
    def name(self) -> str:
        return f"annual voluntary turnover of {self.role}s, {self.arm.label}"

    def __call__(self, bundle: Bundle) -> float:
        exits, exposure = _role_rate(bundle[self.arm.label], self.role, self.first, self.last)
        return 12.0 * exits / exposure if exposure > 0 else float("nan")


@dataclasses.dataclass(frozen=True)
class CaseFact(Statistic):
    """A fact of a case study of ``sim.cases``: the value its :class:`~sim.cases.Outcome`
    reports, and whether it passed (the case's own rule, which may check more than the value).
    ``extra``: the overrides the case runs with (a null's switch), as ``Bundle.cases`` keys it."""

    case: str
    fact: str
    extra: tuple = ()

    @property
    def cases(self):
        return ((self.case, self.extra),)

    @property
    def name(self) -> str:
        return f"{self.fact} (sim.cases.{self.case})"

    def _outcome(self, bundle: Bundle) -> dict:
        found = bundle.cases.get(case_key(self.case, self.extra), {})
        if FAILED in found:  # the case crashed under these parameters: no value, does not hold
            return {"value": math.nan, "passed": False}
        if self.fact not in found:
            raise KeyError(f"case {self.case} reported no fact {self.fact!r}: {sorted(found)}")
        return found[self.fact]

    def __call__(self, bundle: Bundle) -> float:
        return float(self._outcome(bundle)["value"])

    def holds(self, value, bundle, tolerance) -> bool:
        return bool(self._outcome(bundle)["passed"])


def with_extra(statistic: Statistic, overrides, tag: str) -> Statistic:
    """The same statistic with extra overrides on every arm and case it reads (a null)."""
    from sim.calibration.bundle import frozen

    extra = frozen(overrides)
    if not extra:
        return statistic
    if isinstance(statistic, CaseFact):
        return dataclasses.replace(statistic, extra=frozen(dict(statistic.extra) | dict(extra)))
    changes = {
        f.name: getattr(statistic, f.name).with_overrides(extra, tag)
        for f in dataclasses.fields(statistic)
        if isinstance(getattr(statistic, f.name), Arm)
    }
    return dataclasses.replace(statistic, **changes)
