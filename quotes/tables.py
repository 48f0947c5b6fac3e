"""Flat tables of records: one column per field, for CSV and parquet.

A nested field becomes one column per leaf, named with an underscore (`speaker.name` ->
`speaker_name`, `cue.start` -> `cue_start`); a record with no speaker has empty speaker columns.
The columns come from the record's schema (record.py), so a new field is a new column everywhere.
Lists (`speaker_aliases`) are one cell: joined with "; " in CSV, a list column in parquet.
"""

from __future__ import annotations

import csv
import json
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from pydantic import BaseModel

from .record import Quote

LIST_SEPARATOR = "; "
FORMATS = ("jsonl", "csv", "parquet")


def _leaves(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, tuple[str, ...], type]]:
    """(column, path into the record, scalar type) for every leaf field of `model`."""
    for name, field in model.model_fields.items():
        kinds = typing.get_args(field.annotation) if isinstance(field.annotation, types.UnionType) \
            or typing.get_origin(field.annotation) is typing.Union else (field.annotation,)
        kinds = [k for k in kinds if k is not type(None)]
        inner = kinds[0] if kinds else str
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            for col, path, kind in _leaves(inner, f"{prefix}{name}_"):
                yield col, (name, *path), kind
        else:
            kind = list if typing.get_origin(inner) is list else inner if inner in (int, float, bool) else str
            yield f"{prefix}{name}", (name,), kind


LEAVES = list(_leaves(Quote))
COLUMNS = [col for col, _, _ in LEAVES]


def _get(record: dict, path: tuple[str, ...]):
    value = record
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def flat(record: dict) -> dict:
    """One record as {column: value}, lists kept as lists."""
    return {col: _get(record, path) for col, path, _ in LEAVES}


def csv_rows(records: Iterable[dict]) -> Iterator[list]:
    for rec in records:
        row = flat(rec)
        yield ["" if v is None else LIST_SEPARATOR.join(v) if isinstance(v, list) else v for v in row.values()]


def write_csv(records: Iterable[dict], fh: IO[str], header: bool = True) -> None:
    writer = csv.writer(fh, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    writer.writerows(csv_rows(records))


def parquet_schema():
    import pyarrow as pa

    types_ = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), str: pa.string(), list: pa.list_(pa.string())}
    return pa.schema([(col, types_[kind]) for col, _, kind in LEAVES])


def write_parquet(records: Iterable[dict], path: Path, chunk: int = 10_000) -> None:
    """Records to a parquet file, `chunk` records per row group (memory stays bounded)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict] = []
        groups = 0
        for rec in records:
            rows.append(flat(rec))
            if len(rows) >= chunk:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows, groups = [], groups + 1
        if rows or not groups:  # a run with no quotes still gets a file with the columns
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))


def jsonl_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def check_format(fmt: str, to_file: bool) -> str | None:
    """Why `fmt` cannot be written (None when it can)."""
    if fmt not in FORMATS:
        return f"--format {fmt}: use {', '.join(FORMATS)}"
    if fmt == "parquet":
        if not to_file:
            return "--format parquet needs -o FILE (parquet is not a stream)"
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            return "--format parquet needs pyarrow: pip install 'quotes[parquet]'"
    return None

