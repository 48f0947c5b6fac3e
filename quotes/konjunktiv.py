"""Reports that need no cue: a German main clause in Konjunktiv I is reported speech by itself
("Die Lage sei ernst."), one in Konjunktiv II goes on with the report before it; each takes the
speaker of the report before it, of a speech verb just before it with no content of its own, of a
trailing cue in the next sentence, or the named person the sentence before is about. A part of
`Detector` (detect.py), whose rules, units and trimming helpers these methods read; the language's
forms are rule data (`rules/<lang>.toml` `[konjunktiv]`), so a language without them has no such
reports."""

from __future__ import annotations

from .cues import Candidate, Cue, Unit
from .parse import ParsedDoc, Word
from .phrases import VERBAL


class KonjunktivReports:
    def _konjunktiv_mood(self, doc: ParsedDoc, u: Unit) -> str | None:
        """"report" when the unit's main clause is in Konjunktiv I, "continuation" when in Konjunktiv II."""
        k = self.konjunktiv
        mood = None
        for w in doc.words[u.first:u.last]:
            if w.upos not in VERBAL:
                continue
            head = w.head if w.deprel.split(":")[0] in ("aux", "cop") else w.i
            if head < 0 or not self._main_clause_of(doc, head):
                continue  # only the finite verb of the main clause, not one inside a subordinate clause
            if w.lower in k.forms or w.lower in k.reportative_modals and any(
                    c.lower in k.perfect_auxiliaries for c in doc.children(head) if c.i > w.i):
                return "report"
            if w.upos == "VERB" and self._konjunktiv_from_lemma(doc, w):
                return "report"
            if w.lower in k.continuation_forms or w.lower in k.reportative_modals:
                mood = "continuation"
        return mood

    @staticmethod
    def _main_clause_of(doc: ParsedDoc, head: int) -> bool:
        """Does the predicate `head` belong to the sentence's main clause: the root, or a phrase the
        parser hung on the root with no clause between ("Besonders hervorzuheben sei auch sein
        Engagement": the adjective made the root, "Engagement" with its copula its subject)?"""
        words = doc.words
        k = head
        while words[k].head >= 0:
            if words[k].deprel.split(":")[0] in ("advcl", "acl", "ccomp", "csubj", "xcomp", "conj", "parataxis") \
                    or any(c.deprel == "mark" for c in doc.children(k)):
                return False
            k = words[k].head
        return k == head or words[k].upos not in VERBAL and words[k].upos != "AUX"

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
            over = [c for c in out if c.start < u.end and c.end > u.start]
            # a quotation with no speaker inside a Konjunktiv main clause is part of that report ("Es
            # drohe „eine dramatische Erderwärmung …“": "drohen" a cue with no subject): the clause
            # takes its place
            inner = [c for c in over if c.kind == "direct" and (c.cue is None or c.cue.source is None and c.cue.source_words is None)
                     and c.source is None and c.source_words is None and c.via is None and u.start < c.start and c.end <= u.end + 1]
            if len(inner) < len(over):
                continue
            mood = self._konjunktiv_mood(doc, u)
            if mood is None or inner and mood != "report":
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
            for c in inner:
                out.remove(c)
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

    def _person_subject(self, doc: ParsedDoc, u: Unit) -> int | None:
        """The subject of the unit's main verb (a passive speech verb's agent first) when it names a
        person (`_names_a_person`: "Mathias Edler", "Greenpeace-Experte Mathias Edler")."""
        words = doc.words
        roots = [w for w in words[u.first:u.last] if w.head < 0 and w.upos in VERBAL]
        if len(roots) != 1:
            return None
        root = roots[0].i
        passive = any(c.deprel in ("nsubj:pass", "aux:pass") for c in doc.children(root))
        # of a passive speech verb the agent speaks: "Die Forderungen wurden von Minister X als
        # unrealistisch bezeichnet. Heutige Fahrzeuge seien …" (not of any passive: "X wurde von
        # Berlin aus zugeschaltet", "X wurde von den Delegierten wiedergewählt" are X's)
        speech = self._speech_verb(roots[0]) or roots[0].lemma.lower() in self.naming
        agent = self._agent(doc, root) if passive and speech else None
        for subj in (agent, self.subject(doc, root)):
            if subj is not None and u.first <= subj < u.last and self._names_a_person(doc, u, subj):
                return subj
        return None

    def _names_a_person(self, doc: ParsedDoc, u: Unit, subj: int) -> bool:
        """Does the phrase of word subj name a person: a name, with or without a role before it, not
        a body or medium?"""
        words = doc.words
        phrase = [words[k] for k in doc.subtree(subj) if u.first <= k < u.last]
        w = words[subj]
        # a surname the tagger took for a noun, after its first name ("Gabriela Schimmer-Göresz")
        surname = w.upos == "NOUN" and subj > 0 and words[subj - 1].upos == "PROPN" and words[subj - 1].head == subj \
            or subj > 1 and words[subj - 1].text == "-" and words[subj - 2].upos == "PROPN" and words[subj - 2].head == subj
        # or a surname the article writes after a first name elsewhere, with no article before it
        surname = surname or w.upos == "NOUN" and w.text in self.mentions.surnames(doc) \
            and not any(c.deprel == "det" for c in doc.children(subj))
        return not (w.upos not in {"PROPN", "NOUN"} or not (surname or any(x.upos == "PROPN" for x in phrase))
                    or w.upos == "NOUN" and not surname and not self.rules.is_role_noun(w.text, w.lemma)
                    or any(self.rules.is_body_word(x.text) for x in phrase if x.i <= subj))
