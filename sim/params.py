"""One typed parameter space.

Every tunable number in orgsim is declared once, as a pydantic field made by :func:`param`,
with its default, unit, bounds, one-line meaning and source. The same declaration gives:

- scenario validation (pydantic checks type and bounds when a file is loaded),
- the CLI's ``--set path.to.field=value`` overrides (validated like the file),
- the browser app's controls (:func:`describe` lists them with units and bounds),
- the sensitivity analysis's bounds (:func:`bounds_of`).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticUndefined

from sim.units import unit_text


class Spec(BaseModel):
    """Base of every declared parameter block: unknown keys are errors, values are re-validated
    on assignment so that an override can never slip past the bounds, and nothing is converted:
    a number field refuses ``true`` and ``"3000"``, a whole-number field refuses ``3.5`` and
    ``3.0``, a flag refuses ``"yes"`` and ``1`` (pydantic's strict mode; a whole number is still
    a good value for a field of real numbers), and no number may be infinite or NaN."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, frozen=False, strict=True, allow_inf_nan=False
    )


def param(
    default: Any,
    lo: float | None = None,
    hi: float | None = None,
    *,
    unit: str = "",
    doc: str,
    source: str = "assumed",
    label_zh: str = "",
    doc_zh: str = "",
) -> Any:
    """Declare a parameter: default, closed bounds [lo, hi], unit, meaning and source, and its
    Chinese label and meaning (shown on the Chinese page). ``unit`` is a key of the glossary
    :data:`sim.units.UNITS`, with money written as ``currency``."""
    extra = {"unit": unit, "source": source, "label_zh": label_zh, "doc_zh": doc_zh}
    return Field(default, ge=lo, le=hi, description=doc, json_schema_extra=extra)


def choice(
    default: Any,
    doc: str,
    source: str = "assumed",
    *,
    label_zh: str = "",
    doc_zh: str = "",
    options_zh: dict[str, str] | None = None,
) -> Any:
    """Declare a ``Literal[...]`` or ``bool`` parameter: default, meaning, source, Chinese label and
    meaning, and (for a ``Literal``) the Chinese of each value, ``options_zh={"monthly": "每月"}``."""
    extra = {
        "unit": "",
        "source": source,
        "label_zh": label_zh,
        "doc_zh": doc_zh,
        "options_zh": dict(options_zh or {}),
    }
    return Field(default, description=doc, json_schema_extra=extra)


def described(
    default: Any = PydanticUndefined,
    *,
    doc: str,
    label_zh: str = "",
    doc_zh: str = "",
    unit: str = "",
    source: str = "assumed",
    **field_options: Any,
) -> Any:
    """Declare a field that is not a number or a choice (a name, a list of roles, a nested block)
    with its meaning and Chinese label; ``field_options`` pass on to pydantic's ``Field``
    (``default_factory``, ``min_length``, ...)."""
    extra = {"unit": unit, "source": source, "label_zh": label_zh, "doc_zh": doc_zh}
    return Field(default, description=doc, json_schema_extra=extra, **field_options)


@dataclass(frozen=True)
class ParamInfo:
    """A flat description of one declared parameter, for listings, controls and sensitivity."""

    name: str
    default: Any
    lo: float | None
    hi: float | None
    unit: str
    doc: str
    source: str
    kind: str  # "float", "int", "bool", "choice" or "other"
    choices: tuple[Any, ...] = ()
    label_zh: str = ""
    doc_zh: str = ""
    options_zh: dict[str, str] = dataclass_field(default_factory=dict, hash=False, compare=False)

    def label(self, lang: str = "en") -> str:
        """The short label: ``label_zh`` in Chinese, else the name made readable."""
        if lang == "zh" and self.label_zh:
            return self.label_zh
        return self.name.replace("_", " ").capitalize()

    def meaning(self, lang: str = "en") -> str:
        """The one-line meaning: ``doc_zh`` in Chinese, else ``doc``."""
        return self.doc_zh if lang == "zh" and self.doc_zh else self.doc

    def option(self, value: Any, lang: str = "en") -> str:
        """One value of a choice (or a yes/no) as the page shows it."""
        if isinstance(value, bool):
            return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
        if lang == "zh" and str(value) in self.options_zh:
            return self.options_zh[str(value)]
        return str(value).replace("_", " ")

    def unit_in(self, lang: str = "en", currency: str | None = None) -> str:
        """The unit in ``lang`` and the scenario's currency (:func:`sim.units.unit_text`)."""
        return unit_text(self.unit, lang, currency)


def _bound(field, attr: str) -> float | None:
    for meta in field.metadata:
        value = getattr(meta, attr, None)
        if value is not None:
            return value
    return None


def describe(block: type[BaseModel]) -> list[ParamInfo]:
    """The declared parameters of a block, in declaration order."""
    out = []
    for name, field in block.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        annotation = field.annotation
        origin = typing.get_origin(annotation)
        choices: tuple[Any, ...] = ()
        if annotation is bool:
            kind = "bool"
        elif annotation is int:
            kind = "int"
        elif annotation is float:
            kind = "float"
        elif origin is typing.Literal:
            kind, choices = "choice", typing.get_args(annotation)
        else:
            kind = "other"
        out.append(
            ParamInfo(
                name=name,
                default="required"
                if field.is_required()
                else field.get_default(call_default_factory=True),
                lo=_bound(field, "ge"),
                hi=_bound(field, "le"),
                unit=str(extra.get("unit", "")),
                doc=field.description or "",
                source=str(extra.get("source", "assumed")),
                kind=kind,
                choices=choices,
                label_zh=str(extra.get("label_zh", "")),
                doc_zh=str(extra.get("doc_zh", "")),
                options_zh={str(k): str(v) for k, v in dict(extra.get("options_zh", {})).items()},
            )
        )
    return out


def bounds_of(block: type[BaseModel], name: str) -> tuple[float, float]:
    """The declared (lo, hi) of a numeric parameter; raises if it has no finite bounds."""
    for info in describe(block):
        if info.name == name:
            if info.lo is None or info.hi is None:
                raise ValueError(f"parameter {name!r} of {block.__name__} has no declared bounds")
            return float(info.lo), float(info.hi)
    raise KeyError(f"{block.__name__} has no parameter {name!r}")
