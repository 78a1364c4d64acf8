r"""The entities as CoNLL-2003 named-entity columns: one token a line, IOB tags, a blank line between sentences.

Each line holds four columns separated by a space, as in the CoNLL-2003
shared task: the token, a part-of-speech tag, a chunk tag and the entity
tag.  The records carry no part-of-speech or chunk tags, so those columns
hold the placeholder ``-X-``, the one the shared task's ``-DOCSTART-`` lines
use.  Each document starts with ``-DOCSTART- -X- -X- O`` and a blank line.

Tags are IOB2 by default (``B-`` opens every entity), the form spaCy's
``spacy convert`` and the Hugging Face ``conll2003`` data set use;
``scheme="iob1"`` writes the original shared task's form (``I-`` throughout,
``B-`` only where an entity directly follows another of the same type).
Labels are the OntoNotes labels of the records (``GPE``, ``ORG``...).

Tokens are words, runs of initials such as ``U.S.`` and single punctuation
marks, cut wherever an entity starts or ends inside one; spaces and line
breaks are not tokens.  Links, raw offsets and edits have no column here:
use Parquet, the DocBin or brat to keep them.

>>> from alliance_corpus.records import Entity
>>> [(t.text, t.tag) for t in tokens_of("Okinawa's bases", [Entity(text="Okinawa", label="GPE", start=0, end=7,
...     raw_start=0, raw_end=7, source="model")])]
[('Okinawa', 'B-GPE'), ("'s", 'O'), ('bases', 'O')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from ...records import AnnotatedDocument, Entity

DOCSTART = "-DOCSTART- -X- -X- O"
PLACEHOLDER = "-X-"
FILE_NAME = "corpus.conll"
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A token of the restored text with its entity tag."""

    text: str
    start: int
    tag: str


def tokens_of(text: str, entities: Sequence[Entity], *, scheme: str = "iob2") -> list[Token]:
    """The tokens of ``text``, cut at entity boundaries, each tagged ``B-``/``I-``/``O`` by ``scheme``."""
    if scheme not in ("iob1", "iob2"):
        raise ValueError("scheme must be 'iob1' or 'iob2'")
    cuts = sorted({offset for e in entities for offset in (e.start, e.end)})
    starts = [e.start for e in entities]
    tokens: list[Token] = []
    previous: Entity | None = None
    for match in TOKEN.finditer(text):
        for start, end in _pieces(match.start(), match.end(), cuts):
            index = bisect_right(starts, start) - 1
            entity = entities[index] if index >= 0 and start < entities[index].end else None
            tokens.append(Token(text[start:end], start, _tag(entity, previous, start, scheme)))
            previous = entity
    return tokens


def _pieces(start: int, end: int, cuts: list[int]) -> Iterator[tuple[int, int]]:
    bounds = [start, *(c for c in cuts[bisect_right(cuts, start) :] if c < end), end]
    return zip(bounds, bounds[1:])


def _tag(entity: Entity | None, previous: Entity | None, start: int, scheme: str) -> str:
    if entity is None:
        return "O"
    if entity is previous:
        return f"I-{entity.label}"
    opens = scheme == "iob2" or (previous is not None and previous.label == entity.label)
    return f"{'B' if opens else 'I'}-{entity.label}"


def document_lines(document: AnnotatedDocument, *, scheme: str = "iob2") -> Iterator[str]:
    """The lines of one document: ``-DOCSTART-``, then its sentences, a blank line after each."""
    yield DOCSTART
    yield ""
    sentence_starts = [s.start for s in document.sentences]
    current: int | None = None
    for token in tokens_of(document.text, document.entities, scheme=scheme):
        sentence = max(0, bisect_right(sentence_starts, token.start) - 1)
        if current is not None and sentence != current:
            yield ""
        current = sentence
        yield f"{token.text} {PLACEHOLDER} {PLACEHOLDER} {token.tag}"
    if current is not None:
        yield ""


def write(documents: Iterable[AnnotatedDocument], destination: Path, *, scheme: str = "iob2") -> list[Path]:
    """Write ``corpus.conll`` (UTF-8, documents in order) into the folder ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    path = destination / FILE_NAME
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for document in documents:
            stream.writelines(line + "\n" for line in document_lines(document, scheme=scheme))
    return [path]


class ConllDocument(NamedTuple):
    """One document read back: its sentences, each a list of ``(token, tag)``."""

    sentences: list[list[tuple[str, str]]]

    def tokens(self) -> list[str]:
        return [token for sentence in self.sentences for token, _ in sentence]

    def entities(self) -> list[tuple[int, int, str]]:
        """``(first token, end token, label)`` of each entity, token indices over the whole document; IOB1 or IOB2."""
        spans: list[tuple[int, int, str]] = []
        open_label: str | None = None
        tags = [tag for sentence in self.sentences for _, tag in sentence]
        for index, tag in enumerate(tags):
            prefix, _, label = tag.partition("-")
            continues = prefix == "I" and label == open_label and index > 0
            if open_label is not None and not continues:
                open_label = None
            if prefix in ("B", "I") and not continues:
                spans.append((index, index + 1, label))
                open_label = label
            elif continues:
                first, _, _ = spans[-1]
                spans[-1] = (first, index + 1, label)
        return spans


def read(path: Path) -> list[ConllDocument]:
    """The documents of a CoNLL-2003 file: split at ``-DOCSTART-``, sentences at blank lines, the tag in the last column."""
    documents: list[ConllDocument] = []
    sentence: list[tuple[str, str]] = []
    for line in [*Path(path).read_text(encoding="utf-8").splitlines(), ""]:
        columns = line.split()
        if not columns or columns[0] == "-DOCSTART-":
            if sentence:
                documents[-1].sentences.append(sentence)
                sentence = []
            if columns:
                documents.append(ConllDocument([]))
            continue
        sentence.append((columns[0], columns[-1]))
    return documents
