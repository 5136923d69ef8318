"""Management policies and timeline events, each registered by name.

Importing this package imports every family module so that the registries are complete.
"""

from sim.policies import (  # noqa: F401  (each module registers its policies and events)
    appraisal,
    career,
    clients,
    culture,
    events,
    incentives,
    information,
    market_events,
    pay,
    pay_changes,
    restructuring,
    security,
)
from sim.policies.base import EVENTS, FAMILIES, POLICIES, Event, Policy, register

__all__ = ["EVENTS", "FAMILIES", "POLICIES", "Event", "Policy", "register"]
