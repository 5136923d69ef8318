"""Information and the PDCA loop: formal reports are late and noisy, informal channels early and
team by team, and the PDCA loop acts on what they show (source document: information channels;
the ERM platform run as PDCA)."""

from __future__ import annotations

import numpy as np
import pytest

from sim.model import OrgModel

from .harness import (
    SEEDS,
    arm,
    expect_higher,
    expect_lower,
    mean_and_se,
    metric_mean,
    policy,
    report,
    run,
    scenario_of,
)

# An underpaid firm: similar firms pay production workers 4200 against this firm's 3000.
UNDERPAID = {"firm.roles.production_worker.market_wage": 4200}


def _reading_errors(variant, delay: int) -> np.ndarray:
    errors = []
    for seed in SEEDS:
        model = run(variant, seed)
        reports = model.policy("formal_reports")
        truth = model.metrics().set_index("month").loc[reports.signal_month]
        assert reports.signal_month == model.month - 1 - delay
        for name in ("headcount", "cash", "output_per_employee", "mean_intent", "revenue"):
            errors.append(reports.signals[name] / truth[name] - 1.0)
    return np.array(errors)


def test_formal_reports_describe_the_firm_as_it_was_delay_months_ago_with_noise():
    exact = _reading_errors(arm(policy("formal_reports", delay_months=2, noise=0.0), months=12), 2)
    assert np.allclose(exact, 0.0)
    noisy = _reading_errors(arm(policy("formal_reports", delay_months=2, noise=0.1), months=12), 2)
    mean, se = mean_and_se(noisy)
    report(
        "formal reports, noise 0.1: relative error of readings (mean, sd)",
        f"{mean:+.4f}, {noisy.std(ddof=1):.4f} (n={noisy.size})",
    )
    assert abs(mean) < 3 * se + 1e-9
    assert 0.07 < noisy.std(ddof=1) < 0.13


def test_quarterly_reports_average_the_quarters_flows():
    key = arm(policy("formal_reports", every_months=3, delay_months=1, noise=0.0), months=12)
    for seed in SEEDS[:5]:
        model = run(key, seed)
        reports = model.policy("formal_reports")
        frame = model.metrics().set_index("month")
        quarter = frame.loc[reports.signal_month - 2 : reports.signal_month]
        assert reports.signals["turnover_rate_annual"] == pytest.approx(
            quarter["turnover_rate_annual"].mean()
        )
        assert reports.signals["headcount"] == frame.loc[reports.signal_month, "headcount"]


def test_informal_channels_read_each_reached_teams_mood_without_delay():
    key = arm(policy("informal_channels", noise=0.02), months=12, overrides=UNDERPAID)
    errors, seen_shares = [], []
    for seed in SEEDS:
        model = OrgModel(scenario_of(key), seed=seed).run(11)
        ws, n = model.workforce, model.workforce.n
        size = np.bincount(ws.team[:n])
        true = np.bincount(ws.team[:n], weights=ws.intent[:n]) / np.maximum(size, 1)
        model.step()  # the talks at the start of month 12 read the state at the end of month 11
        reading = model.policy("informal_channels").team_intent[: true.size]
        seen = ~np.isnan(reading)
        seen_shares.append(seen.mean())
        errors.extend((reading[seen] - true[seen]).tolist())
    sd = float(np.std(errors, ddof=1))
    report(
        "informal channels, noise 0.02: reading minus the teams' current intent (mean, sd); share of teams seen",
        f"{np.mean(errors):+.4f}, {sd:.4f} (n={len(errors)}); {np.mean(seen_shares):.2f}",
    )
    assert abs(np.mean(errors)) < 0.01 and 0.01 < sd < 0.03
    assert 0 < np.mean(seen_shares) < 1  # only teams with an informal leader are seen


def test_pdca_without_information_is_blind_and_does_nothing():
    blind = arm("pdca", months=24, overrides=UNDERPAID)
    none = arm(months=24, overrides=UNDERPAID)
    for seed in SEEDS[:5]:
        a, b = run(blind, seed).metrics(), run(none, seed).metrics()
        assert a.equals(b)


def test_pdca_reading_formal_reports_raises_pay_in_an_underpaid_firm():
    reports = arm("formal_reports", months=24, overrides=UNDERPAID)
    loop = arm("formal_reports", "pdca", months=24, overrides=UNDERPAID)
    expect_higher("PDCA on reports vs reports alone", loop, reports, metric_mean("mean_wage", 12))


@pytest.mark.xfail(
    strict=True,
    reason="not reproduced: PDCA raises the mean wage by 380 a month (t +9) but turnover falls by "
    "only 1.2 points (t -2.0, 20 seeds): at the calibrated spread of offers' worth (1.08 log "
    "points) a raise of about 10% holds few more people",
)
def test_pdca_reading_formal_reports_cuts_turnover_in_an_underpaid_firm():
    reports = arm("formal_reports", months=24, overrides=UNDERPAID)
    loop = arm("formal_reports", "pdca", months=24, overrides=UNDERPAID)
    expect_lower(
        "PDCA on reports vs reports alone", loop, reports, metric_mean("turnover_rate_annual", 7)
    )


@pytest.mark.slow
def test_pdca_reading_informal_channels_intervenes_with_alarmed_teams():
    talks = arm("informal_channels", months=24, overrides=UNDERPAID)
    loop = arm(
        "informal_channels", policy("pdca", pay_raise_percent=0.0), months=24, overrides=UNDERPAID
    )
    actions = [
        int((run(loop, s).events()["event"] == "pdca_team_intervention").sum()) for s in SEEDS
    ]
    report("PDCA team interventions in 24 months (20 seeds, mean)", np.mean(actions))
    assert np.mean(actions) > 2
    label = "PDCA on informal channels vs talks alone"
    expect_higher(label, loop, talks, metric_mean("need_safety", 4))
    expect_higher(label, loop, talks, metric_mean("need_esteem", 4))


def test_talking_with_informal_leaders_gives_staff_a_voice():
    expect_higher(
        "informal channels vs none",
        arm("informal_channels", months=24),
        arm(months=24),
        metric_mean("need_self_actualization", 6),
    )
