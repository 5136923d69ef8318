"""Culture: shared vision, socialisation, hiring for fit, a culture programme, collective life and
leadership style, each against the same firm without it over 20 paired seeds (source document:
shared vision, systematic rules and culture, Shengyi's 300 yuan in lieu and autocratic boss,
Haier's stories in the company paper)."""

from __future__ import annotations

import numpy as np
import pytest

from sim.policies import POLICIES

from .harness import (
    SEEDS,
    arm,
    baseline,
    event,
    expect_higher,
    expect_lower,
    expect_positive,
    mean_and_se,
    metric_mean,
    policy,
    report,
    run,
)

NONE = arm(months=24)


def test_shared_vision_raises_belief_in_the_vision_and_commitment():
    vision = arm("shared_vision", months=24)
    expect_higher("shared vision vs none", vision, NONE, metric_mean("vision", 1))
    expect_higher("shared vision vs none", vision, NONE, metric_mean("mean_commitment", 6))


@pytest.mark.slow
def test_a_vision_reviewed_quarterly_holds_better_than_one_reviewed_yearly():
    expect_higher(
        "vision reviewed every 3 vs every 12 months",
        arm(policy("shared_vision", review_every_months=3), months=24),
        arm(policy("shared_vision", review_every_months=12), months=24),
        metric_mean("vision", 1),
    )


def test_discussing_the_vision_in_a_crisis_restores_it_and_calms_the_staff():
    # a crisis: 20 of the best production workers walk out in month 12 (10% of the firm)
    crisis = [event(12, "key_people_leave", role="production_worker", count=20, rank_by="output")]
    talk = arm(policy("shared_vision", crisis_discussion=True), timeline=crisis, months=18)
    silent = arm(policy("shared_vision", crisis_discussion=False), timeline=crisis, months=18)
    expect_higher("crisis discussed vs not", talk, silent, metric_mean("vision", 13, 18))
    expect_lower("crisis discussed vs not", talk, silent, metric_mean("mean_intent", 13, 18))


def _fit(model) -> float:
    ws = model.workforce
    return float(ws.fit[: ws.n].mean())


_fit.__name__ = "mean value fit at the end"


def _newcomers_fit(model) -> float:
    ws, n = model.workforce, model.workforce.n
    hired = ws.hired_month[:n] > 0
    return float(ws.fit[:n][hired].mean())


_newcomers_fit.__name__ = "mean value fit of people hired during the run, at the end"


def test_value_socialisation_raises_fit_and_culture_strength():
    taught = arm("value_socialisation", months=24)
    expect_higher("value socialisation vs none", taught, NONE, _fit)
    expect_higher("value socialisation vs none", taught, NONE, metric_mean("culture_strength", 6))


def test_hiring_for_fit_brings_in_people_who_fit():
    expect_higher("hiring for fit vs none", arm("hiring_for_fit", months=24), NONE, _newcomers_fit)


def test_a_culture_programme_strengthens_the_culture():
    expect_higher(
        "culture programme vs none",
        arm("culture_programme", months=24),
        NONE,
        metric_mean("culture_strength", 6),
    )


def test_collective_activities_give_more_belonging_than_the_same_money_as_cash_in_lieu():
    # Shengyi: 300 yuan each, to spend alone (source document)
    together = arm(policy("collective_activities", form="activities"), months=24)
    cash = arm(policy("collective_activities", form="cash_in_lieu"), months=24)
    belonging = metric_mean("need_belonging", 6)
    expect_higher("activities vs cash in lieu", together, cash, belonging)
    # cash in lieu buys no belonging: no more than the firm that does nothing
    gain = np.array([belonging(run(cash, s)) - belonging(run(NONE, s)) for s in SEEDS])
    mean, se = mean_and_se(gain)
    report("cash in lieu vs none: need_belonging gain", f"{mean:+.4f} +- {se:.4f}")
    assert mean < 0.005


@pytest.mark.slow
def test_cash_in_lieu_pays_300_a_head_in_each_of_four_rounds_a_year():
    together = arm(policy("collective_activities", form="activities"), months=12)
    cash = arm(policy("collective_activities", form="cash_in_lieu"), months=12)
    spent_together = [run(together, s).metrics()["costs"].sum() for s in SEEDS[:5]]
    base_costs = [run(arm(months=12), s).metrics()["costs"].sum() for s in SEEDS[:5]]
    paid_out = [run(cash, s).metrics()["bonuses"].sum() for s in SEEDS[:5]]
    extra = np.array(spent_together) - np.array(base_costs)
    report("activities: extra costs over 12 months (5 seeds)", np.round(extra).tolist())
    report("cash in lieu: bonuses paid over 12 months (5 seeds)", np.round(paid_out).tolist())
    # four rounds of 300 yuan for about 200 people: some 240,000 yuan either way
    assert all(200_000 < x < 280_000 for x in paid_out)


def test_participative_leadership_gives_voice_and_less_dissatisfaction_than_autocracy():
    participative = arm(policy("leadership_style", participation=1.0), months=24)
    autocratic = arm(policy("leadership_style", participation=0.0), months=24)
    expect_higher(
        "participative vs autocratic",
        participative,
        autocratic,
        metric_mean("need_self_actualization", 6),
    )
    expect_lower(
        "participative vs autocratic",
        participative,
        autocratic,
        metric_mean("mean_dissatisfaction", 6),
    )


def test_threats_to_withhold_pay_lower_the_safety_need():
    expect_lower(
        "threats vs no threats (autocratic boss)",
        arm(policy("leadership_style", participation=0.0, threats_to_withhold_pay=True), months=24),
        arm(policy("leadership_style", participation=0.0), months=24),
        metric_mean("need_safety", 6),
    )


@pytest.mark.slow
def test_threats_aimed_at_a_role_hit_only_that_role():
    aimed = arm(
        policy("leadership_style", threats_to_withhold_pay=True, threatened_roles=["engineer"]),
        months=6,
    )
    gaps = []
    for seed in SEEDS:
        ws = run(aimed, seed).workforce
        engineer = ws.role[: ws.n] == 2
        safety = ws.needs[: ws.n, 1]
        gaps.append(safety[~engineer].mean() - safety[engineer].mean())
    expect_positive("threats at engineers: others' minus engineers' safety need", gaps)


def test_an_unknown_threatened_role_is_named_with_the_firms_roles():
    cls = POLICIES["leadership_style"]
    params = cls.Params(threatened_roles=["technician"])
    problems = cls.scenario_problems(params, baseline())
    assert problems and problems[0][0] == "params.threatened_roles[0]"
    assert "salesperson" in problems[0][2]
