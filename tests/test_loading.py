"""Loading decides everything: a scenario file is read strictly (YAML 1.2 scalars, no key twice,
plain data, bounded size, nesting and aliases, UTF-8) and validated strictly (nothing converted),
and everything a run would otherwise find out later is refused at load: the timeline replayed
month by month, policies that exclude each other, roles named anywhere, clients nobody can hold.
Every refusal names the file, the field and what is allowed, in under 2,000 characters."""

from __future__ import annotations

import pytest
import yaml

from sim import OrgModel, yamlfile
from sim.params import describe
from sim.policies import EVENTS, POLICIES
from sim.scenario import (
    MESSAGE_CHARS,
    ScenarioError,
    load_scenario,
    parse_assignment,
    validate_scenario,
)

FIRM = """\
firm:
  employees: 10
  roles:
    - {name: worker, count: 8, wage: 3000, output_value: 5000}
    - {name: sales, count: 2, holds_clients: true}
clients: {count: 20}
months: 12
"""


def _file(tmp_path, text: str | bytes, name: str = "case.yaml"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def refusal(tmp_path, text: str | bytes, name: str = "case.yaml") -> str:
    path = _file(tmp_path, text, name)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert str(path) in message.split("\n")[0]
    assert len(message) < 2_000
    return message


def runs(tmp_path, text: str, months: int = 6) -> OrgModel:
    scenario = load_scenario(_file(tmp_path, text))
    return OrgModel(scenario, seed=1).run(months)


# --- YAML 1.2, read strictly -------------------------------------------------------------------


def test_only_true_and_false_are_booleans():
    data = yamlfile.loads("a: yes\nb: on\nc: off\nd: y\ne: true\nf: False\ng: TRUE\n")
    assert data == {"a": "yes", "b": "on", "c": "off", "d": "y", "e": True, "f": False, "g": True}


def test_sexagesimal_hex_octal_underscores_and_dates_are_text():
    data = yamlfile.loads("a: 1:30\nb: 0x18\nc: 0o17\nd: 1_000\ne: 2001-12-14\n")
    assert data == {"a": "1:30", "b": "0x18", "c": "0o17", "d": "1_000", "e": "2001-12-14"}


def test_decimal_numbers_and_nulls_are_read_as_yaml_1_2_says():
    data = yamlfile.loads("a: 010\nb: -3\nc: 2.5\nd: 1e6\ne: .inf\nf: ~\ng:\nh: null\ni: '3'\n")
    assert data == {"a": 10, "b": -3, "c": 2.5, "d": 1e6, "e": float("inf")} | {
        "f": None,
        "g": None,
        "h": None,
        "i": "3",
    }
    assert type(data["a"]) is int and type(data["d"]) is float


def test_a_key_given_twice_is_refused_naming_both_lines(tmp_path):
    message = refusal(tmp_path, "months: 6\n" + FIRM.replace("months: 12\n", "") + "months: 120\n")
    assert "months (line 8)" in message
    assert "on line 1 and on line 8" in message


def test_a_key_given_twice_deep_inside_is_refused_with_its_path(tmp_path):
    text = FIRM.replace("{name: worker, count: 8,", "{name: worker, count: 8, count: 9,")
    message = refusal(tmp_path, text)
    assert "firm.roles[0].count" in message and "given twice" in message


def test_a_second_policies_block_is_refused_not_merged(tmp_path):
    text = FIRM + "policies: [{name: training}]\npolicies: [{name: respect}]\n"
    assert "policies (line 9)" in refusal(tmp_path, text)


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['echo hacked']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
        "!!timestamp 2001-12-14",
        "!!set {a, b}",
        "!custom 3",
    ],
)
def test_tags_beyond_plain_data_are_refused(tmp_path, value):
    message = refusal(tmp_path, FIRM + f"title: {value}\n")
    assert "title (line 8)" in message and "is not allowed" in message


def test_explicit_plain_tags_must_fit_their_value():
    assert yamlfile.loads("a: !!str 3\nb: !!float 1\nc: !!int '12'\n") == {"a": "3", "b": 1.0} | {
        "c": 12
    }
    with pytest.raises(yamlfile.YamlError, match="not a valid int"):
        yamlfile.loads("a: !!int 0x18\n")
    with pytest.raises(yamlfile.YamlError, match="not a valid bool"):
        yamlfile.loads("a: !!bool yes\n")


def test_merge_keys_are_refused(tmp_path):
    message = refusal(tmp_path, FIRM + "market: {<<: {shortage: 0.2}}\n")
    assert "merge keys" in message and "market" in message


def test_an_alias_bomb_is_refused_without_being_expanded(tmp_path):
    # 12 levels of 9 aliases stand for 9**12 (282 billion) values: refused at all only if it is
    # never expanded
    levels = ['&b0 ["lol"]'] + [f"&b{k} [{', '.join([f'*b{k - 1}'] * 9)}]" for k in range(1, 13)]
    message = refusal(tmp_path, FIRM + f"story: [{', '.join(levels)}]\n")
    assert "aliases expand too far" in message
    assert len(message) < 600


def test_a_few_aliases_are_fine(tmp_path):
    text = FIRM.replace("wage: 3000,", "wage: &pay 3000, market_wage: *pay,")
    scenario = load_scenario(_file(tmp_path, text))
    assert scenario.firm.roles[0].market_wage == 3000.0


@pytest.mark.parametrize(
    ("story", "expected"),
    [("*nowhere", "names no anchor"), ("&loop [1, *loop]", "refers to a value that holds it")],
)
def test_undefined_and_cyclic_aliases_are_refused(tmp_path, story, expected):
    assert expected in refusal(tmp_path, FIRM + f"story: {story}\n")


@pytest.mark.parametrize("depth", [yamlfile.MAX_DEPTH, 100, 5_000, 200_000])
def test_nesting_too_deep_is_refused_with_a_message_not_a_recursion_error(tmp_path, depth):
    message = refusal(tmp_path, FIRM + f"story: {'[' * depth}1{']' * depth}\n")
    assert "nested" in message and "deep" in message


def test_nesting_within_the_limit_is_read():
    depth = yamlfile.MAX_DEPTH - 1
    data = yamlfile.loads("[" * depth + "1" + "]" * depth)
    for _ in range(depth - 1):
        data = data[0]
    assert data == [1]


def test_a_file_larger_than_the_limit_is_refused_before_parsing(tmp_path):
    text = FIRM + "story: '" + "x" * yamlfile.MAX_BYTES + "'\n"
    message = refusal(tmp_path, text)
    assert "larger than 1,000,000 bytes" in message


def test_a_latin1_file_is_refused_naming_byte_line_and_saying_save_as_utf8(tmp_path):
    message = refusal(tmp_path, (FIRM + "title: Café\n").encode("latin-1"))
    offset = len(FIRM.encode()) + len("title: Caf")
    assert f"byte {offset}" in message and "line 8" in message
    assert "save it as UTF-8" in message


def test_a_gbk_file_from_a_chinese_editor_is_named_as_gbk(tmp_path):
    message = refusal(tmp_path, (FIRM + "title_zh: 胜意公司的故事\n").encode("gbk"))
    assert "GBK" in message and "save it as UTF-8" in message and "line 8" in message


def test_a_utf16_file_is_refused_and_a_utf8_bom_is_accepted(tmp_path):
    assert "UTF-16" in refusal(tmp_path, FIRM.encode("utf-16"))
    scenario = load_scenario(_file(tmp_path, b"\xef\xbb\xbf" + FIRM.encode(), "bom.yaml"))
    assert scenario.firm.employees == 10


def test_a_tab_and_windows_line_ends(tmp_path):
    assert "indented with spaces, never tabs" in refusal(tmp_path, "firm:\n\temployees: 3\n")
    scenario = load_scenario(_file(tmp_path, FIRM.replace("\n", "\r\n").encode(), "crlf.yaml"))
    assert scenario.months == 12


def test_more_than_one_document_is_refused(tmp_path):
    assert "more than one YAML document" in refusal(tmp_path, FIRM + "---\nmonths: 3\n")


def test_the_c_parser_is_used_where_it_is_installed():
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML without libyaml here")
    from yaml._yaml import CParser

    assert yamlfile.FAST and yamlfile._Parser is CParser


# --- strict types --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (("count: 8", "count: true"), "firm.roles[0].count = true", "whole number"),
        (("count: 8", "count: 8.0"), "firm.roles[0].count = 8.0", "whole number"),
        (("count: 8", "count: '8'"), "firm.roles[0].count = '8'", "without quotes"),
        (("wage: 3000", 'wage: "3000"'), "firm.roles[0].wage = '3000'", "a number from 1"),
        (("wage: 3000", "wage: 1:30"), "firm.roles[0].wage = '1:30'", "not 90"),
        (("wage: 3000", "wage: 0x18"), "firm.roles[0].wage = '0x18'", "decimal"),
        (("wage: 3000", "wage: true"), "firm.roles[0].wage = true", "a number"),
        (("wage: 3000", "wage: .nan"), "firm.roles[0].wage = nan", "finite"),
        (("holds_clients: true", "holds_clients: yes"), "holds_clients = 'yes'", "true or false"),
        (("holds_clients: true", "holds_clients: 1"), "holds_clients = 1", "true or false"),
        (("months: 12", "months: '12'"), "months = '12'", "whole number from 1 to 10,000"),
        (("name: worker", "name: 7"), "firm.roles[0].name = 7", "text is expected"),
    ],
)
def test_no_value_is_converted(tmp_path, change, path, words):
    message = refusal(tmp_path, FIRM.replace(*change))
    assert path in message and words in message, message


def test_a_whole_number_is_a_good_real_number(tmp_path):
    scenario = load_scenario(_file(tmp_path, FIRM))
    assert scenario.firm.roles[0].wage == 3000.0 and type(scenario.firm.roles[0].wage) is float


@pytest.mark.parametrize(
    ("policy", "params", "path"),
    [
        ("appraisal", "{transparent_result: yes}", "policies[0].params.transparent_result"),
        ("appraisal", "{accuracy: '0.5'}", "policies[0].params.accuracy"),
        ("appraisal", "{frequency: 12}", "policies[0].params.frequency"),
        ("training", "{cost_per_person_month: true}", "policies[0].params.cost_per_person_month"),
    ],
)
def test_policy_parameters_are_strict_too(tmp_path, policy, params, path):
    message = refusal(tmp_path, FIRM + f"policies: [{{name: {policy}, params: {params}}}]\n")
    assert path in message


def test_set_reads_yaml_1_2_and_refuses_what_does_not_fit():
    scenario = load_scenario("baseline")
    assert parse_assignment("market.shortage=0.3") == ("market.shortage", 0.3)
    assert parse_assignment("firm.employees=yes") == ("firm.employees", "yes")
    assert scenario.with_overrides({"market.shortage": 0.3}).market.shortage == 0.3
    with pytest.raises(ScenarioError, match="firm.employees = 'yes': a whole number"):
        scenario.with_overrides(dict([parse_assignment("firm.employees=yes")]))
    with pytest.raises(ScenarioError, match="true or false is expected"):
        scenario.with_overrides(dict([parse_assignment("firm.hire_to_plan=on")]))
    with pytest.raises(ScenarioError, match="not plain YAML"):
        parse_assignment("title=[unclosed")


# --- the timeline, replayed ----------------------------------------------------------------------


def _timeline(*events: str) -> str:
    return FIRM + "timeline:\n" + "".join(f"  - {e}\n" for e in events)


@pytest.mark.parametrize(
    ("events", "words"),
    [
        (
            ["{month: 2, event: remove_policy, params: {policy: training}}"],
            "'training' is not in force (no policy is in force then)",
        ),
        (
            ["{month: 2, event: remove_policy, params: {policy: trainin}}"],
            "did you mean 'training'",
        ),
        (
            ["{month: 3, event: change_policy, params: {policy: training, params: {}}}"],
            "change_policy at month 3, but 'training' is not in force",
        ),
        (
            [
                "{month: 1, event: add_policy, params: {policy: training}}",
                "{month: 4, event: add_policy, params: {policy: training}}",
            ],
            "already in force (added by timeline[0] at month 1)",
        ),
        (
            [
                "{month: 1, event: add_policy, params: {policy: training}}",
                "{month: 2, event: remove_policy, params: {policy: training}}",
                "{month: 3, event: change_policy, params: {policy: training, params: {}}}",
            ],
            "timeline[2].params.policy",
        ),
        (  # the same month: applied in the order written, so the change comes first
            [
                "{month: 2, event: change_policy, params: {policy: training, params: {}}}",
                "{month: 2, event: add_policy, params: {policy: training}}",
            ],
            "timeline[0].params.policy",
        ),
    ],
)
def test_the_timeline_is_replayed_at_load(tmp_path, events, words):
    assert words in refusal(tmp_path, _timeline(*events))


def test_the_timeline_replays_by_month_whatever_the_written_order(tmp_path):
    text = _timeline(
        "{month: 5, event: remove_policy, params: {policy: training}}",
        "{month: 3, event: change_policy, params: {policy: training, params: {cost_per_person_month: 50}}}",
        "{month: 1, event: add_policy, params: {policy: training}}",
        "{month: 7, event: add_policy, params: {policy: training}}",
    )
    model = runs(tmp_path, text, months=8)
    assert model.policy("training") is not None


def test_a_change_is_checked_against_the_policy_s_own_parameters(tmp_path):
    add = "{month: 1, event: add_policy, params: {policy: appraisal}}"
    message = refusal(
        tmp_path,
        _timeline(
            add,
            "{month: 2, event: change_policy, params: {policy: appraisal, params: {accuracy: 2}}}",
        ),
    )
    assert "timeline[1].params.params.accuracy" in message and "less than or equal to 1" in message
    message = refusal(
        tmp_path,
        _timeline(
            add,
            "{month: 2, event: change_policy, params: {policy: appraisal, params: {acuracy: 1}}}",
        ),
    )
    assert "unknown parameter of 'appraisal'" in message
    message = refusal(
        tmp_path,
        _timeline(
            add,
            "{month: 2, event: change_policy, params: {policy: appraisal, params: {roles: [welder]}}}",
        ),
    )
    assert "timeline[1].params.params.roles[0] = 'welder': unknown role" in message


# --- policies that exclude each other ------------------------------------------------------------


def test_exclusions_are_declared_as_data_on_both_sides():
    assert "bottom_ranking" in POLICIES["appraisal"].excludes
    assert "appraisal" in POLICIES["bottom_ranking"].excludes
    for name, cls in POLICIES.items():
        for other in cls.excludes:
            assert other in POLICIES, (name, other)


@pytest.mark.parametrize(
    ("policies", "events"),
    [
        (["appraisal", "bottom_ranking"], []),
        (["appraisal"], ["{month: 2, event: add_policy, params: {policy: bottom_ranking}}"]),
        (["bottom_ranking"], ["{month: 2, event: add_policy, params: {policy: appraisal}}"]),
    ],
)
def test_policies_that_exclude_each_other_are_refused_at_load(tmp_path, policies, events):
    text = FIRM + "policies: [" + ", ".join(f"{{name: {p}}}" for p in policies) + "]\n"
    if events:
        text += "timeline:\n" + "".join(f"  - {e}\n" for e in events)
    assert "cannot be in force together with" in refusal(tmp_path, text)


def test_one_excluding_policy_may_follow_the_other(tmp_path):
    text = FIRM + "policies: [{name: appraisal}]\n" + "timeline:\n"
    text += "  - {month: 2, event: remove_policy, params: {policy: appraisal}}\n"
    text += "  - {month: 2, event: add_policy, params: {policy: bottom_ranking}}\n"
    assert runs(tmp_path, text).policy("bottom_ranking") is not None


# --- roles named anywhere -----------------------------------------------------------------------


def _role_fields(block):
    for info in describe(block):
        if info.name in ("role", "roles") or info.name.endswith(("_role", "_roles")):
            yield info.name, ["welder"] if info.name.endswith("roles") else "welder"


ROLE_NAMING = [
    (kind, name, field, value)
    for kind, registry in (("policy", POLICIES), ("event", EVENTS))
    for name, cls in sorted(registry.items())
    for field, value in _role_fields(cls.Params)
]


def test_some_parameters_name_roles():
    assert len(ROLE_NAMING) > 20


@pytest.mark.parametrize(("kind", "name", "field", "value"), ROLE_NAMING, ids=str)
def test_every_role_named_in_a_parameter_must_exist(kind, name, field, value):
    data = load_scenario("baseline").model_dump(mode="python")
    entries = []
    if kind == "policy":
        data["policies"] = [{"name": name, "params": {field: value}}]
        entries.append(("policies[0].params", dict(data)))
        via_timeline = dict(data, policies=[])
        via_timeline["timeline"] = [
            {
                "month": 1,
                "event": "add_policy",
                "params": {"policy": name, "params": {field: value}},
            }
        ]
        entries.append(("timeline[0].params.params", via_timeline))
    else:
        data["timeline"] = [{"month": 1, "event": name, "params": {field: value}}]
        entries.append(("timeline[0].params", data))
    for where, scenario in entries:
        with pytest.raises(ScenarioError) as caught:
            validate_scenario(scenario, source="roles.yaml")
        assert f"{where}.{field}" in str(caught.value) and "unknown role" in str(caught.value)


def test_a_default_role_that_the_firm_lacks_is_refused_saying_it_is_the_default(tmp_path):
    message = refusal(
        tmp_path, _timeline("{month: 2, event: add_policy, params: {policy: hire_cohort}}")
    )
    assert "timeline[0].params.params.role = 'salesperson': unknown role" in message
    assert "its default" in message


# --- clients that cannot be dealt ---------------------------------------------------------------


def test_clients_with_no_weighted_holder_are_refused_naming_the_weight(tmp_path):
    message = refusal(
        tmp_path, FIRM.replace("holds_clients: true", "holds_clients: true, client_weight: 0")
    )
    assert "firm.roles[1].client_weight = 0.0" in message and "client_weight > 0" in message


KEY_FIRM = """\
firm:
  employees: 10
  roles:
    - {name: worker, count: 7, output_value: 5000}
    - {name: sales, count: 1, holds_clients: true}
    - {name: helper, count: 2, holds_clients: true, client_weight: 0}
clients: {count: 20, key_holders: KEY}
months: 12
"""


def test_more_key_holders_than_weighted_holders_are_refused(tmp_path):
    runs(tmp_path, KEY_FIRM.replace("KEY", "1"))  # one key holder among one with a weight
    message = refusal(tmp_path, KEY_FIRM.replace("KEY", "2"))
    assert "clients.key_holders = 2" in message and "at most 1" in message


def test_a_zero_weight_beside_a_weighted_holder_runs(tmp_path):
    text = FIRM.replace(
        "    - {name: sales, count: 2, holds_clients: true}\n",
        "    - {name: sales, count: 1, holds_clients: true}\n"
        "    - {name: helper, count: 1, holds_clients: true, client_weight: 0}\n",
    )
    # the month-0 book is whatever the firm's simulated past left (sim/history.py)
    assert runs(tmp_path, text).metrics().clients.iloc[0] > 0


# --- messages -----------------------------------------------------------------------------------


def test_a_message_stays_under_2000_characters_however_many_problems(tmp_path):
    unknown = "".join(f"  field_{i}: {i}\n" for i in range(500))
    message = refusal(tmp_path, FIRM + "market:\n" + unknown)
    assert len(message) <= MESSAGE_CHARS + 100
    assert "more problems" in message


def test_a_huge_value_is_quoted_short(tmp_path):
    message = refusal(tmp_path, FIRM.replace("months: 12", "months: '" + "9" * 100_000 + "'"))
    assert "999..." in message and len(message) < 1_000


def test_an_unknown_psychology_field_points_to_the_listing_instead_of_90_names(tmp_path):
    message = refusal(tmp_path, FIRM + "psychology: {loss_aversio: 2}\n")
    assert "did you mean 'loss_aversion'" in message and "orgsim params" in message
    assert len(message) < 600
