"""How sure a record is: the estimated probability that its span is a quote and its speaker right.

A logistic model per language over what the pipeline already knows of each record: its kind, how
its speaker was found (`via`) and whether it has a name, the cue's lemma, the quote's length, how
far the cue and the speaker mention stand from the quote. The weights are data, kept beside the
rule files in `rules/confidence/<lang>.toml` and fitted on the corpora's train splits by
`quotes fit-confidence` (scikit-learn); at run time the score is a sum and a sigmoid. A language
without a model file gets `confidence: null`.

A record counts as right (the label the model is fitted to) when it matches a gold quote
(character Jaccard >= 0.5, as `quotes eval` aligns them) and its speaker is the gold one, or the
gold names no speaker.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .record import Quote

MODEL_DIR = "confidence"  # under the rules folder


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def features(q: Quote, cue_lemmas: frozenset[str] = frozenset()) -> list[str]:
    """The record's binary features, as names; `cue_lemmas` are the lemmas the model knows by name."""
    via = q.speaker.via if q.speaker else "none"
    out = [f"kind={q.kind}", f"via={via}", f"kind={q.kind}|via={via}",
           f"words={_bucket(len(q.text.split()), (3, 8, 20, 40))}"]
    if q.speaker:
        out += [f"type={q.speaker.type}", "named" if q.speaker.name else "unnamed",
                f"speaker_gap={_bucket(_gap((q.start, q.end), (q.speaker.start, q.speaker.end)), (2, 20, 80, 300))}"]
        if q.speaker.aliases:
            out.append("aliases")
    if q.cue is None:
        out.append("cue=none")
    else:
        out.append(f"cue={q.cue.lemma}" if q.cue.lemma in cue_lemmas else "cue=other")
        out.append(f"cue_gap={_bucket(_gap((q.start, q.end), (q.cue.start, q.cue.end)), (2, 20, 80))}")
    if q.role:
        out.append("role")
    if q.outlet:
        out.append("outlet")
    return out


@dataclass(frozen=True)
class ConfidenceModel:
    """Weights of one language's logistic model."""

    lang: str
    intercept: float
    weights: dict[str, float] = field(default_factory=dict)
    cue_lemmas: frozenset[str] = frozenset()

    def score(self, q: Quote) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features(q, self.cue_lemmas))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path, lang: str) -> "ConfidenceModel":
        from .errors import RuleFileError

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            return cls(lang, float(data["intercept"]), {str(k): float(v) for k, v in data["weights"].items()},
                       frozenset(data.get("cue_lemmas", [])))
        except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RuleFileError(f"{path}: not a confidence model ({type(exc).__name__}: {exc})") from None

    def dumps(self, note: str = "") -> str:
        def key(k: str) -> str:
            return '"' + k.replace("\\", "\\\\").replace('"', '\\"') + '"'

        lines = [f"# Confidence model for {self.lang}: logistic weights over confidence.features()."]
        lines += [f"# {line}" for line in note.splitlines()]
        lines += [f"intercept = {self.intercept:.6f}",
                  "cue_lemmas = [" + ", ".join(key(x) for x in sorted(self.cue_lemmas)) + "]", "", "[weights]"]
        lines += [f"{key(k)} = {v:.6f}" for k, v in sorted(self.weights.items())]
        return "\n".join(lines) + "\n"


def load_model(rules_directory: Path, lang: str) -> ConfidenceModel | None:
    path = rules_directory / MODEL_DIR / f"{lang}.toml"
    return ConfidenceModel.load(path, lang) if path.is_file() else None


def fit(records: list[Quote], labels: list[bool], lang: str, min_lemma_count: int = 20,
        regularisation: float = 1.0) -> ConfidenceModel:
    """An L2-regularised logistic regression (scikit-learn) of `labels` on the records' features."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(q.cue.lemma for q in records if q.cue)
    lemmas = frozenset(lemma for lemma, n in counts.items() if n >= min_lemma_count)
    rows = [{f: 1 for f in features(q, lemmas)} for q in records]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=regularisation, max_iter=2000).fit(x, [int(y) for y in labels])
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-9}
    return ConfidenceModel(lang, float(model.intercept_[0]), weights, lemmas)


def reliability(scores: list[float], labels: list[bool], bins: int = 10) -> tuple[list[dict], float]:
    """The reliability table (equal-width bins) and the expected calibration error."""
    table, ece, n = [], 0.0, len(scores)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        members = [(s, y) for s, y in zip(scores, labels) if lo <= s < hi or b == bins - 1 and s == 1.0]
        if not members:
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": 0, "confidence": None, "right": None})
            continue
        conf = sum(s for s, _ in members) / len(members)
        acc = sum(y for _, y in members) / len(members)
        ece += len(members) / n * abs(conf - acc)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(members), "confidence": round(conf, 4), "right": round(acc, 4)})
    return table, round(ece, 4)
