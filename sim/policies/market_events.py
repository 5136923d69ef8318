"""Timeline events about people and owners: a holiday break with a return decision, a takeover,
and the departure of named key people (phase 1 of the month).

The market events (demand, inflation, labour shortage, cash injection) and the policy changes are
in :mod:`sim.policies.events`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import Field

from sim.params import Spec, param
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

    class Params(Spec):
        migrant_share: float = param(
            0.7,
            0.0,
            1.0,
            unit="share",
            doc="share of the travelling roles who are migrants and go home",
            source="assumed: migrant workers are most of a coastal factory's workforce",
        )
        roles: list[str] = Field(
            default_factory=list,
            description="roles that travel home (empty: every staff-level role)",
        )
        stranded_share: float = param(
            0.05,
            0.0,
            1.0,
            unit="share",
            doc="share of travellers who cannot get back unless the firm arranges the trip",
            source="source document: tickets were unobtainable",
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

    class Params(Spec):
        cash_injection: float = param(
            0.0, 0.0, 1e12, unit="currency", doc="money the new owner puts in", source="assumed"
        )
        clear_debts: bool = Field(False, description="the new owner pays off negative cash")
        culture_value: float | None = param(
            None,
            0.0,
            1.0,
            unit="values",
            doc="the new owner's values on the firm's [0, 1] value scale (empty: unchanged)",
            source="assumed",
        )
        culture_strength: float | None = param(
            0.2,
            0.0,
            1.0,
            unit="strength",
            doc="how widely the culture is shared right after the takeover (empty: unchanged)",
            source="assumed: a new owner's culture starts unshared",
        )
        vision: float | None = param(
            0.0,
            0.0,
            1.0,
            unit="belief",
            doc="belief in a shared vision right after the takeover (empty: unchanged)",
            source="assumed: the old vision dies with the old firm",
        )
        replace_executives: bool = Field(False, description="every executive is dismissed")
        replace_managers_share: float = param(
            0.0,
            0.0,
            1.0,
            unit="share",
            doc="share of middle managers dismissed",
            source="assumed",
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

    class Params(Spec):
        role: str = Field("salesperson", description="role of the people who leave")
        count: int = param(3, 0, 1_000_000, unit="people", doc="how many leave", source="assumed")
        rank_by: Literal["client_revenue", "clients", "output", "tenure"] = Field(
            "client_revenue", description="what ranks the role's people"
        )
        first_rank: int = param(
            1, 1, 1_000_000, unit="rank", doc="rank of the first to leave (1 = the top)"
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
