"""Fixtures for the browser tests: the app served on loopback, headless Chromium driven by
Playwright (Debian's /usr/bin/chromium; Playwright never downloads a browser here).

The server is started exactly as ``orgsim app`` starts it (sim.viz.app_cli), so the tests also
prove that the page works with no internet: every request the page makes is recorded and must go
to 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from sim.viz.app_cli import server_command, server_env

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",  # no update or safe-browsing calls
    "--disable-component-update",
    "--no-first-run",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
]
SERVER_START_SECONDS = 120  # a loaded 2-core machine can take a while to import everything
NO_CHROMIUM = "headless Chromium is not installed at /usr/bin/chromium (apt-get install chromium)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    port = _free_port()
    log_path = tmp_path_factory.mktemp("app") / "server.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            server_command("127.0.0.1", port),
            env=server_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + SERVER_START_SECONDS
    while True:
        if proc.poll() is not None:
            pytest.fail(f"the app server exited early:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    break
        except OSError:
            pass
        if time.time() > deadline:
            proc.terminate()
            pytest.fail(f"the app server did not answer in {SERVER_START_SECONDS} s")
        time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    errors = [line for line in log_path.read_text().splitlines() if "Traceback" in line]
    assert not errors, f"the app server logged errors:\n{log_path.read_text()[-3000:]}"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url):
    """A fresh browser tab on the app (a new session), recording requests and console errors."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="en-GB", accept_downloads=True
    )
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.requests_seen = []
    tab.console_errors = []
    tab.on("request", lambda r: tab.requests_seen.append(r.url))
    tab.on("websocket", lambda ws: tab.requests_seen.append(ws.url))
    tab.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))
    tab.goto(app_url)
    tab.wait_for_selector(".status-month")
    yield tab
    context.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where screenshots go: ORGSIM_SCREENSHOTS (e.g. docs/img) when set, else a temporary folder."""
    folder = os.environ.get("ORGSIM_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def off_machine(urls: list[str]) -> list[str]:
    """The requests that left this machine."""
    out = []
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about"):
            continue
        if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
            out.append(url)
    return out
