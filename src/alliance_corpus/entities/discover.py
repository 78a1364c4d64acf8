"""New mentions found from the words around known ones: "Camp David Principles", "Tachikawa Air Base".

Head words (``label-heads``, and ``place-heads-lower`` for "Kadena town"),
facility suffixes (``facility-suffixes``) and the words that cannot open a
facility's name (``facility-stop-words``) are lexicon lists.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from ..resources.lexicons import alternatives, labelled, words
from .glosses import SCRIPT
from .headings import is_title_case
from .mention import Mention, SpanIndex, read_whole
from .relabel import head_labels

DOCUMENT_WORDS = re.compile(r"(?:[^\S\n][A-Z][\w'’-]*){0,3}")
"""Up to three capitalised words after a name, on the same line (a longer run of them is never read further)."""


def name_documents(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Read a name followed by a head word as one mention: "Camp David Principles", "Okinawa International University".

    The gazetteer ruler tags "Camp David" or "Okinawa" before the model reads
    the rest, so a name followed by up to three capitalised words, the last of
    them a ``label-heads`` word, becomes one unlinked mention with
    the head's label (``source: "context"``), and mentions inside it are dropped.
    A place followed right away by a lower-case ``place-heads-lower`` word
    ("Kadena town", "Okinawa prefecture") is read the same way.  The new mention
    is unlinked: the gazetteer links it later only if it knows the longer name,
    so "Kadena Town" never takes the id of Kadena Air Base.  A head word inside
    another mention is that mention's, and "the Okinawa city of Nago" names Nago.
    A compound the name ends is part of it ("Japan-India Agreement").
    In a title-case headline, a place after another place and "and" or a comma
    is a subject, and the capitalised words after it a verb and its object
    ("U.S. and Japan Sign Agreement on Host Nation Support"), not the rest of its name,
    unless the head comes right after it ("Yilan County, Taiwan Province").
    A name in Japanese or Chinese script takes no head after it: the words there are its romanisation.
    On a title-case line, a name takes no head that a gazetteer name stands before:
    "Biden Meets Japan Society Leaders" is a verb and the next name.

    >>> text = "They signed the Camp David Principles."
    >>> name_documents(text, [Mention(16, 26, "FAC", "ac:camp-david", "gazetteer")])
    [Mention(start=16, end=37, label='LAW', kb_id=None, source='context')]
    >>> text = "琉球諸島 Ryukyu Islands"
    >>> [text[m.start:m.end] for m in name_documents(text, [Mention(0, 4, "LOC", "ac:ryukyu-islands", "gazetteer")])]
    ['琉球諸島']
    """
    heads = head_labels()
    name_labels = frozenset(words("name-labels"))
    named = []
    given = SpanIndex.of(mentions)
    place_ends = place_mention_ends(mentions)
    known_ends = {m.end for m in mentions if m.source == "gazetteer"}
    known = SpanIndex.of(m for m in mentions if m.source == "gazetteer")
    for mention in mentions:
        found = None
        if mention.label in name_labels and mention.source != "caption" and not _in_script(text, mention):
            found = head_after(text, mention.end, heads) or _lower_head_after(text, mention)
        if found and len(text[mention.end : found[0]].split()) > 1 and _headline_subject(text, mention, place_ends):
            found = None  # "U.S. and Japan Sign Agreement": a verb and its object; "Yilan County, Taiwan Province" keeps its head
        if found and (given.surrounds(found[0]) or found[0] in known_ends):
            found = None  # the head word belongs to the next name ("U.S. Marine Corps Air Station Futenma", "American Kadena Air Base")
        if found and known.overlaps(mention.end, found[0]) and _on_title_case_line(text, mention):
            found = None  # "Biden Meets Japan Society Leaders": in a headline, the head is the next name's
        if found and mention.label == "PERSON" and found[1] == "EVENT":
            found = None  # "Yoshihide Suga Press Conference": the person's event, not a name of it
        kept_link = mention.kb_id if found and mention.label == found[1] == "FAC" else None  # "Futenma air station" is still Futenma
        named.append(Mention(_with_modifier(text, mention.start), found[0], found[1], kept_link, "context") if found else mention)
    spans = SpanIndex.of(named)
    return [m for m in named if not spans.inside_longer(m.start, m.end)]


SCRIPT_END = re.compile(rf"[{SCRIPT}]$")


def _in_script(text: str, mention: Mention) -> bool:
    """Whether the mention ends in Japanese or Chinese script: the Latin words after it are its romanisation ("琉球諸島 Ryūkyū Islands"), not the rest of its name."""
    return SCRIPT_END.search(text, mention.start, mention.end) is not None


HEADLINE_COORDINATION = re.compile(r"(?:,|[^\S\n]and)[^\S\n]+$")
"""A comma or "and" right before a name: the second of two coordinated subjects ("U.S. and Japan Sign ...")."""


MODIFIER_BEFORE = re.compile(r"(?:[A-Z][\w.]*[-‐‑–])+$")
"""Capitalised words joined by hyphens right before a name: the first places of a compound ("Japan-" in "Japan-India Agreement")."""


def _with_modifier(text: str, start: int) -> int:
    """Where a name read with its head word starts, with the compound it ends ("Japan-India Agreement", not "India Agreement")."""
    before = MODIFIER_BEFORE.search(text, max(0, start - 40), start)
    return before.start() if before else start


def place_mention_ends(mentions: Sequence[Mention]) -> frozenset[int]:
    """Where the mentions of places end."""
    places = frozenset(words("place-labels"))
    return frozenset(m.end for m in mentions if m.label in places)


def _headline_subject(text: str, mention: Mention, place_ends: frozenset[int]) -> bool:
    """Whether the mention follows another place and "and" or a comma, on a title-case line (see :func:`name_documents`)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    coordination = HEADLINE_COORDINATION.search(text, line_start, mention.start)
    return coordination is not None and coordination.start() in place_ends and _on_title_case_line(text, mention)


def _on_title_case_line(text: str, mention: Mention) -> bool:
    """Whether the line of ``mention`` is written in title case, as a headline is."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    return is_title_case(text[line_start : line_end if line_end >= 0 else len(text)])


def places_named_by_head_before(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with every "Strait of X" read as one LOC (``place-heads-before``), where no longer mention runs across it.

    >>> text = "the Persian Gulf and Straits of Hormuz are a choke-point"
    >>> found = [Mention(4, 16, "LOC", None, "model"), Mention(21, 28, "LOC", None, "model"), Mention(32, 38, "PERSON", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in places_named_by_head_before(text, found)]
    [('Persian Gulf', 'LOC'), ('Straits of Hormuz', 'LOC')]
    """
    labels = labelled("place-heads-before")
    return read_whole(mentions, ((match.span(), labels[match.group("head")]) for match in _head_before_of().finditer(text)))


def places_named_by_head_first(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with every "Cape X" and "Mount X" read as one LOC (``place-heads-first``), where no mention holds it or runs across it.

    >>> text = "from Cape Henoko to Cape Town"
    >>> found = [Mention(10, 16, "GPE", None, "model"), Mention(20, 29, "GPE", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in places_named_by_head_first(text, found)]
    [('Cape Henoko', 'LOC'), ('Cape Town', 'GPE')]
    """
    labels = labelled("place-heads-first")
    return read_whole(mentions, ((match.span(), labels[match.group("head")]) for match in _head_first().finditer(text)))


def ships_read_whole(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with a ship's whole name after a ``ship-prefixes`` word read as one PRODUCT ("USS George Washington").

    The model reads a ship named after a person or a place as that person or
    place, or as pieces of them ("George" a PERSON, "Washington" a GPE); a
    name that ends in a head word is what the head says ("USS Arizona
    Memorial" is the memorial, a FAC).

    >>> text = "The USS George Washington left Norfolk near the USS Arizona Memorial"
    >>> found = [Mention(8, 14, "PERSON", None, "model"), Mention(15, 25, "GPE", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in ships_read_whole(text, found)]
    [('USS George Washington', 'PRODUCT')]

    Once the document has named a ship with its prefix, "the" and the same
    name elsewhere in it is the ship too ("The George Washington arrived in
    Japan"):

    >>> text = "The USS George Washington left. The George Washington arrived in Japan; George Washington crossed the Delaware."
    >>> found = [Mention(36, 42, "PERSON", None, "model"), Mention(43, 53, "GPE", None, "model"), Mention(72, 89, "PERSON", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in ships_read_whole(text, found)]
    [('USS George Washington', 'PRODUCT'), ('George Washington', 'PRODUCT'), ('George Washington', 'PERSON')]
    """
    heads = head_labels()
    ships = [match for match in _ship_name().finditer(text) if match.group("name").split()[-1] not in heads]
    spans = [
        ((match.start() if match.group("prefix")[:1].isupper() else match.start("name"), match.end()), "PRODUCT")  # "USS" is part of the name, "destroyer" not
        for match in ships
    ]
    names = {" ".join(match.group("name").split()) for match in ships}
    if names:
        again = re.compile(r"\b[Tt]he[^\S\n]+(?P<name>" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w'’-]|[^\S\n]+[A-Z])")
        spans += [(found.span("name"), "PRODUCT") for found in again.finditer(text)]
    return read_whole(mentions, spans, relabel=True)


@lru_cache(maxsize=1)
def _ship_name() -> re.Pattern[str]:
    prefixes = alternatives("ship-prefixes")
    word = rf"(?!(?:{prefixes})\b)[A-Z][\w'’-]*"
    return re.compile(rf"(?<![\w.-])(?P<prefix>{prefixes})[^\S\n]+(?P<name>{word}(?:[^\S\n]+{word}){{0,2}})(?![\w'’-])")


def laws_with_years(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with an act's year after "of" read as part of its name ("Inflation Reduction Act of 2022"), as U.S. statutes are titled.

    >>> text = "the Inflation Reduction Act of 2022 passed"
    >>> [(text[m.start:m.end], m.label) for m in laws_with_years(text, [Mention(4, 27, "LAW", None, "model")])]
    [('Inflation Reduction Act of 2022', 'LAW')]
    """
    acts = (m for m in mentions if m.label == "LAW" and text[m.start : m.end].endswith(" Act"))  # a treaty's year is no part of its name
    spans = [((m.start, year.end()), "LAW") for m in acts if (year := YEAR_AFTER.match(text, m.end))]
    return read_whole(mentions, spans)


YEAR_AFTER = re.compile(r"[^\S\n]+of[^\S\n]+(?:1[89]|20)\d\d(?![\w,.]?\d)")
"""A year after "of" right after a law's name."""


@lru_cache(maxsize=1)
def _head_first() -> re.Pattern[str]:
    heads = alternatives("place-heads-first")
    return re.compile(rf"(?<![\w-])(?P<head>{heads})[^\S\n]+[A-Z][\w'’-]*(?![\w'’-])")


@lru_cache(maxsize=1)
def _head_before_of() -> re.Pattern[str]:
    heads = alternatives("place-heads-before")
    return re.compile(rf"\b(?P<head>{heads})[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*)?")


ORDINAL_WORDS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth")
"""Ordinals written out, as numbered units are named ("Seventh Fleet", "Eighth Army")."""


def military_units(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with every numbered unit read as one ORG: an ordinal, capitalised words and a ``unit-heads`` word, or the number last.

    The model reads "3rd" as an ORDINAL and the rest as an ORG, or nothing at
    all; a longer mention that runs across a unit is left as it is.

    >>> text = "Troops of the 3rd Marine Division joined the 18th Wing and The Marine Aircraft Group 12."
    >>> [(text[m.start:m.end], m.label) for m in military_units(text, [Mention(14, 17, "ORDINAL", None, "model")])]
    [('3rd Marine Division', 'ORG'), ('18th Wing', 'ORG'), ('Marine Aircraft Group 12', 'ORG')]
    """
    return read_whole(mentions, ((match.span(), "ORG") for match in _unit().finditer(text)))


@lru_cache(maxsize=1)
def _unit() -> re.Pattern[str]:
    heads = alternatives("unit-heads")
    ordinal = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r"|(?!I\b)[IVX]{1,5})"  # not "I", the pronoun
    before = rf"(?<![\w-]){ordinal}(?:[^\S\n]+[A-Z][\w'’-]*){{0,3}}?[^\S\n]+(?:{heads})\b"  # "3rd Marine Division"
    after = rf"(?<![\w-])(?!(?:The|A|An)\b)(?:[A-Z][\w'’-]*[^\S\n]+){{1,4}}(?:{heads})(?:[^\S\n]+|-)\d{{1,3}}(?![\w.,]?\d)"  # "Marine Aircraft Group 12", "Marine Aerial Refueler Transport Squadron 152"
    return re.compile(f"{before}|{after}")


def unnamed_facilities(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with the bases the model missed or cut: capitalised words before a ``facility-suffixes`` word, one FAC.

    A mention inside such a name gives way to it ("Yokota" in "Yokota AB"); a
    longer mention that holds it or runs across it is kept.  A nationality
    that opens the words is no part of the name ("the American Kadena Air Base").

    >>> text = "from Yokosuka to Tachikawa Air Base and Yokota AB, part of Marine Corps Base Camp Smedley D. Butler complex"
    >>> [(text[m.start:m.end], m.label) for m in unnamed_facilities(text, [Mention(40, 46, "GPE", None, "model")])]
    [('Tachikawa Air Base', 'FAC'), ('Yokota AB', 'FAC'), ('Marine Corps Base Camp Smedley D. Butler', 'FAC')]
    >>> text = "near the American Kadena Air Base"
    >>> [(text[m.start:m.end], m.label) for m in unnamed_facilities(text, [Mention(9, 17, "NORP", None, "model")])]
    [('American', 'NORP'), ('Kadena Air Base', 'FAC')]
    """
    nationalities = {m.start: m.end for m in mentions if m.label == "NORP"}
    places = sorted(m.start for m in mentions if m.source == "gazetteer" and m.label != "FAC")
    spans = []
    for match in facility_regex().finditer(text):
        start, end = match.span()
        end = _before_next_place(text, start, end, places)
        if start in nationalities and nationalities[start] < end:
            start = nationalities[start] + len(text[nationalities[start] : end]) - len(text[nationalities[start] : end].lstrip())
        if text[end - 2 : end] in POSSESSIVES:
            end -= 2  # "Camp Blaz’s main cantonment"
        spans.append(((start, end), "FAC"))
    return read_whole(mentions, spans, relabel=True)  # a base's name is a FAC whatever the model read ("MCB Butler")


POSSESSIVES = ("'s", "’s")


def _before_next_place(text: str, start: int, end: int, places: list[int]) -> int:
    """Where a base's name read from ``start`` ends: before a known place or name the gazetteer found after its first word.

    The first word after a prefix is the base's own name, even a town's
    ("Marine Corps Air Station Iwakuni"); a known place after it is the next
    name ("Camp Schwab Nago" is the camp and its town).
    """
    named = _prefix_and_name().match(text, start, end)
    if named is None:
        return end
    after = bisect_left(places, named.end())
    if after < len(places) and places[after] < end:
        return len(text[: places[after]].rstrip())
    return end


@lru_cache(maxsize=1)
def _prefix_and_name() -> re.Pattern[str]:
    """A ``facility-prefixes`` phrase and the word after it."""
    return re.compile(rf"(?:{alternatives('facility-prefixes')}),?[^\S\n]+\S+")


@lru_cache(maxsize=1)
def facility_regex() -> re.Pattern[str]:
    """Capitalised words and a ``facility-suffixes`` word ("Tachikawa Air Base"), or a ``facility-prefixes`` phrase and
    the capitalised words or initials after it ("Marine Corps Base Camp Smedley D. Butler"), stopping at a function word."""
    suffixes = alternatives("facility-suffixes")
    prefixes = alternatives("facility-prefixes")
    function_words = r"(?!(?:" + alternatives("facility-stop-words") + r")\b)"
    stops = (*words("facility-stop-words"), *words("month-names"), *words("day-names"))
    any_case = r"(?!(?i:" + "|".join(map(re.escape, stops)) + r")\b)"  # "Camp Blaz May 2" and "Camp Schwab Tuesday" end at the name
    named_after = rf",?(?:[^\S\n]+{any_case}(?:[A-Z][\w'’-]*[\w'’]|[A-Z]\.)){{1,4}}"  # "Marine Corps Air Station, Futenma"
    return re.compile(rf"\b(?:{prefixes}){named_after}(?![\w'’-])|(?<![\w.'’-])(?:{function_words}[A-Z][\w'’-]*[^\S\n]){{1,3}}(?:{suffixes})\b")


@lru_cache(maxsize=1)
def _facility_kinds() -> re.Pattern[str]:
    return re.compile(r"[^\S\n]+(?:" + alternatives("facility-kinds-lower") + r")\b")


@lru_cache(maxsize=1)
def _lower_heads() -> re.Pattern[str]:
    return re.compile(r"[^\S\n]+(?:" + alternatives("place-heads-lower") + r")\b(?![^\S\n]+of\b)")  # "city assembly" before "city"


def _lower_head_after(text: str, mention: Mention) -> tuple[int, str] | None:
    """End and label of a lower-case place head ("town") right after a place mention.

    A mention that already ends in such a head ("Nago city") may take the
    ``place-heads-lower`` word that follows the whole phrase ("Nago city assembly").
    """
    if mention.label == "FAC":  # "Futenma air station": a base's name with its kind in lower case
        kind = _facility_kinds().match(text, mention.end)
        return (kind.end(), "FAC") if kind else None
    if mention.label not in words("place-labels"):
        return None
    found = _lower_heads().match(text, mention.end)
    last = text[mention.start : mention.end].split()[-1:]
    if found is None and last and last[0] in labelled("place-heads-lower"):
        found = _lower_heads().match(text, text.rfind(" ", mention.start, mention.end))
        found = found if found is not None and found.end() > mention.end else None
    return (found.end(), labelled("place-heads-lower")[" ".join(found.group().split())]) if found else None


def head_after(text: str, start: int, heads: Mapping[str, str]) -> tuple[int, str] | None:
    """End and label of the first head word among the capitalised words after ``start``, and of the heads right after it.

    "Japan-U.S. Summit Meeting" ends at "Meeting", the last of two heads in a row.
    """
    following = DOCUMENT_WORDS.match(text, start)
    assert following is not None  # the pattern matches the empty string, so it matches anywhere
    found = None
    for word in following.group().split()[:3]:
        start = text.index(word, start) + len(word)
        if word in heads:
            found = (start, heads[word])
        elif found is not None:
            break
    return found


def places_with_compass_words(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with a capitalised compass word right before a place or nationality read into it (``compass-words``).

    The model often leaves the word out ("Northeast [Asia]", "Western [Tokyo]")
    or makes it a mention of its own.  The mention keeps its label
    (``compass-labels``) and loses its link: "Western Tokyo" is not Tokyo.
    In a title-case heading the capital tells nothing ("Lake In Northern Japan").

    >>> text = "he spoke about security in Northeast Asia and then visited Western Tokyo yesterday"
    >>> found = [Mention(27, 36, "LOC", None, "model"), Mention(37, 41, "LOC", None, "model"), Mention(67, 72, "GPE", "Q1490", "gazetteer")]
    >>> [(text[m.start:m.end], m.label, m.kb_id) for m in places_with_compass_words(text, found)]
    [('Northeast Asia', 'LOC', None), ('Western Tokyo', 'GPE', None)]
    """
    labels = frozenset(words("compass-labels"))
    before = _compass_before()
    longest = max(map(len, words("compass-words")), default=0) + 2
    widened: dict[int, Mention] = {}
    for index, mention in enumerate(mentions):
        found = before.search(text, max(0, mention.start - longest - 1), mention.start) if mention.label in labels else None
        if found and not is_title_case(_line_of(text, mention.start)):  # in a title-case heading every word has its capital
            widened[index] = Mention(found.start("word"), mention.end, mention.label, None, "context")
    if not widened:
        return list(mentions)
    taken = [(m.start, mentions[i].start) for i, m in widened.items()]
    kept = [widened.get(i, m) for i, m in enumerate(mentions)]
    return [m for m in kept if not any(start <= m.start and m.end <= end for start, end in taken)]


def _line_of(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


@lru_cache(maxsize=1)
def _compass_before() -> re.Pattern[str]:
    """A compass word, a whole word, and one space up to the end of the searched stretch."""
    compass = alternatives("compass-words")
    return re.compile(rf"(?<![\w.'’-])(?P<word>{compass})[^\S\n]$")


def named_events(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with "Operation" and the capitalised words after it read as one EVENT (``events-named-after``).

    >>> text = "launching Operation ICEBERG in April and Operation Tomodachi later"
    >>> found = [Mention(20, 27, "ORG", None, "model"), Mention(41, 60, "ORG", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in named_events(text, found)]
    [('Operation ICEBERG', 'EVENT'), ('Operation Tomodachi', 'EVENT')]
    """
    labels = labelled("events-named-after")
    spans = {match.span(): labels[match.group("word")] for match in _event_named_after().finditer(text)}
    if not spans:
        return list(mentions)
    inside = SpanIndex.of([Mention(start, end, label, None, "context") for (start, end), label in spans.items()])
    relabelled = [
        replace(m, label=spans[(m.start, m.end)]) if (m.start, m.end) in spans else m
        for m in mentions
        if (m.start, m.end) in spans or m.source != "model" or not inside.inside_longer(m.start, m.end)  # "[ICEBERG]" gives way
    ]
    return read_whole(relabelled, spans.items())


@lru_cache(maxsize=1)
def _event_named_after() -> re.Pattern[str]:
    words_before = alternatives("events-named-after")
    return re.compile(rf"(?<![\w-])(?P<word>{words_before})[^\S\n]+(?P<name>[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){{0,2}})")


def shared_place_heads(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with places listed before one plural head read as one mention ("East and South China Seas").

    Two compass words or names joined by "and", with capitalised words after
    each, before a ``shared-place-heads`` word, name places of one kind
    together; the model reads them as pieces ("East", "South China").

    >>> text = "claims in the East and South China Seas and the South and East China seas"
    >>> found = [Mention(14, 18, "LOC", None, "model"), Mention(23, 34, "GPE", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in shared_place_heads(text, found)]
    [('East and South China Seas', 'LOC'), ('South and East China seas', 'LOC')]
    """
    labels = labelled("shared-place-heads")
    return read_whole(mentions, ((match.span(), labels[match.group("head").capitalize()]) for match in _shared_heads().finditer(text)))


@lru_cache(maxsize=1)
def _shared_heads() -> re.Pattern[str]:
    heads = alternatives("shared-place-heads")
    compass = alternatives("compass-words")
    part = rf"(?:{compass})(?:[^\S\n]+[A-Z][\w'’-]*)?"
    return re.compile(rf"(?<![\w-]){part}[^\S\n]+and[^\S\n]+{part}[^\S\n]+(?P<head>(?i:{heads}))\b")
