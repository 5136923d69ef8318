"""The calibration harness recovers the known parameters of a cheap toy simulator, gives the same
parameters from the same seed whatever the number of workers, and refuses what it cannot fit
(as tests/test_sensitivity.py checks SALib on Ishigami before the model)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.calibration import harness, history_matching
from sim.calibration.parameters import Prior
from sim.calibration.statistics import CaseFact
from sim.calibration.target import Target
from sim.experiment import SequentialExecutor, process_pool

TRUTH = {"psychology.search_threshold": 3.0, "psychology.quit_hygiene": 2.5}
PRIORS = (
    Prior("psychology.search_threshold", 1.0, 6.0, "toy"),
    Prior("psychology.quit_hygiene", 0.5, 4.0, "toy"),
)


def toy(row: np.ndarray) -> np.ndarray:
    """Two smooth statistics of two parameters with a unique solution, and deterministic
    'replicate noise' (a fixed function of the parameters, so a test can repeat it)."""
    a, b = row
    a = a / 1000.0  # the toy's first parameter lives on the scale 0.001-0.006
    noise = 0.002 * math.sin(1e4 * a + 17 * b)
    return np.array([1000 * a * (1 + 0.2 * b) + noise, b - 300 * a + noise])


def toy_targets() -> list[Target]:
    truth = toy(np.array(list(TRUTH.values()))) - 0.002 * math.sin(1e4 * 0.003 + 17 * 2.5)
    return [
        Target(
            f"y{j}",
            CaseFact("toy", f"y{j}"),
            value=v,
            tolerance=0.05,
            source="toy",
            role="calibration",
            case="toy",
        )
        for j, v in enumerate(truth)
    ]


class ToySimulator:
    """Evaluates the toy on an executor, as the model's runs go to one."""

    def __init__(self, executor):
        self.executor = executor

    def __call__(self, X):
        rows = list(self.executor.map(toy, list(X)))
        return np.array(rows), np.full((len(X), 2), 0.002**2)


SMALL = harness.CalibrationSettings(
    waves=3, points=20, seeds=2, ensemble=20, minimum=5, candidates=2**11, seed=3
)


def test_history_matching_recovers_the_toy_parameters():
    data = harness.calibrate(
        toy_targets(), PRIORS, SMALL, simulator=ToySimulator(SequentialExecutor())
    )
    assert not data["nroy_empty"]
    for p in data["parameters"]:
        low, high = p["interval"]
        width = p["prior"][1] - p["prior"][0]
        assert low - 0.02 * width <= TRUTH[p["path"]] <= high + 0.02 * width, p
        assert high - low < 0.3 * width, p  # the targets pin it down
    assert all(t["met_share"] >= 0.8 for t in data["targets"])


def test_same_seed_same_parameters_with_one_worker_or_two():
    one = harness.calibrate(
        toy_targets(), PRIORS, SMALL, simulator=ToySimulator(SequentialExecutor())
    )
    pool = process_pool(2)
    try:
        two = harness.calibrate(toy_targets(), PRIORS, SMALL, simulator=ToySimulator(pool))
    finally:
        pool.shutdown()
    assert one["ensemble"]["members"] == two["ensemble"]["members"]
    assert one["parameters"] == two["parameters"]
    other = harness.calibrate(
        toy_targets(),
        PRIORS,
        harness.dataclasses.replace(SMALL, seed=4),
        simulator=ToySimulator(SequentialExecutor()),
    )
    assert other["ensemble"]["members"] != one["ensemble"]["members"]


def test_a_target_the_model_cannot_meet_is_reported_not_hidden():
    impossible = [
        *toy_targets()[:1],
        Target(
            "y1",
            CaseFact("toy", "y1"),
            value=50.0,
            tolerance=0.01,
            source="toy",
            role="calibration",
            case="toy",
        ),
    ]
    data = harness.calibrate(
        impossible, PRIORS, SMALL, simulator=ToySimulator(SequentialExecutor())
    )
    assert data["nroy_empty"]
    assert data["targets"][1]["met_share"] == 0.0


def test_a_case_fact_without_a_tolerance_cannot_be_fitted():
    fact = Target(
        "f",
        CaseFact("shengyi", "shengyi_four_levels_in_order"),
        value=math.nan,
        tolerance=None,
        source="s",
        role="calibration",
        case="shengyi",
    )
    with pytest.raises(ValueError, match="cannot be fitted"):
        harness.observations([fact])


def test_implausibility_is_zero_inside_the_tolerance_and_grows_outside():
    obs = [history_matching.Observation("y", 1.0, 2.0)]
    scores = history_matching.implausibility(
        obs, np.array([[1.5], [2.3], [np.nan]]), np.array([[0.01], [0.01], [0.01]])
    )
    assert scores[0] == 0.0 and scores[1] == pytest.approx(3.0) and math.isinf(scores[2])
