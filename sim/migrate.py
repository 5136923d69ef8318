"""Scenario files across schema versions: what changed, and what replaced each removed field (the
loader's refusal names it; ``orgsim migrate FILE``, :mod:`sim.scenario_migrate`, rewrites a file).

Schema 1 (the first version) let a policy carry how much it hurts or helps (``care_gain``,
``security_loss_monthly``, every ``incentive_strength``) and let a scenario set the raise people
expect (``market.expected_raise_annual``). Schema 2 moves every response into the psychology,
the same in every scenario, and makes the expected raise a learned belief. A schema-1 file is
refused at load, naming each removed field and what took its place; ``migrate`` rewrites it
(dropping those fields, setting ``schema_version: 2``) and says what it dropped. CHANGELOG.md
lists the same changes.
"""

from __future__ import annotations

import copy
from typing import Any

SCHEMA_VERSION = 2

# policy or event -> removed parameter -> what replaced it
REMOVED_PARAMS: dict[str, dict[str, str]] = {
    "appraisal": {
        "security_loss_monthly": "psychology.security_per_appraisal",
        "stress_monthly": "psychology.stress_per_appraisal",
    },
    "bottom_ranking": {
        "security_loss_monthly": "psychology.security_per_appraisal",
        "stress_monthly": "psychology.stress_per_appraisal",
        "fear_weight": "psychology.fear_per_dismissal_risk",
        "opacity_anxiety": "psychology.opacity_anxiety",
    },
    "career_ladders": {"advancement_per_ladder": "psychology.advancement_per_ladder"},
    "promotion": {
        "climate_gain": "psychology.advancement_per_promotion",
        "incentive_strength": "the raise times the rating's accuracy (the pay at stake)",
    },
    "training": {"growth_gain": "psychology.growth_per_training"},
    "client_ownership": {
        "rivalry": "psychology.relations_per_contest",
        "cooperation": "psychology.relations_per_shared_accounts",
    },
    "collective_activities": {
        "collective_gain": "psychology.collective_per_activities",
        "relations_gain": "psychology.relations_per_activities",
    },
    "commission": {
        "incentive_strength": "the share of pay that is commission (the pay at stake)",
        "rivalry": "psychology.relations_per_commission",
    },
    "culture_programme": {
        "strength_gain": "psychology.culture_gain",
        "socialisation_gain": "psychology.socialisation_per_programme",
    },
    "cut_middle_management": {
        "contest_security_loss": "psychology.contest_security_loss",
        "transparency_gain": "psychology.transparency_per_open_contest",
        "supervision_per_competence": "psychology.supervision_per_competence",
    },
    "emotional_care": {
        "care_gain": "psychology.care_per_help",
        "relations_gain": "psychology.relations_per_help",
    },
    "informal_channels": {"voice_gain": "psychology.voice_per_listening"},
    "job_enrichment": {
        "work_itself_gain": "psychology.work_itself_per_enrichment",
        "defect_reduction": "psychology.defects_per_enrichment",
    },
    "leadership_style": {
        "voice_range": "psychology.voice_per_participation",
        "supervision_range": "psychology.supervision_per_participation",
        "threat_security_loss": "psychology.security_per_threat",
    },
    "merge_departments": {
        "clarity_gain": "psychology.rules_per_merger",
        "disruption_security": "psychology.reorganisation_unease",
        "disruption_months": "psychology.reorganisation_unease_months",
    },
    "negative_incentives": {
        "pressure_gain": "psychology.pressure_per_punishment",
        "security_loss": "psychology.security_per_punishment",
        "respect_loss": "psychology.respect_per_criticism",
    },
    "no_layoff_guarantee": {
        "security_gain": "psychology.guarantee_security",
        "climate_security_gain": "psychology.guarantee_reassurance",
        "sacrifice_gain": "psychology.guarantee_sacrifice",
    },
    "at_will_layoffs": {
        "survivor_fear": "psychology.survivor_fear",
        "survivor_memory_months": "psychology.survivor_memory_months",
    },
    "pay_bands": {
        "advancement_gain": "psychology.advancement_per_pay_bands",
        "incentive_strength": "the step times the chance to move up (the pay at stake)",
    },
    "pdca": {
        "intervention_recognition": "psychology.attention_recognition",
        "intervention_security": "psychology.attention_security",
    },
    "piece_rate": {
        "incentive_strength": "pay by the piece (the pay at stake: 1 above the floor)",
        "defect_rise_without_rule": "psychology.speed_over_quality",
        "defect_fall_with_rule": "psychology.care_when_defects_unpaid",
    },
    "profit_sharing": {
        "incentive_strength": "the expected bonus's share of pay and how it is split (the pay at stake)",
        "sacrifice_weight": "psychology.unvested_sacrifice",
    },
    "recognition": {
        "universal_gain": "psychology.recognition_per_praise",
        "award_shock": "psychology.award_glow",
        "envy": "psychology.award_envy",
    },
    "replace_management": {"supervision_gain": "psychology.supervision_per_new_managers"},
    "respect": {"respect_gain": "psychology.respect_per_equality"},
    "shared_vision": {
        "review_strength": "psychology.vision_review_strength",
        "crisis_reassurance": "psychology.crisis_reassurance",
    },
    "value_socialisation": {
        "socialisation_boost": "the programme's intensity, with psychology.socialisation_per_programme",
        "onboarding_rate": "psychology.onboarding_rate",
    },
    "walking_around": {
        "voice_gain": "psychology.voice_per_walking",
        "supervision_gain": "psychology.supervision_per_mentoring",
    },
    "wage_arrears": {"sacrifice_per_month_owed": "psychology.owed_sacrifice"},
    "holiday_break": {
        "arranged_return_effect": "psychology.arranged_return_effect",
        "decision_months": "psychology.holiday_decision_months",
    },
}

# dotted field path -> what replaced it
REMOVED_FIELDS: dict[str, str] = {
    "market.expected_raise_annual": (
        "the raise people expect is a learned belief (psychology.expectation_months and "
        "psychology.own_raise_weight): it follows market.market_wage_growth_annual, inflation "
        "and the firm's own pay history"
    ),
    "psychology.base_quit_hazard": (
        "psychology.search_threshold, psychology.offer_rate and psychology.offer_value_spread "
        "(quitting is a search for offers)"
    ),
    "psychology.quit_outside_option": "psychology.offer_value_spread (offers are weighed as a whole)",
    "psychology.quit_shortage": (
        "psychology.offer_tightness_elasticity (a tight market brings offers)"
    ),
    "psychology.frictional_openings": (
        "nothing: market.shortage alone sets the openings per job seeker, 1 / (1 - shortage) of "
        "a balanced market's (psychology.offer_tightness_elasticity gives the response)"
    ),
}


def version_of(data: dict) -> int:
    """The file's schema version (1 when it says none: the first version had no such field)."""
    value = data.get("schema_version", 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _policy_entries(data: dict):
    """(path, policy name, params dict) of every policy entry, the timeline's included."""
    for path, name, params in _entries(data):
        if isinstance(name, str):  # a malformed name: the scenario's own validation names it
            yield path, name, params


def _entries(data: dict):
    for i, entry in enumerate(data.get("policies") or []):
        if isinstance(entry, dict) and isinstance(entry.get("params"), dict):
            yield f"policies[{i}].params", entry.get("name"), entry["params"]
    for i, entry in enumerate(data.get("timeline") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("params"), dict):
            continue
        params = entry["params"]
        if entry.get("event") in ("add_policy", "change_policy") and isinstance(
            params.get("params"), dict
        ):
            yield f"timeline[{i}].params.params", params.get("policy"), params["params"]
        else:
            yield f"timeline[{i}].params", entry.get("event"), params


def _field(data: dict, dotted: str):
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None, None
        parent, node = node, node[part]
    return parent, dotted.rsplit(".", 1)[-1]


def removed_fields(data: dict) -> list[tuple[str, Any, str]]:
    """``(path, value, replacement)`` of every field the file sets that schema 2 removed."""
    out = []
    for dotted, replacement in REMOVED_FIELDS.items():
        parent, key = _field(data, dotted)
        if parent is not None:
            out.append((dotted, parent[key], replacement))
    for path, name, params in _policy_entries(data):
        for param, replacement in REMOVED_PARAMS.get(name, {}).items():
            if param in params:
                out.append((f"{path}.{param}", params[param], replacement))
    return out


def strip_removed(data) -> list[str]:
    """Remove, in place, every field of ``data`` that schema 2 removed (``data`` may be a plain
    dict or ruamel's round-trip mapping); one note per field removed."""
    notes = [
        f"removed {dotted} = {value!r}: replaced by {replacement}"
        for dotted, value, replacement in removed_fields(data)
    ]
    for dotted in REMOVED_FIELDS:
        parent, key = _field(data, dotted)
        if parent is not None:
            del parent[key]
    for _, name, params in _policy_entries(data):
        for param in REMOVED_PARAMS.get(name, {}):
            params.pop(param, None)
    return notes


def migrate(data: dict) -> tuple[dict, list[str]]:
    """A schema-2 copy of schema-1 scenario data, and one note per change made."""
    new = copy.deepcopy(data)
    notes = strip_removed(new)
    new["schema_version"] = SCHEMA_VERSION
    notes.append(f"set schema_version: {SCHEMA_VERSION}")
    return new, notes
