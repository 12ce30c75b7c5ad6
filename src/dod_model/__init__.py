"""dod_model: typed roadmaps of Russian additional education of children (ДОД).

The stable public API is ``dod_model.__all__``: reading, writing and validating roadmaps, the
roadmap model, findings, errors and the plugin API. The rest lives in public namespaces:
:mod:`dod_model.model` (every value type), :mod:`dod_model.registry` (registries of
programmes, certificates and enrolments), :mod:`dod_model.codec` (JSON and JSON Schema),
:mod:`dod_model.analysis` (status and diff), :mod:`dod_model.text` (the semantics of cells),
:mod:`dod_model.importers`, :mod:`dod_model.exporters`, :mod:`dod_model.validation`,
:mod:`dod_model.examples` (bundled documents), :mod:`dod_model.hookspecs` and
:mod:`dod_model.testing` (for plugin authors). Modules whose names begin with ``_`` are private.

Names that left the top level in 0.3 still work, with a :class:`DeprecationWarning` naming
their new home, until 0.4.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

from dod_model._base import publish
from dod_model._contracts import (
    Exporter,
    Finding,
    Importer,
    Report,
    Rule,
    RuleContext,
    Severity,
)
from dod_model._errors import DocumentError, DodModelError, PluginError, SchemaError, SchemaFault
from dod_model._i18n import localize
from dod_model._version import library_version
from dod_model.hookspecs import hookimpl
from dod_model.model import (
    Activity,
    Centre,
    CentreKind,
    ColumnRole,
    ColumnText,
    Comparator,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    LegalActKind,
    LegalActRef,
    Party,
    Period,
    PlanKind,
    Recurrence,
    Region,
    Result,
    Roadmap,
    Section,
    Target,
)

if TYPE_CHECKING:
    __version__: str
    from dod_model._host import (
        PluginConflictWarning,
        PluginLoadWarning,
        Plugins,
        RegionPlugin,
        get_plugin_manager,
    )
    from dod_model.analysis import diff, status
    from dod_model.codec import dumps, json_schema, loads
    from dod_model.exporters import write
    from dod_model.importers import read, read_all
    from dod_model.validation import rule, validate

# Top-level names whose namespaces are loaded on first use, so that ``import dod_model`` loads
# what reading a roadmap needs and nothing more (each namespace publishes them as dod_model's).
_ON_FIRST_USE = {
    **dict.fromkeys(("diff", "status"), "dod_model.analysis"),
    **dict.fromkeys(("dumps", "json_schema", "loads"), "dod_model.codec"),
    "write": "dod_model.exporters",
    **dict.fromkeys(("read", "read_all"), "dod_model.importers"),
    **dict.fromkeys(
        (
            "PluginConflictWarning",
            "PluginLoadWarning",
            "Plugins",
            "RegionPlugin",
            "get_plugin_manager",
        ),
        "dod_model._host",
    ),
    **dict.fromkeys(("rule", "validate"), "dod_model.validation"),
}

__all__ = [
    "Activity",
    "Centre",
    "CentreKind",
    "ColumnRole",
    "ColumnText",
    "Comparator",
    "Deadline",
    "DeadlineKind",
    "DeadlineStatus",
    "DocumentError",
    "DodModelError",
    "Exporter",
    "Finding",
    "Importer",
    "LegalActKind",
    "LegalActRef",
    "Party",
    "Period",
    "PlanKind",
    "PluginConflictWarning",
    "PluginError",
    "PluginLoadWarning",
    "Plugins",
    "Recurrence",
    "Region",
    "RegionPlugin",
    "Report",
    "Result",
    "Roadmap",
    "Rule",
    "RuleContext",
    "SchemaError",
    "SchemaFault",
    "Section",
    "Severity",
    "Target",
    "__version__",
    "diff",
    "dumps",
    "get_plugin_manager",
    "hookimpl",
    "json_schema",
    "loads",
    "localize",
    "read",
    "read_all",
    "rule",
    "status",
    "validate",
    "write",
]

publish(
    __name__,
    *(globals()[name] for name in __all__ if name not in _ON_FIRST_USE and name != "__version__"),
    replace=True,
)

# Names that left the top level in 0.3, and the namespace each went to. They keep working
# through __getattr__, with a DeprecationWarning, until 0.4.
_MOVED = {
    **dict.fromkeys(
        (
            "ActivityChange",
            "ActivityStatus",
            "RoadmapDiff",
            "RoadmapStatus",
        ),
        "dod_model.analysis",
    ),
    **dict.fromkeys(
        ("SCHEMA_VERSION", "make_converter", "schema_names", "to_data"), "dod_model.codec"
    ),
    **dict.fromkeys(
        ("Abbreviation", "LabelledEnum", "Location", "Source", "Step"), "dod_model.model"
    ),
    **dict.fromkeys(
        (
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
            "RecordRule",
            "RegistryFiles",
            "RegistryRow",
            "RegistryScope",
            "RegistrySummary",
            "StudyMode",
            "TargetProgress",
            "iter_certificates",
            "iter_enrolments",
            "iter_programmes",
            "iter_providers",
            "progress",
            "read_registry",
            "record_rule",
            "summarise_registry",
            "validate_registry",
            "write_records",
        ),
        "dod_model.registry",
    ),
}


# Public subpackages not imported by ``import dod_model``, loaded on first attribute access.
_LAZY = frozenset(
    (
        "analysis",
        "cli",
        "codec",
        "examples",
        "exporters",
        "importers",
        "plugins",
        "registry",
        "testing",
        "validation",
    )
)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return library_version()
    if name in _ON_FIRST_USE:
        value = getattr(importlib.import_module(_ON_FIRST_USE[name]), name)
        globals()[name] = value
        return value
    if name in _LAZY:
        return importlib.import_module(f"{__name__}.{name}")
    namespace = _MOVED.get(name)
    if namespace is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    warnings.warn(
        f"dod_model.{name} moved to {namespace}.{name} in 0.3.0; the old name goes in 0.4.0",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(namespace), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
