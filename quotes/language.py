"""Language of an article, for `--lang auto`: the rule file whose stopwords cover most of its words.

A plain, deterministic heuristic with no model: every language that has a rule file lists its
frequent function words (`language.stopwords`), and the one with the most hits wins.
"""

from __future__ import annotations

import regex

from .rules import RuleSet

_WORD = regex.compile(r"\p{L}+")


def detect_language(text: str, rulesets: dict[str, RuleSet], sample: int = 20000) -> str | None:
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return None
    stopwords = {code: frozenset(r.language.stopwords) for code, r in rulesets.items()}
    scores = {code: sum(1 for w in words if w in stop) for code, stop in stopwords.items()}
    best = max(scores, key=lambda c: (scores[c], c))
    return best if scores[best] > 0 else None
