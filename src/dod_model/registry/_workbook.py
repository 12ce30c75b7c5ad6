"""XLSX workbooks read row by row, their cells as openpyxl reads them.

The streaming reader is the one the workbook importer uses (:mod:`dod_model._base._workbook`):
the package is opened by the package reader Word files are opened by, within the same budgets,
a worksheet parsed as a stream, each row let go of once read, a row number that jumps
(``<row r="1000000000">``) costing nothing, a row's cells past :attr:`Workbook.columns` not
read, and a sheet of more rows than a sheet can have (1,048,576) refused.

Cells read as openpyxl's read-only, data-only mode reads them (its format codes and calendar
are used): numbers as ``int`` or ``float``, numbers in a date format as ``datetime`` (``time``,
``timedelta``), booleans, the text of shared and inline strings, the cached value of a formula,
an error as its text (``#N/A``). A row holds its cells up to its last one, empty ones as
``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path
from typing import Any

from lxml import etree

from dod_model._base import WORKBOOK, Package, open_regular
from dod_model._base._workbook import LAST_ROW, Row, SheetReader

__all__ = ["Workbook"]

_LAST_ROW = LAST_ROW  # the last row a sheet has


def _number(text: str) -> int | float | str:
    """A number as openpyxl casts it; text that is no number stays text."""
    try:
        return float(text) if "." in text or "e" in text or "E" in text else int(text)
    except ValueError:  # no number, or more digits than Python turns into one
        return text


class Workbook(SheetReader):
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

    hint = "save the registry as CSV"
    again = "save it again as .xlsx or CSV"

    def __init__(self, path: Path) -> None:
        # The format codes and the calendar are openpyxl's, so cells read as it reads them.
        from openpyxl.styles import numbers  # noqa: PLC0415 - only XLSX files need it
        from openpyxl.utils import datetime as excel_dates  # noqa: PLC0415

        self.name = path.name
        package = Package(open_regular(path, what="workbook"), path.name, kind=WORKBOOK)
        try:
            super().__init__(package)
            self._styles(numbers, excel_dates)
        except BaseException:
            package.close()
            raise
        self.sheets = tuple(sheet.part for sheet in self.worksheets)
        self._strings = [text.replace("x005F_", "") for text in self.strings]

    def close(self) -> None:
        """Close the workbook's file."""
        self.package.close()

    def _styles(self, numbers: Any, excel_dates: Any) -> None:
        """The calendar, and the cell styles of dates and of durations, as openpyxl's."""
        self._epoch = (
            excel_dates.CALENDAR_MAC_1904 if self.date1904 else excel_dates.CALENDAR_WINDOWS_1900
        )
        self._from_excel = excel_dates.from_excel
        dates, durations = set(), set()
        for index, (code, custom) in self.number_formats.items():
            fmt = custom
            if fmt is None and code.isdigit() and len(code) < 4:
                fmt = numbers.BUILTIN_FORMATS.get(int(code))
            if numbers.is_date_format(fmt):
                dates.add(index)
            if numbers.is_timedelta_format(fmt):
                durations.add(index)
        self._dates, self._durations = frozenset(dates), frozenset(durations)

    def rows(self, sheet: str) -> Generator[Row, None, None]:
        """Each row of a worksheet that holds a value: its number, its cells, and a fault.

        The fault, when not ``None``, says why the row cannot be read (its cells are then
        empty). Rows the file leaves out, and rows of no value, are not yielded.

        Raises:
            DocumentError: The sheet is damaged, over a budget, or of more rows than a sheet
                can have.
        """
        return self._rows(sheet, last_row=_LAST_ROW)

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
            return None if inline is None else self.string_text(inline)
        text = cell.findtext(self._v)
        if not text:
            return None
        if kind == "s":
            return self._strings[self._shared(cell, column, text)]
        if kind == "b":
            return text.strip() not in ("0", "false")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(text)
            except ValueError:
                return text
        return text  # "str" (a formula's text), "e" (an error such as #N/A)
