"""Writing records as a registry file: what :func:`~dod_model.registry.iter_rows` reads back."""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from dod_model._errors import DocumentError
from dod_model.registry._fields import fields_written
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
        records: :class:`~dod_model.Certificate`, :class:`~dod_model.Programme`,
            :class:`~dod_model.Enrolment` or :class:`~dod_model.Organisation` objects, all of
            one kind.
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
    from dod_model.codec import to_data  # noqa: PLC0415 - codec builds on the model only

    target = Path(path)
    fmt = format or _BY_SUFFIX.get(target.suffix.casefold())
    if fmt not in FORMATS:
        msg = f"{target.name}: no registry format {fmt!r}; write csv, xlsx or jsonl"
        raise DocumentError(msg)
    items = iter(records)
    first = next(items, None)
    kind = _kind(first) if first is not None else None
    count = 0

    def rows() -> Iterable[Any]:
        nonlocal count
        if first is None or kind is None:
            return
        for item in itertools.chain((first,), items):
            if _kind(item) != kind:
                msg = f"a registry file holds one kind of record: {kind}, not {item!r}"
                raise TypeError(msg)
            count += 1
            yield item

    try:
        return _write(target, fmt, kind, rows, encoding, delimiter, to_data, lambda: count)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)  # no half-written file
        raise


def _write(  # noqa: PLR0917 - the parts of one call, split for the clean-up
    target: Path,
    fmt: str,
    kind: str | None,
    rows: Callable[[], Iterable[Any]],
    encoding: str,
    delimiter: str,
    to_data: Callable[[Any], Any],
    written: Callable[[], int],
) -> int:
    try:
        if fmt == "jsonl":
            with target.open("w", encoding="utf-8") as file:
                for record in rows():
                    file.write(json.dumps(to_data(record), ensure_ascii=False) + "\n")
            return written()
        fields = [f.name for f in fields_written(kind or "certificates")]
        header = [f.heading for f in fields_written(kind or "certificates")]
        if fmt == "csv":
            with target.open("w", encoding=encoding, newline="") as file:
                out = csv.writer(file, delimiter=delimiter)
                out.writerow(header)
                for record in rows():
                    cells = [format_cell(getattr(record, name)) for name in fields]
                    try:
                        out.writerow(cells)
                    except UnicodeEncodeError as exc:
                        shown = exc.object[exc.start : exc.end]
                        msg = (
                            f"{target.name}: record {written()} ({cells[0]}) holds «{shown}», "
                            f"which {encoding} cannot write; write UTF-8 instead"
                        )
                        raise DocumentError(msg) from None
            return written()
        import openpyxl  # noqa: PLC0415 - only XLSX files need it
        from openpyxl.utils.exceptions import IllegalCharacterError  # noqa: PLC0415

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet(kind or "registry")
        sheet.append(header)
        for record in rows():
            try:
                sheet.append([format_cell(getattr(record, name)) or None for name in fields])
            except IllegalCharacterError:
                msg = (
                    f"{target.name}: record {written()} holds control characters a worksheet "
                    "cannot hold; write CSV or JSON Lines instead"
                )
                raise DocumentError(msg) from None
        book.save(target)
    except OSError as exc:
        msg = f"{target.name}: cannot write the file ({exc.strerror})"
        raise DocumentError(msg) from None
    return written()
