# orgsim: `make demo` sets up and runs the flagship case; `make test` sets up and runs every test;
# `make docs` regenerates every generated page of docs/ (`make docs ONLY=params,policies`: some).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# The development machines have Python 3.12.1 under pyenv; .python-version selects it.
PYTHON ?= $(shell for p in "$$HOME/.pyenv/versions/$$(cat .python-version 2>/dev/null)/bin/python" python3.13 python3.12 python3; do \
	command -v "$$p" >/dev/null 2>&1 && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v "$$p"; break; }; done)
OUT ?= runs/demo

.PHONY: setup demo test test-fast lint bench docs clean

$(VENV)/.installed: pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then echo "orgsim needs Python 3.12 or newer (Mesa 3.5 requires it); none was found. Install one (e.g. 'pyenv install 3.12') and run make again." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

setup: $(VENV)/.installed

demo: setup
	$(VENV)/bin/orgsim demo --out $(OUT)

# --dist loadfile: a test file runs on one worker, so the runs its tests share (a case's 30 seeds,
# the policy harness's cached arms) are made once. (--dist loadgroup with xdist_group marks does not
# group at all under pytest 9.2 and xdist 3.8: pytest-dev/pytest-xdist#1386.)
test: setup
	$(PY) -m pytest -n 2 --dist loadfile -q --durations=30

test-fast: setup
	$(PY) -m pytest -n 2 --dist loadfile -q -m "not slow"

lint: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

bench: setup
	$(PY) benchmarks/throughput.py

docs: setup
	$(PY) experiments/regenerate_docs.py $(if $(ONLY),--only $(ONLY))

clean:
	rm -rf $(VENV) runs .pytest_cache
