"""The pytest plugin of dod_model, for plugin authors' tests (loaded automatically).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import pytest

from dod_model.plugins import Plugins, get_plugin_manager

__all__ = ["dod_plugins"]


@pytest.fixture
def dod_plugins() -> Plugins:
    """A plugin session with the built-in plugins only, none of the installed ones.

    ``dod_plugins.register(module, "name")`` adds a plugin, ``dod_plugins.unregister("name")``
    removes it; pass ``plugins=dod_plugins`` to :func:`dod_model.validate`.
    """
    return get_plugin_manager(entry_points=False)
