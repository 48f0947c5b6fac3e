"""Running extraction over many articles: batching, worker processes, error records, output.

Articles stream from the reader in small batches (Stanza parses a batch in bulk); batches go to
this process or to `workers` processes, each loading its pipelines once; results come back in
input order and each article's records are written as soon as its batch completes. At most two
batches per worker are in flight, so memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article, read_articles
from .errors import ArticleFailure, InputError
from .output import ErrorWriter, OutputClosed, OutputError, RecordWriter, shown
from .record import text_hash

BATCH_ARTICLES = 16
BATCH_CHARS = 40_000
DEFAULT_MAX_CHARS = 10_000_000


@dataclass
class RunOptions:
    lang: str = "auto"
    models: Path | None = None
    rules: Path | None = None
    encoding: str | None = None
    prefilter: bool = True
    cache: bool = True
    cache_dir: Path | None = None
    workers: int = 1
    max_chars: int = DEFAULT_MAX_CHARS
    min_confidence: float | None = None  # keep only records at least this confident (null: dropped)
    engine: str = "local"  # local (this process or a fork pool of `workers`) or dask (engine_dask.py)
    scheduler: str | None = None  # a dask scheduler's address; none: a LocalCluster of `workers`
    langs: list[str] | None = None  # the rule files to load (default: all)


@dataclass
class Outcome:
    """What became of one article: its records, or the stage and error that stopped it."""

    doc: str
    source: str
    doc_hash: str = ""
    records: list[dict] = field(default_factory=list)
    stage: str | None = None  # set when the article failed
    error: str | None = None


@dataclass
class Summary:
    articles: int = 0
    quotes: int = 0
    errors: int = 0
    skipped: int = 0
    interrupted: bool = False
    output_error: str | None = None
    output_closed: bool = False  # the reader of stdout went away
    inputs: int = 0  # articles and unreadable inputs met, before --resume skipped any


def make_extractor(opts: RunOptions):
    """The API's Pipeline for these options (quotes.load)."""
    from .api import load

    return load(opts.models, opts.rules, langs=opts.langs, cache=(opts.cache_dir or True) if opts.cache else False,
                prefilter=opts.prefilter)


def process_batch(extractor, batch: list[Article | Outcome]) -> list[Outcome]:
    """Outcomes of a batch, in order: read failures pass through, articles are extracted together."""
    articles = [a for a in batch if isinstance(a, Article)]
    results = iter(extractor.extract_articles(articles) if articles else [])
    out = []
    for item in batch:
        if isinstance(item, Outcome):
            out.append(item)
            continue
        res = next(results)
        o = Outcome(item.id, item.source or item.id, text_hash(item.text))
        if isinstance(res, ArticleFailure):
            o.stage, o.error = res.stage, res.error
        else:
            o.records = [q.model_dump(mode="json") for q in res]
        out.append(o)
    return out


def batches(items: Iterable[Article | InputError], opts: RunOptions, writer: RecordWriter,
            summary: Summary) -> Iterator[list[Article | Outcome]]:
    """Group articles into batches; read errors and over-long articles become failed Outcomes."""
    lang = None if opts.lang == "auto" else opts.lang
    batch: list[Article | Outcome] = []
    chars = 0
    texts: dict[str, str] = {}  # text hash -> the first doc with that text
    for item in items:
        summary.inputs += 1
        if isinstance(item, InputError):
            batch.append(Outcome(item.source, item.source, stage="read", error=item.problem))
        else:
            if item.duplicate_of:
                _warn(f"{shown(item.source)}: doc id already used by {shown(item.duplicate_of)}; its records have doc {shown(item.id)}")
            digest = text_hash(item.text)
            first = texts.setdefault(digest, item.id)
            if first != item.id:  # a second copy of one text: its record ids also hash its doc
                item.same_text_as = first
            if len(item.text) > opts.max_chars:
                batch.append(Outcome(item.id, item.source or item.id, digest, stage="read",
                                     error=f"{len(item.text):,} characters, over --max-chars {opts.max_chars:,}; skipped"))
            elif writer.already_done(item.id, digest):
                summary.skipped += 1
                continue
            else:
                if lang and not item.lang:
                    item.lang = lang
                batch.append(item)
                chars += len(item.text)
        if len(batch) >= BATCH_ARTICLES or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _warn(message: str) -> None:
    try:
        print(f"quotes: warning: {message}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


# ---- workers -------------------------------------------------------------------------------------

_worker_extractor = None


def _die_with(parent: int) -> None:
    """End this worker when its parent dies (kill -9, SIGTERM): the kernel's parent-death signal
    where there is one, and a thread that watches the parent's pid everywhere."""
    import threading
    import time

    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="quotes-parent-watch").start()


def _init_worker(opts: RunOptions, threads: int, parent: int | None = None, loading=None) -> None:
    """Set up one worker; `loading` is a lock the workers take in turn to load their models, so
    they start one by one instead of all reading gigabytes of models at once."""
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if parent is not None:
        _die_with(parent)
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:
        pass
    if loading is None:
        _worker_extractor = make_extractor(opts)
    else:
        with loading:
            _worker_extractor = make_extractor(opts)


def _work(batch: list[Article | Outcome]) -> list[Outcome]:
    return process_batch(_worker_extractor, batch)


def _in_worker(batch: list[Article | Outcome]) -> list[Outcome]:
    return _work(batch)  # looked up at call time, in the worker


def _lost(batch: list[Article | Outcome], why: str) -> list[Outcome]:
    return [b if isinstance(b, Outcome) else Outcome(b.id, b.source or b.id, text_hash(b.text), stage="worker", error=why)
            for b in batch]


def worker_count(requested: int) -> int:
    """--workers, at most one per core: each worker loads its own Stanza pipelines (about 1 GB)."""
    cores = os.cpu_count() or 1
    if requested > cores:
        _warn(f"--workers {requested}: this machine has {cores} cores; using {cores}")
    return max(1, min(requested, cores))


def pooled(opts: RunOptions, work: Iterator[list], stop) -> Iterator[list[Outcome]]:
    """Results of `work` from `opts.workers` processes, in input order; a dead worker costs only
    the batches it held (reported as failed), and a fresh pool takes over."""
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    threads = max(1, (os.cpu_count() or 1) // opts.workers)

    loading = ctx.Lock()  # the workers load their models one after the other

    def new_pool():
        return ProcessPoolExecutor(opts.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(opts, threads, os.getpid(), loading))

    pool = new_pool()
    window: deque = deque()
    try:
        while True:
            while not stop() and len(window) < 2 * opts.workers and not (window and window[-1][1] is None):
                batch = next(work, None)
                if batch is None:
                    break
                try:
                    future = pool.submit(_in_worker, batch)
                except BrokenProcessPool:  # a worker died while the window was being filled
                    future = None
                window.append((batch, future))
                if future is None:
                    break
            if not window:
                return
            batch, future = window.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this batch was sent")
                yield future.result()
            except BrokenProcessPool:
                yield _lost(batch, "worker process died")
                for other, _ in window:  # everything in flight went down with the pool
                    yield _lost(other, "worker process died")
                window.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def serial(opts: RunOptions, work: Iterator[list], stop) -> Iterator[list[Outcome]]:
    extractor = make_extractor(opts)
    for batch in work:
        yield process_batch(extractor, batch)
        if stop():
            return


class _StopFlag:
    """First Ctrl-C: finish the current batch and stop; a second one stops at once."""

    def __init__(self):
        self.requested = False
        self._old = None

    def __enter__(self):
        def handler(signum, frame):
            if self.requested:
                raise KeyboardInterrupt
            self.requested = True
            print("quotes: stopping after the current articles (Ctrl-C again to abort)", file=sys.stderr, flush=True)

        try:
            self._old = signal.signal(signal.SIGINT, handler)
        except ValueError:  # not the main thread
            self._old = None
        return self

    def __exit__(self, *exc):
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)

    def __call__(self) -> bool:
        return self.requested


def run(paths: list[Path], opts: RunOptions, writer: RecordWriter, errors: ErrorWriter, progress=None) -> Summary:
    """Extract every article under `paths`; write records and errors; never raise for one article."""
    summary = Summary()
    with _StopFlag() as stop:
        own = [writer.path, writer.part] if writer.path else []  # never read our own output back as input
        work = batches(read_articles(paths, encoding=opts.encoding, exclude=own), opts, writer, summary)
        if opts.engine == "dask":
            from .engine_dask import dask_engine as engine
        else:
            engine = pooled if opts.workers > 1 else serial
        try:
            for outcomes in engine(opts, work, stop):
                for o in outcomes:
                    if o.stage:
                        errors.write(o.doc, o.source, o.stage, o.error or "")
                        summary.errors += 1
                        continue
                    if opts.min_confidence is not None:
                        o.records = [r for r in o.records if (r.get("confidence") or 0.0) >= opts.min_confidence]
                    writer.write(o.doc, o.doc_hash, o.records)
                    summary.articles += 1
                    summary.quotes += len(o.records)
                if progress is not None:
                    progress.update(len(outcomes))
        except OutputClosed:
            summary.output_closed = True
        except OutputError as err:
            summary.output_error = str(err)
        summary.interrupted = stop.requested
    if not summary.inputs and not summary.interrupted:
        from .article import ARTICLE_SUFFIXES
        from .errors import QuotesError

        searched = ", ".join(shown(str(p)) for p in paths)
        raise QuotesError(f"no articles in {searched} (looked for {' '.join('*' + x for x in ARTICLE_SUFFIXES)} and stdin '-')")
    return summary
