"""Which kinds of damage restoration repairs, on a spun set with damage lists (``tests/data/spun_dev`` by default).

Each passage of the spun sets lists its damage item by item, with a kind
(``leakage``, ``sense``, ``spinner``, ``grammar``...).  An item counts as
repaired when the restored text has its original snippet back exactly
(:func:`alliance_corpus.metrics.repaired_damage`).  Run from the repository
root::

    .venv/bin/python benchmarks/damage_kinds.py [--set spun_dev]

The held-out sets (``spun_holdout``, ``spun_holdout2``) have damage lists
too; reading their per-kind misses is looking at held-out damage, so this
script is for the development set.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from alliance_corpus import clean
from alliance_corpus.metrics import damage_spans, repaired_damage

ROOT = Path(__file__).resolve().parent.parent


def kinds_report(folder: Path) -> dict[str, dict[str, int]]:
    """Per kind of damage: how many items the set has and how many restoration repairs."""
    total: Counter[str] = Counter()
    repaired: Counter[str] = Counter()
    for path in sorted(folder.glob("*.json")):
        passage = json.loads(path.read_bytes())
        items = [(item["original"], item["spun"]) for item in passage["damage"]]
        spans = damage_spans(passage["original"], items)
        if spans is None:
            raise SystemExit(f"{path}: its damage list does not fit its original")
        outcome = repaired_damage(passage["original"], clean(passage["garbled"]).text, spans)
        for item, fixed in zip(passage["damage"], outcome):
            total[item["kind"]] += 1
            repaired[item["kind"]] += fixed
    return {kind: {"items": total[kind], "repaired": repaired[kind]} for kind in sorted(total, key=lambda k: -total[k])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="spun_dev", help="a folder of tests/data with damage lists (default: spun_dev)")
    report = kinds_report(ROOT / "tests" / "data" / parser.parse_args().set)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
