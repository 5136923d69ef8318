"""Who is in the firm: the founding firm and workforce, separations (phase 5) and hiring.

Every exit goes through :func:`remove_employees`, which logs it with its drivers, lets the
leaver's clients follow them or pass to colleagues or to the leaver's successor, spreads the news
through teams and ties (contagion), removes the Mesa agent and frees its row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.agents import behaviour
from sim.agents.employee import Employee, Stage
from sim.agents.psychology import DRIVERS
from sim.org.exits import CAREER_END, EXIT_KINDS
from sim.org.firm import Firm, build_roles, build_teams

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel

FOUNDING_TENURE_MEAN = 60.0  # months; tenure of the staff the history starts from (assumed)
SETTLED_CULTURE_STRENGTH = 0.75  # culture strength an ordinary firm settles at (the baseline's)
HOUSE = -1  # owner of a client account held by the firm itself


def found_firm(spec, rng) -> tuple[Firm, np.ndarray, np.ndarray, np.ndarray]:
    """The firm at the start of its history, and each founding person's role, department, team."""
    roles = build_roles(spec.firm)
    plan = np.array([r.count for r in spec.firm.roles], dtype=np.int64)
    role_of, dept, team, team_department = build_teams(spec.firm, roles, plan)
    n_teams = team_department.size
    firm = Firm(
        roles=roles,
        plan=plan,
        role_wage=np.array([r.wage for r in spec.firm.roles], dtype=float),
        department_names=list(spec.firm.departments),
        team_department=team_department,
        department_map=np.arange(len(spec.firm.departments)),
        # teams differ: in their manager, in how well they get on, in their workload
        team_supervision=rng.normal(0.0, spec.firm.supervisor_quality_sd, n_teams),
        team_cohesion=rng.normal(0.0, spec.firm.team_cohesion_sd, n_teams),
        team_workload=rng.normal(0.0, spec.firm.workload_sd, n_teams),
        material_share=spec.finances.material_share,
        overhead=spec.finances.overhead,
        overhead_base=spec.finances.overhead,
    )
    return firm, role_of, dept, team


def populate(model: OrgModel, role_of: np.ndarray, dept: np.ndarray, team: np.ndarray) -> None:
    """The founding workforce, their ties and clients, and their contracts."""
    spec, rng, ws, firm, p = model.spec, model.rng, model.workforce, model.firm, model.psychology
    n = role_of.size
    tenure = rng.exponential(FOUNDING_TENURE_MEAN, n).round()
    rows = _add_people(model, role_of, dept, team, tenure)
    tenure = ws.tenure[rows]  # as long as their working life allows
    # the founders have been socialised and have learnt their job's fit over their tenure
    kept = (1.0 - p.socialisation * SETTLED_CULTURE_STRENGTH) ** tenure
    ws.values[rows] = firm.culture_value + kept * (ws.values[rows] - firm.culture_value)
    ws.fit[rows] = 1.0 - np.abs(ws.values[rows] - firm.culture_value)
    prior = 1.0 / max(p.match_sd, 1e-9) ** 2
    weight = (tenure / p.match_signal_sd**2) / (prior + tenure / p.match_signal_sd**2)
    seen = ws.match_quality[rows] + p.match_signal_sd / np.sqrt(np.maximum(tenure, 1.0)) * (
        rng.standard_normal(n)
    )
    ws.match_belief[rows] = weight * seen + (1.0 - weight) * p.newcomer_optimism
    model.network.add_ties(
        rng, np.arange(n), n, ws.department, spec.firm.ties_per_employee, ws.informal_leader
    )
    holders = rows[firm.roles.holds_clients[role_of]] if n else rows
    weights = (
        np.array([spec.firm.roles[r].client_weight for r in ws.role[holders]])
        if holders.size
        else holders
    )
    model.clients.populate(rng, spec.clients, holders, weights)
    # contracts run out at staggered dates, or all together at the end of the contract year
    contract = firm.roles.contract_months[role_of]
    if spec.firm.contracts_end_together:
        ws.contract_end[:n] = model.month + contract - model.month % contract
    else:
        ws.contract_end[:n] = model.month + rng.integers(1, contract + 1)


def _add_people(model: OrgModel, role_of, dept, team, tenure) -> np.ndarray:
    """Append people with fresh traits and create their Mesa agents."""
    ws, rng, p, labour = model.workforce, model.rng, model.psychology, model.labour
    k = role_of.size
    firm = model.firm
    # sorting: applicants' ability follows how the role's pay rewards ability (Lazear 2000), as
    # the role's present staff show it (before the newcomers' rows exist)
    incentive = role_incentive(ws, len(firm.roles))[role_of]
    rows_slice = ws.add(k)
    rows = np.arange(rows_slice.start, rows_slice.stop)
    # a founder's tenure began at their age at hire and ends before retirement
    hired_at = labour.hire_ages(rng, k)
    room = np.floor((model.spec.market.retirement_age - hired_at) * 12.0) - 1.0
    tenure = np.minimum(tenure, room)
    ws.age[rows] = hired_at + tenure / 12.0
    ws.role[rows] = role_of
    ws.department[rows] = dept
    ws.team[rows] = team
    ws.level[rows] = firm.roles.level[role_of]
    premium = np.log(firm.role_wage[role_of] / labour.base_market_wages[role_of])
    ws.ability[rows] = labour.applicant_ability(rng, k, incentive, premium, p) if k else 0
    ws.money_trait[rows] = rng.lognormal(-0.045, 0.3, k)
    # hiring for fit (a culture policy) draws applicants' values toward the firm's
    drawn = rng.random(k)
    ws.values[rows] = drawn + firm.hiring_selectivity * (firm.culture_value - drawn)
    ws.fit[rows] = 1.0 - np.abs(ws.values[rows] - firm.culture_value)
    ws.sociability[rows] = rng.random(k)
    ws.informal_leader[rows] = ws.sociability[rows] > 1.0 - model.spec.firm.informal_leader_share
    ws.match_quality[rows] = rng.normal(0.0, p.match_sd, k)
    ws.roots[rows] = rng.random(k)
    ws.disposition[rows] = rng.normal(0.0, p.disposition_sd, k)
    ws.wage[rows] = firm.role_wage[role_of] * labour.wage_index
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
    ws.security[rows] = 0.5
    ws.incentive[rows] = behaviour.BASE_INCENTIVE
    ws.stage[rows] = np.where(tenure < p.cognition_months, Stage.COGNITION, Stage.EXPLORATION)
    ws.hired_month[rows] = model.month - tenure.astype(np.int64)
    behaviour.start_in_the_job(ws, rows, p, labour.wage_growth_annual, labour.inflation_annual)
    length = firm.roles.contract_months[role_of]
    if model.spec.firm.contracts_end_together:  # newcomers sign up to the end of the contract year
        ws.contract_end[rows] = model.month + length - model.month % length
    else:
        ws.contract_end[rows] = model.month + length
    ws.appraisal[rows] = np.nan
    ws.rank_percentile[rows] = np.nan
    ws.retrain_fail[rows] = np.nan
    for row in rows.tolist():
        agent = Employee(model, row)
        ws.agents.append(agent)
        ws.uid[row] = agent.unique_id
    return rows


def role_incentive(ws, n_roles: int) -> np.ndarray:
    """Incentive of each role's pay as applicants see it (the mean over its people)."""
    n = ws.n
    if n == 0:
        return np.full(n_roles, behaviour.BASE_INCENTIVE)
    sums = np.bincount(ws.role[:n], weights=ws.incentive[:n], minlength=n_roles)
    counts = np.bincount(ws.role[:n], minlength=n_roles)
    return np.divide(sums, counts, out=np.full(n_roles, behaviour.BASE_INCENTIVE), where=counts > 0)


def fade_memory(ws, p) -> None:
    """The memory of colleagues who left fades (start of phase 5)."""
    ws.exposure[: ws.n] *= np.exp(-1.0 / p.contagion_memory)


def retirements(model: OrgModel) -> None:
    """Careers end: people who reach the market's retirement age leave (start of phase 5)."""
    ws = model.workforce
    model.separate(np.flatnonzero(ws.age[: ws.n] >= model.spec.market.retirement_age), "retirement")


def voluntary_exits(model: OrgModel) -> None:
    """Personal events that end a job (Lee & Mitchell path 1), quits (the hazard, acted on in part
    before the contract ends), then non-renewals at the contract's end; renewed contracts run on."""
    ws, p, rng = model.workforce, model.psychology, model.rng
    n = ws.n
    events, exits = rng.random(n), rng.random(n)
    leaving = behaviour.personal_events(ws, p, model.conditions.hardship_help, events, exits)
    quits = rng.random(n) < p.early_quit_factor * ws.hazard[:n]
    quits[leaving] = True
    model.separate(np.flatnonzero(quits), "quit")
    n = ws.n
    due = ws.contract_end[:n] <= model.month
    staying_out = due & (ws.intent[:n] > p.non_renewal_intent)
    model.separate(np.flatnonzero(staying_out), "non_renewal")
    n = ws.n
    due = ws.contract_end[:n] <= model.month
    ws.contract_end[:n][due] += model.firm.roles.contract_months[ws.role[:n][due]]


def remove_employees(model: OrgModel, rows: np.ndarray, kind: str) -> None:
    if kind not in EXIT_KINDS:
        raise ValueError(f"exit kind must be one of {EXIT_KINDS}")
    rows = np.unique(rows)
    if rows.size == 0:
        return
    ws, p, rng, firm = model.workforce, model.psychology, model.rng, model.firm
    n = ws.n
    model.log_events(
        kind,
        employee_id=ws.uid[rows].copy(),
        role=np.array(firm.role_names, dtype=object)[ws.role[rows]],
        tenure_months=ws.tenure[rows].copy(),
        informal_leader=ws.informal_leader[rows].copy(),
        intent=ws.intent[rows].copy(),
        clients_held=ws.clients[rows].copy(),
        **{f"driver_{d}": ws.drivers[rows, i].copy() for i, d in enumerate(DRIVERS)},
    )
    # clients follow the leaver; the rest pass to colleagues who grab them (contested books) or
    # are kept by the firm for the leaver's successor
    stays = np.ones(n, dtype=bool)
    stays[rows] = False
    cond = model.conditions
    if cond.client_contest > 0:
        heirs = np.flatnonzero(stays & firm.roles.holds_clients[ws.role[:n]])
    else:
        heirs = np.zeros(0, dtype=np.int64)
    # a retiree takes no client to a rival, and their going says nothing about the job
    retiring = kind in CAREER_END
    follow = 0.0 if retiring else model.spec.clients.follow_probability
    follow *= 1.0 - cond.client_ownership
    taken = model.clients.depart(rng, rows, follow, heirs)
    for row, count in taken.items():
        model.log_event(
            "clients_followed",
            employee_id=int(ws.uid[row]),
            role=firm.role_names[ws.role[row]],
            tenure_months=float(ws.tenure[row]),
            clients=count,
        )
        model.flows.clients_lost_to_leavers += count
    # contagion: colleagues in the team and through ties remember who left (for a job elsewhere
    # or pushed out; not who retired)
    if not retiring:
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
    if kind == "layoff":
        behaviour.witness_layoffs(ws, p, rows.size / n)


def hire(model: OrgModel) -> None:
    """Fill vacancies up to the plan, each with this month's chance of finding someone. A firm
    that cannot pay its people, has used up its credit, or is retrenching does not recruit."""
    firm = model.firm
    # (the past's money is held steady)
    no_credit = model.finance.cash < -firm.credit_limit and not model.in_history
    if (
        not model.spec.firm.hire_to_plan
        or model.finance.arrears_fraction > 0
        or no_credit
        or firm.hiring_frozen
    ):
        return
    ws, rng = model.workforce, model.rng
    n = ws.n
    counts = np.bincount(ws.role[:n], minlength=len(firm.roles))
    vacancies = np.maximum(firm.plan - counts, 0)
    hires = rng.binomial(vacancies, model.labour.fill_probability())
    if hires.sum() == 0:
        return
    role_of = np.repeat(np.arange(len(firm.roles)), hires)
    team = np.empty(role_of.size, dtype=np.int64)
    team_count = np.bincount(ws.team[:n], minlength=firm.team_department.size)
    for r in np.flatnonzero(hires):
        # newcomers join the smallest teams of their role's department (or of any department)
        role_dept = firm.roles.department[r]
        if role_dept:
            current = firm.department_map[model.spec.firm.departments.index(role_dept)]
            candidates = np.flatnonzero(firm.team_department == current)
        else:
            candidates = np.arange(team_count.size)
        smallest = candidates[np.argsort(team_count[candidates], kind="stable")]
        chosen = smallest[np.arange(hires[r]) % smallest.size]
        team[role_of == r] = chosen
        np.add.at(team_count, chosen, 1)
    rows = _add_people(model, role_of, firm.team_department[team], team, np.zeros(role_of.size))
    model.network.add_ties(
        rng, rows, ws.n, ws.department, model.spec.firm.ties_per_employee, ws.informal_leader
    )
    # successors inherit the accounts the firm kept for them
    holders = rows[firm.roles.holds_clients[ws.role[rows]]]
    model.clients.inherit(rng, holders, model.spec.clients.capacity_per_holder / 2.0)
    model.finance.month.hiring += model.spec.finances.hiring_cost * rows.size
    model.flows.hires += rows.size
    model.log_events(
        "hire",
        employee_id=ws.uid[rows].copy(),
        role=np.array(firm.role_names, dtype=object)[ws.role[rows]],
        tenure_months=np.zeros(rows.size),
    )
