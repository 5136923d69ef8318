"""The baseline firm, left alone, is stationary (30 seeds, ten years each).

scenarios/baseline.yaml is the reference against which every policy is tried, so it must neither
bleed people nor drift: annual voluntary turnover between 8% and 20%, mean satisfaction and
dissatisfaction steady, and headcount held at plan by hiring.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim import OrgModel, load_scenario

BASELINE = load_scenario("baseline")
SEEDS = range(30)
MONTHS = 120
PLAN = BASELINE.firm.employees


@pytest.fixture(scope="module")
def runs():
    return [OrgModel(BASELINE, seed=seed).run(MONTHS).metrics().iloc[1:] for seed in SEEDS]


def first_and_last_two_years(frame, column):
    return frame[column].iloc[:24].mean(), frame[column].iloc[-24:].mean()


@pytest.mark.slow
def test_baseline_annual_voluntary_turnover_is_between_8_and_20_percent(runs):
    """Ten-year mean of each seed: the mean over seeds in the band, and 27 of 30 seeds in it (a
    200-person firm's ten-year rate has a sampling spread of about one point)."""
    turnover = np.array([frame.turnover_rate_annual.mean() for frame in runs])
    assert 0.08 <= turnover.mean() <= 0.20, turnover.mean()
    in_band = (turnover >= 0.08) & (turnover <= 0.20)
    assert in_band.sum() >= 27, turnover.round(3)


@pytest.mark.slow
def test_baseline_turnover_does_not_drift_from_the_first_year_to_the_tenth(runs):
    """Careers end at retirement and the past is ten years long, so the workforce's composition
    is near its steady state at month 0 (docs/model.md 2.11: 11.9% against 12.0%)."""
    first = np.mean([frame.turnover_rate_annual.iloc[:12].mean() for frame in runs])
    last = np.mean([frame.turnover_rate_annual.iloc[-12:].mean() for frame in runs])
    assert 0.08 <= first <= 0.20 and 0.08 <= last <= 0.20
    assert abs(last - first) < 0.03


@pytest.mark.slow
def test_baseline_mean_satisfaction_is_steady(runs):
    # a 200-person firm's mean moves by about 0.013 (sd over 30 seeds) between two-year windows
    # as its people change (calibrated disposition spread): the drift is judged on its mean
    drift = np.array([np.subtract(*first_and_last_two_years(f, "mean_satisfaction")) for f in runs])
    assert abs(drift.mean()) < 0.015 and np.all(np.abs(drift) < 0.05), drift.round(4)
    monthly_sd = np.array([f.mean_satisfaction.iloc[24:].std() for f in runs])
    assert np.median(monthly_sd) < 0.01 and np.all(monthly_sd < 0.02), monthly_sd.round(4)


@pytest.mark.slow
def test_baseline_mean_dissatisfaction_is_steady(runs):
    drift = np.array(
        [np.subtract(*first_and_last_two_years(f, "mean_dissatisfaction")) for f in runs]
    )
    assert abs(drift.mean()) < 0.015 and np.all(np.abs(drift) < 0.05), drift.round(4)


@pytest.mark.slow
def test_baseline_headcount_is_held_at_plan_by_hiring(runs):
    for frame in runs:
        assert frame.headcount.max() <= PLAN
        first, last = first_and_last_two_years(frame, "headcount")
        assert last >= 0.97 * PLAN  # only the vacancies being filled are missing
        assert abs(last - first) < 0.02 * PLAN
        # every vacancy is refilled: over ten years hires match exits within the vacancies open
        exits = (frame.quits + frame.non_renewals + frame.dismissals + frame.layoffs).sum()
        assert frame.hires.sum() >= exits - 0.05 * PLAN


@pytest.mark.slow
def test_baseline_nobody_is_pushed_out(runs):
    for frame in runs:
        assert frame.dismissals.sum() == 0 and frame.layoffs.sum() == 0
        assert frame.arrears.sum() == 0.0
