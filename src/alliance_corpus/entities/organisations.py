"""Organisations named after a place or a people, read as one ORG: "Okinawa Kai of Washington D.C.", "U.S. Consulate General Naha".

The model reads such names as their places ("Okinawa", "Washington D.C.")
or cuts them at the head.  An ``organisation-heads`` word joins:

- the place, people or organisation mentions right before it, joined by a
  space or a hyphen ("U.S.", "Japanese", "ND Okinawa", "U.S.-Japan"), and
  the capitalised words before it, up to three, except on a headline, where
  every long word has a capital (there only words a mention starts, or the
  words of a field after a comma, "Professor, National Defense Academy");
- "of" and up to three capitalised words after it ("of Washington D.C.",
  "of the Ryukyus"), or "for" or "on" and up to four ("for East Asian
  Studies", "on Japanese Economy and Business");
- after an ``organisation-heads-place-after`` word, a place mention right
  after it ("Consulate General Naha").

A head with nothing joined is left as it is, and so is a span some mention
runs across or holds, or one that holds no mention at all: capitalised
words alone ("a High Court ruling") are no evidence of a name.

>>> text = "members of the Okinawa Kai of Washington D.C. met the U.S. Consulate General Naha"
>>> found = [Mention(15, 22, "GPE", None, "model"), Mention(30, 45, "GPE", None, "model"),
...          Mention(54, 58, "GPE", None, "model"), Mention(77, 81, "GPE", None, "model")]
>>> [(text[m.start:m.end], m.label) for m in organisations_read_whole(text, found)]
[('Okinawa Kai of Washington D.C.', 'ORG'), ('U.S. Consulate General Naha', 'ORG')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..resources.lexicons import alternatives, word_set, words
from .mention import POSSESSIVE_AFTER, Mention, SpanIndex, read_whole

JOINED_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})
"""Labels of the mentions an organisation's name may hold before its head."""
PLACES = frozenset({"GPE", "LOC"})
WORDS_BEFORE = 3
POSSESSIVE = re.compile(r"['’ʻ`]s$")
ACRONYM = re.compile(r"[A-Z]{2,}")
LONG_WORD = re.compile(r"[^\W\d_]{4,}")
CAPITALISED_RUN_BEFORE = re.compile(rf"(?:[A-Z][\w'’.-]*[^\S\n]+){{1,{WORDS_BEFORE}}}$")
CAPITALISED_BEFORE = re.compile(r"(?<![\w.'’-])[A-Z][\w'’.-]*[^\S\n]+$")
NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’-]*(?!\.[A-Z]))"
OF_NAME = re.compile(rf"[^\S\n]+of(?:[^\S\n]+the)?(?:[^\S\n]+{NAME_WORD}){{1,3}}")
FOR_NAME = re.compile(rf"[^\S\n]+(?:for|on)(?:[^\S\n]+{NAME_WORD})(?:(?:[^\S\n]+and)?[^\S\n]+{NAME_WORD}){{0,3}}")
JOINERS = (" ", "-", "‐", "–")
"""What may stand between the mentions before a head ("U.S.-Japan Center")."""


def organisations_read_whole(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each organisation named after a place or a people read as one ORG (see the module docstring)."""
    by_end = {m.end: m for m in mentions if m.label in JOINED_LABELS}
    by_start = {m.start: m for m in mentions}  # the mentions a word before a head may open, and the places after one
    named = SpanIndex.of(mentions)
    spans = []
    for head in _heads().finditer(text):
        start = _start_before(text, head.start(), by_end, by_start)
        end = _end_after(text, head, by_start)
        if (start, end) != head.span() and named.overlaps(start, end):
            spans.append(((start, end), "ORG"))
    return read_whole(mentions, spans)


def _start_before(text: str, start: int, by_end: dict[int, Mention], by_start: dict[int, Mention]) -> int:
    """Where the name of the organisation whose head starts at ``start`` begins.

    On a title-case line only words that mentions start are taken ("Japan-America" before "Society"),
    or the words of a field after a comma ("Professor, National Defense Academy of Japan").
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    title_case = _all_capitalised(text[line_start : line_end if line_end >= 0 else len(text)])
    joined_before = False
    for _ in range(WORDS_BEFORE):
        joined = by_end.get(start - 1) if text[start - 1 : start] in JOINERS and start > 0 else None
        if joined is not None and POSSESSIVE.search(text, joined.start, joined.end):
            break  # "NYC's Japan Embassy": the owner is no part of the name
        if joined is not None and joined_before and text[start - 1] == " " and not ACRONYM.fullmatch(text[joined.start : joined.end]):
            break  # a third word: "Biden Meets" (a model ORG) and "Japan" before "Society" are no one name
        if joined is not None:
            start, joined_before = joined.start, True
            continue
        word = CAPITALISED_BEFORE.search(text, line_start, start)
        if word is not None and title_case and word.start() not in by_start and not _opens_a_field(text, line_start, word.start(), start):
            word = None
        if word is None or word.group().split()[0] in _stop_words() or POSSESSIVE.search(word.group().rstrip()) or word.group().rstrip().endswith("."):
            break
        start, joined_before = word.start(), joined_before or title_case  # on a headline, the word a mention starts is a name joined
    return start


def _all_capitalised(line: str) -> bool:
    """Whether every word of four letters or more on the line has a capital: a headline, where capitals tell nothing.

    A sentence full of names ("the Tokyo District Court ruled") still has lower-case words.

    >>> _all_capitalised("Biden Meets Japan Society Leaders"), _all_capitalised("the Tokyo High Court agreed")
    (True, False)
    """
    longer = LONG_WORD.findall(line)
    return bool(longer) and all(word[0].isupper() for word in longer)


def _opens_a_field(text: str, line_start: int, word_start: int, head_start: int) -> bool:
    """Whether the capitalised words from ``word_start`` to the head open a field of a list line ("Professor, National Defense Academy").

    On a title-case line every word has a capital; after a comma or an opening
    bracket the words up to the head are still one field, the organisation's name.
    """
    run = CAPITALISED_RUN_BEFORE.search(text, line_start, head_start)
    return run is not None and run.start() <= word_start and text[max(line_start, run.start() - 2) : run.start()].rstrip().endswith((",", "("))


def _end_after(text: str, head: re.Match[str], by_start: dict[int, Mention]) -> int:
    """Where the name of the organisation whose head is ``head`` ends."""
    for pattern in (OF_NAME, FOR_NAME):
        named = pattern.match(text, head.end())
        if named is not None and named.group().split()[-1] not in _stop_words() and not _dates().intersection(named.group().split()):
            return named.end()
    if head.group() in _place_after():
        place = by_start.get(head.end() + 1)
        if place is not None and place.label in PLACES and text[head.end()] == " ":
            return place.end
    return head.end()


def commands_of_theatres(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with an organisation ending in a ``service-heads`` word read on over the ``theatre-names`` word after it.

    >>> text = "U.S. Army Pacific Commander Gen. Charles Flynn"
    >>> found = [Mention(0, 9, "ORG", None, "model"), Mention(10, 17, "LOC", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in commands_of_theatres(text, found)]
    [('U.S. Army Pacific', 'ORG')]
    """
    spans = []
    for mention in mentions:
        if mention.label == "ORG":
            found = _theatre_after().match(text, mention.end)
            if found is not None and text[mention.start : mention.end].endswith(_service_heads()):
                spans.append(((mention.start, found.end()), "ORG"))
    return read_whole(mentions, spans)


@lru_cache(maxsize=1)
def _service_heads() -> tuple[str, ...]:
    return tuple(f" {head}" for head in words("service-heads"))


def services_with_their_country(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with a country's name ("U.S.", ``service-countries``) read into the service or unit named right after it.

    "US Marine Corps" is one name, as "U.S. Army" is; the model and the
    gazetteer read "U.S." as a place beside an organisation that starts with
    a ``service-firsts`` word.  The joined mention keeps the label and the
    link of the organisation.  A base keeps its own name ("U.S." and "Marine
    Corps Air Station Futenma"), as the gold guidelines have it.

    >>> text = "the US Marine Corps left U.S. Marine Corps Air Station Futenma; U.S. Japan talks"
    >>> found = [Mention(4, 6, "GPE", None, "model"), Mention(7, 19, "ORG", None, "model"), Mention(25, 29, "GPE", None, "model"),
    ...          Mention(30, 62, "FAC", "Q1", "gazetteer"), Mention(64, 68, "GPE", None, "model"), Mention(69, 74, "GPE", None, "model")]
    >>> [(text[m.start:m.end], m.label, m.kb_id) for m in services_with_their_country(text, found)]
    [('US Marine Corps', 'ORG', None), ('U.S.', 'GPE', None), ('Marine Corps Air Station Futenma', 'FAC', 'Q1'), ('U.S.', 'GPE', None), ('Japan', 'GPE', None)]
    """
    by_start = {m.start: m for m in mentions}
    joined: dict[Mention, Mention] = {}
    for country in mentions:
        service = by_start.get(country.end + 1)
        if (
            country.label == "GPE"
            and text[country.start : country.end] in word_set("service-countries")
            and text[country.end : country.end + 1] == " "
            and service is not None
            and service.label == "ORG"
            and _service_first().match(text, service.start)
        ):
            joined[country] = joined[service] = Mention(country.start, service.end, service.label, service.kb_id, "context")
    return sorted({joined.get(m, m) for m in mentions}, key=lambda m: (m.start, m.end))


@lru_cache(maxsize=1)
def _service_first() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternatives('service-firsts')})\b")


def branches_named_by_place(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with an organisation followed by the place of its branch read as one ORG: "American Center Japan", "RENGO Okinawa".

    The place must come right after the organisation's name, a space
    between them, and end the name: what follows it is no capitalised word,
    unless it is a title ("RENGO Okinawa President Karimata"), no number, no
    possessive and no lower-case word of a place ("the Imperial Japanese Navy
    Sasebo naval station" names the station's town).  A headline's
    capitalised words ("Toyota Japan Sales Rise") are therefore left alone.

    >>> text = "The American Center Japan is an advising center; RENGO Okinawa President Karimata spoke; Toyota Japan Sales Rise"
    >>> at = lambda word, label, n=0: Mention(text.index(word, n), text.index(word, n) + len(word), label, None, "model")
    >>> found = [at("American Center", "ORG"), at("Japan", "GPE"), at("RENGO", "ORG"), at("Okinawa", "GPE"), at("Toyota", "ORG"), at("Japan", "GPE", 80)]
    >>> [(text[m.start:m.end], m.label) for m in branches_named_by_place(text, found)]
    [('American Center Japan', 'ORG'), ('RENGO Okinawa', 'ORG'), ('Toyota', 'ORG'), ('Japan', 'GPE')]
    """
    places = {m.start: m for m in mentions if m.label in PLACES - {"LOC"}}
    spans = []
    for organisation in (m for m in mentions if m.label == "ORG"):
        place = places.get(organisation.end + 1) if text[organisation.end : organisation.end + 1] == " " else None
        if place is not None and _ends_the_name(text, place.end):
            spans.append(((organisation.start, place.end), "ORG"))
    return read_whole(mentions, spans) if spans else list(mentions)


def _ends_the_name(text: str, end: int) -> bool:
    """Whether the name ends at ``end``: no possessive, number or capitalised word (but a title) follows, nor a lower-case place word ("naval station")."""
    if POSSESSIVE_AFTER.match(text, end):
        return False  # "Biden Seeks Unity With Japan’s Suga": the place's own
    after = NEXT_WORD.match(text, end)
    if after is None:
        return True
    word = after.group(1)
    if word[:1].isupper():
        return word in word_set("job-titles")
    return not word[:1].isdigit() and word.lower() not in _lower_place_words()


NEXT_WORD = re.compile(r"[^\S\n]+([\w'’.-]+)")


@lru_cache(maxsize=1)
def _lower_place_words() -> frozenset[str]:
    """The first words of the lower-case heads of places and facilities ("naval" of "naval station", "city")."""
    return frozenset(value.split()[0] for value in (*words("place-heads-lower"), *words("facility-kinds-lower")))


@lru_cache(maxsize=1)
def _theatre_after() -> re.Pattern[str]:
    theatres = alternatives("theatre-names")
    return re.compile(rf"[^\S\n]+(?:{theatres})(?![\w'’-])")


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    heads = alternatives("organisation-heads")
    return re.compile(rf"(?<![\w-])(?:{heads})(?![\w-])")


@lru_cache(maxsize=1)
def _dates() -> frozenset[str]:
    """Names of months and days: "on Friday" is when, not part of a name."""
    return frozenset((*words("month-names"), *words("day-names")))


@lru_cache(maxsize=1)
def _place_after() -> frozenset[str]:
    return frozenset(words("organisation-heads-place-after"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset((*words("facility-stop-words"), *words("job-titles")))  # office words ("Defense") do belong to names
