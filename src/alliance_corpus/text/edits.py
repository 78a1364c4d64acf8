"""Changes proposed by a restoration step, applied as edits, and their undo and redo.

An edit replaces ``raw[raw_start:raw_end]`` (``before``) by ``after``.  A list of
edits is kept sorted by raw position and never overlapping, so that the
restored text, the raw text and every offset between them can be derived from
each other.  Offsets are Python ``str`` indices (code points), the same unit
spaCy uses for ``Span.start_char``.

Each restoration step proposes :class:`Change` objects against the text it
receives; :func:`apply_changes` turns them into edits of that step, and
:func:`~alliance_corpus.text.compose.compose` re-anchors a later step's edits
onto the original raw text.

>>> raw = "alliance v Japan"
>>> step1 = apply_changes(raw, [Change(9, 10, "with", "spin.v", "spin")])
>>> step1.text
'alliance with Japan'
>>> undo(step1.text, step1.edits) == raw
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, Protocol

__all__ = ["Change", "TextEdit", "EditLike", "Applied", "apply_changes", "trim", "undo", "redo"]


class EditLike(Protocol):
    """Anything with an edit's eight fields: a :class:`TextEdit` or a record's ``Edit``."""

    @property
    def raw_start(self) -> int: ...
    @property
    def raw_end(self) -> int: ...
    @property
    def clean_start(self) -> int: ...
    @property
    def clean_end(self) -> int: ...
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def kind(self) -> str: ...


class TextEdit(NamedTuple):
    """One applied change: ``raw[raw_start:raw_end]`` (``before``) became ``text[clean_start:clean_end]`` (``after``).

    The plain form of :class:`alliance_corpus.records.Edit`, with the same
    fields, so the algebra needs no validation library.
    """

    raw_start: int
    raw_end: int
    clean_start: int
    clean_end: int
    before: str
    after: str
    rule: str
    kind: str


class Change(NamedTuple):
    """A proposed replacement of ``text[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str
    rule: str
    kind: str


class Applied(NamedTuple):
    """The text after a step and the edits that produced it from the step's input."""

    text: str
    edits: list[TextEdit]


def _resolve_overlaps(changes: Iterable[Change]) -> list[Change]:
    """Sort changes and drop any that overlap an earlier-starting, longer one.

    Longest-first at equal starts mirrors spaCy's matcher preference, so a
    rule for "people War II" wins over a rule for "people".
    """
    ordered = sorted(changes, key=lambda c: (c.start, -(c.end - c.start), c.rule))
    kept: list[Change] = []
    for change in ordered:
        if kept and _collides(kept[-1], change):
            continue
        kept.append(change)
    return kept


def _collides(first: Change, second: Change) -> bool:
    if second.start < first.end:
        return True
    # Two insertions at one point, or an insertion at the start of a
    # replacement that is already there, would make the order ambiguous.
    return second.start == first.end == first.start == second.end


def trim(text: str, change: Change) -> Change:
    """Narrow a change to the words that differ, so "has actually" -> "has" records only " actually".

    Shared leading and trailing words (up to a space) are left out of the change.

    >>> trim("has actually been", Change(0, 12, "has", "filler", "filler"))
    Change(start=3, end=12, replacement='', rule='filler', kind='filler')
    """
    before, after = text[change.start : change.end], change.replacement
    head = _shared_words(before, after)
    tail = _shared_words(before[head:][::-1], after[head:][::-1])
    if not head and not tail:
        return change
    return change._replace(start=change.start + head, end=change.end - tail, replacement=after[head : len(after) - tail])


def _shared_words(first: str, second: str) -> int:
    """Length of the common start of two strings, cut back to just after a space."""
    shared = 0
    for index, (a, b) in enumerate(zip(first, second)):
        if a != b:
            break
        if a.isspace():
            shared = index + 1
    else:
        if len(first) != len(second):
            shorter = min(len(first), len(second))
            longer = first if len(first) > len(second) else second
            if longer[shorter : shorter + 1].isspace():
                shared = shorter
    return shared


def apply_changes(text: str, changes: Iterable[Change]) -> Applied:
    """Apply non-overlapping changes to ``text`` and record them as edits.

    Changes that leave the text as it was are dropped; overlapping changes are
    resolved by :func:`_resolve_overlaps`.
    """
    pieces: list[str] = []
    edits: list[TextEdit] = []
    cursor = 0
    shift = 0
    # No-op changes are dropped before overlaps are resolved, so that a rule
    # that leaves its match as it was never hides another rule's change.
    real = (trim(text, c) for c in changes if text[c.start : c.end] != c.replacement)
    for change in _resolve_overlaps(real):
        before = text[change.start : change.end]
        pieces.append(text[cursor : change.start])
        pieces.append(change.replacement)
        clean_start = change.start + shift
        edits.append(
            TextEdit(
                raw_start=change.start,
                raw_end=change.end,
                clean_start=clean_start,
                clean_end=clean_start + len(change.replacement),
                before=before,
                after=change.replacement,
                rule=change.rule,
                kind=change.kind,
            )
        )
        shift += len(change.replacement) - len(before)
        cursor = change.end
    pieces.append(text[cursor:])
    return Applied("".join(pieces), edits)


def undo(text: str, edits: Sequence[EditLike]) -> str:
    """Rebuild the raw text from the restored text and its edits."""
    return _rewrite(text, edits, span=lambda e: (e.clean_start, e.clean_end), fill=lambda e: e.before)


def redo(raw: str, edits: Sequence[EditLike]) -> str:
    """Rebuild the restored text from the raw text and its edits (replay)."""
    return _rewrite(raw, edits, span=lambda e: (e.raw_start, e.raw_end), fill=lambda e: e.after)


def _rewrite(
    text: str,
    edits: Sequence[EditLike],
    span: Callable[[EditLike], tuple[int, int]],
    fill: Callable[[EditLike], str],
) -> str:
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        start, end = span(edit)
        pieces.append(text[cursor:start])
        pieces.append(fill(edit))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
