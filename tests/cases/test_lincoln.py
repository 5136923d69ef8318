"""Case facts: lincoln (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import lincoln
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return lincoln(seeds)


def test_lincoln_productivity_twice(outcomes):
    check(outcomes, "lincoln_productivity_twice")


def test_lincoln_turnover_far_lower(outcomes):
    check(outcomes, "lincoln_turnover_far_lower")


def test_lincoln_no_layoffs_in_recession(outcomes):
    check(outcomes, "lincoln_no_layoffs_in_recession")


def test_lincoln_hours_fall_instead(outcomes):
    check(outcomes, "lincoln_hours_fall_instead")


def test_lincoln_bonus_near_95_percent(outcomes):
    check(outcomes, "lincoln_bonus_near_95_percent")
