"""The library's version (read from its metadata when first asked for) and its JSON's.

Reading distribution metadata costs a sixth of an import of the library; ``dod_model.__version__``
and :func:`library_version` read it on first use.
"""

from __future__ import annotations

import functools
from typing import Final

__all__ = ["SCHEMA_VERSION", "library_version"]

SCHEMA_VERSION: Final = "1.1"
"""Version of the JSON form, ``MAJOR.MINOR``: a reader accepts every minor version of its major."""


@functools.cache
def library_version() -> str:
    """The installed version of ``dod-model`` («0.3.0»), or «0+unknown» in an uninstalled tree."""
    import importlib.metadata  # noqa: PLC0415 - its import costs more than the rest of this module

    try:
        return importlib.metadata.version("dod-model")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a source tree
        return "0+unknown"
