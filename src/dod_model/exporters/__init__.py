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
from dod_model.exporters._ics import (
    ICS_MODES,
    CalendarPlan,
    Completed,
    IcsExporter,
    IcsMode,
    PlannedEvent,
    regular_rule,
)
from dod_model.exporters._json import JsonExporter
from dod_model.exporters._markdown import MarkdownExporter
from dod_model.exporters._write import choose_exporter, write
from dod_model.exporters._xlsx import XlsxExporter
from dod_model.exporters._xlsx_book import (
    ACTIVITY_COLUMNS,
    SUMMARY_COLUMNS,
    collection_workbook,
    table_workbook,
    write_workbook,
)

__all__ = [
    "ACTIVITY_COLUMNS",
    "CSV_COLUMNS",
    "ICS_MODES",
    "SUMMARY_COLUMNS",
    "CalendarPlan",
    "Completed",
    "CsvExporter",
    "DocxExporter",
    "Exporter",
    "IcsExporter",
    "IcsMode",
    "JsonExporter",
    "MarkdownExporter",
    "PlannedEvent",
    "XlsxExporter",
    "choose_exporter",
    "collection_workbook",
    "regular_rule",
    "table_workbook",
    "write",
    "write_workbook",
]

publish(__name__, *(globals()[name] for name in __all__))
publish("dod_model", write, replace=True)  # documented at the top level
