"""Input: files and folders of articles, read exactly as they are.

`.txt` files are one article each; `.jsonl` files hold one article per line as
`{"id", "text", "lang"?, "outlet"?, "url"?, "date"?}`. Text is never normalised: offsets in the
output slice the text as read (a UTF-8 or UTF-16 byte-order mark is dropped, CRLF is kept).
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import InputError

ARTICLE_SUFFIXES = (".txt", ".jsonl")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Article(BaseModel):
    """One article as read: `id` is the file name (relative to the folder given) or the JSONL id."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    lang: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    source: str = ""  # where it was read from, for error messages
    duplicate_of: str | None = None  # the source that had this id first (the id got a "#2", "#3", ...)


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM optional) or UTF-16 with BOM; anything else needs `encoding`."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"broken UTF-16 at byte {exc.start}") from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), skipped")
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        hint = "" if encoding else "; pass --encoding (e.g. cp1252) if you know it"
        raise InputError(source, f"not valid {encoding or 'UTF-8'} at byte {exc.start}{hint}") from None
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None


def display_name(name: str) -> str:
    """A path as text that is valid UTF-8: bytes of the name that are not UTF-8 (which Python keeps as
    lone surrogates) are written as backslash escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace") if _SURROGATE.search(name) else name


def _files(paths: Iterable[str | Path], exclude: frozenset[str] = frozenset()) -> Iterator[tuple[Path, str] | InputError]:
    """(file, id) for every input file, folders walked recursively in sorted order; a folder that
    cannot be listed is an InputError, not a silent gap."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in _walk(path, exclude):
                yield f if isinstance(f, InputError) else (f, display_name(f.relative_to(path).as_posix()))
        elif path.is_file():
            yield path, display_name(path.name)
        else:
            yield InputError(display_name(str(path)), "no such file or folder")


def _walk(folder: Path, exclude: frozenset[str]) -> Iterator[Path | InputError]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield InputError(display_name(str(folder)), f"cannot list folder ({exc.strerror or exc})")
        return
    for e in entries:
        try:
            is_dir = e.is_dir(follow_symlinks=False)
            is_file = not is_dir and e.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(Path(e.path), exclude)
        elif is_file and os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES \
                and os.path.realpath(e.path) not in exclude:
            yield Path(e.path)


def _lone_surrogate(obj: dict) -> str | None:
    for key, value in obj.items():
        if isinstance(value, str) and (m := _SURROGATE.search(value)):
            return f"field {key}: lone surrogate U+{ord(m.group()):04X} at character {m.start()} (not text), skipped"
    return None


def _read_jsonl(path: Path, text: str, lang: str | None) -> Iterator[Article | InputError]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not a JSON line ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "JSON line is not an object")
            continue
        bad = _lone_surrogate(obj)
        if bad:
            yield InputError(where, bad)
            continue
        if not isinstance(obj.get("id"), (str, int)) or isinstance(obj.get("id"), bool):
            yield InputError(where, "missing field id (a string or a number)")
            continue
        try:
            art = Article.model_validate({**obj, "id": str(obj["id"]), "source": where})
        except ValidationError as exc:
            err = exc.errors()[0]
            yield InputError(where, f"field {'.'.join(map(str, err['loc']))}: {err['msg']}")
            continue
        if not art.id:
            yield InputError(where, "missing field id")
            continue
        if art.lang is None and lang:
            art.lang = lang
        yield art


def read_articles(
    paths: Iterable[str | Path], lang: str | None = None, encoding: str | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Article | InputError]:
    """Every article under `paths`, in order, or an InputError in its place; never raises for one file.

    Ids are unique: an id seen before (the same file name in two folders, a repeated JSONL id) gets
    "#2", "#3", ... in input order, and `duplicate_of` names the source that had it first."""
    seen: dict[str, str] = {}
    skip = frozenset(os.path.realpath(x) for x in exclude)  # our own output, when it lies in an input folder
    for item in _unique(_read(paths, lang, encoding, skip), seen):
        yield item


def _unique(items: Iterator[Article | InputError], seen: dict[str, str]) -> Iterator[Article | InputError]:
    for item in items:
        if isinstance(item, Article):
            if item.id in seen:
                first, k = item.id, 2
                while f"{first}#{k}" in seen:
                    k += 1
                item.duplicate_of, item.id = seen[first], f"{first}#{k}"
            seen[item.id] = item.source or item.id
        yield item


def _read(paths, lang, encoding, exclude) -> Iterator[Article | InputError]:
    for item in _files(paths, exclude):
        if isinstance(item, InputError):
            yield item
            continue
        path, doc_id = item
        source = display_name(str(path))
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(source, f"cannot read ({exc.strerror or exc})")
            continue
        try:
            text = decode(data, source, encoding)
        except InputError as err:
            yield err
            continue
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(Path(source), text, lang)
        else:
            yield Article(id=doc_id, text=text, lang=lang, source=source)
