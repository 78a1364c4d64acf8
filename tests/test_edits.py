"""The offset algebra: applying, composing, undoing and projecting edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_corpus.records import check_edits
from alliance_corpus.text import Change, Projection, apply_changes, compose, redo, to_raw_span, trim, undo


def test_edits_apply_records_both_coordinates():
    raw = "The alliance v Japan"
    applied = apply_changes(raw, [Change(13, 14, "with", "spin.with", "spin")])
    (edit,) = applied.edits
    assert applied.text == "The alliance with Japan"
    assert (edit.raw_start, edit.raw_end, edit.clean_start, edit.clean_end) == (13, 14, 13, 17)
    assert raw[edit.raw_start : edit.raw_end] == edit.before == "v"
    assert applied.text[edit.clean_start : edit.clean_end] == edit.after == "with"


def test_edits_overlap_prefers_longest_then_earliest():
    raw = "people War II"
    changes = [Change(0, 6, "persons", "short", "spin"), Change(0, 13, "World War II", "long", "spin")]
    assert apply_changes(raw, changes).text == "World War II"


def test_edits_noop_change_never_hides_another():
    raw = "much more than"
    noop = Change(0, 14, "much more than", "noop", "filler")
    real = Change(0, 4, "", "drop", "filler")
    assert apply_changes(raw, [noop, real]).text == " more than"


def test_edits_trim_keeps_only_differing_words():
    assert trim("has actually been", Change(0, 12, "has", "r", "filler")) == Change(3, 12, "", "r", "filler")
    assert trim("east Asia", Change(0, 9, "East Asia", "r", "casing")) == Change(0, 4, "East", "r", "casing")


def test_edits_compose_merges_touching_edits_and_keeps_rule_ids():
    raw = "a nuclear phibìc Korea"
    first = apply_changes(raw, [Change(10, 16, "north", "leak.vi.north", "leakage")])
    second = apply_changes(first.text, [Change(10, 11, "N", "case.compass-name", "casing")])
    (edit,) = compose(raw, first.edits, second.edits)
    assert (edit.before, edit.after, edit.rule, edit.kind) == ("phibìc", "North", "leak.vi.north+case.compass-name", "leakage")
    check_edits(raw, second.text, [edit])


def test_edits_project_span_onto_raw():
    raw = "after people War II ended"
    applied = apply_changes(raw, [Change(6, 12, "World", "spin.name.world", "spin")])
    start = applied.text.index("World War II")
    assert to_raw_span(applied.edits, start, start + len("World War II")) == (6, 19)
    assert to_raw_span(applied.edits, start + 1, start + 5) is None  # inside replaced wording


def test_edits_projection_of_inserted_text_is_null():
    applied = apply_changes("ab", [Change(1, 1, "XYZ", "insert", "spacing")])
    assert to_raw_span(applied.edits, 1, 4) is None


@st.composite
def text_and_steps(draw):
    text = draw(st.text(alphabet="ab ", max_size=30))
    steps = []
    current = text
    for _ in range(draw(st.integers(1, 4))):
        changes = []
        for _ in range(draw(st.integers(0, 4))):
            start = draw(st.integers(0, len(current)))
            end = draw(st.integers(start, min(len(current), start + 3)))
            changes.append(Change(start, end, draw(st.text(alphabet="abXY ", max_size=3)), f"r{len(steps)}", "spin"))
        applied = apply_changes(current, changes)
        steps.append(applied)
        current = applied.text
    return text, steps


@settings(max_examples=300, deadline=None)
@given(text_and_steps())
def test_edits_composed_steps_are_reversible(case):
    raw, steps = case
    edits = []
    for applied in steps:
        edits = compose(raw, edits, applied.edits)
    final = steps[-1].text
    check_edits(raw, final, edits)
    assert undo(final, edits) == raw
    assert redo(raw, edits) == final


@settings(max_examples=300, deadline=None)
@given(text_and_steps(), st.data())
def test_edits_projected_span_rewrites_to_the_restored_span(case, data):
    raw, steps = case
    edits = []
    for applied in steps:
        edits = compose(raw, edits, applied.edits)
    text = steps[-1].text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Projection(edits).span(start, end)
    if span is None:
        return
    raw_start, raw_end = span
    inside = [
        e for e in edits
        if raw_start <= e.raw_start and e.raw_end <= raw_end and start <= e.clean_start and e.clean_end <= end
    ]
    shifted = [e._replace(raw_start=e.raw_start - raw_start, raw_end=e.raw_end - raw_start) for e in inside]
    assert redo(raw[raw_start:raw_end], shifted) == text[start:end]
