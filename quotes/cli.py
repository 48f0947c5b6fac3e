"""The `quotes` command line: extract, eval, schema."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import jsonlines
import typer

from .article import read_articles
from .errors import InputError, QuotesError
from .record import Quote

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Find direct, indirect and mixed quotes in news articles and say who said them.")

Models = Annotated[Optional[Path], typer.Option("--models", help="Stanza model folder (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources).")]
Rules = Annotated[Optional[Path], typer.Option("--rules", help="Folder of rules/<lang>.toml files (default: the project's rules/).")]
Lang = Annotated[str, typer.Option("--lang", help="Language of the articles: a rule file's code (de, en) or auto.")]


def _fail(message: str) -> None:
    typer.echo(f"quotes: error: {message}", err=True)
    raise typer.Exit(2)


def _progress(total_hint: int | None):
    """A progress line on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm  # stanza depends on tqdm

    return tqdm(total=total_hint, unit="article", file=sys.stderr, leave=False)


def run_extract(paths, lang, models, rules, output, encoding=None) -> tuple[int, int, int]:
    """Extract quotes from every article; returns (articles, quotes, errors)."""
    from .extract import Extractor
    from .parse import Parser

    extractor = Extractor(Parser(models), rules)
    if lang != "auto" and lang not in extractor.stages:
        _fail(f"--lang {lang}: no rule file for it (have: {', '.join(extractor.stages)}, auto)")
    n_articles = n_quotes = n_errors = 0
    bar = _progress(None)
    writer = jsonlines.Writer(output, flush=True, compact=True, sort_keys=False)
    for item in read_articles(paths, lang=None if lang == "auto" else lang, encoding=encoding):
        if isinstance(item, InputError):
            n_errors += 1
            typer.echo(f"quotes: {item}", err=True)
            continue
        if not item.text.strip():
            typer.echo(f"quotes: {item.source or item.id}: empty article, no quotes", err=True)
            n_articles += 1
            continue
        try:
            records = extractor.extract(item)
        except InputError as err:
            n_errors += 1
            typer.echo(f"quotes: {err}", err=True)
            continue
        except QuotesError:
            raise
        except Exception as exc:  # one article's failure must not cost the others
            n_errors += 1
            typer.echo(f"quotes: {item.source or item.id}: extraction failed ({type(exc).__name__}: {exc})", err=True)
            continue
        # all records of an article are serialised first, then written together
        lines = [r.model_dump(mode="json") for r in records]
        writer.write_all(lines)
        n_articles += 1
        n_quotes += len(lines)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return n_articles, n_quotes, n_errors


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .jsonl) and folders (searched recursively).")],
    lang: Lang = "auto",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write JSONL here instead of stdout.")] = None,
    models: Models = None,
    rules: Rules = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode .txt files with this encoding instead of UTF-8.")] = None,
) -> None:
    """Extract quotes: one JSON record per quote, in article order."""
    started = time.monotonic()
    try:
        if output:
            tmp = output.with_name(output.name + ".part")
            try:
                with tmp.open("w", encoding="utf-8") as fh:
                    counts = run_extract(paths, lang, models, rules, fh, encoding)
            except BaseException:
                tmp.unlink(missing_ok=True)  # never leave a torn output behind
                raise
            tmp.replace(output)
        else:
            counts = run_extract(paths, lang, models, rules, sys.stdout, encoding)
    except QuotesError as err:
        _fail(str(err))
    articles, quotes, errors = counts
    typer.echo(f"quotes: {articles} articles, {quotes} quotes, {errors} errors, "
               f"{time.monotonic() - started:.1f} s", err=True)
    raise typer.Exit(1 if errors else 0)


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
    models: Models = None,
    rules: Rules = None,
) -> None:
    """Precision, recall, F1, kind and speaker accuracy against gold annotations."""
    from .evaluate import evaluate, format_misses, format_report, load_gold

    try:
        gold_records = load_gold(gold)
    except (OSError, ValueError) as err:
        _fail(f"{gold}: {err}")
    doc_ids = sorted(p.name for p in docs.glob("*.txt"))
    if pred:
        with jsonlines.open(pred) as reader:
            predictions = list(reader)
    else:
        import io

        buf = io.StringIO()
        try:
            run_extract([docs / d for d in doc_ids], lang, models, rules, buf)
        except QuotesError as err:
            _fail(str(err))
        predictions = [json.loads(line) for line in buf.getvalue().splitlines()]
    texts = {d: (docs / d).read_text(encoding="utf-8-sig") for d in doc_ids}
    report = evaluate(gold_records, predictions, texts)
    typer.echo(json.dumps(report["scores"], indent=2) if as_json else format_report(report))
    if misses:
        typer.echo(format_misses(report))


if __name__ == "__main__":
    app()
