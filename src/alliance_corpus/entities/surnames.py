"""Surnames: "Yoshida" alone links to the person named in full elsewhere in the document.

With no full mention, a surname links only if exactly one gazetteer person has
it, the model did not read it as a place (``place-labels``: "Austin, Texas"),
it follows no word for a municipality (``municipality-words``: "the town of
Ōta" is the town), and it is no everyday word or firm (``word-surnames``:
"Rice prices rose") unless a title stands before it ("Secretary Rice");
otherwise it stays unlinked rather than guessed.  A surname that someone the
gazetteer does not know shares, named in full ("Yuko Obuchi ... Obuchi"), is
left unlinked.  Occurrences of a linked
person's surname that the model missed are added as PERSON mentions, and so
is a surname only one gazetteer person has, right after a title
(``job-titles``: "the Governor of Okinawa Tamaki", "Governor Tamaki").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import alternatives, word_set, words
from .mention import POSSESSIVE_AFTER, Mention, SpanIndex
from .relabel import NAME_WORD_BEFORE

WORD_RUN = re.compile(r"[\w-]+")
"""A maximal run of word characters and hyphens: a surname made of them matches exactly where it is a whole run."""
NEXT_CAPITALISED = re.compile(r"[^\S\n]+[A-Z]")
ADMINISTRATION = re.compile(r"(?P<name>[A-Z][^\W\d_]+(?:[^\S\n][A-Z][^\W\d_]+)?)[^\S\n]+[Aa]dministration")
"""A person's name and "Administration": the government of that president or prime minister."""
SURNAME_IN_CAPITALS = re.compile(r"[^\S\n]+[A-Z]{3,}(?![\w-])")
"""A surname in capitals right after a given name ("Sanae TAKAICHI")."""
PERSON_NAME = re.compile(r"[A-Z][^\W\d_]+(?:[^\S\n][A-Z][^\W\d_]+){0,2}")
"""One to three capitalised words."""
NAME_WORD = re.compile(r"[A-Z][^\W\d_]*(?:[.'’-][^\W\d_]*)*\.?")
"""A word of a person's name: a capital, then letters, with inner dots, apostrophes or hyphens ("J.", "O'Neill", "Jean-Luc")."""
"""Spaces and a capital: the word before goes on into a longer name."""


def _place_labels() -> frozenset[str]:
    return frozenset(words("place-labels"))


@lru_cache(maxsize=1)
def _municipality_before() -> re.Pattern[str]:
    """A word for a municipality and "of" right before a name (``municipality-words``): "the town of"."""
    return re.compile(rf"\b(?:{alternatives('municipality-words')})[^\S\n]+of[^\S\n]+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _word_surnames() -> frozenset[str]:
    """Surnames that are everyday words or firms' names (``word-surnames``): linked alone only after a title."""
    return frozenset(words("word-surnames"))


def resolve_surnames(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Link surnames to people (see the module docstring) and add the surnames the model missed."""
    in_document = people_by_surname(mentions, gazetteer, text)
    resolved = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        surface = surface.title() if surface.isupper() and surface.isalpha() and surface.title() in gazetteer.by_short else surface  # "BIDEN"
        if mention.kb_id is not None and mention.label == "PERSON" and SOMEONE_ELSE in in_document.get(surface, ()) and surface in gazetteer.by_short:
            mention = replace(mention, kb_id=None)  # "Yuko Obuchi ... Obuchi": she, or her father whom the gazetteer knows; never guess
        elif mention.kb_id is None and surface in gazetteer.by_short:
            if surface in in_document:  # the document names the person in full: trust it over the model's label
                mention = replace(mention, label="PERSON", kb_id=only_person(in_document[surface]))
            elif _municipality_before().search(text, max(0, mention.start - 20), mention.start):
                mention = replace(mention, label="GPE")  # "the town of Ōta in Gunma": the town, not Masahide Ota
            elif surface in _word_surnames() and not _title_ends_at(text, mention.start):
                pass  # "Rice prices rose", "Ford recalled cars": the word or the firm as likely as the person, who is not named
            elif mention.label not in _place_labels() or (gazetteer.lookup(surface) is None and not _placed(text, mention)):
                # "Austin, Texas" and "flew to Austin" are the city, not Lloyd Austin; "when Yoshida negotiated" is the person
                people = {e.id for e in gazetteer.with_surname(surface)}  # two of one surname ("Kishi"): a person still, left unlinked
                mention = replace(mention, label="PERSON" if people else mention.label, kb_id=only_person(people))
        resolved.append(mention)
    return resolved + _missed_surnames(text, resolved, in_document)


def surnames_after_titles(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` and the surnames of one gazetteer person each that follow a title and no mention covers.

    >>> from alliance_corpus.resources import Resources
    >>> text = "I met the Governor of Okinawa Tamaki today."
    >>> found = surnames_after_titles(text, [Mention(22, 29, "GPE", "Q766445", "gazetteer")], Resources.bundled().gazetteer)
    >>> [(text[m.start:m.end], m.label, m.kb_id) for m in found]
    [('Okinawa', 'GPE', 'Q766445'), ('Tamaki', 'PERSON', 'Q11572466')]
    """
    unique = gazetteer.unique_surnames
    if not unique:
        return mentions
    taken = SpanIndex.of(mentions)
    added = []
    for match in _after_title(unique).finditer(text):
        start, end = match.span("surname")
        if not taken.overlaps(start, end) and not NEXT_CAPITALISED.match(text, end):
            added.append(Mention(start, end, "PERSON", gazetteer.with_surname(match.group("surname"))[0].id, "context"))
    written = {surname.upper(): surname for surname in unique}
    for match in _after_title_in_capitals(unique).finditer(text):  # a headline in capitals: "OKINAWA GOVERNOR TAMAKI VISITS"
        start, end = match.span("surname")
        if not taken.overlaps(start, end):
            added.append(Mention(start, end, "PERSON", gazetteer.with_surname(written[match.group("surname")])[0].id, "context"))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


@lru_cache(maxsize=2)
def _after_title_in_capitals(surnames: tuple[str, ...]) -> re.Pattern[str]:
    """A title in capitals right before one of ``surnames`` in capitals ("GOVERNOR TAMAKI")."""
    titles = "|".join(re.escape(title.upper()) for title in sorted(words("job-titles"), key=len, reverse=True))
    names = "|".join(re.escape(surname.upper()) for surname in sorted(surnames, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{titles})[^\S\n]+(?P<surname>{names})(?![\w-])")


def people_after_titles(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A model name of one to three capitalised words right after a title is a person ("Foreign Minister Kamikawa", read as a GPE).

    A name the gazetteer knows as something else keeps its label.

    >>> from alliance_corpus.resources import Resources
    >>> text = "with Foreign Minister Kamikawa in Tokyo"
    >>> [m.label for m in people_after_titles(text, [Mention(22, 30, "GPE", None, "model")], Resources.bundled().gazetteer)]
    ['PERSON']
    """
    relabelled = []
    for m in mentions:
        surface = text[m.start : m.end]
        known = gazetteer.by_id.get(m.kb_id or "") or gazetteer.lookup(surface)
        if m.source == "model" and m.label != "PERSON" and known is None and PERSON_NAME.fullmatch(surface) and _title_ends_at(text, m.start):
            m = replace(m, label="PERSON")
        relabelled.append(m)
    return relabelled


def people_of_administrations(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A model ORG "<person> Administration" is the person, as OntoNotes reads "the Abe administration".

    >>> from alliance_corpus.resources import Resources
    >>> text = "under the Abe Administration, Tokyo"
    >>> [(text[m.start:m.end], m.label) for m in people_of_administrations(text, [Mention(10, 28, "ORG", None, "model")], Resources.bundled().gazetteer)]
    [('Abe', 'PERSON')]
    >>> text = "the Hatoyama Administration"
    >>> [(text[m.start:m.end], m.label, m.kb_id) for m in people_of_administrations(text, [Mention(4, 27, "ORG", None, "model")], Resources.bundled().gazetteer)]
    [('Hatoyama', 'PERSON', None)]
    """
    read = []
    for m in mentions:
        found = ADMINISTRATION.fullmatch(text, m.start, m.end) if m.source == "model" and m.label == "ORG" else None
        if found is not None:
            name = found.group("name")
            named = gazetteer.lookup(name)
            people = gazetteer.with_surname(name) or ((named,) if named is not None and named.label == "PERSON" else ())
            if people:  # two people of one surname ("Hatoyama"): the person, left for the surname step to link
                m = Mention(m.start, m.start + len(name), "PERSON", people[0].id if len(people) == 1 else None, "context")
        read.append(m)
    return read


def surnames_read_as_organisations(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with each model ORG that is only a known person's surname, no capitalised word before it, read as that person.

    Two people of one surname ("Hatoyama") leave the person unlinked, for the surname step to link.

    >>> from alliance_corpus.resources import Resources
    >>> text = "Hatoyama sided with residents."
    >>> [(m.label, m.kb_id) for m in surnames_read_as_organisations(text, [Mention(0, 8, "ORG", None, "model")], Resources.bundled().gazetteer)]
    [('PERSON', None)]
    """
    return [_surname_read_as_organisation(text, m, gazetteer) or m for m in mentions]


def _surname_read_as_organisation(text: str, mention: Mention, gazetteer: Gazetteer) -> Mention | None:
    surname = text[mention.start : mention.end]
    if mention.source != "model" or mention.label != "ORG" or " " in surname or NAME_WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return None
    if surname in _word_surnames():  # "Ford recalled cars": the firm
        return None
    people = gazetteer.with_surname(surname)
    if not people:
        return None
    return Mention(mention.start, mention.end, "PERSON", people[0].id if len(people) == 1 else None, "context")


def surnames_in_capitals(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name with its surname in capitals after it, as Japan's ministries write it ("Sanae TAKAICHI"), read whole.

    >>> text = "Prime Minister Sanae TAKAICHI met the press."
    >>> [(text[m.start:m.end], m.label) for m in surnames_in_capitals(text, [Mention(15, 20, "PERSON", None, "model")])]
    [('Sanae TAKAICHI', 'PERSON')]
    """
    taken = SpanIndex.of(mentions)
    read = []
    for m in mentions:
        after = SURNAME_IN_CAPITALS.match(text, m.end) if m.label == "PERSON" and " " not in text[m.start : m.end] else None
        if after is not None and not taken.overlaps(m.end, after.end()):
            m = replace(m, end=after.end())
        read.append(m)
    return read


def _title_ends_at(text: str, position: int) -> bool:
    return _title_before().search(text, max(0, position - 40), position) is not None


@lru_cache(maxsize=1)
def _titles() -> str:
    """The ``job-titles`` as alternatives of a regular expression, longest first."""
    return alternatives("job-titles")


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{_titles()})[^\S\n]+$")


@lru_cache(maxsize=2)
def _after_title(surnames: tuple[str, ...]) -> re.Pattern[str]:
    """A title, optionally "of" and up to three capitalised words ("of Okinawa"), then one of ``surnames``."""
    titles = _titles()
    place = r"(?:[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,2})?"
    names = "|".join(map(re.escape, sorted(surnames, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.])(?:{titles}){place}[^\S\n]+(?P<surname>{names})(?![\w-])")


def surnames_of_people_named(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A word that is the surname of a person named in full in the document is that person, not an ORG.

    Covers people the gazetteer does not know ("Yoshimasa Hayashi ... Hayashi").
    A place the model read there stays a place where the words around it say
    so: a comma and another name after it ("Austin, Texas"), or a preposition
    of place before it ("flew to Austin") unless a possessive follows ("in
    Hamaya's work" is the person's).  A place the gazetteer knows is linked
    and is never read as a person.

    >>> text = "Yoshimasa Hayashi spoke. Hayashi left."
    >>> [m.label for m in surnames_of_people_named(text, [Mention(0, 17, "PERSON", None, "model"), Mention(25, 32, "ORG", None, "model")])]
    ['PERSON', 'PERSON']
    >>> import re
    >>> text = "Hiroshi Hamaya met Lloyd Austin. Hamaya shot photographs in Austin, Texas, and in Hamaya’s studio."
    >>> names = re.compile(r"Hiroshi Hamaya|Lloyd Austin|Hamaya|Austin")
    >>> found = [Mention(m.start(), m.end(), "PERSON" if " " in m.group() else "GPE", None, "model") for m in names.finditer(text)]
    >>> [(text[m.start:m.end], m.label) for m in surnames_of_people_named(text, found)]
    [('Hiroshi Hamaya', 'PERSON'), ('Lloyd Austin', 'PERSON'), ('Hamaya', 'PERSON'), ('Austin', 'GPE'), ('Hamaya', 'PERSON')]
    """
    surnames = {text[m.start : m.end].split()[-1] for m in mentions if m.label == "PERSON" and len(text[m.start : m.end].split()) > 1}
    places = _place_labels()
    return [
        replace(m, label="PERSON")
        if m.kb_id is None and m.label != "PERSON" and text[m.start : m.end] in surnames and (m.label not in places or not _placed(text, m))
        else m
        for m in mentions
    ]


PLACE_AFTER = re.compile(r",[^\S\n]+[A-Z]")
"""A comma and a capitalised word after a name: "Austin, Texas" names a place and its state."""
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|into|across)[^\S\n]+$")


def _placed(text: str, mention: Mention) -> bool:
    """Whether the words around ``mention`` say it is a place: "Austin, Texas", "flew to Austin" (but not "in Hamaya's work")."""
    if PLACE_AFTER.match(text, mention.end):
        return True
    return bool(PLACE_BEFORE.search(text, max(0, mention.start - 8), mention.start)) and not POSSESSIVE_AFTER.match(text, mention.end)


def occurrences_of_surnames_named(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` and the occurrences the model missed of the surname of a person it named in full.

    Covers people the gazetteer does not know ("Susumu Inamine ... Inamine
    said").  A surname the text also writes in lower case is a common word
    ("Green", "green") and is left alone, and so is an occurrence followed by
    another capitalised word, which is part of a longer name ("Inamine Center").
    A "name" with other characters in it ("Jiji Press)—North Korea") names
    nobody, and its last word is no surname.

    >>> text = "Nago's mayor, Susumu Inamine, objected. Inamine faces re-election."
    >>> found = occurrences_of_surnames_named(text, [Mention(14, 28, "PERSON", None, "model")])
    >>> [(text[m.start:m.end], m.label, m.source) for m in found]
    [('Susumu Inamine', 'PERSON', 'model'), ('Inamine', 'PERSON', 'context')]
    """
    full = [text[m.start : m.end].split() for m in mentions if m.label == "PERSON" and m.kb_id is None]
    surnames = {words[-1] for words in full if len(words) > 1 and all(NAME_WORD.fullmatch(word) for word in words) and WORD_RUN.fullmatch(words[-1])}
    if not surnames:
        return list(mentions)
    lower = {run.group() for run in WORD_RUN.finditer(text) if run.group()[:1].islower()}
    surnames = {name for name in surnames if name.lower() not in lower}
    covered = SpanIndex.of(mentions)
    added = [
        Mention(run.start(), run.end(), "PERSON", None, "context")
        for run in WORD_RUN.finditer(text)
        if run.group() in surnames and not covered.overlaps(run.start(), run.end()) and not NEXT_CAPITALISED.match(text, run.end())
    ]
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def people_by_surname(mentions: Iterable[Mention], gazetteer: Gazetteer, text: str) -> dict[str, set[str]]:
    """Surname -> ids of the people named in full in this document.

    A person the gazetteer does not know, named in full with a surname it
    does know ("Professor Yuki Abe"), counts too, as :data:`SOMEONE_ELSE`:
    the bare surname may then be either person, and is left unlinked.
    """
    found: dict[str, set[str]] = {}
    for mention in mentions:
        entry = gazetteer.by_id.get(mention.kb_id or "")
        if entry and entry.label == "PERSON":
            for surname in entry.short:
                found.setdefault(surname, set()).add(entry.id)
        elif mention.kb_id is None and mention.label == "PERSON":
            words = text[mention.start : mention.end].split()
            if len(words) >= 2 and words[-1] in gazetteer.by_short:
                found.setdefault(words[-1], set()).add(SOMEONE_ELSE)
    return found


SOMEONE_ELSE = ""
"""Stands for a person named in full whom the gazetteer does not know (see :func:`people_by_surname`)."""


def only_person(candidates: set[str]) -> str | None:
    """The one candidate, or ``None`` when there are several or the one is someone the gazetteer does not know: never guess."""
    return next(iter(candidates)) or None if len(candidates) == 1 else None


def _missed_surnames(text: str, mentions: list[Mention], in_document: dict[str, set[str]]) -> list[Mention]:
    """Surnames of people named in full here that no mention covers yet.

    An occurrence is the surname with neither a word character nor a hyphen
    on either side.  The text is read once for all surnames: each is looked up
    among the text's runs of word characters and hyphens (a surname of other
    characters, such as "O'Neill", is searched for on its own).
    """
    wanted = {surname: next(iter(ids)) for surname, ids in in_document.items() if len(ids) == 1 and SOMEONE_ELSE not in ids}
    if not wanted:
        return []
    runs: dict[str, list[int]] = {}
    for run in WORD_RUN.finditer(text):
        if run.group() in wanted:
            runs.setdefault(run.group(), []).append(run.start())
    covered = SpanIndex.of(mentions)
    added = []
    for surname, kb_id in wanted.items():
        if WORD_RUN.fullmatch(surname):
            starts = runs.get(surname, [])
        else:
            starts = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)]
        for start in starts:
            end = start + len(surname)
            if not covered.overlaps(start, end):
                added.append(Mention(start, end, "PERSON", kb_id, "context"))
    return added


def people_after_honorifics(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each name in the list after a plural honorific (``plural-honorifics``: "Messrs. Acheson, Dulles, and Wiley") is a PERSON.

    A mention of exactly such a name becomes a PERSON (it keeps a person's
    link), a name no mention covers is added, and mentions that overlap a
    name otherwise give way to it.

    >>> text = "Signers were Messrs. Acheson, Dulles, and Wiley and Senator Bridges."
    >>> found = [Mention(21, 28, "PERSON", None, "model"), Mention(30, 36, "GPE", None, "model")]
    >>> [(text[m.start:m.end], m.label) for m in people_after_honorifics(text, found)]
    [('Acheson', 'PERSON'), ('Dulles', 'PERSON'), ('Wiley', 'PERSON')]
    """
    names = [(start + found.start("names"), end + found.start("names")) for found in _honorific_list().finditer(text) for start, end in _names_in(found.group("names"))]
    if not names:
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    people = []
    for start, end in names:
        given = by_span.get((start, end))
        keep_link = given is not None and given.label == "PERSON"
        people.append(Mention(start, end, "PERSON", given.kb_id if keep_link and given else None, given.source if given else "context"))
    index = SpanIndex.of(people)
    others = [m for m in mentions if not index.overlaps(m.start, m.end)]
    return sorted([*others, *people], key=lambda m: (m.start, m.end))


LISTED_NAME = re.compile(r"[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)*")
"""A surname in a list: a capital, letters, and inner hyphens or apostrophes ("O'Neill")."""


def _names_in(listed: str) -> list[tuple[int, int]]:
    """The spans of the names in a list, without titles ("and Senator ...": the list has ended)."""
    return [name.span() for name in LISTED_NAME.finditer(listed) if name.group() not in word_set("job-titles")]


@lru_cache(maxsize=1)
def _honorific_list() -> re.Pattern[str]:
    """A plural honorific and the names after it on one line, separated by commas, the last by "and"."""
    honorifics = alternatives("plural-honorifics")
    name = LISTED_NAME.pattern
    return re.compile(rf"(?<![\w.])(?:{honorifics})(?!\w)[^\S\n]+(?P<names>{name}(?:,[^\S\n]*{name})*(?:,?[^\S\n]+and[^\S\n]+{name})?)")
