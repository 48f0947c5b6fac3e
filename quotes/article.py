"""Input: files and folders of articles, and standard input, read exactly as they are.

- `.txt`: one article per file;
- `.jsonl`: one article per line, `{"text", "id"?, "lang"?, "url"?, "date"?, "title"?, "publisher"?}`;
- `.csv` / `.tsv`: a header row naming the same fields (`text` required), one article per row;
- `.html` / `.htm`: a saved web page; its main text (trafilatura) is the article, and offsets refer
  to that text (`quotes text FILE` prints it), title, date and URL come from the page's metadata;
- `-`: standard input, JSONL when its first line is a JSON object, else one plain-text article.

`outlet` is accepted for `publisher` everywhere. An article with no id of its own is named by where
it is: its path relative to the folder given (`a/story.txt`), or the file and line/row
(`export.csv:3`). Text is never normalised: offsets in the output slice the text as read (a UTF-8
or UTF-16 byte-order mark is dropped, CRLF is kept).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".csv", ".tsv", ".html", ".htm")
STDIN = "-"
FIELDS = ("id", "text", "lang", "url", "date", "title", "publisher", "outlet")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Article(BaseModel):
    """One article as read: `id` is its path relative to the input folder given, or the id its line or
    row names. `publisher` is the article's own outlet; input may call it `outlet` too."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    id: str
    text: str
    lang: str | None = None
    publisher: str | None = Field(default=None, validation_alias=AliasChoices("publisher", "outlet"))
    url: str | None = None
    date: str | None = None
    title: str | None = None
    source: str = ""  # where it was read from, for error messages
    duplicate_of: str | None = None  # the source that had this id first (the id got a "#2", "#3", ...)
    same_text_as: str | None = None  # an earlier article of the run with this very text (its ids are salted)


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
        if str(p) == STDIN:
            yield Path(STDIN), "stdin"
            continue
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


def article_from_fields(obj: dict, where: str, fallback_id: str, lang: str | None) -> Article | InputError:
    """One article from a JSONL object, a CSV row or an API call's fields; `fallback_id` names it
    when it has no id."""
    bad = _lone_surrogate(obj)
    if bad:
        return InputError(where, bad)
    given = obj.get("id")
    if given in (None, ""):
        given = fallback_id
    elif not isinstance(given, (str, int)) or isinstance(given, bool):
        return InputError(where, "field id: not a string or a number")
    if not isinstance(obj.get("text"), str):
        return InputError(where, "missing field text" if obj.get("text") is None else "field text: not a string")
    fields = {k: v for k, v in obj.items() if k in FIELDS and v not in (None, "") or k == "text"}
    try:
        art = Article.model_validate({**fields, "id": str(given), "source": where})
    except ValidationError as exc:
        err = exc.errors()[0]
        return InputError(where, f"field {'.'.join(map(str, err['loc']))}: {err['msg']}")
    if art.lang is None and lang:
        art.lang = lang
    return art


def _read_jsonl(source: str, doc_id: str, text: str, lang: str | None) -> Iterator[Article | InputError]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not a JSON line ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "JSON line is not an object")
            continue
        yield article_from_fields(obj, where, f"{doc_id}:{n}", lang)


def _read_table(source: str, doc_id: str, text: str, lang: str | None, delimiter: str) -> Iterator[Article | InputError]:
    """A CSV/TSV export: a header naming the fields (`text` required), one article per row."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader)]
    except StopIteration:
        yield InputError(source, "empty table (no header row)")
        return
    except csv.Error as exc:
        yield InputError(source, f"not a table ({exc})")
        return
    if "text" not in header:
        yield InputError(source, f"no text column in the header (columns: {', '.join(header) or 'none'})")
        return
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{source}:{reader.line_num}", f"broken row ({exc}); the rest of the file skipped")
            return
        if not any(cell.strip() for cell in row):
            continue
        row_no += 1
        where = f"{source}:{reader.line_num}"
        if len(row) != len(header):
            yield InputError(where, f"row has {len(row)} fields, the header {len(header)}")
            continue
        yield article_from_fields(dict(zip(header, row)), where, f"{doc_id}:{row_no}", lang)


def html_article(data: bytes, source: str, doc_id: str, lang: str | None) -> Article | InputError:
    """The main text of a saved web page (trafilatura) as the article, with its title, date and URL."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        page = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        return InputError(source, f"cannot read the HTML ({type(exc).__name__}: {exc})")
    if page is None or not (page.text or "").strip():
        return InputError(source, "no main text found in the HTML page")
    return Article(id=doc_id, text=page.text, lang=lang or page.language, url=page.url, date=page.date,
                   title=page.title, publisher=page.sitename, source=source)


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


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _read(paths, lang, encoding, exclude) -> Iterator[Article | InputError]:
    for item in _files(paths, exclude):
        if isinstance(item, InputError):
            yield item
            continue
        path, doc_id = item
        stdin = str(path) == STDIN
        source = "<stdin>" if stdin else display_name(str(path))
        try:
            data = sys.stdin.buffer.read() if stdin else path.read_bytes()
        except OSError as exc:
            yield InputError(source, f"cannot read ({exc.strerror or exc})")
            continue
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            yield html_article(data, source, doc_id, lang)
            continue
        try:
            text = decode(data, source, encoding)
        except InputError as err:
            yield err
            continue
        if suffix == ".jsonl" or stdin and _looks_like_jsonl(text):
            yield from _read_jsonl(source, doc_id, text, lang)
        elif suffix in (".csv", ".tsv"):
            yield from _read_table(source, doc_id, text, lang, "\t" if suffix == ".tsv" else ",")
        else:
            yield Article(id=doc_id, text=text, lang=lang, source=source)


def article_text(path: str | Path, encoding: str | None = None) -> str:
    """The text offsets refer to, of one input file (for HTML the extracted main text)."""
    for item in read_articles([path], encoding=encoding):
        if isinstance(item, InputError):
            raise item
        return item.text
    raise InputError(str(path), "no article in it")


def count_articles(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> int | None:
    """How many articles `paths` hold, counted without parsing (for a progress bar's total):
    lines of JSONL, rows of tables, one per other file; None when stdin is among them."""
    skip = frozenset(os.path.realpath(x) for x in exclude)
    total = 0
    for item in _files(paths, skip):
        if isinstance(item, InputError):
            total += 1
            continue
        path = item[0]
        if str(path) == STDIN:
            return None
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in (".csv", ".tsv"):
                with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
                    total += max(0, sum(1 for _ in csv.reader(fh, delimiter="\t" if suffix == ".tsv" else ",")) - 1)
            else:
                total += 1
        except (OSError, csv.Error):
            total += 1
    return total
