"""Untrusted folders: a tampered index, links out of the corpus, special files, long and reserved names.

Each test is one of the probes an attacker or an unlucky user ran against
0.2.0, re-run on real files: nothing outside the given folders is read,
written or deleted, and every refusal has a code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from alliance_corpus import annotate_corpus, load_corpus
from alliance_corpus.corpus import read_document
from alliance_corpus.corpus.ids import MAX_ID_LENGTH, is_safe_id
from alliance_corpus.corpus.io import load_index
from tests.conftest import make_corpus

GOOD = b"Defense Secretary Lloyd Austin met Prime Minister Fumio Kishida in Tokyo.\n"
OTHER = b"The Marines train at Camp Hansen on Okinawa.\n"


def _codes(summary):
    return sorted((e.path, e.code) for e in summary.errors)


def _annotated(tmp_path, files):
    raw = make_corpus(tmp_path, files)
    out = tmp_path / "annotated"
    return raw, out, annotate_corpus(raw, out)


@pytest.mark.parametrize("target", ["../victim.txt", "../victim", "/ABSOLUTE/victim.txt", "sub/../../victim.txt"])
def test_untrusted_tampered_index_deletes_nothing_outside_the_output_folder(tmp_path, target):
    raw, out, _ = _annotated(tmp_path, {"a.txt": GOOD})
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = target.replace("/ABSOLUTE", str(tmp_path))
    index = json.loads((out / "index.json").read_text())
    index["documents"].append({"id": "gone", "file": target, "source": "raw/gone.txt", "sha256": "0" * 64})
    (out / "index.json").write_text(json.dumps(index))
    summary = annotate_corpus(raw, out)
    assert victim.read_text() == "keep me"
    assert any(w.startswith("[W101]") and "rebuilt from the record files" in w for w in summary.warnings)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "index.json"]
    assert [e["file"] for e in json.loads((out / "index.json").read_text())["documents"]] == ["a.json"]


def test_untrusted_tampered_index_is_not_followed_when_reading(tmp_path):
    raw, out, _ = _annotated(tmp_path, {"a.txt": GOOD})
    outside = tmp_path / "outside.json"
    outside.write_bytes((out / "a.json").read_bytes())
    index = json.loads((out / "index.json").read_text())
    index["documents"][0]["file"] = "../outside.json"
    (out / "index.json").write_text(json.dumps(index))
    with pytest.warns(UserWarning, match=r"\[W101\]"):
        corpus = load_corpus(out)
    assert corpus.ids == ["a"]
    outside.write_text("not a record any more")  # reading must come from a.json, not from the tampered path
    assert corpus["a"].id == "a"


@pytest.mark.parametrize(
    "damage",
    [b"", b'{"documents": [', b"[]", b'{"documents": {}}', b'{"documents": [{"id": "a", "file": "a.json"}, {"id": "a", "file": "a.json"}]}',
     b'{"documents": [], "documents": []}', b'{"documents": [{"id": "index", "file": "index.json"}]}'],
)  # fmt: skip
def test_untrusted_invalid_index_is_rebuilt_from_the_records(tmp_path, damage):
    raw, out, _ = _annotated(tmp_path, {"a.txt": GOOD, "b.txt": OTHER})
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "index.json").write_bytes(damage)
    index = load_index(out)
    assert sorted(index.entries) == ["a", "b"] and index.warnings[0].startswith("[W101]")
    summary = annotate_corpus(raw, out)
    assert summary.ok and summary.annotated == [] and sorted(summary.skipped) == ["a", "b"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_untrusted_link_out_of_the_raw_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"Not part of the corpus: a password file.\n")
    raw = make_corpus(tmp_path, {"a.txt": GOOD})
    (raw / "passwd.txt").symlink_to(secret)
    out = tmp_path / "annotated"
    summary = annotate_corpus(raw, out)
    assert _codes(summary) == [("raw/passwd.txt", "E107")]
    assert "outside the raw folder" in str(summary.errors[0]) and "--follow-symlinks" in str(summary.errors[0])
    assert [p.name for p in sorted(out.iterdir())] == ["a.json", "index.json"]
    allowed = annotate_corpus(raw, tmp_path / "allowed", follow_symlinks=True)
    assert allowed.ok and sorted(allowed.annotated) == ["a", "passwd"]


def test_untrusted_link_inside_the_raw_folder_is_read(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD})
    (raw / "same.txt").symlink_to(raw / "a.txt")
    summary = annotate_corpus(raw, tmp_path / "annotated")
    assert summary.ok and sorted(summary.annotated) == ["a", "same"]


def test_untrusted_linked_folder_is_not_walked_into(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_bytes(OTHER)
    raw = make_corpus(tmp_path, {"a.txt": GOOD})
    (raw / "linked").symlink_to(elsewhere, target_is_directory=True)
    summary = annotate_corpus(raw, tmp_path / "annotated")
    assert summary.ok and summary.annotated == ["a"]


def test_untrusted_fifo_is_refused_without_hanging(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD})
    os.mkfifo(raw / "pipe.txt")
    os.mkfifo(raw / "a.meta.json")
    result: list = []
    worker = threading.Thread(target=lambda: result.append(annotate_corpus(raw, tmp_path / "annotated")), daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "annotate hung on a named pipe"
    assert _codes(result[0]) == [("raw/a.meta.json", "E108"), ("raw/pipe.txt", "E108")]
    assert "is a named pipe, not a regular file" in str(result[0].errors[0])


def test_untrusted_sidecar_linked_to_a_device_or_too_large_is_refused(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "b.txt": OTHER, "c.txt": GOOD + b" "})
    (raw / "a.meta.json").symlink_to("/dev/zero")
    (raw / "b.meta.json").write_bytes(b'{"title": "' + b"x" * (2 << 20) + b'"}')
    (raw / "c.meta.json").symlink_to(raw / "a.txt")  # a link inside raw/ is allowed, but it is not JSON
    summary = annotate_corpus(raw, tmp_path / "annotated")
    assert _codes(summary) == [("raw/a.meta.json", "E107"), ("raw/b.meta.json", "E105"), ("raw/c.meta.json", "E105")]
    assert "larger than 1048576 bytes" in str(summary.errors[1])


def test_untrusted_deep_folders_and_long_names_get_short_safe_ids(tmp_path):
    deep = "/".join(["nested"] * 100) + "/deep.txt"
    long_name = "a" * 251 + ".txt"  # 255 bytes, the most a file name may have
    raw, out, summary = _annotated(tmp_path, {deep: GOOD, long_name: OTHER, "short.txt": GOOD})
    assert summary.ok and len(summary.annotated) == 3
    assert all(len(doc_id) <= MAX_ID_LENGTH and is_safe_id(doc_id) for doc_id in summary.annotated)
    assert "short" in summary.annotated
    again = annotate_corpus(raw, out)
    assert sorted(again.skipped) == sorted(summary.annotated)  # the hashed ids are stable


def test_untrusted_reserved_and_clashing_names_get_distinct_ids(tmp_path):
    raw, out, summary = _annotated(tmp_path, {"index.txt": GOOD, "Okinawa.txt": OTHER, "okinawa.txt": GOOD, "x y.txt": GOOD, "x-y.txt": OTHER})
    assert summary.ok and len(summary.annotated) == 5
    ids = summary.annotated
    assert "index" not in ids and len({i.lower() for i in ids}) == 5
    corpus = load_corpus(out)
    assert len(corpus) == 5 and {d.source.path for d in corpus} == {f"raw/{n}" for n in ["index.txt", "Okinawa.txt", "okinawa.txt", "x y.txt", "x-y.txt"]}


def test_untrusted_a_record_the_index_lost_is_pruned_with_its_raw_file(tmp_path):
    raw, out, _ = _annotated(tmp_path, {"a.txt": GOOD, "b.txt": OTHER})
    index = json.loads((out / "index.json").read_text())
    index["documents"] = [e for e in index["documents"] if e["id"] == "a"]  # as after a crash before the index was written
    (out / "index.json").write_text(json.dumps(index))
    (raw / "b.txt").unlink()
    annotate_corpus(raw, out)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "index.json"]


def test_untrusted_a_damaged_record_is_annotated_again(tmp_path):
    raw, out, _ = _annotated(tmp_path, {"a.txt": GOOD})
    good = (out / "a.json").read_bytes()
    (out / "a.json").write_bytes(good[: len(good) // 2])
    summary = annotate_corpus(raw, out)
    assert summary.annotated == ["a"] and (out / "a.json").read_bytes() == good


def test_untrusted_cli_names_a_link_out_of_the_corpus_and_exits_1(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD})
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    result = subprocess.run(
        [sys.executable, "-m", "alliance_corpus.cli", "annotate", "--raw", str(raw), "--out", str(tmp_path / "out"), "--quiet"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1
    assert "[E107] raw/passwd.txt: is a symbolic link to /etc/passwd" in result.stderr
    assert "root:" not in (tmp_path / "out" / "index.json").read_text()
    assert read_document(tmp_path / "out" / "a.json").id == "a"


def test_untrusted_temporaries_of_a_killed_run_are_removed_and_nothing_else(tmp_path):
    raw, out, _ = _annotated(tmp_path, {"a.txt": GOOD})
    (out / ".alliance-tmp-x1y2z3").write_bytes(b'{"id": "a", "tru')  # a record a killed run was writing
    (out / "notes.txt").write_text("the researcher's own file")
    annotate_corpus(raw, out)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "index.json", "notes.txt"]
