"""`quotes review`: a self-contained static HTML report for spot-checking extracted quotes.

index.html lists articles (least confident quote first) and speakers (with a search box);
articles/N.html shows one article, its title, publisher, date and link when known, with every
quote highlighted by kind, cues and speaker mentions marked, and a side panel of its quotes that
filters by kind, speaker and minimum confidence (j / k step through the quotes shown);
speakers/N.html lists one speaker's quotes across articles; spotcheck.html shows a seeded random
sample of quotes (drawn evenly from confidence bins if asked) with a verdict, a right speaker and a
note per quote, kept in the browser's localStorage and exported as verdicts.jsonl (read back by
quotes/verdicts.py). Given the clusters of `quotes trace`, each quote that other articles carry too
links to clusters/N.html, which shows every rendering of that statement side by side with the
words that differ from the canonical one marked (across languages: the words that anchor the
match). No server, no external assets. Every piece of article text and every record field is
HTML-escaped; scripts are the report's own, fixed, allowed by their hashes, and read nothing but
escaped data attributes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from .speakers import speaker_index
from .verdicts import bin_label, confidence_bin, confidence_of

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
    for key in ("lang", "role", "publisher", "doc_hash", "url", "date", "title"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            return f"not a quote record (field {key} is not a string)"
    c = rec.get("confidence")
    if c is not None and (isinstance(c, bool) or not isinstance(c, (int, float)) or not 0 <= c <= 1):
        return "not a quote record (field confidence is not a number in [0, 1])"
    return None


def safe_url(url) -> str | None:
    """`url` if it is an absolute http(s) URL without spaces or control characters, else None
    (a javascript:, data: or relative URL is shown as text, never linked)."""
    if not isinstance(url, str) or not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def conf_text(c: float | None) -> str:
    return "unknown" if c is None else f"{c:.2f}"


def quote_anchor(qid: str) -> str:
    """The fragment (no '#') that selects quote `qid` on its article page: 'q-' + the id, percent-encoded."""
    return "q-" + url_quote(qid, safe="")


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
li.item.hidden,.hidden{display:none}.meta{color:#555;font-size:90%}table{border-collapse:collapse}
li.item.sel{outline:3px solid #e33;outline-offset:1px}.filters{margin:.3em 0}.filters label{margin-right:.6em}
.artmeta{padding:.5em 1em 0}.artmeta h1{font-size:130%;margin:.2em 0}li.check.done{border-left-color:#234}
.pager button{margin:0 .2em}
td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
.badge{font-size:80%;padding:0 .3em;border-radius:3px;background:#eee}.grow{flex:1}.pre{white-space:pre-wrap}
a.same{font-size:85%}.cols{display:flex;gap:1em;flex-wrap:wrap}.col{flex:1;min-width:18em;border-top:4px solid #999;padding:.4em}
.col.canonical{border-color:#234;background:#f4f6f8}.chg{background:#ffd6a5}.del{text-decoration:line-through;color:#a33}
.anchor{background:#cfe8ff}.first{color:#060;font-weight:bold}
"""

ARTICLE_JS = """
(function(){
var items = Array.prototype.slice.call(document.querySelectorAll('li.item'));
var segs = Array.prototype.slice.call(document.querySelectorAll('#text .seg'));
var segsOf = new Map(), current = null;
segs.forEach(function(s){
  s.dataset.q.split(' ').filter(Boolean).forEach(function(q){
    if (!segsOf.has(q)) segsOf.set(q, []);
    segsOf.get(q).push(s);
  });
});
function select(li, scroll){
  document.querySelectorAll('.focus').forEach(function(e){e.classList.remove('focus')});
  if (current) current.classList.remove('sel');
  current = li;
  if (!li) return;
  li.classList.add('sel');
  var mine = segsOf.get(li.dataset.q) || [];
  mine.forEach(function(e){e.classList.add('focus')});
  if (scroll) {
    li.scrollIntoView({block:'nearest'});
    if (mine.length) mine[0].scrollIntoView({block:'center'});
  }
}
items.forEach(function(li){
  li.addEventListener('click', function(){ select(li, true); });
});
var speaker = document.getElementById('speaker-filter');
var kinds = Array.prototype.slice.call(document.querySelectorAll('input.kind-filter'));
var minConf = document.getElementById('min-confidence');
var unknown = document.getElementById('unknown-confidence');
var shownCount = document.getElementById('shown');
function apply(){
  var who = speaker.value, min = parseFloat(minConf.value) || 0, on = {}, shown = new Set();
  kinds.forEach(function(k){ on[k.value] = k.checked; });
  items.forEach(function(li){
    var c = li.dataset.conf;
    var ok = (who === '*' || li.dataset.speaker === who) && on[li.dataset.kind] !== false &&
             (c === '' ? unknown.checked : parseFloat(c) >= min);
    li.classList.toggle('hidden', !ok);
    if (ok) shown.add(li.dataset.q);
  });
  var all = shown.size === items.length;
  segs.forEach(function(s){
    var qs = (s.dataset.q + ' ' + s.dataset.ref).split(' ').filter(Boolean);
    s.classList.toggle('dim', !all && !qs.some(function(q){ return shown.has(q); }));
  });
  if (current && current.classList.contains('hidden')) select(null);
  shownCount.textContent = shown.size + ' of ' + items.length + ' shown';
}
[speaker, minConf, unknown].concat(kinds).forEach(function(el){
  el.addEventListener('change', apply);
  el.addEventListener('input', apply);
});
document.addEventListener('keydown', function(e){
  if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'j' && e.key !== 'k')) return;
  var t = e.target, tag = t && t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && !/^(checkbox|radio|button)$/.test(t.type))) return;
  var shown = items.filter(function(li){ return !li.classList.contains('hidden'); });
  if (!shown.length) return;
  var i = shown.indexOf(current);
  if (e.key === 'j') i = i < 0 ? 0 : Math.min(i + 1, shown.length - 1);
  else i = i < 0 ? shown.length - 1 : Math.max(i - 1, 0);
  select(shown[i], true);
  e.preventDefault();
});
var target = null;
try { target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null; } catch (err) {}
apply();
if (target && target.classList.contains('item')) select(target, true);
})();
"""

PAGE_ROWS = 100  # rows of each index table shown at once; the search looks through all of them

SEARCH_JS = """
(function(){
var PAGE = %d;
var box = document.getElementById('search');
var tables = Array.prototype.slice.call(document.querySelectorAll('table.paged')).map(function(t){
  var rows = Array.prototype.slice.call(t.querySelectorAll('tr.row'));
  var pager = t.nextElementSibling, tab = {rows: rows, text: null, page: 0, pager: pager};
  pager.querySelector('.prev').addEventListener('click', function(){ tab.page--; show(tab); });
  pager.querySelector('.next').addEventListener('click', function(){ tab.page++; show(tab); });
  return tab;
});
function show(tab){
  var q = box.value.toLowerCase(), match = [];
  if (q && !tab.text) tab.text = tab.rows.map(function(r){ return r.textContent.toLowerCase(); });
  tab.rows.forEach(function(r, i){ if (!q || tab.text[i].indexOf(q) >= 0) match.push(i); });
  var pages = Math.max(1, Math.ceil(match.length / PAGE));
  tab.page = Math.min(Math.max(tab.page, 0), pages - 1);
  var on = new Set(match.slice(tab.page * PAGE, (tab.page + 1) * PAGE));
  tab.rows.forEach(function(r, i){
    var hide = !on.has(i);
    if (r.classList.contains('hidden') !== hide) r.classList.toggle('hidden', hide);
  });
  var from = match.length ? tab.page * PAGE + 1 : 0, to = Math.min(match.length, (tab.page + 1) * PAGE);
  tab.pager.querySelector('.where').textContent = from + '-' + to + ' of ' + match.length +
    (q ? ' matching' : '') + ' (page ' + (tab.page + 1) + ' of ' + pages + ')';
  tab.pager.querySelector('.prev').disabled = tab.page === 0;
  tab.pager.querySelector('.next').disabled = tab.page >= pages - 1;
}
box.addEventListener('input', function(){ tables.forEach(function(t){ t.page = 0; show(t); }); });
tables.forEach(show);
})();
""" % PAGE_ROWS

SPOTCHECK_JS = """
(function(){
var root = document.getElementById('checks');
var prefix = 'quotes-review:' + root.dataset.report + ':', reviewerKey = 'quotes-review:reviewer';
var store = null, memory = {};
try { store = window.localStorage; store.getItem(reviewerKey); } catch (err) { store = null; }
if (!store) document.getElementById('nostore').classList.remove('hidden');
function get(k){ return store ? store.getItem(k) : (k in memory ? memory[k] : null); }
function put(k, v){ if (store) store.setItem(k, v); else memory[k] = v; }
function drop(k){ if (store) store.removeItem(k); else delete memory[k]; }
function load(k){ try { return JSON.parse(get(k) || 'null'); } catch (err) { return null; } }
var reviewer = document.getElementById('reviewer');
reviewer.value = get(reviewerKey) || '';
reviewer.addEventListener('input', function(){ put(reviewerKey, reviewer.value); });
var checks = Array.prototype.slice.call(document.querySelectorAll('li.check'));
var count = document.getElementById('count');
function counted(){
  var n = checks.filter(function(c){ return c.classList.contains('done'); }).length;
  count.textContent = n + ' of ' + checks.length + ' judged (saved in this browser)';
}
checks.forEach(function(c){
  var key = prefix + c.dataset.id, right = c.querySelector('input.right-speaker'), note = c.querySelector('input.note');
  function show(){
    var v = c.querySelector('input.verdict:checked');
    right.classList.toggle('hidden', !(v && v.value === 'wrong_speaker'));
    c.classList.toggle('done', !!v);
  }
  var saved = load(key);
  if (saved) {
    c.querySelectorAll('input.verdict').forEach(function(r){ r.checked = r.value === saved.verdict; });
    right.value = saved.right_speaker || '';
    note.value = saved.note || '';
  }
  show();
  function save(){
    var v = c.querySelector('input.verdict:checked');
    show();
    if (!v && !right.value && !note.value) { drop(key); counted(); return; }
    put(key, JSON.stringify({verdict: v ? v.value : null, right_speaker: right.value || null, note: note.value || null,
                             reviewer: reviewer.value || null, timestamp: new Date().toISOString()}));
    counted();
  }
  c.addEventListener('change', save);
  c.addEventListener('input', save);
});
counted();
document.getElementById('download').addEventListener('click', function(){
  var lines = [];
  checks.forEach(function(c){
    var s = load(prefix + c.dataset.id);
    if (!s || !s.verdict) return;
    lines.push(JSON.stringify({id: c.dataset.id, doc: c.dataset.doc, doc_hash: c.dataset.docHash || null,
                               start: +c.dataset.start, end: +c.dataset.end, verdict: s.verdict,
                               right_speaker: s.verdict === 'wrong_speaker' ? (s.right_speaker || null) : null,
                               note: s.note || null, reviewer: s.reviewer || reviewer.value || null,
                               timestamp: s.timestamp || null}));
  });
  var blob = new Blob([lines.join('\\n') + (lines.length ? '\\n' : '')], {type: 'application/x-ndjson'});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob); a.download = 'verdicts.jsonl';
  document.body.appendChild(a); a.click(); a.remove();
  document.getElementById('exported').textContent = lines.length + ' verdicts exported';
});
})();
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


META_FIELDS = ("title", "publisher", "date", "url")


def article_meta(records: list[dict], given: dict | None = None) -> dict:
    """title, publisher, date and url of an article: what `given` says (the input's metadata), else
    the first of its records that has the field; None where unknown."""
    out = {}
    for key in META_FIELDS:
        value = (given or {}).get(key)
        if not isinstance(value, str) or not value:
            value = next((r[key] for r in records if isinstance(r.get(key), str) and r[key]), None)
        out[key] = value
    return out


def meta_block(meta: dict) -> str:
    """The article's title, publisher, date and link, escaped; the URL linked only when http(s)."""
    if not any(meta.get(k) for k in META_FIELDS):
        return ""
    parts = [esc(meta[k]) for k in ("publisher", "date") if meta.get(k)]
    url = meta.get("url")
    if url:
        ok = safe_url(url)
        parts.append(f'<a class="source" href="{esc(ok)}" target="_blank" rel="noopener noreferrer">{esc(ok)}</a>' if ok
                     else f'<span class="meta">{esc(url)} (not linked: not an http(s) URL)</span>')
    title = f'<h1>{esc(meta["title"])}</h1>' if meta.get("title") else ""
    return f'<div class="artmeta">{title}<div class="meta">{" · ".join(parts)}</div></div>'


def article_page(doc: str, text: str, records: list[dict], marked: bool = True,
                 same: dict[str, tuple[int, int]] | None = None, meta: dict | None = None) -> str:
    """One article; `marked=False` lists its quotes without highlighting (text missing or changed).
    `same` maps a quote id to (cluster page number, cluster size) for quotes other records render too;
    `meta` gives the article's title, publisher, date and url (default: from its records)."""
    same = same or {}
    items = []
    for r in records:
        sp = _speaker_name(r)
        c = confidence_of(r)
        joint = (r.get("speaker") or {}).get("joint") or []
        extra = [f"confidence {conf_text(c)}",
                 f"with {esc(', '.join(joint))}" if joint else "",
                 f"role: {esc(r['role'])}" if r.get("role") else "",
                 f"via {esc(r['outlet'].get('name'))}" if r.get("outlet") else "",
                 f"cue: {esc(r['cue'].get('text'))}" if r.get("cue") else "",
                 f"publisher: {esc(r['publisher'])}" if r.get("publisher") else ""]
        snippet = r["text"] if len(r["text"]) <= 160 else r["text"][:157] + "…"
        link = ""
        if r["id"] in same:
            k, size = same[r["id"]]
            link = (f'<div><a class="same" href="../clusters/{int(k)}.html">same statement elsewhere '
                    f'({int(size) - 1} more)</a></div>')
        items.append(f'<li class="item {kind_class(r["kind"])}" id="q-{esc(r["id"])}" data-q="{esc(r["id"])}" '
                     f'data-speaker="{esc(sp)}" data-kind="{kind_class(r["kind"])}" '
                     f'data-conf="{"" if c is None else repr(c)}">'
                     f'<span class="badge">{esc(r["kind"])}</span> <b>{esc(sp)}</b>'
                     f'<div class="meta">{" · ".join(x for x in extra if x)}</div>{esc(snippet)}{link}</li>')
    speakers = sorted({_speaker_name(r) for r in records})
    options = '<option value="*">all speakers</option>' + "".join(
        f'<option value="{esc(s)}">{esc(s)}</option>' for s in speakers)
    present = [k for k in (*KINDS, "other") if any(kind_class(r["kind"]) == k for r in records)] or list(KINDS)
    kind_boxes = "".join(f'<label><input type="checkbox" class="kind-filter" value="{k}" checked> {k}</label>'
                         for k in present)
    body = (f'{meta_block(meta if meta is not None else article_meta(records))}'
            f'<main><div id="text">{highlight(text, records if marked else [])}</div><aside>'
            f'<div class="filters">{kind_boxes}</div>'
            f'<div class="filters"><label>Speaker <select id="speaker-filter">{options}</select></label></div>'
            f'<div class="filters"><label>Minimum confidence <input id="min-confidence" type="number" min="0" max="1" '
            f'step="0.05" value="0"></label> <label><input type="checkbox" id="unknown-confidence" checked> unknown'
            f'</label></div>'
            f'<p class="meta">{len(records)} quotes (<span id="shown"></span>) · j / k: next / previous · '
            f'<span class="q-direct">direct</span> '
            f'<span class="q-indirect">indirect</span> <span class="q-mixed">mixed</span> · '
            f'<span class="cue">cue</span> · <span class="spk">speaker</span></p>'
            f'<ol id="quotes">{"".join(items)}</ol></aside></main>')
    return page(doc, body, ARTICLE_JS, up='<a href="../index.html">index</a> · ')


PAGER = ('<div class="pager"><button class="prev">previous</button> <span class="where"></span> '
         '<button class="next">next</button></div>')


def _tr(i: int) -> str:
    """An index table row: the first PAGE_ROWS shown, the rest hidden until the pager or search shows them."""
    return '<tr class="row">' if i < PAGE_ROWS else '<tr class="row hidden">'


def _title_div(title) -> str:
    return f'<div class="meta">{esc(title)}</div>' if title else ""


SPEAKER_DOCS_SHOWN = 5  # articles listed per speaker in the index; the speaker's page has them all


def index_page(articles: list[dict], speakers, has_spotcheck: bool, clusters: list[dict] | None = None) -> str:
    """`articles` in the order shown (least confident first); `speakers`: (entry, page number) or entries."""
    rows = "".join(
        f'{_tr(i)}<td><a href="articles/{a["n"]}.html">{esc(a["doc"])}</a>'
        f'{_title_div(a.get("title"))}</td>'
        f'<td>{esc(a.get("publisher") or "")}</td><td>{esc(a.get("date") or "")}</td><td>{esc(a["lang"])}</td>'
        f'<td>{a["quotes"]}</td><td>{esc(" ".join(f"{k} {v}" for k, v in a["kinds"].items()))}</td>'
        f'<td>{esc(conf_text(a.get("least")) if a["quotes"] else "")}</td>'
        f'<td>{esc(a["note"])}</td></tr>' for i, a in enumerate(articles))
    links = {a["doc"]: a["n"] for a in articles}
    srows = []
    for i, s in enumerate(speakers):
        s, n = s if isinstance(s, tuple) else (s, i)
        docs = list(s.docs)
        shown = ", ".join(f'<a href="articles/{links[d]}.html">{esc(d)}</a>' if d in links else esc(d)
                          for d in docs[:SPEAKER_DOCS_SHOWN])
        more = f' <a href="speakers/{n}.html">… {len(docs) - SPEAKER_DOCS_SHOWN} more</a>' if len(docs) > SPEAKER_DOCS_SHOWN else ""
        srows.append(
            f'{_tr(i)}<td><a href="speakers/{n}.html">{esc(s.name)}</a></td><td>{esc(s.quotes)}</td>'
            f'<td>{esc(", ".join(list(s.roles)[:5]))}</td><td>{esc(", ".join(list(s.outlets)[:5]))}</td>'
            f'<td>{esc(" ".join(f"{k}:{v}" for k, v in s.langs.items()))}</td><td>{shown}{more}</td></tr>')
    spot = '<p><a href="spotcheck.html">Spot-check a random sample</a></p>' if has_spotcheck else ""
    traced = ""
    if clusters:
        crows = "".join(
            f'{_tr(i)}<td><a href="clusters/{int(c["n"])}.html">{esc(c.get("speaker") or "(unnamed)")}</a></td>'
            f'<td>{len(c["members"])}</td><td>{esc(", ".join(c.get("langs") or []))}</td>'
            f'<td>{esc(_snippet((c.get("canonical") or {}).get("text") or "", 120))}</td></tr>' for i, c in enumerate(clusters))
        traced = (f'<h2>Statements in several records ({len(clusters)})</h2><table class="paged"><tr><th>speaker</th><th>records</th>'
                  f'<th>languages</th><th>canonical wording</th></tr>{crows}</table>{PAGER}')
    body = (f'<main><div class="grow">{spot}<input id="search" placeholder="search articles and speakers" size="40">'
            f'<h2>Articles ({len(articles)}, least confident quote first)</h2><table class="paged"><tr><th>article</th><th>publisher</th>'
            f'<th>date</th><th>lang</th><th>quotes</th><th>kinds</th><th>lowest confidence</th>'
            f'<th></th></tr>{rows}</table>{PAGER}<h2>Speakers ({len(srows)})</h2><table class="paged"><tr><th>speaker</th><th>quotes</th>'
            f'<th>roles</th><th>outlets</th><th>languages</th><th>articles</th></tr>{"".join(srows)}</table>{PAGER}{traced}</div></main>')
    return page("quotes review", body, SEARCH_JS)


def speaker_page(entry, quotes: list[tuple[dict, int]]) -> str:
    """Every quote of one speaker (merged across articles as speaker_index merges names), each
    linking to its place in its article; `quotes` is (record, article page number). No script."""
    rows = "".join(
        f'<tr><td><a href="../articles/{int(n)}.html#{esc(quote_anchor(r["id"]))}">{esc(r["doc"])}</a></td>'
        f'<td>{esc(r.get("lang"))}</td><td><span class="badge">{esc(r["kind"])}</span></td>'
        f'<td>{esc(conf_text(confidence_of(r)))}</td><td>{esc((r.get("speaker") or {}).get("mention"))}</td>'
        f'<td>{esc(r.get("role") or "")}</td><td class="pre">{esc(_snippet(r["text"]))}</td></tr>' for r, n in quotes)
    aliases = sorted(n for n in entry.names if n != entry.name)
    body = (f'<main><div class="grow"><p>{len(quotes)} quotes in {len({r["doc"] for r, _ in quotes})} articles'
            f'{" · also written " + esc(", ".join(aliases)) if aliases else ""}'
            f'{" · roles: " + esc(", ".join(entry.roles)) if entry.roles else ""}</p>'
            f'<table><tr><th>article</th><th>lang</th><th>kind</th><th>confidence</th><th>mention</th><th>role</th>'
            f'<th>quote</th></tr>{rows}</table></div></main>')
    return page(entry.name, body, up='<a href="../index.html">index</a> · ')


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


def draw_sample(pool: list[dict], n: int, seed: int, by_confidence: bool = False) -> list[dict]:
    """`n` records of `pool` drawn with `seed`. `by_confidence`: evenly from the confidence bins
    (BINS equal-width bins over [0, 1], unknown confidence its own stratum): each non-empty bin gets
    an equal share, a bin with fewer records than its share gives the rest to the others (the
    largest bins take the remainder). Without it, a plain random.sample (the draw of earlier reports)."""
    rng = random.Random(seed)
    if not by_confidence:
        return rng.sample(pool, min(n, len(pool)))
    strata: dict[int | None, list[dict]] = {}
    for r in pool:
        strata.setdefault(confidence_bin(confidence_of(r)), []).append(r)
    order = sorted(strata, key=lambda b: -1 if b is None else b)
    left, share = min(n, len(pool)), {}
    by_size = sorted(order, key=lambda b: (len(strata[b]), order.index(b)))
    for i, b in enumerate(by_size):
        share[b] = min(len(strata[b]), left // (len(by_size) - i))
        left -= share[b]
    return [r for b in order for r in rng.sample(strata[b], share[b])]


def report_key(records: list[dict]) -> str:
    """What the spot-check page keys its localStorage by (with each record id): a hash of the
    report's record ids, so the same records give the same key, another report another."""
    return hashlib.sha256("\n".join(sorted(r["id"] for r in records)).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def spotcheck_page(sample: list[tuple[dict, str, int]], seed: int, by_confidence: bool = False,
                   key: str = "") -> str:
    """The sample with a verdict, a right speaker (for a wrong one) and a note per quote; the page's
    script keeps them in localStorage under 'quotes-review:KEY:RECORD-ID' and exports verdicts.jsonl."""
    items = []
    for r, text, n in sample:
        a, b = max(0, r["start"] - 200), min(len(text), r["end"] + 200)
        context = esc(text[a:r["start"]]) + f'<span class="seg q-{kind_class(r["kind"])}">{esc(text[r["start"]:r["end"]])}</span>' \
            + esc(text[r["end"]:b])
        radios = "".join(f'<label><input type="radio" class="verdict" name="v-{esc(r["id"])}" value="{v}"> {label}</label> '
                         for v, label in VERDICTS)
        items.append(f'<li class="check item {kind_class(r["kind"])}" data-id="{esc(r["id"])}" data-doc="{esc(r["doc"])}" '
                     f'data-doc-hash="{esc(r.get("doc_hash") or "")}" '
                     f'data-start="{int(r["start"])}" data-end="{int(r["end"])}"><b>{esc(_speaker_name(r))}</b> '
                     f'<span class="badge">{esc(r["kind"])}</span> '
                     f'<span class="badge">confidence {esc(conf_text(confidence_of(r)))}</span> '
                     f'<a href="articles/{int(n)}.html#{esc(quote_anchor(r["id"]))}">{esc(r["doc"])}</a>'
                     f'<div class="pre">…{context}…</div><div>{radios}'
                     f'<input class="right-speaker hidden" type="text" size="28" placeholder="the right speaker"></div>'
                     f'<div><input class="note" type="text" size="70" placeholder="note"></div></li>')
    how = f"seed {int(seed)}"
    if by_confidence:
        bins = Counter(confidence_bin(confidence_of(r)) for r, _, _ in sample)
        how += ", evenly from confidence bins (" + ", ".join(
            f"{bin_label(b)}: {bins[b]}" for b in sorted(bins, key=lambda b: -1 if b is None else b)) + ")"
    body = (f'<main><div class="grow" id="checks" data-report="{esc(key)}"><p>{len(sample)} quotes drawn with {esc(how)}. '
            f'Choose a verdict for each: it is saved in this browser as you go. '
            f'<label>Reviewer <input id="reviewer" type="text" size="20" placeholder="your name"></label> '
            f'<button id="download">download verdicts.jsonl</button> <span id="count"></span> <span id="exported"></span></p>'
            f'<p id="nostore" class="hidden"><b>This browser does not let the page keep data: download the verdicts '
            f'before you close it.</b></p>'
            f'<ol>{"".join(items)}</ol></div></main>')
    return page("spot-check", body, SPOTCHECK_JS, up='<a href="index.html">index</a> · ')


def write_report(records: list[dict], texts: dict[str, str], out: Path, sample: int = 0, seed: int = 0,
                 clusters: list | None = None, by_confidence: bool = False,
                 meta: dict[str, dict] | None = None) -> dict:
    """Write the report; returns counts. `texts` maps doc id -> article text as extracted.
    `clusters` (optional): what quotes.trace.trace(records, texts) returns (or their as_dict());
    each cluster of 2+ records gets a page, and its quotes a link to it. `by_confidence`: draw the
    spot-check sample evenly from confidence bins. `meta` (optional) maps doc id -> the input's
    title / publisher / date / url for articles whose records lack them (or that have none)."""
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
        info = article_meta(recs, (meta or {}).get(doc))
        (out / "articles" / f"{n}.html").write_text(article_page(doc, text, recs, marked=not note, same=same, meta=info),
                                                    encoding="utf-8")
        numbered[doc] = n
        confs = [confidence_of(r) for r in recs]
        least = None if not recs or None in confs else min(confs)
        articles.append({"n": n, "doc": doc, "lang": recs[0].get("lang") or "" if recs else "", "quotes": len(recs),
                         "kinds": dict(Counter(r["kind"] for r in recs)), "note": note, "least": least, **info})
    # least confident first: an article with a quote of unknown confidence before any known one,
    # articles without quotes last (nothing to check)
    shown = sorted(articles, key=lambda a: (not a["quotes"], -1.0 if a["least"] is None else a["least"], a["n"]))
    drawn = []
    if sample:
        pool = [r for r in records if r["doc"] in texts]
        picked = draw_sample(pool, sample, seed, by_confidence)
        for r in sorted(picked, key=lambda r: (numbered[r["doc"]], r["start"])):
            drawn.append((r, texts[r["doc"]], numbered[r["doc"]]))
        (out / "spotcheck.html").write_text(spotcheck_page(drawn, seed, by_confidence, report_key(records)),
                                            encoding="utf-8")
    if multi:
        (out / "clusters").mkdir(exist_ok=True)
        for c in multi:
            (out / "clusters" / f"{c['n']}.html").write_text(cluster_page(c, numbered), encoding="utf-8")
    entries = speaker_index(records)
    if entries:
        (out / "speakers").mkdir(exist_ok=True)
        entry_of = {name: i for i, e in enumerate(entries) for name in e.names}
        quotes_of: dict[int, list] = {}
        for r in records:
            name = (r.get("speaker") or {}).get("name")
            if name in entry_of:
                quotes_of.setdefault(entry_of[name], []).append(r)
        for i, e in enumerate(entries):
            recs = sorted(quotes_of.get(i, []), key=lambda r: (numbered[r["doc"]], r["start"]))
            (out / "speakers" / f"{i}.html").write_text(speaker_page(e, [(r, numbered[r["doc"]]) for r in recs]),
                                                       encoding="utf-8")
    (out / "index.html").write_text(index_page(shown, entries, bool(sample), multi), encoding="utf-8")
    return {"articles": len(articles), "quotes": len(records), "sample": len(drawn), "clusters": len(multi),
            "speakers": len(entries)}
