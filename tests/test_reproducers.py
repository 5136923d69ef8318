"""One test per reproducer of issue 12 (``tests/data/reliability/``, copied from the reliability
campaign): each minimal scenario showed one defect, and here it behaves as a sound orgsim should.

Refused at load, with the file, the field and the reason (and through ``orgsim run``, exit 2):
non-UTF-8 text, deep nesting, alias bombs, a key given twice, converted values, roles named in
timeline parameters (a default one included), the timeline replayed (removing or changing a policy
not in force, adding one already in force), two policies that exclude each other, and clients
nobody can be dealt to. The random runs under ``invariants/`` are refused at load or run to the
end with headcount, cash and clients accounted for every month. A merger must not save more
overhead than the firm has: that needs a change to the model, so those tests are expected to fail
until it is made.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from sim import OrgModel, load_scenario
from sim.cli import main
from sim.scenario import ScenarioError
from sim.scenario_migrate import migrate_file

DATA = Path(__file__).resolve().parent / "data" / "reliability"
# found by benchmarks/fuzz_campaign.py after the shared reproducers were written
# (owner_subsidy withdrew the premium of the moment, not the one each person was given, and
# could take a role's hiring wage below zero: each person's premium is now their own column and
# management never sets a hiring wage below 1)
FOUND = (
    "found/owner_subsidy_premium_changed.yaml",
    "found/owner_subsidy_withdrawn_after_fixed_salary.yaml",
)

REFUSED = {
    "latin1.yaml": ["not UTF-8", "byte 163", "line 5", "save it as UTF-8"],
    "deep_nesting.yaml": ["line 5", "nested too deep"],
    "anchor_bomb_6.yaml": ["story", "aliases expand too far"],
    "anchor_bomb_9.yaml": ["story", "aliases expand too far"],
    "duplicate_key.yaml": ["months (line 6)", "given twice, on line 2 and on line 6"],
    "coerced_values.yaml": [
        "months = '6'",
        "firm.roles[0].count = true",
        "firm.roles[0].wage = '3000'",
        "firm.roles[1].holds_clients = 'yes'",
    ],
    "add_hire_cohort_default_role.yaml": [
        "timeline[0].params.params.role = 'salesperson'",
        "unknown role",
        "its default",
    ],
    "add_policy_unknown_role.yaml": [
        "timeline[0].params.params.roles[0] = 'welder'",
        "unknown role",
    ],
    "remove_policy_not_in_force.yaml": [
        "timeline[0].params.policy = 'no_such_policy'",
        "unknown policy",
    ],
    "change_policy_not_in_force.yaml": ["timeline[0].params.policy = 'training'", "not in force"],
    "add_policy_twice.yaml": ["timeline[0].params.policy = 'training'", "already in force"],
    "appraisal_and_bottom_ranking.yaml": ["policies[1].name", "cannot be in force together"],
    "client_weight_zero.yaml": ["firm.roles[1].client_weight", "client_weight > 0"],
    "key_holders_zero_weight.yaml": ["clients.key_holders = 3", "at most 1"],
}
COSTS_NEVER_NEGATIVE = (
    "merge_saves_more_than_overhead.yaml",
    "invariants/run_224.yaml",
    "invariants/run_272.yaml",
)
INVARIANTS = sorted(
    str(p.relative_to(DATA))
    for p in (DATA / "invariants").glob("*.yaml")
    if str(p.relative_to(DATA)) not in COSTS_NEVER_NEGATIVE
)


def test_every_reproducer_has_an_expectation():
    files = {str(p.relative_to(DATA)) for p in DATA.rglob("*.yaml")}
    assert files == set(REFUSED) | set(COSTS_NEVER_NEGATIVE) | set(INVARIANTS) | set(FOUND)
    assert len(files) == 22 + len(FOUND)


def _seed_and_months(path: Path) -> tuple[int, int]:
    first = path.read_bytes().split(b"\n", 1)[0].decode("ascii", "replace")
    found = re.match(r"# seed (\d+), months (\d+)", first)
    return (int(found[1]), int(found[2])) if found else (1, 6)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_at_load_naming_the_file_the_field_and_why(name, tmp_path, capsys):
    path = DATA / name
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert message.split("\n")[0] == f"{path}: invalid scenario"
    assert len(message) < 2_000
    for words in REFUSED[name]:
        assert words in message, (words, message)
    out = tmp_path / "out"
    assert main(["run", str(path), "--months", "6", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and message in err
    assert not out.exists()


def books_balance(frame) -> None:
    """Headcount, cash and clients accounted for month by month."""
    prev, cur = frame.iloc[:-1].reset_index(drop=True), frame.iloc[1:].reset_index(drop=True)
    exits = cur.quits + cur.non_renewals + cur.dismissals + cur.layoffs + cur.retirements
    assert (cur.headcount == prev.headcount + cur.hires - exits).all()
    expected_cash = prev.cash + cur.revenue - cur.costs + cur.subsidy + cur.injection
    assert np.allclose(cur.cash, expected_cash, rtol=1e-9, atol=1e-3)
    won_lost = cur.clients_won - cur.clients_churned - cur.clients_lost_to_leavers
    assert (cur.clients == prev.clients + won_lost).all()


@pytest.mark.parametrize("name", INVARIANTS)
def test_random_runs_that_died_are_refused_cleanly_or_keep_their_books(name):
    path = DATA / name
    try:
        scenario = load_scenario(path)
    except ScenarioError as refused:
        message = str(refused)
        assert str(path) in message.split("\n")[0] and len(message) < 2_000
        assert re.search(r"\n  \S+.*: \S", message), message
        return
    seed, months = _seed_and_months(path)
    books_balance(OrgModel(scenario, seed=seed).run(months).metrics())


@pytest.mark.parametrize("name", COSTS_NEVER_NEGATIVE)
def test_a_merger_never_books_savings_beyond_the_overhead(name, tmp_path):
    """Two of these files were written for schema 1: they are migrated first (orgsim migrate),
    which keeps every fact they set."""
    path = DATA / name
    seed, months = _seed_and_months(path)
    migrated = tmp_path / path.name
    migrate_file(path, migrated)
    frame = OrgModel(load_scenario(migrated), seed=seed).run(months).metrics()
    books_balance(frame)
    assert (frame.costs >= 0).all(), f"costs down to {frame.costs.min():,.0f}"


@pytest.mark.parametrize(
    "name",
    sorted(FOUND),
)
def test_found_by_the_campaign_runs_to_the_end_with_its_books(name):
    path = DATA / name
    seed, months = _seed_and_months(path)
    frame = OrgModel(load_scenario(path), seed=seed).run(months).metrics()
    books_balance(frame)
    assert np.isfinite(frame.cash).all()
