"""Old module paths of release 0.2 still work, with a DeprecationWarning naming the new home."""

from __future__ import annotations

import importlib
import sys

import pytest

from alliance_corpus._compat import MOVED

OLD_NAMES = {
    "alliance_corpus.edits": ["Change", "apply_changes", "compose", "undo", "redo", "to_raw_span", "Projection", "trim"],
    "alliance_corpus.schema": ["json_schema", "migrate", "MIGRATIONS"],
    "alliance_corpus.datafiles": ["read_jsonl"],
    "alliance_corpus.gazetteer": ["Gazetteer", "GazetteerEntry", "load_gazetteer", "read_gazetteer", "KB_ID"],
    "alliance_corpus.linking": [
        "Mention", "link_mentions", "tidy", "relabel_documents", "name_documents", "unnamed_facilities",
        "split_compounds", "credit_mentions", "overlay", "surnames_of_people_named",
    ],
    "alliance_corpus.sources": ["RawDocument", "discover", "document_id", "read_raw", "decode", "read_sidecar"],
    "alliance_corpus.runner": ["annotate_corpus", "RunSummary", "summary_json"],
    "alliance_corpus.analysis": ["concordance", "cooccurrences", "Line"],
    "alliance_corpus.export": ["mention_rows", "to_displacy", "write_csv", "write_jsonl", "MENTION_FIELDS"],
    "alliance_corpus.evaluate": ["word_error_rate", "entity_scores", "Scores"],
    "alliance_corpus.restore.rules": ["Rule", "ALWAYS", "read_rules", "load_rules", "required_characters"],
    "alliance_corpus.restore.segments": ["find_segments", "find_credits", "Credit", "credit_pattern", "parse_credit"],
    "alliance_corpus.restore.garble": ["garble_score", "garble_evidence", "squash", "GARBLED", "UNSURE"],
    "alliance_corpus.restore.scripts": ["find_foreign_words", "word_script", "script_of"],
    "alliance_corpus.restore.steps": ["fix_encoding", "fix_markup", "apply_rules", "rule_changes", "fix_proper_casing", "split_rules"],
    "alliance_corpus.restore.context": ["apply_token_rules", "clause_without_verb", "trigger_regex"],
    "alliance_corpus.restore.names": ["fix_translated_names", "name_templates"],
}  # fmt: skip


def test_compat_lists_every_old_module():
    assert set(OLD_NAMES) == set(MOVED)


@pytest.mark.parametrize("old", sorted(OLD_NAMES))
def test_compat_old_module_warns_and_keeps_its_names(old):
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=rf"{old} is deprecated: import from {MOVED[old][0]}"):
        module = importlib.import_module(old)
    for name in OLD_NAMES[old]:
        assert getattr(module, name) is not None, f"{old}.{name}"


def test_compat_a_name_that_did_not_move_is_an_attribute_error():
    sys.modules.pop("alliance_corpus.evaluate", None)
    with pytest.warns(DeprecationWarning):
        module = importlib.import_module("alliance_corpus.evaluate")
    with pytest.raises(AttributeError, match="quality_report"):
        module.quality_report  # noqa: B018 -- the harness moved to benchmarks/quality.py


def test_compat_old_paths_give_the_same_objects_as_the_new_ones():
    from alliance_corpus.corpus.runner import annotate_corpus
    from alliance_corpus.text import compose

    with pytest.warns(DeprecationWarning):
        sys.modules.pop("alliance_corpus.runner", None)
        from alliance_corpus.runner import annotate_corpus as old_annotate_corpus
    with pytest.warns(DeprecationWarning):
        sys.modules.pop("alliance_corpus.edits", None)
        from alliance_corpus.edits import compose as old_compose
    assert old_annotate_corpus is annotate_corpus and old_compose is compose
