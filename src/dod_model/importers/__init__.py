"""Importers: documents → roadmaps.

An importer (registered through the ``dod_register_importers`` hook) turns a document's bytes
into a :class:`RawDocument` of paragraphs and tables; the shared layout turns that into a
:class:`~dod_model.Roadmap`. :func:`dod_model.read` picks the importer by sniffing.

.. versionadded:: 0.1.0
"""

from dod_model._base import publish
from dod_model._contracts import RawCell, RawDocument, RawParagraph, RawRow, RawTable
from dod_model.importers._csv import CsvImporter
from dod_model.importers._docx import DocxImporter
from dod_model.importers._folders import (
    Listing,
    Reading,
    Refusal,
    cores,
    list_documents,
    read_all,
    read_many,
)
from dod_model.importers._html import HtmlImporter
from dod_model.importers._layout import build_roadmap, column_role
from dod_model.importers._legacy import DocImporter, RtfImporter
from dod_model.importers._markdown import MarkdownImporter
from dod_model.importers._odf import OdsImporter, OdtImporter
from dod_model.importers._pdf import PdfImporter
from dod_model.importers._read import MAX_DOCUMENT_BYTES, read
from dod_model.importers._text import TextImporter
from dod_model.importers._xls import XlsImporter
from dod_model.importers._xlsx import XlsxImporter

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "CsvImporter",
    "DocImporter",
    "DocxImporter",
    "HtmlImporter",
    "Listing",
    "MarkdownImporter",
    "OdsImporter",
    "OdtImporter",
    "PdfImporter",
    "RawCell",
    "RawDocument",
    "RawParagraph",
    "RawRow",
    "RawTable",
    "Reading",
    "Refusal",
    "RtfImporter",
    "TextImporter",
    "XlsImporter",
    "XlsxImporter",
    "build_roadmap",
    "column_role",
    "cores",
    "list_documents",
    "read",
    "read_all",
    "read_many",
]

publish(__name__, *(globals()[name] for name in __all__))
publish("dod_model", read, read_all, replace=True)  # documented at the top level
