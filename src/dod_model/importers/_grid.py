"""A worksheet's grid of shown texts and merged ranges → raw blocks, for every workbook format.

A sheet is one grid; a roadmap on it is laid out the way users lay one out in Excel or Calc:

- title rows above the table: one filled cell each, often merged across the table;
- the table: rows from the first to the last that fill two cells or more, blank rows inside it
  (left between sections, or where a page ended) cutting it into pieces of the same grid, which
  the layout joins again;
- text below it (signatures, notes): one filled cell a row, or a small table of its own after a
  blank row.

So: the blank rows cut the sheet into runs; in each run, the rows before the first and after the
last row of two filled cells are paragraphs, the rows between them a table. A merged range is a
cell that spans its columns; the rows below its first continue it (``merged``), as a vertically
merged Word cell does. Rows keep their numbers as lines: title rows one under the other make one
paragraph group, as consecutive lines of a text export do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from dod_model._base import budgets
from dod_model._contracts import RawCell, RawParagraph, RawRow, RawTable
from dod_model._errors import DocumentError

__all__ = ["Merge", "sheet_blocks"]


@attrs.frozen
class Merge:
    """A merged range of a sheet, its corners counted from 1.

    Attributes:
        top: Its first row.
        left: Its first column.
        bottom: Its last row.
        right: Its last column.
    """

    top: int
    left: int
    bottom: int
    right: int


def _anchors(
    merges: Iterable[Merge],
) -> tuple[dict[tuple[int, int], Merge], dict[int, list[Merge]]]:
    """The ranges by their top-left cell, and by each row they cover below their first."""
    by_anchor: dict[tuple[int, int], Merge] = {}
    covering: dict[int, list[Merge]] = {}
    for merge in merges:
        if merge.bottom < merge.top or merge.right < merge.left:
            continue  # a range written back to front covers nothing
        if (merge.top, merge.left) in by_anchor:
            continue
        by_anchor[merge.top, merge.left] = merge
        for row in range(merge.top + 1, min(merge.bottom, merge.top + budgets.ROW_CELLS) + 1):
            covering.setdefault(row, []).append(merge)
    return by_anchor, covering


class _Sheet:
    """One sheet's cells, read into rows of raw cells."""

    def __init__(self, texts: Mapping[tuple[int, int], str], merges: Iterable[Merge],
                 name: str) -> None:  # fmt: skip
        self.texts = texts
        self.anchors, self.covering = _anchors(merges)
        self.name = name
        used = [column for _, column in texts]
        used += [m.right for (r, c), m in self.anchors.items() if texts.get((r, c))]
        self.width = max(used, default=0)
        if self.width > budgets.ROW_CELLS:
            msg = (
                f"sheet «{name}»: a row reaches column {self.width:,}, past the "
                f"{budgets.ROW_CELLS:,} a table row may have; is a roadmap on it?"
            )
            raise DocumentError(msg)

    def row(self, number: int) -> tuple[RawRow, int]:
        """Row ``number`` as raw cells, and how many cells of its own it fills."""
        cells: list[RawCell] = []
        filled = 0
        continued = {m.left: m for m in self.covering.get(number, ())}
        column = 1
        while column <= self.width:
            merge = continued.get(column)
            if merge is not None:
                text = self.texts.get((merge.top, merge.left), "")
                cells.append(RawCell(text, column, span=merge.right - column + 1, merged=True))
                column = merge.right + 1
                continue
            text = self.texts.get((number, column), "")
            anchor = self.anchors.get((number, column))
            last = min(anchor.right, self.width) if anchor is not None else column
            filled += bool(text.strip())
            cells.append(RawCell(text, column, span=last - column + 1))
            column = last + 1
        return RawRow(cells=tuple(cells), line=number), filled


def sheet_blocks(
    texts: Mapping[tuple[int, int], str], merges: Iterable[Merge], *, sheet: str
) -> list[RawParagraph | RawTable]:
    """The paragraphs and tables of a sheet, each marked with the sheet's name.

    Args:
        texts: The text each cell shows, by (row, column) counted from 1; empty cells may be
            left out.
        merges: The sheet's merged ranges.
        sheet: The sheet's name.

    Raises:
        DocumentError: A row is wider than a table row may be.
    """
    grid = _Sheet(texts, merges, sheet)
    if not grid.width:
        return []
    last_row = max(
        [r for r, _ in texts]
        + [m.bottom for (r, c), m in grid.anchors.items() if texts.get((r, c))]
    )
    blocks: list[RawParagraph | RawTable] = []
    run: list[tuple[RawRow, int]] = []

    def close() -> None:
        wide = [i for i, (_, filled) in enumerate(run) if filled >= 2]
        first, last = (wide[0], wide[-1]) if wide else (len(run), len(run))
        blocks.extend(_paragraphs(run[:first], sheet))
        if wide:
            rows = tuple(raw for raw, _ in run[first : last + 1])
            columns = max(c.column + c.span - 1 for r in rows for c in r.cells if c.text.strip())
            rows = tuple(attrs.evolve(r, cells=_within(r.cells, columns)) for r in rows)
            blocks.append(RawTable(rows=rows, columns=columns, line=rows[0].line, sheet=sheet))
            blocks.extend(_paragraphs(run[last + 1 :], sheet))
        run.clear()

    # Only the rows that hold a value or stand under a merged cell are walked: a row number
    # that jumps (a note at row 1,000,000) costs nothing; the rows between cut the run.
    before = 0
    for number in sorted({r for r, _ in texts}.union(grid.covering)):
        if number > last_row:
            break
        if number > before + 1 and run:
            close()
        before = number
        raw, filled = grid.row(number)
        if filled or any(c.merged and c.text.strip() for c in raw.cells):
            run.append((raw, filled))
        elif run:
            close()
    close()
    return blocks


def _within(cells: tuple[RawCell, ...], columns: int) -> tuple[RawCell, ...]:
    """The cells of a row that stand in the table's first ``columns`` grid columns."""
    return tuple(
        attrs.evolve(c, span=min(c.span, columns - c.column + 1)) if c.column + c.span > columns + 1
        else c
        for c in cells
        if c.column <= columns
    )  # fmt: skip


def _paragraphs(rows: list[tuple[RawRow, int]], sheet: str) -> list[RawParagraph]:
    """Rows of one filled cell at most (titles, notes) as paragraphs, on their rows' lines."""
    texts = ((raw.line, "\n".join(c.text for c in raw.cells if c.text.strip() and not c.merged))
             for raw, _ in rows)  # fmt: skip
    return [RawParagraph(text=text, line=line, sheet=sheet) for line, text in texts if text]
