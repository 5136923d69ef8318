"""The workplace climate: the firm-wide factors every employee perceives, in [0, 1].

The neutral values below are an ordinary firm's. Each month the psychology computes the climate
from what management does (:func:`sim.agents.perception.firm_climate` of the month's
:class:`~sim.agents.conditions.Conditions`); policies never write it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Climate:
    # hygiene factors (Herzberg)
    security: float = 0.65  # firm-wide job security (at-will contracts, no guarantee)
    supervision: float = 0.55  # quality of supervision: autocratic low, mentoring high
    conditions: float = 0.6  # working conditions and workload
    policy_admin: float = 0.55  # clarity and fairness of company rules
    relations: float = 0.6  # relations among colleagues (competition for clients lowers it)
    # belonging
    care: float = 0.4  # emotional care for people's lives
    collective_life: float = 0.4  # shared activities, team life
    # motivators
    recognition: float = 0.45
    respect: float = 0.55
    voice: float = 0.4  # being heard; responsibility
    work_itself: float = 0.5
    growth: float = 0.45  # training, development
    advancement: float = 0.4  # promotion chances and ladders
    # appraisal (procedural justice) and pressure
    transparency: float = 0.5
    accuracy: float = 0.6
    ranking_pressure: float = 0.0
    # culture work this month
    socialisation_boost: float = 0.0  # extra socialisation rate (culture programme)


NEUTRAL = Climate()
