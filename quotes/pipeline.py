"""The pipeline for articles: parse -> quoted spans -> candidates -> resolved Quote records.

Every article runs inside its own error boundary: `extract_batch` returns, per article, either its
records or an ArticleFailure that names the stage that failed; one article never costs another.
"""

from __future__ import annotations

import regex

from .article import Article
from .confidence import ConfidenceModel, load_model
from .detect import Detector
from .errors import ArticleFailure, QuotesError
from .language import detect_language
from .marks import MarkScanner
from .parse import ParsedDoc, Parser
from .prefilter import CandidateSelector
from .record import Quote, quote_id, text_hash
from .resolve import Resolver
from .rules import RuleSet, available_languages, load_rules, rules_dir

_LETTER = regex.compile(r"\p{L}")


class LanguageStages:
    """The rule-driven stages of one language, built once from its rule file (and its confidence
    model, rules/confidence/<lang>.toml, when there is one)."""

    def __init__(self, rules: RuleSet, confidence: ConfidenceModel | None = None):
        self.rules = rules
        self.scanner = MarkScanner(rules)
        self.selector = CandidateSelector(rules, self.scanner)
        self.detector = Detector(rules)
        self.resolver = Resolver(rules)
        self.confidence = confidence


class Extractor:
    """Turns articles into Quote records. Parsers and rules are loaded once per run.

    `prefilter=False` parses every sentence fully instead of only the candidates (see prefilter.py).
    """

    def __init__(self, parser: Parser | None = None, rules_directory=None, languages: list[str] | None = None,
                 prefilter: bool = True):
        self.parser = parser or Parser()
        self.prefilter = prefilter
        directory = rules_dir(rules_directory)
        langs = languages or available_languages(directory)
        self.stages = {lang: LanguageStages(load_rules(lang, directory), load_model(directory, lang)) for lang in langs}
        for lang, st in self.stages.items():
            self.parser.sentence_openers[lang] = st.rules.stopword_set
            self.parser.name_abbreviations[lang] = frozenset(h for h in st.rules.speakers.honorifics if h.endswith("."))
            self.parser.datelines[lang] = tuple(st.rules.strip_regexes)

    def language_of(self, article: Article) -> str:
        lang = article.lang
        if lang in (None, "", "auto"):
            lang = detect_language(article.text, {k: s.rules for k, s in self.stages.items()})
            if lang is None:
                raise ArticleFailure(article, "language", "cannot tell the language (no known function words); give it (--lang, or a lang field)")
        if lang not in self.stages:
            raise ArticleFailure(article, "language", f"no rule file for language {lang!r}")
        return lang

    def publisher(self, article: Article, rules: RuleSet) -> str | None:
        if article.publisher:
            return article.publisher
        for rx in rules.publisher_regexes:
            m = rx.search(article.text, timeout=1.0)
            if m:
                return m.group("name").strip()
        return None

    def extract_parsed(self, article: Article, lang: str, doc: ParsedDoc) -> list[Quote]:
        st = self.stages[lang]
        spans = st.scanner.scan(article.text, doc.paragraphs)
        cands = st.detector.detect(doc, spans)
        quotes = st.resolver.resolve(doc, cands, article.id, lang, self.publisher(article, st.rules),
                                     [(q.start, q.end) for q in spans])
        digest = text_hash(article.text)
        for q in quotes:
            q.doc_hash = digest
            q.id = quote_id(digest, q.kind, q.start, q.end, article.id if article.same_text_as else "")
            q.url, q.date, q.title = article.url, article.date, article.title
            if st.confidence is not None:
                q.confidence = round(st.confidence.score(q), 4)
        return quotes

    def _parse(self, articles: list[Article], lang: str) -> list[ParsedDoc | ArticleFailure]:
        select = self.stages[lang].selector if self.prefilter else None
        try:
            return self.parser.parse_many([a.text for a in articles], lang, select)
        except QuotesError:
            raise
        except Exception as exc:
            if len(articles) == 1:
                return [ArticleFailure.of(articles[0], "parse", exc)]
        # one article broke the batch: parse them one by one to find it and keep the others
        return [self._parse([a], lang)[0] for a in articles]

    def extract_batch(self, articles: list[Article]) -> list[list[Quote] | ArticleFailure]:
        """Records (or the failure) of each article, in order; Stanza sees the batch in bulk."""
        out: list[list[Quote] | ArticleFailure | None] = [None] * len(articles)
        by_lang: dict[str, list[int]] = {}
        for k, art in enumerate(articles):
            if not _LETTER.search(art.text):  # empty, blank or wordless: no quotes, not an error
                out[k] = []
                continue
            try:
                by_lang.setdefault(self.language_of(art), []).append(k)
            except ArticleFailure as fail:
                out[k] = fail
        for lang, idx in by_lang.items():
            docs = self._parse([articles[k] for k in idx], lang)
            for k, doc in zip(idx, docs):
                if isinstance(doc, ArticleFailure):
                    out[k] = doc
                    continue
                try:
                    out[k] = self.extract_parsed(articles[k], lang, doc)
                except QuotesError:
                    raise
                except Exception as exc:  # a bug in the rules stages must cost only this article
                    out[k] = ArticleFailure.of(articles[k], "extract", exc)
        return out  # type: ignore[return-value]

    def extract(self, article: Article) -> list[Quote]:
        result = self.extract_batch([article])[0]
        if isinstance(result, ArticleFailure):
            raise result
        return result
