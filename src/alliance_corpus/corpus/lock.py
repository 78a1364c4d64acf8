"""One ``annotate`` run per output folder at a time.

A second run on the same folder waits for the first to finish (it says so
once), so two runs serialise instead of interleaving their index writes.
The lock is an advisory ``flock`` on the output folder itself (no extra
file is left behind), released by the operating system even when a run is
killed.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder, exclusive(Path(folder)):
...     sorted(Path(folder).iterdir())
[]
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(folder: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the folder's lock for the duration of the ``with`` block; ``on_wait`` hears if we must wait."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(f"waiting for another annotate run on {folder} to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing the descriptor releases the lock
