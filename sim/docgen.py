"""The generated documents of the repository: which command makes each, from which inputs.

:data:`GENERATED` declares every generated page once. ``experiments/regenerate_docs.py`` runs
their commands; each generator ends by calling :func:`stamp`, which writes into its page one line

    <!-- generated: fingerprint=sha256:... by python experiments/cases.py -->

where the fingerprint (:func:`fingerprint`) is a hash over the bytes of the page's declared input
files. ``tests/test_docs_fresh.py`` recomputes it from the files as they are now and fails when a
page was made from other inputs, without rerunning anything.

The hash reads sorted relative paths and file contents only (no modification times, no absolute
paths), so it is the same on every machine that has the same files.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The code every page is drawn from (all of sim/ but the classroom app's page, which no generator
# imports); a page made by running the model also depends on the scenarios, the calibrated
# defaults' record and the pinned library versions. A glob starting with "!" takes files out.
CODE = ("sim/**/*.py", "!sim/viz/app/**/*.py", "!sim/viz/app_cli.py")
RUNS = CODE + ("scenarios/**/*.yaml", "calibration/default_model.json", "constraints.txt")


@dataclass(frozen=True)
class GeneratedDoc:
    """A page (and the figures it shows) made by ``command``, run from the repository's root.

    ``inputs`` are globs relative to the root whose files' contents the page depends on;
    ``stdout``: the command prints the page instead of writing it; ``figures``: what else the
    command writes (shown by ``--list``)."""

    name: str
    doc: str
    command: tuple[str, ...]
    inputs: tuple[str, ...]
    stdout: bool = False
    figures: tuple[str, ...] = ()

    @property
    def path(self) -> Path:
        return ROOT / self.doc

    @property
    def shown_command(self) -> str:
        return " ".join(self.command) + (f" > {self.doc}" if self.stdout else "")


GENERATED: tuple[GeneratedDoc, ...] = (
    GeneratedDoc(
        "params",
        "docs/model.md",
        ("python", "docs/_gen_params.py"),
        CODE + ("docs/_gen_params.py",),
    ),
    GeneratedDoc(
        "policies",
        "docs/policies.md",
        ("orgsim", "policies", "--markdown"),
        CODE,
        stdout=True,
    ),
    GeneratedDoc(
        "cases",
        "docs/cases.md",
        ("python", "experiments/cases.py"),
        RUNS + ("experiments/cases.py",),
        figures=("docs/figures/cases/*",),
    ),
    GeneratedDoc(
        "validation",
        "docs/validation.md",
        (
            "python",
            "experiments/validation.py",
            "--no-screening",
            "--calibration",
            "calibration/default_model.json",
            "--members",
            "12",
            "--seeds",
            "6",
        ),
        RUNS + ("experiments/validation.py",),
        figures=("docs/figures/validation/*",),
    ),
    GeneratedDoc(
        "robustness",
        "docs/robustness.md",
        ("python", "experiments/robustness.py", "--seeds", "5"),
        RUNS + ("experiments/robustness.py",),
        figures=("docs/figures/robustness/*",),
    ),
    GeneratedDoc(
        "tutorial",
        "docs/experiments.md",
        ("python", "experiments/tutorial.py", "--fresh"),
        RUNS + ("experiments/tutorial.py", "experiments/pay_schemes.yaml"),
        figures=("docs/figures/experiments/*",),
    ),
)
BY_NAME = {doc.name: doc for doc in GENERATED}

# the stamp and the blank line before it
STAMP = re.compile(r"\n?^<!-- generated: fingerprint=(sha256:[0-9a-f]{64}) by .* -->\n", re.M)


def input_files(globs: tuple[str, ...], root: Path | None = None) -> list[str]:
    """The files the globs match under ``root`` (the repository's), as sorted POSIX paths
    relative to it."""
    root = root or ROOT
    found: set[str] = set()
    for pattern in globs:
        matched = {
            path.relative_to(root).as_posix()
            for path in root.glob(pattern.removeprefix("!"))
            if path.is_file() and "__pycache__" not in path.parts
        }
        found = found - matched if pattern.startswith("!") else found | matched
    return sorted(found)


def fingerprint(globs: tuple[str, ...], root: Path | None = None) -> str:
    """``sha256:<hex>`` over each matched file's relative path and the hash of its bytes."""
    root = root or ROOT
    total = hashlib.sha256()
    for name in input_files(globs, root):
        total.update(name.encode("utf-8") + b"\0")
        total.update(hashlib.sha256((root / name).read_bytes()).digest())
    return f"sha256:{total.hexdigest()}"


def recorded(text: str) -> str | None:
    """The fingerprint a page's stamp records, or None if it has none."""
    match = STAMP.search(text)
    return match.group(1) if match else None


def without_stamp(text: str) -> str:
    """The page as its generator wrote it, before :func:`stamp`."""
    return STAMP.sub("", text)


def stamp(name: str, path: Path | None = None) -> str:
    """Write the current fingerprint of the generated page ``name`` into it (at ``path``, if it was
    written elsewhere), replacing any earlier stamp; return the fingerprint."""
    doc = BY_NAME[name]
    path = path or doc.path
    value = fingerprint(doc.inputs)
    text = without_stamp(path.read_text(encoding="utf-8"))
    if not text.endswith("\n"):
        text += "\n"
    line = f"<!-- generated: fingerprint={value} by {doc.shown_command} -->"
    path.write_text(f"{text}\n{line}\n", encoding="utf-8")
    return value
