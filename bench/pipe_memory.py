"""Memory of the Python API's `nlp.pipe` over many short texts: does it stay flat?

    python bench/pipe_memory.py [--texts 1000] [--json]

The texts are the seeds' paragraphs, each made unique by a number (so nothing is a repeat), fed
to `quotes.load().pipe(...)` as a generator; the resident set size is read every 100 articles.
Flat means: what the process holds after the last article is within a few MB of what it held
after the first hundred (the models and the first batches' allocations come before that).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def texts(n: int):
    paras = [p.strip() for f in sorted((ROOT / "seeds").glob("*.txt"))
             for p in f.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 8]
    for k in range(n):
        yield f"{paras[k % len(paras)]} ({k})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("STANZA_RESOURCES_DIR", str(ROOT.parent / "shared" / "stanza_resources"))
    import quotes

    nlp = quotes.load().warm()
    loaded = rss_mb()
    started = time.monotonic()
    samples, records = [], 0
    for k, rs in enumerate(nlp.pipe(texts(args.texts)), start=1):
        records += len(rs)
        if k % 100 == 0:
            samples.append((k, round(rss_mb(), 1)))
    seconds = time.monotonic() - started
    report = {"texts": args.texts, "records": records, "seconds": round(seconds, 1),
              "rss_after_load_mb": round(loaded, 1), "rss_mb_every_100": samples,
              "growth_after_first_100_mb": round(samples[-1][1] - samples[0][1], 1),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1)}
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{args.texts} texts, {records} records, {seconds:.1f} s; RSS after load {loaded:.0f} MB, "
              f"peak {report['peak_rss_mb']:.0f} MB")
        print("RSS (MB) after n texts: " + ", ".join(f"{k}: {v:.0f}" for k, v in samples))
        print(f"growth from the first 100 to the last: {report['growth_after_first_100_mb']:+.1f} MB")


if __name__ == "__main__":
    main()
