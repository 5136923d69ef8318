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


# The quitting process of behaviour v2 (docs/model.md, 3.4): the push that starts a search
# (search_threshold), the offers a search and a tight market bring (offer_rate,
# offer_tightness_elasticity), how the worth of an offer is spread (offer_value_spread: the pay response),
# the learnt job fit that shapes exits by tenure (quit_mismatch, match_sd, match_signal_sd), how
# quickly a newcomer starts to look again (settling_months), and how much people differ
# (disposition_sd: the spread of satisfaction between people). Every one is a target's own lever,
# and the screening table of docs/validation.md ranks them among the strongest on the targets.
FITTED: tuple[Prior, ...] = (
    Prior(
        "psychology.search_threshold",
        1.0,
        6.0,
        "the push at which half of people search; sets the level of turnover",
    ),
    Prior(
        "psychology.offer_rate",
        0.05,
        0.6,
        "offers a month to a searcher: one in twenty months to one in less than two",
    ),
    Prior(
        "psychology.offer_tightness_elasticity",
        0.0,
        1.5,
        "elasticity of offers to the market's openings: what the cycle target fits",
    ),
    Prior(
        "psychology.offer_value_spread",
        0.2,
        1.5,
        "dispersion of outside jobs' worth in log points; sets the response to pay",
    ),
    Prior(
        "psychology.quit_mismatch",
        1.0,
        15.0,
        "push per unit of believed misfit; shapes exits by tenure (Jovanovic 1979)",
    ),
    Prior(
        "psychology.match_sd",
        0.05,
        0.4,
        "how much jobs differ in fit; the share of exits that are learnt misfits",
    ),
    Prior(
        "psychology.match_signal_sd",
        0.1,
        1.0,
        "noise of a month's experience; how quickly misfits are found (the hazard's peak)",
    ),
    Prior(
        "psychology.settling_months",
        0.5,
        6.0,
        "a newcomer starts to look again within weeks to half a year",
    ),
    Prior(
        "psychology.disposition_sd",
        0.02,
        0.3,
        "spread of a stable disposition between people (Staw & Ross 1985)",
    ),
)

# Around the defaults: most of the declared box makes a firm empty out within a year (a wider
# box leaves a small search nothing but exploding runs to learn from).
OWN_FIRM: tuple[Prior, ...] = (
    Prior("psychology.search_threshold", 1.5, 5.0, "the level of the hazard"),
    Prior("psychology.offer_rate", 0.05, 0.6, "offers to searchers: the level again"),
    Prior("psychology.offer_value_spread", 0.2, 1.5, "the pay-driven part of the hazard"),
    Prior("psychology.quit_mismatch", 1.0, 15.0, "tenure shapes the hazard through learnt fit"),
    Prior("psychology.match_signal_sd", 0.1, 1.0, "and how quickly misfits learn it"),
    Prior("psychology.early_quit_factor", 0.2, 1.0, "quits before the contract ends"),
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
