"""Many fixed phrases found at once, in any case, at the cost of one pass over the words.

``re`` tries every alternative of ``(?:Camp Schwab|Futenma|...)`` at every
position of the text, so a gazetteer of hundreds of names costs hundreds of
comparisons per character.  :class:`PhraseSearch` looks at word starts
only, and there tries only the phrases that begin with that word (one
pattern per first word, so thousands of phrases cost no more than a few):
the matches are the same as the whole pattern's own ``finditer``, found far
faster.

>>> search = PhraseSearch(["Camp Schwab", "Okinawa", "U.S. Forces Japan"])
>>> [m.group() for m in search.finditer("camp  schwab on okinawa; U.S. forces Japan. Okinawan")]
['camp  schwab', 'okinawa', 'U.S. forces Japan']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

WORD_START = re.compile(r"(?<![\w.])\w+")
"""A run of word characters that no word character or full stop comes right before: where a phrase may start."""


class PhraseSearch:
    """Case-insensitive search for ``phrases``, each a whole word sequence (spaces may be any run of blanks on one line).

    Longer phrases win where several start at the same place.
    """

    def __init__(self, phrases: Iterable[str]):
        spellings = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
        self.pattern = _alternatives(spellings)
        firsts = [WORD_START.match(phrase) for phrase in spellings]
        # A phrase that starts with no word character is found by the whole pattern alone.
        self.by_first_word: dict[str, re.Pattern[str]] | None = None
        if all(firsts):
            groups: dict[str, list[str]] = {}
            for phrase, first in zip(spellings, firsts):
                groups.setdefault(first.group().casefold(), []).append(phrase)  # type: ignore[union-attr]  # all() above
            self.by_first_word = {word: _alternatives(group) for word, group in groups.items()}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of :attr:`pattern` in ``text``, left to right and not overlapping, as ``pattern.finditer``."""
        if self.by_first_word is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        for word in WORD_START.finditer(text):
            pattern = self.by_first_word.get(word.group().casefold()) if word.start() >= end else None
            match = pattern.match(text, word.start()) if pattern is not None else None
            if match is not None:
                end = match.end()
                yield match


def _alternatives(spellings: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for ``spellings`` (longest first), each a whole word sequence."""
    alternatives = "|".join(r"[^\S\n]+".join(map(re.escape, phrase.split())) for phrase in spellings)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)
