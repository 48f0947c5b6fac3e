"""The `quotes` command line: extract, eval, schema, cache."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import QuotesError
from .output import ErrorWriter, OutputError, OutputRefused, RecordWriter
from .record import Quote
from .runner import DEFAULT_MAX_CHARS, RunOptions, Summary, run, worker_count

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Find direct, indirect and mixed quotes in news articles and say who said them.")
cache_app = typer.Typer(no_args_is_help=True, help="The parse cache: where it is, how big, clear it.")
app.add_typer(cache_app, name="cache")

EXIT_OK, EXIT_SOME_FAILED, EXIT_CONFIG, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141

Models = Annotated[Optional[Path], typer.Option("--models", help="Stanza model folder (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources).")]
Rules = Annotated[Optional[Path], typer.Option("--rules", help="Folder of rules/<lang>.toml files (default: the project's rules/).")]
Lang = Annotated[str, typer.Option("--lang", help="Language of the articles: a rule file's code (de, en) or auto.")]
CacheDir = Annotated[Optional[Path], typer.Option("--cache", help="Parse cache folder (default: $QUOTES_CACHE_DIR, else the per-user cache folder).")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the parse cache.")]
NoPrefilter = Annotated[bool, typer.Option("--no-prefilter", help="Parse every sentence fully, not only those that can hold a quote.")]
Workers = Annotated[int, typer.Option("--workers", min=1, help="Worker processes, each with its own Stanza pipelines.")]


def _show_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"quotes {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Find direct, indirect and mixed quotes in news articles and say who said them."""


def _fail(message: str) -> None:
    typer.echo(f"quotes: error: {message}", err=True)
    raise typer.Exit(EXIT_CONFIG)


class _Progress:
    """A progress bar on stderr (only when stderr is a terminal): total, rate and ETA, and a
    "loading models" phase until the first articles are done."""

    def __init__(self, paths: list[Path], exclude: list[Path]):
        from tqdm import tqdm  # stanza depends on tqdm

        from .article import count_articles

        self.bar = tqdm(total=count_articles(paths, exclude), unit="article", file=sys.stderr, leave=False,
                        desc="loading models", dynamic_ncols=True)
        self._started = False

    def update(self, n: int) -> None:
        if not self._started:
            self.bar.set_description("extracting")
            self._started = True
        self.bar.update(n)

    def close(self) -> None:
        self.bar.close()


def _progress(paths: list[Path], exclude: list[Path]):
    return _Progress(paths, exclude) if sys.stderr.isatty() else None


def _check_config(opts: RunOptions) -> None:
    """Rule files and models are checked before any article is read (exit 2 on a problem)."""
    from .parse import check_models, models_dir
    from .rules import available_languages, load_rules, rules_dir

    directory = rules_dir(opts.rules)
    langs = available_languages(directory)
    if not langs:
        raise QuotesError(f"{directory}: no rule files (<lang>.toml)")
    for lang in langs:
        load_rules(lang, directory)
    if opts.lang != "auto":
        if opts.lang not in langs:
            raise QuotesError(f"--lang {opts.lang}: no rule file for it (have: {', '.join(langs)}, auto)")
        check_models(models_dir(opts.models), opts.lang)
    else:  # any language may be detected: its models must be there before the first article
        for lang in langs:
            try:
                check_models(models_dir(opts.models), lang)
            except QuotesError as err:
                raise QuotesError(f"{err} (or pass --lang for the language of the articles)") from None


def _check_streams(output: Path | None) -> None:
    """A closed stderr is pointed at /dev/null (the run goes on, its exit status still tells); a
    closed stdout with no -o is a usage error."""
    def closed(fd: int, stream) -> bool:
        try:
            os.fstat(fd)
        except OSError:
            return True
        return stream is None

    if closed(2, sys.stderr):
        null = os.open(os.devnull, os.O_WRONLY)
        if null != 2:
            os.dup2(null, 2)
            os.close(null)
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    if output is None and closed(1, sys.stdout):
        _fail("stdout is closed: give -o FILE")


def run_to(paths: list[Path], opts: RunOptions, output: Path | None, errors: Path | None,
           resume: bool = False, stream=None, fmt: str = "jsonl") -> Summary:
    """Run with the writers set up and torn down safely; config errors exit 2."""
    from .tables import check_format

    problem = check_format(fmt, output is not None)
    if problem:
        _fail(problem)
    try:
        _check_config(opts)
    except QuotesError as err:
        _fail(str(err))
    try:
        writer = RecordWriter(output, resume=resume, stream=stream, fmt=fmt).open()
    except OutputRefused as err:
        _fail(str(err))
    except OutputError as err:
        typer.echo(f"quotes: error: {err}", err=True)
        raise typer.Exit(EXIT_SOME_FAILED)
    try:
        error_writer = ErrorWriter(errors)
    except OutputError as err:
        writer.close(complete=False)
        typer.echo(f"quotes: error: {err}", err=True)
        raise typer.Exit(EXIT_SOME_FAILED)
    bar = _progress(paths, [writer.path, writer.part] if writer.path else [])
    complete = False
    try:
        summary = run(paths, opts, writer, error_writer, bar)
        complete = not (summary.interrupted or summary.output_error or summary.output_closed)
    except QuotesError as err:
        writer.close(complete=False)
        if output and not resume:
            writer.part.unlink(missing_ok=True)
            writer.marks.unlink(missing_ok=True)
        _fail(str(err))
    finally:
        if bar is not None:
            bar.close()
        error_writer.close()
        writer.close(complete=complete)  # publishes -o FILE only when every article was handled
    return summary


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .jsonl, .csv, .tsv, .html) and folders (searched recursively); - reads stdin.")],
    lang: Lang = "auto",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the records here (through FILE.part, renamed when done) instead of stdout.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (nested, one record a line), csv or parquet (flat: one column per field).")] = "jsonl",
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Also write one JSON line {doc, stage, error} per failed article here.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue -o FILE (or FILE.part): skip articles already there with the same text.")] = False,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help="Skip (and report) articles longer than this.")] = DEFAULT_MAX_CHARS,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0, help="Write only records at least this confident (see README: precision and recall by threshold).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes, each with its own Stanza pipelines (default 1; with --engine dask, one per core).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (this process, or a pool of --workers) or dask (a dask.distributed cluster).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: the address of a running scheduler (tcp://host:8786); without it a LocalCluster is started.")] = None,
    cache: CacheDir = None,
    no_cache: NoCache = False,
    no_prefilter: NoPrefilter = False,
    models: Models = None,
    rules: Rules = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode .txt files with this encoding instead of UTF-8.")] = None,
) -> None:
    """Extract quotes: one JSON record per quote, in article order.

    Exit status: 0 all articles done, 1 some failed (each reported), 2 usage or configuration
    error, 130 interrupted (re-run with --resume to finish).
    """
    if resume and not output:
        _fail("--resume needs -o FILE")
    _check_streams(output)
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            _fail(f"--encoding {encoding}: unknown encoding")
    if engine not in ("local", "dask"):
        _fail(f"--engine {engine}: use local or dask")
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    started = time.monotonic()
    opts = RunOptions(lang=lang, models=models, rules=rules, encoding=encoding, prefilter=not no_prefilter,
                      cache=not no_cache, cache_dir=cache, max_chars=max_chars, engine=engine, scheduler=scheduler,
                      min_confidence=min_confidence,
                      workers=worker_count(workers or ((os.cpu_count() or 1) if engine == "dask" else 1)))
    s = run_to(paths, opts, output, errors, resume, fmt=fmt)
    if s.output_closed:  # `quotes extract ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_BROKEN_PIPE)
    skipped = f", {s.skipped} already done" if resume else ""
    typer.echo(f"quotes: {s.articles} articles, {s.quotes} quotes, {s.errors} errors{skipped}, "
               f"{time.monotonic() - started:.1f} s", err=True)
    if s.output_error:
        typer.echo(f"quotes: error: {s.output_error}; stopped, re-run with --resume to finish", err=True)
        raise typer.Exit(EXIT_SOME_FAILED)
    if s.interrupted:
        where = f" -o {output} --resume" if output else ""
        typer.echo(f"quotes: interrupted; re-run with{where or ' the remaining articles'} to finish", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    raise typer.Exit(EXIT_SOME_FAILED if s.errors else EXIT_OK)


@app.command()
def text(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="One article file (.txt, .html, ...).")],
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode .txt files with this encoding instead of UTF-8.")] = None,
) -> None:
    """Print the text that record offsets refer to (for a saved web page: its extracted main text)."""
    from .article import article_text
    from .errors import InputError

    try:
        sys.stdout.write(article_text(path, encoding))
    except InputError as err:
        _fail(str(err))


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    typer.echo(json.dumps(Quote.model_json_schema(), indent=2, ensure_ascii=False))


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Option("--gold", help="Gold quotes (JSONL, the corpora's format).")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder of the gold's articles.")],
    pred: Annotated[Optional[Path], typer.Option("--pred", help="Score these predictions instead of extracting.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="List missed, spurious and misattributed quotes.")] = False,
    lang: Lang = "auto",
    workers: Workers = 1,
    cache: CacheDir = None,
    no_cache: NoCache = False,
    no_prefilter: NoPrefilter = False,
    models: Models = None,
    rules: Rules = None,
) -> None:
    """Precision, recall, F1, kind and speaker accuracy against gold annotations."""
    import jsonlines

    from .evaluate import evaluate, format_misses, format_report, load_gold

    try:
        gold_records = load_gold(gold)
    except (OSError, ValueError) as err:
        _fail(f"{gold}: {err}")
    doc_ids = sorted(p.name for p in docs.glob("*.txt"))
    if pred:
        try:
            with jsonlines.open(pred) as reader:
                predictions = list(reader)
        except (OSError, ValueError) as err:  # missing, unreadable or not JSONL: one line, exit 2
            _fail(f"{pred}: {err}")
    else:
        buf = io.StringIO()
        opts = RunOptions(lang=lang, models=models, rules=rules, prefilter=not no_prefilter,
                          cache=not no_cache, cache_dir=cache, workers=workers)
        run_to([docs / d for d in doc_ids], opts, None, None, stream=buf)
        predictions = [json.loads(line) for line in buf.getvalue().splitlines()]
    texts = {d: (docs / d).read_text(encoding="utf-8-sig") for d in doc_ids}
    predictions = [p for p in predictions if p.get("doc") in texts]  # --pred may cover more articles
    report = evaluate(gold_records, predictions, texts)
    typer.echo(json.dumps(report["scores"], indent=2) if as_json else format_report(report))
    if misses:
        typer.echo(format_misses(report))


def _read_records(path: Path) -> tuple[list[dict], int]:
    """The records of a JSONL file, and how many lines were skipped (each reported on one line)."""
    from .review import record_problem

    records, bad = [], 0
    try:
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    rec = json.loads(raw.decode("utf-8"))
                    problem = record_problem(rec)
                except UnicodeDecodeError as exc:
                    problem = f"not valid UTF-8 at byte {exc.start}"
                except ValueError as exc:
                    problem = f"not a JSON line ({exc})"
                if problem:
                    typer.echo(f"quotes: error: {path}:{n}: {problem}; skipped", err=True)
                    bad += 1
                    continue
                records.append(rec)
    except OSError as exc:
        _fail(f"{path}: cannot read ({exc.strerror or exc})")
    return records, bad


@app.command()
def review(
    quotes_file: Annotated[Path, typer.Argument(metavar="QUOTES.jsonl", help="Records written by quotes extract.")],
    docs: Annotated[list[Path], typer.Option("--docs", help="The articles the records came from (files or folders, as given to extract).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the report into.")] = Path("report"),
    sample: Annotated[int, typer.Option("--sample", min=0, help="Quotes drawn at random for spot-check.html (0: no spot-check page).")] = 50,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the spot-check draw (same seed, same sample).")] = 0,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode .txt files with this encoding instead of UTF-8.")] = None,
    no_trace: Annotated[bool, typer.Option("--no-trace", help="Leave out the 'same statement elsewhere' links and cluster pages.")] = False,
    by_confidence: Annotated[bool, typer.Option("--by-confidence", help="Draw the spot-check sample evenly from five equal-width confidence bins (unknown confidence its own), seeded.")] = False,
) -> None:
    """Write a static HTML report: articles with quotes highlighted, speakers, a spot-check sample."""
    from .article import read_articles
    from .errors import InputError
    from .review import write_report

    records, bad = _read_records(quotes_file)
    texts, meta = {}, {}
    for item in read_articles(docs, encoding=encoding):
        if isinstance(item, InputError):
            typer.echo(f"quotes: {item}", err=True)
        else:
            texts[item.id] = item.text
            meta[item.id] = {"title": item.title, "publisher": item.publisher, "date": item.date, "url": item.url}
    clusters = None
    if not no_trace:
        from .trace import trace as trace_clusters

        clusters = trace_clusters(records, texts)
    counts = write_report(records, texts, output, sample, seed, clusters=clusters, by_confidence=by_confidence,
                          meta=meta)
    drawn = f", spot-check sample of {counts['sample']}" if sample else ""
    typer.echo(f"quotes: wrote {output / 'index.html'}: {counts['articles']} articles, {counts['quotes']} quotes{drawn}",
               err=True)
    if bad:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def speakers(
    quotes_file: Annotated[Path, typer.Argument(metavar="QUOTES.jsonl", help="Records written by quotes extract.")],
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """Who was quoted: speakers across all articles, merged by name, with counts, roles and outlets."""
    import csv

    from .speakers import speaker_index

    if fmt not in ("table", "jsonl", "csv"):
        _fail(f"--format {fmt}: use table, jsonl or csv")
    records, bad = _read_records(quotes_file)
    entries = [e.as_dict() for e in speaker_index(records)]
    if fmt == "jsonl":
        for e in entries:
            typer.echo(json.dumps(e, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["name", "quotes", "articles", "langs", "kinds", "roles", "outlets", "aliases"])
        for e in entries:
            w.writerow([e["name"], e["quotes"], e["articles"], *("; ".join(f"{k}:{v}" for k, v in e[f].items())
                                                                  for f in ("langs", "kinds", "roles", "outlets")),
                        "; ".join(e["aliases"])])
    else:
        typer.echo(f"{'speaker':32} {'quotes':>6} {'articles':>8}  languages  roles")
        for e in entries:
            langs = " ".join(f"{k}:{v}" for k, v in e["langs"].items())
            typer.echo(f"{e['name'][:32]:32} {e['quotes']:6} {e['articles']:8}  {langs:9}  {'; '.join(list(e['roles'])[:2])}")


@app.command("fit-confidence")
def fit_confidence(
    gold: Annotated[list[Path], typer.Option("--gold", help="Gold quotes (JSONL), one per --docs.")],
    docs: Annotated[list[Path], typer.Option("--docs", help="Folder of each gold's articles.")],
    pred: Annotated[list[Path], typer.Option("--pred", help="Records quotes extract wrote for those articles, one per --docs.")],
    lang: Annotated[str, typer.Option("--lang", help="The language the model is for (its records only).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The model file, e.g. rules/confidence/de.toml.")],
) -> None:
    """Fit a language's confidence model on gold (the train splits): logistic weights, written as data."""
    import jsonlines

    from .confidence import fit
    from .evaluate import load_gold, right_labels
    from .record import Quote

    if not len(gold) == len(docs) == len(pred):
        _fail("give --gold, --docs and --pred once per corpus, in the same order")
    records, labels = [], []
    for g, d, p in zip(gold, docs, pred):
        texts = {f.name: f.read_text(encoding="utf-8-sig") for f in sorted(d.glob("*.txt"))}
        with jsonlines.open(p) as reader:
            predictions = [r for r in reader if r.get("lang") == lang and r.get("doc") in texts]
        for rec, ok in right_labels(load_gold(g), predictions, texts):
            records.append(Quote.model_validate({**rec, "confidence": None}))
            labels.append(ok)
    if len(set(labels)) < 2:
        _fail(f"{len(labels)} {lang} records, all {'right' if labels and labels[0] else 'wrong'}: nothing to fit")
    model = fit(records, labels, lang)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(model.dumps(f"Fitted by quotes fit-confidence on {len(records)} records "
                                  f"({sum(labels)} right) of {', '.join(str(x) for x in gold)}."), encoding="utf-8")
    typer.echo(f"quotes: wrote {output}: {len(model.weights)} weights from {len(records)} records, "
               f"{sum(labels) / len(labels):.3f} right", err=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (keep 127.0.0.1 unless a proxy fronts it: no TLS, no authentication).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes, each loading its own models.")] = 1,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Largest request body accepted (413 above it).")] = 5_000_000,
    max_batch: Annotated[int, typer.Option("--max-batch", min=1, help="Most articles in one /extract/batch request.")] = 100,
    models: Models = None,
    rules: Rules = None,
) -> None:
    """Serve extraction over HTTP (FastAPI): POST /extract, POST /extract/batch, GET /health, /version, /docs."""
    try:
        from .service import serve as run_service
    except ImportError as err:
        _fail(f"quotes serve needs FastAPI and uvicorn: pip install 'quotes[service]' ({err})")
    try:
        run_service(host=host, port=port, workers=workers, models=models, rules=rules, max_bytes=max_bytes,
                    max_batch=max_batch)
    except QuotesError as err:
        _fail(str(err))


from . import trace_cli  # noqa: E402  (its commands read records with _read_records above)

app.command("trace")(trace_cli.trace)
app.command("eval-trace")(trace_cli.eval_trace)

from . import verdicts as verdicts_cli  # noqa: E402  (reads --quotes with _read_records above)

app.command("verdicts")(verdicts_cli.verdicts)


@cache_app.command("info")
def cache_info(cache: CacheDir = None) -> None:
    """Where the parse cache is, how many articles it holds, how big it is."""
    from .cache import ParseCache

    info = ParseCache(cache).info()
    typer.echo(f"{info['dir']}: {info['entries']} articles, {info['bytes'] / 1e6:.1f} MB")


@cache_app.command("clear")
def cache_clear(cache: CacheDir = None) -> None:
    """Delete every entry of the parse cache."""
    from .cache import ParseCache

    store = ParseCache(cache)
    typer.echo(f"{store.dir}: removed {store.clear()} entries")


if __name__ == "__main__":
    app()
