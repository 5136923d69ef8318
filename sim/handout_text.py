"""The words of the handouts (``orgsim handout``), in English and Simplified Chinese.

For each case of :data:`sim.cases.CASES`: what the source document claims (digested in CASES.md;
quoted in our own words), three or four questions for a class, and the Chinese of each fact that
:mod:`sim.cases` measures (its claim, statistic and target). The story comes from the scenario file
(``story``/``story_zh``) and the numbers from the runs; nothing here is a result.
``tests/test_handout.py`` fails if a case or a fact has no text here in either language.
"""

from __future__ import annotations

from dataclasses import dataclass

CASE_NAMES = (
    "money_raise",
    "performance_pay",
    "lincoln",
    "haier",
    "shengyi",
    "forced_ranking",
    "labour_shortage",
    "walmart",
)


@dataclass(frozen=True)
class CaseText:
    scenario: str  # the scenario whose story opens the handout
    claim: str
    claim_zh: str
    questions: tuple[str, ...]
    questions_zh: tuple[str, ...]

    def claim_in(self, lang: str) -> str:
        return self.claim_zh if lang == "zh" else self.claim

    def questions_in(self, lang: str) -> tuple[str, ...]:
        return self.questions_zh if lang == "zh" else self.questions


CASES: dict[str, CaseText] = {
    "shengyi": CaseText(
        "shengyi",
        "The source document reads Shengyi's collapse in four levels. First, the few key salespeople "
        "who hold most of the clients leave and take their clients with them; income falls and the "
        "firm's cash chain breaks. Second, a culture held together only by money cannot survive once "
        "the money stops. Third, the staff see rivals doing well and their own prospects gone; "
        "pessimism spreads, more key people leave and the middle managers resign one after another. "
        "Fourth, ordinary staff resign in waves, nobody wanting to be the last one left: before New "
        "Year's Day more than half of the staff mean not to renew their contracts. A firm with a shared "
        "vision, fair appraisal and a collective life would not have cascaded.",
        "原文把盛益公司的崩溃分为四个层次：第一，掌握大部分客户的几名骨干销售离职并带走客户，收入下降，"
        "资金链断裂；第二，单靠金钱维系的文化在钱断了之后无以为继；第三，员工看到竞争对手活得很好而自己的"
        "“钱景”破灭，悲观情绪蔓延，更多骨干离开，中层干部相继辞职；第四，普通员工成批辞职，谁都不愿意做"
        "最后留下的人——元旦之前，一半以上的员工打算不再续签合同。有共同愿景、公平考核和集体生活的企业"
        "不会出现这种连锁反应。",
        (
            "Which of the four levels do you see in the figure, and in which order? Which one would "
            "you have noticed first as the boss?",
            "The reformed twin changes only vision, appraisal, collective life and who owns the "
            "clients. Which of these do you think matters most, and how could you test it in the model?",
            "Money kept these people until it stopped. What does that say about a culture built on "
            "money alone?",
            "You are a key salesperson at Shengyi in month 6. What would make you stay?",
        ),
        (
            "图中能看到原文所说的哪几个层次？先后顺序如何？如果你是老板，最先会注意到哪一个信号？",
            "改革后的盛益公司只改变了愿景、考核、集体生活和客户归属。你认为哪一项最关键？怎样在模型中检验？",
            "金钱留住了这些人，直到钱断了为止。这说明单靠金钱建立的企业文化有什么问题？",
            "假设你是第6个月时盛益公司的一名骨干销售，什么能让你留下来？",
        ),
    ),
    "lincoln": CaseText(
        "lincoln_electric",
        "Lincoln Electric pays its production workers by the piece, with no minimum hourly wage, and "
        "pays nothing for a defective part until it is repaired. After two years everyone shares in a "
        "year-end bonus that has averaged 95.5% of base pay over 56 years, and nobody has been laid "
        "off since 1958: in a downturn people accept fewer hours (down to 30 a week), transfers and "
        "sometimes a lower-paid post. The pressure is high and some workers are anxious, yet "
        "productivity is about twice that of its competitors and turnover is among the lowest in US "
        "industry.",
        "林肯电气的生产工人按件计酬，没有最低小时工资；次品在返修合格之前不计报酬。工作满两年的员工分享年终奖金，"
        "56年来平均为基本工资的95.5%；自1958年起从未辞退员工——经济不景气时，员工接受减少工时（最少每周30小时）、"
        "调换工作，有时甚至接受较低的职位。这里压力很大，一些工人感到焦虑，但生产率约为竞争对手的两倍，"
        "员工流失率在美国制造业中属最低之列。",
        (
            "Piece rates and a competitive rating make for pressure; job security takes fear away. "
            "Which of the two does the figure suggest drives output, and which drives staying?",
            "In the recession hours fall instead of jobs. Who pays for the downturn at Lincoln, and "
            "who at the competitor?",
            "Could a firm copy the piece rate alone, without the bonus and the no-layoff promise? "
            "What would you expect, and how would you check it here?",
        ),
        (
            "计件工资和竞争性的考核带来压力，而职业保障消除了恐惧。从图中看，哪一个推动了产出，哪一个让人留了下来？",
            "经济衰退时减少的是工时而不是工作岗位。在林肯电气，谁为经济下滑付出代价？在竞争对手那里又是谁？",
            "一家企业能否只照搬计件工资，而不要年终奖和不裁员的承诺？你预计会怎样？怎样在模型中检验？",
        ),
    ),
    "haier": CaseText(
        "haier_redstar",
        "On 4 July 1995 the loss-making Red Star factory passed to Haier with all its debts. Haier "
        "brought no new machines; it brought its culture and its quality people ('to revitalise the "
        "assets, revitalise the people'). Managers, not workers, were to carry at least 80% of the "
        "responsibility; every step of production was audited with rewards and penalties; 34 "
        "departments became 5 and an institute; 105 middle managers competed openly for 45 posts; "
        "promotion was by open competition rather than appointment; 50 college-educated salespeople "
        "were hired and suppliers had to bid. The factory made a profit from the third month, and "
        "its profit grew every month after.",
        "1995年7月4日，亏损的红星电器厂连同全部债务划归海尔。海尔没有投入新设备，而是带去了企业文化和质量管理人员"
        "（“盘活资产先盘活人”）。管理者而不是工人承担至少80%的责任；每道工序实行质量审核，奖罚分明；34个处室精简为"
        "5部1所；105名中层干部通过公开竞争只留下45名；用“赛马”取代“相马”；招聘50多名大学生营销人员，供应商实行招标。"
        "工厂从第三个月起扭亏为盈，此后利润逐月增长。",
        (
            "Nothing physical changed at Red Star. What, in the model, turns the loss into a profit "
            "within three months?",
            "Half the middle managers lost their posts in an open competition. What did that do to "
            "those who stayed, and to the workers?",
            "Red Star without Haier has the same people and machines. Why does it stay in loss?",
            "Which of Haier's steps would you take first in a firm you know, and why?",
        ),
        (
            "红星厂的设备没有任何变化。在模型中，是什么使工厂在三个月内扭亏为盈？",
            "一半的中层干部在公开竞争中失去了职位。这对留下来的干部和普通工人有什么影响？",
            "没有海尔的红星厂人员和设备都一样，为什么它仍然亏损？",
            "如果在你熟悉的一家企业推行，你会先采取海尔的哪一项措施？为什么？",
        ),
    ),
    "money_raise": CaseText(
        "money_raise",
        "Money is a double-edged sword. One study credits it with raising productivity by 30%, more than "
        "any other method, but its effect falls as pay rises. The source document's example is a raise "
        "of 500 a month: at a salary of 1,000 the employee is flattered; at 2,000 fairly satisfied; at "
        "3,000 feels nothing special; at 5,000 is dissatisfied ('am I worth so little?'); at 10,000 the "
        "raise has no effect or backfires into resentment and lower efficiency.",
        "金钱是一把双刃剑。有研究认为，金钱能使生产率提高30%，是所有激励方法中最多的；但随着工资水平上升，它的作用会递减。"
        "原文的例子是每月加薪500元：月薪1000元的员工受宠若惊；2000元的比较满意；3000元的觉得没什么特别；"
        "5000元的感到不满（“难道我只值这么点钱？”）；10000元的则毫无作用，甚至适得其反，引起怨气、降低效率。",
        (
            "Why would the same 500 please one person and insult another? Which part of the model "
            "makes that happen?",
            "If you had 2,500 a month to spend on raises across these five grades, how would you "
            "spend it?",
            "What else, besides money, could reward the people on 5,000 and 10,000?",
        ),
        (
            "同样是500元，为什么有人受宠若惊，有人却觉得受了侮辱？模型中的哪一部分造成了这种差别？",
            "如果每月有2500元可以用于这五个工资等级的加薪，你会怎样分配？",
            "除了金钱，还有什么可以激励月薪5000元和10000元的员工？",
        ),
    ),
    "performance_pay": CaseText(
        "performance_pay",
        "The source document cites a study in which money raised productivity by 30%, the most of any "
        "incentive, and notes that money works best on new graduates and on people who work for money. "
        "Moving a salaried workforce to pay by results should therefore raise output per person by "
        "about a third in the short run.",
        "原文引用的一项研究表明，金钱能使生产率提高30%，是所有激励方法中效果最大的；原文还指出，金钱对刚毕业的学生和"
        "看重金钱的人最有效。因此，把拿固定工资的员工改为按绩效计酬，短期内人均产出应提高约三分之一。",
        (
            "Where does the extra output come from: more effort, different people, or both? How could "
            "you tell them apart in the model?",
            "The piece rate has a floor. What would change without it?",
            "Would the gain last? What would you watch over the next two years?",
        ),
        (
            "增加的产出从哪里来：更努力，还是换了一批人，或者两者都有？在模型中怎样区分？",
            "计件工资保留了底薪。如果没有底薪，会有什么变化？",
            "这种提高能持续吗？在接下来的两年里你会关注哪些指标？",
        ),
    ),
    "forced_ranking": CaseText(
        "forced_ranking",
        "Negative incentives include criticism, fines, demotion and bottom-ranking elimination. The "
        "source document gives three rules for eliminating the lowest-ranked: give them a chance to "
        "improve (train them, appraise them again, and dismiss only those who still do not improve); "
        "do not appraise too often (half-yearly or yearly; more often threatens people's need for "
        "safety and adds stress); and be open about the criteria, the method and the result.",
        "负激励包括批评、罚款、降级和末位淘汰。原文给出了末位淘汰的三条尺度：一是给予改进的机会（先培训，再考核，"
        "仍无进步者才淘汰）；二是考核不宜过于频繁（半年或一年一次为宜，过于频繁会威胁员工的安全需要、增加压力）；"
        "三是公开透明，告诉员工考核的标准、方法和结果。",
        (
            "Ranking raises output in the short run. Where does the gain go when it is done monthly "
            "and without the rules?",
            "Which of the three rules does the most for the safety need? Try them one at a time.",
            "Who leaves under forced ranking: the people ranked last, or others too?",
            "Is there a way of keeping the pressure without the fear?",
        ),
        (
            "末位淘汰在短期内提高了产出。如果每月考核且不守三条尺度，这些收益去了哪里？",
            "三条尺度中，哪一条对安全需要帮助最大？请逐一尝试。",
            "实行末位淘汰时，离开的只是排名最后的人，还是也有其他人？",
            "有没有办法既保持压力又不制造恐惧？",
        ),
    ),
    "labour_shortage": CaseText(
        "labour_shortage",
        "In Hangzhou the shortage of migrant workers was 18.28% of demand in January-August 2004 and "
        "34.25% in the third quarter, and many blamed firms that did not treat their workers well. The "
        "source document's counter-example: a Nanjing general manager paid more than 30,000 yuan for a "
        "bus to take his thirty-odd migrant employees home for the Spring Festival, when tickets could "
        "not be had, and to bring them back. Every one of them returned on time.",
        "2004年1—8月，杭州民工缺口占需求的18.28%，第三季度达到34.25%，许多人认为原因在于企业对工人不好。"
        "原文的反例是：南京一家企业的总经理在春节一票难求时，花3万多元包车送30多名外来员工回家过年，节后再接回来，"
        "结果所有人都按时返回。",
        (
            "The bus cost about 1,000 yuan a person. What did it buy the firm, in the model and in "
            "the story?",
            "Why does emotional care matter more in a tight labour market than in a slack one?",
            "What else could a firm do for migrant workers who travel home once a year?",
        ),
        (
            "包车的费用约为每人1000元。在模型和故事中，企业用这笔钱换来了什么？",
            "为什么在劳动力紧缺的市场中，情感激励比在劳动力充裕时更重要？",
            "对于每年只回一次家的外来务工人员，企业还能做些什么？",
        ),
    ),
    "walmart": CaseText(
        "walmart_respect",
        "Respect motivates. At Walmart's head office nobody has a reserved parking space, not even the "
        "founder. Walmart's leaders also manage by walking around: they leave their offices, listen to "
        "the staff and act as mentors rather than commanders.",
        "尊重是一种激励。在沃尔玛总部，任何人都没有专用停车位，创始人也不例外。沃尔玛的领导者还实行走动式管理："
        "走出办公室，倾听员工的意见，像导师而不是指挥官那样工作。",
        (
            "A parking space costs little. Why would its absence change how people feel about the "
            "firm?",
            "Which need does respect meet, and what happens to the needs above it?",
            "How would you know, as a manager, that walking around is working?",
        ),
        (
            "一个停车位花不了多少钱。为什么取消专用停车位会改变员工对企业的感受？",
            "尊重满足的是哪一层需要？它对更高层次的需要有什么影响？",
            "作为管理者，你怎样知道走动式管理起了作用？",
        ),
    ),
}

# fact (sim.cases.Outcome.fact) -> (claim, statistic, target) in Chinese
FACTS_ZH: dict[str, tuple[str, str, str]] = {
    "money_raise_falls_with_pay": (
        "同样的加薪，收入越高越不令人满意",
        "满意度的平均变化，从1000到10000元严格递减（数值为1000元与10000元之差）",
        "递减：1000 > 2000 > 3000 > 5000 > 10000",
    ),
    "money_raise_flatters_at_1000": (
        "月薪1000元的员工受宠若惊",
        "月薪1000元者满意度的变化（95%置信下限）",
        "> 0",
    ),
    "money_raise_backfires_at_5000": (
        "月薪5000元的员工觉得“难道我只值这么点钱”",
        "月薪5000元者满意度的变化（95%置信上限）",
        "< 0",
    ),
    "money_raise_backfires_at_10000": (
        "月薪10000元时加薪适得其反，引起怨气",
        "月薪10000元者满意度的变化（95%置信上限）",
        "< 0",
    ),
    "performance_pay_plus_30_percent": (
        "金钱使生产率提高30%，是所有方法中最多的",
        "第13–18个月人均产出的平均增幅",
        "0.30（0.20至0.40）",
    ),
    "lincoln_productivity_twice": (
        "生产率约为竞争对手的两倍",
        "第12–35个月人均产出之比，林肯电气/竞争对手（各种子平均）",
        "2.0（1.6至2.4）",
    ),
    "lincoln_turnover_far_lower": (
        "员工流失率在美国制造业中属最低之列",
        "第12–72个月年化自愿离职率之比，林肯电气/竞争对手",
        "< 0.6",
    ),
    "lincoln_no_layoffs_in_recession": (
        "自1958年起从未裁员，经济不景气时也是如此",
        "林肯电气72个月内的裁员人数（各种子中的最大值）",
        "0（竞争对手有裁员）",
    ),
    "lincoln_hours_fall_instead": (
        "经济不景气时减少工时，最少每周30小时",
        "衰退期间的平均工时（占每周40小时的比例）",
        "介于0.75（30小时）与0.95之间",
    ),
    "lincoln_bonus_near_95_percent": (
        "年终奖平均为基本工资的95.5%",
        "非衰退年份的年终奖/基本工资",
        "0.955（0.80至1.10）",
    ),
    "haier_profitable_by_month_3": (
        "兼并后第三个月起扭亏为盈",
        "第3个月有盈利的种子所占比例",
        ">= 0.8",
    ),
    "haier_keeps_improving": (
        "9月盈利2万元，10月7.6万元，11月10万元以上，12月150万元以上",
        "第7–12个月利润高于第3–5个月的种子所占比例",
        ">= 0.8",
    ),
    "redstar_without_haier_stays_in_loss": (
        "同一家工厂没有这些改革就无法扭亏",
        "第3–12个月平均亏损的种子所占比例",
        ">= 0.8",
    ),
    "shengyi_half_intend_not_to_renew": (
        "元旦之前一半以上的员工打算不续签合同",
        "第11个月超过50%的员工有离职意向的种子所占比例",
        "> 0.5（多数种子）",
    ),
    "shengyi_key_salespeople_leave_first": (
        "骨干销售最先离开，并带走核心客户",
        "到第6个月7名主要客户持有者离开的比例 / 其他员工离开的比例",
        "> 1.3",
    ),
    "shengyi_four_levels_in_order": (
        "骨干离职、收入下降、资金链断裂、员工成批辞职，依次发生",
        "中位月份：第一名骨干离开、收入低于85%、资金链断裂、离职人数最多的一个月",
        "骨干最先；收入与现金其次（顺序不限）；离职潮最后",
    ),
    "shengyi_resign_in_waves": (
        "普通员工成批辞职，谁都不愿做最后一个",
        "元旦（第12个月）离开的员工比例（中位数）",
        ">= 0.3",
    ),
    "shengyi_reformed_does_not_cascade": (
        "有共同愿景、公平考核和集体生活的企业不会出现连锁离职",
        "改革后的盛益公司在第11个月超过50%员工有离职意向的种子所占比例",
        "<= 0.1，且收入保持在第1个月的90%以上",
    ),
    "ranking_rules_keep_more_of_the_gain": (
        "遵守三条尺度可以保住收益",
        "人均产出，遵守尺度减去不守尺度（配对，95%置信下限）",
        "> 0",
    ),
    "ranking_rules_cost_less_security": (
        "三条尺度保护了员工的安全需要",
        "安全需要，遵守尺度减去不守尺度（配对，95%置信下限）",
        "> 0",
    ),
    "ranking_rules_cost_less_turnover": (
        "三条尺度减少了人员流失",
        "年化全部离职率，遵守尺度减去不守尺度（配对，95%置信上限）",
        "< 0",
    ),
    "monthly_appraisal_lowers_safety": (
        "考核过于频繁会威胁员工的安全需要",
        "安全需要，每月考核减去每年考核（配对，95%置信上限）",
        "< 0",
    ),
    "care_brings_nearly_all_back": (
        "有了情感激励，所有人都按时返回",
        "有情感激励时节后返回的外来员工平均比例",
        ">= 0.95",
    ),
    "without_care_many_do_not_return": (
        "对工人不好的企业会失去他们",
        "没有情感激励时节后未返回的外来员工平均比例",
        ">= 0.10，且在至少90%的种子中高于有情感激励的情形",
    ),
    "respect_raises_esteem": (
        "尊重和走动式管理满足了尊重需要",
        "尊重需要，沃尔玛做法减去讲究等级（配对，95%置信下限）",
        "> 0",
    ),
    "respect_lowers_turnover": (
        "受到尊重和倾听的人会留下来",
        "自愿离职率，沃尔玛做法减去讲究等级（配对，95%置信上限）",
        "< 0",
    ),
}

# the handout's own words: key -> (English, Chinese)
WORDS: dict[str, tuple[str, str]] = {
    "kicker": ("orgsim · case handout", "orgsim · 案例讲义"),
    "subtitle": (
        "{seeds} simulated runs per arm, on the same seeds (common random numbers) · {months} months",
        "每组模拟{seeds}次，各组使用相同的随机种子（共同随机数）· {months}个月",
    ),
    "story": ("The story", "案例故事"),
    "claim": ("What the source document says", "原文的观点"),
    "compares": ("What the figure compares", "图中比较的是"),
    "compares_text": (
        "The same firm and people in every arm; only what is listed differs: {arms}.",
        "各组的企业和员工完全相同，只有以下方面不同：{arms}。",
    ),
    "arm_sep": ("; ", "；"),
    "figure": ("The figure", "图"),
    "figure_note": (
        "Each line is the median over {seeds} runs; the band holds the middle 80% of runs (10th to "
        "90th percentile). Dotted lines mark events of the timeline.",
        "每条线为{seeds}次模拟的中位数；阴影为中间80%的模拟结果（第10至第90百分位）。点线标出时间线上的事件。",
    ),
    "facts": ("The facts, measured", "测量结果"),
    "facts_note": (
        "Each fact of the source document measured over {seeds} runs by sim/cases.py, the same code the "
        "project's tests check over 30. 'Holds' says whether the measured value meets the target; with "
        "few runs, a fact near its target can go either way.",
        "原文中的每一个事实都由 sim/cases.py 在{seeds}次模拟中测量，项目的测试用同样的代码在30次模拟中检验。"
        "“是否成立”表示测量值是否达到目标；模拟次数较少时，接近目标的结果可能有所不同。",
    ),
    "col_claim": ("The source document says", "原文"),
    "col_statistic": ("What is measured", "测量的是"),
    "col_value": ("Value", "数值"),
    "col_target": ("Target", "目标"),
    "col_holds": ("Holds?", "成立？"),
    "holds": ("yes", "成立"),
    "fails": ("no", "不成立"),
    "questions": ("Questions for discussion", "讨论题"),
    "try_app": (
        "Try it yourself in the classroom page: orgsim app.",
        "自己动手：在课堂页面中尝试（orgsim app）。",
    ),
    "try_compare": (
        "Try it yourself in the classroom page (orgsim app), or run orgsim compare {arms} --seeds 30.",
        "自己动手：在课堂页面中尝试（orgsim app），或运行 orgsim compare {arms} --seeds 30。",
    ),
    "page": ("{case} · orgsim {version} · page {n}", "{case} · orgsim {version} · 第{n}页"),
}


def word(key: str, lang: str, **fmt) -> str:
    pair = WORDS[key]
    out = pair[1] if lang == "zh" else pair[0]
    return out.format(**fmt) if fmt else out
