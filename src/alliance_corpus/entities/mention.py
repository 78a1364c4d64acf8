"""A mention as the entity steps pass it around: a span, a label, a link and where it came from.

The entity steps work on plain :class:`Mention` values, not on spaCy objects,
so they run on the whole document after the model has read it in chunks, and
they are tested without a model.

>>> overlay([Mention(0, 5, "ORG", None, "model")], [Mention(0, 12, "PERSON", None, "caption")])
[Mention(start=0, end=12, label='PERSON', kb_id=None, source='caption')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """An entity mention in the restored text, before it becomes a record."""

    start: int
    end: int
    label: str
    kb_id: str | None
    source: str


def overlay(mentions: Sequence[Mention], preferred: Sequence[Mention]) -> list[Mention]:
    """``preferred`` mentions, plus those of ``mentions`` that overlap none of them."""
    kept = [m for m in mentions if not any(m.start < p.end and p.start < m.end for p in preferred)]
    return sorted([*kept, *preferred], key=lambda m: (m.start, m.end))
