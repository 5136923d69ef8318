"""``orgsim migrate FILE``: rewrite an old scenario file for the current schema, keeping its
comments and layout (the schema's changes are declared in :mod:`sim.migrate`)."""

from __future__ import annotations

import io
from pathlib import Path

from sim import yamlfile
from sim.migrate import SCHEMA_VERSION, strip_removed, version_of
from sim.outputs import atomic
from sim.scenario import ScenarioError, validate_scenario


class MigrateError(ValueError):
    """A file ``orgsim migrate`` cannot rewrite, with where and why."""


def migrate_file(path, out=None) -> tuple[str, list[str]]:
    """Rewrite a scenario file for the current schema, keeping its comments, layout and order
    (ruamel.yaml's round trip). Returns the new text and the notes; writes it to ``out`` when
    given (atomically: a temporary file beside it, then a rename). The new text must load as a
    scenario, or nothing is written."""
    from ruamel.yaml import YAML  # only this command needs it
    from ruamel.yaml.error import YAMLError

    path = Path(path)
    try:
        text = yamlfile.decode(path.read_bytes(), str(path))
        yamlfile.loads(text, str(path))  # the strict reader's limits and rules first
    except OSError as exc:
        raise MigrateError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    except yamlfile.YamlError as exc:
        raise MigrateError(f"{path}: {exc}") from None
    yaml = YAML()  # round trip: comments, key order and flow style are kept
    yaml.preserve_quotes = True
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise MigrateError(f"{path}: {yamlfile.brief(str(exc), 300)}") from None
    if not isinstance(data, dict):
        raise MigrateError(f"{path}: the file must hold a mapping of scenario fields")
    version = version_of(data)
    if version > SCHEMA_VERSION:
        raise MigrateError(
            f"{path}: schema_version {version} is newer than this orgsim's ({SCHEMA_VERSION})"
        )
    notes = strip_removed(data)
    if data.get("schema_version") != SCHEMA_VERSION:
        if "schema_version" in data:
            data["schema_version"] = SCHEMA_VERSION
        else:
            data.insert(0, "schema_version", SCHEMA_VERSION)
        notes.append(f"set schema_version: {SCHEMA_VERSION}")
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new = buffer.getvalue()
    try:
        plain = yamlfile.loads(new, str(out or path))
        plain.setdefault("name", path.stem)
        validate_scenario(plain, source=f"{path} (migrated)")
    except (yamlfile.YamlError, ScenarioError) as exc:
        raise MigrateError(
            f"{path}: after removing the old fields the file is still not a valid scenario; "
            f"nothing was written:\n{exc}"
        ) from None
    if out is not None:
        try:
            atomic(Path(out), lambda tmp: tmp.write_text(new, encoding="utf-8"))
        except OSError as exc:
            raise MigrateError(f"{out}: cannot write the file: {exc.strerror or exc}") from None
    return new, notes
