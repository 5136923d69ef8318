"""The spell rules and the hazards by tenure compute what they claim, on spells with known answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from lifelines import KaplanMeierFitter

from sim.calibration.spells import (
    Band,
    band_hazard,
    km_inputs,
    life_table,
    role_headcount,
    spells_from_events,
)

LAST = 120


def spells(rows):
    return pd.DataFrame(rows, columns=["spell", "role", "hire_month", "exit_month", "exit_kind"])


def test_person_months_at_risk_follow_the_stated_rules_on_a_hand_made_case():
    table = life_table(
        spells(
            [
                ("a", "w", 10, 13.0, "quit"),  # at risk at tenures 1, 2, 3; exits at 3
                ("b", "w", 10, 12.0, "dismissal"),  # removed before quitting at 2: at risk at 1
                ("c", "w", 118, np.nan, None),  # censored at the end: at risk at 1, 2
                ("d", "w", 100, 101.0, "non_renewal"),  # at risk at 1; exits at 1
            ]
        ),
        LAST,
    )
    assert table.loc[1:3, "at_risk"].tolist() == [4, 2, 1]
    assert table.loc[1:3, "exits"].tolist() == [1, 0, 1]
    assert band_hazard(table, Band(1, 3)) == pytest.approx(2 / 7)


def test_left_truncated_spells_enter_at_the_tenure_they_had_when_records_start():
    table = life_table(spells([("a", "w", -5, 3.0, "quit")]), LAST, first_month=0)
    # records start at month 0: tenure 5 then; at risk at tenures 5..8, exit at 8
    assert table["at_risk"].loc[5:8].tolist() == [1, 1, 1, 1]
    assert table["at_risk"].loc[1:4].sum() == 0 and table["exits"].loc[8] == 1


def draw_spells(hazard_of_tenure, n, last, rng):
    """n people hired uniformly over the run, each leaving with the given monthly hazard."""
    rows = []
    for i in range(n):
        hire = int(rng.integers(0, last))
        tenure, exit_month = 0, np.nan
        while hire + tenure < last:
            tenure += 1
            if rng.random() < hazard_of_tenure(tenure):
                exit_month = hire + tenure
                break
        kind = "quit" if np.isfinite(exit_month) else None
        rows.append((str(i), "w", hire, exit_month, kind))
    return spells(rows)


def test_band_hazards_recover_a_known_hazard_that_peaks_early():
    def hazard(t):
        return 0.04 if t <= 6 else (0.02 if t <= 12 else 0.008)

    table = life_table(draw_spells(hazard, 6000, LAST, np.random.default_rng(5)), LAST)
    for band, truth in ((Band(1, 6), 0.04), (Band(7, 12), 0.02), (Band(13), 0.008)):
        rows = table.loc[band.first : band.last or table.index.max()]
        exposure = rows["at_risk"].sum()
        standard_error = np.sqrt(truth * (1 - truth) / exposure)
        assert abs(band_hazard(table, band) - truth) < 4 * standard_error, band
    ratio = band_hazard(table, Band(1, 12)) / band_hazard(table, Band(61))
    assert 3.0 < ratio < 4.5  # (6 * 0.04 + 6 * 0.02) / 12 / 0.008 = 3.75 (exposure weighted)


def test_lifelines_kaplan_meier_is_the_product_of_the_life_table():
    table = life_table(draw_spells(lambda t: 0.03, 500, 60, np.random.default_rng(1)), 60)
    durations, events, entry = km_inputs(
        draw_spells(lambda t: 0.03, 500, 60, np.random.default_rng(1)), 60
    )
    fitter = KaplanMeierFitter().fit(durations, events, entry=entry)
    product = np.cumprod(1 - table["hazard"].fillna(0).to_numpy())
    at = [6, 12, 24, 48]
    assert np.allclose(fitter.survival_function_at_times(at).to_numpy(), product[np.array(at) - 1])


def events_table():
    return pd.DataFrame(
        {
            "month": [1, 1, 4, 5, 9],
            "event": ["hire", "hire", "quit", "dismissal", "quit"],
            "employee_id": [201, 202, 201, 7, 8],
            "role": ["worker", "sales", "worker", "worker", "sales"],
            "tenure_months": [0, 0, 3, 40, 12],
        }
    )


def test_spells_come_from_hires_matched_to_their_exits_and_month_zero_staff_are_left_out():
    out = spells_from_events(events_table(), last_month=12)
    assert out["hire_month"].tolist() == [1, 1]
    assert out.set_index("role").loc["worker", "exit_month"] == 4
    assert out.set_index("role").loc["worker", "exit_kind"] == "quit"
    assert np.isnan(out.set_index("role").loc["sales", "exit_month"])


def test_role_headcount_is_rebuilt_from_the_initial_roles_and_every_hire_and_exit():
    counts = role_headcount(events_table(), {"worker": 10, "sales": 5}, range(0, 13))
    assert counts.loc[0].tolist() == [10, 5]
    assert counts.loc[1].tolist() == [11, 6]
    assert counts.loc[12].tolist() == [9, 5]
