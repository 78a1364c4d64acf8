"""The Dask engine on a real two-process LocalCluster: the same bytes as a local run, the model loaded once per worker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_corpus import annotate_corpus
from tests.conftest import make_corpus
from tests.corpus.test_runner import _mixed_corpus

distributed = pytest.importorskip("distributed")

CLI = [sys.executable, "-m", "alliance_corpus.cli"]
GAZETTEER = {"id": "ac:camp-mujuk", "label": "FAC", "pattern": "Camp Mujuk", "note": "U.S. Marine camp in Pohang, South Korea"}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def _corpus(root: Path) -> Path:
    raw = _mixed_corpus(root)
    (raw / "mujuk.txt").write_bytes(b"Marines train at Camp Mujuk in Pohang.\n")
    (root / "gazetteer").mkdir()
    (root / "gazetteer" / "mine.jsonl").write_text(json.dumps(GAZETTEER) + "\n", encoding="utf-8")  # the workers never see this folder
    return raw


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _loads_per_worker(client) -> list[int]:
    def loads() -> int:
        from alliance_corpus.nlp import _cached_pipeline

        return _cached_pipeline.cache_info().misses

    return sorted(client.run(loads).values())


def test_dask_engine_writes_the_bytes_of_a_local_run_and_loads_the_model_once_per_worker(tmp_path, client):
    local = annotate_corpus(_corpus(tmp_path / "local"), tmp_path / "local" / "annotated")
    reports = []
    on_dask = annotate_corpus(_corpus(tmp_path / "dask"), tmp_path / "dask" / "annotated", client=client, progress=reports.append)
    assert local.ok and on_dask.ok and on_dask.annotated == local.annotated
    assert [r.documents for r in reports] == list(range(len(local.annotated) + 1))
    expected = _files(tmp_path / "local" / "annotated")
    assert len(expected) == 29 and _files(tmp_path / "dask" / "annotated") == expected
    linked = json.loads(expected["mujuk.json"])["entities"]
    assert any(e["kb_id"] == "ac:camp-mujuk" for e in linked)  # the corpus's own gazetteer reached the workers
    assert _loads_per_worker(client) == [1, 1]


def test_dask_engine_annotates_every_parcel_when_there_are_more_than_it_hands_out_at_first(tmp_path, client):
    from alliance_corpus.corpus.distributed import IN_FLIGHT_PER_THREAD
    from alliance_corpus.corpus.sources import read_all
    from alliance_corpus.corpus.work import parcels

    texts = {f"doc{i:02d}.txt": f"Leon Panetta visited Okinawa on day {i} of the talks.\n".encode() for i in range(40)}
    raw = make_corpus(tmp_path, texts)
    documents, _, _ = read_all(raw, tmp_path)
    assert len(parcels(documents, jobs=1, batch_size=16)) > IN_FLIGHT_PER_THREAD * 2  # more than the first hand-out
    summary = annotate_corpus(raw, tmp_path / "annotated", client=client)
    assert summary.ok and len(summary.annotated) == 40  # the first hand-out once dropped the parcel after it
    assert sorted(path.stem for path in (tmp_path / "annotated").glob("doc*.json")) == sorted(Path(name).stem for name in texts)


def test_dask_engine_from_the_command_line_with_a_scheduler_address(tmp_path, client):
    raw = make_corpus(tmp_path, {f"doc{i}.txt": f"Leon Panetta visited Okinawa on day {i}.\n".encode() for i in range(6)})
    local = annotate_corpus(raw, tmp_path / "local")
    command = [*CLI, "annotate", "--raw", str(raw), "--out", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", client.scheduler.address]
    first = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert local.ok and _files(tmp_path / "dask") == _files(tmp_path / "local")
    loaded = _loads_per_worker(client)
    again = subprocess.run([*command, "--force"], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert _loads_per_worker(client) == loaded  # a second job with the same resources reuses each worker's model


def test_dask_engine_needs_a_scheduler_flag_only_with_dask(tmp_path):
    raw = make_corpus(tmp_path, {"a.txt": b"Okinawa.\n"})
    result = subprocess.run([*CLI, "annotate", "--raw", str(raw), "--scheduler", "tcp://127.0.0.1:1"], capture_output=True, text=True)
    assert result.returncode == 2 and "--scheduler needs --engine dask" in result.stderr
