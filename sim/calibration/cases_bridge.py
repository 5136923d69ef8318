"""Running a case study of ``sim.cases`` with extra scenario overrides (a parameter set, a null).

The case functions of ``sim.cases`` take only their seeds and load their scenarios by name
(``sim.cases.load_scenario``). To run one under a calibrated psychology, or with a mechanism
switched off, :func:`run_case` wraps that loader for the length of the call: every scenario the
case loads gets the extra overrides that apply to it (a path that does not exist in a scenario,
such as a policy it does not have, is left out for that scenario; a path that applies to none of
the case's scenarios is an error). This is a stopgap until the case functions take overrides
themselves (see the calibration report: the lead's change to ``sim/cases.py``).

The wrapper is process-wide, so calls are serialised by a lock: run case tasks on processes (or
in this process), not on threads of one process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sim import paths
from sim.scenario import Scenario

_LOCK = threading.Lock()


def _applies(path: str, scenario) -> bool:
    try:
        paths.resolve(path, scenario)
    except (paths.ParameterPathError, KeyError, TypeError, ValueError):
        return False
    return True


def run_case(
    name: str,
    overrides: dict[str, Any],
    seeds: list[int],
    *,
    transform: Callable[[Scenario], Scenario | None] | None = None,
    loaded: list[Scenario] | None = None,
) -> dict[str, dict]:
    """The outcomes of case ``name`` (a key of ``sim.cases.CASES``) on ``seeds`` with
    ``overrides`` applied to every scenario it loads: fact -> ``{"value", "passed",
    "statistic", "target"}``.

    ``transform`` rewrites each loaded scenario after the overrides (returning None where it
    does not apply; an error when it applies to none); ``loaded`` collects the scenarios the
    case loaded, as loaded."""
    from sim import cases

    if name not in cases.CASES:
        raise KeyError(f"no case {name!r}; cases: {sorted(cases.CASES)}")
    applied: set[str] = set()
    transformed: list[str] = []
    with _LOCK:
        original = cases.load_scenario

        def load(scenario, own=None):
            spec = original(scenario, own)
            usable = {p: v for p, v in overrides.items() if _applies(p, spec)}
            applied.update(usable)
            spec = spec.with_overrides(usable, source=f"overrides on case {name}")
            if transform is not None:
                changed = transform(spec)
                if changed is not None:
                    transformed.append(spec.name)
                    spec = changed
            if loaded is not None:
                loaded.append(spec)
            return spec

        cases.load_scenario = load
        try:
            outcomes = cases.CASES[name](list(seeds))
        finally:
            cases.load_scenario = original
    if transform is not None and not transformed:
        raise ValueError(f"case {name}: the transform applies to none of the scenarios it runs")
    unused = sorted(set(overrides) - applied)
    if unused:
        raise ValueError(
            f"case {name}: the overrides {unused} apply to none of the scenarios it runs"
        )
    return {
        o.fact: {
            "value": float(o.value),
            "passed": bool(o.passed),
            "statistic": o.statistic,
            "target": o.target,
        }
        for o in outcomes
    }
