"""Hyphenated compounds of places read as their parts: "U.S.-Japan" is two GPEs, as OntoNotes has it; "Suga-Biden" two people.

The labels whose names may be split are the ``compound-labels`` lexicon list.
A compound that opens a longer name ending in a head word ("U.S.-Japan
Defense Treaty") is that name, read whole with the head's label; one
followed by a common noun (``common-nouns``: "U.S.-Japan Alliance") is its places.

>>> from alliance_corpus.resources import Resources
>>> text = "the U.S.-Japan alliance and the U.S.–Japan treaty"
>>> [(text[m.start:m.end], m.label) for m in split_compounds(text, [], Resources.bundled().gazetteer)]
[('U.S.', 'GPE'), ('Japan', 'GPE'), ('U.S.', 'GPE'), ('Japan', 'GPE')]
>>> text = "the Suga-Biden statement"
>>> [(text[m.start:m.end], m.label) for m in split_compounds(text, [], Resources.bundled().gazetteer)]
[('Suga', 'PERSON'), ('Biden', 'PERSON')]
>>> text = "U.S.-Japan Defense Treaty"
>>> [(text[m.start:m.end], m.label) for m in split_compounds(text, [], Resources.bundled().gazetteer)]
[('U.S.-Japan Defense Treaty', 'LAW')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..resources.gazetteer import Gazetteer, GazetteerEntry
from ..resources.lexicons import words
from .discover import head_after
from .mention import Mention, SpanIndex
from .relabel import head_labels

COMPOUND = re.compile(r"(?<![\w\-–])[A-Z][\w.]*(?:[\-–][A-Z][\w.]*)+(?![\w\-–])")
"""Capitalised words joined by hyphens or en dashes ("U.S.–Japan", as edited pages write it)."""
JOINER = re.compile(r"[\-–]")


def split_compounds(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Read "U.S.-Japan" as two places, as OntoNotes does, wherever no longer mention covers it.

    A hyphenated word whose every part is a gazetteer place or nationality is
    split into one mention per part; a model mention of the whole compound
    (often a wrong ORG) is replaced.
    """
    kept = [m for m in mentions if _compound_parts(text[m.start : m.end], gazetteer) is None and not _places_and_a_noun(text, m, gazetteer)]
    # The parts added below lie inside earlier matches, which never overlap later ones, so the index of ``kept`` as it is now suffices.
    taken = SpanIndex.of(kept)
    starts = sorted((m.start, m.end) for m in kept)
    replaced: set[tuple[int, int]] = set()
    added: list[Mention] = []
    for match in COMPOUND.finditer(text):
        parts = _compound_parts(match.group(), gazetteer)
        if parts is None or taken.surrounds(match.start()) or taken.surrounds(match.end()) or taken.contains(match.start(), match.end()):
            continue  # a longer name holds the compound or runs across it
        replaced.update(_spans_inside(starts, match.start(), match.end()))  # a part the ruler found alone ("Korea" in "Korea-U.S.-Japan")
        named = head_after(text, match.end(), head_labels())
        if named is not None and not taken.overlaps(match.end(), named[0]):
            added.append(Mention(match.start(), named[0], named[1], None, "context"))
            continue
        offset = match.start()
        for part in parts:
            entry = _part_entry(part, gazetteer)  # `_compound_parts` returns only parts the gazetteer knows
            added.append(Mention(offset, offset + len(part), entry.label, entry.id, "gazetteer"))
            offset += len(part) + 1
    return [m for m in kept if (m.start, m.end) not in replaced] + added


def _spans_inside(starts: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``starts`` (sorted) that lie within ``start``-``end``."""
    first = bisect_left(starts, (start, start))
    return [span for span in starts[first : bisect_left(starts, (end, end))] if span[1] <= end]


def _places_and_a_noun(text: str, mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a model mention is a compound of places and a common noun ("U.S.-Japan Alliance"): the places are the names."""
    first, _, rest = text[mention.start : mention.end].partition(" ")
    return mention.source == "model" and " ".join(rest.split()) in _common_nouns() and _compound_parts(first, gazetteer) is not None


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    return frozenset(words("common-nouns"))


def _compound_parts(surface: str, gazetteer: Gazetteer) -> list[str] | None:
    """The parts of a compound of places or nationalities ("U.S.-Japan"), or of people known by surname ("Suga-Biden"); else ``None``."""
    parts = JOINER.split(surface)
    if len(parts) < 2:
        return None
    entries = [gazetteer.link(part) for part in parts]  # "US" in "US-Japan" is the country, whatever case a heading writes
    if all(e is not None and e.label in words("compound-labels") for e in entries):
        return parts
    if all(len(gazetteer.with_surname(part)) == 1 for part in parts):
        return parts
    return None


def _part_entry(part: str, gazetteer: Gazetteer) -> GazetteerEntry:
    """The entity a part of a compound names: a place by its name, or the one person of that surname."""
    entry = gazetteer.link(part)
    if entry is None or entry.label not in words("compound-labels"):
        entry = gazetteer.with_surname(part)[0]
    return entry
