"""What is measured each month (phase 7), the event log, and a run's headline figures.

Every monthly figure is computed from the columns at once; nothing here reads agents one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sim import outcomes
from sim.agents.psychology import DRIVERS, NEEDS
from sim.agents.stages import Stage
from sim.org import exits

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel

EVENT_COLUMNS = ("month", "event", "employee_id", "role", "tenure_months") + tuple(
    f"driver_{d}" for d in DRIVERS
)


@dataclass
class Flows:
    """This month's counts of people and clients moving."""

    hires: int = 0
    quits: int = 0
    non_renewals: int = 0
    dismissals: int = 0
    layoffs: int = 0
    retirements: int = 0
    clients_won: int = 0
    clients_churned: int = 0
    clients_lost_to_leavers: int = 0

    def add_exit(self, kind: str, count: int) -> None:
        name = exits.COLUMN[kind]
        setattr(self, name, getattr(self, name) + count)


def spread(values: np.ndarray) -> float:
    """Standard deviation across people (NaN for fewer than two)."""
    return float(values.std(ddof=1)) if values.size > 1 else float("nan")


def team_share(values: np.ndarray, team: np.ndarray) -> float:
    """ICC(1): the share of the spread of ``values`` that lies between teams, from a one-way
    ANOVA, ``(MSB - MSW) / (MSB + (k - 1) MSW)`` with ``k`` the size-adjusted mean team size
    (Bliese 2000). NaN with fewer than two teams or no one to spare within them."""
    # team numbers are small non-negative integers: count by number and keep the teams present
    # (the same sums, in the same order, as grouping by np.unique, without its sort)
    counts = np.bincount(team)
    present = np.flatnonzero(counts)
    sizes = counts[present]
    g, n = sizes.size, values.size
    if g < 2 or n - g < 1:
        return float("nan")
    means = np.bincount(team, weights=values)[present] / sizes
    by_team = np.zeros(counts.size)
    by_team[present] = means
    grand = values.mean()
    msb = float((sizes * (means - grand) ** 2).sum() / (g - 1))
    msw = float(((values - by_team[team]) ** 2).sum() / (n - g))
    k = (n - (sizes**2).sum() / n) / (g - 1)
    denominator = msb + (k - 1.0) * msw
    return (msb - msw) / denominator if denominator > 0 else float("nan")


def row(model: OrgModel, headcount_before: int | None = None) -> dict:
    """The month's metrics row (:data:`sim.outcomes.METRICS`), computed from the columns."""
    ws, n, f, acc = model.workforce, model.workforce.n, model.flows, model.finance.month

    # people hired this month have not yet perceived their job: leave them out of the means
    seen = ws.tenure[:n] > 0
    if not seen.any():
        seen = np.ones(n, dtype=bool)

    def mean(col):  # np.compress: the same rows as col[:n][seen], copied faster
        return float(np.compress(seen, col[:n], axis=0).mean()) if n else float("nan")

    attitude = np.compress(seen, ws.motivator_satisfaction[:n] - ws.hygiene_dissatisfaction[:n])
    satisfaction, dissatisfaction = (
        mean(ws.motivator_satisfaction),
        mean(ws.hygiene_dissatisfaction),
    )
    start = headcount_before if headcount_before is not None else n
    base = max((start + n) / 2.0, 1.0)
    voluntary = f.quits + f.non_renewals
    exits = voluntary + f.dismissals + f.layoffs + f.retirements
    needs = (
        np.compress(seen, ws.needs[:n], axis=0).mean(axis=0) if n else np.full(len(NEEDS), np.nan)
    )
    stages = np.bincount(np.compress(seen, ws.stage[:n]), minlength=len(Stage)) / max(
        int(seen.sum()), 1
    )
    total_output = float(ws.output[:n].sum())
    intent = np.compress(seen, ws.intent[:n])
    row = {
        "month": model.month,
        "headcount": n,
        "hires": f.hires,
        "quits": f.quits,
        "non_renewals": f.non_renewals,
        "dismissals": f.dismissals,
        "layoffs": f.layoffs,
        "retirements": f.retirements,
        "turnover_rate_annual": 12.0 * voluntary / base,
        "total_turnover_rate_annual": 12.0 * exits / base,
        "mean_satisfaction": satisfaction,
        "mean_dissatisfaction": dissatisfaction,
        "mean_attitude": satisfaction - dissatisfaction,
        "mean_effort": mean(ws.effort),
        "attitude_sd": spread(attitude),
        "attitude_team_share": team_share(attitude, np.compress(seen, ws.team[:n])),
        "output": total_output,
        "output_per_employee": total_output / max(n, 1),
        "revenue": acc.revenue,
        "client_revenue": acc.client_revenue,
        "output_revenue": acc.output_revenue,
        "wage_bill": acc.wage_bill,
        "wages_due": acc.wages_due,
        "arrears": acc.arrears,
        "bonuses": acc.bonuses,
        "costs": acc.costs,
        "profit": acc.profit,
        "cash": model.finance.cash,
        "subsidy": acc.subsidy,
        "injection": acc.injection,
        "clients": model.clients.count,
        "clients_won": f.clients_won,
        "clients_churned": f.clients_churned,
        "clients_lost_to_leavers": f.clients_lost_to_leavers,
        "intent_to_quit_share": float((intent > model.psychology.non_renewal_intent).mean())
        if n
        else float("nan"),
        "mean_intent": mean(ws.intent),
        "intent_sd": spread(intent),
        "mean_equity": mean(ws.equity_internal),
        "mean_inequity": mean(ws.inequity),
        "mean_commitment": mean(ws.commitment),
        "mean_embeddedness": mean(ws.embeddedness),
        "culture_strength": model.firm.culture_strength,
        "vision": model.firm.vision,
        "mean_hours": mean(ws.hours),
        "mean_pay": mean(ws.paid),
        "mean_wage": mean(ws.wage),
        "cpi": model.labour.cpi,
        "demand": model.labour.demand,
    }
    row.update({f"need_{k}": float(v) for k, v in zip(NEEDS, needs, strict=True)})
    row.update({f"stage_{s.name.lower()}": float(stages[s]) for s in Stage})
    return row


def events_frame(events: list[dict], batches: list[dict] = ()) -> pd.DataFrame:
    """One table of every event: batches (column arrays) and single events (dicts), by month."""
    if events:
        keys = list(dict.fromkeys(k for e in events for k in e))
        batches = [*batches, {k: np.array([e.get(k) for e in events], dtype=object) for k in keys}]
    columns = list(dict.fromkeys(k for b in batches for k in b))
    sizes = [len(b["month"]) for b in batches]
    data = {}
    for key in columns:
        parts = [
            b[key] if key in b else np.full(size, np.nan, dtype=object)
            for b, size in zip(batches, sizes, strict=True)
        ]
        data[key] = np.concatenate(parts) if parts else np.array([])
    frame = pd.DataFrame(data)
    for col in EVENT_COLUMNS:
        if col not in frame.columns:
            frame[col] = pd.Series(dtype=float)
    frame = frame.infer_objects()
    for col in frame.columns:
        if frame[col].dtype == object:
            converted = pd.to_numeric(frame[col], errors="coerce")
            if converted.notna().sum() == frame[col].notna().sum():
                frame[col] = converted
    if len(frame):
        frame = frame.sort_values("month", kind="stable").reset_index(drop=True)
    rest = [c for c in frame.columns if c not in EVENT_COLUMNS]
    return frame[list(EVENT_COLUMNS) + rest]


def summary(
    model: OrgModel, frame: pd.DataFrame | None = None, events: pd.DataFrame | None = None
) -> dict:
    """Headline figures of a run (:data:`sim.outcomes.HEADLINES`): the scenario, the seed and what
    happened. ``frame`` and ``events`` are the run's tables, if the caller has them already."""
    frame = model.metrics() if frame is None else frame
    run = frame.iloc[1:] if len(frame) > 1 else frame
    first, last = frame.iloc[0], frame.iloc[-1]
    events = model.events() if events is None else events
    identity = {"scenario": model.spec.name, "seed": model.seed, "months": int(model.month)}
    out: dict = {}
    for h in outcomes.HEADLINES:
        if h.how == "identity":
            out[h.name] = identity[h.name]
        elif h.how == "events":
            out[h.name] = _top_exit_driver(events)
        else:
            value = {
                "first": lambda c: first[c],
                "last": lambda c: last[c],
                "sum": lambda c: run[c].sum(),
                "mean": lambda c: run[c].mean(),
            }[h.how](h.metric)
            out[h.name] = int(value) if h.unit in COUNT_UNITS else float(value)
    return out


COUNT_UNITS = ("people", "clients")


def _top_exit_driver(events: pd.DataFrame) -> str | None:
    exits = events[events["event"].isin(["quit", "non_renewal"])] if len(events) else events
    if not len(exits):
        return None
    return exits[[f"driver_{d}" for d in DRIVERS]].mean().idxmax().removeprefix("driver_")
