"""Tense and number the round trip through Vietnamese lost: the context rules that put them back, and their guards.

Every case runs the real model's tagger through the context step
(:func:`~alliance_corpus.restore.fixes.context.apply_token_rules`) and
lemminflect's real tables; the texts are written for these tests.
"""

from __future__ import annotations

import pytest

from alliance_corpus.nlp import load_pipeline
from alliance_corpus.resources import Resources
from alliance_corpus.resources.rules import Rule
from alliance_corpus.restore import clean
from alliance_corpus.restore.fixes.context import apply_token_rules, trigger_regex
from alliance_corpus.restore.fixes.inflection import inflected
from alliance_corpus.text.edits import apply_changes

RULES = [rule for rule in Resources.bundled().rules if rule.match == "tokens"]
PAST = "The talks failed in May and the envoys returned home. "
"""An opening that makes a line tell of the past (two verbs in the past tense)."""


def restored(text: str) -> tuple[str, list[str]]:
    """``text`` after the context rules, and the ids of the rules that changed it."""
    changes = apply_token_rules(text, RULES, load_pipeline().nlp)
    return apply_changes(text, changes).text, [change.rule for change in changes]


@pytest.mark.parametrize(
    ("spun", "original", "rule"),
    [
        (PAST + "Later Hatoyama fly to Moscow.", PAST + "Later Hatoyama flew to Moscow.", "ctx.past-after-subject"),
        (PAST + "In 1957, Kishi push through the treaty.", PAST + "In 1957, Kishi pushed through the treaty.", "ctx.past-after-subject"),
        (PAST + "Tokyo also claim the islands.", PAST + "Tokyo also claimed the islands.", "ctx.past-after-subject-adverb"),
        (PAST + "He laughed and joked, and she smiled and wave.", PAST + "He laughed and joked, and she smiled and waved.", "ctx.past-after-and"),
        (PAST + "By then the runway had grow longer.", PAST + "By then the runway had grown longer.", "ctx.participle-after-perfect"),
        (PAST + "A runway was being build when it ended.", PAST + "A runway was being built when it ended.", "ctx.participle-after-passive"),
        (PAST + "The runway was never extend, as planned.", PAST + "The runway was never extended, as planned.", "ctx.participle-after-passive-adverb"),
        ("He served for six month before the vote.", "He served for six months before the vote.", "ctx.plural-after-quantity"),
        ("They built two military hospital in the city.", "They built two military hospitals in the city.", "ctx.plural-after-quantity-adjective"),
        ("The treaty was revised on 1960.", "The treaty was revised in 1960.", "ctx.in-before-year"),
    ],
)
def test_a_lost_inflection_comes_back(spun, original, rule):
    text, rules = restored(spun)
    assert text == original
    assert rule in rules


@pytest.mark.parametrize(
    "text",
    [
        PAST + "The people of Okinawa claim the land.",  # the noun before the verb is in a prepositional phrase
        PAST + "Japan and the United States claim the right.",  # two subjects
        PAST + "Washington demanded that Tokyo pay the costs.",  # a subjunctive
        PAST + "They let Japan pay the costs.",  # a bare infinitive after a verb
        PAST + "He found the files in the archive.",  # "found" is also the past of "find"
        "Tokyo says it owns the islands, and Moscow disputes that Japan claim them today.",  # the line tells of the present
        "Both government and opposition wanted the treaty.",  # "both ... and ..."
        "The three year plan for two equipment depots ended.",  # a noun that modifies a noun; a noun with no plural
        PAST + "The aim was strengthen the alliance.",  # an object follows: the round trip more likely lost "to"
        "The base is at 1960 Kadena Road.",  # no stop after the number
    ],
)
def test_a_form_that_can_be_right_is_left_alone(text):
    assert restored(text)[0] == text


def test_inflection_keeps_case_and_refuses_what_is_not_a_bare_form():
    assert [inflected(word, form) for word, form in [("Push", "past"), ("fly", "past"), ("grow", "participle"), ("ally", "plural")]] == [
        "Pushed",
        "flew",
        "grown",
        "allies",
    ]
    assert [inflected(word, form) for word, form in [("pushed", "past"), ("found", "past"), ("put", "past"), ("months", "plural"), ("equipment", "plural")]] == [
        None
    ] * 5


def test_a_clean_text_is_never_given_the_context_rules():
    text = PAST + "Later Hatoyama fly to Moscow, and Tokyo also claim the islands."
    assert clean(text).text == text  # tokens rules run only in texts judged spun


def test_inflecting_transforms_belong_to_tokens_rules():
    with pytest.raises(ValueError, match="needs a 'tokens' rule"):
        Rule(id="x", match="phrase", pattern="fly", transform="past", kind="spin", confidence=0.5, evidence="e", note="n")


def test_a_rule_without_a_literal_word_reads_every_line():
    tags_only = [rule for rule in RULES if rule.id == "ctx.past-after-subject"]
    listed = [rule for rule in RULES if rule.id == "ctx.plural-after-quantity"]
    assert trigger_regex(tags_only).search("Anything at all")
    assert trigger_regex(listed).search("for six month") and not trigger_regex(listed).search("for a month")
