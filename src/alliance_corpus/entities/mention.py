"""A mention as the entity steps pass it around: a span, a label, a link and where it came from.

The entity steps work on plain :class:`Mention` values, not on spaCy objects,
so they run on the whole document after the model has read it in chunks, and
they are tested without a model.

>>> overlay([Mention(0, 5, "ORG", None, "model")], [Mention(0, 12, "PERSON", None, "caption")])
[Mention(start=0, end=12, label='PERSON', kb_id=None, source='caption')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

POSSESSIVE_AFTER = re.compile(r"['’ʻ`]s\b")
"""A possessive right after a name ("Okinawa's", "Hamaya’s"): what follows is the name's, not part of it."""


@dataclass(frozen=True)
class Mention:
    """An entity mention in the restored text, before it becomes a record."""

    start: int
    end: int
    label: str
    kb_id: str | None
    source: str


class SpanIndex:
    """Spans sorted once, so that a document's thousands of mentions are checked against each other in log time.

    ``overlaps(start, end)`` is ``any(start < e and s < end for s, e in spans)``
    and ``inside_longer(start, end)`` is ``any(s <= start and end <= e and e - s > end - start ...)``,
    each answered by bisection instead of a pass over every span.

    >>> spans = SpanIndex([(0, 5), (10, 20)])
    >>> spans.overlaps(4, 6), spans.overlaps(5, 10), spans.inside_longer(12, 20), spans.inside_longer(10, 20)
    (True, False, True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.ends = [end for _, end in ordered]
        self.reach = list(accumulate(self.ends, max))  # reach[i]: the furthest end among the first i + 1 spans

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> SpanIndex:
        return cls((m.start, m.end) for m in mentions)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``start < e`` and ``s < end``."""
        before = bisect_left(self.starts, end)  # the spans that start before ``end``
        return before > 0 and self.reach[before - 1] > start

    def surrounds(self, point: int) -> bool:
        """Whether some span ``(s, e)`` has ``s < point < e``.

        >>> SpanIndex([(0, 5)]).surrounds(3), SpanIndex([(0, 5)]).surrounds(5)
        (True, False)
        """
        before = bisect_left(self.starts, point)  # the spans that start before ``point``
        return before > 0 and self.reach[before - 1] > point

    def contains(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s <= start`` and ``end <= e``.

        >>> SpanIndex([(0, 5), (10, 20)]).contains(12, 20), SpanIndex([(0, 5), (10, 20)]).contains(4, 11)
        (True, False)
        """
        before = bisect_right(self.starts, start)  # the spans that start at or before ``start``
        return before > 0 and self.reach[before - 1] >= end

    def inside_longer(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s <= start``, ``end <= e`` and is longer than ``(start, end)``.

        Such a span contains ``(start, end)`` and is not the same span: its
        length exceeds the other's by ``(start - s) + (e - end)``, so the two conditions agree.
        """
        first = bisect_left(self.starts, start)  # spans [0, first) start earlier; [first, last) at ``start``
        if first > 0 and self.reach[first - 1] >= end:
            return True
        last = bisect_right(self.starts, start)
        return last > first and self.ends[last - 1] > end  # the same start: sorted by end, the last is the longest


def overlay(mentions: Sequence[Mention], preferred: Sequence[Mention]) -> list[Mention]:
    """``preferred`` mentions, plus those of ``mentions`` that overlap none of them."""
    taken = SpanIndex.of(preferred)
    kept = [m for m in mentions if not taken.overlaps(m.start, m.end)]
    return sorted([*kept, *preferred], key=lambda m: (m.start, m.end))


def read_whole(mentions: Sequence[Mention], spans: Iterable[tuple[tuple[int, int], str]], *, relabel: bool = False) -> list[Mention]:
    """``mentions`` with each of ``spans`` read as one mention of its label, where no mention runs across it or holds it.

    Mentions inside a span give way to it.  With ``relabel``, so does a model
    mention of the same span with another label ("MCB Butler" read as a
    PERSON is the base); without, the model's label stands ("Cape Town").

    >>> read_whole([Mention(0, 5, "GPE", None, "model")], [((0, 13), "ORG")])
    [Mention(start=0, end=13, label='ORG', kb_id=None, source='context')]
    >>> read_whole([Mention(0, 10, "PERSON", None, "model")], [((0, 10), "FAC")], relabel=True)
    [Mention(start=0, end=10, label='FAC', kb_id=None, source='context')]
    """
    given = SpanIndex.of(mentions)
    taken = {(m.start, m.end): m for m in mentions}
    found = [
        Mention(start, end, label, None, "context")
        for (start, end), label in spans
        if _open_to(taken.get((start, end)), label, relabel) and not (given.surrounds(start) or given.surrounds(end) or given.inside_longer(start, end))
    ]
    return overlay(mentions, found) if found else list(mentions)


def _open_to(mention: Mention | None, label: str, relabel: bool) -> bool:
    """Whether a span a rule reads whole may take ``label``: nothing holds it yet, or (``relabel``) the model gave it another label."""
    return mention is None or (relabel and mention.source == "model" and mention.label != label)
