"""Mutations of the shipped scenarios, and the oracle that judges what orgsim does with them.

Shared by the property test (``tests/test_fuzz.py``, driven by hypothesis) and the campaign
(``benchmarks/fuzz_campaign.py``, driven by seeds). A mutant is one of the 12 shipped scenarios
with one to three changes, at the level of the data (a value of another type, a field dropped
or unknown, the timeline shuffled, roles and policies that do not exist, values at and beyond
their bounds) or of the text (YAML 1.1 spellings such as ``yes`` and ``1:30``, a key given
twice, another encoding, deep nesting, aliases, tags, a cut-off file).

The oracle: the file is refused with a clean :class:`~sim.scenario.ScenarioError` (under 2,000
characters, naming the file and a field with a reason), or it loads with no value converted and
runs to the end. Anything else is a finding: a raw traceback, a silent coercion, an accepted
duplicate key, or a death in mid-run.
"""

from __future__ import annotations

import dataclasses
import random
import re
import time
import traceback
from pathlib import Path
from typing import Any

import yaml

from sim import paths, yamlfile
from sim.model import OrgModel
from sim.params import describe
from sim.policies import EVENTS, POLICIES
from sim.scenario import SCENARIO_DIR, ScenarioError, _set_path, load_scenario

SHIPPED = tuple(sorted(SCENARIO_DIR.glob("*.yaml")))
RUN_MONTHS = 6  # at least this long, and past the last timeline event (capped, see run_months)
MAX_RUN_MONTHS = 36
MESSAGE_LIMIT = 2_000

# Values of another type for any field. Numbers of the right type are legal somewhere and are
# not in this list's spirit; the coercion oracle decides in every case.
OTHER_TYPES: tuple[Any, ...] = (
    True,
    False,
    "3000",
    "0.5",
    "yes",
    "monthly",
    None,
    [1, 2],
    {"a": 1},
    3.5,
    7,
    "",
)
# Plain YAML spellings that YAML 1.1 reads as something other than text.
RAW_SCALARS = (
    "yes",
    "no",
    "on",
    "off",
    "Y",
    "1:30",
    "0x18",
    "0o17",
    "010",
    "1_000",
    "'3000'",
    '"6"',
    "3.0",
    "2.5",
    ".nan",
    ".inf",
    "-.inf",
    "~",
    "[]",
    "{}",
    "-1",
    "1e400",
    "2001-12-14",
    "!!int '12'",
    "!!float 1",
    "!!bool yes",
    "!!binary aGVsbG8=",
    "!!timestamp 2001-12-14",
    "!!python/object/apply:os.system ['true']",
    "*nowhere",
    "9" * 5000,
)
GHOST_ROLES = ("welder", "salesperson", "manager", "", "Production_Worker")


@dataclasses.dataclass
class Mutant:
    """A mutated scenario file: its bytes, what was done, and whether a key is given twice."""

    source: str
    data: bytes
    changes: list[str]
    duplicate: bool = False


# --- data-level mutations ---------------------------------------------------------------------


def _containers(node, path=()):
    """Every mapping and list in ``node``, with its path."""
    if isinstance(node, dict | list):
        yield path, node
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            yield from _containers(child, (*path, key))


def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _leaves(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _leaves(child, (*path, i))
    else:
        yield path, node


def _set(data, path, value) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _dotted(path) -> str:
    return ".".join(str(p) for p in path)


def retype(data: dict, rng: random.Random) -> str:
    leaves = [p for p, _ in _leaves(data) if p]
    path = rng.choice(leaves)
    value = rng.choice(OTHER_TYPES)
    _set(data, path, value)
    return f"retype {_dotted(path)} = {value!r}"


def drop_field(data: dict, rng: random.Random) -> str:
    maps = [(p, m) for p, m in _containers(data) if isinstance(m, dict) and m]
    path, mapping = rng.choice(maps)
    key = rng.choice(list(mapping))
    del mapping[key]
    return f"drop {_dotted((*path, key))}"


def unknown_field(data: dict, rng: random.Random) -> str:
    maps = [(p, m) for p, m in _containers(data) if isinstance(m, dict)]
    path, mapping = rng.choice(maps)
    keys = list(mapping)
    if keys and rng.random() < 0.5:
        near = rng.choice(keys)
        key = near[:-1] if len(near) > 1 and rng.random() < 0.5 else near + "s"
    else:
        key = rng.choice(["colour", "notes", "wage_floor", "x", "1"])
    if key in mapping:
        key += "_extra"
    mapping[key] = rng.choice([1, "a", True, [1]])
    return f"unknown {_dotted((*path, key))}"


def shuffle_timeline(data: dict, rng: random.Random) -> str:
    timeline = data.get("timeline")
    if not isinstance(timeline, list) or len(timeline) < 2:
        data["timeline"] = [
            {"month": 1, "event": "demand", "params": {"level": 0.8}},
            {"month": 1, "event": "inflation", "params": {"annual_rate": 0.05}},
        ]
        timeline = data["timeline"]
    rng.shuffle(timeline)
    return "shuffle timeline"


def _months(data) -> int:
    months = data.get("months", 120)
    return months if isinstance(months, int) and months > 0 else 12


def _timeline(data) -> list:
    if not isinstance(data.get("timeline"), list):
        data["timeline"] = []
    return data["timeline"]


def ghost_role(data: dict, rng: random.Random) -> str:
    ghost = rng.choice(GHOST_ROLES)
    month = rng.randrange(min(_months(data), 12))
    choice = rng.randrange(5)
    if choice == 0:
        policy = rng.choice(["piece_rate", "training", "appraisal", "commission", "raises"])
        entry = {"month": month, "event": "add_policy"}
        entry["params"] = {"policy": policy, "params": {"roles": [ghost]}}
        _timeline(data).append(entry)
    elif choice == 1:
        params = {} if rng.random() < 0.5 else {"role": ghost}
        entry = {"month": month, "event": "add_policy", "params": {"policy": "hire_cohort"}}
        entry["params"]["params"] = params
        _timeline(data).append(entry)
    elif choice == 2:
        _timeline(data).append(
            {"month": month, "event": "key_people_leave", "params": {"role": ghost, "count": 2}}
        )
    elif choice == 3:
        policies = data.setdefault("policies", []) if isinstance(data, dict) else []
        if isinstance(policies, list):
            policies.append({"name": "career_ladders", "params": {"roles": [ghost]}})
    else:
        roles = data.get("firm", {}).get("roles") if isinstance(data.get("firm"), dict) else None
        if isinstance(roles, list) and roles and isinstance(roles[0], dict):
            rng.choice(roles)["department"] = ghost or "nowhere"
    return f"ghost role {ghost!r} ({choice})"


def policy_reference(data: dict, rng: random.Random) -> str:
    """A timeline event about a policy that may not be in force, or already be, or not exist."""
    names = sorted(POLICIES)
    listed = [p["name"] for p in data.get("policies") or [] if isinstance(p, dict) and "name" in p]
    name = rng.choice(names + listed * 3 + ["no_such_policy", "trainin"])
    event = rng.choice(["add_policy", "change_policy", "remove_policy"])
    params: dict[str, Any] = {"policy": name}
    if event != "remove_policy" and name in POLICIES and rng.random() < 0.5:
        fields = list(POLICIES[name].Params.model_fields)
        if fields:
            field = rng.choice(fields)
            info = next(i for i in describe(POLICIES[name].Params) if i.name == field)
            params["params"] = {field: info.default if info.default != "required" else 1}
    month = rng.randrange(min(_months(data), 24))
    _timeline(data).append({"month": month, "event": event, "params": params})
    return f"{event} {name} at month {month}"


def add_policies(data: dict, rng: random.Random) -> str:
    """One or two more policies in force from the start (a pair may exclude each other)."""
    policies = data.setdefault("policies", [])
    if not isinstance(policies, list):
        return "add policies (none: policies is not a list)"
    chosen = (
        rng.sample(sorted(POLICIES), 2) if rng.random() < 0.5 else ["appraisal", "bottom_ranking"]
    )
    for name in chosen[: rng.randint(1, 2)]:
        policies.append({"name": name})
    return f"add policies {chosen}"


def boundary(data: dict, rng: random.Random) -> str:
    """A number set to its declared bound, or just past it (degenerate but legal, or not)."""
    try:
        scenario = load_scenario_data(data)
    except Exception:
        return "boundary (skipped: the data no longer validates)"
    numeric = [
        (p, v)
        for p, v in _leaves(data)
        if p and isinstance(v, int | float) and not isinstance(v, bool)
    ]
    if not numeric:
        return "boundary (no numbers)"
    path, value = rng.choice(numeric)
    try:
        info = paths.resolve(_dotted(path), scenario)
    except (paths.ParameterPathError, KeyError, IndexError, TypeError, AttributeError):
        return f"boundary (not a parameter: {_dotted(path)})"
    if info.lo is None and info.hi is None:
        return f"boundary (unbounded: {_dotted(path)})"
    ends = [b for b in (info.lo, info.hi) if b is not None]
    bound = rng.choice(ends)
    step = 1 if info.kind == "int" else abs(bound) * 0.01 + 1e-9
    new = rng.choice([bound, bound, bound + step if bound == info.hi else bound - step])
    if info.kind == "int":
        new = int(new)
    _set(data, path, new)
    return f"boundary {_dotted(path)} = {new!r}"


def parameter_bound(data: dict, rng: random.Random, huge: bool = True) -> str:
    """Any declared number of the scenario (its policies' parameters included) set to one of its
    bounds: degenerate but legal, so it must run (or be refused with a reason)."""
    try:
        scenario = load_scenario_data(data)
    except Exception:
        return "parameter bound (skipped: the data no longer validates)"
    params = [
        i for i in paths.parameters(scenario).values() if i.lo is not None or i.hi is not None
    ]
    info = rng.choice(params)
    value = rng.choice([b for b in (info.lo, info.hi) if b is not None])
    if info.kind == "int":
        value = int(value)
    if info.name == "firm.employees":
        return "parameter bound (firm.employees must stay the sum of the role counts)"
    role_count = info.name.startswith("firm.roles.") and info.name.endswith(".count")
    people, clients = (20_000, 10_000_000) if huge else (2_000, 10_000)
    if role_count:  # the headcount follows, so that the firm stays legal
        value = min(value, people)
    elif info.name == "clients.count":
        value = min(value, clients)
    try:
        before = paths.value(scenario, info.name) if role_count else 0
        _set_path(data, info.name, value, "mutant")
        if role_count:
            data["firm"]["employees"] = scenario.firm.employees - before + value
    except (ScenarioError, paths.ParameterPathError):
        return f"parameter bound (cannot set {info.name})"
    return f"bound {info.name} = {value!r}"


def legal_policy_timeline(data: dict, rng: random.Random) -> str:
    """A policy not yet named anywhere: added, maybe changed to a bound, maybe removed."""
    named = {p.get("name") for p in data.get("policies") or [] if isinstance(p, dict)}
    for entry in data.get("timeline") or []:
        if isinstance(entry, dict) and isinstance(entry.get("params"), dict):
            named.add(entry["params"].get("policy"))
    free = [n for n in sorted(POLICIES) if n not in named and not POLICIES[n].excludes]
    if not free:
        return "legal policy timeline (none free)"
    name = rng.choice(free)
    months = min(_months(data), MAX_RUN_MONTHS)
    add = rng.randrange(months)
    timeline = _timeline(data)
    timeline.append({"month": add, "event": "add_policy", "params": {"policy": name}})
    said = f"add {name} at {add}"
    numeric = [i for i in describe(POLICIES[name].Params) if i.kind in ("int", "float")]
    if add + 1 < months and numeric and rng.random() < 0.7:
        change = rng.randrange(add, months)
        info = rng.choice(numeric)
        value = rng.choice([b for b in (info.lo, info.hi, info.default) if b is not None])
        value = int(value) if info.kind == "int" else float(value)
        params = {"policy": name, "params": {info.name: value}}
        timeline.append({"month": change, "event": "change_policy", "params": params})
        said += f", change {info.name} = {value!r} at {change}"
        if change + 1 < months and rng.random() < 0.5:
            remove = rng.randrange(change + 1, months)
            timeline.append({"month": remove, "event": "remove_policy", "params": {"policy": name}})
            said += f", remove at {remove}"
    return said


def load_scenario_data(data: dict):
    from sim.scenario import validate_scenario

    return validate_scenario(dict(data), source="mutant")


def short_run(data: dict, rng: random.Random) -> str:
    data["months"] = rng.choice([1, 2, 3, 6])
    return f"months = {data['months']}"


DATA_MUTATIONS = (
    retype,
    retype,
    drop_field,
    unknown_field,
    shuffle_timeline,
    ghost_role,
    policy_reference,
    policy_reference,
    add_policies,
    boundary,
    boundary,
    short_run,
)


# --- text-level mutations ---------------------------------------------------------------------

_ENTRY = re.compile(
    r"^(?P<indent> *)(?P<dash>- )?(?P<key>[A-Za-z_][A-Za-z0-9_]*): (?P<value>\S.*)$"
)


def raw_scalar(text: str, rng: random.Random) -> tuple[str, str, bool]:
    lines = text.split("\n")
    entries = [
        i
        for i, line in enumerate(lines)
        if (m := _ENTRY.match(line)) and not m["value"].startswith(("[", "{", ">", "|"))
    ]
    if not entries:
        return text, "raw scalar (no entry)", False
    i = rng.choice(entries)
    m = _ENTRY.match(lines[i])
    raw = rng.choice(RAW_SCALARS)
    lines[i] = f"{m['indent']}{m['dash'] or ''}{m['key']}: {raw}"
    return "\n".join(lines), f"raw {m['key']}: {raw[:20]}", False


def duplicate_key(text: str, rng: random.Random) -> tuple[str, str, bool]:
    lines = text.split("\n")
    if rng.random() < 0.3:  # a whole top-level block again at the end (a second policies:, ...)
        tops = [i for i, line in enumerate(lines) if re.match(r"^[A-Za-z_]\w*:", line)]
        if tops:
            start = rng.choice(tops)
            end = next((j for j in range(start + 1, len(lines)) if j in tops), len(lines))
            block = lines[start:end]
            return "\n".join([*lines, *block]), f"duplicate block {lines[start][:20]}", True
    entries = [i for i, line in enumerate(lines) if _ENTRY.match(line)]
    if not entries:
        return text, "duplicate (no entry)", False
    i = rng.choice(entries)
    m = _ENTRY.match(lines[i])
    indent = len(m["indent"]) + (2 if m["dash"] else 0)
    value = rng.choice([m["value"], "1", "120", "true", "other"])
    lines.insert(i + 1, " " * indent + f"{m['key']}: {value}")
    return "\n".join(lines), f"duplicate {m['key']}", True


def deep_nesting(text: str, rng: random.Random) -> tuple[str, str, bool]:
    depth = rng.choice([21, 30, 200, 5000, 100_000])
    opener, closer = rng.choice([("[", "]"), ("{a: ", "}")])
    return (
        _without_story(text) + f"story: {opener * depth}1{closer * depth}\n",
        f"nesting {depth}",
        False,
    )


def _without_story(text: str) -> str:
    """The text without its top-level story and story_zh (their folded blocks included)."""
    out, skipping = [], False
    for line in text.split("\n"):
        if re.match(r"^story(_zh)?:", line):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"


def aliases(text: str, rng: random.Random) -> tuple[str, str, bool]:
    kind = rng.randrange(4)
    if kind == 0:  # a bomb of `levels` levels of 9 aliases each
        levels = rng.randint(3, 9)
        items = ['&b0 ["lol"]'] + [
            f"&b{k} [{', '.join([f'*b{k - 1}'] * 9)}]" for k in range(1, levels + 1)
        ]
        story = f"story: [{', '.join(items)}]\n"
        return _without_story(text) + story, f"alias bomb {levels}", False
    if kind == 1:
        return _without_story(text) + "story: *nowhere\n", "undefined alias", False
    if kind == 2:
        return _without_story(text) + "story: &loop [1, *loop]\n", "alias cycle", False
    # a harmless alias: a role's wage reused as its market wage
    new, count = re.subn(r"wage: (\d+)", r"wage: &w \1", text, count=1)
    if count:
        new = re.sub(r"market_wage: \d+", "market_wage: *w", new, count=1)
    return new, "benign alias", False


def tags(text: str, rng: random.Random) -> tuple[str, str, bool]:
    tag = rng.choice(
        [
            "!!python/object/apply:os.system ['true']",
            "!!python/name:os.system",
            "!!binary aGVsbG8=",
            "!!set {a, b}",
            "!!omap [a: 1]",
            "!custom 3",
            "!!str 3",
        ]
    )
    return _without_story(text) + f"story: {tag}\n", f"tag {tag[:24]}", False


def truncate(text: str, rng: random.Random) -> tuple[str, str, bool]:
    cut = rng.randrange(len(text))
    return text[:cut], f"truncated at {cut}", False


def control_character(text: str, rng: random.Random) -> tuple[str, str, bool]:
    at = rng.randrange(len(text))
    char = rng.choice(["\x00", "\x07", "\t", "\ufeff", "\x1b"])
    return text[:at] + char + text[at:], f"control character {ord(char):#x} at {at}", False


TEXT_MUTATIONS = (
    raw_scalar,
    raw_scalar,
    raw_scalar,
    duplicate_key,
    duplicate_key,
    deep_nesting,
    aliases,
    tags,
    truncate,
    control_character,
)
ENCODINGS = ("latin-1", "gbk", "utf-16", "cp1252", "gb18030")


def encode(text: str, rng: random.Random) -> tuple[bytes, str]:
    """The text in another encoding, with a title that needs more than ASCII."""
    title = rng.choice(["Café Müller", "胜意公司的故事", "Ünternehmen"])
    text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
    if "title:" not in text:
        text = f"title: {title}\n" + text
    encoding = rng.choice(ENCODINGS)
    try:
        return text.encode(encoding), f"encoded {encoding}"
    except UnicodeEncodeError:
        return text.encode("utf-8"), "utf-8 (title not encodable)"


def mutate(source: Path, rng: random.Random, huge: bool = True) -> Mutant:
    """One to three mutations of a shipped scenario: in two cases of five only changes that
    keep it legal (bounds, policies added, changed and removed in order, a harmless alias),
    which test the run rather than the loader. ``huge=False`` keeps firms and client books at
    10,000 or fewer (the campaign tries the declared maxima)."""
    data = yamlfile.load_file(source)
    changes: list[str] = []
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.6:
                changes.append(parameter_bound(data, rng, huge))
            else:
                changes.append(legal_policy_timeline(data, rng))
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        if rng.random() < 0.2:
            text, change, _ = aliases(text, _Fixed(3))
            changes.append(change)
        return Mutant(source.stem, text.encode("utf-8"), changes)
    for _ in range(rng.randint(0, 2)):
        changes.append(rng.choice(DATA_MUTATIONS)(data, rng))
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    duplicate = False
    n_text = rng.randint(0 if changes else 1, 2)
    for _ in range(n_text):
        text, change, dup = rng.choice(TEXT_MUTATIONS)(text, rng)
        changes.append(change)
        duplicate = duplicate or dup
    if duplicate:  # the inserted line may have landed inside a quoted text: ask PyYAML
        duplicate = has_duplicate_key(text)
    if rng.random() < 0.08:
        raw, change = encode(text, rng)
        changes.append(change)
    else:
        raw = text.encode("utf-8")
    return Mutant(source.stem, raw, changes, duplicate)


def has_duplicate_key(text: str) -> bool:
    """Whether some mapping of ``text`` gives a key twice, judged by PyYAML's own composer (which
    orgsim does not use), so that the oracle does not rest on the loader it judges."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return False
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
            if len(keys) != len(set(keys)):
                return True
            stack.extend(v for _, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


class _Fixed:
    """A stand-in for random.Random whose randrange always gives ``value``."""

    def __init__(self, value: int):
        self.value = value

    def randrange(self, *args) -> int:
        return self.value


# --- the oracle -------------------------------------------------------------------------------


@dataclasses.dataclass
class Verdict:
    """What happened to a mutant: ``kind`` is one of KINDS; ``detail`` says how."""

    kind: str
    detail: str = ""
    load_seconds: float = 0.0
    run_seconds: float = 0.0


KINDS = (
    "refused cleanly",
    "ran cleanly",
    "died mid-run",
    "raw traceback",
    "silent coercion",
    "accepted duplicate",
    "refused unclearly",
)
BAD_KINDS = tuple(k for k in KINDS if k not in ("refused cleanly", "ran cleanly"))


def clean_refusal(message: str, file: str) -> str | None:
    """None if ``message`` is a clean refusal of ``file``, else what is wrong with it."""
    if len(message) >= MESSAGE_LIMIT:
        return f"{len(message):,} characters"
    if file not in message.split("\n")[0]:
        return "the first line does not name the file"
    problems = message.split("\n")[1:]
    if not problems:
        return "no problem is named"
    for line in problems:
        if line.startswith("  … and "):
            continue
        if not re.match(r"^  \S.*?: \S", line):
            return f"a problem line without field and reason: {line[:80]!r}"
    return None


def coercions(raw: Any, scenario) -> list[str]:
    """Paths where the validated scenario holds a value other than what the file says (an
    integer written for a field of real numbers is the one widening allowed)."""
    out: list[str] = []
    if not isinstance(raw, dict):
        return out
    dumped = scenario.model_dump(mode="python")
    for key, value in raw.items():
        if key not in ("policies", "timeline") and key in dumped:
            _compare(value, dumped[key], (key,), out)
    for i, entry in enumerate(raw.get("policies") or []):
        typed = POLICIES[entry["name"]].Params(**(entry.get("params") or {})).model_dump()
        _compare(entry.get("params") or {}, typed, ("policies", i, "params"), out)
    for i, entry in enumerate(raw.get("timeline") or []):
        params = entry.get("params") or {}
        if "month" in entry:
            _compare(entry["month"], scenario.timeline[i].month, ("timeline", i, "month"), out)
        cls = EVENTS[entry["event"]]
        typed = cls.Params(**params).model_dump()
        _compare(params, typed, ("timeline", i, "params"), out)
        inner = params.get("params")
        if entry["event"] in ("add_policy", "change_policy") and inner:
            block = POLICIES[params["policy"]].Params
            try:
                obj = block.model_validate(inner) if entry["event"] == "add_policy" else block()
                for k, v in inner.items():
                    setattr(obj, k, v)
            except Exception:  # a change that needs the policy's current values
                continue
            _compare(inner, obj.model_dump(), ("timeline", i, "params", "params"), out)
    return out


def _compare(raw, validated, path, out) -> None:
    if isinstance(raw, dict):
        if not isinstance(validated, dict):
            out.append(f"{_dotted(path)}: {raw!r:.60} became {validated!r:.60}")
            return
        for key, value in raw.items():
            if key in validated:
                _compare(value, validated[key], (*path, key), out)
        return
    if isinstance(raw, list):
        if not isinstance(validated, list) or len(validated) != len(raw):
            out.append(f"{_dotted(path)}: {raw!r:.60} became {validated!r:.60}")
            return
        for i, (a, b) in enumerate(zip(raw, validated, strict=True)):
            _compare(a, b, (*path, i), out)
        return
    same = type(raw) is type(validated) and raw == validated
    widened = type(raw) is int and type(validated) is float and float(raw) == validated
    if not (same or widened):
        out.append(f"{_dotted(path)}: {raw!r:.60} became {validated!r:.60}")


def run_months(scenario) -> int:
    """Long enough to pass every timeline event, at least RUN_MONTHS, at most MAX_RUN_MONTHS."""
    last = max((e.month for e in scenario.timeline), default=0)
    return min(scenario.months, max(RUN_MONTHS, min(last + 2, MAX_RUN_MONTHS)))


def judge(
    mutant: Mutant, folder: Path, name: str | None = None, stages: list | None = None
) -> Verdict:
    """Write the mutant to ``folder`` and see what orgsim makes of it (``stages``, if given,
    gets "loaded" once the file is accepted: a caller that stops a long run can tell)."""
    file = folder / f"{name or mutant.source}.yaml"
    file.write_bytes(mutant.data)
    started = time.perf_counter()
    try:
        scenario = load_scenario(file)
    except ScenarioError as exc:
        seconds = time.perf_counter() - started
        why = clean_refusal(str(exc), str(file))
        kind = "refused cleanly" if why is None else "refused unclearly"
        return Verdict(kind, why or str(exc).split("\n")[1][:200], seconds)
    except Exception:
        return Verdict("raw traceback", traceback.format_exc(limit=-3)[-1500:])
    seconds = time.perf_counter() - started
    if stages is not None:
        stages.append("loaded")
    if mutant.duplicate:
        return Verdict("accepted duplicate", "; ".join(mutant.changes), seconds)
    try:
        found = coercions(yamlfile.load_file(file), scenario)
    except Exception:
        found = [f"the oracle could not compare: {traceback.format_exc(limit=-1)[-300:]}"]
    if found:
        return Verdict("silent coercion", "; ".join(found)[:500], seconds)
    run_started = time.perf_counter()
    try:
        OrgModel(scenario, seed=1).run(run_months(scenario))
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail = (
            f"{type(exc).__name__}: {str(exc)[:200]} ({Path(where.filename).name}:{where.lineno})"
        )
        return Verdict("died mid-run", detail, seconds, time.perf_counter() - run_started)
    return Verdict("ran cleanly", "", seconds, time.perf_counter() - run_started)
