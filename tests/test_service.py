"""The HTTP service end to end: a real uvicorn server on a free local port, called with httpx.

The app serves the session's already loaded pipelines (Pipeline(extractor)), so Stanza loads once."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading

import httpx
import pytest
import uvicorn
from typer.testing import CliRunner

import quotes
from quotes.api import Pipeline
from quotes.cli import app as cli_app
from quotes.errors import QuotesError
from quotes.service import app_factory, create_app, serve

DE = "„Wir bauen die Brücke bis zum Sommer fertig“, sagte Bürgermeisterin Karla Maibach am Dienstag in Lindenau."
EN = '"We will reopen the library in March," said Tom Hallbeck, the mayor of Brookfield, on Tuesday.'
DE_QUOTE = ("direct", "Wir bauen die Brücke bis zum Sommer fertig", "Karla Maibach")
EN_QUOTE = ("direct", "We will reopen the library in March,", "Tom Hallbeck")
MAX_BYTES = 200_000


@contextlib.contextmanager
def serving(app):
    """The app on a uvicorn server on 127.0.0.1 (a port the OS picks), in a background thread."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(600):
        if server.started or not thread.is_alive():
            break
        thread.join(0.05)
    assert server.started, "the server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        assert not thread.is_alive()


@pytest.fixture(scope="module")
def nlp(extractor) -> Pipeline:
    return Pipeline(extractor)


@pytest.fixture(scope="module")
def url(nlp):
    with serving(create_app(nlp, max_bytes=MAX_BYTES, max_batch=10)) as base:
        yield base


@pytest.fixture(scope="module")
def expected(nlp) -> dict[str, list[dict]]:
    """The records the Python API gives for each text as the CLI's stdin article ("stdin")."""
    return {text: [q.model_dump(mode="json") for q in nlp(text, id="stdin")] for text in (DE, EN)}


def post(url: str, path: str, **kw) -> httpx.Response:
    return httpx.post(url + path, timeout=60, **kw)


def assert_one_line_detail(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    detail = body["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail
    assert "Traceback" not in response.text
    return detail


def summary(records: list[dict]) -> list[tuple]:
    return [(r["kind"], r["text"], r["speaker"]["name"] if r["speaker"] else None) for r in records]


# --- records -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, quote, lang", [(DE, DE_QUOTE, "de"), (EN, EN_QUOTE, "en")])
def test_extract_gives_the_records_of_the_cli(url, extractor, text, quote, lang):
    response = post(url, "/extract", json={"text": text, "id": "stdin"})
    assert response.status_code == 200, response.text
    records = response.json()["records"]
    assert summary(records) == [quote]
    assert records[0]["lang"] == lang and records[0]["doc"] == "stdin"
    assert text[records[0]["start"]:records[0]["end"]] == records[0]["text"]
    result = CliRunner().invoke(cli_app, ["extract", "-", "--no-cache", "--models", str(extractor.parser.dir)],
                                input=text)
    assert result.exit_code == 0, result.output
    assert records == [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_extract_without_id_names_the_doc_by_its_text_and_carries_the_metadata(url, nlp):
    meta = {"url": "https://example.org/a", "date": "2024-05-07", "title": "Brücke", "outlet": "Lindenauer Bote"}
    response = post(url, "/extract", json={"text": DE, "lang": "de", **meta})
    assert response.status_code == 200, response.text
    records = response.json()["records"]
    assert records == [q.model_dump(mode="json") for q in nlp(DE, lang="de", **meta)]
    assert records[0]["doc"] == quotes.to_article(DE).id  # the text's hash, as in the Python API
    assert records[0]["publisher"] == "Lindenauer Bote" and records[0]["url"] == meta["url"]
    # content-addressed: the same quote has the same record id whatever the doc is called
    assert records[0]["id"] == post(url, "/extract", json={"text": DE, "id": "other"}).json()["records"][0]["id"]


def test_fifty_concurrent_requests_all_get_the_records_of_a_single_call(url, expected):
    texts = [DE if k % 2 else EN for k in range(50)]

    async def burst():
        async with httpx.AsyncClient(base_url=url, timeout=120, limits=httpx.Limits(max_connections=50)) as client:
            calls = [client.post("/extract", json={"text": t, "id": "stdin"}) for t in texts]
            health = client.get("/health")  # answered on the event loop while the threads extract
            return await asyncio.gather(*calls, health)

    *responses, health = asyncio.run(burst())
    assert health.status_code == 200
    assert [r.status_code for r in responses] == [200] * 50
    assert all(r.json()["records"] == expected[t] for r, t in zip(responses, texts))


def test_batch_keeps_order_and_reports_a_failed_article_without_failing_the_others(url, expected):
    articles = [{"text": DE, "id": "stdin"}, {"text": EN, "lang": "xx", "id": "no-rules"},
                {"text": EN, "id": 7}, {"text": "   "}, {"text": "b\ud800", "id": "lone"}]
    body = json.dumps({"articles": articles}, ensure_ascii=True).encode()  # JSON escapes the lone surrogate
    response = post(url, "/extract/batch", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    first, failed, third, blank, lone = response.json()["results"]
    assert first == {"id": "stdin", "records": expected[DE]}
    assert failed["id"] == "no-rules" and failed["stage"] == "language" and "'xx'" in failed["error"]
    assert "records" not in failed
    assert third["id"] == "7" and summary(third["records"]) == [EN_QUOTE] and third["records"][0]["doc"] == "7"
    assert blank["records"] == [] and blank["id"] == quotes.to_article("   ").id
    assert lone == {"id": "lone", "error": "field text: lone surrogate U+D800 at character 1 (not text)",
                    "stage": "input"}


def test_batch_over_the_limit_is_refused(url):
    detail = assert_one_line_detail(post(url, "/extract/batch", json={"articles": [{"text": "x"}] * 11}), 422)
    assert "at most 10" in detail


# --- errors --------------------------------------------------------------------------------------

def test_bad_requests_get_one_line_and_the_server_stays_up(url):
    too_big = json.dumps({"text": "a" * (MAX_BYTES + 1)}).encode()
    detail = assert_one_line_detail(post(url, "/extract", content=too_big,
                                         headers={"content-type": "application/json"}), 413)
    assert f"{MAX_BYTES:,}" in detail

    def chunks():  # streamed without a Content-Length (chunked)
        for k in range(0, len(too_big), 16_384):
            yield too_big[k:k + 16_384]

    streamed = post(url, "/extract", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in streamed.request.headers
    assert_one_line_detail(streamed, 413)

    malformed = post(url, "/extract", content=b'{"text": "Er sagte', headers={"content-type": "application/json"})
    assert assert_one_line_detail(malformed, 422).startswith("body: not valid JSON")
    assert assert_one_line_detail(post(url, "/extract", json={"lang": "de"}), 422) == "body.text: Field required"
    assert "body.txt" in assert_one_line_detail(post(url, "/extract", json={"text": "a", "txt": "b"}), 422)
    assert "body.id" in assert_one_line_detail(post(url, "/extract", json={"text": "a", "id": [1]}), 422)
    surrogate = post(url, "/extract", content=b'{"text": "a\\ud800"}', headers={"content-type": "application/json"})
    assert "surrogate" in assert_one_line_detail(surrogate, 422)

    failed = post(url, "/extract", json={"text": EN, "lang": "xx"})
    assert assert_one_line_detail(failed, 422).startswith("language: no rule file")
    assert failed.json()["stage"] == "language"

    health = httpx.get(url + "/health")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "languages": ["de", "en"]}
    # a body just under the limit is still read and answered
    assert post(url, "/extract", json={"text": "x" * 1000, "lang": "de", "id": "x"}).json() == {"records": []}


class _Broken:
    languages = ["de"]

    def extract_articles(self, articles):
        raise RuntimeError("a bug\nover two lines")


def test_an_unexpected_exception_is_a_500_with_one_line_and_the_server_stays_up():
    with serving(create_app(_Broken())) as base:
        detail = assert_one_line_detail(post(base, "/extract", json={"text": "Hallo"}), 500)
        assert detail == "internal error: RuntimeError: a bug over two lines"
        assert httpx.get(base + "/health").status_code == 200


# --- the rest ------------------------------------------------------------------------------------

def test_version_and_docs(url):
    assert httpx.get(url + "/version").json() == {"version": quotes.__version__}
    docs = httpx.get(url + "/docs")
    assert docs.status_code == 200 and "html" in docs.headers["content-type"]
    schema = httpx.get(url + "/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {"/extract", "/extract/batch", "/health", "/version"}
    text_field = schema["components"]["schemas"]["ArticleIn"]["properties"]["text"]
    assert text_field["description"]


def test_an_app_without_a_pipeline_loads_one_at_startup(extractor, expected):
    with serving(create_app(models=extractor.parser.dir)) as base:  # the models are loaded already
        assert httpx.get(base + "/health").json()["languages"] == ["de", "en"]
        assert post(base, "/extract", json={"text": EN, "id": "stdin"}).json()["records"] == expected[EN]


def test_app_factory_reads_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("QUOTES_MODELS", str(tmp_path))
    monkeypatch.setenv("QUOTES_MAX_BYTES", "1234")
    monkeypatch.setenv("QUOTES_MAX_BATCH", "5")
    app = app_factory()
    assert app.state.max_bytes == 1234 and app.state.max_batch == 5 and app.state.nlp is None


def test_serve_checks_the_rules_before_it_binds(tmp_path):
    with pytest.raises(QuotesError, match="no rule file"):
        serve(port=0, rules=tmp_path)
