"""Attribution on single sentences: clauses without a complementizer, names the tagger misses,
parentheses and dates next to names."""

from __future__ import annotations

import pytest

from quotes.article import Article


def texts_and_speakers(extractor, text, lang):
    """(text, speaker name) per quote."""
    return [(r.text, r.speaker.name if r.speaker else None) for r in extractor.extract(Article(id="t", text=text, lang=lang))]


def single(extractor, text, lang):
    """The one record the text gives (fails when it gives none or several)."""
    (r,) = extractor.extract(Article(id="t", text=text, lang=lang))
    return r


def one(extractor, text, lang):
    r = single(extractor, text, lang)
    return r.kind, r.text, r.speaker.name if r.speaker else None, r.speaker.type if r.speaker else None


def test_reported_clause_without_that(extractor):
    assert one(extractor, "Rep. John Mica (R-Fla.) said the plan would fail in the Senate.", "en") == (
        "indirect", "the plan would fail in the Senate", "John Mica", "person")


def test_weekday_is_not_the_speaker(extractor):
    assert one(extractor, "Donald Trump said Friday that the wall would be built next year.", "en") == (
        "indirect", "that the wall would be built next year", "Donald Trump", "person")


def test_weekday_the_parser_made_a_subject_is_not_the_speaker(extractor):
    # the parser makes "Friday" the subject of "said" and of "saying": the speaker is Trump's
    assert one(extractor, "In one tweet Friday, Trump said: \u201cShe was a disaster.\u201d", "en") == (
        "direct", "She was a disaster.", "Trump", "unknown")
    assert one(extractor, "Trump unleashed a series of tweets early Friday saying that his rival had shown bad judgment.",
               "en") == ("indirect", "that his rival had shown bad judgment", "Trump", "unknown")


def test_fronted_adverb_the_tagger_made_a_name_gives_way_to_the_name_after_the_verb(extractor):
    # "Sinngemäß" is tagged a proper noun and made the subject; the article writes it nowhere
    # inside a sentence, "Musk" it does
    text = ("In der Meldung wird Musk mit einem Satz zitiert. "
            "Sinngemäß hofft Musk also, dass der nächste Start bald erfolgt.")
    got = texts_and_speakers(extractor, text, "de")
    assert ("dass der nächste Start bald erfolgt", "Musk") in got


def test_a_quoted_name_inside_the_description_before_an_appositive_name(extractor):
    # the organisation's name in quotation marks belongs to the description, like one in brackets
    text = ("Ein Flugzeug stürzte am Montag ab. Ein Sprecher der „Polizei von DeLand“, Commander Randy Henderson "
            "sagte, das Flugzeug sei 50 Fuß über dem Boden gewesen.")
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.name, r.role) == ("das Flugzeug sei 50 Fuß über dem Boden gewesen", "Randy Henderson",
                                                "Sprecher der „Polizei von DeLand“")


@pytest.mark.parametrize("text, quote, name", [
    # a word for a report names no one: its genitive or "von" phrase does
    ("Die Lage ist ruhig. Einer Meldung von Xinhua zufolge sei am Montag der Unterricht wieder aufgenommen worden.",
     "sei am Montag der Unterricht wieder aufgenommen worden", "Xinhua"),
    ("Die CDU stimmte zu. So sollen die Gespräche laut Vorschlag der CDU am Mittwoch stattfinden.",
     "So sollen die Gespräche laut Vorschlag der CDU am Mittwoch stattfinden", "CDU"),
])
def test_the_source_a_word_for_a_report_names(extractor, text, quote, name):
    got = texts_and_speakers(extractor, text, "de")
    assert got == [(quote, name)]


@pytest.mark.parametrize("text, name", [
    ("Der Zyklon traf das Land. Wie Steve Marshall, Sprecher der UN-Büros, in Bangkok mitteilte, hat die Regierung "
     "nur sechs Hubschrauber geschickt.", "Steve Marshall"),
    ("Das Gesetz ist alt. Wie der Bevollmächtigte der EU-Kommission, Gerald Braun, in Luxemburg mitteilte, sieht "
     "Wiedeking in dem Gesetz eine Benachteiligung.", "Gerald Braun"),
])
def test_a_place_between_the_apposition_and_the_cue_is_not_the_speaker(extractor, text, name):
    r = single(extractor, text, "de")
    assert r.speaker.name == name


def test_the_clause_a_participle_modifies_is_no_report_of_the_participle(extractor):
    # "Responding" is a cue verb, but the clause it hangs on is the report of "claimed"
    text = ("Fikile Mbalula leads the ANC. Responding to Gwarube's statement, Mbalula claimed the party's "
            "analysis of the results were a lie.")
    assert one(extractor, text, "en")[1:3] == ("the party's analysis of the results were a lie", "Fikile Mbalula")


@pytest.mark.parametrize("text, quote, name", [
    # the parser makes the description in commas the subject ("surrogate"), or the name a modifier
    ("Ed Rendell spoke. Rendell, a Clinton surrogate, said he had battled through three bouts of pneumonia.",
     "he had battled through three bouts of pneumonia", "Ed Rendell"),
    ("Retired Lt. Gen. Michael Flynn spoke on Wednesday.\n\n\u201cHe's absolutely right. There's a severe disconnect "
     "between this White House and the military,\u201d Flynn, a top Trump surrogate, said Thursday morning on Fox News.",
     "He's absolutely right. There's a severe disconnect between this White House and the military,", "Michael Flynn"),
    # a party in brackets after the name, a title before it
    ("\u201cThey wouldn\u2019t get an immunity deal,\u201d Rep. Jim Jordan (R-Ohio), an oversight panel member, said "
     "in a phone interview.", "They wouldn\u2019t get an immunity deal,", "Jim Jordan"),
])
def test_the_name_before_an_apposition_speaks_not_the_name_inside_it(extractor, text, quote, name):
    assert one(extractor, text, "en")[1:3] == (quote, name)


def test_organization_after_preposition_cue_is_named(extractor):
    assert one(extractor, "Nach Angaben des Roten Kreuzes wurden 800.000 Menschen obdachlos.", "de") == (
        "indirect", "wurden 800.000 Menschen obdachlos", "Roten Kreuzes", "organization")


def records(extractor, text, lang):
    return [(r.kind, r.text, r.speaker.name if r.speaker else None, r.cue.text if r.cue else None)
            for r in extractor.extract(Article(id="t", text=text, lang=lang))]


def test_a_quotation_inside_a_konjunktiv_report_is_part_of_it(extractor):
    text = ("Künast sagte, es müsse nun Schluss sein mit den Schuldzuweisungen. "
            "Es drohe „eine dramatische Erderwärmung von bis zu sechs Grad“.")
    assert records(extractor, text, "de")[1][:3] == (
        "mixed", "Es drohe „eine dramatische Erderwärmung von bis zu sechs Grad“.", "Künast")


def test_konjunktiv_sentence_is_a_report_on_its_own(extractor):
    text = "Die Polizei hat in Berlin einen Mann festgenommen. Er sei bewaffnet gewesen."
    assert records(extractor, text, "de") == [("indirect", "Er sei bewaffnet gewesen.", None, None)]


def test_konjunktiv_after_speech_verb_without_content_takes_its_speaker(extractor):
    text = ("Der Minister Peter Kern berichtete am Montag von Angriffen auf das Netz der Regierung. "
            "Den Tätern sei es gelungen, Daten zu stehlen.")
    assert records(extractor, text, "de") == [
        ("indirect", "Den Tätern sei es gelungen, Daten zu stehlen.", "Peter Kern", "berichtete")]


def test_konjunktiv_sentence_continues_the_report_before_it(extractor):
    text = "Anna Berg sagte, der Plan sei gescheitert. Man werde die Folgen tragen."
    assert records(extractor, text, "de") == [
        ("indirect", "der Plan sei gescheitert", "Anna Berg", "sagte"),
        ("indirect", "Man werde die Folgen tragen.", "Anna Berg", None)]


def test_clause_ending_in_colon_frames_the_quotation(extractor):
    assert records(extractor, "Anna Berg wird mit den Worten zitiert: „Wir geben nicht auf.“", "de") == [
        ("direct", "Wir geben nicht auf.", "Anna Berg", "zitiert")]
    assert records(extractor, "Der Trainer Jens Hart reagierte gelassen: „Wir haben noch drei Spiele.“", "de") == [
        ("direct", "Wir haben noch drei Spiele.", "Jens Hart", None)]


def test_name_in_apposition_after_a_role_is_the_speaker(extractor):
    (r,) = extractor.extract(Article(id="t", text="Der Sprecher der Gewerkschaft, Klaus Weber, sagte, "
                                     "die Löhne seien zu niedrig.", lang="de"))
    assert (r.text, r.speaker.name, r.role) == ("die Löhne seien zu niedrig", "Klaus Weber", "Sprecher der Gewerkschaft")
    (r,) = extractor.extract(Article(id="t", text="The union's spokesman, John Smith, said the talks had failed.", lang="en"))
    assert (r.text, r.speaker.name) == ("the talks had failed", "John Smith")


def test_nach_with_a_source_noun_is_a_prepositional_cue(extractor):
    assert records(extractor, "Nach ersten Polizeiangaben hat der Fahrer die Kontrolle über den Wagen verloren.", "de") == [
        ("indirect", "hat der Fahrer die Kontrolle über den Wagen verloren", None, "Nach ersten Polizeiangaben")]
    assert records(extractor, "Nach Ansicht des Ökonomen Karl Brandt wird die Inflation weiter steigen.", "de") == [
        ("indirect", "wird die Inflation weiter steigen", "Karl Brandt", "Nach Ansicht")]
    assert records(extractor, "Nach dem Spiel fuhr die Mannschaft sofort nach Hause zurück.", "de") == []


def test_sollen_with_a_perfect_infinitive_reports_a_claim(extractor):
    assert records(extractor, "Der Angeklagte soll mehrere Frauen mit einer Waffe bedroht haben.", "de") == [
        ("indirect", "Der Angeklagte soll mehrere Frauen mit einer Waffe bedroht haben.", None, None)]
    assert records(extractor, "Die Regierung soll endlich handeln und die Steuern senken.", "de") == []


def test_subject_set_off_by_an_apposition(extractor):
    assert records(extractor, "Claudia Pfeiffer, Geschäftsführerin des Verbands, erklärte, die Arbeitgeber "
                              "würden längere Streiks hinnehmen.", "de") == [
        ("indirect", "die Arbeitgeber würden längere Streiks hinnehmen", "Claudia Pfeiffer", "erklärte")]


def test_participle_cue_after_a_cue_reports_what_follows_it(extractor):
    text = "“We cannot afford this anymore,” Trump said, adding later, “NATO is costing us a fortune.”"
    assert records(extractor, text, "en") == [
        ("direct", "We cannot afford this anymore,", "Trump", "said"),
        ("direct", "NATO is costing us a fortune.", "Trump", "adding")]


def test_transcript_labels_name_the_speaker(extractor):
    text = ("Partial transcript as follows:\n\n\"WALLACE: Do you really see those two as equivalent?\n\n"
            "\"PENCE: Well, look, the question really should be why the campaign did it.\"")
    assert records(extractor, text, "en") == [
        ("direct", "Do you really see those two as equivalent?", "WALLACE", None),
        ("direct", "Well, look, the question really should be why the campaign did it.", "PENCE", None)]


def test_named_subject_wins_over_a_noun_the_parser_also_made_subject(extractor):
    # the parser makes "years" a second subject of "said"
    text = "Over two and a half years in office, Ms. Jones said, the city has come to rely on its parks."
    assert records(extractor, text, "en") == [
        ("indirect", "the city has come to rely on its parks", "Jones", "said")]


def test_speaker_with_an_apposition_between_quotation_and_cue(extractor):
    text = "“The vote will be close,” Senate Minority Leader Anna Berg, D-Ore., said Tuesday."
    assert records(extractor, text, "en") == [("direct", "The vote will be close,", "Anna Berg", "said")]


def test_quotation_before_the_frame_wins_over_a_clause_after_it(extractor):
    text = ('"Deadlines are not suggestions," committee Chairman Rep. Tom Hale (R-Ohio) said after the '
            'witness failed to appear at the hearing.')
    assert records(extractor, text, "en") == [("direct", "Deadlines are not suggestions,", "Tom Hale", "said")]


def test_speech_verb_inside_a_quotation_is_not_a_cue(extractor):
    text = ('"Most of what they promised is as thin as the paper it was written on," said Maria Lopez, '
            'director of the institute. "We need people of substance."')
    assert records(extractor, text, "en") == [
        ("direct", "Most of what they promised is as thin as the paper it was written on,", "Maria Lopez", "said"),
        ("direct", "We need people of substance.", "Maria Lopez", "said")]


def test_name_between_a_fronted_cue_and_its_quotation(extractor):
    assert records(extractor, "Said Brennan: “I don’t think she is interested in tax reform.”", "en") == [
        ("direct", "I don’t think she is interested in tax reform.", "Brennan", "Said")]


def test_quotation_after_a_preposition_ends_at_its_mark(extractor):
    text = ("Die Abgeordnete Petra Lang sprach von einem „bürgerrechtlichen Dammbruch“ und forderte die "
            "Regierung zum Handeln auf.")
    assert records(extractor, text, "de")[0] == ("direct", "bürgerrechtlichen Dammbruch", "Petra Lang", "sprach")


def test_naming_verbs_with_als_and_clause_final(extractor):
    text = "Der Verkehrsminister Anton Meier charakterisierte den Vorfall als ein „Beispiel taktlosen Verhaltens“."
    assert records(extractor, text, "de") == [
        ("direct", "Beispiel taktlosen Verhaltens", "Anton Meier", "charakterisierte")]
    # the passive's subject is what was named, not who named it
    text = "In den Zeitungen war der Auftrag schon als „Geschäft des Jahrhunderts“ bezeichnet worden."
    assert records(extractor, text, "de") == [("direct", "Geschäft des Jahrhunderts", None, "bezeichnet")]


def speakers(extractor, text, lang):
    return [(r.speaker.name if r.speaker else None, r.role) for r in extractor.extract(Article(id="t", text=text, lang=lang))]


def test_hyphenated_names_stay_whole(extractor):
    text = ("Die Verteidiger von Dominique Strauss-Kahn sagten, er habe nicht fliehen wollen. "
            "Die Anwälte Strauss-Kahns sagten, er sei empört.")
    # the defenders speak, not Strauss-Kahn: a name behind a preposition of the role noun is someone
    # else's (the name whole in the role); the genitive names him whole from its inflected form
    assert speakers(extractor, text, "de") == [(None, "Verteidiger von Dominique Strauss-Kahn"),
                                               ("Dominique Strauss-Kahn", "Anwälte")]
    text = ("Douglas Holtz-Eakin, a Republican, said it was bad. "
            "''I have admiration for the mechanics'' of the Clinton proposals, Mr. Holtz-Eakin said.")
    assert speakers(extractor, text, "en") == [("Douglas Holtz-Eakin", "Republican")] * 2  # a party's member is a role


def test_compound_role_nouns_are_roles_not_names(extractor):
    text = ("Der Spitzenkandidat Bernhard Suttner sagte, er sei empört. "
            "Die US-Delegationsleiterin sagte, man habe viel erreicht.")
    assert speakers(extractor, text, "de") == [("Bernhard Suttner", "Spitzenkandidat"), (None, "US-Delegationsleiterin")]


def records_with_and_without_prefilter(extractor, text, lang):
    """records() of the session's extractor, after checking a full parse gives the same."""
    from quotes.pipeline import Extractor

    out = records(extractor, text, lang)
    assert records(Extractor(extractor.parser, prefilter=False), text, lang) == out
    return out


def test_prefilter_finds_irregular_verb_forms_and_unparsed_full_names(extractor):
    # "spricht" is no stem of "sprechen", "verwies" none of "verweisen": the rule file's irregular
    # forms make their sentences candidates; "Condoleezza Rice" stands in a sentence with no cue
    # (not parsed), and "Rice" is still linked to her full name
    text = ("US-Außenministerin Condoleezza Rice besuchte am Montag Berlin.\n\n"
            "Die Lage sei ernst, sagte Rice. Bürgermeister Peter Kurz spricht von einer „überwältigenden Resonanz“. "
            "Die Juristin Anabella Morfin verwies darauf, dass man die Jugendlichen verlegen wollte.")
    expected = [("indirect", "Die Lage sei ernst", "Condoleezza Rice", "sagte"),
                ("direct", "überwältigenden Resonanz", "Peter Kurz", "spricht"),
                ("indirect", "dass man die Jugendlichen verlegen wollte", "Anabella Morfin", "verwies")]
    assert records_with_and_without_prefilter(extractor, text, "de") == expected


def test_prepositional_source_inside_the_clause_reports_the_whole_clause(extractor):
    text = "Die Boote sind laut Deftalgne Tessema zudem recht klein. Jetzt wäre dieser Vertrag laut IGDRB unterschriftsreif."
    assert records(extractor, text, "de") == [
        ("indirect", "Die Boote sind laut Deftalgne Tessema zudem recht klein", "Deftalgne Tessema", "laut"),
        ("indirect", "Jetzt wäre dieser Vertrag laut IGDRB unterschriftsreif", "IGDRB", "laut")]


def test_demnach_opening_a_sentence_reports_the_source_before_it(extractor):
    text = "Die FIFA gab am Nachmittag die Vergabe bekannt. Demnach findet die WM 2018 in Russland statt."
    assert records(extractor, text, "de") == [("indirect", "findet die WM 2018 in Russland statt", "FIFA", "Demnach")]
    # inside a sentence it is no cue
    assert records(extractor, "Die WM findet demnach in Russland statt.", "de") == []


def test_konjunktiv_of_any_verb_from_its_lemma(extractor):
    # "gehöre" is in no list: it is "gehören" with -en made -e; the prefilter parses the sentence
    # after a report when a word may be such a form
    text = ("Der Minister Peter Kern warnte am Montag vor neuen Risiken. "
            "Dazu gehöre unter anderem die Gesichtserkennung im Internet.")
    expected = [("indirect", "Dazu gehöre unter anderem die Gesichtserkennung im Internet.", "Peter Kern", "warnte")]
    assert records_with_and_without_prefilter(extractor, text, "de") == expected
    # a first-person subject makes the same form an indicative
    assert records(extractor, "Der Minister Peter Kern warnte am Montag vor Risiken. Ich gehöre zur Regierung.", "de") == []


def test_names_the_tagger_misses_after_a_role_a_modifier_or_a_subordinator(extractor):
    text = ("Wirtschaftsminister Brüderle sagte, die Lage sei ernst. Wie die BBC berichtet, sollen die Truppen "
            "abziehen. Der Theologe Hans Küng äußerte sich am Montag. Der 84-jährige Küng sagte, es sei ohnehin schwierig.")
    assert speakers(extractor, text, "de") == [("Brüderle", "Wirtschaftsminister"), ("BBC", None), ("Hans Küng", "Theologe")]


def test_name_in_commas_after_a_role_and_its_organization(extractor):
    text = ("Der Hauptgeschäftsführer des Deutschen Brauer-Bundes, Peter Hahn, sagte, das Bier sei gut. "
            "Die Sprecherin der Stiftung Warentest, Heike van Laak, sagte, man bleibe bei den Ergebnissen. "
            "Laut dem Chefankläger des Internationalen Strafgerichts, Luis Moreno Ocampo, sind die Beweise erdrückend.")
    assert speakers(extractor, text, "de") == [
        ("Peter Hahn", "Hauptgeschäftsführer des Deutschen Brauer-Bundes"),
        ("Heike van Laak", "Sprecherin der Stiftung Warentest"),
        ("Luis Moreno Ocampo", "Chefankläger des Internationalen Strafgerichts")]
    assert records(extractor, text, "de")[2][1] == "sind die Beweise erdrückend"


def test_name_before_a_preposition_is_the_speaker_not_its_organization(extractor):
    text = "Analyst Tobias Brandt von der Nordwest Bank sagte, die Zinsen würden im Herbst steigen."
    assert one(extractor, text, "de") == (
        "indirect", "die Zinsen würden im Herbst steigen", "Tobias Brandt", "person")
    text = "Researcher Emma Clarke of the Institute for Astronomy in Edinburgh said the finding was a surprise."
    assert one(extractor, text, "en")[2] == "Emma Clarke"


def test_quoted_organization_name_in_the_frame_is_no_quotation(extractor):
    text = "Lena Vogt von der „Initiative Saubere Luft“ sagte, die Werte seien erneut gestiegen."
    assert one(extractor, text, "de") == ("indirect", "die Werte seien erneut gestiegen", "Lena Vogt", "person")


def test_the_name_after_a_word_for_a_medium_is_the_speaker(extractor):
    text = "Die Nachrichtenagentur Reuters berichtete, dass der Kandidat verhaftet worden sei."
    assert one(extractor, text, "de")[2] == "Reuters"
    text = "Am Montag meldete die Internet-Nachrichtensite „Golem“, der Verein wolle gegen das Urteil vorgehen."
    assert one(extractor, text, "de") == (
        "indirect", "der Verein wolle gegen das Urteil vorgehen", "Golem", "organization")


def test_organization_name_with_a_preposition_stays_whole(extractor):
    text = "The Commission on Presidential Debates said there was a problem with the microphone."
    assert one(extractor, text, "en")[2] == "Commission on Presidential Debates"


def test_sollen_with_a_plain_infinitive_continues_a_report_only(extractor):
    text = "Die Ministerin Eva Roth sagte, die Reform sei nötig. Die Renten sollen im nächsten Jahr steigen."
    assert records(extractor, text, "de") == [
        ("indirect", "die Reform sei nötig", "Eva Roth", "sagte"),
        ("indirect", "Die Renten sollen im nächsten Jahr steigen.", "Eva Roth", None)]
    assert records(extractor, "Die neue Brücke soll im nächsten Jahr fertig werden.", "de") == []


def test_nach_phrase_with_a_prepositional_modifier_names_no_source(extractor):
    text = "Nach Planungen aus dem Jahr 2019 wird der Ausbau der Strecke rund 80 Millionen Euro kosten."
    assert records(extractor, text, "de") == [
        ("indirect", "wird der Ausbau der Strecke rund 80 Millionen Euro kosten", None, "Nach Planungen")]


def test_apposition_after_a_role_and_a_named_organization(extractor):
    text = "Der Sprecher der Gruppe Jama-i-Islami Bangladesch, Rahim Chowdhury, sagte, der Angriff sei eine Warnung."
    assert one(extractor, text, "de")[:3] == ("indirect", "der Angriff sei eine Warnung", "Rahim Chowdhury")


def test_subject_hung_on_the_reported_verb_still_speaks(extractor):
    # the parser makes "Nachfolger" the subject of "kosten"; it stands before the cue, so it is the cue's
    text = ("Der Nachfolger des am Montag zurückgetretenen Werft-Chefs Karl Brenner, Lutz Hollmann, hat "
            "angekündigt, die Sanierung der Werft werde Arbeitsplätze in Kiel und Rostock kosten.")
    assert records(extractor, text, "de") == [
        ("indirect", "die Sanierung der Werft werde Arbeitsplätze in Kiel und Rostock kosten", "Lutz Hollmann", "angekündigt")]


def test_impersonal_frame_names_the_documents_owner(extractor):
    text = ("In einer Erklärung des Präsidenten Tomas Varga vom vergangenen Freitag heißt es, der Cyberspace sei "
            "eine Realität. In dem Bericht heißt es, die Lage sei ernst.")
    assert records(extractor, text, "de") == [
        ("indirect", "der Cyberspace sei eine Realität", "Tomas Varga", "heißt"),
        ("indirect", "die Lage sei ernst", None, "heißt")]


def test_medium_before_the_verb_is_the_addressee(extractor):
    text = "Der englischsprachigen Zeitung sagte Filip Kamra: „Ich werde im Gefängnis gehalten.“"
    r = single(extractor, text, "de")
    assert (r.kind, r.text, r.speaker.name, r.outlet.name) == (
        "direct", "Ich werde im Gefängnis gehalten.", "Filip Kamra", "englischsprachigen Zeitung")
    text = ("Gegenüber der Nachrichtenagentur „Associated Press“ sagte Honoré Duval, der Geschäftsführer des "
            "Unternehmens: „Ich wurde alarmiert, aber das Geschäft war schon ausgeräumt.“")
    r = single(extractor, text, "de")
    assert (r.kind, r.text, r.speaker.name, r.outlet.name) == (
        "direct", "Ich wurde alarmiert, aber das Geschäft war schon ausgeräumt.", "Honoré Duval",
        "Nachrichtenagentur „Associated Press“")


def test_possessive_medium_before_a_name(extractor):
    text = "Harbor News’ Tom Reese previously reported, The Varga Foundation refused to release the names."
    assert records(extractor, text, "en") == [
        ("indirect", "The Varga Foundation refused to release the names", "Tom Reese", "reported")]


def test_inverted_speaker_before_the_verbs_particle(extractor):
    text = "Eine Million Menschen werde von einer Hungersnot bedroht, teilte UN-Generalsekretär Olu Mensah mit."
    assert records(extractor, text, "de") == [
        ("indirect", "Eine Million Menschen werde von einer Hungersnot bedroht", "Olu Mensah", "teilte")]


def test_fronted_pronoun_is_the_object_not_the_speaker(extractor):
    text = "Die Lage ist ernst. Das sagte der Minister Karl Brenner am Montag. Die Renten sollen steigen."
    assert records(extractor, text, "de") == [("indirect", "Die Lage ist ernst", "Karl Brenner", "sagte"),
                                              ("indirect", "Die Renten sollen steigen.", "Karl Brenner", None)]


def test_opening_adverb_is_not_the_speaker(extractor):
    text = "Besorgt äußerte sich Kofi Amadu über die Zunahme der Gewalt: „Das ist schlimm.“"
    assert records(extractor, text, "de") == [("direct", "Das ist schlimm.", "Kofi Amadu", "äußerte")]
    text = "Relativierend fügt Gall hinzu: „Allerdings darf nicht vergessen werden, dass der Schutz für alle gilt.“"
    assert records(extractor, text, "de")[0][2] == "Gall"


def test_fronted_phrase_gives_way_to_a_bare_name_after_the_verb(extractor):
    text = "Des Weiteren verwies Steinbrück darauf, dass der Haushaltsentwurf 2007 wieder verfassungskonform sei."
    assert records(extractor, text, "de") == [
        ("indirect", "dass der Haushaltsentwurf 2007 wieder verfassungskonform sei", "Steinbrück", "verwies")]


def test_apposition_after_a_long_description_with_parenthesis(extractor):
    text = ("Der Vertreter der Arbeitgeber im Aufsichtsrat der Bundesagentur für Arbeit (BA), Pieter Klewer, hat in "
            "einem Interview gefordert, dass der Datenschutz gelockert werden solle.")
    assert records(extractor, text, "de") == [
        ("indirect", "dass der Datenschutz gelockert werden solle", "Pieter Klewer", "gefordert")]


def test_demonstrative_takes_the_person_last_named(extractor):
    text = ("Der Schauspieler Fred Delmont leidet an Alzheimer. In einem Interview mit dem Anwalt seiner Familie – "
            "Rainer Wettner – sagte dieser, dass Delmont in seiner eigenen Welt lebe.")
    assert records(extractor, text, "de") == [
        ("indirect", "dass Delmont in seiner eigenen Welt lebe", "Rainer Wettner", "sagte")]


def test_konjunktiv_after_a_sentence_about_a_named_person(extractor):
    text = ("Die Aktivisten fordern, den Reaktor stillzulegen. Greenpeace-Atomexperte Mathis Edel sieht darin "
            "Parallelen zu dem Trafobrand im Jahr 2007. Die Ursache für den Trafobrand sei nie gefunden worden.")
    assert records(extractor, text, "de")[-1] == (
        "indirect", "Die Ursache für den Trafobrand sei nie gefunden worden.", "Mathis Edel", None)


def test_prepositional_cue_inside_a_relative_clause_quotes_that_clause(extractor):
    text = "Die Polizei fand eine Tasche, die nach Angaben des Mannes eine Bombe enthalten sollte."
    r = single(extractor, text, "de")
    assert (r.kind, r.text, r.cue.text, r.speaker.mention) == (
        "indirect", "die nach Angaben des Mannes eine Bombe enthalten sollte", "nach Angaben", "des Mannes")


def test_prepositional_cue_with_a_hyphenated_compound(extractor):
    assert records(extractor, "Nach UNHCR-Angaben sind 35.000 Menschen in der Stadt eingeschlossen.", "de") == [
        ("indirect", "sind 35.000 Menschen in der Stadt eingeschlossen", None, "Nach UNHCR-Angaben")]


def test_possessive_opinion_phrase_is_a_cue(extractor):
    text = "Der Minister Karl Brenner hält den Plan für falsch. Seiner Meinung nach wird die Reform scheitern."
    assert records(extractor, text, "de") == [("indirect", "wird die Reform scheitern", "Karl Brenner", "Meinung nach")]
    # an attribute inside a noun phrase reports nothing
    text = "Friedrich wies auch auf die seiner Meinung nach wachsenden Gefahren für die Netze hin."
    assert records(extractor, text, "de") == []


def test_a_report_going_on_over_sentences_is_one_quote(extractor):
    text = "Anna Berg sagte, der Plan sei gescheitert. Man werde die Folgen tragen. Die Regierung müsse zurücktreten."
    assert records(extractor, text, "de") == [
        ("indirect", "der Plan sei gescheitert", "Anna Berg", "sagte"),
        ("indirect", "Man werde die Folgen tragen. Die Regierung müsse zurücktreten.", "Anna Berg", None)]


def test_so_names_a_source_only_with_a_phrase_ending_the_clause(extractor):
    assert records(extractor, "Die Brücke sei marode, so der Bürgermeister Karl Brenner.", "de") == [
        ("indirect", "Die Brücke sei marode", "Karl Brenner", "so")]
    assert records(extractor, "Die Schließung hatte weltweit Auswirkungen, so auch in Düsseldorf und Frankfurt.", "de") == []
    assert records(extractor, "Galt er vor seinem Amt als Hardliner, so wurde sein Werk trotz allem geschätzt.", "de") == []
    (r,) = extractor.extract(Article(id="t", text="In zehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein.", lang="de"))
    assert (r.cue.text, r.speaker.mention) == ("so schätzen", "die Forscher")


def test_opening_word_tagged_a_name_gives_way_to_a_full_name(extractor):
    assert records(extractor, "Ähnlich äußerte sich George W. Bush: „Die USA haben die Lage im Griff.“", "de") == [
        ("direct", "Die USA haben die Lage im Griff.", "George W. Bush", "äußerte")]
    text = "Ähnlich äußerte sich der US-Präsident George W. Bush: „Die USA haben die Lage im Griff.“"
    assert records(extractor, text, "de")[0][2] == "George W. Bush"


def test_name_after_a_correspondents_description(extractor):
    text = "Der BBC-Korrespondent in Mexiko-Stadt, Will Grant, berichtete, dass in der Hauptstadt die Erde gewackelt habe."
    assert records(extractor, text, "de") == [
        ("indirect", "dass in der Hauptstadt die Erde gewackelt habe", "Will Grant", "berichtete")]


def test_subject_before_the_auxiliary_when_the_parser_gives_none(extractor):
    # the tagger makes "Frankreich" an adverb; the subject stands before the finite auxiliary
    text = "Frankreich hat sich bereit erklärt, weitere 2.000 Soldaten in den Libanon zu entsenden."
    assert records(extractor, text, "de") == [
        ("indirect", "weitere 2.000 Soldaten in den Libanon zu entsenden", "Frankreich", "erklärt")]


def test_names_with_digits_and_hyphen_chains(extractor):
    assert records(extractor, "Nach Angaben von n24 sind die Gruppen sehr mobil.", "de") == [
        ("indirect", "sind die Gruppen sehr mobil", "n24", "Nach Angaben")]
    text = "Die Firma plant nach Angaben der Gewerkschaft Nahrung-Genuss-Gaststätten den Abbau von 3.000 Stellen."
    assert records(extractor, text, "de")[0][2] == "Gewerkschaft Nahrung-Genuss-Gaststätten"


def test_document_noun_before_its_owner_is_no_name(extractor):
    text = "Mit der Aktionswoche soll laut einer Pressemitteilung der ALA die Freiheit des Lesens gefeiert werden."
    r = single(extractor, text, "de")
    assert (r.cue.text, r.speaker.name) == ("laut", "ALA")


def test_content_after_the_cue_when_before_it_stands_only_the_subject(extractor):
    text = "Generalstabschef Zakari Nandu erklärte hingegen, damit solle ein Machtvakuum vermieden werden."
    assert records(extractor, text, "de") == [
        ("indirect", "damit solle ein Machtvakuum vermieden werden", "Zakari Nandu", "erklärte")]
    text = ("Ein Sprecher der „Polizei von DeLand“, Commander Randy Hendrix sagte, das Flugzeug sei ungefähr 50 Fuß "
            "über dem Boden gewesen.")
    assert records(extractor, text, "de")[0][1] == "das Flugzeug sei ungefähr 50 Fuß über dem Boden gewesen"


def test_relative_clause_cue_reports_what_follows_for_its_antecedent(extractor):
    text = ("Dem entgegen steht die Aussage von Reinhold Büttner, Parteivorsitzender der Bundes-Grünen, der sagte, "
            "man dürfe nicht so tun, als sei bereits eine Weichenstellung erfolgt.")
    assert records(extractor, text, "de") == [
        ("indirect", "man dürfe nicht so tun, als sei bereits eine Weichenstellung erfolgt", "Reinhold Büttner", "sagte")]


def test_pronoun_points_to_the_person_the_sentence_before_names(extractor):
    # not to the speaker of the quote before: a new person has been named since
    text = ("„Das Gesetz geht zu weit“, sagte Jonas Weber. "
            "Unterdessen verteidigte der Vorsitzende des Rechtsausschusses, Malte Kranich (SPD), den Entwurf. "
            "Er bezeichnete die Änderungen als „maßvoll“.")
    assert [(r[1], r[2]) for r in records(extractor, text, "de")] == [
        ("Das Gesetz geht zu weit", "Jonas Weber"), ("maßvoll", "Malte Kranich")]


def test_konjunktiv_sentence_before_a_trailing_frame_takes_its_speaker(extractor):
    text = ("Auch lehnte Angela Brand den Vorschlag ab. Das System der geteilten Zuständigkeiten habe sich bewährt. "
            "Es sei auch 2008 bei der Überprüfung ausdrücklich gelobt worden, berichtete Vizeregierungssprecher Tobias Stein.")
    got = records(extractor, text, "de")
    assert ("indirect", "Das System der geteilten Zuständigkeiten habe sich bewährt.", "Tobias Stein", "berichtete") in got
    # the report's own verb ("gelobt") is what the frame reports, not a frame of its own
    assert ("indirect", "Es sei auch 2008 bei der Überprüfung ausdrücklich gelobt worden", "Tobias Stein", "berichtete") in got


def test_konjunktiv_report_after_a_named_person_whose_surname_was_tagged_a_noun(extractor):
    text = ("Rückendeckung erhielt Sutter vor allem in der eigenen Partei. Gabriela Schimmel-Görtz, Vorsitzende des "
            "Kreisverbandes Memmingen, verteidigte beispielsweise sein Vorgehen. So seien am 6. September in ihrer "
            "Heimatstadt hunderte von Menschen auf die Straße gegangen, um gegen die NPD zu demonstrieren.")
    got = records(extractor, text, "de")
    assert got[-1][2] == "Gabriela Schimmel-Görtz"


def test_source_after_a_mid_clause_preposition_cue_ends_before_a_new_article(extractor):
    # "einen" cannot open a genitive: the clause goes on after the source, and the quote is all of it
    text = "Für die Firma Ruvex bedeutet der Verlust dieses Großauftrages nach Einschätzung von Marktbeobachtern einen Tiefschlag."
    assert records(extractor, text, "de") == [(
        "indirect", "Für die Firma Ruvex bedeutet der Verlust dieses Großauftrages nach Einschätzung von Marktbeobachtern "
        "einen Tiefschlag", None, "nach Einschätzung")]


def test_a_law_or_document_after_nach_is_a_source(extractor):
    text = "Nach der Verfassung muss sich die Senatorin Lea Kurz im Jahr 2010 der Wahl stellen."
    assert records(extractor, text, "de") == [
        ("indirect", "muss sich die Senatorin Lea Kurz im Jahr 2010 der Wahl stellen", None, "Nach der Verfassung")]


def test_fronted_pronoun_object_points_back_to_the_report(extractor):
    text = ("Die im Donaudelta verendeten Enten waren mit dem Virus H5N1 infiziert. "
            "Das erklärte gestern ein Sprecher des Umweltministeriums.")
    assert records(extractor, text, "de") == [
        ("indirect", "Die im Donaudelta verendeten Enten waren mit dem Virus H5N1 infiziert", None, "erklärte")]
    # the sentence before has its own frame: "Dies" repeats it, it is no second report
    text = 'Weiter sagte Jens Lorber: „Wir geben nicht auf.“ Dies sagte der Präsident des Vereins vor den Fans.'
    assert records(extractor, text, "de") == [("direct", "Wir geben nicht auf.", "Jens Lorber", "sagte")]


def test_adverb_tagged_as_verb_inside_a_wie_frame(extractor):
    text = ("Der italienischen Polizei gelang es am Dienstagmorgen, einen der wohl berüchtigsten Bosse der "
            "sizilianischen Mafia nach über 43-jähriger Flucht zu verhaften, wie die Nachrichtenagentur ANSA gestern berichtete.")
    r = single(extractor, text, "de")
    assert r.text.startswith("Der italienischen Polizei gelang es") and r.text.endswith("zu verhaften")
    assert r.cue.text == "berichtete"


def test_verbs_fitted_on_train_estimate_and_propose(extractor):
    assert records(extractor, "Experten schätzen, dass dann mehr Einwegflaschen verkauft werden.", "de") == [
        ("indirect", "dass dann mehr Einwegflaschen verkauft werden", None, "schätzen")]
    text = "Der Verkehrsminister Jan Hofer schlug vor, die Maut nur für den Transitverkehr zu erheben."
    assert records(extractor, text, "de") == [
        ("indirect", "die Maut nur für den Transitverkehr zu erheben", "Jan Hofer", "schlug vor")]


def test_passive_of_a_thing_and_a_participle_name_are_no_quotes(extractor):
    # "geschätzt" here is "valued"; "genannt" names, it does not quote
    assert records(extractor, "Galt er vor seinem Amt als Hardliner, so wurde sein Werk trotz allem geschätzt.", "de") == []
    text = "Die Bewegung, genannt „Vereinigte Front für Demokratie gegen Diktatur“, besetzte den Flughafen."
    assert records(extractor, text, "de") == []


def test_main_clause_with_its_subject_first_frames_nothing_before_it(extractor):
    text = "Es sind 500 neue Arbeitsplätze entstanden, die Betreiber sprechen bereits von bis zu 850 Arbeitsplätzen."
    assert records(extractor, text, "de") == []
    text = "„Wir wollen unsere Produktionssysteme enger verzahnen“, hatte VW-Chef Martin Winter in einem Interview erklärt."
    assert records(extractor, text, "de") == [
        ("direct", "Wir wollen unsere Produktionssysteme enger verzahnen", "Martin Winter", "erklärt")]


def test_surname_the_lemmatizer_took_for_a_plural_is_the_named_person(extractor):
    text = ("Jan Lorenzen, Astronom in Bonn, hat die Entscheidung der Agentur kritisiert. Lorenzen spekuliert in seinen "
            "Aussagen, die Motivation der Europäer seien schlechte Erfahrungen mit den US-Amerikanern.")
    got = records(extractor, text, "de")
    assert ("indirect", "die Motivation der Europäer seien schlechte Erfahrungen mit den US-Amerikanern",
            "Jan Lorenzen", "spekuliert") in got


def test_name_opening_the_sentence_is_the_subject_the_parser_missed(extractor):
    text = ("Im Finale unterlag Sverev dem Spanier in fünf Sätzen. Sverev bedankte sich bei seinem Team nach dem "
            "Spielende und sagte: „Ich bin mir sicher, dass meine Frau von zu Hause aus zuschaut.“")
    assert records(extractor, text, "de") == [
        ("direct", "Ich bin mir sicher, dass meine Frau von zu Hause aus zuschaut.", "Sverev", "sagte")]


def test_speaker_through_tagging_errors_in_english(extractor):
    # "called" parsed as a modifier of "election": no subject; the sentence opens with the names
    text = ("Attorney General Ray Colton (D), McCrory's opponent in the upcoming gubernatorial election, called Friday "
            "for releasing the police videos, as well, saying that transparency \"breaks down barriers and brings progress.\"")
    assert [r[2] for r in records(extractor, text, "en")] == ["Ray Colton"]


def test_source_phrase_runs_over_words_mistagged_as_verbs(extractor):
    # "conservative" and "talk" tagged verbs: the source phrase runs on to its noun
    text = "According to conservative talk radio host Rex Lambert, the move reeks of \"fear\" and desperation."
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.name) == ("the move reeks of \"fear\" and desperation", "Rex Lambert")


def test_dateline_is_not_the_subject(extractor):
    text = ("CLEVELAND, July 19 (UPI) — Former Attorney General Mike Mason told delegates at the convention that "
            "the plan should be dropped.")
    assert records(extractor, text, "en") == [("indirect", "that the plan should be dropped", "Mike Mason", "told")]


def test_participle_clause_shares_the_subject_of_its_verb(extractor):
    text = "“He stands for the middle class,” Andersen said, adding that Sanders is “definitely the most trustworthy.”"
    got = records(extractor, text, "en")
    assert ("mixed", "that Sanders is “definitely the most trustworthy.”", "Andersen", "adding") in got


def test_apposition_name_with_its_affiliation(extractor):
    text = "Another pollster, Dave Woodley of Clemson University, said his survey showed a drop in support."
    r = single(extractor, text, "en")
    assert r.speaker.name == "Dave Woodley"


def test_an_organizations_name_may_begin_with_an_adjective(extractor):
    text = ("The New York Times reported that the emails were sent in March. "
            "The White House said on Monday that the president would travel to Ohio. "
            "Several Democrats said the plan would fail.")
    # (several of a party's members are a group, no name: the corpora's gold names no one there either)
    assert [name for name, _ in speakers(extractor, text, "en")] == ["New York Times", "White House", None]
    # German capitalises nouns: a nominalised adjective before a name is a noun, not part of it
    text = "Der Airbus-Vorstandsvorsitzende Thomas Enders sagte, der Auftrag sei sicher."
    assert speakers(extractor, text, "de") == [("Thomas Enders", "Airbus-Vorstandsvorsitzende")]


def test_name_the_parser_made_an_object_in_the_nominative_is_the_subject(extractor):
    # the parser makes "Wendler" the object of "bemühte" (tagging it Case=Nom all the same); the
    # verb has no subject, so the nominative is it, and the cue-less report after it is hers
    text = "Die Wogen zu glätten bemühte sich Karin Wendler, Präsidentin der FDP. Man müsse das Ergebnis jetzt in Ruhe analysieren."
    r = single(extractor, text, "de")
    assert (r.kind, r.text, r.speaker.name, r.role) == (
        "indirect", "Man müsse das Ergebnis jetzt in Ruhe analysieren.", "Karin Wendler", "Präsidentin der FDP")


def test_role_a_partitive_head_holds_stays_in_its_phrase_and_names_the_apposition(extractor):
    # "attorneys" belongs to "one of …": the phrase keeps it, so it is a description and the name
    # set off after it by commas speaks
    text = "In a statement, one of the family's attorneys, Justin Bamberg, said the videos show Scott calmly leaving his car."
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.name, r.speaker.mention) == (
        "the videos show Scott calmly leaving his car", "Justin Bamberg", "one of the family's attorneys, Justin Bamberg")


def test_participle_cue_without_a_subject_speaks_through_the_cue_it_hangs_on(extractor):
    # the parse gives "said" no subject (the name is hung on "FBI"); its source is found all the
    # same, and "adding", hung on "said", has the same one
    text = ('“Plea deals should not be a requirement for cooperating with the FBI," Oversight Chairman Mark '
            'Hollis (R-Ohio) said in a statement, adding that the deals were handed out "like candy."')
    got = texts_and_speakers(extractor, text, "en")
    assert got[1] == ('that the deals were handed out "like candy."', "Mark Hollis")


def test_surname_the_tagger_made_a_noun_is_still_the_person_the_report_goes_on_from(extractor):
    # "Lammert" is tagged a noun in its sentence; the article writes it after a first name before,
    # so it names the person whose cue-less Konjunktiv report follows
    text = ("Zu den Gästen zählten unter Anderem der Bürgermeister und Bundestagspräsident Norbert Lammert (CDU). "
            "Lammert würdigte die Feuerwehr als eine Stütze der Gemeinden. Die Feuerwehr sei eine Armee des Friedens.")
    r = single(extractor, text, "de")
    assert (r.kind, r.text, r.speaker.name, r.speaker.via) == (
        "indirect", "Die Feuerwehr sei eine Armee des Friedens.", "Norbert Lammert", "continuation")


@pytest.mark.parametrize("text, content, name, mention", [
    # a medium's name in quotation marks is a name, whole: not quoted words opening the report
    ("Nach einem Bericht der „Frankfurter Allgemeinen Zeitung“ ist der Handelskonzern mit einem Minus ins Jahr gestartet.",
     "ist der Handelskonzern mit einem Minus ins Jahr gestartet", "Frankfurter Allgemeinen Zeitung",
     "der „Frankfurter Allgemeinen Zeitung“"),
    # after a word for its kind, the marks hold the name, not "Reporter" as a role
    ("Die Organisation „Reporter ohne Grenzen“ weist darauf hin, dass die Arbeit immer schwieriger werde.",
     "dass die Arbeit immer schwieriger werde", "Reporter ohne Grenzen", "Die Organisation „Reporter ohne Grenzen“"),
])
def test_name_in_quotation_marks_is_the_source(extractor, text, content, name, mention):
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.name, r.speaker.mention) == (content, name, mention)


@pytest.mark.parametrize("text, quote, name", [
    # the parser makes the reported clause's subject a second subject of the parenthetical "said":
    # the subject right before the cue speaks, even when the first one is a name the article uses,
    # and the whole clause the frame interrupts is what was said (as the gold marks it)
    ("Voters cheered for Trump at the rally. Trump, Sexton said, has created a \u201cstrange zone\u201d for his fans.",
     "Trump, Sexton said, has created a \u201cstrange zone\u201d for his fans", "Sexton"),
    ("Vice President Joe Biden, Rubio said, had been in the Senate for \u201ca thousand years.\u201d",
     "Vice President Joe Biden, Rubio said, had been in the Senate for \u201ca thousand years.\u201d", "Rubio"),
    # not without the comma after the cue (a place after a comma), nor when the one before the cue
    # is a floating quantifier
    ("Stacy Baker of Columbia, South Carolina says she really thinks Cruz can win.",
     "she really thinks Cruz can win", "Stacy Baker"),
    ("Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all suggested that "
     "the claims could be grounds for a case.", "that the claims could be grounds for a case", "Jeff Merkley"),
])
def test_the_subject_right_before_a_parenthetical_cue_speaks(extractor, text, quote, name):
    got = texts_and_speakers(extractor, text, "en")
    assert got == [(quote, name)]


@pytest.mark.parametrize("text, quote, name", [
    # the parser hangs the subject on the phrase before it, or sets it inside the interruption
    # between it and the verb, and leaves the cue without one: the name before the interruption
    # (a relative clause whose "whose" the tagger calls an article, an apposition, brackets) speaks
    ("Mr. Holm, whose third-place finish was widely seen as a setback, said that he was the only candidate able to win.",
     "that he was the only candidate able to win", "Holm"),
    ("Worried by the floods in Ohio, Senator Anna Berg, the minority leader, said that she spoke with the governor on Monday.",
     "that she spoke with the governor on Monday", "Anna Berg"),
    ("At Pine Hill, where it costs new members $5,000 to join, Tom Vance, the club's president and general manager, "
     "suggested that the troubles of his rivals came from poor management.",
     "that the troubles of his rivals came from poor management", "Tom Vance"),
    ("In a statement released Friday, Rep. Paul Hale (D-Ore.) reacted to the verdict, saying: \u201cJustice was not served today.\u201d",
     "Justice was not served today.", "Paul Hale"),
    # a participle after a comma the parser hung on a noun ("an hour, saying") goes with its clause's verb
    ("Sen. Mary Ostrom (D-Vt.) defended her plan to raise the wage to $15 an hour, saying the gains would outweigh the losses.",
     "the gains would outweigh the losses", "Mary Ostrom"),
])
def test_the_name_before_an_interruption_speaks_for_a_verb_left_without_subject(extractor, text, quote, name):
    got = texts_and_speakers(extractor, text, "en")
    assert got == [(quote, name)]


def test_a_name_in_a_prepositional_phrase_before_an_interruption_is_no_subject(extractor):
    # the fallback looks back from "said" past the relative clause: "Paris" follows "in", Anne Roy does not
    detector = extractor.stages["en"].detector

    def name_before(text):
        doc = extractor.parser.parse(text, "en")
        verb = next(w.i for w in doc.words if w.text == "said")
        found = detector._name_before_interruption(doc, verb, None)
        return doc.words[found].text if found is not None else None

    assert name_before("Alarmed by the riots in Paris, which had lasted a week, said the minister that it was over.") is None
    assert name_before("Alarmed by the riots in Paris, Mayor Anne Roy, who had flown home, said that it was over.") in {"Mayor", "Anne", "Roy"}


def test_a_role_word_after_an_honorific_is_a_surname(extractor):
    # "singer" is a role noun, but after "Mr." it is the name
    text = "Mark Singer wrote the profile in 1997. \u201cPeople remembered this piece,\u201d Mr. Singer said."
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.speaker.mention) == ("Mark Singer", "Mr. Singer")


def test_an_opening_prepositional_phrase_is_not_the_subject_before_an_apposition(extractor):
    text = "And on Tuesday, Kevin Brady, chairman of the Ways and Means Committee, said that Republicans might include a delay."
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.name, r.role) == ("that Republicans might include a delay", "Kevin Brady",
                                                "chairman of the Ways and Means Committee")


def test_so_before_an_expletive_and_a_thing_is_no_attribution(extractor):
    # ", so gebe es keine Möglichkeit" is "then there is no way", not ", so der Verein": the cue is
    # the inverted "schreibt der Verein …" after the report
    text = ("Wer davon erfahre, so gebe es keine wirksame Möglichkeit, sich dagegen zu wehren, "
            "schreibt der Verein Digitalcourage auf seiner Website.")
    r = single(extractor, text, "de")
    assert (r.cue.text, r.speaker.name, r.speaker.mention) == ("schreibt", "Digitalcourage", "der Verein Digitalcourage")


def test_a_participle_hung_on_a_noun_goes_with_its_clause_also_a_copula(extractor):
    # ", arguing" hangs on "showdown" (acl): it shares the subject of the clause the noun is in, here
    # a copula whose root is the noun "sidelines", which has the subject
    detector = extractor.stages["en"].detector
    text = "For months, Obama has been on the sidelines of the showdown, arguing he did not want to tip the scales."
    doc = extractor.parser.parse(text, "en")
    arguing = next(w.i for w in doc.words if w.text == "arguing")
    chain = [doc.words[i].text for i in detector._verb_chain(doc, arguing)]
    assert chain[0] == "arguing" and chain[-1] == "sidelines"
    assert doc.words[detector.subject(doc, arguing)].text == "Obama"


@pytest.mark.parametrize("text, quote, name", [
    # German puts one phrase before the verb: an accusative one ("Den Ärger …") or a thing
    # ("Bezüglich des Zeitplans", a preposition tagged a noun) the parser made the subject gives
    # way to the noun after the verb that names someone
    ("Den Ärger der SPD über die Pläne brachte die Sprecherin der Fraktion, Anna Berg, zum Ausdruck: "
     "\u201eEs gibt keinen Grund zur Eile.\u201c", "Es gibt keinen Grund zur Eile.", "Anna Berg"),
    ("Bezüglich des Zeitplans meldet die Nachrichtenagentur \u201eXinhua\u201c, der Bau sei fast fertig.",
     "der Bau sei fast fertig", "Xinhua"),
    # a name the tagger made a noun is no thing: the object after the verb stays the object
    ("Oskar Lafontaine schreibt der Linkspartei den Verdienst zu, die Regierung verhindert zu haben.",
     "die Regierung verhindert zu haben", "Oskar Lafontaine"),
])
def test_a_fronted_object_or_thing_gives_way_to_the_speaker_after_the_verb(extractor, text, quote, name):
    got = texts_and_speakers(extractor, text, "de")
    assert got == [(quote, name)]


def test_an_opening_adverbial_phrase_does_not_replace_a_medium_subject(extractor):
    # the medium-as-subject swap ("X, Experte …, sagte der Post") must not take "Bereits im Juli"
    text = "Bereits im Juli 2008 vermeldete Wikinews, dass die Firma als Partner für die Autobauer im Gespräch sei."
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.mention) == ("dass die Firma als Partner für die Autobauer im Gespräch sei", "Wikinews")


def test_the_name_right_after_an_inverted_cue_speaks_not_its_description(extractor):
    # the tagger calls "Amy" a preposition and the parser makes the description the subject
    text = ("\u201cThe donors were mostly men,\u201d said Amy Rao, the chief executive of a Silicon Valley "
            "data-management firm and a prominent Democratic donor.")
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.speaker.mention) == ("Amy Rao", "Amy Rao")


def test_an_object_with_a_nominative_article_is_the_subject_of_a_verb_without_one(extractor):
    # "nahm … der Ministerpräsident … Stellung": the parser made the person the object (the noun
    # tagged dative, its article nominative); the Konjunktiv report after it is his
    text = ("Am Rande einer Sitzung des Landtages in Hannover nahm jetzt auch der Ministerpräsident des Landes "
            "Niedersachsen, Christian Wulff (CDU), zu der Frage Stellung. Jeder Pädagoge könne das Konto später einlösen.")
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.name) == ("Jeder Pädagoge könne das Konto später einlösen.", "Christian Wulff")


@pytest.mark.parametrize("text, name", [
    # a word for a document names no speaker: the phrase after "from" does, or its possessor
    ("Sales of electric cars are growing 60 percent a year, according to a recent report from Bloomberg New Energy Finance.",
     "Bloomberg New Energy Finance"),
    ("The GOP's complaint to the Board on Professional Responsibility says Mills violated conduct standards.", "GOP"),
])
def test_a_document_is_the_words_of_its_source_or_possessor(extractor, text, name):
    r = single(extractor, text, "en")
    assert r.speaker.name == name


def test_a_possessor_of_a_person_is_still_not_the_one_described(extractor):
    text = "Qatar\u2019s foreign minister said the attacks violate all human values."
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.speaker.mention) == (None, "Qatar\u2019s foreign minister")


def test_a_quoting_verb_with_an_indefinite_subject_gives_the_quoted_person(extractor):
    # "zitierte man X": no one in particular quotes, X speaks (not the medium of the sentence before)
    text = ("Al-Jazeera meldete, dass ein Team des Fernsehens ausgewiesen worden sei. "
            "\u201eWir sind unwillkommene Zeugen\u201c, zitierte man Yolanda Alvarez vom Sender RTVE.")
    got = [(r.text, r.speaker.name) for r in extractor.extract(Article(id="t", text=text, lang="de"))]
    assert ("Wir sind unwillkommene Zeugen", "Yolanda Alvarez") in got


@pytest.mark.parametrize("text, name", [
    # after the quotation, the quoting verb's subject quotes and its object speaks, though no outlet
    # word marks "Computerwoche" as a medium
    ("Auf der Konferenz hat der Chefarchitekt des Unternehmens Kevin Lynch einen Einblick gegeben. "
     "\u201eDas wird das größte Update aller Zeiten\u201c, zitiert die \u201eComputerwoche\u201c Lynch in einem Bericht.",
     "Kevin Lynch"),
    # the parser lost the medium ("ndr.de" an adverb): the one person left speaks
    ("\u201eDas ist eine Größenordnung, die die Szene sonst nicht stellt\u201c, zitiert ndr.de Polizeisprecher Ralf Meyer.",
     "Ralf Meyer"),
])
def test_a_quoting_verb_after_a_quotation_gives_the_quoted_person(extractor, text, name):
    quotes = [r for r in extractor.extract(Article(id="t", text=text, lang="de")) if r.kind == "direct"]
    assert [(r.speaker.name, r.cue.text) for r in quotes] == [(name, "zitiert")]


def test_a_quoting_verb_object_that_names_no_one_is_no_speaker(extractor):
    # a person quoting someone unnamed, or a document: no name from the object, and no person as outlet
    for text in ("\u201eDas wird teuer\u201c, zitiert Anna Schmidt ihren Vater.",
                 "\u201eDas ist falsch\u201c, zitiert Ministerin Anna Berg einen Bericht."):
        for r in extractor.extract(Article(id="t", text=text, lang="de")):
            assert r.outlet is None and (r.speaker is None or r.speaker.name in (None, "Anna Schmidt", "Anna Berg"))


@pytest.mark.parametrize("text, mention", [
    # a name in the genitive after the role is whose the role is: the doctor speaks, not the patient
    ("Philipp Lahm verletzte sich im Training. Der behandelnde Arzt Lahms sagte, die Verletzung sei schwer.",
     "Der behandelnde Arzt Lahms"),
    ("Dominique Strauss-Kahn wurde verhaftet. Die Verteidiger Strauss-Kahns erklärten, er habe nicht fliehen wollen.",
     "Die Verteidiger Strauss-Kahns"),
])
def test_a_genitive_name_after_a_role_is_not_the_speaker(extractor, text, mention):
    r = [q for q in extractor.extract(Article(id="t", text=text, lang="de")) if q.kind == "indirect"][-1]
    assert (r.speaker.name, r.speaker.mention) == (None, mention)
    # a name in apposition to the role is the speaker
    r = single(extractor, "Der Trainer Jens Keller sagte, das Spiel sei verloren.", "de")
    assert r.speaker.name == "Jens Keller"


def test_a_role_before_a_genitive_before_the_name_is_its_role(extractor):
    # "der Leiter der Berliner Filmfestspiele Dieter Kosslick": the role noun is three words back
    text = ("An die Zusammenarbeit mit Ganz erinnerte der Leiter der Berliner Filmfestspiele Dieter Kosslick. "
            "Mit Blick auf den Himmel sagte Kosslick: \u201eIch habe das Gefühl, dass nichts im Weg sein soll.\u201c")
    r = single(extractor, text, "de")
    assert (r.speaker.name, r.role) == ("Dieter Kosslick", "Leiter der Berliner Filmfestspiele")
    # not across a sentence's end or a preposition: "Der Künstler. Der vor der Zeit ging"
    text = "\u201eEr war der Künstler. Der vor der Zeit ging\u201c, schrieb die \u201eZeit\u201c in einem Nachruf."
    roles = [r.role for r in extractor.extract(Article(id="t", text=text, lang="de"))]
    assert not any(r and "Künstler" in r for r in roles)


def test_a_prepositional_phrase_after_the_cue_is_no_speaker(extractor):
    # "said | of Mr. Trump": the phrase after the cue is what was spoken of, never the speaker
    text = "''He is not qualified to run this country,'' Mr. Guerrero, who is an accountant in Phoenix, said of Mr. Trump."
    r = single(extractor, text, "en")
    assert r.speaker is None or r.speaker.name != "Trump" and "Trump" not in r.speaker.mention


def test_a_surname_the_tagger_read_as_a_participle_is_the_frame_not_content(extractor):
    # "…,” Ebeling said": the tagger makes "Ebeling" an -ing form and the parser the cue's clause;
    # a capitalised participle alone right after the closing mark belongs to the frame
    text = ("Nancy Ebeling and her husband set out just after 2 p.m. \u201cWe live in Chicago,\u201d Ebeling said. "
            "\u201cWe came today because she\u2019s a good girl.\u201d")
    assert texts_and_speakers(extractor, text, "en") == [
        ("We live in Chicago,", "Nancy Ebeling"), ("We came today because she\u2019s a good girl.", "Nancy Ebeling")]


def test_a_surname_opening_the_sentence_tagged_a_participle_is_the_subject(extractor):
    # "Schilling told WEEI:": the tagger reads "Schilling" as an -ing form; the article writes it
    # capitalised mid-sentence, so it is a name, and the medium after the verb is no speaker
    text = "ESPN fired Curt Schilling on Wednesday. Schilling told WEEI: \u201cI replied to the post. I did not post that.\u201d"
    assert texts_and_speakers(extractor, text, "en") == [("I replied to the post. I did not post that.", "Curt Schilling")]


@pytest.mark.parametrize("text, quote, name", [
    # "(When) asked about X," is the question, not a report: the clause it modifies is the main
    # cue's content (the tagger makes this "asked" finite, with no subject or auxiliary)
    ("When asked about the opioid crisis, Ted Cruz said he knows the consequences of addiction firsthand.",
     "he knows the consequences of addiction firsthand", "Ted Cruz"),
    ("Asked about the plan, Clinton said it would fail.", "it would fail", "Clinton"),
])
def test_an_elliptic_asked_clause_reports_nothing_of_the_clause_it_modifies(extractor, text, quote, name):
    assert texts_and_speakers(extractor, text, "en") == [(quote, name)]


@pytest.mark.parametrize("text, name", [
    # a description with no role noun before a full name that opens with a first name: the name
    ("''We're anxious,'' said another Twitter user, Johanna Bayer.", "Johanna Bayer"),
    ("''He deserved it,'' the assailant, John McGraw, told a television program.", "John McGraw"),
])
def test_a_full_name_in_apposition_to_a_description_without_a_role_noun_speaks(extractor, text, name):
    r = single(extractor, text, "en")
    assert r.speaker.name == name


@pytest.mark.parametrize("text, quote, name", [
    # in a frame opened by "wie" the noun phrase between it and the verb is the subject, whatever the
    # parser hung it on (it made the clause's first noun the subject of "mitteilte", and "hatte" an
    # auxiliary of it, so the clause before the frame was read as a subject, no report)
    ("Die Flüssigkeit hatte Raumtemperatur und stand unter Druck, wie Peter Lindner, Chef der Firma "
     "Orbital Systems, mitteilte.", "Die Flüssigkeit hatte Raumtemperatur und stand unter Druck", "Peter Lindner"),
    ("Die Chemikalie hatte Raumtemperatur, wie Anna Berger mitteilte.", "Die Chemikalie hatte Raumtemperatur", "Anna Berger"),
])
def test_the_noun_phrase_after_a_frame_subordinator_is_the_subject(extractor, text, quote, name):
    assert texts_and_speakers(extractor, text, "de") == [(quote, name)]


def test_a_frame_subordinator_before_a_phrase_in_commas_and_another_subject_frames_nothing(extractor):
    # "As president," is no frame: another subject follows the comma
    assert texts_and_speakers(extractor, "As president, Obama said the plan would fail.", "en") == [
        ("the plan would fail", "Obama")]


def test_a_colon_frame_about_a_thing_names_no_speaker_the_paragraph_speaker_speaks(extractor):
    # "Seine Zuversicht gründet sich auf …:" frames the quotation, but a thing says nothing: the
    # quotation is the words of the person the paragraph is about
    text = ("In einem Interview äußerte sich der Außenbeauftragte Jan Berger zuversichtlich: „Ich gehe davon aus, "
            "dass eine Einigung gelingen wird.“ Seine Zuversicht gründet sich auf Erfahrungen mit der Türkei: "
            "„Entscheidungen fallen immer erst in letzter Minute.“")
    assert texts_and_speakers(extractor, text, "de") == [
        ("Ich gehe davon aus, dass eine Einigung gelingen wird.", "Jan Berger"),
        ("Entscheidungen fallen immer erst in letzter Minute.", "Jan Berger")]


def test_an_opening_adverb_the_parser_made_the_subject_gives_way_to_the_nominative_after_the_verb(extractor):
    # "Unterdessen" tagged a noun and made the subject; "die Vereinigung" after the verb is nominative
    text = "Unterdessen hat die Vereinigung am Montag mitgeteilt, dass die Zahl der Opfer gestiegen sei."
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.mention) == ("dass die Zahl der Opfer gestiegen sei", "die Vereinigung")


@pytest.mark.parametrize("text, quote, name", [
    # a relative clause set off by commas between the quotation and the cue: the quotation is the
    # cue's, its closing mark after a nested one ("darn it,’”")
    ("“The answer you’d like me to give is, ‘I’m for the plan, darn it,’” Cruz, who has proposed repealing "
     "the mandate over five years, said at the time.", "The answer you’d like me to give is, ‘I’m for the plan, darn it,’", "Cruz"),
    # a verb form after a preposition ("an early voice in urging …") frames nothing before it
    ("“This is a big deal for working people,” said Ross Eisenbrey of the Economic Policy Institute, an early "
     "voice in urging the administration to take up the issue.", "This is a big deal for working people,", "Ross Eisenbrey"),
])
def test_a_quotation_before_a_speaker_interrupted_by_a_clause_is_the_cue_s(extractor, text, quote, name):
    r = single(extractor, text, "en")
    assert (r.kind, r.text, r.speaker.mention.split()[-1]) == ("direct", quote, name.split()[-1])


def test_a_participle_the_parser_hung_on_a_noun_of_an_inverted_cue_speaks_through_its_speaker(extractor):
    # "adding" is an acl of "time": it goes with "said", whose speaker stands after it
    text = ("“It’s not new in Ohio,” said Rep. Bobby Carter (D-Ohio) at the time, adding that “we’ve been "
            "electing women to office for a long time.”")
    assert texts_and_speakers(extractor, text, "en") == [
        ("It’s not new in Ohio,", "Bobby Carter"),
        ("that “we’ve been electing women to office for a long time.”", "Bobby Carter")]


@pytest.mark.parametrize("text, name, role", [
    # a place before a role noun modifies the role ("the independent Vermont | senator"), it names no
    # one: the description goes to the person it describes, not to "Vermont"
    ("Bernie Sanders spoke in Iowa. “We will win,” said the independent Vermont senator.",
     "Bernie Sanders", "independent Vermont senator"),
    ("Paul Ryan spoke on Monday. A top Paul Ryan adviser said the businessman is on a “glide path” to the "
     "nomination.", None, "top Paul Ryan adviser"),
])
def test_a_name_that_modifies_a_role_noun_names_no_speaker(extractor, text, name, role):
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.role) == (name, role)


def test_an_opening_prepositional_phrase_is_no_speaker_the_name_before_the_verb_is(extractor):
    # the parser hung "Trump" on "board" and gave "said" no subject; the phrase before the verb opens
    # with a preposition, so the name right before the verb speaks
    text = ("In a March 2016 meeting with the editorial board of the Washington Post Trump said that U.S. "
            "involvement in NATO may need to be diminished.")
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.mention) == ("that U.S. involvement in NATO may need to be diminished", "Trump")


def test_a_cue_coordinated_with_a_complement_the_parser_made_parataxis_speaks_for_the_outer_subject(extractor):
    # "says" hangs on "depleted" (a parataxis of "telling", not a ccomp): the military says nothing
    text = ("Donald Trump is telling a veterans group that the country’s military is “depleted” and says he will "
            "expand the armed forces.")
    assert texts_and_speakers(extractor, text, "en") == [
        ("that the country’s military is “depleted”", "Donald Trump"), ("he will expand the armed forces", "Donald Trump")]


@pytest.mark.parametrize("text, name", [
    # the parser made the time the subject and the speaker its conjunct (rules speakers.time_nouns)
    ("At a campaign rally Monday morning, Trump’s GOP primary rival Sen. Marco Rubio (R-Fla.) said Trump is "
     "unelectable.", "Marco Rubio"),
    # a person a medium possesses is its journalist, not the medium
    ("Last month, The Huffington Post’s Scott Conroy asked Sanders whether questions about his health were fair "
     "game.", "Scott Conroy"),
])
def test_a_time_or_a_medium_s_journalist_is_no_medium_speaker(extractor, text, name):
    r = single(extractor, text, "en")
    assert r.speaker.name == name


def test_a_name_in_marks_after_an_article_is_the_subject_of_a_frame(extractor):
    # the marks hold a verb ("hilft"), but after an article they are a name: the frame's subject
    text = ("Wie die „Aktion Freunde helfen“ heute mitteilte, werde von den Hilfsorganisationen trotz aller "
            "Behinderungen effektive Hilfe geleistet.")
    r = single(extractor, text, "de")
    assert r.speaker.mention == "die „Aktion Freunde helfen“"


def test_a_medium_in_marks_after_the_cue_is_the_speaker_not_a_second_quotation(extractor):
    # "die „Fachwoche“" opens the source's phrase: a name, whatever its words, and no quotation
    text = "„Die Betonung von Video beweist, dass die Firma aufschließen will“, schreibt die „Fachwoche“."
    assert texts_and_speakers(extractor, text, "de") == [
        ("Die Betonung von Video beweist, dass die Firma aufschließen will", "Fachwoche")]


@pytest.mark.parametrize("text, name", [
    # a number and its noun after the source start a new phrase: the amount is no part of the source
    ("Ein Boot, auf dem sich nach Angaben des Piratenchefs Mohamed Said 300.000 US-Dollar befunden haben sollen, "
     "ist gekentert.", "Mohamed Said"),
    ("In Deutschland verfügen nach Aussagen des Statistischen Bundesamtes 13 Prozent der Haushalte über kein Auto.",
     "Statistischen Bundesamtes"),
])
def test_a_number_and_its_noun_after_a_source_are_not_the_source(extractor, text, name):
    r = single(extractor, text, "de")
    assert r.speaker.name == name


def test_a_medium_named_by_one_compound_of_a_medium_word_is_a_name(extractor):
    # "Wikinews" is tagged a common noun; a compound of a word for a medium with no article is its name
    text = "Bereits im Juli 2008 vermeldete Wikinews, dass die Firma als Partner im Gespräch sei."
    r = single(extractor, text, "de")
    assert (r.speaker.name, r.speaker.mention) == ("Wikinews", "Wikinews")


@pytest.mark.parametrize("text, name", [
    # an age and a place in commas of their own stand between the name and its description
    ("''I just don't think she's been truthful,'' Cecelia Purner, 67, a retired customer service representative "
     "in Allentown, Pa., said in a follow-up interview.", "Cecelia Purner"),
    ("Flynn, a top Trump surrogate, said the plan would fail.", "Flynn"),
])
def test_the_name_before_a_description_in_commas_speaks(extractor, text, name):
    r = single(extractor, text, "en")
    assert r.speaker.mention == name


@pytest.mark.parametrize("text, quote, name, mention", [
    # the parse makes the description the subject; the name it stands in commas after speaks
    ("Or, as Tom Ridge, a former secretary of homeland security, put it: \"The barbarians are no longer "
     "at the gate. They're inside.\"", "The barbarians are no longer at the gate. They're inside.",
     "Tom Ridge", "Tom Ridge, a former secretary of homeland security"),
    # an age in commas between, and a relative clause's "who said" ending the description
    ("\"We will march,\" said Elizabeth Arnold, 32, a former staff member for the campaign in Philadelphia "
     "who said she planned to demonstrate.", "she planned to demonstrate", "Elizabeth Arnold",
     "Elizabeth Arnold, 32, a former staff member for the campaign in Philadelphia"),
])
def test_a_description_after_a_name_in_commas_is_that_name(extractor, text, quote, name, mention):
    r = next(q for q in extractor.extract(Article(id="t", text=text, lang="en")) if q.text == quote)
    assert (r.speaker.name, r.speaker.mention) == (name, mention)


def test_a_description_after_a_place_opening_a_frame_is_no_name(extractor):
    # "In Paris" is no name the description stands in apposition to
    r = single(extractor, "In Paris, a former spokesman for the ministry said the talks had failed.", "en")
    assert r.speaker.name is None and r.speaker.mention == "a former spokesman for the ministry"


@pytest.mark.parametrize("text, lang, name, joint, mention", [
    ("Senators Charles E. Grassley and Patrick J. Leahy wrote the bill. Mr. Grassley and Mr. Leahy said other "
     "changes are needed.", "en", "Charles E. Grassley", ["Patrick J. Leahy"], "Mr. Grassley and Mr. Leahy"),
    ("Donald Trump and House Speaker Paul Ryan pledged to work together despite their differences.", "en",
     "Donald Trump", ["Paul Ryan"], "Donald Trump and House Speaker Paul Ryan"),
    # a first name before the conjunction shares the surname after it, whatever follows the name
    ("Sonia und Willy Bogner aus München erklärten, dass sie die Firma verkaufen wollen.", "de",
     "Sonia Bogner", ["Willy Bogner"], "Sonia und Willy Bogner aus München"),
    # two first names share nothing
    ("Hans und Peter erklärten, dass sie gewinnen wollen.", "de", "Hans", ["Peter"], "Hans und Peter"),
])
def test_a_coordinated_subject_speaks_jointly(extractor, text, lang, name, joint, mention):
    r = [q for q in extractor.extract(Article(id="t", text=text, lang=lang)) if q.kind == "indirect"][-1]
    assert (r.speaker.name, r.speaker.joint, r.speaker.mention) == (name, joint, mention)


def test_joint_speakers_after_an_inverted_cue(extractor):
    r = single(extractor, "\u201eWir verkaufen die Firma\u201c, sagten Sonia und Willy Bogner.", "de")
    assert (r.speaker.name, r.speaker.joint, r.speaker.mention) == ("Sonia Bogner", ["Willy Bogner"],
                                                                    "Sonia und Willy Bogner")


def test_a_pronoun_that_may_be_one_person_does_not_inherit_joint_speakers(extractor):
    # German "Sie sagte" may be one woman: after Merkel spoke alone, it is Merkel alone
    text = ("Kanzlerin Angela Merkel und Präsident Emmanuel Macron erklärten, dass sie zusammenarbeiten wollen. "
            "Merkel sagte, die Gespräche seien gut gewesen. Sie sagte außerdem, man werde sich bald wieder treffen.")
    got = [(q.speaker.mention, q.speaker.name, q.speaker.joint) for q in extractor.extract(Article(id="t", text=text, lang="de"))]
    assert got[0][1:] == ("Angela Merkel", ["Emmanuel Macron"])
    assert got[-1] == ("Sie", "Angela Merkel", [])


def test_a_plural_pronoun_after_joint_speakers_is_all_of_them(extractor):
    text = ("Senators Charles E. Grassley and Patrick J. Leahy wrote the bill. Mr. Grassley and Mr. Leahy said "
            "other changes are needed. They said the program had grown too fast.")
    r = [q for q in extractor.extract(Article(id="t", text=text, lang="en"))][-1]
    assert (r.text, r.speaker.mention, r.speaker.name, r.speaker.joint) == (
        "the program had grown too fast", "They", "Charles E. Grassley", ["Patrick J. Leahy"])


def test_a_coordination_that_is_one_name_or_one_named_speaker_is_no_joint_speaker(extractor):
    # a body's name holding the conjunction is one speaker
    r = single(extractor, "The Science and Technology Directorate said the tests had failed.", "en")
    assert (r.speaker.mention, r.speaker.joint) == ("The Science and Technology Directorate", [])
    # a conjunct that names no one leaves the named one alone
    r = single(extractor, "Donald Trump and his aides said the plan would work.", "en")
    assert (r.speaker.name, r.speaker.joint) == ("Donald Trump", [])


@pytest.mark.parametrize("text, name, mention", [
    # a compound hyphenated to a place is a modifier of the noun after it, no verb ending the phrase
    ("\"The market will fall,\" said London-based analyst John Smith.", "John Smith", "London-based analyst John Smith"),
    ("London-based analyst John Smith said the market would fall.", "John Smith", "London-based analyst John Smith"),
    # and the place is no name of the speaker
    ("The Washington-based group said the report was wrong.", None, "The Washington-based group"),
])
def test_a_hyphenated_place_modifies_the_speaker(extractor, text, name, mention):
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.speaker.mention) == (name, mention)


@pytest.mark.parametrize("text, name, mention", [
    # the parser made the place or party the subject; the name after the honorific speaks
    ("Florida Sen. Marco Rubio says he feels he did great in the debate.", "Marco Rubio", "Florida Sen. Marco Rubio"),
    ("Christian Rev. Derek Penwell said the world lost a voice.", "Derek Penwell", "Christian Rev. Derek Penwell"),
])
def test_a_word_before_an_honorific_and_a_name_is_part_of_the_mention(extractor, text, name, mention):
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.speaker.mention) == (name, mention)


@pytest.mark.parametrize("text, lang, name, mention", [
    # a place or person behind a preposition of a common noun names no one who speaks
    ("Critics on Capitol Hill have argued that it showed intent.", "en", None, "Critics on Capitol Hill"),
    # a phrase a preposition opens is no subject (the parse lost "Mr. Bush" to the dashes)
    ("Mr. Bush - in a line that seemed squarely directed at Mr. Trump's divisive brand of politics - declared "
     "that a president must tend to all corners of the country.", "en", None, "at Mr. Trump's divisive brand"),
    # a name before the preposition still speaks, its first name tagged an article or not
    ("Ken Rice vom Institut für Astronomie in Edinburgh erklärte, die Entdeckung werfe ein neues Licht auf die "
     "Theorie.", "de", "Ken Rice", "Ken Rice vom Institut für Astronomie in Edinburgh"),
])
def test_a_name_behind_a_preposition_of_a_common_noun_is_not_the_speaker(extractor, text, lang, name, mention):
    r = single(extractor, text, lang)
    assert (r.speaker.name, r.speaker.mention) == (name, mention)


def test_a_month_abbreviation_of_a_dateline_is_no_speaker(extractor):
    # "Dec 29 (Reuters) -" opens the article; the parser made "Dec" the subject of "said"
    text = ("Dec 29 (Reuters) - U.S. Democratic presidential candidate Hillary Clinton said on Tuesday that the "
            "violence against Yazidis amounted to genocide.")
    r = single(extractor, text, "en")
    assert r.speaker.name == "Hillary Clinton"


def test_a_surname_after_a_role_the_tagger_made_an_adjective_is_a_name(extractor):
    # "Innenexperte" tagged an adjective, "Wiefelspütz" a noun: the role's noun is its surname
    text = "SPD-Innenexperte Wiefelspütz nannte den Bericht eine „Zeitungsente“."
    r = single(extractor, text, "de")
    assert (r.speaker.name, r.role) == ("Wiefelspütz", "SPD-Innenexperte")


def test_a_frame_opened_by_a_conjunction_and_a_subordinator_names_its_subject(extractor):
    # "Denn wie die „Stadtzeitung“ berichtet": the conjunction before the subordinator opens the sentence
    text = "Denn wie die „Stadtzeitung“ berichtet, leidet der Schauspieler an der Nervenkrankheit Alzheimer."
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.mention) == ("leidet der Schauspieler an der Nervenkrankheit Alzheimer", "die „Stadtzeitung“")


def test_a_title_case_dateline_with_an_agency_is_no_speaker(extractor):
    # "Washington (AFP) –" opens the article; the parser made the city the subject
    text = ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump, saying that bombastic "
            "comments do more harm than good.")
    r = single(extractor, text, "en")
    assert r.speaker.name == "Hillary Clinton"


def test_a_possessive_apostrophe_inside_the_speaker_ends_no_quotation(extractor):
    # the "’" of "Sanders’" was read as a closing mark: the quotation ran on over the speaker
    text = "“We believe in change,” Jeff Weaver, Sanders’ campaign manager, said."
    r = single(extractor, text, "en")
    assert (r.kind, r.text, r.speaker.name, r.role) == ("direct", "We believe in change,", "Jeff Weaver",
                                                        "Sanders’ campaign manager")


def test_a_capitalised_noun_after_a_quotation_ending_in_a_comma_is_a_name(extractor):
    # the tagger read "Xinhua" as a common noun; after "…,''" the sentence goes on, so the capital
    # letter marks a name, as it does inside any English sentence
    text = "''Some may say an overemphasis on his background is a bit unkind,'' Xinhua, the official Chinese news agency, wrote."
    r = single(extractor, text, "en")
    assert (r.kind, r.speaker.name, r.role) == ("direct", "Xinhua", "official Chinese news agency")


def test_an_adverb_before_the_cue_is_no_speaker_the_name_before_the_relative_clause_is(extractor):
    # the parser left "noted" without a subject; the phrase right before it is "also"
    text = "Mr. Kirk, who still speaks with difficulty from a stroke in 2012, also noted that Mr. Trump has mocked a disabled reporter."
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.mention, r.speaker.name) == ("that Mr. Trump has mocked a disabled reporter", "Mr. Kirk", "Kirk")


def test_a_name_the_tagger_called_an_adverb_still_speaks(extractor):
    # "Frankreich" tagged an adverb: capitalised and no stopword, it stays the speaker
    text = "Frankreich hat sich bereit erklärt, weitere 2.000 Soldaten in den Libanon zu entsenden."
    r = single(extractor, text, "de")
    assert r.speaker.name == "Frankreich"


def test_a_relative_pronoun_before_zufolge_reports_nothing_and_the_report_after_is_the_persons(extractor):
    # "Grundsätzen, denen zufolge …" is what the principles say, no report of a source; it took the
    # sentence as a speakerless quote, and the Konjunktiv sentence after it continued that one
    text = ("Der SPD-Bundestagsabgeordnete Jörg Tauss bezweifelte die Vereinbarkeit des Vorhabens mit rechtsstaatlichen "
            "Grundsätzen, denen zufolge von einer Unschuldsvermutung der Bürger auszugehen sei. Die vorbeugende "
            "Speicherung der Daten stehe damit nicht in Einklang.")
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.name) == ("Die vorbeugende Speicherung der Daten stehe damit nicht in Einklang.", "Jörg Tauss")


@pytest.mark.parametrize("text, name", [
    # a hyphen inside the name is no word of it: four name words, not five tokens
    ("Das VW-Gesetz verstößt nach Ansicht des Generalanwalts des Europäischen Gerichtshofes, Damazo Ruiz-Jarabo "
     "Colomer, gegen europäisches Recht.", "Damazo Ruiz-Jarabo Colomer"),
    # an adverb may follow the name where the closing comma is missing
    ("„Die Terrororganisation bleibt eine Bedrohung“, sagte der Oberkommandierende General der US-Streitkräfte im "
     "Irak, General George Casey heute anlässlich einer Pressekonferenz.", "George Casey"),
])
def test_the_name_in_apposition_after_a_description_speaks(extractor, text, name):
    r = single(extractor, text, "de")
    assert r.speaker.name == name


@pytest.mark.parametrize("text, quote", [
    # the tokenizer ends a sentence after "…”"; the next one is only its frame
    ('"We will look at a lot of different people…" Clinton said.', "We will look at a lot of different people…"),
    # a participle clause after the frame is a clause of its own, not what was remarked
    ('"We will see, right?" Clinton remarked, alluding to the actor.', "We will see, right?"),
])
def test_a_frame_after_a_quotation_that_ends_its_sentence_speaks_it(extractor, text, quote):
    r = single(extractor, text, "en")
    assert (r.kind, r.text, r.speaker.name) == ("direct", quote, "Clinton")


def test_a_speech_participle_after_the_frame_keeps_its_own_content(extractor):
    rs = extractor.extract(Article(id="t", text='"It is a good plan," Clinton said, adding that she would sign it.', lang="en"))
    assert [(r.kind, r.text, r.cue.text) for r in rs] == [("direct", "It is a good plan,", "said"),
                                                          ("indirect", "that she would sign it", "adding")]


def test_a_clause_after_a_comma_and_a_conjunction_is_no_content(extractor):
    # "answer" a speech verb here; what follows ", but" is the writer's next clause, not an answer
    text = "Such contracts sometimes include language forcing the firms to answer other regulators, but the new contracts did not."
    assert extractor.extract(Article(id="t", text=text, lang="en")) == []


def test_a_quotation_in_doubled_apostrophes_before_the_frame_is_the_cues_content(extractor):
    # "''" is one closing mark of two characters: the quotation before the frame is what was said,
    # not the relative clause after it
    text = "''It's like a new plane,'' Mr. Trump said in a documentary that showed off some of the features."
    r = single(extractor, text, "en")
    assert (r.kind, r.text, r.speaker.name) == ("direct", "It's like a new plane,", "Trump")


def test_a_name_after_a_dash_signs_the_quotation_that_opens_its_line(extractor):
    text = ("Readers share their thoughts on the candidate.\n\n"
            "“During the debate he said we live in hell. He is ignorant of our culture and lives.”― Pamela Padilla\n"
            "“I cannot believe a man with no credentials is the nominee of a great party.” — Julie A. Diaz Martinez.\n"
            "“He is the wrong man,” one reader wrote, “for the wrong job.” – and then the page ended with a long list.")
    rs = extractor.extract(Article(id="t", text=text, lang="en"))
    signed = [(r.text[:20], r.speaker.name, r.speaker.via) for r in rs if r.speaker and r.speaker.via == "colon"]
    assert signed == [("During the debate he", "Pamela Padilla", "colon"),
                      ("I cannot believe a m", "Julie A. Diaz Martinez", "colon")]


def test_an_opening_connective_tagged_a_name_gives_way_to_the_name_after_its_comma(extractor):
    # the tagger read "Moreover" as a proper noun and the parser made it the subject, the name its
    # conjunct; a word the article only writes opening a sentence before a comma is no name
    text = ("Moreover, Jeffrey D. Sachs, director of the Earth Institute at Columbia University, noted this week that "
            "most of those plans run only to 2030.")
    r = single(extractor, text, "en")
    assert (r.speaker.mention, r.speaker.name) == ("Jeffrey D. Sachs", "Jeffrey D. Sachs")


def test_an_opening_pronoun_before_a_comma_stays_the_subject(extractor):
    text = "She, too, is a pragmatic internationalist, cautioning that the turmoil after the vote underscores a need for unity."
    r = single(extractor, text, "en")
    assert r.speaker.mention == "She"


def test_a_name_after_an_honorific_in_an_apposition_with_a_participle_speaks(extractor):
    # "retired" is a description, no clause; "Mr." ends in a period that ends no sentence, so
    # "Daniloff," is no sentence-opening word always followed by a comma
    text = ("''If Reagan had gone with Kemp, I would have been sitting in Siberia for a long time,'' Mr. Daniloff, "
            "now 81 and retired in Cambridge, Mass., said by telephone this week.")
    r = single(extractor, text, "en")
    assert (r.kind, r.text, r.speaker.name) == (
        "direct", "If Reagan had gone with Kemp, I would have been sitting in Siberia for a long time,", "Daniloff")


def test_a_participle_after_a_subordinator_keeps_the_quotation_before_it_out(extractor):
    text = ("Sunday on CNN’s “Fareed Zakaria GPS,” when asked about Republican presidential nominee Donald Trump, "
            "President Barack Obama said he expected that Americans will reject his policies.")
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.name) == ("he expected that Americans will reject his policies", "Barack Obama")


@pytest.mark.parametrize("text, quote", [
    ('Asked if the comments had rattled them as well, Ryan said, “Sure. I get that, too.”', "Sure. I get that, too."),
    # the parser read "open" as an imperative: the clause still opens with a participle
    ('Holding open a book, Beck said, “I just want to ask you if you can recognize this person.”',
     "I just want to ask you if you can recognize this person."),
])
def test_the_quotation_after_the_cue_beats_an_adverbial_clause_before_it(extractor, text, quote):
    r = single(extractor, text, "en")
    assert (r.kind, r.text) == ("direct", quote)


def test_a_participle_cue_hung_on_the_main_clause_reports_the_quotation_after_it(extractor):
    text = "Clinton seemed ready to riff on the incident in Iowa, telling the crowd, “Some people get a little carried away.”"
    r = single(extractor, text, "en")
    assert (r.kind, r.text, r.cue.text, r.speaker.name) == ("direct", "Some people get a little carried away.", "telling", "Clinton")


def test_a_number_with_a_full_stop_before_a_capitalised_article_ends_its_sentence(extractor):
    # the tokenizer read "24." as an ordinal and ran the report after it into the quotation's sentence
    text = ("„Das beeinflusst das Wachstum stark negativ“, sagte Andrej Klepatsch, Vizechef der Staatsbank, im "
            "TV-Sender Rossija 24. Im laufenden Jahr werde der Negativeffekt recht eingeschränkt sein.")
    rs = extractor.extract(Article(id="t", text=text, lang="de"))
    assert [(r.kind, r.text, r.speaker.name) for r in rs] == [
        ("direct", "Das beeinflusst das Wachstum stark negativ", "Andrej Klepatsch"),
        ("indirect", "Im laufenden Jahr werde der Negativeffekt recht eingeschränkt sein.", "Andrej Klepatsch")]
    # a date keeps its ordinal
    (r,) = extractor.extract(Article(id="t", text="Das Treffen sei am 24. Juni in Berlin, sagte er.", lang="de"))
    assert r.text == "Das Treffen sei am 24. Juni in Berlin"


def test_a_konjunktiv_copula_the_parser_hung_below_an_adjective_root_is_still_the_main_clause(extractor):
    # "hervorzuheben" made the root, "sei" the copula of its subject "Engagement"
    text = ('Auch Müller erinnerte an den Film "Der Himmel über Berlin" sowie an die Rolle, die ihn berühmt gemacht habe. '
            'Besonders hervorzuheben sei auch sein politisches Engagement. "Wir werden ihn vermissen und sind mit den '
            'Gedanken bei seinen Angehörigen."')
    texts = [(r.text, r.speaker.name if r.speaker else None) for r in extractor.extract(Article(id="t", text=text, lang="de"))]
    assert ("Besonders hervorzuheben sei auch sein politisches Engagement.", "Müller") in texts


def test_a_relative_clause_inside_the_reported_clause_is_no_frame_verb(extractor):
    r = single(extractor, "She said fathers and parents who adopt would not be eligible for the six weeks.", "en")
    assert (r.kind, r.text) == ("indirect", "fathers and parents who adopt would not be eligible for the six weeks")


def test_a_report_coordinated_after_the_content_is_a_report_of_its_own(extractor):
    text = ("Obama emphasized that the reforms were not complete, and human rights groups warned that the administration "
            "was relinquishing its leverage.")
    rs = extractor.extract(Article(id="t", text=text, lang="en"))
    assert [(r.text, r.cue.text, r.speaker.mention) for r in rs] == [
        ("that the reforms were not complete", "emphasized", "Obama"),
        ("that the administration was relinquishing its leverage", "warned", "human rights groups")]


def test_a_frame_in_commas_inside_its_clause_reports_the_whole_clause(extractor):
    r = single(extractor, "The latest test, North Korea said, was its biggest yet.", "en")
    assert (r.text, r.speaker.mention) == ("The latest test, North Korea said, was its biggest yet", "North Korea")
    # a fronted adverbial is no part of a clause the frame interrupts
    r = single(extractor, "In Paris, the mayor said, the plan will cost more.", "en")
    assert (r.text, r.speaker.mention) == ("the plan will cost more", "the mayor")


def test_a_participle_modifying_a_noun_between_quotation_and_speaker_is_a_description(extractor):
    text = ("“It is an invasion of the state regulatory domain,” Scott Pruitt, the Republican attorney general of "
            "Oklahoma, one of the states suing the agency, told reporters.")
    r = single(extractor, text, "en")
    assert (r.kind, r.text, r.speaker.name) == ("direct", "It is an invasion of the state regulatory domain,", "Scott Pruitt")


def test_a_closing_mark_the_tokenizer_put_in_the_next_sentence_closes_the_quotation(extractor):
    # Stanza ends the sentence at "States." and opens the next with the closing "''"
    text = ("Lamenting their luck, Mexicans often say, ''Poor Mexico, so far from God and so close to the United States.'' "
            "Facing the prospect of a new president, many Mexicans would hope their leaders act.")
    r = single(extractor, text, "en")
    assert (r.kind, r.text) == ("direct", "Poor Mexico, so far from God and so close to the United States.")


def test_a_speech_verb_the_lemmatizer_misreads_is_a_cue_by_its_regular_form(extractor):
    # the lemmatizer gives "betone" the lemma "beton": the form is "betonen"'s stem and an ending
    text = "Der Minister Hans Kraus sprach am Montag in Berlin. Er betone, dass die Lage ernst sei."
    r = single(extractor, text, "de")
    assert (r.kind, r.text, r.speaker.name, r.cue.lemma) == ("indirect", "dass die Lage ernst sei", "Hans Kraus", "betonen")


def test_the_subject_after_a_comma_and_a_conjunction_speaks_not_the_one_before(extractor):
    # the parser gives "says" two subjects: "it" of the clause before, and Dayton
    text = "But it’s not, and Dayton says caucuses “are such an unknown” because turnout is low."
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.name) == ("caucuses “are such an unknown” because turnout is low", "Dayton")


def test_a_relative_pronoun_with_no_comma_before_it_stands_for_its_antecedent(extractor):
    # "who" opens a relative clause of "historian" with no comma before it; the parser hung
    # "recalled" on that clause, so the cue's subject is "who": the speaker is the apposition's name
    text = ("Douglas Brinkley, a historian who attended the session, recalled, \u201cOut of nowhere, he said, "
            "\u2018If we do nothing on the climate issue, all bets are off.\u2019\u201d")
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.speaker.mention) == ("Douglas Brinkley", "Douglas Brinkley")


def test_a_mention_ends_before_the_relative_pronoun_of_its_clause(extractor):
    records = extractor.extract(Article(id="t", text="It was a new ad that urged voters to \u201csend a message\u201d to the banks.", lang="en"))
    assert [(q.text, q.speaker.name, q.speaker.mention) for q in records] == [
        ("to \u201csend a message\u201d to the banks", None, "a new ad")]


@pytest.mark.parametrize("text, mention", [
    # a name behind a preposition of the role noun is someone else: the member speaks, not
    # Philadelphia; the activist, not Greenpeace: no name (a wrong one misleads)
    ("A former staff member for the campaign in Philadelphia said she planned to demonstrate.",
     "A former staff member for the campaign in Philadelphia"),
    ("An activist for the environmental group Greenpeace asked whether the senator would give the money back.",
     "An activist for the environmental group Greenpeace"),
    # an indefinite description names no one: the place, party or person in it is a modifier
    ("\u201cShe is too far behind,\u201d said a New Hampshire Democrat.", "a New Hampshire Democrat"),
    ("\u201cIt is over,\u201d added one Nevada Republican.", "one Nevada Republican"),
    ("A senior Obama administration official said the White House supported the effort.",
     "A senior Obama administration official"),
    ("Another Connecticut former lawmaker said he would vote for Clinton.",
     "Another Connecticut former lawmaker"),
])
def test_a_description_whose_name_is_someone_elses_or_a_modifier_names_no_one(extractor, text, mention):
    r = single(extractor, text, "en")
    assert (r.speaker.name, r.speaker.mention) == (None, mention)


@pytest.mark.parametrize("text, name", [
    ("At least 707 people were shot by police this year, according to a Washington Post database.", "Washington Post"),
    ("An FBI report said the server was not secure.", "FBI"),
])
def test_the_body_behind_an_indefinite_document_still_speaks(extractor, text, name):
    assert single(extractor, text, "en").speaker.name == name


def test_a_definite_party_description_is_the_person_it_describes(extractor):
    text = ("Paul Ryan, a Republican from Wisconsin, met the president on Monday. "
            "The Wisconsin Republican said the talks had been useful.")
    assert [q.speaker.name for q in extractor.extract(Article(id="t", text=text, lang="en"))] == ["Paul Ryan"]


@pytest.mark.parametrize("text, lang", [
    ("Mike Smith, a strategist, spoke on Monday. The Democrats said the plan would fail.", "en"),
    ("Ken Rice stellte die Studie vor. Die Wissenschaftler sagten, der Planet sei jung.", "de"),
])
def test_a_plural_description_is_no_single_person(extractor, text, lang):
    (r,) = [q for q in extractor.extract(Article(id="t", text=text, lang=lang))]
    assert r.speaker.name is None


@pytest.mark.parametrize("text, lang, mention", [
    # a conjunction or an adverb of the clause before the subject is no part of its mention
    ("Auch die Fraktionschefin der Grünen, Renate Künast, sagte, sie rate zum Kauf von Hybridautos.", "de",
     "die Fraktionschefin der Grünen, Renate Künast"),
    ("Trump spoke on Monday, and Hillary Clinton said she would consider sending more troops.", "en",
     "Hillary Clinton"),
    # an adverb of a word inside the phrase stays
    ("Very few voters said they would stay home.", "en", "Very few voters"),
])
def test_a_mention_starts_after_a_conjunction_or_clause_adverb(extractor, text, lang, mention):
    assert single(extractor, text, lang).speaker.mention == mention


@pytest.mark.parametrize("text, quote, mention", [
    # the dateline ran into the sentence: the parser made "ORLANDO" the subject and hung the speaker on it
    # (the mention was "at two hospitals", then "on Tuesday and")
    ("ORLANDO, Fla. (Reuters) - Mayor Jane Holloway visited the injured at two hospitals on Monday and said "
     "the city would pay for the funerals.", "the city would pay for the funerals", "Mayor Jane Holloway"),
    ("WASHINGTON (AP) — Senator Tom Harkness and Governor Ruth Ames agreed on Tuesday and said the bridge "
     "would reopen in May.", "the bridge would reopen in May", "Senator Tom Harkness and Governor Ruth Ames"),
])
def test_a_dateline_is_no_part_of_the_sentence_it_opens(extractor, text, quote, mention):
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.mention) == (quote, mention)


def test_a_speech_participle_the_parser_coordinated_with_a_noun_takes_the_clause_subject(extractor):
    text = ("Mr. Brandt released a second statement on Sunday night, describing the engineer as a hero but "
            "insisting that the company had no right to sue him.")
    r = single(extractor, text, "en")
    assert (r.text, r.cue.text, r.speaker.name) == ("that the company had no right to sue him", "insisting", "Brandt")


@pytest.mark.parametrize("text, quotes", [
    # a clause ending in a colon frames the quotation; the trailing cue reports the quotation alone
    ("Senator Ruth Ames scolded him: “The whole committee is against you on this,” she said. “You have known it for months and said nothing.”",
     [("direct", "The whole committee is against you on this,"), ("direct", "You have known it for months and said nothing.")]),
    # no colon: the sentence before the trailing cue is a mixed report, as before
    ("The committee is “against you on this,” she said.", [("mixed", "The committee is “against you on this,”")]),
])
def test_a_colon_frame_before_a_quotation_is_no_part_of_the_trailing_cue_content(extractor, text, quotes):
    rs = extractor.extract(Article(id="t", text=text, lang="en"))
    assert [(r.kind, r.text) for r in rs] == quotes


@pytest.mark.parametrize("text, name", [
    # an acronym after its article is part of the name; the first part of a compound is not one
    ("Es gebe keine wirksame Möglichkeit, sich dagegen zu wehren, schreibt der AK Vorratsdatenspeicherung auf "
     "seiner Website.", "AK Vorratsdatenspeicherung"),
    ("Die Verhandlungen seien nach Angaben der EU-Kommission gescheitert.", "EU-Kommission"),
])
def test_an_acronym_after_an_article_belongs_to_the_name(extractor, text, name):
    r = single(extractor, text, "de")
    assert r.speaker.name == name


def test_a_title_in_marks_right_after_the_cue_is_the_source_not_a_quotation(extractor):
    text = ("Die Firma will ihr Werk in Emden bis zum Sommer umbauen. Das berichtete die „Automobilwoche“ "
            "in ihrer Onlineausgabe.")
    r = single(extractor, text, "de")
    assert (r.kind, r.text, r.speaker.name) == ("indirect", "Die Firma will ihr Werk in Emden bis zum Sommer umbauen",
                                                "Automobilwoche")


@pytest.mark.parametrize("text, name, kind", [
    # German writes adjectives in lower case: a capitalised one inside a sentence opens a body's name
    ("Die Zahl der Toten sei gestiegen, meldete die Deutsche Presse-Agentur.", "Deutsche Presse-Agentur", "organization"),
    # a genitive name takes the form the article also writes ("beim Deutschen Wetterdienst")
    ("Die Vorhersagen waren nach Angaben des Deutschen Wetterdienstes (DWD) sehr gut. Die Lage sei ernst, sagte "
     "der Leiter beim Deutschen Wetterdienst, Tobias Fuchs.", "Deutschen Wetterdienst", "organization"),
    # a noun the tagger made an adjective is no such name: the role stays out of it
    ("Man werde das Werk nicht schließen, sagte der Airbus-Vorstandsvorsitzende Enders.", "Enders", "person"),
])
def test_a_capitalised_adjective_inside_a_german_sentence_opens_a_name(extractor, text, name, kind):
    r = extractor.extract(Article(id="t", text=text, lang="de"))[0]
    assert (r.speaker.name, r.speaker.type) == (name, kind)


def test_a_konjunktiv_sentence_after_a_passive_speech_verb_is_the_agents(extractor):
    text = ("Berninger sagte, dass die Regelung für große Tankstellen gelten solle.\n\nDie Forderungen Berningers "
            "wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet. Heutige Fahrzeuge seien "
            "oft gar nicht in der Lage, mit Biokraftstoffen zu fahren.")
    texts = texts_and_speakers(extractor, text, "de")
    assert ("Heutige Fahrzeuge seien oft gar nicht in der Lage, mit Biokraftstoffen zu fahren.", "Manfred Stolpe") in texts


def test_a_description_in_commas_before_an_adverb_and_the_cue_is_the_names_apposition(extractor):
    # the parser hung the name on the place before it and made the description the subject
    text = ("In a panel discussion this weekend in Washington, Marc H. Morial, the chief executive of the National "
            "Urban League, forcefully told reporters that voting was the only viable strategy.")
    r = single(extractor, text, "en")
    assert (r.text, r.speaker.name) == ("that voting was the only viable strategy", "Marc H. Morial")


@pytest.mark.parametrize("text", [
    # a document or unnamed circles name no one: no speaker "Studie", "Unternehmenskreisen", and no
    # person behind "die Studie" either
    "Die Ärztin Anna Berger stellte am Montag die Ergebnisse vor. Laut der Studie seien viele Therapien schädlich.",
    "Wie aus Unternehmenskreisen verlautete, will die Firma ihr Werk in Emden bis zum Sommer umbauen.",
])
def test_a_document_or_unnamed_circles_name_no_speaker(extractor, text):
    rs = extractor.extract(Article(id="t", text=text, lang="de"))
    assert rs and all(r.speaker is None or r.speaker.name is None for r in rs)


def test_a_rival_is_a_role_not_part_of_the_name(extractor):
    r = single(extractor, "Sein Konkurrent Mussawi sagte, er werde trotz des Verbotes zur Kundgebung gehen.", "de")
    assert r.speaker.name == "Mussawi"


@pytest.mark.parametrize("text, quote, name", [
    # the body a role belongs to is not the spokesperson's name
    ("Ein Sprecher der Deutschen Bahn sagte, die Strecke bleibe bis Montag gesperrt.",
     "die Strecke bleibe bis Montag gesperrt", None),
    # a quoted object noun after the cue's article is a quotation, not a title
    ("Scholz forderte eine „Zeitenwende“ in der Sicherheitspolitik.", "Zeitenwende", "Scholz"),
])
def test_review_cases_of_the_german_name_rules(extractor, text, quote, name):
    r = single(extractor, text, "de")
    assert (r.text, r.speaker.name if r.speaker else None) == (quote, name)


@pytest.mark.parametrize("text, name", [
    ("Verteidigungsministerin Christine Lambrecht wurde von Berlin aus zugeschaltet. Die Truppe sei gut ausgerüstet.",
     "Christine Lambrecht"),
    ("Gewerkschaftschef Frank Werneke wurde von den Delegierten mit großer Mehrheit wiedergewählt. Der Arbeitskampf "
     "werde weitergehen.", "Frank Werneke"),
])
def test_a_passive_verb_that_reports_nothing_leaves_the_konjunktiv_to_its_subject(extractor, text, name):
    rs = texts_and_speakers(extractor, text, "de")
    assert rs[-1][1] == name
