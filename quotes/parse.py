"""Parsing: Stanza (tokenize, mwt, pos, lemma, depparse) into plain, offset-exact words.

Each line of an article is a paragraph and is parsed as its own Stanza document (Stanza's bulk
processing), so no sentence ever crosses a line break and every offset maps straight back to the
article. Multi-word tokens ("am" = "an dem") give each of their words the token's span.

Parsing runs in two steps so that most sentences cost only the cheap step:
1. tokenize + mwt on every paragraph;
2. pos + lemma + depparse on the sentences that `select` asks for (all of them when no `select` is
   given). Stanza tags and parses each sentence on its own, so a selected sentence gets exactly the
   analysis a full parse would give it. Words of the other sentences keep their text and offsets,
   with upos "X" and no head; their Sentence says `parsed=False`.
Both steps go through an optional ParseCache, per article, per sentence.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import regex

from .errors import ModelsMissingError
from .repairs import (closers_back, first_names_as_names, first_names_whole, first_word_id, join_unended, possessive_apostrophes, shifted,
                      split_after_dateline, split_after_numbers, split_marks)
from .padded_ids import use_padded_ids

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
TOKENIZE = ("tokenize", "mwt")
ANALYSE = ("pos", "lemma", "depparse")
CHUNK_CHARS = 50_000  # text per Stanza call: bounds memory on very long articles
# Stanza's tagger and parser grow with the square of a sentence's length (a 1,700-word sentence
# peaked at 2.3 GB, 5,000 quotation marks in one sentence asked for 2.6 GB more): a longer
# sentence is cut into pieces of at most this many words and characters, each analysed as a
# sentence of its own. Peak of a whole run on one such sentence: 250 words 0.55 GB, 500 words
# 0.65 GB, 1,000 words 1.1 GB, 1,700 words 2.3 GB; 500 keeps a process well inside 2 GB of address
# space and the parse time per word low. No sentence of the dev corpora has more than 97 words.
MAX_SENTENCE_WORDS = 500
MAX_SENTENCE_CHARS = 10_000
# Words (a rough count, before Stanza) of the paragraphs one article needs tokenized: beyond this
# the article fails alone ([parse]) before any Stanza work, as its tokens, analyses and rule
# stages would hold too much at once. A news article has a few thousand words.
MAX_ARTICLE_WORDS = 100_000
_ROUGH_WORD = regex.compile(r"\w+|[^\w\s]")
_BREAK_AFTER = ({".", "!", "?", ";", ":"}, {",", "—", "–", "-", ")"})  # preferred cut points, best first
_LINE = regex.compile(r"[^\r\n]+")
# Tokenization and tagging rules applied on top of Stanza's (this module's dashes and repairs.py): part
# of the parse cache's identity, so a change here never reuses parses made without it.
TOKEN_RULES = "marks-split 3, unended-join 2, dash-as-punct 2, first-name-propn 2, possessive-apostrophe 1, number-stop-split 1, closers-back 2, first-name-whole 1, dateline-split 1"
# A token of dashes is punctuation, whatever the tagger says, before the dependency parse: it read the
# horizontal bar "―" as a preposition or an adverb (and the parser hung the clause after it on the
# word before), German "—" as an adverb. The rare dashes are tagged as the em dash they stand for;
# the words keep their own text.
_RARE_DASHES = frozenset("―‒⸺⸻")
_DASHES = _RARE_DASHES | frozenset("—–")
# (word, tag) pairs the lemmatizer's memo holds at most beyond its own dictionary (about 100 bytes each)
LEMMA_MEMO_WORDS = 200_000
_LEMMA_DICTS: dict = {}  # id(pipeline) -> the lemmatizer's own dictionaries, for `_bound_lemma_memo`
_LOADED: dict = {}  # (model dir, lang, gpu) -> Stanza pipeline: loaded once per process, shared by Parsers


@dataclass(slots=True)
class Word:
    i: int  # index in the document's word list
    text: str
    lemma: str
    upos: str
    feats: str
    head: int  # index of the head word, -1 for the root
    deprel: str
    start: int  # article offsets of the word (of its token, for multi-word tokens)
    end: int
    sent: int  # index of the sentence
    lower: str  # the text in lower case, asked for far more often than there are words


@dataclass(slots=True)
class Sentence:
    i: int
    start: int
    end: int
    first: int  # first word index
    last: int  # one past the last word index
    para: int  # paragraph index
    parsed: bool = True  # False: tokenized only (prefilter), words have upos "X" and no head


@dataclass
class ParsedDoc:
    text: str
    words: list[Word] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def children(self, i: int) -> list[Word]:
        return self._children.get(i, [])

    def index(self) -> None:
        self._children: dict[int, list[Word]] = {}
        for w in self.words:
            if w.head >= 0:
                self._children.setdefault(w.head, []).append(w)
        self._starts = [w.start for w in self.words]

    def between(self, a: int, b: int) -> list[Word]:
        """The words that start at offset `a` or after it and before `b`, in order (words are
        sorted by offset: a bisection, not a walk over the article)."""
        return self.words[bisect_left(self._starts, a):bisect_left(self._starts, b)]

    def word_at(self, offset: int) -> int | None:
        """The index of the word that starts at `offset` (the last one, for the words of one
        multi-word token), or None."""
        k = bisect_right(self._starts, offset) - 1
        return k if k >= 0 and self._starts[k] == offset else None

    def paragraph_of(self, offset: int) -> int:
        """The index of the paragraph that holds `offset` (the last one starting at or before it)."""
        return max(0, bisect_right([a for a, _ in self.paragraphs], offset) - 1)

    def subtree(self, i: int) -> list[int]:
        out, stack, children = [], [i], self._children
        while stack:
            j = stack.pop()
            out.append(j)
            if j in children:
                stack.extend(c.i for c in children[j])
        out.sort()
        return out

    def extent(self, i: int) -> tuple[int, int]:
        """The first and last word of i's phrase (its subtree), punctuation at either edge left
        out ("Rao , | the chief executive … | ,")."""
        inner = [j for j in self.subtree(i) if self.words[j].upos != "PUNCT" or j == i]
        return inner[0], inner[-1]


@dataclass(slots=True)
class SentenceTokens:
    """One tokenized sentence: what `select` sees, and what the cache stores, by columns (a list per
    field, not a record per word: an article's entry reads back several times faster).

    `texts`, `starts`, `ends` are the words and their article offsets; `analysis` is None until the
    sentence is parsed, then five columns: lemmas, upos, feats, heads (1-based in the sentence,
    0 = root), deprels.
    """

    para: int
    texts: list[str]
    starts: list[int]
    ends: list[int]
    analysis: list[list] | None = None

    @property
    def start(self) -> int:
        return self.starts[0]

    @property
    def end(self) -> int:
        return self.ends[-1]


# select(text, sentences) -> indexes of the sentences to parse fully
Selector = Callable[[str, list[SentenceTokens]], set[int]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that holds more than whitespace."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def first_paragraphs(text: str, n: int) -> list[tuple[int, int]]:
    """The first `n` of `paragraphs(text)`, without reading the rest of the text."""
    return list(islice(((m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()), n))


def models_dir(option: str | os.PathLike | None = None) -> Path:
    """The Stanza model folder: --models, else $STANZA_RESOURCES_DIR, else Stanza's default."""
    if option:
        return Path(option)
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    return Path.home() / "stanza_resources"


def check_models(directory: Path, lang: str) -> None:
    if not (directory / "resources.json").is_file() or not (directory / lang).is_dir():
        raise ModelsMissingError(
            f"no Stanza models for {lang!r} in {directory}: pass --models DIR or set "
            f"STANZA_RESOURCES_DIR to a folder that has them, or download them once with "
            f"python -c \"import stanza; stanza.download('{lang}', dir='{directory}')\""
        )


def model_identity(directory: Path, lang: str) -> str:
    """A digest that changes whenever the model files (or Stanza itself) change."""
    from importlib.metadata import version  # not `import stanza`: a warm-cache run never loads torch

    h = hashlib.sha256(f"stanza {version('stanza')} {PROCESSORS} {TOKEN_RULES}\n".encode())
    h.update((directory / "resources.json").read_bytes())
    for f in sorted((directory / lang).rglob("*")):
        if f.is_file():
            st = f.stat()
            h.update(f"{f.relative_to(directory).as_posix()} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


class Parser:
    """One Stanza pipeline per language, each loaded once, on first use."""

    def __init__(self, models: str | os.PathLike | None = None, use_gpu: bool = False, cache=None):
        self.dir = models_dir(models)
        self.use_gpu = use_gpu
        self.cache = cache  # a ParseCache or None
        # per language, the words that open a sentence (the rule file's stopwords): a split before
        # one of them is the tokenizer's right ("Vorschlag an den Bundestag | Der Bundesrat schlug")
        self.sentence_openers: dict[str, frozenset[str]] = {}
        # per language, abbreviations that stand before a name (the rule file's honorifics with a
        # full stop): a split after one is the tokenizer's mistake ("said Gov. | Terry E. Branstad")
        self.name_abbreviations: dict[str, frozenset[str]] = {}
        # per language, the datelines that open an agency story (the rule file's strip_prefixes): the
        # sentence is cut after one ("ORLANDO, Fla. (Reuters) - | President Barack Obama met …")
        self.datelines: dict[str, tuple] = {}
        self._identity: dict[str, str] = {}

    def pipeline(self, lang: str):
        key = (str(self.dir.resolve()), lang, self.use_gpu)
        if key not in _LOADED:
            check_models(self.dir, lang)
            import stanza  # heavy import, only when a parse is needed

            logging.getLogger("stanza").setLevel(logging.WARNING)
            _use_fast_tree_search()
            use_padded_ids()
            try:
                nlp = stanza.Pipeline(
                    lang, dir=str(self.dir), processors=PROCESSORS, download_method=None,
                    use_gpu=self.use_gpu, logging_level="WARN",
                    # the lemmatizer's seq2seq model sees a word and its tag only, no context: keep
                    # what it said for a (word, tag) and answer a repeat from its dictionary
                    lemma_store_results=True,
                )
            except Exception as exc:  # stanza raises many kinds for missing/odd model files
                raise ModelsMissingError(f"cannot load Stanza models for {lang!r} from {self.dir}: {exc}") from None
            _use_labels_at_heads(nlp)
            _use_split_lstms(nlp)
            _use_memos(nlp)
            _LEMMA_DICTS[id(nlp)] = _lemma_dicts(nlp)
            _LOADED[key] = nlp
            # the models are hundreds of thousands of long-lived objects: keep the cyclic garbage
            # collector from walking them again on every full collection, and let the many small
            # objects of a parse (Stanza's words and tokens) pile up longer before a collection
            gc.freeze()
            gc.set_threshold(max(gc.get_threshold()[0], 20_000), 20, 20)
        return _LOADED[key]

    def identity(self, lang: str) -> str:
        if lang not in self._identity:
            check_models(self.dir, lang)
            openers = "\n".join(sorted(self.sentence_openers.get(lang, ()))) + "\n\n" + "\n".join(
                sorted(self.name_abbreviations.get(lang, ()))) + "\n\n" + "\n".join(
                rx.pattern for rx in self.datelines.get(lang, ()))
            self._identity[lang] = model_identity(self.dir, lang) + hashlib.sha256(openers.encode()).hexdigest()[:12]
        return self._identity[lang]

    def parse(self, text: str, lang: str, select: Selector | None = None) -> ParsedDoc:
        return self.parse_many([text], lang, select)[0]

    def parse_many(self, texts: list[str], lang: str, select: Selector | None = None) -> list[ParsedDoc]:
        """Parse several articles of one language with as few Stanza calls as the text allows.

        With a `select` that also has `.paragraphs(text, paras)`, paragraphs it leaves out are not
        even tokenized (they can hold no quote); they have no sentences in the ParsedDoc.

        A `select` with a `.digest` (what its choice depends on: its rules and code) leaves that
        digest in each cache entry it parses: an entry with the same digest already holds
        everything this `select` asks for, so it is not asked again.
        """
        paras = [paragraphs(t) for t in texts]
        keys = [self.cache.key(t, lang, self.identity(lang)) if self.cache else None for t in texts]
        cached = [self.cache.get(k) if k else None for k in keys]
        cached = [c if c is None or all(_within_limits(st) for st in c[1]) else None for c in cached]  # cut before the limits
        done_paras = [set(c[0]) if c else set() for c in cached]
        sents = [list(c[1]) if c else [] for c in cached]
        selection = getattr(select, "digest", None)
        settled = [selection is not None and c is not None and c[2] == selection for c in cached]
        pick_paras = getattr(select, "paragraphs", None)
        # step 1: tokenize the paragraphs wanted that the cache does not have
        todo = []
        for a, text in enumerate(texts):
            if settled[a]:
                continue
            want = set(range(len(paras[a]))) if pick_paras is None else pick_paras(text, paras[a])
            todo += [(a, p) for p in sorted(want - done_paras[a])]
        _check_budget(texts, paras, todo)
        fresh = self._tokenize(texts, paras, todo, lang)
        for a, pairs in fresh.items():
            sents[a] = sorted(sents[a] + [st for st, _ in pairs], key=lambda st: st.start)
        for a, p in todo:
            done_paras[a].add(p)
        # step 2: analyse the selected sentences that are not analysed yet
        wanted: dict[int, list[SentenceTokens]] = {}
        for a, ss in enumerate(sents):
            if settled[a]:
                continue
            chosen = set(range(len(ss))) if select is None else select(texts[a], ss)
            wanted[a] = [ss[i] for i in sorted(chosen) if 0 <= i < len(ss) and ss[i].analysis is None]
        stanza_of = {(a, st.para, st.start): s for a, pairs in fresh.items() for st, s in pairs}
        retok = sorted({(a, st.para) for a, sts in wanted.items() for st in sts if (a, st.para, st.start) not in stanza_of})
        if retok:  # tokens came from the cache: tokenize those paragraphs again to get Stanza sentences
            for a, pairs in self._tokenize(texts, paras, retok, lang).items():
                stanza_of.update({(a, st.para, st.start): s for st, s in pairs})
        self._analyse([(st, stanza_of[(a, st.para, st.start)]) for a, sts in wanted.items() for st in sts], lang)
        changed = {a for a, _ in todo} | {a for a, sts in wanted.items() if sts}
        out = []
        for a, ss in enumerate(sents):
            if keys[a] and (cached[a] is None or a in changed or cached[a][2] != selection):
                self.cache.put(keys[a], sorted(done_paras[a]), ss, selection)
            out.append(build_doc(texts[a], paras[a], ss))
        return out

    def _tokenize(self, texts, paras, todo, lang) -> dict[int, list[tuple[SentenceTokens, object]]]:
        """Tokenize the (article, paragraph) pairs in `todo`; per article, (tokens, Stanza sentence)."""
        out: dict[int, list[tuple[SentenceTokens, object]]] = {}
        if not todo:
            return out  # nothing to tokenize: do not even load the pipeline
        from stanza import Document

        nlp = self.pipeline(lang)
        openers = self.sentence_openers.get(lang, frozenset())
        abbreviations = self.name_abbreviations.get(lang, frozenset())
        for chunk in _chunks(todo, lambda ap: paras[ap[0]][ap[1]][1] - paras[ap[0]][ap[1]][0]):
            docs = [Document([], text=texts[a][slice(*paras[a][p])]) for a, p in chunk]
            for name in TOKENIZE:
                docs = nlp.processors[name].bulk_process(docs)
            for (a, p), sdoc in zip(chunk, docs):
                offset = paras[a][p][0]
                ptext = texts[a][slice(*paras[a][p])]
                joined = closers_back(join_unended(sdoc.sentences, ptext, openers, abbreviations), ptext)
                joined = split_after_dateline(joined, ptext, self.datelines.get(lang, ()))
                for sent in _bounded(first_names_whole(split_marks(split_after_numbers(joined, ptext, openers), ptext), ptext), ptext):
                    words, starts, ends = [], [], []
                    for token in sent.tokens:
                        for w in token.words:
                            words.append(w.text)
                            starts.append(offset + (w.start_char if w.start_char is not None else token.start_char))
                            ends.append(offset + (w.end_char if w.end_char is not None else token.end_char))
                    if words:
                        out.setdefault(a, []).append((SentenceTokens(p, words, starts, ends), sent))
        return out

    def _analyse(self, jobs: list[tuple[SentenceTokens, object]], lang: str) -> None:
        """pos, lemma and depparse on (tokens, Stanza sentence) pairs, in bulk; results go into the tokens."""
        if not jobs:
            return
        from stanza import Document

        nlp = self.pipeline(lang)
        for chunk in _chunks(jobs, lambda job: job[0].end - job[0].start):
            container = Document([])
            container.sentences = [s for _, s in chunk]
            container.num_tokens = sum(len(s.tokens) for s in container.sentences)
            container.num_words = sum(len(s.words) for s in container.sentences)
            dashes = [(w, w.text) for s in container.sentences for w in s.words if w.text and set(w.text) <= _DASHES]
            for w, text in dashes:
                if set(text) <= _RARE_DASHES:
                    w.text = "—"
            for name in ANALYSE:
                container = nlp.processors[name].process(container)
                if name == "pos":
                    for w, _ in dashes:
                        w.upos = "PUNCT"  # the German tagger reads a lone em dash as an adverb too
                    for sent in container.sentences:
                        first_names_as_names(sent.words, self.sentence_openers.get(lang, frozenset()))
                    for st, sent in chunk:
                        for k in possessive_apostrophes(st):
                            sent.words[k].upos, sent.words[k].xpos, sent.words[k].feats = "PART", "POS", None
            for w, text in dashes:
                w.text = text
            _bound_lemma_memo(nlp)
            for st, sent in chunk:
                ws = sent.words
                st.analysis = [[w.lemma or w.text for w in ws], [w.upos or "X" for w in ws], [w.feats or "" for w in ws],
                               [w.head or 0 for w in ws], [w.deprel or "dep" for w in ws]]


class TooLongToParse(Exception):
    """An article whose parse would hold more than MAX_ARTICLE_WORDS words at once."""


def _check_budget(texts: list[str], paras: list[list[tuple[int, int]]], todo: list[tuple[int, int]]) -> None:
    chars: dict[int, int] = {}
    for a, p in todo:
        chars[a] = chars.get(a, 0) + paras[a][p][1] - paras[a][p][0]
    words: dict[int, int] = {}
    for a, p in todo:
        if chars[a] > MAX_ARTICLE_WORDS:  # a word has a character at least: shorter text is within the limit
            words[a] = words.get(a, 0) + len(_ROUGH_WORD.findall(texts[a], *paras[a][p]))
    for a, n in words.items():
        if n > MAX_ARTICLE_WORDS:
            raise TooLongToParse(f"{n:,} words to parse, over the limit of {MAX_ARTICLE_WORDS:,} per article")


def _use_fast_tree_search() -> None:
    """Let Stanza's depparse search its trees with `mst.one_root_tree`: the same trees, a fraction of
    the time (see quotes/mst.py). A Stanza without that function keeps its own search."""
    from stanza.models.depparse import model as depparse_model

    from .mst import one_root_tree

    if hasattr(depparse_model, "chuliu_edmonds_one_root"):
        depparse_model.chuliu_edmonds_one_root = one_root_tree


def _use_labels_at_heads(nlp) -> None:
    """Let the parser score relations for the arcs of its tree only (see quotes/arc_labels.py)."""
    from .arc_labels import use_labels_at_heads

    model = getattr(getattr(nlp.processors.get("depparse"), "_trainer", None), "model", None)
    if model is not None:
        use_labels_at_heads(model)


def _use_split_lstms(nlp) -> None:
    """Let the tokenizer run its LSTMs over padded rows (see quotes/split_lstm.py)."""
    from .split_lstm import use_split_lstms

    use_split_lstms(nlp)


def _use_memos(nlp) -> None:
    """The mwt processor asks its model only about tokens its dictionary and memo do not know
    (quotes/mwt_memo.py); the tagger's feature strings come from a memo (quotes/feats_memo.py)."""
    from . import feats_memo, mwt_memo

    if (proc := nlp.processors.get("mwt")) is not None:
        mwt_memo.use_memo(proc)
    if (proc := nlp.processors.get("pos")) is not None:
        feats_memo.use_memo(proc)


def _lemma_dicts(nlp) -> tuple[object, dict, int] | None:
    """(trainer, a copy of its own tag -> word -> lemma dictionaries, their size) before any memo."""
    trainer = getattr(nlp.processors.get("lemma"), "_trainer", None)
    own = getattr(trainer, "pos_dict", None)
    if not isinstance(own, dict):
        return None
    return trainer, {tag: dict(words) for tag, words in own.items()}, sum(map(len, own.values()))


def _bound_lemma_memo(nlp) -> None:
    """Keep the lemmatizer's memo (see `lemma_store_results` above) to LEMMA_MEMO_WORDS entries: past
    that the dictionaries go back to the model's own. Lemmas are the same either way."""
    kept = _LEMMA_DICTS.get(id(nlp))
    if kept is None:
        return
    trainer, own, size = kept
    if sum(map(len, trainer.pos_dict.values())) > size + LEMMA_MEMO_WORDS:
        trainer.pos_dict = {tag: dict(words) for tag, words in own.items()}


def _chunks(items: list, size: Callable[[object], int]):
    """Consecutive runs of `items` of about CHUNK_CHARS characters each (at least one item)."""
    chunk, total = [], 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if total >= CHUNK_CHARS:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def _bounded(sentences: list, text: str) -> list:
    """Stanza sentences with none over MAX_SENTENCE_WORDS words or MAX_SENTENCE_CHARS characters:
    a longer one is cut into pieces at token boundaries, each a Stanza sentence of its own."""
    out = []
    for sent in sentences:
        cuts = _cuts(sent.tokens)
        if len(cuts) == 2:
            out.append(sent)
            continue
        from stanza import Document

        # the sentence's rows, grouped by token: a multi-word token's row, then its words' rows
        groups, rows = [], sent.to_dict()
        for token in sent.tokens:
            n = 1 + (len(token.words) if len(token.words) > 1 else 0)
            groups.append(rows[:n])
            rows = rows[n:]
        pieces = []
        for a, b in zip(cuts, cuts[1:]):
            shift = first_word_id(groups[a]) - 1
            pieces.append([{**row, "id": shifted(row["id"], shift)} for g in groups[a:b] for row in g])
        out.extend(Document(pieces, text=text).sentences)
    return out


def _within_limits(st: SentenceTokens) -> bool:
    return len(st.texts) <= MAX_SENTENCE_WORDS and (len(st.texts) == 1 or st.end - st.start <= MAX_SENTENCE_CHARS)


def _cuts(tokens: list) -> list[int]:
    """Token indexes [0, ..., len(tokens)] that cut a sentence into pieces within the limits; a cut
    goes after the best break point (end of clause, comma, dash) in the second half of a piece."""
    cuts, start = [0], 0
    while True:
        words, end = 0, start
        while end < len(tokens):
            words += len(tokens[end].words)
            if end > start and (words > MAX_SENTENCE_WORDS
                                or tokens[end].end_char - tokens[start].start_char > MAX_SENTENCE_CHARS):
                break
            end += 1
        if end == len(tokens):
            return cuts + [end]
        best = end
        for marks in _BREAK_AFTER:
            after = [k + 1 for k in range(start + (end - start) // 2, end) if tokens[k].text in marks]
            if after:
                best = after[-1]
                break
        cuts.append(best)
        start = best


def build_doc(text: str, paras: list[tuple[int, int]], sents: list[SentenceTokens]) -> ParsedDoc:
    """The ParsedDoc of an article from its sentences' tokens and analyses."""
    doc = ParsedDoc(text=text, paragraphs=paras)
    words, sentences = doc.words, doc.sentences
    for s_index, st in enumerate(sents):
        base = len(words)
        if st.analysis is None:  # tokenized only: no tag, no head
            words += [Word(base + k, wtext, wtext, "X", "", -1, "dep", start, end, s_index, wtext.lower())
                      for k, (wtext, start, end) in enumerate(zip(st.texts, st.starts, st.ends, strict=True))]
        else:
            words += [Word(base + k, wtext, lemma, upos, feats, base + head - 1 if head else -1, deprel, start, end, s_index,
                           wtext.lower())
                      for k, (wtext, start, end, lemma, upos, feats, head, deprel)
                      in enumerate(zip(st.texts, st.starts, st.ends, *st.analysis, strict=True))]
        sentences.append(Sentence(s_index, st.start, st.end, base, len(words), st.para, st.analysis is not None))
    doc.index()
    return doc
