"""The units a parameter may be declared in: one controlled vocabulary, in English and Chinese.

A declaration writes money as ``currency`` (``"currency/month"``), never as yuan or dollars: the
scenario names its currency (``Scenario.currency``), and :func:`unit_text` renders the unit in a
language and that currency (``元/月`` for a yuan scenario, ``$/month`` or ``美元/月`` for a dollar
one). ``tests/test_i18n.py`` fails when a declared unit is not in :data:`UNITS`.
"""

from __future__ import annotations

import re

# currency -> (English symbol or word, Chinese)
CURRENCIES: dict[str, tuple[str, str]] = {
    "yuan": ("yuan", "元"),
    "dollar": ("$", "美元"),
    "euro": ("€", "欧元"),
    "pound": ("£", "英镑"),
}
GENERIC_CURRENCY = ("currency", "货币")  # a listing that belongs to no scenario

# unit as declared -> its Chinese; "{currency}" stands for the scenario's currency
UNITS: dict[str, str] = {
    # time and rates
    "month": "月",
    "months": "月",
    "years": "年",
    "hours/week": "小时/周",
    "1/month": "每月",
    "1/year": "每年",
    # people and things
    "people": "人",
    "clients": "个客户",
    "clients/month": "个客户/月",
    "ties": "条关系",
    "ladders": "条通道",
    "levels": "级",
    "departments": "个部门",
    "cuts": "次",
    "rank": "名次",
    "role names": "岗位名称",
    "offers/month": "个机会/月",
    # money
    "currency": "{currency}",
    "currency/month": "{currency}/月",
    "currency/hire": "{currency}/人",
    "currency/employee": "{currency}/人",
    "currency/employee/month": "{currency}/人/月",
    "currency/person": "{currency}/人",
    "currency/person/month": "{currency}/人/月",
    "currency/producer/month": "{currency}/生产工人/月",
    "currency/traveller": "{currency}/人",
    "currency/newcomer": "{currency}/新员工",
    "currency/report": "{currency}/份",
    "currency/winner": "{currency}/获奖者",
    "currency per unit output": "{currency}/单位产出",
    "x market wage": "倍市场工资",
    "x subsistence": "倍基本生活费",
    "base wages per standard month": "倍基本工资/标准月",
    # shares
    "share": "比例",
    "share of base wage": "占基本工资比例",
    "share of client revenue": "占客户收入比例",
    "share of fixed pay": "占固定工资比例",
    "share of headcount": "占员工人数比例",
    "share of managers' time": "占管理者时间比例",
    "share of market wage": "占市场工资比例",
    "share of month-0 overhead": "占第0个月管理费用比例",
    "share of output": "占产出比例",
    "share of pay": "占工资比例",
    "share of posts": "占岗位数比例",
    "share of profit": "占利润比例",
    "share of revenue": "占收入比例",
    "share of wage": "占工资比例",
    "demand share": "需求比例",
    "headcount share per demand share": "人数比例/需求比例",
    "probability": "概率",
    "intention (probability)": "离职意向（概率）",
    "percentile": "百分位",
    # scales and indices
    "index": "指数",
    "scale": "程度",
    "weight": "权重",
    "ratio": "倍数",
    "elasticity": "弹性",
    "need level": "需要水平",
    "factor level": "因素水平",
    "per need level": "每单位需要水平",
    "log sd": "对数标准差",
    "relative sd": "相对标准差",
    "log-points": "对数点",
    "per log-point": "每对数点",
    "per log-point of score": "每对数点绩效",
    "per standard deviation": "每个标准差",
    "log-odds": "对数几率",
    "log-odds per fit": "对数几率/匹配度",
    "log-points per sacrifice": "对数点/离职代价",
    "log-churn per service": "对数流失率/服务水平",
    "log-ability per incentive": "对数能力/激励强度",
    "log-ability per log-pay": "对数能力/对数工资",
    "units of time per defect": "时间单位/次品",
    # what people perceive (the psychology's factors)
    "effort": "努力程度",
    "effort per incentive strength": "努力程度/激励强度",
    "skill": "技能",
    "skill/year": "技能/年",
    "fit": "匹配度",
    "commitment": "承诺",
    "values": "价值观",
    "strength": "强度",
    "belief": "信念",
    "security": "安全感",
    "security per share laid off": "安全感/裁员比例",
    "security per yearly risk": "安全感/年风险",
    "security per monthly appraisal": "安全感/每月一次考核",
    "security per share withheld": "安全感/扣发比例",
    "supervision": "上级管理",
    "supervision per participation": "上级管理/参与程度",
    "supervision per log-competence": "上级管理/对数能力",
    "relations": "人际关系",
    "relations per share on commission": "人际关系/提成人员比例",
    "conditions": "工作条件",
    "conditions per effort": "工作条件/努力程度",
    "conditions per monthly appraisal": "工作条件/每月一次考核",
    "rules": "制度",
    "rules per participation": "制度/参与程度",
    "voice": "话语权",
    "voice per participation": "话语权/参与程度",
    "transparency": "透明度",
    "respect": "尊重",
    "respect per unit of equal treatment": "尊重/平等待人程度",
    "recognition": "认可",
    "care": "关怀",
    "collective life": "集体生活",
    "pressure": "压力",
    "threat per share fined": "威胁感/罚款比例",
    "advancement": "晋升机会",
    "growth": "成长",
    "work itself": "工作本身",
    "work itself per fit": "工作本身/匹配度",
    "sacrifice": "离职代价",
    "sacrifice per bonus-to-pay": "离职代价/奖金工资比",
    "sacrifice per month of wage owed": "离职代价/欠薪月数",
    "months of wage bill": "个月工资总额",
}

_CURRENCY_WORD = re.compile(r"\bcurrency\b")


def currency_name(currency: str | None, lang: str) -> str:
    """``$`` or ``美元`` for ``"dollar"``; the generic word when there is no scenario."""
    en, zh = CURRENCIES.get(currency, GENERIC_CURRENCY) if currency else GENERIC_CURRENCY
    return zh if lang == "zh" else en


def unit_text(unit: str, lang: str = "en", currency: str | None = None) -> str:
    """A declared unit in ``lang`` ("en" or "zh") and the scenario's ``currency``.

    ``unit_text("currency/month", "zh", "yuan") == "元/月"``; ``unit_text("currency/month", "en",
    "dollar") == "$/month"``. A unit outside the glossary is shown as declared (English), never blank.
    """
    if not unit:
        return ""
    money = currency_name(currency, lang)
    if lang == "zh" and unit in UNITS:
        return UNITS[unit].format(currency=money)
    return _CURRENCY_WORD.sub(money, unit)
