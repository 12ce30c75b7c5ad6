"""The raw form every importer produces: paragraphs and tables of cell text, with places.

Data flows one way: document bytes → importer → :class:`RawDocument` → layout → roadmap. An
importer knows its format and nothing of roadmaps; the layout knows roadmaps and nothing of
formats.
"""

from __future__ import annotations

import attrs

__all__ = ["RawCell", "RawDocument", "RawParagraph", "RawRow", "RawTable"]


@attrs.frozen
class RawCell:
    r"""A cell's text as written (line breaks kept), and where it stands in the grid.

    Attributes:
        text: The text, paragraphs and line breaks as ``\\n``.
        column: Its first grid column, counted from 1.
        span: How many grid columns it covers.
        merged: Whether it continues a vertically merged cell above (its text is that cell's).

    .. versionadded:: 0.1.0
    """

    text: str
    column: int
    span: int = 1
    merged: bool = False


@attrs.frozen(kw_only=True)
class RawRow:
    """A row of a table.

    Attributes:
        cells: Its cells, left to right.
        line: The line of a text export where the row starts.
        header: Whether the document marks it as a header row (Word's repeated header).

    .. versionadded:: 0.1.0
    """

    cells: tuple[RawCell, ...]
    line: int | None = None
    header: bool = False

    @property
    def texts(self) -> tuple[str, ...]:
        """The cells' texts."""
        return tuple(cell.text for cell in self.cells)


@attrs.frozen(kw_only=True)
class RawTable:
    """A table: its rows, and how many grid columns it has.

    Attributes:
        rows: The rows, top to bottom.
        columns: The number of grid columns.
        line: The line of a text export where the table starts.
        sheet: The sheet of a workbook it stands on.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``sheet``.
    """

    rows: tuple[RawRow, ...]
    columns: int
    line: int | None = None
    sheet: str | None = None


@attrs.frozen(kw_only=True)
class RawParagraph:
    """A paragraph outside tables.

    Attributes:
        text: Its text as written.
        line: The line of a text export where it starts.
        sheet: The sheet of a workbook it stands on (a title row above the table).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``sheet``.
    """

    text: str
    line: int | None = None
    sheet: str | None = None


@attrs.frozen(kw_only=True)
class RawDocument:
    """What an importer read: blocks in document order, and where they came from.

    Attributes:
        blocks: Paragraphs and tables in document order.
        name: The file's name, if it has one.
        format: The importer's name.
        sha256: Hex digest of the document's bytes.
        encoding: Character encoding of a text document.

    .. versionadded:: 0.1.0
    """

    blocks: tuple[RawParagraph | RawTable, ...]
    name: str | None = None
    format: str | None = None
    sha256: str | None = None
    encoding: str | None = None

    @property
    def tables(self) -> tuple[RawTable, ...]:
        """The tables, in order."""
        return tuple(b for b in self.blocks if isinstance(b, RawTable))

    @property
    def sheets(self) -> tuple[str, ...]:
        """The sheets its blocks stand on, in order (none for a document without sheets).

        .. versionadded:: 0.3.0
        """
        return tuple(dict.fromkeys(b.sheet for b in self.blocks if b.sheet is not None))

    def on_sheet(self, sheet: str) -> RawDocument:
        """The document with only the blocks of ``sheet``.

        Raises:
            KeyError: No block stands on ``sheet``.

        .. versionadded:: 0.3.0
        """
        if sheet not in self.sheets:
            raise KeyError(sheet)
        return attrs.evolve(self, blocks=tuple(b for b in self.blocks if b.sheet == sheet))
