"""Researchers' rule and gazetteer files are checked completely when loaded, before any document is touched."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from alliance_corpus import annotate_corpus
from alliance_corpus.errors import ResourceError, RuleTimeout
from alliance_corpus.resources import Resources
from alliance_corpus.restore import RestoreConfig, clean
from tests.conftest import make_corpus

RULE = {"id": "spin.fleet", "match": "regex", "pattern": "armada", "replacement": "fleet", "kind": "spin",
        "confidence": 0.95, "evidence": "our scrape, 2026", "note": "the spinner's word for fleet"}  # fmt: skip
CLI = [sys.executable, "-m", "alliance_corpus.cli"]


def _corpus_with(tmp_path, folder: str, *entries: dict):
    raw = make_corpus(tmp_path, {"a.txt": b"The Seventh armada is based at Yokosuka.\n", "b.txt": b"Okinawa hosts Kadena.\n"})
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "mine.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return raw


BAD_RULES = [
    ({**RULE, "id": "spin.bad", "pattern": "(armada)", "replacement": r"\2 fleet"}, "invalid group reference 2"),
    ({**RULE, "id": "spin.bad", "match": "phrase", "pattern": "   ", "case": "preserve"}, "needs at least one word"),
    ({**RULE, "id": "spin.bad", "pattern": "(a+)+$"}, "a repeat inside a repeat"),
    ({**RULE, "id": "spin.bad", "pattern": "armada("}, "does not compile"),
    ({**RULE, "id": "spin.symbol.and"}, "id 'spin.symbol.and' is already a rule of spinner.jsonl; add \"override\": true"),
    ({**RULE, "id": "spin.bad", "match": "tokens", "pattern": [{"LOWR": "armada"}], "target": [0, 1]}, "token pattern"),
    ({**RULE, "id": "spin.bad", "confidence": 2}, "confidence"),
]


@pytest.mark.parametrize(("rule", "problem"), BAD_RULES, ids=[p for _, p in BAD_RULES])
def test_extension_bad_rule_stops_the_run_once_before_any_document(tmp_path, rule, problem):
    raw = _corpus_with(tmp_path, "rules", RULE, rule)
    out = tmp_path / "annotated"
    result = subprocess.run([*CLI, "annotate", "--raw", str(raw), "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr.count("[E201]") == 1 and "rules/mine.jsonl:2: " in result.stderr and problem in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_extension_gazetteer_may_not_redefine_a_bundled_entity_silently(tmp_path):
    okinawa_as_person = {"id": "Q766445", "label": "PERSON", "pattern": "Okinawa"}
    raw = _corpus_with(tmp_path, "gazetteer", okinawa_as_person)
    with pytest.raises(ResourceError, match=r"gazetteer/mine\.jsonl:1: id 'Q766445' is already an entry of alliance\.jsonl"):
        annotate_corpus(raw, tmp_path / "annotated")
    assert not (tmp_path / "annotated").exists()


def test_extension_an_explicit_override_is_allowed(tmp_path):
    raw = _corpus_with(tmp_path, "rules", RULE, {**RULE, "id": "spin.symbol.and", "pattern": "globe(?= War)", "replacement": "World", "override": True})
    rules = {r.id: r for r in Resources.for_corpus(raw.parent).rules}
    assert rules["spin.symbol.and"].pattern == "globe(?= War)"


def test_extension_good_rule_is_applied(tmp_path):
    raw = _corpus_with(tmp_path, "rules", RULE)
    result = clean("The armada sailed from Yokosuka.", resources=Resources.for_corpus(raw.parent))
    assert result.text == "The fleet sailed from Yokosuka." and result.edits[0].rule == "spin.fleet"


def test_extension_runaway_rule_is_stopped_with_a_coded_error(tmp_path):
    # Overlapping alternatives under one repeat pass the static check but backtrack exponentially on a near-match.
    runaway = {**RULE, "id": "spin.runaway", "pattern": "(?:a|a)*b"}
    raw = _corpus_with(tmp_path, "rules", runaway)
    resources = Resources.for_corpus(raw.parent)
    started = time.monotonic()
    with pytest.raises(RuleTimeout, match=r"\[E202\] .*rules/mine\.jsonl:1: rule 'spin\.runaway' ran for more than 2 s"):
        clean("a" * 40 + "c, b", resources=resources, config=RestoreConfig(context_rules=False))  # the "b" lets the rule run
    assert time.monotonic() - started < 30


def test_extension_rule_is_not_run_on_a_text_without_its_literal_letters(tmp_path):
    # Every match of "(?:a|a)*b" holds a "b": a text without one is skipped at once, however badly the rule backtracks.
    runaway = {**RULE, "id": "spin.runaway", "pattern": "(?:a|a)*b"}
    resources = Resources.for_corpus(_corpus_with(tmp_path, "rules", runaway).parent)
    started = time.monotonic()
    assert clean("a" * 40 + "c", resources=resources, config=RestoreConfig(context_rules=False)).edits == []
    assert time.monotonic() - started < 2


def test_extension_runaway_rule_stops_the_command_with_exit_2(tmp_path):
    runaway = {**RULE, "id": "spin.runaway", "pattern": "(?:a|a)*b"}
    raw = make_corpus(tmp_path, {"a.txt": b"a" * 40 + b"c, b\n"})
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mine.jsonl").write_text(json.dumps(runaway) + "\n")
    result = subprocess.run([*CLI, "annotate", "--raw", str(raw), "--out", str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and result.stderr.count("[E202]") == 1


def test_extension_bundled_rules_pass_the_load_checks():
    rules = Resources.bundled().rules
    assert len(rules) > 200 and all(rule._seconds is None for rule in rules)  # no time limit on our own, fuzzed rules


def _annotate_within(tmp_path, seconds: float = 120) -> subprocess.CompletedProcess:
    from tests.test_cli import CLI

    return subprocess.run([*CLI, "annotate"], cwd=tmp_path, capture_output=True, timeout=seconds)  # a hang fails, never blocks CI


def test_extension_a_pipe_or_a_link_out_of_the_corpus_among_its_files_is_refused_not_waited_on_or_read(tmp_path):
    """A helper's black-box tests: a named pipe in lexicons/ or as corrections.jsonl blocked or was ignored; a link out was read."""
    import os

    make_corpus(tmp_path / "data", {"a.txt": b"Shinzo Abe met Joe Biden in Tokyo.\n"})
    root = tmp_path / "data"
    (root / "lexicons").mkdir()
    os.mkfifo(root / "lexicons" / "pipe.jsonl")
    result = _annotate_within(tmp_path)
    assert result.returncode == 2 and "[E201] data/lexicons/pipe.jsonl: is not a regular file" in result.stderr.decode()
    (root / "lexicons" / "pipe.jsonl").unlink()
    (tmp_path / "outside.jsonl").write_text('{"id": "x", "list": "l", "value": "v", "evidence": "e", "note": "n"}\n', encoding="utf-8")
    (root / "lexicons" / "out.jsonl").symlink_to(tmp_path / "outside.jsonl")
    result = _annotate_within(tmp_path)
    assert result.returncode == 2 and "outside the corpus folder; it is not read" in result.stderr.decode()
    (root / "lexicons" / "out.jsonl").unlink()
    (root / "corrections").mkdir()
    os.mkfifo(root / "corrections" / "corrections.jsonl")
    result = _annotate_within(tmp_path)
    assert result.returncode == 2 and "[E201] data/corrections/corrections.jsonl: cannot be read" in result.stderr.decode()
    (root / "corrections" / "corrections.jsonl").unlink()
    assert _annotate_within(tmp_path).returncode == 0
    (root / "annotated" / "index.json").unlink()
    os.mkfifo(root / "annotated" / "index.json")  # rebuilt from the records, and replaced by a file
    result = _annotate_within(tmp_path)
    assert result.returncode == 0 and "[W101]" in result.stdout.decode() and (root / "annotated" / "index.json").is_file()
