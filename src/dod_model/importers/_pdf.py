"""PDF with a text layer (``format="pdf"``): ruled tables and the paragraphs around them.

Read with pdfplumber (the optional extra ``pdf``), page by page: the tables found from their
ruling lines (:mod:`._pdf_grid`), the glyphs of the page given to the cell they stand in or, outside
any table, made into lines and paragraphs (:mod:`._pdf_text`). Each page's piece of a table is
a table of its own; the layout joins pieces of one grid, drops the header repeated at the top of
each page and joins a row a page break split. A line outside tables that is only a page number,
at the top or the bottom of its page, is a page header or footer and is left out.

Before pdfminer parses the document its page objects are counted in its bytes, and before
any page is read its page tree is counted (:data:`~dod_model._base.budgets.PDF_PAGES`);
metadata (the XMP packet) is never parsed. A PDF encrypted with an empty user
password (as many published orders are, to forbid editing) reads; one that needs a password is
refused, and so is a scan without text. Whatever pdfminer raises on a damaged file is a
:class:`DocumentError`, and what it logs while reading is kept from the user's logs.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import logging
import re
import threading
from collections.abc import Iterator
from typing import Any

import attrs

from dod_model._base import budgets
from dod_model._contracts import RawDocument, RawParagraph, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._pdf_bytes import check_bytes
from dod_model.importers._pdf_grid import Box, Piece, snap, tables_of
from dod_model.importers._pdf_text import (
    Char,
    Line,
    leading,
    lines_of,
    paragraphs_of,
    space_width,
    words,
)

__all__ = ["PdfImporter"]

# A page header or footer: a page number alone («3», «- 3 -», «Страница 3 из 20», «3/20»).
_PAGE_NUMBER = re.compile(
    r"(?:стр(?:\.|аница)?+\s*+)?+[-–—\s]*+\d{1,5}+[-–—\s]*+(?:(?:из|/)\s*+\d{1,5}+)?+",
    re.IGNORECASE,
)


class _ThisThread(logging.Filter):
    """Drops the records the reading thread logs; other threads' records pass."""

    def __init__(self) -> None:
        super().__init__()
        self._thread = threading.get_ident()

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread != self._thread


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Pdfminer's and pdfplumber's log records of this thread dropped while it reads."""
    quiet = _ThisThread()
    loggers = [
        logging.getLogger(name)
        for name in list(logging.root.manager.loggerDict)
        if name.split(".")[0] in ("pdfminer", "pdfplumber")
    ]
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)


def _library(name: str) -> Any:
    """The pdfplumber module, or a :class:`DocumentError` saying how to install it."""
    try:
        import pdfplumber  # noqa: PLC0415 - an optional extra, imported when a PDF is read
    except ImportError:
        msg = f"{name}: reading PDF needs pdfplumber: pip install 'dod-model[pdf]'"
        raise DocumentError(msg) from None
    return pdfplumber


def _page_count(document: Any, name: str) -> None:
    """Refuse a document whose page tree says it holds more pages than the budget."""
    from pdfminer.pdftypes import resolve1  # noqa: PLC0415 - with the optional extra

    pages = resolve1(document.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    if isinstance(count, int) and count > budgets.PDF_PAGES:
        msg = (f"{name}: a PDF of {count:,} pages, more than the {budgets.PDF_PAGES:,} a "
               "roadmap may have; refused")  # fmt: skip
        raise DocumentError(msg)


def _pages(pdf: Any, name: str) -> Iterator[Any]:
    """The pages of an open PDF, made one by one, within the page budget."""
    from pdfminer.pdfpage import PDFPage  # noqa: PLC0415 - with the optional extra
    from pdfplumber.page import Page  # noqa: PLC0415 - with the optional extra

    _page_count(pdf.doc, name)
    top = 0.0
    for number, page in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        if number > budgets.PDF_PAGES:
            msg = f"{name}: a PDF of more than {budgets.PDF_PAGES:,} pages; refused"
            raise DocumentError(msg)
        made = Page(pdf, page, page_number=number, initial_doctop=top)
        top += made.height
        yield made


def _grid(boxes: list[Box]) -> tuple[list[float], list[float], dict[tuple[int, int], int]]:
    """The x- and y-edges of a table's cells, and the cell in each band between them."""
    xs = sorted({round(v, 1) for b in boxes for v in (b[0], b[2])})
    ys = sorted({round(v, 1) for b in boxes for v in (b[1], b[3])})
    bands: dict[tuple[int, int], int] = {}
    for index, (x0, top, x1, bottom) in enumerate(boxes):
        for i in range(bisect.bisect_left(xs, round(x0, 1)), bisect.bisect_left(xs, round(x1, 1))):
            for j in range(
                bisect.bisect_left(ys, round(top, 1)), bisect.bisect_left(ys, round(bottom, 1))
            ):
                bands.setdefault((i, j), index)
    return xs, ys, bands


@attrs.define
class _Run:
    """Lines outside tables, one after another on a page, with what its page tells of them."""

    lines: list[Line]
    spacing: float
    space: float | None


def _page_blocks(page: Any) -> list[Piece | _Run]:
    """The tables and runs of lines outside them on one page, top to bottom."""
    found = [t for t in page.find_tables() if t.cells]
    grids = [_grid([tuple(c) for c in t.cells]) for t in found]
    boxes = [t.bbox for t in found]
    in_cells: list[list[list[Char]]] = [[[] for _ in t.cells] for t in found]
    outside: list[Char] = []
    for char in page.chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        for index, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= x <= x1 and top <= y <= bottom:
                xs, ys, bands = grids[index]
                cell = bands.get((bisect.bisect(xs, x) - 1, bisect.bisect(ys, y) - 1))
                if cell is not None:
                    in_cells[index][cell].append(char)
                break
        else:
            outside.append(char)
    cell_lines = [[lines_of(chars) for chars in cells] for cells in in_cells]
    lines = _without_page_numbers(lines_of(outside))
    spacing = leading([line for cells in cell_lines for lines_ in cells for line in lines_]
                      or lines)  # fmt: skip
    space = space_width(page.chars)
    items: list[tuple[float, Piece | _Run]] = [
        (t.bbox[1], Piece(page.page_number, tuple(t.bbox), [tuple(c) for c in t.cells],
                          cells, spacing, space))
        for t, cells in zip(found, cell_lines, strict=True)
    ]  # fmt: skip
    tops = sorted(top for top, _ in items)
    runs: dict[int, list[Line]] = {}
    for line in lines:
        runs.setdefault(bisect.bisect(tops, line.top), []).append(line)
    items += [(run[0].top, _Run(run, spacing, space)) for run in runs.values()]
    items.sort(key=lambda item: item[0])
    return [item for _, item in items]


def _without_page_numbers(lines: list[Line]) -> list[Line]:
    """The lines outside tables but a page number alone at the top or bottom of the page."""
    while lines and _PAGE_NUMBER.fullmatch(lines[0].text.strip()):
        lines = lines[1:]
    while lines and _PAGE_NUMBER.fullmatch(lines[-1].text.strip()):
        lines = lines[:-1]
    return lines


def _paragraphs(run: _Run, line: int, known: frozenset[str]) -> tuple[list[RawParagraph], int]:
    """The paragraphs of a run of lines outside tables, numbered as lines from ``line``.

    A gap of an empty paragraph between two parts them as a blank line parts a text export's.
    """
    right = max(item.x1 for item in run.lines)
    out: list[RawParagraph] = []
    previous: Line | None = None
    for text, lines in paragraphs_of(run.lines, right, run.spacing, space=run.space, known=known):
        first = lines[0]
        if previous is not None and first.top - previous.bottom > run.spacing + 1.5 * first.size:
            line += 1
        out.append(RawParagraph(text=text, line=line))
        line += 1
        previous = lines[-1]
    return out, line


def _edges(piece: Piece) -> list[float]:
    edges: list[float] = []
    snap([x for box in piece.cells for x in (box[0], box[2])], edges)
    return edges


def _goes_on(piece: Piece, before: Piece | _Run | None) -> bool:
    """Whether ``piece`` goes on with the table just ``before`` it, cut by a page break.

    It does if nothing stands between them, it begins its page after the other's, and its
    column edges are the other's, within a border's width (a signature table below the
    roadmap's, on a page of its own, has edges of its own).
    """
    if not (isinstance(before, Piece) and before.page < piece.page):
        return False
    known = _edges(before)
    return all(abs(known[min(bisect.bisect_left(known, x), len(known) - 1)] - x) <= 2.0
               or abs(known[max(bisect.bisect_left(known, x) - 1, 0)] - x) <= 2.0
               for x in _edges(piece))  # fmt: skip


def _blocks(pdf: Any, name: str) -> list[RawParagraph | RawTable]:
    """The paragraphs and tables of an open PDF, in reading order."""
    placed: list[Piece | _Run] = []
    text = images = False
    for page in _pages(pdf, name):
        images = images or bool(page.images)
        for item in _page_blocks(page):
            text = True
            if isinstance(item, Piece):
                before = placed[-1] if placed else None
                item.family = before.family if _goes_on(item, before) else len(placed)  # type: ignore[union-attr]
            placed.append(item)
        page.close()
    if not text:
        found = "only images: a scan without text" if images else "no text on any page"
        msg = f"{name}: a PDF without a text layer ({found}); run OCR on it first, e.g. ocrmypdf"
        raise DocumentError(msg)
    known = words(
        lines
        for item in placed
        for lines in ([item.lines] if isinstance(item, _Run) else item.lines)
    )
    tables = iter(tables_of([p for p in placed if isinstance(p, Piece)], name, known))
    blocks: list[RawParagraph | RawTable] = []
    line = 1
    for item in placed:
        if isinstance(item, Piece):
            blocks.append(next(tables))
            line += 2  # a table parts the text before it from the text after it
        else:
            paragraphs, line = _paragraphs(item, line, known)
            blocks += paragraphs
    return blocks


def _cause(exc: BaseException) -> str:
    """The name of what pdfminer raised, looking through pdfplumber's wrapper."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    return type(inner).__name__


class PdfImporter:
    """PDF with a text layer (``format="pdf"``): ruled tables, paragraphs around them.

    Needs pdfplumber: ``pip install 'dod-model[pdf]'``.

    .. versionadded:: 0.3.0
    """

    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        """Whether ``%PDF-`` stands within the first KiB, where readers look for it."""
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The paragraphs and tables of a PDF's pages, in reading order.

        Raises:
            DocumentError: pdfplumber is not installed, or the PDF is damaged, needs a
                password, holds no text (a scan) or more pages than a roadmap may have.
        """
        plumber = _library(name)
        check_bytes(data, name)
        with _quiet():
            try:
                pdf = plumber.open(io.BytesIO(data))
                try:
                    return RawDocument(blocks=tuple(_blocks(pdf, name)), format=self.name)
                finally:  # not pdf.close(): it makes every page of the document to close it
                    pdf.stream.close()
            except DocumentError:
                raise
            except (RecursionError, MemoryError) as exc:
                msg = f"{name}: a PDF too deeply nested or too large to read ({_cause(exc)})"
                raise DocumentError(msg) from None
            except Exception as exc:
                cause = _cause(exc)
                if cause in ("PDFPasswordIncorrect", "PDFEncryptionError"):
                    msg = (f"{name}: password-protected PDF: it opens only with its password; "
                           "save a copy without one and read that")  # fmt: skip
                else:
                    msg = f"{name}: a damaged PDF that cannot be read ({cause})"
                raise DocumentError(msg) from None
