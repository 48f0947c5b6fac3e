"""Detection: cues, their reported content, and the kind of each quote.

Input: a parsed document, its quoted spans and the language's rules. Output: `Candidate`s, each a
quote span with its kind, its cue (or none) and the mention of its source as the sentence gives
it (a word index, resolved to a name later by `resolve`).

The rules lean on surface structure (commas, colons, complementizers, quotation marks) and use
the dependency parse where it is reliable enough (the subject, the agent, the object of
"laut"/"according to"), because the parser misses about one sentence boundary in nine and tags
many names wrongly.

The stages: units and cues (here), where a verb cue's content lies (content.py, `ContentFinder`),
who its source is (sources.py, `SourceFinder`), German reports that need no cue (konjunktiv.py,
`KonjunktivReports`), and the candidates with their kinds (here); cues.py holds the data they pass.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import regex

from .content import ContentFinder
from .cues import (BETWEEN_PHRASE, CUE_POS, SENTENCE_END, SOURCE_OPENERS, TRAILING, SENTENCE_START_AFTER,
                   Candidate, Cue, Unit, in_span, rel_or_dem)
from .headline import headline_claim
from .konjunktiv import KonjunktivReports
from .marks import QuotedSpan
from .mentions import Mentions
from .parse import ParsedDoc, Word
from .phrases import NOMINAL, VERBAL
from .rules import RuleSet
from .sources import SourceFinder


_CLAUSES = {"ccomp", "xcomp", "parataxis", "csubj"}  # dependents that make a clause of a verb's own


class Detector(ContentFinder, SourceFinder, KonjunktivReports):
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
        return first.text[:1].islower() or first.text in {",", ";"} or self._frame_after_quote(doc, prev, s)

    def _frame_after_quote(self, doc: ParsedDoc, prev: Unit, s) -> bool:
        """'“Why …?” Vitter demanded.': the tokenizer ends a sentence after a question or exclamation
        mark that closes a quotation; the next sentence is only its frame when its root is a finite
        speech verb with a subject, and it holds no clause of its own (no comma, no quotation mark,
        no clausal dependent of the verb)."""
        if prev.last - prev.first < 2 or not s.parsed:
            return False
        if not self.closes(doc.words[prev.last - 1]) or doc.words[prev.last - 2].text not in {"?", "!", "…", "..."}:
            return False
        ws = doc.words[s.first:s.last]
        root = next((w for w in ws if w.head == -1), None)
        if root is None or not self._speech_verb(root) or "VerbForm=Fin" not in root.feats:
            return False
        if not any(w.head == root.i and w.deprel.startswith("nsubj") for w in ws):
            return False
        # (a participle clause after a comma is frame too: "“…, right?” Clinton remarked, alluding to …")
        cut = next((w.i for w in ws if w.text == "," and w.i + 1 < s.last and self._present_participle(doc.words[w.i + 1])), s.last)
        return not any(w.text in self.openers or w.text == "," or w.head == root.i and w.deprel in _CLAUSES
                       for w in doc.words[s.first:cut])

    # ------------------------------------------------------------------ cues
    def _speech_verb(self, w: Word) -> bool:
        """Is w a speech verb of the rule file, by lemma or by form?"""
        return self._lemma(w) in self.rules.verb_lemmas or w.lower in self.rules.verb_forms

    def _lemma(self, w: Word) -> str:
        """The word's lemma, or, for a verb whose lemma is no cue, the speech verb its form is a
        regular form of ("Er betone": the lemmatizer says "beton")."""
        lemma = w.lemma.lower()
        if lemma in self.cue_lemmas or w.upos not in ("VERB", "AUX"):
            return lemma
        return self.rules.regular_verb_lemma(w.lower) or lemma

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
                lemma = self._lemma(w)
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
                if any(c.lower in self.cues.negations and abs(c.i - w.i) <= 3 and not (
                        (j := bisect_right(starts, c.start) - 1) >= 0 and c.end <= quoted[j][1])
                       for c in doc.children(w.i)):
                    continue  # "did not say"; not a "not" inside the quotation the parser hung on it
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
                if p.position == "relative":
                    cue = self._relative_source(doc, u, ui, i, end, p.antecedents)
                else:
                    cue = self._preposition(doc, u, ui, i, end, p.position, bool(p.nouns))
                if cue:
                    cues.append(cue)
        return cues

    def _relative_source(self, doc: ParsedDoc, u: Unit, ui: int, a: int, b: int, antecedents: list[str]) -> Cue | None:
        """"Es gibt Berichte, | wonach die Maus den Brand verursacht haben soll", "Gerüchte, | nach
        denen …": a relative clause opened by words a..b after a comma reports what the noun phrase
        before the comma says, when that phrase's noun ends in one of `antecedents` (a report, a
        rumour, a complaint; not "ein Spiel, nach dem …", which is a time). The clause is the
        subtree of the verb the opening words hang on."""
        words = doc.words
        if a - 1 <= u.first or words[a - 1].text != "," or b >= u.last:
            return None
        np = self.mentions.phrase_before(doc, a - 1, u.first)
        if np is None and words[a - 2].upos in VERBAL and a - 2 > u.first:
            np = self.mentions.phrase_before(doc, a - 2, u.first)  # extraposed: "eine Klageschrift eingereicht, | nach der …"
        if np is None:
            return None
        head = self.mentions.phrase_head(doc, np)
        if words[head].upos not in NOMINAL or not words[head].lower.endswith(tuple(antecedents)):
            return None
        if b - a > 1 and not rel_or_dem(words[b - 1]):
            return None  # "nach der ersten Runde": a preposition and its article, no relative clause
        verb = words[b - 1].head
        while verb >= 0 and words[verb].deprel.split(":")[0] in ("aux", "cop"):
            verb = words[verb].head
        if verb < b or verb >= u.last or not (words[verb].upos in VERBAL or any(
                k.deprel.split(":")[0] in ("aux", "cop") for k in doc.children(verb))):
            return None  # the opening words hang on a clause's verb (or a predicate with its copula)
        clause = [k for k in doc.subtree(verb) if b <= k < u.last]
        if min(clause) != b or any(k not in clause for k in range(b, verb)):
            return None  # the words after the cue are not the clause of the verb they hang on
        last = max(clause)
        while last > b and words[last].upos == "PUNCT":
            last -= 1
        cue = Cue(words=list(range(a, b)), lemma=" ".join(w.lower for w in words[a:b]), kind="preposition",
                  unit=ui, via="preposition", source_words=np)
        cue.source = head
        cue.content = (words[b].start, words[last].end)
        return cue

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
            if a != doc.sentences[words[a].sent].first and words[a - 1].text not in SENTENCE_START_AFTER:
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
        if np is None or position == "after" and np[1] - np[0] == 1 and self._relative_pronoun(doc, np[0]):
            return None  # "Grundsätzen, | denen zufolge …": the relative cues (`position = "relative"`) own those
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
            if k > u.first and self.closes(words[k]) and j > phrase_last and words[j].text in self.openers:
                # "„A“, so X: „B“": the frame between two quotations frames each of them
                cue.content, cue.content2 = (u.start, words[k].end), (words[j].start, u.end)
                return cue
            # a frame inside the clause: the relative clause it stands in ("…, die nach Angaben des
            # Mannes eine Bombe enthalten sollte"), else the whole clause, bridged
            cue.content = self._relative_clause(doc, u, phrase_first, phrase_last) or (u.start, u.end)
        return cue

    def _source_after_comma(self, doc: ParsedDoc, u: Unit, b: int, np: tuple[int, int]) -> bool:
        """", so der Minister", ", so er" name a source: a noun phrase that ends the clause. Not ", so wurde
        sein Werk …", ", so auch in Düsseldorf", ", so mancher Reifen wurde gewechselt", nor ", so gebe es
        keine Möglichkeit" (an expletive and a thing: "so" is "then")."""
        words = doc.words
        if b < u.last and words[b].upos == "VERB":  # ", so schätzen die Forscher, …": verb, subject, no second verb
            rest = next((k for k in range(np[1], u.last) if words[k].text in {",", ".", ";", ":", "!", "?"}), u.last)
            head = self.mentions.phrase_head(doc, np)
            if any(words[k].deprel.startswith("expl") for k in range(*np)) or head is not None and self._thing(doc, words[head]):
                return False
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
        if not rel_or_dem(words[r]):
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

    # ------------------------------------------------------------------ candidates
    def detect(self, doc: ParsedDoc, spans: list[QuotedSpan]) -> list[Candidate]:
        units = self.units(doc, spans)
        cues = self.verb_cues(doc, units, spans)
        heads = {c.words[0]: c for c in cues}
        for cue in sorted(cues, key=lambda c: c.words[0]):
            self.verb_content(doc, units[cue.unit], cue, heads)
        for cue in cues:
            self.verb_source(doc, units[cue.unit], cue)
            self._name_is_no_content(doc, cue)
            if cue.frame_in_commas is not None and cue.content is not None:
                # "The latest test, North Korea said, was its biggest yet": the words between the
                # commas speak, and the whole clause around them is what they said
                cue.source_words = cue.frame_in_commas
                cue.source = self.mentions.phrase_head(doc, cue.frame_in_commas)
                cue.content = (doc.words[units[cue.unit].first].start, cue.content[1])
            elif cue.content_to is not None and cue.content is not None:
                cue.content = (cue.content[0], cue.content_to)
        for cue in cues:
            self._participle_source(doc, cue, heads)
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

    @staticmethod
    def _name_is_no_content(doc: ParsedDoc, cue: Cue) -> None:
        """A quotation inside the cue's source phrase is the source's name, not words it reports
        ("„…“, schreibt die „Computerwoche“": the marks after the cue are the medium's)."""
        if cue.source_words is None:
            return
        a, b = doc.words[cue.source_words[0]].start, doc.words[cue.source_words[1] - 1].end
        inside = [p for p in (cue.content, cue.content2) if p and a <= p[0] and p[1] <= b + 1]
        if inside:
            kept = [p for p in (cue.content, cue.content2) if p and p not in inside]
            cue.content, cue.content2 = (kept[0] if kept else None), None

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

    def _participle_source(self, doc: ParsedDoc, cue: Cue, heads: dict[int, Cue]) -> None:
        """"X said in a statement, adding that …": a present participle cue with no source of its
        own, hung on another cue's verb, speaks through that cue's source, however it was found;
        so does one after a comma the parser hung on a noun of that cue's clause ("said Rep. X at
        the time, | adding that …": "adding" an acl of "time")."""
        w = doc.words[cue.words[0]]
        head = heads.get(w.head)
        if head is None and self._participle_after_comma(doc, w):
            head = next((heads[v] for v in self._verb_chain(doc, w.i)[1:] if v in heads), None)
        if cue.source is not None or cue.source_words is not None or head is None or head is cue \
                or "VerbForm=Part" not in w.feats or "Tense=Pres" not in w.feats \
                or w.deprel not in ("advcl", "parataxis", "ccomp", "xcomp", "conj", "acl"):
            return
        if head.source is not None or head.source_words is not None:
            cue.source, cue.source_words, cue.via = head.source, head.source_words, head.via

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
                if in_span(cue.content, words[o.words[0]]):
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
            signed = self._signature(doc, q)
            if signed is not None:  # "“…” ― Pamela Padilla": the name signs the quotation
                out.append(Candidate("direct", q.start, q.end, None, via="colon", source_words=signed,
                                     source=self.mentions.phrase_head(doc, signed), spans=[q]))
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

    def _signature(self, doc: ParsedDoc, q: QuotedSpan) -> tuple[int, int] | None:
        """The words of a name that signs a quotation opening its line: a dash after the closing mark,
        then one to four capitalised words (name particles between) and nothing else to the end of
        the line ("“…” ― Pamela Padilla", "“…”— Julie A. Diaz Martinez.")."""
        line = doc.text.rfind("\n", 0, q.open) + 1
        if doc.text[line:q.open].strip() or q.close == q.end:
            return None
        m = self._signature_rx.match(doc.text, q.close)
        if m is None:
            return None
        ws = [w.i for w in doc.between(*m.span("name"))]
        return (ws[0], ws[-1] + 1) if ws else None

    @cached_property
    def _signature_rx(self):
        particles = "|".join(regex.escape(p) for p in self.rules.speakers.name_particles)
        word = r"\p{Lu}[\p{L}'’.-]*"
        return regex.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*(?P<name>" + word + r"(?:[ \t\u00a0]+(?:" + word
                             + (r"|" + particles if particles else "") + r")){0,3})[ \t\u00a0]*\.?[ \t\u00a0]*(?:\n|$)")

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
        w = doc.words[subj] if subj is not None else None
        if w is not None and (w.upos not in NOMINAL | {"PRON"} and not self._written_mid_sentence(doc, w)
                              or w.deprel.startswith("expl")):
            subj = None  # "Unterdessen …:" (not a name the tagger made an adverb: "Ali bekannte sich …:")
        elif w is not None and self._thing(doc, w) and any(k.deprel.startswith("det") for k in doc.children(w.i)):
            # "Die ersten Worte Armstrongs waren:": a thing (a noun with an article: the tagger makes
            # names nouns too) says nothing, a name it belongs to does; "Die Pflichten der Union
            # seien … festgelegt:", "Seine Zuversicht gründet sich auf …:" name no one
            subj = next((k.i for k in doc.children(w.i) if k.deprel.startswith("nmod") and k.i > w.i and k.upos == "PROPN"
                         and not any(g.deprel == "case" for g in doc.children(k.i))), None)
        return None, subj if subj is not None and subj in inside else None

    def _fronted_report(self, doc: ParsedDoc, units: list[Unit], cue: Cue) -> None:
        """"Die Enten waren mit H5N1 infiziert. Das erklärte ein Sprecher des Ministeriums.": a pronoun
        object opening the sentence (`cues.fronted_objects`), right before the verb, with the speaker
        after the verb, points back to the sentence before in the paragraph (one with no cue of its
        own): that is the report."""
        words = doc.words
        verb = cue.words[0]
        if not cue.unit or cue.source is None or cue.source < verb:
            return
        if self._thing(doc, words[cue.source]) and any(k.upos == "DET" for k in doc.children(cue.source)) \
                and not (self.mentions.is_quote_mark(words[cue.source - 1]) and words[cue.source].deprel.startswith("nsubj")):
            # "Dies begründe die Fluchtgefahr": a thing, no speaker ("Dies gab Airbus bekannt" has one,
            # and so has a title in marks: "Das berichtete die „Automobilwoche“")
            return
        u, prev = units[cue.unit], units[cue.unit - 1]
        first = words[u.first]
        if prev.para != u.para or verb != u.first + 1 or first.lower not in self.cues.fronted_objects \
                or first.head != verb:
            return
        a, b = self._trim(doc.text, prev.start, prev.end)
        if len(doc.text[a:b].split()) >= 3:
            cue.content = (a, b)

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
            return k is not None and not any(in_span(span, doc.words[k]) for span in (
                cue.content, cue.content2, *((q.open, q.close) for q in spans)))

        own = self._person_subject(doc, units[cue.unit])
        if framing(own) and own < cue.source:
            return own
        before = self._person_subject(doc, units[cue.unit - 1]) if cue.unit else None
        return before if framing(before) else None

def _reports(doc: ParsedDoc, outer: Cue, inner: Cue, any_source: bool = False) -> bool:
    """Is the inner cue's verb, one with no speaker of its own (or any, with `any_source`, when each
    cue's content holds the other's verb), the clausal complement of the outer cue's verb: what it
    reports ("Es sei gelobt worden, berichtete X", "… was adding to the delays, Glocer said")?"""
    w = doc.words[inner.words[0]]
    return (any_source or inner.source is None) and w.head == outer.words[0] and w.deprel == "ccomp"


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """No two quotes overlap: the longer one wins (a report inside a report is its container's)."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept
