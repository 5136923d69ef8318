"""Job security in a downturn: at-will layoffs against a no-layoff guarantee with shorter hours.

A recession is the timeline's ``demand`` event at month 12. Each direction is a paired comparison
over 20 seeds of the baseline firm; see harness.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.model import OrgModel

from .harness import (
    SEEDS,
    arm,
    event,
    expect_higher,
    expect_lower,
    logged,
    metric_mean,
    metric_total,
    policy,
    producers,
    report,
    run,
    survives_the_timeline,
    trace,
)

NONE = arm()
RECESSION = (event(12, "demand", level=0.7),)
DEEP_RECESSION = (event(12, "demand", level=0.5),)
GUARANTEE = arm("no_layoff_guarantee", timeline=RECESSION)
AT_WILL = arm("at_will_layoffs", timeline=RECESSION)
NEITHER = arm(timeline=RECESSION)


def test_no_layoff_guarantee_gives_no_layoffs_in_a_recession_and_fewer_hours_instead():
    layoffs = metric_total("layoffs", 12, 36)
    expect_higher("at will vs guarantee, recession", AT_WILL, GUARANTEE, layoffs)
    guaranteed = np.array([layoffs(run(GUARANTEE, s)) for s in SEEDS])
    report("guarantee: layoffs in the recession, all seeds", guaranteed.sum())
    assert guaranteed.sum() == 0
    expect_lower(
        "guarantee vs at will, recession", GUARANTEE, AT_WILL, metric_mean("mean_hours", 12, 36)
    )


def _worked(model: OrgModel) -> np.ndarray:
    """Production workers who worked this month (not hired at its end)."""
    rows = producers(model)
    return rows[model.workforce.tenure[rows] >= 1]


def _producing(model: OrgModel) -> int:
    """Headcount of the roles whose output has a value: production workers and engineers."""
    return int((model.firm.roles.output_value[model.workforce.live("role")] > 0).sum())


@pytest.mark.slow
def test_hours_fall_with_the_demand_gap_but_not_below_the_floor():
    def hours(model: OrgModel) -> float:
        return float(model.workforce.hours[_worked(model)].min())

    def needed(model: OrgModel) -> float:  # labour needed per head: 0.7 of the plan of 160
        return 0.7 * 160 / _producing(model)

    # hours are set at the start of a month for the people present at the end of the month before
    for seed in SEEDS[:5]:
        got, share = trace(GUARANTEE, seed, hours)[13:], trace(GUARANTEE, seed, needed)[12:-1]
        assert np.all(got >= 0.75 - 1e-12)
        assert np.allclose(got, np.clip(share, 0.75, 1.0), atol=1e-9)
    report("production hours share at demand 0.7 (floor 30/40), last month", got[-1])


@pytest.mark.slow
def test_a_recession_deeper_than_the_floor_moves_people_to_lower_paid_posts():
    rich = {"finances.cash": 2e7}  # enough cash to ride out two years at half demand
    deep = arm("no_layoff_guarantee", timeline=DEEP_RECESSION, overrides=rich)
    no_cut = arm(
        policy("no_layoff_guarantee", transfer_pay_cut=0.0), timeline=DEEP_RECESSION, overrides=rich
    )

    def transferred_share(model: OrgModel) -> float:  # among the producing who worked
        ws = model.workforce
        rows = np.flatnonzero(model.firm.roles.output_value[ws.live("role")] > 0)
        return float(ws.transferred[rows[ws.tenure[rows] >= 1]].mean())

    def expected_share(model: OrgModel) -> float:
        return max(0.0, (0.75 - 0.5 * 160 / _producing(model)) / 0.75)

    for seed in SEEDS[:5]:  # chosen at the start of a month among those present the month before
        got = trace(deep, seed, transferred_share)[13:]
        assert np.abs(got - trace(deep, seed, expected_share)[12:-1]).mean() < 0.015
    report("share of production workers transferred at demand 0.5, last month", got[-1])
    expect_lower("transfers with a 15% cut vs none", deep, no_cut, metric_mean("mean_pay", 13, 36))


@pytest.mark.slow
def test_at_will_layoffs_cut_headcount_in_proportion_to_the_demand_gap():
    def producer_count(model: OrgModel) -> float:
        return float(producers(model).size)

    shares = []
    for seed in SEEDS:
        counts = trace(AT_WILL, seed, producer_count)
        laid_off = run(AT_WILL, seed).metrics().layoffs.iloc[12]
        shares.append(laid_off / counts[10])  # laid off when demand falls / producers before
    shares = np.array(shares)
    report("producers laid off when demand falls to 0.7 (share of producers)", shares.mean())
    assert np.all(np.abs(shares - 0.3) < 0.05)
    expect_lower(
        "at will vs no policy, recession", AT_WILL, NEITHER, metric_mean("headcount", 13, 36)
    )


@pytest.mark.slow
def test_layoffs_seen_by_survivors_lower_their_security():
    expect_lower(
        "at will vs no policy, recession", AT_WILL, NEITHER, metric_mean("need_safety", 13, 24)
    )


@pytest.mark.slow
def test_laid_off_are_rehired_when_demand_recovers():
    recovery = (*RECESSION, event(24, "demand", level=1.0))
    key = arm("at_will_layoffs", timeline=recovery)
    expect_higher(
        "at will, recovered vs still in recession",
        key,
        AT_WILL,
        metric_mean("headcount", 30, 36),
    )


@pytest.mark.slow
def test_no_layoff_guarantee_raises_the_safety_need_and_embeddedness():
    guarantee = arm("no_layoff_guarantee")
    expect_higher("guarantee vs none", guarantee, NONE, metric_mean("need_safety", 3, 36))
    expect_higher("guarantee vs none", guarantee, NONE, metric_mean("mean_embeddedness", 3, 36))


@pytest.mark.slow
def test_at_will_layoffs_spare_people_covered_by_a_guarantee():
    both = arm("at_will_layoffs", policy("no_layoff_guarantee", after_years=3), timeline=RECESSION)
    for seed in SEEDS[:5]:
        layoffs = logged(run(both, seed), "layoff")
        assert len(layoffs) > 0 and layoffs["tenure_months"].max() < 36


# --- the timeline -------------------------------------------------------------------------------

TIMELINE_CHANGES = {
    "at_will_layoffs": {"selection": "last_in_first_out"},
    "no_layoff_guarantee": {"floor_hours_per_week": 20.0},
}


@pytest.mark.parametrize("policy", sorted(TIMELINE_CHANGES))
def test_security_policy_can_be_added_changed_and_removed_by_the_timeline(policy):
    survives_the_timeline(policy, TIMELINE_CHANGES[policy])


# --- validation ----------------------------------------------------------------------------------
