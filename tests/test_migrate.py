"""Schema versions: a file that sets a field an older schema had is refused at load, naming what
replaced it; ``orgsim migrate`` rewrites it, keeping its comments, and the result loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim import load_scenario
from sim.cli import main
from sim.migrate import REMOVED_FIELDS, REMOVED_PARAMS, SCHEMA_VERSION
from sim.scenario import SCENARIO_DIR, ScenarioError
from sim.scenario_migrate import migrate_file

OLD = """\
# an orgsim 1 scenario: its comment must survive the migration
name: old_firm
firm:
  employees: 10
  roles:
    - {name: worker, count: 8, wage: 3000}
    - {name: manager, count: 2, wage: 6000, level: manager}
market: {expected_raise_annual: 0.12, shortage: 0.1}  # the market
psychology:
  base_quit_hazard: 0.002
  quit_hygiene: 2.5
policies:
  - {name: emotional_care, params: {care_gain: 0.4, cost_per_employee: 50}}
timeline:
  - {month: 3, event: add_policy, params: {policy: appraisal, params: {stress_monthly: 0.1}}}
"""


@pytest.fixture
def old_file(tmp_path) -> Path:
    path = tmp_path / "old.yaml"
    path.write_text(OLD, encoding="utf-8")
    return path


def test_every_shipped_scenario_is_current():
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        assert load_scenario(path).schema_version == SCHEMA_VERSION, path.name


def test_an_old_file_is_refused_naming_every_removed_field_and_its_replacement(old_file):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(old_file)
    message = str(caught.value)
    assert "orgsim migrate" in message and "older schema" in message
    for field, replacement in (
        ("market.expected_raise_annual", REMOVED_FIELDS["market.expected_raise_annual"][:40]),
        ("psychology.base_quit_hazard", "psychology.search_threshold"),
        ("policies[0].params.care_gain", REMOVED_PARAMS["emotional_care"]["care_gain"]),
        ("timeline[0].params.params.stress_monthly", "psychology.stress_per_appraisal"),
    ):
        assert field in message and replacement in message, (field, message)


def test_migrate_keeps_comments_and_facts_and_the_result_loads(old_file, tmp_path, capsys):
    out = tmp_path / "new.yaml"
    assert main(["migrate", str(old_file), "--out", str(out)]) == 0
    notes = capsys.readouterr().err
    assert "removed psychology.base_quit_hazard" in notes and f"wrote {out}" in notes
    text = out.read_text(encoding="utf-8")
    assert "# an orgsim 1 scenario: its comment must survive" in text and "# the market" in text
    scenario = load_scenario(out)
    assert scenario.schema_version == SCHEMA_VERSION
    assert scenario.market.shortage == 0.1 and scenario.psychology.quit_hygiene == 2.5
    assert scenario.policies[0].params == {"cost_per_employee": 50}
    assert old_file.read_text(encoding="utf-8") == OLD  # the original is untouched


def test_migrate_in_place_and_a_current_file_is_left_as_it_is(old_file, capsys):
    assert main(["migrate", str(old_file), "--in-place"]) == 0
    once = old_file.read_text(encoding="utf-8")
    assert main(["migrate", str(old_file), "--in-place"]) == 0
    assert "nothing to change" in capsys.readouterr().err
    assert old_file.read_text(encoding="utf-8") == once


def test_migrate_refuses_what_would_still_be_invalid_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text(OLD.replace("count: 8", "count: 7"), encoding="utf-8")
    out = tmp_path / "new.yaml"
    assert main(["migrate", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "still not a valid scenario" in err and "nothing was written" in err
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.yaml"
    path.write_text(f"schema_version: {SCHEMA_VERSION + 1}\n" + OLD, encoding="utf-8")
    with pytest.raises(ScenarioError, match="schema_version"):
        load_scenario(path)
    with pytest.raises(ValueError, match="newer than this orgsim"):
        migrate_file(path)


@pytest.mark.parametrize("name", ["[]", "{}", "3", "null"])
def test_a_malformed_event_name_is_refused_cleanly(tmp_path, name):
    # found by the fuzz test: a timeline entry whose event is a list crashed the removed-field scan
    path = tmp_path / "bad.yaml"
    path.write_text(
        "schema_version: 2\nname: bad\n"
        "firm: {employees: 10, roles: [{name: worker, count: 10, wage: 3000}]}\n"
        f"timeline:\n  - {{month: 3, event: {name}, params: {{x: 1}}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError, match=r"timeline\[0\]"):
        load_scenario(path)
