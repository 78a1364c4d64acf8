"""Records validate their invariants on construction, so an inconsistent record cannot exist."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from alliance_corpus.records import AnnotatedDocument, Edit, Entity
from tests.conftest import SEED_ID


def _payload(document: AnnotatedDocument) -> dict:
    return document.model_dump(mode="json")


def test_records_seed_document_is_valid_and_frozen(seed_document):
    assert seed_document.id == SEED_ID
    assert seed_document.schema_version == "1.3.0"
    with pytest.raises(ValidationError):
        seed_document.id = "other"  # type: ignore[misc]


def test_records_reject_entity_text_that_does_not_match_its_span(seed_document):
    data = _payload(seed_document)
    data["entities"][0]["text"] = "Korea"
    with pytest.raises(ValidationError, match="does not match the text"):
        AnnotatedDocument.model_validate(data)


def test_records_reject_wrong_raw_projection(seed_document):
    data = _payload(seed_document)
    entity = next(e for e in data["entities"] if e["raw_start"] is not None)
    entity["raw_start"] += 1
    with pytest.raises(ValidationError, match="does not match its projection"):
        AnnotatedDocument.model_validate(data)


def test_records_reject_edits_out_of_order(seed_document):
    data = _payload(seed_document)
    data["edits"][0], data["edits"][1] = data["edits"][1], data["edits"][0]
    with pytest.raises(ValidationError):
        AnnotatedDocument.model_validate(data)


def test_records_reject_edits_that_do_not_undo_to_raw(seed_document):
    data = _payload(seed_document)
    data["raw_text"] = data["raw_text"].replace("Okinawa", "Okinawo")
    with pytest.raises(ValidationError):
        AnnotatedDocument.model_validate(data)


def test_records_reject_unknown_fields(seed_document):
    data = _payload(seed_document)
    data["entities"][0]["confidence"] = 0.9
    with pytest.raises(ValidationError, match="Extra inputs"):
        AnnotatedDocument.model_validate(data)


def test_records_edit_lengths_must_match():
    with pytest.raises(ValidationError, match="length of `before`"):
        Edit(raw_start=0, raw_end=3, clean_start=0, clean_end=4, before="v", after="with", rule="r", kind="spin")


def test_records_entity_raw_offsets_come_in_pairs():
    with pytest.raises(ValidationError, match="both be set"):
        Entity(text="Japan", label="GPE", start=0, end=5, raw_start=0, raw_end=None, source="model")


def test_records_round_trip_through_json(seed_document):
    again = AnnotatedDocument.model_validate_json(seed_document.model_dump_json())
    assert again == seed_document


def _entity(n: int):
    from alliance_corpus.records import Entity

    return Entity(text=f"Name{n}", label="PERSON", start=1000 + n, end=1005 + n, raw_start=1000 + n, raw_end=1005 + n, source="model")


def test_records_given_the_same_fields_share_their_set_of_names_and_stay_independent():
    first, second = _entity(1), _entity(2)
    assert first.model_fields_set == {"text", "label", "start", "end", "raw_start", "raw_end", "source"}
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    linked = first.model_copy(update={"kb_id": "Q17"})
    assert linked.kb_id == "Q17" and "kb_id" in linked.model_fields_set and "kb_id" not in second.model_fields_set
    assert first.model_dump(exclude_unset=True) == {"text": "Name1", "label": "PERSON", "start": 1001, "end": 1006, "raw_start": 1001, "raw_end": 1006, "source": "model"}
    with pytest.raises(ValidationError):
        first.text = "changed"  # frozen: the shared set can never grow through an assignment
    assert second.model_fields_set == first.model_fields_set


def test_records_weigh_less_than_half_a_kilobyte_per_entity():
    import tracemalloc

    tracemalloc.start()
    try:
        entities = [_entity(n) for n in range(20_000)]
        per_entity = tracemalloc.get_traced_memory()[0] / len(entities)
    finally:
        tracemalloc.stop()
    assert per_entity < 600, per_entity  # 1,217 bytes with a set of names per instance (measured on be496bb)
