"""Phase 3: employees perceive their situation and react.

The psychology knows nothing of the firm's machinery: the model hands it a :class:`World` (what
people can see of the firm and the market this month) and the workforce's columns.
:func:`prepare` computes the few aggregates people compare themselves with (same-role peers'
outcome/input ratio, neighbours' mood) and returns them as :class:`Peers`; :func:`perceive` then
applies the rules of :mod:`sim.agents.rules` to any set of rows (all of them at once, or one agent in
the per-agent engine); :func:`socialise` moves values toward the firm's and returns the culture
strength the workforce now sustains.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from sim.agents import rules
from sim.agents.climate import NEUTRAL, Climate
from sim.agents.psychology import HYGIENE, MOTIVATORS, Psychology
from sim.agents.stages import Phase, Stage
from sim.agents.state import Workforce

ESTEEM, SELF = rules.ESTEEM, rules.SELF_ACTUALIZATION
MIN_OUTCOME = 1.0  # currency/month: pay is never perceived as exactly nothing (keeps logs finite)
BASE_INCENTIVE = 0.1  # flat salary: a weak incentive (MODEL_SKETCH)
MAX_INCENTIVE = (
    1.5  # strongest pay-for-performance people respond to (assumed: 1.5x a pure piece rate)
)
BASE_SECURITY_SACRIFICE_MONTHS = (
    36.0  # seniority makes leaving costlier; half-way at 3 years (assumed)
)
TRAINING_COLUMN = "training_gain"  # skill added by training, kept on top of learning on the job


class Ties(Protocol):
    """The social network as the psychology needs it (``sim.org.network.SocialNetwork``)."""

    def neighbour_mean(self, values: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray: ...

    def degree(self, n: int) -> np.ndarray: ...


@dataclass(frozen=True)
class World:
    """What people perceive of the firm and its market this month (built by the model)."""

    climate: Climate
    cpi: float  # cost-of-living index
    subsistence: float  # currency/month of a basic living at month 0
    shortage: float  # share of labour demand unfilled in the market
    market_pay: np.ndarray  # market wage of each role, currency/month
    arrears: float  # share of last month's wages left unpaid
    outlook: float  # the firm's visible health in [0, 1]
    culture_strength: float
    culture_value: float
    vision: float
    team_supervision: np.ndarray  # each team's supervision relative to the firm's
    follow_probability: float  # chance a client follows a departing holder (personal ties)
    usual_links: float  # ties plus team-mates of a typical person (embeddedness scale)


@dataclass(frozen=True)
class Peers:
    """Aggregates people compare themselves with, computed once a month for everyone."""

    hygiene_weights: list[float]
    motivator_weights: list[float]
    held_revenue: np.ndarray  # client revenue each row holds
    contribution: np.ndarray  # client business brought, relative to same-role peers
    peer_ratio: np.ndarray  # typical same-role outcome/input ratio, by role
    neighbour_mood: np.ndarray  # weighted mean intention of each row's ties
    links: np.ndarray  # ties plus team-mates, against the usual number, in [0, 1]


def reset_inputs(ws: Workforce) -> None:
    """Start of phase 2: per-person inputs at their no-policy values, before policies act."""
    n = ws.n
    ws.incentive[:n] = BASE_INCENTIVE
    ws.hours[:n] = 1.0
    ws.fixed_pay[:n] = ws.wage[:n]
    ws.variable_pay[:n] = 0.0
    ws.defect_rate[:n] = 0.05
    ws.security[:n] = (
        NEUTRAL.security
    )  # personal security; the climate's change from neutral adds to it
    ws.sacrifice[:n] = 0.5 * ws.tenure[:n] / (ws.tenure[:n] + BASE_SECURITY_SACRIFICE_MONTHS)


def add_incentive(ws: Workforce, rows, strength: float) -> None:
    """A pay component that rewards performance adds its strength above a flat salary's:
    ``incentive = min(incentive + (strength - BASE_INCENTIVE), MAX_INCENTIVE)``. Components add up
    (a piece rate and a merit bonus reward the same effort twice); ``rows`` may be a mask."""
    col = ws.incentive[: ws.n]
    col[rows] = np.minimum(col[rows] + max(strength - BASE_INCENTIVE, 0.0), MAX_INCENTIVE)


def keep_training(ws: Workforce, p: Psychology) -> None:
    """Hold trained people's skill at ``learning curve(tenure) + training gain`` (at most 1).

    Phase 3 keeps skill at least at the learning curve; without this, a newcomer's training would
    be swallowed as the curve catches up with it.
    """
    if TRAINING_COLUMN not in ws.extra_columns:
        return
    n = ws.n
    gain = getattr(ws, TRAINING_COLUMN)[:n]
    has = np.flatnonzero(gain > 0)
    trained = rules.skill_on_the_job(
        ws.tenure[has], p.skill_start, p.skill_learning_months, gain[has]
    )
    ws.skill[has] = np.maximum(ws.skill[has], trained)


def prepare(
    ws: Workforce,
    p: Psychology,
    world: World,
    held_counts: np.ndarray,
    held_revenue: np.ndarray,
    ties: Ties,
    n_roles: int,
) -> Peers:
    """Aggregates people compare themselves with, computed once for everyone."""
    n = ws.n
    role = ws.role[:n]
    counts = np.bincount(role, minlength=n_roles)
    ws.clients[:n] = held_counts
    # a holder's contribution includes the business they bring, relative to same-role peers
    role_held = np.divide(
        np.bincount(role, weights=held_revenue, minlength=n_roles),
        counts,
        out=np.zeros(n_roles),
        where=counts > 0,
    )
    relative = np.divide(held_revenue, role_held[role], out=np.ones(n), where=role_held[role] > 0)
    contribution = np.maximum(relative, 0.05) ** p.client_contribution_weight
    perceived_input = np.maximum(
        ws.effort[:n] * ws.ability[:n] * ws.skill[:n] * ws.hours[:n] * contribution, 1e-6
    )
    # the referent is the typical peer: the geometric mean of same-role outcome/input ratios
    log_ratio = np.log(np.maximum(ws.income[:n], MIN_OUTCOME) / perceived_input)
    sums = np.bincount(role, weights=log_ratio, minlength=n_roles)
    peer_ratio = np.exp(np.divide(sums, counts, out=np.zeros(n_roles), where=counts > 0))
    leader_w = np.where(ws.informal_leader[:n], p.leader_weight, 1.0)
    neighbour_mood = ties.neighbour_mean(ws.intent[:n], leader_w, n)
    degree = ties.degree(n)
    team_sizes = np.bincount(ws.team[:n])
    links = np.minimum(1.0, (degree + team_sizes[ws.team[:n]] - 1) / world.usual_links)
    return Peers(
        hygiene_weights=[getattr(p, f"weight_hygiene_{h}") for h in HYGIENE],
        motivator_weights=[getattr(p, f"weight_motivator_{k}") for k in MOTIVATORS],
        held_revenue=held_revenue,
        contribution=contribution,
        peer_ratio=peer_ratio,
        neighbour_mood=neighbour_mood,
        links=links,
    )


def perceive(ws: Workforce, rows, p: Psychology, world: World, peers: Peers) -> None:
    """Update needs, Herzberg scales, equity, effort, commitment, stage and intention for ``rows``."""
    c = world.climate
    m = ws.needs[rows]
    tenure = ws.tenure[rows]
    paid = np.maximum(ws.paid[rows], MIN_OUTCOME)  # this month's pay: living costs, arrears
    income = np.maximum(ws.income[rows], MIN_OUTCOME)  # the year's pay: comparisons, offers
    effort = ws.effort[rows]
    arrears = world.arrears

    # equity (Adams): against same-role peers and the market
    own_input = (
        effort * ws.ability[rows] * ws.skill[rows] * ws.hours[rows] * peers.contribution[rows]
    )
    perceived_input = np.maximum(own_input, 1e-6) * p.self_serving_bias
    e_int = rules.equity_internal(income, perceived_input, peers.peer_ratio[ws.role[rows]])
    e_ext = rules.equity_external(income, world.market_pay[ws.role[rows]] * ws.hours[rows] ** 0.5)
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
    inputs[:, 0] = rules.pay_need_input(paid / world.cpi, world.subsistence, p.pay_span)
    decline = 1.0 - world.outlook  # revenue below its recent peak, wages unpaid
    inputs[:, 1] = np.clip(
        (ws.security[rows] + c.security - NEUTRAL.security)
        * (1.0 - 0.5 * arrears)
        * (1.0 - p.outlook_security_weight * decline),
        0.0,
        1.0,
    )
    inputs[:, 2] = (1 - p.belonging_fit_weight) * (
        c.relations + c.care + c.collective_life
    ) / 3.0 + p.belonging_fit_weight * fit * world.culture_strength * 2.0
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
    hyg[:, 2] = np.clip(c.supervision + world.team_supervision[ws.team[rows]], 0.0, 1.0)
    hyg[:, 3] = np.clip(c.conditions - p.effort_cost * np.maximum(effort - 1.0, 0.0), 0.0, 1.0)
    hyg[:, 4] = c.policy_admin
    hyg[:, 5] = c.relations
    weights_h = peers.hygiene_weights
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
    weights_m = peers.motivator_weights
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
            satisfaction, dissatisfaction, fit, world.culture_strength, world.vision, p
        )
        - commitment
    )
    embedded = rules.embeddedness(peers.links[rows], fit, ws.sacrifice[rows], p)

    # outside option: the market's offer for this person against own pay
    offer = world.market_pay[ws.role[rows]] * ws.ability[rows] ** p.offer_ability_elasticity
    offer = (
        offer
        + p.client_offer_premium
        * world.follow_probability
        * (1.0 - c.client_ownership)
        * peers.held_revenue[rows]
    )
    outside = np.log(offer / income)

    # quitting
    contagion = np.minimum(ws.exposure[rows], 1.0) + p.mood_weight * peers.neighbour_mood[rows]
    parts = rules.quit_predictor(
        hygiene_parts, m, inequity, commitment, embedded, outside, contagion, p
    )
    hazard, intent, shares = rules.quit_hazard(
        parts,
        p.base_quit_hazard,
        1.0 + p.quit_shortage * world.shortage,
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
    ws.phase[rows] = np.where(
        ws.stage[rows] == Stage.DISSOLUTION,
        Phase.EXIT,
        np.where(tenure < p.cognition_months, Phase.RECRUITMENT, Phase.STABLE),
    )
    ws.skill[rows] = np.maximum(
        ws.skill[rows], rules.skill_on_the_job(tenure, p.skill_start, p.skill_learning_months)
    )
    fade = np.exp(-1.0 / p.raise_memory)
    ws.raise_shock[rows] = raise_shock * fade
    ws.recognition_shock[rows] = recognition_shock * fade


def socialise(ws: Workforce, p: Psychology, world: World) -> float:
    """Culture: values drift toward the firm's and fit follows; returns the new culture strength,
    which tracks the workforce's committed fit."""
    n, c = ws.n, world.climate
    if n == 0:
        return world.culture_strength
    rate = (p.socialisation + c.socialisation_boost) * world.culture_strength
    values = ws.values[:n]
    values += rate * (world.culture_value - values)
    ws.fit[:n] = 1.0 - np.abs(values - world.culture_value)
    target = float(np.mean(ws.fit[:n] * ws.commitment[:n]))
    strength = world.culture_strength + p.culture_adaptation * (target - world.culture_strength)
    return float(np.clip(strength, 0.0, 1.0))
