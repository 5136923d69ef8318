"""The declared targets: every case fact of sim/cases.py is declared once, every target has a
source, and the literature targets compute on the model."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import pytest

from sim.calibration.targets import CASE_FACTS, LITERATURE, TARGETS

CASES_FILE = Path(__file__).resolve().parents[2] / "sim" / "cases.py"


def reported_facts() -> set[tuple[str, str]]:
    """(case function, fact) of every Outcome(...) built in sim/cases.py."""
    from sim.cases import CASES

    functions = {fn.__name__: name for name, fn in CASES.items()}
    found = set()
    for node in ast.parse(CASES_FILE.read_text()).body:
        if isinstance(node, ast.FunctionDef) and node.name in functions:
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and getattr(call.func, "id", None) == "Outcome"
                    and isinstance(call.args[0], ast.Constant)
                ):
                    found.add((functions[node.name], call.args[0].value))
    return found


def test_the_case_facts_declared_are_exactly_those_sim_cases_reports():
    declared = {(t.case, t.name) for t in CASE_FACTS}
    assert declared == reported_facts()


def test_every_target_has_a_source_a_role_and_a_unique_name():
    names = [t.name for t in TARGETS]
    assert len(names) == len(set(names))
    for t in TARGETS:
        assert t.source.strip() and t.role in ("calibration", "validation")
    assert all(t.role == "validation" for t in CASE_FACTS)


def test_literature_targets_state_the_numbers_of_their_sources():
    by = {t.name: t for t in LITERATURE}
    assert by["tenure_first_year_vs_five_years"].tolerance == (2.0, math.inf)
    assert by["separation_elasticity"].tolerance == (-1.5, -0.2)
    assert by["baseline_annual_voluntary_turnover"].tolerance == (0.08, 0.20)
    assert by["baseline_output_per_employee_stationary"].tolerance == (-0.03, 0.03)
    assert by["baseline_client_book_stationary"].tolerance == (-0.10, 0.10)


@pytest.fixture(scope="module")
def default_bundle():
    from sim.calibration.evaluate import bundles_for
    from sim.experiment import RunSettings

    return bundles_for([t.statistic for t in LITERATURE], [{}], RunSettings(seeds=1))[0]


def test_every_literature_target_computes_a_number_on_the_default_model(default_bundle):
    for t in LITERATURE:
        value = t.compute(default_bundle)
        assert math.isfinite(value), t.name
    turnover = next(t for t in LITERATURE if t.name == "baseline_annual_voluntary_turnover")
    assert 0.02 < turnover.compute(default_bundle) < 0.5
