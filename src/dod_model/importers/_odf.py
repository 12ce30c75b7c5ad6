"""OpenDocument text (``.odt``) and spreadsheets (``.ods``), read natively from their XML.

What LibreOffice, OpenOffice and other office programs save: a zip package whose first entry,
stored uncompressed, is ``mimetype`` (``application/vnd.oasis.opendocument.text`` or
``….spreadsheet``), and whose ``content.xml`` holds the body. The package is opened
defensively (:class:`dod_model._base.Package`, within the budgets); ``styles.xml`` is read only
when lists or headings need the styles that number them.

A text document's body is read in order: paragraphs and headings (:mod:`._odf_inline`), lists
with the labels LibreOffice shows (:mod:`._odf_lists`), sections and indexes read through, and
tables on their grid (:mod:`._odf_table`), a cell's paragraphs as its lines. A spreadsheet's
sheets are each a grid of the texts Calc shows («01.09.2020», not the date's value) and merged
ranges, laid out as a roadmap on a sheet is (:func:`._grid.sheet_blocks`).

.. versionadded:: 0.3.0
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from lxml import etree

from dod_model._base import ODF, ODS, Package, PackageKind
from dod_model._contracts import RawDocument, RawParagraph, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._grid import sheet_blocks
from dod_model.importers._odf_inline import OFFICE, TABLE, TEXT, paragraph_text
from dod_model.importers._odf_lists import ListCounter, Lists
from dod_model.importers._odf_table import Expansion, sheet_grid, text_table

__all__ = ["OdsImporter", "OdtImporter"]

_MIMETYPE = "application/vnd.oasis.opendocument."
_LOCAL = struct.Struct("<4s5H3L2H")  # signature … name length, extra length
_T, _O = f"{{{TEXT}}}", f"{{{OFFICE}}}"
_P, _H, _LIST, _TABLE = f"{_T}p", f"{_T}h", f"{_T}list", f"{{{TABLE}}}table"
_ITEM, _LIST_HEADER, _STYLE_NAME = f"{_T}list-item", f"{_T}list-header", f"{_T}style-name"
# Parts of a text body that hold no text of it: tracked changes (deleted text stands there),
# declarations, and the templates of indexes (``…-source``).
_NOT_TEXT = frozenset(
    f"{_T}{name}" for name in ("tracked-changes", "sequence-decls", "variable-decls",
                               "user-field-decls", "dde-connection-decls", "note",
                               "alphabetical-index-auto-mark-file", "soft-page-break")
)  # fmt: skip
_VALUES = ("string-value", "date-value", "time-value", "value", "boolean-value")


def _mimetype(head: bytes) -> str | None:
    """The media type the package's first entry, ``mimetype`` stored as it is, declares."""
    if len(head) < _LOCAL.size or not head.startswith(b"PK\x03\x04"):
        return None
    fields = _LOCAL.unpack_from(head)
    method, size, name_length, extra_length = fields[3], fields[7], fields[9], fields[10]
    start = _LOCAL.size + name_length + extra_length
    if method != 0 or head[_LOCAL.size : _LOCAL.size + name_length] != b"mimetype" or size > 100:
        return None
    try:
        return head[start : start + size].decode("ascii")
    except UnicodeDecodeError:
        return None


def _open(data: bytes, name: str, kind: PackageKind, wanted: str) -> (
    tuple[Package, etree._Element, etree._Element]
):  # fmt: skip
    """The package, its ``content.xml`` and the body of the ``wanted`` kind (``text``…).

    Raises:
        DocumentError: No package, no content, or a body of another kind.
    """
    package = Package(data, name, kind=kind)
    try:
        root = package.xml("content.xml")
        if root is None:
            raise package.refuse("a zip without content.xml; is it really an OpenDocument file?")
        body = root.find(f"{_O}body")
        content = None if body is None else body.find(f"{_O}{wanted}")
        if content is None:
            found = next((etree.QName(c).localname for c in (body if body is not None else ())
                          if isinstance(c.tag, str)), None)  # fmt: skip
            what = f"an OpenDocument {found}" if found else "an OpenDocument file without a body"
            other = {"text": "odt", "spreadsheet": "ods"}.get(found or "")
            hint = f" (read it with format={other!r})" if other else ""
            raise package.refuse(f"{what}, not {kind.main}{hint}")
    except BaseException:
        package.close()
        raise
    return package, root, content


class _TextReader:
    """The walk of a text body: paragraphs, lists, sections, tables, in document order.

    Paragraphs are counted as lines as the Word importer counts them (an empty one twice, a
    table twice, then its paragraphs), so that text around tables groups the same.
    """

    def __init__(self, lists: Lists, expansion: Expansion) -> None:
        self.lists = lists
        self.expansion = expansion
        self.index = 0

    def _flow(self, container: etree._Element) -> Iterator[tuple[etree._Element, str | None]]:
        """Each paragraph with its label, and each table (label ``None``), through containers."""
        for child in container:
            tag = child.tag
            if tag == _P:
                yield child, ""
            elif tag == _TABLE:
                yield child, None
            elif tag == _H:
                yield child, self.lists.heading(child)
            elif tag == _LIST:
                yield from self._list(child, None, 0, None)
            elif (isinstance(tag, str) and tag.startswith(_T) and tag not in _NOT_TEXT
                  and not tag.endswith("-source")):  # fmt: skip
                yield from self._flow(child)  # sections, indexes, and what else holds text

    def _list(self, element: etree._Element, outer: ListCounter | None, level: int,
              style: str | None) -> Iterator[tuple[etree._Element, str | None]]:  # fmt: skip
        """The paragraphs of a list, the first of each item with its label."""
        counter = self.lists.begin(element, outer)
        style = element.get(_STYLE_NAME) or style
        level += 1
        for item in element:
            if item.tag not in (_ITEM, _LIST_HEADER):
                continue
            first = True
            for child in item:
                tag = child.tag
                if tag in (_P, _H):
                    label = ""
                    if first and item.tag == _ITEM:
                        label = self.lists.label(counter, style, level, item)
                    yield child, label
                elif tag == _LIST:
                    yield from self._list(child, counter, level, style)
                elif tag == _TABLE:
                    yield child, None
                else:
                    continue
                first = False

    def _counted(self, element: etree._Element, label: str) -> str | None:
        """A paragraph's text as shown, counted as a line; ``None`` for an empty one."""
        self.index += 1
        text = paragraph_text(element)
        if label:
            text = f"{label} {text}" if text.strip() else label
        if text.strip():
            return text
        self.index += 1  # an empty paragraph parts blocks of text
        return None

    def blocks(self, container: etree._Element) -> Iterator[RawParagraph | RawTable]:
        """The paragraphs with text and the tables of ``container``, in document order."""
        for element, label in self._flow(container):
            if label is None:
                self.index += 2
                yield text_table(element, self._cell_text, self.expansion)
            else:
                text = self._counted(element, label)
                if text is not None:
                    yield RawParagraph(text=text, line=self.index)

    def _cell_text(self, cell: etree._Element) -> str:
        """A cell's paragraphs with text as lines; a nested table's rows as lines too."""
        lines: list[str] = []
        index = self.index
        for child in cell:  # paragraphs of text only, as most cells hold: read at once
            if child.tag != _P or len(child):
                break
            text = child.text
            if text and (text[0] == " " or "  " in text or "\n" in text or "\t" in text
                         or "\r" in text or "\u00a0" in text or "\u00ad" in text):  # fmt: skip
                text = paragraph_text(child)
            if text and text.strip():
                lines.append(text)
                index += 1
            else:
                index += 2  # an empty paragraph parts blocks of text
        else:
            self.index = index
            return "\n".join(lines)
        lines.clear()
        for element, label in self._flow(cell):
            if label is None:
                self.index += 2
                nested = text_table(element, self._cell_text, self.expansion)
                lines.extend(" ".join(t for t in row.texts if t.strip()) for row in nested.rows)
            else:
                text = self._counted(element, label)
                if text is not None:
                    lines.append(text)
        return "\n".join(lines)


def _shown(cell: etree._Element) -> str:
    """What a spreadsheet cell shows: its paragraphs, or its value if it has none."""
    lines = [paragraph_text(child) for child in cell if child.tag in (_P, _H)]
    if lines:
        return "\n".join(lines)
    for value in _VALUES:  # a file written without the text shown: its value, as written
        found = cell.get(f"{_O}{value}")
        if found is not None:
            return str(found)
    return ""


class OdtImporter:
    """OpenDocument text documents (``format="odt"``): what LibreOffice Writer saves.

    .. versionadded:: 0.3.0
    """

    name = "odt"
    suffixes = (".odt", ".ott")

    def sniff(self, head: bytes) -> bool:
        """Whether the bytes begin an OpenDocument text package (its ``mimetype`` first)."""
        return _mimetype(head) in (f"{_MIMETYPE}text", f"{_MIMETYPE}text-template")

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of an OpenDocument text's body.

        Raises:
            DocumentError: The package is damaged, unsafe, or holds no text document.
        """
        package, root, body = _open(data, name, ODF, "text")
        try:
            expansion = Expansion(package.zip.getinfo("content.xml").compress_size, name)
            numbered = next(body.iter(_LIST, _H), None) is not None
            lists = Lists((root, package.xml("styles.xml")) if numbered else ())
            blocks = tuple(_TextReader(lists, expansion).blocks(body))
        finally:
            package.close()
        return RawDocument(blocks=blocks, format=self.name)


class OdsImporter:
    """OpenDocument spreadsheets (``format="ods"``): what LibreOffice Calc saves.

    Every sheet is read, its blocks marked with its name: the layout reads the sheet that holds
    the roadmap (``read(..., sheet=...)`` names one).

    .. versionadded:: 0.3.0
    """

    name = "ods"
    suffixes = (".ods", ".ots")

    def sniff(self, head: bytes) -> bool:
        """Whether the bytes begin an OpenDocument spreadsheet package (its ``mimetype`` first)."""
        return _mimetype(head) in (f"{_MIMETYPE}spreadsheet", f"{_MIMETYPE}spreadsheet-template")

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of every sheet of an OpenDocument spreadsheet.

        Raises:
            DocumentError: The package is damaged, unsafe, or holds no spreadsheet; a sheet
                holds a row wider than a table row may be.
        """
        package, _root, body = _open(data, name, ODS, "spreadsheet")
        try:
            expansion = Expansion(package.zip.getinfo("content.xml").compress_size, name)
        finally:
            package.close()
        blocks: list[RawParagraph | RawTable] = []
        sheets = [child for child in body if child.tag == _TABLE]
        for number, sheet in enumerate(sheets, 1):
            title = sheet.get(f"{{{TABLE}}}name") or f"Sheet{number}"
            texts, merges = sheet_grid(sheet, _shown, expansion)
            try:
                blocks.extend(sheet_blocks(texts, merges, sheet=title))
            except DocumentError as exc:
                raise DocumentError(f"{name}: {exc}") from None
        return RawDocument(blocks=tuple(blocks), format=self.name)
