"""Strict YAML for scenario files and ``--set`` values: plain data, read one way, within limits.

PyYAML reads YAML 1.1, where ``yes``/``on``/``off`` are booleans, ``1:30`` is the number 90,
``0x18`` is 24, ``010`` is 8 and a key given twice silently keeps the last value. A scenario is
typed by a trainee in a text editor, so none of that may happen quietly. This module reads:

- **YAML 1.2 core scalars, narrowed.** ``true``/``false`` (also ``True``, ``TRUE``, ...) are the
  only booleans; ``null``, ``~`` and an empty value are null; decimal integers (``-12``) and
  decimal floats (``3.5``, ``1e6``, ``.inf``, ``.nan``) are numbers. Everything else is text,
  including ``yes``, ``on``, ``1:30``, ``0x18``, ``0o17``, ``1_000`` and dates, so a field that
  wants a number or a flag refuses it instead of guessing.
- **Plain data only.** Mappings, lists and scalars; the tags ``!!str``, ``!!int``, ``!!float``,
  ``!!bool``, ``!!null``, ``!!seq`` and ``!!map`` are allowed and checked, every other tag
  (``!!python/object``, ``!!binary``, ``!!timestamp``, merge keys ``<<``, ...) is refused.
- **Limits.** At most :data:`MAX_BYTES` bytes, :data:`MAX_DEPTH` levels of nesting and
  :data:`MAX_ALIAS_NODES` values added by aliases (``*name``), counted without expanding them, so a
  550-byte "billion laughs" file is refused at once. A key given twice is refused, naming both
  lines. A file must be UTF-8; otherwise the error names the byte offset and the line.

Parsing is libyaml's (PyYAML's ``CParser``, the parser of ``yaml.CSafeLoader``) when it is
installed, else PyYAML's pure-Python parser. The objects are built here from the parser's events
rather than by PyYAML's composer and constructor: the checks above need the field path and the
line of every value before anything is built or expanded, and building from events needs no
recursion, however the file is nested.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev

MAX_BYTES = 1_000_000  # a scenario is a few kB; the longest shipped one is under 10 kB
MAX_DEPTH = 20  # a scenario nests 6 levels (timeline -> event -> params -> params -> roles)
MAX_ALIAS_NODES = 10_000  # values that aliases may add (reusing a block a few times needs ~100)
QUOTE_CHARS = 200  # at most this much of any value is quoted in a message

try:  # the C parser of yaml.CSafeLoader (libyaml), 20-100x faster than the pure-Python one
    from yaml._yaml import CParser as _Parser

    FAST = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

    FAST = False


class YamlError(ValueError):
    """A YAML text that cannot be used: where (``source``, ``line``, ``path``) and why."""

    def __init__(self, source: str, reason: str, line: int | None = None, path: str = ""):
        self.source = source
        self.reason = reason
        self.line = line
        self.path = path
        super().__init__(self.where() + ": " + (f"{path}: " if path else "") + reason)

    def where(self) -> str:
        """``file, line 3`` or ``file`` (the path of the value goes with the reason)."""
        return self.source + (f", line {self.line}" if self.line else "")


def brief(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` cut to ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


# --- scalars ---------------------------------------------------------------------------------

_TAG = "tag:yaml.org,2002:"
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(
    r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
)
_SCALAR_TAGS = {"str", "int", "float", "bool", "null"}
_COLLECTION_TAGS = {"seq": list, "map": dict}


def _shown(tag: str) -> str:
    return brief("!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag, 60)


def _number(text: str, kind: str) -> int | float:
    if kind == "int":
        return int(text)  # ValueError beyond Python's 4,300 digits; the caller words it
    lowered = text.lower().lstrip("+")
    if lowered in (".inf", "-.inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(text)


def scalar(value: str, plain: bool, tag: str | None = None) -> Any:
    """The Python value of one YAML scalar: ``plain`` (unquoted) text is resolved by the narrowed
    YAML 1.2 core schema above; quoted text is a string; an explicit ``tag`` must fit its value.
    Raises ValueError with the reason."""
    if tag in (None, "!"):
        if tag == "!" or not plain:
            return value
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _INT.match(value):
            return _number(value, "int")
        if _FLOAT.match(value):
            return _number(value, "float")
        return value
    name = tag.removeprefix(_TAG) if tag.startswith(_TAG) else None
    if name not in _SCALAR_TAGS:
        raise ValueError(f"the tag {_shown(tag)} is not allowed: a scenario holds plain data")
    if name == "str":
        return value
    pattern = {"int": _INT, "float": _FLOAT, "bool": _BOOL, "null": _NULL}[name]
    if name == "float" and _INT.match(value):
        return float(value)
    if not pattern.match(value):
        raise ValueError(f"!!{name} {brief(value, 60)!r} is not a valid {name} in YAML 1.2")
    return scalar(value, plain=True)


# --- loading ---------------------------------------------------------------------------------


def _path(parts: list) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Frame:
    """An open mapping or list while its events arrive."""

    __slots__ = ("anchor", "key", "key_line", "lines", "path", "size", "value")

    def __init__(self, value, path: list, anchor: str | None):
        self.value = value
        self.path = path
        self.anchor = anchor
        self.size = 1  # values in it, aliases counted as what they stand for
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.lines: dict[Any, tuple[int, int]] = {}  # mapping: key -> (line, column) given at


_NO_KEY = object()


class _Builder:
    """Builds plain Python data from parser events, checking the limits as it goes."""

    def __init__(self, source: str):
        self.source = source
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, bool]] = {}  # name -> (value, size, is scalar)
        self.open_anchors: set[str] = set()
        self.added_by_aliases = 0
        self.documents = 0
        self.root: Any = None

    def fail(self, reason: str, event, path: list | None = None) -> YamlError:
        line = event.start_mark.line + 1 if event is not None and event.start_mark else None
        where = _path(path if path is not None else self._here())
        return YamlError(self.source, reason, line, where)

    def _here(self) -> list:
        if not self.stack:
            return []
        top = self.stack[-1]
        if isinstance(top.value, list):
            return [*top.path, len(top.value)]
        return top.path if top.key is _NO_KEY else [*top.path, top.key]

    def feed(self, event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    "the file holds more than one YAML document (a line '---' starts a second "
                    "one); a scenario is one document",
                    event,
                    [],
                )
        elif isinstance(event, ev.ScalarEvent):
            try:
                value = scalar(event.value, event.implicit[0], event.tag)
            except ValueError as exc:
                reason = str(exc)
                if "Exceeds the limit" in reason:
                    reason = "a whole number of more than 4,300 digits"
                raise self.fail(reason, event) from None
            self._add(value, 1, event, is_scalar=True)
        elif isinstance(event, ev.AliasEvent):
            self._alias(event)
        elif isinstance(event, ev.SequenceStartEvent | ev.MappingStartEvent):
            self._open(event)
        elif isinstance(event, ev.SequenceEndEvent | ev.MappingEndEvent):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.open_anchors.discard(frame.anchor)
                self.anchors[frame.anchor] = (frame.value, frame.size, False)
            if self.stack:
                self.stack[-1].size += frame.size
            else:
                self.root = frame.value

    def _open(self, event) -> None:
        kind = list if isinstance(event, ev.SequenceStartEvent) else dict
        if event.tag not in (None, "!"):
            name = event.tag.removeprefix(_TAG) if event.tag.startswith(_TAG) else None
            if _COLLECTION_TAGS.get(name) is not kind:
                raise self.fail(
                    f"the tag {_shown(event.tag)} is not allowed: a scenario holds plain data",
                    event,
                )
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is _NO_KEY:
            raise self.fail(
                "a key must be a plain value (a name or a number), not a list or a mapping", event
            )
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(
                f"nested more than {MAX_DEPTH} levels deep; a scenario needs about 6", event
            )
        path = self._here()
        frame = _Frame(kind(), path, event.anchor)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self._attach(frame.value, event)
        self.stack.append(frame)

    def _alias(self, event) -> None:
        name = event.anchor
        if name in self.open_anchors:
            raise self.fail(f"the alias *{brief(name, 60)} refers to a value that holds it", event)
        if name not in self.anchors:
            raise self.fail(
                f"the alias *{brief(name, 60)} names no anchor (&{brief(name, 60)}) given before it",
                event,
            )
        value, size, is_scalar = self.anchors[name]
        self.added_by_aliases += size
        if self.added_by_aliases > MAX_ALIAS_NODES:
            raise self.fail(
                f"aliases expand too far: *{brief(name, 60)} and those before it stand for more "
                f"than {MAX_ALIAS_NODES:,} values (a file of aliases of aliases can stand for "
                "billions); write the values out, or alias fewer",
                event,
            )
        self._add(value, size, event, is_scalar)

    def _add(self, value, size: int, event, is_scalar: bool) -> None:
        anchor = getattr(event, "anchor", None) if isinstance(event, ev.ScalarEvent) else None
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is _NO_KEY:
            self._key(value, event, is_scalar)
        else:
            self._attach(value, event)
            if self.stack:
                self.stack[-1].size += size
            else:
                self.root = value
        if anchor is not None:
            self.anchors[anchor] = (value, 1, True)

    def _key(self, key, event, is_scalar: bool) -> None:
        frame = self.stack[-1]
        if not is_scalar:
            raise self.fail(
                "a key must be a plain value (a name or a number), not a list or a mapping", event
            )
        mark = event.start_mark
        line = mark.line + 1
        if key == "<<" and isinstance(event, ev.ScalarEvent) and event.implicit[0]:
            raise self.fail(
                "merge keys (<<) are not part of YAML 1.2 and are not read; write the fields out",
                event,
            )
        if key in frame.lines:
            first_line, first_column = frame.lines[key]
            first = f"line {first_line}" + (
                f", column {first_column}" if first_line == line else ""
            )
            second = f"line {line}" + (f", column {mark.column + 1}" if first_line == line else "")
            raise self.fail(
                f"this key is given twice, on {first} and on {second}; a second one would "
                "silently replace the first, so keep one",
                event,
                [*frame.path, key],
            )
        frame.lines[key] = (line, mark.column + 1)
        frame.key, frame.key_line = key, line

    def _attach(self, value, event) -> None:
        if not self.stack:
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
        else:
            top.value[top.key] = value
            top.key = _NO_KEY


def loads(text: str, source: str = "<text>") -> Any:
    """Plain data from YAML text (see the module's rules); raises :class:`YamlError`."""
    if len(text) > MAX_BYTES:
        raise YamlError(source, f"longer than {MAX_BYTES:,} characters; a scenario is a few kB")
    builder = _Builder(source)
    parser = None
    try:
        parser = _Parser(text)
        while parser.check_event():
            event = parser.get_event()
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            problem += " (a tab: YAML is indented with spaces, never tabs)"
        if "maximum nesting depth" in problem:  # libyaml's own limit, met while scanning ahead
            problem = f"nested too deep (more than {MAX_DEPTH} levels; a scenario needs about 6)"
            raise YamlError(source, problem, mark.line + 1 if mark else None) from None
        raise YamlError(
            source, f"not valid YAML: {brief(problem)}", mark.line + 1 if mark else None
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlError(
            source, f"not valid YAML: character #x{exc.character:04x} is not allowed", line
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - any other parser error
        raise YamlError(source, f"not valid YAML: {brief(str(exc))}") from None
    finally:
        if parser is not None:
            parser.dispose()
    return builder.root


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a leading byte-order mark is dropped), or a :class:`YamlError` that names the
    byte offset and line of the first byte that is not UTF-8 and says to save the file as UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(
            source,
            "the file is UTF-16 (as Windows Notepad saves 'Unicode'); save it as UTF-8",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        bad = data[start : start + 4].hex(" ")
        raise YamlError(
            source,
            f"the file is not UTF-8: byte {start} (line {line}, column {column}: {bad}) "
            f"cannot be read; it is probably {_guess(data)}. Open it in your editor and save "
            "it as UTF-8",
            line,
        ) from None


def _guess(data: bytes) -> str:
    """A hint at the encoding the file was saved in (Chinese Windows editors save GBK)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return "Latin-1 or Windows-1252"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "GBK/GB18030 (as Chinese Windows editors save it)"
    return "Latin-1 or Windows-1252"


def load_file(path: str | Path) -> Any:
    """Plain data from a YAML file (see the module's rules); raises :class:`YamlError`, or
    OSError when the file cannot be read."""
    file = Path(path)
    with file.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise YamlError(
            str(file), f"the file is larger than {MAX_BYTES:,} bytes; a scenario is a few kB"
        )
    return loads(decode(data, str(file)), str(file))
