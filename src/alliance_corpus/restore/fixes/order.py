"""Names a round trip through Vietnamese brought back head first, put in English order.

Vietnamese puts a name's head before what it modifies and writes Japanese
people surname first, so unknown names come back reversed: "University
Reitaku" for Reitaku University, "Oda Makoto" for Makoto Oda.  Known names are
the ``names`` step's (:func:`~.names.fix_regrouped_names`); this step covers
names no resource lists, from two word classes:

- ``given-names``: Japanese given names.  A title-case word before one of them
  is the surname of a name written surname first ("Judge Date Akio" ->
  "Akio Date"); at a sentence's start, where every word has a capital, only
  a word that is no English word is.  A surname in capitals ("KISHIDA
  Fumio") is the house style of Japan's government, not damage, and is left
  alone, and so is every name of a page that writes no Japanese name given
  name first: that page's house style is surname first;
- ``name-final-heads``: heads that English puts after a name ("University",
  "Prefecture").  Such a head before one capitalised word that is no English
  word goes after it ("University Reitaku" -> "Reitaku University").

Either way the pair must stand alone: a capitalised word right before or
after it makes it part of a longer name, which is left as it is.  The step
runs on spun texts only; pages that write Japanese names surname first on
purpose are not spun, and keep their order.

>>> text = "In 1959 Judge Date Akio spoke at University Reitaku; KISHIDA Fumio and Shunsuke Tsurumi listened."
>>> [(text[c.start:c.end], c.replacement) for c in fix_reversed_names(text)]
[('Date Akio', 'Akio Date'), ('University Reitaku', 'Reitaku University')]
>>> fix_reversed_names("Governor Ota Masahide met Prime Minister Obuchi Keizo.")  # surname first throughout: the page's style
[]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources.english import is_english_word
from ...resources.lexicons import word_set, words
from ...text.edits import Change

PAIR = re.compile(r"(?<![\w.'’-])(?=(([A-Z][a-z]+)[^\S\n]+([A-Z][a-z]+))(?![\w'’-]))")
"""Two title-case words, one space apart, on one line; read as a lookahead, so that pairs may overlap ("Judge Date", "Date Akio")."""
CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.'’-]*[^\S\n]+$")
CAPITALISED_AFTER = re.compile(r"[^\S\n]+[A-Z]")
SENTENCE_OPENERS = "\n.!?:;\"“‘("
"""What a sentence or a quotation opens after: there a capital says nothing of a name."""
PERSON_RULE = "spin.name-order.person"
HEAD_RULE = "spin.name-order.head"


def fix_reversed_names(text: str) -> list[Change]:
    """The changes that put reversed names back in English order (see the module docstring)."""
    changes = []
    pairs = list(PAIR.finditer(text))
    given = word_set("given-names")
    given_first = any(pair.group(2) in given and pair.group(3) not in given for pair in pairs)
    taken_until = 0
    for pair in pairs:
        start, end = pair.span(1)
        if start < taken_until or _inside_longer_name(text, start, end):
            continue
        first, second = pair.group(2), pair.group(3)
        rule = _reversal(first, second, _opens_sentence(text, start))
        if rule == PERSON_RULE and not given_first:
            continue  # the page writes Japanese names surname first: its style, not damage
        if rule is not None:
            changes.append(Change(start, end, f"{second} {first}", rule, "spin"))
            taken_until = end
    return changes


def _reversal(first: str, second: str, opens_sentence: bool) -> str | None:
    """The rule that reverses ``first second``, if one does."""
    given = word_set("given-names")
    if second in given and first not in given and first not in _titles() and not (opens_sentence and is_english_word(first)):
        return PERSON_RULE
    if first in word_set("name-final-heads") and not is_english_word(second) and second not in given:
        return HEAD_RULE
    return None


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a line or follows a sentence's end or an opening quote."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in SENTENCE_OPENERS


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word other than a title stands right before ``start`` or right after ``end``."""
    before = CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.group().split()[0].rstrip(".") not in _titles():
        return True
    return CAPITALISED_AFTER.match(text, end) is not None


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """The words of titles that may stand before a person's name, job titles and honorifics, without their dots."""
    return frozenset(word.rstrip(".") for title in (*words("job-titles"), *words("person-titles")) for word in title.split())
