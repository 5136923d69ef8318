"""Behaviour rules: pure functions of arrays, vectorised over the workforce.

Each function states its formula; docs/model.md gives the same formulas with the parameters'
defaults and sources. All inputs named ``x_*`` are perceived levels in [0, 1]. None of these
functions draws random numbers or touches the model: a test can call them on one person or on a
million.
"""

from __future__ import annotations

import numpy as np

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


def embeddedness(links, fit, sacrifice, p):
    """Job embeddedness (Mitchell et al. 2001): ``w_l*links + w_f*fit + w_s*sacrifice``, in [0, 1]."""
    w = p.embeddedness_links_weight + p.embeddedness_fit_weight + p.embeddedness_sacrifice_weight
    return np.clip(
        (
            p.embeddedness_links_weight * links
            + p.embeddedness_fit_weight * fit
            + p.embeddedness_sacrifice_weight * sacrifice
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


def pay_retention(outside, weight, floor=-1.0):
    """Hold of pay above the best outside offer: ``weight * clip(outside, floor, 0)`` (<= 0).

    The mirror of the outside-option driver: an offer below own pay lowers the hazard, up to pay
    ``e`` times the offer (efficiency wages: Shapiro & Stiglitz 1984; Akerlof & Yellen 1990).
    """
    return weight * np.clip(outside, floor, 0.0)


def quit_predictor(hygiene_parts, needs, inequity, commitment, embedded, outside, contagion, p):
    """The quit hazard's linear predictor, split by driver (every part >= 0), shape (n, drivers).

    pay, security, supervision, conditions: ``b_D * D_h`` (conditions includes policy/administration);
    belonging: ``b_D * D_relations + b_M * (1 - n_3)``; esteem: ``b_M * (1 - n_4)``;
    growth: ``b_M * (1 - n_5)``; equity: ``b_iota * iota`` (the push of unmet needs is not gated
    by prepotency);
    commitment: ``b_C * (1 - commitment) + b_E * (1 - embeddedness)``;
    outside option: ``b_alt * max(0, outside)``; contagion: ``b_K * contagion``.
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
    # every unmet need pushes toward the door, whatever the state of the lower ones: gating the push
    # by prepotency would make a threatened safety need *lower* the hazard (by closing the higher
    # needs' gates); prepotency acts on what motivates effort instead
    parts[:, d["belonging"]] = b_d * hygiene_parts[:, h["relations"]] + b_m * (
        1.0 - needs[:, BELONGING]
    )
    parts[:, d["esteem"]] = b_m * (1.0 - needs[:, ESTEEM])
    parts[:, d["growth"]] = b_m * (1.0 - needs[:, SELF_ACTUALIZATION])
    parts[:, d["equity"]] = p.quit_inequity * inequity
    parts[:, d["commitment"]] = p.quit_commitment * (1.0 - commitment) + p.quit_embeddedness * (
        1.0 - embedded
    )
    parts[:, d["outside_option"]] = p.quit_outside_option * np.maximum(outside, 0.0)
    parts[:, d["contagion"]] = p.quit_contagion * contagion
    return parts


def quit_hazard(parts, base_hazard, market_multiplier, retention=0.0):
    """Monthly hazard ``h = h0 * LM * exp(sum of parts + retention)``, capped at 1; intention
    ``1 - exp(-12 h)``.

    ``retention`` (<= 0) is what holds people beyond the absence of push: pay above what the market
    would offer them (efficiency wages). Returns ``(hazard, intent, shares)``, where ``shares`` is
    each driver's share of the positive predictor: the "why they left" of the event log.
    """
    total = row_sum(parts)
    hazard = np.minimum(base_hazard * market_multiplier * np.exp(total + retention), 1.0)
    intent = -np.expm1(-12.0 * hazard)
    shares = parts / np.maximum(total, 1e-12)[:, None]
    return hazard, intent, shares


# --- clients -------------------------------------------------------------------------------------


def service_quality(effort, satisfaction, dissatisfaction):
    """Service a client gets (dual satisfaction): ``0.5*min(effort, 1.2)/1.2 + 0.5*(0.5 + 0.5*(S - D))``."""
    return 0.5 * np.minimum(effort, 1.2) / 1.2 + 0.5 * (
        0.5 + 0.5 * (satisfaction - dissatisfaction)
    )


def client_churn(service, base_churn, sensitivity):
    """Monthly churn of a client: ``base * exp(k * (0.5 - service))``, capped at 1."""
    return np.minimum(base_churn * np.exp(sensitivity * (0.5 - service)), 1.0)
