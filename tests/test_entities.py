"""Speakers as entities of the article: the failure classes of real news, on invented sentences in
both languages, asserting the speaker entity, role and outlet."""

from __future__ import annotations

import pytest

from quotes.article import Article
from quotes.entities import EntityBuilder, fold, plausible_name, same_word
from quotes.rules import load_rules


def quotes(extractor, text, lang):
    return extractor.extract(Article(id="t", text=text, lang=lang))


def who(extractor, text, lang):
    """(text, speaker name, entity id, via, role, outlet) per quote."""
    return [(q.text, q.speaker.name if q.speaker else None, q.speaker.entity if q.speaker else None,
             q.speaker.via if q.speaker else None, q.role, q.outlet.name if q.outlet else None)
            for q in quotes(extractor, text, lang)]


# --- the addressee is never the speaker of its own sentence -------------------------------------

def test_dative_addressee_is_not_the_speaker_de(extractor):
    text = ("Außenminister Paul Weber reiste am Montag nach Wien. Er teilte seinem österreichischen "
            "Amtskollegen Jan Berger mit, dass die Gespräche weitergehen würden. Er betonte, man sei sich einig.")
    got = who(extractor, text, "de")
    assert [(t, n, e) for t, n, e, *_ in got] == [
        ("dass die Gespräche weitergehen würden", "Paul Weber", "e1"),
        ("man sei sich einig", "Paul Weber", "e1")]
    assert got[0][4] == "Außenminister"


def test_told_object_is_not_the_speaker_en(extractor):
    text = ("Foreign Minister Paul Weber travelled to Vienna on Monday. He told his Austrian counterpart "
            "Jan Berger that the talks would go on. He stressed that both sides agreed.")
    got = who(extractor, text, "en")
    assert [(t, n, e, v) for t, n, e, v, *_ in got] == [
        ("that the talks would go on", "Paul Weber", "e1", "pronoun"),
        ("that both sides agreed", "Paul Weber", "e1", "pronoun")]
    assert got[0][4] == "Foreign Minister"


# --- the medium that carries the words is the outlet, not the speaker ---------------------------

def test_medium_told_is_the_outlet_de(extractor):
    text = "Die Gewerkschaft droht mit Streiks. „Wir sind bereit“, sagte Anna Berg der „Süddeutschen Zeitung“."
    assert who(extractor, text, "de") == [("Wir sind bereit", "Anna Berg", "e1", "subject", None, "Süddeutschen Zeitung")]


def test_medium_told_is_the_outlet_en(extractor):
    text = 'The union is threatening strikes. "We are ready," Anna Berg told The Washington Post.'
    assert who(extractor, text, "en") == [("We are ready,", "Anna Berg", "e1", "subject", None, "Washington Post")]


def test_medium_that_speaks_is_the_speaker_not_an_outlet(extractor):
    text = "The Washington Post reported that the senator would resign."
    (q,) = quotes(extractor, text, "en")
    assert q.speaker.name == "Washington Post" and q.outlet is None


# --- descriptions and short forms link to the person named earlier ------------------------------

def test_description_links_to_the_person_with_that_role_de(extractor):
    text = ("Die bayerische Wirtschaftsministerin Anna Berg eröffnete am Montag die Messe in München. "
            "„Wir brauchen mehr Fachkräfte“, sagte die Ministerin.")
    assert who(extractor, text, "de") == [
        ("Wir brauchen mehr Fachkräfte", "Anna Berg", "e1", "description", "bayerische Wirtschaftsministerin", None)]


def test_description_links_to_the_person_with_that_role_en(extractor):
    text = 'Coach Tom Miller praised his players after the game. "We played really well today," the coach said.'
    assert who(extractor, text, "en") == [
        ("We played really well today,", "Tom Miller", "e1", "description", "Coach", None)]


def test_description_named_after_it_en(extractor):
    # "said Chinese Foreign Minister on Monday", the name in the next paragraph
    text = ("China will strengthen its cooperation with Kazakhstan, said Chinese Foreign Minister on Monday.\n\n"
            "Paul Weber, who is also a state councilor, made the comments during a call with Kazakh "
            "Foreign Minister Jan Berger.")
    q = quotes(extractor, text, "en")[0]
    assert q.text == "China will strengthen its cooperation with Kazakhstan" and q.speaker.name == "Paul Weber"


# --- a surname that is also a common word is a name ---------------------------------------------

@pytest.mark.parametrize("lang,text,name,role", [
    ("de", "Der hessische Ministerpräsident Roland Koch verteidigte den Haushalt. „Wir sparen, wo es geht“, sagte Koch.",
     "Roland Koch", "hessische Ministerpräsident"),
    ("en", 'Senator Andrew Young defended the budget on Tuesday. "We cut where we can," said Young.',
     "Andrew Young", "Senator"),
])
def test_surname_that_is_a_word(extractor, lang, text, name, role):
    ((_, n, e, v, r, _),) = who(extractor, text, lang)
    assert (n, e, v, r) == (name, "e1", "subject", role)


# --- runs of quotes keep their speaker ------------------------------------------------------------

def test_colon_attribution_and_bare_quote_after_it_de(extractor):
    text = ("Innenminister Roger Lewentz äußerte sich am Dienstag zu dem Anschlag.\n\n"
            "Lewentz: „Die Täter werden wir finden.“\n\n„Wir arbeiten mit allen Behörden zusammen.“")
    assert [(t, n, e, v) for t, n, e, v, *_ in who(extractor, text, "de")] == [
        ("Die Täter werden wir finden.", "Roger Lewentz", "e1", "colon"),
        ("Wir arbeiten mit allen Behörden zusammen.", "Roger Lewentz", "e1", "continuation")]


def test_speaker_label_inside_the_quotation_en(extractor):
    text = 'Senator Anna Grant spoke to Chris Wallace on Sunday.\n\n"WALLACE: Will you run for president again next year?"'
    assert [(t, n, e, v) for t, n, e, v, *_ in who(extractor, text, "en")] == [
        ("Will you run for president again next year?", "Chris Wallace", "e1", "colon")]


def test_he_added_after_a_quote_en(extractor):
    text = ('Mayor Lisa Grant spoke to residents on Friday. "The water is safe to drink," Grant said. '
            '"We test it every day," she added.')
    got = who(extractor, text, "en")
    assert [(n, e) for _, n, e, *_ in got] == [("Lisa Grant", "e1")] * 2
    assert got[1][3] == "pronoun" and got[1][4] == "Mayor"


# --- no word that is no name becomes a speaker ----------------------------------------------------

def test_sentence_adverb_is_no_speaker_en(extractor):
    (q,) = quotes(extractor, "Meanwhile, the minister said the plan would fail.", "en")
    assert q.speaker is not None and q.speaker.name is None and q.role == "minister"


def test_stray_word_before_a_surname_de(extractor):
    text = ("Der Unternehmer Sven Lehmann sprach zuerst. Statt Lehmann sprach dann der Organisator. "
            "Lehmann sagte, er habe nichts damit zu tun.")
    assert all(n != "Statt Lehmann" for _, n, *_ in who(extractor, text, "de"))


# --- one person spelled two ways is one entity ----------------------------------------------------

@pytest.mark.parametrize("lang,text,first,second", [
    ("de", "Präsident Kassym-Jomart Tokajew rief den Notstand aus. Tokayev sagte, die Lage sei unter Kontrolle.",
     "Tokajew", "Tokayev"),
    ("en", "President Kassym-Jomart Tokayev declared a state of emergency. Tokajew said the situation was under control.",
     "Tokayev", "Tokajew"),
])
def test_spelling_variants_are_one_entity(extractor, lang, text, first, second):
    (q,) = quotes(extractor, text, lang)
    assert q.speaker.name == f"Kassym-Jomart {first}" and q.speaker.entity == "e1"
    assert second in q.speaker.aliases and q.role.lower() == "präsident" if lang == "de" else q.role == "President"


def test_a_title_case_headline_adds_no_word_to_a_name_en(extractor):
    # the tagger reads every capital of the headline as a name: "Calls" must not become the
    # surname of "Chris Jordan", or "Jordan," is nobody's mention and "he" goes to Mark Ellis
    text = ("Chris Jordan Calls Mary Stone ‘A Disgrace’ Over Police Comments.\n\n"
            "New Jersey Gov. Chris Jordan described Mayor Mary Stone as a “disgrace” after she attacked police officers.\n\n"
            "Jordan, who has campaigned for Governor Mark Ellis since he left the council, blasted Stone on Tuesday.\n\n"
            "“She’s a disgrace and those comments are a disgrace,” he said.\n")
    assert [(t, n, e) for t, n, e, *_ in who(extractor, text, "en")] == [
        ("Mayor Mary Stone as a “disgrace”", "Chris Jordan", "e1"),
        ("She’s a disgrace and those comments are a disgrace,", "Chris Jordan", "e1")]


def _tagged_doc(text, tags):
    """A ParsedDoc of `text` split at words and full stops, tagged PROPN unless `tags` says otherwise."""
    import re

    from quotes.parse import SentenceTokens, build_doc, paragraphs

    sents = []
    for para, (a, b) in enumerate(paragraphs(text)):
        toks = [(m.group(), a + m.start(), a + m.end()) for m in re.finditer(r"\w+|\.", text[a:b])]
        n = len(toks)
        sents.append(SentenceTokens(para, [t for t, _, _ in toks], [s for _, s, _ in toks], [e for _, _, e in toks],
                                    [[t for t, _, _ in toks], [tags.get(t, "PROPN") for t, _, _ in toks],
                                     [""] * n, [0] * n, ["dep"] * n]))
    return build_doc(text, paragraphs(text), sents)


def test_document_names_leave_title_case_headlines_out():
    # a tagger that reads every capital of the headline as a proper noun (as the local models do)
    from quotes.mentions import Mentions

    text = "Republican Donor Adelson and Trump Agree on Israel.\n\nDonor Sheldon Adelson praised him."
    tags = {".": "PUNCT", "praised": "VERB", "him": "PRON", "and": "CCONJ", "on": "ADP"}
    names = Mentions(load_rules("en")).document_names(_tagged_doc(text, tags))
    assert "Sheldon Adelson" in " ".join(names) and not any("Republican" in n for n in names)
    # German capitalises nouns: a caption of nouns and names is no title-case headline
    text = "Bayerns Ministerpräsident Markus Söder.\n\nEr sprach lange."
    tags = {".": "PUNCT", "Ministerpräsident": "NOUN", "Er": "PRON", "sprach": "VERB", "lange": "ADV"}
    assert "Markus Söder" in Mentions(load_rules("de")).document_names(_tagged_doc(text, tags))


def test_an_adjective_opens_an_organizations_name_only_where_nouns_are_lower_case():
    from quotes.mentions import Mentions

    # the same tagging (a German noun the tagger took for an adjective, before a medium's name):
    # English rules take the adjective into the name, German ones do not
    text = "Die Nachrichtenagentur AFP meldete das."
    doc = _tagged_doc(text, {"Die": "DET", "Nachrichtenagentur": "ADJ", "meldete": "VERB", "das": "PRON", ".": "PUNCT"})
    runs = {lang: [m.text_of(doc, a, b) for a, b in m.name_runs(doc, 0, len(doc.words))]
            for lang, m in (("de", Mentions(load_rules("de"))), ("en", Mentions(load_rules("en"))))}
    assert runs == {"de": ["AFP"], "en": ["Nachrichtenagentur AFP"]}


def test_a_lone_surname_is_the_nearest_full_name_before_it_en(extractor):
    text = ("Hillary Clinton said on Tuesday that the campaign would go on.\n\n"
            "Former President Bill Clinton told voters in Boston that he was proud of her.\n\n"
            "Clinton added, “as long as we’re not violating any election laws.”\n")
    assert [(t, n) for t, n, *_ in who(extractor, text, "en")] == [
        ("that the campaign would go on", "Hillary Clinton"), ("that he was proud of her", "Bill Clinton"),
        ("as long as we’re not violating any election laws.", "Bill Clinton")]


def test_fold_and_same_word():
    assert fold("Tokajew") == fold("Tokayev")
    assert same_word("Selenskyj", "Selensky") and not same_word("Weber", "Berger")
    assert not same_word("Koch", "Kohl")


def test_entity_table_from_text_alone():
    rules = load_rules("de")
    text = ("Die bayerische Wirtschaftsministerin Anna Berg (CSU) eröffnete die Messe. Frau Berg sprach "
            "lange. Später sagte Berg, der Deutsche Wetterdienst (DWD) habe gewarnt.")
    table = EntityBuilder(rules).build(text, [("Deutscher Wetterdienst", "organization")], {})
    berg = table.lookup("Berg")
    assert berg.name == "Anna Berg" and berg.gender == "f" and berg.roles == ["bayerische Wirtschaftsministerin"]
    assert [text[a:b] for a, b in berg.mentions] == ["Anna Berg", "Berg", "Berg"]
    assert "CSU" not in berg.aliases  # a person's parenthesis holds the party, not an alias
    assert table.lookup("Frau Berg") is berg and table.lookup("Statt Berg") is berg


def test_plausible_name():
    text = "Meanwhile, the minister spoke. Meanwhile, nothing happened. Later Russia said no."
    assert not plausible_name(text, "Meanwhile")
    assert plausible_name(text, "Russia") and plausible_name(text, "Melanie")


@pytest.mark.parametrize("lang,text,quote", [
    ("de", "Statt Paul Weber stellte der Mitorganisator Jan Kraus die Fragen. Er sagte, man wolle eine faire Rechnung.",
     "man wolle eine faire Rechnung"),
    ("en", "Instead of Paul Weber, organiser Jan Kraus asked the questions. He said that the bill was unfair.",
     "that the bill was unfair"),
])
def test_a_person_after_a_preposition_is_not_the_subject(extractor, lang, text, quote):
    """"Statt Liebich stellte Donatus Schmidt die Fragen. Er sagte, …": the pronoun is Schmidt's."""
    assert [(t, n) for t, n, *_ in who(extractor, text, lang)] == [(quote, "Jan Kraus")]


@pytest.mark.parametrize("lang,text", [
    ("de", "Präsident Paul Weber eröffnete die Sitzung. Der Vertreter Libyens sagte, man sei enttäuscht."),
    ("de", "Präsident Paul Weber eröffnete die Sitzung. Die Organisation „Reporter ohne Grenzen“ erklärte, man sei enttäuscht."),
])
def test_a_description_with_its_own_qualifier_points_back_to_nobody(extractor, lang, text):
    (q,) = quotes(extractor, text, lang)
    assert q.speaker is not None and q.speaker.name != "Paul Weber"


# --- the mention: what it names, not its possessor, its neighbour or a word before it -------------

@pytest.mark.parametrize("lang,text,quote,name,role", [
    ("en", "Meanwhile, Qatar’s foreign minister said the attacks violated all human values.",
     "the attacks violated all human values", None, "Qatar’s foreign minister"),
    ("en", "David Grigson, Reuters’ finance director, said the delay was temporary.",
     "the delay was temporary", "David Grigson", None),
    ("en", "Minyon Moore, a senior adviser to the Clinton campaign, said the remarks were a wake-up call.",
     "the remarks were a wake-up call", "Minyon Moore", None),
])
def test_a_possessor_or_complement_is_not_the_speaker(extractor, lang, text, quote, name, role):
    (q,) = quotes(extractor, text, lang)
    assert (q.text, q.speaker.name) == (quote, name)
    if role:
        assert q.role == role and q.speaker.mention == role


@pytest.mark.parametrize("lang,text,quote", [
    ("de", "Grund ist der Unternehmer Sven Liebich, einst Vorsitzender der Partei, der nach eigenen Angaben "
           "nichts mehr mit der Szene zu tun hat.", "der nach eigenen Angaben nichts mehr mit der Szene zu tun hat"),
    ("de", "Niklaus Scherr von der AL war nach eigenen Angaben überwältigt vom Wahlergebnis.",
     "Niklaus Scherr von der AL war nach eigenen Angaben überwältigt vom Wahlergebnis"),
])
def test_own_account_is_the_clause_subjects_de(extractor, lang, text, quote):
    """"nach eigenen Angaben": the subject of the clause speaks; a relative pronoun stands for the
    noun its clause hangs on."""
    got = who(extractor, text, lang)
    assert len(got) == 1 and got[0][1] in ("Sven Liebich", "Niklaus Scherr") and got[0][1].split()[-1] in text


def test_organisation_named_by_its_head_noun_and_its_body_word(extractor):
    text = ("Die Vorhersagen waren nach Angaben des Deutschen Wetterdienstes sehr gut. Ein Meteorologe beim "
            "Deutschen Wetterdienst sagte, man habe rechtzeitig gewarnt.")
    assert who(extractor, text, "de")[0][:2] == ("Die Vorhersagen waren nach Angaben des Deutschen Wetterdienstes sehr gut",
                                                 "Deutschen Wetterdienst")
    (q,) = quotes(extractor, "Four people were shot in Detroit on Sunday. Detroit police said the man was shot once "
                             "and survived.", "en")
    assert (q.text, q.speaker.name, q.speaker.type) == ("the man was shot once and survived", "Detroit police", "organization")


def test_a_name_completed_from_elsewhere_is_one_entity_de():
    """The parse typed "Aiwanger" no person; completed from "Hubert Aiwanger" it is that person,
    not a second entity of the same name."""
    text = ("Hubert Aiwanger, Chef der Freien Wähler, sprach im Landtag. Aiwanger erklärte später, "
            "die Regierung habe versagt.")
    table = EntityBuilder(load_rules("de")).build(text, [("Aiwanger", "unknown")], {})
    assert [(e.name, e.kind) for e in table.entities] == [("Hubert Aiwanger", "person")]
    assert [text[a:b] for a, b in table.entities[0].mentions] == ["Hubert Aiwanger", "Aiwanger"]


@pytest.mark.parametrize("lang,text,name", [
    ("de", "Bundestrainer Alfred Gislason war enttäuscht. „Ich ärgere mich schwarz“, so der Isländer.", "Alfred Gislason"),
    ("en", "“We can do anything better when we work together,” echoed Governor Tom Wolf.", "Tom Wolf"),
])
def test_a_common_noun_description_and_an_unlisted_verb(extractor, lang, text, name):
    (q,) = quotes(extractor, text, lang)
    assert q.speaker.name == name


def test_a_pronoun_is_never_someone_its_own_quote_names(extractor):
    text = ("Grünen-Chef Robert Habeck hat das Ergebnis als großen Wahlsieg gewertet. Ministerpräsident Winfried "
            "Kretschmann sei eine herausragende Persönlichkeit, sagte er am Sonntagabend.")
    got = [(n, v) for t, n, e, v, *_ in who(extractor, text, "de")]
    assert got[-1] == ("Robert Habeck", "pronoun")


# --- roles: from appositions and from descriptions anywhere in the article -------------------------

def test_role_from_a_description_that_speaks_nowhere_en(extractor):
    """"the Dutchman stumbled": no quote's mention, still the role the article gives the climber."""
    text = ("Wilco van Rooijen survived the night on the mountain. At one point, the Dutchman stumbled "
            "across three climbers. \"They were trying to survive,\" van Rooijen said.")
    (q,) = quotes(extractor, text, "en")
    assert (q.speaker.name, q.role) == ("Wilco van Rooijen", "Dutchman")


def test_role_from_a_description_that_speaks_nowhere_de(extractor):
    text = ("Anna Berg eröffnete am Montag die Messe in Nürnberg. Die Ministerin besuchte danach mehrere Stände. "
            "Berg sagte, die Lage sei gut.")
    (q,) = quotes(extractor, text, "de")
    assert (q.speaker.name, q.role) == ("Anna Berg", "Ministerin")


def test_apposition_role_whose_noun_comes_late_en(extractor):
    text = ("\"When will this end?\" said Robert Stefanski, the WMO's applied climate services chief, "
            "who predicted a peak on Tuesday.")
    (q,) = quotes(extractor, text, "en")
    assert (q.speaker.name, q.role) == ("Robert Stefanski", "the WMO's applied climate services chief".removeprefix("the "))


@pytest.mark.parametrize("text", [
    # a role noun ending the sentence before the name describes someone else
    "Donald Trump wrote tweets criticizing Alicia Machado, the former beauty pageant winner. Trump said she was a con.",
    # an age in a relative clause is no role
    "Voters questioned the health of Donald Trump, who is 70. Trump said he was fine.",
    # a participle clause in commas is no role (the parse tags its first word a verb)
    "Donald Trump sent a letter. It came from Trump, addressed to fellow conservatives, on Friday. Trump said he was fine.",
])
def test_what_is_not_a_role_en(extractor, text):
    (q,) = quotes(extractor, text, "en")
    assert (q.speaker.name, q.role) == ("Donald Trump", None)


def test_an_organisations_body_word_points_back_however_far_en(extractor):
    text = ("Four people were shot in Detroit on Sunday. Detroit police said a suspect was arrested. "
            "The victims were waiting for a bus. One man walked a dog. Another sat in a car. Residents were "
            "shocked. The city mourned. Schools stayed open. Police said the man was shot once and survived.")
    got = who(extractor, text, "en")
    assert [(t, n) for t, n, *_ in got] == [("a suspect was arrested", "Detroit police"),
                                           ("the man was shot once and survived", "Detroit police")]
    assert got[0][2] == got[1][2]


# --- interviews and runs of reports -----------------------------------------------------------------

INTERVIEW_DE = ("Bürgermeisterin Anna Berg, wie fühlt sich das an?\n\n"
                "Berg: Neu und ungewohnt. Ich muss mich erst daran gewöhnen.\n\n"
                "Was haben Sie als Erstes vor?\n\n"
                "Berg: Ich möchte die Schulen der Stadt besuchen, weil sie so wichtig sind.\n\n"
                "Das Interview führte Paul Weber\n")


def test_interview_turns_are_direct_quotes_of_their_speakers_de(extractor):
    got = who(extractor, INTERVIEW_DE, "de")
    assert [(t, n) for t, n, *_ in got] == [
        ("Bürgermeisterin Anna Berg, wie fühlt sich das an?", "Paul Weber"),
        ("Neu und ungewohnt. Ich muss mich erst daran gewöhnen.", "Anna Berg"),
        ("Was haben Sie als Erstes vor?", "Paul Weber"),
        ("Ich möchte die Schulen der Stadt besuchen, weil sie so wichtig sind.", "Anna Berg")]
    assert all(q.kind == "direct" and q.cue is None for q in quotes(extractor, INTERVIEW_DE, "de"))
    assert got[1][4] == "Bürgermeisterin"


def test_interview_questions_need_a_named_interviewer_and_labels_must_repeat_en(extractor):
    text = ("What did you see?\n\nCollins: We saw the storm coming for hours.\n\n"
            "And then?\n\nCollins: Then the roof was gone.\n")
    assert [(t, n) for t, n, *_ in who(extractor, text, "en")] == [
        ("We saw the storm coming for hours.", "Collins"), ("Then the roof was gone.", "Collins")]
    # one label is a heading, not an interview
    assert who(extractor, "Update: The storm has passed. Residents returned home on Monday.", "en") == []


def test_a_second_speech_verb_ends_the_first_report_en(extractor):
    text = "Passengers told relatives that the plane had to divert but said they were not given any details."
    assert [t for t, *_ in who(extractor, text, "en")] == [
        "that the plane had to divert", "they were not given any details"]


def test_first_name_table_gives_gender_guessers_answers(tmp_path, monkeypatch):
    """The first-name table kept in the cache folder answers as gender-guesser does, and a torn
    table is made again."""
    import json

    import gender_guesser.detector as gd

    from quotes import entities

    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path))
    entities._first_names.cache_clear()
    entities.first_name_gender.cache_clear()
    detector = gd.Detector(case_sensitive=False)
    sample = list(detector.names)[::97] + ["Anna", "Olaf", "Andrea", "Zoë", "Jean-Luc", "Wang", "Berg"]
    table = entities._first_names()
    assert all(table.get(n.lower(), "unknown") == detector.get_gender(n) for n in sample)
    (kept,) = tmp_path.glob("first-names-*.json")
    kept.write_text('{"anna": "ma', encoding="utf-8")  # torn
    entities._first_names.cache_clear()
    entities.first_name_gender.cache_clear()
    assert entities.first_name_gender("Anna") == "f" and entities.first_name_gender("Olaf") == "m"
    assert entities.first_name_gender("Jean-Luc") == "m" and entities.first_name_gender("Berg") is None
    assert json.loads(kept.read_text(encoding="utf-8"))["anna"] == "female"
    entities._first_names.cache_clear()
    entities.first_name_gender.cache_clear()


@pytest.mark.parametrize("lang, text, names", [
    # gender-guesser knows "Andere" and "One" as first names; opening a sentence, a word the article
    # also writes in lower case ("anderen", "one") is that word, not the start of a name
    ("de", "Andere Möglichkeiten schloss er aus. Die anderen Wege sind zu. Mark Weber kam.", ["Mark Weber"]),
    ("en", "One Republican said no. He is the one. Later Mark Weber came.", ["Mark Weber"]),
    # a name that opens a sentence stays one when the article never writes its first word in lower case
    ("de", "Jens Wieseke fordert freie Sicht. Die anderen Wege sind zu.", ["Jens Wieseke"]),
])
def test_a_sentence_opening_word_the_article_writes_in_lower_case_opens_no_name(lang, text, names):
    assert [n for _, _, n in EntityBuilder(load_rules(lang)).person_names(text)] == names


@pytest.mark.parametrize("word, role", [
    # English writes nouns in lower case: a capitalised word is a role only whole or after a hyphen
    ("Sotomayor", False), ("Kissinger", False), ("Mayor", True), ("Oscar-winner", True), ("mayor", True),
])
def test_a_capitalised_english_word_ending_in_a_role_noun_is_no_role(word, role):
    assert load_rules("en").is_role_noun(word) is role


def test_a_german_compound_ending_in_a_role_noun_is_one():
    assert load_rules("de").is_role_noun("Bürgermeisterin")


def test_a_genitive_after_a_noun_stays_in_its_phrase_where_the_parser_hung_it_on_the_verb():
    # the parse of "… laut Vorschlag der CDU am Mittwoch stattfinden": "CDU" the verb's object
    from quotes.mentions import Mentions
    from quotes.parse import SentenceTokens, build_doc, paragraphs

    text = "Sie sollen laut Vorschlag der CDU am Mittwoch stattfinden."
    toks = text[:-1].split() + ["."]
    starts, at = [], 0
    for t in toks:
        at = text.index(t, at)
        starts.append(at)
        at += len(t)
    upos = ["PRON", "AUX", "ADP", "NOUN", "DET", "NOUN", "ADP", "NOUN", "VERB", "PUNCT"]
    feats = ["", "", "", "Case=Acc", "Case=Gen", "Case=Gen", "", "Case=Dat", "", ""]
    heads = [9, 9, 4, 9, 6, 9, 8, 9, 0, 9]  # 1-based; "der" hangs on "CDU", "CDU" on the verb
    rels = ["nsubj", "aux", "case", "obl", "det", "obj", "case", "obl", "root", "punct"]
    doc = build_doc(text, paragraphs(text), [SentenceTokens(0, toks, starts, [s + len(t) for s, t in zip(starts, toks)],
                                                            [toks, upos, feats, heads, rels])])
    a, b = Mentions(load_rules("de")).phrase_after(doc, 3, len(toks))
    assert " ".join(toks[a:b]) == "Vorschlag der CDU"


def test_a_compound_source_noun_splits_off_its_body():
    rules = load_rules("de")
    assert [rules.compound_source(w) for w in ("Polizeiangaben", "Unternehmensangaben", "UNHCR-Angaben",
                                                "Angaben", "Zeugenaussagen")] == ["Polizei", "Unternehmen", "UNHCR", None, None]


def test_nach_polizeiangaben_is_the_police_of_the_article(extractor):
    # "nach Polizeiangaben": the police the article quoted before speak; with none, no one
    text = ("Wie die Polizei in Mittelfranken berichtet, ist die Lage ruhig. "
            "Der Fahrer war nach Polizeiangaben nicht betrunken.")
    (first, second) = extractor.extract(Article(id="t", text=text, lang="de"))
    assert (second.text, second.speaker.name, second.speaker.mention, second.speaker.via) == (
        "Der Fahrer war nach Polizeiangaben nicht betrunken", first.speaker.name, "Polizeiangaben", "preposition")
    assert second.speaker.entity == first.speaker.entity and first.speaker.name.startswith("Polizei")
    (alone,) = extractor.extract(Article(id="t", text="Der Fahrer war nach Polizeiangaben nicht betrunken.", lang="de"))
    assert alone.speaker is None


def test_a_first_name_opening_an_organisation_name_is_no_person():
    # gender-guesser knows "Urban" and "George" as first names: the words before "Center",
    # "University", "News" belong to a body's name, not to a person "Urban-Brookings Tax"
    builder = EntityBuilder(load_rules("en"))
    text = ("Burman directs the Urban-Brookings Tax Policy Center. J.M. Berger of George Washington University "
            "spoke, and Ruth Marcus wrote for the New York Daily News.")
    assert [n for _, _, n in builder.person_names(text)] == ["Ruth Marcus"]


@pytest.mark.parametrize("text, name", [
    # a common noun for the medium, or for the body before an acronym, is no part of the name
    ("Die französische Nachrichtenagentur AFP berichtete, dass eine Übung geplant sei.", "AFP"),
    ("Der Weltverband FIFA teilte mit, dass das Turnier verlegt werde.", "FIFA"),
    ("In China Daily stand ein Bericht. Wie die Zeitung China Daily schreibt, sind die Fluten die schwersten seit Jahren.",
     "China Daily"),
    # a body named with its place keeps it, and a medium whose name the article never writes alone
    ("Die Staatsanwaltschaft Oslo teilte mit, dass Anklage erhoben werde.", "Staatsanwaltschaft Oslo"),
    ("Der Sender Freies Berlin berichtete, dass die Lage ruhig sei.", "Sender Freies Berlin"),
])
def test_a_kind_word_before_a_name_is_no_part_of_it(extractor, text, name):
    assert quotes(extractor, text, "de")[0].speaker.name == name


def test_an_honorific_picks_the_full_name_of_its_sex(extractor):
    # "Mrs. Clinton" is Hillary, "Mr. Clinton" Bill, whichever was named last; "Mr. Obama" is not the
    # article's only full Obama, Michelle: he keeps the name as written
    text = 'Bill Clinton and Hillary Clinton arrived. "We are glad," Mrs. Clinton said. "So am I," Mr. Clinton said.'
    assert [q.speaker.name for q in quotes(extractor, text, "en")] == ["Hillary Clinton", "Bill Clinton"]
    text = 'Michelle Obama spoke first. "It is about me," Mr. Obama said.'
    (q,) = quotes(extractor, text, "en")
    assert q.speaker.name == "Obama"


def test_an_honorific_written_without_its_stop_is_no_surname():
    # "Christian Rev. Derek Penwell": "Christian" is a first name, "Rev" (of "Rev.") no surname
    builder = EntityBuilder(load_rules("en"))
    text = "The mourners met Christian Rev. Derek Penwell and Gen. Mark Milley on Sunday."
    assert [n for _, _, n in builder.person_names(text)] == ["Derek Penwell", "Mark Milley"]


def test_a_german_name_before_a_capitalised_object_is_still_a_person():
    # German capitalises nouns: "Olaf Scholz | Regierung und Opposition" is a name and an object, not
    # a body's name; only words the parse tagged proper nouns continue a body's name
    builder = EntityBuilder(load_rules("de"))
    text = "Am Montag hat Olaf Scholz Regierung und Opposition zur Einigkeit aufgerufen."
    assert [n for _, _, n in builder.person_names(text)] == ["Olaf Scholz"]


def test_a_role_word_inside_a_bodys_name_makes_no_person(extractor):
    qs = quotes(extractor, "The Republican Party said the vote was rigged. The party also said it would appeal.", "en")
    assert [(q.speaker.name, q.speaker.type) for q in qs] == [("Republican Party", "organization")] * 2


def test_a_name_after_a_body_in_the_prepositional_phrase_is_the_persons(extractor):
    # "of the Federal Reserve | Jerome Powell": the body's name runs into the person's; he speaks
    (q,) = quotes(extractor, "The chairman of the Federal Reserve Jerome Powell said rates would stay low.", "en")
    assert q.speaker.name == "Jerome Powell"


def test_an_honorific_before_another_name_says_nothing_of_the_speaker(extractor):
    text = ("Mrs. Clinton's campaign chairman, John Podesta, said the emails were stolen. "
            "\"We will not comment,\" Mr. Podesta said.")
    qs = quotes(extractor, text, "en")
    assert [q.speaker.name for q in qs] == ["John Podesta"] * 2 and qs[0].speaker.entity == qs[1].speaker.entity


def test_a_compound_of_a_medium_word_names_no_one(extractor):
    # "nach Zeitungsberichten" are newspaper reports in general, not the Süddeutsche Zeitung's
    rules = load_rules("de")
    assert [rules.compound_source(w) for w in ("Zeitungsberichten", "Medienberichten")] == [None, None]
    text = "Die Süddeutsche Zeitung berichtete, dass er gehe. Er will nach Zeitungsberichten zurücktreten."
    assert quotes(extractor, text, "de")[-1].speaker is None
