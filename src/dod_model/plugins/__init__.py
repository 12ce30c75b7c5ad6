"""The built-in plugins: ``core`` (rules, importers, exporters) and the five regions.

They are the top layer of the library: the plugin host loads them by module name, through the
same hooks as installed plugins, and nothing below imports them. The host's names are
re-exported here for code written against 0.2; import them from :mod:`dod_model`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dod_model._base import publish
from dod_model._errors import BrokenPluginsError
from dod_model._host import (
    PluginInfo,
    PluginLoadWarning,
    Plugins,
    RegionalRule,
    RegionPlugin,
    default_plugins,
    get_plugin_manager,
)
from dod_model.model import Region, RegionMatch, detect_region, explain_region, subjects

__all__ = [
    "BrokenPluginsError",
    "PluginInfo",
    "PluginLoadWarning",
    "Plugins",
    "Region",
    "RegionMatch",
    "RegionPlugin",
    "RegionalRule",
    "default_plugins",
    "detect_region",
    "explain_region",
    "get_plugin_manager",
    "subjects",
]

publish(__name__, *(globals()[name] for name in __all__))
