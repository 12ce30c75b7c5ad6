"""Ruled tables of a PDF: cells found from their lines, set on a grid, given their text.

pdfplumber finds a table's cells from its ruling lines. Their grid is drawn again here from the
cells' own edges: the distinct x-edges of all the pieces of one table (a table a page break cut
keeps its left and right edges), snapped within a tolerance so that edges a fraction of a point
apart are one, give the grid columns; a cell's column and span come from its x0 and x1. The
distinct y-edges of a piece give its rows: a cell taller than a row is a vertically merged one,
read in its first row and repeated, marked merged, in the rows below, as Word's ``w:vMerge``
reads.

A row a page break split is one row again: where a piece begins (after its header again, if
it repeats) with a row whose first cell is empty, that row is the rest of the last row before
the break, and each of its cells goes on with the cell above it, after a line break, a space or
nothing as the line at the foot of the page ended (:func:`~._pdf_text.joint`). A cell merged
down from it reads the whole text. A merged cell that goes on at the top of the next page
(empty there, as LibreOffice and Word draw it) continues the one above it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from dod_model._base import budgets
from dod_model._contracts import RawCell, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._pdf_text import Line, joint, paragraphs_of

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
        space: The width of a space glyph per point of size on its page, ``None`` if its
            page shows no space glyphs.
        family: The pieces of one table share it.
    """

    page: int
    bbox: Box
    cells: list[Box]
    lines: list[list[Line]]
    spacing: float
    space: float | None = None
    family: int = 0


@attrs.frozen
class _Slot:
    """A cell's place in a row: the cell (by its index in the piece), its column and span."""

    cell: int
    column: int
    span: int
    below: bool  # the row is not the cell's first: a vertically merged cell repeated


@attrs.define
class _Grid:
    """A piece on its table's grid: its rows of slots and the text of each of its cells.

    A cell a row from the next page was joined to ends in a cell of that piece (``ends``).
    """

    piece: Piece
    rows: list[list[_Slot]]
    texts: list[str]
    ends: dict[int, tuple[Piece, int]] = attrs.field(factory=dict)  # where a joined cell ends

    def row(self, index: int) -> RawRow:
        return RawRow(cells=tuple(
            RawCell(self.texts[s.cell], s.column, s.span, merged=s.below) for s in self.rows[index]
        ))  # fmt: skip


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


def _right(box: Box, lines: list[Line]) -> float:
    """Where a cell's lines end at the most: its right edge within its padding."""
    padding = min(max(0.0, min(line.x0 for line in lines) - box[0]), 12.0) if lines else 0.0
    return box[2] - padding


def _cell_text(piece: Piece, cell: int, known: frozenset[str]) -> str:
    r"""A cell's text: its paragraphs, a line each (``\n`` between), as Word keeps them."""
    lines = piece.lines[cell]
    if not lines:
        return ""
    right = _right(piece.cells[cell], lines)
    paragraphs = paragraphs_of(lines, right, piece.spacing, space=piece.space, known=known)
    return "\n".join(text for text, _ in paragraphs)


def _index(edges: list[float], value: float) -> int:
    """The index of the edge nearest ``value``."""
    at = bisect.bisect_left(edges, value)
    near = [i for i in (at - 1, at) if 0 <= i < len(edges)]
    return min(near, key=lambda i: abs(edges[i] - value))


def _grid(piece: Piece, columns: list[float], name: str, known: frozenset[str]) -> _Grid:
    """One piece on the grid of its table's ``columns`` (x-edges)."""
    tops: list[float] = []
    snap([y for box in piece.cells for y in (box[1], box[3])], tops)
    slots: list[list[_Slot]] = [[] for _ in range(max(len(tops) - 1, 0))]
    for index, box in enumerate(piece.cells):
        column = _index(columns, box[0]) + 1
        span = max(1, _index(columns, box[2]) + 1 - column)
        first, last = _index(tops, box[1]), _index(tops, box[3])
        for row in range(first, last):  # none for a cell of no height: a doubled line
            slots[row].append(_Slot(index, column, span, below=row > first))
    rows = []
    for slot in slots:
        if not slot:
            continue
        if len(slot) > budgets.ROW_CELLS:
            msg = (f"{name}: page {piece.page}: a table row of more than {budgets.ROW_CELLS:,} "
                   "cells, more than a table row may have; refused")  # fmt: skip
            raise DocumentError(msg)
        rows.append(sorted(slot, key=lambda s: s.column))
    texts = [_cell_text(piece, index, known) for index in range(len(piece.cells))]
    return _Grid(piece, rows, texts)


def _places(row: list[_Slot]) -> list[tuple[int, int]]:
    return [(s.column, s.span) for s in row]


def _start(grid: _Grid, header: RawRow | None) -> int:
    """The index of a piece's first row that is not its table's header again."""
    if header is not None and len(grid.rows) > 1 and grid.row(0).texts == header.texts:
        return 1
    return 0


def _join_split_row(target: _Grid, grid: _Grid, start: int, known: frozenset[str]) -> bool:
    """Join the row at ``start`` of ``grid`` to the last row of ``target``, a piece before it.

    It is joined if its first cell is empty (no number: the rest of a row a page break split)
    and it has the cells of that row, place by place. Whether it was is returned.
    """
    if start >= len(grid.rows) or not target.rows:
        return False
    rest, last = grid.rows[start], target.rows[-1]
    if grid.texts[rest[0].cell].strip() or _places(rest) != _places(last):
        return False
    for below, above in zip(rest, last, strict=True):
        head, tail = target.texts[above.cell], grid.texts[below.cell]
        if head and tail:
            piece, cell = target.ends.get(above.cell, (target.piece, above.cell))
            right = _right(piece.cells[cell], piece.lines[cell])
            between = joint(piece.lines[cell][-1], grid.piece.lines[below.cell][0], right,
                            piece.spacing, space=piece.space, known=known, across=True)  # fmt: skip
            text = head + between + tail
        else:
            text = head or tail
        if tail:
            target.ends[above.cell] = grid.ends.get(below.cell, (grid.piece, below.cell))
        target.texts[above.cell] = grid.texts[below.cell] = text
    del grid.rows[start]
    return True


def _continue_merges(rows: list[RawRow], start: int, before: RawRow) -> list[RawRow]:
    """The rows of a piece, a merged cell going on from the row ``before`` given its text.

    The piece's first row that is not its table's header again (at ``start``) is looked at:
    an empty cell there where the row before held a merged cell of the same place goes on
    with it.
    """
    above = {(c.column, c.span): c for c in before.cells if c.merged}
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


def tables_of(pieces: Sequence[Piece], name: str, known: frozenset[str]) -> list[RawTable]:
    """The raw table of each piece, pieces of one table on one grid of columns.

    Pieces are of one table when they share a ``family``; the grid is drawn from the x-edges
    of all of them. ``known``: the words the document spells whole, for cut words.
    """
    families: dict[int, list[float]] = {}
    for piece in pieces:
        edges = families.setdefault(piece.family, [])
        snap([x for box in piece.cells for x in (box[0], box[2])], edges)
    grids = [_grid(piece, families[piece.family], name, known) for piece in pieces]
    headers: dict[int, RawRow] = {}
    tails: dict[int, _Grid] = {}  # the piece holding the last row of each table so far
    starts: list[int] = []
    joined: list[bool] = []
    for grid in grids:
        key = grid.piece.family
        start = _start(grid, headers.get(key))
        starts.append(start)
        joined.append(key in tails and _join_split_row(tails[key], grid, start, known))
        if grid.rows:
            headers.setdefault(key, grid.row(0))
        if len(grid.rows) > start:
            tails[key] = grid
    tables: list[RawTable] = []
    last: dict[int, RawRow] = {}
    for grid, start, was_joined in zip(grids, starts, joined, strict=True):
        key = grid.piece.family
        rows = [grid.row(i) for i in range(len(grid.rows))]
        if not was_joined and key in last:
            rows = _continue_merges(rows, start, last[key])
        if len(rows) > start:
            last[key] = rows[-1]
        edges = families[key]
        tables.append(RawTable(rows=tuple(rows), columns=max(len(edges) - 1, 1)))
    return tables
