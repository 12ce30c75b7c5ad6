"""What a rule sees besides the object: its region, period, glossary and JSON Pointers."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from dod_model._base import escape_token
from dod_model.model import Period, Region, Roadmap
from dod_model.text import Glossary

__all__ = ["RuleContext"]


def _walk(obj: object, pointer: str) -> Iterator[tuple[object, str]]:
    """Every model object inside ``obj`` with its JSON Pointer, in document order."""
    yield obj, pointer
    for field in attrs.fields(type(obj)):  # type: ignore[arg-type]  # only attrs instances get here
        value = getattr(obj, field.name)
        here = f"{pointer}/{escape_token(field.name)}"
        if attrs.has(type(value)):
            yield from _walk(value, here)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _walk(item, f"{here}/{index}")


class RuleContext:
    """The context a :class:`~dod_model.Rule` checks an object in.

    Attributes:
        document: The validated document (a roadmap or a registry).
        region: The :class:`~dod_model.Region` in force, or ``None``.
        glossary: The shared glossary merged with the region's.

    .. versionadded:: 0.1.0
    """

    def __init__(self, document: object, region: Region | None, glossary: Glossary) -> None:
        self.document = document
        self.region = region
        self.glossary = glossary
        self._pointers: dict[int, str] = {}
        self._order: dict[str, int] = {}
        for index, (obj, pointer) in enumerate(_walk(document, "")):
            self._pointers.setdefault(id(obj), pointer)
            self._order.setdefault(pointer, index)

    def pointer(self, obj: object) -> str:
        """JSON Pointer of ``obj`` inside :func:`dod_model.dumps` of the document.

        An object that stands in several places (one shared instance) gets the first.

        Raises:
            KeyError: ``obj`` is not inside the document.
        """
        try:
            return self._pointers[id(obj)]
        except KeyError:
            msg = f"{type(obj).__name__} is not part of the validated document"
            raise KeyError(msg) from None

    def order(self, pointer: str) -> int:
        """Position of a pointer in document order (for sorting findings)."""
        while pointer not in self._order and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        return self._order.get(pointer, 0)

    @property
    def period(self) -> Period | None:
        """The roadmap's period, when the document is a roadmap that states one."""
        return self.document.period if isinstance(self.document, Roadmap) else None
