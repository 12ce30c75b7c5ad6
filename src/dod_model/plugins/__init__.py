"""Plugins: the host, the regions, and the built-in plugins (``core`` and five regions).

Plugins implement the hooks of :mod:`dod_model.hookspecs` and are found under the entry-point
group ``dod_model``. :func:`get_plugin_manager` builds a session of them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools

from dod_model.plugins._host import (
    PluginInfo,
    PluginLoadWarning,
    Plugins,
    get_plugin_manager,
)
from dod_model.plugins._region import Region, detect_region
from dod_model.plugins._region_plugin import RegionPlugin

__all__ = [
    "PluginInfo",
    "PluginLoadWarning",
    "Plugins",
    "Region",
    "RegionPlugin",
    "default_plugins",
    "detect_region",
    "get_plugin_manager",
]


@functools.cache
def default_plugins() -> Plugins:
    """The plugin session :func:`dod_model.validate` uses by default: built once, on first use.

    .. versionadded:: 0.1.0
    """
    return get_plugin_manager()
