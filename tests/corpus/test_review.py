"""The review site: written by the real command, read by a real browser (headless Chromium), hostile text kept inert."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alliance_corpus.corpus.io import dumps, index_entry, write_index
from alliance_corpus.corpus.review import Mark, entity_link, marked
from alliance_corpus.records import SCHEMA_VERSION, AnnotatedDocument
from tests.conftest import DATA, SEED_ID
from tests.test_cli import run

HOSTILE_TITLE = "</title><script>document.title='owned'</script>"
HOSTILE_RAW = "<script>document.body.innerHTML='owned'</script> Japan v Korea met at Camp Schwab, said Tanaka."
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed here (.ci/run installs it: apt-get install chromium)")


def hostile_document() -> AnnotatedDocument:
    raw = HOSTILE_RAW
    start = raw.index(" v ") + 1
    text = raw[:start] + "with" + raw[start + 1 :]
    japan, schwab, tanaka = text.index("Japan"), text.index("Camp Schwab"), text.index("Tanaka")
    shift = len("with") - 1
    return AnnotatedDocument.model_validate({
        "id": "hostile", "raw_text": raw, "text": text,
        "source": {"path": "raw/hostile.txt", "sha256": "0" * 64, "title": HOSTILE_TITLE},
        "edits": [{"raw_start": start, "raw_end": start + 1, "clean_start": start, "clean_end": start + 4,
                   "before": "v", "after": "with", "rule": "spin.with", "kind": "spin"}],
        "segments": [], "sentences": [{"start": 0, "end": len(text)}],
        "flags": [{"start": tanaka, "end": tanaka + 6, "text": "Tanaka", "kind": "suspect", "note": "<b>odd</b> name",
                   "suggestions": ["Tanaka Kakuei", "<img src=x onerror=alert(1)>"]}],
        "entities": [
            {"text": "Japan", "label": "GPE", "start": japan, "end": japan + 5, "raw_start": japan, "raw_end": japan + 5,
             "canonical": "Japan", "kb_id": "Q17", "source": "gazetteer"},
            {"text": "Camp Schwab", "label": "FAC", "start": schwab, "end": schwab + 11, "raw_start": schwab - shift,
             "raw_end": schwab - shift + 11, "canonical": "Camp Schwab", "kb_id": "ac:camp-schwab", "source": "gazetteer"},
        ],
        "garble_score": 0.7, "language": {"code": "en", "confidence": 0.99},
        "pipeline": {"alliance_corpus": "test", "spacy": "-", "model": "-", "model_version": "-", "resources": "-", "fingerprint": "-"},
    })  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The seed's record and a hostile one in an annotated folder, and the site `alliance-corpus review` writes."""
    root = tmp_path_factory.mktemp("corpus")
    annotated = root / "annotated"
    annotated.mkdir()
    shutil.copy(DATA / "annotated" / f"{SEED_ID}.json", annotated)
    seed = AnnotatedDocument.model_validate_json((annotated / f"{SEED_ID}.json").read_bytes())
    hostile = hostile_document()
    (annotated / "hostile.json").write_bytes(dumps(hostile))
    write_index(annotated, [index_entry(seed), index_entry(hostile)], SCHEMA_VERSION)
    result = run("review", str(annotated), "-o", str(root / "site"))
    assert result.returncode == 0, result.stderr.decode()
    assert "review site: 2 documents" in result.stdout.decode()
    return root / "site"


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes, and the text inside each tag kind that matters here."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in wanted.items()}  # class_ -> class, data_kb_id -> data-kb-id
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]


def browser_dom(page: Path) -> str:
    """The DOM of ``page`` after Chromium has run its scripts, serialized."""
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom", page.as_uri()],
        capture_output=True, timeout=120, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_review_marked_escapes_and_nests_overlapping_marks():
    out = marked("<a> Japan", [Mark(4, 9, "mark", {"class": "ent"}), Mark(0, 3, "mark", {"title": '"x"'}), Mark(9, 9, "i")])
    assert out == '<mark title="&quot;x&quot;">&lt;a&gt;</mark> <mark class="ent">Japan</mark><i></i>'


def test_review_entity_links_go_to_wikidata_or_the_gazetteer_page():
    assert entity_link("Q766445") == "https://www.wikidata.org/wiki/Q766445"
    assert entity_link("ac:yoshida-doctrine") == "../gazetteer.html#ac:yoshida-doctrine"


def test_review_site_is_deterministic_and_offline(site, tmp_path):
    again = tmp_path / "again"
    assert run("review", str(site.parent / "annotated"), "-o", str(again)).returncode == 0
    for page in sorted(site.rglob("*.html")):
        assert (again / page.relative_to(site)).read_bytes() == page.read_bytes(), page
        text = page.read_text()
        assert "src=\"http" not in text and "<link" not in text and "@import" not in text


def test_review_document_page_names_each_rule_and_its_note(site):
    page = Elements((site / "doc" / f"{SEED_ID}.html").read_text())
    seed = AnnotatedDocument.model_validate_json((site.parent / "annotated" / f"{SEED_ID}.json").read_bytes())
    marks = page.find("mark", data_rule="spin.name.states")
    assert len(marks) == 2 * sum(e.rule == "spin.name.states" for e in seed.edits) > 0  # in the raw and the restored text
    assert all(m["data-kind"] == "spin" and m["data-note"].startswith("spin.name.states: 'States' is read as the verb") for m in marks)
    assert len(page.find("tr", class_="edit-row")) == len(seed.edits)


def test_review_local_ids_link_to_an_entry_of_the_gazetteer_page(site):
    doc = Elements((site / "doc" / f"{SEED_ID}.html").read_text())
    gazetteer = Elements((site / "gazetteer.html").read_text())
    anchors = {a["id"] for _, a in gazetteer.tags if "id" in a}
    local = [a["href"] for _, a in doc.tags if a.get("href", "").startswith("../gazetteer.html#")]
    assert local and all(href.split("#", 1)[1] in anchors for href in local)
    assert not doc.find("a", href="#")


def test_review_index_lists_every_document_with_its_counts(site):
    rows = {a["data-id"]: a for a in Elements((site / "index.html").read_text()).find("tr") if "data-id" in a}
    assert set(rows) == {SEED_ID, "hostile"}
    assert rows["hostile"] == {"data-id": "hostile", "data-file": "raw/hostile.txt", "data-title": HOSTILE_TITLE, "data-language": "en", "data-garble_score": "0.7000",
                               "data-edits": "1", "data-flags": "1", "data-entities": "2"}  # fmt: skip


def test_cli_review_refuses_a_missing_corpus(tmp_path):
    result = run("review", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and "no such annotated corpus folder" in result.stderr.decode()


@needs_chromium
def test_review_browser_shows_edits_entities_and_flags(site):
    dom = Elements(browser_dom(site / "doc" / "hostile.html"))
    assert [m["data-rule"] for m in dom.find("mark", class_="edit kind-spin")] == ["spin.with", "spin.with"]
    japan = dom.find("mark", class_="ent", data_label="GPE")
    assert japan and japan[0]["data-kb-id"] == "Q17" and japan[0]["data-canonical"] == "Japan"
    assert dom.find("a", href="https://www.wikidata.org/wiki/Q17")
    assert dom.find("mark", class_="ent", data_label="FAC", data_kb_id="ac:camp-schwab")
    assert dom.find("a", href="../gazetteer.html#ac:camp-schwab")
    assert dom.find("mark", class_="flag", data_kind="suspect")
    assert [a["data-kind"] for a in dom.find("tr", class_="flag-row")] == ["suspect"]


@needs_chromium
def test_review_browser_runs_no_script_from_the_text(site):
    raw_dom = browser_dom(site / "doc" / "hostile.html")
    dom = Elements(raw_dom)
    assert not dom.find("script") and not dom.find("img") and not dom.find("b")
    assert "owned" not in raw_dom.split("<body", 1)[1].split("&lt;script&gt;", 1)[0]  # the script never replaced the body
    assert "&lt;script&gt;document.body.innerHTML='owned'&lt;/script&gt;" in raw_dom
    assert "<title>&lt;/title&gt;&lt;script&gt;document.title='owned'&lt;/script&gt;</title>" in raw_dom


@needs_chromium
def test_review_browser_runs_the_index_script(site):
    dom = Elements(browser_dom(site / "index.html"))
    assert dom.find("body", data_script="ran")  # the Content-Security-Policy lets the site's own script run
    assert [a["data-id"] for a in dom.find("tr") if "data-id" in a] == [SEED_ID, "hostile"]


@needs_chromium
def test_review_browser_screenshot(site, tmp_path):
    shot = tmp_path / "document.png"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1280,1600",
         f"--screenshot={shot}", (site / "doc" / f"{SEED_ID}.html").as_uri()],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_review_site_written_from_an_uncached_corpus_keeps_no_record_and_matches_the_command(site, tmp_path):
    # each page is written as its record is read: the memory the site takes does not grow with the corpus
    from alliance_corpus.corpus import load_corpus
    from alliance_corpus.corpus.review import write_review_site

    corpus = load_corpus(site.parent / "annotated", cache=False)
    pages = write_review_site(corpus, tmp_path / "site")
    assert corpus._records == {}
    assert [p.relative_to(tmp_path / "site").as_posix() for p in pages] == ["index.html", "gazetteer.html", f"doc/{SEED_ID}.html", "doc/hostile.html"]
    for page in pages:
        assert page.read_bytes() == (site / page.relative_to(tmp_path / "site")).read_bytes()


def test_review_sites_memory_does_not_grow_with_the_corpus(tmp_path):
    import tracemalloc

    from bench_queries import synthetic_corpus

    from alliance_corpus.corpus import load_corpus
    from alliance_corpus.corpus.review import write_review_site

    peaks = []
    for documents in (1, 10, 40):  # the first loads the rules and the gazetteer, which stay loaded
        folder = tmp_path / f"corpus{documents}" / "annotated"
        folder.mkdir(parents=True)
        synthetic_corpus(folder, documents)
        corpus = load_corpus(folder, cache=False)
        tracemalloc.start()
        write_review_site(corpus, tmp_path / f"site{documents}")
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[2] < 1.5 * peaks[1], peaks  # four times the documents; holding every record and page took four times the memory
