"""Job-security policies: what the firm does with its people when demand falls.

Two answers to a downturn (source document, Lincoln Electric against an ordinary competitor):
lay people off at will, or guarantee their jobs and share the work out by cutting hours. Demand is
``mgmt.demand`` (1 = normal), moved by the timeline's ``demand`` event. The demand gap is
``max(0, 1 - demand)``; a firm acts on it once it exceeds ``tolerance``.

The policies set facts: who is covered by a guarantee and how far along the way to it each person
is, who is laid off. What a guarantee and the layoffs seen do to felt security and to what leaving
would cost is the psychology's (``guarantee_security``, ``guarantee_reassurance``,
``guarantee_sacrifice``, ``survivor_fear``, ``survivor_memory_months``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, param
from sim.policies.base import (
    RolesPolicy,
    choice,
    demand_gap,
    merit_score,
    register,
    roles_field,
)

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management


@register
class AtWillLayoffs(RolesPolicy):
    """At-will layoffs: when demand falls, headcount is cut in proportion to the demand gap.

    Each month in phase 5, when the demand gap exceeds ``tolerance``, the planned headcount of each
    chosen role (by default every role whose output has a value) is lowered to
    ``plan at start * (1 - share_of_gap * gap)`` and the people above it are laid off: the lowest
    rated first (``lowest_performance``), the most recently hired (``last_in_first_out``) or at
    random. Anyone covered by a ``no_layoff_guarantee`` in force is spared. When demand recovers, the
    plan returns to its starting level and the firm hires again.

    Survivor syndrome (the psychology's, for layoffs from any policy): layoffs seen by the others
    lower everyone's security for a while.

    Source: source document, Lincoln Electric's competitors lay off in a downturn, Lincoln does not;
    Brockner et al. (1987, 1992): layoff survivors lose security and commitment.
    """

    name = "at_will_layoffs"
    family = "security"
    title_zh = "随时裁员"
    summary_zh = "随时裁员：需求下降时，按需求缺口的比例裁减人员。"
    default_roles = "producers"

    class Params(Spec):
        share_of_gap: float = param(
            1.0,
            0.0,
            2.0,
            unit="headcount share per demand share",
            doc="headcount cut per unit of demand gap (1 = in proportion)",
            source="assumed: staff cut in proportion to the lost demand",
            label_zh="按需求缺口裁员的比例",
            doc_zh="需求每下降一个单位裁减的人数比例（1 = 同比例裁员）",
        )
        tolerance: float = param(
            0.05,
            0.0,
            0.5,
            unit="demand share",
            doc="demand gap the firm rides out before cutting",
            source="assumed: a 5% dip is ridden out",
            label_zh="容忍的需求下降",
            doc_zh="需求下降不超过这一幅度时企业硬撑着不裁员",
        )
        selection: Literal["lowest_performance", "last_in_first_out", "random"] = choice(
            "lowest_performance",
            "who is laid off first",
            source="assumed: the weakest go first under at-will employment",
            label_zh="人选方式",
            doc_zh="先裁谁",
            options_zh={
                "lowest_performance": "绩效最低者",
                "last_in_first_out": "后进先出",
                "random": "随机",
            },
        )
        roles: list[str] = roles_field(
            "every role whose output has a value", "所有产出有价值的岗位"
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.base_plan = mgmt.plan.copy()
        self.lowered = False

    def review(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        chosen = self.chosen_roles(mgmt)
        gap = demand_gap(mgmt)
        if gap <= p.tolerance:
            if self.lowered:
                mgmt.set_plan(chosen, self.base_plan[chosen])
                self.lowered = False
            return
        target = np.floor(self.base_plan * max(0.0, 1.0 - p.share_of_gap * gap) + 0.5)
        mgmt.set_plan(chosen, target[chosen])
        self.lowered = True
        guarantee = mgmt.policy("no_layoff_guarantee")
        exposed = mgmt.members(chosen)
        if guarantee is not None:
            exposed &= ~guarantee.covered(mgmt)
        if p.selection == "lowest_performance":
            order_key = merit_score(mgmt)
        elif p.selection == "last_in_first_out":
            order_key = people.tenure.astype(float)
        else:
            order_key = mgmt.rng.random(n)
        counts = np.bincount(people.role, minlength=len(mgmt.role_names))
        excess = np.maximum(counts - mgmt.plan, 0) * chosen
        out = []
        for r in np.flatnonzero(excess):
            rows = np.flatnonzero(exposed & (people.role == r))
            out.append(rows[np.argsort(order_key[rows], kind="stable")[: excess[r]]])
        if out:
            mgmt.separate(np.concatenate(out), "layoff")

    def teardown(self, mgmt: Management):
        if self.lowered:
            chosen = self.chosen_roles(mgmt)
            mgmt.set_plan(chosen, self.base_plan[chosen])


@register
class NoLayoffGuarantee(RolesPolicy):
    """No-layoff guarantee after N years: in a downturn hours are cut to a floor instead of jobs.

    Covered are the chosen roles' people with at least ``after_years`` of service; the others in
    the chosen roles are on their way to it (their service as a share of ``after_years``).

    In a downturn (demand gap above ``tolerance``) the firm shares the work out among the people of
    the roles whose output has a value: the labour needed is ``(1 - gap)`` of their planned
    headcount at the start, so each works ``hours = clip(needed / present, floor, 1)`` of full time,
    where ``floor = floor_hours_per_week / firm.weekly_hours``; fixed pay follows the hours. With
    ``hiring_freeze`` their vacancies are not refilled while the gap lasts (attrition trims the
    surplus). If even the floor leaves a surplus, the share ``(floor - needed / present) / floor``
    of them, the lowest rated first, are transferred to lower-paid posts: their fixed pay is cut by
    ``transfer_pay_cut`` while the gap lasts (column ``transferred``). This policy lays nobody off;
    an ``at_will_layoffs`` in force spares the covered.

    Source: source document, Lincoln Electric: no employee laid off since 1958; in return employees
    accept fewer hours in a downturn, job transfers and sometimes a lower-paid post, to keep a
    30-hour minimum week. The guarantee's qualifying service is not given there (assumed: 3 years).
    """

    name = "no_layoff_guarantee"
    family = "security"
    title_zh = "不裁员保障"
    summary_zh = "服务满N年后不裁员：经济不景气时削减工时（不低于下限），而不是裁员。"

    class Params(Spec):
        after_years: float = param(
            3.0,
            0.0,
            40.0,
            unit="years",
            doc="service after which an employee is covered",
            source="assumed: the source document gives no qualifying period",
            label_zh="服务满几年后保障",
            doc_zh="员工服务满这么多年后受到保障",
        )
        floor_hours_per_week: float = param(
            30.0,
            1.0,
            80.0,
            unit="hours/week",
            doc="least weekly hours kept in a downturn",
            source="source document: Lincoln keeps a 30-hour minimum week",
            label_zh="每周最低工时",
            doc_zh="经济不景气时至少保留的每周工时",
        )
        tolerance: float = param(
            0.05,
            0.0,
            0.5,
            unit="demand share",
            doc="demand gap ridden out before hours are cut",
            source="assumed: a 5% dip is ridden out",
            label_zh="容忍的需求下降",
            doc_zh="需求下降不超过这一幅度时不削减工时",
        )
        transfer_pay_cut: float = param(
            0.15,
            0.0,
            0.6,
            unit="share of fixed pay",
            doc="pay cut of people transferred to lower-paid posts",
            source="source document: sometimes a lower-paid post",
            label_zh="调岗减薪幅度",
            doc_zh="调到工资较低岗位的员工减薪的比例",
        )
        hiring_freeze: bool = choice(
            True,
            "leave the vacancies of the roles whose output has a value unfilled during a downturn",
            "source document: Lincoln cuts hours rather than people (assumed: and hires nobody)",
            label_zh="冻结招聘",
            doc_zh="不景气期间，产出有价值的岗位出现空缺也不招人",
        )
        roles: list[str] = roles_field("all roles", "全部岗位")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        mgmt.register_column("transferred", bool, False)
        self.base_plan = mgmt.plan.copy()
        self.frozen = False

    def teardown(self, mgmt: Management):
        mgmt.people.transferred[: mgmt.n] = False
        if self.frozen:
            producing = mgmt.role_mask([], "producers", self.name)
            mgmt.set_plan(producing, self.base_plan[producing])

    def covered(self, mgmt: Management) -> np.ndarray:
        """Boolean mask over the live rows: people covered by the guarantee now."""
        people = mgmt.people
        return mgmt.members(self.chosen_roles(mgmt)) & (
            people.tenure >= 12.0 * self.params.after_years
        )

    def act(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        if n == 0:
            return
        in_roles = mgmt.members(self.chosen_roles(mgmt))
        covered = self.covered(mgmt)
        people.guaranteed[covered] = True
        progress = np.minimum(1.0, people.tenure / max(12.0 * p.after_years, 1.0))
        people.guarantee_progress[in_roles] = progress[in_roles]
        mgmt.add("guarantee_share", float(covered.mean()))
        self._share_work(mgmt)

    def _share_work(self, mgmt: Management):
        people, p = mgmt.people, self.params
        transferred = people.transferred
        producing = mgmt.role_mask([], "producers", self.name)
        producers = mgmt.members(producing)
        gap = demand_gap(mgmt)
        if gap <= p.tolerance:
            transferred[:] = False
            if self.frozen:
                mgmt.set_plan(producing, self.base_plan[producing])
                self.frozen = False
            return
        if p.hiring_freeze:
            counts = np.bincount(people.role, minlength=len(mgmt.role_names))
            mgmt.set_plan(producing, np.minimum(mgmt.plan, counts)[producing])
            self.frozen = True
        floor = min(1.0, p.floor_hours_per_week / mgmt.weekly_hours)
        needed = (1.0 - gap) * self.base_plan[producing].sum() / max(int(producers.sum()), 1)
        people.hours[producers] = np.minimum(people.hours[producers], np.clip(needed, floor, 1.0))
        surplus = max(0.0, (floor - needed) / floor)
        target = int(round(surplus * producers.sum()))
        transferred &= producers
        now = int(transferred.sum())
        score = merit_score(mgmt)
        if now < target:
            pool = np.flatnonzero(producers & ~transferred)
            transferred[pool[np.argsort(score[pool], kind="stable")[: target - now]]] = True
        elif now > target:
            held = np.flatnonzero(transferred)
            transferred[held[np.argsort(-score[held], kind="stable")[: now - target]]] = False
        people.fixed_pay[transferred] *= 1.0 - p.transfer_pay_cut
