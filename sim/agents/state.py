"""Columnar employee state: one row per employee, live rows kept contiguous in [0, n).

Hiring appends rows; leaving frees them and moves rows from the tail into the holes, so every
vectorised rule works on plain slices ``column[:n]`` without masks. Each
:class:`~sim.agents.employee.Employee` agent holds its ``row``; the store keeps the agent of every
row and updates the few agents that move.
"""

from __future__ import annotations

import numpy as np

from sim.agents.psychology import DRIVERS, NEEDS

FLOAT_COLUMNS = (
    "ability",  # latent productivity, lognormal around 1
    "skill",  # learned on the job, in (0, 1]
    "wage",  # base wage, currency/month
    "fixed_pay",  # fixed monthly pay at full hours this month (the wage, or a piece-rate floor)
    "variable_pay",  # piece, commission and bonus earned this month, currency
    "pay",  # what was due last month: wage * hours share + variable pay
    "paid",  # what was actually paid last month (less arrears)
    "income",  # monthly income as people judge it: a 12-month moving average of pay received
    "reference_wage",  # the wage at the last pay review (raise reactions are judged against it)
    "raise_shock",  # felt shock of the last raise or cut, decaying, in [-1, 1]
    "recognition_shock",  # felt shock of an award, a slight or being listened to, decaying, in [-1, 1]
    "money_trait",  # personal weight on money (money-seekers high)
    "money_sensitivity",  # current weight on money, falls as basic needs are met
    "values",  # personal values on [0, 1]; fit is closeness to the firm's culture value
    "fit",  # value fit in [0, 1]
    "sociability",  # latent trait behind informal leadership
    "hygiene_dissatisfaction",  # Herzberg dissatisfaction scale D in [0, 1]
    "motivator_satisfaction",  # Herzberg satisfaction scale S in [0, 1]
    "equity_internal",  # log (O/I) against same-role peers
    "equity_external",  # log pay against the market wage of the role
    "inequity",  # felt under-reward in [0, 1+]
    "effort",  # 1 = standard pace
    "output",  # units of output last month
    "defect_rate",  # share of output defective
    "hours",  # share of standard hours worked (1 = full time)
    "commitment",  # affective commitment in [0, 1]
    "embeddedness",  # links, fit and sacrifice in [0, 1]
    "sacrifice",  # what leaving would cost, in [0, 1] (unvested bonus, guarantee, seniority)
    "intent",  # intention to quit: probability of leaving within a year
    "hazard",  # monthly quit hazard
    "exposure",  # decaying memory of colleagues who left
    "contagion",  # exposure plus neighbours' mood
    "outside_option",  # log-points by which the best outside offer beats own pay
    "incentive",  # incentive strength of the pay scheme (piece 1, salary 0.1)
    "security",  # perceived personal job security in [0, 1]
    "appraisal",  # last appraisal score (higher is better), NaN until appraised
    "tenure",  # months in the firm
)
INT_COLUMNS = (
    "uid",  # the Mesa agent's unique_id
    "role",
    "department",
    "team",
    "level",  # 0 staff, 1 manager, 2 executive
    "stage",  # relationship stage (Stage enum)
    "phase",  # lifecycle phase (Phase enum)
    "contract_end",  # month at which the contract ends
    "hired_month",
    "clients",  # clients held
    "retraining",  # months of retraining left (0 = none)
)
BOOL_COLUMNS = ("informal_leader",)


class Workforce:
    """Columnar store of the employees' state."""

    def __init__(self, capacity: int = 256):
        self.capacity = max(16, int(capacity))
        self.n = 0
        for name in FLOAT_COLUMNS:
            setattr(self, name, np.zeros(self.capacity))
        for name in INT_COLUMNS:
            setattr(self, name, np.zeros(self.capacity, dtype=np.int64))
        for name in BOOL_COLUMNS:
            setattr(self, name, np.zeros(self.capacity, dtype=bool))
        self.needs = np.zeros((self.capacity, len(NEEDS)))
        self.drivers = np.zeros((self.capacity, len(DRIVERS)))
        self.agents: list = []
        self.extra_columns: tuple[str, ...] = ()
        self._fill: dict[str, object] = {}  # value of a new row in a registered column

    @property
    def columns(self) -> tuple[str, ...]:
        return (
            FLOAT_COLUMNS + INT_COLUMNS + BOOL_COLUMNS + ("needs", "drivers") + self.extra_columns
        )

    def register_column(self, name: str, dtype=float, fill=0) -> np.ndarray:
        """Add a column that a policy keeps per employee (it follows rows like the built-in ones).
        Registering an existing name returns the existing column."""
        if name in self.columns:
            return getattr(self, name)
        col = np.full(self.capacity, fill, dtype=dtype)
        setattr(self, name, col)
        self.extra_columns += (name,)
        self._fill[name] = fill
        return col

    def _grow(self, needed: int) -> None:
        new_cap = self.capacity
        while new_cap < needed:
            new_cap *= 2
        for name in self.columns:
            old = getattr(self, name)
            new = np.full((new_cap,) + old.shape[1:], self._fill.get(name, 0), dtype=old.dtype)
            new[: self.n] = old[: self.n]
            setattr(self, name, new)
        self.capacity = new_cap

    def add(self, count: int) -> slice:
        """Append ``count`` zeroed rows; returns their slice. The caller fills them."""
        if self.n + count > self.capacity:
            self._grow(self.n + count)
        rows = slice(self.n, self.n + count)
        for name in self.columns:
            getattr(self, name)[rows] = self._fill.get(name, 0)
        self.n += count
        return rows

    def remove(self, rows: np.ndarray) -> np.ndarray:
        """Free ``rows`` and fill the holes from the tail.

        Returns ``mapping``, of length n before removal: the new row of each old row, -1 for removed
        ones, so that anything indexed by row (the social network, clients) can follow.
        """
        n = self.n
        rows = np.unique(np.asarray(rows, dtype=np.int64))
        mapping = np.arange(n, dtype=np.int64)
        if rows.size == 0:
            return mapping
        n_new = n - rows.size
        removed = np.zeros(n, dtype=bool)
        removed[rows] = True
        holes = rows[rows < n_new]
        movers = np.flatnonzero(~removed[n_new:]) + n_new
        mapping[rows] = -1
        mapping[movers] = holes
        if holes.size:
            for name in self.columns:
                col = getattr(self, name)
                col[holes] = col[movers]
            agents = self.agents
            for src, dst in zip(movers.tolist(), holes.tolist(), strict=True):
                agent = agents[src]
                agents[dst] = agent
                agent.row = dst
        del self.agents[n_new:]
        self.n = n_new
        return mapping

    def live(self, name: str) -> np.ndarray:
        """The live part of a column (a view)."""
        return getattr(self, name)[: self.n]
