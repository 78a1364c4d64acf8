"""Finding the original a spun document was made from, among the corpus's documents.

A spinner swaps common words for synonyms but keeps names, numbers and
dates, so the words written with a capital or a digit survive it, in their
order.  Pairs of such neighbouring words (:func:`shingles`) are hashed with
MinHash and indexed with locality-sensitive hashing (datasketch), so each
document is compared only with the few that share many pairs, never with all
the others.  A candidate is then verified by aligning the words
(:func:`containment`): most of the copy's words must be found, in order, in
the original.  Of two documents that pass, the copy is the one that reads as
spun (the higher garble score).

>>> sorted(shingles("In 1960 the Treaty of Mutual Cooperation was signed in Washington."))
['1960 treaty', 'cooperation washington', 'in 1960', 'mutual cooperation', 'treaty mutual']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz.distance import Indel

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["PERMUTATIONS", "THRESHOLD", "MATCH", "Match", "shingles", "containment", "find_originals"]

PERMUTATIONS = 128
THRESHOLD = 0.2
"""Estimated Jaccard similarity of shingle sets above which two documents are candidates (a spun copy keeps about half its pairs)."""
MATCH = 0.6
"""Share of the copy's words that must be found in order in the candidate for it to count as the original."""

SURVIVOR = re.compile(r"\b(?:[A-Z][\w’'-]*|\d[\d,.]*\d|\d)")
WORD = re.compile(r"\w+")


class Match(NamedTuple):
    """A copy, its original, and the share of the copy's words found in order in the original."""

    copy: str
    original: str
    containment: float


def shingles(text: str) -> set[str]:
    """Pairs of neighbouring words that a spinner keeps: those written with a capital or a digit, lower-cased."""
    kept = [m.group().casefold() for m in SURVIVOR.finditer(text)]
    return {f"{a} {b}" for a, b in zip(kept, kept[1:])}


def containment(copy: str, original: str) -> float:
    """Share of ``copy``'s words found, in order, in ``original`` (longest common subsequence).

    >>> containment("the alliance v Japan endures", "the alliance with Japan endures today")
    0.8
    """
    ours, theirs = WORD.findall(copy.casefold()), WORD.findall(original.casefold())
    if not ours:
        return 0.0
    common = (len(ours) + len(theirs) - Indel.distance(ours, theirs)) // 2
    return common / len(ours)


def _signature(text: str) -> MinHash:
    from datasketch import MinHash  # imported when first needed: it takes scipy with it (half a second)

    signature = MinHash(num_perm=PERMUTATIONS, seed=1)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return signature


def candidates(texts: dict[str, str]) -> dict[str, list[str]]:
    """For each id, the other ids whose shingle sets the index finds similar (without comparing all pairs)."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    signatures = {key: _signature(text) for key, text in texts.items()}
    for key, signature in signatures.items():
        index.insert(key, signature)
    return {key: sorted(other for other in index.query(signature) if other != key) for key, signature in signatures.items()}


def find_originals(
    documents: dict[str, str], references: dict[str, str], spun_score: Callable[[str], float], *, copies: Iterable[str] | None = None
) -> list[Match]:
    """The original of each document of ``documents`` (or of ``copies``, some of them) that has one, in ``documents`` or ``references``.

    ``references`` (keys distinct from the documents') are originals only;
    a pair within ``documents`` is ordered by ``spun_score`` (higher: the
    copy), and a pair whose two scores are equal is left alone.  A document
    with the very same text is no one's original; each pair of distinct
    texts is aligned once, however many documents share them (a crawl holds
    many copies of one wire story).
    """
    texts = {**references, **documents}
    sharing: dict[str, list[str]] = {}  # each distinct text -> the keys that have it
    for key, text in texts.items():
        sharing.setdefault(text, []).append(key)
    # The index holds each distinct text once: ten thousand copies of one story are one entry, not 10^8 candidate pairs.
    found = candidates({keys[0]: text for text, keys in sharing.items()})
    shares: dict[tuple[str, str], float] = {}

    def aligned(copy: str, original: str) -> float:
        if (copy, original) not in shares:
            shares[copy, original] = containment(copy, original)
        return shares[copy, original]

    matches = []
    for key in documents if copies is None else copies:
        others = [other for candidate in found[sharing[texts[key]][0]] for other in sharing[texts[candidate]]]
        verified = [(aligned(texts[key], texts[other]), other) for other in others]
        best = max(((share, other) for share, other in verified if share >= MATCH), default=None)
        if best is None:
            continue
        share, other = best
        if other in documents and spun_score(texts[key]) <= spun_score(texts[other]):
            continue
        matches.append(Match(key, other, round(share, 4)))
    return matches


def candidate_counts(texts: dict[str, str]) -> Sequence[int]:
    """How many candidates each document gets (for the cost benchmark)."""
    return [len(others) for others in candidates(texts).values()]


