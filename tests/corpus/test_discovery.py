"""Source discovery: each spun document's original found among same-topic documents, at a bounded cost."""

from __future__ import annotations

import random
import time
from pathlib import Path

import orjson

from alliance_corpus.corpus.discovery import candidate_counts, find_originals
from alliance_corpus.corpus.runner import with_originals
from alliance_corpus.corpus.sources import read_all
from alliance_corpus.errors import DocumentError
from tests.conftest import ROOT

SETS = ("garbled", "garbled_dev", "garbled_holdout", "garbled_holdout2", "spun_dev", "spun_holdout")
CASES = [(f"{name}-{path.stem}", orjson.loads(path.read_bytes())) for name in SETS for path in sorted((ROOT / "tests" / "data" / name).glob("*.json"))]


def build_corpus(root: Path) -> dict[str, str | None]:
    """Every spun passage in ``raw/``; most originals in ``reference/``, a few in ``raw/``, every fifth left out.

    Returns, for each spun document's path, the path of its original (``None`` if it is not in the corpus):
    every original in the corpus is a same-topic distractor for all the other copies.
    """
    expected: dict[str, str | None] = {}
    for n, (name, case) in enumerate(CASES):
        (root / "raw").mkdir(exist_ok=True)
        (root / "reference").mkdir(exist_ok=True)
        (root / "raw" / f"{name}.txt").write_text(case["garbled"], encoding="utf-8")
        folder = None if n % 5 == 4 else "raw" if n % 5 == 3 else "reference"
        if folder:
            (root / folder / f"{name}.original.txt").write_text(case["original"], encoding="utf-8")
        expected[f"raw/{name}.txt"] = f"{folder}/{name}.original.txt" if folder else None
    return expected


def discovered(root: Path) -> list:
    documents, _, _ = read_all(root / "raw", root)
    references, _, _ = read_all(root / "reference", root)
    return with_originals(documents, references)


def test_discovery_precision_is_one_among_same_topic_distractors(tmp_path):
    expected = build_corpus(tmp_path)
    documents = discovered(tmp_path)
    found = {d.source.path: d.source.derived_from for d in documents if d.reference is not None}
    wrong = {path: source for path, source in found.items() if expected.get(path) != source}
    assert not wrong  # precision 1.0: originals of the raw folder are never taken for copies either
    wanted = [path for path, source in expected.items() if source]
    recall = sum(path in found for path in wanted) / len(wanted)
    assert recall >= 0.95, recall


def test_discovery_restores_with_the_found_original(tmp_path):
    from alliance_corpus.restore import clean

    build_corpus(tmp_path)
    name, case = CASES[0]
    [document] = [d for d in discovered(tmp_path) if d.id == name]
    assert document.reference == case["original"]
    assert clean(document.text, reference=document.reference).text.split() == case["original"].split()


def test_discovery_keeps_a_sidecar_derived_from(tmp_path):
    build_corpus(tmp_path)
    name, _ = CASES[0]
    (tmp_path / "raw" / f"{name}.meta.json").write_text('{"derived_from": "a 2021 backgrounder"}', encoding="utf-8")
    [document] = [d for d in discovered(tmp_path) if d.id == name]
    assert document.source.derived_from == "a 2021 backgrounder" and document.reference is not None


def test_discovery_sidecar_reference_is_read_inside_the_corpus_only(tmp_path):
    name, case = CASES[0]
    (tmp_path / "raw").mkdir()
    (tmp_path / "originals").mkdir()
    (tmp_path / "raw" / "copy.txt").write_text(case["garbled"], encoding="utf-8")
    (tmp_path / "originals" / "a.txt").write_text(case["original"], encoding="utf-8")
    (tmp_path / "raw" / "copy.meta.json").write_text('{"reference": "originals/a.txt"}', encoding="utf-8")
    [document], errors, _ = read_all(tmp_path / "raw", tmp_path)
    assert not errors and document.reference == case["original"] and document.source.derived_from == "originals/a.txt"
    (tmp_path / "raw" / "copy.meta.json").write_text('{"reference": "../outside.txt"}', encoding="utf-8")
    (tmp_path.parent / "outside.txt").write_text("secret", encoding="utf-8")
    documents, [error], _ = read_all(tmp_path / "raw", tmp_path)
    assert not documents and isinstance(error, DocumentError) and error.code == "E105"
    assert (error.path, error.document) == ("raw/copy.meta.json", "raw/copy.txt") and "'../outside.txt' lies outside the corpus folder" in str(error)
    # a link inside the corpus that leads out of it is refused as a link
    (tmp_path / "originals" / "link.txt").symlink_to(tmp_path.parent / "outside.txt")
    (tmp_path / "raw" / "copy.meta.json").write_text('{"reference": "originals/link.txt"}', encoding="utf-8")
    documents, [error], _ = read_all(tmp_path / "raw", tmp_path)
    assert not documents and error.code == "E107" and error.document == "raw/copy.txt" and "the original raw/copy.meta.json names" in str(error)


def _synthetic(count: int, seed: int = 11) -> dict[str, str]:
    """``count`` same-topic documents: shared common words and names, each with its own mix of names and figures."""
    rng = random.Random(seed)
    names = [f"Name{n}" for n in range(3000)] + ["Japan", "Tokyo", "Okinawa", "Washington", "U.S."] * 40
    common = "the alliance with and of a in to was for on base treaty forces security".split()
    return {
        f"doc{n}": " ".join(rng.choice(names) if rng.random() < 0.25 else str(rng.randrange(1900, 2030)) if rng.random() < 0.03 else rng.choice(common) for _ in range(400))
        for n in range(count)
    }


def test_discovery_candidates_stay_few_at_ten_thousand_documents():
    texts = _synthetic(10_000)
    started = time.perf_counter()
    counts = candidate_counts(texts)
    assert time.perf_counter() - started < 120
    assert max(counts) <= 20 and sum(counts) / len(counts) < 1  # all pairs would be 9,999 each


def test_discovery_find_originals_leaves_a_pair_of_equal_scores_alone():
    _, case = CASES[0]
    assert find_originals({"a": case["garbled"], "b": case["original"]}, {}, lambda text: 0.5) == []


def test_discovery_copies_with_the_same_text_all_find_the_original():
    # A spun story posted on three sites: the copies are not each other's original, the original is theirs.
    _, case = CASES[0]
    documents = {"site-a": case["garbled"], "site-b": case["garbled"], "site-c": case["garbled"], "source": case["original"]}
    matches = find_originals(documents, {}, lambda text: 0.8 if text == case["garbled"] else 0.0)
    assert sorted((m.copy, m.original) for m in matches) == [("site-a", "source"), ("site-b", "source"), ("site-c", "source")]


def test_discovery_aligns_each_pair_of_distinct_texts_once(monkeypatch):
    from alliance_corpus.corpus import discovery

    _, case = CASES[0]
    calls = []
    real = discovery.containment
    monkeypatch.setattr(discovery, "containment", lambda copy, original: calls.append(1) or real(copy, original))
    documents = {f"copy{n}": case["garbled"] for n in range(200)} | {"source": case["original"]}
    matches = find_originals(documents, {}, lambda text: 0.8 if text == case["garbled"] else 0.0)
    assert len(matches) == 200 and {m.original for m in matches} == {"source"}
    assert len(calls) == 2  # copy against source, source against copy; not 200 x 200


def test_discovery_indexes_each_distinct_text_once(monkeypatch):
    # A crawl holds thousands of copies of one wire story: one entry in the index, not thousands of candidates each.
    from alliance_corpus.corpus import discovery

    _, case = CASES[0]
    signed = []
    real = discovery._signature
    monkeypatch.setattr(discovery, "_signature", lambda text: signed.append(1) or real(text))
    documents = {f"wire{n:04d}": case["original"] for n in range(3_000)} | {"spun": case["garbled"]}
    matches = find_originals(documents, {}, lambda text: 0.8 if text == case["garbled"] else 0.0)
    assert len(signed) == 2
    assert [(m.copy, m.original) for m in matches] == [("spun", "wire2999")]  # the original with the greatest id, as before


def test_discovery_a_copy_is_restored_again_when_its_original_changes(tmp_path):
    from alliance_corpus import annotate_corpus, load_corpus

    (_, first), (_, second) = CASES[0], CASES[1]
    (tmp_path / "raw").mkdir()
    (tmp_path / "originals").mkdir()
    (tmp_path / "raw" / "found.txt").write_text(first["garbled"], encoding="utf-8")
    (tmp_path / "raw" / "found.original.txt").write_text(first["original"], encoding="utf-8")
    (tmp_path / "raw" / "named.txt").write_text(second["garbled"], encoding="utf-8")
    (tmp_path / "raw" / "named.meta.json").write_text('{"reference": "originals/b.txt"}', encoding="utf-8")
    (tmp_path / "originals" / "b.txt").write_text(second["original"], encoding="utf-8")
    out = tmp_path / "annotated"
    assert sorted(annotate_corpus(tmp_path / "raw", out).annotated) == ["found", "found.original", "named"]
    assert load_corpus(out)["found"].source.derived_from == "raw/found.original.txt"
    assert annotate_corpus(tmp_path / "raw", out).annotated == []  # nothing changed
    (tmp_path / "originals" / "b.txt").write_text(second["original"] + " One more sentence.", encoding="utf-8")
    assert annotate_corpus(tmp_path / "raw", out).annotated == ["named"]  # its sidecar's original changed
    (tmp_path / "raw" / "found.original.txt").write_text(first["original"].replace("Japan", "Nippon", 1), encoding="utf-8")
    again = annotate_corpus(tmp_path / "raw", out)
    assert sorted(again.annotated) == ["found", "found.original"]  # the found original changed, so its copy is restored again
    assert load_corpus(out)["found"].source.derived_from == "raw/found.original.txt"


def test_discovery_two_edited_versions_of_one_story_keep_their_own_words(tmp_path):
    """A wire story as two outlets ran it, each lightly edited: neither is spun, so neither is restored to the other's words."""
    from alliance_corpus.restore.detect import GARBLED, garble_score

    story = CASES[0][1]["original"]
    glued = story.index(". ", 100)  # the second outlet's typo, a full stop with no space after it: a weak sign of spinning
    first = story + "\nReporting by a staff writer; editing by the desk."
    second = story[:glued] + "." + story[glued + 2 :] + "\nCopyright the other outlet. All rights reserved."
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "outlet_a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "raw" / "outlet_b.txt").write_text(second, encoding="utf-8")
    assert max(garble_score(first), garble_score(second)) < GARBLED and garble_score(first) != garble_score(second)
    documents, _, _ = read_all(tmp_path / "raw", tmp_path)
    assert all(d.reference is None and d.source.derived_from is None for d in with_originals(documents, []))
