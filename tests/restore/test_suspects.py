"""What looks spun but was not repaired becomes a flag with suggestions; mentions inside such flags are marked."""

from __future__ import annotations

import orjson

from alliance_corpus import annotate
from alliance_corpus.restore import RestoreConfig, clean
from tests.conftest import REAL_PAGES, SPUN_DEV_SET, read_garbled

SPUN = (
    "After people War II the Marines stayed at Kadena Air Basin, and the alliance v Japan grew. "
    "The chilly War kept them there, and element Minister Sato agreed."
)


def test_suspects_a_near_name_in_spun_text_is_flagged_with_the_known_name_and_left_as_written():
    result = clean(SPUN)
    assert result.garble_score >= 0.5
    flags = [(f.kind, f.text, f.suggestions) for f in result.flags if f.kind == "suspect"]
    assert flags == [("suspect", "Kadena Air Basin", ["Kadena Air Base"])]
    assert "Kadena Air Basin" in result.text


def test_suspects_a_broken_name_below_the_gate_is_flagged_with_its_spelling():
    text = "Officials said barack Obama would visit the prefecture next spring, after the budget talks end."
    result = clean(text, config=RestoreConfig(garbled=False))
    assert [(f.text, f.suggestions) for f in result.flags if f.kind == "suspect"] == [("barack Obama", ["Barack Obama"])]
    assert result.text == text


def test_suspects_a_strong_tell_below_the_gate_is_flagged_with_what_the_rules_for_spun_text_would_write():
    text = "The talks went on for years, and the bases ~ the island stayed through every crisis in the region."
    result = clean(text, config=RestoreConfig(garbled=False))
    suspects = [(f.text, f.suggestions) for f in result.flags if f.kind == "suspect"]
    assert suspects == [(" ~ ", [" on "])]
    assert result.text == text


def test_suspects_no_english_real_page_gets_a_suspect_flag():
    flagged = {}
    for path in REAL_PAGES:
        page = orjson.loads(path.read_bytes())
        if page["language"] == "en":
            suspects = [f.text for f in clean(page["text"]).flags if f.kind == "suspect"]
            if suspects:
                flagged[path.stem] = suspects
    assert flagged == {}


def test_suspects_flags_point_at_their_text_in_the_novel_spun_passages():
    for path in SPUN_DEV_SET:
        result = clean(read_garbled(path)["garbled"])
        for flag in result.flags:
            assert result.text[flag.start : flag.end] == flag.text


def test_suspects_mentions_inside_flagged_spans_are_marked_and_the_rest_are_not():
    document = annotate(SPUN + " Nguyễn căn cứ visited Tokyo.")
    shaky = [(f.start, f.end) for f in document.flags if f.kind in {"suspect", "foreign-script"}]
    assert shaky
    for entity in document.entities:
        inside = any(start < entity.end and entity.start < end for start, end in shaky)
        assert entity.flagged is inside, entity
    assert any(e.flagged for e in document.entities) and any(not e.flagged for e in document.entities)
