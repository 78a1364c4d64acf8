"""Corrections that last: made in brat (or INCEpTION, through its brat format), kept in the corpus folder, applied on every run.

- :func:`from_brat` compares a brat ``.ann`` file, as a researcher corrected
  it, with the record it was exported from (``export --format brat``) and
  gives the corrections: a new label, new boundaries, a new link, a deleted
  or an added mention;
- :func:`reject_edit` makes the correction that undoes one restoration edit;
- :func:`save` merges corrections into ``corrections/corrections.jsonl``
  (one per line, sorted, written atomically); the runner reads them back
  (:func:`~alliance_corpus.resources.corrections.read_corrections`), hands
  each document its own, and reports those that no longer fit
  (:func:`unfit`).

>>> from alliance_corpus import load_corpus
>>> record = load_corpus("data/annotated")["000_ff174e8760ddc370"]
>>> reject_edit(record, 0, evidence="a reader").edit.before
'v'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import get_args

import orjson

from ..errors import AllianceCorpusError
from ..records import AnnotatedDocument, EntityLabel
from ..records.corrections import Action, Correction, EditRef, MentionRef, fits
from ..resources.corrections import HEADER, corrections_path, read_corrections
from .container import Corpus
from .formats.brat import Annotation, read_ann
from .io import write_atomic

LABELS = frozenset(get_args(EntityLabel))


def by_document(corrections: Iterable[Correction]) -> dict[str, tuple[Correction, ...]]:
    """The corrections of each document, in file order."""
    found: dict[str, list[Correction]] = {}
    for correction in corrections:
        found.setdefault(correction.doc_id, []).append(correction)
    return {doc_id: tuple(items) for doc_id, items in found.items()}


def digest(corrections: Sequence[Correction]) -> str | None:
    """A document's corrections as one SHA-256 (``None`` when it has none): the index keeps it, so a new correction re-annotates."""
    if not corrections:
        return None
    return hashlib.sha256(b"".join(orjson.dumps(c.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS) for c in corrections)).hexdigest()


def unfit(record: AnnotatedDocument, corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections of ``record`` whose quoted text is no longer where they say: they were not applied."""
    return [c for c in corrections if c.doc_id == record.id and not fits(record, c)]


def save(root: Path, corrections: Iterable[Correction]) -> list[Correction]:
    """Add ``corrections`` to the corpus folder's file (a correction already there, by id, is not added twice); the ones added."""
    kept = {c.id: c for c in read_corrections(root)}
    added = [c for c in corrections if c.id not in kept]
    kept.update({c.id: c for c in added})
    lines = [HEADER.encode()] + [orjson.dumps(c.model_dump(mode="json", exclude_none=True)) for c in sorted(kept.values(), key=_order)]
    write_atomic(corrections_path(root), b"\n".join(lines) + b"\n")
    return added


def _order(correction: Correction) -> tuple[str, int, str]:
    ref = correction.mention or correction.to
    position = ref.start if ref else (correction.edit.raw_start if correction.edit else 0)
    return correction.doc_id, position, correction.id


def reject_edit(record: AnnotatedDocument, number: int, *, evidence: str, note: str = "") -> Correction:
    """The correction that undoes edit ``number`` (its position in ``record.edits``, as the edits table's ``n``)."""
    if not 0 <= number < len(record.edits):
        raise AllianceCorpusError(f"{record.id}: there is no edit {number} (the document has {len(record.edits)})")
    edit = record.edits[number]
    ref = EditRef(raw_start=edit.raw_start, raw_end=edit.raw_end, before=edit.before, after=edit.after, rule=edit.rule)
    return Correction(doc_id=record.id, action="reject-edit", edit=ref, evidence=evidence, note=note)


def from_brat(record: AnnotatedDocument, annotations: Sequence[Annotation], *, evidence: str) -> list[Correction]:
    """The corrections that turn ``record``'s entities into ``annotations`` (read from its corrected ``.ann`` file).

    A recorded mention with no annotation at its span and label is matched
    with an annotation that overlaps it (``label``, ``boundary`` or ``link``),
    or else deleted; an annotation left over is added.  Links are compared as
    brat's normalisation lines give them.
    """
    wanted = [_ref(record.text, a.start, a.end, a.label, a.kb_id) for a in annotations]
    have = [_ref(record.text, e.start, e.end, e.label, e.kb_id) for e in record.entities]
    unchanged = set(wanted) & set(have)
    missing = [ref for ref in wanted if ref not in unchanged]
    corrections = []
    for old in (ref for ref in have if ref not in unchanged):
        partner = next((new for new in missing if new.start < old.end and old.start < new.end), None)
        if partner is None:
            corrections.append(Correction(doc_id=record.id, action="delete", mention=old, evidence=evidence))
            continue
        missing.remove(partner)
        corrections.append(Correction(doc_id=record.id, action=_action(old, partner), mention=old, to=partner, evidence=evidence))
    corrections += [Correction(doc_id=record.id, action="add", to=new, evidence=evidence) for new in missing]
    return corrections


def _ref(text: str, start: int, end: int, label: str, kb_id: str | None) -> MentionRef:
    return MentionRef.model_validate({"start": start, "end": end, "text": text[start:end], "label": label, "kb_id": kb_id})


def _action(old: MentionRef, new: MentionRef) -> Action:
    if (old.start, old.end) != (new.start, new.end):
        return "boundary"
    return "label" if old.label != new.label else "link"


def import_brat(folder: Path, root: Path, corpus: Corpus, *, evidence: str) -> tuple[list[Correction], list[str]]:
    """Compare each ``<id>.ann`` (and its ``.txt``) in ``folder`` with the record of that id and save the corrections in ``root``.

    Only the records that have an ``.ann`` are read.  Returns the corrections
    added and the problems met: an ``.ann`` with no record, or whose ``.txt``
    is not the record's restored text (it was exported from another version
    of the record), is left out and named.
    """
    found: list[Correction] = []
    problems: list[str] = []
    for path in sorted(Path(folder).glob("*.ann")):
        if path.stem not in corpus:
            problems.append(f"{path.name}: no annotated document {path.stem!r}")
            continue
        record = corpus[path.stem]
        text_path = path.with_suffix(".txt")
        if not text_path.is_file() or text_path.read_bytes().decode("utf-8", "replace") != record.text:
            problems.append(f"{path.name}: its .txt is not the restored text of {record.id!r} (export it again)")
            continue
        try:
            annotations = _checked(read_ann(path), record.text)
        except ValueError as error:  # a file with one bad line is left out whole: no half of a researcher's corrections lands
            problems.append(f"{path.name}: {error}; no correction of it was kept")
            continue
        found += from_brat(record, annotations, evidence=evidence)
    return save(root, found) if found else [], problems


def _checked(annotations: list[Annotation], text: str) -> list[Annotation]:
    """``annotations`` when each is a span of ``text`` with a known label and the text brat quotes for it; else ``ValueError``."""
    for annotation in annotations:
        if annotation.label not in LABELS:
            raise ValueError(f"{annotation.id} has the type {annotation.label!r}, which is no entity label ({', '.join(sorted(LABELS))})")
        if not all(0 <= start < end <= len(text) for start, end in annotation.spans):
            raise ValueError(f"{annotation.id} has offsets {list(annotation.spans)} outside the text (0 to {len(text)})")
        quoted = " ".join(text[start:end] for start, end in annotation.spans)
        if quoted != annotation.text:
            raise ValueError(f"{annotation.id} quotes {annotation.text!r}, but its offsets hold {quoted!r}")
    return annotations

