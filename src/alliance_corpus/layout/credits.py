"""Photo credits at the end of a line: "Yuriko Nakao/Reuters", "AP Photo/Eugene Hoshiko".

Scraped articles carry photo captions with their credit.  This module finds
a credit and parses it into the people and the agencies it names, as spans,
so the segment step can mark the line and the entity step can read a person
and an agency from it.  The agencies are the ``photo-agencies`` lexicon.

>>> text = "Panetta addresses troops. Yuriko Nakao/Reuters"
>>> credit = credit_in(text, 0, len(text))
>>> [text[s:e] for s, e in credit.people], [text[s:e] for s, e in credit.agencies]
(['Yuriko Nakao'], ['Reuters'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from ..records import Segment
from ..resources.lexicons import words


class Credit(NamedTuple):
    """A photo credit at the end of a line: the people and agencies it names, as spans."""

    start: int
    end: int
    people: tuple[tuple[int, int], ...]
    agencies: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1)
def credit_pattern() -> re.Pattern[str]:
    """A photo credit at the end of a line, before parsing into people and agencies.

    Matches "Yuriko Nakao/Reuters", "AP Photo/Eugene Hoshiko", "(Photo: Kyodo/Reuters)",
    "U.S. Air Force photo" and "Kiyoshi Ota/Pool Photo via AP"; :func:`parse_credit`
    decides whether the match really is a credit.
    """
    agency = rf"(?:{_agencies()})(?: [Pp]hoto| Pool)?"
    part = rf"(?:(?:Pool )?[Pp]hoto via )?(?:{agency}|{NAME})"
    prefix = r"(?:(?:Photo(?:graph)?s?|Images?|Credit|Pictures?)(?: by)?:?\s*)"
    body = rf"{part}(?:\s*(?:/|\bvia\b)\s*{part})*(?:\s+[Pp]hoto(?:\s+by\s+{NAME})?)?"
    return re.compile(rf"(?P<open>[(\[]\s*)?(?P<prefix>{prefix})?(?P<body>{body})\s*[)\]]?\s*$")


NAME = r"(?:[A-Z][\w'’-]*|[A-Z]\.)(?:[ -](?:[A-Z][\w'’-]*|[A-Z]\.)){0,3}"
"""A photographer's name: up to four capitalised words or initials."""


def parse_credit(match: re.Match[str]) -> Credit | None:
    """The people and agencies of a :func:`credit_pattern` match, or ``None`` if it is not a credit.

    A credit names at least one agency and is marked as a credit by a slash,
    "via", the word "photo" or a "Photo:" prefix ("(Reuters)" alone is a source,
    not a credit); "Kyodo/Reuters" names two agencies and no person.

    >>> parse_credit(credit_pattern().search("Kiyoshi Ota/Pool Photo via AP"))
    Credit(start=0, end=29, people=((0, 11),), agencies=((27, 29),))
    >>> parse_credit(credit_pattern().search("talks with Japan's Self-Defense Forces")) is None
    True
    """
    start, end = match.span("body")
    text = match.string
    people: list[tuple[int, int]] = []
    agencies: list[tuple[int, int]] = []
    for part in re.finditer(r"[^/]+?(?=\s*(?:/|\bvia\b|\s[Pp]hoto\s+by\b|$))", text[start:end]):
        span = _part_span(text, start + part.start(), start + part.end())
        if span is None:
            continue
        kind = agencies if _is_agency(text[span[0] : span[1]]) else people
        kind.append(span)
    marked = match.group("prefix") or re.search(r"/|\bvia\b|[Pp]hoto", text[start:end])
    if not agencies or not marked:
        return None
    return Credit(match.start(), match.end(), tuple(people), tuple(agencies))


def _part_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name inside one part of a credit, without "via", "photo by" or a trailing "Photo"."""
    part = text[start:end]
    lead_match = re.match(r"\s*(?:via\s+|(?:Pool )?[Pp]hoto via\s+|[Pp]hoto\s+by\s+|by\s+)?", part)
    assert lead_match is not None  # every part of the pattern is optional, so it always matches
    lead = lead_match.end()
    name = re.sub(r"\s+(?:[Pp]hoto|Pool)$", "", part[lead:].rstrip())
    if not name or name == "Pool":
        return None
    return start + lead, start + lead + len(name)


def _is_agency(name: str) -> bool:
    return bool(re.fullmatch(_agencies(), name))


@lru_cache(maxsize=1)
def _agencies() -> str:
    agencies = sorted(words("photo-agencies"), key=len, reverse=True)
    return "|".join(re.escape(a) for a in agencies)


def find_credits(text: str, segments: Iterable[Segment]) -> Iterator[Credit]:
    """Yield the parsed credits of ``text``'s credit segments."""
    for segment in segments:
        if segment.kind == "credit":
            credit = credit_in(text, segment.start, segment.end)
            if credit:
                yield credit


def credit_in(text: str, start: int, end: int) -> Credit | None:
    """The credit at the end of ``text[start:end]``, or ``None``."""
    match = credit_pattern().search(text, start, end)
    return parse_credit(match) if match else None
