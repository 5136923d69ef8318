"""Career policies: promotion ladders, how promotions are decided, and training.

A promotion here is a step up a ladder within one's role: a higher grade (column ``grade``) with a
raise, felt as a pleasant surprise against the month's expected raise (``change_wages``), and
logged as a ``promotion`` event with the promoted person's measured performance at the time. Moves between roles (a new manager post) belong to restructuring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, param
from sim.policies.base import (
    RolesPolicy,
    choice,
    merit_score,
    rank_within_role,
    register,
    roles_field,
)

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

FULL_NOISE_SD = 0.5  # log-points of rating noise at zero felt accuracy (as in appraisal.py)


@register
class CareerLadders(RolesPolicy):
    """Several career ladders (managerial, technical, ...), so that people can rise without managing.

    Felt advancement chances rise by ``advancement_per_ladder`` for each ladder beyond the
    managerial one (times the share of the workforce in the chosen roles). A ``promotion`` policy in
    force promotes ``ladders`` times as many people each cycle (one quota per ladder).

    Source: source document, "several promotion ladders" and "exits are caused by internal
    unfairness in promotion channels"; HR's career-planning function.
    """

    name = "career_ladders"
    family = "career"
    title_zh = "多重职业发展通道"

    class Params(Spec):
        ladders: int = param(
            2,
            1,
            5,
            unit="ladders",
            doc="promotion ladders (1 = managerial only; 2 adds a technical ladder; ...)",
            source="source document: several promotion ladders, technical and managerial",
        )
        advancement_per_ladder: float = param(
            0.08,
            0.0,
            0.3,
            unit="advancement",
            doc="rise in felt advancement chances per ladder beyond the first",
            source="assumed: each extra ladder opens a visible route up for part of the staff",
        )
        roles: list[str] = roles_field("all roles")

    def act(self, mgmt: Management):
        n = mgmt.n
        if n == 0:
            return
        share = float(mgmt.members(self.chosen_roles(mgmt)).mean())
        mgmt.shift(
            "advancement", self.params.advancement_per_ladder * (self.params.ladders - 1) * share
        )


@register
class Promotion(RolesPolicy):
    """Promotion by open competition ("horse racing") or by appointment ("horse picking").

    Every ``cycle_months`` the ``promotion_share`` of each role's people with at least
    ``min_tenure_months`` of service (times the ladders of ``career_ladders``, if in force) move up a
    grade, with a raise of ``raise_share`` of their wage. Open competition picks the best by measured
    performance (the appraisal score, or output per hour, plus rating noise that shrinks with the
    felt accuracy of appraisal); it is seen to be fair, raising felt advancement and transparency by
    ``climate_gain``, and the race spurs effort (incentive ``incentive_strength``, a tournament).
    Appointment picks by seniority and favour (``favour_weight`` of the choice is at random); it
    raises felt advancement by only half of ``climate_gain`` and lowers transparency by as much.

    Source: source document, Haier at Red Star: promotion by "horse racing" (competition) instead of
    "horse picking" (appointment), "survival only through open competition"; exits are caused by
    unfair promotion channels. Lazear & Rosen (1981): promotions as tournaments.
    """

    name = "promotion"
    family = "career"
    title_zh = "赛马不相马"

    class Params(Spec):
        method: Literal["open_competition", "appointment"] = choice(
            "open_competition",
            "horse racing (by measured performance) or horse picking (by seniority and favour)",
            "source document: Haier's 'horse racing, not horse picking'",
        )
        cycle_months: int = param(
            12,
            1,
            60,
            unit="months",
            doc="months between promotion rounds",
            source="assumed: a yearly promotion round",
        )
        promotion_share: float = param(
            0.05,
            0.0,
            0.5,
            unit="share",
            doc="share of each role's eligible people promoted per round and ladder",
            source="assumed: about one in twenty promoted a year",
        )
        min_tenure_months: int = param(
            12,
            0,
            240,
            unit="months",
            doc="service needed to be considered",
            source="assumed: a year of service before promotion",
        )
        raise_share: float = param(
            0.15,
            0.0,
            1.0,
            unit="share of wage",
            doc="raise that comes with a promotion",
            source="assumed: promotion raises of 10-20%",
        )
        climate_gain: float = param(
            0.1,
            0.0,
            0.5,
            unit="climate",
            doc="rise in felt advancement and transparency under open competition",
            source="assumed; source document: open competition",
        )
        incentive_strength: float = param(
            0.2,
            0.0,
            1.0,
            unit="incentive strength",
            doc="incentive of competing for promotion (open competition only)",
            source="Lazear & Rosen 1981: tournament incentives; assumed size",
        )
        favour_weight: float = param(
            0.5,
            0.0,
            1.0,
            unit="share",
            doc="under appointment, weight of favour (chance) against seniority",
            source="assumed: horse picking weighs favour and seniority equally",
        )
        roles: list[str] = roles_field("all roles")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        mgmt.register_column("grade", np.int64, 0)
        self.promoted = 0

    def _eligible(self, mgmt: Management) -> np.ndarray:
        people = mgmt.people
        return (
            mgmt.members(self.chosen_roles(mgmt))
            & (people.tenure >= self.params.min_tenure_months)
            & (people.retraining == 0)
        )

    def act(self, mgmt: Management):
        p = self.params
        if p.method == "open_competition":
            mgmt.shift("advancement", p.climate_gain)
            mgmt.shift("transparency", p.climate_gain)
            eligible = self._eligible(mgmt)
            mgmt.add_incentive(eligible, p.incentive_strength)
        else:
            mgmt.shift("advancement", 0.5 * p.climate_gain)
            mgmt.shift("transparency", -0.5 * p.climate_gain)

    def review(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        if not self.cycle_month(mgmt, p.cycle_months) or n == 0:
            return
        ladders = mgmt.policy("career_ladders")
        per_round = p.promotion_share * (ladders.params.ladders if ladders is not None else 1)
        if p.method == "open_competition":
            noise_sd = FULL_NOISE_SD * (1.0 - mgmt.climate.accuracy)
            score = merit_score(mgmt) + mgmt.rng.normal(0.0, noise_sd, n)
        else:
            tenure = people.tenure
            seniority = (tenure - tenure.mean()) / max(tenure.std(), 1e-9)
            score = (1.0 - p.favour_weight) * seniority + p.favour_weight * mgmt.rng.normal(
                0.0, 1.0, n
            )
        rows = rank_within_role(
            mgmt, score, min(per_round, 1.0), top=True, eligible=self._eligible(mgmt)
        )
        if rows.size == 0:
            return
        performance = merit_score(mgmt)[rows]
        mgmt.change_wages(rows, people.wage[rows] * (1.0 + p.raise_share), months_since_review=1.0)
        people.grade[rows] += 1
        self.promoted += rows.size
        mgmt.log_many(
            "promotion",
            employee_id=people.uid[rows].copy(),
            role=np.asarray(mgmt.role_names, dtype=object)[people.role[rows]],
            tenure_months=people.tenure[rows].copy(),
            grade=people.grade[rows].copy(),
            method=np.full(rows.size, p.method, dtype=object),
            performance=performance,
        )


@register
class Training(RolesPolicy):
    """Training and development: skills grow faster and people see room to grow, at a cost.

    Each month the chosen roles' training adds ``skill_gain_per_year / 12`` to their skill, on top of
    learning on the job (column ``training_gain``: skill is held at ``learning curve + training``,
    at most 1), felt growth (a motivator, and the self-actualisation need) rises by
    ``growth_gain`` times the share of the workforce trained, and the firm pays
    ``cost_per_person_month`` for each person trained.

    Source: source document, HR functions: career planning, talent development and training;
    Herzberg (1959): growth is a motivator.
    """

    name = "training"
    family = "career"
    title_zh = "培训与开发"

    class Params(Spec):
        skill_gain_per_year: float = param(
            0.05,
            0.0,
            0.5,
            unit="skill/year",
            doc="skill added by a year of training",
            source="assumed: a year of training adds a twentieth of full skill",
        )
        growth_gain: float = param(
            0.15,
            0.0,
            0.5,
            unit="growth",
            doc="rise in felt growth when everyone is trained",
            source="assumed; source document: talent development",
        )
        cost_per_person_month: float = param(
            100.0,
            0.0,
            1e6,
            unit="currency/person/month",
            doc="cost of training one person for a month",
            source="assumed: about 3% of a production wage",
        )
        roles: list[str] = roles_field("all roles")

    def act(self, mgmt: Management):
        n = mgmt.n
        if n:
            share = float(mgmt.members(self.chosen_roles(mgmt)).mean())
            mgmt.shift("growth", self.params.growth_gain * share)
        mgmt.keep_training()

    def settle(self, mgmt: Management):
        p = self.params
        rows = np.flatnonzero(mgmt.members(self.chosen_roles(mgmt)))
        mgmt.train(rows, p.skill_gain_per_year / 12.0)
        mgmt.charge(rows.size * p.cost_per_person_month)
