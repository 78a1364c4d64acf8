"""Acronyms a document defines: "the Extended Deterrence Dialogue (EDD)" makes every "EDD" of it that name.

A name followed by its initials in brackets, or after a comma at the end of
a clause ("the Quadrennial Defense Review, QDR."), defines an acronym.  The
initials must be those of the name's capitalised words, in order; the
initials of its function words ("of", "on", "the") may be in the acronym or
not ("Status of Forces Agreement (SOFA)", "Special Action Committee on
Okinawa (SACO)"), and so may those of the parts of a hyphenated word
("Japan Self-Defense Forces (JSDF)").  Every occurrence of the acronym in
the document, as a word of its own, is then a mention of the name's label
and link, whatever the model read it as ("EDD" as an ORG, "GIA" as an ORG
where the name is a treaty); an occurrence inside a longer mention is
left to it.

>>> text = "They met at the Extended Deterrence Dialogue (EDD) in Tokyo. The EDD gives Japan a voice."
>>> at = lambda word, label, kb=None: Mention(text.index(word), text.index(word) + len(word), label, kb, "model")
>>> found = [at("Extended Deterrence Dialogue", "EVENT"), at("EDD", "ORG"), at("Tokyo", "GPE", "Q1490")]
>>> [(text[m.start:m.end], m.label) for m in acronyms_of_names(text, found)]
[('Extended Deterrence Dialogue', 'EVENT'), ('EDD', 'EVENT'), ('Tokyo', 'GPE'), ('EDD', 'EVENT')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import NAMED_LABELS
from ..resources.lexicons import word_set
from .mention import Mention, SpanIndex

DEFINED_AFTER = re.compile(r"[^\S\n]*(?:\([^\S\n]*(?P<bracketed>[A-Z][A-Z&]{1,7})[^\S\n]*\)|,[^\S\n]+(?P<after_comma>[A-Z][A-Z&]{1,7})(?=[.;]))")
"""An acronym right after a name: in brackets, or after a comma at the end of a clause."""
NAME_WORD = re.compile(r"[^\W\d_][\w'’]*(?:[-‐‑][\w'’]+)*")
"""A word of a name, a hyphenated one whole ("Self-Defense")."""


def acronyms_of_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with every acronym a name of the document defines read as that name (see the module docstring)."""
    defined: dict[str, Mention] = {}
    for mention in mentions:
        if mention.label not in NAMED_LABELS:
            continue
        after = DEFINED_AFTER.match(text, mention.end)
        acronym = (after.group("bracketed") or after.group("after_comma")) if after else None
        if acronym and acronym not in defined and _initials_fit(acronym, text[mention.start : mention.end]):
            defined[acronym] = mention
    if not defined:
        return list(mentions)
    by_span = {(m.start, m.end): m for m in mentions}
    taken = SpanIndex.of(mentions)  # an occurrence inside (or across) another mention is that mention's
    read = dict(by_span)
    occurrences = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True))) + r")(?![\w-])")
    for found in occurrences.finditer(text):  # one pass for all of them, however many the document defines
        span, name = found.span(), defined[found.group()]
        own = by_span.get(span)
        if (own is None and taken.overlaps(*span)) or (own is not None and own.kb_id and not name.kb_id):
            continue  # inside a longer name, or linked by the gazetteer where the name is not
        read[span] = replace(own, label=name.label, kb_id=name.kb_id) if own is not None else Mention(*span, name.label, name.kb_id, "context")
    return sorted(read.values(), key=lambda m: (m.start, m.end))


def _initials_fit(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name``'s words (see the module docstring).

    >>> [_initials_fit(a, n) for a, n in [("SOFA", "Status of Forces Agreement"), ("JSDF", "Japan Self-Defense Forces"),
    ...                                    ("SACO", "Special Action Committee on Okinawa"), ("NPR", "National Defense Review")]]
    [True, True, True, False]
    """
    pattern = "".join(_initial(word) for word in NAME_WORD.findall(name))
    return re.fullmatch(pattern, acronym) is not None


def _initial(word: str) -> str:
    """The pattern of one word's initial: required for a capitalised word, optional for a function word; a hyphenated word's later parts optional."""
    first, *rest = re.split(r"[-‐‑]", word)
    head = re.escape(first[:1].upper()) if first else ""
    if first.lower() in word_set("name-function-words") or not first[:1].isupper():
        head = f"(?:{head})?"
    return head + "".join(f"(?:{re.escape(part[:1].upper())})?" for part in rest if part)
