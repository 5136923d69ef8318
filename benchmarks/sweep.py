"""Sweep throughput and scaling: 400 runs of the 200-person baseline for 10 years.

A 4 x 5 grid (loss aversion x labour shortage) with 20 seeds each, written to a fresh experiment
folder (Parquet per run, gathered tables, summary; no figures), on local worker processes. The
target on a 2-core machine (issue 14): under a minute with 2 workers, and at least 1.8x faster than 1.

    python benchmarks/sweep.py                 # 1 and 2 workers, 400 runs
    python benchmarks/sweep.py --seeds 5 --workers 1 2 4
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from sim.experiment import SequentialExecutor, process_pool, sweep

GRID = {
    "psychology.loss_aversion": [1.5, 2.0, 2.5, 3.0],
    "market.shortage": [0.0, 0.1, 0.2, 0.3, 0.4],
}


def timed(workers: int, seeds: int, months: int, folder: Path) -> tuple[float, int]:
    """Wall time of one sweep, from the call to the gathered tables on disk."""
    executor = SequentialExecutor() if workers == 0 else process_pool(workers)
    start = time.perf_counter()
    with executor:
        result = sweep("baseline", GRID, seeds=seeds, months=months, executor=executor, out=folder)
    elapsed = time.perf_counter() - start
    return elapsed, int((result.runs["status"] == "ok").sum())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="replicates per grid point (20)")
    parser.add_argument("--months", type=int, default=120, help="months per run (120)")
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2],
        help="worker counts to time; 0 = in this process (default: 1 2)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each worker count this many times, interleaved, and keep the fastest: on a "
        "shared machine the fastest is the one least disturbed by others (1)",
    )
    args = parser.parse_args(argv)
    runs = args.seeds * len(GRID["psychology.loss_aversion"]) * len(GRID["market.shortage"])
    print(
        f"sweep of {runs} runs of the baseline (200 people, {args.months} months); "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average before {os.getloadavg()[0]:.1f}"
    )
    times: dict[int, list[float]] = {w: [] for w in args.workers}
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(args.repeat):
            for workers in args.workers:
                folder = Path(tmp) / f"w{workers}-{attempt}"
                elapsed, ok = timed(workers, args.seeds, args.months, folder)
                if ok != runs:
                    raise SystemExit(f"{runs - ok} runs failed with {workers} workers")
                times[workers].append(elapsed)
    print(f"{'workers':>8} {'wall s':>8} {'runs/s':>8} {'speed-up':>9}   all wall times (s)")
    first = min(times[args.workers[0]])
    for workers in args.workers:
        best = min(times[workers])
        label = "in-proc" if workers == 0 else str(workers)
        every = ", ".join(f"{t:.1f}" for t in times[workers])
        print(f"{label:>8} {best:8.1f} {runs / best:8.1f} {first / best:8.2f}x   {every}")
    print(f"load average after {os.getloadavg()[0]:.1f}")
    if 1 in times and 2 in times:
        two, speedup = min(times[2]), min(times[1]) / min(times[2])
        ok = "yes" if two < 60 and speedup >= 1.8 else "NO"
        full = runs == 400 and args.months == 120
        print(
            f"{'' if full else '(not the full 400 x 120 months) '}under a minute on 2 workers and "
            f">= 1.8x faster than 1: {ok} ({two:.1f} s, {speedup:.2f}x)"
        )


if __name__ == "__main__":
    main()
