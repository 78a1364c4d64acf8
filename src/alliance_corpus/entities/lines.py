"""Mentions kept inside one line and one segment, and out of site furniture.

The model reads a whole page at once, so a name at the end of one line can run
into the next ("Beina Xu⏎Updated"), and a run of headings can become one long
"name".  A name never spans a line break or a change of segment kind, and
boilerplate lines (share buttons, navigation: see :mod:`alliance_corpus.layout`)
hold no mentions at all.

>>> from alliance_corpus.records import Segment
>>> text = "By Beina Xu\\nUpdated May 1"
>>> segments = [Segment(start=0, end=11, kind="heading"), Segment(start=12, end=25, kind="heading")]
>>> cut_at_lines(text, [Mention(3, 19, "PERSON", None, "model")], segments)
[Mention(start=3, end=11, label='PERSON', kb_id=None, source='model')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..records import Segment
from .mention import Mention


def cut_at_lines(text: str, mentions: Sequence[Mention], segments: Sequence[Segment]) -> list[Mention]:
    """Each mention cut back to its first line and segment; a cut mention with no letter left is dropped.

    The model's start is kept because it is usually right; what follows a line
    break is the next line's first word, read on as if the name went on.
    """
    bounds = sorted({s.start for s in segments} | {s.end for s in segments})
    kept = []
    for mention in mentions:
        end = _first_bound(text, mention, bounds)
        if end == mention.end:
            kept.append(mention)
            continue
        piece = text[mention.start : end].rstrip()
        if any(ch.isalpha() for ch in piece):
            kept.append(replace(mention, end=mention.start + len(piece)))
    return kept


def outside_boilerplate(mentions: Sequence[Mention], segments: Sequence[Segment]) -> list[Mention]:
    """The mentions that touch no boilerplate segment."""
    furniture = [(s.start, s.end) for s in segments if s.kind == "boilerplate"]
    return [m for m in mentions if not any(start < m.end and m.start < end for start, end in furniture)]


def _first_bound(text: str, mention: Mention, bounds: list[int]) -> int:
    """Where the mention must end at the latest: its first line break or segment edge inside it."""
    line_break = text.find("\n", mention.start, mention.end)
    end = line_break if line_break != -1 else mention.end
    i = bisect_right(bounds, mention.start)
    if i < len(bounds) and bounds[i] < end:
        end = bounds[i]
    return end
