"""Every generated page was made from the inputs as they are now (sim.docgen).

A page records the fingerprint of its declared inputs when its generator writes it; these tests
recompute the fingerprint from the files and compare, without running any generator.
"""

from __future__ import annotations

import importlib.util

import pytest

from sim import docgen
from sim.docgen import GENERATED, ROOT, fingerprint, input_files, recorded, stamp


@pytest.mark.parametrize("doc", GENERATED, ids=lambda doc: doc.name)
def test_generated_page_was_made_from_the_current_inputs(doc):
    text = doc.path.read_text(encoding="utf-8")
    again = f"regenerate it: python experiments/regenerate_docs.py --only {doc.name}"
    was = recorded(text)
    assert was is not None, f"{doc.doc} has no fingerprint line; {again} ({doc.shown_command})"
    assert was == fingerprint(doc.inputs), (
        f"{doc.doc} was made from other inputs ({' '.join(doc.inputs)}) than the current ones; "
        f"{again} ({doc.shown_command})"
    )


def test_every_page_that_says_it_is_generated_is_declared():
    declared = {doc.doc for doc in GENERATED}
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8").lower()
        if "do not edit by hand" in text or "<!-- generated:" in text:
            assert page.relative_to(ROOT).as_posix() in declared, page


def test_every_declared_input_glob_matches_a_file():
    for doc in GENERATED:
        for pattern in doc.inputs:
            assert input_files((pattern.removeprefix("!"),)), (
                f"{doc.name}: {pattern} matches nothing"
            )


def _tree(root):
    (root / "sim" / "agents").mkdir(parents=True)
    (root / "sim" / "agents" / "rules.py").write_text("QUIT = 0.1\n")
    (root / "sim" / "model.py").write_text("class OrgModel: ...\n")
    (root / "scenarios").mkdir()
    (root / "scenarios" / "shengyi.yaml").write_text("months: 36\n")
    (root / "README.md").write_text("# orgsim\n")
    return ("sim/**/*.py", "scenarios/**/*.yaml")


def test_fingerprint_changes_when_an_input_changes_and_only_then(tmp_path):
    globs = _tree(tmp_path)
    before = fingerprint(globs, tmp_path)
    assert fingerprint(globs, tmp_path) == before
    (tmp_path / "README.md").write_text("# orgsim, reworded\n")
    (tmp_path / "sim" / "notes.txt").write_text("not code\n")
    (tmp_path / "sim" / "__pycache__").mkdir()
    (tmp_path / "sim" / "__pycache__" / "model.cpython-312.py").write_text("compiled\n")
    assert fingerprint(globs, tmp_path) == before
    (tmp_path / "sim" / "agents" / "rules.py").write_text("QUIT = 0.2\n")
    changed = fingerprint(globs, tmp_path)
    assert changed != before
    (tmp_path / "scenarios" / "extra.yaml").write_text("months: 12\n")
    assert fingerprint(globs, tmp_path) != changed


def test_fingerprint_reads_relative_paths_and_bytes_not_where_or_when(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    globs = _tree(one)
    _tree(two)
    (two / "sim" / "model.py").touch()  # a later modification time, the same bytes
    assert fingerprint(globs, one) == fingerprint(globs, two)
    (two / "sim" / "model.py").rename(two / "sim" / "org.py")  # same bytes, another name
    assert fingerprint(globs, one) != fingerprint(globs, two)


def test_stamp_replaces_its_line_and_leaves_the_page_as_generated(tmp_path, monkeypatch):
    page = tmp_path / "docs" / "cases.md"
    page.parent.mkdir()
    page.write_text("# The cases\n\n| a | b |\n")
    globs = _tree(tmp_path)
    monkeypatch.setattr(docgen, "ROOT", tmp_path)
    doc = docgen.GeneratedDoc("cases", "docs/cases.md", ("python", "experiments/cases.py"), globs)
    monkeypatch.setitem(docgen.BY_NAME, "cases", doc)
    first = stamp("cases", page)
    assert first == fingerprint(globs, tmp_path)
    assert recorded(page.read_text()) == first
    (tmp_path / "sim" / "model.py").write_text("class OrgModel: pass\n")
    second = stamp("cases", page)
    text = page.read_text()
    assert second != first and recorded(text) == second and text.count("<!-- generated:") == 1
    assert docgen.without_stamp(text) == "# The cases\n\n| a | b |\n"


def test_stamp_only_refuses_without_the_explicit_flag(capsys):
    path = ROOT / "experiments" / "regenerate_docs.py"
    spec = importlib.util.spec_from_file_location("regenerate_docs", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    before = (ROOT / "docs" / "cases.md").read_bytes()
    with pytest.raises(SystemExit) as refused:
        script.main(["--stamp-only", "--only", "cases"])
    assert refused.value.code == 2
    assert "--i-know-the-numbers-are-current" in capsys.readouterr().err
    assert (ROOT / "docs" / "cases.md").read_bytes() == before


def test_an_excluding_glob_takes_its_files_out_of_the_fingerprint(tmp_path):
    globs = _tree(tmp_path) + ("!sim/agents/**/*.py",)
    assert "sim/agents/rules.py" not in input_files(globs, tmp_path)
    before = fingerprint(globs, tmp_path)
    (tmp_path / "sim" / "agents" / "rules.py").write_text("QUIT = 0.3\n")
    assert fingerprint(globs, tmp_path) == before
    (tmp_path / "sim" / "model.py").write_text("class OrgModel: pass\n")
    assert fingerprint(globs, tmp_path) != before
