"""Safe output: records of one article are written together or not at all.

`-o FILE` is written as FILE.part and renamed to FILE when the run completes, so FILE is never a
torn or partial file. A run that stops early (Ctrl-C, a killed process, a full disk) leaves
FILE.part behind; `--resume` continues it (or, with no .part, continues FILE itself): articles
whose records are already there with the same text hash are skipped, a torn last line is dropped,
and an article whose text changed is done again and its old records removed.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import IO


class OutputError(Exception):
    """The output cannot be written (disk full, permissions): the run stops, --resume continues it."""


class OutputClosed(OutputError):
    """stdout was closed by its reader (`quotes extract ... | head`): stop quietly."""


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


class RecordWriter:
    def __init__(self, path: Path | None, resume: bool = False, stream: IO[str] | None = None):
        self.path = path
        self.part = path.with_name(path.name + ".part") if path else None
        self.stream = stream or sys.stdout
        self.resume = resume
        self.done: set[tuple[str, str]] = set()  # (doc, doc_hash) already in the output
        self._existing: dict[str, set[str]] = {}  # doc -> hashes in the output before this run
        self._current: dict[str, str] = {}  # doc -> hash seen in this run
        self._fh: IO[str] | None = None

    def open(self) -> "RecordWriter":
        if self.part is None:
            self._fh = self.stream
            return self
        self.part.parent.mkdir(parents=True, exist_ok=True)
        if self.resume:
            if not self.part.exists() and self.path.exists():
                shutil.copyfile(self.path, self.part)
            if self.part.exists():
                self._load_existing()
        self._fh = self.part.open("ab" if self.resume else "wb", buffering=0)
        return self

    def _load_existing(self) -> None:
        data = self.part.read_bytes()
        cut = data.rfind(b"\n") + 1
        if cut < len(data):  # a torn last line from a killed run
            with self.part.open("r+b") as fh:
                fh.truncate(cut)
        for raw in data[:cut].splitlines():
            try:
                rec = json.loads(raw)
                doc, digest = rec["doc"], rec.get("doc_hash", "")
            except (ValueError, KeyError, TypeError):
                continue
            self._existing.setdefault(doc, set()).add(digest)
            self.done.add((doc, digest))

    def already_done(self, doc: str, digest: str) -> bool:
        self._current[doc] = digest
        return (doc, digest) in self.done

    def write(self, doc: str, digest: str, records: list[dict]) -> None:
        """All records of one article in one write; on failure the file is cut back to before them."""
        self._current[doc] = digest
        if not records:
            return
        data = "".join(_line(r) for r in records)
        fh = self._fh
        try:
            if self.part is None:
                try:
                    fh.write(data)
                    fh.flush()
                except BrokenPipeError:
                    raise OutputClosed("stdout closed") from None
                return
            pos = fh.seek(0, os.SEEK_END)
            view = memoryview(data.encode("utf-8", "surrogatepass"))
            try:
                while view:
                    view = view[fh.write(view):]
            except OSError:
                fh.truncate(pos)  # none of this article's records stay behind
                raise
        except OSError as exc:
            raise OutputError(f"{self.part or 'stdout'}: cannot write ({exc.strerror or exc})") from None

    def close(self, complete: bool) -> None:
        """Close; when the run is complete, drop records of changed articles and publish FILE."""
        if self._fh is None or self.part is None:
            if self._fh is not None:
                self._fh.flush()
            return
        self._fh.close()
        self._fh = None
        if not complete:
            return
        stale = {d for d, hashes in self._existing.items() if d in self._current and hashes - {self._current[d]}}
        if stale:
            tmp = self.part.with_name(self.part.name + ".tmp")
            with self.part.open(encoding="utf-8") as src, tmp.open("w", encoding="utf-8", newline="\n") as dst:
                for line in src:
                    try:
                        rec = json.loads(line)
                        if rec["doc"] in stale and rec.get("doc_hash") != self._current[rec["doc"]]:
                            continue
                    except (ValueError, KeyError, TypeError):
                        pass
                    dst.write(line)
            os.replace(tmp, self.part)
        os.replace(self.part, self.path)


class ErrorWriter:
    """Failed articles: one line on stderr each, and `{doc, stage, error}` JSONL with --errors FILE."""

    def __init__(self, path: Path | None):
        self._fh = path.open("w", encoding="utf-8", newline="\n") if path else None

    def write(self, doc: str, source: str, stage: str, error: str) -> None:
        print(f"quotes: error: {source}: {error} [{stage}]", file=sys.stderr, flush=True)
        if self._fh:
            self._fh.write(_line({"doc": doc, "stage": stage, "error": error}))
            self._fh.flush()

    def close(self) -> None:
        if self._fh:
            self._fh.close()
