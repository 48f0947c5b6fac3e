"""The Python API: load the pipelines once, then call them on texts.

    >>> import quotes
    >>> nlp = quotes.load(langs=["de"])
    >>> [(q.kind, q.speaker.name) for q in nlp("„Wir bleiben“, sagte Anna Berg.")]
    [('direct', 'Anna Berg')]

`nlp(text, lang=None, **meta)` gives the Quote records of one article; `nlp.pipe(items)` streams
many (strings, or dicts with id/text/lang/url/date/title/publisher) in input order, Stanza parsing
each batch in bulk; `quotes.extract(text)` is the one-liner (it loads a pipeline on first use and
keeps it). The command line (`quotes extract`) and the service (`quotes serve`) run on this API.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

from .article import Article, article_from_fields
from .errors import ArticleFailure, InputError, QuotesError
from .pipeline import Extractor
from .record import Quote, text_hash

ArticleInput = str | Mapping
META_FIELDS = ("id", "url", "date", "title", "publisher", "outlet")


def to_article(item: ArticleInput, lang: str | None = None, **meta) -> Article:
    """An Article from a text or a mapping with `text` (and id/lang/url/date/title/publisher).

    With no id, the article's doc is the hash of its text, so the same text always gets the same doc."""
    fields = {"text": item} if isinstance(item, str) else dict(item)
    fields.update({k: v for k, v in meta.items() if v is not None})
    unknown = sorted(set(meta) - set(META_FIELDS) - {"lang"})
    if unknown:
        raise TypeError(f"unknown article field(s): {', '.join(unknown)} (known: text, lang, {', '.join(META_FIELDS)})")
    if not isinstance(fields.get("text"), str):
        raise ValueError("an article needs `text` (a string)")
    fallback = text_hash(fields["text"])
    art = article_from_fields(fields, str(fields.get("id") or fallback), fallback, lang)
    if isinstance(art, InputError):
        raise ValueError(art.problem.removesuffix(", skipped"))
    return art


class Pipeline:
    """Loaded pipelines of every language: call it on a text, or `pipe` many. Safe to share between
    threads (calls take turns: Stanza's models are not re-entrant)."""

    def __init__(self, extractor: Extractor, options=None):
        self.extractor = extractor
        self.options = options  # the runner.RunOptions it was loaded with (for --engine dask workers)
        self._lock = threading.Lock()

    @property
    def languages(self) -> list[str]:
        return sorted(self.extractor.stages)

    def warm(self, langs: Iterable[str] | None = None) -> "Pipeline":
        """Load the Stanza models now (they load on first use otherwise)."""
        for lang in langs or self.languages:
            self.extractor.parser.pipeline(lang)
        return self

    def __call__(self, text: ArticleInput, lang: str | None = None, **meta) -> list[Quote]:
        """The records of one article; raises ArticleFailure (naming the stage) when it cannot be done."""
        result = self.extract_articles([to_article(text, lang, **meta)])[0]
        if isinstance(result, ArticleFailure):
            raise result
        return result

    def extract_articles(self, articles: list[Article]) -> list[list[Quote] | ArticleFailure]:
        """Records (or the failure) of each article, in order; the articles are parsed together."""
        with self._lock:
            return self.extractor.extract_batch(articles)

    def pipe(self, items: Iterable[ArticleInput], lang: str | None = None, batch_size: int = 16,
             errors: Literal["raise", "return"] = "raise", engine: Literal["local", "dask"] = "local",
             scheduler: str | None = None, workers: int | None = None) -> Iterator[list[Quote] | ArticleFailure]:
        """The records of each article, in input order, `batch_size` articles parsed at a time (memory
        stays flat however many there are). A failed article raises its ArticleFailure, or with
        errors="return" takes its place in the stream. engine="dask" runs the batches on a
        dask.distributed cluster (`scheduler`'s, or a LocalCluster of `workers` processes) whose
        workers load the same models and rules."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        batches = self._batches(items, lang, batch_size)
        if engine == "dask":
            from .engine_dask import pipe_on_cluster

            results = pipe_on_cluster(self.options, batches, scheduler, workers)
        else:
            results = (r for batch in batches for r in self.extract_articles(batch))
        for result in results:
            if isinstance(result, ArticleFailure) and errors == "raise":
                raise result
            yield result

    @staticmethod
    def _batches(items: Iterable[ArticleInput], lang: str | None, size: int) -> Iterator[list[Article]]:
        batch: list[Article] = []
        for item in items:
            batch.append(item if isinstance(item, Article) else to_article(item, lang))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch


def load(models: str | os.PathLike | None = None, rules: str | os.PathLike | None = None,
         langs: list[str] | None = None, cache: bool | str | os.PathLike = False, prefilter: bool = True,
         use_gpu: bool = False) -> Pipeline:
    """Rules and model locations checked now (QuotesError if something is missing); Stanza models
    load on first use, or at once with `.warm()`.

    models: Stanza model folder (default $STANZA_RESOURCES_DIR, else ~/stanza_resources);
    rules: folder of <lang>.toml rule files (default: the project's rules/); langs: the languages to
    load (default: every rule file); cache: True for the per-user parse cache, a folder for that one;
    prefilter=False parses every sentence, not only those that can hold a quote."""
    from .cache import ParseCache
    from .parse import Parser, check_models
    from .rules import available_languages, rules_dir

    have = available_languages(rules_dir(rules))
    missing = sorted(set(langs or ()) - set(have))
    if missing or not have:
        raise QuotesError(f"{rules_dir(rules)}: no rule file for {', '.join(missing) or 'any language'} "
                          f"(have: {', '.join(have) or 'none'})")
    store = None if cache is False or cache is None else ParseCache(None if cache is True else cache)
    parser = Parser(models, use_gpu=use_gpu, cache=store)
    extractor = Extractor(parser, rules, languages=langs, prefilter=prefilter)
    for lang in extractor.stages:
        check_models(parser.dir, lang)
    from .runner import RunOptions

    options = RunOptions(models=parser.dir, rules=rules, langs=langs, prefilter=prefilter, cache=store is not None,
                         cache_dir=None if cache in (True, False, None) else cache)
    return Pipeline(extractor, options)


_default: Pipeline | None = None
_default_lock = threading.Lock()


def extract(text: ArticleInput, lang: str | None = None, **meta) -> list[Quote]:
    """The records of one article, with pipelines loaded on the first call and kept for the next."""
    global _default
    with _default_lock:
        if _default is None:
            _default = load()
    return _default(text, lang, **meta)
