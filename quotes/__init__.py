"""quotes: find direct, indirect and mixed quotes in news articles and attribute them."""

__version__ = "0.1.0"
