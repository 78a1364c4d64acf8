"""The command explains itself (`--help` of each subcommand) and checks a researcher's files before a run."""

from __future__ import annotations

import pytest

from tests.test_cli import run

SUBCOMMANDS = ("annotate", "clean", "review", "check", "validate", "export", "schema", "induce", "corrections", "corrections import", "corrections reject")


def _commands(parser, prefix=()):
    """Every command and subcommand the parser knows, as they are typed."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield " ".join((*prefix, name))
                yield from _commands(child, (*prefix, name))


def test_cli_every_command_is_in_the_help_tests():
    from alliance_corpus.cli import _parser

    assert set(_commands(_parser())) == set(SUBCOMMANDS)


def test_cli_help_describes_the_tool_and_lists_every_subcommand():
    result = run("--help")
    text = result.stdout.decode()
    assert result.returncode == 0 and "Restore garbled web text about the U.S.-Japan alliance" in text
    assert all(f"    {name}" in text for name in SUBCOMMANDS if " " not in name) and "examples:" in text


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_cli_each_subcommand_has_a_description_and_examples(name):
    text = run(*name.split(), "--help").stdout.decode()
    description = text.split("\n\n")[1]
    assert len(description) > 40 and "example" in text and f"alliance-corpus {name}" in text.split("example", 1)[1]


def test_cli_check_accepts_the_bundled_files_and_a_good_corpus(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mine.jsonl").write_text(
        '{"id": "spin.mine", "match": "phrase", "pattern": "chilly War", "replacement": "Cold War", "kind": "spin", '
        '"confidence": 0.8, "evidence": "seen in a test", "note": "a test rule"}\n'
    )
    result = run("check", "--corpus", str(tmp_path))
    assert result.returncode == 0 and result.stdout.decode().startswith("ok: ")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("rules.jsonl", '// a comment\n{"id": "spin.x", "match": "phrase"}\n', ":2: pattern: Field required"),
        ("places.jsonl", '{"id": "Q1", "label": "GPE", "pattern": "Okinawa", "aliases": []}\n{"id": "Q2", "label": "PLACE", "pattern": "Naha"}\n', ":2: "),
        ("broken.jsonl", '{"id": "spin.y", "match": \n', ":1: "),
    ],
)
def test_cli_check_stops_with_the_file_and_line_of_a_bad_entry(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_text(content)
    result = run("check", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("[E201]") == 1 and f"{path}{problem}" in err


def test_cli_check_finds_a_bad_file_in_a_corpus_folder(tmp_path):
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "mine.jsonl").write_text('{"id": "not an id", "label": "GPE", "pattern": "Naha"}\n')
    result = run("check", "--corpus", str(tmp_path))
    assert result.returncode == 2 and f"[E201] {tmp_path}/gazetteer/mine.jsonl:1:" in result.stderr.decode()


def test_cli_check_names_a_missing_file(tmp_path):
    result = run("check", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2 and "nope.jsonl: no such file" in result.stderr.decode()


def test_cli_check_lists_every_bad_line_of_every_file_at_once(tmp_path):
    for folder in ("rules", "gazetteer"):
        (tmp_path / folder).mkdir()
    good_rule = '{"id": "spin.mine", "match": "phrase", "pattern": "chilly War", "replacement": "Cold War", "kind": "spin", "confidence": 0.8, "evidence": "seen in a test", "note": "a test rule"}'
    (tmp_path / "rules" / "mine.jsonl").write_text(
        f'{good_rule}\n{{"id": "spin.slow", "match": "regex", "pattern": "(a+)+$", "replacement": "", "kind": "spin", '
        '"confidence": 0.8, "evidence": "seen in a test", "note": "a slow rule"}\nnot json\n'
    )
    (tmp_path / "gazetteer" / "mine.jsonl").write_text('{"id": "my:camp-david", "label": "FAC", "pattern": "Camp David"}\n')
    result = run("check", "--corpus", str(tmp_path))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("[E201]") == 3, err
    assert f"{tmp_path}/rules/mine.jsonl:2: pattern has a repeat inside a repeat" in err
    assert f"{tmp_path}/rules/mine.jsonl:3: not valid JSON" in err
    assert f"{tmp_path}/gazetteer/mine.jsonl:1: id: 'my:camp-david' is neither a Wikidata id ('Q17') nor a local id" in err
    assert err.rstrip().endswith("3 bad line(s) in 2 file(s)") and result.stdout == b""
