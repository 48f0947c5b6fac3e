"""Rule-file validation and input reading, without Stanza."""

from __future__ import annotations

import pytest

from quotes.article import read_articles
from quotes.errors import InputError, RuleFileError
from quotes.rules import load_rules


def test_shipped_rule_files_load():
    for lang in ("de", "en"):
        r = load_rules(lang)
        assert r.code == lang and "sagen" in load_rules("de").verb_lemmas


def test_bad_rule_file_names_file_and_key(tmp_path):
    (tmp_path / "xx.toml").write_text(open("rules/en.toml").read().replace('code = "en"', 'code = "xx"')
                                      .replace("[cues]", "[cues]\nbogus = 1"), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"xx.toml: key cues.bogus"):
        load_rules("xx", tmp_path)


def test_catastrophic_regex_rejected(tmp_path):
    src = open("rules/en.toml").read().replace('code = "en"', 'code = "yy"')
    src = src.replace("[publisher]\npatterns = [", "[publisher]\npatterns = ['(?P<name>(?:a|aa)+$)', ")
    (tmp_path / "yy.toml").write_text(src, encoding="utf-8")
    with pytest.raises(RuleFileError, match="backtracks"):
        load_rules("yy", tmp_path)


def test_bad_inputs_are_reported_and_skipped(tmp_path):
    (tmp_path / "a_ok.txt").write_bytes("\ufeffHallo Welt.\r\nZweite Zeile.".encode())
    (tmp_path / "b_bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c_latin.txt").write_bytes("Grüße".encode("cp1252"))
    (tmp_path / "d.jsonl").write_text('{"id": "x1", "text": "Hi", "lang": "en"}\nnot json\n', encoding="utf-8")
    items = list(read_articles([tmp_path]))
    ok = [i for i in items if not isinstance(i, InputError)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in ok] == ["a_ok.txt", "x1"]
    assert ok[0].text == "Hallo Welt.\r\nZweite Zeile."  # BOM dropped, CRLF kept
    assert len(bad) == 3
    assert any("b_bin.txt" in str(e) and "binary" in str(e) for e in bad)
    assert any("c_latin.txt" in str(e) and "UTF-8" in str(e) for e in bad)
    assert any("d.jsonl:2" in str(e) for e in bad)
