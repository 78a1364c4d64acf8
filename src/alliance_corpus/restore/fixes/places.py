"""Japanese place names translated word by word, spelled back: "Long Cape Prefecture" is Nagasaki Prefecture.

A round trip through a language that reads Japanese names by their characters
can come back with the characters' meanings: 長崎 ("long" + "cape") as "Long
Cape", 広島 ("broad" + "island") as "Broad Island".  A run of two or three
capitalised words that are all meanings of place-name characters
(``place-glosses``: "long=naga") is read in every way its readings allow;
if one reading is a known place (``japanese-places``), the run becomes that
name.  Only known places are spelled, and a run English writes as it is
(symspellpy's two-word list has "long island") stays; so does a run that
spells two places.  It runs on spun texts only.

>>> text = "Troops left Long Cape Prefecture to visit Broad Island and Long Island, then Upper Field."
>>> [(text[c.start:c.end], c.replacement) for c in fix_literal_places(text)]
[('Long Cape', 'Nagasaki'), ('Broad Island', 'Hiroshima')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from ...resources.english import attested_pairs
from ...resources.lexicons import words
from ...text.edits import Change

RULE = "spin.place.literal"
RUN = re.compile(r"(?<![\w-])[A-Z][a-z]+(?: [A-Z][a-z]+)+(?![\w-])")
"""Capitalised words separated by single spaces."""
LONGEST = 3
"""Most words a translated name is read from."""


@lru_cache(maxsize=1)
def glosses() -> dict[str, tuple[str, ...]]:
    """English meaning -> readings in place names, from ``place-glosses`` ("long=naga" -> ("naga",))."""
    found = {}
    for entry in words("place-glosses"):
        meaning, readings = entry.split("=", 1)
        found[meaning.lower()] = tuple(readings.split(","))
    return found


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Lower-cased known place -> its spelling (``japanese-places``)."""
    return {name.lower(): name for name in words("japanese-places")}


def fix_literal_places(text: str) -> list[Change]:
    """A change for each run of translated characters that spells a known place (see the module docstring)."""
    changes = []
    for run in RUN.finditer(text):
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", run.group())]
        index = 0
        while index < len(words):
            for size in range(min(LONGEST, len(words) - index), 1, -1):  # the longest reading first
                window = words[index : index + size]
                name = _place([word for _, _, word in window])
                if name:
                    changes.append(Change(run.start() + window[0][0], run.start() + window[-1][1], name, RULE, "spin"))
                    index += size
                    break
            else:
                index += 1
    return changes


def _place(meanings: list[str]) -> str | None:
    """The one known place these meanings spell, read every way their readings allow; ``None`` when none or two do.

    "Upper Field" spells both Ueno (上野) and Ueda (上田), since 野 and 田 are
    both "field": such a run is left as it is.
    """
    readings = [glosses().get(word.lower()) for word in meanings]
    if not all(readings) or _english(meanings):
        return None
    names = {places()[spelled] for spelled in ("".join(parts) for parts in product(*(r for r in readings if r))) if spelled in places()}
    return names.pop() if len(names) == 1 else None


def _english(meanings: list[str]) -> bool:
    """Whether every two neighbouring words of the run are a pair English often writes ("Long Island"): a name, not a translation."""
    lower = [word.lower() for word in meanings]
    return all(pair in _attested_gloss_pairs() for pair in zip(lower, lower[1:]))


@lru_cache(maxsize=1)
def _attested_gloss_pairs() -> frozenset[tuple[str, str]]:
    """The pairs of gloss words on symspellpy's two-word list (read once)."""
    meanings = list(glosses())
    return attested_pairs(frozenset((first, second) for first in meanings for second in meanings))
