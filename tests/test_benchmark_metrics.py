"""The metrics of the benchmarks that report figures in the README: each must fail when it is wrong."""

from __future__ import annotations

import induce_eval
import pytest
import webgold

TEXT = "Kadena Air Base lies in Kadena.\nU.S.-Japan talks\nOpening Remarks"
GOLD = [
    {"start": 0, "end": 15, "label": "FAC", "line_kind": "body"},  # Kadena Air Base
    {"start": 24, "end": 30, "label": "GPE", "line_kind": "body"},  # Kadena
    {"start": 32, "end": 36, "label": "GPE", "line_kind": "heading"},  # U.S.
    {"start": 37, "end": 42, "label": "GPE", "line_kind": "heading"},  # Japan
]


def test_webgold_judge_classes_each_mention_by_the_first_kind_that_fits():
    assert TEXT[0:15] == "Kadena Air Base" and TEXT[24:30] == "Kadena" and TEXT[32:36] == "U.S." and TEXT[37:42] == "Japan"
    cases = {
        ("FAC", 0, 15): "right",
        ("ORG", 0, 15): "wrong-label",
        ("GPE", 0, 6): "fragment",  # inside the base's name
        ("GPE", 24, 31): "wrong-span",  # "Kadena." overlaps the town but is not inside it
        ("GPE", 24, 36): "crosses-line",
        ("ORG", 32, 42): "wrong-span",  # "U.S.-Japan" covers two gold mentions
        ("GPE", 32, 37): "fragment",  # "U.S.-" ends with a hyphen
        ("PERSON", 49, 64): "not-a-name",  # "Opening Remarks"
    }
    assert TEXT[49:64] == "Opening Remarks"
    assert {mention: webgold.judge(mention, GOLD, TEXT) for mention in cases} == cases


def test_webgold_line_kinds_follow_the_gold_then_the_line_shape():
    page = {"text": "A long body sentence about the alliance, with a comma, ends here.\nShort Heading\nKadena.", "entities": [
        {"start": 66, "end": 71, "label": "ORG", "line_kind": "body"},  # "Short", marked body by the annotator
    ]}
    assert page["text"][66:71] == "Short"
    assert webgold.line_kinds(page) == {0: "body", 66: "body", 80: "body"}
    page["entities"] = []
    assert webgold.line_kinds(page) == {0: "body", 66: "heading", 80: "body"}


def test_induce_eval_summary_is_the_mean_and_its_reduction_from_raw():
    rows = [
        {"wer": {"raw": 0.2, "induced_alone": 0.1, "hand_written": 0.2, "hand_written_and_induced": 0.05}},
        {"wer": {"raw": 0.4, "induced_alone": 0.5, "hand_written": 0.1, "hand_written_and_induced": 0.05}},
    ]
    result = induce_eval.summary(rows)
    assert result["passages"] == 2
    assert result["mean_wer"] == {"raw": 0.3, "induced_alone": 0.3, "hand_written": 0.15, "hand_written_and_induced": 0.05}
    assert result["relative_reduction"] == {"induced_alone": 0.0, "hand_written": 0.5, "hand_written_and_induced": 0.8333}


@pytest.mark.parametrize("folder", ["webgold", "webdev"])
def test_web_gold_pages_are_well_formed(folder):
    """Every gold mention of the web gold set and of the development set matches its text, on one line, with a name-type label."""
    from alliance_corpus.records import NAMED_LABELS

    pages = webgold.load_pages(webgold.ROOT / "tests" / "data" / folder)
    assert len(pages) >= 15
    for page in pages:
        text = page["text"]
        spans = sorted((g["start"], g["end"]) for g in page["entities"])
        assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:])), page["id"]  # no two mentions overlap
        for g in page["entities"]:
            assert text[g["start"] : g["end"]] == g["text"] and "\n" not in g["text"], (page["id"], g)
            assert g["label"] in NAMED_LABELS and g["line_kind"] in {"heading", "body"}, (page["id"], g)


def test_damage_kinds_counts_every_item_of_the_development_set_once():
    import json

    import damage_kinds

    from tests.conftest import ROOT

    folder = ROOT / "tests" / "data" / "spun_dev"
    report = damage_kinds.kinds_report(folder)
    listed = [item["kind"] for path in sorted(folder.glob("*.json")) for item in json.loads(path.read_bytes())["damage"]]
    assert {kind: counts["items"] for kind, counts in report.items()} == {kind: listed.count(kind) for kind in set(listed)}
    assert all(0 <= counts["repaired"] <= counts["items"] for counts in report.values())
    assert report["casing"]["repaired"] == report["casing"]["items"]  # the seed's kinds of damage are all repaired
