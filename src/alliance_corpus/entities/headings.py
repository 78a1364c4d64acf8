"""Names in title-case headings, kept only where the body of the page writes them as names too.

In a heading written in title case ("Opening Remarks by the Minister") every
word is capitalised, so capitals no longer tell a name from a common word and
the model reads "Opening Remarks" as a PERSON.  The body of the same page is
written in sentence case, where a word capitalised after another word is a
name.  So a model mention in a title-case or all-capitals heading is kept when
each of its capitalised words appears, capitalised, inside a body sentence
(and, unless it is a person, the whole name appears in the body too),
or when it ends in a head word of its label ("Treaty" for LAW) and holds a
name of the gazetteer other than a person ("U.S.-Japan Defense Treaty").
Gazetteer, caption and correction mentions are kept as they are, and so is every
mention of a page with no body to compare with.

A model mention that goes gives back the names inside it: a gazetteer name
("U.S.", "Japan" in "The U.S.-Japan Security Alliance") or a person the page
names elsewhere ("Biden", "Kishida" in "Biden-Kishida Meeting") is a mention
of its own, as it would have been outside the model's longer reading.

>>> from alliance_corpus.records import Segment
>>> text = "Opening Remarks From Kishida\\nToday Prime Minister Kishida met the press."
>>> segments = [Segment(start=0, end=28, kind="heading"), Segment(start=29, end=72, kind="body")]
>>> found = [Mention(0, 15, "PERSON", None, "model"), Mention(21, 28, "PERSON", None, "model")]
>>> [text[m.start:m.end] for m in confirmed_in_headings(text, found, segments)]
['Kishida']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..records import Segment
from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import words
from ..text.phrases import PhraseSearch
from .mention import Mention, SpanIndex
from .relabel import head_labels

CAPITALISED = re.compile(r"[^\W\d_][\w'’.-]*")
"""A word: letters first, then letters, digits, apostrophes, dots and hyphens ("U.S.-Japan")."""
INSIDE_SENTENCE = re.compile(r"(?<=[\w,;:)’'\"”] )[A-Z][\w'’.-]*")
"""A capitalised word after a word or a comma, so not one that opens a sentence."""
WORD_PART = re.compile(r"[^\W_][\w'’.]*")
"""A word or a part of a hyphenated word ("U.S.", "Japan" in "U.S.-Japan")."""
MAX_NAME_WORDS = 5
"""The most words a name found inside a dropped reading may have."""
TITLE_CASE_SHARE = 0.75
"""The share of a heading's longer words (four letters or more) that start with a capital for it to count as title case."""


def confirmed_in_headings(
    text: str, mentions: Sequence[Mention], segments: Sequence[Segment], gazetteer: Gazetteer | None = None
) -> list[Mention]:
    """The mentions without the model's readings of title-case headings that the body does not confirm.

    With ``gazetteer``, a reading that goes gives back the names inside it
    (see the module docstring).
    """
    body = [text[s.start : s.end] for s in segments if s.kind == "body"]
    if not body:
        return list(mentions)
    names = {_folded(m.group()) for part in body for m in INSIDE_SENTENCE.finditer(part)}
    titled = SpanIndex((s.start, s.end) for s in segments if s.kind == "heading" and is_title_case(text[s.start : s.end]))
    in_headings = [m for m in mentions if m.source == "model" and titled.contains(m.start, m.end)]
    phrases = _phrases_in(body, {_phrase(text, m) for m in in_headings if m.label != "PERSON" and _words_confirmed(text[m.start : m.end], names)})
    people = _people(text, [m for m in mentions if not titled.contains(m.start, m.end)])
    kept, dropped = [], []
    for m in mentions:
        unconfirmed = m.source == "model" and titled.contains(m.start, m.end) and not _confirmed(text[m.start : m.end], m.label, names, phrases)
        unconfirmed = unconfirmed and not _byline_writer(text, m)
        if unconfirmed and not (gazetteer is not None and _named_by_its_head(text, m, gazetteer)):
            dropped.append(m)
        else:
            kept.append(m)
    if gazetteer is None:
        return kept
    inside = [part for m in dropped for part in _names_inside(text, m, gazetteer, people)]
    return sorted([*kept, *inside], key=lambda m: (m.start, m.end))


def is_title_case(line: str) -> bool:
    """Whether most of the line's words of four letters or more start with a capital (all capitals count).

    A line of one word ("Infobox", "Volltext", "TRANSCRIPT") counts: alone on
    its line, a capitalised word tells the model nothing about being a name.

    >>> is_title_case("Opening Remarks by the Minister"), is_title_case("Kishida meets the press in Tokyo"), is_title_case("Infobox")
    (True, False, True)
    """
    longer = [w for w in CAPITALISED.findall(line) if sum(ch.isalpha() for ch in w) >= 4]
    alone = len(CAPITALISED.findall(line)) == 1
    return len(longer) >= (1 if alone else 2) and sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


def _confirmed(surface: str, label: str, names: set[str], phrases: set[str]) -> bool:
    """Whether the body confirms a heading's mention (see the module docstring).

    A person needs each capitalised word among the body's ``names`` (a byline's
    "Yasuo Hasebe" beside a body that writes "Hasebe"); any other name needs
    that and its whole phrase among the body's ``phrases``, so that a headline's
    run of capitalised words ("Alliance Faces New Tests") is not confirmed word by word.
    """
    if not _words_confirmed(surface, names):
        return False
    return label == "PERSON" or len(_capitalised(surface)) == 1 or " ".join(surface.split()).casefold() in phrases


def _byline_writer(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is a PERSON right after a byline's opener at the start of its line ("By Jane Doe, Staff Writer").

    >>> text = "Marines begin move to Guam\\nBy Jane Doe, Staff Writer"
    >>> _byline_writer(text, Mention(30, 38, "PERSON", None, "model")), _byline_writer(text, Mention(40, 52, "PERSON", None, "model"))
    (True, False)
    """
    if mention.label != "PERSON":
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    return text[line_start : mention.start].strip() in _byline_openers()


@lru_cache(maxsize=1)
def _byline_openers() -> frozenset[str]:
    return frozenset(words("byline-openers"))


def _capitalised(surface: str) -> list[str]:
    return [w for w in CAPITALISED.findall(surface) if w[0].isupper()]


def _words_confirmed(surface: str, names: set[str]) -> bool:
    """Whether every capitalised word of ``surface`` is among the body's ``names``."""
    words = _capitalised(surface)
    return bool(words) and all(_folded(w) in names for w in words)


def _phrase(text: str, mention: Mention) -> str:
    return " ".join(text[mention.start : mention.end].split())


def _phrases_in(body: Sequence[str], phrases: set[str]) -> set[str]:
    """Which of ``phrases`` the body writes (in any case, spaces as they come), found in one pass over it."""
    if not phrases:
        return set()
    search = PhraseSearch(phrases)
    return {" ".join(m.group().split()).casefold() for part in body for m in search.finditer(part)}


def _named_by_its_head(text: str, mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether the mention ends in a head word of its own label and holds a name of the gazetteer ("U.S.-Japan Defense Treaty").

    People do not count: a heading's "Biden-Kishida Meeting" names the two people, as the web gold's guidelines read it.
    """
    words = WORD_PART.findall(text[mention.start : mention.end])
    if len(words) < 2 or head_labels().get(words[-1]) != mention.label:
        return False
    entries = [gazetteer.lookup(word) for word in words[:-1]]
    return any(entry is not None and entry.label != "PERSON" for entry in entries)


def _names_inside(text: str, mention: Mention, gazetteer: Gazetteer, people: dict[str, Mention]) -> list[Mention]:
    """The gazetteer names and the page's people inside a dropped mention, longest first, none overlapping."""
    parts = [(m.start() + mention.start, m.end() + mention.start) for m in WORD_PART.finditer(text[mention.start : mention.end])]
    found: list[Mention] = []
    index = 0
    while index < len(parts):
        for last in range(min(len(parts), index + MAX_NAME_WORDS) - 1, index - 1, -1):
            start, end = parts[index][0], parts[last][1]
            named = _named(text[start:end], start, end, gazetteer, people)
            if named is not None:
                found.append(named)
                index = last
                break
        index += 1
    return found


def _named(surface: str, start: int, end: int, gazetteer: Gazetteer, people: dict[str, Mention]) -> Mention | None:
    entry = gazetteer.lookup(surface)
    if entry is not None:
        return Mention(start, end, entry.label, entry.id, "gazetteer")
    person = people.get(surface)
    return Mention(start, end, "PERSON", person.kb_id, "context") if person is not None else None


def _people(text: str, mentions: Sequence[Mention]) -> dict[str, Mention]:
    """The people of ``mentions`` by their full name and surname (a surname two people share is left out).

    A person counts when linked to the gazetteer or named in two words or more.
    """
    by_name: dict[str, Mention] = {}
    shared: set[str] = set()
    for m in mentions:
        full = text[m.start : m.end]
        if m.label != "PERSON" or (m.kb_id is None and len(full.split()) < 2):
            continue  # a lone unlinked word the model called a person says too little
        for name in {full, full.split()[-1]}:
            if name in by_name and by_name[name].kb_id != m.kb_id:
                shared.add(name)
            by_name.setdefault(name, m)
    return {name: m for name, m in by_name.items() if name not in shared}


def _folded(word: str) -> str:
    """A word as headings and body are compared: all capitals and title case meet ("JAPAN", "Japan")."""
    return word.rstrip(".’'").casefold()

