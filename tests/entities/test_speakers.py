"""Speakers of a transcript's turns, read by the real pipeline."""

from __future__ import annotations

from alliance_corpus import annotate

TRANSCRIPT = (
    "MR. KIRBY: The President will meet Prime Minister Kishida.\n"
    "MINISTER HAMADA: We welcome this.\n"
    "SECRETARY AUSTIN: Good morning. I thank Minister Hamada.\n"
    "MODERATOR: Next question.\n"
)


def test_speakers_each_turns_surname_is_a_person_linked_like_the_same_name_in_the_text():
    # a helper's black-box test: "MR" was a GPE, "HAMADA" was missed and "AUSTIN" was left unlinked
    found = [(e.text, e.label, e.kb_id) for e in annotate(TRANSCRIPT).entities]
    assert ("MR", "GPE", None) not in found
    assert [f for f in found if f[0].isupper()] == [("KIRBY", "PERSON", None), ("HAMADA", "PERSON", "Q1132836"), ("AUSTIN", "PERSON", "ac:lloyd-austin")]


def test_speakers_a_single_title_line_before_a_colon_is_a_heading_not_a_turn():
    found = [(e.text, e.label) for e in annotate("GENERAL OVERVIEW: The alliance with Japan endures.").entities]
    assert ("OVERVIEW", "PERSON") not in found
