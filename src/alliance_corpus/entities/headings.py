"""Names in title-case headings, kept only where the body of the page writes them as names too.

In a heading written in title case ("Opening Remarks by the Minister") every
word is capitalised, so capitals no longer tell a name from a common word and
the model reads "Opening Remarks" as a PERSON.  The body of the same page is
written in sentence case, where a word capitalised after another word is a
name.  So a model mention in a title-case or all-capitals heading is kept when
each of its capitalised words appears, capitalised, inside a body sentence.
Gazetteer, caption and correction mentions are kept as they are, and so is every
mention of a page with no body to compare with.

>>> from alliance_corpus.records import Segment
>>> text = "Opening Remarks From Kishida\\nToday Prime Minister Kishida met the press."
>>> segments = [Segment(start=0, end=28, kind="heading"), Segment(start=29, end=72, kind="body")]
>>> found = [Mention(0, 15, "PERSON", None, "model"), Mention(21, 28, "PERSON", None, "model")]
>>> [text[m.start:m.end] for m in confirmed_in_headings(text, found, segments)]
['Kishida']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Segment
from .mention import Mention, SpanIndex

CAPITALISED = re.compile(r"[^\W\d_][\w'’.-]*")
"""A word: letters first, then letters, digits, apostrophes, dots and hyphens ("U.S.-Japan")."""
INSIDE_SENTENCE = re.compile(r"(?<=[\w,;:)’'\"”] )[A-Z][\w'’.-]*")
"""A capitalised word after a word or a comma, so not one that opens a sentence."""
TITLE_CASE_SHARE = 0.75
"""The share of a heading's longer words (four letters or more) that start with a capital for it to count as title case."""


def confirmed_in_headings(text: str, mentions: Sequence[Mention], segments: Sequence[Segment]) -> list[Mention]:
    """The mentions without the model's readings of title-case headings that the body does not confirm."""
    body = [text[s.start : s.end] for s in segments if s.kind == "body"]
    if not body:
        return list(mentions)
    names = {_folded(m.group()) for part in body for m in INSIDE_SENTENCE.finditer(part)}
    titled = SpanIndex((s.start, s.end) for s in segments if s.kind == "heading" and is_title_case(text[s.start : s.end]))
    return [
        m
        for m in mentions
        if not (m.source == "model" and titled.contains(m.start, m.end) and not _confirmed(text[m.start : m.end], names))
    ]


def is_title_case(line: str) -> bool:
    """Whether most of the line's words of four letters or more start with a capital (all capitals count).

    >>> is_title_case("Opening Remarks by the Minister"), is_title_case("Kishida meets the press in Tokyo")
    (True, False)
    """
    longer = [w for w in CAPITALISED.findall(line) if sum(ch.isalpha() for ch in w) >= 4]
    return len(longer) >= 2 and sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


def _confirmed(surface: str, names: set[str]) -> bool:
    """Whether every capitalised word of ``surface`` is among the body's ``names``."""
    words = [w for w in CAPITALISED.findall(surface) if w[0].isupper()]
    return bool(words) and all(_folded(w) in names for w in words)


def _folded(word: str) -> str:
    """A word as headings and body are compared: all capitals and title case meet ("JAPAN", "Japan")."""
    return word.rstrip(".’'").casefold()

