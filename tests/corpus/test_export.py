"""Exports of the bundled annotated corpus, through the command a researcher runs."""

from __future__ import annotations

import csv
import io
import json

import pytest

from alliance_corpus import load_corpus
from alliance_corpus.corpus.export import MENTION_FIELDS, mention_rows
from tests.conftest import DATA, SEED_ID, make_corpus
from tests.test_cli import run

ANNOTATED = DATA / "annotated"


def test_export_csv_has_one_row_per_mention_with_offsets_into_both_texts():
    result = run("export", str(ANNOTATED), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    document = load_corpus(ANNOTATED)[SEED_ID]
    assert tuple(rows[0]) == MENTION_FIELDS
    assert len(rows) == len(document.entities)
    for row in rows:
        assert document.text[int(row["start"]) : int(row["end"])] == row["text"]
        if row["raw_start"]:
            assert row["raw_end"] and int(row["raw_start"]) < int(row["raw_end"])
        assert row["segment"] in {"body", "heading", "caption", "credit", "boilerplate"}


def test_export_jsonl_filters_by_label_and_keeps_links():
    result = run("export", str(ANNOTATED), "--format", "jsonl", "--label", "PERSON")
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert rows and {r["label"] for r in rows} == {"PERSON"}
    panetta = [r for r in rows if r["kb_id"] == "Q244631"]
    assert panetta[0]["text"] == "Leon Panetta" and panetta[0]["segment"] == "caption"
    credit = [r for r in rows if r["source"] == "caption"]
    assert [(r["text"], r["segment"]) for r in credit] == [("Yuriko Nakao", "credit")]


def test_export_displacy_renders_with_spacy_and_links_wikidata(tmp_path):
    from spacy import displacy

    out = tmp_path / "seed.displacy.json"
    assert run("export", str(ANNOTATED), "--format", "displacy", "-o", str(out)).returncode == 0
    documents = json.loads(out.read_text(encoding="utf-8"))
    html = displacy.render(documents, style="ent", manual=True, page=True)
    assert "Okinawa" in html and "https://www.wikidata.org/wiki/Q766445" in html
    assert len(documents[0]["ents"]) == len(load_corpus(ANNOTATED)[SEED_ID].entities)


def test_export_is_deterministic_and_mention_rows_match_the_command(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    run("export", str(ANNOTATED), "-o", str(first))
    run("export", str(ANNOTATED), "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + sum(1 for _ in mention_rows(load_corpus(ANNOTATED)))


def test_export_of_a_missing_folder_fails_with_a_message(tmp_path):
    result = run("export", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "nowhere: no such annotated corpus folder" in result.stderr.decode()


def test_export_label_is_read_in_any_case_and_an_unknown_label_is_refused():
    upper = run("export", str(ANNOTATED), "--label", "PERSON").stdout
    lower = run("export", str(ANNOTATED), "--label", "person")
    assert lower.returncode == 0 and lower.stdout == upper and upper.count(b"\n") > 5
    wrong = run("export", str(ANNOTATED), "--label", "PEOPLE")
    assert wrong.returncode == 2 and wrong.stdout == b""
    assert "argument --label: no entity label 'PEOPLE'; the labels: PERSON, NORP, FAC, ORG, GPE" in wrong.stderr.decode()


def test_api_label_filters_refuse_a_label_no_mention_can_carry_instead_of_matching_nothing():
    corpus = load_corpus(ANNOTATED)
    for call in (
        lambda: corpus.mentions(label="person"),
        lambda: corpus.entity_counts(label="person"),
        lambda: corpus.mentions_over_time(label="person"),
        lambda: corpus.cooccurrences(labels=["PERSON", "person"]),
        lambda: mention_rows(corpus, label="person"),
    ):
        with pytest.raises(ValueError, match=r"no entity label 'person' \(labels are upper case: did you mean 'PERSON'\?\)"):
            call()
    assert len(list(corpus.mentions(label="PERSON"))) == sum(1 for _ in mention_rows(corpus, label="PERSON")) >= 5
    assert corpus.cooccurrences(labels="PERSON") == corpus.cooccurrences(labels=["PERSON"])


def test_export_of_the_corpus_folder_instead_of_its_records_says_where_they_are(tmp_path):
    result = run("export", str(DATA), "-o", str(tmp_path / "mentions.csv"))
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert f"{DATA}: holds no annotated records (no index.json, no record files); did you mean {ANNOTATED}?" in result.stderr.decode()
    assert not (tmp_path / "mentions.csv").exists()


def test_export_and_induce_refuse_to_write_over_what_they_read(tmp_path):
    # a helper's black-box tests: 'export annotated -o annotated/a.json' replaced a record, 'induce p1.json -o p1.json' the pair
    make_corpus(tmp_path / "data", {"a.txt": b"Shinzo Abe met Joe Biden in Tokyo.\n"})
    assert run("annotate", cwd=tmp_path).returncode == 0
    record = (tmp_path / "data" / "annotated" / "a.json").read_bytes()
    result = run("export", "data/annotated", "--format", "jsonl", "-o", "data/annotated/a.json", cwd=tmp_path)
    assert result.returncode == 2 and "is inside data/annotated, which is read" in result.stderr.decode()
    assert (tmp_path / "data" / "annotated" / "a.json").read_bytes() == record
    pair = b'{"spun": "The alliance v Japan.", "original": "The alliance with Japan."}'
    (tmp_path / "p1.json").write_bytes(pair)
    result = run("induce", "p1.json", "-o", "p1.json", cwd=tmp_path)
    assert result.returncode == 2 and "p1.json: is one of the inputs" in result.stderr.decode() and (tmp_path / "p1.json").read_bytes() == pair
