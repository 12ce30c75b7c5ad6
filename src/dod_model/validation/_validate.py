"""``validate``: run the rules of a document's region and collect a report."""

from __future__ import annotations

from dod_model._contracts import Finding, Report, RuleContext
from dod_model._host import Plugins, default_plugins
from dod_model.validation._catalogue import RULE_FAILED

__all__ = ["validate"]


def validate(obj: object, *, plugins: Plugins | None = None, region: str | None = None) -> Report:
    """Check a roadmap or registry: the core rules and the rules of its region.

    Args:
        obj: A :class:`~dod_model.Roadmap`, :class:`~dod_model.registry.ProgrammeRegistry` or
            :class:`~dod_model.registry.CertificateRegistry`.
        plugins: The plugin session (:func:`~dod_model.get_plugin_manager`); the default one,
            with every installed plugin, when ``None``.
        region: ISO 3166-2 code whose rules to run, instead of the document's own ``region``;
            the report's ``region`` is it. ``""`` runs the rules of no region (the core ones).

    Returns:
        The report; a rule that fails adds a ``core/rule-failed`` warning instead of raising.

    Raises:
        ValueError: ``region`` is no known code; the message lists them.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       An unknown ``region`` is an error.
    """
    plugins = default_plugins() if plugins is None else plugins
    if region:  # "" is no region's
        plugins.require_region(region)
    code = region if region is not None else getattr(obj, "region", None)
    context = RuleContext(obj, plugins.region(code), plugins.glossary(code))
    sources = plugins.rule_sources()
    findings: list[Finding] = []
    for checker in plugins.rules(code):
        try:
            findings.extend(checker.check(obj, context))
        except Exception as exc:
            findings.append(
                RULE_FAILED.finding(
                    rule=checker.code,
                    plugin=sources.get(checker.code, "?"),
                    error_type=type(exc).__name__,
                    error=exc,
                )
            )
    return Report.build(findings, region=code, plugins=plugins.versions(), order=context.order)
