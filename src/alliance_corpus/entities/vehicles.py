"""Aircraft and classes of ship are products, as OntoNotes labels vehicles: "KC-130J Super Hercules", "Nimitz-class".

The model reads aircraft as organisations or places ("CH-46E" as an ORG,
"Lockheed" before "P-2 Neptune" as the company) and the name of a class of
ship as a person or a place.

- An aircraft's designation is one or two capital letters, a hyphen and a
  number, perhaps a letter after it ("F-35B", "KC-130J", "RB-36s").  With
  the capitalised words of its nickname after it ("Sea Knight", "Super
  Hercules") and its maker before it, where the model read the maker as a
  name of its own ("Lockheed P-2 Neptune"), it is one PRODUCT, and so is
  a model mention that holds it ("Convair B-36 Peacemaker").  Three
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

from .mention import Mention, read_whole

DESIGNATION = re.compile(r"(?<![\w-])[A-Z]{1,2}-\d{1,3}[A-Z]?s?(?![\w-])")
"""An aircraft's designation: "F-35B", "KC-130J", "RB-36s" (not "VMM-265", a squadron)."""
NICKNAME_AFTER = re.compile(r"(?:[^\S\n]+[A-Z][a-z][\w'’-]*){1,3}")
"""Capitalised words right after a designation: its nickname ("Super Hercules")."""
CLASS_AFTER = re.compile(r"[-‐‑]class\b")


def vehicles_read_as_products(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with aircraft and classes of ship read as PRODUCT mentions (see the module docstring)."""
    makers = {m.end: m for m in mentions if m.source == "model"}
    spans = []
    for designation in DESIGNATION.finditer(text):
        start, end = designation.span()
        maker = makers.get(start - 1) if text[start - 1 : start] == " " else None
        nickname = NICKNAME_AFTER.match(text, end)
        spans.append(((maker.start if maker is not None else start, nickname.end() if nickname else end), "PRODUCT"))
    found = read_whole(mentions, spans, relabel=True) if spans else list(mentions)
    starts, ends = [start for (start, _), _ in spans], [end for (_, end), _ in spans]  # in text order, none overlapping
    found = [replace(m, label="PRODUCT", kb_id=None) if _holds(m, starts, ends) else m for m in found]  # "Convair B-36 Peacemaker", read whole
    return [_ship_class(text, m) for m in found]


def _holds(mention: Mention, starts: list[int], ends: list[int]) -> bool:
    """Whether a model ``mention`` holds one of the aircraft spans (``starts`` and ``ends`` sorted, the spans disjoint)."""
    first = bisect_left(starts, mention.start)  # the first span that starts inside the mention, if any
    return mention.source == "model" and first < len(starts) and ends[first] <= mention.end


def _ship_class(text: str, mention: Mention) -> Mention:
    """A model mention right before (or ending in) "-class" as the PRODUCT it names, without the "-class"."""
    if mention.source != "model":
        return mention
    inside = CLASS_AFTER.search(text, mention.start, mention.end)
    if inside is not None and inside.end() == mention.end:
        return replace(mention, end=inside.start(), label="PRODUCT", kb_id=None)
    return replace(mention, label="PRODUCT", kb_id=None) if CLASS_AFTER.match(text, mention.end) else mention
