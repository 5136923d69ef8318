"""Every word the browser app shows, in English and Simplified Chinese.

The Chinese uses the source document's own terms (员工关系管理, 保健因素, 激励因素, 末位淘汰, 生理需要 …
自我实现需要, 认知—探测—扩大—承诺—解除, 内部公平性, 外部竞争性, 归属感, 共同愿景, 跳槽, 不续签合同), so that a
class reading the document recognises them on the screen.

What is declared elsewhere is read from its declaration: a policy's ``title_zh`` and
``summary_zh``, a parameter's ``label_zh``, ``doc_zh`` and ``options_zh`` (``sim.params``), the
families' labels (``sim.policies.base.FAMILY_LABELS``), units and currencies (``sim.units``), a
scenario's ``title_zh`` and ``story_zh``. Role and department names, which a scenario file chooses
freely, come from the glossaries below. A missing translation shows English, never a blank.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from sim.policies.base import FAMILY_LABELS

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
    # the interactive charts of the page (sim/viz/app/explore.py)
    "month_n": ("Month {month}", "第{month}个月"),
    "in_currency": ("{title} ({currency})", "{title}（{currency}）"),
    "arm_series": ("{series} ({arm})", "{series}（{arm}）"),
    "firm_closed": ("the firm closed", "企业倒闭"),
    "intent_axis": ("intent to leave", "离职意向"),
    "explore_hint": (
        "Hover for the values; drag across the months to zoom in, double-click to zoom out; "
        "click a key to hide or show its line.",
        "鼠标悬停查看数值；在月份上拖动可放大，双击还原；点击图例可隐藏或显示该曲线。",
    ),
}

# the few words of the charts' toolbar (plotly.js's own, which has no Chinese built in)
TOOLBAR_ZH: dict[str, str] = {
    "Zoom": "缩放",
    "Pan": "平移",
    "Zoom in": "放大",
    "Zoom out": "缩小",
    "Autoscale": "自动缩放",
    "Reset axes": "重置坐标轴",
    "Double-click to zoom back out": "双击还原",
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
    "retirement": ("retired", "退休"),
}

EVENT_NAMES: dict[str, tuple[str, str]] = {
    "hire": ("hired", "招聘"),
    "quit": ("quit", "辞职"),
    "non_renewal": ("did not renew", "不续签合同"),
    "dismissal": ("dismissal", "辞退"),
    "layoff": ("layoff", "裁员"),
    "retirement": ("retirement", "退休"),
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


def policy_title(cls, lang: str) -> str:
    """A policy's (or event's) short title: ``title_zh`` in Chinese, its name made readable in English."""
    if lang == "zh":
        zh = getattr(cls, "title_zh", "")
        if zh:
            return zh
    return readable(cls.name).capitalize()


def policy_summary(cls, lang: str = "en") -> str:
    """A policy's (or event's) summary: ``summary_zh`` in Chinese, else the first paragraph of its
    docstring."""
    if lang == "zh" and getattr(cls, "summary_zh", ""):
        return cls.summary_zh
    text = inspect.cleandoc(cls.__doc__ or "")
    return text.split("\n\n", 1)[0].replace("\n", " ").strip()


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
