"""Exports of annotated documents for other tools; none of them imports spaCy.

- :func:`mention_rows`: one flat row per entity mention, for pandas, R or a
  spreadsheet (``alliance-corpus export --format csv`` or ``jsonl``);
- :func:`to_displacy`: a document in displaCy's "manual" entity format, so
  ``spacy.displacy.render(data, style="ent", manual=True)`` shows it with
  links to Wikidata.

>>> from alliance_corpus import load_corpus
>>> doc = load_corpus("data/annotated")["000_ff174e8760ddc370"]
>>> row = next(mention_rows([doc], label="PERSON"))
>>> row["text"], row["kb_id"], row["segment"]
('Leon Panetta', 'Q244631', 'caption')
>>> to_displacy(doc)["ents"][0]["label"]
'GPE'
"""

from __future__ import annotations

import csv
import html
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

import orjson

from ..records import AnnotatedDocument, Entity, Segment, known_label

MENTION_FIELDS = (
    "doc_id", "label", "text", "canonical", "kb_id", "start", "end", "raw_start", "raw_end",
    "source", "segment", "sentence",
)  # fmt: skip
"""The columns of :func:`mention_rows`, in order."""

WIKIDATA_URL = "https://www.wikidata.org/wiki/{}"


def mention_rows(documents: Iterable[AnnotatedDocument], *, label: str | None = None) -> Iterator[dict[str, Any]]:
    """One row per entity mention: its document, text, link, offsets and where it stands.

    ``segment`` is the kind of line the mention is on (``body``, ``caption``...),
    ``sentence`` the index of its sentence in the document (``None`` if none).
    A ``label`` no mention can carry raises ``ValueError`` at once.
    """
    return _mention_rows(documents, None if label is None else known_label(label))


def _mention_rows(documents: Iterable[AnnotatedDocument], label: str | None) -> Iterator[dict[str, Any]]:
    for document in documents:
        segment_starts = [s.start for s in document.segments]
        sentence_starts = [s.start for s in document.sentences]
        for entity in document.entities:
            if label is None or entity.label == label:
                yield _row(document, entity, segment_starts, sentence_starts)


def _row(document: AnnotatedDocument, entity: Entity, segment_starts: list[int], sentence_starts: list[int]) -> dict[str, Any]:
    segment = _containing(document.segments, segment_starts, entity.start)
    sentence = bisect_right(sentence_starts, entity.start) - 1
    return {
        "doc_id": document.id,
        **{name: getattr(entity, name) for name in MENTION_FIELDS[1:10]},
        "segment": segment.kind if segment else None,
        "sentence": sentence if sentence >= 0 else None,
    }


def _containing(spans: Sequence[Segment], starts: list[int], offset: int) -> Segment | None:
    index = bisect_right(starts, offset) - 1
    if index >= 0 and spans[index].start <= offset < spans[index].end:
        return spans[index]
    return None


def to_displacy(document: AnnotatedDocument, *, kb_url: str = WIKIDATA_URL) -> dict[str, Any]:
    """``document`` in displaCy's manual entity format; Wikidata ids get a link; the title is HTML-escaped."""
    ents: list[dict[str, str | int]] = []
    for entity in document.entities:
        ent: dict[str, str | int] = {"start": entity.start, "end": entity.end, "label": entity.label}
        if entity.kb_id:
            ent["kb_id"] = entity.kb_id
            if entity.kb_id.startswith("Q"):
                ent["kb_url"] = kb_url.format(entity.kb_id)
        ents.append(ent)
    # displaCy writes the title into its HTML as markup, so it is escaped here; the text it escapes itself.
    return {"text": document.text, "ents": ents, "title": html.escape(document.source.title or document.id)}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts that make a spreadsheet run the cell as a formula (OWASP, "CSV Injection")."""


def write_csv(rows: Iterable[dict[str, Any]], stream: IO[str]) -> None:
    """Write :func:`mention_rows` as CSV with a header line (empty cells for ``None``).

    A text cell that a spreadsheet would run as a formula gets a leading
    apostrophe, as OWASP advises: "=HYPERLINK(...)" is written "'=HYPERLINK(...)".
    Numbers are written as they are.  JSON Lines output is not changed.
    """
    writer = csv.DictWriter(stream, fieldnames=MENTION_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)


def neutralise(value: Any) -> Any:
    """A text cell made inert for spreadsheets (see :func:`write_csv`).

    >>> neutralise("=1+1"), neutralise("-Okinawa"), neutralise("Okinawa"), neutralise(-3)
    ("'=1+1", "'-Okinawa", 'Okinawa', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_jsonl(rows: Iterable[dict[str, Any]], stream: IO[str]) -> None:
    """Write :func:`mention_rows` as JSON Lines, keys in :data:`MENTION_FIELDS` order."""
    for row in rows:
        stream.write(orjson.dumps(row).decode() + "\n")
