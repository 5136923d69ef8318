"""The target statistics compute what they claim, on bundles built by hand with known answers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sim.calibration.bundle import Arm, ArmRuns, Bundle
from sim.calibration.statistics import (
    AnnualTurnover,
    CaseFact,
    Drift,
    SeparationElasticity,
    TurnoverRatio,
    annual_turnover,
)
from sim.scenario import load_scenario

BASE = Arm("base", "baseline")
RAISED = Arm("raised", "baseline", {"firm.roles.production_worker.wage": 3300.0})


def monthly(headcount, quits, months=12, replicates=2, **columns):
    rows = []
    for r in range(replicates):
        for m in range(months + 1):
            rows.append(
                {
                    "replicate": r,
                    "month": m,
                    "headcount": headcount,
                    "quits": quits if m else 0,
                    "non_renewals": 0,
                }
                | {k: v(m) for k, v in columns.items()}
            )
    return pd.DataFrame(rows)


def runs(arm, frame, events=None):
    events = (
        events
        if events is not None
        else pd.DataFrame(
            columns=["replicate", "month", "event", "employee_id", "role", "tenure_months"]
        )
    )
    return ArmRuns(arm, arm.build(), frame, events)


def test_annual_turnover_is_twelve_exits_a_month_over_headcount():
    frame = monthly(200, 2)
    assert annual_turnover(frame) == pytest.approx(12 * 2 / 200)
    bundle = Bundle({"base": runs(BASE, frame)})
    assert AnnualTurnover(BASE)(bundle) == pytest.approx(0.12)


def test_turnover_ratio_of_a_tight_market_over_a_slack_one():
    tight = Arm("tight", "baseline", {"market.shortage": 0.07})
    bundle = Bundle({"base": runs(BASE, monthly(200, 1)), "tight": runs(tight, monthly(200, 3))})
    assert TurnoverRatio(tight, BASE)(bundle) == pytest.approx(3.0)


def test_drift_compares_the_late_window_with_the_early_one():
    frame = monthly(200, 1, months=120, output_per_employee=lambda m: 1.0 + 0.001 * m)
    bundle = Bundle({"base": runs(BASE, frame)})
    early, late = np.mean(1 + 0.001 * np.arange(1, 13)), np.mean(1 + 0.001 * np.arange(109, 121))
    assert Drift(BASE, "output_per_employee")(bundle) == pytest.approx(late / early - 1)


def role_events(quits_per_month, months, replicates=2):
    rows = []
    uid = 10_000
    for r in range(replicates):
        for m in range(1, months + 1):
            for _ in range(quits_per_month):
                uid += 1
                rows.append((r, m, "quit", uid, "production_worker", 30.0))
                rows.append((r, m, "hire", uid + 500_000, "production_worker", 0.0))
    return pd.DataFrame(
        rows, columns=["replicate", "month", "event", "employee_id", "role", "tenure_months"]
    )


def test_separation_elasticity_is_the_log_change_in_quits_over_the_log_change_in_wage():
    months = 24
    base_events, raised_events = role_events(3, months), role_events(2, months)
    bundle = Bundle(
        {
            "base": runs(BASE, monthly(200, 3, months), base_events),
            "raised": runs(RAISED, monthly(200, 2, months), raised_events),
        }
    )
    # headcount of the role stays at 150 (every quit is refilled), so the rates are 3/150 and 2/150
    expected = (math.log(2 / 150) - math.log(3 / 150)) / math.log(3300 / 3000)
    assert SeparationElasticity(BASE, RAISED, "production_worker")(bundle) == pytest.approx(
        expected
    )


def test_separation_elasticity_refuses_arms_that_move_the_market_wage():
    moved = Arm(
        "moved",
        "baseline",
        {
            "firm.roles.production_worker.market_wage": 3300.0,
            "firm.roles.production_worker.wage": 3300.0,
        },
    )
    bundle = Bundle({"base": runs(BASE, monthly(200, 1)), "moved": runs(moved, monthly(200, 1))})
    with pytest.raises(ValueError, match="differ in the production_worker's wage only"):
        SeparationElasticity(BASE, moved, "production_worker")(bundle)


def test_a_case_fact_reads_the_outcome_and_holds_by_the_case_rule():
    fact = CaseFact("walmart", "respect_raises_esteem")
    bundle = Bundle({}, {"walmart": {"respect_raises_esteem": {"value": -0.1, "passed": True}}})
    assert fact(bundle) == -0.1
    assert fact.holds(-0.1, bundle, (0.0, math.inf))  # the case's own rule decides


def test_statistics_pickle_and_compare_by_value():
    import pickle

    stat = SeparationElasticity(BASE, RAISED, "production_worker")
    assert pickle.loads(pickle.dumps(stat)) == stat
    assert load_scenario("baseline").firm.roles[0].name == "production_worker"


def test_a_case_that_crashed_under_some_parameters_has_no_value_and_does_not_hold():
    from sim.calibration.bundle import FAILED

    fact = CaseFact("lincoln", "lincoln_bonus_near_95_percent")
    bundle = Bundle({}, {"lincoln": {FAILED: "case lincoln: IndexError"}})
    assert math.isnan(fact(bundle)) and not fact.holds(fact(bundle), bundle, (0.8, 1.1))
