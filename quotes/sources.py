"""Who a verb cue's words are from: the cue's subject (its own, that of a verb it is coordinated
with, a name after the verb or opening the sentence), an agent, a relative pronoun's antecedent,
and whether a source is a medium. A part of `Detector` (detect.py), which holds the rules and the
mention helpers these methods read."""

from __future__ import annotations

import regex

from .cues import TRAILING, Cue, Unit, in_span, grammatical_number
from .entities import plausible_name
from .parse import ParsedDoc, Word
from .phrases import NOMINAL, VERBAL


class SourceFinder:
    def subject(self, doc: ParsedDoc, i: int, content: tuple[int, int] | None = None) -> int | None:
        """The cue's subject (outside its content): its own nsubj, else that of the verb it is
        coordinated with or auxiliary to."""
        verbs = self._verb_chain(doc, i)
        for i in verbs:
            # a subject before the cue (a name or pronoun first, then the leftmost), else the first after
            # it ("sagte Wang"); never a weekday or month the parser made one ("tweets early Friday saying")
            kids = doc.children(i)
            before = [k for k in kids if k.deprel.startswith("nsubj") and k.i < i]
            for c in sorted(kids, key=lambda k: (k.i > i, k.upos not in {"PROPN", "PRON"}, k.i)):
                if len(before) > 1 and c in before and self._subject_of_what_follows(doc, c, before, i):
                    continue
                opener = c.deprel.startswith("nsubj") and self._comma_opener(doc, c)
                if c.deprel.startswith("nsubj") and c.lower in self.rules.speakers.time_nouns or opener:
                    # "At a campaign rally Monday morning, Trump's rival Sen. Marco Rubio said": the
                    # parser made the time the subject and the speaker its conjunct or apposition (so
                    # too an opening adverb it tagged a name, the speaker right after its comma:
                    # "Moreover, Jeffrey D. Sachs, …, noted")
                    named = next((k.i for k in doc.children(c.i) if k.deprel in ("conj", "appos") and k.i > c.i
                                  and k.upos in NOMINAL and not in_span(content, k)
                                  and (not opener or doc.extent(k.i)[0] == c.i + 2)), None)
                    if named is not None:
                        return named
                    continue
                if (c.deprel.startswith("nsubj") or c.deprel.startswith("expl")) and not in_span(content, c) \
                        and c.lower not in self.rules.speakers.not_names and not any(
                        g.deprel == "case" for g in doc.children(c.i)) and not (
                        c.i > 0 and doc.words[c.i - 1].upos == "ADP") and not self._in_dateline(doc, c):
                    after = self._subject_after_verb(doc, c, i, content) if c.i < i else None
                    if after is None and c.upos not in {"PROPN", "PRON", "DET"} and self._bare_opener(doc, c) \
                            and not self._written_mid_sentence(doc, c) and c.text not in self.mentions.surnames(doc):
                        # "Unterdessen hat das Busunternehmen … ausgesprochen": the parser made the opening
                        # adverb the subject; the noun after the verb is in the nominative
                        after = self._nominative_object(doc, i, content)
                    return after if after is not None else c.i
        for found in (self._stray_subject(doc, min(verbs), content), self._nominative_object(doc, min(verbs), content)):
            if found is not None:
                return found
        return self._name_opening_sentence(doc, min(verbs), content)

    def _verb_chain(self, doc: ParsedDoc, i: int) -> list[int]:
        """Cue i and the verbs whose subject it shares, nearest first: the verb it is coordinated
        with, auxiliary to, or the complement or adverbial clause of."""
        seen: list[int] = []
        outer = self._report_around(doc, doc.words[i])
        if outer is not None:
            seen.append(i)  # "said he saw no need to change …, | telling X that …": the speaker's
            i = outer
        while i >= 0 and i not in seen:
            seen.append(i)
            w = doc.words[i]
            outer = self._coordinated_with_complement(doc, w) if w.deprel == "conj" and len(seen) == 1 else None
            if outer is not None:
                i = outer  # "X said the plane had to divert but said …": X's
            elif w.deprel in ("conj", "xcomp", "advcl") or w.deprel.startswith("aux") or self._participle_clause(doc, w):
                i = w.head
                if w.deprel == "conj" and w.upos in VERBAL and doc.words[i].upos in NOMINAL and not any(
                        k.deprel.startswith(("nsubj", "cop")) for k in doc.children(i)):
                    # "…, describing the son as a hero but | insisting that …": the parser coordinated
                    # the verb with a noun; it goes with the verb of that noun's clause (not with a
                    # noun that is a clause's predicate: "who was at the dinner and | recalled")
                    i = self._clause_verb(doc, i)
            elif self._participle_after_comma(doc, w):
                # "… defended his call to raise the wage to $15 an hour, saying …": the parser hung
                # the participle on a noun; it goes with the verb of that noun's clause
                i = self._clause_verb(doc, w.head)  # past "a request to make public …": the clause's own verb
            else:
                break
        return seen

    def _clause_verb(self, doc: ParsedDoc, i: int) -> int:
        """Word i if it heads a clause, else the nearest head above it that does (-1: none)."""
        while i >= 0 and not self._clause_head(doc, doc.words[i]):
            i = doc.words[i].head
        return i

    def _report_around(self, doc: ParsedDoc, w: Word) -> int | None:
        """A speech verb's present participle after a comma that the parser hung inside another speech
        verb's report ("denied the notion that …, | explaining …"): that verb, whose subject it shares
        (not the subject of the clause it hangs on)."""
        if not (self._present_participle(w) and self._speech_verb(w)):
            return None
        k = w.i - 1
        while k > 0 and self.mentions.is_quote_mark(doc.words[k]):
            k -= 1  # ",” adding": the comma before the closing mark
        if k < 0 or doc.words[k].text != ",":
            return None
        h = w.head
        while h >= 0 and not self._speech_verb(doc.words[h]):
            h = doc.words[h].head
        return h if h >= 0 and h != w.head else None

    @staticmethod
    def _clause_head(doc: ParsedDoc, w: Word) -> bool:
        """Does w head a clause: a verb that is no noun's modifier, or the root of the sentence with a
        subject of its own ("Obama has been on the sidelines": the noun of a copula)?"""
        return w.upos in VERBAL and not w.deprel.startswith("acl") or w.head < 0 and any(
            k.deprel.startswith("nsubj") for k in doc.children(w.i))

    @staticmethod
    def _participle_after_comma(doc: ParsedDoc, w: Word) -> bool:
        """A present participle set off by a comma that the parser hung on a noun (acl)."""
        return w.deprel == "acl" and "VerbForm=Part" in w.feats and "Tense=Pres" in w.feats \
            and w.i > 0 and doc.words[w.i - 1].text == "," and w.head >= 0

    def _subject_of_what_follows(self, doc: ParsedDoc, c: Word, before: list[Word], i: int) -> bool:
        """Of the subjects the parser gave cue i before it, is c the first word or phrase of the
        reported clause, or an adverb, rather than the speaker? Either an opening word alone the
        article never writes inside a sentence ("Meanwhile, | X said"), or the cue is set off by
        commas after another subject that stands right before it: "Trump, | Sexton said, | has
        created …", "Vice President Joe Biden, Rubio said, had been …". Not "Smith, the mayor,
        said" (a comma after the other subject too), nor "Stacy Baker of Columbia, South Carolina
        says she …" (no comma after the cue), nor "Merkley (D-Ore.), … and Menendez all suggested"
        (the other one must be a noun phrase). Or a comma and a conjunction stand before a later subject: "But
        it’s not, and | Dayton says"."""
        words = doc.words
        if words[c.i + 1].text == "," and c.i == min(doc.subtree(c.i)) == doc.sentences[c.sent].first \
                and not self._written_mid_sentence(doc, c):
            return True
        if any(d.i > c.i and any(k.deprel == "cc" and k.i < d.i and words[k.i - 1].text == "," for k in doc.children(d.i))
               for d in before):
            return True  # "But it’s not, and | Dayton says": a conjunction after a comma opens the cue's clause
        if i + 1 >= len(words) or words[i + 1].text != ",":
            return False
        return any(d.i > c.i and (d.upos in NOMINAL or d.upos == "PRON")
                   and any(w.text == "," for w in words[c.i:min(doc.subtree(d.i))])
                   and not any(w.upos == "PUNCT" for w in words[doc.extent(d.i)[1] + 1:i]) for d in before)

    @staticmethod
    def _bare_objects(doc: ParsedDoc, verb: int, content: tuple[int, int] | None) -> list[Word]:
        """The verb's noun objects outside its content with no preposition: where a subject the
        parser mislabelled stands ("bemühte sich Markus Hungerbühler", "brachte die Sprecherin …")."""
        return [k for k in doc.children(verb) if k.deprel in ("obj", "iobj") and k.upos in {"NOUN", "PROPN"}
                and not in_span(content, k) and not any(g.deprel == "case" for g in doc.children(k.i))]

    def _nominative_object(self, doc: ParsedDoc, verb: int, content: tuple[int, int] | None) -> int | None:
        """A noun the parser made the object of a verb with no subject although its case, or its
        article's, is the nominative ("Die Wogen zu glätten bemühte sich Markus Hungerbühler":
        "Hungerbühler" obj, Case=Nom; "nahm der Ministerpräsident … Stellung"): it is the subject.
        Only languages that mark case have such a feature."""
        return next((k.i for k in self._bare_objects(doc, verb, content) if "Case=Nom" in k.feats or any(
            g.deprel == "det" and "Case=Nom" in g.feats for g in doc.children(k.i))), None)

    def _coordinated_with_complement(self, doc: ParsedDoc, w: Word) -> int | None:
        """The speech verb whose subject speaks for the cue w, when w, with no subject of its own, is
        coordinated with the clausal complement of a speech verb and that complement's subject is a
        thing or, of a passive speech verb, the hearer ("Politis said the plane had to divert but
        said they were …", "Politis said relatives were told … but said …"): neither says anything,
        the parser hung w on the wrong verb; so too a neuter pronoun ("China said it was “opposed” to
        the test and warned …"). None otherwise."""
        words = doc.words

        def hearer(x: Word) -> bool:  # "relatives were told": a passive speech verb's subject heard it
            return self._speech_verb(x) and any(k.deprel == "nsubj:pass" for k in doc.children(x.i))

        head = words[w.head]
        subj = [k for k in doc.children(head.i) if k.deprel.startswith("nsubj")]
        if head.deprel not in ("ccomp", "parataxis") or head.head < 0 or not subj or not (
                hearer(head) or all(self._thing(doc, k) or _neuter_pronoun(k) for k in subj)):
            return None
        outer = words[head.head]
        while hearer(outer) and outer.deprel == "ccomp" and outer.head >= 0:
            outer = words[outer.head]
        return outer.i if self._speech_verb(outer) and not hearer(outer) else None

    def _name_opening_sentence(self, doc: ParsedDoc, verb: int, content: tuple[int, int] | None) -> int | None:
        """The first word of the verb's sentence when the parser gave the verb no subject and that
        word, whatever its tag, is a name: capitalised, no stopword, and written capitalised inside
        a sentence elsewhere in the article ("Medvedev bedankte sich … und sagte: …", "Medvedev"
        tagged an adverb; "Schilling told WEEI:", "Schilling" tagged an -ing form)."""
        words = doc.words
        first = words[doc.sentences[words[verb].sent].first]
        participle = first.upos == "VERB" and "VerbForm=Part" in first.feats and first.head == verb  # "Schilling told …"
        if first.i >= verb or in_span(content, first) or first.upos in {"PRON", "DET", "ADP", "PUNCT", "VERB", "AUX"} \
                and not participle or not first.text[:1].isupper() or first.lower in self.rules.language.stopwords \
                or not first.text.isalpha():
            return None
        nxt = words[first.i + 1] if first.i + 1 < verb else None
        if self._written_mid_sentence(doc, first) or first.upos == "PROPN" and nxt is not None and nxt.upos == "PROPN":
            return first.i  # or the first of a run of names: "Attorney General Roy Cooper (D), …, saying that …"
        return None

    def _name_before_interruption(self, doc: ParsedDoc, verb: int, content: tuple[int, int] | None) -> int | None:
        """The name the parser hung elsewhere although it is the subject of the verb, which it left
        without one: the name right before the verb ("In a statement released Thursday, Rep. Hakeem
        Jeffries (D-N.Y.) reacted …": made a conjunct of "Thursday"), or the one before one or two
        interruptions set off by commas, relative clauses or appositions ("Mr. Cruz, whose finish
        was seen as a disappointment, said", "Alarmed by the unrest, Senator Harry Reid, the
        minority leader, said"). A name inside a prepositional phrase ("At Boca West") is none."""
        words = doc.words
        first = doc.sentences[words[verb].sent].first

        def unbracketed(j: int) -> int:  # "Jeffries (D-N.Y.)" ends at "Jeffries"
            if words[j].text == ")":
                while j > first and words[j].text != "(":
                    j -= 1
                j -= 1
            return j

        def name_ending_at(j: int, roles: bool) -> int | None:  # the head of a name (or role noun) ending at j
            w = words[j]
            if not (w.upos == "PROPN" or roles and self.rules.is_role_noun(w.text, w.lemma)) or in_span(content, w) \
                    or w.lower in self.rules.speakers.not_names:
                return None
            k = j
            while k > first and words[k - 1].upos == "PROPN":
                k -= 1
            if words[k - 1].upos == "ADP" or any(g.deprel == "case" for x in range(k, j + 1) for g in doc.children(x)):
                return None  # "At Boca West", "in Nevada"
            return next((x for x in range(k, j + 1) if not k <= words[x].head <= j), j)

        start_at = verb - 1
        while start_at > first and words[start_at].head == verb and words[start_at].upos in {"AUX", "ADV", "PART"}:
            start_at -= 1  # "… had", "… also"
        if words[start_at].text == "," and start_at > first:
            start_at -= 1
        for roles in (False, True):  # a name first: "Jay DiPietro, the club's president, suggested"
            j = start_at
            for skipped in range(3):
                j = unbracketed(j)
                if j < first:
                    break
                found = name_ending_at(j, roles)
                if found is not None:
                    return found
                start = j  # not a name: an interruption set off by commas, back to the comma before it
                while start > first and words[start - 1].text != ",":
                    start -= 1
                seg = words[start:j + 1]
                relative = self.mentions.opens_relative(seg[0])
                if skipped == 2 or start <= first + 1 or not relative and any(
                        w.upos == "AUX" or w.upos == "VERB" and "VerbForm=Fin" in w.feats for w in seg):
                    break
                j = start - 2
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
                          and not in_span(content, k)), None)
            if after is not None:
                return after
        if self.cues.verb_second and self._bare_opener(doc, c):
            # "Besorgt äußerte sich Kofi Annan", "Relativierend fügt Gall hinzu": a name as
            # second subject after the verb is the real one; the opening word is an adverb
            # the tagger missed. One it tagged a name, and that the article never writes inside a
            # sentence, gives way to a full name or to a name it does write there ("Ähnlich äußerte
            # sich George W. Bush", "Sinngemäß hofft Musk", not "McCarthy nannte …")
            after = next((k.i for k in doc.children(i) if k.i > i and self.mentions.names_someone(doc, k)
                          and (k.deprel.startswith("nsubj") or k.deprel == "obj" and (
                              c.upos != "NOUN" or grammatical_number(c) != grammatical_number(doc.words[i]) != ""))
                          and not in_span(content, k)), None)
            if after is not None and (c.upos != "PROPN" or not self._written_mid_sentence(doc, c) and (
                    self.mentions.full_name(doc, after) or self._written_mid_sentence(doc, doc.words[after]))):
                return after
        if self.cues.verb_second:
            # "Den Unmut der CDU … brachte die Sprecherin …, Annette Widmann-Mauz, zum Ausdruck": a
            # noun whose article is accusative or dative is no subject; "Bezüglich des Startortes
            # meldet die Nachrichtenagentur": nor is a thing (no name in its phrase: "Oskar
            # Lafontaine" may be tagged a noun) when a nominative noun after the verb names someone.
            # The one after the verb that names someone speaks (a noun's own case the tagger
            # guesses too often to ask for more than the article gives)
            oblique = c.upos == "NOUN" and any(
                g.deprel == "det" and ("Case=Acc" in g.feats or "Case=Dat" in g.feats) for g in doc.children(c.i))
            thing = self._thing(doc, c) and not any(doc.words[x].upos == "PROPN" for x in doc.subtree(c.i))
            after = next((k.i for k in self._bare_objects(doc, i, content) if k.i > i
                          and (oblique or "Case=Nom" in k.feats) and not self._thing(doc, k)), None)
            if (oblique or thing) and after is not None:
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
                or self._is_outlet(doc, k) or in_span(content, w):
            return None
        return k

    @staticmethod
    def _written_mid_sentence(doc: ParsedDoc, w: Word) -> bool:
        """Does the article write this capitalised word inside a sentence too (a name, then)?"""
        return regex.search(r"(?<=[\p{Ll},;] )" + regex.escape(w.text) + r"\b", doc.text) is not None

    def _comma_opener(self, doc: ParsedDoc, w: Word) -> bool:
        """Is w a word that opens the sentence before a comma, with no dependents but the names the
        parser joined to it, and one the article only ever writes so, a connective ("Moreover,",
        "Nonetheless,"), no name (`plausible_name`)?"""
        sent = doc.sentences[w.sent]
        if w.upos in {"PRON", "DET"} or w.lower in self.rules.speakers.not_names or w.i != sent.first or w.i + 1 >= sent.last or doc.words[w.i + 1].text != "," \
                or any(k.upos != "PUNCT" and k.deprel not in ("conj", "appos") for k in doc.children(w.i)):
            return False
        return not plausible_name(doc.text, w.text, capitalises_nouns=self.rules.language.capitalises_nouns)

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
                    and not in_span(content, w) \
                    and not any(g.deprel == "case" for g in doc.children(w.i)) \
                    and not any(words[k].upos in VERBAL | {"SCONJ"} or words[k].lower in self.cues.frame_subordinators
                                for k in range(w.i + 1, c) if words[k].head != c):
                return w.i
        return None

    def verb_source(self, doc: ParsedDoc, u: Unit, cue: Cue) -> None:
        words = doc.words
        c = cue.words[0]
        kids = doc.children(c)
        framed = self._framed_subject(doc, c, cue.content)
        subj = self.mentions.phrase_head(doc, framed) if framed else self.subject(doc, c, cue.content)
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
            quoted = [i for i in others if "PronType=Ind" not in words[i].feats]
            if quoted and len(quoted) < len(others):
                cue.source, cue.via = quoted[0], "subject"  # "zitierte man Yolanda Alvarez": no one quotes, she speaks
                return
            before = not passive and cue.content is not None and cue.content[1] <= words[c].start and any(
                ch in self.mentions.marks for ch in doc.text[max(0, cue.content[1] - 1):words[c].start])
            quoting = [i for i in others if words[i].deprel.startswith("nsubj")]
            named_objects = [i for i in others if words[i].deprel in ("obj", "iobj") and (
                self.mentions.names_someone(doc, words[i]) or self.mentions.is_name_word(doc, words[i]))]
            if before and quoting and named_objects and not self.mentions.names_someone(doc, words[quoting[0]]):
                # "„…“, zitiert die „Computerwoche“ Lynch": after the quotation, the subject quotes and
                # its object speaks, though no outlet word says the subject is a medium (a name or
                # role with a name, not "ihren Vater", "einen Bericht"; a person quoting is no medium)
                cue.outlet, cue.source, cue.via = quoting[0], named_objects[0], "subject"
                return
            if before and len(others) == 1 and self.mentions.names_someone(doc, words[others[0]]):
                # "zitiert ndr.de Polizeisprecher Ralf Meyer": the parse lost the medium; the person speaks
                cue.source, cue.via = others[0], "subject"
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
        elif subj is not None and not in_span(cue.content, words[subj]):
            cue.source, cue.source_words, cue.via = subj, framed, "subject"
        else:
            # Parser gave no usable subject: a subject set off by an apposition ("Claudia Pfeiffer,
            # Geschäftsführerin des KAV, erklärte"), the NP right after an inverted cue ("sagte
            # Wang"), else the NP right before it ("Wang said").
            appositive = self._speaker_after_quote(doc, u, cue) or self._subject_before_apposition(doc, u, cue)
            np = None if appositive or after_cue >= u.last else self.mentions.phrase_after(doc, after_cue, u.last)
            if np and (words[np[0]].upos == "ADP" and words[np[0]].text[:1].islower()
                       or words[np[0]].lower in self.rules.speakers.not_names):
                # "… said | in a statement", "… said | Monday morning": no speaker after the cue (a
                # capitalised "preposition" is a name the tagger missed: "said | Amy Deace")
                np = None
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
                if np and words[np[0]].upos == "ADP" and words[c - 1].upos == "PROPN":
                    # "In a March 2016 meeting with the editorial board of the Washington Post Trump
                    # said": a prepositional phrase is no speaker, the name right before the verb is
                    # (its last word: where the name starts the tags do not tell, "Post Trump")
                    np = (c - 1, c)
                if np and all(words[k].upos in {"ADV", "CCONJ", "SCONJ", "PART"} and (
                        words[k].lower in self.rules.stopword_set or words[k].text.islower()) for k in range(*np)):
                    # "Mr. Kirk, who …, also noted": an adverb is no speaker, the name before the
                    # interruption is (a name the tagger called an adverb stays: "Frankreich hat …")
                    np = None
                if np and (cue.content is None or words[np[0]].start >= cue.content[1] or words[np[1] - 1].end <= cue.content[0]):
                    cue.source_words = np
            if cue.source_words:
                cue.source = self.mentions.phrase_head(doc, cue.source_words)
            else:
                cue.source = self._name_before_interruption(doc, min(self._verb_chain(doc, c)), cue.content)
        if cue.source is not None and not self.mentions.is_name_word(doc, words[cue.source]):
            named = self._name_before_apposition(doc, cue) or self._name_after_cue(doc, cue, after_cue)
            if named is not None:
                cue.source_words = named
                cue.source = named[1] - 1
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
                         and not self._is_outlet(doc, k.i) and not in_span(cue.content, k)), None)
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
            if np and np[1] <= c and words[np[0]].text[:1].isupper() and words[np[0]].upos not in {"ADP", "ADV"} \
                    and not self._is_outlet(doc, self.mentions.phrase_head(doc, np)):
                # not "Am Montag meldete die Website", "Bereits im Juli 2008 vermeldete Wikinews"
                head = self.mentions.phrase_head(doc, np)
                if words[head].upos in {"PROPN", "X", "NOUN"} and head != cue.source:
                    cue.outlet, cue.source, cue.source_words = cue.source, head, np

    def _framed_subject(self, doc: ParsedDoc, c: int, content: tuple[int, int] | None) -> tuple[int, int] | None:
        """The noun phrase between a frame's subordinator and its verb c, whatever the parser hung
        it on ("Die Chemikalie hatte Raumtemperatur, wie Burt Rutan, Chef der Firma, mitteilte": it
        made "Chemikalie" the subject and "Burt" an oblique of "wie"): the subordinator opens the
        sentence or follows a comma, and after the phrase only an apposition in commas or a
        prepositional phrase stands before the verb (not "As president, Obama said")."""
        words = doc.words
        first = doc.sentences[words[c].sent].first
        k = c
        while k > max(first, c - 20):
            k -= 1
            w = words[k]
            if self.mentions.is_quote_mark(w) and k > first:
                # a name in quotation marks ("Wie die „Aktion Deutschland hilft“ heute mitteilte")
                opener = self.mentions.mark_before(doc, k, first)
                if opener is None or self.mentions.quoted_name(doc, opener, k + 1, source=True) != k:
                    return None
                k = opener
                continue
            if w.upos in VERBAL or w.text in {";", ":", ".", "!", "?"}:
                return None
            if w.lower not in self.cues.frame_subordinators or k > first and words[k - 1].text not in {",", "(", "–", "—"} \
                    and not (k - 1 == first and words[first].upos == "CCONJ"):  # "Denn wie die „Bild“ berichtete"
                continue
            np = self.mentions.phrase_after(doc, k + 1, c, apposition=True)
            if np is None or words[np[0]].upos in {"ADP", "ADV", "PUNCT"} or in_span(content, words[np[0]]) \
                    or not any(words[x].upos in NOMINAL or words[x].upos == "PRON" for x in range(*np)):
                return None
            rest = words[np[1]:c]
            commas = [x.i for x in rest if x.text == ","]
            if commas and (commas[0] != np[1] or len(commas) < 2):
                return None
            after = words[commas[-1] + 1] if commas else None
            if after is not None and after.i < c and after.upos not in {"ADP", "ADV"}:
                return None
            return np
        return None

    def _relative_antecedent(self, doc: ParsedDoc, pronoun: int, verb: int, u: Unit) -> int | None:
        """"…, der sagte, …": the noun phrase a relative pronoun's clause hangs on, the first of a row
        of appositions before it ("Reinhard Bütikofer, Parteivorsitzender der Grünen, der sagte",
        "Sven Liebich, einst führender Rechtsextremist, der …")."""
        words = doc.words
        after_comma = pronoun > 0 and words[pronoun - 1].text == ","
        # with no comma before it, the pronoun's own clause ("a historian who attended …, recalled")
        clause = verb if after_comma else words[pronoun].head
        ant = words[clause].head if words[clause].deprel == "acl:relcl" and words[clause].head < pronoun else None
        if ant is None and not after_comma:
            return None
        if ant is None:
            np = self.mentions.phrase_before(doc, pronoun - 1, u.first)
            ant = self.mentions.phrase_head(doc, np) if np else None
            if np and np[0] - 2 >= u.first and words[np[0] - 1].text == "," and any(
                    words[k].upos == "PROPN" for k in range(max(u.first, np[0] - 3), np[0] - 1)):
                ant = np[0] - 2
        if ant is not None and words[pronoun].lower in self.rules.speakers.person_relative_pronouns:
            role = ant
            while not self.rules.is_role_noun(words[role].text, words[role].lemma) and words[role].deprel.startswith("nmod") \
                    and words[words[role].head].upos in NOMINAL:
                role = words[role].head
            if self.rules.is_role_noun(words[role].text, words[role].lemma):
                ant = role
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
        return last.end <= content[0] and self._starts_with_opener(doc.text, content[0]) \
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

    def _name_before_apposition(self, doc: ParsedDoc, cue: Cue) -> tuple[int, int] | None:
        """"Flynn, a top Trump surrogate, said", "Rendell, a Clinton surrogate, said", "Cecelia Purner,
        67, a retired customer service representative in Allentown, Pa., said": the source the parse
        gave is a description set off by commas right before the cue (or its adverb: "…, forcefully
        told"), after a name that opens the clause (at the sentence start, or after a comma or a
        quotation mark): the name speaks, the
        description is its apposition. The name ends at the nearest comma before the description
        that closes one (an age or a place may stand between, in commas of their own). Returns the
        name's words."""
        words = doc.words
        c = min(cue.words)
        while c > 1 and words[c - 1].upos == "ADV" and words[c - 1].head == min(cue.words):
            c -= 1  # "…, the chief executive of the National Urban League, | forcefully told"
        if c < 2 or words[c - 1].text != "," or cue.source is None:
            return None
        k = c - 2
        while k > 0 and c - k < 24 and words[k].sent == words[c].sent:
            w = words[k]
            if self.mentions.is_quote_mark(w) or w.upos in VERBAL and w.deprel != "amod" or w.upos == "CCONJ":
                return None  # (a participle modifying a noun is part of the description: "a retired …";
                # a conjunction joins another subject: "Smith, a senator, and Jones, a governor, said")
            if w.text == "," and k < cue.source < c - 1:
                name = self.mentions.name_ending_at_comma(doc, k)
                if name is not None:
                    return name
            k -= 1
        return None

    def _name_after_cue(self, doc: ParsedDoc, cue: Cue, after_cue: int) -> tuple[int, int] | None:
        """"…,” said Amy Rao, the chief executive of a …": the source the parse gave after an inverted
        cue is a description set off by a comma, and right after the cue stands a name (capitalised
        words, the last a proper noun; the tagger may call a first name a preposition): the name
        speaks. Returns the name's words."""
        words = doc.words
        s = cue.source
        if s is None or s <= after_cue:
            return None
        comma = doc.extent(s)[0] - 1
        run = words[after_cue:comma]
        if words[comma].text != "," or not 1 <= len(run) <= 4 or run[-1].upos != "PROPN" or any(
                not w.text[:1].isupper() or w.lower in self.mentions.stop for w in run):
            return None
        return after_cue, comma

    def _subject_before_apposition(self, doc: ParsedDoc, u: Unit, cue: Cue) -> tuple[int, int] | None:
        """"Claudia Pfeiffer, Geschäftsführerin des KAV, erklärte", "Wie Anna Bligh, die
        Premierministerin, erklärte": the noun phrase before the first comma, when only noun
        phrases and commas stand between the clause start and the cue, or a prepositional phrase
        after the last comma ("Wie Steve Marshall, Sprecher der UN-Büros, in Bangkok mitteilte")."""
        words = doc.words
        c = min(cue.words)
        end = c - 1
        if end > u.first and words[end].text != ",":
            pp = self.mentions.phrase_before(doc, c, u.first)
            end = pp[0] - 1 if pp and words[pp[0]].upos == "ADP" else c - 1
        if end <= u.first or words[end].text != ",":
            return None
        a = u.first
        while a < c and (words[a].lower in self.cues.frame_subordinators or words[a].upos in {"SCONJ", "CCONJ", "PUNCT"}):
            a += 1
        while a < end and words[a].upos == "ADP":
            # an opening prepositional phrase is no subject: "And on Tuesday, | Kevin Brady, chairman …, said"
            a = next((w.i + 1 for w in words[a:end] if w.text == ","), end)
        seg = words[a:end]
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
        # a possessor is someone else: "The Huffington Post's Scott Conroy" is a journalist
        near = [x for x in doc.words[max(0, i - 3):i + 3] if x.sent == w.sent and (
            x.i == i or x.head == i and x.deprel != "nmod:poss")]
        return any(self.rules.is_outlet_word(x.text) for x in near)


def _neuter_pronoun(w: Word) -> bool:
    """A personal pronoun in the neuter ("it", "es"): a thing, or a body that speaks for itself."""
    return w.upos == "PRON" and "Gender=Neut" in w.feats and "PronType=Prs" in w.feats
