"""Regenerate docs/cases.md: every case's figure and the table of facts against the source document.

    .venv/bin/python experiments/cases.py [--seeds 30]

Each fact is measured by sim.cases (the same code the tests in tests/cases/ assert), over common
random numbers; each figure shows the paired trajectories (median and 10-90% band across seeds).
A full run takes a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sim import cases
from sim.cases import CARE, RULES, STATUS_CONSCIOUS, crn_seeds, run_arm
from sim.viz.report import comparison_report

DOCS = Path(__file__).resolve().parent.parent / "docs"
FIGURES = DOCS / "figures" / "cases"

# case -> (title, [(label, scenario, overrides, months)], panels)
FIGURE_SPECS = {
    "shengyi": (
        "Shengyi against its reformed twin",
        [("Shengyi", "shengyi", None, 24), ("reformed twin", "shengyi_reformed", None, 24)],
        [
            ("headcount", "Headcount", 1),
            ("intent_to_quit_share", "Intending not to renew (%)", 100),
            ("clients", "Clients", 1),
            ("revenue", "Revenue a month", 1),
            ("cash", "Cash", 1),
            ("mean_dissatisfaction", "Dissatisfaction", 1),
        ],
    ),
    "lincoln": (
        "Lincoln Electric against a salaried, at-will competitor (recession months 36-53)",
        [
            ("Lincoln Electric", "lincoln_electric", None, 72),
            ("competitor", "lincoln_competitor", None, 72),
        ],
        [
            ("output_per_employee", "Output per employee", 1),
            ("turnover_rate_annual", "Voluntary turnover (% a year)", 100),
            ("headcount", "Headcount", 1),
            ("mean_hours", "Hours (share of 40 a week)", 1),
            ("need_safety", "Safety need met", 1),
            ("mean_pay", "Pay received a month ($)", 1),
        ],
    ),
    "haier": (
        "Red Star taken over by Haier at month 0, against Red Star left alone",
        [
            ("Haier / Red Star", "haier_redstar", None, 12),
            ("Red Star without Haier", "redstar_without_haier", None, 12),
        ],
        [
            ("profit", "Profit a month (yuan)", 1),
            ("output_per_employee", "Output per employee", 1),
            ("headcount", "Headcount", 1),
            ("mean_effort", "Effort", 1),
            ("culture_strength", "Culture strength", 1),
            ("clients", "Clients", 1),
        ],
    ),
    "money_raise": (
        "A raise of 500 a month at the month-12 review (grades of 1,000 to 10,000)",
        [("five grades", "money_raise", None, 24)],
        [
            ("mean_satisfaction", "Satisfaction (all grades)", 1),
            ("mean_inequity", "Felt inequity", 1),
            ("mean_effort", "Effort", 1),
        ],
    ),
    "performance_pay": (
        "Salary to piece rate at month 12, against the same firm on salary",
        [
            ("piece rate from month 12", "performance_pay", None, 24),
            ("salary throughout", "baseline", None, 24),
        ],
        [
            ("output_per_employee", "Output per employee", 1),
            ("mean_effort", "Effort", 1),
            ("need_safety", "Safety need met", 1),
        ],
    ),
    "forced_ranking": (
        "Bottom-10% elimination without and with the source document's three rules",
        [
            ("no ranking", "baseline", None, 48),
            ("monthly, no rules", "forced_ranking", None, 48),
            (
                "half-yearly, with the rules",
                "forced_ranking",
                {**RULES, "policies.bottom_ranking.frequency": "half_yearly"},
                48,
            ),
        ],
        [
            ("output_per_employee", "Output per employee", 1),
            ("need_safety", "Safety need met", 1),
            ("total_turnover_rate_annual", "All exits (% a year)", 100),
        ],
    ),
    "labour_shortage": (
        "A tight labour market and the Spring Festival (month 7), without and with emotional care",
        [
            ("without care", "labour_shortage", None, 12),
            ("with emotional care", "labour_shortage", CARE, 12),
        ],
        [
            ("headcount", "Headcount", 1),
            ("need_belonging", "Belonging need met", 1),
            ("output", "Output", 1),
        ],
    ),
    "walmart": (
        "Respect and walking around, against status-conscious, office-bound management",
        [
            ("Walmart way", "walmart_respect", None, 48),
            ("status-conscious", "walmart_respect", STATUS_CONSCIOUS, 48),
        ],
        [
            ("need_esteem", "Esteem need met", 1),
            ("mean_dissatisfaction", "Dissatisfaction", 1),
            ("turnover_rate_annual", "Voluntary turnover (% a year)", 100),
        ],
    ),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=30)
    args = parser.parse_args(argv)
    seeds = crn_seeds(args.seeds)
    FIGURES.mkdir(parents=True, exist_ok=True)
    lines = [
        "# The cases, reproduced",
        "",
        "Generated by `experiments/cases.py`; do not edit by hand. Every fact of CASES.md section 4 is",
        f"measured over {args.seeds} seeds with common random numbers (replicate k of every arm runs on",
        "the same seed), by the functions of `sim/cases.py` that `tests/cases/` also asserts. No fact has a",
        "constant of its own in the model: the scenarios differ only in the firm, the market, the policies",
        "and the timeline; the psychology is the documented default everywhere.",
        "",
        "| case | the source document says | statistic | measured | target | |",
        "|---|---|---|---|---|---|",
    ]
    sections = []
    for case, measure in cases.CASES.items():
        started = time.perf_counter()
        outcomes = measure(seeds)
        for o in outcomes:
            lines.append(
                f"| {case} | {o.claim} | {o.statistic} | {o.value:.3g} | {o.target} | {'ok' if o.passed else '**not met**'} |"
            )
        title, arms, panels = FIGURE_SPECS[case]
        frames = {
            label: run_arm(name, seeds, months, overrides).metrics
            for label, name, overrides, months in arms
        }
        figure = FIGURES / f"{case}.png"
        comparison_report(
            frames,
            figure,
            title,
            panels=[(c, t, float(s)) for c, t, s in panels],
            subtitle=f"median and 10-90% band over {args.seeds} seeds (common random numbers)",
        )
        sections += [
            f"## {case.replace('_', ' ').capitalize()}",
            "",
            f"![{title}](figures/cases/{case}.png)",
            "",
        ]
        details = [
            f"- {o.fact}: "
            + ", ".join(
                f"{k} = {v:.3g}" if isinstance(v, float) else f"{k} = {v}"
                for k, v in o.detail.items()
            )
            for o in outcomes
            if o.detail
        ]
        sections += details + ([""] if details else [])
        print(
            f"{case}: {sum(o.passed for o in outcomes)}/{len(outcomes)} facts met ({time.perf_counter() - started:.0f} s)"
        )
    text = "\n".join(lines + [""] + sections).rstrip() + "\n"
    (DOCS / "cases.md").write_text(text, encoding="utf-8")
    print(f"wrote {DOCS / 'cases.md'} and {len(FIGURE_SPECS)} figures in {FIGURES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
