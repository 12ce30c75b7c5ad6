"""The plugin host: a pluggy manager behind a typed facade, and the ready-made region plugin.

It loads the built-in plugins (:mod:`dod_model.plugins`) by module name and the installed ones by
entry point; nothing here imports a plugin.
"""

from dod_model._base import publish
from dod_model._host._manager import (
    BUILTIN,
    PluginConflictWarning,
    PluginInfo,
    PluginLoadWarning,
    Plugins,
    default_plugins,
    get_plugin_manager,
)
from dod_model._host._region_plugin import RegionalRule, RegionPlugin

# Documented at the top level (the others are published by dod_model.plugins).
publish(
    "dod_model",
    PluginConflictWarning,
    PluginLoadWarning,
    Plugins,
    RegionPlugin,
    get_plugin_manager,
    replace=True,
)

__all__ = [
    "BUILTIN",
    "PluginConflictWarning",
    "PluginInfo",
    "PluginLoadWarning",
    "Plugins",
    "RegionPlugin",
    "RegionalRule",
    "default_plugins",
    "get_plugin_manager",
]
