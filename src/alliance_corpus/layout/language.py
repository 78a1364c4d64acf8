"""The language of a document and of each of its lines, from py3langid's offline model.

Restoration and the English entity model are for English.  A document in
another language is left as it is (its lines are flagged, not "restored"
word by word into a hybrid), and in a mixed document only the English lines
are restored and tagged.

- :func:`identify`: a document's language, as an ISO 639-1 code with a
  probability; texts with too few letters are ``und`` (undetermined).
- :func:`line_languages`: each line's language.  A line written mostly in a
  non-Latin script (kanji, kana, Hangul, Cyrillic...) is in that script's
  language; a Latin-script line of :data:`MIN_LINE_WORDS` words or more gets
  its own identification when the model is sure of it (in an English
  document, only a line most of whose words carry accented letters, such as
  Vietnamese: spun English leaks a few such words; in a document too short
  to judge, also a line without any English function word, such as a German
  or Spanish sentence: spun English keeps its "the", "and" and "of");
  shorter lines, and lines the model is unsure of, take the document's
  language.  So a Japanese name in kanji inside an English sentence leaves
  the line English.

py3langid ships its model inside the package (no download at run time), is
deterministic, and scores 97 languages in time linear in the text.

>>> identify("The alliance with Japan has been vital since 1951.").code
'en'
>>> identify("日米同盟は日本の安全保障の基盤であり、沖縄には多くの米軍基地がある。").code
'ja'
>>> [lang for _, _, lang in line_languages("Okinawa hosts most U.S. bases.\\n普天間飛行場の移設問題について", "en")]
['en', 'ja']
>>> [lang for _, _, lang in line_languages("Der Premierminister besuchte 2015 Okinawa und traf den Gouverneur, um über die Basis zu sprechen.", "und")]
['de']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from ..resources.lexicons import words
from ..text.scripts import script_of

UNDETERMINED = "und"
MIN_LETTERS = 20
"""Fewer letters than this say too little about a language: the text is ``und``."""
MIN_LINE_WORDS = 8
"""A Latin-script line needs this many words with letters for a language of its own."""
MIN_ACCENTED_WORDS = 5
"""Words in Latin letters a text needs for :func:`mostly_accented` to tell (a Vietnamese headline has five to ten)."""
SURE = 0.99
"""Probability above which a line's own identification overrides the document's."""
SAMPLE_CHARS = 100_000
"""Characters read to identify a whole document: its start is enough, and the cost stays bounded."""

LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\d_]+")
"""A word: a run of letters, or one Chinese character or Japanese kana (those scripts put no spaces between words)."""
SCRIPT_LANGUAGES = {"HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CJK": "zh", "CYRILLIC": "ru", "ARABIC": "ar",
                    "HEBREW": "he", "THAI": "th", "DEVANAGARI": "hi", "GREEK": "el", "KHMER": "km", "LAO": "lo"}  # fmt: skip
"""The language a line written in a script stands for, when the model cannot say (CJK alone: Chinese characters)."""


class Identified(NamedTuple):
    """A language code and the model's probability for it."""

    code: str
    confidence: float


LANGUAGES = (
    "en", "ja", "zh", "ko", "vi", "ru", "uk", "fr", "de", "es", "pt", "it", "nl", "sv", "da", "no", "fi", "pl",
    "cs", "hu", "ro", "tr", "el", "he", "ar", "fa", "hi", "bn", "ur", "th", "km", "lo", "my", "id", "ms", "tl",
)  # fmt: skip
"""The languages told apart: those of the region and of the sources researchers scrape.  Leaving out the
model's rarer classes (creoles of English such as Nigerian Pidgin among them) keeps English lines English."""
LATIN_WRITTEN = frozenset(LANGUAGES) - {"ja", "zh", "ko", "ru", "uk", "el", "he", "ar", "fa", "hi", "bn", "ur", "th", "km", "lo", "my"}
"""The languages of :data:`LANGUAGES` written in Latin letters."""


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


LONG_RUN = re.compile(r"[!-~]{64,}")
"""A run of 64 ASCII characters without a space: an address, a hash or an image inlined in base64, in no language.
(Chinese and Japanese put no spaces between words, so a run in their scripts is a sentence, and stays.)"""


def identify(text: str) -> Identified:
    """The language of ``text`` (``und`` with confidence 0 when it has too few letters).

    Runs without a space that no language writes (:data:`LONG_RUN`) are
    left out of the sample, so an image inlined in base64 does not make an
    English page Danish.

    >>> identify("Prime Minister Shinzo Abe visited Okinawa. " + "iVBORw0KGgoAAAANSUhEUgAA" * 400).code
    'en'
    """
    sample = LONG_RUN.sub(" ", text[:SAMPLE_CHARS])
    if len(LETTER.findall(sample)) < MIN_LETTERS:
        return Identified(UNDETERMINED, 0.0)
    code, probability = _identifier().classify(sample)
    return Identified(str(code), round(float(probability), 4))


def line_languages(text: str, document: str) -> list[tuple[int, int, str]]:
    """``(start, end, code)`` for every line of ``text`` (see the module docstring)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        spans.append((match.start(), match.end(), _line_language(match.group(), document)))
    return spans


def word_count(text: str) -> int:
    """Words in ``text``, counting each Chinese character and Japanese kana as one.

    >>> word_count("The alliance endured."), word_count("日米同盟")
    (3, 4)
    """
    return sum(1 for _ in WORD.finditer(text))


def _line_language(line: str, document: str) -> str:
    if line.isascii() and document == "en":
        return document  # Latin letters only, and no identification of its own in an English document
    letters = LETTER.findall(line)
    if not letters:
        return document
    scripts = [_script(letter) for letter in letters]
    foreign = [s for s in scripts if s != "LATIN"]
    if len(foreign) * 2 > len(letters):
        return _script_language(line, max(set(foreign), key=foreign.count))
    line_words = [word for word in line.split() if LETTER.search(word)]
    if len(line_words) >= MIN_LINE_WORDS and (
        document not in ("en", UNDETERMINED) or _mostly_accented(line_words) or (document == UNDETERMINED and _without_english_markers(line_words) and _without_pivot_letters(line))
    ):
        code = _sure_language(line, english_side=document in ("en", UNDETERMINED))
        if code is not None:
            return code
    return document


def _sure_language(line: str, english_side: bool) -> str | None:
    """The model's language for ``line`` when it is sure of it, else ``None``.

    Sure means a probability of :data:`SURE` or more.  Seen from an English
    document (``english_side``), it is enough to be sure that the line is in
    some other language written in Latin letters: close languages share the
    probability between them (Indonesian and Malay split a short passage
    about evenly), and either way the line is not one the English steps are
    for.  A line half in English and half in kanji is not counted so: the
    model's doubt there is between scripts, not between neighbours.

    >>> _sure_language("Menteri Pertahanan Jepang bertemu dengan Menteri Pertahanan Amerika Serikat di Tokyo", english_side=True)
    'ms'
    >>> _sure_language("Menteri Pertahanan Jepang bertemu dengan Menteri Pertahanan Amerika Serikat di Tokyo", english_side=False) is None
    True
    """
    ranking = dict(_identifier().rank(line))
    code = max(ranking, key=lambda language: ranking[language])
    if ranking[code] >= SURE:
        return str(code)
    if english_side and code in LATIN_WRITTEN and sum(ranking.get(language, 0.0) for language in LATIN_WRITTEN - {"en"}) >= SURE:
        return str(code)
    return None


def mostly_accented(text: str) -> bool:
    """Whether ``text`` has :data:`MIN_ACCENTED_WORDS` words in Latin letters or more, most of them with a letter outside ASCII,
    and none of them an English function word (see :func:`_mostly_accented`): prose in Vietnamese, say.

    Words in other scripts do not count: a list of Japanese names with their English ("トカラ列島 Tokara Chain") is English.

    >>> mostly_accented("Quan hệ Mỹ - Nhật. Hiệp ước an ninh giữa Mỹ và Nhật Bản"), mostly_accented("The chính phủ of Nhật Bản")
    (True, False)
    >>> mostly_accented("トカラ列島 Tokara Chain, 奄美諸島 Amami Islands, 喜界島 Kikai-jima, 徳之島 Tokunoshima")
    False
    """
    latin = [word for word in WORD.findall(text) if _script(word[0]) == "LATIN"]
    return len(latin) >= MIN_ACCENTED_WORDS and _mostly_accented(latin)


def _without_english_markers(words: list[str]) -> bool:
    """Whether no word is an English function word (``english-markers``): a sentence of English, spun or not, has one.

    >>> _without_english_markers("Der Premierminister besuchte Okinawa und traf den Gouverneur".split())
    True
    >>> _without_english_markers("The prime minister visited Okinawa and met the governor".split())
    False
    """
    markers = _english_markers()
    return not any(word.lower() in markers for word in words)


def _without_pivot_letters(line: str) -> bool:
    """Whether ``line`` has none of the letters only Vietnamese writes (``vietnamese-letters``).

    Spun English leaks words of its pivot language, Vietnamese, and a short
    spun sentence may hold no English function word; such a line is left to
    :func:`_mostly_accented`.

    >>> _without_pivot_letters("Der Premierminister besuchte Okinawa"), _without_pivot_letters("Jets left căn cứ Kadena")
    (True, False)
    """
    return not any(letter in pivot_letters() for letter in line)


@lru_cache(maxsize=1)
def pivot_letters() -> frozenset[str]:
    """The letters only Vietnamese writes (``vietnamese-letters``), in both cases: restoration's detection reads them too."""
    lower = "".join(words("vietnamese-letters"))
    return frozenset(lower + lower.upper())


def _mostly_accented(words: list[str]) -> bool:
    """Whether most words carry a letter outside ASCII and none is an English function word (``english-markers``).

    Such a line is in another language (Vietnamese, say); spun English, however
    many words it leaked, keeps its "the", "and" and "of".

    >>> _mostly_accented("Chính phủ Nhật Bản và Hoa Kỳ đã ký hiệp ước".split())
    True
    >>> _mostly_accented("Nhật Bản and Hàn Quốc watched Trung Quốc".split()), _mostly_accented("the chính phủ of Nhật Bản".split())
    (False, False)
    """
    markers = _english_markers()
    return sum(not word.isascii() for word in words) * 2 > len(words) and not any(word.lower() in markers for word in words)


@lru_cache(maxsize=1)
def _english_markers() -> frozenset[str]:
    return frozenset(words("english-markers"))


def _script_language(line: str, script: str) -> str:
    """The language of a line in a non-Latin script: the model's word where it is sure, else the script's."""
    code, probability = _identifier().classify(line)
    if probability >= SURE:
        return str(code)
    return SCRIPT_LANGUAGES.get(script, UNDETERMINED)


SCRIPTS = tuple(SCRIPT_LANGUAGES)


def _script(letter: str) -> str:
    return script_of(letter, SCRIPTS)
