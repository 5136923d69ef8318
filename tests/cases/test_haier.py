"""Case facts: haier (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import haier
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return haier(seeds)


def test_haier_profitable_by_month_3(outcomes):
    check(outcomes, "haier_profitable_by_month_3")


def test_haier_keeps_improving(outcomes):
    check(outcomes, "haier_keeps_improving")


def test_redstar_without_haier_stays_in_loss(outcomes):
    check(outcomes, "redstar_without_haier_stays_in_loss")
