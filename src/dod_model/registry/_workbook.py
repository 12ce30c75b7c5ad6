"""XLSX workbooks read row by row: a small streaming reader of the sheet XML.

The workbook is opened by the package reader Word files are opened by
(:class:`dod_model._base.Package`), so the same budgets hold: entries, the bytes of the parts
read whole (the workbook, its relationships and styles; the shared strings, which are kept),
the XML nodes of each. A worksheet is parsed as a stream, each row let go of once read: memory
stays flat however long the sheet, and a row number that jumps (``<row r="1000000000">``)
costs nothing, as rows that are not in the file are not walked. A row's cells past
:attr:`Workbook.columns` are not read, and a sheet of more rows than a sheet can have
(1,048,576) is refused.

Cells read as openpyxl's read-only, data-only mode reads them (its format codes and calendar
are used): numbers as ``int`` or ``float``, numbers in a date format as ``datetime`` (``time``,
``timedelta``), booleans, the text of shared and inline strings, the cached value of a formula,
an error as its text (``#N/A``). A row holds its cells up to its last one, empty ones as
``None``.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from collections.abc import Generator
from pathlib import Path
from typing import Any

from lxml import etree

from dod_model._base import WORKBOOK, Package, open_regular

__all__ = ["Workbook"]

_LAST_COLUMN = 16_384  # XFD, the last column a sheet has
_LAST_ROW = 1_048_576  # the last row a sheet has
_SHEET = "/worksheet"  # the end of a worksheet's relationship type (not a chartsheet's)
_PARTS = ("sharedStrings", "styles")  # relationship types, and the parts' usual names
_DIGITS = "0123456789"

Row = tuple[int, list[Any], str | None]
"""A row's number, its cells, and why it cannot be read (or ``None``)."""


@functools.lru_cache(maxsize=4096)
def _letters(letters: str) -> int:
    """The column that letters name (``AB`` → 28), or 0 if they name none."""
    if not 0 < len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        return 0
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _number(text: str) -> int | float | str:
    """A number as openpyxl casts it; text that is no number stays text."""
    try:
        return float(text) if "." in text or "e" in text or "E" in text else int(text)
    except ValueError:  # no number, or more digits than Python turns into one
        return text


class Workbook:
    """An XLSX workbook: its worksheets, shared strings and date styles.

    Args:
        path: The workbook's path.

    Attributes:
        name: The file's name, for messages.
        sheets: The parts of its worksheets, in the workbook's order.
        columns: How many columns of a row :meth:`rows` reads (``None``: all); set once a
            header tells how many a row has.

    Raises:
        DocumentError: The file is no workbook, is damaged, or is over a budget.
    """

    def __init__(self, path: Path) -> None:
        # The format codes and the calendar are openpyxl's, so cells read as it reads them.
        from openpyxl.styles import numbers  # noqa: PLC0415 - only XLSX files need it
        from openpyxl.utils import datetime as excel_dates  # noqa: PLC0415

        self.name = path.name
        self.columns: int | None = None
        self._package = Package(open_regular(path, what="workbook"), path.name, kind=WORKBOOK)
        try:
            self._read_structure(numbers, excel_dates)
        except BaseException:
            self._package.close()
            raise

    def close(self) -> None:
        """Close the workbook's file."""
        self._package.close()

    def _read_structure(self, numbers: Any, excel_dates: Any) -> None:
        package = self._package
        main = package.main_part("xl/workbook.xml")
        root = package.xml(main)
        if root is None or not str(root.tag).endswith("}workbook"):
            raise package.refuse(f"{main} is not a workbook; save it again as .xlsx or CSV")
        ns = str(root.tag)[1 : str(root.tag).index("}")]
        self._c, self._v, self._is, self._t, self._r, self._row, self._data = (
            f"{{{ns}}}{local}" for local in ("c", "v", "is", "t", "r", "row", "sheetData")
        )
        rels = package.relationships(main)
        self.sheets = tuple(
            rels[rid][1]
            for sheet in root.iter(f"{{{ns}}}sheet")
            for rid in [_relationship_id(sheet)]
            if rid in rels and rels[rid][0].endswith(_SHEET) and rels[rid][1] in package.names
        )
        properties = root.find(f"{{{ns}}}workbookPr")
        date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        self._epoch = (
            excel_dates.CALENDAR_MAC_1904 if date1904 else excel_dates.CALENDAR_WINDOWS_1900
        )
        self._from_excel = excel_dates.from_excel
        by_type = {kind.rsplit("/", 1)[-1]: target for kind, target in rels.values()}
        folder = posixpath.dirname(main)
        strings, styles = (by_type.get(k, posixpath.join(folder, f"{k}.xml")) for k in _PARTS)
        items = package.iterparse(strings, [f"{{{ns}}}si"], kept=True)
        self._strings = [self._text(item).replace("x005F_", "") for item in items]
        self._dates, self._durations = self._date_styles(styles, ns, numbers)

    def _text(self, item: etree._Element) -> str:
        """The text of a string item (``<si>``, ``<is>``): its runs', not the phonetic ones."""
        t, run = self._t, self._r
        pieces = []
        for child in item:
            if child.tag == t:
                pieces.append(child.text or "")
            elif child.tag == run:
                pieces.extend(sub.text or "" for sub in child if sub.tag == t)
        return "".join(pieces)

    def _date_styles(self, part: str, ns: str, numbers: Any) -> tuple[frozenset[str], ...]:
        """The cell styles (their indexes, as cells name them) of dates, and of durations."""
        root = self._package.xml(part)
        if root is None:
            return frozenset(), frozenset()
        custom = {n.get("numFmtId"): n.get("formatCode") for n in root.iter(f"{{{ns}}}numFmt")}
        dates, durations = set(), set()
        styles = root.find(f"{{{ns}}}cellXfs")
        for index, style in enumerate(() if styles is None else styles.iter(f"{{{ns}}}xf")):
            code = style.get("numFmtId", "0")
            fmt = custom.get(code)
            if fmt is None and code.isdigit() and len(code) < 4:
                fmt = numbers.BUILTIN_FORMATS.get(int(code))
            if numbers.is_date_format(fmt):
                dates.add(str(index))
            if numbers.is_timedelta_format(fmt):
                durations.add(str(index))
        return frozenset(dates), frozenset(durations)

    def rows(self, sheet: str) -> Generator[Row, None, None]:
        """Each row of a worksheet that holds a value: its number, its cells, and a fault.

        The fault, when not ``None``, says why the row cannot be read (its cells are then
        empty). Rows the file leaves out, and rows of no value, are not yielded.

        Raises:
            DocumentError: The sheet is damaged, over a budget, or of more rows than a sheet
                can have.
        """
        number = 0
        elements = self._package.iterparse(sheet, [self._row, self._data])
        for count, row in enumerate(elements, 1):
            if row.tag == self._data:
                return  # what follows the cells (merged ranges, …) is not read
            if count > _LAST_ROW:
                raise self._package.refuse(
                    f"{sheet} holds more rows than a sheet can ({_LAST_ROW:,}); it was not saved "
                    "by a spreadsheet program: save the registry as CSV"
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
        limit = self.columns or _LAST_COLUMN
        values: list[tuple[int, etree._Element]] = []
        column = 0
        for cell in row.iterchildren(self._c):
            reference = cell.get("r")
            column = column + 1 if reference is None else _letters(reference.rstrip(_DIGITS))
            if not 0 < column <= _LAST_COLUMN:
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

    def _value(self, cell: etree._Element, column: int) -> Any:
        kind = cell.get("t")
        if kind is None or kind == "n":
            text = cell.findtext(self._v)
            if not text:
                return None
            value = _number(text)
            style = cell.get("s") if self._dates else None
            if style is None or style not in self._dates or type(value) is str:
                return value
            try:
                return self._from_excel(value, self._epoch, timedelta=style in self._durations)
            except (OverflowError, ValueError):  # no day a calendar has: the number as written
                return value
        if kind == "inlineStr":
            inline = cell.find(self._is)
            return None if inline is None else self._text(inline)
        text = cell.findtext(self._v)
        if not text:
            return None
        if kind == "s":
            index = int(text) if text.isascii() and text.isdigit() and len(text) < 12 else -1
            if not 0 <= index < len(self._strings):
                msg = (
                    f"cell {cell.get('r') or column} names shared string «{text[:20]}», which "
                    "the workbook lacks"
                )
                raise ValueError(msg)
            return self._strings[index]
        if kind == "b":
            return text.strip() not in ("0", "false")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(text)
            except ValueError:
                return text
        return text  # "str" (a formula's text), "e" (an error such as #N/A)


def _relationship_id(sheet: etree._Element) -> str:
    """The ``r:id`` of a ``<sheet>``, in whichever namespace (Transitional or Strict)."""
    for key, value in sheet.attrib.items():
        if key.endswith("}id"):
            return str(value)
    return ""
