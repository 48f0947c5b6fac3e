"""Rule files: `rules/<lang>.toml`, validated by pydantic on load.

A rule file is data only (quotation marks, speech verbs, prepositional attributions, role nouns,
outlet words, patterns). Adding a language means adding a file; nothing in the code names a word
of any language.
"""

from __future__ import annotations

import os
import tomllib
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import RuleFileError

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
REGEX_TIMEOUT = 0.5  # seconds; a pattern that backtracks longer than this is rejected


def _lower_unique(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        w = w.strip().lower()
        if not w:
            raise ValueError("empty word in list")
        if w not in out:
            out.append(w)
    return out


def _patterns_with(group: str):
    """A validator for a list of patterns that must each compile and hold a (?P<group>...) group."""
    def check(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            if f"(?P<{group}>" not in p:
                raise ValueError(f"pattern {p!r} has no (?P<{group}>...) group")
            _compile(p)
        return patterns
    return classmethod(check)


def _compile(pattern: str) -> regex.Pattern:
    try:
        compiled = regex.compile(pattern)
    except regex.error as exc:
        raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
    # A pattern that backtracks catastrophically is caught here, before any article is read.
    probe = ("a" * 40 + ", " + "Ab " * 20 + "x!") * 3
    try:
        compiled.search(probe, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        raise ValueError(f"pattern {pattern!r} backtracks catastrophically") from None
    return compiled


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LanguageInfo(Strict):
    code: str = Field(pattern=r"^[a-z]{2,3}$")
    name: str
    stopwords: list[str] = Field(min_length=10)
    # Whether the language writes every noun capitalised (German): then a word capitalised only
    # where sentences open may still be a name; elsewhere it is not one ("Meanwhile").
    capitalises_nouns: bool = False

    _norm = field_validator("stopwords")(_lower_unique)


class QuoteMarks(Strict):
    pairs: list[tuple[str, str]] = Field(min_length=1)
    # mixed pairs ("“…," Trump said"): they close an opener like `pairs` (the nearest closer wins),
    # but not at a closer that ends a quotation opened inside the span
    mixed_pairs: list[tuple[str, str]] = []
    min_words_without_cue: int = Field(default=4, ge=1)
    strip_prefixes: list[str] = []  # patterns removed from the start of a quote (datelines)
    # A speaker label opening a quoted span ("WALLACE: …" in a transcript), matched at the span's
    # first character: group `name` speaks the rest of the span.
    speaker_labels: list[str] = []

    @field_validator("strip_prefixes", "speaker_labels")
    @classmethod
    def _patterns(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            _compile(p)
        return patterns

    @field_validator("pairs", "mixed_pairs")
    @classmethod
    def _marks(cls, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for o, c in pairs:
            if not o or not c or len(o) > 2 or len(c) > 2:
                raise ValueError(f"quotation mark pair {[o, c]!r}: each mark must be 1 or 2 characters")
        return pairs


class Preposition(Strict):
    words: list[str] = Field(min_length=1)
    # before: "laut X, …"; after: "X zufolge"; comma_before: "…, so X"; sentence_start: the words
    # open a sentence and name no source, what follows is reported ("Demnach steht …");
    # possessive: a third-person possessive right before names the source ("ihrer Meinung nach");
    # relative: the words open a relative clause after a comma, which reports what the noun phrase
    # before the comma says, when its noun ends in one of `antecedents` ("Berichte, wonach …").
    position: Literal["before", "after", "comma_before", "sentence_start", "possessive", "relative"]
    # When given, the words count only before a noun ending in one of these, with at most
    # `max_between` determiners, possessives, numbers or adjectives between: "nach ersten
    # Polizeiangaben", "nach Ansicht", "nach einem Bericht der BBC".
    nouns: list[str] = []
    max_between: int = Field(default=3, ge=0)
    antecedents: list[str] = []

    _norm = field_validator("words", "nouns", "antecedents")(_lower_unique)

    def noun_at(self, lows: list[str], k: int) -> int | None:
        """Index of the noun that completes the phrase whose words end before k, else None."""
        for j in range(k, min(len(lows), k + self.max_between + 1)):
            if lows[j].endswith(tuple(self.nouns)):
                return j
        return None


class Cues(Strict):
    verbs: list[str] = Field(min_length=1)
    forms: list[str] = []
    separable: list[tuple[str, str]] = []
    quoting_verbs: list[str] = []
    # Verbs whose infinitive complement is what was said ("promised | to take bold action", "urged
    # the judge | to give me a fair sentence"), with the words that mark that infinitive ("to").
    infinitive_verbs: list[str] = []
    infinitive_markers: list[str] = []
    # Verbs whose object is the hearer ("told reporters the plan …"): of any other cue, an object the
    # parser put right before the clausal complement is that clause's first words ("said a journalist
    # on board | the flight had alerted them").
    addressee_verbs: list[str] = []
    # Verbs that report a clause, never a thing ("said smugglers dig tunnels …"): a noun object the
    # parser gave one, with more words after it, is the misread clause ("dig" tagged a noun).
    clause_verbs: list[str] = []
    complementizers: list[str] = []
    frame_subordinators: list[str] = []
    agent_markers: list[str] = []
    impersonal_subjects: list[str] = []
    impersonal_verbs: list[str] = []
    # With an impersonal subject, who speaks: the owner of the document named after one of
    # `impersonal_document_prepositions` ("In einer Erklärung des Präsidenten X heißt es"), the body
    # named after one of `impersonal_body_prepositions` ("Bei der Agentur RIA hieß es").
    impersonal_document_prepositions: list[str] = []
    impersonal_body_prepositions: list[str] = []
    negations: list[str] = []
    # Words opening a medium's phrase before the verb that make it the addressee, not the speaker,
    # when a name follows the verb ("Der Zeitung sagte Filep Karma", "Gegenüber der Agentur sagte
    # X"): dative articles and prepositions of languages with free word order.
    addressee_markers: list[str] = []
    # Pronouns that, before the verb, are its object when a noun phrase follows it ("Das sagte der
    # Minister", "Dies bestätigte X"): the phrase after the verb speaks.
    fronted_objects: list[str] = []
    # Main clauses put one phrase before the finite verb and the subject may follow it (German):
    # an opening word the tagger took for a subject gives way to a name after the verb.
    verb_second: bool = False
    # Articles that can open a genitive: after a source's noun, any other article opens a new noun
    # phrase, the clause going on ("nach Einschätzung von Marktbeobachtern | einen Tiefschlag").
    # Empty: no such test (languages that mark the genitive with a preposition).
    genitive_articles: list[str] = []
    prepositions: list[Preposition] = []
    # Naming verbs ("nannte die Regel „fahrlässig“", "called the plan “a disaster”") are cues only
    # when a quotation opens in their clause; the quote is the quoted words alone (`quote`) or the
    # object with them (`object`), as the language's annotation convention has it.
    naming_verbs: list[str] = []
    naming_span: Literal["quote", "object"] = "quote"
    # Infinitive endings stripped from a verb lemma to get the stem the prefilter looks for in
    # surface words before any parse ("erklären" -> "erklär" finds "erklärte", "erklärt").
    stem_endings: list[str] = []
    # Forms of irregular verbs whose stem is not the lemma's ("gesprochen", "verwies"): the prefilter
    # needs them to find those verbs; detection goes by the parser's lemma and ignores them.
    irregular_forms: list[str] = []
    # Endings a regular verb's finite forms put after that stem ("befürcht|e", "betont|en"): a verb
    # the lemmatizer gives a wrong lemma ("betone" -> "beton") is still a speech verb by its form.
    finite_endings: list[str] = []

    _norm = field_validator(
        "verbs", "forms", "irregular_forms", "stem_endings", "finite_endings", "infinitive_verbs", "infinitive_markers", "addressee_verbs", "clause_verbs", "naming_verbs", "quoting_verbs", "complementizers", "frame_subordinators",
        "agent_markers", "impersonal_subjects", "impersonal_verbs", "negations",
        "impersonal_document_prepositions", "impersonal_body_prepositions", "addressee_markers", "fronted_objects",
        "genitive_articles",
    )(_lower_unique)

    @field_validator("separable")
    @classmethod
    def _sep(cls, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(b.strip().lower(), p.strip().lower()) for b, p in pairs]


class Konjunktiv(Strict):
    """Verb moods that mark reported speech by themselves (German Konjunktiv I: "China sei bereit")."""

    # Finite forms that report on their own: a main clause built on one is an indirect quote.
    forms: list[str] = []
    # Konjunktiv I of any verb, from its lemma: [lemma ending, form ending] ("gehören" -> "gehöre",
    # "propagieren" -> "propagiere"); the first person singular looks the same in the indicative,
    # so a subject from `first_person` cancels it ("ich gehöre").
    lemma_endings: list[tuple[str, str]] = []
    first_person: list[str] = []
    # Finite forms that only continue a report made just before (Konjunktiv II: "würde", "hätte").
    continuation_forms: list[str] = []
    # Modal verbs that report when they govern a perfect infinitive ("Er soll geschossen haben",
    # "Die Häuser sollen zerstört worden sein"); `perfect_auxiliaries` are that infinitive's verbs.
    reportative_modals: list[str] = []
    perfect_auxiliaries: list[str] = []

    _norm = field_validator("forms", "continuation_forms", "reportative_modals", "perfect_auxiliaries",
                            "first_person")(_lower_unique)


class Speakers(Strict):
    honorifics: list[str] = []
    role_nouns: list[str] = []
    organization_words: list[str] = []
    outlet_words: list[str] = []
    pronouns_singular: list[str] = []
    pronouns_plural: list[str] = []
    # Demonstratives that stand for the person last named in the text, not the last speaker
    # ("In einem Interview mit dem Anwalt – Rainer Wittner – sagte dieser, …").
    pronouns_demonstrative: list[str] = []
    # Possessives that name an earlier person as a source ("Seiner Ansicht nach …").
    pronouns_possessive: list[str] = []
    role_patterns: list[str] = []
    # Words that open a relative clause, also where the tagger calls them articles ("Mr. Holm,
    # whose finish was a setback, said": the clause sets off the subject from its verb).
    relative_pronouns: list[str] = []
    person_relative_pronouns: list[str] = []  # "who": its antecedent is a person, never a place
    # Capitalised words that are never a speaker's name (weekdays, months: "Trump said Friday").
    not_names: list[str] = []
    # Conjunctions that join speakers who say the words together ("Mr. Grassley and Mr. Leahy said").
    joint_conjunctions: list[str] = []
    # Endings of a name in the genitive, dropped to link it to the full name ("Strauss-Kahns" ->
    # "Dominique Strauss-Kahn"); English writes a separate "'s" and needs none.
    genitive_endings: list[str] = []
    # Lower-case words inside a name, between two name words ("Heike van Laak", "Luiz da Silva").
    name_particles: list[str] = []
    # Gender of pronouns and honorifics ("m" / "f"), for agreement with an entity ("sie" -> f).
    pronoun_gender: dict[str, str] = {}
    honorific_gender: dict[str, str] = {}
    # Endings of a role noun that give its gender ("Ministerin" -> f); checked before masculine.
    feminine_role_endings: list[str] = []
    masculine_role_endings: list[str] = []
    # Determiners and possessives that mark a noun phrase as the addressee (dative), never the
    # speaker of its own sentence ("teilte seinem Amtskollegen Lawrow mit", "sagte dem Sender").
    addressee_determiners: list[str] = []
    # Prepositions whose noun phrase is no subject: a person named after one is less salient for
    # a later pronoun than the sentence's subject ("Statt Liebich stellte Schmidt die Fragen. Er …").
    oblique_prepositions: list[str] = []
    # Definite determiners: a description opened by one ("die Ministerin", "the coach") stands for
    # an entity the article has named.
    definite_determiners: list[str] = []
    indefinite_determiners: list[str] = []
    # Words that make a prepositional cue the clause subject's own words ("X war nach eigenen
    # Angaben überwältigt": X is the source).
    reflexive_possessives: list[str] = []
    # Words for a document or statement, which names no speaker itself: the phrase after it does
    # ("a report from Bloomberg New Energy Finance") or its possessor ("the GOP's complaint"), as
    # for the nouns of a prepositional cue ("nach Angaben der Polizei"); with the prepositions that
    # name the source after one (`source_prepositions`).
    source_nouns: list[str] = []
    source_prepositions: list[str] = []
    # Nouns for a time, which the parser makes a subject ("At a rally Monday morning, X said"): never
    # a speaker; a name it was given in apposition or coordination is the subject.
    time_nouns: list[str] = []

    _norm = field_validator(
        "honorifics", "role_nouns", "organization_words", "outlet_words",
        "pronouns_singular", "pronouns_plural", "pronouns_demonstrative", "pronouns_possessive", "not_names", "genitive_endings", "name_particles",
        "feminine_role_endings", "masculine_role_endings", "addressee_determiners", "definite_determiners", "indefinite_determiners", "oblique_prepositions",
        "reflexive_possessives", "relative_pronouns", "person_relative_pronouns", "source_nouns", "source_prepositions", "time_nouns",
    )(_lower_unique)

    @field_validator("pronoun_gender", "honorific_gender")
    @classmethod
    def _genders(cls, table: dict[str, str]) -> dict[str, str]:
        bad = [k for k, v in table.items() if v not in ("m", "f")]
        if bad:
            raise ValueError(f"genders must be 'm' or 'f' (not for {bad})")
        return {k.lower(): v for k, v in table.items()}

    _patterns = field_validator("role_patterns")(_patterns_with("role"))


class Outlets(Strict):
    # Words right before a medium that carries someone else's words ("sagte er der Zeitung",
    # "told The Washington Post"): the medium is the outlet (outlets.py).
    markers: list[str] = []
    # Outlet words that mean the press in general, not one medium ("vor der Presse").
    generic: list[str] = []

    _norm = field_validator("markers", "generic")(_lower_unique)


class Interview(Strict):
    # A label opening an interview answer, with a (?P<name>...) group ("Willi: …"); a label
    # counts when it opens at least `min_turns` paragraphs (interview.py).
    labels: list[str] = []
    min_turns: int = 2
    # Labels that mark the interviewer's question, not a person ("Frage: …", "Q: …").
    question_labels: list[str] = []
    # Lines that name the interviewer, with a (?P<name>...) group ("Das Interview führte …").
    interviewer: list[str] = []

    _norm = field_validator("question_labels")(_lower_unique)

    _patterns = field_validator("labels", "interviewer")(_patterns_with("name"))


class Publisher(Strict):
    patterns: list[str] = []

    _patterns = field_validator("patterns")(_patterns_with("name"))


class RuleSet(Strict):
    """One language's rules, as read from its TOML file."""

    language: LanguageInfo
    quotes: QuoteMarks
    cues: Cues
    konjunktiv: Konjunktiv = Konjunktiv()
    speakers: Speakers = Speakers()
    outlets: Outlets = Outlets()
    interview: Interview = Interview()
    publisher: Publisher = Publisher()

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    @property
    def code(self) -> str:
        return self.language.code

    @cached_property
    def verb_lemmas(self) -> frozenset[str]:
        return frozenset(self.cues.verbs)

    @cached_property
    def verb_forms(self) -> frozenset[str]:
        return frozenset(self.cues.forms)

    @cached_property
    def _verbs_by_stem(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for v in self.cues.verbs:
            for e in self.cues.stem_endings:
                if v.endswith(e) and len(v) - len(e) >= 3:
                    out.setdefault(v[:-len(e)], v)
                    break
        return out

    def regular_verb_lemma(self, form: str) -> str | None:
        """The speech verb a lower-cased word is a regular finite form of (`cues.finite_endings` after
        a verb's stem: "befürchte" -> "befürchten"), or None."""
        stems = self._verbs_by_stem
        for e in self.cues.finite_endings:
            if form.endswith(e) and (lemma := stems.get(form[:-len(e)])):
                return lemma
        return None

    @cached_property
    def stopword_set(self) -> frozenset[str]:
        return frozenset(self.language.stopwords)

    @cached_property
    def body_word_set(self) -> frozenset[str]:
        """Words for organizations and media, lower case ("post", "ministry"), as whole words: a
        headline's speaker is no such word (headline.py); unlike `is_body_word` no word ending in
        one counts, as surnames do ("Harcourt", "Moorhouse")."""
        return frozenset(w.lower() for w in self.speakers.organization_words + self.speakers.outlet_words)

    @cached_property
    def separable_bases(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for base, particle in self.cues.separable:
            out.setdefault(base, set()).add(particle)
        return out

    @cached_property
    def strip_regexes(self) -> list[regex.Pattern]:
        return [regex.compile(p) for p in self.quotes.strip_prefixes]

    @cached_property
    def label_regexes(self) -> list[regex.Pattern]:
        return [regex.compile(p) for p in self.quotes.speaker_labels]

    @cached_property
    def role_regexes(self) -> list[regex.Pattern]:
        return [regex.compile(p) for p in self.speakers.role_patterns]

    @cached_property
    def interview_label_regexes(self) -> list[regex.Pattern]:
        return [regex.compile(p) for p in self.interview.labels]

    @cached_property
    def interviewer_regexes(self) -> list[regex.Pattern]:
        return [regex.compile(p) for p in self.interview.interviewer]

    @cached_property
    def publisher_regexes(self) -> list[regex.Pattern]:
        return [regex.compile(p) for p in self.publisher.patterns]

    @staticmethod
    def _word_list(entries: list[str]):
        """A test for a word list: the word is an entry, or ends in one longer than 3 letters
        ("außenminister" ~ "minister")."""
        exact, suffixes = frozenset(entries), tuple(e for e in entries if len(e) > 3)
        # asked tens of thousands of times per batch, mostly about the same words
        return lru_cache(maxsize=50_000)(lambda word: word in exact or word.endswith(suffixes))

    @cached_property
    def _role_noun(self):
        return self._word_list(self.speakers.role_nouns)

    @cached_property
    def _organization_word(self):
        return self._word_list(self.speakers.organization_words)

    @cached_property
    def _outlet_word(self):
        return self._word_list(self.speakers.outlet_words)

    def is_role_noun(self, *words: str) -> bool:
        """Is any of these (a word, its lemma) a role noun?"""
        for w in words:
            if self._role_noun_as_written(w):
                return True
        return False

    @cached_property
    def _role_noun_as_written(self):
        """`_role_noun` of a word as the text writes it: capitals and a full stop do not count; but
        in a language that writes nouns in lower case a capitalised word is a role only as a whole
        ("Mayor") or after a hyphen ("Oscar-winner"), not as a compound's end: "Sotomayor",
        "Kissinger" are names."""
        exact = frozenset(self.speakers.role_nouns)

        def test(word: str) -> bool:
            low = word.lower().rstrip(".")
            if word[:1].isupper() and not self.language.capitalises_nouns:
                return low in exact or low.rpartition("-")[2] in exact  # "Oscar-winner", "Vice-President"
            return self._role_noun(low)
        return lru_cache(maxsize=50_000)(test)

    def is_organization_word(self, word: str) -> bool:
        return self._organization_word(word.lower())

    def is_outlet_word(self, word: str) -> bool:
        return self._outlet_word(word.lower())

    @cached_property
    def _source_noun(self):
        return self._word_list([n for p in self.cues.prepositions for n in p.nouns] + self.speakers.source_nouns)

    def is_source_noun(self, word: str) -> bool:
        """A noun that names where words come from ("Pressemitteilung", "Angaben", "Bericht")."""
        return self._source_noun(word.lower())

    def is_body_word(self, word: str) -> bool:
        """A word for an organization or a medium ("Nachrichtenagentur", "Ministerium")."""
        low = word.lower()
        return self._organization_word(low) or self._outlet_word(low)

    @cached_property
    def _source_nouns_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted({n for p in self.cues.prepositions for n in p.nouns}, key=len, reverse=True))

    def compound_source(self, word: str) -> str | None:
        """The body a compound source noun names as its first part: "Polizeiangaben" -> "Polizei",
        "Unternehmensangaben" -> "Unternehmen", "UNHCR-Angaben" -> "UNHCR"; None for a plain one
        ("Angaben") or one whose first part is no body ("Zeugenaussagen")."""
        low = word.lower()
        for noun in self._source_nouns_longest_first:
            if low.endswith(noun) and len(low) - len(noun) >= 2:
                first = word[:len(word) - len(noun)].rstrip("-")
                for part in (first, first[:-1] if first.endswith("s") else ""):
                    # not a medium's word: "nach Zeitungsberichten", "Medienberichten" name no one
                    if len(part) >= 2 and (part.isupper() or self.is_body_word(part) and not self.is_outlet_word(part)):
                        return part
                return None
        return None


def rules_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The rules folder: an explicit option, else $QUOTES_RULES_DIR, else the project's `rules/`."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("QUOTES_RULES_DIR")
    return Path(env) if env else DEFAULT_RULES_DIR


def available_languages(directory: Path | None = None) -> list[str]:
    d = directory or rules_dir()
    return sorted(p.stem for p in d.glob("*.toml"))


def load_rules(lang: str, directory: Path | None = None) -> RuleSet:
    """Read and validate `<directory>/<lang>.toml`; any problem is a RuleFileError naming file and key."""
    path = (directory or rules_dir()) / f"{lang}.toml"
    if not path.is_file():
        raise RuleFileError(f"{path}: no rule file for language {lang!r}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: not valid TOML: {exc}") from None
    try:
        rules = RuleSet.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        msg = first["msg"].removeprefix("Value error, ")
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise RuleFileError(f"{path}: key {key}: {msg}{more}") from None
    if rules.code != lang:
        raise RuleFileError(f"{path}: key language.code: is {rules.code!r}, file name says {lang!r}")
    return rules
