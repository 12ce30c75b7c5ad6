"""What importer and exporter plugins provide: the typed contracts of two hooks."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from dod_model._contracts._raw import RawDocument
from dod_model.model import Roadmap

__all__ = ["Exporter", "Importer"]


@runtime_checkable
class Importer(Protocol):
    """What an importer registered through ``dod_register_importers`` provides.

    An importer turns a document's bytes into the shared raw document (paragraphs and tables of
    cells with their spans and places); the one layout stage builds the roadmap from it, so a
    roadmap reads the same whatever format it came in.

    .. versionadded:: 0.3.0
    """

    @property
    def name(self) -> str:
        """The ``format`` users pass to :func:`dod_model.read` («docx», «text», …)."""
        ...

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File suffixes it claims, lower case with the dot («.docx»).

        It is tried first for a file of one of them.
        """
        ...

    def sniff(self, head: bytes) -> bool:
        """Whether the first bytes (8 KiB at most) look like this importer's format."""
        ...

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw document of ``data``; ``name`` names the document in messages.

        Raises:
            DocumentError: The document is damaged, unsafe or not of this format.
        """
        ...


@runtime_checkable
class Exporter(Protocol):
    """What an exporter registered through ``dod_register_exporters`` provides.

    .. versionadded:: 0.2.0
    """

    @property
    def name(self) -> str:
        """The ``format`` users pass to :func:`dod_model.write` («json», «csv», …)."""
        ...

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File suffixes it writes, lower case with the dot («.json»).

        The first is the one ``dod-model read -o DIR`` gives its files.
        """
        ...

    @property
    def media_type(self) -> str:
        """The IANA media type of what it writes."""
        ...

    def export(self, roadmap: Roadmap) -> bytes:
        """The document's bytes. Must not raise for any valid roadmap."""
        ...
