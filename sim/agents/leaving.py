"""Leaving a job: searching, offers, the decision, the job's fit learned over the first months,
personal shocks, and the raise people expect (a mixin of :class:`sim.agents.psychology.Psychology`).

The quit process is bounded: people search with a probability (a logistic function of what pushes
them out), offers arrive at a finite rate that a tight market raises, and an offer is taken when it
is worth more than staying. So a month's quit hazard can never exceed the offer rate (times the
market's tightness), however strong the push; whether firms stay stable is then a result, checked
by ``sim.robustness``.
"""

from __future__ import annotations

from sim.params import Spec, param


class Leaving(Spec):
    """Parameters of leaving and of learning the job."""

    # --- quitting: search, offers and the decision (Lee & Mitchell 1994; March & Simon 1958) ---
    search_threshold: float = param(
        5.52,
        0.0,
        10.0,
        unit="log-odds",
        doc="push toward the door at which half of the people search for another job",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 1 to 6: the push at which half of people search; sets the level of turnover",
        label_zh="开始找工作的推力阈值",
        doc_zh="离职推力达到这一水平时，一半的人会去找别的工作",
    )
    offer_rate: float = param(
        0.436,
        0.0,
        1.0,
        unit="offers/month",
        doc="offers a month to someone searching, in a balanced market",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 0.05 to 0.6: offers a month to a searcher: one in twenty months to one in less than two; on-the-job searchers find a job within a few months (Fallick & Fleischman 2004)",
        label_zh="求职者每月获得的工作机会",
        doc_zh="供求平衡的市场上，正在找工作的人每月得到的工作机会",
    )
    unsolicited_offer_rate: float = param(
        0.02,
        0.0,
        0.5,
        unit="offers/month",
        doc="offers a month to someone not searching (headhunters, friends, rivals)",
        source="assumed: an approach every four years or so for someone not looking",
        label_zh="未求职者每月获得的工作机会",
        doc_zh="没在找工作的人每月得到的工作机会（猎头、朋友、竞争对手）",
    )
    offer_tightness_elasticity: float = param(
        0.409,
        0.0,
        2.0,
        unit="elasticity",
        doc=(
            "elasticity of the offers a person gets to the market's tightness (openings per "
            "job seeker, 1 / (1 - shortage) of a balanced market's)"
        ),
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 0 to 1.5: elasticity of offers to the market's tightness: what the cycle target fits; Petrongolo & Pissarides 2001: a job seeker's arrival rate rises with tightness at an elasticity of about 0.3-0.5",
        label_zh="工作机会对劳动力市场紧张程度的弹性",
        doc_zh="一个人得到的工作机会对劳动力市场紧张程度（每个求职者面对的空缺数，为供求平衡市场的 1/(1−短缺) 倍）的弹性",
    )
    settling_months: float = param(
        0.727,
        0.1,
        24.0,
        unit="months",
        doc="e-folding time over which a newcomer, who has just found this job, starts looking again",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 0.5 to 6: a newcomer starts to look again within weeks to half a year; a new hire has just ended a search; Farber 1994 (hazard low in the first month)",
        label_zh="新员工安顿期",
        doc_zh="刚找到这份工作的新员工过多久又开始留意其他机会",
    )
    offer_value_spread: float = param(
        1.0,
        0.05,
        3.0,
        unit="log-points",
        doc="spread of what outside jobs are worth against this one (pay, amenities, the new match)",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 0.2 to 1.5: dispersion of outside jobs' worth in log points; sets the response to pay",
        label_zh="外部工作价值的离散程度",
        doc_zh="外部工作相对于现在这份工作的价值差异（工资、待遇、新的匹配）",
    )
    mobility_cost: float = param(
        0.2,
        0.0,
        2.0,
        unit="log-points",
        doc="how much better an outside job must be to be worth the move",
        source="assumed: moving costs a few months of pay",
        label_zh="跳槽成本",
        doc_zh="外部工作要好多少才值得跳槽",
    )
    sacrifice_attachment: float = param(
        1.0,
        0.0,
        5.0,
        unit="log-points per sacrifice",
        doc="extra value an offer must have per unit of what leaving would cost",
        source="Mitchell et al. 2001 (sacrifice keeps people)",
        label_zh="离职代价的挽留作用",
        doc_zh="离职代价每多一个单位，外部机会需要多出的价值",
    )
    quit_hygiene: float = param(
        2.0,
        0.0,
        10.0,
        unit="log-odds",
        doc="push toward searching per unit of dissatisfaction",
        source="assumed; Griffeth et al. 2000 meta-analysis: satisfaction-quit links are modest",
        label_zh="不满对求职的推力",
        doc_zh="每单位不满推动员工去找工作的力量",
    )
    quit_motivator: float = param(
        1.0,
        0.0,
        10.0,
        unit="log-odds",
        doc="push per unit of unmet belonging, esteem or self-actualisation need",
        source="assumed: unmet higher needs push out half as strongly as dissatisfaction (Herzberg: hygiene drives leaving)",
        label_zh="未满足需要的推力",
        doc_zh="社会、尊重或自我实现需要每欠缺一个单位带来的推力",
    )
    quit_inequity: float = param(
        2.5,
        0.0,
        10.0,
        unit="log-odds",
        doc="push per unit of felt inequity",
        source="source document: internal unfairness is the main exit cause",
        label_zh="不公平感的推力",
        doc_zh="每单位不公平感带来的推力",
    )
    quit_commitment: float = param(
        1.5,
        0.0,
        10.0,
        unit="log-odds",
        doc="push per unit of missing commitment",
        source="Meyer et al. 2002 meta-analysis",
        label_zh="缺乏承诺的推力",
        doc_zh="组织承诺每欠缺一个单位带来的推力",
    )
    quit_embeddedness: float = param(
        0.8,
        0.0,
        10.0,
        unit="log-odds",
        doc="push per unit of missing embeddedness",
        source="Mitchell et al. 2001",
        label_zh="缺乏嵌入的推力",
        doc_zh="工作嵌入每欠缺一个单位带来的推力",
    )
    quit_contagion: float = param(
        1.5,
        0.0,
        10.0,
        unit="log-odds",
        doc="push per unit of exposure to colleagues leaving and their mood",
        source="Felps et al. 2009 turnover contagion",
        label_zh="离职传染的推力",
        doc_zh="每单位同事离职及其情绪的影响带来的推力",
    )
    quit_mismatch: float = param(
        11.7,
        0.0,
        30.0,
        unit="log-odds per fit",
        doc="push per unit by which a person believes the job fits them worse than an average job",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 1 to 15: push per unit of believed misfit; shapes exits by tenure (Jovanovic 1979); the tenure profile of exits (Farber 1994); Jovanovic 1979",
        label_zh="不匹配的推力",
        doc_zh="员工认为这份工作比一般工作更不适合自己，每差一个单位带来的推力",
    )
    quit_hardship: float = param(
        1.0,
        0.0,
        10.0,
        unit="log-odds",
        doc="push while a personal hardship lasts (times the share the firm does not help with)",
        source="Lee & Mitchell 1994 (a shock sets off a search)",
        label_zh="个人困难的推力",
        doc_zh="个人困难持续期间的推力（乘以企业没有帮上忙的比例）",
    )
    early_quit_factor: float = param(
        0.5,
        0.05,
        1.0,
        unit="share",
        doc="share of the quit hazard acted on before the contract ends (leaving early forfeits year-end pay and references); at the contract's end intention decides",
        source="assumed: Chinese labour contracts run a year and early exits cost (Labour Law 1994); source document: Shengyi's staff intend not to renew before New Year",
        label_zh="合同期内离职的比例",
        doc_zh="合同到期之前就付诸行动的离职风险比例（提前离职要放弃年终收入和推荐）；合同到期时由离职意向决定",
    )
    non_renewal_intent: float = param(
        0.5,
        0.05,
        0.95,
        unit="probability",
        doc="intention to quit above which an employee does not renew at contract end",
        source="MODEL_SKETCH",
        label_zh="不续约的离职意向阈值",
        doc_zh="离职意向高于此值的员工合同到期时不再续签",
    )

    # --- learning the job's fit (Jovanovic 1979) and personal shocks (Lee & Mitchell 1994) ---
    match_sd: float = param(
        0.303,
        0.0,
        1.0,
        unit="fit",
        doc="spread of how well a job fits the person who takes it (on the scale of the perceived factors)",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 0.05 to 0.4: how much jobs differ in fit; the share of exits that are learnt misfits; the tenure profile of exits (Farber 1994); Jovanovic 1979",
        label_zh="工作匹配度的离散程度",
        doc_zh="一份工作与接受它的人之间匹配程度的差异（以感知因素的尺度计）",
    )
    match_signal_sd: float = param(
        0.105,
        0.01,
        3.0,
        unit="fit",
        doc="noise of what one month in the job tells about its fit",
        source="calibrated jointly to the declared targets (docs/validation.md, calibration/default_model.json); prior 0.1 to 1: noise of a month's experience; how quickly misfits are found (the hazard's peak); the tenure profile of exits peaks within months (Farber 1994)",
        label_zh="每月经验的噪声",
        doc_zh="在岗一个月能看出的匹配程度有多大误差",
    )
    newcomer_optimism: float = param(
        0.1,
        -0.5,
        0.5,
        unit="fit",
        doc="how much better than average a newcomer expects the job to fit (they just chose it)",
        source="Boswell, Boudreau & Tichy 2005 (the honeymoon-hangover effect)",
        label_zh="新员工的乐观预期",
        doc_zh="新员工预期这份工作比一般工作更适合自己的程度（毕竟是自己选的）",
    )
    work_itself_per_fit: float = param(
        1.0,
        0.0,
        3.0,
        unit="work itself per fit",
        doc="felt interest of the work itself per unit of believed fit",
        source="assumed: a job that fits is a job one likes (Kristof-Brown et al. 2005)",
        label_zh="匹配度对工作本身的影响",
        doc_zh="自认为的匹配度每高一个单位，工作本身的吸引力增加多少",
    )
    life_shock_rate: float = param(
        0.004,
        0.0,
        0.1,
        unit="1/month",
        doc="monthly chance of a personal event (a spouse's move, a family illness) that bears on staying",
        source="assumed: about one in twenty people a year; Lee & Mitchell 1994 (shocks)",
        label_zh="个人事件的发生率",
        doc_zh="每月发生影响去留的个人事件（配偶调动、家人生病）的概率",
    )
    life_exit_share: float = param(
        0.3,
        0.0,
        1.0,
        unit="share",
        doc="share of personal events that end the job at once, whatever the job (Lee & Mitchell path 1)",
        source="Lee et al. 1996: a sizeable minority of leavers follow a script after a shock",
        label_zh="个人事件直接导致离职的比例",
        doc_zh="个人事件中无论工作如何都会立即离职的比例（Lee & Mitchell 的第一种路径）",
    )
    help_keeps: float = param(
        0.7,
        0.0,
        1.0,
        unit="share",
        doc="share of the exits after a personal event avoided when the firm notices and helps",
        source="assumed: source document, emotional care (the Nanjing bus home)",
        label_zh="企业帮助挽留的比例",
        doc_zh="企业注意到并提供帮助时，能避免的个人事件离职比例",
    )
    hardship_months: float = param(
        3.0,
        0.0,
        24.0,
        unit="months",
        doc="how long a personal event that does not end the job keeps pushing toward the door",
        source="assumed: a quarter",
        label_zh="个人困难持续月数",
        doc_zh="没有导致离职的个人事件持续推动离职多久",
    )
    roots_weight: float = param(
        0.2,
        0.0,
        1.0,
        unit="weight",
        doc="weight of ties to the place (family, home, community) in embeddedness",
        source="Mitchell et al. 2001 (community links and fit)",
        label_zh="地缘纽带在工作嵌入中的权重",
        doc_zh="与当地的联系（家庭、家乡、社区）在工作嵌入中的权重",
    )
    expectation_months: float = param(
        12.0,
        1.0,
        120.0,
        unit="months",
        doc="e-folding time over which the raise people expect follows what they see",
        source="assumed: expectations adjust within a year or two (Bewley 1999)",
        label_zh="加薪预期的调整时间",
        doc_zh="员工预期的加薪幅度跟上所见情况所需的时间",
    )
    own_raise_weight: float = param(
        0.5,
        0.0,
        1.0,
        unit="share",
        doc="weight of one's own pay history, against the market's wage growth, in the raise one expects",
        source="assumed: people look at their own raises and at what the market pays (Bewley 1999)",
        label_zh="自身加薪历史在预期中的权重",
        doc_zh="在预期的加薪中，自己过去的加薪相对于市场工资增长的权重",
    )

    # --- contagion and the social network ---
    contagion_memory: float = param(
        3.0,
        0.5,
        24.0,
        unit="months",
        doc="e-folding time of the memory of colleagues who left",
        source="MODEL_SKETCH: the last quarter",
        label_zh="对离职同事的记忆时间",
        doc_zh="对离职同事的记忆衰减到原来的约37%所需的时间",
    )
    leader_weight: float = param(
        3.0,
        1.0,
        10.0,
        unit="ratio",
        doc="how much more an informal leader's departure and mood weigh",
        source="source document: informal leaders spread mood",
        label_zh="领头人的影响倍数",
        doc_zh="非正式组织领头人的离职和情绪影响大多少倍",
    )
    mood_weight: float = param(
        0.3,
        0.0,
        2.0,
        unit="weight",
        doc="weight of neighbours' mean intention to quit in contagion",
        source="assumed: colleagues' intentions weigh less than their actual departures (Felps et al. 2009); above ~0.5 mood feeds on itself and ordinary firms tip",
        label_zh="周围同事情绪的权重",
        doc_zh="周围同事的平均离职意向在离职传染中的权重",
    )
