"""The script a letter is written in, read from its Unicode name.

Python's standard library names every character ("CJK UNIFIED IDEOGRAPH-6C96",
"HANGUL SYLLABLE HAN", "LATIN SMALL LETTER A WITH GRAVE") but has no script
property; the name's first word is the script for most letters.  Some scripts
take their name from a longer prefix, or share a first word, so callers give
the families they tell apart.

>>> script_of("沖", ("CJK", "HANGUL")), script_of("é", ("CJK",)), script_of("Ж", ())
('CJK', 'LATIN', 'CYRILLIC')
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

UNKNOWN = "UNKNOWN"
"""The script of a character that has no Unicode name (unassigned, private use, most controls)."""


@lru_cache(maxsize=8192)
def script_of(char: str, families: tuple[str, ...] = ()) -> str:
    """The first of ``families`` that ``char``'s Unicode name starts with, else the name's first word."""
    name = unicodedata.name(char, "")
    for family in families:
        if name.startswith(family):
            return family
    return name.split(" ", 1)[0] if name else UNKNOWN
