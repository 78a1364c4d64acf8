"""Japanese place names with their suffix are one place: "Kuchinoerabu-jima", "Yoron-tô", "Nyuzen-machi".

The model reads the name before the hyphen as a name of its own, often a
PERSON or GPE, and leaves the suffix out.  A mention followed by a hyphen and
an island suffix (the ``island-suffixes`` lexicon list) is extended over the
suffix and becomes a LOC; so is a mention that already ends in one.  A
municipality's suffix (``municipality-suffixes``: "-machi", "-shi", "-son")
makes it a GPE the same way.  A mention the longer one now overlaps goes.
Words around a place can also say it is an island (:func:`islands_in_context`).

>>> text = "ferries to Kuchinoerabu-jima and Yoron-tô"
>>> found = [Mention(11, 23, "PERSON", None, "model"), Mention(33, 38, "GPE", None, "model")]
>>> [(text[m.start:m.end], m.label) for m in island_names(text, found)]
[('Kuchinoerabu-jima', 'LOC'), ('Yoron-tô', 'LOC')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import words
from .mention import Mention

DASHES = r"\-‐‑"
"""The hyphens an island suffix follows, as they go in a character class."""


@lru_cache(maxsize=4)
def _suffixes(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A hyphen and a suffix of list ``name`` as a whole word (not followed by a letter, digit or hyphen), and the same at a name's end.

    A capitalised suffix may follow a space instead ("Ie Shima", "Iwo Jima").
    """
    ordered = sorted(words(name), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, ordered))
    capitalised = "|".join(re.escape(suffix) for suffix in ordered if suffix[:1].isupper()) or "(?!)"
    joined = rf"(?:[{DASHES}](?:{alternatives})|[^\S\n](?:{capitalised}))"
    return re.compile(rf"{joined}(?![\w{DASHES}])"), re.compile(rf"\w{joined}$")


def island_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted) with every island name read whole, as a LOC."""
    return _with_suffixes(text, mentions, "island-suffixes", "LOC")


def municipality_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted) with every romanised municipality name read whole, as a GPE.

    >>> text = "I will visit Nyuzen-machi in Toyama Prefecture"
    >>> [(text[m.start:m.end], m.label) for m in municipality_names(text, [Mention(13, 19, "PERSON", None, "model")])]
    [('Nyuzen-machi', 'GPE')]
    """
    return _with_suffixes(text, mentions, "municipality-suffixes", "GPE")


def _with_suffixes(text: str, mentions: list[Mention], suffixes: str, label: str) -> list[Mention]:
    following, ending = _suffixes(suffixes)
    extended: list[Mention] = []
    for mention in mentions:
        if extended and mention.start < extended[-1].end:
            continue  # inside the suffix a mention before it took
        after = following.match(text, mention.end)
        if after:
            mention = replace(mention, end=after.end(), label=label, kb_id=None)
        elif ending.search(text[mention.start : mention.end]):
            mention = replace(mention, label=label)
        extended.append(mention)
    return extended


ISLAND_OF = re.compile(r"\b[Ii]sland[^\S\n]+of[^\S\n]+$")
""""island of" right before a name: the name is the island ("the southern island of Okinawa")."""
OFF = re.compile(r"\b[Oo]ff[^\S\n]+$")
""""off" right before a name: a coast, so an island where the gazetteer knows one of that name ("landed off Okinawa")."""
ISLAND_APPOSITIVE = re.compile(r"[^\S\n]*[,—–][^\S\n]*(?:the|a|an)[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}?(?:[Ii]sland|largest|smallest)\b(?![^\S\n]+[A-Z])")
"""An appositive that calls the place an island: "Okinawa, the largest island", "Okinawa—the little subtropical island"."""
SHARED_HEAD = re.compile(r"[^\S\n]+islands\b")
"""A lower-case plural head after the last name of a list ("Okinawa, Miyako and Amami islands")."""
LIST_GAP = re.compile(r"(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)$")
"""What separates two names of a list: a comma, "and", or both."""


def islands_in_context(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` (sorted) with the places the words around name as islands read as LOC.

    A place right after "island of" is the island, and so is one right after
    "off", or before an appositive that calls it an island ("Okinawa, the
    little subtropical island"), that the gazetteer knows as an island; in a list of names that
    ends in lower-case "islands", the last name takes the word and every name
    of the list is an island group.  The island is not the prefecture or town
    that shares its name: it links to the gazetteer's "<name> Island" (in a
    list, "<name> Islands") if there is one.

    >>> from alliance_corpus.resources import Resources
    >>> text = "the southern island of Okinawa; the Okinawa, Miyako and Amami islands; off Tokyo; off Okinawa"
    >>> found = [Mention(23, 30, "GPE", "Q766445", "gazetteer"), Mention(36, 43, "GPE", None, "model"),
    ...          Mention(45, 51, "GPE", None, "model"), Mention(56, 61, "GPE", None, "model"), Mention(75, 80, "GPE", "Q1490", "gazetteer"),
    ...          Mention(86, 93, "GPE", "Q766445", "gazetteer")]
    >>> [(text[m.start:m.end], m.label, m.kb_id) for m in islands_in_context(text, found, Resources.bundled().gazetteer)]
    [('Okinawa', 'LOC', 'ac:okinawa-island'), ('Okinawa', 'LOC', None), ('Miyako', 'LOC', None), ('Amami islands', 'LOC', None), ('Tokyo', 'GPE', 'Q1490'), ('Okinawa', 'LOC', 'ac:okinawa-island')]
    """
    places = frozenset(words("place-labels")) - {"FAC"}  # a town or a region may be an island; a facility is not
    read = list(mentions)
    for index, mention in enumerate(read):
        if mention.label not in places:
            continue
        if ISLAND_OF.search(text, max(0, mention.start - 20), mention.start):
            read[index] = _island(text, mention, gazetteer)
        elif OFF.search(text, max(0, mention.start - 8), mention.start) or ISLAND_APPOSITIVE.match(text, mention.end):
            island = _island(text, mention, gazetteer)
            read[index] = island if island.kb_id is not None else mention
        head = SHARED_HEAD.match(text, mention.end)
        if head:
            read[index] = replace(mention, end=head.end(), label="LOC", kb_id=None)
            _islands_listed_before(text, read, index, places, gazetteer)
    return read


def _island(text: str, mention: Mention, gazetteer: Gazetteer, head: str = "Island") -> Mention:
    """``mention`` as a LOC, linked to the gazetteer's "<name> Island" (or other ``head``) if it has one."""
    entity = gazetteer.lookup(f"{text[mention.start : mention.end]} {head}")
    return replace(mention, label="LOC", kb_id=entity.id if entity is not None and entity.label == "LOC" else None)


def _islands_listed_before(text: str, read: list[Mention], index: int, places: frozenset[str], gazetteer: Gazetteer) -> None:
    """Make LOC the places listed right before ``read[index]`` (in place)."""
    while index > 0:
        before, after = read[index - 1], read[index]
        if before.label not in places or not LIST_GAP.fullmatch(text, before.end, after.start):
            return
        read[index - 1] = _island(text, before, gazetteer, head="Islands")  # each name of the list is a group
        index -= 1
