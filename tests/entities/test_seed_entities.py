"""Entities of the seed against the gold annotations, and the links researchers rely on."""

from __future__ import annotations

from quality import raw_spans, read_gold_entities

from alliance_corpus.metrics import entity_scores
from alliance_corpus.nlp import load_model
from alliance_corpus.records import NAMED_LABELS
from tests.conftest import SEED_GOLD_ENTITIES

GOLD = read_gold_entities(SEED_GOLD_ENTITIES)


def test_seed_gold_spans_point_at_their_raw_text(seed_raw):
    assert len(GOLD) >= 40
    for gold in GOLD:
        assert seed_raw[gold.raw_start : gold.raw_end] == gold.raw


def test_seed_entity_f1_at_least_095(seed_document):
    scores = entity_scores(raw_spans(seed_document), {(g.label, g.raw_start, g.raw_end) for g in GOLD})
    assert scores.f1 >= 0.95, scores


def test_seed_bare_model_on_raw_text_is_far_worse(seed_raw, seed_document):
    bare = load_model()(seed_raw)
    predicted = {(e.label_, e.start_char, e.end_char) for e in bare.ents if e.label_ in NAMED_LABELS}
    gold = {(g.label, g.raw_start, g.raw_end) for g in GOLD}
    ours = entity_scores(raw_spans(seed_document), gold).f1
    assert entity_scores(predicted, gold).f1 < ours - 0.2


def test_seed_okinawa_yoshida_panetta_have_the_right_label_and_link(seed_document):
    linked = {g.text: g.kb_id for g in GOLD if g.kb_id}
    assert set(linked) == {"Okinawa", "Leon Panetta", "Shigeru Yoshida"}
    for gold in (g for g in GOLD if g.kb_id):
        (found,) = [e for e in seed_document.entities if (e.raw_start, e.raw_end) == (gold.raw_start, gold.raw_end)]
        assert (found.label, found.kb_id, found.canonical) == (gold.label, gold.kb_id, gold.text)
    assert all(e.label == "GPE" for e in seed_document.entities if "Okinawa" in e.text)


def test_seed_caption_credit_is_a_person_and_an_agency(seed_document):
    credit = [(e.text, e.label, e.source) for e in seed_document.entities if e.source == "caption"]
    assert credit == [("Yuriko Nakao", "PERSON", "caption"), ("Reuters", "ORG", "caption")]


def test_seed_mentions_in_restored_wording_project_onto_their_raw_words(seed_document):
    by_raw = {seed_document.raw_text[e.raw_start : e.raw_end]: e.text for e in seed_document.entities if e.raw_start is not None}
    assert by_raw["phibìc Korea"] == "North Korea"
    assert by_raw["people War II"] == "World War II"
    assert by_raw["contract of mountain Francisco"] == "Treaty of San Francisco"
    assert by_raw["United says"] == "United States"


def test_seed_entities_are_found_on_restored_text_not_on_garbled_text(seed_document):
    texts = {e.text for e in seed_document.entities}
    assert not {"U.S. Military", "U.S. Troops", "Francisco"} & texts
