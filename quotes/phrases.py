"""Phrases: the noun phrase that stands before or after a cue ("laut dem Chefankläger …, Luis
Moreno Ocampo,", "said | the coach"), its head, names in quotation marks ("der „Berliner
Zeitung“"), and whether a word names someone (a name, or a role with a name in apposition). A part
of `Mentions` (mentions.py), whose rules and quotation marks these methods read; detection calls
them through it."""

from __future__ import annotations

from .marks import is_mark_text
from .parse import ParsedDoc, Word

VERBAL = {"VERB", "AUX"}
NOMINAL = {"NOUN", "PROPN", "X"}  # what a speaker's noun phrase needs one of (X: names the tagger missed)

HYPHENS = {"-", "‐", "‑"}

class Phrases:
    def is_quote_mark(self, w: Word) -> bool:
        """A quotation mark of the rule file's pairs, or any other mark (marks.py)."""
        return (w.text in self.marks or is_mark_text(w.text)) and w.upos != "PART"  # "Sanders’ campaign"

    def opens_relative(self, w: Word) -> bool:
        """Is w a relative pronoun, as the tagger says or the rule file lists it
        (`speakers.relative_pronouns`: German "der", "die" are often tagged articles)?"""
        return "PronType=Rel" in w.feats or w.lower in self.rules.speakers.relative_pronouns

    def mark_before(self, doc: ParsedDoc, closer: int, first: int) -> int | None:
        """The nearest quotation mark in the eight words before word `closer`, not before word
        `first`: the opening mark of a short quoted name ("„Aktion Deutschland hilft“")."""
        return next((k for k in range(closer - 1, max(first, closer - 8) - 1, -1)
                     if self.is_quote_mark(doc.words[k])), None)

    @staticmethod
    def phrase_head(doc: ParsedDoc, np: tuple[int, int]) -> int:
        """The word of a noun phrase whose head lies outside it: the first noun or pronoun among
        those, else the first of them (German/English phrases are head-final-ish)."""
        inside = range(*np)
        heads = [i for i in inside if doc.words[i].head not in inside]
        nouns = [i for i in heads if doc.words[i].upos in {"PROPN", "NOUN", "PRON", "X"}]
        return (nouns or heads or [np[1] - 1])[0]

    @staticmethod
    def _after_hyphen(doc: ParsedDoc, j: int) -> bool:
        """Is word j the second part of a compound hyphenated without spaces ("Los Angeles-|based
        attorney", "London-|based analyst"): no verb of the clause, a modifier of the noun after it?"""
        words = doc.words
        return j >= 2 and words[j - 1].text in HYPHENS and words[j - 2].end == words[j - 1].start \
            and words[j - 1].end == words[j].start

    def phrase_after(self, doc: ParsedDoc, i: int, last: int, apposition: bool = False) -> tuple[int, int] | None:
        """The noun phrase from i: up to punctuation, a verb, a quote mark, a second prepositional
        phrase or the clause going on; with `apposition`, a name in commas after it belongs to it."""
        j = i
        noun, first_noun = False, i
        while j < last and j - i < 14:
            w = doc.words[j]
            if apposition and w.text == "," and noun and (k := self._name_in_commas(doc, j, last)) is not None:
                j = k  # "laut dem Chefankläger des Strafgerichts, Luis Moreno Ocampo, …"
                break
            if (close := self.quoted_name(doc, j, last, source=not noun)) is not None:
                j, noun, first_noun = close + 1, True, first_noun if noun else j + 1  # "laut dem Fachmagazin „Automobilwoche“"
                continue
            if w.text in {",", ".", ";", ":", "!", "?"} or self.is_quote_mark(w):
                break
            if w.upos in VERBAL and j > i and (noun or w.upos == "AUX" or "VerbForm=Fin" in w.feats) \
                    and not self._after_hyphen(doc, j) or w.lower in self.rules.cues.complementizers:
                break  # before the noun, a non-finite "verb" is a modifier the tagger missed: "according to conservative talk radio host X"
            if noun and w.upos == "ADP" and not w.text[:1].isupper() and not (
                    w.lower in self.rules.speakers.source_prepositions and self.rules.is_source_noun(doc.words[j - 1].text)):
                break  # a second prepositional phrase: "der Regierung | zur Bewachung" (not "a report | from X")
            if noun and w.upos == "DET" and (w.head not in doc.subtree(first_noun) and not self._genitive_after_noun(doc, j)
                                             or self.rules.cues.genitive_articles
                                             and w.lower not in self.rules.cues.genitive_articles):
                break  # a new noun phrase, not a genitive of this one: "des Mannes | eine Bombe"
            if noun and w.upos == "NUM" and j + 1 < last and doc.words[j + 1].upos in {"NOUN", "PROPN"} \
                    and doc.words[j - 1].upos in NOMINAL:
                break  # a number and its noun start a new phrase: "des Piratenchefs Mohamed Said | 300.000 US-Dollar"
            if noun and w.text[:1].islower() and (w.upos in {"ADV", "PART"} or w.upos == "ADJ" and (
                    j + 1 >= last or doc.words[j + 1].upos not in NOMINAL | {"ADJ"})):
                break  # the clause goes on: "laut Tessema | zudem recht klein", "laut IGDRB | unterschriftsreif"
            if not noun and w.upos in NOMINAL:
                noun, first_noun = True, j
            j += 1
        return (i, j) if j > i else None

    def _genitive_after_noun(self, doc: ParsedDoc, j: int) -> bool:
        """Is word j a genitive article right after a noun, which the parser hung elsewhere ("laut
        Vorschlag | der CDU", "der CDU" made the verb's object)? It opens the noun's genitive."""
        w = doc.words[j]
        return "Case=Gen" in w.feats and w.lower in self.rules.cues.genitive_articles and doc.words[j - 1].upos == "NOUN"

    def names_in_marks(self, doc: ParsedDoc, opener: int, closer: int) -> bool:
        """Do these marks hold a name, not quoted words: a medium ("der „Berliner Zeitung“"), a
        name set off after its kind ("die Wochenzeitung „Le Canard enchaîné“", "Sprecher der
        Organisation „Iceland Nature …“", any noun the parser makes it an apposition of) or a
        title, every word of three letters or more capitalized and none a common noun ("„Public
        Library of Science“", not "„Geschäft des Jahrhunderts“")?"""
        words = doc.words
        inside = range(opener + 1, closer)
        if words[opener + 1].text[:1].isupper() and not any(words[k].upos in VERBAL for k in inside) and (
                any(self.rules.is_outlet_word(words[k].text) for k in inside[:5])
                or any(words[k].lower in self.organization_words for k in inside[:2])):
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

    def quoted_name(self, doc: ParsedDoc, opener: int, last: int, source: bool = False) -> int | None:
        """The closing mark when word `opener` opens quotation marks that hold a name, up to six
        words before `last` ("der „Frankfurter Allgemeine Zeitung“", "die Organisation „Reporter ohne
        Grenzen“"), else None. Opening a source's phrase (`source`), marks right after its article
        hold a name whatever their words ("schreibt die „Computerwoche“"); elsewhere they may be
        quoted words ("nannte den Bericht eine „Zeitungsente“", "eines Gerichtes des „Aufrufs zu
        Subversion“")."""
        words = doc.words
        if opener + 2 >= last or not self.is_quote_mark(words[opener]) or not words[opener + 1].text[:1].isupper():
            return None
        close = next((k for k in range(opener + 2, min(last, opener + 8)) if self.is_quote_mark(words[k])), None)
        if close is None:
            return None
        if source and opener > 0 and words[opener - 1].upos == "DET" and words[opener - 1].sent == words[opener].sent:
            return close
        return close if self.names_in_marks(doc, opener, close) else None

    @staticmethod
    def _name_in_commas(doc: ParsedDoc, comma: int, last: int) -> int | None:
        """The end of 1-4 capitalised words after `comma` closed by another comma (an apposition
        naming the noun before it), else None."""
        words = doc.words
        j = comma + 1
        while j < last and j - comma <= 4 and (words[j].text[:1].isupper() or words[j].text in {"-", "."}
                                                or words[j].text.islower() and j + 1 < last and words[j + 1].text[:1].isupper()):
            j += 1
        return j if j > comma + 1 and j < last and words[j].text == "," and words[comma + 1].text[:1].isupper() else None

    def phrase_before(self, doc: ParsedDoc, i: int, first: int) -> tuple[int, int] | None:
        """The noun phrase that ends before word i, back to punctuation, a quote mark or a verb,
        without a prepositional phrase after its noun ("Xi Jinping | on Friday")."""
        j = i
        while j > first and i - j < 14:
            w = doc.words[j - 1]
            if w.text in {",", ".", ";", ":", "!", "?"} or self.is_quote_mark(w):
                break
            if w.upos in VERBAL and not (w.text[:1].isupper() and j - 1 > first):
                break  # a capitalised "verb" inside a clause is a mis-tagged name ("Xi Jinping")
            j -= 1
        if j >= i:
            return None
        # cut a trailing prepositional phrase: "Xi Jinping | on Friday"; after a word for a source
        # it names the source: "Einer Meldung von Xinhua (zufolge)"
        for k in range(j + 1, i):
            if doc.words[k].upos == "ADP" and any(doc.words[x].upos in {"NOUN", "PROPN"} for x in range(j, k)) \
                    and not self.rules.is_source_noun(doc.words[k - 1].text):
                return (j, k)
        return (j, i)

    def names_someone(self, doc: ParsedDoc, w: Word) -> bool:
        """A name, or a role with a name: "Gall", "der US-Präsident George W. Bush"."""
        if w.upos == "PROPN":
            return True
        return self.rules.is_role_noun(w.text, w.lemma) and (
            any(g.upos == "PROPN" and g.deprel in ("appos", "flat", "flat:name") for g in doc.children(w.i))
            # or an apposition the parser hung on its genitive: "der Vorsitzende des Ausschusses, X"
            or any(doc.words[x].upos == "PROPN" and doc.words[x].deprel == "appos" for x in doc.subtree(w.i)))

    @staticmethod
    def full_name(doc: ParsedDoc, k: int) -> bool:
        """Does the phrase headed by k hold a name of two words or more ("George W. Bush")?"""
        return any(doc.words[x].upos == "PROPN" and any(g.deprel.startswith("flat") for g in doc.children(x))
                   for x in doc.subtree(k))
