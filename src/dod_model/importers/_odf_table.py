"""The grid of an OpenDocument table (``table:table``), for text documents and spreadsheets.

A row is a ``table:table-row``, found through ``table:table-header-rows`` (its rows are the
header LibreOffice repeats on each page), ``table:table-rows`` and ``table:table-row-group``;
a cell a ``table:table-cell`` or a ``table:covered-table-cell`` (a place a spanning cell
covers). Each of them takes one grid column, or ``table:number-columns-repeated`` of them; a
row stands for ``table:number-rows-repeated`` rows. A cell spans
``table:number-columns-spanned`` columns and ``table:number-rows-spanned`` rows: the covered
cells to its right in its row give nothing, and those below it continue it (``merged``, with
its text), as a vertically merged Word cell does.

Repeats cost what they give, not what they say: an empty cell or row repeated is counted, not
made (Calc writes a row's last empty cell repeated to its 16,384th column, and a sheet's last
empty row repeated to its 1,048,576th), and the empty cells of a text table are made up to
its declared width only. What repeats do make (a filled cell or row written once for several)
counts as XML nodes of the part, held to the density the package reader holds its nodes to
(``XML_DENSITY`` a compressed byte past ``XML_DENSITY_FLOOR``): a few bytes cannot make
millions of cells.

.. versionadded:: 0.3.0
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from dod_model._base import budgets
from dod_model._contracts import RawCell, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._grid import Merge
from dod_model.importers._odf_inline import TABLE, to_count

__all__ = ["Expansion", "sheet_grid", "text_table"]

_TB = f"{{{TABLE}}}"
_ROW, _CELL, _COVERED = f"{_TB}table-row", f"{_TB}table-cell", f"{_TB}covered-table-cell"
_COLUMN = f"{_TB}table-column"
_HEADER_ROWS = f"{_TB}table-header-rows"
_ROW_WRAPPERS = frozenset({_HEADER_ROWS, f"{_TB}table-rows", f"{_TB}table-row-group"})
_COLUMN_WRAPPERS = frozenset(
    {f"{_TB}table-header-columns", f"{_TB}table-columns", f"{_TB}table-column-group"}
)
_ROWS_REPEATED = f"{_TB}number-rows-repeated"
_COLUMNS_REPEATED = f"{_TB}number-columns-repeated"
_COLUMNS_SPANNED = f"{_TB}number-columns-spanned"
_ROWS_SPANNED = f"{_TB}number-rows-spanned"
_SHEET_ROWS = 1 << 24  # past a sheet's 1,048,576 rows; a count bounded, not a budget
_SHEET_COLUMNS = 1 << 16

CellText = Callable[[etree._Element], str]


class Expansion:
    """The cells repeats may make in a part: as many as the part may hold XML nodes.

    Args:
        compressed: The part's compressed size.
        name: The file's name, for messages.
    """

    def __init__(self, compressed: int, name: str) -> None:
        self.left = max(budgets.XML_DENSITY_FLOOR, budgets.XML_DENSITY * compressed)
        self.name = name

    def add(self, cells: int) -> None:
        """Count ``cells`` made by repeats.

        Raises:
            DocumentError: Past the budget.
        """
        self.left -= cells
        if self.left < 0:
            msg = (
                f"{self.name}: repeated rows and cells make more cells than the file's size "
                f"allows ({budgets.XML_DENSITY} a compressed byte past "
                f"{budgets.XML_DENSITY_FLOOR:,}); refused"
            )
            raise DocumentError(msg)


def _rows(container: etree._Element, header: bool) -> Iterator[tuple[etree._Element, bool]]:
    """The rows of a table, through their wrappers, each with whether it is a header row."""
    for child in container:
        tag = child.tag
        if tag == _ROW:
            yield child, header
        elif tag in _ROW_WRAPPERS:
            yield from _rows(child, header or tag == _HEADER_ROWS)


def _declared_width(container: etree._Element) -> int:
    """The columns a table declares (``table:table-column``), or 0 if more than a row may have."""
    width = 0
    for child in container:
        if child.tag == _COLUMN:
            width += to_count(child.get(_COLUMNS_REPEATED), budgets.ROW_CELLS + 1)
        elif child.tag in _COLUMN_WRAPPERS:
            width += _declared_width(child)
        if width > budgets.ROW_CELLS:
            return 0
    return width


def _too_wide(name: str) -> DocumentError:
    limit = budgets.ROW_CELLS
    return DocumentError(f"{name}: a table row of more than {limit:,} cells, more than a table "
                         "row may have; refused")  # fmt: skip


class _Row:
    """The cells of one row of a text table, made as they come, empty ones only when needed.

    Equal cells are one object (``distinct``, one for the table), as the Word importer makes
    them: a roadmap repeats deadlines and parties from row to row, and fewer objects are less
    for the garbage collector to look at while the document is read.
    """

    __slots__ = ("cells", "distinct", "filled_to", "name", "texts")

    def __init__(self, name: str, distinct: dict[tuple[str, int, int, bool], RawCell]) -> None:
        self.cells: list[RawCell] = []
        self.filled_to = 1  # the first grid column no cell covers yet
        self.name = name
        self.distinct = distinct
        self.texts = False  # whether a cell holds text

    def put(self, text: str, column: int, span: int = 1, merged: bool = False) -> None:
        """A cell added, the empty cells before it made first."""
        if column + span - 1 > budgets.ROW_CELLS:
            raise _too_wide(self.name)
        if column > self.filled_to:
            self.fill(column)
        key = (text, column, span, merged)
        cell = self.distinct.get(key)
        if cell is None:
            cell = self.distinct[key] = RawCell(text, column, span, merged)
        self.cells.append(cell)
        self.filled_to = column + span
        if text:
            self.texts = True

    def fill(self, column: int) -> None:
        """Empty cells up to grid ``column`` (not included)."""
        while self.filled_to < column:
            self.put("", self.filled_to)


_Merged = dict[int, tuple[str, int, int]]  # column → a merged cell's text, span, rows left


def _text_row(row_element: etree._Element, row: _Row, above: _Merged, text_of: CellText,
              expansion: Expansion) -> _Merged:  # fmt: skip
    """The cells of a row put in ``row``; the merged cells it begins, by column."""
    started: _Merged = {}
    column = 1
    for cell in row_element:
        tag = cell.tag
        get = cell.get
        repeated = get(_COLUMNS_REPEATED)
        repeat = 1 if repeated is None else to_count(repeated, _SHEET_COLUMNS)
        if tag == _COVERED:  # under a merged cell begun above, or right of one in this row
            if above:
                for at in sorted(k for k in above if column <= k < column + repeat):
                    if at >= row.filled_to:
                        text, span, _left = above[at]
                        row.put(text, at, span, True)
            column += repeat
        elif tag == _CELL:
            spanned, rows_spanned = get(_COLUMNS_SPANNED), get(_ROWS_SPANNED)
            span = 1 if spanned is None else to_count(spanned, budgets.ROW_CELLS + 1)
            down = 1 if rows_spanned is None else to_count(rows_spanned, _SHEET_ROWS)
            text = text_of(cell) if len(cell) else ""
            if text or span > 1 or down > 1:
                copies = 1 if span > 1 else repeat
                if copies > 1:
                    expansion.add(copies)
                for at in range(column, column + copies):
                    row.put(text, at, span)
                    if down > 1:
                        started[at] = (text, span, down - 1)
            column += repeat
    return started


def text_table(element: etree._Element, text_of: CellText, expansion: Expansion) -> RawTable:
    """A table of a text document: its rows of cells on the grid, merged cells continued."""
    width = _declared_width(element)
    above: _Merged = {}
    rows: list[RawRow] = []
    distinct: dict[tuple[str, int, int, bool], RawCell] = {}
    for row_element, header in _rows(element, False):
        repeat = to_count(row_element.get(_ROWS_REPEATED), _SHEET_ROWS)
        made = 0  # copies of the row made so far
        while made < repeat:  # row by row while merged cells above go on; then the rest at once
            row = _Row(expansion.name, distinct)
            started = _text_row(row_element, row, above, text_of, expansion)
            row.fill(width + 1)  # the empty cells after the last: up to the declared width
            raw = RawRow(cells=tuple(row.cells), header=header)
            copies = 1 if above else repeat - made
            if row.texts:
                expansion.add(len(raw.cells) * (copies - (made == 0)))
                rows.extend([raw] * copies)
            elif not made:  # an empty row repeated: once
                rows.append(raw)
            if above:
                above = {at: (text, span, left - copies)
                         for at, (text, span, left) in above.items() if left > copies}  # fmt: skip
            if started:
                above.update(started)
            made += copies
    columns = max([width, *(r.cells[-1].column + r.cells[-1].span - 1 for r in rows if r.cells)])
    return RawTable(rows=tuple(rows), columns=columns)


def sheet_grid(element: etree._Element, text_of: CellText, expansion: Expansion) -> (
    tuple[dict[tuple[int, int], str], list[Merge]]
):  # fmt: skip
    """A sheet's shown texts by (row, column) from 1, and its merged ranges."""
    texts: dict[tuple[int, int], str] = {}
    merges: list[Merge] = []
    number = 1
    for row_element, _header in _rows(element, False):
        repeat = to_count(row_element.get(_ROWS_REPEATED), _SHEET_ROWS)
        filled: list[tuple[int, str, int, int]] = []
        column = 1
        for cell in row_element:
            tag = cell.tag
            if tag not in (_CELL, _COVERED):
                continue
            copies = to_count(cell.get(_COLUMNS_REPEATED), _SHEET_COLUMNS)
            if tag == _CELL and (len(cell) or cell.attrib):
                text = text_of(cell)
                span = to_count(cell.get(_COLUMNS_SPANNED), _SHEET_COLUMNS)
                down = to_count(cell.get(_ROWS_SPANNED), _SHEET_ROWS)
                if text or span > 1 or down > 1:
                    expansion.add(copies * repeat)
                    filled.extend((at, text, span, down) for at in range(column, column + copies))
            column += copies
        for at_row in range(number, number + repeat) if filled else ():
            for at, text, span, down in filled:
                if text:
                    texts[at_row, at] = text
                if span > 1 or down > 1:
                    merges.append(Merge(at_row, at, at_row + down - 1, at + span - 1))
        number += repeat
    return texts, merges
