"""Workbooks as plans of cells, written by openpyxl or by XlsxWriter.

The exporters lay out a workbook as :class:`Book`: sheets of cells with a named style each,
merged ranges, column widths, row heights, a frozen header, print titles and page setup. Either
writer renders the same plan: XlsxWriter (an optional extra, ``dod-model[xlsx]``) where it is
installed, as it writes a 10,000-activity book about twice as fast
(``benchmarks/write_xlsx.py``), and openpyxl, a dependency already, where it is not.

Texts are written as strings whatever they look like (a text opening with «=» is no formula),
with the escapes ``_xHHHH_`` of the format for the control characters XML cannot hold, so a
reader gives back the text as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from copy import copy
from typing import Any, Literal

import attrs

from dod_model._errors import DocumentError

__all__ = ["CELL_LIMIT", "STYLES", "Book", "Merge", "Sheet", "Value", "Writer", "render"]

Value = str | int | dt.date
Writer = Literal["auto", "openpyxl", "xlsxwriter"]

CELL_LIMIT = 32_767
"""The most characters a cell of Excel holds; a longer text is cut there."""

_FONT = "Times New Roman"
_SIZE = 11
_BORDER = {"border": 1}
_WRAP = {"text_wrap": True, "valign": "top"}
# The styles a plan names, as XlsxWriter's format properties (openpyxl's are made from them).
STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 14, "align": "center", "valign": "vcenter",
              "text_wrap": True},
    "text": {**_WRAP},
    "header": {**_WRAP, **_BORDER, "bold": True, "align": "center", "valign": "vcenter",
               "bg_color": "#D9D9D9"},
    "section": {**_WRAP, **_BORDER, "bold": True, "bg_color": "#F2F2F2"},
    "cell": {**_WRAP, **_BORDER},
    "date": {**_BORDER, "valign": "top", "num_format": "dd.mm.yyyy"},
    "integer": {**_BORDER, "valign": "top", "num_format": "0"},
}  # fmt: skip
_TIME = dt.datetime(2000, 1, 1)  # the book's creation time: the same roadmap, the same book
# What XML 1.0 cannot hold, and a text like an escape, which a reader would decode.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")
_CONTROL_ONLY = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_NON_CHARACTERS = re.compile("[\ufffe\uffff]")


@attrs.frozen
class Merge:
    """A merged range, its corners counted from 0 (its text is the cell at its top left)."""

    top: int
    left: int
    bottom: int
    right: int


@attrs.define
class Sheet:
    r"""One sheet of a book, as the writers draw it.

    Attributes:
        name: The sheet's name (at most 31 characters, none of ``[]:*?/\\``).
        cells: Value and style name by (row, column), counted from 0.
        merges: The merged ranges.
        widths: Column widths in characters, by column.
        heights: Row heights in points, by row; the others the writer's default.
        freeze: The first row and column that scroll (``(1, 0)``: the first row stays).
        print_titles: The first and last row printed atop every page.
        autofilter: The range of the filter buttons, the header its top row.
        printable: A4 landscape, fitted to the page's width.
    """

    name: str
    cells: dict[tuple[int, int], tuple[Value, str]] = attrs.field(factory=dict)
    merges: list[Merge] = attrs.field(factory=list)
    widths: dict[int, float] = attrs.field(factory=dict)
    heights: dict[int, float] = attrs.field(factory=dict)
    freeze: tuple[int, int] | None = None
    print_titles: tuple[int, int] | None = None
    autofilter: Merge | None = None
    printable: bool = False

    def put(self, row: int, column: int, value: Value, style: str = "cell") -> None:
        """Put a value in a cell; a text past :data:`CELL_LIMIT` is cut there."""
        if isinstance(value, str):
            value = _NON_CHARACTERS.sub("", value)[:CELL_LIMIT]
        self.cells[row, column] = (value, style)

    def merge(self, row: int, left: int, right: int, value: str, style: str,
              *, bottom: int | None = None) -> None:  # fmt: skip
        """A text in a range of a row (and the rows down to ``bottom``), merged if wider."""
        self.put(row, left, value, style)
        bottom = row if bottom is None else bottom
        if right > left or bottom > row:
            self.merges.append(Merge(row, left, bottom, right))


@attrs.define
class Book:
    """A workbook: its sheets, in order, and its title (the document property)."""

    sheets: list[Sheet] = attrs.field(factory=list)
    title: str = ""


def _escaped(text: str) -> str:
    """A text with the escapes ``_xHHHH_`` the format has for what XML cannot hold."""
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _openpyxl_styles() -> dict[str, dict[str, Any]]:
    """The cell attributes of each of :data:`STYLES`, for openpyxl."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: PLC0415

    thin = Side(style="thin", color="000000")
    made: dict[str, dict[str, Any]] = {}
    for name, spec in STYLES.items():
        horizontal = spec.get("align")
        vertical = {"vcenter": "center"}.get(spec.get("valign", ""), spec.get("valign"))
        style: dict[str, Any] = {
            "font": Font(name=_FONT, size=spec.get("font_size", _SIZE),
                         bold=spec.get("bold", False)),
            "alignment": Alignment(horizontal=horizontal, vertical=vertical,
                                   wrap_text=spec.get("text_wrap", False)),
        }  # fmt: skip
        if "border" in spec:
            style["border"] = Border(left=thin, right=thin, top=thin, bottom=thin)
        if "bg_color" in spec:
            color = spec["bg_color"].lstrip("#")
            style["fill"] = PatternFill("solid", start_color=color, end_color=color)
        if "num_format" in spec:
            style["number_format"] = spec["num_format"].replace("dd.mm.yyyy", "DD.MM.YYYY")
        made[name] = style
    return made


def _openpyxl(book: Book) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - a heavy import, only when writing
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet.properties import PageSetupProperties  # noqa: PLC0415

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    # Each style set once on a cell of a scratch sheet, its indices then copied to the cells:
    # setting font, border and alignment cell by cell looks each up again, 20 times slower.
    scratch = workbook.create_sheet()
    styled = {}
    for name, attributes in _openpyxl_styles().items():
        template = scratch.cell(1, 1)
        for attribute, setting in attributes.items():
            setattr(template, attribute, setting)
        styled[name] = copy(template._style)
    workbook.remove(scratch)
    workbook.properties.title = book.title or None
    workbook.properties.language = "ru-RU"
    workbook.properties.created = workbook.properties.modified = _TIME
    for plan in book.sheets:
        sheet = workbook.create_sheet(plan.name)
        for (row, column), (value, name) in plan.cells.items():
            cell = sheet.cell(row + 1, column + 1)
            cell.value = _escaped(value) if isinstance(value, str) else value
            if isinstance(value, str):
                cell.data_type = "s"  # a text opening with «=» too
            cell._style = copy(styled[name])  # as openpyxl copies styles itself: at once
        for merge in plan.merges:
            sheet.merge_cells(start_row=merge.top + 1, start_column=merge.left + 1,
                              end_row=merge.bottom + 1, end_column=merge.right + 1)  # fmt: skip
        for column, width in plan.widths.items():
            sheet.column_dimensions[get_column_letter(column + 1)].width = width
        for row, height in plan.heights.items():
            sheet.row_dimensions[row + 1].height = height
        if plan.freeze is not None:
            sheet.freeze_panes = sheet.cell(plan.freeze[0] + 1, plan.freeze[1] + 1)
        if plan.print_titles is not None:
            sheet.print_title_rows = f"{plan.print_titles[0] + 1}:{plan.print_titles[1] + 1}"
        if plan.autofilter is not None:
            f = plan.autofilter
            sheet.auto_filter.ref = (
                f"{get_column_letter(f.left + 1)}{f.top + 1}:"
                f"{get_column_letter(f.right + 1)}{f.bottom + 1}"
            )
        if plan.printable:
            sheet.page_setup.orientation = "landscape"
            sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
            sheet.page_setup.fitToWidth = 1
            sheet.page_setup.fitToHeight = 0
            sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
            sheet.print_options.horizontalCentered = True
            sheet.page_margins.left = sheet.page_margins.right = 0.6
            sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsxwriter(book: Book) -> bytes:
    import xlsxwriter  # noqa: PLC0415

    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                         "strings_to_formulas": False,
                                         "strings_to_urls": False})  # fmt: skip
    workbook.set_properties({"title": book.title, "created": _TIME})
    formats = {
        name: workbook.add_format({"font_name": _FONT, "font_size": _SIZE, **spec})
        for name, spec in STYLES.items()
    }
    for plan in book.sheets:
        sheet = workbook.add_worksheet(plan.name)
        anchors = {(m.top, m.left): m for m in plan.merges}
        for (row, column), (value, name) in plan.cells.items():
            style = formats[name]
            merge = anchors.get((row, column))
            if merge is not None:
                sheet.merge_range(merge.top, merge.left, merge.bottom, merge.right, "", style)
            if isinstance(value, str):
                sheet.write_string(row, column, value, style)
            elif isinstance(value, dt.date):
                sheet.write_datetime(row, column, dt.datetime.combine(value, dt.time()), style)
            else:
                sheet.write_number(row, column, value, style)
        for column, width in plan.widths.items():
            sheet.set_column(column, column, width)
        for row, height in plan.heights.items():
            sheet.set_row(row, height)
        if plan.freeze is not None:
            sheet.freeze_panes(*plan.freeze)
        if plan.print_titles is not None:
            sheet.repeat_rows(*plan.print_titles)
        if plan.autofilter is not None:
            f = plan.autofilter
            sheet.autofilter(f.top, f.left, f.bottom, f.right)
        if plan.printable:
            sheet.set_landscape()
            sheet.set_paper(9)  # A4
            sheet.fit_to_pages(1, 0)
            sheet.center_horizontally()
            sheet.set_margins(left=0.6, right=0.6, top=0.6, bottom=0.6)
    workbook.close()
    return out.getvalue()


def _has_xlsxwriter() -> bool:
    try:
        import xlsxwriter  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def render(book: Book, writer: Writer = "auto") -> bytes:
    """The bytes of a workbook drawn from ``book``.

    Args:
        book: The plan of the workbook.
        writer: ``"xlsxwriter"``, ``"openpyxl"``, or ``"auto"``: XlsxWriter where installed.

    Raises:
        DocumentError: ``writer="xlsxwriter"`` and it is not installed.
    """
    book = attrs.evolve(book, title=_CONTROL_ONLY.sub("", book.title))  # a property: no escapes
    if writer == "auto":
        writer = "xlsxwriter" if _has_xlsxwriter() else "openpyxl"
    if writer == "xlsxwriter" and not _has_xlsxwriter():
        msg = "writing with XlsxWriter needs it installed: pip install 'dod-model[xlsx]'"
        raise DocumentError(msg)
    draw: Callable[[Book], bytes] = _xlsxwriter if writer == "xlsxwriter" else _openpyxl
    return draw(book)
