"""The employee: a Mesa agent whose numbers live in the model's columnar store."""

from __future__ import annotations

import mesa
import numpy as np

from sim.agents.psychology import DRIVERS, NEEDS
from sim.agents.stages import Phase, Stage
from sim.agents.state import DECLARED

__all__ = ["Employee", "Phase", "Stage"]


LEVELS = ("staff", "manager", "executive")


class _Column:
    """Descriptor: ``employee.<name>`` reads and writes the employee's row of a column."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj.model.workforce, self.name)[obj.row].item()

    def __set__(self, obj, value):
        getattr(obj.model.workforce, self.name)[obj.row] = value


class Employee(mesa.Agent):
    """One person in the firm.

    The agent is a handle: ``employee.effort`` reads its row of the model's columnar store, and the
    behaviour rules in :mod:`sim.agents.rules` update the whole workforce at once. ``step()`` applies
    the same rules to this one person (the per-agent reference engine of the benchmark).
    """

    def __init__(self, model, row: int):
        super().__init__(model)
        self.row = row

    @property
    def role_name(self) -> str:
        return self.model.role_names[self.model.workforce.role[self.row]]

    @property
    def needs(self) -> dict[str, float]:
        return dict(zip(NEEDS, self.model.workforce.needs[self.row].tolist(), strict=True))

    @property
    def drivers(self) -> dict[str, float]:
        return dict(zip(DRIVERS, self.model.workforce.drivers[self.row].tolist(), strict=True))

    @property
    def stage_name(self) -> str:
        return Stage(self.stage).name.lower()

    def step(self) -> None:
        """Perceive and react, for this person alone (same rules as the vectorised phase)."""
        self.model.perceive_rows(np.array([self.row]))

    def __repr__(self) -> str:
        return f"Employee(uid={self.unique_id}, role={self.role_name}, tenure={self.tenure:.0f})"


for _name in DECLARED:
    if _name not in ("uid", "needs", "drivers"):
        setattr(Employee, _name, _Column(_name))
