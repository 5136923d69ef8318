"""What goes wrong in an experiment, as exceptions a researcher can act on."""

from __future__ import annotations


class ExperimentError(RuntimeError):
    """An experiment that cannot be run as asked (bad design, unusable folder, missing extra)."""


class ExperimentWarning(UserWarning):
    """Something a researcher should know about an experiment that still runs."""


class ExperimentFolderError(ExperimentError):
    """The output folder holds something else: another experiment, or files orgsim did not write."""


class ExperimentDamageError(ExperimentFolderError):
    """A file of the experiment folder is damaged (truncated, altered or unreadable)."""


class DiskFullError(ExperimentError):
    """The disk (or the user's quota) is full: a file could not be written, and was not left
    half-written."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises KeyboardInterrupt, so that it is handled the same way
    (every ``except KeyboardInterrupt`` catches it) while the command line can tell the two apart
    (exit code 143 instead of 130)."""
