"""Each parser shortcut measured alone: CPU seconds of a full parse and a digest of its analyses.

    python bench/parse_shortcuts.py [--shared ../shared] [--articles 40] [--threads 1]

For each language, the first N dev articles of its corpus are parsed in full (every sentence: no
prefilter, no cache) by quotes.parse.Parser, once per variant, each variant in its own process:
`stanza` (Stanza's label scoring and no lemma memo), `labels` (relation labels at the tree's arcs
only, quotes/arc_labels.py), `memo` (the lemmatizer's memo) and `both` (what the pipeline runs).
The digest covers every word's text, lemma, tag, head and relation: equal digests mean the shortcut
changes no analysis. Model loading is not timed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"de": "de-news-quotes", "en": "en-polnear"}
VARIANTS = ("stanza", "labels", "memo", "both")


def run_variant(variant: str, lang: str, files: list[str], threads: int) -> dict:
    import torch

    torch.set_num_threads(threads)
    import stanza

    from quotes import parse

    if variant in ("stanza", "memo"):
        parse._use_labels_at_heads = lambda nlp: None
    if variant in ("stanza", "labels"):
        load = stanza.Pipeline
        stanza.Pipeline = lambda *a, **k: load(*a, **{**k, "lemma_store_results": False})
    texts = [Path(f).read_text(encoding="utf-8-sig") for f in files]
    parser = parse.Parser()
    parser.pipeline(lang)
    started = time.process_time()
    docs = parser.parse_many(texts, lang)
    cpu = time.process_time() - started
    words = [[w.text, w.lemma, w.upos, w.head, w.deprel] for d in docs for w in d.words]
    return {"cpu_s": cpu, "words": len(words), "digest": hashlib.sha256(json.dumps(words).encode()).hexdigest()[:12]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--one", nargs=2, metavar=("VARIANT", "LANG"), help=argparse.SUPPRESS)  # a child process
    ap.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_variant(*args.one, args.files, args.threads)))
        return
    print(f"| lang | variant | CPU s | vs stanza | words | digest |\n|---|---|---:|---:|---:|---|")
    for lang, corpus in CORPORA.items():
        files = sorted(str(p) for p in (Path(args.shared) / "corpora" / corpus / "dev" / "docs").glob("*.txt"))
        files = files[: args.articles]
        base = None
        for variant in VARIANTS:
            out = subprocess.run([sys.executable, __file__, "--one", variant, lang, "--threads", str(args.threads),
                                  *files], capture_output=True, text=True, check=True, env=os.environ)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            base = base or r["cpu_s"]
            print(f"| {lang} | {variant} | {r['cpu_s']:.2f} | {base / r['cpu_s']:.2f}x | {r['words']:,} | {r['digest']} |",
                  flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
