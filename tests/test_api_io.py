"""The tool a newsroom wires in: the Python API, the inputs they have (stdin, CSV, HTML, JSONL), the
outputs they load (flat CSV / parquet), metadata carried through, and keys that hold."""

from __future__ import annotations

import doctest
import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from conftest import ROOT, _models_dir
from quotes.cli import app

DE = "„Wir bleiben hier“, sagte die Ministerin Anna Berg am Montag.\n"
EN = '"We will not leave," the minister Anna Berg said on Monday.\n'


@pytest.fixture(scope="module", autouse=True)
def models(extractor) -> str:
    """The session's model folder, also as $STANZA_RESOURCES_DIR for quotes.load() with no models
    (so every load() reuses the session's pipelines, as the README's example runs them)."""
    import os

    os.environ.setdefault("STANZA_RESOURCES_DIR", str(_models_dir()))
    return str(_models_dir())


def _extract(models: str, *args: str, stdin: str | None = None):
    result = CliRunner().invoke(app, ["extract", "--no-cache", "--models", models, *args], input=stdin)
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result, records


def _direct(records: list[dict], text: str) -> dict:
    (rec,) = [r for r in records if r["text"] == text]
    return rec


# --- the Python API ------------------------------------------------------------------------------

def test_readme_python_example_runs_as_written(extractor):
    """The README's Python example (a doctest block) gives the output it shows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(>>> .*?)```", readme, re.S)
    assert block, "README.md has no ```python doctest block"
    test = doctest.DocTestParser().get_doctest(block.group(1), {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0 and len(test.examples) >= 3


def test_api_docstring_example(extractor):
    import quotes.api

    assert doctest.testmod(quotes.api, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_api_call_carries_metadata_and_pipe_keeps_order(extractor):
    import quotes

    nlp = quotes.load()
    (q,) = nlp(DE, id="a1", url="https://example.org/a1", date="2026-11-30", title="Berg bleibt", outlet="Example")
    assert (q.kind, q.text, q.start, q.speaker.name, q.role) == ("direct", "Wir bleiben hier", 1, "Anna Berg", "Ministerin")
    assert (q.doc, q.url, q.date, q.title, q.publisher) == ("a1", "https://example.org/a1", "2026-11-30", "Berg bleibt", "Example")
    items = [EN, {"id": "x", "text": DE, "lang": "de"}, "Kein Zitat hier, nur ein Satz über das Wetter."]
    results = list(nlp.pipe(items, batch_size=2))
    assert [[r.text for r in rs] for rs in results] == [["We will not leave,"], ["Wir bleiben hier"], []]
    assert results[1][0].doc == "x" and results[1][0].id == q.id  # the id hashes text and span, not the doc


def test_api_failure_is_raised_or_returned(extractor):
    import quotes

    nlp = quotes.load()
    with pytest.raises(quotes.ArticleFailure, match="no rule file for language 'xx'"):
        nlp(DE, lang="xx")
    out = list(nlp.pipe([{"text": DE, "lang": "xx"}, DE], errors="return"))
    assert isinstance(out[0], quotes.ArticleFailure) and out[1][0].speaker.name == "Anna Berg"
    with pytest.raises(TypeError, match="unknown article field"):
        nlp(DE, author="me")


# --- inputs --------------------------------------------------------------------------------------

def test_stdin_plain_text_is_one_article(models):
    result, records = _extract(models, "-", stdin=DE)
    assert result.exit_code == 0, result.stderr
    rec = _direct(records, "Wir bleiben hier")
    assert (rec["doc"], rec["start"], rec["end"], rec["speaker"]["name"]) == ("stdin", 1, 17, "Anna Berg")


def test_stdin_jsonl_is_one_article_a_line_with_metadata(models):
    lines = [{"id": "de-1", "text": DE, "url": "https://example.org/1", "date": "2026-11-30", "title": "T1"},
             {"id": "en-1", "text": EN, "publisher": "Example Post"}]
    result, records = _extract(models, "-", stdin="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    assert result.exit_code == 0, result.stderr
    de, en = _direct(records, "Wir bleiben hier"), _direct(records, "We will not leave,")
    assert (de["doc"], de["url"], de["date"], de["title"]) == ("de-1", "https://example.org/1", "2026-11-30", "T1")
    assert (en["doc"], en["start"], en["publisher"], en["url"]) == ("en-1", 1, "Example Post", None)


def test_csv_export_one_article_a_row(models, tmp_path):
    import csv

    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "text", "outlet", "url"])
        w.writerow(["n1", "Berg", DE + "Zweiter Absatz, mit Komma.\n", "Beispielblatt", "https://example.org/n1"])
        w.writerow(["", "", EN, "", ""])
    result, records = _extract(models, str(path))
    assert result.exit_code == 0, result.stderr
    de, en = _direct(records, "Wir bleiben hier"), _direct(records, "We will not leave,")
    assert (de["doc"], de["title"], de["publisher"], de["url"], de["start"]) == ("n1", "Berg", "Beispielblatt", "https://example.org/n1", 1)
    assert (en["doc"], en["speaker"]["name"]) == ("export.csv:2", "Anna Berg")  # no id: the file and row name it
    assert "quotes: 2 articles" in result.stderr  # the header is no article


def test_tsv_and_a_table_without_text_column(models, tmp_path):
    (tmp_path / "a.tsv").write_text("text\tlang\n" + DE.replace("\n", " ") + "\tde\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("body,lang\nsomething,de\n", encoding="utf-8")
    result, records = _extract(models, str(tmp_path))
    assert result.exit_code == 1  # one input failed, the other was done
    assert _direct(records, "Wir bleiben hier")["doc"] == "a.tsv:1"
    assert "b.csv: no text column in the header (columns: body, lang)" in result.stderr


HTML = """<html><head><title>Berg bleibt | Beispielblatt</title>
<link rel="canonical" href="https://example.org/berg">
<meta property="article:published_time" content="2026-11-30T10:00:00Z"></head>
<body><nav>Start | Politik | Sport | Wetter</nav><article><h1>Berg bleibt</h1>
<p>„Wir bleiben hier“, sagte die Ministerin Anna Berg am Montag in Berlin vor Journalisten.</p>
<p>Die Regierung werde die Pläne im Dezember vorlegen, hieß es aus dem Ministerium in Berlin.</p>
<p>Die Opposition kritisierte das Vorgehen und sprach von einem Wortbruch der Regierung.</p>
</article><footer>Impressum | Datenschutz</footer></body></html>"""


def test_saved_html_page_through_its_main_text(models, tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    text = CliRunner().invoke(app, ["text", str(tmp_path / "page.html")]).stdout
    assert "Impressum" not in text and "Politik | Sport" not in text
    result, records = _extract(models, str(tmp_path))
    assert result.exit_code == 0, result.stderr
    rec = _direct(records, "Wir bleiben hier")
    assert text[rec["start"]:rec["end"]] == "Wir bleiben hier"  # offsets refer to the extracted text
    assert (rec["doc"], rec["url"], rec["date"], rec["title"]) == ("page.html", "https://example.org/berg", "2026-11-30", "Berg bleibt")
    assert rec["speaker"]["name"] == "Anna Berg"


def test_html_without_main_text_is_a_clear_error(models, tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>Nothing</title></head><body></body></html>", encoding="utf-8")
    result, _ = _extract(models, str(tmp_path / "empty.html"))
    assert result.exit_code == 1 and "empty.html: no main text found in the HTML page [read]" in result.stderr


def test_empty_input_set_exits_2_saying_what_was_searched(models, tmp_path):
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result, _ = _extract(models, str(tmp_path))
    assert result.exit_code == 2
    assert f"no articles in {tmp_path} (looked for *.txt *.jsonl *.csv" in result.stderr


def test_version():
    import quotes

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"quotes {quotes.__version__}"


# --- keys ----------------------------------------------------------------------------------------

def test_ids_and_docs_equal_across_two_differently_named_copies(models, tmp_path):
    first = tmp_path / "corpus"
    (first / "de").mkdir(parents=True)
    (first / "en").mkdir()
    (first / "de" / "story.txt").write_text(DE, encoding="utf-8")
    (first / "en" / "story.txt").write_text(EN, encoding="utf-8")
    shutil.copytree(first, tmp_path / "renamed copy")
    _, a = _extract(models, str(first))
    _, b = _extract(models, str(tmp_path / "renamed copy"))
    assert [(r["doc"], r["id"]) for r in a] == [(r["doc"], r["id"]) for r in b]
    assert sorted({r["doc"] for r in a}) == ["de/story.txt", "en/story.txt"]  # same file name, two docs


def test_same_text_twice_in_one_run_keeps_ids_unique(models, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DE, encoding="utf-8")
    _, records = _extract(models, str(tmp_path))
    assert len(records) == 2 and len({r["id"] for r in records}) == 2
    _, alone = _extract(models, str(tmp_path / "b.txt"))
    assert alone[0]["id"] == records[0]["id"]  # the first copy's id is the text's own


# --- outputs -------------------------------------------------------------------------------------

def test_csv_and_parquet_load_flat_in_pandas(models, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from quotes.tables import COLUMNS

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "de.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "in" / "en.txt").write_text(EN, encoding="utf-8")
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"q.{fmt}"
        result, _ = _extract(models, str(tmp_path / "in"), "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.stderr
        frame = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert list(frame.columns) == COLUMNS
        assert not any(isinstance(v, dict) for v in frame.to_numpy().ravel())
        row = frame[frame["text"] == "Wir bleiben hier"].iloc[0]
        assert (row["speaker_name"], row["cue_text"], row["role"], int(row["start"])) == ("Anna Berg", "sagte", "Ministerin", 1)
    assert not list(tmp_path.glob("*.part*"))


def test_csv_to_stdout_streams_with_one_header(models, tmp_path):
    import csv
    import io

    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--no-cache", "--models", models, "--format", "csv", str(tmp_path)])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["text"] for r in rows] == ["Wir bleiben hier", "We will not leave,"]
    assert rows[1]["speaker_name"] == "Anna Berg" and rows[1]["doc"] == "en.txt"


def test_parquet_needs_a_file():
    result = CliRunner().invoke(app, ["extract", "--format", "parquet", "x.txt"])
    assert result.exit_code == 2 and "--format parquet needs -o FILE" in result.stderr
