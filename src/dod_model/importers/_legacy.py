"""Word 97 (``.doc``) and RTF documents, read as the ``.docx`` LibreOffice converts them to.

What LibreOffice cannot or should not convert is refused before it runs: a ``.doc`` is an OLE2
compound file, whose directory is walked (within bounds) to tell a Word document from an Excel
97 workbook, a PowerPoint file or a password-protected Office file, and whose Word header says
whether the document is encrypted. The ``.docx`` LibreOffice makes is read by
:class:`~dod_model.importers.DocxImporter` within the same budgets as any Word file.

One thing the conversion adds is taken out again: LibreOffice lays the document out to
convert it, and writes into every page-number field (``PAGE``, ``NUMPAGES``, ``PAGEREF``…) the
page its own layout gives, which depends on the fonts the machine has. Such a field in a cell
would glue a digit to a deadline («Июнь-июль 20191»), and the same file would read differently
on two machines; its result is dropped.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable

import attrs
from lxml import etree

from dod_model._base import Package
from dod_model._contracts import RawDocument
from dod_model._errors import DocumentError
from dod_model.importers._compound import MAGIC, ROOT, STREAM, Compound, Entry, stored_name
from dod_model.importers._docx import DocxImporter
from dod_model.importers._ooxml import W, attribute
from dod_model.importers._soffice import convert_to_docx

__all__ = ["DocImporter", "RtfImporter"]

_WORD = "WordDocument"
_ENCRYPTED_PACKAGE = "EncryptedPackage"
_WORKBOOKS = ("Workbook", "Book")
_PRESENTATION = "PowerPoint Document"
_FIB_IDENTS = (0xA5EC, 0xA5DC)  # Word 97-2003; Word 6 and 95
_F_ENCRYPTED = 0x0100  # the FIB's fEncrypted bit, in the flags at offset 10
_OTHER_FORMATS = tuple(stored_name(name) for name in (*_WORKBOOKS, _PRESENTATION))


def _damaged(name: str) -> Callable[[str], DocumentError]:
    def damaged(what: str) -> DocumentError:
        return DocumentError(
            f"{name}: a damaged Office 97-2003 file ({what}); if Word or LibreOffice opens it, "
            "save it as .docx and read that"
        )

    return damaged


def _encrypted(compound: Compound, word: Entry, name: str) -> bool:
    """Whether the Word document's header (its FIB) marks it as encrypted."""
    if word.size < max(compound.cutoff, 12):  # kept in the mini stream: too small to tell
        return False
    ident, flags = struct.unpack_from("<H8xH", compound.head(word))
    if ident not in _FIB_IDENTS:
        msg = f"its Word stream begins with {ident:#06x}, not a Word header"
        raise _damaged(name)(msg)
    return bool(flags & _F_ENCRYPTED)


def _check_word_97(data: bytes, name: str) -> None:
    """Refuse what is not a readable Word 97 document, before LibreOffice is asked."""
    if not data.startswith(MAGIC):
        msg = f"{name}: not a Word 97 document (.doc): it is not an Office 97-2003 file"
        raise DocumentError(msg)
    compound = Compound(data, _damaged(name))
    entries = {entry.name: entry for entry in compound.entries() if entry.kind != ROOT}
    word = entries.get(_WORD)
    if word is not None and word.kind == STREAM:
        if _encrypted(compound, word, name):
            msg = (
                f"{name}: a password-protected Word document: open it in Word with its "
                "password, remove the password and save it again (as .docx, best), then read that"
            )
            raise DocumentError(msg)
        return
    if _ENCRYPTED_PACKAGE in entries:
        what = "a password-protected Word/Excel file: remove the password and save it again"
    elif any(book in entries for book in _WORKBOOKS):
        what = "an Excel 97-2003 workbook (.xls), not a Word document"
    elif _PRESENTATION in entries:
        what = "a PowerPoint 97-2003 presentation, not a Word document"
    else:
        what = "an Office 97-2003 file holding no Word document"
    raise DocumentError(f"{name}: {what}")


_PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "SECTION"})
_FIELD_TAGS = tuple(f"{{{namespace}}}{tag}" for namespace in W
                    for tag in ("fldChar", "instrText", "t", "fldSimple"))  # fmt: skip


def _page_field(instruction: str) -> bool:
    words = instruction.split(maxsplit=1)
    return bool(words) and words[0].upper() in _PAGE_FIELDS


@attrs.define
class _Field:
    instruction: list[str] = attrs.Factory(list)
    shown: bool = False  # past its «separate»: what follows is its result
    of_page: bool = False  # and it is a page number


def _drop_page_numbers(root: etree._Element) -> bool:
    """Empty the results of page-number fields in ``root``; whether there were any."""
    dropped = False
    fields: list[_Field] = []  # the complex fields open where the walk is
    pages = 0  # how many of them show a page number
    simple: list[etree._Element] = []  # the page-number simple fields the walk is inside
    for element in root.iter(_FIELD_TAGS):
        kind = etree.QName(element).localname
        while simple and simple[-1] not in element.iterancestors():
            simple.pop()
        if kind == "fldSimple":
            if _page_field(attribute(element, "instr") or ""):
                simple.append(element)
        elif kind == "fldChar":
            char = attribute(element, "fldCharType")
            if char == "begin":
                fields.append(_Field())
            elif char == "separate" and fields and not fields[-1].shown:
                field = fields[-1]
                field.shown = True
                field.of_page = _page_field("".join(field.instruction))
                pages += field.of_page
            elif char == "end" and fields:
                pages -= fields.pop().of_page
        elif kind == "instrText":
            if fields and not fields[-1].shown:
                fields[-1].instruction.append(element.text or "")
        elif simple or pages:
            dropped = dropped or bool(element.text)
            element.text = ""
    return dropped


def _without_page_numbers(converted: bytes, name: str) -> bytes:
    """The converted package, its page-number fields emptied; read within the budgets."""
    package = Package(converted, name)
    try:
        main = package.main_part()
        root = package.xml(main)
        if root is None or not _drop_page_numbers(root):
            return converted
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rewritten:
            for part in sorted(package.names):
                if part == main:
                    rewritten.writestr(part, etree.tostring(root, encoding="UTF-8"))
                elif part.endswith((".xml", ".rels")):  # what the Word importer may read
                    rewritten.writestr(part, package.read(part) or b"")
        return out.getvalue()
    finally:
        package.close()


def _read_converted(data: bytes, *, name: str, suffix: str, what: str) -> RawDocument:
    converted = convert_to_docx(data, name=name, suffix=suffix, what=what)
    try:
        return DocxImporter().read(_without_page_numbers(converted, name), name=name)
    except DocumentError as exc:
        msg = f"{exc} (in the .docx LibreOffice converted {what} to)"
        raise DocumentError(msg) from None


class DocImporter:
    """Word 97-2003 documents (``format="doc"``), converted to ``.docx`` by LibreOffice.

    Needs LibreOffice (``soffice``) installed, or ``DOD_MODEL_SOFFICE`` naming it.

    .. versionadded:: 0.3.0
    """

    name = "doc"
    suffixes = (".doc", ".dot")

    def sniff(self, head: bytes) -> bool:
        """Whether the bytes begin an Office 97-2003 file that does not show another format.

        A workbook's or presentation's directory, when it is within ``head``, names its main
        stream; the Word document's directory may lie past ``head``, so a file shows only what
        it is not. :meth:`read` reads the directory itself.
        """
        if not head.startswith(MAGIC):
            return False
        return stored_name(_WORD) in head or not any(other in head for other in _OTHER_FORMATS)

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of the ``.docx`` LibreOffice makes of the document.

        Raises:
            DocumentError: The file is no Word 97 document, is password-protected or damaged,
                LibreOffice is missing or fails, or the converted file is unreadable.
        """
        _check_word_97(data, name)
        what = "a Word 97 document (.doc)"
        raw = _read_converted(data, name=name, suffix=".doc", what=what)
        return attrs.evolve(raw, format=self.name)


_RTF = b"{\\rtf"
_LEADING = b"\xef\xbb\xbf \t\r\n"  # what editors may leave before ``{\rtf``


class RtfImporter:
    """Rich Text Format documents (``format="rtf"``), converted to ``.docx`` by LibreOffice.

    Needs LibreOffice (``soffice``) installed, or ``DOD_MODEL_SOFFICE`` naming it.

    .. versionadded:: 0.3.0
    """

    name = "rtf"
    suffixes = (".rtf",)

    def sniff(self, head: bytes) -> bool:
        r"""Whether the bytes begin with ``{\rtf``."""
        return head.lstrip(_LEADING).startswith(_RTF)

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of the ``.docx`` LibreOffice makes of the document.

        Raises:
            DocumentError: The file is no RTF document, LibreOffice is missing or fails, or
                the converted file is unreadable.
        """
        if not self.sniff(data[:64]):
            msg = f"{name}: not an RTF document: it does not begin with {{\\rtf"
            raise DocumentError(msg)
        raw = _read_converted(data, name=name, suffix=".rtf", what="an RTF document")
        return attrs.evolve(raw, format=self.name)
