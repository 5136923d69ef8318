"""The ``orgsim`` command.

A user's mistake never ends in a traceback: a bad argument, a scenario that does not validate or
an ``--out`` that cannot be written gets one line (or, for a scenario, one line per problem)
naming what is wrong and exit status 2, before any run starts. The bounds of every numeric
argument are those of the scenario file (``--months`` as the scenario's ``months``). A closed
pipe (``orgsim run ... | head -1``) ends quietly.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

from sim.allocator import keep_freed_memory
from sim.experiment.errors import Terminated
from sim.experiment.signals import sigterm_as_interrupt
from sim.scenario import SCENARIO_DIR, Scenario, ScenarioError, load_scenario, parse_assignment
from sim.viz.style import add_figure_arguments, figure_settings

SEED_MAX = 2**63 - 1  # seeds are stored as 64-bit integers in the experiments' tables
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command killed by a closed pipe


class UsageError(Exception):
    """A mistake in the command line (one line, exit status 2)."""


class Parser(argparse.ArgumentParser):
    """An argument parser that reports a mistake on one line: what is wrong, and where to look."""

    def error(self, message: str):
        message = message if len(message) <= 300 else message[:300] + "…"
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def whole_number(lo: int, hi: int | None = None):
    """An argparse type: a decimal whole number within [lo, hi]."""

    def parse(text: str) -> int:
        if not re.fullmatch(r"[-+]?[0-9]{1,30}", text.strip()):
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text[:40]!r}")
        value = int(text)
        if value < lo or (hi is not None and value > hi):
            span = f"from {lo:,} to {hi:,}" if hi is not None else f"of at least {lo:,}"
            raise argparse.ArgumentTypeError(f"must be a whole number {span}, not {value:,}")
        return value

    parse.__name__ = "whole number"
    return parse


def _months_bounds() -> tuple[int, int]:
    from sim.params import bounds_of

    lo, hi = bounds_of(Scenario, "months")
    return int(lo), int(hi)


def _overrides(assignments: list[str] | None) -> dict:
    out: dict = {}
    for text in assignments or []:
        path, value = parse_assignment(text)
        out[path] = value
    return out


# --- orgsim run --------------------------------------------------------------------------------


def default_out(scenario: Scenario, seed: int, months: int | None, overrides: dict) -> Path:
    """``runs/<scenario>-seed<S>``, with ``-<M>months`` when --months is given and the overrides
    when there are some, so that runs of different commands do not share a folder."""
    name = f"{scenario.name}-seed{seed}"
    if months is not None and months != scenario.months:
        name += f"-{months}months"
    if overrides:
        plain = ",".join(
            f"{path}={json.dumps(value, separators=(',', ':'))}"
            for path, value in overrides.items()
        )
        safe = re.sub(r"[^A-Za-z0-9._=,+-]", "_", plain)
        if safe != plain or len(safe) > 60:
            digest = hashlib.sha256(plain.encode("utf-8")).hexdigest()[:10]
            safe = f"{safe[:40].rstrip(',_')}-{digest}"
        name += f"-{safe}"
    return Path("runs") / _safe_name(name)


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._=,+-]", "_", name)[:200] or "run"


def check_out(out: Path, identity: dict | None = None, what: str = "--out") -> list[Path]:
    """Refuse, before anything runs, an output folder that is a file, cannot be written, or holds
    something other than a previous run of the same command (``identity``; ``None`` skips that
    check). The folder is made, and a file written and removed in it, to know that writing
    works; returns the folders made (for :func:`release_out` if the run does not finish)."""
    from sim.outputs import RUN_FILES, run_identity

    shown = str(out)[:300]
    made: list[Path] = []
    try:
        if out.exists() and not out.is_dir():
            raise UsageError(f"{what} {shown}: is a file, not a folder; choose a folder")
        if out.is_dir():
            entries = [p for p in out.iterdir() if not p.name.endswith(".part")]
            if entries and identity is not None:
                _same_run(out, entries, identity, what, RUN_FILES, run_identity)
        else:
            existing = next(p for p in out.parents if p.exists())
            if not existing.is_dir():
                raise UsageError(
                    f"{what} {shown}: {existing} is a file, so the folder cannot be made"
                )
            made = [p for p in [out, *out.parents] if not p.exists()]
            out.mkdir(parents=True)
        probe = out / f".orgsim-probe-{os.getpid()}.part"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        release_out(made)
        raise UsageError(f"{what} {shown}: cannot write there: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. a NUL byte in the name
        release_out(made)
        raise UsageError(f"{what} {shown}: not a usable folder name ({exc})") from None
    return made


def release_out(made: list[Path]) -> None:
    """Remove the folders :func:`check_out` made, if they are still empty."""
    for folder in made:
        try:
            folder.rmdir()
        except OSError:
            break


def _same_run(out: Path, entries, identity, what, run_files, run_identity) -> None:
    shown = str(out)[:300]
    others = sorted(p.name for p in entries if p.name not in run_files)
    if others:
        raise UsageError(
            f"{what} {shown}: the folder is not empty and holds more than a run "
            f"({', '.join(others[:5])}{', ...' if len(others) > 5 else ''}); it is left "
            "untouched: choose another folder"
        )
    stored = _stored_identity(out / "summary.json", run_identity)
    if stored != identity:
        held = (
            f"the run of {stored['scenario']}, seed {stored['seed']}, {stored['months']} months, "
            f"overrides {stored['overrides'] or 'none'}"
            if stored
            else "an unidentified run (no readable summary.json)"
        )
        raise UsageError(
            f"{what} {shown}: the folder holds {held}, not this one; it is left untouched: "
            "choose another folder (or remove it)"
        )


def _stored_identity(summary: Path, run_identity) -> dict | None:
    try:
        return run_identity(json.loads(summary.read_text(encoding="utf-8")))
    except (OSError, ValueError, AttributeError):
        return None


def _progress(label: str, months: int):
    """A bar on stderr while a run goes on, when stderr is a terminal (nothing in logs)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(
        total=months, desc=label, unit="month", file=sys.stderr, leave=False, dynamic_ncols=True
    )


def cmd_run(args) -> int:
    from sim.model import OrgModel
    from sim.outputs import write_run

    overrides = _overrides(args.set)
    scenario = load_scenario(args.scenario, overrides)
    months = args.months if args.months is not None else scenario.months
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
    out = (
        Path(args.out)
        if args.out is not None
        else default_out(scenario, args.seed, args.months, overrides)
    )
    identity = {
        "scenario": scenario.name,
        "seed": args.seed,
        "months": months,
        "overrides": json.loads(json.dumps(overrides)),
    }
    made = check_out(out, identity)
    started = time.perf_counter()
    bar = _progress(scenario.name, months)
    try:
        if bar is not None:
            bar.set_postfix_str("setting up the firm")
        model = OrgModel.from_scenario(scenario, seed=args.seed)
        if bar is not None:
            bar.set_postfix_str("")
        model.run(months, progress=(lambda _model: bar.update(1)) if bar is not None else None)
    except BaseException:
        release_out(made)
        raise
    finally:
        if bar is not None:
            bar.close()
    elapsed = time.perf_counter() - started
    try:
        files = write_run(model, out, overrides, figure_settings(args), months_asked=months)
    except OSError as exc:
        print(
            f"orgsim run: the run finished but its results cannot be written to "
            f"{str(out)[:300]}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    lang = getattr(args, "lang", "en") or "en"
    print(_summary_text(model.summary(), elapsed, lang, model.firm.closed or None))
    print(f"wrote {', '.join(p.name for p in files.values())} to {out}/")
    return 0


def _num(value, spec: str, scale: float = 1.0) -> str:
    """A figure for the console; an undefined one (nobody left to average over) is a dash."""
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "—"
    return format(scale * value, spec)


_SUMMARY = {
    "en": (
        "{scenario} · seed {seed} · {months} months ({elapsed:.2f} s)",
        "  headcount        {headcount_start} -> {headcount_end}   (hires {hires}, quits {quits}, "
        "non-renewals {non_renewals}, dismissals {dismissals}, layoffs {layoffs}, "
        "retirements {retirements})",
        "  turnover         {turnover}% a year voluntary",
        "  satisfaction     {sat}   dissatisfaction {dis}   effort {eff}",
        "  money            revenue {revenue}   profit {profit}   cash at end {cash}",
        "  at the end       {intent}% intend to leave; clients {clients_end}",
        "  the firm closed in month {months}: {closed}",
        "  leavers mostly   {driver}",
    ),
    "zh": (
        "{scenario} · 随机种子 {seed} · {months}个月（用时 {elapsed:.2f} 秒）",
        "  人数             {headcount_start} -> {headcount_end}   （招聘 {hires}，辞职 {quits}，"
        "不续约 {non_renewals}，辞退 {dismissals}，裁员 {layoffs}，退休 {retirements}）",
        "  主动离职率       每年 {turnover}%",
        "  满意度           {sat}   不满 {dis}   努力 {eff}",
        "  财务             收入 {revenue}   利润 {profit}   期末现金 {cash}",
        "  期末             {intent}% 打算离职；客户 {clients_end}",
        "  企业在第{months}个月倒闭：{closed}",
        "  离职主要原因     {driver}",
    ),
}


def _summary_text(s: dict, elapsed: float, lang: str = "en", closed: str | None = None) -> str:
    from sim.viz.i18n import driver

    *body, closed_line, driver_line = _SUMMARY[lang]
    values = dict(
        s,
        elapsed=elapsed,
        closed=closed,
        turnover=_num(s["voluntary_turnover_annual"], ".1f", 100.0),
        sat=_num(s["mean_satisfaction"], ".2f"),
        dis=_num(s["mean_dissatisfaction"], ".2f"),
        eff=_num(s["mean_effort"], ".2f"),
        revenue=_num(s["revenue_total"], ",.0f"),
        profit=_num(s["profit_total"], ",.0f"),
        cash=_num(s["cash_end"], ",.0f"),
        intent=_num(s["intent_to_quit_share_end"], ".0f", 100.0),
    )
    lines = [line.format(**values) for line in body]
    if closed:
        lines.append(closed_line.format(**values))
    if s.get("top_exit_driver"):
        label = driver(s["top_exit_driver"], lang)
        lines.append(driver_line.format(driver=label.lower() if lang == "en" else label))
    return "\n".join(lines)


# --- the other commands ------------------------------------------------------------------------


def cmd_demo(args) -> int:
    from sim.demo import flagship

    out = Path(args.out)
    check_out(out)
    flagship(out, seeds=args.seeds, months=args.months, figure=figure_settings(args))
    return 0


def cmd_handout(args) -> int:
    from sim.handout import write_handout

    out = Path(args.out) if args.out else Path("runs") / "handouts" / f"{args.case}_{args.lang}.pdf"
    shown = str(out)[:300]
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"--out {shown}: a handout is a PDF; give a file name ending in .pdf")
    if out.is_dir():
        raise UsageError(f"--out {shown}: is a folder; give a file name ending in .pdf")
    made = check_out(out.parent, what="--out's folder")
    try:
        write_handout(args.case, args.lang, out, seeds=args.seeds, progress=_say)
    except BaseException:
        release_out(made)
        raise
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr if not message.startswith("wrote") else sys.stdout)


def cmd_policies(args) -> int:
    from sim import catalogue

    lang = args.lang
    print(
        catalogue.policies_markdown(lang) if args.markdown else catalogue.policies_text(lang),
        end="",
    )
    return 0


def cmd_params(args) -> int:
    from sim import catalogue
    from sim.agents.psychology import Psychology

    if args.markdown:
        print(catalogue.params_markdown(args.lang), end="")
    else:
        print(
            "心理参数（所有情景相同）："
            if args.lang == "zh"
            else "psychology (the same in every scenario):"
        )
        print(catalogue.param_table(Psychology, markdown=False, lang=args.lang), end="")
    return 0


def cmd_migrate(args) -> int:
    from sim.scenario_migrate import MigrateError, migrate_file

    if args.in_place and args.out:
        print("orgsim migrate: give --out or --in-place, not both", file=sys.stderr)
        return 2
    out = args.file if args.in_place else args.out
    try:
        text, notes = migrate_file(args.file, out)
    except MigrateError as exc:
        print(f"orgsim migrate: {exc}", file=sys.stderr)
        return 2
    for note in notes or ["nothing to change: the file is already current"]:
        print(f"  {note}", file=sys.stderr)
    if out is None:
        sys.stdout.write(text)
    else:
        print(f"wrote {out}", file=sys.stderr)
    return 0


def cmd_scenarios(args) -> int:
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        try:
            s = load_scenario(path)
            print(f"{path.stem:<24} {s.title}")
        except ScenarioError as exc:
            print(f"{path.stem:<24} INVALID: {exc}")
    return 0


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("orgsim")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    lo, hi = _months_bounds()
    parser = Parser(
        prog="orgsim", description="Agent-based simulator of employees under management policies."
    )
    parser.add_argument("--version", action="version", version=f"orgsim {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="run one simulation and write metrics.csv, events.csv, summary.json and the report "
        "(report.png, or --format svg|pdf)",
    )
    run.add_argument("scenario", help="scenario file, or a name from scenarios/ (e.g. baseline)")
    run.add_argument(
        "--months",
        type=whole_number(lo, hi),
        default=None,
        help=f"months to simulate, {lo} to {hi:,} (default: the scenario's)",
    )
    run.add_argument(
        "--seed",
        type=whole_number(0, SEED_MAX),
        default=1,
        help="random seed, 0 or more (default 1)",
    )
    run.add_argument(
        "--out",
        default=None,
        help="output folder (default runs/<scenario>-seed<S>, plus -<M>months and the --set "
        "overrides when given); a folder that holds anything but a run of the same command is "
        "refused",
    )
    run.add_argument(
        "--set",
        action="append",
        metavar="PATH=VALUE",
        help="override a scenario field, e.g. --set market.shortage=0.2 (the value is YAML 1.2: "
        "true/false for a flag, quotes for text that looks like a number)",
    )
    add_figure_arguments(run, lang=True)
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser(
        "demo",
        help="the flagship case: Shengyi against its reformed twin, with the instructor's report",
    )
    demo.add_argument("--out", default="runs/demo")
    demo.add_argument(
        "--seeds",
        type=whole_number(1, 10_000),
        default=30,
        help="seeds per scenario (common random numbers), 1 to 10,000 (default 30)",
    )
    demo.add_argument(
        "--months",
        type=whole_number(lo, hi),
        default=None,
        help=f"months to simulate, {lo} to {hi:,} (default: the scenarios')",
    )
    add_figure_arguments(demo, lang=True)
    demo.set_defaults(func=cmd_demo)

    from sim.handout_text import CASE_NAMES

    hand = sub.add_parser(
        "handout",
        help="a printable PDF of a case for the class: story, claim, figure, facts, questions",
    )
    hand.add_argument("case", choices=CASE_NAMES, help="the case study")
    hand.add_argument("--lang", choices=["en", "zh"], default="en", help="language (default en)")
    hand.add_argument(
        "--out", default=None, help="the PDF to write (default runs/handouts/CASE_LANG.pdf)"
    )
    hand.add_argument(
        "--seeds",
        type=whole_number(1, 1_000),
        default=10,
        help="seeds the facts and the figure are measured over, 1 to 1,000 (default 10; the "
        "project's tests use 30)",
    )
    hand.set_defaults(func=cmd_handout)

    pol = sub.add_parser(
        "policies", help="list every policy and timeline event with its parameters"
    )
    pol.add_argument("--markdown", action="store_true", help="print docs/policies.md")
    pol.add_argument("--lang", choices=["en", "zh"], default="en", help="language of the listing")
    pol.set_defaults(func=cmd_policies)

    par = sub.add_parser(
        "params", help="list the psychology parameters (and, with --markdown, every scenario block)"
    )
    par.add_argument("--markdown", action="store_true")
    par.add_argument("--lang", choices=["en", "zh"], default="en", help="language of the listing")
    par.set_defaults(func=cmd_params)

    mig = sub.add_parser(
        "migrate",
        help="rewrite a scenario file for the current schema (comments kept; CHANGELOG.md)",
    )
    mig.add_argument("file", help="the scenario file")
    mig.add_argument("--out", default=None, help="write the new file here (default: print it)")
    mig.add_argument("--in-place", action="store_true", help="replace the file itself")
    mig.set_defaults(func=cmd_migrate)

    sc = sub.add_parser("scenarios", help="list the scenarios in scenarios/")
    sc.set_defaults(func=cmd_scenarios)

    # the experiment commands and the browser app register their own subcommands
    for module in ("sim.experiment_cli", "sim.viz.app_cli", "sim.calibration.cli"):
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module).register(sub)
    return parser


def _quiet_stdout() -> None:
    """After a closed pipe: send what is left of stdout nowhere, so that the interpreter's own
    flush at exit does not complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    command = "orgsim"
    keep_freed_memory()  # the monthly step reuses its temporary arrays (sim/allocator.py)
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, or a mistake already reported on one line
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        command = f"orgsim {args.command}"
        with sigterm_as_interrupt():  # SIGTERM cleans up as Ctrl-C does: nothing half-written
            return int(args.func(args) or 0)
    except ScenarioError as exc:
        print(f"orgsim: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # a full disk, a folder removed under the run: one line, no traceback
        where = f" ({str(exc.filename)[:300]})" if exc.filename else ""
        print(f"{command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Terminated:
        print(f"{command}: stopped by SIGTERM", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print(f"{command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
