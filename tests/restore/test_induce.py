"""Rules learnt from example pairs (``alliance-corpus induce``), on the repository's real pairs and pages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from alliance_corpus.corpus.pairs import read_negative, read_pairs
from alliance_corpus.metrics import word_error_rate
from alliance_corpus.resources import Resources
from alliance_corpus.resources.rules import ALWAYS, Rule
from alliance_corpus.restore import clean
from alliance_corpus.restore.induce import MIN_PRECISION, induce, rule_json, substitutions

DATA = Path(__file__).resolve().parent.parent / "data"
GARBLED = DATA / "garbled"
NEGATIVE = [DATA / "clean"]


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str, str]]:
    return read_pairs([GARBLED])


@pytest.fixture(scope="module")
def negative() -> list[str]:
    return read_negative(NEGATIVE)


def test_induce_substitutions_quote_both_sides_of_a_real_pair(pairs):
    name, spun, original = pairs[0]
    found = substitutions(spun, original)
    assert found, name
    for substitution in found:
        assert re.search(rf"(?<!\w){re.escape(substitution.spun)}(?!\w)", spun), substitution
        assert substitution.original in original or substitution.original == "", substitution


def test_induce_precision_is_support_over_every_firing(pairs, negative):
    rules = induce(pairs, negative)
    assert len(rules) > 50
    for rule in rules[:40]:
        probe = Rule(id="probe", match="phrase", pattern=rule.pattern, replacement=rule.replacement, kind=rule.kind, confidence=0.5, evidence="e", note="n")
        in_copies = sum(len(probe.regex.findall(spun)) for _, spun, _ in pairs)
        in_negative = sum(len(probe.regex.findall(text)) for text in negative)
        assert rule.negative_hits == in_negative
        assert rule.firings == max(rule.support, in_copies) + in_negative
        assert rule.precision == round(rule.support / rule.firings, 2) >= MIN_PRECISION


def test_induce_a_word_common_in_edited_prose_needs_its_context():
    # "end" for "over" (the seed's round-trip damage); "end" is also an ordinary English word
    pairs = [
        ("a", "They quarreled end the bases.", "They quarreled over the bases."),
        ("b", "The talks end the summer were long.", "The talks over the summer were long."),
    ]
    negative = ["The war came to an end in 1945.", "At the end of the day, the end was near.", "Talks end tomorrow."]
    found = {(rule.pattern, rule.replacement) for rule in induce(pairs, negative)}
    assert ("end", "over") not in found
    assert ("quarreled end", "quarreled over") in found and ("talks end", "talks over") in found


def test_induce_an_inserted_word_is_removed_only_after_the_word_before_it():
    rules = induce([("a", "The alliance has actually been vital.", "The alliance has been vital.")])
    assert [(r.pattern, r.replacement, r.kind) for r in rules] == [("has actually", "has", "filler")]


def test_induce_keeps_the_majority_reading_of_the_same_words():
    pairs = [
        ("a", "Troops v Japan.", "Troops with Japan."),
        ("b", "Trade v China.", "Trade with China."),
        ("c", "Smith v Jones.", "Smith versus Jones."),
    ]
    assert [(r.pattern, r.replacement) for r in induce(pairs)] == [("v", "with")]


def test_induce_rules_load_and_apply_to_spun_texts_only(pairs, negative, tmp_path):
    learnt = [rule_json(rule) for rule in induce(pairs, negative)]
    assert all(Rule.model_validate(data).confidence < ALWAYS for data in learnt)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "induced.jsonl").write_bytes(b"".join(orjson.dumps(data) + b"\n" for data in learnt))
    resources = Resources.for_corpus(tmp_path)
    name, spun, original = pairs[1]
    assert word_error_rate(clean(spun, resources=resources).text, original) < word_error_rate(spun, original), name
    edited = read_negative(NEGATIVE)[0]
    assert clean(edited, resources=resources).text == clean(edited).text


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "alliance_corpus.cli", *args], capture_output=True, text=True, timeout=300)


def test_induce_command_writes_a_rule_file_the_corpus_accepts_byte_for_byte_the_same(tmp_path):
    first, second = tmp_path / "one" / "induced.jsonl", tmp_path / "two" / "induced.jsonl"
    for output in (first, second):
        done = run_cli("induce", str(GARBLED), "--negative", str(DATA / "clean"), "-o", str(output))
        assert done.returncode == 0, done.stderr
        assert "rules" in done.stdout
    assert first.read_bytes() == second.read_bytes()
    checked = run_cli("check", str(first))
    assert checked.returncode == 0, checked.stderr


def test_induce_command_names_a_file_that_is_not_a_pair(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"original": "The alliance with Japan."}', encoding="utf-8")
    done = run_cli("induce", str(bad), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2
    assert "[E110]" in done.stderr and str(bad) in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_induce_command_names_a_pair_whose_original_is_another_text(tmp_path):
    """An original that is not the copy's (a mix-up of files) would teach rules from noise: the pair is refused, named."""
    bad = tmp_path / "mixed_up.json"
    copy = "The alliance v Japan has actually been vital for decades. Tokyo pays for the bases and Washington sends troops."
    bad.write_text(json.dumps({"garbled": copy, "original": "Sourdough needs a starter fed daily with flour and water, and a long rise."}), encoding="utf-8")
    done = run_cli("induce", str(bad), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2 and f"[E110] {bad}: its \"original\" holds only" in done.stderr and "it is not this copy's original" in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_induce_command_reads_no_link_that_leaves_the_folder_given(tmp_path):
    outside = tmp_path / "outside.json"
    outside.write_text('{"garbled": "The alliance v Japan.", "original": "The alliance with Japan."}', encoding="utf-8")
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    (pairs / "a.json").write_text('{"garbled": "Trade v China.", "original": "Trade with China."}', encoding="utf-8")
    (pairs / "b.json").symlink_to(outside)
    done = run_cli("induce", str(pairs), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2 and "[E110]" in done.stderr and "b.json" in done.stderr
    assert not (tmp_path / "out.jsonl").exists()
    (pairs / "b.json").unlink()
    assert run_cli("induce", str(pairs), "-o", str(tmp_path / "out.jsonl")).returncode == 0
