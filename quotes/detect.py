"""Detection: cues, their reported content, and the kind of each quote.

Input: a parsed document, its quoted spans and the language's rules. Output: `Candidate`s, each a
quote span with its kind, its cue (or none) and the mention of its source as the sentence gives
it (a word index, resolved to a name later by `resolve`).

The rules lean on surface structure (commas, colons, complementizers, quotation marks) and use
the dependency parse where it is reliable enough (the subject, the agent, the object of
"laut"/"according to"), because the parser misses about one sentence boundary in nine and tags
many names wrongly.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from .headline import headline_claim
from .marks import QuotedSpan
from .mentions import NOMINAL, VERBAL, Mentions
from .parse import ParsedDoc, Word
from .rules import RuleSet

BETWEEN_PHRASE = {"DET", "ADJ", "NUM", "PRON"}  # "nach | ersten | Angaben"
SOURCE_OPENERS = {"DET", "ADP", "PROPN", "X"}  # "nach Angaben | der Polizei", "… | von n24", "… | Wang Yis"
CUE_POS = {"VERB", "AUX", "ADJ", "X"}
SENTENCE_END = ".!?"
_SENTENCE_START_AFTER = set(SENTENCE_END) | {":"}  # what may stand right before a sentence's first word
TRAILING = " \t\r\n.,;:!?"
_NUMBER = regex.compile(r"Number=(\w+)")


def _in_span(span: tuple[int, int] | None, w: Word) -> bool:
    """Does word w start inside the character span (a cue's content)?"""
    return span is not None and span[0] <= w.start < span[1]


def _rel_or_dem(w: Word) -> bool:
    """A pronoun the tagger calls relative or demonstrative: German "der", "die", "denen" open
    relative clauses and are tagged either way."""
    return w.upos == "PRON" and ("PronType=Rel" in w.feats or "PronType=Dem" in w.feats)


def _last_char(text: str, end: int, strip: str = " \t\r\n") -> str:
    """The last character of text[:end] that is not in `strip` ("" if none): text[:end].rstrip(strip)[-1:]
    without copying the article up to `end`."""
    while end > 0 and text[end - 1] in strip:
        end -= 1
    return text[end - 1:end]


@dataclass(slots=True)
class Unit:
    """A sentence as the detector sees it: Stanza sentences merged where a quote or a frame runs on."""

    start: int
    end: int
    first: int  # first word index
    last: int  # one past the last word index
    para: int


@dataclass(slots=True)
class Cue:
    words: list[int]  # the verb (and particle) or the preposition's words
    lemma: str
    kind: str  # "verb" | "preposition"
    unit: int
    source: int | None = None  # word index heading the source mention
    source_words: tuple[int, int] | None = None  # explicit [first, last) of the source mention
    via: str = "subject"
    outlet: int | None = None  # word index heading an outlet mention
    content: tuple[int, int] | None = None  # article offsets of the reported content
    content2: tuple[int, int] | None = None  # the second part of a quote the frame interrupts
    anaphoric: bool = False  # names no source, points back to one ("Demnach …")
    antecedent: int | None = None  # a pronoun source's person named just before ("X verteidigte … Er halte …")


@dataclass(slots=True)
class Candidate:
    kind: str  # direct | indirect | mixed
    start: int
    end: int
    cue: Cue | None
    via: str | None = None  # how the speaker was found when there is no cue word
    source: int | None = None
    source_words: tuple[int, int] | None = None
    outlet: int | None = None
    outlet_words: tuple[int, int] | None = None
    follows: Candidate | None = None  # the earlier quote whose speaker this one continues
    spans: list[QuotedSpan] = field(default_factory=list)


class Detector:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.cues = rules.cues
        self.mentions = Mentions(rules)  # the noun phrases a cue's source or addressee is read from
        self.openers = {o for o, _ in rules.quotes.pairs}
        self.closers = {c for _, c in rules.quotes.pairs}
        self.konjunktiv = rules.konjunktiv
        self.naming = set(rules.cues.naming_verbs)
        # what a verb cue's lemma or form must be among (verb_cues tests these first)
        self.cue_lemmas = frozenset(rules.separable_bases) | set(rules.cues.quoting_verbs) | self.naming | rules.verb_lemmas
        self.cue_forms = frozenset(rules.separable_bases) | self.naming | rules.verb_forms
        # organization words as whole words only: "Rat", not the "-bild" of "Vorbild"
        self.organization_names = set(rules.speakers.organization_words)
        # one-word prepositional cues ("laut", "per"): a phrase they open names a source
        self.cue_prepositions = {p.words[0] for p in rules.cues.prepositions if len(p.words) == 1}
        self._phrases_by_first: dict[str, list[int]] = {}  # first word -> rule-file order of the prepositional cues
        for order, p in enumerate(rules.cues.prepositions):
            self._phrases_by_first.setdefault(p.words[0], []).append(order)

    # ------------------------------------------------------------------ units
    def units(self, doc: ParsedDoc, spans: list[QuotedSpan]) -> list[Unit]:
        """Merge Stanza sentences that a quote spans, or whose second part is only a frame."""
        units: list[Unit] = []
        for s in doc.sentences:
            if units and units[-1].para == s.para and self._joins(doc, spans, units[-1], s):
                u = units[-1]
                u.end, u.last = s.end, s.last
            else:
                units.append(Unit(s.start, s.end, s.first, s.last, s.para))
        return units

    def _joins(self, doc: ParsedDoc, spans: list[QuotedSpan], prev: Unit, s) -> bool:
        if any(q.open < prev.end and q.close > s.start for q in spans):
            return True
        first = doc.words[s.first]
        # A sentence never starts lower-case or with a comma: the split before it was wrong.
        return first.text[:1].islower() or first.text in {",", ";"}

    # ------------------------------------------------------------------ cues
    def _speech_verb(self, w: Word) -> bool:
        """Is w a speech verb of the rule file, by lemma or by form?"""
        return w.lemma in self.rules.verb_lemmas or w.lower in self.rules.verb_forms

    def verb_cues(self, doc: ParsedDoc, units: list[Unit], spans: list[QuotedSpan]) -> list[Cue]:
        """Speech verbs outside quotations ("… as thin as the paper it's written on," said Brooks:
        "written" is part of what Brooks said, not a frame)."""
        words = doc.words
        cues: list[Cue] = []
        sep = self.rules.separable_bases
        quoted = sorted((sp.start, sp.end) for sp in spans)
        starts = [a for a, _ in quoted]
        for ui, u in enumerate(units):
            for w in words[u.first:u.last]:
                low = w.lower
                if w.upos not in CUE_POS and not (w.upos == "NOUN" and low in self.rules.verb_forms):
                    continue
                lemma = w.lemma.lower()
                if lemma not in self.cue_lemmas and low not in self.cue_forms:
                    continue  # no speech verb, separable verb or naming verb by lemma or form
                k = bisect_right(starts, w.start) - 1
                if k >= 0 and w.end <= quoted[k][1]:
                    continue  # spans never nest: the one starting last before w is the only one around it
                parts = [w.i]
                named = None  # a naming verb's quotation, found with the cue
                if lemma in sep or low in sep:
                    particle = self._particle(doc, u, w, sep.get(lemma) or sep[low])
                    if particle is None:
                        if lemma not in self.rules.verb_lemmas:
                            continue
                    else:
                        parts.append(particle)
                        lemma = f"{lemma} {words[particle].lower}"
                        if lemma in self.naming:  # "wies dies als „Unverschämtheit“ zurück"
                            named = self._naming_quote(doc, u, w.i)
                elif lemma in self.cues.quoting_verbs:
                    pass
                elif lemma in self.naming or low in self.naming:
                    # "bezeichnete den Besuch als „wichtiges Zeichen“": the quotation alone; a verb
                    # that is also a speech verb is a plain cue without one ("kritisierte, dass …")
                    if self._appositive_participle(doc, w):
                        continue  # "Die Bewegung, genannt „Vereinigte Front“, …": a name, no quote
                    named = self._naming_quote(doc, u, w.i)
                    if named is None and lemma not in self.rules.verb_lemmas and low not in self.rules.verb_forms:
                        continue
                elif lemma not in self.rules.verb_lemmas and low not in self.rules.verb_forms:
                    continue
                if any(c.lower in self.cues.negations and abs(c.i - w.i) <= 3 for c in doc.children(w.i)):
                    continue
                if lemma in self.cues.impersonal_verbs and not any(
                    c.lower in self.cues.impersonal_subjects for c in doc.children(w.i)
                ) and not any(x.lower in self.cues.impersonal_subjects for x in words[max(u.first, w.i - 1):w.i + 2]):
                    continue
                cues.append(Cue(words=parts, lemma=lemma, kind="verb", unit=ui, content=named))
        return cues

    def _particle(self, doc: ParsedDoc, u: Unit, verb: Word, particles: set[str]) -> int | None:
        for c in doc.children(verb.i):
            if c.lower in particles and c.deprel in ("compound:prt", "compound", "advmod", "obl", "mark"):
                return c.i
        # Tolerate a wrong attachment: the particle closes the clause (before , . : or a quote).
        for w in doc.words[verb.i + 1:u.last]:
            if w.lower in particles:
                nxt = doc.words[w.i + 1] if w.i + 1 < u.last else None
                if nxt is None or nxt.text in {",", ".", ":", ";"} or self.mentions.is_quote_mark(nxt):
                    return w.i
            if w.text in {",", ":", ";"}:
                break
        return None

    def preposition_cues(self, doc: ParsedDoc, units: list[Unit]) -> list[Cue]:
        """The prepositional cues of each unit ("laut X", "according to X"), in the rule file's
        order of the phrases, then by position."""
        words = doc.words
        phrases = self.cues.prepositions
        cues: list[Cue] = []
        for ui, u in enumerate(units):
            lows = [w.lower for w in words[u.first:u.last]]
            if self._phrases_by_first.keys().isdisjoint(lows):
                continue  # no word that opens a phrase
            hits = sorted((order, k) for k, low in enumerate(lows) for order in self._phrases_by_first.get(low, ())
                          if lows[k:k + len(phrases[order].words)] == phrases[order].words)
            for order, k in hits:
                p = phrases[order]
                i, end = u.first + k, u.first + k + len(p.words)
                if p.nouns:
                    j = p.noun_at(lows, end - u.first)
                    if j is None or any(w.upos not in BETWEEN_PHRASE and not self._in_compound(doc, w.i)
                                        for w in words[end:u.first + j]):
                        continue
                    end = u.first + j + 1
                cue = self._preposition(doc, u, ui, i, end, p.position, bool(p.nouns))
                if cue:
                    cues.append(cue)
        return cues

    @staticmethod
    def _in_compound(doc: ParsedDoc, i: int) -> bool:
        """Is word i the first part or the hyphen of a hyphenated compound the tokenizer split
        ("UNHCR | - | Angaben")?"""
        words = doc.words
        if i + 1 >= len(words):
            return False
        w, nxt = words[i], words[i + 1]
        if w.text == "-":
            return i > 0 and words[i - 1].end == w.start and w.end == nxt.start
        return nxt.text == "-" and w.end == nxt.start and i + 2 < len(words) and nxt.end == words[i + 2].start

    def _preposition(self, doc: ParsedDoc, u: Unit, ui: int, a: int, b: int, position: str,
                     noun_phrase: bool = False) -> Cue | None:
        words = doc.words
        cue_end = b
        if position == "sentence_start":
            if a != doc.sentences[words[a].sent].first and words[a - 1].text not in _SENTENCE_START_AFTER:
                return None
            np = (b, b)  # "Demnach steht …": no source named, it points back to one
        elif position == "after":
            np = self.mentions.phrase_before(doc, a, u.first)
        elif position == "possessive":
            # "ihrer Meinung nach", "Seiner Ansicht nach"; not the polite "Ihrer" of an interview question
            p = words[a - 1] if a > u.first else None
            if p is None or p.lower not in self.rules.speakers.pronouns_possessive or p.text[:1].isupper() and not (
                    p.i == doc.sentences[p.sent].first):
                return None
            if a - 2 >= u.first and words[a - 2].upos == "DET":
                return None  # "die seiner Meinung nach wachsenden Gefahren": an attribute, no report
            np = (a - 1, a)
        elif noun_phrase and (b >= u.last or words[b].upos not in SOURCE_OPENERS or words[b].upos == "ADP"
                              and words[b].lower not in self.cues.agent_markers):
            # "Nach Polizeiangaben hat …", "Nach Planungen aus dem Jahr 2005 wird …": no source named;
            # what hangs on the noun belongs to the phrase
            if b < u.last and words[b].upos == "ADP":
                sub = set(doc.subtree(b - 1))
                while b < u.last and b in sub and words[b].upos not in VERBAL | {"PUNCT"}:
                    b += 1
            np = (b, b)
        else:
            np = self.mentions.phrase_after(doc, b, u.last, apposition=True)
        if np is None:
            return None
        if position == "comma_before" and (a == u.first or words[a - 1].text != "," or not self._source_after_comma(doc, u, b, np)):
            return None
        if position == "comma_before" and words[b].upos == "VERB":
            cue_end, np = b + 1, (b + 1, np[1])  # ", so schätzen | die Forscher": the verb is part of the cue
        phrase_first, phrase_last = (np[0], b) if position in ("after", "possessive") else (a, np[1])
        cue = Cue(words=list(range(a, cue_end)), lemma=" ".join(w.lower for w in words[a:cue_end]), kind="preposition",
                  unit=ui, via="preposition", source_words=np if np[1] > np[0] else None,
                  anaphoric=position == "sentence_start")
        cue.source = self.mentions.phrase_head(doc, np) if np[1] > np[0] else None
        if cue.source is None and words[cue.words[-1]].head >= 0 and any(
                words[k].lower in self.rules.speakers.reflexive_possessives for k in cue.words):
            # "X war nach eigenen Angaben überwältigt": the subject of the clause it hangs on
            verb = words[cue.words[-1]].head
            cue.source = self.subject(doc, verb)
            if cue.source is not None and self._relative_pronoun(doc, cue.source):
                cue.source = self._relative_antecedent(doc, cue.source, verb, u)
        # Where does the content lie? At the start: after the phrase; at the end: before it.
        lead = phrase_first == u.first or all(w.upos in {"CCONJ", "PUNCT"} for w in words[u.first:phrase_first])
        tail_words = words[phrase_last:u.last]
        tail = all(w.upos == "PUNCT" and not self.mentions.is_quote_mark(w) for w in tail_words)
        if lead and not tail:
            j = phrase_last
            while j < u.last and words[j].text in {",", ":"}:
                j += 1
            if j >= u.last:
                return None
            cue.content = (words[j].start, u.end)
        elif tail and not lead:
            j = phrase_first
            while j > u.first and words[j - 1].text in {",", ":", "–", "-", "—"}:
                j -= 1
            cue.content = (u.start, words[j - 1].end if j > u.first else u.start)
        else:
            k, j = phrase_first - 1, phrase_last
            while k > u.first and words[k].text in {",", ":", "–", "-", "—"}:
                k -= 1
            while j < u.last - 1 and words[j].text in {",", ":"}:
                j += 1
            if k > u.first and words[k].text in self.closers and j > phrase_last and words[j].text in self.openers:
                # "„A“, so X: „B“": the frame between two quotations frames each of them
                cue.content, cue.content2 = (u.start, words[k].end), (words[j].start, u.end)
                return cue
            # a frame inside the clause: the relative clause it stands in ("…, die nach Angaben des
            # Mannes eine Bombe enthalten sollte"), else the whole clause, bridged
            cue.content = self._relative_clause(doc, u, phrase_first, phrase_last) or (u.start, u.end)
        return cue

    @staticmethod
    def _source_after_comma(doc: ParsedDoc, u: Unit, b: int, np: tuple[int, int]) -> bool:
        """", so der Minister", ", so er" name a source: a noun phrase that ends the clause. Not ", so wurde
        sein Werk …", ", so auch in Düsseldorf", ", so mancher Reifen wurde gewechselt"."""
        words = doc.words
        if b < u.last and words[b].upos == "VERB":  # ", so schätzen die Forscher, …": verb, subject, no second verb
            rest = next((k for k in range(np[1], u.last) if words[k].text in {",", ".", ";", ":", "!", "?"}), u.last)
            return np[1] - b >= 2 and not any(words[k].upos in VERBAL for k in range(np[1], rest))
        if b >= u.last or words[b].upos not in {"DET", "PROPN", "NOUN", "X", "ADJ", "NUM", "PRON"} or words[b].text[:1].islower() \
                and words[b].upos not in {"DET", "ADJ", "PRON"}:
            return False
        return np[1] >= u.last or words[np[1]].upos not in VERBAL

    def _relative_clause(self, doc: ParsedDoc, u: Unit, a: int, b: int) -> tuple[int, int] | None:
        """The relative clause, opened after a comma, that holds words a..b, as a character span."""
        words = doc.words
        comma = next((k for k in range(a - 1, u.first - 1, -1) if words[k].text == ","), None)
        if comma is None or comma + 1 >= a:
            return None
        r = comma + 1
        if words[r].upos == "ADP" and r + 1 < a:
            r += 1  # "unter denen", "bei dem"
        if not _rel_or_dem(words[r]):
            return None
        h = words[r].head
        if h >= 0 and words[h].deprel.split(":")[0] in ("aux", "cop"):
            h = words[h].head
        if h < 0 or words[h].deprel not in ("acl:relcl", "acl"):
            return None  # a pronoun opening a clause of its own, not a relative one
        sub = doc.subtree(h)
        if not (min(k for k in sub if words[k].upos != "PUNCT") >= comma + 1 and all(k in sub or words[k].upos == "PUNCT" for k in range(comma + 1, b))):
            return None
        end = max(k for k in sub if k < u.last)
        while end > comma and words[end].upos == "PUNCT":
            end -= 1
        return words[comma + 1].start, words[end].end

    # ------------------------------------------------------------------ content of verb cues
    def _frame_ok(self, w: Word, cue: Cue, doc: ParsedDoc) -> bool:
        """Can w belong to the frame around the cue (subject, adverbs, objects), not to content?"""
        if w.i in cue.words:
            return True
        if w.upos in VERBAL:
            return w.head in cue.words and (w.deprel.startswith("aux") or self._featureless(w)) \
                or self._adverb_as_verb(doc, w)
        return True

    @staticmethod
    def _featureless(w: Word) -> bool:
        """A word tagged a verb with no verb features (form, mood): an adverb the tagger missed ("wie
        die Agentur ANSA gestern berichtete")."""
        return w.upos == "VERB" and not w.feats

    @staticmethod
    def _adverb_as_verb(doc: ParsedDoc, w: Word) -> bool:
        """A lower-case word tagged a verb that stands alone before a comma, with no argument of its
        own before it: an adverb the tagger missed ("erklärte hingegen, …")."""
        words = doc.words
        return w.text.islower() and w.i + 1 < len(words) and words[w.i + 1].text == "," \
            and not any(k.i < w.i for k in doc.children(w.i) if k.upos != "PUNCT")

    @staticmethod
    def _appositive_participle(doc: ParsedDoc, w: Word) -> bool:
        """A non-finite verb right after a comma or parenthesis, with no auxiliary: a participle in
        apposition to the noun before it ("…, genannt „X“, …")."""
        return w.i > 0 and doc.words[w.i - 1].text in {",", "("} and "Mood=" not in w.feats \
            and not any(k.deprel.startswith("aux") for k in doc.children(w.i))

    def _naming_quote(self, doc: ParsedDoc, u: Unit, verb: int) -> tuple[int, int] | None:
        """(content start, end) for a naming verb: a quotation opening within its clause, or one
        closing right before a clause-final verb ("die als „Knaller“ bezeichnet wurde")."""
        words = doc.words
        k = verb - 1
        if k > u.first and words[k].text in self.closers:
            opener = next((x for x in reversed(words[max(u.first, k - 30):k]) if x.text in self.openers), None)
            if opener is not None and opener.i + 1 < k and not self._names_in_marks(doc, opener.i, k):
                return opener.start, words[k].end
        for j in range(verb + 1, min(u.last, verb + 12)):
            w = words[j]
            if w.text in {",", ";", ":"} or w.upos in VERBAL and w.deprel not in ("xcomp", "obj"):
                return None
            if w.text in self.openers:
                close = next((x for x in words[j + 1:u.last] if x.text in self.closers), None)
                if close is None or j + 1 == close.i or self._names_in_marks(doc, j, close.i):
                    return None
                start = w.start if self.cues.naming_span == "quote" or j == verb + 1 else words[verb + 1].start
                return start, close.end
        return None

    def verb_content(self, doc: ParsedDoc, u: Unit, cue: Cue, cue_heads: dict[int, Cue]) -> None:
        if cue.content is not None:
            return  # a naming verb: its quotation was found with the cue
        c = cue.words[0]
        subj = [k.i for k in doc.children(c) if k.deprel.startswith("nsubj")]
        w = doc.words[c]
        # "…,” Trump said, adding, “…”": a cue that hangs on an earlier cue reports what follows it
        # (a frame closing its sentence hangs on an earlier cue only when that one found content:
        # "…, the trend is set to continue, the United Nations warned" is no "continue" report)
        trailing = any(k.i < c for k in doc.children(c) if k.deprel.startswith("nsubj")) and all(
            x.upos == "PUNCT" for x in doc.words[max(cue.words) + 1:u.last])
        reporting = {h for h, other in cue_heads.items() if h < c and (other.content is not None or not trailing)}
        follows_cue = w.deprel in ("advcl", "xcomp", "conj") and w.head in reporting
        if w.deprel in ("advcl", "conj") and not follows_cue:
            # "said the bridge “will open,” and urged …": a report coordinated inside an earlier
            # cue's complement has no content before it, that is the earlier cue's
            h = w.head
            while h >= 0 and not follows_cue:
                follows_cue = h in reporting
                h = doc.words[h].head
        before = None if follows_cue or self._passive_of_a_thing(doc, cue) else self._content_before(doc, u, cue, subj)
        after, via_comma = self._content_after(doc, u, cue)
        text = doc.text
        quoted_before = before is not None and _last_char(text, before[1], TRAILING) in self.closers
        quoted_after = after is not None and text[after[0]:after[0] + 2].lstrip()[:1] in self.openers
        if quoted_before and quoted_after:
            cue.content, cue.content2 = before, after  # “A,” he said, “B”: two quotes, one frame
        elif before is not None and quoted_after and _last_char(text, after[0]) == ":" and self._main_clause(doc, before):
            # "Die Fahrer seien nicht befragt worden, sagte X: „…“": the report before the frame and
            # the quotation its colon opens
            cue.content, cue.content2 = before, after
        elif quoted_before:
            cue.content = before  # "“…,” Chaffetz said after Pagliano failed to appear": the quotation
        elif after and not via_comma:
            cue.content = after  # "In a call …, Wang said China …": the clause after the cue
        else:
            cue.content = before or after
        if cue.content is not None and cue.content == after:
            cue.content = self._before_coordinated_verb(doc, cue, cue.content)

    @staticmethod
    def _main_clause(doc: ParsedDoc, span: tuple[int, int]) -> bool:
        """Does the span hold a main clause: a finite verb whose clause no subordinator opens and that
        hangs on no other clause ("Die Fahrer seien nicht befragt worden", not "Speaking to
        journalists" or "When asked if he expected …")?"""
        for w in doc.between(*span):
            if "VerbForm=Fin" not in w.feats:
                continue
            head = doc.words[w.head] if w.deprel.split(":")[0] in ("aux", "cop") and w.head >= 0 else w
            if head.deprel.split(":")[0] in ("advcl", "acl", "csubj") or any(
                    k.deprel == "mark" for k in doc.children(head.i)):
                continue
            return True
        return False

    def _before_coordinated_verb(self, doc: ParsedDoc, cue: Cue, content: tuple[int, int]) -> tuple[int, int]:
        """Indirect content after the cue ends where a clause coordinated with the report begins:
        a clause coordinated with the cue verb itself ("said tips led officers to him, but he did
        not release more"), a speech verb coordinated inside the content or joined to it by a
        subordinator ("told relatives that the plane had to divert but said they were …", "said
        that “…,” while X said …", "said the kingdom “…,” and urged …": a second report with content
        of its own), or a coordinated relative clause ("… which he said he has “never seen,” and
        which consigned …"): each is the author's, not what the speaker said."""
        words = doc.words
        end = content[1]
        if doc.text[content[0]:content[0] + 1] in self.openers:
            return content  # a quotation runs to its closing mark
        c = cue.words[0]
        cue_end = max(cue.words)
        for k in doc.between(content[0] + 1, end):
            if not k.start < end or k.upos not in VERBAL or k.i <= cue_end:
                continue
            kids = doc.children(k.i)
            first = min(doc.subtree(k.i))
            # "and said …", or ", while X said …": a subordinate report after a comma, with its own subject
            before = first if words[first].text == "," else first - 1
            while before > 0 and self.mentions.is_quote_mark(words[before]):
                before -= 1  # ",” while …": the comma before the closing mark
            joined = any(x.deprel == "cc" for x in kids) or k.deprel == "advcl" and any(
                x.deprel.startswith("nsubj") for x in kids) and words[before].text == "," and any(
                x.deprel == "mark" for x in kids)
            finite = "VerbForm=Fin" in k.feats or any(
                x.deprel.startswith("aux") and "VerbForm=Fin" in x.feats for x in kids)
            speech = self._speech_verb(k)
            if k.deprel == "conj" and k.head == c and finite:
                pass  # coordinated with the cue: the author goes on about the speaker
            elif k.deprel in ("conj", "advcl") and speech and finite and joined:
                pass  # a second report inside the first one's clause
            elif k.deprel == "conj" and joined and any(
                    x.deprel.startswith("nsubj") and "PronType=Rel" in x.feats for x in kids):
                pass  # "and which …": a relative clause coordinated with the one holding the cue
            else:
                continue
            while first - 1 > cue_end and (words[first - 1].upos in {"CCONJ", "SCONJ", "PUNCT"}) \
                    and not self.mentions.is_quote_mark(words[first - 1]):
                first -= 1  # the conjunction and comma before it
            if words[first].start <= content[0]:
                continue
            cut = words[first].start
            x = first
            while x < len(words) and words[x].upos == "PUNCT" and words[x].start < end:
                if words[x].text in self.closers:
                    cut = words[x].end  # "…,” and urged": the closing mark ends the quotation
                x += 1
            end = min(end, cut)
        if end == content[1]:
            return content
        a, b = self._trim(doc.text, content[0], end)
        return (a, b) if b > a else content

    def _passive_of_a_thing(self, doc: ParsedDoc, cue: Cue) -> bool:
        """"…, so wurde sein Werk trotz allem geschätzt": a passive verb whose subject is a noun (what is
        judged) and with no agent reports nothing said before it."""
        kids = doc.children(cue.words[0])
        return cue.lemma not in self.cues.quoting_verbs and any(k.deprel == "aux:pass" for k in kids) \
            and any(k.deprel in ("nsubj:pass", "obj") and k.upos == "NOUN" for k in kids) \
            and self._agent(doc, cue.words[0]) is None

    def _agent(self, doc: ParsedDoc, verb: int) -> int | None:
        """The passive agent of the verb: an oblique marked by one of `cues.agent_markers` ("von X
        zitiert", "cited by X")."""
        return next((k.i for k in doc.children(verb) if k.deprel.startswith("obl") and any(
            g.lower in self.cues.agent_markers and g.deprel == "case" for g in doc.children(k.i))), None)

    def _content_before(self, doc: ParsedDoc, u: Unit, cue: Cue, subj: list[int]) -> tuple[int, int] | None:
        words = doc.words
        c = min(cue.words)
        j = c - 1
        while j >= u.first and c - j <= 12:
            w = words[j]
            if w.text == ",":
                k = self._closer_before_speaker(doc, u, j, c)
                if k is not None:  # "“…,” Senate Majority Leader Mitch McConnell, R-Ky., said"
                    j, w = k, words[k]
                break
            if w.text in {";", "–", "—"} or w.text in self.closers and j + 1 <= c:
                break
            if not self._frame_ok(w, cue, doc):
                return None
            j -= 1
        else:
            return None
        if j < u.first or j == u.first and w.text not in self.closers:
            return None
        if subj and all(x < j for x in subj) and not (w.text in self.closers):
            return None  # "Wang Yi, der auch Staatsrat ist, äußerte sich …": the subject, not content
        if self.cues.verb_second and w.text == "," and any(j < x < c for x in subj) and not (
                words[j + 1].lower in self.cues.frame_subordinators or words[j + 1].upos in VERBAL | {"SCONJ"}):
            # "Es sind 500 Stellen entstanden, die Betreiber sprechen von 850": a main clause with its
            # subject before the verb frames nothing before it (a trailing frame inverts: ", sagte X",
            # ", hatte X erklärt")
            return None
        if w.text in self.closers and self._name_before_cue(doc, u, j, c):
            return None
        end = words[j].end if w.text in self.closers else words[j].start
        k = j
        while k > u.first and words[k - 1].text in {",", ";"}:
            k -= 1
        if w.text not in self.closers:
            end = words[k - 1].end if k > u.first else u.start
        if end <= u.start:
            return None
        span_words = [x for x in words[u.first:j] if x.upos in VERBAL or self.mentions.is_quote_mark(x)]
        if not span_words:
            return None  # "Zhu Yongbiao, Experte …, sagte": a subject with an apposition, no clause
        if w.text not in self.closers and self._subject_phrase_only(doc, u.first, j):
            return None  # "Deiss, der sich … entschlossen hatte, sagte", "X, Commander Henderson sagte"
        if c - 1 >= u.first and ("PronType=Rel" in words[c - 1].feats or self._relative_pronoun(doc, c - 1)):
            return None  # "…, der sagte, man dürfe …": a relative clause reports what follows
        return (u.start, end)

    @staticmethod
    def _relative_pronoun(doc: ParsedDoc, i: int) -> bool:
        """Does word i open a relative clause after a comma ("…, der sagte")?"""
        return i > 0 and doc.words[i - 1].text == "," and _rel_or_dem(doc.words[i])

    def _subject_phrase_only(self, doc: ParsedDoc, a: int, b: int) -> bool:
        """Are words a..b a noun phrase with, at most, relative clauses and names in quotation marks,
        no clause of their own?"""
        words = doc.words
        k = a
        while k < b:
            x = words[k]
            if self.mentions.is_quote_mark(x):
                close = next((y for y in range(k + 1, min(b, k + 8)) if self.mentions.is_quote_mark(words[y])), None)
                if close is None or not self._names_in_marks(doc, k, close):
                    return False
                k = close + 1
                continue
            if x.upos in VERBAL:
                head = words[x.head] if x.deprel.split(":")[0] in ("aux", "cop") and x.head >= 0 else x
                comma = next((y for y in range(k - 1, a - 1, -1) if words[y].text == ","), None)
                opener = words[comma + 1] if comma is not None else None
                if head.deprel != "acl:relcl" and not (  # "Deiss, der sich … entschlossen hatte,"
                        opener is not None and _rel_or_dem(opener)):
                    return False
            k += 1
        return True

    def _name_before_cue(self, doc: ParsedDoc, u: Unit, closer: int, c: int) -> bool:
        """A quotation before the cue, with no punctuation inside its end or between it and the cue,
        opened after an article, a preposition or a word for a medium or an organization, names
        something in the frame: "Moritz Wohlrab von der „Aktion Deutschland hilft“ sagte, …",
        "Wie die „Aktion …“ heute mitteilte, …"."""
        words = doc.words
        if any(x.upos == "PUNCT" for x in words[closer + 1:c]) or _last_char(doc.text, words[closer].start) in ",.?!…":
            return False
        opener = next((x.i for x in reversed(words[u.first:closer]) if x.text in self.openers), None)
        if opener is None or opener == u.first:
            return False
        before = words[opener - 1]
        return before.upos in {"DET", "ADP"} or self.rules.is_body_word(before.text)  # "Wie die Nachrichtenagentur „Xinhua“ meldete"

    def _closer_before_speaker(self, doc: ParsedDoc, u: Unit, comma: int, c: int) -> int | None:
        """The closing mark of a quotation that ends a sentence or clause ("…,”", "…?”") and is
        followed by a speaker with an apposition set off by commas, then the cue: no verb and no
        other quotation mark between it and the cue."""
        words = doc.words
        for k in range(comma - 1, max(u.first, c - 18) - 1, -1):
            w = words[k]
            if w.text in self.closers:
                inner = _last_char(doc.text, w.start)
                if k + 1 < comma and (inner in {",", "?", "!", "…"} or words[k + 1].text == ","):
                    return k
                return None
            if w.upos in VERBAL or self.mentions.is_quote_mark(w) or w.text in {";", ":", "–", "—"}:
                return None
        return None

    def _content_after(self, doc: ParsedDoc, u: Unit, cue: Cue) -> tuple[tuple[int, int] | None, bool]:
        words = doc.words
        c = max(cue.words)
        ccomp = {x.i for x in doc.children(cue.words[0]) if x.deprel in ("ccomp", "parataxis") and x.i > c}
        in_ccomp = {k: h for h in ccomp for k in doc.subtree(h)}
        # "äußerten die Richter „…“": the subject after the cue is frame, not a noun the quotation
        # would describe
        subject = {k for x in doc.children(cue.words[0]) if x.deprel.startswith("nsubj") and x.i > c
                   for k in doc.subtree(x.i)}
        j = c + 1
        nouns = 0
        while j < u.last and j - c <= 14:
            w = words[j]
            if w.lower in self.cues.complementizers:
                return (w.start, u.end), False
            if w.text in self.openers:
                # "sprach von „X“", "called it “X”", "said: “X”" - not "betonte die Solidarität … „X“"
                close = next((x for x in words[j + 1:u.last] if x.text in self.closers), None)
                if close is not None and (self._names_in_marks(doc, j, close.i) or self._after_cue_preposition(doc, j)):
                    # "sagte der „Berliner Zeitung“, dass …": frame, the name of a noun before it;
                    # "kommentierte dies laut „example.org“ so: …": the source of a prepositional cue
                    j = close.i + 1
                    continue
                near = nouns == 0 and j - c - len(subject) <= 3
                if close is not None and (near and any(x.upos == "ADP" for x in words[c + 1:j])
                                          or self._quote_is_argument(doc, cue, j, close.i)):
                    # "sprach von einem „bürgerrechtlichen Dammbruch“ und forderte …", "warnten
                    # Vertreter der Verbände vor einem „drohenden Abfluss“ ins Ausland": the
                    # quotation is the verb's object, what follows is not content
                    return (w.start, close.end), False
                if near:
                    return (w.start, u.end), False
                return None, False
            if w.text == "," and j - 1 in subject:
                colon = self._apposition_to_colon(doc, u, j)
                if colon is not None:
                    j = colon  # "sagte Honoré Durand, der Geschäftsführer des Unternehmens: „…“"
                    continue
            if w.text in {":", ","}:
                nxt = words[j + 1] if j + 1 < u.last else None
                if nxt is not None and nxt.lower in self.cues.complementizers:
                    return (nxt.start, u.end), False  # "sagte der Zeitung, dass …"
                if nxt is None or nxt.lower in self.cues.frame_subordinators or w.text == "," and (
                        nouns > 2 or "PronType=Rel" in nxt.feats or "PronType=Int" in nxt.feats):
                    return None, False  # ", wie das Ministerium mitteilte", ", where …": not content
                if w.text == "," and self._trailing_frame(doc, u, j + 1):
                    return None, False  # "…, the trend is set to continue, the United Nations warned"
                return (nxt.start, u.end), w.text == ","
            if w.i in in_ccomp:  # "said the plan would fail": the clausal complement, with no "that"
                sub = doc.subtree(in_ccomp[w.i])
                first = max(min(sub), c + 1)
                prev = words[first - 1]
                if prev.upos == "PROPN" and prev.deprel == "obj" and prev.head == cue.words[0] and \
                        words[first].upos == "PROPN" and words[first].deprel.startswith("nsubj"):
                    first = min(doc.subtree(prev.i))  # "claimed Jane | Morton was …": one name the parser split
                elif words[first].upos in VERBAL and "VerbForm=Fin" in words[first].feats and first - 1 > c \
                        and "VerbForm=Fin" in words[cue.words[0]].feats and self._object_as_subject(doc, cue, words[first]):
                    first = c + 1  # "claimed Anna Lind | was …": the object is the complement's subject
                return (words[first].start, u.end), False
            if w.upos == "VERB" and w.deprel == "acl" and words[w.head].deprel == "obj" and words[w.head].head == c \
                    and not any(x.lower in self.cues.complementizers for x in words[j:u.last]):
                # "said the delay stemmed from …": a clause with no "that" the parser read as an
                # object with a participle; what one says is the clause, not the noun
                return (words[max(min(doc.subtree(w.head)), c + 1)].start, u.end), False
            if w.upos in VERBAL and "VerbForm=Fin" in w.feats and w.i not in in_ccomp and j - 1 > c \
                    and "VerbForm=Fin" in words[cue.words[0]].feats and self._object_as_subject(doc, cue, w):
                # "claimed Keir Starmer was a …": a finite verb right after a finite cue's object, in a
                # clause with no subject of its own; the object is that clause's subject (not after a
                # participle: "Claiming the criticism is designed to …, Trump told Fox")
                return (words[c + 1].start, u.end), False
            if w.deprel == "acl:relcl" and words[w.head].deprel in ("obj", "iobj") and words[w.head].head == c \
                    and self._zero_relative_clause(doc, w) \
                    and not any(x.lower in self.cues.complementizers for x in words[j:u.last]):
                # "told the Post they plan to appeal": a clause with a subject of its own and no
                # relative word, that the parser hung on the hearer, is what was told
                sub = doc.subtree(w.i)
                return (words[max(min(sub), c + 1)].start, u.end), False
            if w.upos == "VERB" and w.head == cue.words[0] and j + 1 in in_ccomp and not doc.children(w.i) \
                    and "VerbForm=Fin" not in w.feats:
                # "said waiting relatives were told …": a bare participle the parser hung on the cue
                # right before its clausal complement opens that clause
                return (w.start, u.end), False
            if not self._frame_ok(w, cue, doc):
                return None, False
            nouns += w.upos in {"NOUN", "PROPN"} and w.i not in subject
            j += 1
        return None, False

    @staticmethod
    def _object_as_subject(doc: ParsedDoc, cue: Cue, w: Word) -> bool:
        """Does the finite word w follow right after the cue's object (a noun phrase that starts right
        after the cue), and does w's clause have no subject?"""
        words = doc.words
        c = max(cue.words)
        span = {k for x in doc.children(cue.words[0]) if x.deprel == "obj" and x.i > c for k in doc.subtree(x.i)}
        if not span or span != set(range(c + 1, w.i)):
            return False  # (the parser may split a name into two objects: "claimed Keir | Starmer")
        head = words[w.head] if w.deprel.split(":")[0] in ("aux", "cop") and w.head >= 0 else w
        return head.i != cue.words[0] and not any(
            x.deprel.startswith("nsubj") or x.deprel.startswith("csubj") for x in doc.children(head.i))

    @staticmethod
    def _zero_relative_clause(doc: ParsedDoc, w: Word) -> bool:
        """Is w's relative clause one with no relative word and a personal pronoun as its subject
        ("the Post they plan to appeal"), i.e. no relative clause at all?"""
        kids = doc.children(w.i)
        if any("PronType=Rel" in x.feats or "PronType=Int" in x.feats for x in doc.words[min(doc.subtree(w.i)):w.i]):
            return False
        return any(x.deprel.startswith("nsubj") and x.upos == "PRON" and "PronType=Prs" in x.feats and x.i < w.i
                   for x in kids)

    def _trailing_frame(self, doc: ParsedDoc, u: Unit, first: int) -> bool:
        """Are the words from `first` to the end of the unit only another speech verb's frame, its
        subject and the verb ("the United Nations warned", "Glocer said")?"""
        words = doc.words
        if any(self.mentions.is_quote_mark(w) for w in words[first:u.last]):
            return False  # ", “Any questions I can answer?”": a quotation
        rest = [w for w in words[first:u.last] if w.upos != "PUNCT"]
        verbs = [w for w in rest if self._speech_verb(w)]
        if len(verbs) != 1 or not rest:
            return False
        v = verbs[0]
        frame = {v.i} | {k for x in doc.children(v.i) if x.deprel.startswith("nsubj") or x.deprel.startswith("aux")
                         or x.deprel == "advmod" for k in doc.subtree(x.i)}
        return any(words[k].deprel.startswith("nsubj") for k in frame) and all(w.i in frame for w in rest)

    def _after_cue_preposition(self, doc: ParsedDoc, opener: int) -> bool:
        """Does a one-word prepositional cue ("laut", "per") open the phrase this quotation mark opens,
        right before it or before one article ("laut der „…“")?"""
        words = doc.words
        k = opener - 1
        if k >= 0 and words[k].upos == "DET":
            k -= 1
        return k >= 0 and words[k].lower in self.cue_prepositions

    def _apposition_to_colon(self, doc: ParsedDoc, u: Unit, comma: int) -> int | None:
        """The colon that ends an apposition after the comma (a short noun phrase: no verb, quotation
        mark or further comma), else None."""
        words = doc.words
        for k in range(comma + 1, min(u.last, comma + 12)):
            w = words[k]
            if w.text == ":":
                return k if k > comma + 1 else None
            if w.upos in VERBAL or w.text in {",", ";", ".", "!", "?"} or self.mentions.is_quote_mark(w) or w.lower in self.cues.complementizers:
                return None
        return None

    def _names_in_marks(self, doc: ParsedDoc, opener: int, closer: int) -> bool:
        """Do these marks hold a name, not quoted words: a medium ("der „Berliner Zeitung“"), a
        name set off after its kind ("die Wochenzeitung „Le Canard enchaîné“", "Sprecher der
        Organisation „Iceland Nature …“", any noun the parser makes it an apposition of) or a
        title, every word of three letters or more capitalized and none a common noun ("„Public
        Library of Science“", not "„Geschäft des Jahrhunderts“")?"""
        words = doc.words
        inside = range(opener + 1, closer)
        if words[opener + 1].text[:1].isupper() and not any(words[k].upos in VERBAL for k in inside) and (
                any(self.rules.is_outlet_word(words[k].text) for k in inside[:5])
                or any(words[k].lower in self.organization_names for k in inside[:2])):
            return True  # "der „Berliner Zeitung“", "„Oberste Rat zur Wiederherstellung der Demokratie“"
        before = opener - 1
        while before > 0 and words[before].upos in {"DET", "ADJ", "PART"}:
            before -= 1  # "CNN's “State of the Union”"
        if before >= 0 and self.rules.is_body_word(words[before].text):
            return True
        if opener > 0 and words[opener - 1].upos in {"NOUN", "PROPN"} and words[opener + 1].text[:1].isupper() and any(
                words[k].head == opener - 1 and words[k].deprel in ("appos", "flat") for k in inside):
            return True  # the name in apposition to the noun before it: "die Nachrichtensite „Golem“"
        long_words = [words[k] for k in inside if words[k].text[:1].isalpha() and len(words[k].text) > 2]
        return len(long_words) > 1 and all(w.text[:1].isupper() and w.upos != "NOUN" for w in long_words)

    def _quote_is_argument(self, doc: ParsedDoc, cue: Cue, opener: int, closer: int) -> bool:
        """Is the quotation between these marks the cue verb's object, or a prepositional phrase of
        it ("warnten … vor einem „drohenden Abfluss“ ins Ausland")? The caller has already passed
        over marks that hold a name (`_names_in_marks`)."""
        words = doc.words
        inside = range(opener + 1, closer)
        if not inside:
            return False
        verb = cue.words[0]
        if any(words[x].head in inside and words[x].deprel.split(":")[0] in ("conj", "appos")
               for x in range(closer + 1, min(len(words), closer + 12))):
            return False  # "said “budget reforms” and the collection of taxes would help": a part of it
        for k in inside:
            w = words[k]
            if w.head in inside or w.head < 0:
                continue
            rel = w.deprel.split(":")[0]
            return w.head == verb and (rel == "obj" or rel == "obl" and any(
                x.deprel == "case" for x in doc.children(k)))
        return False

    def subject(self, doc: ParsedDoc, i: int, content: tuple[int, int] | None = None) -> int | None:
        """The cue's subject (outside its content): its own nsubj, else that of the verb it is
        coordinated with or auxiliary to."""
        seen = set()
        while i >= 0 and i not in seen:
            seen.add(i)
            # a subject before the cue (a name or pronoun first, then the leftmost), else the first after
            # it ("sagte Wang")
            kids = doc.children(i)
            before = [k for k in kids if k.deprel.startswith("nsubj") and k.i < i]
            for c in sorted(kids, key=lambda k: (k.i > i, k.upos not in {"PROPN", "PRON"}, k.i)):
                if len(before) > 1 and c in before and doc.words[c.i + 1].text == "," and c.i == min(
                        doc.subtree(c.i)) == doc.sentences[c.sent].first and not self._written_mid_sentence(doc, c):
                    continue  # a second subject the parser gave an opening adverb: "Meanwhile, | X said"
                if (c.deprel.startswith("nsubj") or c.deprel.startswith("expl")) and not _in_span(content, c) and not any(
                        g.deprel == "case" for g in doc.children(c.i)) and not (
                        c.i > 0 and doc.words[c.i - 1].upos == "ADP") and not self._in_dateline(doc, c):
                    after = self._subject_after_verb(doc, c, i, content) if c.i < i else None
                    return after if after is not None else c.i
            w = doc.words[i]
            outer = self._coordinated_with_complement(doc, w) if w.deprel == "conj" and len(seen) == 1 else None
            if outer is not None:
                i = outer  # "X said the plane had to divert but said …": X's
            elif w.deprel in ("conj", "xcomp", "advcl") or w.deprel.startswith("aux") or self._participle_clause(doc, w):
                i = w.head
            else:
                break
        stray = self._stray_subject(doc, min(seen), content)
        return stray if stray is not None else self._name_opening_sentence(doc, min(seen), content)

    def _coordinated_with_complement(self, doc: ParsedDoc, w: Word) -> int | None:
        """The speech verb whose subject speaks for the cue w, when w, with no subject of its own, is
        coordinated with the clausal complement of a speech verb and that complement's subject is a
        thing or, of a passive speech verb, the hearer ("Politis said the plane had to divert but
        said they were …", "Politis said relatives were told … but said …"): neither says anything,
        the parser hung w on the wrong verb. None otherwise."""
        words = doc.words

        def hearer(x: Word) -> bool:  # "relatives were told": a passive speech verb's subject heard it
            return self._speech_verb(x) and any(k.deprel == "nsubj:pass" for k in doc.children(x.i))

        head = words[w.head]
        subj = [k for k in doc.children(head.i) if k.deprel.startswith("nsubj")]
        if head.deprel != "ccomp" or head.head < 0 or not subj or not (
                hearer(head) or all(self._thing(doc, k) for k in subj)):
            return None
        outer = words[head.head]
        while hearer(outer) and outer.deprel == "ccomp" and outer.head >= 0:
            outer = words[outer.head]
        return outer.i if self._speech_verb(outer) and not hearer(outer) else None

    def _name_opening_sentence(self, doc: ParsedDoc, verb: int, content: tuple[int, int] | None) -> int | None:
        """The first word of the verb's sentence when the parser gave the verb no subject and that
        word, whatever its tag, is a name: capitalised, no stopword, and written capitalised inside
        a sentence elsewhere in the article ("Medvedev bedankte sich … und sagte: …", "Medvedev"
        tagged an adverb)."""
        words = doc.words
        first = words[doc.sentences[words[verb].sent].first]
        if first.i >= verb or _in_span(content, first) or first.upos in {"PRON", "DET", "ADP", "PUNCT", "VERB", "AUX"} \
                or not first.text[:1].isupper() or first.lower in self.rules.language.stopwords or not first.text.isalpha():
            return None
        nxt = words[first.i + 1] if first.i + 1 < verb else None
        if self._written_mid_sentence(doc, first) or first.upos == "PROPN" and nxt is not None and nxt.upos == "PROPN":
            return first.i  # or the first of a run of names: "Attorney General Roy Cooper (D), …, saying that …"
        return None

    @staticmethod
    def _participle_clause(doc: ParsedDoc, w: Word) -> bool:
        """A present participle hung on a verb as its complement shares that verb's subject (", adding
        that …", "said …, saying that …"): the parser's ccomp where it means an adverbial clause."""
        return w.deprel in ("ccomp", "parataxis") and "VerbForm=Part" in w.feats and "Tense=Pres" in w.feats \
            and w.head >= 0 and doc.words[w.head].upos in VERBAL

    def _subject_after_verb(self, doc: ParsedDoc, c: Word, i: int, content: tuple[int, int] | None) -> int | None:
        """German main clauses put one phrase before the finite verb. When the parser made that phrase
        (c) the subject of verb i, the speaker may stand after the verb instead: returns it, or None."""
        if c.lower in self.cues.fronted_objects:
            # "Das sagte der Minister": the fronted pronoun is the object, the phrase after speaks
            after = next((k.i for k in doc.children(i) if k.i > i and k.upos in NOMINAL
                          and k.deprel.split(":")[0] in ("nsubj", "obj")
                          and not _in_span(content, k)), None)
            if after is not None:
                return after
        if self.cues.verb_second and self._bare_opener(doc, c):
            # "Besorgt äußerte sich Kofi Annan", "Relativierend fügt Gall hinzu": a name as
            # second subject after the verb is the real one; the opening word is an adverb
            # the tagger missed. One it tagged a name gives way to a full name only
            # ("Ähnlich äußerte sich George W. Bush", not "McCarthy nannte …")
            after = next((k.i for k in doc.children(i) if k.i > i and self.mentions.names_someone(doc, k)
                          and (k.deprel.startswith("nsubj") or k.deprel == "obj" and (
                              c.upos != "NOUN" or _number(c) != _number(doc.words[i]) != ""))
                          and not _in_span(content, k)), None)
            if after is not None and (c.upos != "PROPN" or self.mentions.full_name(doc, after)
                                      and not self._written_mid_sentence(doc, c)):
                return after
        if self.cues.verb_second and self._thing(doc, c) and not any(
                self.rules.is_body_word(doc.words[x].text) for x in doc.subtree(c.i)):
            # "Die Äußerungen Hassemers bezeichnete Wiefelspütz als …", "Des Weiteren verwies
            # Steinbrück darauf": a thing before the verb, a bare name right after it
            after = self._bare_name_after(doc, i, content)
            if after is not None:
                return after
        return None

    def _thing(self, doc: ParsedDoc, w: Word) -> bool:
        """Is w a common noun that names neither a person (role) nor a body?"""
        return w.upos == "NOUN" and not (self.rules.is_role_noun(w.text, w.lemma) or self.rules.is_body_word(w.text))

    def _bare_name_after(self, doc: ParsedDoc, i: int, content: tuple[int, int] | None) -> int | None:
        """A capitalised noun or name without article right after verb i (or its reflexive), which the
        parser made its subject or object."""
        words = doc.words
        k = i + 1
        if k < len(words) and words[k].upos == "PRON" and words[k].head == i:
            k += 1  # "äußerte sich X"
        if k >= len(words) or words[k].sent != words[i].sent:
            return None
        w = words[k]
        if w.head != i or w.deprel.split(":")[0] not in ("nsubj", "obj") or w.upos not in {"NOUN", "PROPN"} \
                or not w.text[:1].isupper() or w.lower in self.rules.speakers.not_names \
                or any(g.deprel in ("det", "case", "amod", "det:poss") for g in doc.children(k)) \
                or self._is_outlet(doc, k) or _in_span(content, w):
            return None
        return k

    @staticmethod
    def _written_mid_sentence(doc: ParsedDoc, w: Word) -> bool:
        """Does the article write this capitalised word inside a sentence too (a name, then)?"""
        return regex.search(r"(?<=[\p{Ll},;] )" + regex.escape(w.text) + r"\b", doc.text) is not None

    @staticmethod
    def _bare_opener(doc: ParsedDoc, w: Word) -> bool:
        """Is w the sentence's first word (after punctuation), a word alone (no dependents)?"""
        sent = doc.sentences[w.sent]
        if any(x.upos != "PUNCT" for x in doc.words[sent.first:w.i]):
            return False
        return all(k.upos == "PUNCT" for k in doc.children(w.i))

    def _stray_subject(self, doc: ParsedDoc, c: int, content: tuple[int, int] | None) -> int | None:
        """A subject the parser hung on a verb after the cue although it stands before it ("Der
        Nachfolger …, Louis Gallois, hat angekündigt, die Sanierung werde … kosten": "Nachfolger" made
        the subject of "kosten"): the clause's words before the cue belong to the cue's clause."""
        words = doc.words
        sent = doc.sentences[words[c].sent]
        for w in words[sent.first:c]:
            if w.deprel.startswith("nsubj") and w.head > c and w.upos in NOMINAL \
                    and not _in_span(content, w) \
                    and not any(g.deprel == "case" for g in doc.children(w.i)) \
                    and not any(words[k].upos in VERBAL | {"SCONJ"} or words[k].lower in self.cues.frame_subordinators
                                for k in range(w.i + 1, c) if words[k].head != c):
                return w.i
        return None

    # ------------------------------------------------------------------ sources of verb cues
    def verb_source(self, doc: ParsedDoc, u: Unit, cue: Cue) -> None:
        words = doc.words
        c = cue.words[0]
        kids = doc.children(c)
        subj = self.subject(doc, c, cue.content)
        passive = any(k.deprel in ("aux:pass", "nsubj:pass") for k in kids)
        agent = self._agent(doc, c)
        if cue.lemma in self.cues.quoting_verbs:
            # "zitierte das Ministerium Wang": the medium quotes, the other noun phrase speaks
            args = [k.i for k in kids if k.deprel.split(":")[0] in ("nsubj", "obj", "iobj")
                    and k.upos in {"NOUN", "PROPN", "X", "PRON"}]
            outlets = [i for i in args if self._is_outlet(doc, i)]
            others = [i for i in args if i not in outlets]
            if outlets and others:
                cue.outlet, cue.source, cue.via = outlets[0], others[0], "subject"
                return
            if agent is not None:
                cue.outlet = agent  # "…, cited by the ministry"
            if passive and subj is not None and not self._is_outlet(doc, subj):
                cue.source, cue.via = subj, "subject"  # "Sie wird mit den Worten zitiert: …"
        after_cue = c + 1  # the first word after the verb and the particles next to it ("teilte | X mit")
        while after_cue in cue.words:
            after_cue += 1
        inverted = cue.content is not None and cue.content[1] <= words[c].start and after_cue < u.last \
            and words[after_cue].upos not in VERBAL | {"PUNCT", "ADP"} \
            and not doc.text[cue.content[1]:words[min(cue.words)].start].strip(TRAILING + "“”„\"'»«")
        if cue.lemma in self.cues.quoting_verbs:
            cue.content = cue.content2 = None  # "citing its policy", "cited by the ministry": no quote of its own
            return
        if passive and agent is not None:
            cue.source, cue.via = agent, "agent"
        elif inverted and self.mentions.phrase_after(doc, after_cue, u.last):
            # "…, said Li Mingjiang, associate professor …" / "…, sagte Wang": the NP after the cue
            cue.source_words = self.mentions.phrase_after(doc, after_cue, u.last)
            cue.source, cue.via = self.mentions.phrase_head(doc, cue.source_words), "subject"
        elif subj is not None and passive and (cue.lemma in self.naming or words[c].lower in self.naming):
            pass  # "… wurde als „Geschäft des Jahrhunderts“ bezeichnet": the subject is what was named
        elif subj is not None and not _in_span(cue.content, words[subj]):
            cue.source, cue.via = subj, "subject"
        else:
            # Parser gave no usable subject: a subject set off by an apposition ("Claudia Pfeiffer,
            # Geschäftsführerin des KAV, erklärte"), the NP right after an inverted cue ("sagte
            # Wang"), else the NP right before it ("Wang said").
            appositive = self._speaker_after_quote(doc, u, cue) or self._subject_before_apposition(doc, u, cue)
            np = None if appositive or after_cue >= u.last else self.mentions.phrase_after(doc, after_cue, u.last)
            if appositive:
                cue.source_words = appositive
            elif np and cue.content and words[np[0]].start >= cue.content[1] or np and not cue.content:
                cue.source_words = np
            elif np and cue.content and self._speaker_before_quote(doc, np, cue.content) \
                    and self.mentions.phrase_before(doc, c, u.first) is None:
                cue.source_words = np  # "Said Ellis: “I don’t get the sense …”": nothing before the cue
            else:
                # "Frankreich hat sich bereit erklärt": the subject stands before the auxiliary
                aux = next((k.i for k in kids if k.deprel.startswith("aux") and u.first < k.i < c), None)
                np = self.mentions.phrase_before(doc, aux, u.first) if aux is not None else None
                if np is None or words[np[0]].upos == "ADP":  # "Am Rande … hat der Minister X bekanntgegeben"
                    np = self.mentions.phrase_before(doc, c, u.first)
                if np and (cue.content is None or words[np[0]].start >= cue.content[1] or words[np[1] - 1].end <= cue.content[0]):
                    cue.source_words = np
            if cue.source_words:
                cue.source = self.mentions.phrase_head(doc, cue.source_words)
        if cue.source is not None and self._relative_pronoun(doc, cue.source):
            ant = self._relative_antecedent(doc, cue.source, c, u)
            if ant is not None:
                cue.source, cue.source_words = ant, None
        if cue.source is not None and words[cue.source].lower in self.cues.impersonal_subjects:
            cue.source, cue.source_words = self._impersonal_source(doc, c), None
            cue.via = "preposition" if cue.source is not None else cue.via
        if cue.source is not None and cue.source < c and cue.outlet is None and self._is_outlet(doc, cue.source) \
                and doc.words[min(doc.subtree(cue.source))].lower in self.cues.addressee_markers:
            # "Der englischsprachigen Zeitung sagte Filep Karma: …": the medium before the cue is the
            # dative the parser took for the subject; the name after the cue speaks
            name = next((k.i for k in kids if k.i > c and k.upos in NOMINAL and k.lower not in self.rules.speakers.not_names and (k.deprel.startswith("nsubj") or k.deprel in ("obj", "iobj") and (
                             k.upos == "PROPN" or self.rules.is_role_noun(k.text, k.lemma)))
                         and not self._is_outlet(doc, k.i) and not _in_span(cue.content, k)), None)
            if name is not None:
                medium = next((k for k in sorted(doc.subtree(cue.source)) if self.rules.is_outlet_word(words[k].text)), cue.source)
                cue.outlet, cue.source, cue.source_words = medium, name, None
        # The medium the words were given to: "told Reuters", "sagte der South China Morning Post".
        for k in kids:
            if k.i != cue.source and k.deprel in ("obj", "iobj", "obl", "obl:arg", "nmod") and self._is_outlet(doc, k.i):
                cue.outlet = k.i
        if cue.outlet is None and cue.content and cue.content[0] > words[c].start and after_cue < u.last:
            np = self.mentions.phrase_after(doc, after_cue, u.last)
            if np and words[np[1] - 1].end <= cue.content[0] and not (cue.source_words == np):
                hits = [k for k in range(*np) if self.rules.is_outlet_word(words[k].text) and k != cue.source]
                if hits:
                    cue.outlet = hits[-1]  # "sagte der South China Morning Post, dass …"
        if cue.source is not None and cue.outlet is None and self._is_outlet(doc, cue.source) \
                and cue.content and cue.content[0] > words[c].start:
            # "X, Experte …, sagte der Post, dass …": the parser took the medium for the subject.
            np = self.mentions.phrase_after(doc, u.first, u.last)
            if np and np[1] <= c and words[np[0]].text[:1].isupper() and words[np[0]].upos != "ADP" \
                    and not self._is_outlet(doc, self.mentions.phrase_head(doc, np)):  # not "Am Montag meldete die Website"
                head = self.mentions.phrase_head(doc, np)
                if words[head].upos in {"PROPN", "X", "NOUN"} and head != cue.source:
                    cue.outlet, cue.source, cue.source_words = cue.source, head, np

    def _relative_antecedent(self, doc: ParsedDoc, pronoun: int, verb: int, u: Unit) -> int | None:
        """"…, der sagte, …": the noun phrase a relative pronoun's clause hangs on, the first of a row
        of appositions before it ("Reinhard Bütikofer, Parteivorsitzender der Grünen, der sagte",
        "Sven Liebich, einst führender Rechtsextremist, der …")."""
        words = doc.words
        ant = words[verb].head if words[verb].deprel == "acl:relcl" and words[verb].head < pronoun else None
        if ant is None:
            np = self.mentions.phrase_before(doc, pronoun - 1, u.first)
            ant = self.mentions.phrase_head(doc, np) if np else None
            if np and np[0] - 2 >= u.first and words[np[0] - 1].text == "," and any(
                    words[k].upos == "PROPN" for k in range(max(u.first, np[0] - 3), np[0] - 1)):
                ant = np[0] - 2
        while ant is not None and words[ant].deprel in ("appos", "conj") and words[ant].head >= 0 \
                and words[words[ant].head].upos in NOMINAL:
            ant = words[ant].head
        return ant

    def _impersonal_source(self, doc: ParsedDoc, c: int) -> int | None:
        """Who speaks in an impersonal frame: "In einer Erklärung des Präsidenten Barack Obama heißt
        es" the document's owner (a genitive or "von" phrase of the noun), "Bei der Agentur RIA hieß
        es" the body itself; else no one ("Im Bericht heißt es")."""
        for k in doc.children(c):
            if not k.deprel.startswith("obl") or k.upos not in NOMINAL:
                continue
            case = {g.lower for g in doc.children(k.i) if g.deprel == "case"}
            if case & set(self.cues.impersonal_body_prepositions) and (k.upos == "PROPN" or any(
                    self.rules.is_body_word(doc.words[x].text) for x in doc.subtree(k.i))):
                return k.i
            if case & set(self.cues.impersonal_document_prepositions):
                for owner in doc.children(k.i):
                    if owner.deprel.startswith("nmod") and owner.upos in NOMINAL and owner.i > k.i and not any(
                            g.deprel == "case" and g.lower not in self.cues.agent_markers for g in doc.children(owner.i)):
                        return owner.i
        return None

    def _speaker_before_quote(self, doc: ParsedDoc, np: tuple[int, int], content: tuple[int, int]) -> bool:
        """Is the noun phrase right after a cue, before its quotation marks (only punctuation
        between), a speaker: a noun or name, not a prepositional phrase or a medium?"""
        words = doc.words
        first, last = words[np[0]], words[np[1] - 1]
        return last.end <= content[0] and doc.text[content[0]:content[0] + 1] in self.openers \
            and not doc.text[last.end:content[0]].strip(TRAILING) \
            and first.upos not in {"ADP", "ADV", "PUNCT"} \
            and self._has_noun(doc, np) \
            and not self._is_outlet(doc, self.mentions.phrase_head(doc, np))

    @staticmethod
    def _has_noun(doc: ParsedDoc, np: tuple[int, int]) -> bool:
        return any(doc.words[k].upos in NOMINAL for k in range(*np))

    def _speaker_after_quote(self, doc: ParsedDoc, u: Unit, cue: Cue) -> tuple[int, int] | None:
        """"“…,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday": the noun phrase
        between the quotation and the cue, up to its first comma."""
        words, c = doc.words, min(cue.words)
        if cue.content is None or cue.content[1] > words[c].start:
            return None
        k = next((w.i for w in words[u.first:c] if w.start >= cue.content[1]), None)
        while k is not None and k < c and words[k].upos == "PUNCT":
            k += 1
        if k is None or k >= c:
            return None
        np = self.mentions.phrase_after(doc, k, c)
        if np and self._has_noun(doc, np):
            return np
        return None

    def _subject_before_apposition(self, doc: ParsedDoc, u: Unit, cue: Cue) -> tuple[int, int] | None:
        """"Claudia Pfeiffer, Geschäftsführerin des KAV, erklärte", "Wie Anna Bligh, die
        Premierministerin, erklärte": the noun phrase before the first comma, when only noun
        phrases and commas stand between the clause start and the cue."""
        words = doc.words
        c = min(cue.words)
        if c - 1 <= u.first or words[c - 1].text != ",":
            return None
        a = u.first
        while a < c and (words[a].lower in self.cues.frame_subordinators or words[a].upos in {"SCONJ", "CCONJ", "PUNCT"}):
            a += 1
        seg = words[a:c - 1]
        if not seg or len(seg) > 16 or any(w.upos in VERBAL or self.mentions.is_quote_mark(w) for w in seg):
            return None
        if cue.content and words[a].start < cue.content[1] and words[c - 1].end > cue.content[0]:
            return None
        comma = next((w.i for w in seg if w.text == ","), None)
        if comma is None or comma == a:
            return None
        return a, comma

    def _is_outlet(self, doc: ParsedDoc, i: int) -> bool:
        """Does the noun phrase headed by word i name a medium ("state television", "a Chinese
        Foreign Ministry statement", "die South China Morning Post")?"""
        w = doc.words[i]
        near = [x for x in doc.words[max(0, i - 3):i + 3] if x.sent == w.sent and (x.i == i or x.head == i)]
        return any(self.rules.is_outlet_word(x.text) for x in near)

    # ------------------------------------------------------------------ candidates
    def detect(self, doc: ParsedDoc, spans: list[QuotedSpan]) -> list[Candidate]:
        units = self.units(doc, spans)
        cues = self.verb_cues(doc, units, spans)
        heads = {c.words[0]: c for c in cues}
        for cue in sorted(cues, key=lambda c: c.words[0]):
            self.verb_content(doc, units[cue.unit], cue, heads)
        for cue in cues:
            self.verb_source(doc, units[cue.unit], cue)
        framed = {c.unit for c in cues if c.content is not None}
        for cue in cues:
            if cue.content is None and cue.unit - 1 not in framed:
                self._fronted_report(doc, units, cue)
        cues += self.preposition_cues(doc, units)
        bare = [c for c in cues if c.content is None and c.kind == "verb"]  # "Obama berichtet von …"
        for cue in cues:
            if cue.anaphoric:  # "Die FIFA gab die Vergabe bekannt. Demnach …": the FIFA's report
                back = max((c for c in bare if c.source is not None and 0 < cue.unit - c.unit <= 2),
                           key=lambda c: c.unit, default=None)
                if back is not None:
                    cue.source, cue.source_words, cue.via = back.source, back.source_words, "continuation"
        for cue in cues:
            cue.antecedent = self._antecedent(doc, units, spans, cue)
        cues = self._stack(doc, cues)
        cands: list[Candidate] = []
        used: set[int] = set()
        for cue in sorted(cues, key=lambda c: c.content[0] if c.content else -1):
            for part in (cue.content, cue.content2):
                if part:
                    cands.extend(self._classify(doc, cue, part, spans, used))
        cands.sort(key=lambda c: c.start)
        cands = self._orphans(doc, units, spans, used, bare, cands)
        cands = self._konjunktiv(doc, units, cands, bare)
        return _drop_nested(self._headline(doc, spans, cands))

    def _headline(self, doc: ParsedDoc, spans: list[QuotedSpan], cands: list[Candidate]) -> list[Candidate]:
        """The claim of a headline "<who>: <claim>" that names its speaker (headline.py), unless a
        quote was found there already ("Weidenfeller: „Zufrieden …“" is a colon attribution)."""
        head = headline_claim(doc.text, self.rules.stopword_set, self.rules.body_word_set)
        if head is None:
            return cands
        (ws, we), (cs, ce) = head.who, head.claim
        if any(c.start < ce and cs < c.end for c in cands):
            return cands
        who = [w.i for w in doc.between(ws, we) if w.end <= we]
        if not who:
            return cands
        np = (who[0], who[-1] + 1)
        quoted = [q for q in spans if cs <= q.open and q.close <= ce + 1]
        kind = "mixed" if quoted else "indirect"
        cand = Candidate(kind, cs, ce, None, via="colon", source_words=np,
                         source=self.mentions.phrase_head(doc, np), spans=quoted)
        return sorted(cands + [cand], key=lambda c: c.start)

    def _stack(self, doc: ParsedDoc, cues: list[Cue]) -> list[Cue]:
        """Two attributions in one clause. The outer one is the cue whose content holds the other's
        cue word and is the longer. An outer medium ("…, so das Staatsfernsehen", "state television
        said") becomes the inner quote's outlet; any other outer source keeps the quote and the inner
        report (a report inside a report) is dropped."""
        words = doc.words
        for cue in cues:
            if cue.content is None and cue.outlet is not None:
                # a quoting frame with no content ("…, cited by the ministry"): lend its outlet
                for other in cues:
                    if other is not cue and other.unit == cue.unit and other.outlet is None and other.content:
                        other.outlet = cue.outlet
        with_content = [c for c in cues if c.content]
        dropped: set[int] = set()
        for cue in with_content:
            at = words[cue.words[0]].start
            outers = []
            for o in with_content:
                if o is cue or o.unit != cue.unit or not o.content[0] <= at < o.content[1]:
                    continue
                if o.kind == "preposition" and o.source is None and not o.anaphoric and cue.source is not None:
                    dropped.add(id(o))  # "…, sagte er nach den Prognosen": a phrase that names no one
                    continue  # around a cue that does frames nothing
                if _in_span(cue.content, words[o.words[0]]):
                    # each holds the other: the verb whose complement the other is (a verb without a
                    # speaker of its own) is the outer one ("Es sei … gelobt worden, berichtete X"), else
                    # a medium, else the verb whose complement the other is also when both have a
                    # speaker ("… was adding to the delays, Glocer said"), else the earlier cue
                    if _reports(doc, cue, o):
                        continue
                    o_medium = o.source is not None and self._is_outlet(doc, o.source)
                    c_medium = cue.source is not None and self._is_outlet(doc, cue.source)
                    if o_medium != c_medium:
                        if c_medium and not _reports(doc, o, cue):
                            continue
                    elif _reports(doc, cue, o, any_source=True):
                        continue
                    elif not _reports(doc, o, cue, any_source=True) and cue.words[0] < o.words[0]:
                        continue
                outers.append(o)
            if not outers:
                continue
            outer = min(outers, key=lambda o: o.content[1] - o.content[0])
            o_at = words[min(outer.words)].start
            if cue.content[0] <= o_at < cue.content[1]:
                # the outer frame trails the inner content: cut it off ("…, so das Staatsfernsehen")
                cut = min(outer.words + ([outer.source_words[0]] if outer.source_words else [])
                          + (doc.subtree(outer.source)[:1] if outer.source is not None else []))
                cue.content = (cue.content[0], words[cut].start)
            if outer.source is not None and self._is_outlet(doc, outer.source) and cue.outlet is None:
                cue.outlet = outer.source
                dropped.add(id(outer))
            else:
                dropped.add(id(cue))
        return [c for c in cues if c.content is not None and id(c) not in dropped]

    def _in_dateline(self, doc: ParsedDoc, w: Word) -> bool:
        """Is w inside a dateline opening its sentence ("CLEVELAND, July 19 (UPI) — …", `quotes.strip_prefixes`)?"""
        start = doc.sentences[w.sent].start
        return any((m := rx.match(doc.text, start, timeout=0.5)) is not None and w.start < m.end()
                   for rx in self.rules.strip_regexes)

    def _trim(self, text: str, a: int, b: int) -> tuple[int, int]:
        while b > a and text[b - 1] in TRAILING:
            b -= 1
        for rx in self.rules.strip_regexes:
            m = rx.match(text, a, b, timeout=0.5)
            if m and m.end() < b:
                a = m.end()
        while a < b and text[a] in " \t,;:–—-":
            a += 1
        return a, b

    @staticmethod
    def _full_stop(text: str, unit: Unit, a: int, b: int) -> int:
        """A sentence reported without a cue keeps its closing stop ("Die Lage sei ernst.")."""
        if not text[unit.start:a].strip() and b < len(text) and text[b] in SENTENCE_END and not text[b + 1:unit.end].strip():
            return b + 1
        return b

    def _classify(self, doc: ParsedDoc, cue: Cue, content: tuple[int, int], spans: list[QuotedSpan],
                  used: set[int]) -> list[Candidate]:
        text = doc.text
        a, b = self._trim(text, *content)
        if b <= a:
            return []
        inside = [k for k, q in enumerate(spans) if k not in used and q.open >= a and q.end <= b + 1]
        # Only quotes and the punctuation or space between them: direct quotes.
        if inside:
            rest, pos = [], a
            for k in inside:
                rest.append(text[pos:spans[k].open])
                pos = spans[k].close
            rest.append(text[pos:b + 1] if pos <= b else "")
            only_quotes = all(not r.strip(TRAILING) for r in rest)
            # "sprach von „X“ …", "called it “X” on Monday": the quote and only adjuncts after it
            if not only_quotes and not rest[0].strip(TRAILING) and len(inside) == 1:
                tail = doc.between(spans[inside[0]].close, b)
                only_quotes = not any(w.upos in VERBAL for w in tail) and len(tail) <= 6
            if only_quotes:
                used.update(inside)
                return [Candidate("direct", spans[k].start, spans[k].end, cue, spans=[spans[k]]) for k in inside]
            used.update(inside)
            # the closing mark belongs to a mixed quote that ends with it
            return [Candidate("mixed", a, b, cue, spans=[spans[k] for k in inside])]
        if len(text[a:b].split()) < 3:
            return []
        return [Candidate("indirect", a, b, cue)]

    def _orphans(self, doc, units, spans, used, bare_cues, cands) -> list[Candidate]:
        """Quoted spans no cue claimed: a colon attribution, a continuation, or no quote at all."""
        text = doc.text
        out = list(cands)
        for k, q in enumerate(spans):
            if k in used:
                continue
            if any(c.start <= q.open and q.close <= c.end + 1 for c in out if c.kind != "direct"):
                continue  # inside an indirect clause (a cue with a mixed quote not classified as such)
            unit = next((u for u in units if u.start <= q.open < u.end + 1), None)
            before = text[unit.start if unit else q.open:q.open]
            prev = max((c for c in out if c.end <= q.open), key=lambda c: c.end, default=None)
            n_words = q.words(text)
            label = self._speaker_label(doc, q)
            if label is not None:  # a transcript: "WALLACE: …"
                start, np = label
                out.append(Candidate("direct", start, q.end, None, via="colon", source_words=np,
                                     source=self.mentions.phrase_head(doc, np), spans=[q]))
                continue
            if q.continued and prev is not None:
                out.append(Candidate("direct", q.start, q.end, None, via="continuation", follows=prev, spans=[q]))
                continue
            colon = before.rstrip()
            if colon.endswith(":") and unit is not None:
                head = colon[:-1].strip()
                ws = [w for w in doc.words[unit.first:unit.last] if w.end <= q.open and w.text != ":"]
                if 0 < len(ws) <= 6 and head and not any(w.upos in VERBAL for w in ws):
                    np = (ws[0].i, ws[-1].i + 1)
                    out.append(Candidate("direct", q.start, q.end, None, via="colon", source_words=np,
                                         source=self.mentions.phrase_head(doc, np), spans=[q]))
                    continue
                frame = self._colon_frame(doc, unit, ws, bare_cues)
                if frame is not None:
                    cue, source = frame
                    out.append(Candidate("direct", q.start, q.end, cue, via=None if cue else "subject",
                                         source=source, spans=[q]))
                    continue
            starts_unit = not before.strip(" \t-–—")
            if starts_unit and prev is not None and n_words >= self.rules.quotes.min_words_without_cue:
                prev_para = doc.paragraph_of(prev.start)
                if q.para - prev_para <= 1:
                    same = q.para == prev_para and prev.cue is not None
                    out.append(Candidate("direct", q.start, q.end, prev.cue if same else None,
                                         via=None if same else "continuation", follows=prev, spans=[q]))
                    continue
        out.sort(key=lambda c: c.start)
        return out

    def _speaker_label(self, doc: ParsedDoc, q: QuotedSpan) -> tuple[int, tuple[int, int]] | None:
        """(start of the words spoken, the label's words) when a speaker label opens the span."""
        for rx in self.rules.label_regexes:
            m = rx.match(doc.text, q.start, q.end, timeout=0.5)
            if m is None:
                continue
            a, b = m.span("name")
            ws = [w.i for w in doc.between(a, b) if w.end <= b]
            if ws and m.end() < q.end:
                return m.end(), (ws[0], ws[-1] + 1)
        return None

    def _colon_frame(self, doc: ParsedDoc, unit: Unit, ws: list[Word], bare_cues: list[Cue]
                     ) -> tuple[Cue | None, int | None] | None:
        """A clause that ends in a colon frames the quotation after it ("Sie wird mit den Worten
        zitiert: „…“", "Lawrow reagierte gelassen: „…“"): the speech verb's cue when the clause has
        one, else the subject of its main verb."""
        if not ws:
            return None
        inside = {w.i for w in ws}
        cue = max((c for c in bare_cues if c.words[0] in inside), key=lambda c: c.words[0], default=None)
        if cue is not None:
            return cue, None
        roots = [w for w in ws if w.upos in VERBAL and (w.head < 0 or w.head not in inside)]
        if not roots:
            return None
        verb = roots[-1].i if roots[-1].deprel.split(":")[0] not in ("aux", "cop") else roots[-1].head
        subj = self.subject(doc, verb)
        return None, subj if subj is not None and subj in inside else None

    def _konjunktiv_mood(self, doc: ParsedDoc, u: Unit) -> str | None:
        """"report" when the unit's main clause is in Konjunktiv I, "continuation" when in Konjunktiv II."""
        k = self.konjunktiv
        mood = None
        for w in doc.words[u.first:u.last]:
            if w.upos not in VERBAL:
                continue
            head = w.head if w.deprel.split(":")[0] in ("aux", "cop") else w.i
            if head < 0 or doc.words[head].head >= 0:
                continue  # only the finite verb of the main clause, not one inside a subordinate clause
            if w.lower in k.forms or w.lower in k.reportative_modals and any(
                    c.lower in k.perfect_auxiliaries for c in doc.children(head) if c.i > w.i):
                return "report"
            if w.upos == "VERB" and self._konjunktiv_from_lemma(doc, w):
                return "report"
            if w.lower in k.continuation_forms or w.lower in k.reportative_modals:
                mood = "continuation"
        return mood

    def _konjunktiv_from_lemma(self, doc: ParsedDoc, w: Word) -> bool:
        """"Dazu gehöre …", "Deutschland propagiere …": the form is the lemma with its ending
        rewritten (`konjunktiv.lemma_endings`), and the subject is not a first person."""
        k = self.konjunktiv
        lemma = w.lemma.lower()
        if not any(lemma.endswith(a) and w.lower == lemma[: len(lemma) - len(a)] + b and len(lemma) > len(a) + 2
                   for a, b in k.lemma_endings):
            return False
        return not any(c.lower in k.first_person for c in doc.children(w.i) if c.deprel.startswith("nsubj"))

    def _konjunktiv(self, doc, units, cands, bare_cues: list[Cue]) -> list[Candidate]:
        """German reported speech needs no cue: a Konjunktiv I main clause is a report ("Die Lage sei
        ernst."), and one in Konjunktiv II continues the report just before it ("… sagte Wang. Man
        würde …"); either takes the speaker of the report before it, or the cue of a speech verb with
        no content of its own just before it ("Obama berichtet von Angriffen. Diesen sei es gelungen …")."""
        k = self.konjunktiv
        if not (k.forms or k.continuation_forms or k.reportative_modals):
            return cands
        out = list(cands)
        for ui, u in enumerate(units):
            if any(c.start < u.end and c.end > u.start for c in out):
                continue
            mood = self._konjunktiv_mood(doc, u)
            if mood is None:
                continue
            prev = max((c for c in out if c.end <= u.start), key=lambda c: c.end, default=None)
            prev_unit = None if prev is None else next(
                (j for j, x in enumerate(units) if x.start < prev.end <= x.end + 1), None)  # where it ends
            near = prev_unit is not None and ui - prev_unit <= 2
            bare = max((c for c in bare_cues if c.source is not None and 0 < ui - c.unit <= 2
                        and (prev is None or doc.words[c.words[0]].start >= prev.end)), key=lambda c: c.unit, default=None)
            if mood == "continuation" and bare is None and not (near and (prev.kind != "direct" or any(  # type: ignore[union-attr]
                    w.lower in k.continuation_forms for w in doc.words[u.first:u.last]))):
                # after a direct quote only Konjunktiv II goes on with it ("„…“ Alle Risiken würden
                # aber nicht eintreten."), not "soll", which is as often the author's
                continue
            a, b = self._trim(doc.text, u.start, u.end)
            if len(doc.text[a:b].split()) < 3:
                continue
            person = None
            ahead = self._trailing_cue_ahead(doc, units, ui, out) if bare is None else None
            if bare is None and ahead is None and ui > 0 and units[ui - 1].para == u.para and (prev is None or prev.end <= units[ui - 1].start):
                # "Greenpeace-Experte Mathias Edler sieht darin Parallelen. Die Ursache sei nie gefunden
                # worden.": the named person the sentence before is about speaks
                person = self._person_subject(doc, units[ui - 1])
            b = self._full_stop(doc.text, u, a, b)
            kind = "mixed" if any(self.mentions.is_quote_mark(w) for w in doc.words[u.first:u.last]) else "indirect"
            adjacent = near and prev.kind != "direct" and not doc.text[prev.end:a].strip() and "\n" not in doc.text[prev.end:a]  # type: ignore[union-attr]
            if bare is not None:
                out.append(Candidate(kind, a, b, bare))
            elif ahead is not None and not adjacent:
                out.append(Candidate(kind, a, b, ahead))
            elif person is not None:
                out.append(Candidate(kind, a, b, None, via="continuation", source=person))
            elif adjacent:
                # the report goes on right after a quote that ends its sentence: one quote, as annotators
                # mark it ("Er hätte den Jet zu spät aufgesetzt. Der Airbus sei erst … zu Boden gegangen.")
                prev.end = b  # type: ignore[union-attr]
                prev.kind = "mixed" if kind == "mixed" else prev.kind  # type: ignore[union-attr]
            else:
                out.append(Candidate(kind, a, b, None, via="continuation", follows=prev if near or mood == "report" else None))
            out.sort(key=lambda c: c.start)
        return out

    def _fronted_report(self, doc: ParsedDoc, units: list[Unit], cue: Cue) -> None:
        """"Die Enten waren mit H5N1 infiziert. Das erklärte ein Sprecher des Ministeriums.": a pronoun
        object opening the sentence (`cues.fronted_objects`), right before the verb, with the speaker
        after the verb, points back to the sentence before in the paragraph (one with no cue of its
        own): that is the report."""
        words = doc.words
        verb = cue.words[0]
        if not cue.unit or cue.source is None or cue.source < verb:
            return
        if self._thing(doc, words[cue.source]) and any(k.upos == "DET" for k in doc.children(cue.source)):
            return  # "Dies begründe die Fluchtgefahr": a thing, no speaker ("Dies gab Airbus bekannt" has one)
        u, prev = units[cue.unit], units[cue.unit - 1]
        first = words[u.first]
        if prev.para != u.para or verb != u.first + 1 or first.lower not in self.cues.fronted_objects \
                or first.head != verb:
            return
        a, b = self._trim(doc.text, prev.start, prev.end)
        if len(doc.text[a:b].split()) >= 3:
            cue.content = (a, b)

    def _trailing_cue_ahead(self, doc: ParsedDoc, units: list[Unit], ui: int, cands: list[Candidate]) -> Cue | None:
        """The cue of the next sentence when that sentence is a report whose cue and speaker trail it
        in the same paragraph ("Das System habe sich bewährt. Es sei auch gelobt worden, berichtete
        Sprecher X."): the report before it is X's too."""
        if ui + 1 >= len(units) or units[ui + 1].para != units[ui].para:
            return None
        nxt = units[ui + 1]
        cue = next((c.cue for c in cands if nxt.start <= c.start < nxt.end), None)
        if cue is None or cue.kind != "verb" or cue.source is None or cue.content is None or cue.unit != ui + 1:
            return None
        verb = doc.words[cue.words[0]]
        # the main clause's verb after all the rest, its speaker after it: the sentence is the content,
        # the frame trails it
        if verb.head >= 0 or verb.start < cue.content[1] or cue.content[0] > doc.words[nxt.first].start \
                or doc.words[cue.source].start < verb.start:
            return None
        return cue

    def _antecedent(self, doc: ParsedDoc, units: list[Unit], spans: list[QuotedSpan], cue: Cue) -> int | None:
        """The person a pronoun source points back to when the text just named one: the subject of
        its own sentence before it ("Sprecherin X schloss sich an: … ihrer Meinung nach"), else of
        the sentence before ("Unterdessen verteidigte der Vorsitzende X den Entwurf. Er halte …").
        A subject inside the cue's content or inside quotation marks is the quote's, not the frame's."""
        if cue.source is None:
            return None
        w = doc.words[cue.source]
        sp = self.rules.speakers
        if not (w.upos == "PRON" and w.lower in {*sp.pronouns_singular, *sp.pronouns_plural}
                or w.lower in sp.pronouns_possessive):
            return None

        def framing(k: int | None) -> bool:
            return k is not None and not any(_in_span(span, doc.words[k]) for span in (
                cue.content, cue.content2, *((q.open, q.close) for q in spans)))

        own = self._person_subject(doc, units[cue.unit])
        if framing(own) and own < cue.source:
            return own
        before = self._person_subject(doc, units[cue.unit - 1]) if cue.unit else None
        return before if framing(before) else None

    def _person_subject(self, doc: ParsedDoc, u: Unit) -> int | None:
        """The subject of the unit's main verb when it names a person: a name, with or without a role
        before it ("Mathias Edler", "Greenpeace-Experte Mathias Edler"), not a body or medium."""
        words = doc.words
        roots = [w for w in words[u.first:u.last] if w.head < 0 and w.upos in VERBAL]
        if len(roots) != 1:
            return None
        subj = self.subject(doc, roots[0].i)
        if subj is None or not u.first <= subj < u.last:
            return None
        phrase = [words[k] for k in doc.subtree(subj) if u.first <= k < u.last]
        w = words[subj]
        # a surname the tagger took for a noun, after its first name ("Gabriela Schimmer-Göresz")
        surname = w.upos == "NOUN" and subj > 0 and words[subj - 1].upos == "PROPN" and words[subj - 1].head == subj \
            or subj > 1 and words[subj - 1].text == "-" and words[subj - 2].upos == "PROPN" and words[subj - 2].head == subj
        if w.upos not in {"PROPN", "NOUN"} or not any(x.upos == "PROPN" for x in phrase) \
                or w.upos == "NOUN" and not surname and not self.rules.is_role_noun(w.text, w.lemma) \
                or any(self.rules.is_body_word(x.text) for x in phrase if x.i <= subj):
            return None
        return subj


def _reports(doc: ParsedDoc, outer: Cue, inner: Cue, any_source: bool = False) -> bool:
    """Is the inner cue's verb, one with no speaker of its own (or any, with `any_source`, when each
    cue's content holds the other's verb), the clausal complement of the outer cue's verb: what it
    reports ("Es sei gelobt worden, berichtete X", "… was adding to the delays, Glocer said")?"""
    w = doc.words[inner.words[0]]
    return (any_source or inner.source is None) and w.head == outer.words[0] and w.deprel == "ccomp"


def _number(w: Word) -> str:
    """The word's grammatical number ("Sing", "Plur") from its features, "" when it has none."""
    m = _NUMBER.search(w.feats)
    return m.group(1) if m else ""


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """No two quotes overlap: the longer one wins (a report inside a report is its container's)."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept
