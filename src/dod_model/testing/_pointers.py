"""JSON Pointers resolved in JSON-ready data, as tests of rules need them."""

from __future__ import annotations

from typing import Any

__all__ = ["resolve_pointer"]


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The value at a JSON Pointer (RFC 6901) inside JSON-ready data.

    Raises:
        KeyError: Nothing stands there.

    .. versionadded:: 0.1.0
    """
    if pointer == "":
        return data
    value = data
    for token in pointer.split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif isinstance(value, dict) and key in value:
            value = value[key]
        else:
            msg = f"nothing at {pointer!r}"
            raise KeyError(msg)
    return value
