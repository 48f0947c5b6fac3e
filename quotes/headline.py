"""Headline attributions: "Pence: Gennifer Flowers Won't Be at Debate", "Merkel: Wir schaffen das".

News headlines attribute a claim by putting its speaker before a colon. `headline_claim(text)`
finds such a headline by its surface alone (it runs before the parse, in the
prefilter, and again in detection):
- the article's first paragraph is one line of at most MAX_WORDS words, and more paragraphs follow;
- it reads `<who>: <claim>`, `who` one to MAX_WHO words opening with a capital, the claim three
  words or more;
- `who` names a person of the article: one of its capitalised words follows a known first name
  (gender-guesser's list, entities.first_name_gender) in `who` itself ("Pat Caddell: ...") or in
  the body ("Pence: ..." and "Mike Pence" below). A section label ("Landtag: ...", "Poll: ...",
  "EXCLUSIVE: ...") names nobody and is no attribution, as the annotation conventions have it:
  a headline counts only when it names its speaker.
Output: the character spans of the speaker (the person's words in `who`: "Former AG Mukasey" gives
"Mukasey", the resolver completes it from the body) and of the claim (a final full stop left out),
or None.
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
def headline_claim(text: str, stopwords: frozenset[str] = frozenset()) -> HeadlineClaim | None:
    """The headline's speaker and claim spans; `stopwords` (the language's, lower case) are never
    first names ("The Latest: ..." is no person, though "The" is in the first-name list). Cached:
    the prefilter asks twice per article and detection once more."""
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
    words = list(_WORD.finditer(text, *m.span("who")))
    who = None
    for k, w in enumerate(words):  # the last person named is the head: "McCain Challenger Kelli Ward"
        before = words[k - 1].group() if k else None
        if _person_word(w.group(), before, body, stopwords):
            # the speaker is the person: "Former AG Mukasey" -> "Mukasey", "Pat Caddell" whole
            who = (words[k - 1].start() if k and _first(before, stopwords) else w.start(), w.end())
    if who is None:
        return None
    a, b = m.span("claim")
    return HeadlineClaim(who, (a, b - 1 if text[b - 1] == "." else b))


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
