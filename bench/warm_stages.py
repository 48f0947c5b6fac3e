"""Seconds per stage of a warm-cache run, in one process, fastest of N rounds.

    python bench/warm_stages.py [--repeat 3] [--cache DIR] [--shared ../shared]

The corpus is bench/run.py's (the seeds and both dev corpora, 239 articles). The parse cache in
DIR is filled first by one `quotes extract` over it when it does not hold the corpus yet (a cold
run, about a minute). Then every round builds a fresh Extractor (as a run does) and times, per
article: the cache key, reading the cache entry, the prefilter's two selections, rebuilding the
words, the quotation marks, detection, resolution, and confidence plus the JSON record. Process
start and imports are not in these figures (`bench/run.py` case (c) has them). Each stage reports
its fastest round: this VM's speed drifts within minutes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def one_round(texts: list[tuple[str, str]], cache_dir: Path) -> dict[str, float]:
    from quotes.cache import ParseCache
    from quotes.language import detect_language
    from quotes.parse import Parser, build_doc, paragraphs
    from quotes.pipeline import Extractor

    ex = Extractor(Parser(cache=ParseCache(cache_dir)))
    parser, spent = ex.parser, defaultdict(float)
    for name, text in texts:
        lang = detect_language(text, {k: s.rules for k, s in ex.stages.items()})
        st = ex.stages[lang]
        marks = [time.perf_counter()]

        def lap(stage: str) -> None:
            marks.append(time.perf_counter())
            spent[stage] += marks[-1] - marks[-2]

        paras = paragraphs(text)
        key = parser.cache.key(text, lang, parser.identity(lang))
        lap("cache key")
        entry = parser.cache.get(key)
        lap("cache read")
        if entry is None:
            raise SystemExit(f"{name}: not in the cache {cache_dir}")
        sents = entry[1]
        st.selector.paragraphs(text, paras)
        lap("prefilter: paragraphs")
        st.selector(text, sents)
        lap("prefilter: sentences")
        doc = build_doc(text, paras, sents)
        lap("words (build_doc)")
        spans = st.scanner.scan(text, doc.paragraphs)
        lap("quotation marks")
        cands = st.detector.detect(doc, spans)
        lap("detection")
        quotes = st.resolver.resolve(doc, cands, name, lang, None, [(q.start, q.end) for q in spans])
        lap("resolution")
        for q in quotes:
            if st.confidence is not None:
                q.confidence = st.confidence.score(q)
            q.model_dump_json()
        lap("confidence, JSON")
    return spent


def main() -> None:
    from run import build_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "quotes-warm-stages")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(args.shared, Path(tmp), 200)
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(tmp).glob("*.txt"))]
        subprocess.run([sys.executable, "-m", "quotes.cli", "extract", tmp, "-o", str(Path(tmp) / "out.jsonl"),
                        "--cache", str(args.cache)], check=True, stderr=subprocess.DEVNULL)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for stage, s in one_round(texts, args.cache).items():
            best[stage] = min(best.get(stage, s), s)
    print(f"{len(texts)} articles, fastest of {args.repeat} round(s)")
    for stage, s in best.items():
        print(f"{stage:24} {s:6.3f} s")
    print(f"{'all stages':24} {sum(best.values()):6.3f} s")


if __name__ == "__main__":
    main()
