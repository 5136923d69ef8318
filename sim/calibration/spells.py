"""Employment spells: from a run's event log (or a firm's records) to hazards and turnover.

A *spell* is one person's time in one job: the month they were hired, the month they left (or
none: still employed when the records end), how they left, and their role. The model's event log
gives the spells of everyone hired during the run (a ``hire`` event, then at most one exit event,
matched by ``employee_id``); a firm's own records give them directly (``sim.calibration.spells_file``).

**Person-months at risk** (how the hazards here count exposure). Time is in whole months. A person
hired in month ``h`` has tenure ``t = m - h`` in month ``m``; the model ages tenure in phase 4 and
takes voluntary exits in phase 5, so the first month in which a newcomer can quit is ``h + 1``, at
tenure 1. A spell is *at risk of a voluntary exit at tenure t* when the person is still employed at
that month's voluntary-exit step:

- a spell that ends in a voluntary exit (``quit`` or ``non_renewal``) at tenure ``T`` is at risk at
  tenures ``1 .. T`` and contributes one exit at ``T``;
- a spell that ends in a dismissal, a layoff or a retirement at tenure ``T`` is at risk at
  ``1 .. T-1`` only: retirements and management's separations (phase 5, ``Policy.review``) come
  before the voluntary exits of the same month, so that person was never at risk of quitting at
  ``T`` (a competing risk, censored);
- a spell still running when the observation ends in month ``M`` is at risk at ``1 .. M - h``
  (right-censored).

The hazard at tenure ``t`` is then exits at ``t`` over spells at risk at ``t`` (the discrete-time
Kaplan-Meier / life-table estimator), and a band's hazard is the exits in the band over the
person-months at risk in the band. This is a *flow sample*: only people hired during the observed
window count. The model's month-0 staff are left out, because the event log does not say how long
they had already been employed (their hire predates the run), and keeping only those who leave
would bias the hazard upwards. ``tests/calibration/test_spells.py`` checks the estimator on spells
drawn with a known hazard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.org.exits import EXIT_KINDS, VOLUNTARY

SPELL_COLUMNS = ("spell", "role", "hire_month", "exit_month", "exit_kind")
SPELL_KEY = 10**12  # spell = replicate * SPELL_KEY + employee_id


@dataclass(frozen=True)
class Band:
    """A band of tenure in whole months, both ends included (``last=None``: no upper end)."""

    first: int
    last: int | None = None

    def __post_init__(self) -> None:
        if self.first < 1 or (self.last is not None and self.last < self.first):
            raise ValueError(f"a tenure band runs from month 1 or later, upwards: {self}")

    @property
    def label(self) -> str:
        return f"{self.first}+" if self.last is None else f"{self.first}-{self.last}"

    def __str__(self) -> str:
        return f"tenure {self.label} months"


def spells_from_events(events: pd.DataFrame, last_month: int) -> pd.DataFrame:
    """The spells of everyone hired during a run, from its event log.

    ``events``: the run's ``OrgModel.events()`` table (a ``replicate`` column, if present, keeps
    replicates apart). ``last_month``: the run's last month (open spells are censored there).
    Returns one row per hire: ``spell`` (replicate x 10^12 + employee_id), ``role``, ``hire_month``,
    ``exit_month`` (NaN if still employed), ``exit_kind`` (None if still employed).
    """
    if events.empty:
        return pd.DataFrame(columns=SPELL_COLUMNS)
    key = ["replicate", "employee_id"] if "replicate" in events.columns else ["employee_id"]
    hires = events.loc[events["event"] == "hire", [*key, "role", "month"]]
    hires = hires.rename(columns={"month": "hire_month"})
    exits = events.loc[events["event"].isin(EXIT_KINDS), [*key, "month", "event"]]
    exits = exits.rename(columns={"month": "exit_month", "event": "exit_kind"})
    exits = exits.drop_duplicates(subset=key, keep="first")
    spells = hires.merge(exits, on=key, how="left", validate="one_to_one")
    spells = spells[spells["exit_month"].isna() | (spells["exit_month"] <= last_month)]
    ids = spells["employee_id"].to_numpy(dtype=np.int64)
    if "replicate" in spells.columns:
        ids = spells["replicate"].to_numpy(dtype=np.int64) * SPELL_KEY + ids
    spells.insert(0, "spell", ids)
    spells["exit_kind"] = spells["exit_kind"].where(spells["exit_month"].notna(), None)
    return spells[list(SPELL_COLUMNS)].reset_index(drop=True)


def life_table(
    spells: pd.DataFrame, last_month: int, first_month: int | None = None
) -> pd.DataFrame:
    """Voluntary exits and spells at risk at each tenure month (see the module's rules).

    ``last_month``: the month observation ends. ``first_month``: the first month whose exits are
    recorded (a spell hired before it enters at the tenure it has then: left truncation);
    ``None``: every spell is seen from its hire. Returns a frame indexed by tenure 1..max with ``at_risk``, ``exits`` and
    ``hazard`` (exits / at_risk; NaN where nobody is at risk).
    """
    durations, voluntary, entry = km_inputs(spells, last_month, first_month)
    last, start = durations.astype(np.int64), entry.astype(np.int64) + 1
    horizon = int(max(last.max(initial=0), 1))
    at_risk = np.zeros(horizon + 2, dtype=np.int64)
    np.add.at(at_risk, start, 1)
    np.add.at(at_risk, last + 1, -1)
    at_risk = np.cumsum(at_risk)[1 : horizon + 1]
    exits = np.zeros(horizon + 1, dtype=np.int64)
    np.add.at(exits, last[voluntary == 1], 1)
    exits = exits[1:]
    with np.errstate(invalid="ignore", divide="ignore"):
        hazard = np.where(at_risk > 0, exits / np.maximum(at_risk, 1), np.nan)
    return pd.DataFrame(
        {"at_risk": at_risk, "exits": exits, "hazard": hazard},
        index=pd.RangeIndex(1, horizon + 1, name="tenure"),
    )


def band_hazard(table: pd.DataFrame, band: Band) -> float:
    """Monthly voluntary-exit hazard in a tenure band: exits in the band / person-months at risk
    in it (NaN when nobody was at risk there)."""
    last = table.index.max() if band.last is None else band.last
    rows = table.loc[band.first : last]
    exposure = float(rows["at_risk"].sum())
    return float(rows["exits"].sum()) / exposure if exposure > 0 else float("nan")


def km_inputs(
    spells: pd.DataFrame, last_month: int, first_month: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The same spells as lifelines' Kaplan-Meier wants them: ``durations`` (the last tenure at
    risk), ``events`` (1 for a voluntary exit) and ``entry`` (the tenure before the first month
    at risk), by the rules of :func:`life_table`, so that lifelines' curve is the product of
    ``1 - hazard`` over the life table."""
    hire = spells["hire_month"].to_numpy(dtype=float)
    exit_month = spells["exit_month"].to_numpy(dtype=float)
    kind = spells["exit_kind"].to_numpy(dtype=object)
    ended = ~np.isnan(exit_month)
    voluntary = ended & np.isin(kind, VOLUNTARY)
    last = np.where(ended, exit_month, float(last_month)) - hire
    last = np.where(ended & ~voluntary, last - 1, last)
    start = np.ones_like(hire) if first_month is None else np.maximum(1.0, first_month - hire)
    keep = last >= start
    return last[keep], voluntary[keep].astype(int), (start - 1)[keep]


def band_hazards(table: pd.DataFrame, bands: Sequence[Band]) -> pd.Series:
    return pd.Series({b.label: band_hazard(table, b) for b in bands}, name="hazard")


def role_headcount(
    events: pd.DataFrame, initial: dict[str, int], months: Sequence[int]
) -> pd.DataFrame:
    """Headcount of each role at the end of each month, rebuilt from the initial counts (the
    scenario's roles) and every hire and exit of the event log. A promotion or transfer that moves
    someone between roles shows as an event with ``role`` (the new role) and ``from_role``; both
    are counted when present."""
    months = list(months)
    frame = pd.DataFrame(0, index=pd.Index(months, name="month"), columns=list(initial))
    if not events.empty:
        ins = events[events["event"] == "hire"].groupby(["month", "role"]).size()
        outs = events[events["event"].isin(EXIT_KINDS)].groupby(["month", "role"]).size()
        change = ins.sub(outs, fill_value=0)
        if "from_role" in events.columns:
            moved = events[events["from_role"].notna() & events["role"].notna()]
            change = change.add(moved.groupby(["month", "role"]).size(), fill_value=0)
            change = change.sub(moved.groupby(["month", "from_role"]).size(), fill_value=0)
        wide = change.unstack(fill_value=0).reindex(index=months, columns=list(initial)).fillna(0)
        frame = frame.add(wide, fill_value=0)
    counts = frame.cumsum() + pd.Series(initial, dtype=float)
    return counts.astype(float)


def role_exposure(
    events: pd.DataFrame, role: str, initial: int, first: int, last: int
) -> tuple[float, float]:
    """(voluntary exits, person-months) of one role over months ``first..last``, summed over the
    replicates of ``events`` (its ``replicate`` column; one replicate if absent). The headcount
    is the initial count plus every hire minus every exit of the role up to the month, and a
    month's exposure is the mean of its opening and closing headcount (as :func:`role_headcount`
    and the monthly ``turnover_rate_annual`` count them). Promotions between roles are counted
    when the log carries ``from_role``."""
    months = last + 1
    replicates = (
        events["replicate"].to_numpy(dtype=np.int64)
        if "replicate" in events.columns
        else np.zeros(len(events), dtype=np.int64)
    )
    keys = np.unique(replicates) if len(events) else np.zeros(1, dtype=np.int64)
    index = np.searchsorted(keys, replicates)
    month = events["month"].to_numpy(dtype=np.int64)
    kind = events["event"].to_numpy(dtype=object)
    of_role = events["role"].to_numpy(dtype=object) == role
    inside = month <= last
    change = np.zeros((len(keys), months))
    np.add.at(
        change,
        (index[of_role & (kind == "hire") & inside], month[of_role & (kind == "hire") & inside]),
        1.0,
    )
    leaving = of_role & np.isin(kind, EXIT_KINDS) & inside
    np.add.at(change, (index[leaving], month[leaving]), -1.0)
    if "from_role" in events.columns:
        moved_in = of_role & events["from_role"].notna().to_numpy() & inside
        moved_out = (events["from_role"].to_numpy(dtype=object) == role) & inside
        np.add.at(change, (index[moved_in], month[moved_in]), 1.0)
        np.add.at(change, (index[moved_out], month[moved_out]), -1.0)
    counts = initial + np.cumsum(change, axis=1)
    exposure = float(((counts[:, first - 1 : last] + counts[:, first : last + 1]) / 2.0).sum())
    voluntary = of_role & np.isin(kind, VOLUNTARY) & (month >= first) & inside
    return float(voluntary.sum()), exposure
