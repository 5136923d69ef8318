"""What management can see of the firm and do to it: the verbs policies and events act through.

A policy's hooks (``act``, ``review``, ``settle``) and an event's ``apply`` receive a
:class:`Management`, never the model. It shows the firm (read-only views of the people's columns,
the role table, the plan, the money, the market, last month's figures) and offers a small set of
verbs:

=====================  ===========================================================================
choose people          ``role_mask``, ``members``, ``rows_of``, ``role_index``
set a condition        ``set`` / ``add`` (a firm-wide condition, :mod:`sim.agents.conditions`),
                       ``people.<column>[rows] = ...`` for a person's conditions (pay, hours,
                       incentive, the appraisal they are under, threats, guarantees, and the
                       policy's own registered columns; every other column is read-only),
                       ``add_incentive``
pay people             ``change_wages``, ``set_hiring_wage``, ``book_bonuses``, ``fine``
                       (``change_wages`` and ``fine`` hand the felt reaction to the psychology)
treat people           ``award``, ``train``
separate and move      ``separate``, ``reassign``, ``set_plan``, ``merge_departments``
run the firm           ``set_culture``, ``set_hiring_selectivity``, ``set_material_share``,
                       ``set_market``
money                  ``charge``, ``save_overhead``, ``inject``, ``draw_owner``, ``book_bonuses``
log                    ``log``, ``log_many``
policies               ``policy``, ``add_policy``, ``change_policy``, ``remove_policy``
=====================  ===========================================================================

Nothing else of the model is reachable from a policy: what a policy changes, it changes here. A
policy sets facts; how they feel is the psychology's (:mod:`sim.agents.perception`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from sim.agents import behaviour
from sim.agents.conditions import Conditions
from sim.agents.state import Workforce, columns_in
from sim.org import payroll

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel
    from sim.org.firm import Firm, Roles
    from sim.policies.base import Policy

WRITABLE = frozenset(columns_in("condition"))
LOWEST_WAGE = 1.0  # currency/month: the declared lower bound of a role's wage


class Columns:
    """The live rows ``[0, n)`` of the people's columns, as attributes: ``people.tenure``.

    The condition columns (:func:`sim.agents.state.columns_in` ``"condition"``: pay, hours, the
    pay at stake, defects, the appraisal each person is under, threats, guarantees, retraining,
    level) and the columns a policy registered are writable views; every other column (traits, psychological state, records) is a
    read-only view, and writing it raises ``ValueError``: management changes those only through
    its verbs.
    """

    __slots__ = ("_ws",)

    def __init__(self, ws: Workforce):
        object.__setattr__(self, "_ws", ws)

    def __getattr__(self, name: str) -> np.ndarray:
        if name.startswith("_"):  # copy and pickle look for hooks before __init__ has run
            raise AttributeError(name)
        ws = self._ws
        view = getattr(ws, name)[: ws.n]
        if name in WRITABLE or name in ws.extra_columns:
            return view
        view = view.view()
        view.flags.writeable = False
        return view

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"write into the column's view: people.{name}[rows] = ...")

    def __reduce__(self):  # copies and pickles rebuild the view on the copied workforce
        return (Columns, (self._ws,))

    def has(self, name: str) -> bool:
        return name in self._ws.columns

    @property
    def n(self) -> int:
        return self._ws.n


class Management:
    """The firm as management sees it, and the verbs by which it acts (module docstring)."""

    def __init__(self, model: OrgModel):
        self._model = model
        self.people = Columns(model.workforce)

    # --- what management sees -------------------------------------------------------------------
    @property
    def month(self) -> int:
        return self._model.month

    @property
    def rng(self) -> np.random.Generator:
        return self._model.rng

    @property
    def n(self) -> int:
        return self._model.workforce.n

    @property
    def firm(self) -> Firm:
        return self._model.firm

    @property
    def roles(self) -> Roles:
        return self._model.firm.roles

    @property
    def role_names(self) -> list[str]:
        return self._model.firm.roles.names

    @property
    def plan(self) -> np.ndarray:
        """Planned headcount of each role (a copy: change it with :meth:`set_plan`)."""
        return self._model.firm.plan.copy()

    @property
    def cash(self) -> float:
        return self._model.finance.cash

    @property
    def accounts(self):
        """This month's accounts so far (read; :class:`sim.org.finance.Accounts`)."""
        return self._model.finance.month

    @property
    def owner_budget(self) -> float:
        return self._model.finance.owner_budget

    @property
    def wage_index(self) -> float:
        return self._model.labour.wage_index

    @property
    def market_wages(self) -> np.ndarray:
        return self._model.labour.market_wages

    @property
    def demand(self) -> float:
        return self._model.labour.demand

    @property
    def weekly_hours(self) -> float:
        return self._model.spec.firm.weekly_hours

    @property
    def last_month(self) -> dict:
        """Last month's metrics row (what the books showed at the end of the previous step)."""
        return self._model.last_metrics

    @property
    def flows(self):
        """This month's counts of people and clients moving so far (read)."""
        return self._model.flows

    @property
    def policies(self) -> list[Policy]:
        return list(self._model.policies)

    def policy(self, name: str) -> Policy | None:
        return self._model.policy(name)

    def held_clients(self) -> tuple[np.ndarray, np.ndarray]:
        """Clients and client revenue held by each live row."""
        return self._model.clients.held(self.n)

    def chance_of_staying_away(self, rows: np.ndarray, trip_arranged: bool) -> np.ndarray:
        """The chance that each of ``rows``, home for a holiday break, decides not to come back
        (the psychology's answer: ``behaviour.staying_away``)."""
        return behaviour.staying_away(
            self._model.workforce, rows, self._model.psychology, trip_arranged
        )

    # --- choosing people ------------------------------------------------------------------------
    def role_index(self, name: str, where: str) -> int:
        """Index of a role by name, or a ValueError that lists the firm's roles."""
        names = self.role_names
        if name not in names:
            raise ValueError(f"{where}: unknown role {name!r}; roles of this firm: {names}")
        return names.index(name)

    def role_mask(self, names: list[str], default: str, where: str) -> np.ndarray:
        """A boolean per role: the roles named, or the default set when ``names`` is empty.

        Defaults: ``all``; ``producers`` (roles whose output has a value); ``client_holders``;
        ``staff`` (level 0). Unknown names raise a ValueError naming ``where`` and the firm's roles.
        """
        roles = self.roles
        if names:
            bad = [r for r in names if r not in roles.names]
            if bad:
                raise ValueError(f"{where}: unknown roles {bad}; roles of this firm: {roles.names}")
            chosen = np.zeros(len(roles), dtype=bool)
            chosen[[roles.index(r) for r in names]] = True
            return chosen
        if default == "producers":
            return roles.output_value > 0
        if default == "client_holders":
            return roles.holds_clients.copy()
        if default == "staff":
            return roles.level == 0
        return np.ones(len(roles), dtype=bool)

    def members(self, role_mask: np.ndarray) -> np.ndarray:
        """Boolean mask over the live rows: people whose role is chosen."""
        ws = self._model.workforce
        return role_mask[ws.role[: ws.n]]

    def rows_of(self, uids: np.ndarray) -> np.ndarray:
        """Current rows of the employees with these unique ids (rows move when people leave)."""
        ws = self._model.workforce
        return np.flatnonzero(np.isin(ws.uid[: ws.n], uids))

    # --- conditions -----------------------------------------------------------------------------
    @property
    def conditions(self) -> Conditions:
        """This month's firm-wide conditions so far (read; set them with :meth:`set`)."""
        return self._model.conditions

    def set(self, condition: str, value) -> None:
        """Set a firm-wide condition of this month (:class:`~sim.agents.conditions.Conditions`)."""
        conditions = self._model.conditions
        if not hasattr(conditions, condition):
            raise AttributeError(f"no condition {condition!r}; see sim.agents.conditions")
        setattr(conditions, condition, value)

    def add(self, condition: str, amount: float) -> None:
        """Add to a firm-wide condition (several policies may each contribute a share)."""
        conditions = self._model.conditions
        setattr(conditions, condition, getattr(conditions, condition) + amount)

    def add_incentive(self, rows, elasticity: float) -> None:
        """A pay component rewarding one's own output adds its elasticity of pay to output."""
        behaviour.add_incentive(self._model.workforce, rows, elasticity)

    def register_column(self, name: str, dtype=float, fill=0) -> None:
        """Keep a per-person column of the policy's own (read and write it as ``people.<name>``)."""
        self._model.workforce.register_column(name, dtype, fill)

    # --- pay --------------------------------------------------------------------------------------
    def change_wages(self, rows, new_wages, months_since_review: float = 12.0) -> np.ndarray:
        """Set the base wage of ``rows``; each feels the change against the raise they expected."""
        return payroll.change_wages(self._model, rows, new_wages, months_since_review)

    def set_hiring_wage(self, role_mask: np.ndarray, wages) -> None:
        """The firm hires the chosen roles at ``wages`` (currency/month at today's market level),
        never below :data:`LOWEST_WAGE`."""
        firm = self._model.firm
        wages = np.maximum(np.asarray(wages, dtype=float), LOWEST_WAGE)
        firm.role_wage[role_mask] = wages / self.wage_index

    def scale_hiring_wage(self, role_mask: np.ndarray, factor: float, add: float = 0.0) -> None:
        """Hiring wages of the chosen roles: ``wage * factor + add`` (``add`` at today's level),
        never below :data:`LOWEST_WAGE`."""
        firm = self._model.firm
        wages = firm.role_wage[role_mask] * factor + add / self.wage_index
        firm.role_wage[role_mask] = np.maximum(wages, LOWEST_WAGE / self.wage_index)

    def hiring_wage(self) -> np.ndarray:
        """Hiring wage of each role at market wage index 1 (a copy)."""
        return self._model.firm.role_wage.copy()

    def book_bonuses(self, amount: float) -> None:
        """Record ``amount`` of variable pay already written to people as this month's bonuses."""
        self._model.finance.month.bonuses += amount

    def fine(self, rows: np.ndarray, amounts) -> None:
        """Fine ``rows`` this month (never more than the month's pay); each feels it like a pay
        cut against no expected change (loss aversion applies)."""
        ws = self._model.workforce
        pay = ws.fixed_pay[rows] * ws.hours[rows] + ws.variable_pay[rows]
        fine = np.minimum(amounts, np.maximum(pay, 0.0))
        ws.variable_pay[rows] -= fine
        payroll.feel_pay_loss(self._model, rows, pay, pay - fine)

    # --- treating people ------------------------------------------------------------------------
    def award(self, winners: np.ndarray, passed_over: np.ndarray) -> None:
        """An award round: ``winners`` won (rows), ``passed_over`` (a mask) did not."""
        ws = self._model.workforce
        ws.award[: ws.n][passed_over] = -1
        ws.award[winners] = 1

    def train(self, rows: np.ndarray, gain: float) -> None:
        """Add ``gain`` of skill from training to ``rows``, on top of learning on the job."""
        ws = self._model.workforce
        ws.register_column(behaviour.TRAINING_COLUMN, float, 0.0)
        getattr(ws, behaviour.TRAINING_COLUMN)[rows] += gain
        self.keep_training()

    def keep_training(self) -> None:
        """Hold trained people's skill at the learning curve plus their training (at most 1)."""
        behaviour.keep_training(self._model.workforce, self._model.psychology)

    # --- separations and moves ------------------------------------------------------------------
    def separate(self, rows, kind: str) -> None:
        """Remove employees (``kind``: quit, non_renewal, dismissal, layoff, retirement) this
        month."""
        self._model.separate(rows, kind)

    def reassign(self, rows: np.ndarray, role: int | None = None, level=None) -> None:
        """Move ``rows`` to another role (its level too), or to another ``level`` only."""
        ws = self._model.workforce
        if role is not None:
            ws.role[rows] = role
            ws.level[rows] = self.roles.level[role]
        if level is not None:
            ws.level[rows] = level

    def upgrade_ability(self, rows: np.ndarray, log_premium: float) -> None:
        """These new hires came from a better pool: their ability is ``exp(log_premium)`` higher."""
        ws = self._model.workforce
        ws.ability[rows] *= np.exp(log_premium)

    def set_plan(self, role_mask: np.ndarray, counts) -> None:
        """Planned headcount of the chosen roles (the firm hires up to it and no further)."""
        plan = self._model.firm.plan
        plan[role_mask] = np.asarray(counts).astype(plan.dtype)

    def add_to_plan(self, role: int, count: int) -> None:
        self._model.firm.plan[role] += count

    def merge_departments(self, mapping: np.ndarray) -> None:
        """Departments merge: ``mapping`` gives each department's new index; hires follow."""
        ws, firm = self._model.workforce, self._model.firm
        ws.department[: ws.n] = mapping[ws.department[: ws.n]]
        firm.team_department = mapping[firm.team_department]
        firm.department_map = mapping[firm.department_map]

    # --- running the firm -----------------------------------------------------------------------
    def set_culture(self, value=None, strength=None, vision=None) -> None:
        """A new culture (a takeover): what the firm stands for, how shared it is, the vision."""
        firm, ws = self._model.firm, self._model.workforce
        if value is not None:
            firm.culture_value = value
            ws.fit[: ws.n] = 1.0 - np.abs(ws.values[: ws.n] - value)
        if strength is not None:
            firm.culture_strength = strength
        if vision is not None:
            firm.vision = vision

    def set_hiring_selectivity(self, selectivity: float) -> None:
        self._model.firm.hiring_selectivity = selectivity

    def set_material_share(self, share: float) -> None:
        self._model.firm.material_share = share

    def set_market(self, **fields: Any) -> None:
        """Change the market: ``demand``, ``inflation_annual``, ``shortage``, ``months_to_fill``."""
        labour = self._model.labour
        for name, value in fields.items():
            if name not in ("demand", "inflation_annual", "shortage", "months_to_fill"):
                raise ValueError(f"the market has no setting {name!r}")
            setattr(labour, name, value)

    # --- money ----------------------------------------------------------------------------------
    def charge(self, amount: float) -> None:
        """A policy's own cost this month (training, care, activities)."""
        self._model.finance.add_cost(amount)

    def save_overhead(self, amount: float) -> float:
        """Overhead saved this month: never more than the firm's overhead of the month. Returns
        what was saved."""
        return self._model.finance.save_overhead(amount)

    def inject(self, amount: float) -> None:
        """Money put into the firm (a loan, capital, the owner's pocket)."""
        self._model.finance.inject(amount)

    def draw_owner(self, amount: float) -> float:
        """Take up to ``amount`` from the owner's pocket into the firm; returns what was drawn."""
        finance = self._model.finance
        drawn = min(amount, max(finance.owner_budget, 0.0))
        finance.owner_budget -= drawn
        finance.inject(drawn)
        return drawn

    # --- log ------------------------------------------------------------------------------------
    def log(self, event: str, **fields) -> None:
        self._model.log_event(event, **fields)

    def log_many(self, event: str, **columns) -> None:
        self._model.log_events(event, **columns)

    # --- policies -------------------------------------------------------------------------------
    def add_policy(self, policy: Policy, since: int | None = None) -> None:
        """Put a policy in force; its cycles count from ``since`` (default: this month)."""
        self._model.add_policy(policy, since)

    def change_policy(self, name: str, params: dict) -> None:
        self._model.change_policy(name, params)

    def remove_policy(self, name: str) -> None:
        self._model.remove_policy(name)
