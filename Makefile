# Two entry points: `make annotate` (the main job) and `make test`.
# Both create .venv and install the pinned, hashed dependencies first (once).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: setup annotate test lint fuzz bench quality schema lock distclean

setup: $(STAMP)

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) --require-hashes --no-deps -r requirements.lock
	$(PIP) --require-hashes --no-deps -r requirements-dev.lock
	$(PIP) --no-deps --no-build-isolation --editable .
	$(BIN)/python -m pip check
	touch $(STAMP)

annotate: setup
	$(BIN)/alliance-corpus annotate

test: setup
	$(BIN)/python -m pytest

# The architecture's checks: import layers (import-linter), types (mypy), lint (ruff).
lint: setup
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/ruff check src tests benchmarks

# The long profile of the generated-input tests (at least 10,000 examples each; slow).
fuzz: setup
	$(BIN)/python -m pytest tests/reliability -p no:cacheprovider --hypothesis-profile=fuzz -q

bench: setup
	$(BIN)/python benchmarks/run.py

quality: setup
	$(BIN)/python benchmarks/quality.py

schema: setup
	$(BIN)/alliance-corpus schema > schema/annotated_document.schema.json

# Maintainers only (needs network and uv): re-resolve the .in files into the lock files.
lock:
	uv pip compile requirements.in --generate-hashes --python-version 3.11 --no-header -o requirements.lock
	uv pip compile requirements-dev.in -c requirements.lock --generate-hashes --python-version 3.11 --no-header -o requirements-dev.lock

distclean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache
