r"""The entities as brat standoff: a ``.txt`` and an ``.ann`` file per document.

The ``.txt`` file is the restored text, byte for byte, so brat's character
offsets are the records' ``start`` and ``end``.  The ``.ann`` file holds:

- a text-bound annotation per entity, ``T1<TAB>GPE 52 65<TAB>United States``;
  a mention across a line break is written as brat writes a discontinuous
  span, one fragment per line (``0 6;7 13``), its text the fragments joined
  by a space;
- a normalization per linked entity, ``N1<TAB>Reference T1 Wikidata:Q30<TAB>United States``,
  naming the Wikidata id under the ``Wikidata`` database and a local id
  (``ac:...``) under the ``ac`` database, with the canonical name as its text;
- an annotator note when the component that found the entity was not the
  statistical model, or when it overlaps suspect text:
  ``#1<TAB>AnnotatorNotes T1<TAB>source=gazetteer``.

The folder also gets ``annotation.conf`` (the entity types) and ``tools.conf``
(the two normalization databases, linked to Wikidata), so brat opens it as a
collection.

>>> from alliance_corpus.records import Entity
>>> print("\n".join(ann_lines("Japan and the\nUnited States", [
...     Entity(text="United States", label="GPE", start=14, end=27, raw_start=14, raw_end=27, kb_id="Q30",
...            canonical="United States", source="gazetteer")])).replace("\t", " | "))
T1 | GPE 14 27 | United States
N1 | Reference T1 Wikidata:Q30 | United States
#1 | AnnotatorNotes T1 | source=gazetteer
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from ...records import AnnotatedDocument, Entity

WIKIDATA_DB = "Wikidata"
ANNOTATION_CONF = "annotation.conf"
TOOLS_CONF = "tools.conf"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``[start, end)`` between line breaks, as brat writes a span over several lines."""
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        pieces.append((start + match.start(), start + match.end()))
    return pieces or [(start, end)]


def reference(kb_id: str) -> str:
    """A kb id as a brat normalization reference ``DB:ID``: ``Wikidata:Q30``, ``ac:anpo-protests``."""
    return f"{WIKIDATA_DB}:{kb_id}" if re.fullmatch(r"Q\d+", kb_id) else kb_id


def kb_id_of(reference: str) -> str:
    """The kb id a brat normalization reference names (the inverse of :func:`reference`)."""
    database, _, identifier = reference.partition(":")
    return identifier if database == WIKIDATA_DB else reference


def ann_lines(text: str, entities: Sequence[Entity]) -> Iterator[str]:
    """The ``.ann`` lines for ``entities`` of ``text``: T lines, then N and # lines for each one."""
    links = notes = 0
    for number, entity in enumerate(entities, start=1):
        pieces = fragments(text, entity.start, entity.end)
        spans = ";".join(f"{a} {b}" for a, b in pieces)
        yield f"T{number}\t{entity.label} {spans}\t{' '.join(text[a:b] for a, b in pieces)}"
        if entity.kb_id:
            links += 1
            yield f"N{links}\tReference T{number} {reference(entity.kb_id)}\t{_one_line(entity.canonical or entity.text)}"
        remarks = ([f"source={entity.source}"] if entity.source != "model" else []) + (["flagged"] if entity.flagged else [])
        if remarks:
            notes += 1
            yield f"#{notes}\tAnnotatorNotes T{number}\t{' '.join(remarks)}"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def write(documents: Iterable[AnnotatedDocument], destination: Path) -> list[Path]:
    """Write ``<id>.txt`` and ``<id>.ann`` per document, plus ``annotation.conf`` and ``tools.conf``, into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    labels: set[str] = set()
    for document in documents:
        text_path, ann_path = destination / f"{document.id}.txt", destination / f"{document.id}.ann"
        text_path.write_text(document.text, encoding="utf-8", newline="")
        ann_path.write_text("".join(line + "\n" for line in ann_lines(document.text, document.entities)), encoding="utf-8", newline="")
        labels.update(entity.label for entity in document.entities)
        written += [text_path, ann_path]
    for name, content in ((ANNOTATION_CONF, _annotation_conf(labels)), (TOOLS_CONF, _tools_conf())):
        (destination / name).write_text(content, encoding="utf-8")
        written.append(destination / name)
    return written


def _annotation_conf(labels: set[str]) -> str:
    entities = "\n".join(sorted(labels))
    return f"# Entity types of the alliance corpus (OntoNotes labels)\n[entities]\n{entities}\n[relations]\n[events]\n[attributes]\n"


def _tools_conf() -> str:
    return (
        "# Where brat finds the entities' links: Wikidata ids, and the gazetteer's local ids (ac:...)\n"
        "[normalization]\n"
        f"{WIKIDATA_DB}\t<URL>:https://www.wikidata.org/, <URLBASE>:https://www.wikidata.org/wiki/%s\n"
        "ac\t<URL>:https://www.wikidata.org/\n"
    )


class Annotation(NamedTuple):
    """A text-bound annotation read from an ``.ann`` file, with its link and notes."""

    id: str
    label: str
    spans: tuple[tuple[int, int], ...]
    text: str
    kb_id: str | None = None
    canonical: str | None = None
    notes: str = ""

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


class AnnError(ValueError):
    """A line of an ``.ann`` file that brat would not have written; the message names the line."""


T_OFFSETS = re.compile(r"\d+ \d+(?:;\d+ \d+)*")
"""The offsets of a text-bound annotation: ``start end``, fragments joined by ``;``."""


def read_ann(path: Path) -> list[Annotation]:
    """The text-bound annotations of an ``.ann`` file, with the N and # lines that refer to them merged in.

    Lines of other kinds (relations, events, attributes) are ignored.  A
    malformed T or N line, or one that refers to no annotation, raises
    :class:`AnnError` naming its line number.
    """
    found: dict[str, Annotation] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        kind = line[:1]
        fields = line.split("\t")
        if kind == "T":
            label, _, offsets = fields[1].partition(" ") if len(fields) == 3 else ("", "", "")
            if not label or not T_OFFSETS.fullmatch(offsets):
                raise AnnError(f"line {number}: not a text-bound annotation (T<n>, a tab, a type and offsets, a tab, the text): {line!r}")
            spans = tuple((int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";")))
            found[fields[0]] = Annotation(fields[0], label, spans, fields[2])
        elif kind == "N":
            parts = fields[1].split(" ") if len(fields) == 3 else []
            if len(parts) != 3 or parts[1] not in found:
                raise AnnError(f"line {number}: not a normalization of an annotation above it (N<n>, a tab, Reference T<n> DB:ID, a tab, a name): {line!r}")
            found[parts[1]] = found[parts[1]]._replace(kb_id=kb_id_of(parts[2]), canonical=fields[2])
        elif kind == "#" and len(fields) == 3:
            _, _, target = fields[1].partition(" ")
            if target in found:
                found[target] = found[target]._replace(notes=fields[2])
    return list(found.values())
