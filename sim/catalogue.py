"""Listings generated from the declarations: the policy catalogue and the parameter tables.

``orgsim policies`` and ``orgsim params`` print these; docs/policies.md is generated from them, so
the documentation cannot drift from the code (tests/test_cli.py and tests/test_docs.py check it). With ``lang="zh"`` the
same listings come in Chinese, from the declarations' ``title_zh``, ``summary_zh``, ``label_zh``,
``doc_zh`` and ``options_zh`` (sources stay as written: they cite English titles).
"""

from __future__ import annotations

import inspect

from sim.params import ParamInfo, describe
from sim.policies import EVENTS, FAMILIES, POLICIES
from sim.policies.base import FAMILY_LABELS
from sim.units import unit_text

# headings and column names of the Chinese listings
_ZH = {
    "no_params": "无参数",
    "head": ("参数", "名称", "默认值", "单位", "范围", "含义", "来源"),
    "true_false": "是 / 否",
    "events": "时间线事件",
}


def _fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _range(info: ParamInfo, lang: str = "en") -> str:
    if info.kind == "choice":
        if lang == "zh":
            return " / ".join(f"{c} = {info.option(c, lang)}" for c in info.choices)
        return " / ".join(str(c) for c in info.choices)
    if info.kind == "bool":
        return _ZH["true_false"] if lang == "zh" else "true / false"
    if info.lo is None and info.hi is None:
        return "—"
    return f"{_fmt(info.lo)} … {_fmt(info.hi)}"


def param_table(block, markdown: bool = True, with_source: bool = True, lang: str = "en") -> str:
    rows = describe(block)
    if lang == "zh":
        return _param_table_zh(rows, markdown, with_source)
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
        + (f"    {'':<{width}}  source: {r.source}\n" if with_source and r.source else "")
        for r in rows
    )


def _default_zh(info: ParamInfo) -> str:
    if isinstance(info.default, str) and info.default == "required" and info.kind == "other":
        return "必填"
    if info.kind in ("choice", "bool"):
        return info.option(info.default, "zh")
    return _fmt(info.default)


def _param_table_zh(rows: list[ParamInfo], markdown: bool, with_source: bool) -> str:
    """The Chinese table: label and name, default, unit (in the generic currency), range, meaning."""
    if not rows:
        return f"_{_ZH['no_params']}_\n" if markdown else f"    （{_ZH['no_params']}）\n"
    if markdown:
        head = _ZH["head"]
        cols = [f"{head[0]}（{head[1]}）", *head[2:6]] + ([head[6]] if with_source else [])
        lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for r in rows:
            cells = [
                f"{r.label('zh')} (`{r.name}`)",
                _default_zh(r),
                unit_text(r.unit, "zh") or "—",
                _range(r, "zh"),
                r.meaning("zh"),
            ] + ([r.source] if with_source else [])
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"
    return "".join(
        f"    {r.label('zh')} ({r.name})  默认 {_default_zh(r)} {unit_text(r.unit, 'zh')}"
        f" [{_range(r, 'zh')}]  {r.meaning('zh')}\n"
        + (f"        来源：{r.source}\n" if with_source and r.source else "")
        for r in rows
    )


def _doc(cls) -> tuple[str, str]:
    text = inspect.cleandoc(cls.__doc__ or "")
    first, _, rest = text.partition("\n")
    return first.strip(), rest.strip()


def _title_zh(cls) -> str:
    return f"{cls.title_zh or cls.name}（`{cls.name}`）"


def _catalogue_markdown(head: list[str], family_title, events_title: str, section) -> str:
    """The policies by family, then the timeline events, each rendered by ``section(cls, name)``."""
    out = list(head)
    for family in FAMILIES:
        members = sorted((c for c in POLICIES.values() if c.family == family), key=lambda c: c.name)
        if not members:
            continue
        out += [f"## {family_title(family)}", ""]
        for cls in members:
            out += section(cls, cls.name)
    out += [f"## {events_title}", ""]
    for name in sorted(EVENTS):
        out += section(EVENTS[name], name)
    return "\n".join(out).rstrip() + "\n"


def _section_zh(cls, name: str) -> list[str]:
    return [f"### {_title_zh(cls)}", "", cls.summary_zh or _doc(cls)[0], ""] + [
        param_table(cls.Params, lang="zh")
    ]


def _section_en(cls, name: str) -> list[str]:
    summary, body = _doc(cls)
    zh = getattr(cls, "title_zh", "")
    out = [f"### `{name}`" + (f" ({zh})" if zh else ""), "", summary, ""]
    if body:
        out += [body, ""]
    return out + [param_table(cls.Params)]


def policies_markdown(lang: str = "en") -> str:
    if lang == "zh":
        head = [
            "# 管理政策与时间线事件",
            "",
            "由 `orgsim policies --markdown --lang zh` 从代码生成。情景文件在 `policies:` 下以"
            " `{name: ..., params: {...}}` 列出政策；时间线可以在指定月份 `add_policy`（引入）、"
            "`change_policy`（调整）或 `remove_policy`（取消）政策。单位中的“货币”指情景所用的货币。",
            "",
        ]
        return _catalogue_markdown(head, lambda f: FAMILY_LABELS[f][1], _ZH["events"], _section_zh)
    head = [
        "# Policies and timeline events",
        "",
        "Generated from the code by `orgsim policies --markdown`; do not edit by hand.",
        "A scenario lists policies under `policies:` as `{name: ..., params: {...}}`; the timeline can",
        "`add_policy`, `change_policy` or `remove_policy` at a given month. Parameters are validated at load,",
        "and can be overridden with `--set policies.<name>.<parameter>=value`.",
        "",
    ]
    return _catalogue_markdown(head, str.capitalize, "Timeline events", _section_en)


def policies_text(lang: str = "en") -> str:
    zh = lang == "zh"

    def summary(cls) -> str:
        if zh:
            return f"（{cls.title_zh}）{cls.summary_zh or _doc(cls)[0]}"
        return _doc(cls)[0]

    out = []
    for family in FAMILIES:
        members = sorted((c for c in POLICIES.values() if c.family == family), key=lambda c: c.name)
        if not members:
            continue
        out.append(f"== {FAMILY_LABELS[family][1] if zh else family} ==")
        for cls in members:
            out.append(f"  {cls.name}{'' if zh else ':'} {summary(cls)}")
            out.append(param_table(cls.Params, markdown=False, lang=lang).rstrip("\n"))
        out.append("")
    out.append(f"== {_ZH['events'] if zh else 'timeline events'} ==")
    for name in sorted(EVENTS):
        out.append(f"  {name}{'' if zh else ':'} {summary(EVENTS[name])}")
        out.append(param_table(EVENTS[name].Params, markdown=False, lang=lang).rstrip("\n"))
    return "\n".join(out) + "\n"


def params_markdown(lang: str = "en") -> str:
    from sim.agents.psychology import Psychology
    from sim.scenario import Clients, Finances, Firm, Market, Role

    out = []
    for title, title_zh, block in (
        ("Psychology (`psychology.*`): the same in every scenario", "心理参数", Psychology),
        ("Firm (`firm.*`)", "企业", Firm),
        ("Roles (`firm.roles[i].*` or `firm.roles.<name>.*`)", "岗位", Role),
        ("Clients (`clients.*`)", "客户", Clients),
        ("Finances (`finances.*`)", "财务", Finances),
        ("Market (`market.*`)", "市场", Market),
    ):
        if lang == "zh":
            where = title[title.index("(") + 1 : title.index(")")].replace(" or ", " 或 ")
            title = f"{title_zh}（{where}）"
        out += [f"### {title}", "", param_table(block, lang=lang)]
    return "\n".join(out)
