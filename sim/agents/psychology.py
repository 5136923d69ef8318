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
        label_zh="需要的调整速度",
        doc_zh="每月缩小与当期需要满足水平之间差距的比例",
    )
    gate_threshold: float = param(
        0.4,
        0.0,
        1.0,
        unit="need level",
        doc="need level at which the next level's pull is half open (Maslow prepotency)",
        source="assumed: Maslow 1943 gives no number; a lower need 'reasonably met'",
        label_zh="需要层次的门槛",
        doc_zh="下一层需要的拉力开启一半时，本层需要的满足水平（马斯洛的优势需要原理）",
    )
    gate_width: float = param(
        0.08,
        0.01,
        0.5,
        unit="need level",
        doc="softness of the prepotency gate (logistic scale)",
        source="assumed: a soft gate, so that prepotency is gradual rather than a switch (Maslow 1943 calls the order 'relative')",
        label_zh="需要层次门槛的平缓程度",
        doc_zh="需要层次门槛的柔和程度（逻辑函数的尺度）",
    )
    pay_span: float = param(
        4.0,
        1.5,
        20.0,
        unit="x subsistence",
        doc="real pay, as a multiple of subsistence, that fully meets the physiological need",
        source="assumed: log utility of pay (Layard et al. 2008) saturating at 4x subsistence",
        label_zh="满足生理需要的工资倍数",
        doc_zh="实际工资达到基本生活费的多少倍时生理需要完全满足",
    )
    outlook_security_weight: float = param(
        0.6,
        0.0,
        1.0,
        unit="share",
        doc="how far the firm's visible decline (revenue below its recent peak, wages unpaid) lowers felt job security",
        source="Greenhalgh & Rosenblatt 1984 (job insecurity from organisational decline); source document: Shengyi's staff see their 'money prospects' vanish",
        label_zh="企业前景对安全感的影响",
        doc_zh="企业可见的衰退（收入低于近期高点、拖欠工资）在多大程度上降低员工的工作安全感",
    )
    belonging_fit_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of value fit times culture strength in the belonging input",
        source="assumed: shared values are one of several sources of belonging, next to relations, care and collective life",
        label_zh="价值观契合对归属感的权重",
        doc_zh="价值观契合度乘以文化强度在归属感中的权重",
    )

    # --- pay perception (reference dependence) ---
    loss_aversion: float = param(
        2.0,
        1.0,
        4.0,
        unit="ratio",
        doc="how much more a shortfall against the expected raise weighs than an equal surplus",
        source="Tversky & Kahneman 1992 (2.25); Kahneman & Tversky 1979",
        label_zh="损失厌恶",
        doc_zh="加薪低于预期所造成的失落，比同样幅度的超出预期所带来的喜悦重多少倍",
    )
    raise_sensitivity: float = param(
        1.5,
        0.0,
        5.0,
        unit="per log-point",
        doc="felt shock (raise_shock) per log-point of a raise above or below the expected raise",
        source="assumed: scales the source document's 500-raise example into [-1, 1]",
        label_zh="对加薪的敏感度",
        doc_zh="加薪每高于或低于预期一个对数点，带来的认可感冲击",
    )
    raise_memory: float = param(
        4.0,
        0.5,
        24.0,
        unit="months",
        doc="e-folding time of a raise's felt shock",
        source="assumed: a raise's glow fades in months",
        label_zh="加薪感受的记忆时间",
        doc_zh="一次加薪带来的感受衰减到原来的约37%所需的时间",
    )

    # --- Herzberg ---
    disposition_sd: float = param(
        0.0354,
        0.0,
        0.5,
        unit="factor level",
        doc="spread between people of how favourably they see every factor of a job (positive affectivity)",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 0.02 to 0.3: spread of a stable disposition between people (Staw & Ross 1985); Staw & Ross 1985; Arvey et al. 1989 (a stable disposition behind a large share of job satisfaction)",
        label_zh="个人情感倾向的离散程度",
        doc_zh="不同的人看待工作各方面因素的乐观程度之差（积极情感倾向）",
    )
    hygiene_aspiration: float = param(
        0.6,
        0.1,
        1.0,
        unit="factor level",
        doc="level of a hygiene factor below which it creates dissatisfaction",
        source="assumed: Herzberg 1959 — meeting a hygiene factor removes dissatisfaction only",
        label_zh="保健因素的期望水平",
        doc_zh="保健因素低于这一水平就会引起不满",
    )
    weight_hygiene_pay: float = param(
        0.30,
        0.0,
        1.0,
        unit="weight",
        doc="pay adequacy in dissatisfaction",
        source="assumed: pay is the most cited hygiene factor (Herzberg 1959)",
        label_zh="不满中薪酬的权重",
        doc_zh="薪酬是否够用在不满中的权重",
    )
    weight_hygiene_security: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="job security in dissatisfaction",
        source="assumed: second to pay among hygiene factors in Herzberg's (1959) frequency counts",
        label_zh="不满中工作保障的权重",
        doc_zh="工作保障在不满中的权重",
    )
    weight_hygiene_supervision: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="supervision in dissatisfaction",
        source="assumed: 'technical supervision' ranks among Herzberg's main hygiene factors",
        label_zh="不满中上级监督的权重",
        doc_zh="上级的监督与管理方式在不满中的权重",
    )
    weight_hygiene_conditions: float = param(
        0.10,
        0.0,
        1.0,
        unit="weight",
        doc="working conditions and workload in dissatisfaction",
        source="assumed: working conditions are a minor hygiene factor in Herzberg's counts",
        label_zh="不满中工作条件的权重",
        doc_zh="工作条件和工作负荷在不满中的权重",
    )
    weight_hygiene_policy: float = param(
        0.10,
        0.0,
        1.0,
        unit="weight",
        doc="company policy and administration in dissatisfaction",
        source="assumed: company policy and administration, a frequent but secondary dissatisfier (Herzberg 1959)",
        label_zh="不满中公司政策的权重",
        doc_zh="公司政策与管理在不满中的权重",
    )
    weight_hygiene_relations: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="relations with colleagues in dissatisfaction",
        source="assumed: interpersonal relations, a middle-ranking hygiene factor (Herzberg 1959)",
        label_zh="不满中同事关系的权重",
        doc_zh="同事关系在不满中的权重",
    )
    weight_motivator_achievement: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="achievement in satisfaction",
        source="assumed: achievement is Herzberg's most frequent satisfier; equal to recognition and the work itself",
        label_zh="满意中成就的权重",
        doc_zh="成就在满意中的权重",
    )
    weight_motivator_recognition: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="recognition in satisfaction",
        source="assumed: recognition is among Herzberg's three most frequent satisfiers",
        label_zh="满意中认可的权重",
        doc_zh="认可（赏识）在满意中的权重",
    )
    weight_motivator_work_itself: float = param(
        0.20,
        0.0,
        1.0,
        unit="weight",
        doc="the work itself in satisfaction",
        source="source document: 'the reward of work is the work itself'",
        label_zh="满意中工作本身的权重",
        doc_zh="工作本身在满意中的权重",
    )
    weight_motivator_responsibility: float = param(
        0.10,
        0.0,
        1.0,
        unit="weight",
        doc="responsibility and voice in satisfaction",
        source="assumed: responsibility satisfies less often than achievement in Herzberg's counts",
        label_zh="满意中责任的权重",
        doc_zh="责任和话语权在满意中的权重",
    )
    weight_motivator_advancement: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="advancement in satisfaction",
        source="assumed: advancement and growth share the rest equally",
        label_zh="满意中晋升的权重",
        doc_zh="晋升在满意中的权重",
    )
    weight_motivator_growth: float = param(
        0.15,
        0.0,
        1.0,
        unit="weight",
        doc="growth in satisfaction",
        source="assumed: advancement and growth share the rest equally",
        label_zh="满意中成长的权重",
        doc_zh="个人成长在满意中的权重",
    )

    # --- Adams equity ---
    self_serving_bias: float = param(
        1.1,
        1.0,
        1.5,
        unit="ratio",
        doc="how much employees overrate their own input against peers'",
        source="MODEL_SKETCH; self-serving bias in equity judgements (Greenberg 1983)",
        label_zh="自利偏差",
        doc_zh="员工高估自己相对于同事投入的程度",
    )
    client_contribution_weight: float = param(
        0.5,
        0.0,
        2.0,
        unit="elasticity",
        doc="how much the client revenue one holds, relative to same-role peers, counts in one's perceived input",
        source="assumed: salespeople judge their contribution by the business they bring (source document: Shengyi)",
        label_zh="客户收入在投入中的分量",
        doc_zh="自己所持客户的收入（相对同岗位同事）在自认为的投入中占多大分量",
    )
    weight_internal_equity: float = param(
        0.5,
        0.0,
        2.0,
        unit="weight",
        doc="weight of under-reward against same-role peers",
        source="source document: internal unfairness is the main exit cause",
        label_zh="内部公平的权重",
        doc_zh="相对同岗位同事报酬偏低的权重",
    )
    weight_external_equity: float = param(
        0.5,
        0.0,
        2.0,
        unit="weight",
        doc="weight of under-pay against the market wage of the role",
        source="source document: weak external competitiveness",
        label_zh="外部竞争性的权重",
        doc_zh="相对该岗位市场工资报酬偏低的权重",
    )
    procedural_justice_weight: float = param(
        0.6,
        0.0,
        1.0,
        unit="share",
        doc="share of felt inequity removed by full procedural justice (transparent, accurate appraisal with voice)",
        source="Colquitt et al. 2001 meta-analysis: procedural justice buffers distributive injustice",
        label_zh="程序公平的缓冲作用",
        doc_zh="完全的程序公平（考核透明、准确、员工有话语权）能消除的不公平感比例",
    )

    # --- effort ---
    effort_base: float = param(
        0.75,
        0.2,
        1.2,
        unit="effort",
        doc="effort of a neutral employee on a flat salary (1 = standard pace)",
        source="assumed: a salaried, neutral employee works a little below the standard pace a piece rate sets (Lazear 2000)",
        label_zh="基础努力程度",
        doc_zh="拿固定工资、心态中性的员工的努力程度（1 = 标准速度）",
    )
    effort_incentive: float = param(
        0.45,
        0.0,
        1.0,
        unit="effort per incentive strength",
        doc="effort gained per unit of incentive strength, times money sensitivity",
        source="calibrated to the source document's '+30% from money' (Locke et al. 1980)",
        label_zh="激励带来的努力",
        doc_zh="每单位激励强度增加的努力程度（再乘以对金钱的敏感度）",
    )
    effort_satisfaction: float = param(
        0.25,
        0.0,
        1.0,
        unit="effort",
        doc="effort gained from motivator satisfaction (gated by higher needs)",
        source="assumed: Herzberg motivators drive effort",
        label_zh="满意带来的努力",
        doc_zh="激励因素带来的满意所增加的努力（受高层次需要的门槛限制）",
    )
    effort_inequity: float = param(
        0.6,
        0.0,
        2.0,
        unit="effort",
        doc="effort withdrawn per unit of felt inequity",
        source="Adams 1965: under-reward lowers input",
        label_zh="不公平感减少的努力",
        doc_zh="每单位不公平感减少的努力程度",
    )
    effort_dissatisfaction: float = param(
        0.2,
        0.0,
        1.0,
        unit="effort",
        doc="effort withdrawn per unit of hygiene dissatisfaction",
        source="assumed: dissatisfaction withdraws effort, less strongly than felt inequity (Adams 1965)",
        label_zh="不满减少的努力",
        doc_zh="每单位保健因素不满减少的努力程度",
    )
    effort_pressure: float = param(
        0.15,
        0.0,
        1.0,
        unit="effort",
        doc="effort added by ranking pressure",
        source="assumed: forced ranking raises short-run effort (Scullen et al. 2005)",
        label_zh="排名压力增加的努力",
        doc_zh="排名压力增加的努力程度",
    )
    effort_min: float = param(
        0.2,
        0.0,
        1.0,
        unit="effort",
        doc="lowest effort",
        source="assumed: the least effort that keeps a job at all",
        label_zh="最低努力程度",
        doc_zh="努力程度的下限",
    )
    effort_max: float = param(
        1.45,
        1.0,
        3.0,
        unit="effort",
        doc="highest sustainable effort",
        source="assumed: about 45% above standard, the upper range of piece-rate gains (Lazear 2000)",
        label_zh="最高努力程度",
        doc_zh="能够持续的最高努力程度",
    )
    effort_adjustment: float = param(
        0.5,
        0.05,
        1.0,
        unit="1/month",
        doc="share of the gap to target effort closed each month",
        source="MODEL_SKETCH",
        label_zh="努力的调整速度",
        doc_zh="每月缩小与目标努力程度之间差距的比例",
    )
    effort_cost: float = param(
        0.5,
        0.0,
        2.0,
        unit="conditions per effort",
        doc="loss of felt working conditions per unit of effort above standard",
        source="assumed: convex cost of effort",
        label_zh="努力的代价",
        doc_zh="努力每超过标准一个单位，员工感到的工作条件下降多少",
    )
    money_need_slope: float = param(
        1.0,
        0.0,
        2.0,
        unit="per need level",
        doc="how fast money sensitivity falls as physiological and safety needs are met",
        source="source document: money works best on new graduates and money-seekers",
        label_zh="金钱敏感度的递减速度",
        doc_zh="生理和安全需要得到满足后，对金钱的敏感度下降得多快",
    )

    # --- skill ---
    skill_start: float = param(
        0.6,
        0.1,
        1.0,
        unit="skill",
        doc="skill of a new hire",
        source="assumed: a new hire reaches about 60% of a seasoned worker's productivity",
        label_zh="新员工技能",
        doc_zh="新员工入职时的技能",
    )
    skill_learning_months: float = param(
        18.0,
        1.0,
        120.0,
        unit="months",
        doc="e-folding time of learning on the job",
        source="assumed: learning curves of manufacturing work",
        label_zh="在岗学习时间",
        doc_zh="在岗学习使技能差距缩小到约37%所需的时间",
    )

    # --- commitment and embeddedness ---
    commitment_adaptation: float = param(
        0.1,
        0.01,
        1.0,
        unit="1/month",
        doc="share of the gap to target commitment closed each month",
        source="assumed: commitment moves slowly (Meyer & Allen 1991)",
        label_zh="承诺的调整速度",
        doc_zh="每月缩小与目标组织承诺之间差距的比例",
    )
    commitment_attitude_weight: float = param(
        0.5,
        0.0,
        1.0,
        unit="weight",
        doc="weight of job attitude (S - D) in commitment",
        source="assumed: job attitude is the largest correlate of affective commitment (Meyer et al. 2002)",
        label_zh="工作态度对承诺的权重",
        doc_zh="工作态度（满意减不满）在组织承诺中的权重",
    )
    commitment_fit_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of value fit in commitment",
        source="assumed: person-organisation fit, the next correlate (Kristof-Brown et al. 2005)",
        label_zh="价值观契合对承诺的权重",
        doc_zh="价值观契合度在组织承诺中的权重",
    )
    commitment_vision_weight: float = param(
        0.2,
        0.0,
        1.0,
        unit="weight",
        doc="weight of belief in the shared vision in commitment",
        source="source document: shared vision gives belonging",
        label_zh="共同愿景对承诺的权重",
        doc_zh="对共同愿景的信念在组织承诺中的权重",
    )
    embeddedness_links_weight: float = param(
        0.4,
        0.0,
        1.0,
        unit="weight",
        doc="weight of ties in embeddedness",
        source="Mitchell et al. 2001 job embeddedness: links, fit, sacrifice",
        label_zh="人际联系对工作嵌入的权重",
        doc_zh="人际联系在工作嵌入中的权重",
    )
    embeddedness_fit_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of fit in embeddedness",
        source="Mitchell et al. 2001",
        label_zh="匹配对工作嵌入的权重",
        doc_zh="匹配程度在工作嵌入中的权重",
    )
    embeddedness_sacrifice_weight: float = param(
        0.3,
        0.0,
        1.0,
        unit="weight",
        doc="weight of what leaving costs in embeddedness",
        source="Mitchell et al. 2001",
        label_zh="离职代价对工作嵌入的权重",
        doc_zh="离职要付出的代价在工作嵌入中的权重",
    )

    # --- relationship stages ---
    cognition_months: int = param(
        3,
        1,
        24,
        unit="months",
        doc="length of the cognition stage",
        source="assumed: probation",
        label_zh="认知阶段月数",
        doc_zh="认知阶段的长度",
    )
    exploration_months: int = param(
        12,
        2,
        60,
        unit="months",
        doc="tenure at which exploration ends",
        source="assumed: the first year is when most early turnover happens",
        label_zh="探测阶段结束时的司龄",
        doc_zh="探测阶段在司龄达到这么多个月时结束",
    )
    commitment_stage_level: float = param(
        0.6,
        0.0,
        1.0,
        unit="commitment",
        doc="commitment that moves an employee from expansion to commitment",
        source="assumed: clearly above the neutral 0.5",
        label_zh="进入承诺阶段的承诺水平",
        doc_zh="员工从扩大阶段进入承诺阶段所需的组织承诺水平",
    )
    recovery_intent: float = param(
        0.35,
        0.0,
        0.95,
        unit="probability",
        doc="intention below which an employee in dissolution returns",
        source="assumed: hysteresis",
        label_zh="走出解除阶段的离职意向",
        doc_zh="处于解除阶段的员工离职意向低于此值时回到原来的阶段",
    )

    # --- clients (ERM -> CRM) ---
    service_churn_sensitivity: float = param(
        3.0,
        0.0,
        10.0,
        unit="log-churn per service",
        doc="how fast client churn rises as service falls",
        source="assumed: dual satisfaction (source document); Heskett et al. 1994 service-profit chain",
        label_zh="客户流失对服务的敏感度",
        doc_zh="服务水平下降时客户流失上升得多快",
    )

    # --- culture ---
    socialisation: float = param(
        0.02,
        0.0,
        0.5,
        unit="1/month",
        doc="share of the gap to the firm's values closed each month, times culture strength",
        source="assumed: Schein 1985; source document: values shared only when repeated",
        label_zh="价值观同化速度",
        doc_zh="每月缩小与企业价值观之间差距的比例（再乘以文化强度）",
    )
    culture_adaptation: float = param(
        0.05,
        0.0,
        1.0,
        unit="1/month",
        doc="share of the gap between culture strength and the workforce's committed fit closed each month",
        source="assumed: culture strength follows the workforce over about two years",
        label_zh="文化强度的调整速度",
        doc_zh="每月缩小文化强度与员工认同程度之间差距的比例",
    )
    vision_memory: float = param(
        12.0,
        1.0,
        120.0,
        unit="months",
        doc="e-folding time of a vision's strength without review",
        source="source document: review the vision at least yearly",
        label_zh="愿景的记忆时间",
        doc_zh="不检视时，共同愿景的力度衰减到原来的约37%所需的时间",
    )

    # --- sorting ---
    applicant_incentive_sorting: float = param(
        0.2,
        0.0,
        1.0,
        unit="log-ability per incentive",
        doc="shift of applicants' ability with the incentive strength of the role's pay",
        source="Lazear 2000 (Safelite): of the 44% piece-rate gain about half came from sorting (ln 1.2 / 0.9)",
        label_zh="激励对应聘者的筛选作用",
        doc_zh="岗位工资的激励强度使应聘者能力变化的幅度",
    )
    applicant_pay_sorting: float = param(
        0.3,
        0.0,
        2.0,
        unit="log-ability per log-pay",
        doc="shift of applicants' ability with the pay premium over the market",
        source="assumed: efficiency wages attract abler applicants",
        label_zh="工资对应聘者的筛选作用",
        doc_zh="工资高于市场水平使应聘者能力变化的幅度",
    )
    offer_ability_elasticity: float = param(
        1.0,
        0.0,
        3.0,
        unit="elasticity",
        doc="how outside offers scale with ability",
        source="assumed: outside offers are proportional to ability (the market pays for what it can see)",
        label_zh="外部工作机会与能力的关系",
        doc_zh="外部工作机会的价值随能力变化的弹性",
    )
    client_offer_premium: float = param(
        0.04,
        0.0,
        1.0,
        unit="share of revenue",
        doc="share of the monthly revenue of the clients who would follow that a rival adds to its offer",
        source="assumed: a rival passes on part of the margin on the clients (a few percent of revenue); source document: key salespeople leave with their clients",
        label_zh="带走客户的身价",
        doc_zh="竞争对手在录用条件中加上的、会跟着走的客户月收入的比例",
    )
