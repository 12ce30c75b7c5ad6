"""The catalogue of finding codes: the library's own, and those of every registered rule.

Each code is declared once, as a :class:`~dod_model.validation.FindingCode`: a rule declares
the codes it emits, and the codes the library emits outside rules are declared here, where the
validation (``core/rule-failed``) and the registry files (``registry/…``) take them from.
"""

from __future__ import annotations

import types
from collections.abc import Mapping

from dod_model._contracts import FindingCode, Rule
from dod_model._errors import PluginError
from dod_model._host import Plugins, default_plugins

__all__ = ["LIBRARY_CODES", "RULE_FAILED", "catalogue", "codes_of"]

RULE_FAILED = FindingCode(
    code="core/rule-failed",
    severity="warning",
    template="rule {rule} (plugin {plugin}) failed and its findings are missing: "
    "{error_type}: {error}",
    variants={
        "record": "{source} row {row}: rule {rule} failed on this record: {error_type}: {error}",
        "records": "rule {rule} failed on {count} records in all; the first {shown} are reported",
    },
    description="A rule raised; its findings are missing (the other rules still run).",
    since="0.1.0",
)

_REGISTRY = (
    FindingCode(
        code="registry/rows",
        severity="info",
        template="{source}: {rows} rows of {kind}, {records} read, {skipped} skipped",
        description="What a registry file held: its rows, how many were read and skipped.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/bad-row",
        severity="error",
        template="{source} row {row}: {problem}",
        variants={"cell": "{source} row {row}, column {column}: {problem}"},
        description="A row whose required cells do not read yields no record and is skipped.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/bad-value",
        severity="error",
        template="{source} row {row}, column {column}: {problem}; {instead}",
        description="An optional cell that does not read is left empty or takes the default.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/ragged-row",
        severity="warning",
        template="{source} row {row}: {cells} cells, but the header has {width}; the cells past "
        "the header are not read",
        variants={
            "short": "{source} row {row}: {cells} cells, but the header has {width}; the "
            "missing ones are read as empty"
        },
        description="A row has more or fewer cells than the header.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/unknown-column",
        severity="info",
        template="{source}: column «{column}» names no field of {kind}; it is not read",
        description="A column names no field of the file's records and is not read.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/repeated-column",
        severity="warning",
        template="{source}: column «{column}» names {field} too, which another column names "
        "more plainly; it is not read",
        description="A second column names a field; the most specific wording is read.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/rule-not-streamed",
        severity="info",
        template="rule {rule} checks whole registries and did not run on the files; validate "
        "the registry read whole to run it",
        description="A rule of whole registries cannot check files streamed record by record.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/more-findings",
        severity="info",
        template="{more} more findings of {code} are not listed; {count} in all",
        description="A streamed validation lists the first findings of a code and counts the rest.",
        since="0.2.0",
    ),
    FindingCode(
        code="registry/unknown-region",
        severity="warning",
        template="{where}: region «{region}» is no region a plugin registers; only the core "
        "rules ran (name an ISO 3166-2 code such as RU-SAM)",
        description="The region given or named by the records is none a plugin registers.",
        since="0.2.0",
    ),
)

LIBRARY_CODES: Mapping[str, FindingCode] = types.MappingProxyType(
    {spec.code: spec for spec in sorted((RULE_FAILED, *_REGISTRY), key=lambda s: s.code)}
)
"""The codes dod_model emits outside rules, by code: ``core/rule-failed`` and ``registry/…``.

.. versionadded:: 0.3.0
"""


def codes_of(rule: Rule) -> tuple[FindingCode, ...]:
    """The codes a rule declares: its ``code``, and any it lists in ``codes``, sorted by code.

    A rule made by :func:`~dod_model.rule` or :func:`~dod_model.registry.record_rule` declares
    its code as a :class:`FindingCode` (its ``codes``). Of any other rule object, a ``codes``
    attribute may list :class:`FindingCode` values or bare code strings; a bare code, and the
    rule's ``code`` if not listed, are declared with the rule's severity and ``description``.

    .. versionadded:: 0.3.0
    """
    severity = rule.severity
    description = " ".join(str(getattr(rule, "description", "") or "").split())
    declared: dict[str, FindingCode] = {}
    for item in (*getattr(rule, "codes", ()), rule.code):
        spec = (
            item
            if isinstance(item, FindingCode)
            else FindingCode(code=str(item), severity=severity, description=description)
        )
        declared.setdefault(spec.code, spec)
    return tuple(sorted(declared.values(), key=lambda s: s.code))


def catalogue(plugins: Plugins | None = None) -> tuple[FindingCode, ...]:
    """Every finding code: the library's own and those the registered rules declare.

    >>> from dod_model.plugins import get_plugin_manager
    >>> from dod_model.validation import catalogue
    >>> codes = catalogue(get_plugin_manager(entry_points=False))
    >>> [(c.code, c.severity.value, c.since) for c in codes if c.code.startswith("amur/")]
    [('amur/financing-before-pfdo', 'info', '0.2.0'), ('amur/founding-steps', 'warning', '0.1.0'), \
('amur/nominal-per-municipality', 'warning', '0.2.0')]

    Args:
        plugins: The plugin session whose rules to list; the default one when ``None``.

    Returns:
        The codes, sorted by code.

    Raises:
        PluginError: Two declarations of one code differ (the message names both).

    .. versionadded:: 0.3.0
    """
    plugins = default_plugins() if plugins is None else plugins
    sources = plugins.rule_sources()
    found: dict[str, tuple[FindingCode, str]] = {
        code: (spec, "dod_model") for code, spec in LIBRARY_CODES.items()
    }
    for rule in plugins.all_rules():
        where = f"rule {rule.code} (plugin {sources.get(rule.code, '?')})"
        for spec in codes_of(rule):
            first = found.setdefault(spec.code, (spec, where))
            if first[0] != spec:
                msg = f"finding code {spec.code!r} is declared twice: by {first[1]} and by {where}"
                raise PluginError(msg)
    return tuple(spec for _, (spec, _) in sorted(found.items()))
