"""Context rules: spaCy ``Matcher`` patterns with part-of-speech and neighbour constraints.

Some spinner damage is only recognisable in context: "come" stands for "to"
only before a bare verb ("moved the alliance come make"), "end" for "over"
only between a verb and a noun phrase ("quarreled end U.S. bases").  These
rules are ``tokens`` rules in the rule files; the model's tagger labels the
lines that contain their trigger words, and nothing else is tagged.

The attribute ruler, which turns tags into the coarse parts of speech
(``POS``) some rules read, costs nearly as much as the tagger.  It runs only
on the lines where the rules, read without their ``POS`` and ``LEMMA``
constraints, already match (:func:`relaxed`): those constraints can only
narrow a match, so the other lines cannot match at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast

from ...nlp import BATCH_CHARS
from ...resources.lexicons import words
from ...resources.rules import Rule
from ...text.chunks import bounded_groups, split_text
from ...text.edits import Change

# spaCy objects (pipelines, docs, matchers) are passed through as ``Any``, as everywhere outside ``nlp``.
# ``tokens`` rules, the only ones these functions receive, have a list pattern and a target (see ``Rule``).

TAGGER_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler")
LATE_COMPONENT = "attribute_ruler"
"""Run on a line only when the relaxed rules match it (see the module docstring)."""
LATE_ATTRIBUTES = frozenset({"POS", "LEMMA", "MORPH", "DEP"})
"""What the attribute ruler sets besides the tag of whitespace: relaxed rules do without them."""
CLAUSE_OPENERS = frozenset(words("clause-openers"))


def clause_without_verb(doc: Any, start: int) -> bool:
    """True when no verb, auxiliary or "for" stands between the clause start and token ``start``.

    "In 1950, Japan to be under occupation" passes (the infinitive has no
    governor, so it stands for a finite verb); "Tokyo wanted Japan to be" and
    "for Japan to be" do not.  A sentence end also opens a clause, since
    the tagger alone marks no sentence starts.
    """
    index = start - 1
    while index >= 0 and not doc[index].is_sent_start and doc[index].lower_ not in CLAUSE_OPENERS:
        token = doc[index]
        if token.pos_ in {"VERB", "AUX"} or token.lower_ == "for":
            return False
        index -= 1
    return True


GUARDS = {"clause-without-verb": clause_without_verb}


def apply_token_rules(text: str, rules: Sequence[Rule], nlp: Any, cache: dict[str, list[Change]] | None = None) -> list[Change]:
    """Changes proposed by ``tokens`` rules, using ``nlp``'s tagger on the lines that need it.

    ``cache`` (line -> changes within it) lets repeated passes over a text
    re-tag only the lines that changed.
    """
    if not rules:
        return []
    cache = {} if cache is None else cache
    triggers = trigger_regex(rules)
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if triggers.search(m.group())]
    fresh = list(dict.fromkeys(line for _, line in lines if line not in cache))
    if fresh:
        matcher = _matcher(nlp, rules)
        late = LATE_COMPONENT in nlp.pipe_names and _tags_only_whitespace(nlp.get_pipe(LATE_COMPONENT))
        prefilter = _matcher(nlp, [relaxed(rule) for rule in rules]) if late else None
        disable = [name for name in nlp.pipe_names if name not in TAGGER_COMPONENTS or (late and name == LATE_COMPONENT)]
        by_id = {rule.id: rule for rule in rules}
        # A line longer than a model chunk is read in chunks; lines go to the tagger a bounded number of characters at a time.
        pieces = [(line, offset, piece) for line in fresh for offset, piece in split_text(line)]
        for group in bounded_groups(pieces, lambda piece: len(piece[2]), BATCH_CHARS):
            docs = nlp.pipe([piece for _, _, piece in group], disable=disable, batch_size=len(group))
            for (line, offset, _), doc in zip(group, docs):
                found = cache.setdefault(line, [])
                if prefilter is not None:
                    if not prefilter(doc):
                        continue
                    doc = nlp.get_pipe(LATE_COMPONENT)(doc)
                found += [c._replace(start=c.start + offset, end=c.end + offset) for c in _line_changes(doc, matcher, by_id, nlp)]
    return [change._replace(start=change.start + offset, end=change.end + offset) for offset, line in lines for change in cache[line]]


def _line_changes(doc: Any, matcher: Any, by_id: dict[str, Rule], nlp: Any) -> list[Change]:
    changes: list[Change] = []
    for match_id, start, _ in matcher(doc):
        rule = by_id[nlp.vocab.strings[match_id]]
        if rule.guard and not GUARDS[rule.guard](doc, start):
            continue
        first, last = cast(tuple[int, int], rule.target)
        target = doc[start + first : start + last]
        replacement = rule.replacement_for(target.text)
        changes.append(Change(target.start_char, target.end_char, replacement, rule.id, rule.kind))
    return changes


def relaxed(rule: Rule) -> Rule:
    """``rule`` without the constraints the tagger alone cannot check: it matches wherever ``rule`` would, and more.

    ``POS``, ``LEMMA``, ``MORPH`` and ``DEP`` go, and so does a ``TAG``
    constraint that a whitespace token could meet only after the attribute
    ruler (which tags whitespace ``_SP``): a negative one, or one naming ``_SP``.

    >>> rule = Rule(id="ctx.x", match="tokens", target=(1, 2), replacement="over", kind="spin", confidence=0.7,
    ...             evidence="e", note="n", pattern=[{"POS": "NOUN"}, {"LOWER": "end"}, {"TAG": {"NOT_IN": ["MD"]}, "OP": "?"}])
    >>> relaxed(rule).pattern
    [{}, {'LOWER': 'end'}, {'OP': '?'}]
    """
    specs = []
    for spec in cast(list[dict[str, Any]], rule.pattern):
        kept = {key: value for key, value in spec.items() if key not in LATE_ATTRIBUTES}
        if "TAG" in kept and not _positive_tag(kept["TAG"]):
            del kept["TAG"]
        specs.append(kept)
    return rule.model_copy(update={"id": rule.id + ".relaxed", "pattern": specs})


def _positive_tag(value: Any) -> bool:
    """Whether a ``TAG`` constraint names the tags it accepts, none of them whitespace's."""
    if isinstance(value, str):
        return value != "_SP"
    return isinstance(value, dict) and set(value) == {"IN"} and "_SP" not in value["IN"]


def _tags_only_whitespace(ruler: Any) -> bool:
    """Whether ``ruler`` (an attribute ruler) sets ``TAG`` only on whitespace, as en_core_web_sm's does."""
    return all("TAG" not in p["attrs"] or p["patterns"] == [[{"IS_SPACE": True}]] for p in ruler.patterns)


_MATCHERS: dict[tuple[int, tuple[str, ...]], Any] = {}


def _matcher(nlp: Any, rules: Sequence[Rule]) -> Any:
    key = (id(nlp.vocab), tuple(rule.id for rule in rules))
    if key not in _MATCHERS:
        from spacy.matcher import Matcher

        matcher = Matcher(nlp.vocab, validate=True)
        for rule in rules:
            matcher.add(rule.id, [cast(list[dict[str, Any]], rule.pattern)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def trigger_regex(rules: Sequence[Rule]) -> re.Pattern[str]:
    """Words a line must contain for any rule to match (each rule's literal LOWER values)."""
    words: set[str] = set()
    for rule in rules:
        literal = [spec["LOWER"] for spec in cast(list[dict[str, Any]], rule.pattern) if isinstance(spec.get("LOWER"), str)]
        words.update(literal)
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b", re.IGNORECASE)
