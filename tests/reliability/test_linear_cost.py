"""Restoration costs the same per character however large and hostile the input.

Generated inputs mix scripts (Latin, Vietnamese, Hangul, CJK, Cyrillic),
mojibake, HTML entities, the rules' trigger words ("v", "~", "people War
II"), punctuation and runs of one character, as one very long line or as many
short lines.  The same input is timed at two sizes, four times apart: the
larger may cost at most :data:`MAX_RATIO` times as much per character (a
linear cost gives about 1, a quadratic one 4).  Times are CPU times of this
process with the garbage collector paused, and a ratio over the bound is
measured again as the best of five, then fifteen, interleaved runs before the test fails,
so load on the machine does not make the test flaky.  Other tests import the generators (``hostile_units``,
``build_text``, ``random_units``).
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_corpus.restore import GARBLED, RestoreConfig, clean

MAX_RATIO = 1.5
"""Largest allowed ratio of the cost per character of an input four times as large."""

WORDS = (
    "the alliance Japan bases treaty forces Okinawa has been will would to be come end over with that is its and"
    " also actually certainly much more any kind of exactly how previous individuals visibility difficulties war"
    " people War II World Status pressures Forces Agreement Special activity Committee Action U.S. U.N. north"
    " Korea korea china japan Soviet union camp David Air pressure element Minister says United joined lock have"
).split()
FOREIGN = [
    "phibìc", "Nhật Bản", "của", "Hàn Quốc", "Triều Tiên", "tỷ đô", "triệu", "nghìn tỷ yên", "đường", "보다", "한국",
    "미국은", "日本", "中国", "沖縄の基地", "Москва", "Россия", "Ryūkyū", "café",
]  # fmt: skip
MOJIBAKE = ["Ã©", "â€™", "â€œ", "Ã¨s", "cafÃ©", "ÅŒura", "Â\xa0", "Ã ", "æ²\x96ç¸\x84", "\x85", "ã\x81®"]
MARKUP = ["&amp;", "&amp;lt;", "&#8217;", "&quot;", "&nbsp;", "<br>", "<p>", "</p>", "<em>", "<p ", "&"]
TRIGGERS = [
    "v", "~", "~ above", "w/", "+", "people War II", "chilly War", "Status of pressures Agreement", "has actually",
    "and also", "much more", "U.S. Korea", "U.S. Military", "country.There", "x come x", "Japan to be", "the to be",
    "element Minister", "United says", "1950", "12,5", "3.5 tỷ đô",
]  # fmt: skip
PUNCTUATION = list(".,;:!?—–…’“”()'\"-/")
SEPARATORS = [" ", " ", " ", " ", "", "\n", "\n\n\n", "  ", "\t", "\xa0", "\u200b", "\r\n", " \n"]
RUN_CHARACTERS = [" ", "1", "1,", ".", "a", "\n", "v ", "é", "Ã©", "\xa0", "-", "日"]
SHAPES = ("line", "lines", "run")

token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(FOREIGN),
    st.sampled_from(MOJIBAKE),
    st.sampled_from(MARKUP),
    st.sampled_from(TRIGGERS),
    st.sampled_from(PUNCTUATION),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=4),
    st.builds(lambda c, n: c * n, st.sampled_from(RUN_CHARACTERS), st.integers(2, 40)),
)
unit = st.lists(st.builds(lambda t, s: t + s, token, st.sampled_from(SEPARATORS)), min_size=1, max_size=12).map("".join)


def hostile_units() -> st.SearchStrategy[list[str]]:
    """One to three snippets of hostile text, to be repeated."""
    return st.lists(unit, min_size=1, max_size=3)


def build_text(units: Sequence[str], copies: int, shape: str, run: str = " ") -> str:
    """The ``units`` repeated ``copies`` times in one of three shapes; the proportions stay the same at any size.

    - ``line``: one very long line (line ends become spaces);
    - ``lines``: each unit on its own line;
    - ``run``: the units on one line, around one run of ``run`` as long as they are.
    """
    units = [u for u in units if u.strip()] or ["v"]
    if shape == "run":
        edge = build_text(units, copies, "line")
        return edge + run * (2 * len(edge) // len(run)) + edge
    separator = "\n" if shape == "lines" else ""
    text = "".join(u + separator for u in units) * copies
    return " ".join(text.splitlines()) if shape == "line" else text  # "\x85" and "\u2028" end lines too


def scaled(units: Sequence[str], shape: str, run: str, smallest: int, steps: int) -> list[str]:
    """The same text at ``steps`` sizes, each four times the one before, the first of at least ``smallest`` characters."""
    copies = -(-smallest // len(build_text(units, 1, shape, run)))
    return [build_text(units, copies * 4**step, shape, run) for step in range(steps)]


def random_units(seed: int) -> list[str]:
    """Hostile snippets drawn with :mod:`random` from the same pools, for inputs too large to draw many of."""
    rng = random.Random(seed)
    pools = [WORDS, FOREIGN, MOJIBAKE, MARKUP, TRIGGERS, PUNCTUATION]
    return ["".join(rng.choice(rng.choice(pools)) + rng.choice(SEPARATORS) for _ in range(40)) for _ in range(3)]


CONFIGS = {"pure-python": RestoreConfig(context_rules=False), "default": RestoreConfig()}


def cost_per_character(texts: Sequence[str], config: RestoreConfig, repeats: int) -> list[float]:
    """The best CPU time per character of cleaning each text, over ``repeats`` interleaved runs.

    The garbage collector is paused meanwhile: its pauses depend on everything
    else the process holds (a whole test session), not on the texts.
    """
    clean("The alliance v Japan has actually been vital.", config=config)  # loads what the config needs
    best = [float("inf")] * len(texts)
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            for i, text in enumerate(texts):
                start = time.process_time()
                clean(text, config=config)
                best[i] = min(best[i], time.process_time() - start)
    finally:
        gc.enable()
    return [seconds / len(text) for seconds, text in zip(best, texts)]


RETRIES = (5, 15)
"""Runs per size when a ratio is over the bound, in turn, before it fails."""


def assert_linear(texts: Sequence[str], config: RestoreConfig, *, spare: int = 0) -> None:
    """Each text, four times the one before, costs at most :data:`MAX_RATIO` times as much per character.

    A ratio over the bound is measured again, as the best of five runs, then
    of fifteen (:data:`RETRIES`), before it counts: other processes on the
    machine slow some runs down, never speed one up, so the best of many runs
    is the cost of the code.  It does not count when the two sizes were judged
    differently (spun or not, English or not; a short text counts as
    :data:`~alliance_corpus.restore.detect.garble.MIN_WORDS` words): that is
    a step, not growth, and the next pair of sizes decides (the last
    ``spare`` texts serve only for that).  The sizes are checked in turn, so
    a quadratic cost fails before the largest text is cleaned.
    """
    judged_apart = False
    for index, (small, large) in enumerate(zip(texts, texts[1:])):
        if index >= len(texts) - 1 - spare and not judged_apart:
            return
        ratio = _ratio(small, large, config, repeats=1)
        for repeats in RETRIES:
            if ratio <= MAX_RATIO:
                break
            ratio = min(ratio, _ratio(small, large, config, repeats=repeats))
        judged_apart = ratio > MAX_RATIO and _judgement(small, config) != _judgement(large, config)
        assert ratio <= MAX_RATIO or judged_apart, (
            f"cost per character grows with size: {len(small)} -> {len(large)} characters, ratio {ratio:.2f}"
        )


def _judgement(text: str, config: RestoreConfig) -> tuple[bool, object]:
    """What :func:`clean` decided about ``text`` as a whole: spun or not, and its language (where it reports one)."""
    result = clean(text, config=config)
    return result.garble_score >= GARBLED, getattr(getattr(result, "language", None), "code", None)


def _ratio(small: str, large: str, config: RestoreConfig, *, repeats: int) -> float:
    cost_small, cost_large = cost_per_character([small, large], config, repeats)
    return cost_large / cost_small


@settings(deadline=None)
@given(units=hostile_units(), shape=st.sampled_from(SHAPES), run=st.sampled_from(RUN_CHARACTERS), config=st.sampled_from(sorted(CONFIGS)))
def test_clean_cost_per_character_is_bounded(units, shape, run, config):
    assert_linear(scaled(units, shape, run, smallest=800, steps=3), CONFIGS[config], spare=1)


@pytest.mark.parametrize(("shape", "config"), [(shape, "pure-python") for shape in SHAPES] + [("line", "default")])
def test_clean_cost_per_character_is_bounded_up_to_100_kb(shape, config):
    texts = scaled(random_units(seed=SHAPES.index(shape)), shape, run="1,", smallest=1_500, steps=4)
    assert len(texts[-1]) >= 96_000
    assert_linear(texts, CONFIGS[config])


@pytest.mark.parametrize(
    "text",
    [
        "w" + " " * 100_000 + "w",  # `(?m)[ ]+$` read the rest of the run from every space
        "3,5 tỷ đô " + "1," * 50_000,  # `(\d[\d.,]*) tỷ` read the rest of the run from every digit
        "cafÃ© café " * 2_000,  # difflib aligned the whole line at once
        "Москва является столицей России.\n"
        + "The alliance v Japan has been vital after people War II. " * 1_600,  # each change looked up its line
        "日日 " * 32_000,  # each leaked word split its whole foreign run again (found by `make fuzz`, 10,000 examples)
        "a 日 " * 24_000,  # each foreign run copied the rest of its line
        "TagsJapan" * 8_000,  # each glued name read the run it is in from its start (found by hypothesis with "Japan\u200b")
        "CapitalShuri\n" * 6_000,  # each glued infobox label counted the lines before it, and compared itself with every other row
    ],
    ids=["space-run", "digit-run", "mojibake-line", "foreign-line-and-long-line", "one-long-foreign-run", "many-foreign-runs", "glued-names", "glued-labels"],
)
def test_clean_known_worst_cases_are_linear(text):
    assert_linear([text[: len(text) // 16], text[: len(text) // 4], text], CONFIGS["pure-python"])


def test_clean_with_context_rules_is_linear_on_a_long_reencoded_line():
    # The context step re-tags what changed and keeps the vectors of tokens whose neighbourhood did not; difflib aligned
    # the two versions of a long, repetitive line in time that grew with its square (found by hypothesis, shape "line").
    text = "Â\xa0 Japan\tJapan phibìc\xa0phibìc\xa0" * 1_600
    assert_linear([text[: len(text) // 16], text[: len(text) // 4], text], CONFIGS["default"])
