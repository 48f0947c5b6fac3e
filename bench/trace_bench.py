"""Time `quotes.trace.trace` on 10,000 synthetic records.

    python bench/trace_bench.py [--records tests/trace/seeds-records.jsonl] [-n 10000] [--seed 0]

The records are copies of the seed records (tests/trace/seeds-records.jsonl, what `quotes extract
seeds` writes) in made-up articles: each copy gets a doc of its own, a date in 2022, a speaker
drawn from 50 variants of its name with Zipf weights (so some speakers have hundreds of records, as
a wire corpus's ministers do), and a perturbed text (one word in ten dropped, one in twenty replaced
by a word of another record, numbers changed). Prints the seconds trace() took (wall and CPU) and the cluster counts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.trace import trace  # noqa: E402


def synthesise(seed_records: list[dict], n: int, rng: random.Random) -> list[dict]:
    vocab = [w for r in seed_records for w in r["text"].split()]
    weights = [1 / (i + 1) for i in range(50)]
    out = []
    copy = 0
    while len(out) < n:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        for r in seed_records:
            if len(out) >= n:
                break
            words = []
            for w in r["text"].split():
                x = rng.random()
                if x < 0.10:
                    continue
                if x < 0.15:
                    w = rng.choice(vocab)
                words.append(re.sub(r"\d", lambda _: str(rng.randint(0, 9)), w) if rng.random() < 0.5 else w)
            rec = json.loads(json.dumps(r))
            rec["id"] = f"{copy:05d}-{r['id']}"
            rec["doc"] = f"{copy:05d}/{r['doc']}"
            rec["text"] = " ".join(words) or r["text"]
            rec["date"] = f"2022-{month:02d}-{day:02d}"
            if rec.get("speaker") and rec["speaker"].get("name"):
                k = rng.choices(range(50), weights)[0]
                rec["speaker"]["name"] = rec["speaker"]["name"] + (f" {k}" if k else "")
            out.append(rec)
        copy += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=Path, default=ROOT / "tests" / "trace" / "seeds-records.jsonl")
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    seeds = [json.loads(line) for line in args.records.open(encoding="utf-8") if line.strip()]
    records = synthesise(seeds, args.n, random.Random(args.seed))
    started, cpu = time.perf_counter(), time.process_time()
    clusters = trace(records)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    sizes = [len(c.members) for c in clusters]
    print(f"{len(records)} records, {len({(r.get('speaker') or {}).get('name') for r in records})} speaker names: "
          f"trace() {took:.2f} s ({cpu:.2f} s CPU); {len(clusters)} clusters, {sum(1 for s in sizes if s > 1)} with 2+, largest {max(sizes)}")


if __name__ == "__main__":
    main()
