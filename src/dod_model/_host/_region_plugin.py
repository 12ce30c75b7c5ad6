"""A ready-made plugin for a region: its :class:`Region`, abbreviations and rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import attrs

from dod_model._contracts import Finding, Rule, RuleContext, Severity
from dod_model._errors import PluginError
from dod_model.hookspecs import RegisterAbbreviations, hookimpl
from dod_model.model import Region

__all__ = ["RegionPlugin", "RegionalRule"]


def _mapping(entries: Mapping[str, str]) -> dict[str, str]:
    return dict(entries)


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


@attrs.frozen
class RegionalRule:
    """A rule made a region's by a :class:`RegionPlugin`: another object's rule, wrapped.

    A rule given to a :class:`RegionPlugin` without a region gets the plugin's. One that is an
    attrs class with a ``region`` field (what :func:`~dod_model.rule` and
    :func:`~dod_model.registry.record_rule` make) is copied with it; any other is wrapped in a
    :class:`RegionalRule`, whose code, severity and check are the wrapped rule's, and which
    reads any other attribute (``description``, ``codes``) from it.

    Attributes:
        rule: The wrapped rule.
        region: ISO 3166-2 code of the region it checks the documents of.

    .. versionadded:: 0.3.0
    """

    rule: Rule
    region: str

    @property
    def code(self) -> str:
        """The wrapped rule's code."""
        return self.rule.code

    @property
    def severity(self) -> Severity | str:
        """The wrapped rule's severity."""
        return self.rule.severity

    def check(self, obj: object, context: RuleContext) -> Iterable[Finding]:
        """The wrapped rule's findings."""
        return self.rule.check(obj, context)

    def __getattr__(self, name: str) -> object:
        if name == "rule":  # not set yet (while copying): never look it up in itself
            raise AttributeError(name)
        return getattr(self.rule, name)


def _regional(rule: Rule, region: str) -> Rule:
    """``rule`` for documents of ``region``: as it is, copied with the region, or wrapped."""
    given = getattr(rule, "region", None)
    if given == region:
        return rule
    if given is not None:
        msg = (
            f"rule {getattr(rule, 'code', rule)!r} is for region {given}, but the plugin of "
            f"region {region} registers it"
        )
        raise PluginError(msg)
    kind = type(rule)
    if attrs.has(kind) and getattr(attrs.fields_dict(kind).get("region"), "init", False):
        regional: Rule = attrs.evolve(rule, region=region)  # type: ignore[misc]  # attrs class
        return regional
    return RegionalRule(rule, region)


@attrs.frozen
class RegionPlugin:
    """A plugin that registers one region, its abbreviations and its rules.

    Register an instance under the ``dod_model`` entry-point group (or with
    :meth:`~dod_model.Plugins.register`) instead of writing the three hooks by hand::

        PLUGIN = RegionPlugin(REGION, abbreviations={"МОН КО": "…"}, rules=(no_navigator,))

    Its rules are for its region: a rule given without a region gets the region's code (see
    :class:`RegionalRule`), so the rules need not repeat ``region=``.

    Attributes:
        region: The region.
        abbreviations: Its abbreviations and what they stand for.
        rules: Its rules, each for the region.

    Raises:
        PluginError: A rule is for another region (the message names both).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       Rules without a region get the plugin's; a rule for another region is an error.
    """

    region: Region
    abbreviations: Mapping[str, str] = attrs.field(factory=dict, converter=_mapping)
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)

    def __attrs_post_init__(self) -> None:
        rules = tuple(_regional(rule, self.region.code) for rule in self.rules)
        object.__setattr__(self, "rules", rules)  # frozen: set once, while it is made

    @hookimpl
    def dod_register_regions(self, register: Callable[[Region], None]) -> None:
        """The region."""
        register(self.region)

    @hookimpl
    def dod_register_abbreviations(self, register: RegisterAbbreviations) -> None:
        """Its abbreviations, for its documents only."""
        if self.abbreviations:
            register(dict(self.abbreviations), region=self.region.code)

    @hookimpl
    def dod_register_rules(self, register: Callable[[Rule], None]) -> None:
        """Its rules."""
        for rule in self.rules:
            register(rule)
