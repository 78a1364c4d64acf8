"""Detect foreign-script leakage by Unicode script properties.

A machine-translation round trip leaves words of the pivot language behind:
Vietnamese words (recognisable by letters that only Vietnamese uses, such as
"ư", "ơ", "đ" or a dot below) and runs of Hangul, CJK, Cyrillic and other
non-Latin scripts.  Detection only reports them; the leakage rules restore the
known ones and the rest become flags.  The letters, scripts and loanwords are
the ``scripts`` lexicon (``vietnamese-letters``, ``inner-grave-letters``,
``non-latin-scripts``, ``english-loanwords``).

Letters that English borrows (café, naïve) and the macrons of romanized
Japanese (Ryūkyū, Tōkyō) are not leakage.  Neither is a gloss, which edited
pages write on purpose (:func:`find_leaked_words` leaves them out): foreign
script in brackets or quotes ("Okinawa (沖縄)"), foreign script followed by
its romanisation in brackets ("沖縄 (Okinawa)"), and a line of language names
in several scripts (a site's language menu).  Nor is a phrase in another
language (four words or more, or eight letters of Chinese or Japanese; in
Vietnamese, four syllables or more: "Đại học Quốc gia Hà Nội"): a round trip
leaks words, not phrases.

>>> [(m.group(), script) for m, script in find_foreign_words("a nuclear phibìc Korea, Japan 보다 in")]
[('phibìc', 'Vietnamese'), ('보다', 'Hangul')]
>>> [m.group() for m, _ in find_leaked_words("Governor Onaga (翁長雄志) said 보다 that")]
['보다']
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from ...layout.language import pivot_letters
from ...resources.english import is_english_word
from ...resources.lexicons import alternatives, words
from ...text import scripts as text_scripts

# Letters that occur in Vietnamese but not in the European languages whose
# words English prose borrows.  Grave accents (à, è, ì, ò, ù) also count when
# they sit inside a lower-case word, where English loanwords never have them.
VIETNAMESE_ONLY = pivot_letters()
INNER_GRAVE = frozenset("".join(words("inner-grave-letters")))
SHARED_LETTERS = frozenset("".join(words("vietnamese-shared-letters")))
"""Letters of Vietnamese that other languages write too ("château", "Đoković"): alone they mark a word only if it reads as Vietnamese."""
ENGLISH_LOANWORDS = frozenset(words("english-loanwords"))
NON_LATIN_SCRIPTS = tuple(words("non-latin-scripts"))
_NON_LATIN = frozenset(NON_LATIN_SCRIPTS)

QUOTE_RESIDUE = re.compile(r"^â|â$|[a-z]â(?:s|t|d|m|ve|ll|re)$", re.IGNORECASE)
"""What is left of a curly quote or apostrophe whose UTF-8 bytes were read as cp1252 and lost their
last two bytes ("itâs", "âchangeâ"): damage the encoding step reports, not a Vietnamese word."""

WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-][^\W\d_])*")


def script_of(char: str) -> str:
    """The script family of a letter, by its Unicode name ("LATIN", "HANGUL", ...)."""
    return text_scripts.script_of(char, NON_LATIN_SCRIPTS)


def word_script(word: str) -> str | None:
    """Name the leaked language or script of ``word``, or ``None`` for English-looking words.

    >>> word_script("Ryūkyū") is None, word_script("của"), word_script("Москва")
    (True, 'Vietnamese', 'Cyrillic')
    >>> word_script("dân"), word_script("château"), word_script("Đoković")  # letters Vietnamese shares with French and Serbian
    ('Vietnamese', None, None)
    """
    if word.isascii():
        return None
    scripts = {script_of(c) for c in word if c.isalpha()}
    foreign = scripts & _NON_LATIN
    if foreign:
        return min(foreign).title()
    if word.lower() in ENGLISH_LOANWORDS or QUOTE_RESIDUE.search(word):
        return None
    marks = {c for c in word.lower() if c in VIETNAMESE_ONLY}
    if marks and (not marks <= SHARED_LETTERS or reads_as_vietnamese(word)):
        return "Vietnamese"
    if word.islower() and any(c in INNER_GRAVE for c in word) and reads_as_vietnamese(word):
        return "Vietnamese"
    return None


ONSET, CODA = (f"(?:{alternatives(name)})?" for name in ("vietnamese-onsets", "vietnamese-codas"))
SYLLABLE = rf"{ONSET}[{''.join(words('vietnamese-vowels'))}]{{1,3}}{CODA}"
UNMARKED_SYLLABLE = rf"{ONSET}[aeiouy]{{1,3}}{CODA}"
VIETNAMESE_SPELLING = re.compile(rf"(?:{UNMARKED_SYLLABLE})?{SYLLABLE}(?:[-'’](?:{UNMARKED_SYLLABLE})?{SYLLABLE})*")
"""A Vietnamese syllable, perhaps glued to an unmarked one before it ("phibìc", as spinners glue them), or such parts joined by
hyphens ("i-rắc")."""


def reads_as_vietnamese(word: str) -> bool:
    """Whether ``word`` can be spelled with Vietnamese syllables (the ``vietnamese-onsets``, ``-vowels`` and ``-codas`` lists).

    A grave accent inside a word is the only Vietnamese sign of "chèn" and
    "bìc", but also of French and Italian words that English borrows
    ("première", "caffè"), which no Vietnamese syllable spells; so are the
    letters Vietnamese shares with other languages (:data:`SHARED_LETTERS`).

    >>> [reads_as_vietnamese(w) for w in ("chèn", "phibìc", "người", "première", "très", "siècle", "caffè", "tiānxià", "bàdào")]
    [True, True, True, False, False, False, False, False, False]
    """
    return VIETNAMESE_SPELLING.fullmatch(unicodedata.normalize("NFC", word).lower()) is not None


def find_foreign_words(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Yield each leaked word of ``text`` with the name of its script or language."""
    for match in WORD.finditer(text):
        script = word_script(match.group())
        if script is not None:
            yield match, script


LABELLED = re.compile(r"(?:Japanese|Chinese|Korean|Okinawan|Ryukyuan|Russian|Vietnamese|Kanji|Kana|Hangul|Hanja|Hiragana|Katakana)\s*[:：]\s*$")
"""A language label just before foreign script ("Japanese: 沖縄県"): the script is a gloss."""
PASSAGE_WORDS = 4
PASSAGE_CHARACTERS = 8
RUN = re.compile(r"(?:[^\x00-\x7f、，：｜／]| )+")
"""A stretch of non-ASCII letters and spaces: a foreign run, up to a separator or an ASCII character."""
TRAILING = re.compile(r"[、，,:：|/｜／]\s*$")
"""A separator after English words: foreign script after it that ends the line is a caption's translation."""
GLOSS = re.compile(r"[(\[（「『“\"][^()\[\]（）「」『』“”\"\n]{0,200}[)\]）」』”\"]")
"""A bracketed or quoted stretch of one line: foreign script inside it is a gloss or a title."""
ROMANISED = re.compile(r"\s*[(\[（][^\W\d_]")
BLANK_TO_END = re.compile(r"\s*\Z")
"""A bracket opening on a letter, right after a word: its romanisation or translation follows."""


def find_leaked_words(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """The foreign words of ``text`` that are not glosses (see the module docstring).

    Each line is read a fixed number of times, whatever its length.

    >>> [m.group() for m, _ in find_leaked_words("普天間 (Futenma) and the 'Ryūkyū Shimpō' and căn cứ")]
    ['căn', 'cứ']
    """
    start = 0
    for line in text.split("\n"):
        found = [] if line.isascii() else list(find_foreign_words(line))  # an ASCII word is never foreign
        if found and not _language_menu(line, found):
            glossed = [(m.start(), m.end()) for m in GLOSS.finditer(line)]
            runs = [(m.start(), m.end()) for m in RUN.finditer(line)]
            kept: dict[int, bool] = {}  # per foreign run, judged once however many words it holds
            latin = _vietnamese_runs(line, found)
            for match, script in found:
                if script == "Vietnamese" and not latin.get(match.start(), True):
                    continue
                run = bisect_right(runs, (match.start(), len(line))) - 1  # the foreign run around the word
                if run not in kept:
                    kept[run] = not _glossed_run(line, *runs[run]) and not _passage(line[runs[run][0] : runs[run][1]])
                if kept[run] and not _in_brackets(match, glossed, len(line)):
                    yield _shifted(text, match, start), script
        start += len(line) + 1


VIETNAMESE_SURNAMES = frozenset(words("vietnamese-surnames"))
VIETNAMESE_PLACES = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in sorted(words("vietnamese-places"), key=len, reverse=True)))
VIETNAMESE_LOANWORDS = re.compile(
    "|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in sorted(words("vietnamese-loanwords"), key=len, reverse=True)), re.IGNORECASE
)
"""Vietnamese words English writing keeps as they are ("phở", "bánh mì", "áo dài"): no more a leak than a place's name."""


def _vietnamese_runs(line: str, found: list[tuple[re.Match[str], str]]) -> dict[int, bool]:
    """For each Vietnamese word of ``line`` (by its start), whether it may be leaked: ``False`` for a name or a gloss.

    Vietnamese is written in Latin letters, so its words do not make one run
    of foreign script the way Chinese does: a run here is Vietnamese words
    one space apart ("Biển Đông").  A run followed by its translation in
    brackets ("Biển Đông (East Sea)") is a gloss.  A name is two capitalised
    words or more after a Vietnamese family name ("Nguyễn Xuân Phúc",
    "Hà Nội"), a place of the ``vietnamese-places`` list ("Điện Biên
    Phủ") or a word of ``vietnamese-loanwords`` ("phở", "áo dài"): an English
    page about Vietnam writes its people, places and dishes so, and
    a round trip leaks common words and the Vietnamese names of other
    countries ("Nhật Bản"), not the names of Vietnamese people.

    >>> line = "Nguyễn Xuân Phúc met Abe; Vietnam calls it Biển Đông (East Sea), a căn cứ"
    >>> runs = _vietnamese_runs(line, list(find_foreign_words(line)))
    >>> [(line[start:].split()[0], free) for start, free in runs.items()]
    [('Nguyễn', False), ('Xuân', False), ('Biển', False), ('Đông', False), ('căn', True), ('cứ', True)]
    """
    words_at = [match for match, script in found if script == "Vietnamese"]
    names = _name_spans(line) + _vietnamese_phrases(line, words_at)
    verdict: dict[int, bool] = {}
    group: list[re.Match[str]] = []
    for match in [*words_at, None]:
        if group and (match is None or line[group[-1].end() : match.start()] != " "):
            free = not _glossed_run(line, group[0].start(), group[-1].end())
            verdict.update((word.start(), free and not any(s <= word.start() < e for s, e in names)) for word in group)
            group = []
        if match is not None:
            group.append(match)
    return verdict


SYLLABLE_GAP = re.compile(r" (?:([^\W\d_]+) (?:([^\W\d_]+) )?)?")
"""What may stand between two words of one Vietnamese phrase: a space, or one or two syllables without a letter only Vietnamese
uses ("Quốc gia Hà Nội")."""


def _vietnamese_phrases(line: str, words_at: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Runs of :data:`PASSAGE_WORDS` Vietnamese syllables or more, most of them capitalised: a name or a title written in Vietnamese on purpose.

    Between two words with letters only Vietnamese uses a run may hold one
    or two other syllables, each capitalised or no English word ("gia",
    "Hà", "Minh"); an English word ("in", "and") ends the run.  A round trip leaks
    words of one to three syllables in the spun sets of ``tests/data``
    ("căn cứ", "tàu huấn luyện", "Bắc Hải Đạo"), and runs of common words in
    lower case ("căn cứ không quân Kadena", "tỷ lệ ủng hộ"), not names.

    >>> line = "a lecturer at Đại học Quốc gia Hà Nội, near the căn cứ không quân Kadena"
    >>> [line[s:e] for s, e in _vietnamese_phrases(line, [m for m, _ in find_foreign_words(line)])]
    ['Đại học Quốc gia Hà Nội']
    """
    phrases = []
    first = 0
    for index in range(1, len(words_at) + 1):
        joined = index < len(words_at) and _one_phrase(SYLLABLE_GAP.fullmatch(line, words_at[index - 1].end(), words_at[index].start()))
        if not joined:
            start, end = words_at[first].start(), words_at[index - 1].end()
            syllables = line[start:end].split()
            if len(syllables) >= PASSAGE_WORDS and 2 * sum(syllable[0].isupper() for syllable in syllables) > len(syllables):
                phrases.append((start, end))
            first = index
    return phrases


def _one_phrase(gap: re.Match[str] | None) -> bool:
    """Whether ``gap`` (a :data:`SYLLABLE_GAP` match, or ``None``) joins two Vietnamese words into one phrase."""
    if gap is None:
        return False
    return all(syllable[0].isupper() or not is_english_word(syllable) for syllable in gap.groups() if syllable is not None)


NAMED_AFTER = re.compile(
    rf"(?<![\w-])(?:{'|'.join(re.escape(noun) for noun in sorted(words('name-introducers'), key=len, reverse=True))})[^\S\n]+(?=[^\W\d_])"
)
"""A common noun that introduces a name ("the newspaper Nhân Dân"): the capitalised words right after it are the name."""
CALLED_AFTER = re.compile(r",?[^\S\n]+(?:as|which)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,3}calls?[^\S\n]+(?:it[^\S\n]+)?(?:the[^\S\n]+)?[A-Z]")
"""A gloss in prose after a name: "the Biển Đông, as Hanoi calls the South China Sea"."""


def _name_spans(line: str) -> list[tuple[int, int]]:
    """The Vietnamese names of ``line``: a family name and one capitalised word or more, one space apart, known places ("Điện Biên Phủ"),
    the words English keeps untranslated ("bánh mì"), and capitalised words after a noun that introduces a name
    (``name-introducers``: "the newspaper Tuổi Trẻ").

    >>> line = "the newspaper Tuổi Trẻ reported it"
    >>> [line[s:e] for s, e in _name_spans(line)]
    ['Tuổi Trẻ']
    """
    spans = sorted((m.start(), m.end()) for pattern in (VIETNAMESE_PLACES, VIETNAMESE_LOANWORDS) for m in pattern.finditer(line))
    for match in NAMED_AFTER.finditer(line):
        start = end = match.end()
        for word in WORD.finditer(line, start):
            if not word.group()[:1].isupper() or line[end : word.start()] != ("" if end == start else " "):
                break
            end = word.end()
        if end > start:
            spans.append((start, end))
    for match in WORD.finditer(line):
        if match.group() in VIETNAMESE_SURNAMES and not any(s <= match.start() < e for s, e in spans):
            end = match.end()
            for following in WORD.finditer(line, end):
                if line[end : following.start()] != " " or not following.group()[:1].isupper():
                    break
                end = following.end()
            if end > match.end():
                spans.append((match.start(), end))
    return sorted(set(spans))


def _in_brackets(match: re.Match[str], glossed: list[tuple[int, int]], length: int) -> bool:
    """Whether ``match`` lies inside a bracketed or quoted stretch of its line (a gloss or a title)."""
    inside = bisect_right(glossed, (match.start(), length)) - 1
    return inside >= 0 and glossed[inside][0] < match.start() and match.end() < glossed[inside][1]


def _glossed_run(line: str, start: int, end: int) -> bool:
    """Whether the foreign run ``line[start:end]`` is a gloss by what surrounds it (see the module docstring).

    Only a few characters before the run and the blanks after it are read,
    so a line of many runs costs time in proportion to its length.
    """
    before = line[max(0, start - 40) : start]
    return bool(
        LABELLED.search(before) or (TRAILING.search(before[-8:]) and BLANK_TO_END.match(line, end)) or ROMANISED.match(line, end) or CALLED_AFTER.match(line, end)
    )


def _passage(run: str) -> bool:
    """Whether a foreign ``run`` is a phrase in another language: :data:`PASSAGE_WORDS` words or more,
    or :data:`PASSAGE_CHARACTERS` letters without spaces (Chinese and Japanese).  A round trip leaks words, not phrases."""
    pieces = run.split()
    return len(pieces) >= PASSAGE_WORDS or any(len(piece) >= PASSAGE_CHARACTERS for piece in pieces)


def _language_menu(line: str, found: list[tuple[re.Match[str], str]]) -> bool:
    """Whether ``line`` is mostly words in two or more other scripts: a list of languages, not prose."""
    ascii_words = [w for w in WORD.findall(line) if w.isascii()]
    return len(ascii_words) <= len(found) and len({script for _, script in found}) >= 2


def _shifted(text: str, match: re.Match[str], offset: int) -> re.Match[str]:
    """The same word matched in the whole ``text`` (so offsets count from its start)."""
    shifted = WORD.match(text, offset + match.start())
    assert shifted is not None and shifted.group() == match.group()
    return shifted
