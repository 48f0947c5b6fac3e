"""Failure behaviour of `quotes extract`: bad inputs, faults in one article, a dead worker, a full
disk, Ctrl-C, and --resume finishing each of those jobs without losing or duplicating a record.

The CLI runs in this process (typer's CliRunner) and reuses the Stanza pipelines the session has
already loaded, so these tests cost seconds, not model loads.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes import output, parse, runner
from quotes.cli import app
from tests.conftest import ROOT, SEEDS

BAD = ROOT / "fixtures" / "bad"
BAD_DOCS = {"windows-1252.txt", "saved-pdf.txt", "image-renamed.txt", "broken-utf16.txt", "html-leftovers.txt",
            "broken-lines.jsonl:2", "broken-lines.jsonl:3", "broken-lines.jsonl:4"}


@pytest.fixture(scope="module")
def clean_lines(seed_quotes) -> list[str]:
    """The seeds' records as a clean run writes them, one JSON line each, in order."""
    return [json.dumps(r.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
            for key in sorted(seed_quotes) for r in seed_quotes[key][1]]


def cli(*args: str):
    return CliRunner().invoke(app, ["extract", "--no-cache", *map(str, args)], catch_exceptions=False)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def errors_of(path: Path) -> list[dict]:
    return [json.loads(x) for x in lines(path)]


def test_bad_files_plus_seeds_exit_1_and_seed_records_are_exact(tmp_path, clean_lines, extractor):
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = cli(BAD, SEEDS, "-o", out, "--errors", errs)
    assert result.exit_code == 1
    assert lines(out) == clean_lines  # diff-equal to a clean run
    reported = errors_of(errs)
    assert sorted(e["doc"].split("/")[-1] for e in reported) == sorted(BAD_DOCS)  # each bad file once
    assert all(set(e) == {"doc", "stage", "error"} and e["error"] for e in reported)
    by_doc = {e["doc"].split("/")[-1]: e for e in reported}
    assert by_doc["windows-1252.txt"]["stage"] == "read" and "--encoding" in by_doc["windows-1252.txt"]["error"]
    assert by_doc["html-leftovers.txt"]["stage"] == "language"
    assert "8 errors" in result.stderr and "windows-1252.txt" in result.stderr
    assert not (tmp_path / "out.jsonl.part").exists()


def test_encoding_option_reads_windows_1252(tmp_path):
    result = CliRunner().invoke(app, ["extract", "--no-cache", "--encoding", "cp1252", str(BAD / "windows-1252.txt")])
    assert result.exit_code == 0
    (rec,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert rec["text"] == "die Lösung sei „gut“" and rec["speaker"]["mention"] == "Der Minister"


def test_parser_exception_costs_only_its_article(tmp_path, monkeypatch, clean_lines, extractor):
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "001b_boom.txt").write_text("BOOM. Der Sprecher sagte, alles sei gut.", encoding="utf-8")
    original = parse.Parser.parse_many

    def parse_many(self, texts, lang, select=None):
        if any(t.startswith("BOOM") for t in texts):
            raise RuntimeError("simulated parser crash")
        return original(self, texts, lang, select)

    monkeypatch.setattr(parse.Parser, "parse_many", parse_many)
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert cli(docs, "-o", out, "--errors", errs).exit_code == 1
    assert errors_of(errs) == [{"doc": "001b_boom.txt", "stage": "parse",
                                "error": "RuntimeError: simulated parser crash"}]
    assert lines(out) == clean_lines


def test_max_chars_skips_long_articles_with_a_message(tmp_path):
    result = cli(SEEDS, "--max-chars", "3100", "-o", tmp_path / "o.jsonl", "--errors", tmp_path / "e.jsonl")
    assert result.exit_code == 1
    skipped = errors_of(tmp_path / "e.jsonl")
    assert skipped and all("over --max-chars 3,100" in e["error"] for e in skipped)
    done = {json.loads(x)["doc"] for x in lines(tmp_path / "o.jsonl")}
    assert done and not done & {e["doc"] for e in skipped}


def _assert_resumed_exactly(out: Path, clean_lines: list[str]) -> None:
    got = lines(out)
    assert len(got) == len(set(got))  # no duplicate
    assert sorted(got) == sorted(clean_lines)  # nothing lost; order may differ after a resume


def test_full_disk_stops_cleanly_and_resume_finishes(tmp_path, monkeypatch, clean_lines, extractor):
    out = tmp_path / "out.jsonl"
    writes = {"n": 0}
    original_open = output.RecordWriter.open

    class FillingDisk:
        """A file that accepts two articles, then writes half of the third and fails with ENOSPC."""

        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            writes["n"] += 1
            if writes["n"] == 3:
                self.fh.write(data[: len(data) // 2])
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    def failing_open(self):
        original_open(self)
        self._fh = FillingDisk(self._fh)
        return self

    monkeypatch.setattr(output.RecordWriter, "open", failing_open)
    result = cli(SEEDS, "-o", out)
    assert result.exit_code == 1 and "No space left on device" in result.stderr and "--resume" in result.stderr
    assert not out.exists()
    partial = lines(tmp_path / "out.jsonl.part")
    docs = sorted({json.loads(x)["doc"] for x in partial})
    assert len(docs) == 2  # two complete articles, nothing of the third
    assert partial == [x for x in clean_lines if json.loads(x)["doc"] in docs]
    monkeypatch.setattr(output.RecordWriter, "open", original_open)
    result = cli(SEEDS, "-o", out, "--resume")
    assert result.exit_code == 0 and "2 already done" in result.stderr
    _assert_resumed_exactly(out, clean_lines)
    assert not (tmp_path / "out.jsonl.part").exists()


def test_ctrl_c_stops_after_current_articles_and_resume_finishes(tmp_path, monkeypatch, clean_lines, extractor):
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(runner, "BATCH_ARTICLES", 1)
    original_write = output.RecordWriter.write

    def write_then_ctrl_c(self, doc, digest, records):
        original_write(self, doc, digest, records)
        if doc.startswith("001"):
            os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C

    monkeypatch.setattr(output.RecordWriter, "write", write_then_ctrl_c)
    result = cli(SEEDS, "-o", out)
    assert result.exit_code == 130
    assert "2 articles" in result.stderr and "--resume" in result.stderr
    partial = lines(tmp_path / "out.jsonl.part")
    assert partial == [x for x in clean_lines if json.loads(x)["doc"][:3] in ("000", "001")]
    monkeypatch.setattr(output.RecordWriter, "write", original_write)
    assert cli(SEEDS, "-o", out, "--resume").exit_code == 0
    _assert_resumed_exactly(out, clean_lines)


def test_resume_redoes_a_changed_article_and_drops_its_old_records(tmp_path, clean_lines, extractor):
    docs, out = tmp_path / "docs", tmp_path / "out.jsonl"
    shutil.copytree(SEEDS, docs)
    assert cli(docs, "-o", out).exit_code == 0
    changed = next(docs.glob("003*"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nExtra line.\n", encoding="utf-8")
    result = cli(docs, "-o", out, "--resume")
    assert result.exit_code == 0 and "4 already done" in result.stderr
    recs = [json.loads(x) for x in lines(out)]
    hashes = {r["doc_hash"] for r in recs if r["doc"] == changed.name}
    assert len(hashes) == 1 and len(recs) == len({r["id"] for r in recs})
    assert len(recs) == len(clean_lines)  # the appended line holds no quote


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the fault is injected into forked workers")
def test_killed_worker_costs_its_batch_and_resume_finishes(tmp_path, monkeypatch, clean_lines, extractor):
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    monkeypatch.setattr(runner, "BATCH_ARTICLES", 1)
    original_work = runner._work

    def dying_work(batch):
        if any(getattr(a, "id", "").startswith("002") for a in batch):
            os._exit(9)  # the worker dies (OOM killer, segfault) while holding this article
        return original_work(batch)

    monkeypatch.setattr(runner, "_work", dying_work)
    result = cli(SEEDS, "-o", out, "--errors", errs, "--workers", "2")
    assert result.exit_code == 1
    lost = errors_of(errs)
    assert "002_" in " ".join(e["doc"] for e in lost) and {e["stage"] for e in lost} == {"worker"}
    partial = lines(out)  # the run finished (with failures), so FILE is published
    done = {json.loads(x)["doc"] for x in partial}
    assert partial == [x for x in clean_lines if json.loads(x)["doc"] in done]  # complete articles only
    assert not any(d.startswith("002") for d in done)
    monkeypatch.setattr(runner, "_work", original_work)
    assert cli(SEEDS, "-o", out, "--resume", "--workers", "2").exit_code == 0
    _assert_resumed_exactly(out, clean_lines)


def test_bad_rule_file_is_exit_2_before_any_article(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "en.toml").write_text((ROOT / "rules" / "en.toml").read_text(encoding="utf-8")
                                   .replace('complementizers = ["that", "whether"]', 'complementizers = ["that", "whether"]\nverbs_typo = []'),
                                   encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--rules", str(rules), str(SEEDS), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "en.toml" in result.stderr and "verbs_typo" in result.stderr
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.jsonl.part").exists()
