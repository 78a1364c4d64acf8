"""Known names re-cased where the spinner damaged their case ("north Korea" -> "North Korea", "sasebo" -> "Sasebo").

>>> names = PhraseSearch(["North Korea"])
>>> [c.replacement for c in fix_proper_casing("in north Korea", names, {"north korea": "North Korea"})]
['North Korea']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from ...text.casing import broken_case
from ...text.edits import Change
from ...text.phrases import PhraseSearch


def fix_proper_casing(
    text: str, names: PhraseSearch | None, canonical: dict[str, str], single_names: Collection[str] = (), *, spun: bool = True
) -> list[Change]:
    """Restore the case of known names damaged by the spinner ("north Korea" -> "North Korea").

    ``names`` matches the gazetteer names to check (``ignore_case`` entries in
    every text; every name of several words in spun texts), and only names
    that mix cases are changed.  In a text that is not ``spun``, only names
    whose case was broken inside them are
    (:func:`~alliance_corpus.text.casing.broken_case`): sentence case
    ("Okinawa prefecture"), title case and all capitals are styles of a
    page.  In a spun text, any mixed case is damage ("Soviet union").
    """
    if names is None:
        return []
    changes = []
    for match in names.finditer(text):
        found = match.group()
        wanted = canonical.get(" ".join(found.lower().split()))
        if wanted and found != wanted and _same_shape(found, wanted) and _damaged(found, wanted, single_names, spun):
            changes.append(Change(match.start(), match.end(), wanted, "case.proper-name", "casing"))
    return changes


def _damaged(found: str, wanted: str, single_names: Collection[str], spun: bool) -> bool:
    if spun:
        return found.lower() != found and found.upper() != found
    return broken_case(found.split(), wanted.split(), single_names)


def _same_shape(found: str, wanted: str) -> bool:
    return len(found) == len(wanted) and found.lower() == wanted.lower()


NAME_WORD = re.compile(r"[A-Z][a-zāēīōūâêîôû]{3,}")
"""A capitalised word of four letters or more, as the words of a romanised name are ("Sasebo", "Yoshihiko")."""
LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-zāēīōūâêîôû]{4,}(?![\w'’-])")
"""A whole word in lower case, four letters or more."""


def lowercase_names(names: Iterable[str], is_word: Callable[[str], bool]) -> frozenset[str]:
    """The words of ``names`` that are no English word (``is_word``), in lower case.

    >>> sorted(lowercase_names(["Sasebo", "Yoshihiko Noda", "Camp Hansen"], lambda w: w.lower() in {"camp"}))
    ['hansen', 'noda', 'sasebo', 'yoshihiko']
    """
    return frozenset(word.lower() for name in names for word in name.split() if NAME_WORD.fullmatch(word) and not is_word(word))


def fix_lowercase_names(text: str, words: Collection[str]) -> list[Change]:
    """A word of a known name written in lower case, where it can be no English word, gets its capital back.

    Only for spun texts: the spinner lower-cases names ("the port of sasebo");
    an edited page that writes a name in lower case means it.

    >>> words = lowercase_names(["Sasebo", "Tokyo Bay"], lambda w: w.lower() in {"bay"})
    >>> [(c.replacement, c.rule) for c in fix_lowercase_names("the port of sasebo near tokyo bay", words)]
    [('Sasebo', 'case.name-word'), ('Tokyo', 'case.name-word')]
    """
    if not words:
        return []
    return [Change(m.start(), m.end(), m.group().capitalize(), "case.name-word", "casing") for m in LOWER_WORD.finditer(text) if m.group() in words]
