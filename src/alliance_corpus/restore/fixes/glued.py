"""Known names a scraped page glued to the word before them ("TagsJapanDonald Trump"), split off again.

A page's list of tags, its breadcrumbs or an infobox's label and value are
separate elements in the HTML; copied as text they often lose the space
between them: "Tags: JapanDonald TrumpShinzo AbeNorth Korea",
"LocationWashington D.C.", "Photo/IllutrationOkinawa Governor".  The model
reads "JapanDonald" as one word and finds neither name.  A break goes back
where a gazetteer name starts right after two lower-case letters and ends
where its word ends or where the next glued capital begins (a break goes
there too: "ChinaDefense").  After a capitalised word (a tag, an infobox
label, a heading) the break is a line break, since the two were separate
elements and a name must not run across them ("Headquarters⏎Yokota Air
Base"); after a lower-case word it is a space ("part ofJapan").  Camel-case words
("JavaScript", "MacArthur") are left alone, since no known name starts inside
them, and so are web addresses, handles and hashtags.

>>> starts = name_starts(["Donald Trump", "Shinzo Abe", "North Korea", "Japan", "China"])
>>> text = "Tags: JapanDonald TrumpShinzo AbeNorth KoreaChinaDefense, and #VisitJapan or www.visitJapan.com"
>>> [(text[c.start - 5 : c.start], re.match(r"[A-Z][a-z]+", text[c.start :]).group()) for c in split_glued_names(text, starts)]
[('Japan', 'Donald'), ('Trump', 'Shinzo'), ('o Abe', 'North'), ('Korea', 'China'), ('China', 'Defense')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ...resources.english import is_english_word
from ...resources.lexicons import alternatives, words
from ...text.edits import Change

GLUED = re.compile(r"(?<=[a-z]{2})[A-Z][a-z]+")
"""A capitalised word right after two lower-case letters, with no space between: where a glued name may start."""
LINK_LIKE = re.compile(r"^[#@]|://|www\.|\.(?:com|org|net|gov|mil|edu|jp|html?)\b|[_\d]")
"""A stretch without spaces that is a web address, a handle, a hashtag or an identifier: it keeps its capitals where they are."""
LAST_PART = re.compile(r"(?:[A-Z][a-z]*|[a-z]+)$")
"""The last part of a run of glued letters: a capital and the lower-case letters after it, or lower-case letters alone."""
PART_REACH = 40
"""Characters read back from a glued name for the part before it: longer than any word."""
NEXT_WORD = re.compile(r"[A-Z][a-z]")
"""A capitalised word glued to the end of a name ("ChinaDefense"): a space goes there too."""
STRETCH_END = re.compile(r"\s")
BLANK = re.compile(r"[ \t\n]")
RULE = "layout.split-glued-name"
INFOBOX_REACH = 3
"""Lines around a glued label within which another glued label must open a line (an infobox has several rows)."""


def name_starts(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The gazetteer names that may be split off, by their first word: capitalised, in ASCII letters, longest first.

    >>> name_starts(["Camp Schwab", "Camp Hansen", "USFJ", "Tōkyō"])
    {'Camp': ('Camp Hansen', 'Camp Schwab')}
    """
    starts: dict[str, list[str]] = {}
    for name in names:
        first = name.split()[0]
        if name.isascii() and re.fullmatch(r"[A-Z][a-z]{2,}", first):
            starts.setdefault(first, []).append(name)
    return {first: tuple(sorted(set(found), key=lambda name: (-len(name), name))) for first, found in starts.items()}


def split_glued_names(text: str, starts: Mapping[str, tuple[str, ...]]) -> list[Change]:
    """A space inserted before each known name glued to the word before it (see the module docstring).

    A one-word name glued to a capitalised word is a camel-case word as
    often as a lost break ("CoolJapan", "TeamJapan", "HelloKorea"), so it is
    split off only where something else shows the break: right after
    another name split off ("North KoreaChina") or after a label
    (``infobox-labels``, ``tag-labels``: "TagsJapan", "GeographyKadena").  A
    name of several words ("TrumpShinzo Abe", "HeadquartersYokota Air Base")
    shows the break itself, and so does a lower-case word before ("the
    northOkinawa", "ofJapan"), unless a capital follows the name as well: "isJapanAlly" is a program's identifier.

    >>> starts = name_starts(["Japan", "Okinawa", "North Korea", "China", "Shinzo Abe"])
    >>> text = "The CoolJapan Fund, TagsJapan, talks ofJapan, Shinzo AbeNorth KoreaChina"
    >>> [text[c.start - 4 : c.start + 5] for c in split_glued_names(text, starts)]
    ['TagsJapan', 's ofJapan', ' AbeNorth', 'oreaChina']
    """
    points: set[int] = set()
    ends: set[int] = set()
    link_like = _LinkLike(text)
    for word in GLUED.finditer(text):
        name = next((name for name in starts.get(word.group(), ()) if _whole(text, word.start(), name)), None)
        if name is None or (" " not in name and word.start() not in ends and not _break_shown_before(text, word.start())):
            continue
        end = word.start() + len(name)
        if link_like(word.start()) or (word.start() not in ends and _identifier(text, word.start(), end)):
            continue
        ends.add(end)
        points.update((word.start(), end) if NEXT_WORD.match(text, end) else (word.start(),))
    return [Change(point, point, _separator(text, point), RULE, "spacing") for point in sorted(points)]


def _identifier(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` sits inside a camel-case identifier: a lower-case word glued before it and a capital after it.

    >>> _identifier("Set isJapanAlly to true", 6, 11), _identifier("talks ofJapan and", 8, 13)
    (True, False)
    """
    part = _part_before(text, start)
    return bool(part) and part[0].islower() and end < len(text) and text[end].isupper()


def _break_shown_before(text: str, point: int) -> bool:
    """Whether the word glued before ``point`` is in lower case, or a label, which no camel-case word opens with."""
    part = _part_before(text, point)
    return bool(part) and (part[0].islower() or part in _labels())


def _part_before(text: str, point: int) -> str:
    """The last part of the run of letters glued before ``point``: a word, or its last capitalised part ("RevBlogTranscripts" -> "Transcripts").

    Only a few characters before ``point`` are read, so a long run of glued words costs no more per name than a short one.

    >>> _part_before("RevBlogTranscriptsJoe", 18), _part_before("part ofJapan", 7), _part_before("Tags: Japan", 6)
    ('Transcripts', 'of', '')
    """
    found = LAST_PART.search(text, max(0, point - PART_REACH), point)
    return found.group() if found else ""


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(words("infobox-labels")) | frozenset(words("tag-labels"))


class _LinkLike:
    """Whether the stretch without blanks around an offset is a web address, a handle or an identifier, judged once per stretch.

    The blanks are found once, so a long text without blanks costs a search per stretch, not per name in it.
    """

    def __init__(self, text: str):
        self.text = text
        self.blanks = [match.start() for match in BLANK.finditer(text)]
        self.verdicts: dict[int, bool] = {}

    def __call__(self, inside: int) -> bool:
        index = bisect_left(self.blanks, inside)
        start = self.blanks[index - 1] + 1 if index > 0 else 0
        if start not in self.verdicts:
            end = self.blanks[index] if index < len(self.blanks) else len(self.text)
            self.verdicts[start] = LINK_LIKE.search(self.text[start:end]) is not None  # a slice: "^" anchors at the stretch
        return self.verdicts[start]


def _stretch(text: str, inside: int) -> str:
    """The run of characters without blanks around offset ``inside``."""
    start = max(text.rfind(blank, 0, inside) for blank in " \t\n") + 1
    found = STRETCH_END.search(text, inside)
    return text[start : found.start() if found else len(text)]


def _separator(text: str, point: int) -> str:
    """A line break after a capitalised word (a tag, a label, a heading: elements of their own), else a space ("ofJapan").

    >>> _separator("LocationWashington", 8), _separator("part ofJapan", 7)
    ('\\n', ' ')
    """
    return "\n" if _part_before(text, point)[:1].isupper() else " "


def _whole(text: str, start: int, name: str) -> bool:
    """Whether ``name`` is written at ``start`` and ends there as a word does (or where the next glued capital begins)."""
    end = start + len(name)
    return text.startswith(name, start) and not (end < len(text) and text[end].islower())


def split_glued_labels(text: str) -> list[Change]:
    """A line break between an infobox label and the value glued to it at the start of a line ("CapitalShuri").

    The labels are the ``infobox-labels`` list.  The value must start with a
    capitalised word, and another line within :data:`INFOBOX_REACH` lines
    must open with a label glued to its value too, as the rows of an infobox
    do: one such line alone is a brand ("CapitalOne is a bank").  A glued
    whole that is an English word, or a web address, stays.

    >>> text = "CapitalShuri\\nCurrencyRyukyuan, Chinese\\nCapitalism is old"
    >>> [text[max(0, c.start - 8) : c.start] for c in split_glued_labels(text)]
    ['Capital', 'Currency']
    >>> split_glued_labels("CapitalOne is a bank.")
    []
    """
    line_ends = [match.start() for match in re.finditer("\n", text)]
    rows = [bisect_left(line_ends, match.start()) for match in _label_row().finditer(text)]
    changes = []
    for match in _glued_label().finditer(text):
        line = bisect_left(line_ends, match.start())
        near = rows[bisect_left(rows, line - INFOBOX_REACH) : bisect_right(rows, line + INFOBOX_REACH)]  # at most one row a line
        if not any(row != line for row in near):
            continue
        label_word = match.start() + len(match.group()) - len(match.group().split()[-1])
        whole = re.match(r"[A-Za-z]+", text[label_word:])
        if whole is not None and is_english_word(whole.group()):
            continue
        if LINK_LIKE.search(_stretch(text, match.start())):
            continue
        changes.append(Change(match.end(), match.end(), "\n", RULE, "spacing"))
    return changes


@lru_cache(maxsize=1)
def _glued_label() -> re.Pattern[str]:
    return re.compile(rf"(?m)^(?:{alternatives('infobox-labels')})(?=[A-Z][a-z])")


@lru_cache(maxsize=1)
def _label_row() -> re.Pattern[str]:
    """A line that opens with an infobox label glued to a capital, a digit or a bracket ("Effective23 June 1960")."""
    return re.compile(rf"(?m)^(?:{alternatives('infobox-labels')})(?=[A-Z0-9(])")
