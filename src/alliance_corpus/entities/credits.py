"""Mentions read from photo credits: "Yuriko Nakao/Reuters" gives a PERSON and an ORG.

The credits themselves are found by :mod:`alliance_corpus.layout.credits`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..layout.credits import Credit
from ..resources.gazetteer import Gazetteer
from .mention import Mention


def credit_mentions(credits: Iterable[Credit], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """A PERSON per photographer and an ORG per agency of each photo credit.

    "Yuriko Nakao/Reuters" gives a PERSON and an ORG; "Kyodo/Reuters" two ORGs.
    """
    mentions = []
    for credit in credits:
        for start, end in credit.people:
            mentions.append(Mention(start, end, "PERSON", None, "caption"))
        for start, end in credit.agencies:
            agency = gazetteer.lookup(text[start:end])
            mentions.append(Mention(start, end, "ORG", agency.id if agency else None, "caption"))
    return sorted(mentions, key=lambda m: m.start)
