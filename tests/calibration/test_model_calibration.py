"""The harness on the model itself (slow): a quick calibration writes a usable file, and the same
seed gives the same parameters with one worker or two."""

from __future__ import annotations

import pytest

from sim.calibration import calfile, harness
from sim.calibration.targets import LITERATURE
from sim.scenario import load_scenario

TINY = harness.CalibrationSettings(
    waves=1, points=4, seeds=2, ensemble=3, minimum=2, candidates=2**8, seed=5
)
TARGETS = [
    t
    for t in LITERATURE
    if t.name in ("baseline_annual_voluntary_turnover", "quits_rise_in_tight_market")
]


@pytest.mark.slow
def test_model_calibration_is_the_same_with_one_worker_or_two(tmp_path):
    one = harness.calibrate(TARGETS, settings=TINY, workers=None, out=tmp_path / "one.json")
    two = harness.calibrate(TARGETS, settings=TINY, workers=2, out=tmp_path / "two.json")
    assert one["ensemble"]["members"] == two["ensemble"]["members"]
    assert [t["reached"] for t in one["targets"]] == [t["reached"] for t in two["targets"]]


@pytest.mark.slow
def test_quick_calibration_of_the_model_writes_a_file_a_run_can_name(tmp_path):
    path = tmp_path / "calibration.json"
    data = harness.calibrate(settings=harness.QUICK, workers=2, out=path)
    assert {t["name"] for t in data["targets"]} == {t.name for t in LITERATURE}
    assert data["versions"]["scikit-learn"] and data["fingerprint"]["code"]
    scenario = calfile.apply(load_scenario("baseline"), path)
    best = data["ensemble"]["members"][data["ensemble"]["best"]]
    for path_, value in best.items():
        assert getattr(scenario.psychology, path_.removeprefix("psychology.")) == pytest.approx(
            value
        )
