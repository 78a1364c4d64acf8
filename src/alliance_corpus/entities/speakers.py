"""Speakers of a transcript: "SECRETARY AUSTIN:" and "MR. KIRBY:" open a line with the person who speaks.

Press briefings and hearings write each turn as a title and a surname in
capitals, then a colon.  The model reads "MR" as a place, misses "HAMADA",
and leaves "AUSTIN" unlinked where "Secretary Austin" in the same text is
linked.  A line that opens with one to four words of a title in capitals
(``job-titles``, ``person-titles``) and a surname in capitals before a colon
names a PERSON: the surname, linked to the person the document names with
that surname elsewhere, or, when it names nobody so, to the one gazetteer
person of that surname.  A label that is only a role ("MODERATOR:", "Q:")
names nobody, and so does a single such line ("GENERAL OVERVIEW:"): a
transcript has two turns or more.

>>> from alliance_corpus.resources import Resources
>>> text = "MR. KIRBY: We met.\\nMINISTER HAMADA: Thank you, Secretary Austin.\\nSECRETARY AUSTIN: Good."
>>> found = [Mention(0, 2, "GPE", None, "model"), Mention(57, 63, "PERSON", "ac:lloyd-austin", "model")]
>>> [(text[m.start:m.end], m.label, m.kb_id) for m in speakers_of_turns(text, found, Resources.bundled().gazetteer)]
[('KIRBY', 'PERSON', None), ('HAMADA', 'PERSON', 'Q1132836'), ('Austin', 'PERSON', 'ac:lloyd-austin'), ('AUSTIN', 'PERSON', 'ac:lloyd-austin')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import words
from .mention import Mention, SpanIndex
from .surnames import only_person, people_by_surname

TURNS = 2
"""The fewest turns that make a transcript: a single title-and-word line before a colon is more likely a heading."""
TURN = re.compile(r"^(?P<title>(?:[A-Z][A-Z.]*[^\S\n]+){1,4})(?P<name>[A-Z][A-Z'’-]+)[^\S\n]*:", re.MULTILINE)
"""Capitalised words at a line's start, the last of them before a colon: a title and a surname ("MINISTER HAMADA:")."""


def speakers_of_turns(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with the speaker of each turn a PERSON, and the model's reading of the turn's label dropped."""
    turns = [turn for turn in TURN.finditer(text) if _is_title(turn.group("title")) and not _is_title(turn.group("name"))]
    if len(turns) < TURNS:  # one "GENERAL OVERVIEW:" heading is no transcript
        return list(mentions)
    labels = SpanIndex((turn.start(), turn.end()) for turn in turns)
    kept = [m for m in mentions if not labels.overlaps(m.start, m.end)]
    named = people_by_surname(kept, gazetteer, text)
    speakers = []
    for turn in turns:
        surname = turn.group("name").title()
        people = named.get(surname) or {entry.id for entry in gazetteer.with_surname(surname)}
        speakers.append(Mention(turn.start("name"), turn.end("name"), "PERSON", only_person(people), "context"))
    return sorted([*kept, *speakers], key=lambda m: (m.start, m.end))


def _is_title(words_before: str) -> bool:
    """Whether the capitalised words before a turn's surname are a title ("MR.", "PRIME MINISTER", "SECRETARY")."""
    return " ".join(words_before.split()).lower() in _titles()


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(title.lower() for name in ("job-titles", "person-titles") for title in words(name))

