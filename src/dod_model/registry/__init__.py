"""Registries beside the roadmaps: programmes, certificates, providers and enrolments.

Read from CSV (UTF-8 or Windows-1251, ``;``, ``,`` or tab), XLSX and JSON Lines, their columns
matched by their Russian wordings in any order; streamed in constant memory; validated record by
record through the rule hook; summarised; and measured against a roadmap's targets.

.. versionadded:: 0.2.0
"""

from dod_model.model import Count, RegistrySummary
from dod_model.registry._columns import KINDS, Header, field_of, match_header
from dod_model.registry._progress import Progress, TargetProgress, progress
from dod_model.registry._rows import RECORD_TYPES, format_cell
from dod_model.registry._stream import (
    RegistryFiles,
    RegistryRow,
    RegistryWarning,
    iter_certificates,
    iter_enrolments,
    iter_programmes,
    iter_providers,
    iter_rows,
    read_registry,
    validate_registry,
)
from dod_model.registry._summary import (
    read_population,
    summarise,
    summarise_registry,
)
from dod_model.registry._write import write_records

__all__ = [
    "KINDS",
    "RECORD_TYPES",
    "Count",
    "Header",
    "Progress",
    "RegistryFiles",
    "RegistryRow",
    "RegistrySummary",
    "RegistryWarning",
    "TargetProgress",
    "field_of",
    "format_cell",
    "iter_certificates",
    "iter_enrolments",
    "iter_programmes",
    "iter_providers",
    "iter_rows",
    "match_header",
    "progress",
    "read_population",
    "read_registry",
    "summarise",
    "summarise_registry",
    "validate_registry",
    "write_records",
]
