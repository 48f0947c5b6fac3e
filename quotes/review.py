"""`quotes review`: a self-contained static HTML report for spot-checking extracted quotes.

index.html lists articles and speakers (with a search box); articles/N.html shows one article
with every quote highlighted by kind, cues and speaker mentions marked, and a side panel of its
quotes with a speaker filter; spotcheck.html shows a seeded random sample of quotes with a verdict
per quote, downloadable as JSONL. Given the clusters of `quotes trace`, each quote that other
articles carry too links to clusters/N.html, which shows every rendering of that statement side by
side with the words that differ from the canonical one marked (across languages: the words that
anchor the match). No server, no external assets. Every piece of article text and
every record field is HTML-escaped; scripts are the report's own, fixed, and read nothing but
escaped data attributes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .speakers import speaker_index

KINDS = ("direct", "indirect", "mixed")
VERDICTS = (("correct", "correct"), ("wrong_speaker", "wrong speaker"), ("wrong_span", "wrong span"),
            ("not_a_quote", "not a quote"))


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


_SPANS = ("cue", "speaker", "outlet")


def record_problem(rec) -> str | None:
    """What makes `rec` not a quote record the report can show, or None."""
    if not isinstance(rec, dict):
        return "not a quote record (not a JSON object)"
    for key in ("id", "doc", "kind", "text"):
        if not isinstance(rec.get(key), str):
            return f"not a quote record (field {key} missing or not a string)"
    if not all(type(rec.get(k)) is int for k in ("start", "end")) or not 0 <= rec["start"] <= rec["end"]:
        return "not a quote record (start/end missing or not offsets)"
    for key in _SPANS:
        ref = rec.get(key)
        if ref is None:
            continue
        if not isinstance(ref, dict) or any(ref.get(k) is not None and type(ref[k]) is not int for k in ("start", "end")):
            return f"not a quote record (field {key} is not a span)"
        if any(ref.get(k) is not None and not isinstance(ref[k], str) for k in ("name", "mention", "text", "lemma", "type")):
            return f"not a quote record (field {key} holds a name that is not a string)"
    for key in ("lang", "role", "publisher", "doc_hash"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            return f"not a quote record (field {key} is not a string)"
    return None


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str  # "q-direct", "cue", "spk", ...
    quote: str  # the quote id it belongs to


def kind_class(kind) -> str:
    """A quote kind as a class name: one of KINDS, else "other" (a class never carries record text)."""
    return kind if kind in KINDS else "other"


def marks_of(records: list[dict], length: int) -> list[Mark]:
    out = []
    for r in records:
        out.append(Mark(r["start"], r["end"], f"q-{kind_class(r['kind'])}", r["id"]))
        for part, cls in (("cue", "cue"), ("speaker", "spk"), ("outlet", "outlet")):
            ref = r.get(part)
            if ref and ref.get("start") is not None and ref.get("end", 0) > ref["start"]:
                out.append(Mark(ref["start"], ref["end"], cls, r["id"]))
    return [m for m in out if 0 <= m.start < m.end <= length]


def segments(text: str, marks: list[Mark]) -> list[tuple[int, int, list[Mark]]]:
    """Cut `text` at every mark boundary: (start, end, marks covering that piece), in order,
    covering the whole text. Overlapping and adjacent marks each keep their own pieces."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        out.append((a, b, [m for m in marks if m.start <= a and b <= m.end]))
    return out


def highlight(text: str, records: list[dict]) -> str:
    """The article as HTML: one <span> per piece that any quote, cue or speaker mention covers."""
    parts = []
    for a, b, covering in segments(text, marks_of(records, len(text))):
        piece = esc(text[a:b])
        if not covering:
            parts.append(piece)
            continue
        classes = sorted({m.cls for m in covering})
        quotes = sorted({m.quote for m in covering if m.cls.startswith("q-")})
        refs = sorted({m.quote for m in covering if not m.cls.startswith("q-")})
        parts.append(f'<span class="seg {esc(" ".join(classes))}" data-q="{esc(" ".join(quotes))}" '
                     f'data-ref="{esc(" ".join(refs))}">{piece}</span>')
    return "".join(parts)


STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{padding:.6em 1em;background:#234;color:#fff}header a{color:#cde}
main{display:flex;gap:1em;padding:1em}#text{flex:3;white-space:pre-wrap;max-width:48em}
aside{flex:2;max-height:90vh;overflow:auto;position:sticky;top:0}
.q-direct{background:#cfe8ff}.q-indirect{background:#ffe9b3}.q-mixed{background:#dcf5d0}
.cue{font-weight:bold;text-decoration:underline}.spk{outline:1px solid #a33;color:#a33}.outlet{font-style:italic}
.focus{box-shadow:0 0 0 2px #e33}.dim{opacity:.35}
li.item{cursor:pointer;margin:.4em 0;padding:.3em;border-left:4px solid #999;list-style:none}
li.direct{border-color:#39f}li.indirect{border-color:#e9a800}li.mixed{border-color:#4a4}
li.item.hidden{display:none}.meta{color:#555;font-size:90%}table{border-collapse:collapse}
td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
.badge{font-size:80%;padding:0 .3em;border-radius:3px;background:#eee}.grow{flex:1}.pre{white-space:pre-wrap}
a.same{font-size:85%}.cols{display:flex;gap:1em;flex-wrap:wrap}.col{flex:1;min-width:18em;border-top:4px solid #999;padding:.4em}
.col.canonical{border-color:#234;background:#f4f6f8}.chg{background:#ffd6a5}.del{text-decoration:line-through;color:#a33}
.anchor{background:#cfe8ff}.first{color:#060;font-weight:bold}
"""

ARTICLE_JS = """
document.querySelectorAll('li.item').forEach(function(li){
  li.addEventListener('click', function(){
    document.querySelectorAll('.focus').forEach(function(e){e.classList.remove('focus')});
    var segs = document.querySelectorAll('#text .seg[data-q~="' + li.dataset.q + '"]');
    segs.forEach(function(e){e.classList.add('focus')});
    if (segs.length) segs[0].scrollIntoView({block:'center'});
  });
});
var filter = document.getElementById('speaker-filter');
filter.addEventListener('change', function(){
  var who = filter.value, shown = {};
  document.querySelectorAll('li.item').forEach(function(li){
    var on = who === '*' || li.dataset.speaker === who;
    li.classList.toggle('hidden', !on);
    if (on) shown[li.dataset.q] = true;
  });
  document.querySelectorAll('#text .seg').forEach(function(s){
    var qs = (s.dataset.q + ' ' + s.dataset.ref).split(' ').filter(Boolean);
    s.classList.toggle('dim', who !== '*' && !qs.some(function(q){return shown[q]}));
  });
});
"""

SEARCH_JS = """
var box = document.getElementById('search');
box.addEventListener('input', function(){
  var t = box.value.toLowerCase();
  document.querySelectorAll('tr.row').forEach(function(r){
    r.style.display = r.textContent.toLowerCase().indexOf(t) >= 0 ? '' : 'none';
  });
});
"""

SPOTCHECK_JS = """
document.getElementById('download').addEventListener('click', function(){
  var lines = [];
  document.querySelectorAll('.check').forEach(function(c){
    var v = c.querySelector('input:checked');
    if (!v) return;
    lines.push(JSON.stringify({id: c.dataset.id, doc: c.dataset.doc, start: +c.dataset.start,
                               end: +c.dataset.end, verdict: v.value}));
  });
  var blob = new Blob([lines.join('\\n') + (lines.length ? '\\n' : '')], {type: 'application/x-ndjson'});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob); a.download = 'verdicts.jsonl'; a.click();
  document.getElementById('count').textContent = lines.length + ' verdicts';
});
"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def page(title: str, body: str, script: str = "", up: str = "") -> str:
    """A page whose CSP lets run only its own inline script and style, by their hashes: no
    'unsafe-inline', so an injected element, handler or style attribute does nothing."""
    scripts = _sha256(script) if script else "'none'"
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src {_sha256(STYLE)}; '
            f'script-src {scripts}; img-src data:; base-uri \'none\'; form-action \'none\'">'
            f"<style>{STYLE}</style></head><body><header>{up}<b>{esc(title)}</b></header>{body}"
            f"{f'<script>{script}</script>' if script else ''}</body></html>")


def _speaker_name(r: dict) -> str:
    sp = r.get("speaker") or {}
    return sp.get("name") or (f"({sp['mention']})" if sp.get("mention") else "(unattributed)")


def article_page(doc: str, text: str, records: list[dict], marked: bool = True,
                 same: dict[str, tuple[int, int]] | None = None) -> str:
    """One article; `marked=False` lists its quotes without highlighting (text missing or changed).
    `same` maps a quote id to (cluster page number, cluster size) for quotes other records render too."""
    same = same or {}
    items = []
    for r in records:
        sp = _speaker_name(r)
        extra = [f"role: {esc(r['role'])}" if r.get("role") else "",
                 f"via {esc(r['outlet'].get('name'))}" if r.get("outlet") else "",
                 f"cue: {esc(r['cue'].get('text'))}" if r.get("cue") else "",
                 f"publisher: {esc(r['publisher'])}" if r.get("publisher") else ""]
        snippet = r["text"] if len(r["text"]) <= 160 else r["text"][:157] + "…"
        link = ""
        if r["id"] in same:
            k, size = same[r["id"]]
            link = (f'<div><a class="same" href="../clusters/{int(k)}.html">same statement elsewhere '
                    f'({int(size) - 1} more)</a></div>')
        items.append(f'<li class="item {kind_class(r["kind"])}" data-q="{esc(r["id"])}" data-speaker="{esc(sp)}">'
                     f'<span class="badge">{esc(r["kind"])}</span> <b>{esc(sp)}</b>'
                     f'<div class="meta">{" · ".join(x for x in extra if x)}</div>{esc(snippet)}{link}</li>')
    speakers = sorted({_speaker_name(r) for r in records})
    options = '<option value="*">all speakers</option>' + "".join(
        f'<option value="{esc(s)}">{esc(s)}</option>' for s in speakers)
    body = (f'<main><div id="text">{highlight(text, records if marked else [])}</div><aside>'
            f'<label>Speaker <select id="speaker-filter">{options}</select></label>'
            f'<p class="meta">{len(records)} quotes · <span class="q-direct">direct</span> '
            f'<span class="q-indirect">indirect</span> <span class="q-mixed">mixed</span> · '
            f'<span class="cue">cue</span> · <span class="spk">speaker</span></p>'
            f'<ol id="quotes">{"".join(items)}</ol></aside></main>')
    return page(doc, body, ARTICLE_JS, up='<a href="../index.html">index</a> · ')


def index_page(articles: list[dict], speakers, has_spotcheck: bool, clusters: list[dict] | None = None) -> str:
    rows = "".join(
        f'<tr class="row"><td><a href="articles/{a["n"]}.html">{esc(a["doc"])}</a></td><td>{esc(a["lang"])}</td>'
        f'<td>{a["quotes"]}</td><td>{esc(" ".join(f"{k} {v}" for k, v in a["kinds"].items()))}</td>'
        f'<td>{esc(a["note"])}</td></tr>' for a in articles)
    links = {a["doc"]: a["n"] for a in articles}
    srows = "".join(
        f'<tr class="row"><td>{esc(s.name)}</td><td>{esc(s.quotes)}</td><td>{esc(", ".join(s.roles))}</td>'
        f'<td>{esc(", ".join(s.outlets))}</td><td>{esc(" ".join(f"{k}:{v}" for k, v in s.langs.items()))}</td><td>'
        + ", ".join(f'<a href="articles/{links[d]}.html">{esc(d)}</a>' if d in links else esc(d) for d in s.docs)
        + "</td></tr>" for s in speakers)
    spot = '<p><a href="spotcheck.html">Spot-check a random sample</a></p>' if has_spotcheck else ""
    traced = ""
    if clusters:
        crows = "".join(
            f'<tr class="row"><td><a href="clusters/{int(c["n"])}.html">{esc(c.get("speaker") or "(unnamed)")}</a></td>'
            f'<td>{len(c["members"])}</td><td>{esc(", ".join(c.get("langs") or []))}</td>'
            f'<td>{esc(_snippet((c.get("canonical") or {}).get("text") or "", 120))}</td></tr>' for c in clusters)
        traced = (f'<h2>Statements in several records ({len(clusters)})</h2><table><tr><th>speaker</th><th>records</th>'
                  f'<th>languages</th><th>canonical wording</th></tr>{crows}</table>')
    body = (f'<main><div class="grow">{spot}<input id="search" placeholder="search articles and speakers" size="40">'
            f'<h2>Articles ({len(articles)})</h2><table><tr><th>article</th><th>lang</th><th>quotes</th><th>kinds</th>'
            f'<th></th></tr>{rows}</table><h2>Speakers ({len(speakers)})</h2><table><tr><th>speaker</th><th>quotes</th>'
            f'<th>roles</th><th>outlets</th><th>languages</th><th>articles</th></tr>{srows}</table>{traced}</div></main>')
    return page("quotes review", body, SEARCH_JS)


def _snippet(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 3] + "…"


_WORD = __import__("re").compile(r"\S+")
_EDGE = "".join(sorted(set(".,;:!?\"'“”„‘’«»()")))


def _marked_words(text: str, wording: dict | None) -> str:
    """A member's text as HTML with its wording against the canonical text marked: words of its own
    in class "chg", canonical words it lacks in class "del" (a diff), or the words that anchor a
    match across languages in class "anchor". Every word is escaped."""
    wording = wording or {}
    if wording.get("mode") == "diff":
        parts = []
        for op in wording.get("ops") or []:
            tag, canon, mine = op.get("op"), op.get("canonical") or "", op.get("member") or ""
            if tag == "equal":
                parts.append(esc(mine))
            else:
                if canon:
                    parts.append(f'<span class="del">{esc(canon)}</span>')
                if mine:
                    parts.append(f'<span class="chg">{esc(mine)}</span>')
        return " ".join(parts)
    if wording.get("mode") == "anchors":
        anchors = {w.strip(_EDGE).casefold() for a in wording.get("anchors") or [] for w in str(a.get("member") or "").split()}
        out, last = [], 0
        for m in _WORD.finditer(text):
            out.append(esc(text[last:m.start()]))
            word = m.group(0)
            out.append(f'<span class="anchor">{esc(word)}</span>' if word.strip(_EDGE).casefold() in anchors else esc(word))
            last = m.end()
        out.append(esc(text[last:]))
        return "".join(out)
    return esc(text)


def cluster_page(cluster: dict, article_no: dict[str, int]) -> str:
    """One traced statement: its renderings side by side, the canonical one first, then by doc."""
    members = sorted(cluster["members"], key=lambda m: (m.get("id") != (cluster.get("canonical") or {}).get("id"),
                                                       str(m.get("doc")), m.get("start") or 0))
    cols = []
    for m in members:
        canon = m.get("id") == (cluster.get("canonical") or {}).get("id")
        first = m.get("id") == cluster.get("first")
        wording = m.get("wording") or {}
        how = ("canonical wording" if canon else
               f"word diff against the canonical (similarity {esc(wording.get('similarity'))})" if wording.get("mode") == "diff"
               else f"{len(wording.get('anchors') or [])} words anchor it to the canonical" if wording.get("mode") == "anchors"
               else "")
        doc = m.get("doc")
        where = (f'<a href="../articles/{int(article_no[doc])}.html">{esc(doc)}</a>' if doc in article_no else esc(doc))
        meta = " · ".join(x for x in (esc(m.get("lang")), esc(m.get("kind")), esc(m.get("publisher")) if m.get("publisher") else "",
                                     esc(m.get("date") or m.get("dateline")) if (m.get("date") or m.get("dateline")) else "",
                                     esc(m.get("speaker")) if m.get("speaker") else "") if x)
        mark = ' <span class="first">first</span>' if first else ""
        cols.append(f'<div class="col{" canonical" if canon else ""}">{where}{mark}<div class="meta">{meta}</div>'
                    f'<div class="meta">{how}</div><p class="pre">{_marked_words(m.get("text") or "", None if canon else wording)}</p></div>')
    first_by = {"date": "by date", "dateline": "by the articles' datelines", "unknown": "unknown (no dates)"}.get(
        cluster.get("first_by"), "")
    canon = cluster.get("canonical") or {}
    body = (f'<main><div class="grow"><p>{len(members)} records · languages {esc(", ".join(sorted({str(m.get("lang")) for m in members})))}'
            f' · first appearance {esc(first_by)} · canonical: {esc(canon.get("why"))}. '
            f'<span class="chg">changed or added words</span> <span class="del">words of the canonical left out</span> '
            f'<span class="anchor">words matched across languages</span></p>'
            f'<div class="cols">{"".join(cols)}</div></div></main>')
    return page(f'{cluster.get("speaker") or "(unnamed)"}: same statement', body, up='<a href="../index.html">index</a> · ')


def spotcheck_page(sample: list[tuple[dict, str, int]], seed: int) -> str:
    items = []
    for r, text, n in sample:
        a, b = max(0, r["start"] - 200), min(len(text), r["end"] + 200)
        context = esc(text[a:r["start"]]) + f'<span class="seg q-{kind_class(r["kind"])}">{esc(text[r["start"]:r["end"]])}</span>' \
            + esc(text[r["end"]:b])
        radios = "".join(f'<label><input type="radio" name="v-{esc(r["id"])}" value="{v}"> {label}</label> '
                         for v, label in VERDICTS)
        items.append(f'<li class="check item {kind_class(r["kind"])}" data-id="{esc(r["id"])}" data-doc="{esc(r["doc"])}" '
                     f'data-start="{int(r["start"])}" data-end="{int(r["end"])}"><b>{esc(_speaker_name(r))}</b> '
                     f'<span class="badge">{esc(r["kind"])}</span> <a href="articles/{n}.html">{esc(r["doc"])}</a>'
                     f'<div class="pre">…{context}…</div>{radios}</li>')
    body = (f'<main><div class="grow"><p>{len(sample)} quotes drawn with seed {seed}. Choose a verdict for '
            f'each, then <button id="download">download verdicts (JSONL)</button> <span id="count"></span></p>'
            f'<ol>{"".join(items)}</ol></div></main>')
    return page("spot-check", body, SPOTCHECK_JS, up='<a href="index.html">index</a> · ')


def write_report(records: list[dict], texts: dict[str, str], out: Path, sample: int = 0, seed: int = 0,
                 clusters: list | None = None) -> dict:
    """Write the report; returns counts. `texts` maps doc id -> article text as extracted.
    `clusters` (optional): what quotes.trace.trace(records, texts) returns (or their as_dict());
    each cluster of 2+ records gets a page, and its quotes a link to it."""
    from .record import text_hash

    out.mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(exist_ok=True)
    known = {r["id"] for r in records}
    multi = []
    for c in clusters or []:
        c = c.as_dict() if hasattr(c, "as_dict") else c
        members = [m for m in c.get("members") or [] if isinstance(m, dict) and m.get("id") in known]
        if len(members) > 1:
            multi.append({**c, "members": members, "n": len(multi)})
    same = {m["id"]: (c["n"], len(c["members"])) for c in multi for m in c["members"]}
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r["doc"], []).append(r)
    docs = list(dict.fromkeys([*by_doc, *sorted(texts)]))
    articles, numbered = [], {}
    for n, doc in enumerate(docs):
        recs = sorted(by_doc.get(doc, []), key=lambda r: (r["start"], r["end"]))
        text = texts.get(doc)
        note = ""
        if text is None:
            note, text = "article text not found: quotes listed, not highlighted", ""
        elif any(r.get("doc_hash") and r["doc_hash"] != text_hash(text) for r in recs):
            note = "article changed since extraction: quotes listed, not highlighted"
        (out / "articles" / f"{n}.html").write_text(article_page(doc, text, recs, marked=not note, same=same),
                                                    encoding="utf-8")
        numbered[doc] = n
        articles.append({"n": n, "doc": doc, "lang": recs[0]["lang"] if recs else "", "quotes": len(recs),
                         "kinds": dict(Counter(r["kind"] for r in recs)), "note": note})
    drawn = []
    if sample:
        pool = [r for r in records if r["doc"] in texts]
        rng = random.Random(seed)
        for r in sorted(rng.sample(pool, min(sample, len(pool))), key=lambda r: (numbered[r["doc"]], r["start"])):
            drawn.append((r, texts[r["doc"]], numbered[r["doc"]]))
        (out / "spotcheck.html").write_text(spotcheck_page(drawn, seed), encoding="utf-8")
    if multi:
        (out / "clusters").mkdir(exist_ok=True)
        for c in multi:
            (out / "clusters" / f"{c['n']}.html").write_text(cluster_page(c, numbered), encoding="utf-8")
    (out / "index.html").write_text(index_page(articles, speaker_index(records), bool(sample), multi), encoding="utf-8")
    return {"articles": len(articles), "quotes": len(records), "sample": len(drawn), "clusters": len(multi)}
