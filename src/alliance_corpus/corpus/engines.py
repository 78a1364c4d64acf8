"""Where the parcels of the main job run: here, in local processes, or on a Dask cluster.

An engine takes the parcels (:func:`~.work.parcels`) and yields each
document's :class:`~.work.Finished` record or error as soon as its parcel is
done, in whatever order the parcels finish; the runner writes them.  Every
engine runs the same :func:`~.work.annotate_parcel`, so the records are the
same bytes whichever engine made them.

- :class:`InProcess`: this process, parcel after parcel (``jobs=1``);
- :class:`Processes`: ``jobs`` local processes, started fresh (``spawn``),
  each loading the model once;
- :class:`~.distributed.DaskEngine` (in :mod:`.distributed`): the workers of
  a Dask cluster.

``close()`` stops an engine at once, dropping the parcels not yet finished:
the runner calls it when the user presses Ctrl-C.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing import get_context
from typing import Protocol

from ..records import RawDocument
from .work import Outcome, Settings, annotate_parcel, warm_up


class Engine(Protocol):
    """Runs parcels of documents and yields what becomes of each document."""

    def start(self, settings: Settings, documents: int) -> None: ...

    def run(self, parcels: Sequence[Sequence[RawDocument]], settings: Settings) -> Iterator[Outcome]: ...

    def close(self) -> None: ...


class InProcess:
    """Every parcel in this process, in turn."""

    def start(self, settings: Settings, documents: int) -> None:
        pass

    def run(self, parcels: Sequence[Sequence[RawDocument]], settings: Settings) -> Iterator[Outcome]:
        for parcel in parcels:
            yield from annotate_parcel(parcel, settings)

    def close(self) -> None:
        pass


class Processes:
    """Parcels spread over ``jobs`` local worker processes; each takes the next parcel as soon as it is free.

    Workers ignore Ctrl-C: the parent saves what is finished, then stops them
    (:meth:`close`), with no traceback from each.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        self._workers = 0

    def start(self, settings: Settings, documents: int) -> None:
        """Start the workers for ``documents`` documents now: they load the model while the runner still prepares the parcels."""
        self._workers = min(self.jobs, documents)
        if self._pool is not None or not self._workers:
            return
        context = get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=context, initializer=_start_worker, initargs=(settings,))
        for _ in range(self._workers):
            self._pool.submit(_ready)  # the pool starts a process for each task that finds no idle one

    def run(self, parcels: Sequence[Sequence[RawDocument]], settings: Settings) -> Iterator[Outcome]:
        if self._pool is None:
            self.start(settings, len(parcels))
        if self._pool is None:
            return
        workers = self._workers
        try:
            # Submitted one after the other as workers free up (plus one waiting per worker), longest first.
            waiting = iter(parcels)
            running: set[Future[list[Outcome]]] = set()
            for parcel in waiting:
                running.add(self._pool.submit(_annotate_in_worker, parcel))
                if len(running) >= 2 * workers:
                    break
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
                    following = next(waiting, None)
                    if following is not None:
                        running.add(self._pool.submit(_annotate_in_worker, following))
        finally:
            self.close()  # once every parcel is done the workers are idle: stopping them loses nothing and spares their slow exit

    def close(self) -> None:
        """Stop the workers now, even in the middle of a long document, and drop the parcels not yet done."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.terminate()  # else a long document would hold Ctrl-C until it is done
        pool.shutdown(wait=True, cancel_futures=True)


_SETTINGS: Settings | None = None
"""A worker process's settings, sent once when it starts rather than with every parcel (the resources weigh about 250 KB)."""


def _start_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    warm_up(settings)


def _ready() -> None:
    """A task that does nothing: it only makes the pool start a worker."""


def _annotate_in_worker(parcel: Sequence[RawDocument]) -> list[Outcome]:
    assert _SETTINGS is not None, "a worker process is started with its settings"
    return annotate_parcel(parcel, _SETTINGS)
