"""The declared targets: the patterns the model is fitted to and the facts it must predict.

This is the one place targets are declared; the lead edits it as the psychology changes. Two kinds:

- **Patterns of ordinary firms from the literature** (:data:`LITERATURE`), measured on the
  baseline firm and paired variants of it. Each has its statistic, the literature's figure, the
  accepted range and the citation, with the numbers quoted in ``docs/validation.md``.
- **The source document's case facts** (:data:`CASE_FACTS`), each an ``Outcome`` of
  ``sim/cases.py``, wrapped as a target. All are ``validation`` for now; the lead decides which
  become ``calibration`` (a case fact can be fitted only once it has a numeric ``tolerance``; its
  ``holds`` is always the case's own pass rule).

``tests/calibration/test_targets.py`` checks that the case facts declared here are exactly the
facts ``sim/cases.py`` reports.
"""

from __future__ import annotations

import math

from sim.calibration.bundle import Arm
from sim.calibration.spells import Band
from sim.calibration.statistics import (
    AnnualTurnover,
    CaseFact,
    Drift,
    HazardRatio,
    MeanOf,
    SeparationElasticity,
    TurnoverRatio,
)
from sim.calibration.target import Target, null

INF = math.inf

# --- the arms: the baseline firm and paired variants (common random numbers) ---------------------
BASELINE = Arm("baseline", "baseline")  # 120 months, scenarios/baseline.yaml
PAID_ABOVE_MARKET = Arm(
    "production paid 10% above market",
    "baseline",
    {"firm.roles.production_worker.wage": 3300.0},  # the market wage stays 3000
)
# A scenario's market.shortage is the share of the market's openings that its job seekers cannot
# fill, so the market has 1 / (1 - shortage) times a balanced market's openings per seeker
# (rules.offer_arrivals). The tight arm doubles the openings per seeker (shortage 0.5); the target
# is the literature's elasticity of quits to openings per seeker, applied to that doubling.
SLACK_MARKET = Arm("balanced market (no shortage)", "baseline", {"market.shortage": 0.0}, 60)
TIGHT_MARKET = Arm(
    "tight market (twice the openings per job seeker)", "baseline", {"market.shortage": 0.5}, 60
)

FIRST_YEAR, FIVE_YEARS_AND_MORE = Band(1, 12), Band(61)
FIRST_SIX_MONTHS, SECOND_YEAR = Band(1, 6), Band(13, 24)

LITERATURE: tuple[Target, ...] = (
    Target(
        "tenure_first_year_vs_five_years",
        HazardRatio(BASELINE, FIRST_YEAR, FIVE_YEARS_AND_MORE),
        value=2.0,
        tolerance=(2.0, INF),
        source=(
            "Farber 1999 (Handbook of Labor Economics 3B, ch. 37): 'most new jobs end early, and "
            "the probability of a job ending declines with tenure'; Farber 1994 (J. Labor Econ. "
            "12(4)): NLSY, over 14,000 jobs. The factor of at least 2 is the project's reading "
            "(issue 10), for voluntary exits only."
        ),
        role="calibration",
        case="baseline",
    ),
    Target(
        "tenure_hazard_peaks_in_first_months",
        HazardRatio(BASELINE, FIRST_SIX_MONTHS, SECOND_YEAR),
        value=1.0,
        tolerance=(1.0, INF),
        source=(
            "Farber 1994 (J. Labor Econ. 12(4)): the monthly hazard of a job ending 'increases to "
            "a maximum at three months and declines thereafter'; stated here as the hazard of "
            "months 1-6 above that of months 13-24."
        ),
        role="calibration",
        case="baseline",
    ),
    Target(
        "separation_elasticity",
        SeparationElasticity(BASELINE, PAID_ABOVE_MARKET, "production_worker"),
        value=-0.75,
        tolerance=(-1.5, -0.2),
        source=(
            "Bachmann, Demir & Frings (2022, J. Human Resources, monopsony issue), Germany "
            "1985-2014: separation-rate elasticities to employment -0.19 to -1.07 and to "
            "non-employment -0.70 to -1.45 across task groups and tenure; Webber (2015, Labour "
            "Economics 35): labour supply elasticity to the average US firm 1.08, a separation "
            "elasticity of about -0.54 under Manning's (2003) steady state (supply = -2 x "
            "separation elasticity). Manning (2003, 2020) for the method."
        ),
        role="calibration",
        case="baseline",
        null=null(
            "pay relative to the market hardly matters: outside jobs' worth is spread as widely "
            "as declared, and external equity is not felt",
            {"psychology.offer_value_spread": 3.0, "psychology.weight_external_equity": 0.0},
        ),
    ),
    Target(
        "quits_rise_in_tight_market",
        TurnoverRatio(TIGHT_MARKET, SLACK_MARKET),
        value=1.29,
        tolerance=(1.18, 1.45),
        source=(
            "BLS JOLTS and CPS, total nonfarm: the quits rate was 1.3% a month in the 2009 "
            "trough, with about 0.15 job openings per unemployed person (2.2 million openings, "
            "14.9 million unemployed), and 3.0% in November 2021, with about 1.6 (10.9 million, "
            "6.9 million); from January 2001 (2.6%, about 0.9) to 2009 likewise. Quits thus rise "
            "with openings per job seeker at an elasticity of about 0.36-0.39 (ln 2.31 / ln 10.5; "
            "ln 2.0 / ln 5.8), so doubling it raises quits by 2^0.37 = 1.29; the band is "
            "elasticities 0.24-0.54. Quits are 'highly procyclic' (Akerlof, Rose & Yellen 1988, "
            "BPEA 1988:2). Reading the aggregate elasticity as one firm's is the project's "
            "assumption."
        ),
        role="calibration",
        case="baseline",
        null=null(
            "a tight market brings no more offers",
            {"psychology.offer_tightness_elasticity": 0.0},
        ),
    ),
    Target(
        "baseline_annual_voluntary_turnover",
        AnnualTurnover(BASELINE),
        value=0.14,
        tolerance=(0.08, 0.20),
        source=(
            "The project's assumption for an ordinary firm (tests/test_baseline.py). For scale: "
            "BLS JOLTS manufacturing quit rates of 0.9% to 1.6% a month in 2013-2020 (11% to 19% "
            "a year), 2.4% in 2021 (Manufacturers Alliance, from JOLTS annual averages)."
        ),
        role="calibration",
        case="baseline",
    ),
    Target(
        "satisfaction_shared_within_teams",
        MeanOf(BASELINE, "attitude_team_share"),
        value=0.12,
        tolerance=(0.05, 0.20),
        source=(
            "Bliese 2000 (in Klein & Kozlowski, Multilevel Theory, Research, and Methods in "
            "Organizations): ICC(1) values in organisational research typically 0.05 to 0.20; "
            "James 1982 (J. Applied Psychology 67(2)): median 0.12. Teams share part of how "
            "their members feel, most of it is their own."
        ),
        role="calibration",
        case="baseline",
        null=null(
            "people do not differ by disposition",
            {"psychology.disposition_sd": 0.0},
        ),
    ),
    Target(
        "baseline_output_per_employee_stationary",
        Drift(BASELINE, "output_per_employee"),
        value=0.0,
        tolerance=0.03,
        source="the project's requirement of a stationary baseline (issue 10): drift < 3% in ten years",
        role="calibration",
        case="baseline",
    ),
    Target(
        "baseline_client_book_stationary",
        Drift(BASELINE, "clients"),
        value=0.0,
        tolerance=0.10,
        source="the project's requirement of a stationary baseline (issue 10): drift < 10% in ten years",
        role="calibration",
        case="baseline",
    ),
)

# --- the source document's facts (sim/cases.py) ----------------------------------------------------
# (case, fact, the claim, tolerance of the Outcome's value or None where its pass rule checks more)
_CASE_FACTS = (
    (
        "money_raise",
        "money_raise_falls_with_pay",
        "the same raise pleases less the more one earns",
        None,
    ),
    (
        "money_raise",
        "money_raise_flatters_at_1000",
        "at 1000 a month the employee is flattered",
        (0.0, INF),
    ),
    (
        "money_raise",
        "money_raise_backfires_at_5000",
        "at 5000: 'am I worth so little?'",
        (-INF, 0.0),
    ),
    ("money_raise", "money_raise_backfires_at_10000", "at 10000 the raise backfires", (-INF, 0.0)),
    (
        "performance_pay",
        "performance_pay_plus_30_percent",
        "money raises productivity by 30%",
        (0.20, 0.40),
    ),
    (
        "lincoln",
        "lincoln_productivity_twice",
        "productivity about twice that of competitors",
        (1.6, 2.4),
    ),
    (
        "lincoln",
        "lincoln_turnover_far_lower",
        "turnover among the lowest in US industry",
        (0.0, 0.6),
    ),
    ("lincoln", "lincoln_no_layoffs_in_recession", "no employee laid off since 1958", None),
    ("lincoln", "lincoln_hours_fall_instead", "fewer hours in a downturn, down to 30 a week", None),
    (
        "lincoln",
        "lincoln_bonus_near_95_percent",
        "the bonus averaged 95.5% of base pay",
        (0.80, 1.10),
    ),
    ("haier", "haier_profitable_by_month_3", "profitable from the third month", (0.8, 1.0)),
    ("haier", "haier_keeps_improving", "profit keeps rising to December", (0.8, 1.0)),
    (
        "haier",
        "redstar_without_haier_stays_in_loss",
        "without the reforms no turnaround",
        (0.8, 1.0),
    ),
    ("shengyi", "shengyi_half_intend_not_to_renew", "over half intend not to renew", None),
    (
        "shengyi",
        "shengyi_key_salespeople_leave_first",
        "the key salespeople leave first",
        (1.3, INF),
    ),
    ("shengyi", "shengyi_four_levels_in_order", "key people, income, cash, waves, in order", None),
    ("shengyi", "shengyi_resign_in_waves", "staff resign in waves", (0.3, 1.0)),
    ("shengyi", "shengyi_reformed_does_not_cascade", "the reformed twin does not cascade", None),
    (
        "forced_ranking",
        "ranking_rules_keep_more_of_the_gain",
        "with the three rules the gain is kept",
        (0.0, INF),
    ),
    (
        "forced_ranking",
        "ranking_rules_cost_less_security",
        "the rules spare the safety need",
        (0.0, INF),
    ),
    (
        "forced_ranking",
        "ranking_rules_cost_less_turnover",
        "the rules cost less turnover",
        (-INF, 0.0),
    ),
    (
        "forced_ranking",
        "monthly_appraisal_lowers_safety",
        "appraising too often threatens safety",
        None,
    ),
    (
        "labour_shortage",
        "care_brings_nearly_all_back",
        "with care all returned on time",
        (0.95, 1.0),
    ),
    ("labour_shortage", "without_care_many_do_not_return", "without care many do not return", None),
    (
        "walmart",
        "respect_raises_esteem",
        "respect and walking around meet the esteem need",
        (0.0, INF),
    ),
    ("walmart", "respect_lowers_turnover", "people stay where they are respected", (-INF, 0.0)),
)


def _case_target(case: str, fact: str, claim: str, tolerance) -> Target:
    low = tolerance[0] if tolerance else math.nan
    value = low if tolerance and math.isfinite(low) else (tolerance[1] if tolerance else math.nan)
    return Target(
        fact,
        CaseFact(case, fact),
        value=float(value),
        tolerance=tolerance,
        source=f"source document (CASES.md), case {case}: '{claim}' (sim/cases.py)",
        role="validation",
        case=case,
    )


CASE_FACTS: tuple[Target, ...] = tuple(_case_target(*row) for row in _CASE_FACTS)

TARGETS: tuple[Target, ...] = LITERATURE + CASE_FACTS
BY_NAME: dict[str, Target] = {t.name: t for t in TARGETS}


def calibration_targets(targets=TARGETS) -> tuple[Target, ...]:
    return tuple(t for t in targets if t.role == "calibration")


def validation_targets(targets=TARGETS) -> tuple[Target, ...]:
    return tuple(t for t in targets if t.role == "validation")
