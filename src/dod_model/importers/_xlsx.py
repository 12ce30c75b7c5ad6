"""Excel workbooks (``.xlsx``, ``.xlsm``, templates), read from the sheet XML as a stream.

The package is opened by the package reader Word files are opened by, within the same budgets
(:class:`dod_model._base.Package`); the workbook's structure, shared strings and number formats
and each worksheet's rows are read by the streaming reader the registry reads workbooks with
(:mod:`dod_model._base._workbook`), each cell as the text the sheet shows for it
(:mod:`._shown`). Each visible sheet's grid of texts and merged ranges becomes paragraphs and
tables (:func:`._grid.sheet_blocks`), marked with the sheet's name; the layout reads the sheet of
the first roadmap table, or the one the user names. Hidden sheets are not read.

.. versionadded:: 0.3.0
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

from lxml import etree

from dod_model._base import WORKBOOK, Package, budgets
from dod_model._base._workbook import SheetEntry, SheetReader, cell_place
from dod_model._contracts import RawDocument, RawParagraph, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._grid import Merge, sheet_blocks
from dod_model.importers._shown import TRUE_FALSE, formatter, general, shown_text

__all__ = ["XlsxImporter", "grid_cells", "workbook_blocks"]

# A zip entry's local header: signature, method, compressed size, name and extra lengths.
_LOCAL = struct.Struct("<4s4xH8xL4xHH")
_DEFLATED = 8
# What [Content_Types].xml names a workbook's main part with (workbook, macro-enabled, template).
_MAIN_TYPES = (
    b"spreadsheetml.sheet.main+xml",
    b"spreadsheetml.template.main+xml",
    b"ms-excel.sheet.macroEnabled.main+xml",
    b"ms-excel.template.macroEnabled.main+xml",
)


def _entries(head: bytes) -> list[tuple[bytes, int, bytes]]:
    """Name, compression method and data (as far as ``head`` holds it) of the entries it begins."""
    found = []
    start = 0
    while start + _LOCAL.size <= len(head):
        signature, method, size, name_length, extra_length = _LOCAL.unpack_from(head, start)
        if signature != b"PK\x03\x04":
            break
        name = head[start + 30 : start + 30 + name_length]
        data = start + 30 + name_length + extra_length
        found.append((name, method, head[data : data + size] if size else head[data:]))
        if size:
            start = data + size
        else:  # sizes written after the data (Calc does): the next entry's header is sought
            start = head.find(b"PK\x03\x04", data)
            if start < 0:
                break
    return found


def _declares_workbook(data: bytes, method: int) -> bool:
    """Whether the start of ``[Content_Types].xml`` names a workbook as the main part."""
    if method == _DEFLATED:
        try:
            data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, 1 << 16)
        except zlib.error:
            return False
    return any(kind in data for kind in _MAIN_TYPES)


class _ShownCells(SheetReader):
    """A workbook whose cells read as the texts the sheets show."""

    def __init__(self, package: Package) -> None:
        super().__init__(package)
        self._texts = [shown_text(text) for text in self.strings]
        self._formats: dict[str, Callable[[float], str] | None] = {}

    def _format(self, style: str) -> Callable[[float], str] | None:
        try:
            return self._formats[style]
        except KeyError:
            pass
        code, custom = self.number_formats.get(style, ("0", None))
        found = formatter(f"#{code}" if custom is None else custom, date1904=self.date1904)
        self._formats[style] = found
        return found

    def _value(self, cell: etree._Element, column: int) -> str | None:
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(self._is)
            return None if inline is None else shown_text(self.string_text(inline))
        text = cell.findtext(self._v)
        if not text:
            return None  # no value: a formula never calculated shows nothing we could know
        if kind is None or kind == "n":
            try:
                number = float(text)
            except ValueError:
                return str(text)
            style = cell.get("s")
            show = None if style is None else self._format(style)
            return general(number) if show is None else show(number)
        if kind == "s":
            return self._texts[self._shared(cell, column, text)]
        if kind == "b":
            return TRUE_FALSE[text.strip() in ("0", "false")]
        return shown_text(text)  # "str" (a formula's text), "e" (an error: #N/A), "d" (ISO)

    def cells(self, sheet: SheetEntry, name: str) -> tuple[dict[tuple[int, int], str], list[str]]:
        """The shown texts of a sheet's cells by (row, column), and its merged ranges."""
        texts: dict[tuple[int, int], str] = {}
        merges: list[str] = []
        for number, cells, fault in self._rows(sheet.part, merges=merges):
            if fault is not None:
                msg = f"{name}: sheet «{sheet.name}», row {number}: {fault}; the file is damaged"
                raise DocumentError(msg)
            for column, text in enumerate(cells, 1):
                if text:
                    texts[number, column] = text
            if len(texts) > budgets.SHEET_CELLS:
                raise _too_many(name, sheet.name, f"over {budgets.SHEET_CELLS:,} cells of text")
        return texts, merges


def _too_many(name: str, sheet: str, what: str) -> DocumentError:
    return DocumentError(
        f"{name}: sheet «{sheet}» holds {what}, past the {budgets.SHEET_CELLS:,} cells a "
        "workbook's sheets may make; is a roadmap on it? Delete what stands far below or to the "
        "right of the roadmap, or save its sheet alone"
    )


def grid_cells(texts: dict[tuple[int, int], str], merges: list[Merge]) -> int:
    """How many cells the grid of a sheet holds.

    Its rows holding a value or under a merged cell, each as wide as the sheet's last column
    holding a value.
    """
    rows = {row for row, _ in texts}
    for merge in merges:
        rows.update(range(merge.top, merge.bottom + 1))
        if len(rows) > budgets.SHEET_CELLS:
            break
    return len(rows) * max((column for _, column in texts), default=0)


def workbook_blocks(
    sheets: list[tuple[str, dict[tuple[int, int], str], list[Merge]]], name: str
) -> list[RawParagraph | RawTable]:
    """The blocks of a workbook's sheets, each sheet's grid within the budget first.

    Merged ranges are cut to the rows and columns that hold a value: a title merged across a
    whole row spans the columns in use.

    Raises:
        DocumentError: The grids together are over ``SHEET_CELLS``, or a row is too wide.
    """
    blocks: list[RawParagraph | RawTable] = []
    spent = 0
    for sheet, texts, merges in sheets:
        if not texts:
            continue
        bottom = max(row for row, _ in texts)
        right = max(column for _, column in texts)
        cut = [
            Merge(m.top, m.left, min(m.bottom, bottom), min(m.right, right))
            for m in merges
            if m.top <= bottom and m.left <= right
        ]
        spent += grid_cells(texts, cut)
        if spent > budgets.SHEET_CELLS:
            raise _too_many(name, sheet, f"a grid of {spent:,} cells (to column {right:,})")
        blocks.extend(sheet_blocks(texts, cut, sheet=sheet))
    return blocks


def _merge(reference: str) -> Merge | None:
    first, _, last = reference.partition(":")
    top_left, bottom_right = cell_place(first), cell_place(last or first)
    if top_left is None or bottom_right is None:
        return None
    return Merge(top_left[0], top_left[1], bottom_right[0], bottom_right[1])


class XlsxImporter:
    """Excel workbooks: ``.xlsx``, ``.xlsm`` and their templates.

    Cells read as the sheet shows them: dates and numbers through their formats (a Russian
    Excel's way: «01.09.2020», «1 сентября 2020», «75%», «3,5»), booleans as «ИСТИНА» and
    «ЛОЖЬ», a formula as its last calculated value (nothing when it has none), an error as
    written (``#N/A``), multi-line cells with their line breaks. Merged ranges are cells spanning
    their columns and continued down their rows; title rows above the table are the preamble.
    Hidden sheets are not read. See :doc:`/formats/spreadsheets`.

    .. versionadded:: 0.3.0
    """

    name = "xlsx"
    suffixes = (".xlsx", ".xlsm", ".xltx", ".xltm")

    def sniff(self, head: bytes) -> bool:
        """Whether ``head`` begins a zip package with a workbook part (``xl/…``).

        Excel, Calc, openpyxl and XlsxWriter write small parts first, so an ``xl/`` part name,
        or a ``[Content_Types].xml`` naming a workbook, is within the first 8 KiB.
        """
        if not head.startswith(b"PK\x03\x04"):
            return False
        for entry, method, data in _entries(head):
            if entry.startswith(b"xl/"):
                return True
            if entry == b"[Content_Types].xml" and _declares_workbook(data, method):
                return True
        return False

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The paragraphs and tables of every visible sheet, each marked with its sheet.

        Raises:
            DocumentError: The file is no workbook, is damaged, or is over a budget.
        """
        package = Package(data, name, kind=WORKBOOK)
        try:
            book = _ShownCells(package)
            sheets = []
            for sheet in book.worksheets:
                if sheet.hidden:
                    continue
                texts, references = book.cells(sheet, name)
                merges = [m for m in map(_merge, references) if m is not None]
                sheets.append((sheet.name, texts, merges))
        finally:
            package.close()
        return RawDocument(blocks=tuple(workbook_blocks(sheets, name)))
