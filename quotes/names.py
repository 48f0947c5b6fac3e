"""Names: which words of a parsed article are name words, where a name runs, and the full form
of a short one.

- a name word is capitalised, no stopword, honorific, role or not-name of the rule file, and (in a
  language that capitalises nouns) a noun only beside a proper noun, after its first name or role,
  or uninflected with no article before it ("Anna Berg", "der AK Vorratsdatenspeicherung");
- a name runs over its particles, hyphens, initials and the capitalised adjectives that open a
  body's name ("van der Bellen", "Strauss-Kahn", "des Deutschen Wetterdienstes");
- a short form is made full from the article's own names ("Wang" -> "Wang Yi", "Lahms" ->
  "Philipp Lahm"), also from unparsed text ("Condoleezza Rice besuchte …").
`Mentions` (mentions.py) builds on this; language facts come from rules/<lang>.toml.
"""

from __future__ import annotations

from collections.abc import Container

import regex

from .entities import EntityBuilder, contradicts, occurrences
from .parse import ParsedDoc, Word
from .phrases import HYPHENS, VERBAL, Phrases
from .rules import RuleSet

NOT_NAME_POS = {"DET", "PRON", "VERB", "AUX", "CCONJ", "SCONJ", "PUNCT", "NUM", "ADJ", "SYM", "PART"}
_NEVER_NAME_POS = frozenset(NOT_NAME_POS - {"ADJ", "VERB", "AUX"})  # is_name_word's first test
MENTION_STOP = {",", ".", ";", ":", "!", "?", "(", ")", "–", "—"}


def title_case(words: list[Word], capitalises_nouns: bool = False) -> bool:
    """Does the sentence capitalise every word of four letters or more (three at least), as a
    headline does ("Chris Christie Calls Hillary Clinton 'A Disgrace'")? There the tagger reads
    every capital as a proper noun, so its names and proper nouns are no evidence. Never in a
    language that capitalises its nouns: there headlines are written as sentences, and a caption
    of nouns and names ("Bayerns Ministerpräsident Markus Söder") is no headline."""
    if capitalises_nouns:
        return False
    long = [w.text for w in words if len(w.text) >= 4 and w.text[:1].isalpha()]
    return len(long) >= 3 and all(t[:1].isupper() for t in long)


class Names(Phrases):
    """Name words, name runs and full names of one rule file's language (the state of `Mentions`)."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        sp = rules.speakers
        self.stop = set(rules.language.stopwords) | set(sp.honorifics) | set(sp.not_names)
        self.particles = frozenset(sp.name_particles)
        self.marks = {mark for pair in rules.quotes.pairs for mark in pair}
        self._runs_before: tuple[str | None, dict] = (None, {})  # `_capitalised_before`, for one text
        self._surnames: tuple[str | None, frozenset[str]] = (None, frozenset())  # `surnames`, for one text
        self.people = EntityBuilder(rules)  # the raw text's person names (`surnames`; the Resolver's entities)
        # organization words as whole words only: "Rat", not the "-bild" of "Vorbild"
        self.organization_words = set(sp.organization_words)
        self.outlet_words = set(sp.outlet_words) | set(rules.outlets.generic)

    def is_name_word(self, doc: ParsedDoc, w: Word) -> bool:
        t = w.text
        if not t[:1].isupper() or w.lower in self.stop or w.upos in _NEVER_NAME_POS:
            return False
        if (self._role(w) or self._before_role_compound(doc, w)) and not self._after_honorific(doc, w):
            return False
        if w.upos == "ADJ":
            return False
        if w.upos in VERBAL:
            # a capitalised "verb" inside a sentence is a mis-tagged name ("Xi Jinping" as VERB)
            return w.i > doc.sentences[w.sent].first and w.lemma[:1].isupper()
        if w.upos == "NOUN":
            # German capitalises every noun: a NOUN counts as a name only beside a PROPN or when
            # no article or adjective stands before it and it does not inflect.
            nb = [x for x in (doc.words[w.i - 1] if w.i > 0 else None,
                              doc.words[w.i + 1] if w.i + 1 < len(doc.words) else None) if x is not None]
            prev = doc.words[w.i - 1] if w.i > 0 else None
            if prev is not None and prev.upos == "PROPN" and prev.sent == w.sent and (prev.head == w.i or w.head == prev.i):
                return True  # a surname after its first name, lemmatized as a plural: "Jan | Lorenzen"
            if w.lemma == w.text and any(x.upos == "PROPN" and x.text[:1].isupper() and x.sent == w.sent for x in nb):
                return True
            if prev is not None and prev.sent == w.sent and prev.upos == "ADJ" and self._role(prev) \
                    and w.lemma == w.text and prev.head == w.i and not self.rules.is_organization_word(t):
                return True  # a surname after its role, the role tagged an adjective: "SPD-Innenexperte | Wiefelspütz"
            if self._acronym(doc, w):
                return True  # "der AK | Vorratsdatenspeicherung", "des BND": an article before an acronym is the name's
            if prev is not None and prev.sent == w.sent and prev.upos in {"DET", "ADJ"}:
                return False
            # nor a word for where words come from: "laut Vorschlag | der CDU"
            return w.lemma == w.text and not self.rules.is_organization_word(t) and not self.rules.is_source_noun(t)
        return True

    @staticmethod
    def _acronym(doc: ParsedDoc, w: Word) -> bool:
        """A word of two to six capitals among words that are not all capitals (not a headline
        written in capitals: "CONGRESS HAS INVESTIGATED HIM"), standing alone."""
        if not (2 <= len(w.text) <= 6 and w.text.isalpha() and w.text.isupper()) \
                or doc.text[w.end:w.end + 1] in HYPHENS:
            return False  # nor the first part of a compound: "EU-Kommission", "OSZE-Bericht"
        sent = doc.sentences[w.sent]
        near = [x for x in doc.words[max(sent.first, w.i - 2):min(sent.last, w.i + 3)]
                if x.i != w.i and len(x.text) > 1 and x.text.isalpha()]
        return not any(x.text.isupper() for x in near)

    def _before_role_compound(self, doc: ParsedDoc, w: Word) -> bool:
        """The first part of a hyphenated role noun describes, it does not name: "US-Delegationsleiterin"."""
        words = doc.words
        return w.i + 2 < len(words) and words[w.i + 1].text in HYPHENS and words[w.i + 1].start == w.end \
            and words[w.i + 2].start == words[w.i + 1].end and self._role(words[w.i + 2])

    def name_runs(self, doc: ParsedDoc, first: int, last: int) -> list[tuple[int, int]]:
        runs, a = [], None
        for i in range(first, last):
            w = doc.words[i]
            if a is None and not w.text[:1].isupper():
                continue  # no name begins with a lower-case word
            ok = self.is_name_word(doc, w) or (self._continues_name(doc, i, last) if a is not None
                                               else self._adjective_in_name(doc, i, last))
            if ok and a is None:
                a = i
            elif not ok and a is not None:
                runs.append((a, i))
                a = None
            if a is not None and w.text.endswith(("s’", "s'", "S’", "S'")):
                runs.append((a, i + 1))  # a possessive ends the name: "Harbor News’ | Tom Reese"
                a = None
        if a is not None:
            runs.append((a, last))
        return runs

    def _continues_name(self, doc: ParsedDoc, i: int, last: int) -> bool:
        """Does word i, not a name word itself, go on a name begun before it: an initial ("George W."),
        a hyphen or the part after one ("Strauss-Kahn"), a particle ("Heike van Laak"), a capitalised
        word the tagger gave another class between two names ("World | Meteorological | Organization")?"""
        words = doc.words
        return self._initial(words[i]) or self._hyphen_part(doc, i, last) or self._particle_in_name(doc, i, last) \
            or words[i].text[:1].isupper() and words[i].upos == "ADJ" and i + 1 < last and self.is_name_word(doc, words[i + 1]) \
            or self.rules.language.capitalises_nouns and self._after_capitalised_adjective(doc, i, last)

    def _adjective_in_name(self, doc: ParsedDoc, i: int, last: int) -> bool:
        """Does an organization's name begin with word i, a capitalised adjective before name words
        that end on a word for an organization or a medium ("The | New | York Times", "the | White |
        House", "the | International | Monetary Fund")? Not before other names ("New York": a
        place is no speaker's name, and as a name of two words it would pass for a person's), nor
        in a language that capitalises its nouns: there nominalised adjectives are nouns too
        ("Vorstandsvorsitzende")."""
        words = doc.words
        if self.rules.language.capitalises_nouns:
            return self._capitalised_adjective(doc, i, last)
        if words[i].upos != "ADJ" or words[i].lower in self.stop:
            return False
        j = i + 1
        while j < last and self.is_name_word(doc, words[j]):
            j += 1
        return j > i + 1 and self.rules.is_body_word(words[j - 1].text)

    def _capitalised_adjective(self, doc: ParsedDoc, i: int, last: int) -> bool:
        """In a language that writes adjectives in lower case, a capitalised one inside a sentence
        before a noun begins a name: "des | Deutschen Wetterdienstes", "die | Deutsche Presse-Agentur",
        "Das | Rote Kreuz" (not one opening the sentence or a quotation, nor a nominalised one alone:
        "die Grünen", nor a noun the tagger made an adjective: its lemma is capitalised, or it is a
        role: "Der Airbus-Vorstandsvorsitzende Enders")."""
        words = doc.words
        w = words[i]
        if w.upos != "ADJ" or not w.text[:1].isupper() or not w.lemma[:1].islower() or self._role(w) \
                or w.lower in self.stop or i + 1 >= last \
                or i == doc.sentences[w.sent].first or words[i - 1].text in MENTION_STOP | {":", "("} \
                or self.is_quote_mark(words[i - 1]):
            return False
        nxt = words[i + 1]
        return nxt.upos in {"NOUN", "PROPN"} and nxt.text[:1].isupper() and not self._role(nxt)

    def _after_capitalised_adjective(self, doc: ParsedDoc, i: int, last: int) -> bool:
        """Is word i the noun after a capitalised adjective that begins a name, or a hyphen or part of
        that noun's compound ("Deutsche Presse | - | Agentur")?"""
        words = doc.words
        k = i
        while k > 0 and (words[k].text in HYPHENS or words[k - 1].text in HYPHENS) and words[k - 1].end == words[k].start:
            k -= 1
        return k != i and k > 0 and self._capitalised_adjective(doc, k - 1, last) \
            or words[i].upos == "NOUN" and self._capitalised_adjective(doc, i - 1, last)

    def _hyphen_part(self, doc: ParsedDoc, i: int, last: int) -> bool:
        """Is word i the hyphen of a hyphenated name, or the word after it?"""
        return self._hyphen_in_name(doc, i, last) or self._hyphen_in_name(doc, i - 1, last)

    def _hyphen_in_name(self, doc: ParsedDoc, i: int, last: int) -> bool:
        """A hyphen written without spaces between a name word and a capitalised word: "Strauss-Kahn",
        "Schimmer-Göresz" (the part after it may be tagged a noun: "Strauss-Kahns"). Not after an
        acronym, nor before a role or organization word: those are compounds ("SPD-Innenexperte",
        "US-Delegationsleiterin", "FDP-Bundesfraktion")."""
        words = doc.words
        if not (0 < i and i + 1 < last and self._after_hyphen(doc, i + 1)):
            return False
        before, after = words[i - 1], words[i + 1]
        return after.text[:1].isupper() and not before.text.isupper() and not self._role(after) \
            and not self.rules.is_organization_word(after.text) and (
                self.is_name_word(doc, before) or self._hyphen_in_name(doc, i - 2, last))  # "Nahrung-Genuss-Gaststätten"

    def _particle_in_name(self, doc: ParsedDoc, i: int, last: int) -> bool:
        """A lower-case particle after a name word and before another: "Heike van | Laak"."""
        words = doc.words
        return words[i].lower in self.particles and words[i].text.islower() and 0 < i and i + 1 < last \
            and self.is_name_word(doc, words[i - 1]) and self.is_name_word(doc, words[i + 1])

    @staticmethod
    def _initial(w: Word) -> bool:
        return len(w.text) == 2 and w.text[0].isupper() and w.text[1] == "."

    def text_of(self, doc: ParsedDoc, a: int, b: int) -> str:
        return doc.text[doc.words[a].start:doc.words[b - 1].end]

    def document_names(self, doc: ParsedDoc) -> list[str]:
        """Every name in the document that looks like a person's (2-4 capitalised words, no
        organization word, at least one tagged PROPN), in order of first appearance."""
        names: list[str] = []
        for s in doc.sentences:
            if not s.parsed or all(w.upos != "PROPN" for w in doc.words[s.first:s.last]) \
                    or title_case(doc.words[s.first:s.last], self.rules.language.capitalises_nouns):
                continue  # no word tagged PROPN (or tokenized only, or a headline): no name of a person
            for a, b in self.name_runs(doc, s.first, s.last):
                ws = [w for w in doc.words[a:b] if w.text not in HYPHENS]
                n = self.text_of(doc, a, b)
                if 2 <= len(n.split()) <= 4 and any(w.upos == "PROPN" for w in ws) and not any(
                        self.rules.is_organization_word(w.text) for w in ws) and all(w.text[:1].isupper() for w in ws):
                    if n not in names:
                        names.append(n)
        return names

    def surnames(self, doc: ParsedDoc) -> frozenset[str]:
        """The last words of the runs "First [Middle] Surname" of the raw text ("Lammert" of "Norbert
        Lammert"; most sentences are not parsed): a word the tagger made a noun in one sentence
        ("Lammert würdigte …") is a name when the article writes it after a first name elsewhere."""
        if self._surnames[0] is not doc.text:
            self._surnames = (doc.text, frozenset(n.split()[-1] for _, _, n in self.people.person_names(doc.text)))
        return self._surnames[1]

    def _role(self, w: Word) -> bool:
        return self.rules.is_role_noun(w.text, w.lemma)

    def _after_honorific(self, doc: ParsedDoc, w: Word) -> bool:
        """A capitalised word right after an honorific is a surname, even one that is a role noun
        too ("Mr. Singer", "Dr. Cook")."""
        return w.i > 0 and w.text[:1].isupper() and doc.words[w.i - 1].sent == w.sent \
            and doc.words[w.i - 1].lower in self.rules.speakers.honorifics

    def _nominative(self, doc: ParsedDoc, a: int, b: int) -> str:
        """The name of words a..b, with a genitive head noun put back in its lemma where the
        article writes the name that way too: "des Deutschen Wetterdienstes" -> "Deutschen
        Wetterdienst" ("beim Deutschen Wetterdienst"), so both are one organisation."""
        last = doc.words[b - 1]
        lemma = last.lemma or ""
        if lemma[:1].isupper() and last.text != lemma and last.text.startswith(lemma) \
                and last.text[len(lemma):] in self.rules.speakers.genitive_endings:
            name = (self.text_of(doc, a, b - 1) + " " + lemma).strip() if b - 1 > a else lemma
            if next(occurrences(doc.text, name), None):
                return name
        return self.text_of(doc, a, b)

    # ------------------------------------------------------------------ full names

    def _expand(self, name: str | None, full_names: list[str], text: str = "", at: int = 0,
                lower: Container[str] = frozenset()) -> str | None:
        """"Wang" -> "Wang Yi" when the document names him in full. Of two full names that fit
        ("Clinton": Hillary and Bill), the one written last before the mention (`at`, `_nearest`),
        else the first the document gives."""
        if not name:
            return name
        toks = name.split()
        # a name in the genitive names the same person: "Strauss-Kahns" -> "Dominique Strauss-Kahn"
        forms = [toks[:-1] + [last] for last in self._with_genitive_dropped(toks[-1])]
        fits = [full for full in full_names
                if any(len(full.split()) > len(t) and (full.split()[-len(t):] == t or full.split()[:len(t)] == t)
                       for t in forms)]
        if len(fits) > 1 and text:
            return self._nearest([(text.rfind(f, 0, at), f) for f in fits], at, lower) or fits[0]
        return fits[0] if fits else name

    def _with_genitive_dropped(self, word: str) -> list[str]:
        """The word, then the word without each genitive ending it has (`speakers.genitive_endings`)."""
        return [word] + [word[:-len(e)] for e in self.rules.speakers.genitive_endings
                         if len(word) > len(e) + 2 and word.endswith(e)]

    def _full_name_in_text(self, text: str, surname: str, lower: Container[str], at: int | None = None,
                           gender: str | None = None) -> str | None:
        """The last "First [Middle] Surname" before `at` in the raw text (`_nearest`: "Clinton said"
        after "Bill Clinton greeted voters" is Bill), else the first one, for a surname whose full
        name is in no parsed sentence (the prefilter leaves the article's first mention unparsed
        when it holds no quote: "Condoleezza Rice besuchte …"). The words before the surname count
        while they are capitalised and no stopword, honorific, role, organization or not-name word,
        and not in `lower` (the words the article writes in lower case: that makes them common
        words: "Many Democrats", "New York"); "Außenministerin Condoleezza Rice" -> "Condoleezza
        Rice". A genitive is dropped ("Strauss-Kahns"). With a `gender` (the mention's honorific), not
        a first name only of the other sex."""
        for form in self._with_genitive_dropped(surname):
            found = []  # (offset, full name) in text order
            for start, words in self._capitalised_before(text, form):
                firsts = list(words)
                while firsts and not self._first_name(firsts[0], lower):
                    firsts.pop(0)
                if firsts and all(self._first_name(f, lower) for f in firsts) and not contradicts(firsts[0], gender):
                    found.append((start, " ".join(firsts + [form])))
            if found:
                return self._nearest(found, at, lower) or found[0][1]
        return None

    def _capitalised_before(self, text: str, form: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """(offset, words) of each run of one or two capitalised words before `form` in `text`,
        found once per article and form: an article names the same surname many times, and
        scanning the whole text for each mention would grow with the square of its length."""
        cache = self._runs_before
        if cache[0] is not text:
            cache = self._runs_before = (text, {})
        hits = cache[1].get(form)
        if hits is None:
            hits = cache[1][form] = tuple(
                (m.start(), tuple(m.group(1).split())) for m in regex.finditer(
                    rf"((?:\p{{Lu}}[\p{{L}}'’.-]*[ \t]+){{1,2}}){regex.escape(form)}(?![\p{{L}}\p{{N}}-])", text))
        return hits

    def _nearest(self, names: list[tuple[int, str]], at: int | None, lower: Container[str]) -> str | None:
        """Of (offset, full name) pairs, the one written last before `at` whose first word may be a
        first name (`_first_name`: "Jeh Johnson", not "While Sanders" or "AG Lynch"), or None."""
        fit = [(off, n) for off, n in names if at is not None and 0 <= off < at and self._first_name(n.split()[0], lower)]
        return max(fit)[1] if fit else None

    def _first_name(self, word: str, lower_words: Container[str]) -> bool:
        low = word.lower()
        if word.endswith("."):
            return len(word) == 2 and word[0].isupper()  # an initial: "George W. Bush"
        return word[:1].isupper() and len(word) > 2 and low not in self.stop and low not in lower_words \
            and not self.rules.is_role_noun(word) and not self.rules.is_organization_word(word) \
            and not word.endswith(("-", "'", "’")) and not word.isupper() \
            and not word.split("-")[0].isupper()  # "VW-Vorstandsvorsitzenden": a compound
