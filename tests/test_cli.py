"""The `orgsim` command: outputs, overrides and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

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
            BASE + "policies: [{name: client_ownership, params: {firm_share: 3}}]\n",
            ["policies[0].params.firm_share", "less than or equal to 1"],
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
    from sim.docgen import without_stamp

    doc = Path(__file__).resolve().parent.parent / "docs" / "policies.md"
    assert without_stamp(doc.read_text(encoding="utf-8")) == policies_markdown(), (
        "regenerate: python experiments/regenerate_docs.py --only policies"
    )


# --- the command line never shows a traceback for a user's mistake ----------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["run", "baseline", "--seed", "-3"], "argument --seed: must be a whole number from 0"),
        (["run", "baseline", "--seed", "x"], "argument --seed: expected a whole number"),
        (
            ["run", "baseline", "--months", "0"],
            "argument --months: must be a whole number from 1 to 10,000",
        ),
        (
            ["run", "baseline", "--months", "10001"],
            "argument --months: must be a whole number from 1 to 10,000",
        ),
        (["run", "baseline", "--months", "100000000"], "not 100,000,000"),
        (["run", "baseline", "--months", "2.5"], "argument --months: expected a whole number"),
        (["demo", "--seeds", "0"], "argument --seeds: must be a whole number from 1"),
        (["demo", "--months", "20000"], "argument --months"),
        (["run"], "the following arguments are required: scenario"),
        (["rnu", "baseline"], "invalid choice: 'rnu'"),
    ],
)
def test_a_bad_argument_gets_one_line_naming_it_and_exit_2(capsys, argv, words):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err, err


def test_the_months_bound_is_the_scenario_file_s():
    from sim.params import bounds_of
    from sim.scenario import Scenario

    assert bounds_of(Scenario, "months") == (1, 10_000)


def test_an_out_that_is_a_file_is_refused_before_the_run(tmp_path, capsys):
    target = tmp_path / "taken"
    target.write_text("mine")
    assert main(["run", "baseline", "--months", "2", "--out", str(target)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert main(["run", "baseline", "--months", "2", "--out", str(target / "sub")]) == 2
    assert "is a file, so the folder cannot be made" in capsys.readouterr().err
    assert target.read_text() == "mine"


def test_an_unwritable_out_is_refused_before_the_run(tmp_path, capsys):
    import os

    if os.geteuid() == 0:  # root writes anywhere but in the kernel's own file systems
        target = Path("/proc/orgsim-test/out")
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "out"
    assert main(["run", "baseline", "--months", "2", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"orgsim run: --out {target}: cannot write there") and err.count("\n") == 1
    )


def test_run_refuses_a_folder_that_holds_something_else(tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work")
    assert main(["run", "baseline", "--months", "2", "--out", str(out)]) == 2
    assert "holds more than a run (thesis.docx)" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["thesis.docx"]


def test_run_replaces_its_own_earlier_run_but_not_another_one(tmp_path, capsys):
    out = tmp_path / "o"
    assert main(["run", "baseline", "--months", "2", "--seed", "4", "--out", str(out)]) == 0
    assert main(["run", "baseline", "--months", "2", "--seed", "4", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["run", "baseline", "--months", "2", "--seed", "5", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "holds the run of baseline, seed 4, 2 months" in err and "left untouched" in err
    assert json.loads((out / "summary.json").read_text())["seed"] == 4


def test_the_default_folder_names_the_overrides_so_runs_do_not_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for value in ("0.1", "0.3"):
        assert main(["run", "baseline", "--months", "2", "--set", f"market.shortage={value}"]) == 0
    assert main(["run", "baseline", "--months", "2"]) == 0
    assert sorted(p.name for p in (tmp_path / "runs").iterdir()) == [
        "baseline-seed1-2months",
        "baseline-seed1-2months-market.shortage=0.1",
        "baseline-seed1-2months-market.shortage=0.3",
    ]


def test_default_folder_names_stay_short_and_safe():
    from sim.cli import default_out
    from sim.scenario import load_scenario

    scenario = load_scenario("baseline")
    long = {f"psychology.weight_hygiene_{k}": 0.1 for k in ("pay", "security", "supervision")}
    odd = {"firm.name": "a/b c"}
    for overrides in (long, odd):
        name = default_out(scenario, 1, None, overrides).name
        assert len(name) < 100 and "/" not in name and " " not in name
    assert default_out(scenario, 1, None, odd) != default_out(
        scenario, 1, None, {"firm.name": "a_b_c"}
    )


def test_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    command = [sys.executable, "-m", "sim.cli", "policies"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader has gone before anything is written (as `| head -0`)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 141 and err == b"", err


def test_progress_is_shown_on_a_terminal_and_not_in_a_log(tmp_path, monkeypatch, capsys):
    import io
    import sys

    assert main(["run", "baseline", "--months", "3", "--out", str(tmp_path / "a")]) == 0
    assert capsys.readouterr().err == ""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["run", "baseline", "--months", "3", "--out", str(tmp_path / "b")]) == 0
    shown = terminal.getvalue()
    assert "baseline" in shown and "/3 [" in shown and "month" in shown


def test_outputs_follow_the_umask(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        assert main(["run", "baseline", "--months", "2", "--out", str(tmp_path / "o")]) == 0
        os.umask(0o027)
        assert main(["run", "baseline", "--months", "2", "--out", str(tmp_path / "p")]) == 0
    finally:
        os.umask(old)
    for folder, mode in (("o", 0o644), ("p", 0o640)):
        for path in (tmp_path / folder).iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == mode, (path, oct(path.stat().st_mode))


def test_summary_json_is_strict_json_with_null_for_what_is_undefined(tmp_path):
    import numpy as np

    from sim.outputs import write_json

    path = write_json(
        {"mean": float("nan"), "top": np.float64("inf"), "each": [np.nan, 1.5], "n": np.int64(3)},
        tmp_path / "s.json",
    )

    def refuse(constant):
        raise AssertionError(f"not JSON: {constant}")

    assert json.loads(path.read_text(), parse_constant=refuse) == {
        "mean": None,
        "top": None,
        "each": [None, 1.5],
        "n": 3,
    }


def test_a_run_of_a_firm_that_empties_writes_null_for_its_undefined_means(tmp_path):
    path = _bad(
        tmp_path,
        """
firm:
  employees: 1
  hire_to_plan: false
  roles:
    - {name: worker, count: 1, wage: 3000, output_value: 5000}
months: 3
timeline: [{month: 0, event: key_people_leave, params: {role: worker, count: 1}}]
""",
    )
    out = tmp_path / "o"
    assert main(["run", str(path), "--out", str(out)]) == 0

    def refuse(constant):
        raise AssertionError(f"not JSON: {constant}")

    summary = json.loads((out / "summary.json").read_text(), parse_constant=refuse)
    assert summary["headcount_end"] == 0 and summary["mean_satisfaction"] is None


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_gets_one_line_not_a_traceback():
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sim.cli", "policies"], stdout=full, stderr=subprocess.PIPE
        )
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "orgsim policies: No space left on device"


def test_a_huge_bad_argument_is_quoted_short(capsys):
    assert main(["x" * 5_000]) == 2
    err = capsys.readouterr().err
    assert len(err) < 500 and err.count("\n") == 1


def test_version_names_the_installed_package(capsys):
    from importlib import metadata

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"orgsim {metadata.version('orgsim')}"


@pytest.mark.parametrize(("lang", "mark"), [("en", "source: "), ("zh", "来源：")])
def test_params_lists_where_every_default_comes_from(capsys, lang, mark):
    from sim.agents.psychology import Psychology
    from sim.params import describe

    assert main(["params", "--lang", lang]) == 0
    out = capsys.readouterr().out
    declared = [info for info in describe(Psychology) if info.source]
    assert out.count(mark) == len(declared) > 50
    assert declared[0].source in out


def test_a_run_whose_firm_closes_early_can_be_rerun_into_its_folder(tmp_path, capsys):
    # a firm that cannot pay its overhead closes before the months asked for
    out = tmp_path / "o"
    args = ["run", "baseline", "--months", "12", "--seed", "2", "--out", str(out)]
    args += ["--set", "finances.overhead=100000000", "--set", "finances.credit_limit=0"]
    assert main(args) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["months"] < summary["months_asked"] == 12
    assert main(args) == 0, capsys.readouterr().err


def test_sigterm_stops_a_run_as_ctrl_c_does_and_leaves_no_folder(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "long"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from sim.cli import main; sys.exit(main())",
            "run",
            "baseline",
            "--months",
            "1200",
            "--out",
            str(out),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not out.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the folder is made just before the run starts
    assert out.exists(), proc.stderr.read() if proc.poll() is not None else "no folder"
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "stopped by SIGTERM" in err and "Traceback" not in err
    assert not out.exists()  # the folder made for the run is taken back


def test_the_run_summary_speaks_the_language_asked_and_says_when_the_firm_closed(tmp_path, capsys):
    args = ["run", "baseline", "--months", "12", "--seed", "2", "--lang", "zh"]
    args += ["--set", "finances.overhead=100000000", "--set", "finances.credit_limit=0"]
    assert main(args + ["--out", str(tmp_path / "zh")]) == 0
    out = capsys.readouterr().out
    assert "随机种子 2" in out and "企业在第" in out and "倒闭" in out and "nan" not in out


def test_the_demo_report_says_which_facts_are_not_reproduced_and_why(tmp_path):
    from sim.demo import flagship

    flagship(tmp_path / "demo", seeds=2)
    text = (tmp_path / "demo" / "report.md").read_text(encoding="utf-8")
    table, _, reasons = text.partition("What the model does not reproduce, and why")
    known = [
        line.split(" | ")[0].lstrip("| ")
        for line in table.splitlines()
        if line.endswith("| not reproduced (why: below) |")
    ]
    assert known, "Shengyi's cascade is not reproduced (sim.cases.NOT_REPRODUCED)"
    for claim in known:  # each is explained under the table
        assert f"- {claim}: " in reasons
