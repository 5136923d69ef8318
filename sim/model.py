"""OrgModel: the monthly step, in order, and nothing else.

1. environment  — calendar, cost of living, market, the scenario timeline's events
2. policies     — management writes the inputs that employees perceive
3. perceive     — needs, Herzberg's two scales, equity, effort, commitment, stage, intention to quit
4. work         — output, quality, pay earned, service and clients
5. separations  — dismissals and layoffs (policies), quits, non-renewals, clients following, hiring
6. finance      — revenue, wages, bonuses, costs, profit, cash; arrears when cash runs out
7. measure      — the month's metrics row and the event log
"""

from __future__ import annotations

from pathlib import Path

import mesa
import numpy as np
import pandas as pd

from sim import metrics
from sim.agents import behaviour
from sim.agents.employee import Employee
from sim.agents.state import Workforce
from sim.org import staffing, work
from sim.org.clients import ClientBook
from sim.org.climate import Climate
from sim.org.finance import Finance
from sim.org.market import LabourMarket
from sim.org.network import SocialNetwork
from sim.policies.base import EVENTS, Policy, policy_order_key
from sim.scenario import Scenario, load_scenario


class OrgModel(mesa.Model):
    """An organisation of employees who feel, work, stay and leave under management policies.

    Theory: Maslow (1943) needs with prepotency, Herzberg (1959) two factors, Adams (1965) equity,
    reference-dependent pay (Kahneman & Tversky 1979), job embeddedness (Mitchell et al. 2001),
    turnover contagion (Felps et al. 2009); the source document's ERM-as-the-base-of-CRM argument.
    See docs/model.md (ODD+D).
    """

    def __init__(self, scenario: Scenario, seed: int | None = None, *, engine: str = "vectorised"):
        super().__init__(rng=seed)
        if engine not in ("vectorised", "per_agent"):
            raise ValueError("engine must be 'vectorised' or 'per_agent'")
        self.engine = engine
        self.seed = seed
        self.spec = scenario
        self.psychology = scenario.psychology
        self.month = 0
        self.role_names = [r.name for r in scenario.firm.roles]
        self.department_names = list(scenario.firm.departments)
        self.workforce = Workforce(capacity=int(scenario.firm.employees * 1.25) + 16)
        self.network = SocialNetwork()
        self.clients = ClientBook()
        self.climate = Climate()
        self.labour = LabourMarket(
            scenario.market, [r.market_wage or r.wage for r in scenario.firm.roles]
        )
        self.finance = Finance(
            cash=scenario.finances.cash, owner_budget=scenario.finances.owner_subsidy_budget
        )
        # firm-level culture state
        self.culture_strength = 0.5
        self.culture_value = 0.5
        self.vision = 0.3
        # 0: applicants' values at random; 1: all fit (a culture policy sets it)
        self.hiring_selectivity = 0.0
        self.material_share = scenario.finances.material_share  # timeline events may change it
        self.policies: list[Policy] = []
        self._rows: list[dict] = []
        self._events: list[dict] = []  # single events, in order
        self._event_batches: list[dict] = []  # many events at once, as columns
        self.flows = metrics.Flows()
        staffing.populate(self)
        for policy in scenario.build_policies():
            self.add_policy(policy)
        self._timeline = sorted(
            ((e.month, i, e) for i, e in enumerate(scenario.timeline)), key=lambda t: (t[0], t[1])
        )
        staffing.warm_up(self)
        metrics.record_initial(self)

    # --- construction --------------------------------------------------------------------------
    @classmethod
    def from_scenario(
        cls,
        scenario: Scenario | str | Path,
        seed: int | None = None,
        overrides: dict | None = None,
        **kwargs,
    ) -> OrgModel:
        """Build a model from a scenario object, a file path or a scenario name."""
        if not isinstance(scenario, Scenario):
            scenario = load_scenario(scenario)
        if overrides:
            scenario = scenario.with_overrides(overrides)
        return cls(scenario, seed=seed, **kwargs)

    # --- the monthly step ----------------------------------------------------------------------
    def step(self) -> None:
        self.month += 1
        self.flows = metrics.Flows()
        self.finance.open_month()
        self.environment()
        self.manage()
        self.perceive()
        work.work(self)
        staffing.separations(self)
        self.settle()
        metrics.measure(self)

    def environment(self) -> None:
        """Phase 1: calendar, cost of living, market, and the timeline's events for this month."""
        self.labour.advance_month()
        self.vision *= np.exp(-1.0 / self.psychology.vision_memory)
        while self._timeline and self._timeline[0][0] <= self.month:
            _, _, entry = self._timeline.pop(0)
            event_cls = EVENTS[entry.event]
            event_cls(event_cls.Params(**entry.params)).apply(self)

    def manage(self) -> None:
        """Phase 2: start from the neutral climate and pay, then every policy acts in order."""
        self.climate.reset()
        behaviour.reset_inputs(self)
        for policy in self.policies:
            policy.act(self)

    def perceive(self) -> None:
        """Phase 3: every employee perceives and reacts (vectorised, or one agent at a time)."""
        behaviour.prepare(self)
        if self.engine == "vectorised":
            behaviour.perceive(self, slice(0, self.workforce.n))
        else:
            self.agents.shuffle_do("step")
        behaviour.after_perceive(self)

    def perceive_rows(self, rows) -> None:
        """Phase 3 for some rows only (the per-agent engine calls it with one row)."""
        behaviour.perceive(self, rows)

    def settle(self) -> None:
        """Phase 6: policies settle bonuses and costs, then the month's accounts close."""
        for policy in self.policies:
            policy.settle(self)
        work.close_accounts(self)

    # --- services for policies and events ------------------------------------------------------
    def add_policy(self, policy: Policy) -> None:
        if any(p.name == policy.name for p in self.policies):
            raise ValueError(f"policy {policy.name!r} is already in force")
        self.policies.append(policy)
        self.policies.sort(key=policy_order_key)
        policy.started = self.month
        policy.setup(self)

    def remove_policy(self, name: str) -> None:
        for policy in list(self.policies):
            if policy.name == name:
                policy.teardown(self)
                self.policies.remove(policy)
                return
        raise ValueError(f"no policy {name!r} is in force")

    def policy(self, name: str) -> Policy | None:
        return next((p for p in self.policies if p.name == name), None)

    def separate(self, rows, kind: str) -> None:
        """Remove employees (``kind``: quit, non_renewal, dismissal, layoff) this month."""
        staffing.remove_employees(self, np.asarray(rows, dtype=np.int64), kind)

    def log_event(self, event: str, **fields) -> None:
        self._events.append({"month": self.month, "event": event, **fields})

    def log_events(self, event: str, **columns) -> None:
        """Log one event per element of the given equal-length columns (vectorised)."""
        size = len(next(iter(columns.values())))
        if size:
            self._event_batches.append(
                {
                    "month": np.full(size, self.month),
                    "event": np.full(size, event, dtype=object),
                    **columns,
                }
            )

    # --- running and results -------------------------------------------------------------------
    def run(self, months: int | None = None, progress=None) -> OrgModel:
        """Run ``months`` steps (default: the scenario's ``months``)."""
        months = self.spec.months if months is None else months
        for _ in range(months):
            self.step()
            if progress is not None:
                progress(self)
        return self

    @property
    def last_metrics(self) -> dict:
        """Last month's metrics row (what the books showed at the end of the previous step)."""
        return self._rows[-1] if self._rows else {}

    def metrics(self) -> pd.DataFrame:
        """One row per month (month 0 is the initial state)."""
        return pd.DataFrame(self._rows)

    def events(self) -> pd.DataFrame:
        """One row per hire, exit, promotion and client move."""
        return metrics.events_frame(self._events, self._event_batches)

    def events_since(
        self, cursor: tuple[int, int] = (0, 0)
    ) -> tuple[pd.DataFrame, tuple[int, int]]:
        """Only the events logged since ``cursor`` (as returned by the last call), and the new
        cursor: for live views that read the log every month without rebuilding all of it."""
        singles, batches = self._events[cursor[0] :], self._event_batches[cursor[1] :]
        return metrics.events_frame(singles, batches), (len(self._events), len(self._event_batches))

    def summary(
        self, frame: pd.DataFrame | None = None, events: pd.DataFrame | None = None
    ) -> dict:
        """The headline figures of the run (pass the run's tables if already built)."""
        return metrics.summary(self, frame, events)

    def employee(self, unique_id: int) -> Employee | None:
        rows = np.flatnonzero(self.workforce.live("uid") == unique_id)
        return self.workforce.agents[rows[0]] if rows.size else None
