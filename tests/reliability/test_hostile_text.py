"""Hostile text stays inert: in terminal output, in messages, in CSV cells and in HTML."""

from __future__ import annotations

import csv
import json
import os
import pty
import select
import subprocess
import sys

from alliance_corpus import annotate_corpus, load_corpus
from alliance_corpus.cli import render_diff
from alliance_corpus.corpus.export import mention_rows, neutralise, to_displacy, write_csv
from alliance_corpus.restore import clean
from alliance_corpus.terminal import inert
from tests.conftest import make_corpus

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m"
CLI = [sys.executable, "-m", "alliance_corpus.cli"]


def _on_a_terminal(*args: str) -> str:
    """Run the command with its standard output on a pseudo-terminal, as a user at a terminal sees it."""
    main, secondary = pty.openpty()
    process = subprocess.Popen([*CLI, *args], stdout=secondary, stderr=subprocess.DEVNULL)
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_hostile_inert_escapes_every_control_sequence():
    shown = inert(f"Okinawa{ESCAPES}\u202eevil\u2066 Base\r\n\tnext")
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown and "\r" not in shown
    assert shown == "Okinawa\\x1b]0;owned\\x07\\x1b[2J\\x1b[31m\\u202eevil\\u2066 Base\\x0d\n\tnext"


def test_hostile_clean_removes_terminal_escapes_as_edits_and_a_terminal_never_obeys_them(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(f"The alliance v Japan{ESCAPES} endures after people War II.\n", encoding="utf-8")  # spun: over the gate
    for args in [("clean", str(path)), ("clean", "--diff", str(path))]:
        shown = _on_a_terminal(*args)
        assert "\x1b]0;" not in shown and "\x07" not in shown and "\x1b[2J" not in shown
    assert "\\x1b]0;owned\\x07" in _on_a_terminal("clean", "--diff", str(path))  # what was removed is shown, as text
    piped = subprocess.run([*CLI, "clean", "--json", str(path)], capture_output=True, timeout=120)
    result = json.loads(piped.stdout)
    assert result["text"] == "The alliance with Japan endures after World War II.\n"  # control characters are no text of a record
    assert "".join(e["before"] for e in result["edits"] if e["rule"] == "ws.control") == ESCAPES  # kept in the edits, reversible


def test_hostile_file_names_are_inert_in_messages(tmp_path):
    raw = make_corpus(tmp_path, {f"bad{ESCAPES}.txt": b"  \n", "good.txt": b"Okinawa hosts Kadena Air Base.\n"})
    result = subprocess.run([*CLI, "annotate", "--raw", str(raw), "--out", str(tmp_path / "out")], capture_output=True, timeout=300)
    assert result.returncode == 1
    assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr and b"\x1b" not in result.stdout
    assert b"bad\\x1b]0;owned\\x07" in result.stderr and b"[E101]" in result.stderr


def test_hostile_render_diff_for_a_terminal_escapes_the_text_but_keeps_its_colours():
    result = clean(f"The alliance v Japan{ESCAPES} endures after people War II.")
    shown = render_diff(result.text, result.edits, color=True, safe=True)
    assert "\x1b]0;" not in shown and "\x1b[2J" not in shown
    assert "\x1b[32m{+with+}\x1b[0m" in shown  # our own colour codes stay


def test_hostile_csv_cells_that_spreadsheets_would_run_are_neutralised(tmp_path):
    rows = [
        {"doc_id": "a", "label": "PERSON", "text": "=HYPERLINK(\"http://x\")", "canonical": "+cmd", "kb_id": "@SUM(1)",
         "start": 0, "end": 5, "raw_start": -1, "raw_end": None, "source": "-2+3", "segment": "\tbody", "sentence": 0},
    ]  # fmt: skip
    path = tmp_path / "mentions.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        write_csv(rows, stream)
    with path.open(newline="", encoding="utf-8") as stream:
        cells = next(csv.DictReader(stream))
    assert cells["text"] == "'=HYPERLINK(\"http://x\")"
    assert cells["canonical"] == "'+cmd" and cells["kb_id"] == "'@SUM(1)" and cells["source"] == "'-2+3"
    assert cells["segment"] == "'\tbody"
    assert cells["raw_start"] == "-1"  # numbers are numbers, not formulas
    assert neutralise("Okinawa") == "Okinawa"


def test_hostile_csv_export_of_a_real_corpus_neutralises_a_hostile_title_free_text(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": b"=1+1 was the answer, said Defense Secretary Lloyd Austin in Tokyo.\n"})
    out = tmp_path / "annotated"
    annotate_corpus(raw, out)
    path = tmp_path / "mentions.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        write_csv(mention_rows(load_corpus(out)), stream)
    with path.open(newline="", encoding="utf-8") as stream:
        cells = [value for row in csv.reader(stream) for value in row]
    assert all(not value.startswith(("=", "+", "@")) for value in cells)


def test_hostile_displacy_title_is_escaped_and_renders_inert(tmp_path):
    from spacy import displacy

    raw = make_corpus(tmp_path, {"a.txt": b"<b>Okinawa</b> hosts Kadena Air Base.\n"})
    (raw / "a.meta.json").write_text(json.dumps({"title": "<script>alert('owned')</script>"}))
    out = tmp_path / "annotated"
    annotate_corpus(raw, out)
    data = to_displacy(load_corpus(out)["a"])
    assert data["title"] == "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;"
    html = displacy.render(data, style="ent", manual=True, page=True)
    assert "<script>" not in html and "&lt;script&gt;" in html
