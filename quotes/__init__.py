"""quotes: find direct, indirect and mixed quotes in news articles and attribute them.

    import quotes
    nlp = quotes.load()            # Stanza pipelines and rule files, loaded once
    records = nlp(text)            # the Quote records of one article
    for records in nlp.pipe(texts):  # many articles, in order, parsed in bulk
        ...
    quotes.extract(text)           # one-liner: loads on first use and keeps the pipeline
"""

__version__ = "0.2.0"

from .api import Pipeline, extract, load, to_article  # noqa: E402
from .errors import ArticleFailure, QuotesError  # noqa: E402
from .record import Quote  # noqa: E402

__all__ = ["ArticleFailure", "Pipeline", "Quote", "QuotesError", "__version__", "extract", "load", "to_article"]
