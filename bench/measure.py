"""Run one benchmark case in this process and write its figures as JSON (used by bench/run.py).

    python bench/measure.py OUT.json stanza LIST.tsv MODELS   # (a) plain Stanza, one call per article
    python bench/measure.py OUT.json quotes ARGS...            # the quotes CLI with ARGS
    python bench/measure.py OUT.json profile ARGS...           # the same, timing every stage

For quotes runs, time inside Stanza (loading it and its models, tokenize, the analysis step) is
summed separately, so the time spent outside it (rules, resolver, I/O, cache) can be stated.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def stanza_case(listing: str, models: str) -> dict:
    import logging

    import stanza

    logging.getLogger("stanza").setLevel(logging.WARNING)
    items = [line.rstrip("\n").split("\t") for line in open(listing, encoding="utf-8")]
    pipes = {lang: stanza.Pipeline(lang, dir=models, processors="tokenize,mwt,pos,lemma,depparse",
                                   download_method=None, logging_level="WARN")
             for lang in sorted({lang for lang, _ in items})}
    for lang, path in items:
        pipes[lang](open(path, encoding="utf-8-sig").read())
    return {}


def quotes_case(args: list[str]) -> dict:
    from quotes import parse
    from quotes.cli import app

    spent = {"stanza_s": 0.0}
    depth = [0]  # the analysis steps load their pipeline inside them: count each second once

    def timed(fn):
        def wrapper(*a, **kw):
            depth[0] += 1
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    spent["stanza_s"] += time.perf_counter() - t
        return wrapper

    # Stanza's time: tokenizing, the analysis step, and loading Stanza and its models (which (a)
    # pays as well); everything else (rules, resolver, reading, writing, the cache) is outside it
    parse.Parser._tokenize = timed(parse.Parser._tokenize)
    parse.Parser._analyse = timed(parse.Parser._analyse)
    parse.Parser.pipeline = timed(parse.Parser.pipeline)
    try:
        app(args, standalone_mode=False)
    except SystemExit:
        pass
    return spent


def profile_case(args: list[str]) -> dict:
    """Seconds per Stanza processor and per stage of ours, per language, and the lengths (in words)
    of the sentences analysed; the quotes CLI with ARGS runs in this process."""
    from collections import Counter, defaultdict

    from quotes import article, detect, marks, output, parse, pipeline, resolve
    from quotes.cli import app

    seconds: dict[str, float] = defaultdict(float)
    lengths: Counter = Counter()

    running: set[str] = set()  # labels being timed now: a nested call of the same label is not counted again

    def timed(owner, attr: str, label):
        fn = getattr(owner, attr)

        def wrapper(*a, **kw):
            name = label(*a, **kw) if callable(label) else label
            if name in running:  # Stanza's bulk_process calls its own (timed) process
                return fn(*a, **kw)
            running.add(name)
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                seconds[name] += time.perf_counter() - t
                running.discard(name)
        setattr(owner, attr, wrapper)

    loaded = set()
    original_pipeline = parse.Parser.pipeline

    def pipeline_with_timed_processors(self, lang):
        t = time.perf_counter()
        nlp = original_pipeline(self, lang)
        if id(nlp) not in loaded:  # first call: the load itself, then time each processor from now on
            seconds[f"{lang} stanza: load"] += time.perf_counter() - t
            loaded.add(id(nlp))
            for name, proc in nlp.processors.items():
                for attr in ("process", "bulk_process"):
                    timed(proc, attr, f"{lang} stanza: {name}")
        return nlp

    parse.Parser.pipeline = pipeline_with_timed_processors
    original_analyse = parse.Parser._analyse

    def analyse_counting(self, jobs, lang):
        lengths.update(min(len(st.texts) // 10 * 10, 100) for st, _ in jobs)
        return original_analyse(self, jobs, lang)

    parse.Parser._analyse = analyse_counting

    def lang_of_stage(self, *a, **kw):
        rules = getattr(self, "rules", None)
        return f"{rules.code + ' ' if rules else ''}ours: {type(self).__name__}"

    for cls, attr in ((marks.MarkScanner, "scan"), (detect.Detector, "detect"), (resolve.Resolver, "resolve")):
        timed(cls, attr, lang_of_stage)
    timed(pipeline.Extractor, "publisher", "ours: publisher line")
    timed(article, "read_articles", "ours: reading (generator set-up)")
    timed(output.RecordWriter, "write", "ours: writing")
    timed(parse.Parser, "parse_many", "parse_many (Stanza, cache and our token handling)")
    started = time.perf_counter()
    try:
        app(args, standalone_mode=False)
    except SystemExit:
        pass
    total = time.perf_counter() - started
    return {"profile_s": dict(sorted(seconds.items())), "total_s": total,
            "analysed_sentence_words": {f"{k}-{k + 9}" if k < 100 else "100+": n for k, n in sorted(lengths.items())}}


def main() -> None:
    out, case, *rest = sys.argv[1:]
    started = time.perf_counter()
    extra = stanza_case(*rest) if case == "stanza" else profile_case(rest) if case == "profile" else quotes_case(rest)
    result = {"seconds": time.perf_counter() - started, "rss_mb": peak_rss_mb(resource.RUSAGE_SELF),
              "children_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN), **extra}
    with open(out, "w") as fh:
        json.dump(result, fh)


if __name__ == "__main__":
    main()
