"""Ruled tables of a PDF: cells found from their lines, set on a grid, given their text.

pdfplumber finds a table's cells from its ruling lines. Their grid is drawn again here from the
cells' own edges: the distinct x-edges of all the pieces of one table (a table a page break cut
keeps its left and right edges), snapped within a tolerance so that edges a fraction of a point
apart are one, give the grid columns; a cell's column and span come from its x0 and x1. The
distinct y-edges of a piece give its rows: a cell taller than a row is a vertically merged one,
read in its first row and repeated, marked merged, in the rows below, as Word's ``w:vMerge``
reads. A merged cell that goes on at the top of the next page (empty there, as LibreOffice and
Word draw it) continues the one above it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from dod_model._base import budgets
from dod_model._contracts import RawCell, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._pdf_text import Line, paragraphs_of

__all__ = ["Piece", "snap", "tables_of"]

_SNAP = 2.0  # points: edges nearer than this are one (a border's width, a rounding)

Box = tuple[float, float, float, float]


@attrs.define
class Piece:
    """A table on one page: its cells' boxes and the lines of text inside each.

    Attributes:
        page: The page it is on, counted from 1.
        bbox: Its box (x0, top, x1, bottom).
        cells: Each cell's box.
        lines: The lines in each cell, by the cell's index.
        spacing: The gap between the lines of a paragraph on its page.
        spaces: Whether its page shows spaces as glyphs.
        family: The pieces of one table share it.
    """

    page: int
    bbox: Box
    cells: list[Box]
    lines: list[list[Line]]
    spacing: float
    spaces: bool = False
    family: int = 0


def snap(values: Sequence[float], known: list[float]) -> list[float]:
    """``values`` snapped to the ``known`` edges within the tolerance; new ones added to it."""
    out = []
    for value in values:
        at = bisect.bisect_left(known, value)
        near = [known[i] for i in (at - 1, at) if 0 <= i < len(known)]
        best = min(near, key=lambda k: abs(k - value), default=None)
        if best is not None and abs(best - value) <= _SNAP:
            out.append(best)
        else:
            bisect.insort(known, value)
            out.append(value)
    return out


def _cell_text(box: Box, lines: list[Line], spacing: float, *, spaces: bool) -> str:
    r"""A cell's text: its paragraphs, a line each (``\n`` between), as Word keeps them."""
    if not lines:
        return ""
    padding = min(max(0.0, min(line.x0 for line in lines) - box[0]), 12.0)
    right = box[2] - padding
    return "\n".join(text for text, _ in paragraphs_of(lines, right, spacing, spaces=spaces))


def _index(edges: list[float], value: float) -> int:
    """The index of the edge nearest ``value``."""
    at = bisect.bisect_left(edges, value)
    near = [i for i in (at - 1, at) if 0 <= i < len(edges)]
    return min(near, key=lambda i: abs(edges[i] - value))


def _rows(piece: Piece, columns: list[float], name: str) -> list[RawRow]:
    """The rows of one piece on the grid of its table's ``columns`` (x-edges)."""
    tops: list[float] = []
    snap([y for box in piece.cells for y in (box[1], box[3])], tops)
    slots: list[list[tuple[int, int, RawCell]]] = [[] for _ in range(max(len(tops) - 1, 0))]
    for box, lines in zip(piece.cells, piece.lines, strict=True):
        column = _index(columns, box[0]) + 1
        span = max(1, _index(columns, box[2]) + 1 - column)
        first, last = _index(tops, box[1]), _index(tops, box[3])
        if last <= first:
            continue  # a cell of no height: a doubled line
        cell = RawCell(_cell_text(box, lines, piece.spacing, spaces=piece.spaces), column, span)
        for row in range(first, last):
            slots[row].append((column, row - first, cell))
    rows = []
    for slot in slots:
        if not slot:
            continue
        if len(slot) > budgets.ROW_CELLS:
            msg = (f"{name}: page {piece.page}: a table row of more than {budgets.ROW_CELLS:,} "
                   "cells, more than a table row may have; refused")  # fmt: skip
            raise DocumentError(msg)
        slot.sort(key=lambda item: item[0])
        cells = tuple(attrs.evolve(c, merged=True) if below else c for _, below, c in slot)
        rows.append(RawRow(cells=cells))
    return rows


def _continue_merges(rows: list[RawRow], before: list[RawRow]) -> list[RawRow]:
    """The rows of a piece, a merged cell going on from the piece ``before`` given its text.

    The piece's first row that is not its table's header again is looked at: an empty cell
    there where the last row before held a merged cell of the same place goes on with it.
    """
    if not rows or not before:
        return rows
    header = before[0].texts
    start = 1 if rows[0].texts == header and len(rows) > 1 else 0
    last = {(c.column, c.span): c for c in before[-1].cells}
    above = {place: c for place, c in last.items() if c.merged}
    if not above:
        return rows
    out = list(rows[:start])
    carried: dict[tuple[int, int], RawCell] = {}
    for index, row in enumerate(rows[start:]):
        cells = []
        for cell in row.cells:
            place = (cell.column, cell.span)
            if index == 0 and not cell.text.strip() and place in above:
                carried[place] = attrs.evolve(above[place], merged=True)
            if place in carried and (index == 0 or cell.merged):
                cells.append(carried[place])
            else:
                carried.pop(place, None)
                cells.append(cell)
        out.append(RawRow(cells=tuple(cells)))
    return out


def tables_of(pieces: Sequence[Piece], name: str) -> list[RawTable]:
    """The raw table of each piece, pieces of one table on one grid of columns.

    Pieces are of one table when they share a ``family``; the grid is drawn from the x-edges
    of all of them.
    """
    families: dict[int, list[float]] = {}
    for piece in pieces:
        edges = families.setdefault(piece.family, [])
        snap([x for box in piece.cells for x in (box[0], box[2])], edges)
    tables: list[RawTable] = []
    last: dict[int, list[RawRow]] = {}
    for piece in pieces:
        key = piece.family
        edges = families[key]
        rows = _rows(piece, edges, name)
        rows = _continue_merges(rows, last.get(key, []))
        last[key] = rows
        tables.append(RawTable(rows=tuple(rows), columns=max(len(edges) - 1, 1)))
    return tables
