"""Exporters: roadmaps → documents.

An exporter (registered through the ``dod_register_exporters`` hook) turns a
:class:`~dod_model.Roadmap` into the bytes of a document; :func:`dod_model.write` picks one by
``format`` or by the target's suffix. The built-in ones are registered by the ``core`` plugin.

.. versionadded:: 0.2.0
"""

from dod_model.exporters._docx import DocxExporter
from dod_model.exporters._json import JsonExporter
from dod_model.exporters._write import Exporter, write

__all__ = ["DocxExporter", "Exporter", "JsonExporter", "write"]
