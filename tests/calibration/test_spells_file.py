"""A spells file is checked before anything runs: bad rows are refused with the file, the row, the
column and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.calibration.spells_file import SpellsFileError, load_spells
from sim.cli import main
from sim.org.exits import EXIT_KINDS

SYNTHETIC = Path(__file__).resolve().parents[2] / "experiments" / "synthetic_spells.csv"
HEADER = "role,hire_month,exit_month,exit_kind,wage\n"


def write(tmp_path, text, name="spells.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_synthetic_file_is_clean_and_says_it_is_synthetic():
    assert SYNTHETIC.read_text().startswith("# SYNTHETIC")
    spells = load_spells(SYNTHETIC)
    assert set(spells["role"]) == {"operator", "technician", "salesperson", "supervisor"}
    assert spells["exit_kind"].dropna().isin(EXIT_KINDS).all()


def test_a_bad_exit_kind_is_refused_naming_the_row_the_column_and_the_allowed_kinds(tmp_path):
    path = write(tmp_path, HEADER + "operator,1,5,quit,3000\noperator,2,7,fired,3000\n")
    with pytest.raises(SpellsFileError) as err:
        load_spells(path)
    text = str(err.value)
    assert str(path) in text and "row 2 (line 3)" in text and "column exit_kind" in text
    assert "'fired'" in text and "quit, non_renewal, dismissal, layoff or retirement" in text


def test_a_retirement_is_an_exit_kind_of_its_own(tmp_path):
    spells = load_spells(write(tmp_path, HEADER + "operator,1,300,retirement,3000\n"))
    assert spells["exit_kind"].tolist() == ["retirement"]


def test_every_bad_row_is_reported_at_once(tmp_path):
    rows = "operator,x,,,3000\nsales,4,2,quit,3000\nsales,4,,,-5\n,1,,,3000\n"
    with pytest.raises(SpellsFileError) as err:
        load_spells(write(tmp_path, HEADER + rows))
    text = str(err.value)
    assert "row 1 (line 2), column hire_month: 'x'" in text
    assert "row 2 (line 3)" in text and "before hire_month" in text
    assert "row 3 (line 4), column wage: '-5'" in text and "positive number" in text
    assert "row 4 (line 5), column role" in text


def test_an_exit_month_without_a_kind_is_refused(tmp_path):
    with pytest.raises(SpellsFileError, match="exit_month and exit_kind go together"):
        load_spells(write(tmp_path, HEADER + "operator,1,5,,3000\n"))


def test_missing_and_unknown_columns_are_named_with_the_columns_allowed(tmp_path):
    with pytest.raises(SpellsFileError) as err:
        load_spells(write(tmp_path, "role,hired,exit_month,exit_kind,wage\noperator,1,,,3000\n"))
    assert "missing column(s) ['hire_month']" in str(err.value)
    assert "unknown column(s) ['hired']" in str(err.value)


def test_the_command_refuses_a_bad_file_before_running_anything(tmp_path, capsys):
    path = write(tmp_path, HEADER + "operator,2,7,fired,3000\n")
    assert main(["calibrate", "--spells", str(path), "--quick", "--out", str(tmp_path / "o")]) == 2
    assert "column exit_kind" in capsys.readouterr().err
    assert not (tmp_path / "o" / "calibration.json").exists()
