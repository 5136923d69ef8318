"""The columnar store: adding, removing and swapping rows keeps every agent on its own row.

Live rows are kept contiguous in [0, n): a removal moves rows from the tail into the holes and tells
the moved agents their new row. These tests check that every column (built-in or registered by a
policy) follows its person, on the bare store and inside a running model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim import OrgModel, load_scenario
from sim.agents.state import DECLARED, Workforce

BASELINE = load_scenario("baseline")


def small_model(seed: int) -> OrgModel:
    return OrgModel(BASELINE, seed=seed)


@dataclass
class Handle:
    """A stand-in for the Employee agent: the store only needs its ``row``."""

    uid: int
    row: int


def hire(ws: Workforce, uids: list[int]) -> None:
    rows = ws.add(len(uids))
    for row, uid in zip(range(rows.start, rows.stop), uids, strict=True):
        ws.uid[row] = uid
        ws.wage[row] = 1000.0 + uid  # a float column that identifies the person
        ws.needs[row] = uid / 1000.0  # a 2-D column
        ws.agents.append(Handle(uid, row))


def assert_consistent(ws: Workforce, expected_uids: set[int], extra: str | None = None) -> None:
    assert len(ws.agents) == ws.n
    assert set(ws.uid[: ws.n].tolist()) == expected_uids
    for row, agent in enumerate(ws.agents):
        assert agent.row == row
        assert ws.uid[row] == agent.uid
        assert ws.wage[row] == 1000.0 + agent.uid
        assert np.all(ws.needs[row] == agent.uid / 1000.0)
        if extra is not None:
            assert getattr(ws, extra)[row] == 7.0 * agent.uid


def test_add_appends_zeroed_rows():
    ws = Workforce(capacity=16)
    ws.wage[:16] = 99.0  # garbage left in free rows must not leak into new people
    rows = ws.add(3)
    assert rows == slice(0, 3) and ws.n == 3
    assert np.all(ws.wage[:3] == 0.0)


def test_removing_rows_moves_the_tail_into_the_holes():
    ws = Workforce(capacity=16)
    hire(ws, list(range(10)))
    mapping = ws.remove(np.array([1, 4, 8]))
    assert ws.n == 7
    assert_consistent(ws, set(range(10)) - {1, 4, 8})
    assert mapping.shape == (10,)
    assert mapping[[1, 4, 8]].tolist() == [-1, -1, -1]
    # survivors below the new end stay put; survivors above it move into the holes
    assert mapping[[0, 2, 3, 5, 6]].tolist() == [0, 2, 3, 5, 6]
    assert sorted(mapping[[7, 9]].tolist()) == [1, 4]


def test_removal_mapping_lets_row_indexed_data_follow():
    ws = Workforce(capacity=16)
    hire(ws, list(range(12)))
    labels = ws.uid[:12].copy()  # something indexed by old row, like a client's owner
    mapping = ws.remove(np.array([0, 5, 11, 3]))
    for old_row, new_row in enumerate(mapping.tolist()):
        if new_row >= 0:
            assert ws.uid[new_row] == labels[old_row]


def test_removing_nothing_or_everything():
    ws = Workforce(capacity=16)
    hire(ws, [1, 2, 3])
    assert ws.remove(np.array([], dtype=np.int64)).tolist() == [0, 1, 2]
    assert_consistent(ws, {1, 2, 3})
    ws.remove(np.array([2, 0, 1, 1]))  # duplicates and any order
    assert ws.n == 0 and ws.agents == []


def test_growing_keeps_every_column():
    ws = Workforce(capacity=16)
    extra = ws.register_column("bonus_bank")
    hire(ws, list(range(16)))
    extra[:16] = 7.0 * np.arange(16)
    hire(ws, list(range(16, 40)))  # forces growth
    assert ws.capacity >= 40
    ws.bonus_bank[16:40] = 7.0 * np.arange(16, 40)
    assert_consistent(ws, set(range(40)), extra="bonus_bank")


def test_registered_column_follows_rows():
    ws = Workforce(capacity=32)
    hire(ws, list(range(20)))
    col = ws.register_column("months_unvested", dtype=float, fill=-1.0)
    assert col.shape == (ws.capacity,)
    assert np.all(col == -1.0)
    col[:20] = 7.0 * np.arange(20)
    ws.remove(np.array([0, 3, 19, 7]))
    assert_consistent(ws, set(range(20)) - {0, 3, 19, 7}, extra="months_unvested")


def test_registering_a_column_twice_returns_the_same_column():
    ws = Workforce()
    first = ws.register_column("vested", dtype=bool)
    assert ws.register_column("vested", dtype=bool) is first
    assert ws.columns.count("vested") == 1
    assert ws.register_column("wage") is ws.wage  # a built-in name is never shadowed


def test_registered_integer_column_keeps_its_dtype_through_growth():
    ws = Workforce(capacity=16)
    ws.register_column("strikes", dtype=np.int64)
    hire(ws, list(range(40)))
    assert ws.strikes.dtype == np.int64


def test_every_declared_column_exists_with_capacity_rows():
    ws = Workforce(capacity=50)
    for name in DECLARED:
        assert getattr(ws, name).shape[0] == ws.capacity


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("add"), st.integers(1, 30)),
            st.tuples(st.just("remove"), st.lists(st.integers(0, 10_000), max_size=25)),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_any_sequence_of_hires_and_exits_keeps_agents_and_rows_consistent(ops):
    ws = Workforce(capacity=16)
    ws.register_column("bank")
    alive: set[int] = set()
    next_uid = 0
    for kind, arg in ops:
        if kind == "add":
            uids = list(range(next_uid, next_uid + arg))
            next_uid += arg
            start = ws.n
            hire(ws, uids)
            ws.bank[start : ws.n] = 7.0 * np.array(uids)
            alive |= set(uids)
        elif ws.n:
            rows = np.array([i % ws.n for i in arg], dtype=np.int64)
            gone = {int(ws.uid[r]) for r in rows}
            ws.remove(rows)
            alive -= gone
        assert_consistent(ws, alive, extra="bank")


# --- inside a running model -------------------------------------------------------------------


def test_model_agents_rows_and_uids_stay_consistent_through_a_run():
    model = small_model(seed=3)
    for _ in range(24):
        model.step()
        ws = model.workforce
        n = ws.n
        assert len(ws.agents) == n == len(model.agents)
        assert set(ws.agents) == set(model.agents)
        for row, agent in enumerate(ws.agents):
            assert agent.row == row
            assert ws.uid[row] == agent.unique_id
        assert len(set(ws.uid[:n].tolist())) == n
        # row-indexed structures point at live rows only
        assert np.all((model.clients.owner >= -1) & (model.clients.owner < n))
        assert np.all((model.network.src >= 0) & (model.network.src < n))
        assert np.all((model.network.dst >= 0) & (model.network.dst < n))


def test_model_employee_reads_its_own_row():
    model = small_model(seed=4).run(6)
    ws = model.workforce
    for row in (0, ws.n // 2, ws.n - 1):
        agent = ws.agents[row]
        assert agent.effort == ws.effort[row]
        assert agent.tenure == ws.tenure[row]
        assert model.employee(agent.unique_id) is agent
        agent.effort = 0.9
        assert ws.effort[row] == 0.9


def test_a_leaver_takes_nobody_elses_state():
    model = small_model(seed=5).run(3)
    ws = model.workforce
    before = {a.unique_id: (a.ability, a.values, a.hired_month) for a in ws.agents}
    leavers = np.array([0, 1, ws.n // 3])
    left = {ws.agents[r].unique_id for r in leavers}
    model.separate(leavers, "dismissal")
    after = {a.unique_id: (a.ability, a.values, a.hired_month) for a in ws.agents}
    assert set(after) == set(before) - left
    for uid, state in after.items():
        assert state == before[uid]
    assert all(model.employee(uid) is None for uid in left)


def test_a_registered_column_follows_people_through_a_run():
    model = small_model(seed=6)
    ws = model.workforce
    tag = ws.register_column("tag")
    tag[: ws.n] = ws.uid[: ws.n]
    model.run(24)  # quits and hires move rows around; new hires get 0
    live = ws.tag[: ws.n]
    hired_before = live != 0
    assert hired_before.any()
    assert np.all(live[hired_before] == ws.uid[: ws.n][hired_before])


def test_an_employee_reads_like_a_person():
    from sim import OrgModel

    model = OrgModel.from_scenario("baseline", seed=1).run(2)
    sales = model.agents.select(lambda a: a.role == "salesperson")
    assert len(sales) == int((model.workforce.live("role") == 1).sum()) > 0
    person = next(iter(sales))
    row = person.row
    ws = model.workforce
    assert person.department == "sales"
    assert person.level == "staff"
    assert person.satisfaction == ws.motivator_satisfaction[row]
    assert person.dissatisfaction == ws.hygiene_dissatisfaction[row]
    assert person.intent == ws.intent[row] and person.tenure == ws.tenure[row]
    assert person.wage == ws.wage[row]
    assert person.safety == ws.needs[row, 1] and set(person.needs) == {
        "physiological",
        "safety",
        "belonging",
        "esteem",
        "self_actualization",
    }
    assert person.stage.name.lower() in {
        "cognition",
        "exploration",
        "expansion",
        "commitment",
        "dissolution",
    }
