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
    first: tuple[str, ...] = (),
) -> C | None:
    """The plugin named ``format``, else the first that ``accepts`` the document.

    Those that claim a suffix of ``first`` are tried first, then those that claim the suffix of
    ``target``, the others after, each group in name order.

    Args:
        registered: Importers or exporters by name, sorted by name.
        kind: «importer» or «exporter», for the message.
        target: The document as the user named it: its suffix, and the message.
        format: A plugin's name, or ``None`` to choose by suffix and ``accepts``.
        accepts: Whether a plugin takes this document (an importer sniffs its first bytes).
        first: Suffixes whose claimants go first (what the content shows a document to be).

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
    order: list[C] = []
    for suffix in (*first, PurePath(target).suffix.casefold()):
        order += [
            c for c in registered.values() if suffix and suffix in c.suffixes and c not in order
        ]
    order += [c for c in registered.values() if c not in order]
    return next((c for c in order if accepts(c)), None)
