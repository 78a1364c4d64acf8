"""Offset algebra for reversible text edits.

An edit replaces ``raw[raw_start:raw_end]`` (``before``) by ``after``.  A list of
edits is kept sorted by raw position and never overlapping, so that the
restored text, the raw text and every offset between them can be derived from
each other.  Offsets are Python ``str`` indices (code points), the same unit
spaCy uses for ``Span.start_char``.

Each restoration step proposes :class:`Change` objects against the text it
receives; :func:`apply_changes` turns them into edits of that step, and
:func:`compose` re-anchors a later step's edits onto the original raw text,
merging edits that touch the same characters.

>>> raw = "alliance v Japan"
>>> step1 = apply_changes(raw, [Change(9, 10, "with", "spin.v", "spin")])
>>> step1.text
'alliance with Japan'
>>> undo(step1.text, step1.edits) == raw
True
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, NamedTuple, Sequence

from .records import Edit

__all__ = [
    "Change",
    "Applied",
    "apply_changes",
    "compose",
    "undo",
    "redo",
    "to_raw_span",
    "Projection",
]


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
    edits: list[Edit]


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
    edits: list[Edit] = []
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
            Edit(
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


def undo(text: str, edits: Sequence[Edit]) -> str:
    """Rebuild the raw text from the restored text and its edits."""
    return _rewrite(text, edits, span=lambda e: (e.clean_start, e.clean_end), fill=lambda e: e.before)


def redo(raw: str, edits: Sequence[Edit]) -> str:
    """Rebuild the restored text from the raw text and its edits (replay)."""
    return _rewrite(raw, edits, span=lambda e: (e.raw_start, e.raw_end), fill=lambda e: e.after)


def _rewrite(text: str, edits: Sequence[Edit], span, fill) -> str:
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        start, end = span(edit)
        pieces.append(text[cursor:start])
        pieces.append(fill(edit))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def compose(raw: str, earlier: Sequence[Edit], later: Sequence[Edit]) -> list[Edit]:
    """Re-anchor ``later`` (edits of the current text) onto ``raw``.

    ``earlier`` maps ``raw`` to the current text; ``later`` maps the current
    text to the next one.  Where a later edit touches characters that an
    earlier edit produced, the two become one edit whose ``rule`` names both
    (``"leak.vi.north+case.proper"``) and whose ``kind`` is the earlier one.

    >>> raw = "phibìc Korea"
    >>> one = apply_changes(raw, [Change(0, 6, "north", "leak", "leakage")])
    >>> two = apply_changes(one.text, [Change(0, 1, "N", "case", "casing")])
    >>> [(e.before, e.after, e.rule) for e in compose(raw, one.edits, two.edits)]
    [('phibìc', 'North', 'leak+case')]
    """
    if not later:
        return list(earlier)
    current = redo(raw, earlier)
    projection = Projection(earlier)
    anchored = []
    for old, new in _group(earlier, later):
        if not new:
            anchored.extend((e.raw_start, e.raw_end, e.after, e.rule, e.kind) for e in old)
            continue
        start, end, rule, kind = _merge(old, new)
        # The group's ends map through unchanged text; its earlier edits bound it too.
        raw_start = min([projection.boundary(start, at_start=True), *(e.raw_start for e in old)])
        raw_end = max([projection.boundary(end, at_start=False), *(e.raw_end for e in old)])
        after = _replay(current, start, end, new)
        anchored.append((raw_start, raw_end, after, rule, kind))
    return _anchor(raw, anchored)


def _replay(current: str, start: int, end: int, new: Sequence[Edit]) -> str:
    pieces, cursor = [], start
    for edit in new:
        pieces += [current[cursor : edit.raw_start], edit.after]
        cursor = edit.raw_end
    pieces.append(current[cursor:end])
    return "".join(pieces)


def _anchor(raw: str, anchored) -> list[Edit]:
    """Build edits from raw spans and replacements, computing clean offsets."""
    edits: list[Edit] = []
    shift = 0
    for raw_start, raw_end, after, rule, kind in anchored:
        before = raw[raw_start:raw_end]
        if before == after:
            continue
        clean_start = raw_start + shift
        edits.append(
            Edit(
                raw_start=raw_start,
                raw_end=raw_end,
                clean_start=clean_start,
                clean_end=clean_start + len(after),
                before=before,
                after=after,
                rule=rule,
                kind=kind,
            )
        )
        shift += len(after) - len(before)
    return edits


def _group(earlier: Sequence[Edit], later: Sequence[Edit]) -> list[tuple[list[Edit], list[Edit]]]:
    """Pair later edits with the earlier edits whose output they touch.

    Spans are compared in the coordinates of the current text: an earlier
    edit's clean span, a later edit's raw span.
    """
    events = [(e.clean_start, e.clean_end, 0, e) for e in earlier]
    events += [(e.raw_start, e.raw_end, 1, e) for e in later]
    events.sort(key=lambda ev: (ev[0], ev[1], ev[2]))
    groups: list[list] = []
    for start, end, layer, edit in events:
        if groups and _touches(groups[-1], start, end, layer):
            group = groups[-1]
            group[layer].append(edit)
            group[2], group[3] = min(group[2], start), max(group[3], end)
        else:
            group = [[], [], start, end]
            group[layer].append(edit)
            groups.append(group)
    return [(old, new) for old, new, _, _ in groups]


def _touches(group, start: int, end: int, layer: int) -> bool:
    old, new, g_start, g_end = group
    if start < g_end:
        return True
    if start > g_end:
        return False
    # Adjacent at one point: an insertion next to an edit of the other layer
    # has no defined order in the raw text, so the two are merged.
    other_layer = bool(new) if layer == 0 else bool(old)
    return other_layer and (g_start == g_end or start == end)


def _merge(old: list[Edit], new: list[Edit]) -> tuple[int, int, str, str]:
    """Collapse one group into its span in current coordinates, rule and kind."""
    spans = [(e.clean_start, e.clean_end) for e in old] + [(e.raw_start, e.raw_end) for e in new]
    members = sorted(old, key=lambda e: e.clean_start) + new
    rule = "+".join(dict.fromkeys(r for e in members for r in e.rule.split("+")))
    return min(s for s, _ in spans), max(e for _, e in spans), rule, members[0].kind


def to_raw_span(edits: Sequence[Edit], start: int, end: int) -> tuple[int, int] | None:
    """Project a span of the restored text onto the raw text.

    Returns ``None`` when either boundary falls strictly inside replaced
    wording, or when the span covers only inserted text: such a mention has
    no raw counterpart, and a wrong offset would be worse than none.  For many
    spans over one document, build a :class:`Projection` once.

    >>> e = [Edit(raw_start=4, raw_end=10, clean_start=4, clean_end=9,
    ...           before="people", after="World", rule="spin.world", kind="spin")]
    >>> to_raw_span(e, 4, 16)  # "World War II" over raw "people War II"
    (4, 17)
    >>> to_raw_span(e, 5, 9) is None
    True
    """
    return Projection(edits).span(start, end)


class Projection:
    """Maps restored-text offsets to raw offsets through one document's edits, by bisection."""

    def __init__(self, edits: Sequence[Edit]):
        self.edits = list(edits)
        self.ends = [edit.clean_end for edit in self.edits]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw span of ``[start, end)``, or ``None`` (see :func:`to_raw_span`)."""
        raw_start = self.boundary(start, at_start=True)
        raw_end = self.boundary(end, at_start=False)
        if raw_start is None or raw_end is None or raw_end < raw_start:
            return None
        if raw_start == raw_end and start != end:
            return None
        return raw_start, raw_end

    def boundary(self, pos: int, *, at_start: bool) -> int | None:
        """The raw position of restored position ``pos``, as a span start or end; ``None`` inside an edit.

        At a boundary shared by an edit, a start maps after an edit that ends
        there and to the start of an edit that begins there; an end maps
        before a deletion there.
        """
        index = bisect_left(self.ends, pos)
        shift = self._shift(index - 1)
        while index < len(self.edits) and self.ends[index] == pos:
            edit = self.edits[index]
            if not (at_start or edit.clean_start < pos):
                break
            shift = self._shift(index)
            index += 1
        if index < len(self.edits):
            edit = self.edits[index]
            if edit.clean_start < pos < edit.clean_end:
                return None
            if at_start and edit.clean_start == pos < edit.clean_end:
                return edit.raw_start
        return pos + shift

    def _shift(self, index: int) -> int:
        if index < 0:
            return 0
        edit = self.edits[index]
        return edit.raw_end - edit.clean_end


