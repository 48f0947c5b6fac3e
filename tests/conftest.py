"""One Extractor (one Stanza pipeline per language) for the whole test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _models_dir() -> Path | None:
    for cand in (os.environ.get("STANZA_RESOURCES_DIR"), ROOT.parent / "shared" / "stanza_resources",
                 Path.home() / "stanza_resources"):
        if cand and (Path(cand) / "resources.json").is_file():
            return Path(cand)
    return None


@pytest.fixture(scope="session")
def extractor():
    from quotes.pipeline import Extractor
    from quotes.parse import Parser

    models = _models_dir()
    if models is None:
        pytest.skip("no Stanza models: set STANZA_RESOURCES_DIR (see README)")
    return Extractor(Parser(models))


@pytest.fixture(scope="session")
def seed_quotes(extractor):
    """Records of every seed article, by file name prefix ("000" ...)."""
    from quotes.article import read_articles

    out = {}
    for art in read_articles([SEEDS]):
        out[art.id[:3]] = (art.text, extractor.extract(art))
    return out
