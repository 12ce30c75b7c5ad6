"""Excel 97 workbooks (``.xls``), read by python-calamine (the optional extra ``xls``).

calamine (Rust, MIT) reads the binary format; before it is given the file, the compound file's
``Workbook`` stream is found and its records walked here (:func:`sheet_grids`), so that what
calamine will build is known first: it builds each sheet as a dense grid from its first to its
last cell, and a 6 KB file with a cell at A1 and one at IV65536 would cost a gigabyte. A
workbook whose sheets' grids (or the grids their ``DIMENSIONS`` records claim) are over
``SHEET_CELLS`` together, hidden sheets counted (calamine builds them all as it opens the
file), is refused before calamine reads it, and so is a workbook protected by a password (a
``FILEPASS`` record).

calamine gives typed values, not the texts the sheet shows: the number formats are lost but
for telling dates, so dates show as ``dd.mm.yyyy`` and numbers as ``General`` does
(:func:`._shown.shown_value`).

.. versionadded:: 0.3.0
"""

from __future__ import annotations

import io
import struct
from typing import Any

from dod_model._base import budgets
from dod_model._contracts import RawDocument
from dod_model._errors import DocumentError
from dod_model.importers._compound import MAGIC, ROOT, STREAM, Compound, stored_name
from dod_model.importers._grid import Merge
from dod_model.importers._shown import shown_value
from dod_model.importers._xlsx import workbook_blocks

__all__ = ["XlsImporter", "sheet_grids"]

_STREAMS = ("Workbook", "Book")  # BIFF8 (Excel 97 to 2003), BIFF5 (Excel 5 and 95)
_NAMES = tuple(stored_name(name) for name in _STREAMS)
_WORD = "WordDocument".encode("utf-16-le")

# BIFF records: the start of a substream, a password, a sheet, and the cells' bounds.
_BOF, _FILEPASS, _BOUNDSHEET, _DIMENSIONS = 0x0809, 0x002F, 0x0085, 0x0200
# FORMULA, LABELSST, NUMBER, RK, BOOLERR, LABEL, BLANK, RSTRING: a row and a column first.
_CELLS = frozenset({0x0006, 0x00FD, 0x0203, 0x027E, 0x0205, 0x0204, 0x0201, 0x00D6})
_SPANS = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: a row, a first and a last column


def _damaged(name: str, what: str) -> DocumentError:
    return DocumentError(
        f"{name}: not a readable Excel 97 workbook ({what}); is it cut short or damaged? Open "
        "it in Excel or LibreOffice Calc and save it again, or as .xlsx"
    )


def _stream(data: bytes, name: str) -> bytes:
    """The ``Workbook`` (or ``Book``) stream of a compound file, read within its size.

    Raises:
        DocumentError: It is no compound file, is damaged, or holds no workbook stream.
    """
    compound = Compound(data, lambda what: _damaged(name, what))
    entries = compound.entries()
    root = entries[0] if entries and entries[0].kind == ROOT else None
    for entry in entries:
        if entry.kind == STREAM and entry.name in _STREAMS:
            return compound.stream(entry, root)
    raise DocumentError(
        f"{name}: a compound file (the format of Excel 97 and Word 97) without a workbook in "
        "it: is it a Word 97 .doc? Read it with format='doc', or save it as .xlsx or .docx"
    )


def sheet_grids(stream: bytes, name: str) -> list[tuple[int, int, int]]:
    """Of each sheet the workbook lists: its visibility, type and the cells of its grid.

    Visibility 0 is visible, type 0 a worksheet; the grid is the one calamine builds for it,
    from its first cell to its last, or as large as its ``DIMENSIONS`` record says, if larger.

    Raises:
        DocumentError: The workbook is protected by a password.
    """
    sheets: list[tuple[int, int, int]] = []  # stream offset, visibility, type
    bounds: dict[int, list[int]] = {}  # substream → top, bottom, left, right, claimed cells
    current: list[int] | None = None
    position = 0
    while position + 4 <= len(stream):
        record, size = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + size]
        if record == _BOF:
            current = bounds.setdefault(position, [1 << 32, -1, 1 << 32, -1, 0])
        elif record == _FILEPASS:
            msg = (
                f"{name}: the workbook is password-protected (encrypted); open it in Excel or "
                "LibreOffice Calc and save it without a password"
            )
            raise DocumentError(msg)
        elif record == _BOUNDSHEET and len(body) >= 6:
            sheets.append((struct.unpack_from("<L", body)[0], body[4] & 3, body[5]))
        elif current is not None and record == _DIMENSIONS and len(body) >= 10:
            if size >= 14:
                top, bottom, left, right = struct.unpack_from("<LLHH", body)
            else:
                top, bottom, left, right = struct.unpack_from("<HHHH", body)
            current[4] = max(current[4], max(bottom - top, 0) * max(right - left, 0))
        elif current is not None and record in _CELLS and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            _widen(current, row, column, column)
        elif current is not None and record in _SPANS and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            (last,) = struct.unpack_from("<H", body, len(body) - 2)
            _widen(current, row, first, last)
        position += 4 + size
    return [(visible, kind, _cells(bounds.get(offset))) for offset, visible, kind in sheets]


def _widen(bound: list[int], row: int, first: int, last: int) -> None:
    bound[0], bound[1] = min(bound[0], row), max(bound[1], row)
    bound[2], bound[3] = min(bound[2], first), max(bound[3], last)


def _cells(bound: list[int] | None) -> int:
    if bound is None:
        return 0
    top, bottom, left, right, claimed = bound
    built = (bottom - top + 1) * (right - left + 1) if bottom >= 0 else 0
    return max(built, claimed)


def _calamine(name: str) -> Any:
    try:
        import python_calamine  # noqa: PLC0415 - an optional extra, loaded when needed
    except ImportError:
        msg = (
            f"{name}: reading .xls needs python-calamine: pip install 'dod-model[xls]' — or "
            "save the workbook as .xlsx"
        )
        raise DocumentError(msg) from None
    return python_calamine


def _sheet_texts(sheet: Any) -> tuple[dict[tuple[int, int], str], list[Merge]]:
    """A calamine sheet's shown texts by (row, column) from 1, and its merged ranges."""
    texts: dict[tuple[int, int], str] = {}
    start = sheet.start
    if start is None:
        return texts, []
    top, left = start[0] + 1, start[1] + 1
    for offset, values in enumerate(sheet.iter_rows()):
        for column, value in enumerate(values, left):
            if value != "" and value is not None:
                text = shown_value(value)
                if text:
                    texts[top + offset, column] = text
    merges = [Merge(a + 1, b + 1, c + 1, d + 1)
              for (a, b), (c, d) in sheet.merged_cell_ranges or ()]  # fmt: skip
    return texts, merges


class XlsImporter:
    """Excel 97 workbooks (``.xls``, ``.xlt``), read by python-calamine.

    Needs the optional extra ``xls`` (``pip install 'dod-model[xls]'``). Merged ranges are
    cells spanning their columns and continued down their rows; hidden sheets are not read.
    Dates show as ``dd.mm.yyyy`` and numbers as the ``General`` format shows them, whatever
    their format in the workbook (calamine does not give the formats). See
    :doc:`/formats/spreadsheets`.

    .. versionadded:: 0.3.0
    """

    name = "xls"
    suffixes = (".xls", ".xlt")

    def sniff(self, head: bytes) -> bool:
        """Whether ``head`` begins a compound file that holds a workbook, or may hold one.

        A compound file whose directory stands beyond ``head`` (LibreOffice writes it last)
        may be a Word 97 file as well: :meth:`read` tells them apart, and refuses one without
        a workbook.
        """
        if not head.startswith(MAGIC):
            return False
        if any(stream in head for stream in _NAMES):
            return True
        if _WORD in head or len(head) < 512:
            return False
        shift = struct.unpack_from("<H", head, 0x1E)[0]
        (first,) = struct.unpack_from("<L", head, 0x30)
        return shift not in (9, 12) or ((first + 2) << shift) > len(head)

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The paragraphs and tables of every visible worksheet, each marked with its sheet.

        Raises:
            DocumentError: python-calamine is not installed; the file is no workbook, is
                damaged, password-protected, or over a budget.
        """
        grids = sheet_grids(_stream(data, name), name)
        # calamine builds every sheet's grid when it opens the file, hidden ones too.
        spent = sum(cells for _, _, cells in grids)
        if spent > budgets.SHEET_CELLS:
            largest = max(range(len(grids)), key=lambda i: grids[i][2])
            raise DocumentError(
                f"{name}: its sheets make grids of {spent:,} cells from their first cells to "
                f"their last (sheet {largest + 1}: {grids[largest][2]:,}), past the "
                f"{budgets.SHEET_CELLS:,} a workbook's sheets may make; delete what stands far "
                "below or to the right of the roadmap, or save it as .xlsx"
            )
        calamine = _calamine(name)
        sheets = []
        try:
            book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            for index, meta in enumerate(book.sheets_metadata):
                if meta.visible != calamine.SheetVisibleEnum.Visible or (
                    meta.typ != calamine.SheetTypeEnum.WorkSheet
                ):
                    continue
                texts, merges = _sheet_texts(book.get_sheet_by_index(index))
                sheets.append((str(meta.name), texts, merges))
        except DocumentError:
            raise
        except Exception as exc:  # calamine's errors, and a panic of its Rust code
            raise _translated(name, exc) from None
        except BaseException as exc:
            if type(exc).__name__ != "PanicException":
                raise
            raise _translated(name, exc) from None
        return RawDocument(blocks=tuple(workbook_blocks(sheets, name)))


def _translated(name: str, exc: BaseException) -> DocumentError:
    if type(exc).__name__ == "PasswordError":
        return DocumentError(
            f"{name}: the workbook is password-protected; open it in Excel or LibreOffice Calc "
            "and save it without a password"
        )
    return _damaged(name, f"{type(exc).__name__}: {str(exc)[:200]}")
