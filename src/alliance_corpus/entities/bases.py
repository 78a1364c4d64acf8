"""A base named by its town: "Kadena" is the town, unless the words around it speak of the base.

Many bases share their name with the town they stand in (Kadena, Sasebo,
Misawa) or go by a bare name of their own (Schwab for Camp Schwab).  The
gazetteer lists such names as an entry's ``bare`` names.  A bare name stays
what the model and the gazetteer made of it (the town, or a person) unless
one of these says it is the base:

- its sentence speaks of bases: a ``base-words`` word ("base", "airfield")
  stands outside every mention of the sentence ("Kadena Air Base" itself
  says nothing about a bare "Kadena" beside it);
- it follows a ``locative-words`` word ("at Schwab"), names no place of the
  gazetteer, and no person of the document is called by it (no "Klaus
  Schwab" elsewhere), so that it can only be the base;
- it is one of a list of bases ("Okinawa's Kadena, Tokyo's Yokota"): the
  sentence names another base, and the bare name follows a comma, "and" or
  a possessive.

A bare name followed by a lower-case place word ("Kadena town") or by
another capitalised word ("Kadena Circle") is part of another name and is
left alone, and so is one after "the town of" or "the village of" (a
``municipality-words`` word and "of"): "the towns of Kadena and Chatan", or
after "in" (``town-locatives``): one is in a town, at a base.

>>> from alliance_corpus.resources import Resources
>>> gazetteer = Resources.bundled().gazetteer
>>> text = "Fighters left Kadena for the base at Misawa. Kadena's mayor objected."
>>> found = [Mention(14, 20, "GPE", "ac:kadena-town", "gazetteer"), Mention(45, 51, "GPE", "ac:kadena-town", "gazetteer")]
>>> [(text[m.start:m.end], m.label, m.kb_id) for m in bases_by_bare_name(text, found, gazetteer)]
[('Kadena', 'FAC', 'ac:kadena-air-base'), ('Misawa', 'FAC', 'ac:misawa-air-base'), ('Kadena', 'GPE', 'ac:kadena-town')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import alternatives, words
from .mention import POSSESSIVE_AFTER, Mention, SpanIndex

REACH = 400
"""The most characters read each way for the sentence around a bare name."""
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|\n")
"""Where a sentence ends: a full stop, question or exclamation mark before a space, or before a capitalised word glued to
it (a scraped page's heading run into the text: "Air Force.Geography Kadena faces the sea"), or a line end."""
LIST_BEFORE = re.compile(r"(?:,|\band|['’]s)[^\S\n]+$")
"""What stands before an item of a list of bases: a comma, "and", or a possessive ("Okinawa's Kadena")."""
PART_OF_LONGER = re.compile(r"[^\S\n]*[-‐‑][\w]|[^\S\n]+[A-Z0-9]")
"""A hyphen or a capitalised word right after: the bare name is part of a longer name ("Kadena Circle")."""


def bases_by_bare_name(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` (sorted) with every bare name the words around show to be a base read as that base (FAC)."""
    search = _bare_names(tuple(sorted(gazetteer.by_bare)))
    if search is None:
        return list(mentions)
    spans = SpanIndex.of(mentions)
    by_span = {(m.start, m.end): m for m in mentions}
    candidates = [
        match
        for match in search.finditer(text)
        if not spans.inside_longer(match.start(), match.end()) and not _part_of_longer(text, match.end())
    ]
    bases = sorted((m.start, m.end) for m in mentions if m.label == "FAC" and m.kb_id)
    surnames = {text[m.start : m.end].split()[-1] for m in mentions if m.label == "PERSON" and len(text[m.start : m.end].split()) > 1}
    decided: dict[tuple[int, int], str] = {}
    for listed in (False, True):  # a list of bases is read once every base of it the other signs found is known
        for match in candidates:
            span = (match.start(), match.end())
            if span in decided:
                continue
            base = gazetteer.by_bare[match.group()]
            sentence = _sentence(text, *span)
            if _named_as_municipality(text, match.start()):
                continue
            if _speaks_of_bases(text, sentence, spans) or _at_a_place(text, match, gazetteer, surnames) or (
                listed and _in_a_list_of_bases(text, span, sentence, bases)
            ):
                decided[span] = base
                insort(bases, span)
    found = [_as_base(by_span.get(span), span, base) for span, base in decided.items()]
    return sorted([*(m for m in mentions if (m.start, m.end) not in decided), *found], key=lambda m: (m.start, m.end))


def _as_base(mention: Mention | None, span: tuple[int, int], base: str) -> Mention:
    if mention is None:
        return Mention(span[0], span[1], "FAC", base, "context")
    return replace(mention, label="FAC", kb_id=base)


@lru_cache(maxsize=4)
def _bare_names(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(r"(?<![\w\-‐‑])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w])")


def _part_of_longer(text: str, end: int) -> bool:
    if PART_OF_LONGER.match(text, end):
        return True
    after = text[end : end + 40].split(None, 1)
    return bool(after) and after[0].strip(".,;:") in _place_words()


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around ``text[start:end]`` (on its line), at most :data:`REACH` characters each way."""
    before = [m.end() for m in SENTENCE_END.finditer(text, max(0, start - REACH), start)]
    after = SENTENCE_END.search(text, end, end + REACH)
    return (before[-1] if before else max(0, start - REACH), after.start() if after else min(len(text), end + REACH))


def _named_as_municipality(text: str, start: int) -> bool:
    """Whether the bare name at ``start`` follows "the town of" (or "the towns of" another name "and"), or "in": then it is the town.

    >>> [_named_as_municipality(text, text.index("Kadena")) for text in ("the towns of Chatan and Kadena", "the village of Kadena", "flights from Kadena",
    ...                                                                   "the Air Force base in Kadena")]
    [True, True, False, True]
    """
    return bool(_municipality_before().search(text, max(0, start - 60), start) or _town_locative_before().search(text, max(0, start - 12), start))


def _speaks_of_bases(text: str, sentence: tuple[int, int], spans: SpanIndex) -> bool:
    """Whether a ``base-words`` word stands in the sentence outside every mention."""
    return any(not spans.overlaps(m.start(), m.end()) for m in _base_words().finditer(text, *sentence))


def _at_a_place(text: str, match: re.Match[str], gazetteer: Gazetteer, surnames: set[str]) -> bool:
    """Whether the bare name follows a locative word, names no place of the gazetteer and no person of the text ("at Schwab")."""
    name, start = match.group(), match.start()
    entry = gazetteer.lookup(name)
    if (entry is not None and entry.label in {"GPE", "LOC"}) or name in surnames or POSSESSIVE_AFTER.match(text, match.end()):  # "at Hansen's suggestion" speaks of a person
        return False
    return bool(_locative_before().search(text, max(0, start - 20), start))


def _in_a_list_of_bases(text: str, span: tuple[int, int], sentence: tuple[int, int], bases: list[tuple[int, int]]) -> bool:
    """Whether the sentence names another base (``bases`` sorted) and the bare name follows a comma, "and" or a possessive."""
    if not LIST_BEFORE.search(text, max(sentence[0], span[0] - 12), span[0]):
        return False
    index = bisect_left(bases, (sentence[0], sentence[0]))
    while index < len(bases) and bases[index][0] < sentence[1]:
        start, end = bases[index]
        if end <= sentence[1] and (start, end) != span:
            return True
        index += 1
    return False


@lru_cache(maxsize=1)
def _base_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + alternatives("base-words") + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _municipality_before() -> re.Pattern[str]:
    """ "the town of ", or "the towns of Chatan and " / "the towns of Chatan, ", right before a name."""
    another = r"(?:[A-Z][\w'’-]*(?:,|[^\S\n]+and)[^\S\n]+)?"
    return re.compile(r"\b(?:" + alternatives("municipality-words") + r")[^\S\n]+of[^\S\n]+" + another + "$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _town_locative_before() -> re.Pattern[str]:
    """A ``town-locatives`` word right before a name ("in Sasebo")."""
    return re.compile(r"\b(?:" + alternatives("town-locatives") + r")[^\S\n]+$")


@lru_cache(maxsize=1)
def _locative_before() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + alternatives("locative-words") + r")[^\S\n]+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(words("place-heads-lower"))


def countries_before_generic_bases(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with a facility read as a country and a generic word for a base ("U.S. Base", "United States naval base")
    cut to the country, linked.

    A base is named by its place or its own name ("Kadena Air Base", "Camp
    Schwab", "Yokosuka naval base"); a country or a nationality
    (``base-owners``) before a word for a base (``generic-bases``, in any
    case, as a headline writes it) says whose base it is.

    >>> from alliance_corpus.resources import Resources
    >>> text = "Japan's PM Resigns Over U.S. Base Row"
    >>> [(text[m.start:m.end], m.label, m.kb_id) for m in countries_before_generic_bases(text, [Mention(24, 33, "FAC", None, "model")], Resources.bundled().gazetteer)]
    [('U.S.', 'GPE', 'Q30')]
    """
    found = []
    for mention in mentions:
        generic = _generic_base_after().search(text, mention.start, mention.end) if mention.label == "FAC" and mention.kb_id is None else None
        cut = generic.start() if generic is not None else mention.end
        owner = text[mention.start : cut]
        entry = gazetteer.link(owner) if cut < mention.end and owner in _base_owners() else None
        found.append(Mention(mention.start, cut, entry.label, entry.id, "context") if entry is not None and entry.label in ("GPE", "NORP") else mention)
    return found


@lru_cache(maxsize=1)
def _generic_base_after() -> re.Pattern[str]:
    return re.compile(rf"[^\S\n]+(?:{alternatives('generic-bases')})$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _base_owners() -> frozenset[str]:
    return frozenset(words("base-owners"))
