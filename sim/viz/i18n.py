"""Every word the browser app shows, in English and Simplified Chinese.

The Chinese uses the source document's own terms (员工关系管理, 保健因素, 激励因素, 末位淘汰, 生理需要 …
自我实现需要, 认知—探测—扩大—承诺—解除, 内部公平性, 外部竞争性, 归属感, 共同愿景, 跳槽, 不续签合同), so that a
class reading the document recognises them on the screen.

Names that come from elsewhere (policy titles, parameter labels, role and department names of a
scenario) are looked up in this order: the declaration itself (a policy's ``title_zh``, a parameter's
``label_zh`` in its ``json_schema_extra``, a scenario's ``title_zh``), then the glossaries below, then
the English name made readable. A missing translation shows English, never a blank.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

LANGUAGES = {"en": "English", "zh": "简体中文"}

# --- the interface ------------------------------------------------------------------------------
# key -> (English, Chinese). Placeholders in braces must match in both.
UI: dict[str, tuple[str, str]] = {
    "app_title": ("orgsim · the ERM classroom", "orgsim · 员工关系管理课堂"),
    "case": ("Case", "案例"),
    "case_b": ("Case B", "案例 B"),
    "invalid_case": ("this scenario file does not load", "该情景文件无法载入"),
    "seed": ("Seed", "随机种子"),
    "stop_at": ("Stop at month", "运行到第几个月"),
    "speed": ("Speed (months per second)", "速度（每秒月数）"),
    "run": ("Run", "运行"),
    "pause": ("Pause", "暂停"),
    "step": ("Step", "单步"),
    "reset": ("Reset", "重置"),
    "month_n": ("Month {n}", "第{n}个月"),
    "file_notes": ("Notes from the scenario file", "情景文件说明（英文）"),
    "no_story": ("This scenario has no story yet.", "该情景尚无说明。"),
    "story_en_only": (
        "(no Chinese story in the scenario file; shown in English)",
        "（情景文件中没有中文说明，以下为英文原文）",
    ),
    "policies": ("Policies", "管理政策"),
    "policies_help": (
        "Switch a policy on or off and set its parameters. A change restarts the run from month 0 "
        "with the same seed.",
        "开启或关闭一项政策并设置参数。任何改动都会以相同的随机种子从第0个月重新开始运行。",
    ),
    "editing": ("Policies of", "编辑政策："),
    "in_scenario": ("in the case", "案例原有"),
    "compare": ("Compare two policy sets", "对比两套政策"),
    "compare_help": (
        "A and B run side by side on the same seed (common random numbers): the same people, the "
        "same luck; only the policies differ.",
        "A 与 B 使用相同的随机种子并排运行（共同随机数）：员工相同、运气相同，只有政策不同。",
    ),
    "difference": ("Difference B − A", "差值 B − A"),
    "colour_satisfaction": ("satisfaction", "满意度"),
    "colour_intent": ("intention to quit", "离职意向"),
    "organisation": ("The organisation", "组织结构与人际网络"),
    "events": ("What happened", "事件记录"),
    "no_events": ("Nothing has happened yet. Press Run or Step.", "尚无事件。请按“运行”或“单步”。"),
    "export": ("Export", "导出"),
    "export_metrics": ("Metrics CSV", "指标 CSV"),
    "export_events": ("Events CSV", "事件 CSV"),
    "export_charts": ("Charts PNG", "图表 PNG"),
    "export_network": ("Organisation PNG", "组织图 PNG"),
    "restarted": (
        "Policies changed: the run restarted from month 0 with the same seed.",
        "政策已更改：以相同的随机种子从第0个月重新开始。",
    ),
    "scenario_error": ("That input cannot be used:\n{detail}", "该输入无法使用：\n{detail}"),
    "not_a_number": ("{field}: “{text}” is not a number.", "{field}：“{text}”不是一个数字。"),
    "not_an_integer": ("{field}: “{text}” is not a whole number.", "{field}：“{text}”不是整数。"),
    "out_of_bounds": (
        "{field}: {value} is outside the allowed range {lo} … {hi}.",
        "{field}：{value} 超出允许范围 {lo} … {hi}。",
    ),
    "model_error": (
        "The simulation stopped at month {month}: {message}",
        "模拟在第{month}个月停止：{message}",
    ),
    "end_of_run": ("Reached month {month}.", "已运行到第{month}个月。"),
    "legend_staff": ("staff", "普通员工"),
    "legend_manager": ("manager", "管理人员"),
    "legend_executive": ("executive", "高层"),
    "legend_leader": ("informal leader", "非正式组织领头人"),
    "legend_left": ("left (fading)", "已离职（渐隐）"),
    "net_satisfaction": (
        "satisfaction − dissatisfaction (motivators − hygiene factors)",
        "满意 − 不满（激励因素 − 保健因素）",
    ),
    "intent_scale": (
        "intention to quit (chance of leaving within a year)",
        "离职意向（一年内离开的可能性）",
    ),
    "people_count": ("{n} people", "{n}人"),
    "team_tie_note": (
        "discs are teams; grey lines are informal ties",
        "圆圈为团队；灰线为非正式人际关系",
    ),
    "arm_title_a": ("A: {title}", "A：{title}"),
    "arm_title_b": ("B: {title}", "B：{title}"),
    "same_case_changed": ("{title} (my changes)", "{title}（我的修改）"),
    "footer": (
        "orgsim — an agent-based simulator; every mechanism and source is documented in docs/.",
        "orgsim —— 基于主体的模拟器；所有机制及其来源见 docs/ 文档。",
    ),
}

# --- charts ---------------------------------------------------------------------------------------
# The panels' titles and the labels of series derived from the monthly columns (smoothed, added up,
# summed). A column plotted or shown as it is takes its declared label from sim/outcomes.py.
CHART: dict[str, tuple[str, str]] = {
    "headcount_title": ("Headcount, hires, exits", "员工人数、招聘与离职"),
    # the key of the flows under the headcount: short, as 招聘人数 (the declared label of hires)
    # pushes the panel's key past its edge
    "hires": ("hires", "招聘"),
    "exits": ("exits", "离职"),
    "satisfaction_title": ("Satisfaction, dissatisfaction", "满意与不满（双因素）"),
    "needs_title": ("The five needs (Maslow)", "五个需要层次（马斯洛）"),
    "turnover_title": ("Turnover, intent to leave", "员工流失率与离职意向"),
    "turnover": ("turnover a year (3-mo mean)", "年化离职率（3个月平均）"),
    "effort_title": ("Effort and output", "工作努力与产出"),
    "effort_scale": ("{label} (1 = standard)", "{label}（1 = 标准）"),  # {label}: mean_effort's
    "money_title": ("Monthly revenue, profit", "每月收入与利润"),
    "cash_title": ("Cash", "现金"),
    "clients_title": ("Clients", "客户"),
    "clients_lost": ("lost with leavers", "随离职流失（累计）"),
    "exits_so_far": ("exits so far", "累计离职人数"),
    "profit_so_far": ("profit so far", "累计利润"),
}

NEED_LABELS: dict[str, tuple[str, str]] = {
    "physiological": ("physiological", "生理需要"),
    "safety": ("safety", "安全需要"),
    "belonging": ("belonging", "社会需要（归属）"),
    "esteem": ("esteem", "尊重需要"),
    "self_actualization": ("self-actualisation", "自我实现需要"),
}

NEED_SHORT: dict[str, tuple[str, str]] = {
    "physiological": ("physiol.", "生理"),
    "safety": ("safety", "安全"),
    "belonging": ("belong.", "社会"),
    "esteem": ("esteem", "尊重"),
    "self_actualization": ("self-act.", "自我实现"),
}

STAGE_LABELS: dict[str, tuple[str, str]] = {
    "cognition": ("cognition", "认知"),
    "exploration": ("exploration", "探测"),
    "expansion": ("expansion", "扩大"),
    "commitment": ("commitment", "承诺"),
    "dissolution": ("dissolution", "解除"),
}

# --- why people leave ----------------------------------------------------------------------------
# One plain phrase per recorded driver of the quit hazard (sim.agents.psychology.DRIVERS).
DRIVER_LABELS: dict[str, tuple[str, str]] = {
    "pay": ("dissatisfied with pay", "对薪酬不满"),
    "security": ("fear of losing the job", "缺乏安全感（担心失去工作）"),
    "supervision": ("the way they were managed", "不满上级的管理方式"),
    "conditions": ("working conditions and rules", "不满工作条件与制度"),
    "belonging": ("no sense of belonging", "缺乏归属感"),
    "esteem": ("not respected or recognised", "得不到尊重与认可"),
    "growth": ("no room to grow", "缺乏职业发展空间"),
    "equity": ("unfair pay against peers", "内部缺乏公平感"),
    "commitment": ("little attachment to the firm", "对企业缺乏认同与承诺"),
    "outside_option": ("better pay elsewhere", "外部缺乏竞争力（别处薪酬更高）"),
    "contagion": ("colleagues leaving", "同事接连离职"),
    "fit": ("the job did not suit them", "工作与自己不匹配"),
    "personal": ("personal or family reasons", "个人或家庭原因"),
}

EXIT_VERBS: dict[str, tuple[str, str]] = {
    "quit": ("left", "辞职"),
    "non_renewal": ("did not renew the contract", "不续签合同"),
    "dismissal": ("was dismissed", "被辞退"),
    "layoff": ("was laid off", "被裁员"),
}

EVENT_NAMES: dict[str, tuple[str, str]] = {
    "hire": ("hired", "招聘"),
    "quit": ("quit", "辞职"),
    "non_renewal": ("did not renew", "不续签合同"),
    "dismissal": ("dismissal", "辞退"),
    "layoff": ("layoff", "裁员"),
    "clients_followed": ("clients followed a leaver", "客户随离职员工流失"),
    "promotion": ("promotion", "晋升"),
    "demotion": ("demotion", "降级"),
    "retraining": ("retraining", "培训"),
    "transfer": ("transfer", "工作调换"),
    "fine": ("fine", "罚款"),
    "bonus": ("bonus", "奖金"),
    "takeover": ("takeover", "兼并划归"),
    "return": ("returned", "返岗"),
    "stranded": ("could not return", "未能返岗"),
}

SENTENCE: dict[str, tuple[str, str]] = {
    "exit": (
        "Month {month} · {role} #{uid}, {tenure}{leader}, {verb}{because}{clients}.",
        "第{month}个月 · {role} #{uid}（{tenure}{leader}）{verb}{because}{clients}。",
    ),
    "because": (": {drivers}", "：{drivers}"),
    "driver_share": ("{driver} {share}%", "{driver} {share}%"),
    "driver_sep": (", ", "，"),
    "took_clients": ("; took {n} clients", "；带走{n}个客户"),
    "took_one_client": ("; took 1 client", "；带走1个客户"),
    "leader": (", informal leader", "，非正式组织领头人"),
    "hires": ("Month {month} · hired {n}: {who}.", "第{month}个月 · 招聘{n}人：{who}。"),
    "hire_group": ("{role} ×{n}", "{role}×{n}"),
    "hire_sep": (", ", "、"),
    "other": (
        "Month {month} · {event}: {role} #{uid}.",
        "第{month}个月 · {event}：{role} #{uid}。",
    ),
    "other_firm": ("Month {month} · {event}.", "第{month}个月 · {event}。"),
    "tenure_new": ("just hired", "刚入职"),
    "tenure_months": ("{n} months", "司龄{n}个月"),
    "tenure_month": ("1 month", "司龄1个月"),
    "tenure_years": ("{n} years", "司龄{n}年"),
    "tenure_year": ("1 year", "司龄1年"),
}

# --- the firm's vocabulary -----------------------------------------------------------------------
FAMILY_LABELS: dict[str, tuple[str, str]] = {
    "pay": ("Pay", "薪酬管理"),
    "appraisal": ("Appraisal", "绩效考核"),
    "incentives": ("Incentives", "激励手段"),
    "security": ("Job security", "职业保障"),
    "career": ("Career and promotion", "职业发展与晋升通道"),
    "culture": ("Culture and vision", "企业文化与共同愿景"),
    "restructuring": ("Restructuring", "组织调整"),
    "information": ("Information channels", "信息渠道"),
    "clients": ("Clients", "客户关系"),
}

ROLE_NAMES: dict[str, str] = {
    "production_worker": "生产工人",
    "worker": "工人",
    "salesperson": "销售人员",
    "sales": "销售人员",
    "key_salesperson": "骨干销售",
    "sales_manager": "销售经理",
    "engineer": "工程师",
    "technician": "技术人员",
    "manager": "中层经理",
    "middle_manager": "中层干部",
    "executive": "高管",
    "boss": "老板",
    "owner": "老板",
    "receptionist": "前台文员",
    "clerk": "文员",
    "hr": "人力资源专员",
    "quality_inspector": "质检员",
    "quality_controller": "质量控制人员",
    "welder": "焊工",
    "assembler": "装配工",
    "designer": "设计人员",
    "researcher": "科研人员",
    "accountant": "会计",
    "supervisor": "主管",
    "foreman": "班组长",
    "migrant_worker": "外来务工人员",
    "college_salesperson": "大专以上营销人员",
}

DEPARTMENT_NAMES: dict[str, str] = {
    "production": "生产",
    "manufacturing": "制造部",
    "sales": "销售部",
    "marketing": "营销",
    "engineering": "工程技术",
    "technical": "技术部",
    "technology": "技术部",
    "quality": "技术质量部",
    "administration": "行政",
    "office": "办公室",
    "finance": "财务部",
    "general": "综合部",
    "research": "科研所",
    "hr": "人力资源部",
    "operations": "运营",
    "management": "管理层",
    "logistics": "物流",
    "purchasing": "采购",
    "service": "客户服务",
}

UNIT_NAMES: dict[str, str] = {
    "share": "比例",
    "months": "月",
    "month": "月",
    "1/month": "每月",
    "1/year": "每年",
    "people": "人",
    "currency": "元",
    "currency/month": "元/月",
    "currency/hire": "元/人",
    "currency/employee/month": "元/人/月",
    "currency/traveller": "元/人",
    "currency/person": "元/人",
    "currency per unit output": "元/单位产出",
    "hours/week": "小时/周",
    "hours": "小时",
    "index": "指数",
    "weight": "权重",
    "ratio": "倍数",
    "probability": "概率",
    "relations": "人际关系",
    "care": "关怀",
    "respect": "尊重",
    "voice": "话语权",
    "recognition": "认可",
    "clients": "客户",
    "clients/month": "客户/月",
    "ties": "条关系",
    "years": "年",
    "level": "水平",
    "need level": "需要水平",
    "x base pay": "倍基本工资",
    "x market wage": "倍市场工资",
    "log sd": "对数标准差",
    "advancement": "晋升机会",
    "base wages per standard month": "倍基本工资/标准月",
    "climate": "氛围",
    "collective life": "集体生活",
    "conditions": "工作条件",
    "currency/employee": "元/人",
    "currency/newcomer": "元/新员工",
    "currency/person/month": "元/人/月",
    "currency/producer/month": "元/生产工人/月",
    "currency/report": "元/份",
    "currency/winner": "元/获奖者",
    "cuts": "次",
    "demand share": "需求比例",
    "departments": "个部门",
    "growth": "成长",
    "headcount share per demand share": "人数比例/需求比例",
    "incentive strength": "激励强度",
    "intention (probability)": "离职意向（概率）",
    "ladders": "条通道",
    "levels": "级",
    "log-points": "对数点",
    "months of wage bill": "个月工资总额",
    "per log-point of score": "每对数点绩效",
    "per standard deviation": "每个标准差",
    "policy and administration": "制度与管理",
    "pressure": "压力",
    "relations per share on commission": "人际关系/提成比例",
    "relative sd": "相对标准差",
    "sacrifice": "离职代价",
    "sacrifice per bonus-to-pay": "离职代价/奖金工资比",
    "sacrifice per month of wage owed": "离职代价/欠薪月数",
    "scale": "程度",
    "security": "安全感",
    "security per share laid off": "安全感/裁员比例",
    "security per yearly risk": "安全感/年风险",
    "share of base wage": "占基本工资比例",
    "share of client revenue": "占客户收入比例",
    "share of fixed pay": "占固定工资比例",
    "share of headcount": "占员工人数比例",
    "share of managers' time": "占管理者时间比例",
    "share of output": "占产出比例",
    "share of pay": "占工资比例",
    "share of profit": "占利润比例",
    "share of wage": "占工资比例",
    "skill": "技能",
    "skill/year": "技能/年",
    "supervision": "管理方式",
    "supervision per log-competence": "管理质量/对数能力",
    "transparency": "透明度",
    "units of time per defect": "时间单位/次品",
    "work itself": "工作本身",
}

# Parameter labels for the Chinese controls, by parameter name (the English label is the name made
# readable). A policy may instead declare ``label_zh`` in the parameter's json_schema_extra.
PARAM_NAMES: dict[str, str] = {
    "mode": "方式",
    "rivalry": "争抢客户造成的同事关系下降",
    "firm_share": "公司拥有的客户关系比例",
    "cooperation": "共享客户带来的同事关系改善",
    "attention": "关怀程度",
    "care_gain": "关怀提升幅度",
    "relations_gain": "同事关系提升幅度",
    "cost_per_employee": "每人每月成本",
    "holiday_travel_home": "春节包车送员工回家并接回",
    "travel_cost_per_traveller": "每人往返路费",
    "equal_treatment": "平等待人程度",
    "respect_gain": "尊重提升幅度",
    "scope": "范围",
    "strength": "力度",
    "review_months": "检视周期（月）",
    "cycle_months": "周期（月）",
    "every_months": "周期（月）",
    "frequency": "考核频率",
    "accuracy": "评估准确度",
    "transparency": "考核透明度",
    "bottom_share": "末位淘汰比例",
    "retraining": "淘汰前先培训、再考核",
    "retrain_first": "淘汰前先培训、再考核",
    "rate": "费率",
    "floor": "保底",
    "level": "水平",
    "amount": "金额",
    "percent": "百分比",
    "share": "比例",
    "form": "形式",
    "budget_per_employee": "每人预算",
    "cash_per_employee": "每人现金",
    "participation": "员工参与程度",
    "style": "领导风格",
    "autocracy": "专制程度",
    "threats": "以扣发工资相威胁",
    "wage_threats": "以扣发工资相威胁",
    "voice_gain": "话语权提升幅度",
    "supervision_gain": "管理方式改善幅度",
    "mentoring": "导师式管理",
    "enrichment": "工作丰富化程度",
    "challenge": "工作挑战性",
    "fines": "罚款",
    "criticism": "批评",
    "demotion": "降级",
    "service_months": "服务年限要求（月）",
    "pool_share": "奖金池比例",
    "guarantee_after_months": "服务满多少月后保障",
    "floor_hours_per_week": "每周最低工时",
    "target": "目标",
    "cohort": "招聘人数",
    "selectivity": "选拔严格程度",
    "socialisation_gain": "价值观灌输力度",
    "vision_strength": "愿景力度",
    "crisis_discussion": "遇重大事件时组织讨论愿景",
    "roles": "适用岗位",
    "role": "岗位",
    "move_down_role": "降职后的岗位",
    "threatened_roles": "受威胁的岗位",
    "start_month": "开始月份",
    "end_month": "结束月份",
    "ability_premium": "招聘人员能力溢价",
    "absolute_per_month": "每月固定加薪额",
    "advancement_gain": "晋升机会提升幅度",
    "advancement_per_ladder": "每条通道带来的晋升机会",
    "after_years": "服务满几年后保障",
    "allocation": "加薪方式",
    "award_shock": "获奖带来的认可",
    "base_share_of_wage": "底薪占原工资比例",
    "budget_per_person": "每人预算",
    "by": "晋级依据",
    "cap_share_of_pay": "奖金上限（占工资比例）",
    "cash_months": "现金低于几个月工资时触发",
    "clarity_gain": "制度清晰度提升",
    "climate_gain": "氛围改善幅度",
    "climate_security_gain": "全员安全感提升",
    "collective_gain": "集体生活提升幅度",
    "communicate_decisions": "重大决策充分沟通",
    "contest_security_loss": "竞争上岗造成的安全感下降",
    "cost_per_month": "每月成本",
    "cost_per_newcomer": "每名新员工成本",
    "cost_per_person_month": "每人每月成本",
    "cost_per_report": "每份报表成本",
    "count": "人数",
    "coverage": "覆盖面",
    "crisis_exit_share": "视为危机的离职比例",
    "crisis_reassurance": "危机讨论恢复信心的程度",
    "cut_share": "降薪幅度",
    "defect_fall_with_rule": "有返修规则时次品率下降",
    "defect_reduction": "次品率下降幅度",
    "defect_rise_without_rule": "无返修规则时次品率上升",
    "defect_standard": "次品率标准",
    "deferred_share": "拖欠工资比例",
    "delay_months": "报表延迟（月）",
    "demotion_bottom_share": "降级的末位比例",
    "demotion_every_months": "降级周期（月）",
    "demotion_pay_cut": "降级减薪幅度",
    "departments_after": "合并后部门数",
    "disruption_months": "调整震荡期（月）",
    "disruption_security": "调整期安全感下降",
    "envy": "落选者的嫉妒",
    "exempt_tenure_months": "新员工豁免期（月）",
    "favour_weight": "任人唯亲的权重",
    "fear_weight": "被淘汰风险带来的恐惧",
    "financial": "财务指标",
    "fine_amount": "罚款金额",
    "fine_bottom_share": "罚款的末位比例",
    "floor_share_of_wage": "保底工资比例",
    "growth_gain": "成长机会提升幅度",
    "hiring_freeze": "冻结招聘",
    "incentive_strength": "激励强度",
    "inspection_cost_per_worker": "每名生产工人的检验成本",
    "intensity": "力度",
    "intervention_cost_per_person": "每人干预成本",
    "intervention_months": "干预持续月数",
    "intervention_recognition": "干预带来的认可",
    "intervention_security": "干预带来的安全感",
    "ladders": "晋升通道数",
    "leaders_reached": "定期沟通的领头人比例",
    "level_vs_market": "相对市场工资水平",
    "levels": "薪级数",
    "losers": "落选者去向",
    "max_cuts": "最多降薪次数",
    "merit_spread": "绩效差距",
    "method": "选拔方式",
    "min_months_between": "两次之间最少间隔（月）",
    "min_tenure_months": "最低司龄（月）",
    "move_up_share": "每次晋级比例",
    "noise": "信息误差",
    "non_financial": "非财务指标",
    "onboarding_months": "入职培训期（月）",
    "onboarding_rate": "入职培训的灌输速度",
    "opacity_anxiety": "考核不透明带来的焦虑",
    "overhead_saving_per_department": "每撤销一个部门节省的费用",
    "pay_raise_percent": "加薪幅度",
    "premium_per_month": "每月高出的工资",
    "pressure_gain": "压力增加",
    "prize": "奖金",
    "process": "过程指标",
    "promotion_share": "晋升比例",
    "quality_pay_share": "与质量挂钩的工资比例",
    "quality_rule": "质量规则",
    "raise_only_if_profitable": "仅在盈利时加薪",
    "raise_share": "晋升加薪幅度",
    "rate_per_standard_month": "标准产量的计件单价（倍基本工资）",
    "repay_cash_months": "现金充足几个月后补发",
    "respect_loss": "尊重感下降",
    "results": "结果指标",
    "retraining_cost_per_month": "培训每人每月成本",
    "retraining_months": "培训期（月）",
    "retraining_skill_gain": "培训带来的技能提升",
    "review_cost_per_employee": "每次检视的人均成本",
    "review_every_months": "愿景检视周期（月）",
    "review_strength": "检视后愿景恢复程度",
    "rework_time": "返修耗时",
    "sacrifice_gain": "离职代价增加",
    "sacrifice_per_month_owed": "每欠一个月工资的离职代价",
    "sacrifice_weight": "未领奖金带来的离职代价",
    "screening_cost_per_hire": "每次招聘的甄选成本",
    "security_gain": "个人安全感提升",
    "security_loss": "安全感下降",
    "security_loss_monthly": "每月考核造成的安全感下降",
    "selection": "人选方式",
    "share_of_gap": "按需求缺口裁员的比例",
    "share_of_profit": "利润分享比例",
    "skill_gain_per_year": "每年技能提升",
    "socialisation_boost": "价值观灌输力度",
    "split": "奖金分配方式",
    "step_share": "每级薪差",
    "strength_gain": "文化强度提升",
    "stress_monthly": "每月考核带来的压力",
    "supervision_per_competence": "管理者能力对管理质量的影响",
    "supervision_range": "管理方式的变化范围",
    "survivor_fear": "留任者的恐惧",
    "survivor_memory_months": "恐惧持续月数",
    "talks_every_months": "谈话周期（月）",
    "target_managers": "中层干部目标人数",
    "team_intent_trigger": "团队离职意向触发值",
    "threat_security_loss": "威胁造成的安全感下降",
    "threats_to_withhold_pay": "以扣发工资相威胁",
    "time_share": "管理者走动时间比例",
    "tolerance": "容忍的需求下降",
    "transfer_pay_cut": "调岗减薪幅度",
    "transparency_gain": "透明度提升",
    "transparent_criteria": "公开考核标准",
    "transparent_method": "公开考核方式",
    "transparent_result": "公开考核结果",
    "trigger": "触发条件",
    "turnover_trigger": "离职率触发值",
    "universal_gain": "普遍认可提升",
    "voice_range": "话语权的变化范围",
    "winners_share": "获奖者比例",
    "work_itself_gain": "工作本身的吸引力提升",
}

CHOICE_NAMES: dict[str, str] = {
    "contested": "争抢客户",
    "personal": "归个人所有",
    "firm": "归公司所有",
    "activities": "集体活动",
    "cash_in_lieu": "发现金自己花",
    "universal": "人人有份",
    "scarce": "少数人获得",
    "monthly": "每月",
    "quarterly": "每季度",
    "half_yearly": "每半年",
    "half-yearly": "每半年",
    "yearly": "每年",
    "annual": "每年",
    "absolute": "固定金额",
    "percent": "百分比",
    "across_the_board": "普调",
    "merit": "按绩效",
    "competition": "赛马（公开竞争）",
    "appointment": "相马（任命）",
    "autocratic": "专制",
    "participative": "民主参与",
    "technical": "技术通道",
    "managerial": "管理通道",
    "piece": "计件",
    "salary": "固定工资",
    "hourly": "计时工资",
    "all": "全部",
    "at_once": "立即",
    "dismissed": "辞退",
    "executive": "高层",
    "manager": "中层",
    "last_in_first_out": "后进先出",
    "lowest_performance": "绩效最低者",
    "moved_down": "降职",
    "none": "无",
    "open_competition": "公开竞争（赛马）",
    "pay": "按工资",
    "random": "随机",
    "seniority": "按资历",
    "unpaid_until_reworked": "次品返修合格前不计工资",
    "when_cash_short": "现金不足时",
}

# Scenario titles and stories for scenario files that do not (yet) carry their own Chinese.
SCENARIO_TITLES: dict[str, tuple[str, str]] = {
    "baseline": ("Baseline: a 200-person manufacturer", "基准：一家200人的制造企业"),
    "shengyi": ("Shengyi: a firm held together by money", "盛益公司：靠金钱维系的企业"),
    "shengyi_reformed": (
        "Shengyi reformed: the same firm, managed as a community",
        "改革后的盛益公司：同一家企业，以共同体来管理",
    ),
    "lincoln_electric": (
        "Lincoln Electric: piece rates, bonus and job security",
        "林肯电气：计件工资、年终奖金与职业保障",
    ),
    "lincoln_competitor": (
        "Lincoln's competitor: hourly pay and at-will layoffs",
        "林肯电气的竞争对手：计时工资、随意裁员",
    ),
    "haier_redstar": (
        "Haier takes over Red Star: revitalise the firm by revitalising people",
        "海尔兼并红星厂：盘活资产的关键在于盘活人",
    ),
    "redstar_without_haier": (
        "Red Star without Haier: the same factory, unreformed",
        "没有海尔的红星厂：同一家工厂，未经改造",
    ),
    "forced_ranking": (
        "Forced ranking: bottom 10% out, without the three rules",
        "末位淘汰：淘汰最后10%，不守三条尺度",
    ),
    "labour_shortage": (
        "Labour shortage: the Spring Festival without emotional care",
        "民工荒：没有情感激励的春节",
    ),
    "money_raise": (
        "Money: a raise of 500 a month at five levels of pay",
        "金钱激励：五种月薪水平下加薪500元",
    ),
    "performance_pay": (
        "Performance pay: from salary to piece rate at month 12",
        "绩效工资：第12个月起由固定工资改为计件工资",
    ),
    "walmart_respect": (
        "Respect and walking around, the Walmart way",
        "尊重激励与走动式管理：沃尔玛的做法",
    ),
}

STORY_FALLBACK_ZH: dict[str, str] = {
    "baseline": (
        "一家200人的普通制造企业：150名生产工人拿固定工资，20名销售人员维护客户，另有工程师、中层经理和少数高管。"
        "企业没有特别的员工关系管理措施，市场平稳。可以把它作为尝试任何政策的参照。"
    ),
    "shengyi": (
        "约40名员工，其余从老板到前台人人都有自己的客户，80%的客户掌握在6、7名骨干销售手中。"
        "销售人员相互争抢客户，老板独断专行，奖金发放没有解释，团队活动就是每人发300元自己去花。"
    ),
    "shengyi_reformed": (
        "同一家盛益公司，但建立了共同愿景、公平透明的考核、集体活动，客户资源归公司所有。"
    ),
    "lincoln_electric": (
        "林肯电气：生产工人按件计酬、没有最低小时工资；工作满两年分享年终奖金（平均为基本工资的95.5%）；"
        "自1958年起从未辞退员工，经济萧条时减少工时（每周最少30小时）。"
    ),
    "lincoln_competitor": ("同行业的竞争对手：计时工资，经济不景气时随意裁员。"),
    "haier_redstar": (
        "1995年7月4日，亏损的红星厂连同全部债务划归海尔。海尔灌输企业文化，34个处室精简为5部1所，"
        "中层干部由105人通过公开竞争减至45人，变“相马”为“赛马”，第三个月扭亏为盈。"
    ),
}

# Known pairs for compare mode: picking the first case offers its twin as B.
TWINS: dict[str, str] = {
    "shengyi": "shengyi_reformed",
    "shengyi_reformed": "shengyi",
    "lincoln_electric": "lincoln_competitor",
    "lincoln_competitor": "lincoln_electric",
    "haier_redstar": "redstar_without_haier",
    "redstar_without_haier": "haier_redstar",
}

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "zh" else pair[0]


def t(key: str, lang: str, **fmt: Any) -> str:
    """An interface string in ``lang`` ("en" or "zh"), with ``{placeholders}`` filled."""
    text = _pick(UI[key], lang)
    return text.format(**fmt) if fmt else text


def chart(key: str, lang: str) -> str:
    return _pick(CHART[key], lang)


def need(name: str, lang: str) -> str:
    return _pick(NEED_LABELS[name], lang)


def need_short(name: str, lang: str) -> str:
    return _pick(NEED_SHORT[name], lang)


def driver(name: str, lang: str) -> str:
    pair = DRIVER_LABELS.get(name)
    return _pick(pair, lang) if pair else readable(name)


def family(name: str, lang: str) -> str:
    pair = FAMILY_LABELS.get(name)
    return _pick(pair, lang) if pair else readable(name).capitalize()


def readable(name: str) -> str:
    """``cost_per_employee`` -> ``cost per employee``."""
    return str(name).replace("_", " ").strip()


def role(name: str, lang: str) -> str:
    if lang == "zh":
        return ROLE_NAMES.get(name) or ROLE_NAMES.get(str(name).lower()) or readable(name)
    return readable(name)


def department(name: str, lang: str) -> str:
    if lang == "zh":
        return DEPARTMENT_NAMES.get(name) or DEPARTMENT_NAMES.get(str(name).lower()) or name
    return readable(name)


def unit(text: str, lang: str) -> str:
    if not text:
        return ""
    return UNIT_NAMES.get(text, text) if lang == "zh" else text


def choice(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if lang == "zh":
        return CHOICE_NAMES.get(str(value), readable(value))
    return readable(value)


def policy_title(cls, lang: str) -> str:
    """A policy's (or event's) short title: ``title_zh`` in Chinese, its name made readable in English."""
    if lang == "zh":
        zh = getattr(cls, "title_zh", "")
        if zh:
            return zh
    return readable(cls.name).capitalize()


def policy_summary(cls) -> str:
    """The first sentence of a policy's docstring (English)."""
    text = inspect.cleandoc(cls.__doc__ or "")
    first = text.split("\n\n", 1)[0].replace("\n", " ").strip()
    return first


def param_label(block, name: str, lang: str) -> str:
    """Label of a parameter of a Params block: ``label_zh`` from its declaration, the glossary, or
    the name made readable."""
    if lang == "zh":
        field = getattr(block, "model_fields", {}).get(name)
        extra = getattr(field, "json_schema_extra", None) if field is not None else None
        if isinstance(extra, dict) and extra.get("label_zh"):
            return str(extra["label_zh"])
        if name in PARAM_NAMES:
            return PARAM_NAMES[name]
    return readable(name).capitalize()


def has_param_zh(block, name: str) -> bool:
    field = getattr(block, "model_fields", {}).get(name)
    extra = getattr(field, "json_schema_extra", None) if field is not None else None
    return (isinstance(extra, dict) and bool(extra.get("label_zh"))) or name in PARAM_NAMES


def scenario_title(spec, lang: str) -> str:
    name = getattr(spec, "name", "")
    if lang == "zh":
        zh = getattr(spec, "title_zh", "") or ""
        if zh:
            return zh
        if name in SCENARIO_TITLES:
            return SCENARIO_TITLES[name][1]
    return getattr(spec, "title", "") or (
        SCENARIO_TITLES[name][0] if name in SCENARIO_TITLES else readable(name)
    )


def scenario_story(spec, lang: str) -> tuple[str, bool]:
    """The story of a scenario in ``lang``, and whether it had to fall back to English."""
    name = getattr(spec, "name", "")
    story = " ".join((getattr(spec, "story", "") or "").split())
    if lang == "zh":
        zh = " ".join((getattr(spec, "story_zh", "") or "").split()) or STORY_FALLBACK_ZH.get(
            name, ""
        )
        if zh:
            return _join_cjk_lines(zh), False
        return story, bool(story)
    return story, False


_CJK_PUNCT = "\u2018-\u201f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_FOLDED_SPACE = re.compile(rf"(?<=[{_CJK_PUNCT}])\s+(?=[{_CJK_PUNCT}])")


def _join_cjk_lines(text: str) -> str:
    """YAML folds lines with a space; Chinese has no spaces between characters."""
    return _FOLDED_SPACE.sub("", text)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


# --- sentences -----------------------------------------------------------------------------------


def tenure(months: float, lang: str) -> str:
    """``3 years`` / ``司龄3年``: months below two years, then years (halves below five)."""
    m = max(0.0, float(months))
    if m < 1:
        return _pick(SENTENCE["tenure_new"], lang)
    if m < 24:
        n = int(round(m))
        if n == 1:
            return _pick(SENTENCE["tenure_month"], lang)
        return _pick(SENTENCE["tenure_months"], lang).format(n=n)
    years = m / 12.0
    shown = round(years * 2) / 2 if years < 5 else round(years)
    text = f"{shown:g}"
    if text == "1":
        return _pick(SENTENCE["tenure_year"], lang)
    return _pick(SENTENCE["tenure_years"], lang).format(n=text)


def top_drivers(shares: dict[str, float], limit: int = 3, floor: float = 0.08) -> list:
    """The main drivers of an exit, largest first: up to ``limit`` with a share of at least
    ``floor``, stopping once they explain two thirds."""
    ranked = sorted(
        ((d, s) for d, s in shares.items() if s == s and s > 0), key=lambda kv: kv[1], reverse=True
    )
    out, covered = [], 0.0
    for name, share in ranked:
        if len(out) >= limit or (out and share < floor) or covered >= 2 / 3:
            break
        out.append((name, share))
        covered += share
    return out


def exit_sentence(
    kind: str,
    month: int,
    role_name: str,
    uid: int,
    tenure_months: float,
    drivers: dict[str, float],
    clients_taken: int,
    lang: str,
    informal_leader: bool = False,
) -> str:
    """``Month 7 · salesperson #17, 3 years, left: unfair pay against peers 46%, colleagues leaving
    30%; took 12 clients.`` — from the exit's recorded driver shares."""
    verb = _pick(EXIT_VERBS.get(kind, (readable(kind), readable(kind))), lang)
    because = ""
    if kind in ("quit", "non_renewal"):
        parts = [
            _pick(SENTENCE["driver_share"], lang).format(
                driver=driver(name, lang), share=int(round(100 * share))
            )
            for name, share in top_drivers(drivers)
        ]
        if parts:
            because = _pick(SENTENCE["because"], lang).format(
                drivers=_pick(SENTENCE["driver_sep"], lang).join(parts)
            )
    clients = ""
    if clients_taken == 1:
        clients = _pick(SENTENCE["took_one_client"], lang)
    elif clients_taken > 1:
        clients = _pick(SENTENCE["took_clients"], lang).format(n=int(clients_taken))
    return _pick(SENTENCE["exit"], lang).format(
        month=int(month),
        role=role(role_name, lang),
        uid=int(uid),
        tenure=tenure(tenure_months, lang),
        leader=_pick(SENTENCE["leader"], lang) if informal_leader else "",
        verb=verb,
        because=because,
        clients=clients,
    )


def hires_sentence(month: int, counts: dict[str, int], lang: str) -> str:
    """``Month 3 · hired 2: production worker ×2.``"""
    who = _pick(SENTENCE["hire_sep"], lang).join(
        _pick(SENTENCE["hire_group"], lang).format(role=role(r, lang), n=n)
        for r, n in counts.items()
    )
    return _pick(SENTENCE["hires"], lang).format(month=int(month), n=sum(counts.values()), who=who)


def event_name(name: str, lang: str, registry: dict | None = None) -> str:
    if name in EVENT_NAMES:
        return _pick(EVENT_NAMES[name], lang)
    if registry and name in registry:
        return policy_title(registry[name], lang)
    return readable(name)


def other_sentence(name: str, month: int, role_name: str | None, uid: Any, lang: str) -> str:
    """Any other logged event: a promotion, a takeover, ..."""
    if role_name and uid is not None and uid == uid:
        return _pick(SENTENCE["other"], lang).format(
            month=int(month), event=event_name(name, lang), role=role(role_name, lang), uid=int(uid)
        )
    return _pick(SENTENCE["other_firm"], lang).format(
        month=int(month), event=event_name(name, lang)
    )
