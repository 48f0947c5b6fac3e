"""Language of an article, for `--lang auto`: the rule file whose stopwords cover most of its words.

A plain, deterministic heuristic with no model: every language that has a rule file lists its
frequent function words (`language.stopwords`), and the one with the most hits wins.
"""

from __future__ import annotations

import regex

from .rules import RuleSet

_WORD = regex.compile(r"\p{L}+")


def detect_language(text: str, rulesets: dict[str, RuleSet], sample: int = 20000) -> str | None:
    words = list(map(str.lower, _WORD.findall(text[:sample])))
    if not words:
        return None
    scores = {code: sum(map(r.stopword_set.__contains__, words)) for code, r in rulesets.items()}
    best = max(scores, key=lambda c: (scores[c], c))
    return best if scores[best] > 0 else None
