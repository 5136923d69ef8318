"""Case facts: shengyi (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import shengyi
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return shengyi(seeds)


def test_shengyi_half_intend_not_to_renew(outcomes):
    check(outcomes, "shengyi_half_intend_not_to_renew")


def test_shengyi_key_salespeople_leave_first(outcomes):
    check(outcomes, "shengyi_key_salespeople_leave_first")


def test_shengyi_four_levels_in_order(outcomes):
    check(outcomes, "shengyi_four_levels_in_order")


def test_shengyi_resign_in_waves(outcomes):
    check(outcomes, "shengyi_resign_in_waves")


def test_shengyi_reformed_does_not_cascade(outcomes):
    check(outcomes, "shengyi_reformed_does_not_cascade")
