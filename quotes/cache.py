"""An on-disk cache of parses, so re-running an archive (after a rule edit, say) does no neural work.

One file per article, named by the digest of (text, language, model identity); see Parser. A file
holds the article's tokenized sentences and the analyses of those parsed so far, as compressed
JSON behind a header with the body's SHA-256. Files are written to a temporary name and renamed
into place, so concurrent workers and killed runs never leave a half-written entry under a real
name; an entry whose digest does not match (a torn or edited file) is deleted and recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zlib
from pathlib import Path

import orjson

from .parse import SentenceTokens

FORMAT = b"quotes-parse-cache 3"  # 3: sentences by columns (parse.SentenceTokens)
_SUBDIR = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{62}\.json\.z")
FIRST_NAMES_PREFIX = "first-names-"  # entities._first_names' table: this, 16 hex digits, ".json"
_FIRST_NAMES = re.compile(re.escape(FIRST_NAMES_PREFIX) + r"[0-9a-f]{16}\.json")


def default_cache_dir() -> Path:
    env = os.environ.get("QUOTES_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("quotes")) / "parses"


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary name beside `path` and rename it into place, so no reader ever
    sees half a file; a folder that cannot be written is left alone (a cache only costs speed)."""
    try:
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except FileNotFoundError:  # the folder's first entry: make it (one system call less for the others)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def _json_bytes(obj) -> bytes:
    """Compact JSON as UTF-8; for the cache's lists of strings and integers orjson writes the same
    bytes as the standard library, ten times faster. A text with a lone surrogate, which orjson
    refuses, goes through the standard library."""
    try:
        return orjson.dumps(obj)
    except orjson.JSONEncodeError:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _from_json(data: bytes):
    """`_json_bytes` read back: orjson, or the standard library for a lone surrogate (which orjson
    reads as invalid UTF-8)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


class ParseCache:
    def __init__(self, directory: str | os.PathLike | None = None):
        self.dir = Path(directory) if directory else default_cache_dir()

    @staticmethod
    def key(text: str, lang: str, identity: str) -> str:
        h = hashlib.sha256(f"{lang}\0{identity}\0".encode())
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key[2:]}.json.z"

    def get(self, key: str) -> tuple[list[int], list[SentenceTokens], str | None] | None:
        """(tokenized paragraph indexes, sentences, selection) of an article, or None; `selection`
        is the digest of the prefilter that last parsed it (see `Parser.parse_many`), None if none."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        header, _, body = data.partition(b"\n")
        try:
            fmt, digest = header.rsplit(b" ", 1)
            if fmt != FORMAT or hashlib.sha256(body).hexdigest().encode() != digest:
                raise ValueError("digest mismatch")
            done, rows, *selection = _from_json(zlib.decompress(body))  # an entry before the selection has none
            return list(done), [SentenceTokens(*r) for r in rows], (selection[0] if selection else None)
        except (ValueError, zlib.error, IndexError, TypeError):  # torn or edited: recompute
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass  # a read-only cache keeps the bad entry; the parse is simply done again
            return None

    def put(self, key: str, paragraphs: list[int], sents: list[SentenceTokens], selection: str | None = None) -> None:
        rows = [[s.para, s.texts, s.starts, s.ends, s.analysis] for s in sents]
        body = zlib.compress(_json_bytes([paragraphs, rows, selection]), 3)
        data = FORMAT + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        write_atomically(self.path(key), data)

    def _own_files(self) -> list[Path]:
        """The cache's own files: DIR/xx/<62 hex>.json.z (and .tmp- files in those xx folders) and
        DIR/first-names-<16 hex>.json, nothing else, so `cache clear --cache DIR` cannot delete
        other files below DIR."""
        if not self.dir.is_dir():
            return []
        out = [f for f in self.dir.iterdir() if _FIRST_NAMES.fullmatch(f.name) and f.is_file() and not f.is_symlink()]
        for sub in self.dir.iterdir():
            if _SUBDIR.fullmatch(sub.name) and sub.is_dir() and not sub.is_symlink():
                out += [f for f in sub.iterdir() if (_ENTRY.fullmatch(f.name) or f.name.startswith(".tmp-"))
                        and f.is_file() and not f.is_symlink()]
        return out

    def info(self) -> dict:
        files = [f for f in self._own_files() if f.name.endswith(".json.z")]
        return {"dir": str(self.dir), "entries": len(files), "bytes": sum(f.stat().st_size for f in files)}

    def clear(self) -> int:
        """Delete the cache's own files; the number of parse entries among them (as `info` counts)."""
        n = 0
        for f in self._own_files():
            f.unlink(missing_ok=True)
            n += f.name.endswith(".json.z")
        return n
