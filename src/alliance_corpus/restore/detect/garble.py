"""Score how garbled a text is; detection only, no repair.

The evidence is the restoration rules themselves: every match of a rule adds
the square of the rule's confidence (a spinner signature such as "people War
II" adds 0.94, a filler such as "much more", which edited prose also uses,
adds 0.16), and every leaked foreign word adds :data:`FOREIGN_WORD`.  Short
texts count as :data:`MIN_WORDS` words, so one weak signal in a short,
well-edited paragraph cannot open the gate.  The evidence
per hundred words is squashed into ``[0, 1)``:

    score = density / (density + SCALE)

so a text with ``SCALE`` units of evidence per hundred words scores 0.5.
Texts at or above :data:`GARBLED` are treated as spun, and only then do the
low-confidence rules apply.  A text between :data:`UNSURE` and
:data:`GARBLED` is also read by the context rules (which need the tagger),
and their matches count as evidence too: lightly spun texts show their damage
mostly in grammar ("it to be reorganized", "return come Japanese rule").

>>> from alliance_corpus.resources import Resources
>>> rules = Resources.bundled().rules
>>> garble_score("The alliance with Japan has been the cornerstone of U.S. strategy.", rules)
0.0
>>> garble_score("The alliance v Japan has actually been the cornerstone after people War II.", rules) > GARBLED
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...resources.rules import Rule
from .. import matching
from .scripts import find_foreign_words

SIGNAL_KINDS = frozenset({"leakage", "spin", "filler", "casing", "spacing"})
FOREIGN_WORD = 0.9
SCALE = 1.0
MIN_WORDS = 80
GARBLED = 0.5
UNSURE = 0.25

WORDS = re.compile(r"\w+")


def garble_evidence(text: str, rules: Sequence[Rule]) -> float:
    """Sum of the squared confidences of all rule matches, plus leaked foreign words."""
    evidence = 0.0
    present = set(text)
    for rule in rules:
        if rule.kind in SIGNAL_KINDS and rule.match != "tokens" and rule.required_characters <= present:
            evidence += rule.confidence**2 * sum(1 for _ in matching.rule_changes(text, rule))
    evidence += FOREIGN_WORD * sum(1 for _ in find_foreign_words(text))
    return evidence


def garble_score(text: str, rules: Sequence[Rule]) -> float:
    """How garbled ``text`` is, from 0 (no sign of damage) towards 1."""
    return squash(garble_evidence(text, rules), text)


def squash(evidence: float, text: str) -> float:
    """The score of ``evidence`` found in ``text``: its density per hundred words, squashed into ``[0, 1)``."""
    words = len(WORDS.findall(text))
    density = 100.0 * evidence / max(words, MIN_WORDS)
    return round(density / (density + SCALE), 4)
