"""OrgModel as a Mesa model (docs/mesa.md): the constructor, running, the DataCollector,
batch_run, SolaraViz, and the document's examples and attribute tables."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import mesa
import numpy as np
import pandas as pd
import pytest

from sim import history
from sim.model import OrgModel
from sim.outcomes import METRICS
from sim.scenario import SCENARIO_DIR, load_scenario

ROOT = Path(__file__).resolve().parent.parent
MESA_MD = ROOT / "docs" / "mesa.md"


def _same_run(a: OrgModel, b: OrgModel, months: int = 6) -> None:
    pd.testing.assert_frame_equal(a.run(months).metrics(), b.run(months).metrics())
    pd.testing.assert_frame_equal(a.events(), b.events())


# --- the constructor ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "given", ["shengyi", SCENARIO_DIR / "shengyi.yaml", str(SCENARIO_DIR / "shengyi.yaml")]
)
def test_a_name_a_path_and_a_scenario_build_the_same_model(given):
    _same_run(OrgModel(given, seed=2), OrgModel.from_scenario(load_scenario("shengyi"), seed=2))


def test_dotted_keywords_are_overrides_as_from_scenario_takes_them():
    overrides = {"market.shortage": 0.3, "months": 8}
    model = OrgModel(scenario="shengyi", rng=1, **overrides)
    assert model.spec.market.shortage == 0.3 and model.spec.months == 8
    _same_run(model, OrgModel.from_scenario("shengyi", seed=1, overrides=overrides), months=8)


def test_a_fresh_past_and_a_cached_one_give_the_same_model():
    history.forget()
    fresh = OrgModel("shengyi", seed=4)
    cached = OrgModel("shengyi", seed=4)  # its past copied from the first
    assert cached.workforce is not fresh.workforce
    assert all(agent.model is cached for agent in cached.agents)
    _same_run(fresh, cached)


def test_seed_and_rng_are_the_same_seed_and_not_both():
    _same_run(OrgModel("baseline", seed=3), OrgModel("baseline", rng=3), months=3)
    with pytest.raises(ValueError, match="seed or as rng, not both"):
        OrgModel("baseline", seed=1, rng=1)
    with pytest.raises(TypeError, match="rng must be an integer seed"):
        OrgModel("baseline", rng=np.random.default_rng(1))


def test_bad_input_names_what_is_wrong():
    with pytest.raises(TypeError, match="scenario must be a Scenario"):
        OrgModel(3, seed=1)
    with pytest.raises(ValueError, match="no_such_field"):
        OrgModel("baseline", seed=1, **{"market.no_such_field": 1})
    with pytest.raises(ValueError, match="engine must be one of"):
        OrgModel("baseline", seed=1, engine="fast")


# --- running and collecting --------------------------------------------------------------------
def test_running_turns_false_at_the_end_of_the_timeline_and_steps_count_from_zero():
    model = OrgModel("baseline", seed=1, months=5)
    assert (model.month, model.steps, model.running) == (0, 0, True)
    while model.running:
        model.step()
    assert (model.month, model.steps) == (5, 5)


def test_running_turns_false_when_the_firm_closes():
    model = OrgModel("shengyi", seed=1, **{"market.demand": 0.0})  # nobody buys: it must close
    while model.running and model.steps < 100:
        model.step()
    assert model.firm.closed and not model.running
    assert model.month < model.spec.months


def test_the_datacollector_collects_every_declared_metric_each_month():
    model = OrgModel("shengyi", seed=1, months=4).run()
    frame = model.datacollector.get_model_vars_dataframe()
    assert list(frame.columns) == [m.name for m in METRICS]
    assert list(frame.index) == [0, 1, 2, 3, 4]
    pd.testing.assert_frame_equal(frame, model.metrics()[frame.columns], check_names=False)
    assert model.datacollector.agent_reporters == {}  # agent reporters are opt-in


def test_agent_reporters_are_opt_in_and_read_people():
    model = OrgModel("shengyi", seed=1, months=2, agent_reporters=["role", "intent"]).run()
    people = model.datacollector.get_agent_vars_dataframe()
    assert set(people["role"]) <= set(model.role_names)
    assert len(people.xs(2, level="Step")) == model.workforce.n


def test_batch_run_as_issue_13_writes_it():
    results = mesa.batch_run(
        OrgModel,
        parameters={"scenario": ["shengyi", "shengyi_reformed"], "market.shortage": [0, 0.2]},
        rng=[1, 2, 3],
        max_steps=1000,
        number_processes=1,
        data_collection_period=1,
        display_progress=False,
    )
    runs = pd.DataFrame(results)
    assert runs["RunId"].nunique() == 12
    for _, run in runs.groupby("RunId"):
        model = OrgModel(
            run["scenario"].iat[0],
            seed=[1, 2, 3][run["iteration"].iat[0]],
            **{"market.shortage": run["market.shortage"].iat[0]},
        ).run()
        # one row per month, month 0 included, stopping at the end or at a closure
        assert list(run["Step"]) == list(range(model.month + 1))
        assert run["Step"].max() == 24 or model.firm.closed
        assert list(run["headcount"]) == list(model.metrics()["headcount"])


# --- SolaraViz -----------------------------------------------------------------------------------
def test_solaraviz_renders_the_plots_and_steps_and_resets_the_model():
    import ipyvuetify as vuetify
    import ipywidgets as widgets
    import solara
    from mesa.visualization import SolaraViz, make_plot_component
    from mesa.visualization.solara_viz import ModelController

    model = OrgModel("shengyi", seed=1)
    page = SolaraViz(
        model,
        components=[make_plot_component(["headcount"]), make_plot_component("mean_satisfaction")],
        model_params={"scenario": "shengyi", "seed": 1, "market.shortage": 0.2},
    )
    _, rendered = solara.render(page, handle_error=False)
    images = rendered.find(widgets.Image).widgets
    assert len(images) == 2 and all(bytes(image.value).startswith(b"\x89PNG") for image in images)

    reactive = solara.reactive(model)
    params = solara.reactive({"scenario": "shengyi", "seed": 1, "market.shortage": 0.2})
    controller = ModelController(  # Mesa's defaults for the intervals are not reactive
        reactive,
        model_parameters=params,
        play_interval=solara.reactive(100),
        render_interval=solara.reactive(1),
        use_threads=solara.reactive(False),
    )
    _, controls = solara.render(controller, handle_error=False)
    controls.find(vuetify.Btn, children=["Step"]).widget.click()
    assert reactive.value is model and model.steps == 1
    controls.find(vuetify.Btn, children=["Reset"]).widget.click()
    rebuilt = reactive.value
    assert rebuilt is not model and (rebuilt.steps, rebuilt.month) == (0, 0)
    assert rebuilt.spec.market.shortage == 0.2 and rebuilt.seed == 1


# --- docs/mesa.md ------------------------------------------------------------------------------
def _table(heading: str) -> list[str]:
    """The attribute names in the first column of the table under ``heading``."""
    text = MESA_MD.read_text(encoding="utf-8").partition(f"## {heading}\n")[2].partition("\n## ")[0]
    cells = [line.split("|")[1] for line in text.splitlines() if line.startswith("| `")]
    return [
        re.sub(r"\(.*\)", "", name) for cell in cells for name in re.findall(r"`([^`]+)`", cell)
    ]


def test_the_documented_attributes_exist():
    model = OrgModel("shengyi", seed=1)
    employee = next(iter(model.agents))
    for name in _table("The model's public attributes"):
        assert hasattr(model, name), f"docs/mesa.md documents model.{name}, which does not exist"
    for name in _table("An employee's attributes"):
        assert hasattr(employee, name), f"docs/mesa.md documents employee.{name}: none exists"
    wanted = {"role", "department", "satisfaction", "dissatisfaction", "intent", "tenure", "wage"}
    wanted |= {"physiological", "safety", "belonging", "esteem", "self_actualization"}
    assert wanted <= set(_table("An employee's attributes"))
    assert isinstance(employee.role, str) and isinstance(employee.department, str)


def test_every_example_in_docs_mesa_md_runs(tmp_path):
    blocks = re.findall(r"```python\n(.*?)```", MESA_MD.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 6
    script = tmp_path / "examples.py"
    script.write_text("\n".join(blocks), encoding="utf-8")
    # a process of its own: batch_run sets multiprocessing's start method for the whole process
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert "salespeople at month 12" in done.stdout
