"""Lines of catalogues, infoboxes and reading lists: field labels are no names, and a cited title holds no mentions.

A catalogue or infobox line opens with a field label (``field-labels``:
"Size: 18,3 x 25,9 cm", "Kanji 吉田 茂", "HeadquartersYokota Air Base" with
label and value run together); the label is no name, and a mention that
starts with it starts after it.  After a
title field (``title-fields``: "Title: Document of Grief and Anger") the rest
of the line is a work's title, and after a language field
(``language-fields``: "Language(s): Japanese") a nationality word is the
language.  A reading-list line is a bullet, an author written surname first
and a title with its year in brackets ("• Dower, John W. Empire and
Aftermath (1988)"): the author is one PERSON, and the title, up to its
bracket, holds no mention (the names in a work's title are part of it).

>>> text = "Size: 18,3 x 25,9 cm\\n  • Cohen, Theodore. Remaking Japan: The American Occupation (1987). 526 pp."
>>> found = [Mention(0, 4, "PERSON", None, "model"), Mention(25, 30, "PERSON", None, "model"), Mention(32, 40, "PERSON", None, "model"),
...          Mention(51, 56, "GPE", "Q17", "gazetteer")]
>>> from alliance_corpus.resources import Resources
>>> [(text[m.start:m.end], m.label) for m in catalogue_lines(text, found, Resources.bundled().gazetteer)]
[('Cohen, Theodore', 'PERSON')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import alternatives, words
from .mention import Mention

INVERTED_AUTHOR = r"[A-Z][\w'’-]+,[^\S\n]+[A-Z][\w'’-]+(?:[^\S\n]+[A-Z]\.)*"
"""An author surname first: "Dower, John W.", "Cohen, Theodore"."""
REFERENCE = re.compile(
    rf"^[^\S\n]*[•·*‣][^\S\n]*(?P<author>{INVERTED_AUTHOR})\.?[^\S\n]+(?P<title>[A-Z\"“‘'][^\n(]*?)[.,]?[^\S\n]*(?=\([^\n()]{{0,16}}\d{{4}}\))",
    re.MULTILINE,
)
"""A bullet, an author surname first, and a title up to a bracket that holds a year ("(1987)", "(2nd ed 2004)")."""


def catalogue_lines(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` read as the lines of catalogues, infoboxes and reading lists say (see the module docstring)."""
    dropped: list[tuple[int, int]] = []
    languages: list[tuple[int, int]] = []
    fields = list(_field().finditer(text))
    for field in fields:
        dropped.append(field.span("label"))
        line_end = _line_end(text, field.end())
        if field.group("label") in words("title-fields"):
            dropped.append((field.end(), line_end))
        elif field.group("label") in words("language-fields"):
            languages.append((field.end(), line_end))
    authors = []
    for reference in REFERENCE.finditer(text):
        dropped += [reference.span("author"), reference.span("title")]
        authors.append(Mention(*reference.span("author"), "PERSON", None, "context"))
    if not dropped:
        return mentions
    labels = [field.span("label") for field in fields]
    kept = [
        replace(m, label="LANGUAGE", kb_id=None) if m.label == "NORP" and _inside(m, languages) else m
        for m in (_after_label(text, m, labels, gazetteer) for m in mentions)
        if not _overlaps(m, dropped)
    ]
    return sorted([*kept, *authors], key=lambda m: (m.start, m.end))


def _after_label(text: str, mention: Mention, labels: list[tuple[int, int]], gazetteer: Gazetteer) -> Mention:
    """``mention`` without the field label it starts with ("HeadquartersYokota Air Base" is the base), linked anew."""
    label = next(((start, end) for start, end in labels if start <= mention.start < end < mention.end), None)
    if label is None:
        return mention
    entity = gazetteer.lookup(text[label[1] : mention.end])
    return replace(mention, start=label[1], kb_id=entity.id if entity else None, label=entity.label if entity else mention.label)


def _inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def _overlaps(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start < mention.end and mention.start < end for start, end in spans)


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return end if end >= 0 else len(text)


@lru_cache(maxsize=1)
def _field() -> re.Pattern[str]:
    """A field label opening a line, then a colon, spaces and a letter of another script ("Kanji 吉田 茂"), or a capital
    glued to it, as text taken from an infobox runs label and value together ("HeadquartersYokota Air Base")."""
    labels = alternatives("field-labels")
    return re.compile(rf"^[^\S\n]*(?P<label>{labels})(?:[^\S\n]*:|[^\S\n]+(?=[^\x00-\u024f\s])|(?=[A-Z]))", re.MULTILINE)
