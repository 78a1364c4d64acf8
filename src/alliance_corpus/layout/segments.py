"""Mark the role of each line: body prose, heading, photo caption and credit, boilerplate.

A hard-wrapped paragraph (a PDF or e-mail copy, :mod:`.wrap`) is one body
segment, not a run of lines taken for headings.

Scraped articles carry photo captions with their credit ("... addresses U.S.
and Japanese forces. Yuriko Nakao/Reuters"), headings and site boilerplate
inside the body.  Segments keep the text as it is and say what each stretch
is, so that analyses can skip captions and boilerplate.  Credits are parsed
by :mod:`.credits`; boilerplate lines are the ``boilerplate-lines`` lexicon.

>>> text = "Panetta addresses troops. Yuriko Nakao/Reuters\\nThe alliance began in 1951."
>>> [(s.kind, text[s.start:s.end]) for s in find_segments(text)]
[('caption', 'Panetta addresses troops.'), ('credit', 'Yuriko Nakao/Reuters'), ('body', 'The alliance began in 1951.')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from ..records import Segment
from ..resources.lexicons import words
from .credits import credit_in
from .page import MainContent
from .wrap import soft_breaks

HEADING_MAX_WORDS = 16
CUT_LINE_MIN_WORDS = 5
"""A line this long that ends on a word no sentence ends on (``sentence-continues``) is prose cut off, not a heading;
shorter ones are labels of a page ("Send to", "Preceded by", "Also known as")."""


@lru_cache(maxsize=1)
def _continuing_words() -> frozenset[str]:
    return frozenset(words("sentence-continues"))


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """Whole lines of site furniture: the ``boilerplate-lines`` lexicon, any case."""
    return re.compile("|".join(f"(?:{p})" for p in words("boilerplate-lines")), re.IGNORECASE)


def find_segments(text: str, main: MainContent | None = None) -> list[Segment]:
    """Split ``text`` into line segments and give each its kind.

    A short line just before a line that holds only a credit is that photo's caption.
    Given the ``main`` content of the web page ``text`` was restored from
    (:mod:`.page`), a body or heading line that is not part of it is boilerplate.
    """
    segments = [segment for line in _paragraph_lines(text) for segment in _classify_line(text, *line)]
    if main is not None:
        segments = [_furniture(text, segment, main) for segment in segments]
    for i, (segment, following) in enumerate(zip(segments, segments[1:])):
        if segment.kind == "body" and following.kind == "credit" and _own_line(text, segment, following):
            if _looks_like_caption(text[segment.start : segment.end]):
                segments[i] = Segment(start=segment.start, end=segment.end, kind="caption")
    return segments


def _furniture(text: str, segment: Segment, main: MainContent) -> Segment:
    if segment.kind in {"body", "heading"} and not main.holds(text[segment.start : segment.end]):
        return Segment(start=segment.start, end=segment.end, kind="boilerplate")
    return segment


def _own_line(text: str, segment: Segment, following: Segment) -> bool:
    between = text[segment.end : following.start]
    return "\n" in between and not between.strip()


def _paragraph_lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, wrapped)``: each line, or each hard-wrapped paragraph as one span (:mod:`.wrap`)."""
    soft = soft_breaks(text)  # sorted
    pending: tuple[int, int] | None = None
    for start, end in _lines(text):
        after = bisect_left(soft, pending[1]) if pending else len(soft)
        if pending and after < len(soft) and soft[after] < start:
            pending = (pending[0], end)
            wrapped = True
        else:
            if pending:
                yield (*pending, wrapped)
            pending, wrapped = (start, end), False
    if pending:
        yield (*pending, wrapped)


def _classify_line(text: str, start: int, end: int, wrapped: bool) -> list[Segment]:
    """A hard-wrapped paragraph is body prose; any other line is classified on its own."""
    return [Segment(start=start, end=end, kind="body")] if wrapped else _classify(text, start, end)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        stripped = match.group()
        start += len(stripped) - len(stripped.lstrip())
        end -= len(stripped) - len(stripped.rstrip())
        if end > start:
            yield start, end


def _classify(text: str, start: int, end: int) -> list[Segment]:
    line = text[start:end]
    credit = credit_in(line, 0, len(line))
    if credit and _looks_like_caption(line[: credit.start]):
        caption_end = start + len(line[: credit.start].rstrip())
        parts = [Segment(start=start, end=caption_end, kind="caption")] if caption_end > start else []
        return parts + [Segment(start=start + credit.start, end=end, kind="credit")]
    if boilerplate_pattern().fullmatch(line):
        return [Segment(start=start, end=end, kind="boilerplate")]
    if _looks_like_heading(line):
        return [Segment(start=start, end=end, kind="heading")]
    return [Segment(start=start, end=end, kind="body")]


def _looks_like_caption(before_credit: str) -> bool:
    # A caption is one short sentence (or nothing) before the credit.
    sentence_ends = len(re.findall(r"[a-z]{2}[.!?](?:\s|$)", before_credit))
    return len(before_credit.split()) <= 40 and sentence_ends <= 2


def _looks_like_heading(line: str) -> bool:
    """A short line that does not end as a sentence does, and is not a sentence cut off mid-way.

    >>> _looks_like_heading("Futenma relocation stalls again"), _looks_like_heading("The treaty was revised in 1960 under")
    (True, False)
    """
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    if len(words) >= CUT_LINE_MIN_WORDS and words[-1] in _continuing_words():
        return False
    return line.endswith("?") or not line.endswith((".", "!", ":", ";", ",", "”", '"'))
