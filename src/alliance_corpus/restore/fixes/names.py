"""Known names with one word translated or swapped by the spinner.

The seed shows names whose words came back one at a time: "people War II",
"contract of San Francisco", "United says".  Rules cover the words the seed
shows; this step covers every name of the gazetteer.  A known name with at
least three capitalised words that appears with exactly one of them, not the
first, replaced by another lower-case word ("Special activity Committee on
Okinawa", "Status of pressures Agreement") gets that word back, unless two
names could fit ("National Security plan": Strategy or Council?).  It runs on spun texts
only.

>>> from alliance_corpus.resources import Resources
>>> templates = name_templates(Resources.bundled().gazetteer.all_names())
>>> text = "The Special activity Committee on Okinawa met under the Status of pressures Agreement."
>>> [(text[c.start:c.end], c.replacement) for c in fix_translated_names(text, templates)]
[('activity', 'Action'), ('pressures', 'Forces')]
>>> fix_translated_names("Tokyo revised its National Security plan.", templates)  # Strategy or Council?
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from ...resources.lexicons import words
from ...text.edits import Change

MIN_WORDS = 3
FUNCTION_WORDS = frozenset(words("name-function-words"))
TRAILING_PUNCTUATION = ".,;:!?)]”\"'’"

def name_templates(names: Iterable[str]) -> dict[tuple[str | None, ...], tuple[str, int]]:
    """Each name with ``MIN_WORDS`` or more capitalised words, once per capitalised word but the first, blanked.

    Maps the blanked word tuple to ``(name, position)``; a blanked tuple that
    two names share is left out, since the word could belong to either.
    """
    found: dict[tuple[str | None, ...], tuple[str, int]] = {}
    shared = set()
    for name in names:
        words = tuple(name.split())
        if sum(word[:1].isupper() for word in words) < MIN_WORDS:
            continue
        for i, word in enumerate(words[1:], start=1):  # "after World War" must not become "Second World War"
            if word[:1].isupper():
                key = words[:i] + (None,) + words[i + 1 :]
                if key in found and found[key][0] != name:
                    shared.add(key)
                found[key] = (name, i)
    return {key: value for key, value in found.items() if key not in shared}


def fix_translated_names(text: str, templates: dict[tuple[str | None, ...], tuple[str, int]]) -> list[Change]:
    """Changes that put back the one swapped word of known names (see the module docstring)."""
    lengths = _lengths_by_first_word(templates)
    changes = []
    for line in re.finditer(r"[^\n]+", text):
        words = [(m.start() + line.start(), m.group().rstrip(TRAILING_PUNCTUATION)) for m in re.finditer(r"\S+", line.group())]
        for first, (_, word) in enumerate(words):
            for n in lengths.get(word, ()):  # the first word is never the swapped one
                window = words[first : first + n]
                if len(window) == n:
                    changes.extend(_fix_window(window, templates))
    return changes


def _lengths_by_first_word(templates: Iterable[tuple[str | None, ...]]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in templates:
        first = cast(str, key[0])  # the first word is never the blanked one (see name_templates)
        lengths.setdefault(first, set()).add(len(key))
    return {word: tuple(sorted(n)) for word, n in lengths.items()}


def _fix_window(window: list[tuple[int, str]], templates: dict[tuple[str | None, ...], tuple[str, int]]) -> list[Change]:
    surface = [word for _, word in window]
    for i, (start, word) in enumerate(window):
        if word.isalpha() and word.islower() and word not in FUNCTION_WORDS:
            hit = templates.get(tuple(surface[:i]) + (None,) + tuple(surface[i + 1 :]))
            if hit and hit[1] == i and hit[0].split()[i].lower() != word:  # a re-cased word is the casing step's
                return [Change(start, start + len(word), hit[0].split()[i], "spin.name-word", "spin")]
    return []
