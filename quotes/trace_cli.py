"""The `quotes trace` and `quotes eval-trace` commands, as plain typer-annotated functions that
quotes/cli.py registers:

    from . import trace_cli
    app.command("trace")(trace_cli.trace)
    app.command("eval-trace")(trace_cli.eval_trace)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer


def _records(paths: list[Path]) -> tuple[list[dict], int]:
    from .cli import _read_records  # one reader for every command: same checks, same messages

    records, bad = [], 0
    for path in paths:
        recs, skipped = _read_records(path)
        records += recs
        bad += skipped
    return records, bad


def trace(
    quotes_files: Annotated[list[Path], typer.Argument(metavar="QUOTES.jsonl...", help="Records written by quotes extract.")],
    docs: Annotated[Optional[list[Path]], typer.Option("--docs", help="The articles the records came from (files or folders, as given to extract): their datelines date the first appearance when records have no date.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the clusters here (JSONL) instead of stdout.")] = None,
    min_size: Annotated[int, typer.Option("--min-size", min=1, help="Write only clusters with at least this many records (1: every record, singletons too).")] = 1,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Decode .txt files with this encoding instead of UTF-8.")] = None,
) -> None:
    """Follow each statement across articles and languages: one JSON line per cluster of records that
    render the same statement of the same speaker (who carried it, who first, how the wording drifted)."""
    from .trace import trace as run_trace

    records, bad = _records(quotes_files)
    texts = None
    if docs:
        from .article import read_articles
        from .errors import InputError

        texts = {}
        for item in read_articles(docs, encoding=encoding):
            if isinstance(item, InputError):
                typer.echo(f"quotes: {item}", err=True)
            else:
                texts[item.id] = item.text
    clusters = run_trace(records, texts)
    lines = [json.dumps(c.as_dict(), ensure_ascii=False) for c in clusters if len(c.members) >= min_size]
    body = "".join(line + "\n" for line in lines)
    if output:
        part = output.with_name(output.name + ".part")
        part.write_text(body, encoding="utf-8")
        part.replace(output)
    else:
        sys.stdout.write(body)
        sys.stdout.flush()
    multi = sum(1 for c in clusters if len(c.members) > 1)
    typer.echo(f"quotes: {len(records)} records, {len(clusters)} clusters, {multi} with 2 or more records"
               + (f" -> {output}" if output else ""), err=True)
    if bad:
        raise typer.Exit(1)


def eval_trace(
    gold: Annotated[Path, typer.Option("--gold", help="Gold clusters: JSONL, one {cluster, members: [{doc, text} or {doc, start, end}]} a line.")],
    pred: Annotated[Path, typer.Option("--pred", help="Clusters written by quotes trace (singletons included).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="Also list the wrong and the missed pairs.")] = False,
    gold_only: Annotated[bool, typer.Option("--gold-only", help="Score only the records a gold member matches (for a gold that is exhaustive over a subset: some speakers, some articles); the other records and their links are left out instead of counting as gold singletons.")] = False,
) -> None:
    """Score predicted clusters against gold: pairwise link precision/recall/F1 and B-cubed P/R/F1."""
    from .trace_eval import evaluate_clusters

    def load(path: Path) -> list[dict]:
        try:
            with path.open(encoding="utf-8") as fh:
                return [json.loads(line) for line in fh if line.strip()]
        except OSError as exc:
            typer.echo(f"quotes: error: {path}: cannot read ({exc.strerror or exc})", err=True)
            raise typer.Exit(2) from None
        except ValueError as exc:
            typer.echo(f"quotes: error: {path}: not JSON lines ({exc})", err=True)
            raise typer.Exit(2) from None

    gold_clusters, pred_clusters = load(gold), load(pred)
    report = evaluate_clusters(gold_clusters, pred_clusters, gold_only=gold_only)
    if as_json:
        typer.echo(json.dumps({k: report[k] for k in ("records", "gold_members", "gold_unmatched", "pairwise", "bcubed")},
                              indent=2))
    else:
        pw, b3 = report["pairwise"], report["bcubed"]
        typer.echo(f"records {report['records']}   gold members {report['gold_members']} "
                   f"(unmatched {report['gold_unmatched']})")
        typer.echo(f"{'':10} {'precision':>9} {'recall':>7} {'F1':>6}")
        typer.echo(f"{'pairwise':10} {pw['precision']:9.3f} {pw['recall']:7.3f} {pw['f1']:6.3f}   "
                   f"({pw['common']} of {pw['pred_pairs']} predicted pairs, {pw['gold_pairs']} gold pairs)")
        typer.echo(f"{'B-cubed':10} {b3['precision']:9.3f} {b3['recall']:7.3f} {b3['f1']:6.3f}")
    if misses:
        texts = {m["id"]: f"{m.get('doc')}: {(m.get('text') or '')[:70]}" for c in pred_clusters
                 for m in c.get("members", [])}
        for label in ("wrong_pairs", "missed_pairs"):
            typer.echo(f"{label.replace('_', ' ')} ({len(report[label])}):")
            for a, b in report[label]:
                typer.echo(f"  {texts.get(a, a)}\n    ~ {texts.get(b, b)}")
