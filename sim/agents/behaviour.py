"""Phase 3: employees perceive their situation and react.

``prepare`` computes the few firm-level aggregates that people compare themselves with (same-role
peers' outcome/input ratio, neighbours' mood); ``perceive`` then applies the rules of
:mod:`sim.agents.rules` to any set of rows (all of them at once, or one agent in the per-agent
engine); ``after_perceive`` updates the culture that the workforce makes.
"""

from __future__ import annotations

import numpy as np

from sim.agents import rules
from sim.agents.psychology import HYGIENE, MOTIVATORS
from sim.org.climate import NEUTRAL

ESTEEM, SELF = rules.ESTEEM, rules.SELF_ACTUALIZATION
MIN_OUTCOME = 1.0  # currency/month: pay is never perceived as exactly nothing (keeps logs finite)
BASE_INCENTIVE = 0.1  # flat salary: a weak incentive (MODEL_SKETCH)
MAX_INCENTIVE = (
    1.5  # strongest pay-for-performance people respond to (assumed: 1.5x a pure piece rate)
)
BASE_SECURITY_SACRIFICE_MONTHS = (
    36.0  # seniority makes leaving costlier; half-way at 3 years (assumed)
)


def reset_inputs(model) -> None:
    """Start of phase 2: per-person inputs at their no-policy values, before policies act."""
    ws, n = model.workforce, model.workforce.n
    ws.incentive[:n] = BASE_INCENTIVE
    ws.hours[:n] = 1.0
    ws.fixed_pay[:n] = ws.wage[:n]
    ws.variable_pay[:n] = 0.0
    ws.defect_rate[:n] = 0.05
    ws.security[:n] = (
        NEUTRAL.security
    )  # personal security; the climate's change from neutral adds to it
    ws.sacrifice[:n] = 0.5 * ws.tenure[:n] / (ws.tenure[:n] + BASE_SECURITY_SACRIFICE_MONTHS)


def add_incentive(model, rows, strength: float) -> None:
    """A pay component that rewards performance adds its strength above a flat salary's:
    ``incentive = min(incentive + (strength - BASE_INCENTIVE), MAX_INCENTIVE)``. Components add up
    (a piece rate and a merit bonus reward the same effort twice); ``rows`` may be a mask."""
    ws, n = model.workforce, model.workforce.n
    col = ws.incentive[:n]
    col[rows] = np.minimum(col[rows] + max(strength - BASE_INCENTIVE, 0.0), MAX_INCENTIVE)


def prepare(model) -> None:
    """Aggregates people compare themselves with, computed once for everyone."""
    ws, n, p = model.workforce, model.workforce.n, model.psychology
    model.hygiene_weights = [getattr(p, f"weight_hygiene_{h}") for h in HYGIENE]
    model.motivator_weights = [getattr(p, f"weight_motivator_{k}") for k in MOTIVATORS]
    role = ws.role[:n]
    n_roles = len(model.role_names)
    counts = np.bincount(role, minlength=n_roles)
    held_counts, held_revenue = model.clients.held(n)
    ws.clients[:n] = held_counts
    model.held_revenue = held_revenue
    # a holder's contribution includes the business they bring, relative to same-role peers
    role_held = np.divide(
        np.bincount(role, weights=held_revenue, minlength=n_roles),
        counts,
        out=np.zeros(n_roles),
        where=counts > 0,
    )
    relative = np.divide(held_revenue, role_held[role], out=np.ones(n), where=role_held[role] > 0)
    model.contribution = np.maximum(relative, 0.05) ** p.client_contribution_weight
    perceived_input = np.maximum(
        ws.effort[:n] * ws.ability[:n] * ws.skill[:n] * ws.hours[:n] * model.contribution, 1e-6
    )
    # the referent is the typical peer: the geometric mean of same-role outcome/input ratios
    log_ratio = np.log(np.maximum(ws.income[:n], MIN_OUTCOME) / perceived_input)
    sums = np.bincount(role, weights=log_ratio, minlength=n_roles)
    model.peer_ratio = np.exp(np.divide(sums, counts, out=np.zeros(n_roles), where=counts > 0))
    leader_w = np.where(ws.informal_leader[:n], p.leader_weight, 1.0)
    model.neighbour_mood = model.network.neighbour_mean(ws.intent[:n], leader_w, n)
    degree = model.network.degree(n)
    team_sizes = np.bincount(ws.team[:n])
    model.links = np.minimum(
        1.0,
        (degree + team_sizes[ws.team[:n]] - 1)
        / (model.spec.firm.ties_per_employee + model.spec.firm.team_size),
    )
    model.market_pay = model.labour.market_wages


def perceive(model, rows) -> None:
    """Update needs, Herzberg scales, equity, effort, commitment, stage and intention for ``rows``."""
    ws, p, c, labour = model.workforce, model.psychology, model.climate, model.labour
    m = ws.needs[rows]
    tenure = ws.tenure[rows]
    paid = np.maximum(ws.paid[rows], MIN_OUTCOME)  # this month's pay: living costs, arrears
    income = np.maximum(ws.income[rows], MIN_OUTCOME)  # the year's pay: comparisons, offers
    effort = ws.effort[rows]
    arrears = model.finance.arrears_fraction

    # equity (Adams): against same-role peers and the market
    own_input = (
        effort * ws.ability[rows] * ws.skill[rows] * ws.hours[rows] * model.contribution[rows]
    )
    perceived_input = np.maximum(own_input, 1e-6) * p.self_serving_bias
    e_int = rules.equity_internal(income, perceived_input, model.peer_ratio[ws.role[rows]])
    e_ext = rules.equity_external(income, model.market_pay[ws.role[rows]] * ws.hours[rows] ** 0.5)
    raise_shock = ws.raise_shock[rows]
    recognition_shock = ws.recognition_shock[rows]
    shock = (
        raise_shock + recognition_shock
    )  # felt esteem shocks: raises and cuts, awards and slights
    inequity = rules.felt_inequity(
        e_int,
        e_ext,
        shock,
        c.procedural_justice,
        p.weight_internal_equity,
        p.weight_external_equity,
        p.procedural_justice_weight,
    )

    # needs (Maslow): momentary inputs, then smoothing
    fit = ws.fit[rows]
    recognition = np.clip(c.recognition + shock, 0.0, 1.0)
    inputs = np.empty(m.shape, order="F")  # filled column by column
    inputs[:, 0] = rules.pay_need_input(paid / labour.cpi, labour.subsistence, p.pay_span)
    decline = 1.0 - model.finance.outlook  # revenue below its recent peak, wages unpaid
    inputs[:, 1] = np.clip(
        (ws.security[rows] + c.security - NEUTRAL.security)
        * (1.0 - 0.5 * arrears)
        * (1.0 - p.outlook_security_weight * decline),
        0.0,
        1.0,
    )
    inputs[:, 2] = (1 - p.belonging_fit_weight) * (
        c.relations + c.care + c.collective_life
    ) / 3.0 + p.belonging_fit_weight * fit * model.culture_strength * 2.0
    inputs[:, 3] = np.clip(
        (recognition + c.respect + (1.0 - np.minimum(inequity, 1.0))) / 3.0, 0.0, 1.0
    )
    inputs[:, 4] = (c.work_itself + c.growth + c.advancement + c.voice) / 4.0
    np.clip(inputs, 0.0, 1.0, out=inputs)
    m = rules.update_needs(m, inputs, p.need_adaptation)
    gates = rules.prepotency_gates(m, p.gate_threshold, p.gate_width)

    # Herzberg: hygiene factors feed dissatisfaction, motivators feed satisfaction
    hyg = np.empty((m.shape[0], len(HYGIENE)), order="F")
    hyg[:, 0] = 0.5 * m[:, 0] + 0.5 * np.clip(p.hygiene_aspiration + e_ext, 0.0, 1.0)
    hyg[:, 1] = m[:, 1]
    hyg[:, 2] = np.clip(c.supervision + model.team_supervision[ws.team[rows]], 0.0, 1.0)
    hyg[:, 3] = np.clip(c.conditions - p.effort_cost * np.maximum(effort - 1.0, 0.0), 0.0, 1.0)
    hyg[:, 4] = c.policy_admin
    hyg[:, 5] = c.relations
    weights_h = model.hygiene_weights
    dissatisfaction, hygiene_parts = rules.hygiene_dissatisfaction(
        hyg, p.hygiene_aspiration, weights_h
    )
    mot = np.empty((m.shape[0], len(MOTIVATORS)), order="F")
    # achievement: mastery and quality of one's work (not effort, so that hygiene cannot reach S)
    mot[:, 0] = np.clip(ws.skill[rows] * (1.0 - ws.defect_rate[rows]), 0.0, 1.0)
    mot[:, 1] = recognition
    mot[:, 2] = c.work_itself
    mot[:, 3] = np.clip(c.voice + 0.2 * ws.level[rows], 0.0, 1.0)
    mot[:, 4] = c.advancement
    mot[:, 5] = c.growth
    weights_m = model.motivator_weights
    satisfaction = rules.motivator_satisfaction(mot, weights_m)

    # effort
    sensitivity = rules.money_sensitivity(
        ws.money_trait[rows], m[:, 0], m[:, 1], p.money_need_slope
    )
    target = rules.target_effort(
        p,
        ws.incentive[rows],
        sensitivity,
        satisfaction,
        gates[:, ESTEEM],
        inequity,
        dissatisfaction,
        c.ranking_pressure,
    )
    effort = effort + p.effort_adjustment * (target - effort)

    # commitment, embeddedness, culture fit
    commitment = ws.commitment[rows]
    commitment = commitment + p.commitment_adaptation * (
        rules.commitment_target(
            satisfaction, dissatisfaction, fit, model.culture_strength, model.vision, p
        )
        - commitment
    )
    embedded = rules.embeddedness(model.links[rows], fit, ws.sacrifice[rows], p)

    # outside option: the market's offer for this person against own pay
    offer = model.market_pay[ws.role[rows]] * ws.ability[rows] ** p.offer_ability_elasticity
    offer = (
        offer
        + p.client_offer_premium
        * model.spec.clients.follow_probability
        * (1.0 - c.client_ownership)
        * model.held_revenue[rows]
    )
    outside = np.log(offer / income)

    # quitting
    contagion = np.minimum(ws.exposure[rows], 1.0) + p.mood_weight * model.neighbour_mood[rows]
    parts = rules.quit_predictor(
        hygiene_parts, m, inequity, commitment, embedded, outside, contagion, p
    )
    hazard, intent, shares = rules.quit_hazard(
        parts,
        p.base_quit_hazard,
        labour.hazard_multiplier(p.quit_shortage),
        rules.pay_retention(outside, p.quit_outside_option),
    )

    ws.needs[rows] = m
    ws.equity_internal[rows] = e_int
    ws.equity_external[rows] = e_ext
    ws.inequity[rows] = inequity
    ws.hygiene_dissatisfaction[rows] = dissatisfaction
    ws.motivator_satisfaction[rows] = satisfaction
    ws.money_sensitivity[rows] = sensitivity
    ws.effort[rows] = effort
    ws.commitment[rows] = commitment
    ws.embeddedness[rows] = embedded
    ws.outside_option[rows] = outside
    ws.contagion[rows] = contagion
    ws.hazard[rows] = hazard
    ws.intent[rows] = intent
    ws.drivers[rows] = shares
    ws.stage[rows] = rules.relationship_stage(ws.stage[rows], tenure, commitment, intent, p)
    ws.phase[rows] = np.where(ws.stage[rows] == 4, 2, np.where(tenure < p.cognition_months, 0, 1))
    ws.skill[rows] = np.maximum(
        ws.skill[rows], rules.skill_on_the_job(tenure, p.skill_start, p.skill_learning_months)
    )
    fade = np.exp(-1.0 / p.raise_memory)
    ws.raise_shock[rows] = raise_shock * fade
    ws.recognition_shock[rows] = recognition_shock * fade


def after_perceive(model) -> None:
    """Culture: values drift toward the firm's, fit follows, culture strength tracks committed fit."""
    ws, n, p, c = model.workforce, model.workforce.n, model.psychology, model.climate
    if n == 0:
        return
    rate = (p.socialisation + c.socialisation_boost) * model.culture_strength
    values = ws.values[:n]
    values += rate * (model.culture_value - values)
    ws.fit[:n] = 1.0 - np.abs(values - model.culture_value)
    target = float(np.mean(ws.fit[:n] * ws.commitment[:n]))
    model.culture_strength += p.culture_adaptation * (target - model.culture_strength)
    model.culture_strength = float(np.clip(model.culture_strength, 0.0, 1.0))
