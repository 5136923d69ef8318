"""Management policies and timeline events, each registered by name.

Importing this package imports every family module so that the registries are complete.
"""

from sim.policies import clients, events  # noqa: F401  (registers the policies and events)
from sim.policies.base import EVENTS, FAMILIES, POLICIES, Event, Policy, register

__all__ = ["EVENTS", "FAMILIES", "POLICIES", "Event", "Policy", "register"]
