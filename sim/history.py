"""A firm's simulated past, computed once per scenario and seed.

Every model starts from ``firm.history_months`` of simulated past under its month-0 policies
(:class:`sim.model.OrgModel`). Scenarios that differ only in what happens from month 0 on (their
timeline, their length, their name and story) share that past: a policy comparison adopts its
policies on the timeline, so both arms start from the same firm. :func:`start` keeps the month-0
state of recent pasts in memory and hands out copies, so the past is simulated once per scenario
and seed in a process; a copy is the same, bit for bit, as a model built afresh (tested).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections import OrderedDict
from typing import TYPE_CHECKING

from sim.scenario import Scenario

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel

MAX_CACHED_PEOPLE = 250_000  # employees kept in memory across the cached pasts (about 0.5 GB)
_PRESENTATION = ("name", "title", "title_zh", "story", "story_zh", "currency")
_CACHE: OrderedDict[tuple, OrgModel] = OrderedDict()


def past_key(scenario: Scenario, seed: int | None, engine: str) -> tuple:
    """What a firm's past depends on: the scenario without its timeline, length and presentation,
    the seed and the engine."""
    data = scenario.model_dump(mode="json", exclude={"timeline", "months", *_PRESENTATION})
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
    return digest, seed, engine


def start(
    model_class: type[OrgModel], scenario: Scenario, seed: int | None, engine: str
) -> OrgModel:
    """A model of ``scenario`` at month 0, its past taken from memory when it was simulated
    before in this process (a copy, so the cached one is never stepped)."""
    if seed is None:  # an unseeded model has no reproducible past to share
        return model_class(scenario, seed=seed, engine=engine)
    key = past_key(scenario, seed, engine)
    cached = _CACHE.get(key)
    if cached is None:
        model = model_class(scenario, seed=seed, engine=engine)
        _remember(key, model)
        return model
    _CACHE.move_to_end(key)
    model = copy.deepcopy(cached)
    model.adopt(scenario)
    return model


def _remember(key: tuple, model: OrgModel) -> None:
    if model.workforce.n > MAX_CACHED_PEOPLE:
        return
    _CACHE[key] = copy.deepcopy(model)
    while sum(m.workforce.n for m in _CACHE.values()) > MAX_CACHED_PEOPLE:
        _CACHE.popitem(last=False)


def forget() -> None:
    """Drop every cached past (tests of the cache itself use it)."""
    _CACHE.clear()
