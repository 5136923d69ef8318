"""The layout shows the architecture, and these checks keep it so (issue 9; STYLE.md 11-16).

- no import cycle among the ``sim`` modules, counting imports inside functions (imports used only
  for type hints, under ``typing.TYPE_CHECKING``, are not dependencies);
- the psychology (``sim.agents``) knows nothing of the firm's machinery or of management;
- nothing outside ``sim/model.py`` assigns an attribute on the model;
- policies and events reach the firm only through ``Management``'s verbs;
- no file in ``sim/`` is over about 800 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import networkx as nx
import pytest

SIM = Path(__file__).resolve().parent.parent / "sim"
MAX_LINES = 800


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("sim", exclude_type_checking_imports=True, cache_dir=None)


def test_no_import_cycle_among_sim_modules(graph):
    edges = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            edges.add_edge(module, imported)
    cycles = [sorted(c) for c in nx.strongly_connected_components(edges) if len(c) > 1]
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("other", ["sim.org", "sim.policies", "sim.model", "sim.scenario"])
def test_the_psychology_imports_nothing_of_the_firm(graph, other):
    chain = graph.find_shortest_chains(importer="sim.agents", imported=other, as_packages=True)
    assert not chain, f"sim.agents reaches {other}: {sorted(chain)}"


def _sources():
    for path in sorted(SIM.rglob("*.py")):
        yield path, ast.parse(path.read_text(), filename=str(path))


def _assigned_attributes(tree):
    """(line, attribute) of every ``model.<attr> = ...``, ``model.<attr>[...] = ...`` (augmented
    too) and ``setattr(model, ...)``."""
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "setattr"
            and node.args
        ):
            targets = [ast.Attribute(value=node.args[0], attr="?", lineno=node.lineno)]
        for target in targets:
            while isinstance(target, ast.Subscript):  # model.plan[rows] = ... changes model.plan
                target = target.value
            if isinstance(target, ast.Attribute) and _is_model(target.value):
                yield target.lineno, target.attr


def _is_model(node) -> bool:
    if isinstance(node, ast.Name):
        return node.id == "model"
    return isinstance(node, ast.Attribute) and node.attr == "_model"


def test_nothing_outside_the_model_assigns_attributes_on_it():
    found = [
        f"{path.relative_to(SIM.parent)}:{line} model.{attr}"
        for path, tree in _sources()
        if path.name != "model.py" or path.parent != SIM
        for line, attr in _assigned_attributes(tree)
    ]
    assert not found, "\n".join(found)


MODEL_PARTS = {
    "_model",
    "workforce",
    "finance",
    "labour",
    "clients",
    "network",
    "psychology",
    "spec",
}


def test_policies_reach_the_firm_only_through_management():
    found = []
    for path, tree in _sources():
        if path.parent.name != "policies":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in MODEL_PARTS:
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.arg) and node.arg == "model":
                found.append(f"{path.name}:{node.lineno} takes the model")
    assert not found, "\n".join(found)


def test_no_file_in_sim_is_over_800_lines():
    long = {
        str(path.relative_to(SIM.parent)): n
        for path in SIM.rglob("*.py")
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long, long
