"""Timeline events about people and owners: a holiday break with a return decision, a takeover,
and the departure of named key people (phase 1 of the month).

The market events (demand, inflation, labour shortage, cash injection) and the policy changes are
in :mod:`sim.policies.events`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from sim.params import Spec, choice, described, param
from sim.policies.base import Event, register, role_problems

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

MANAGER_LEVEL, EXECUTIVE_LEVEL = 1, 2
UNKNOWN, LOCAL, MIGRANT = 0, 1, 2  # values of the workforce column "migrant"


@register
class HolidayBreak(Event):
    """A holiday break (the Spring Festival): migrants go home, and each decides whether to return.

    Who is a migrant is drawn once per person (share ``migrant_share`` of the travelling roles; all
    staff-level roles when ``roles`` is empty) and kept in the workforce column ``migrant``. Some
    travellers cannot get a ticket back (``stranded_share``) and take work near home instead,
    unless a policy in force arranges the trip home and back (``emotional_care`` with
    ``holiday_travel_home``): then the firm pays the fares and nobody is stranded. At home, with
    other employers recruiting, each traveller weighs up staying away: how long, and how much an
    arranged trip back shortens it, is the psychology's (``behaviour.staying_away``:
    ``holiday_decision_months``, ``arranged_return_effect``). Non-returners leave as quits, with
    their drivers recorded.

    Source: source document, "emotional care": Hangzhou's migrant labour shortage (18.28%, then
    34.25% of demand unfilled); a Nanjing manager's bus for 30-odd migrant employees when tickets
    were unobtainable, and all returned on time.
    """

    name = "holiday_break"
    title_zh = "春节放假（返厂决定）"
    summary_zh = "放假（春节）：外地员工回家，每个人都要决定是否回来。"

    class Params(Spec):
        migrant_share: float = param(
            0.7,
            0.0,
            1.0,
            unit="share",
            doc="share of the travelling roles who are migrants and go home",
            source="assumed: migrant workers are most of a coastal factory's workforce",
            label_zh="外地员工比例",
            doc_zh="在放假回家的岗位中，外地员工（放假回家的人）所占的比例",
        )
        roles: list[str] = described(
            doc="roles that travel home (empty: every staff-level role)",
            default_factory=list,
            label_zh="回家过年的岗位",
            doc_zh="员工回家过年的岗位（留空：所有普通员工岗位）",
        )
        stranded_share: float = param(
            0.05,
            0.0,
            1.0,
            unit="share",
            doc="share of travellers who cannot get back unless the firm arranges the trip",
            source="source document: tickets were unobtainable",
            label_zh="无法返回的比例",
            doc_zh="企业不安排返程时，回家员工中无法按时回来的比例",
        )

    @classmethod
    def scenario_problems(cls, params, scenario) -> list:
        """Roles named here must exist in the scenario's firm."""
        return role_problems(scenario, params.roles, "params.roles")

    def apply(self, mgmt: Management):
        p, people = self.params, mgmt.people
        mgmt.register_column("migrant", np.int8, UNKNOWN)
        migrant = people.migrant  # after registering: the column may have been re-allocated
        if p.roles:
            codes = [mgmt.role_index(r, "holiday_break.roles") for r in p.roles]
            eligible = np.isin(people.role, codes)
        else:
            eligible = people.level == 0
        unknown = np.flatnonzero(migrant == UNKNOWN)
        migrant[unknown] = np.where(mgmt.rng.random(unknown.size) < p.migrant_share, MIGRANT, LOCAL)
        travellers = np.flatnonzero(eligible & (migrant == MIGRANT))
        arranged = False
        for policy in mgmt.policies:
            travel = getattr(policy, "holiday_travel", None)
            if travel is not None and travel(mgmt, travellers):
                arranged = True
        stranded = 0.0 if arranged else p.stranded_share
        stay_away = 1.0 - (1.0 - stranded) * (
            1.0 - mgmt.chance_of_staying_away(travellers, arranged)
        )
        gone = travellers[mgmt.rng.random(travellers.size) < stay_away]
        mgmt.log(
            "holiday_break",
            travellers=int(travellers.size),
            not_returned=int(gone.size),
            travel_arranged=arranged,
        )
        mgmt.separate(gone, "quit")


@register
class Takeover(Event):
    """A takeover: a new owner brings money, its own culture and, perhaps, its own managers.

    The new owner injects ``cash_injection`` and, with ``clear_debts``, pays off negative cash. The
    firm's culture value becomes ``culture_value`` (staff whose values were the old ones now fit
    less) and its strength ``culture_strength`` (the new culture is not yet shared); belief in a
    vision is reset to ``vision``. With ``replace_executives`` every executive is dismissed, and
    the share ``replace_managers_share`` of middle managers too; hiring refills their posts.
    Leave a field empty to keep what the firm had.

    Source: source document, Haier at Red Star: on 4 July 1995 the loss-making factory passed to
    Haier with all its debts; Haier taught its culture and sent its own people.
    """

    name = "takeover"
    title_zh = "兼并（新东家接管）"
    summary_zh = "兼并：新东家带来资金、自己的企业文化，也可能带来自己的管理人员。"

    class Params(Spec):
        cash_injection: float = param(
            0.0,
            0.0,
            1e12,
            unit="currency",
            doc="money the new owner puts in",
            source="assumed",
            label_zh="注资金额",
            doc_zh="新东家投入的资金",
        )
        clear_debts: bool = choice(
            False,
            "the new owner pays off negative cash",
            label_zh="清偿债务",
            doc_zh="新东家还清现金赤字",
        )
        culture_value: float | None = param(
            None,
            0.0,
            1.0,
            unit="values",
            doc="the new owner's values on the firm's [0, 1] value scale (empty: unchanged)",
            source="assumed",
            label_zh="新东家的价值观",
            doc_zh="新东家在企业 [0, 1] 价值观尺度上的位置（留空：不变）",
        )
        culture_strength: float | None = param(
            0.2,
            0.0,
            1.0,
            unit="strength",
            doc="how widely the culture is shared right after the takeover (empty: unchanged)",
            source="assumed: a new owner's culture starts unshared",
            label_zh="文化强度",
            doc_zh="兼并刚完成时企业文化被认同的广泛程度（留空：不变）",
        )
        vision: float | None = param(
            0.0,
            0.0,
            1.0,
            unit="belief",
            doc="belief in a shared vision right after the takeover (empty: unchanged)",
            source="assumed: the old vision dies with the old firm",
            label_zh="愿景信念",
            doc_zh="兼并刚完成时员工对共同愿景的信念（留空：不变）",
        )
        replace_executives: bool = choice(
            False,
            "every executive is dismissed",
            label_zh="更换全部高层",
            doc_zh="辞退所有高层管理人员",
        )
        replace_managers_share: float = param(
            0.0,
            0.0,
            1.0,
            unit="share",
            doc="share of middle managers dismissed",
            source="assumed",
            label_zh="更换中层的比例",
            doc_zh="被辞退的中层管理人员比例",
        )

    def apply(self, mgmt: Management):
        p, people = self.params, mgmt.people
        injection = p.cash_injection
        if p.clear_debts and mgmt.cash < 0:
            injection += -mgmt.cash
        if injection:
            mgmt.inject(injection)
        mgmt.set_culture(value=p.culture_value, strength=p.culture_strength, vision=p.vision)
        gone = np.zeros(0, dtype=np.int64)
        if p.replace_executives:
            gone = np.flatnonzero(people.level == EXECUTIVE_LEVEL)
        managers = np.flatnonzero(people.level == MANAGER_LEVEL)
        count = int(round(p.replace_managers_share * managers.size))
        if count:
            gone = np.concatenate([gone, mgmt.rng.permutation(managers)[:count]])
        mgmt.log("takeover", injection=float(injection), replaced=int(gone.size))
        mgmt.separate(gone, "dismissal")


@register
class KeyPeopleLeave(Event):
    """Named key people leave: the top holders of a role, ranked by clients held, output or tenure.

    The ``count`` people of ``role`` at ranks ``first_rank, first_rank + 1, ...`` by ``rank_by``
    (1 = the top) quit this month; their clients follow them as with any leaver. A what-if for
    training ("what if our three best salespeople left?"); a case that must show a departure
    arising from the psychology (Shengyi) must not use it.

    Source: source document, Shengyi: the key salespeople leave and take the core clients.
    """

    name = "key_people_leave"
    title_zh = "骨干离职"
    summary_zh = "指定的骨干离职：按所持客户、产出或司龄排名靠前的某岗位人员。"

    class Params(Spec):
        role: str = described(
            "salesperson",
            doc="role of the people who leave",
            label_zh="岗位",
            doc_zh="离职人员所在的岗位",
        )
        count: int = param(
            3,
            0,
            1_000_000,
            unit="people",
            doc="how many leave",
            source="assumed",
            label_zh="人数",
            doc_zh="离职的人数",
        )
        rank_by: Literal["client_revenue", "clients", "output", "tenure"] = choice(
            "client_revenue",
            "what ranks the role's people",
            label_zh="排序依据",
            doc_zh="该岗位人员按什么排序",
            options_zh={
                "client_revenue": "客户收入",
                "clients": "客户数",
                "output": "产出",
                "tenure": "司龄",
            },
        )
        first_rank: int = param(
            1,
            1,
            1_000_000,
            unit="rank",
            doc="rank of the first to leave (1 = the top)",
            label_zh="起始名次",
            doc_zh="第一个离职者的名次（1 = 排名第一）",
        )

    @classmethod
    def scenario_problems(cls, params, scenario) -> list:
        """The role must exist in the scenario's firm."""
        return role_problems(scenario, params.role, "params.role")

    def apply(self, mgmt: Management):
        p, people = self.params, mgmt.people
        r = mgmt.role_index(p.role, "key_people_leave.role")
        rows = np.flatnonzero(people.role == r)
        if p.rank_by in ("client_revenue", "clients"):
            counts, revenue = mgmt.held_clients()
            score = (revenue if p.rank_by == "client_revenue" else counts)[rows]
        else:
            score = getattr(people, p.rank_by)[rows]
        order = rows[np.argsort(-score, kind="stable")]
        gone = order[p.first_rank - 1 : p.first_rank - 1 + p.count]
        mgmt.log("key_people_left", role=p.role, people=int(gone.size))
        mgmt.separate(gone, "quit")
