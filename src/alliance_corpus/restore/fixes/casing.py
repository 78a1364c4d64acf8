"""Known names re-cased where the spinner damaged their case ("north Korea" -> "North Korea").

>>> names = PhraseSearch(["North Korea"])
>>> [c.replacement for c in fix_proper_casing("in north Korea", names, {"north korea": "North Korea"})]
['North Korea']
"""

from __future__ import annotations

from collections.abc import Collection

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
