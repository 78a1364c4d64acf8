"""Raw inputs a researcher brings: web pages, Markdown, upper-case suffixes, Latin-1, Japanese file names."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from alliance_corpus.corpus.ids import assign_ids, document_id, is_safe_id
from tests.conftest import make_corpus
from tests.test_cli import run

LATIN = "The café in Naha served U.S. officers and Señor García."
PAGE = (
    "<!DOCTYPE html><html><head><title>Treaty</title><script>var tracker = 1;</script></head>"
    "<body><nav>Home | News</nav><p>The alliance with Japan &amp; the United States was renewed in 1960.</p></body></html>"
)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("inputs") / "data"
    make_corpus(root, {
        "page.html": PAGE.encode(), "old/PAGE2.HTM": PAGE.encode(), "notes.md": b"# Okinawa\n\nThe bases on **Okinawa** stay.\n",
        "SHOUT.TXT": b"Tokyo and Washington agreed.", "latin.txt": LATIN.encode("latin-1"),
        "declared.txt": LATIN.encode("latin-1"), "declared.meta.json": b'{"encoding": "latin-1", "title": "Declared"}',
        "日米同盟.txt": b"The alliance with Japan.", "沖縄.txt": b"Okinawa hosts bases.", "scan.pdf": b"%PDF-1.4",
    })  # fmt: skip
    result = run("annotate", "--json", cwd=root.parent)
    assert result.returncode == 0, result.stderr.decode()
    return root / "annotated", json.loads(result.stdout)


def record(folder: Path, doc_id: str) -> dict:
    return json.loads((folder / f"{doc_id}.json").read_text(encoding="utf-8"))


def test_inputs_every_suffix_in_any_case_is_read(annotated):
    folder, summary = annotated
    ids = {p.stem for p in folder.glob("*.json")} - {"index"}
    assert {"page", "old__PAGE2", "notes", "SHOUT", "latin", "declared"} <= ids
    assert len(ids) == 8 and all(is_safe_id(i) for i in ids)


def test_inputs_a_web_page_is_restored_with_offsets_into_the_raw_html(annotated):
    doc = record(annotated[0], "page")
    assert doc["raw_text"] == PAGE
    assert "The alliance with Japan & the United States was renewed in 1960." in doc["text"]
    assert not any(word in doc["text"] for word in ("tracker", "Treaty", "Home", "<p>", "&amp;"))
    assert "<" not in doc["text"] and ">" not in doc["text"]  # every tag went, <html> and <body> too
    assert doc["source"]["title"] == "Treaty"  # the page's own title, as no sidecar names one
    japan = next(e for e in doc["entities"] if e["text"] == "Japan")
    assert PAGE[japan["raw_start"] : japan["raw_end"]] == "Japan"


def test_inputs_an_unread_file_is_named_in_the_summary(annotated):
    warnings = annotated[1]["warnings"]
    assert any(w.startswith("[W104] raw/scan.pdf: not read") for w in warnings)


def test_inputs_latin1_is_detected_with_a_warning_or_read_as_declared(annotated):
    folder, summary = annotated
    assert LATIN in record(folder, "declared")["raw_text"]
    assert record(folder, "declared")["source"]["title"] == "Declared"
    assert "café" in record(folder, "latin")["raw_text"]
    assert record(folder, "latin")["raw_text"] == LATIN  # every accent right: of the encodings detection rates alike, the commonest
    assert any(w.startswith("[W105] raw/latin.txt: is not UTF-8") for w in summary["warnings"])
    assert not any("declared.txt" in w for w in summary["warnings"])


def test_inputs_the_record_says_which_encoding_its_raw_bytes_were_read_in(annotated):
    folder, summary = annotated
    assert record(folder, "declared")["source"]["encoding"] == "iso8859-1"  # as the sidecar named it ("latin-1")
    detected = record(folder, "latin")["source"]["encoding"]
    assert detected not in (None, "utf-8") and f"raw/latin.txt: is not UTF-8 and declares no encoding; read as {detected}" in " ".join(summary["warnings"])
    raw = (folder.parent / "raw" / "latin.txt").read_bytes()
    assert raw.decode(detected) == record(folder, "latin")["raw_text"]  # the bytes decode to the record's raw text
    assert record(folder, "page")["source"]["encoding"] is None  # UTF-8


def test_inputs_japanese_file_names_get_distinct_readable_ids(annotated):
    folder, _ = annotated
    japanese = sorted(p.stem for p in folder.glob("cjk-*.json"))
    assert len(japanese) == 2 and japanese[0] != japanese[1]
    texts = {record(folder, i)["source"]["path"] for i in japanese}
    assert texts == {"raw/日米同盟.txt", "raw/沖縄.txt"}


def test_cli_clean_reads_a_named_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN.encode("latin-1"))
    declared = run("clean", "--encoding", "latin-1", str(path))
    assert declared.returncode == 0 and declared.stdout.decode().startswith(LATIN) and declared.stderr == b""
    detected = run("clean", str(path))
    assert detected.returncode == 0 and "café" in detected.stdout.decode() and "[W105]" in detected.stderr.decode()


def test_cli_refuses_an_unknown_encoding(tmp_path):
    result = run("clean", "--encoding", "klingon", "-", stdin=b"x")
    assert result.returncode == 2 and "unknown encoding 'klingon'" in result.stderr.decode()


def test_cli_names_bytes_the_declared_encoding_cannot_read(tmp_path):
    path = tmp_path / "utf8.txt"
    path.write_bytes("Tōkyō".encode())
    result = run("clean", "--encoding", "ascii", str(path))
    assert result.returncode == 2 and "[E109]" in result.stderr.decode() and "cannot be read as ascii" in result.stderr.decode()


@pytest.mark.parametrize(
    ("name", "expected"),
    [("press/2021 CFR report.txt", "press__2021-CFR-report"), ("Kōno Tarō.md", "Kono-Taro"), ("Señor García.txt", "Senor-Garcia")],
)
def test_ids_ascii_and_accented_names_read_as_before(name, expected):
    assert document_id(Path("raw"), Path("raw") / name) == expected


def test_ids_names_in_other_scripts_are_readable_unique_and_stable():
    names = [Path("raw") / n for n in ("日米同盟.txt", "沖縄.txt", "ja/日米.txt", "ja/にちべい.txt", "Путин.txt")]
    ids = assign_ids(Path("raw"), names[:5])
    assert ids == assign_ids(Path("raw"), names[:5])
    assert len({i.lower() for i in ids}) == 5 and all(is_safe_id(i) for i in ids)
    assert [i.rsplit("-", 1)[0] for i in ids] == ["cjk", "cjk", "ja__cjk", "ja__hiragana", "cyrillic"]
    long_name = Path("raw") / ("日" * 300 + ".txt")
    assert len(document_id(Path("raw"), long_name)) <= 120


def test_a_short_latin1_text_detection_reads_as_windows_1250_is_named_windows_1252(tmp_path):
    """charset-normalizer offers windows-1250 and not windows-1252 for this text; both read it alike, so the commoner is named."""
    from charset_normalizer import from_bytes

    from alliance_corpus.corpus.sources import decode_as

    data = "Okinawa hosts most U.S. bases in Japan. The governor's café meeting was tense.\nGovernor Tamaki met the U.S. consul in Naha. Résumé of talks followed.".encode("latin-1")
    offered = {codecs.lookup(match.encoding).name for match in from_bytes(data)}
    assert "cp1252" not in offered  # the case this test is about
    text, encoding = decode_as(data, "raw/okinawa.txt")
    assert (text, encoding) == (data.decode("latin-1"), "cp1252")



@pytest.mark.parametrize("text", ["Café owner in Naha said Futenma “must go”.\n", "Résumé\n"])
def test_a_short_windows_1252_text_is_not_read_in_an_encoding_detection_finds_more_coherent(text):
    """Detection ranks Baltic cp775 ("Cafķ ... ōmust goö") or Cyrillic cp1251 ("Rйsumй") first on these, as free of mess as windows-1252's reading."""
    from charset_normalizer import from_bytes

    from alliance_corpus.corpus.sources import decode_as

    data = text.encode("cp1252")
    first = from_bytes(data).best()
    assert first is not None and data.decode(first.encoding) != text  # the case this test is about
    assert decode_as(data, "raw/short.txt") == (text, "cp1252")

JAPANESE = "吉田茂首相はサンフランシスコで平和条約に署名した。"
EAST_ASIAN = [
    (JAPANESE, "shift_jis"),
    (JAPANESE, "euc_jp"),
    ("在日米軍の再編について、日本政府と米国政府は協議を続けている。", "shift_jis"),
    ("한미 동맹은 중요하다. 주한미군은 서울 근처에 있다.", "euc_kr"),
    ("美日同盟对东亚安全非常重要。冲绳有很多美军基地。", "gb2312"),
    ("美日同盟對東亞安全非常重要。沖繩有很多美軍基地。", "big5"),
]


@pytest.mark.parametrize(("text", "encoding"), EAST_ASIAN, ids=["sjis-short", "euc-jp", "sjis-long", "euc-kr", "gb2312", "big5"])
def test_inputs_east_asian_legacy_encodings_are_read_in_their_own_script(text, encoding):
    """Detection rated Shift_JIS prose read as Korean cp949 ("땑밹뽏롵...") as free of mess as the Japanese reading."""
    from alliance_corpus.corpus.sources import decode_as

    assert decode_as(text.encode(encoding), "raw/page.txt") == (text, encoding)


def test_inputs_iso_2022_jp_text_is_read_as_japanese_with_a_warning(tmp_path):
    """Seven-bit ISO-2022-JP bytes are valid UTF-8: they were read as escape codes and "$B5HED" garbage."""
    root = tmp_path / "data"
    text = "沖縄の米軍基地について。Governor Tamaki met the consul in Naha.\n"
    make_corpus(root, {"mail.txt": text.encode("iso2022_jp")})
    result = run("annotate", "--json", cwd=root.parent)
    assert result.returncode == 0, result.stderr.decode()
    saved = record(root / "annotated", "mail")
    assert saved["raw_text"] == text and saved["source"]["encoding"] == "iso2022_jp_2"
    assert any(w.startswith("[W105] raw/mail.txt") and "iso2022_jp_2" in w for w in json.loads(result.stdout)["warnings"]), result.stdout
    assert "\x1b" not in saved["text"]


def test_inputs_markdown_marks_go_and_a_sidecar_title_wins(annotated):
    notes = record(annotated[0], "notes")
    assert notes["text"] == "Okinawa\n\nThe bases on Okinawa stay.\n"
    assert [e["text"] for e in notes["entities"] if e["label"] == "GPE"] == ["Okinawa", "Okinawa"]
    assert record(annotated[0], "declared")["source"]["title"] == "Declared"


def test_inputs_unicode_text_saved_with_a_byte_order_mark_is_read_not_taken_for_binary(tmp_path):
    root = tmp_path / "data"
    text = "Prime Minister Shigeru Yoshida visited Okinawa."
    make_corpus(root, {
        "windows.txt": text.encode("utf-16"), "wide.txt": text.encode("utf-32"), "be.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "declared.txt": text.encode("utf-16-le"), "declared.meta.json": b'{"encoding": "utf-16-le"}', "binary.txt": b"\x00\x01binary\xff",
    })  # fmt: skip
    result = run("annotate", "--json", cwd=root.parent)
    summary, folder = json.loads(result.stdout), root / "annotated"
    assert result.returncode != 0 and any(e.startswith("[E102] raw/binary.txt") for e in summary["errors"])  # NUL bytes without a mark: binary
    for doc_id, encoding in (("windows", "utf-16"), ("wide", "utf-32"), ("be", "utf-16"), ("declared", "utf-16-le")):
        doc = record(folder, doc_id)
        assert doc["text"] == text and doc["source"]["encoding"] == encoding
        assert (root / "raw" / f"{doc_id}.txt").read_bytes().decode(encoding) == doc["raw_text"]
        assert [e["text"] for e in doc["entities"]] == ["Shigeru Yoshida", "Okinawa"]
    assert summary["warnings"] == []  # a byte-order mark declares the encoding as a sidecar does: nothing was guessed


def test_inputs_a_web_page_is_read_in_the_charset_its_meta_element_declares(tmp_path):
    root = tmp_path / "data"
    body = "<p>Prime Minister Shinzo Abe visited Okinawa (沖縄県) and met Governor Takeshi Onaga (翁長雄志).</p>"
    western = "<p>Yoshida’s “peace” treaty – 1951.</p>"
    make_corpus(root, {
        "sjis.html": f'<html><head><meta charset="Shift_JIS"></head><body>{body}</body></html>'.encode("shift_jis"),
        "latin.htm": f'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">{western}'.encode("cp1252"),
        "lies.html": f'<meta charset="utf-8">{western}<p>Yoshida’s government accepted the “security” pact the same day.</p>'.encode("cp1252"),
    })  # fmt: skip
    result = run("annotate", "--json", cwd=root.parent)
    summary, folder = json.loads(result.stdout), root / "annotated"
    assert result.returncode == 0, result.stderr.decode()
    sjis = record(folder, "sjis")
    assert sjis["source"]["encoding"] == "shift_jis" and "(沖縄県)" in sjis["text"] and "翁長雄志" in sjis["text"]
    latin = record(folder, "latin")
    assert latin["source"]["encoding"] == "cp1252" and "Yoshida’s “peace” treaty – 1951." in latin["text"]  # a page labelled Latin-1 is windows-1252, as browsers read it
    assert not any("sjis.html" in w or "latin.htm" in w for w in summary["warnings"])  # declared, not guessed
    assert "Yoshida’s “peace” treaty – 1951." in record(folder, "lies")["text"]  # a wrong declaration: detected instead, and said
    assert any(w.startswith("[W105] raw/lies.html: is not UTF-8") for w in summary["warnings"])


def test_cli_clean_reads_a_web_page_in_its_declared_charset(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes('<meta charset="shift_jis"><p>Okinawa (沖縄県) hosts bases.</p>'.encode("shift_jis"))
    result = run("clean", str(path))
    assert result.returncode == 0 and "Okinawa (沖縄県) hosts bases." in result.stdout.decode() and result.stderr == b""


def test_cli_an_output_path_that_is_a_file_is_refused_before_any_work(tmp_path):
    make_corpus(tmp_path / "data", {"a.txt": b"Shinzo Abe visited Okinawa."})
    (tmp_path / "data" / "records").write_bytes(b"not a folder")
    result = run("annotate", "--raw", "data/raw", "--out", "data/records", cwd=tmp_path)
    assert result.returncode == 2 and "data/records: is a file, not a folder" in result.stderr.decode()
    assert b"Traceback" not in result.stderr and (tmp_path / "data" / "records").read_bytes() == b"not a folder"


def test_cli_the_raw_folder_as_output_and_a_file_as_raw_folder_are_refused_before_any_work(tmp_path):
    raw = make_corpus(tmp_path / "data", {"a.txt": b"Shinzo Abe visited Okinawa."})
    result = run("annotate", "--raw", "data/raw", "--out", "data/raw/", cwd=tmp_path)
    assert result.returncode == 2 and "data/raw: is the raw folder; the records need a folder of their own" in result.stderr.decode()
    assert sorted(p.name for p in raw.iterdir()) == ["a.txt"] and b"Traceback" not in result.stderr
    result = run("annotate", "--raw", "data/raw/a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "data/raw/a.txt: is a file, not a folder" in result.stderr.decode()


def test_inputs_a_sidecar_with_no_document_of_its_name_is_named_in_a_warning(tmp_path):
    make_corpus(tmp_path / "data", {"abe.txt": b"Shinzo Abe visited Okinawa.", "Abe.meta.json": b'{"title": "Abe in Okinawa"}'})
    result = run("annotate", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["warnings"] == [
        "[W109] raw/Abe.meta.json: is the sidecar of no document (there is no Abe.txt, .html, .htm or .md beside it); it is not read"
    ]
    assert record(tmp_path / "data" / "annotated", "abe")["source"]["title"] is None


def test_inputs_a_linked_folder_is_not_walked_into_and_is_named_in_a_warning(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("Shigeru Yoshida signed in San Francisco.", encoding="utf-8")
    raw = make_corpus(tmp_path / "data", {"abe.txt": b"Shinzo Abe visited Okinawa."})
    (raw / "pages").symlink_to(outside, target_is_directory=True)
    result = run("annotate", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["warnings"] == [
        "[W111] raw/pages: is a linked folder; its files are not read (a link may lead outside the raw folder): "
        "copy the folder in, or link its files one by one (and allow links with --follow-symlinks)"
    ]
    assert sorted(path.name for path in (tmp_path / "data" / "annotated").iterdir()) == ["abe.json", "index.json"]


def test_inputs_records_written_inside_the_raw_folder_are_not_read_as_raw_files(tmp_path):
    raw = make_corpus(tmp_path / "data", {"a.txt": b"Shinzo Abe visited Okinawa."})
    for _ in range(2):
        result = run("annotate", "--raw", "data/raw", "--out", "data/raw/annotated", "--json", cwd=tmp_path)
        assert result.returncode == 0, result.stderr.decode()
        summary = json.loads(result.stdout)
        assert summary["warnings"] == [] and (raw / "annotated" / "a.json").is_file()


POST = (
    '---\ntitle: "Okinawa and the Futenma relocation"\ndate: 2021-04-16T09:00:00+09:00\nauthor: Jane Smith\n'
    "link: https://example.org/futenma\ntags:\n  - okinawa\n  - alliance\n---\n\n"
    "# Okinawa and the Futenma relocation\n\nGovernor Denny Tamaki has opposed the move of Marine Corps Air Station Futenma to Henoko since 2018.\n"
)


def test_inputs_a_markdown_posts_front_matter_is_metadata_not_prose(tmp_path):
    root = tmp_path / "data"
    make_corpus(root, {"post.md": POST.encode(), "dated.md": POST.encode(), "dated.meta.json": b'{"published": "2021-05-01"}'})
    result = run("annotate", "--json", cwd=root.parent)
    assert result.returncode == 0, result.stderr.decode()
    post = record(root / "annotated", "post")
    assert post["text"].startswith("Okinawa and the Futenma relocation\n")
    assert not any(word in post["text"] for word in ("Jane Smith", "title:", "tags:", "---"))
    assert "Jane Smith" not in {e["text"] for e in post["entities"]} and ("PERSON", "Denny Tamaki") in {(e["label"], e["text"]) for e in post["entities"]}
    source = post["source"]
    assert (source["title"], source["published"], source["url"]) == ("Okinawa and the Futenma relocation", "2021-04-16", "https://example.org/futenma")
    front = post["edits"][0]
    assert (front["rule"], front["raw_start"], front["after"]) == ("markup.front-matter", 0, "") and POST.startswith(front["before"])
    assert record(root / "annotated", "dated")["source"]["published"] == "2021-05-01"  # the sidecar has the last word


def test_inputs_a_text_that_opens_with_a_rule_line_keeps_it():
    from alliance_corpus import clean

    text = "---\nA horizontal rule, then prose about Okinawa.\n---\nMore prose."
    assert clean(text).text == text


def test_inputs_a_date_not_in_iso_form_is_named_in_a_warning(tmp_path):
    root = tmp_path / "data"
    make_corpus(root, {
        "iso.txt": b"Shinzo Abe visited Okinawa.", "iso.meta.json": b'{"published": "2021-04-16T09:00:00Z", "retrieved": "2024"}',
        "prose.txt": b"Shinzo Abe visited Naha.", "prose.meta.json": b'{"published": "April 2021"}',
        "post.md": b"---\ntitle: Naha\ndate: 16/04/2021\n---\nShinzo Abe visited Nago.\n",
    })  # fmt: skip
    result = run("annotate", "--json", cwd=root.parent)
    assert result.returncode == 0, result.stderr.decode()
    warnings = json.loads(result.stdout)["warnings"]
    assert any(w.startswith("[W108] raw/prose.meta.json: published 'April 2021' is not a date in ISO 8601 form") for w in warnings)
    assert not any("iso" in w for w in warnings)  # ISO dates and a year are dates
    assert record(root / "annotated", "prose")["source"]["published"] == "April 2021"  # kept as written; the filters skip it
    assert record(root / "annotated", "post")["source"]["published"] is None  # front matter gives only an ISO date


def test_cli_more_jobs_than_cores_run_one_process_per_core(tmp_path):
    """Each process loads the model, so processes beyond the cores cost memory and gain nothing: they are not started, and it is said."""
    import os

    cores = len(os.sched_getaffinity(0))
    make_corpus(tmp_path / "data", {f"{n}.txt": f"Shinzo Abe visited Okinawa in 201{n}.".encode() for n in range(3)})
    result = run("annotate", "--jobs", str(cores + 62), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert f"--jobs {cores + 62}: this machine has {cores} cores for this process; {cores} processes run" in result.stderr.decode()
    assert json.loads(result.stdout)["annotated"] == ["0", "1", "2"]


def test_inputs_a_page_with_no_words_once_cleaned_is_named_and_comments_of_a_fragment_go(tmp_path):
    make_corpus(tmp_path / "data", {
        "scripts.html": b"<html><head><script>var Okinawa = 1;</script></head><body></body></html>",
        "comment.html": b"<!-- only a comment about Okinawa -->",
        "fragment.html": b"<p>Shinzo Abe visited Okinawa.</p><!-- ad slot: Tokyo -->",
    })  # fmt: skip
    result = run("annotate", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    warnings = json.loads(result.stdout)["warnings"]
    assert sorted(w for w in warnings if w.startswith("[W110]")) == [
        f"[W110] raw/{name}.html: holds no words once its markup and page furniture are removed; its record is empty" for name in ("comment", "scripts")
    ]
    fragment = record(tmp_path / "data" / "annotated", "fragment")
    assert fragment["text"] == "Shinzo Abe visited Okinawa." and [e["text"] for e in fragment["entities"]] == ["Shinzo Abe", "Okinawa"]


@pytest.mark.parametrize(
    ("data", "encoding", "restored"),
    [
        # Latin-1 with one UTF-8 apostrophe: read as Macintosh Central European, "Cafť ... naÔve ... ‚Äô"
        (b"Caf\xe9 owners in Naha were na\xefve about the bases \xe2\x80\x99 and the treaty.\n", "cp1252",
         "Café owners in Naha were naïve about the bases ’ and the treaty.\n"),
        # UTF-8 with one stray byte: read as cp1250, every accented letter garbled for good
        ("Kōno Tarō met the minister in Tōkyō; the café was busy.\n".encode() + b"A stray \xff byte.\n", "iso8859-1",
         "Kōno Tarō met the minister in Tōkyō; the café was busy.\nA stray ÿ byte.\n"),
    ],
    ids=["latin-1-with-utf-8", "utf-8-with-a-stray-byte"],
)
def test_inputs_western_text_with_utf_8_pasted_in_is_read_as_windows_1252_and_its_mojibake_repaired(data, encoding, restored):
    """A helper's black-box tests: a file pasted together from two encodings."""
    from alliance_corpus.corpus.sources import decode_as
    from alliance_corpus.restore import clean

    text, detected = decode_as(data, "raw/mixed.txt")
    assert detected == encoding and text == data.decode(encoding)
    assert clean(text).text == restored
