"""Dotted parameter paths: from ``psychology.loss_aversion`` to its declaration.

The CLI's ``--set``, the experiments' grids and the sensitivity analysis all name a parameter by
the same dotted path that :meth:`sim.scenario.Scenario.with_overrides` accepts:

- ``psychology.loss_aversion``, ``market.shortage``, ``finances.overhead``, ``months``
- ``firm.roles.salesperson.wage``      a list item by its ``name`` (or by its index: ``firm.roles.1.wage``)
- ``policies.piece_rate.rate``         a policy by name; ``policies.piece_rate.params.rate`` also works
- ``timeline.2.params.level``          a timeline event by index (needs the scenario, to know the event)

:func:`resolve` walks the pydantic classes of :class:`~sim.scenario.Scenario` (and the ``Params``
block of a registered policy or event) to the declaring field and returns its
:class:`~sim.params.ParamInfo`, with ``name`` set to the full path. Nothing is declared here: the
bounds, units and sources are those of the one declaration in the model code.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel

from sim.params import ParamInfo, describe


class ParameterPathError(KeyError):
    """A dotted path that names no declared parameter, with what is allowed where it went wrong."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")

    def __str__(self) -> str:  # KeyError would quote the message
        return f"{self.path}: {self.message}"


def split(path: str) -> list[str | int]:
    """``firm.roles[1].wage`` and ``firm.roles.1.wage`` -> ``["firm", "roles", 1, "wage"]``."""
    parts: list[str | int] = []
    for chunk in path.replace("[", ".").replace("]", "").split("."):
        if chunk:
            parts.append(int(chunk) if chunk.lstrip("-").isdigit() else chunk)
    return parts


def _unwrap_optional(annotation: Any) -> Any:
    """``float | None`` -> ``float``; anything else unchanged."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_block(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _list_item(annotation: Any) -> Any:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return item
    return None


def _info(block: type[BaseModel], field: str, path: str) -> ParamInfo:
    info = next(i for i in describe(block) if i.name == field)
    kind = info.kind
    if kind == "other":  # an optional number is still a number
        inner = _unwrap_optional(block.model_fields[field].annotation)
        kind = {float: "float", int: "int", bool: "bool"}.get(inner, "other")
    return dataclasses.replace(info, name=path, kind=kind)


def _unknown(block: type[BaseModel], part: Any, where: str, path: str) -> ParameterPathError:
    allowed = list(block.model_fields)
    near = difflib.get_close_matches(str(part), allowed, n=3)
    place = f"{where}." if where else ""
    if len(allowed) <= 12:
        listing = f"allowed: {allowed}"
    else:  # a long block (the psychology): name the nearest, point to the full list
        listing = f"{len(allowed)} fields there, listed by `orgsim params`"
    hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
    return ParameterPathError(path, f"{place}{part} is not a field ({listing}){hint}")


def _registry_block(kind: str, name: str, path: str):
    from sim.policies import EVENTS, POLICIES

    registry = POLICIES if kind == "policy" else EVENTS
    if name not in registry:
        near = difflib.get_close_matches(str(name), list(registry), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise ParameterPathError(path, f"no {kind} {name!r}; registered: {sorted(registry)}{hint}")
    return registry[name].Params


def resolve(path: str, scenario=None, root: type[BaseModel] | None = None) -> ParamInfo:
    """The declaration of the parameter at ``path`` (its ``name`` is the whole path).

    ``root`` is the class the path starts from (the :class:`~sim.scenario.Scenario` by default;
    any :class:`~sim.params.Spec` works, which is how the sensitivity tests declare a test
    function's inputs). ``scenario``, when given, checks that named list items exist and tells
    which event a ``timeline.<i>`` entry is.
    """
    from sim.scenario import PolicyEntry, Scenario, TimelineEntry

    block: type[BaseModel] = root or Scenario
    parts = split(path)
    if not parts:
        raise ParameterPathError(path, "empty path")
    data = scenario.model_dump(mode="python") if scenario is not None else None
    i = 0
    where: list[str] = []
    while i < len(parts):
        part = parts[i]
        if not isinstance(part, str) or part not in block.model_fields:
            raise _unknown(block, part, ".".join(where), path)
        annotation = _unwrap_optional(block.model_fields[part].annotation)
        node = data.get(part) if isinstance(data, dict) else None
        where.append(part)
        i += 1
        if i == len(parts):
            if _is_block(annotation) or _list_item(annotation) is not None:
                raise ParameterPathError(
                    path, f"{'.'.join(where)} is a group, not a parameter; name one of its fields"
                )
            return _info(block, part, path)
        item = _list_item(annotation)
        if _is_block(annotation):
            block, data = annotation, node
            continue
        if item is None or not _is_block(item):
            raise ParameterPathError(path, f"{'.'.join(where)} is a plain value; it has no fields")
        # a list of blocks: the next part picks an item by name or index
        key = parts[i]
        entry = _pick(node, key, path, ".".join(where)) if node is not None else None
        where.append(str(key))
        i += 1
        if item is PolicyEntry:
            if isinstance(key, int):
                if entry is None:
                    raise ParameterPathError(path, "a policy by index needs the scenario")
                key = entry["name"]
            if i < len(parts) and parts[i] == "params":
                i += 1
            if i == len(parts) or parts[i] == "name":
                raise ParameterPathError(path, "name one of the policy's parameters")
            block, data = _registry_block("policy", key, path), None
        elif item is TimelineEntry:
            if i < len(parts) and parts[i] == "params":
                if entry is None:
                    raise ParameterPathError(
                        path, "a timeline event's parameters can be resolved only with the scenario"
                    )
                block, data = _registry_block("event", entry["event"], path), None
                where.append("params")
                i += 1
            else:
                block, data = item, entry
        else:
            block, data = item, entry
    raise ParameterPathError(path, f"{'.'.join(where)} is a group, not a parameter")


def _pick(items: Any, key: str | int, path: str, where: str) -> dict:
    if not isinstance(items, list):
        raise ParameterPathError(path, f"{where} is not a list in this scenario")
    if isinstance(key, int):
        if not -len(items) <= key < len(items):
            raise ParameterPathError(path, f"{where}[{key}] is out of range (0..{len(items) - 1})")
        return items[key]
    for entry in items:
        if isinstance(entry, dict) and entry.get("name") == key:
            return entry
    names = [e.get("name") for e in items if isinstance(e, dict)]
    raise ParameterPathError(path, f"{where} has no item named {key!r}; items: {names}")


def value(scenario, path: str) -> Any:
    """The value the scenario gives the parameter at ``path`` (its declared default when a policy
    in force leaves it unset; ``None`` when the policy is not in force)."""
    info = resolve(path, scenario)
    parts = split(path)
    node: Any = scenario.model_dump(mode="python")
    for depth, part in enumerate(parts):
        if isinstance(node, list):
            try:
                node = _pick(node, part, path, ".".join(map(str, parts[:depth])))
            except ParameterPathError:
                if parts[0] == "policies":
                    return None  # the policy is not in force in this scenario
                raise
            if "params" in node and "name" in node and depth + 1 < len(parts):
                if parts[depth + 1] != "params":
                    node = node["params"]
            continue
        if not isinstance(node, dict):
            return None
        if part not in node:
            return info.default
        node = node[part]
    return node


def parameters(scenario, kinds: tuple[str, ...] = ("float", "int")) -> dict[str, ParamInfo]:
    """Every parameter the scenario can address, by path: the blocks, each role by name, and the
    parameters of each policy in force. ``kinds`` filters by ParamInfo.kind."""
    from sim.policies import POLICIES
    from sim.scenario import Scenario

    out: dict[str, ParamInfo] = {}

    def add(block: type[BaseModel], prefix: str) -> None:
        for name, field in block.model_fields.items():
            annotation = _unwrap_optional(field.annotation)
            path = f"{prefix}{name}"
            if _is_block(annotation):
                add(annotation, f"{path}.")
            elif _list_item(annotation) is None:
                info = _info(block, name, path)
                if info.kind in kinds:
                    out[path] = info

    add(Scenario, "")
    for role in scenario.firm.roles:
        for info in describe(type(role)):
            if info.name != "name":
                path = f"firm.roles.{role.name}.{info.name}"
                full = _info(type(role), info.name, path)
                if full.kind in kinds:
                    out[path] = full
    for entry in scenario.policies:
        block = POLICIES[entry.name].Params
        for name in block.model_fields:
            info = _info(block, name, f"policies.{entry.name}.{name}")
            if info.kind in kinds:
                out[info.name] = info
    return out
