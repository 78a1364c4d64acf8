"""Known names with one word translated or swapped by the spinner.

The seed shows names whose words came back one at a time: "people War II",
"contract of San Francisco", "United says".  Rules cover the words the seed
shows; this step covers every name of the gazetteer.  A known name with at
least three capitalised words that appears with exactly one of them, not the
first, replaced by another lower-case word ("Special activity Committee on
Okinawa", "Status of pressures Agreement") gets that word back, unless two
names could fit ("National Security plan": Strategy or Council?).  A
capitalised stand-in gets its word back when it looks like it, clearly more
than like any other name's word there ("Japan Marine Self-Defense Force":
Maritime, not Ground or Air), and a name whose words came back in another
order gets its order back ("Treaty of Cooperation Mutual and Security") unless
a capitalised word beside it makes it part of a longer name ("Marine Corps
Air Station Futenma" holds "Air Station Futenma").  A window that is itself a
known name is never touched.  It runs on spun texts
only.

>>> from alliance_corpus.resources import Resources
>>> templates = name_templates(Resources.bundled().gazetteer.all_names())
>>> text = "The Special activity Committee on Okinawa met under the Status of pressures Agreement."
>>> [(text[c.start:c.end], c.replacement) for c in fix_translated_names(text, templates)]
[('activity', 'Action'), ('pressures', 'Forces')]
>>> fix_translated_names("Tokyo revised its National Security plan.", templates)  # Strategy or Council?
[]
>>> text = "The Japan Marine Self-Defense Force cited the Treaty of Cooperation Mutual and Security."
>>> [(text[c.start:c.end], c.replacement) for c in fix_translated_names(text, templates)]
[('Marine', 'Maritime'), ('Treaty of Cooperation Mutual and Security', 'Treaty of Mutual Cooperation and Security')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from rapidfuzz import fuzz

from ...resources.lexicons import labelled, words
from ...text.edits import Change

MIN_WORDS = 3
FUNCTION_WORDS = frozenset(words("name-function-words"))
TRAILING_PUNCTUATION = ".,;:!?)]”\"'’"
ORGANISATION_HEADS = labelled("label-heads")
"""Head words and their labels: a lower-case word in place of an organisation's head ("Party") is no stand-in."""
MIN_SIMILARITY = 70
"""How alike (rapidfuzz ratio, 0-100) a capitalised stand-in must be to the word it replaced ("Marine" for "Maritime")."""
MIN_MARGIN = 15
"""How much more alike than the next candidate it must be, so that a near-miss name is never guessed."""

Key = tuple[str | None, ...]


@dataclass(frozen=True)
class NameTemplates:
    """The gazetteer's names of ``MIN_WORDS`` capitalised words or more, indexed for repair.

    - ``swapped``: each name once per capitalised word but the first, that
      word blanked, to the names and positions that fit (several names may);
    - ``reordered``: each name's words, sorted, to the name (left out when two names share them);
    - ``regrouped``: each name's words but its function words, in lower case and sorted, to the name
      (left out when two names share them), for names written with their head first ("University of National Defense");
    - ``known``: every name, so that a real name is never "repaired" into another;
    - ``lengths``: which name lengths each first word opens, so that only those windows are read;
    - ``by_word``: the names of two capitalised words or more by each of their words, for :func:`fix_pivot_senses`.
    """

    swapped: dict[Key, tuple[tuple[str, int], ...]]
    reordered: dict[tuple[str, ...], str]
    regrouped: dict[tuple[str, ...], str]
    known: frozenset[str]
    lengths: dict[str, tuple[int, ...]]
    """First word -> the lengths of the names it opens (in words)."""
    by_word: dict[str, tuple[tuple[str, int], ...]]
    """A capitalised word (in lower case) -> the names of two words or more that hold it, and where."""


def name_templates(names: Iterable[str]) -> NameTemplates:
    """Index ``names`` for :func:`fix_translated_names`."""
    swapped: dict[Key, list[tuple[str, int]]] = {}
    reordered: dict[tuple[str, ...], set[str]] = {}
    regrouped: dict[tuple[str, ...], set[str]] = {}
    by_word: dict[str, list[tuple[str, int]]] = {}
    for name in dict.fromkeys(names):
        words = tuple(name.split())
        if len(words) >= 2 and sum(word[:1].isupper() for word in words) >= 2:
            for i, word in enumerate(words):
                if word[:1].isupper() and word.isalpha():
                    by_word.setdefault(word.lower(), []).append((name, i))
        if sum(word[:1].isupper() and word.lower() not in FUNCTION_WORDS for word in words) < MIN_WORDS:
            continue  # "The New York Times" has two capitalised words of its own
        for i, word in enumerate(words[1:], start=1):  # "after World War" must not become "Second World War"
            if word[:1].isupper() and any(letter.islower() for letter in word) and not word.endswith("."):  # "II", "C.", "Jr.", "USFJ" are never translated
                swapped.setdefault(words[:i] + (None,) + words[i + 1 :], []).append((name, i))
        reordered.setdefault(tuple(sorted(words)), set()).add(name)
        regrouped.setdefault(_content_key(words), set()).add(name)
    return NameTemplates(
        swapped={key: tuple(value) for key, value in swapped.items()},
        reordered={key: next(iter(value)) for key, value in reordered.items() if len(value) == 1},
        regrouped={key: next(iter(value)) for key, value in regrouped.items() if len(value) == 1},
        known=frozenset(names),
        lengths=_lengths_by_first_word(swapped),
        by_word={word: tuple(found) for word, found in by_word.items()},
    )


def fix_translated_names(text: str, templates: NameTemplates) -> list[Change]:
    """Changes that put back the swapped word of known names, or their order (see the module docstring)."""
    changes: list[Change] = []
    for line_words, ends_clause in _lines(text):
        taken = 0
        for first, (start, word) in enumerate(line_words):
            if start < taken:
                continue
            for n in templates.lengths.get(word, ()):  # the first word is never the swapped one
                window = line_words[first : first + n]
                if len(window) < n or " ".join(w for _, w in window) in templates.known or any(ends_clause[first : first + n - 1]):
                    continue
                inside_longer = (first > 0 and line_words[first - 1][1][:1].isupper()) or (first + n < len(line_words) and line_words[first + n][1][:1].isupper())
                found = _fix_window(window, templates) or ([] if inside_longer else _fix_order(window, templates))
                if found:
                    changes.extend(found)
                    taken = window[-1][0] + len(window[-1][1])
                    break
    return changes


def _lines(text: str) -> Iterable[tuple[list[tuple[int, str]], list[bool]]]:
    """Each line's words (offset, word without trailing punctuation), and whether each word ended in punctuation (an apostrophe aside).

    >>> [(words, ends) for words, ends in _lines("New York, held")]
    [([(0, 'New'), (4, 'York'), (10, 'held')], [False, True, False])]
    """
    for line in re.finditer(r"[^\n]+", text):
        tokens = list(re.finditer(r"\S+", line.group()))
        words = [(m.start() + line.start(), m.group().rstrip(TRAILING_PUNCTUATION)) for m in tokens]
        # "York," ends its phrase; "Citizens’" (a plural's possessive) does not
        yield words, [m.group()[len(word) :].strip("’'") != "" for m, (_, word) in zip(tokens, words)]


def _lengths_by_first_word(templates: Iterable[Key]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in templates:
        first = cast(str, key[0])  # the first word is never the blanked one (see name_templates)
        lengths.setdefault(first, set()).add(len(key))
    return {word: tuple(sorted(n)) for word, n in lengths.items()}


def _fix_window(window: list[tuple[int, str]], templates: NameTemplates) -> list[Change]:
    surface = [word for _, word in window]
    for i, (start, word) in enumerate(window):
        if not word.isalpha() or word.lower() in FUNCTION_WORDS:
            continue
        candidates = templates.swapped.get(tuple(surface[:i]) + (None,) + tuple(surface[i + 1 :]), ())
        if word.islower() and i == len(window) - 1 and any(ORGANISATION_HEADS.get(name.split()[at]) == "ORG" for name, at in candidates):
            continue  # an organisation's name without its head is English: "a Liberal Democratic lawmaker"
        fit = _the_one_that_fits(word, [(name, at) for name, at in candidates if at == i])
        if fit is not None and fit.split()[i].lower() != word.lower():  # a re-cased word is the casing step's
            return [Change(start, start + len(word), fit.split()[i], "spin.name-word", "spin")]
    return []


def _the_one_that_fits(word: str, candidates: list[tuple[str, int]]) -> str | None:
    """The name whose word ``word`` stands in for.

    A lower-case stand-in ("pressures" for "Forces") needs the name to be the
    only one that fits.  A capitalised one ("Marine" for "Maritime") also needs
    to look like the word it replaced, clearly more than any other candidate's
    ("Ground", "Air"), so that one real name is never turned into another.
    """
    if word.islower():
        return candidates[0][0] if len(candidates) == 1 else None
    scored = sorted(((fuzz.ratio(word.lower(), name.split()[at].lower()), name) for name, at in candidates), reverse=True)
    if not scored or scored[0][0] < MIN_SIMILARITY or (len(scored) > 1 and scored[0][0] - scored[1][0] < MIN_MARGIN):
        return None
    return scored[0][1]


def _fix_order(window: list[tuple[int, str]], templates: NameTemplates) -> list[Change]:
    """The known name whose words the window holds in another order ("Treaty of Cooperation Mutual and Security")."""
    name = templates.reordered.get(tuple(sorted(word for _, word in window)))
    if name is None:
        return []
    start, end = window[0][0], window[-1][0] + len(window[-1][1])
    return [Change(start, end, name, "spin.name-order", "spin")]


CAPITALISED_RUN = re.compile(r"(?<![\w.'’-])[A-Z][\w'’-]*(?:[^\S\n]+(?:(?:of|the|and|for|on)[^\S\n]+)*[A-Z][\w'’-]*)*")
"""Capitalised words in a row on one line, with "of", "the", "and", "for" or "on" between them: where a name is written."""


def fix_regrouped_names(text: str, templates: NameTemplates, taken: list[Change] | None = None) -> list[Change]:
    """A known name written with its words in the order of Vietnamese, head first, put back in English order.

    Vietnamese puts a name's head before its modifiers, and the round trip can
    bring "National Defense University" back as "University of National
    Defense".  A run of capitalised words that holds exactly the words of one
    known name of :data:`MIN_WORDS` words or more, with other function words
    or in another order, and is not itself a known name, becomes that name.
    Function words that open the run ("The") stay.  Words inside ``taken``
    changes are left to them.

    >>> from alliance_corpus.resources import Resources
    >>> templates = name_templates(Resources.bundled().gazetteer.all_names())
    >>> text = "He taught at The University of National Defense and met the National Defense University staff."
    >>> [(text[c.start:c.end], c.replacement) for c in fix_regrouped_names(text, templates)]
    [('University of National Defense', 'National Defense University')]
    """
    busy = [(c.start, c.end) for c in taken or ()]
    changes = []
    for run in CAPITALISED_RUN.finditer(text):
        for start, end in _name_spans(text, run):
            written = text[start:end]
            name = templates.regrouped.get(_content_key(written.split()))
            if name is None or " ".join(written.split()) in templates.known or _content_words(written) != _content_words(name):
                continue  # the words must be the name's own, capitals and all: "NATIONAL DEFENSE UNIVERSITY" is left to the casing step
            if not any(s < end and start < e for s, e in busy):
                changes.append(Change(start, end, name, "spin.name-order", "spin"))
                busy.append((start, end))  # the whole run is a name: its parts are not
    return changes


AND = re.compile(r"[^\S\n]+and[^\S\n]+")


def _name_spans(text: str, run: re.Match[str]) -> list[tuple[int, int]]:
    """Where a name may stand in a run of capitalised words: the whole run, else each part "and" joins ("X Party and the Communists").

    Function words that open a span ("The") are no part of it.
    """
    parts = [(run.start(), run.end())]
    cuts = [(m.start(), m.end()) for m in AND.finditer(text, run.start(), run.end())]
    starts, ends = [run.start(), *(e for _, e in cuts)], [*(s for s, _ in cuts), run.end()]
    parts += list(zip(starts, ends)) if cuts else []
    spans = []
    for start, end in parts:
        for word in re.finditer(r"\S+", text[start:end]):  # "The University of ...": the article stays
            if word.group().lower() not in FUNCTION_WORDS:
                spans.append((start + word.start(), end))
                break
    return spans


def _content_words(name: str) -> list[str]:
    """The words of ``name`` but its function words, sorted, as written."""
    return sorted(word for word in name.split() if word.lower() not in FUNCTION_WORDS)


def _content_key(words: Iterable[str]) -> tuple[str, ...]:
    """A name's words but its function words, in lower case and sorted: the same for the name in any order."""
    return tuple(sorted(word.lower() for word in words if word.lower() not in FUNCTION_WORDS))


def fix_pivot_senses(text: str, templates: NameTemplates, taken: list[Change] | None = None) -> list[Change]:
    """A known name with one capitalised word replaced by another sense of its Vietnamese translation, put back.

    The round trip renders a word of a name through Vietnamese and brings
    back another of that word's senses ("Free Democratic Party": "tự do" is
    "liberal" and "free").
    The pairs are the ``pivot-senses`` lexicon list ("Free=Liberal").  A
    window changes only when the known names that fit it all put back the
    same word (one name, or two spellings of it), the window is
    not itself a known name, and no capitalised word beside it makes it part
    of a longer name.  Words inside ``taken`` changes are left to them.

    >>> from alliance_corpus.resources import Resources
    >>> templates = name_templates(Resources.bundled().gazetteer.all_names())
    >>> text = "Koizumi of the Free Democratic Party flew to Tokyo."
    >>> [(text[c.start:c.end], c.replacement) for c in fix_pivot_senses(text, templates)]
    [('Free', 'Liberal')]
    >>> fix_pivot_senses("the Free Democratic Party of Germany", templates)  # a longer name: the German party
    []
    >>> text = "Beheiren, the Citizens’ Union for Peace in Vietnam. Unlike the unions, it"  # a word ending in an apostrophe; a new sentence
    >>> [(text[c.start:c.end], c.replacement) for c in fix_pivot_senses(text, templates)]
    [('Union', 'League')]
    """
    senses = _pivot_senses()
    busy = [(c.start, c.end) for c in taken or ()]
    changes: list[Change] = []
    for line_words, ends_clause in _lines(text):
        for position, (start, word) in enumerate(line_words):
            if not word[:1].isupper() or word.lower() not in senses or any(s <= start < e for s, e in busy):
                continue
            fits = {
                name: at
                for original in senses[word.lower()]
                for name, at in templates.by_word.get(original, ())
                if _fits(line_words, position, name, at, templates, ends_clause)
            }
            put_back = {name.split()[at] for name, at in fits.items()}  # two spellings of one name put back the same word
            if len(put_back) == 1:
                changes.append(Change(start, start + len(word), put_back.pop(), "spin.name-sense", "spin"))
    return changes


def _fits(words: list[tuple[int, str]], position: int, name: str, at: int, templates: NameTemplates, ends_clause: list[bool]) -> bool:
    """Whether the words around ``position`` are ``name`` with its word ``at`` replaced, alone (not in a longer name).

    No word of the window but the last may end a clause, and a capitalised
    word after the window makes it part of a longer name only when the
    window's last word does not end a clause ("... in Vietnam. Unlike").
    """
    parts = [part.rstrip(TRAILING_PUNCTUATION) or part for part in name.split()]  # as the line's words are read: "Citizens’" is "Citizens"
    first = position - at
    if first < 0 or first + len(parts) > len(words):
        return False
    window = [word for _, word in words[first : first + len(parts)]]
    if any(w != p for i, (w, p) in enumerate(zip(window, parts)) if i != at) or " ".join(window) in templates.known:
        return False
    last = first + len(parts) - 1
    if any(ends_clause[first:last]):
        return False
    before = words[first - 1][1] if first > 0 else ""
    after = words[last + 1 : last + 3]
    longer_after = not ends_clause[last] and bool(after) and (after[0][1][:1].isupper() or (after[0][1] == "of" and len(after) > 1 and after[1][1][:1].isupper()))
    return not (before[:1].isupper() and before.lower() not in FUNCTION_WORDS) and not longer_after


@lru_cache(maxsize=1)
def _pivot_senses() -> dict[str, frozenset[str]]:
    """A stand-in (lower case) -> the words of names it may stand for (``pivot-senses``: "Free=Liberal")."""
    pairs: dict[str, set[str]] = {}
    for value in words("pivot-senses"):
        stand_in, original = value.split("=")
        pairs.setdefault(stand_in.lower(), set()).add(original.lower())
    return {stand_in: frozenset(originals) for stand_in, originals in pairs.items()}
