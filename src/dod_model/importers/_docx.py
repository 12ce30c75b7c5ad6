"""Word documents (``.docx``, Transitional and Strict OOXML), read from the XML in one pass.

The walk keeps the table grid itself (``w:gridSpan``, ``w:vMerge``, ``w:gridBefore``), reads
through content controls, custom XML, smart tags, hyperlinks, inserted text and simple fields,
drops deleted text and field instructions, takes one branch of ``mc:AlternateContent``, and
puts before auto-numbered paragraphs the numbers Word shows (:mod:`._word_numbering`). The
package is opened defensively (:class:`dod_model._base.Package`, within the budgets).

A table in which nothing needs care (no field, tracked change, hidden text, drawing, formula,
alternate content or nested table, nothing where Word would not put it) is read in one pass over
its elements; the others, element by element. Both give the same cells
(``tests/test_read_speed_invariants.py``), but for runs outside any paragraph, in files Word
refuses to open (see :meth:`_Reader._plain_table`).
"""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterator

from lxml import etree

from dod_model._base import Package, budgets
from dod_model._contracts import RawCell, RawDocument, RawParagraph, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._math import formula_text
from dod_model.importers._ooxml import (
    MATH,
    MC,
    OFF,
    W,
    attribute,
    find_child,
    local,
    qualified,
    to_int,
)
from dod_model.importers._word_numbering import Numbering

__all__ = ["DocxImporter"]

_TRANSPARENT = frozenset(
    {"r", "hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent",
     "bdo", "dir", "mc:Choice", "mc:Fallback"}
)  # fmt: skip
_SKIPPED = frozenset(
    {"del", "moveFrom", "delText", "instrText", "pPr", "rPr", "sdtPr", "sdtEndPr", "drawing",
     "pict", "object", "footnoteReference", "endnoteReference", "commentReference",
     "customXmlPr", "smartTagPr", "fldData", "lastRenderedPageBreak", "proofErr", "bookmarkStart",
     "bookmarkEnd"}
)  # fmt: skip


_TEXT_BEARING = frozenset({"t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym"})


def _vanished(run: etree._Element) -> bool:
    """Whether a run is hidden text (``w:vanish``), which Word does not show."""
    vanish = find_child(find_child(run, "rPr"), "vanish")
    return vanish is not None and attribute(vanish, "val") not in OFF


def _branch(alternate: etree._Element) -> etree._Element | None:
    """One branch of ``mc:AlternateContent``: the fallback if any, else the first choice."""
    choice = fallback = None
    for child in alternate:
        kind = local(child)
        if kind == "mc:Fallback":
            fallback = child
        elif kind == "mc:Choice" and choice is None:
            choice = child
    return fallback if fallback is not None else choice


# Elements that only wrap what they hold: content controls, custom XML, smart tags, tracked
# insertions and moves. Blocks, rows and cells are found through any depth of them.
_WRAPPERS = frozenset({"sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"})
_BLOCKS = frozenset({"p", "tbl"})
_ROWS = frozenset({"tr"})
_CELLS = frozenset({"tc"})


def _within(
    container: etree._Element, kinds: frozenset[str]
) -> Iterator[tuple[str, etree._Element]]:
    """The children of ``kinds`` in document order, each with its kind.

    Found through wrappers and one branch of ``mc:AlternateContent``.
    """
    for child in container:
        kind = local(child)
        if kind in kinds:
            yield kind, child
        elif kind in _WRAPPERS:
            yield from _within(child, kinds)
        elif kind == "mc:AlternateContent":
            branch = _branch(child)
            if branch is not None:
                yield from _within(branch, kinds)


def _symbol(code: str) -> str:
    """The character a ``w:sym`` names by its hex code; ``""`` for what is no text.

    A symbol font's own glyphs (F000 and up) mean nothing as text, and a control character or
    a surrogate (half of a UTF-16 pair) is no character at all: text holding a surrogate cannot
    even be encoded, so written out it would fail. Each gives nothing.
    """
    if not re.fullmatch(r"[0-9A-Fa-f]{1,6}", code):
        return ""
    value = int(code, 16)
    if value < 0x20 or 0x7F <= value < 0xA0 or 0xD800 <= value < 0xE000 or value >= 0xF000:
        return ""
    return chr(value)


def _careful_text(paragraph: etree._Element) -> str:
    """A paragraph's text read element by element: fields, deleted and hidden text, symbols."""
    parts: list[str] = []
    field_depth: list[bool] = []  # per open complex field: showing its result yet?
    formulas: list[int] = []  # where each formula's text ends in ``parts``

    def walk(node: etree._Element) -> None:  # noqa: PLR0912 - a branch per kind of element
        for child in node:
            kind = local(child)
            # Inside a field's instruction (before «separate»), text is hidden; markers
            # and containers are still walked so the field can close.
            hidden = not all(field_depth) and kind in _TEXT_BEARING
            if kind == "fldChar":
                char = attribute(child, "fldCharType")
                if char == "begin":
                    field_depth.append(False)
                elif char == "separate" and field_depth:
                    field_depth[-1] = True
                elif char == "end" and field_depth:
                    field_depth.pop()
            elif kind in _SKIPPED or hidden or (kind == "r" and _vanished(child)):
                continue
            elif kind == "t":
                parts.append(child.text or "")
            elif kind in ("tab", "ptab"):  # a tab in the text, kept as one
                parts.append("\t")
            elif kind in ("br", "cr"):
                parts.append("\n")
            elif kind == "noBreakHyphen":
                parts.append("-")
            elif kind == "sym":
                parts.append(_symbol(attribute(child, "char") or ""))
            elif kind == "mc:AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    walk(branch)
            elif kind in ("m:oMath", "m:oMathPara"):  # a formula, written out in a line
                if formulas and formulas[-1] == len(parts):  # two side by side: a space between
                    parts.append(" ")
                parts.append(formula_text(child))
                formulas.append(len(parts))
            elif kind in _TRANSPARENT:
                walk(child)

    walk(paragraph)
    return "".join(parts)


_TABLE_NAMES = ("tblGrid", "gridCol", "trPr", "tblHeader", "gridBefore", "tcPr", "gridSpan",
                "vMerge", "val")  # fmt: skip
# Tables, rows and cells are in one of the two WordprocessingML namespaces: the names for
# each, made once. A fixed table, not a cache that grows with what documents hold.
_NAMES: dict[object, dict[str, str]] = {
    f"{{{namespace}}}{kind}": {name: f"{{{namespace}}}{name}" for name in _TABLE_NAMES}
    for namespace in W
    for kind in ("tbl", "tr", "tc")
}


def _names(element: etree._Element) -> dict[str, str]:
    """The names the table walk looks up, qualified as :func:`qualified` does for ``element``.

    A child is in its parent's namespace, so one lookup serves a row or a cell and what it holds.
    """
    names = _NAMES.get(element.tag)
    if names is None:  # not a table, row or cell of WordprocessingML: never kept
        names = {name: qualified(element, name) for name in _TABLE_NAMES}
    return names


class _Reader:
    """The walk of a document's body: blocks, tables, rows, cells and paragraphs in order.

    Paragraphs are counted as lines (an empty one twice, since it parts blocks of text; a table
    twice, then its paragraphs), so that text around tables groups as a text export's does.
    """

    def __init__(self, numbering: Numbering, namespace: str, body: etree._Element) -> None:
        self.numbering = numbering
        self.paragraph_index = 0
        # The cells read, each once, by where they stand (column, span, merged) and text.
        self._distinct: dict[tuple[int, int, bool], dict[str, RawCell]] = {}
        w = f"{{{namespace}}}"
        self._t, self._tab, self._r = f"{w}t", f"{w}tab", f"{w}r"
        self._hyphen = f"{w}noBreakHyphen"
        # The text-bearing elements to look for: those the body has. lxml sets up a search for
        # each tag it is given, per paragraph; a tag the document never uses costs that for
        # nothing.
        self._plain = tuple(
            tag
            for tag in (self._t, self._tab, f"{w}br", f"{w}cr", self._hyphen)
            if tag == self._t or next(body.iter(tag), None) is not None
        )
        # What needs the careful walk, found in one pass over the body: hidden or doubled text,
        # text that is not the paragraph's own (text boxes in drawings), and, for tables, a
        # nested table, changed properties, or tracked insertions (one may hold runs between
        # cells or rows, which the careful walk leaves out). Tables holding none are read in
        # one pass (:meth:`_plain_table`).
        careful = ("fldChar", "del", "moveFrom", "drawing", "pict", "object", "sym", "ptab",
                   "instrText", "fldData", "vanish", "tbl", "tblPrChange", "trPrChange",
                   "tcPrChange", "tblGridChange", "ins", "moveTo")  # fmt: skip
        # Office Math: its text is in ``m:t``, which the careful walk reads.
        maths = tuple(f"{{{math}}}{name}" for math in MATH for name in ("oMath", "oMathPara"))
        self._careful = {
            ancestor
            for node in body.iter(
                *(f"{w}{name}" for name in careful), f"{{{MC}}}AlternateContent", *maths
            )
            for ancestor in node.iterancestors()
        }
        # Paragraphs that may show a list number: those with numbering of their own or a style
        # that numbers. The others are not looked at for one.
        numbering_styles = {
            style for style in numbering.styles if numbering.style_numbering(style)[0] is not None
        }
        self._numbered = (
            {
                paragraph
                for node in body.iter(f"{w}numPr", f"{w}pStyle")
                if node.tag == f"{w}numPr" or node.get(f"{w}val") in numbering_styles
                for paragraph in node.iterancestors(f"{w}p")
            }
            if numbering.nums
            else set()
        )
        self._tags = {name: f"{w}{name}" for name in (*_TABLE_NAMES, "tbl", "tr", "tc", "p")}
        # What one pass over a plain table looks for, in no particular order.
        walked = ("tr", "tc", "p", "tblHeader", "gridBefore", "gridSpan", "vMerge")
        self._table_walk = (*(self._tags[name] for name in walked), *self._plain)

    def _plain_text(self, element: etree._Element) -> str:
        """The text of a paragraph that needs no care, in one C-level pass."""
        parts: list[str] = []
        for node in element.iter(*self._plain):
            tag = node.tag
            if tag == self._t:
                parts.append(node.text or "")
            elif tag == self._tab:
                if node.getparent().tag == self._r:  # not a tab stop of the paragraph's style
                    parts.append("\t")
            elif tag == self._hyphen:
                parts.append("-")
            else:
                parts.append("\n")
        return "".join(parts)

    def paragraph(self, element: etree._Element) -> str:
        """A paragraph's text as shown: NBSP as space, no soft hyphens, tabs, its number first."""
        text = _careful_text(element) if element in self._careful else self._plain_text(element)
        return self._shown(element, text)

    def _shown(self, element: etree._Element, text: str) -> str:
        """A paragraph's text as shown, from the text of its runs."""
        if "\u00a0" in text or "\u00ad" in text:
            text = text.replace("\u00a0", " ").replace("\u00ad", "")
        label = self.numbering.label(element) if element in self._numbered else ""
        return f"{label} {text}".strip() if label and text.strip() else (label or text)

    def _counted(self, element: etree._Element) -> str | None:
        """A paragraph's text counted as a line, or ``None`` for an empty one."""
        self.paragraph_index += 1
        text = self.paragraph(element)
        if text.strip():
            return text
        self.paragraph_index += 1  # an empty paragraph parts blocks of text
        return None

    def blocks(self, container: etree._Element) -> Iterator[RawParagraph | RawTable]:
        """The paragraphs with text and the tables of ``container``, in document order."""
        for kind, child in _within(container, _BLOCKS):
            if kind == "p":
                text = self._counted(child)
                if text is not None:
                    yield RawParagraph(text=text, line=self.paragraph_index)
            else:
                self.paragraph_index += 2
                yield self.table(child)

    def _cell_text(self, cell: etree._Element) -> str:
        """A cell's paragraphs with text as lines; a nested table's rows as lines too."""
        lines: list[str] = []
        for kind, child in _within(cell, _BLOCKS):
            if kind == "p":
                text = self._counted(child)
                if text is not None:
                    lines.append(text)
            else:
                self.paragraph_index += 2
                nested = self.table(child)
                lines.extend(" ".join(t for t in row.texts if t.strip()) for row in nested.rows)
        return "\n".join(lines)

    def table(self, element: etree._Element) -> RawTable:
        """A table: its rows of cells on the grid, vertically merged cells given their text."""
        if element in self._careful:
            return self._careful_table(element)
        self.numbering.try_out()
        try:
            table = self._plain_table(element)
        except _Irregular:  # a table Word would not open as it is: read as the careful walk does
            self.numbering.undo()
            return self._careful_table(element)
        self.numbering.keep()
        return table

    def _careful_table(self, element: etree._Element) -> RawTable:
        """A table read child by child, through wrappers, one branch of alternate content."""
        names = _names(element)
        grid = _first_child(element, names["tblGrid"])
        width = sum(1 for c in grid if local(c) == "gridCol") if grid is not None else 0
        rows: list[RawRow] = []
        above: dict[int, str] = {}  # text of the vertically merged cell starting at a column
        for _, row in _within(element, _ROWS):
            header, column = _row_properties(row)
            cells = self._cells(row, column, above)
            if cells:  # the last cell reaches furthest
                width = max(width, cells[-1].column + cells[-1].span - 1)
            rows.append(RawRow(cells=tuple(cells), header=header))
        return RawTable(rows=tuple(rows), columns=width)

    def _plain_table(self, element: etree._Element) -> RawTable:
        """A table in which nothing needs care, read in one pass over its elements.

        What :meth:`_careful_table` finds child by child, found here in document order
        (:class:`_OnePass`). One difference is left, in files Word refuses to open: a run
        standing outside any paragraph (``w:r`` right in a cell, row or table) is read with the
        paragraph before it, where the careful walk leaves it out. Looking at every run's parent
        to find one would slow every read by several per cent.

        Raises:
            _Irregular: A row, cell or paragraph stands where the schema has none, or cell and
                row properties are not where Word writes them (the careful walk reads those).
        """
        walk = _OnePass(self, element)
        table = walk.table()
        self.paragraph_index = walk.index
        return table

    def _on_grid(self, text: str, column: int, span: int, merge: str | None,
                 above: dict[int, str]) -> RawCell:  # fmt: skip
        """A cell at grid ``column``, one that goes on with a vertically merged cell given its text.

        Equal cells are one object: a roadmap repeats deadlines, results and parties from row
        to row, and a merged cell goes on down many rows. Fewer objects to keep is less for the
        garbage collector to look at, again and again, while the document is read.

        Args:
            text: The cell's own text.
            column: Its first grid column.
            span: How many grid columns it covers.
            merge: Its ``w:vMerge`` value: ``None`` without one; «continue», or no value, to go
                on with the merged cell above; any other («restart») to begin one.
            above: The text of the merged cell begun at each column, kept up to date row by row.
        """
        merged = False
        if merge is None:
            above.pop(column, None)
        elif (merge or "continue") == "continue":
            text, merged = above.get(column, ""), True
        else:
            above[column] = text
        place = (column, span, merged)
        cells = self._distinct.get(place)
        if cells is None:
            cells = self._distinct[place] = {}
        cell = cells.get(text)
        if cell is None:
            cell = cells[text] = RawCell(text, column, span, merged=merged)
        return cell

    def _cells(self, row: etree._Element, column: int, above: dict[int, str]) -> list[RawCell]:
        """The cells of a row from grid ``column`` on; ``above`` follows vertical merges."""
        cells: list[RawCell] = []
        for _, cell in _within(row, _CELLS):
            if len(cells) == budgets.ROW_CELLS:
                raise _too_wide()
            span, merge = _cell_properties(cell)
            cells.append(self._on_grid(self._cell_text(cell), column, span, merge, above))
            column += span
        return cells


def _too_wide() -> DocumentError:
    limit = budgets.ROW_CELLS
    msg = f"a table row of more than {limit:,} cells, more than a table row may have; refused"
    return DocumentError(msg)


class _Irregular(Exception):
    """A table the one-pass walk leaves to the careful one."""


class _OnePass:
    """The one-pass walk of a plain table: its elements in document order, level by level.

    One iterator goes over the table's rows, cells, paragraphs, their text and the properties
    the grid needs. Each step takes from it until an element of a level above its own comes,
    and hands that element on: a paragraph ends at the next paragraph, cell or row, a cell at
    the next cell or row, a row at the next row; a row after the last ends the table. Text
    before a cell's first paragraph is left out, as the careful walk leaves it; a run after a
    paragraph, before what ends it, is read with it (:meth:`_Reader._plain_table`).

    Word writes a row's properties before its cells and a cell's before its paragraphs; a
    table in which a row, cell, paragraph or property stands anywhere else raises
    :class:`_Irregular`, and the careful walk reads it.

    Attributes:
        index: The paragraphs counted as lines so far, as :class:`_Reader` counts them.
    """

    __slots__ = ("_above", "_cell_properties", "_element", "_end", "_hyphen", "_marks",
                 "_nodes", "_numbered", "_on_grid", "_p", "_reader", "_row_properties", "_run",
                 "_t", "_tab", "_tags", "_tc", "_text", "_tr", "index")  # fmt: skip

    def __init__(self, reader: _Reader, element: etree._Element) -> None:
        tags = reader._tags
        self._reader, self._element, self._tags = reader, element, tags
        self._t, self._tab, self._run, self._hyphen = (reader._t, reader._tab, reader._r,
                                                       reader._hyphen)  # fmt: skip
        self._p, self._tc, self._tr = tags["p"], tags["tc"], tags["tr"]
        self._text = frozenset(reader._plain)  # what a paragraph's runs hold
        self._marks = self._text - {self._t}
        self._row_properties = frozenset({tags["tblHeader"], tags["gridBefore"]})
        self._cell_properties = frozenset({tags["gridSpan"], tags["vMerge"]})
        self._numbered = bool(reader._numbered)
        self._end = etree.Element(self._tr)  # a row after the last
        self._nodes = itertools.chain(element.iter(*reader._table_walk), (self._end,))
        self._above: dict[int, str] = {}  # the text of the merged cell begun at each column
        self._on_grid = reader._on_grid
        self.index = reader.paragraph_index

    def table(self) -> RawTable:
        """The table's rows of cells on the grid, vertically merged cells given their text."""
        tags, element, end = self._tags, self._element, self._end
        grid = _first_child(element, tags["tblGrid"])
        width = sum(1 for c in grid if c.tag == tags["gridCol"]) if grid is not None else 0
        rows: list[RawRow] = []
        node, tag = self._after_text()
        while node is not end:
            if tag != self._tr or (
                node.getparent() is not element and not _stands_in(node, element)
            ):
                raise _Irregular
            row, node, tag = self._row(node)
            rows.append(row)
            if row.cells:  # the last cell reaches furthest
                last = row.cells[-1]
                width = max(width, last.column + last.span - 1)
        return RawTable(rows=tuple(rows), columns=width)

    def _after_text(self) -> tuple[etree._Element, str]:
        """The next element that is not text, and its tag; the text before it left out."""
        text = self._text
        for node in self._nodes:
            tag = node.tag
            if tag not in text:
                return node, tag
        raise AssertionError  # pragma: no cover - the row after the last comes before the end

    def _row(self, row: etree._Element) -> tuple[RawRow, etree._Element, str]:
        """A row from its start: it, and the element after it (the next row) with its tag."""
        tc = self._tc
        header: bool | None = None  # its properties, once read
        column: int | None = None
        node, tag = self._after_text()
        while tag in self._row_properties:  # before its cells
            header, column = self._row_property(node, tag, row, header, column)
            node, tag = self._after_text()
        at = 1 if column is None else column
        cells: list[RawCell] = []
        while tag == tc:
            if node.getparent() is not row and not _stands_in(node, row):
                raise _Irregular
            if len(cells) == budgets.ROW_CELLS:
                raise _too_wide()
            cell, node, tag = self._cell(node, at)
            cells.append(cell)
            at += cell.span
        if tag != self._tr:  # a paragraph or cell properties outside any cell
            raise _Irregular
        return RawRow(cells=tuple(cells), header=bool(header)), node, tag

    def _row_property(
        self,
        node: etree._Element,
        tag: str,
        row: etree._Element,
        header: bool | None,
        column: int | None,
    ) -> tuple[bool | None, int | None]:
        """``w:tblHeader`` or ``w:gridBefore`` added to what the row has of the two.

        Raises:
            _Irregular: The row has one of its kind already, or it stands outside the row's
                first properties.
        """
        tags = self._tags
        is_header = tag == tags["tblHeader"]
        if (header if is_header else column) is not None or not _placed(node, row, tags["trPr"]):
            raise _Irregular
        if is_header:
            return node.get(tags["val"]) not in OFF, column
        return header, 1 + max(0, to_int(node.get(tags["val"]), 0))

    def _cell(self, cell: etree._Element, column: int) -> tuple[RawCell, etree._Element, str]:
        """A cell from its start at grid ``column``: it, and the element after it with its tag.

        Its properties, then its paragraphs, each a line; a paragraph ends where the next
        paragraph, cell or row begins.
        """
        t, p, marks, properties = self._t, self._p, self._marks, self._cell_properties
        span: int | None = None  # its properties, once read
        merge: str | None = None
        paragraphs: list[etree._Element] = []
        texts: list[str] = []  # the paragraphs' texts as their runs give them
        parts: list[str] | None = None  # the paragraph's, once one has begun
        node, tag = cell, ""
        for node in self._nodes:
            tag = node.tag
            if tag == t:
                if parts is not None:
                    parts.append(node.text or "")
            elif tag == p:  # the paragraph before ends, a new one begins
                if parts is not None:
                    texts.append("".join(parts))
                if node.getparent() is not cell and not _stands_in(node, cell):
                    raise _Irregular
                parts = []
                paragraphs.append(node)
            elif tag in marks:
                if parts is not None:
                    self._mark(node, tag, parts)
            elif tag in properties:
                span, merge = self._cell_property(node, tag, cell, span, merge)
            else:  # the cell ends
                if parts is not None:
                    texts.append("".join(parts))
                break
        if tag not in (self._tc, self._tr):  # row properties in a cell
            raise _Irregular
        text = self._lines(paragraphs, texts)
        on_grid = self._on_grid(text, column, 1 if span is None else span, merge, self._above)
        return on_grid, node, tag

    def _mark(self, node: etree._Element, tag: str, parts: list[str]) -> None:
        """A tab, non-breaking hyphen or line break (``tag``) added to a paragraph's text."""
        if tag == self._tab:
            if node.getparent().tag == self._run:  # not a tab stop of the paragraph's style
                parts.append("\t")
        elif tag == self._hyphen:
            parts.append("-")
        else:
            parts.append("\n")

    def _cell_property(
        self,
        node: etree._Element,
        tag: str,
        cell: etree._Element,
        span: int | None,
        merge: str | None,
    ) -> tuple[int | None, str | None]:
        """``w:gridSpan`` or ``w:vMerge`` added to what the cell has of the two.

        Raises:
            _Irregular: The cell has one of its kind already, or it stands outside the cell's
                first properties.
        """
        tags = self._tags
        is_merge = tag == tags["vMerge"]
        if (merge if is_merge else span) is not None or not _placed(node, cell, tags["tcPr"]):
            raise _Irregular
        if is_merge:
            return span, str(node.get(tags["val"]) or "")
        return max(1, to_int(node.get(tags["val"]), 1)), merge

    def _lines(self, paragraphs: list[etree._Element], texts: list[str]) -> str:
        """A cell's text: the text of each paragraph as shown, a line each, empty ones counted."""
        text = "\n".join(texts)
        if (not self._numbered and "\u00a0" not in text and "\u00ad" not in text
                and all(map(str.strip, texts))):  # fmt: skip
            self.index += len(texts)
            return text  # as most cells are: shown as written, no paragraph empty
        lines = [line for line in map(self._reader._shown, paragraphs, texts) if line.strip()]
        self.index += 2 * len(texts) - len(lines)  # an empty paragraph parts blocks of text
        return "\n".join(lines)


def _stands_in(node: etree._Element, container: etree._Element) -> bool:
    """Whether ``node`` is a child of ``container``, or stands in it through wrappers only."""
    parent = node.getparent()
    while parent is not container:
        if parent is None or local(parent) not in _WRAPPERS:
            return False
        parent = parent.getparent()
    return True


def _placed(node: etree._Element, owner: etree._Element | None, properties: str) -> bool:
    """Whether a property stands in the first ``properties`` element of ``owner``."""
    holder = node.getparent()
    return (
        owner is not None
        and holder is not None
        and holder.getparent() is owner
        and _first_child(owner, properties) is holder
    )


def _first_child(element: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child with ``tag``, as ``element.find(tag)`` gives it, without a path search.

    Word writes properties first, so the first child is tried before a loop over the rest.
    """
    if element is None or not len(element):
        return None
    first = element[0]
    if first.tag == tag:
        return first
    for child in element:
        if child.tag == tag:
            return child
    return None


def _cell_properties(cell: etree._Element) -> tuple[int, str | None]:
    """How many grid columns a cell spans, and its ``w:vMerge`` value («» for one without)."""
    names = _names(cell)
    properties = _first_child(cell, names["tcPr"])
    spanned = _first_child(properties, names["gridSpan"])
    merge = _first_child(properties, names["vMerge"])
    span = 1 if spanned is None else max(1, to_int(spanned.get(names["val"]), 1))
    return span, None if merge is None else str(merge.get(names["val"]) or "")


def _row_properties(row: etree._Element) -> tuple[bool, int]:
    """Whether Word repeats the row as a header (``w:tblHeader``), and its first grid column."""
    names = _names(row)
    properties = _first_child(row, names["trPr"])
    if properties is None:
        return False, 1
    marker = _first_child(properties, names["tblHeader"])
    before = _first_child(properties, names["gridBefore"])
    header = marker is not None and marker.get(names["val"]) not in OFF
    return header, 1 + max(0, to_int(None if before is None else before.get(names["val"]), 0))


class DocxImporter:
    """Word documents (``format="docx"``): Transitional and Strict Office Open XML.

    .. versionadded:: 0.1.0
    """

    name = "docx"
    suffixes = (".docx", ".docm", ".dotx")

    def sniff(self, head: bytes) -> bool:
        """Whether the bytes begin a zip package."""
        return head.startswith(b"PK\x03\x04")

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of a Word document's body.

        Raises:
            DocumentError: The package is damaged, unsafe, or holds no Word document.
        """
        package = Package(data, name)
        main = package.main_part()
        root = package.xml(main)
        if root is None or local(root) != "document":
            msg = f"{name}: {main} is not a Word document body"
            raise DocumentError(msg)
        numbering_part = posixpath.join(posixpath.dirname(main), "numbering.xml")
        tag = root.tag
        namespace = tag[1 : tag.find("}")] if isinstance(tag, str) and tag.startswith("{") else W[0]
        styles_part = posixpath.join(posixpath.dirname(main), "styles.xml")
        numbering = Numbering(package.xml(numbering_part), package.xml(styles_part))
        body = find_child(root, "body")
        if body is None:
            msg = f"{name}: the Word document has no body"
            raise DocumentError(msg)
        reader = _Reader(numbering, namespace, body)
        return RawDocument(blocks=tuple(reader.blocks(body)), format=self.name)
