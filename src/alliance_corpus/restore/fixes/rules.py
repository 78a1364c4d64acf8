"""Changes proposed by the ``phrase`` and ``regex`` rules of the rule files.

A rule's output can make a new match of the same rule: "war v v v" becomes
"war with v v", where "with v" matches again.  Each change is therefore
followed along its own output (:func:`follow`), so one pass makes the whole
chain ("war with with with") and cleaning the result changes nothing.

>>> from alliance_corpus.resources.rules import Rule
>>> rule = Rule(id="spin.with", match="phrase", pattern="v", replacement="with",
...             kind="spin", confidence=0.9, evidence="seed", note="voi -> v")
>>> [c.replacement for c in apply_rules("the alliance v Japan", [rule])]
['with']
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from ...resources.rules import Rule
from ...text.edits import Change
from .. import matching

CONTEXT = 64
"""Characters on each side of a change that a followed rule reads (half of them at least, where the text has them)."""


def apply_rules(text: str, rules: Iterable[Rule]) -> list[Change]:
    """Changes proposed by ``phrase`` and ``regex`` rules, in the rules' order (rules that cannot match ``text`` are skipped).

    A rule needing letters ``text`` lacks (in any case, where it ignores
    case) cannot match; nor can a ``phrase``
    rule one of whose words ``text`` lacks (:class:`PhraseIndex` finds the
    others without looking at each rule).
    """
    present, lowered = _characters(text), _characters(text.lower())
    return [
        change
        for rule in _candidates(text, rules)
        if rule.required_characters <= present and rule.required_in_any_case <= lowered and rule.required_literal in text
        for change in _followed(text, rule)
    ]


WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _characters(text: str) -> frozenset[str]:
    """The characters of ``text``; the steps of one pass each ask for them, so the last texts' are kept."""
    return frozenset(text)


@lru_cache(maxsize=4)
def _word_runs(text: str) -> frozenset[str]:
    """The runs of word characters of ``text``, in lower case (kept as :func:`_characters` is)."""
    return frozenset(run.lower() for run in WORD_RUN.findall(text))


class PhraseIndex:
    """The ``phrase`` rules of a rule list, indexed by their words.

    A phrase matches only where the text holds each of its words whole (its
    pattern is bounded by non-word characters and splits on blanks), so each
    run of word characters of the pattern, in lower case, is a run of the
    text too.  A rule is looked up by its longest run and kept when the text
    has all of them.

    >>> from alliance_corpus.resources.rules import Rule
    >>> rule = Rule(id="x", match="phrase", pattern="airport ship", replacement="aircraft carrier",
    ...             kind="spin", confidence=0.7, evidence="e", note="n")
    >>> index = PhraseIndex((rule,))
    >>> [r.id for r in index.candidates("The Airport ship sailed.")], index.candidates("The airport ships sailed.")
    (['x'], [])
    """

    def __init__(self, rules: Sequence[Rule]):
        self.rules = tuple(rules)
        self.others = [i for i, rule in enumerate(self.rules) if rule.match != "phrase"]
        self.by_word: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for i, rule in enumerate(self.rules):
            if rule.match == "phrase":
                runs = frozenset(run.lower() for run in WORD_RUN.findall(str(rule.pattern)))
                if runs:
                    self.by_word.setdefault(max(sorted(runs), key=len), []).append((i, runs))
                else:
                    self.others.append(i)

    def candidates(self, text: str) -> list[Rule]:
        """The rules that may match ``text``, in their order: every rule but the ``phrase`` rules whose words it lacks."""
        runs = _word_runs(text)
        found = list(self.others)
        for run in runs:
            found += [i for i, needed in self.by_word.get(run, ()) if needed <= runs]
        return [self.rules[i] for i in sorted(found)]


_INDEXES: dict[int, PhraseIndex] = {}
"""The index of each rule tuple in use (plans keep their tuples for the whole run)."""
MAX_INDEXES = 32


def _candidates(text: str, rules: Iterable[Rule]) -> Iterable[Rule]:
    """``rules`` less the ``phrase`` rules that cannot match ``text``, in order; a tuple's index is kept for the next text."""
    if not isinstance(rules, tuple):
        return rules
    index = _INDEXES.get(id(rules))
    if index is None or index.rules is not rules:
        if len(_INDEXES) >= MAX_INDEXES:
            _INDEXES.clear()
        index = _INDEXES[id(rules)] = PhraseIndex(rules)
    return index.candidates(text)


def split_rules(rules: Sequence[Rule], kinds: set[str], match: set[str]) -> list[Rule]:
    """The rules of the given kinds and match types, in file order."""
    return [r for r in rules if r.kind in kinds and r.match in match]


def _followed(text: str, rule: Rule) -> Iterator[Change]:
    """The changes of ``rule``, each followed along its output; matches a followed change read past are dropped."""
    end = 0
    for change in matching.rule_changes(text, rule):
        if change.start >= end:
            change = follow(text, rule, change, after=end)
            end = change.end
            yield change


def follow(text: str, rule: Rule, change: Change, *, after: int = 0) -> Change:
    r"""``change`` extended while ``rule`` matches again across its output (never before ``after``).

    The output can make a new match on its right ("war with v v") or on its
    left: "3.5 tỷ đô3.5 tỷ đô" gets its word boundary back once the second
    amount reads "$3.5 billion".

    >>> from alliance_corpus.resources.rules import Rule
    >>> rule = Rule(id="filler.actually", match="regex", pattern=r"\b(has|is) actually\b", replacement=r"\1",
    ...             kind="filler", confidence=0.5, evidence="e", note="n")
    >>> text = "it has actually actually actually been"
    >>> follow(text, rule, Change(3, 15, "has", rule.id, rule.kind))
    Change(start=3, end=33, replacement='has', rule='filler.actually', kind='filler')

    The rule reads :data:`CONTEXT` characters around the ends of the output,
    never the whole text again, so a chain costs time in proportion to its length.
    """
    output = _Output(text, change, after)
    while output.extend_right(rule) or output.extend_left(rule):
        pass
    return change._replace(start=output.start, end=output.end, replacement="".join(output.pieces))


class _Output:
    """A change being followed: ``text[start:end]`` becomes the ``pieces``."""

    def __init__(self, text: str, change: Change, after: int):
        self.text, self.after = text, after
        self.start, self.end = change.start, change.end
        self.pieces = deque([change.replacement] if change.replacement else [])
        self.length = len(change.replacement)

    def extend_right(self, rule: Rule) -> bool:
        """Take in a match that starts in the output and ends in the text after it."""
        text = self.text
        before = _edge(text[max(0, self.start - CONTEXT) : self.start], self.pieces, CONTEXT, last=True)
        ahead = text[self.end : self.end + CONTEXT]
        floor = CONTEXT // 2 if len(before) == CONTEXT else 0  # don't start where the window cuts a word
        match = rule.regex.search(before + ahead, max(floor, len(before) - self.length))
        if not _fits(match, len(before), len(ahead), self.end + len(ahead) == len(text)) or match is None:
            return False
        if match.start() >= len(before) or match.end() <= len(before):
            return False  # a match of the text after the output, or one inside it (the rule would feed on itself)
        replacement = matching.replacement_for(rule, match)
        if replacement is None:
            return False
        self._replace(len(before) - match.start(), replacement, at_start=False)
        self.end += match.end() - len(before)
        return True

    def extend_left(self, rule: Rule) -> bool:
        """Take in a match that starts in the text before the output and reads the output."""
        text = self.text
        left = text[max(0, self.start - CONTEXT) : self.start]
        right = _edge(text[self.end : self.end + CONTEXT], self.pieces, CONTEXT, last=False)
        whole = self.length + len(text) - self.end <= CONTEXT  # the window reaches the end of the text
        floor = CONTEXT // 2 if self.start > CONTEXT else 0  # don't start where the window cuts a word
        match = rule.regex.search(left + right, max(floor, len(left) - (self.start - self.after)))
        if not _fits(match, len(left), len(right), whole) or match is None or match.start() >= len(left):
            return False
        replacement = matching.replacement_for(rule, match)
        if replacement is None:
            return False
        if match.end() < len(left):  # the match ends before the output (a lookahead read it): take in the text between
            self.pieces.appendleft(left[match.end() :])
            self.length += len(left) - match.end()
        else:
            into = match.end() - len(left)  # characters of the output, and maybe of the text after, the match took
            self.end += max(0, into - self.length)
            self._replace(min(into, self.length), "", at_start=True)
        self._replace(0, replacement, at_start=True)
        self.start -= len(left) - match.start()
        return True

    def _replace(self, count: int, replacement: str, *, at_start: bool) -> None:
        """Replace the first (``at_start``) or the last ``count`` characters of the output by ``replacement``."""
        pieces = self.pieces
        self.length += len(replacement) - count
        while count > 0:
            piece = pieces.popleft() if at_start else pieces.pop()
            if len(piece) > count:
                rest = piece[count:] if at_start else piece[:-count]
                if at_start:
                    pieces.appendleft(rest)
                else:
                    pieces.append(rest)
            count -= len(piece)
        if replacement and at_start:
            pieces.appendleft(replacement)
        elif replacement:
            pieces.append(replacement)


def _fits(match: re.Match[str] | None, edge: int, window: int, whole: bool) -> bool:
    """Whether ``match`` ends early enough in its window that the text beyond could not have changed it."""
    return match is not None and (whole or match.end() <= edge + window - CONTEXT // 2)


def _edge(text: str, pieces: deque[str], size: int, *, last: bool) -> str:
    """The last ``size`` characters of ``text`` then the pieces (``last``), or the first of the pieces then ``text``."""
    chosen: list[str] = []
    length = 0
    for piece in reversed(pieces) if last else pieces:
        chosen.append(piece)
        length += len(piece)
        if length >= size:
            break
    else:
        chosen.append(text)
    joined = "".join(reversed(chosen)) if last else "".join(chosen)
    return joined[-size:] if last else joined[:size]
