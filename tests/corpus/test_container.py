"""The Corpus API: keyword in context for any term, metadata filters, DataFrames, and records read once."""

from __future__ import annotations

import os
import re
from datetime import date

import pytest

from alliance_corpus import load_corpus
from alliance_corpus.corpus import container, dumps, index_entry, write_atomic, write_index
from alliance_corpus.corpus.analysis import keyword_in_context, mentions_over_time, pattern
from alliance_corpus.corpus.dates import as_date
from alliance_corpus.corpus.formats.tables import TABLES
from alliance_corpus.records import SCHEMA_VERSION
from tests.conftest import DATA, SEED_ID

PUBLISHERS = ["Nikkei Asia", "The Diplomat", "Asahi Shimbun"]


@pytest.fixture(scope="session")
def dated(documents):
    """The test records with a publisher and a publication date each (2010, 2011...); the last has neither."""
    records = []
    for number, document in enumerate(documents):
        source = document.source.model_copy(update={"publisher": PUBLISHERS[number % 3], "published": f"{2010 + number}-03-15"})
        records.append(document.model_copy(update={"source": source}) if number < len(documents) - 1 else document)
    return records


@pytest.fixture
def corpus_folder(dated, tmp_path):
    for document in dated:
        write_atomic(tmp_path / f"{document.id}.json", dumps(document))
    write_index(tmp_path, [index_entry(d) for d in dated], SCHEMA_VERSION)
    return tmp_path


def test_container_concordance_finds_any_word_not_only_entities():
    corpus = load_corpus(DATA / "annotated")
    text = corpus[SEED_ID].text
    lines = list(corpus.concordance("alliance", width=25))
    assert len(lines) == len(re.findall(r"\balliance\b", text)) >= 2
    for line in lines:
        assert text[line.start : line.start + len(line.match)] == line.match == "alliance"
        assert len(line.left) <= 25 and "\n" not in line.left + line.right
    assert len(list(corpus.concordance("alliance", ignore_case=True))) == len(re.findall(r"(?i)\balliance\b", text))


def test_container_concordance_of_an_id_lists_the_entity_mentions():
    corpus = load_corpus(DATA / "annotated")
    lines = list(corpus.concordance("Q766445"))
    mentions = [e for e in corpus[SEED_ID].entities if e.kb_id == "Q766445"]
    assert [(line.match, line.start) for line in lines] == [(e.text, e.start) for e in mentions]


def test_container_concordance_phrase_spans_line_breaks_and_regex_works(documents):
    document = documents[0]
    broken = document.model_copy(update={"text": "the Status of\nForces Agreement and its statuses"})
    [line] = keyword_in_context([broken], "status of forces", ignore_case=True)
    assert (line.match, line.start) == ("Status of Forces", 4)
    assert [line.match for line in keyword_in_context([broken], r"status\w*", regex=True, ignore_case=True)] == ["Status", "statuses"]
    assert list(keyword_in_context([broken], "status")) == []  # whole words, case kept
    assert pattern("U.S.").pattern == r"\bU\.S\."
    with pytest.raises(ValueError, match="empty"):
        pattern("  ")


def test_container_filter_by_publisher_date_language_and_garble(corpus_folder, dated):
    corpus = load_corpus(corpus_folder)
    by_publisher = corpus.filter(publisher="nikkei asia")
    assert by_publisher.ids == sorted(d.id for d in dated if d.source.publisher == "Nikkei Asia")
    assert len(corpus.filter(publisher=["Nikkei Asia", "The Diplomat"])) == sum(d.source.publisher in PUBLISHERS[:2] for d in dated)
    window = corpus.filter(since="2012", until=date(2014, 12, 31))
    assert window.ids == sorted(d.id for d in dated if d.source.published and "2012" <= d.source.published[:4] <= "2014")
    assert len(window) == 3
    assert corpus.filter(language="fr").ids == ["fr_treaty"] and "fr_treaty" not in corpus.filter(language="en")
    scores = sorted(d.garble_score for d in dated)
    middle = scores[len(scores) // 2]
    assert len(corpus.filter(min_garble=middle)) == sum(s >= middle for s in scores)
    assert len(corpus.filter(max_garble=middle)) == sum(s <= middle for s in scores)
    both = corpus.filter(publisher="The Diplomat").filter(max_garble=middle)
    assert all(d.source.publisher == "The Diplomat" and d.garble_score <= middle for d in both)
    assert len(corpus) == len(dated)  # filtering leaves the corpus itself whole


def test_container_filter_leaves_out_documents_without_a_readable_date(corpus_folder, dated):
    undated = dated[-1].id
    corpus = load_corpus(corpus_folder)
    assert undated in corpus.filter(language=["en", "fr"])
    assert undated not in corpus.filter(since="1900-01-01")
    assert as_date("sometime in 2020") is None and as_date("2020-13-01") is None


@pytest.mark.parametrize(("bound", "value"), [("since", "2020-13-01"), ("until", "April 2021")])
def test_container_filter_refuses_a_bound_that_is_no_date(corpus_folder, dated, bound, value):
    with pytest.raises(ValueError, match=rf"{bound}='{value}' is not a date in ISO 8601 form"):
        load_corpus(corpus_folder).filter(**{bound: value})


@pytest.mark.parametrize("language", ["English", "EN", "en-US", ["en", "Japanese"]])
def test_container_filter_refuses_a_language_that_is_no_code(corpus_folder, dated, language):
    with pytest.raises(ValueError, match=r"language '\w+(-US)?' is not an ISO 639 code as records hold them"):
        load_corpus(corpus_folder).filter(language=language)


@pytest.mark.parametrize("table", TABLES)
def test_container_to_pandas_gives_one_typed_row_per_item(corpus_folder, dated, table):
    pytest.importorskip("pandas")
    frame = load_corpus(corpus_folder).to_pandas(table)
    field = {"documents": None, "evidence": "garble_evidence"}.get(table, table)
    assert len(frame) == (len(dated) if field is None else sum(len(getattr(d, field)) for d in dated))
    assert frame.columns[0] == "doc_id"


def test_container_dataframes_keep_columns_when_a_table_is_empty(corpus_folder):
    pytest.importorskip("pandas")
    french = load_corpus(corpus_folder).filter(language="fr")
    frame = french.to_pandas("entities")
    assert len(frame) == 0 and {"kb_id", "start", "label"} <= set(frame.columns)
    assert str(frame["start"].dtype) == "int64"


def test_container_to_polars_and_to_dataframe(corpus_folder, dated):
    pl = pytest.importorskip("polars")
    corpus = load_corpus(corpus_folder)
    edits = corpus.to_polars("edits")
    assert isinstance(edits, pl.DataFrame) and edits.height == sum(len(d.edits) for d in dated)
    assert edits.schema["clean_start"] == pl.Int64
    assert corpus.filter(language="fr").to_polars("entities").schema["kb_id"] == pl.String
    assert len(corpus.to_dataframe("documents")) == len(dated)


def test_container_reads_each_record_once_until_its_file_changes(corpus_folder, monkeypatch):
    reads = []
    real = container.read_document
    monkeypatch.setattr(container, "read_document", lambda path: reads.append(path.name) or real(path))
    corpus = load_corpus(corpus_folder)
    first = list(corpus)
    corpus.entity_counts()
    list(corpus.concordance("Japan"))
    corpus.filter(language="en").to_pandas("entities") if _has("pandas") else None
    assert len(reads) == len(corpus)
    changed = corpus_folder / f"{first[0].id}.json"
    data = changed.read_bytes()
    write_atomic(changed, data.replace(b'"garble_score": ', b'"garble_score":  ', 1))
    assert corpus[first[0].id] == first[0]
    assert reads.count(changed.name) == 2
    os.utime(changed, ns=(1, 1))
    corpus[first[0].id]
    assert reads.count(changed.name) == 3
    assert len(reads) == len(corpus) + 2


def test_container_without_cache_reads_every_time(corpus_folder, monkeypatch):
    reads = []
    real = container.read_document
    monkeypatch.setattr(container, "read_document", lambda path: reads.append(path.name) or real(path))
    corpus = load_corpus(corpus_folder, cache=False)
    list(corpus)
    list(corpus)
    assert len(reads) == 2 * len(corpus)


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_container_mentions_over_time_by_month_and_year(corpus_folder, dated):
    corpus = load_corpus(corpus_folder)
    by_month = corpus.mentions_over_time()
    expected: dict = {}
    for document in dated:  # counted here straight from the records and their dates
        month = document.source.published[:7] if document.source.published else None
        for e in document.entities:
            expected[month, e.canonical or e.text] = expected.get((month, e.canonical or e.text), 0) + 1
    assert dict(by_month) == expected
    undated = dated[0].model_copy(update={"source": dated[0].source.model_copy(update={"published": "2021"})})  # a year has no month
    assert set(mentions_over_time([undated])) == {(None, e.canonical or e.text) for e in undated.entities} != set()
    by_year = corpus.mentions_over_time("year", label="GPE")
    assert sum(by_year.values()) == sum(e.label == "GPE" for d in dated for e in d.entities)
    assert all(period is None or re.fullmatch(r"\d{4}", period) for period, _ in by_year)
    okinawa = corpus.mentions_over_time(entity="Q766445")
    assert {name for _, name in okinawa} == {"Okinawa"} and sum(okinawa.values()) == len(list(corpus.concordance("Q766445")))
    with pytest.raises(ValueError, match="period"):
        corpus.mentions_over_time("week")


def test_container_period_of_a_date_says_nothing_it_does_not_know():
    from alliance_corpus.corpus.analysis import period_of

    assert [period_of(v) for v in ("2021-05-03", "2021-12", "2021", "2021-13-01", "20210503", None, "")] == ["2021-05", "2021-12", None, None, None, None, None]
    assert [period_of(v, "year") for v in ("2021-05-03", "2021", "21", "12021")] == ["2021", "2021", None, None]


def test_container_a_replaced_local_id_and_its_wikidata_id_find_the_same_mentions(documents, tmp_path):
    from alliance_corpus import annotate
    from alliance_corpus.resources import Resources

    new = annotate("Defense Secretary Les Aspin flew to Naha on Monday.", doc_id="new")
    assert {e.text: e.kb_id for e in new.entities if e.kb_id} == {"Les Aspin": "Q1820456", "Naha": "Q181966"}
    # a record annotated before the ids were verified carries the local ids
    old_entities = [e.model_copy(update={"kb_id": {"Q1820456": "ac:les-aspin", "Q181966": "ac:naha"}.get(e.kb_id, e.kb_id)}) for e in new.entities]
    old = new.model_copy(update={"id": "old", "entities": old_entities})
    for document in (new, old):
        write_atomic(tmp_path / f"{document.id}.json", dumps(document))
    write_index(tmp_path, [index_entry(new), index_entry(old)], SCHEMA_VERSION)
    corpus = load_corpus(tmp_path)
    for either in ("Q1820456", "ac:les-aspin"):
        assert corpus.documents_mentioning(either) == ["new", "old"]
        assert [doc_id for doc_id, _ in corpus.mentions(kb_id=either)] == ["new", "old"]
        assert [line.doc_id for line in corpus.concordance(either)] == ["new", "old"]
        assert sum(corpus.mentions_over_time(entity=either).values()) == 2
    assert corpus.documents_mentioning("ac:kadena-town") == [] and corpus.same_entity("Okinawa") == {"Okinawa"}
    gazetteer = Resources.bundled().gazetteer
    replaced = [e for e in gazetteer.entries if e.former_ids]
    assert len(replaced) == 21 and all(e.id.startswith("Q") and "verified against" in e.evidence for e in replaced)


def test_container_a_folder_with_no_records_is_refused_with_where_they_may_be(tmp_path):
    with pytest.raises(FileNotFoundError, match=re.escape(f"{DATA}: holds no annotated records (no index.json, no record files); did you mean {DATA / 'annotated'}?")):
        load_corpus(DATA)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "abe.txt").write_text("Shinzo Abe visited Okinawa.", encoding="utf-8")
    (raw / "abe.meta.json").write_text('{"title": "Abe in Okinawa"}', encoding="utf-8")  # a sidecar is no record
    with pytest.raises(FileNotFoundError, match="it holds raw documents: their records are in the folder `alliance-corpus annotate --out` names"):
        load_corpus(raw)
    with pytest.raises(FileNotFoundError, match="no record files\\); records are written by `alliance-corpus annotate`"):
        load_corpus(tmp_path)
    write_index(tmp_path, [], SCHEMA_VERSION)  # a run that annotated nothing: an empty corpus, not an error
    assert len(load_corpus(tmp_path)) == 0
