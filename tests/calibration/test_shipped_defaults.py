"""The psychology's fitted parameters default to the shipped calibration's best run, and the
shipped file records what it was fitted to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.calibration.parameters import FITTED, declared
from sim.calibration.targets import calibration_targets

SHIPPED = Path(__file__).resolve().parents[2] / "calibration" / "default_model.json"


@pytest.fixture(scope="module")
def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_every_fitted_parameter_defaults_to_the_calibrated_value(shipped):
    fitted = {p["path"]: p for p in shipped["parameters"]}
    assert set(fitted) == {p.path for p in FITTED}, "refit: the fitted set changed"
    for path, entry in fitted.items():
        info = declared(path)
        # the declaration keeps three significant figures of the best run
        assert info.default == pytest.approx(entry["value"], rel=5e-3), path
        assert "calibrated" in info.source and "default_model.json" in info.source, path


def test_the_shipped_calibration_names_the_targets_it_was_fitted_to(shipped):
    names = {t["name"] for t in shipped["targets"]}
    assert names == {t.name for t in calibration_targets()}
    assert shipped["format"] == "orgsim-calibration/1" and shipped["ensemble"]["size"] >= 10
