"""Keyword in context (for entities, words, phrases or patterns), co-occurrence of entities and mentions over time.

All read only the records (no spaCy) and work on any iterable of
:class:`~alliance_corpus.records.AnnotatedDocument`, such as a
:class:`~alliance_corpus.corpus.Corpus`.

>>> from alliance_corpus import load_corpus
>>> corpus = load_corpus("data/annotated")
>>> line = next(concordance(corpus, "Q766445", width=20))       # Okinawa
>>> line.left[-9:], line.match, line.right[:10]
('bases on ', 'Okinawa', ' and cost-')
>>> line = next(keyword_in_context(corpus, "north korea", ignore_case=True, width=12))
>>> line.left, line.match, line.right
('m China and ', 'North Korea', ' mount.  For')
>>> cooccurrences(corpus)[("Japan", "United States")] > 0
True
>>> sum(mentions_over_time(corpus, entity="Q766445").values()) == len(list(concordance(corpus, "Q766445")))
True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from itertools import combinations
from typing import NamedTuple

from ..records import NAMED_LABELS, AnnotatedDocument, Entity, known_label


class Line(NamedTuple):
    """One mention in its context: ``left + match + right`` is a slice of the restored text."""

    doc_id: str
    left: str
    match: str
    right: str
    start: int


def concordance(documents: Iterable[AnnotatedDocument], entity: str | Collection[str], *, width: int = 60) -> Iterator[Line]:
    """Every mention of ``entity`` (a kb id, canonical name or mention text, or several) with ``width`` characters each side.

    Line breaks in the context are shown as spaces, so each result prints on one line.
    """
    names = _names(entity)
    for document in documents:
        for mention in document.entities:
            if not names.isdisjoint((mention.kb_id, mention.canonical, mention.text)):
                text = document.text
                left = text[max(0, mention.start - width) : mention.start].replace("\n", " ")
                right = text[mention.end : mention.end + width].replace("\n", " ")
                yield Line(document.id, left, mention.text, right, mention.start)


def keyword_in_context(
    documents: Iterable[AnnotatedDocument],
    term: str,
    *,
    width: int = 60,
    regex: bool = False,
    ignore_case: bool = False,
) -> Iterator[Line]:
    r"""Every occurrence of a word, phrase or pattern in the restored text, with ``width`` characters each side.

    A word or phrase matches whole words only, and its spaces match any run of
    whitespace, so a phrase broken across lines is found; ``regex=True`` takes
    ``term`` as a Python regular expression instead.  Line breaks in the
    context and the match are shown as spaces.

    >>> pattern("Status of\nForces").pattern
    '\\bStatus\\s+of\\s+Forces\\b'
    """
    compiled = re.compile(term if regex else pattern(term).pattern, re.IGNORECASE if ignore_case else 0)
    for document in documents:
        text = document.text
        for found in compiled.finditer(text):
            if found.start() == found.end():
                continue  # a pattern that can match nothing would list every position
            left = text[max(0, found.start() - width) : found.start()]
            right = text[found.end() : found.end() + width]
            yield Line(document.id, _one_line(left), _one_line(found.group()), _one_line(right), found.start())


def pattern(phrase: str) -> re.Pattern[str]:
    """The whole-word pattern of a word or phrase, any run of whitespace between its words."""
    words = phrase.split()
    if not words:
        raise ValueError("the term to look for is empty")
    body = r"\s+".join(re.escape(word) for word in words)
    before = r"\b" if re.match(r"\w", words[0]) else ""
    after = r"\b" if re.search(r"\w$", words[-1]) else ""
    return re.compile(before + body + after)


def _one_line(text: str) -> str:
    return text.replace("\n", " ")


def cooccurrences(
    documents: Iterable[AnnotatedDocument],
    *,
    within: str = "sentence",
    labels: Iterable[str] = NAMED_LABELS,
) -> Counter[tuple[str, str]]:
    """How often two entities are mentioned in the same sentence (or document), across the corpus.

    Entities are keyed by canonical name (an unlinked mention by its text);
    each pair is a sorted tuple and counts once per sentence or document that
    holds both.  Only named labels count by default (no dates or numbers).
    """
    if within not in {"sentence", "document"}:
        raise ValueError("within must be 'sentence' or 'document'")
    wanted = frozenset(map(known_label, [labels] if isinstance(labels, str) else labels))
    pairs: Counter[tuple[str, str]] = Counter()
    for document in documents:
        for group in _groups(document, within, wanted):
            pairs.update(combinations(sorted(group), 2))
    return pairs


def _groups(document: AnnotatedDocument, within: str, labels: frozenset[str]) -> Iterator[set[str]]:
    mentions = [m for m in document.entities if m.label in labels]
    if within == "document":
        yield {entity_key(m) for m in mentions}
        return
    starts = [s.start for s in document.sentences]
    groups: dict[int, set[str]] = {}
    for mention in mentions:
        groups.setdefault(bisect_right(starts, mention.start) - 1, set()).add(entity_key(mention))
    yield from groups.values()


def _names(entity: str | Collection[str]) -> frozenset[str]:
    """One name or id, or several that name the same entity (a Wikidata id and the local id it replaced)."""
    return frozenset((entity,)) if isinstance(entity, str) else frozenset(entity)


def entity_key(mention: Entity) -> str:
    """How analyses tell entities apart: the canonical name, else (unlinked) the mention's text."""
    return mention.canonical or mention.text


PERIODS = ("year", "month")


def period_of(published: str | None, period: str = "month") -> str | None:
    """The year (``"2021"``) or month (``"2021-05"``) a ``published`` value falls in; ``None`` when it does not say.

    A value that gives only a year has no month: it is not put in January.

    >>> period_of("2021-05-03T09:00:00Z"), period_of("2021-05"), period_of("2021"), period_of("2021", "year"), period_of("May 2021")
    ('2021-05', '2021-05', None, '2021', None)
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    found = re.match(r"(\d{4})(?:-(0[1-9]|1[0-2])(?![\d]))?(?![\d])", (published or "").strip())
    if not found:
        return None
    if period == "year":
        return found[1]
    return f"{found[1]}-{found[2]}" if found[2] else None


def mentions_over_time(
    documents: Iterable[AnnotatedDocument],
    *,
    period: str = "month",
    label: str | None = None,
    entity: str | Collection[str] | None = None,
) -> Counter[tuple[str | None, str]]:
    """Mentions counted per ``(period, entity)``, the period read from each document's ``source.published``.

    Entities are keyed as in :func:`cooccurrences`; ``label`` keeps one
    label, ``entity`` one entity (a Wikidata or local id, or a canonical
    name).  Mentions in documents with no date at that precision are
    counted under the period ``None``, so nothing is dropped unseen.
    """
    label = None if label is None else known_label(label)
    counts: Counter[tuple[str | None, str]] = Counter()
    names = None if entity is None else _names(entity)
    for document in documents:
        when = period_of(document.source.published, period)
        for mention in document.entities:
            if (label is None or mention.label == label) and (names is None or not names.isdisjoint((mention.kb_id, mention.canonical))):
                counts[when, entity_key(mention)] += 1
    return counts
