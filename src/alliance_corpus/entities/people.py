"""A person's name read whole: with the nickname in quotes inside it, and with the generational suffix after it.

Biographies and programmes write "LtGen Lawrence “Larry” Nicholson" and
"President Joseph R. Biden, Jr."; the model stops at "Lawrence" and at
"Biden".  A person mention followed by a nickname in quotation marks and a
capitalised surname on the same line takes both in (it is linked when the
name without the nickname is a gazetteer name); one followed by "Jr.",
"Sr." or a Roman numeral (``generational-suffixes``), with or without a
comma, takes the suffix in and keeps its link.

>>> from alliance_corpus.resources import Resources
>>> text = "LtGen Lawrence “Larry” Nicholson and President Joseph R. Biden, Jr. spoke; Mike (Tokyo) Smith"
>>> found = [Mention(6, 14, "PERSON", None, "model"), Mention(47, 62, "PERSON", "Q6279", "gazetteer"), Mention(75, 79, "PERSON", None, "model")]
>>> [(text[m.start:m.end], m.kb_id) for m in people_read_whole(text, found, Resources.bundled().gazetteer)]
[('Lawrence “Larry” Nicholson', None), ('Joseph R. Biden, Jr.', 'Q6279'), ('Mike', None)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import words
from .mention import Mention, SpanIndex

NICKNAME_AND_SURNAME = re.compile(r"[^\S\n]+(?:“[A-Z][\w.-]*”|\"[A-Z][\w.-]*\"|‘[A-Z][\w.-]*’|'[A-Z][\w.-]*')[^\S\n]+([A-Z][\w'’-]+)")
"""A nickname in quotation marks, then the surname: ' “Larry” Nicholson'."""


def people_read_whole(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with each person's nickname and surname, or generational suffix, read into the name (see the module docstring)."""
    grown: dict[Mention, Mention] = {}
    for person in (m for m in mentions if m.label == "PERSON"):
        found = NICKNAME_AND_SURNAME.match(text, person.end)
        if found is not None:
            plain = f"{text[person.start : person.end]} {found.group(1)}"
            entry = gazetteer.lookup(plain) if person.kb_id is None else gazetteer.by_id.get(person.kb_id)
            grown[person] = Mention(person.start, found.end(), "PERSON", entry.id if entry is not None else None, "context")
            continue
        suffix = _suffix().match(text, person.end)
        if suffix is not None:
            grown[person] = replace(person, end=suffix.end(), source="context" if person.source == "gazetteer" else person.source)
    kept = [m for m in mentions if m in grown or not any(g.start <= m.start and m.end <= g.end for g in grown.values())]
    return sorted((grown.get(m, m) for m in kept), key=lambda m: (m.start, m.end))


@lru_cache(maxsize=1)
def _suffix() -> re.Pattern[str]:
    """A generational suffix right after a name, with or without a comma: ', Jr.', ' III'."""
    endings = [re.escape(suffix) + ("" if suffix.endswith(".") else r"(?![\w-])") for suffix in words("generational-suffixes")]
    return re.compile(rf",?[^\S\n]+(?:{'|'.join(endings)})")


ET_AL = re.compile(r"[^\S\n]+et[^\S\n]+al\b\.?")
"""' et al.' after an author's surname in a citation ("Hook et al. 2012")."""
AUTHOR = re.compile(r"[A-Z][^\W\d_]*(?:['’-][A-Z]?[^\W\d_]+)*(?:[^\S\n]+[A-Z][^\W\d_]*(?:['’-][A-Z]?[^\W\d_]+)*)?")
"""One or two capitalised words, as a citation names its first author ("Hook", "Van Evera", "O'Hanlon")."""
CITED_SURNAME = re.compile(r"(?<![\w'’.-])[A-Z][^\W\d_]+(?:['’-][A-Z]?[^\W\d_]+)*(?=[^\S\n]+et[^\S\n]+al\b)")
"""A capitalised word right before "et al." that no mention holds: the surname of a cited first author ("Cha et al. 2016")."""


def authors_before_et_al(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with the first author of each "X et al." citation a PERSON, and " et al." no part of the name.

    "et al." follows nothing but the names of people, so a model mention
    that ends in it, or stands right before it, is its author's surname,
    whatever label the model gave it.  A mention linked to the gazetteer is
    left as it is.

    >>> text = "see Hook et al. 2012; Samuels et al. (2019); Smith 2001"
    >>> found = [Mention(4, 14, "PERSON", None, "model"), Mention(22, 29, "ORG", None, "model"), Mention(45, 50, "PERSON", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in authors_before_et_al(text, found)]
    [('Hook', 'PERSON'), ('Samuels', 'PERSON'), ('Smith', 'PERSON')]

    A surname before "et al." that the model did not read becomes a mention of its own:

    >>> text = "(Cha et al. 2016)"
    >>> [text[m.start:m.end] for m in authors_before_et_al(text, [])]
    ['Cha']
    """
    found = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        inside = ET_AL.search(surface)
        end = mention.start + inside.start() if inside is not None else mention.end
        cited = inside is not None or ET_AL.match(text, mention.end) is not None
        if cited and mention.kb_id is None and AUTHOR.fullmatch(text, mention.start, end):
            mention = replace(mention, end=end, label="PERSON")
        found.append(mention)
    taken = SpanIndex((m.start, m.end) for m in found)
    unread = [Mention(m.start(), m.end(), "PERSON", None, "context") for m in CITED_SURNAME.finditer(text) if not taken.overlaps(m.start(), m.end())]
    return sorted([*found, *unread], key=lambda m: (m.start, m.end)) if unread else found
