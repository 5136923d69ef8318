"""The sensitivity pipeline (declared bounds -> SALib sample -> evaluate -> indices) is checked on
functions whose indices are known before it is trusted on the model."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim import experiment as ex
from sim.params import Spec, param

A, B = 7.0, 0.1  # the usual Ishigami constants


class Ishigami(Spec):
    """Inputs of the Ishigami function, declared like any model parameter."""

    x1: float = param(0.0, -math.pi, math.pi, doc="first input")
    x2: float = param(0.0, -math.pi, math.pi, doc="second input")
    x3: float = param(0.0, -math.pi, math.pi, doc="third input (acts only with x1)")


class Linear(Spec):
    """Inputs of a linear function with known slopes, and one input that does nothing."""

    steep: float = param(0.0, 0.0, 2.0, doc="slope 5")
    gentle: float = param(0.0, -1.0, 1.0, doc="slope 1")
    inert: float = param(0.0, 0.0, 10.0, doc="no effect")


def ishigami(X: np.ndarray) -> np.ndarray:
    return np.sin(X[:, 0]) + A * np.sin(X[:, 1]) ** 2 + B * X[:, 2] ** 4 * np.sin(X[:, 0])


def ishigami_indices() -> tuple[list[float], list[float]]:
    """Analytic first-order and total indices (Ishigami & Homma 1990; Sobol' & Levitan 1999)."""
    v1 = 0.5 * (1 + B * math.pi**4 / 5) ** 2
    v2 = A**2 / 8
    v13 = B**2 * math.pi**8 * (1 / 18 - 1 / 50)
    var = v1 + v2 + v13
    return [v1 / var, v2 / var, 0.0], [(v1 + v13) / var, v2 / var, v13 / var]


def test_bounds_of_the_problem_are_those_declared():
    problem = ex.sensitivity_problem(["x1", "x3"], root=Ishigami)
    assert problem["names"] == ["x1", "x3"]
    assert problem["bounds"] == [[-math.pi, math.pi], [-math.pi, math.pi]]
    narrower = ex.sensitivity_problem({"x1": (0.0, 1.0)}, root=Ishigami)
    assert narrower["bounds"] == [[0.0, 1.0]]
    with pytest.raises(ex.ExperimentError, match="within the declared"):
        ex.sensitivity_problem({"x1": (-4.0, 1.0)}, root=Ishigami)


def test_model_bounds_come_from_the_parameter_declarations():
    bounds = ex.parameter_bounds(["psychology.loss_aversion", "market.shortage"])
    assert bounds == {"psychology.loss_aversion": (1.0, 4.0), "market.shortage": (0.0, 0.95)}
    with pytest.raises(ex.ExperimentError, match="only numbers"):
        ex.parameter_bounds(["firm.hire_to_plan"])


def test_a_relative_range_is_centred_on_the_scenario_value_within_the_declared_bounds():
    from sim import load_scenario

    baseline = load_scenario("baseline")
    bounds = ex.parameter_bounds(
        {"firm.roles.salesperson.wage": "20%", "psychology.loss_aversion": "200%"}, baseline
    )
    assert bounds["firm.roles.salesperson.wage"] == pytest.approx((2800.0, 4200.0))
    assert bounds["psychology.loss_aversion"] == (1.0, 4.0)  # 2 +- 4, clipped to [1, 4]
    with pytest.raises(ex.ExperimentError, match="give lo:hi"):
        ex.parameter_bounds({"market.shortage": "50%"}, baseline)  # 0 +- 50% is empty


def test_sobol_indices_of_the_ishigami_function_match_the_analytic_values():
    problem = ex.sensitivity_problem(["x1", "x2", "x3"], root=Ishigami)
    X = ex.sensitivity_sample(problem, "sobol", 2048, root_seed=1)
    indices = ex.sensitivity_analyse(problem, "sobol", X, ishigami(X), "f", root_seed=1)
    first, total = ishigami_indices()
    assert indices["S1"].to_numpy() == pytest.approx(first, abs=0.04)
    assert indices["ST"].to_numpy() == pytest.approx(total, abs=0.04)
    # the reported intervals are honest: each covers the true value
    assert (abs(indices["S1"] - first) <= indices["S1_conf"] + 0.01).all()
    assert (abs(indices["ST"] - total) <= indices["ST_conf"] + 0.01).all()


def test_morris_recovers_the_slopes_of_a_linear_function_and_screens_out_the_inert_input():
    problem = ex.sensitivity_problem(["steep", "gentle", "inert"], root=Linear)
    X = ex.sensitivity_sample(problem, "morris", 20, root_seed=2)
    y = 5 * X[:, 0] + 1 * X[:, 1] + 0 * X[:, 2]
    indices = ex.sensitivity_analyse(problem, "morris", X, y, "f", root_seed=2).set_index(
        "parameter"
    )
    # an elementary effect is measured per unit of the range: slope x width
    assert indices.loc["steep", "mu_star"] == pytest.approx(5 * 2.0)
    assert indices.loc["gentle", "mu_star"] == pytest.approx(1 * 2.0)
    assert indices.loc["inert", "mu_star"] == pytest.approx(0.0, abs=1e-12)
    assert indices["sigma"].to_numpy() == pytest.approx(0.0, abs=1e-9)


def test_morris_finds_the_ishigami_x3_acting_only_through_an_interaction():
    problem = ex.sensitivity_problem(["x1", "x2", "x3"], root=Ishigami)
    X = ex.sensitivity_sample(problem, "morris", 100, root_seed=3)
    indices = ex.sensitivity_analyse(problem, "morris", X, ishigami(X), "f").set_index("parameter")
    assert indices.loc["x3", "mu_star"] > 1.0  # influential ...
    assert abs(indices.loc["x3", "mu"]) < 0.5 * indices.loc["x3", "mu_star"]  # ... either way
    assert indices.loc["x3", "sigma"] > indices.loc["x3", "mu_star"]  # through x1


def test_sobol_needs_a_power_of_two():
    problem = ex.sensitivity_problem(["x1"], root=Ishigami)
    with pytest.raises(ex.ExperimentError, match="power of 2"):
        ex.sensitivity_sample(problem, "sobol", 100)


def test_morris_on_the_model_gives_every_output_and_parameter_an_index(tmp_path):
    params = {"market.shortage": (0.0, 0.4), "psychology.cognition_months": None}
    result = ex.sensitivity(
        "baseline",
        params,
        "morris",
        ["voluntary_turnover_annual", "headcount_end"],
        n=2,
        seeds=2,
        months=6,
        out=tmp_path / "m",
    )
    assert len(result.design) == 2 * (len(params) + 1)
    assert len(result.runs) == 2 * len(result.design)
    indices = result.indices
    assert set(indices["output"]) == {"voluntary_turnover_annual", "headcount_end"}
    assert set(indices["parameter"]) == set(params)
    assert np.isfinite(indices[["mu", "mu_star", "sigma"]].to_numpy()).all()
    assert result.design["psychology.cognition_months"].map(type).eq(int).all()
    again = ex.load(tmp_path / "m")
    assert again.indices.equals(indices)
    assert (tmp_path / "m" / "sensitivity.csv").exists()
