"""The experiment commands of ``orgsim``: sweep, compare, sensitivity, plot.

    orgsim sweep baseline --grid market.shortage=0,0.2,0.4 --grid psychology.loss_aversion=1.5:3:4
    orgsim sweep baseline --sample 40 --param market.shortage --param firm.roles.salesperson.wage=3000:5000
    orgsim compare shengyi shengyi_reformed --seeds 50 --workers 2
    orgsim compare baseline --arm calm --arm tight market.shortage=0.3
    orgsim sweep baseline --arms experiments/pay_schemes.yaml \
        --grid policies.appraisal.frequency=monthly,quarterly,half_yearly,yearly --seeds 50
    orgsim sensitivity baseline --method morris --param psychology.loss_aversion --param market.shortage
    orgsim plot runs/sweep-baseline-1a2b3c4d

Every command takes ``--seeds``, ``--workers``, ``--dask`` and ``--out``, and draws its figures
as ``--format png|svg|pdf`` at ``--dpi`` (PNG). Without ``--out`` the
folder is named after the experiment (``runs/<kind>-<scenarios>-<hash of the command>``), so that
running the same command again resumes it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from sim import experiment as ex
from sim import paths
from sim.scenario import ScenarioError, parse_assignment
from sim.viz.style import add_figure_arguments, figure_settings

# --- argument parsing --------------------------------------------------------------------------


def _value(text: str) -> Any:
    try:
        return yaml.safe_load(text) if text.strip() else text
    except yaml.YAMLError:
        return text


def parse_grid(text: str, scenario=None) -> tuple[str, list[Any]]:
    """``path=v1,v2,v3`` (each read as YAML) or ``path=lo:hi:n`` (n evenly spaced values; integer
    parameters rounded)."""
    if "=" not in text:
        raise ex.ExperimentError(f"--grid {text!r}: expected path=v1,v2,... or path=lo:hi:n")
    path, raw = (s.strip() for s in text.split("=", 1))
    parts = raw.split(":")
    if len(parts) == 3:
        try:
            lo, hi, n = float(parts[0]), float(parts[1]), int(parts[2])
        except ValueError:
            raise ex.ExperimentError(
                f"--grid {text!r}: lo:hi:n needs two numbers and a count"
            ) from None
        if n < 1:
            raise ex.ExperimentError(f"--grid {text!r}: the count must be at least 1")
        values: list[Any] = [float(v) for v in np.linspace(lo, hi, n)]
        if _kind(path, scenario) == "int":
            values = list(dict.fromkeys(int(round(v)) for v in values))
        return path, values
    values = [_value(v) for v in raw.split(",") if v.strip()]
    if not values:
        raise ex.ExperimentError(f"--grid {text!r}: no values")
    return path, values


def _kind(path: str, scenario) -> str:
    """The kind of a parameter; an arm may add the policy the base scenario lacks."""
    try:
        return paths.resolve(path, scenario).kind
    except paths.ParameterPathError:
        return paths.resolve(path).kind


def parse_param(text: str) -> tuple[str, tuple[float, float] | str | None]:
    """``path`` (declared bounds), ``path=lo:hi``, or ``path=P%`` (the scenario's value plus and
    minus P percent, within the declared bounds)."""
    if "=" not in text:
        return text.strip(), None
    path, raw = (s.strip() for s in text.split("=", 1))
    if raw.endswith("%"):
        return path, raw
    try:
        lo, hi = (float(v) for v in raw.split(":"))
    except ValueError:
        raise ex.ExperimentError(f"--param {text!r}: expected path or path=lo:hi") from None
    return path, (lo, hi)


def _overrides(assignments: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for text in assignments or []:
        path, value = parse_assignment(text)
        out[path] = value
    return out


def _scenarios(items: list[str]) -> dict[str, str]:
    """Positional scenarios: ``name``, ``path/to/file.yaml`` or ``label=name``."""
    out: dict[str, str] = {}
    for item in items:
        label, _, target = item.partition("=") if "=" in item else ("", "", item)
        label = label or Path(target).stem
        if label in out:
            raise ex.ExperimentError(f"two scenarios are labelled {label!r}; write label=scenario")
        out[label] = target
    return out


def _arms(args) -> tuple[dict[str, Any], str | None]:
    """The arms of a sweep or a comparison, and the base scenario that ``--arm``/``--arms`` vary.

    Without ``--arm``/``--arms`` every positional scenario is an arm. With them there must be
    one positional scenario, the base, and the arms are exactly those listed (list the base
    itself as an arm without overrides, ``--arm baseline``, to include it)."""
    scenarios = _scenarios(args.scenarios)
    if not (args.arm or args.arms):
        return scenarios, None
    if len(scenarios) != 1:
        raise ex.ExperimentError("--arm/--arms vary one base scenario: give exactly one SCENARIO")
    base = next(iter(scenarios.values()))
    arms: dict[str, Any] = {}
    if args.arms:
        arms.update(read_arms(args.arms))
    for spec in args.arm or []:
        name, *assignments = spec
        if "=" in name:
            raise ex.ExperimentError(f"--arm {' '.join(spec)}: start with a label")
        if name in arms:
            raise ex.ExperimentError(f"two arms are labelled {name!r}")
        arms[name] = _overrides(assignments)
    return arms, base


def read_arms(file: str | Path) -> dict[str, dict[str, Any]]:
    """An arms file: a YAML mapping of label -> {dotted.path: value} (``{}`` for the base)."""
    try:
        data = yaml.safe_load(Path(file).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ex.ExperimentError(f"--arms {file}: cannot read it: {exc}") from None
    if not isinstance(data, dict) or not data:
        raise ex.ExperimentError(f"--arms {file}: expected a mapping of label -> overrides")
    arms = {}
    for label, overrides in data.items():
        if overrides is None:
            overrides = {}
        if not isinstance(overrides, dict):
            raise ex.ExperimentError(
                f"--arms {file}: arm {label!r} must map dotted paths to values, not {overrides!r}"
            )
        arms[str(label)] = dict(overrides)
    return arms


def _default_out(kind: str, labels: list[str], args: argparse.Namespace) -> Path:
    """The same command gives the same folder (so running it again resumes); another, another."""
    ignore = {
        "workers",
        "dask",
        "out",
        "no_plot",
        "quiet",
        "func",
        "argv",
        "command",
        "outputs",
        "reference",
        # how the figures are drawn is not what the experiment is: --format pdf redraws the same runs
        "format",
        "dpi",
    }
    key = {k: v for k, v in sorted(vars(args).items()) if k not in ignore}
    digest = hashlib.sha256(json.dumps(key, default=str).encode()).hexdigest()[:8]
    name = "+".join(labels)[:40]
    return Path("runs") / f"{kind}-{name}-{digest}"


def _arm_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--arm",
        action="append",
        nargs="+",
        metavar=("LABEL", "PATH=VALUE"),
        help="an arm: a label, then the overrides of the base SCENARIO (none: the base itself)",
    )
    parser.add_argument(
        "--arms",
        metavar="FILE",
        help="a YAML file of arms: label -> {dotted.path: value}",
    )


def _common(parser: argparse.ArgumentParser, seeds: int) -> None:
    parser.add_argument(
        "--seeds",
        type=int,
        default=seeds,
        help=f"replicates per point, common random numbers across points (default {seeds})",
    )
    parser.add_argument(
        "--root-seed", type=int, default=0, help="the seed that spawns every replicate's seed (0)"
    )
    parser.add_argument(
        "--months", type=int, default=None, help="months per run (default: the scenario's)"
    )
    parser.add_argument(
        "--set",
        action="append",
        metavar="PATH=VALUE",
        help="override a scenario field in every run, e.g. --set market.inflation_annual=0.05",
    )
    parser.add_argument(
        "--outputs",
        nargs="+",
        metavar="FIGURE",
        default=list(ex.DEFAULT_OUTPUTS),
        help="headline figures to summarise, any of those declared in sim/outcomes.py: "
        f"{', '.join(ex.OUTPUT_NAMES)} (default: %(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="local worker processes (default 1: runs in this process)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=None,
        help="run on a Dask cluster, e.g. tcp://10.0.0.5:8786 (needs the dask extra; results "
        "come back to this process, which writes the folder: no shared file system needed)",
    )
    parser.add_argument(
        "--out",
        default=None,
        help="experiment folder (default runs/<kind>-<scenarios>-<hash>); the same folder "
        "resumes an interrupted experiment",
    )
    parser.add_argument("--no-plot", action="store_true", help="skip the figures")
    add_figure_arguments(parser)
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar (there is none when stderr is not a terminal)",
    )


def register(subparsers) -> None:
    """Add ``sweep``, ``compare``, ``sensitivity`` and ``plot`` to the ``orgsim`` command."""
    sw = subparsers.add_parser(
        "sweep",
        help="run a grid or a sample of parameter values, many seeds each, resumable",
        description="Run every point of a design, --seeds replicates each (common random "
        "numbers), and write tidy tables, a summary with 95% intervals and figures.",
        epilog="examples:\n"
        "  orgsim sweep baseline --grid market.shortage=0,0.2,0.4 --seeds 30 --workers 2\n"
        "  orgsim sweep baseline --grid psychology.loss_aversion=1:4:7 --grid market.shortage=0,0.3\n"
        "  orgsim sweep baseline --sample 50 --param market.shortage "
        "--param firm.roles.salesperson.wage=3000:5000\n"
        "  orgsim sweep baseline --arms experiments/pay_schemes.yaml "
        "--grid policies.appraisal.frequency=monthly,quarterly,half_yearly,yearly --seeds 50",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sw.add_argument(
        "scenarios",
        nargs="+",
        metavar="SCENARIO",
        help="scenario name or file; several are arms crossed with the grid (label=scenario to "
        "name one); with --arm/--arms, the one base scenario the arms vary",
    )
    _arm_options(sw)
    sw.add_argument(
        "--grid",
        action="append",
        metavar="PATH=VALUES",
        help="values of one parameter: path=v1,v2,v3 or path=lo:hi:n; several --grid give the "
        "full factorial",
    )
    sw.add_argument(
        "--sample", type=int, metavar="N", help="N points by Latin hypercube over the --param"
    )
    sw.add_argument(
        "--param",
        action="append",
        metavar="PATH[=LO:HI|=P%]",
        help="a parameter to sample: within its declared bounds, LO:HI, or the scenario's value "
        "plus and minus P%%",
    )
    sw.add_argument(
        "--reference", type=int, default=None, help="point the differences are taken from (0)"
    )
    _common(sw, ex.DEFAULT_SEEDS)
    sw.set_defaults(func=cmd_sweep)

    co = subparsers.add_parser(
        "compare",
        help="compare scenarios or variants on the same seeds, with paired differences",
        description="Run each arm --seeds times on the same seeds (common random numbers) and "
        "report every arm's paired difference from the first (or --reference) with its 95% "
        "interval.",
        epilog="examples:\n"
        "  orgsim compare shengyi shengyi_reformed --seeds 50 --workers 2\n"
        "  orgsim compare baseline --arm calm --arm tight market.shortage=0.3 --arm very_tight "
        "market.shortage=0.6",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    co.add_argument(
        "scenarios",
        nargs="+",
        metavar="SCENARIO",
        help="scenario names or files, each an arm (label=scenario to name one); with "
        "--arm/--arms, the one base scenario the arms vary",
    )
    _arm_options(co)
    co.add_argument("--reference", default=None, help="label of the reference arm (the first)")
    _common(co, ex.DEFAULT_SEEDS)
    co.set_defaults(func=cmd_compare)

    se = subparsers.add_parser(
        "sensitivity",
        help="Morris screening or Sobol indices of headline figures over parameter ranges",
        description="Sample the parameters within their declared bounds (or LO:HI), run "
        "--seeds replicates of each point, and compute Morris mu*/sigma or Sobol S1/ST of each "
        "output on the replicate means.",
        epilog="example:\n"
        "  orgsim sensitivity baseline --method morris --n 10 --param psychology.loss_aversion "
        "--param market.shortage=0:0.5 --param psychology.quit_contagion --workers 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    se.add_argument("scenario", metavar="SCENARIO")
    se.add_argument(
        "--param",
        action="append",
        required=True,
        metavar="PATH[=LO:HI|=P%]",
        help="a parameter: within its declared bounds, LO:HI, or the scenario's value plus and "
        "minus P%%",
    )
    se.add_argument("--method", choices=ex.METHODS, default="morris")
    se.add_argument(
        "--n",
        type=int,
        default=None,
        help="Morris trajectories (default 10) or Sobol base samples, a power of 2 (default 64)",
    )
    se.add_argument("--levels", type=int, default=4, help="Morris grid levels (4)")
    _common(se, ex.SENSITIVITY_SEEDS)
    se.set_defaults(func=cmd_sensitivity)

    pl = subparsers.add_parser(
        "plot", help="draw the standard figures of an experiment folder again"
    )
    pl.add_argument("folder", metavar="EXPERIMENT_DIR")
    pl.add_argument(
        "--metrics",
        nargs="+",
        default=None,
        help="monthly metrics of the trajectory figure, as declared in sim/outcomes.py",
    )
    pl.add_argument(
        "--outputs", nargs="+", default=None, help="headline figures to draw (see sweep --help)"
    )
    pl.add_argument("--out", default=None, help="figure folder (default EXPERIMENT_DIR/figures)")
    add_figure_arguments(pl)
    pl.set_defaults(func=cmd_plot)


# --- the commands ------------------------------------------------------------------------------


def _settings(args, kind: str, labels: list[str]) -> ex.RunSettings:
    """The run settings of an experiment command, made (and its outputs checked) before anything
    runs; the folder is ``--out`` or named after the command."""
    args.resolved_out = Path(args.out) if args.out else _default_out(kind, labels, args)
    return ex.RunSettings(
        seeds=args.seeds,
        root_seed=args.root_seed,
        months=args.months,
        outputs=ex.check_outputs(args.outputs, "--outputs"),
        workers=args.workers if args.workers and args.workers > 1 else None,
        dask=args.dask,
        out=args.resolved_out,
        progress=not args.quiet and sys.stderr.isatty(),  # no carriage returns in logs
        command=_command(args),
    )


def _command(args) -> str | None:
    """The command line, as recorded in the manifest and told when resuming: the arguments given
    to :func:`main`, or the process's."""
    argv = getattr(args, "argv", None)
    argv = sys.argv[1:] if argv is None else argv
    return "orgsim " + shlex.join(argv) if argv else None


def _plot(result: ex.ExperimentResult, args, folder=None, metrics=None) -> list[Path]:
    # imported here: matplotlib takes a while to load, and most orgsim commands draw nothing
    from sim.viz.experiment_plots import plot_experiment

    return plot_experiment(result, folder, metrics=metrics, figure=figure_settings(args))


def _guarded(fn):
    """Turn the errors a user can fix into a message and exit code 2; a full disk into a message
    saying how to resume and exit code 1; Ctrl-C into 130 and SIGTERM into 143 (128 + the
    signal's number, as shells report them), each with one line and no traceback."""

    def wrapper(args) -> int:
        def show(message, category, filename, lineno, file=None, line=None):
            print(f"orgsim {args.command}: warning: {message}", file=sys.stderr)

        def resume() -> str:
            out = getattr(args, "resolved_out", None)
            where = f" on {out}" if out else ""
            return f"finished runs are kept. Run the same command again{where} to resume."

        try:
            with warnings.catch_warnings(), ex.sigterm_as_interrupt():
                warnings.showwarning = show
                return fn(args)
        except ex.DiskFullError as exc:
            print(f"orgsim {args.command}: {exc}", file=sys.stderr)
            return 1
        except (ex.ExperimentError, ScenarioError, paths.ParameterPathError) as exc:
            print(f"orgsim {args.command}: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            if not ex.disk_full(exc):
                raise
            # a figure, or anything else not written through the experiment folder
            print(
                f"orgsim {args.command}: {exc.filename or 'a file'}: the disk is full "
                f"({exc.strerror}); {resume()}",
                file=sys.stderr,
            )
            return 1
        except ex.Terminated:
            print(f"orgsim {args.command}: stopped by SIGTERM; {resume()}", file=sys.stderr)
            return 143
        except KeyboardInterrupt:
            print(f"orgsim {args.command}: interrupted; {resume()}", file=sys.stderr)
            return 130

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


@_guarded
def cmd_sweep(args) -> int:
    arms, base = _arms(args)
    first = ex.as_scenario(base or next(iter(arms.values())))
    grid = None
    if args.grid:
        if args.sample is not None:
            raise ex.ExperimentError("give --grid or --sample, not both")
        grid = dict(parse_grid(g, first) for g in args.grid)
    elif args.sample is None:
        raise ex.ExperimentError("a sweep needs --grid PATH=VALUES or --sample N with --param")
    parameters = dict(parse_param(p) for p in args.param or []) or None
    result = ex.sweep(
        arms,
        grid,
        base=base,
        sample=args.sample,
        parameters=parameters,
        reference=args.reference,
        overrides=_overrides(args.set),
        settings=_settings(args, "sweep", list(arms)),
    )
    return _report(result, args)


@_guarded
def cmd_compare(args) -> int:
    arms, base = _arms(args)
    if len(arms) < 2:
        raise ex.ExperimentError("a comparison needs two arms: two scenarios, or --arm/--arms")
    result = ex.compare(
        arms,
        base=base,
        reference=args.reference,
        overrides=_overrides(args.set),
        settings=_settings(args, "compare", list(arms)),
    )
    return _report(result, args)


@_guarded
def cmd_sensitivity(args) -> int:
    parameters = dict(parse_param(p) for p in args.param)
    result = ex.sensitivity(
        args.scenario,
        parameters,
        args.method,
        n=args.n,
        levels=args.levels,
        overrides=_overrides(args.set),
        settings=_settings(args, args.method, [Path(args.scenario).stem]),
    )
    return _report(result, args)


@_guarded
def cmd_plot(args) -> int:
    result = ex.load(args.folder)
    if args.outputs:
        result.outputs = list(ex.check_outputs(args.outputs, "--outputs"))
    files = _plot(result, args, args.out, metrics=args.metrics)
    for file in files:
        print(file)
    return 0


# --- the printed report ------------------------------------------------------------------------


def _fmt(value: float) -> str:
    if value is None or not np.isfinite(value):
        return "—"
    magnitude = abs(value)
    if magnitude >= 1e6:
        return f"{value / 1e6:,.2f}M"
    if magnitude >= 1e4:
        return f"{value / 1e3:,.1f}k"
    if magnitude >= 100:
        return f"{value:,.1f}"
    return f"{value:.3g}"


def _report(result: ex.ExperimentResult, args) -> int:
    runs = result.runs
    ok = int((runs["status"] == "ok").sum())
    failed = result.failed
    print(f"{result.kind}: {ok} of {len(runs)} runs finished in {result.path}")
    if result.kind == "sensitivity" and result.indices is not None:
        print(_indices_text(result))
    elif ok:
        print(_summary_text(result))
    warned = runs["warnings"].dropna() if "warnings" in runs else []
    if len(warned):
        print(f"{len(warned)} runs raised warnings, e.g. {warned.iloc[0]}")
    if len(failed):
        print(f"{len(failed)} runs failed (see runs.parquet, column error); e.g.:")
        for _, row in failed.head(3).iterrows():
            print(f"  {row['run_id']} (seed {row['seed']}): {row['error']}")
        print("Running the same command again retries them.")
    if ok and not args.no_plot:
        files = _plot(result, args)
        print(f"figures: {', '.join(str(f) for f in files)}")
    return 0 if failed.empty else 1


def _summary_text(result: ex.ExperimentResult, limit: int = 30) -> str:
    labels = ex.point_labels(result)
    summary = result.summary()
    diffs = result.differences() if len(result.design) > 1 else None
    ref = labels[result.reference] if diffs is not None else ""
    lines = []
    for output in result.outputs:
        lines.append(
            f"\n{output}: mean [95% interval]" + (f"   paired difference from {ref}" if ref else "")
        )
        rows = summary[summary["output"] == output]
        width = max(len(v) for v in labels.values())
        for _, row in rows.head(limit).iterrows():
            point = int(row["point"])
            text = f"  {labels[point]:<{width}}  n={row['n']:<3d} {_fmt(row['mean']):>9} "
            text += f"[{_fmt(row['ci_low'])}, {_fmt(row['ci_high'])}]"
            if diffs is not None and point != result.reference:
                d = diffs[(diffs["point"] == point) & (diffs["output"] == output)]
                if len(d):
                    d = d.iloc[0]
                    text += f"   {_signed(d['mean_difference'])} [{_fmt(d['ci_low'])}, {_fmt(d['ci_high'])}]"
            lines.append(text)
        if len(rows) > limit:
            lines.append(f"  ... {len(rows) - limit} more points in summary.csv")
    return "\n".join(lines)


def _signed(value: float) -> str:
    text = _fmt(value)
    return text if text.startswith("-") or text == "—" else f"+{text}"


def _indices_text(result: ex.ExperimentResult) -> str:
    indices = result.indices
    lines = []
    for output, block in indices.groupby("output", sort=False):
        if "mu_star" in block:
            lines.append(f"\n{output}: Morris mu* (sigma)")
            for _, row in block.sort_values("mu_star", ascending=False).iterrows():
                lines.append(
                    f"  {row['parameter']:<44} {_fmt(row['mu_star']):>9} ({_fmt(row['sigma'])})"
                )
        else:
            lines.append(f"\n{output}: Sobol first-order S1 and total ST")
            for _, row in block.sort_values("ST", ascending=False).iterrows():
                lines.append(
                    f"  {row['parameter']:<44} S1 {row['S1']:6.2f} ± {row['S1_conf']:.2f}"
                    f"   ST {row['ST']:6.2f} ± {row['ST_conf']:.2f}"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one experiment command without the rest of ``orgsim`` (``python -m sim.experiment_cli``)."""
    parser = argparse.ArgumentParser(prog="orgsim")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    args.argv = argv
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
