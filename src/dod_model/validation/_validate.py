"""``validate``: run the rules of a document's region and collect a report."""

from __future__ import annotations

from collections.abc import Iterable

from dod_model._contracts import Finding, Report, RuleContext
from dod_model._host import Plugins, default_plugins
from dod_model.validation._catalogue import LIBRARY_CODES, RULE_FAILED, codes_of
from dod_model.validation._exclude import exclusion

__all__ = ["validate"]


def _known_codes(plugins: Plugins) -> set[str]:
    return {spec.code for rule in plugins.all_rules() for spec in codes_of(rule)} | set(
        LIBRARY_CODES
    )


def validate(
    obj: object,
    *,
    plugins: Plugins | None = None,
    region: str | None = None,
    exclude: Iterable[str] = (),
) -> Report:
    """Check a roadmap or registry: the core rules and the rules of its region.

    >>> import dod_model
    >>> from dod_model import examples
    >>> roadmap = examples.load("tambov")
    >>> "tambov/year-not-covered" in dod_model.validate(roadmap).codes()
    True
    >>> report = dod_model.validate(roadmap, exclude={"tambov/year-not-covered"})
    >>> "tambov/year-not-covered" in report.codes()
    False

    Args:
        obj: A :class:`~dod_model.Roadmap`, :class:`~dod_model.registry.ProgrammeRegistry` or
            :class:`~dod_model.registry.CertificateRegistry`.
        plugins: The plugin session (:func:`~dod_model.get_plugin_manager`); the default one,
            with every installed plugin, when ``None``.
        region: ISO 3166-2 code whose rules to run, instead of the document's own ``region``;
            the report's ``region`` is it. ``""`` runs the rules of no region (the core ones).
        exclude: Finding codes to turn off (``"tambov/year-not-covered"``), or whole
            namespaces (``"tambov/*"``); those of the ``DOD_MODEL_EXCLUDE_RULES`` environment
            variable (separated by commas) are turned off too (since 0.3.0).

    Returns:
        The report; a rule that fails adds a ``core/rule-failed`` warning instead of raising.

    Raises:
        ValueError: ``region`` is no known code (the message lists them); or a code or
            namespace in ``exclude`` is none a rule emits (the message lists the nearest); in
            the environment variable that is a warning.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       An unknown ``region`` is an error. Takes ``exclude``, and reads
       ``DOD_MODEL_EXCLUDE_RULES``.
    """
    plugins = default_plugins() if plugins is None else plugins
    if region:  # "" is no region's
        plugins.require_region(region)
    code = region if region is not None else getattr(obj, "region", None)
    checkers = plugins.rules(code)
    off = exclusion(exclude, lambda: _known_codes(plugins))
    context = RuleContext(obj, plugins.region(code), plugins.glossary(code))
    sources = plugins.rule_sources()
    findings: list[Finding] = []
    for checker in checkers:
        if off and all(spec.code in off for spec in codes_of(checker)):
            continue
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
    if off:
        findings = [f for f in findings if f.code not in off]
    return Report.build(findings, region=code, plugins=plugins.versions(), order=context.order)
