"""Japanese island names with their suffix are one place: "Kuchinoerabu-jima", "Amami-Ôshima", "Yoron-tô".

The model reads the name before the hyphen as a name of its own, often a
PERSON or GPE, and leaves the suffix out.  A mention followed by a hyphen and
an island suffix (the ``island-suffixes`` lexicon list) is extended over the
suffix and becomes a LOC; so is a mention that already ends in one.  A
mention the longer one now overlaps goes.

>>> text = "ferries to Kuchinoerabu-jima and Yoron-tô"
>>> found = [Mention(11, 23, "PERSON", None, "model"), Mention(33, 38, "GPE", None, "model")]
>>> [(text[m.start:m.end], m.label) for m in island_names(text, found)]
[('Kuchinoerabu-jima', 'LOC'), ('Yoron-tô', 'LOC')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..resources.lexicons import words
from .mention import Mention

DASHES = r"\-‐‑"
"""The hyphens an island suffix follows, as they go in a character class."""


@lru_cache(maxsize=1)
def _suffixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A hyphen and an island suffix as a whole word (not followed by a letter, digit or hyphen), and the same at a name's end."""
    alternatives = "|".join(map(re.escape, sorted(words("island-suffixes"), key=len, reverse=True)))
    return re.compile(rf"[{DASHES}](?:{alternatives})(?![\w{DASHES}])"), re.compile(rf"\w[{DASHES}](?:{alternatives})$")


def island_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted) with every island name read whole, as a LOC."""
    following, ending = _suffixes()
    extended: list[Mention] = []
    for mention in mentions:
        if extended and mention.start < extended[-1].end:
            continue  # inside the suffix a mention before it took
        after = following.match(text, mention.end)
        if after:
            mention = replace(mention, end=after.end(), label="LOC", kb_id=None)
        elif ending.search(text[mention.start : mention.end]):
            mention = replace(mention, label="LOC")
        extended.append(mention)
    return extended
