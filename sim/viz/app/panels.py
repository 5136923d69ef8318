"""What the app's charts plot: the eight live panels and the eight differences B − A, as data.

A :class:`Series` is a line of a panel. A series that plots a monthly column as it is takes the
column's declared label from ``sim.outcomes`` (with a note on its scale where the page adds one); a
series derived from the columns (smoothed, added up since month 0, several columns summed) has its
own phrase in ``sim.viz.i18n.CHART``, as have the panels' titles. Two keys are kept short so that
they fit above their panel: the five needs are named by their level (``i18n.need``: "physiological"
rather than the declared "physiological need") and the hires and exits under the headcount by a
pair of chart phrases. ``sim.viz.app.charts`` draws the panels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim import outcomes
from sim.agents.psychology import NEEDS
from sim.org.exits import COLUMN
from sim.viz import i18n

# --- series derived from the monthly columns ------------------------------------------------------


def turnover_3m(m: pd.DataFrame) -> np.ndarray:
    """Voluntary turnover, annualised, averaged over the last three months (less jumpy)."""
    return m["turnover_rate_annual"].rolling(3, min_periods=1).mean().to_numpy()


def clients_lost_so_far(m: pd.DataFrame) -> np.ndarray:
    """Clients who followed a departing employee, added up since month 0."""
    return m["clients_lost_to_leavers"].cumsum().to_numpy()


def exits(m: pd.DataFrame) -> np.ndarray:
    """Every separation of the month: quits, non-renewals, dismissals, layoffs, retirements."""
    return m[list(COLUMN.values())].sum(axis=1).to_numpy()


def exits_so_far(m: pd.DataFrame) -> np.ndarray:
    return np.cumsum(exits(m))


def profit_so_far(m: pd.DataFrame) -> np.ndarray:
    return m["profit"].cumsum().to_numpy()


DERIVED: dict[str, Callable[[pd.DataFrame], np.ndarray]] = {
    f.__name__: f for f in (turnover_3m, clients_lost_so_far, exits, exits_so_far, profit_so_far)
}


def values(m: pd.DataFrame, column: str) -> np.ndarray:
    """A monthly column of ``m``, or a series derived from the columns (a name in DERIVED)."""
    if column in m.columns:
        return m[column].to_numpy(dtype=float)
    return np.asarray(DERIVED[column](m), dtype=float)


# --- the live panels ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """A line of a panel: a monthly column (labelled by its declaration) or a derived series."""

    column: str  # a monthly column, or a name in DERIVED
    colour: str = "#222222"
    style: str = "-"
    phrase: str | None = None  # key of i18n.CHART: the label of a derived series
    scale_note: str | None = None  # key of i18n.CHART: "{label}" with a note on the scale

    def __post_init__(self):
        if self.column in DERIVED and self.phrase is None:
            raise ValueError(f"series {self.column!r} is derived: give it a phrase in i18n.CHART")
        if self.column not in DERIVED and self.column not in outcomes.BY_NAME:
            raise ValueError(
                f"series {self.column!r}: not a column declared in sim/outcomes.py "
                f"nor a derived series ({', '.join(DERIVED)})"
            )

    def label(self, lang: str) -> str:
        if self.phrase is not None:
            return i18n.chart(self.phrase, lang)
        if self.column.startswith("need_"):  # a level of Maslow's hierarchy, by its short name
            return i18n.need(self.column.removeprefix("need_"), lang)
        text = outcomes.label(self.column, lang)
        return i18n.chart(self.scale_note, lang).format(label=text) if self.scale_note else text

    def values(self, m: pd.DataFrame) -> np.ndarray:
        return values(m, self.column)


@dataclass(frozen=True)
class PanelSpec:
    title: str  # key of i18n.CHART
    series: tuple[Series, ...]
    # "share" (0..1), "rate" (0..>=0.5), "count" (0..), "index" (0..), "money" (any sign)
    scale: str
    flows: bool = False  # hires up and exits down, on a second axis


NEED_COLOURS = ("#8c510a", "#d8b365", "#5ab4ac", "#01665e", "#762a83")
PANELS = (
    PanelSpec("headcount_title", (Series("headcount", "#222222"),), "count", flows=True),
    PanelSpec(
        "satisfaction_title",
        (
            Series("mean_satisfaction", "#1f77b4"),
            Series("mean_dissatisfaction", "#c0392b", "--"),
        ),
        "share",
    ),
    PanelSpec(
        "needs_title",
        tuple(Series(f"need_{k}", c) for k, c in zip(NEEDS, NEED_COLOURS, strict=True)),
        "share",
    ),
    PanelSpec(
        "turnover_title",
        (
            Series("turnover_3m", "#6a3d9a", phrase="turnover"),
            Series("intent_to_quit_share", "#555555", "--"),
        ),
        "rate",
    ),
    PanelSpec(
        "effort_title",
        (
            Series("mean_effort", "#1b7837", scale_note="effort_scale"),
            Series("output_per_employee", "#e08214", "--"),
        ),
        "index",
    ),
    PanelSpec(
        "money_title",
        (Series("revenue", "#2ca02c"), Series("profit", "#222222", "--")),
        "money",
    ),
    PanelSpec("cash_title", (Series("cash", "#08306b"),), "money"),
    PanelSpec(
        "clients_title",
        (
            Series("clients", "#8c564b"),
            Series("clients_lost_so_far", "#d62728", "--", phrase="clients_lost"),
        ),
        "count",
    ),
)


# --- the differences B − A ------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """A panel of B − A month by month."""

    series: Series  # what is compared (B − A is drawn in B's colour, not the series')
    scale: str  # tick format: "count", "share" (in percentage points), "index" or "money"
    minimum: float  # smallest half-range shown


DIFFERENCES = (
    Difference(Series("headcount"), "count", 2.0),
    Difference(Series("mean_attitude"), "share", 0.05),
    Difference(Series("intent_to_quit_share"), "share", 0.05),
    Difference(Series("exits_so_far", phrase="exits_so_far"), "count", 2.0),
    Difference(Series("output_per_employee"), "index", 0.05),
    Difference(Series("profit_so_far", phrase="profit_so_far"), "money", 1000.0),
    Difference(Series("cash"), "money", 1000.0),
    Difference(Series("clients"), "count", 2.0),
)
