"""Time `quotes.review.write_report` on 1,000 synthetic articles and measure what it writes.

    python bench/report_bench.py [-n 1000] [--seed 0] [--trace] [-o /tmp/report-bench]

The articles are copies of the seed articles (seeds/*.txt) with their records (the snapshot
tests/trace/seeds-records.jsonl), each copy under a doc id of its own ("0042/000_....txt"), with
a title, publisher, date and URL, a confidence per record (uniform, one in ten unknown) and a
speaker drawn from 50 variants of its name with Zipf weights (so a few speakers have hundreds of
quotes across hundreds of articles, as a wire corpus's ministers do). Prints the seconds
write_report took (wall and CPU; with --trace, trace() first, timed apart), the files written, their
total size, and the size of index.html and of the largest pages.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.article import read_articles  # noqa: E402
from quotes.review import write_report  # noqa: E402


def synthesise(seed_records: list[dict], seed_texts: dict[str, str], n: int, rng: random.Random):
    weights = [1 / (i + 1) for i in range(50)]
    docs = sorted(seed_texts)
    records, texts = [], {}
    for k in range(n):
        src = docs[k % len(docs)]
        copy = k // len(docs)
        doc = f"{copy:04d}/{src}"
        texts[doc] = seed_texts[src]
        meta = {"title": f"Article {k}: {seed_texts[src].split(chr(10))[0][:60]}", "publisher": f"Outlet {k % 17}",
                "date": f"2022-{k % 12 + 1:02d}-{k % 28 + 1:02d}", "url": f"https://news.example.org/{k}?ref=bench&x=1"}
        for r in seed_records:
            if r["doc"] != src:
                continue
            rec = json.loads(json.dumps(r))
            rec["id"] = f"{copy:04d}-{r['id']}"
            rec["doc"] = doc
            rec.update(meta)
            rec["confidence"] = None if rng.random() < 0.1 else round(rng.random(), 3)
            if rec.get("speaker") and rec["speaker"].get("name"):
                v = rng.choices(range(50), weights)[0]
                rec["speaker"]["name"] = rec["speaker"]["name"] + (f" {v}" if v else "")
            records.append(rec)
    return records, texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="articles")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--trace", action="store_true", help="also trace the records and write cluster pages")
    ap.add_argument("-o", type=Path, default=Path("/tmp/report-bench"))
    args = ap.parse_args()
    seed_records = [json.loads(line) for line in (ROOT / "tests" / "trace" / "seeds-records.jsonl").open(encoding="utf-8")]
    seed_texts = {a.id: a.text for a in read_articles([ROOT / "seeds"])}
    records, texts = synthesise(seed_records, seed_texts, args.n, random.Random(args.seed))
    clusters, traced = None, ""
    if args.trace:
        from quotes.trace import trace

        started = time.perf_counter()
        clusters = trace(records, texts)
        traced = f"trace() {time.perf_counter() - started:.2f} s, "
    shutil.rmtree(args.o, ignore_errors=True)
    started, cpu = time.perf_counter(), time.process_time()
    counts = write_report(records, texts, args.o, sample=args.sample, seed=args.seed, clusters=clusters, by_confidence=True)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    files = [p for p in args.o.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    largest = sorted(files, key=lambda p: -p.stat().st_size)[:3]
    print(f"{counts['articles']} articles, {counts['quotes']} quotes, {counts['speakers']} speakers, "
          f"{counts['clusters']} cluster pages: {traced}write_report {took:.2f} s ({cpu:.2f} s CPU); "
          f"{len(files)} files, {total / 1e6:.1f} MB; index.html {(args.o / 'index.html').stat().st_size / 1e3:.0f} kB; "
          f"largest " + ", ".join(f"{p.relative_to(args.o)} {p.stat().st_size / 1e3:.0f} kB" for p in largest))


if __name__ == "__main__":
    main()
