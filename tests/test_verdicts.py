"""`quotes verdicts`: precision with Wilson intervals, stale verdicts and agreement, on a hand-made file."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from quotes.verdicts import bin_label, confidence_bin, kappa, summarize, verdicts, wilson


def _rec(i, doc, lang, kind, conf, doc_hash="h-"):
    return {"id": i, "doc": doc, "doc_hash": doc_hash + doc, "lang": lang, "kind": kind, "text": "x", "start": 0,
            "end": 1, "cue": None, "speaker": None, "role": None, "outlet": None, "publisher": None, "confidence": conf}


RECORDS = [_rec("a1", "a.txt", "de", "direct", 0.9), _rec("a2", "a.txt", "de", "indirect", 0.15),
           _rec("a3", "a.txt", "de", "direct", None), _rec("b1", "b.txt", "en", "direct", 0.85),
           _rec("b2", "b.txt", "en", "mixed", 0.45), _rec("c1", "c.txt", "en", "indirect", 0.5)]


def _v(i, verdict, reviewer, ts, doc=None, doc_hash=None, **kw):
    doc = doc or {"a": "a.txt", "b": "b.txt", "c": "c.txt"}.get(i[0], "z.txt")
    return json.dumps({"id": i, "doc": doc, "doc_hash": doc_hash or "h-" + doc, "verdict": verdict,
                       "right_speaker": kw.get("right"), "note": kw.get("note"), "reviewer": reviewer,
                       "timestamp": ts})


LINES = [
    _v("a1", "correct", "anna", "2026-01-01T10:00:00Z"),                                  # 1
    _v("a2", "wrong_speaker", "anna", "2026-01-01T10:05:00Z", right="Max Muster"),        # 2
    _v("a3", "correct", "anna", "2026-01-01T10:02:00Z"),                                  # 3
    _v("b1", "correct", "anna", "2026-01-01T10:03:00Z"),                                  # 4
    _v("b2", "not_a_quote", "anna", "2026-01-01T10:04:00Z", note="a headline"),           # 5
    _v("c1", "correct", "anna", "2026-01-01T10:06:00Z", doc_hash="h-old"),                # 6 stale: c.txt changed
    _v("z9", "correct", "anna", "2026-01-01T10:07:00Z"),                                  # 7 not in the records
    _v("a2", "correct", "anna", "2026-01-01T09:00:00Z"),                                  # 8 older than line 2: replaced
    "",                                                                                   # 9 blank: ignored
    _v("a1", "correct", "ben", "2026-01-02T10:00:00Z"),                                   # 10
    _v("b2", "wrong_span", "ben", "2026-01-02T10:01:00Z"),                                # 11
    _v("b1", "correct", "ben", "2026-01-02T10:02:00Z"),                                   # 12
    "{broken",                                                                            # 13
    json.dumps({"id": "a1", "verdict": "maybe"}),                                         # 14
    "[1, 2]",                                                                             # 15
    json.dumps({"id": "a3", "verdict": "correct", "note": 5}),                            # 16
]


def test_wilson_interval_closed_formula():
    # 7 of 10 with z = 1.96: p = 0.7, z²/n = 0.38415, centre = (0.7 + 0.192073) / 1.384146 = 0.644492,
    # half = 1.96 * sqrt(0.021 + 0.0096037) / 1.384146 = 0.247720  ->  [0.397, 0.892]
    lo, hi = wilson(7, 10)
    assert (round(lo, 3), round(hi, 3)) == (0.397, 0.892)
    assert wilson(0, 5)[0] == 0.0 and wilson(5, 5)[1] == 1.0 and wilson(0, 0) is None
    assert wilson(50, 100)[0] == pytest.approx(1 - wilson(50, 100)[1])  # symmetric about 1/2


def test_confidence_bins_and_kappa():
    assert [confidence_bin(c) for c in (None, 0.0, 0.19, 0.2, 0.5, 0.99, 1.0)] == [None, 0, 0, 1, 2, 4, 4]
    assert bin_label(None) == "unknown" and bin_label(4) == "0.8-1.0"
    assert kappa([("a", "a"), ("b", "b")]) == 1.0 and kappa([("a", "a"), ("a", "a")]) is None
    assert kappa([("a", "b"), ("b", "a")]) == -1.0


def test_summarize_the_hand_made_file():
    s = summarize(LINES, RECORDS)
    assert [p for p, _ in s["problems"]] == [13, 14, 15, 16]
    assert s["verdicts"] == 11 and s["judgements"] == 10 and s["replaced"] == 1 and s["stale"] == 1 and s["unmatched"] == 1
    # judgements left (line 6 stale, line 8 replaced by line 2): anna a1 C, a2 wrong speaker, a3 C, b1 C,
    # b2 not a quote, z9 C; ben a1 C, b2 wrong span, b1 C: 6 correct of 9, p = 2/3.
    # Wilson, z = 1.96, n = 9: z²/n = 0.426829, centre = (0.666667 + 0.213415) / 1.426829 = 0.616809,
    # half = 1.96 * sqrt(0.222222/9 + 3.8415/324) / 1.426829 = 1.96 * sqrt(0.0365477) / 1.426829 = 0.262614
    # -> [0.354, 0.879]
    o = s["overall"]
    assert (o["correct"], o["judged"], round(o["precision"], 3)) == (6, 9, 0.667)
    assert (round(o["low"], 3), round(o["high"], 3)) == (0.354, 0.879)
    # z9 is in no record: overall only. de: a1 C (anna, ben), a2 wrong, a3 C = 3/4; en: b1 C C, b2 wrong wrong = 2/4
    assert {k: (v["correct"], v["judged"]) for k, v in s["by_lang"].items()} == {"de": (3, 4), "en": (2, 4)}
    # 3 of 4: centre = (0.75 + 0.480188) / 1.960375 = 0.627527, half = 1.96 * sqrt(0.046875 + 0.060023) / 1.960375
    # = 0.326890 -> [0.301, 0.954]
    de = s["by_lang"]["de"]
    assert (round(de["low"], 3), round(de["high"], 3)) == (0.301, 0.954)
    assert {k: (v["correct"], v["judged"]) for k, v in s["by_kind"].items()} == \
        {"direct": (5, 5), "indirect": (0, 1), "mixed": (0, 2)}
    assert {k: (v["correct"], v["judged"]) for k, v in s["by_confidence"].items()} == \
        {"unknown": (1, 1), "0.0-0.2": (0, 1), "0.4-0.6": (0, 2), "0.8-1.0": (4, 4)}
    assert list(s["by_confidence"]) == ["unknown", "0.0-0.2", "0.4-0.6", "0.8-1.0"]
    # anna and ben both judged a1 (C, C), b1 (C, C), b2 (not a quote, wrong span): 2 of 3 agree.
    # kappa: p_o = 2/3; anna C 2, NQ 1; ben C 2, WS 1: p_e = 2*2/9 = 4/9; (2/3 - 4/9) / (5/9) = 0.4
    ag = s["agreement"]
    assert (ag["records"], ag["agreed"], round(ag["share"], 3)) == (3, 2, 0.667)
    assert ag["pairs"] == [{"reviewers": ["anna", "ben"], "records": 3, "agreed": 2, "kappa": pytest.approx(0.4)}]
    assert ag["kappa"] == pytest.approx(0.4)


def test_summarize_without_records_gives_overall_only():
    s = summarize([json.loads(x) for x in LINES[:8] + LINES[9:12]])
    # nothing is stale without records: 7 of 10 correct (anna 7 incl. c1 and z9, ben 3): [0.397, 0.892]
    assert (s["overall"]["correct"], s["overall"]["judged"]) == (7, 10)
    assert (round(s["overall"]["low"], 3), round(s["overall"]["high"], 3)) == (0.397, 0.892)
    assert "by_lang" not in s and "stale" not in s


def test_stale_verdict_of_a_record_that_is_no_longer_extracted():
    recs = [_rec("n1", "a.txt", "de", "direct", 0.5, doc_hash="new-")]
    s = summarize([_v("gone", "correct", "anna", "t", doc="a.txt", doc_hash="h-a.txt")], recs)
    assert s["stale"] == 1 and s["overall"]["judged"] == 0 and s["overall"]["precision"] is None


def _app():
    app = typer.Typer()
    app.command("verdicts")(verdicts)
    app.command("other")(lambda: None)  # two commands, so `verdicts` is a subcommand as in quotes.cli
    return app


def test_verdicts_command_prints_figures_and_reports_bad_lines(tmp_path):
    vpath, qpath = tmp_path / "verdicts.jsonl", tmp_path / "quotes.jsonl"
    vpath.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    qpath.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    result = CliRunner().invoke(_app(), ["verdicts", str(vpath), "--quotes", str(qpath)])
    assert result.exit_code == 1, result.output  # some lines were not verdicts
    errs = [x for x in result.stderr.splitlines() if "skipped" in x]
    assert [x.split(f"{vpath}:")[1].split(":")[0] for x in errs] == ["13", "14", "15", "16"]
    assert "is not one of correct" in errs[1] and "field note is not a string" in errs[3]
    out = result.stdout
    assert "overall" in out and "6/9" in out and "0.667  [0.354, 0.879]" in out
    assert "lang de" in out and "[0.301, 0.954]" in out and "confidence unknown" in out and "kind mixed" in out
    assert "1 stale" in out and "1 not in --quotes" in out and "1 replaced" in out
    assert "2 of 3 records judged by 2+ reviewers (0.667)" in out and "anna / ben: 2 of 3 agree, Cohen's kappa 0.400" in out

    as_json = CliRunner().invoke(_app(), ["verdicts", str(vpath), "--json"])
    s = json.loads(as_json.stdout)
    assert (s["overall"]["correct"], s["overall"]["judged"]) == (7, 10) and "by_lang" not in s

    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(LINES[:8]) + "\n", encoding="utf-8")
    again = tmp_path / "again.jsonl"
    again.write_text("\n".join(LINES[9:12]) + "\n", encoding="utf-8")
    two = CliRunner().invoke(_app(), ["verdicts", str(good), str(again), "--quotes", str(qpath)])
    assert two.exit_code == 0 and "0.667  [0.354, 0.879]" in two.stdout  # two files, the same figures
    missing = CliRunner().invoke(_app(), ["verdicts", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "cannot read" in missing.stderr
