"""Scenario files: load, validate, override.

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

import collections
import difflib
import reprlib
import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from sim import yamlfile
from sim.agents.psychology import Psychology
from sim.params import Spec, param

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


class Role(Spec):
    """A kind of job in the firm."""

    name: str = Field(min_length=1, description="role name, unique in the firm")
    count: int = param(1, 0, 1_000_000, unit="people", doc="initial headcount in the role")
    wage: float = param(3000.0, 1.0, 1e7, unit="currency/month", doc="base wage")
    market_wage: float | None = param(
        None,
        1.0,
        1e7,
        unit="currency/month",
        doc="what similar firms pay for the role (defaults to the wage)",
    )
    level: Literal["staff", "manager", "executive"] = Field(
        "staff", description="place in the hierarchy"
    )
    holds_clients: bool = Field(
        False, description="whether people in this role own client relationships"
    )
    client_weight: float = param(
        1.0,
        0.0,
        100.0,
        unit="weight",
        doc="relative share of clients each holder of this role starts with",
    )
    output_value: float = param(
        0.0,
        0.0,
        1e7,
        unit="currency per unit output",
        doc="revenue from one month of standard output at demand 1",
    )
    department: str | None = Field(
        None, description="department name; spread across all when empty"
    )
    contract_months: int = param(
        12,
        1,
        600,
        unit="months",
        doc="contract length; at its end the employee decides whether to renew",
    )


class Firm(Spec):
    name: str = "firm"
    employees: int = param(
        200,
        1,
        1_000_000,
        unit="people",
        doc="initial headcount (must equal the sum of role counts)",
    )
    roles: list[Role] = Field(
        min_length=1, max_length=1_000, description="the kinds of job (at most 1,000)"
    )
    departments: list[str] = Field(default_factory=lambda: ["operations"], min_length=1)
    team_size: int = param(8, 2, 100, unit="people", doc="people per team under one manager")
    ties_per_employee: float = param(
        4.0, 0.0, 50.0, unit="ties", doc="mean number of social ties beyond the own team"
    )
    informal_leader_share: float = param(
        0.05,
        0.0,
        0.5,
        unit="share",
        doc="share of employees who are informal leaders",
        source="assumed: opinion leaders are a few percent (Katz & Lazarsfeld 1955)",
    )
    weekly_hours: float = param(40.0, 1.0, 80.0, unit="hours/week", doc="standard weekly hours")
    hire_to_plan: bool = Field(
        True, description="refill vacancies up to the planned headcount of each role"
    )
    contracts_end_together: bool = Field(
        False,
        description="all contracts run to the end of the same contract year (e.g. New Year) instead of ending at staggered dates",
    )
    history_months: int = param(
        60,
        0,
        600,
        unit="months",
        doc="months of the firm's past simulated before month 0 under its month-0 policies (hiring, leaving, learning)",
        source="assumed: five years, enough for the workforce's beliefs and tenure to reach what the firm's ways produce",
    )
    supervisor_quality_sd: float = param(
        0.1,
        0.0,
        0.5,
        unit="supervision",
        doc="spread of supervision quality between teams (their managers differ)",
        source="assumed; the team-level share of satisfaction is calibrated (docs/validation.md)",
    )
    team_cohesion_sd: float = param(
        0.1,
        0.0,
        0.5,
        unit="relations",
        doc="spread of relations among colleagues between teams",
        source="assumed; as above",
    )
    workload_sd: float = param(
        0.1,
        0.0,
        0.5,
        unit="conditions",
        doc="spread of workload and working conditions between teams",
        source="assumed; as above",
    )

    @model_validator(mode="after")
    def _consistent(self):
        counts = collections.Counter(r.name for r in self.roles)
        dupes = sorted(n for n, k in counts.items() if k > 1)
        if dupes:
            raise ValueError(f"role names must be unique; repeated: {dupes}")
        total = sum(r.count for r in self.roles)
        if total != self.employees:
            raise ValueError(f"employees = {self.employees} but the role counts add up to {total}")
        departments = set(self.departments)
        for r in self.roles:
            if r.department is not None and r.department not in departments:
                raise ValueError(
                    f"role {r.name!r} names department {r.department!r}, not one of {self.departments}"
                )
        return self


class Clients(Spec):
    count: int = param(0, 0, 10_000_000, unit="clients", doc="initial clients")
    revenue_per_client: float = param(
        1000.0, 0.0, 1e9, unit="currency/month", doc="mean monthly revenue of a client"
    )
    value_spread: float = param(
        0.5, 0.0, 3.0, unit="log sd", doc="spread of client value (lognormal)"
    )
    key_holders: int | None = param(
        None,
        1,
        1_000_000,
        unit="people",
        doc="if set, this many holders (drawn by role weight) are the key people who hold key_share of the clients; otherwise shares follow the Pareto concentration",
        source="source document: 80% of Shengyi's clients with 6-7 salespeople",
    )
    key_share: float = param(
        0.8,
        0.0,
        1.0,
        unit="share",
        doc="share of clients held by the key holders (with key_holders)",
        source="source document: 80%",
    )
    concentration: float = param(
        0.8,
        0.2,
        0.99,
        unit="share",
        doc="share of clients held by the top 20% of holders (0.8 is the Pareto 80/20)",
        source="source document: 80% of Shengyi's clients with under 20% of staff",
    )
    base_churn: float = param(
        0.01, 0.0, 0.5, unit="1/month", doc="monthly loss of a client served at a neutral level"
    )
    follow_probability: float = param(
        0.6,
        0.0,
        1.0,
        unit="probability",
        doc="chance that a client follows a departing holder (personal relationship)",
        source="assumed; source document: key salespeople took the core clients",
    )
    acquisition_per_holder: float = param(
        0.1,
        0.0,
        100.0,
        unit="clients/month",
        doc="new clients a holder with an empty book wins a month at standard effort and skill",
    )
    capacity_per_holder: float = param(
        40.0,
        1.0,
        1e6,
        unit="clients",
        doc="clients one holder can look after; winning new ones slows as the book fills",
    )
    market_size: int | None = param(
        None,
        1,
        100_000_000,
        unit="clients",
        doc="potential clients in the firm's market; winning new ones slows as the firm's share of it grows (empty: twice the clients at month 0)",
        source="assumed: a firm's market is finite (a logistic market, Bass 1969)",
    )


class Finances(Spec):
    cash: float = param(1e6, -1e12, 1e12, unit="currency", doc="cash at month 0")
    overhead: float = param(0.0, 0.0, 1e12, unit="currency/month", doc="fixed monthly costs")
    material_share: float = param(
        0.3, 0.0, 0.95, unit="share", doc="share of output revenue spent on materials"
    )
    hiring_cost: float = param(1000.0, 0.0, 1e9, unit="currency/hire", doc="cost of one hire")
    overhead_per_employee: float = param(
        0.0,
        0.0,
        1e9,
        unit="currency/employee/month",
        doc="overhead that grows with headcount (space, equipment, administration), on top of the fixed overhead",
    )
    credit_limit: float | None = param(
        None,
        0.0,
        1e13,
        unit="currency",
        doc="debt the creditors tolerate; beyond it (and with the owner's money spent) the firm closes (empty: three months of the month-0 wage bill and fixed overhead)",
        source="assumed: suppliers and banks extend a few months of credit",
    )
    owner_subsidy_budget: float = param(
        0.0,
        0.0,
        1e12,
        unit="currency",
        doc="what the owner will put in from their own pocket when cash runs out",
    )


class Market(Spec):
    subsistence_wage: float = param(
        800.0, 1.0, 1e7, unit="currency/month", doc="cost of a basic living at month 0"
    )
    inflation_annual: float = param(
        0.03,
        -0.2,
        1.0,
        unit="1/year",
        doc="cost-of-living inflation",
        source="source document: inflation erodes pay",
    )
    market_wage_growth_annual: float = param(
        0.05, -0.5, 1.0, unit="1/year", doc="growth of the market wage of every role"
    )
    shortage: float = param(
        0.0,
        0.0,
        0.95,
        unit="share",
        doc="share of labour demand left unfilled in the market",
        source="source document: Hangzhou 18.28%, then 34.25%",
    )
    months_to_fill: float = param(
        2.0, 0.1, 36.0, unit="months", doc="mean months to fill a vacancy in a balanced market"
    )
    demand: float = param(
        1.0, 0.0, 10.0, unit="index", doc="demand for the firm's output (1 = normal)"
    )
    applicant_ability_sd: float = param(
        0.25, 0.0, 1.0, unit="log sd", doc="spread of ability among applicants"
    )


class ManagementRules(Spec):
    """How management runs the firm whatever its policies: the ordinary responses of a firm's
    management to its own figures (an ordinary PDCA loop), and when the firm must close."""

    pay_review_months: int = param(
        12,
        0,
        120,
        unit="months",
        doc="months between pay reviews (0: never); at a review, wages follow the market's wage growth unless a raises policy sets them",
        source="assumed: a yearly pay review that keeps up with the market (Bewley 1999)",
    )
    vacancy_raise: float = param(
        0.05,
        0.0,
        0.5,
        unit="share of wage",
        doc="raise given to a role whose vacancies have persisted for vacancy_months",
        source="assumed: firms raise pay for posts they cannot fill (Manning 2003)",
    )
    vacancy_rate: float = param(
        0.1,
        0.0,
        1.0,
        unit="share of posts",
        doc="share of a role's posts unfilled that counts as a vacancy problem",
        source="assumed: a tenth of the posts empty",
    )
    vacancy_months: int = param(
        6,
        1,
        60,
        unit="months",
        doc="months a role's vacancies must persist before its pay is raised",
    )
    max_premium: float = param(
        0.3,
        0.0,
        3.0,
        unit="share of market wage",
        doc="highest premium over the market wage that vacancy raises go to",
    )
    retrench_after_losses: int = param(
        3,
        0,
        60,
        unit="months",
        doc="months of losses in a row after which management retrenches (0: never): it cuts overhead and stops replacing leavers",
        source="assumed: a quarter of losses",
    )
    overhead_cut: float = param(
        0.1,
        0.0,
        1.0,
        unit="share",
        doc="share of the overhead cut at each retrenchment",
    )
    overhead_floor: float = param(
        0.5,
        0.0,
        1.0,
        unit="share of month-0 overhead",
        doc="overhead that cannot be cut (rent, licences)",
    )
    close_after_arrears_months: int = param(
        3,
        1,
        60,
        unit="months",
        doc="months of wages unpaid in a row after which the firm closes (staff may claim their wages and leave)",
        source="assumed: China's Labour Contract Law lets staff end the contract over unpaid wages",
    )


class PolicyEntry(Spec):
    name: str
    params: dict[str, Any] = Field(default_factory=dict)


class TimelineEntry(Spec):
    month: int = param(
        ..., 0, 100_000, unit="month", doc="month at whose start the event happens (required)"
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
    months: int = param(120, 1, 10_000, unit="months", doc="default length of a run")
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
    the timeline replayed month by month, and the clients' holders."""
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
