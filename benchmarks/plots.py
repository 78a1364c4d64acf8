"""PNG figures of cost against size, drawn from ``results/scaling.json``: ``python benchmarks/plots.py``.

- ``scaling_long_time.png``: time per word of one document, 50 KB to 5 MB, ours and bare spaCy;
- ``scaling_long_memory.png``: peak memory of one document, up to 20 MB;
- ``scaling_corpus.png``: time per word of the whole job on a 1x and a 100x corpus, ours and bare;
- ``scaling_jobs.png``: whole-run time with one and two jobs.

Needs matplotlib (``requirements-dev.lock``); nothing is measured here.
"""

from __future__ import annotations

import json
import sys

import common


def main() -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = json.loads((common.RESULTS / "scaling.json").read_text(encoding="utf-8"))["results"]
    written = []
    if "long" in results:
        everything = results["long"]["rows"]
        rows = [r for r in everything if "what" not in r]  # annotate alone
        jobs = [r for r in everything if r.get("what") == "job"]  # record, JSON bytes and index entry, as a worker makes them
        timed = [r for r in rows if r["bare_us_per_word"] is not None]
        figure, axes = plt.subplots(figsize=(6, 4))
        axes.plot([r["kilobytes"] for r in timed], [r["ours_us_per_word"] for r in timed], "o-", label="ours (annotate)")
        axes.plot([r["kilobytes"] for r in timed], [r["bare_us_per_word"] for r in timed], "s--", label="bare spaCy, same components")
        axes.set(xscale="log", xlabel="document size (KB)", ylabel="µs per word", title="One long document: time per word", ylim=(0, None))
        axes.legend()
        written.append(_save(figure, "scaling_long_time.png"))
        figure, axes = plt.subplots(figsize=(6, 4))
        axes.plot([r["kilobytes"] for r in rows], [r["ours_peak_mb"] for r in rows], "o-", label="ours (annotate)")
        axes.plot([r["kilobytes"] for r in timed], [r["bare_peak_mb"] for r in timed], "s--", label="bare spaCy, same components")
        if jobs:
            axes.plot([r["kilobytes"] for r in jobs], [r["ours_peak_mb"] for r in jobs], "^", color="C3", label="ours, record serialised too")
        axes.axhline(1536, color="grey", linestyle=":", label="1.5 GB")
        axes.set(xscale="log", xlabel="document size (KB)", ylabel="peak RSS (MB)", title="One long document: peak memory", ylim=(0, None))
        axes.legend()
        written.append(_save(figure, "scaling_long_memory.png"))
    if "corpus" in results:
        rows = results["corpus"]["rows"]
        figure, axes = plt.subplots(figsize=(6, 4))
        axes.plot([r["words"] for r in rows], [r["ours_us_per_word"] for r in rows], "o-", label="ours (annotate_corpus)")
        axes.plot([r["words"] for r in rows], [r["bare_us_per_word"] for r in rows], "s--", label="bare spaCy, same components")
        axes.set(xscale="log", xlabel="corpus size (words)", ylabel="µs per word", title="Corpus: time per word", ylim=(0, None))
        axes.legend()
        written.append(_save(figure, "scaling_corpus.png"))
    if "jobs" in results:
        rows = results["jobs"]["rows"]
        figure, axes = plt.subplots(figsize=(6, 4))
        positions = range(len(rows))
        axes.bar([p - 0.2 for p in positions], [r["jobs1_s"] for r in rows], width=0.4, label="jobs=1")
        axes.bar([p + 0.2 for p in positions], [r["jobs2_s"] for r in rows], width=0.4, label="jobs=2")
        axes.set_xticks(list(positions), [f"{r['corpus']}\n{r['speed_up']:.2f}x" for r in rows])
        axes.set(ylabel="seconds (whole run)", title="One job against two")
        axes.legend()
        written.append(_save(figure, "scaling_jobs.png"))
    print("\n".join(f"  written: {path}" for path in written))
    return 0


def _save(figure, name: str) -> str:
    path = common.RESULTS / name
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    return str(path.relative_to(common.ROOT))


if __name__ == "__main__":
    sys.exit(main())
