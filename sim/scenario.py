"""Scenario files: load, validate, override (the blocks they are made of are declared in
:mod:`sim.scenario_blocks`).

A scenario is data (YAML, loaded with ``yaml.safe_load``: it never runs code). It names the firm,
its clients and finances, the market, the psychology (the documented defaults unless a researcher
changes them), the policies and a timeline of dated events. Loading validates every field and
fails with a :class:`ScenarioError` that names the file, the field path, the value and what is
allowed.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError

from sim.agents.psychology import Psychology
from sim.params import Spec, choice, param
from sim.scenario_blocks import (  # noqa: F401  (the blocks a scenario is made of, re-exported)
    Clients,
    Finances,
    Firm,
    ManagementRules,
    Market,
    Role,
)

SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"


class ScenarioError(ValueError):
    """A scenario (file or override) that cannot be used, with where and why."""

    def __init__(self, source: str, problems: list[tuple[str, Any, str]]):
        self.source = source
        self.problems = problems
        lines = [f"{source}: invalid scenario"]
        for path, value, allowed in problems:
            shown = "" if value is _MISSING else f" = {value!r}"
            lines.append(f"  {path or '(top level)'}{shown}: {allowed}")
        super().__init__("\n".join(lines))


_MISSING = object()


class PolicyEntry(Spec):
    name: str
    params: dict[str, Any] = Field(default_factory=dict)


class TimelineEntry(Spec):
    month: int = param(
        0,
        0,
        100_000,
        unit="month",
        doc="month at whose start the event happens",
        label_zh="月份",
        doc_zh="事件在这个月初发生",
    )
    event: str
    params: dict[str, Any] = Field(default_factory=dict)


class Scenario(Spec):
    """A whole scenario: the firm, its market, the psychology, the policies and the timeline."""

    name: str = "scenario"
    title: str = ""
    title_zh: str = Field("", description="the title in Simplified Chinese")
    story: str = Field("", description="what the case is and what it shows, in plain words")
    story_zh: str = Field("", description="the story in Simplified Chinese")
    currency: Literal["yuan", "dollar", "euro", "pound"] = choice(
        "yuan",
        "the currency of every amount of money in the scenario (units written with 'currency' are "
        "shown in it)",
        label_zh="货币",
        doc_zh="情景中所有金额使用的货币（以“货币”表示的单位按它显示）",
        options_zh={"yuan": "人民币（元）", "dollar": "美元", "euro": "欧元", "pound": "英镑"},
    )
    months: int = param(
        120,
        1,
        10_000,
        unit="months",
        doc="default length of a run",
        label_zh="运行月数",
        doc_zh="一次运行默认的长度",
    )
    firm: Firm
    clients: Clients = Field(default_factory=Clients)
    finances: Finances = Field(default_factory=Finances)
    market: Market = Field(default_factory=Market)
    management: ManagementRules = Field(default_factory=ManagementRules)
    psychology: Psychology = Field(default_factory=Psychology)
    policies: list[PolicyEntry] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)

    # --- conveniences -------------------------------------------------------------------------
    def with_overrides(self, overrides: dict[str, Any] | None, source: str = "--set") -> Scenario:
        """A new scenario with dotted-path overrides applied and everything re-validated."""
        if not overrides:
            return self
        data = self.model_dump(mode="python")
        for path, value in overrides.items():
            _set_path(data, path, value, source)
        return validate_scenario(data, source=f"{source} on {self.name}")

    def build_policies(self):
        """Fresh policy objects for a model, typed from their validated parameters."""
        from sim.policies import POLICIES

        return [POLICIES[p.name](POLICIES[p.name].Params(**p.params)) for p in self.policies]


# --- loading ---------------------------------------------------------------------------------


def resolve_path(name_or_path: str | Path) -> Path:
    """A scenario file by path, or by name in the project's scenarios/ folder."""
    path = Path(name_or_path)
    if path.exists():
        return path
    for candidate in (SCENARIO_DIR / path, SCENARIO_DIR / f"{path}.yaml"):
        if candidate.exists():
            return candidate
    available = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))
    raise ScenarioError(
        str(name_or_path),
        [("", _MISSING, f"no such file; scenarios available by name: {available}")],
    )


def load_scenario(path: str | Path, overrides: dict[str, Any] | None = None) -> Scenario:
    """Load and validate a scenario file (a path, or a name in scenarios/)."""
    file = resolve_path(path)
    source = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(
            source, [("", _MISSING, f"cannot read the file: {exc.strerror}")]
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ScenarioError(source, [("", _MISSING, f"not valid YAML: {exc}")]) from exc
    if not isinstance(data, dict):
        raise ScenarioError(
            source, [("", _MISSING, "the file must hold a mapping of scenario fields")]
        )
    data.setdefault("name", file.stem)
    scenario = validate_scenario(data, source=source)
    if overrides:
        scenario = scenario.with_overrides(overrides, source=f"--set on {source}")
    return scenario


def validate_scenario(data: dict[str, Any], source: str = "<scenario>") -> Scenario:
    """Validate plain data as a scenario, then its policies and timeline against the registries."""
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(source, [_problem(err) for err in exc.errors()]) from None
    problems = _check_policies(scenario) + _check_timeline(scenario)
    if problems:
        raise ScenarioError(source, problems)
    return scenario


def _loc(loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _problem(err: dict) -> tuple[str, Any, str]:
    loc = [p for p in err["loc"] if p not in ("function-after",)]
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        msg = "unknown field"
        parent = Scenario
        # suggest the field meant, from the block the unknown key sits in
        try:
            model = Scenario
            for part in loc[:-1]:
                if isinstance(part, int):
                    continue
                field = model.model_fields[part]
                ann = field.annotation
                inner = getattr(ann, "__args__", (ann,))[0]
                model = inner if isinstance(inner, type) and issubclass(inner, Spec) else ann
            parent = model
            allowed = list(parent.model_fields)
            near = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            msg = f"unknown field; allowed: {allowed}" + (
                f" (did you mean {near[0]!r}?)" if near else ""
            )
        except (KeyError, AttributeError, TypeError):
            pass
    elif err["type"] == "missing":
        msg = "required field is missing"
    value = err.get("input", _MISSING) if err["type"] != "missing" else _MISSING
    if isinstance(value, dict):
        value = _MISSING
    return _loc(loc), value, msg


def _check_params(
    kind: str, registry: dict, name: str, params: dict, where: str, scenario=None
) -> list:
    if name not in registry:
        near = difflib.get_close_matches(name, list(registry), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        return [
            (
                f"{where}.name" if kind == "policy" else f"{where}.event",
                name,
                f"unknown {kind}; allowed: {sorted(registry)}{hint}",
            )
        ]
    cls = registry[name]
    block = cls.Params
    try:
        typed = block.model_validate(params)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            path, value, msg = _problem(err)
            if err["type"] == "extra_forbidden":
                msg = f"unknown parameter of {name!r}; allowed: {list(block.model_fields)}"
            out.append((f"{where}.params.{path}", value, msg))
        return out
    # checks that need the whole scenario (e.g. role names must exist in the firm)
    check = getattr(cls, "scenario_problems", None)
    if check is not None and scenario is not None:
        return [(f"{where}.{path}", value, msg) for path, value, msg in check(typed, scenario)]
    return []


def _check_policies(scenario: Scenario) -> list:
    from sim.policies import POLICIES

    problems = []
    seen: set[str] = set()
    for i, entry in enumerate(scenario.policies):
        problems += _check_params(
            "policy", POLICIES, entry.name, entry.params, f"policies[{i}]", scenario
        )
        if entry.name in seen:
            problems.append((f"policies[{i}].name", entry.name, "each policy may be listed once"))
        seen.add(entry.name)
    return problems


def _check_timeline(scenario: Scenario) -> list:
    from sim.policies import EVENTS

    problems = []
    for i, entry in enumerate(scenario.timeline):
        if entry.month >= scenario.months:
            problems.append(
                (
                    f"timeline[{i}].month",
                    entry.month,
                    f"must be within the run: 0 <= month < months = {scenario.months}",
                )
            )
        problems += _check_params(
            "event", EVENTS, entry.event, entry.params, f"timeline[{i}]", scenario
        )
    return problems


# --- overrides -------------------------------------------------------------------------------


def parse_assignment(text: str) -> tuple[str, Any]:
    """Parse ``path.to.field=value``; the value is read as YAML (numbers, booleans, lists)."""
    if "=" not in text:
        raise ScenarioError("--set", [(text, _MISSING, "expected path.to.field=value")])
    path, raw = text.split("=", 1)
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    return path.strip(), value


def _split_path(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for chunk in path.replace("[", ".").replace("]", "").split("."):
        if chunk == "":
            continue
        parts.append(int(chunk) if chunk.lstrip("-").isdigit() else chunk)
    return parts


def _set_path(data: dict, path: str, value: Any, source: str) -> None:
    """Set a dotted path in plain scenario data. List items may be addressed by index or by their
    ``name`` (``firm.roles.sales.wage``); policies by name (``policies.piece_rate.rate``)."""
    parts = _split_path(path)
    if not parts:
        raise ScenarioError(source, [(path, value, "empty field path")])
    node: Any = data
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        here = ".".join(str(p) for p in parts[: depth + 1])
        if isinstance(node, list):
            if isinstance(part, int):
                if not -len(node) <= part < len(node):
                    raise ScenarioError(
                        source, [(here, value, f"index out of range (0..{len(node) - 1})")]
                    )
                key = part
            else:
                matches = [
                    i
                    for i, item in enumerate(node)
                    if isinstance(item, dict) and item.get("name") == part
                ]
                if not matches:
                    names = [item.get("name") for item in node if isinstance(item, dict)]
                    raise ScenarioError(
                        source, [(here, value, f"no item named {part!r}; items: {names}")]
                    )
                key = matches[0]
            if last:
                node[key] = value
                return
            node = node[key]
            # a policy entry addressed by name: its parameters sit under "params"
            if (
                isinstance(node, dict)
                and "params" in node
                and "name" in node
                and parts[depth + 1] not in ("name", "params")
            ):
                node = node["params"]
        elif isinstance(node, dict):
            if last:
                node[part] = value
                return
            if part not in node or node[part] is None:
                node[part] = {}
            node = node[part]
        else:
            raise ScenarioError(source, [(here, value, "cannot descend into a plain value")])
