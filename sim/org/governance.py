"""Ordinary management: how every firm's management responds to its own figures, whatever its
policies, and when the firm must close.

Run at the start of phase 2, before the policies act (a policy may then do more, or differently):

- **pay review** every ``management.pay_review_months``: wages rise with the market's wage growth
  since the last review, unless a ``raises`` policy sets raises itself;
- **vacancy raises**: a role with more than ``vacancy_rate`` of its posts unfilled for
  ``vacancy_months`` in a row gets a raise of ``vacancy_raise``, up to ``max_premium`` over its
  market wage (only while the firm is hiring, out of debt and not losing money);
- **retrenchment** after ``retrench_after_losses`` months of losses in a row: the overhead is cut by
  ``overhead_cut`` (down to ``overhead_floor`` of its month-0 level) and, if the firm's posts are
  filled (no more than ``vacancy_rate`` of the plan empty), leavers are not replaced (hiring
  stops) until the firm makes a profit again. A firm that loses money with its posts empty keeps
  filling them: the loss is the work not done, not a want of demand.

And at the end of phase 6, :func:`solvency`: the firm **closes** when its debt passes its credit
limit with the owner's money spent, when wages have gone unpaid for ``close_after_arrears_months``
months in a row, or when nobody is left. A closed firm logs a ``closure`` event (month, cause) and
the run ends there (``model.running`` turns False).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.org import payroll

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel


def respond(model: OrgModel) -> None:
    """Phase 2, before the policies: pay reviews, vacancy raises and retrenchment."""
    rules, firm, ws = model.spec.management, model.firm, model.workforce
    n = ws.n
    if rules.pay_review_months and model.month % rules.pay_review_months == 0 and n:
        growth = model.labour.wage_index / firm.review_wage_index
        firm.review_wage_index = model.labour.wage_index
        if growth > 1.0 and model.policy("raises") is None:
            rows = np.arange(n)
            payroll.change_wages(
                model, rows, ws.wage[:n] * growth, months_since_review=rules.pay_review_months
            )
    # vacancies that persist: pay the role more, as far as the premium cap allows
    counts = np.bincount(ws.role[:n], minlength=len(firm.roles))
    short = (firm.plan - counts) > rules.vacancy_rate * firm.plan
    firm.vacancy_streak = np.where(short, firm.vacancy_streak + 1, 0)
    due = firm.vacancy_streak >= rules.vacancy_months
    # only a firm that is hiring, out of debt and not retrenching raises pay to fill posts
    can_hire = not firm.hiring_frozen and model.finance.cash >= 0 and firm.loss_streak == 0
    if rules.vacancy_raise > 0 and due.any() and can_hire:
        cap = model.labour.base_market_wages * (1.0 + rules.max_premium)
        raise_to = np.minimum(firm.role_wage * (1.0 + rules.vacancy_raise), cap)
        lift = due & (raise_to > firm.role_wage)
        if lift.any():
            factor = raise_to[lift] / firm.role_wage[lift]
            firm.role_wage[lift] = raise_to[lift]
            rows = np.flatnonzero(lift[ws.role[:n]])
            by_role = np.zeros(len(firm.roles))
            by_role[lift] = factor
            payroll.change_wages(model, rows, ws.wage[rows] * by_role[ws.role[rows]], 1.0)
            firm.vacancy_streak[lift] = 0
            model.log_event("vacancy_raise", roles=int(lift.sum()), people=int(rows.size))
    # retrenchment after a run of losses
    if rules.retrench_after_losses and firm.loss_streak >= rules.retrench_after_losses:
        floor = rules.overhead_floor * firm.overhead_base
        if firm.overhead > floor:
            firm.overhead = max(floor, firm.overhead * (1.0 - rules.overhead_cut))
        staffed = n >= (1.0 - rules.vacancy_rate) * firm.plan.sum()
        firm.hiring_frozen = bool(staffed)
        firm.loss_streak = 0
        model.log_event("retrenchment", overhead=firm.overhead, headcount=int(n))


def book(model: OrgModel) -> None:
    """End of phase 6: keep the runs of losses and of unpaid wages that management watches."""
    firm, acc = model.firm, model.finance.month
    firm.loss_streak = firm.loss_streak + 1 if acc.profit < 0 else 0
    firm.arrears_streak = firm.arrears_streak + 1 if acc.arrears > 0 else 0
    if acc.profit >= 0:
        firm.hiring_frozen = False  # a profitable month: leavers are replaced again


def solvency(model: OrgModel) -> str | None:
    """Why the firm must close now, or None."""
    rules, firm, finance = model.spec.management, model.firm, model.finance
    if model.workforce.n == 0:
        return "nobody left"
    if firm.arrears_streak >= rules.close_after_arrears_months:
        return f"wages unpaid for {firm.arrears_streak} months"
    if finance.cash < -firm.credit_limit and finance.owner_budget <= 0:
        return "debt beyond the credit limit"
    return None
