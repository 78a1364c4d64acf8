"""The alliance gazetteer: size, coverage, format, and researcher extensions."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from alliance_corpus import annotate
from alliance_corpus.errors import ResourceError
from alliance_corpus.resources import Resources
from alliance_corpus.resources.gazetteer import load_gazetteer, read_gazetteer

GAZETTEER = Resources.bundled().gazetteer


def test_gazetteer_has_at_least_150_entities_across_labels():
    labels = Counter(e.label for e in GAZETTEER.entries)
    assert len(GAZETTEER.entries) >= 150
    assert {"PERSON", "GPE", "LOC", "FAC", "LAW", "EVENT", "ORG", "NORP"} <= set(labels)
    assert labels["FAC"] >= 15 and labels["LAW"] >= 15


@pytest.mark.parametrize(
    "name, label",
    [
        ("Shigeru Yoshida", "PERSON"), ("Shinzo Abe", "PERSON"), ("Sanae Takaichi", "PERSON"),
        ("Leon Panetta", "PERSON"), ("Lloyd Austin", "PERSON"), ("Harry S. Truman", "PERSON"),
        ("Denny Tamaki", "PERSON"), ("Okinawa", "GPE"), ("Tokyo", "GPE"), ("Senkaku Islands", "LOC"),
        ("East Asia", "LOC"), ("Futenma", "FAC"), ("Kadena Air Base", "FAC"), ("Yokosuka Naval Base", "FAC"),
        ("Treaty of San Francisco", "LAW"), ("Treaty of Mutual Cooperation and Security", "LAW"),
        ("Status of Forces Agreement", "LAW"), ("Special Measures Agreement", "LAW"), ("Defense Guidelines", "LAW"),
        ("Yoshida Doctrine", "LAW"), ("Article 9", "LAW"), ("World War II", "EVENT"), ("Korean War", "EVENT"),
        ("Self-Defense Forces", "ORG"), ("U.S. Forces Japan", "ORG"), ("INDOPACOM", "ORG"), ("Reuters", "ORG"),
        ("Ministry of Defense", "ORG"), ("Ministry of Foreign Affairs", "ORG"), ("Japanese", "NORP"), ("Okinawan", "NORP"),
    ],
)
def test_gazetteer_covers_the_alliance(name, label):
    entry = GAZETTEER.lookup(name)
    assert entry is not None and entry.label == label


def test_gazetteer_entries_are_complete_and_unique():
    ids = [e.id for e in GAZETTEER.entries]
    assert len(ids) == len(set(ids))
    for entry in GAZETTEER.entries:
        assert entry.note, entry.id
        if entry.label == "PERSON" and " " in entry.name:
            assert entry.short, f"{entry.name} needs a surname in 'short'"


def test_gazetteer_file_is_spacy_entity_ruler_compatible():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(GAZETTEER.ruler_patterns())
    doc = nlp("Leon Panetta visited Okinawa and the Yoshida Doctrine was discussed.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Leon Panetta", "PERSON", "Q244631"),
        ("Okinawa", "GPE", "Q766445"),
        ("Yoshida Doctrine", "LAW", "ac:yoshida-doctrine"),
    ]


def test_gazetteer_surnames_index_people():
    assert [e.name for e in GAZETTEER.with_surname("Panetta")] == ["Leon Panetta"]
    assert len(GAZETTEER.with_surname("Fukuda")) == 2


@pytest.mark.parametrize(
    "entry, problem",
    [
        ({"id": "Q1", "label": "PLACE", "pattern": "Nowhere"}, "label"),
        ({"id": "Wikidata1", "label": "GPE", "pattern": "Nowhere"}, "id"),
        ({"id": "Q1", "label": "GPE", "pattern": [{"LOWER": "nowhere"}]}, "canonical"),
    ],
)
def test_gazetteer_malformed_entry_names_file_and_line(tmp_path, entry, problem):
    path = tmp_path / "mine.jsonl"
    good = {"id": "Q2", "label": "GPE", "pattern": "Somewhere"}
    path.write_text(json.dumps(good) + "\n" + json.dumps(entry) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as caught:
        read_gazetteer(path)
    assert f"{path}:2" in str(caught.value) and problem in str(caught.value)


def _load_with(tmp_path, entry: dict):
    """The bundled gazetteer with ``entry`` added from a researcher's file ``mine.jsonl``."""
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    return load_gazetteer([*Resources.bundled().gazetteer_files, path])


def test_gazetteer_two_entities_cannot_share_a_name(tmp_path):
    with pytest.raises(ResourceError, match="already belongs to Q766445"):
        _load_with(tmp_path, {"id": "Q99999999", "label": "GPE", "pattern": "Okinawa"})


def test_gazetteer_two_bases_cannot_share_a_bare_name(tmp_path):
    entry = {"id": "ac:kadena-ammunition-area", "label": "FAC", "pattern": "Kadena Munitions Depot", "bare": ["Kadena"]}
    with pytest.raises(ResourceError, match=r"mine\.jsonl:1: bare name 'Kadena' already belongs to ac:kadena-air-base"):
        _load_with(tmp_path, entry)


def test_gazetteer_bare_names_index_bases_only():
    gazetteer = Resources.bundled().gazetteer
    assert gazetteer.by_bare["Kadena"] == "ac:kadena-air-base"
    assert gazetteer.lookup("Kadena").id == "ac:kadena-town"  # the bare name alone is still the town's full name
    assert {gazetteer.by_id[kb_id].label for kb_id in gazetteer.by_bare.values()} == {"FAC"}


def test_gazetteer_researcher_entry_replaces_by_id_only_when_it_says_so(tmp_path):
    path = tmp_path / "mine.jsonl"
    entry = {"id": "Q766445", "label": "GPE", "pattern": "Okinawa", "aliases": ["Uchinaa"]}
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"mine\.jsonl:1: id 'Q766445' is already an entry of alliance\.jsonl; add \"override\": true"):
        load_gazetteer([*Resources.bundled().gazetteer_files, path])
    path.write_text(json.dumps({**entry, "override": True}) + "\n", encoding="utf-8")
    gazetteer = load_gazetteer([*Resources.bundled().gazetteer_files, path])
    assert gazetteer.lookup("Uchinaa").id == "Q766445"


def test_gazetteer_a_former_id_still_names_its_entity_and_cannot_be_taken(tmp_path):
    bundled = Resources.bundled().gazetteer
    assert bundled.lookup("Les Aspin").id == "Q1820456" and bundled.same_entity("ac:les-aspin") == {"Q1820456", "ac:les-aspin"}
    assert bundled.same_entity("Q1820456") == bundled.same_entity("ac:les-aspin") and bundled.same_entity("ac:unknown") == {"ac:unknown"}
    path = tmp_path / "mine.jsonl"
    entry = {"id": "ac:les-aspin", "label": "PERSON", "pattern": "Les Aspin", "aliases": ["Leslie Aspin"]}
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="id 'ac:les-aspin' is already an entry of alliance.jsonl"):
        load_gazetteer([*bundled_files(), path])
    path.write_text(json.dumps({**entry, "override": True}) + "\n", encoding="utf-8")
    replaced = load_gazetteer([*bundled_files(), path])
    assert replaced.lookup("Leslie Aspin").id == "ac:les-aspin" and "Q1820456" not in replaced.by_id
    assert replaced.same_entity("ac:les-aspin") == {"ac:les-aspin"}  # the override dropped the bundled entry and its former ids
    taken = {"id": "Q99999999", "label": "GPE", "pattern": "Nowhere Town", "former_ids": ["ac:naha"]}
    path.write_text(json.dumps(taken) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="mine.jsonl:1: former id 'ac:naha' already names Q181966"):
        load_gazetteer([*bundled_files(), path])
    path.write_text(json.dumps({**taken, "former_ids": ["Okinawa"]}) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="former_ids"):
        load_gazetteer([*bundled_files(), path])


def bundled_files():
    return Resources.bundled().gazetteer_files


def test_gazetteer_us_links_the_models_mention_but_is_never_searched_for():
    # 'US' was left unlinked (so a query for Q30 missed it); as a name searched for, it would also be the 'us' of a heading in capitals
    found = [(e.text, e.label, e.kb_id) for e in annotate("US forces in Japan met the navy of the U.S and Japan. Let us think about US bases.").entities]
    assert ("US", "GPE", "Q30") in found and ("U.S", "GPE", "Q30") in found
    assert [e.text for e in annotate("JOIN US FOR THE OKINAWA PEACE WALK\n\nThe walk starts in Naha.").entities] == ["OKINAWA", "Naha"]


def test_gazetteer_a_linked_only_name_may_not_belong_to_two_entities(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "ac:us-navy-x", "label": "ORG", "pattern": "Example Navy", "linked_only": ["US"]}\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="name 'US' already belongs to Q30"):
        load_gazetteer([*Resources.bundled().gazetteer_files, path])


def test_gazetteer_names_written_with_separate_accent_marks_link_and_the_text_stays():
    # Unicode NFD ("O" and a combining macron), as some Mac software writes text: the names went unlinked
    text = "Governor O\u0304ta Masahide of Okinawa met Prime Minister Shinzo\u0304 Abe."
    document = annotate(text)
    assert document.text == text and document.edits == []
    found = {(e.text, e.kb_id) for e in document.entities}
    assert {("O\u0304ta Masahide", "ac:masahide-ota"), ("Shinzo\u0304 Abe", "Q132345")} <= found


def test_gazetteer_the_self_defense_forces_branches_in_british_spelling_link():
    found = {(e.text, e.kb_id) for e in annotate("The Japan Maritime Self-Defence Force and the Ground Self-Defence Force trained together.").entities}
    assert {("Japan Maritime Self-Defence Force", "ac:japan-maritime-self-defense-force"), ("Ground Self-Defence Force", "ac:japan-ground-self-defense-force")} <= found
