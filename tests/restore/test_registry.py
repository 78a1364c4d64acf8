"""The table of restoration steps: named, registered, and switched off by name."""

from __future__ import annotations

import re

import pytest

from alliance_corpus.records import WORD_KINDS
from alliance_corpus.resources import Resources
from alliance_corpus.restore import STEPS, RestoreConfig, clean, register
from alliance_corpus.restore.plan import build_plan
from alliance_corpus.text import Change

SPUN = "The alliance v Japan has actually been vital.There are much more than eighty U.S. Military facilities."


def test_registry_lists_the_bundled_steps_in_run_order():
    assert list(STEPS) == ["encoding", "markup", "layout", "leakage", "spin", "names", "senses", "places", "context", "casing"]
    assert [s.stage for s in STEPS.values()] == ["decode", "decode", "layout", "words", "words", "words", "words", "words", "words", "words"]
    assert {name for name, step in STEPS.items() if step.garbled_only} == {"names", "senses", "places", "context"}
    assert all(step.description and not step.description.endswith(":") for step in STEPS.values())


def test_registry_every_text_rule_belongs_to_exactly_one_step():
    resources = Resources.bundled()
    plan = build_plan(resources, ((s.name, s.rule_kinds) for s in STEPS.values()))
    owned = [rule.id for rules in plan.rules.values() for rule in rules]
    text_rules = [rule.id for rule in resources.rules if rule.match != "tokens"]
    assert sorted(owned) == sorted(text_rules)


@pytest.mark.parametrize("step", ["spin", "casing", "layout"])
def test_registry_a_disabled_step_makes_no_edits(step):
    kinds = {"spin": {"spin", "filler"}, "casing": {"casing"}, "layout": {"spacing"}}[step]
    assert kinds & {e.kind for e in clean(SPUN).edits}
    assert not kinds & {e.kind for e in clean(SPUN, config=RestoreConfig(disable=(step,))).edits}


def test_registry_disabling_context_is_the_same_as_context_rules_off():
    assert RestoreConfig(disable=("context",)).enabled_steps() == RestoreConfig(context_rules=False).enabled_steps()


def test_registry_an_unknown_step_name_is_refused_with_the_known_names():
    with pytest.raises(ValueError, match=r"unknown restoration step 'spelling'.*encoding, markup"):
        RestoreConfig(disable=("spelling",))


def test_registry_a_new_step_is_one_function_and_one_registration():
    @register("test-fleet", stage="words")
    def fleet(text, context):
        """Test step: 'armada' becomes 'fleet'."""
        return [Change(m.start(), m.end(), "fleet", "test.armada", "spin") for m in re.finditer(r"\barmada\b", text)]

    try:
        result = clean("The Seventh armada is based at Yokosuka.")
        assert result.text == "The Seventh fleet is based at Yokosuka."
        assert [(e.before, e.after, e.rule, e.kind) for e in result.edits] == [("armada", "fleet", "test.armada", "spin")]
        assert "spin" in WORD_KINDS
        off = clean("The Seventh armada is based at Yokosuka.", config=RestoreConfig(disable=("test-fleet",)))
        assert off.text == "The Seventh armada is based at Yokosuka."
    finally:
        del STEPS["test-fleet"]


def test_registry_refuses_a_second_step_of_the_same_name_or_rule_kind():
    with pytest.raises(ValueError, match="already registered"):
        register("spin", stage="words")(lambda text, context: [])
    with pytest.raises(ValueError, match=r"rule kinds \['casing'\] already belong"):
        register("test-casing", stage="words", rule_kinds=frozenset({"casing"}))(lambda text, context: [])
    assert "test-casing" not in STEPS
