"""``orgsim calibrate`` and ``orgsim validate`` (registered by ``sim.cli``)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def cmd_calibrate(args) -> int:
    from sim.calibration import harness
    from sim.calibration.calfile import CalibrationFileError
    from sim.calibration.spells_file import SpellsFileError

    settings = harness.QUICK if args.quick else harness.FULL
    if args.seed is not None:
        settings = harness.dataclasses.replace(settings, seed=args.seed)
    started = time.perf_counter()
    try:
        if args.screen:
            return _screen(args, settings)
        if args.spells:
            from sim.calibration.own_firm import calibrate_own_firm

            out = Path(args.out or "runs/own-firm")
            data = calibrate_own_firm(
                args.spells,
                out,
                scenario=args.scenario,
                settings=settings,
                first=args.observed_from,
                last=args.observed_to,
                workers=args.workers,
                progress=_say,
            )
            where = out / "calibration.json"
        else:
            where = Path(args.out or "runs/calibration/calibration.json")
            data = harness.calibrate(
                settings=settings, workers=args.workers, out=where, progress=_say
            )
    except (SpellsFileError, CalibrationFileError) as exc:
        print(f"orgsim: {exc}", file=sys.stderr)
        return 2
    print(summary_text(data))
    print(f"wrote {where} ({time.perf_counter() - started:.0f} s)")
    return 0


def _screen(args, settings) -> int:
    from sim.calibration.screening import screen, screening_markdown
    from sim.calibration.targets import calibration_targets
    from sim.experiment import RunSettings

    out = Path(args.out or "runs/calibration")
    out.mkdir(parents=True, exist_ok=True)
    seeds = 1 if args.quick else 2
    trajectories = args.trajectories or (2 if args.quick else 8)
    table = screen(
        calibration_targets(),
        trajectories=trajectories,
        settings=RunSettings(seeds=seeds, root_seed=settings.seed, workers=args.workers),
        progress=_say,
    )
    table.to_csv(out / "screening.csv", index=False)
    (out / "screening.md").write_text(screening_markdown(table), encoding="utf-8")
    print(screening_markdown(table, 20), end="")
    print(f"wrote {out / 'screening.csv'} and {out / 'screening.md'}")
    return 0


def summary_text(data: dict) -> str:
    lines = [
        f"calibration ({data['kind']}), seed {data['seed']}, {data['method']['runs']} parameter sets"
    ]
    if data["nroy_empty"]:
        lines.append("  the targets could not all be met: the ensemble holds the closest runs")
    for p in data["parameters"]:
        low, high = p["interval"]
        lines.append(f"  {p['path']:<40} {p['value']:.4g}   90% [{low:.4g}, {high:.4g}]")
    for t in data["targets"]:
        low, high = t["tolerance"]
        lines.append(
            f"  {t['name']:<40} reached {t['reached']:.4g} (target {low:.4g} to {high:.4g}), "
            f"met by {100 * t['met_share']:.0f}% of the ensemble"
        )
    return "\n".join(lines)


def cmd_validate(args) -> int:
    from sim.calibration import validation
    from sim.calibration.calfile import CalibrationFileError
    from sim.calibration.targets import BY_NAME, TARGETS

    settings = validation.QUICK if args.quick else validation.FULL
    changes = {
        k: v
        for k, v in {"members": args.members, "seeds": args.seeds, "seed": args.seed}.items()
        if v is not None
    }
    if args.no_prior_sampling:
        changes["sample_unfitted"] = False
    settings = validation.dataclasses.replace(settings, **changes)
    targets = list(TARGETS)
    if args.fact:
        unknown = [f for f in args.fact if f not in BY_NAME]
        if unknown:
            print(
                f"orgsim: --fact {unknown}: no such fact; facts: {sorted(BY_NAME)}", file=sys.stderr
            )
            return 2
        targets = [BY_NAME[f] for f in args.fact]
    if args.role:
        targets = [t for t in targets if t.role == args.role]
    try:
        records = validation.validate(
            targets, args.calibration, settings, workers=args.workers, progress=_say
        )
    except CalibrationFileError as exc:
        print(f"orgsim: {exc}", file=sys.stderr)
        return 2
    if args.out:
        from sim.experiment.storage import write_json

        write_json(records, Path(args.out))
    if args.json:
        print(json.dumps(validation.as_json(records), indent=1))
    else:
        print(validation.validation_text(records))
    return 0


def register(sub) -> None:
    cal = sub.add_parser(
        "calibrate",
        help="fit the declared psychology parameters to the calibration targets (history matching)",
    )
    cal.add_argument("--quick", action="store_true", help="a small search (CI): a minute or two")
    cal.add_argument(
        "--screen",
        action="store_true",
        help="rank every psychology parameter by its effect on the targets (Morris) and stop",
    )
    cal.add_argument(
        "--trajectories", type=int, default=None, help="Morris trajectories (--screen)"
    )
    cal.add_argument("--spells", metavar="FILE.csv", help="calibrate to your own firm's spells")
    cal.add_argument(
        "--scenario", help="with --spells: the scenario to fit (default: built from the spells)"
    )
    cal.add_argument(
        "--observed-from", type=int, default=0, help="with --spells: first month of the records"
    )
    cal.add_argument(
        "--observed-to",
        type=int,
        default=None,
        help="with --spells: last month (default: the latest in the file)",
    )
    cal.add_argument(
        "--seed", type=int, default=None, help="seed of the search and the replicates (0)"
    )
    cal.add_argument("--workers", type=int, default=None, help="local worker processes")
    cal.add_argument(
        "--out", default=None, help="calibration file (or folder, with --spells/--screen)"
    )
    cal.set_defaults(func=cmd_calibrate)

    val = sub.add_parser(
        "validate", help="every fact over the calibrated ensemble: interval, holds-share, null"
    )
    val.add_argument(
        "--calibration",
        metavar="FILE",
        default=None,
        help="a calibration file (default: the defaults)",
    )
    val.add_argument("--json", action="store_true", help="print a JSON array, one object per fact")
    val.add_argument("--quick", action="store_true", help="a small ensemble (CI)")
    val.add_argument("--members", type=int, default=None, help="ensemble members")
    val.add_argument("--seeds", type=int, default=None, help="replicates per member")
    val.add_argument("--seed", type=int, default=None, help="root seed (0)")
    val.add_argument("--fact", action="append", default=None, help="only this fact (repeatable)")
    val.add_argument("--role", choices=["calibration", "validation"], default=None)
    val.add_argument(
        "--no-prior-sampling",
        action="store_true",
        help="keep unfitted parameters at their defaults",
    )
    val.add_argument("--workers", type=int, default=None, help="local worker processes")
    val.add_argument(
        "--out", default=None, help="also write the full records (nulls, members) as JSON"
    )
    val.set_defaults(func=cmd_validate)
