"""Where each restoration rule fires: the seed, the development sets and the negative set.

For every bundled rule this counts its matches on

- ``seed``: the raw seed (``data/raw/000_ff174e8760ddc370.txt``);
- ``fired``: the edits the restorer makes to the seed that name the rule;
- ``restored``: the seed's restored text (``clean(seed).text``);
- ``garbled``: the ``garbled`` field of ``tests/data/garbled`` and ``garbled_dev``;
- ``spun``: the ``garbled`` field of ``tests/data/spun_dev``;
- ``orig``: the ``original`` field of those three sets (edited prose written here);
- ``clean``: ``tests/data/clean/*.txt``;
- ``web``: the ``raw`` field of ``tests/data/webnoise``;
- ``real``: the English pages of the negative set ``tests/data/realpages``
  (``language`` is ``en``), with the number of pages matched in ``pages``.

The held-out sets (``spun_holdout``, ``garbled_holdout``, ``garbled_holdout2``)
are deliberately left out: nothing may be derived from them.

Counts are of matches the rule would change, each text read as it is (a rule
that fires only after another rule has repaired its neighbourhood shows up
in ``fired`` alone).  ``tokens`` rules are run with the model's tagger.

The flags judge each rule: ``evidence:seed?`` when the rule cites the seed
but neither matches nor edits it; ``always:real`` when an always-on rule
matches an English page of the negative set; ``layout:real`` when that rule
is a layout rule (kinds ``whitespace``, ``typography``, ``markup``,
``encoding``), which normalises every scraped page and changes no word.

Run from the repository root::

    .venv/bin/python benchmarks/rule_audit.py                 # the table
    .venv/bin/python benchmarks/rule_audit.py --json out.json # also every count as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from alliance_corpus.resources import Resources
from alliance_corpus.resources.rules import Rule
from alliance_corpus.restore import clean, matching
from alliance_corpus.restore.fixes.context import apply_token_rules

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = ROOT / "data" / "raw" / "000_ff174e8760ddc370.txt"
RULE_FILES = ROOT / "src" / "alliance_corpus" / "data" / "rules"
HELD_OUT = ("spun_holdout", "garbled_holdout", "garbled_holdout2")  # never read here

LAYOUT_KINDS = frozenset({"whitespace", "typography", "markup", "encoding"})
COLUMNS = ("seed", "fired", "restored", "garbled", "spun", "orig", "clean", "web", "real", "pages")


@dataclass
class Row:
    """The counts of one rule, and what they say about it."""

    id: str
    file: str
    kind: str
    match: str
    confidence: float
    always: bool
    evidence: str
    counts: dict[str, int] = field(default_factory=dict)
    where: dict[str, list[str]] = field(default_factory=dict)  # column -> the texts matched

    @property
    def real_pages(self) -> list[str]:
        return self.where.get("real", [])

    @property
    def cites_seed(self) -> bool:
        return self.evidence.startswith("seed")

    @property
    def seen_in_seed(self) -> bool:
        return any(self.counts[name] for name in ("seed", "fired", "restored"))

    @property
    def untruthful(self) -> bool:
        """The evidence cites the seed, but the rule neither matches nor edits it."""
        return self.cites_seed and not self.seen_in_seed

    @property
    def harmful(self) -> bool:
        """An always-on rule that matches legitimate English web text (and may change words there)."""
        return self.always and self.counts["real"] > 0 and self.kind not in LAYOUT_KINDS

    @property
    def layout_on_real(self) -> bool:
        """An always-on layout rule that normalises legitimate English web text."""
        return self.always and self.counts["real"] > 0 and self.kind in LAYOUT_KINDS


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def texts() -> dict[str, list[tuple[str, str]]]:
    """The audited texts by column, each as (name, text)."""
    seed = SEED.read_text(encoding="utf-8")
    garbled = [p for folder in ("garbled", "garbled_dev") for p in sorted((DATA / folder).glob("*.json"))]
    spun = sorted((DATA / "spun_dev").glob("*.json"))
    assert not any(part in HELD_OUT for p in garbled + spun for part in p.parts)
    pages = [_json(p) for p in sorted((DATA / "realpages").glob("*.json"))]
    return {
        "seed": [("seed", seed)],
        "restored": [("seed", clean(seed).text)],
        "garbled": [(f"{p.parent.name}/{p.stem}", _json(p)["garbled"]) for p in garbled],
        "spun": [(f"spun_dev/{p.stem}", _json(p)["garbled"]) for p in spun],
        "orig": [(f"{p.parent.name}/{p.stem}", _json(p)["original"]) for p in garbled + spun],
        "clean": [(f"clean/{p.stem}", p.read_text(encoding="utf-8")) for p in sorted((DATA / "clean").glob("*.txt"))],
        "web": [(f"webnoise/{p.stem}", _json(p)["raw"]) for p in sorted((DATA / "webnoise").glob("*.json"))],
        "real": [(page["id"], page["text"]) for page in pages if page.get("language") == "en"],
    }


def rule_files() -> dict[str, str]:
    """The file each bundled rule comes from (rule id -> file name)."""
    where = {}
    for path in sorted(RULE_FILES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("//"):
                where[json.loads(line)["id"]] = path.name
    return where


def count(rule: Rule, text: str, nlp: Any) -> int:
    """How many changes ``rule`` proposes in ``text``."""
    if rule.match == "tokens":
        return sum(1 for change in apply_token_rules(text, [rule], nlp) if change.rule == rule.id)
    return sum(1 for _ in matching.rule_changes(text, rule))


def fired_on_seed() -> dict[str, int]:
    """The edits the restorer makes to the seed, by rule (an edit composed of two rules counts for both)."""
    fired: dict[str, int] = {}
    for edit in clean(SEED.read_text(encoding="utf-8")).edits:
        for rule in edit.rule.split("+"):
            fired[rule] = fired.get(rule, 0) + 1
    return fired


def audit(rules: Iterable[Rule] | None = None) -> list[Row]:
    """One row per rule."""
    from alliance_corpus.nlp import load_pipeline

    resources = Resources.bundled()
    rules = list(resources.rules if rules is None else rules)
    nlp = load_pipeline(None, resources).nlp
    corpus = texts()
    fired = fired_on_seed()
    where = rule_files()
    rows = []
    for rule in rules:
        row = Row(rule.id, where.get(rule.id, "?"), rule.kind, rule.match, rule.confidence, rule.always, rule.evidence)
        for column, items in corpus.items():
            found = [(name, count(rule, text, nlp)) for name, text in items]
            row.counts[column] = sum(n for _, n in found)
            row.where[column] = [name for name, n in found if n]
        row.counts["fired"] = fired.get(rule.id, 0)
        row.counts["pages"] = len(row.real_pages)
        rows.append(row)
    return rows


def table(rows: list[Row]) -> str:
    """The rows as a fixed-width table, with a summary."""
    width = max(len(row.id) for row in rows)
    head = f"{'rule':<{width}}  conf  " + " ".join(f"{c:>8}" for c in COLUMNS) + "  flags"
    lines = [head, "-" * len(head)]
    for row in rows:
        checks = (("evidence:seed?", row.untruthful), ("always:real", row.harmful), ("layout:real", row.layout_on_real))
        flags = [flag for flag, on in checks if on]
        cells = " ".join(f"{row.counts[c] or '.':>8}" for c in COLUMNS)
        lines.append(f"{row.id:<{width}}  {row.confidence:4.2f}{'*' if row.always else ' '} {cells}  {' '.join(flags)}")
    untruthful = [row.id for row in rows if row.untruthful]
    harmful = [f"{row.id} ({row.counts['pages']} pages)" for row in rows if row.harmful]
    layout = [f"{row.id} ({row.counts['pages']} pages)" for row in rows if row.layout_on_real]
    lines += [
        "",
        f"{len(rows)} rules, {sum(row.always for row in rows)} always-on (*); "
        f"{sum(row.cites_seed for row in rows)} cite the seed, {sum(row.seen_in_seed for row in rows)} match or edit it.",
        f"Evidence cites the seed but the rule neither matches nor edits it: {len(untruthful)} {untruthful}",
        f"Always-on rules matching English pages of the negative set: {len(harmful)} {harmful}",
        f"Always-on layout rules normalising English pages of the negative set (no word changed): {len(layout)} {layout}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write every row as JSON to this file")
    args = parser.parse_args(argv)
    rows = audit()
    print(table(rows))
    if args.json:
        payload = [
            {**asdict(row), "untruthful": row.untruthful, "harmful": row.harmful, "layout_on_real": row.layout_on_real} for row in rows
        ]
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
