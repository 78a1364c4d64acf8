"""Author–year citations in scholarly prose, read by the real pipeline."""

from __future__ import annotations

import pytest

from alliance_corpus import annotate


def _found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in annotate(text).entities]


def test_citations_each_cited_surname_is_a_person_and_its_year_a_date():
    # the model read "Mearsheimer 2001" as one DATE and missed "Walt" (a helper's black-box test on academic prose)
    assert _found("Realists disagree (Mearsheimer 2001; Walt 1987).") == [("Mearsheimer", "PERSON"), ("2001", "DATE"), ("Walt", "PERSON"), ("1987", "DATE")]


def test_citations_several_authors_pages_letters_after_years_and_et_al():
    found = _found("Alliances entrap their members (Snyder 1984; Cha and Katz 2016, 45; Samuels et al. 2019a).")
    people = [text for text, label in found if label == "PERSON"]
    assert people == ["Snyder", "Cha", "Katz", "Samuels"] and ("2019a", "DATE") in found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The figures come from the ministry (MOFA 2015).", "MOFA"),  # an organisation as author
        ("The essay appeared in the journal (Winter 2001).", "Winter"),  # a journal's issue
        ("The base opened (January 1972).", "January"),
        ("The battle ended there (Okinawa 1945).", "Okinawa"),  # a place the gazetteer knows
    ],
)
def test_citations_a_word_that_is_no_author_is_left_alone(text, word):
    assert (word, "PERSON") not in _found(text)


def test_citations_a_gazetteer_person_cited_keeps_his_link():
    found = [(e.text, e.label, e.kb_id) for e in annotate("On the balance of power (Kissinger 1994; Katzenstein 1996).").entities]
    assert ("Kissinger", "PERSON", "Q66107") in found and ("Katzenstein", "PERSON", None) in found
