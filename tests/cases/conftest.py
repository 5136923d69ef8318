"""The case facts (CASES.md section 4), each checked over 30 seeds with common random numbers,
on the development seed root and again on a held-out root never used while developing."""

import pytest

from sim.cases import FRAGILE, HOLDOUT_SEED_ROOT, NOT_REPRODUCED, ROOT_SEED, crn_seeds

N_SEEDS = 30


@pytest.fixture(
    scope="session", params=[ROOT_SEED, HOLDOUT_SEED_ROOT], ids=["development", "holdout"]
)
def seeds(request):
    return crn_seeds(N_SEEDS, root=request.param)


def check(outcomes, name):
    """Assert one named outcome, with its measured value in the message. A fact the model is
    known not to reproduce (``sim.cases.NOT_REPRODUCED``) must still fail: when it holds again,
    this test fails until the table and docs/cases.md say so (it is never tuned back). A fragile
    fact (``sim.cases.FRAGILE``: its statistic sits on its threshold) is asserted neither way."""
    outcome = next(o for o in outcomes if o.fact == name)
    if name in FRAGILE:  # on its threshold: reported, asserted neither way
        if not outcome.passed:
            pytest.xfail(f"fragile ({FRAGILE[name]}): {outcome} {outcome.detail}")
        return outcome
    if name in NOT_REPRODUCED:
        assert not outcome.passed, (
            f"{outcome} {outcome.detail}: this fact holds again; remove it from "
            "sim.cases.NOT_REPRODUCED and regenerate docs/cases.md"
        )
        pytest.xfail(f"not reproduced ({NOT_REPRODUCED[name]}): {outcome} {outcome.detail}")
    assert outcome.passed, f"{outcome} {outcome.detail}"
    return outcome
