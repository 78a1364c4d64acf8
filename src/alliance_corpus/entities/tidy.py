"""Model mentions trimmed to their names: no leading article, dangling "of the", possessive or title word.

The word lists are the ``names`` lexicon: ``leading-determiners``,
``trailing-function-words``, ``title-words``, ``title-before``, ``title-after``,
``job-titles``, ``combining-forms`` and ``question-openers``; citation marks are the ``citation-marks`` list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from ..records import NAMED_LABELS
from ..resources.lexicons import alternatives, word_set, words
from ..text.scripts import script_of
from .mention import Mention

DASHES = "-‐‑–—"
"""Hyphen and dashes: a word ending in one is a prefix ("Sino-", "post–"), never a name."""


OPENING_QUOTES = "“‘\"«"
CLOSING_QUOTES = "”’\"»"
"""Quote marks: a mention that opens with one and does not close it took the mark from the text around it."""
ACRONYM = re.compile(r"[A-Z]{2,}")
CODE_AFTER = re.compile(rf"[{DASHES}](?=[A-Z0-9]*\d)[A-Z0-9]+\b")
"""A hyphen and a code of capitals and digits with at least one digit ("-RDP07"), right after a mention."""
SLASH = re.compile(r"\s*/|\s+[-–—]\s+")
UNOPENED_CLOSE = re.compile(r"[^()]*\)[\s\-‐‑–—:]*")
"""Text up to a closing bracket that no opening one comes before, and the dashes after it: the end of something else."""
"""A slash or a spaced dash inside a mention: a name holds neither, so what follows is another name ("Mainichi/Tadashi Sano",
"Lisa Marie Presley - Elvis")."""
EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
ITERATION_MARKS = "々〆ヶゝゞヽヾ"
"""Marks that repeat or stand for a character inside a Japanese word ("我々", "人々")."""
"""Scripts that one East Asian name mixes freely (kanji with kana); any of them beside Latin letters starts another name."""


@lru_cache(maxsize=1)
def _longest_title_before() -> int:
    return max(map(len, words("title-before")), default=0)


def _title_before(text: str, end: int, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (a title-before word, " of", spaces, end) matches the text just before ``end``.

    Only the end of the text before ``end`` is read: "of" must end where
    the spaces before ``end`` begin, so the match starts at most a title word
    and " of" earlier.  (Searching from 0 cost a pass over the document per mention.)
    """
    spaces = end
    while spaces > 0 and text[spaces - 1].isspace():
        spaces -= 1
    return pattern.search(text, max(0, spaces - _longest_title_before() - len(" of")), end) is not None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    dash = f"[{DASHES}]"
    leading = re.compile(
        rf"^(?:(?:{alternatives('credit-openers')})\s+(?:the\s+)?(?=\S)|(?:{alternatives('leading-determiners')})\s+(?=\S)|(?:{alternatives('combining-forms')}){dash}(?=\w)|['’]s\s+(?=\S)|[{OPENING_QUOTES}](?=\w)(?!.*[{CLOSING_QUOTES}]$))", re.IGNORECASE
    )
    marks = "|".join(words("citation-marks"))
    date = rf"\s+of\s+(?:{alternatives('month-names')})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?$"  # "the Hagerty Incident of June 10"
    trailing = re.compile(
        rf"(?:\s+(?:{alternatives('trailing-function-words')}))+$|\s+(?:{alternatives('credit-closers')})$|(?:['’]s|(?<=s)['’])$|(?:{marks})+$|\S*{dash}$|(?:\s+[/|•·])+$|{date}|:+$|\s+[“‘«]$|\s*\([^()]*$"
    )
    title_before = re.compile(rf"(?:{alternatives('title-before')}) of\s*$")
    title_after = re.compile(rf"\s+(?:{alternatives('title-after')})\b")
    return leading, trailing, title_before, title_after, frozenset(words("title-words"))


LONGEST_WORD = 64
"""No word of a name is this long (the longest word of the gazetteer has 27 characters)."""
LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD},}}")
LONGEST_NAME = 1000
"""No name is longer (the longest treaty title of the development gold has some 400 characters)."""
WEB_ADDRESS = re.compile(r"://|\bwww\.|\w\.(?:com|org|net|gov|mil|edu|int|jp|go\.jp|co\.jp|ac\.jp|or\.jp)\b", re.IGNORECASE)
"""A web address, or a domain name, in a mention ("www.Kadena.af.mil"): no name, whatever names it holds."""
TAG_OR_HANDLE = re.compile(r"[#@]$")
"""A hashtag's or a handle's mark right before a mention ("#OkinawaReferendum", "@JapanGov", "press@Okinawa"): a label, not a name."""


def tidy(text: str, mention: Mention) -> Mention | None:
    """Trim a model mention to its name, or drop it when it is only part of a job title.

    The model often includes a leading article ("the Security Treaty") or
    the possessive of the word before ("’s Pacific") or an opening quote
    mark it does not close ("“Southwestern Defense Line"), an opening mark or
    bracket at its end ("Lawrence “", "National War College (Host"), a
    dangling "of the" ("Article 5 of the") or date ("Incident of June 10"), a possessive ("al-Qaeda’s") or a citation
    mark ("Onaga[4]"; a mention that is only a mark is dropped), and tags "State" in "Secretary of
    State" or "Defense" in "Defense Secretary" as an organization.  Beside a gazetteer
    match it leaves prefixes: a word ending in a hyphen ("Sino-" before "Japanese") is
    cut off, and a combining form opening a mention ("post–Cold War") too.  Gazetteer
    and caption mentions are exact already.

    >>> text = "the Security Treaty and the Secretary of State"
    >>> tidy(text, Mention(0, 19, "LAW", None, "model"))
    Mention(start=4, end=19, label='LAW', kb_id=None, source='model')
    >>> tidy(text, Mention(41, 46, "ORG", None, "model")) is None
    True
    >>> tidy("Sino-Japanese ties", Mention(0, 5, "NORP", None, "model")) is None
    True

    A mention that is only a title (``job-titles``: "Commanding General"), a
    capitalised common noun (``common-nouns``: "the Alliance") or a word of a
    page's interface (``interface-words``: "Print", "Email") is no name; nor is
    an infobox's label alone on its line (``infobox-labels``: "Capital"):

    >>> tidy("Lt. Gen. Turner, Commanding General, III MEF", Mention(17, 35, "ORG", None, "model")) is None
    True

    A person's name never ends in a title ("Adjunct Professor"):

    >>> tidy("Tom Lee, Adjunct Professor", Mention(9, 26, "PERSON", None, "model")) is None
    True

    An acronym that opens a reference code ("CIA-RDP07-00469R", the stamp on
    every page of a declassified document) is part of the code, not a name:

    >>> tidy("Approved For Release: CIA-RDP07-00469R000100950001-2", Mention(23, 26, "ORG", None, "model")) is None
    True

    A slash ends a name: a credit the caption step did not read as one
    ("Mainichi/Tadashi Sano") keeps its first name only.  So does a change of
    script: "宮古島 Miyako-jima" is a name and its romanisation, "ship、米軍艦"
    an English word beside a Japanese one.  What is left with no capital
    letter, in a script that has capitals, is no name ("central east coast";
    dates and numbers keep theirs: "decades" is a DATE):

    >>> tidy("Mainichi/Tadashi Sano", Mention(0, 21, "ORG", None, "model"))
    Mention(start=0, end=8, label='ORG', kb_id=None, source='model')
    >>> tidy("宮古島 Miyako-jima", Mention(0, 15, "LOC", None, "model"))
    Mention(start=0, end=3, label='LOC', kb_id=None, source='model')
    >>> tidy("on the central east coast", Mention(7, 25, "LOC", None, "model")) is None
    True

    A division of a document and its number opens no name:

    >>> tidy("Chapter 2 Dark Days", Mention(0, 14, "LAW", None, "model")) is None
    True

    The wording of a photo credit is no part of the name (``credit-openers``, ``credit-closers``):

    >>> text = "(Courtesy of the Office of the President) (AP Photo via AP video)"
    >>> [text[m.start:m.end] for m in (tidy(text, Mention(s, e, "ORG", None, "model")) for s, e in [(1, 40), (43, 51)])]
    ['Office of the President', 'AP']

    A person's name holds no digit:

    >>> tidy("Area7,939 km2", Mention(0, 9, "PERSON", None, "model")) is None
    True

    A web address, a hashtag or a handle is no name either:

    >>> tidy("visit www.Kadena.af.mil today", Mention(6, 23, "GPE", None, "model")) is None
    True
    >>> tidy("#OkinawaReferendum trends", Mention(1, 18, "PERSON", None, "model")) is None
    True

    Nor is any name a run of :data:`LONGEST_WORD` characters or more without a
    space (an address, a hash, an image inlined in base64), or longer than
    :data:`LONGEST_NAME` characters; such a mention is dropped before any
    pattern reads it, so its cost stays linear:

    >>> tidy("see " + "A" * 5000, Mention(4, 5004, "ORG", None, "model")) is None
    True
    """
    if mention.source != "model":
        return mention
    surface = text[mention.start : mention.end]
    if len(surface) > LONGEST_NAME or LONG_WORD.search(surface):
        return None
    if WEB_ADDRESS.search(surface) or TAG_OR_HANDLE.search(text, max(0, mention.start - 1), mention.start):
        return None
    _, _, title_before, title_after, title_words = _patterns()
    if ACRONYM.fullmatch(surface) and CODE_AFTER.match(text, mention.end):
        return None
    if _division().match(surface):
        return None
    if surface in title_words and (_title_before(text, mention.start, title_before) or title_after.match(text, mention.end)):
        return None
    person = _person_after_office(text, mention, title_before, title_words)
    if person is not None:
        return person
    mention = _person_without_title(text, mention) or mention
    trimmed = trim(text, mention)
    if trimmed is not None and trimmed != mention:  # "LtGen Lawrence “" is a title and a name once the quote mark goes
        trimmed = _person_without_title(text, trimmed) or trimmed
    if trimmed is None or " ".join(text[trimmed.start : trimmed.end].split()) in _not_names():
        return None  # "the Emperor" is a title once its article goes
    if _line_of(text, trimmed.start, trimmed.end).strip() in word_set("infobox-labels"):
        return None  # "Capital" alone on its line: an infobox's label, its value on the next line
    if trimmed.label == "PERSON" and text[trimmed.start : trimmed.end].split()[-1] in word_set("job-titles"):
        return None  # "Adjunct Professor": a person's name never ends in a title
    if _cut_from_east_asian_run(text, trimmed.start, trimmed.end):
        return None  # "我" of "我々は...": a cut through a Japanese word
    return trimmed


@lru_cache(maxsize=1)
def _division() -> re.Pattern[str]:
    """A division of a document and its number ("Chapter 2", "Section IV"), at the start of a mention."""
    return re.compile(rf"(?:{alternatives('document-divisions')})\s+(?:\d+|[IVXLC]+)\b")


def _line_of(text: str, start: int, end: int) -> str:
    """The line that holds ``text[start:end]``.

    >>> _line_of("Ryukyu Kingdom\\nCapital\\nShuri", 15, 22)
    'Capital'
    """
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Titles, common nouns and a page's interface words, no name on their own (``job-titles``, ``common-nouns``, ``interface-words``)."""
    return frozenset(words("job-titles")) | frozenset(words("common-nouns")) | frozenset(words("interface-words"))


def _person_after_office(text: str, mention: Mention, title_before: re.Pattern[str], title_words: frozenset[str]) -> Mention | None:
    """The person in "Secretary of Defense Austin", read by the model as the ORG "Defense Austin": the name after the office.

    >>> text = "with Secretary of Defense Austin and Secretary of State Blinken"
    >>> _, _, title_before, _, title_words = _patterns()
    >>> person = _person_after_office(text, Mention(18, 32, "ORG", None, "model"), title_before, title_words)
    >>> text[person.start:person.end], person.label
    ('Austin', 'PERSON')
    """
    surface = text[mention.start : mention.end]
    office = next((word for word in _longest_first(title_words) if surface.startswith(word + " ")), None)
    if office is None or not _title_before(text, mention.start, title_before):
        return None
    name = surface[len(office) :].lstrip()
    if not NAME_AFTER_OFFICE.fullmatch(name):
        return None
    return replace(mention, start=mention.end - len(name), label="PERSON")


def _person_without_title(text: str, mention: Mention) -> Mention | None:
    """A PERSON that opens with a title (``job-titles``), without it; ``None`` if it opens with none.

    Another mention that opens with an abbreviated title is that person too.

    >>> text = "and Councillor Muneyoshi Tokugawa signed; P.M. Nakasone agreed"
    >>> person = _person_without_title(text, Mention(4, 33, "PERSON", None, "model"))
    >>> text[person.start:person.end]
    'Muneyoshi Tokugawa'
    >>> person = _person_without_title(text, Mention(42, 55, "ORG", None, "model"))
    >>> text[person.start:person.end], person.label
    ('Nakasone', 'PERSON')
    """
    surface = text[mention.start : mention.end]
    title = next((word for word in _job_titles_longest_first() if surface.startswith(word + " ")), None)
    name = surface[len(title) :].lstrip() if title else ""
    if not NAME_AFTER_OFFICE.fullmatch(name) or (mention.label != "PERSON" and not (title or "").endswith(".")):
        return None  # only an abbreviated title is surely a person's: "General Motors" is a company
    return replace(mention, start=mention.end - len(name), label="PERSON")


@lru_cache(maxsize=1)
def _job_titles_longest_first() -> tuple[str, ...]:
    return _longest_first(word_set("job-titles"))


@lru_cache(maxsize=2)
def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def trim(text: str, mention: Mention) -> Mention | None:
    """The mention without what is no part of a name around it (see :func:`tidy`), or ``None`` if nothing is left.

    >>> trim("By the Yomiuri Shimbun/AFP", Mention(3, 26, "ORG", None, "model"))
    Mention(start=7, end=22, label='ORG', kb_id=None, source='model')
    >>> text = "TOKYO (Jiji Press)—North Korea fired"
    >>> mention = trim(text, Mention(7, 30, "PERSON", None, "model"))
    >>> text[mention.start:mention.end]
    'North Korea'

    A year before a name is cut off, a colon after it too, and a person keeps
    a generational suffix the model left out:

    >>> text = "part of the 2002 Defense Policy Review Initiative; Photo Credit: President Joseph R. Biden, Jr. said"
    >>> [text[m.start:m.end] for m in (trim(text, Mention(s, e, label, None, "model")) for s, e, label in
    ...  [(12, 49, "ORG"), (51, 64, "ORG"), (75, 90, "PERSON")])]
    ['Defense Policy Review Initiative', 'Photo Credit', 'Joseph R. Biden, Jr.']
    """
    leading, trailing, *_ = _patterns()
    inner_start, inner_end = _inside_symbols(text, mention.start, mention.end)
    mention = replace(mention, start=inner_start, end=inner_end)
    surface = _one_script(text[mention.start : mention.end])
    slash = SLASH.search(surface)
    if slash:
        surface = surface[: slash.start()]
    bullet = BULLET_BEFORE.match(surface)
    skipped = bullet.end() if bullet else 0
    closed = UNOPENED_CLOSE.match(surface, skipped)
    skipped = closed.end() if closed else skipped  # "Jiji Press)—North Korea": the name starts after the bracket that closes another
    marks = LEADING_MARKS.match(surface, skipped)
    skipped = marks.end() if marks else skipped  # "capabilities.[1] The Ministry of Defense": the mark ends the sentence before
    surface = surface[skipped:]
    if marks and surface.lower() in word_set("leading-determiners"):
        return None  # "[1] The" read as a name
    head = leading.match(surface)
    tail = trailing.search(surface)
    start = mention.start + skipped + (head.end() if head else 0)
    end = mention.start + skipped + (tail.start() if tail else len(surface))
    if mention.label == "PERSON":
        end = start + _without_capitals_after(text[start:end])
    name = text[start:end]
    if end <= start or (mention.label in NAMED_LABELS and name.lower() != name.upper() and name == name.lower()):
        return None
    if mention.label in NAMED_LABELS and NO_LETTER.fullmatch(name):
        return None  # "1952" read as an EVENT: no name
    if mention.label == "PERSON" and any(ch.isdigit() for ch in name):  # "Area7,939": a table cell glued to its figure
        return None
    year = LEADING_YEAR.match(name) if mention.label in NAMED_LABELS and mention.label != "PERSON" else None
    start += year.end() if year else 0
    start = _after_question_opener(text, start, end)
    generation = GENERATION_AFTER.match(text, end) if mention.label == "PERSON" else None
    end = generation.end() if generation else end
    return replace(mention, start=start, end=end)


SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:][\"”’)]?[^\S\n]+)[\"“‘]?$")
"""What a line holds before a sentence's first word: nothing, or the end of another sentence and a space."""


def _after_question_opener(text: str, start: int, end: int) -> int:
    """``start``, or past the verb that opens a question ("Will Kishida call an election?": the name is "Kishida").

    Only at a sentence's start, only when the sentence ends in a question
    mark, and only before a capitalised word, so "Will Smith said so." keeps
    its name (``question-openers``).

    >>> text = "Will Kishida call an election? Will Smith said no."
    >>> _after_question_opener(text, 0, 12), _after_question_opener(text, 31, 41)
    (5, 31)
    """
    opener = _question_openers().match(text, start, end)
    if opener is None or SENTENCE_BEFORE.search(text[text.rfind("\n", 0, start) + 1 : start]) is None:
        return start
    ends = SENTENCE_END.search(text, end)
    return opener.end() if ends is not None and ends.group() == "?" else start


SENTENCE_END = re.compile(r"[.!?\n]")


@lru_cache(maxsize=1)
def _question_openers() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternatives('question-openers')})[^\S\n]+(?=[A-Z])")


LEADING_MARKS = re.compile(r"(?:\[[0-9a-z]{1,3}\][^\S\n]*)+")
"""Footnote marks at a mention's start ("[1] The Ministry of Defense"): they close the sentence before."""


SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Cf"})
"""Emoji, flags and other pictographs, their skin tones, and invisible format characters: never the edge of a name."""
VARIATION_SELECTORS = frozenset("\ufe0e\ufe0f")


def _inside_symbols(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved inwards past emoji, pictographs and spaces at the edges of a mention.

    >>> text = "Biden and Kishida \U0001f91d at Camp David \U0001f1ef\U0001f1f5"
    >>> [text[s:e] for s, e in (_inside_symbols(text, 10, 19), _inside_symbols(text, 23, 36))]
    ['Kishida', 'Camp David']
    """
    while start < end and _edge_symbol(text[start]):
        start += 1
    while end > start and _edge_symbol(text[end - 1]):
        end -= 1
    return start, end


def _edge_symbol(char: str) -> bool:
    return char.isspace() or char in VARIATION_SELECTORS or unicodedata.category(char) in SYMBOL_CATEGORIES


NAME_AFTER_OFFICE = re.compile(r"[A-Z][^\W\d_]+(?:[ -](?:[A-Z]\.|[A-Z][^\W\d_]+)){0,3}")
"""One to three capitalised words, and initials between them: a person's name after an office ("Austin", "Justin A. Hubbel")."""
LEADING_YEAR = re.compile(r"(?:1[89]|20)\d\d[^\S\n]+(?=[A-Z])")
"""A year before a name ("the 2002 Defense Policy Review Initiative"): the name is what follows."""
GENERATION_AFTER = re.compile(r"(?:,[^\S\n]*|[^\S\n]+)(?:Jr\.|Sr\.|II|III|IV)(?![a-z0-9'’]|(?<!\.)[A-Z])")
"""A generational suffix after a person's name ("Joseph R. Biden, Jr.", "Lloyd J. Austin III"): part of the name."""
NO_LETTER = re.compile(r"[\W\d_]+")
"""A "name" of digits and punctuation alone ("1952")."""
BULLET_BEFORE = re.compile(r"^[•·▪◦‣*]+\s*")
"""A list bullet the model took into a mention ("• Resolve")."""
CAPITALS_AFTER_NAME = re.compile(r"(?<=[a-z.])(?:\s+[A-Z]{2,}\b){2,}$")
"""Two words in capitals or more after a name written in mixed case: a heading run on ("Joseph S. Nye STUDY GROUP").
One is the surname, as Japanese ministries write it ("Sanae TAKAICHI")."""


def _without_capitals_after(name: str) -> int:
    """The length of a person's name without the words in capitals after it.

    >>> name = "Joseph S. Nye STUDY GROUP"
    >>> name[: _without_capitals_after(name)]
    'Joseph S. Nye'
    """
    after = CAPITALS_AFTER_NAME.search(name)
    return after.start() if after else len(name)


def _cut_from_east_asian_run(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all in Chinese characters or kana and a character of the same scripts touches it.

    Japanese and Chinese put no spaces between words, so the model's reading
    of a stretch inside such a run ("我" of 「我々は同盟を強化する」) is a cut
    through a word or a sentence, not a name.  Names in these scripts that
    the gazetteer knows are its own mentions, and a name set apart by
    brackets, spaces or Latin letters ("(翁長雄志)") is whole.

    >>> text = "Kishi said: 「我々は同盟を強化する」 and 翁長雄志 (Onaga)"
    >>> _cut_from_east_asian_run(text, 13, 14), _cut_from_east_asian_run(text, 29, 33)
    (True, False)
    """
    letters = [char for char in text[start:end] if char.isalpha() or char in ITERATION_MARKS]
    if not letters or not all(map(_east_asian, letters)):
        return False
    return (start > 0 and _east_asian(text[start - 1])) or (end < len(text) and _east_asian(text[end]))


def _east_asian(char: str) -> bool:
    return char in ITERATION_MARKS or (char.isalpha() and script_of(char, EAST_ASIAN) in EAST_ASIAN)


def _one_script(surface: str) -> str:
    """``surface`` up to where its letters change script, without the spaces and marks before the change.

    >>> _one_script("ship、米軍艦"), _one_script("沖縄県 (Okinawa)"), _one_script("Tōkyō Bay")
    ('ship', '沖縄県', 'Tōkyō Bay')
    """
    first = None
    for index, char in enumerate(surface):
        if not char.isalpha():
            continue
        script = script_of(char, EAST_ASIAN)
        script = "EAST ASIAN" if script in EAST_ASIAN else script
        if first is None:
            first = script
        elif script != first:
            return re.sub(r"[\W_]+$", "", surface[:index])
    return surface
