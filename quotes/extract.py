"""The pipeline for one article: parse -> quoted spans -> candidates -> resolved Quote records."""

from __future__ import annotations

from .article import Article
from .detect import Detector
from .errors import InputError
from .language import detect_language
from .marks import MarkScanner
from .parse import ParsedDoc, Parser
from .record import Quote
from .resolve import Resolver
from .rules import RuleSet, available_languages, load_rules, rules_dir


class LanguageStages:
    """The rule-driven stages of one language, built once from its rule file."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.scanner = MarkScanner(rules)
        self.detector = Detector(rules)
        self.resolver = Resolver(rules)


class Extractor:
    """Turns articles into Quote records. Parsers and rules are loaded once per run."""

    def __init__(self, parser: Parser | None = None, rules_directory=None, languages: list[str] | None = None):
        self.parser = parser or Parser()
        directory = rules_dir(rules_directory)
        langs = languages or available_languages(directory)
        self.stages = {lang: LanguageStages(load_rules(lang, directory)) for lang in langs}

    def language_of(self, article: Article) -> str:
        lang = article.lang
        if lang in (None, "", "auto"):
            lang = detect_language(article.text, {k: s.rules for k, s in self.stages.items()})
            if lang is None:
                raise InputError(article.source or article.id, "cannot tell the language (no words); pass --lang")
        if lang not in self.stages:
            raise InputError(article.source or article.id, f"no rule file for language {lang!r}")
        return lang

    def publisher(self, article: Article, rules: RuleSet) -> str | None:
        if article.outlet:
            return article.outlet
        for rx in rules.publisher_regexes:
            m = rx.search(article.text, timeout=1.0)
            if m:
                return m.group("name").strip()
        return None

    def extract_parsed(self, article: Article, lang: str, doc: ParsedDoc) -> list[Quote]:
        st = self.stages[lang]
        spans = st.scanner.scan(article.text, doc.paragraphs)
        cands = st.detector.detect(doc, spans)
        return st.resolver.resolve(doc, cands, article.id, lang, self.publisher(article, st.rules))

    def extract(self, article: Article) -> list[Quote]:
        lang = self.language_of(article)
        doc = self.parser.parse(article.text, lang)
        return self.extract_parsed(article, lang, doc)
