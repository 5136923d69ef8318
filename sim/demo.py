"""The flagship demonstration: Shengyi against its reformed twin, with the instructor's report.

``orgsim demo`` (and ``make demo``) runs both scenarios on the same seeds (common random numbers),
writes one full run of each (metrics, events, summary, report.png), the comparison figure across
seeds, and a short report in Markdown that says what happened and why, in the source document's
four levels.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.agents.psychology import DRIVERS
from sim.model import OrgModel
from sim.outputs import atomic, write_json, write_run
from sim.scenario import load_scenario
from sim.viz import i18n
from sim.viz.case_figures import CASE_FIGURES
from sim.viz.report import comparison_report
from sim.viz.style import FigureSettings

FLAGSHIP = ("shengyi", "shengyi_reformed")


def _top_drivers(events: pd.DataFrame, n: int = 3) -> list[tuple[str, float]]:
    exits = events[events.event.isin(["quit", "non_renewal"])]
    if exits.empty:
        return []
    means = exits[[f"driver_{d}" for d in DRIVERS]].mean().sort_values(ascending=False)
    return [(k.removeprefix("driver_"), float(v)) for k, v in means.head(n).items()]


def flagship(
    out: Path, seeds: int = 30, months: int | None = None, figure: FigureSettings | None = None
) -> Path:
    """Run Shengyi and its reformed twin on the same seeds; write the instructor's report (its
    figures in ``figure``'s format, resolution and language)."""
    figure = figure or FigureSettings()
    from sim.cases import SHENGYI_BEFORE_NEW_YEAR, crn_seeds, run_arm, shengyi

    out.mkdir(parents=True, exist_ok=True)
    seed_list = crn_seeds(seeds)
    a, b = FLAGSHIP
    scenarios = {name: load_scenario(name) for name in FLAGSHIP}
    arms = {name: run_arm(name, seed_list, months) for name in FLAGSHIP}
    # one full run of each, on the first seed, with its own report
    for name in FLAGSHIP:
        asked = months or scenarios[name].months
        model = OrgModel.from_scenario(scenarios[name], seed=seed_list[0]).run(asked)
        write_run(model, out / name, figure=figure, months_asked=asked)
    case = CASE_FIGURES["shengyi"]
    comparison_report(
        {name: arms[name].metrics for name in FLAGSHIP},
        out / figure.name("comparison"),
        "Shengyi against its reformed twin: the same firm, people and money; only management differs"
        if figure.lang == "en"
        else "盛益公司与改革后的盛益公司：同样的企业、员工和资金，只有管理不同",
        panels=case.panels,
        subtitle=f"median and 10–90% band over {seeds} seeds, the same seeds for both (common random numbers)"
        if figure.lang == "en"
        else f"{seeds}个随机种子的中位数与10%–90%区间；两者使用相同的种子（共同随机数）",
        markers={
            **case.marker_text(figure.lang),
            24: "New Year " if figure.lang == "en" else "元旦 ",
        },
        figure=figure,
    )
    facts = shengyi(seed_list)
    before = SHENGYI_BEFORE_NEW_YEAR
    lines = [
        "# Shengyi against its reformed twin",
        "",
        f"{seeds} seeds each, common random numbers. Figure: `{figure.name('comparison')}`; one full run of each in",
        f"`{a}/` and `{b}/` (metrics.csv, events.csv, summary.json, {figure.name('report')}).",
        "",
        f"| month {before}, just before New Year | Shengyi | reformed twin |",
        "|---|---|---|",
    ]
    rows = [
        (
            "seeds with > 50% intending not to renew",
            lambda arm: f"{100 * float((arm.at(before).intent_to_quit_share > 0.5).mean()):.0f}%",
        ),
        (
            "median share intending not to renew",
            lambda arm: f"{100 * arm.at(before).intent_to_quit_share.median():.0f}%",
        ),
        ("median headcount (month 0: 40)", lambda arm: f"{arm.at(before).headcount.median():.0f}"),
        ("median clients (month 0: 160)", lambda arm: f"{arm.at(before).clients.median():.0f}"),
        ("median cash (yuan)", lambda arm: f"{arm.at(before).cash.median():,.0f}"),
        (
            "seeds with wages unpaid by then",
            lambda arm: (
                f"{100 * float((arm.metrics[arm.metrics.month <= before].groupby('replicate').arrears.max() > 0).mean()):.0f}%"
            ),
        ),
    ]
    for label, fn in rows:
        lines.append(f"| {label} | {fn(arms[a])} | {fn(arms[b])} |")
    lines += [
        "",
        "The source document's facts, measured:",
        "",
        "| fact | measured | target | |",
        "|---|---|---|---|",
    ]
    from sim.cases import CAVEATS, NOT_REPRODUCED

    def status(o) -> str:
        if o.passed:
            return "ok (with a caveat, below)" if o.fact in CAVEATS else "ok"
        return "not reproduced (why: below)" if o.fact in NOT_REPRODUCED else "NOT MET"

    for o in facts:
        lines.append(f"| {o.claim} | {o.statistic}: **{o.value:.3g}** | {o.target} | {status(o)} |")
    known = [o for o in facts if not o.passed and o.fact in NOT_REPRODUCED]
    caveats = [o for o in facts if o.passed and o.fact in CAVEATS]
    if known or caveats:
        lines += ["", "What the model does not reproduce, and why (docs/cases.md):", ""]
        lines += [f"- {o.claim}: {NOT_REPRODUCED[o.fact]}." for o in known]
        lines += [f"- {o.claim}: {CAVEATS[o.fact]}." for o in caveats]
    lines += ["", "Why people left (mean share of each driver in the leavers' quit hazard):", ""]
    for name in FLAGSHIP:
        drivers = ", ".join(
            f"{i18n.driver(d, 'en')} {100 * v:.0f}%" for d, v in _top_drivers(arms[name].events)
        )
        lines.append(f"- {name}: {drivers or 'nobody left'}")
    text = "\n".join(lines) + "\n"
    atomic(out / "report.md", lambda tmp: tmp.write_text(text, encoding="utf-8"))
    write_json({"seeds": seed_list, "scenarios": list(FLAGSHIP)}, out / "manifest.json")
    print(text)
    print(f"wrote {out}/report.md, {out}/{figure.name('comparison')} and one run of each scenario")
    return out
