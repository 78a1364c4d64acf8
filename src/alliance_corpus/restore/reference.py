"""Restoration against the original: align a spun copy to the text it was made from.

When the original article is at hand, no rule has to guess: the copy's words
are aligned to the original's, and every stretch where they differ takes the
original's wording.  The alignment is over word and punctuation tokens:

1. tokens found exactly once in each text anchor the alignment (the longest
   run of anchors in the same order, as patience diff does), so a long text
   costs little more than the sum of its short stretches;
2. between two anchors, :class:`difflib.SequenceMatcher` matches the tokens
   (longest common runs first, which reads like a person's alignment); a
   stretch too long for it (a text with no anchors, such as one passage
   repeated) is matched by rapidfuzz's bit-parallel longest common
   subsequence instead;
3. between two matched tokens, the spacing of the original is taken.

Each differing stretch becomes a :class:`~alliance_corpus.text.Change` with
the rule :data:`RULE` and a kind read from what changed (:func:`change_kind`).
What the copy lacks is not invented: a stretch of the original longer than
:data:`MAX_RESTORED` tokens, or a whole sentence, with no counterpart in the
copy stays missing.  A stretch of the copy with no counterpart in the original
is kept as it is and reported as unmatched.  A reference that matches too
little of the copy (:data:`MIN_MATCHED`) is not its original.

>>> found = align_to_reference("The alliance v Japan has actually been vital.", "The alliance with Japan has been vital.")
>>> [(c.replacement, c.kind) for c in found.changes]
[(' with ', 'spin'), (' ', 'filler')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from difflib import SequenceMatcher
from typing import NamedTuple

from rapidfuzz.distance import Indel

from ..text.edits import Change
from .detect.scripts import WORD, word_script

__all__ = ["RULE", "MAX_RESTORED", "MIN_MATCHED", "Token", "Alignment", "tokens", "align_to_reference", "change_kind", "matched_blocks"]

RULE = "reference.align"
MAX_RESTORED = 12
"""Longest stretch (in tokens) restored where the two sides are of very different lengths.

Longer stretches the copy lacks stay missing; longer stretches only the copy
has are kept and reported.  Spinners rewrite a phrase or a clause at a time,
well under this length; a left-out or added paragraph is far over it.
"""

LONG_STRETCH = 1_000_000
"""Above this product of the two stretches' lengths (in tokens), the quicker bit-parallel matcher is used."""

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A word or a punctuation mark, its lower-cased form for matching, and where it is."""

    key: str
    start: int
    end: int


MIN_MATCHED = 0.5
"""Least share of the copy's tokens the alignment must match for the reference to be its original.

A spun copy matches 69% to 92% of its tokens against its original (every
spun set of ``tests/data`` and the seed); a copy against another document's
original, even on the same topic, at most 20% (all 4,160 such pairs of those
sets).  Below this share the reference is not used: restoring from it would
replace the text with another one.
"""


class Alignment(NamedTuple):
    """What aligning a copy to its reference found: the changes that restore it, the stretches left unmatched,
    and the share of the copy's tokens matched (:data:`MIN_MATCHED`)."""

    changes: list[Change]
    unmatched: list[tuple[int, int]]
    matched: float = 1.0


def tokens(text: str) -> list[Token]:
    """The words and punctuation marks of ``text``, each with its span.

    >>> [t.key for t in tokens("Japan’s role,grows")]
    ['japan’s', 'role', ',', 'grows']
    """
    return [Token(m.group().casefold(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def matched_blocks(first: list[str], second: list[str]) -> list[tuple[int, int, int]]:
    """Runs ``(i, j, size)`` of equal items of two sequences, in order, ending with ``(len, len, 0)``.

    Items that occur once in each sequence are anchors; their longest common
    ordering splits the work into short stretches matched one by one.

    >>> matched_blocks("a b c d".split(), "a x c d".split())
    [(0, 0, 1), (2, 2, 2), (4, 4, 0)]
    """
    blocks: list[tuple[int, int, int]] = []
    previous = (0, 0)
    for i, j in [*_anchors(first, second), (len(first), len(second))]:
        found = _stretch_blocks(first[previous[0] : i], second[previous[1] : j])
        blocks += [(a + previous[0], b + previous[1], size) for a, b, size in found if size]
        if i < len(first):
            blocks.append((i, j, 1))
        previous = (i + 1, j + 1)
    return _merged(blocks) + [(len(first), len(second), 0)]


def _stretch_blocks(first: list[str], second: list[str]) -> list[tuple[int, int, int]]:
    """Matched runs of a stretch between two anchors."""
    if len(first) * len(second) > LONG_STRETCH:
        return [(block.a, block.b, block.size) for block in Indel.opcodes(first, second).as_matching_blocks()]
    return [(block.a, block.b, block.size) for block in SequenceMatcher(None, first, second, autojunk=False).get_matching_blocks()]


def _anchors(first: list[str], second: list[str]) -> list[tuple[int, int]]:
    """Pairs of positions of the items that occur once in each sequence, the longest run that keeps both orders."""
    once_first = {item for item, count in Counter(first).items() if count == 1}
    once_second = {item: j for j, item in enumerate(second)}
    counts_second = Counter(second)
    pairs = [(i, once_second[item]) for i, item in enumerate(first) if item in once_first and counts_second[item] == 1]
    # longest increasing subsequence of the second positions (patience sorting)
    tails: list[int] = []
    tail_index: list[int] = []
    before: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        place = bisect_left(tails, j)
        if place == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[place] = j
            tail_index[place] = index
        before[index] = tail_index[place - 1] if place else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = before[index]
    return chain[::-1]


def _merged(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Adjacent runs joined into one."""
    merged: list[tuple[int, int, int]] = []
    for i, j, size in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
        else:
            merged.append((i, j, size))
    return merged


def align_to_reference(text: str, reference: str) -> Alignment:
    """The changes that turn ``text`` into ``reference``, except where the two have nothing to align.

    Between two matched tokens the reference's spacing is taken; a stretch of
    unmatched tokens is replaced by the reference's stretch, with the spacing
    around it, unless it is a passage one side has and the other lacks.
    """
    ours, theirs = tokens(text), tokens(reference)
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    unmatched: list[tuple[int, int]] = []
    i = j = 0
    blocks = matched_blocks([t.key for t in ours], [t.key for t in theirs])
    for block_i, block_j, size in blocks:
        if (i, j) != (block_i, block_j) or not size or not i + j:  # the text's ends count as gaps too
            span = _gap(text, ours, i, block_i), _gap(reference, theirs, j, block_j)
            added = block_i - i
            if _restorable(added, [t.key for t in theirs[j:block_j]]):
                spans.append(span)
            elif added:
                unmatched.append((ours[i].start, ours[block_i - 1].end))
        for k in range(size):
            a, b = ours[block_i + k], theirs[block_j + k]
            spans.append(((a.start, a.end), (b.start, b.end)))
            if k + 1 < size:
                spans.append(((a.end, ours[block_i + k + 1].start), (b.end, theirs[block_j + k + 1].start)))
        i, j = block_i + size, block_j + size
    changes = (_change(text, reference, *span) for span in _joined(text, reference, spans))
    matched = sum(size for _, _, size in blocks) / len(ours) if ours else 1.0
    return Alignment([change for change in changes if change], unmatched, matched)


def _joined(text: str, reference: str, spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The differing ``spans`` (in order), those that touch joined, so that no two changes meet at one point.

    Two changes that meet ("the" + inserted "transport", then "Ministry" re-cased)
    would collide once each is narrowed to its words; joined, they are one.
    """
    joined: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for ours, theirs in spans:
        if text[slice(*ours)] == reference[slice(*theirs)]:
            continue
        if joined and joined[-1][0][1] == ours[0]:
            (start, _), (their_start, _) = joined[-1]
            joined[-1] = (start, ours[1]), (their_start, theirs[1])
        else:
            joined.append((ours, theirs))
    return joined


SENTENCE_ENDS = frozenset(".!?")


def _restorable(added: int, left_out: list[str]) -> bool:
    """Whether a stretch of ``added`` tokens of the copy, in place of the tokens ``left_out`` of the reference, is a rewording.

    Neither side may be longer than :data:`MAX_RESTORED` tokens, and a
    sentence the copy lacks altogether is not put in ("Washington sends
    troops."): a stretch the copy has nothing for is restored only within a
    sentence (a dropped "with", a lost full stop).
    """
    if max(added, len(left_out)) > MAX_RESTORED:
        return False
    return bool(added) or len(left_out) < 3 or not _ends_a_sentence(left_out)


def _ends_a_sentence(keys: list[str]) -> bool:
    """Whether the tokens hold a full stop, question or exclamation mark after a word ("troops ."; not "U . S .").

    >>> _ends_a_sentence(["sends", "troops", "."]), _ends_a_sentence(["the", "u", ".", "s", "."])
    (True, False)
    """
    return any(key in SENTENCE_ENDS and len(before) > 1 and before[0].isalnum() for before, key in zip(keys, keys[1:]))


def _gap(text: str, found: list[Token], start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` from the end of token ``start - 1`` to the start of token ``end``."""
    return (found[start - 1].end if start else 0), (found[end].start if end < len(found) else len(text))


def _change(text: str, reference: str, ours: tuple[int, int], theirs: tuple[int, int]) -> Change | None:
    before, after = text[slice(*ours)], reference[slice(*theirs)]
    if before == after:
        return None
    return Change(ours[0], ours[1], after, RULE, change_kind(before, after))


def change_kind(before: str, after: str) -> str:
    """The kind of damage that turned ``after`` (the original) into ``before`` (the copy).

    >>> change_kind("binh sĩ", "soldiers"), change_kind("sasebo", "Sasebo"), change_kind("Tokyo.Aircraft", "Tokyo. Aircraft")
    ('leakage', 'casing', 'spacing')
    >>> change_kind("", " "), change_kind("  ", " ")
    ('spacing', 'whitespace')
    >>> change_kind("has actually been", "has been"), change_kind("head office", "headquarters")
    ('filler', 'spin')
    """
    if any(word_script(m.group()) for m in WORD.finditer(before)):
        return "leakage"
    if before.split() == after.split() and bool(before) == bool(after):
        return "whitespace"
    if "".join(before.split()) == "".join(after.split()):
        return "spacing"
    if before.casefold() == after.casefold():
        return "casing"
    if _inserted(before.split(), after.split()):
        return "filler"
    return "spin"


def _inserted(before: list[str], after: list[str]) -> bool:
    """Whether ``before`` is ``after`` with words inserted (and none changed)."""
    remaining = iter(before)
    return len(before) > len(after) and all(any(word == other for other in remaining) for word in after)
