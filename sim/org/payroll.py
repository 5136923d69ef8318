"""Pay: wage changes as employees feel them (judged against the raise they expected), and paying
what is due at the close of the month (phase 6)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.agents import rules

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel


def change_wages(model: OrgModel, rows, new_wages, months_since_review: float = 12.0) -> np.ndarray:
    """Set the base wage of ``rows`` and give each a felt shock (positive or negative).

    The expected raise over the review period is the market's expected annual raise scaled to the
    period: ``e = (1 + expected_annual) ** (months / 12) - 1``. The reaction (rules.raise_reaction,
    with loss aversion) becomes a recognition shock ``raise_sensitivity * R`` in [-1, 1] that decays
    with ``raise_memory``. Returns the reactions.
    """
    ws, p = model.workforce, model.psychology
    rows = np.asarray(rows)
    new_wages = np.broadcast_to(np.asarray(new_wages, dtype=float), rows.shape)
    expected = (1.0 + model.labour.expected_raise_annual) ** (months_since_review / 12.0) - 1.0
    old = np.maximum(ws.wage[rows], 1e-9)
    reaction = rules.raise_reaction(old, new_wages, expected, p.loss_aversion)
    ws.raise_shock[rows] = np.clip(ws.raise_shock[rows] + p.raise_sensitivity * reaction, -1.0, 1.0)
    ws.wage[rows] = new_wages
    ws.reference_wage[rows] = new_wages
    return reaction


INCOME_MEMORY_MONTHS = (
    12.0  # income is judged over a year (assumed: annual pay talks, year-end bonus)
)


def pay_wages(ws, finance) -> None:
    """Pay what is due (fixed pay for the hours worked plus variable pay), as cash allows."""
    n = ws.n
    due = ws.fixed_pay[:n] * ws.hours[:n] + ws.variable_pay[:n]
    share = finance.pay_share(float(due.sum()))
    ws.pay[:n] = due
    ws.paid[:n] = due * share
    # people judge their income over the year (a year-end bonus counts, spread over the months)
    ws.income[:n] += (ws.paid[:n] - ws.income[:n]) / INCOME_MEMORY_MONTHS
