"""Issue 18: text hygiene and inputs (items 6, 12, 13, 14): lone surrogates, names that are not
UTF-8 or hold a newline, unlistable folders, files deleted mid-run, null ids, our own output as input."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from quotes import article
from quotes.cli import app
from tests.conftest import SEEDS


def cli(*args):
    return CliRunner().invoke(app, ["extract", "--no-cache", *map(str, args)], catch_exceptions=False)


def test_lone_surrogate_in_jsonl_is_a_read_error_and_output_stays_utf8(tmp_path, extractor):
    src = tmp_path / "a.jsonl"
    good = {"id": "ok", "text": "Der Minister sagte, die Lösung sei „gut“.", "lang": "de"}
    src.write_text(json.dumps(good) + "\n" + json.dumps({**good, "id": "bad", "text": "Er sagte: „x\ud800“"}) + "\n"
                   + '{"id": true, "text": "Er sagte es."}\n', encoding="utf-8")
    out, errs = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    result = cli(src, "-o", out, "--errors", errs)
    assert result.exit_code == 1
    failed = {e["doc"]: e for e in map(json.loads, errs.read_text(encoding="utf-8").splitlines())}
    assert set(failed) == {f"{src}:2", f"{src}:3"} and {e["stage"] for e in failed.values()} == {"read"}
    assert "surrogate" in failed[f"{src}:2"]["error"] and "id" in failed[f"{src}:3"]["error"]
    out.read_bytes().decode("utf-8")  # strict: valid UTF-8
    assert {json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()} == {"ok"}


def test_file_names_not_utf8_or_with_a_newline_are_escaped(tmp_path, extractor):
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = next(SEEDS.glob("000*"))
    shutil.copy(seed, os.fsdecode(bytes(docs) + b"/caf\xe9.txt"))
    (docs / "evil\nquotes: error: forged.txt").with_suffix(".txt").write_bytes(b"\xff\xfe\x00bad")
    out, errs = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    result = cli(docs, "-o", out, "--errors", errs)
    assert result.exit_code == 1
    assert {json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()} == {"caf\\xe9.txt"}
    err_lines = [x for x in result.stderr.splitlines() if x.startswith("quotes: error:")]
    assert len(err_lines) == 1 and "evil\\nquotes" in err_lines[0]  # one line, the newline shown escaped
    assert len(errs.read_text(encoding="utf-8").splitlines()) == 1


def test_unlistable_folder_and_deleted_file_are_reported(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "locked").mkdir(parents=True)
    (docs / "gone.txt").write_text("Er sagte es.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")  # (root reads any folder: simulated)
        return real_scandir(path)

    monkeypatch.setattr(article.os, "scandir", scandir)
    (docs / "a.txt").write_text("Er sagte es.", encoding="utf-8")
    items = article.read_articles([docs])
    assert isinstance(next(items), article.Article)  # a.txt: the folder is listed by now
    (docs / "gone.txt").unlink()  # deleted while the run goes on
    rest = list(items)
    assert [(type(x).__name__, Path(x.source).name, x.problem.split(" (")[0]) for x in rest] == [
        ("InputError", "gone.txt", "cannot read"), ("InputError", "locked", "cannot list folder")]


def test_output_inside_an_input_folder_is_not_read_back(tmp_path, extractor):
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    out = docs / "quotes.jsonl"
    assert cli(docs, "-o", out).exit_code == 0
    again = cli(docs, "-o", out)
    assert again.exit_code == 0 and "quotes: error" not in again.stderr and "5 articles" in again.stderr
