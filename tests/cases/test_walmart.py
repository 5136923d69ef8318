"""Case facts: walmart (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import walmart
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return walmart(seeds)


def test_respect_raises_esteem(outcomes):
    check(outcomes, "respect_raises_esteem")


def test_respect_lowers_turnover(outcomes):
    check(outcomes, "respect_lowers_turnover")
