"""The library's version, from the installed distribution's metadata, read when first asked for.

Reading distribution metadata costs a sixth of an import of the library; ``dod_model.__version__``
and :func:`library_version` read it on first use.
"""

from __future__ import annotations

import functools
import importlib.metadata

__all__ = ["library_version"]


@functools.cache
def library_version() -> str:
    """The installed version of ``dod-model`` («0.3.0»), or «0+unknown» in an uninstalled tree."""
    try:
        return importlib.metadata.version("dod-model")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a source tree
        return "0+unknown"
