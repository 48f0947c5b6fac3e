"""Issue 18: --resume never loses a record (items 3, 4), output is only a regular file we own
(items 2, 14: planted .part link), one run per output (item 9), write failures are one line (item 11)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from tests.conftest import ROOT, SEEDS


def cli(*args):
    return CliRunner().invoke(app, ["extract", "--no-cache", *map(str, args)], catch_exceptions=False)


def lines(path):
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def clean_lines(seed_quotes) -> list[str]:
    return [json.dumps(r.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
            for key in sorted(seed_quotes) for r in seed_quotes[key][1]]


def test_same_file_name_in_two_folders_keeps_both_through_resume(tmp_path, extractor):
    a, b, out = tmp_path / "A", tmp_path / "B", tmp_path / "o.jsonl"
    a.mkdir()
    b.mkdir()
    shutil.copy(next(SEEDS.glob("000*")), a / "a.txt")
    shutil.copy(next(SEEDS.glob("001*")), b / "a.txt")
    first = cli(a, b, "-o", out)
    assert first.exit_code == 0 and "doc id already used by" in first.stderr
    recs = lines(out)
    assert {json.loads(x)["doc"] for x in recs} == {"a.txt", "a.txt#2"}
    again = cli(a, b, "-o", out, "--resume")
    assert again.exit_code == 0 and "2 already done" in again.stderr
    assert lines(out) == recs  # nothing dropped, nothing duplicated


def test_resume_redoes_an_article_whose_records_were_cut_short(tmp_path, clean_lines, extractor):
    out = tmp_path / "o.jsonl"
    assert cli(SEEDS, "-o", out).exit_code == 0
    # a run killed while writing the third article: its first lines and half a line are in .part,
    # and no completion mark for it
    docs = list(dict.fromkeys(json.loads(x)["doc"] for x in clean_lines))
    keep = [x for x in clean_lines if json.loads(x)["doc"] in docs[:2]]
    third = [x for x in clean_lines if json.loads(x)["doc"] == docs[2]]
    assert len(third) >= 2
    part = tmp_path / "o.jsonl.part"
    part.write_text("\n".join(keep + third[:-1]) + "\n" + third[-1][:20], encoding="utf-8")
    marks = tmp_path / "o.jsonl.part.done"
    marks.write_text("".join(json.dumps({"doc": d, "doc_hash": json.loads(next(x for x in keep if json.loads(x)["doc"] == d))["doc_hash"],
                                         "records": sum(json.loads(x)["doc"] == d for x in keep)}) + "\n" for d in docs[:2]),
                     encoding="utf-8")
    out.unlink()
    result = cli(SEEDS, "-o", out, "--resume")
    assert result.exit_code == 0 and "2 already done" in result.stderr
    got = lines(out)
    assert sorted(got) == sorted(clean_lines) and len(got) == len(set(got))
    assert not part.exists() and not marks.exists()


@pytest.mark.parametrize("target", ["dir", "fifo", "devnull"])
def test_output_must_be_a_regular_file(tmp_path, target):
    if target == "dir":
        path = tmp_path / "d"
        path.mkdir()
    elif target == "fifo":
        path = tmp_path / "f"
        os.mkfifo(path)
    else:
        path = tmp_path / "null"
        path.symlink_to(os.devnull)  # a link to the device: what it points to counts
    result = cli(SEEDS, "-o", path)
    assert result.exit_code == 2 and "regular file" in result.stderr and "articles" not in result.stderr
    assert not (tmp_path / (path.name + ".part")).exists()
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


def test_planted_part_link_is_not_followed(tmp_path, clean_lines, extractor):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    (tmp_path / "o.jsonl.part").symlink_to(victim)
    assert cli(SEEDS, "-o", out).exit_code == 0
    assert victim.read_text(encoding="utf-8") == "keep me\n" and lines(out) == clean_lines


def test_second_run_on_the_same_output_exits_2_naming_the_holder(tmp_path):
    out = tmp_path / "o.jsonl"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; from pathlib import Path; from quotes.output import RecordWriter;"
         "w = RecordWriter(Path(sys.argv[1])).open(); print('locked', flush=True); time.sleep(60)", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = cli(SEEDS, "-o", out)
        assert result.exit_code == 2 and f"pid {holder.pid}" in result.stderr
        assert (tmp_path / "o.jsonl.part").exists() and not out.exists()  # the holder's file is untouched
    finally:
        holder.kill()
        holder.wait()
    result = cli(SEEDS, "--max-chars", "1", "-o", out)  # the lock died with its holder
    assert result.exit_code == 1 and not (tmp_path / "o.jsonl.lock").exists()


def test_unwritable_outputs_are_one_line_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for args in (["-o", blocker / "o.jsonl"], ["--errors", blocker / "e.jsonl"]):
        result = CliRunner().invoke(app, ["extract", "--no-cache", str(SEEDS), *map(str, args)])
        assert result.exit_code == 1, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("quotes: error:") == 1, result.stderr
        assert "cannot write" in result.stderr
