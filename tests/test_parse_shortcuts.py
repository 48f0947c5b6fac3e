"""The parser's shortcuts give Stanza's own analyses: relation labels scored at the tree's arcs
only (quotes/arc_labels.py), the lemmatizer answering repeated words from its memo, and the mwt
processor asking its model only about tokens its dictionary and memo do not know (quotes/mwt_memo.py);
Stanza's padded id tensors built by numpy (quotes/padded_ids.py) are Stanza's tensors."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.arc_labels import _HiddenPair

SENTENCES = {
    "en": ["The minister told reporters on Monday that the talks had failed, and she blamed the other side.",
           "“We will not give up,” said Anna Berg, who leads the union in Bavaria.",
           "According to the police, two men were arrested after the match in Leeds late on Saturday night, "
           "while a third, whose name was not released, is still being sought by officers from three forces."],
    "de": ["Die Ministerin sagte am Montag, die Gespräche seien gescheitert, und sie gab der Gegenseite die Schuld.",
           "„Wir geben nicht auf“, sagte Anna Berg, die die Gewerkschaft in Bayern führt.",
           "Nach Angaben der Polizei wurden nach dem Spiel in Leipzig zwei Männer festgenommen, während ein "
           "dritter, dessen Name nicht genannt wurde, noch von Beamten aus drei Ländern gesucht wird."],
}


@pytest.fixture(scope="module")
def parser(extractor):
    return extractor.parser


def _analyses(nlp, text: str) -> list[tuple]:
    return [(w.text, w.lemma, w.upos, w.head, w.deprel) for s in nlp(text).sentences for w in s.words]


@contextmanager
def _stanza_labels(model):
    """Stanza's own predict, with every (dependent, head, relation) scored."""
    ours = model.__dict__.pop("predict")
    model.deprel = model.deprel.scorer
    try:
        yield
    finally:
        model.deprel = _HiddenPair(model.deprel)
        model.predict = ours


@pytest.mark.parametrize("lang", ["en", "de"])
def test_labels_at_heads_are_stanzas_labels(parser, lang):
    nlp = parser.pipeline(lang)
    model = nlp.processors["depparse"]._trainer.model
    assert isinstance(model.deprel, _HiddenPair)  # the loaded pipeline uses the shortcut
    ours = [_analyses(nlp, s) for s in SENTENCES[lang]]
    with _stanza_labels(model):
        theirs = [_analyses(nlp, s) for s in SENTENCES[lang]]
    assert ours == theirs
    assert {a[4] for sent in ours for a in sent} >= {"root", "nsubj", "obj" if lang == "en" else "nsubj"}


def test_lemma_memo_gives_the_models_lemmas(parser):
    """Words the dictionary does not know go to the seq2seq model once; a repeat, in a later call,
    is answered from the memo with the same lemma a pipeline without the memo gives."""
    import stanza

    text = "Kretschmanns Zollkontrollen verzögerten sich. Die Zollkontrollen verzögerten sich."
    nlp = parser.pipeline("de")
    first, again = _analyses(nlp, text), _analyses(nlp, text)
    plain = stanza.Pipeline("de", dir=str(parser.dir), processors="tokenize,mwt,pos,lemma", download_method=None,
                            logging_level="WARN", lemma_store_results=False)
    reference = [(w.text, w.lemma) for s in plain(text).sentences for w in s.words]
    assert [(a[0], a[1]) for a in first] == [(a[0], a[1]) for a in again] == reference
    trainer = nlp.processors["lemma"]._trainer
    assert any("Zollkontrollen" in entries for entries in trainer.pos_dict.values())  # remembered


def test_lemma_memo_is_bounded(parser, monkeypatch):
    """Past LEMMA_MEMO_WORDS remembered words the lemmatizer goes back to its own dictionary."""
    from quotes import parse

    nlp = parser.pipeline("de")
    trainer = nlp.processors["lemma"]._trainer
    own = parse._LEMMA_DICTS[id(nlp)][2]  # the size of its own dictionaries
    monkeypatch.setattr(parse, "LEMMA_MEMO_WORDS", 3)
    text = "Die Zollkontrollbeamten, Grenzschutzfahrzeuge und Hafenkräne verzögerten die Frachtschiffabfertigung."
    parser.parse(text, "de")
    assert sum(map(len, trainer.pos_dict.values())) <= own + 3
    assert parser.parse(text, "de").words[1].lemma == _analyses(nlp, text)[1][1]


def _expanded(nlp, text: str) -> list[list[str]]:
    import stanza

    doc = nlp.processors["tokenize"].process(stanza.Document([], text=text))
    return [[w.text for w in s.words] for s in nlp.processors["mwt"].process(doc).sentences]


@pytest.mark.parametrize("lang, text", [
    ("de", "Zum Glück kam er im Mai zur Sitzung. Beim Treffen sprach sie vom Plan, zum zweiten Mal."),
    ("en", "They don't know what's next, and we can't say. Y'all won't believe it; she'd've left."),
])
def test_mwt_memo_gives_stanzas_expansions(parser, lang, text):
    """The same words as a pipeline whose mwt processor runs its model on every marked token, on a
    first call and on a repeat answered from the memo."""
    import stanza

    nlp = parser.pipeline(lang)
    assert "process" in vars(nlp.processors["mwt"])  # the loaded pipeline uses the shortcut
    plain = stanza.Pipeline(lang, dir=str(parser.dir), processors="tokenize,mwt", download_method=None,
                            logging_level="WARN")
    first, again = _expanded(nlp, text), _expanded(nlp, text)
    assert first == again == _expanded(plain, text)
    assert sum(map(len, first)) > len(text.split())  # some tokens were expanded


@pytest.mark.parametrize("lang", ["en", "de"])
def test_feats_memo_gives_stanzas_features(parser, lang):
    """The tagger's feature strings from the memo (quotes/feats_memo.py) are a plain tagger's,
    on a first call and on a repeat."""
    import stanza
    from stanza.models.common.vocab import CompositeVocab

    nlp = parser.pipeline(lang)
    vocabs = nlp.processors["pos"].trainer.vocab._vocabs.values()
    assert any(isinstance(v, CompositeVocab) and "id2unit" in vars(v) for v in vocabs)  # the shortcut is used
    plain = stanza.Pipeline(lang, dir=str(parser.dir), processors="tokenize,mwt,pos", download_method=None,
                            logging_level="WARN")
    tags = lambda doc: [(w.text, w.upos, w.xpos, w.feats) for s in doc.sentences for w in s.words]  # noqa: E731
    text = " ".join(SENTENCES[lang])
    first, again = tags(nlp(text)), tags(nlp(text))
    assert first == again == tags(plain(text))
    assert sum(1 for t in first if t[3] and "=" in t[3]) >= 10  # words with features were compared


_ids = st.lists(st.integers(min_value=0, max_value=10_000), max_size=12)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(_ids, min_size=1, max_size=20).filter(any), extra=st.integers(0, 3), pad=st.sampled_from([0, 1, 7]))
def test_padded_ids_are_stanzas_tensor_for_rows_of_ids(rows, extra, pad):
    """Word ids per sentence, char ids per word, with empty rows and spare rows (Stanza's own fails
    when every row is empty, so that is not asked)."""
    from stanza.models.common.data import get_long_tensor

    from quotes.padded_ids import padded_long_tensor

    theirs, ours = get_long_tensor(rows, len(rows) + extra, pad), padded_long_tensor(rows, len(rows) + extra, pad)
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape and torch.equal(ours, theirs)


@settings(max_examples=100, deadline=None)
@given(width=st.integers(1, 5), data=st.data())
def test_padded_ids_are_stanzas_tensor_for_rows_of_feature_lists(width, data):
    """Per sentence, per word, a fixed number of feature ids (the tagger's and parser's ufeats)."""
    from stanza.models.common.data import get_long_tensor

    from quotes.padded_ids import padded_long_tensor

    feature = st.lists(st.integers(0, 50), min_size=width, max_size=width)
    rows = data.draw(st.lists(st.lists(feature, min_size=1, max_size=8), min_size=1, max_size=10))
    theirs, ours = get_long_tensor(rows, len(rows)), padded_long_tensor(rows, len(rows))
    assert ours.shape == theirs.shape and torch.equal(ours, theirs)


def test_loaded_pipelines_build_their_ids_with_numpy(parser):
    import stanza.models.depparse.data as depparse_data
    import stanza.models.pos.data as pos_data

    from quotes.padded_ids import padded_long_tensor

    parser.pipeline("en")
    assert pos_data.get_long_tensor is padded_long_tensor and depparse_data.get_long_tensor is padded_long_tensor


@pytest.mark.parametrize("lang", ["en", "de"])
def test_split_lstms_give_the_packed_lstms_outputs(parser, lang):
    """The tokenizer's LSTMs over padded rows (quotes/split_lstm.py) against the packed LSTMs they
    replace, on rows of very different lengths: the same outputs up to float rounding."""
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    from quotes.split_lstm import SplitBiLSTM

    model = parser.pipeline(lang).processors["tokenize"].trainer.model
    assert isinstance(model.rnn, SplitBiLSTM) and isinstance(model.rnn2, SplitBiLSTM)  # the loaded pipeline uses them
    torch.manual_seed(0)
    lengths = [300, 299, 120, 7, 1]
    for split in (model.rnn, model.rnn2):
        packed_lstm = torch.nn.LSTM(split.forward_pass.input_size, split.forward_pass.hidden_size,
                                    batch_first=True, bidirectional=True).eval()
        with torch.no_grad():
            for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
                getattr(packed_lstm, name).copy_(getattr(split.forward_pass, name))
                getattr(packed_lstm, name + "_reverse").copy_(getattr(split.backward_pass, name))
            x = pack_padded_sequence(torch.randn(len(lengths), lengths[0], packed_lstm.input_size), lengths, batch_first=True)
            ours, _ = pad_packed_sequence(split(x)[0], batch_first=True)
            theirs, _ = pad_packed_sequence(packed_lstm(x)[0], batch_first=True)
        assert ours.shape == theirs.shape and torch.allclose(ours, theirs, atol=1e-5)
        assert ours[3, 7:].abs().max() == 0  # past a row's end: zeros, as pad_packed_sequence gives


def test_split_lstms_give_stanzas_tokens(parser):
    import stanza

    nlp = parser.pipeline("de")
    plain = stanza.Pipeline("de", dir=str(parser.dir), processors="tokenize,mwt", download_method=None,
                            logging_level="WARN")
    text = " ".join(SENTENCES["de"]) + " Dr. Berg kam am 3. Mai 2024 um 14.30 Uhr an, z. B. mit dem ICE."
    ours = [(t.text, t.start_char, t.end_char) for s in nlp.processors["mwt"].process(
        nlp.processors["tokenize"].process(stanza.Document([], text=text))).sentences for t in s.tokens]
    theirs = [(t.text, t.start_char, t.end_char) for s in plain(text).sentences for t in s.tokens]
    assert ours == theirs and len(ours) > 60


@pytest.mark.parametrize("lang, text", [
    ("en", "When Clinton noted that he paid nothing ― as was true for years ― Trump boasted, “That makes me smart.”"),
    ("de", "Er sagte ― wie immer ― dass es gut sei."),
])
def test_a_horizontal_bar_is_tagged_punctuation_and_keeps_its_text(parser, lang, text):
    # the tagger read "―" as a preposition or adverb; it is tagged as the em dash it stands for
    doc = parser.parse(text, lang)
    bars = [w for w in doc.words if w.text == "―"]
    assert len(bars) == 2 and all(w.upos == "PUNCT" for w in bars)


def test_a_first_name_before_a_proper_noun_is_retagged_a_proper_noun():
    from types import SimpleNamespace as W

    from quotes.repairs import first_names_as_names

    def words(*tagged):
        return [W(text=t, upos=u, xpos=u, feats="") for t, u in tagged]

    ws = words(("said", "VERB"), ("Amy", "ADP"), ("Deace", "PROPN"), ("and", "CCONJ"), ("Hillary", "ADJ"),
               ("Clinton", "PROPN"), ("Ende", "NOUN"), ("Juli", "PROPN"), ("will", "AUX"), ("Smith", "PROPN"))
    first_names_as_names(ws, frozenset({"will", "and"}))
    # a preposition or adjective that is a first name before a name is a name; a noun ("Ende Juli")
    # and a lower-case word are not
    assert [w.upos for w in ws] == ["VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "NOUN", "PROPN", "AUX", "PROPN"]


def test_a_possessive_apostrophe_is_no_closing_mark():
    from quotes.parse import SentenceTokens
    from quotes.repairs import possessive_apostrophes

    def tokens(text):
        import regex
        ms = list(regex.finditer(r"\w+|[^\w\s]", text))
        return SentenceTokens(para=0, texts=[m.group() for m in ms], starts=[m.start() for m in ms],
                              ends=[m.end() for m in ms])

    st = tokens("Jeff Weaver, Sanders’ campaign manager, said Ganz' film was ‘Jones’ best’.")
    # glued to a word in s or z and followed by a word: possessive; the closer of ‘…’ is a mark
    assert [st.texts[k - 1] for k in possessive_apostrophes(st)] == ["Sanders", "Ganz"]
    # inside an open single-quoted span an s-word's apostrophe closes it
    st = tokens("He called them ‘losers’ and left.")
    assert possessive_apostrophes(st) == []

