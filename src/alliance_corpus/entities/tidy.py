"""Model mentions trimmed to their names: no leading article, dangling "of the", possessive or title word.

The word lists are the ``names`` lexicon: ``leading-determiners``,
``trailing-function-words``, ``title-words``, ``title-before``, ``title-after``
and ``combining-forms``; citation marks are the ``citation-marks`` list.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..resources.lexicons import words
from .mention import Mention

DASHES = "-‐‑–—"
"""Hyphen and dashes: a word ending in one is a prefix ("Sino-", "post–"), never a name."""


ACRONYM = re.compile(r"[A-Z]{2,}")
CODE_AFTER = re.compile(rf"[{DASHES}](?=[A-Z0-9]*\d)[A-Z0-9]+\b")
"""A hyphen and a code of capitals and digits with at least one digit ("-RDP07"), right after a mention."""


def _alternatives(name: str) -> str:
    return "|".join(map(re.escape, words(name)))


@lru_cache(maxsize=1)
def _longest_title_before() -> int:
    return max(map(len, words("title-before")), default=0)


def _title_before(text: str, end: int, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (a title-before word, " of", spaces, end) matches the text just before ``end``.

    Only the end of the text before ``end`` is read: "of" must end where
    the spaces before ``end`` begin, so the match starts at most a title word
    and " of" earlier.  (Searching from 0 cost a pass over the document per mention.)
    """
    spaces = end
    while spaces > 0 and text[spaces - 1].isspace():
        spaces -= 1
    return pattern.search(text, max(0, spaces - _longest_title_before() - len(" of")), end) is not None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    dash = f"[{DASHES}]"
    leading = re.compile(rf"^(?:(?:{_alternatives('leading-determiners')})\s+(?=\S)|(?:{_alternatives('combining-forms')}){dash}(?=\w))", re.IGNORECASE)
    marks = "|".join(words("citation-marks"))
    trailing = re.compile(
        rf"(?:\s+(?:{_alternatives('trailing-function-words')}))+$|(?:['’]s|(?<=s)['’])$|(?:{marks})+$|\S*{dash}$|(?:\s+[/|•·])+$"
    )
    title_before = re.compile(rf"(?:{_alternatives('title-before')}) of\s*$")
    title_after = re.compile(rf"\s+(?:{_alternatives('title-after')})\b")
    return leading, trailing, title_before, title_after, frozenset(words("title-words"))


def tidy(text: str, mention: Mention) -> Mention | None:
    """Trim a model mention to its name, or drop it when it is only part of a job title.

    The model often includes a leading article ("the Security Treaty"), a
    dangling "of the" ("Article 5 of the"), a possessive ("al-Qaeda’s") or a citation
    mark ("Onaga[4]"; a mention that is only a mark is dropped), and tags "State" in "Secretary of
    State" or "Defense" in "Defense Secretary" as an organization.  Beside a gazetteer
    match it leaves prefixes: a word ending in a hyphen ("Sino-" before "Japanese") is
    cut off, and a combining form opening a mention ("post–Cold War") too.  Gazetteer
    and caption mentions are exact already.

    >>> text = "the Security Treaty and the Secretary of State"
    >>> tidy(text, Mention(0, 19, "LAW", None, "model"))
    Mention(start=4, end=19, label='LAW', kb_id=None, source='model')
    >>> tidy(text, Mention(41, 46, "ORG", None, "model")) is None
    True
    >>> tidy("Sino-Japanese ties", Mention(0, 5, "NORP", None, "model")) is None
    True

    An acronym that opens a reference code ("CIA-RDP07-00469R", the stamp on
    every page of a declassified document) is part of the code, not a name:

    >>> tidy("Approved For Release: CIA-RDP07-00469R000100950001-2", Mention(23, 26, "ORG", None, "model")) is None
    True
    """
    if mention.source != "model":
        return mention
    leading, trailing, title_before, title_after, title_words = _patterns()
    surface = text[mention.start : mention.end]
    if ACRONYM.fullmatch(surface) and CODE_AFTER.match(text, mention.end):
        return None
    if surface in title_words and (_title_before(text, mention.start, title_before) or title_after.match(text, mention.end)):
        return None
    head = leading.match(surface)
    tail = trailing.search(surface)
    start = mention.start + (head.end() if head else 0)
    end = mention.start + (tail.start() if tail else len(surface))
    return replace(mention, start=start, end=end) if end > start else None
