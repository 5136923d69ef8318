"""Calibrating to a firm's own spells, round trip on the shipped synthetic file (quick mode)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.calibration import calfile
from sim.calibration.bundle import Arm
from sim.calibration.own_firm import firm_scenario, observe, own_firm_targets
from sim.calibration.spells_file import load_spells
from sim.cli import main
from sim.model import OrgModel
from sim.scenario import load_scenario

SYNTHETIC = Path(__file__).resolve().parents[2] / "experiments" / "synthetic_spells.csv"


def test_the_observed_firm_has_a_falling_survival_curve_and_turnover_by_role():
    observed = observe(load_spells(SYNTHETIC), str(SYNTHETIC))
    survival = observed.survival.set_index("tenure")["survival"]
    assert survival.is_monotonic_decreasing and 0 < survival.iloc[-1] < 1
    assert set(observed.roles["role"]) == {"operator", "technician", "salesperson", "supervisor"}
    roles = observed.roles.set_index("role")
    assert (roles["low"] <= roles["turnover"]).all() and (roles["turnover"] <= roles["high"]).all()
    scenario = firm_scenario(observed)
    assert scenario.firm.employees == sum(r.count for r in scenario.firm.roles)
    targets = own_firm_targets(observed, Arm("own firm", "baseline"))
    assert any(t.name.startswith("survival_at") for t in targets)
    assert any(t.name == "turnover_operator" for t in targets)


@pytest.mark.slow
def test_round_trip_from_spells_to_a_calibrated_run(tmp_path):
    out = tmp_path / "own"
    assert (
        main(
            [
                "calibrate",
                "--spells",
                str(SYNTHETIC),
                "--quick",
                "--workers",
                "2",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    for name in ("calibration.json", "firm.yaml", "survival.png", "report.md"):
        assert (out / name).exists(), name
    firm = calfile.apply(load_scenario(out / "firm.yaml"), out / "calibration.json")
    model = OrgModel(firm, seed=1).run(12)
    assert model.metrics()["headcount"].iloc[-1] > 0
    assert "survival.png" in (out / "report.md").read_text()
