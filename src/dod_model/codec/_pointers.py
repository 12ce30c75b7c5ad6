r"""Translate cattrs' exception groups into :class:`~dod_model.SchemaFault`\\ s at JSON Pointers."""

from __future__ import annotations

from collections.abc import Iterator

from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from dod_model._base import escape_token
from dod_model._errors import SchemaFault
from dod_model.codec._converter import Fault

__all__ = ["faults_of"]


def _step(exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return "/" + escape_token(note.name)
        if isinstance(note, IterableValidationNote):
            return "/" + escape_token(note.index)
    return ""


def _message(exc: BaseException) -> str:
    if isinstance(exc, Fault):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required, but missing"
    if isinstance(exc, ValueError | TypeError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def faults_of(exc: BaseException, pointer: str = "") -> Iterator[SchemaFault]:
    """Yield every fault inside a (possibly nested) cattrs validation error, in document order.

    Args:
        exc: What structuring raised.
        pointer: JSON Pointer of the value that was being structured.
    """
    here = pointer + _step(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield SchemaFault(
                f"{here}/{escape_token(key)}", "unknown key: the schema has no such field"
            )
    elif isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            yield from faults_of(sub, here)
    else:
        yield SchemaFault(here, _message(exc))
