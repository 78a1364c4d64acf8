"""The error table: every code in one place, with its exit status and message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliance_corpus.errors import ERRORS, EXIT_USAGE, DocumentError, ModelNotFoundError, ResourceError, message

SRC = Path(__file__).resolve().parents[1] / "src" / "alliance_corpus"
README = Path(__file__).resolve().parents[1] / "README.md"
CODE = re.compile(r"\bE[1-9]\d{2}\b")  # ours; E0xx are spaCy's own codes, which nlp.py reads


def test_errors_every_code_used_in_the_package_is_in_the_table():
    used = {code for path in SRC.rglob("*.py") if path.name != "errors.py" for code in CODE.findall(path.read_text())}
    assert used, "the package raises coded errors"
    assert used <= set(ERRORS), f"codes missing from the table: {sorted(used - set(ERRORS))}"


def test_errors_every_code_the_readme_documents_is_in_the_table():
    documented = set(CODE.findall(README.read_text(encoding="utf-8")))
    assert documented <= set(ERRORS)
    assert {"E101", "E103", "E105", "E201", "E301"} <= documented


def test_errors_templated_codes_are_raised_with_fields_not_with_a_written_message():
    call = re.compile(r"DocumentError\(\s*[^,]+,\s*\"(E\d{3})\"\s*(,\s*f?[\"'])?")
    calls = [(path.name, m) for path in SRC.rglob("*.py") for m in call.finditer(path.read_text())]
    assert len(calls) >= 8
    for name, match in calls:
        code, message_given = match.group(1), match.group(2)
        if message_given:
            assert ERRORS[code].template == "{problem}", f"{name} writes out the message of {code}"


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (DocumentError("raw/a.txt", "E101"), "[E101] raw/a.txt: is empty"),
        (DocumentError("raw/a.txt", "E103", byte="e9", offset=3), "[E103] raw/a.txt: is not valid UTF-8 (byte 0xe9 at offset 3); convert it to UTF-8"),
        (DocumentError("raw/a.meta.json", "E105", "sidecar must be a JSON object"), "[E105] raw/a.meta.json: sidecar must be a JSON object"),
        (DocumentError("raw/b.txt", "E106", doc_id="b", other="raw/b.TXT"), "[E106] raw/b.txt: its id 'b' is already used by raw/b.TXT"),
        (ResourceError("rules/mine.jsonl", 3, "confidence: bad"), "[E201] rules/mine.jsonl:3: confidence: bad"),
        (ResourceError("rules/mine.jsonl", None, "cannot be read"), "[E201] rules/mine.jsonl: cannot be read"),
    ],
)
def test_errors_messages_read_as_documented(error, text):
    assert str(error) == text


def test_errors_model_error_says_how_to_install_the_model():
    error = ModelNotFoundError("no_such_model")
    assert str(error).startswith("[E301] spaCy model 'no_such_model' is not installed.")
    assert "--model NAME" in str(error) and error.exit_status == EXIT_USAGE


def test_errors_template_fields_must_be_given():
    with pytest.raises(KeyError):
        message("E103", byte="ff")


@pytest.mark.parametrize("given", [b"Shinzo Abe visited Okinawa.", None, 5])
def test_errors_the_api_says_when_it_is_not_given_text(given):
    import alliance_corpus as ac

    expected = f"text must be a str, not {type(given).__name__}" + ('; decode it first, e.g. data.decode("utf-8")' if isinstance(given, bytes) else "")
    for function in (ac.clean, ac.annotate):
        with pytest.raises(TypeError) as raised:
            function(given)
        assert str(raised.value) == expected
    with pytest.raises(TypeError, match="^reference must be a str, not bytes"):
        ac.clean("Abe visited Okinawa.", reference=b"Abe visited Okinawa.")


def test_errors_a_model_folder_that_cannot_be_loaded_stops_the_run_once_with_e302(tmp_path):
    # a helper's black-box test: a folder with an empty meta.json gave one E199 line per document and exit 1
    from tests.conftest import make_corpus
    from tests.test_cli import run

    make_corpus(tmp_path / "data", {"a.txt": b"Shinzo Abe met Joe Biden.\n", "b.txt": b"Okinawa hosts bases.\n"})
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "meta.json").write_text("{}", encoding="utf-8")
    result = run("annotate", "--model", "model", cwd=tmp_path)
    said = result.stderr.decode()
    assert result.returncode == 2 and said.count("[E302] spaCy model 'model' cannot be loaded:") == 1 and "E199" not in said
