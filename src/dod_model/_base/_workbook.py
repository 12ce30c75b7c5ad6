"""XLSX workbooks read row by row: the streaming reader the registry and the importer share.

The workbook is opened by the package reader Word files are opened by
(:class:`dod_model._base.Package`), so the same budgets hold: entries, the bytes of the parts
read whole (the workbook, its relationships and styles; the shared strings, which are kept),
the XML nodes of each. A worksheet is parsed as a stream, each row let go of once read: memory
stays flat however long the sheet, and a row number that jumps (``<row r="1000000000">``)
costs nothing, as rows that are not in the file are not walked. A row's cells past
:attr:`SheetReader.columns` are not read, and a sheet of more rows than a sheet can have
(1,048,576) is refused.

What a cell's value becomes is the subclass's: :meth:`SheetReader._value` (the registry reads
values as openpyxl does, the importer the text the sheet shows).

.. versionadded:: 0.3.0
"""

from __future__ import annotations

import abc
import functools
import posixpath
from collections.abc import Generator
from typing import Any

import attrs
from lxml import etree

from dod_model._base._package import Package

__all__ = [
    "LAST_COLUMN",
    "LAST_ROW",
    "Row",
    "SheetEntry",
    "SheetReader",
    "cell_place",
    "column_number",
]

LAST_COLUMN = 16_384
"""XFD, the last column a sheet has."""
LAST_ROW = 1_048_576
"""The last row a sheet has."""

_SHEET = "/worksheet"  # the end of a worksheet's relationship type (not a chartsheet's)
_PARTS = ("sharedStrings", "styles")  # relationship types, and the parts' usual names
_DIGITS = "0123456789"

Row = tuple[int, list[Any], str | None]
"""A row's number, its cells, and why it cannot be read (or ``None``)."""


@attrs.frozen
class SheetEntry:
    """A worksheet as the workbook lists it.

    Attributes:
        name: Its name, as its tab shows it.
        part: The package part of its cells.
        hidden: Whether the workbook hides it (``hidden`` or ``veryHidden``).
    """

    name: str
    part: str
    hidden: bool


@functools.lru_cache(maxsize=4096)
def column_number(letters: str) -> int:
    """The column that letters name (``AB`` → 28), or 0 if they name none."""
    if not 0 < len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        return 0
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def cell_place(reference: str) -> tuple[int, int] | None:
    """The (row, column) of a cell reference (``B3`` → (3, 2)), or ``None`` if it names none."""
    letters = reference.rstrip(_DIGITS)
    digits = reference[len(letters) :]
    column = column_number(letters.replace("$", ""))
    if not column or not digits or len(digits) > 7 or not 0 < int(digits) <= LAST_ROW:
        return None
    return int(digits), column


class SheetReader(abc.ABC):
    """An XLSX workbook's worksheets, shared strings and number formats, read from a package.

    Args:
        package: The opened package; the reader reads from it, its owner closes it.

    Attributes:
        package: The package.
        worksheets: Its worksheets, in the workbook's order.
        date1904: Whether its dates count from 1904 (Mac Excel's calendar), not 1900.
        strings: The text of each shared string (its runs joined, as written: ``_x000D_``
            escapes left in).
        number_formats: By cell style (its index as cells name it): the number format's id and,
            for a custom one, its code.
        columns: How many columns of a row :meth:`_rows` reads (``None``: all).

    Raises:
        DocumentError: The package holds no workbook, or a part is damaged or over a budget.
    """

    hint = "save it again as .xlsx"
    """What messages tell to do with a sheet no spreadsheet program wrote."""
    again = "save it again as .xlsx"
    """What messages tell to do with a workbook whose main part is no workbook."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.columns: int | None = None
        main = package.main_part("xl/workbook.xml")
        root = package.xml(main)
        if root is None or not str(root.tag).endswith("}workbook"):
            raise package.refuse(f"{main} is not a workbook; {self.again}")
        ns = str(root.tag)[1 : str(root.tag).index("}")]
        self._c, self._v, self._is, self._t, self._r, self._row, self._data, self._merge = (
            f"{{{ns}}}{local}"
            for local in ("c", "v", "is", "t", "r", "row", "sheetData", "mergeCell")
        )
        rels = package.relationships(main)
        self.worksheets = tuple(
            SheetEntry(str(sheet.get("name", "")), rels[rid][1],
                       sheet.get("state") in ("hidden", "veryHidden"))
            for sheet in root.iter(f"{{{ns}}}sheet")
            for rid in [_relationship_id(sheet)]
            if rid in rels and rels[rid][0].endswith(_SHEET) and rels[rid][1] in package.names
        )  # fmt: skip
        properties = root.find(f"{{{ns}}}workbookPr")
        self.date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        by_type = {kind.rsplit("/", 1)[-1]: target for kind, target in rels.values()}
        folder = posixpath.dirname(main)
        strings, styles = (by_type.get(k, posixpath.join(folder, f"{k}.xml")) for k in _PARTS)
        items = package.iterparse(strings, [f"{{{ns}}}si"], kept=True)
        self.strings = [self.string_text(item) for item in items]
        self.number_formats = self._number_formats(styles, ns)

    def string_text(self, item: etree._Element) -> str:
        """The text of a string item (``<si>``, ``<is>``): its runs', not the phonetic ones."""
        t, run = self._t, self._r
        pieces = []
        for child in item:
            if child.tag == t:
                pieces.append(child.text or "")
            elif child.tag == run:
                pieces.extend(sub.text or "" for sub in child if sub.tag == t)
        return "".join(pieces)

    def _number_formats(self, part: str, ns: str) -> dict[str, tuple[str, str | None]]:
        root = self.package.xml(part)
        if root is None:
            return {}
        custom = {n.get("numFmtId"): n.get("formatCode") for n in root.iter(f"{{{ns}}}numFmt")}
        styles = root.find(f"{{{ns}}}cellXfs")
        found: dict[str, tuple[str, str | None]] = {}
        for index, style in enumerate(() if styles is None else styles.iter(f"{{{ns}}}xf")):
            code = str(style.get("numFmtId", "0"))
            found[str(index)] = (code, custom.get(code))
        return found

    def _rows(self, part: str, *, last_row: int = LAST_ROW,
              merges: list[str] | None = None) -> Generator[Row, None, None]:  # fmt: skip
        """Each row of a worksheet that holds a value: its number, its cells, and a fault.

        The fault, when not ``None``, says why the row cannot be read (its cells are then
        empty). Rows the file leaves out, and rows of no value, are not yielded.

        Args:
            part: The worksheet's part.
            last_row: The most rows it may have.
            merges: Where to put the references of its merged ranges (``A1:D1``), read after
                its cells; ``None``: reading stops at the end of the cells.

        Raises:
            DocumentError: The sheet is damaged, over a budget, or of more rows than a sheet
                can have.
        """
        number = 0
        tags = [self._row, self._data] if merges is None else [self._row, self._merge]
        elements = self.package.iterparse(part, tags)
        count = 0
        for row in elements:
            if row.tag == self._data:
                return  # what follows the cells (merged ranges, …) is not read
            if row.tag == self._merge:
                assert merges is not None
                merges.append(str(row.get("ref", "")))
                continue
            count += 1
            if count > last_row:
                raise self.package.refuse(
                    f"{part} holds more rows than a sheet can ({last_row:,}); it was not saved "
                    f"by a spreadsheet program: {self.hint}"
                )
            given = row.get("r")
            if given is None:
                number += 1
            elif given.isascii() and given.isdigit() and len(given) <= 18:
                number = int(given)
            else:
                number += 1
                yield number, [], f"its number «{given[:20]}» is not a row number"
                continue
            if not len(row):
                continue  # a row of no cells (a height, a style) holds nothing
            try:
                cells = self._cells(row)
            except ValueError as exc:
                yield number, [], str(exc)
                continue
            if cells:
                yield number, cells, None

    def _cells(self, row: etree._Element) -> list[Any]:
        # Cells stand in column order, as the format has them: reading stops at the last column
        # read, so a row's cells past the header cost nothing, however many.
        limit = self.columns or LAST_COLUMN
        values: list[tuple[int, etree._Element]] = []
        column = 0
        for cell in row.iterchildren(self._c):
            reference = cell.get("r")
            column = column + 1 if reference is None else column_number(reference.rstrip(_DIGITS))
            if not 0 < column <= LAST_COLUMN:
                msg = f"cell «{str(reference)[:20]}» is not in a column a sheet has (A to XFD)"
                raise ValueError(msg)
            if column > limit:
                break
            if len(cell):  # an empty cell (a style, a border) holds nothing
                values.append((column, cell))
        if not values:
            return []
        cells: list[Any] = [None] * max(column for column, _cell in values)
        for column, cell in values:
            cells[column - 1] = self._value(cell, column)
        return cells if any(value is not None for value in cells) else []

    @abc.abstractmethod
    def _value(self, cell: etree._Element, column: int) -> Any:
        """What a cell holds; ``None`` for nothing (each reader says what it keeps of one)."""

    def _shared(self, cell: etree._Element, column: int, text: str) -> int:
        """The index of the shared string a cell names.

        Raises:
            ValueError: The workbook has no such string.
        """
        index = int(text) if text.isascii() and text.isdigit() and len(text) < 12 else -1
        if not 0 <= index < len(self.strings):
            msg = (
                f"cell {cell.get('r') or column} names shared string «{text[:20]}», which "
                "the workbook lacks"
            )
            raise ValueError(msg)
        return index


def _relationship_id(sheet: etree._Element) -> str:
    """The ``r:id`` of a ``<sheet>``, in whichever namespace (Transitional or Strict)."""
    for key, value in sheet.attrib.items():
        if key.endswith("}id"):
            return str(value)
    return ""
