"""A name the gazetteer spells in two cases is never re-cased into one of them."""

from __future__ import annotations

from alliance_corpus.resources import Resources
from alliance_corpus.restore import RestoreConfig, clean


def test_a_name_spelled_in_two_cases_is_not_recasable_and_one_spelled_once_is():
    gazetteer = Resources.bundled().gazetteer
    recasable = gazetteer.recasable_names()
    spellings: dict[str, set[str]] = {}
    for entry in gazetteer.entries:
        for name in entry.names:
            if len(name.split()) > 1 and "," not in name:
                spellings.setdefault(" ".join(name.lower().split()), set()).add(name)
    twice = {key for key, found in spellings.items() if len(found) > 1}
    assert twice, "the bundled gazetteer spells some names in two cases ('Naha City', 'Naha city')"
    assert not (twice - set(gazetteer.case_insensitive_names())) & set(recasable)
    assert recasable["korean peninsula"] == "Korean Peninsula"


def test_spun_text_keeps_a_name_in_its_own_case():
    text = "Tension on the Korean Peninsula rose, and the Naha city council met in Okinawa Prefecture."
    assert clean(text, config=RestoreConfig(garbled=True)).text == text
