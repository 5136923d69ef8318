"""Property: whatever is done to a shipped scenario, orgsim refuses it at load with a clean
message, or takes it as written and runs it to the end; never a traceback, a converted value, a
key given twice, or a death in mid-run.

The mutations and the oracle are in ``tests/scenario_mutations.py`` (shared with
``benchmarks/fuzz_campaign.py``, which tallies 10,000 of them). The default run tries a bounded
number of mutants; the ``slow`` run many more.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
import scenario_mutations as mutations
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.scenario import load_scenario


def _check(source: Path, rng: random.Random) -> None:
    mutant = mutations.mutate(source, rng, huge=False)
    with tempfile.TemporaryDirectory() as folder:
        verdict = mutations.judge(mutant, Path(folder))
    assert verdict.kind in ("refused cleanly", "ran cleanly"), (
        f"{verdict.kind}: {verdict.detail}\nmutations of {source.stem}: {mutant.changes}"
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(mutations.SHIPPED), st.randoms(use_true_random=False))
def test_a_mutated_scenario_is_refused_cleanly_or_runs_to_the_end(source, rng):
    _check(source, rng)


@pytest.mark.slow
@settings(max_examples=1_500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(mutations.SHIPPED), st.randoms(use_true_random=False))
def test_many_mutated_scenarios_are_refused_cleanly_or_run_to_the_end(source, rng):
    _check(source, rng)


def test_the_mutants_are_both_refused_and_run():
    """The property above could pass by refusing everything, or by mutating nothing."""
    kinds = set()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(40):
            rng = random.Random(number)
            mutant = mutations.mutate(rng.choice(mutations.SHIPPED), rng, huge=False)
            kinds.add(mutations.judge(mutant, Path(folder), f"m{number}").kind)
    assert {"refused cleanly", "ran cleanly"} <= kinds


def test_the_oracle_sees_a_converted_value():
    scenario = load_scenario("baseline")
    team = scenario.firm.team_size
    raw = {"months": str(scenario.months), "firm": {"hire_to_plan": 1, "team_size": team}}
    found = mutations.coercions(raw, scenario)
    assert any(f.startswith("months") for f in found)
    assert any(f.startswith("firm.hire_to_plan") for f in found)
    assert not any(f.startswith("firm.team_size") for f in found)
    assert (
        mutations.coercions(
            {"finances": {"cash": 1000000}}, scenario.with_overrides({"finances.cash": 1e6})
        )
        == []
    )


def test_the_oracle_sees_a_duplicate_key_and_an_unclear_refusal():
    assert mutations.has_duplicate_key("a: 1\nb: {c: 1, c: 2}\n")
    assert not mutations.has_duplicate_key("a: 1\nb: 'c: 1\n  c: 2'\n")
    assert (
        mutations.clean_refusal(
            "f.yaml: invalid scenario\n  months = 'x': a whole number", "f.yaml"
        )
        is None
    )
    assert mutations.clean_refusal("other.yaml: invalid\n  months: bad", "f.yaml") is not None
    assert mutations.clean_refusal("f.yaml: invalid\n" + "x" * 2_000, "f.yaml") is not None
    assert (
        mutations.clean_refusal("f.yaml: invalid scenario\nTraceback (most recent", "f.yaml")
        is not None
    )
