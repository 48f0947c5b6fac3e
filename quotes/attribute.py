"""The speaker entity of each quote: its source mention linked to an entity of the article.

Input: the quotes of one article as the resolver found them (a mention per quote: a name, a
pronoun, a description, or none), the article's `EntityTable`, and the spans of quoted text.
Output: the same quotes, each speaker carrying the entity it stands for (`speaker.entity`, its
aliases, its fullest name) and the entity's role.

- a **name** is looked up among the entities (short forms, spelling variants); a name no entity
  has and that is no name at all (a sentence-opening word: "Meanwhile") is dropped;
- a **pronoun** takes the most salient earlier person that agrees with it: sentences are walked
  back from the pronoun, and in each the persons are taken in order (the subject comes first),
  names inside quotation marks or quotes left out;
- a **description** ("die Ministerin", "the coach") takes the most salient entity the article
  gives a matching role noun (before it, else just after it: "said Chinese Foreign Minister on
  Monday … Wang Yi");
- an **addressee** (a dative: "teilte seinem Amtskollegen Lawrow mit") is never the speaker of its
  sentence: the speaker is the most salient person before it, as for a pronoun;
- a quote with **no mention** (a continuation, a colon attribution, a bare quote after a quote)
  keeps the speaker of the quote it continues, as linked here.
"""

from __future__ import annotations

from functools import cached_property

import regex

from .entities import (WORD, Entity, EntityTable, contradicts, first_name_gender, fold, honorific_gender, in_genitive,
                       plausible_name, role_gender)
from .outlets import OutletFinder, without_marks
from .record import Outlet, Quote, Speaker
from .rules import RuleSet

SALIENCE_SENTENCES = 6  # how far back a pronoun or description looks for its entity
CATAPHORA_SENTENCES = 3  # how far ahead a description looks when nothing before matches


class Attributor:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        sp = rules.speakers
        self.pronoun_gender = sp.pronoun_gender
        self.plural = set(sp.pronouns_plural)
        self.addressee = set(sp.addressee_determiners)
        self.oblique = self.addressee | set(sp.oblique_prepositions)
        self.stop = set(rules.language.stopwords)
        self.definite = set(sp.definite_determiners)
        self.genitive = set(rules.cues.genitive_articles)
        self.outlets = OutletFinder(rules)

    def link(self, text: str, quotes: list[Quote], follows: list[int | None], table: EntityTable,
             quoted: list[tuple[int, int]]) -> None:
        """Set each quote's speaker entity in place; `follows[k]` is the index of the quote that
        quote k continues (or None)."""
        hidden = sorted(set(quoted))
        linked: list[Entity | None] = [None] * len(quotes)
        joint_of: dict[str, list[str]] = {}  # entity id -> the joint speakers it last spoke with
        for k, q in enumerate(quotes):
            sp = q.speaker
            ent: Entity | None = None
            via = sp.via if sp else None
            if sp is None:
                if q.kind == "direct" and q.cue is None:
                    self._bare_quote(text, q, table, hidden)  # a bare quote: the paragraph's speaker
                elif q.cue is not None:
                    linked[k] = self._compound_source(text, table, q)
                continue
            elif follows[k] is not None and quotes[follows[k]].speaker is not None \
                    and (sp.start, sp.end) == (quotes[follows[k]].speaker.start, quotes[follows[k]].speaker.end):
                prev = quotes[follows[k]]  # a continuation: the speaker of the quote it continues, as linked
                q.speaker = prev.speaker.model_copy(update={"via": sp.via})
                q.role = prev.role
                linked[k] = linked[follows[k]]
                continue
            elif sp.via == "subject" and self._addressee(sp.mention):
                # the addressee is not the speaker: the person the sentence names besides it, else
                # the most salient one before it; a medium addressed carries the words
                addressee = table.lookup(sp.name)
                ent = self.in_sentence(table, sp, hidden + [(q.start, q.end)], exclude=addressee) or self.salient(
                    text, table, sp.start, None, hidden, exclude=addressee)
                if ent is None:
                    continue
                if q.outlet is None and (sp.name and self.rules.is_outlet_word(sp.name.split()[-1])
                                         or any(self.rules.is_outlet_word(w) for w in sp.mention.split())):
                    q.outlet = Outlet(name=sp.name or sp.mention, start=sp.start, end=sp.end)
                via = "subject"
            elif (inner := self.person_inside(text, table, sp)) is not None:
                ent = inner  # "Naryschkin der staatlichen Nachrichtenagentur Tass": the person speaks
                if q.outlet is None and sp.name and any(self.rules.is_outlet_word(w) for w in sp.name.split()):
                    at = text.find(sp.name, sp.start, sp.end)
                    q.outlet = Outlet(name=sp.name, start=at, end=at + len(sp.name))
            elif sp.via == "pronoun":
                # never someone the quote itself names: "Kretschmann sei eine herausragende
                # Persönlichkeit, sagte er" is not Kretschmann's
                low = sp.mention.lower()
                ent = self.salient(text, table, sp.start, self.pronoun_gender.get(low), hidden + [(q.start, q.end)],
                                   persons_only=low not in self.plural or low in self.pronoun_gender)
                if ent is None and sp.name:
                    ent = table.lookup(sp.name)
            elif sp.name:
                ent = table.lookup(sp.name)
                if ent is None and (not plausible_name(text, sp.name, table.proper_nouns, self.rules.language.capitalises_nouns)
                                    or self._common_noun_description(sp, table)):
                    ent = self.by_role(text, table, sp.mention, sp.start, hidden)
                    via = "description"
                    if ent is None:
                        q.speaker = sp.model_copy(update={"name": None})
                        continue
            else:
                ent = self.by_role(text, table, sp.mention, sp.start, hidden)
                via = "description" if ent else via
                if ent is None and sp.via == "colon" and k > 0 and linked[k - 1] is not None:
                    ent, via = linked[k - 1], "continuation"  # "Und weiter: „…“" goes on with the speaker
            if ent is not None and ent.kind == "person" and contradicts(ent.name.split()[0], self._said_gender(sp.mention, ent, via)):
                ent = None  # "Mr. Obama" is not the article's "Michelle Obama": the name as written stays
            linked[k] = ent
            if ent is not None:
                self._centre(table, ent, q)
                joint, low = sp.joint, sp.mention.lower()
                if sp.via == "pronoun" and low in self.plural and low not in self.pronoun_gender:
                    # "Mr. Grassley and Mr. Leahy said … They added": both (not German "sie", which
                    # may be one woman)
                    joint = joint or joint_of.get(ent.id, [])
                elif not joint:
                    joint_of.pop(ent.id, None)  # the entity spoke alone since
                if joint:
                    joint_of[ent.id] = joint
                q.speaker = sp.model_copy(update={
                    "name": ent.name, "entity": ent.id, "aliases": [a for a in ent.aliases if a != ent.name],
                    "type": ent.kind if sp.type == "unknown" or ent.kind == "person" else sp.type, "via": via,
                    "joint": joint})
                if via == "description":
                    self._learn_role(ent, sp.mention)
        self._descriptions_anywhere(text, table, hidden)
        # roles last: a description later in the article ("The Labour leader said") is a role of
        # the entity for its earlier quotes too
        # speakers are numbered in the order they first speak ("e1" is the article's first
        # speaker), so the ids do not depend on how many other names the parse found
        # and every quote with a cue gets the medium its sentence names, whoever speaks
        number: dict[str, str] = {}
        for q in quotes:
            if q.outlet is None and q.cue is not None:
                q.outlet = self.outlets.find(text, q, table.sentences[table.sentence_of(q.cue.start)])
            q.outlet = without_marks(q.outlet)
            ent = table.by_id(q.speaker.entity) if q.speaker and q.speaker.entity else None
            if ent is not None:
                q.role = self.role_of(ent) or q.role
                number.setdefault(ent.id, f"e{len(number) + 1}")
                q.speaker = q.speaker.model_copy(update={"entity": number[ent.id]})

    @staticmethod
    def _centre(table: EntityTable, ent: Entity, q: Quote) -> None:
        """The speaker of a sentence's quote is what the sentence is about: it counts as that
        sentence's first mention for the pronouns and descriptions that follow ("Er teilte seinem
        Amtskollegen Lawrow mit, … Er betonte …": the second "Er" is the speaker, not Lawrow)."""
        pos = q.speaker.start if q.speaker else q.start
        start = table.sentences[table.sentence_of(pos)][0]
        if start not in ent.centres:
            ent.centres.append(start)

    def _compound_source(self, text: str, table: EntityTable, q: Quote) -> Entity | None:
        """"nach Polizeiangaben", "laut UNHCR-Angaben": a source noun whose first part is a body
        speaks for the article's entity of that body ("die Polizei in Mittelfranken"), the one
        written last before the cue; with no such entity, no one."""
        m = regex.search(r"[\w-]+$", q.cue.text)
        body = self.rules.compound_source(m.group()) if m else None
        if body is None:
            return None
        start = q.cue.start + m.start()
        folded = fold(body)
        fits = [(max(a for a, _ in e.mentions if a < start), e) for e in table.entities
                if e.kind != "person" and any(a < start for a, _ in e.mentions)
                and any(w == folded or _compound_match(w, folded)
                        for w in (fold(x) for x in WORD.findall(e.name)))]
        if not fits:
            return None
        ent = max(fits, key=lambda f: f[0])[1]
        q.speaker = Speaker(start=start, end=start + len(m.group()), name=ent.name, mention=m.group(),
                            type=ent.kind, via="preposition", entity=ent.id,
                            aliases=[a for a in ent.aliases if a != ent.name])
        return ent

    def _said_gender(self, mention: str, ent: Entity, via: str | None) -> str | None:
        """The gender the mention gives its person: an honorific before one of the entity's name
        words ("Mr. | Obama"; not "Mrs. Clinton's campaign chairman, John Podesta" for Podesta), or,
        for a description, its role noun's ending ("die Anwältin" is a woman)."""
        names = {w for form in [ent.name, *ent.aliases] for w in form.split()}
        said = honorific_gender(self.rules.speakers.honorific_gender, mention.split(), names)
        if said is None and via == "description":
            said = next((g for w in WORD.findall(mention) if self.rules.is_role_noun(w)
                         and (g := role_gender(self.rules, w))), None)
        return said

    def _bare_description(self, text: str, end: int, words: list[str], heads: list[str]) -> bool:
        """Is the description only its head and what stands before it? One that goes on with a
        genitive, a name or a quotation ("Der Vertreter Libyens", "die Organisation „Reporter ohne
        Grenzen“", "the head of …") introduces someone new; it points back to nobody."""
        if heads and words[-1] != heads[-1]:
            return False
        nxt = text[end:end + 40].lstrip(" \t")
        first = WORD.match(nxt)
        return not (nxt[:1] in "„“\"«»‚‘'(" and nxt[:1] or first and (
            first.group()[:1].isupper() or first.group().lower() in self.genitive))

    def _common_noun_description(self, sp: Speaker, table: EntityTable) -> bool:
        """"der Isländer": a definite article and one noun that no entity holds, not tagged a proper
        noun, no acronym ("die FIFA") and no first name, describe a person rather than name one."""
        words = sp.mention.split()
        return len(words) == 2 and words[0].lower() in self.definite and words[1] == sp.name and not sp.name.isupper() \
            and sp.name not in table.proper_nouns and not first_name_gender(sp.name)

    def _bare_quote(self, text: str, q: Quote, table: EntityTable, hidden) -> None:
        """A quotation with no cue and no mention is the words of the person its paragraph is
        about: the most salient person before it in the same paragraph ("Betroffen äußerte sich
        Bürgermeister Michael Müller. … „Der Tod von … ist ein großer Verlust …“")."""
        para = text.rfind("\n", 0, q.start) + 1
        ent = self.salient(text, table, q.start, None, hidden)
        at = next((m for m in reversed(ent.mentions) if para <= m[0] < q.start), None) if ent else None
        if at is None:
            return
        q.speaker = Speaker(start=at[0], end=at[1], name=ent.name, mention=text[at[0]:at[1]], type="person",
                            via="continuation", entity=ent.id, aliases=[a for a in ent.aliases if a != ent.name])
        q.role = q.role or self.role_of(ent)

    def in_sentence(self, table: EntityTable, sp: Speaker, hidden, exclude: Entity | None) -> Entity | None:
        """The first person the speaker mention's sentence names outside the mention and quotes."""
        for s, e in self._mentions_in(table, table.sentence_of(sp.start), None, hidden, False):
            if e is not exclude and e.kind != "organization" and not sp.start <= s < sp.end:
                return e
        return None

    def person_inside(self, text: str, table: EntityTable, sp: Speaker) -> Entity | None:
        """A person named inside a mention that the resolver took for an organisation or medium
        ("Naryschkin der staatlichen Nachrichtenagentur Tass"), or for no name at all ("Police
        Chief James | White earlier", a sentence cut inside the name) when the name heads it."""
        named = table.lookup(sp.name) if sp.name and sp.via != "pronoun" else None
        if sp.via == "pronoun" or named is not None and named.kind == "person":
            return None
        for e in table.entities:
            for s, end in e.mentions:
                if e.kind == "person" and s < sp.end and end > sp.start and (
                        sp.name is not None or self._heads_mention(text, sp, s, end)) \
                        and not in_genitive(text[s:end], e, self.rules.speakers.genitive_endings):
                    return e  # (not "Der behandelnde Arzt | Lahms": the doctor of Lahm speaks)
        return None

    def _heads_mention(self, text: str, sp: Speaker, s: int, end: int) -> bool:
        """Is the name at s..end what the mention is about, not a possessor or complement of it?
        No role or organisation word after it ("Trumps Anwalt", "the Clinton campaign"), no
        function word before it but an opening article ("a senior adviser to | the Clinton …")."""
        before = WORD.findall(text[sp.start:max(s, sp.start)])[1:]
        return not any(self.rules.is_role_noun(w) or self.rules.is_body_word(w) for w in WORD.findall(text[end:sp.end])) \
            and not any(w.lower() in self.stop for w in before)

    @staticmethod
    def role_of(ent: Entity) -> str | None:
        """The role the article gives the entity first."""
        return ent.roles[0] if ent.roles else None

    def _learn_role(self, ent: Entity, mention: str) -> None:
        """A description resolved to an entity is one of its roles ("The opposition leader")."""
        words = mention.split()
        while words and words[0].lower() in self.stop:
            words.pop(0)
        if words and " ".join(words) not in ent.roles:
            ent.roles.append(" ".join(words))

    def _descriptions_anywhere(self, text: str, table: EntityTable, hidden) -> None:
        """A definite description opening a clause, or right after its verb, anywhere in the article
        ("At one point, the Dutchman stumbled …", "Danach besuchte die Ministerin …") is a role of
        the person it stands for, found as for a quote's description; quoted text is left out."""
        if not self.definite:
            return
        mention_starts = {s for e in table.entities for s, _ in e.mentions}
        for a, b in table.sentences:
            for m in self._clause_description.finditer(text, a, b):
                at = max(a, m.start() - 40)
                before = text[at:m.start()].rstrip()
                if before and before[-1] not in ",;:":
                    prev = list(WORD.finditer(before))
                    if not (prev and at + prev[-1].start() in table.verbs):
                        continue  # a clause's first phrase, or the subject after its verb ("Danach besuchte | die Ministerin")
                if m.end("d") + 1 in mention_starts or _inside(hidden, m.start("d")) \
                        or not self.rules.is_role_noun(WORD.findall(m.group("d"))[-1]):
                    continue  # "the coach | Tuchel" is the name's pre-modifier, set already
                ent = self.by_role(text, table, m.group("d"), m.start("d"), hidden)
                if ent is not None and ent.kind == "person":
                    self._learn_role(ent, m.group("d"))

    @cached_property
    def _clause_description(self):
        """A definite article and up to three words, then a lower-case word."""
        dets = "|".join(regex.escape(d) for d in sorted(self.definite, key=len, reverse=True))
        return regex.compile(r"(?<![\p{L}\p{N}])"
                             r"(?P<d>(?i:" + dets + r")(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’-]*){1,3}?)(?=\s+\p{Ll})")

    def _addressee(self, mention: str) -> bool:
        first = mention.split()[0].lower() if mention.split() else ""
        return first in self.addressee

    def _mentions_in(self, table: EntityTable, sent: int, upto: int | None, hidden, persons_only: bool,
                     start_at: int | None = None, text: str = ""):
        """(offset, entity) of the entity mentions in sentence `sent` before `upto`, outside quoted
        text: a sentence's speaker first, then the other mentions in order, addressees (a dative)
        last."""
        a, b = table.sentences[sent]
        out = []
        for e in table.entities:
            if persons_only and e.kind != "person":
                continue
            if start_at is None and any(a <= c < b and (upto is None or c < upto) for c in e.centres):
                out.append((-1, a, e))
            for s, end in e.mentions:
                if a <= s < b and (upto is None or end <= upto) and (start_at is None or s >= start_at) \
                        and not _inside(hidden, s):
                    out.append((1 if self._oblique(text, a, s, table.verbs) else 0, s, e))
        out.sort(key=lambda x: (x[0], x[1]))
        return [(s, e) for _, s, e in out]

    def _oblique(self, text: str, sent_start: int, pos: int, verbs: frozenset[int] = frozenset()) -> bool:
        """Is the mention at `pos` in a dative or prepositional phrase ("seinem russischen
        Amtskollegen | Lawrow", "Statt | Liebich stellte Donatus Schmidt die Fragen")? The marker
        stands in the three words before it, with no verb between."""
        if not text or not self.oblique:
            return False
        clause = max([sent_start] + [text.rfind(c, sent_start, pos) + 1 for c in ",;:"])
        words = list(WORD.finditer(text, clause, pos))[-3:]
        for w in reversed(words):
            if w.start() in verbs or w.group().lower() in self.rules.verb_forms:
                return False
            if w.group().lower() in self.oblique:
                return True
        return False

    def salient(self, text: str, table: EntityTable, pos: int, gender: str | None, hidden,
                persons_only: bool = True, exclude: Entity | None = None) -> Entity | None:
        """The most salient earlier entity agreeing in gender: the nearest sentence back from
        `pos` that mentions one, and in it the first one mentioned."""
        return next((e for e in self._before(table, pos, hidden, persons_only, text)
                     if e is not exclude and not (gender and e.gender and e.gender != gender)), None)

    def _before(self, table: EntityTable, pos: int, hidden, persons_only: bool, text: str = "",
                back: int = SALIENCE_SENTENCES):
        """The entities mentioned before `pos`, most salient first: sentence by sentence back from
        `pos` (up to `back` sentences), in each in `_mentions_in`'s order."""
        s = table.sentence_of(pos) if table.entities else -1
        for k in range(s, max(-1, s - back), -1):
            for _, e in self._mentions_in(table, k, pos if k == s else None, hidden, persons_only, text=text):
                yield e

    def _after(self, table: EntityTable, pos: int, hidden, persons_only: bool):
        """The entities mentioned after `pos`, in order, up to CATAPHORA_SENTENCES sentences on."""
        s = table.sentence_of(pos) if table.entities else len(table.sentences)
        for k in range(s, min(len(table.sentences), s + CATAPHORA_SENTENCES + 1)):
            for _, e in self._mentions_in(table, k, None, hidden, persons_only, start_at=pos):
                yield e

    def by_role(self, text: str, table: EntityTable, mention: str, pos: int, hidden) -> Entity | None:
        """The entity a description stands for: the most salient one whose roles or name share the
        description's head noun."""
        found = list(WORD.finditer(mention))
        words = [m.group() for m in found]
        heads = [w for w in words if w.lower() not in self.stop and (self.rules.is_role_noun(w) or self.rules.is_body_word(w))]
        bare = self._bare_description(text, pos + len(mention), words, heads)
        # "The Democrats said", "die Grünen": a plural description is read like no singular pronoun
        plural = bool(found) and pos + found[-1].start() in table.plurals
        if not bare:
            # "der Wissenschaftsjournalist | Dirk Lorenzen": the name right after it; "Der
            # Vertreter Libyens", "the official last step Wednesday of": someone new
            end = pos + len(mention)
            return next((e for e in table.entities if e.kind != "organization" and any(
                end <= a <= end + 3 and text[end:a].strip(" \t„“\"«»") == "" for a, _ in e.mentions)), None)
        if not heads:
            # a definite noun that is no role ("der Isländer") is read like a pronoun; a document
            # ("die Studie", "der Bericht") is no one
            definite = len(words) == 2 and words[0].lower() in self.definite and words[1][:1].isupper() \
                and not self.rules.is_source_noun(words[1])
            return self.salient(text, table, pos, None, hidden) if definite and not plural else None
        head = fold(heads[-1])
        modifiers = {fold(w) for w in words if w.lower() not in self.stop and w not in heads}

        def fits(e: Entity) -> bool:
            """A role with the description's head noun and none of its modifiers left out:
            "Chinese Foreign Minister" is not "Kazakh Foreign Minister X"."""
            for r in e.roles + ([e.name] if e.kind == "organization" else []):
                rw = [fold(w) for w in WORD.findall(r)]
                if any(_compound_match(w, head) for w in rw[-1:] if e.kind == "person") or \
                        e.kind == "organization" and any(_compound_match(w, head) for w in rw):
                    if modifiers <= set(rw):
                        return True
            return False

        found = next((e for e in self._before(table, pos, hidden, False, text) if fits(e)), None) \
            or next((e for e in self._after(table, pos, hidden, False) if fits(e)), None)
        if found is None and not self.rules.is_role_noun(heads[-1]):
            # an organisation's body word points back to it however far: "Detroit police … police said"
            found = next((e for e in table.entities if e.kind != "person" and e.mentions
                          and e.mentions[0][0] < pos and fits(e)), None)
        if found is not None:
            return found
        # a definite description no role matches is read like a pronoun ("The opposition leader
        # said …" after "Starmer used …"), or, with nobody before it, as the person named next
        # ("said Chinese Foreign Minister on Monday. … Wang Yi, who …"); a role alone counts as
        # definite. A medium's description is the medium of the sentence before ("According to
        # CNA … The agency reported …").
        definite = words[0].lower() in self.definite or not self.rules.language.capitalises_nouns and len(words) > 1 \
            and all(w in heads or w[:1].isupper() for w in words)
        if not definite:
            return None
        if self.rules.is_role_noun(heads[-1]) and not plural:
            return self.salient(text, table, pos, role_gender(self.rules, heads[-1]), hidden) or next(
                self._after(table, pos, hidden, True), None)
        if self.rules.is_outlet_word(heads[-1]):  # the last medium of the sentence or the one before
            return next((e for e in self._before(table, pos, hidden, False, back=2) if e.kind != "person"), None)
        return None


def _compound_match(word: str, head: str) -> bool:
    """"wirtschaftsministerin" ends in "ministerin"; "leader" is "leader"."""
    return len(min(word, head, key=len)) >= 4 and (word.endswith(head) or head.endswith(word))


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)
