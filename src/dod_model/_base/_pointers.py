"""JSON Pointers (RFC 6901), as findings and schema faults write them."""

from __future__ import annotations

__all__ = ["escape_token"]


def escape_token(token: str | int) -> str:
    """Escape one reference token of a JSON Pointer (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")
