"""Restoration rules: data files, not code.

A rule file is JSON Lines: one rule per line, blank lines and lines starting
with ``//`` ignored.  Every rule has an ``id``, a ``match`` type, a
``pattern``, a ``replacement``, the ``kind`` of damage it repairs, a
``confidence`` (how rarely it fires on well-edited English), the
``evidence`` it was observed in and a short ``note``::

    {"id": "spin.world", "match": "regex", "pattern": "\\\\bpeople(?= War I)",
     "replacement": "World", "kind": "spin", "confidence": 0.97,
     "evidence": "seed 000: 'after people War II'",
     "note": "'world' comes back from Vietnamese as 'people' (the gioi / nguoi)"}

Match types:

- ``phrase``: literal words, matched at word boundaries; any run of spaces
  in the pattern matches any run of spaces in the text.
- ``regex``: a Python regular expression; ``\\1`` style groups may be used
  in ``replacement``.
- ``tokens``: a spaCy ``Matcher`` pattern (token attributes such as
  ``LOWER``, ``TAG``, ``POS``); ``target`` names the tokens ``[i, j)`` to
  replace.  These rules need the tagger and run only in garbled documents.

Options: ``"case": "preserve"`` matches the first letter in either case and
gives the replacement the same case; ``"transform"`` (``"lower"``, ``"upper"``, ``"capitalize"``) replaces the
match by a re-cased copy (``replacement`` is then empty), and in a ``tokens``
rule ``"past"``, ``"participle"`` or ``"plural"`` by the target word inflected
("push" -> "pushed", "build" -> "built", "month" -> "months"); ``"unless"`` lists
matched strings that must be left alone; ``"guard"`` names an extra check of
a ``tokens`` rule (``"clause-without-verb"``: no verb and no "for" between the
start of the clause and the match; ``"past-narrative"``: the line tells of the
past, with more verbs in the past tense than in the present;
``"past-after-subject"``: that, and the match opens with the one subject of
its clause, not a noun of a list or of a prepositional phrase).

Rules with ``confidence`` of at least :data:`ALWAYS` apply to every text;
the others apply only to texts whose garble score says they are spun.

>>> rule = Rule(id="spin.with", match="phrase", pattern="v", replacement="with",
...             kind="spin", confidence=0.9, evidence="seed", note="voi -> v")
>>> rule.always
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from ..errors import ResourceError, RuleTimeout
from ..records import EditKind
from ..text.edits import Change
from .jsonl import read_jsonl
from .patterns import check_replacement, nested_repeat, required_characters, required_in_any_case, required_literal, time_limit

ALWAYS = 0.9
"""Rules at or above this confidence apply to every text, garbled or not."""
INFLECTIONS = frozenset({"past", "participle", "plural"})
"""Transforms that inflect the target word (``tokens`` rules only; the context rules apply them)."""

RULE_ID = r"^[a-z0-9][a-z0-9._-]*$"


class Rule(BaseModel):
    """One restoration rule, validated when it is read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=RULE_ID)
    match: Literal["phrase", "regex", "tokens"]
    pattern: str | list[dict[Any, Any]]  # keys not narrowed to str: Pydantic would then validate them
    replacement: str = ""
    kind: EditKind
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str = Field(min_length=1)
    note: str = Field(min_length=1)
    case: Literal["exact", "preserve"] = "exact"
    transform: Literal["lower", "upper", "capitalize", "past", "participle", "plural"] | None = None
    guard: Literal["clause-without-verb", "past-narrative", "past-after-subject"] | None = None
    target: tuple[int, int] | None = None
    unless: tuple[str, ...] = ()
    override: bool = False

    # Set by :func:`load_rules` for rules from a researcher's file: where the rule is, and its time limit.
    _source: tuple[str, int] | None = PrivateAttr(default=None)
    _seconds: float | None = PrivateAttr(default=None)

    @field_validator("pattern")
    @classmethod
    def _pattern_not_empty(cls, value: str | list[dict[Any, Any]]) -> str | list[dict[Any, Any]]:
        if not value:
            raise ValueError("pattern is empty")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if self.guard and self.match != "tokens":
            raise ValueError("a 'guard' needs a 'tokens' rule")
        if self.transform in INFLECTIONS and self.match != "tokens":
            raise ValueError(f"the transform {self.transform!r} needs a 'tokens' rule (it reads the tagger's parts of speech)")
        if self.match == "tokens":
            if not isinstance(self.pattern, list) or self.target is None:
                raise ValueError("a 'tokens' rule needs a list pattern and a 'target' [start, end]")
            start, end = self.target
            if not 0 <= start < end <= len(self.pattern):
                raise ValueError(f"target {list(self.target)} is not inside the pattern")
        elif not isinstance(self.pattern, str):
            raise ValueError(f"a '{self.match}' rule needs a string pattern")
        elif self.match == "phrase" and not self.pattern.split():
            raise ValueError("a 'phrase' pattern needs at least one word")
        else:
            check_replacement(self.regex, self.replacement)  # compiles the pattern too
            risk = nested_repeat(self.pattern) if self.match == "regex" else None
            if risk:
                raise ValueError(f"pattern has {risk}, which can backtrack for hours on a near-match; bound the inner repeat")
        return self

    @cached_property
    def required_characters(self) -> frozenset[str]:
        """Non-ASCII characters that every match contains, so a text without them can be skipped.

        >>> Rule(id="x", match="phrase", pattern="Nhật Bản", replacement="Japan", kind="leakage",
        ...      confidence=0.95, evidence="e", note="n").required_characters == {"ậ", "ả"}
        True
        """
        if self.match == "tokens":
            return frozenset()
        return required_characters(self.regex.pattern)

    @cached_property
    def required_in_any_case(self) -> frozenset[str]:
        """Non-ASCII characters, in lower case, that every match contains in either case (case-insensitive parts count).

        >>> Rule(id="x", match="regex", pattern="(?i:sân bay) Naha", replacement="Naha Airport", kind="leakage",
        ...      confidence=0.9, evidence="e", note="n").required_in_any_case == {"â"}
        True
        """
        if self.match == "tokens":
            return frozenset()
        return required_in_any_case(self.regex.pattern)

    @cached_property
    def required_literal(self) -> str:
        """Characters that every match contains in a row, so a text without them can be skipped.

        >>> Rule(id="x", match="phrase", pattern="people War II", replacement="World War II", kind="spin",
        ...      confidence=0.95, evidence="e", note="n").required_literal
        'people'
        """
        if self.match == "tokens":
            return ""
        return required_literal(self.regex.pattern)

    @property
    def always(self) -> bool:
        """Whether the rule is safe on well-edited text."""
        return self.confidence >= ALWAYS

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern of a ``phrase`` or ``regex`` rule."""
        pattern = cast(str, self.pattern)  # `_consistent` guarantees a string for `phrase` and `regex` rules
        if self.match == "regex":
            source = pattern
        else:
            words = [re.escape(w) for w in pattern.split()]
            if self.case == "preserve" and words[0][:1].isalpha():
                first = words[0]
                words[0] = f"[{first[0].lower()}{first[0].upper()}]{first[1:]}"
            source = r"(?<![\w.])" + r"[^\S\n]+".join(words) + r"(?![\w])"
        try:
            return re.compile(source)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None

    def replacement_for(self, matched: str, expanded: str | None = None) -> str:
        """The text that replaces ``matched`` (``expanded`` holds group references filled in).

        Inflecting transforms are applied by the context rules
        (:mod:`alliance_corpus.restore.fixes.inflection`), not here.
        """
        if self.transform in INFLECTIONS:
            raise ValueError(f"rule {self.id!r}: the {self.transform!r} transform is applied by the context rules")
        if self.transform == "lower":
            return matched.lower()
        if self.transform == "upper":
            return matched.upper()
        if self.transform == "capitalize":
            return matched[:1].upper() + matched[1:]
        text = self.replacement if expanded is None else expanded
        if self.case == "preserve" and matched[:1].isupper() and text:
            return text[0].upper() + text[1:]
        if self.case == "preserve" and matched[:1].islower() and text:
            return text[0].lower() + text[1:]
        return text


def rule_changes(text: str, rule: Rule) -> Iterator[Change]:
    """Every change one ``phrase`` or ``regex`` rule proposes; matches it would leave as they are are skipped.

    >>> rule = Rule(id="spin.with", match="phrase", pattern="v", replacement="with",
    ...             kind="spin", confidence=0.9, evidence="seed", note="voi -> v")
    >>> [(c.start, c.replacement) for c in rule_changes("alliance v Japan", rule)]
    [(9, 'with')]
    """
    for match in _matches(text, rule):
        matched = match.group()
        if matched in rule.unless:
            continue
        expanded = match.expand(rule.replacement) if "\\" in rule.replacement else None
        replacement = rule.replacement_for(matched, expanded)
        if replacement != matched:
            yield Change(match.start(), match.end(), replacement, rule.id, rule.kind)


RESEARCHER_RULE_SECONDS = 2.0
"""How long one researcher's rule may run on one text before the run stops with E202."""


def _matches(text: str, rule: Rule) -> list[re.Match[str]]:
    if rule._seconds is None:
        return list(rule.regex.finditer(text))
    path, line = rule._source or ("<rules>", 0)
    with time_limit(rule._seconds, lambda: RuleTimeout(path, line, rule.id, rule._seconds or 0)):
        return list(rule.regex.finditer(text))


def read_rules(path: Path) -> list[Rule]:
    """Read one rule file, raising :class:`ResourceError` naming the file and line."""
    return [rule for _, rule in read_jsonl(path, Rule)]


def load_rules(paths: Iterable[Path], *, bundled: Path | None = None) -> tuple[Rule, ...]:
    """Read several rule files in order.

    A rule may reuse an earlier rule's id only with ``"override": true``, and
    then replaces it.  Rules from files outside ``bundled`` (the package's
    own data folder) are researchers' rules: they run under a time limit of
    :data:`RESEARCHER_RULE_SECONDS` per text.
    """
    by_id: dict[str, Rule] = {}
    where: dict[str, Path] = {}
    for path in paths:
        researcher = bundled is None or not Path(path).resolve().is_relative_to(bundled.resolve())
        for number, rule in read_jsonl(path, Rule):
            if rule.id in by_id and not rule.override:
                raise ResourceError(path, number, f"id {rule.id!r} is already a rule of {where[rule.id].name}; add \"override\": true to replace it")
            if researcher:
                rule._source, rule._seconds = (str(path), number), RESEARCHER_RULE_SECONDS
            by_id[rule.id], where[rule.id] = rule, Path(path)
    return tuple(by_id.values())
