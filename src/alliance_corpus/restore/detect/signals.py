"""The signs that a text was spun, found by detection alone.

Detection never reads a repair rule: adding or removing a rule changes what
is repaired, not how garbled a text is judged.  Its evidence comes from
three independent sources:

- the ``tells`` lexicon (``data/lexicons/tells.jsonl``): patterns of what
  spinners and round trips leave behind, each with a weight, evidence and a
  note (``spacing-tells`` are read before the layout step repairs spacing;
  ``wording-tells`` and ``grammar-tells`` after it);
- foreign words inside English lines (:mod:`.scripts`), glosses excepted;
- names from the gazetteer whose case was broken inside the name ("the
  united States", "barack Obama"); sentence case ("Okinawa prefecture") is a
  style and does not count.

Each sign is a :class:`Signal`, so a user can see why a text was judged spun.

>>> [(s.kind, s.signal) for s in find_signals("Japan v the united States signed the shared Security Treaty.")]
[('casing', 'name-case'), ('wording', 'wording-tells.mutual-swapped')]
>>> find_signals("Japan v the United States signed the Mutual Security Treaty in 1951.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ...resources import Resources
from ...resources.patterns import required_literal
from ...text.casing import broken_case
from ...text.phrases import PhraseSearch
from .scripts import find_leaked_words

TELL_LISTS = {"spacing-tells": "spacing", "wording-tells": "wording", "grammar-tells": "grammar"}
"""The lexicon lists of tells and the kind of signal each gives."""
KINDS = frozenset({*TELL_LISTS.values(), "leakage", "casing"})
SPACING = frozenset({"spacing"})
"""Kinds read on the text before the layout step repairs its spacing."""
AFTER_LAYOUT = KINDS - SPACING


class Signal(NamedTuple):
    """One sign of spinning: where it is, its kind, what found it, and its weight."""

    start: int
    end: int
    kind: str
    signal: str
    weight: float


@dataclass(frozen=True)
class Detector:
    """The compiled tells, weights and name tables of one set of resources."""

    tells: tuple[tuple[str, str, re.Pattern[str], float, str], ...]
    """Each tell's kind, id, pattern, weight, and the literal run every match contains (``""`` if none)."""
    weights: dict[str, float]
    names: PhraseSearch | None
    canonical: dict[str, str]
    single_names: frozenset[str]


@lru_cache(maxsize=8)
def detector(resources: Resources) -> Detector:
    """Compile the detection data of ``resources`` (once per set of resources)."""
    lexicon = resources.lexicon
    tells = []
    for name, kind in TELL_LISTS.items():
        for entry in lexicon.entries(name):
            pattern = re.compile(entry.value)  # checked when loaded
            tells.append((kind, entry.id, pattern, entry.weight or 0.0, required_literal(pattern.pattern)))
    gazetteer = resources.gazetteer
    canonical = gazetteer.recasable_names()
    return Detector(
        tells=tuple(tells),
        weights=lexicon.weighted("signal-weights") if "signal-weights" in lexicon.lists else {},
        names=gazetteer.proper_name_search(canonical),
        canonical=canonical,
        single_names=gazetteer.single_word_names(),
    )


def find_signals(text: str, resources: Resources | None = None, *, kinds: Collection[str] = KINDS) -> list[Signal]:
    """Every sign of spinning in ``text`` of the given ``kinds``, in order of position."""
    return list(_signals_of(text, resources or Resources.bundled(), frozenset(kinds)))


@lru_cache(maxsize=2)
def _signals_of(text: str, resources: Resources, kinds: frozenset[str]) -> tuple[Signal, ...]:
    """:func:`find_signals`, remembered for the last texts: cleaning reads the same text again when a round changed nothing."""
    found = detector(resources)
    signals = [*_tells(text, found, kinds)]
    if "leakage" in kinds:
        signals.extend(_leaks(text, found.weights))
    if "casing" in kinds and found.names is not None:
        signals.extend(_broken_names(text, found))
    return tuple(sorted(signals))


DOTTED_NAME = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}")
"""Three names or more joined by dots with no space: a program's name ("Serilog.Sinks.Console", "System.Console.WriteLine").
Sentences glued by a spinner are longer than one word, so no run of them looks like this."""


def _tells(text: str, found: Detector, kinds: Collection[str]) -> Iterator[Signal]:
    """The tells of ``kinds`` in ``text``, except inside a dotted program name (:data:`DOTTED_NAME`).

    >>> [s.signal for s in _tells("the war.It held. Use Serilog.Sinks.Console here.", detector(Resources.bundled()), {"spacing"})]
    ['spacing-tells.glued-sentence']
    """
    code = [(m.start(), m.end()) for m in DOTTED_NAME.finditer(text)] if "." in text else []
    for kind, tell_id, pattern, weight, literal in found.tells:
        if kind in kinds and literal in text:
            for match in pattern.finditer(text):
                if not any(start <= match.start() and match.end() <= end for start, end in code):
                    yield Signal(match.start(), match.end(), kind, tell_id, weight)


def _leaks(text: str, weights: dict[str, float]) -> Iterator[Signal]:
    for match, script in find_leaked_words(text):
        yield Signal(match.start(), match.end(), "leakage", _leak_signal(match.group(), script), weights.get(_leak_signal(match.group(), script), 0.0))


def _leak_signal(word: str, script: str) -> str:
    """The signal a leaked word gives: a Vietnamese word in lower case, another Vietnamese word, or a word in a script other than Latin."""
    if script != "Vietnamese":
        return "foreign-word-other-script"
    return "foreign-word-vietnamese-lower" if word[:1].islower() else "foreign-word"


def _broken_names(text: str, found: Detector) -> Iterator[Signal]:
    assert found.names is not None
    weight = found.weights.get("name-case", 0.0)
    for match in found.names.finditer(text):
        written = match.group().split()
        canonical = found.canonical.get(" ".join(word.lower() for word in written), "").split()
        if broken_case(written, canonical, found.single_names):
            yield Signal(match.start(), match.end(), "casing", "name-case", weight)
