"""Calibration, validation and uncertainty (issue 11).

>>> from sim.calibration import calibrate, validate, apply, ensemble
>>> data = calibrate(out="runs/calibration/calibration.json")      # fit parameters.FITTED
>>> scenario = apply(load_scenario("baseline"), "runs/calibration/calibration.json")
>>> records = validate(calibration="runs/calibration/calibration.json")

What is model-specific is declared data in two modules the lead edits:

- :mod:`sim.calibration.targets`     every target: statistic, value, tolerance, source, role, null
- :mod:`sim.calibration.parameters`  the fitted set, the own-firm set, every other prior

Everything else is generic:

- :mod:`~sim.calibration.spells`            spells from events; person-months at risk; hazards
- :mod:`~sim.calibration.statistics`        the statistics targets are stated in
- :mod:`~sim.calibration.bundle`            arms and run bundles, on the experiments layer
- :mod:`~sim.calibration.history_matching`  the search (Gaussian-process emulators, waves)
- :mod:`~sim.calibration.harness`           :func:`calibrate`
- :mod:`~sim.calibration.calfile`           the calibration file: :func:`apply`, :func:`ensemble`
- :mod:`~sim.calibration.validation`        :func:`validate`, :func:`attribution`
- :mod:`~sim.calibration.screening`         Morris screening before fitting
- :mod:`~sim.calibration.own_firm`          calibrate to a firm's own spells
"""

from sim.calibration.calfile import apply, best, ensemble, file_hash, fingerprint
from sim.calibration.calfile import load as load_calibration
from sim.calibration.harness import FULL, QUICK, CalibrationSettings, calibrate
from sim.calibration.target import Null, Target
from sim.calibration.validation import attribution, validate

__all__ = [
    "FULL",
    "QUICK",
    "CalibrationSettings",
    "Null",
    "Target",
    "apply",
    "attribution",
    "best",
    "calibrate",
    "ensemble",
    "file_hash",
    "fingerprint",
    "load_calibration",
    "validate",
]
