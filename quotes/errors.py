"""Errors the CLI turns into one clear line each."""

from __future__ import annotations


class QuotesError(Exception):
    """A configuration or usage problem that stops the run (exit code 2)."""


class RuleFileError(QuotesError):
    """A rule file that cannot be read or does not validate."""


class ModelsMissingError(QuotesError):
    """Stanza models are not where the run was told to look."""


class InputError(Exception):
    """One article that cannot be read; the run goes on with the others."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ArticleFailure(Exception):
    """One article that failed in a stage (language, parse, extract, ...); the run goes on."""

    def __init__(self, article, stage: str, error: str):
        self.doc = getattr(article, "id", str(article))
        self.source = getattr(article, "source", "") or self.doc
        self.stage = stage
        self.error = error
        super().__init__(f"{self.source}: {stage}: {error}")

    def __str__(self) -> str:
        return f"{self.source}: {self.stage}: {self.error}"

    @classmethod
    def of(cls, article, stage: str, exc: BaseException) -> "ArticleFailure":
        return cls(article, stage, f"{type(exc).__name__}: {exc}")

    def __reduce__(self):  # picklable across worker processes
        return (_rebuild_failure, (self.doc, self.source, self.stage, self.error))


def _rebuild_failure(doc, source, stage, error) -> ArticleFailure:
    fail = ArticleFailure(doc, stage, error)
    fail.source = source
    return fail
