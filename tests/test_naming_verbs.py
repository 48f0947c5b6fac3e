"""Naming verbs ("nannte ... „X“", "called ... “X”") are cues only with a quotation in their clause."""

from __future__ import annotations

from quotes.article import Article


def extract(extractor, text, lang):
    return [(r.kind, r.text, r.speaker.mention if r.speaker else None, r.cue.text if r.cue else None)
            for r in extractor.extract(Article(id="t", text=text, lang=lang))]


def test_german_naming_verb_gives_the_quoted_words_as_direct_quote(extractor):
    text = "Der Innenminister nannte die Pläne „völlig unausgegoren“. Er sprach am Montag in Berlin."
    assert extract(extractor, text, "de") == [("direct", "völlig unausgegoren", "Der Innenminister", "nannte")]


def test_english_naming_verb_gives_object_and_quote_as_mixed_quote(extractor):
    text = "Senator Jane Smith called the proposal “a total disaster” on Monday. The vote is next week."
    assert extract(extractor, text, "en") == [("mixed", "the proposal “a total disaster”", "Senator Jane Smith", "called")]


def test_naming_verb_without_quotation_is_no_cue(extractor):
    assert extract(extractor, "The senator called for a vote on Monday, and called it a day.", "en") == []
