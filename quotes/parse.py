"""Parsing: Stanza (tokenize, mwt, pos, lemma, depparse) into plain, offset-exact words.

Each line of an article is a paragraph and is parsed as its own Stanza document (Stanza's bulk
processing), so no sentence ever crosses a line break and every offset maps straight back to the
article. Multi-word tokens ("am" = "an dem") give each of their words the token's span.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .errors import ModelsMissingError

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
_LINE = regex.compile(r"[^\r\n]+")


@dataclass(slots=True)
class Word:
    i: int  # index in the document's word list
    text: str
    lemma: str
    upos: str
    feats: str
    head: int  # index of the head word, -1 for the root
    deprel: str
    start: int  # article offsets of the word (of its token, for multi-word tokens)
    end: int
    sent: int  # index of the sentence

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Sentence:
    i: int
    start: int
    end: int
    first: int  # first word index
    last: int  # one past the last word index
    para: int  # paragraph index


@dataclass
class ParsedDoc:
    text: str
    words: list[Word] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def children(self, i: int) -> list[Word]:
        return self._children.get(i, [])

    def index(self) -> None:
        self._children: dict[int, list[Word]] = {}
        for w in self.words:
            if w.head >= 0:
                self._children.setdefault(w.head, []).append(w)

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(c.i for c in self.children(j))
        return sorted(out)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that holds more than whitespace."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def models_dir(option: str | os.PathLike | None = None) -> Path:
    """The Stanza model folder: --models, else $STANZA_RESOURCES_DIR, else Stanza's default."""
    if option:
        return Path(option)
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    return Path.home() / "stanza_resources"


def check_models(directory: Path, lang: str) -> None:
    if not (directory / "resources.json").is_file() or not (directory / lang).is_dir():
        raise ModelsMissingError(
            f"no Stanza models for {lang!r} in {directory}: pass --models DIR or set "
            f"STANZA_RESOURCES_DIR to a folder that has them, or download them once with "
            f"python -c \"import stanza; stanza.download('{lang}', dir='{directory}')\""
        )


class Parser:
    """One Stanza pipeline per language, each loaded once, on first use."""

    def __init__(self, models: str | os.PathLike | None = None, use_gpu: bool = False):
        self.dir = models_dir(models)
        self.use_gpu = use_gpu
        self._pipelines: dict = {}

    def pipeline(self, lang: str):
        if lang not in self._pipelines:
            check_models(self.dir, lang)
            import stanza  # heavy import, only when a parse is needed

            logging.getLogger("stanza").setLevel(logging.WARNING)
            try:
                self._pipelines[lang] = stanza.Pipeline(
                    lang, dir=str(self.dir), processors=PROCESSORS, download_method=None,
                    use_gpu=self.use_gpu, logging_level="WARN",
                )
            except Exception as exc:  # stanza raises many kinds for missing/odd model files
                raise ModelsMissingError(f"cannot load Stanza models for {lang!r} from {self.dir}: {exc}") from None
        return self._pipelines[lang]

    def parse(self, text: str, lang: str) -> ParsedDoc:
        from stanza import Document

        doc = ParsedDoc(text=text, paragraphs=paragraphs(text))
        if doc.paragraphs:
            parsed = self.pipeline(lang)([Document([], text=text[s:e]) for s, e in doc.paragraphs])
            for p, ((pstart, _), sdoc) in enumerate(zip(doc.paragraphs, parsed)):
                _add_paragraph(doc, sdoc, pstart, p)
        doc.index()
        return doc


def _add_paragraph(doc: ParsedDoc, sdoc, offset: int, para: int) -> None:
    for sent in sdoc.sentences:
        base = len(doc.words)
        s_index = len(doc.sentences)
        for token in sent.tokens:
            for w in token.words:
                start = w.start_char if w.start_char is not None else token.start_char
                end = w.end_char if w.end_char is not None else token.end_char
                doc.words.append(Word(
                    i=base + w.id - 1, text=w.text, lemma=w.lemma or w.text, upos=w.upos or "X",
                    feats=w.feats or "", head=(base + w.head - 1) if w.head else -1,
                    deprel=w.deprel or "dep", start=offset + start, end=offset + end, sent=s_index,
                ))
        if len(doc.words) > base:
            doc.sentences.append(Sentence(
                i=s_index, start=doc.words[base].start, end=doc.words[-1].end,
                first=base, last=len(doc.words), para=para,
            ))
