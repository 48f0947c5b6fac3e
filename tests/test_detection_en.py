"""Where an English report's content ends, and which frame is the outer one (issue 17), each on
invented sentences: a clause coordinated with the cue, a second report coordinated inside the first
one's clause or joined to it after a comma, a coordinated relative clause, a speech verb the parser
hung on the complement of another, a trailing frame after a clause that holds a cue word, and a
bare participle before the complement clause, a clause the parser hung on the hearer, and the
object of a cue that is the subject of the clause after it."""

from __future__ import annotations

import pytest

from quotes.article import Article


def extract(extractor, text):
    """(kind, text, speaker name, cue) per quote."""
    return [(q.kind, q.text, q.speaker.name if q.speaker else None, q.cue.text if q.cue else None)
            for q in extractor.extract(Article(id="t", text=text, lang="en"))]


# --- content ends where a clause coordinated with the report begins -----------------------------

def test_clause_coordinated_with_the_cue_is_the_authors(extractor):
    text = "Fire Chief Laura Grant said a faulty heater caused the blaze, but she did not say when the inquiry would end."
    assert extract(extractor, text) == [("indirect", "a faulty heater caused the blaze", "Laura Grant", "said")]


def test_speech_verb_coordinated_inside_the_content_ends_it(extractor):
    text = "The regional council said the new bridge “will open in the spring,” and urged drivers to plan ahead."
    # (the second verb's infinitive is a report of its own: `cues.infinitive_verbs`)
    assert [(k, t, c) for k, t, _, c in extract(extractor, text)] == [
        ("mixed", "the new bridge “will open in the spring,”", "said"), ("indirect", "to plan ahead", "urged")]


def test_second_report_after_a_comma_and_while_is_a_quote_of_its_own(extractor):
    text = ("Former coach Dan Miles said in a radio interview that “nobody has ever played that way,” while "
            "his old captain Tom Reed said on television that it was “simply” the best match.")
    assert extract(extractor, text) == [
        ("mixed", "that “nobody has ever played that way,”", "Dan Miles", "said"),
        ("mixed", "that it was “simply” the best match", "Tom Reed", "said")]


def test_coordinated_relative_clause_is_the_authors(extractor):
    text = ("The mayor faced a storm of criticism on Monday, the kind of which she said she had “never "
            "expected,” and which dominated the council meeting.")
    assert [(k, t, c) for k, t, _, c in extract(extractor, text)] == [("mixed", "she had “never expected,”", "said")]


# --- speakers and frames -----------------------------------------------------------------------------

def test_speech_verb_hung_on_a_told_complement_is_the_outer_speakers(extractor):
    text = ("The mayor Lisa Hart said waiting relatives were told that the ferry had to turn back but said "
            "they were not given any details.")
    assert extract(extractor, text) == [
        ("indirect", "waiting relatives were told that the ferry had to turn back", "Lisa Hart", "said"),
        ("indirect", "they were not given any details", "Lisa Hart", "said")]


def test_trailing_frame_is_outer_to_a_cue_word_in_its_content(extractor):
    # "adding to the losses" is no report: the frame after the comma is
    text = "A weak housing market in the north was adding to the losses, Berg said."
    assert extract(extractor, text) == [
        ("indirect", "A weak housing market in the north was adding to the losses", "Berg", "said")]


def test_trailing_frame_after_a_cue_word_with_no_content(extractor):
    text = ("Floods are becoming more common in the region, and the risk is set to continue for decades, "
            "the weather agency warned.")
    assert [(k, t, c) for k, t, _, c in extract(extractor, text)] == [
        ("indirect", "Floods are becoming more common in the region, and the risk is set to continue for decades",
         "warned")]


def test_quotation_after_a_comma_is_no_trailing_frame(extractor):
    text = "Miller asks at the town hall, “Any questions I can answer?”"
    assert extract(extractor, text) == [("direct", "Any questions I can answer?", "Miller", "asks")]


def test_clause_hung_on_the_hearer_with_no_relative_word_is_what_was_told(extractor):
    text = "Rossi’s attorneys told the Post they plan to appeal."
    assert [(k, t, c) for k, t, _, c in extract(extractor, text)] == [("indirect", "they plan to appeal", "told")]


def test_relative_clause_with_a_relative_word_stays_no_report(extractor):
    text = "He told the woman who had met him in Paris about the plan."
    assert extract(extractor, text) == []


def test_object_of_a_finite_cue_before_a_subjectless_clause_is_its_subject(extractor):
    text = ('The union has hit back at anonymous sources in Whitehall who claimed Anna Lind was a "reckless '
            'gambler" for calling for a "snap" election to settle the dispute.')
    assert [(k, t, c) for k, t, _, c in extract(extractor, text)] == [
        ("mixed", 'Anna Lind was a "reckless gambler" for calling for a "snap" election to settle the dispute', "claimed")]


def test_name_the_parser_split_between_object_and_subject_stays_whole(extractor):
    text = 'Her rivals in the council claimed Jane Morton was a "reckless gambler" for selling the old port.'
    assert [(k, t, c) for k, t, _, c in extract(extractor, text)] == [
        ("mixed", 'Jane Morton was a "reckless gambler" for selling the old port', "claimed")]


def test_hearer_of_told_stays_out_of_the_content(extractor):
    text = "The mayor told Jane Morton she had won."
    assert [(k, t, c) for k, t, _, c in extract(extractor, text)] == [("indirect", "she had won", "told")]


def test_bare_quotes_in_unparsed_paragraphs_after_the_last_word_continue_the_speaker(extractor):
    # the two short quotes have no cue, so their paragraphs are never tokenized: the second one's
    # predecessor starts after the article's last parsed word (this once failed the article)
    text = ('"The economy is growing much faster than anyone here expected this year," said Smith.\n\n'
            '"Green apples taste nice"\n\n"Blue skies look lovely"\n')
    assert extract(extractor, text) == [
        ("direct", "The economy is growing much faster than anyone here expected this year,", "Smith", "said"),
        ("direct", "Green apples taste nice", "Smith", None),
        ("direct", "Blue skies look lovely", "Smith", None)]


def test_name_after_a_question_that_ends_the_tokenizers_sentence_frames_it(extractor):
    # Stanza ends a sentence after '?”' when a capitalised word follows; the next sentence is
    # only the frame ("Vitter demanded."), so the question is Vitter's, not the last speaker's
    text = ('“It makes no sense at all,” Smith said. “Why would we do that?” Vitter demanded. '
            '“Is it over?” Jones asked the crowd.')
    assert extract(extractor, text) == [
        ("direct", "It makes no sense at all,", "Smith", "said"),
        ("direct", "Why would we do that?", "Vitter", "demanded"),
        ("direct", "Is it over?", "Jones", "asked")]


def test_sentence_with_its_own_clause_after_a_closing_question_is_no_frame(extractor):
    # "The mayor said the town would pay" reports a clause of its own: the question stays with
    # the speaker before it
    text = ('“Why would we do that?” Vitter demanded. “Who is going to pay for all of this?” The mayor '
            'said the town would pay for the new harbour.')
    assert [(k, t, s) for k, t, s, _ in extract(extractor, text)] == [
        ("direct", "Why would we do that?", "Vitter"),
        ("direct", "Who is going to pay for all of this?", "Vitter"),
        ("indirect", "the town would pay for the new harbour", None)]


@pytest.mark.parametrize("text, quote", [
    # the parser hangs the complement's subject on the cue as its object; the quotation opens the rest
    ("He says Obama “knows full well that the law is clear.”", "Obama “knows full well that the law is clear.”"),
    ("Downplaying the ratings, Zucker said CNN’s business “is so much broader” than television.",
     "CNN’s business “is so much broader” than television"),
])
def test_a_quotation_opening_the_complement_after_its_subject_is_the_content(extractor, text, quote):
    (r,) = extractor.extract(Article(id="t", text=text, lang="en"))
    assert (r.kind, r.text) == ("mixed", quote)


def test_a_speech_participle_after_the_content_is_a_report_of_its_own_by_the_same_speaker(extractor):
    # the parser hangs "explaining" inside the first report's clause, below its subject "a shakeup"
    text = ("Bennett denied the notion that a campaign shakeup is coming, explaining that he was "
            "unaware of the interview because he was “taking a day off.”")
    got = [(r.kind, r.text, r.speaker.name, r.cue.text) for r in extractor.extract(Article(id="t", text=text, lang="en"))]
    assert got == [
        ("indirect", "that a campaign shakeup is coming", "Bennett", "denied"),
        ("mixed", "that he was unaware of the interview because he was “taking a day off.”", "Bennett", "explaining"),
    ]


@pytest.mark.parametrize("text, speaker", [
    ("By eliminating the receiving line, Ms. Tchen said, the White House is able to invite more guests.", "Tchen"),
    ("Rather than seeing the tax burden rise further, said Marcia Smith, a senior vice president, Teck wants the gap narrowed.",
     "Marcia Smith"),
])
def test_a_frame_in_commas_that_interrupts_a_clause_reports_all_of_it(extractor, text, speaker):
    (r,) = extractor.extract(Article(id="t", text=text, lang="en"))
    assert (r.kind, r.text, r.speaker.name) == ("indirect", text.rstrip("."), speaker)


@pytest.mark.parametrize("text, quote, speaker", [
    ("Bernie Sanders promised Monday to begin taking executive action on immigration reform.",
     "to begin taking executive action on immigration reform", "Bernie Sanders"),
    ("I urged the judge to give me a fair sentence.", "to give me a fair sentence", None),
    ("China said it was opposed to the test and warned North Korea to refrain from further actions.",
     "to refrain from further actions", "China"),
])
def test_the_infinitive_after_a_verb_of_promising_or_urging_is_what_was_said(extractor, text, quote, speaker):
    got = [(r.kind, r.text, r.speaker.name if r.speaker else None)
           for r in extractor.extract(Article(id="t", text=text, lang="en"))]
    assert ("indirect", quote, speaker) in got


def test_a_frame_closing_the_sentence_reports_the_report_before_it(extractor):
    # "reported that …" runs to ", White said": that frame is the outer report, of the whole sentence
    text = ("While officers were investigating the shooting, a witness reported that a man had been shot "
            "nearby, White said.")
    assert extract(extractor, text) == [
        ("indirect", "While officers were investigating the shooting, a witness reported that a man had been shot nearby",
         "White", "said")]


def test_an_object_the_parser_split_off_the_complement_is_its_first_words_but_a_hearer_is_not(extractor):
    said = "Maria Michael said a Cypriot journalist on board the flight had alerted them."
    told = "Maria Michael told the crew the flight had been diverted."
    assert [r.text for r in extractor.extract(Article(id="t", text=said, lang="en"))] == [
        "a Cypriot journalist on board the flight had alerted them"]
    assert [r.text for r in extractor.extract(Article(id="t", text=told, lang="en"))] == [
        "the flight had been diverted"]


def test_a_noun_object_of_say_with_more_words_after_it_is_the_clause_the_parser_misread(extractor):
    # the tagger reads "dig" as a noun: "said" gets "tunnels" as its object and no complement
    text = "Mr. Hecht said smugglers dig tunnels mostly into the drainage system shared by the two cities."
    assert extract(extractor, text) == [
        ("indirect", "smugglers dig tunnels mostly into the drainage system shared by the two cities", "Hecht", "said")]


def test_what_a_subordinate_speech_verb_reports_never_holds_the_frame_it_hangs_in(extractor):
    # "respond" hangs on "Asked", which hangs on "said": ", Carson said, “…”" is no report of "respond"
    text = ("Asked by Stephanopoulos to respond to the criticism, Carson said, “What does it say about "
            "people who jump on the bandwagon?”")
    assert ("direct", "What does it say about people who jump on the bandwagon?", "Carson", "said") in extract(extractor, text)


def test_a_complementizer_a_few_words_after_the_cue_opens_the_report_past_a_tagged_gerund(extractor):
    # the tagger reads "hearing" as a verb: it opens no clause between "told" and "that"
    text = "John Brennan told a Senate committee hearing on Thursday that the agency had found no link."
    assert extract(extractor, text) == [("indirect", "that the agency had found no link", "John Brennan", "told")]


def test_the_complement_the_parser_hung_on_the_verb_an_infinitive_cue_completes_is_its_content(extractor):
    text = "Cuomo made sure to say there is no one plan, and each state may have to roll out a different plan."
    assert extract(extractor, text) == [
        ("indirect", "there is no one plan, and each state may have to roll out a different plan", "Cuomo", "say")]
