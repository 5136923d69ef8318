"""The behaviour rules one at a time: each mechanism's direction and bounds.

The rules in sim/agents/rules.py are pure functions of arrays, so these tests call them directly on
a handful of people with the documented defaults (sim/agents/psychology.py).
"""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sim.agents import rules
from sim.agents.psychology import DRIVERS, HYGIENE, MOTIVATORS, NEEDS, Psychology
from sim.org.clients import pareto_shape
from sim.org.finance import Finance

P = Psychology()
HYGIENE_WEIGHTS = [getattr(P, f"weight_hygiene_{h}") for h in HYGIENE]
MOTIVATOR_WEIGHTS = [getattr(P, f"weight_motivator_{m}") for m in MOTIVATORS]
# what people expect where wages have grown about 12% a year (a learned belief, here held fixed)
EXPECTED_RAISE = 0.12
BASE_PAYS = (1000.0, 2000.0, 3000.0, 5000.0, 10000.0)  # the source document's ladder

unit = st.floats(0.0, 1.0, allow_nan=False)


def unit_matrix(columns: int):
    return arrays(np.float64, st.tuples(st.integers(1, 8), st.just(columns)), elements=unit)


# --- pay perception: the source document's raise of 500 a month --------------------------------


def raise_of_500(base_pay: float) -> float:
    return float(rules.raise_reaction(base_pay, base_pay + 500.0, EXPECTED_RAISE, P.loss_aversion))


def test_raise_of_500_matters_less_the_higher_the_base_pay():
    reactions = [raise_of_500(w) for w in BASE_PAYS]
    assert all(a > b for a, b in zip(reactions, reactions[1:], strict=False)), reactions


def test_raise_of_500_flatters_at_1000_per_month():
    assert raise_of_500(1000.0) > 0.2


def test_raise_of_500_fairly_satisfies_at_2000_per_month():
    assert 0.05 < raise_of_500(2000.0) < raise_of_500(1000.0)


def test_raise_of_500_feels_like_nothing_special_at_3000_per_month():
    assert abs(raise_of_500(3000.0)) < 0.06


def test_raise_of_500_dissatisfies_at_5000_per_month():
    assert raise_of_500(5000.0) < 0.0


def test_raise_of_500_backfires_at_10000_per_month():
    assert raise_of_500(10000.0) < raise_of_500(5000.0) < 0.0
    assert raise_of_500(10000.0) < -0.1


def test_a_pay_cut_weighs_more_than_an_equal_surplus_over_expectation():
    expected = 0.1
    surplus = rules.raise_reaction(100.0, 100.0 * 1.1 * np.exp(0.05), expected, P.loss_aversion)
    shortfall = rules.raise_reaction(100.0, 100.0 * 1.1 * np.exp(-0.05), expected, P.loss_aversion)
    assert surplus == pytest.approx(0.05)
    assert shortfall == pytest.approx(-P.loss_aversion * 0.05)


def test_pay_need_is_concave_in_pay_and_within_bounds():
    pay = np.array([500.0, 800.0, 1600.0, 2400.0, 3200.0, 6400.0])
    need = rules.pay_need_input(pay, 800.0, P.pay_span)
    assert need[0] == 0.0 and need[1] == 0.0  # at or below subsistence: nothing met
    assert need[-1] == 1.0  # at pay_span x subsistence and beyond: fully met
    # concave: equal steps of pay add less and less
    steps = np.diff(rules.pay_need_input(np.array([1000.0, 1500.0, 2000.0, 2500.0]), 800.0, 4.0))
    assert np.all(steps > 0) and np.all(np.diff(steps) < 0)


def test_pay_need_survives_zero_pay():
    assert rules.pay_need_input(np.array([0.0]), 800.0, P.pay_span)[0] == 0.0


# --- Maslow ---------------------------------------------------------------------------------


def test_physiological_need_is_never_gated():
    needs = np.zeros((1, len(NEEDS)))
    assert rules.prepotency_gates(needs, P.gate_threshold, P.gate_width)[0, 0] == 1.0


def test_higher_needs_pull_only_when_lower_ones_are_met():
    met = np.full((1, 5), 0.9)
    unmet_base = met.copy()
    unmet_base[0, 0] = 0.1  # a hungry person
    g_met = rules.prepotency_gates(met, P.gate_threshold, P.gate_width)[0]
    g_unmet = rules.prepotency_gates(unmet_base, P.gate_threshold, P.gate_width)[0]
    assert np.all(g_met[1:] > 0.99)
    assert np.all(g_unmet[1:] < 0.05)


def test_gates_close_from_the_bottom_up():
    needs = np.array([[0.9, 0.2, 0.9, 0.9, 0.9]])  # safety unmet
    gates = rules.prepotency_gates(needs, P.gate_threshold, P.gate_width)[0]
    assert gates[1] > 0.99  # safety itself still pulls
    assert np.all(gates[2:] < 0.1)  # belonging and above do not


@settings(max_examples=60, deadline=None)
@given(unit_matrix(5))
def test_gates_are_within_bounds_and_never_rise_up_the_hierarchy(needs):
    gates = rules.prepotency_gates(needs, P.gate_threshold, P.gate_width)
    assert np.all((gates >= 0.0) & (gates <= 1.0))
    assert np.all(np.diff(gates, axis=1) <= 1e-15)


@settings(max_examples=60, deadline=None)
@given(unit_matrix(5), unit_matrix(5), st.floats(0.01, 1.0))
def test_needs_move_toward_their_inputs_and_stay_in_bounds(needs, inputs, alpha):
    k = min(needs.shape[0], inputs.shape[0])
    before, x = needs[:k].copy(), inputs[:k]
    after = rules.update_needs(before.copy(), x, alpha)
    assert np.all((after >= 0.0) & (after <= 1.0))
    assert np.all(np.abs(x - after) <= np.abs(x - before) + 1e-12)


def test_money_matters_more_while_basic_needs_are_unmet():
    hungry = rules.money_sensitivity(1.0, 0.1, 0.1, P.money_need_slope)
    comfortable = rules.money_sensitivity(1.0, 0.9, 0.9, P.money_need_slope)
    assert hungry > 1.0 > comfortable
    assert rules.money_sensitivity(2.0, 0.5, 0.5, P.money_need_slope) == pytest.approx(2.0)


# --- Herzberg -------------------------------------------------------------------------------


def test_hygiene_factors_at_aspiration_leave_no_dissatisfaction():
    factors = np.full((1, len(HYGIENE)), P.hygiene_aspiration)
    d, parts = rules.hygiene_dissatisfaction(factors, P.hygiene_aspiration, HYGIENE_WEIGHTS)
    assert d[0] == 0.0 and np.all(parts == 0.0)


def test_hygiene_factors_at_zero_give_full_dissatisfaction():
    d, _ = rules.hygiene_dissatisfaction(
        np.zeros((1, len(HYGIENE))), P.hygiene_aspiration, HYGIENE_WEIGHTS
    )
    assert d[0] == pytest.approx(1.0)


def test_meeting_hygiene_factors_beyond_aspiration_adds_nothing():
    met = np.full((1, 6), P.hygiene_aspiration)
    lavish = np.ones((1, 6))
    d_met, _ = rules.hygiene_dissatisfaction(met, P.hygiene_aspiration, HYGIENE_WEIGHTS)
    d_lavish, _ = rules.hygiene_dissatisfaction(lavish, P.hygiene_aspiration, HYGIENE_WEIGHTS)
    assert d_met[0] == d_lavish[0] == 0.0


@settings(max_examples=60, deadline=None)
@given(unit_matrix(6), st.integers(0, 5), st.floats(0.0, 1.0))
def test_dissatisfaction_is_bounded_and_falls_as_any_hygiene_factor_improves(factors, h, gain):
    d, parts = rules.hygiene_dissatisfaction(factors, P.hygiene_aspiration, HYGIENE_WEIGHTS)
    assert np.all((d >= 0.0) & (d <= 1.0 + 1e-12))
    assert np.allclose(parts.sum(axis=1), d)
    better = factors.copy()
    better[:, h] = np.minimum(1.0, better[:, h] + gain)
    d_better, _ = rules.hygiene_dissatisfaction(better, P.hygiene_aspiration, HYGIENE_WEIGHTS)
    assert np.all(d_better <= d + 1e-12)


@settings(max_examples=60, deadline=None)
@given(unit_matrix(6), st.integers(0, 5), st.floats(0.0, 1.0))
def test_satisfaction_is_bounded_and_rises_with_any_motivator(factors, m, gain):
    s = rules.motivator_satisfaction(factors, MOTIVATOR_WEIGHTS)
    assert np.all((s >= 0.0) & (s <= 1.0))
    better = factors.copy()
    better[:, m] = np.minimum(1.0, better[:, m] + gain)
    assert np.all(rules.motivator_satisfaction(better, MOTIVATOR_WEIGHTS) >= s - 1e-12)


def test_satisfaction_reads_motivators_only():
    """Herzberg: the satisfaction scale has no hygiene input at all (its signature says so)."""
    import inspect

    assert list(inspect.signature(rules.motivator_satisfaction).parameters) == [
        "factors",
        "weights",
    ]
    full = rules.motivator_satisfaction(np.ones((1, len(MOTIVATORS))), MOTIVATOR_WEIGHTS)
    assert full[0] == pytest.approx(1.0)


# --- Adams ----------------------------------------------------------------------------------


def test_equity_is_zero_when_own_ratio_equals_peers_and_negative_below():
    assert rules.equity_internal(np.array([100.0]), np.array([2.0]), 50.0)[0] == 0.0
    assert rules.equity_internal(np.array([80.0]), np.array([2.0]), 50.0)[0] < 0.0
    assert rules.equity_external(np.array([3000.0]), 3000.0)[0] == 0.0
    assert rules.equity_external(np.array([2400.0]), 3000.0)[0] < 0.0


def test_over_reward_adds_no_felt_inequity():
    iota = rules.felt_inequity(0.3, 0.2, 0.5, 0.0, 0.5, 0.5, P.procedural_justice_weight)
    assert iota == 0.0


def test_under_reward_is_felt_and_procedural_justice_softens_it():
    args = (-0.2, -0.3, -0.1)
    unfair = rules.felt_inequity(*args, 0.0, 0.5, 0.5, P.procedural_justice_weight)
    fair = rules.felt_inequity(*args, 1.0, 0.5, 0.5, P.procedural_justice_weight)
    assert unfair == pytest.approx(0.5 * 0.2 + 0.5 * 0.3 + 0.1)
    assert 0.0 < fair < unfair
    assert fair == pytest.approx(unfair * (1.0 - P.procedural_justice_weight))


# --- effort, skill, output ------------------------------------------------------------------


def effort(**kw):
    base = dict(
        incentive=0.1,
        sensitivity=1.0,
        satisfaction=0.5,
        esteem_gate=1.0,
        inequity=0.0,
        dissatisfaction=0.0,
        pressure=0.0,
    )
    base.update(kw)
    return float(
        rules.target_effort(
            P,
            base["incentive"],
            base["sensitivity"],
            base["satisfaction"],
            base["esteem_gate"],
            base["inequity"],
            base["dissatisfaction"],
            base["pressure"],
        )
    )


def test_effort_rises_with_incentive_strength_piece_rate_over_salary():
    assert effort(incentive=1.0) > effort(incentive=0.5) > effort(incentive=0.1)


def test_incentive_works_through_money_sensitivity():
    gain_hungry = effort(incentive=1.0, sensitivity=1.5) - effort(incentive=0.1, sensitivity=1.5)
    gain_comfortable = effort(incentive=1.0, sensitivity=0.5) - effort(
        incentive=0.1, sensitivity=0.5
    )
    assert gain_hungry > gain_comfortable > 0.0


def test_effort_falls_with_inequity_and_dissatisfaction_and_rises_with_pressure():
    assert effort(inequity=0.3) < effort()
    assert effort(dissatisfaction=0.5) < effort()
    assert effort(pressure=1.0) > effort()


def test_satisfaction_drives_effort_only_through_an_open_esteem_gate():
    assert effort(satisfaction=1.0, esteem_gate=1.0) > effort(satisfaction=0.0, esteem_gate=1.0)
    assert effort(satisfaction=1.0, esteem_gate=0.0) == effort(satisfaction=0.0, esteem_gate=0.0)


def test_effort_stays_within_its_bounds():
    assert effort(inequity=10.0, dissatisfaction=1.0) == P.effort_min
    assert effort(incentive=1.0, sensitivity=2.0, satisfaction=1.0, pressure=1.0) <= P.effort_max


def test_skill_grows_with_tenure_toward_one():
    tenure = np.array([0.0, 6.0, 24.0, 240.0])
    skill = rules.skill_on_the_job(tenure, P.skill_start, P.skill_learning_months)
    assert skill[0] == pytest.approx(P.skill_start)
    assert np.all(np.diff(skill) > 0) and skill[-1] <= 1.0
    assert rules.skill_on_the_job(np.array([240.0]), 0.6, 18.0, 0.5)[0] == 1.0


def test_defects_reduce_good_output():
    good = rules.output(1.0, 1.0, 1.0, 1.0, 0.0)
    assert good == 1.0
    assert rules.output(1.0, 1.0, 1.0, 1.0, 0.2) == pytest.approx(0.8)


# --- commitment, embeddedness, stages -------------------------------------------------------


def test_commitment_target_rises_with_attitude_fit_and_vision_and_stays_in_bounds():
    base = rules.commitment_target(0.5, 0.0, 0.5, 0.5, 0.5, P)
    assert rules.commitment_target(0.9, 0.0, 0.5, 0.5, 0.5, P) > base
    assert rules.commitment_target(0.5, 0.4, 0.5, 0.5, 0.5, P) < base
    assert rules.commitment_target(0.5, 0.0, 0.9, 0.5, 0.5, P) > base
    assert rules.commitment_target(0.5, 0.0, 0.5, 0.5, 0.9, P) > base
    extremes = rules.commitment_target(np.array([1.0, 0.0]), np.array([0.0, 1.0]), 1.0, 1.0, 1.0, P)
    assert np.all((extremes >= 0.0) & (extremes <= 1.0))


def test_fit_adds_to_commitment_only_where_there_is_a_culture():
    assert rules.commitment_target(0.5, 0.0, 1.0, 0.0, 0.5, P) == rules.commitment_target(
        0.5, 0.0, 0.0, 0.0, 0.5, P
    )


@settings(max_examples=60, deadline=None)
@given(unit, unit, unit)
def test_embeddedness_is_a_weighted_mean_of_links_fit_sacrifice_and_roots(links, fit, sacrifice):
    roots = 0.5
    e = float(rules.embeddedness(links, fit, sacrifice, roots, P))
    low, high = min(links, fit, sacrifice, roots), max(links, fit, sacrifice, roots)
    assert low - 1e-12 <= e <= high + 1e-12


def test_stages_progress_with_tenure():
    tenure = np.array([0.0, 2.0, 3.0, 11.0, 12.0, 12.0, 40.0])
    commitment = np.array([0.9, 0.9, 0.9, 0.9, 0.5, 0.7, 0.7])
    stage = rules.relationship_stage(np.zeros(7, dtype=int), tenure, commitment, np.zeros(7), P)
    assert stage.tolist() == [0, 0, 1, 1, 2, 3, 3]


def test_dissolution_has_hysteresis():
    stage = np.array([3, 4, 4])
    intent = np.array([P.non_renewal_intent, P.recovery_intent + 0.01, P.recovery_intent - 0.01])
    new = rules.relationship_stage(stage, np.full(3, 40.0), np.full(3, 0.7), intent, P)
    assert new.tolist() == [4, 4, 3]


# --- quitting: search, offers and the decision --------------------------------------------------


def push(**kw):
    n = 1
    args = dict(
        hygiene_parts=np.zeros((n, len(HYGIENE))),
        needs=np.full((n, 5), 0.7),
        inequity=np.zeros(n),
        commitment=np.full(n, 0.6),
        embedded=np.full(n, 0.5),
        contagion=np.zeros(n),
        mismatch=np.zeros(n),
        hardship=np.zeros(n),
    )
    args.update(kw)
    return rules.push_parts(**args, p=P)


def hazard_of(gap=0.0, sacrifice=0.3, shortage=0.0, tenure=24.0, **kw):
    parts = push(**kw)
    search = rules.search_probability(
        rules.row_sum(parts), np.array([tenure]), P.search_threshold, P.settling_months
    )
    arrivals = rules.offer_arrivals(
        search,
        P.offer_rate,
        P.unsolicited_offer_rate,
        shortage,
        P.offer_tightness_elasticity,
    )
    accepted = rules.acceptance(np.array([gap]), np.array([sacrifice]), P)
    hazard, _, _ = rules.quit_hazard(
        parts, arrivals, accepted, np.array([gap]), P.offer_value_spread
    )
    return float(hazard[0])


def test_every_push_toward_the_door_raises_the_hazard():
    base = hazard_of()
    assert hazard_of(hygiene_parts=np.full((1, 6), 0.1)) > base
    assert hazard_of(inequity=np.array([0.3])) > base
    assert hazard_of(commitment=np.array([0.2])) > base
    assert hazard_of(embedded=np.array([0.1])) > base
    assert hazard_of(contagion=np.array([0.5])) > base
    assert hazard_of(needs=np.full((1, 5), 0.2)) > base
    assert hazard_of(mismatch=np.array([0.1])) > base
    assert hazard_of(hardship=np.array([1.0])) > base


def test_a_better_offer_raises_the_hazard_and_what_leaving_costs_lowers_it():
    assert hazard_of(gap=0.3) > hazard_of(gap=0.0) > hazard_of(gap=-0.3)
    assert hazard_of(sacrifice=0.8) < hazard_of(sacrifice=0.1)


def test_pay_above_the_market_holds_people():
    """Efficiency wages: the further own pay is above what offers are worth, the fewer leave. How
    much fewer is calibrated (the separation elasticity to pay, -1.5 to -0.2): at the calibrated
    spread of offers' worth, 50 log points above the market cut the hazard by more than a quarter."""
    gaps = np.linspace(-1.0, 0.5, 7)
    hazards = [hazard_of(gap=g) for g in gaps]
    assert np.all(np.diff(hazards) > 0)
    assert hazard_of(gap=-0.5) < 0.75 * hazard_of(gap=0.0)


def test_unmet_needs_push_whatever_the_gates():
    """A threatened lower need must never lower the hazard: the push of unmet needs takes no
    prepotency gates at all (closing them once made low safety *lower* the hazard)."""
    assert "gates" not in inspect.signature(rules.push_parts).parameters
    assert hazard_of(needs=np.full((1, 5), 0.2)) > hazard_of(needs=np.full((1, 5), 0.9))


def test_quit_drivers_are_named_and_non_negative():
    parts = push(
        hygiene_parts=np.full((1, 6), 0.05),
        inequity=np.array([0.2]),
        contagion=np.array([0.1]),
        mismatch=np.array([0.05]),
    )
    assert parts.shape == (1, len(DRIVERS))
    assert np.all(parts >= 0.0)


def test_no_push_however_strong_makes_the_hazard_exceed_the_offer_rate():
    """The quit process is bounded: a month's quits never exceed the offers that arrive, so no
    push, however strong, makes an ordinary firm tip over."""
    extreme = hazard_of(
        gap=1.0,
        sacrifice=0.0,
        hygiene_parts=np.full((1, 6), 1.0),
        inequity=np.array([5.0]),
        contagion=np.array([10.0]),
        needs=np.zeros((1, 5)),
    )
    assert extreme <= P.offer_rate * (1.0 + 0.0) + 1e-12


def test_a_newcomer_does_not_search_in_the_first_month():
    assert hazard_of(tenure=0.0) < hazard_of(tenure=0.0 + 12.0)
    search = rules.search_probability(np.array([10.0]), np.array([0.0]), 3.0, 1.5)
    assert search[0] == 0.0


@settings(max_examples=60, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 8), st.just(len(DRIVERS))),
        elements=st.one_of(st.just(0.0), st.floats(1e-6, 5.0)),
    ),
    st.floats(0.0, 2.0),
    st.floats(0.0, 1.0),
    st.floats(-2.0, 2.0),
)
def test_hazard_intent_and_driver_shares_are_within_bounds(parts, arrivals, accepted, gap):
    n = parts.shape[0]
    hazard, intent, shares = rules.quit_hazard(
        parts.copy(), np.full(n, arrivals), np.full(n, accepted), np.full(n, gap), 0.6
    )
    assert np.all((hazard >= 0.0) & (hazard <= 1.0))
    assert np.all((intent >= 0.0) & (intent <= 1.0))
    assert np.all(shares >= 0.0)
    assert np.allclose(intent, 1.0 - np.exp(-12.0 * hazard))


def test_a_tight_labour_market_brings_more_offers_to_searchers_and_others():
    calm = hazard_of(shortage=0.0)
    tight = hazard_of(shortage=0.3)
    # 0.7 seekers per opening: tightness 1 / 0.7 of a balanced market's
    assert tight == pytest.approx(calm * (1.0 / 0.7) ** P.offer_tightness_elasticity)


def test_offers_rise_with_tightness_at_a_falling_rate():
    """A matching function: each doubling of openings per seeker brings fewer extra offers."""
    tightness = np.array([1.0, 2.0, 4.0, 8.0])
    rates = [hazard_of(shortage=1.0 - 1.0 / t) for t in tightness]
    steps = np.diff(rates) / np.diff(tightness)
    assert (np.diff(rates) > 0).all() and (np.diff(steps) < 0).all()


def test_fit_is_learnt_and_the_belief_converges_to_the_truth():
    rng = np.random.default_rng(1)
    match = np.full(2000, -0.2)
    belief = np.full(2000, P.newcomer_optimism)
    for month in range(60):
        belief = rules.learn_fit(
            belief, match, rng.standard_normal(2000), month, P.match_sd, P.match_signal_sd
        )
    assert abs(belief.mean() - (-0.2)) < 0.03
    # the first month moves the belief by the Bayesian gain m^2 / (m^2 + s^2) of the way: little
    # when a month's experience is noisy, most of the way when it is clear (the calibrated
    # match_signal_sd sits near its prior's lower edge, so fit is learnt within a few months)
    for signal_sd in (1.0, P.match_signal_sd):
        early = rules.learn_fit(
            np.full(2000, P.newcomer_optimism),
            match,
            rng.standard_normal(2000),
            0,
            P.match_sd,
            signal_sd,
        )
        gain = P.match_sd**2 / (P.match_sd**2 + signal_sd**2)
        expected = P.newcomer_optimism + gain * (-0.2 - P.newcomer_optimism)
        assert early.mean() == pytest.approx(expected, abs=3 * signal_sd * gain / np.sqrt(2000))
    noisy = rules.learn_fit(np.zeros(1), np.full(1, -0.2), np.zeros(1), 0, 0.3, 1.0)
    assert abs(noisy[0]) < 0.05  # with noisy months, one month tells little


def test_the_raise_people_expect_follows_what_they_see_and_keeps_up_with_prices():
    e = np.array([0.0])
    for _ in range(120):
        e = rules.expected_raise(e, np.array([0.0]), 0.14, 0.03, 0.5, 12.0)
    assert e[0] == pytest.approx(0.07, abs=1e-3)
    e = rules.expected_raise(np.array([0.0]), np.array([0.0]), 0.0, 0.05, 0.5, 1.0)
    assert e[0] == pytest.approx(0.05)  # at least the cost of living


# --- clients --------------------------------------------------------------------------------


def test_better_service_keeps_clients():
    low = rules.service_quality(0.5, 0.2, 0.5)
    high = rules.service_quality(1.2, 0.8, 0.0)
    assert 0.0 <= low < high <= 1.0
    assert rules.client_churn(high, 0.01, P.service_churn_sensitivity) < rules.client_churn(
        low, 0.01, P.service_churn_sensitivity
    )
    assert rules.client_churn(0.5, 0.01, P.service_churn_sensitivity) == pytest.approx(0.01)
    assert rules.client_churn(-10.0, 0.5, 10.0) == 1.0


@pytest.mark.parametrize("top_share", [0.5, 0.6, 0.8, 0.9])
def test_pareto_shape_gives_the_top_fifth_the_asked_share(top_share):
    a = pareto_shape(top_share)
    assert 0.2 ** (1.0 - 1.0 / a) == pytest.approx(top_share)


# --- money ----------------------------------------------------------------------------------


def test_wages_are_paid_in_full_while_cash_lasts():
    finance = Finance(cash=1000.0, owner_budget=0.0)
    finance.open_month()
    finance.month.revenue = 500.0
    assert finance.pay_share(1200.0) == 1.0
    assert finance.cash == pytest.approx(300.0)
    assert finance.arrears_fraction == 0.0


def test_owner_subsidy_covers_a_shortfall_before_arrears():
    finance = Finance(cash=0.0, owner_budget=300.0)
    finance.open_month()
    finance.month.revenue = 500.0
    share = finance.pay_share(1000.0)
    assert finance.month.subsidy == 300.0
    assert share == pytest.approx(0.8)
    assert finance.month.arrears == pytest.approx(200.0)
    assert finance.arrears_fraction == pytest.approx(0.2)
    assert finance.owner_budget == 0.0
    assert finance.cash == pytest.approx(0.0)


def test_one_gate_is_the_same_number_as_that_column_of_all_gates():
    rng = np.random.default_rng(4)
    needs = rng.random((257, 5))
    every = rules.prepotency_gates(needs, P.gate_threshold, P.gate_width)
    for level in range(1, 5):
        one = rules.prepotency_gate(needs, level, P.gate_threshold, P.gate_width)
        assert np.array_equal(one, every[:, level])
