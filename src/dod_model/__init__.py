"""dod_model: typed roadmaps of Russian additional education of children (ДОД).

The public API lives here; every name in :data:`__all__` is stable (see the contract in the
docs). Implementation modules are private (``_name.py``) or grouped by concern:
:mod:`dod_model.model` (the value objects), :mod:`dod_model.codec` (JSON and JSON Schema),
:mod:`dod_model.examples` (bundled example documents), :mod:`dod_model.cli` (``dod-model``),
:mod:`dod_model.testing` (hypothesis strategies for plugin authors).
"""

from importlib.metadata import PackageNotFoundError, version

from dod_model._errors import DocumentError, DodModelError, PluginError, SchemaError, SchemaFault
from dod_model.codec import (
    SCHEMA_VERSION,
    dumps,
    json_schema,
    loads,
    make_converter,
    schema_names,
    to_data,
)
from dod_model.exporters import Exporter, write
from dod_model.hookspecs import hookimpl
from dod_model.importers import read
from dod_model.model import (
    Abbreviation,
    Activity,
    AgeRange,
    Centre,
    CentreKind,
    Certificate,
    CertificateKind,
    CertificateRegistry,
    ColumnRole,
    Comparator,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    Enrolment,
    LabelledEnum,
    LegalActKind,
    LegalActRef,
    Location,
    NominalUnit,
    Organisation,
    Orientation,
    Party,
    Period,
    PlanKind,
    Programme,
    ProgrammeForm,
    ProgrammeKind,
    ProgrammeLevel,
    ProgrammeRegistry,
    Recurrence,
    Result,
    Roadmap,
    Section,
    Source,
    Step,
    StudyMode,
    Target,
)
from dod_model.plugins import PluginLoadWarning, Plugins, Region, get_plugin_manager
from dod_model.validation import Finding, Report, Rule, RuleContext, Severity, rule, validate

try:
    __version__ = version("dod-model")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "SCHEMA_VERSION",
    "Abbreviation",
    "Activity",
    "AgeRange",
    "Centre",
    "CentreKind",
    "Certificate",
    "CertificateKind",
    "CertificateRegistry",
    "ColumnRole",
    "Comparator",
    "Deadline",
    "DeadlineKind",
    "DeadlineStatus",
    "DocumentError",
    "DodModelError",
    "Enrolment",
    "Exporter",
    "Finding",
    "LabelledEnum",
    "LegalActKind",
    "LegalActRef",
    "Location",
    "NominalUnit",
    "Organisation",
    "Orientation",
    "Party",
    "Period",
    "PlanKind",
    "PluginError",
    "PluginLoadWarning",
    "Plugins",
    "Programme",
    "ProgrammeForm",
    "ProgrammeKind",
    "ProgrammeLevel",
    "ProgrammeRegistry",
    "Recurrence",
    "Region",
    "Report",
    "Result",
    "Roadmap",
    "Rule",
    "RuleContext",
    "SchemaError",
    "SchemaFault",
    "Section",
    "Severity",
    "Source",
    "Step",
    "StudyMode",
    "Target",
    "__version__",
    "dumps",
    "get_plugin_manager",
    "hookimpl",
    "json_schema",
    "loads",
    "make_converter",
    "read",
    "rule",
    "schema_names",
    "to_data",
    "validate",
    "write",
]
