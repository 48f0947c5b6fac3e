"""Interview turns: an article printed as questions and answers without quotation marks.

Input: the article text and its rule file's `[interview]` table: the label that opens an answer
("Willi: …") and the lines that name the interviewer ("Das Interview führte Marco Witting").
Output: one `Turn` per paragraph spoken, in order: every paragraph opened by a label that opens
at least `min_turns` paragraphs is an answer of the labelled person; a paragraph that ends in a
question mark right before an answer, or one opened by a question label ("Frage: …"), is the
interviewer's question when the article names the interviewer. An article with no repeated label
has no turns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from .rules import RuleSet

_PARAGRAPH = regex.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # the words spoken, as article offsets
    end: int
    name: str  # the label or the interviewer's name, as written
    name_start: int  # where that name stands in the article
    name_end: int


def interview_turns(text: str, rules: RuleSet) -> list[Turn]:
    """The article's interview turns (see the module's docstring); none for an article that is no interview."""
    iv = rules.interview
    if not iv.labels:
        return []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    labelled = [next((m for rx in rules.interview_label_regexes if (m := rx.match(text, a, b, timeout=0.5))), None)
                for a, b in paragraphs]
    questions = set(iv.question_labels)
    counts = Counter(m.group("name") for m in labelled if m is not None and m.group("name").lower() not in questions)
    speakers = {name for name, n in counts.items() if n >= iv.min_turns}
    if not speakers:
        return []
    interviewer = next((m for rx in rules.interviewer_regexes if (m := rx.search(text, timeout=0.5))), None)

    def answer(k: int) -> bool:
        return 0 <= k < len(labelled) and labelled[k] is not None and labelled[k].group("name") in speakers

    turns = []
    for k, ((a, b), m) in enumerate(zip(paragraphs, labelled)):
        end = a + len(text[a:b].rstrip())
        if answer(k) and m.end() < end:
            turns.append(Turn(m.end(), end, m.group("name"), *m.span("name")))
        elif interviewer is None:
            continue
        elif m is not None and m.group("name").lower() in questions and m.end() < end:
            turns.append(Turn(m.end(), end, interviewer.group("name"), *interviewer.span("name")))
        elif m is None and text[a:end].endswith("?") and answer(k + 1):
            turns.append(Turn(a, end, interviewer.group("name"), *interviewer.span("name")))
    return turns
