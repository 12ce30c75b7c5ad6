"""The JSON exporter: the canonical JSON of :func:`dod_model.dumps`."""

from __future__ import annotations

from dod_model.codec import dumps
from dod_model.model import Roadmap

__all__ = ["JsonExporter"]


class JsonExporter:
    """Canonical JSON (UTF-8), the form :func:`dod_model.loads` reads back to an equal roadmap.

    .. versionadded:: 0.2.0
    """

    name = "json"
    suffixes = (".json",)
    media_type = "application/json"

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap as canonical JSON bytes."""
        return dumps(roadmap).encode("utf-8")
