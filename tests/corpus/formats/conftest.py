"""Real records for the format round trips: the committed corpus plus texts annotated by the real pipeline."""

from __future__ import annotations

import pytest

from alliance_corpus import load_corpus
from alliance_corpus.records import AnnotatedDocument, Source
from tests.conftest import CLEAN_SET, DATA, GARBLED_SET, read_garbled

JAPANESE = "日米安全保障条約は1960年に改定された。\n沖縄には在日米軍基地の多くが集中している。\n"
"""A document not in English: it is neither restored word by word nor tagged, so most of its lists are empty."""


@pytest.fixture(scope="session")
def documents() -> list[AnnotatedDocument]:
    """The committed record, every clean and garbled test text, and one Japanese text, annotated once per session."""
    from alliance_corpus import annotate

    texts = {path.stem: path.read_text(encoding="utf-8") for path in CLEAN_SET}
    texts.update({f"garbled_{path.stem}": read_garbled(path)["garbled"] for path in GARBLED_SET})
    records = list(load_corpus(DATA / "annotated"))
    for doc_id, text in texts.items():
        records.append(annotate(text, doc_id=doc_id))
    records.append(annotate(JAPANESE, doc_id="ja_treaty", source=Source(path="ja_treaty.txt", sha256="0" * 64, publisher="朝日")))
    return records

