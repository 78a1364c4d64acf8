"""Corrections that last: a brat round trip, a rejected edit, reruns, and corrections that no longer fit.

Everything runs as a researcher runs it: the real model annotates real files,
brat files are written by the export and edited as text, and the command line
imports them.
"""

from __future__ import annotations

import json

import orjson
import pytest

from alliance_corpus import annotate_corpus, load_corpus
from alliance_corpus.corpus.formats import export
from alliance_corpus.resources.corrections import HEADER, corrections_path, read_corrections
from tests.conftest import SEED_RAW, make_corpus
from tests.test_cli import run

TEXT = "Defense Secretary Leon Panetta visited Okinawa and Camp Schwab in 2012. Marines train at Kadena with the Ministry of Defense.\n"
EVIDENCE = "brat, a test annotator, 2026-11-30"


def _corrected_ann(ann: str) -> str:
    """The researcher's edits in brat: Kadena is the air base (label and link), "in 2012" (boundary),
    Okinawa the island (link), no Ministry of Defense (delete), and "Defense" an organisation (add)."""
    lines = []
    ids = {}
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T"):
            ids[fields[0]] = fields[2]
        if line.startswith("T") and fields[2] == "Kadena":
            line = line.replace("GPE", "FAC")
        elif line.startswith("N") and fields[2] == "Kadena":
            line = line.replace("ac:kadena-town", "ac:kadena-air-base")
        elif line.startswith("T") and fields[2] == "2012":
            line = f"{fields[0]}\tDATE 63 70\tin 2012"
        elif line.startswith("N") and fields[2] == "Okinawa":
            line = line.replace("Wikidata:Q766445", "ac:okinawa-island")
        elif "Ministry of Defense" in line:
            continue  # its T, N and # lines
        lines.append(line)
    lines.append("T99\tORG 0 7\tDefense")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """A two-document corpus, annotated, exported to brat, corrected there, imported and annotated again."""
    root = tmp_path_factory.mktemp("corrections") / "data"
    raw = make_corpus(root, {"visit.txt": TEXT.encode(), "seed.txt": SEED_RAW.read_bytes()})
    first = annotate_corpus(raw, root / "annotated")
    assert first.ok
    before = {d.id: d for d in load_corpus(root / "annotated")}
    export(before.values(), "brat", root.parent / "brat")
    ann = root.parent / "brat" / "visit.ann"
    ann.write_text(_corrected_ann(ann.read_text(encoding="utf-8")), encoding="utf-8")
    imported = run("corrections", "import", str(root.parent / "brat"), "--corpus", str(root), "--evidence", EVIDENCE)
    assert imported.returncode == 0, imported.stderr
    rejected = run("corrections", "reject", "seed", "0", "--corpus", str(root), "--evidence", EVIDENCE, "--note", "keep the raw word")
    assert rejected.returncode == 0, rejected.stderr
    second = annotate_corpus(raw, root / "annotated")
    return root, before, first, second, imported.stderr.decode()


def test_corrections_import_keeps_one_correction_per_change_in_a_versioned_file(corrected):
    root, _, _, _, said = corrected
    assert "5 corrections added (add 1, boundary 1, delete 1, label 1, link 1)" in said
    lines = corrections_path(root).read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER and len(lines) == 7
    corrections = read_corrections(root)
    by_action = {c.action: c for c in corrections}
    assert by_action["label"].mention.label == "GPE" and by_action["label"].to.label == "FAC" and by_action["label"].to.kb_id == "ac:kadena-air-base"
    assert (by_action["boundary"].to.text, by_action["boundary"].mention.text) == ("in 2012", "2012")
    assert by_action["link"].to.kb_id == "ac:okinawa-island" and by_action["delete"].mention.text == "Ministry of Defense"
    assert by_action["add"].to.text == "Defense" and by_action["reject-edit"].edit.before == "v"
    assert all(c.evidence == EVIDENCE for c in corrections)


def test_corrections_are_applied_with_their_source_and_everything_else_stays(corrected):
    root, before, _, second, _ = corrected
    assert second.ok and sorted(second.annotated) == ["seed", "visit"]  # their corrections changed, so both again
    record = load_corpus(root / "annotated")["visit"]
    found = {(e.text, e.label, e.kb_id, e.source) for e in record.entities}
    assert ("Kadena", "FAC", "ac:kadena-air-base", "correction") in found and ("in 2012", "DATE", None, "correction") in found
    assert ("Okinawa", "GPE", "ac:okinawa-island", "correction") in found and ("Defense", "ORG", None, "correction") in found
    assert not any(e.text == "Ministry of Defense" for e in record.entities)
    untouched = {(e.text, e.label, e.kb_id) for e in before["visit"].entities if e.text in ("Leon Panetta", "Camp Schwab", "Marines")}
    assert untouched <= {(e.text, e.label, e.kb_id) for e in record.entities}
    assert next(e for e in record.entities if e.text == "Kadena").canonical == "Kadena Air Base"  # linked as the gazetteer names it


def test_corrections_a_rejected_edit_keeps_the_raw_wording(corrected):
    root, before, _, _, _ = corrected
    seed = load_corpus(root / "annotated")["seed"]  # loading validates every offset against the new text
    old = before["seed"]
    assert old.edits[0].before == "v" and old.text.startswith("The alliance with Japan")
    assert seed.text.startswith("The alliance v Japan") and seed.edits == [
        e.model_copy(update={"clean_start": e.clean_start - 3, "clean_end": e.clean_end - 3}) for e in old.edits[1:]
    ]
    assert all(seed.text[e.start : e.end] == e.text for e in seed.entities)


def test_corrections_a_rerun_skips_and_a_correction_that_no_longer_fits_is_named(corrected, tmp_path):
    root, _, _, _, _ = corrected
    again = annotate_corpus(root / "raw", root / "annotated")
    assert again.annotated == [] and sorted(again.skipped) == ["seed", "visit"] and not again.warnings
    (root / "raw" / "visit.txt").write_text(TEXT.replace("Kadena", "Futenma"), encoding="utf-8")
    changed = annotate_corpus(root / "raw", root / "annotated")
    stale = [w for w in changed.warnings if w.startswith("[W106]")]
    # Kadena is gone, and "Futenma" is one letter longer, so the Ministry after it moved: those two no longer fit; the three before still do
    assert sorted(w.split()[3] for w in stale) == ["(delete)", "(label)"] and all("of 'visit' no longer fits" in w for w in stale)
    assert len(read_corrections(root)) == 6  # kept, not dropped
    record = load_corpus(root / "annotated")["visit"]
    assert ("Futenma", "correction") not in {(e.text, e.source) for e in record.entities}
    assert ("in 2012", "correction") in {(e.text, e.source) for e in record.entities}  # the ones that fit are still applied


def test_corrections_a_bad_line_stops_the_run_before_any_document(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": b"Okinawa hosts bases.\n"})
    path = corrections_path(tmp_path)
    path.parent.mkdir()
    path.write_text(HEADER + "\n" + json.dumps({"doc_id": "a", "action": "delete", "evidence": "x"}) + "\n", encoding="utf-8")
    result = run("annotate", "--raw", str(raw), "--out", str(tmp_path / "annotated"), "--quiet")
    assert result.returncode == 2 and result.stderr.decode().count("[E201]") == 1
    assert "corrections/corrections.jsonl:2" in result.stderr.decode() and "exactly these parts: mention" in result.stderr.decode()
    assert not (tmp_path / "annotated").exists() or not list((tmp_path / "annotated").glob("a.json"))
    assert run("validate", str(tmp_path)).returncode == 2


def test_corrections_import_refuses_an_ann_from_another_version_of_the_text(corrected, tmp_path):
    root, before, _, _, _ = corrected
    export([before["visit"]], "brat", tmp_path)
    (tmp_path / "visit.txt").write_text("another text\n", encoding="utf-8")
    result = run("corrections", "import", str(tmp_path), "--corpus", str(root), "--evidence", EVIDENCE)
    assert result.returncode == 2 and "visit.ann: its .txt is not the restored text of 'visit'" in result.stderr.decode()
    assert len(read_corrections(root)) == 6


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A one-document corpus, annotated and exported to brat, that no test corrects."""
    root = tmp_path_factory.mktemp("bad_ann") / "data"
    assert annotate_corpus(make_corpus(root, {"visit.txt": TEXT.encode()}), root / "annotated").ok
    return root, load_corpus(root / "annotated")["visit"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("T50\tORG 5000 5010\tnothing", "T50 has offsets [(5000, 5010)] outside the text"),
        ("T50\tORG 0 7\tPanetta", "T50 quotes 'Panetta', but its offsets hold 'Defense'"),
        ("T50\tARMY 0 7\tDefense", "T50 has the type 'ARMY', which is no entity label"),
        ("T50\tORG zero 7\tDefense", "line 1: not a text-bound annotation"),
        ("N50\tReference T404 Wikidata:Q30\tUnited States", "line 1: not a normalization of an annotation above it"),
    ],
)
def test_corrections_import_names_a_bad_annotation_and_keeps_nothing_of_its_file(exported, tmp_path, line, problem):
    """A hand-edited .ann with one line brat would not write, among good edits: the file is named with the line's problem, and none of it lands."""
    root, record = exported
    export([record], "brat", tmp_path)
    ann = tmp_path / "visit.ann"
    ann.write_text(line + "\n" + _corrected_ann(ann.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("corrections", "import", str(tmp_path), "--corpus", str(root), "--evidence", EVIDENCE)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert f"visit.ann: {problem}" in result.stderr.decode() and "no correction of it was kept" in result.stderr.decode()
    assert not corrections_path(root).exists()


@pytest.mark.parametrize("action", [["reject", "seed", "0"], ["import", "brat"]])
def test_corrections_without_evidence_are_refused_before_anything_is_kept(corrected, action):
    root = corrected[0]
    before = corrections_path(root).read_bytes()
    result = run("corrections", *action, "--corpus", str(root), "--evidence", "  ")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert "argument --evidence: must say who made the corrections, where and when" in result.stderr.decode()
    assert corrections_path(root).read_bytes() == before


def test_corrections_a_text_holding_a_line_separator_survives_a_brat_round_trip(tmp_path):
    """A helper's black-box test: the correction's text held U+2028, valid in JSON, and reading split the file's line there (E201)."""
    from alliance_corpus.resources.jsonl import line_problems, read_jsonl
    from alliance_corpus.resources.lexicons import LexiconEntry

    path = tmp_path / "mine.jsonl"
    entry = {"id": "a", "list": "l", "value": "United\u2028States\u0085", "evidence": "e", "note": "n"}
    path.write_bytes(orjson.dumps(entry) + b"\n" + b"not json\n")
    assert [error.line for error in line_problems(path, LexiconEntry)] == [2]  # the bad line is named by its own number
    path.write_bytes(orjson.dumps(entry) + b"\n")
    [(number, read)] = read_jsonl(path, LexiconEntry)
    assert number == 1 and read.value == "United\u2028States\u0085"
