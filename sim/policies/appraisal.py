"""Appraisal policies: how performance is rated, how often, how openly, and what follows from it.

A rating is measured performance (output per hour against the same role's mean, in log-points)
plus noise that shrinks with ``accuracy``; it is written to the ``appraisal`` column, where merit
raises, merit bonuses, pay bands and promotion by competition read it. Two costs come with the
frequency itself (the source document's rule 2): each appraisal a month threatens the safety need
and adds stress, so that monthly appraisal lowers security twelve times as much as yearly.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from sim.org.climate import NEUTRAL
from sim.params import Spec, param
from sim.policies.base import register
from sim.policies.career import add_training, keep_training
from sim.policies.pay import RolesPolicy, choice, members, relative_performance, roles_field
from sim.policies.security import shift_security

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
FULL_NOISE_SD = (
    0.5  # log-points of rating noise at accuracy 0: as wide as true differences (assumed)
)
TRANSPARENCY_NONE = (
    0.1  # felt transparency when neither criteria, method nor result is told (assumed)
)
RANK_CERTAINTY = 0.05  # percentile scale over which a known rank turns fear on (assumed)
RETRAINING_FAIL_MEMORY = (
    0.3  # weight of the latest retraining outcomes in the felt chance of failing
)


class AppraisalParams(Spec):
    frequency: Literal["monthly", "quarterly", "half_yearly", "yearly"] = choice(
        "half_yearly",
        "how often people are appraised",
        "source document, rule 2: half-yearly or yearly works; more often threatens safety",
    )
    accuracy: float = param(
        0.7,
        0.0,
        1.0,
        unit="share",
        doc="how closely the rating follows true performance (rating noise shrinks to 0 at 1)",
        source="assumed; Colquitt et al. 2001: accuracy is part of procedural justice",
    )
    transparent_criteria: bool = choice(
        True, "people are told the criteria", "source document, rule 3: transparency"
    )
    transparent_method: bool = choice(
        True, "people are told the method", "source document, rule 3: transparency"
    )
    transparent_result: bool = choice(
        True, "people are told their result", "source document, rule 3: transparency"
    )
    security_loss_monthly: float = param(
        0.12,
        0.0,
        0.5,
        unit="security",
        doc="fall in personal security under monthly appraisal; scales with appraisals a year / 12",
        source="source document, rule 2: frequent appraisal threatens the safety need",
    )
    stress_monthly: float = param(
        0.1,
        0.0,
        0.5,
        unit="conditions",
        doc="fall in felt working conditions (stress) under monthly appraisal; scales likewise",
        source="source document, rule 2: frequent appraisal adds stress",
    )
    roles: list[str] = roles_field("all roles")


class _Appraising(RolesPolicy):
    """Shared machinery: climate of procedural justice, the cost of frequency, and rating."""

    def period(self) -> int:
        return PERIOD_MONTHS[self.params.frequency]

    def transparency(self) -> float:
        p = self.params
        told = int(p.transparent_criteria) + int(p.transparent_method) + int(p.transparent_result)
        return TRANSPARENCY_NONE + (1.0 - TRANSPARENCY_NONE) * told / 3.0

    def act(self, model):
        n, p, c = model.workforce.n, self.params, model.climate
        covered = members(model, self.chosen_roles(model))
        share = float(covered.mean()) if n else 0.0
        c.transparency = float(
            np.clip(c.transparency + share * (self.transparency() - NEUTRAL.transparency), 0, 1)
        )
        c.accuracy = float(np.clip(c.accuracy + share * (p.accuracy - NEUTRAL.accuracy), 0, 1))
        load = 1.0 / self.period()  # appraisals a year / 12
        shift_security(model, -p.security_loss_monthly * load, covered)
        c.conditions = float(np.clip(c.conditions - p.stress_monthly * load * share, 0, 1))

    def rate(self, model, rows: np.ndarray) -> np.ndarray:
        """Ratings of ``rows`` (measured performance plus noise), written to ``appraisal``."""
        ws = model.workforce
        noise_sd = FULL_NOISE_SD * (1.0 - self.params.accuracy)
        score = relative_performance(model)[rows] + model.rng.normal(0.0, noise_sd, rows.size)
        ws.appraisal[rows] = score
        return score

    def appraise(self, model) -> np.ndarray:
        """Rate everyone covered who has worked a month; returns the rows rated."""
        ws, n = model.workforce, model.workforce.n
        rows = np.flatnonzero(members(model, self.chosen_roles(model)) & (ws.output[:n] > 0))
        self.rate(model, rows)
        return rows


@register
class Appraisal(_Appraising):
    """Performance appraisal on a cycle, with a chosen accuracy and transparency.

    Every period (monthly, quarterly, half-yearly or yearly, counted from when the policy comes into
    force) the chosen roles are rated: ``score = ln(output per hour / role mean) + noise``, noise sd
    ``0.5 * (1 - accuracy)``. Procedural justice (which softens felt inequity) follows the policy:
    felt accuracy is ``accuracy`` and felt transparency is ``0.1 + 0.9 * (items told) / 3`` over
    criteria, method and result. The frequency has a cost (rule 2): personal security falls by
    ``security_loss_monthly / period_months`` and felt working conditions by
    ``stress_monthly / period_months``.

    Source: source document, safety need ("frequent appraisal threatens job security") and the
    three rules of bottom-ranking elimination: rule 2 (half-yearly or yearly, not more often) and
    rule 3 (tell the criteria, the method and the result); Adams (1965) with Colquitt et al. (2001).
    """

    name = "appraisal"
    family = "appraisal"
    title_zh = "绩效考核"
    Params = AppraisalParams
    excludes = ("bottom_ranking",)  # it appraises on its own cycle

    def setup(self, model):
        super().setup(model)
        if model.policy("bottom_ranking") is not None:
            raise ValueError(
                "policy 'appraisal': 'bottom_ranking' is in force and appraises on its own cycle; "
                "use one of the two"
            )

    def review(self, model):
        if self.cycle_month(model, self.period()):
            self.appraise(model)


@register
class BottomRanking(_Appraising):
    """Bottom-ranking elimination (末位淘汰): each cycle the lowest-rated share of each role goes.

    It appraises like ``appraisal`` (same frequency, accuracy and transparency parameters and the
    same cost of frequency), then within each chosen role (by default the staff) the bottom
    ``bottom_share`` of those past ``exempt_tenure_months`` are dismissed, or, with
    ``retrain_first``, sent to ``retraining_months`` of retraining (skill rises by
    ``retraining_skill_gain`` in all, kept on top of learning on the job as with ``training``, at
    ``retraining_cost_per_month`` each) and re-appraised at the end, and dismissed only if they
    still rate below the cut line of their ranking.

    Fear: each month a covered person feels the chance of being dismissed within a year,
    ``R = 1 - (1 - r) ** (12 / period_months)``, where the chance per cycle ``r`` is
    ``bottom_share`` when results are not told, or follows their known rank when they are
    (``logistic((bottom_share - percentile) / 0.05)``: sure for the bottom, small at the top);
    ``r`` rises by ``opacity_anxiety`` times the share of criteria and method not told, and under
    ``retrain_first`` is multiplied by the felt chance of failing retraining (the recent share who
    failed; 0.5 at first). Personal security falls by ``fear_weight * R``, and the firm-wide
    ranking pressure (which spurs effort) rises by the covered share times the mean ``R``.

    Source: source document, negative incentives: bottom-ranking elimination and its three rules:
    (1) train the bottom-ranked, re-appraise, dismiss only if still no progress; (2) do not appraise
    too often; (3) tell the criteria, the method and the result. Scullen et al. (2005): forced
    ranking's gains shrink over time.
    """

    name = "bottom_ranking"
    family = "appraisal"
    title_zh = "末位淘汰"
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
        )
        retrain_first: bool = choice(
            False,
            "rule 1: retrain the bottom-ranked and re-appraise; dismiss only if no progress",
            "source document, rule 1",
        )
        retraining_months: int = param(
            3,
            1,
            24,
            unit="months",
            doc="length of the retraining",
            source="assumed: a quarter's retraining",
        )
        retraining_skill_gain: float = param(
            0.1,
            0.0,
            0.5,
            unit="skill",
            doc="skill added by the whole retraining",
            source="assumed: retraining closes part of a newcomer's skill gap",
        )
        retraining_cost_per_month: float = param(
            500.0,
            0.0,
            1e6,
            unit="currency/person/month",
            doc="cost of retraining one person for a month",
            source="assumed: about a sixth of a production wage a month",
        )
        exempt_tenure_months: int = param(
            6,
            0,
            120,
            unit="months",
            doc="newcomers with less service are not ranked",
            source="assumed: probation",
        )
        fear_weight: float = param(
            0.4,
            0.0,
            1.0,
            unit="security per yearly risk",
            doc="fall in personal security per unit of felt yearly risk of dismissal",
            source="assumed; source document: elimination threatens the safety need",
        )
        opacity_anxiety: float = param(
            0.5,
            0.0,
            3.0,
            unit="share",
            doc="rise in felt risk when neither criteria nor method is told",
            source="assumed; source document, rule 3",
        )
        roles: list[str] = roles_field("the staff (level 0)")

    def setup(self, model):
        super().setup(model)
        if model.policy("appraisal") is not None:
            raise ValueError(
                "policy 'bottom_ranking': 'appraisal' is in force; bottom_ranking appraises on "
                "its own cycle, so use one of the two"
            )
        model.workforce.register_column("retrain_cutoff", float, 0.0)
        self.fail_rate = 0.5

    def act(self, model):
        super().act(model)
        keep_training(model)
        ws, n, p, c = model.workforce, model.workforce.n, self.params, model.climate
        covered = members(model, self.chosen_roles(model))
        if not covered.any():
            return
        risk = np.full(n, p.bottom_share)
        if p.transparent_result:
            pct, known = percentile_in_role(model, ws.appraisal[:n], covered)
            z = np.clip((p.bottom_share - pct[known]) / RANK_CERTAINTY, -50.0, 50.0)
            risk[known] = 1.0 / (1.0 + np.exp(-z))
        hidden = (int(not p.transparent_criteria) + int(not p.transparent_method)) / 2.0
        risk = np.minimum(1.0, risk * (1.0 + p.opacity_anxiety * hidden))
        if p.retrain_first:
            risk *= self.fail_rate
        yearly = 1.0 - (1.0 - risk) ** (12.0 / self.period())
        shift_security(model, -p.fear_weight * yearly * covered, covered)
        pressure = float(covered.mean() * yearly[covered].mean())
        c.ranking_pressure = float(np.clip(c.ranking_pressure + pressure, 0.0, 1.0))

    def review(self, model):
        ws, n, p = model.workforce, model.workforce.n, self.params
        out = np.zeros(n, dtype=bool)
        # retraining under way: skill rises; at the end, re-appraisal against the cut line
        training = np.flatnonzero(ws.retraining[:n] > 0)
        finished = np.zeros(0, dtype=np.int64)
        if training.size:
            add_training(model, training, p.retraining_skill_gain / p.retraining_months)
            ws.retraining[training] -= 1
            model.finance.add_cost(training.size * p.retraining_cost_per_month)
            finished = training[ws.retraining[training] == 0]
            if finished.size:
                failed = self.rate(model, finished) < ws.retrain_cutoff[finished]
                out[finished[failed]] = True
                self.fail_rate += RETRAINING_FAIL_MEMORY * (failed.mean() - self.fail_rate)
                model.log_event(
                    "retraining_reappraised",
                    retrained=int(finished.size),
                    dismissed=int(failed.sum()),
                )
        if self.cycle_month(model, self.period()):
            rated = np.zeros(n, dtype=bool)
            rated[self.appraise(model)] = True
            rated[finished] = False
            candidates = (
                rated & ~out & (ws.retraining[:n] == 0) & (ws.tenure[:n] >= p.exempt_tenure_months)
            )
            bottom, cut_line = bottom_share_by_role(
                model, ws.appraisal[:n], candidates, p.bottom_share
            )
            if p.retrain_first:
                ws.retraining[bottom] = p.retraining_months
                ws.retrain_cutoff[bottom] = cut_line
            else:
                out[bottom] = True
        model.separate(np.flatnonzero(out), "dismissal")


def percentile_in_role(
    model, score: np.ndarray, among: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's percentile (0 = worst) among ``among`` rows of its role with a finite score.

    Returns ``(percentile, known)``; ``known`` marks the rows that have a percentile.
    """
    ws, n = model.workforce, model.workforce.n
    known = among & np.isfinite(score)
    pct = np.zeros(n)
    rows = np.flatnonzero(known)
    if rows.size == 0:
        return pct, known
    role = ws.role[rows]
    order = np.lexsort((score[rows], role))
    counts = np.bincount(role, minlength=len(model.role_names))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    sorted_role = role[order]
    position = np.arange(rows.size) - starts[sorted_role]
    pct[rows[order]] = (position + 0.5) / counts[sorted_role]
    return pct, known


def bottom_share_by_role(
    model, score: np.ndarray, candidates: np.ndarray, share: float
) -> tuple[np.ndarray, np.ndarray]:
    """The lowest-scoring ``round(share * candidates in the role)`` of each role, and each one's
    cut line (the highest score among the bottom group of their role). A loop over roles."""
    ws, n = model.workforce, model.workforce.n
    picks, lines = [], []
    role = ws.role[:n]
    for r in range(len(model.role_names)):
        rows = np.flatnonzero(candidates & (role == r))
        k = int(round(share * rows.size))
        if k:
            worst = rows[np.argsort(score[rows], kind="stable")[:k]]
            picks.append(worst)
            lines.append(np.full(k, score[worst].max()))
    if not picks:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(picks), np.concatenate(lines)
