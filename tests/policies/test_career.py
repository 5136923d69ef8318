"""Career policies: ladders, promotion by competition or appointment, training.

Each direction is a paired comparison over 20 seeds of the baseline firm; see harness.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.model import OrgModel

from .harness import (
    arm,
    expect_higher,
    logged,
    metric_mean,
    per_seed,
    policy,
    producers,
    report,
    run,
    survives_the_timeline,
)

NONE = arm()
RACING = arm(policy("promotion", method="open_competition"))
PICKING = arm(policy("promotion", method="appointment"))


@pytest.mark.slow
def test_more_ladders_raise_self_actualisation():
    expect_higher(
        "three ladders vs one",
        arm(policy("career_ladders", ladders=3)),
        arm(policy("career_ladders", ladders=1)),
        metric_mean("need_self_actualization", 3, 36),
    )


@pytest.mark.slow
def test_more_ladders_mean_more_promotions():
    def promotions(model: OrgModel) -> float:
        return float(len(logged(model, "promotion")))

    expect_higher(
        "promotion with two ladders vs one",
        arm("promotion", policy("career_ladders", ladders=2)),
        arm("promotion", policy("career_ladders", ladders=1)),
        promotions,
    )


def test_promotions_are_logged_with_who_was_promoted():
    events = logged(run(RACING, 0), "promotion")
    per_round = events.groupby("month").size()
    report("promotions per yearly round (5% of ~150 eligible)", per_round.to_dict())
    assert list(per_round.index) == [12, 24, 36]
    assert np.all((per_round >= 4) & (per_round <= 12))
    assert events["employee_id"].notna().all() and (events["tenure_months"] >= 12).all()


def _promoted_performance(model: OrgModel) -> float:
    return float(logged(model, "promotion")["performance"].mean())


def test_horse_racing_promotes_better_performers_than_horse_picking():
    expect_higher("open competition vs appointment", RACING, PICKING, _promoted_performance)


def _procedural_justice(model: OrgModel) -> float:
    # the inputs of felt procedural justice the psychology reads (sim/agents/behaviour.py)
    c = model.climate
    return (c.transparency + c.accuracy + c.voice) / 3.0


@pytest.mark.slow
def test_horse_racing_gives_more_self_actualisation_justice_and_effort_than_horse_picking():
    expect_higher(
        "open competition vs appointment",
        RACING,
        PICKING,
        metric_mean("need_self_actualization", 3, 36),
    )
    expect_higher("open competition vs appointment", RACING, PICKING, _procedural_justice)
    expect_higher(
        "open competition vs appointment", RACING, PICKING, metric_mean("mean_effort", 3, 36)
    )


@pytest.mark.slow
def test_training_raises_skill_and_growth_at_a_cost():
    trained = arm("training")

    def newcomers_skill(model: OrgModel) -> float:
        ws, rows = model.workforce, producers(model)
        young = rows[(ws.tenure[rows] >= 3) & (ws.tenure[rows] <= 24)]
        return float(ws.skill[young].mean())

    expect_higher("training vs none", trained, NONE, newcomers_skill)
    expect_higher("training vs none", trained, NONE, metric_mean("need_self_actualization", 3, 36))
    costs = per_seed(trained, metric_mean("costs", 1, 36)) - per_seed(
        NONE, metric_mean("costs", 1, 36)
    )
    report("training: extra monthly costs (200 people at 100 each, net of savings)", costs.mean())
    assert costs.mean() > 0


# --- the timeline -------------------------------------------------------------------------------

TIMELINE_CHANGES = {
    "career_ladders": {"ladders": 3},
    "promotion": {"method": "appointment"},
    "training": {"skill_gain_per_year": 0.1},
}


@pytest.mark.parametrize("policy", sorted(TIMELINE_CHANGES))
def test_career_policy_can_be_added_changed_and_removed_by_the_timeline(policy):
    survives_the_timeline(policy, TIMELINE_CHANGES[policy])


# --- validation ----------------------------------------------------------------------------------
