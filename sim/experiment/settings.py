"""How an experiment runs: one frozen :class:`RunSettings`, built once and passed down unchanged.

Every experiment (:func:`~sim.experiment.replicate`, :func:`~sim.experiment.sweep`,
:func:`~sim.experiment.compare`, :func:`~sim.experiment.sensitivity`) takes ``settings=`` or the
same fields as keywords::

    sweep("baseline", grid, seeds=30, months=60, workers=2, out="runs/shortage")
    sweep("baseline", grid, settings=RunSettings(seeds=30, months=60, workers=2))

The outputs are headline figures declared in :mod:`sim.outcomes`; a name that is not declared is
refused when the settings are made, before any run starts.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from sim.experiment.errors import ExperimentError
from sim.outcomes import HEADLINES

# Replicates per point when none are asked for; a sensitivity analysis runs many more points,
# each on fewer seeds (its indices are computed on the replicates' mean).
DEFAULT_SEEDS = 20
SENSITIVITY_SEEDS = 4

# The headline figures an experiment can summarise: the numbers among the declared headlines
# (not the run's identity, nor its main reason for leaving, which is a word).
OUTPUT_NAMES: tuple[str, ...] = tuple(
    h.name for h in HEADLINES if h.how not in ("identity", "events")
)


def check_outputs(outputs: str | Iterable[str], field: str = "outputs") -> tuple[str, ...]:
    """``outputs`` as a tuple of declared headline figures; an undeclared name is refused with
    the names that are declared (and the nearest one)."""
    names = (outputs,) if isinstance(outputs, str) else tuple(outputs)
    if not names:
        raise ExperimentError(
            f"{field}: name at least one headline figure: {', '.join(OUTPUT_NAMES)}"
        )
    for name in names:
        if name not in OUTPUT_NAMES:
            near = difflib.get_close_matches(str(name), OUTPUT_NAMES, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise ExperimentError(
                f"{field}: {name!r} is not a headline figure{hint}; the figures declared in "
                f"sim/outcomes.py are: {', '.join(OUTPUT_NAMES)}"
            )
    return names


# Headline figures analysed by default (keys of OrgModel.summary()).
DEFAULT_OUTPUTS = check_outputs(
    ("voluntary_turnover_annual", "mean_satisfaction", "profit_total", "headcount_end"),
    "DEFAULT_OUTPUTS",
)


@dataclasses.dataclass(frozen=True)
class RunSettings:
    """How an experiment runs.

    What every point runs (these fix the numbers):

    - ``seeds``: replicates per point (default 20). One root seed spawns one seed per replicate,
      and replicate k of every point runs on the same seed (common random numbers).
    - ``root_seed``: the seed that spawns the replicates' seeds and any sampled design (0).
    - ``months``: months per run; ``None``: each scenario's own.
    - ``outputs``: the headline figures summarised and compared, names from
      ``sim.outcomes.HEADLINES`` (default :data:`DEFAULT_OUTPUTS`).

    Where and how it runs (these never change a number):

    - ``executor``: any :class:`concurrent.futures.Executor` of yours, or
    - ``workers``: that many local worker processes (``None`` or 1: this process), or
    - ``dask``: a Dask scheduler address (``"tcp://host:8786"``) or a ``distributed.Client``.
    - ``out``: the experiment folder; ``None`` keeps everything in memory. Running the same
      experiment on the same folder resumes it.
    - ``progress``: show a progress bar on stderr.
    - ``command``: the command line, recorded in the folder's manifest.
    """

    seeds: int = DEFAULT_SEEDS
    root_seed: int = 0
    months: int | None = None
    outputs: tuple[str, ...] = DEFAULT_OUTPUTS
    executor: Executor | None = None
    workers: int | None = None
    dask: Any = None
    out: Path | None = None
    progress: bool = False
    command: str | None = None

    def __post_init__(self) -> None:
        if self.seeds < 1:
            raise ExperimentError(f"seeds must be at least 1, not {self.seeds}")
        if self.months is not None and self.months < 1:
            raise ExperimentError(
                f"months must be at least 1 (or None: the scenario's), not {self.months}"
            )
        if self.executor is not None and self.dask is not None:
            raise ExperimentError("give either an executor or a Dask address, not both")
        object.__setattr__(self, "outputs", check_outputs(self.outputs))
        if self.out is not None:
            object.__setattr__(self, "out", Path(self.out))


FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(RunSettings))


def settings_of(
    where: str, settings: RunSettings | None, options: Mapping[str, Any], **defaults: Any
) -> RunSettings:
    """The settings of one call of the experiment ``where``: ``settings`` (or, when none are
    given, the function's ``defaults``), with the keyword ``options`` given beside them."""
    for name in options:
        if name not in FIELDS:
            near = difflib.get_close_matches(name, FIELDS, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise TypeError(
                f"{where}() got an unexpected keyword argument {name!r}{hint}; its settings are "
                f"the fields of RunSettings: {', '.join(FIELDS)}"
            )
    if settings is None:
        return RunSettings(**(defaults | dict(options)))
    return dataclasses.replace(settings, **options) if options else settings
