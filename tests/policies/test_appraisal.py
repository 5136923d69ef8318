"""Appraisal and bottom-ranking elimination move security, stress, justice and dismissals the way
the source document says (its three rules: retrain first, not too often, be transparent).

Each direction is a paired comparison over 20 seeds of the baseline firm; see harness.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.model import OrgModel

from .harness import (
    SEEDS,
    arm,
    expect_higher,
    expect_lower,
    logged,
    metric_mean,
    metric_total,
    policy,
    producers,
    report,
    run,
    scenario_of,
    survives_the_timeline,
)

NONE = arm()


def appraisal(**params):
    return arm(policy("appraisal", **params))


def ranking(**params):
    return arm(policy("bottom_ranking", **params))


# --- appraisal -----------------------------------------------------------------------------------


def test_monthly_appraisal_gives_a_lower_safety_need_than_yearly():
    expect_lower(
        "monthly vs yearly appraisal",
        appraisal(frequency="monthly"),
        appraisal(frequency="yearly"),
        metric_mean("need_safety", 6, 36),
    )


@pytest.mark.slow
def test_frequent_appraisal_adds_stress():
    expect_higher(
        "monthly vs yearly appraisal",
        appraisal(frequency="monthly"),
        appraisal(frequency="yearly"),
        metric_mean("mean_dissatisfaction", 6, 36),
    )


@pytest.mark.slow
def test_accurate_transparent_appraisal_lowers_felt_inequity():
    fair = appraisal(accuracy=0.95)
    opaque = appraisal(
        accuracy=0.2, transparent_criteria=False, transparent_method=False, transparent_result=False
    )
    expect_lower("fair vs opaque appraisal", fair, opaque, metric_mean("mean_inequity", 3, 36))


@pytest.mark.slow
def test_appraisal_scores_follow_performance_more_closely_when_accurate():
    def correlation(model: OrgModel) -> float:
        ws, rows = model.workforce, producers(model)
        rated = rows[np.isfinite(ws.appraisal[rows])]
        per_hour = ws.ability[rated] * ws.skill[rated] * ws.effort[rated]
        return float(np.corrcoef(np.log(per_hour), ws.appraisal[rated])[0, 1])

    expect_higher(
        "appraisal accuracy 0.9 vs 0.1",
        appraisal(frequency="quarterly", accuracy=0.9),
        appraisal(frequency="quarterly", accuracy=0.1),
        correlation,
    )


def test_appraisal_and_bottom_ranking_cannot_both_be_in_force():
    key = arm("appraisal", "bottom_ranking", since_founding=True)
    with pytest.raises(ValueError, match="use one of the two"):
        OrgModel(scenario_of(key), seed=0)


# --- bottom-ranking elimination ------------------------------------------------------------------


@pytest.mark.slow
def test_bottom_ranking_dismisses_the_bottom_tenth_each_cycle_and_lowers_security():
    plain = ranking(bottom_share=0.1, frequency="half_yearly")
    p = expect_higher("bottom 10% vs none", plain, NONE, metric_total("dismissals", 1, 36))
    staff = 180  # production, sales and engineering
    report("dismissals per half-yearly cycle (expected about 10% of the staff)", p.a.mean() / 6)
    assert 0.06 * staff < p.a.mean() / 6 < 0.11 * staff
    expect_lower("bottom 10% vs none", plain, NONE, metric_mean("need_safety", 3, 36))


def _mean_producer_ability(model: OrgModel) -> float:
    return float(model.workforce.ability[producers(model)].mean())


@pytest.mark.slow
def test_bottom_ranking_weeds_out_the_less_able():
    expect_higher("bottom 10% vs none", ranking(accuracy=0.9), NONE, _mean_producer_ability)


def test_retraining_before_dismissal_gives_fewer_dismissals_and_less_loss_of_security():
    retrain, plain = ranking(retrain_first=True), ranking(retrain_first=False)
    expect_lower("retrain first vs plain", retrain, plain, metric_total("dismissals", 1, 36))
    expect_higher("retrain first vs plain", retrain, plain, metric_mean("need_safety", 3, 36))


def test_retraining_before_dismissal_gives_fewer_quits():
    retrain, plain = ranking(retrain_first=True), ranking(retrain_first=False)
    expect_lower("retrain first vs plain", retrain, plain, metric_total("quits", 1, 36))


@pytest.mark.slow
def test_some_but_not_all_of_the_retrained_pass_their_reappraisal():
    key = ranking(retrain_first=True, retraining_skill_gain=0.2)
    passed = []
    for seed in SEEDS:
        events = logged(run(key, seed), "retraining_reappraised")
        passed.append(1.0 - events["dismissed"].sum() / max(events["retrained"].sum(), 1))
    report("share of the retrained kept after re-appraisal", round(float(np.mean(passed)), 3))
    assert 0.2 < np.mean(passed) < 0.95


@pytest.mark.slow
def test_monthly_bottom_ranking_threatens_safety_more_than_yearly():
    monthly, yearly = ranking(frequency="monthly"), ranking(frequency="yearly")
    expect_lower("ranking monthly vs yearly", monthly, yearly, metric_mean("need_safety", 3, 36))
    expect_higher("ranking monthly vs yearly", monthly, yearly, metric_total("dismissals", 1, 36))


@pytest.mark.slow
def test_transparent_bottom_ranking_lowers_fear_and_felt_inequity():
    told = ranking(transparent_criteria=True, transparent_method=True, transparent_result=True)
    hidden = ranking(transparent_criteria=False, transparent_method=False, transparent_result=False)
    expect_higher("transparent vs opaque ranking", told, hidden, metric_mean("need_safety", 3, 36))
    expect_lower("transparent vs opaque ranking", told, hidden, metric_mean("mean_inequity", 3, 36))


@pytest.mark.slow
def test_bottom_ranking_pressure_raises_effort_of_the_secure():
    # counterfactual people who feel no fear nor stress from it: what is left is the spur to effort
    fearless = {
        "psychology.fear_per_dismissal_risk": 0.0,
        "psychology.security_per_appraisal": 0.0,
        "psychology.stress_per_appraisal": 0.0,
    }
    expect_higher(
        "bottom 10% vs none, people without fear",
        arm(policy("bottom_ranking"), overrides=fearless),
        NONE,
        metric_mean("mean_effort", 3, 36),
    )


# --- the timeline -------------------------------------------------------------------------------

TIMELINE_CHANGES = {
    "appraisal": {"frequency": "monthly"},
    "bottom_ranking": {"retrain_first": True},
}


@pytest.mark.parametrize("policy", sorted(TIMELINE_CHANGES))
def test_appraisal_policy_can_be_added_changed_and_removed_by_the_timeline(policy):
    survives_the_timeline(policy, TIMELINE_CHANGES[policy])


# --- validation ----------------------------------------------------------------------------------
