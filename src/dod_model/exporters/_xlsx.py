"""The Excel exporter: a roadmap in the official layout, as a workbook ready to print.

The sheet holds what the Word exporter's page does, cell for cell: approval blocks at the top
right, the title centred in bold, a preamble, then the table (the roadmap's own columns of
:func:`._table.table_columns`, a header row printed atop every page and frozen on screen,
section rows and notes merged across the table), then the footnotes; each paragraph on a row of
its own, a blank row after it, as reading a sheet parts paragraphs. Texts wrap in their cells,
the rows are as tall as their text, the columns as wide as the Word table's in proportion, and
the page is A4 landscape, fitted to its width.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from dod_model.exporters._docx import _cells as docx_cells
from dod_model.exporters._docx import _placed_notes as placed_notes
from dod_model.exporters._docx import _section_text as section_text
from dod_model.exporters._docx import _Terms as Terms
from dod_model.exporters._table import TableColumn, table_columns
from dod_model.exporters._xlsx_sheet import Book, Sheet, Writer, render
from dod_model.model import Activity, ColumnRole, Roadmap

__all__ = ["ROADMAP_SHEET", "XlsxExporter", "roadmap_sheet"]

ROADMAP_SHEET = "Дорожная карта"
"""The name of the sheet a roadmap is written on."""

# Column widths in characters: the Word table's proportions over the width of an A4 landscape
# page at 11 points (about 130 characters).
_WIDTHS = {ColumnRole.NUMBER: 6, ColumnRole.TITLE: 38, ColumnRole.DEADLINE: 16,
           ColumnRole.RESULT: 29, ColumnRole.RESPONSIBLE: 23, ColumnRole.NOTE: 15,
           ColumnRole.INDICATOR: 18, ColumnRole.FUNDING: 15, ColumnRole.AUDIENCE: 15,
           ColumnRole.PLACE: 15, ColumnRole.COMPLETION: 13}  # fmt: skip
_OTHER_WIDTH = 13
_LINE = 13.5  # points a line of 11-point text takes (Calc 12.7, Excel 14.3)
_TITLE_LINE = 19.0
_MOST = 409.0  # the tallest row Excel draws


def _width(column: TableColumn) -> float:
    return _WIDTHS.get(column.role, _OTHER_WIDTH) if column.role else _OTHER_WIDTH


def _lines(text: str, width: float) -> int:
    """About how many lines a text wraps to in a cell ``width`` characters wide."""
    fits = max(1.0, width * 1.1 - 2)  # a character of Times is narrower than the width unit
    return sum(max(1, math.ceil(len(line) / fits)) for line in text.split("\n"))


class _Layout:
    """Fills a sheet row by row, each row as tall as its text."""

    def __init__(self, sheet: Sheet, widths: Sequence[float]) -> None:
        self.sheet = sheet
        self.widths = widths
        self.row = 0

    def height(self, row: int, lines: int, line: float = _LINE) -> None:
        if lines > 1 or line != _LINE:
            self.sheet.heights[row] = min(_MOST, lines * line + 3)

    def blank(self) -> None:
        self.row += 1

    def paragraph(self, text: str, style: str, *, left: int = 0) -> None:
        """A text over the table's width from column ``left``, and a blank row after it."""
        right = len(self.widths) - 1
        self.sheet.merge(self.row, left, right, text, style)
        width = sum(self.widths[left:])
        title = style == "title"
        self.height(self.row, _lines(text, width * (0.8 if title else 1)),
                    _TITLE_LINE if title else _LINE)  # fmt: skip
        self.row += 2

    def across(self, text: str, style: str) -> None:
        """A row of the table of one text merged across it (a section, a note)."""
        self.sheet.merge(self.row, 0, len(self.widths) - 1, text, style)
        self.height(self.row, _lines(text, sum(self.widths)))
        self.row += 1

    def cells(self, texts: Sequence[str], style: str = "cell") -> None:
        for column, text in enumerate(texts):
            self.sheet.put(self.row, column, text, style)
        lines = max((_lines(t, w) for t, w in zip(texts, self.widths, strict=True)), default=1)
        self.height(self.row, lines)
        self.row += 1


def roadmap_sheet(roadmap: Roadmap, name: str = ROADMAP_SHEET) -> Sheet:
    """The sheet of a roadmap in the official layout (see :class:`XlsxExporter`).

    Args:
        roadmap: The roadmap.
        name: The sheet's name.
    """
    columns = table_columns(roadmap)
    widths = [_width(c) for c in columns]
    sheet = Sheet(name=name, widths=dict(enumerate(widths)), printable=True)
    layout = _Layout(sheet, widths)
    head, preamble, tail = placed_notes(roadmap)
    for note in head:  # at the top right, as an approval block stands
        layout.paragraph(note, "text", left=len(columns) // 2 if len(columns) > 1 else 0)
    if roadmap.title:
        layout.paragraph(roadmap.title, "title")
    for note in preamble:
        layout.paragraph(note, "text")
    header = layout.row
    layout.cells([c.header for c in columns], "header")
    sheet.freeze = (header + 1, 0)
    sheet.print_titles = (header, header)
    terms = Terms(roadmap)
    noted = any(c.role is ColumnRole.NOTE for c in columns)

    def activity(item: Activity, *, first: bool) -> None:
        layout.cells(docx_cells(item, columns, terms, first=first))
        for note in item.notes[noted:]:  # the first in the «Примечание» column, if any
            layout.across(note, "cell")

    for index, item in enumerate(roadmap.unsectioned):
        activity(item, first=not index)
    for section in roadmap.sections:
        layout.across(section_text(section), "section")
        terms.written(section.title)
        for index, item in enumerate(section.activities):
            activity(item, first=not index)
    for note in tail:
        layout.blank()
        layout.paragraph(note, "text")
    return sheet


class XlsxExporter:
    """Excel (``.xlsx``) in the official layout of a roadmap, ready to print.

    One sheet, «Дорожная карта», laid out as the Word exporter lays out its page: approval
    blocks at the top right, the title centred in bold and a preamble above the table; the
    table with the roadmap's own columns under their own headers (the columns of the Word
    export: the standard five when the roadmap names none, the indicator, funding, audience,
    place and completion columns its activities need, and the columns the vocabulary does not
    know with the activities' :attr:`~dod_model.Activity.extra` cells), a bold header row frozen
    on screen and printed atop every page, section rows and an activity's notes merged across
    the table; the footnotes below it. Texts wrap in their cells, rows are as tall as their
    text, and the page is A4 landscape, fitted to the page's width.

    Every cell is a text, as written (a text opening with «=» is no formula); a text past the
    32,767 characters a cell of Excel holds is cut there. :func:`dod_model.read` reads the
    workbook back to an equal roadmap, but for its source and the positions of rows.

    Written by XlsxWriter where it is installed (``pip install 'dod-model[xlsx]'``), by
    openpyxl otherwise; the workbooks are alike.

    Args:
        writer: ``"auto"`` (XlsxWriter where installed), ``"xlsxwriter"`` or ``"openpyxl"``.

    .. versionadded:: 0.3.0
    """

    name = "xlsx"
    suffixes = (".xlsx",)
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def __init__(self, writer: Literal["auto", "openpyxl", "xlsxwriter"] = "auto") -> None:
        self.writer: Writer = writer

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap as the bytes of a workbook."""
        return render(Book(sheets=[roadmap_sheet(roadmap)], title=roadmap.title), self.writer)
