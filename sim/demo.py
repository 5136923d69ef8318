"""The flagship demonstration: Shengyi against its reformed twin, with the instructor's report.

``orgsim demo`` (and ``make demo``) runs both scenarios on the same seeds (common random numbers),
writes one full run of each (metrics, events, summary, report.png), the comparison figure across
seeds, and a short report in Markdown that says what happened and why, in the source document's
four levels.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sim.agents.psychology import DRIVERS
from sim.model import OrgModel
from sim.outputs import atomic, write_json, write_run
from sim.scenario import load_scenario
from sim.viz.report import comparison_report

FLAGSHIP = ("shengyi", "shengyi_reformed")
DRIVER_WORDS = {
    "pay": "pay too low for a living",
    "security": "fear for the job",
    "supervision": "the boss's way of managing",
    "conditions": "working conditions and rules",
    "belonging": "no belonging",
    "esteem": "no recognition or respect",
    "growth": "no growth or prospects",
    "equity": "unfair pay against peers or the market",
    "commitment": "no commitment left",
    "outside_option": "a better offer elsewhere",
    "contagion": "colleagues leaving",
}


def run_pair(names=FLAGSHIP, seeds: int = 30, months: int | None = None, root_seed: int = 2024):
    """Run every scenario on the same spawned seeds; returns ({name: metrics}, {name: events})."""
    scenarios = {name: load_scenario(name) for name in names}
    seed_list = [
        int(s.generate_state(1)[0]) for s in np.random.SeedSequence(root_seed).spawn(seeds)
    ]
    metrics, events = {}, {}
    for name, scenario in scenarios.items():
        frames, logs = [], []
        for k, seed in enumerate(seed_list):
            model = OrgModel(scenario, seed=seed).run(months or scenario.months)
            frame = model.metrics()
            frame.insert(0, "replicate", k)
            frames.append(frame)
            log = model.events()
            log.insert(0, "replicate", k)
            logs.append(log)
        metrics[name] = pd.concat(frames, ignore_index=True)
        events[name] = pd.concat(logs, ignore_index=True)
    return scenarios, seed_list, metrics, events


def _share_of_seeds(frame: pd.DataFrame, month: int, column: str, threshold: float) -> float:
    at = frame[frame.month == month]
    return float((at[column] > threshold).mean())


def _top_drivers(events: pd.DataFrame, n: int = 3) -> list[tuple[str, float]]:
    exits = events[events.event.isin(["quit", "non_renewal"])]
    if exits.empty:
        return []
    means = exits[[f"driver_{d}" for d in DRIVERS]].mean().sort_values(ascending=False)
    return [(k.removeprefix("driver_"), float(v)) for k, v in means.head(n).items()]


def flagship(out: Path, seeds: int = 30, months: int | None = None) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    scenarios, seed_list, metrics, events = run_pair(FLAGSHIP, seeds, months)
    a, b = FLAGSHIP
    # one full run of each, on the first seed, with its report
    for name in FLAGSHIP:
        model = OrgModel(scenarios[name], seed=seed_list[0]).run(months or scenarios[name].months)
        write_run(model, out / name)
    labels = {
        scenarios[a].title.split(":")[0] + " (as it was)": metrics[a],
        scenarios[b].title.split(":")[0] + " (reformed)": metrics[b],
    }
    comparison_report(
        labels,
        out / "comparison.png",
        "Shengyi against its reformed twin",
        panels=[
            ("headcount", "Headcount", 1.0),
            ("intent_to_quit_share", "Staff intending not to renew (%)", 100.0),
            ("clients", "Clients", 1.0),
            ("revenue", "Revenue a month", 1.0),
            ("cash", "Cash", 1.0),
            ("mean_dissatisfaction", "Dissatisfaction (hygiene factors)", 1.0),
        ],
        subtitle=f"median and 10–90% band over {seeds} seeds, same seeds for both (common random numbers)",
    )
    month12 = min(12, int(metrics[a].month.max()))
    lines = [
        "# Shengyi against its reformed twin",
        "",
        f"{seeds} seeds each, common random numbers; {int(metrics[a].month.max())} months. Figures: `comparison.png`;",
        f"one full run of each in `{a}/` and `{b}/` (metrics.csv, events.csv, summary.json, report.png).",
        "",
        "| at month 12 | " + " | ".join(FLAGSHIP) + " |",
        "|---|---|---|",
    ]
    rows = [
        (
            "seeds with > 50% intending not to renew",
            lambda f: f"{100 * _share_of_seeds(f, month12, 'intent_to_quit_share', 0.5):.0f}%",
        ),
        (
            "median share intending not to renew",
            lambda f: f"{100 * f[f.month == month12].intent_to_quit_share.median():.0f}%",
        ),
        ("median headcount", lambda f: f"{f[f.month == month12].headcount.median():.0f}"),
        (
            f"median clients (month 0: {int(metrics[a][metrics[a].month == 0].clients.median())})",
            lambda f: f"{f[f.month == month12].clients.median():.0f}",
        ),
        ("median cash", lambda f: f"{f[f.month == month12].cash.median():,.0f}"),
        (
            "seeds in wage arrears",
            lambda f: (
                f"{100 * float((f[f.month <= month12].groupby('replicate').arrears.max() > 0).mean()):.0f}%"
            ),
        ),
    ]
    for label, fn in rows:
        lines.append(f"| {label} | " + " | ".join(fn(metrics[n]) for n in FLAGSHIP) + " |")
    lines += ["", "Why people left (mean share of each driver in the leavers' quit hazard):", ""]
    for name in FLAGSHIP:
        drivers = ", ".join(
            f"{DRIVER_WORDS.get(d, d)} {100 * v:.0f}%" for d, v in _top_drivers(events[name])
        )
        lines.append(f"- {name}: {drivers or 'nobody left'}")
    text = "\n".join(lines) + "\n"
    atomic(out / "report.md", lambda tmp: tmp.write_text(text, encoding="utf-8"))
    write_json({"seeds": seed_list, "scenarios": list(FLAGSHIP)}, out / "manifest.json")
    print(text)
    print(f"wrote {out}/report.md, {out}/comparison.png and one run of each scenario")
    return out
