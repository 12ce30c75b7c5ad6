"""CSV files: the library's own CSV export read back, and tables saved from a spreadsheet.

Two kinds are told apart by the header. The library's export (its header holds the columns
of :data:`dod_model.exporters.CSV_COLUMNS`, matched by name, so a later version's columns
added after them change nothing) lists the roadmap an activity a row: the blocks its Word
export would hold are rebuilt from it, so it reads back to the same roadmap. Any other CSV
is a table as a spreadsheet saves it (Excel's «CSV (разделители — запятые)» in a Russian
locale writes ``;`` and Windows-1251, LibreOffice what its dialog says): its records are rows
of cells by position; the title rows above the table (one field filled, the first) are
paragraphs, and so are such rows after it (the footnotes).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

from dod_model._base import budgets, decode_text
from dod_model._contracts import RawCell, RawDocument, RawParagraph, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._csv_export import is_export, read_export
from dod_model.importers._csv_records import Record, delimiter_of, records

__all__ = ["CsvImporter"]

_SNIFFED = 8192  # the bytes sniff() is given at most: its last record may be cut short


def _head_text(head: bytes) -> str | None:
    """The first bytes as text: UTF-8 (a character cut at the end aside) or a code page."""
    if b"\x00" in head or head.startswith((b"PK\x03\x04", b"%PDF", b"{\\rtf", b"\xd0\xcf\x11\xe0")):
        return None
    head = head.removeprefix(codecs.BOM_UTF8)
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return head.decode("cp1251", errors="replace")  # single-byte: a guess is enough here


def _filled(record: Record) -> list[str]:
    return [field for field in record if field.strip()]


def _is_text_row(record: Record) -> bool:
    """Whether a record is a line of text, not a row: one field filled, the first."""
    return len(_filled(record)) <= 1 and not any(field.strip() for field in record[1:])


def _signatures(found: list[Record], first: int, last: int) -> int:
    """Where the table ends: before the rows after its last blank one that number nothing.

    A signature below the table («Начальник управления;И.О. Фамилия») fills two cells of the
    sheet, but is a line of text under the table, not a row of it.
    """
    blank = next((i for i in range(last - 1, first, -1) if not _filled(found[i])), None)
    if blank is None or any(
        (_filled(r) or [""])[0].strip()[:1].isdigit() for r in found[blank + 1 : last]
    ):
        return last
    return blank


def _paragraph(record: Record) -> RawParagraph:
    """A record of text: its filled fields, a tab between (as a text export shows them)."""
    return RawParagraph(text="\t".join(f.strip() for f in _filled(record)), line=record.line)


def _table(found: list[Record], name: str) -> tuple[RawParagraph | RawTable, ...]:
    """Rows of cells by position; text rows above and below the table as paragraphs."""
    rows = [r for r in found if not _is_text_row(r)]
    if not rows:
        return tuple(_paragraph(r) for r in found if _filled(r))
    first, last = found.index(rows[0]), len(found) - found[::-1].index(rows[-1])
    last = _signatures(found, first, last)
    width = max(len(r) for r in found[first:last])
    if width > budgets.ROW_CELLS:
        msg = (
            f"{name}: a record holds {width:,} fields, more than the {budgets.ROW_CELLS:,} a "
            "table row may have; is it a roadmap's table?"
        )
        raise DocumentError(msg)
    table = RawTable(
        rows=tuple(
            RawRow(cells=tuple(RawCell(t, i) for i, t in enumerate(r, start=1)), line=r.line)
            for r in found[first:last]
            if _filled(r)
        ),
        columns=width,
        line=found[first].line,
    )
    above = [_paragraph(r) for r in found[:first] if _filled(r)]
    below = [_paragraph(r) for r in found[last:] if _filled(r)]
    return (*above, table, *below)


def _bounded(found: Iterable[Record], name: str) -> list[Record]:
    """The records, refused once they hold more fields than a Word file's table may have nodes.

    A CSV of short fields is megabytes of cells: one of 64 MiB, millions of them.
    """
    kept: list[Record] = []
    fields = 0
    for record in found:
        fields += len(record)
        if fields > budgets.XML_NODES or len(record) > budgets.ROW_CELLS:
            msg = (
                f"{name}: record {len(kept) + 1} (line {record.line}) takes the file past the "
                f"{budgets.ROW_CELLS:,} fields a row may have or the {budgets.XML_NODES:,} a "
                "table may have; is it a roadmap's table?"
            )
            raise DocumentError(msg)
        kept.append(record)
    return kept


def _check_lengths(text: str, name: str) -> None:
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > budgets.TEXT_CHARS:
        msg = (
            f"{name}: a line holds {longest:,} characters, more than the "
            f"{budgets.TEXT_CHARS:,} a line may have; is it a roadmap's CSV table?"
        )
        raise DocumentError(msg)


class CsvImporter:
    """CSV files (``format="csv"``): the library's own CSV export, or a spreadsheet's table.

    The export reads back to the roadmap it was written from (see :doc:`/formats/exports`);
    any other CSV is read as the table it is, rows of cells by position, title rows above it
    as paragraphs. Fields separated by ``;``, ``,`` or tabs, quoted as RFC 4180 has it (line
    breaks and the delimiter inside quotes); UTF-8 with or without a byte-order mark, or a
    Cyrillic code page (Windows-1251 as Excel saves it), told apart by a detector.

    .. versionadded:: 0.3.0
    """

    name = "csv"
    suffixes = (".csv",)

    def sniff(self, head: bytes) -> bool:
        """Whether the first bytes are a CSV table: records of one width, ``;`` or ``,`` between."""
        text = _head_text(head)
        if text is None:
            return False
        # Not tabs: a text export of a row per line is the text importer's, and reads as one.
        found = delimiter_of(text, complete=len(head) < _SNIFFED, delimiters=(";", ","))
        # The export's header, its first row cut short (a cell longer than the bytes sniffed).
        return found is not None or is_export([next(records(text, ","), Record([], 1))])

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of a CSV file.

        Raises:
            DocumentError: The bytes are not text in a detectable encoding, or hold a record
                wider or a line longer than the budgets allow.
        """
        text, encoding = decode_text(data, name)
        _check_lengths(text, name)
        delimiter = delimiter_of(text) or next(
            (d for d in (";", ",", "\t") if d in text.partition("\n")[0]), ","
        )
        found = _bounded(records(text, delimiter), name)
        blocks = read_export(found, name) if is_export(found) else _table(found, name)
        return RawDocument(blocks=blocks, format=self.name, encoding=encoding)
