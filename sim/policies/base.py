"""What a policy and a timeline event are, and the registries that name them.

A policy is a small class: a registered ``name``, a ``family``, a ``Params`` block declared with
:func:`sim.params.param` (default, unit, bounds, meaning, source), a docstring that cites its
source, and one or two hooks into the monthly step:

- ``act(model)``    phase 2: write the inputs employees perceive (``model.climate``, pay, hours);
- ``review(model)`` phase 5: appraise, dismiss, lay off, promote (through ``model.separate``);
- ``settle(model)`` phase 6: pay bonuses and the policy's own costs (through ``model.finance``).

Adding a policy means adding one class in one file of ``sim/policies/`` with ``@register``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sim.params import Spec

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel

# Policies act in this order within each phase, then by name: a fixed, documented order.
FAMILIES = (
    "pay",
    "appraisal",
    "incentives",
    "security",
    "career",
    "culture",
    "restructuring",
    "information",
    "clients",
)


class NoParams(Spec):
    """A policy or event without parameters."""


class Policy:
    """Base class of every management policy."""

    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    Params: ClassVar[type[Spec]] = NoParams
    # names of policies that cannot be in force at the same time as this one (either side may
    # declare it); scenario validation replays the timeline and refuses such a pair at load
    excludes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, params: Spec | None = None):
        self.params = params if params is not None else self.Params()
        self.started = 0  # the month the policy came into force (set by OrgModel.add_policy)

    def months_in_force(self, model: OrgModel) -> int:
        return model.month - self.started

    def cycle_month(self, model: OrgModel, every: int) -> bool:
        """True ``every``, ``2*every``, ... months after coming into force (never at month 0)."""
        since = self.months_in_force(model)
        return model.month > 0 and since > 0 and since % every == 0

    # Hooks, each called once a month in its phase. Override one or two.
    def setup(self, model: OrgModel) -> None:
        """Called once when the policy comes into force (at the start or by the timeline)."""

    def act(self, model: OrgModel) -> None:
        """Phase 2: write the inputs that employees perceive."""

    def review(self, model: OrgModel) -> None:
        """Phase 5: separations and moves decided by management."""

    def settle(self, model: OrgModel) -> None:
        """Phase 6: bonuses and the policy's own costs."""

    def teardown(self, model: OrgModel) -> None:
        """Called once when the timeline removes the policy."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.params!r})"


class Event:
    """Base class of a dated event of the scenario timeline (the environment, phase 1)."""

    name: ClassVar[str] = ""
    Params: ClassVar[type[Spec]] = NoParams

    def __init__(self, params: Spec | None = None):
        self.params = params if params is not None else self.Params()

    def apply(self, model: OrgModel) -> None:
        raise NotImplementedError


POLICIES: dict[str, type[Policy]] = {}
EVENTS: dict[str, type[Event]] = {}


def register(cls):
    """Class decorator: register a Policy or an Event under its ``name``."""
    if not cls.name:
        raise TypeError(f"{cls.__name__} needs a name")
    if issubclass(cls, Policy):
        if cls.family not in FAMILIES:
            raise TypeError(f"{cls.__name__}.family must be one of {FAMILIES}")
        table = POLICIES
    elif issubclass(cls, Event):
        table = EVENTS
    else:
        raise TypeError(f"{cls.__name__} is neither a Policy nor an Event")
    if cls.name in table and table[cls.name] is not cls:
        raise TypeError(f"two classes are registered as {cls.name!r}")
    table[cls.name] = cls
    return cls


def policy_order_key(policy: Policy) -> tuple[int, str]:
    return FAMILIES.index(policy.family), policy.name
