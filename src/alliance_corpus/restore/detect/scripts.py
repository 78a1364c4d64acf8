"""Detect foreign-script leakage by Unicode script properties.

A machine-translation round trip leaves words of the pivot language behind:
Vietnamese words (recognisable by letters that only Vietnamese uses, such as
"ư", "ơ", "đ" or a dot below) and runs of Hangul, CJK, Cyrillic and other
non-Latin scripts.  Detection only reports them; the leakage rules restore the
known ones and the rest become flags.  The letters, scripts and loanwords are
the ``scripts`` lexicon (``vietnamese-letters``, ``inner-grave-letters``,
``non-latin-scripts``, ``english-loanwords``).

Letters that English borrows (café, naïve) and the macrons of romanized
Japanese (Ryūkyū, Tōkyō) are not leakage.

>>> [(m.group(), script) for m, script in find_foreign_words("a nuclear phibìc Korea, Japan 보다 in")]
[('phibìc', 'Vietnamese'), ('보다', 'Hangul')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ...resources.lexicons import words

# Letters that occur in Vietnamese but not in the European languages whose
# words English prose borrows.  Grave accents (à, è, ì, ò, ù) also count when
# they sit inside a lower-case word, where English loanwords never have them.
_VIETNAMESE_LOWER = frozenset("".join(words("vietnamese-letters")))
VIETNAMESE_ONLY = _VIETNAMESE_LOWER | {c.upper() for c in _VIETNAMESE_LOWER}
INNER_GRAVE = frozenset("".join(words("inner-grave-letters")))
ENGLISH_LOANWORDS = frozenset(words("english-loanwords"))
NON_LATIN_SCRIPTS = words("non-latin-scripts")
_NON_LATIN = frozenset(NON_LATIN_SCRIPTS)

WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-][^\W\d_])*")


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The script family of a letter, by its Unicode name ("LATIN", "HANGUL", ...)."""
    name = unicodedata.name(char, "")
    for script in NON_LATIN_SCRIPTS:
        if name.startswith(script):
            return script
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def word_script(word: str) -> str | None:
    """Name the leaked language or script of ``word``, or ``None`` for English-looking words.

    >>> word_script("Ryūkyū") is None, word_script("của"), word_script("Москва")
    (True, 'Vietnamese', 'Cyrillic')
    """
    if word.isascii():
        return None
    scripts = {script_of(c) for c in word if c.isalpha()}
    foreign = scripts & _NON_LATIN
    if foreign:
        return min(foreign).title()
    if word.lower() in ENGLISH_LOANWORDS:
        return None
    if any(c in VIETNAMESE_ONLY for c in word):
        return "Vietnamese"
    if word.islower() and any(c in INNER_GRAVE for c in word):
        return "Vietnamese"
    return None


def find_foreign_words(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Yield each leaked word of ``text`` with the name of its script or language."""
    for match in WORD.finditer(text):
        script = word_script(match.group())
        if script is not None:
            yield match, script
