"""One way to choose a registered importer or exporter: by name, else by suffix and content."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Protocol, TypeVar

from dod_model._errors import DocumentError

__all__ = ["choose"]


class _Claims(Protocol):
    @property
    def suffixes(self) -> tuple[str, ...]: ...


C = TypeVar("C", bound=_Claims)


def choose(
    registered: Mapping[str, C],
    *,
    kind: str,
    target: str,
    format: str | None,
    accepts: Callable[[C], bool],
) -> C | None:
    """The plugin named ``format``, else the first that ``accepts`` the document.

    Those that claim the suffix of ``target`` are tried first, the others after, in name order.

    Args:
        registered: Importers or exporters by name, sorted by name.
        kind: «importer» or «exporter», for the message.
        target: The document as the user named it: its suffix, and the message.
        format: A plugin's name, or ``None`` to choose by suffix and ``accepts``.
        accepts: Whether a plugin takes this document (an importer sniffs its first bytes).

    Returns:
        The plugin, or ``None`` when none accepts the document.

    Raises:
        DocumentError: No plugin is named ``format``; the message lists the known ones.
    """
    if format is not None:
        if format not in registered:
            known = ", ".join(registered) or "none"
            msg = f"{target}: no {kind} for format {format!r} (known: {known})"
            raise DocumentError(msg)
        return registered[format]
    suffix = PurePath(target).suffix.casefold()
    claiming = [c for c in registered.values() if suffix and suffix in c.suffixes]
    others = [c for c in registered.values() if c not in claiming]
    return next((c for c in (*claiming, *others) if accepts(c)), None)
