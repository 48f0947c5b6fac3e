"""Bounded work per sentence (issue 18, item 1): adversarial articles run in a subprocess under a
2 GB address-space limit; none crashes the run, the seeds' records equal a clean run's, an article
too long to parse fails alone with one [parse] line."""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys

import pytest

from quotes import parse
from tests.conftest import ROOT, SEEDS, _models_dir

LIMIT = 2 * 2**30


@pytest.fixture(scope="module")
def clean_lines(seed_quotes) -> list[str]:
    return [json.dumps(r.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
            for key in sorted(seed_quotes) for r in seed_quotes[key][1]]


def _adversarial(folder) -> dict[str, str]:
    rnd = random.Random(1)
    de = "der die das und sagte Minister Regierung heute morgen Haus Stadt Land gut schlecht".split()
    files = {
        # the 15 KB of nested quotation marks in one sentence (took over 5 GB)
        "nested.txt": "Er sagte: " + "„‚" * 1250 + "Hallo" + "‘“" * 1250 + ", sagte er.\n",
        # 11 KB of words without punctuation (2.75 GB)
        "nopunct.txt": "Er sagte " + " ".join(rnd.choice(de) for _ in range(1700)) + "\n",
        # 1 MB without punctuation: over the per-article budget, fails alone before Stanza
        "nopunct-1mb.txt": "Er sagte " + " ".join(rnd.choice(de) for _ in range(160_000)) + "\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return files


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def test_adversarial_articles_stay_under_2_gb_and_cost_only_themselves(tmp_path, clean_lines):
    docs = tmp_path / "adv"
    docs.mkdir()
    _adversarial(docs)
    out, errs = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    env_models = str(_models_dir())
    proc = subprocess.run(
        [sys.executable, "-m", "quotes.cli", "extract", "--no-cache", "--models", env_models, str(SEEDS), str(docs),
         "-o", str(out), "--errors", str(errs)],
        preexec_fn=_limited, capture_output=True, text=True, cwd=ROOT, timeout=900)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of the run: {peak_mb:.0f} MB")
    assert proc.returncode == 1, proc.stderr[-2000:]
    failed = [json.loads(x) for x in errs.read_text(encoding="utf-8").splitlines()]
    assert [(e["doc"], e["stage"]) for e in failed] == [("nopunct-1mb.txt", "parse")]
    assert f"over the limit of {parse.MAX_ARTICLE_WORDS:,}" in failed[0]["error"]
    assert proc.stderr.count("nopunct-1mb.txt") == 1
    records = out.read_text(encoding="utf-8").splitlines()
    assert [x for x in records if json.loads(x)["doc"][:3].isdigit()] == clean_lines
    got = {json.loads(x)["doc"] for x in records}
    assert {"nested.txt", "nopunct.txt"} <= got  # parsed in pieces, their quotes found
    assert peak_mb < 2048


def test_long_sentence_is_cut_into_pieces_within_the_limits(extractor):
    words = " ".join(["Regierung"] * 400)
    text = f"Er sagte: {words}, {words}; {words}.\n"
    doc = extractor.parser.parse(text, "de")
    sizes = [s.last - s.first for s in doc.sentences]
    assert len(sizes) > 1 and max(sizes) <= parse.MAX_SENTENCE_WORDS and sum(sizes) == len(re.findall(r"\w+|[^\w\s]", text))
    assert all(text[w.start:w.end] == w.text for w in doc.words)  # offsets still exact
    ends = [doc.words[s.last - 1].text for s in doc.sentences[:-1]]
    assert {",", ";"} <= set(ends)  # cut after the punctuation where there was some
    assert all(s.parsed for s in doc.sentences)
