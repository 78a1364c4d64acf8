"""Restoration is for English: which lines of a text the word-level steps may touch.

The language of the text and of each line comes from
:mod:`alliance_corpus.layout.language`.  A text in another language gets no
word-level repair at all; in a mixed text, the word-level steps' changes on
lines in another language are dropped.  Those lines become flags of kind
``language``, so the record says what was left alone and why (the entity
step reads the same flags and tags only the English lines).

>>> scope = english_scope("The alliance v Japan has endured since the treaty was signed in San Francisco in 1951, "
...                       "and both governments call it the cornerstone of peace in the region.\\n日米同盟は日本の安全保障の基盤である。")
>>> scope.language.code, [(f.kind, f.note) for f in scope.flags]
('en', [('language', 'ja line: not restored or tagged (the text is en)')])
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from ..layout.language import UNDETERMINED, identify, line_languages, mostly_accented, word_count
from ..records import Flag, Language
from ..text.edits import Change

MIN_DOCUMENT_WORDS = 60
"""A text shorter than this is not judged to be in another language (spun English leaks many foreign words), unless most of its
words carry accents and none is an English function word: spun English keeps its "the" and "of", a short Vietnamese page has none."""

UNSURE = 0.5
"""Below this probability the identifier's answer for a whole text is no evidence of another language (every
non-English page of the negative set scores 1.0; an English page whose start is mostly a table of codes can score 0.03)."""

ENGLISH = frozenset({"en", UNDETERMINED})
"""Texts and lines the English steps and model are for; too short to tell counts as English."""


class Scope(NamedTuple):
    """The language of a text, whether its words may be repaired, and the lines that may not."""

    language: Language
    repairable: bool
    foreign: tuple[tuple[int, int], ...]
    flags: tuple[Flag, ...]


@lru_cache(maxsize=2)
def english_scope(text: str) -> Scope:
    """What the word-level steps may touch in ``text`` (see the module docstring).

    :func:`~alliance_corpus.restore.clean` asks again for the same text after
    a round that changed nothing, so the last answers are kept (the scope is
    immutable).
    """
    found = identify(text)
    short = word_count(text) < MIN_DOCUMENT_WORDS and not mostly_accented(text)
    if found.code not in ENGLISH and (short or found.confidence < UNSURE):
        found = found._replace(code=UNDETERMINED, confidence=0.0)  # a short passage with leaked words is no evidence of another language
    language = Language(code=found.code, confidence=found.confidence)
    lines = line_languages(text, found.code)
    foreign = [(start, end, code) for start, end, code in lines if code not in ENGLISH]
    flags = tuple(
        Flag(start=start, end=end, text=text[start:end], kind="language", note=f"{code} line: not restored or tagged (the text is {found.code})")
        for start, end, code in foreign
    )
    return Scope(language, found.code in ENGLISH, tuple((start, end) for start, end, _ in foreign), flags)


def outside(changes: Iterable[Change], spans: Sequence[tuple[int, int]]) -> list[Change]:
    """The changes that touch none of ``spans`` (sorted, disjoint lines)."""
    starts = [start for start, _ in spans]
    kept = []
    for change in changes:
        last = bisect_left(starts, max(change.end, change.start + 1)) - 1  # the last line starting before the change ends
        if last < 0 or spans[last][1] < change.start or (spans[last][1] == change.start and change.end > change.start):
            kept.append(change)
    return kept
