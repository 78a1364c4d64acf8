"""Fixed collocations with one word brought back in another sense of its Vietnamese translation, or as a spinner's synonym.

A round trip through Vietnamese renders each word of a term and brings back
whichever English sense comes first: "collective self-defense" goes out as
"tự vệ tập thể" and can come back as "group self-defense" ('tập thể' is both
"collective" and "group"), "regional security" as "regional safety" ('an
ninh').  An article spinner swaps words for thesaurus synonyms one at a time
and makes "upper house" "upper home".  The names step puts such words back in
known names; this step does the same for the collocations of the lexicon
list ``domain-phrases`` ("field hospital", "cast ballots"), with the pairs of
the list ``phrase-senses`` ("Safety=Security", "Home=House"): only those
whose stand-in is no idiomatic English in such a term ("security pact" is
English, so "Pact=Treaty", a pair of the names step, is not one of them).

A window changes only when it is a term with exactly one word replaced by a
stand-in, no other term fits it, it is not itself a term, it is not
capitalised throughout (a name in title case is the names step's), and the
stand-in and its neighbour are not a pair of words English often writes
together (symspellpy's two-word list): "the highest court ruled" is English
as it stands, so "highest" is not put back as "supreme".  The step runs on
spun texts only.

>>> text = "Tokyo reinterpreted its right to group self-defense to strengthen regional safety."
>>> [(text[c.start:c.end], c.replacement) for c in fix_phrase_senses(text)]
[('group', 'collective'), ('safety', 'security')]
>>> text = "Volunteers lifted money for a farm hospital, and the upper home voted."
>>> [(text[c.start:c.end], c.replacement) for c in fix_phrase_senses(text)]
[('lifted', 'raised'), ('farm', 'field'), ('home', 'house')]
>>> fix_phrase_senses("The Regional Safety Forum met.")  # title case: a name, not the term
[]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources.english import attested_pairs
from ...resources.lexicons import words
from ...text.edits import Change
from ...text.phrases import PhraseSearch

FUNCTION_WORDS = frozenset(words("name-function-words"))


def fix_phrase_senses(text: str) -> list[Change]:
    """The stand-in word of each term of ``domain-phrases`` found with one word in another sense, put back."""
    variants, search = _variants()
    if search is None:
        return []
    changes = []
    for match in search.finditer(text):
        found = match.group().split()
        if all(word[:1].isupper() for word in found if word[:1].isalpha()):
            continue
        fits = variants[tuple(word.lower() for word in found)]
        if len(fits) != 1:
            continue
        term, position = next(iter(fits))
        start = match.start() + _word_offset(match.group(), position)
        stand_in = found[position]
        original = term.split()[position]
        replacement = original[:1].upper() + original[1:] if stand_in[:1].isupper() else original
        changes.append(Change(start, start + len(stand_in), replacement, "spin.phrase-sense", "spin"))
    return changes


def _word_offset(window: str, position: int) -> int:
    """Where word ``position`` of ``window`` (split on blanks) starts in it.

    >>> _word_offset("group  self-defense", 1)
    7
    """
    return [word.start() for word in re.finditer(r"\S+", window)][position]


@lru_cache(maxsize=1)
def _variants() -> tuple[dict[tuple[str, ...], frozenset[tuple[str, int]]], PhraseSearch | None]:
    """Each term with one word replaced by a stand-in -> the terms and positions it may stand for, and a search for them all."""
    stand_ins: dict[str, set[str]] = {}
    for value in words("phrase-senses"):
        stand_in, original = value.lower().split("=")
        stand_ins.setdefault(original, set()).add(stand_in)
    terms = {tuple(term.lower().split()) for term in words("domain-phrases")}
    found: dict[tuple[str, ...], set[tuple[str, int]]] = {}
    for term in terms:
        for position, word in enumerate(term):
            for stand_in in stand_ins.get(word, ()):
                variant = term[:position] + (stand_in,) + term[position + 1 :]
                if variant not in terms:
                    found.setdefault(variant, set()).add((" ".join(term), position))
    english = attested_pairs(frozenset(pair for variant, fits in found.items() for pair in _pairs_with_stand_in(variant, fits)))
    variants = {
        variant: frozenset(fits) for variant, fits in found.items() if not english.intersection(_pairs_with_stand_in(variant, fits))
    }
    return variants, (PhraseSearch(" ".join(variant) for variant in variants) if variants else None)


def _pairs_with_stand_in(variant: tuple[str, ...], fits: set[tuple[str, int]]) -> set[tuple[str, str]]:
    """The two-word pairs of ``variant`` that hold its stand-in (the word at each fitting position) and no function word.

    "condition of" is English whatever follows; "condition of war" is judged by its other words.
    """
    pairs = set()
    for _, position in fits:
        if position > 0:
            pairs.add((variant[position - 1], variant[position]))
        if position + 1 < len(variant):
            pairs.add((variant[position], variant[position + 1]))
    return {pair for pair in pairs if not FUNCTION_WORDS.intersection(pair)}
