"""Make the synthetic example of a firm's employment spells (experiments/synthetic_spells.csv).

SYNTHETIC DATA: no real firm, no real person. The file exists so that
``orgsim calibrate --spells`` can be tried and tested; calibrating to it says nothing about any
organisation.

The firm: four roles (120 operators, 30 technicians, 24 salespeople, 12 supervisors), observed for
48 months. Everyone employed at month 0 was hired before it (tenure drawn from an exponential with
a mean of 40 months). Each month, each person leaves voluntarily with a hazard that falls with
tenure (3% a month in the first six months, 1.8% to the end of the first year, 1.0% to three
years, 0.6% after), times a factor of the role (operators 1.2, technicians 0.8, salespeople 1.5,
supervisors 0.5); a voluntary exit at a contract's anniversary (every 12 months of tenure) is a
non-renewal, any other a quit; a few are dismissed (0.1% a month) and, in months 30-32, 3% are laid off. Every vacancy is refilled the
next month. Wages: the role's wage with a 10% spread. Deterministic from ``--seed``.

    python experiments/synthetic_spells.py --seed 7 --out experiments/synthetic_spells.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

ROLES = {  # role: (headcount, monthly wage, hazard factor)
    "operator": (120, 3200.0, 1.2),
    "technician": (30, 5200.0, 0.8),
    "salesperson": (24, 4000.0, 1.5),
    "supervisor": (12, 7000.0, 0.5),
}
MONTHS = 48
HAZARD_BY_TENURE = ((6, 0.030), (12, 0.018), (36, 0.010), (10**6, 0.006))  # (up to month, hazard)
DISMISSAL = 0.001
LAYOFF_MONTHS, LAYOFF_SHARE = (30, 31, 32), 0.03
INITIAL_TENURE_MEAN = 40.0
HEADER = (
    "# SYNTHETIC employment spells, made by experiments/synthetic_spells.py --seed {seed}; "
    "not real data: no real firm or person\n"
)


def voluntary_hazard(tenure: int) -> float:
    for last, hazard in HAZARD_BY_TENURE:
        if tenure <= last:
            return hazard
    raise AssertionError("unreachable")


def make(seed: int) -> list[dict]:
    rng = np.random.default_rng(seed)
    spells: list[dict] = []
    employed: list[dict] = []

    def hire(role: str, month: int) -> None:
        wage = ROLES[role][1] * float(np.exp(rng.normal(0.0, 0.1)))
        person = {
            "role": role,
            "hire_month": month,
            "exit_month": None,
            "exit_kind": None,
            "wage": round(wage, 2),
        }
        spells.append(person)
        employed.append(person)

    for role, (count, _, _) in ROLES.items():
        for tenure in np.round(rng.exponential(INITIAL_TENURE_MEAN, count)).astype(int):
            hire(role, -int(tenure))
    for month in range(1, MONTHS + 1):
        for person in list(employed):
            tenure = month - person["hire_month"]
            factor = ROLES[person["role"]][2]
            kind = None
            if month in LAYOFF_MONTHS and rng.random() < LAYOFF_SHARE:
                kind = "layoff"
            elif rng.random() < DISMISSAL:
                kind = "dismissal"
            elif rng.random() < factor * voluntary_hazard(tenure):
                kind = "non_renewal" if tenure % 12 == 0 else "quit"
            if kind:
                person["exit_month"], person["exit_kind"] = month, kind
                employed.remove(person)
        counts = {role: sum(p["role"] == role for p in employed) for role in ROLES}
        for role, (count, _, _) in ROLES.items():
            for _ in range(count - counts[role]):
                hire(role, month)
    return spells


def write(spells: list[dict], path: Path, seed: int) -> Path:
    lines = [HEADER.format(seed=seed), "role,hire_month,exit_month,exit_kind,wage\n"]
    for s in spells:
        exit_month = "" if s["exit_month"] is None else str(s["exit_month"])
        lines.append(
            f"{s['role']},{s['hire_month']},{exit_month},{s['exit_kind'] or ''},{s['wage']}\n"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=str(Path(__file__).with_name("synthetic_spells.csv")))
    args = parser.parse_args(argv)
    path = write(make(args.seed), Path(args.out), args.seed)
    print(f"wrote {path} (synthetic)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
