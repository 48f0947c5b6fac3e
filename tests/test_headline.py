"""Headline attributions "<who>: <claim>" (quotes/headline.py): the surface test, the prefilter
parsing such a headline, and the record the extractor makes of it, on invented articles."""

from __future__ import annotations

from quotes.article import Article
from quotes.headline import headline_claim
from quotes.parse import paragraphs
from quotes.prefilter import CandidateSelector
from quotes.rules import load_rules

EN = load_rules("en")


def claim(text: str):
    head = headline_claim(text, EN.stopword_set, EN.body_word_set)
    return None if head is None else (text[slice(*head.who)], text[slice(*head.claim)])


def test_a_surname_the_body_writes_with_a_first_name_is_the_speaker():
    text = "Pence: Flowers Won’t Be at the Debate.\n\nMike Pence told reporters on Sunday that nobody was invited."
    assert claim(text) == ("Pence", "Flowers Won’t Be at the Debate")


def test_a_first_name_in_the_headline_is_enough_and_the_last_person_is_the_head():
    assert claim("Pat Caddell: Voters Are Worried About Her Health.\n\nThe pollster spoke on radio.") == (
        "Pat Caddell", "Voters Are Worried About Her Health")
    assert claim("McCain Rival Kelli Ward: Impeach the Attorney General Now.\n\nJohn McCain did not answer.") == (
        "Kelli Ward", "Impeach the Attorney General Now")


def test_section_labels_and_headlines_that_name_nobody_are_no_attribution():
    body = "\n\nThe Latest news from the campaign, as polls show a close race. Mike Pence spoke."
    assert claim("Poll: Voters Abandon the Party in Droves." + body) is None
    assert claim("The Latest: Trump urges supporters to vote early." + body) is None  # "The" is in the first-name list
    assert claim("EXCLUSIVE: Saudis insist they are fighting terror." + body) is None


def test_the_speaker_ends_a_run_of_words_between_stopwords():
    body = "\n\nBernie Sanders and Mike Pence spoke, as Hillary Clinton did; the Washington Post was there."
    assert claim("Clinton to Planned Parenthood: Trump Will Reverse Roe v. Wade." + body) == (
        "Clinton", "Trump Will Reverse Roe v. Wade")
    assert claim("A Lesson From Loretta Lynch: Be the Voice People Hear." + body) == (
        "Loretta Lynch", "Be the Voice People Hear")
    # the person is not the run's last word: someone else speaks
    assert claim("Sarah Silverman Heckles Sanders Supporters: You Are Being Ridiculous." + body) is None
    assert claim("Pence Aide: The Governor Will Not Attend the Debate." + body) is None
    # a medium is nobody's surname, though "Washington" is a first name
    assert claim("NY Post: Megyn Kelly Is No Different Than Anyone." + body) is None
    # after a first name in the headline such a word is a surname
    assert claim("Vicente Fox: Mexico Will Not Pay for That Wall.\n\nVicente Fox spoke in Mexico City.") == (
        "Vicente Fox", "Mexico Will Not Pay for That Wall")


def test_only_a_short_first_line_with_a_body_after_it_is_a_headline():
    assert claim("Pence: Flowers Won’t Be at the Debate.") is None  # nothing after it
    long_lead = "Pence: " + " ".join(["word"] * 40) + "\n\nMike Pence spoke."
    assert claim(long_lead) is None
    assert claim("Pence: Yes.\n\nMike Pence spoke.") is None  # a claim of fewer than three words


def test_the_prefilter_parses_such_a_headline_though_it_has_no_cue():
    rules = load_rules("en")
    text = "Pence: Flowers Won’t Be at the Debate.\n\nThe weather in Ohio was fine on Sunday, Mike Pence noted."
    selector = CandidateSelector(rules)
    assert 0 in selector.paragraphs(text, paragraphs(text))
    label = "Poll: Voters Abandon the Party in Droves.\n\nThe weather in Ohio was fine on Sunday, Mike Pence noted."
    assert 0 not in selector.paragraphs(label, paragraphs(label))


def records(extractor, text, lang):
    return [(q.kind, q.text, q.speaker.name if q.speaker else None)
            for q in extractor.extract(Article(id="t", text=text, lang=lang))]


def test_headline_claim_is_a_record_of_the_person_en(extractor):
    text = ("Pence: Flowers Won’t Be at the Debate.\n\n"
            "Republican vice presidential candidate Mike Pence spoke to reporters in Ohio on Sunday.\n")
    assert records(extractor, text, "en") == [("indirect", "Flowers Won’t Be at the Debate", "Mike Pence")]


def test_headline_claim_with_quoted_words_is_mixed_and_labels_give_none_de(extractor):
    text = ("Weber: Die Reform ist „ein Fehler“ und kommt zu spät.\n\n"
            "Die Ministerin Anna Weber sprach am Montag im Landtag.\n")
    assert records(extractor, text, "de") == [("mixed", "Die Reform ist „ein Fehler“ und kommt zu spät", "Anna Weber")]
    label = "Landtag: Bundespolitik überlagert die Debatte über Schulen.\n\nDie Ministerin Anna Weber sprach am Montag.\n"
    assert records(extractor, label, "de") == []
