"""The psychology parameters: how people respond, the same in every scenario.

Cases differ in the firm, the market, the policies and the timeline, never here. Every default
carries its source: the source document (CASES.md), a named study, or "assumed" with a reason.
docs/model.md reproduces this table; `orgsim params` prints it.
"""

from __future__ import annotations

from sim.agents.leaving import Leaving
from sim.agents.responses import Responses
from sim.params import param

NEEDS = ("physiological", "safety", "belonging", "esteem", "self_actualization")
HYGIENE = ("pay", "security", "supervision", "conditions", "policy", "relations")
MOTIVATORS = (
    "achievement",
    "recognition",
    "work_itself",
    "responsibility",
    "advancement",
    "growth",
)
# Each exit records what drove it: each driver's share of the push toward searching and of the
# pull of the offer taken (sim.agents.rules.quit_hazard).
DRIVERS = (
    "pay",
    "security",
    "supervision",
    "conditions",
    "belonging",
    "esteem",
    "growth",
    "equity",
    "commitment",
    "outside_option",
    "contagion",
    "fit",
    "personal",
)


class Psychology(Leaving, Responses):
    """Behavioural parameters shared by every employee in every scenario (and, inherited from
    :class:`~sim.agents.responses.Responses`, how people respond to what management does)."""

    # --- needs (Maslow) ---
    need_adaptation: float = param(
        0.3,
        0.01,
        1.0,
        unit="1/month",
        doc="share of the gap to the momentary need input closed each month",
        source="assumed: needs settle within a quarter (MODEL_SKETCH alpha)",
    )
    gate_threshold: float = param(
        0.4,
        0.0,
        1.0,
        unit="need level",
        doc="need level at which the next level's pull is half open (Maslow prepotency)",
        source="assumed: Maslow 1943 gives no number; a lower need 'reasonably met'",
    )
    gate_width: float = param(
        0.08,
        0.01,
        0.5,
        unit="need level",
        doc="softness of the prepotency gate (logistic scale)",
        source="assumed: a soft gate, so that prepotency is gradual rather than a switch (Maslow 1943 calls the order 'relative')",
    )
    pay_span: float = param(
        4.0,
        1.5,
        20.0,
        unit="x subsistence",
        doc="real pay, as a multiple of subsistence, that fully meets the physiological need",
        source="assumed: log utility of pay (Layard et al. 2008) saturating at 4x subsistence",
    )
    outlook_security_weight: float = param(
        0.6,
        0.0,
        1.0,
        unit="share",
        doc="how far the firm's visible decline (revenue below its recent peak, wages unpaid) lowers felt job security",
        source="Greenhalgh & Rosenblatt 1984 (job insecurity from organisational decline); source document: Shengyi's staff see their 'money prospects' vanish",
    )
    belonging_fit_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of value fit times culture strength in the belonging input",
        source="assumed: shared values are one of several sources of belonging, next to relations, care and collective life",
    )

    # --- pay perception (reference dependence) ---
    loss_aversion: float = param(
        2.0,
        1.0,
        4.0,
        unit="ratio",
        doc="how much more a shortfall against the expected raise weighs than an equal surplus",
        source="Tversky & Kahneman 1992 (2.25); Kahneman & Tversky 1979",
    )
    raise_sensitivity: float = param(
        1.5,
        0.0,
        5.0,
        unit="per log-point",
        doc="felt shock (raise_shock) per log-point of a raise above or below the expected raise",
        source="assumed: scales the source document's 500-raise example into [-1, 1]",
    )
    raise_memory: float = param(
        4.0,
        0.5,
        24.0,
        unit="months",
        doc="e-folding time of a raise's felt shock",
        source="assumed: a raise's glow fades in months",
    )

    # --- Herzberg ---
    disposition_sd: float = param(
        0.1,
        0.0,
        0.5,
        unit="factor level",
        doc="spread between people of how favourably they see every factor of a job (positive affectivity)",
        source="Staw & Ross 1985; Arvey et al. 1989 (a stable disposition behind a large share of job satisfaction); calibrated: the team share of satisfaction's variance (docs/validation.md)",
        label_zh="个人情感倾向的离散程度",
    )
    hygiene_aspiration: float = param(
        0.6,
        0.1,
        1.0,
        unit="factor level",
        doc="level of a hygiene factor below which it creates dissatisfaction",
        source="assumed: Herzberg 1959 — meeting a hygiene factor removes dissatisfaction only",
    )
    weight_hygiene_pay: float = param(
        0.30,
        0.0,
        1.0,
        unit="weight",
        doc="pay adequacy in dissatisfaction",
        source="assumed: pay is the most cited hygiene factor (Herzberg 1959)",
    )
    weight_hygiene_security: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="job security in dissatisfaction",
        source="assumed: second to pay among hygiene factors in Herzberg's (1959) frequency counts",
    )
    weight_hygiene_supervision: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="supervision in dissatisfaction",
        source="assumed: 'technical supervision' ranks among Herzberg's main hygiene factors",
    )
    weight_hygiene_conditions: float = param(
        0.10,
        0.0,
        1.0,
        unit="weight",
        doc="working conditions and workload in dissatisfaction",
        source="assumed: working conditions are a minor hygiene factor in Herzberg's counts",
    )
    weight_hygiene_policy: float = param(
        0.10,
        0.0,
        1.0,
        unit="weight",
        doc="company policy and administration in dissatisfaction",
        source="assumed: company policy and administration, a frequent but secondary dissatisfier (Herzberg 1959)",
    )
    weight_hygiene_relations: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="relations with colleagues in dissatisfaction",
        source="assumed: interpersonal relations, a middle-ranking hygiene factor (Herzberg 1959)",
    )
    weight_motivator_achievement: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="achievement in satisfaction",
        source="assumed: achievement is Herzberg's most frequent satisfier; equal to recognition and the work itself",
    )
    weight_motivator_recognition: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="recognition in satisfaction",
        source="assumed: recognition is among Herzberg's three most frequent satisfiers",
    )
    weight_motivator_work_itself: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="the work itself in satisfaction",
        source="source document: 'the reward of work is the work itself'",
    )
    weight_motivator_responsibility: float = param(
        0.10,
        0.0,
        1.0,
        unit="weight",
        doc="responsibility and voice in satisfaction",
        source="assumed: responsibility satisfies less often than achievement in Herzberg's counts",
    )
    weight_motivator_advancement: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="advancement in satisfaction",
        source="assumed: advancement and growth share the rest equally",
    )
    weight_motivator_growth: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="growth in satisfaction",
        source="assumed: advancement and growth share the rest equally",
    )

    # --- Adams equity ---
    self_serving_bias: float = param(
        1.1,
        1.0,
        1.5,
        unit="ratio",
        doc="how much employees overrate their own input against peers'",
        source="MODEL_SKETCH; self-serving bias in equity judgements (Greenberg 1983)",
    )
    client_contribution_weight: float = param(
        0.5,
        0.0,
        2.0,
        unit="elasticity",
        doc="how much the client revenue one holds, relative to same-role peers, counts in one's perceived input",
        source="assumed: salespeople judge their contribution by the business they bring (source document: Shengyi)",
    )
    weight_internal_equity: float = param(
        0.5,
        0.0,
        2.0,
        unit="weight",
        doc="weight of under-reward against same-role peers",
        source="source document: internal unfairness is the main exit cause",
    )
    weight_external_equity: float = param(
        0.5,
        0.0,
        2.0,
        unit="weight",
        doc="weight of under-pay against the market wage of the role",
        source="source document: weak external competitiveness",
    )
    procedural_justice_weight: float = param(
        0.6,
        0.0,
        1.0,
        unit="share",
        doc="share of felt inequity removed by full procedural justice (transparent, accurate appraisal with voice)",
        source="Colquitt et al. 2001 meta-analysis: procedural justice buffers distributive injustice",
    )

    # --- effort ---
    effort_base: float = param(
        0.75,
        0.2,
        1.2,
        unit="effort",
        doc="effort of a neutral employee on a flat salary (1 = standard pace)",
        source="assumed: a salaried, neutral employee works a little below the standard pace a piece rate sets (Lazear 2000)",
    )
    effort_incentive: float = param(
        0.45,
        0.0,
        1.0,
        unit="effort per incentive strength",
        doc="effort gained per unit of incentive strength, times money sensitivity",
        source="calibrated to the source document's '+30% from money' (Locke et al. 1980)",
    )
    effort_satisfaction: float = param(
        0.25,
        0.0,
        1.0,
        unit="effort",
        doc="effort gained from motivator satisfaction (gated by higher needs)",
        source="assumed: Herzberg motivators drive effort",
    )
    effort_inequity: float = param(
        0.6,
        0.0,
        2.0,
        unit="effort",
        doc="effort withdrawn per unit of felt inequity",
        source="Adams 1965: under-reward lowers input",
    )
    effort_dissatisfaction: float = param(
        0.2,
        0.0,
        1.0,
        unit="effort",
        doc="effort withdrawn per unit of hygiene dissatisfaction",
        source="assumed: dissatisfaction withdraws effort, less strongly than felt inequity (Adams 1965)",
    )
    effort_pressure: float = param(
        0.15,
        0.0,
        1.0,
        unit="effort",
        doc="effort added by ranking pressure",
        source="assumed: forced ranking raises short-run effort (Scullen et al. 2005)",
    )
    effort_min: float = param(
        0.2,
        0.0,
        1.0,
        unit="effort",
        doc="lowest effort",
        source="assumed: the least effort that keeps a job at all",
    )
    effort_max: float = param(
        1.45,
        1.0,
        3.0,
        unit="effort",
        doc="highest sustainable effort",
        source="assumed: about 45% above standard, the upper range of piece-rate gains (Lazear 2000)",
    )
    effort_adjustment: float = param(
        0.5,
        0.05,
        1.0,
        unit="1/month",
        doc="share of the gap to target effort closed each month",
        source="MODEL_SKETCH",
    )
    effort_cost: float = param(
        0.5,
        0.0,
        2.0,
        unit="conditions per effort",
        doc="loss of felt working conditions per unit of effort above standard",
        source="assumed: convex cost of effort",
    )
    money_need_slope: float = param(
        1.0,
        0.0,
        2.0,
        unit="per need level",
        doc="how fast money sensitivity falls as physiological and safety needs are met",
        source="source document: money works best on new graduates and money-seekers",
    )

    # --- skill ---
    skill_start: float = param(
        0.6,
        0.1,
        1.0,
        unit="skill",
        doc="skill of a new hire",
        source="assumed: a new hire reaches about 60% of a seasoned worker's productivity",
    )
    skill_learning_months: float = param(
        18.0,
        1.0,
        120.0,
        unit="months",
        doc="e-folding time of learning on the job",
        source="assumed: learning curves of manufacturing work",
    )

    # --- commitment and embeddedness ---
    commitment_adaptation: float = param(
        0.1,
        0.01,
        1.0,
        unit="1/month",
        doc="share of the gap to target commitment closed each month",
        source="assumed: commitment moves slowly (Meyer & Allen 1991)",
    )
    commitment_attitude_weight: float = param(
        0.5,
        0.0,
        1.0,
        unit="weight",
        doc="weight of job attitude (S - D) in commitment",
        source="assumed: job attitude is the largest correlate of affective commitment (Meyer et al. 2002)",
    )
    commitment_fit_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of value fit in commitment",
        source="assumed: person-organisation fit, the next correlate (Kristof-Brown et al. 2005)",
    )
    commitment_vision_weight: float = param(
        0.2,
        0.0,
        1.0,
        unit="weight",
        doc="weight of belief in the shared vision in commitment",
        source="source document: shared vision gives belonging",
    )
    embeddedness_links_weight: float = param(
        0.4,
        0.0,
        1.0,
        unit="weight",
        doc="weight of ties in embeddedness",
        source="Mitchell et al. 2001 job embeddedness: links, fit, sacrifice",
    )
    embeddedness_fit_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of fit in embeddedness",
        source="Mitchell et al. 2001",
    )
    embeddedness_sacrifice_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of what leaving costs in embeddedness",
        source="Mitchell et al. 2001",
    )

    # --- relationship stages ---
    cognition_months: int = param(
        3, 1, 24, unit="months", doc="length of the cognition stage", source="assumed: probation"
    )
    exploration_months: int = param(
        12,
        2,
        60,
        unit="months",
        doc="tenure at which exploration ends",
        source="assumed: the first year is when most early turnover happens",
    )
    commitment_stage_level: float = param(
        0.6,
        0.0,
        1.0,
        unit="commitment",
        doc="commitment that moves an employee from expansion to commitment",
        source="assumed: clearly above the neutral 0.5",
    )
    recovery_intent: float = param(
        0.35,
        0.0,
        0.95,
        unit="probability",
        doc="intention below which an employee in dissolution returns",
        source="assumed: hysteresis",
    )

    # --- clients (ERM -> CRM) ---
    service_churn_sensitivity: float = param(
        3.0,
        0.0,
        10.0,
        unit="log-churn per service",
        doc="how fast client churn rises as service falls",
        source="assumed: dual satisfaction (source document); Heskett et al. 1994 service-profit chain",
    )

    # --- culture ---
    socialisation: float = param(
        0.02,
        0.0,
        0.5,
        unit="1/month",
        doc="share of the gap to the firm's values closed each month, times culture strength",
        source="assumed: Schein 1985; source document: values shared only when repeated",
    )
    culture_adaptation: float = param(
        0.05,
        0.0,
        1.0,
        unit="1/month",
        doc="share of the gap between culture strength and the workforce's committed fit closed each month",
        source="assumed: culture strength follows the workforce over about two years",
    )
    vision_memory: float = param(
        12.0,
        1.0,
        120.0,
        unit="months",
        doc="e-folding time of a vision's strength without review",
        source="source document: review the vision at least yearly",
    )

    # --- sorting ---
    applicant_incentive_sorting: float = param(
        0.2,
        0.0,
        1.0,
        unit="log-ability per incentive",
        doc="shift of applicants' ability with the incentive strength of the role's pay",
        source="Lazear 2000 (Safelite): of the 44% piece-rate gain about half came from sorting (ln 1.2 / 0.9)",
    )
    applicant_pay_sorting: float = param(
        0.3,
        0.0,
        2.0,
        unit="log-ability per log-pay",
        doc="shift of applicants' ability with the pay premium over the market",
        source="assumed: efficiency wages attract abler applicants",
    )
    offer_ability_elasticity: float = param(
        1.0,
        0.0,
        3.0,
        unit="elasticity",
        doc="how outside offers scale with ability",
        source="assumed: outside offers are proportional to ability (the market pays for what it can see)",
    )
    client_offer_premium: float = param(
        0.04,
        0.0,
        1.0,
        unit="share of revenue",
        doc="share of the monthly revenue of the clients who would follow that a rival adds to its offer",
        source="assumed: a rival passes on part of the margin on the clients (a few percent of revenue); source document: key salespeople leave with their clients",
    )
