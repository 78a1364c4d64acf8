"""Shared fixtures: the real seed, the test sets, and one annotation of the seed per session."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests with a fixed seed, so a run is reproducible; locally they explore.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
# `make fuzz`: the long profile of the generated-input tests (tests/reliability), at least 10,000 examples each.
settings.register_profile("fuzz", max_examples=10_000, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))  # the quality harness (benchmarks/quality.py) is not part of the package
DATA = ROOT / "data"
SEED_ID = "000_ff174e8760ddc370"
SEED_RAW = DATA / "raw" / f"{SEED_ID}.txt"
SEED_GOLD_TEXT = DATA / "gold" / f"{SEED_ID}.txt"
SEED_GOLD_ENTITIES = DATA / "gold" / f"{SEED_ID}.entities.jsonl"
CLEAN_SET = sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))
GARBLED_SET = sorted((ROOT / "tests" / "data" / "garbled").glob("*.json"))
GARBLED_DEV_SET = sorted((ROOT / "tests" / "data" / "garbled_dev").glob("*.json"))
GARBLED_HOLDOUT_SET = sorted((ROOT / "tests" / "data" / "garbled_holdout").glob("*.json"))
GARBLED_HOLDOUT2_SET = sorted((ROOT / "tests" / "data" / "garbled_holdout2").glob("*.json"))
WEBNOISE_SET = sorted((ROOT / "tests" / "data" / "webnoise").glob("*.json"))
SPUN_DEV_SET = sorted((ROOT / "tests" / "data" / "spun_dev").glob("*.json"))
SPUN_HOLDOUT_SET = sorted((ROOT / "tests" / "data" / "spun_holdout").glob("*.json"))
REAL_PAGES = sorted((ROOT / "tests" / "data" / "realpages").glob("*.json"))


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return SEED_RAW.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_document(seed_raw):
    """The seed annotated once per session by the real pipeline."""
    from alliance_corpus import annotate

    return annotate(seed_raw, doc_id=SEED_ID)


def read_garbled(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def make_corpus(root: Path, files: dict[str, bytes]) -> Path:
    """A corpus folder ``root/raw`` holding ``files`` (name -> bytes); returns the raw folder."""
    raw = root / "raw"
    for name, data in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return raw
