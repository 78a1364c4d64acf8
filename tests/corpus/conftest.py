"""Real records for the format and corpus API tests: the committed corpus plus texts annotated by the real pipeline."""

from __future__ import annotations

import pytest

from alliance_corpus import load_corpus
from alliance_corpus.records import AnnotatedDocument, Source
from tests.conftest import CLEAN_SET, DATA, GARBLED_SET, read_garbled

FRENCH = (
    "Le traité de sécurité entre le Japon et les États-Unis a été signé en 1951 puis révisé en 1960, malgré de grandes "
    "manifestations à Tokyo. La plupart des bases américaines au Japon se trouvent aujourd'hui à Okinawa, ce qui suscite "
    "depuis des décennies la colère des habitants de l'île. Les deux gouvernements ont promis à plusieurs reprises de "
    "réduire cette charge, mais le transfert de la base de Futenma vers Henoko reste contesté par les élus locaux et par "
    "une grande partie de la population.\n"
)
"""A document in French, long enough to be judged so: it is neither restored word by word nor tagged, so most of its lists are empty."""


@pytest.fixture(scope="session")
def documents() -> list[AnnotatedDocument]:
    """The committed record, every clean and garbled test text, and one French text, annotated once per session."""
    from alliance_corpus import annotate

    texts = {path.stem: path.read_text(encoding="utf-8") for path in CLEAN_SET}
    texts.update({f"garbled_{path.stem}": read_garbled(path)["garbled"] for path in GARBLED_SET})
    records = list(load_corpus(DATA / "annotated"))
    for doc_id, text in texts.items():
        records.append(annotate(text, doc_id=doc_id))
    records.append(annotate(FRENCH, doc_id="fr_treaty", source=Source(path="fr_treaty.txt", sha256="0" * 64, publisher="Le Monde")))
    return records

