"""Outlets: the medium a quote's own sentence names as carrying the speaker's words.

Input: the article text, a quote whose cue found no outlet, the sentence spans, and the parts
of the sentence that are no frame (the quote itself, the speaker's mention). Output: an `Outlet`
or None.

A medium is an outlet word of the rule file ("Zeitung", "Sender", "Reuters", "Twitter") with the
name that follows it, after one of the rule file's `outlets.markers` ("sagte er der Zeitung",
"bei Sky", "told The Washington Post", "in a statement sent to Reuters"), within a few words. A
medium that is the speaker itself ("the WSJ said") is never its own outlet: the speaker's mention
is left out. The press in general ("vor der Presse", `outlets.generic`) carries nobody's words.
"""

from __future__ import annotations

from .entities import WORD
from .record import Outlet, Quote
from .rules import RuleSet

WINDOW = 5  # words after a marker in which the medium's word must stand


class OutletFinder:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.markers = set(rules.outlets.markers)
        self.stop = set(rules.language.stopwords)
        self.generic = set(rules.outlets.generic)

    def find(self, text: str, q: Quote, sentence: tuple[int, int]) -> Outlet | None:
        if not self.markers or q.cue is None:
            return None
        qa, qb = q.start, q.end  # the quote and the speaker's mention are no outlet
        sa, sb = (q.speaker.start, q.speaker.end) if q.speaker else (qa, qb)
        words = [m for m in WORD.finditer(text, sentence[0], sentence[1])
                 if not (qa <= (s := m.start()) < qb or sa <= s < sb)]
        for i, w in enumerate(words):
            if w.group().lower() not in self.markers:
                continue
            for j in range(i + 1, min(len(words), i + 1 + WINDOW)):
                if not _adjacent(text, words[j - 1], words[j]):
                    break
                word = words[j].group().rstrip(".")
                nxt = words[j + 1].group() if j + 1 < len(words) and _adjacent(text, words[j], words[j + 1]) else ""
                if self.rules.is_outlet_word(word) and word[:1].isupper() and word.lower() not in self.generic \
                        and not (nxt[:1].islower() and nxt.lower() not in self.stop):  # not "press conference"
                    k = j + 1  # the medium's name after its word: "TV-Sender Rossija 24", "Daily Telegraph"
                    while k < len(words) and _adjacent(text, words[k - 1], words[k]) and (
                            words[k].group()[:1].isupper() or words[k].group().isdigit()):
                        k += 1
                    first = next((x for x in range(i + 1, j + 1) if words[x].group()[:1].isupper()), j)
                    a, b = words[first].start(), words[k - 1].start() + len(words[k - 1].group().rstrip("."))
                    return Outlet(name=text[a:b], start=a, end=b)
                if word.lower() not in self.stop and not word[:1].isupper() and not word.islower():
                    break
        return None


def without_marks(o: Outlet | None) -> Outlet | None:
    """The outlet's name without the quotation marks around it ("„Süddeutschen Zeitung“" ->
    "Süddeutschen Zeitung"); marks inside a name stay ("Nachrichtenagentur „Associated Press“")."""
    if o is None or o.name[:1] not in MARKS:
        return o
    name = o.name.lstrip(MARKS).rstrip(MARKS)
    start = o.start + len(o.name) - len(o.name.lstrip(MARKS))
    return Outlet(name=name, start=start, end=start + len(name))


MARKS = " \t«»„“”\"'‚‘’"


def _adjacent(text: str, a, b) -> bool:
    """Only spaces or quotation marks between two words ("dem «Daily Telegraph»")."""
    return text[a.end():b.start()].strip(" \t«»„“”\"'‚‘’") == ""
