"""Detection stands on its own evidence: the tells lexicon, leaked words and broken names, never the repair rules."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from alliance_corpus.errors import ResourceError
from alliance_corpus.resources import Resources
from alliance_corpus.restore import RestoreConfig, clean
from alliance_corpus.restore.detect import find_leaked_words, find_signals, garble_score
from alliance_corpus.restore.detect.garble import GARBLED
from tests.conftest import CLEAN_SET, GARBLED_DEV_SET, GARBLED_SET, REAL_PAGES, SPUN_DEV_SET, WEBNOISE_SET, read_garbled

PROBE_RULE = {
    "id": "probe.alliance", "match": "phrase", "pattern": "the alliance", "replacement": "the partnership",
    "kind": "spin", "confidence": 0.99, "evidence": "test", "note": "a rule that fires in almost every text of the sets",
}  # fmt: skip


def _texts() -> dict[str, str]:
    texts = {p.stem: read_garbled(p)["garbled"] for p in GARBLED_SET + GARBLED_DEV_SET + SPUN_DEV_SET}
    texts.update({f"{p.stem} (original)": read_garbled(p)["original"] for p in GARBLED_SET})
    texts.update({p.stem: orjson.loads(p.read_bytes())["text"] for p in REAL_PAGES[::6]})
    texts.update({p.stem: orjson.loads(p.read_bytes())["raw"] for p in WEBNOISE_SET})
    return texts


def _scores(texts: dict[str, str], resources: Resources) -> dict[str, tuple[float, list[tuple[int, int, str]]]]:
    return {
        name: (result.garble_score, [(e.raw_start, e.raw_end, e.signal) for e in result.garble_evidence])
        for name, text in texts.items()
        for result in [clean(text, resources=resources, config=RestoreConfig(context_rules=False))]
    }


def test_detection_scores_do_not_change_when_repair_rules_are_removed_or_added(tmp_path, seed_raw):
    texts = {"seed": seed_raw, **_texts()}
    bundled = Resources.bundled()
    baseline = _scores(texts, bundled)
    assert sum(score >= 0.5 for score, _ in baseline.values()) >= 25  # the sets do open the gate
    without_spinner = Resources(
        rule_files=tuple(p for p in bundled.rule_files if p.name != "spinner.jsonl"),
        gazetteer_files=bundled.gazetteer_files,
        lexicon_files=bundled.lexicon_files,
    )
    extra = tmp_path / "probe.jsonl"
    extra.write_text(json.dumps(PROBE_RULE) + "\n", encoding="utf-8")
    with_probe = Resources(rule_files=(*bundled.rule_files, extra), gazetteer_files=bundled.gazetteer_files, lexicon_files=bundled.lexicon_files)
    assert len(without_spinner.rules) < len(bundled.rules) < len(with_probe.rules)
    assert _scores(texts, without_spinner) == baseline
    assert _scores(texts, with_probe) == baseline


def test_detection_a_researchers_tell_counts_as_evidence(tmp_path):
    text = "The alliance endured. " * 20 + "Officials met in Tokyo under the banner of friendship."
    assert garble_score(text) == 0.0
    (tmp_path / "lexicons").mkdir()
    tell = {
        "id": "wording-tells.banner-of-friendship", "list": "wording-tells", "value": r"\bbanner of friendship\b", "weight": 1.0,
        "evidence": "test", "note": "a researcher's tell",
    }  # fmt: skip
    (tmp_path / "lexicons" / "mine.jsonl").write_text(json.dumps(tell) + "\n", encoding="utf-8")
    resources = Resources.for_corpus(tmp_path)
    assert [s.signal for s in find_signals(text, resources)] == ["wording-tells.banner-of-friendship"]
    assert garble_score(text, resources) > 0.0


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"value": "(unclosed", "weight": 1.0}, "not a valid regular expression"),
        ({"value": "fine"}, "needs a weight"),
        ({"value": "(a+)+$", "weight": 1.0}, "backtrack"),
    ],
)
def test_detection_a_bad_tell_is_refused_when_loaded_with_file_and_line(tmp_path, entry, problem):
    path = tmp_path / "tells.jsonl"
    lines = [{"id": "wording-tells.ok", "list": "wording-tells", "value": "ok", "weight": 0.5, "evidence": "e", "note": "n"}]
    lines.append({"id": "wording-tells.bad", "list": "wording-tells", "evidence": "e", "note": "n", **entry})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    resources = Resources(rule_files=(), gazetteer_files=Resources.bundled().gazetteer_files, lexicon_files=(path,))
    with pytest.raises(ResourceError, match=problem) as caught:
        resources.lexicon  # noqa: B018
    assert caught.value.path == str(path) and caught.value.line == 2


@pytest.mark.parametrize(
    "text",
    [
        "Governor Takeshi Onaga (翁長雄志) said the plan would not proceed.",
        "沖縄県 (Okinawa Prefecture) hosts most of the bases.",
        "Okinawa Prefecture\nJapanese: 沖縄県\nCapital Naha",
        "A photo of the destroyer. US Navy ship、米軍艦",
        "English 日本語 简体字 Русский\nThe alliance endured.",
        "The book “日米同盟の正体” was a best seller in Tokyo.",
        "It’s what youâve heard, and itâs what we canât change.",
    ],
    ids=["kanji-in-brackets", "romanisation-in-brackets", "language-label", "caption-translation", "language-menu", "quoted-title", "quote-residue"],
)
def test_detection_glosses_and_quote_residue_are_not_leakage(text):
    assert list(find_leaked_words(text)) == []
    result = clean(text)
    assert [s for s in result.garble_evidence if s.kind == "leakage"] == []
    assert [f for f in result.flags if f.kind == "foreign-script"] == []


@pytest.mark.parametrize(
    ("text", "leaked"),
    [
        ("The allies 동맹 agreed to meet.", ["동맹"]),
        ("resistance to American căn cứ near the town", ["căn", "cứ"]),
        ("Japan 보다 (the word) in the text", []),  # a bracketed gloss follows: written on purpose
    ],
)
def test_detection_words_leaked_into_sentences_are_found(text, leaked):
    assert [m.group() for m, _ in find_leaked_words(text)] == leaked


VIETNAMESE_NAMES = (
    "Prime Minister Nguyễn Xuân Phúc met Shinzo Abe in Hà Nội in 2017. General Võ Nguyên Giáp had led the Việt Minh at "
    "Điện Biên Phủ in 1954. Vietnam, which calls the sea Biển Đông (East Sea), has protested Chinese moves.\n\n"
)


@pytest.mark.parametrize("path", CLEAN_SET, ids=lambda p: p.stem)
def test_detection_vietnamese_names_and_glosses_in_an_edited_page_are_no_sign_of_spinning(path: Path):
    """Before scripts 1.4.0 these three sentences put every clean text over the gate, and the spinner rules changed right words."""
    text = path.read_text(encoding="utf-8")
    alone, with_names = clean(text), clean(VIETNAMESE_NAMES + text)
    assert [sign for sign in with_names.garble_evidence if sign.kind == "leakage"] == []
    assert with_names.garble_score <= alone.garble_score < GARBLED  # the same evidence, over more words
    assert with_names.text == VIETNAMESE_NAMES + alone.text
    assert [f for f in with_names.flags if f.kind == "foreign-script"] == []


OTHER_SCRIPTS = (
    "The Korean government, led by 윤석열, sought better ties with Tokyo, while the opposition 더불어민주당 objected. "
    "In Okinawa the rebuilt 首里城 draws visitors, and a Russian essay, Реферат на тему, retells the story.\n\n"
)


@pytest.mark.parametrize("path", CLEAN_SET[::3], ids=lambda p: p.stem)
def test_detection_names_in_other_scripts_weigh_less_than_leaked_vietnamese(path: Path):
    """Tells 1.1.0: a word in a script other than Latin is more often a name the writer kept than a leak of the round trip."""
    text = path.read_text(encoding="utf-8")
    result = clean(OTHER_SCRIPTS + text)
    assert {sign.signal for sign in result.garble_evidence if sign.kind == "leakage"} == {"foreign-word-other-script"}
    assert result.garble_score < GARBLED and result.text == OTHER_SCRIPTS + clean(text).text


TRAVEL_POST = (
    "so last week we flew from tokyo to okinawa and stayed near kadena air base. honestly the food was amazing, we ate taco rice "
    "every single day lol. my husband is stationed at camp foster so we actually live here now.\n\n"
    "we also took a side trip to vietnam before that, had phở in Hà Nội and bánh mì in Hội An, and the coffee (cà phê sữa đá) "
    "was the best ever. anyway if you're moving to okinawa, get a car and don't forget your sunscreen!\n"
)


def test_detection_vietnamese_dishes_and_places_in_an_informal_post_are_no_sign_of_spinning():
    """Scripts 1.5.0: the post's Vietnamese words opened the gate, and its lower-case sentences were re-cased ("so" -> "So")."""
    result = clean(TRAVEL_POST)
    assert result.garble_score < GARBLED and result.text == TRAVEL_POST and result.edits == []
    assert [f for f in result.flags if f.kind == "foreign-script"] == []


def test_detection_vietnamese_names_of_other_countries_and_common_words_are_still_leaks():
    text = "The larger đảo were taken, and Nhật Bản protested to Trung Quốc; Nguyễn said căn cứ."
    assert [m.group() for m, _ in find_leaked_words(text)] == ["đảo", "Nhật", "Bản", "Quốc", "Nguyễn", "căn", "cứ"]  # "Trung" is all ASCII
    assert garble_score(text) > GARBLED


VIETNAMESE_NAMED_ON_PURPOSE = [
    # a helper's black-box test: the party daily's name opened the gate, and "Biển Đông" became "South China Sea" beside its own gloss
    "Vietnam's party newspaper Nhân Dân criticised China's actions in the Biển Đông, as Hanoi calls the South China Sea. Japan and the "
    "United States have backed Vietnam's position, and Tokyo has supplied patrol boats to the Vietnamese coast guard.",
    "Japan and Vietnam signed a strategic partnership. Officials in Đà Nẵng welcomed the Japanese destroyer, and the newspaper Tuổi Trẻ "
    "reported large crowds at the port.",  # one name of two words scored 0.63
]


@pytest.mark.parametrize("text", VIETNAMESE_NAMED_ON_PURPOSE, ids=["party-daily-and-prose-gloss", "newspaper"])
def test_detection_a_vietnamese_name_after_the_noun_that_introduces_it_or_glossed_in_prose_is_no_leak(text):
    result = clean(text)
    assert [m.group() for m, _ in find_leaked_words(text)] == []
    assert result.garble_score < GARBLED and result.text == text and result.edits == []


VIETNAMESE_PHRASES = [
    # a helper's black-box test (eleventh session): the university's name scored 0.74, and "Đại học Quốc" became "Quốc University"
    "Nguyen Van An lectures at Đại học Quốc gia Hà Nội (Vietnam National University, Hanoi), where he studies Japan's security "
    "policy and the alliance with the United States.",
    "He studied at Đại học Quốc gia Hà Nội and later moved to Tokyo to research the alliance.",  # no gloss
    # a citation of a Vietnamese journal scored 0.79, and "Đông Bắc Á" in its title became "Northeast Asia"
    'See Nguyễn Văn Hùng, "Quan hệ Việt Nam – Nhật Bản trong bối cảnh mới," Tạp chí Nghiên cứu Đông Bắc Á, no. 3 (2019): 12–25, '
    "on Japan's role in the region.",
]


def test_detection_vietnamese_words_joined_by_an_english_word_are_still_leaks():
    """An English word between leaked words ends their run: "căn cứ in Bắc Hải Đạo" is two leaks, not a six-syllable name."""
    text = "The ships left the căn cứ in Bắc Hải Đạo and the tàu huấn luyện followed them."
    assert [m.group() for m, _ in find_leaked_words(text)] == ["căn", "cứ", "Bắc", "Hải", "Đạo", "tàu", "huấn", "luyện"]


LOANWORDS_WITH_A_GRAVE = [
    # a helper's black-box test (twelfth session): each scored 0.53 to 0.70 on one word, and the open gate then rewrote correct words
    "Dessert was a yuzu crème brûlée.",
    "The première is on Friday in Naha.\nDirector Mori to be at the screening",  # then "Director Mori was at the screening"
    "Serve the crème brûlée with crème fraîche; it tastes much more intense the next day.",  # then "much more" -> "more"
    "Their tête-à-tête in Tokyo lasted an hour, après-ski talk included.",
    "Scholars in Beijing contrast wángdào with bàdào. Individuals there depend on the difficulties of others.",  # pinyin
    # a second helper's test: letters Vietnamese shares with French and Serbian ("closet" then became "cabinet")
    "The old château has a closet.",
    "Novak Đoković and Nikola Đurić starred, and Đoković keeps snacks in a closet.",
]


@pytest.mark.parametrize(
    "text",
    VIETNAMESE_PHRASES + LOANWORDS_WITH_A_GRAVE,
    ids=["university-glossed", "university", "journal-citation", "creme", "premiere", "creme-fraiche", "tete-a-tete", "pinyin", "chateau", "serbian"],
)
def test_detection_a_vietnamese_name_of_four_syllables_or_a_word_with_accents_in_another_language_is_no_leak(text):
    """A Vietnamese name or title of four syllables or more, most of them capitalised, is written on purpose; a French,
    Italian or Serbian word or a word of pinyin whose accents Vietnamese shares is no Vietnamese (no Vietnamese syllables spell it)."""
    result = clean(text)
    assert [m.group() for m, _ in find_leaked_words(text)] == []
    assert result.garble_score < GARBLED and result.text == text and result.edits == []


def test_detection_a_grave_accent_still_marks_vietnamese_words_and_glued_ones():
    text = "The vùng near the căn cứ was tìm by the phibìc fleet and the tàu with the dân."
    assert [m.group() for m, _ in find_leaked_words(text)] == ["vùng", "căn", "cứ", "tìm", "phibìc", "tàu", "dân"]


def test_detection_a_vietnamese_name_after_a_verb_is_still_a_leak():
    text = "He told them the Soviets would drive deeper into Japan and seize Bắc Hải Đạo, and that nobody would stop them."
    assert [m.group() for m, _ in find_leaked_words(text)] == ["Bắc", "Hải", "Đạo"]


def test_detection_evidence_points_into_the_raw_text_through_entities_and_spacing():
    raw = "&lt;p&gt;The pact dovetailed v the Yoshida line.It held after people War II &amp; the chilly War.&lt;/p&gt;"
    result = clean(raw)
    signals = {sign.signal: sign.text for sign in result.garble_evidence}
    assert signals["wording-tells.symbol-v"] == "dovetailed v "
    assert signals["spacing-tells.glued-sentence"] == "ne."
    assert signals["wording-tells.world-war-swapped"] == "people War II"
    for sign in result.garble_evidence:
        assert raw[sign.raw_start : sign.raw_end] == sign.text


@pytest.mark.parametrize("path", WEBNOISE_SET, ids=lambda p: p.stem)
def test_detection_evidence_offsets_match_the_raw_text_of_noisy_pages(path: Path):
    raw = orjson.loads(path.read_bytes())["raw"]
    for sign in clean(raw).garble_evidence:
        assert raw[sign.raw_start : sign.raw_end] == sign.text


@pytest.mark.parametrize(
    ("written", "damaged"),
    [
        ("in the united States", True),
        ("said barack Obama", True),
        ("the US-Japan security treaty", False),  # sentence case is a style
        ("THE UNITED STATES AND JAPAN", False),  # so are capitals
        ("the Anpo Protests", False),  # and title case
    ],
)
def test_detection_only_broken_name_case_is_evidence(written, damaged):
    assert any(s.kind == "casing" for s in find_signals(written)) is damaged


def test_detection_a_common_word_before_a_name_in_lower_case_is_no_broken_name():
    """'mainland China' is how English writes it; a gazetteer alias 'Mainland China' once made it evidence of spinning."""
    text = "Ships from mainland China and the southern islands crossed the strait near Okinawa."
    assert find_signals(text) == [] and clean(text).text == text


def test_detection_an_infinitive_after_a_verb_that_takes_one_is_no_sign_of_spinning():
    """Tells 1.2.0: 'wanted Japan to be a' matched the tell for a lost finite verb ('Treaty to be a ten-year'); a helper's black-box test."""
    text = "Washington wanted Japan to be a reliable ally, and it expected Tokyo to be a quiet partner."
    assert [s for s in find_signals(text) if s.signal == "grammar-tells.to-be-finite"] == []
    assert "grammar-tells.to-be-finite" in [s.signal for s in find_signals("The shared Security Treaty to be a ten-year pact.")]


def test_detection_an_email_address_is_no_glued_sentence():
    """Three 'First.Last@' addresses scored 0.59 (a helper's black-box test, twelfth session of 2026-12-02)."""
    text = "Contact Sarah.Mitchell@usfj.mil, Kenta.Ishii@mod.go.jp or Michael.Park@state.gov for access."
    assert not any(sign.signal == "spacing-tells.glued-sentence" for sign in clean(text).garble_evidence)
    assert clean(text).garble_score < GARBLED
    assert any(sign.signal == "spacing-tells.glued-sentence" for sign in clean("The fleet sailed.It reached Guam.").garble_evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Japan to be first Asian partner in AUKUS talks\nMarines to be in Guam by 2028\nOkinawa to be under typhoon warning\n"
        "Kishida to be in Washington next month",  # scored 0.59: headlines, whose infinitive is the future
        "Japan play a match v Wales, then a game v France.",  # scored 0.60: British sports writing
    ],
    ids=["headlines-to-be", "sports-v"],
)
def test_detection_headlines_in_the_future_and_sporting_contests_are_no_sign_of_spinning(text):
    """A helper's black-box test of correct text (twelfth session of 2026-12-02)."""
    result = clean(text)
    assert result.garble_score < GARBLED and result.text == text and result.edits == []


def test_detection_a_dotted_program_name_is_no_glued_sentence():
    """A second helper's black-box test (twelfth session of 2026-12-02): namespaces scored 0.74, and a space went after each dot."""
    text = "Use Serilog.Sinks.Console and Microsoft.Extensions.Logging with System.Console.WriteLine in the app."
    result = clean(text)
    assert result.garble_score < GARBLED and result.text == text and result.edits == []
    spun = "The allies met in the country.There are bases.Most of them are in Okinawa."
    assert [sign.text for sign in clean(spun).garble_evidence if sign.signal == "spacing-tells.glued-sentence"] == ["ry.", "es."]
