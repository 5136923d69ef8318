"""How fast the classroom app draws a month: the page must stay responsive.

Target (from the issue): one simulated month of the 200-person baseline is drawn in under 200 ms.

What is timed, month by month, for a run of the scenario's months (120 for the baseline):

- ``step``: the model's monthly step (every arm);
- ``draw``: everything the page draws after a month (``Session.render``): the eight live charts,
  the organisation picture, the difference charts in compare mode, the PNG encoding of each, the
  status line and the event feed; ``draw12`` is its median over the first twelve months, the
  figure the test suite used to check (under 400 ms, a loose guard) before timing left the tests;
- with ``--browser``: the round trip a user sees, from clicking Step in headless Chromium to the
  new month's number on the page (server step + draw + websocket + the browser's decoding).

The first frame builds the figures (matplotlib's layout engine runs once) and is shown apart; the
axes of a live chart are redrawn only when the data leave them or when the time axis grows (a few
times in a run), so the table gives the median, the 90th percentile and the worst month.

    python benchmarks/app_redraw.py                 # baseline; baseline in compare mode; Shengyi
    python benchmarks/app_redraw.py --browser       # also the click-to-screen round trip (Chromium)
    python benchmarks/app_redraw.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MPLBACKEND", "Agg")

TARGET_MS = 200.0
# The loose guard that used to be a test (a month of the baseline drawn in under 400 ms, the median
# of its first twelve months): wall-clock checks do not belong in the test suite on a shared machine.
GUARD_MS = 400.0
GUARD_MONTHS = 12
CHROMIUM = "/usr/bin/chromium"


def time_session(case: str, compare: bool, months: int | None) -> dict:
    from sim.viz.app.session import Session, load_case

    sess = Session(case)
    if compare:
        sess.set_compare(True)
    months = months or load_case(case).months
    sess.stop_month = months
    started = time.perf_counter()
    sess.render()
    first = 1000 * (time.perf_counter() - started)
    steps, draws = [], []
    for _ in range(months):
        t0 = time.perf_counter()
        sess.step()
        t1 = time.perf_counter()
        sess.render()
        t2 = time.perf_counter()
        steps.append(1000 * (t1 - t0))
        draws.append(1000 * (t2 - t1))
    total = np.asarray(steps) + np.asarray(draws)
    return {
        "case": case,
        "mode": "compare" if compare else "single",
        "employees": int(sess.arms[0].spec.firm.employees),
        "months": months,
        "first_frame_ms": round(first, 1),
        "step_ms_median": round(float(np.median(steps)), 2),
        "draw_ms_median": round(float(np.median(draws)), 1),
        "draw_ms_median_first_year": round(float(np.median(draws[:GUARD_MONTHS])), 1),
        "month_ms_median": round(float(np.median(total)), 1),
        "month_ms_p90": round(float(np.percentile(total, 90)), 1),
        "month_ms_max": round(float(total.max()), 1),
        "months_over_target": int((total > TARGET_MS).sum()),
    }


def time_browser(clicks: int = 24) -> dict:
    """Click Step ``clicks`` times on the baseline and time each until the page shows the month."""
    import socket
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    from sim.viz.app_cli import server_command, server_env

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        server_command("127.0.0.1", port),
        env=server_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.wait_for_selector(".status-month", timeout=90_000)
            times = []
            for month in range(1, clicks + 1):
                t0 = time.perf_counter()
                page.locator(".btn-step").click()
                page.wait_for_function(
                    f"document.querySelector('.status-month').innerText === '{month}'"
                )
                times.append(1000 * (time.perf_counter() - t0))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    return {
        "case": "baseline",
        "mode": "browser round trip",
        "clicks": clicks,
        "month_ms_median": round(float(np.median(times)), 1),
        "month_ms_p90": round(float(np.percentile(times, 90)), 1),
        "month_ms_max": round(float(np.max(times)), 1),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--browser", action="store_true", help="also time the browser round trip")
    parser.add_argument(
        "--months", type=int, default=None, help="months per run (default: the scenario's)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from sim.viz.app.session import available_cases

    rows = [
        time_session("baseline", False, args.months),
        time_session("baseline", True, args.months),
    ]
    if "shengyi" in available_cases():
        rows.append(time_session("shengyi", False, args.months))
    if args.browser:
        rows.append(time_browser())
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"app redraw on {platform.node()} ({os.cpu_count()} cores, Python {platform.python_version()})"
    )
    print(f"target: a month of the 200-person baseline drawn in under {TARGET_MS:.0f} ms\n")
    head = (
        f"{'case':<10} {'mode':<20} {'first':>7} {'step':>6} {'draw':>6} {'draw12':>7} "
        f"{'month':>7} {'p90':>7} {'max':>7} {'>200ms':>7}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['case']:<10} {r['mode']:<20} {r.get('first_frame_ms', float('nan')):>7.0f} "
            f"{r.get('step_ms_median', float('nan')):>6.1f} {r.get('draw_ms_median', float('nan')):>6.0f} "
            f"{r.get('draw_ms_median_first_year', float('nan')):>7.0f} "
            f"{r['month_ms_median']:>7.0f} {r['month_ms_p90']:>7.0f} {r['month_ms_max']:>7.0f} "
            f"{r.get('months_over_target', ''):>7}"
        )
    base = rows[0]
    verdict = (
        "met"
        if base["month_ms_median"] < TARGET_MS and base["month_ms_p90"] < TARGET_MS
        else "NOT met"
    )
    print(
        f"\n(all times in ms; 'month' = step + draw; 'draw12' = median draw of the first "
        f"{GUARD_MONTHS} months)  target {verdict} for the baseline (median and p90)"
    )
    guard = "met" if base["draw_ms_median_first_year"] < GUARD_MS else "NOT met"
    print(
        f"guard: a month of the baseline drawn in under {GUARD_MS:.0f} ms (median of its first "
        f"{GUARD_MONTHS} months): {base['draw_ms_median_first_year']:.0f} ms, {guard}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
