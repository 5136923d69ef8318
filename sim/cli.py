"""The ``orgsim`` command."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
from pathlib import Path

from sim.scenario import SCENARIO_DIR, ScenarioError, load_scenario, parse_assignment


def _overrides(assignments: list[str] | None) -> dict:
    out: dict = {}
    for text in assignments or []:
        path, value = parse_assignment(text)
        out[path] = value
    return out


def cmd_run(args) -> int:
    from sim.model import OrgModel
    from sim.outputs import write_run

    overrides = _overrides(args.set)
    scenario = load_scenario(args.scenario, overrides)
    months = args.months if args.months is not None else scenario.months
    if months < 1:
        raise ScenarioError("--months", [("months", months, "must be at least 1")])
    late = [e for e in scenario.timeline if e.month >= months]
    if late:
        raise ScenarioError(
            str(args.scenario),
            [
                (
                    f"timeline (event {e.event!r})",
                    e.month,
                    f"is beyond the run of --months {months}",
                )
                for e in late
            ],
        )
    started = time.perf_counter()
    model = OrgModel.from_scenario(scenario, seed=args.seed)
    model.run(months)
    elapsed = time.perf_counter() - started
    out = Path(args.out or f"runs/{scenario.name}-seed{args.seed}")
    files = write_run(model, out, overrides)
    print(_summary_text(model.summary(), elapsed))
    print(f"wrote {', '.join(p.name for p in files.values())} to {out}/")
    return 0


def _summary_text(s: dict, elapsed: float) -> str:
    lines = [
        f"{s['scenario']} · seed {s['seed']} · {s['months']} months ({elapsed:.2f} s)",
        f"  headcount        {s['headcount_start']} -> {s['headcount_end']}   (hires {s['hires']}, quits {s['quits']}, "
        f"non-renewals {s['non_renewals']}, dismissals {s['dismissals']}, layoffs {s['layoffs']})",
        f"  turnover         {100 * s['voluntary_turnover_annual']:.1f}% a year voluntary",
        f"  satisfaction     {s['mean_satisfaction']:.2f}   dissatisfaction {s['mean_dissatisfaction']:.2f}   effort {s['mean_effort']:.2f}",
        f"  money            revenue {s['revenue_total']:,.0f}   profit {s['profit_total']:,.0f}   cash at end {s['cash_end']:,.0f}",
        f"  at the end       {100 * s['intent_to_quit_share_end']:.0f}% intend to leave; clients {s['clients_end']}",
    ]
    if s.get("top_exit_driver"):
        lines.append(f"  leavers mostly   {s['top_exit_driver'].replace('_', ' ')}")
    return "\n".join(lines)


def cmd_demo(args) -> int:
    from sim.demo import flagship

    flagship(Path(args.out), seeds=args.seeds, months=args.months)
    return 0


def cmd_policies(args) -> int:
    from sim import catalogue

    print(catalogue.policies_markdown() if args.markdown else catalogue.policies_text(), end="")
    return 0


def cmd_params(args) -> int:
    from sim import catalogue
    from sim.agents.psychology import Psychology

    if args.markdown:
        print(catalogue.params_markdown(), end="")
    else:
        print("psychology (the same in every scenario):")
        print(catalogue.param_table(Psychology, markdown=False), end="")
    return 0


def cmd_scenarios(args) -> int:
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        try:
            s = load_scenario(path)
            print(f"{path.stem:<24} {s.title}")
        except ScenarioError as exc:
            print(f"{path.stem:<24} INVALID: {exc}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgsim", description="Agent-based simulator of employees under management policies."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run", help="run one simulation and write metrics.csv, events.csv, summary.json, report.png"
    )
    run.add_argument("scenario", help="scenario file, or a name from scenarios/ (e.g. baseline)")
    run.add_argument(
        "--months", type=int, default=None, help="months to simulate (default: the scenario's)"
    )
    run.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    run.add_argument("--out", default=None, help="output folder (default runs/<scenario>-seed<S>)")
    run.add_argument(
        "--set",
        action="append",
        metavar="PATH=VALUE",
        help="override a scenario field, e.g. --set market.shortage=0.2",
    )
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser(
        "demo",
        help="the flagship case: Shengyi against its reformed twin, with the instructor's report",
    )
    demo.add_argument("--out", default="runs/demo")
    demo.add_argument(
        "--seeds", type=int, default=30, help="seeds per scenario (common random numbers)"
    )
    demo.add_argument("--months", type=int, default=None)
    demo.set_defaults(func=cmd_demo)

    pol = sub.add_parser(
        "policies", help="list every policy and timeline event with its parameters"
    )
    pol.add_argument("--markdown", action="store_true", help="print docs/policies.md")
    pol.set_defaults(func=cmd_policies)

    par = sub.add_parser(
        "params", help="list the psychology parameters (and, with --markdown, every scenario block)"
    )
    par.add_argument("--markdown", action="store_true")
    par.set_defaults(func=cmd_params)

    sc = sub.add_parser("scenarios", help="list the scenarios in scenarios/")
    sc.set_defaults(func=cmd_scenarios)

    # the experiment commands and the browser app register their own subcommands
    for module in ("sim.experiment_cli", "sim.viz.app_cli", "sim.calibration.cli"):
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ScenarioError as exc:
        print(f"orgsim: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("orgsim: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
