"""The harness itself: a comparison passes only in its expected direction, by more than T_MIN
standard errors of the mean paired difference, and cannot be made without a direction."""

from __future__ import annotations

import numpy as np
import pytest

from .harness import (
    SEEDS,
    T_MIN,
    Comparison,
    Direction,
    arm,
    expect_higher,
    expect_lower,
    expect_positive,
    metric_mean,
)

# Paired differences of +1 and -1 in turn over 20 seeds: mean 0 and a standard error of about 0.23,
# so adding a shift of k standard errors gives a paired t statistic of k.
SPREAD = np.array([1.0, -1.0] * 10)
SE = SPREAD.std(ddof=1) / np.sqrt(SPREAD.size)
BASE = np.linspace(10.0, 20.0, SPREAD.size)


def test_a_comparison_in_its_expected_direction_passes():
    higher = BASE + 1.0 + SPREAD
    passed = Comparison("shifted vs base", "value", higher, BASE, Direction.HIGHER)
    assert passed.t > T_MIN
    Comparison("base vs shifted", "value", BASE, higher, Direction.LOWER)


def test_a_comparison_in_the_wrong_direction_fails():
    higher = BASE + 1.0 + SPREAD
    with pytest.raises(AssertionError, match="expected lower"):
        Comparison("shifted vs base", "value", higher, BASE, Direction.LOWER)
    with pytest.raises(AssertionError, match="expected higher"):
        Comparison("base vs shifted", "value", BASE, higher, Direction.HIGHER)


def test_no_difference_fails_in_either_direction():
    for expected in Direction:
        with pytest.raises(AssertionError):
            Comparison("same vs same", "value", BASE, BASE.copy(), expected)


def test_a_difference_within_three_standard_errors_fails_and_beyond_them_passes():
    with pytest.raises(AssertionError):
        Comparison("t near 2.5", "value", BASE + 2.5 * SE + SPREAD, BASE, Direction.HIGHER)
    Comparison("t near 3.5", "value", BASE + 3.5 * SE + SPREAD, BASE, Direction.HIGHER)


def test_a_difference_with_no_spread_passes_only_if_it_is_not_zero():
    Comparison("always one more", "value", BASE + 1.0, BASE, Direction.HIGHER)
    with pytest.raises(AssertionError):
        Comparison("always one more", "value", BASE + 1.0, BASE, Direction.LOWER)


def test_a_statistic_that_is_missing_on_a_seed_fails():
    with_gap = BASE + 1.0
    with_gap[3] = np.nan
    with pytest.raises(AssertionError):
        Comparison("one seed unmeasured", "value", with_gap, BASE, Direction.HIGHER)


def test_a_comparison_cannot_be_made_without_its_expected_direction():
    with pytest.raises(TypeError):
        Comparison("no direction", "value", BASE + 1.0, BASE)


def test_a_comparison_needs_the_same_seeds_on_both_arms_and_at_least_two():
    with pytest.raises(ValueError, match="at least 2 seeds"):
        Comparison("one seed", "value", BASE[:1] + 1.0, BASE[:1], Direction.HIGHER)
    with pytest.raises(ValueError, match="one value per seed"):
        Comparison("unequal arms", "value", BASE + 1.0, BASE[:-1], Direction.HIGHER)


def test_paired_differences_measured_by_a_test_must_be_positive():
    expect_positive("gain", 1.0 + SPREAD)
    with pytest.raises(AssertionError):
        expect_positive("loss", -1.0 + SPREAD)


def test_expect_higher_and_expect_lower_run_the_arms_and_assert_at_once():
    # the piece rate's gain in output per employee is some 90 standard errors over five seeds
    piece_rate, salary = arm("piece_rate", months=12), arm(months=12)
    output = metric_mean("output_per_employee", 1, 12)
    held = expect_higher("piece rate vs salary", piece_rate, salary, output, seeds=SEEDS[:5])
    assert held.a.size == 5 and held.a.mean() > held.b.mean()
    expect_lower("salary vs piece rate", salary, piece_rate, output, seeds=SEEDS[:5])
    with pytest.raises(AssertionError, match="expected lower"):
        expect_lower("piece rate vs salary", piece_rate, salary, output, seeds=SEEDS[:5])
    with pytest.raises(AssertionError, match="expected higher"):
        expect_higher("salary vs piece rate", salary, piece_rate, output, seeds=SEEDS[:5])


def test_an_arm_names_its_policies_by_name_or_entry():
    with pytest.raises(TypeError, match="policy"):
        arm(("piece_rate", {"quality_rule": "none"}))
