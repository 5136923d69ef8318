"""Experiments: replicates, sweeps, comparisons and sensitivity analysis, resumable, on any executor.

>>> from sim.experiment import replicate, sweep, compare, sensitivity
>>> result = sweep("baseline", {"market.shortage": [0.0, 0.2, 0.4]}, seeds=20, months=60)
>>> result.summary()          # per point and headline figure: mean and 95% interval
>>> result.differences()      # paired (common random numbers) differences from the first point

Every experiment is a *design* (points: an arm, i.e. a base scenario, plus dotted-path overrides)
crossed with *replicates*. One root seed spawns one seed per replicate
(``numpy.random.SeedSequence(root).spawn``), and replicate k of every point uses the same seed:
common random numbers, so that differences between points are paired and their intervals narrow.

How an experiment runs is one :class:`RunSettings` (seeds, months, outputs, executor, folder,
...), given as ``settings=`` or as its fields in keywords. Runs execute on any
:class:`concurrent.futures.Executor`: in this process by default, local processes with
``workers=N``, a Dask cluster with ``dask="tcp://host:port"``. A run's numbers depend only on its
scenario, overrides and seed, so every executor gives the same tables. With ``out=FOLDER`` the
experiment lives on disk, and calling the same experiment again on that folder resumes it:
finished runs are kept, failed and missing runs are (re)done. A folder holding a different
experiment is never written to.

The modules, in the order a run passes through them:

- :mod:`~sim.experiment.settings`     :class:`RunSettings`, the declared outputs
- :mod:`~sim.experiment.design`       points, arms, grids, replicate seeds, tasks
- :mod:`~sim.experiment.bounds`       parameter bounds and Latin hypercube samples
- :mod:`~sim.experiment.experiments`  :func:`replicate`, :func:`sweep`, :func:`compare`
- :mod:`~sim.experiment.sensitivity`  :func:`sensitivity`: Morris and Sobol (SALib)
- :mod:`~sim.experiment.runner`       one experiment from its design to its tables, resumable
- :mod:`~sim.experiment.executors`    this process, local processes, a Dask cluster
- :mod:`~sim.experiment.worker`       one run, in a worker
- :mod:`~sim.experiment.storage`      the experiment folder: manifest, parts, versions
- :mod:`~sim.experiment.signals`      SIGTERM like Ctrl-C; workers that die with their parent
- :mod:`~sim.experiment.results`      :class:`ExperimentResult`, summaries, paired differences, :func:`load`

Figures are drawn by :func:`sim.viz.experiment_plots.plot_experiment` from a result.
"""

from sim.experiment.bounds import Bounds, latin_hypercube, parameter_bounds
from sim.experiment.design import Design, Point, Task, as_scenario, run_id, spawn_seeds
from sim.experiment.errors import (
    DiskFullError,
    ExperimentDamageError,
    ExperimentError,
    ExperimentFolderError,
    ExperimentWarning,
    Terminated,
)
from sim.experiment.executors import SequentialExecutor, process_pool
from sim.experiment.experiments import compare, replicate, sweep
from sim.experiment.results import (
    EXECUTION_COLUMNS,
    ExperimentResult,
    load,
    paired_differences,
    point_labels,
    point_summary,
)
from sim.experiment.sensitivity import (
    DEFAULT_N,
    METHODS,
    sensitivity,
    sensitivity_analyse,
    sensitivity_indices,
    sensitivity_problem,
    sensitivity_sample,
)
from sim.experiment.settings import (
    DEFAULT_OUTPUTS,
    DEFAULT_SEEDS,
    OUTPUT_NAMES,
    SENSITIVITY_SEEDS,
    RunSettings,
    check_outputs,
)
from sim.experiment.signals import sigterm_as_interrupt
from sim.experiment.storage import FORMAT_VERSION, disk_full
from sim.experiment.worker import run_task, simulate

__all__ = [
    "DEFAULT_N",
    "DEFAULT_OUTPUTS",
    "DEFAULT_SEEDS",
    "EXECUTION_COLUMNS",
    "FORMAT_VERSION",
    "METHODS",
    "OUTPUT_NAMES",
    "SENSITIVITY_SEEDS",
    "Bounds",
    "Design",
    "DiskFullError",
    "ExperimentDamageError",
    "ExperimentError",
    "ExperimentFolderError",
    "ExperimentResult",
    "ExperimentWarning",
    "Point",
    "RunSettings",
    "SequentialExecutor",
    "Task",
    "Terminated",
    "as_scenario",
    "check_outputs",
    "compare",
    "disk_full",
    "latin_hypercube",
    "load",
    "paired_differences",
    "parameter_bounds",
    "point_labels",
    "point_summary",
    "process_pool",
    "replicate",
    "run_id",
    "run_task",
    "sensitivity",
    "sensitivity_analyse",
    "sensitivity_indices",
    "sensitivity_problem",
    "sensitivity_sample",
    "sigterm_as_interrupt",
    "simulate",
    "spawn_seeds",
    "sweep",
]
