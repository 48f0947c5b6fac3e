"""Safe output: records of one article are written together or not at all.

`-o FILE` is written as FILE.part and renamed to FILE when the run completes, so FILE is never a
torn or partial file. A run that stops early (Ctrl-C, a killed process, a full disk) leaves
FILE.part behind; `--resume` continues it (or, with no .part, continues FILE itself): articles
whose records are already there with the same text hash are skipped, a torn last line is dropped,
and an article whose text changed is done again and its old records removed.

FILE.part is always JSONL; with `--format csv` or `parquet` the finished JSONL is turned into the
table (tables.py) just before it is published as FILE. To stdout, CSV streams row by row.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from pathlib import Path
from typing import IO


class OutputError(Exception):
    """The output cannot be written (disk full, permissions): the run stops, --resume continues it."""


class OutputClosed(OutputError):
    """stdout was closed by its reader (`quotes extract ... | head`): stop quietly."""


def shown(name: str) -> str:
    """A file name or doc id for a message line: control characters, line breaks and bytes that are
    not UTF-8 (surrogates) escaped as ascii() would, everything else as it is."""
    return "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else ascii(c)[1:-1] for c in name)


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


class OutputRefused(Exception):
    """-o names something that is not a regular file, or another run holds it (exit 2, before any work)."""


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _open_regular(path: Path, flags: int) -> int:
    """os.open that never follows a symlink and never writes to a device, FIFO or folder."""
    fd = os.open(path, flags | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), 0o644)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file")
    return fd


class RecordWriter:
    """Records to stdout, or to FILE through FILE.part. Beside FILE.part, FILE.part.done gets one line
    `{"doc", "doc_hash", "records"}` after each article's records are in: on --resume an article
    counts as done only when its line is there and the file holds exactly that many of its records
    (a run killed in the middle of an article's write loses nothing: the article is done again)."""

    def __init__(self, path: Path | None, resume: bool = False, stream: IO[str] | None = None, fmt: str = "jsonl"):
        self.path = path
        self.fmt = fmt  # jsonl, csv or parquet (tables.py); FILE.part is JSONL whatever FILE becomes
        self.part = path.with_name(path.name + ".part") if path else None
        self.marks = path.with_name(path.name + ".part.done") if path else None
        self.lockfile = path.with_name(path.name + ".lock") if path else None
        self.stream = stream or sys.stdout
        self.resume = resume
        self.done: set[tuple[str, str]] = set()  # (doc, doc_hash) already in the output
        self._existing: dict[str, set[str]] = {}  # doc -> hashes in the output before this run
        self._current: dict[str, str] = {}  # doc -> hash seen in this run
        self._fh: IO[str] | None = None
        self._marks_fh = None
        self._lock_fd: int | None = None

    def check(self) -> None:
        """Refuse an -o that is a device, FIFO, socket or folder (OutputRefused)."""
        if self.path is None:
            return
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode) \
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file"
            raise OutputRefused(f"-o {self.path}: is {what}; give the path of a regular file (or leave out -o for stdout)")

    def _lock(self) -> None:
        """An advisory lock on FILE.lock (holding the holder's pid): one run per output at a time."""
        import fcntl

        while True:
            fd = _open_regular(self.lockfile, os.O_RDWR | os.O_CREAT)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 100).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                raise OutputRefused(f"-o {self.path}: another quotes run is writing it (pid {holder}, {self.lockfile})") from None
            try:  # the holder before us may have removed the file while we waited on it: lock the new one
                same = os.path.samestat(os.fstat(fd), os.stat(self.lockfile))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock_fd = fd

    def open(self) -> "RecordWriter":
        if self.part is None:
            self._fh = self.stream
            if self.fmt == "csv":
                self._write_stream(self._csv_text([], header=True))
            return self
        self.check()
        if self.resume and self.fmt != "jsonl" and not os.path.lexists(self.part) and self.path.exists():
            raise OutputRefused(f"-o {self.path}: --resume continues an unfinished {self.path.name}.part; a finished "
                                f"{self.fmt} file cannot be continued (run again without --resume, or use JSONL)")
        try:
            self.part.parent.mkdir(parents=True, exist_ok=True)
            self._lock()
            if self.resume and not os.path.lexists(self.part) and self.path.exists():
                self._copy_published()
            if self.resume and os.path.lexists(self.part):
                self._load_existing()
                fd = _open_regular(self.part, os.O_WRONLY | os.O_APPEND)
            else:
                for stale in (self.part, self.marks):
                    stale.unlink(missing_ok=True)  # a planted link goes, its target stays
                fd = _open_regular(self.part, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            self._fh = os.fdopen(fd, "ab", buffering=0)
            self._marks_fh = os.fdopen(_open_regular(self.marks, os.O_WRONLY | os.O_CREAT | os.O_APPEND), "ab", buffering=0)
        except OSError as exc:
            self._unlock()
            raise OutputError(f"{self.part}: cannot write ({exc.strerror or exc})") from None
        return self

    def _copy_published(self) -> None:
        """--resume of a published FILE: every article in it is complete; mark them so."""
        counts: dict[tuple[str, str], int] = {}
        with self.path.open("rb") as src, os.fdopen(_open_regular(self.part, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as dst:
            for raw in src:
                dst.write(raw)
                key = _key(raw)
                if key:
                    counts[key] = counts.get(key, 0) + 1
        with os.fdopen(_open_regular(self.marks, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as fh:
            fh.write("".join(_line({"doc": d, "doc_hash": h, "records": n}) for (d, h), n in counts.items()).encode())

    def _load_existing(self) -> None:
        data = self.part.read_bytes()
        cut = data.rfind(b"\n") + 1
        rows = data[:cut].splitlines()
        counts: dict[tuple[str, str], int] = {}
        for raw in rows:
            key = _key(raw)
            if key:
                counts[key] = counts.get(key, 0) + 1
        complete = self._marked()
        if complete is None:  # a .part of a version without marks: a torn line's article is incomplete
            last = _key(data[cut:]) if cut < len(data) else None
            torn = {_key(rows[-1])} if cut < len(data) and rows else set()
            complete = {k: n for k, n in counts.items() if k not in torn and k != last}
        done = {k for k, n in counts.items() if complete.get(k) == n}
        keep = [raw for raw in rows if _key(raw) in done]
        if cut < len(data) or len(keep) < len(rows):  # drop torn lines and records of unfinished articles
            tmp = self.part.with_name(self.part.name + ".tmp")
            tmp.unlink(missing_ok=True)
            with os.fdopen(_open_regular(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as fh:
                fh.write(b"".join(raw + b"\n" for raw in keep))
            os.replace(tmp, self.part)
        with os.fdopen(_open_regular(self.marks, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as fh:
            fh.write("".join(_line({"doc": d, "doc_hash": h, "records": counts[(d, h)]}) for d, h in sorted(done)).encode())
        for doc, digest in done:
            self._existing.setdefault(doc, set()).add(digest)
            self.done.add((doc, digest))

    def _marked(self) -> dict[tuple[str, str], int] | None:
        try:
            data = self.marks.read_bytes()
        except FileNotFoundError:
            return None
        out = {}
        for raw in data.splitlines():
            try:
                m = json.loads(raw)
                out[(m["doc"], m["doc_hash"])] = int(m["records"])
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def already_done(self, doc: str, digest: str) -> bool:
        self._current[doc] = digest
        return (doc, digest) in self.done

    def write(self, doc: str, digest: str, records: list[dict]) -> None:
        """All records of one article in one write; on failure the file is cut back to before them."""
        self._current[doc] = digest
        if not records:
            return
        fh = self._fh
        try:
            if self.part is None:
                self._write_stream(self._csv_text(records) if self.fmt == "csv" else "".join(_line(r) for r in records))
                return
            data = "".join(_line(r) for r in records)
            pos = fh.seek(0, os.SEEK_END)
            view = memoryview(data.encode("utf-8", "surrogatepass"))
            try:
                while view:
                    view = view[fh.write(view):]
            except OSError:
                fh.truncate(pos)  # none of this article's records stay behind
                raise
            self._marks_fh.write(_line({"doc": doc, "doc_hash": digest, "records": len(records)}).encode())
        except OSError as exc:
            raise OutputError(f"{self.part or 'stdout'}: cannot write ({exc.strerror or exc})") from None

    @staticmethod
    def _csv_text(records: list[dict], header: bool = False) -> str:
        import io

        from .tables import write_csv

        buf = io.StringIO()
        write_csv(records, buf, header=header)
        return buf.getvalue()

    def _write_stream(self, data: str) -> None:
        try:
            self._fh.write(data)
            self._fh.flush()
        except BrokenPipeError:
            raise OutputClosed("stdout closed") from None

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            self.lockfile.unlink(missing_ok=True)
            os.close(self._lock_fd)
            self._lock_fd = None

    def close(self, complete: bool) -> None:
        """Close; when the run is complete, drop records of changed articles and publish FILE."""
        if self._fh is None or self.part is None:
            if self._fh is not None:
                self._fh.flush()
            return
        try:
            self._fh.close()
            self._marks_fh.close()
            self._fh = self._marks_fh = None
            if complete:
                self._publish()
        finally:
            self._unlock()

    def _publish(self) -> None:
        stale = {d for d, hashes in self._existing.items() if d in self._current and hashes - {self._current[d]}}
        if stale:
            tmp = self.part.with_name(self.part.name + ".tmp")
            tmp.unlink(missing_ok=True)
            with self.part.open(encoding="utf-8") as src, \
                    os.fdopen(_open_regular(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "w", encoding="utf-8", newline="\n") as dst:
                for line in src:
                    try:
                        rec = json.loads(line)
                        if rec["doc"] in stale and rec.get("doc_hash") != self._current[rec["doc"]]:
                            continue
                    except (ValueError, KeyError, TypeError):
                        pass
                    dst.write(line)
            os.replace(tmp, self.part)
        if self.fmt != "jsonl":  # the finished JSONL becomes the table, then takes its place
            self._convert()
        os.replace(self.part, self.path)
        self.marks.unlink(missing_ok=True)

    def _convert(self) -> None:
        from .tables import jsonl_records, write_csv, write_parquet

        tmp = self.part.with_name(self.part.name + ".tmp")
        tmp.unlink(missing_ok=True)
        if self.fmt == "parquet":
            write_parquet(jsonl_records(self.part), tmp)
        else:
            with os.fdopen(_open_regular(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "w", encoding="utf-8", newline="") as fh:
                write_csv(jsonl_records(self.part), fh)
        os.replace(tmp, self.part)


def _key(raw: bytes) -> tuple[str, str] | None:
    """(doc, doc_hash) of one record line, None for a line that is not a record."""
    try:
        rec = json.loads(raw)
        return (rec["doc"], rec.get("doc_hash", ""))
    except (ValueError, KeyError, TypeError):
        return None


class ErrorWriter:
    """Failed articles: one line on stderr each, and `{doc, stage, error}` JSONL with --errors FILE."""

    def __init__(self, path: Path | None):
        self.path = path
        try:
            self._fh = path.open("w", encoding="utf-8", newline="\n") if path else None
        except OSError as exc:
            raise OutputError(f"--errors {path}: cannot write ({exc.strerror or exc})") from None

    def write(self, doc: str, source: str, stage: str, error: str) -> None:
        try:
            print(f"quotes: error: {shown(source)}: {error} [{stage}]", file=sys.stderr, flush=True)
        except (OSError, ValueError):
            pass  # stderr closed: the --errors file and the exit status still tell
        if self._fh:
            try:
                self._fh.write(_line({"doc": doc, "stage": stage, "error": error}))
                self._fh.flush()
            except OSError as exc:
                raise OutputError(f"--errors {self.path}: cannot write ({exc.strerror or exc})") from None

    def close(self) -> None:
        if self._fh:
            self._fh.close()
