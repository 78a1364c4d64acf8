"""The main job on real files: broken documents, skipping, re-annotation, processes, safe ids."""

from __future__ import annotations

import json

from alliance_corpus import annotate_corpus, load_corpus
from alliance_corpus.corpus import read_index
from alliance_corpus.corpus.sources import document_id
from tests.conftest import SEED_RAW, make_corpus

GOOD = b"Former Prime Minister Shinzo Abe met Defense Secretary Lloyd Austin in Tokyo.\n"


def _codes(summary):
    return sorted((e.path, e.code) for e in summary.errors)


def test_runner_broken_documents_are_reported_and_the_rest_is_written(tmp_path):
    raw = make_corpus(
        tmp_path,
        {
            "seed.txt": SEED_RAW.read_bytes(),
            "good.txt": GOOD,
            "empty.txt": b"  \n",
            "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR",
            "latin1.txt": "Okinawa governor café".encode("latin-1"),
            "sidecar.txt": GOOD,
            "sidecar.meta.json": b"{not json",
        },
    )
    out = tmp_path / "annotated"
    summary = annotate_corpus(raw, out)
    assert _codes(summary) == [
        ("raw/binary.txt", "E102"),
        ("raw/empty.txt", "E101"),
        ("raw/sidecar.meta.json", "E105"),
    ]
    # a file that is not UTF-8 is no longer refused: its encoding is detected, and the summary says so
    assert any(w.startswith("[W105] raw/latin1.txt: is not UTF-8") for w in summary.warnings)
    assert sorted(summary.annotated) == ["good", "latin1", "seed"]
    assert sorted(p.name for p in out.iterdir()) == ["good.json", "index.json", "latin1.json", "seed.json"]
    assert not summary.ok


def test_runner_skips_unchanged_and_redoes_changed_documents(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "b.txt": SEED_RAW.read_bytes()})
    out = tmp_path / "annotated"
    first = annotate_corpus(raw, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    second = annotate_corpus(raw, out)
    assert sorted(first.annotated) == ["a", "b"] and second.annotated == [] and sorted(second.skipped) == ["a", "b"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    (raw / "a.txt").write_bytes(GOOD.replace(b"Tokyo", b"Okinawa"))
    third = annotate_corpus(raw, out)
    assert third.annotated == ["a"] and third.skipped == ["b"]


def test_runner_changed_gazetteer_reannotates_everything(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": b"Marines train at Camp Mujuk in Pohang.\n"})
    out = tmp_path / "annotated"
    annotate_corpus(raw, out)
    assert "Camp Mujuk" not in {e.text for e in load_corpus(out)["a"].entities if e.kb_id}
    entry = {"id": "ac:camp-mujuk", "label": "FAC", "pattern": "Camp Mujuk", "note": "U.S. Marine camp in Pohang, South Korea"}
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "mine.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    again = annotate_corpus(raw, out)
    assert again.annotated == ["a"]
    linked = [(e.text, e.label, e.kb_id) for e in load_corpus(out)["a"].entities if e.kb_id]
    assert ("Camp Mujuk", "FAC", "ac:camp-mujuk") in linked


def test_runner_removed_raw_document_is_pruned(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "b.txt": GOOD})
    out = tmp_path / "annotated"
    annotate_corpus(raw, out)
    (raw / "b.txt").unlink()
    annotate_corpus(raw, out)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "index.json"]
    assert [d["id"] for d in read_index(out)["documents"]] == ["a"]


def test_runner_two_processes_write_the_same_bytes(tmp_path):
    files = {f"doc{i}.txt": GOOD if i % 2 else SEED_RAW.read_bytes() for i in range(4)}
    one = annotate_corpus(make_corpus(tmp_path / "one", files), tmp_path / "one" / "annotated", batch_size=2)
    two = annotate_corpus(make_corpus(tmp_path / "two", files), tmp_path / "two" / "annotated", batch_size=2, jobs=2)
    assert one.ok and two.ok
    for path in sorted((tmp_path / "one" / "annotated").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / "annotated" / path.name).read_bytes()


def test_runner_ids_cannot_escape_the_output_folder(tmp_path):
    raw = make_corpus(tmp_path, {"nested/../../evil name.txt": GOOD, "sub/dir/x y.txt": GOOD})
    assert document_id(raw, raw / "sub" / "dir" / "x y.txt") == "sub__dir__x-y"
    out = tmp_path / "annotated"
    summary = annotate_corpus(raw, out)
    assert summary.ok
    written = sorted(p.name for p in out.iterdir())
    assert all("/" not in name and not name.startswith(".") for name in written)
    assert all(p.parent == out for p in out.iterdir())


def test_runner_sidecar_provenance_lands_in_the_record(tmp_path):
    meta = {"title": "A test", "url": "https://example.org/a", "published": "2021-11-04"}
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "a.meta.json": json.dumps(meta).encode()})
    annotate_corpus(raw, tmp_path / "annotated")
    source = load_corpus(tmp_path / "annotated")["a"].source
    assert (source.path, source.title, source.url, source.published) == ("raw/a.txt", "A test", "https://example.org/a", "2021-11-04")


def _mixed_corpus(root, short=24):
    """``short`` short documents and two long ones (real pages, several model chunks each)."""
    from tests.test_long_documents import _real_pages

    files = {f"short{i:02d}.txt": GOOD.replace(b"Tokyo", f"Tokyo on day {i}".encode()) for i in range(short)}
    files["long_a.txt"] = _real_pages(120_000).encode()
    files["long_b.txt"] = _real_pages(60_000).encode()
    files["seed.txt"] = SEED_RAW.read_bytes()
    return make_corpus(root, files)


def test_runner_progress_is_reported_after_every_document_with_words_per_second(tmp_path):
    raw = make_corpus(tmp_path, {f"doc{i}.txt": GOOD for i in range(5)} | {"seed.txt": SEED_RAW.read_bytes()})
    reports = []
    summary = annotate_corpus(raw, tmp_path / "annotated", progress=reports.append)
    assert summary.ok and len(summary.annotated) == 6
    assert [r.documents for r in reports] == list(range(7))  # once before the first document, then once per document
    assert reports[0].words == 0 and reports[-1].words == reports[-1].total_words == len(SEED_RAW.read_text().split()) + 5 * len(GOOD.split())
    assert all(r.total_documents == 6 for r in reports) and reports[-1].words_per_second > 0


def test_runner_small_corpus_is_still_spread_over_every_job():
    from alliance_corpus.corpus.work import parcels
    from alliance_corpus.records import RawDocument, Source

    docs = [RawDocument(f"d{i}", "word " * (50 + i), Source(path=f"d{i}.txt", sha256="0" * 64)) for i in range(16)]
    shared = parcels(docs, jobs=2, batch_size=16)
    assert len(shared) >= 8 and sorted(d.id for p in shared for d in p) == sorted(d.id for d in docs)
    assert [len(p[0].text) for p in shared] == sorted((len(p[0].text) for p in shared), reverse=True)  # longest first
    assert len(parcels(docs[:3], jobs=2, batch_size=16)) == 3


def test_runner_two_jobs_write_the_bytes_of_one_job_with_long_and_short_documents(tmp_path):
    one_raw, two_raw = _mixed_corpus(tmp_path / "one"), _mixed_corpus(tmp_path / "two")
    one = annotate_corpus(one_raw, tmp_path / "one" / "annotated")
    reports = []
    two = annotate_corpus(two_raw, tmp_path / "two" / "annotated", jobs=2, progress=reports.append)
    assert one.ok and two.ok and one.annotated == two.annotated  # the corpus order, whichever finished first
    assert [r.documents for r in reports] == list(range(len(two.annotated) + 1))
    names = sorted(p.name for p in (tmp_path / "one" / "annotated").iterdir())
    assert len(names) == 28
    for name in names:
        assert (tmp_path / "one" / "annotated" / name).read_bytes() == (tmp_path / "two" / "annotated" / name).read_bytes(), name


def test_runner_errors_cross_process_boundaries_whole():
    import pickle

    from alliance_corpus.errors import DocumentError

    error = DocumentError("raw/x.txt", "E199", reason="boom")
    again = pickle.loads(pickle.dumps(error))  # a worker's error reaches the parent with its path and code
    assert (again.path, again.code, str(again)) == (error.path, error.code, str(error))


def test_runner_looks_for_originals_only_for_documents_it_annotates(tmp_path, monkeypatch):
    # A rerun with nothing to do reads no text twice: no source discovery at all.
    from alliance_corpus.corpus import runner
    from tests.corpus.test_discovery import CASES

    _, case = CASES[0]
    raw = make_corpus(tmp_path, {"copy.txt": case["garbled"].encode(), "other.txt": GOOD})
    out = tmp_path / "annotated"
    asked: list[list[str]] = []
    real = runner.find_originals
    monkeypatch.setattr(runner, "find_originals", lambda *args, copies=None: asked.append(sorted(copies or [])) or real(*args, copies=copies))
    annotate_corpus(raw, out)
    annotate_corpus(raw, out)
    assert asked == [["copy", "other"]]  # the second run had nothing to annotate
    (raw / "original.txt").write_text(case["original"], encoding="utf-8")
    third = annotate_corpus(raw, out)
    assert third.annotated == ["original"] and asked[-1] == ["original"]
    assert load_corpus(out)["original"].source.derived_from is None  # the original is not taken for a copy of its copy


def test_runner_reports_a_document_the_engine_returned_nothing_for():
    from alliance_corpus.corpus.runner import RunSummary, _unanswered
    from alliance_corpus.errors import DocumentError
    from alliance_corpus.records import RawDocument, Source

    docs = [RawDocument(f"d{i}", "Okinawa.", Source(path=f"raw/d{i}.txt", sha256="0" * 64)) for i in range(3)]
    summary = RunSummary(annotated=["d0"], errors=[DocumentError("raw/d1.txt", "E199", reason="boom")])
    [lost] = _unanswered(docs, summary)
    assert (lost.code, lost.path) == ("E198", "raw/d2.txt") and "run again" in str(lost)
    assert _unanswered(docs[:2], summary) == []


def test_runner_a_changed_sidecar_makes_a_new_record(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "a.meta.json": b'{"published": "April 2021"}', "b.txt": GOOD})
    out = tmp_path / "annotated"
    annotate_corpus(raw, out)
    (raw / "a.meta.json").write_bytes(b'{"published": "2021-04-16", "title": "Abe and Austin"}')  # the researcher fixes the date W108 named
    second = annotate_corpus(raw, out)
    assert second.annotated == ["a"] and second.skipped == ["b"]
    source = load_corpus(out)["a"].source
    assert (source.published, source.title) == ("2021-04-16", "Abe and Austin")
    assert annotate_corpus(raw, out).annotated == []  # and then nothing is left to do


def test_runner_a_record_the_folder_refuses_stops_the_run_and_keeps_what_was_written(tmp_path):
    """A write the output folder refuses (here a folder stands where b's record goes; a full disk is the same OSError):
    E401 names it, the records written before stay, the index lists them, and a rerun after the fix resumes."""
    import pytest

    from alliance_corpus.errors import CannotWrite

    raw = make_corpus(tmp_path / "data", {f"{name}.txt": f"Shinzo Abe visited Okinawa in 201{n}.".encode() for n, name in enumerate("abc")})
    out = tmp_path / "data" / "annotated"
    (out / "b.json").mkdir(parents=True)
    with pytest.raises(CannotWrite) as stopped:
        annotate_corpus(raw, out)
    assert stopped.value.exit_status == 1 and "[E401] " in str(stopped.value) and "b.json: Is a directory" in str(stopped.value)
    assert stopped.value.saved == 1 and "1 documents saved and the index up to date" in str(stopped.value)
    assert [entry["id"] for entry in read_index(out)["documents"]] == ["a"] and not [p for p in out.iterdir() if p.name.startswith(".")]
    (out / "b.json").rmdir()
    again = annotate_corpus(raw, out)
    assert again.ok and again.skipped == ["a"] and sorted(again.annotated) == ["b", "c"]


def test_runner_a_sidecar_with_several_bad_fields_names_them_all(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "a.meta.json": b'{"title": 5, "url": ["x"], "published": "2021-04-16"}'})
    summary = annotate_corpus(raw, tmp_path / "annotated")
    (failure,) = [str(error) for error in summary.errors]
    assert failure.startswith("[E105] raw/a.meta.json: sidecar fields title: Input should be a valid string; url: ") and summary.annotated == []


def test_runner_a_sidecar_saved_with_a_byte_order_mark_is_read_and_one_with_a_key_twice_is_refused(tmp_path):
    raw = make_corpus(
        tmp_path,
        {
            "a.txt": GOOD,
            "a.meta.json": b'\xef\xbb\xbf{"title": "Saved by Notepad", "published": "2021-04-16"}',  # UTF-8 with a byte-order mark
            "b.txt": GOOD,
            "b.meta.json": b'{"title": "first", "title": "second"}',
        },
    )
    summary = annotate_corpus(raw, tmp_path / "annotated")
    assert summary.annotated == ["a"] and load_corpus(tmp_path / "annotated")["a"].source.title == "Saved by Notepad"
    (failure,) = [str(error) for error in summary.errors]
    assert failure.startswith("[E105] raw/b.meta.json: sidecar is not valid JSON (duplicate key 'title')")


def test_runner_a_sidecar_broken_on_a_rerun_keeps_its_documents_record_until_it_is_fixed(tmp_path):
    # The error names the sidecar, and the record of the document beside it was deleted as if the document were gone.
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "a.meta.json": b'{"title": "Abe and Austin"}', "b.txt": GOOD})
    out = tmp_path / "annotated"
    annotate_corpus(raw, out)
    kept = (out / "a.json").read_bytes()
    (raw / "a.meta.json").write_bytes(b'{"title": ')  # a researcher's edit, cut short
    summary = annotate_corpus(raw, out)
    assert [(e.path, e.document, e.code) for e in summary.errors] == [("raw/a.meta.json", "raw/a.txt", "E105")]
    assert (out / "a.json").read_bytes() == kept and [e["id"] for e in read_index(out)["documents"]] == ["a", "b"]
    (raw / "a.meta.json").write_bytes(b'{"title": "Abe and Austin in Tokyo"}')
    assert annotate_corpus(raw, out).annotated == ["a"] and load_corpus(out)["a"].source.title == "Abe and Austin in Tokyo"


def test_runner_files_of_the_output_folder_that_are_no_records_are_never_deleted(tmp_path):
    # a helper's black-box test: every '<name>.json' the index did not list was taken for a record and pruned
    raw = make_corpus(tmp_path, {"a.txt": GOOD})
    out = tmp_path / "annotated"
    out.mkdir()
    (out / "package.json").write_bytes(b'{"name": "keep me"}')
    (out / "notes.json").write_bytes(b"not json")
    annotate_corpus(raw, out)
    (out / "index.json").write_bytes(b'{"documents": "tampered"}')  # rebuilt from the records: the other files are not records either
    annotate_corpus(raw, out)
    assert (out / "package.json").read_bytes() == b'{"name": "keep me"}' and (out / "notes.json").read_bytes() == b"not json"
    assert [e["id"] for e in read_index(out)["documents"]] == ["a"]


def test_runner_a_folder_that_cannot_be_listed_is_named_and_its_records_are_kept(tmp_path):
    """A helper's black-box test: os.walk skips a folder it cannot list without a word, and the records of its documents were pruned."""
    import os
    import shutil
    import subprocess

    import pytest

    from tests.test_cli import CLI

    unprivileged: list[str] = []
    if os.geteuid() == 0:  # root lists any folder: drop the capabilities that let it
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv, a folder cannot be made unreadable")
        unprivileged = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "sub/b.txt": b"Okinawa hosts most U.S. bases in Japan.\n"})
    out = tmp_path / "annotated"
    annotate_corpus(raw, out)
    kept = (out / "sub__b.json").read_bytes()
    (raw / "sub").chmod(0)
    try:
        result = subprocess.run([*unprivileged, *CLI, "annotate", "--raw", str(raw), "--out", str(out)], capture_output=True, cwd=tmp_path)
    finally:
        (raw / "sub").chmod(0o755)
    assert result.returncode == 1 and "[E104] raw/sub: cannot be read (the folder cannot be listed: Permission denied)" in result.stderr.decode()
    assert (out / "sub__b.json").read_bytes() == kept and [e["id"] for e in read_index(out)["documents"]] == ["a", "sub__b"]


def test_runner_a_sidecar_holding_a_lone_surrogate_is_e105_naming_the_sidecar_and_field(tmp_path):
    # a helper's black-box test: '"\udfff"' is valid JSON, and writing the record failed as E199 on the text file
    raw = make_corpus(tmp_path, {"a.txt": GOOD, "a.meta.json": b'{"notes": "\\udfff", "title": "ok"}', "b.txt": GOOD})
    summary = annotate_corpus(raw, tmp_path / "annotated")
    assert [str(e) for e in summary.errors] == ["[E105] raw/a.meta.json: sidecar field notes: holds a lone surrogate escape (such as \\udfff), which is no character"]
    assert summary.annotated == ["b"]
