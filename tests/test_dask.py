"""`quotes extract --engine dask`: the same records as a local run, from a LocalCluster of two
worker processes; a dead worker, a killed client and a bad article cost nothing else."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS, _models_dir
from quotes.cli import app

distributed = pytest.importorskip("distributed")

SENTINEL = "KILL-THE-WORKER-ONCE"
PRELOAD = f'''
import os
import quotes.engine_dask as engine

_run = getattr(engine, "_unpatched_run_batch", engine.run_batch)  # a preload may run twice in one process
engine._unpatched_run_batch = _run
MARK = os.environ["QUOTES_TEST_KILL_MARK"]


def dying_run_batch(opts, batch):
    if any("{SENTINEL}" in getattr(a, "text", "") for a in batch):
        try:
            os.close(os.open(MARK, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return _run(opts, batch)
        os._exit(9)  # the worker dies (OOM killer, segfault) while holding this batch, once
    return _run(opts, batch)


engine.run_batch = dying_run_batch
'''


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _clean(seed_quotes) -> list[dict]:
    return [r.model_dump(mode="json") for key in sorted(seed_quotes) for r in seed_quotes[key][1]]


def _without_keys(records: list[dict]) -> list[tuple]:
    return [(r["text"], r["start"], r["end"], r["kind"], (r["speaker"] or {}).get("name")) for r in records]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A LocalCluster of two single-threaded worker processes on 127.0.0.1, with a preload that
    lets a test kill a worker once."""
    from distributed import LocalCluster

    where = tmp_path_factory.mktemp("dask")
    preload = where / "kill_once.py"
    preload.write_text(PRELOAD, encoding="utf-8")
    mark = where / "killed"
    env = {"QUOTES_TEST_KILL_MARK": str(mark), "STANZA_RESOURCES_DIR": str(_models_dir()),
           "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                     scheduler_kwargs={"allowed_failures": 1}, preload=[str(preload)], env=env)
    c.kill_mark = mark
    yield c
    c.close()


def _cli(*args):
    return CliRunner().invoke(app, ["extract", "--no-cache", "--models", str(_models_dir()), *map(str, args)])


def test_local_cluster_gives_the_records_of_a_local_run_and_a_bad_article_costs_only_itself(tmp_path, seed_quotes):
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = _cli(SEEDS, ROOT / "fixtures" / "bad", "--engine", "dask", "--workers", "2", "-o", out, "--errors", errs)
    assert result.exit_code == 1, result.stderr  # the bad fixtures fail, each once
    assert [json.loads(x) for x in _lines(out)] == _clean(seed_quotes)
    failed = [json.loads(x)["doc"].split("/")[-1] for x in _lines(errs)]
    assert sorted(failed) == sorted({"windows-1252.txt", "saved-pdf.txt", "image-renamed.txt", "broken-utf16.txt",
                                     "html-leftovers.txt", "broken-lines.jsonl:2", "broken-lines.jsonl:3",
                                     "broken-lines.jsonl:4"})


def test_a_worker_killed_mid_run_loses_nothing(tmp_path, cluster, seed_quotes, extractor):
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    doomed = "„Wir bleiben hier“, sagte die Ministerin Anna Berg. " + SENTINEL + "\n"
    (docs / "zz-doomed.txt").write_text(doomed, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _cli(docs, "--engine", "dask", "--scheduler", cluster.scheduler_address, "-o", out)
    assert cluster.kill_mark.exists(), "the worker was not killed: the test tested nothing"
    assert result.exit_code == 0, result.stderr  # the batch ran again on the other worker
    records = [json.loads(x) for x in _lines(out)]
    assert records[:-1] == _clean(seed_quotes)
    assert (records[-1]["doc"], records[-1]["text"], records[-1]["speaker"]["name"]) == ("zz-doomed.txt", "Wir bleiben hier", "Anna Berg")


def test_resume_after_the_client_is_killed_loses_and_doubles_nothing(tmp_path, cluster, seed_quotes):
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(8):  # 40 articles, several batches
        for src in sorted(SEEDS.glob("*.txt")):
            (docs / f"{k}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n(Copy {k}.)\n", encoding="utf-8")
    # and ten batches of short articles after them: the client writes in input order, so when a slow
    # first batch (a worker still loading its models) comes in with the next ones done, the run must
    # still have batches left to be killed in
    for n in range(160):
        (docs / f"z{n:03}.txt").write_text(f"„Wir bleiben hier, Nummer {n}“, sagte die Ministerin Anna Berg.\n",
                                           encoding="utf-8")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(_models_dir()), "PYTHONPATH": str(ROOT)}
    client = subprocess.Popen([sys.executable, "-m", "quotes.cli", "extract", "--no-cache", str(docs), "--engine", "dask",
                               "--scheduler", cluster.scheduler_address, "-o", str(out)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marks = out.with_name(out.name + ".part.done")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and client.poll() is None:
        if marks.exists() and len(marks.read_text(encoding="utf-8").splitlines()) >= 3:
            break
        time.sleep(0.05)
    assert client.poll() is None, "the run ended before it could be killed"
    client.send_signal(signal.SIGKILL)
    client.wait()
    assert not out.exists() and out.with_name(out.name + ".part").exists()
    result = _cli(docs, "--engine", "dask", "--scheduler", cluster.scheduler_address, "-o", out, "--resume")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(x) for x in _lines(out)]
    assert len({r["id"] for r in records}) == len(records)  # nothing doubled
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r["doc"], []).append(r)
    for key, (_, quotes) in seed_quotes.items():  # nothing lost: every copy has its seed's records
        want = _without_keys([q.model_dump(mode="json") for q in quotes])
        for k in range(8):
            (doc,) = [d for d in by_doc if d.startswith(f"{k}_{key}")] or [None]
            assert doc and _without_keys(by_doc[doc]) == want, doc
    assert [(by_doc[f"z{n:03}.txt"][0]["text"], by_doc[f"z{n:03}.txt"][0]["speaker"]["name"]) for n in range(160)] == [
        (f"Wir bleiben hier, Nummer {n}", "Anna Berg") for n in range(160)]


def test_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("„Ja“, sagte sie.", encoding="utf-8")
    result = _cli(tmp_path, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 2
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("quotes: error: --scheduler tcp://127.0.0.1:9: cannot reach the dask scheduler")
    assert not list(tmp_path.glob("o.jsonl*"))
