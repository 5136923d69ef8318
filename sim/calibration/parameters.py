"""The psychology parameters a calibration fits, and the prior range of every other one.

This is the one place the fitted set is declared; the code never picks it. The lead edits it as
the psychology changes:

- :data:`FITTED`: the parameters ``orgsim calibrate`` fits to the calibration targets, each with
  its prior range and why. Chosen from the screening table (``orgsim calibrate --screen``, in
  docs/validation.md): the parameters with the largest effect on the calibration targets.
- :data:`OWN_FIRM`: the quit-hazard parameters ``orgsim calibrate --spells`` fits to a firm's
  own survival curve and turnover by role.
- every other psychology parameter keeps a documented prior: its default times
  ``1 - UNFITTED_SPREAD`` to ``1 + UNFITTED_SPREAD`` (within its declared bounds), unless
  :data:`UNFITTED_PRIORS` gives it another range. Validation samples these too.
- screening (Morris) varies every parameter over its default times ``1 - SCREEN_SPREAD`` to
  ``1 + SCREEN_SPREAD`` (within its declared bounds), the same relative range for all, so that
  their effects compare (issue 11 perturbed them by x0.5 and x1.5).
"""

from __future__ import annotations

import dataclasses

from sim.agents.psychology import Psychology
from sim.params import describe

PSYCHOLOGY = "psychology."


def declared(path: str):
    """The declaration of a psychology parameter (``psychology.name``)."""
    if not path.startswith(PSYCHOLOGY):
        raise KeyError(f"{path}: only psychology parameters are calibrated (psychology.NAME)")
    name = path.removeprefix(PSYCHOLOGY)
    for info in describe(Psychology):
        if info.name == name:
            return info
    raise KeyError(f"{path}: Psychology declares no parameter {name!r}")


@dataclasses.dataclass(frozen=True)
class Prior:
    """A parameter's prior range, ``(low, high)`` in its declared unit, and why."""

    path: str
    low: float
    high: float
    why: str

    def __post_init__(self) -> None:
        info = declared(self.path)
        if not self.low < self.high:
            raise ValueError(f"{self.path}: prior ({self.low}, {self.high}) must increase")
        if (info.lo is not None and self.low < info.lo) or (
            info.hi is not None and self.high > info.hi
        ):
            raise ValueError(
                f"{self.path}: prior ({self.low}, {self.high}) lies outside the declared "
                f"bounds ({info.lo}, {info.hi})"
            )

    @property
    def bounds(self) -> tuple[float, float]:
        return self.low, self.high


# Chosen from the screening table of docs/validation.md (Morris, 8 trajectories, 2 seeds): the
# eight parameters with the largest effect on the calibration targets that are quitting's own
# (ranks 1-7 and 12; the others in the top 12 are weights of perceptions, left at their priors),
# plus the two that carry a target alone although a x0.5-1.5 screen cannot show it: the pay
# response (quit_outside_option; the elasticity's screening signal is within its seed noise) and
# the tight market's (quit_shortage; the target needs far more than x1.5 of its default).
FITTED: tuple[Prior, ...] = (
    Prior(
        "psychology.base_quit_hazard",
        0.0005,
        0.006,
        "0.6% to 7% a year for someone with nothing pushing them out (screening rank 2)",
    ),
    Prior(
        "psychology.quit_motivator",
        0.3,
        2.5,
        "unmet higher needs' log-hazard around the default 1.0 (rank 1)",
    ),
    Prior(
        "psychology.quit_contagion",
        0.5,
        2.5,
        "contagion's log-hazard, below 2.5 where issue 10 saw baseline firms tip (rank 3)",
    ),
    Prior(
        "psychology.quit_inequity",
        0.5,
        4.0,
        "felt inequity's log-hazard around the default 2.5 (rank 4)",
    ),
    Prior(
        "psychology.commitment_attitude_weight",
        0.2,
        0.8,
        "job attitude's weight in commitment around the default 0.5 (rank 5)",
    ),
    Prior(
        "psychology.early_quit_factor",
        0.2,
        1.0,
        "share of the hazard acted on before the contract ends (rank 6)",
    ),
    Prior(
        "psychology.quit_embeddedness",
        0.2,
        2.5,
        "missing embeddedness's log-hazard around the default 0.8 (rank 7; Mitchell et al. 2001)",
    ),
    Prior(
        "psychology.quit_commitment",
        0.5,
        3.0,
        "missing commitment's log-hazard around the default 1.5 (rank 12; Meyer et al. 2002)",
    ),
    Prior(
        "psychology.quit_outside_option",
        0.3,
        5.0,
        "log-hazard per log-point of a better outside offer: wide, it carries the pay response",
    ),
    Prior(
        "psychology.quit_shortage",
        0.0,
        10.0,
        "the declared range: how much a tight market eases leaving is what the JOLTS target fits",
    ),
)

# Around the defaults: most of the declared box makes a firm empty out within a year (a wider
# box leaves a small search nothing but exploding runs to learn from).
OWN_FIRM: tuple[Prior, ...] = (
    Prior("psychology.base_quit_hazard", 0.0005, 0.008, "0.6% to 9% a year at rest"),
    Prior("psychology.quit_outside_option", 0.5, 3.0, "the pay-driven part of the hazard"),
    Prior("psychology.quit_commitment", 0.5, 3.0, "tenure shapes the hazard through commitment"),
    Prior("psychology.quit_embeddedness", 0.2, 2.5, "and through embeddedness (ties, sacrifice)"),
    Prior("psychology.early_quit_factor", 0.2, 1.0, "quits before the contract ends"),
    Prior(
        "psychology.non_renewal_intent", 0.4, 0.8, "intention above which a contract is not renewed"
    ),
)

SCREEN_SPREAD = 0.5
UNFITTED_SPREAD = 0.25
UNFITTED_PRIORS: dict[str, tuple[float, float]] = {}


def psychology_paths() -> list[str]:
    """Every numeric psychology parameter with finite declared bounds, as dotted paths."""
    return [
        PSYCHOLOGY + info.name
        for info in describe(Psychology)
        if info.kind in ("float", "int") and info.lo is not None and info.hi is not None
    ]


def is_integer(path: str) -> bool:
    return declared(path).kind == "int"


def relative_range(path: str, spread: float) -> tuple[float, float]:
    """The default times ``1 -/+ spread``, within the declared bounds."""
    info = declared(path)
    low, high = info.default * (1 - spread), info.default * (1 + spread)
    low, high = max(low, info.lo), min(high, info.hi)
    if is_integer(path):
        low, high = float(round(low)), float(round(high))
        if low == high:
            low, high = max(info.lo, low - 1), min(info.hi, high + 1)
    return float(low), float(high)


def screening_range(path: str) -> tuple[float, float]:
    return relative_range(path, SCREEN_SPREAD)


def prior(path: str, fitted: tuple[Prior, ...] = FITTED) -> Prior:
    """The documented prior of any psychology parameter: its fitted prior, its declared
    exception, or its default plus and minus ``UNFITTED_SPREAD``."""
    for p in fitted:
        if p.path == path:
            return p
    if path in UNFITTED_PRIORS:
        low, high = UNFITTED_PRIORS[path]
        return Prior(path, low, high, "declared in UNFITTED_PRIORS")
    low, high = relative_range(path, UNFITTED_SPREAD)
    return Prior(path, low, high, f"default -/+ {100 * UNFITTED_SPREAD:.0f}%")


def unfitted(fitted: tuple[Prior, ...] | tuple[str, ...] = FITTED) -> list[Prior]:
    """The priors of every psychology parameter that is not fitted."""
    names = {p.path if isinstance(p, Prior) else p for p in fitted}
    return [prior(path, ()) for path in psychology_paths() if path not in names]
