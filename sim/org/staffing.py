"""Who is in the firm: the initial workforce, separations (phase 5) and hiring.

Every exit goes through :func:`remove_employees`, which logs it with its drivers, lets the
leaver's clients follow or pass to colleagues, spreads the news through teams and ties
(contagion), removes the Mesa agent and frees its row.
"""

from __future__ import annotations

import numpy as np

from sim.agents import behaviour
from sim.agents.employee import Employee, Stage
from sim.agents.psychology import DRIVERS

LEVEL_CODE = {"staff": 0, "manager": 1, "executive": 2}
EXIT_KINDS = ("quit", "non_renewal", "dismissal", "layoff")
INITIAL_TENURE_MEAN = (
    60.0  # months; mean tenure of an established firm's staff (assumed: ~10%/year turnover)
)
SETTLED_CULTURE_STRENGTH = (
    0.75  # culture strength an ordinary firm settles at (measured on the baseline)
)
WARM_UP_PASSES = 24
TEAM_SUPERVISION_SD = 0.1  # spread of supervision quality between teams (assumed)  # perception passes at month 0 so that psychology starts near its steady state


def populate(model) -> None:
    """Build the month-0 workforce, teams, ties and clients."""
    spec, rng, ws = model.spec, model.rng, model.workforce
    firm = spec.firm
    roles = firm.roles
    model.plan = np.array([r.count for r in roles], dtype=np.int64)
    model.role_level = np.array([LEVEL_CODE[r.level] for r in roles])
    model.role_wage = np.array([r.wage for r in roles], dtype=float)
    model.role_output_value = np.array([r.output_value for r in roles], dtype=float)
    model.role_holds_clients = np.array([r.holds_clients for r in roles], dtype=bool)
    model.role_contract = np.array([r.contract_months for r in roles], dtype=np.int64)
    role_of = np.repeat(np.arange(len(roles)), model.plan)
    n = role_of.size
    # departments: a role's own, or spread evenly across all
    n_dept = len(firm.departments)
    dept = np.empty(n, dtype=np.int64)
    for r_index, role in enumerate(roles):
        members = np.flatnonzero(role_of == r_index)
        if role.department is not None:
            dept[members] = firm.departments.index(role.department)
        else:
            dept[members] = np.arange(members.size) % n_dept
    # teams: within each department, managers first, then staff in chunks of team_size
    team = np.empty(n, dtype=np.int64)
    next_team = 0
    model.team_department = []
    for d in range(n_dept):
        members = np.flatnonzero(dept == d)
        order = members[np.argsort(-model.role_level[role_of[members]], kind="stable")]
        n_teams = max(1, int(np.ceil(order.size / firm.team_size)))
        team[order] = next_team + np.arange(order.size) % n_teams
        model.team_department += [d] * n_teams
        next_team += n_teams
    model.team_department = np.array(model.team_department, dtype=np.int64)
    model.department_map = np.arange(
        n_dept
    )  # a role's department as named -> where it is now (mergers)
    # line managers differ: each team's supervision is the firm's, give or take its manager
    model.team_supervision = rng.normal(0.0, TEAM_SUPERVISION_SD, next_team)
    tenure = rng.exponential(INITIAL_TENURE_MEAN, n).round()
    rows = _add_people(model, role_of, dept, team, tenure)
    # established staff have been socialised for their tenure, in a culture of settled strength
    kept = (1.0 - model.psychology.socialisation * SETTLED_CULTURE_STRENGTH) ** tenure
    ws.values[rows] = model.culture_value + kept * (ws.values[rows] - model.culture_value)
    ws.fit[rows] = 1.0 - np.abs(ws.values[rows] - model.culture_value)
    model.network.add_ties(
        rng, np.arange(n), n, ws.department, firm.ties_per_employee, ws.informal_leader
    )
    holders = rows[model.role_holds_clients[role_of]] if n else rows
    weights = (
        np.array([roles[r].client_weight for r in ws.role[holders]]) if holders.size else holders
    )
    model.clients.populate(rng, spec.clients, holders, weights)
    # contracts run out at staggered dates, or all together at the end of the contract year
    if firm.contracts_end_together:
        ws.contract_end[:n] = model.role_contract[role_of]
    else:
        ws.contract_end[:n] = rng.integers(1, model.role_contract[role_of] + 1)


def warm_up(model) -> None:
    """Month 0 after the policies are in force: the established staff were hired under the firm's
    own pay policies (sorting), and their perceptions settle (no time passes)."""
    model.manage()
    ws, n, labour = model.workforce, model.workforce.n, model.labour
    role = ws.role[:n]
    incentive = _role_incentive(model)[role]
    premium = np.log(model.role_wage[role] / labour.base_market_wages[role])
    ws.ability[:n] = labour.applicant_ability(model.rng, n, incentive, premium, model.psychology)
    for _ in range(WARM_UP_PASSES):
        # vectorised in either engine: the rules give the same bits for one row or all of them
        behaviour.prepare(model)
        behaviour.perceive(model, slice(0, model.workforce.n))
        behaviour.after_perceive(model)
        # culture strength starts at what this workforce sustains
        ws = model.workforce
        model.culture_strength = (
            float(np.mean(ws.fit[: ws.n] * ws.commitment[: ws.n])) if ws.n else 0.5
        )


def _add_people(model, role_of, dept, team, tenure) -> np.ndarray:
    """Append people with fresh traits and create their Mesa agents."""
    ws, rng, p, labour = model.workforce, model.rng, model.psychology, model.labour
    k = role_of.size
    rows_slice = ws.add(k)
    rows = np.arange(rows_slice.start, rows_slice.stop)
    ws.role[rows] = role_of
    ws.department[rows] = dept
    ws.team[rows] = team
    ws.level[rows] = model.role_level[role_of]
    incentive = _role_incentive(model)[role_of]
    premium = np.log(model.role_wage[role_of] / labour.base_market_wages[role_of])
    ws.ability[rows] = labour.applicant_ability(rng, k, incentive, premium, p) if k else 0
    ws.money_trait[rows] = rng.lognormal(-0.045, 0.3, k)
    # hiring for fit (a culture policy) draws applicants' values toward the firm's
    drawn = rng.random(k)
    ws.values[rows] = drawn + model.hiring_selectivity * (model.culture_value - drawn)
    ws.fit[rows] = 1.0 - np.abs(ws.values[rows] - model.culture_value)
    ws.sociability[rows] = rng.random(k)
    ws.informal_leader[rows] = ws.sociability[rows] > 1.0 - model.spec.firm.informal_leader_share
    ws.wage[rows] = model.role_wage[role_of] * labour.wage_index
    ws.reference_wage[rows] = ws.wage[rows]
    ws.fixed_pay[rows] = ws.wage[rows]
    ws.pay[rows] = ws.wage[rows]
    ws.paid[rows] = ws.wage[rows]
    ws.income[rows] = ws.wage[rows]
    ws.tenure[rows] = tenure
    ws.skill[rows] = 1.0 - (1.0 - p.skill_start) * np.exp(-tenure / p.skill_learning_months)
    ws.effort[rows] = p.effort_base
    ws.hours[rows] = 1.0
    ws.needs[rows] = 0.5
    ws.commitment[rows] = 0.5
    ws.incentive[rows] = behaviour.BASE_INCENTIVE
    ws.security[rows] = model.climate.security
    ws.stage[rows] = np.where(tenure < p.cognition_months, Stage.COGNITION, Stage.EXPLORATION)
    ws.hired_month[rows] = model.month - tenure.astype(np.int64)
    length = model.role_contract[role_of]
    if model.spec.firm.contracts_end_together:  # newcomers sign up to the end of the contract year
        ws.contract_end[rows] = (model.month // length + 1) * length
    else:
        ws.contract_end[rows] = model.month + length
    ws.appraisal[rows] = np.nan
    for row in rows.tolist():
        agent = Employee(model, row)
        ws.agents.append(agent)
        ws.uid[row] = agent.unique_id
    return rows


def _role_incentive(model) -> np.ndarray:
    """Incentive strength of each role's pay as applicants see it (the mean over its people)."""
    ws, n = model.workforce, model.workforce.n
    n_roles = len(model.role_names)
    if n == 0:
        return np.full(n_roles, behaviour.BASE_INCENTIVE)
    sums = np.bincount(ws.role[:n], weights=ws.incentive[:n], minlength=n_roles)
    counts = np.bincount(ws.role[:n], minlength=n_roles)
    return np.divide(sums, counts, out=np.full(n_roles, behaviour.BASE_INCENTIVE), where=counts > 0)


def separations(model) -> None:
    """Phase 5: management's separations, then quits, then contract ends, then hiring."""
    ws, p, rng = model.workforce, model.psychology, model.rng
    ws.exposure[: ws.n] *= np.exp(-1.0 / p.contagion_memory)
    for policy in model.policies:
        policy.review(model)
    n = ws.n
    quits = np.flatnonzero(rng.random(n) < p.early_quit_factor * ws.hazard[:n])
    model.separate(quits, "quit")
    n = ws.n
    due = ws.contract_end[:n] <= model.month
    leaving = due & (ws.intent[:n] > p.non_renewal_intent)
    model.separate(np.flatnonzero(leaving), "non_renewal")
    n = ws.n
    due = ws.contract_end[:n] <= model.month
    ws.contract_end[:n][due] += model.role_contract[ws.role[:n][due]]
    hire(model)


def remove_employees(model, rows: np.ndarray, kind: str) -> None:
    if kind not in EXIT_KINDS:
        raise ValueError(f"exit kind must be one of {EXIT_KINDS}")
    rows = np.unique(rows)
    if rows.size == 0:
        return
    ws, p, rng = model.workforce, model.psychology, model.rng
    n = ws.n
    model.log_events(
        kind,
        employee_id=ws.uid[rows].copy(),
        role=np.array(model.role_names, dtype=object)[ws.role[rows]],
        tenure_months=ws.tenure[rows].copy(),
        informal_leader=ws.informal_leader[rows].copy(),
        intent=ws.intent[rows].copy(),
        clients_held=ws.clients[rows].copy(),
        **{f"driver_{d}": ws.drivers[rows, i].copy() for i, d in enumerate(DRIVERS)},
    )
    # clients follow the leaver or pass to colleagues who hold clients
    stays = np.ones(n, dtype=bool)
    stays[rows] = False
    heirs = np.flatnonzero(stays & model.role_holds_clients[ws.role[:n]])
    follow = model.spec.clients.follow_probability * (1.0 - model.climate.client_ownership)
    taken = model.clients.depart(rng, rows, follow, heirs)
    for row, count in taken.items():
        model.log_event(
            "clients_followed",
            employee_id=int(ws.uid[row]),
            role=model.role_names[ws.role[row]],
            tenure_months=float(ws.tenure[row]),
            clients=count,
        )
        model.flows.clients_lost_to_leavers += count
    # contagion: colleagues in the team and through ties remember who left
    leader_w = np.where(ws.informal_leader[:n], p.leader_weight, 1.0)
    exposure = model.network.exposure_to(rows, leader_w, n)
    team_size = np.bincount(ws.team[:n])
    team_hits = np.bincount(ws.team[rows], weights=leader_w[rows], minlength=team_size.size)
    exposure += team_hits[ws.team[:n]] / np.maximum(team_size[ws.team[:n]] - 1, 1)
    ws.exposure[:n] += exposure
    # remove agents, then rows
    for row in rows.tolist():
        ws.agents[row].remove()
    mapping = ws.remove(rows)
    model.network.remap(mapping)
    model.clients.remap(mapping)
    model.flows.add_exit(kind, rows.size)


def hire(model) -> None:
    """Fill vacancies up to the plan, each with this month's chance of finding someone."""
    if not model.spec.firm.hire_to_plan or model.finance.arrears_fraction > 0:
        return  # a firm that cannot pay its people does not recruit
    ws, rng = model.workforce, model.rng
    n = ws.n
    counts = np.bincount(ws.role[:n], minlength=len(model.role_names))
    vacancies = np.maximum(model.plan - counts, 0)
    hires = rng.binomial(vacancies, model.labour.fill_probability())
    if hires.sum() == 0:
        return
    role_of = np.repeat(np.arange(len(model.role_names)), hires)
    team = np.empty(role_of.size, dtype=np.int64)
    team_count = np.bincount(ws.team[:n], minlength=model.team_department.size)
    for r in np.flatnonzero(hires):
        # newcomers join the smallest teams of their role's department (or of any department)
        role_dept = model.spec.firm.roles[r].department
        if role_dept:
            current = model.department_map[model.spec.firm.departments.index(role_dept)]
            candidates = np.flatnonzero(model.team_department == current)
        else:
            candidates = np.arange(team_count.size)
        smallest = candidates[np.argsort(team_count[candidates], kind="stable")]
        chosen = smallest[np.arange(hires[r]) % smallest.size]
        team[role_of == r] = chosen
        np.add.at(team_count, chosen, 1)
    rows = _add_people(model, role_of, model.team_department[team], team, np.zeros(role_of.size))
    model.network.add_ties(
        rng, rows, ws.n, ws.department, model.spec.firm.ties_per_employee, ws.informal_leader
    )
    model.finance.month.hiring += model.spec.finances.hiring_cost * rows.size
    model.flows.hires += rows.size
    model.log_events(
        "hire",
        employee_id=ws.uid[rows].copy(),
        role=np.array(model.role_names, dtype=object)[ws.role[rows]],
        tenure_months=np.zeros(rows.size),
    )
