"""From conditions to perceived factors: how people see what management does.

:func:`firm_climate` turns this month's firm-wide :class:`~sim.agents.conditions.Conditions`
into the firm-wide perceived :class:`~sim.agents.climate.Climate`: each factor is its ordinary
level (:data:`~sim.agents.climate.NEUTRAL`) plus the responses of :mod:`sim.agents.responses`
to the conditions, clipped to [0, 1] once. :func:`personal_factors` then adds what differs between
people: their team (its manager, its cohesion, its workload), the appraisal they are under, the
risk of dismissal they feel, threats, guarantees, awards, what leaving would cost them.

Every response is written once, in :data:`RESPONSES` (factor, condition, response parameter,
form), so that the table in docs/model.md is generated from the same data the code uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.agents.climate import NEUTRAL, Climate
from sim.agents.conditions import ORDINARY, Conditions
from sim.agents.state import Workforce


def _saturating(value: float, half: float) -> float:
    return value / (value + half) if value > 0 else 0.0


# factor <- condition: (factor, form, response parameter, scale). The condition's contribution is
# ``scale * response * form(conditions)``; ``form`` names one of the functions in _FORMS.
RESPONSES: tuple[tuple[str, str, str, float], ...] = (
    ("voice", "participation", "voice_per_participation", 1.0),
    ("supervision", "participation", "supervision_per_participation", 1.0),
    ("policy_admin", "participation", "rules_per_participation", 1.0),
    ("voice", "walking_around", "voice_per_walking", 1.0),
    ("supervision", "walking_and_mentoring", "supervision_per_mentoring", 1.0),
    ("relations", "walking_around", "voice_per_walking", 0.2),
    ("supervision", "threats", "supervision_per_threat", -1.0),
    ("ranking_pressure", "threats", "pressure_per_threat", 1.0),
    ("voice", "listening_reach", "voice_per_listening", 1.0),
    ("transparency", "open_contest", "transparency_per_open_contest", 1.0),
    ("supervision", "management_competence", "supervision_per_competence", 1.0),
    ("supervision", "new_managers", "supervision_per_new_managers", 1.0),
    ("ranking_pressure", "punishment", "pressure_per_punishment", 1.0),
    ("respect", "criticism", "respect_per_criticism", -1.0),
    ("supervision", "criticism", "respect_per_criticism", -0.5),
    ("relations", "criticism", "respect_per_criticism", -0.5),
    ("relations", "client_contest", "relations_per_contest", -1.0),
    ("relations", "shared_accounts", "relations_per_shared_accounts", 1.0),
    ("relations", "commission_share", "relations_per_commission", -1.0),
    ("collective_life", "activities", "collective_per_activities", 1.0),
    ("relations", "activities", "relations_per_activities", 1.0),
    ("care", "hardship_help", "care_per_help", 1.0),
    ("relations", "hardship_help", "relations_per_help", 1.0),
    ("respect", "equal_treatment", "respect_per_equality", 1.0),
    ("relations", "equal_treatment", "respect_per_equality", 1.0 / 3.0),
    ("policy_admin", "equal_treatment", "respect_per_equality", 1.0 / 5.0),
    ("recognition", "praise_all", "recognition_per_praise", 1.0),
    ("work_itself", "job_enrichment", "work_itself_per_enrichment", 1.0),
    ("growth", "job_enrichment", "work_itself_per_enrichment", 1.0 / 3.0),
    ("voice", "job_enrichment", "work_itself_per_enrichment", 1.0 / 3.0),
    ("advancement", "extra_ladders", "advancement_per_ladder", 1.0),
    ("advancement", "pay_bands", "advancement_per_pay_bands", 1.0),
    ("advancement", "promotion_open", "advancement_per_promotion", 1.0),
    ("transparency", "promotion_open", "advancement_per_promotion", 1.0),
    ("advancement", "promotion_appointed", "advancement_per_promotion", 0.5),
    ("transparency", "promotion_appointed", "advancement_per_promotion", -0.5),
    ("growth", "training_share", "growth_per_training", 1.0),
    ("transparency", "decisions_explained", "transparency_per_explanation", 1.0),
    ("voice", "decisions_explained", "transparency_per_explanation", 0.5),
    ("policy_admin", "decisions_explained", "transparency_per_explanation", 0.5),
    ("policy_admin", "culture_programme", "rules_per_culture_programme", 1.0),
    ("recognition", "culture_programme", "recognition_per_culture_programme", 1.0),
    ("policy_admin", "quality_system", "rules_per_quality_system", 1.0),
    ("policy_admin", "departments_merged", "rules_per_merger", 1.0),
    ("security", "guarantee_share", "guarantee_reassurance", 1.0),
    ("security", "punishment", "security_per_punishment", -1.0),
    ("security", "reorganising", "reorganisation_unease", -1.0),
)


def _forms(c: Conditions, p) -> dict[str, float]:
    """Each condition as the psychology reads it: deviations from an ordinary firm, saturation."""
    return {
        "participation": c.participation - ORDINARY.participation,
        "walking_around": _saturating(c.walking_around, p.walking_half_time),
        "walking_and_mentoring": _saturating(c.walking_around, p.walking_half_time) * c.mentoring,
        "threats": float(c.threats),
        "listening_reach": c.listening_reach,
        "open_contest": float(c.open_contest),
        "management_competence": c.management_competence,
        "new_managers": c.new_managers,
        # felt threat of punishment: criticism, plus the shares fined and demoted
        "punishment": float(
            np.clip(c.criticism + p.threat_per_fine_share * (c.fine_share + c.demotion_share), 0, 1)
        ),
        "criticism": c.criticism,
        "client_contest": c.client_contest,
        "shared_accounts": c.shared_accounts,
        "commission_share": c.commission_share,
        "activities": _saturating(c.activity_spend, p.activities_half_spend),
        "hardship_help": c.hardship_help,
        "equal_treatment": c.equal_treatment,
        "praise_all": float(c.praise_all),
        "job_enrichment": c.job_enrichment,
        "extra_ladders": c.extra_ladders,
        "pay_bands": c.pay_bands,
        "promotion_open": c.promotion_open,
        "promotion_appointed": c.promotion_appointed,
        "training_share": c.training_share,
        "decisions_explained": float(c.decisions_explained),
        "culture_programme": c.culture_programme,
        "quality_system": c.quality_system,
        "departments_merged": c.departments_merged,
        "guarantee_share": c.guarantee_share,
        "reorganising": float(c.months_since_reorganisation < p.reorganisation_unease_months),
    }


def firm_climate(c: Conditions, p, out: Climate) -> Climate:
    """The firm-wide perceived climate of this month, written into ``out``."""
    forms = _forms(c, p)
    levels = {name: getattr(NEUTRAL, name) for name in NEUTRAL.__dataclass_fields__}
    levels["ranking_pressure"] = 0.0
    for factor, form, response, scale in RESPONSES:
        value = forms[form]
        if value:
            levels[factor] += scale * getattr(p, response) * value
    for name, value in levels.items():
        setattr(out, name, float(np.clip(value, 0.0, 1.0)))
    out.socialisation_boost = p.socialisation_per_programme * (
        c.culture_programme + c.socialisation_programme
    )
    return out


@dataclass(frozen=True)
class Personal:
    """The perceived factors that differ between people (arrays over the rows perceived)."""

    supervision: np.ndarray
    relations: np.ndarray
    conditions: np.ndarray
    transparency: np.ndarray
    accuracy: np.ndarray
    security: np.ndarray  # before the firm's outlook and arrears
    pressure: np.ndarray  # felt risk of dismissal and threats: short-run pressure to work
    sacrifice: np.ndarray  # what leaving would cost, in [0, 1]


def dismissal_risk(ws: Workforce, rows, p) -> np.ndarray:
    """Felt yearly risk of being dismissed under bottom-ranking elimination.

    Per cycle ``r`` is the share dismissed (results not told) or, when people know their rank,
    ``logistic((bottom_share - percentile) / rank_certainty)``; it rises by ``opacity_anxiety``
    times the share of criteria and method not told, and under retraining first it is multiplied
    by the share who recently failed retraining. Yearly: ``1 - (1 - r) ** cycles_per_year``.
    """
    share = ws.bottom_share[rows]
    risk = np.zeros(share.shape)
    exposed = share > 0
    if not exposed.any():
        return risk
    pct = ws.rank_percentile[rows]
    known = exposed & np.isfinite(pct)
    r = np.where(exposed, share, 0.0)
    z = np.clip((share[known] - pct[known]) / p.rank_certainty, -50.0, 50.0)
    r[known] = 1.0 / (1.0 + np.exp(-z))
    hidden = ws.process_untold[rows]
    r = np.minimum(1.0, r * (1.0 + p.opacity_anxiety * hidden))
    fail = ws.retrain_fail[rows]
    r = np.where(np.isfinite(fail), r * fail, r)
    cycles = np.maximum(ws.appraisals_per_year[rows], 0.0)
    return np.where(exposed, 1.0 - (1.0 - r) ** cycles, 0.0)


def personal_factors(
    ws: Workforce, rows, climate: Climate, p, team_supervision, team_cohesion, team_workload
) -> Personal:
    """Team, appraisal, risk, threats, guarantees and sacrifice of each perceived row."""
    team = ws.team[rows]
    load = ws.appraisals_per_year[rows] / 12.0
    risk = dismissal_risk(ws, rows, p)
    threatened = ws.threatened[rows]
    guaranteed = ws.guaranteed[rows]
    security = (
        climate.security
        - p.security_per_appraisal * load
        - p.fear_per_dismissal_risk * risk
        - p.security_per_threat * threatened
        + p.guarantee_security * guaranteed
        - ws.layoff_fear[rows]
        - p.contest_security_loss * ws.in_contest[rows]
        + p.attention_security * (ws.attention[rows] > 0)
    ) * (1.0 - p.withheld_security * ws.withheld_share[rows])
    tenure = ws.tenure[rows]
    seniority = 0.5 * tenure / (tenure + SENIORITY_HALF_MONTHS)
    sacrifice = (
        seniority
        + p.unvested_sacrifice * np.minimum(ws.unvested_share[rows], 1.0)
        + p.guarantee_sacrifice
        * np.where(guaranteed, 1.0, 0.5 * np.minimum(ws.guarantee_progress[rows], 1.0))
        + p.owed_sacrifice * ws.owed_share[rows]
    )
    told = ws.told[rows]
    return Personal(
        supervision=np.clip(climate.supervision + team_supervision[team], 0.0, 1.0),
        relations=np.clip(climate.relations + team_cohesion[team], 0.0, 1.0),
        conditions=np.clip(
            climate.conditions + team_workload[team] - p.stress_per_appraisal * load, 0.0, 1.0
        ),
        transparency=np.clip(
            p.transparency_when_untold
            + (1.0 - p.transparency_when_untold) * told
            + (climate.transparency - NEUTRAL.transparency),
            0.0,
            1.0,
        ),
        accuracy=np.clip(
            ws.rating_accuracy[rows] + (climate.accuracy - NEUTRAL.accuracy), 0.0, 1.0
        ),
        security=np.clip(security, 0.0, 1.0),
        pressure=np.clip(climate.ranking_pressure + risk, 0.0, 1.0),
        sacrifice=np.clip(sacrifice, 0.0, 1.0),
    )


SENIORITY_HALF_MONTHS = 36.0  # seniority makes leaving costlier; half-way at 3 years (assumed)
ORDINARY_TOLD = 4.0 / 9.0  # what an ordinary firm tells of its appraisal: felt transparency 0.5
