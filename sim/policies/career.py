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

    The firm has ``ladders`` promotion ladders for the chosen roles; the extra ladders, times the
    share of the workforce they cover, are a condition people see (the psychology's
    ``advancement_per_ladder``). A ``promotion`` policy in force promotes ``ladders`` times as many
    people each cycle (one quota per ladder).

    Source: source document, "several promotion ladders" and "exits are caused by internal
    unfairness in promotion channels"; HR's career-planning function.
    """

    name = "career_ladders"
    family = "career"
    title_zh = "多重职业发展通道"
    summary_zh = "设多条职业发展通道（管理、技术……），让员工不当管理者也能往上走。"

    class Params(Spec):
        ladders: int = param(
            2,
            1,
            5,
            unit="ladders",
            doc="promotion ladders (1 = managerial only; 2 adds a technical ladder; ...)",
            source="source document: several promotion ladders, technical and managerial",
            label_zh="晋升通道数",
            doc_zh="晋升通道的条数（1 = 只有管理通道；2 = 另加技术通道；依此类推）",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

    def act(self, mgmt: Management):
        n = mgmt.n
        if n == 0:
            return
        share = float(mgmt.members(self.chosen_roles(mgmt)).mean())
        mgmt.add("extra_ladders", (self.params.ladders - 1) * share)


@register
class Promotion(RolesPolicy):
    """Promotion by open competition ("horse racing") or by appointment ("horse picking").

    Every ``cycle_months`` the ``promotion_share`` of each role's people with at least
    ``min_tenure_months`` of service (times the ladders of ``career_ladders``, if in force) move up a
    grade, with a raise of ``raise_share`` of their wage. Open competition picks the best by measured
    performance (the appraisal score, or output per hour, plus rating noise that shrinks with the
    accuracy of appraisal), and the race rewards effort: the eligible's pay rises with their output
    by the raise times the rating's accuracy (a tournament, Lazear & Rosen 1981). Appointment picks by seniority and favour (``favour_weight`` of the
    choice is at random). Which method decides promotions is a condition people see; the
    psychology supplies how fair and open each feels (``advancement_per_promotion``).

    Source: source document, Haier at Red Star: promotion by "horse racing" (competition) instead of
    "horse picking" (appointment), "survival only through open competition"; exits are caused by
    unfair promotion channels. Lazear & Rosen (1981): promotions as tournaments.
    """

    name = "promotion"
    family = "career"
    title_zh = "赛马不相马"
    summary_zh = "晋升靠公开竞争（“赛马”）还是靠领导任命（“相马”）。"

    class Params(Spec):
        method: Literal["open_competition", "appointment"] = choice(
            "open_competition",
            "horse racing (by measured performance) or horse picking (by seniority and favour)",
            "source document: Haier's 'horse racing, not horse picking'",
            label_zh="选拔方式",
            doc_zh="“赛马”（按实际绩效）还是“相马”（按资历和领导的偏爱）",
            options_zh={"open_competition": "赛马（公开竞争）", "appointment": "相马（领导任命）"},
        )
        cycle_months: int = param(
            12,
            1,
            60,
            unit="months",
            doc="months between promotion rounds",
            source="assumed: a yearly promotion round",
            label_zh="晋升周期（月）",
            doc_zh="两轮晋升之间相隔的月数",
        )
        promotion_share: float = param(
            0.05,
            0.0,
            0.5,
            unit="share",
            doc="share of each role's eligible people promoted per round and ladder",
            source="assumed: about one in twenty promoted a year",
            label_zh="晋升比例",
            doc_zh="每轮、每条通道中各岗位符合条件者获得晋升的比例",
        )
        min_tenure_months: int = param(
            12,
            0,
            240,
            unit="months",
            doc="service needed to be considered",
            source="assumed: a year of service before promotion",
            label_zh="最低司龄（月）",
            doc_zh="参加晋升评选所需的最短司龄",
        )
        raise_share: float = param(
            0.15,
            0.0,
            1.0,
            unit="share of wage",
            doc="raise that comes with a promotion",
            source="assumed: promotion raises of 10-20%",
            label_zh="晋升加薪幅度",
            doc_zh="晋升时随之增加的工资",
        )
        favour_weight: float = param(
            0.5,
            0.0,
            1.0,
            unit="share",
            doc="under appointment, weight of favour (chance) against seniority",
            source="assumed: horse picking weighs favour and seniority equally",
            label_zh="任人唯亲的权重",
            doc_zh="领导任命时，偏爱（运气）相对于资历的分量",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

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
            mgmt.set("promotion_open", 1.0)
            eligible = self._eligible(mgmt)
            accuracy = mgmt.people.rating_accuracy[eligible]
            mgmt.add_incentive(eligible, p.raise_share * accuracy)
        else:
            mgmt.set("promotion_appointed", 1.0)

    def review(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        if not self.cycle_month(mgmt, p.cycle_months) or n == 0:
            return
        ladders = mgmt.policy("career_ladders")
        per_round = p.promotion_share * (ladders.params.ladders if ladders is not None else 1)
        if p.method == "open_competition":
            noise_sd = FULL_NOISE_SD * (1.0 - people.rating_accuracy)
            score = merit_score(mgmt) + noise_sd * mgmt.rng.standard_normal(n)
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
    at most 1); the share of the workforce in training is a condition people see (felt growth, a
    motivator, is the psychology's ``growth_per_training``), and the firm pays
    ``cost_per_person_month`` for each person trained.

    Source: source document, HR functions: career planning, talent development and training;
    Herzberg (1959): growth is a motivator.
    """

    name = "training"
    family = "career"
    title_zh = "培训与开发"
    summary_zh = "培训与开发：技能提高得更快，员工看到成长的空间，但要付出成本。"

    class Params(Spec):
        skill_gain_per_year: float = param(
            0.05,
            0.0,
            0.5,
            unit="skill/year",
            doc="skill added by a year of training",
            source="assumed: a year of training adds a twentieth of full skill",
            label_zh="每年技能提升",
            doc_zh="培训一年增加的技能",
        )
        cost_per_person_month: float = param(
            100.0,
            0.0,
            1e6,
            unit="currency/person/month",
            doc="cost of training one person for a month",
            source="assumed: about 3% of a production wage",
            label_zh="每人每月成本",
            doc_zh="培训一名员工一个月的费用",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

    def act(self, mgmt: Management):
        n = mgmt.n
        if n:
            share = float(mgmt.members(self.chosen_roles(mgmt)).mean())
            mgmt.add("training_share", share)
        mgmt.keep_training()

    def settle(self, mgmt: Management):
        p = self.params
        rows = np.flatnonzero(mgmt.members(self.chosen_roles(mgmt)))
        mgmt.train(rows, p.skill_gain_per_year / 12.0)
        mgmt.charge(rows.size * p.cost_per_person_month)
