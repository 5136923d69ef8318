"""Regenerate the figures of docs/experiments.md by running the tutorial's own commands.

    python experiments/tutorial.py                 # every section (a few minutes on 2 cores)
    python experiments/tutorial.py compare sweep   # some sections
    python experiments/tutorial.py --fresh         # after a model change: redo every run
    python experiments/tutorial.py --quick         # 2 seeds, 12 months, into a scratch folder:
                                                   # checks that the commands run, copies nothing

Each section runs exactly the ``orgsim`` command printed in the tutorial (through the same entry
point), in its folder under runs/tutorial/ — so a rerun resumes and redoes nothing — and copies
its figures to docs/figures/experiments/<section>-<figure>.png. A rerun keeps the runs it finds,
whatever code made them: after a change to the model, use --fresh (and check the numbers that
docs/experiments.md quotes).
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from sim.docgen import stamp

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "figures" / "experiments"

# The commands of docs/experiments.md, section by section (tests check that the two agree).
SECTIONS: dict[str, str] = {
    "compare": (
        "orgsim compare baseline --arm at_market --arm below_market "
        "firm.roles.production_worker.wage=2700 --seeds 40 --workers 2 "
        "--out runs/tutorial/compare"
    ),
    "sweep": (
        "orgsim sweep baseline --grid market.shortage=0,0.1,0.2,0.3 "
        "--grid firm.roles.production_worker.wage=2700,3000,3300 --reference 1 --seeds 20 "
        "--workers 2 --out runs/tutorial/sweep"
    ),
    "pay_schemes": (
        "orgsim sweep baseline --arms experiments/pay_schemes.yaml "
        "--grid policies.appraisal.frequency=monthly,quarterly,half_yearly,yearly "
        "--seeds 50 --workers 2 --out runs/tutorial/pay_schemes"
    ),
    "morris": (
        "orgsim sensitivity baseline --method morris --n 10 --seeds 4 --workers 2 "
        "--param psychology.search_threshold=50% --param psychology.quit_hygiene=50% "
        "--param psychology.quit_motivator=50% --param psychology.quit_inequity=50% "
        "--param psychology.quit_commitment=50% --param psychology.quit_embeddedness=50% "
        "--param psychology.offer_value_spread=50% --param psychology.quit_contagion=50% "
        "--param psychology.offer_rate=50% --param market.months_to_fill=50% "
        "--out runs/tutorial/morris"
    ),
    "sobol": (
        "orgsim sensitivity baseline --method sobol --n 128 --seeds 2 --workers 2 "
        "--param psychology.offer_value_spread=50% --param psychology.search_threshold=50% "
        "--param psychology.offer_rate=50% --out runs/tutorial/sobol"
    ),
}


def argv(section: str, quick_out: Path | None = None) -> list[str]:
    """The section's command as arguments after ``orgsim``; quick: tiny runs in a scratch folder."""
    args = shlex.split(SECTIONS[section])[1:]
    if quick_out is not None:
        args[args.index("--seeds") + 1] = "2"
        args[args.index("--out") + 1] = str(quick_out / section)
        if "--n" in args:
            args[args.index("--n") + 1] = "2" if "morris" in args else "8"
        args += ["--months", "12", "--quiet"]
    return args


def run(section: str, quick_out: Path | None = None, fresh: bool = False) -> list[Path]:
    from sim.experiment_cli import main

    args = argv(section, quick_out)
    out = ROOT / args[args.index("--out") + 1]
    if fresh and quick_out is None and out.is_relative_to(ROOT / "runs" / "tutorial"):
        shutil.rmtree(out, ignore_errors=True)
    print(f"\n$ orgsim {shlex.join(args)}", flush=True)
    code = main(args)
    if code != 0:
        raise SystemExit(f"{section}: the command failed (exit code {code})")
    if quick_out is not None:
        return []
    FIGURES.mkdir(parents=True, exist_ok=True)
    copied = []
    for figure in sorted((out / "figures").glob("*.png")):
        target = FIGURES / f"{section}-{figure.name}"
        shutil.copyfile(figure, target)
        copied.append(target)
    return copied


def main(argv_: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="*", help=f"any of {', '.join(SECTIONS)} (all)")
    parser.add_argument("--quick", action="store_true", help="tiny runs; copy no figures")
    parser.add_argument(
        "--fresh", action="store_true", help="delete the sections' runs first and redo them"
    )
    args = parser.parse_args(argv_)
    unknown = [s for s in args.sections if s not in SECTIONS]
    if unknown:
        parser.error(f"no section {unknown}; sections: {', '.join(SECTIONS)}")
    sections = args.sections or list(SECTIONS)
    if args.quick:
        with tempfile.TemporaryDirectory() as scratch:
            for section in sections:
                run(section, Path(scratch))
        return
    for section in sections:
        for figure in run(section, fresh=args.fresh):
            print(f"  -> {figure.relative_to(ROOT)}")
    if args.fresh and not args.sections:  # every figure redrawn from runs of this code
        stamp("tutorial")


if __name__ == "__main__":
    import os

    os.chdir(ROOT)  # the commands name paths relative to the project
    sys.exit(main())
