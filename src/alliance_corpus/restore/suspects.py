"""What looks spun but was not repaired: flags of kind ``suspect``, with ranked suggestions.

After restoration, detection reads the restored text once more.  Every sign
it still finds (:mod:`.detect.signals`) was left alone by the repair steps:
no rule knew it, or the gate was shut.  Each becomes a flag, so a researcher
can see the shaky places instead of trusting them.  Suggestions come only
from evidence, best first, and none is applied:

- a name whose case was broken: the gazetteer's spelling;
- a tell that a rule for spun texts would repair (the gate was shut): that
  rule's wording;
- in a spun text, a run of capitalised words that differs from a known
  name of the same length in one word, spelled alike ("Kadena Air Basin"):
  the known name.

In a text below the gate only broken names and strong signs (weight
:data:`SURE` or more) are flagged: edited prose writes "and also" too.

Leaked foreign words are flagged as ``foreign-script`` by the pipeline.

>>> [(f.text, f.suggestions) for f in suspect_flags("In 1995 barack Obama was at Kadena Air Basin.", garbled=False)]
[('barack Obama', ['Barack Obama'])]
>>> [(f.text, f.suggestions) for f in suspect_flags("In 1995 barack Obama was at Kadena Air Basin.", garbled=True)]
[('barack Obama', ['Barack Obama']), ('Kadena Air Basin', ['Kadena Air Base'])]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from ..records import Flag
from ..resources import Resources
from ..text.edits import Change
from .detect.signals import AFTER_LAYOUT, Signal, find_signals
from .fixes.rules import apply_rules
from .plan import TEXT_RULES

SURE = 0.7
"""In a text below the gate, only signs at least this strong (and broken names) are flagged: weak ones are normal in prose."""
SIMILAR = 0.6
"""How alike (difflib ratio) a written word and the known name's word must be to suggest the name."""
CAPITALISED_RUN = re.compile(r"(?<![\w.’'-])[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)+(?![\w’'-])")
NOTES = {
    "casing": "a known name with its case broken inside it",
    "wording": "wording that spinners leave behind",
    "grammar": "grammar that round trips through another language leave behind",
    "spacing": "spacing damage",
}


def suspect_flags(text: str, resources: Resources | None = None, *, garbled: bool) -> list[Flag]:
    """Flags for the signs of spinning that remain in restored ``text`` (see the module docstring)."""
    resources = resources or Resources.bundled()
    signals = [s for s in find_signals(text, resources, kinds=AFTER_LAYOUT) if s.kind != "leakage"]
    if not garbled:
        signals = [s for s in signals if s.kind == "casing" or s.weight >= SURE]
    proposals = _proposals(text, resources) if signals and not garbled else []
    flags = [_flag(text, signal, resources, proposals) for signal in signals]
    flagged = [(f.start, f.end) for f in flags]
    if garbled:  # in edited prose a near-miss is a variant of the name ("Japan-US Security Treaty"), not damage
        flags.extend(f for f in _near_names(text, resources) if not any(s < f.end and f.start < e for s, e in flagged))
    return sorted(flags, key=lambda flag: (flag.start, flag.end))


def _flag(text: str, signal: Signal, resources: Resources, proposals: list[Change]) -> Flag:
    found = text[signal.start : signal.end]
    if signal.kind == "casing":
        suggestions = [resources.gazetteer.recasable_names()[" ".join(found.lower().split())]]
    else:
        suggestions = _unique(_rewrite(text, signal, change) for change in proposals if change.start < signal.end and signal.start < change.end)
    note = f"{NOTES.get(signal.kind, signal.kind)} ({signal.signal}); not repaired"
    return Flag(start=signal.start, end=signal.end, text=found, kind="suspect", note=note, suggestions=suggestions)


def _proposals(text: str, resources: Resources) -> list[Change]:
    """What the rules for spun texts would change in ``text`` (the gate was shut, so they did not)."""
    rules = [rule for rule in resources.rules if rule.match in TEXT_RULES and not rule.always]
    return apply_rules(text, rules)


def _rewrite(text: str, signal: Signal, change: Change) -> str:
    """The signal's span with ``change`` applied (the change may reach past the span)."""
    start, end = min(signal.start, change.start), max(signal.end, change.end)
    return text[start : change.start] + change.replacement + text[change.end : end]


def _near_names(text: str, resources: Resources) -> Iterator[Flag]:
    """Runs of capitalised words that differ from a known name of the same length in one similar word."""
    index = _name_index(resources)
    known = resources.gazetteer.name_set
    for match in CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        if " ".join(words) in known or len(words) < 3:
            continue
        for position in range(len(words)):
            key = (len(words), position, tuple(w for i, w in enumerate(words) if i != position))
            for name in index.get(key, ()):
                wanted = name.split()[position]
                if SequenceMatcher(None, words[position].lower(), wanted.lower()).ratio() >= SIMILAR:
                    note = f"differs from the known name {name!r} in one word; not repaired"
                    yield Flag(start=match.start(), end=match.end(), text=match.group(), kind="suspect", note=note, suggestions=[name])
                    break
            else:
                continue
            break


@lru_cache(maxsize=8)
def _name_index(resources: Resources) -> dict[tuple[int, int, tuple[str, ...]], tuple[str, ...]]:
    """Known names of three words or more, keyed by their length, one position, and the other words."""
    index: dict[tuple[int, int, tuple[str, ...]], list[str]] = {}
    for name in resources.gazetteer.all_names():
        words = name.split()
        if len(words) >= 3:
            for position in range(len(words)):
                key = (len(words), position, tuple(w for i, w in enumerate(words) if i != position))
                index.setdefault(key, []).append(name)
    return {key: tuple(names) for key, names in index.items()}


def _unique(items: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(items))
