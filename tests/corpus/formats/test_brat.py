"""brat standoff: .txt holds the restored text, .ann the T, N and # lines; spans and links come back."""

from __future__ import annotations

import re

import pytest

from alliance_corpus.corpus.formats import brat, export

T_LINE = re.compile(r"T\d+\t[A-Z_]+ \d+ \d+(;\d+ \d+)*\t[^\t\n]*")
N_LINE = re.compile(r"N\d+\tReference T\d+ [A-Za-z]+:[^\s]+\t[^\t\n]*")
NOTE_LINE = re.compile(r"#\d+\tAnnotatorNotes T\d+\t[^\t\n]+")


def test_brat_round_trip_gives_back_every_span_label_and_link(documents, tmp_path):
    export(documents, "brat", tmp_path)
    for document in documents:
        assert (tmp_path / f"{document.id}.txt").read_text(encoding="utf-8") == document.text
        back = brat.read_ann(tmp_path / f"{document.id}.ann")
        assert [(a.label, a.start, a.end, a.kb_id) for a in back] == [(e.label, e.start, e.end, e.kb_id) for e in document.entities]
        for annotation, entity in zip(back, document.entities):
            assert annotation.canonical == (entity.canonical or entity.text if entity.kb_id else None)
            assert ("source=" in annotation.notes) == (entity.source != "model")


def test_brat_lines_follow_the_standoff_grammar_and_offsets_slice_the_txt(documents, tmp_path):
    brat.write(documents, tmp_path)
    for document in documents:
        text = (tmp_path / f"{document.id}.txt").read_bytes().decode("utf-8")
        for line in (tmp_path / f"{document.id}.ann").read_text(encoding="utf-8").splitlines():
            assert T_LINE.fullmatch(line) or N_LINE.fullmatch(line) or NOTE_LINE.fullmatch(line), line
        for annotation in brat.read_ann(tmp_path / f"{document.id}.ann"):
            assert " ".join(text[a:b] for a, b in annotation.spans) == annotation.text
            assert all("\n" not in text[a:b] for a, b in annotation.spans)


def test_brat_writes_the_collection_configuration(documents, tmp_path):
    brat.write(documents, tmp_path)
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]" in conf and "\nGPE\n" in conf and "[relations]" in conf
    assert "<URLBASE>:https://www.wikidata.org/wiki/%s" in (tmp_path / "tools.conf").read_text(encoding="utf-8")


def test_brat_kb_ids_map_to_databases_and_back():
    assert brat.reference("Q30") == "Wikidata:Q30" and brat.kb_id_of("Wikidata:Q30") == "Q30"
    assert brat.reference("ac:anpo-protests") == "ac:anpo-protests" == brat.kb_id_of("ac:anpo-protests")


def test_brat_a_mention_over_a_line_break_is_a_discontinuous_span():
    from alliance_corpus.records import Entity

    text = "the United\nStates"
    entity = Entity(text="United\nStates", label="GPE", start=4, end=17, raw_start=4, raw_end=17, source="model")
    assert list(brat.ann_lines(text, [entity])) == ["T1\tGPE 4 10;11 17\tUnited States"]


def test_brat_export_reads_in_an_independent_brat_parser(documents, tmp_path):
    pybrat = pytest.importorskip("pybrat.parser")
    brat.write(documents, tmp_path)
    examples = {example.id: example for example in pybrat.BratParser(error="raise").parse(tmp_path)}
    assert len(examples) == len(documents)
    for document in documents:
        example = examples[document.id]
        assert example.text == document.text
        got = [(e.type, e.spans[0].start, e.spans[-1].end, [f"{r.rid}:{r.eid}" for r in e.references]) for e in example.entities]
        wanted = [(e.label, e.start, e.end, [brat.reference(e.kb_id)] if e.kb_id else []) for e in document.entities]
        assert sorted(got) == sorted(wanted)
