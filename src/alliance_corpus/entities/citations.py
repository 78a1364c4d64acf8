"""Author–year citations: "(Mearsheimer 2001; Walt 1987)" names two people and two years.

Scholarly prose cites its sources in parentheses as the authors' surnames
and the year.  The model reads "Mearsheimer 2001" as one DATE and misses
"Walt"; a cited surname is a PERSON and its year a DATE.  Each part of a
parenthesis, between semicolons, must be nothing but one to three
capitalised surnames (joined by commas, "and" or "&", or followed by "et
al."), the year or years, and perhaps the pages.  A word the gazetteer knows
as something other than a person ("(Okinawa 1945)"), a month or a day
(``month-names``, ``day-names``), a season (``season-names``: a journal's
issue, "(Winter 2001)") or an acronym ("(MOFA 2015)", an
organisation as author) is no author, and its part is left alone.

>>> from alliance_corpus.resources import Resources
>>> text = "Realists disagree (Mearsheimer 2001; Walt 1987, 12)."
>>> found = [Mention(19, 35, "DATE", None, "model"), Mention(42, 46, "DATE", None, "model")]
>>> [(text[m.start:m.end], m.label) for m in authors_of_cited_years(text, found, Resources.bundled().gazetteer)]
[('Mearsheimer', 'PERSON'), ('2001', 'DATE'), ('Walt', 'PERSON'), ('1987', 'DATE')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import words
from .mention import Mention, SpanIndex

SURNAME = r"[A-Z][^\W\d_]+(?:['’-][A-Z]?[^\W\d_]+)*"
"""A capitalised surname, with inner apostrophes or hyphens ("O'Hanlon", "Smith-Jones")."""
PARENTHESIS = re.compile(r"\(([^()\n]{1,400})\)")
CITED_WORK = re.compile(
    rf"(?:(?:see|cf\.|e\.g\.,?)[^\S\n]+)?(?P<authors>{SURNAME}(?:(?:,[^\S\n]+|,?[^\S\n]+(?:and|&)[^\S\n]+){SURNAME}){{0,2}}"
    rf"(?:[^\S\n]+et[^\S\n]+al\.)?),?[^\S\n]+(?P<years>(?:19|20)\d\d[a-z]?(?:,[^\S\n]*(?:19|20)\d\d[a-z]?)*)"
    r"(?:,[^\S\n]+(?:pp?\.[^\S\n]*)?\d+(?:[–-]\d+)?)?"
)
"""One cited work: its authors' surnames, the year or years, perhaps the pages ("Walt 1987, 12")."""
AUTHOR_WORD = re.compile(SURNAME)


def authors_of_cited_years(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with each cited surname a PERSON and each cited year a DATE (see the module docstring).

    A mention that covers a cited surname and more, or covers it with
    another label, gives way; a PERSON mention of exactly the surname stays,
    with its link.
    """
    works = list(_cited_works(text, gazetteer))
    if not works:
        return list(mentions)
    authors = [span for names, _ in works for span in names]
    cited = SpanIndex(authors)
    kept = [m for m in mentions if not cited.overlaps(m.start, m.end) or ((m.start, m.end) in authors and m.label == "PERSON")]
    taken = SpanIndex((m.start, m.end) for m in kept)
    added = [Mention(start, end, "PERSON", None, "context") for start, end in authors if not taken.overlaps(start, end)]
    added += [Mention(start, end, "DATE", None, "context") for _, (start, end) in works if not taken.overlaps(start, end)]
    return sorted([*kept, *added], key=lambda m: (m.start, m.end))


def _cited_works(text: str, gazetteer: Gazetteer) -> Iterator[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """The surnames' spans and the years' span of every cited work in a parenthesis of ``text``."""
    for parenthesis in PARENTHESIS.finditer(text):
        offset = parenthesis.start(1)
        for part in re.finditer(r"[^;]+", parenthesis.group(1)):
            start = offset + part.start() + len(part.group()) - len(part.group().lstrip())
            found = CITED_WORK.fullmatch(text, start, offset + part.start() + len(part.group().rstrip()))
            if found is None:
                continue
            first = found.start("authors")
            names = [(first + w.start(), first + w.end()) for w in AUTHOR_WORD.finditer(found.group("authors"))]  # "and", "et al." are lower case: no surnames
            if names and all(_may_be_author(text[s:e], gazetteer) for s, e in names):
                yield names, found.span("years")


def _may_be_author(word: str, gazetteer: Gazetteer) -> bool:
    """Whether ``word`` can be a cited author's surname: not an acronym, a date word, or a known non-person.

    >>> from alliance_corpus.resources import Resources
    >>> [_may_be_author(w, Resources.bundled().gazetteer) for w in ("Walt", "MOFA", "January", "Winter", "Okinawa", "Kissinger")]
    [True, False, False, False, False, True]
    """
    if word.isupper() or word in _date_words():
        return False
    known = gazetteer.lookup(word)
    return known is None or known.label == "PERSON"


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    return frozenset(words("month-names")) | frozenset(words("day-names")) | frozenset(words("season-names"))
