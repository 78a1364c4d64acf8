"""Running the registered steps: :func:`clean`.

1. the ``decode`` steps repair encoding and markup;
2. detection scores the text (:mod:`.detect`) from its own signals, never
   from the repair rules, counting spacing damage before the ``layout``
   steps repair it; the signals are kept, as spans of the raw text, in
   ``garble_evidence``;
3. the ``decode``, ``layout`` and ``words`` steps run until nothing changes
   (at most :data:`MAX_PASSES` times), the ``garbled_only`` ones only when
   the gate is open, so cleaning a cleaned text changes nothing;
4. the restored text is judged again (its language, its lines in another
   language, the gate), as cleaning it again would judge it; if the verdict
   differs (a line read as foreign before its mojibake was repaired, a gate
   that opens), the steps run again under the new one, at most
   :data:`MAX_ROUNDS` times.  An open gate stays open, and the score
   reported is the raw text's, or the one that opened the gate.

Two rules can undo each other ("U.S. Korea" lower-cased after "U.S.", then
capitalised as a country): when a pass brings the text back to an earlier
form, the steps stop at a form of that loop that cleaning again leaves alone.

Every step's changes are composed into one list of edits against the raw text.

With a ``reference`` (the original the text was spun from), the ``decode``
steps run and the decoded text is then aligned to the reference and restored
from it (:mod:`.reference`) instead of by the rules; the gate and its evidence
are still read, from the decoded text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..errors import require_text
from ..layout import MainContent, find_segments
from ..nlp import Analyses
from ..records import CleanResult, Edit, Flag, GarbleEvidence
from ..resources import Resources
from ..text.compose import compose
from ..text.edits import Change, TextEdit, apply_changes
from ..text.projection import Projection
from .config import RestoreConfig
from .detect.garble import GARBLED, squash, total
from .detect.scripts import find_leaked_words
from .detect.signals import AFTER_LAYOUT, SPACING, Signal, find_signals
from .languages import english_scope, outside
from .plan import StepContext, build_plan
from .reference import MIN_MATCHED, Alignment, align_to_reference
from .registry import STEPS, Step, steps_in
from .suspects import suspect_flags

MAX_PASSES = 4
MAX_ROUNDS = 3
"""Times the text is judged (language, gate) and restored; a restored text judged differently is restored again."""


class _Verdict(NamedTuple):
    """What detection decided about a text: the gate, whether its words may be repaired, and its foreign lines."""

    garbled: bool
    repairable: bool
    foreign_lines: frozenset[str]


class _Judgement(NamedTuple):
    score: float
    evidence: list[tuple[Signal, _Stage]]
    verdict: _Verdict


def clean(
    text: str,
    *,
    config: RestoreConfig | None = None,
    resources: Resources | None = None,
    reference: str | None = None,
    analyses: Analyses | None = None,
) -> CleanResult:
    """Restore ``text`` and explain every change (see :mod:`alliance_corpus.restore`).

    Given ``reference``, the original that ``text`` was spun from, the text is
    restored by aligning it to the reference (:mod:`.reference`); a reference
    that matches too little of the text is not its original, and a flag of
    kind ``reference`` says it was not used.  Given
    ``analyses``, the lines the context rules tag are kept there, for the
    entity pass to reuse (:class:`~alliance_corpus.nlp.Analyses`).

    >>> result = clean("The alliance v Japan has actually been vital.Its role grows.", reference="The alliance with Japan has been vital. Its role grows.")
    >>> result.text, sorted({e.kind for e in result.edits})
    ('The alliance with Japan has been vital. Its role grows.', ['filler', 'spacing', 'spin'])
    """
    require_text(text)
    if reference is not None:
        require_text(reference, "reference")
    config = config or RestoreConfig()
    resources = resources or Resources.bundled()
    plan = build_plan(resources, ((step.name, step.rule_kinds) for step in STEPS.values()))
    enabled = config.enabled_steps()
    decode, layout, words = (steps_in(stage, enabled) for stage in ("decode", "layout", "words"))
    # Without the caller's, a private store: a line the context rules change is then re-encoded only around its changes.
    context = StepContext(plan=plan, resources=resources, model=config.model, analyses=analyses if analyses is not None else Analyses())
    state = _State(text)
    state.run(decode, context)
    decoded = _Stage(state.text, state.edits)  # spacing damage is counted before the layout step repairs it
    refused: list[Flag] = []
    if reference is not None:
        found = align_to_reference(state.text, reference)
        if found.matched >= MIN_MATCHED:
            return _restored_from(found, state, _judge(decoded, decoded, context, config))
        note = f"the reference shares {found.matched:.0%} of this text's words: it is not its original, and was not used"
        refused.append(Flag(start=0, end=0, text="", kind="reference", note=note))
    state.run((*decode, *layout), context)
    score, verdict = 0.0, None
    evidence: list[tuple[Signal, _Stage]] = []
    for _ in range(MAX_ROUNDS):
        laid_out = _Stage(state.text, state.edits)
        if verdict is not None and verdict.garbled:  # the gate stays open: only the language and the foreign lines can change
            judged = _Judgement(score, evidence, _scope_verdict(laid_out.text, context, garbled=True))
        else:
            judged = _judge(decoded if verdict is None else laid_out, laid_out, context, config)
        opened = judged.verdict.garbled and (verdict is None or not verdict.garbled)
        now = judged.verdict._replace(garbled=judged.verdict.garbled or (verdict is not None and verdict.garbled))  # an open gate stays open
        if now == verdict:
            break  # cleaning the result again would judge it the same way
        if verdict is None or opened:
            score, evidence = judged.score, judged.evidence
        verdict = now
        context.garbled, context.foreign_lines = verdict.garbled, verdict.foreign_lines
        state.settle((*decode, *layout), words if verdict.repairable else (), context)
    final = english_scope(state.text)
    return CleanResult(
        text=state.text,
        edits=[Edit(**edit._asdict()) for edit in state.edits],
        garble_score=score,
        flags=sorted([*refused, *final.flags, *_flags(state.text, final.foreign), *_suspects(state.text, final.foreign, context)], key=_position),
        segments=find_segments(state.text, MainContent.of(state.raw)),
        language=final.language,
        garble_evidence=_located(evidence, text),
    )


def _restored_from(found: Alignment, state: _State, judged: _Judgement) -> CleanResult:
    """The decoded text restored by its alignment to its reference; stretches only it has are kept and flagged "unmatched"."""
    applied = apply_changes(state.text, found.changes)
    state.edits = compose(state.raw, state.edits, applied.edits)
    state.text = applied.text
    unmatched = [
        Flag(start=start, end=end, text=state.text[start:end], kind="unmatched", note="not in the reference; kept as it is")
        for start, end in (_moved(applied.edits, span) for span in found.unmatched)
    ]
    final = english_scope(state.text)
    return CleanResult(
        text=state.text,
        edits=[Edit(**edit._asdict()) for edit in state.edits],
        garble_score=judged.score,
        flags=sorted([*final.flags, *unmatched, *_flags(state.text, final.foreign)], key=_position),
        segments=find_segments(state.text, MainContent.of(state.raw)),
        language=final.language,
        garble_evidence=_located(judged.evidence, state.raw),
    )


def _moved(edits: list[TextEdit], span: tuple[int, int]) -> tuple[int, int]:
    """``span`` of a step's input, in its output (no edit overlaps it)."""
    shift = sum(len(e.after) - len(e.before) for e in edits if e.raw_end <= span[0])
    return span[0] + shift, span[1] + shift


def _judge(decoded: _Stage, laid_out: _Stage, context: StepContext, config: RestoreConfig) -> _Judgement:
    """Score ``laid_out`` (spacing read on ``decoded``) and decide the gate and the lines in another language."""
    scoped = _scope_verdict(laid_out.text, context, garbled=False)
    evidence = _signals(decoded, laid_out, context)
    score = squash(total(signal for signal, _ in evidence), _english_only(laid_out.text, context.foreign_lines))
    garbled = score >= GARBLED if config.garbled is None else config.garbled
    return _Judgement(score, evidence, scoped._replace(garbled=garbled))


def _scope_verdict(text: str, context: StepContext, *, garbled: bool) -> _Verdict:
    """The verdict on ``text``'s language and foreign lines (set on ``context``), with the gate as given."""
    scope = english_scope(text)
    context.foreign_lines = frozenset(_key(text[start:end]) for start, end in scope.foreign)
    return _Verdict(garbled, scope.repairable, context.foreign_lines)


def _english_only(text: str, foreign_lines: frozenset[str]) -> str:
    """``text`` with the lines in another language blanked (same length), so detection reads only English."""
    if not foreign_lines:
        return text
    return "\n".join(" " * len(line) if _key(line) in foreign_lines else line for line in text.split("\n"))


def _key(line: str) -> str:
    """A line with its spacing normalised, so that it is recognised before and after the layout repairs."""
    return " ".join(line.split())


class _Stage(NamedTuple):
    """The text at one stage of cleaning, and the edits from the raw text to it."""

    text: str
    edits: list[TextEdit]


def _signals(decoded: _Stage, laid_out: _Stage, context: StepContext) -> list[tuple[Signal, _Stage]]:
    """The signs of spinning on the English lines: spacing read on ``decoded``, the rest on ``laid_out``."""
    found: list[tuple[Signal, _Stage]] = []
    for stage, kinds in ((decoded, SPACING), (laid_out, AFTER_LAYOUT)):
        english = _english_only(stage.text, context.foreign_lines)
        found.extend((signal, stage) for signal in find_signals(english, context.resources, kinds=kinds))
    return found


def _located(evidence: list[tuple[Signal, _Stage]], raw: str) -> list[GarbleEvidence]:
    """The ``evidence`` as spans of the raw text (a sign inside restored wording has no raw span and is left out)."""
    located = []
    projections: dict[int, Projection] = {}  # one per stage: building one per sign would cost signs x edits
    for signal, stage in evidence:
        if id(stage) not in projections:
            projections[id(stage)] = Projection(stage.edits)
        span = projections[id(stage)].span(signal.start, signal.end)
        if span is not None:
            start, end = span
            located.append(GarbleEvidence(raw_start=start, raw_end=end, text=raw[start:end], kind=signal.kind, signal=signal.signal, weight=signal.weight))
    return sorted(located, key=lambda sign: (sign.raw_start, sign.raw_end, sign.signal))


def _settled(text: str, steps: tuple[Step, ...], context: StepContext) -> bool:
    """Whether ``steps``, with the gate shut, would leave ``text`` as it is."""
    garbled, context.garbled = context.garbled, False
    try:
        return not _State(text).run(steps, context)
    finally:
        context.garbled = garbled


def _flags(text: str, foreign: Sequence[tuple[int, int]]) -> list[Flag]:
    """Leaked foreign-script words no rule restored, on the English lines (``foreign`` lines are flagged whole)."""
    found = [Change(m.start(), m.end(), m.group(), script, "leakage") for m, script in find_leaked_words(text)]
    return [
        Flag(start=c.start, end=c.end, text=c.replacement, kind="foreign-script", note=f"{c.rule} word with no restoration rule")
        for c in outside(found, foreign)
    ]


def _suspects(text: str, foreign: Sequence[tuple[int, int]], context: StepContext) -> list[Flag]:
    """Signs of spinning left in the restored English lines (:mod:`.suspects`)."""
    flags = suspect_flags(text, context.resources, garbled=context.garbled)
    return [flag for flag in flags if not any(start < flag.end and flag.start < end for start, end in foreign)]


def _position(flag: Flag) -> tuple[int, int]:
    return flag.start, flag.end


class _State:
    """The text being restored and the edits from the raw input to it."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.edits: list[TextEdit] = []

    def settle(self, repairs: tuple[Step, ...], words: Iterable[Step], context: StepContext) -> None:
        """Run ``repairs`` and the ``words`` steps the gate allows until nothing changes.

        If a pass brings the text back to an earlier form, two rules undo each
        other.  Of the forms in that loop, the first that the rules for
        edited prose leave alone is kept (else the first): cleaning it again
        changes nothing, whether the gate then opens or not.
        """
        always = (*repairs, *(step for step in words if not step.garbled_only))
        steps = (*repairs, *(step for step in words if context.garbled or not step.garbled_only))
        forms = [(self.text, self.edits)]
        for _ in range(MAX_PASSES):
            if not self.run(steps, context):
                return
            earlier = next((i for i, (text, _) in enumerate(forms) if text == self.text), None)
            if earlier is not None:
                loop = forms[earlier:]
                self.text, self.edits = next((form for form in loop if _settled(form[0], always, context)), loop[0])
                return
            forms.append((self.text, self.edits))

    def run(self, steps: Iterable[Step], context: StepContext) -> bool:
        """Run each step on the current text; report whether anything changed.

        A step is a function of the text and the verdict, so one that left
        this very text alone under this verdict is not run on it again
        (``context.unchanged``): the last pass of :meth:`settle` only
        confirms what the passes before it found.
        """
        changed = False
        for step in steps:
            seen = (step.name, self.text, context.garbled, context.foreign_lines)
            if seen in context.unchanged:
                continue
            changes = step(self.text, context)
            if step.stage == "words" and context.foreign_lines:
                changes = _off_foreign_lines(self.text, changes, context.foreign_lines)
            applied = apply_changes(self.text, changes)
            if applied.edits:
                self.edits = compose(self.raw, self.edits, applied.edits)
                self.text = applied.text
                changed = True
            else:
                context.unchanged.add(seen)
        return changed


def _off_foreign_lines(text: str, changes: list[Change], foreign_lines: frozenset[str]) -> list[Change]:
    """The ``changes`` that start on a line not in ``foreign_lines`` (its line end counts as the line's).

    The lines are read once, and each change is placed by bisection, so a
    long line with many changes costs no more per change than a short one.
    """
    starts, ends = [], []
    position = 0
    for line in text.split("\n"):
        if _key(line) in foreign_lines:
            starts.append(position)
            ends.append(position + len(line))
        position += len(line) + 1
    kept = []
    for change in changes:
        index = bisect_right(starts, change.start) - 1
        if index < 0 or change.start > ends[index]:
            kept.append(change)
    return kept
