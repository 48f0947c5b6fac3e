"""Issue 18 items 10, 11, 14: a torn entry in a read-only cache, closed stdout/stderr, `cache clear`
outside the cache's own files, --encoding checked up front, models of every language checked up front."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cache import ParseCache
from quotes.cli import app
from tests.conftest import ROOT, SEEDS, _models_dir

SEED = next(SEEDS.glob("000*"))


def _models() -> str:
    if _models_dir() is None:
        pytest.skip("no Stanza models")
    return str(_models_dir())


def test_torn_entry_in_a_read_only_cache_is_recomputed(tmp_path, monkeypatch, extractor):
    cache = tmp_path / "cache"
    args = ["extract", "--models", _models(), "--cache", str(cache), str(SEED)]
    clean = CliRunner().invoke(app, args)
    assert clean.exit_code == 0
    (entry,) = ParseCache(cache).dir.rglob("*.json.z")
    entry.write_bytes(entry.read_bytes()[:100])  # torn

    def refuse(self, missing_ok=False):
        raise PermissionError(13, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)  # (root writes anywhere: a read-only cache is simulated)
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and again.stdout == clean.stdout


@pytest.mark.parametrize("word", ["Grüße", "\u2028", "tab\tand \"quote\"", "\ud800"])
def test_cache_entry_reads_back_what_was_written(tmp_path, word):
    # "\ud800" (a lone surrogate, which the fast encoder refuses) takes the standard library's path
    from quotes.parse import SentenceTokens

    cache = ParseCache(tmp_path)
    sents = [SentenceTokens(0, [word, "sagte"], [0, 5], [len(word), 10],
                            [[word, "sagen"], ["NOUN", "VERB"], ["Case=Nom", ""], [2, 0], ["nsubj", "root"]]),
             SentenceTokens(2, ["Ja"], [20], [22])]
    cache.put("ab" + "c" * 62, [0, 2], sents)
    assert cache.get("ab" + "c" * 62) == ([0, 2], sents, None)
    cache.put("ab" + "c" * 62, [0, 2], sents, "0123456789abcdef")
    assert cache.get("ab" + "c" * 62) == ([0, 2], sents, "0123456789abcdef")


class _CountingSelector:
    """The German prefilter under a given digest, counting how often it is asked."""

    def __init__(self, inner, digest: str):
        self.inner, self.digest, self.asked = inner, digest, 0

    def paragraphs(self, text, paras):
        self.asked += 1
        return self.inner.paragraphs(text, paras)

    def __call__(self, text, sents):
        self.asked += 1
        return self.inner(text, sents)


def test_an_entry_parsed_under_the_same_selection_is_not_selected_again(tmp_path, extractor):
    from quotes.parse import Parser

    text = ("Die Stadt Ulm baut eine neue Brücke über die Donau.\n"
            "„Wir fangen im Mai an“, sagte Bürgermeisterin Anna Berg am Montag.\n"
            "Die alte Brücke ist hundert Jahre alt.")
    parser = Parser(extractor.parser.dir, cache=ParseCache(tmp_path))
    inner = extractor.stages["de"].selector

    def parse(digest: str) -> tuple[list, int]:
        select = _CountingSelector(inner, digest)
        doc = parser.parse_many([text], "de", select)[0]
        return [(w.text, w.upos, w.head, w.deprel) for w in doc.words], select.asked

    first, asked = parse("a" * 16)
    assert asked == 2 and any(w[0] == "sagte" and w[1] == "VERB" for w in first)
    assert parse("a" * 16) == (first, 0)  # the entry says this selection is done: nothing to ask
    assert parse("b" * 16) == (first, 2)  # another rule file or prefilter: asked again, same parse
    assert parse("b" * 16) == (first, 0)
    (entry,) = tmp_path.rglob("*.json.z")
    key = entry.parent.name + entry.name.removesuffix(".json.z")
    done, sents, _ = ParseCache(tmp_path).get(key)
    ParseCache(tmp_path).put(key, done, sents)  # an entry written before entries had a selection
    assert parse("b" * 16) == (first, 2)


def test_cache_clear_deletes_only_cache_entries(tmp_path):
    folder = tmp_path / "project"
    (folder / "ab").mkdir(parents=True)
    mine = folder / "ab" / ("c" * 62 + ".json.z")
    mine.write_bytes(b"x")
    names = folder / ("first-names-" + "0" * 16 + ".json")  # the first-name table (entities.py)
    names.write_text("{}", encoding="utf-8")
    theirs = [folder / "backup.json.z", folder / "data" / "x.json.z", folder / "ab" / "notes.json.z",
              folder / "first-names-notes.json"]
    for f in theirs:
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(b"keep")
    result = CliRunner().invoke(app, ["cache", "clear", "--cache", str(folder)])
    assert result.exit_code == 0 and "removed 1 entries" in result.stdout
    assert not mine.exists() and not names.exists() and all(f.exists() for f in theirs)


def test_unknown_encoding_is_exit_2_before_any_article(tmp_path):
    result = CliRunner().invoke(app, ["extract", "--models", _models(), "--encoding", "bogus", str(SEEDS),
                                      "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and result.stderr.count("bogus") == 1 and not (tmp_path / "o.jsonl.part").exists()


def test_models_of_every_language_are_checked_before_work(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    shutil.copy(Path(_models()) / "resources.json", models / "resources.json")
    (models / "de").symlink_to(Path(_models()) / "de")  # German only: English articles would fail mid-run
    result = CliRunner().invoke(app, ["extract", "--no-cache", "--models", str(models), str(SEEDS), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "'en'" in result.stderr and "--lang" in result.stderr
    assert not (tmp_path / "o.jsonl.part").exists()


def _run_closed(fd: int, *args: str) -> subprocess.CompletedProcess:
    code = f"import os, sys; os.close({fd}); from quotes.cli import app; sys.argv[0] = 'quotes'; app()"
    return subprocess.run([sys.executable, "-c", code, "extract", "--no-cache", "--models", _models(), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_closed_stdout_without_o_is_exit_2(tmp_path):
    result = _run_closed(1, str(SEED))
    assert result.returncode == 2 and "stdout is closed" in result.stderr and "Traceback" not in result.stderr


def test_closed_stderr_still_writes_every_record(tmp_path, seed_quotes):
    out = tmp_path / "o.jsonl"
    result = _run_closed(2, str(SEED), "-o", str(out))
    assert result.returncode == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(seed_quotes["000"][1]) > 0
    assert all(json.loads(x)["doc"] == SEED.name for x in out.read_text(encoding="utf-8").splitlines())


def test_selection_digest_follows_the_rule_file():
    from quotes.prefilter import selection_digest
    from quotes.rules import load_rules

    rules = load_rules("de")
    assert selection_digest(rules) == selection_digest(load_rules("de"))
    edited = rules.model_copy(deep=True)
    edited.cues.forms.append("verkündete")
    assert selection_digest(edited) != selection_digest(rules)
