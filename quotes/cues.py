"""What detection passes between its stages (detect.py, content.py, sources.py): the `Unit`s a
document's sentences become, the `Cue`s found in them, the `Candidate` quotes they give, and the
small word tests the stages share."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .marks import QuotedSpan
from .parse import Word

BETWEEN_PHRASE = {"DET", "ADJ", "NUM", "PRON"}  # "nach | ersten | Angaben"
SOURCE_OPENERS = {"DET", "ADP", "PROPN", "X"}  # "nach Angaben | der Polizei", "… | von n24", "… | Wang Yis"
CUE_POS = {"VERB", "AUX", "ADJ", "X"}
SENTENCE_END = ".!?"
SENTENCE_START_AFTER = set(SENTENCE_END) | {":"}  # what may stand right before a sentence's first word
TRAILING = " \t\r\n.,;:!?"
_NUMBER = regex.compile(r"Number=(\w+)")


def in_span(span: tuple[int, int] | None, w: Word) -> bool:
    """Does word w start inside the character span (a cue's content)?"""
    return span is not None and span[0] <= w.start < span[1]


def rel_or_dem(w: Word) -> bool:
    """A pronoun the tagger calls relative or demonstrative: German "der", "die", "denen" open
    relative clauses and are tagged either way."""
    return w.upos == "PRON" and ("PronType=Rel" in w.feats or "PronType=Dem" in w.feats)


def last_char(text: str, end: int, strip: str = " \t\r\n") -> str:
    """The last character of text[:end] that is not in `strip` ("" if none): text[:end].rstrip(strip)[-1:]
    without copying the article up to `end`."""
    while end > 0 and text[end - 1] in strip:
        end -= 1
    return text[end - 1:end]


@dataclass(slots=True)
class Unit:
    """A sentence as the detector sees it: Stanza sentences merged where a quote or a frame runs on."""

    start: int
    end: int
    first: int  # first word index
    last: int  # one past the last word index
    para: int


@dataclass(slots=True)
class Cue:
    words: list[int]  # the verb (and particle) or the preposition's words
    lemma: str
    kind: str  # "verb" | "preposition"
    unit: int
    source: int | None = None  # word index heading the source mention
    source_words: tuple[int, int] | None = None  # explicit [first, last) of the source mention
    via: str = "subject"
    outlet: int | None = None  # word index heading an outlet mention
    content: tuple[int, int] | None = None  # article offsets of the reported content
    content2: tuple[int, int] | None = None  # the second part of a quote the frame interrupts
    anaphoric: bool = False  # names no source, points back to one ("Demnach …")
    antecedent: int | None = None  # a pronoun source's person named just before ("X verteidigte … Er halte …")
    frame_in_commas: tuple[int, int] | None = None  # "The test, | North Korea said, | was …": the speaker's words
    content_to: int | None = None  # once the source is set, the content runs on to here: the clause a frame interrupts


@dataclass(slots=True)
class Candidate:
    kind: str  # direct | indirect | mixed
    start: int
    end: int
    cue: Cue | None
    via: str | None = None  # how the speaker was found when there is no cue word
    source: int | None = None
    source_words: tuple[int, int] | None = None
    outlet: int | None = None
    outlet_words: tuple[int, int] | None = None
    follows: Candidate | None = None  # the earlier quote whose speaker this one continues
    spans: list[QuotedSpan] = field(default_factory=list)


def grammatical_number(w: Word) -> str:
    """The word's grammatical number ("Sing", "Plur") from its features, "" when it has none."""
    m = _NUMBER.search(w.feats)
    return m.group(1) if m else ""
