"""Exporters: roadmaps → documents.

An exporter (registered through the ``dod_register_exporters`` hook) turns a
:class:`~dod_model.Roadmap` into the bytes of a document; :func:`dod_model.write` picks one by
``format`` or by the target's suffix. The built-in ones are registered by the ``core`` plugin.

.. versionadded:: 0.2.0
"""

from dod_model._base import publish
from dod_model._contracts import Exporter
from dod_model.exporters._csv import CSV_COLUMNS, CsvExporter
from dod_model.exporters._docx import DocxExporter
from dod_model.exporters._ics import CalendarPlan, IcsExporter, PlannedEvent, regular_rule
from dod_model.exporters._json import JsonExporter
from dod_model.exporters._markdown import MarkdownExporter
from dod_model.exporters._write import choose_exporter, write
from dod_model.exporters._xlsx import XlsxExporter

__all__ = [
    "CSV_COLUMNS",
    "CalendarPlan",
    "CsvExporter",
    "DocxExporter",
    "Exporter",
    "IcsExporter",
    "JsonExporter",
    "MarkdownExporter",
    "PlannedEvent",
    "XlsxExporter",
    "choose_exporter",
    "regular_rule",
    "write",
]

publish(__name__, *(globals()[name] for name in __all__))
publish("dod_model", write, replace=True)  # documented at the top level
