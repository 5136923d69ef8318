"""Regenerate the generated tables of docs/model.md from the code.

Three parts of docs/model.md are written here, each between its markers, and nowhere else:

- ``<!-- columns:start -->`` … ``<!-- columns:end -->``: every declared column of the workforce
  (``sim.agents.state.DECLARED``), by group, with its meaning;
- ``<!-- conditions:start -->`` … ``<!-- conditions:end -->``: every firm-wide condition
  (``sim.agents.conditions.Conditions``) and every person-level condition column (group
  ``condition``): its ordinary value, the policies and events that set it (read from their source),
  how the psychology reads it and which perceived factor responds with which response parameter
  (``sim.agents.perception.RESPONSES``, plus the uses listed in :data:`OTHER_USES` and
  :data:`PERSON_USES` below, each naming the functions that make it so);
- ``<!-- params:start -->`` … ``<!-- params:end -->``: every declared parameter once, with its
  default, unit, bounds, meaning and source (``sim.params.describe`` rendered by
  ``sim.catalogue.param_table``): the psychology in three tables (its own block, leaving and
  learning the job, the responses to conditions), then the scenario blocks.

tests/test_docs.py fails when the file is stale, and checks that every use listed here is true of
the code it names.

    python docs/_gen_params.py          # rewrite docs/model.md
    python docs/_gen_params.py --check  # exit 1 if docs/model.md is out of date
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import math
import re
import sys
import textwrap
from dataclasses import fields
from pathlib import Path
from typing import NamedTuple

MODEL_MD = Path(__file__).resolve().parent / "model.md"
BLOCKS = ("columns", "conditions", "params")


def markers(block: str) -> tuple[str, str]:
    return f"<!-- {block}:start -->", f"<!-- {block}:end -->"


# --- parameter tables ----------------------------------------------------------------------------


def _rows_named(table: str, names: set[str]) -> str:
    """The header of a markdown parameter table and only its rows for ``names``."""
    lines = table.rstrip("\n").splitlines()
    kept = [line for line in lines[2:] if line.split("|")[1].strip().strip("`") in names]
    return "\n".join(lines[:2] + kept) + "\n"


def parameter_blocks() -> list[tuple[str, type, set[str] | None]]:
    """``(title, block, names)`` of every parameter table, in order (``names`` None: all)."""
    from sim.agents.leaving import Leaving
    from sim.agents.psychology import Psychology
    from sim.agents.responses import Responses
    from sim.scenario import Clients, Finances, Firm, ManagementRules, Market, Role, Scenario

    own = set(Psychology.model_fields) - set(Leaving.model_fields) - set(Responses.model_fields)
    run = {name for name in Scenario.model_fields if name == "months"}
    return [
        (
            "Psychology (`psychology.*`): needs, pay, Herzberg, equity, effort, skill, "
            "commitment, stages, clients, culture, sorting",
            Psychology,
            own,
        ),
        (
            "Psychology (`psychology.*`): leaving and learning the job (`sim/agents/leaving.py`)",
            Leaving,
            None,
        ),
        (
            "Psychology (`psychology.*`): responses to conditions (`sim/agents/responses.py`)",
            Responses,
            None,
        ),
        ("Run (`months`)", Scenario, run),
        ("Firm (`firm.*`)", Firm, None),
        ("Roles (`firm.roles[i].*` or `firm.roles.<name>.*`)", Role, None),
        ("Clients (`clients.*`)", Clients, None),
        ("Finances (`finances.*`)", Finances, None),
        ("Market (`market.*`)", Market, None),
        ("Ordinary management (`management.*`)", ManagementRules, None),
    ]


def params_section() -> str:
    """Every declared parameter once, with default, unit, range, meaning and source."""
    from sim.catalogue import param_table

    out = []
    for title, block, names in parameter_blocks():
        table = param_table(block)
        if names is not None:
            table = _rows_named(table, names)
        out += [f"### {title}", "", table]
    return "\n".join(out).strip() + "\n"


# --- the workforce's columns ---------------------------------------------------------------------

GROUPS = {
    "trait": "traits: drawn at hiring, fixed (values drift with socialisation)",
    "state": "psychological state: computed and remembered by the psychology",
    "condition": "conditions: what management sets for a person this month",
    "record": "records: bookkeeping",
}


def columns_section() -> str:
    from sim.agents.state import DECLARED, columns_in

    out = []
    for group, title in GROUPS.items():
        out += [
            f"**{title.capitalize()}** (group `{group}`)",
            "",
            "| column | meaning |",
            "|---|---|",
        ]
        for name in columns_in(group):
            _, width, col = DECLARED[name]
            shown = f"`{name}`" + (f" (×{width})" if width else "")
            out.append(f"| {shown} | {col.doc} |")
        out.append("")
    return "\n".join(out).strip() + "\n"


# --- conditions: who sets them, how they are read, what responds -----------------------------------


class Use(NamedTuple):
    """How the model uses a condition beyond :data:`sim.agents.perception.RESPONSES`: what
    responds, the psychology parameters involved, and the functions (dotted paths) that make it
    so. tests/test_docs.py checks that the condition and every parameter appear in those
    functions."""

    what: str
    params: tuple[str, ...]
    where: tuple[str, ...]


# Firm-wide conditions read outside perception._forms (the RESPONSES table covers the rest).
OTHER_USES: dict[str, tuple[Use, ...]] = {
    "culture_programme": (
        Use(
            "culture strength closes `culture_gain × programme` of its gap to 1 each month",
            ("culture_gain",),
            ("sim.agents.behaviour.socialise",),
        ),
        Use(
            "socialisation rate + `socialisation_per_programme × (programme + values teaching)`",
            ("socialisation_per_programme",),
            ("sim.agents.perception.firm_climate",),
        ),
    ),
    "socialisation_programme": (
        Use(
            "socialisation rate + `socialisation_per_programme × (culture programme + programme)`",
            ("socialisation_per_programme",),
            ("sim.agents.perception.firm_climate",),
        ),
    ),
    "onboarding_months": (
        Use(
            "newcomers' values close `onboarding_rate` of their gap to the firm's each month",
            ("onboarding_rate",),
            ("sim.agents.behaviour.socialise",),
        ),
    ),
    "vision_review": (
        Use(
            "belief in the vision closes `vision_review_strength` of its gap to 1",
            ("vision_review_strength",),
            ("sim.agents.behaviour.socialise",),
        ),
    ),
    "crisis_meeting": (
        Use(
            "memory of colleagues who left × `(1 − crisis_reassurance)`",
            ("crisis_reassurance",),
            ("sim.agents.behaviour.socialise",),
        ),
    ),
    "hardship_help": (
        Use(
            "a hardship's push and a personal event's chance of ending the job × "
            "`(1 − help_keeps × help)`",
            ("help_keeps",),
            ("sim.agents.behaviour.perceive", "sim.agents.behaviour.personal_events"),
        ),
    ),
    "job_enrichment": (
        Use(
            "defect rate × `(1 − defects_per_enrichment × enrichment)`",
            ("defects_per_enrichment",),
            ("sim.agents.behaviour.perceive",),
        ),
    ),
    "client_ownership": (
        Use(
            "a rival's client premium in the outside offer × `(1 − ownership)`",
            ("client_offer_premium",),
            ("sim.agents.behaviour.perceive",),
        ),
        Use(
            "a leaver's clients follow with `clients.follow_probability × (1 − ownership)`",
            (),
            ("sim.org.staffing.remove_employees",),
        ),
    ),
    "client_contest": (
        Use(
            "clients who do not follow a leaver pass to colleagues who hold clients, "
            "instead of waiting for the successor as house accounts",
            (),
            ("sim.org.staffing.remove_employees",),
        ),
    ),
}

# Every person-level condition column (group "condition" of sim.agents.state).
PERSON_USES: dict[str, tuple[Use, ...]] = {
    "wage": (
        Use(
            "a change is felt against the raise expected (`rules.raise_reaction`: raise shock), "
            "and adds to remembered wage growth, hence to the raise expected",
            (
                "loss_aversion",
                "raise_sensitivity",
                "raise_memory",
                "own_raise_weight",
                "expectation_months",
            ),
            ("sim.org.payroll.change_wages", "sim.agents.behaviour.perceive"),
        ),
    ),
    "fixed_pay": (
        Use(
            "pay due `fixed_pay × hours + variable_pay`, paid as cash allows: the physiological "
            "need (`rules.pay_need_input`), and through income the equity comparisons and the "
            "outside offer's gap",
            ("pay_span", "weight_internal_equity", "weight_external_equity"),
            ("sim.org.payroll.pay_wages", "sim.agents.behaviour.perceive"),
        ),
    ),
    "variable_pay": (
        Use(
            "as `fixed_pay`; a fine is also felt as a loss against no expected change",
            ("loss_aversion", "raise_sensitivity"),
            ("sim.org.payroll.pay_wages", "sim.org.payroll.feel_pay_loss"),
        ),
    ),
    "incentive": (
        Use(
            "target effort + `effort_incentive × incentive × money sensitivity`; applicants' "
            "ability rises with the role's mean incentive (sorting)",
            ("effort_incentive", "applicant_incentive_sorting"),
            (
                "sim.agents.behaviour.perceive",
                "sim.agents.rules.target_effort",
                "sim.org.staffing.role_incentive",
                "sim.org.market.LabourMarket.applicant_ability",
            ),
        ),
    ),
    "piece_quality": (
        Use(
            "defect rate + `speed_over_quality` (every unit paid) or × "
            "`(1 − care_when_defects_unpaid)` (defects unpaid)",
            ("speed_over_quality", "care_when_defects_unpaid"),
            ("sim.agents.behaviour.perceive",),
        ),
    ),
    "hours": (
        Use(
            "output, pay due and one's own input; the market pay is compared at `√hours`",
            (),
            ("sim.agents.behaviour.perceive", "sim.org.payroll.pay_wages"),
        ),
    ),
    "defect_rate": (
        Use(
            "good output `× (1 − defect_rate)`; achievement `skill × (1 − defect_rate)`",
            (),
            ("sim.agents.behaviour.perceive",),
        ),
    ),
    "appraisals_per_year": (
        Use(
            "security − `security_per_appraisal × appraisals/12`; conditions − "
            "`stress_per_appraisal × appraisals/12`; cycles a year of the dismissal risk",
            ("security_per_appraisal", "stress_per_appraisal"),
            ("sim.agents.perception.personal_factors", "sim.agents.perception.dismissal_risk"),
        ),
    ),
    "told": (
        Use(
            "transparency `transparency_when_untold + (1 − transparency_when_untold) × told` "
            "(plus the climate's change from its ordinary level)",
            ("transparency_when_untold",),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "process_untold": (
        Use(
            "dismissal risk × `(1 + opacity_anxiety × process_untold)`",
            ("opacity_anxiety",),
            ("sim.agents.perception.dismissal_risk",),
        ),
    ),
    "rating_accuracy": (
        Use(
            "accuracy, one of the three parts of procedural justice, which removes "
            "`procedural_justice_weight` of felt inequity at most",
            ("procedural_justice_weight",),
            ("sim.agents.perception.personal_factors", "sim.agents.behaviour.perceive"),
        ),
    ),
    "bottom_share": (
        Use(
            "felt yearly risk of dismissal: security − `fear_per_dismissal_risk × risk`; "
            "pressure + risk (effort + `effort_pressure × pressure`)",
            ("fear_per_dismissal_risk", "effort_pressure"),
            (
                "sim.agents.perception.dismissal_risk",
                "sim.agents.perception.personal_factors",
                "sim.agents.rules.target_effort",
            ),
        ),
    ),
    "rank_percentile": (
        Use(
            "risk per cycle `logistic((bottom_share − percentile) / rank_certainty)` when told",
            ("rank_certainty",),
            ("sim.agents.perception.dismissal_risk",),
        ),
    ),
    "retrain_fail": (
        Use(
            "risk per cycle × the share who failed retraining lately",
            (),
            ("sim.agents.perception.dismissal_risk",),
        ),
    ),
    "threatened": (
        Use(
            "security − `security_per_threat`",
            ("security_per_threat",),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "guaranteed": (
        Use(
            "security + `guarantee_security`; sacrifice + `guarantee_sacrifice`",
            ("guarantee_security", "guarantee_sacrifice"),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "guarantee_progress": (
        Use(
            "sacrifice + `guarantee_sacrifice × 0.5 × progress` on the way to a guarantee",
            ("guarantee_sacrifice",),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "unvested_share": (
        Use(
            "sacrifice + `unvested_sacrifice × min(unvested, 1)`",
            ("unvested_sacrifice",),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "owed_share": (
        Use(
            "sacrifice + `owed_sacrifice × months of wage owed`",
            ("owed_sacrifice",),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "withheld_share": (
        Use(
            "security × `(1 − withheld_security × share withheld)`",
            ("withheld_security",),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "in_contest": (
        Use(
            "security − `contest_security_loss`",
            ("contest_security_loss",),
            ("sim.agents.perception.personal_factors",),
        ),
    ),
    "award": (
        Use(
            "recognition shock + `award_glow` (won) or − `award_envy` (passed over)",
            ("award_glow", "award_envy"),
            ("sim.agents.behaviour.perceive",),
        ),
    ),
    "attention": (
        Use(
            "security + `attention_security × attention` (the code is 2 in the first month, "
            "1 after); recognition shock + `attention_recognition` in the first month",
            ("attention_security", "attention_recognition"),
            ("sim.agents.perception.personal_factors", "sim.agents.behaviour.perceive"),
        ),
    ),
    "appraisal": (
        Use(
            "not perceived; read by policies (merit raises and bonuses, pay bands, promotion, "
            "who is laid off first)",
            (),
            ("sim.policies.base.merit_score",),
        ),
    ),
    "retraining": (
        Use(
            "not perceived; read by `bottom_ranking` and `promotion` (the retrained are not "
            "ranked or promoted)",
            (),
            ("sim.policies.appraisal.BottomRanking.review",),
        ),
    ),
    "level": (
        Use(
            "responsibility `voice + 0.2 × level`",
            (),
            ("sim.agents.behaviour.perceive",),
        ),
    ),
}

# Management verbs that write a person's condition column (sim.org.management.Management).
VERB_WRITES: dict[str, str] = {
    "change_wages": "wage",
    "add_incentive": "incentive",
    "fine": "variable_pay",
    "award": "award",
    "reassign": "level",
}


def resolve(dotted: str):
    """The object a dotted path names (a module attribute, possibly a class member)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise ImportError(dotted)


def _tree(obj) -> ast.AST:
    return ast.parse(textwrap.dedent(inspect.getsource(obj)))


def condition_fields() -> list[str]:
    from sim.agents.conditions import Conditions

    return [f.name for f in fields(Conditions)]


def person_columns() -> tuple[str, ...]:
    from sim.agents.state import columns_in

    return columns_in("condition")


def forms() -> dict[str, tuple[str, set[str], set[str]]]:
    """Each form of ``perception._forms``: ``(expression, conditions read, parameters read)``."""
    from sim.agents import perception

    source = textwrap.dedent(inspect.getsource(perception._forms))
    tree = ast.parse(source)
    table = next(node for node in ast.walk(tree) if isinstance(node, ast.Dict))
    out = {}
    for key, value in zip(table.keys, table.values, strict=True):
        conds, params = set(), set()
        for node in ast.walk(value):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                if node.value.id == "c":
                    conds.add(node.attr)
                elif node.value.id == "p":
                    params.add(node.attr)
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "float"
        ):
            value = value.args[0]  # a truth value or a clipped number, read as a number
        text = re.sub(r"\s+", " ", ast.get_source_segment(source, value))
        text = re.sub(r"\b[cp]\.", "", text).replace("( ", "(").replace(" )", ")")
        out[key.value] = (text, conds, params)
    return out


def _condition_reads(tree: ast.AST, names: set[str]) -> set[str]:
    """Firm-wide conditions read as ``c.x``, ``cond.x``, ``conditions.x`` or ``….conditions.x``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in names:
            base = node.value
            if (isinstance(base, ast.Name) and base.id in ("c", "cond", "conditions")) or (
                isinstance(base, ast.Attribute) and base.attr == "conditions"
            ):
                found.add(node.attr)
    return found


READER_MODULES = (
    "sim.agents.behaviour",
    "sim.agents.perception",
    "sim.org.staffing",
    "sim.org.work",
    "sim.org.governance",
    "sim.org.finance",
    "sim.org.payroll",
)


def other_readers() -> dict[str, set[str]]:
    """Firm-wide conditions read by the model outside ``perception._forms``: name -> functions."""
    names = set(condition_fields())
    out: dict[str, set[str]] = {}
    for module_name in READER_MODULES:
        module = importlib.import_module(module_name)
        for name, obj in vars(module).items():
            if not inspect.isfunction(obj) or obj.__module__ != module_name:
                continue
            if module_name == "sim.agents.perception" and name == "_forms":
                continue
            for cond in _condition_reads(_tree(obj), names):
                out.setdefault(cond, set()).add(f"{module_name}.{name}")
    return out


def _writes(tree: ast.AST, firm: set[str], person: set[str]) -> set[str]:
    """Conditions a piece of policy code sets: ``mgmt.set/add("x", …)``, ``people.x[…] = …``
    (also ``+=`` and ``mgmt.people.x[…]``) and the verbs of :data:`VERB_WRITES`."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr = node.func.attr
            if attr in ("set", "add") and node.args and isinstance(node.args[0], ast.Constant):
                if node.args[0].value in firm:
                    found.add(node.args[0].value)
            if attr in VERB_WRITES:
                found.add(VERB_WRITES[attr])
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute):
                column, base = target.value.attr, target.value.value
                on_people = (isinstance(base, ast.Name) and base.id == "people") or (
                    isinstance(base, ast.Attribute) and base.attr == "people"
                )
                if on_people and column in person:
                    found.add(column)
    return found


def setters() -> dict[str, list[str]]:
    """Condition -> who sets it: policies by name, ``event <name>``, ordinary management."""
    from sim.org import governance
    from sim.policies import EVENTS, POLICIES
    from sim.policies.base import Event, Policy, RolesPolicy

    firm, person = set(condition_fields()), set(person_columns())
    out: dict[str, list[str]] = {}

    def note(name: str, label: str) -> None:
        if label not in out.setdefault(name, []):
            out[name].append(label)

    for label, cls in [(f"`{n}`", c) for n, c in sorted(POLICIES.items())] + [
        (f"event `{n}`", c) for n, c in sorted(EVENTS.items())
    ]:
        for klass in cls.__mro__:
            if klass in (Policy, Event, RolesPolicy, object):
                continue
            if not klass.__module__.startswith("sim.policies"):
                continue
            for name in sorted(_writes(_tree(klass), firm, person)):
                note(name, label)
    for name in sorted(_writes(_tree(governance.respond), firm, person)):
        note(name, "ordinary management (pay review, vacancy raise)")
    return out


def _fmt(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return f"{value:.3g}"
    return str(value)


def reset_values() -> dict[str, str]:
    """Each person-level condition's value after ``behaviour.reset_conditions`` (phase 2), found
    by resetting one scratch row: ``kept`` for a column the reset leaves as it was."""
    from sim.agents import behaviour
    from sim.agents.state import Workforce

    ws = Workforce(capacity=16)
    ws.add(1)
    sentinel = {}
    for name in person_columns():
        col = getattr(ws, name)
        marker = True if col.dtype == bool else 7
        col[0] = marker
        sentinel[name] = col[0].item()
    ws.wage[0] = 1234.5
    sentinel["wage"] = 1234.5
    behaviour.reset_conditions(ws)
    out = {}
    for name in person_columns():
        value = getattr(ws, name)[0].item()
        if value == sentinel[name]:
            out[name] = "kept"
        elif name != "wage" and value == ws.wage[0]:
            out[name] = "the wage"
        else:
            out[name] = _fmt(value)
    return out


def _responses_of(names: set[str]) -> list[str]:
    """RESPONSES entries whose form reads any of ``names``, as ``factor ± scale × parameter (form)``."""
    from sim.agents.perception import RESPONSES

    table = forms()
    out = []
    for factor, form, response, scale in RESPONSES:
        if table[form][1] & names:
            sign = "−" if scale < 0 else "+"
            size = "" if abs(scale) == 1.0 else f"{_fmt(abs(scale))} × "
            out.append(f"`{factor}` {sign} {size}`{response}` × *{form}*")
    return out


def _setters_text(name: str, table: dict[str, list[str]]) -> str:
    return ", ".join(table.get(name, [])) or "—"


def conditions_section() -> str:
    from sim.agents.climate import NEUTRAL
    from sim.agents.conditions import ORDINARY
    from sim.agents.perception import RESPONSES
    from sim.agents.psychology import Psychology
    from sim.agents.state import DECLARED

    defaults = Psychology()
    who = setters()
    table = forms()
    readers = other_readers()
    out = [
        "**Firm-wide conditions** (`sim.agents.conditions.Conditions`, reset to these ordinary "
        "values at the start of every phase 2). *Set by* is read from the policies' and events' "
        "code; *responses* come from `perception.RESPONSES` (each factor moves by "
        "`scale × response parameter × form`, the forms are in the next table) and from the other "
        "uses the code makes of a condition.",
        "",
        "| condition | ordinary | set by | responses |",
        "|---|---|---|---|",
    ]
    for name in condition_fields():
        parts = _responses_of({name})
        for use in OTHER_USES.get(name, ()):
            parts.append(use.what)
        if name in readers and name not in OTHER_USES:
            raise KeyError(
                f"condition {name!r} is read by {sorted(readers[name])}: describe it in "
                "docs/_gen_params.py OTHER_USES"
            )
        if not parts:
            parts = ["read nowhere in the model"]
        out.append(
            f"| `{name}` | {_fmt(getattr(ORDINARY, name))} | {_setters_text(name, who)} | "
            + "; ".join(parts)
            + " |"
        )
    out += [
        "",
        "**How the psychology reads the conditions** (`perception._forms`; a form is zero in an "
        "ordinary firm). `_saturating(x, half) = x / (x + half)`.",
        "",
        "| form | expression | shape parameters |",
        "|---|---|---|",
    ]
    for form, (text, _, params) in table.items():
        shape = ", ".join(f"`{p}` = {_fmt(getattr(defaults, p))}" for p in sorted(params)) or "—"
        out.append(f"| *{form}* | `{text}` | {shape} |")
    out += [
        "",
        "**Perceived factors** (`sim.agents.climate.Climate`): each is its ordinary level plus the "
        "responses above, clipped to [0, 1] once (`perception.firm_climate`); "
        "`socialisation_boost` is a rate, not clipped.",
        "",
        "| factor | ordinary level | responds to (response parameter = default) |",
        "|---|---|---|",
    ]
    for f in fields(NEUTRAL):
        level = getattr(NEUTRAL, f.name)
        parts = []
        for factor, form, response, scale in RESPONSES:
            if factor == f.name:
                sign = "−" if scale < 0 else "+"
                size = "" if abs(scale) == 1.0 else f"{_fmt(abs(scale))} × "
                value = _fmt(getattr(defaults, response))
                parts.append(f"{sign} {size}`{response}` = {value} × *{form}*")
        if f.name == "socialisation_boost":
            parts.append(
                f"`socialisation_per_programme` = {_fmt(defaults.socialisation_per_programme)}"
                " × (culture_programme + socialisation_programme)"
            )
        out.append(f"| `{f.name}` | {_fmt(level)} | {'; '.join(parts) or '—'} |")
    resets = reset_values()
    out += [
        "",
        "**Person-level conditions** (columns of the workforce in the group `condition`, reset by "
        "`behaviour.reset_conditions` at the start of phase 2 unless *kept*).",
        "",
        "| column | reset to | set by | what responds (response parameters) | where |",
        "|---|---|---|---|---|",
    ]
    for name in person_columns():
        if name not in PERSON_USES:
            raise KeyError(f"column {name!r}: describe it in docs/_gen_params.py PERSON_USES")
        uses = PERSON_USES[name]
        what = "; ".join(
            use.what + (f" ({', '.join(f'`{p}`' for p in use.params)})" if use.params else "")
            for use in uses
        )
        where = ", ".join(
            dict.fromkeys(f"`{w.removeprefix('sim.')}`" for use in uses for w in use.where)
        )
        doc = DECLARED[name][2].doc
        out.append(
            f"| `{name}`: {doc} | {resets[name]} | {_setters_text(name, who)} | {what} | {where} |"
        )
    return "\n".join(out).strip() + "\n"


# --- rendering -----------------------------------------------------------------------------------

SECTIONS = {
    "columns": columns_section,
    "conditions": conditions_section,
    "params": params_section,
}


def render(text: str) -> str:
    """``text`` with the part between each pair of markers replaced by its generated tables."""
    for block, make in SECTIONS.items():
        start, end = markers(block)
        head, sep_start, rest = text.partition(start)
        _, sep_end, tail = rest.partition(end)
        if not sep_start or not sep_end:
            raise ValueError(f"{MODEL_MD} must contain {start} followed by {end}")
        text = f"{head}{start}\n\n{make()}\n{end}{tail}"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    args = parser.parse_args(argv)
    current = MODEL_MD.read_text(encoding="utf-8")
    wanted = render(current)
    if args.check:
        if current != wanted:
            print(f"{MODEL_MD} is out of date: run python docs/_gen_params.py", file=sys.stderr)
            return 1
        return 0
    if current != wanted:
        MODEL_MD.write_text(wanted, encoding="utf-8")
        print(f"rewrote the generated tables of {MODEL_MD}")
    from sim.docgen import stamp

    stamp("params")
    return 0


if __name__ == "__main__":
    sys.exit(main())
