"""Plain-text exports of Word tables, in the three styles users' files come in.

* **rows**: a table row per line, cells separated by tabs (a row split by a page break goes on
  in a line whose first cells are empty);
* **pipes**: a table row per line, cells separated by `` | `` and closed by ``|``; a
  separator line under the header (``|---|---|``, as Markdown writes one) is no row;
* **cells**: a cell per tab-led line, its further lines following without a tab; rows
  separated by blank lines, which may also stand inside a cell.

Lines without cells are paragraphs. Encodings: UTF-8 (with or without BOM), Windows-1251 and
other single-byte Cyrillic encodings, told apart by a detector, never assumed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from dod_model._base import budgets, decode_text
from dod_model._contracts import RawCell, RawDocument, RawParagraph, RawRow, RawTable
from dod_model._errors import DocumentError

__all__ = ["TextImporter", "parse_text"]


def _style(lines: list[str]) -> str:
    pipes = sum(1 for line in lines if line.rstrip().endswith("|") and " | " in line)
    rows = sum(1 for line in lines if line.count("\t") >= 2 and not line.startswith("\t\t\t"))
    led = sum(1 for line in lines if line.startswith("\t") and line.count("\t") == 1)
    if pipes >= 2 and pipes >= rows:
        return "pipes"
    if led > rows:
        return "cells"
    return "rows"


def _tab_cells(line: str) -> list[str] | None:
    return line.split("\t") if "\t" in line else None


# A bar and the spaces around it. The spaces before it are taken only from where their run
# begins (possessively), so a cell of 40,000 spaces is gone over once, not once per space; the
# cells are the same as ``\s*\|\s*`` gives.
_PIPE = re.compile(r"(?:(?<!\s)\s++)?\|\s*+")


def is_pipe_separator(line: str) -> bool:
    """Whether ``line`` is the line under a pipe table's header (``|---|``, ``| :--- | ---: |``).

    It parts the header from the rows and is none of them: a bar in it, and each cell between
    the bars dashes with a colon either side or none, as GitHub's tables have it.
    """
    stripped = line.strip()
    if "|" not in stripped or "-" not in stripped:
        return False
    cells = stripped.removeprefix("|").removesuffix("|").split("|")
    return all(_is_dashes(cell.strip()) for cell in cells)


def _is_dashes(cell: str) -> bool:
    inner = cell.removeprefix(":").removesuffix(":")
    return bool(inner) and inner.count("-") == len(inner)


def _pipe_cells(line: str) -> list[str] | None:
    """The cells of a line closed by a bar.

    One cell alone is a row across the table («Раздел 2. Кадры |»).
    """
    stripped = line.strip()
    if stripped.endswith("|") and len(stripped) > 1:
        return _PIPE.split(stripped.removesuffix("|").strip())
    return None


def _pipe_row_cells(line: str) -> list[str] | None:
    """The cells of a line of a pipe table; a separator line gives an empty row."""
    return [] if is_pipe_separator(line) else _pipe_cells(line)


def _row_per_line(
    lines: list[str], split: Callable[[str], list[str] | None]
) -> list[RawParagraph | RawTable]:
    """Tables of a row per line (cells by ``split``); other non-blank lines are paragraphs.

    Blank lines stand for page breaks inside a table or spacing between paragraphs; they
    close nothing.
    """
    blocks: list[RawParagraph | RawTable] = []
    rows: list[RawRow] = []
    start: int | None = None

    def close() -> None:
        nonlocal rows, start
        if rows:
            width = max(len(r.cells) for r in rows)
            # A row of one cell in a table of more spans it, as the exporter merged it.
            rows = [attrs.evolve(r, cells=(attrs.evolve(r.cells[0], span=width),))
                    if len(r.cells) == 1 and width > 1 else r for r in rows]  # fmt: skip
            blocks.append(RawTable(rows=tuple(rows), columns=width, line=start))
        rows, start = [], None

    for number, line in enumerate(lines, start=1):
        cells = split(line)
        if cells == []:  # a line of the table that holds no row (a pipe table's separator)
            continue
        if cells is not None:
            start = start or number
            rows.append(RawRow(
                cells=tuple(RawCell(text, column) for column, text in enumerate(cells, start=1)),
                line=number,
            ))  # fmt: skip
        elif line.strip():
            close()
            blocks.append(RawParagraph(text=line, line=number))
    close()
    return blocks


def _cells_style(lines: list[str]) -> list[RawParagraph | RawTable]:
    """Cells each led by a tab; the layout groups them into rows by the header's width."""
    blocks: list[RawParagraph | RawTable] = []
    cells: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if line.startswith("\t"):
            cells.append((number, [line[1:]]))
        elif cells:
            cells[-1][1].append(line)
        elif line.strip():
            blocks.append(RawParagraph(text=line, line=number))
    if cells:
        # One cell per row: the layout regroups them (see ``regroup_cells``).
        rows = tuple(
            RawRow(cells=(RawCell("\n".join(text).strip("\n"), 1),), line=number)
            for number, text in cells
        )
        blocks.append(RawTable(rows=rows, columns=1, line=cells[0][0]))
    return blocks


# Control characters no document text holds and XML cannot: dropped, as Word drops them; a
# vertical tab or form feed (a line or page break some exporters write) is a space, so that a
# row it stands in stays one row.
_CONTROLS: dict[int, str | None] = {
    **dict.fromkeys((*range(0x09), *range(0x0E, 0x20), 0xFFFE, 0xFFFF)),
    0x0B: " ",
    0x0C: " ",
}


def _check_widths(lines: list[str], name: str | None) -> None:
    """Refuse a line longer than a line may be, or of more cells than a table row may have."""
    limit = budgets.ROW_CELLS
    for number, line in enumerate(lines, start=1):
        if len(line) > budgets.TEXT_CHARS:
            msg = (
                f"{name or '<text>'}: line {number} holds {len(line):,} characters, more than "
                f"the {budgets.TEXT_CHARS:,} a line may have; is it a roadmap's text export?"
            )
            raise DocumentError(msg)
        if len(line) >= limit and max(line.count("\t"), line.count("|")) >= limit:
            separators = max(line.count("\t"), line.count("|"))
            msg = (
                f"{name or '<text>'}: line {number} holds {separators + 1:,} cells, more than the "
                f"{limit:,} a table row may have; is it a roadmap's table?"
            )
            raise DocumentError(msg)


def parse_text(text: str, *, name: str | None = None) -> list[RawParagraph | RawTable]:
    """The blocks of a text export, in whichever of the three styles it is written."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    _check_widths(lines, name)
    style = _style(lines)
    if style == "pipes":
        return _row_per_line(lines, _pipe_row_cells)
    if style == "cells":
        return _cells_style(lines)
    return _row_per_line(lines, _tab_cells)


class TextImporter:
    """Plain-text exports of Word tables (``format="text"``).

    .. versionadded:: 0.1.0
    """

    name = "text"
    suffixes = (".txt", ".tsv", ".text")

    def sniff(self, head: bytes) -> bool:
        """Whether the bytes look like text: a UTF-16 mark, or neither zip nor NUL bytes."""
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return True
        return not head.startswith(b"PK\x03\x04") and b"\x00" not in head[:4096]

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of a text export.

        Raises:
            DocumentError: The bytes are not text in a detectable encoding.
        """
        text, encoding = decode_text(data, name)
        text = text.translate(_CONTROLS)
        return RawDocument(blocks=tuple(parse_text(text, name=name)), format=self.name,
                           encoding=encoding)  # fmt: skip
