"""Attribution tables: what is switched off, and how a table reads."""

import pandas as pd

from sim.attribution import MECHANISMS, Lever, attribution_markdown, levers_of
from sim.paths import resolve
from sim.scenario import load_scenario


def test_the_levers_of_haier_are_its_policies_its_reforms_and_its_events():
    levers = levers_of([load_scenario("haier_redstar")])
    assert Lever("policy", "appraisal") in levers
    assert Lever("change", "culture_programme") in levers
    assert Lever("event", "material_costs") in levers  # the document's supplier bidding
    assert Lever("event", "takeover") in levers
    assert not any(lv.kind == "event" and lv.name.endswith("_policy") for lv in levers)


def test_removing_a_policy_takes_its_timeline_entries_with_it():
    spec = load_scenario("haier_redstar")
    without = Lever("policy", "appraisal").remove(spec)
    assert "appraisal" not in [p.name for p in without.policies]
    assert all(e.params.get("policy") != "appraisal" for e in without.timeline)
    assert len(without.timeline) < len(spec.timeline)


def test_removing_only_the_change_keeps_the_policy_as_it_was():
    spec = load_scenario("haier_redstar")
    without = Lever("change", "appraisal").remove(spec)
    assert [p.name for p in without.policies] == [p.name for p in spec.policies]
    assert not any(
        e.event == "change_policy" and e.params.get("policy") == "appraisal"
        for e in without.timeline
    )


def test_a_lever_a_scenario_lacks_is_not_applied_to_it():
    assert Lever("event", "takeover").remove(load_scenario("baseline")) is None
    assert Lever("policy", "piece_rate").remove(load_scenario("baseline")) is None


def test_every_mechanism_switch_names_a_declared_parameter():
    spec = load_scenario("shengyi")
    for overrides in MECHANISMS.values():
        for path in overrides:
            resolve(path, spec)  # raises on a path that names nothing


def test_the_table_has_a_row_per_switch_and_a_column_per_fact():
    table = pd.DataFrame(
        [
            ("as it is", "f1", 0.5, True, ""),
            ("as it is", "f2", -0.1, True, ""),
            ("no contagion", "f1", 0.1, False, ""),
            ("no contagion", "f2", -0.2, True, ""),
            ("without the policy x", "f1", float("nan"), None, "the case needs it"),
            ("without the policy x", "f2", float("nan"), None, "the case needs it"),
        ],
        columns=["switch", "fact", "value", "passed", "note"],
    )
    lines = attribution_markdown(table)
    assert lines[0] == "| switch | `f1` | `f2` |"
    assert lines[2] == "| as it is | 0.5 holds | -0.1 holds |"
    assert lines[3] == "| no contagion | 0.1 **fails** | -0.2 holds |"
    assert lines[4] == "| without the policy x (the case needs it) | n/a | n/a |"
