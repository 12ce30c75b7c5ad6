"""Writing records as a registry file: what :func:`~dod_model.registry.iter_rows` reads back."""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dod_model._errors import DocumentError
from dod_model.codec import to_data
from dod_model.registry._fields import Field, fields_written
from dod_model.registry._rows import RECORD_TYPES, format_cell
from dod_model.registry._sources import FORMATS

__all__ = ["write_records"]

_BY_SUFFIX = {".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _kind(record: object) -> str:
    for kind, cls in RECORD_TYPES.items():
        if type(record) is cls:
            return kind
    msg = (
        f"write_records() writes certificates, programmes, enrolments or providers, not {record!r}"
    )
    raise TypeError(msg)


def write_records(
    path: str | os.PathLike[str],
    records: Iterable[Any],
    *,
    format: str | None = None,  # the word users know from dod_model.write
    encoding: str = "utf-8",
    delimiter: str = ";",
) -> int:
    """Write records of one kind as a registry file, streaming: one row per record.

    CSV and XLSX files get Russian column names («Номер сертификата», «Дата рождения», …),
    dates as ДД.ММ.ГГГГ and labels in Russian; JSON Lines one canonical JSON object per line
    (as :func:`dod_model.dumps` writes the record, on one line).

    Args:
        path: The file to write; the format is told by its suffix unless given.
        records: :class:`~dod_model.registry.Certificate`,
            :class:`~dod_model.registry.Programme`, :class:`~dod_model.registry.Enrolment` or
            :class:`~dod_model.registry.Organisation` objects, all of one kind.
        format: ``csv``, ``xlsx`` or ``jsonl``.
        encoding: A CSV file's encoding (``cp1251`` for Windows-1251).
        delimiter: A CSV file's delimiter.

    Returns:
        How many records were written. With no records, a CSV or XLSX file gets the header of
        certificates only, and a JSON Lines file is empty.

    Raises:
        DocumentError: The format is unknown, or the file cannot be written (no file is left
            behind then).
        TypeError: A record is of another kind than the first, or is no record at all; no file
            is left behind.

    .. versionadded:: 0.2.0
    """
    target = Path(path)
    fmt = format or _BY_SUFFIX.get(target.suffix.casefold())
    if fmt not in FORMATS:
        msg = f"{target.name}: no registry format {fmt!r}; write csv, xlsx or jsonl"
        raise DocumentError(msg)
    items = _Records(iter(records))
    try:
        if fmt == "jsonl":
            _write_jsonl(target, items)
        elif fmt == "csv":
            _write_csv(target, items, encoding, delimiter)
        else:
            _write_xlsx(target, items)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)  # no half-written file
        if isinstance(exc, OSError):
            msg = f"{target.name}: cannot write the file ({exc.strerror})"
            raise DocumentError(msg) from None
        raise
    return items.count


class _Records:
    """The records to write, taken one by one: each checked to be of the first one's kind.

    Attributes:
        kind: The first record's kind; ``None`` when there are no records.
        count: How many records were taken.
    """

    def __init__(self, records: Iterator[Any]) -> None:
        self._first = next(records, None)
        self._rest = records
        self.kind = None if self._first is None else _kind(self._first)
        self.count = 0

    def fields(self) -> tuple[Field, ...]:
        """The fields to write: those of the records' kind (of certificates when none)."""
        return fields_written(self.kind or "certificates")

    def __iter__(self) -> Iterator[Any]:
        if self._first is None:
            return
        for record in itertools.chain((self._first,), self._rest):
            if _kind(record) != self.kind:
                msg = f"a registry file holds one kind of record: {self.kind}, not {record!r}"
                raise TypeError(msg)
            self.count += 1
            yield record


def _write_jsonl(target: Path, records: _Records) -> None:
    with target.open("w", encoding="utf-8") as file:
        for record in records:
            file.write(json.dumps(to_data(record), ensure_ascii=False) + "\n")


def _write_csv(target: Path, records: _Records, encoding: str, delimiter: str) -> None:
    fields = records.fields()
    with target.open("w", encoding=encoding, newline="") as file:
        out = csv.writer(file, delimiter=delimiter)
        out.writerow([f.heading for f in fields])
        for record in records:
            cells = [format_cell(getattr(record, f.name)) for f in fields]
            try:
                out.writerow(cells)
            except UnicodeEncodeError as exc:
                shown = exc.object[exc.start : exc.end]
                msg = (
                    f"{target.name}: record {records.count} ({cells[0]}) holds «{shown}», "
                    f"which {encoding} cannot write; write UTF-8 instead"
                )
                raise DocumentError(msg) from None


def _write_xlsx(target: Path, records: _Records) -> None:
    import openpyxl  # noqa: PLC0415 - only XLSX files need it
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415

    fields = records.fields()
    with target.open("wb") as file:  # before openpyxl starts: a file it cannot save leaks
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet(records.kind or "registry")
        sheet.append([f.heading for f in fields])
        try:
            for record in records:
                cells = [format_cell(getattr(record, f.name)) or None for f in fields]
                # Told before openpyxl takes the row: failing inside one, its writer is left
                # in a state it cannot be closed from.
                if any(c is not None and ILLEGAL_CHARACTERS_RE.search(c) for c in cells):
                    msg = (
                        f"{target.name}: record {records.count} holds control characters a "
                        "worksheet cannot hold; write CSV or JSON Lines instead"
                    )
                    raise DocumentError(msg)
                sheet.append(cells)
        except BaseException:
            with contextlib.suppress(Exception):
                book.save(file)  # to close openpyxl's writers; the caller removes the file
            raise
        book.save(file)
