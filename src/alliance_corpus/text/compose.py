"""Composing the edits of successive restoration steps into one list against the raw text.

Each step's edits are relative to the text it received; :func:`compose`
re-anchors them onto the original raw text, merging edits that touch the
same characters, so a document always carries one flat, ordered list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .edits import EditLike, TextEdit, redo
from .projection import Projection

__all__ = ["compose", "fields"]


def fields(edit: EditLike) -> tuple[int, int, int, int, str, str, str, str]:
    """The eight fields of an edit, in :class:`TextEdit` order."""
    return (edit.raw_start, edit.raw_end, edit.clean_start, edit.clean_end, edit.before, edit.after, edit.rule, edit.kind)


def compose(raw: str, earlier: Sequence[EditLike], later: Sequence[EditLike]) -> list[TextEdit]:
    """Re-anchor ``later`` (edits of the current text) onto ``raw``.

    ``earlier`` maps ``raw`` to the current text; ``later`` maps the current
    text to the next one.  Where a later edit touches characters that an
    earlier edit produced, the two become one edit whose ``rule`` names both
    (``"leak.vi.north+case.proper"``) and whose ``kind`` is the earlier one.

    >>> from alliance_corpus.text import Change, apply_changes
    >>> raw = "phibìc Korea"
    >>> one = apply_changes(raw, [Change(0, 6, "north", "leak", "leakage")])
    >>> two = apply_changes(one.text, [Change(0, 1, "N", "case", "casing")])
    >>> [(e.before, e.after, e.rule) for e in compose(raw, one.edits, two.edits)]
    [('phibìc', 'North', 'leak+case')]
    """
    if not later:
        return [TextEdit(*fields(e)) for e in earlier]
    current = redo(raw, earlier)
    projection = Projection(earlier)
    anchored: list[tuple[int, int, str, str, str]] = []
    for old, new in _group(earlier, later):
        if not new:
            anchored.extend((e.raw_start, e.raw_end, e.after, e.rule, e.kind) for e in old)
            continue
        start, end, rule, kind = _merge(old, new)
        # The group's ends map through unchanged text; its earlier edits bound it too.
        # Neither end lies strictly inside an earlier edit (that edit would have joined the group), so both map.
        start_bound = projection.boundary(start, at_start=True)
        end_bound = projection.boundary(end, at_start=False)
        assert start_bound is not None and end_bound is not None
        raw_start = min([start_bound, *(e.raw_start for e in old)])
        raw_end = max([end_bound, *(e.raw_end for e in old)])
        after = _replay(current, start, end, new)
        anchored.append((raw_start, raw_end, after, rule, kind))
    return _anchor(raw, anchored)


def _replay(current: str, start: int, end: int, new: Sequence[EditLike]) -> str:
    pieces, cursor = [], start
    for edit in new:
        pieces += [current[cursor : edit.raw_start], edit.after]
        cursor = edit.raw_end
    pieces.append(current[cursor:end])
    return "".join(pieces)


def _anchor(raw: str, anchored: Sequence[tuple[int, int, str, str, str]]) -> list[TextEdit]:
    """Build edits from raw spans and replacements, computing clean offsets."""
    edits: list[TextEdit] = []
    shift = 0
    for raw_start, raw_end, after, rule, kind in anchored:
        before = raw[raw_start:raw_end]
        if before == after:
            continue
        clean_start = raw_start + shift
        edits.append(
            TextEdit(
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


def _group(earlier: Sequence[EditLike], later: Sequence[EditLike]) -> list[tuple[list[EditLike], list[EditLike]]]:
    """Pair later edits with the earlier edits whose output they touch.

    Spans are compared in the coordinates of the current text: an earlier
    edit's clean span, a later edit's raw span.
    """
    events = [(e.clean_start, e.clean_end, 0, e) for e in earlier]
    events += [(e.raw_start, e.raw_end, 1, e) for e in later]
    events.sort(key=lambda ev: (ev[0], ev[1], ev[2]))
    groups: list[list[Any]] = []
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


def _touches(group: list[Any], start: int, end: int, layer: int) -> bool:
    old, new, g_start, g_end = group
    if start < g_end:
        return True
    if start > g_end:
        return False
    # Adjacent at one point: an insertion next to an edit of the other layer
    # has no defined order in the raw text, so the two are merged.
    other_layer = bool(new) if layer == 0 else bool(old)
    return other_layer and (g_start == g_end or start == end)


def _merge(old: list[EditLike], new: list[EditLike]) -> tuple[int, int, str, str]:
    """Collapse one group into its span in current coordinates, rule and kind."""
    spans = [(e.clean_start, e.clean_end) for e in old] + [(e.raw_start, e.raw_end) for e in new]
    members = sorted(old, key=lambda e: e.clean_start) + new
    rule = "+".join(dict.fromkeys(r for e in members for r in e.rule.split("+")))
    return min(s for s, _ in spans), max(e for _, e in spans), rule, members[0].kind
