"""Rules are data: bundled files are valid, malformed files are reported by file and line."""

from __future__ import annotations

import json
import re

import pytest

from alliance_corpus.errors import ResourceError
from alliance_corpus.resources import Resources
from alliance_corpus.resources.rules import ALWAYS, read_rules
from alliance_corpus.restore import clean
from tests.conftest import GARBLED_SET, SPUN_DEV_SET, read_garbled

RULE = {
    "id": "spin.test",
    "match": "phrase",
    "pattern": "angling watercrafts",
    "replacement": "fishing boats",
    "kind": "spin",
    "confidence": 0.95,
    "evidence": "test",
    "note": "test rule",
}


def test_rules_bundled_files_are_valid_and_documented():
    rules = Resources.bundled().rules
    assert len(rules) >= 60
    assert len({r.id for r in rules}) == len(rules)
    for rule in rules:
        assert rule.evidence and rule.note, rule.id


def test_rules_low_confidence_rules_are_gated():
    rules = Resources.bundled().rules
    assert any(r.always for r in rules) and any(not r.always for r in rules)
    assert all(r.always == (r.confidence >= ALWAYS) for r in rules)


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({**RULE, "kind": "poetry"}), "kind"),
        (json.dumps({**RULE, "match": "regex", "pattern": "(unclosed"}), "does not compile"),
        (json.dumps({**RULE, "confidence": 2}), "confidence"),
        (json.dumps({k: v for k, v in RULE.items() if k != "evidence"}), "evidence"),
        (json.dumps({**RULE, "match": "tokens", "pattern": [{"LOWER": "x"}]}), "target"),
    ],
)
def test_rules_malformed_file_names_file_and_line(tmp_path, line, problem):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(RULE) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as caught:
        read_rules(path)
    message = str(caught.value)
    assert f"{path}:3" in message and problem in message and "[E201]" in message


def test_rules_researcher_file_in_corpus_folder_is_applied(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mine.jsonl").write_text(json.dumps(RULE) + "\n", encoding="utf-8")
    bundled, extended = Resources.bundled(), Resources.for_corpus(tmp_path)
    text = "Coast guard ships chased the angling watercrafts near the islands."
    assert clean(text, resources=bundled).text == text
    assert clean(text, resources=extended).text == text.replace("angling watercrafts", "fishing boats")
    assert extended.fingerprint != bundled.fingerprint


def test_rules_required_characters_are_only_what_every_match_needs():
    from alliance_corpus.resources.rules import required_characters

    assert required_characters(r"(?<!\w)Nhật[^\S\n]+Bản(?!\w)") == {"ậ", "ả"}
    assert required_characters(r"phía bắc|bắc(?= Korea)") == {"ắ"}  # shared by both branches
    assert required_characters(r"phía|nam giới") == set()
    assert required_characters(r"tháng(?: 7)?|đô?") == set()
    assert required_characters(r"x(?:ở)?y") == set()  # optional
    assert required_characters(r"(?i)ĐIỀU") == set() and required_characters(r"(?i:Điều) 9") == set()


def test_rules_required_literal_is_a_run_every_match_contains():
    from alliance_corpus.resources.patterns import required_literal

    assert required_literal(r"(?<![\w.])[pP]eople[^\S\n]+War(?![\w])") == "eople"
    assert required_literal(r"\bU\.S\. Army") == "U.S. Army"
    assert required_literal(r"war|battle") == ""  # no run both branches share at the top level
    assert required_literal(r"abc?d") == "ab"  # an optional letter ends the run
    assert required_literal(r"(?i)People") == ""  # a case-insensitive run may be written otherwise
    assert required_literal(r"x(?i:y)z") == "x"
    for pattern in [r"[pP]eople War", r"\bU\.S\. Army", r"abc?d", r"x(?i:y)z"]:
        for text in ["people War", "People War", "the U.S. Army", "abd", "abcd", "xYz"]:
            if re.search(pattern, text):
                assert required_literal(pattern) in text, (pattern, text)


def test_rules_skipping_by_required_characters_changes_no_result(seed_raw):
    from alliance_corpus.resources import Resources
    from alliance_corpus.resources.rules import rule_changes
    from alliance_corpus.restore.fixes.rules import apply_rules
    from tests.conftest import CLEAN_SET, GARBLED_DEV_SET, GARBLED_HOLDOUT_SET, GARBLED_SET, WEBNOISE_SET, read_garbled

    texts = [seed_raw] + [p.read_text(encoding="utf-8") for p in CLEAN_SET]
    for path in GARBLED_SET + GARBLED_DEV_SET + GARBLED_HOLDOUT_SET:
        texts += [read_garbled(path)["garbled"], read_garbled(path)["original"]]
    texts += [read_garbled(p)["raw"] for p in WEBNOISE_SET]
    rules = [r for r in Resources.bundled().rules if r.match != "tokens"]
    for text in texts:
        assert apply_rules(text, rules) == [c for rule in rules for c in rule_changes(text, rule)]


def test_rules_a_text_skipped_for_lacking_a_letter_in_any_case_has_no_match():
    """``required_in_any_case`` only skips texts a rule cannot match: checked on every bundled rule with such letters,
    against spun texts (which hold the leaked words) and those texts in capitals (which case-insensitive parts still match)."""
    from alliance_corpus.resources.patterns import required_in_any_case

    assert required_in_any_case(r"(?i:đảo)[^\S\n]+([A-Z]\w*)") == {"đ", "ả"}
    assert required_in_any_case(r"phía|(?i:nam giới)") == set()
    assert required_in_any_case(r"(?i:µs)") == set()  # a case-insensitive "µ" also matches the Greek "μ"
    rules = [rule for rule in Resources.bundled().rules if rule.match != "tokens" and rule.required_in_any_case]
    assert len(rules) >= 10
    texts = [read_garbled(path).get("garbled") or read_garbled(path).get("spun") for path in GARBLED_SET + SPUN_DEV_SET]
    texts += [text.upper() for text in texts]
    matched = 0
    for rule in rules:
        for text in texts:
            if rule.regex.search(text):
                matched += 1
                assert rule.required_in_any_case <= set(text.lower()), (rule.id, text[:60])
    assert matched >= 10  # the rules do match some of these texts, so the check means something
