"""Where a verb cue's reported content lies: after the cue ("said that …", "sagte, …"), before it
("…, she said"), a quotation it frames, and where the content ends (a clause coordinated with the
cue, a trailing frame, an apposition). A part of `Detector` (detect.py), which holds the rules and
the mention helpers these methods read."""

from __future__ import annotations

from .cues import TRAILING, Cue, Unit, last_char, rel_or_dem
from .parse import ParsedDoc, Word
from .phrases import NOMINAL, VERBAL


class ContentFinder:
    @staticmethod
    def _present_participle(w: Word) -> bool:
        """A present participle or gerund: "alluding", "adding"."""
        return w.upos == "VERB" and ("VerbForm=Ger" in w.feats or "VerbForm=Part" in w.feats and "Tense=Pres" in w.feats)

    def closes(self, w: Word) -> bool:
        """Is w a closing quotation mark? Not a possessive apostrophe the parse tagged a particle
        ("Sanders’ campaign manager")."""
        return w.text in self.closers and w.upos != "PART"

    def _frame_ok(self, w: Word, cue: Cue, doc: ParsedDoc) -> bool:
        """Can w belong to the frame around the cue (subject, adverbs, objects), not to content?"""
        if w.i in cue.words:
            return True
        if w.upos in VERBAL:
            return w.head in cue.words and (w.deprel.startswith("aux") or self._featureless(w) or self._name_as_verb(doc, w)) \
                or self._adverb_as_verb(doc, w)
        return True

    @staticmethod
    def _name_as_verb(doc: ParsedDoc, w: Word) -> bool:
        """A capitalised word tagged a participle right before the cue, after a closing quotation
        mark, with no word of its own: a surname the tagger read as an -ing form ("…,” Ebeling said")."""
        words = doc.words
        return w.text[:1].isupper() and "VerbForm=Part" in w.feats and w.i > 0 \
            and words[w.i - 1].upos == "PUNCT" and w.head == w.i + 1 and all(k.upos == "PUNCT" for k in doc.children(w.i))

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
        if k > u.first and self.closes(words[k]):
            opener = next((x for x in reversed(words[max(u.first, k - 30):k]) if x.text in self.openers), None)
            if opener is not None and opener.i + 1 < k and not self.mentions.names_in_marks(doc, opener.i, k):
                return opener.start, words[k].end
        for j in range(verb + 1, min(u.last, verb + 24)):
            w = words[j]
            if w.text in {",", ";", ":"} or w.upos in VERBAL and w.deprel not in ("xcomp", "obj"):
                return None
            if w.text in self.openers:
                close = next((x for x in words[j + 1:u.last] if self.closes(x)), None)
                if close is None or j + 1 == close.i or self.mentions.names_in_marks(doc, j, close.i):
                    return None
                start = w.start if self.cues.naming_span == "quote" or j == verb + 1 else words[verb + 1].start
                return start, close.end
        return None

    def verb_content(self, doc: ParsedDoc, u: Unit, cue: Cue, cue_heads: dict[int, Cue]) -> None:
        if cue.content is not None:
            return  # a naming verb: its quotation was found with the cue
        c = cue.words[0]
        framed = self._framed_subject(doc, c, None)  # "…, wie Burt Rutan mitteilte": the parser's subject is not it
        subj = [self.mentions.phrase_head(doc, framed)] if framed else [k.i for k in doc.children(c) if k.deprel.startswith("nsubj")]
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
        # "an early voice in | urging the administration to …", "… before | asking her", "…, weil |
        # berichtet wurde, …": a verb form that is not finite right after a preposition or a
        # subordinator frames nothing before it (what comes after it is its report, if anything)
        gerund = c > 0 and doc.words[c - 1].upos in {"ADP", "SCONJ"} and "VerbForm=Fin" not in w.feats
        before = None if follows_cue or gerund or self._passive_of_a_thing(doc, cue) \
            else self._content_before(doc, u, cue, subj, framed)
        after, via_comma = self._content_after(doc, u, cue)
        if after is None and before is None:
            after = self._misread_clause(doc, u, cue)
        if after is not None and not self._starts_with_opener(doc.text, after[0]) \
                and self._holds_governing_speech_verb(doc, cue, after):
            after = None  # "Asked … to respond to the criticism, | Carson said, “…”": the frame it hangs in
        text = doc.text
        quoted_before = before is not None and self._ends_in_closer(text, before[1])
        quoted_after = after is not None and self._starts_with_opener(text, after[0])
        if quoted_before and quoted_after:
            cue.content, cue.content2 = before, after  # “A,” he said, “B”: two quotes, one frame
        elif before is not None and quoted_after and last_char(text, after[0]) == ":" and self._main_clause(doc, before):
            # "Die Fahrer seien nicht befragt worden, sagte X: „…“": the report before the frame and
            # the quotation its colon opens
            cue.content, cue.content2 = before, after
        elif quoted_before:
            cue.content = before  # "“…,” Chaffetz said after Pagliano failed to appear": the quotation
        elif quoted_after and before is not None and (not self._main_clause(doc, before) or self._opens_with_participle(doc, before)):
            cue.content = after  # "Holding open a book, Beck said, “…”": the clause before is no report
        elif before is not None and after is not None and via_comma and not quoted_before and not quoted_after \
                and "VerbForm=Fin" in w.feats and before[0] == u.start and self._main_clause(doc, after):
            # "By eliminating the line, | Ms. Tchen said, | the White House is able to …": the frame in
            # commas interrupts one clause, what was said is all of it (`Detector.detect` widens the
            # content to `content_to` once the source, inside it, is set)
            cue.content, cue.content_to = before, self._before_coordinated_verb(doc, cue, after)[1]
        elif after and not via_comma:
            cue.content = after  # "In a call …, Wang said China …": the clause after the cue
        else:
            cue.content = before or after
        if cue.content is not None and cue.content == after:
            cue.content = self._before_trailing_frame(doc, u, self._before_coordinated_verb(doc, cue, cue.content))
            cue.frame_in_commas = self._parenthetical_frame(doc, u, cue, cue.content)
        elliptic = "VerbForm=Part" in w.feats or c > 0 and doc.words[c - 1].upos in {"SCONJ", "ADV"} \
            and doc.words[c - 1].head == c and not any(k.deprel.startswith("aux") for k in doc.children(c))
        if cue.content is not None and w.deprel == "advcl" and w.head >= 0 and elliptic \
                and not subj and cue.content[0] <= doc.words[w.head].start < cue.content[1]:
            # "Responding to X's statement, | Mbalula claimed …", "(When) asked about the plan, |
            # Clinton said …": the clause a participle (or a verb right after its subordinator with
            # neither subject nor auxiliary, the tagger's finite "asked") modifies is no report of
            # it ("Wie die Polizei mitteilte, | …" is one: a subject); a quotation after it is its
            # report ("…, telling the crowd, “…”")
            # (after a colon the quotation is the colon frame's: `Detector._colon_frame`)
            cue.content = after if quoted_after and after != cue.content and last_char(text, after[0]) == "," else None

    def _ends_in_closer(self, text: str, end: int) -> bool:
        """Does text[:end], trailing punctuation aside, end in a closing mark (also one of two
        characters: "…,''")?"""
        while end > 0 and text[end - 1] in TRAILING:
            end -= 1
        return any(end >= len(m) and text.startswith(m, end - len(m)) for m in self.closers)

    def _starts_with_opener(self, text: str, start: int) -> bool:
        """Does text[start:], a space aside, open with an opening mark (also "``" or "''")?"""
        start += text[start:start + 2].startswith(" ")
        return any(text.startswith(m, start) for m in self.openers)

    def _parenthetical_frame(self, doc: ParsedDoc, u: Unit, cue: Cue, after: tuple[int, int]) -> tuple[int, int] | None:
        """The speaker's words of a frame in commas that interrupts its clause: the sentence opens with
        a noun phrase, a comma, the speaker and the cue, a comma, and the content goes on with a finite
        verb that has no subject of its own ("The latest test, | North Korea said, | was its biggest
        yet"): what was said is the whole clause around the frame (`Detector.detect` widens the
        content once the source is set). Else None."""
        words = doc.words
        c = max(cue.words)
        if c + 2 >= u.last or words[c + 1].text != "," or words[c + 2].start != after[0]:
            return None
        verb = words[c + 2]
        head = words[verb.head] if verb.deprel.split(":")[0] in ("aux", "cop") and verb.head >= 0 else verb
        if verb.upos not in VERBAL or "VerbForm=Fin" not in verb.feats \
                or any(k.deprel.startswith("nsubj") and k.i > c for k in doc.children(head.i)):
            return None
        comma = next((k for k in range(min(cue.words) - 1, u.first, -1) if words[k].text == ","), None)
        if comma is None or comma - u.first > 8 or any(w.upos in VERBAL or self.mentions.is_quote_mark(w)
                                                       for w in words[u.first:comma]) \
                or not any(w.upos in NOMINAL for w in words[u.first:comma]) or comma + 1 >= min(cue.words):
            return None
        return comma + 1, min(cue.words)

    def _opens_with_participle(self, doc: ParsedDoc, span: tuple[int, int]) -> bool:
        """Does the span open with a present participle ("Holding open a book", an adverbial clause
        however the parser read the words after it)?"""
        first = doc.between(*span)
        return bool(first) and self._present_participle(first[0])

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
        if self._starts_with_opener(doc.text, content[0]):
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
            elif k.deprel in ("ccomp", "parataxis") and k.head == c and finite and speech \
                    and any(words[x].upos == "CCONJ" for x in range(first, min(first + 2, k.i))) \
                    and any(x.deprel.startswith("nsubj") for x in kids):
                pass  # "…, and human rights groups warned that …": the parser's second complement of the cue
            elif k.deprel in ("conj", "advcl") and speech and finite and joined:
                pass  # a second report inside the first one's clause
            elif speech and self._present_participle(k) and words[before].text == "," and k.deprel in ("advcl", "xcomp", "conj"):
                pass  # "said he saw no need …, | telling X that …": the speaker's next report, a cue of its own
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
                if self.closes(words[x]):
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

    def _content_before(self, doc: ParsedDoc, u: Unit, cue: Cue, subj: list[int],
                        framed: tuple[int, int] | None = None) -> tuple[int, int] | None:
        words = doc.words
        c = min(cue.words)
        j = c - 1
        if framed and framed[0] - 2 > u.first and words[framed[0] - 2].text == ",":
            j = framed[0] - 2  # "…, | wie Burt Rutan, Chef der Firma, mitteilte": the frame's own commas
        # a frame runs back 12 words to its comma; up to 24 to a quotation's closing mark ("“…,”
        # nuclear experts David Albright and Serena Kelleher-Vergantini of … wrote")
        while j >= u.first and c - j <= 24:
            w = words[j]
            if w.text == ",":
                k = self._closer_before_speaker(doc, u, j, c)
                if k is not None:  # "“…,” Senate Majority Leader Mitch McConnell, R-Ky., said"
                    j, w = k, words[k]
                elif c - j > 12:
                    return None
                break
            if self.closes(w):
                opener = self.mentions.mark_before(doc, j, u.first)
                if opener is not None and opener > u.first and words[opener - 1].upos in {"ADP", "PART", "DET"} \
                        and self.mentions.names_in_marks(doc, opener, j):
                    # a name in marks after a preposition, possessive or article is part of the frame:
                    # "Sunday on Fox News channel's “Sunday Morning Futures,” Issa said"
                    j = opener - 1
                    continue
            if w.text in {";", "–", "—"} or self.closes(w) and j + 1 <= c:
                if c - j > 12 and not (self.closes(w) and self._ends_clause(doc, w)):
                    return None  # far back only to a quotation that ends its clause, not to „Eagle“
                break
            if c - j > 12 and w.text in {".", "!", "?"}:
                return None
            if not self._frame_ok(w, cue, doc):
                return None
            j -= 1
        else:
            return None
        if j < u.first or j == u.first and not self.closes(w):
            return None
        if subj and all(x < j for x in subj) and not self.closes(w):
            return None  # "Wang Yi, der auch Staatsrat ist, äußerte sich …": the subject, not content
        if self.cues.verb_second and w.text == "," and any(j < x < c for x in subj) and not (
                words[j + 1].lower in self.cues.frame_subordinators or words[j + 1].upos in VERBAL | {"SCONJ"}):
            # "Es sind 500 Stellen entstanden, die Betreiber sprechen von 850": a main clause with its
            # subject before the verb frames nothing before it (a trailing frame inverts: ", sagte X",
            # ", hatte X erklärt")
            return None
        if self.closes(w) and self._name_before_cue(doc, u, j, c):
            return None
        end = words[j].end if self.closes(w) else words[j].start
        k = j
        while k > u.first and words[k - 1].text in {",", ";"}:
            k -= 1
        if not self.closes(w):
            end = words[k - 1].end if k > u.first else u.start
        if end <= u.start:
            return None
        span_words = [x for x in words[u.first:j] if x.upos in VERBAL or self.mentions.is_quote_mark(x)]
        if not span_words:
            return None  # "Zhu Yongbiao, Experte …, sagte": a subject with an apposition, no clause
        if not self.closes(w) and self._subject_phrase_only(doc, u.first, j) \
                and words[j + 1].lower not in self.cues.frame_subordinators:
            # "Deiss, der sich … entschlossen hatte, sagte", "X, Commander Henderson sagte"; not "Die
            # Chemikalie hatte Raumtemperatur, | wie X mitteilte" (the parser hung "hatte" on the cue)
            return None
        if c - 1 >= u.first and ("PronType=Rel" in words[c - 1].feats or self._relative_pronoun(doc, c - 1)) \
                or any(j < x < c and "PronType=Rel" in words[x].feats for x in subj):
            # "…, der sagte, man dürfe …", "… and birther who has repeatedly pledged to …": a
            # relative clause reports what follows, not the clause its antecedent stands in
            return None
        return (self._after_colon_frame(doc, u, j) if self.closes(w) else u.start, end)

    def _after_colon_frame(self, doc: ParsedDoc, u: Unit, closer: int) -> int:
        """Where the content before a trailing cue starts when it ends in a quotation: at the
        quotation's opening mark when a clause ending in a colon frames it ("Sen. Claire McCaskill
        scolded him: | “The scientific community is …,” she said"), else at the sentence's start."""
        words = doc.words
        opener = next((k for k in range(closer - 1, u.first - 1, -1) if self.mentions.is_quote_mark(words[k])), None)
        if opener is not None and opener - 1 > u.first and words[opener - 1].text == ":" \
                and any(x.upos in VERBAL for x in words[u.first:opener - 1]):
            return words[opener].start
        return u.start

    @staticmethod
    def _relative_pronoun(doc: ParsedDoc, i: int) -> bool:
        """Does word i open a relative clause: after a comma ("…, der sagte"), or as the subject of a
        clause the parser made relative ("a historian who attended …, recalled", "a staff member
        who said")?"""
        w = doc.words[i]
        if i > 0 and doc.words[i - 1].text == "," and rel_or_dem(w):
            return True
        return w.upos == "PRON" and "PronType=Rel" in w.feats and w.deprel.startswith("nsubj") \
            and w.head > i and doc.words[w.head].deprel == "acl:relcl"

    def _subject_phrase_only(self, doc: ParsedDoc, a: int, b: int) -> bool:
        """Are words a..b a noun phrase with, at most, relative clauses and names in quotation marks,
        no clause of their own?"""
        words = doc.words
        k = a
        while k < b:
            x = words[k]
            if self.mentions.is_quote_mark(x):
                close = next((y for y in range(k + 1, min(b, k + 8)) if self.mentions.is_quote_mark(words[y])), None)
                if close is None or not self.mentions.names_in_marks(doc, k, close):
                    return False
                k = close + 1
                continue
            if x.upos in VERBAL:
                head = words[x.head] if x.deprel.split(":")[0] in ("aux", "cop") and x.head >= 0 else x
                comma = next((y for y in range(k - 1, a - 1, -1) if words[y].text == ","), None)
                opener = words[comma + 1] if comma is not None else None
                if head.deprel != "acl:relcl" and not (  # "Deiss, der sich … entschlossen hatte,"
                        opener is not None and rel_or_dem(opener)):
                    return False
            k += 1
        return True

    def _name_before_cue(self, doc: ParsedDoc, u: Unit, closer: int, c: int) -> bool:
        """A quotation before the cue, with no punctuation inside its end or between it and the cue,
        opened after an article, a preposition or a word for a medium or an organization, names
        something in the frame: "Moritz Wohlrab von der „Aktion Deutschland hilft“ sagte, …",
        "Wie die „Aktion …“ heute mitteilte, …"."""
        words = doc.words
        if any(x.upos == "PUNCT" for x in words[closer + 1:c]) or last_char(doc.text, words[closer].start) in ",.?!…":
            return False
        opener = next((x.i for x in reversed(words[u.first:closer]) if x.text in self.openers), None)
        if opener is None or opener == u.first:
            return False
        before = words[opener - 1]
        return before.upos in {"DET", "ADP"} or self.rules.is_body_word(before.text)  # "Wie die Nachrichtenagentur „Xinhua“ meldete"

    def _closer_before_speaker(self, doc: ParsedDoc, u: Unit, comma: int, c: int) -> int | None:
        """The closing mark of a quotation that ends a sentence or clause ("…,”", "…?”") and is
        followed by a speaker with an apposition or a relative clause set off by commas, then the
        cue ("“…,” Cruz, who has proposed …, said"): no other verb and no other quotation mark
        between it and the cue."""
        words = doc.words
        for k in range(comma - 1, max(u.first, c - 24) - 1, -1):
            w = words[k]
            if self.closes(w):
                if k + 1 < comma and (self._ends_clause(doc, w) or words[k + 1].text == ","):
                    return k
                return None
            if w.upos in VERBAL and w.deprel != "amod" and not self._participle_alone(doc, w) \
                    and not self._in_relative_clause(doc, k, u.first) \
                    or self.mentions.is_quote_mark(w) or w.text in {";", ":", "–", "—"}:
                # (a participle modifying a noun is no verb of its own: "a retired teacher", nor one
                # with no auxiliary in an apposition: "Mr. Daniloff, now 81 and retired in Cambridge, said")
                return None
        return None

    @staticmethod
    def _participle_alone(doc: ParsedDoc, w: Word) -> bool:
        """A past participle with no auxiliary or subject of its own, or a non-finite verb modifying
        the noun before it ("one of the states | suing the EPA"): a description, no clause."""
        if w.deprel == "acl" and "VerbForm=Fin" not in w.feats and 0 <= w.head < w.i:
            return True
        return "VerbForm=Part" in w.feats and "Tense=Past" in w.feats and w.deprel != "advcl" and not any(
            k.deprel.startswith(("aux", "nsubj", "mark")) or k.i < w.i and k.upos not in {"PUNCT", "CCONJ"}
            for k in doc.children(w.i))  # not "when asked about …"

    def _ends_clause(self, doc: ParsedDoc, closer: Word) -> bool:
        """Does the quotation that this closing mark ends end its clause ("…,”", "…?”", a nested one
        too: "…, darn it,’”")?"""
        return last_char(doc.text, closer.start, " \t\r\n" + "".join(self.closers)) in {",", "?", "!", "…"}

    def _in_relative_clause(self, doc: ParsedDoc, i: int, first: int) -> bool:
        """Does a relative pronoun open the stretch of words from the last comma before word i?"""
        words = doc.words
        j = i
        while j > first and words[j - 1].text != ",":
            j -= 1
        return j > first and j < i and self.mentions.opens_relative(words[j])

    def _content_after(self, doc: ParsedDoc, u: Unit, cue: Cue) -> tuple[tuple[int, int] | None, bool]:
        words = doc.words
        c = max(cue.words)
        ccomp = {x.i for x in doc.children(cue.words[0]) if x.deprel in ("ccomp", "parataxis") and x.i > c}
        v = words[cue.words[0]]
        if v.deprel == "xcomp" and v.head >= 0:
            # "made sure to say | there is no one plan": the parser hung the complement on the verb
            # the infinitive completes
            ccomp |= {x.i for x in doc.children(v.head) if x.deprel == "ccomp" and x.i > c}
        in_ccomp = {k: h for h in ccomp for k in doc.subtree(h)}
        # "äußerten die Richter „…“": the subject after the cue is frame, not a noun the quotation
        # would describe
        subject = {k for x in doc.children(cue.words[0]) if x.deprel.startswith("nsubj") and x.i > c
                   for k in doc.subtree(x.i)}
        infinitive = self._infinitive_complement(doc, cue)
        if infinitive is not None:
            return infinitive, False
        k = self._complementizer_ahead(doc, u, c)
        if k is not None:
            return (words[k].start, u.end), False
        j = c + 1
        nouns = 0
        while j < u.last and j - c <= 14:
            w = words[j]
            if w.lower in self.cues.complementizers:
                return (w.start, u.end), False
            if w.text in self.openers:
                # "sprach von „X“", "called it “X”", "said: “X”" - not "betonte die Solidarität … „X“"
                close = next((x for x in words[j + 1:u.last] if self.closes(x)), None)
                # (the title is the cue's subject: not "forderte eine „Zeitenwende“", "bestätigte den „Vorfall“")
                named = j == c + 2 and words[c + 1].upos == "DET" and not any(
                    f in words[c + 1].feats for f in ("Case=Acc", "Case=Dat")) and (
                    words[j + 1].deprel.startswith("nsubj") or "Case=Nom" in words[j + 1].feats) \
                    and self.mentions.quoted_name(doc, j, u.last, source=True)
                if close is not None and (named or self.mentions.names_in_marks(doc, j, close.i) or self._after_cue_preposition(doc, j)):
                    # "sagte der „Berliner Zeitung“, dass …": frame, the name of a noun before it (or
                    # right after the cue's article: "berichtete die „Automobilwoche“");
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
                if j + 1 in in_ccomp and words[in_ccomp[j + 1]].deprel == "ccomp":
                    j += 1  # "said CNN’s business “is so much broader”": the quotation opens the complement
                    continue
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
                if w.text == "," and nxt.upos == "CCONJ":
                    return None, False  # "“…,” Ebeling said, and her husband cut in": the next clause
                if w.text == "," and self._present_participle(nxt) and not self._speech_verb(nxt) \
                        and nxt.lemma not in self.naming and nouns == 0 and any(self.closes(x) for x in words[u.first:c]):
                    # "“…?” Clinton remarked, alluding to …": after a quotation the participle's clause is
                    # one of its own, no content ("said …, including “…”" lists what was said)
                    return None, False
                return (nxt.start, u.end), w.text == ","
            if w.i in in_ccomp:  # "said the plan would fail": the clausal complement, with no "that"
                sub = doc.subtree(in_ccomp[w.i])
                first = max(min(sub), c + 1)
                prev = words[first - 1]
                obj = self._object_before(doc, cue, first)
                if prev.upos == "PROPN" and prev.deprel == "obj" and prev.head == cue.words[0] and \
                        words[first].upos == "PROPN" and words[first].deprel.startswith("nsubj"):
                    first = min(doc.subtree(prev.i))  # "claimed Jane | Morton was …": one name the parser split
                elif obj is not None:
                    first = obj  # "said a Cypriot journalist on board | the flight had alerted them"
                elif words[verb := self._after_openers(doc, first, u.last)].upos in VERBAL \
                        and "VerbForm=Fin" in words[verb].feats and first - 1 > c \
                        and "VerbForm=Fin" in words[cue.words[0]].feats and self._object_as_subject(doc, cue, first, words[verb]):
                    first = c + 1  # "claimed Anna Lind | was …", "says Obama | “knows …”": the object is the complement's subject
                return (words[first].start, u.end), False
            if w.upos == "VERB" and w.deprel == "acl" and words[w.head].deprel == "obj" and words[w.head].head == c \
                    and not any(x.lower in self.cues.complementizers for x in words[j:u.last]):
                # "said the delay stemmed from …": a clause with no "that" the parser read as an
                # object with a participle; what one says is the clause, not the noun
                return (words[max(min(doc.subtree(w.head)), c + 1)].start, u.end), False
            if w.upos in VERBAL and "VerbForm=Fin" in w.feats and w.i not in in_ccomp and j - 1 > c \
                    and "VerbForm=Fin" in words[cue.words[0]].feats and self._object_as_subject(doc, cue, w.i, w):
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
            if w.deprel == "acl:relcl" and c < w.head < w.i and words[w.head].upos in NOMINAL:
                j += 1  # "said fathers and parents who | adopt would not be …": a relative clause of the noun
                continue
            if not self._frame_ok(w, cue, doc):
                return None, False
            nouns += w.upos in {"NOUN", "PROPN"} and w.i not in subject
            j += 1
        return None, False

    def _complementizer_ahead(self, doc: ParsedDoc, u: Unit, c: int) -> int | None:
        """The complementizer that opens the report within 14 words after the cue word c, with no
        finite verb, punctuation or quotation mark before it ("told a Senate committee hearing on
        Thursday | that …": the tagger's verb "hearing" is no clause of its own), else None."""
        for w in doc.words[c + 1:min(u.last, c + 15)]:
            if w.lower in self.cues.complementizers:
                return w.i
            if w.upos == "PUNCT" or "VerbForm=Fin" in w.feats:
                return None
        return None

    def _holds_governing_speech_verb(self, doc: ParsedDoc, cue: Cue, span: tuple[int, int]) -> bool:
        """Does the span after the cue hold a speech verb the cue's clause hangs on (a head of the cue,
        however far up)? What a subordinate verb reports never holds the frame around it; but a frame
        clause ("Wie AFP berichtet, | habe sich ein Bewohner … geäußert, …") reports the clause it hangs on."""
        if doc.words[min(doc.subtree(cue.words[0]))].lower in self.cues.frame_subordinators:
            return False  # (whatever the parser made of "wie": a mark, a conjunction)
        h = doc.words[cue.words[0]].head
        while h >= 0:
            w = doc.words[h]
            if span[0] <= w.start < span[1] and self._speech_verb(w):
                return True
            h = w.head
        return False

    def _misread_clause(self, doc: ParsedDoc, u: Unit, cue: Cue) -> tuple[int, int] | None:
        """A verb of `cues.clause_verbs` with a noun object right after it and words after the object's
        phrase reports a clause the parser misread ("said | smugglers dig tunnels into …", "dig" a
        noun): from the object to the end of the unit. None otherwise."""
        if cue.lemma not in self.cues.clause_verbs:
            return None
        c = max(cue.words)
        words = doc.words
        obj = next((x for x in doc.children(cue.words[0]) if x.deprel == "obj" and x.upos in {"NOUN", "PROPN"}
                    and min(doc.subtree(x.i)) == c + 1), None)
        if obj is None or obj.lower in self.rules.speakers.time_nouns:
            return None
        rest = [w for w in words[max(doc.subtree(obj.i)) + 1:u.last] if w.upos != "PUNCT"]
        if len(rest) < 2 or any(self.mentions.is_quote_mark(w) for w in words[c + 1:u.last]):
            return None
        return words[c + 1].start, u.end

    def _object_before(self, doc: ParsedDoc, cue: Cue, first: int) -> int | None:
        """The first word of the cue's object that ends right before word `first` (where the clausal
        complement starts), when the cue is no verb of `cues.addressee_verbs` and the object no time
        ("said Monday"): the parser split the complement's subject; else None."""
        if cue.lemma in self.cues.addressee_verbs:
            return None
        for x in doc.children(cue.words[0]):
            if x.deprel == "obj" and x.i > max(cue.words) and max(doc.subtree(x.i)) == first - 1 \
                    and x.lower not in self.rules.speakers.time_nouns and x.upos in NOMINAL:
                return min(doc.subtree(x.i))
        return None

    def _infinitive_complement(self, doc: ParsedDoc, cue: Cue) -> tuple[int, int] | None:
        """The infinitive after a verb of `cues.infinitive_verbs` that is what was said ("promised |
        to take bold action should he win", "urged the judge | to give me a fair sentence"): from its
        marker to the end of its clause. None when the verb has no such complement."""
        v = cue.words[0]
        if cue.lemma not in self.cues.infinitive_verbs or v > 0 and doc.words[v - 1].upos in {"ADP", "SCONJ"} \
                and "VerbForm=Fin" not in doc.words[v].feats:
            return None  # (nor after a preposition: "an early voice in | urging the administration to …")
        c = max(cue.words)
        for x in doc.children(cue.words[0]):
            if x.deprel in ("xcomp", "advcl") and x.i > c and any(
                    k.deprel == "mark" and k.lower in self.cues.infinitive_markers and k.i < x.i for k in doc.children(x.i)):
                a, b = doc.extent(x.i)
                return doc.words[a].start, doc.words[b].end
        return None

    def _after_openers(self, doc: ParsedDoc, i: int, last: int) -> int:
        """The first word from i on that is no opening quotation mark (i itself when none)."""
        while i + 1 < last and doc.words[i].text in self.openers:
            i += 1
        return i

    def _object_as_subject(self, doc: ParsedDoc, cue: Cue, first: int, w: Word) -> bool:
        """Does w's clause, starting at word `first` (w or the quotation marks before it), follow right
        after the cue's object (a noun phrase that starts right after the cue; a quotation mark may
        stand between), and is the finite word w's clause one with no subject?"""
        words = doc.words
        c = max(cue.words)
        span = {k for x in doc.children(cue.words[0]) if x.deprel == "obj" and x.i > c for k in doc.subtree(x.i)}
        between = set(range(c + 1, first))
        if not span or not span <= between or any(words[k].text not in self.openers for k in between - span):
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

    def _before_trailing_frame(self, doc: ParsedDoc, u: Unit, content: tuple[int, int]) -> tuple[int, int]:
        """Content after the cue ends before another speech verb's frame that closes the sentence ("a
        witness reported that a man had been shot nearby, | White said."): that frame reports the
        whole sentence, this cue's report with it (`Detector._stack`)."""
        for w in doc.between(*content):
            if w.text == "," and self._trailing_frame(doc, u, w.i + 1) and any(
                    self._speech_verb(x) and "VerbForm=Fin" in x.feats for x in doc.words[w.i + 1:u.last]):
                return content[0], w.start  # (a finite verb: not "…, allerdings wolle man darüber sprechen")
        return content

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

    def _quote_is_argument(self, doc: ParsedDoc, cue: Cue, opener: int, closer: int) -> bool:
        """Is the quotation between these marks the cue verb's object, or a prepositional phrase of
        it ("warnten … vor einem „drohenden Abfluss“ ins Ausland")? The caller has already passed
        over marks that hold a name (`Mentions.names_in_marks`)."""
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
