"""A calibration file is read only when named; apply() changes the psychology and nothing else."""

from __future__ import annotations

import json
import warnings

import pytest

from sim.calibration import calfile
from sim.scenario import load_scenario


def calibration(tmp_path, members, best=0, **extra):
    data = {
        "ensemble": {"members": members, "best": best, "size": len(members), "seed": 0},
        "fingerprint": calfile.fingerprint(),
    } | extra
    return calfile.write(data, tmp_path / "calibration.json")


def test_apply_overrides_the_psychology_with_the_best_member_and_nothing_else(tmp_path):
    path = calibration(
        tmp_path, [{"psychology.loss_aversion": 3.0}, {"psychology.loss_aversion": 2.5}], best=1
    )
    base = load_scenario("baseline")
    out = calfile.apply(base, path)
    assert out.psychology.loss_aversion == 2.5
    assert out.model_dump(exclude={"psychology"}) == base.model_dump(exclude={"psychology"})
    assert calfile.apply(base, path, member=0).psychology.loss_aversion == 3.0
    assert calfile.ensemble(path) == [
        {"psychology.loss_aversion": 3.0},
        {"psychology.loss_aversion": 2.5},
    ]


def test_a_calibration_may_set_only_psychology(tmp_path):
    path = calibration(tmp_path, [{"market.shortage": 0.3}])
    with pytest.raises(calfile.CalibrationFileError, match="only psychology"):
        calfile.load(path)


def test_the_file_hash_changes_with_the_file(tmp_path):
    path = calibration(tmp_path, [{"psychology.loss_aversion": 3.0}])
    before = calfile.file_hash(path)
    calibration(tmp_path, [{"psychology.loss_aversion": 3.1}])
    assert calfile.file_hash(path) != before and len(before) == 64


def test_a_file_fitted_to_other_code_warns(tmp_path):
    path = calibration(
        tmp_path, [{"psychology.loss_aversion": 3.0}], fingerprint={"code": "x", "scenarios": "y"}
    )
    with pytest.warns(calfile.CalibrationWarning, match="code and scenarios"):
        calfile.load(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        calfile.load(calibration(tmp_path, [{"psychology.loss_aversion": 3.0}]))


def test_a_file_that_is_not_a_calibration_is_refused_naming_the_field(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"format": "something else"}))
    with pytest.raises(calfile.CalibrationFileError, match="field 'format'"):
        calfile.load(path)
