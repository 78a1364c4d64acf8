"""Labels from head words: a model mention ending in "Law" is a LAW, in "Air Base" a FAC, in "University" an ORG.

The head words, the labels that may be changed and the court-case separators
are the ``labels`` lexicon (``label-heads``, ``relabel-from``, ``case-separators``);
a model "name" that is only a date is a DATE (``month-names``); a nationality
word used as a language's name is a LANGUAGE (``language-names``); a facility
that speaks is an ORG (``acting-words``: "the White House said"); a name in
Japanese script takes the label of its place suffix (``script-place-suffixes``:
宮古島 is an island, LOC; 沖縄県 a prefecture, GPE); a Japanese prefecture or
city the model took for a person or an organisation is a GPE (``japanese-places``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from ..resources.lexicons import alternatives, labelled, words
from ..text.scripts import script_of
from .mention import Mention


def head_labels() -> Mapping[str, str]:
    """Head word -> label (``label-heads``)."""
    return labelled("label-heads")


def relabel_documents(text: str, mention: Mention) -> Mention:
    """Relabel a model mention by its last word, its opening words, or as a LAW when it names a court case (the ``labels`` lexicon).

    >>> text = "the International Peace Cooperation Law passed; Wilson v. Girard; Itazuke Air Base"
    >>> [relabel_documents(text, Mention(s, e, l, None, "model")).label for s, e, l in [(4, 39, "ORG"), (48, 64, "ORG"), (66, 83, "PERSON")]]
    ['LAW', 'LAW', 'FAC']
    >>> relabel_documents("under the Guidelines", Mention(10, 20, "ORG", None, "model")).label
    'LAW'
    >>> relabel_documents("the Battle of Tsushima", Mention(4, 22, "WORK_OF_ART", None, "model")).label
    'EVENT'
    """
    surface = text[mention.start : mention.end]
    tokens = surface.split()
    if mention.source != "model" or mention.label not in words("relabel-from") or not tokens:
        return mention
    if len(tokens) == 1:  # a document's head alone is its short name ("the Guidelines"): LAW; other heads alone say nothing
        return replace(mention, label="LAW") if head_labels().get(tokens[0]) == "LAW" else mention
    if any(separator in surface for separator in words("case-separators")):
        return replace(mention, label="LAW")
    opening = labelled("label-first-heads").get(" ".join(tokens[:2])) if len(tokens) > 2 else None  # "Battle of" opens an EVENT
    return replace(mention, label=head_labels().get(tokens[-1], opening or mention.label))


@lru_cache(maxsize=1)
def _date() -> re.Pattern[str]:
    """A date alone, with a month name (``month-names``): "Sep 19 '22", "March 5, 2021", "March 2021", "3 May 2020"."""
    month = "(?:" + alternatives("month-names") + r")\.?"
    year = r"(?:['’]\d{2}|\d{4})"
    return re.compile(rf"{month} \d{{1,2}}(?:st|nd|rd|th)?,? {year}|{month},? {year}|\d{{1,2}} {month},? {year}")


def relabel_dates(text: str, mention: Mention) -> Mention:
    """A model mention that is only a date is a DATE, whatever name label the model gave it.

    >>> text = "Sep 19 '22 Press Release"
    >>> relabel_dates(text, Mention(0, 10, "LAW", None, "model")).label
    'DATE'
    """
    if mention.source == "model" and _date().fullmatch(text[mention.start : mention.end]):
        return replace(mention, label="DATE")
    return mention


def relabel_script_places(text: str, mention: Mention) -> Mention:
    """A model mention in Japanese script that ends in a place suffix takes the suffix's label.

    >>> text = "宮古島 Miyako-jima"
    >>> relabel_script_places(text, Mention(0, 3, "PERSON", None, "model")).label
    'LOC'
    """
    surface = text[mention.start : mention.end]
    if mention.source != "model" or not surface or not all(_east_asian(char) for char in surface if not char.isspace()):
        return mention
    label = next((label for suffix, label in _script_suffixes() if surface.endswith(suffix)), mention.label)
    return replace(mention, label=label)


@lru_cache(maxsize=1)
def _script_suffixes() -> tuple[tuple[str, str], ...]:
    """``(suffix, label)``, longest first: 諸島 (an island group) before 島 (an island)."""
    return tuple(sorted(labelled("script-place-suffixes").items(), key=lambda item: -len(item[0])))


JAPANESE_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA")
"""The scripts of Japanese names, as their Unicode character names begin."""


def _east_asian(char: str) -> bool:
    """Whether ``char`` is a Chinese character or Japanese kana (the scripts of Japanese names)."""
    return script_of(char, JAPANESE_SCRIPTS) in JAPANESE_SCRIPTS


COLON_AFTER = re.compile(r"[^\S\n]*:")
CLAUSE_END_AFTER = re.compile(r"[^\S\n]*(?:[.,;)\]]|\n|$)")
IN_BEFORE = re.compile(r"\bin[^\S\n]+$")
WRITING_AFTER = re.compile(r"[^\S\n]+(?:shorthand|translation|transcription|script|characters|subtitles|version|original)\b")
"""A word for a piece of writing after "in Japanese": the language ("known as Anpo in Japanese shorthand")."""
GLOSS_AFTER = re.compile(r"[^\S\n]+for[^\S\n]+[\"“‘']")
"""A quoted gloss after the word: "Daigo Fukuryu Maru, Japanese for “Lucky Dragon 5”" names the language."""
AS_AFTER = re.compile(r"[^\S\n]+(?:as|in)\b")
""""as" or "in" after "in Japanese": a name given in the language ("known in Chinese as the Diaoyus", "Senkaku in Japanese in the East China Sea")."""
LANGUAGE_STUDY_AFTER = re.compile(r"[^\S\n]+(?:syllabary|alphabet|orthography|grammar|vocabulary|dialects?|kana|romanization|romanisation)\b")
"""A word for a language's writing or study, after the word even without "in" ("Japanese syllabary order")."""
CLASSICAL_BEFORE = re.compile(r"\bClassical[^\S\n]+$")
"""The older written form of a language ("Classical Chinese")."""
NEXT_IN_LIST = re.compile(r"(?:[^\S\n]*,)?[^\S\n]+(?:and[^\S\n]+|or[^\S\n]+)?([A-Z][a-z]+)|[^\S\n]*,[^\S\n]*([A-Z][a-z]+)")
"""The next item of a list: ", English", " and Chinese", ", and Korean"."""
LIST_AFTER_IN_BEFORE = re.compile(r"\bin((?:[^\S\n]+[A-Z][a-z]+,?)+)[^\S\n]+(?:and|or)[^\S\n]+$")
"""The last item of a list of names after "in" ("in Japanese, English and Chinese")."""
PARALLEL_AFTER = re.compile(r"[^\S\n]+and[^\S\n]+[^\n,;.]{1,40}?[^\S\n]in[^\S\n]+([A-Z][a-z]+)")
"""A parallel "and ... in <language>" ("Diaoyu in Chinese and Senkaku in Japanese")."""


def relabel_languages(text: str, mention: Mention) -> Mention:
    """A nationality word used as the name of a language is a LANGUAGE, not the people (``language-names``).

    It is a language:

    - before a colon ("Japanese: 在日米軍");
    - after "in", at the end of a clause ("in English."), before a word for
      writing ("in Japanese shorthand"), before "as" or "in" ("known in
      Chinese as the Diaoyus"), or in a list of language names ("in
      Japanese, English and Chinese", "in Chinese and Senkaku in Japanese");
    - before "for" and a quoted gloss ("Japanese for “Lucky Dragon”");
    - before a word for the language's writing or study ("Japanese syllabary");
    - after "Classical" ("Classical Chinese").

    >>> text = "USFJ (Japanese: 在日米軍) said so in English."
    >>> [relabel_languages(text, Mention(s, e, "NORP", "x", "gazetteer")).label for s, e in [(6, 14), (33, 40)]]
    ['LANGUAGE', 'LANGUAGE']
    >>> relabel_languages("Japanese officials met in Japanese waters.", Mention(0, 8, "NORP", None, "model")).label
    'NORP'
    >>> text = "known as Anpo in Japanese shorthand; the Daigo Fukuryu Maru, Japanese for “Lucky Dragon”"
    >>> [relabel_languages(text, Mention(s, e, "NORP", None, "model")).label for s, e in [(17, 25), (61, 69)]]
    ['LANGUAGE', 'LANGUAGE']
    >>> text = "Diaoyu in Chinese and Senkaku in Japanese; Classical Chinese; in Japanese and American hands"
    >>> [relabel_languages(text, Mention(s, e, "NORP", None, "model")).label for s, e in [(10, 17), (33, 41), (53, 60), (65, 73)]]
    ['LANGUAGE', 'LANGUAGE', 'LANGUAGE', 'NORP']
    >>> text = "in English and Chinese; in Japan and Chinese waters"
    >>> [relabel_languages(text, Mention(s, e, "NORP", None, "model")).label for s, e in [(15, 22), (37, 44)]]
    ['LANGUAGE', 'NORP']
    """
    if mention.label != "NORP" or text[mention.start : mention.end] not in _languages():
        return mention
    if _names_language(text, mention.start, mention.end):
        return replace(mention, label="LANGUAGE", kb_id=None)
    return mention


def _names_language(text: str, start: int, end: int) -> bool:
    """Whether the language name at ``text[start:end]`` stands for the language (see :func:`relabel_languages`)."""
    after_in = IN_BEFORE.search(text, max(0, start - 4), start)
    in_use = bool(after_in) and bool(
        CLAUSE_END_AFTER.match(text, end) or WRITING_AFTER.match(text, end) or AS_AFTER.match(text, end) or _language_follows(text, end)
    )
    listed_before = LIST_AFTER_IN_BEFORE.search(text, max(0, start - 60), start)
    last_of_list = listed_before is not None and all(word.strip(",") in _languages() for word in listed_before.group(1).split())
    return bool(
        in_use
        or last_of_list
        or COLON_AFTER.match(text, end)
        or GLOSS_AFTER.match(text, end)
        or LANGUAGE_STUDY_AFTER.match(text, end)
        or CLASSICAL_BEFORE.search(text, max(0, start - 10), start)
    )


def _language_follows(text: str, end: int) -> bool:
    """Whether the next item of a list after ``end``, or a parallel "and ... in", is a language name too ("in Japanese, English and Chinese")."""
    listed = NEXT_IN_LIST.match(text, end)
    parallel = PARALLEL_AFTER.match(text, end)
    return (listed is not None and (listed.group(1) or listed.group(2)) in _languages()) or (
        parallel is not None and parallel.group(1) in _languages()
    )


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(words("language-names"))


def relabel_acting_places(text: str, mention: Mention) -> Mention:
    """A facility that speaks or has officials stands for the organisation in it ("the White House said"): ORG.

    >>> text = "the White House said Friday; a White House official added; tours of the White House resumed"
    >>> [relabel_acting_places(text, Mention(s, e, "FAC", "Q35525", "gazetteer")).label for s, e in [(4, 15), (31, 42), (72, 83)]]
    ['ORG', 'ORG', 'FAC']
    """
    if mention.label != "FAC" or not _acting().match(text, mention.end):
        return mention
    return replace(mention, label="ORG")


@lru_cache(maxsize=1)
def _acting() -> re.Pattern[str]:
    acting = alternatives("acting-words")
    return re.compile(rf"[^\S\n]+(?:{acting})\b")


def relabel_ships(text: str, mention: Mention) -> Mention:
    """A name after a ship prefix (``ship-prefixes``: "USS", "JS", "destroyer") is the ship, a vehicle: PRODUCT, as OntoNotes has it.

    So is a person's name before a ``ship-suffixes`` word ("the Ronald Reagan carrier").

    The prefix may be inside the mention ("USS Chief") or just before it ("JS
    [Ohtaka]"); a name with a head word is what the head says ("USS Arizona
    Memorial" is a FAC).

    >>> text = "the destroyer JS Ariake and USS Chief docked near the USS Arizona Memorial"
    >>> [relabel_ships(text, Mention(s, e, l, None, "model")).label for s, e, l in [(17, 23, "ORG"), (28, 37, "ORG"), (4, 13, "ORG"), (54, 74, "FAC")]]
    ['PRODUCT', 'PRODUCT', 'ORG', 'FAC']
    >>> text = "the destroyer Takanami and the Ronald Reagan carrier"
    >>> [relabel_ships(text, Mention(s, e, l, None, "model")).label for s, e, l in [(14, 22, "GPE"), (31, 44, "PERSON")]]
    ['PRODUCT', 'PRODUCT']
    """
    surface = text[mention.start : mention.end]
    if mention.label == "PRODUCT" or not surface[:1].isupper() or surface.split()[-1] in head_labels():
        return mention  # "USS Arizona Memorial" is the memorial
    inside = _ship_prefix().match(text, mention.start)
    found = inside if inside and inside.end() < mention.end else _ship_prefix_before().search(text, max(0, mention.start - _longest_prefix()), mention.start)
    if found is not None:
        return replace(mention, label=labelled("ship-prefixes")[found.group("prefix")], kb_id=None)
    after = _ship_suffix_after().match(text, mention.end) if mention.label == "PERSON" else None
    return mention if after is None else replace(mention, label=labelled("ship-suffixes")[after.group("suffix")], kb_id=None)


@lru_cache(maxsize=1)
def _longest_prefix() -> int:
    return max(map(len, words("ship-prefixes"))) + 2


@lru_cache(maxsize=1)
def _ship_suffix_after() -> re.Pattern[str]:
    suffixes = alternatives("ship-suffixes")
    return re.compile(rf"[^\S\n]+(?P<suffix>{suffixes})\b")


@lru_cache(maxsize=1)
def _ship_prefix() -> re.Pattern[str]:
    prefixes = alternatives("ship-prefixes")
    return re.compile(rf"(?P<prefix>{prefixes})[^\S\n]+(?=[A-Z])")


@lru_cache(maxsize=1)
def _ship_prefix_before() -> re.Pattern[str]:
    prefixes = alternatives("ship-prefixes")
    return re.compile(rf"(?<![\w.-])(?P<prefix>{prefixes})[^\S\n]+$")


def relabel_japanese_places(text: str, mention: Mention) -> Mention:
    """A model ORG, PERSON or NORP that is only the name of a Japanese prefecture or city (``japanese-places``) is the place: GPE.

    Many of those names are surnames too, so a name with a capitalised word
    right before or after it ("Kenji Toyama", "Toyama Kenji"), or a title or
    honorific before it ("Mr. Toyama"), keeps its label.

    >>> text = "I will visit Nyuzen-machi in Toyama, then Nagoya. Mr. Toyama agreed."
    >>> [relabel_japanese_places(text, Mention(s, e, l, None, "model")).label for s, e, l in [(29, 35, "PERSON"), (42, 48, "ORG"), (54, 60, "PERSON")]]
    ['GPE', 'GPE', 'PERSON']
    >>> text = "It was carried out by the Abe Administration. Toyama is the prefecture with the fewest."
    >>> relabel_japanese_places(text, Mention(46, 52, "PERSON", None, "model")).label
    'GPE'
    """
    if mention.source != "model" or mention.label not in PEOPLE_OR_ORGANISATIONS or text[mention.start : mention.end] not in _japanese_places():
        return mention
    before = text[max(0, mention.start - 20) : mention.start]
    if NAME_WORD_BEFORE.search(before) or NAME_WORD_AFTER.match(text, mention.end):
        return mention
    return replace(mention, label="GPE", kb_id=None)


PEOPLE_OR_ORGANISATIONS = frozenset({"ORG", "PERSON", "NORP"})
NAME_WORD_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*|[A-Z][\w'’-]{0,3}\.|(?:[A-Z]\.)+)[^\S\n]+$")
"""A capitalised word right before a name: a given name, a title ("Mr.", "Gov."), or the organisation it belongs to.

A longer word with a full stop ends a sentence ("... the Abe Administration. Toyama is") and is none of them."""
NAME_WORD_AFTER = re.compile(r"[^\S\n]+[A-Z]")


@lru_cache(maxsize=1)
def _japanese_places() -> frozenset[str]:
    return frozenset(words("japanese-places"))
