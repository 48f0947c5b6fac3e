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


def test_evaluation_verbs_give_the_quoted_words(extractor):
    # a verb of praise or blame with "als „X“", a separable one included
    text = "Die Bürgermeisterin Karin Vogt würdigte den Verein als „Vorbild für die ganze Region“."
    assert extract(extractor, text, "de") == [
        ("direct", "Vorbild für die ganze Region", "Die Bürgermeisterin Karin Vogt", "würdigte")]
    text = "Der Landrat Paul Gruber wies den Vorwurf am Montag als „reine Erfindung“ zurück."
    assert extract(extractor, text, "de") == [("direct", "reine Erfindung", "Der Landrat Paul Gruber", "wies")]
    # a speech verb that is also an evaluation verb stays a cue without a quotation
    text = "Die Gewerkschaft kritisierte, dass die Löhne seit Jahren nicht gestiegen seien."
    assert extract(extractor, text, "de") == [
        ("indirect", "dass die Löhne seit Jahren nicht gestiegen seien", "Die Gewerkschaft", "kritisierte")]


def test_quotation_as_the_speech_verbs_object(extractor):
    # the subject between verb and quotation is frame; the quotation alone is quoted
    text = "Nach dem Besuch sprach der Gouverneur des Bundesstaates von der „schwersten Flut seit Jahrzehnten“."
    assert extract(extractor, text, "de") == [
        ("direct", "schwersten Flut seit Jahrzehnten", "der Gouverneur des Bundesstaates", "sprach")]
    text = "In ihrem Urteil äußerten die Richter „erhebliche Zweifel“ an der Darstellung der Behörde."
    assert extract(extractor, text, "de") == [("direct", "erhebliche Zweifel", "die Richter", "äußerten")]


def test_a_medium_or_title_in_marks_is_no_quotation(extractor):
    text = "Der Staatssekretär sagte der „Berliner Zeitung“, dass die Preise im Herbst steigen würden."
    assert [r[0] for r in extract(extractor, text, "de")] == ["indirect"]
    assert extract(extractor, text, "de")[0][1] == "dass die Preise im Herbst steigen würden"
    text = ('"We will not back down," Governor Ann Miller said on NBC\'s "Meet the Press." '
            'The hearing is set for May.')
    assert [(k, t) for k, t, _, _ in extract(extractor, text, "en")] == [("direct", "We will not back down,")]


def test_a_naming_verb_reaches_its_quotation_past_a_long_object(extractor):
    # the quotation after "als" stands 20 words after the verb, past a coordination of hyphenated names
    text = ('Katrin Berger, Fraktionsvorsitzende der Grünen im Landtag, bezeichnet die Ergebnisse der Partei '
            'in Baden-Württemberg und Rheinland-Pfalz als "großartig".')
    (r,) = extractor.extract(Article(id="t", text=text, lang="de"))
    assert (r.kind, r.text, r.speaker.name) == ("direct", "großartig", "Katrin Berger")


def test_a_medium_in_marks_is_no_naming_quotation(extractor):
    # "Deutschlandfunk" is a medium ("-funk" is a word for one), not the name the verb gives
    text = "Albrecht Weber bezeichnete die Reise in einem Interview mit dem „Deutschlandfunk“ als hilfreich."
    assert extractor.extract(Article(id="t", text=text, lang="de")) == []
