"""One psychology for everyone: no case scenario changes how people respond."""

import pytest

from sim.agents.psychology import Psychology
from sim.scenario import SCENARIO_DIR, load_scenario

SCENARIOS = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_scenario_uses_the_documented_psychology(name):
    assert load_scenario(name).psychology == Psychology()


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_scenario_opens_with_a_header_and_tells_its_story_in_both_languages(name):
    text = (SCENARIO_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    header = [line for line in text.splitlines()[:6] if line.startswith("#")]
    assert len(header) >= 3, "open with a header: what the case is, what it shows, what is assumed"
    assert "What it" in text and ("From the source document" in text or "Inputs" in text)
    scenario = load_scenario(name)
    assert scenario.story and scenario.story_zh and scenario.title and scenario.title_zh


def test_shengyi_does_not_schedule_departures():
    assert load_scenario("shengyi").timeline == []
