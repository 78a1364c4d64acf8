"""Known names repaired in spun texts: a swapped word, a capitalised stand-in, a changed order; real names left alone.

Real gazetteer, real ``clean()`` with the gate open (the step runs on spun texts only).
"""

from __future__ import annotations

import pytest

from alliance_corpus.resources import Resources
from alliance_corpus.restore import RestoreConfig, clean
from alliance_corpus.restore.fixes.names import fix_regrouped_names, fix_translated_names, name_templates

SPUN = RestoreConfig(garbled=True)


@pytest.fixture(scope="module")
def templates():
    return name_templates(Resources.bundled().gazetteer.all_names())


@pytest.mark.parametrize(
    "spun, restored",
    [
        ("Officers of the Japan Marine Self-Defense Force met.", "Japan Maritime Self-Defense Force"),  # a word translated back
        ("They cited the Treaty of Cooperation Mutual and Security in Tokyo.", "Treaty of Mutual Cooperation and Security"),  # reordered
        ("The Status of pressures Agreement was revised.", "Status of Forces Agreement"),  # a lower-case stand-in
        # head first, as Vietnamese writes names (tests/data/spun_dev 06 and 05, development)
        ("He led a study group at the University of National Defense in 2000.", "at the National Defense University in"),
        ("Ozawa, the Japan Democratic Party and the Communists opposed it.", "the Democratic Party of Japan and"),
    ],
)
def test_a_known_name_gets_its_word_or_order_back(spun, restored):
    assert restored in clean(spun, config=SPUN).text


@pytest.mark.parametrize(
    "text",
    [
        "Officers of the Japan Ground Self-Defense Force and the Japan Air Self-Defense Force met.",  # real names, each another's near miss
        "Planes left Marine Corps Air Station Futenma at dawn.",  # "Air Station Futenma" inside a longer name is no reordered name
    ],
)
def test_a_real_name_is_never_turned_into_another(text, templates):
    assert fix_translated_names(text, templates) == []


def test_a_capitalised_stand_in_like_no_word_of_a_name_is_left_alone(templates):
    # "Naval" is not like enough to "Maritime", nor clearly more like it than "Ground" or "Air"
    assert fix_translated_names("the Japan Naval Self-Defense Force", templates) == []


@pytest.mark.parametrize(
    "spun, restored",
    [
        # 'tự do' is "liberal" and "free", 'hải quân' "maritime" and "naval", 'ủy ban' "committee" and "commission"
        ("Koizumi led the Free Democratic Party into the election.", "Koizumi led the Liberal Democratic Party into the election."),
        ("Ships of the Japan Naval Self-Defense Force sailed.", "Ships of the Japan Maritime Self-Defense Force sailed."),
        ("The Special Action Commission on Okinawa met in 1996.", "The Special Action Committee on Okinawa met in 1996."),
        # 'liên đoàn' is "league" and "union"; "Citizens’" ends in an apostrophe, and a new sentence follows the name
        ("They founded the Citizens’ Union for Peace in Vietnam. Unlike others, it", "They founded the Citizens’ League for Peace in Vietnam. Unlike others, it"),
        # a comma after the name ends it: "Hawaii" is no part of a longer name
        ("The ships at Pearl Port, Hawaii, were sunk.", "The ships at Pearl Harbor, Hawaii, were sunk."),
    ],
)
def test_names_a_word_put_back_from_another_sense_of_its_vietnamese_translation(spun, restored):
    result = clean(spun, config=SPUN)
    assert result.text == restored
    assert [e.rule for e in result.edits] == ["spin.name-sense"]


@pytest.mark.parametrize(
    "text",
    [
        "He met Yoshihiko Fukuda, a former Liberal Democratic lawmaker who backed the plan.",  # the party's name as an adjective
        "The ad ran in the New York, held in a gallery of the city.",  # a comma ends the phrase: no 'New York Times'
        "Koizumi spoke to the Free Democratic Party of Germany in Berlin.",  # a longer name: the German party
        "Japan held talks in Tokyo on Monday.",  # 'The Japan Times' has only two capitalised words of its own
    ],
)
def test_names_leave_english_and_other_names_alone(text):
    assert clean(text, config=SPUN).text == text


@pytest.mark.parametrize(
    "spun",
    [
        # tests/data/garbled_dev/01: once "Douglas MacArthur II" entered the gazetteer, "directed" became "II"
        "In 1950, basic Douglas MacArthur directed the government of Prime Minister Yoshida to act.",
        "Lloyd J. Austin spoke; Matthew C. Perry arrived.",
        "President Ferdinand Marcos met Kishida in Tokyo.",  # a direct probe: "met" became "Jr."
    ],
)
def test_a_generational_suffix_or_initial_is_never_a_swapped_word(spun):
    restored = clean(spun, config=SPUN).text
    assert restored.count("II") == spun.count("II") and "Jr." not in restored
    assert "Douglas MacArthur II" not in restored


@pytest.mark.parametrize(
    "text",
    [
        "Faculty of the National Defense University met.",  # the name itself
        "THE NATIONAL DEFENSE UNIVERSITY PRESS",  # the name in capitals: another case is the casing step's, not a new order
        "the Social Democratic Party of Japan and the Democratic Party of Japan",  # two names, each as it is
    ],
)
def test_a_name_in_its_own_order_is_never_regrouped(text, templates):
    assert fix_regrouped_names(text, templates) == []


@pytest.mark.parametrize(
    "spun, restored",
    [
        # tests/data/spun_dev/01, 04 and 05 (development): names the round trip wrote surname first, or head first
        ("In 1959 Judge Date Akio of the district court freed all seven, as Chief Justice Kotaro Tanaka later noted.", "Judge Akio Date of"),
        ("In 1965 the novelist Oda Makoto and the philosopher Shunsuke Tsurumi founded Beheiren.", "novelist Makoto Oda and"),
        ("Speaking at University Reitaku in Kashiwa, the minister said the bombings could not be helped.", "at Reitaku University in"),
    ],
)
def test_an_unknown_name_written_head_first_is_put_in_english_order(spun, restored):
    result = clean(spun, config=SPUN)
    assert restored in result.text
    assert any(edit.kind == "spin" and edit.rule.startswith("spin.name-order.") for edit in result.edits)


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ota Masahide met Prime Minister Obuchi Keizo in Naha.",  # surname first throughout: the page's own style
        "When Akio Date retired, Makoto Oda wrote to him.",  # already in English order
        "Akio Date left. When Akio came back, Makoto Oda was there.",  # an English word opening a sentence is no surname
        "He studied at Temple University and visited Oda Makoto Hall with Shunsuke Tsurumi.",  # a longer name is left whole
    ],
)
def test_names_in_their_own_order_or_style_are_left_alone(text):
    assert clean(text, config=SPUN).text == text


def test_a_page_that_writes_surnames_in_capitals_keeps_its_order():
    # Japan's government writes "KISHIDA Fumio": whatever the casing step makes of the capitals, the order stays
    restored = clean("KISHIDA Fumio, Prime Minister of Japan, met HAYASHI Yoshimasa in Tokyo.", config=SPUN).text
    assert restored.index("Fumio") > restored.lower().index("kishida") and restored.index("Yoshimasa") > restored.lower().index("hayashi")
