"""Regenerate the parameter tables of docs/model.md from the code.

Rewrites only the part of docs/model.md between ``<!-- params:start -->`` and
``<!-- params:end -->``, from the declarations (``sim.params.describe`` over the psychology block and
the scenario blocks Firm, Role, Clients, Finances and Market, rendered by ``sim.catalogue``, the same
tables that ``orgsim params --markdown`` prints). tests/test_docs.py fails when the file is stale.

    python docs/_gen_params.py          # rewrite docs/model.md
    python docs/_gen_params.py --check  # exit 1 if docs/model.md is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MODEL_MD = Path(__file__).resolve().parent / "model.md"
START, END = "<!-- params:start -->", "<!-- params:end -->"


def params_section() -> str:
    """The generated tables, as they belong between the markers."""
    from sim.catalogue import params_markdown

    return params_markdown().strip() + "\n"


def render(text: str) -> str:
    """``text`` with the part between the markers replaced by the generated tables."""
    head, sep_start, rest = text.partition(START)
    _, sep_end, tail = rest.partition(END)
    if not sep_start or not sep_end:
        raise ValueError(f"{MODEL_MD} must contain {START} followed by {END}")
    return f"{head}{START}\n\n{params_section()}\n{END}{tail}"


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
        print(f"rewrote the parameter tables of {MODEL_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
