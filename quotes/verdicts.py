"""Spot-check verdicts back: estimated precision with Wilson intervals, stale verdicts, agreement.

A verdict line is what the report's spot-check page exports (verdicts.jsonl), one JSON object:

    {"id": record id, "doc": ..., "doc_hash": ..., "verdict": "correct" | "wrong_speaker" |
     "wrong_span" | "not_a_quote", "right_speaker": str | null, "note": str | null,
     "reviewer": str | null, "timestamp": ISO 8601 | null}

`summarize(lines, records)` counts one judgement per (record id, reviewer): a reviewer's later
verdict on a record replaces their earlier one (by timestamp, then by order). Precision is
correct / judged, with a 95% Wilson score interval. With the records (`--quotes`), each judgement
joins its record by id for a breakdown by language, kind and confidence bin; a verdict whose doc_hash
differs from its record's (or, for an id no longer extracted, from every record of its doc) is
stale: it judged a text that has changed since, so it is counted and left out of every figure.
Verdicts not found in the records count in the overall figure only.

The `quotes verdicts` command is `verdicts()` below, a typer-annotated function quotes/cli.py
registers (`app.command("verdicts")(verdicts.verdicts)`).
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Annotated, Iterable, Optional

import typer

VERDICTS = ("correct", "wrong_speaker", "wrong_span", "not_a_quote")
BINS = 5  # equal-width confidence bins over [0, 1]; unknown confidence (null) is its own bin
Z95 = 1.959963984540054  # the normal quantile of 0.975


def confidence_of(rec: dict) -> float | None:
    """A record's confidence as a float in [0, 1], or None when unknown (null, missing or not a number)."""
    c = rec.get("confidence")
    if isinstance(c, bool) or not isinstance(c, (int, float)) or not math.isfinite(c):
        return None
    return min(1.0, max(0.0, float(c)))


def confidence_bin(c: float | None) -> int | None:
    """Bin 0 .. BINS-1 of a confidence (1.0 falls in the top bin), None for unknown."""
    return None if c is None else min(int(c * BINS), BINS - 1)


def bin_label(b: int | None) -> str:
    return "unknown" if b is None else f"{b / BINS:.1f}-{(b + 1) / BINS:.1f}"


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of k successes in n trials (None when n is 0):
    (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), p = k/n."""
    if n <= 0:
        return None
    p, zz = k / n, z * z
    centre = (p + zz / (2 * n)) / (1 + zz / n)
    half = z * math.sqrt(p * (1 - p) / n + zz / (4 * n * n)) / (1 + zz / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _stat(judgements: list[dict]) -> dict:
    n = len(judgements)
    k = sum(1 for v in judgements if v["verdict"] == "correct")
    iv = wilson(k, n)
    return {"correct": k, "judged": n, "precision": k / n if n else None,
            "low": iv[0] if iv else None, "high": iv[1] if iv else None}


def verdict_problem(v) -> str | None:
    """What makes `v` not a verdict line, or None."""
    if not isinstance(v, dict):
        return "not a verdict (not a JSON object)"
    if not isinstance(v.get("id"), str) or not v["id"]:
        return "not a verdict (field id missing or not a string)"
    if v.get("verdict") not in VERDICTS:
        return f"verdict {v.get('verdict')!r} is not one of {', '.join(VERDICTS)}"
    for key in ("doc", "doc_hash", "right_speaker", "note", "reviewer", "timestamp"):
        if v.get(key) is not None and not isinstance(v[key], str):
            return f"field {key} is not a string"
    return None


def parse_line(raw: bytes | str) -> tuple[dict | None, str | None]:
    """(verdict, None) or (None, problem) for one line; (None, None) for a blank one."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, f"not valid UTF-8 at byte {exc.start}"
    if not raw.strip():
        return None, None
    try:
        v = json.loads(raw)
    except ValueError as exc:
        return None, f"not a JSON line ({exc})"
    problem = verdict_problem(v)
    return (None, problem) if problem else (v, None)


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels, one (a, b) per item; None where chance agreement is 1."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    return None if expected >= 1 else (observed - expected) / (1 - expected)


def summarize(verdict_lines: Iterable, records: list[dict] | None = None) -> dict:
    """Figures of verdict lines (dicts, or JSON strings/bytes); `records` (optional) are the quote
    records to join them with by id. Lines that are not verdicts are listed under "problems" as
    (position, problem) and left out."""
    problems, valid = [], []
    for pos, line in enumerate(verdict_lines, start=1):
        if isinstance(line, (str, bytes)):
            v, problem = parse_line(line)
            if v is None and problem is None:
                continue
        else:
            v, problem = line, verdict_problem(line)
        if problem:
            problems.append((pos, problem))
        else:
            valid.append((pos, v))
    latest: dict[tuple[str, str], tuple[tuple, dict]] = {}
    for pos, v in valid:
        key = (v["id"], v.get("reviewer") or "")
        order = (v.get("timestamp") or "", pos)
        if key not in latest or order >= latest[key][0]:
            latest[key] = (order, v)
    judgements = [v for _, v in sorted(latest.values(), key=lambda x: x[0][1])]
    by_id, hashes_of_doc = {}, {}
    for r in records or []:
        by_id[r.get("id")] = r
        hashes_of_doc.setdefault(r.get("doc"), set()).add(r.get("doc_hash") or "")
    stale, unmatched, current, joined = [], 0, [], []
    for v in judgements:
        rec = by_id.get(v["id"]) if records is not None else None
        mine = v.get("doc_hash") or ""
        if records is not None and rec is not None:
            if mine and rec.get("doc_hash") and mine != rec["doc_hash"]:
                stale.append(v)
                continue
            joined.append((v, rec))
        elif records is not None:
            if mine and v.get("doc") in hashes_of_doc and mine not in hashes_of_doc[v.get("doc")]:
                stale.append(v)
                continue
            unmatched += 1
        current.append(v)
    out = {"lines": len(valid) + len(problems), "verdicts": len(valid), "judgements": len(judgements),
           "replaced": len(valid) - len(judgements), "problems": problems, "overall": _stat(current),
           "by_verdict": {k: sum(1 for v in current if v["verdict"] == k) for k in VERDICTS},
           "reviewers": sorted({v.get("reviewer") or "" for v in current})}
    if records is not None:
        out["stale"] = len(stale)
        out["unmatched"] = unmatched
        for name, key in (("by_lang", lambda r: r.get("lang") or "?"), ("by_kind", lambda r: r.get("kind") or "?")):
            groups: dict[str, list] = {}
            for v, r in joined:
                groups.setdefault(str(key(r)), []).append(v)
            out[name] = {g: _stat(vs) for g, vs in sorted(groups.items())}
        bins: dict[int | None, list] = {}
        for v, r in joined:
            bins.setdefault(confidence_bin(confidence_of(r)), []).append(v)
        out["by_confidence"] = {bin_label(b): _stat(bins[b]) for b in sorted(bins, key=lambda b: -1 if b is None else b)}
    out["agreement"] = _agreement(current)
    return out


def _agreement(judgements: list[dict]) -> dict:
    """Records judged by two or more reviewers: the share on which they all agree, and Cohen's
    kappa for every pair of reviewers that judged records in common."""
    per_record: dict[str, dict[str, str]] = {}
    for v in judgements:
        per_record.setdefault(v["id"], {})[v.get("reviewer") or ""] = v["verdict"]
    shared = {rid: by for rid, by in per_record.items() if len(by) > 1}
    agreed = sum(1 for by in shared.values() if len(set(by.values())) == 1)
    reviewers = sorted({r for by in shared.values() for r in by})
    pairs = []
    for a, b in combinations(reviewers, 2):
        items = [(by[a], by[b]) for by in shared.values() if a in by and b in by]
        if items:
            pairs.append({"reviewers": [a, b], "records": len(items), "agreed": sum(1 for x, y in items if x == y),
                          "kappa": kappa(items)})
    return {"records": len(shared), "agreed": agreed, "share": agreed / len(shared) if shared else None,
            "pairs": pairs, "kappa": pairs[0]["kappa"] if len(pairs) == 1 else None}


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_summary(s: dict) -> str:
    lines = []
    extra = []
    if s["replaced"]:
        extra.append(f"{s['replaced']} replaced by a later verdict of the same reviewer")
    if "stale" in s:
        extra.append(f"{s['stale']} stale (article changed since: left out)")
        if s["unmatched"]:
            extra.append(f"{s['unmatched']} not in --quotes (overall only)")
    lines.append(f"{s['verdicts']} verdicts, {s['judgements']} judgements" + (f" ({'; '.join(extra)})" if extra else ""))
    lines.append("precision (correct / judged) with 95% Wilson interval:")

    def row(label: str, st: dict) -> str:
        iv = f"[{_fmt(st['low'])}, {_fmt(st['high'])}]" if st["judged"] else ""
        return f"  {label:24} {st['correct']:>5}/{st['judged']:<5} {_fmt(st['precision']):>6}  {iv}"

    lines.append(row("overall", s["overall"]))
    for name, title in (("by_lang", "lang"), ("by_kind", "kind"), ("by_confidence", "confidence")):
        for g, st in (s.get(name) or {}).items():
            lines.append(row(f"{title} {g}", st))
    lines.append("verdicts: " + ", ".join(f"{k} {n}" for k, n in s["by_verdict"].items()))
    ag = s["agreement"]
    if ag["records"]:
        lines.append(f"agreement: {ag['agreed']} of {ag['records']} records judged by 2+ reviewers ({_fmt(ag['share'])})")
        for p in ag["pairs"]:
            a, b = (r or "(no name)" for r in p["reviewers"])
            lines.append(f"  {a} / {b}: {p['agreed']} of {p['records']} agree, Cohen's kappa {_fmt(p['kappa'])}")
    else:
        lines.append("agreement: no record judged by two reviewers")
    return "\n".join(lines)


def read_verdict_file(path: Path) -> tuple[list[dict], list[str]]:
    """The verdicts of one file and its problems as 'file:line: problem'. OSError propagates."""
    good, bad = [], []
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            v, problem = parse_line(raw)
            if problem:
                bad.append(f"{path}:{n}: {problem}")
            elif v is not None:
                good.append(v)
    return good, bad


def verdicts(
    paths: Annotated[list[Path], typer.Argument(metavar="VERDICTS.jsonl", help="Verdict files the spot-check page exported.")],
    quotes: Annotated[Optional[Path], typer.Option("--quotes", metavar="QUOTES.jsonl", help="The records the verdicts judged: per language, kind and confidence bin, and stale verdicts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Estimated precision from spot-check verdicts (95% Wilson intervals), stale verdicts and reviewer agreement.

    Exit status: 0, or 1 when some lines were not verdicts (each reported and skipped), 2 when a file cannot be read.
    """
    lines, bad = [], 0
    for path in paths:
        try:
            good, problems = read_verdict_file(path)
        except OSError as exc:
            typer.echo(f"quotes: error: {path}: cannot read ({exc.strerror or exc})", err=True)
            raise typer.Exit(2)
        for p in problems:
            typer.echo(f"quotes: error: {p}; skipped", err=True)
        bad += len(problems)
        lines += good
    records = None
    if quotes is not None:
        from .cli import _read_records  # one reader for every command: same checks, same messages

        records, skipped = _read_records(quotes)
        bad += skipped
    s = summarize(lines, records)
    if as_json:
        s = {**s, "problems": [list(p) for p in s["problems"]]}
        typer.echo(json.dumps(s, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_summary(s))
    sys.stdout.flush()
    raise typer.Exit(1 if bad else 0)
