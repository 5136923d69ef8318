"""A firm's employment spells, read from CSV and checked before anything runs.

One row per spell (one person in one job), with exactly these columns:

- ``role``: the job, any non-empty name;
- ``hire_month``: the month the person was hired, an integer (months count from the start of the
  records; people hired before them have negative months);
- ``exit_month``: the month they left, an integer not before ``hire_month``; empty if still
  employed when the records end;
- ``exit_kind``: how they left: ``quit``, ``non_renewal``, ``dismissal`` or ``layoff``; empty if
  still employed;
- ``wage``: their monthly wage, a positive number.

Lines starting with ``#`` are comments. Every bad row is reported at once, each with the file, its
row (and line), its column, the value and what is allowed; nothing is returned until the file is
clean.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

COLUMNS = ("role", "hire_month", "exit_month", "exit_kind", "wage")
MAX_REPORTED = 25


class SpellsFileError(ValueError):
    """A spells file that cannot be used: every problem, with its row and column."""

    def __init__(self, path: str | os.PathLike, problems: list[str]):
        self.path, self.problems = str(path), problems
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        lines = [f"{path}: the spells file has {len(problems)} problem(s); nothing was run:"]
        lines += [f"  {p}" for p in shown]
        if more:
            lines.append(f"  ... and {more} more")
        super().__init__("\n".join(lines))


class Spell(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: str = Field(min_length=1)
    hire_month: int
    exit_month: int | None = None
    exit_kind: Literal["quit", "non_renewal", "dismissal", "layoff", "retirement"] | None = None
    wage: float = Field(gt=0)

    @model_validator(mode="after")
    def _consistent(self):
        if (self.exit_month is None) != (self.exit_kind is None):
            raise ValueError(
                "exit_month and exit_kind go together: both empty (still employed) or both given"
            )
        if self.exit_month is not None and self.exit_month < self.hire_month:
            raise ValueError(f"exit_month {self.exit_month} is before hire_month {self.hire_month}")
        return self


ALLOWED = {
    "role": "a non-empty name",
    "hire_month": "an integer month",
    "exit_month": "an integer month, or empty if still employed",
    "exit_kind": "quit, non_renewal, dismissal, layoff or retirement, or empty if still employed",
    "wage": "a positive number (monthly wage)",
}


def _data_lines(text: str) -> list[int]:
    """File line numbers of the data rows (after the header, skipping comments and blanks)."""
    numbers = [
        i
        for i, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return numbers[1:]


def load_spells(path: str | os.PathLike) -> pd.DataFrame:
    """The spells of a CSV file, validated (see the module docstring)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpellsFileError(path, [f"cannot read the file: {exc.strerror}"]) from None
    try:
        raw = pd.read_csv(
            path, comment="#", dtype=str, keep_default_na=False, skipinitialspace=True
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SpellsFileError(path, [f"not a readable CSV file: {exc}"]) from None
    raw.columns = [str(c).strip() for c in raw.columns]
    missing = [c for c in COLUMNS if c not in raw.columns]
    unknown = [c for c in raw.columns if c not in COLUMNS]
    problems = []
    if missing:
        problems.append(f"header: missing column(s) {missing}; the columns are {list(COLUMNS)}")
    if unknown:
        problems.append(f"header: unknown column(s) {unknown}; the columns are {list(COLUMNS)}")
    if problems:
        raise SpellsFileError(path, problems)
    if raw.empty:
        raise SpellsFileError(path, ["the file has a header but no spells"])
    lines = _data_lines(text)
    rows = []
    for index, record in enumerate(raw.to_dict(orient="records")):
        values = {k: (v.strip() if isinstance(v, str) else v) for k, v in record.items()}
        values = {k: (None if v == "" else v) for k, v in values.items()}
        where = f"row {index + 1}" + (f" (line {lines[index]})" if index < len(lines) else "")
        try:
            rows.append(Spell.model_validate(values).model_dump())
        except ValidationError as exc:
            for err in exc.errors():
                column = str(err["loc"][0]) if err["loc"] else "exit_month/exit_kind"
                value = (
                    values.get(column)
                    if err["loc"]
                    else (values["exit_month"], values["exit_kind"])
                )
                allowed = ALLOWED.get(column, err["msg"].removeprefix("Value error, "))
                if not err["loc"]:
                    allowed = err["msg"].removeprefix("Value error, ")
                problems.append(
                    f"{where}, column {column}: {value!r} is not allowed; expected {allowed}"
                )
    if problems:
        raise SpellsFileError(path, problems)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["exit_month"] = frame["exit_month"].astype("float")
    return frame
