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
from typing import Iterator

import orjson

from ..records import Segment
from ..resources import package_data

HEADING_MAX_WORDS = 16


@lru_cache(maxsize=1)
def segment_lexicon() -> dict:
    """Photo agencies and boilerplate line patterns, from ``data/segments.json``."""
    return orjson.loads(package_data("segments.json").read_bytes())


@lru_cache(maxsize=1)
def credit_pattern() -> re.Pattern[str]:
    """A photographer and an agency at the end of a line, in either order.

    "Yuriko Nakao/Reuters" and "AP Photo/Eugene Hoshiko" both match; the
    groups ``person`` and ``agency`` (or ``agency2`` and ``person2``) hold them.
    """
    agencies = "|".join(re.escape(a) for a in sorted(segment_lexicon()["agencies"], key=len, reverse=True))
    name = r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}"
    by_person = rf"(?P<person>{name})\s*/\s*(?P<agency>{agencies})(?: Photo)?"
    by_agency = rf"(?P<agency2>{agencies})(?: Photo)?\s*/\s*(?P<person2>{name})"
    return re.compile(rf"(?:(?:Photo|Image|Credit)(?: by)?:?\s*)?(?:{by_person}|{by_agency})\s*$")


def credit_parts(match: re.Match[str]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The spans of the photographer and of the agency in a :func:`credit_pattern` match."""
    person = "person" if match.group("person") else "person2"
    agency = "agency" if match.group("agency") else "agency2"
    return match.span(person), match.span(agency)


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in segment_lexicon()["boilerplate"]), re.IGNORECASE)


def find_segments(text: str) -> list[Segment]:
    """Split ``text`` into line segments and give each its kind."""
    return [segment for line in _lines(text) for segment in _classify(text, *line)]


def find_credits(text: str, segments: list[Segment]) -> Iterator[re.Match[str]]:
    """Yield the credit matches of ``text``'s credit segments (groups ``person`` and ``agency``)."""
    for segment in segments:
        if segment.kind == "credit":
            match = credit_pattern().search(text, segment.start, segment.end)
            if match:
                yield match


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
    credit = credit_pattern().search(line)
    if credit and _looks_like_caption(line[: credit.start()]):
        caption_end = start + len(line[: credit.start()].rstrip())
        parts = [Segment(start=start, end=caption_end, kind="caption")] if caption_end > start else []
        return parts + [Segment(start=start + credit.start(), end=end, kind="credit")]
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
