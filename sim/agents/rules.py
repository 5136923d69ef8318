"""Behaviour rules: pure functions of arrays, vectorised over the workforce.

Each function states its formula; docs/model.md gives the same formulas with the parameters'
defaults and sources. All inputs named ``x_*`` are perceived levels in [0, 1]. None of these
functions draws random numbers or touches the model: a test can call them on one person or on a
million.
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtr

from sim.agents.psychology import DRIVERS, HYGIENE, NEEDS
from sim.agents.stages import Stage

PHYSIOLOGICAL, SAFETY, BELONGING, ESTEEM, SELF_ACTUALIZATION = range(len(NEEDS))
DRIVER_INDEX = {name: i for i, name in enumerate(DRIVERS)}


def row_sum(matrix):
    """Sum of each row, adding the columns left to right: the same order, and so the same bits,
    for one row or a million (``ndarray.sum`` may pair terms differently by shape and layout)."""
    total = matrix[:, 0].copy()
    for k in range(1, matrix.shape[1]):
        total += matrix[:, k]
    return total


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


# --- pay perception ------------------------------------------------------------------------------


def pay_need_input(real_pay, subsistence, pay_span):
    """Physiological need input from real pay: ``clip(ln(p / subsistence) / ln(span), 0, 1)``.

    Concave (log) in pay, so the same raise matters less the more one earns.
    """
    ratio = np.maximum(real_pay, 1e-9) / subsistence
    return np.clip(np.log(ratio) / np.log(pay_span), 0.0, 1.0)


def raise_reaction(old_wage, new_wage, expected_raise, loss_aversion):
    """Felt reaction to a pay change, judged against the raise the employee expected.

    ``r = ln(new / old) - ln(1 + expected)``; reaction ``R = r`` if ``r >= 0`` else ``loss_aversion * r``
    (prospect theory). The source document's +500 a month: flattered at 1000, resentful at 10000.
    """
    r = np.log(np.asarray(new_wage, dtype=float) / np.asarray(old_wage, dtype=float)) - np.log1p(
        expected_raise
    )
    return np.where(r >= 0.0, r, loss_aversion * r)


# --- Maslow --------------------------------------------------------------------------------------


def prepotency_gates(needs, threshold, width):
    """Gate of each need level: ``G_1 = 1``, ``G_k = prod_{j<k} sigmoid((n_j - threshold) / width)``.

    Higher needs pull only when the lower ones are reasonably met. ``needs`` has shape (n, 5).
    """
    open_ = sigmoid((needs - threshold) / width)
    gates = np.ones_like(needs)
    np.cumprod(open_[:, :-1], axis=1, out=gates[:, 1:])
    return gates


def prepotency_gate(needs, level, threshold, width):
    """The gate of one need level, ``G_level`` of :func:`prepotency_gates` (the same numbers,
    multiplied in the same order), computing only the sigmoids of the levels below it."""
    open_ = sigmoid((needs[:, :level] - threshold) / width)
    gate = open_[:, 0].copy()
    for j in range(1, level):
        gate *= open_[:, j]
    return gate


def update_needs(needs, inputs, adaptation):
    """Needs move part-way to their momentary inputs: ``n += alpha * (x - n)``, kept in [0, 1]."""
    needs += adaptation * (inputs - needs)
    np.clip(needs, 0.0, 1.0, out=needs)
    return needs


def money_sensitivity(trait, n_physiological, n_safety, slope):
    """Weight on money: high while basic needs are unmet, ``trait * clip(1 + slope*(0.5 - mean(n1, n2)), 0.2, 2)``."""
    return trait * np.clip(1.0 + slope * (0.5 - 0.5 * (n_physiological + n_safety)), 0.2, 2.0)


# --- Herzberg ------------------------------------------------------------------------------------


def hygiene_dissatisfaction(factors, aspiration, weights):
    """Dissatisfaction from hygiene factors only: ``D = sum_h w_h * max(0, a - x_h) / a`` (w sums to 1).

    ``factors`` has shape (n, 6) in the order of ``HYGIENE``. Returns ``(D, parts)``: meeting a hygiene
    factor removes its part of dissatisfaction and never adds satisfaction.
    """
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()
    parts = np.maximum(aspiration - factors, 0.0) * (w / aspiration)
    return row_sum(parts), parts


def motivator_satisfaction(factors, weights):
    """Satisfaction from motivators only: ``S = sum_m w_m * x_m`` (w sums to 1), in [0, 1].

    ``factors`` has shape (n, 6) in the order of ``MOTIVATORS``.
    """
    w = np.asarray(weights, dtype=float)
    return np.clip(row_sum(factors * (w / w.sum())), 0.0, 1.0)


# --- Adams ---------------------------------------------------------------------------------------


def equity_internal(outcome, perceived_input, peer_ratio):
    """Internal equity: ``ln((O / I_own) / (O / I of the typical same-role peer))`` (the referent is the
    geometric mean of the peers' ratios); negative is under-reward."""
    return np.log(np.maximum(outcome, 1e-9) / np.maximum(perceived_input, 1e-9)) - np.log(
        peer_ratio
    )


def equity_external(outcome, market_pay):
    """External equity: ``ln(O / market pay for the role)``."""
    return np.log(np.maximum(outcome, 1e-9) / market_pay)


def felt_inequity(e_int, e_ext, raise_shock, procedural_justice, w_int, w_ext, pj_weight):
    """Felt under-reward, softened by procedural justice:

    ``iota = (w_int*max(0,-E_int) + w_ext*max(0,-E_ext) + max(0,-raise_shock)) * (1 - k_pj*PJ)``.
    Over-reward adds nothing lasting (Adams 1965: it is rationalised away).
    """
    raw = (
        w_int * np.maximum(-e_int, 0.0)
        + w_ext * np.maximum(-e_ext, 0.0)
        + np.maximum(-raise_shock, 0.0)
    )
    return raw * (1.0 - pj_weight * procedural_justice)


# --- effort, output ------------------------------------------------------------------------------


def target_effort(
    p, incentive, sensitivity, satisfaction, esteem_gate, inequity, dissatisfaction, pressure
):
    """``e* = e0 + k_inc*incentive*money_sens + k_S*S*G_esteem - k_iota*iota - k_D*D + k_press*pressure``,
    bounded to [effort_min, effort_max]."""
    target = (
        p.effort_base
        + p.effort_incentive * incentive * sensitivity
        + p.effort_satisfaction * satisfaction * esteem_gate
        - p.effort_inequity * inequity
        - p.effort_dissatisfaction * dissatisfaction
        + p.effort_pressure * pressure
    )
    return np.clip(target, p.effort_min, p.effort_max)


def skill_on_the_job(tenure, start, learning_months, training_boost=0.0):
    """Learning curve: ``skill = 1 - (1 - s0) * exp(-tenure / tau)``, plus training, capped at 1."""
    return np.minimum(1.0, 1.0 - (1.0 - start) * np.exp(-tenure / learning_months) + training_boost)


def output(ability, skill, effort, hours, defect_rate):
    """Good output in standard units: ``y = ability * skill * effort * hours * (1 - defect_rate)``."""
    return ability * skill * effort * hours * (1.0 - defect_rate)


# --- commitment, embeddedness, stages -------------------------------------------------------------


def commitment_target(satisfaction, dissatisfaction, fit, culture_strength, vision, p):
    """``c* = clip(0.5 + w_att*(S - D) + w_fit*(fit - 0.5)*2*C + w_vis*(V - 0.5), 0, 1)``."""
    target = (
        0.5
        + p.commitment_attitude_weight * (satisfaction - dissatisfaction)
        + p.commitment_fit_weight * (fit - 0.5) * 2.0 * culture_strength
        + p.commitment_vision_weight * (vision - 0.5)
    )
    return np.clip(target, 0.0, 1.0)


def embeddedness(links, fit, sacrifice, roots, p):
    """Job embeddedness (Mitchell et al. 2001): links, fit and sacrifice at work, and roots in the
    community: ``(w_l*links + w_f*fit + w_s*sacrifice + w_r*roots) / (sum of weights)``, in [0, 1]."""
    w = (
        p.embeddedness_links_weight
        + p.embeddedness_fit_weight
        + p.embeddedness_sacrifice_weight
        + p.roots_weight
    )
    return np.clip(
        (
            p.embeddedness_links_weight * links
            + p.embeddedness_fit_weight * fit
            + p.embeddedness_sacrifice_weight * sacrifice
            + p.roots_weight * roots
        )
        / w,
        0.0,
        1.0,
    )


def relationship_stage(stage, tenure, commitment, intent, p):
    """Stage from tenure, commitment and intention, with hysteresis on dissolution.

    cognition while ``tenure < cognition_months``; exploration until ``exploration_months``; then
    expansion, or commitment once ``commitment >= commitment_stage_level``; dissolution when
    ``intent >= non_renewal_intent``, left again only when ``intent < recovery_intent``.
    """
    new = np.where(
        tenure < p.cognition_months,
        Stage.COGNITION,
        np.where(
            tenure < p.exploration_months,
            Stage.EXPLORATION,
            np.where(commitment >= p.commitment_stage_level, Stage.COMMITMENT, Stage.EXPANSION),
        ),
    )
    dissolving = (intent >= p.non_renewal_intent) | (
        (stage == Stage.DISSOLUTION) & (intent >= p.recovery_intent)
    )
    return np.where(dissolving, Stage.DISSOLUTION, new)


# --- quitting ------------------------------------------------------------------------------------


def push_parts(
    hygiene_parts, needs, inequity, commitment, embedded, contagion, mismatch, hardship, p
):
    """What pushes a person to look for another job, split by driver (every part >= 0), shape
    (n, drivers). ``outside_option`` (the pull of an offer) is filled in by :func:`quit_hazard`.

    pay, security, supervision, conditions: ``b_D * D_h`` (conditions includes policy and
    administration); belonging: ``b_D * D_relations + b_M * (1 - n_3)``; esteem: ``b_M * (1 - n_4)``;
    growth: ``b_M * (1 - n_5)`` (the push of an unmet need is not gated by prepotency); equity:
    ``b_iota * iota``; commitment: ``b_C * (1 - commitment) + b_E * (1 - embeddedness)``;
    contagion: ``b_K * contagion``; fit: ``b_fit * mismatch`` (how much worse than an average job
    the person believes this one fits); personal: ``b_hard * hardship``.
    """
    n = needs.shape[0]
    parts = np.empty((n, len(DRIVERS)), order="F")  # filled column by column
    h = {name: i for i, name in enumerate(HYGIENE)}
    d = DRIVER_INDEX
    b_d, b_m = p.quit_hygiene, p.quit_motivator
    parts[:, d["pay"]] = b_d * hygiene_parts[:, h["pay"]]
    parts[:, d["security"]] = b_d * hygiene_parts[:, h["security"]]
    parts[:, d["supervision"]] = b_d * hygiene_parts[:, h["supervision"]]
    parts[:, d["conditions"]] = b_d * (
        hygiene_parts[:, h["conditions"]] + hygiene_parts[:, h["policy"]]
    )
    parts[:, d["belonging"]] = b_d * hygiene_parts[:, h["relations"]] + b_m * (
        1.0 - needs[:, BELONGING]
    )
    parts[:, d["esteem"]] = b_m * (1.0 - needs[:, ESTEEM])
    parts[:, d["growth"]] = b_m * (1.0 - needs[:, SELF_ACTUALIZATION])
    parts[:, d["equity"]] = p.quit_inequity * inequity
    parts[:, d["commitment"]] = p.quit_commitment * (1.0 - commitment) + p.quit_embeddedness * (
        1.0 - embedded
    )
    parts[:, d["outside_option"]] = 0.0
    parts[:, d["contagion"]] = p.quit_contagion * contagion
    parts[:, d["fit"]] = p.quit_mismatch * mismatch
    parts[:, d["personal"]] = p.quit_hardship * hardship
    return parts


def search_probability(push, tenure, threshold, settling_months):
    """Chance of searching this month: ``logistic(push - threshold) * (1 - exp(-tenure / settling))``.

    Bounded in [0, 1] however strong the push; a newcomer, who has just ended a search, starts
    looking again only gradually.
    """
    return sigmoid(push - threshold) * -np.expm1(-tenure / settling_months)


def offer_arrivals(search, offer_rate, unsolicited_rate, shortage, elasticity):
    """Offers a month: ``(search * r + (1 - search) * r_0) * (1 / (1 - shortage)) ** eta``.

    ``shortage`` is the share of the market's openings that its job seekers cannot fill (the
    source document's 缺口比率: 18.28% of Hangzhou's demand for migrant labour), so there are
    ``1 - shortage`` seekers for each opening where a balanced market has one, and the market's
    tightness (openings per seeker) is ``1 / (1 - shortage)`` times a balanced market's. A tight
    market brings more offers, to searchers and non-searchers alike (March & Simon's ease of
    movement), with the concave response of a matching function to tightness (Petrongolo &
    Pissarides 2001). The same reading sets the hiring side: a vacancy is filled at
    ``1 - shortage`` of a balanced market's rate (``LabourMarket.fill_probability``).
    """
    tightness = (1.0 - shortage) ** -elasticity
    return (search * offer_rate + (1.0 - search) * unsolicited_rate) * tightness


def acceptance(gap, sacrifice, p):
    """Chance an offer is worth the move: ``Phi((gap - mobility_cost - k_s * sacrifice) / spread)``,
    where ``gap`` is ln(offer / own income) and ``spread`` the dispersion of what outside jobs are
    worth (pay, amenities, the new match). Pay above the market holds people (efficiency wages:
    Shapiro & Stiglitz 1984) because it lowers the gap."""
    z = (gap - p.mobility_cost - p.sacrifice_attachment * sacrifice) / p.offer_value_spread
    return ndtr(z)


def quit_hazard(parts, arrivals, accepted, gap, spread):
    """Monthly quit hazard ``h = min(arrivals * accepted, 1)`` and intention ``1 - exp(-12 h)``.

    Returns ``(hazard, intent, shares)``, where ``shares`` is each driver's share of what drove the
    person out: the push toward searching (``parts``) and the pull of the offer,
    ``max(0, gap) / spread``, recorded as ``outside_option``: the "why they left" of the event log.
    """
    hazard = np.minimum(arrivals * accepted, 1.0)
    intent = -np.expm1(-12.0 * hazard)
    parts[:, DRIVER_INDEX["outside_option"]] = np.maximum(gap, 0.0) / spread
    total = row_sum(parts)
    shares = parts / np.maximum(total, 1e-12)[:, None]
    return hazard, intent, shares


def learn_fit(belief, match, noise, tenure, match_sd, signal_sd):
    """One month's experience of the job (Jovanovic 1979): the signal ``match + signal_sd * noise``
    moves the belief by the Bayesian gain of a normal prior of spread ``match_sd`` after
    ``tenure`` months: ``gain = (1 / s^2) / (1 / m^2 + (tenure + 1) / s^2)`` (the prior's mean,
    a newcomer's first belief, is set at hiring: ``psychology.newcomer_optimism``)."""
    precision = 1.0 / max(match_sd, 1e-9) ** 2 + (tenure + 1.0) / signal_sd**2
    gain = (1.0 / signal_sd**2) / precision
    return belief + gain * (match + signal_sd * noise - belief)


def expected_raise(expected, own_growth, market_growth, inflation, own_weight, months):
    """The raise a year people expect, moving toward what they see: ``e += (target - e) / months``
    with ``target = max(inflation, w * own growth + (1 - w) * market wage growth)``."""
    target = np.maximum(inflation, own_weight * own_growth + (1.0 - own_weight) * market_growth)
    return expected + (target - expected) / months


# --- clients -------------------------------------------------------------------------------------


def service_quality(effort, satisfaction, dissatisfaction):
    """Service a client gets (dual satisfaction): ``0.5*min(effort, 1.2)/1.2 + 0.5*(0.5 + 0.5*(S - D))``."""
    return 0.5 * np.minimum(effort, 1.2) / 1.2 + 0.5 * (
        0.5 + 0.5 * (satisfaction - dissatisfaction)
    )


def client_churn(service, base_churn, sensitivity):
    """Monthly churn of a client: ``base * exp(k * (0.5 - service))``, capped at 1."""
    return np.minimum(base_churn * np.exp(sensitivity * (0.5 - service)), 1.0)
