"""Entity post-processing: photo credits, gazetteer linking and surname resolution.

These functions work on plain :class:`Mention` values, not on spaCy objects,
so they run on the whole document after the model has read it in chunks, and
they are tested without a model.

Linking rules:

- A mention whose text is a full gazetteer name gets that entity's id,
  canonical name and label (the gazetteer is authoritative for its names).
- A surname alone ("Yoshida") links to the person named in full elsewhere in
  the same document.  With no full mention, it links only if exactly one
  gazetteer person has that surname and the model did not read it as a
  place ("Austin, Texas"); otherwise it stays unlinked rather than guessed.  Occurrences of a linked person's surname that the model missed
  are added as PERSON mentions.
- A credit such as "Yuriko Nakao/Reuters" yields a PERSON and an ORG.
- A model mention ending in a head word takes its label ("... Law" LAW,
  "... Air Base" FAC, "... University" ORG), and so does a name followed by
  such a word ("Camp David Principles", "Okinawa International University").

>>> from alliance_corpus.resources import Resources
>>> gaz = Resources.bundled().gazetteer
>>> text = "Leon Panetta visited Tokyo. Panetta said so."
>>> found = [Mention(0, 12, "PERSON", None, "model"), Mention(28, 35, "ORG", None, "model")]
>>> [(text[m.start:m.end], m.label, m.kb_id) for m in link_mentions(text, found, gaz)]
[('Leon Panetta', 'PERSON', 'Q244631'), ('Panetta', 'PERSON', 'Q244631')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Sequence

import orjson

from .gazetteer import Gazetteer
from .resources import package_data
from .restore.segments import Credit

LEADING_DETERMINER = re.compile(r"^(?:the|The|a|an|A|An)\s+(?=\S)")
TRAILING_FUNCTION_WORDS = re.compile(r"(?:\s+(?:of|the|and|of the|in|to))+$|(?:['’]s|(?<=s)['’])$")
TITLE_BEFORE = re.compile(r"(?:Secretary|Minister|Ministry|Department|Deputy Secretary|Under Secretary) of\s*$")
TITLE_AFTER = re.compile(r"\s+(?:Secretary|Secretaries|Minister|Ministers)\b")
TITLE_WORDS = frozenset({"State", "Defense", "Defence", "Foreign", "Foreign Affairs", "the Navy", "the Army", "the Air Force", "the Treasury", "Homeland Security"})
COMPOUND = re.compile(r"(?<![\w-])[A-Z][\w.]*(?:-[A-Z][\w.]*)+(?![\w-])")
COMPOUND_LABELS = frozenset({"GPE", "NORP", "LOC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "EVENT"})
DOCUMENT_WORDS = re.compile(r"(?:[^\S\n][A-Z][\w'’-]*)*")


@dataclass(frozen=True)
class Mention:
    """An entity mention in the restored text, before it becomes a record."""

    start: int
    end: int
    label: str
    kb_id: str | None
    source: str


def link_mentions(text: str, mentions: Iterable[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Link every mention to the gazetteer where the text allows it (see the module docstring)."""
    mentions = [relabel_documents(text, m) for m in map(lambda m: tidy(text, m), mentions) if m is not None]
    mentions = name_documents(text, mentions)
    mentions = overlay(unnamed_facilities(text), mentions)
    mentions = split_compounds(text, mentions, gazetteer)
    linked = [_link_by_name(text, m, gazetteer) for m in mentions]
    linked = _resolve_surnames(text, linked, gazetteer)
    linked = surnames_of_people_named(text, linked)
    return sorted(linked, key=lambda m: (m.start, m.end))


def tidy(text: str, mention: Mention) -> Mention | None:
    """Trim a model mention to its name, or drop it when it is only part of a job title.

    The model often includes a leading article ("the Security Treaty"), a
    dangling "of the" ("Article 5 of the") or a possessive ("al-Qaeda’s"), and tags "State" in "Secretary of
    State" or "Defense" in "Defense Secretary" as an organization.  Gazetteer and caption mentions are exact already.

    >>> text = "the Security Treaty and the Secretary of State"
    >>> tidy(text, Mention(0, 19, "LAW", None, "model"))
    Mention(start=4, end=19, label='LAW', kb_id=None, source='model')
    >>> tidy(text, Mention(41, 46, "ORG", None, "model")) is None
    True
    """
    if mention.source != "model":
        return mention
    surface = text[mention.start : mention.end]
    if surface in TITLE_WORDS and (TITLE_BEFORE.search(text, 0, mention.start) or TITLE_AFTER.match(text, mention.end)):
        return None
    head = LEADING_DETERMINER.match(surface)
    tail = TRAILING_FUNCTION_WORDS.search(surface)
    start = mention.start + (head.end() if head else 0)
    end = mention.start + (tail.start() if tail else len(surface))
    return replace(mention, start=start, end=end) if end > start else None


def relabel_documents(text: str, mention: Mention) -> Mention:
    """Relabel a model mention by its last word, or as a LAW when it names a court case (``data/labels.json``).

    >>> text = "the International Peace Cooperation Law passed; Wilson v. Girard; Itazuke Air Base"
    >>> [relabel_documents(text, Mention(s, e, l, None, "model")).label for s, e, l in [(4, 39, "ORG"), (48, 64, "ORG"), (66, 83, "PERSON")]]
    ['LAW', 'LAW', 'FAC']
    """
    lexicon = label_lexicon()
    surface = text[mention.start : mention.end]
    words = surface.split()
    if mention.source != "model" or mention.label not in lexicon["relabel_from"] or len(words) < 2:
        return mention
    if any(separator in surface for separator in lexicon["case_separators"]):
        return replace(mention, label="LAW")
    return replace(mention, label=lexicon["heads"].get(words[-1], mention.label))


def name_documents(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Read a name followed by a head word as one mention: "Camp David Principles", "Okinawa International University".

    The gazetteer ruler tags "Camp David" or "Okinawa" before the model reads
    the rest, so a name followed by up to three capitalised words, the last of
    them a head word of ``data/labels.json``, becomes one unlinked mention with
    the head's label (``source: "context"``), and mentions inside it are dropped.

    >>> text = "They signed the Camp David Principles."
    >>> name_documents(text, [Mention(16, 26, "FAC", "ac:camp-david", "gazetteer")])
    [Mention(start=16, end=37, label='LAW', kb_id=None, source='context')]
    """
    heads = label_lexicon()["heads"]
    named = []
    for mention in mentions:
        found = _head_after(text, mention.end, heads) if mention.label in NAME_LABELS and mention.source != "caption" else None
        named.append(Mention(mention.start, found[0], found[1], None, "context") if found else mention)
    return [m for m in named if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in named)]


def unnamed_facilities(text: str) -> list[Mention]:
    """Bases the model may miss: capitalised words before a facility suffix of ``data/labels.json``.

    >>> text = "from Yokosuka to Tachikawa Air Base in the suburbs"
    >>> [(text[m.start:m.end], m.label) for m in unnamed_facilities(text)]
    [('Tachikawa Air Base', 'FAC')]
    """
    return [Mention(m.start(), m.end(), "FAC", None, "context") for m in facility_regex().finditer(text)]


@lru_cache(maxsize=1)
def facility_regex() -> re.Pattern[str]:
    suffixes = sorted(label_lexicon()["facility_suffixes"], key=len, reverse=True)
    function_words = r"(?!(?:The|A|An|At|In|On|From|To|By|Near|With|And|But|For|Of|Its|Their)\b)"
    return re.compile(rf"\b(?:{function_words}[A-Z][\w'’-]*[^\S\n]){{1,3}}(?:" + "|".join(map(re.escape, suffixes)) + r")\b")


def _head_after(text: str, start: int, heads: dict[str, str]) -> tuple[int, str] | None:
    """End and label of the first head word among the capitalised words after ``start``."""
    for word in DOCUMENT_WORDS.match(text, start).group().split()[:3]:
        start = text.index(word, start) + len(word)
        if word in heads:
            return start, heads[word]
    return None


@lru_cache(maxsize=1)
def label_lexicon() -> dict:
    """The label repairs of ``data/labels.json``: head word -> label, and the lists as sets."""
    data = orjson.loads(package_data("labels.json").read_bytes())
    heads = {word: label for label, words in data["heads"].items() for word in words}
    return {
        "heads": heads,
        "relabel_from": frozenset(data["relabel_from"]),
        "case_separators": tuple(data["case_separators"]),
        "facility_suffixes": tuple(data["facility_suffixes"]),
    }


def split_compounds(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Read "U.S.-Japan" as two places, as OntoNotes does, wherever no longer mention covers it.

    A hyphenated word whose every part is a gazetteer place or nationality is
    split into one mention per part; a model mention of the whole compound
    (often a wrong ORG) is replaced.
    """
    kept = [m for m in mentions if _compound_parts(text[m.start : m.end], gazetteer) is None]
    for match in COMPOUND.finditer(text):
        parts = _compound_parts(match.group(), gazetteer)
        if parts is None or any(m.start < match.end() and match.start() < m.end for m in kept):
            continue
        offset = match.start()
        for part in parts:
            entry = gazetteer.lookup(part)
            kept.append(Mention(offset, offset + len(part), entry.label, entry.id, "gazetteer"))
            offset += len(part) + 1
    return kept


def _compound_parts(surface: str, gazetteer: Gazetteer) -> list[str] | None:
    parts = surface.split("-")
    if len(parts) < 2:
        return None
    entries = [gazetteer.lookup(part) for part in parts]
    if all(e is not None and e.label in COMPOUND_LABELS for e in entries):
        return parts
    return None


def credit_mentions(credits: Iterable[Credit], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """A PERSON per photographer and an ORG per agency of each photo credit.

    "Yuriko Nakao/Reuters" gives a PERSON and an ORG; "Kyodo/Reuters" two ORGs.
    """
    mentions = []
    for credit in credits:
        for start, end in credit.people:
            mentions.append(Mention(start, end, "PERSON", None, "caption"))
        for start, end in credit.agencies:
            agency = gazetteer.lookup(text[start:end])
            mentions.append(Mention(start, end, "ORG", agency.id if agency else None, "caption"))
    return sorted(mentions, key=lambda m: m.start)


def overlay(mentions: Sequence[Mention], preferred: Sequence[Mention]) -> list[Mention]:
    """``preferred`` mentions, plus those of ``mentions`` that overlap none of them."""
    kept = [m for m in mentions if not any(m.start < p.end and p.start < m.end for p in preferred)]
    return sorted([*kept, *preferred], key=lambda m: (m.start, m.end))


def _link_by_name(text: str, mention: Mention, gazetteer: Gazetteer) -> Mention:
    if mention.kb_id:
        entry = gazetteer.by_id.get(mention.kb_id)
        return replace(mention, label=entry.label) if entry else mention
    entry = gazetteer.lookup(text[mention.start : mention.end])
    if entry is None:
        return mention
    return replace(mention, label=entry.label, kb_id=entry.id)


def _resolve_surnames(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    in_document = _surnames_in_document(mentions, gazetteer)
    resolved = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        if mention.kb_id is None and surface in gazetteer.by_short:
            if surface in in_document:  # the document names the person in full: trust it over the model's label
                mention = replace(mention, label="PERSON", kb_id=_only(in_document[surface]))
            elif mention.label not in PLACE_LABELS:  # "Austin" the city must not become Lloyd Austin
                kb_id = _only({e.id for e in gazetteer.with_surname(surface)})
                mention = replace(mention, label="PERSON" if kb_id else mention.label, kb_id=kb_id)
        resolved.append(mention)
    return resolved + _missed_surnames(text, resolved, in_document)


def surnames_of_people_named(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A word that is the surname of a person named in full in the document is that person, not an ORG.

    Covers people the gazetteer does not know ("Yoshimasa Hayashi ... Hayashi");
    places keep their label ("Austin, Texas").

    >>> text = "Yoshimasa Hayashi spoke. Hayashi left."
    >>> [m.label for m in surnames_of_people_named(text, [Mention(0, 17, "PERSON", None, "model"), Mention(25, 32, "ORG", None, "model")])]
    ['PERSON', 'PERSON']
    """
    surnames = {text[m.start : m.end].split()[-1] for m in mentions if m.label == "PERSON" and len(text[m.start : m.end].split()) > 1}
    return [
        replace(m, label="PERSON")
        if m.kb_id is None and m.label not in PLACE_LABELS | {"PERSON"} and text[m.start : m.end] in surnames
        else m
        for m in mentions
    ]


def _surnames_in_document(mentions: Iterable[Mention], gazetteer: Gazetteer) -> dict[str, set[str]]:
    """Surname -> ids of the people named in full in this document."""
    found: dict[str, set[str]] = {}
    for mention in mentions:
        entry = gazetteer.by_id.get(mention.kb_id or "")
        if entry and entry.label == "PERSON":
            for surname in entry.short:
                found.setdefault(surname, set()).add(entry.id)
    return found


def _only(candidates: set[str]) -> str | None:
    """The one candidate, or ``None`` when there are several: never guess."""
    return next(iter(candidates)) if len(candidates) == 1 else None


def _missed_surnames(text: str, mentions: list[Mention], in_document: dict[str, set[str]]) -> list[Mention]:
    """Surnames of people named in full here that no mention covers yet."""
    added = []
    for surname, ids in in_document.items():
        if len(ids) != 1:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not any(m.start < match.end() and match.start() < m.end for m in mentions):
                added.append(Mention(match.start(), match.end(), "PERSON", next(iter(ids)), "context"))
    return added
