"""The blocks of a parsed HTML page: paragraphs as a browser lays them out, tables on a grid.

What a reader does not see is left out before the walk (:func:`prune`): scripts, styles, the
head, forms, navigation, banners and footers (``<nav>``, ``<aside>``, ``<menu>``,
``<footer>``, a ``<header>`` of the page rather than of an article or section, and what
``role`` marks as such), hidden elements (``hidden``, ``display:none``,
``visibility:hidden``, Word's ``mso-hide:all``) and LibreOffice's page-number fields. Of a
page with ``<main>`` (or ``role="main"``) or ``<article>``, only that is read, unless the
table is elsewhere.

Text is laid out as a browser does: runs of blanks are one space, blocks (``<p>``, ``<div>``,
``<li>``, headings …) and ``<br>`` begin lines, a no-break space is a space (as the Word
importer reads it) and soft hyphens are dropped. A list item begins with its number as shown:
an ``<ol>``'s number, or the marker of a Word "Save as HTML" list (``mso-list:Ignore``) with
one space after it, as the Word importer puts auto-numbers before the text; bullets are left
out, as the Word importer leaves them.

Tables are put on a grid (``colspan``, ``rowspan``, ``rowspan="0"``): a cell covered by a
``rowspan`` from above is a merged cell holding the text above, rows of ``<thead>`` are header
rows, and ``<tfoot>`` goes last. A table nested in a cell is read as its rows, one line each,
as the Word importer reads one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from dod_model._base import budgets
from dod_model._contracts import RawCell, RawParagraph, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._word_numbering import format_number

__all__ = ["page_blocks", "prune"]

_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
     "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
     "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
     "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary",
     "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp"}
)  # fmt: skip
# Blocks that are a paragraph of their own: one without text parts the text around it, as an
# empty paragraph does in a Word file.
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "center"})

# What no reader sees, or what is the site's and not the document's.
_UNSEEN = ("script", "style", "head", "title", "noscript", "template", "iframe", "object",
           "embed", "svg", "math", "select", "button", "textarea", "nav", "aside", "form",
           "menu", "dialog", "footer")  # fmt: skip
_LEFT_OUT = frozenset((*_UNSEEN, "header", "sdfield"))
_SITE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
_SECTIONING = frozenset({"article", "main", "section"})
_HIDDEN = re.compile(r"display\s*+:\s*+none|visibility\s*+:\s*+hidden|mso-hide\s*+:\s*+all",
                     re.IGNORECASE)  # fmt: skip
_LIST_MARKER = re.compile(r"mso-list\s*+:\s*+ignore", re.IGNORECASE)

_BLANKS = re.compile(r"[ \t\n\r\f]++")
# Characters no text holds: C0 and C1 controls, noncharacters. A no-break space is a space and
# a soft hyphen nothing, as the Word importer reads them.
_SHOWN: dict[int, str | None] = {
    **dict.fromkeys((*range(0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF, *range(0xFDD0, 0xFDF0))),
    0xA0: " ",
    0xAD: None,
}
_ORDERED_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
                  "I": "upperRoman"}  # fmt: skip
_MAX_SPAN = 1000  # the most columns a colspan may cover, as browsers read it
_MAX_ROWSPAN = 65534  # and rows a rowspan, past which it is 1


def _detach(element: etree._Element) -> None:
    """Take ``element`` out of the tree, keeping the text after it in its place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _unseen(element: etree._Element) -> bool:
    """Whether an element the walk leaves out by its tag is left out (a page's header is)."""
    tag = element.tag
    if tag == "header":
        return not any(a.tag in _SECTIONING for a in element.iterancestors())
    if tag == "sdfield":
        return (element.get("type") or "").upper() == "PAGE"
    return True


def _hidden(element: etree._Element, style: str | None, markers: set[etree._Element]) -> bool:
    """Whether an element is hidden or the site's; Word's list markers kept in ``markers``."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if (element.get("role") or "").strip().lower() in _SITE_ROLES:
        return True
    if style is None:
        return False
    if _HIDDEN.search(style):
        return True
    if "mso-list" in style and _LIST_MARKER.search(style):
        markers.add(element)
    return False


def _outermost(elements: list[etree._Element], tag: str) -> list[etree._Element]:
    return [e for e in elements if not any(a.tag == tag for a in e.iterancestors())]


def prune(root: etree._Element, markup: bytes) -> tuple[list[etree._Element], set[etree._Element]]:
    """Leave out of ``root`` what is not read; the elements to read, and the list markers.

    ``markup`` is the page's text in UTF-8: attributes it never names are not looked for, so
    that a page without them costs one pass over the elements it leaves out by their tags.
    The words are looked for in its ASCII letters lowered, as in the text lowered: of the
    other characters, only ``İ`` and the Kelvin sign lower to ASCII letters (``i̇`` and
    ``k``), which make none of the words.

    Returns:
        The content to read (``main``, the articles, or the whole page), and the Word list
        markers (``mso-list:Ignore`` spans) in it.
    """
    lower = markup.lower()
    doomed = [e for e in root.iter(*_LEFT_OUT) if _unseen(e)]
    markers: set[etree._Element] = set()
    mains = list(root.iter("main"))
    articles = list(root.iter("article"))
    roles, hidden = b"role" in lower, b"hidden" in lower
    styles = any(word in lower for word in (b"display", b"visibility", b"mso-hide", b"mso-list"))
    if roles or hidden or styles:
        for element in root.iter(etree.Element):
            if roles and element.get("role") == "main":
                mains.append(element)
            style = element.get("style") if styles else None
            if (roles or hidden or style is not None) and _hidden(element, style, markers):
                doomed.append(element)
    for element in doomed:
        _detach(element)
    for found in (_outermost(mains, "main"), _outermost(articles, "article")):
        content = [e for e in found if _in_tree(e, root)]
        if any(next(e.iter("table"), None) is not None for e in content):
            return content, markers
    return [root], markers


def _in_tree(element: etree._Element, root: etree._Element) -> bool:
    """Whether ``element`` is still in the tree of ``root`` (not left out with an ancestor)."""
    top = element
    while (parent := top.getparent()) is not None:
        top = parent
    return top is root


def _number(value: str | None, default: int, low: int, high: int) -> int:
    """A whole number an attribute holds, if one from ``low`` to ``high``; else ``default``."""
    text = (value or "").strip()
    if not text.isdecimal() or len(text) > 10:
        return default
    number = int(text)
    return number if low <= number <= high else default


def _span(value: str | None, high: int) -> int:
    """A ``colspan`` or ``rowspan`` as browsers read it: its leading digits, at most ``high``.

    1 when it has none; 0 is kept (a rowspan of 0 goes on to the end of its group).
    """
    if value is None:
        return 1
    text = value.strip()
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits == 0:
        return 1
    return min(int(text[: min(digits, 10)]), high)


def _line(parts: list[str]) -> str:
    """A line's text as shown, from the pieces of text it is made of."""
    line = _BLANKS.sub(" ", "".join(parts)).strip(" ")
    # What ``_SHOWN`` changes is none of it printable: a printable line is shown as it is.
    return line if line.isprintable() else line.translate(_SHOWN)


def _too_long(what: str, length: int) -> DocumentError:
    return DocumentError(
        f"{what} holds {length:,} characters, more than the {budgets.TEXT_CHARS:,} a cell or "
        "paragraph may have; is it a roadmap?"
    )


class _Layout:
    """Text of a subtree laid out in lines and blocks, as a browser shows it."""

    def __init__(self) -> None:
        self.blocks: list[str] = []  # texts of the blocks ended
        self.empty: list[int] = []  # for each, how many empty paragraphs came before it
        self.lines: list[str] = []  # lines of the block going on
        self.parts: list[str] = []  # pieces of the line going on
        self.marker = ""  # a list item's number, put before its first text
        self.gap = 0  # empty paragraphs since the last block

    def text(self, piece: str | None) -> None:
        if piece:
            if self.marker and piece.strip(" \t\n\r\f\xa0"):
                self.parts.append(f" {self.marker} ")
                self.marker = ""
            self.parts.append(piece)

    def line_break(self) -> None:
        self.lines.append(_line(self.parts))
        self.parts = []

    def end_block(self, *, paragraph: bool = False, numbered: bool = False) -> None:
        """The block going on ends (``paragraph``: a paragraph of its own).

        When it ends for good (``numbered``, not because a block begins inside it), a list
        number with no text after it stands alone.
        """
        if numbered and self.marker:
            self.parts.append(self.marker)
            self.marker = ""
        if self.parts:
            self.line_break()
        text = "\n".join(self.lines).strip("\n ") if self.lines else ""
        self.lines = []
        if text:
            if len(text) > budgets.TEXT_CHARS:
                raise _too_long("a block of the page", len(text))
            self.blocks.append(text)
            self.empty.append(self.gap)
            self.gap = 0
        elif paragraph:
            self.gap += 1

    def take(self) -> tuple[list[str], list[int]]:
        """The blocks ended so far, each with the empty paragraphs before it; then none."""
        self.end_block()
        blocks, empty = self.blocks, self.empty
        self.blocks, self.empty = [], []
        return blocks, empty


# What the pieces of a cell's text are joined with, to be laid out in one pass: characters of
# private use, which no page is expected to hold (a cell that does is read by the walk).
_LINE_BREAK = "\ue000"
_PARAGRAPH = "\ue001"


def _paragraphs(cell: etree._Element) -> str | None:
    """The text of a cell of paragraphs of text and line breaks only, as the walk gives it.

    ``None`` for any other cell. LibreOffice and Word write most cells so; they are read
    without the walk: the cell's pieces of text joined with a line-break and a paragraph
    mark, laid out at once (blanks, what is shown otherwise), then split at the marks.
    """
    if cell.text and not cell.text.isspace():
        return None
    pieces: list[str] = []
    for paragraph in cell:
        if paragraph.tag not in ("p", "div") or (paragraph.tail and not paragraph.tail.isspace()):
            return None
        if pieces:
            pieces.append(_PARAGRAPH)
        pieces.append(paragraph.text or "")
        for child in paragraph:
            if child.tag != "br":
                return None
            pieces.append(_LINE_BREAK)
            pieces.append(child.tail or "")
    joined = "".join(pieces)
    marks = joined.count(_LINE_BREAK) + joined.count(_PARAGRAPH)
    if marks != len(pieces) // 2:  # the text holds a mark itself
        return None
    # Each piece's blanks and ends as ``_line`` lays them out: a blank before or after a mark
    # is one at an end of a piece (a run of blanks is one blank by then).
    text = _BLANKS.sub(" ", joined)
    if " " in text:
        text = text.replace(" " + _LINE_BREAK, _LINE_BREAK).replace(_LINE_BREAK + " ", _LINE_BREAK)
        text = text.replace(" " + _PARAGRAPH, _PARAGRAPH).replace(_PARAGRAPH + " ", _PARAGRAPH)
        text = text.strip(" ")
    if not text.replace(_LINE_BREAK, "").replace(_PARAGRAPH, "").isprintable():
        text = text.translate(_SHOWN)  # the marks are not in the table: kept
    if _PARAGRAPH not in text:
        return text.replace(_LINE_BREAK, "\n").strip("\n ")
    blocks = (block.replace(_LINE_BREAK, "\n").strip("\n ") for block in text.split(_PARAGRAPH))
    return "\n".join(block for block in blocks if block)


class _Lists:
    """The numbers of the ordered lists open in a walk, and what blocks do to the layout."""

    def __init__(self) -> None:
        self.open: list[tuple[etree._Element, str, list[int]]] = []  # list, format, next number

    def start(self, node: etree._Element, layout: _Layout) -> None:
        """A block begins: a line, and an item of an ordered list with its number."""
        layout.end_block()
        tag = node.tag
        if tag == "ol":
            start = _number(node.get("start"), 1, 0, budgets.LIST_START_MAX)
            kind = _ORDERED_TYPES.get(node.get("type") or "1", "decimal")
            self.open.append((node, kind, [start]))
        elif tag == "li" and self.open and node.getparent() is self.open[-1][0]:
            _, kind, counter = self.open[-1]
            counter[0] = _number(node.get("value"), counter[0], 0, budgets.LIST_START_MAX)
            layout.marker = f"{format_number(counter[0], kind)}."
            counter[0] += 1

    def end(self, node: etree._Element, layout: _Layout) -> None:
        """A block ends; a list number with no text after it stands alone."""
        tag = node.tag
        layout.end_block(paragraph=tag in _PARAGRAPHS, numbered=True)
        if tag == "ol" and self.open and self.open[-1][0] is node:
            self.open.pop()


class _Reader:
    """The walk of a pruned page."""

    def __init__(self, markers: set[etree._Element], name: str) -> None:
        self.markers = markers
        self.name = name
        self.cells = 0  # cells put on grids, merged ones too

    def walk(self, element: etree._Element, layout: _Layout, *, top: bool) -> Iterator[RawTable]:
        """Lay ``element``'s text out in ``layout``; each table met, if ``top``, given back.

        Inside a cell (not ``top``) a table is read as its rows, a line each.
        """
        lists = _Lists()
        walker = etree.iterwalk(element, events=("start", "end"))
        for event, node in walker:
            tag = node.tag
            if event == "end":
                if tag in _BLOCKS:
                    lists.end(node, layout)
                if node is not element:
                    layout.text(node.tail)
            elif tag == "table":
                walker.skip_subtree()
                layout.end_block()
                table = self.table(node)
                if top:
                    yield table
                else:
                    for row in table.rows:
                        layout.text(" ".join(t for t in row.texts if t.strip()))
                        layout.end_block()
            elif node in self.markers:
                walker.skip_subtree()
                shown = _BLANKS.sub("", "".join(node.itertext()).translate(_SHOWN))
                layout.marker = shown if any(c.isalnum() for c in shown) else ""
            else:
                if tag in _BLOCKS:
                    lists.start(node, layout)
                elif tag == "br":
                    layout.line_break()
                layout.text(node.text)

    def cell_text(self, cell: etree._Element) -> str:
        """A cell's text: its blocks' lines, one under the other."""
        if len(cell) == 0:  # text alone: the most common cell
            return _line([cell.text]) if cell.text else ""
        simple = _paragraphs(cell)
        if simple is not None:
            return simple
        layout = _Layout()
        for _ in self.walk(cell, layout, top=False):  # pragma: no cover - no table is given
            pass
        return "\n".join(layout.take()[0])

    def _groups(self, table: etree._Element) -> list[tuple[bool, list[etree._Element]]]:
        """The table's row groups in the order shown: each, whether header, and its rows."""
        groups: list[tuple[bool, list[etree._Element]]] = []
        feet: list[tuple[bool, list[etree._Element]]] = []
        loose: list[etree._Element] = []
        for child in table:
            tag = child.tag
            if tag == "tr":
                loose.append(child)
                continue
            if loose:
                groups.append((False, loose))
                loose = []
            if tag in ("thead", "tbody", "tfoot"):
                rows = [row for row in child if row.tag == "tr"]
                (feet if tag == "tfoot" else groups).append((tag == "thead", rows))
        if loose:
            groups.append((False, loose))
        return groups + feet

    def table(self, table: etree._Element) -> RawTable:
        """A table on its grid; a cell covered by a rowspan merged, with the text above."""
        rows: list[RawRow] = []
        width = 0
        for header, group in self._groups(table):
            # A rowspan going on, by its first column: rows still to cover, and its cell.
            spans: dict[int, tuple[int, RawCell]] = {}
            for index, row in enumerate(group):
                cells, headings = self._row(row, spans, len(group) - index - 1)
                if cells:
                    last = cells[-1]
                    width = max(width, last.column + last.span - 1)
                    rows.append(RawRow(cells=tuple(cells), header=header or headings))
        return RawTable(rows=tuple(rows), columns=width)

    def _row(self, row: etree._Element, spans: dict[int, tuple[int, RawCell]],
             below: int) -> tuple[list[RawCell], bool]:  # fmt: skip
        """A row's cells on the grid, left to right; and whether its own are all ``<th>``.

        The cells rowspans above cover are among them, merged.

        ``spans`` holds the rowspans going on, by their first column: the rows below they still
        cover, and the merged cell they give each; ``below`` is how many rows of its group
        follow the row (where a rowspan of 0 ends).
        """
        cells: list[RawCell] = []
        covered = {start: merged for start, (_, merged) in spans.items()} if spans else {}
        column = 1
        headings = True
        for cell in row:
            tag = cell.tag
            if tag == "td":
                headings = False
            elif tag != "th":
                continue
            while column in covered:
                column += covered[column].span
            value = cell.get("colspan")
            span = 1 if value is None else _span(value, _MAX_SPAN) or 1
            value = cell.get("rowspan")
            down = 0  # the rows below the cell covers
            if value is not None:
                down = _span(value, _MAX_ROWSPAN)
                down = below if down == 0 else min(down - 1, below)
            if column + span - 1 > budgets.ROW_CELLS or len(cells) >= budgets.ROW_CELLS:
                raise self._too_wide()
            placed = RawCell(self.cell_text(cell), column, span)
            cells.append(placed)
            if down > 0:
                spans[column] = (down, RawCell(placed.text, column, span, merged=True))
            column += span
        for start, merged in covered.items():
            cells.append(merged)
            rows = spans[start][0]
            if rows <= 1:
                del spans[start]
            else:
                spans[start] = (rows - 1, merged)
        self.cells += len(cells)
        if self.cells > budgets.XML_NODES:
            msg = (
                f"{self.name}: the page's tables hold over {budgets.XML_NODES:,} cells on their "
                "grids (counting the ones rowspans cover); refused"
            )
            raise DocumentError(msg)
        if covered:
            cells.sort(key=lambda c: c.column)
        return cells, headings and len(cells) > len(covered)

    def _too_wide(self) -> DocumentError:
        limit = budgets.ROW_CELLS
        return DocumentError(
            f"{self.name}: a table row of more than {limit:,} cells or columns, more than a "
            "table row may have; refused"
        )


def page_blocks(root: etree._Element, markup: bytes, name: str) -> list[RawParagraph | RawTable]:
    """The paragraphs and tables of a page parsed from ``markup``, in order, with their places.

    Paragraphs are numbered as the Word importer numbers them (an empty paragraph counts
    twice, as it parts blocks of text; a table twice), so that text around a table groups
    into title, preamble and notes as a Word file's does.
    """
    contents, markers = prune(root, markup)
    reader = _Reader(markers, name)
    blocks: list[RawParagraph | RawTable] = []
    index = 0

    def flush(layout: _Layout) -> None:
        nonlocal index
        texts, empty = layout.take()
        for paragraph, gap in zip(texts, empty, strict=True):
            index += 1 + 2 * gap
            blocks.append(RawParagraph(text=paragraph, line=index))

    for content in contents:
        layout = _Layout()
        for table in reader.walk(content, layout, top=True):
            flush(layout)
            index += 2
            blocks.append(table)
        flush(layout)
    return blocks
