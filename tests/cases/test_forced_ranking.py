"""Case facts: forced_ranking (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import forced_ranking
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return forced_ranking(seeds)


def test_ranking_rules_keep_more_of_the_gain(outcomes):
    check(outcomes, "ranking_rules_keep_more_of_the_gain")


def test_ranking_rules_cost_less_security(outcomes):
    check(outcomes, "ranking_rules_cost_less_security")


def test_ranking_rules_cost_less_turnover(outcomes):
    check(outcomes, "ranking_rules_cost_less_turnover")


def test_monthly_appraisal_lowers_safety(outcomes):
    check(outcomes, "monthly_appraisal_lowers_safety")
