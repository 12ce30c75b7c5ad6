"""What a document is, told by its content: the suffix only breaks ties.

A user's file may carry any name: a Word file saved as ``.doc`` by a site that renamed it, a
workbook downloaded without a suffix, a PDF called ``.docx``. Each format has its marks (the
first bytes, the parts of a zip package, the streams of an OLE2 file, the first tag of a web
page); :func:`detect` reads them, in a few scans of the bytes, so that :func:`dod_model.read`
tries first the importer that claims the suffix of what the file *is*, and says what it found
when no importer reads it.
"""

from __future__ import annotations

import re

import attrs

from dod_model.importers._compound import MAGIC

__all__ = ["Content", "detect"]


@attrs.frozen
class Content:
    """What a document's bytes show it to be.

    Attributes:
        suffix: The suffix a file of the kind has («.pdf»): importers claiming it go first.
        what: The kind, for messages («a PDF document»).
        advice: What to do when no importer reads it, or ``""``.
    """

    suffix: str
    what: str
    advice: str = ""


_ZIP = b"PK\x03\x04"
# The names of an OLE2 file's streams, as its directory writes them (UTF-16, little-endian).
_OLE_STREAMS = (
    ("EncryptedPackage".encode("utf-16-le"), Content(
        ".docx", "a password-protected Office document",
        "remove the password (File → Info → Protect) and save it again")),
    ("WordDocument".encode("utf-16-le"), Content(".doc", "a Word 97–2003 document (.doc)")),
    ("Workbook".encode("utf-16-le"), Content(".xls", "an Excel 97–2003 workbook (.xls)")),
    ("Book".encode("utf-16-le"), Content(".xls", "an Excel 5 workbook (.xls)")),
    ("PowerPoint Document".encode("utf-16-le"), Content(
        ".ppt", "a PowerPoint presentation", "save the roadmap's table as .docx or .xlsx")),
)  # fmt: skip
_ODF = {
    b"application/vnd.oasis.opendocument.text": Content(".odt", "an OpenDocument text (.odt)"),
    b"application/vnd.oasis.opendocument.spreadsheet": Content(
        ".ods", "an OpenDocument spreadsheet (.ods)"),
    b"application/vnd.oasis.opendocument.presentation": Content(
        ".odp", "an OpenDocument presentation", "save the roadmap's table as .odt or .ods"),
}  # fmt: skip
# The main part of each kind of OOXML package, as the zip names it.
_OOXML = (
    (b"word/document.xml", Content(".docx", "a Word document (.docx)")),
    (b"xl/workbook.xml", Content(".xlsx", "an Excel workbook (.xlsx)")),
    (b"ppt/presentation.xml", Content(
        ".pptx", "a PowerPoint presentation", "save the roadmap's table as .docx or .xlsx")),
)  # fmt: skip
# A web page's first tag, after a mark, spaces, comments and a prolog.
_HTML = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*+(?:<\?xml[^>]{0,200}+>\s*+)?(?:<!--.{0,2000}?-->\s*+)*+"
    rb"<(?:!doctype\s++html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def _zip(data: bytes) -> Content:
    if data[30:38] == b"mimetype":
        declared = data[38:120]
        for mime, content in _ODF.items():
            if declared.startswith(mime) and declared[len(mime) : len(mime) + 1] != b"-":
                return content
    for part, content in _OOXML:
        if part in data:
            return content
    return Content(".zip", "a zip archive of no office format",
                   "read the documents it holds, not the archive")  # fmt: skip


def detect(data: bytes) -> Content | None:
    """What ``data`` is, by its marks; ``None`` for text the suffix must tell (text, CSV, …).

    Args:
        data: The whole document.
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return Content(".pdf", "a PDF document")
    if head.startswith(MAGIC):
        return next((content for stream, content in _OLE_STREAMS if stream in data),
                    Content(".ole", "an OLE2 compound file of no office format"))  # fmt: skip
    if head.startswith(_ZIP):
        return _zip(data)
    if head.lstrip().startswith(b"{\\rtf"):
        return Content(".rtf", "a Rich Text Format document (.rtf)")
    if _HTML.match(data[:8192]):
        return Content(".html", "a web page (HTML)")
    return None
