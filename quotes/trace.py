"""`quotes trace`: one statement followed across articles and languages.

`trace(records, texts)` groups the records (as `quotes extract` writes them) that render the same
statement of the same speaker, whatever the article, language or kind: a direct quote in one
article and its paraphrase in another end up in one `Cluster`, which names its members, the
first appearance, a canonical wording and how each member's wording differs from it.

How (docs/trace.md has the reasons and the figures):
- Blocking: records are compared only within a block. A named speaker's block is the merged
  speaker of `quotes speakers` (quotes/speakers.py: normalised names, a lone surname joins the one
  full name it belongs to). Records with no speaker name form one block per language and join only
  as near-duplicates (NEAR_DUPLICATE); across languages only when their speakers are one
  description ("Experten" and "Experts", `_description`).
- Words become language-neutral keys (trace_keys.py): a concept of the rule file's lexicon
  (rules/trace/*.toml: "Einmischung" and "interference" are `interference`), a normalised number
  ("1.770" and "1,770" are 1770), else the word folded to ASCII (anyascii), spelled by sound
  (c/k, z/s, w/v, ...), lightly stemmed and cut to 7 letters, so cognates and transliterations
  meet ("Kasachstan"/"Kazakhstan", "Demokratisierung"/"democratization"). Long words that still
  differ are matched by rapidfuzz's ratio (FUZZY).
- Keys weigh their inverse record frequency (a word every record has says little). Two records
  link when the keys they share weigh at least LINK of the geometric mean of their weights
  (a weighted cosine), they share at least MIN_SHARED keys, and their dates (when both have
  one) lie within DATE_WINDOW days.
  Candidate pairs come from an inverted index of each record's rarest keys (prefix filtering:
  exact for equal keys, see _candidates), so no block is compared all-pairs.
- Clusters are the connected components of the links.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date as Date
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from .speakers import speaker_index
from .trace_keys import TOKEN, Lexicon, Word, load_lexicon, words_of

# The few numbers the method has (docs/trace.md explains each).
LINK = 0.4             # weighted cosine of two records' keys, to link two records of one speaker
NEAR_DUPLICATE = 0.7   # the same, for records with no speaker name (same language only)
MIN_SHARED = 3         # keys two records must share to link (one or two shared words are chance)
CONTAINED = 0.9        # share of a record's weight another record of its speaker and article holds, to link the part to the whole
FUZZY = 85             # rapidfuzz ratio at which two long words (>= 7 letters) are one word spelled two ways
DATE_WINDOW = 30       # days: records dated further apart never link
SMOOTHING = 50         # IDF is computed as if the corpus had this many more records sharing no word



# ---------------------------------------------------------------------------------- clusters

@dataclass
class Member:
    id: str
    doc: str
    lang: str | None
    kind: str
    publisher: str | None
    date: str | None
    url: str | None
    text: str
    start: int | None = None
    end: int | None = None
    speaker: str | None = None          # as this record names the speaker
    dateline: str | None = None         # the article's dateline date (ISO, 'MM-DD' without a year), when read
    wording: dict | None = None         # against the canonical text: a word diff, or the anchors matched


@dataclass
class Cluster:
    id: str
    speaker: str | None
    speaker_lang: str | None
    members: list[Member]
    first: str | None                   # record id of the first appearance, None when unknown
    first_by: str                       # "date", "dateline" or "unknown"
    canonical: dict                     # {id, lang, kind, text, why}

    def as_dict(self) -> dict:
        return {"id": self.id, "speaker": self.speaker, "speaker_lang": self.speaker_lang,
                "size": len(self.members), "docs": len({m.doc for m in self.members}),
                "langs": sorted({m.lang or "?" for m in self.members}), "first": self.first,
                "first_by": self.first_by, "canonical": self.canonical,
                "members": [asdict(m) for m in self.members]}


class _Union:
    def __init__(self, n: int):
        self.up = list(range(n))

    def find(self, i: int) -> int:
        while self.up[i] != i:
            self.up[i] = self.up[self.up[i]]
            i = self.up[i]
        return i

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.up[max(a, b)] = min(a, b)


def _iso(value) -> Date | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    try:
        return Date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


def dateline(text: str, lex: Lexicon) -> tuple[int | None, int, int] | None:
    """The date an article's dateline or source line gives: (year or None, month, day), from its
    first and last `window` characters ("BEIJING, Jan. 10 (Reuters)", "... vom 12. Januar 2022")."""
    months = "|".join(sorted((re.escape(m) for m in lex.months), key=len, reverse=True))
    if not months:
        return None
    en = re.compile(rf"\b({months})\.?\s+(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?", re.I)
    de = re.compile(rf"\b(\d{{1,2}})\.\s*({months})\b\.?(?:\s+(\d{{4}}))?", re.I)
    for part in (text[: lex.window], text[-lex.window:]):
        folded = anyascii(part)
        for rx, order in ((de, (2, 1, 3)), (en, (1, 2, 3))):
            m = rx.search(folded)
            if m:
                month, day, year = lex.months.get(m[order[0]].casefold()), int(m[order[1]]), m[order[2]]
                if month and 1 <= day <= 31:
                    return (int(year) if year else None, month, day)
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text[: lex.window])
    return (int(iso[1]), int(iso[2]), int(iso[3])) if iso else None


@dataclass
class _Rec:
    n: int
    r: dict
    words: list[Word]
    keys: set[str]
    weight: float
    date: Date | None
    long: list | None = None
    ranked: list[str] | None = None  # its keys, rarest first (`_prefix`)


def _speaker_keys(records: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    """name as written -> merged key, and merged key -> display name, as `quotes speakers` merges."""
    by_name, display = {}, {}
    for e in speaker_index(records):
        display[e.key] = e.name
        for n in e.names:
            by_name[n] = e.key
    return by_name, display


def _long(x: _Rec) -> list[Word]:
    """The record's long words matched by spelling only: the ones a fuzzy match may pair."""
    if x.long is None:
        x.long = [w for w in x.words if w.by == "spelling" and len(w.full) >= 7]
    return x.long


def _shared(a: _Rec, b: _Rec, idf: dict[str, float], need: float = 0.0) -> tuple[float, list[tuple[Word, Word]]]:
    """Weight a and b share, and the word pairs that carry it: equal keys first, then long words
    spelled alike (FUZZY) among the rest. With `need`, the fuzzy pass is skipped when the equal
    keys already reach it or could not reach it even if every long word found its match."""
    common = a.keys & b.keys
    weight = sum(idf[k] for k in common)
    pairs: list[tuple[Word, Word]] = []
    if not need:  # the pairs themselves are wanted (wording), not just the weight
        bk = {}
        for w in b.words:
            bk.setdefault(w.key, w)
        seen = set()
        for w in a.words:
            if w.key in common and w.key not in seen:
                pairs.append((w, bk[w.key]))
                seen.add(w.key)
    left_a = [w for w in _long(a) if w.key not in b.keys]
    left_b = [w for w in _long(b) if w.key not in a.keys]
    if not left_a or not left_b:
        return weight, pairs if not need else [None] * len(common)
    if need and (weight >= need or weight + min(sum(idf[w.key] for w in left_a),
                                                sum(idf[w.key] for w in left_b)) < need):
        return weight, [None] * len(common)
    fuzzy = []
    used_a, used_b = set(), set()
    for w in left_a:
        if w.key in used_a:
            continue
        best = max((v for v in left_b if v.key not in used_b), key=lambda v: fuzz.ratio(w.full, v.full), default=None)
        if best is not None and fuzz.ratio(w.full, best.full) >= FUZZY:
            fuzzy.append((w, best))
            used_a.add(w.key)
            used_b.add(best.key)
    weight += sum(min(idf[x.key], idf[y.key]) for x, y in fuzzy)
    return weight, (pairs + fuzzy) if not need else [None] * (len(common) + len(fuzzy))


def link_score(a: _Rec, b: _Rec, idf: dict[str, float], threshold: float = 0.0) -> tuple[float, int]:
    """Weighted cosine of a and b (shared weight over the geometric mean of their weights), and
    how many words they share."""
    if not a.weight or not b.weight:
        return 0.0, 0
    denom = math.sqrt(a.weight * b.weight)
    shared, pairs = _shared(a, b, idf, need=threshold * denom)
    return shared / denom, len(pairs)


def trace(records: list[dict], texts: dict[str, str] | None = None, lexicon: Lexicon | None = None) -> list[Cluster]:
    """Clusters of `records` (dicts as `quotes extract` writes them), singletons included, biggest first.
    `texts` (doc -> article text) lets the first appearance fall back on the articles' datelines."""
    lex = lexicon or load_lexicon()
    by_name, display = _speaker_keys(records)
    recs: list[_Rec] = []
    df: Counter = Counter()
    for n, r in enumerate(records):
        ws = words_of(r.get("text") or "", r.get("lang"), lex)
        keys = {w.key for w in ws}
        df.update(keys)
        recs.append(_Rec(n, r, ws, keys, 0.0, _iso(r.get("date"))))
    total = len(recs) + SMOOTHING
    idf = {k: math.log(total / (c + 0.5)) for k, c in df.items()}
    for x in recs:
        x.weight = sum(idf[k] for k in x.keys)

    blocks: dict[tuple, list[_Rec]] = defaultdict(list)
    for x in recs:
        name = (x.r.get("speaker") or {}).get("name")
        if name in by_name:
            blocks[("speaker", by_name[name])].append(x)
            continue
        blocks[("none", x.r.get("lang"))].append(x)
        described = _description(x, lex)
        if described:  # in two blocks: its language's, and its description's across languages
            blocks[("description", described)].append(x)

    union = _Union(len(recs))
    for (kind, _), block in blocks.items():
        threshold = LINK if kind == "speaker" else NEAR_DUPLICATE
        for i, j in sorted(_candidates(block, idf, threshold)):
            a, b = block[i], block[j]
            if kind == "none" and a.r.get("lang") != b.r.get("lang"):
                continue
            if a.date and b.date and abs((a.date - b.date).days) > DATE_WINDOW:
                continue
            score, n_shared = link_score(a, b, idf, threshold)
            if score >= threshold and n_shared >= MIN_SHARED:
                union.join(a.n, b.n)

    _join_fragments(blocks, lex, union)
    _join_contained(blocks, idf, union)
    _join_speakerless(recs, blocks, by_name, idf, union)

    groups: dict[int, list[_Rec]] = defaultdict(list)
    for x in recs:
        groups[union.find(x.n)].append(x)
    datelines = {doc: dateline(text, lex) for doc, text in (texts or {}).items()}
    speaker_lang = _speaker_langs(records, by_name, datelines)
    out = []
    for members in groups.values():
        out.append(_cluster(members, by_name, display, speaker_lang, datelines, idf))
    out.sort(key=lambda c: (-len(c.members), c.speaker or "\uffff", c.id))
    return out


def _description(x: _Rec, lex: Lexicon) -> str | None:
    """The keys of a nameless speaker's description ("the government" and "der Regierung" are
    `government`, "Experts" and "Experten" `expert`), language-neutral through the lexicon, or None
    (no speaker, a pronoun). Records of one description form a block across languages, where they
    link as near-duplicates do in their language's block (NEAR_DUPLICATE)."""
    mention = (x.r.get("speaker") or {}).get("mention") or ""
    keys = sorted({w.key for w in words_of(mention, x.r.get("lang"), lex)})
    return " ".join(keys) or None


def _join_fragments(blocks: dict[tuple, list[_Rec]], lex: Lexicon, union: _Union) -> None:
    """A paraphrase that puts some of the speaker's words in quotation marks (he called her
    "unhinged"; she could speak to "white people") took them from a statement its article reports:
    it joins the speaker's record of the same article whose words run through the quoted ones in
    order, when that record is the only one there. A fragment that more records of the article
    carry says nothing about which statement it came from, and links none; across articles a
    speaker's catchwords recur ("colour revolutions"), so records of two articles link by their
    words as a whole (LINK), not by a fragment."""
    for same_doc in _speaker_articles(blocks):
        keys = {y.n: [w.key for w in y.words] for y in same_doc}
        holders: dict[str, set[int]] = defaultdict(set)  # key -> the records whose words hold it
        for y in same_doc:
            for k in keys[y.n]:
                holders[k].add(y.n)
        surfaces = {y.n: _surface(y.r.get("text") or "") for y in same_doc}
        for x in same_doc:
            if x.r.get("kind") not in ("indirect", "mixed"):
                continue
            for frag, surface in _fragments(x, lex):
                # only records holding the fragment's rarest key can hold the fragment; one content
                # word is weak evidence, so it must stand as written, its other words with it ("more
                # learning" is not in "new ways of learning", "criminal" not in "criminals")
                rarest = min(frag, key=lambda k: len(holders.get(k, ())))
                found = [n for n in holders.get(rarest, ()) if n != x.n and _runs_through(keys[n], frag)
                         and (len(frag) > 1 or _runs_through(surfaces[n], surface))]
                if len(found) == 1:
                    union.join(x.n, found[0])


def _speaker_articles(blocks: dict[tuple, list[_Rec]]):
    """The records of one named speaker in one article, for each speaker and article with two or
    more (records that name no article are no article)."""
    for (kind, _), block in blocks.items():
        if kind != "speaker" or len(block) < 2:
            continue
        by_doc: dict[str, list[_Rec]] = defaultdict(list)
        for x in block:
            by_doc[x.r.get("doc")].append(x)
        for doc, same_doc in by_doc.items():
            if doc is not None and len(same_doc) >= 2:
                yield same_doc


def _join_contained(blocks: dict[tuple, list[_Rec]], idf: dict[str, float], union: _Union) -> None:
    """A record whose words another record of its speaker and article holds almost whole
    (CONTAINED of its weight, MIN_SHARED keys or more) renders part of that statement: a headline
    quoting a line of the speech ('Be the voice that people hear.'), a short quote the article
    gives again in full. Cosine misses these, the longer record's other words weighing it down.
    Within one article only, as for fragments: across articles a speaker's catchwords recur.
    Candidates: if the other record holds CONTAINED of x's weight, it holds one of x's rarest
    keys that make up more than the rest (1 - CONTAINED) of it, so only those are looked up."""
    for same_doc in _speaker_articles(blocks):
        holders: dict[str, list[_Rec]] = defaultdict(list)
        for y in same_doc:
            for k in y.keys:
                holders[k].append(y)
        for x in same_doc:
            if len(x.keys) < MIN_SHARED:
                continue
            for k in _rarest(x, idf, (1 - CONTAINED) * x.weight):
                for y in holders[k]:
                    if y is x or (y.weight, y.n) < (x.weight, x.n) or union.find(x.n) == union.find(y.n):
                        continue  # x is the part, y the whole
                    shared, pairs = _shared(x, y, idf, need=CONTAINED * x.weight)
                    if shared >= CONTAINED * x.weight and len(pairs) >= MIN_SHARED:
                        union.join(x.n, y.n)


def _rarest(x: _Rec, idf: dict[str, float], more_than: float) -> list[str]:
    """x's keys, rarest first, until their weight exceeds `more_than`."""
    out, total = [], 0.0
    for k in _ranked(x, idf):
        out.append(k)
        total += idf[k]
        if total > more_than:
            break
    return out


def _fragments(x: _Rec, lex: Lexicon) -> list[tuple[list[str], list[str]]]:
    """The quoted parts of a record's text: each as its key run and its words as written."""
    scanner = _scanner(x.r.get("lang"))
    if scanner is None:
        return []
    text = x.r.get("text") or ""
    out = []
    for span in scanner.scan(text, [(0, len(text))]):
        part = text[span.start:span.end]
        keys = [w.key for w in words_of(part, x.r.get("lang"), lex)]
        if keys:
            out.append((keys, _surface(part)))
    return out


def _surface(text: str) -> list[str]:
    """The words of a text as written, in lower case."""
    return [t.lower() for t in TOKEN.findall(text)]


@lru_cache(maxsize=16)
def _scanner(lang: str | None):
    from .marks import MarkScanner
    from .rules import RuleFileError, load_rules

    try:
        return MarkScanner(load_rules(lang)) if lang else None
    except RuleFileError:
        return None


def _runs_through(seq: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(seq[i:i + n] == run for i in range(len(seq) - n + 1))


def _join_speakerless(recs: list[_Rec], blocks: dict[tuple, list[_Rec]], by_name: dict[str, str],
                      idf: dict[str, float], union: _Union) -> None:
    """A record the extractor left without a speaker is still that speaker's statement when it
    repeats a named record of its language near word for word (NEAR_DUPLICATE: the same tweet
    quoted twice, once with "she said" lost): it joins the named record's cluster. Best matches
    first, and a cluster of speakerless records joins one speaker only, never two."""
    speaker_of = {x.n: by_name[(x.r.get("speaker") or {}).get("name")] for (kind, _), block in blocks.items()
                  if kind == "speaker" for x in block}
    group_speaker: dict[int, str] = {}  # root of a group of speakerless records -> the speaker it joined
    for (kind, lang), lone in blocks.items():
        if kind != "none":
            continue
        named = [x for x in recs if x.n in speaker_of and x.r.get("lang") == lang]
        found = []
        for i, j in _cross_candidates(lone, named, idf, NEAR_DUPLICATE):
            a, b = lone[i], named[j]
            if a.date and b.date and abs((a.date - b.date).days) > DATE_WINDOW:
                continue
            score, n_shared = link_score(a, b, idf, NEAR_DUPLICATE)
            if score >= NEAR_DUPLICATE and n_shared >= MIN_SHARED:
                found.append((-score, a.n, b.n))
        for _, a, b in sorted(found):
            root, key = union.find(a), speaker_of[b]
            if group_speaker.get(root, key) == key:
                union.join(a, b)
                group_speaker[union.find(a)] = key


def _candidates(block: list[_Rec], idf: dict[str, float], threshold: float) -> set[tuple[int, int]]:
    """Pairs of the block that can reach `threshold` on their equal keys (prefix filtering).

    A cosine of at least t needs shared >= t * sqrt(Wa * Wb) >= t^2 * Wa (as Wb >= shared), and the
    same for b. With every record's keys in one global order, rarest first, the first key two such
    records share lies in both prefixes, a prefix being the keys up to where the weight left after
    them drops below t^2 of the record's weight. So only prefix keys are indexed: the frequent words
    at the end of every record ("China", "said") never make a candidate, and no pair that can reach
    t on equal keys is lost. (Fuzzy spelling matches only add to pairs that share an equal key.)"""
    pairs: set[tuple[int, int]] = set()
    for ids in _postings(block, idf, threshold).values():
        if len(ids) > 1:
            for n, ia in enumerate(ids):
                for ib in ids[n + 1:]:
                    pairs.add((ia, ib))
    return pairs


def _cross_candidates(left: list[_Rec], right: list[_Rec], idf: dict[str, float], threshold: float
                      ) -> set[tuple[int, int]]:
    """Pairs (i in left, j in right) that can reach `threshold`, as `_candidates` finds them: the
    left records' prefixes are indexed, the right records' prefixes look them up."""
    postings = _postings(left, idf, threshold)
    return {(i, j) for j, y in enumerate(right) for k in _prefix(y, idf, threshold) for i in postings.get(k, ())}


def _postings(block: list[_Rec], idf: dict[str, float], threshold: float) -> dict[str, list[int]]:
    """Prefix key -> the indexes of the block's records that have it in their prefix."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(block):
        for k in _prefix(x, idf, threshold):
            postings[k].append(i)
    return postings


def _prefix(x: _Rec, idf: dict[str, float], threshold: float) -> list[str]:
    """The record's keys, rarest first, up to where the weight left after them drops below
    threshold^2 of its weight (see `_candidates`)."""
    out, left, floor = [], x.weight, threshold * threshold * x.weight
    for k in _ranked(x, idf):
        if left < floor:
            break
        out.append(k)
        left -= idf[k]
    return out


def _ranked(x: _Rec, idf: dict[str, float]) -> list[str]:
    """x's keys, rarest first (one global order), computed once per record."""
    if x.ranked is None:
        x.ranked = sorted(x.keys, key=lambda k: (-idf[k], k))
    return x.ranked


def _when(r: dict, datelines: dict) -> tuple | None:
    """A record's time, for ordering: its date, else its article's dateline (a missing year as 0)."""
    d = _iso(r.get("date"))
    if d:
        return (d.year, d.month, d.day)
    dl = datelines.get(r.get("doc"))
    return (dl[0] or 0, dl[1], dl[2]) if dl else None


def _speaker_langs(records: list[dict], by_name: dict[str, str], datelines: dict) -> dict[str, str]:
    """A merged speaker's language: that of most of their direct quotes; on a tie, that of their
    first dated record, then that of most of all their records, then alphabetical."""
    direct: dict[str, Counter] = defaultdict(Counter)
    every: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, tuple] = {}
    for r in records:
        key = by_name.get((r.get("speaker") or {}).get("name"))
        if key and r.get("lang"):
            every[key][r["lang"]] += 1
            if r.get("kind") == "direct":
                direct[key][r["lang"]] += 1
            when = _when(r, datelines)
            if when and (key not in first or when < first[key][0]):
                first[key] = (when, r["lang"])
    return {k: min(c, key=lambda lang: (-direct[k][lang], lang != first.get(k, (None, None))[1], -c[lang], lang))
            for k, c in every.items()}


def _cluster(members: list[_Rec], by_name, display, speaker_lang, datelines, idf) -> Cluster:
    members = sorted(members, key=lambda x: (x.r.get("doc") or "", x.r.get("start") or 0))
    names = Counter(by_name.get((x.r.get("speaker") or {}).get("name")) for x in members)
    key = next((k for k, _ in names.most_common() if k), None)
    lang = speaker_lang.get(key) if key else None
    canon, why = _canonical(members, lang)
    out = []
    for x in members:
        r = x.r
        dl = datelines.get(r.get("doc"))
        m = Member(id=r.get("id"), doc=r.get("doc"), lang=r.get("lang"), kind=r.get("kind"),
                   publisher=r.get("publisher"), date=r.get("date"), url=r.get("url"), text=r.get("text") or "",
                   start=r.get("start"), end=r.get("end"), speaker=(r.get("speaker") or {}).get("name"),
                   dateline=(None if dl is None else (f"{dl[0]:04d}-" if dl[0] else "") + f"{dl[1]:02d}-{dl[2]:02d}"))
        m.wording = wording(canon, x, idf)
        out.append(m)
    first, first_by = _first(members, datelines)
    ids = sorted(m.id or "" for m in out)
    cid = "t" + hashlib.sha1("\x00".join(ids).encode()).hexdigest()[:12]
    return Cluster(id=cid, speaker=display.get(key) if key else None, speaker_lang=lang, members=out,
                   first=first, first_by=first_by,
                   canonical={"id": canon.r.get("id"), "lang": canon.r.get("lang"), "kind": canon.r.get("kind"),
                              "text": canon.r.get("text"), "why": why})


def _canonical(members: list[_Rec], lang: str | None) -> tuple[_Rec, str]:
    """The longest direct quote in the speaker's language, else the longest direct quote, else the
    longest record in the speaker's language, else the longest record."""
    def longest(xs):
        return max(xs, key=lambda x: (len(x.r.get("text") or ""), -x.n))

    direct = [x for x in members if x.r.get("kind") == "direct"]
    own = [x for x in direct if lang and x.r.get("lang") == lang]
    if own:
        return longest(own), "longest direct quote in the speaker's language"
    if direct:
        return longest(direct), "longest direct quote (none in the speaker's language)"
    own = [x for x in members if lang and x.r.get("lang") == lang]
    if own:
        return longest(own), "longest rendering in the speaker's language (no direct quote)"
    return longest(members), "longest rendering (no direct quote)"


def _first(members: list[_Rec], datelines) -> tuple[str | None, str]:
    dated = [x for x in members if x.date]
    if dated:
        return min(dated, key=lambda x: (x.date, x.r.get("doc") or "", x.r.get("start") or 0)).r.get("id"), "date"
    lined = [(datelines.get(x.r.get("doc")), x) for x in members if datelines.get(x.r.get("doc"))]
    if lined:
        years = Counter(d[0] for d, _ in lined if d[0])
        year = years.most_common(1)[0][0] if years else 0  # a dateline without a year: the others' year
        best = min(lined, key=lambda dx: ((dx[0][0] or year, dx[0][1], dx[0][2]), dx[1].r.get("doc") or "",
                                          dx[1].r.get("start") or 0))
        return best[1].r.get("id"), "dateline"
    return None, "unknown"


_WORDS = re.compile(r"\S+")


def word_diff(canonical: str, text: str) -> dict:
    """Word-level difflib diff of `text` against `canonical`: ops of equal/replace/insert/delete,
    each with the canonical words and the member's words; similarity is difflib's ratio."""
    a, b = _WORDS.findall(canonical), _WORDS.findall(text)
    norm = lambda ws: [w.strip(".,;:!?\"'“”„‘’«»()").casefold() for w in ws]  # noqa: E731
    sm = difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False)
    ops = [{"op": tag, "canonical": " ".join(a[i1:i2]), "member": " ".join(b[j1:j2])}
           for tag, i1, i2, j1, j2 in sm.get_opcodes()]
    return {"mode": "diff", "similarity": round(sm.ratio(), 3), "ops": ops}


def wording(canon: _Rec, x: _Rec, idf: dict[str, float]) -> dict:
    """How member `x` renders the canonical text: a word diff within a language, the matched anchors
    across languages (member word, canonical word, and by what: lexicon, number or spelling)."""
    if x is canon:
        return {"mode": "canonical"}
    if x.r.get("lang") == canon.r.get("lang"):
        return word_diff(canon.r.get("text") or "", x.r.get("text") or "")
    _, pairs = _shared(x, canon, idf)
    return {"mode": "anchors", "anchors": [{"member": w.surface, "canonical": v.surface, "by": w.by if w.key == v.key
                                             else "spelling"} for w, v in pairs]}


def trace_records(quote_files, docs=None) -> list[Cluster]:
    """The Python API of `quotes trace`: records read from JSONL files, articles (optional) from
    `docs` (files or folders, as given to `quotes extract`)."""
    import json

    records = []
    for path in quote_files:
        with open(path, encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    texts = None
    if docs:
        from .article import read_articles

        texts = {a.id: a.text for a in read_articles(docs) if hasattr(a, "text")}
    return trace(records, texts)
