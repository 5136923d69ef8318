"""Culture: shared vision, socialisation, hiring for fit, a culture programme, collective life and
leadership style, each against the same firm without it over 20 paired seeds (source document:
shared vision, systematic rules and culture, Shengyi's 300 yuan in lieu and autocratic boss,
Haier's stories in the company paper)."""

from __future__ import annotations

import numpy as np
import pytest
from _b2_helpers import (
    SEEDS,
    assert_positive,
    compare,
    entry,
    event,
    mean_and_se,
    metric_mean,
    report,
    run,
    scenario,
)

from sim.policies import POLICIES

NONE = scenario()


def test_shared_vision_raises_belief_in_the_vision_and_commitment():
    vision = scenario([entry("shared_vision")])
    compare("shared vision vs none", vision, NONE, metric_mean("vision", 1))
    compare("shared vision vs none", vision, NONE, metric_mean("mean_commitment", 6))


@pytest.mark.slow
def test_a_vision_reviewed_quarterly_holds_better_than_one_reviewed_yearly():
    compare(
        "vision reviewed every 3 vs every 12 months",
        scenario([entry("shared_vision", review_every_months=3)]),
        scenario([entry("shared_vision", review_every_months=12)]),
        metric_mean("vision", 1),
    )


def test_discussing_the_vision_in_a_crisis_restores_it_and_calms_the_staff():
    # a crisis: 20 of the best production workers walk out in month 12 (10% of the firm)
    crisis = [event(12, "key_people_leave", role="production_worker", count=20, rank_by="output")]
    talk = scenario([entry("shared_vision", crisis_discussion=True)], crisis, months=18)
    silent = scenario([entry("shared_vision", crisis_discussion=False)], crisis, months=18)
    compare("crisis discussed vs not", talk, silent, metric_mean("vision", 13, 18))
    compare("crisis not discussed vs discussed", silent, talk, metric_mean("mean_intent", 13, 18))


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
    taught = scenario([entry("value_socialisation")])
    compare("value socialisation vs none", taught, NONE, _fit)
    compare("value socialisation vs none", taught, NONE, metric_mean("culture_strength", 6))


def test_hiring_for_fit_brings_in_people_who_fit():
    compare("hiring for fit vs none", scenario([entry("hiring_for_fit")]), NONE, _newcomers_fit)


def test_a_culture_programme_strengthens_the_culture():
    compare(
        "culture programme vs none",
        scenario([entry("culture_programme")]),
        NONE,
        metric_mean("culture_strength", 6),
    )


def test_collective_activities_give_more_belonging_than_the_same_money_as_cash_in_lieu():
    # Shengyi: 300 yuan each, to spend alone (source document)
    together = scenario([entry("collective_activities", form="activities")])
    cash = scenario([entry("collective_activities", form="cash_in_lieu")])
    belonging = metric_mean("need_belonging", 6)
    compare("activities vs cash in lieu", together, cash, belonging)
    # cash in lieu buys no belonging: no more than the firm that does nothing
    gain = np.array([belonging(run(cash, s)) - belonging(run(NONE, s)) for s in SEEDS])
    mean, se = mean_and_se(gain)
    report("cash in lieu vs none: need_belonging gain", f"{mean:+.4f} +- {se:.4f}")
    assert mean < 0.005


@pytest.mark.slow
def test_the_same_money_is_spent_either_way():
    together = scenario([entry("collective_activities", form="activities")], months=12)
    cash = scenario([entry("collective_activities", form="cash_in_lieu")], months=12)
    spent_together = [run(together, s).metrics()["costs"].sum() for s in SEEDS[:5]]
    base_costs = [run(scenario(months=12), s).metrics()["costs"].sum() for s in SEEDS[:5]]
    paid_out = [run(cash, s).metrics()["bonuses"].sum() for s in SEEDS[:5]]
    extra = np.array(spent_together) - np.array(base_costs)
    report("activities: extra costs over 12 months (5 seeds)", np.round(extra).tolist())
    report("cash in lieu: bonuses paid over 12 months (5 seeds)", np.round(paid_out).tolist())
    # four rounds of 300 yuan for about 200 people: some 240,000 yuan either way
    assert all(200_000 < x < 280_000 for x in paid_out)


def test_participative_leadership_gives_voice_and_less_dissatisfaction_than_autocracy():
    participative = scenario([entry("leadership_style", participation=1.0)])
    autocratic = scenario([entry("leadership_style", participation=0.0)])
    compare(
        "participative vs autocratic",
        participative,
        autocratic,
        metric_mean("need_self_actualization", 6),
    )
    compare(
        "autocratic vs participative",
        autocratic,
        participative,
        metric_mean("mean_dissatisfaction", 6),
    )


def test_threats_to_withhold_pay_lower_the_safety_need():
    compare(
        "no threats vs threats (autocratic boss)",
        scenario([entry("leadership_style", participation=0.0)]),
        scenario([entry("leadership_style", participation=0.0, threats_to_withhold_pay=True)]),
        metric_mean("need_safety", 6),
    )


@pytest.mark.slow
def test_threats_aimed_at_a_role_hit_only_that_role():
    aimed = scenario(
        [entry("leadership_style", threats_to_withhold_pay=True, threatened_roles=["engineer"])],
        months=6,
    )
    gaps = []
    for seed in SEEDS:
        ws = run(aimed, seed).workforce
        engineer = ws.role[: ws.n] == 2
        safety = ws.needs[: ws.n, 1]
        gaps.append(safety[~engineer].mean() - safety[engineer].mean())
    assert_positive("threats at engineers: others' minus engineers' safety need", gaps)


def test_an_unknown_threatened_role_is_named_with_the_firms_roles():
    from _b2_helpers import baseline

    cls = POLICIES["leadership_style"]
    params = cls.Params(threatened_roles=["technician"])
    problems = cls.scenario_problems(params, baseline())
    assert problems and problems[0][0] == "params.threatened_roles[0]"
    assert "salesperson" in problems[0][2]
