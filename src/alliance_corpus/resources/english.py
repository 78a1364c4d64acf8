"""English words, from the English frequency list that symspellpy ships (82,765 words of Google Books n-grams).

The list is read, not the spelling corrector: the casing step asks only
whether a lower-case word is a word of English ("rice", "date", "bush") or
can only be a name that lost its capital ("sasebo").  The list holds some
names too ("clinton", "okinawa"); for them the answer is "a word", which
leaves them as they are.

>>> is_english_word("rice"), is_english_word("sasebo")
(True, False)
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

FREQUENCY_LIST = "frequency_dictionary_en_82_765.txt"
"""The file of symspellpy's package data: one ``word count`` pair per line, words in lower case."""
BIGRAM_LIST = "frequency_bigramdictionary_en_243_342.txt"
"""symspellpy's two-word list: one ``word word count`` line per pair of words often written together, in lower case."""


AMERICAN_ENDINGS = (("or", "our"), ("er", "re"), ("og", "ogue"))
"""American spellings the list keeps only in their British form ("harbor" is there as "harbour", "theater" as "theatre")."""


def is_english_word(word: str) -> bool:
    """Whether ``word`` (in any case) is on the English frequency list, in its own spelling or the British one.

    >>> is_english_word("Harbor"), is_english_word("theater"), is_english_word("Kadena")
    (True, True, False)
    """
    lower = word.lower()
    words = english_words()
    return lower in words or any(lower.endswith(us) and lower[: -len(us)] + uk in words for us, uk in AMERICAN_ENDINGS)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word of the list, read once per process (about 0.05 s)."""
    return frozenset(line.split(" ", 1)[0] for line in _frequency_lines())


def word_count(word: str) -> int:
    """How often the lower-case ``word`` occurs in the list's corpus (0 when it is not on the list).

    >>> word_count("months") > word_count("month") / 2, word_count("equipments") < word_count("equipment") / 20
    (True, True)
    """
    return _word_counts().get(word, 0)


@lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    return {word: int(count) for word, count in (line.split(" ", 1) for line in _frequency_lines())}


def attested_pairs(pairs: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """Those of ``pairs`` (lower-case words) on the two-word list: established English ("humanitarian aid").

    >>> sorted(attested_pairs(frozenset({("humanitarian", "aid"), ("regional", "safety")})))
    [('humanitarian', 'aid')]
    """
    found = set()
    for line in _list_lines(BIGRAM_LIST):
        first, second, _ = line.split(" ", 2)
        if (first, second) in pairs:
            found.add((first, second))
    return frozenset(found)


def _frequency_lines() -> list[str]:
    return _list_lines(FREQUENCY_LIST)


def _list_lines(name: str) -> list[str]:
    spec = importlib.util.find_spec("symspellpy")  # located, not imported: the package's own modules are not needed
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("symspellpy is not installed; it is a dependency of alliance_corpus (see requirements.lock)")
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line]
