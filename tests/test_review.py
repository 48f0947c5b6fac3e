"""The HTML review report and the speaker index: escaping, highlight pieces, and a real browser."""

from __future__ import annotations

import json
import os
import shutil
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
