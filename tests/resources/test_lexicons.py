"""Lexicon files: word lists the code interprets, one entry per line with an id, evidence and a note."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from alliance_corpus.errors import ResourceError
from alliance_corpus.resources import Resources
from alliance_corpus.resources.lexicons import bundled_lexicon, lexicon_files, load_lexicon

SRC = Path(__file__).resolve().parents[2] / "src" / "alliance_corpus"


def test_lexicons_every_entry_has_an_id_evidence_and_a_note():
    entries = [e for entries in bundled_lexicon().lists.values() for e in entries]
    assert len(entries) > 200
    assert all(e.id and e.evidence.strip() and e.note.strip() for e in entries)
    assert len({e.id for e in entries}) == len(entries)


def test_lexicons_every_list_the_code_asks_for_exists():
    asked = {
        name
        for path in SRC.rglob("*.py")
        for name in re.findall(r"\b(?:words|labelled)\(\s*[\"']([a-z-]+)[\"']", path.read_text())
    }
    assert {"name-function-words", "clause-openers", "vietnamese-letters", "label-heads", "photo-agencies"} <= asked
    assert asked <= set(bundled_lexicon().lists)


def test_lexicons_files_carry_a_version_line():
    for path in lexicon_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r"// alliance_corpus lexicon, [a-z]+\.jsonl, version \d+\.\d+\.\d+: ", first), path.name


def test_lexicons_are_part_of_the_resource_fingerprint(tmp_path):
    bundled = Resources.bundled()
    assert set(lexicon_files()) <= set(bundled.lexicon_files)
    changed = tmp_path / "names.jsonl"
    changed.write_bytes(lexicon_files()[0].read_bytes() + b"\n")
    other = Resources(bundled.rule_files, bundled.gazetteer_files, (changed, *bundled.lexicon_files[1:]))
    assert other.fingerprint != bundled.fingerprint


def test_lexicons_a_bad_line_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "mine.jsonl"
    good = {"id": "x.one", "list": "x", "value": "one", "evidence": "e", "note": "n"}
    path.write_bytes(orjson.dumps(good) + b"\n" + orjson.dumps({**good, "id": "x.two", "note": ""}) + b"\n")
    with pytest.raises(ResourceError, match=r"mine\.jsonl:2: note"):
        load_lexicon([path])


def test_lexicons_two_entries_may_not_share_an_id(tmp_path):
    path = tmp_path / "mine.jsonl"
    entry = orjson.dumps({"id": "x.one", "list": "x", "value": "one", "evidence": "e", "note": "n"})
    path.write_bytes(entry + b"\n" + entry + b"\n")
    with pytest.raises(ResourceError, match=r"mine\.jsonl:2: id 'x\.one' is already used"):
        load_lexicon([path])


def test_lexicons_an_unknown_list_names_the_known_ones():
    with pytest.raises(KeyError, match="known lists"):
        bundled_lexicon().words("no-such-list")
