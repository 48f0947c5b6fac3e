"""The HTML review report and the speaker index: escaping, highlight pieces, and a real browser."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from quotes.record import text_hash
from quotes.review import Mark, highlight, segments, write_report
from quotes.speakers import normalise_name, speaker_index

TEXT = 'Er sagte: "a <b>&c</b>". Sie sagte, x sei y.'


def rec(i, start, end, kind="direct", name="Max Muster", cue=None, spk=None, doc="d.txt", text=TEXT):
    return {"id": f"q{i}", "doc": doc, "doc_hash": text_hash(text), "lang": "de", "kind": kind,
            "text": text[start:end], "start": start, "end": end,
            "cue": {"start": cue[0], "end": cue[1], "text": text[cue[0]:cue[1]], "lemma": "sagen"} if cue else None,
            "speaker": {"start": spk[0], "end": spk[1], "name": name, "mention": text[spk[0]:spk[1]],
                        "type": "person", "via": "subject"} if spk else None,
            "role": None, "outlet": None, "publisher": None}


def test_segments_cover_text_with_overlapping_and_adjacent_marks():
    marks = [Mark(2, 6, "q-direct", "a"), Mark(4, 8, "q-indirect", "b"), Mark(8, 10, "q-mixed", "c")]
    segs = segments("0123456789AB", marks)
    assert [(a, b) for a, b, _ in segs] == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10), (10, 12)]
    assert [sorted(m.quote for m in ms) for _, _, ms in segs] == [[], ["a"], ["a", "b"], ["b"], ["c"], []]


def test_highlight_escapes_article_text_and_keeps_it_whole():
    out = highlight(TEXT, [rec(1, 11, 22, cue=(3, 8), spk=(0, 2))])
    assert "<b>" not in out and "&lt;b&gt;&amp;c&lt;/b&gt;" in out
    assert 'class="seg q-direct" data-q="q1"' in out and 'class="seg cue"' in out and 'class="seg spk"' in out
    import html
    import re
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == TEXT  # nothing added, nothing lost


def test_record_fields_cannot_inject_markup(tmp_path):
    evil = rec(1, 11, 22, name='"><script>alert(1)</script>', spk=(0, 2))
    evil["role"] = "<img src=x onerror=alert(1)>"
    write_report([evil], {"d.txt": TEXT}, tmp_path, sample=1)
    for page in [tmp_path / "index.html", tmp_path / "spotcheck.html", *tmp_path.glob("articles/*.html")]:
        body = page.read_text(encoding="utf-8")
        assert "<script>alert" not in body and "<img" not in body and "<b>&c" not in body, page


def test_changed_article_is_listed_not_highlighted(tmp_path):
    write_report([rec(1, 11, 22)], {"d.txt": TEXT + " changed"}, tmp_path)
    body = (tmp_path / "articles" / "0.html").read_text(encoding="utf-8")
    assert "article changed since extraction" in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'class="seg' not in body and 'data-q="q1"' in body  # listed in the panel only


def test_speakers_merge_across_articles_and_languages():
    def said(i, name, doc="de.txt", lang="de"):
        return {**rec(i, 0, 5, name=name, doc=doc, spk=(0, 2)), "lang": lang}

    recs = [said(1, "Wang Yi"), said(2, "Wang"), said(3, "WANG  Yi", "en.txt", "en"), said(4, "Li Mingjiang"),
            said(5, "José Núñez"), said(6, "José Núñez", "x.txt"), said(7, "Jose Nunez", "y.txt"), said(8, "Li")]
    entries = {e.name: e for e in speaker_index(recs)}
    assert set(entries) == {"Wang Yi", "Li Mingjiang", "José Núñez"}
    wang = entries["Wang Yi"]
    assert wang.quotes == 3 and dict(wang.langs) == {"de": 2, "en": 1} and list(wang.docs) == ["de.txt", "en.txt"]
    assert entries["Li Mingjiang"].quotes == 2 and entries["José Núñez"].quotes == 3
    assert normalise_name("Núñez-Pérez") == "nunez perez"

    # a middle initial is the same name when one form with initials has that first and last name,
    # and then a lone surname joins it too; two such forms ("H. W.", "W.") leave the bare one apart
    recs = [said(1, "Loretta E. Lynch"), said(2, "Loretta Lynch", "b.txt"), said(3, "Loretta Lynch", "c.txt"),
            said(4, "Lynch", "d.txt"), said(5, "George W. Bush"), said(6, "George H. W. Bush"), said(7, "George Bush")]
    entries = {e.name: e for e in speaker_index(recs)}
    assert set(entries) == {"Loretta Lynch", "George W. Bush", "George H. W. Bush", "George Bush"}
    assert entries["Loretta Lynch"].quotes == 4 and set(entries["Loretta Lynch"].names) == {
        "Loretta E. Lynch", "Loretta Lynch", "Lynch"}

    # a quote of joint speakers counts for each; its role stays with the one it is given to
    joint = {**said(1, "Charles E. Grassley"), "role": "senator"}
    joint["speaker"]["joint"] = ["Patrick J. Leahy"]
    entries = {e.name: e for e in speaker_index([joint, said(2, "Patrick J. Leahy", "b.txt")])}
    assert (entries["Charles E. Grassley"].quotes, entries["Patrick J. Leahy"].quotes) == (1, 2)
    assert dict(entries["Charles E. Grassley"].roles) == {"senator": 1} and not entries["Patrick J. Leahy"].roles


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_report_in_headless_chromium(tmp_path, seed_quotes):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    records, texts = [], {}
    for key in sorted(seed_quotes):
        text, recs = seed_quotes[key]
        records += [r.model_dump(mode="json") for r in recs]
        texts[recs[0].doc] = text
    write_report(records, texts, tmp_path / "report", sample=5, seed=1)
    doc = next(d for d in texts if d.startswith("001"))
    page_no = sorted(texts).index(doc)
    wang = next(r for r in records if r["doc"] == doc and (r["speaker"] or {}).get("name") == "Wang Yi")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto((tmp_path / "report" / "index.html").as_uri())
        page.fill("#search", "Mingjiang")
        assert page.locator("tr.row:visible").count() >= 1
        page.goto((tmp_path / "report" / "articles" / f"{page_no}.html").as_uri())
        page.click(f'li.item[data-q="{wang["id"]}"]')
        focused = page.locator("#text .focus")
        assert "".join(focused.all_text_contents()) == wang["text"]  # the highlighted element is the quote
        page.select_option("#speaker-filter", "Wang Yi")
        visible = page.locator("li.item:visible")
        assert visible.count() == sum(1 for r in records if r["doc"] == doc and (r["speaker"] or {}).get("name") == "Wang Yi")
        assert all(x == "Wang Yi" for x in [visible.nth(i).get_attribute("data-speaker") for i in range(visible.count())])
        assert page.locator("li.item.hidden").count() > 0  # other speakers' quotes are hidden
        shot = Path(os.environ.get("QUOTES_SCREENSHOT", tmp_path / "review.png"))
        page.select_option("#speaker-filter", "*")
        page.click(f'li.item[data-q="{wang["id"]}"]')
        page.screenshot(path=str(shot))
        browser.close()
    assert shot.stat().st_size > 10_000


PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>\' onmouseover=alert(3) x="'


def _evil_record():
    r = rec(1, 11, 22, cue=(3, 8), spk=(0, 2), name=PAYLOAD)
    for key in ("id", "kind", "lang", "doc_hash", "role", "publisher"):
        r[key] = PAYLOAD + key
    r["cue"]["text"] = r["cue"]["lemma"] = r["speaker"]["mention"] = PAYLOAD
    r["outlet"] = {"start": 0, "end": 2, "name": PAYLOAD, "text": PAYLOAD}
    return r


class _Tags(__import__("html.parser").parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts = [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
            self._in_script = False


def _safe_page(page) -> tuple["_Tags", list[str], str]:
    """Parse one report page and check what every page must hold: no <img>, no event-handler or
    style attributes, a Content-Security-Policy without 'unsafe-inline'. Returns (parse, tag names, CSP)."""
    parsed = _Tags()
    parsed.feed(page.read_text(encoding="utf-8"))
    names = [t for t, _ in parsed.tags]
    assert "img" not in names, page
    assert not any(k.startswith("on") or k == "style" for _, attrs in parsed.tags for k in attrs), page
    (csp,) = [a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    return parsed, names, csp


def test_every_record_field_is_escaped_and_csp_has_no_unsafe_inline(tmp_path):
    import base64
    import hashlib

    write_report([_evil_record()], {"d.txt": TEXT, PAYLOAD: "x"}, tmp_path, sample=1)
    pages = [tmp_path / "index.html", tmp_path / "spotcheck.html", *tmp_path.glob("articles/*.html")]
    for page in pages:
        parsed, names, csp = _safe_page(page)
        assert names.count("script") == 1, page
        kinds = {c for t, attrs in parsed.tags for c in (attrs.get("class") or "").split()}
        assert not any("alert" in c or "<" in c for c in kinds), page  # a class never carries record text
        digest = base64.b64encode(hashlib.sha256(parsed.scripts[0].encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in csp  # only the report's own script runs


def test_review_reports_bad_records_one_line_each(tmp_path):
    from typer.testing import CliRunner

    from quotes.cli import app

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d.txt").write_text(TEXT, encoding="utf-8")
    good = rec(1, 11, 22, spk=(0, 2))
    bad = [{**good, "start": "x"}, {**good, "speaker": "Max"}, [1, 2], {**good, "kind": None}]
    path = tmp_path / "q.jsonl"
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in [good, *bad]) + b'{"id": "\xff"}\n{broken\n')
    result = CliRunner().invoke(app, ["review", str(path), "--docs", str(docs), "-o", str(tmp_path / "r"), "--sample", "1"])
    assert result.exit_code == 1
    assert [line.split(":")[3] for line in result.stderr.splitlines() if "skipped" in line] == ["2", "3", "4", "5", "6", "7"]
    assert "1 quotes" in result.stderr and (tmp_path / "r" / "index.html").exists()
    speakers = CliRunner().invoke(app, ["speakers", str(path)])
    assert speakers.exit_code == 0
    assert "Max Muster" in speakers.stdout


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_no_injected_script_runs_in_headless_chromium(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    evil = _evil_record()
    evil["doc_hash"] = text_hash(TEXT)  # the article matches its records, so its page is highlighted
    write_report([evil, rec(2, 25, 44, kind="indirect")], {"d.txt": TEXT}, tmp_path, sample=2)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        for name in ("index.html", "spotcheck.html", "articles/0.html"):
            page.goto((tmp_path / name).as_uri())
            page.mouse.move(10, 10)
            page.evaluate("document.querySelectorAll('*').forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))")
            assert page.title() in ("quotes review", "spot-check", "d.txt")
        page.goto((tmp_path / "articles" / "0.html").as_uri())
        page.click('li.item[data-q="q2"]')
        assert page.locator("#text .focus").count() >= 1  # the report's own script works
        browser.close()
    assert dialogs == [] and errors == []


# ------------------------------------------------------------------ same statement elsewhere (quotes trace)

def _traced_report(tmp_path, evil=False):
    from quotes.trace import trace

    de = 'Sie sagte: "Wir senken die Steuern für 1.770 Familien in Kasachstan". Ende.'
    en = 'She said: "We will cut taxes for 1,770 families in Kazakhstan". The end.'
    a = rec(1, 12, de.index('"', 12), doc="de.txt", text=de, spk=(0, 3), name=PAYLOAD if evil else "Max Muster")
    b = {**rec(2, 11, en.index('"', 11), doc="en.txt", text=en, spk=(0, 3), name=PAYLOAD if evil else "Max Muster"),
         "lang": "en"}
    lone = rec(3, 25, 44, kind="indirect", doc="d.txt")
    if evil:
        for r in (a, b):
            r["publisher"] = PAYLOAD
    records = [a, b, lone]
    texts = {"de.txt": de, "en.txt": en, "d.txt": TEXT}
    clusters = trace(records, texts)
    counts = write_report(records, texts, tmp_path, clusters=clusters)
    return records, counts


def test_quotes_in_a_cluster_link_to_its_page(tmp_path):
    records, counts = _traced_report(tmp_path)
    assert counts["clusters"] == 1
    page = (tmp_path / "clusters" / "0.html").read_text(encoding="utf-8")
    for n in (0, 1):  # the two articles of the cluster link to it; the third article's quote does not
        assert 'href="../clusters/0.html">same statement elsewhere (1 more)' in \
            (tmp_path / "articles" / f"{n}.html").read_text(encoding="utf-8")
    assert "same statement elsewhere" not in (tmp_path / "articles" / "2.html").read_text(encoding="utf-8")
    assert page.count('<div class="col ') + page.count('<div class="col"') == 2 and page.count('class="anchor"') >= 3  # side by side, anchors marked
    assert 'href="../articles/0.html"' in page and 'href="clusters/0.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_write_report_without_clusters_writes_no_cluster_pages(tmp_path):
    write_report([rec(1, 11, 22)], {"d.txt": TEXT}, tmp_path)
    assert not (tmp_path / "clusters").exists()


def test_cluster_pages_escape_everything_and_run_no_script(tmp_path):
    _traced_report(tmp_path, evil=True)
    pages = [tmp_path / "index.html", *tmp_path.glob("articles/*.html"), *tmp_path.glob("clusters/*.html")]
    assert any("clusters" in str(p) for p in pages)
    for page in pages:
        parsed, names, csp = _safe_page(page)
        assert names.count("script") <= 1, page
        if "clusters" in str(page):
            assert "script" not in names and "script-src 'none'" in csp


def test_cluster_page_marks_changed_words_within_a_language(tmp_path):
    from quotes.review import cluster_page
    from quotes.trace import word_diff

    canon = "Wir senken die Steuern für alle Familien"
    member = "Wir senken die Abgaben für Familien <b>"
    cluster = {"speaker": "Max", "first": None, "first_by": "unknown", "canonical": {"id": "a", "why": "x"},
               "members": [{"id": "a", "doc": "a.txt", "lang": "de", "kind": "direct", "text": canon},
                           {"id": "b", "doc": "b.txt", "lang": "de", "kind": "direct", "text": member,
                            "wording": word_diff(canon, member)}]}
    html_page = cluster_page(cluster, {"a.txt": 0})
    assert '<span class="del">Steuern</span> <span class="chg">Abgaben</span>' in html_page
    assert '<span class="del">alle</span>' in html_page and '<span class="chg">&lt;b&gt;</span>' in html_page


# ------------------------------------------------------------------ issue 20: metadata, filters, j/k, verdicts

ROOT = Path(__file__).resolve().parent.parent


def _seed_records():
    """The seed records as `quotes extract seeds` wrote them (tests/trace), with made-up
    confidences (every seventh unknown) and metadata on the last article: no Stanza needed."""
    from quotes.article import read_articles

    records = [json.loads(line) for line in (ROOT / "tests" / "trace" / "seeds-records.jsonl").open(encoding="utf-8")]
    texts = {a.id: a.text for a in read_articles([ROOT / "seeds"])}
    for i, r in enumerate(records):
        r["confidence"] = None if i % 7 == 3 else round((i * 37 % 100) / 100, 2)
        if r["doc"].startswith("004"):
            r.update(title="Eine <Überschrift> & mehr", publisher="Der Bote", date="2022-01-07",
                     url="https://example.org/a?x=1&y=\"2\"")
    return records, texts


def test_article_page_shows_metadata_and_links_only_http_urls(tmp_path):
    records, texts = _seed_records()
    write_report(records, texts, tmp_path)
    page = (tmp_path / "articles" / "4.html").read_text(encoding="utf-8")
    assert "<h1>Eine &lt;Überschrift&gt; &amp; mehr</h1>" in page and "Der Bote · 2022-01-07" in page
    assert ('<a class="source" href="https://example.org/a?x=1&amp;y=&quot;2&quot;" target="_blank" '
            'rel="noopener noreferrer">') in page
    for bad in ("javascript:alert(1)", "data:text/html,x", "//example.org/x", "https://exa mple.org", "ftp://x.org/"):
        rec1 = {**rec(1, 11, 22), "url": bad}
        write_report([rec1], {"d.txt": TEXT}, tmp_path / "bad")
        body = (tmp_path / "bad" / "articles" / "0.html").read_text(encoding="utf-8")
        assert 'class="source"' not in body and "not linked" in body, bad


def test_index_sorts_articles_by_least_confident_quote_unknown_first(tmp_path):
    import re

    texts = {f"{c}.txt": TEXT for c in "abcde"}
    records = [{**rec(1, 11, 22, doc="a.txt"), "confidence": 0.9}, {**rec(2, 25, 44, doc="a.txt"), "confidence": 0.3},
               {**rec(3, 11, 22, doc="b.txt"), "confidence": 0.5}, {**rec(4, 11, 22, doc="c.txt"), "confidence": None},
               {**rec(5, 11, 22, doc="d.txt"), "confidence": 0.95}]  # e.txt: no quotes
    write_report(records, texts, tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<tr class="row(?: hidden)?"><td><a href="articles/\d+.html">([a-e]).txt', index) == list("cabde")


def test_speaker_table_links_to_a_page_of_all_their_quotes(tmp_path):
    records, texts = _seed_records()
    write_report(records, texts, tmp_path)
    entries = speaker_index(records)
    wang = next(i for i, e in enumerate(entries) if e.name == "Wang Yi")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'<a href="speakers/{wang}.html">Wang Yi</a>' in index
    page = (tmp_path / "speakers" / f"{wang}.html").read_text(encoding="utf-8")
    mine = [r for r in records if (r["speaker"] or {}).get("name") in entries[wang].names]
    assert len(mine) == entries[wang].quotes and page.count("#q-") == len(mine)
    assert all(f'#q-{r["id"]}"' in page for r in mine) and "<script" not in page


def test_stratified_sample_draws_evenly_from_confidence_bins():
    from quotes.review import draw_sample
    from quotes.verdicts import confidence_bin

    pool = [{"id": str(i), "confidence": c} for i, c in enumerate(
        [None] * 3 + [0.05] * 40 + [0.3] * 40 + [0.5] * 2 + [0.7] * 40 + [0.9, 1.0] * 20)]
    drawn = draw_sample(pool, 20, seed=4, by_confidence=True)
    per_bin = Counter(confidence_bin(r["confidence"]) for r in drawn)
    # 6 strata, 20 draws: the two small strata give all they have (3 unknown, 2 in 0.4-0.6), the
    # other four share 15 as evenly as can be (3 + 4 + 4 + 4; a remainder goes to the largest bins)
    assert len(drawn) == 20 and len({r["id"] for r in drawn}) == 20
    assert per_bin[None] == 3 and per_bin[2] == 2 and sorted(per_bin[b] for b in (0, 1, 3, 4)) == [3, 4, 4, 4]
    assert draw_sample(pool, 20, seed=4, by_confidence=True) == drawn  # seeded
    assert draw_sample(pool, 20, seed=5, by_confidence=True) != drawn
    import random
    assert draw_sample(pool, 7, seed=9) == random.Random(9).sample(pool, 7)  # the plain draw is unchanged
    assert len(draw_sample(pool[:5], 50, seed=1, by_confidence=True)) == 5


def test_bad_confidence_is_a_bad_record():
    from quotes.review import record_problem

    assert record_problem({**rec(1, 11, 22), "confidence": 0.5}) is None
    assert record_problem({**rec(1, 11, 22), "confidence": None}) is None
    for bad in (1.5, -0.1, "0.5", True):
        assert "confidence" in record_problem({**rec(1, 11, 22), "confidence": bad})


def test_speaker_pages_and_metadata_are_escaped(tmp_path):
    evil = _evil_record()
    for key in ("title", "date", "url"):
        evil[key] = PAYLOAD
    write_report([evil, {**rec(2, 25, 44, kind="indirect"), "url": "javascript:alert(1)"}], {"d.txt": TEXT}, tmp_path,
                 sample=2, by_confidence=True)
    pages = [tmp_path / "index.html", tmp_path / "spotcheck.html", *tmp_path.glob("articles/*.html"),
             *tmp_path.glob("speakers/*.html")]
    assert any("speakers" in str(p) for p in pages)
    for page in pages:
        parsed, names, csp = _safe_page(page)
        assert names.count("script") <= 1, page
        assert not any(t == "a" and not (a.get("href") or "").startswith(("../", "articles/", "speakers/", "clusters/",
                                                                          "spotcheck.html", "index.html", "http"))
                       for t, a in parsed.tags), page


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_filters_keys_and_verdicts_in_headless_chromium(tmp_path):
    """Kind and confidence filters, j/k, a speaker page's link, and verdicts that survive a reload
    and come out in the export (which quotes.verdicts then reads)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from quotes.verdicts import summarize

    records, texts = _seed_records()
    write_report(records, texts, tmp_path / "report", sample=8, seed=2, by_confidence=True)
    doc = next(d for d in texts if d.startswith("004"))
    page_no = list(dict.fromkeys(r["doc"] for r in records)).index(doc)
    mine = sorted((r for r in records if r["doc"] == doc), key=lambda r: (r["start"], r["end"]))
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 700}, accept_downloads=True)
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((tmp_path / "report" / "articles" / f"{page_no}.html").as_uri())

        def shown():
            return page.eval_on_selector_all("li.item:not(.hidden)", "els => els.map(e => e.dataset.q)")

        assert shown() == [r["id"] for r in mine]
        page.uncheck('input.kind-filter[value="indirect"]')
        assert shown() == [r["id"] for r in mine if r["kind"] != "indirect"]
        page.fill("#min-confidence", "0.5")
        want = [r for r in mine if r["kind"] != "indirect" and (r["confidence"] is None or r["confidence"] >= 0.5)]
        assert shown() == [r["id"] for r in want] and 2 <= len(want) < len(mine)
        page.uncheck("#unknown-confidence")
        want = [r for r in want if r["confidence"] is not None]
        assert shown() == [r["id"] for r in want] and len(want) >= 2
        assert page.locator("#text .seg.dim").count() > 0  # the text of hidden quotes is dimmed

        page.evaluate("document.activeElement && document.activeElement.blur()")
        for key, at in (("j", 0), ("j", 1), ("k", 0), ("j", 1)):
            page.keyboard.press(key)
            (sel,) = page.eval_on_selector_all("li.item.sel", "els => els.map(e => e.dataset.q)")
            assert sel == want[at]["id"], (key, at)
            assert "".join(page.locator("#text .focus").all_text_contents()) == want[at]["text"]
            assert page.eval_on_selector("li.item.sel", "e => getComputedStyle(e).outlineStyle") == "solid"
            top = page.eval_on_selector("#text .focus", "e => e.getBoundingClientRect().top")
            assert 0 <= top <= 700  # scrolled into view
        for _ in range(len(want) + 2):
            page.keyboard.press("j")  # stops at the last quote shown
        assert page.eval_on_selector("li.item.sel", "e => e.dataset.q") == want[-1]["id"]

        # the index, least confident first, and a speaker page's link to the quote's place
        page.goto((tmp_path / "report" / "index.html").as_uri())
        page.click('a:text-is("Wang Yi")')
        assert "speakers/" in page.url
        page.locator("td a").first.click()
        assert "#q-" in page.url and page.locator("li.item.sel").count() == 1
        assert page.eval_on_selector("li.item.sel", "e => e.id") == "q-" + page.url.split("#q-")[1]

        # verdicts: kept as they are made, back after a reload, in the export
        page.goto((tmp_path / "report" / "spotcheck.html").as_uri())
        checks = page.locator("li.check")
        assert checks.count() == 8
        page.fill("#reviewer", "anna")
        first, second = checks.nth(0), checks.nth(1)
        assert not first.locator("input.right-speaker").is_visible()
        first.locator('input.verdict[value="wrong_speaker"]').check()
        assert first.locator("input.right-speaker").is_visible()
        first.locator("input.right-speaker").fill("Kassym-Schomart Tokajew")
        first.locator("input.note").fill('a "note" <b>')
        second.locator('input.verdict[value="correct"]').check()
        ids = [first.get_attribute("data-id"), second.get_attribute("data-id")]
        page.reload()
        first, second = page.locator("li.check").nth(0), page.locator("li.check").nth(1)
        assert page.input_value("#reviewer") == "anna"
        assert first.locator('input.verdict[value="wrong_speaker"]').is_checked()
        assert first.locator("input.right-speaker").input_value() == "Kassym-Schomart Tokajew"
        assert first.locator("input.note").input_value() == 'a "note" <b>'
        assert second.locator('input.verdict[value="correct"]').is_checked()
        assert "2 of 8 judged" in page.text_content("#count")
        with page.expect_download() as info:
            page.click("#download")
        download = info.value
        assert download.suggested_filename == "verdicts.jsonl"
        lines = [json.loads(x) for x in Path(download.path()).read_text(encoding="utf-8").splitlines()]
        browser.close()
    assert errors == []
    by_id = {r["id"]: r for r in records}
    assert [v["id"] for v in lines] == ids
    assert lines[0]["verdict"] == "wrong_speaker" and lines[0]["right_speaker"] == "Kassym-Schomart Tokajew"
    assert lines[0]["note"] == 'a "note" <b>' and lines[1]["verdict"] == "correct" and lines[1]["right_speaker"] is None
    for v in lines:
        assert v["reviewer"] == "anna" and v["doc"] == by_id[v["id"]]["doc"] and v["doc_hash"] == by_id[v["id"]]["doc_hash"]
        assert v["timestamp"].endswith("Z") and set(v) >= {"id", "doc", "doc_hash", "verdict", "right_speaker", "note",
                                                           "reviewer", "timestamp"}
    s = summarize(lines, records)
    assert (s["overall"]["correct"], s["overall"]["judged"], s["stale"]) == (1, 2, 0)


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_index_pages_its_tables_and_searches_all_rows(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from quotes.review import PAGE_ROWS

    n = PAGE_ROWS * 2 + 30
    texts = {f"doc{i:03d}.txt": TEXT for i in range(n)}
    records = [{**rec(i, 11, 22, doc=f"doc{i:03d}.txt"), "confidence": i / n} for i in range(n)]
    write_report(records, texts, tmp_path)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto((tmp_path / "index.html").as_uri())
        rows = "table.paged >> nth=0 >> tr.row:visible"
        assert page.locator(rows).count() == PAGE_ROWS
        pager = page.locator(".pager").first
        assert pager.locator(".prev").is_disabled() and f"of {n}" in pager.text_content()
        pager.locator(".next").click()
        pager.locator(".next").click()
        assert page.locator(rows).count() == 30 and pager.locator(".next").is_disabled()
        assert page.locator(rows).first.text_content().startswith(f"doc{2 * PAGE_ROWS:03d}.txt")  # least confident first
        page.fill("#search", f"doc{n - 1:03d}")  # a row far past the first page
        assert page.locator(rows).count() == 1 and "1 matching" in pager.text_content()
        browser.close()
