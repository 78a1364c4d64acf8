"""Context rules: spaCy ``Matcher`` patterns with part-of-speech and neighbour constraints.

Some spinner damage is only recognisable in context: "come" stands for "to"
only before a bare verb ("moved the alliance come make"), "end" for "over"
only between a verb and a noun phrase ("quarreled end U.S. bases").  Others
put back the tense and number the round trip lost ("Hatoyama fly to
Moscow" -> flew, "six month" -> months; :mod:`.inflection`).  These rules
are ``tokens`` rules in the rule files; the model's tagger labels the lines
that contain a word some rule needs (every line, once a rule needs tags
only, as the tense rules do).

The attribute ruler turns tags into the coarse parts of speech (``POS``)
some rules read.  Run as a component it costs nearly as much as the tagger,
almost all of it in its ``Matcher`` of some 180 patterns.  Here its patterns
are read instead as a table (:class:`LateAttributes`): a dictionary lookup
per token, which costs less than any ``Matcher`` run over the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from ...nlp import BATCH_CHARS, ENCODER, Analyses, receptive_field, reencode
from ...resources.lexicons import words
from ...resources.rules import INFLECTIONS, Rule
from ...text.chunks import CHUNK_CHARS, bounded_groups, split_text
from ...text.edits import Change
from .inflection import inflected

# spaCy objects (pipelines, docs, matchers) are passed through as ``Any``, as everywhere outside ``nlp``.
# ``tokens`` rules, the only ones these functions receive, have a list pattern and a target (see ``Rule``).

TAGGER_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler")
LATE_COMPONENT = "attribute_ruler"
"""Read as a table after the tagger rather than run (see the module docstring)."""
CLAUSE_OPENERS = frozenset(words("clause-openers"))


HEADLINE_WORDS = 14
"""The most words a headline has.  A line of hard-wrapped prose that starts with a capital and breaks before any mark looks
the same, and its infinitive is left too: no spun set has one."""
CLOSING_MARKS = frozenset('.!?;:,"”’)]')


def is_headline(doc: Any) -> bool:
    """Whether the line ``doc`` is a headline: at most :data:`HEADLINE_WORDS` words, the first capitalised, and no closing mark at its end.

    >>> from alliance_corpus.nlp import load_pipeline
    >>> nlp = load_pipeline().nlp
    >>> is_headline(nlp.make_doc("Marines to be in Guam by 2028")), is_headline(nlp.make_doc("In 1950, Japan to be under occupation."))
    (True, False)
    """
    words = [token for token in doc if not token.is_space]
    return 0 < len(words) <= HEADLINE_WORDS and words[0].text[:1].isupper() and words[-1].text[-1:] not in CLOSING_MARKS


def clause_without_verb(doc: Any, start: int) -> bool:
    """True when no verb, auxiliary or "for" stands between the clause start and token ``start``.

    "In 1950, Japan to be under occupation" passes (the infinitive has no
    governor, so it stands for a finite verb); "Tokyo wanted Japan to be" and
    "for Japan to be" do not.  A sentence end also opens a clause, since
    the tagger alone marks no sentence starts.  In a headline ("Marines to
    be in Guam by 2028", see :func:`is_headline`) the infinitive is the
    future, and it stays.
    """
    if is_headline(doc):
        return False
    index = start - 1
    while index >= 0 and not doc[index].is_sent_start and doc[index].lower_ not in CLAUSE_OPENERS:
        token = doc[index]
        if token.pos_ in {"VERB", "AUX"} or token.lower_ == "for":
            return False
        index -= 1
    return True


def past_narrative(doc: Any, start: int) -> bool:
    """True when the line tells of the past: at least two verbs in the past tense, and more of them than in the present.

    A bare verb where the original had a past tense ("Kishi push through the
    treaty") is then a tense the round trip lost, not a present.
    """
    if "past-narrative" not in doc.user_data:  # once per line, however many matches ask
        past = sum(token.tag_ == "VBD" for token in doc)
        doc.user_data["past-narrative"] = past >= 2 and past > sum(token.tag_ == "VBZ" for token in doc)
    return bool(doc.user_data["past-narrative"])


NOUN_PHRASE_TAGS = frozenset({"NNP", "NNPS", "NN", "DT", "JJ", "PRP$", "POS", "HYPH"})
CLAUSE_OPENING_TAGS = frozenset({".", ":", "``", "''", "-LRB-", "NFP", "RB"})
SUBJECT_OPENERS = frozenset(words("subject-openers"))


def sole_subject(doc: Any, start: int) -> bool:
    """True when token ``start`` ends the noun phrase that opens its clause and is its only subject.

    The phrase must follow a clause opening: the line start, a sentence mark,
    an adverb ("Later"), a year ("In 1957"), a comma after anything but a
    noun, or a conjunction that opens a clause ("after", "when").  A noun
    after "and" (one of two subjects), after a preposition ("the people of
    Okinawa"), after "that" (a subjunctive: "demanded that Japan pay") or
    after a verb ("let Japan pay") is not.
    """
    index = start - 1
    while index >= 0 and doc[index].tag_ in NOUN_PHRASE_TAGS:
        index -= 1
    if index < 0:
        return True
    before = doc[index]
    if before.lower_ in SUBJECT_OPENERS or before.tag_ in CLAUSE_OPENING_TAGS:
        return True
    if before.tag_ == "CD":
        return len(before.text) == 4 and before.text.isdigit()  # "In 1957 Kishi ..."
    if before.text == ",":
        return index == 0 or doc[index - 1].tag_ not in {"NNP", "NNPS", "NN", "NNS"}
    return False


def past_after_subject(doc: Any, start: int) -> bool:
    """:func:`past_narrative` and :func:`sole_subject`."""
    return past_narrative(doc, start) and sole_subject(doc, start)


GUARDS = {"clause-without-verb": clause_without_verb, "past-narrative": past_narrative, "past-after-subject": past_after_subject}


@dataclass
class TaggedLines:
    """What the context rules learnt from the passes over one text: each line's changes, and the lines last read."""

    changes: dict[str, list[Change]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def apply_token_rules(
    text: str, rules: Sequence[Rule], nlp: Any, cache: TaggedLines | None = None, analyses: Analyses | None = None
) -> list[Change]:
    """Changes proposed by ``tokens`` rules, using ``nlp``'s tagger on the lines that need it.

    ``cache`` lets repeated passes over a text re-tag only the lines that
    changed.  Tagged lines are kept in ``analyses``, for the entity pass to
    reuse their vectors; a changed line whose earlier form is kept there is
    re-encoded only around its changes (:func:`~alliance_corpus.nlp.reencode`).
    """
    if not rules:
        return []
    cache = TaggedLines() if cache is None else cache
    triggers = trigger_regex(rules)
    all_lines = text.split("\n")
    earlier = _earlier_forms(cache.lines, all_lines, analyses, nlp)
    lines, offset = [], 0
    for line in all_lines:
        if triggers.search(line):
            lines.append((offset, line))
        offset += len(line) + 1
    fresh = list(dict.fromkeys(line for _, line in lines if line not in cache.changes))
    if fresh:
        _tag(fresh, rules, nlp, cache.changes, analyses, earlier)
    if analyses is not None:
        for gone in set(cache.lines).difference(all_lines):
            analyses.take(gone)  # a line's earlier form: no use to the entity pass, and its room is wanted
    cache.lines = all_lines
    return [
        change._replace(start=change.start + offset, end=change.end + offset) for offset, line in lines for change in cache.changes[line]
    ]


def _tag(
    fresh: list[str], rules: Sequence[Rule], nlp: Any, changes: dict[str, list[Change]], analyses: Analyses | None, earlier: dict[str, Any]
) -> None:
    """Tag the ``fresh`` lines and record each one's changes in ``changes``."""
    needs = _needed_words(rules)
    table = _late_attributes(nlp)
    disable = [name for name in nlp.pipe_names if name not in TAGGER_COMPONENTS or (table is not None and name == LATE_COMPONENT)]
    by_id = {rule.id: rule for rule in rules}
    # A line longer than a model chunk is read in chunks; lines go to the tagger a bounded number of characters at a time.
    pieces = [(line, offset, piece) for line in fresh for offset, piece in split_text(line)]
    for group in bounded_groups(pieces, lambda piece: len(piece[2]), BATCH_CHARS):
        for (line, offset, piece), doc in zip(group, _tagged([piece for _, _, piece in group], nlp, disable, earlier)):
            found = changes.setdefault(line, [])
            if analyses is not None and piece == line:
                analyses.keep(line, doc)
            if table is not None:
                table(doc)
            matcher = _matcher(nlp, possible_rules(rules, needs, doc))
            found += [c._replace(start=c.start + offset, end=c.end + offset) for c in _line_changes(doc, matcher, by_id, nlp)]


def _tagged(pieces: list[str], nlp: Any, disable: list[str], earlier: dict[str, Any]) -> list[Any]:
    """``pieces`` tagged, in order; a piece with an earlier form in ``earlier`` is re-encoded only around its changes."""
    docs: list[Any] = [None] * len(pieces)
    again = [i for i, piece in enumerate(pieces) if piece in earlier]
    fresh = [i for i, piece in enumerate(pieces) if piece not in earlier]
    inputs: list[tuple[list[int], list[Any], list[str]]] = [(fresh, [pieces[i] for i in fresh], disable)]
    if again:
        inputs.append((again, reencode(nlp, [(earlier[pieces[i]], pieces[i]) for i in again]), [*disable, ENCODER]))
    for positions, texts, off in inputs:
        for i, doc in zip(positions, nlp.pipe(texts, disable=off, batch_size=max(len(texts), 1))):
            docs[i] = doc
    return docs


def _earlier_forms(before: list[str], now: list[str], analyses: Analyses | None, nlp: Any) -> dict[str, Any]:
    """Each changed line of ``now`` whose earlier form (the line in the same place of ``before``) is encoded in ``analyses``.

    Lines are paired only when both texts have as many lines; the encoder must
    be one whose receptive field is known.
    """
    if analyses is None or len(before) != len(now) or receptive_field(nlp) is None:
        return {}
    found = {}
    for old, new in zip(before, now):
        doc = analyses.get(old) if old != new else None
        if doc is not None and len(new) <= CHUNK_CHARS and doc.tensor.shape[0] == len(doc) > 0:
            found[new] = doc
    return found


def _line_changes(doc: Any, matcher: Any, by_id: dict[str, Rule], nlp: Any) -> list[Change]:
    changes: list[Change] = []
    for match_id, start, _ in matcher(doc):
        rule = by_id[nlp.vocab.strings[match_id]]
        first, last = cast(tuple[int, int], rule.target)
        target = doc[start + first : start + last]
        replacement = inflected(target.text, rule.transform) if rule.transform in INFLECTIONS else rule.replacement_for(target.text)
        if replacement is None or replacement == target.text:
            continue  # read before the guard: most matches of a tense rule are verbs already in the past
        if rule.guard and not GUARDS[rule.guard](doc, start):
            continue
        changes.append(Change(target.start_char, target.end_char, replacement, rule.id, rule.kind))
    return changes


def _tags_only_whitespace(ruler: Any) -> bool:
    """Whether ``ruler`` (an attribute ruler) sets ``TAG`` only on whitespace, as en_core_web_sm's does."""
    return all("TAG" not in p["attrs"] or p["patterns"] == [[{"IS_SPACE": True}]] for p in ruler.patterns)


class LateAttributes:
    """The attribute ruler's one-token patterns as a table from (tag, word, is space) to the attributes they set.

    Later patterns win, as in the ruler.  Patterns that read a dependency
    label cannot match a line that was only tagged; the ruler's patterns of
    two tokens, or with a regular expression, set only the lemmas of
    contractions ("gonna", "nothin'") and are left out.  The context rules
    find the same changes with this table as with the ruler itself
    (``tests/restore/test_context_tagging.py``).
    """

    READ = frozenset({"TAG", "LOWER", "IS_SPACE"})

    def __init__(self, patterns: Sequence[dict[str, Any]]):
        self.patterns = [
            (pattern[0], entry["attrs"])
            for entry in patterns
            for pattern in entry["patterns"]
            if len(pattern) == 1 and set(pattern[0]) <= self.READ and all(_plain(value) for value in pattern[0].values())
        ]
        self.words = frozenset(word for spec, _ in self.patterns if "LOWER" in spec for word in _values(spec["LOWER"]))
        """The words some pattern names: any other word meets no ``LOWER`` test, so one table entry serves them all."""
        self._table: dict[tuple[str, str | None, bool], dict[str, str]] = {}

    def attributes(self, tag: str, lower: str, is_space: bool) -> dict[str, str]:
        """What the patterns set on a token with this tag, lower-case form and spacing (the last pattern wins)."""
        key = (tag, lower if lower in self.words else None, is_space)
        if key not in self._table:
            token: dict[str, str | bool] = {"TAG": tag, "LOWER": lower, "IS_SPACE": is_space}
            found: dict[str, str] = {}
            for spec, attrs in self.patterns:
                if all(_meets(token[name], value) for name, value in spec.items()):
                    found.update(attrs)
            self._table[key] = found
        return self._table[key]

    def __call__(self, doc: Any) -> Any:
        """Set ``doc``'s parts of speech, lemmas and morphology from the table, as the ruler would."""
        for token in doc:
            attrs = self.attributes(token.tag_, token.lower_, token.is_space)
            if "TAG" in attrs:
                token.tag_ = attrs["TAG"]
            if "POS" in attrs:
                token.pos_ = attrs["POS"]
            if "LEMMA" in attrs:
                token.lemma_ = attrs["LEMMA"]
            if "MORPH" in attrs:
                token.set_morph(attrs["MORPH"])
        return doc


def _plain(value: Any) -> bool:
    """A pattern value this table can read: a string, a flag, or ``{"IN": [...]}``."""
    return isinstance(value, (str, bool)) or (isinstance(value, dict) and set(value) == {"IN"})


def _values(value: Any) -> tuple[str, ...]:
    """The words a ``LOWER`` test accepts: its string, or its ``IN`` list."""
    return tuple(value["IN"]) if isinstance(value, dict) else (value,)


def _meets(actual: str | bool, value: Any) -> bool:
    return actual in value["IN"] if isinstance(value, dict) else actual == value


_LATE: dict[int, LateAttributes | None] = {}


def _late_attributes(nlp: Any) -> LateAttributes | None:
    """The table of ``nlp``'s attribute ruler, built once per pipeline; ``None`` when there is no ruler to read late.

    The ruler is read late only when it sets ``TAG`` on whitespace alone, as
    en_core_web_sm's does; otherwise it runs with the tagger on every line.
    """
    if id(nlp) not in _LATE:
        ruler = nlp.get_pipe(LATE_COMPONENT) if LATE_COMPONENT in nlp.pipe_names else None
        _LATE[id(nlp)] = LateAttributes(ruler.patterns) if ruler is not None and _tags_only_whitespace(ruler) else None
    return _LATE[id(nlp)]


def possible_rules(rules: Sequence[Rule], needs: Sequence[frozenset[str] | None], doc: Any) -> tuple[Rule, ...]:
    """The ``rules`` that can match ``doc``: those that need no word, or one of whose words (``needs``, rule by rule) ``doc`` has.

    A ``Matcher`` tries every pattern at every token, so a line is matched
    only against the few rules whose words it holds (the benchmark
    workload's spun lines took 0.09 s with all 24 bundled rules, 0.015 s
    with the two that need no word).

    >>> from alliance_corpus.resources import Resources
    >>> from alliance_corpus.nlp import load_pipeline
    >>> rules = [r for r in Resources.bundled().rules if r.id in ("ctx.made-by", "ctx.past-after-subject")]
    >>> doc = load_pipeline().nlp.make_doc("Kishi push the treaty through")
    >>> [rule.id for rule in possible_rules(rules, _needed_words(rules), doc)]
    ['ctx.past-after-subject']
    """
    present = {token.lower_ for token in doc}
    return tuple(rule for rule, words in zip(rules, needs) if words is None or not words.isdisjoint(present))


def _needed_words(rules: Sequence[Rule]) -> list[frozenset[str] | None]:
    """Per rule, the words one of which a line must hold for it to match (:func:`_literal_words`), or ``None``."""
    needs = []
    for rule in rules:
        literal = _literal_words(cast(list[dict[str, Any]], rule.pattern))
        needs.append(None if literal is None else frozenset(literal))
    return needs


_MATCHERS: dict[tuple[int, tuple[str, ...]], Any] = {}
MATCHERS_KEPT = 512
"""Matchers of different sets of rules kept at once; past that they are built again (a few milliseconds each)."""


def _matcher(nlp: Any, rules: Sequence[Rule]) -> Any:
    key = (id(nlp.vocab), tuple(rule.id for rule in rules))
    if key not in _MATCHERS:
        if len(_MATCHERS) >= MATCHERS_KEPT:
            _MATCHERS.clear()
        from spacy.matcher import Matcher

        matcher = Matcher(nlp.vocab, validate=True)
        for rule in rules:
            matcher.add(rule.id, [cast(list[dict[str, Any]], rule.pattern)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def trigger_regex(rules: Sequence[Rule]) -> re.Pattern[str]:
    """Words a line must contain for any rule to match: one word, or one of a list of words, of each rule.

    A rule with no literal word (only tags) can match any line, and then every line is read.

    >>> from alliance_corpus.resources import Resources
    >>> bool(trigger_regex([r for r in Resources.bundled().rules if r.id == "ctx.made-by"]).search("ships make by hand"))
    True
    """
    words: set[str] = set()
    for rule in rules:
        literal = _literal_words(cast(list[dict[str, Any]], rule.pattern))
        if literal is None:
            return re.compile(r"\S")
        words.update(literal)
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b", re.IGNORECASE)


def _literal_words(pattern: list[dict[str, Any]]) -> list[str] | None:
    """The words one token of ``pattern`` must be (its ``LOWER`` value or list; the shortest list), or ``None``."""
    choices = []
    for spec in pattern:
        lower = spec.get("LOWER")
        if spec.get("OP") in ("?", "*"):
            continue
        if isinstance(lower, str):
            choices.append([lower])
        elif isinstance(lower, dict) and isinstance(lower.get("IN"), list):
            choices.append([str(word) for word in lower["IN"]])
    return min(choices, key=len) if choices else None
