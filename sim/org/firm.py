"""The firm's own state: its roles, plan, hiring wages, departments and teams, and its culture.

Everything here describes the organisation rather than any one person. It is built once from the
scenario (:func:`build_firm`) and changed only by the model's phases and by management's verbs
(:class:`sim.org.management.Management`); nothing else writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LEVEL_CODE = {"staff": 0, "manager": 1, "executive": 2}


@dataclass
class Roles:
    """The firm's roles as columns (one entry per role, in the scenario's order)."""

    names: list[str]
    level: np.ndarray  # int: 0 staff, 1 manager, 2 executive
    output_value: np.ndarray  # currency per unit of standard output at demand 1
    holds_clients: np.ndarray  # bool
    contract_months: np.ndarray  # int
    department: list[str | None]  # the role's own department, or None (spread across all)

    def __len__(self) -> int:
        return len(self.names)

    def index(self, name: str) -> int:
        return self.names.index(name)


@dataclass
class Firm:
    """The organisation: roles, plan and hiring wages, departments and teams, culture."""

    roles: Roles
    plan: np.ndarray  # int: planned headcount of each role
    role_wage: np.ndarray  # hiring wage of each role at market wage index 1 (currency/month)
    department_names: list[str]
    team_department: np.ndarray  # int: the department of each team
    department_map: np.ndarray  # int: where each department named in the scenario is now (mergers)
    team_supervision: np.ndarray  # each team's supervision relative to the firm's (its manager)
    team_cohesion: np.ndarray  # each team's relations relative to the firm's
    team_workload: np.ndarray  # each team's working conditions relative to the firm's
    material_share: float  # share of output revenue spent on materials
    overhead: float  # fixed overhead this month (currency/month); retrenchment cuts it
    overhead_base: float  # the fixed overhead at month 0
    credit_limit: float = 0.0  # debt the creditors tolerate (set at month 0)
    review_wage_index: float = 1.0  # the market's wage level at the last pay review
    vacancy_streak: np.ndarray = None  # months each role has had vacancies in a row
    loss_streak: int = 0  # months of losses in a row
    arrears_streak: int = 0  # months of unpaid wages in a row
    hiring_frozen: bool = False  # retrenching: leavers are not replaced
    closed: str | None = None  # why the firm closed, once it has
    culture_strength: float = 0.5  # how widely the firm's values are shared, in [0, 1]
    culture_value: float = 0.5  # what the firm stands for, on the same [0, 1] scale as values
    vision: float = 0.3  # belief in a shared vision, in [0, 1]; decays unless reviewed
    hiring_selectivity: float = 0.0  # 0: applicants' values at random; 1: all fit

    def __post_init__(self) -> None:
        if self.vacancy_streak is None:
            self.vacancy_streak = np.zeros(len(self.roles), dtype=np.int64)

    @property
    def role_names(self) -> list[str]:
        return self.roles.names


def build_roles(spec) -> Roles:
    """The role table of a scenario's ``firm`` block."""
    roles = spec.roles
    return Roles(
        names=[r.name for r in roles],
        level=np.array([LEVEL_CODE[r.level] for r in roles]),
        output_value=np.array([r.output_value for r in roles], dtype=float),
        holds_clients=np.array([r.holds_clients for r in roles], dtype=bool),
        contract_months=np.array([r.contract_months for r in roles], dtype=np.int64),
        department=[r.department for r in roles],
    )


def build_teams(
    spec, roles: Roles, plan: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Month-0 departments and teams: ``(role of each person, department, team)`` and the
    department of each team. Within each department managers come first, then staff in chunks of
    ``team_size``."""
    role_of = np.repeat(np.arange(len(roles)), plan)
    n = role_of.size
    departments = spec.departments
    n_dept = len(departments)
    dept = np.empty(n, dtype=np.int64)
    for r_index, own in enumerate(roles.department):
        members = np.flatnonzero(role_of == r_index)
        if own is not None:
            dept[members] = departments.index(own)
        else:
            dept[members] = np.arange(members.size) % n_dept
    team = np.empty(n, dtype=np.int64)
    next_team = 0
    team_department: list[int] = []
    for d in range(n_dept):
        members = np.flatnonzero(dept == d)
        order = members[np.argsort(-roles.level[role_of[members]], kind="stable")]
        n_teams = max(1, int(np.ceil(order.size / spec.team_size)))
        team[order] = next_team + np.arange(order.size) % n_teams
        team_department += [d] * n_teams
        next_team += n_teams
    return role_of, dept, team, np.array(team_department, dtype=np.int64)
