"""Restoration rules learnt from example pairs: a spun copy and the original it was made from.

Each pair is aligned (:func:`~alliance_corpus.restore.reference.align_to_reference`)
and every stretch where the copy's words differ from the original's becomes a
candidate phrase rule: the copy's words, the original's words, and the kind of
damage read from them ("v" → "with", spin).  A stretch the spinner inserted
("has actually been" → "has been") is anchored on the word before it, since a
rule that deletes a word everywhere would do harm.

A rule is worth keeping only where it is right when it fires.  Its
**precision** is the number of times the pairs show it (its **support**) over
the number of places it would fire: in the copies of every pair, and in a
negative corpus of edited prose, where any firing is wrong.  A word the
spinner uses both ways ("end" is also an English word) gets a low precision;
it is then tried with the word before it as context, and kept only if the
context makes it precise.  Rules below :data:`MIN_PRECISION` are dropped; the
others get a confidence under :data:`~alliance_corpus.resources.rules.ALWAYS`,
so they apply in spun texts only, and are written in the ordinary rule format
for a researcher to review.

>>> pairs = [("a", "The alliance v Japan grew.", "The alliance with Japan grew."),
...          ("b", "Trade v China fell.", "Trade with China fell.")]
>>> [(r.pattern, r.replacement, r.support, r.precision) for r in induce(pairs, negative=["We met v Smith."])]
[('v', 'with', 2, 0.67)]
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..resources.rules import ALWAYS, Rule
from .matching import rule_changes
from .reference import align_to_reference

__all__ = ["MIN_PRECISION", "MAX_WORDS", "Substitution", "InducedRule", "substitutions", "induce", "rule_json"]

MIN_PRECISION = 0.5
"""Rules right less often than this, where they fire, are dropped."""
MAX_WORDS = 6
"""Longest phrase (in words, on either side) taken as a rule; longer stretches are rewritten clauses, not swaps."""
MAX_CONFIDENCE = 0.85
"""Highest confidence of an induced rule: under ``ALWAYS``, so it applies to spun texts only."""
WORD_KINDS = frozenset({"spin", "filler", "leakage", "casing"})
"""Kinds of damage learnt as phrase rules (spacing and whitespace are the layout step's)."""

assert MAX_CONFIDENCE < ALWAYS


class Substitution(NamedTuple):
    """What the spinner wrote, what the original has, and the kind of damage."""

    spun: str
    original: str
    kind: str


class InducedRule(NamedTuple):
    """A learnt phrase rule with the figures behind it."""

    pattern: str
    replacement: str
    kind: str
    support: int
    firings: int
    negative_hits: int
    pairs: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Support over firings (copies and negative corpus), to two places."""
        return round(self.support / self.firings, 2) if self.firings else 0.0


def substitutions(spun: str, original: str) -> list[Substitution]:
    """The word-level differences of one pair, as candidate phrase rules (fillers anchored on the word before).

    >>> substitutions("The alliance v Japan has actually been vital.", "The alliance with Japan has been vital.")
    [Substitution(spun='v', original='with', kind='spin'), Substitution(spun='has actually', original='has', kind='filler')]
    """
    return [substitution for substitution, _ in _observed(spun, original)]


def _observed(spun: str, original: str) -> list[tuple[Substitution, Substitution | None]]:
    """Each substitution of one pair with the same one widened by the word before it (``None`` where there is none)."""
    found: list[tuple[Substitution, Substitution | None]] = []
    for change in align_to_reference(spun, original).changes:
        before, after = " ".join(spun[change.start : change.end].split()), " ".join(change.replacement.split())
        if change.kind not in WORD_KINDS or not before or max(len(before.split()), len(after.split())) > MAX_WORDS:
            continue
        previous = _word_before(spun, change.start)
        widened = Substitution(f"{previous} {before}", f"{previous} {after}".strip(), change.kind) if previous else None
        if not after:  # a deleted word needs its anchor
            if widened is not None:
                found.append((widened, None))
            continue
        found.append((Substitution(before, after, change.kind), widened))
    return found


def induce(pairs: Iterable[tuple[str, str, str]], negative: Sequence[str] = ()) -> list[InducedRule]:
    """Phrase rules learnt from ``(name, spun, original)`` pairs, checked on the ``negative`` texts (see the module docstring)."""
    pairs = list(pairs)
    bare: Counter[Substitution] = Counter()
    widened: Counter[Substitution] = Counter()
    widenings: defaultdict[Substitution, set[Substitution]] = defaultdict(set)
    where: defaultdict[Substitution, set[str]] = defaultdict(set)
    for name, spun, original in pairs:
        for substitution, wider in _observed(spun, original):
            bare[substitution] += 1
            where[substitution].add(name)
            if wider is not None:
                widened[wider] += 1
                where[wider].add(name)
                widenings[substitution].add(wider)
    copies = [spun for _, spun, _ in pairs]
    majority, majority_widened = _majority(bare), _majority(widened)
    kept = []
    for substitution, support in sorted(bare.items()):
        if majority[substitution.spun] != substitution:
            continue
        rule = _scored(substitution, support, tuple(sorted(where[substitution])), copies, negative)
        if rule.precision >= MIN_PRECISION:
            kept.append(rule)
            continue
        for wider in sorted(widenings[substitution]):  # an ambiguous word, tried with the word before it
            narrower = _scored(wider, widened[wider], tuple(sorted(where[wider])), copies, negative)
            if narrower.precision >= MIN_PRECISION and majority_widened[wider.spun] == wider:
                kept.append(narrower)
    return sorted(kept, key=lambda r: (r.kind, r.pattern, r.replacement))


def rule_json(rule: InducedRule) -> dict[str, object]:
    """The rule in the ordinary rule-file format, with its figures in ``evidence`` and ``note``.

    >>> rule_json(InducedRule("v", "with", "spin", 2, 3, 1, ("a", "b")))["id"]
    'induced.spin.v-c48e50'
    """
    shown = ", ".join(rule.pairs[:5]) + (f" and {len(rule.pairs) - 5} more" if len(rule.pairs) > 5 else "")
    data: dict[str, object] = {
        "id": f"induced.{rule.kind}.{_slug(rule.pattern)}-{_digest(rule)}",
        "match": "phrase",
        "pattern": rule.pattern,
        "replacement": rule.replacement,
        "kind": rule.kind,
        "confidence": min(MAX_CONFIDENCE, rule.precision),
        "evidence": f"induced from {len(rule.pairs)} pair(s): {shown}",
        "note": (
            f"support {rule.support}; precision {rule.precision:.2f} over {rule.firings} firings "
            f"({rule.negative_hits} in the negative corpus); spun texts only"
        ),
    }
    Rule.model_validate(data)  # the output must load as an ordinary rule
    return data


def _scored(substitution: Substitution, support: int, names: tuple[str, ...], copies: Sequence[str], negative: Sequence[str]) -> InducedRule:
    probe = Rule.model_validate(
        {"id": "induced.probe", "match": "phrase", "pattern": substitution.spun, "replacement": substitution.original,
         "kind": substitution.kind, "confidence": 0.5, "evidence": "probe", "note": "probe"}
    )
    in_copies = sum(_firings(text, probe) for text in copies)
    in_negative = sum(_firings(text, probe) for text in negative)
    return InducedRule(substitution.spun, substitution.original, substitution.kind, support, max(support, in_copies) + in_negative, in_negative, names)


def _firings(text: str, rule: Rule) -> int:
    return sum(1 for _ in rule_changes(text, rule)) if rule.required_literal in text else 0


def _majority(seen: Counter[Substitution]) -> dict[str, Substitution]:
    """For each spun wording, the reading the pairs show most often (of equals, the first in sort order).

    >>> seen = Counter({Substitution("v", "with", "spin"): 2, Substitution("v", "versus", "spin"): 1})
    >>> _majority(seen)["v"].original
    'with'
    """
    best: dict[str, Substitution] = {}
    for substitution, count in sorted(seen.items()):
        current = best.get(substitution.spun)
        if current is None or count > seen[current]:
            best[substitution.spun] = substitution
    return best


def _word_before(text: str, position: int) -> str | None:
    match = re.search(r"(\w[\w'’.-]*)\s*$", text[:position])
    return match.group(1) if match else None


def _slug(pattern: str) -> str:
    ascii_form = unicodedata.normalize("NFKD", pattern).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_form).strip("-")[:40] or "x"


def _digest(rule: InducedRule) -> str:
    return hashlib.sha256(f"{rule.pattern}\0{rule.replacement}\0{rule.kind}".encode()).hexdigest()[:6]
