"""Case facts: performance_pay (see sim/cases.py for how each statistic is measured)."""

import pytest

from sim.cases import performance_pay
from tests.cases.conftest import check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(seeds):
    return performance_pay(seeds)


def test_performance_pay_plus_30_percent(outcomes):
    check(outcomes, "performance_pay_plus_30_percent")
