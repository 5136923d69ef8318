"""Test-wide settings: how the tests are shared between pytest-xdist workers.

A module whose tests share expensive runs (a module- or session-scoped fixture of the tests, such
as a case's 30 seeds, or the policy harness's per-process cache of arms) is sent to one worker
whole, with ``--dist loadgroup`` (the Makefile's test commands): with plain load balancing, both
workers would run the same case over the same seeds for the tests each happened to receive. A
module parametrised over seed roots (``seeds``) is one group per root, so the two roots of a case
still run side by side. Every other test is balanced one by one.
"""

from __future__ import annotations

import pytest

SHARED_SCOPES = ("module", "package", "session")
CACHED_PACKAGES = ("tests/policies/",)  # their runs are cached per process (policies/harness.py)


def _shares_runs(item: pytest.Item) -> bool:
    if item.nodeid.startswith(CACHED_PACKAGES):
        return True
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    for defs in info.name2fixturedefs.values():
        for fixturedef in defs:
            # the tests' own fixtures only (a plugin's, such as tmp_path_factory, has no baseid)
            if fixturedef.scope in SHARED_SCOPES and fixturedef.baseid.startswith("tests"):
                return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group") or not _shares_runs(item):
            continue
        group = item.nodeid.split("::", 1)[0]
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "seeds" in callspec.params:
            group += f"[seeds={callspec.params['seeds']}]"
        item.add_marker(pytest.mark.xdist_group(group))
