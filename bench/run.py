"""Throughput benchmark: plain Stanza vs `quotes extract` cold, warm-cache and with 2 workers.

    python bench/run.py [--json] [--min-articles 200] [--shared ../shared] [--cases abcdefgh] [--repeat N]

The corpus is the seeds plus the dev docs of both gold corpora (repeated, with a marker line, if
fewer than --min-articles). (e) parses every sentence (no prefilter); (f) is (b) with torch on one
thread (OMP_NUM_THREADS=1), the one-core run that the two workers of (d) scale from, and (g) is
(a) on one thread, the reference for (f); (h) is (d) on a dask LocalCluster of two
single-threaded worker processes (`--engine dask --workers 2`). Every case
runs in its own process on the same corpus, one after the other, so their figures compare:
articles/s, words/s (whitespace words), peak RSS per process, and the ratio of each case's speed
to (a). Process start, imports and model loading are included in every case, as a user running
the command pays them. With --repeat N the cases run N rounds, interleaved (a b c ... a b c ...),
each cold case on a fresh cache, and each case reports its fastest round: on a shared VM whose
speed drifts by tens of percent within minutes, the least disturbed run is the one that compares.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(shared: Path, into: Path, min_articles: int) -> list[tuple[str, Path]]:
    sys.path.insert(0, str(ROOT))
    from quotes.language import detect_language
    from quotes.rules import available_languages, load_rules, rules_dir

    rules = {lang: load_rules(lang, rules_dir()) for lang in available_languages(rules_dir())}
    sources = sorted((ROOT / "seeds").glob("*.txt"))
    for corpus in ("de-news-quotes", "en-polnear"):
        sources += sorted((shared / "corpora" / corpus / "dev" / "docs").glob("*.txt"))
    items, round_ = [], 0
    while len(items) < min_articles:
        for src in sources:
            text = src.read_text(encoding="utf-8-sig")
            if round_:  # a repeat must not be a cache hit: make the text differ
                text = f"{text}\n(Copy {round_}.)\n"
            dst = into / f"{round_:02d}_{src.parent.parent.parent.name}_{src.name}"
            dst.write_text(text, encoding="utf-8")
            items.append((detect_language(text, rules), dst))
        round_ += 1
    return items


def _print_profile(r: dict, articles: int, words: int) -> None:
    total = r["total_s"]
    print(f"{articles} articles, {words} words: cold quotes extract {total:.1f} s in all, peak RSS {r['rss_mb']:.0f} MB")
    print(f"{'stage':56} {'s':>7} {'share':>6}")
    for stage, s in sorted(r["profile_s"].items(), key=lambda kv: -kv[1]):
        print(f"{stage:56} {s:7.2f} {s / total * 100:5.1f}%")
    print("sentences analysed, by length in words: " + ", ".join(f"{k}: {n}" for k, n in r["analysed_sentence_words"].items()))


def measure(label: str, argv: list[str], env: dict) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), out.name, *argv],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        result = json.load(open(out.name))
    result["case"] = label
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--min-articles", type=int, default=200)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--profile", action="store_true", help="instead of the cases: one cold run of quotes extract "
                    "with every Stanza processor and every stage of ours timed, per language, and the lengths "
                    "of the sentences analysed")
    ap.add_argument("--cases", default="abcdefgh", help="which cases to run, by letter (default all: abcdefgh); "
                    "ratios are to (a) when it runs")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the cases, interleaved; each case reports "
                    "its fastest round (default 1)")
    args = ap.parse_args()
    models = os.environ.get("STANZA_RESOURCES_DIR") or str(args.shared / "stanza_resources")
    env = {**os.environ, "STANZA_RESOURCES_DIR": models, "PYTHONPATH": str(ROOT)}
    work = Path(tempfile.mkdtemp(prefix="quotes-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        items = build_corpus(args.shared, corpus, args.min_articles)
        listing = work / "list.tsv"
        listing.write_text("".join(f"{lang}\t{path}\n" for lang, path in items), encoding="utf-8")
        words = sum(len(p.read_text(encoding="utf-8").split()) for _, p in items)
        out = str(work / "out.jsonl")

        def cases_of(round_: int) -> list:
            cache, cache2, cache3, cache4 = (work / f"cache-{round_}", work / f"cache-workers-{round_}",
                                             work / f"cache-one-thread-{round_}", work / f"cache-dask-{round_}")
            return [
                ("a  stanza full parse", ["stanza", str(listing), models]),
                ("b  quotes extract, cold", ["quotes", "extract", str(corpus), "-o", out, "--cache", str(cache)]),
                ("c  quotes extract, warm cache", ["quotes", "extract", str(corpus), "-o", out, "--cache", str(cache)]),
                ("d  quotes extract --workers 2", ["quotes", "extract", str(corpus), "-o", out, "--cache", str(cache2), "--workers", "2"]),
                ("e  quotes --no-prefilter, cold", ["quotes", "extract", str(corpus), "-o", out, "--no-cache", "--no-prefilter"]),
                # (b) on one core: what the workers of (d) are compared with when scaling is the question
                ("f  quotes extract, cold, 1 thread", ["quotes", "extract", str(corpus), "-o", out, "--cache", str(cache3)],
                 {"OMP_NUM_THREADS": "1"}),
                # (a) on one core: the reference for (f), so that one-core figures compare too
                ("g  stanza full parse, 1 thread", ["stanza", str(listing), models], {"OMP_NUM_THREADS": "1"}),
                # (d) on a dask LocalCluster of 2 single-threaded worker processes (issue 22)
                ("h  quotes --engine dask --workers 2", ["quotes", "extract", str(corpus), "-o", out, "--cache", str(cache4),
                                                        "--engine", "dask", "--workers", "2"]),
            ]
        if args.profile:
            r = measure("profile", ["profile", "extract", str(corpus), "-o", out, "--cache", str(work / "cache-profile")], env)
            _print_profile(r, len(items), words)
            return
        rounds: dict[str, list[dict]] = {}
        for round_ in range(args.repeat):
            for label, argv, *extra in [c for c in cases_of(round_) if c[0][0] in args.cases]:
                r = measure(label, argv, {**env, **(extra[0] if extra else {})})
                rounds.setdefault(label, []).append(r)
                print(f"done: {label} {r['seconds']:.1f} s (round {round_ + 1})", file=sys.stderr)
        results = []
        for label, runs in rounds.items():
            r = dict(min(runs, key=lambda x: x["seconds"]))
            r["rounds_s"] = [x["seconds"] for x in runs]
            r["articles_per_s"] = len(items) / r["seconds"]
            r["words_per_s"] = words / r["seconds"]
            results.append(r)
        base = results[0]["seconds"] if results and results[0]["case"].startswith("a") else None
        for r in results:
            r["speed_vs_a"] = base / r["seconds"] if base else float("nan")
            if "stanza_s" in r:
                r["outside_stanza_share"] = 1 - r["stanza_s"] / r["seconds"]
        report = {"articles": len(items), "words": words, "cpus": os.cpu_count(), "cases": results}
        if args.json:
            print(json.dumps(report, indent=2))
            return
        print(f"{len(items)} articles, {words} words, {os.cpu_count()} CPUs, fastest of {args.repeat} round(s)")
        print(f"{'case':32} {'s':>7} {'art/s':>7} {'words/s':>8} {'x (a)':>6} {'RSS MB':>7} {'workers MB':>10} {'outside Stanza':>14}")
        for r in results:
            outside = f"{r['outside_stanza_share'] * 100:.1f}%" if "outside_stanza_share" in r else "-"
            print(f"{r['case']:32} {r['seconds']:7.1f} {r['articles_per_s']:7.2f} {r['words_per_s']:8.0f} "
                  f"{r['speed_vs_a']:6.2f} {r['rss_mb']:7.0f} {r['children_rss_mb']:10.0f} {outside:>14}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
