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

    Each person judges it against the raise they expect a year (a learned belief, column
    ``expected_raise``), scaled to the review period: ``e = (1 + expected) ** (months / 12) - 1``.
    The reaction (rules.raise_reaction, with loss aversion) becomes a felt shock (``raise_shock``)
    ``raise_sensitivity * R`` in [-1, 1] that decays with ``raise_memory``; the change enters the
    person's remembered wage growth. Returns the reactions.
    """
    ws, p = model.workforce, model.psychology
    rows = np.asarray(rows)
    new_wages = np.broadcast_to(np.asarray(new_wages, dtype=float), rows.shape)
    expected = (1.0 + ws.expected_raise[rows]) ** (months_since_review / 12.0) - 1.0
    old = np.maximum(ws.wage[rows], 1e-9)
    reaction = rules.raise_reaction(old, new_wages, expected, p.loss_aversion)
    ws.raise_shock[rows] = np.clip(ws.raise_shock[rows] + p.raise_sensitivity * reaction, -1.0, 1.0)
    ws.wage_growth[rows] += np.log(np.maximum(new_wages, 1e-9) / old)
    ws.wage[rows] = new_wages
    return reaction


def feel_pay_loss(model: OrgModel, rows, pay_before, pay_after) -> None:
    """A fine or a withheld sum felt like a pay cut against no expected change (loss aversion)."""
    ws, p = model.workforce, model.psychology
    reaction = rules.raise_reaction(
        np.maximum(pay_before, 1e-9), np.maximum(pay_after, 1e-9), 0.0, p.loss_aversion
    )
    ws.raise_shock[rows] = np.clip(ws.raise_shock[rows] + p.raise_sensitivity * reaction, -1.0, 1.0)


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
