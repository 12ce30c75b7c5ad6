"""Registry files as rows of cells, read row by row in constant memory.

CSV (UTF-8 or Windows-1251, ``;``, ``,`` or tab), XLSX and JSON Lines.

A source finds the file's header among its first rows (title lines above it are skipped) and
yields each later row with its number as a spreadsheet shows it (the header of a CSV file with
nothing above it is row 1). A row the format itself cannot give (a CSV line the parser rejects,
a JSON line that is no object) comes as a :class:`Problem`, for the caller to report.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from dod_model._base import budgets, decode_text, display_name, open_regular
from dod_model._errors import DocumentError
from dod_model.codec import json_faults
from dod_model.registry._columns import Header, best_header, match_header
from dod_model.registry._workbook import Workbook

__all__ = ["FORMATS", "Problem", "Source", "delimiter_of", "open_source"]

FORMATS = ("csv", "xlsx", "jsonl")
"""The registry file formats."""

_SUFFIXES = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
_HEADER_SEARCH = 10  # rows a header may stand below (a title, a date, blank lines)
_SAMPLE = 1 << 16
_HINT = "name columns such as «Номер сертификата», «Наименование программы», «Дата зачисления»"

Cells = list[Any]


@attrs.frozen
class Problem:
    """A row the file format itself cannot give, and why."""

    message: str


@attrs.define
class Source:
    """An open registry file: its header, and its rows after the header.

    Attributes:
        name: The file's name, for messages.
        format: ``csv``, ``xlsx`` or ``jsonl``.
        header: What the file holds and what each column is (JSON Lines: its first object).
    """

    name: str
    format: str
    header: Header
    _rows: Iterator[tuple[int, Cells | dict[str, Any] | Problem]]
    _close: Callable[[], object]

    def rows(self) -> Iterator[tuple[int, Cells | dict[str, Any] | Problem]]:
        """Each row after the header with its number: cells, a JSON object, or a problem."""
        return self._rows

    def close(self) -> None:
        """Close the file, whether or not its rows were read."""
        self._close()


def _format(path: Path, head: bytes) -> str:
    by_suffix = _SUFFIXES.get(path.suffix.casefold())
    if by_suffix is not None:
        return by_suffix
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    return "jsonl" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "csv"


def _encoding(head: bytes, name: str) -> str:
    """UTF-8 (with or without a byte-order mark) or a Cyrillic encoding, from the file's start."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        msg = f"{name}: not a text file (it holds NUL bytes); save the registry as CSV or XLSX"
        raise DocumentError(msg)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        # A single-byte Cyrillic encoding (Windows-1251, KOI8-R, DOS 866, …), told by the
        # detector the text importer uses, from whole lines.
        return decode_text(head[: head.rfind(b"\n") + 1] or head, name)[1]
    return "utf-8"


def open_source(
    path: str | os.PathLike[str], *, kind: str | None = None, encoding: str | None = None
) -> Source:
    """Open a registry file and find its header.

    Args:
        path: A ``.csv``, ``.xlsx`` or ``.jsonl`` file (other names are sniffed).
        kind: Read it as ``certificates``, ``programmes``, ``enrolments`` or ``providers``.
        encoding: The text encoding of a CSV file, instead of telling UTF-8 from Windows-1251.

    Raises:
        DocumentError: The file cannot be read, or no row among its first ten is a header.
    """
    path = Path(path)
    name = path.name
    with open_regular(path, name=name) as file:  # a FIFO or a device is refused, not waited on
        try:
            head = file.read(_SAMPLE)
        except OSError as exc:
            msg = f"{name}: cannot read the file ({exc.strerror}); check the path"
            raise DocumentError(msg) from None
    fmt = _format(path, head)
    if fmt == "xlsx":
        return _xlsx(path, kind)
    text_encoding = encoding or _encoding(head, name)
    try:
        codecs.lookup(text_encoding)
    except LookupError:
        msg = f"{name}: unknown encoding {text_encoding!r}; give one Python knows (cp1251, …)"
        raise DocumentError(msg) from None
    if fmt == "jsonl":
        return _jsonl(path, kind, text_encoding)
    return _csv(path, kind, text_encoding, head)


def _decoding_error(name: str, exc: UnicodeError, row: int, encoding: str) -> DocumentError:
    # Text is decoded ahead of the rows read, so the fault lies at or after ``row``.
    msg = (
        f"{name}: the text from row {row} on is not {encoding} ({exc}); save the whole file "
        "in one encoding, UTF-8 or Windows-1251"
    )
    return DocumentError(msg)


def delimiter_of(head: bytes, encoding: str, kind: str | None = None) -> str:
    """The delimiter that makes a registry header of one of the first rows.

    Counting delimiters alone is misled by a title line («…, г. Самара, на 01.09.2023») and
    decimal commas («5 000,00»); each is tried, the most frequent first.
    """
    text = head.decode(encoding, errors="replace").removeprefix("\ufeff")
    lines = [line for line in text.splitlines() if line.strip()][:_HEADER_SEARCH]
    counts = {d: sum(line.count(d) for line in lines) for d in (";", ",", "\t", "|")}
    ranked = sorted(counts, key=lambda d: (counts[d], d == ";"), reverse=True)
    for delimiter in ranked:
        if not counts[delimiter]:
            break
        try:
            if any(match_header(row, kind) for row in csv.reader(lines, delimiter=delimiter)):
                return delimiter
        except csv.Error:
            continue
    return ranked[0]


_BLOCK = 1 << 16  # bytes of a CSV file decoded at once


class _Lines:
    """The physical lines of a CSV file, as :func:`csv.reader` takes them, and their numbers.

    The file is decoded a block of whole lines at a time, and the lines handed on by a C-level
    iterator: no Python code runs per line. A block that does not decode is decoded line by
    line, so that one mis-encoded byte spoils one row, not the file: such a line is read with
    replacement characters and its number kept in :attr:`bad`. The blocks from line
    :attr:`keep` on are kept, so that the lines a stray quote made one record of can be read
    again (:meth:`from_line`).

    Args:
        file: The file, binary; or text when ``encoding`` is ``None`` (its stream decodes it).
        encoding: The encoding of a binary file.
    """

    def __init__(self, file: IO[Any], encoding: str | None) -> None:
        self._file = file
        self._encoding = encoding
        self._sig = encoding is not None and codecs.lookup(encoding).name == "utf-8-sig"
        self._kept: deque[tuple[int, list[str]]] = deque()  # (first line's number, lines)
        self._read = 0  # lines read from the file
        self._blocks = self._new_blocks()
        self.keep = 1  # the first line that may still be read again
        self.bad: deque[int] = deque()  # the lines that did not decode, in file order

    def from_line(self, number: int) -> Iterator[str]:
        """The lines from line ``number`` on (it must be kept): those read, then the rest."""
        kept = [lines[max(number - first, 0) :] for first, lines in self._kept]
        return itertools.chain(*kept, itertools.chain.from_iterable(self._blocks))

    def _new_blocks(self) -> Iterator[list[str]]:
        while lines := self._next_block():
            if not self._read:
                lines[0] = lines[0].removeprefix("\ufeff")  # a BOM, whatever encoding was named
            while self._kept and self._kept[0][0] + len(self._kept[0][1]) <= self.keep:
                self._kept.popleft()
            self._kept.append((self._read + 1, lines))
            self._read += len(lines)
            yield lines

    def _next_block(self) -> list[str]:
        if self._encoding is None:
            return self._file.readlines(_BLOCK)
        pieces = []
        while data := self._file.read(_BLOCK):
            end = data.rfind(b"\n") + 1
            if end:
                pieces.append(data[:end])
                self._file.seek(end - len(data), os.SEEK_CUR)  # the line begun: next time
                break
            pieces.append(data)  # a line longer than a block
        whole: bytes = b"".join(pieces)
        try:
            text = whole.decode(self._encoding)
        except UnicodeDecodeError:
            return self._decode_lines(whole, self._encoding)
        if self._sig and "\ufeff" in text:
            # A UTF-8-with-BOM decoder drops a BOM at the start of what it decodes: of every
            # line, as files put together from several exports have them.
            text = text.replace("\n\ufeff", "\n")
        return io.StringIO(text, newline="\n").readlines()

    def _decode_lines(self, whole: bytes, encoding: str) -> list[str]:
        lines = []
        for number, line in enumerate(io.BytesIO(whole), self._read + 1):
            try:
                lines.append(line.decode(encoding))
            except UnicodeDecodeError:
                lines.append(line.decode(encoding, errors="replace"))
                self.bad.append(number)
        return lines

    def bad_in(self, last: int) -> int | None:
        """The first line up to ``last`` that did not decode, forgotten with those before it."""
        first = None
        while self.bad and self.bad[0] <= last:
            found = self.bad.popleft()
            first = found if first is None else first
        return first


def _swallowed(cells: list[str], delimiter: str, width: int) -> bool:
    """Whether a record holds rows of others: a cell with a line of a whole row's cells."""
    return width > 2 and any(
        "\n" in cell and any(line.count(delimiter) >= width - 1 for line in cell.splitlines())
        for cell in cells
    )


def _csv(path: Path, kind: str | None, encoding: str, head: bytes) -> Source:
    name = path.name
    delimiter = delimiter_of(head, encoding, kind)
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        # Lines of two- and four-byte encodings cannot be split as bytes: decode the stream.
        file: IO[Any] = path.open(encoding=encoding, newline="")
        lines = _Lines(file, None)
    else:
        file = path.open("rb")
        lines = _Lines(file, encoding)
    reader = csv.reader(lines.from_line(1), delimiter=delimiter, strict=True)
    number = 0
    header: Header | None = None
    try:
        while number < _HEADER_SEARCH and header is None:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error:
                cells = []
            number += 1
            header = match_header(cells, kind)
    except UnicodeError as exc:
        file.close()
        raise _decoding_error(name, exc, number + 1, encoding) from None
    if header is None:
        file.close()
        msg = f"{name}: no registry header in its first {_HEADER_SEARCH} rows; {_HINT}"
        raise DocumentError(msg)
    lines.keep = reader.line_num + 1
    lines.bad_in(reader.line_num)  # the lines above the header hold no row
    about = (name, encoding, delimiter, len(header.names))
    rows = _csv_rows(file, lines, reader, number, about)
    return Source(name, "csv", header, rows, file.close)


def _cell_limit() -> tuple[int, str]:
    """The longest cell a CSV row may have, and what sets it.

    The parser's field limit is a setting of the whole process (131,072 characters unless a
    program changed it), which a library must leave alone: a longer cell is a parser error the
    row reports. Where a program raised it past
    :data:`~dod_model._base.budgets.REGISTRY_FIELD_CHARS`, the budget is checked instead.
    """
    parser = csv.field_size_limit()
    if parser <= budgets.REGISTRY_FIELD_CHARS:
        return parser, "the CSV parser takes"
    return budgets.REGISTRY_FIELD_CHARS, "a registry cell may have"


def _longest(cells: list[str]) -> int:
    return max(map(len, cells), default=0)


def _csv_rows(
    file: IO[Any],
    lines: _Lines,
    reader: Any,
    number: int,
    about: tuple[str, str, str, int],
) -> Iterator[tuple[int, Cells | dict[str, Any] | Problem]]:
    name, encoding, delimiter, width = about
    bad = lines.bad
    offset = 0  # the line before the first the reader read
    last = reader.line_num  # the last line of the record before
    limit, limited_by = _cell_limit()
    checked = limit < csv.field_size_limit()  # else the parser refuses longer cells itself
    with file:
        while True:
            try:
                cells = next(reader)
                error = None
            except StopIteration:
                return
            except csv.Error as exc:
                cells, error = None, str(exc)
            except UnicodeError as exc:
                raise _decoding_error(name, exc, number + 1, encoding) from None
            number += 1
            first, last = last + 1, offset + reader.line_num
            if last > first and (cells is None or _swallowed(cells, delimiter, width)):
                # A quote opened on the record's first line and closed late, or never: that
                # line is a bad row, and the lines it swallowed are read again on their own.
                lines.bad_in(first)
                yield (
                    number,
                    Problem(
                        f"line {first}: a quote opened in it runs on to line {last}, taking "
                        f"{last - first} more lines into its cell (close the quote, or double a "
                        "quote that is part of the text)"
                    ),
                )
                reader = csv.reader(lines.from_line(first + 1), delimiter=delimiter, strict=True)
                offset = last = first
                continue
            lines.keep = last + 1
            if (cells is None and error is not None and "field limit" in error) or (
                checked and cells is not None and _longest(cells) > limit
            ):
                yield (
                    number,
                    Problem(f"line {first}: a cell is longer than the {limit:,} characters "
                            f"{limited_by}"),
                )  # fmt: skip
            elif cells is None:
                yield number, Problem(f"line {first}: the CSV parser rejects it ({error})")
            elif bad and bad[0] <= last:
                yield (
                    number,
                    Problem(
                        f"line {lines.bad_in(last)} is not {encoding}; save the whole file in one "
                        "encoding, UTF-8 or Windows-1251"
                    ),
                )
            else:
                yield number, cells


_TOO_DEEP = (
    f"nested deeper than the {budgets.JSON_DEPTH} levels of arrays and objects the library reads "
    "(the JSON_DEPTH budget)"
)


def _json_line(line: str) -> tuple[Any, Problem | None]:
    """A JSON Lines row as data, or the problem that makes it no row.

    Not JSON, nested past the ``JSON_DEPTH`` budget (checked without recursion, and told by
    the parser's own recursion for the deepest lines), or holding a lone surrogate, which no
    text can be written with.
    """
    try:
        value = json.loads(line)
    except RecursionError:
        return None, Problem(_TOO_DEEP)
    except ValueError as exc:
        return None, Problem(f"not JSON ({exc})")
    faults = json_faults(value)
    if faults:
        return None, Problem(f"at {faults[0].pointer or '/'}: {faults[0].message}")
    return value, None


def _jsonl(path: Path, kind: str | None, encoding: str) -> Source:
    name = display_name(path.name)
    file = path.open(encoding=encoding)
    try:
        for number, line in enumerate(file, 1):
            if not line.strip():
                continue
            first, _ = _json_line(line)
            # An object names its fields: one key is enough («{"number": "…"}»).
            header = best_header(list(first), kind, least=1) if isinstance(first, dict) else None
            if header is not None:
                break
            if number >= _HEADER_SEARCH:
                break
        else:
            header = None
            number = 0
    except UnicodeError as exc:
        file.close()
        raise _decoding_error(name, exc, 1, encoding) from None
    if header is None:
        file.close()
        msg = (
            f"{name}: no registry record among the first JSON lines; write one object per "
            "line with the model's fields (number, holder_birth_date, …) or Russian column names"
        )
        raise DocumentError(msg)
    file.seek(0)
    rows = _json_rows(file, path, encoding)
    return Source(name, "jsonl", header, rows, file.close)


def _json_rows(
    file: IO[str], path: Path, encoding: str
) -> Iterator[tuple[int, Cells | dict[str, Any] | Problem]]:
    number = 0
    with file:
        try:
            for number, line in enumerate(file, 1):
                if not line.strip():
                    continue
                value, problem = _json_line(line)
                if problem is not None:
                    yield number, problem
                    continue
                if not isinstance(value, dict):
                    yield number, Problem("not a JSON object")
                    continue
                yield number, value
        except UnicodeError as exc:
            raise _decoding_error(display_name(path.name), exc, number + 1, encoding) from None


def _xlsx(path: Path, kind: str | None) -> Source:
    # Read by the package reader Word files are read by, within the same budgets, each sheet
    # as a stream of the rows it holds: no row it leaves out is walked.
    book = Workbook(path)
    try:
        for sheet in book.sheets:
            rows = book.rows(sheet)
            for number, cells, _fault in rows:
                if number > _HEADER_SEARCH:
                    break
                header = match_header(cells, kind)
                if header is not None:
                    book.columns = len(header.names)  # no cell past the header is read
                    return Source(path.name, "xlsx", header, _xlsx_rows(book, rows), book.close)
            rows.close()
    except BaseException:
        book.close()
        raise
    book.close()
    msg = f"{path.name}: no sheet has a registry header in its first {_HEADER_SEARCH} rows; {_HINT}"
    raise DocumentError(msg)


def _xlsx_rows(
    book: Workbook, rows: Iterator[tuple[int, Cells, str | None]]
) -> Iterator[tuple[int, Cells | dict[str, Any] | Problem]]:
    try:
        for number, cells, fault in rows:
            yield number, cells if fault is None else Problem(fault)
    finally:
        book.close()
