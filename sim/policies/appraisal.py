"""Appraisal policies: how performance is rated, how often, how openly, and what follows from it.

A rating is measured performance (output per hour against the same role's mean, in log-points)
plus noise that shrinks with ``accuracy``; it is written to the ``appraisal`` column, where merit
raises, merit bonuses, pay bands and promotion by competition read it. The policies set facts only:
how often each person is appraised, how accurately, what they are told, who may be dismissed and
what they know of their rank. What that does to the safety need, to stress and to the sense of
fairness is the psychology's (``security_per_appraisal``, ``stress_per_appraisal``,
``fear_per_dismissal_risk``, ``opacity_anxiety``, ``transparency_when_untold`` in
:mod:`sim.agents.responses`): the same in every scenario.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, param
from sim.policies.base import (
    RolesPolicy,
    bottom_with_cut_line,
    choice,
    percentile_in_role,
    register,
    relative_performance,
    roles_field,
)

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
FULL_NOISE_SD = 0.5  # log-points of rating noise at accuracy 0: as wide as true differences
RETRAINING_FAIL_MEMORY = 0.3  # weight of the latest retraining round in the share known to fail


class AppraisalParams(Spec):
    frequency: Literal["monthly", "quarterly", "half_yearly", "yearly"] = choice(
        "half_yearly",
        "how often people are appraised",
        "source document, rule 2: half-yearly or yearly works; more often threatens safety",
        label_zh="考核频率",
        doc_zh="多久对员工考核一次",
        options_zh={
            "monthly": "每月",
            "quarterly": "每季度",
            "half_yearly": "每半年",
            "yearly": "每年",
        },
    )
    accuracy: float = param(
        0.7,
        0.0,
        1.0,
        unit="share",
        doc="how closely the rating follows true performance (rating noise shrinks to 0 at 1)",
        source="assumed; Colquitt et al. 2001: accuracy is part of procedural justice",
        label_zh="评估准确度",
        doc_zh="考核结果与真实绩效的接近程度（为1时评分误差为0）",
    )
    transparent_criteria: bool = choice(
        True,
        "people are told the criteria",
        "source document, rule 3: transparency",
        label_zh="公开考核标准",
        doc_zh="是否让员工知道考核标准",
    )
    transparent_method: bool = choice(
        True,
        "people are told the method",
        "source document, rule 3: transparency",
        label_zh="公开考核方式",
        doc_zh="是否让员工知道考核方法",
    )
    transparent_result: bool = choice(
        True,
        "people are told their result",
        "source document, rule 3: transparency",
        label_zh="公开考核结果",
        doc_zh="是否让员工知道自己的考核结果",
    )
    roles: list[str] = roles_field("all roles", "全部岗位")


class _Appraising(RolesPolicy):
    """Shared machinery: climate of procedural justice, the cost of frequency, and rating."""

    def period(self) -> int:
        return PERIOD_MONTHS[self.params.frequency]

    def told(self) -> float:
        """Share of criteria, method and result that people are told."""
        p = self.params
        return (
            int(p.transparent_criteria) + int(p.transparent_method) + int(p.transparent_result)
        ) / 3.0

    def act(self, mgmt: Management):
        p, people = self.params, mgmt.people
        covered = mgmt.members(self.chosen_roles(mgmt))
        people.appraisals_per_year[covered] = 12.0 / self.period()
        people.told[covered] = self.told()
        people.process_untold[covered] = (
            int(not p.transparent_criteria) + int(not p.transparent_method)
        ) / 2.0
        people.rating_accuracy[covered] = p.accuracy

    def rate(self, mgmt: Management, rows: np.ndarray) -> np.ndarray:
        """Ratings of ``rows`` (measured performance plus noise), written to ``appraisal``."""
        people = mgmt.people
        noise_sd = FULL_NOISE_SD * (1.0 - self.params.accuracy)
        score = relative_performance(mgmt)[rows] + mgmt.rng.normal(0.0, noise_sd, rows.size)
        people.appraisal[rows] = score
        return score

    def appraise(self, mgmt: Management) -> np.ndarray:
        """Rate everyone covered who has worked a month; returns the rows rated."""
        people = mgmt.people
        rows = np.flatnonzero(mgmt.members(self.chosen_roles(mgmt)) & (people.output > 0))
        self.rate(mgmt, rows)
        return rows


@register
class Appraisal(_Appraising):
    """Performance appraisal on a cycle, with a chosen accuracy and transparency.

    Every period (monthly, quarterly, half-yearly or yearly, counted from when the policy comes into
    force) the chosen roles are rated: ``score = ln(output per hour / role mean) + noise``, noise sd
    ``0.5 * (1 - accuracy)``. The covered are appraised ``12 / period_months`` times a year, with the
    policy's accuracy, and told the share of criteria, method and result the policy tells. The
    psychology turns these facts into procedural justice (which softens felt inequity), and the
    frequency into a threat to the safety need and stress (the source document's rule 2).

    Source: source document, safety need ("frequent appraisal threatens job security") and the
    three rules of bottom-ranking elimination: rule 2 (half-yearly or yearly, not more often) and
    rule 3 (tell the criteria, the method and the result); Adams (1965) with Colquitt et al. (2001).
    """

    name = "appraisal"
    family = "appraisal"
    title_zh = "绩效考核"
    summary_zh = "按周期进行绩效考核，考核的准确度和透明度可以选择。"
    Params = AppraisalParams
    excludes = ("bottom_ranking",)  # it appraises on its own cycle

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        if mgmt.policy("bottom_ranking") is not None:
            raise ValueError(
                "policy 'appraisal': 'bottom_ranking' is in force and appraises on its own cycle; "
                "use one of the two"
            )

    def review(self, mgmt: Management):
        if self.cycle_month(mgmt, self.period()):
            self.appraise(mgmt)


@register
class BottomRanking(_Appraising):
    """Bottom-ranking elimination (末位淘汰): each cycle the lowest-rated share of each role goes.

    It appraises like ``appraisal`` (same frequency, accuracy and transparency parameters), then
    within each chosen role (by default the staff) the bottom
    ``bottom_share`` of those past ``exempt_tenure_months`` are dismissed, or, with
    ``retrain_first``, sent to ``retraining_months`` of retraining (skill rises by
    ``retraining_skill_gain`` in all, kept on top of learning on the job as with ``training``, at
    ``retraining_cost_per_month`` each) and re-appraised at the end, and dismissed only if they
    still rate below the cut line of their ranking.

    What people know: the share dismissed each cycle, their own percentile in the last ranking
    when results are told, what is told of the criteria and method, and, under ``retrain_first``,
    the share of the retrained who failed lately (0.5 at first). The psychology turns these into a
    felt risk of dismissal (``sim.agents.perception.dismissal_risk``) that costs security and spurs
    short-run effort.

    Source: source document, negative incentives: bottom-ranking elimination and its three rules:
    (1) train the bottom-ranked, re-appraise, dismiss only if still no progress; (2) do not appraise
    too often; (3) tell the criteria, the method and the result. Scullen et al. (2005): forced
    ranking's gains shrink over time.
    """

    name = "bottom_ranking"
    family = "appraisal"
    title_zh = "末位淘汰"
    summary_zh = "末位淘汰：每个考核周期，各岗位评分最低的一部分人被淘汰。"
    default_roles = "staff"
    excludes = ("appraisal",)  # it appraises on its own cycle

    class Params(AppraisalParams):
        bottom_share: float = param(
            0.1,
            0.0,
            0.5,
            unit="share",
            doc="share of each role at the bottom of the ranking each cycle",
            source="source document: elimination of the lowest-ranked (e.g. bottom 10%)",
            label_zh="末位淘汰比例",
            doc_zh="每个考核周期各岗位排名最后、被列入末位的人员比例",
        )
        retrain_first: bool = choice(
            False,
            "rule 1: retrain the bottom-ranked and re-appraise; dismiss only if no progress",
            "source document, rule 1",
            label_zh="淘汰前先培训、再考核",
            doc_zh="尺度一：对排在末位的员工先培训、再考核，仍无进步才辞退",
        )
        retraining_months: int = param(
            3,
            1,
            24,
            unit="months",
            doc="length of the retraining",
            source="assumed: a quarter's retraining",
            label_zh="培训期（月）",
            doc_zh="末位人员培训的时长",
        )
        retraining_skill_gain: float = param(
            0.1,
            0.0,
            0.5,
            unit="skill",
            doc="skill added by the whole retraining",
            source="assumed: retraining closes part of a newcomer's skill gap",
            label_zh="培训带来的技能提升",
            doc_zh="完成全部培训后增加的技能",
        )
        retraining_cost_per_month: float = param(
            500.0,
            0.0,
            1e6,
            unit="currency/person/month",
            doc="cost of retraining one person for a month",
            source="assumed: about a sixth of a production wage a month",
            label_zh="培训每人每月成本",
            doc_zh="培训一名员工一个月的费用",
        )
        exempt_tenure_months: int = param(
            6,
            0,
            120,
            unit="months",
            doc="newcomers with less service are not ranked",
            source="assumed: probation",
            label_zh="新员工豁免期（月）",
            doc_zh="司龄不足这一期限的新员工不参加排名",
        )
        roles: list[str] = roles_field("the staff (level 0)", "普通员工岗位（不含管理人员）")

    def setup(self, mgmt: Management):
        super().setup(mgmt)
        if mgmt.policy("appraisal") is not None:
            raise ValueError(
                "policy 'bottom_ranking': 'appraisal' is in force; bottom_ranking appraises on "
                "its own cycle, so use one of the two"
            )
        mgmt.register_column("retrain_cutoff", float, 0.0)
        self.fail_rate = 0.5

    def act(self, mgmt: Management):
        super().act(mgmt)
        mgmt.keep_training()
        people, p = mgmt.people, self.params
        covered = mgmt.members(self.chosen_roles(mgmt))
        if not covered.any():
            return
        people.bottom_share[covered] = p.bottom_share
        if p.transparent_result:
            pct, known = percentile_in_role(mgmt, people.appraisal, covered)
            people.rank_percentile[known] = pct[known]
        if p.retrain_first:
            people.retrain_fail[covered] = self.fail_rate

    def review(self, mgmt: Management):
        people, n, p = mgmt.people, mgmt.n, self.params
        out = np.zeros(n, dtype=bool)
        # retraining under way: skill rises; at the end, re-appraisal against the cut line
        training = np.flatnonzero(people.retraining > 0)
        finished = np.zeros(0, dtype=np.int64)
        if training.size:
            mgmt.train(training, p.retraining_skill_gain / p.retraining_months)
            people.retraining[training] -= 1
            mgmt.charge(training.size * p.retraining_cost_per_month)
            finished = training[people.retraining[training] == 0]
            if finished.size:
                failed = self.rate(mgmt, finished) < people.retrain_cutoff[finished]
                out[finished[failed]] = True
                self.fail_rate += RETRAINING_FAIL_MEMORY * (failed.mean() - self.fail_rate)
                mgmt.log(
                    "retraining_reappraised",
                    retrained=int(finished.size),
                    dismissed=int(failed.sum()),
                )
        if self.cycle_month(mgmt, self.period()):
            rated = np.zeros(n, dtype=bool)
            rated[self.appraise(mgmt)] = True
            rated[finished] = False
            candidates = (
                rated & ~out & (people.retraining == 0) & (people.tenure >= p.exempt_tenure_months)
            )
            bottom, cut_line = bottom_with_cut_line(
                mgmt, people.appraisal, candidates, p.bottom_share
            )
            if p.retrain_first:
                people.retraining[bottom] = p.retraining_months
                people.retrain_cutoff[bottom] = cut_line
            else:
                out[bottom] = True
        mgmt.separate(np.flatnonzero(out), "dismissal")
