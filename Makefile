# Two entry points: `make annotate` (the main job) and `make test`.
# Both create .venv and install the pinned, hashed dependencies first (once).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup annotate test bench quality schema lock distclean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	$(BIN)/python -m pip check
	touch $(STAMP)

annotate: setup
	$(BIN)/alliance-corpus annotate

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/run.py

quality: setup
	$(BIN)/python -m alliance_corpus.evaluate

schema: setup
	$(BIN)/alliance-corpus schema > schema/annotated_document.schema.json

# Maintainers only (needs network and uv): re-resolve requirements.in into requirements.lock.
lock:
	uv pip compile requirements.in --generate-hashes --python-version 3.11 --no-header -o requirements.lock

distclean:
	rm -rf $(VENV) .pytest_cache .hypothesis
