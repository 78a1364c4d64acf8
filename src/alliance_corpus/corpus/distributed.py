"""The main job on a Dask cluster: :class:`DaskEngine`.

Give :func:`~.runner.annotate_corpus` a ``distributed.Client`` (or run
``alliance-corpus annotate --engine dask --scheduler ADDRESS``): the parcels
(:func:`~.work.parcels`) become tasks on the cluster's workers, and this
process writes the records they send back, exactly as a local run would.

- Every worker needs ``alliance_corpus``, spaCy and the model installed (the
  same versions: a record made by another pipeline stops the run).  The raw
  texts travel with the tasks, and so do a corpus's own rule and gazetteer
  files, so the workers need no access to the corpus folder.
- The model loads once per worker process, the first time a task of this
  job reaches it, and is reused by the following tasks.  spaCy is not made
  for threads, so a worker runs one of these tasks at a time: give each
  worker one thread and start as many workers as cores
  (``dask worker ADDRESS --nworkers N --nthreads 1``).

Dask and distributed are imported only when this engine is used.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from ..records import RawDocument
from ..resources import DATA, Resources
from .work import Outcome, Settings, annotate_parcel

__all__ = ["DaskEngine", "Shipped", "annotate_on_worker"]

IN_FLIGHT_PER_THREAD = 4
"""Parcels handed to the scheduler ahead, per worker thread: enough to keep workers busy, not the whole corpus at once."""

KINDS = ("rules", "gazetteer", "lexicons")


@dataclass(frozen=True)
class Shipped:
    """:class:`~.work.Settings` in a form any worker can use: bundled files by name, the corpus's own files by content."""

    model: str | None
    batch_size: int
    files: tuple[tuple[str, str, bytes | None], ...]
    """``(kind, name, content)``; ``content`` is ``None`` for a file bundled with the package."""

    @classmethod
    def of(cls, settings: Settings) -> Shipped:
        resources = settings.resources
        lists = (resources.rule_files, resources.gazetteer_files, resources.lexicon_files)
        files = tuple((kind, path.name, None if _bundled(path, kind) else path.read_bytes()) for kind, paths in zip(KINDS, lists) for path in paths)
        return cls(settings.model, settings.batch_size, files)

    def settings(self) -> Settings:
        """The settings on this worker: its own bundled files, and the others written once to a temporary folder."""
        return Settings(self.model, _resources(self.files), self.batch_size)


def _bundled(path: Path, kind: str) -> bool:
    return path.parent.resolve() == (DATA / kind).resolve()


@lru_cache(maxsize=8)
def _resources(files: tuple[tuple[str, str, bytes | None], ...]) -> Resources:
    """The same :class:`Resources` object for the same files, so the pipeline built from it is cached too (once per worker)."""
    folder: Path | None = None
    lists: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    for kind, name, content in files:
        if content is None:
            lists[kind].append(DATA / kind / name)
            continue
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="alliance-corpus-resources-"))
        path = folder / kind / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
        lists[kind].append(path)
    return Resources(rule_files=tuple(lists["rules"]), gazetteer_files=tuple(lists["gazetteer"]), lexicon_files=tuple(lists["lexicons"]))


_ONE_AT_A_TIME = threading.Lock()


def annotate_on_worker(parcel: Sequence[RawDocument], shipped: Shipped) -> list[Outcome]:
    """The task a Dask worker runs: one parcel, one at a time per worker process (spaCy is not made for threads)."""
    with _ONE_AT_A_TIME:
        return annotate_parcel(parcel, shipped.settings())


class DaskEngine:
    """Parcels as tasks of a Dask cluster, reached through ``client`` (a ``distributed.Client``)."""

    def __init__(self, client: Any):
        self.client = client
        self._futures: list[Any] = []

    def start(self, settings: Settings, documents: int) -> None:
        pass  # the cluster's workers are already running

    def run(self, parcels: Sequence[Sequence[RawDocument]], settings: Settings) -> Iterator[Outcome]:
        from distributed import as_completed

        if not parcels:
            return
        shipped = self.client.scatter(Shipped.of(settings), broadcast=True)  # sent to every worker once, not with each task
        threads = max(1, sum(self.client.nthreads().values()))
        waiting = iter(parcels)
        first = [self._submit(parcel, shipped) for parcel in islice(waiting, IN_FLIGHT_PER_THREAD * threads)]
        finished = False
        try:
            done = as_completed(first)
            for future in done:
                outcomes: list[Outcome] = future.result()
                self._futures.remove(future)
                following = next(waiting, None)
                if following is not None:
                    done.add(self._submit(following, shipped))
                yield from outcomes
            finished = True
        finally:
            if not finished:
                self.close()

    def _submit(self, parcel: Sequence[RawDocument], shipped: Any) -> Any:
        future = self.client.submit(annotate_on_worker, list(parcel), shipped, pure=False)
        self._futures.append(future)
        return future

    def close(self) -> None:
        """Cancel the tasks not yet finished (the cluster itself is left running)."""
        futures, self._futures = self._futures, []
        if futures:
            self.client.cancel(futures)
