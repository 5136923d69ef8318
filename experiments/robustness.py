"""Regenerate docs/robustness.md: is the ordinary firm robust, and do failing firms end?

    .venv/bin/python experiments/robustness.py                # 10 seeds, 120 months (about 40 min)
    .venv/bin/python experiments/robustness.py --seeds 3 --months 60   # a smoke check

Issue 10's checks, measured on the calibrated defaults (sim/robustness.py holds the rules):

- every assumed psychology parameter at x0.5 and x1.5: the baseline's annual voluntary turnover
  stays within x0.5 to x2 of the default's and the firm keeps 80% of its plan;
- turnover and the lowest headcount against a labour shortage held all run, and against the rate
  at which offers reach a searcher (v2's nearest thing to the old base quit hazard);
- Shengyi over 60 months: the distribution of its closure months; the reformed twin neither
  closes nor grows without bound.

Every number in the page comes from these runs; the page says how many seeds and months.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from sim import robustness
from sim.experiment import compare
from sim.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "robustness.md"
FIGURES = ROOT / "docs" / "figures" / "robustness"
OFFER_FACTORS = (0.5, 0.75, 1.0, 1.3, 1.5, 2.0)


def offer_rate_response(seeds: int, months: int, workers: int) -> pd.DataFrame:
    from sim.agents.psychology import Psychology

    default = Psychology().offer_rate
    arms = {f"{f:g}": {"psychology.offer_rate": default * f} for f in OFFER_FACTORS}
    result = compare(arms, base="baseline", seeds=seeds, months=months, workers=workers)
    plan = load_scenario("baseline").firm.employees
    lowest = result.monthly.groupby("run_id").headcount.min()
    runs = result.runs.assign(lowest=result.runs.run_id.map(lowest) / plan)
    out = runs.groupby("arm").agg(
        turnover=("voluntary_turnover_annual", "mean"),
        turnover_q10=("voluntary_turnover_annual", lambda x: float(np.quantile(x, 0.1))),
        turnover_q90=("voluntary_turnover_annual", lambda x: float(np.quantile(x, 0.9))),
        lowest_headcount_share=("lowest", "min"),
        closed_runs=("months", lambda x: int((x < months).sum())),
    )
    out.index = out.index.astype(float)
    return out.sort_index()


def shengyi_endings(seeds: int, months: int, workers: int) -> dict[str, pd.DataFrame]:
    result = compare(["shengyi", "shengyi_reformed"], seeds=seeds, months=months, workers=workers)
    out = {}
    for arm, runs in result.runs.groupby("arm"):
        monthly = result.monthly[result.monthly.run_id.isin(runs.run_id)]
        last = monthly.sort_values("month").groupby("run_id").last()
        out[arm] = pd.DataFrame(
            {
                "closed": runs.set_index("run_id").months < months,
                "months": runs.set_index("run_id").months,
                "cash_end": last.cash,
                "headcount_end": last.headcount,
                "peak_headcount": monthly.groupby("run_id").headcount.max(),
                "lowest_cash": monthly.groupby("run_id").cash.min(),
            }
        )
    return out


def figure(
    shortage: pd.DataFrame, offers: pd.DataFrame, path: Path, seeds: int, months: int
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
    for ax, frame, label in (
        (axes[0], shortage, "labour shortage (share of openings unfilled)"),
        (axes[1], offers, "offer rate, times the calibrated default"),
    ):
        x = frame.index.to_numpy()
        ax.fill_between(
            x, 100 * frame.turnover_q10, 100 * frame.turnover_q90, alpha=0.25, color="#1f77b4"
        )
        ax.plot(x, 100 * frame.turnover, "o-", color="#1f77b4", label="voluntary turnover")
        ax.set_xlabel(label)
        ax.grid(alpha=0.3)
        twin = ax.twinx()
        twin.plot(
            x, 100 * frame.lowest_headcount_share, "s--", color="#d62728", label="lowest headcount"
        )
        for xi, closed, low in zip(x, frame.closed_runs, frame.lowest_headcount_share, strict=True):
            if closed:
                twin.annotate(
                    f"{int(closed)} closed",
                    (xi, 100 * low),
                    textcoords="offset points",
                    xytext=(0, -14),
                    ha="center",
                    fontsize=8,
                    color="#d62728",
                )
        twin.set_ylim(0, 105)
        twin.set_ylabel("lowest headcount, % of plan (any seed)", color="#d62728")
    axes[0].set_ylabel("annual voluntary turnover, % (mean, 10-90% band)")
    axes[0].legend(loc="upper left")
    fig.suptitle(
        f"The baseline firm under a tighter market and more outside offers "
        f"({seeds} seeds x {months} months; red: closures)"
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=150)
    plt.close(fig)


def fmt(v: float, digits: int = 3) -> str:
    return "—" if v is None or not np.isfinite(v) else f"{v:.{digits}g}"


def page(perturbed, shortage, offers, endings, seeds, months, timings, ending_months=60) -> str:
    default = perturbed.attrs["default_turnover"]
    failing = perturbed[~perturbed.holds]
    out = [
        "# Robustness of the ordinary firm",
        "",
        "Generated by `experiments/robustness.py` on the calibrated defaults: "
        f"{seeds} seeds, {months} months per run, common random numbers. Do not edit by hand.",
        "",
        "## One assumed parameter at a time",
        "",
        f"Every psychology parameter whose declared source is an assumption "
        f"({perturbed.parameter.nunique()} of them) at x0.5 and x1.5 within its bounds "
        f"({len(perturbed)} perturbations). The baseline's default annual voluntary turnover is "
        f"{100 * default:.1f}%. A perturbation holds when turnover stays within x0.5 to x2 of it "
        "and headcount never falls below 80% of the plan in any seed, nor does the firm close.",
        "",
        f"**{int(perturbed.holds.sum())} of {len(perturbed)} hold.** "
        f"Turnover ratio over all perturbations: {fmt(perturbed.turnover_ratio.min())} to "
        f"{fmt(perturbed.turnover_ratio.max())}; lowest headcount in any run: "
        f"{100 * perturbed.lowest_headcount_share.min():.0f}% of plan; closed runs: "
        f"{int(perturbed.closed_runs.sum())}.",
        "",
    ]
    if len(failing):
        out += [
            "Those that do not hold:",
            "",
            "| parameter | factor | value | turnover | ratio | lowest headcount | closed runs |",
            "|---|---|---|---|---|---|---|",
        ]
        out += [
            f"| `{r.parameter}` | x{r.factor:g} | {fmt(r.value)} | {100 * r.turnover:.1f}% | "
            f"{r.turnover_ratio:.2f} | {100 * r.lowest_headcount_share:.0f}% | {r.closed_runs} |"
            for r in failing.itertuples()
        ]
        out.append("")
    out += [
        "The full table: [figures/robustness/perturbations.csv](figures/robustness/perturbations.csv).",
        "",
        "## A tighter market, and more outside offers",
        "",
        "![turnover against shortage and offer rate](figures/robustness/turnover.png)",
        "",
        "| shortage | turnover (mean) | 10-90% | lowest headcount (any seed) | closed runs |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {s:g} | {100 * r.turnover:.1f}% | {100 * r.turnover_q10:.1f}-{100 * r.turnover_q90:.1f}% "
        f"| {100 * r.lowest_headcount_share:.0f}% | {int(r.closed_runs)} |"
        for s, r in shortage.iterrows()
    ]
    out += [
        "",
        "| offer rate x | turnover (mean) | 10-90% | lowest headcount (any seed) | closed runs |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {f:g} | {100 * r.turnover:.1f}% | {100 * r.turnover_q10:.1f}-{100 * r.turnover_q90:.1f}% "
        f"| {100 * r.lowest_headcount_share:.0f}% | {int(r.closed_runs)} |"
        for f, r in offers.iterrows()
    ]
    out += ["", "## Failing firms end", ""]
    for arm, frame in endings.items():
        closed = frame[frame.closed]
        line = (
            f"- **{arm}**, {len(frame)} seeds over {ending_months} months: {len(closed)} closed"
            + (
                f" (closure month: median {closed.months.median():.0f}, "
                f"10-90% {closed.months.quantile(0.1):.0f}-{closed.months.quantile(0.9):.0f}, "
                f"range {closed.months.min():.0f}-{closed.months.max():.0f})"
                if len(closed)
                else ""
            )
            + f"; peak headcount {frame.peak_headcount.max():.0f}; cash at the end (open firms) "
            f"{fmt(frame[~frame.closed].cash_end.median())} median; lowest cash "
            f"{fmt(frame.lowest_cash.min())}."
        )
        out.append(line)
    out += ["", "## Timings (this machine, 2 cores)", ""]
    out += [f"- {k}: {v:.0f} s" for k, v in timings.items()]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--parameters", nargs="*", default=None, help="only these (smoke checks)")
    parser.add_argument("--doc", type=Path, default=DOC, help="where the page goes")
    parser.add_argument(
        "--perturbations", type=Path, default=None, help="reuse a perturbations.csv and its timing"
    )
    parser.add_argument("--perturbations-seconds", type=float, default=None)
    args = parser.parse_args(argv)
    figures = FIGURES if args.doc == DOC else args.doc.parent / "figures" / "robustness"
    timings = {}
    started = time.perf_counter()
    if args.perturbations is not None:
        perturbed = pd.read_csv(args.perturbations)
        default = perturbed.turnover / perturbed.turnover_ratio
        perturbed.attrs["default_turnover"] = float(default.median())
        timings["perturbations"] = args.perturbations_seconds or float("nan")
    else:
        perturbed = robustness.table(
            names=args.parameters, seeds=args.seeds, months=args.months, workers=args.workers
        )
        timings["perturbations"] = time.perf_counter() - started
    started = time.perf_counter()
    shortage = robustness.shortage_response(
        seeds=args.seeds, months=args.months, workers=args.workers
    )
    offers = offer_rate_response(args.seeds, args.months, args.workers)
    timings["shortage and offer-rate responses"] = time.perf_counter() - started
    started = time.perf_counter()
    endings = shengyi_endings(3 * args.seeds, 60, args.workers)
    timings[f"Shengyi and its twin over 60 months, {3 * args.seeds} seeds"] = (
        time.perf_counter() - started
    )
    figures.mkdir(parents=True, exist_ok=True)
    perturbed.to_csv(figures / "perturbations.csv", index=False, float_format="%.6g")
    figure(shortage, offers, figures / "turnover.png", args.seeds, args.months)
    args.doc.write_text(
        page(perturbed, shortage, offers, endings, args.seeds, args.months, timings),
        encoding="utf-8",
    )
    print(f"wrote {args.doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
