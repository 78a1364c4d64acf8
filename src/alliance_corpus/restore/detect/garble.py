"""Score how garbled a text is; detection only, no repair.

The evidence is the signals of :mod:`.signals`, which read the ``tells``
lexicon, the scripts of words and the gazetteer, never the repair rules.
Each signal adds its weight (a swapped fixed name such as "people War II"
adds 0.9, "and also", which edited prose writes too, adds 0.15).  Short
texts count as :data:`MIN_WORDS` words, so one sign in a short, well-edited
paragraph cannot open the gate.  The evidence per hundred words
is squashed into ``[0, 1)``:

    score = density / (density + SCALE)

so a text with ``SCALE`` units of evidence per hundred words scores 0.5.
Texts at or above :data:`GARBLED` are treated as spun, and only then do the
low-confidence repair rules apply.  A text between :data:`UNSURE` and
:data:`GARBLED` shows some signs; it is restored as edited prose.

>>> garble_score("The alliance with Japan has been the cornerstone of U.S. strategy.")
0.0
>>> garble_score("The alliance with Japan has been the cornerstone after people War II and the chilly War.") > GARBLED
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...resources import Resources
from .signals import Signal, find_signals

SCALE = 0.7
"""Evidence per hundred words that scores 0.5 (calibrated on the seed, the dev sets and odd-numbered real pages)."""
MIN_WORDS = 150
"""A shorter text counts as this many words, so one sign (weight 1.0 or less) cannot open the gate; two can."""
GARBLED = 0.5
UNSURE = 0.25

WORDS = re.compile(r"\w+")


def garble_evidence(text: str, resources: Resources | None = None) -> float:
    """The summed weight of the signals of spinning in ``text`` (see :mod:`.signals`)."""
    return total(find_signals(text, resources))


def garble_score(text: str, resources: Resources | None = None) -> float:
    """How garbled ``text`` is, from 0 (no sign of damage) towards 1."""
    return squash(garble_evidence(text, resources), text)


def total(signals: Iterable[Signal]) -> float:
    """The summed weight of ``signals``."""
    return sum(signal.weight for signal in signals)


def squash(evidence: float, text: str) -> float:
    """The score of ``evidence`` found in ``text``: its density per hundred words, squashed into ``[0, 1)``."""
    words = len(WORDS.findall(text))
    density = 100.0 * evidence / max(words, MIN_WORDS)
    return round(density / (density + SCALE), 4)
