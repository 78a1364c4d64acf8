"""Inflection for the context rules that put back what the round trip through Vietnamese lost: tense and number.

Vietnamese marks neither, so a spun text comes back with bare forms where the
original had "pushed" or "months".  The context rules find where the bare
form cannot be right; this module gives the inflected form, from lemminflect's
tables (a well-kept inflection lexicon of English, shipped with its data, no
network).  A word that is not a bare form, or whose bare form is also an
inflected form of another word ("found" is "find" in the past), is left alone;
so is a noun whose plural is rare in English (:data:`COUNTABLE_SHARE`):
"equipment" has no plural to put back.

lemminflect imports spaCy, so it is imported here, inside the functions, and
only the context rules (which run the tagger anyway) reach it.

>>> inflected("push", "past"), inflected("Fly", "past"), inflected("build", "participle"), inflected("month", "plural")
('pushed', 'Flew', 'built', 'months')
>>> inflected("found", "past"), inflected("pushed", "past"), inflected("cut", "past")
(None, None, None)
"""

from __future__ import annotations

from functools import lru_cache

from ...resources.english import word_count

FORMS = {"past": ("VERB", "VBD"), "participle": ("VERB", "VBN"), "plural": ("NOUN", "NNS")}
"""Each inflection the rules may ask for: the part of speech the word must be a bare form of, and the Penn tag of the result."""
COUNTABLE_SHARE = 0.05
"""A noun is pluralised only when its plural occurs at least this often for each use of its singular in the English
frequency list ("governments" 0.08, "squadrons" 0.15; "equipments" 0.01, "aircrafts" 0)."""


def inflected(word: str, form: str) -> str | None:
    """``word`` inflected as ``form`` (a key of :data:`FORMS`), in the word's case; ``None`` when it should stay as it is.

    >>> inflected("Month", "plural"), inflected("percent", "plural"), inflected("equipment", "plural")
    ('Months', None, None)
    """
    result = _inflected(word.lower(), form)
    if result is None:
        return None
    return result[:1].upper() + result[1:] if word[:1].isupper() else result


@lru_cache(maxsize=4096)
def _inflected(lower: str, form: str) -> str | None:
    from lemminflect import getAllLemmas, getInflection

    part, tag = FORMS[form]
    if getAllLemmas(lower, upos=part).get(part) != (lower,):
        return None  # not a bare form, or the bare form of one word and an inflection of another
    if part == "VERB" and _is_inflection_of_another(lower):
        return None
    forms = getInflection(lower, tag=tag)
    if not forms or forms[0] == lower:
        return None
    if part == "NOUN" and word_count(forms[0]) < COUNTABLE_SHARE * word_count(lower):
        return None
    return str(forms[0])


def _is_inflection_of_another(lower: str) -> bool:
    """Whether ``lower`` is also an inflected form of some other lemma ("found" of "find", "saw" of "see")."""
    from lemminflect import getAllInflections, getAllLemmas

    for part, lemmas in getAllLemmas(lower).items():
        for lemma in lemmas:
            if lemma != lower and any(lower in forms for forms in getAllInflections(lemma, upos=part).values()):
                return True
    return False
