"""What a target is: a statistic, the value the literature or the source document gives, the
range accepted around it, where the number comes from, and whether it is fitted or predicted."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any, Literal

from sim.calibration.bundle import Bundle, Overrides, frozen
from sim.calibration.statistics import Statistic, with_extra

Role = Literal["calibration", "validation"]
ROLES: tuple[str, ...] = ("calibration", "validation")


@dataclasses.dataclass(frozen=True)
class Null:
    """The same statistic with a named mechanism or lever switched off (scenario overrides)."""

    mechanism: str
    overrides: Overrides

    def __post_init__(self) -> None:
        object.__setattr__(self, "overrides", frozen(self.overrides))
        if not self.overrides:
            raise ValueError(f"null {self.mechanism!r}: give the overrides that switch it off")


@dataclasses.dataclass(frozen=True)
class Target:
    """A declared target.

    ``tolerance``: the accepted range, as ``(low, high)`` (either end may be ``-inf``/``inf``) or
    as a half-width ``h`` around ``value``; ``None`` only for case facts whose own pass rule
    decides (they cannot be fitted until they are given a range). ``role``: ``"calibration"``
    (fitted) or ``"validation"`` (predicted, never fitted). ``case``: the case or firm the fact
    belongs to. ``null``: the statistic with a mechanism switched off, reported beside the fact.
    """

    name: str
    statistic: Statistic
    value: float
    tolerance: tuple[float, float] | float | None
    source: str
    role: Role
    case: str
    null: Null | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"target {self.name}: role must be one of {ROLES}, not {self.role!r}")
        tol = self.tolerance
        if isinstance(tol, int | float):
            if tol <= 0:
                raise ValueError(f"target {self.name}: a half-width must be positive, not {tol}")
            tol = (self.value - float(tol), self.value + float(tol))
        if tol is not None:
            low, high = (float(v) for v in tol)
            if not low <= high or (math.isinf(low) and math.isinf(high)):
                raise ValueError(f"target {self.name}: tolerance {tol} must be low <= high")
            tol = (low, high)
        object.__setattr__(self, "tolerance", tol)
        if not self.source.strip():
            raise ValueError(f"target {self.name}: every target needs its source")

    @property
    def fitted(self) -> bool:
        return self.role == "calibration"

    def compute(self, bundle: Bundle) -> float:
        return float(self.statistic(bundle))

    def holds(self, value: float, bundle: Bundle) -> bool:
        return self.statistic.holds(value, bundle, self.tolerance)

    def null_statistic(self) -> Statistic | None:
        if self.null is None:
            return None
        return with_extra(self.statistic, self.null.overrides, f"null:{self.null.mechanism}")

    def tolerance_text(self) -> str:
        if self.tolerance is None:
            return "the case's own rule"
        low, high = self.tolerance
        if math.isinf(high):
            return f">= {low:g}"
        if math.isinf(low):
            return f"<= {high:g}"
        return f"{low:g} to {high:g}"


def null(mechanism: str, overrides: Mapping[str, Any]) -> Null:
    return Null(mechanism, frozen(overrides))
