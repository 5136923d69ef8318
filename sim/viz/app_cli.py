"""``orgsim app``: serve the classroom app on this machine, with no internet needed.

The page (``sim.viz.app.page``, in the package sim/viz/app/) runs under ``solara run``, which
imports it as a module. Everything the browser loads comes from the installed packages
(solara-assets holds Solara's JavaScript, CSS and fonts); the environment below makes sure of it:
a missing asset fails on this machine instead of being fetched from a CDN, and Solara sends no
telemetry.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import signal
import subprocess
import sys

APP_MODULE = "sim.viz.app.page"  # solara imports it and serves its Page component
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
STOP_SECONDS = 10  # how long the server may take to close its connections after SIGTERM

OFFLINE_ENV = {
    # browser asks the app server for /_solara/cdn/..., served from the solara-assets package
    "SOLARA_ASSETS_PROXY": "true",
    # an asset missing from solara-assets fails at once on loopback (port 9, "discard") instead of
    # being fetched from jsdelivr: the page never reaches the internet
    "SOLARA_ASSETS_CDN": "http://127.0.0.1:9/npm/",
    "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "false",
    # the charts' JavaScript (plotly.js and its widget) is served from the installed plotly
    # package, at /static/assets/package_data/widgetbundle.js (server_env adds the folder of the
    # page's CJK fallback font, served at /static/assets/orgsim-cjk.ttf)
    "SOLARA_ASSETS_EXTRA_LOCATIONS": "plotly",
    # no "This website runs on Solara" banner over the charts on a projector
    "SOLARA_THEME_SHOW_BANNER": "false",
    "SOLARA_THEME_TITLE": "orgsim",
    "MPLBACKEND": "Agg",
}


def server_env(base: dict | None = None) -> dict:
    """The environment the page runs in: the caller's, with the offline settings on top, and the
    folder of the page's CJK fallback font (``sim.viz.fonts.web_font_dir``) among the assets."""
    from sim.viz.fonts import web_font_dir

    env = {**(os.environ if base is None else base), **OFFLINE_ENV}
    env["SOLARA_ASSETS_EXTRA_LOCATIONS"] += f",{web_font_dir()}"
    return env


def server_command(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> list[str]:
    """The ``solara run`` command line for the page."""
    return [
        sys.executable,
        "-m",
        "solara",
        "run",
        APP_MODULE,
        "--host",
        host,
        "--port",
        str(port),
        "--production",
        "--no-open",
        "--no-check-version",
    ]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_app(args) -> int:
    if not 1 <= args.port <= 65535:
        print(f"orgsim app: --port {args.port} is not a port (1-65535)", file=sys.stderr)
        return 2
    if not is_loopback(args.host):
        print(
            f"orgsim app: serving on {args.host}: anyone who can reach this machine on port "
            f"{args.port} can use the app (use the default 127.0.0.1 to keep it to this machine)",
            file=sys.stderr,
        )
    shown = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    print(f"orgsim app: open http://{shown}:{args.port}/ in a browser (Ctrl-C stops it)")
    return serve(server_command(args.host, args.port), server_env())


class _Stop(Exception):
    """SIGTERM reached ``orgsim app``."""


def _stop(signum, frame) -> None:
    raise _Stop


def serve(command: list[str], env: dict) -> int:
    """Run the server and wait for it. Ctrl-C reaches the server too (it is in the same process
    group) and stops both. SIGTERM, which reaches only this process (``kill PID``, a service
    manager), is passed on to the server, and this process waits for it to end, so that the
    port is free when ``orgsim app`` has exited (exit code 143, 128 + SIGTERM)."""
    with subprocess.Popen(command, env=env) as server:
        previous = signal.signal(signal.SIGTERM, _stop)
        try:
            return server.wait()
        except KeyboardInterrupt:
            server.kill()  # as subprocess.call does; Popen's exit waits for it
            return 0
        except _Stop:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the first one is being handled
            server.terminate()
            try:
                server.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            print("orgsim app: stopped by SIGTERM", file=sys.stderr)
            return 143
        finally:
            signal.signal(signal.SIGTERM, previous)


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``app`` subcommand to the ``orgsim`` command (called by sim/cli.py)."""
    parser = subparsers.add_parser(
        "app",
        help="the classroom and what-if app in a browser (English and Chinese, works offline)",
        description="Serve the classroom app. By default only this machine can open it.",
    )
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    parser.set_defaults(func=cmd_app)
    return parser
