"""Regenerate every generated page of docs/ (the table is sim.docgen.GENERATED), each with its own
command and arguments, and stamp each with the fingerprint of the inputs it was made from.

    python experiments/regenerate_docs.py                       # every page (an hour or more)
    python experiments/regenerate_docs.py --only params,policies   # the cheap ones (seconds)
    python experiments/regenerate_docs.py --list                # the pages, commands, inputs, state
    python experiments/regenerate_docs.py --stamp-only --only cases --i-know-the-numbers-are-current

tests/test_docs_fresh.py fails when a page's inputs changed since it was made. ``--stamp-only``
writes the current fingerprint into pages without rerunning their generators: only for a change
that cannot move a number or a figure of those pages (a comment, a docstring, a renamed local
variable, a new test helper under sim/). Anything else: regenerate.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from sim.docgen import BY_NAME, GENERATED, ROOT, GeneratedDoc, fingerprint, recorded, stamp


def state(doc: GeneratedDoc) -> str:
    if not doc.path.exists():
        return "missing"
    was = recorded(doc.path.read_text(encoding="utf-8"))
    if was is None:
        return "not stamped"
    return "fresh" if was == fingerprint(doc.inputs) else "stale"


def argv(doc: GeneratedDoc) -> list[str]:
    """The command as this interpreter runs it (``python`` is this one, ``orgsim`` its own)."""
    program, *rest = doc.command
    if program == "python":
        return [sys.executable, *rest]
    if program == "orgsim":
        return [sys.executable, "-m", "sim.cli", *rest]
    return list(doc.command)


def regenerate(doc: GeneratedDoc) -> None:
    started = time.perf_counter()
    print(f"== {doc.name}: {doc.shown_command}", flush=True)
    if doc.stdout:
        out = subprocess.run(argv(doc), cwd=ROOT, check=True, capture_output=True, text=True)
        doc.path.write_text(out.stdout, encoding="utf-8")
        stamp(doc.name)
    else:
        subprocess.run(argv(doc), cwd=ROOT, check=True)
    if state(doc) != "fresh":
        raise RuntimeError(f"{doc.shown_command} did not stamp {doc.doc} (sim.docgen.stamp)")
    print(f"   {doc.doc} done in {time.perf_counter() - started:.0f} s", flush=True)


def listing() -> str:
    out = []
    for doc in GENERATED:
        out += [
            f"{doc.name}: {doc.doc} ({state(doc)})",
            f"  command: {doc.shown_command}",
            f"  inputs:  {' '.join(doc.inputs)}",
        ]
        if doc.figures:
            out.append(f"  figures: {' '.join(doc.figures)}")
    return "\n".join(out)


def chosen(only: str | None) -> list[GeneratedDoc]:
    if not only:
        return list(GENERATED)
    names = [n.strip() for n in only.split(",") if n.strip()]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        raise SystemExit(f"no generated page named {unknown}; the pages are: {', '.join(BY_NAME)}")
    return [BY_NAME[n] for n in names]


def main(argv_: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", metavar="NAME[,NAME]", help=f"some of: {', '.join(BY_NAME)}")
    parser.add_argument("--list", action="store_true", help="list the pages and exit")
    parser.add_argument(
        "--stamp-only",
        action="store_true",
        help="write the current fingerprints without regenerating (see the module's docstring)",
    )
    parser.add_argument(
        "--i-know-the-numbers-are-current",
        dest="numbers_current",
        action="store_true",
        help="required by --stamp-only: nothing changed that could move the pages' numbers",
    )
    args = parser.parse_args(argv_)
    if args.list:
        print(listing())
        return 0
    docs = chosen(args.only)
    if args.stamp_only:
        if not args.numbers_current:
            parser.error(
                "--stamp-only marks pages fresh without rerunning them; add "
                "--i-know-the-numbers-are-current if no change since they were made can move a "
                "number or a figure, or regenerate them instead"
            )
        for doc in docs:
            print(f"stamped {doc.doc}: {stamp(doc.name)}")
        return 0
    for doc in docs:
        regenerate(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
