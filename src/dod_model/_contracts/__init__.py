"""The typed contracts between the library and its plugins.

Value types and protocols every layer above the model agrees on: the raw document importers
produce, the importer and exporter protocols, rules, their context, findings, the codes findings
are of, and reports. The plugin host and the hook specifications are typed with them.
"""

from dod_model._contracts._codes import FindingCode
from dod_model._contracts._context import RuleContext
from dod_model._contracts._findings import (
    Finding,
    FindingGroup,
    PluginVersion,
    Report,
    Rule,
    Severity,
    require_namespace,
)
from dod_model._contracts._io import Exporter, Importer
from dod_model._contracts._layout import (
    CSV_COLUMNS,
    DEFAULT_COLUMNS,
    ROADMAP_COLUMNS,
    TEMPLATE_HEADERS,
    written_number,
)
from dod_model._contracts._raw import RawCell, RawDocument, RawParagraph, RawRow, RawTable

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_COLUMNS",
    "ROADMAP_COLUMNS",
    "TEMPLATE_HEADERS",
    "Exporter",
    "Finding",
    "FindingCode",
    "FindingGroup",
    "Importer",
    "PluginVersion",
    "RawCell",
    "RawDocument",
    "RawParagraph",
    "RawRow",
    "RawTable",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "require_namespace",
    "written_number",
]
