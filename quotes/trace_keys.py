"""Words as language-neutral keys, for `quotes trace` (trace.py).

A word of a quote becomes a key that the same word in another language or spelling shares: a
concept of the rule file's lexicon (rules/trace/*.toml: "Einmischung" and "interference" are
`interference`; two-word concepts such as "Central Asia"), a normalised number ("1.770" and
"1,770" are 1770), else the word folded to ASCII (anyascii), spelled by sound (c/k, z/s, w/v, ...),
lightly stemmed and cut to STEM letters ("Kasachstan"/"Kazakhstan"). Stopwords of the record's
language are dropped.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

STEM = 7               # letters a folded word is cut to

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")
_SOUND = [("sch", "s"), ("ch", "k"), ("kh", "k"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("c", "k"),
          ("q", "k"), ("z", "s"), ("w", "v"), ("y", "i"), ("j", "i"), ("ou", "u"), ("ss", "s")]


# ----------------------------------------------------------------------------------- rule data

def rules_path() -> Path:
    """The folder of trace rule files: $QUOTES_RULES_DIR/trace when it has one, else the project's."""
    from .rules import DEFAULT_RULES_DIR, rules_dir

    own = rules_dir() / "trace"
    return own if own.is_dir() else DEFAULT_RULES_DIR / "trace"


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    return anyascii(word).casefold()


@dataclass(eq=False)
class Lexicon:
    exact: dict[str, str] = field(default_factory=dict)      # folded form -> concept
    prefixes: dict[str, str] = field(default_factory=dict)   # folded prefix -> concept
    phrases: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # first word part -> (w1, w2, concept)
    stopwords: dict[str, frozenset[str]] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    window: int = 300

    def concept(self, low: str) -> str | None:
        hit = self.exact.get(low)
        if hit:
            return hit
        for k in range(len(low), 2, -1):
            hit = self.prefixes.get(low[:k])
            if hit:
                return hit
        return None

    @staticmethod
    def _matches(pattern: str, low: str) -> bool:
        return low.startswith(pattern[:-1]) if pattern.endswith("*") else low == pattern


@lru_cache(maxsize=8)
def load_lexicon(folder: str | None = None) -> Lexicon:
    """Every rules/trace/*.toml merged: [lexicon] concepts, [stopwords] per language, [dates]."""
    lex = Lexicon()
    stop: dict[str, set[str]] = defaultdict(set)
    for path in sorted(Path(folder or rules_path()).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for concept, forms in data.get("lexicon", {}).items():
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                raise ValueError(f"{path}: lexicon.{concept}: a list of words")
            for form in forms:
                f = fold(form.strip())
                if " " in f:
                    w1, w2 = f.split(None, 1)
                    lex.phrases.setdefault(w1.rstrip("*")[:3], []).append((w1, w2, concept))
                elif f.endswith("*"):
                    lex.prefixes.setdefault(f[:-1], concept)
                else:
                    lex.exact.setdefault(f, concept)
        for lang, words in data.get("stopwords", {}).items():
            stop[lang] |= {fold(w) for w in words}
        dates = data.get("dates", {})
        for n, names in enumerate(dates.get("months", []), start=1):
            for name in names:
                lex.months[fold(name)] = n
        lex.window = int(dates.get("window", lex.window))
    lex.stopwords = {k: frozenset(v) for k, v in stop.items()}
    return lex


# ------------------------------------------------------------------------------------ words

def number_key(raw: str) -> str:
    """'1.770', '1,770' and '1770' alike; '1,5' and '1.5' alike; '100.000' is 100000."""
    parts = re.split(r"[.,]", raw)
    seps = re.findall(r"[.,]", raw)
    if not seps:
        whole, frac = raw, ""
    elif len(set(seps)) == 2:  # '1,770.5' / '1.770,5': the last separator is the decimal one
        whole, frac = "".join(parts[:-1]), parts[-1]
    elif all(len(p) == 3 for p in parts[1:]):
        whole, frac = "".join(parts), ""
    elif len(seps) == 1:
        whole, frac = parts[0], parts[1]
    else:
        whole, frac = "".join(parts), ""
    whole = whole.lstrip("0") or "0"
    frac = frac.rstrip("0")
    return "#" + whole + (f".{frac}" if frac else "")


def sound(low: str) -> str:
    """A folded word spelled by sound, so transliterations meet: kazakhstan/kasachstan -> kasakstan."""
    for a, b in _SOUND:
        low = low.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", low)


def stem(low: str) -> str:
    """Light stemming, then the first STEM letters: enough for inflection and most cognates."""
    for suffix in ("ungen", "ischen", "ischer", "isches", "ische", "ities", "ation", "ations", "ing", "ed",
                   "en", "er", "es", "e", "s", "n"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            low = low[: -len(suffix)]
            break
    return low[:STEM]


@dataclass(frozen=True)
class Word:
    surface: str
    key: str       # concept name, '#number' or '~soundstem'
    by: str        # "lexicon", "number" or "spelling"
    full: str      # the whole word spelled by sound (for the fuzzy match)


def words_of(text: str, lang: str | None, lex: Lexicon) -> list[Word]:
    """The content words of `text` with their language-neutral keys (stopwords dropped)."""
    toks = TOKEN.findall(text)
    out: list[Word] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if i + 1 < len(toks) and not tok[0].isdigit():  # two-word concepts ("central asia", "vereinte nationen")
            low = fold(tok)
            nxt = fold(toks[i + 1]) if low[:3] in lex.phrases else ""
            hit = next((c for w1, w2, c in lex.phrases.get(low[:3], ())
                        if Lexicon._matches(w1, low) and Lexicon._matches(w2, nxt)), None)
            if hit:
                out.append(Word(f"{tok} {toks[i + 1]}", hit, "lexicon", sound(low + nxt)))
                i += 2
                continue
        i += 1
        w = _word(tok, lang, lex)
        if w is not None:
            out.append(w)
    return out


@lru_cache(maxsize=200_000)
def _word(tok: str, lang: str | None, lex: Lexicon) -> Word | None:
    if tok[0].isdigit():
        return Word(tok, number_key(tok), "number", tok)
    low = fold(tok)
    acronym = len(tok) >= 2 and tok.isupper()
    stop = lex.stopwords.get(lang) if lang in lex.stopwords else frozenset().union(*lex.stopwords.values())
    if low in stop and not acronym:
        return None
    concept = lex.concept(low)
    if concept:
        return Word(tok, concept, "lexicon", sound(low))
    if len(low) >= 3 or acronym:
        s = sound(low)
        return Word(tok, "~" + stem(s), "spelling", s)
    return None
