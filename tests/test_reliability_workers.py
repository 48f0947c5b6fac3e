"""Issue 18 items 7 and 8: --workers is capped at the number of cores, and workers die with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from quotes import runner
from quotes.cli import app
from tests.conftest import ROOT, SEEDS, _models_dir


def test_workers_are_capped_at_the_number_of_cores(tmp_path, monkeypatch):
    seen = {}

    def fake_run(paths, opts, writer, errors, progress=None):
        seen["workers"] = opts.workers
        return runner.Summary()

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr("quotes.cli.run", fake_run)
    if _models_dir() is None:
        pytest.skip("no Stanza models")
    result = CliRunner().invoke(app, ["extract", "--no-cache", "--models", str(_models_dir()), "--workers", "1000", str(SEEDS),
                                      "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0 and seen["workers"] == 2
    assert "--workers 1000" in result.stderr and "using 2" in result.stderr


CHILD = r"""
import sys, time
from quotes import runner
runner.make_extractor = lambda opts: None          # no Stanza: the test is about the processes
runner._work = lambda batch: time.sleep(120) or []
opts = runner.RunOptions(workers=2)
results = runner.pooled(opts, iter([[1], [2], [3], [4]]), lambda: False)
import threading, multiprocessing
threading.Thread(target=lambda: next(results), daemon=True).start()
while len(multiprocessing.active_children()) < 2:
    time.sleep(0.1)
time.sleep(1)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_parent(how):
    parent = subprocess.Popen([sys.executable, "-c", CHILD], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(x) for x in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(p) for p in workers)
        parent.send_signal(how)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in workers)
    finally:
        parent.kill()
        for p in workers if "workers" in locals() else []:
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_workers_load_their_models_one_after_the_other(tmp_path, monkeypatch):
    """Item 7: workers start one by one: each takes the loading lock for its models, so no two
    load at once (the memory of one load at a time, not of N)."""
    import multiprocessing as mp

    log = tmp_path / "loads"

    def slow_load(opts):
        start = time.monotonic()
        time.sleep(0.3)
        with open(log, "a") as fh:
            fh.write(f"{start} {time.monotonic()}\n")
        return object()

    monkeypatch.setattr(runner, "make_extractor", slow_load)
    ctx = mp.get_context("fork")
    lock = ctx.Lock()
    procs = [ctx.Process(target=runner._init_worker, args=(None, 1, None, lock)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(10)
    spans = sorted(tuple(map(float, line.split())) for line in log.read_text().splitlines())
    assert len(spans) == 3
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no two loads overlap
