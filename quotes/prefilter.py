"""Which sentences need a full parse: those that can hold or attribute a quote, and their neighbours.

The test reads only the rule file (quotation marks, speech-verb lemmas and forms, irregular verb
forms, separable verbs, quoting verbs, prepositional cues, Konjunktiv forms), never a list of its
own, and looks at surface words, since it runs before the tagger: a verb lemma counts through its
stem (lemma minus an infinitive ending from `cues.stem_endings`) at the start of a word, or
anywhere in a word for stems of four letters or more (German compounds and participles:
"mitteilte", "gesagt"). A separable verb counts when its particle closes a clause ("teilte ... mit,").

Every sentence that a quoted span of more than `quotes.min_words_without_cue` words (or one right
after a colon) touches is parsed (shorter spans are scare quotes unless a cue is near, and the cue
makes its sentence a candidate anyway), and so is the sentence before a candidate that holds a
pronoun from the rule file (its antecedent: a personal pronoun, a possessive opening a
possessive cue, a demonstrative standing alone) or a Konjunktiv form while the sentence before
holds two capitalised words in a row (a named person whose report it may go on), and, where `konjunktiv.lemma_endings` is set, the
sentence after a candidate when a word there may be such a Konjunktiv form. A headline that
attributes its claim with a colon ("Pence: ...", headline.py) is parsed too. Paragraphs with
neither a cue nor such a span are not even tokenized.
"""

from __future__ import annotations

import hashlib
import inspect
import marshal
import re
from functools import lru_cache
from pathlib import Path

import regex

from . import entities, headline, marks
from .headline import headline_claim
from .marks import MarkScanner
from .parse import SentenceTokens, paragraphs
from .rules import RuleSet

_CLAUSE_END = frozenset(",.;:!?)")
_SENTENCE_END = frozenset(".:!?")
_ROUGH_WORDS = regex.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# `CandidateSelector._word_flags`: what a word can be in a cue, as bits
_KONJUNKTIV, _CUE_FIRST, _CUE_INSIDE, _PARTICLE, _PHRASE = 1, 2, 4, 8, 16


def selection_digest(rules: RuleSet) -> str:
    """What a CandidateSelector's choice depends on: the rule file's content and the code of this
    module, of the quotation-mark scanner and of the headline test with the first names it reads
    (entities.first_name_gender, the table it reads and gender-guesser's list). A parse cache
    entry made under the same digest already holds every paragraph and sentence the selector asks
    for (Parser.parse_many)."""
    h = hashlib.sha256(rules.model_dump_json().encode())
    for source in (__file__, marks.__file__, headline.__file__):
        h.update(Path(source).read_bytes())
    for function in (entities.first_name_gender, entities._first_names):
        try:
            h.update(inspect.getsource(function).encode())
        except OSError:  # installed without sources: the compiled code
            h.update(marshal.dumps(inspect.unwrap(function).__code__))
    h.update(entities.first_names_source().encode())
    return h.hexdigest()[:16]


def _stem(lemma: str, endings: list[str]) -> str:
    for e in sorted(endings, key=len, reverse=True):
        if lemma.endswith(e) and len(lemma) - len(e) >= 3:
            return lemma[: -len(e)]
    return lemma


class CandidateSelector:
    """select(text, sentences) -> indexes of the sentences to parse (a Parser `Selector`)."""

    def __init__(self, rules: RuleSet, scanner: MarkScanner | None = None):
        cues = rules.cues
        self.scanner = scanner or MarkScanner(rules)
        self.forms = set(cues.forms) | set(cues.irregular_forms) | set(cues.verbs) | set(cues.quoting_verbs) \
            | set(cues.naming_verbs)
        k = rules.konjunktiv
        self.konjunktiv = (set(k.forms) | set(k.continuation_forms) | set(k.reportative_modals)) - self.forms
        stems = {_stem(v, cues.stem_endings)
                 for v in [*cues.verbs, *cues.quoting_verbs, *cues.impersonal_verbs, *cues.naming_verbs]}
        # a separable verb's base shows up inside its participle ("angekündigt", "mitgeteilt")
        stems |= {st for base, _ in cues.separable if len(st := _stem(base, cues.stem_endings)) >= 4}
        long_stems = sorted(s for s in stems if len(s) >= 4)
        # plain literals: the standard library's engine finds them three times faster than `regex`
        self.long_stems = re.compile("|".join(map(re.escape, long_stems))) if long_stems else None
        self.short_stems = tuple(sorted(s for s in stems if len(s) < 4))
        self.particles = {p for _, p in cues.separable}
        self.phrases: dict[str, list] = {}  # first word -> (words, phrase) of the prepositional cues
        for p in cues.prepositions:
            self.phrases.setdefault(p.words[0], []).append((tuple(p.words), p))
        self.min_words = rules.quotes.min_words_without_cue
        self.pronouns = set(rules.speakers.pronouns_singular) | set(rules.speakers.pronouns_plural)
        # "Seiner Ansicht nach": a possessive that opens a prepositional cue points back as well
        self.possessive_phrases = {tuple(p.words) for p in cues.prepositions if p.position == "possessive"}
        self.possessives = set(rules.speakers.pronouns_possessive)
        self.demonstratives = set(rules.speakers.pronouns_demonstrative)
        self.pointing = frozenset(self.pronouns | self.possessives | self.demonstratives)  # _has_pronoun's words
        self.konjunktiv_endings = tuple({b for _, b in k.lemma_endings})
        self.stopwords = rules.stopword_set
        self.not_names = rules.body_word_set
        # both steps of a parse (paragraphs, then sentences) ask for the same article's spans; a
        # parse handles one batch (runner.BATCH_ARTICLES articles) at a time
        self.quote_spans = lru_cache(maxsize=16)(self._quote_spans)
        # every word of every candidate paragraph is asked about, most of them many times
        self.word_flags = lru_cache(maxsize=100_000)(self._word_flags)
        self.digest = selection_digest(rules)

    def _word_flags(self, word: str) -> int:
        """What a word can be, whatever its neighbours: a Konjunktiv form, a cue first in a clause,
        a cue inside one, a separable verb's particle, the first word of a prepositional cue.

        A cue is a speech-verb form, or a word with a verb stem in it. Stems count only in words
        written in lower case (or first in the sentence): capitalised mid-sentence words are names
        and, in German, nouns ("Erklärung", "United States"), not verbs."""
        w = word.lower()
        if w in self.forms:
            cue = _CUE_FIRST | _CUE_INSIDE
        elif w.startswith(self.short_stems) or self.long_stems is not None and self.long_stems.search(w) is not None:
            cue = _CUE_FIRST if word[:1].isupper() else _CUE_FIRST | _CUE_INSIDE
        else:
            cue = 0
        return cue | _KONJUNKTIV * (w in self.konjunktiv) | _PARTICLE * (w in self.particles) | _PHRASE * (w in self.phrases)

    def _has_cue(self, words: list[str]) -> bool:
        """Does this run of words hold a cue (a Konjunktiv form counts: it may continue a report)?"""
        lower = None
        for k, w in enumerate(words):
            f = self.word_flags(w)
            if not f:
                continue
            if lower is None:
                lower = [x.lower() for x in words]
            if f & _KONJUNKTIV or f & (_CUE_FIRST if k == 0 or lower[k - 1][:1] in _CLAUSE_END else _CUE_INSIDE):
                return True
            if f & _PARTICLE and (k + 1 == len(lower) or lower[k + 1][:1] in _CLAUSE_END):
                return True
            for words_, p in self.phrases.get(lower[k], ()) if f & _PHRASE else ():
                if tuple(lower[k:k + len(words_)]) == words_ and (p.position != "comma_before" or k > 0 and lower[k - 1] == ",") \
                        and (p.position != "sentence_start" or k == 0 or lower[k - 1] in _SENTENCE_END) \
                        and (not p.nouns or p.noun_at(lower, k + len(words_)) is not None):
                    return True
        return False

    def _quote_spans(self, text: str) -> list[tuple[int, int]]:
        """(open, close) of the quoted spans long enough to be quotes without a cue, or right after a
        colon (a clause that frames a quotation: "… mit den Worten: „…“"), in order.

        A shorter span is a scare quote or a title unless a cue makes it a quote, and a cue already
        makes its sentence a candidate."""
        return sorted((sp.open, sp.close) for sp in self.scanner.scan(text, paragraphs(text))
                      if sp.words(text) > self.min_words or text[max(0, sp.open - 20):sp.open].rstrip().endswith(":"))

    def paragraphs(self, text: str, paras: list[tuple[int, int]]) -> set[int]:
        """Paragraphs worth tokenizing: a long quoted span or a cue, on a rough split into words."""
        spans = self.quote_spans(text)
        out = {0} if headline_claim(text, self.stopwords, self.not_names) else set()
        for p, (start, end) in enumerate(paras):
            words = _ROUGH_WORDS.findall(text, start, end)
            if any(a < end and b > start for a, b in spans) or self._has_cue(words):
                out.add(p)
                if p and self._has_pronoun(words):
                    out.add(p - 1)
        return out

    @staticmethod
    def _inside_quote(sent: SentenceTokens, spans: list[tuple[int, int]], k: int) -> bool:
        """Is every word of the sentence inside one quoted span (marks included)? Such a sentence
        is all quote: the frame that attributes it is in another sentence, which is parsed."""
        a, b = spans[k]
        return a <= sent.start and sent.end <= b or all(any(x <= s and e <= y for x, y in spans[k:k + 3])
                                                        for s, e in zip(sent.starts, sent.ends))

    def _may_be_konjunktiv(self, words: list[str]) -> bool:
        """A lower-case word of four letters or more with a Konjunktiv I ending (`konjunktiv.lemma_endings`),
        no stopword, followed by a lower-case word or punctuation ("gehöre unter", not the
        adjective in "neue Regeln")."""
        for k, w in enumerate(words[1:-1], 1):
            if len(w) >= 4 and w[0].islower() and w.endswith(self.konjunktiv_endings) and w not in self.stopwords \
                    and not words[k + 1][:1].isupper():
                return True
        return False

    def _has_konjunktiv(self, words: list[str]) -> bool:
        return any(w.lower() in self.konjunktiv for w in words)

    @staticmethod
    def _has_full_name(words: list[str]) -> bool:
        """Two capitalised words in a row after the first word: a first name and a surname, maybe."""
        return any(a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha() for a, b in zip(words[1:], words[2:]))

    def _has_pronoun(self, words: list[str]) -> bool:
        lower = [w.lower() for w in words]
        if self.pointing.isdisjoint(lower):
            return False
        return any(w in self.pronouns or w in self.possessives and any(
            tuple(lower[k + 1:k + 1 + len(p)]) == p for p in self.possessive_phrases)
            # a demonstrative standing alone ("sagte dieser", "Nachdem dieser von …"), not before its noun
            or w in self.demonstratives and (k + 1 == len(words) or not words[k + 1][:1].isupper())
            for k, w in enumerate(lower))

    def __call__(self, text: str, sents: list[SentenceTokens]) -> set[int]:
        surface = [s.texts for s in sents]
        chosen = {i for i, words in enumerate(surface) if self._has_cue(words)}
        head = headline_claim(text, self.stopwords, self.not_names)
        if head is not None:  # "Pence: Gennifer Flowers Won't Be at Debate" (headline.py)
            chosen |= {i for i, s in enumerate(sents) if s.start < head.claim[1]}
        spans = self.quote_spans(text)
        k = 0
        for i, s in enumerate(spans and sents):  # sentences with a quote's frame: part in, part out
            while k < len(spans) and spans[k][1] <= s.start:
                k += 1
            if k < len(spans) and spans[k][0] < s.end and not self._inside_quote(s, spans, k):
                chosen.add(i)
        # a pronoun speaker needs the sentence before it parsed: its antecedent is there
        # and so does a report in Konjunktiv whose speaker the sentence before names ("Experte X sieht
        # darin Parallelen. Die Ursache sei nie gefunden worden.")
        before = {i - 1 for i in chosen if i and (self._has_pronoun(surface[i]) or (
            self._has_konjunktiv(surface[i]) and self._has_full_name(surface[i - 1])))}
        # a report goes on in Konjunktiv I of any verb ("… sagte er. Dazu gehöre …"), which only the
        # parser's lemma tells: the sentence after a candidate in its paragraph is parsed when it has
        # a word that may be one
        after = {i + 1 for i in chosen if i + 1 < len(sents) and "\n" not in text[sents[i].end:sents[i + 1].start]
                 and self._may_be_konjunktiv(surface[i + 1])} if self.konjunktiv_endings else set()
        return chosen | before | after
