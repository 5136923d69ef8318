"""orgsim: an agent-based simulator of how employees feel, work, stay and leave.

>>> from sim import OrgModel, load_scenario
>>> model = OrgModel.from_scenario("baseline", seed=1).run(12)
"""

from sim import policies  # noqa: F401  (fills the policy and event registries)
from sim.model import OrgModel
from sim.scenario import Scenario, ScenarioError, load_scenario

__all__ = ["OrgModel", "Scenario", "ScenarioError", "load_scenario"]
__version__ = "0.1.0"
