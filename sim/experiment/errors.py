"""What goes wrong in an experiment, as exceptions a researcher can act on."""

from __future__ import annotations


class ExperimentError(RuntimeError):
    """An experiment that cannot be run as asked (bad design, unusable folder, missing extra)."""


class ExperimentWarning(UserWarning):
    """Something a researcher should know about an experiment that still runs."""


class ExperimentFolderError(ExperimentError):
    """The output folder holds something else: another experiment, or files orgsim did not write."""
