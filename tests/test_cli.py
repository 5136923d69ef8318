"""The `orgsim` command: outputs, overrides and clear errors for bad input."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sim.agents.psychology import DRIVERS
from sim.cli import main
from sim.policies import EVENTS, POLICIES

REQUIRED_METRICS = (
    "month, headcount, hires, quits, dismissals, layoffs, turnover_rate_annual, mean_satisfaction, "
    "mean_dissatisfaction, mean_effort, output_per_employee, revenue, wage_bill, profit, cash, clients, "
    "intent_to_quit_share, mean_equity, mean_commitment, culture_strength, need_physiological, need_safety, "
    "need_belonging, need_esteem, need_self_actualization"
).split(", ")


@pytest.fixture(scope="module")
def baseline_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert main(["run", "baseline", "--months", "24", "--seed", "3", "--out", str(out)]) == 0
    return out


def test_run_writes_the_four_outputs(baseline_run):
    assert sorted(p.name for p in baseline_run.iterdir()) == [
        "events.csv",
        "metrics.csv",
        "report.png",
        "summary.json",
    ]


def test_metrics_csv_has_every_required_column_and_a_row_per_month(baseline_run):
    metrics = pd.read_csv(baseline_run / "metrics.csv")
    assert set(REQUIRED_METRICS) <= set(metrics.columns)
    assert list(metrics.month) == list(range(25))
    assert metrics.notna().all().all()


def test_events_csv_records_drivers_for_every_exit(baseline_run):
    events = pd.read_csv(baseline_run / "events.csv")
    assert {"month", "event", "employee_id", "role", "tenure_months"} <= set(events.columns)
    exits = events[events.event.isin(["quit", "non_renewal", "dismissal", "layoff"])]
    assert len(exits) > 0
    shares = exits[[f"driver_{d}" for d in DRIVERS]]
    assert (shares >= 0).all().all()
    assert shares.sum(axis=1).round(6).eq(1.0).all()
    assert set(events.event) >= {"hire", "quit"}


def test_summary_json_names_scenario_seed_months_and_headlines(baseline_run):
    summary = json.loads((baseline_run / "summary.json").read_text())
    assert summary["scenario"] == "baseline" and summary["seed"] == 3 and summary["months"] == 24
    assert {"headcount_end", "voluntary_turnover_annual", "profit_total", "cash_end"} <= set(
        summary
    )


def test_report_png_is_a_real_picture(baseline_run):
    data = (baseline_run / "report.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000


def test_set_overrides_a_field_by_dotted_path(tmp_path):
    out = tmp_path / "o"
    assert (
        main(
            [
                "run",
                "baseline",
                "--months",
                "3",
                "--out",
                str(out),
                "--set",
                "firm.roles.salesperson.wage=9999",
            ]
        )
        == 0
    )
    summary = json.loads((out / "summary.json").read_text())
    assert summary["overrides"] == {"firm.roles.salesperson.wage": 9999}


def test_same_seed_same_numbers_from_the_command(tmp_path):
    for name in ("a", "b"):
        assert (
            main(["run", "baseline", "--months", "6", "--seed", "5", "--out", str(tmp_path / name)])
            == 0
        )
    a = pd.read_csv(tmp_path / "a" / "metrics.csv")
    b = pd.read_csv(tmp_path / "b" / "metrics.csv")
    pd.testing.assert_frame_equal(a, b)


def _bad(tmp_path, text: str):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    return path


BASE = """
firm:
  employees: 10
  roles:
    - {name: worker, count: 10, wage: 3000, output_value: 5000}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            BASE.replace("wage: 3000", "wage: -5"),
            ["firm.roles[0].wage", "-5", "greater than or equal to 1"],
        ),
        (
            BASE.replace("employees: 10", "employees: 12"),
            ["firm", "employees = 12 but the role counts add up to 10"],
        ),
        (
            BASE + "market: {shortage: 1.5}\n",
            ["market.shortage", "1.5", "less than or equal to 0.95"],
        ),
        (
            BASE + "market: {shortag: 0.2}\n",
            ["market.shortag", "unknown field", "did you mean 'shortage'"],
        ),
        (
            BASE + "policies: [{name: no_such_policy}]\n",
            ["policies[0].name", "no_such_policy", "unknown policy"],
        ),
        (
            BASE + "policies: [{name: client_ownership, params: {mode: shared}}]\n",
            ["policies[0].params.mode", "'shared'", "contested"],
        ),
        (
            BASE + "policies: [{name: client_ownership, params: {rivalry: 3}}]\n",
            ["policies[0].params.rivalry", "less than or equal to 1"],
        ),
        (
            BASE + "policies: [{name: client_ownership, params: {rivalri: 0.3}}]\n",
            ["policies[0].params.rivalri", "unknown parameter"],
        ),
        (
            BASE + "months: 12\ntimeline: [{month: 30, event: demand, params: {level: 0.5}}]\n",
            ["timeline[0].month", "30", "within the run"],
        ),
        (
            BASE + "timeline: [{month: 3, event: earthquake}]\n",
            ["timeline[0].event", "earthquake", "unknown event"],
        ),
        ("firm: [1, 2\n", ["not valid YAML"]),
        ("- just\n- a list\n", ["must hold a mapping"]),
        ("firm: !!python/object/apply:os.system ['echo hacked']\n", ["firm", "not allowed"]),
        ("name: x\n", ["firm", "required field is missing"]),
    ],
)
def test_bad_scenario_file_fails_naming_file_field_and_what_is_allowed(
    tmp_path, capsys, text, expected
):
    path = _bad(tmp_path, text)
    out = tmp_path / "out"
    assert main(["run", str(path), "--months", "2", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    for fragment in expected:
        assert fragment in err, (fragment, err)
    assert not out.exists(), "nothing is written for a scenario that fails validation"


def test_bad_override_names_the_path(capsys, tmp_path):
    assert (
        main(["run", "baseline", "--out", str(tmp_path / "o"), "--set", "market.shortage=2"]) == 2
    )
    err = capsys.readouterr().err
    assert "market.shortage" in err and "less than or equal to 0.95" in err
    assert (
        main(["run", "baseline", "--out", str(tmp_path / "o"), "--set", "firm.roles.sales.wage=3"])
        == 2
    )
    assert "no item named 'sales'" in capsys.readouterr().err


def test_timeline_beyond_a_shorter_run_fails(capsys, tmp_path):
    path = _bad(
        tmp_path,
        BASE + "months: 24\ntimeline: [{month: 20, event: demand, params: {level: 0.5}}]\n",
    )
    assert main(["run", str(path), "--months", "12", "--out", str(tmp_path / "o")]) == 2
    assert "beyond the run" in capsys.readouterr().err


def test_unknown_scenario_name_lists_the_available_ones(capsys):
    assert main(["run", "no_such_case"]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "baseline" in err


def test_policies_command_lists_every_policy_and_event_with_parameters(capsys):
    assert main(["policies"]) == 0
    out = capsys.readouterr().out
    for name in list(POLICIES) + list(EVENTS):
        assert name in out


def test_docs_policies_md_is_generated_from_the_code():
    from pathlib import Path

    from sim.catalogue import policies_markdown

    doc = Path(__file__).resolve().parent.parent / "docs" / "policies.md"
    assert doc.read_text(encoding="utf-8") == policies_markdown(), (
        "regenerate: orgsim policies --markdown > docs/policies.md"
    )
