"""Registries beside the roadmaps: programmes, certificates, providers and enrolments.

Read from CSV (UTF-8 or Windows-1251, ``;``, ``,`` or tab), XLSX and JSON Lines, their columns
matched by their Russian wordings in any order; streamed in constant memory; validated record by
record through the rule hook; summarised; and measured against a roadmap's targets.

.. versionadded:: 0.2.0
"""

from dod_model._base import publish
from dod_model.model import (
    AgeRange,
    Certificate,
    CertificateKind,
    CertificateRegistry,
    Count,
    Enrolment,
    NominalUnit,
    Organisation,
    Orientation,
    Programme,
    ProgrammeForm,
    ProgrammeKind,
    ProgrammeLevel,
    ProgrammeRegistry,
    RegistrySummary,
    StudyMode,
)
from dod_model.registry._progress import Progress, TargetProgress, progress
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
from dod_model.validation import RecordCheck, RecordRule, RegistryScope, record_rule

__all__ = [
    "AgeRange",
    "Certificate",
    "CertificateKind",
    "CertificateRegistry",
    "Count",
    "Enrolment",
    "NominalUnit",
    "Organisation",
    "Orientation",
    "Programme",
    "ProgrammeForm",
    "ProgrammeKind",
    "ProgrammeLevel",
    "ProgrammeRegistry",
    "Progress",
    "RecordCheck",
    "RecordRule",
    "RegistryFiles",
    "RegistryRow",
    "RegistryScope",
    "RegistrySummary",
    "RegistryWarning",
    "StudyMode",
    "TargetProgress",
    "iter_certificates",
    "iter_enrolments",
    "iter_programmes",
    "iter_providers",
    "iter_rows",
    "progress",
    "read_population",
    "read_registry",
    "record_rule",
    "summarise",
    "summarise_registry",
    "validate_registry",
    "write_records",
]

publish(__name__, *(globals()[name] for name in __all__))
