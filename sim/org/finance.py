"""The firm's money: revenue, costs, profit and cash, and what happens when cash runs out."""

from __future__ import annotations

from dataclasses import dataclass, field

CREDITOR_CLAIM = 0.25  # share of the firm's debt its creditors claim each month (assumed)
OUTLOOK_MONTHS = (
    12  # staff judge the firm's health against its revenue over the last year (assumed)
)


@dataclass
class Accounts:
    """One month's accounts. ``cash = previous cash + revenue - costs + subsidy + injection``."""

    revenue: float = 0.0
    client_revenue: float = 0.0
    output_revenue: float = 0.0
    wages_due: float = 0.0
    wage_bill: float = 0.0  # wages actually paid
    bonuses: float = 0.0  # included in wage_bill
    materials: float = 0.0
    overhead: float = 0.0
    hiring: float = 0.0
    policy_costs: float = 0.0
    subsidy: float = 0.0
    injection: float = 0.0
    arrears: float = 0.0  # wages due but not paid this month

    @property
    def costs(self) -> float:
        return self.wage_bill + self.materials + self.overhead + self.hiring + self.policy_costs

    @property
    def profit(self) -> float:
        return self.revenue - self.costs


@dataclass
class Finance:
    cash: float
    owner_budget: float
    arrears_fraction: float = 0.0  # share of last month's wages left unpaid
    month: Accounts = field(default_factory=Accounts)
    revenue_history: list = field(default_factory=list)
    outlook: float = (
        1.0  # the firm's visible health in [0, 1]: revenue against its recent peak, wages paid
    )

    def open_month(self) -> None:
        self.month = Accounts()

    def add_cost(self, amount: float) -> None:
        """A policy's own cost this month (training, care, activities)."""
        self.month.policy_costs += float(amount)

    def save_overhead(self, amount: float) -> float:
        """Cut this month's overhead by ``amount``, but never below zero; returns the saving."""
        saved = min(max(float(amount), 0.0), self.month.overhead)
        self.month.overhead -= saved
        return saved

    def inject(self, amount: float) -> None:
        self.month.injection += float(amount)

    def pay_share(self, wages_due: float) -> float:
        """Settle the month: pay what can be paid and return the share of wages paid.

        Wages come first out of what the firm has this month (positive cash, revenue, injections);
        other costs are paid after them and may run the firm into debt (negative cash). A shortfall
        in wages is covered by the owner's own money while the budget lasts (Shengyi); what remains
        unpaid becomes wage arrears.
        """
        m = self.month
        m.wages_due = wages_due
        # creditors (suppliers, landlord, lenders) claim part of the month's takings while the firm is in debt
        debt_service = CREDITOR_CLAIM * max(-self.cash, 0.0)
        available = max(max(self.cash, 0.0) + m.revenue + m.injection - debt_service, 0.0)
        shortfall = wages_due - available
        if shortfall > 0 and self.owner_budget > 0:
            m.subsidy = min(shortfall, self.owner_budget)
            self.owner_budget -= m.subsidy
            available += m.subsidy
        share = 1.0 if wages_due <= 0 else min(1.0, available / wages_due)
        m.wage_bill = wages_due * share
        m.arrears = wages_due - m.wage_bill
        self.arrears_fraction = 1.0 - share
        self.cash += m.revenue - m.costs + m.subsidy + m.injection
        self.revenue_history = (self.revenue_history + [m.revenue])[-OUTLOOK_MONTHS:]
        peak = max(self.revenue_history)
        self.outlook = (m.revenue / peak if peak > 0 else 1.0) * share
        return share
