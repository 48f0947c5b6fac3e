"""Quotation marks: find every quoted span in an article, from the rule file's mark pairs.

A span never crosses a line break, except that a paragraph which ends inside a quote and a next
paragraph which reopens it with the same mark give two spans, the second flagged `continued`.
Apostrophes ("country’s", "Wang's") are not marks: a single-quote opener must follow a non-letter
and a closer must not be followed by a letter.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .rules import RuleSet


@dataclass(slots=True)
class QuotedSpan:
    open: int  # offset of the opening mark
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    close: int  # one past the closing mark (== end when the paragraph ends inside the quote)
    para: int
    continued: bool = False  # reopens a quote left open at the end of the previous paragraph
    open_ended: bool = False  # the paragraph ended before the closing mark

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


_SINGLE = set("‘’‚'‹›`")
QUOTE_CHARS = frozenset("\"'“”„‚‘’«»‹›`")  # every character that can be part of a quotation mark


def is_mark_text(token: str) -> bool:
    """Is this token made only of quotation-mark characters?"""
    return bool(token) and all(ch in QUOTE_CHARS for ch in token)


def _is_single(mark: str) -> bool:
    return all(ch in _SINGLE for ch in mark)


def _opener_ok(text: str, i: int, mark: str) -> bool:
    after = text[i + len(mark)] if i + len(mark) < len(text) else ""
    if not after or after.isspace():
        return False
    before = text[i - 1] if i > 0 else " "
    if mark in ('"', "''") or _is_single(mark):
        return not before.isalnum()
    return True


def _closer_ok(text: str, i: int, mark: str, start: int) -> bool:
    if i <= start:
        return False
    before = text[i - 1]
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isspace() and mark in ('"', "''") or _is_single(mark) and before.isspace():
        return False
    if mark in ('"', "''") or _is_single(mark):
        return not after.isalnum()
    return True


class MarkScanner:
    """Finds quoted spans with one language's mark pairs."""

    def __init__(self, rules: RuleSet):
        self.pairs = rules.quotes.pairs
        self.mixed_pairs = rules.quotes.mixed_pairs
        openers = sorted({o for o, _ in self.pairs}, key=len, reverse=True)
        self._openers = regex.compile("|".join(regex.escape(o) for o in openers))

    def _find_close(self, text: str, start: int, pend: int, closer: str) -> int:
        j = start
        while True:
            j = text.find(closer, j, pend)
            if j < 0:
                return -1
            if _closer_ok(text, j, closer, start):
                return j
            j += 1

    def scan(self, text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
        spans: list[QuotedSpan] = []
        carried: str | None = None  # opener left open at the end of the previous paragraph
        for p, (pstart, pend) in enumerate(paragraphs):
            pos, reopen, carried = pstart, carried, None
            while True:
                m = self._openers.search(text, pos, pend)
                if not m:
                    break
                o, mark = m.start(), m.group()
                if not _opener_ok(text, o, mark):
                    pos = o + 1
                    continue
                start = o + len(mark)
                found = None
                for pairs in (self.pairs, self.mixed_pairs):
                    for op, cl in pairs:
                        if op == mark:
                            c = self._find_close(text, start, pend, cl)
                            if c < 0 or found is not None and c >= found[0]:
                                continue
                            if pairs is self.mixed_pairs and any(cl == cl2 and text.find(o2, start, c) >= 0
                                                                 for o2, cl2 in self.pairs):
                                continue  # that closer ends a quotation nested inside: "WALLACE: … “The Journal” …
                            found = (c, cl)
                continued = reopen == mark and not text[pstart:o].strip()
                if found:
                    c, cl = found
                    spans.append(QuotedSpan(o, start, c, c + len(cl), p, continued=continued))
                    pos = c + len(cl)
                    continue
                nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
                if nxt and text[nxt[0]:nxt[1]].lstrip().startswith(mark):
                    end = pstart + len(text[pstart:pend].rstrip())
                    if end > start:
                        spans.append(QuotedSpan(o, start, end, end, p, continued=continued, open_ended=True))
                        carried = mark
                    break
                pos = o + len(mark)
        return spans
