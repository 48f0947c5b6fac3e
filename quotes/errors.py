"""Errors the CLI turns into one clear line each."""


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
