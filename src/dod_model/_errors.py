"""The exceptions of dod_model.

Every exception the library raises on purpose derives from :class:`DodModelError`, and each one
also derives from the builtin a caller would naturally catch::

    DodModelError                      (Exception)
    ├── DocumentError                  (ValueError)  a document cannot be read as a roadmap
    ├── SchemaError                    (ValueError)  JSON does not match the model's schema
    └── PluginError                                  a plugin is broken or conflicts with another
        └── BrokenPluginsError         (DocumentError) read() met broken plugins (dod_model.plugins)

Third-party exceptions (zipfile, lxml, cattrs, json) are translated into these at the boundary,
with a message that names the file or JSON place and says what to do.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "BrokenPluginsError",
    "DocumentError",
    "DodModelError",
    "PluginError",
    "SchemaError",
    "SchemaFault",
]


class DodModelError(Exception):
    """Base class of every error dod_model raises.

    .. versionadded:: 0.1.0
    """


class DocumentError(DodModelError, ValueError):
    """A document is unreadable, unsafe or not a roadmap.

    .. versionadded:: 0.1.0
    """


@attrs.frozen
class SchemaFault:
    """One place where JSON does not fit the model.

    Attributes:
        pointer: JSON Pointer (RFC 6901) of the offending value; ``""`` is the document itself.
        message: What is wrong there, e.g. ``not a date "31.13.2019"``.

    .. versionadded:: 0.1.0
    """

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


class SchemaError(DodModelError, ValueError):
    """JSON text does not match the schema of the requested model class.

    Every fault is listed, each at the JSON Pointer of its place, in document order.

    Attributes:
        faults: The faults found, never empty.

    .. versionadded:: 0.1.0
    """

    def __init__(self, faults: Iterable[SchemaFault], *, what: str = "JSON") -> None:
        self.faults: tuple[SchemaFault, ...] = tuple(faults)
        lines = "\n".join(f"  {fault}" for fault in self.faults)
        count = len(self.faults)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{what} does not match the schema ({count} {noun}):\n{lines}")


class PluginError(DodModelError):
    """A plugin failed to load, or registers something that conflicts with another plugin.

    .. versionadded:: 0.1.0
    """


class BrokenPluginsError(PluginError, DocumentError):
    """:func:`dod_model.read` could not read a document because the plugins are broken.

    A :class:`PluginError` (its message is about the plugins and names no document), and a
    :class:`DocumentError` too, so that a caller of ``read()`` that catches only that, as the
    contract says it may, still catches it.

    .. versionadded:: 0.3.0
    """
