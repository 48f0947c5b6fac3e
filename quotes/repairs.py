"""Repairs to Stanza's tokenizer and tagger output, before the dependency parse.

Each is a rule of the parse cache's identity (`parse.TOKEN_RULES`):
- sentences: a split inside a phrase undone (`join_unended`), a closing mark given back to the
  sentence it closes (`closers_back`), a sentence cut after a number that
  ends in a full stop before a capitalised stopword (`split_after_numbers`), a sentence cut after
  the dateline that opens it (`split_after_dateline`), double quotation marks
  glued to a word split off (`split_marks`), a first name the mwt model split made whole
  (`first_names_whole`);
- tags: a possessive apostrophe is a particle, no closing mark (`possessive_apostrophes`), a known
  first name before a proper noun is a proper noun (`first_names_as_names`).
Sentences are Stanza's; rows are their `to_dict()` words, renumbered with `first_word_id`/`shifted`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .parse import SentenceTokens

# Double quotation marks that Stanza's tokenizer sometimes leaves glued to a word ('"GAU', 'froh"'):
# they are split off as tokens of their own. Single marks stay: they double as apostrophes
# ("Ganz'", "Campus'").
_DOUBLE_MARKS = frozenset('"“”„«»')
_SINGLE_MARKS = frozenset("'‘’‚‹›")
_TWO_CHAR_MARKS = ("''", "``")


def possessive_apostrophes(st: SentenceTokens) -> list[int]:
    """The words of a sentence that are possessive apostrophes, not closing quotation marks: a single
    mark glued to a word that ends in s, x or z, with a space and a word after it ("Sanders’ campaign
    manager", "Ganz' Rolle"), where no single-quoted span is open ("called them ‘losers’ and left")."""
    texts, starts, ends = st.texts, st.starts, st.ends
    out, open_single = [], False
    for k, t in enumerate(texts):
        if t not in _SINGLE_MARKS:
            continue
        glued_before = k > 0 and starts[k] == ends[k - 1]
        glued_after = k + 1 < len(texts) and starts[k + 1] == ends[k]
        if not glued_before and glued_after:
            open_single = True  # "‘losers"
        elif glued_before and not glued_after and not open_single and k + 1 < len(texts) \
                and texts[k - 1][-1:].lower() in ("s", "x", "z") and texts[k - 1].isalpha() and texts[k + 1][:1].isalnum():
            out.append(k)
        elif glued_before:
            open_single = False
    return out


def first_names_as_names(words: list, stop: frozenset[str]) -> None:
    """A known first name inside a sentence, capitalised and followed by a word tagged a proper noun,
    is a proper noun whatever other class the tagger said ("said | Amy | Deace": a preposition,
    "Hillary" an adjective; not a noun: German writes "Ende Juli"), with that word's fine tag and
    features; the dependency parse then joins the name."""
    from .entities import first_name_gender

    for k in range(1, len(words) - 1):
        w, nxt = words[k], words[k + 1]
        if w.upos in ("PROPN", "NOUN", "PUNCT", "NUM", "SYM", "X") or nxt.upos != "PROPN" or not w.text[:1].isupper() \
                or w.text.isupper() or not w.text.isalpha() or w.text.lower() in stop or not first_name_gender(w.text):
            continue
        w.upos, w.xpos, w.feats = "PROPN", nxt.xpos, nxt.feats



def _mark_pieces(token) -> list[tuple[int, int]] | None:
    """(start, end) offsets of the pieces a one-word token splits into when a double quotation mark
    (or a two-character one, "''", "``") is glued to its start or end ('"GAU' -> '"', 'GAU'), or into its marks when it is only quotation
    marks, a single one closing inside a double one ('’”': the tagger called it a preposition and
    hung it on the name after it, "… please,’” Nicklaus said"); None when it stays whole."""
    text = token.text
    if len(token.words) != 1 or token.start_char is None or len(text) < 2:
        return None
    if all(ch in _DOUBLE_MARKS or ch in _SINGLE_MARKS for ch in text) and any(ch in _DOUBLE_MARKS for ch in text):
        return [(token.start_char + k, token.start_char + k + 1) for k in range(len(text))]
    a, b = 0, len(text)
    while a < b and text[a] in _DOUBLE_MARKS:
        a += 1
    if a == 0 and text[:2] in _TWO_CHAR_MARKS:
        a = 2  # "''predatory": a two-character opener (New York Times style)
    while b > a and text[b - 1] in _DOUBLE_MARKS:
        b -= 1
    if b == len(text) and text[-2:] == "''" and b - 2 > a:
        b -= 2  # "predatory''"
    if a == b or (a, b) == (0, len(text)) or not any(ch.isalnum() for ch in text[a:b]):
        return None
    s = token.start_char
    return [(s + x, s + y) for x, y in ((0, a), (a, b), (b, len(text))) if y > x]


def join_unended(sentences: list, text: str, openers: frozenset[str] = frozenset(),
                  abbreviations: frozenset[str] = frozenset()) -> list:
    """Stanza sentences with a split after a letter or digit undone: within a paragraph a sentence
    ends with punctuation, so a sentence whose last token ends in a letter or digit was cut inside
    a name or phrase ("British Prime Minister Theresa | May said", "In diesem dritten | Bus") and is
    parsed together with the sentence after it. Kept: a split before a word of `openers` (a header
    run into its paragraph: "Vorschlag an den Bundestag | Der Bundesrat schlug …") and after a
    sentence in capitals ("SAVE A QUARTER | Let's say …"). A split after one of `abbreviations`
    before a capitalised word is undone too: the full stop is the abbreviation's ("said Gov. | Terry
    E. Branstad")."""
    out, pending = [], None
    for sent in sentences:
        after_abbreviation = pending is not None and pending[-1]["text"].lower() in abbreviations \
            and sent.words[0].text[:1].isupper()
        if pending is not None and (pending[-1]["text"][-1:].isalnum() or after_abbreviation) \
                and sent.words[0].text.lower() not in openers \
                and any(row["text"] != row["text"].upper() for row in pending):
            words = sum(1 for row in pending if not isinstance(row["id"], tuple))  # a multi-word token's row has a range
            pending = pending + [{**row, "id": shifted(row["id"], -words)} for row in sent.to_dict()]
        else:
            if pending is not None:
                out.append(pending)
            pending = sent.to_dict()
    if pending is not None:
        out.append(pending)
    if len(out) == len(sentences):
        return sentences
    from stanza import Document

    return Document(out, text=text).sentences


def closers_back(sentences: list, text: str) -> list:
    """Stanza sentences with a closing quotation mark that opens the next sentence given back to the
    one it closes ("… so close to the United States. | '' Facing the prospect …": the tokenizer
    ended the sentence at the full stop inside the quotation). A mark token glued to the stop that
    ends the sentence before, which holds an odd number of double marks, closes that sentence."""
    if not any(_mark_glued_to_stop(a, b) for a, b in zip(sentences, sentences[1:])):
        return sentences  # the common case, decided on the tokens: no sentence turned into rows
    rows = [s.to_dict() for s in sentences]
    changed = False
    for a in range(len(rows) - 1):
        prev, nxt = rows[a], rows[a + 1]
        first = nxt[0]
        if isinstance(first["id"], tuple) or len(nxt) < 2 or not _is_double_mark(first["text"]) \
                or prev[-1]["text"] not in _STOPS or first.get("start_char") != prev[-1].get("end_char") \
                or sum(_is_double_mark(r["text"]) for r in prev if not isinstance(r["id"], tuple)) % 2 == 0:
            continue  # (the mark glued to the sentence's last stop: "States.'' | Facing")
        words = sum(1 for r in prev if not isinstance(r["id"], tuple))
        rows[a] = prev + [{**first, "id": words + 1}]
        rows[a + 1] = [{**r, "id": shifted(r["id"], 1)} for r in nxt[1:]]
        changed = True
    if not changed:
        return sentences
    from stanza import Document

    return Document(rows, text=text).sentences


def _mark_glued_to_stop(prev, nxt) -> bool:
    """Does sentence `nxt` open with a double mark token glued to the stop that ends `prev`?"""
    first, last = nxt.tokens[0], prev.tokens[-1]
    return len(nxt.words) >= 2 and len(first.words) == 1 and _is_double_mark(first.text) \
        and last.text in _STOPS and first.start_char == last.end_char


_STOPS = frozenset({".", "?", "!", "…"})


def _is_double_mark(token: str) -> bool:
    return bool(token) and (all(ch in _DOUBLE_MARKS for ch in token) or token in ("''", "``"))


_NUMBER_WITH_STOP = regex.compile(r"\d[\d.,:]*\.")


def split_after_numbers(sentences: list, text: str, openers: frozenset[str] = frozenset()) -> list:
    """Stanza sentences cut after a number that ends in a full stop when a capitalised word of
    `openers` follows: "… im TV-Sender Rossija 24. | Im laufenden Jahr …", "… endete 31:31. | Die …".
    The tokenizer reads every such number as an ordinal ("am 24. Juni") and runs the sentences
    together; a capitalised article, preposition or pronoun after it opens the next one."""
    def cuts(tokens: list) -> list[int]:
        return [k + 1 for k in range(len(tokens) - 1) if _NUMBER_WITH_STOP.fullmatch(tokens[k].text)
                and tokens[k + 1].text[:1].isupper() and tokens[k + 1].text.lower() in openers]
    return _cut(sentences, text, cuts)


def split_after_dateline(sentences: list, text: str, datelines: tuple = ()) -> list:
    """Stanza sentences cut after a dateline that opens them ("ORLANDO, Fla. (Reuters) - | President
    Barack Obama met …", the rule file's `strip_prefixes`): the tokenizer runs the dateline into the
    sentence, and the parser then makes the place the subject and hangs the speaker on it."""
    def cuts(tokens: list) -> list[int]:
        start = tokens[0].start_char if tokens and tokens[0].start_char is not None else None
        ends = [m.end() for rx in datelines if start is not None
                and (m := rx.match(text, start, timeout=0.5)) is not None]
        cut = next((k for k, t in enumerate(tokens) if ends and t.start_char is not None
                    and t.start_char >= max(ends)), None)
        return [cut] if cut else []  # no dateline, or nothing after it
    return _cut(sentences, text, cuts)


def _cut(sentences: list, text: str, cuts_of) -> list:
    """Stanza sentences cut before the tokens whose indexes `cuts_of(tokens)` gives, ascending; the
    pieces' words renumbered from 1. The same list when nothing is cut."""
    from stanza import Document

    out, changed = [], False
    for sent in sentences:
        tokens = sent.tokens
        cuts = cuts_of(tokens)
        if not cuts:
            out.append(sent)
            continue
        changed = True
        rows, pieces, start = sent.to_dict(), [], 0
        for cut in cuts + [len(tokens)]:
            n = sum(1 + (len(t.words) if len(t.words) > 1 else 0) for t in tokens[start:cut])
            group, rows = rows[:n], rows[n:]
            shift = first_word_id(group) - 1
            pieces.append([{**row, "id": shifted(row["id"], shift)} for row in group])
            start = cut
        out.extend(Document(pieces, text=text).sentences)
    return out if changed else sentences


def split_marks(sentences: list, text: str) -> list:
    """Stanza sentences with every double quotation mark glued to a word split off as a token of its
    own, so the tagger and parser see the word ('sprach von einem "GAU …"') and the detector the
    mark; offsets stay exact into the text."""
    return _retokenized(sentences, text, _mark_pieces)


def first_names_whole(sentences: list, text: str) -> list:
    """Stanza sentences with a known first name that the mwt model split into pieces of itself made
    one word again: English "Donna" -> "Don" + "na", "Hanna", "Ivy" (the model learned "gonna",
    "wanna"); a contraction whose words differ from its text ("zum" -> "zu dem") is not touched."""
    from .entities import first_name_gender

    def whole(token) -> list[tuple[int, int]] | None:
        if len(token.words) > 1 and "".join(w.text for w in token.words) == token.text \
                and token.text[:1].isupper() and first_name_gender(token.text):
            return [(token.start_char, token.end_char)]
        return None
    return _retokenized(sentences, text, whole)


def _retokenized(sentences: list, text: str, pieces_of) -> list:
    """The sentences with each token that `pieces_of` cuts ((start, end) offsets into `text`, else
    None) replaced by one word per piece; the others as they are, renumbered."""
    out = []
    for sent in sentences:
        pieces = [pieces_of(t) for t in sent.tokens]
        if not any(pieces):
            out.append(sent)
            continue
        from stanza import Document

        rows, new_id, groups = sent.to_dict(), 0, []
        for token, cut in zip(sent.tokens, pieces):
            n = 1 + (len(token.words) if len(token.words) > 1 else 0)
            group, rows = rows[:n], rows[n:]
            if cut is None:
                shift = new_id + 1 - first_word_id(group)
                groups += [{**row, "id": shifted(row["id"], -shift)} for row in group]
                new_id += len(token.words)
                continue
            misc = group[0].get("misc")
            for k, (x, y) in enumerate(cut):
                new_id += 1
                row = {"id": new_id, "text": text[x:y], "start_char": x, "end_char": y}
                last_misc = misc if k == len(cut) - 1 else "SpaceAfter=No"
                if last_misc:
                    row["misc"] = last_misc
                groups.append(row)
        out.extend(Document([groups], text=text).sentences)
    return out


def first_word_id(group: list[dict]) -> int:
    wid = group[0]["id"]
    return wid[0] if isinstance(wid, tuple) else wid


def shifted(wid, shift: int):
    return tuple(x - shift for x in wid) if isinstance(wid, tuple) else wid - shift
