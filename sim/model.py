"""OrgModel: the monthly step, in order, and nothing else.

1. environment  — calendar, cost of living, market, the scenario timeline's events
2. manage       — ordinary management responds to the figures (``sim.org.governance``), then the
                  policies set this month's conditions (``Policy.act``)
3. perceive     — conditions become perceived factors; needs, Herzberg's two scales, equity,
                  effort, commitment, the job's believed fit, search and intention to quit
4. work         — output, quality, service and clients
5. separations  — management's separations (``Policy.review``), personal events, quits,
                  non-renewals, hiring
6. finance      — bonuses and the policies' costs (``Policy.settle``), wages and cash; a firm that
                  cannot go on closes
7. measure      — the month's metrics row and the event log

A model starts from a simulated past: ``firm.history_months`` of the same steps before month 0,
under the month-0 policies, with the firm's money held at its month-0 figures, so that the
workforce at month 0 (tenure, who stayed, what they believe and expect) is what the firm's ways
produce rather than an assumption.

Every piece of the model's state is declared in :meth:`OrgModel._found` (which
:meth:`OrgModel.__init__` calls, unless it copies a cached past) and the DataCollector in
:meth:`OrgModel.__init__`; other modules change the objects it owns (the workforce's columns, the firm, the finances) but never assign attributes on the
model. Policies and events see the firm only through :class:`~sim.org.management.Management`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import mesa
import numpy as np
import pandas as pd

from sim import history, metrics
from sim.agents import behaviour, perception
from sim.agents.climate import Climate
from sim.agents.conditions import Conditions
from sim.agents.employee import Employee
from sim.agents.psychology import Psychology
from sim.agents.state import Workforce
from sim.org import governance, payroll, staffing, work
from sim.org.clients import ClientBook
from sim.org.finance import Finance
from sim.org.firm import Firm
from sim.org.management import Management
from sim.org.market import LabourMarket
from sim.org.network import SocialNetwork
from sim.outcomes import METRICS
from sim.policies.base import EVENTS, Event, Policy, policy_order_key
from sim.scenario import Scenario, TimelineEntry, load_scenario

ENGINES = ("vectorised", "per_agent")


class OrgModel(mesa.Model):
    """An organisation of employees who feel, work, stay and leave under management policies.

    Theory: Maslow (1943) needs with prepotency, Herzberg (1959) two factors, Adams (1965) equity,
    reference-dependent pay (Kahneman & Tversky 1979), job embeddedness (Mitchell et al. 2001),
    turnover contagion (Felps et al. 2009); the source document's ERM-as-the-base-of-CRM argument.
    See docs/model.md (ODD+D).
    """

    def __init__(
        self,
        scenario: Scenario | str | Path = "baseline",
        seed: int | None = None,
        *,
        rng: int | None = None,
        engine: str = "vectorised",
        agent_reporters: Mapping[str, str | Callable] | Sequence[str] | None = None,
        **overrides: Any,
    ):
        """A firm at month 0, ready to step.

        ``scenario`` is a :class:`~sim.scenario.Scenario`, a scenario file or a scenario's name;
        every other keyword is a dotted override of one of its fields, validated as ``orgsim run
        --set`` validates it (``OrgModel("shengyi", seed=1, **{"market.shortage": 0.3})``). The
        seed is ``seed`` or, as Mesa spells it, ``rng`` (an integer either way). The firm's past
        is simulated once per scenario and seed in a process and then copied
        (:mod:`sim.history`). ``agent_reporters`` adds per-employee columns to
        ``model.datacollector`` (a mapping of column to attribute or function, or a list of
        attribute names); they cost time per employee and month (docs/mesa.md), so none by default.
        """
        spec = _resolve(scenario, overrides)
        seed = _seed(seed, rng)
        if engine not in ENGINES:
            raise ValueError(f"OrgModel: engine must be one of {ENGINES}, not {engine!r}")
        past = history.recall(spec, seed, engine)
        if past is None:
            self._found(spec, seed, engine)
            history.remember(spec, seed, engine, self)
        else:  # the cached firm at month 0, copied into this model (references to it become self)
            self.__dict__.update(copy.deepcopy(past.__dict__, {id(past): self}))
            self.adopt(spec)
        self.running = self.month < self.spec.months
        self.datacollector: mesa.DataCollector = mesa.DataCollector(
            model_reporters={m.name: partial(OrgModel.metric, name=m.name) for m in METRICS},
            agent_reporters=_agent_reporters(agent_reporters),
        )
        self.datacollector.collect(self)

    def _found(self, scenario: Scenario, seed: int | None, engine: str) -> None:
        """Found the firm and live through its past: every piece of the model's state."""
        super().__init__(rng=seed)
        self.engine: str = engine
        self.seed: int | None = seed
        self.spec: Scenario = scenario
        self.psychology: Psychology = scenario.psychology
        history = scenario.firm.history_months
        self.month: int = -history  # the history runs up to month 0
        self.in_history: bool = history > 0
        self.workforce = Workforce(capacity=int(scenario.firm.employees * 1.25) + 16)
        self.network = SocialNetwork()
        self.clients = ClientBook()
        self.conditions = Conditions()  # what management does this month (phase 2)
        self.climate = Climate()  # how it is perceived, firm-wide (phase 3)
        self.labour = LabourMarket(
            scenario.market, [r.market_wage or r.wage for r in scenario.firm.roles]
        )
        self.labour.rewind(history)  # the scenario's prices and wages are those of month 0
        self.finance = Finance(
            cash=scenario.finances.cash, owner_budget=scenario.finances.owner_subsidy_budget
        )
        self.flows = metrics.Flows()
        self.policies: list[Policy] = []
        self.management = Management(self)
        self.world: behaviour.World | None = None  # what people perceived this month (phase 3)
        self.peers: behaviour.Peers | None = None  # whom they compared themselves with
        self.draws: behaviour.Draws | None = None  # the month's random numbers for perception
        self.market_size: float = float(
            scenario.clients.market_size or max(2 * scenario.clients.count, 1)
        )
        self._rows: list[dict] = []  # the metrics, one row a month
        self._events: list[dict] = []  # single events, in order
        self._event_batches: list[dict] = []  # many events at once, as columns
        self._timeline: list[tuple[int, int, TimelineEntry]] = sorted(
            ((e.month, i, e) for i, e in enumerate(scenario.timeline)), key=lambda t: (t[0], t[1])
        )
        firm, role_of, dept, team = staffing.found_firm(scenario, self.rng)
        self.firm: Firm = firm
        self.firm.review_wage_index = self.labour.wage_index
        staffing.populate(self, role_of, dept, team)
        for policy in scenario.build_policies():
            self.add_policy(policy)
        self._headcount_start: int = self.workforce.n
        self._live_through_history()
        self._rows.append(metrics.row(self))
        self._headcount_start = self.workforce.n

    # --- construction --------------------------------------------------------------------------
    @classmethod
    def from_scenario(
        cls,
        scenario: Scenario | str | Path,
        seed: int | None = None,
        overrides: dict | None = None,
        **kwargs,
    ) -> OrgModel:
        """Build a model from a scenario object, a file path or a scenario name, with overrides
        given as a dict (``--set`` style). The same model as ``OrgModel(scenario, seed,
        **overrides)``."""
        if not isinstance(scenario, Scenario):
            scenario = load_scenario(scenario)
        if overrides:
            scenario = scenario.with_overrides(overrides)
        return cls(scenario, seed, **kwargs)

    @property
    def scenario(self) -> None:
        """Mesa's experimental ``Scenario`` object is not used: the orgsim scenario is
        :attr:`spec`. (None, so that Mesa's SolaraViz rebuilds the model from its
        ``model_params`` on Reset, as for any Mesa model.)"""
        return None

    @scenario.setter
    def scenario(self, value) -> None:  # mesa.Model.__init__ sets one; orgsim ignores it
        pass

    def adopt(self, scenario: Scenario) -> None:
        """Take over a scenario that shares this model's past (``sim.history.past_key``): its
        timeline, its length and its presentation. Only for a model at month 0."""
        if self.month != 0:
            raise ValueError("a model takes over a scenario only at month 0")
        self.spec = scenario
        self._timeline = sorted(
            ((e.month, i, e) for i, e in enumerate(scenario.timeline)), key=lambda t: (t[0], t[1])
        )

    def _live_through_history(self) -> None:
        """The firm's past: ``firm.history_months`` steps up to month 0 under the month-0
        policies, its money held at the month-0 figures (no debt, no savings, no closure), no
        event logged. Then month 0's accounts are what the books show, and the credit limit is set.
        """
        cash, budget = self.finance.cash, self.finance.owner_budget
        events, batches = self._events, self._event_batches
        while self.month < 0:  # not Mesa's wrapped step: model.steps and model.time count from 0
            type(self).step(self)
            self.finance.cash, self.finance.owner_budget = cash, budget
            self.firm.loss_streak = self.firm.arrears_streak = 0
            self._rows.clear()
            events.clear()
            batches.clear()
        if self.month == 0 and not self.in_history:
            self.manage()  # a firm without a past still perceives month 0
            self.perceive()
        self.in_history = False
        limit = self.spec.finances.credit_limit
        if limit is None:  # three months of the month-0 wage bill and overhead
            roles = self.spec.firm.roles
            bill = sum(r.count * r.wage for r in roles) + self.spec.finances.overhead
            limit = 3.0 * bill
        self.firm.credit_limit = float(limit)

    # --- the monthly step ----------------------------------------------------------------------
    def step(self) -> None:
        if self.firm.closed:
            self.running = False
            return
        self.month += 1
        self.flows = metrics.Flows()
        self.finance.open_month()
        self.environment()
        self.manage()
        self.perceive()
        self.work()
        self.separations()
        self.settle()
        self.measure()

    def environment(self) -> None:
        """Phase 1: calendar, cost of living, market, and the timeline's events for this month."""
        self.labour.advance_month()
        self.firm.vision *= np.exp(-1.0 / self.psychology.vision_memory)
        while not self.in_history and self._timeline and self._timeline[0][0] <= self.month:
            _, _, entry = self._timeline.pop(0)
            event_cls: type[Event] = EVENTS[entry.event]
            event = event_cls(event_cls.Params(**entry.params))
            event.month = entry.month
            event.apply(self.management)

    def manage(self) -> None:
        """Phase 2: conditions start as an ordinary firm's; ordinary management responds to the
        figures; then every policy acts in order."""
        self.conditions.reset()
        behaviour.reset_conditions(self.workforce)
        governance.respond(self)
        for policy in self.policies:
            policy.act(self.management)

    def perceive(self) -> None:
        """Phase 3: every employee perceives and reacts (vectorised, or one agent at a time)."""
        perception.firm_climate(self.conditions, self.psychology, self.climate)
        world = self._world()
        self.world, self.peers = world, self._compare(world)
        self.draws = behaviour.Draws(experience=self.rng.standard_normal(self.workforce.n))
        if self.engine == "vectorised":
            rows = slice(0, self.workforce.n)
            behaviour.perceive(self.workforce, rows, self.psychology, world, self.peers, self.draws)
        else:
            self.agents.shuffle_do("step")
        strength, vision = behaviour.socialise(self.workforce, self.psychology, world)
        self.firm.culture_strength, self.firm.vision = strength, vision

    def perceive_rows(self, rows) -> None:
        """Phase 3 for some rows only (the per-agent engine calls it with one row)."""
        behaviour.perceive(
            self.workforce, rows, self.psychology, self.world, self.peers, self.draws
        )

    def work(self) -> None:
        """Phase 4: output, quality, service to clients; clients kept, lost and won; revenue."""
        work.work(self)

    def separations(self) -> None:
        """Phase 5: retirements, management's separations and moves, then personal events,
        quits, non-renewals and hiring."""
        staffing.fade_memory(self.workforce, self.psychology)
        staffing.retirements(self)
        for policy in self.policies:
            policy.review(self.management)
        staffing.voluntary_exits(self)
        staffing.hire(self)

    def settle(self) -> None:
        """Phase 6: policies settle bonuses and costs, wages are paid as cash allows, and a firm
        that cannot go on closes."""
        for policy in self.policies:
            policy.settle(self.management)
        payroll.pay_wages(self.workforce, self.finance)
        governance.book(self)
        cause = None if self.in_history else governance.solvency(self)
        if cause is not None:
            self.firm.closed = cause
            self.running = False
            self.log_event(
                "closure",
                cause=cause,
                headcount=int(self.workforce.n),
                cash=float(self.finance.cash),
            )

    def measure(self) -> None:
        """Phase 7: this month's metrics row, also collected by ``datacollector``. The month a
        firm closes is measured too: its flows count, and with nobody left the means of people
        are undefined (NaN); no month follows a closure."""
        self._rows.append(metrics.row(self, self._headcount_start))
        if not self.in_history:
            self.datacollector.collect(self)
        self._headcount_start = self.workforce.n
        if self.month >= self.spec.months:
            self.running = False

    # --- what people perceive ----------------------------------------------------------------
    def _world(self) -> behaviour.World:
        firm, spec = self.firm, self.spec
        return behaviour.World(
            conditions=self.conditions,
            climate=self.climate,
            cpi=self.labour.cpi,
            subsistence=self.labour.subsistence,
            shortage=self.labour.shortage,
            market_pay=self.labour.market_wages,
            market_growth=self.labour.wage_growth_annual,
            inflation=self.labour.inflation_annual,
            arrears=self.finance.arrears_fraction,
            outlook=self.finance.outlook,
            culture_strength=firm.culture_strength,
            culture_value=firm.culture_value,
            vision=firm.vision,
            team_supervision=firm.team_supervision,
            team_cohesion=firm.team_cohesion,
            team_workload=firm.team_workload,
            follow_probability=spec.clients.follow_probability,
            usual_links=spec.firm.ties_per_employee + spec.firm.team_size,
        )

    def _compare(self, world: behaviour.World) -> behaviour.Peers:
        held_counts, held_revenue = self.clients.held(self.workforce.n)
        return behaviour.prepare(
            self.workforce,
            self.psychology,
            world,
            held_counts,
            held_revenue,
            self.network,
            len(self.firm.roles),
        )

    # --- the verbs management acts through (sim.org.management) -------------------------------
    def add_policy(self, policy: Policy, since: int | None = None) -> None:
        """Put a policy in force, counting its cycles from ``since`` (default: this month)."""
        if any(p.name == policy.name for p in self.policies):
            raise ValueError(f"policy {policy.name!r} is already in force")
        self.policies.append(policy)
        self.policies.sort(key=policy_order_key)
        policy.started = self.month if since is None else since
        policy.setup(self.management)

    def change_policy(self, name: str, params: dict) -> None:
        policy = self.policy(name)
        if policy is None:
            raise ValueError(
                f"month {self.month}: change_policy names {name!r}, which is not in force"
            )
        for key, value in params.items():
            setattr(policy.params, key, value)

    def remove_policy(self, name: str) -> None:
        for policy in list(self.policies):
            if policy.name == name:
                policy.teardown(self.management)
                self.policies.remove(policy)
                return
        raise ValueError(f"no policy {name!r} is in force")

    def policy(self, name: str) -> Policy | None:
        return next((p for p in self.policies if p.name == name), None)

    def separate(self, rows, kind: str) -> None:
        """Remove employees (``kind``: quit, non_renewal, dismissal, layoff, retirement) this
        month."""
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
            if self.firm.closed:
                break
            self.step()
            if progress is not None:
                progress(self)
        return self

    @property
    def role_names(self) -> list[str]:
        return self.firm.role_names

    @property
    def department_names(self) -> list[str]:
        return self.firm.department_names

    def metric(self, name: str) -> float:
        """This month's value of one monthly metric (:data:`sim.outcomes.METRICS`): what the
        DataCollector's model reporters read."""
        return self._rows[-1][name]

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


# --- construction helpers --------------------------------------------------------------------
def _resolve(scenario: Scenario | str | Path, overrides: dict[str, Any]) -> Scenario:
    """The scenario a model runs: an object, a file or a name, with dotted overrides."""
    if not isinstance(scenario, Scenario | str | Path):
        raise TypeError(
            "OrgModel: scenario must be a Scenario, a scenario file or a scenario's name, "
            f"not {type(scenario).__name__}"
        )
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    return scenario.with_overrides(overrides, source="OrgModel keyword")


def _seed(seed: Any, rng: Any) -> int | None:
    """The run's integer seed, given as ``seed`` or as Mesa's ``rng`` (not both)."""
    if seed is not None and rng is not None:
        raise ValueError("OrgModel: pass the seed as seed or as rng, not both")
    value, name = (seed, "seed") if rng is None else (rng, "rng")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(
            f"OrgModel: {name} must be an integer seed or None, not {type(value).__name__} "
            "(a run is identified by its seed, and its past is cached under it)"
        )
    return int(value)


def _agent_reporters(reporters) -> dict | None:
    """Agent reporters for the DataCollector: a mapping, or attribute names."""
    if reporters is None or isinstance(reporters, Mapping):
        return reporters
    if isinstance(reporters, str):
        return {reporters: reporters}
    return {name: name for name in reporters}
