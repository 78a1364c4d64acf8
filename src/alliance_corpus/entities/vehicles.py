"""Aircraft and classes of ship are products, as OntoNotes labels vehicles: "KC-130J Super Hercules", "Nimitz-class".

The model reads aircraft as organisations or places ("CH-46E" as an ORG,
"Lockheed" before "P-2 Neptune" as the company) and the name of a class of
ship as a person or a place.

- An aircraft's designation is one or two capital letters, a hyphen and a
  number, perhaps a letter after it ("F-35B", "KC-130J", "RB-36s").  With
  the capitalised words of its nickname after it ("Sea Knight", "Super
  Hercules") and its maker before it, where the model read the maker as an
  organisation of one word that is no service ("Lockheed P-2 Neptune", not
  "Air Force F-35A"), it is one PRODUCT, and so is
  a mention that holds it ("Convair B-36 Peacemaker").  Three
  letters or more name a squadron ("VMM-265"), which is an ORG, and are
  left alone.
- A name right before "-class" names a class of ship ("Nimitz-class",
  "Arleigh Burke-class"): a PRODUCT, without the "-class".

>>> text = "Lockheed P-2 Neptune and CH-46E Sea Knight helicopters joined the Nimitz-class carrier and VMM-265."
>>> found = [Mention(0, 8, "ORG", None, "model"), Mention(25, 31, "ORG", None, "model"), Mention(66, 72, "GPE", None, "model")]
>>> [(text[m.start:m.end], m.label) for m in vehicles_read_as_products(text, found)]
[('Lockheed P-2 Neptune', 'PRODUCT'), ('CH-46E Sea Knight', 'PRODUCT'), ('Nimitz', 'PRODUCT')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..resources.lexicons import words
from .mention import Mention, read_whole

DESIGNATION = re.compile(r"(?<![\w-])[A-Z]{1,2}-\d{1,3}[A-Z]?s?(?![\w-])")
"""An aircraft's designation: "F-35B", "KC-130J", "RB-36s" (not "VMM-265", a squadron)."""
NICKNAME_AFTER = re.compile(r"(?:[^\S\n]+[A-Z][a-z][\w'’-]*){1,3}")
"""Capitalised words right after a designation: its nickname ("Super Hercules")."""
CLASS_AFTER = re.compile(r"[-‐‑]class\b")


def vehicles_read_as_products(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with aircraft and classes of ship read as PRODUCT mentions (see the module docstring)."""
    makers = {m.end: m for m in mentions if _maker(text, m)}
    spans = []
    designations = list(DESIGNATION.finditer(text))
    for designation in designations:
        start, end = designation.span()
        maker = makers.get(start - 1) if text[start - 1 : start] == " " else None
        nickname = NICKNAME_AFTER.match(text, end)
        spans.append(((maker.start if maker is not None else start, nickname.end() if nickname else end), "PRODUCT"))
    found = read_whole(mentions, spans, relabel=True) if spans else list(mentions)
    starts, ends = [d.start() for d in designations], [d.end() for d in designations]  # in text order, none overlapping
    found = [replace(m, label="PRODUCT", kb_id=None) if _holds(m, starts, ends) else m for m in found]  # "Convair B-36 Peacemaker", read whole
    return [_ship_class(text, m) for m in found]


def _maker(text: str, mention: Mention) -> bool:
    """Whether ``mention`` can be an aircraft's maker: one word the model read as an ORG, not a service ("Marine", "Air Force")."""
    surface = text[mention.start : mention.end]
    return mention.source == "model" and mention.label == "ORG" and " " not in surface and surface not in _service_words()


@lru_cache(maxsize=1)
def _service_words() -> frozenset[str]:
    """The words that open a service's name (``service-heads``: "Marine" of "Marine Corps")."""
    return frozenset(value.split()[0] for value in words("service-heads"))


def _holds(mention: Mention, starts: list[int], ends: list[int]) -> bool:
    """Whether ``mention``, read by the model or from the words around it, holds one of the aircraft's designations.

    ``starts`` and ``ends`` are the designations' spans, sorted and disjoint.
    A gazetteer mention is what the gazetteer says.
    """
    first = bisect_left(starts, mention.start)  # the first span that starts inside the mention, if any
    return mention.source in {"model", "context"} and mention.label != "PRODUCT" and first < len(starts) and starts[first] < mention.end and ends[first] <= mention.end


def _ship_class(text: str, mention: Mention) -> Mention:
    """A model mention right before (or ending in) "-class" as the PRODUCT it names, without the "-class"."""
    if mention.source != "model":
        return mention
    inside = CLASS_AFTER.search(text, mention.start, mention.end)
    if inside is not None and inside.end() == mention.end:
        return replace(mention, end=inside.start(), label="PRODUCT", kb_id=None)
    return replace(mention, label="PRODUCT", kb_id=None) if CLASS_AFTER.match(text, mention.end) else mention
