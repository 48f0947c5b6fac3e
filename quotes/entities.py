"""The article's entities: the persons and organisations it names, each with all its mentions.

Input: the article text, its language's rules, and names the parse already found (person names of
the parsed sentences, the speakers and organisations of the quotes). Output: an `EntityTable`.

- A **person** is a run of 2-4 capitalised words whose first word is a known first name
  (gender-guesser's lists) or a name the parse gave; its short forms ("Berg", "Frau Berg",
  "Mr. Wang") and spelling variants ("Tokajew" / "Tokayev": compared transliterated and folded,
  with rapidfuzz) are mentions of the same entity.
- An **organisation** is a name the resolver typed so, with its acronym in parentheses
  ("Deutscher Wetterdienst (DWD)") as an alias.
- **Roles** are the role-noun phrases the article writes right before a name ("Die bayerische
  Wirtschaftsministerin Anna Berg" -> "bayerische Wirtschaftsministerin") or gives by apposition
  (collected from the resolved quotes); a later "die Ministerin" is matched against them.
- **Gender** comes from the first name, an honorific or a role noun's ending (rule file).

Everything here reads the raw text, not the parse: the prefilter leaves most sentences unparsed,
and an entity is often introduced in one of those.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import orjson
import regex
from anyascii import anyascii
from rapidfuzz import fuzz

from .rules import RuleSet

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?")
CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}])(?:\p{Lu}|\p{Ll}{1,3}-\p{Lu})[\p{L}\p{M}\p{N}]*"
                            r"(?:[-'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?")
SENTENCE_BREAK = regex.compile(r"(?<=[.!?…][“”\"»«‘’']?)\s+(?=[\p{Lu}„\"“»«‚‘(])|\n\s*")
APPOSITION = regex.compile(r",[ \t]+([^,;:.!?()\n„“”\"«»]{3,90}?)[ \t]*[,;]")
NAME_BEFORE = regex.compile(r"(\p{Lu}[\p{L}'’-]+)[ \t]+$")  # a capitalised word right before a point
INITIAL = regex.compile(r"\p{Lu}\.")
ACRONYM_AFTER = regex.compile(r"\s*\((\p{Lu}[\p{Lu}\p{N}-]{1,9})\)")
APPOSITION_HEAD = 6  # an apposition's role noun stands in its first words: "the WMO's applied climate services chief"
ROLE_WORDS = 4  # a pre-modifying role: "Berlins Regierender Bürgermeister", "Shadow health secretary"
_FOLD = [("sch", "sh"), ("tsch", "ch"), ("w", "v"), ("j", "y"), ("ph", "f"), ("ck", "k"), ("ou", "u"),
         ("ie", "i"), ("ee", "i"), ("kh", "h"), ("zh", "y")]


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """gender-guesser's answer for every first name it knows (lower case -> "male", "andy", ...).

    Reading the library's data file takes about 0.6 s, a fifth of a warm-cache run over 239
    articles, so the table is kept in the default parse cache folder and read back in a few
    hundredths of a second. It is named by a digest of the library's version and its data file's
    size, so the virtualenvs of one user share one table (`quotes cache clear` removes it); a copy
    of the library without install metadata is named by its path and the file's mtime as well. A
    missing, unreadable or torn table is made again, and a folder that cannot be written only
    costs the time."""
    import gender_guesser.detector as gd

    from .cache import FIRST_NAMES_PREFIX, default_cache_dir, write_atomically

    key = hashlib.sha256(first_names_source().encode()).hexdigest()[:16]
    path = default_cache_dir() / f"{FIRST_NAMES_PREFIX}{key}.json"
    try:
        table = orjson.loads(path.read_bytes())
        if isinstance(table, dict) and table:
            return table
    except (OSError, ValueError):
        pass
    detector = gd.Detector(case_sensitive=False)
    table = {name: detector.get_gender(name) for name in detector.names}
    write_atomically(path, json.dumps(table, ensure_ascii=False).encode("utf-8"))
    return table


@lru_cache(maxsize=1)
def first_names_source() -> str:
    """Which first-name list `first_name_gender` reads: gender-guesser's version and data size (or,
    for a copy without install metadata, its path and mtime)."""
    from importlib.metadata import PackageNotFoundError, version

    import gender_guesser.detector as gd

    stat = (Path(gd.__file__).parent / "data" / "nam_dict.txt").stat()
    try:
        return f"gender-guesser {version('gender-guesser')} {stat.st_size}"
    except PackageNotFoundError:  # vendored or on PYTHONPATH: no version to go by
        return f"{gd.__file__} {stat.st_size} {stat.st_mtime_ns}"


@lru_cache(maxsize=50_000)
def first_name_gender(word: str) -> str | None:
    """"m", "f", "?" (a first name of either sex) or None (no first name we know)."""
    if len(word) < 2 or not word[:1].isupper() or word.isupper():
        return None
    g = _first_names().get(word.split("-")[0].lower())
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "?"}.get(g)


def sure_first_name_gender(word: str) -> str | None:
    """"m" or "f" for a first name gender-guesser gives only one sex ("Michelle", "John"), else
    None ("Bernie" is mostly female there, "Lee" mostly male)."""
    if len(word) < 2 or not word[:1].isupper() or word.isupper():
        return None
    return {"male": "m", "female": "f"}.get(_first_names().get(word.split("-")[0].lower()))


def contradicts(first_name: str, gender: str | None) -> bool:
    """Does a first name gender-guesser gives only one sex contradict `gender` ("m"/"f", or None:
    nothing to contradict)? "Michelle" contradicts "m"; "Bernie" (mostly female there) nothing."""
    sure = sure_first_name_gender(first_name)
    return bool(gender and sure and sure != gender)


_POSSESSIVE_END = regex.compile(r"[’']s?$")


def honorific_gender(table: dict[str, str], tokens: list[str], names: Container[str]) -> str | None:
    """The gender (`table`: honorific -> "m"/"f") an honorific right before one of `names` gives
    ("Mr. | Obama"); one before another name says nothing ("Mrs. Clinton's campaign chairman, John
    Podesta" of Podesta). A possessive ending is no part of the name ("Clinton's")."""
    return next((table[a.lower()] for a, b in zip(tokens, tokens[1:])
                 if a.lower() in table and _POSSESSIVE_END.sub("", b) in names), None)


@lru_cache(maxsize=50_000)
def fold(word: str) -> str:
    """A spelling-insensitive key: transliterated, lower case, letters only, common
    transliteration pairs folded ("Tokajew" and "Tokayev" -> "tokayev")."""
    s = "".join(c for c in anyascii(word).lower() if c.isalpha())
    for a, b in _FOLD:
        s = s.replace(a, b)
    return s


def same_word(a: str, b: str) -> bool:
    """One name word spelled two ways? Equal when folded, or close (rapidfuzz) when long."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or fa[0] != fb[0]:
        return False
    return fa == fb or min(len(fa), len(fb)) >= 5 and fuzz.ratio(fa, fb) >= 85


@dataclass(slots=True)
class Entity:
    id: str
    kind: str  # "person" | "organization"
    name: str  # the fullest name the article gives
    aliases: list[str] = field(default_factory=list)  # every other form it is written in
    roles: list[str] = field(default_factory=list)
    gender: str | None = None  # "m" | "f" | None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character spans, in order
    centres: list[int] = field(default_factory=list)  # starts of sentences whose quote it speaks
    _initials: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def surnames(self) -> list[str]:
        """The words the article may write alone for the entity: the surname, without a particle
        joined to it by a hyphen ("al-Jubeir" -> "Jubeir"), and the first of two words when it is
        no first name of one sex (a family name first: "Wang Yi" -> "Wang")."""
        words = self.name.split()
        last = words[-1]
        head, _, rest = last.partition("-")
        out = [last, rest] if rest and head.islower() else [last]
        if len(words) == 2 and first_name_gender(words[0]) in (None, "?"):
            out.append(words[0])
        return out

    def forms(self) -> list[str]:
        return [self.name] + self.aliases

    def initials(self) -> set[str]:
        """First letters of the folded words of all its forms (a quick test before same_word),
        kept until a form is added."""
        key = (self.name, len(self.aliases))
        if self._initials is None or self._initials[0] != key:
            self._initials = (key, {fold(w)[:1] for f in self.forms() for w in f.split()})
        return self._initials[1]


@dataclass(slots=True)
class EntityTable:
    entities: list[Entity]
    sentences: list[tuple[int, int]]  # character spans of the article's sentences
    proper_nouns: frozenset[str] = frozenset()  # words the parse tagged PROPN
    verbs: frozenset[int] = frozenset()  # start offsets of words the parse tagged verbs
    plurals: frozenset[int] = frozenset()  # start offsets of nouns the parse tagged plural

    def sentence_of(self, offset: int) -> int:
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid][1] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self.sentences) - 1)

    def lookup(self, name: str | None, strict: bool = False) -> Entity | None:
        """The entity a name stands for: the same full name, a short form of it (its surname or first
        words) or a spelling variant; a name that adds a stray word ("Statt Liebich") still finds it
        by its surname, unless `strict` (building the table: "Jeb Bush" is not "George W. Bush")."""
        if not name:
            return None
        toks = name.split()
        initials = {fold(t)[:1] for t in toks}
        best = None
        for e in self.entities:
            if initials.isdisjoint(e.initials()):
                continue  # no word of the name can be a spelling of one of the entity's
            for form in e.forms():
                ft = form.split()
                if len(ft) == len(toks) and all(same_word(a, b) for a, b in zip(ft, toks)):
                    return e
            et = e.name.split()
            if e.kind == "person" and (len(toks) < len(et) and (all(same_word(a, b) for a, b in zip(et[-len(toks):], toks))
                                                               or all(same_word(a, b) for a, b in zip(et, toks)))):
                best = best or e
            elif e.kind == "person" and len(toks) == 1 and any(same_word(toks[0], x) for x in e.surnames()):
                best = best or e
            elif e.kind == "person" and len(toks) > 1 and best is None and not strict and (
                    same_word(toks[-1], e.surname)
                    or same_word(toks[0], e.surname) and all(t[:1].islower() for t in toks[1:])):
                best = e  # a stray word beside the surname: "Statt Liebich", "White earlier"
        if best is None and len(toks) == 1:  # an organisation by one word of its name: "Detroit police" … "Police said"
            best = next((e for e in self.entities if e.kind == "organization" and len(e.name.split()) > 1
                         and any(fold(w) == fold(toks[0]) for w in e.name.split()[1:])), None)
        return best

    def by_id(self, eid: str) -> Entity | None:
        return next((e for e in self.entities if e.id == eid), None)


class EntityBuilder:
    """Builds the EntityTable of one article from its text and the names the parse found."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        sp = rules.speakers
        self.stop = set(rules.language.stopwords) | set(sp.not_names)
        self.honorifics = set(sp.honorifics)
        self.particles = set(sp.name_particles)
        self.honorific_gender = {k.lower(): v for k, v in sp.honorific_gender.items()}
        self.abbreviations = frozenset(h for h in sp.honorifics if h.endswith("."))
        self._name_words: dict[str, bool] = {}  # _name_word's answers: the same words recur

    def _name_word(self, w: str) -> bool:
        known = self._name_words.get(w)
        if known is None:
            if len(self._name_words) > 200_000:  # bounded, whatever the run's vocabulary
                self._name_words.clear()
            known = self._name_words[w] = self._is_name_word(w)
        return known

    def _is_name_word(self, w: str) -> bool:
        head, _, rest = w.partition("-")
        if rest and head in self.particles:  # "al-Jubeir"
            w = rest
        low = w.lower().rstrip(".")
        return w[:1].isupper() and not w.isupper() and low not in self.stop and low not in self.honorifics \
            and low + "." not in self.honorifics \
            and not self.rules.is_role_noun(w) and not self.rules.is_organization_word(w) and len(w) > 1 \
            and not w.endswith(".")

    @staticmethod
    def _middle(word: str) -> bool:
        """A first name or an initial, after which a name goes on ("Hans Joachim | Schellnhuber")."""
        return len(word) == 2 and word[1] == "." or first_name_gender(word) is not None

    def _joins(self, gap: str) -> bool:
        """Does the text between two capitalised words keep them in one name: a space, or a
        particle between spaces ("Heike van Laak")?"""
        return gap == " " or len(gap) > 2 and gap[0] == gap[-1] == " " and gap[1:-1] in self.particles

    def person_names(self, text: str, proper_nouns: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
        """Runs "First [Middle] Surname" whose first word is a known first name; a word after the
        second follows a middle name or initial and is a first name or was tagged a proper noun."""
        words = article_words(text)
        out = []
        i = 0
        while i < len(words):
            s, e, w = words[i]
            if first_name_gender(w) is None or not self._name_word(w) or w.lower() in self.particles \
                    or w not in proper_nouns and self._sentence_start(text, s, lines=True) and _written_lower(text, w):
                i += 1  # not "Andere Möglichkeiten schloss …": gender-guesser knows "Andere" as a first
                continue  # name; a sentence's first word the article writes in lower case too is that word
            j = i + 1
            while j < len(words) and j - i < 4 and self._joins(text[words[j - 1][1]:words[j][0]]) and (
                    len(words[j][2]) == 2 and words[j][2][1] == "." or self._name_word(words[j][2]) and (
                        j == i + 1 or self._middle(words[j - 1][2]) and (
                            first_name_gender(words[j][2]) or words[j][2] in proper_nouns))):
                j += 1  # a third word only after a middle name: not "Elizabeth Warren | Hammers", "Ted Cruz | South"
            while j > i + 1 and not self._name_word(words[j - 1][2]):
                j -= 1
            if j > i + 1 and (org := self._organization_after(text, words, j, proper_nouns)) is not None:
                i = org  # "the Urban-Brookings Tax Policy Center": the first name opens a body's name
                continue
            if j > i + 1:
                out.append((s, words[j - 1][1], text[s:words[j - 1][1]]))
                i = j
            else:
                i += 1
        return out

    def _organization_after(self, text: str, words: list[tuple[int, int, str]], j: int,
                            proper_nouns: frozenset[str] = frozenset()) -> int | None:
        """Does the run of capitalised words from word j on, in one name with the words before it,
        end in an organisation word within four words ("… Tax | Policy Center", "… Gates |
        Foundation")? The index after that word, else None. In a language that capitalises its
        nouns the words must be ones the parse tagged proper nouns: "Olaf Scholz | Regierung und
        Opposition" is a name and an object."""
        for k in range(j, min(len(words), j + 4)):
            if not self._joins(text[words[k - 1][1]:words[k][0]]):
                return None
            if self.rules.language.capitalises_nouns and words[k][2] not in proper_nouns:
                return None
            if self.rules.is_organization_word(words[k][2]):
                return k + 1
        return None

    def build(self, text: str, named: list[tuple[str, str]], roles: dict[str, str],
              proper_nouns: frozenset[str] = frozenset(), verbs: frozenset[int] = frozenset(),
              labels: list[str] = (), plurals: frozenset[int] = frozenset()) -> EntityTable:
        """The entities of the article: persons found by their first names in the text, the names
        the article prints as speaker labels (`labels`: interview turns, persons whatever they look
        like), then the names the parse found (`named`: name and kind: person, organization or
        unknown), each with its mentions, gender and roles (`roles`: role by name, from the
        resolved quotes). `proper_nouns` are the words and `verbs` the start offsets of words the
        parse tagged so, `plurals` the start offsets of nouns it tagged plural."""
        sentences = sentence_spans(text, self.abbreviations)
        entities: list[Entity] = []
        table = EntityTable(entities, sentences, proper_nouns, verbs, plurals)

        def add(name: str, kind: str) -> Entity:
            e = table.lookup(name, strict=True)
            if e is not None and (e.kind == kind or "unknown" in (e.kind, kind)):  # the parse may not know the kind
                if e.kind == "unknown":
                    e.kind = kind
                if len(name.split()) > len(e.name.split()):
                    e.aliases.append(e.name)
                    e.name = name
                elif name != e.name and name not in e.aliases:
                    e.aliases.append(name)
                return e
            e = Entity(id=f"e{len(entities) + 1}", kind=kind, name=name)
            entities.append(e)
            return e

        for _, _, n in self.person_names(text, proper_nouns):
            add(n, "person")
        for n in labels:
            add(n, "person")
        for n, kind in named:
            if " " not in n and self.rules.is_role_noun(n):
                continue  # "der Isländer", "the coach": a description of someone, never a name
            if kind == "organization":
                if table.lookup(n) is None:
                    add(n, kind)
                continue
            toks = n.split()
            # the parse runs a name into the words before it: "Dortmund Torwart Roman Weidenfeller"
            first = next((k for k, t in enumerate(toks[:-1]) if first_name_gender(t)), 0)
            toks = toks[first:]
            if len(toks) <= 4 and (self._name_word(toks[-1]) or toks[-1].isupper() and len(toks[-1]) > 1) and plausible_name(
                    text, " ".join(toks), proper_nouns, self.rules.language.capitalises_nouns):
                add(" ".join(toks), "person" if kind == "person" or first_name_gender(toks[0]) else "unknown")
        for e in entities:
            self._find_mentions(text, e)
            if len(e.name.split()) == 1 and e.kind != "organization":
                self._complete(text, e, proper_nouns)
        name_words = {w for e in entities for n in e.forms() for w in n.split()}
        for e in entities:
            self._gender_and_roles(text, e, name_words, verbs)
        for e in entities:  # every form the article writes it in
            for a, b in e.mentions:
                form = text[a:b]
                if form != e.name and form not in e.aliases:
                    e.aliases.append(form)
        for name, role in roles.items():
            e = table.lookup(name)
            if e is not None and role not in e.roles:
                e.roles.append(role)
        return table

    def _find_mentions(self, text: str, e: Entity) -> None:
        """Every place the article writes the entity: its full name, aliases, surname (any spelling),
        and an acronym in parentheses right after it (which becomes an alias)."""
        spans: set[tuple[int, int]] = set()
        surnames = e.surnames() if e.kind != "organization" else []
        index = word_index(text)
        for sn in surnames:
            key = fold(sn)
            for w in capitalised_by_initial(text).get(key[:1], ()):
                if any(same_word(x, sn) for x in [w] + self._genitives(w)):
                    spans.update((a, a + len(w)) for a in index[w])
        longer: list[tuple[int, int]] = []
        for form in sorted(e.forms(), key=len, reverse=True):  # "Aiwanger" inside "Hubert Aiwanger" is no mention of its own
            for a, b in occurrences(text, form):
                if any(x <= a and b <= y for x, y in longer):
                    continue
                longer.append((a, b))
                spans = {s for s in spans if not (a <= s[0] < b)}
                spans.add((a, b))
                acro = ACRONYM_AFTER.match(text, b, b + 14)
                if acro and e.kind == "organization" and acro.group(1) not in e.aliases:  # a person's is the party
                    e.aliases.append(acro.group(1))
        e.mentions = sorted(spans)

    def _complete(self, text: str, e: Entity, proper_nouns: frozenset[str]) -> None:
        """A one-word name the article also writes with a first name before it ("Präsident
        Kassym-Jomart Tokajew … Tokayev sagte"): the first name is a known one, hyphenated
        ("Kassym-Jomart") or tagged a proper noun, and no role or stopword."""
        for s, end in e.mentions:
            m = NAME_BEFORE.search(text[max(0, s - 40):s])
            if not m:
                continue
            first = m.group(1)
            if self._name_word(first) and (first_name_gender(first) or "-" in first or first in proper_nouns) \
                    and not self._sentence_start(text, s - len(m.group(0))):
                full = f"{first} {text[s:end]}"
                e.aliases.append(e.name)
                e.name, e.kind = full, "person"
                e.mentions.append((s - len(m.group(0)), end))
                e.mentions.sort()
                return

    @staticmethod
    def _sentence_start(text: str, pos: int, lines: bool = False) -> bool:
        """Does the word at pos open the text or a sentence (after a full stop, a colon or a
        quotation mark), or with `lines` a line too? Looks at the 200 characters before it first,
        the whole text before it only when those are all blank."""
        strip = " \t" if lines else None
        before = text[max(0, pos - 200):pos].rstrip(strip)
        if not before and pos > 200:
            before = text[:pos].rstrip(strip)
        return not before or before[-1] in ".!?:\n\"„“”»«"

    def _genitives(self, w: str) -> list[str]:
        return genitive_stems(w, self.rules.speakers.genitive_endings)

    def _gender_and_roles(self, text: str, e: Entity, name_words: set[str], verbs: frozenset[int]) -> None:
        """The entity's gender, and the roles written right before its mentions (up to ROLE_WORDS
        words back from a role noun, not across another name)."""
        if e.kind == "person":
            g = first_name_gender(e.name.split()[0])
            e.gender = g if g in ("m", "f") else None
        for s, end in e.mentions:
            self._apposition(text, e, end, verbs)
            if in_genitive(text[s:end], e, self.rules.speakers.genitive_endings):
                continue  # the genitive names whose the role is: "Der behandelnde Arzt | Lahms" is not Lahm
            base = max(0, s - 120)
            before = text[base:s]
            words = [m for m in WORD.finditer(before)]
            k = len(words)
            # the honorific or role words that stand right before the name, in the same clause
            while k > 0 and before[words[k - 1].end():].strip() == "" and words[k - 1].group().lower().rstrip(".") in self.honorifics:
                hon = words[k - 1].group().lower().rstrip(".")
                if e.gender is None and hon in self.honorific_gender:
                    e.gender = self.honorific_gender[hon]
                before = before[:words[k - 1].start()]
                k -= 1
            if k == 0 or before[words[k - 1].end():].strip() != "" or words[k - 1].group().endswith("."):
                continue  # a role noun with a full stop ends the sentence before: "…, the beauty pageant winner. | Trump
            end = k  # the role ends right before the name
            if not self.rules.is_role_noun(words[k - 1].group()):
                k = self._role_before_genitive(before, words, k)
                if k is None:
                    continue
            a = k - 1
            while a > 0 and k - a < ROLE_WORDS and before[words[a - 1].end():words[a].start()] == " " and \
                    words[a - 1].group().lower() not in self.stop and not words[a - 1].group()[:1].isdigit() \
                    and bare_word(words[a - 1].group()) not in name_words \
                    and words[a - 1].group().lower() not in self.rules.verb_forms \
                    and not words[a - 1].group().endswith(".") and (base + words[a - 1].start()) not in verbs:
                a -= 1  # not across a sentence's end or a verb: "… ausgelöst hatte. | Greenpeace-Atomexperte"
            role = before[words[a].start():words[end - 1].end()]
            if role not in e.roles:
                e.roles.append(role)
            if e.gender is None and e.kind == "person":
                e.gender = role_gender(self.rules, words[k - 1].group())

    def _role_before_genitive(self, before: str, words: list, k: int) -> int | None:
        """"der Leiter der Berliner Filmfestspiele | Dieter Kosslick": the role noun before a genitive
        phrase (a genitive article, then up to three words, none ending a sentence) that runs up to
        the name. Returns the index after the role noun, or None."""
        genitive = set(self.rules.cues.genitive_articles)
        for g in range(k - 2, max(0, k - 5) - 1, -1):
            if words[g].group().lower() in genitive and g > 0 and self.rules.is_role_noun(words[g - 1].group()) \
                    and all(before[words[x].end():words[x + 1].start()] == " " and not words[x].group().endswith(".")
                            for x in range(g - 1, k - 1)) \
                    and not any(words[x].group().lower() in self.stop for x in range(g + 1, k)):
                return g
        return None


    def _apposition(self, text: str, e: Entity, end: int, verbs: frozenset[int] = frozenset()) -> None:
        """A role set off by a comma after the name: "Dieter Kosslick, Leiter der Berliner
        Filmfestspiele, …", "Li Mingjiang, associate professor at …" (a role noun among its first
        APPOSITION_HEAD words; an article before it is dropped). A phrase opened by a word the
        parse tagged a verb (`verbs`: start offsets) is a clause, no role ("Clinton, speaking to
        the US Conference of Mayors, said"), unless a role noun follows it ("managing director")."""
        m = APPOSITION.match(text, end)
        if m is None:
            return
        words = m.group(1).split()
        if m.start(1) in verbs and not (len(words) > 1 and self.rules.is_role_noun(words[1])):
            return
        while words and words[0].lower() in self.stop and not self.rules.is_role_noun(words[0]):
            words.pop(0)
        if words and any(self.rules.is_role_noun(w) for w in words[:APPOSITION_HEAD]) and words[-1].lower() not in self.stop \
                and not any(w.lower() in self.rules.verb_forms for w in words):  # not "…, der auch Staatsrat ist,"
            role = " ".join(words).rstrip(".")
            if role not in e.roles:
                e.roles.append(role)


def role_gender(rules: RuleSet, noun: str) -> str | None:
    """The gender a role noun's ending gives ("Ministerin" -> f, "spokeswoman" -> f), if any."""
    low = noun.lower()
    if any(low.endswith(x) for x in rules.speakers.feminine_role_endings):
        return "f"
    if any(low.endswith(x) for x in rules.speakers.masculine_role_endings):
        return "m"
    return None


def _written_lower(text: str, word: str) -> bool:
    """Does the text write the word in lower case, alone or with an ending of up to two letters
    ("anderen" for "Andere")?"""
    return regex.search(r"(?<!\w)" + regex.escape(word.lower()) + r"\p{Ll}{0,2}(?!\w)", text) is not None


_ABBREVIATION = regex.compile(r"(?:^|(?<=[\s(]))\p{Lu}\p{Ll}{0,3}\.$")  # "Mr.", "Gov.", "Dr."


def plausible_name(text: str, name: str, proper_nouns: frozenset[str] = frozenset(),
                   capitalises_nouns: bool = False) -> bool:
    """A name no entity holds is still a name when it has several words, digits or capitals
    inside, is a first name, or the article writes it inside a sentence. A word that only opens
    sentences is not one when a comma always follows it ("Meanwhile, …", "Übrigens, …"), nor,
    in a language that does not capitalise its nouns, unless the parse tagged it a proper noun."""
    if len(name.split()) > 1 or any(c.isdigit() for c in name) or sum(c.isupper() for c in name) > 1 \
            or first_name_gender(name):
        return True
    comma_always = True
    for a in word_index(text).get(name, ()):
        k = a
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k > 0 and (text[k - 1] not in ".!?:\n\"„“”»«‘’'(" or _ABBREVIATION.search(text, max(0, k - 8), k)):
            return True  # (the period of an honorific is no sentence end: "Mr. Daniloff, now 81, …")
        comma_always = comma_always and text[a + len(name):a + len(name) + 1] == ","
    if comma_always:
        return False
    return capitalises_nouns or name in proper_nouns


@lru_cache(maxsize=8)
def article_words(text: str) -> list[tuple[int, int, str]]:
    """The article's capitalised words in order (names are among them), as (start, end,
    `bare_word`); computed once per article."""
    out = []
    for m in CAPITALISED.finditer(text):
        a, w = m.start(), bare_word(m.group())
        out.append((a, a + len(w), w))
    return out


@lru_cache(maxsize=8)
def word_index(text: str) -> dict[str, list[int]]:
    """Where the article writes each capitalised word: word -> start offsets."""
    out: dict[str, list[int]] = {}
    for a, _, w in article_words(text):
        out.setdefault(w, []).append(a)
    return out


@lru_cache(maxsize=8)
def capitalised_by_initial(text: str) -> dict[str, list[str]]:
    """The article's distinct capitalised words by the first letter of their folded form."""
    out: dict[str, list[str]] = {}
    for w in word_index(text):
        if w[:1].isupper():
            out.setdefault(fold(w)[:1], []).append(w)
    return out


@lru_cache(maxsize=50_000)
def bare_word(word: str) -> str:
    """A word without a sentence's full stop or a possessive: "Stoltenberg." / "Glocer’s" -> the name."""
    word = word.rstrip(".") if len(word) > 2 or not word[:1].isupper() else word
    for tail in ("'s", "’s"):
        if word.endswith(tail):
            return word[:-2]
    return word


def genitive_stems(word: str, endings: list[str]) -> list[str]:
    """The word without each genitive ending it has ("Lahms" -> "Lahm"), for words long enough."""
    return [word[:-len(g)] for g in endings if word.endswith(g) and len(word) > len(g) + 3]


def in_genitive(written: str, e: Entity, endings: list[str]) -> bool:
    """Is `written` a person's surname with a genitive ending ("Lahms", "Strauss-Kahns" for
    Dominique Strauss-Kahn): the one a role belongs to, not the one who has it?"""
    if e.kind == "organization":
        return False
    surnames = {fold(x) for x in e.surnames()}
    return fold(written) not in surnames and any(fold(stem) in surnames for stem in genitive_stems(written, endings))


def occurrences(text: str, form: str):
    """(start, end) of every place `form` stands in the text as whole words."""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if not (at > 0 and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            yield at, end
        at = text.find(form, at + 1)


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Character spans of sentences: breaks after end punctuation before a capital, and at newlines;
    not after an initial ("S. Rajaratnam") or an abbreviation ("Dr.")."""
    out, start = [], 0
    for m in SENTENCE_BREAK.finditer(text):
        gap = m.group()  # white space, always
        if "\n" not in gap:
            last = text[max(start, m.start() - 12):m.start()].split()[-1:] or [""]
            if INITIAL.fullmatch(last[0]) or last[0].lower() in abbreviations:
                continue
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]
