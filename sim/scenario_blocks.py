"""The blocks of a scenario that describe the firm and its world: its roles, the firm itself, its
clients and finances, the labour market, and management's ordinary rules.

Each field is declared once with :func:`sim.params.param` (default, bounds, unit, meaning, source
and its Chinese label and meaning); :mod:`sim.scenario` assembles them into a scenario, validates
and overrides it. They live apart from the loader to keep both files readable.
"""

from __future__ import annotations

import collections
from typing import Literal

from pydantic import model_validator

from sim.params import Spec, choice, described, param


class Role(Spec):
    """A kind of job in the firm."""

    name: str = described(
        doc="role name, unique in the firm",
        min_length=1,
        label_zh="岗位名称",
        doc_zh="岗位的名称，在企业内不得重复",
    )
    count: int = param(
        1,
        0,
        1_000_000,
        unit="people",
        doc="initial headcount in the role",
        label_zh="初始人数",
        doc_zh="该岗位开始时的人数",
    )
    wage: float = param(
        3000.0,
        1.0,
        1e7,
        unit="currency/month",
        doc="base wage",
        label_zh="基本工资",
        doc_zh="该岗位的基本月工资",
    )
    market_wage: float | None = param(
        None,
        1.0,
        1e7,
        unit="currency/month",
        doc="what similar firms pay for the role (defaults to the wage)",
        label_zh="市场工资",
        doc_zh="同类企业为该岗位支付的工资（留空则等于基本工资）",
    )
    level: Literal["staff", "manager", "executive"] = choice(
        "staff",
        "place in the hierarchy",
        label_zh="层级",
        doc_zh="在组织层级中的位置",
        options_zh={"staff": "普通员工", "manager": "中层管理人员", "executive": "高层管理人员"},
    )
    holds_clients: bool = choice(
        False,
        "whether people in this role own client relationships",
        label_zh="掌握客户",
        doc_zh="该岗位的人员是否掌握客户关系",
    )
    client_weight: float = param(
        1.0,
        0.0,
        100.0,
        unit="weight",
        doc="relative share of clients each holder of this role starts with",
        label_zh="客户分配权重",
        doc_zh="该岗位每位客户持有人开始时所分得客户的相对份额",
    )
    output_value: float = param(
        0.0,
        0.0,
        1e7,
        unit="currency per unit output",
        doc="revenue from one month of standard output at demand 1",
        label_zh="单位产出价值",
        doc_zh="需求为1时，一个月标准产出带来的收入",
    )
    department: str | None = described(
        None,
        doc="department name; spread across all when empty",
        label_zh="所属部门",
        doc_zh="部门名称；留空则分散到所有部门",
    )
    contract_months: int = param(
        12,
        1,
        600,
        unit="months",
        doc="contract length; at its end the employee decides whether to renew",
        label_zh="合同期（月）",
        doc_zh="劳动合同的期限；到期时员工决定是否续签",
    )


class Firm(Spec):
    name: str = described("firm", doc="name of the firm", label_zh="企业名称", doc_zh="企业的名称")
    employees: int = param(
        200,
        1,
        1_000_000,
        unit="people",
        doc="initial headcount (must equal the sum of role counts)",
        label_zh="初始员工人数",
        doc_zh="开始时的员工总数（必须等于各岗位人数之和）",
    )
    roles: list[Role] = described(
        doc="the kinds of job in the firm, each with its headcount and wage (at most 1,000)",
        min_length=1,
        max_length=1_000,
        label_zh="岗位",
        doc_zh="企业的各类岗位，每类岗位有自己的人数和工资（最多1000类）",
    )
    departments: list[str] = described(
        doc="names of the firm's departments",
        default_factory=lambda: ["operations"],
        min_length=1,
        label_zh="部门",
        doc_zh="企业各部门的名称",
    )
    team_size: int = param(
        8,
        2,
        100,
        unit="people",
        doc="people per team under one manager",
        label_zh="团队规模",
        doc_zh="一名管理者带领的团队人数",
    )
    ties_per_employee: float = param(
        4.0,
        0.0,
        50.0,
        unit="ties",
        doc="mean number of social ties beyond the own team",
        label_zh="团队外人际关系数",
        doc_zh="每人在本团队之外平均拥有的人际关系数",
    )
    informal_leader_share: float = param(
        0.05,
        0.0,
        0.5,
        unit="share",
        doc="share of employees who are informal leaders",
        source="assumed: opinion leaders are a few percent (Katz & Lazarsfeld 1955)",
        label_zh="非正式组织领头人比例",
        doc_zh="员工中非正式组织领头人所占的比例",
    )
    weekly_hours: float = param(
        40.0,
        1.0,
        80.0,
        unit="hours/week",
        doc="standard weekly hours",
        label_zh="每周标准工时",
        doc_zh="标准的每周工作小时数",
    )
    hire_to_plan: bool = choice(
        True,
        "refill vacancies up to the planned headcount of each role",
        label_zh="按编制补员",
        doc_zh="出现空缺时按各岗位的计划人数招人补齐",
    )
    contracts_end_together: bool = choice(
        False,
        "all contracts run to the end of the same contract year (e.g. New Year) instead of ending at staggered dates",
        label_zh="合同同时到期",
        doc_zh="所有合同都在同一合同年度末（例如新年）到期，而不是在不同日期陆续到期",
    )
    history_months: int = param(
        120,
        0,
        600,
        unit="months",
        doc="months of the firm's past simulated before month 0 under its month-0 policies (hiring, leaving, learning, retiring)",
        source="measured (docs/model.md 2.11, 30 seeds): with careers that end at retirement, ten years of past bring the workforce's mean tenure to four-fifths of its steady state (two-thirds with five), and the baseline's voluntary turnover is stationary",
        label_zh="模拟的历史月数",
        doc_zh="在第0个月之前，按第0个月的政策模拟企业过去多少个月（招聘、离职、学习）",
    )
    supervisor_quality_sd: float = param(
        0.1,
        0.0,
        0.5,
        unit="supervision",
        doc="spread of supervision quality between teams (their managers differ)",
        source="assumed; the team-level share of satisfaction is calibrated (docs/validation.md)",
        label_zh="团队间管理水平差异",
        doc_zh="各团队之间上级管理水平的差异（管理者各不相同）",
    )
    team_cohesion_sd: float = param(
        0.1,
        0.0,
        0.5,
        unit="relations",
        doc="spread of relations among colleagues between teams",
        source="assumed; as above",
        label_zh="团队间同事关系差异",
        doc_zh="各团队之间同事关系的差异",
    )
    workload_sd: float = param(
        0.1,
        0.0,
        0.5,
        unit="conditions",
        doc="spread of workload and working conditions between teams",
        source="assumed; as above",
        label_zh="团队间工作负荷差异",
        doc_zh="各团队之间工作负荷和工作条件的差异",
    )

    @model_validator(mode="after")
    def _consistent(self):
        counts = collections.Counter(r.name for r in self.roles)
        dupes = sorted(n for n, k in counts.items() if k > 1)
        if dupes:
            raise ValueError(f"role names must be unique; repeated: {dupes}")
        total = sum(r.count for r in self.roles)
        if total != self.employees:
            raise ValueError(f"employees = {self.employees} but the role counts add up to {total}")
        departments = set(self.departments)
        for r in self.roles:
            if r.department is not None and r.department not in departments:
                raise ValueError(
                    f"role {r.name!r} names department {r.department!r}, not one of {self.departments}"
                )
        return self


class Clients(Spec):
    count: int = param(
        0,
        0,
        10_000_000,
        unit="clients",
        doc="initial clients",
        label_zh="初始客户数",
        doc_zh="开始时的客户数",
    )
    revenue_per_client: float = param(
        1000.0,
        0.0,
        1e9,
        unit="currency/month",
        doc="mean monthly revenue of a client",
        label_zh="每个客户的月收入",
        doc_zh="一个客户平均每月带来的收入",
    )
    value_spread: float = param(
        0.5,
        0.0,
        3.0,
        unit="log sd",
        doc="spread of client value (lognormal)",
        label_zh="客户价值的离散程度",
        doc_zh="客户价值的差异（对数正态分布）",
    )
    key_holders: int | None = param(
        None,
        1,
        1_000_000,
        unit="people",
        doc="if set, this many holders (drawn by role weight) are the key people who hold key_share of the clients; otherwise shares follow the Pareto concentration",
        source="source document: 80% of Shengyi's clients with 6-7 salespeople",
        label_zh="骨干客户持有人数",
        doc_zh="若设定，则由这么多名持有人（按岗位权重抽取）作为骨干，掌握 key_share 比例的客户；否则按帕累托集中度分配",
    )
    key_share: float = param(
        0.8,
        0.0,
        1.0,
        unit="share",
        doc="share of clients held by the key holders (with key_holders)",
        source="source document: 80%",
        label_zh="骨干掌握的客户比例",
        doc_zh="骨干持有人掌握的客户比例（与 key_holders 一起使用）",
    )
    concentration: float = param(
        0.8,
        0.2,
        0.99,
        unit="share",
        doc="share of clients held by the top 20% of holders (0.8 is the Pareto 80/20)",
        source="source document: 80% of Shengyi's clients with under 20% of staff",
        label_zh="客户集中度",
        doc_zh="排名前20%的持有人掌握的客户比例（0.8 即帕累托的80/20法则）",
    )
    base_churn: float = param(
        0.01,
        0.0,
        0.5,
        unit="1/month",
        doc="monthly loss of a client served at a neutral level",
        label_zh="基本客户流失率",
        doc_zh="服务处于一般水平时每月流失客户的比例",
    )
    follow_probability: float = param(
        0.6,
        0.0,
        1.0,
        unit="probability",
        doc="chance that a client follows a departing holder (personal relationship)",
        source="assumed; source document: key salespeople took the core clients",
        label_zh="客户随员工离开的概率",
        doc_zh="持有人离职时客户跟着走的可能性（个人关系）",
    )
    acquisition_per_holder: float = param(
        0.1,
        0.0,
        100.0,
        unit="clients/month",
        doc="new clients a holder with an empty book wins a month at standard effort and skill",
        label_zh="每位持有人的新客户数",
        doc_zh="手上没有客户的持有人在标准努力和技能下每月赢得的新客户数",
    )
    capacity_per_holder: float = param(
        40.0,
        1.0,
        1e6,
        unit="clients",
        doc="clients one holder can look after; winning new ones slows as the book fills",
        label_zh="每位持有人可照管的客户数",
        doc_zh="一个人能照管的客户数；客户越多，开发新客户越慢",
    )
    market_size: int | None = param(
        None,
        1,
        100_000_000,
        unit="clients",
        doc="potential clients in the firm's market; winning new ones slows as the firm's share of it grows (empty: twice the clients at month 0)",
        source="assumed: a firm's market is finite (a logistic market, Bass 1969)",
        label_zh="市场潜在客户数",
        doc_zh="企业所在市场的潜在客户数；企业占的份额越大，开发新客户越慢（留空：第0个月客户数的两倍）",
    )


class Finances(Spec):
    cash: float = param(
        1e6,
        -1e12,
        1e12,
        unit="currency",
        doc="cash at month 0",
        label_zh="初始现金",
        doc_zh="第0个月的现金",
    )
    overhead: float = param(
        0.0,
        0.0,
        1e12,
        unit="currency/month",
        doc="fixed monthly costs",
        label_zh="固定管理费用",
        doc_zh="每月固定费用",
    )
    material_share: float = param(
        0.3,
        0.0,
        0.95,
        unit="share",
        doc="share of output revenue spent on materials",
        label_zh="原材料成本比例",
        doc_zh="原材料支出占产出收入的比例",
    )
    hiring_cost: float = param(
        1000.0,
        0.0,
        1e9,
        unit="currency/hire",
        doc="cost of one hire",
        label_zh="招聘成本",
        doc_zh="招聘一人的费用",
    )
    overhead_per_employee: float = param(
        0.0,
        0.0,
        1e9,
        unit="currency/employee/month",
        doc="overhead that grows with headcount (space, equipment, administration), on top of the fixed overhead",
        label_zh="人均管理费用",
        doc_zh="随人数增加的管理费用（场地、设备、行政），在固定费用之外另计",
    )
    credit_limit: float | None = param(
        None,
        0.0,
        1e13,
        unit="currency",
        doc="debt the creditors tolerate; beyond it (and with the owner's money spent) the firm closes (empty: three months of the month-0 wage bill and fixed overhead)",
        source="assumed: suppliers and banks extend a few months of credit",
        label_zh="信用额度",
        doc_zh="债权人能容忍的负债；超过它（且老板的钱已用完）企业就倒闭（留空：第0个月三个月的成本）",
    )
    owner_subsidy_budget: float = param(
        0.0,
        0.0,
        1e12,
        unit="currency",
        doc="what the owner will put in from their own pocket when cash runs out",
        label_zh="老板补贴预算",
        doc_zh="现金用完时老板愿意自掏腰包投入的钱",
    )


class Market(Spec):
    subsistence_wage: float = param(
        800.0,
        1.0,
        1e7,
        unit="currency/month",
        doc="cost of a basic living at month 0",
        label_zh="基本生活费",
        doc_zh="第0个月维持基本生活的费用",
    )
    inflation_annual: float = param(
        0.03,
        -0.2,
        1.0,
        unit="1/year",
        doc="cost-of-living inflation",
        source="source document: inflation erodes pay",
        label_zh="年通货膨胀率",
        doc_zh="生活成本的上涨速度",
    )
    market_wage_growth_annual: float = param(
        0.05,
        -0.5,
        1.0,
        unit="1/year",
        doc="growth of the market wage of every role",
        label_zh="市场工资年增长率",
        doc_zh="各岗位市场工资的增长速度",
    )
    shortage: float = param(
        0.0,
        0.0,
        0.95,
        unit="share",
        doc=(
            "share of the market's openings that its job seekers cannot fill: 1 - shortage "
            "seekers per opening where a balanced market has one, so offers rise by "
            "(1 / (1 - shortage)) ** offer_tightness_elasticity and a vacancy fills at "
            "1 - shortage of the balanced rate"
        ),
        source="source document: Hangzhou's 缺口比率 for migrant labour, 18.28%, then 34.25%",
        label_zh="劳动力缺口比例",
        doc_zh="市场上的职位空缺中招不到人的比例：每个空缺只有 1−短缺 个求职者（供求平衡时为 1 个）",
    )
    months_to_fill: float = param(
        2.0,
        0.1,
        36.0,
        unit="months",
        doc="mean months to fill a vacancy in a balanced market",
        label_zh="填补空缺所需月数",
        doc_zh="供求平衡的市场上填补一个空缺平均所需的月数",
    )
    demand: float = param(
        1.0,
        0.0,
        10.0,
        unit="index",
        doc="demand for the firm's output (1 = normal)",
        label_zh="市场需求",
        doc_zh="对企业产品的需求（1 = 正常）",
    )
    applicant_ability_sd: float = param(
        0.25,
        0.0,
        1.0,
        unit="log sd",
        doc="spread of ability among applicants",
        label_zh="应聘者能力差异",
        doc_zh="应聘者之间能力的离散程度",
    )
    retirement_age: float = param(
        60.0,
        30.0,
        90.0,
        unit="years",
        doc="age at which people leave the labour force; a career in the firm ends there at the latest",
        source="China's statutory retirement age for men, 60 (State Council, 1978 provisional measures; raised gradually from 2025), the labour market of the source document's cases",
        label_zh="退休年龄",
        doc_zh="员工退出劳动力市场的年龄；在企业中的职业生涯最迟在此结束",
    )
    hire_age_mean: float = param(
        32.0,
        16.0,
        70.0,
        unit="years",
        doc="mean age of the people the firm hires (normal, clipped to 18 and a year below retirement)",
        source="assumed: hires are younger than the workforce, whose median age is about 42 (BLS CPS 2023); with the spread below most hires are 23 to 41",
        label_zh="新员工平均年龄",
        doc_zh="企业招聘的人的平均年龄（正态分布，限于18岁与退休前一年之间）",
    )
    hire_age_sd: float = param(
        9.0,
        0.0,
        30.0,
        unit="years",
        doc="spread of the age of the people the firm hires",
        source="assumed; as above",
        label_zh="新员工年龄差异",
        doc_zh="企业招聘的人的年龄离散程度",
    )

    @model_validator(mode="after")
    def _careers(self):
        if self.hire_age_mean >= self.retirement_age:
            raise ValueError(
                f"hire_age_mean = {self.hire_age_mean} must be below retirement_age = "
                f"{self.retirement_age}: people are hired before they retire"
            )
        return self


class ManagementRules(Spec):
    """How management runs the firm whatever its policies: the ordinary responses of a firm's
    management to its own figures (an ordinary PDCA loop), and when the firm must close."""

    pay_review_months: int = param(
        12,
        0,
        120,
        unit="months",
        doc="months between pay reviews (0: never); at a review, wages follow the market's wage growth unless a raises policy sets them",
        source="assumed: a yearly pay review that keeps up with the market (Bewley 1999)",
        label_zh="工资检视周期（月）",
        doc_zh="两次工资检视之间的月数（0：从不检视）；检视时，除非有调薪政策另行规定，工资跟随市场工资增长",
    )
    vacancy_raise: float = param(
        0.05,
        0.0,
        0.5,
        unit="share of wage",
        doc="raise given to a role whose vacancies have persisted for vacancy_months",
        source="assumed: firms raise pay for posts they cannot fill (Manning 2003)",
        label_zh="空缺加薪幅度",
        doc_zh="某岗位空缺持续 vacancy_months 个月后给该岗位的加薪",
    )
    vacancy_rate: float = param(
        0.1,
        0.0,
        1.0,
        unit="share of posts",
        doc="share of a role's posts unfilled that counts as a vacancy problem",
        source="assumed: a tenth of the posts empty",
        label_zh="空缺比例",
        doc_zh="某岗位空缺达到这一比例即视为招人难",
    )
    vacancy_months: int = param(
        6,
        1,
        60,
        unit="months",
        doc="months a role's vacancies must persist before its pay is raised",
        label_zh="空缺持续月数",
        doc_zh="某岗位空缺持续多少个月后为其加薪",
    )
    max_premium: float = param(
        0.3,
        0.0,
        3.0,
        unit="share of market wage",
        doc="highest premium over the market wage that vacancy raises go to",
        label_zh="最高工资溢价",
        doc_zh="因空缺加薪时，工资最多比市场工资高出的比例",
    )
    retrench_after_losses: int = param(
        3,
        0,
        60,
        unit="months",
        doc="months of losses in a row after which management retrenches (0: never): it cuts overhead and stops replacing leavers",
        source="assumed: a quarter of losses",
        label_zh="连续亏损几个月后紧缩",
        doc_zh="连续亏损这么多个月后管理层开始紧缩（0：从不）：削减管理费用，离职者不再补员",
    )
    overhead_cut: float = param(
        0.1,
        0.0,
        1.0,
        unit="share",
        doc="share of the overhead cut at each retrenchment",
        label_zh="每次削减管理费用的比例",
        doc_zh="每次紧缩时削减的管理费用比例",
    )
    overhead_floor: float = param(
        0.5,
        0.0,
        1.0,
        unit="share of month-0 overhead",
        doc="overhead that cannot be cut (rent, licences)",
        label_zh="管理费用下限",
        doc_zh="无法削减的管理费用（房租、执照等）",
    )
    close_after_arrears_months: int = param(
        3,
        1,
        60,
        unit="months",
        doc="months of wages unpaid in a row after which the firm closes (staff may claim their wages and leave)",
        source="assumed: China's Labour Contract Law lets staff end the contract over unpaid wages",
        label_zh="连续欠薪几个月后倒闭",
        doc_zh="连续拖欠工资这么多个月后企业倒闭（员工可以索要工资并离开）",
    )
