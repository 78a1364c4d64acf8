"""Labels from head words: a model mention ending in "Law" is a LAW, in "Air Base" a FAC, in "University" an ORG.

The head words, the labels that may be changed and the court-case separators
are the ``labels`` lexicon (``label-heads``, ``relabel-from``, ``case-separators``).
"""

from __future__ import annotations

from dataclasses import replace

from ..resources.lexicons import labelled, words
from .mention import Mention


def head_labels() -> dict[str, str]:
    """Head word -> label (``label-heads``)."""
    return labelled("label-heads")


def relabel_documents(text: str, mention: Mention) -> Mention:
    """Relabel a model mention by its last word, or as a LAW when it names a court case (the ``labels`` lexicon).

    >>> text = "the International Peace Cooperation Law passed; Wilson v. Girard; Itazuke Air Base"
    >>> [relabel_documents(text, Mention(s, e, l, None, "model")).label for s, e, l in [(4, 39, "ORG"), (48, 64, "ORG"), (66, 83, "PERSON")]]
    ['LAW', 'LAW', 'FAC']
    """
    surface = text[mention.start : mention.end]
    tokens = surface.split()
    if mention.source != "model" or mention.label not in words("relabel-from") or len(tokens) < 2:
        return mention
    if any(separator in surface for separator in words("case-separators")):
        return replace(mention, label="LAW")
    return replace(mention, label=head_labels().get(tokens[-1], mention.label))
