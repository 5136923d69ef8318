"""Restructuring: merging departments, cutting middle management by open competition for posts,
replacing management, hiring a cohort, and quality assurance with rewards and penalties (source
document: Haier's turnaround of the Red Star factory — 34 departments cut to 5 departments and 1
institute, 105 middle managers cut to 45 by open competition, 50+ college-educated salespeople
hired, a quality system with rewards and penalties).

The one-off moves (the cut, the replacement) happen in the first ``review`` after the policy comes
into force, so a timeline ``add_policy`` at month m restructures the firm in month m.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, choice, described, param
from sim.policies.base import Policy, not_hired_this_month, register, role_problems

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

MANAGER_LEVEL = 1  # sim.org.staffing.LEVEL_CODE["manager"]
EXECUTIVE_LEVEL = 2


@register
class MergeDepartments(Policy):
    """Merge departments into fewer, larger ones.

    The scenario's departments are merged, in their listed order, into ``departments_after``
    groups of neighbours; everyone's department becomes the first department of their group. Each
    department removed saves ``overhead_saving_per_department`` a month (heads, offices, paperwork),
    never more than the overhead the firm has. Teams stay together. The share of departments
    removed and the months since the merger are conditions people see: clearer lines of authority
    and, for a while, unease are the psychology's (``rules_per_merger``, ``reorganisation_unease``,
    ``reorganisation_unease_months``).

    Source: source document, Haier at Red Star: 34 departments cut to 5 departments and 1 institute.
    """

    name = "merge_departments"
    family = "restructuring"
    title_zh = "精简机构（合并部门）"
    summary_zh = "把部门合并成数量更少、规模更大的部门。"

    class Params(Spec):
        departments_after: int = param(
            6,
            1,
            10_000,
            unit="departments",
            doc="departments after the merger",
            source="source document: Haier, 34 departments to 5 departments and 1 institute",
            label_zh="合并后部门数",
            doc_zh="合并之后的部门数",
        )
        overhead_saving_per_department: float = param(
            3000.0,
            0.0,
            1e9,
            unit="currency/month",
            doc="overhead saved for each department removed",
            source="assumed",
            label_zh="每撤销一个部门节省的费用",
            doc_zh="每撤销一个部门每月节省的管理费用",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        before = len(mgmt.firm.department_names)
        after = min(self.params.departments_after, before)
        group = np.arange(before) * after // before
        first = np.array([np.flatnonzero(group == g)[0] for g in range(after)], dtype=np.int64)
        self.mapping = first[group]  # old department -> first department of its group
        self.removed, self.kept = before - after, after
        mgmt.merge_departments(self.mapping)  # hires follow the merger
        mgmt.log("departments_merged", departments_before=before, departments_after=after)

    def act(self, mgmt: Management):
        mgmt.set("departments_merged", self.removed / max(self.removed + self.kept, 1))
        mgmt.set("months_since_reorganisation", float(mgmt.month - self.started))

    def settle(self, mgmt: Management):
        if mgmt.month > 0:
            mgmt.save_overhead(self.params.overhead_saving_per_department * self.removed)


@register
class CutMiddleManagement(Policy):
    """Cut middle management to a target, by open competition for posts or by appointment.

    In the first month in force, middle managers (level 1) compete for ``target_managers`` posts.
    With ``open_competition`` ("horse racing") the posts go to the most competent (ability times
    skill, assessed with a 10% error) and the contest is open; with ``appointment`` ("horse
    picking") posts are given without regard to competence. Those who lose their post are
    ``dismissed`` or ``moved_down`` to ``move_down_role`` (its wage, felt as a pay cut). The plan of
    manager roles falls to the posts kept. The facts people see: the managers compete for their own
    posts that month (in the open or not), and afterwards the managers are more competent by
    ``ln(mean competence kept / mean competence before)``. What the contest does to security and
    transparency and the better managers to supervision is the psychology's
    (``contest_security_loss``, ``transparency_per_open_contest``, ``supervision_per_competence``).

    Source: source document, Haier at Red Star: 105 middle managers cut to 45 by open competition;
    "survival only through open competition"; "horse racing" instead of "horse picking".
    """

    name = "cut_middle_management"
    family = "restructuring"
    title_zh = "精简中层（竞争上岗）"
    summary_zh = "把中层管理人员精简到目标人数，通过公开竞争上岗或由领导任命。"

    class Params(Spec):
        target_managers: int = param(
            45,
            0,
            1_000_000,
            unit="people",
            doc="middle managers after the cut",
            source="source document: Haier, 105 middle managers to 45",
            label_zh="中层干部目标人数",
            doc_zh="精简之后的中层干部人数",
        )
        selection: Literal["open_competition", "appointment"] = choice(
            "open_competition",
            "posts won in an open contest (horse racing) or given by appointment",
            label_zh="人选方式",
            doc_zh="通过公开竞争上岗（赛马），还是由领导任命",
            options_zh={
                "open_competition": "公开竞争上岗（赛马）",
                "appointment": "领导任命（相马）",
            },
        )
        losers: Literal["dismissed", "moved_down"] = choice(
            "dismissed",
            "what happens to managers who lose their post",
            label_zh="落选者去向",
            doc_zh="落选的管理人员如何安排",
            options_zh={"dismissed": "辞退", "moved_down": "降职"},
        )
        move_down_role: str | None = described(
            None,
            doc="role of those moved down (empty: the largest staff role)",
            label_zh="降职后的岗位",
            doc_zh="降职人员去的岗位（留空：人数最多的普通员工岗位）",
        )

    @classmethod
    def scenario_problems(cls, params, scenario) -> list:
        """A named move-down role must exist in the scenario's firm."""
        if params.move_down_role is None:
            return []
        return role_problems(scenario, params.move_down_role, "params.move_down_role")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.done = False
        self.competence_gain = 0.0
        if self.params.move_down_role is not None:
            self.down_role = mgmt.role_index(self.params.move_down_role, "move_down_role")
        else:
            staff = np.flatnonzero(mgmt.roles.level == 0)
            self.down_role = int(staff[np.argmax(mgmt.plan[staff])]) if staff.size else 0

    def act(self, mgmt: Management):
        p, people = self.params, mgmt.people
        if not self.done:
            people.in_contest[people.level == MANAGER_LEVEL] = True
            if p.selection == "open_competition":
                mgmt.set("open_contest", True)
        else:
            mgmt.set("management_competence", self.competence_gain)

    def review(self, mgmt: Management):
        p, people = self.params, mgmt.people
        if self.done:
            return
        self.done = True
        managers = np.flatnonzero(people.level == MANAGER_LEVEL)
        if managers.size <= p.target_managers:
            return
        competence = people.ability[managers] * people.skill[managers]
        if p.selection == "open_competition":
            score = competence * np.exp(0.1 * mgmt.rng.standard_normal(managers.size))
        else:
            score = mgmt.rng.random(managers.size)
        order = np.argsort(-score, kind="stable")
        kept, lost = managers[order[: p.target_managers]], managers[order[p.target_managers :]]
        self.competence_gain = (
            float(np.log(np.mean(competence[order[: p.target_managers]]) / np.mean(competence)))
            if p.target_managers
            else 0.0
        )
        manager_roles = mgmt.roles.level == MANAGER_LEVEL
        kept_by_role = np.bincount(people.role[kept], minlength=len(mgmt.role_names))
        mgmt.set_plan(
            manager_roles, np.minimum(mgmt.plan[manager_roles], kept_by_role[manager_roles])
        )
        mgmt.log(
            "post_competition",
            selection=p.selection,
            managers_before=int(managers.size),
            managers_after=int(kept.size),
        )
        if p.losers == "dismissed":
            mgmt.separate(lost, "dismissal")
            return
        r = self.down_role
        mgmt.change_wages(lost, mgmt.hiring_wage()[r] * mgmt.wage_index)
        mgmt.reassign(lost, role=r)
        for row in lost.tolist():
            mgmt.log(
                "moved_down",
                employee_id=int(people.uid[row]),
                role=mgmt.role_names[r],
                tenure_months=float(people.tenure[row]),
            )


@register
class ReplaceManagement(Policy):
    """Replace management: the old managers go, new ones are hired, supervision improves.

    In the first month in force the share ``share`` of the people at the chosen level (middle
    managers, executives or both) are dismissed; hiring refills their posts from the market.
    The share of that level hired since the replacement is a condition people see; how much a
    new team improves supervision is the psychology's (``supervision_per_new_managers``), so the
    step grows as the new team arrives.

    Source: source document, Haier at Red Star: Haier sends its own people; top managers tell all
    staff that managers carry at least 80% of the responsibility ("80/20").
    """

    name = "replace_management"
    family = "restructuring"
    title_zh = "更换管理层"
    summary_zh = "更换管理层：原有管理者离开，聘用新的管理者，上级管理水平提高。"

    class Params(Spec):
        level: Literal["manager", "executive", "all"] = choice(
            "executive",
            "who is replaced: middle managers, executives, or both",
            label_zh="更换哪一层",
            doc_zh="更换谁：中层管理人员、高层管理人员，还是两者都换",
            options_zh={"manager": "中层", "executive": "高层", "all": "中层和高层"},
        )
        share: float = param(
            1.0,
            0.0,
            1.0,
            unit="share",
            doc="share of that level replaced",
            source="assumed",
            label_zh="更换比例",
            doc_zh="这一层中被更换的比例",
        )

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.replaced_month: int | None = None

    def _at_level(self, mgmt: Management) -> np.ndarray:
        level = mgmt.people.level[: mgmt.n]
        if self.params.level == "manager":
            return level == MANAGER_LEVEL
        if self.params.level == "executive":
            return level == EXECUTIVE_LEVEL
        return level >= MANAGER_LEVEL

    def act(self, mgmt: Management):
        if self.replaced_month is None:
            return
        at_level = self._at_level(mgmt)
        if not at_level.any():
            return
        hired = mgmt.people.hired_month[: mgmt.n] >= self.replaced_month
        mgmt.set("new_managers", float(np.mean(hired[at_level])))

    def review(self, mgmt: Management):
        if self.replaced_month is not None:
            return
        self.replaced_month = mgmt.month
        rows = np.flatnonzero(self._at_level(mgmt))
        count = int(round(self.params.share * rows.size))
        gone = mgmt.rng.permutation(rows)[:count]
        mgmt.log("management_replaced", level=self.params.level, people=count)
        mgmt.separate(gone, "dismissal")


@register
class HireCohort(Policy):
    """Hire a cohort: raise the planned headcount of a role, with abler recruits.

    The plan of ``role`` rises by ``count`` when the policy comes into force; hiring fills the new
    posts as the labour market allows. The first ``count`` hires into the role after that are the
    cohort (college-educated): their ability is ``exp(ability_premium)`` times an ordinary
    applicant's. Each member is flagged in the workforce column ``cohort``.

    Source: source document, Haier at Red Star: 50+ college-educated salespeople hired.
    """

    name = "hire_cohort"
    family = "restructuring"
    title_zh = "招聘一批人才"
    summary_zh = "招聘一批人才：提高某岗位的计划人数，招进能力更强的人。"

    class Params(Spec):
        role: str = described(
            "salesperson",
            doc="role the cohort is hired into",
            label_zh="岗位",
            doc_zh="这批人进入的岗位",
        )
        count: int = param(
            50,
            0,
            1_000_000,
            unit="people",
            doc="size of the cohort",
            source="source document: Haier hired 50+ college-educated salespeople",
            label_zh="人数",
            doc_zh="这批人的人数",
        )
        ability_premium: float = param(
            0.2,
            0.0,
            1.0,
            unit="log-points",
            doc="how much abler the cohort is than ordinary applicants",
            source="assumed: a college education",
            label_zh="招聘人员能力溢价",
            doc_zh="这批人比一般应聘者能力高多少",
        )

    COHORT = "cohort"

    @classmethod
    def scenario_problems(cls, params, scenario) -> list:
        """The role must exist in the scenario's firm."""
        return role_problems(scenario, params.role, "params.role")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        self.role = mgmt.role_index(self.params.role, "hire_cohort.role")
        mgmt.add_to_plan(self.role, self.params.count)
        mgmt.register_column(self.COHORT, np.int8, 0)
        self.remaining = self.params.count

    def settle(self, mgmt: Management):
        people, n = mgmt.people, mgmt.n
        if self.remaining <= 0 or n == 0:
            return
        cohort = getattr(people, self.COHORT)
        new = np.flatnonzero(
            (people.role == self.role) & (people.hired_month == mgmt.month) & (cohort == 0)
        )[: self.remaining]
        mgmt.upgrade_ability(new, self.params.ability_premium)
        cohort[new] = 1
        self.remaining -= new.size


@register
class QualityAssurance(Policy):
    """Quality assurance with rewards and penalties: every step audited, pay varies with quality.

    For producers (roles whose output has a value): ``defect_rate *= 1 - defect_reduction *
    coverage``. Quality pay: each month a producer earns ``quality_pay_share * pay * q`` with
    ``q = clip(1 - defect_rate / defect_standard, -1, 1)`` — a reward below the standard defect rate,
    a penalty above it; pay at stake adds ``quality_pay_share`` to the elasticity of pay to one's
    own work. The audit's coverage is a condition people see (clear standards: the psychology's
    ``rules_per_quality_system``). Audits cost
    ``inspection_cost_per_worker * coverage`` a producer a month.

    Source: source document, Haier at Red Star: quality-control people sent in, a quality-assurance
    audit of every step, a quality system with rewards and penalties.
    """

    name = "quality_assurance"
    family = "restructuring"
    title_zh = "质量保证体系（奖罚分明）"
    summary_zh = "奖罚分明的质量保证体系：每道工序都审核，工资随质量浮动。"

    class Params(Spec):
        coverage: float = param(
            1.0,
            0.0,
            1.0,
            unit="share",
            doc="share of production steps audited",
            source="source document: an audit of every step",
            label_zh="覆盖面",
            doc_zh="接受质量审核的生产环节比例",
        )
        defect_reduction: float = param(
            0.6,
            0.0,
            0.95,
            unit="share",
            doc="share of defects removed at full coverage",
            source="assumed",
            label_zh="次品率下降幅度",
            doc_zh="全面覆盖时消除的次品比例",
        )
        quality_pay_share: float = param(
            0.1,
            0.0,
            0.5,
            unit="share of pay",
            doc="pay at stake on quality (reward or penalty)",
            source="assumed",
            label_zh="与质量挂钩的工资比例",
            doc_zh="随质量奖罚的工资比例",
        )
        defect_standard: float = param(
            0.05,
            0.001,
            0.5,
            unit="share",
            doc="defect rate at which quality pay is zero",
            source="assumed: the ordinary firm's defect rate",
            label_zh="次品率标准",
            doc_zh="质量奖罚为零时的次品率",
        )
        inspection_cost_per_worker: float = param(
            100.0,
            0.0,
            1e6,
            unit="currency/producer/month",
            doc="cost of auditing one producer's work at full coverage",
            source="assumed",
            label_zh="每名生产工人的检验成本",
            doc_zh="全面覆盖时审核一名生产工人工作的费用",
        )

    def _producers(self, mgmt: Management) -> np.ndarray:
        """Rows of producers who have worked this month (this month's hires have not)."""
        people = mgmt.people
        return np.flatnonzero(
            (mgmt.roles.output_value[people.role] > 0) & not_hired_this_month(mgmt)
        )

    def act(self, mgmt: Management):
        p, people = self.params, mgmt.people
        rows = self._producers(mgmt)
        people.defect_rate[rows] *= 1.0 - p.defect_reduction * p.coverage
        mgmt.add_incentive(rows, p.quality_pay_share)
        mgmt.set("quality_system", p.coverage)
        if mgmt.month > 0:
            mgmt.charge(p.inspection_cost_per_worker * p.coverage * rows.size)

    def settle(self, mgmt: Management):
        p, people = self.params, mgmt.people
        rows = self._producers(mgmt)
        quality = np.clip(1.0 - people.defect_rate[rows] / p.defect_standard, -1.0, 1.0)
        amount = p.quality_pay_share * people.fixed_pay[rows] * people.hours[rows] * quality
        people.variable_pay[rows] += amount
        mgmt.book_bonuses(float(np.maximum(amount, 0.0).sum()))
