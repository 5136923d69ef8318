"""Listings generated from the declarations: the policy catalogue and the parameter tables.

``orgsim policies`` and ``orgsim params`` print these; docs/policies.md is generated from them, so
the documentation cannot drift from the code (tests/test_cli.py and tests/test_docs.py check it).
"""

from __future__ import annotations

import inspect

from sim.params import ParamInfo, describe
from sim.policies import EVENTS, FAMILIES, POLICIES


def _fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _range(info: ParamInfo) -> str:
    if info.kind == "choice":
        return " / ".join(str(c) for c in info.choices)
    if info.kind == "bool":
        return "true / false"
    if info.lo is None and info.hi is None:
        return "—"
    return f"{_fmt(info.lo)} … {_fmt(info.hi)}"


def param_table(block, markdown: bool = True, with_source: bool = True) -> str:
    rows = describe(block)
    if not rows:
        return "_no parameters_\n" if markdown else "    (no parameters)\n"
    if markdown:
        head = "| parameter | default | unit | range | meaning |" + (
            " source |" if with_source else ""
        )
        sep = "|---|---|---|---|---|" + ("---|" if with_source else "")
        lines = [head, sep]
        for r in rows:
            line = f"| `{r.name}` | {_fmt(r.default)} | {r.unit or '—'} | {_range(r)} | {r.doc} |"
            if with_source:
                line += f" {r.source} |"
            lines.append(line)
        return "\n".join(lines) + "\n"
    width = max(len(r.name) for r in rows)
    return "".join(
        f"    {r.name:<{width}}  {_fmt(r.default):>10} {r.unit:<18} [{_range(r)}]  {r.doc}\n"
        for r in rows
    )


def _doc(cls) -> tuple[str, str]:
    text = inspect.cleandoc(cls.__doc__ or "")
    first, _, rest = text.partition("\n")
    return first.strip(), rest.strip()


def policies_markdown() -> str:
    out = [
        "# Policies and timeline events",
        "",
        "Generated from the code by `orgsim policies --markdown`; do not edit by hand.",
        "A scenario lists policies under `policies:` as `{name: ..., params: {...}}`; the timeline can",
        "`add_policy`, `change_policy` or `remove_policy` at a given month. Parameters are validated at load,",
        "and can be overridden with `--set policies.<name>.<parameter>=value`.",
        "",
    ]
    for family in FAMILIES:
        members = sorted((c for c in POLICIES.values() if c.family == family), key=lambda c: c.name)
        if not members:
            continue
        out += [f"## {family.capitalize()}", ""]
        for cls in members:
            summary, body = _doc(cls)
            zh = getattr(cls, "title_zh", "")
            out += [f"### `{cls.name}`" + (f" ({zh})" if zh else ""), "", summary, ""]
            if body:
                out += [body, ""]
            out += [param_table(cls.Params)]
    out += ["## Timeline events", ""]
    for name in sorted(EVENTS):
        cls = EVENTS[name]
        summary, body = _doc(cls)
        zh = getattr(cls, "title_zh", "")
        out += [f"### `{name}`" + (f" ({zh})" if zh else ""), "", summary, ""]
        if body:
            out += [body, ""]
        out += [param_table(cls.Params)]
    return "\n".join(out).rstrip() + "\n"


def policies_text() -> str:
    out = []
    for family in FAMILIES:
        members = sorted((c for c in POLICIES.values() if c.family == family), key=lambda c: c.name)
        if not members:
            continue
        out.append(f"== {family} ==")
        for cls in members:
            out.append(f"  {cls.name}: {_doc(cls)[0]}")
            out.append(param_table(cls.Params, markdown=False).rstrip("\n"))
        out.append("")
    out.append("== timeline events ==")
    for name in sorted(EVENTS):
        out.append(f"  {name}: {_doc(EVENTS[name])[0]}")
        out.append(param_table(EVENTS[name].Params, markdown=False).rstrip("\n"))
    return "\n".join(out) + "\n"


def params_markdown() -> str:
    from sim.agents.psychology import Psychology
    from sim.scenario import Clients, Finances, Firm, Market, Role

    out = []
    for title, block in (
        ("Psychology (`psychology.*`): the same in every scenario", Psychology),
        ("Firm (`firm.*`)", Firm),
        ("Roles (`firm.roles[i].*` or `firm.roles.<name>.*`)", Role),
        ("Clients (`clients.*`)", Clients),
        ("Finances (`finances.*`)", Finances),
        ("Market (`market.*`)", Market),
    ):
        out += [f"### {title}", "", param_table(block)]
    return "\n".join(out)
