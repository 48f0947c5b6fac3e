"""Attribution on single sentences: clauses without a complementizer, names the tagger misses,
parentheses and dates next to names."""

from __future__ import annotations

from quotes.article import Article


def one(extractor, text, lang):
    (r,) = extractor.extract(Article(id="t", text=text, lang=lang))
    return r.kind, r.text, r.speaker.name if r.speaker else None, r.speaker.type if r.speaker else None


def test_reported_clause_without_that(extractor):
    assert one(extractor, "Rep. John Mica (R-Fla.) said the plan would fail in the Senate.", "en") == (
        "indirect", "the plan would fail in the Senate", "John Mica", "person")


def test_weekday_is_not_the_speaker(extractor):
    assert one(extractor, "Donald Trump said Friday that the wall would be built next year.", "en") == (
        "indirect", "that the wall would be built next year", "Donald Trump", "person")


def test_organization_after_preposition_cue_is_named(extractor):
    assert one(extractor, "Nach Angaben des Roten Kreuzes wurden 800.000 Menschen obdachlos.", "de") == (
        "indirect", "wurden 800.000 Menschen obdachlos", "Roten Kreuzes", "unknown")
