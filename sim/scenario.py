"""Scenario files: load, validate, override (the blocks they are made of are declared in
:mod:`sim.scenario_blocks`).

A scenario is data. It names the firm, its clients and finances, the market, the psychology (the
documented defaults unless a researcher changes them), the policies and a timeline of dated
events. It is read by :mod:`sim.yamlfile` (YAML 1.2 scalars, no key twice, plain data only,
limits on size, nesting and aliases: it never runs code) and validated strictly (no value is
converted: ``count: true`` and ``wage: "3000"`` are refused).

Loading decides everything a run would otherwise find out later: the timeline is replayed month
by month, so that changing or removing a policy that is not in force, adding one that already is,
and two policies that exclude each other are refused; every role named anywhere (event
parameters and policy defaults included) must exist; and clients must have someone to be dealt
to. Every refusal is a :class:`ScenarioError` that names the file, the field path, the value (at
most about 200 characters of it) and what is allowed, in under 2,000 characters.
"""

from __future__ import annotations

import difflib
import reprlib
import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from sim import yamlfile
from sim.agents.psychology import Psychology
from sim.migrate import SCHEMA_VERSION, removed_fields
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

MESSAGE_CHARS = 1_900  # a ScenarioError stays under 2,000 characters, however many problems
LINE_CHARS = 800  # one problem's line
SOURCE_CHARS = 300  # the file name shown


class ScenarioError(ValueError):
    """A scenario (file or override) that cannot be used, with where and why.

    ``problems`` holds ``(field path, value, what is allowed)`` triples; the message shows as many
    as fit in :data:`MESSAGE_CHARS`, each value cut to about 200 characters."""

    def __init__(self, source: str, problems: list[tuple[str, Any, str]]):
        self.source = source
        self.problems = problems
        lines = [f"{yamlfile.brief(str(source), SOURCE_CHARS)}: invalid scenario"]
        size = len(lines[0])
        for shown_count, (path, value, allowed) in enumerate(problems):
            shown = "" if value is _MISSING else f" = {_show(value)}"
            line = yamlfile.brief(
                f"  {yamlfile.brief(path or '(top level)', 200)}{shown}: {allowed}", LINE_CHARS
            )
            rest = len(problems) - shown_count
            if size + len(line) + 1 > MESSAGE_CHARS - (60 if rest > 1 else 0):
                lines.append(f"  … and {rest} more problem{'s' if rest > 1 else ''}")
                break
            lines.append(line)
            size += len(line) + 1
        super().__init__("\n".join(lines))


_MISSING = object()


class _Shown(reprlib.Repr):
    """A value as YAML spells it (true, null), cut short without walking all of a huge value."""

    def __init__(self):
        super().__init__(
            maxlevel=3, maxdict=6, maxlist=8, maxtuple=8, maxset=6, maxstring=160, maxother=160
        )
        self.maxlong = 60

    def repr_bool(self, value, level):
        return "true" if value else "false"

    def repr_NoneType(self, value, level):
        return "null"


def _show(value: Any) -> str:
    return yamlfile.brief(_Shown().repr(value), 200)


class PolicyEntry(Spec):
    name: str
    params: dict[str, Any] = Field(default_factory=dict)


class TimelineEntry(Spec):
    month: int = param(
        ...,
        0,
        100_000,
        unit="month",
        doc="month at whose start the event happens (required)",
        label_zh="月份",
        doc_zh="事件在这个月初发生（必须给出）",
    )
    event: str
    params: dict[str, Any] = Field(default_factory=dict)


class Scenario(Spec):
    """A whole scenario: the firm, its market, the psychology, the policies and the timeline."""

    schema_version: int = param(
        SCHEMA_VERSION,
        1,
        SCHEMA_VERSION,
        unit="version",
        doc=(
            "the scenario schema the file was written for (CHANGELOG.md); a file that sets a "
            "field an older schema had is refused, naming its replacement (orgsim migrate FILE)"
        ),
        label_zh="情景文件格式版本",
        doc_zh="文件所依据的情景格式版本（见 CHANGELOG.md）；设置旧版本字段的文件会被拒绝，并指出替代字段",
    )
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
    for candidate in (path, SCENARIO_DIR / path, SCENARIO_DIR / f"{path}.yaml"):
        try:
            if candidate.is_file():
                return candidate
        except (OSError, ValueError):  # a name too long for the file system, a NUL byte
            continue
    if _exists(path):
        return path  # a folder or a special file: reading it says what is wrong
    available = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))
    raise ScenarioError(
        str(name_or_path),
        [("", _MISSING, f"no such file; scenarios available by name: {available}")],
    )


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def load_scenario(path: str | Path, overrides: dict[str, Any] | None = None) -> Scenario:
    """Load and validate a scenario file (a path, or a name in scenarios/)."""
    file = resolve_path(path)
    source = str(file)
    try:
        data = yamlfile.load_file(file)
    except OSError as exc:
        raise ScenarioError(
            source, [("", _MISSING, f"cannot read the file: {exc.strerror or exc}")]
        ) from None
    except yamlfile.YamlError as exc:
        raise ScenarioError(source, [_yaml_problem(exc)]) from None
    if not isinstance(data, dict):
        raise ScenarioError(
            source,
            [("", _MISSING, "the file must hold a mapping of scenario fields (firm: ..., ...)")],
        )
    data.setdefault("name", file.stem)
    scenario = validate_scenario(data, source=source)
    if overrides:
        scenario = scenario.with_overrides(overrides, source="--set")
    return scenario


def _yaml_problem(exc: yamlfile.YamlError) -> tuple[str, Any, str]:
    where = f"line {exc.line}" if exc.line else ""
    if exc.path:
        where = f"{exc.path} ({where})" if where else exc.path
    return where, _MISSING, exc.reason


def validate_scenario(data: dict[str, Any], source: str = "<scenario>") -> Scenario:
    """Validate plain data as a scenario, then everything that needs the whole of it: policies,
    the timeline replayed month by month, and the clients' holders. A field an older schema had
    is refused first, naming what replaced it."""
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ScenarioError(
            source,
            [
                (
                    "schema_version",
                    version,
                    f"this orgsim reads schema 1 to {SCHEMA_VERSION}: the file was written for "
                    "a newer orgsim",
                )
            ],
        )
    removed = removed_fields(data)
    if removed:
        problems = [
            (path, value, f"removed in schema {SCHEMA_VERSION}: {replacement}")
            for path, value, replacement in removed
        ]
        hint = f"`orgsim migrate {yamlfile.brief(source, 120)} --in-place` rewrites the file"
        problems.insert(0, ("", _MISSING, f"written for an older schema (CHANGELOG.md); {hint}"))
        raise ScenarioError(source, problems)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(source, [_problem(err, Scenario) for err in exc.errors()]) from None
    except RecursionError:  # a value that holds itself (built in Python, not read from a file)
        raise ScenarioError(source, [("", _MISSING, "a value holds itself")]) from None
    problems = _check_policies_and_timeline(scenario) + _check_clients(scenario)
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


def _unwrap(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _block(annotation: Any) -> type[BaseModel] | None:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is list:
        annotation = _unwrap(typing.get_args(annotation)[0])
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def _field_at(root: type[BaseModel], loc) -> tuple[type[BaseModel] | None, str | None]:
    """The block and field name that a pydantic error location points into."""
    block: type[BaseModel] | None = root
    field = None
    for part in loc:
        if isinstance(part, int) or block is None:
            continue
        if part not in block.model_fields:
            return block, None
        field = part
        inner = _block(block.model_fields[part].annotation)
        if inner is None:
            return block, field
        block = inner
    return block, field


def _choices(names, pointer: str = "") -> str:
    names = list(names)
    text = f"allowed: {names}"
    if len(text) <= 700 or not pointer:
        return text
    return f"{len(names)} are allowed, listed by `{pointer}`"


def _range(block: type[BaseModel] | None, field: str | None) -> str:
    if block is None or field is None or field not in block.model_fields:
        return ""
    metadata = block.model_fields[field].metadata
    lo = next((m.ge for m in metadata if getattr(m, "ge", None) is not None), None)
    hi = next((m.le for m in metadata if getattr(m, "le", None) is not None), None)
    if lo is None and hi is None:
        return ""
    if lo is not None and hi is not None:
        return f" from {_number(lo)} to {_number(hi)}"
    return f" of at least {_number(lo)}" if lo is not None else f" of at most {_number(hi)}"


def _number(x: float) -> str:
    """1000000 -> 1,000,000; 0.95 -> 0.95; 1e12 -> 1e+12."""
    if float(x).is_integer() and abs(x) < 1e10:
        return f"{int(x):,}"
    return f"{x:g}"


_YAML11_WORDS = {"yes", "no", "on", "off", "y", "n"}


def _text_hint(value: str, flag: bool) -> str:
    """Why a text is not read as a number or a flag (YAML 1.1 habits)."""
    stripped = value.strip()
    if stripped.lower() in _YAML11_WORDS:
        return f"; YAML 1.2 reads {stripped} as text" + (": write true or false" if flag else "")
    try:
        float(stripped.replace("_", ""))
        return "; it is text (quoted): write the number without quotes"
    except ValueError:
        pass
    if ":" in stripped:
        return "; 1:30 is text, not 90 minutes: write the number"
    if stripped.lower().startswith(("0x", "0o", "0b")):
        return "; hexadecimal and octal are text here: write the number in decimal"
    return ""


def _expected(err: dict, block, field) -> str | None:
    """A plain-words message for a value of the wrong type (strict validation converts nothing)."""
    kind, value = err["type"], err.get("input")
    if kind in ("int_type", "int_from_float", "int_parsing"):
        wanted = f"a whole number{_range(block, field)}"
    elif kind in ("float_type", "float_parsing"):
        wanted = f"a number{_range(block, field)}"
    elif kind in ("bool_type", "bool_parsing"):
        wanted = "true or false"
    elif kind == "string_type":
        wanted = "text"
    elif kind == "finite_number":
        return f"a finite number{_range(block, field)} is expected, not .inf or .nan"
    else:
        return None
    if isinstance(value, bool):
        got = "true/false" if kind != "bool_type" else "a number"
    elif isinstance(value, str):
        got = "text" + _text_hint(value, flag=kind.startswith("bool"))
    elif isinstance(value, float) and kind.startswith("int"):
        got = "a number with a fraction (write 3, not 3.0)"
    elif isinstance(value, int | float):
        got = "a number" + ("; put text in quotes" if kind == "string_type" else "")
    elif isinstance(value, list):
        got = "a list"
    elif isinstance(value, dict):
        got = "a mapping"
    elif value is None:
        got = "empty (null)"
    else:
        got = type(value).__name__
    return f"{wanted} is expected, not {got}"


def _problem(err: dict, root: type[BaseModel] = None) -> tuple[str, Any, str]:
    root = root or Scenario
    loc = [p for p in err["loc"] if p not in ("function-after",)]
    block, field = _field_at(root, loc)
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        parent, _ = _field_at(root, loc[:-1])
        parent = parent or root
        allowed = list(parent.model_fields)
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        listing = _choices(allowed, "orgsim params")
        msg = f"unknown field; {listing}" + (f" (did you mean {near[0]!r}?)" if near else "")
    elif err["type"] == "missing":
        msg = "required field is missing"
    else:
        msg = _expected(err, block, field) or msg
    value = err.get("input", _MISSING) if err["type"] != "missing" else _MISSING
    if isinstance(value, dict):
        value = _MISSING
    return _loc(loc), value, msg


def _unknown_name(kind: str, name: Any, registry: dict, pointer: str) -> str:
    near = difflib.get_close_matches(str(name), list(registry), n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    return f"unknown {kind}{hint}; {_choices(sorted(registry), pointer)}"


def _typed(block: type[Spec], name: str, params: Any, where: str) -> tuple[Spec | None, list]:
    """Parameters validated against their block; problems carry paths under ``where``."""
    if not isinstance(params, dict):
        return None, [(where, params, "a mapping of parameter: value is expected")]
    try:
        return block.model_validate(params), []
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            path, value, msg = _problem(err, block)
            if err["type"] == "extra_forbidden":
                msg = f"unknown parameter of {name!r}; allowed: {list(block.model_fields)}"
                near = difflib.get_close_matches(str(err["loc"][-1]), list(block.model_fields), 1)
                msg += f" (did you mean {near[0]!r}?)" if near else ""
            out.append((f"{where}.{path}" if path else where, value, msg))
        return None, out


def _scenario_problems(cls, typed, scenario, where: str, given: dict) -> list:
    """The class's checks against the whole scenario (roles must exist, ...); a problem in a
    parameter the file leaves out says that it is the declared default."""
    check = getattr(cls, "scenario_problems", None)
    if check is None:
        return []
    out = []
    for path, value, msg in check(typed, scenario):
        name = str(path).removeprefix("params.").split(".")[0].split("[")[0]
        if name and name not in given and name in cls.Params.model_fields:
            msg += f" ({name} is not set, and its default {_show(value)} does not fit this firm)"
        out.append((f"{where}.{path}", value, msg))
    return out


class _InForce:
    """The policies in force while the timeline is replayed: name -> (typed params, since)."""

    def __init__(self):
        self.params: dict[str, Spec | None] = {}
        self.since: dict[str, str] = {}

    def clash(self, name: str) -> str | None:
        from sim.policies import POLICIES

        mine = POLICIES[name].excludes
        for other in self.params:
            if other in mine or name in POLICIES[other].excludes:
                return other
        return None

    def names(self) -> list[str]:
        return sorted(self.params)


def _policy_entry(entry, i: int, scenario, in_force: _InForce) -> list:
    from sim.policies import POLICIES

    where = f"policies[{i}]"
    if entry.name not in POLICIES:
        msg = _unknown_name("policy", entry.name, POLICIES, "orgsim policies")
        return [(f"{where}.name", entry.name, msg)]
    if entry.name in in_force.params:
        return [(f"{where}.name", entry.name, "each policy may be listed once")]
    cls = POLICIES[entry.name]
    typed, problems = _typed(cls.Params, entry.name, entry.params, f"{where}.params")
    if typed is not None:
        problems += _scenario_problems(cls, typed, scenario, where, entry.params)
    other = in_force.clash(entry.name)
    if other is not None:
        problems.append(
            (
                f"{where}.name",
                entry.name,
                f"cannot be in force together with {other!r} ({in_force.since[other]}); "
                "the two exclude each other: use one of the two",
            )
        )
    in_force.params[entry.name] = typed
    in_force.since[entry.name] = where
    return problems


def _policy_event(entry, i: int, scenario, in_force: _InForce) -> list:
    """add_policy, change_policy and remove_policy, replayed against the policies in force."""
    from sim.policies import EVENTS, POLICIES
    from sim.policies.events import AddPolicy, ChangePolicy

    cls = EVENTS[entry.event]
    where, raw = f"timeline[{i}].params", entry.params
    when = f"at month {entry.month}"
    allowed = (
        ["policy"] if cls is not AddPolicy and cls is not ChangePolicy else ["policy", "params"]
    )
    problems = [
        (f"{where}.{key}", raw[key], f"unknown parameter of {entry.event!r}; allowed: {allowed}")
        for key in raw
        if key not in allowed
    ]
    name = raw.get("policy", _MISSING)
    if name is _MISSING:
        return [*problems, (f"{where}.policy", _MISSING, "required field is missing")]
    if not isinstance(name, str) or name not in POLICIES:
        msg = (
            _unknown_name("policy", name, POLICIES, "orgsim policies")
            if isinstance(name, str)
            else "text is expected: the name of a policy"
        )
        return [*problems, (f"{where}.policy", name, msg)]
    given = raw.get("params", {})
    policy = POLICIES[name]
    if cls is AddPolicy:
        if name in in_force.params:
            return [
                *problems,
                (
                    f"{where}.policy",
                    name,
                    f"add_policy {when}, but {name!r} is already in force "
                    f"({in_force.since[name]}); change it with change_policy",
                ),
            ]
        typed, found = _typed(policy.Params, name, given, f"{where}.params")
        problems += found
        if typed is not None:
            problems += _scenario_problems(policy, typed, scenario, f"{where}", given)
        other = in_force.clash(name)
        if other is not None:
            problems.append(
                (
                    f"{where}.policy",
                    name,
                    f"add_policy {when}: {name!r} cannot be in force together with {other!r} "
                    f"({in_force.since[other]}); the two exclude each other: use one of the two (remove it first)",
                )
            )
        in_force.params[name] = typed
        in_force.since[name] = f"added by timeline[{i}] at month {entry.month}"
        return problems
    if name not in in_force.params:
        held = in_force.names()
        then = f"in force then: {held}" if held else "no policy is in force then"
        return [
            *problems,
            (
                f"{where}.policy",
                name,
                f"{entry.event} {when}, but {name!r} is not in force ({then}); "
                f"add it first, in policies: or with add_policy",
            ),
        ]
    if cls is ChangePolicy:
        if not isinstance(given, dict):
            return [*problems, (f"{where}.params", given, "a mapping of parameter: value")]
        current = in_force.params[name]
        if current is None:  # its own parameters were refused already
            return problems
        changed = current.model_copy(deep=True)
        fields = list(policy.Params.model_fields)
        for key, value in given.items():
            path = f"{where}.params.{key}"
            if key not in fields:
                problems.append((path, value, f"unknown parameter of {name!r}; allowed: {fields}"))
                continue
            try:  # exactly what the event does when it fires: one assignment at a time
                setattr(changed, key, value)
            except ValidationError as exc:
                for err in exc.errors():
                    _, shown, msg = _problem(err, policy.Params)
                    problems.append((path, shown if shown is not _MISSING else value, msg))
        if not problems:
            problems += _scenario_problems(policy, changed, scenario, where, given)
        in_force.params[name] = changed
        return problems
    del in_force.params[name]  # remove_policy
    del in_force.since[name]
    return problems


def _check_policies_and_timeline(scenario: Scenario) -> list:
    """The policies, then the timeline in the order the model applies it (by month, then as
    written), keeping track of which policies are in force."""
    from sim.policies import EVENTS
    from sim.policies.events import AddPolicy, ChangePolicy, RemovePolicy

    in_force = _InForce()
    problems = []
    for i, entry in enumerate(scenario.policies):
        problems += _policy_entry(entry, i, scenario, in_force)
    order = sorted(range(len(scenario.timeline)), key=lambda i: (scenario.timeline[i].month, i))
    for i in order:
        entry = scenario.timeline[i]
        where = f"timeline[{i}]"
        if entry.month >= scenario.months:
            problems.append(
                (
                    f"{where}.month",
                    entry.month,
                    f"must be within the run: 0 <= month < months = {scenario.months}",
                )
            )
        if entry.event not in EVENTS:
            msg = _unknown_name("event", entry.event, EVENTS, "orgsim policies")
            problems.append((f"{where}.event", entry.event, msg))
            continue
        cls = EVENTS[entry.event]
        found = []
        if cls in (AddPolicy, ChangePolicy, RemovePolicy):
            found = _policy_event(entry, i, scenario, in_force)
            typed = None
        else:
            typed, found = _typed(cls.Params, entry.event, entry.params, f"{where}.params")
            if typed is not None:
                found += _scenario_problems(cls, typed, scenario, where, entry.params)
        if not found:  # what the model does when the event fires must then work
            _, found = _typed(cls.Params, entry.event, entry.params, f"{where}.params")
        problems += found
    return problems


def _check_clients(scenario: Scenario) -> list:
    """Clients are dealt to the people of roles that hold clients, in proportion to the role's
    client_weight; key holders are drawn among those with a weight."""
    roles = scenario.firm.roles
    holders = [(i, r) for i, r in enumerate(roles) if r.holds_clients and r.count > 0]
    if not holders:
        return []
    weighted = sum(r.count for _, r in holders if r.client_weight > 0)
    if weighted == 0:
        names = [r.name for _, r in holders]
        i = holders[0][0]
        return [
            (
                f"firm.roles[{i}].client_weight",
                roles[i].client_weight,
                f"every role that holds clients ({names}) has client_weight 0, so clients "
                "cannot be dealt to anyone: give at least one of them client_weight > 0, or set "
                "holds_clients: false",
            )
        ]
    key = scenario.clients.key_holders
    total = sum(r.count for _, r in holders)
    if key is not None and key < total and weighted < key:
        return [
            (
                "clients.key_holders",
                key,
                f"key holders are drawn among the client holders with client_weight > 0, and "
                f"there are {weighted}: set key_holders to at most {weighted}, or give more "
                "holders a weight",
            )
        ]
    return []


# --- overrides -------------------------------------------------------------------------------


def parse_assignment(text: str) -> tuple[str, Any]:
    """Parse ``path.to.field=value``; the value is read as YAML 1.2 by :mod:`sim.yamlfile`
    (``0.3`` a number, ``true`` a flag, ``[a, b]`` a list; ``yes`` and ``"3000"`` are text)."""
    if "=" not in text:
        raise ScenarioError("--set", [(text, _MISSING, "expected path.to.field=value")])
    path, raw = text.split("=", 1)
    path = path.strip()
    if not raw.strip():
        return path, ""
    try:
        value = yamlfile.loads(raw, source=f"--set {path}")
    except yamlfile.YamlError as exc:
        raise ScenarioError(
            "--set",
            [(path, _MISSING, f"the value is not plain YAML: {exc.reason}; put text in quotes")],
        ) from None
    return path, value


def _split_path(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for chunk in path.replace("[", ".").replace("]", "").split("."):
        if chunk == "":
            continue
        digits = chunk.removeprefix("-")
        parts.append(int(chunk) if digits.isdecimal() and len(digits) <= 18 else chunk)
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
