"""The case facts (CASES.md section 4), each checked over 30 seeds with common random numbers."""

import pytest

from sim.cases import crn_seeds

N_SEEDS = 30


@pytest.fixture(scope="session")
def seeds():
    return crn_seeds(N_SEEDS)


def check(outcomes, name):
    """Assert one named outcome, with its measured value in the message."""
    outcome = next(o for o in outcomes if o.fact == name)
    assert outcome.passed, f"{outcome} {outcome.detail}"
    return outcome
