"""Every registered policy and timeline event validates its parameters at load: a value out of
bounds, an unknown parameter and a misspelt name each fail with the file, the field path and what
is allowed (one test for the whole catalogue, so a new policy is covered without a line more)."""

import pytest

from sim.params import describe
from sim.policies import EVENTS, POLICIES
from sim.scenario import ScenarioError, load_scenario, validate_scenario

BOUNDED = [
    (kind, name, info.name, info.hi)
    for kind, registry in (("policy", POLICIES), ("event", EVENTS))
    for name, cls in sorted(registry.items())
    for info in describe(cls.Params)
    if info.kind in ("float", "int") and info.hi is not None
]


def _fails(kind: str, name: str, params: dict) -> str:
    data = load_scenario("baseline").model_dump(mode="python")
    if kind == "policy":
        data["policies"] = [{"name": name, "params": params}]
    else:
        data["timeline"] = [{"month": 1, "event": name, "params": params}]
    with pytest.raises(ScenarioError) as caught:
        validate_scenario(data, source="bad.yaml")
    return str(caught.value)


def _where(kind: str) -> str:
    return "policies[0]" if kind == "policy" else "timeline[0]"


@pytest.mark.parametrize(("kind", "name", "field", "hi"), BOUNDED, ids=lambda v: str(v))
def test_a_value_above_its_bound_fails_naming_the_file_field_and_bound(kind, name, field, hi):
    message = _fails(kind, name, {field: hi * 2 + 1})
    assert "bad.yaml" in message
    assert f"{_where(kind)}.params.{field}" in message
    assert "less than or equal to" in message


@pytest.mark.parametrize(
    ("kind", "name"),
    [("policy", n) for n in sorted(POLICIES)] + [("event", n) for n in sorted(EVENTS)],
)
def test_an_unknown_parameter_fails_listing_the_allowed_ones(kind, name):
    message = _fails(kind, name, {"no_such_parameter": 1})
    assert f"{_where(kind)}.params.no_such_parameter" in message
    registry = POLICIES if kind == "policy" else EVENTS
    assert all(field in message for field in registry[name].Params.model_fields)


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_a_misspelt_policy_name_fails_with_a_suggestion(name):
    misspelt = name[:-1] + ("x" if name[-1] != "x" else "y")
    message = _fails("policy", misspelt, {})
    assert "policies[0].name" in message and "unknown policy" in message
    assert f"did you mean '{name}'" in message
