"""Mentions: the noun phrases and names of a parsed article that can stand for a speaker.

One place answers, for detection, the resolver and the stages after it, what a word range of the
parse says about a person or organisation:
- the mention a word heads (its noun phrase, cut at punctuation, possessives and relative
  clauses) and the name in it, else a name in apposition or after the role ("der Ministerpräsident,
  Winfried Kretschmann,");
- the role the article writes with a name: a pre-modifier ("Chinas Präsident Xi Jinping"), an
  apposition ("Li Mingjiang, associate professor at …") or a relative clause of the rule file
  ("Wang Yi, der auch Staatsrat ist"), wherever the article gives it;
- for detection, the noun phrase that stands before or after a cue and its head (phrases.py,
  `Phrases`), and which words are name words, where a name runs and the full form of a short one
  (names.py, `Names`): `Mentions` is both;
- the name a mention gives in full ("Wang" -> "Wang Yi", `named_mention`) and the fullest
  mention of an organisation ("the ministry" -> "Chinese Foreign Ministry").
Language facts (honorifics, role nouns, particles, genitive endings) come from rules/<lang>.toml.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

import regex

from .cues import last_char
from .entities import contradicts, first_name_gender, honorific_gender, occurrences
from .marks import is_mark_text
from .names import MENTION_STOP, Names
from .parse import ParsedDoc, Word
from .phrases import HYPHENS, VERBAL

_BEFORE_ROLE_STOP = frozenset(VERBAL | {"PUNCT", "ADP", "DET"})  # doc_role: where the words before a name end
_LETTERS_AND_DIGITS = regex.compile(r"(?=[\w-]*\d)(?=[\w-]*\p{L})[\w-]{2,}")


@dataclass(slots=True)
class Resolved:
    name: str | None
    mention: tuple[int, int]  # word range
    type: str
    role: str | None


class Mentions(Names):
    """The mentions that can stand for a speaker, the name in each and the role the article gives it."""

    def mention(self, doc: ParsedDoc, head: int, given: tuple[int, int] | None, avoid: int | None = None
                ) -> tuple[int, int]:
        """The source noun phrase around head: its subtree, contiguous, cut at punctuation and verbs;
        it does not take in word `avoid` (the speaker, when this is the medium's phrase)."""
        if given:
            return given
        words = doc.words
        sub = set(doc.subtree(head))
        sent = doc.sentences[words[head].sent]
        a = head
        while a - 1 >= sent.first and (a - 1) in sub and words[a - 1].text not in MENTION_STOP \
                and (words[a - 1].upos not in VERBAL or self._after_hyphen(doc, a - 1)) and not self._relative(words[a - 1]) \
                and not self.is_quote_mark(words[a - 1]):  # (a possessive apostrophe is none: "Sanders’ | campaign")
            a -= 1
        while a < head and (words[a].deprel in ("case", "cc") and words[a].head == head
                            or words[a].upos in ("CCONJ", "SCONJ")
                            or words[a].upos == "ADV" and (words[a].head == head or words[a].head not in sub)):
            # the preposition or conjunction is not part of the phrase: "with | Chief Secretary …",
            # "and | human rights groups"; nor an adverb of the head or the clause: "Auch | Müller",
            # "Wie | Bert Rauenbusch", "But | Mrs. Clinton" (one of a word inside stays: "Nearly
            # eight of 10 voters", "Very good reporter")
            a += 1
        b = head + 1
        while b < sent.last:
            close = self.quoted_name(doc, b, sent.last) if b != avoid else None
            if close is not None and any(k in sub for k in range(b, close + 1)):
                b = close + 1  # a name in marks is whole: "die Organisation „Reporter ohne Grenzen“"
            elif b in sub and words[b].text not in MENTION_STOP and words[b].upos not in VERBAL \
                    and words[b].deprel not in ("acl:relcl", "acl") and not self._opens_clause(words[b]) and not (
                        is_mark_text(words[b].text) and not self._possessive_mark(doc, b, sub)):
                b += 1
            else:
                break
        while b < sent.last and (self.is_name_word(doc, words[b]) or self._role(words[b])) and (
                self.is_name_word(doc, words[b - 1]) or self._role(words[b - 1])
                or words[b - 1].lower in self.rules.speakers.honorifics) \
                or b + 1 < sent.last and words[b].lower in self.rules.speakers.honorifics \
                and words[b - 1].text[:1].isupper() and self.is_name_word(doc, words[b + 1]):
            b += 1  # a name the parser cut off: "Herr | Tokajew", "Chinese | President Xi Jinping",
            # "Florida | Sen. Marco Rubio", "Christian | Rev. Derek Penwell"
        while b < sent.last and self._hyphen_part(doc, b, sent.last):
            b += 1  # a name the parser cut at its hyphen: "Strauss | -Kahns", "Holtz- | Eakin"
        if b < sent.last and b != avoid and self._kind_before_name(doc, b - 1, sent.last):
            # the name after a word for its kind, cut off by the parser: "die Website | „Golem“"
            if is_mark_text(words[b].text):
                close = next((k for k in range(b + 1, min(sent.last, b + 8)) if is_mark_text(words[k].text)), None)
                b = close + 1 if close is not None else b
            else:
                while b < sent.last and words[b].text[:1].isupper() and words[b].upos in {"PROPN", "NOUN", "X"}:
                    b += 1
        while b > a + 1 and self._role(words[b - 1]) and not self._role(words[head]) \
                and not (words[b - 1].head == head and words[b - 1].deprel.startswith("nmod")) \
                and not self._after_honorific(doc, words[b - 1]):
            # a role after the head belongs to the next name, unless the head's own ("one of the
            # attorneys"); after an honorific a capitalised role word is a surname ("Mr. Singer")
            b -= 1
        while a > sent.first and self.is_name_word(doc, words[a - 1]) and self.is_name_word(doc, words[a]):
            a -= 1  # "South China Morning | Post"
        return a, b

    @staticmethod
    def _possessive_mark(doc: ParsedDoc, b: int, sub: set[int]) -> bool:
        """An apostrophe after a word ending in s, inside the phrase: "Breitbart News’ Michael Leahy"."""
        words = doc.words
        return words[b].text in {"’", "'"} and b + 1 in sub and words[b - 1].text.endswith(("s", "S")) \
            and words[b].start == words[b - 1].end

    def _relative(self, w: Word) -> bool:
        return w.deprel in ("acl:relcl",)

    def _behind_preposition(self, doc: ParsedDoc, head: int, name_r: tuple[int, int]) -> bool:
        """Does the name hang on the role noun `head`, after a preposition, so that it names someone
        else: "a spokesman for | Senator John Smith"?"""
        words = doc.words
        k = name_r[0]
        while k >= 0 and k != head:
            k = words[k].head
        adp = next((j for j in range(name_r[0] - 1, head, -1) if words[j].upos == "ADP"), None)
        # the preposition's object is the name: only articles, adjectives, honorifics, roles or kind
        # words between ("for | Senator John Smith", "for the environmental group | Greenpeace"), not
        # another name ("of the Federal Reserve | Jerome Powell")
        return k == head and adp is not None and all(
            words[j].upos in ("DET", "ADJ") or words[j].lower in self.rules.speakers.honorifics or self._role(words[j])
            or self.rules.is_body_word(words[j].text) for j in range(adp + 1, name_r[0]))

    def _common_head(self, doc: ParsedDoc, head: int, name_r: tuple[int, int]) -> bool:
        """Is the mention's head a common noun before the name, no name word, no document (whose
        words are its possessor's: "a report by Reuters") and no body the name names ("The city of
        Phoenix")?"""
        w = doc.words[head]
        return w.upos == "NOUN" and head < name_r[0] and not self.rules.is_source_noun(w.text) \
            and not self.rules.is_body_word(w.text) \
            and not self.is_name_word(doc, w) and not (head > 0 and (  # a surname after its first name
                doc.words[head - 1].upos == "PROPN" or first_name_gender(doc.words[head - 1].text) in ("m", "f")))

    def _genitive_possessor(self, doc: ParsedDoc, m: tuple[int, int], name_r: tuple[int, int]) -> bool:
        """"Der behandelnde Arzt Lahms", "Die Verteidiger Strauss-Kahns", "Der oberste Führer Irans":
        a name in the genitive after the noun an article opens the mention with is whose the role
        is, not the speaker's name. Genitive when the article also writes the name without one of
        the rule file's `genitive_endings` (the parser's case is not to be trusted here)."""
        words = doc.words
        if name_r[0] - m[0] < 2 or words[m[0]].upos != "DET" or not words[name_r[0] - 1].text[:1].isupper() \
                or self.is_name_word(doc, words[name_r[0] - 1]):
            return False
        last = words[name_r[1] - 1].text
        return any(next(occurrences(doc.text, form), None) for form in self._with_genitive_dropped(last)[1:])

    def _modifies_indefinite(self, doc: ParsedDoc, m: tuple[int, int], head: int, name_r: tuple[int, int]) -> bool:
        """Is the name a modifier of a role noun, or the head itself, in a description opened by an
        indefinite determiner: "another Connecticut lawmaker", "a senior Obama administration
        official", "a Republican", "a New Hampshire Republican" (not the body behind a thing: "an
        FBI investigation", "a Washington Post database")?"""
        words = doc.words
        return name_r[0] <= head and (self._role(words[head]) or head < name_r[1]) \
            and not self.rules.is_source_noun(words[head].text) and any(
            words[k].upos in ("DET", "NUM") and words[k].lower in self.rules.speakers.indefinite_determiners
            for k in range(m[0], name_r[0]))

    def _without_kind_word(self, doc: ParsedDoc, name_r: tuple[int, int]) -> tuple[int, int]:
        """A name run opened by a common noun for a body before an acronym, or for a medium before a
        name the article also writes alone or one opened by an article, is the name after it:
        "Weltverband | FIFA", "Nachrichtenagentur | AFP", "Zeitung | The Jakarta Post"; "Sender
        Freies Berlin", "Universität Jena", "Staatsanwaltschaft Oslo" stay whole."""
        words = doc.words
        a, b = name_r
        first, rest = words[a], words[a + 1:b]
        if b - a < 2 or first.upos != "NOUN" or first.text.isupper() or not self.rules.is_body_word(first.text):
            return name_r
        if all(w.text.isupper() and len(w.text) > 1 for w in rest):
            return a + 1, b
        if self.rules.is_outlet_word(first.text) and (rest[0].upos == "DET" and rest[0].text[:1].isupper()
                                                      or self._written_alone(doc, first.text, words[a + 1].start, words[b - 1].end)):
            return a + 1, b  # not "Sender | Freies Berlin", which the article never writes alone
        return name_r

    @staticmethod
    def _written_alone(doc: ParsedDoc, kind: str, start: int, end: int) -> bool:
        """Does the article write the name text[start:end] somewhere without the kind word before it?"""
        name, text = doc.text[start:end], doc.text
        at = text.find(name)
        while at >= 0:
            if not text[max(0, at - len(kind) - 3):at].rstrip().endswith(kind):
                return True
            at = text.find(name, at + 1)
        return False

    @staticmethod
    def _opens_clause(w: Word) -> bool:
        """A relative pronoun opening the clause it hangs in: "a historian | who attended"."""
        return "PronType=Rel" in w.feats and w.head > w.i

    def pick_name(self, doc: ParsedDoc, head: int, mention: tuple[int, int]) -> tuple[int, int] | None:
        runs = self.name_runs(doc, *mention)
        words = doc.words
        quoted = next(((k + 1, close) for k in range(*mention)
                       if (close := self.quoted_name(doc, k, mention[1] + 1)) is not None), None)
        if quoted and not any(r[1] <= quoted[0] - 1 and r[1] - r[0] >= 2 for r in runs):
            return quoted  # "Die Organisation „Reporter ohne Grenzen“": the marks hold the name, whole
        if not runs:
            return None
        # a capitalised run right before a role noun modifies it: "Chinese Foreign | Minister"
        runs = [r for r in runs if not (r[1] < mention[1] and (self.rules.is_role_noun(words[r[1]].text)
                                                                or self.rules.is_role_noun(words[r[1]].lemma)))]
        # a possessor is not the one described: "Qatar’s | foreign minister", "Reuters’ finance director";
        # but a document is its possessor's words: "The GOP's | complaint"
        if not self.rules.is_source_noun(words[head].text):
            runs = [r for r in runs if not self._possessor(doc, r[1], mention)]
        # a name hyphenated to a lower-case word is a modifier: "The Washington-|based group"
        runs = [r for r in runs if not self._hyphen_modifier(doc, r, mention)]
        # a parenthesis after a name holds its party or place, not another name: "Mica (R-Fla.)"
        opened = [i for i in range(*mention) if words[i].text == "("]
        if opened and any(r[1] <= opened[0] for r in runs):
            runs = [r for r in runs if r[1] <= opened[0]]
        # a preposition after a name starts what it is attached to, not a second name: "Theo Kitz
        # vom Bankhaus Merck Finck", "Ken Rice vom Institut für Astronomie in Edinburgh"
        if runs:
            cut = next((i for i in range(runs[0][1], mention[1]) if words[i].upos == "ADP"), None)
            if cut is not None:
                before = [r for r in runs if r[1] <= cut]
                after = [r for r in runs if r[0] > cut]
                if before and after and self.rules.is_organization_word(words[before[-1][1] - 1].text) \
                        and words[before[-1][1]].upos == "ADP" and all(
                            words[i].upos in {"ADP", "DET"} or words[i].text[:1].isupper()
                            for i in range(before[-1][1], after[0][0])):
                    return before[-1][0], after[0][1]  # one name: "Commission on Presidential Debates"
                runs = before
        return runs[-1] if runs else None  # names follow their modifiers: "Chinas Außenminister Wang Yi"

    def _hyphen_modifier(self, doc: ParsedDoc, run: tuple[int, int], mention: tuple[int, int]) -> bool:
        """Is the name run hyphenated to a lower-case word after it, inside the mention ("The
        Washington-based group", "the conservative-leaning …")? Then it modifies the noun after."""
        words = doc.words
        end = run[1] - 1 if words[run[1] - 1].text in HYPHENS else run[1]  # the run may hold the hyphen
        return end + 1 < mention[1] and self._after_hyphen(doc, end + 1) and words[end + 1].text[:1].islower()

    @staticmethod
    def _possessor(doc: ParsedDoc, end: int, mention: tuple[int, int]) -> bool:
        """Is the run ending before word `end` a possessor inside the mention ("Qatar’s | foreign
        minister", "Reuters’ finance director")? It is not the one the mention describes."""
        return end + 1 < mention[1] and doc.words[end].deprel == "case" and doc.words[end].text in ("'s", "’s", "'", "’")

    def appositive_name(self, doc: ParsedDoc, m: tuple[int, int]) -> tuple[int, int] | None:
        """A description followed by the name it describes: "Der Leiter der Studie, Paulo Pinheiro, …",
        "the group's spokesman, John Smith, said". The description must hold a role noun (or the name
        be a full one opening with a first name: "another Twitter user, Johanna Bayer") and may go
        on past the mention the parser gave in a genitive or prepositional phrase ("der
        Hauptgeschäftsführer | des Deutschen Brauer-Bundes, Peter Hahn"); the name is 1-4 name words
        set off by commas (or ending the sentence). Returns the name's words and the description's end."""
        words = doc.words
        sent = doc.sentences[words[m[0]].sent]
        described = any(self._role(words[i]) for i in range(*m))
        if not described and not any(words[i].upos == "NOUN" for i in range(*m)):
            return None
        comma = m[1]
        while comma < sent.last and comma - m[1] < 14 and words[comma].text != "," and words[comma].upos not in VERBAL:
            if words[comma].text == "(" or is_mark_text(words[comma].text):
                # "… der Bundesagentur für Arbeit (BA), Peter Clever", "Ein Sprecher der „Polizei von
                # DeLand“, Randy Henderson": a name in brackets or quotation marks is part of it
                closing = (lambda t: t == ")") if words[comma].text == "(" else is_mark_text
                close = next((k for k in range(comma + 1, min(sent.last, comma + 8)) if closing(words[k].text)), None)
                if close is None:
                    break
                comma = close
            elif words[comma].text in MENTION_STOP:
                break
            comma += 1
        if comma + 1 >= sent.last or words[comma].text != ",":
            return None
        if comma > m[1] and words[m[1]].upos not in {"DET", "ADP"} and words[m[1]].text != "(" \
                and not is_mark_text(words[m[1]].text):
            return None  # the mention is followed by something other than a genitive or a preposition
        a = comma + 1
        while a < sent.last and a - comma <= 2 and self._role(words[a]) and a + 1 < sent.last \
                and words[a + 1].text[:1].isupper():
            a += 1  # the name repeats a title: "…, General George Casey"
        b = a
        while b < sent.last and sum(words[k].text != "-" for k in range(a, b)) < 4 and (
                self.is_name_word(doc, words[b]) or b > a and self._continues_name(doc, b, sent.last)):
            b += 1  # (a hyphen inside the name is no word of it: "Damazo Ruiz-Jarabo Colomer")
        if b == a:
            return None
        if b < sent.last and words[b].text not in {",", ".", "!", "?", ":", "("} and words[b].upos not in VERBAL | {"ADV"} \
                and not self._affiliation_to_comma(doc, b, sent.last):
            return None
        if not described and not (b - a >= 2 and first_name_gender(words[a].text) in ("m", "f")):
            return None  # with no role noun, only a full name that opens with a first name: "another Twitter user, Johanna Bayer"
        return a, b

    def name_before_description(self, doc: ParsedDoc, m: tuple[int, int]) -> tuple[int, int] | None:
        """A description in commas right after the name it describes, the mirror of
        `appositive_name`: "Tom Ridge, a former secretary of homeland security, put it", "said Tommy
        Vietor, a former spokesman for Mr. Obama, recalling …", "Elizabeth Arnold, 32, a former staff
        member … who said". The description ends at a comma, a relative pronoun or the sentence
        end and holds a role noun (or, with no role noun, the name is a full one opening with a
        first name); an age in commas may stand between. Returns the name's words."""
        words = doc.words
        sent = doc.sentences[words[m[0]].sent]
        end = m[0] - 1
        if end - 1 <= sent.first or words[end].text != "," or not any(words[i].upos == "NOUN" for i in range(*m)):
            return None
        if m[1] < sent.last and words[m[1]].text not in {",", ".", ";"} and "PronType=Rel" not in words[m[1]].feats:
            return None  # not closed: "After meeting Obama, a spokesman said"
        if words[end - 1].upos == "NUM" and end - 2 > sent.first and words[end - 2].text == ",":
            end -= 2  # ", 32,"
        name = self.name_ending_at_comma(doc, end)
        if name is None or not any(self._role(words[i]) for i in range(*m)) and not (
                name[1] - name[0] >= 2 and first_name_gender(words[name[0]].text) in ("m", "f")):
            return None
        return name

    def name_ending_at_comma(self, doc: ParsedDoc, end: int) -> tuple[int, int] | None:
        """The words of a name of up to four words that ends at the comma `end` and opens its clause
        (after the sentence start, a comma, a quotation mark, a frame's "as" or a speech verb:
        "said | Tommy Vietor,", and the honorifics before it)."""
        words = doc.words
        name_end = end
        if words[end - 1].text == ")":  # a party or place in brackets after the name: "Jim Jordan (R-Ohio), a …"
            name_end = next((k for k in range(end - 2, max(0, end - 9), -1) if words[k].text == "("), end)
        start = name_end
        while start > 0 and name_end - start < 4 and words[start - 1].sent == words[end].sent \
                and self.is_name_word(doc, words[start - 1]):
            start -= 1
        if start == name_end:
            return None
        sent = doc.sentences[words[end].sent]
        opens = start
        while opens > sent.first and words[opens - 1].lower in self.rules.speakers.honorifics:
            opens -= 1  # "Rep. | Jim Jordan"
        before = words[opens - 1] if opens > sent.first else None
        if before is not None and not (before.text == "," or self.is_quote_mark(before)
                                       or before.lower in self.rules.cues.frame_subordinators
                                       or before.upos == "VERB" and before.lemma in self.rules.verb_lemmas):
            return None
        return start, name_end

    def _affiliation_to_comma(self, doc: ParsedDoc, b: int, last: int) -> bool:
        """A preposition with an organization's name up to a comma after a person's name: "David
        Woodard | of Clemson University,", "Theo Kitz | vom Bankhaus Merck Finck,"."""
        words = doc.words
        if words[b].upos != "ADP" or not words[b].text.islower():
            return False
        k = b + 1
        while k < last and k - b <= 6 and (words[k].text[:1].isupper() or words[k].upos in {"DET", "ADP"}):
            k += 1
        return k > b + 1 and k < last and words[k].text == "," and words[k - 1].text[:1].isupper()

    def _after_role_genitive(self, doc: ParsedDoc, m: tuple[int, int], name_r: tuple[int, int]) -> bool:
        """Is the name in a phrase after the role ("der Direktor | der Afrikanischen Union")?"""
        words = doc.words
        roles = [i for i in range(m[0], name_r[0]) if self._role(words[i])]
        # "der Sprecher der Bewegung Tehrik-i-Taliban Pakistan": an article or preposition between
        return bool(roles) and any(words[i].upos in {"DET", "ADP"} for i in range(roles[0] + 1, name_r[0]))

    def resolve_mention(self, doc: ParsedDoc, head: int, given: tuple[int, int] | None,
                        surnames: frozenset[str] = frozenset()) -> Resolved:
        words = doc.words
        m = self.mention(doc, head, given)
        name_r = self.pick_name(doc, head, m)
        # a full name of its own wins over an apposition, unless it names the role's organization
        # ("Die Sprecherin der Stiftung Warentest, Heike van Laak")
        if not name_r or name_r[1] - name_r[0] < 2 or any(
                self.rules.is_organization_word(words[i].text) for i in range(*name_r)) or self._after_role_genitive(doc, m, name_r):
            appos = self.appositive_name(doc, m)
            if appos:
                desc = [i for i in range(m[0], appos[0] - 1) if words[i].upos not in {"DET"}]
                return Resolved(self.text_of(doc, *appos), (m[0], appos[1]), "person",
                                self.text_of(doc, desc[0], desc[-1] + 1) if desc else None)
        if name_r and name_r[1] - name_r[0] >= 3 and not first_name_gender(words[name_r[0]].text):
            # "of the Federal Reserve Jerome Powell", "von Verdi Frank Werneke": a body's name run into
            # the person's; the person is the name
            k = next((k for k in range(name_r[0] + 1, name_r[1] - 1)
                      if words[k].upos == "PROPN" and first_name_gender(words[k].text)), None)
            if k is not None and not any(self.rules.is_body_word(words[j].text) for j in range(k, name_r[1])):
                name_r = (k, name_r[1])  # not "New | York Times", "Parks and | Recreation Department"
        # "a spokesman for Senator John Smith", "a staff member for the campaign in Philadelphia": a
        # name behind a preposition of the role noun heading the mention names someone else
        # (so too a common noun's: "Critics on Capitol Hill", "Supporters of Sanders" name no one)
        someone_else = bool(name_r) and ((self._role(words[head]) or self._common_head(doc, head, name_r))
                                         and self._behind_preposition(doc, head, name_r)
                                         or self._modifies_indefinite(doc, m, head, name_r)
                                         or self._genitive_possessor(doc, m, name_r))
        # "Ein Sprecher der Deutschen Bahn", "Ein Sprecher des BND": the body a role belongs to is not
        # the speaker's name (the role says whose spokesperson speaks)
        # (a name a capitalised adjective opens, in a language that writes adjectives in lower case,
        # is a body's: "Deutscher Wetterdienst", "Rotes Kreuz"; `_without_kind_word` keeps its start)
        body = bool(name_r) and self.rules.language.capitalises_nouns and words[name_r[0]].upos == "ADJ"
        someone_else = someone_else or bool(name_r) and self._after_role_genitive(doc, m, name_r) and (
            body or all(self._acronym(doc, words[i]) and words[i].upos == "NOUN" for i in range(*name_r)))
        if someone_else:
            name_r = None
        elif name_r:
            name_r = self._without_kind_word(doc, name_r)
        if not name_r and (before := self.name_before_description(doc, m)):
            desc = [i for i in range(*m) if words[i].upos not in {"DET"}]
            return Resolved(self.text_of(doc, *before), (before[0], m[1]), "person",
                            self.text_of(doc, desc[0], desc[-1] + 1))
        lows = [words[i].lower for i in range(*m)]
        org = any(self.rules.is_body_word(words[i].text) for i in range(*m))
        # a role word inside a body's name is none ("The Republican Party", "Democratic National Committee")
        person_hint = any(x in self.rules.speakers.honorifics for x in lows) or any(
            self._role(words[i]) for i in range(*m) if not (org and name_r and name_r[0] <= i < name_r[1]))
        role = None
        if name_r:
            name = self._nominative(doc, *name_r)
            pre = [i for i in range(m[0], name_r[0]) if words[i].upos not in {"DET", "PRON"}
                   and words[i].lower not in self.rules.speakers.honorifics]
            while pre and words[pre[-1]].upos in {"ADP", "PUNCT", "CCONJ"}:
                pre.pop()  # "Die Verteidiger von | Dominique Strauss-Kahn"
            if pre and any(self._role(words[i]) for i in pre):
                role = self.text_of(doc, pre[0], pre[-1] + 1)
            kind = "organization" if (org or body) and not person_hint else (
                "person" if person_hint or name_r[1] - name_r[0] >= 2 else "unknown")
        else:
            name = None
            kind = "organization" if org else ("person" if person_hint else "unknown")
            bare = None if someone_else else self.bare_name(doc, m, surnames)
            if bare and self._hyphen_modifier(doc, bare, m):
                bare = None  # "The Washington-based group"
            if bare:  # "nach Angaben des USGS", "laut Automobilwoche", a name the tagger missed
                name = self._nominative(doc, *bare)
                name_r = bare
            content = [i for i in range(*m) if words[i].upos not in {"DET"}]
            while content and words[content[0]].upos in {"ADP", "ADV", "CCONJ", "PUNCT"}:
                content.pop(0)  # "from | a Cypriot passenger"
            # a description is a role when a common noun heads it ("around 4:15 Saturday" is none)
            if content and kind != "organization" and not bare and (words[content[-1]].upos == "NOUN" or someone_else):
                role = self.text_of(doc, content[0], content[-1] + 1)
        if kind == "organization" and name_r and name_r[1] < m[1] and self.rules.is_body_word(words[name_r[1]].text) \
                and words[name_r[1]].text[:1].islower():
            name = self.text_of(doc, name_r[0], name_r[1] + 1)  # "Detroit | police" is the body, not the city
        role = self.apposition(doc, m) or role
        return Resolved(name, m, kind, role)

    def bare_name(self, doc: ParsedDoc, m: tuple[int, int], surnames: frozenset[str] = frozenset()) -> tuple[int, int] | None:
        """A mention with no recognised person name may still be a name: its first run of
        capitalised words (after determiners, prepositions and honorifics), up to four, when one
        of them is tagged PROPN, is an acronym, or the last one is its own lemma (not an
        inflected common noun: "Angaben", "Medienberichten"), or it starts with an adjective
        written capitalised mid-sentence, or it is the surname of a full name the article gives
        ("Lorenzen" the lemmatizer took for a plural), or, opening a sentence in a language that
        writes nouns in lower case, the article writes it capitalised mid-sentence too ("Detroit
        police said" after "in Detroit"). Role nouns are descriptions."""
        words = doc.words
        content = [k for k in range(*m) if words[k].upos not in {"DET", "ADP"}]
        if len(content) == 1 and _LETTERS_AND_DIGITS.fullmatch(words[content[0]].text):
            return content[0], content[0] + 1  # a name written with digits: "von n24", "3sat"
        i = m[0]
        modified = False  # by a lower-case word: "der 84-jährige | Küng", but also "die offizielle | Sprachregelung"
        kind = False  # after a word for its kind: "die Nachrichtenagentur | Reuters", "die Website | „Golem“"
        while i < m[1]:
            kind_word = self._kind_before_name(doc, i, m[1])
            # a role before a capitalised word describes a name: "Wirtschaftsminister | Brüderle"
            if not (words[i].upos in {"DET", "ADP", "PRON"} or words[i].lower in self.stop
                    or not words[i].text[:1].isupper() or kind_word
                    or self.rules.is_source_noun(words[i].text) and i + 1 < m[1]  # "einer Pressemitteilung | des BMI"
                    or self._role(words[i]) and i + 1 < m[1] and words[i + 1].text[:1].isupper()):
                break
            modified = modified or not words[i].text[:1].isupper() and words[i].upos not in {"DET", "ADP", "PRON"} \
                and not is_mark_text(words[i].text)
            kind = kind or kind_word
            i += 1
        j = i
        while j < m[1] and j - i < 4 and words[j].text[:1].isupper() and words[j].lower not in self.stop:
            j += 1
            if j + 1 < m[1] and words[j].text == "-" and words[j].start == words[j - 1].end == words[j + 1].start - 1:
                j += 1  # "Presse | - | Agentur" is one word
        if j == i or (j < m[1] and words[j].text[:1].isupper()) or self._possessor(doc, j, m):
            return None  # no capitalised run, one longer than a name, or a possessor
        run = words[i:j]
        if any(self._role(w) or self._before_role_compound(doc, w) for w in run):
            return None
        if j < m[1] and self._role(words[j]):
            return None  # the run modifies the role after it: "the independent Vermont | senator"
        last = run[-1]
        first_in_sentence = run[0].i == doc.sentences[run[0].sent].first
        # a medium's name that is one compound of a word for a medium, with no article: "Wikinews",
        # "Deutschlandfunk" (not "Zeitung", nor "die Tagespresse")
        medium = len(run) == 1 and not any(words[k].upos == "DET" for k in range(m[0], i)) \
            and self.rules.is_outlet_word(last.text) and last.lower not in self.outlet_words
        if kind or medium or any(w.upos == "PROPN" for w in run) or any(len(w.text) >= 2 and w.text.isupper() for w in run) \
                or last.lemma == last.text and last.upos in {"NOUN", "PROPN", "X"} and (not modified or last.text in surnames) \
                and not (last.upos == "NOUN" and self.rules.is_source_noun(last.text)) \
                or len(run) == 1 and last.text in surnames and not modified \
                or len(run) >= 2 and run[0].upos == "ADJ" and not first_in_sentence \
                or first_in_sentence and not self.rules.language.capitalises_nouns and all(  # "in Detroit. | Detroit police"
                    regex.search(r"(?<=\p{Ll} )" + regex.escape(w.text) + r"\b", doc.text) for w in run) \
                or not self.rules.language.capitalises_nouns and j == m[1] and all(w.upos == "NOUN" for w in run) \
                and not first_in_sentence and self._inside_sentence(doc, run[0].i):
            # in a language that writes nouns in lower case, capitalised nouns that end a mention inside
            # a sentence are a name the tagger took for a noun ("…,'' Xinhua, the official …, wrote")
            return (i, j)
        return None

    def _inside_sentence(self, doc: ParsedDoc, k: int) -> bool:
        """Does word k stand inside its sentence's words: not after a quotation mark that opens a
        quotation (one after a comma closes it, and the sentence goes on: "…,” Xinhua")?"""
        prev = doc.words[k - 1]
        return not self.is_quote_mark(prev) or last_char(doc.text, prev.start) == ","

    def _kind_before_name(self, doc: ParsedDoc, i: int, end: int) -> bool:
        """Is word i a word for an organization or medium with its name right after it, bare or in
        quotation marks ("die Nachrichtenagentur Reuters", "die Nachrichtensite „Golem“")?"""
        words = doc.words
        w = words[i]
        if not self.rules.is_body_word(w.text) or i + 1 >= end:
            return False
        if w.upos != "NOUN":
            return False  # a name itself: "Spiegel Online"
        if is_mark_text(words[i + 1].text):
            return i + 2 < end and words[i + 2].text[:1].isupper()
        nxt = words[i + 1]
        return nxt.text[:1].isupper() and (nxt.upos in {"PROPN", "X"} or nxt.upos == "NOUN" and (
            nxt.lemma == nxt.text or self.rules.is_outlet_word(nxt.text)))  # not "laut Ministerium | Arbeiten"

    def apposition(self, doc: ParsedDoc, m: tuple[int, int]) -> str | None:
        """", associate professor at …" after a mention, up to the next comma or the sentence end."""
        words = doc.words
        sent = doc.sentences[words[m[0]].sent]
        i = m[1]
        if i >= sent.last or words[i].text != ",":
            return self.relative_role(doc, m)
        j = i + 1
        while j < sent.last and words[j].text not in {",", ";", ":"} and not is_mark_text(words[j].text):
            if words[j].upos in VERBAL or words[j].deprel == "acl:relcl" or words[j].upos == "PRON":
                return self.relative_role(doc, m)
            j += 1
        if j == i + 1:
            return None
        phrase = [w for w in words[i + 1:j] if w.text not in {".", "!", "?"}]
        if not phrase:
            return None
        roleish = any(self._role(w) for w in phrase)
        if not roleish and not (phrase[0].text[:1].islower() and phrase[0].upos in {"NOUN", "ADJ"}):
            return None
        return doc.text[phrase[0].start:phrase[-1].end]

    def relative_role(self, doc: ParsedDoc, m: tuple[int, int]) -> str | None:
        """The role a relative clause after the mention gives (the rule file's role_patterns:
        "…, who is a senior adviser"); an age is none ("who is 70")."""
        after = doc.text[doc.words[m[1] - 1].end:doc.words[m[1] - 1].end + 200]
        for rx in self.rules.role_regexes:
            hit = rx.search(after, timeout=0.5)
            if hit and not hit.group("role")[:1].isdigit():
                return hit.group("role").strip()
        return None

    def doc_role(self, doc: ParsedDoc, name: str) -> str | None:
        """A role the document gives the name anywhere: before it ("Außenminister Wang Yi") or after it."""
        words = doc.words
        pos = doc.text.find(name)
        while pos >= 0:
            i = doc.word_at(pos)
            if i is not None:
                j = i + len(name.split()) - 1
                role = self.relative_role(doc, (i, min(j + 1, len(words))))
                if role:
                    return role
                k = i
                while k > doc.sentences[words[i].sent].first and words[k - 1].upos not in _BEFORE_ROLE_STOP \
                        and words[k - 1].text not in MENTION_STOP:
                    k -= 1
                pre = [x for x in range(k, i)]
                if pre and any(self._role(words[x]) for x in pre):
                    return doc.text[words[pre[0]].start:words[pre[-1]].end]
            pos = doc.text.find(name, pos + 1)
        return None

    # ------------------------------------------------------------------ documents

    def named_mention(self, doc: ParsedDoc, head: int, given: tuple[int, int] | None, surnames: frozenset[str],
                       full_names: list[str], lower_words: Container[str]):
        """The mention headed by `head` and the name it gives, in full where the document has it
        ("Wang" -> "Wang Yi", "Lahms" -> "Philipp Lahm"): (Resolved, name or None)."""
        r = self.resolve_mention(doc, head, given, surnames)
        # "Mr. Obama" is not the article's "Michelle Obama", "Mrs. Clinton" not its "Bill Clinton"
        said = honorific_gender(self.rules.speakers.honorific_gender, [doc.words[i].text for i in range(*r.mention)],
                                {r.name.split()[0]} if r.name else ())
        if said:
            full_names = [f for f in full_names if not contradicts(f.split()[0], said)]
        name = self._expand(r.name, full_names, doc.text, doc.words[r.mention[0]].start, lower_words) or None
        if name and name != r.name and r.type == "unknown" and len(name.split()) >= 2:
            r.type = "person"
        words = doc.words
        if name and name == r.name and " " not in name and r.type != "organization" \
                and any(words[i].upos == "PROPN" and words[i].text in name.split("-") for i in range(*r.mention)) \
                and not self.rules.is_organization_word(name):
            name = self._full_name_in_text(doc.text, name, lower_words, words[r.mention[0]].start, said) or name
        return r, name

    def fullest(self, doc: ParsedDoc, w: Word) -> str | None:
        """"the ministry" -> "Chinese Foreign Ministry": the longest mention that ends in the same word."""
        low = w.lower
        best = None
        for x in doc.between(0, w.start):
            if x.lower.endswith(low):
                m = self.mention(doc, x.i, None)
                ws = [i for i in range(m[0], x.i + 1) if doc.words[i].upos != "DET" and doc.words[i].lower not in self.stop]
                if ws:
                    cand = doc.text[doc.words[ws[0]].start:x.end]
                    if best is None or len(cand) > len(best):
                        best = cand
        return best
