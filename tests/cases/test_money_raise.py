"""Case facts: money_raise (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import money_raise
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return money_raise(seeds)


def test_money_raise_falls_with_pay(outcomes):
    check(outcomes, "money_raise_falls_with_pay")


def test_money_raise_flatters_at_1000(outcomes):
    check(outcomes, "money_raise_flatters_at_1000")


def test_money_raise_backfires_at_5000(outcomes):
    check(outcomes, "money_raise_backfires_at_5000")


def test_money_raise_backfires_at_10000(outcomes):
    check(outcomes, "money_raise_backfires_at_10000")
