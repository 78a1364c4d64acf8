"""Mark the role of each line: body prose, heading, photo caption and credit, boilerplate.

Scraped articles carry photo captions with their credit ("... addresses U.S.
and Japanese forces. Yuriko Nakao/Reuters"), headings and site boilerplate
inside the body.  Segments keep the text as it is and say what each stretch
is, so that analyses can skip captions and boilerplate, and the entity step
can read a credit as a person and an agency.

>>> text = "Panetta addresses troops. Yuriko Nakao/Reuters\\nThe alliance began in 1951."
>>> [(s.kind, text[s.start:s.end]) for s in find_segments(text)]
[('caption', 'Panetta addresses troops.'), ('credit', 'Yuriko Nakao/Reuters'), ('body', 'The alliance began in 1951.')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

import orjson

from ..records import Segment
from ..resources import package_data

HEADING_MAX_WORDS = 16


@lru_cache(maxsize=1)
def segment_lexicon() -> dict:
    """Photo agencies and boilerplate line patterns, from ``data/segments.json``."""
    return orjson.loads(package_data("segments.json").read_bytes())


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
    people, agencies = [], []
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
    lead = re.match(r"\s*(?:via\s+|(?:Pool )?[Pp]hoto via\s+|[Pp]hoto\s+by\s+|by\s+)?", part).end()
    name = re.sub(r"\s+(?:[Pp]hoto|Pool)$", "", part[lead:].rstrip())
    if not name or name == "Pool":
        return None
    return start + lead, start + lead + len(name)


def _is_agency(name: str) -> bool:
    return bool(re.fullmatch(_agencies(), name))


@lru_cache(maxsize=1)
def _agencies() -> str:
    agencies = sorted(segment_lexicon()["agencies"], key=len, reverse=True)
    return "|".join(re.escape(a) for a in agencies)


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in segment_lexicon()["boilerplate"]), re.IGNORECASE)


def find_segments(text: str) -> list[Segment]:
    """Split ``text`` into line segments and give each its kind.

    A short line just before a line that holds only a credit is that photo's caption.
    """
    segments = [segment for line in _lines(text) for segment in _classify(text, *line)]
    for i, (segment, following) in enumerate(zip(segments, segments[1:])):
        if segment.kind == "body" and following.kind == "credit" and _own_line(text, segment, following):
            if _looks_like_caption(text[segment.start : segment.end]):
                segments[i] = Segment(start=segment.start, end=segment.end, kind="caption")
    return segments


def _own_line(text: str, segment: Segment, following: Segment) -> bool:
    between = text[segment.end : following.start]
    return "\n" in between and not between.strip()


def find_credits(text: str, segments: list[Segment]) -> Iterator[Credit]:
    """Yield the parsed credits of ``text``'s credit segments."""
    for segment in segments:
        if segment.kind == "credit":
            credit = _credit_in(text, segment.start, segment.end)
            if credit:
                yield credit


def _credit_in(text: str, start: int, end: int) -> Credit | None:
    match = credit_pattern().search(text, start, end)
    return parse_credit(match) if match else None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        stripped = match.group()
        start += len(stripped) - len(stripped.lstrip())
        end -= len(stripped) - len(stripped.rstrip())
        if end > start:
            yield start, end


def _classify(text: str, start: int, end: int) -> list[Segment]:
    line = text[start:end]
    credit = _credit_in(line, 0, len(line))
    if credit and _looks_like_caption(line[: credit.start]):
        caption_end = start + len(line[: credit.start].rstrip())
        parts = [Segment(start=start, end=caption_end, kind="caption")] if caption_end > start else []
        return parts + [Segment(start=start + credit.start, end=end, kind="credit")]
    if boilerplate_pattern().fullmatch(line):
        return [Segment(start=start, end=end, kind="boilerplate")]
    if _looks_like_heading(line):
        return [Segment(start=start, end=end, kind="heading")]
    return [Segment(start=start, end=end, kind="body")]


def _looks_like_caption(before_credit: str) -> bool:
    # A caption is one short sentence (or nothing) before the credit.
    sentence_ends = len(re.findall(r"[a-z]{2}[.!?](?:\s|$)", before_credit))
    return len(before_credit.split()) <= 40 and sentence_ends <= 2


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    return line.endswith("?") or not line.endswith((".", "!", ":", ";", ",", "”", '"'))
