"""Who said what across a folder: speakers of many articles merged by normalised name.

Within an article the resolver already links short forms to full names ("Wang" -> "Wang Yi").
Across articles, names are merged when they normalise alike (Unicode compatibility form, accents
dropped, case folded, spaces collapsed) or differ only by middle initials ("Loretta E. Lynch" and
"Loretta Lynch", when no other form with initials has that first and last name), and a one-word
name joins the one full name in the corpus that begins or ends with it, when there is exactly one
("Wang" -> "Wang Yi", "Putin" -> "Wladimir Putin"; a "Li" stays apart when the corpus has two full
names with Li).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import regex

_INITIAL = regex.compile(r"\p{L}\.?")  # a middle initial, normalised: "e." in "loretta e. lynch"


def normalise_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("-", " ").split())


@dataclass
class SpeakerEntry:
    key: str
    names: Counter = field(default_factory=Counter)
    quotes: int = 0
    langs: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    outlets: Counter = field(default_factory=Counter)
    docs: dict = field(default_factory=dict)  # doc -> number of quotes, in first-seen order

    @property
    def name(self) -> str:
        """The full form most often written (first written on a tie): "Donald Trump" written twice
        beats "Donald J. Trump" written once, a lone "Trump" counts for neither."""
        full = [n for n in self.names if " " in normalise_name(n)] or list(self.names)
        return max(full, key=lambda n: (self.names[n], -full.index(n)))

    def as_dict(self) -> dict:
        return {"name": self.name, "aliases": sorted(n for n in self.names if n != self.name), "quotes": self.quotes,
                "langs": dict(self.langs), "kinds": dict(self.kinds), "roles": dict(self.roles.most_common()),
                "outlets": dict(self.outlets.most_common()), "articles": len(self.docs), "docs": list(self.docs)}


def _fullest(keys: set[str]) -> dict[str, str]:
    """Each normalised name -> the one it is merged with: a name written with and without middle
    initials is one name ("loretta lynch" and "loretta e. lynch" -> "loretta e. lynch") when
    exactly one form with initials has that first and last name ("george w. bush" and "george h. w.
    bush" leave "george bush" apart)."""
    with_initials: dict[str, set[str]] = {}
    for k in keys:
        parts = k.split(" ")
        core = [p for p in parts[1:-1] if not _INITIAL.fullmatch(p)]
        if len(core) < len(parts) - 2:
            with_initials.setdefault(" ".join([parts[0], *core, parts[-1]]), set()).add(k)
    out = {k: k for k in keys}
    for bare, forms in with_initials.items():
        if len(forms) == 1:
            (full,) = forms
            out[bare] = full
    return out


def speaker_index(records: list[dict]) -> list[SpeakerEntry]:
    """Named speakers of `records`, most quoted first; a quote of joint speakers counts for each
    ("Mr. Grassley and Mr. Leahy said"), its role for the one it is given to."""
    named = [(r, n, n == r["speaker"]["name"]) for r in records if r.get("speaker") and r["speaker"].get("name")
             for n in [r["speaker"]["name"], *(r["speaker"].get("joint") or [])]]
    fullest = _fullest({normalise_name(n) for _, n, _ in named})
    keys = set(fullest.values())
    by_part: dict[str, set[str]] = {}  # first or last word -> full names ("Wang" in "Wang Yi")
    for k in keys:
        if " " in k:
            parts = k.split(" ")
            for part in {parts[0], parts[-1]}:
                by_part.setdefault(part, set()).add(k)

    def key_of(name: str) -> str:
        k = fullest[normalise_name(name)]
        full = by_part.get(k, set()) if " " not in k else set()
        return next(iter(full)) if len(full) == 1 else k

    entries: dict[str, SpeakerEntry] = {}
    for r, name, own in named:
        e = entries.setdefault(key_of(name), SpeakerEntry(key_of(name)))
        e.names[name] += 1
        e.quotes += 1
        e.langs[r.get("lang") or "?"] += 1
        e.kinds[r.get("kind") or "?"] += 1
        if r.get("role") and own:
            e.roles[r["role"]] += 1
        if r.get("outlet"):
            e.outlets[r["outlet"]["name"]] += 1
        e.docs[r["doc"]] = e.docs.get(r["doc"], 0) + 1
    return sorted(entries.values(), key=lambda e: (-e.quotes, e.name))
