"""The HTTP service (`quotes serve`): the Python API behind a small JSON API (FastAPI on uvicorn).

    POST /extract        {"text": ..., "lang"?, "id"?, "url"?, "date"?, "title"?, "publisher"?}
                         -> {"records": [...]}, each record exactly the line `quotes extract` writes
    POST /extract/batch  {"articles": [...]} -> {"results": [{"id", "records"} | {"id", "error", "stage"}]}
    GET  /health         {"status": "ok", "languages": [...]}
    GET  /version        {"version": ...}
    GET  /docs           the OpenAPI page (the schema itself at /openapi.json)

Every error is JSON `{"detail": "<one line>"}`: 413 for a body over `max_bytes` (checked before it is
parsed, whether or not it has a Content-Length), 422 for malformed JSON, wrong fields or a failed
article (the detail names the stage), 500 for anything unexpected (the server stays up).

The endpoints that extract are plain `def`s, so they run in the threadpool and never block the event
loop; the Pipeline's lock lets one Stanza call run at a time, and /health answers meanwhile. See
docs/service.md.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from .api import Pipeline, load, to_article
from .article import Article
from .errors import ArticleFailure
from .record import Quote, text_hash

DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_MAX_BATCH = 100
ENV_MODELS, ENV_RULES, ENV_MAX_BYTES, ENV_MAX_BATCH = "QUOTES_MODELS", "QUOTES_RULES", "QUOTES_MAX_BYTES", "QUOTES_MAX_BATCH"
ARTICLE_META = ("lang", "id", "url", "date", "title", "publisher")

log = logging.getLogger("uvicorn.error")  # shown with uvicorn's own startup lines


# --- request and response bodies ------------------------------------------------------------------

def _id(value):
    """An id may be a string or a number, as in JSONL input (not true/false, not a list ...)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None or isinstance(value, str):
        return value
    raise ValueError("should be a string or a number")


class ArticleIn(BaseModel):
    """One article, with the fields a line of `quotes extract` JSONL input has."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article text; record offsets (start/end) index into it exactly as sent")
    lang: str | None = Field(default=None, description="a rule file's language code (de, en) or 'auto' "
                             "(the default: told from the text)")
    id: Annotated[str | None, BeforeValidator(_id)] = Field(default=None, description="the article id, written as each record's "
                                             "`doc`; default: the hash of the text (the same text, the same doc). "
                                             "Give \"stdin\" to get the very records of `quotes extract -` on this text")
    url: str | None = Field(default=None, description="the article's URL, copied to every record")
    date: str | None = Field(default=None, description="the article's date, copied to every record as given")
    title: str | None = Field(default=None, description="the article's title, copied to every record")
    publisher: str | None = Field(default=None, description="the article's own outlet; default: found in the "
                                  "text (dateline or source line) where the rules can")
    outlet: str | None = Field(default=None, description="the same as `publisher` (as the CLI input accepts "
                               "it); `publisher` wins when both are given")

    def fields(self) -> dict[str, Any]:
        """The fields as the CLI's JSONL reader keeps them: empty strings count as not given."""
        given = {k: getattr(self, k) for k in ARTICLE_META}
        if given["publisher"] in (None, ""):
            given["publisher"] = self.outlet
        return {"text": self.text, **{k: v for k, v in given.items() if v not in (None, "")}}


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(description="the articles, parsed together; at most the server's "
                                      "max_batch (default 100) per request")


class ExtractOut(BaseModel):
    records: list[Quote] = Field(description="the article's quotes in text order, each exactly as `quotes "
                                 "extract` writes it (see `quotes schema`)")


class BatchItemOut(BaseModel):
    id: str = Field(description="the article's id (its `doc`): the one given, else the hash of its text")
    records: list[Quote] | None = Field(default=None, description="the article's records (absent when it failed)")
    error: str | None = Field(default=None, description="why the article failed (absent when it did not)")
    stage: str | None = Field(default=None, description="the stage it failed in: input, language, parse, extract, ...")


class BatchOut(BaseModel):
    results: list[BatchItemOut] = Field(description="one per article, in the order of `articles`")


class ErrorOut(BaseModel):
    detail: str = Field(description="what went wrong, in one line")
    stage: str | None = Field(default=None, description="for a failed article: the stage it failed in")


class HealthOut(BaseModel):
    status: str = Field(description="'ok' once the models are loaded (the server answers only then)")
    languages: list[str] = Field(description="the languages it has rules and models for")


class VersionOut(BaseModel):
    version: str


# --- errors, each one line ------------------------------------------------------------------------

def one_line(text: str, limit: int = 500) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _error(status: int, detail: str, **extra) -> JSONResponse:
    return JSONResponse({"detail": one_line(detail), **extra}, status_code=status)


def describe_validation(errors: list[dict]) -> str:
    """FastAPI's validation errors as one readable line: `body.text: Field required; ...`."""
    parts = []
    for err in errors[:5]:
        loc = [str(x) for x in err.get("loc", ())]
        if err.get("type") == "json_invalid":
            where = f" at character {loc[1]}" if len(loc) > 1 else ""
            reason = (err.get("ctx") or {}).get("error", "")
            parts.append(f"body: not valid JSON{where}" + (f" ({reason})" if reason else ""))
        elif loc == ["body"] and isinstance(err.get("input"), bytes | bytearray):
            parts.append("body: send a JSON object with Content-Type: application/json")
        else:
            parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    if len(errors) > 5:
        parts.append(f"and {len(errors) - 5} more")
    return "; ".join(parts)


async def _on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return _error(422, describe_validation(list(exc.errors())))


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, ensure_ascii=False)
    return JSONResponse({"detail": one_line(detail)}, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Starlette's ServerErrorMiddleware sends this, then re-raises so that uvicorn logs the traceback;
    # the server goes on serving.
    return _error(500, f"internal error: {type(exc).__name__}: {exc}")


class BodyLimit:
    """413 for a request body over `max_bytes`: at once when its Content-Length says so, else as soon
    as the streamed (chunked) body passes it. The body is read here, whole, before anything parses it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = next((v for k, v in scope.get("headers", ()) if k.lower() == b"content-length"), None)
        if length is not None and length.strip().isdigit() and int(length) > self.max_bytes:
            await self._too_large(scope, receive, send, f"Content-Length {int(length):,} bytes")
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client is gone: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send, "the body sent")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, replayed = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, what: str) -> None:
        response = _error(413, f"request body too large: {what} is over the limit of {self.max_bytes:,} bytes "
                               f"(send fewer or shorter articles per request)")
        await response(scope, receive, send)


# --- the app --------------------------------------------------------------------------------------

def _article(item: ArticleIn) -> Article:
    """The Article `quotes extract` would read from this JSONL line (ValueError/TypeError if unusable)."""
    return to_article(item.fields())


def _dump(records: list[Quote]) -> list[dict]:
    return [q.model_dump(mode="json") for q in records]


def create_app(nlp: Pipeline | None = None, *, models=None, rules=None, max_bytes: int = DEFAULT_MAX_BYTES,
               max_batch: int = DEFAULT_MAX_BATCH) -> FastAPI:
    """The service's FastAPI app. With `nlp`, it serves that (already loaded) Pipeline; without, it
    loads one at startup with quotes.load(models, rules) and loads its Stanza models before it answers."""
    if max_bytes < 1 or max_batch < 1:
        raise ValueError("max_bytes and max_batch must be at least 1")

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.nlp is None:
            from starlette.concurrency import run_in_threadpool

            app.state.nlp = await run_in_threadpool(lambda: load(models, rules).warm())
            log.info("quotes: models loaded for %s", ", ".join(app.state.nlp.languages))
        yield

    app = FastAPI(
        title="quotes", version=__version__, lifespan=lifespan,
        summary="Direct, indirect and mixed quotes in German and English news, and who said them.",
        description="Each record is exactly a line of `quotes extract` (see `quotes schema`). Errors are "
                    "`{\"detail\": \"<one line>\"}`. See docs/service.md.",
    )
    app.state.nlp = nlp
    app.state.max_bytes = max_bytes
    app.state.max_batch = max_batch
    app.add_middleware(BodyLimit, max_bytes=max_bytes)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
    errors = {413: {"model": ErrorOut, "description": "request body over the size limit"},
              422: {"model": ErrorOut, "description": "malformed JSON, wrong fields, or the article failed"},
              500: {"model": ErrorOut, "description": "an unexpected error (the server stays up)"}}

    @app.post("/extract", response_model=ExtractOut, responses=errors, summary="The quotes of one article")
    def extract(article: ArticleIn, request: Request):
        try:
            art = _article(article)
        except (TypeError, ValueError) as exc:
            return _error(422, f"input: {exc}", stage="input")
        (result,) = request.app.state.nlp.extract_articles([art])
        if isinstance(result, ArticleFailure):
            return _error(422, f"{result.stage}: {result.error}", stage=result.stage)
        return JSONResponse({"records": _dump(result)})

    @app.post("/extract/batch", response_model=BatchOut, responses=errors,
              summary="The quotes of several articles, parsed together")
    def extract_batch(batch: BatchIn, request: Request):
        limit = request.app.state.max_batch
        if len(batch.articles) > limit:
            return _error(422, f"body.articles: at most {limit} articles per request (got {len(batch.articles)})")
        results: list[dict | None] = [None] * len(batch.articles)
        todo: list[tuple[int, Article]] = []
        for k, item in enumerate(batch.articles):
            try:
                todo.append((k, _article(item)))
            except (TypeError, ValueError) as exc:
                doc = item.id if item.id not in (None, "") else text_hash(item.text)
                results[k] = {"id": doc, "error": one_line(str(exc)), "stage": "input"}
        done = request.app.state.nlp.extract_articles([art for _, art in todo]) if todo else []
        for (k, art), result in zip(todo, done):
            if isinstance(result, ArticleFailure):
                results[k] = {"id": art.id, "error": one_line(result.error), "stage": result.stage}
            else:
                results[k] = {"id": art.id, "records": _dump(result)}
        return JSONResponse({"results": results})

    @app.get("/health", response_model=HealthOut, summary="Whether the service is up, and its languages")
    async def health(request: Request):  # async: answers on the event loop even while every thread extracts
        return {"status": "ok", "languages": request.app.state.nlp.languages}

    @app.get("/version", response_model=VersionOut, summary="The quotes version")
    async def version():
        return {"version": __version__}

    return app


def app_factory() -> FastAPI:
    """The app of one uvicorn worker process (`uvicorn --factory quotes.service:app_factory`), configured
    by $QUOTES_MODELS, $QUOTES_RULES, $QUOTES_MAX_BYTES and $QUOTES_MAX_BATCH, which serve() sets."""
    env = os.environ
    return create_app(models=env.get(ENV_MODELS) or None, rules=env.get(ENV_RULES) or None,
                      max_bytes=int(env.get(ENV_MAX_BYTES) or DEFAULT_MAX_BYTES),
                      max_batch=int(env.get(ENV_MAX_BATCH) or DEFAULT_MAX_BATCH))


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1, models=None, rules=None,
          max_bytes: int = DEFAULT_MAX_BYTES, max_batch: int = DEFAULT_MAX_BATCH, log_level: str = "info") -> None:
    """Run the service with uvicorn until interrupted. Rules and model locations are checked first
    (QuotesError, one line, before anything binds the port); with workers > 1 each worker process loads
    its own models (memory: one set of Stanza models per worker)."""
    import uvicorn

    if workers < 1 or max_bytes < 1 or max_batch < 1:
        raise ValueError("workers, max_bytes and max_batch must be at least 1")
    nlp = load(models, rules)  # QuotesError now for a missing rule file or model folder
    if workers == 1:
        nlp.warm()
        uvicorn.run(create_app(nlp, max_bytes=max_bytes, max_batch=max_batch), host=host, port=port,
                    log_level=log_level)
        return
    for key, value in ((ENV_MODELS, models), (ENV_RULES, rules), (ENV_MAX_BYTES, max_bytes), (ENV_MAX_BATCH, max_batch)):
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = str(value)
    extra = {}
    if "timeout_worker_healthcheck" in inspect.signature(uvicorn.run).parameters:  # uvicorn >= 0.55
        # a worker answers the supervisor's pings while it loads its models, but a restart (SIGHUP) waits
        # only this long for the new worker to be ready (the default, 5 s, is shorter than a model load)
        extra["timeout_worker_healthcheck"] = 300
    uvicorn.run("quotes.service:app_factory", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, **extra)
