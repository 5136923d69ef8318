"""orgsim validate: one JSON object per fact with exactly the declared keys, intervals over the
ensemble, nulls beside the facts, and attribution tables."""

from __future__ import annotations

import json

from sim.calibration import validation
from sim.calibration.targets import BY_NAME
from sim.cli import main

TINY = validation.ValidationSettings(members=2, seeds=1)


def test_validate_json_has_exactly_the_declared_keys(capsys):
    assert (
        main(
            [
                "validate",
                "--json",
                "--quick",
                "--members",
                "2",
                "--seeds",
                "1",
                "--fact",
                "baseline_annual_voluntary_turnover",
                "--fact",
                "quits_rise_in_tight_market",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert [r["fact"] for r in out] == [
        "baseline_annual_voluntary_turnover",
        "quits_rise_in_tight_market",
    ]
    for record in out:
        assert set(record) == {
            "fact",
            "case",
            "statistic",
            "value",
            "interval",
            "holds_share",
            "role",
        }
        assert len(record["interval"]) == 2 and record["interval"][0] <= record["interval"][1]
        assert 0.0 <= record["holds_share"] <= 1.0
        assert record["role"] in ("calibration", "validation")


def test_the_ensemble_keeps_fitted_parameters_and_samples_the_others_from_their_priors():
    from sim.calibration import parameters

    members = validation.ensemble_members(None, 5, seed=1)
    assert len(members) == 5
    fitted = {p.path for p in parameters.FITTED}
    assert not fitted & set(members[0])  # no file: the fitted set keeps its defaults
    for prior in parameters.unfitted():
        values = [m[prior.path] for m in members]
        assert all(prior.low <= v <= prior.high for v in values)
    assert validation.ensemble_members(None, 5, seed=1) == members


def test_a_fact_with_a_null_reports_the_null_beside_it():
    fact = BY_NAME["quits_rise_in_tight_market"]
    [record] = validation.validate([fact], settings=TINY)
    assert record["null"]["mechanism"] == fact.null.mechanism
    assert record["null"]["overrides"] == {"psychology.offer_tightness_elasticity": 0.0}
    assert 0.5 < record["null"]["value"] < 2.0 and 0.0 <= record["null"]["holds_share"] <= 1.0


def test_attribution_tables_the_statistic_for_each_switch():
    fact = BY_NAME["baseline_annual_voluntary_turnover"]
    # a switch whose effect is certain: with no outside offers only personal events end jobs
    no_offers = {"psychology.offer_rate": 0.0, "psychology.unsolicited_offer_rate": 0.0}
    table = validation.attribution(fact, {"no offers": no_offers}, settings=TINY)
    assert table["switch"].tolist() == ["as it is", "no offers"]
    assert table.loc[1, "value"] < 0.5 * table.loc[0, "value"]


def test_a_case_runs_under_extra_overrides_and_refuses_ones_that_apply_nowhere():
    import pytest

    from sim.calibration.cases_bridge import run_case

    plain = run_case("walmart", {}, [11, 12])
    changed = run_case("walmart", {"psychology.quit_inequity": 0.5}, [11, 12])
    assert plain["respect_lowers_turnover"]["value"] != changed["respect_lowers_turnover"]["value"]
    assert run_case("walmart", {}, [11, 12]) == plain
    with pytest.raises(ValueError, match="apply to none of the scenarios"):
        run_case("walmart", {"policies.bottom_ranking.frequency": "monthly"}, [11])


def test_a_null_wins_over_a_calibrated_value_of_the_parameter_it_switches_off():
    fact = BY_NAME["quits_rise_in_tight_market"]
    members = [{"psychology.offer_tightness_elasticity": 1.5}]
    from sim.calibration.evaluate import bundles_for
    from sim.experiment import RunSettings

    [bundle] = bundles_for([fact.statistic, fact.null_statistic()], members, RunSettings(seeds=1))
    null_arm = next(label for label in bundle.runs if "null" in label)
    assert bundle[null_arm].scenario.psychology.offer_tightness_elasticity == 0.0
    assert fact.null_statistic()(bundle) < fact.statistic(bundle)
