"""Mapping offsets of the restored text back onto the raw text.

>>> e = [TextEdit(raw_start=4, raw_end=10, clean_start=4, clean_end=9,
...               before="people", after="World", rule="spin.world", kind="spin")]
>>> Projection(e).span(4, 16)  # "World War II" over raw "people War II"
(4, 17)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .edits import EditLike, TextEdit  # noqa: F401 -- TextEdit is used by the doctests (and was importable from here)

__all__ = ["Projection", "to_raw_span"]


def to_raw_span(edits: Sequence[EditLike], start: int, end: int) -> tuple[int, int] | None:
    """Project a span of the restored text onto the raw text.

    Returns ``None`` when either boundary falls strictly inside replaced
    wording, or when the span covers only inserted text: such a mention has
    no raw counterpart, and a wrong offset would be worse than none.  For many
    spans over one document, build a :class:`Projection` once.

    >>> e = [TextEdit(raw_start=4, raw_end=10, clean_start=4, clean_end=9,
    ...               before="people", after="World", rule="spin.world", kind="spin")]
    >>> to_raw_span(e, 4, 16)  # "World War II" over raw "people War II"
    (4, 17)
    >>> to_raw_span(e, 5, 9) is None
    True
    """
    return Projection(edits).span(start, end)


class Projection:
    """Maps restored-text offsets to raw offsets through one document's edits, by bisection."""

    def __init__(self, edits: Sequence[EditLike]):
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


