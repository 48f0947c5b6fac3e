"""Headline attributions: "Pence: Gennifer Flowers Won't Be at Debate", "Merkel: Wir schaffen das".

News headlines attribute a claim by putting its speaker before a colon. `headline_claim(text)`
finds such a headline by its surface alone (it runs before the parse, in the
prefilter, and again in detection):
- the article's first paragraph is one line of at most MAX_WORDS words, and more paragraphs follow;
- it reads `<who>: <claim>`, `who` one to MAX_WHO words opening with a capital, the claim three
  words or more;
- `who` names a person of the article: a run of its words between stopwords ends on a surname,
  a word that follows a known first name (gender-guesser's list, entities.first_name_gender) in
  `who` itself ("Pat Caddell: ...") or in the body ("Pence: ..." and "Mike Pence" below); a word
  for an organization or a medium only after a first name in `who` ("Vicente Fox: ...", not "NY
  Post: ..." though the body has "Washington Post"). A section label ("Landtag: ...", "Poll: ...",
  "EXCLUSIVE: ...") names nobody and is no attribution, as the annotation conventions have it:
  a headline counts only when it names its speaker.
Output: the character spans of the speaker (the person's words in `who`, _speaker) and of the
claim (a final full stop left out), or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .entities import first_name_gender
from .parse import first_paragraphs

MAX_WORDS = 30  # a longer first paragraph is a lead, not a headline
MAX_WHO = 5  # "A lesson from Loretta Lynch"
# the claim ends on a non-space: a lazy run before "\s*$" would retry every space of a long gap
_HEADLINE = regex.compile(r"(?P<who>\p{Lu}[^:\n]{0,80}?)\s*:\s+(?P<claim>\S(?:[^\n]*\S)?)\s*$")
_WORD = regex.compile(r"[\p{L}][\p{L}'’.-]*")


@dataclass(frozen=True)
class HeadlineClaim:
    who: tuple[int, int]
    claim: tuple[int, int]


@lru_cache(maxsize=64)
def headline_claim(text: str, stopwords: frozenset[str] = frozenset(),
                   not_names: frozenset[str] = frozenset()) -> HeadlineClaim | None:
    """The headline's speaker and claim spans; `stopwords` (the language's, lower case) are never
    first names ("The Latest: ..." is no person, though "The" is in the first-name list) and part
    the speaker's words; `not_names` (lower case: words for organizations and media) are surnames
    only after a first name in the headline ("Vicente Fox", not "NY Post", though the body's
    "Washington Post" follows a first name). Cached: the prefilter asks
    twice per article and detection once more."""
    paragraphs = first_paragraphs(text, 2)
    if len(paragraphs) < 2:
        return None
    start, end = paragraphs[0]
    if len(text[start:end].split()) > MAX_WORDS:
        return None
    m = _HEADLINE.match(text, start, end)
    if m is None:
        return None
    if len(m["who"].split()) > MAX_WHO or len(m["claim"].split()) < 3:
        return None
    body = text[paragraphs[1][0]:]
    who = _speaker(list(_WORD.finditer(text, *m.span("who"))), body, stopwords, not_names)
    if who is None:
        return None
    a, b = m.span("claim")
    return HeadlineClaim(who, (a, b - 1 if text[b - 1] == "." else b))


def _speaker(words: list, body: str, stopwords: frozenset[str], not_names: frozenset[str]) -> tuple[int, int] | None:
    """The span of the person `who` names: the first run of words between stopwords that ends on a
    person's surname ("Loretta Lynch" in "A lesson from Loretta Lynch", "Clinton" in "Clinton to
    Planned Parenthood"), with the first name before it ("Pat Caddell"; "Former AG Mukasey" gives
    "Mukasey", the resolver completes it from the body). A run that goes on past the person
    ("Sarah Silverman heckles Sanders supporters", "Pence Aide") names someone else: none."""
    run: list = []
    for w in words + [None]:
        if w is not None and w.group().lower() not in stopwords:
            run.append(w)
            continue
        if run:
            last = run[-1].group()
            before = run[-2].group() if len(run) > 1 else None
            after_first = _first(before, stopwords)
            # a word for a medium is a surname only after a first name ("Vicente Fox", not "NY Post")
            if (after_first or last.lower() not in not_names) and _person_word(last, before, body, stopwords):
                return (run[-2].start() if after_first else run[-1].start(), run[-1].end())
        run = []
    return None


def _first(word: str | None, stopwords: frozenset[str]) -> bool:
    return word is not None and word.lower() not in stopwords and first_name_gender(word) is not None


def _person_word(word: str, before: str | None, body: str, stopwords: frozenset[str]) -> bool:
    """Is `word` a person's surname: after a known first name in the headline or in the body?"""
    if len(word) < 3 or not word[:1].isupper() or word.isupper() or word.lower() in stopwords:
        return False
    if _first(before, stopwords):
        return True
    return any(_first(m.group(1), stopwords)
               for m in regex.finditer(r"(\p{Lu}\p{Ll}+)\s+" + regex.escape(word) + r"\b", body))
