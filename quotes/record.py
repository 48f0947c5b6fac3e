"""The output record: one JSON object per quote, defined here and published as JSON Schema."""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: int = Field(description="offset of the first character (Python str index into the article)")
    end: int = Field(description="offset one past the last character")


class CueRef(Span):
    text: str = Field(description="the cue word(s) as written, e.g. 'sagte', 'according to'")
    lemma: str = Field(description="the cue's lemma, particle included for separable verbs ('teilen mit')")


class Speaker(Span):
    name: str | None = Field(description="full name, honorific dropped, short forms linked; null when unnamed")
    mention: str = Field(description="the mention as written where the quote is attributed")
    type: Literal["person", "organization", "unknown"]
    via: Literal["subject", "agent", "preposition", "pronoun", "description", "continuation", "colon"] = Field(
        description="how the speaker was found: the cue's subject, a passive's agent, a prepositional source "
                    "('laut X'), a pronoun or a description resolved to an entity of the article, the quote "
                    "this one continues, a colon label ('Lewentz: ...') or a signature ('“…” ― Pamela Padilla')")
    entity: str | None = Field(default=None, description="article-local id of the speaker entity: all quotes "
                               "of one person in one article share it; 'e1' is the article's first speaker, 'e2' the next")
    aliases: list[str] = Field(default_factory=list, description="other forms the article writes the speaker in")
    joint: list[str] = Field(default_factory=list, description="the others named with the speaker in one "
                             "coordinated subject, who say the words together ('Mr. Grassley and Mr. Leahy said': "
                             "name 'Charles E. Grassley', joint ['Patrick J. Leahy'])")


class Outlet(Span):
    name: str = Field(description="the medium that carried the speaker's words")


class Quote(BaseModel):
    """One quote in one article. `article[start:end] == text` always holds."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="stable id: hash of the article text, kind and offsets; the same quote of the "
                    "same text has the same id whatever the file or folder is called (a second copy of one "
                    "text in a run also hashes its doc, so ids stay unique)")
    doc: str = Field(description="article id, unique in a run: path relative to the input folder given, or "
                     "the id the JSONL line / CSV row / API call gives")
    doc_hash: str = Field(default="", description="SHA-256 of the article text as read (16 hex digits): "
                          "the version that start/end slice; --resume re-does an article whose hash changed")
    lang: str
    kind: Literal["direct", "indirect", "mixed"]
    text: str
    start: int
    end: int
    cue: CueRef | None
    speaker: Speaker | None
    role: str | None = Field(description="the speaker's role or description as the article gives it")
    outlet: Outlet | None
    publisher: str | None = Field(description="the article's own outlet (metadata, dateline or source line)")
    url: str | None = Field(default=None, description="the article's URL, when the input gives it")
    date: str | None = Field(default=None, description="the article's date as the input gives it")
    title: str | None = Field(default=None, description="the article's title, when the input gives it")
    confidence: float | None = Field(default=None, description="estimated probability that the span is a quote "
                                     "and its speaker is right (confidence.py; null when no model is loaded)")


def quote_id(doc_hash: str, kind: str, start: int, end: int, salt: str = "") -> str:
    """Content-addressed: the article text's hash, kind and offsets (and `salt`, the doc, for a second
    copy of one text in a run)."""
    key = f"{doc_hash}\x00{kind}\x00{start}\x00{end}" + (f"\x00{salt}" if salt else "")
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
