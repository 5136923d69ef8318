"""The employee: a Mesa agent whose numbers live in the model's columnar store.

An :class:`Employee` reads like a person: ``employee.role`` and ``employee.department`` are names,
and the attributes below are the person's own numbers (read from their row of the workforce's
columns), so ``model.agents.select(lambda a: a.role == "salesperson")`` and a Mesa
``DataCollector`` agent reporter such as ``"satisfaction"`` work as a Mesa user expects.

=====================  =========================================================================
attribute              meaning
=====================  =========================================================================
role, department       names (``role_code``, ``department_code``: indices)
level                  ``"staff"``, ``"manager"`` or ``"executive"``
satisfaction           Herzberg's satisfaction scale S (motivators), in [0, 1]
dissatisfaction        Herzberg's dissatisfaction scale D (hygiene factors), in [0, 1]
intent                 intention to quit: the probability of leaving within a year
hazard                 this month's quit hazard
tenure, age            months in the firm; age in years
wage, pay              base wage, and what was paid last month (currency/month)
effort, skill, ability 1 = the standard pace; learned skill in (0, 1]; latent productivity
commitment             affective commitment, in [0, 1]
embeddedness           links, fit, sacrifice and roots, in [0, 1]
security               felt job security (before the firm's arrears and outlook), in [0, 1]
physiological ...      the five needs: ``physiological``, ``safety``, ``belonging``, ``esteem``,
self_actualization     ``self_actualization`` (each in [0, 1]); ``needs`` gives all five
stage                  the relationship stage (:class:`Stage`); ``phase``: the lifecycle phase
clients                clients held
informal_leader        whether colleagues follow this person's mood
drivers                each quit driver's share of the hazard (the "why they would leave")
=====================  =========================================================================

Every other column of the store (``sim.agents.state.Workforce``) is readable under its own name.
"""

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


class _Need:
    """Descriptor: ``employee.safety`` reads one of the five needs."""

    def __init__(self, index: int):
        self.index = index

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return float(obj.model.workforce.needs[obj.row, self.index])


class Employee(mesa.Agent):
    """One person in the firm.

    The agent is a handle: ``employee.effort`` reads its row of the model's columnar store, and the
    behaviour rules in :mod:`sim.agents.rules` update the whole workforce at once. ``step()`` applies
    the same rules to this one person (the per-agent reference engine of the benchmark).
    """

    satisfaction = _Column("motivator_satisfaction")
    dissatisfaction = _Column("hygiene_dissatisfaction")

    def __init__(self, model, row: int):
        super().__init__(model)
        self.row = row

    @property
    def role(self) -> str:
        return self.model.firm.role_names[self.model.workforce.role[self.row]]

    @property
    def role_code(self) -> int:
        return int(self.model.workforce.role[self.row])

    @property
    def department(self) -> str:
        return self.model.firm.department_names[self.model.workforce.department[self.row]]

    @property
    def department_code(self) -> int:
        return int(self.model.workforce.department[self.row])

    @property
    def level(self) -> str:
        return LEVELS[self.model.workforce.level[self.row]]

    @property
    def stage(self) -> Stage:
        return Stage(int(self.model.workforce.stage[self.row]))

    @property
    def phase(self) -> Phase:
        return Phase(int(self.model.workforce.phase[self.row]))

    @property
    def informal_leader(self) -> bool:
        return bool(self.model.workforce.informal_leader[self.row])

    @property
    def needs(self) -> dict[str, float]:
        return dict(zip(NEEDS, self.model.workforce.needs[self.row].tolist(), strict=True))

    @property
    def drivers(self) -> dict[str, float]:
        return dict(zip(DRIVERS, self.model.workforce.drivers[self.row].tolist(), strict=True))

    def step(self) -> None:
        """Perceive and react, for this person alone (same rules as the vectorised phase)."""
        self.model.perceive_rows(np.array([self.row]))

    def __repr__(self) -> str:
        return f"Employee(uid={self.unique_id}, role={self.role}, tenure={self.tenure:.0f})"


_OWN = {
    "uid",
    "needs",
    "drivers",
    "role",
    "department",
    "level",
    "stage",
    "phase",
    "informal_leader",
}
for _name in DECLARED:
    if _name not in _OWN:
        setattr(Employee, _name, _Column(_name))
for _index, _need in enumerate(NEEDS):
    setattr(Employee, _need, _Need(_index))
