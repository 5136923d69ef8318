"""The ``mesa_idiomatic`` reference of the throughput benchmark computes what the engine computes.

``benchmarks/idiomatic.py`` writes phase 3 per agent in plain scalar Python (each
``IdiomaticEmployee`` keeps its own numbers as attributes); ``benchmarks/throughput.py`` times it
against the vectorised engine. The comparison is only honest if both apply the same rules: here a
firm is taken to the point just before the rules of phase 3 of a month, copied, and one copy
perceives with ``behaviour.perceive`` (vectorised over every row) while an idiomatic firm built
from the other takes one ``shuffle_do("step")``, with the same world, peers and draws. Every
column the rules write must agree, person by person (agents matched to rows by unique_id), to
rtol 1e-9 and atol 1e-12: the arithmetic is the same, in the same order, but ``math`` and NumPy
may round a transcendental function differently in the last bit.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim import OrgModel, load_scenario
from sim.agents import behaviour
from sim.agents.psychology import DRIVERS, NEEDS
from sim.scenario import validate_scenario

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "idiomatic.py"
_SPEC = importlib.util.spec_from_file_location("idiomatic", _PATH)
idiomatic = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(idiomatic)

RTOL, ATOL = 1e-9, 1e-12
# every column behaviour.perceive writes
WRITTEN = (
    "needs",
    "security",
    "sacrifice",
    "match_belief",
    "equity_internal",
    "equity_external",
    "inequity",
    "hygiene_dissatisfaction",
    "motivator_satisfaction",
    "money_sensitivity",
    "effort",
    "commitment",
    "embeddedness",
    "outside_option",
    "contagion",
    "search",
    "hazard",
    "intent",
    "drivers",
    "stage",
    "phase",
    "skill",
    "raise_shock",
    "recognition_shock",
    "layoff_fear",
    "hardship",
    "wage_growth",
    "expected_raise",
    "defect_rate",
)


def levers():
    """The baseline with the policies whose conditions the rules read and no shipped scenario
    sets together: every unit paid by the piece, scarce awards every month, enriched jobs, firm-
    owned clients, help with hardships, monthly bottom-ranking with results told and retraining
    first."""
    data = load_scenario("baseline").model_dump(mode="python")
    data["name"] = "idiomatic_levers"
    data["policies"] += [
        {"name": "piece_rate", "params": {"quality_rule": "none", "roles": ["production_worker"]}},
        {"name": "recognition", "params": {"scope": "scarce", "every_months": 1}},
        {"name": "job_enrichment", "params": {}},
        {"name": "client_ownership", "params": {"mode": "firm"}},
        {"name": "emotional_care", "params": {}},
        {
            "name": "bottom_ranking",
            "params": {"frequency": "monthly", "retrain_first": True, "roles": ["engineer"]},
        },
    ]
    return validate_scenario(data, source="tests/test_idiomatic.py")


def perceive_both(org: OrgModel, seed: int = 0):
    """``org`` (where ``idiomatic.month_before_perception`` leaves it) perceived both ways: the
    vectorised rules on a copy, one idiomatic step on a firm built from ``org``."""
    vec = copy.deepcopy(org)
    firm = idiomatic.IdiomaticFirm.from_orgmodel(org, seed=seed)
    firm.step()
    ws = vec.workforce
    behaviour.perceive(ws, slice(0, ws.n), vec.psychology, vec.world, vec.peers, vec.draws)
    return vec, firm


def compare(vec: OrgModel, firm) -> float:
    """Assert that every written column agrees person by person; return the largest relative
    difference seen (over values that are not zero)."""
    ws = vec.workforce
    uids = ws.live("uid").tolist()
    agents = {agent.unique_id: agent for agent in firm.agents}
    assert sorted(agents) == sorted(uids), "the idiomatic firm has other people than the rows"
    ordered = [agents[uid] for uid in uids]
    worst = 0.0
    for name in WRITTEN:
        expected = ws.live(name).astype(float)
        got = np.array([getattr(agent, name) for agent in ordered], dtype=float)
        assert got.shape == expected.shape, name
        close = np.isclose(got, expected, rtol=RTOL, atol=ATOL)
        if not close.all():
            i = np.argwhere(~close)[0]
            raise AssertionError(
                f"{name}: {int((~close).sum())} values differ; first at uid {uids[i[0]]}"
                f"{'' if got.ndim == 1 else f', index {i[1]}'}: idiomatic {got[tuple(i)]!r}, "
                f"vectorised {expected[tuple(i)]!r}"
            )
        nonzero = expected != 0
        if nonzero.any():
            rel = np.abs(got[nonzero] - expected[nonzero]) / np.abs(expected[nonzero])
            worst = max(worst, float(rel.max()))
    return worst


def at_month(scenario, seed: int, months: int = 3) -> OrgModel:
    org = OrgModel(scenario, seed=seed).run(months)
    idiomatic.month_before_perception(org)
    return org


@pytest.mark.parametrize(
    ("scenario", "seed"),
    [
        ("baseline", 1),
        ("baseline", 2),
        ("shengyi", 1),  # threats, quarterly opaque appraisal, contested clients, a subsidy
        ("forced_ranking", 1),  # bottom-ranking, results not told
        ("lincoln_electric", 1),  # unpaid defects, guarantees, unvested profit shares
        ("levers", 1),
    ],
)
def test_one_idiomatic_step_computes_what_the_vectorised_rules_compute(scenario, seed):
    org = at_month(levers() if scenario == "levers" else scenario, seed)
    vec, firm = perceive_both(org)
    worst = compare(vec, firm)
    print(
        f"{scenario} seed {seed}: {vec.workforce.n} people, largest relative difference {worst:.1e}"
    )


def test_the_levers_firm_exercises_the_branches_it_is_meant_to():
    org = at_month(levers(), 1)
    live = org.workforce.live
    assert (live("piece_quality") == 1).any()
    assert (live("award") == 1).any() and (live("award") == -1).any()
    assert (live("bottom_share") > 0).any()
    assert np.isfinite(live("rank_percentile")).any() and np.isfinite(live("retrain_fail")).any()
    assert org.conditions.job_enrichment > 0 and org.conditions.hardship_help > 0
    assert org.conditions.client_ownership > 0


def perturb(org: OrgModel, seed: int) -> None:
    """Set every per-person condition and state the rules branch on to varied values (the same
    in both copies, since both are made afterwards), and firm-wide conditions no shipped scenario
    sets at once, before the month's climate, world and peers are computed."""
    ws, n = org.workforce, org.workforce.n
    rng = np.random.default_rng(seed)
    rows = slice(0, n)

    def some(p):
        return rng.random(n) < p

    ws.award[rows] = rng.integers(-1, 2, n)
    ws.attention[rows] = rng.integers(0, 3, n)
    ws.piece_quality[rows] = rng.integers(0, 3, n)
    ws.threatened[rows] = some(0.3)
    ws.guaranteed[rows] = some(0.3)
    ws.in_contest[rows] = some(0.2)
    ws.bottom_share[rows] = np.where(some(0.6), rng.uniform(0.05, 0.3, n), 0.0)
    ws.rank_percentile[rows] = np.where(some(0.5), rng.random(n), np.nan)
    ws.retrain_fail[rows] = np.where(some(0.5), rng.random(n), np.nan)
    ws.process_untold[rows] = rng.random(n)
    ws.appraisals_per_year[rows] = rng.choice([0.0, 1.0, 2.0, 4.0, 12.0], n)
    ws.told[rows] = rng.random(n)
    ws.rating_accuracy[rows] = rng.random(n)
    ws.withheld_share[rows] = np.where(some(0.3), rng.random(n), 0.0)
    ws.unvested_share[rows] = rng.uniform(0.0, 1.5, n)
    ws.owed_share[rows] = np.where(some(0.3), rng.uniform(0.0, 2.0, n), 0.0)
    ws.guarantee_progress[rows] = rng.uniform(0.0, 1.5, n)
    ws.hardship[rows] = rng.choice([0.0, 1.0, 3.0], n)
    ws.layoff_fear[rows] = rng.uniform(0.0, 0.3, n)
    ws.raise_shock[rows] = rng.uniform(-0.6, 0.6, n)
    ws.recognition_shock[rows] = rng.uniform(-0.9, 0.9, n)
    ws.exposure[rows] = rng.uniform(0.0, 1.5, n)
    ws.wage_growth[rows] = rng.uniform(-0.05, 0.1, n)
    ws.expected_raise[rows] = rng.uniform(0.0, 0.1, n)
    ws.hours[rows] = rng.choice([0.5, 0.75, 1.0], n)
    ws.incentive[rows] = rng.uniform(0.1, 1.5, n)
    ws.defect_rate[rows] = rng.uniform(0.0, 0.9, n)
    ws.level[rows] = rng.integers(0, 3, n)
    ws.stage[rows] = rng.integers(0, 5, n)
    ws.tenure[rows] = np.where(some(0.3), rng.integers(0, 3, n), ws.tenure[rows])
    ws.paid[rows] = np.where(some(0.1), 0.0, ws.paid[rows])  # unpaid: the MIN_OUTCOME floor
    cond = org.conditions
    cond.job_enrichment, cond.hardship_help, cond.client_ownership = 0.5, 0.6, 0.4
    cond.threats, cond.criticism, cond.walking_around = True, 0.3, 0.2


@pytest.mark.parametrize("seed", [1, 2])
def test_the_rules_agree_on_every_branch_of_perturbed_people(seed):
    org = OrgModel("shengyi", seed=seed).run(2)
    idiomatic.advance_to_perception(org)
    perturb(org, seed)
    idiomatic.perception_inputs(org)
    # a firm in decline that owes wages (firm-level inputs of security)
    org.world = dataclasses.replace(org.world, arrears=0.25, outlook=0.6)
    live = org.workforce.live
    assert (live("stage") == 4).any() and (live("tenure") < 3).any()
    vec, firm = perceive_both(org, seed)
    worst = compare(vec, firm)
    print(f"perturbed shengyi seed {seed}: largest relative difference {worst:.1e}")


def test_the_comparison_fails_when_one_person_differs():
    vec, firm = perceive_both(at_month("shengyi", 1))
    compare(vec, firm)
    agent = next(iter(firm.agents))
    agent.effort *= 1.0 + 1e-8
    with pytest.raises(AssertionError, match="effort"):
        compare(vec, firm)
    agent.effort /= 1.0 + 1e-8
    agent.needs = [agent.needs[0], agent.needs[1] + 1e-9, *agent.needs[2:]]
    with pytest.raises(AssertionError, match="needs"):
        compare(vec, firm)


def test_the_agents_hold_plain_python_numbers():
    firm = idiomatic.IdiomaticFirm.from_orgmodel(at_month("shengyi", 1))
    agent = next(iter(firm.agents))
    firm.step()
    for name in idiomatic.STATE:
        value = getattr(agent, name)
        if isinstance(value, list):
            assert len(value) in (len(NEEDS), len(DRIVERS))
            assert all(type(x) is float for x in value), name
        else:
            assert type(value) in (float, int, bool), (name, type(value))
    for name in ("cpi", "subsistence", "culture_strength", "vision", "arrears", "outlook"):
        assert type(getattr(firm, name)) is float, name
    assert all(
        type(getattr(firm.climate, f.name)) is float for f in dataclasses.fields(firm.climate)
    )


def test_later_months_draw_their_own_experience_and_stay_finite():
    firm = idiomatic.IdiomaticFirm.from_orgmodel(at_month("baseline", 1), seed=5)
    for _ in range(3):
        firm.step()
    assert firm.experience is None
    for agent in firm.agents:
        assert math.isfinite(agent.intent) and 0.0 <= agent.intent <= 1.0
        assert abs(sum(agent.drivers) - 1.0) < 1e-9


def test_the_month_before_perception_is_the_month_orgmodel_steps():
    """``idiomatic.month_before_perception`` reproduces ``OrgModel.step`` up to the rules of phase
    3: finishing that month by hand gives the very numbers of a model that stepped."""
    stepped = OrgModel("shengyi", seed=3).run(2)
    by_hand = copy.deepcopy(stepped)
    stepped.step()

    idiomatic.month_before_perception(by_hand)
    ws = by_hand.workforce
    world = by_hand.world
    behaviour.perceive(ws, slice(0, ws.n), by_hand.psychology, world, by_hand.peers, by_hand.draws)
    strength, vision = behaviour.socialise(ws, by_hand.psychology, world)
    by_hand.firm.culture_strength, by_hand.firm.vision = strength, vision
    by_hand.work()
    by_hand.separations()
    by_hand.settle()
    by_hand.measure()

    pd.testing.assert_frame_equal(stepped.metrics(), by_hand.metrics(), check_exact=True)
    assert stepped.workforce.n == ws.n
    for name in ws.columns:
        a, b = stepped.workforce.live(name), ws.live(name)
        assert np.array_equal(a, b, equal_nan=True), name
