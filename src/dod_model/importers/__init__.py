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
from dod_model.importers._layout import build_roadmap, column_role
from dod_model.importers._markdown import MarkdownImporter
from dod_model.importers._read import MAX_DOCUMENT_BYTES, read
from dod_model.importers._text import TextImporter

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "CsvImporter",
    "DocxImporter",
    "MarkdownImporter",
    "RawCell",
    "RawDocument",
    "RawParagraph",
    "RawRow",
    "RawTable",
    "TextImporter",
    "build_roadmap",
    "column_role",
    "read",
]

publish(__name__, *(globals()[name] for name in __all__))
publish("dod_model", read, replace=True)  # documented at the top level
