"""Known names re-cased where the spinner damaged their case ("north Korea" -> "North Korea").

>>> import re
>>> names = re.compile(r"north Korea", re.IGNORECASE)
>>> [c.replacement for c in fix_proper_casing("in north Korea", names, {"north korea": "North Korea"})]
['North Korea']
"""

from __future__ import annotations

import re

from ...text.edits import Change


def fix_proper_casing(text: str, names: re.Pattern[str] | None, canonical: dict[str, str]) -> list[Change]:
    """Restore the case of known names damaged by the spinner ("north Korea" -> "North Korea").

    ``names`` matches the gazetteer names to check (``ignore_case`` entries in
    every text; every name of several words in spun texts), and only matches
    that mix cases are changed: a damaged name keeps some of its capitals,
    while lower-case uses of the same words are ordinary prose.
    """
    if names is None:
        return []
    changes = []
    for match in names.finditer(text):
        found = match.group()
        wanted = canonical.get(" ".join(found.lower().split()))
        if wanted and found != wanted and found.lower() != found and _same_shape(found, wanted):
            changes.append(Change(match.start(), match.end(), wanted, "case.proper-name", "casing"))
    return changes


def _same_shape(found: str, wanted: str) -> bool:
    return len(found) == len(wanted) and found.lower() == wanted.lower()
