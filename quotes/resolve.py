"""Resolution: the Quote records of an article's candidates, assembled.

For each candidate (detect.py) the speaker its sentence gives: a continuation takes the speaker
of the quote it continues; a pronoun the nearest fitting earlier speaker or name; any other
mention its name as mentions.py reads it ("Wang" -> "Wang Yi"), with the role the article writes
with that name; the cue and the outlet its sentence names. Interview turns (interview.py) become
direct quotes of their speaker. Then the article's entities (entities.py) and the link of every
mention to one of them (attribute.py) settle who each speaker is.
"""

from __future__ import annotations

import regex

from .attribute import Attributor
from .cues import Candidate
from .entities import first_name_gender
from .interview import Turn, interview_turns
from .mentions import Mentions
from .names import title_case
from .parse import ParsedDoc
from .phrases import VERBAL
from .record import CueRef, Outlet, Quote, Speaker
from .rules import RuleSet

_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}\p{L}*")


def proper_nouns(doc: ParsedDoc, capitalises_nouns: bool = False) -> frozenset[str]:
    """The words the parse tagged proper nouns, outside headlines (names.title_case): there a
    verb would pass for a third name word ("Chris Christie Calls")."""
    out = set()
    for s in doc.sentences:
        ws = doc.words[s.first:s.last]
        if not title_case(ws, capitalises_nouns):
            out.update(w.text for w in ws if w.upos == "PROPN")
    return frozenset(out)


class WordsInLowerCase:
    """The words an article writes in lower case (`word in it`), found when first asked: only a
    surname completed from the raw text asks (`Mentions._full_name_in_text`), in few articles."""

    __slots__ = ("_text", "_words")

    def __init__(self, text: str):
        self._text, self._words = text, None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = set(_LOWER_WORD.findall(self._text))
        return word in self._words


class Resolver:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        sp = rules.speakers
        self.stop = set(rules.language.stopwords) | set(sp.honorifics) | set(sp.not_names)
        self.pronouns = set(sp.pronouns_singular) | set(sp.pronouns_plural)
        self.person_pronouns = set(sp.pronouns_singular) | set(sp.pronouns_possessive)
        self.mentions = Mentions(rules)
        self.attributor = Attributor(rules)

    def resolve(self, doc: ParsedDoc, cands: list[Candidate], doc_id: str, lang: str,
                publisher: str | None, quoted: list[tuple[int, int]] = ()) -> list[Quote]:
        """The Quote records of the candidates, each speaker linked to an entity of the article
        (`entities.py`, `attribute.py`); `quoted` are the article's spans of quoted text. Record ids,
        which hash the article text, are set by the pipeline (`pipeline.Extractor.extract_parsed`)."""
        turns = interview_turns(doc.text, self.rules)
        if not cands and not turns:
            return []  # no quote: no speaker to link, so no names or entity table to find
        full_names = self.mentions.document_names(doc)
        out, follows = self.mentions_to_records(doc, cands, doc_id, lang, publisher, full_names)
        if turns:
            out, follows = self._with_turns(doc.text, out, follows, turns, doc_id, lang, publisher)
            quoted = list(quoted) + [(t.start, t.end) for t in turns]
        # names of the parsed sentences count as persons when they open with a first name; the
        # speakers count as the parse typed them, when their mention writes the name
        named = [(n, "person") for n in full_names if first_name_gender(n.split()[0])]
        named += [(q.speaker.name, q.speaker.type) for q in out if q.speaker and q.speaker.name
                  and q.speaker.name.split()[-1] in q.speaker.mention]
        # roles only as written with the name: a description the sentence resolved to some
        # name ("The Labour leader said" -> the last name before it) is for attribute.py to link
        roles = {q.speaker.name: q.role for q in out if q.speaker and q.speaker.name and q.role
                 and q.speaker.via != "pronoun" and q.role != q.speaker.mention
                 and q.speaker.name.split()[-1] in q.speaker.mention}
        table = self.mentions.people.build(doc.text, named, roles,
                                          proper_nouns(doc, self.rules.language.capitalises_nouns),
                                          frozenset(w.start for w in doc.words if w.upos in VERBAL),
                                          labels=list(dict.fromkeys(t.name for t in turns)),
                                          plurals=frozenset(w.start for w in doc.words
                                                            if w.upos in ("NOUN", "PROPN") and "Number=Plur" in w.feats))
        self.attributor.link(doc.text, out, follows, table, list(quoted))
        return out

    @staticmethod
    def _with_turns(text: str, out: list[Quote], follows: list[int | None], turns: list[Turn], doc_id: str, lang: str,
                    publisher: str | None) -> tuple[list[Quote], list[int | None]]:
        """The records with one direct quote per interview turn (interview.py), in article order;
        a record inside a turn is a report inside a quote and goes."""
        inside = [any(t.start <= q.start < t.end for t in turns) for q in out]
        kept = [(q, out[f] if f is not None and not inside[f] else None) for q, f, gone in zip(out, follows, inside) if not gone]
        kept += [(Quote(id="", doc=doc_id, lang=lang, kind="direct",
                        start=t.start, end=t.end, text=text[t.start:t.end], publisher=publisher, cue=None, role=None, outlet=None,
                        speaker=Speaker(name=t.name, mention=t.name, start=t.name_start, end=t.name_end,
                                        type="person", via="colon")), None) for t in turns]
        kept.sort(key=lambda x: x[0].start)
        index = {id(q): k for k, (q, _) in enumerate(kept)}
        return [q for q, _ in kept], [index[id(p)] if p is not None else None for _, p in kept]

    def mentions_to_records(self, doc: ParsedDoc, cands: list[Candidate], doc_id: str, lang: str,
                            publisher: str | None, full_names: list[str]) -> tuple[list[Quote], list[int | None]]:
        """The records as the sentences give them (a speaker per quote's mention, its role and
        outlet), with the index of the quote each one continues; `full_names` are document_names."""
        words = doc.words
        surnames = frozenset(n.split()[-1] for n in full_names)
        lower_words = WordsInLowerCase(doc.text)
        speakers_by_cand: dict[int, Speaker | None] = {}
        roles: dict[int, str | None] = {}
        seen_names: list[tuple[int, str]] = []  # (offset, name) of earlier named persons
        out: list[Quote] = []
        name_roles: dict[str, str] = {}
        doc_roles: dict[str, str | None] = {}  # name -> Mentions.doc_role
        for cand in cands:
            cue = cand.cue
            head = cue.source if cue and cand.via is None else cand.source
            given = cue.source_words if cue and cand.via is None else cand.source_words
            via = cue.via if cue and cand.via is None else (cand.via or "subject")
            speaker, role = None, None
            if cand.follows is not None and id(cand.follows) in speakers_by_cand:
                prev = speakers_by_cand[id(cand.follows)]
                if prev is not None:
                    speaker = prev.model_copy(update={"via": via if cand.via is None else "continuation"})
                role = roles.get(id(cand.follows))
            elif head is not None:
                w = words[head]
                if w.lower in self.rules.speakers.pronouns_demonstrative and not any(
                        k.deprel == "det" or k.upos in {"NOUN", "PROPN"} for k in doc.children(head)):
                    target = self._nearest_name(doc, full_names, w.start)
                    speaker = Speaker(name=target, mention=w.text, start=w.start, end=w.end, type="person", via="pronoun")
                    role = name_roles.get(target) if target else None
                elif w.upos == "PRON" and w.lower in self.pronouns or w.lower in self.person_pronouns:
                    target = None
                    if cue and head == cue.source and cue.antecedent is not None:
                        target = self.mentions.named_mention(doc, cue.antecedent, None, surnames, full_names, lower_words)[1]
                    target = target or self._antecedent(seen_names, w.start) or self._nearest_name(doc, full_names, w.start)
                    speaker = Speaker(name=target, mention=w.text, start=w.start, end=w.end,
                                      type="person" if w.lower in self.person_pronouns else "unknown", via="pronoun")
                    role = name_roles.get(target) if target else None
                else:
                    joint = self._joint(doc, head, given, surnames, full_names, lower_words)
                    r, name = joint[0] if joint else self.mentions.named_mention(
                        doc, head, given, surnames, full_names, lower_words)
                    first = words[r.mention[0]]
                    if via == "subject" and first.upos == "ADP" and first.text.islower() \
                            and first.lower not in self.rules.cues.agent_markers and not (
                                first.i + 1 < len(words) and "PronType=Rel" in words[first.i + 1].feats):
                        # a phrase a preposition opens is no subject: "at a Bush event here to",
                        # "on Capitol Hill", "after the Sanders interview" name no one who speaks
                        # (the subject of a relative clause may follow: "in which … Donald Trump")
                        r.name, name = None, None
                    ms, me = words[r.mention[0]].start, words[r.mention[1] - 1].end
                    if joint:  # the mention is the whole coordination: "Mr. Grassley and Mr. Leahy"
                        me = words[joint[-1][0].mention[1] - 1].end
                    speaker = Speaker(name=name, mention=doc.text[ms:me], start=ms, end=me, type=r.type, via=via,
                                      joint=[n for _, n in joint[1:]] if joint else [])
                    role = r.role
            if speaker and speaker.name:
                if role:
                    name_roles.setdefault(speaker.name, role)
                else:
                    role = name_roles.get(speaker.name)
                    if not role:
                        if speaker.name not in doc_roles:  # looked up once per name: it reads the whole text
                            doc_roles[speaker.name] = self.mentions.doc_role(doc, speaker.name)
                        role = doc_roles[speaker.name]
                    if role:
                        name_roles[speaker.name] = role
                if speaker.type == "person" or speaker.via == "pronoun":
                    seen_names.append((speaker.start, speaker.name))
            speakers_by_cand[id(cand)] = speaker
            roles[id(cand)] = role
            out.append(Quote(
                id="", doc=doc_id, lang=lang, kind=cand.kind,
                text=doc.text[cand.start:cand.end], start=cand.start, end=cand.end,
                cue=self._cue(doc, cue) if cue else None, speaker=speaker, role=role,
                outlet=self._outlet(doc, cue) if cue else None, publisher=publisher,
            ))
        # a speaker's role is the fullest one the document gives: "Minister Wang" is the
        # "Chinese Foreign Minister Wang Yi" of the first paragraph
        best: dict[str, str] = {}
        for q in out:
            if q.speaker and q.speaker.name and q.role and len(q.role) > len(best.get(q.speaker.name, "")):
                best[q.speaker.name] = q.role
        for q in out:
            if q.speaker and q.speaker.name in best and (q.role is None or len(q.role.split()) == 1):
                q.role = best[q.speaker.name]
        index = {id(c): k for k, c in enumerate(cands)}
        return out, [index.get(id(c.follows)) if c.follows is not None else None for c in cands]

    def _joint(self, doc: ParsedDoc, head: int, given: tuple[int, int] | None, surnames, full_names,
               lower_words) -> list | None:
        """The speakers of a coordinated subject, in reading order ("Mr. Grassley and Mr. Leahy",
        "Donald Trump and House Speaker Paul Ryan", "Die IADB und der MIF"): (Resolved, name) for
        each, or None. The mention is split at the rule file's `joint_conjunctions` (the parse of
        names in coordination is not to be trusted), and run on past one that follows it; each part
        must name someone on its own: a first name, an honorific, role or article before a name, an
        acronym, or a surname the article gives in full ("Professors Foner and Alba"). So "the
        Science and Technology Directorate" and "Citizenship and Immigration Services" stay one body,
        "Trump and his aides" is Trump. A phrase the sources gave (`given`: after an inverted cue,
        "said Mr. Grassley and Mr. Leahy") is split the same way. A shared surname goes to the first
        names before it ("Sonia und Willy Bogner")."""
        words = doc.words
        sent = doc.sentences[words[head].sent]
        joins = self.rules.speakers.joint_conjunctions
        a, b = given or self.mentions.mention(doc, head, None)
        b = self._conjunct_end(doc, b, sent.last)
        if b is None:
            return None
        cuts = [i for i in range(a + 1, b - 1) if words[i].lower in joins]
        if not cuts:
            return None
        parts = []
        for x, y in zip([a, *[c + 1 for c in cuts]], [*cuts, b]):
            while x < y and words[x].upos in {"CCONJ", "PUNCT"}:
                x += 1  # "Neither | Cruz"
            if not self._names_on_its_own(doc, x, y, surnames):
                return None
            parts.append((x, y))
        body = lambda x, y: any(self.rules.is_organization_word(words[i].text) for i in range(x, y))  # noqa: E731
        if body(*parts[-1]) and any(not body(x, y) and not self._person_part(doc, x, y) for x, y in parts[:-1]):
            return None  # one body's name: "the Science and Technology Directorate", "States Citizenship and …"
        out = []
        for x, y in parts:
            k = max((i for i in range(x, y) if self.mentions.is_name_word(doc, words[i])), default=y - 1)
            r, name = self.mentions.named_mention(doc, k, (x, y), surnames, full_names, lower_words)
            if not name:
                return None
            out.append((r, name))
        last = out[-1][1].split()
        for k, ((x, y), (r, name)) in enumerate(zip(parts[:-1], out[:-1])):
            if y - x == 1 and len(last) >= 2 and " " not in name and first_name_gender(name) in ("m", "f"):
                out[k] = (r, f"{name} {last[-1]}")  # "Sonia und Willy Bogner": the surname is shared
        if len({name for _, name in out}) < len(out):
            return None  # one name twice is no coordination of two speakers
        return out

    def _conjunct_end(self, doc: ParsedDoc, b: int, last: int) -> int | None:
        """The end of the mention ending before word b, run on over a joint conjunction and the
        name words after it ("Mr. Grassley | and Mr. Leahy"); None where a name runs on past them
        into a phrase that cannot be delimited ("and the Department | of Health and Human …")."""
        words = doc.words
        while b + 1 < last and words[b].lower in self.rules.speakers.joint_conjunctions:
            c = b + 1
            while c < last and (self.mentions.is_name_word(doc, words[c]) or words[c].upos == "DET" and c == b + 1
                                or words[c].lower in self.rules.speakers.honorifics
                                or self.rules.is_role_noun(words[c].text, words[c].lemma)):
                c += 1
            if not any(self.mentions.is_name_word(doc, words[i]) for i in range(b + 1, c)):
                break
            if c < last and words[c].upos == "ADP" and words[c].text.islower():
                return None
            b = c
        return b

    def _person_part(self, doc: ParsedDoc, x: int, y: int) -> bool:
        """Does the part name a person: an honorific, a role noun or a known first name in it?"""
        return any(w.lower in self.rules.speakers.honorifics or self.rules.is_role_noun(w.text, w.lemma)
                   or first_name_gender(w.text) in ("m", "f") for w in doc.words[x:y])

    def _names_on_its_own(self, doc: ParsedDoc, x: int, y: int, surnames) -> bool:
        """Does words x..y name someone without the rest of the coordination (see `_joint`)?"""
        words = doc.words
        names = [i for i in range(x, y) if self.mentions.is_name_word(doc, words[i])]
        if not names:
            return False
        first = words[names[0]].text
        return self._person_part(doc, x, y) or any(words[i].upos == "DET" for i in range(x, names[0])) \
            or first.isupper() and len(first) >= 2 or first in surnames

    @staticmethod
    def _nearest_name(doc: ParsedDoc, full_names: list[str], before: int) -> str | None:
        """A pronoun with no earlier speaker takes the nearest earlier person name in the text."""
        best = None
        for n in full_names:
            pos = doc.text.rfind(n, 0, before)
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, n)
        return best[1] if best else None

    @staticmethod
    def _antecedent(seen: list[tuple[int, str]], before: int) -> str | None:
        prior = [n for off, n in seen if off < before and n]
        return prior[-1] if prior else None

    def _cue(self, doc: ParsedDoc, cue) -> CueRef:
        ws = [doc.words[i] for i in cue.words]
        a, b = min(w.start for w in ws), max(w.end for w in ws)
        if len(ws) > 1 and ws[-1].i - ws[0].i > 1 and cue.kind == "verb":
            a, b = ws[0].start, ws[0].end  # a separated particle: the finite verb is the cue's span
        return CueRef(text=doc.text[a:b], start=a, end=b, lemma=cue.lemma)

    def _outlet(self, doc: ParsedDoc, cue) -> Outlet | None:
        if cue.outlet is None:
            return None
        words = doc.words
        m = self.mentions.mention(doc, cue.outlet, None, avoid=cue.source)  # "zitierte das Ministerium | Wang"
        ws = [i for i in range(*m) if words[i].upos not in {"DET"} and words[i].lower not in self.stop]
        if not ws:
            return None
        a, b = words[ws[0]].start, words[ws[-1]].end
        name = doc.text[a:b]
        if len(ws) == 1 and not self.mentions.is_name_word(doc, words[ws[0]]):
            name = self.mentions.fullest(doc, words[ws[0]]) or name
        return Outlet(name=name, start=a, end=b)
