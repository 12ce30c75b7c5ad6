"""Validation: rules, findings at JSON Pointers, and reports.

:func:`dod_model.validate` runs the core rules and those of the document's region; regions and
third parties add rules through the ``dod_register_rules`` hook. Every code of findings is
declared once, as a :class:`FindingCode`; :func:`catalogue` lists them.

.. versionadded:: 0.1.0
"""

from dod_model._base import publish
from dod_model._contracts import (
    Finding,
    FindingCode,
    FindingGroup,
    PluginVersion,
    Report,
    Rule,
    RuleContext,
    Severity,
)
from dod_model.validation._catalogue import LIBRARY_CODES, catalogue, codes_of
from dod_model.validation._records import RecordCheck, RecordRule, RegistryScope, record_rule
from dod_model.validation._rules import FunctionRule, rule
from dod_model.validation._validate import validate

__all__ = [
    "LIBRARY_CODES",
    "Finding",
    "FindingCode",
    "FindingGroup",
    "FunctionRule",
    "PluginVersion",
    "RecordCheck",
    "RecordRule",
    "RegistryScope",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "catalogue",
    "codes_of",
    "record_rule",
    "rule",
    "validate",
]

publish(__name__, *(globals()[name] for name in __all__))
publish("dod_model", rule, validate, replace=True)  # documented at the top level
