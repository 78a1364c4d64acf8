"""Gazetteer linking: a mention whose text is a gazetteer name gets that entity's id and label.

The gazetteer is authoritative for its names: its label replaces the model's.

>>> from alliance_corpus.resources import Resources
>>> link_by_name("Okinawa", Mention(0, 7, "PERSON", None, "model"), Resources.bundled().gazetteer).kb_id
'Q766445'
"""

from __future__ import annotations

from dataclasses import replace

from ..resources.gazetteer import Gazetteer
from .mention import Mention


def link_by_name(text: str, mention: Mention, gazetteer: Gazetteer) -> Mention:
    """``mention`` with the id and label of the entity its text names, if any."""
    if mention.kb_id:
        entry = gazetteer.by_id.get(mention.kb_id)
        return replace(mention, label=entry.label) if entry else mention
    entry = gazetteer.link(text[mention.start : mention.end])
    if entry is None:
        return mention
    return replace(mention, label=entry.label, kb_id=entry.id)
