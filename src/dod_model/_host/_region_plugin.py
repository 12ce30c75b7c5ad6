"""A ready-made plugin for a region: its :class:`Region`, abbreviations and rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from dod_model._contracts import Rule
from dod_model.hookspecs import RegisterAbbreviations, hookimpl
from dod_model.model import Region

__all__ = ["RegionPlugin"]


def _mapping(entries: Mapping[str, str]) -> dict[str, str]:
    return dict(entries)


def _rules(rules: tuple[Rule, ...] | list[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


@attrs.frozen
class RegionPlugin:
    """A plugin that registers one region, its abbreviations and its rules.

    Register an instance under the ``dod_model`` entry-point group (or with
    :meth:`~dod_model.Plugins.register`) instead of writing the three hooks by hand::

        PLUGIN = RegionPlugin(REGION, abbreviations={"МОН КО": "…"}, rules=(no_navigator,))

    Attributes:
        region: The region.
        abbreviations: Its abbreviations and what they stand for.
        rules: Its rules.

    .. versionadded:: 0.1.0
    """

    region: Region
    abbreviations: Mapping[str, str] = attrs.field(factory=dict, converter=_mapping)
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)

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
