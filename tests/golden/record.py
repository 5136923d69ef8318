"""Record the golden run: exact outputs that a refactor must reproduce bit for bit.

Every shipped scenario, two seeds, 24 months (metrics and events); and the baseline with each
policy of the catalogue in force at its defaults, one seed, 24 months (metrics). The library
versions that produced them are stored beside them (``versions.json``); `make` installs the same
versions from ``constraints.txt``. The CPU features NumPy dispatched on are stored too
(``cpu_features.json``): on a machine with other features the test allows last-bit differences.

    .venv/bin/python tests/golden/record.py          # re-record (say why in the commit message)

A change that moves a number on purpose re-records the golden run in the same commit.
"""

from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
SEEDS = (1, 2)
MONTHS = 24
LIBRARIES = ("numpy", "pandas", "scipy", "mesa", "pydantic", "pyyaml")


def scenario_names() -> list[str]:
    from sim.scenario import SCENARIO_DIR

    return sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


def catalogue_policies() -> list[str]:
    """Every registered policy that can be put in force on the baseline at its defaults."""
    from sim.policies import POLICIES

    return sorted(POLICIES)


def run_scenario(name: str, seed: int):
    from sim import OrgModel

    model = OrgModel.from_scenario(name, seed=seed).run(MONTHS)
    return model.metrics(), model.events()


def run_policy(policy: str):
    from sim import OrgModel, load_scenario
    from sim.scenario import validate_scenario

    base = load_scenario("baseline").model_dump(mode="python")
    base["policies"] = [{"name": policy, "params": {}}]
    base["name"] = f"baseline+{policy}"
    model = OrgModel(validate_scenario(base, source=base["name"]), seed=1).run(MONTHS)
    return model.metrics()


def versions() -> dict:
    out = {"python": platform.python_version()}
    for lib in LIBRARIES:
        try:
            out[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            out[lib] = None
    return out


def cpu_features() -> list[str]:
    """The CPU features NumPy dispatches its kernels on. Its vectorised tanh, exp and log differ
    in the last bit between, say, AVX-512 and AVX2 machines, so a recording is bit-exact only on
    a machine with the same features (``tests/test_golden.py``)."""
    from numpy._core._multiarray_umath import __cpu_features__

    return sorted(name for name, present in __cpu_features__.items() if present)


def write(frame: pd.DataFrame, path: Path) -> None:
    # repr-exact floats: pandas writes the shortest string that reads back to the same double
    frame.to_csv(path, index=False, compression={"method": "gzip", "mtime": 0})


def main() -> int:
    (HERE / "scenarios").mkdir(exist_ok=True)
    (HERE / "policies").mkdir(exist_ok=True)
    for name in scenario_names():
        for seed in SEEDS:
            metrics, events = run_scenario(name, seed)
            write(metrics, HERE / "scenarios" / f"{name}_seed{seed}_metrics.csv.gz")
            write(events, HERE / "scenarios" / f"{name}_seed{seed}_events.csv.gz")
    for policy in catalogue_policies():
        write(run_policy(policy), HERE / "policies" / f"{policy}_metrics.csv.gz")
    (HERE / "versions.json").write_text(json.dumps(versions(), indent=2) + "\n")
    (HERE / "cpu_features.json").write_text(json.dumps(cpu_features()) + "\n")
    print(f"recorded the golden run in {HERE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
