"""Timeline events about people and owners: a holiday break with a return decision, a takeover, the
departure of named key people (source document: Hangzhou's labour shortage and the Nanjing bus;
Haier's takeover of Red Star; Shengyi's key salespeople)."""

from __future__ import annotations

import numpy as np
import pytest

from sim.agents.psychology import DRIVERS
from sim.model import OrgModel
from sim.policies import EVENTS

from .harness import (
    SEEDS,
    arm,
    baseline,
    event,
    expect_higher,
    expect_lower,
    metric_mean,
    report,
    run,
    scenario_of,
)

HOLIDAY = [event(13, "holiday_break")]


def _lost_share(model) -> float:
    events = model.events()
    row = events[events["event"] == "holiday_break"].iloc[0]
    return float(row["not_returned"] / max(row["travellers"], 1))


_lost_share.__name__ = "share of migrant travellers who did not come back"


# Hangzhou's 34.25% of labour demand unfilled (source document, third quarter of 2004)
TIGHT = {"market.shortage": 0.3425}


@pytest.mark.xfail(
    strict=True,
    reason="not reproduced at the test's 3 standard errors: at 34.25% unfilled the market has "
    "1.52 times a balanced market's openings per seeker, so offers rise by 1.52^0.409 = 1.19, and "
    "the share of migrants who stay away rises from 8.5% to 9.5% (paired t +1.9, 40 seeds): "
    "the direction is the document's, the size is small beside the stranded and personal exits",
)
def test_a_tight_labour_market_keeps_more_migrants_away_after_the_holiday_break():
    tight = arm(timeline=HOLIDAY, months=14, overrides=TIGHT)
    calm = arm(timeline=HOLIDAY, months=14)
    expect_higher("tight vs calm market", tight, calm, _lost_share)


def test_unhappy_staff_come_back_less_often():
    # an underpaid firm: similar firms pay production workers 4200 against this firm's 3000
    underpaid = {"firm.roles.production_worker.market_wage": 4200}
    unhappy = arm(timeline=HOLIDAY, months=14, overrides=underpaid)
    at_market = arm(timeline=HOLIDAY, months=14)
    # a share of about 9% of some 140 travellers: 40 seeds to see a rise of two points (t 3.3;
    # 2.2 over the harness's 20)
    expect_higher("underpaid vs paid at market", unhappy, at_market, _lost_share, range(40))


def test_non_returners_leave_as_quits_with_their_drivers_recorded():
    key = arm(timeline=HOLIDAY, months=14, overrides=TIGHT)
    for seed in SEEDS[:5]:
        model = run(key, seed)
        events = model.events()
        gone = int(events.loc[events["event"] == "holiday_break", "not_returned"].iloc[0])
        quits = events[(events["event"] == "quit") & (events["month"] == 13)]
        assert len(quits) >= gone > 0
        shares = quits[[f"driver_{d}" for d in DRIVERS]].sum(axis=1)
        # last month's hires have not yet perceived anything, so they carry no drivers
        perceived = quits["tenure_months"] > 0
        assert np.allclose(shares[perceived], 1.0)
        # who is a migrant is kept: the column marks about 70% of the staff-level people who were
        # there at the break (those hired since are not yet classified)
        ws = model.workforce
        classified = (ws.level[: ws.n] == 0) & (ws.migrant[: ws.n] != 0)
        assert 0.55 < np.mean(ws.migrant[: ws.n][classified] == 2) < 0.85


def _fit(model) -> float:
    ws = model.workforce
    return float(ws.fit[: ws.n].mean())


_fit.__name__ = "mean value fit at the end"

TAKEOVER = event(
    6,
    "takeover",
    cash_injection=1_000_000,
    culture_value=0.95,
    culture_strength=0.2,
    vision=0.0,
    replace_executives=True,
)


def test_a_takeover_with_a_new_culture_lowers_fit_and_commitment_for_a_while():
    taken = arm(timeline=[TAKEOVER], months=12)
    plain = arm(months=12)
    expect_lower("takeover vs none", taken, plain, _fit)
    expect_lower("takeover vs none", taken, plain, metric_mean("mean_commitment", 7, 12))


def test_a_takeover_injects_cash_and_replaces_the_executives():
    taken = arm(timeline=[TAKEOVER], months=7)
    for seed in SEEDS[:5]:
        model = run(taken, seed)
        month6 = model.metrics().set_index("month").loc[6]
        events = model.events()
        replaced = int(events.loc[events["event"] == "takeover", "replaced"].iloc[0])
        assert month6["injection"] == 1_000_000
        assert month6["dismissals"] == replaced >= 3  # the five executives, less any vacancy
        ws = model.workforce
        old_guard = (ws.level[: ws.n] == 2) & (ws.hired_month[: ws.n] < 6)
        assert not old_guard.any()


def test_a_takeover_can_pay_off_the_debts():
    # Red Star passed to Haier "with all its debts" (source document)
    key = arm(
        timeline=[event(1, "takeover", clear_debts=True, culture_strength=None, vision=None)],
        months=2,
    )
    sc = scenario_of(key).with_overrides({"finances.cash": -500_000})
    for seed in SEEDS[:3]:
        model = OrgModel(sc, seed=seed).run(1)
        month1 = model.metrics().iloc[-1]
        assert month1["injection"] == pytest.approx(500_000)
        assert month1["arrears"] == 0.0
    report("takeover clearing a debt of 500,000: injection in month 1", month1["injection"])


def test_the_top_client_holders_leaving_costs_more_clients_than_the_least_loaded():
    top = arm(timeline=[event(6, "key_people_leave", count=3, first_rank=1)], months=12)
    tail = arm(timeline=[event(6, "key_people_leave", count=3, first_rank=18)], months=12)
    expect_higher(
        "top three vs three least-loaded salespeople leave",
        top,
        tail,
        metric_mean("clients_lost_to_leavers", 6, 6),
    )
    expect_lower("top vs least-loaded leave", top, tail, metric_mean("client_revenue", 7, 12))


def test_key_people_leaving_are_the_named_ranks():
    key = arm(timeline=[event(6, "key_people_leave", count=3, first_rank=1)], months=7)
    for seed in SEEDS[:5]:
        model = OrgModel(scenario_of(key), seed=seed).run(5)
        ws, n = model.workforce, model.workforce.n
        _, revenue = model.clients.held(n)
        sales = np.flatnonzero(ws.role[:n] == 1)
        expected = set(ws.uid[sales[np.argsort(-revenue[sales], kind="stable")[:3]]].tolist())
        model.step()
        events = model.events()
        left = events[(events["month"] == 6) & (events["event"] == "quit")]["employee_id"]
        assert expected <= set(left.astype(int).tolist())


def test_an_unknown_role_is_named_with_the_firms_roles():
    for name, params in (
        ("key_people_leave", {"role": "rainmaker"}),
        ("holiday_break", {"roles": ["rainmaker"]}),
    ):
        cls = EVENTS[name]
        problems = cls.scenario_problems(cls.Params(**params), baseline())
        assert problems and problems[0][1] == "rainmaker" and "salesperson" in problems[0][2]
    model = OrgModel(baseline(), seed=0)
    with pytest.raises(ValueError, match="rainmaker.*salesperson"):
        EVENTS["key_people_leave"](EVENTS["key_people_leave"].Params(role="rainmaker")).apply(
            model.management
        )
