"""A firm's past is simulated once per scenario and seed and then copied: the copy gives the same
numbers as a model built afresh, and scenarios that differ only in their timeline share it."""

import pandas as pd

from sim import OrgModel, history, load_scenario


def _run(model, months=12):
    return model.run(months).metrics()


def test_a_copied_past_gives_the_same_numbers_as_a_fresh_one():
    history.forget()
    scenario = load_scenario("shengyi")
    first = _run(OrgModel.from_scenario(scenario, seed=3))
    again = _run(OrgModel.from_scenario(scenario, seed=3))  # from the cache
    fresh = _run(OrgModel(scenario, seed=3))
    pd.testing.assert_frame_equal(first, fresh)
    pd.testing.assert_frame_equal(again, fresh)


def test_a_timeline_does_not_change_the_past_and_is_taken_over():
    history.forget()
    base = load_scenario("baseline")
    adopted = base.with_overrides(
        {"timeline": [{"month": 0, "event": "add_policy", "params": {"policy": "piece_rate"}}]}
    )
    assert history.past_key(base, 1, "vectorised") == history.past_key(adopted, 1, "vectorised")
    OrgModel.from_scenario(base, seed=1)
    model = OrgModel.from_scenario(adopted, seed=1)
    assert model.spec is adopted
    pd.testing.assert_frame_equal(_run(model, 6), _run(OrgModel(adopted, seed=1), 6))
    assert model.policy("piece_rate") is not None
