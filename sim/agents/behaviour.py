"""Phase 3: employees perceive their situation and react.

The psychology knows nothing of the firm's machinery: the model hands it a :class:`World` (what
people can see of the firm and the market this month, the conditions management set among it),
the month's random draws (:class:`Draws`) and the workforce's columns. :func:`prepare` computes the
aggregates people compare themselves with (same-role peers' outcome/input ratio, neighbours' mood)
and returns them as :class:`Peers`; :func:`perceive` applies the rules of :mod:`sim.agents.rules`
to any set of rows (all at once, or one agent in the per-agent engine); :func:`socialise` moves
values toward the firm's and returns the culture strength and vision the workforce now holds.
:func:`personal_events` and :func:`witness_layoffs` are the psychology's part of phase 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from sim.agents import perception, rules
from sim.agents.climate import Climate
from sim.agents.conditions import Conditions
from sim.agents.psychology import DRIVERS, HYGIENE, MOTIVATORS, Psychology
from sim.agents.stages import Phase, Stage
from sim.agents.state import Workforce

ESTEEM = rules.ESTEEM
MIN_OUTCOME = 1.0  # currency/month: pay is never perceived as exactly nothing (keeps logs finite)
BASE_INCENTIVE = (
    0.1  # implicit incentive of a flat salary: keeping the job, promotion (MODEL_SKETCH)
)
MAX_INCENTIVE = 1.5  # strongest pay-for-performance people respond to (assumed: 1.5x a piece rate)
TRAINING_COLUMN = "training_gain"  # skill added by training, kept on top of learning on the job
PERSONAL = DRIVERS.index("personal")


class Ties(Protocol):
    """The social network as the psychology needs it (``sim.org.network.SocialNetwork``)."""

    def neighbour_mean(self, values: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray: ...

    def degree(self, n: int) -> np.ndarray: ...


@dataclass(frozen=True)
class World:
    """What people perceive of the firm and its market this month (built by the model)."""

    conditions: Conditions  # what management does this month (facts)
    climate: Climate  # the firm-wide perceived factors (perception.firm_climate of the conditions)
    cpi: float  # cost-of-living index
    subsistence: float  # currency/month of a basic living at month 0
    shortage: float  # share of labour demand unfilled in the market
    market_pay: np.ndarray  # market wage of each role, currency/month
    market_growth: float  # the market's wage growth a year
    inflation: float  # cost-of-living inflation a year
    arrears: float  # share of last month's wages left unpaid
    outlook: float  # the firm's visible health in [0, 1]
    culture_strength: float
    culture_value: float
    vision: float
    team_supervision: np.ndarray  # each team's supervision relative to the firm's (its manager)
    team_cohesion: np.ndarray  # each team's relations relative to the firm's
    team_workload: np.ndarray  # each team's working conditions relative to the firm's
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


@dataclass(frozen=True)
class Draws:
    """The month's random numbers for perception, one per live row (drawn by the model, so that
    either engine perceives with the same numbers)."""

    experience: np.ndarray  # standard normal: what this month tells about the job's fit


# --- phase 2: conditions reset ---------------------------------------------------------------------

ORDINARY_ACCURACY = 0.6  # how closely an ordinary firm's judgements follow performance (assumed)


def reset_conditions(ws: Workforce) -> None:
    """Start of phase 2: every person's conditions as in an ordinary firm, before policies act."""
    n = ws.n
    ws.incentive[:n] = BASE_INCENTIVE
    ws.piece_quality[:n] = 0
    ws.hours[:n] = 1.0
    ws.fixed_pay[:n] = ws.wage[:n]
    ws.variable_pay[:n] = 0.0
    ws.defect_rate[:n] = 0.05
    ws.appraisals_per_year[:n] = 0.0
    ws.told[:n] = perception.ORDINARY_TOLD
    ws.process_untold[:n] = 0.0
    ws.rating_accuracy[:n] = ORDINARY_ACCURACY
    ws.bottom_share[:n] = 0.0
    ws.rank_percentile[:n] = np.nan
    ws.retrain_fail[:n] = np.nan
    for name in ("threatened", "guaranteed", "in_contest"):
        getattr(ws, name)[:n] = False
    for name in ("guarantee_progress", "unvested_share", "owed_share", "withheld_share"):
        getattr(ws, name)[:n] = 0.0
    ws.award[:n] = 0
    ws.attention[:n] = 0


def add_incentive(ws: Workforce, rows, elasticity: float) -> None:
    """A pay component that rewards one's own output adds its pay-for-performance elasticity:
    ``incentive = min(incentive + elasticity, MAX_INCENTIVE)``; ``rows`` may be a mask."""
    col = ws.incentive[: ws.n]
    col[rows] = np.minimum(col[rows] + np.maximum(elasticity, 0.0), MAX_INCENTIVE)


def keep_training(ws: Workforce, p: Psychology) -> None:
    """Hold trained people's skill at ``learning curve(tenure) + training gain`` (at most 1)."""
    if TRAINING_COLUMN not in ws.extra_columns:
        return
    n = ws.n
    gain = getattr(ws, TRAINING_COLUMN)[:n]
    has = np.flatnonzero(gain > 0)
    trained = rules.skill_on_the_job(
        ws.tenure[has], p.skill_start, p.skill_learning_months, gain[has]
    )
    ws.skill[has] = np.maximum(ws.skill[has], trained)


# --- phase 3 ---------------------------------------------------------------------------------------


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


def perceive(ws: Workforce, rows, p: Psychology, world: World, peers: Peers, draws: Draws) -> None:
    """Update needs, Herzberg's scales, equity, effort, commitment, the job's believed fit,
    expectations, search and intention for ``rows``."""
    c, cond = world.climate, world.conditions
    needs = ws.needs[rows]
    tenure = ws.tenure[rows]
    paid = np.maximum(ws.paid[rows], MIN_OUTCOME)  # this month's pay: living costs, arrears
    income = np.maximum(ws.income[rows], MIN_OUTCOME)  # the year's pay: comparisons, offers
    effort = ws.effort[rows]
    person = perception.personal_factors(
        ws, rows, c, p, world.team_supervision, world.team_cohesion, world.team_workload
    )

    # what the pay scheme and the job do to care over quality
    quality = ws.piece_quality[rows]
    defects = ws.defect_rate[rows]
    defects = np.where(quality == 1, defects + p.speed_over_quality, defects)
    defects = np.where(quality == 2, defects * (1.0 - p.care_when_defects_unpaid), defects)
    defects = defects * (1.0 - p.defects_per_enrichment * cond.job_enrichment)
    ws.defect_rate[rows] = np.clip(defects, 0.0, 0.95)

    # this month's awards, slights and attention: felt recognition shocks that fade
    award = ws.award[rows]
    recognition_shock = ws.recognition_shock[rows] + np.where(
        award > 0, p.award_glow, np.where(award < 0, -p.award_envy, 0.0)
    )
    attention = ws.attention[rows]
    recognition_shock = np.where(
        attention == 2,
        np.minimum(recognition_shock + p.attention_recognition, 1.0),
        recognition_shock,
    )
    recognition_shock = np.clip(recognition_shock, -1.0, 1.0)

    # the job's fit, learned month by month (Jovanovic 1979)
    belief = rules.learn_fit(
        ws.match_belief[rows],
        ws.match_quality[rows],
        draws.experience[rows],
        tenure,
        p.match_sd,
        p.match_signal_sd,
    )

    # equity (Adams): against same-role peers and the market, softened by procedural justice
    own_input = (
        effort * ws.ability[rows] * ws.skill[rows] * ws.hours[rows] * peers.contribution[rows]
    )
    perceived_input = np.maximum(own_input, 1e-6) * p.self_serving_bias
    e_int = rules.equity_internal(income, perceived_input, peers.peer_ratio[ws.role[rows]])
    e_ext = rules.equity_external(income, world.market_pay[ws.role[rows]] * ws.hours[rows] ** 0.5)
    raise_shock = ws.raise_shock[rows]
    shock = raise_shock + recognition_shock  # felt esteem shocks: raises and cuts, awards, slights
    justice = (person.transparency + person.accuracy + c.voice) / 3.0
    inequity = rules.felt_inequity(
        e_int,
        e_ext,
        shock,
        justice,
        p.weight_internal_equity,
        p.weight_external_equity,
        p.procedural_justice_weight,
    )

    # needs (Maslow): momentary inputs, then smoothing
    fit = ws.fit[rows]
    recognition = np.clip(c.recognition + shock, 0.0, 1.0)
    work_itself = np.clip(c.work_itself + p.work_itself_per_fit * belief, 0.0, 1.0)
    inputs = np.empty(needs.shape, order="F")  # filled column by column
    inputs[:, 0] = rules.pay_need_input(paid / world.cpi, world.subsistence, p.pay_span)
    decline = 1.0 - world.outlook  # revenue below its recent peak, wages unpaid
    security = person.security
    inputs[:, 1] = (
        security * (1.0 - 0.5 * world.arrears) * (1.0 - p.outlook_security_weight * decline)
    )
    inputs[:, 2] = (1 - p.belonging_fit_weight) * (
        person.relations + c.care + c.collective_life
    ) / 3.0 + p.belonging_fit_weight * fit * world.culture_strength * 2.0
    inputs[:, 3] = (recognition + c.respect + (1.0 - np.minimum(inequity, 1.0))) / 3.0
    inputs[:, 4] = (work_itself + c.growth + c.advancement + c.voice) / 4.0
    np.clip(inputs, 0.0, 1.0, out=inputs)
    needs = rules.update_needs(needs, inputs, p.need_adaptation)
    # only esteem's gate is read (effort); the others are in rules.prepotency_gates
    esteem_gate = rules.prepotency_gate(needs, ESTEEM, p.gate_threshold, p.gate_width)

    # Herzberg: hygiene factors feed dissatisfaction, motivators feed satisfaction
    hyg = np.empty((needs.shape[0], len(HYGIENE)), order="F")
    hyg[:, 0] = 0.5 * needs[:, 0] + 0.5 * np.clip(p.hygiene_aspiration + e_ext, 0.0, 1.0)
    hyg[:, 1] = needs[:, 1]
    hyg[:, 2] = person.supervision
    hyg[:, 3] = np.clip(person.conditions - p.effort_cost * np.maximum(effort - 1.0, 0.0), 0.0, 1.0)
    hyg[:, 4] = c.policy_admin
    hyg[:, 5] = person.relations
    # a person's disposition colours every factor they perceive (positive affectivity)
    disposition = ws.disposition[rows][:, None]
    hyg = np.clip(hyg + disposition, 0.0, 1.0)
    dissatisfaction, hygiene_parts = rules.hygiene_dissatisfaction(
        hyg, p.hygiene_aspiration, peers.hygiene_weights
    )
    mot = np.empty((needs.shape[0], len(MOTIVATORS)), order="F")
    # achievement: mastery and quality of one's work (not effort, so that hygiene cannot reach S)
    mot[:, 0] = np.clip(ws.skill[rows] * (1.0 - ws.defect_rate[rows]), 0.0, 1.0)
    mot[:, 1] = recognition
    mot[:, 2] = work_itself
    mot[:, 3] = np.clip(c.voice + 0.2 * ws.level[rows], 0.0, 1.0)
    mot[:, 4] = c.advancement
    mot[:, 5] = c.growth
    mot = np.clip(mot + disposition, 0.0, 1.0)
    satisfaction = rules.motivator_satisfaction(mot, peers.motivator_weights)

    # effort
    sensitivity = rules.money_sensitivity(
        ws.money_trait[rows], needs[:, 0], needs[:, 1], p.money_need_slope
    )
    target = rules.target_effort(
        p,
        ws.incentive[rows],
        sensitivity,
        satisfaction,
        esteem_gate,
        inequity,
        dissatisfaction,
        person.pressure,
    )
    effort = effort + p.effort_adjustment * (target - effort)

    # commitment, embeddedness
    commitment = ws.commitment[rows]
    commitment = commitment + p.commitment_adaptation * (
        rules.commitment_target(
            satisfaction, dissatisfaction, fit, world.culture_strength, world.vision, p
        )
        - commitment
    )
    embedded = rules.embeddedness(peers.links[rows], fit, person.sacrifice, ws.roots[rows], p)

    # the best outside offer for this person against own pay
    offer = world.market_pay[ws.role[rows]] * ws.ability[rows] ** p.offer_ability_elasticity
    offer = (
        offer
        + p.client_offer_premium
        * world.follow_probability
        * (1.0 - cond.client_ownership)
        * peers.held_revenue[rows]
    )
    gap = np.log(offer / income)

    # leaving: what pushes people to search, the offers that arrive, and whether one is taken
    contagion = np.minimum(ws.exposure[rows], 1.0) + p.mood_weight * peers.neighbour_mood[rows]
    hardship = (ws.hardship[rows] > 0) * (1.0 - p.help_keeps * cond.hardship_help)
    parts = rules.push_parts(
        hygiene_parts,
        needs,
        inequity,
        commitment,
        embedded,
        contagion,
        np.maximum(-belief, 0.0),
        hardship,
        p,
    )
    search = rules.search_probability(
        rules.row_sum(parts), tenure, p.search_threshold, p.settling_months
    )
    arrivals = rules.offer_arrivals(
        search,
        p.offer_rate,
        p.unsolicited_offer_rate,
        world.shortage,
        p.offer_tightness_elasticity,
    )
    accepted = rules.acceptance(gap, person.sacrifice, p)
    hazard, intent, shares = rules.quit_hazard(parts, arrivals, accepted, gap, p.offer_value_spread)
    # a personal event may end the job whatever the job (Lee & Mitchell path 1): part of intent
    life = p.life_shock_rate * p.life_exit_share * (1.0 - p.help_keeps * cond.hardship_help)
    intent = -np.expm1(-12.0 * (hazard + life))

    ws.needs[rows] = needs
    ws.security[rows] = security
    ws.sacrifice[rows] = person.sacrifice
    ws.match_belief[rows] = belief
    ws.equity_internal[rows] = e_int
    ws.equity_external[rows] = e_ext
    ws.inequity[rows] = inequity
    ws.hygiene_dissatisfaction[rows] = dissatisfaction
    ws.motivator_satisfaction[rows] = satisfaction
    ws.money_sensitivity[rows] = sensitivity
    ws.effort[rows] = effort
    ws.commitment[rows] = commitment
    ws.embeddedness[rows] = embedded
    ws.outside_option[rows] = gap
    ws.contagion[rows] = contagion
    ws.search[rows] = search
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
    ws.layoff_fear[rows] *= np.exp(-1.0 / p.survivor_memory_months)
    ws.hardship[rows] = np.maximum(ws.hardship[rows] - 1.0, 0.0)
    ws.wage_growth[rows] *= 1.0 - 1.0 / 12.0
    ws.expected_raise[rows] = rules.expected_raise(
        ws.expected_raise[rows],
        ws.wage_growth[rows],
        world.market_growth,
        world.inflation,
        p.own_raise_weight,
        p.expectation_months,
    )


def socialise(ws: Workforce, p: Psychology, world: World) -> tuple[float, float]:
    """Culture and vision, after everyone has perceived: values drift toward the firm's (faster
    in an orientation and under a values programme), fit follows, culture strength tracks the
    workforce's committed fit and a culture programme; a review with staff restores belief in the
    shared vision, and a crisis meeting dispels part of the memory of colleagues who left.
    Returns ``(culture strength, vision)``."""
    n, c, cond = ws.n, world.climate, world.conditions
    vision = world.vision
    if cond.vision_review:
        vision += p.vision_review_strength * (1.0 - vision)
    if cond.crisis_meeting:
        ws.exposure[:n] *= 1.0 - p.crisis_reassurance
    if n == 0:
        return world.culture_strength, vision
    rate = (p.socialisation + c.socialisation_boost) * world.culture_strength
    values = ws.values[:n]
    values += rate * (world.culture_value - values)
    if cond.onboarding_months > 0:
        new = ws.tenure[:n] < cond.onboarding_months
        values[new] += p.onboarding_rate * (world.culture_value - values[new])
    ws.fit[:n] = 1.0 - np.abs(values - world.culture_value)
    target = float(np.mean(ws.fit[:n] * ws.commitment[:n]))
    strength = world.culture_strength + p.culture_adaptation * (target - world.culture_strength)
    strength += p.culture_gain * cond.culture_programme * (1.0 - strength)
    return float(np.clip(strength, 0.0, 1.0)), vision


# --- the psychology's part of phase 5 ---------------------------------------------------------------


def personal_events(
    ws: Workforce, p: Psychology, hardship_help: float, event_draw, exit_draw
) -> np.ndarray:
    """Personal events of the month (Lee & Mitchell 1994): each person has one with chance
    ``life_shock_rate``; it ends the job at once with chance ``life_exit_share * (1 - help_keeps *
    hardship_help)`` (path 1: a script, whatever the job), else it is a hardship that pushes toward
    the door for ``hardship_months``. Returns the rows who leave now (their drivers: personal)."""
    n = ws.n
    event = event_draw[:n] < p.life_shock_rate
    leave = event & (exit_draw[:n] < p.life_exit_share * (1.0 - p.help_keeps * hardship_help))
    ws.hardship[:n][event & ~leave] = p.hardship_months
    rows = np.flatnonzero(leave)
    ws.drivers[rows] = 0.0
    ws.drivers[rows, PERSONAL] = 1.0
    return rows


def witness_layoffs(ws: Workforce, p: Psychology, share_laid_off: float) -> None:
    """Layoff survivors lose security (Brockner et al. 1987): everyone still here adds
    ``survivor_fear * share laid off`` to a fear that fades with ``survivor_memory_months``."""
    if share_laid_off > 0:
        ws.layoff_fear[: ws.n] += p.survivor_fear * share_laid_off


def staying_away(ws: Workforce, rows, p: Psychology, trip_arranged: bool) -> np.ndarray:
    """The chance that someone home for a holiday break does not come back: they weigh up
    ``holiday_decision_months`` months of their realised quit propensity at once (``q * h``, with
    ``q`` the share of the hazard acted on before a contract ends), less the share
    ``arranged_return_effect`` when the firm takes them back together:
    ``1 - exp(-months * q * h)``."""
    months = p.holiday_decision_months * (1.0 - p.arranged_return_effect if trip_arranged else 1.0)
    return -np.expm1(-months * p.early_quit_factor * ws.hazard[rows])


def start_in_the_job(ws: Workforce, rows, p: Psychology, market_growth: float, inflation: float):
    """A new hire's first beliefs: the job will fit a little better than average (they just chose
    it), and raises will keep up with what the market pays."""
    ws.match_belief[rows] = p.newcomer_optimism
    ws.expected_raise[rows] = max(market_growth, inflation)
    ws.wage_growth[rows] = market_growth
