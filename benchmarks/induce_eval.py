"""Rules learnt from pairs, evaluated leave-one-document-out (``python benchmarks/induce_eval.py``).

For each spun passage of the development sets (``garbled``, ``garbled_dev``,
``spun_dev``), rules are induced from every *other* pair of those sets and
checked on the negative corpus (the clean set and the English pages of
``tests/data/realpages``); then the passage's word error rate against its
original is measured four ways: raw, with the induced rules alone, with the
hand-written rules (``clean``), and with both.  The held-out set
``spun_holdout`` is measured with rules induced from all the development
pairs; none of its pairs is ever induced from.

The figures are written to ``benchmarks/results/induce.json``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import common
import orjson

from alliance_corpus.metrics import word_error_rate
from alliance_corpus.resources import Resources
from alliance_corpus.resources.rules import Rule
from alliance_corpus.restore import clean
from alliance_corpus.restore.fixes.rules import apply_rules
from alliance_corpus.restore.induce import induce, rule_json
from alliance_corpus.text import apply_changes

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEVELOPMENT = ("garbled", "garbled_dev", "spun_dev")
HELD_OUT = "spun_holdout"


def pairs_of(name: str) -> list[tuple[str, str, str]]:
    """``(id, spun, original)`` for every passage of one test set."""
    found = []
    for path in sorted((DATA / name).glob("*.json")):
        case = orjson.loads(path.read_bytes())
        found.append((f"{name}/{path.stem}", case["garbled"], case["original"]))
    return found


def negative_texts() -> list[str]:
    """Edited prose, where an induced rule must not fire: the clean set and the English real pages."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "clean").glob("*.txt"))]
    for path in sorted((DATA / "realpages").glob("*.json")):
        page = orjson.loads(path.read_bytes())
        if page.get("language") == "en":
            texts.append(page["text"])
    return texts


def word_error_rates(spun: str, original: str, learnt: list[dict[str, Any]]) -> dict[str, float]:
    """The passage's word error rate raw, with the learnt rules alone, with the hand-written rules, and with both."""
    rules = [Rule.model_validate(data) for data in learnt]
    alone = apply_changes(spun, apply_rules(spun, rules)).text
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "rules").mkdir()
        (Path(folder) / "rules" / "induced.jsonl").write_bytes(b"".join(orjson.dumps(data) + b"\n" for data in learnt))
        both = clean(spun, resources=Resources.for_corpus(Path(folder))).text
    return {
        "raw": word_error_rate(spun, original),
        "induced_alone": word_error_rate(alone, original),
        "hand_written": word_error_rate(clean(spun).text, original),
        "hand_written_and_induced": word_error_rate(both, original),
    }


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean word error rates and their relative reduction from raw."""
    means = {key: round(sum(row["wer"][key] for row in rows) / len(rows), 4) for key in rows[0]["wer"]}
    reductions = {key: round(1 - value / means["raw"], 4) for key, value in means.items() if key != "raw"}
    return {"passages": len(rows), "mean_wer": means, "relative_reduction": reductions}


def run() -> dict[str, Any]:
    """Leave-one-document-out on the development sets, then the held-out set; print and write the figures."""
    negative = negative_texts()
    development = [pair for name in DEVELOPMENT for pair in pairs_of(name)]
    rows = []
    for name, spun, original in development:
        learnt = [rule_json(rule) for rule in induce([p for p in development if p[0] != name], negative)]
        rows.append({"passage": name, "rules": len(learnt), "wer": word_error_rates(spun, original, learnt)})
    everything = [rule_json(rule) for rule in induce(development, negative)]
    held_out = [{"passage": name, "rules": len(everything), "wer": word_error_rates(spun, original, everything)} for name, spun, original in pairs_of(HELD_OUT)]
    by_set = {name: [row for row in rows if row["passage"].startswith(f"{name}/")] for name in DEVELOPMENT}
    results = {
        "leave_one_out": summary(rows),
        "leave_one_out_by_set": {name: summary(part) for name, part in by_set.items()},
        "held_out": summary(held_out),
        "rules_from_all_development_pairs": len(everything),
    }
    parts = [("leave one out (development sets)", rows), *((f"leave one out, {name} only", part) for name, part in by_set.items()), (f"held out ({HELD_OUT})", held_out)]
    for label, part in parts:
        figures = summary(part)
        table = [[key, f"{value:.1%}", "" if key == "raw" else f"{figures['relative_reduction'][key]:.0%}"] for key, value in figures["mean_wer"].items()]
        common.print_table(f"induce: {label}, {figures['passages']} passages", ["rules", "mean WER", "reduction"], table)
    common.write_result("induce", {"development_sets": list(DEVELOPMENT), "held_out_set": HELD_OUT, "negative_texts": len(negative)}, results, {"leave_one_out": rows, "held_out": held_out})
    return results


if __name__ == "__main__":
    run()
