"""Fuzzing campaign: mutate the 12 shipped scenarios into N files and tally what orgsim does.

Each mutant is made by ``tests/scenario_mutations.py`` (the same mutations as the property test
``tests/test_fuzz.py``) from a seed, so a finding is reproduced by its number. It is written to a
file, loaded with ``load_scenario`` and, if accepted, run to the end (6 months, or past its last
timeline event, at most 36). The columns:

- refused cleanly    a ScenarioError under 2,000 characters naming the file, a field and why
- ran cleanly        loaded with no value converted and ran to the end
- died mid-run       accepted, then an exception while building or running the model
- raw traceback      an exception other than ScenarioError while loading
- silent coercion    accepted with a value other than the file's (1 for true, 3000 for "3000")
- accepted duplicate accepted although a key is given twice
- refused unclearly  a ScenarioError too long, or not naming the file or a field
- over 10 s          loading and validating took more than 10 s (the run's time is apart)
- run stopped        loaded in time, but its run (a legal, huge firm) was stopped at 120 s;
                     not a finding, listed to be seen

    python benchmarks/fuzz_campaign.py -n 2000             # the table (2 worker processes)
    python benchmarks/fuzz_campaign.py -n 10000 --workers 2 --keep runs/fuzz
    python benchmarks/fuzz_campaign.py --only 1234         # one mutant, told in full

Not run by the test suite. ``--keep DIR`` keeps every mutant in a bad column, named by its number.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import scenario_mutations as mutations  # noqa: E402  (tests/ is not a package)

SLOW_LOAD_S = 10.0
HANG_S = 120.0  # a mutant still loading or running after this long is stopped and counted over 10 s
RUN_STOPPED = "run stopped at 120 s"  # loaded fine, legal but huge: not a finding
COLUMNS = (*mutations.KINDS, "over 10 s", RUN_STOPPED)
GOOD = ("refused cleanly", "ran cleanly", RUN_STOPPED)


class _Hang(BaseException):  # not an Exception: the oracle's own handlers must not catch it
    pass


def _alarm(signum, frame):
    raise _Hang()


def mutant(number: int) -> mutations.Mutant:
    rng = random.Random(number)
    return mutations.mutate(rng.choice(mutations.SHIPPED), rng)


def one(number: int, folder: str) -> tuple[int, str, str, float, float, list[str], bytes | None]:
    """Judge mutant ``number``; returns its column, detail, times, changes (and bytes if bad)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(int(HANG_S))
    started = time.perf_counter()
    item = mutant(number)
    stages: list[str] = []
    try:
        verdict = mutations.judge(item, Path(folder), f"mutant_{number:06d}", stages)
    except _Hang:
        if stages:  # loaded in time: a legal but huge firm whose run takes long
            verdict = mutations.Verdict(RUN_STOPPED, f"run stopped after {HANG_S:.0f} s")
        else:
            verdict = mutations.Verdict("over 10 s", f"still loading after {HANG_S:.0f} s")
            verdict.load_seconds = time.perf_counter() - started
    finally:
        signal.alarm(0)
    kind = verdict.kind
    if verdict.load_seconds > SLOW_LOAD_S:
        kind = "over 10 s"
    keep = item.data if kind not in ("refused cleanly", "ran cleanly", RUN_STOPPED) else None
    return (
        number,
        kind,
        verdict.detail,
        verdict.load_seconds,
        verdict.run_seconds,
        item.changes,
        keep,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="mutants (default 2,000)")
    parser.add_argument("--start", type=int, default=0, help="number of the first mutant")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="folder for the bad mutants")
    parser.add_argument("--only", type=int, default=None, help="judge one mutant and tell all")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        if args.only is not None:
            number, kind, detail, load_s, run_s, changes, _ = one(args.only, folder)
            print(f"mutant {number}: {kind} (load {load_s:.3f} s, run {run_s:.2f} s)")
            print("changes:", "; ".join(changes))
            print(detail)
            return 0
        tally: collections.Counter = collections.Counter()
        bad: list[tuple] = []
        slowest_load, slowest_run = 0.0, 0.0
        started = time.perf_counter()
        numbers = range(args.start, args.start + args.n)
        with concurrent.futures.ProcessPoolExecutor(args.workers) as pool:
            for done, result in enumerate(pool.map(one, numbers, [folder] * args.n, chunksize=8)):
                number, kind, detail, load_s, run_s, changes, data = result
                tally[kind] += 1
                slowest_load, slowest_run = max(slowest_load, load_s), max(slowest_run, run_s)
                if data is not None:
                    bad.append((number, kind, detail, changes))
                    if args.keep is not None:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        (args.keep / f"mutant_{number:06d}.yaml").write_bytes(data)
                if (done + 1) % 500 == 0:
                    print(f"  {done + 1:,} of {args.n:,} ...", file=sys.stderr)
        elapsed = time.perf_counter() - started

    print(
        f"{args.n:,} mutants of the {len(mutations.SHIPPED)} shipped scenarios "
        f"(numbers {args.start}..{args.start + args.n - 1}), {elapsed:.0f} s on {args.workers} workers"
    )
    print()
    print("| outcome | mutants |")
    print("|---|---:|")
    for column in COLUMNS:
        print(f"| {column} | {tally[column]:,} |")
    print()
    print(f"slowest load and validation {slowest_load:.2f} s; slowest run {slowest_run:.2f} s")
    bad_total = sum(tally[c] for c in COLUMNS if c not in GOOD)
    verdict = "met" if not bad_total else "NOT met"
    print(f"target (issue 12): 0 in every column but refused, ran and stopped runs: {verdict}")
    if bad:
        print()
        print("findings (rerun one with --only NUMBER):")
        for number, kind, detail, changes in bad[:50]:
            print(f"  {number}: {kind}: {detail[:300]}  [{'; '.join(changes)[:200]}]")
    return 0 if not bad_total else 1


if __name__ == "__main__":
    sys.exit(main())
