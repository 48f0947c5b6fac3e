"""Extraction on a dask.distributed cluster: `quotes extract --engine dask [--scheduler ADDRESS]`.

The client (this process) reads the articles, sends them out in batches and writes the records in
input order through the same writer as a local run, so `FILE.part`, `--resume`, `--errors` and the
summary behave as they do there. At most `2 x workers` batches are in flight: memory stays flat on
any input. Each worker process loads the Stanza pipelines and rule stages once, on its first batch
(a per-process cache: nothing heavy travels with a task). A batch whose worker dies is run again
on another worker (the scheduler's `allowed-failures`: one retry on the LocalCluster started
here); if it kills that one too, its articles are reported failed (stage `worker`), never lost or
doubled.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterator

from .errors import QuotesError

CONNECT_TIMEOUT_S = 10
RETRIES_ON_WORKER_DEATH = 1  # LocalCluster's allowed-failures: a batch survives one dead worker

_loaded: dict = {}
_loading = threading.Lock()


def _pipeline(opts):
    """This worker process's pipeline for `opts`, loaded on first use."""
    key = repr(opts)
    with _loading:
        if key not in _loaded:
            from .runner import make_extractor

            _loaded.clear()
            _loaded[key] = make_extractor(opts)
        return _loaded[key]


def run_batch(opts, batch: list) -> list:
    """The task: the Outcomes of one batch (runner.process_batch), on a worker."""
    from .runner import process_batch

    return process_batch(_pipeline(opts), batch)


class DaskEngine:
    """A dask Client: connected to `scheduler`, or to a LocalCluster of `workers` single-threaded
    worker processes started (and stopped) here."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None):
        self.scheduler = scheduler
        self.workers = workers or os.cpu_count() or 1
        self.cluster = None
        self.client = None

    def __enter__(self) -> "DaskEngine":
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise QuotesError("--engine dask needs dask.distributed: pip install 'quotes[dask]'") from None
        logging.getLogger("distributed").setLevel(logging.ERROR)
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError, ValueError) as exc:
                raise QuotesError(f"--scheduler {self.scheduler}: cannot reach the dask scheduler ({type(exc).__name__}: {exc})") from None
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or 1)
        else:
            threads = str(max(1, (os.cpu_count() or 1) // self.workers))  # torch threads per worker
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address=None, silence_logs=logging.ERROR,
                                        scheduler_kwargs={"allowed_failures": RETRIES_ON_WORKER_DEATH},
                                        env={"OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads})
            self.client = Client(self.cluster)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map_in_order(self, opts, work: Iterator[list], stop, lost) -> Iterator[list]:
        """run_batch over `work`, results in input order, a bounded number in flight; a batch that
        fails on the cluster (its workers died) gives `lost(batch, why)` instead."""
        window: deque = deque()
        while True:
            while not stop() and len(window) < 2 * self.workers:
                batch = next(work, None)
                if batch is None:
                    break
                window.append((batch, self.client.submit(run_batch, opts, batch, pure=False)))
            if not window:
                return
            batch, future = window.popleft()
            try:
                yield future.result()
            except Exception as exc:  # KilledWorker, a lost connection: this batch only
                yield lost(batch, f"lost on the dask cluster ({type(exc).__name__}: {exc})")
            finally:
                future.release()


def dask_engine(opts, work: Iterator[list], stop) -> Iterator[list]:
    """runner's engine interface: Outcomes of each batch of `work`, in order, from a dask cluster."""
    from .runner import _lost

    with DaskEngine(opts.scheduler, opts.workers) as engine:
        yield from engine.map_in_order(opts, work, stop, _lost)


def pipe_on_cluster(opts, batches: Iterator[list], scheduler: str | None = None,
                    workers: int | None = None) -> Iterator:
    """The Python API's engine="dask": per article of each batch, its Quote records or its
    ArticleFailure, in input order."""
    from .errors import ArticleFailure
    from .record import Quote
    from .runner import _lost

    with DaskEngine(scheduler, workers) as engine:
        for outcomes in engine.map_in_order(opts, iter(batches), lambda: False, _lost):
            for o in outcomes:
                if o.stage:
                    fail = ArticleFailure(o.doc, o.stage, o.error or "")
                    fail.source = o.source
                    yield fail
                else:
                    yield [Quote.model_validate(r) for r in o.records]
