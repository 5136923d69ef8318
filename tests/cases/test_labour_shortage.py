"""Case facts: labour_shortage (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import labour_shortage
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return labour_shortage(seeds)


def test_care_brings_nearly_all_back(outcomes):
    check(outcomes, "care_brings_nearly_all_back")


def test_without_care_many_do_not_return(outcomes):
    check(outcomes, "without_care_many_do_not_return")
