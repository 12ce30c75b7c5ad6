"""What a rule sees besides the object: its region, period, glossary and JSON Pointers.

Pointers are found by identity, never by equality: the model's values are frozen and compare
by value, and the layout shares one instance between the places that hold an equal value (one
:class:`~dod_model.Deadline` for every activity due «Апрель 2019 года», one tuple of parties
per distinct responsible cell). A shared instance stands in several places; which one a rule
means is told by the object the rule was handed (:attr:`RuleContext.here`), or by naming the
holder and its field: ``context.pointer(activity, "deadline")``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import attrs

from dod_model._base import escape_token
from dod_model.model import Period, Region, Roadmap
from dod_model.text import Glossary

__all__ = ["RuleContext"]


def _walk(obj: object, pointer: str) -> Iterator[tuple[object, str]]:
    """Every model object inside ``obj`` with its JSON Pointer, in document order.

    A shared instance comes once for each place it stands in.
    """
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


def _within(pointer: str, scope: str) -> bool:
    """Whether ``pointer`` is ``scope`` or a place inside it."""
    return not scope or pointer == scope or pointer.startswith(f"{scope}/")


def _field_tokens(obj: object, field: str) -> list[str]:
    """The escaped tokens of ``field`` («deadline», «results/0») of ``obj``, each checked."""
    tokens: list[str] = []
    value = obj
    for token in field.split("/"):
        if attrs.has(type(value)) and token in attrs.fields_dict(type(value)):  # type: ignore[arg-type]
            value = getattr(value, token)
        elif isinstance(value, tuple) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            what = type(value).__name__
            known = (
                ", ".join(attrs.fields_dict(type(value)))  # type: ignore[arg-type]
                if attrs.has(type(value))
                else f"indices 0–{len(value) - 1}"
                if isinstance(value, tuple) and value
                else "nothing"
            )
            msg = f"{type(obj).__name__} has no field {field!r}: {what} has {known}"
            raise KeyError(msg)
        tokens.append(escape_token(token))
    return tokens


class RuleContext:
    """The context a :class:`~dod_model.Rule` checks an object in.

    Attributes:
        document: The validated document (a roadmap or a registry).
        region: The :class:`~dod_model.Region` in force, or ``None``.
        glossary: The shared glossary merged with the region's.
        here: JSON Pointer of the object the rule was handed: ``""`` for the document, the
            activity's place for a rule made with ``applies_to=Activity`` (since 0.3.0).
        strict: Whether a pointer the context cannot tell (a shared instance asked for where
            :attr:`here` does not decide its place) raises :class:`LookupError` instead of
            giving the first place; :func:`dod_model.testing.check_rule` checks rules so
            (since 0.3.0).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       Shared instances are placed by :attr:`here`; :meth:`pointer` takes a field.
    """

    def __init__(
        self, document: object, region: Region | None, glossary: Glossary, *, strict: bool = False
    ) -> None:
        self.document = document
        self.region = region
        self.glossary = glossary
        self.here = ""
        self.strict = strict
        self._entries = tuple(_walk(document, ""))
        self._first: dict[int, str] = {}
        self._shared: dict[int, list[str]] = {}  # the places of instances standing in several
        self._order: dict[str, int] = {}
        for index, (obj, pointer) in enumerate(self._entries):
            first = self._first.setdefault(id(obj), pointer)
            if first != pointer:
                self._shared.setdefault(id(obj), [first]).append(pointer)
            self._order.setdefault(pointer, index)
        self._of_type: dict[tuple[type, ...], tuple[tuple[object, str], ...]] = {}

    def places(self, obj: object) -> tuple[str, ...]:
        """The places ``obj`` may be meant at: one, unless it is a shared instance.

        A shared instance that stands under :attr:`here` gives its places there (one, unless
        the object :attr:`here` names holds it twice); one that does not, all its places.

        Raises:
            KeyError: ``obj`` is not inside the document.

        .. versionadded:: 0.3.0
        """
        key = id(obj)
        if key not in self._first:
            msg = f"{type(obj).__name__} is not part of the validated document"
            raise KeyError(msg)
        places = self._shared.get(key)
        if places is None:
            return (self._first[key],)
        inside = tuple(p for p in places if _within(p, self.here))
        return inside or tuple(places)

    def pointer(self, obj: object, field: str | None = None) -> str:
        """JSON Pointer of ``obj`` (or of its ``field``) inside :func:`dod_model.dumps`.

        ``obj`` is found by identity. A shared instance (one object standing in several places,
        as the layout makes equal deadlines, results and parties) is placed under :attr:`here`;
        where that does not decide, name the holder instead: ``pointer(activity, "deadline")``.

        Args:
            obj: A model object inside the validated document.
            field: A field of ``obj``, or a path of fields and indices (``"results/0"``).

        Raises:
            KeyError: ``obj`` is not inside the document, or has no such field.
            LookupError: In a :attr:`strict` context, ``obj`` is a shared instance whose place
                the context cannot tell.

        .. versionchanged:: 0.3.0
           Takes ``field``; a shared instance is placed under :attr:`here`.
        """
        places = self.places(obj)
        if len(places) > 1 and self.strict:
            shown = ", ".join(places[:3]) + (", …" if len(places) > 3 else "")
            msg = (
                f"this {type(obj).__name__} is one instance standing in {len(places)} places "
                f"({shown}): its pointer cannot tell which is meant; name its holder, as in "
                "context.pointer(activity, 'deadline') or yield (activity, 'deadline'), or "
                "make the rule applies_to=Activity"
            )
            raise LookupError(msg)
        if field is None or field == "":
            return places[0]
        return "/".join((places[0], *_field_tokens(obj, field)))

    def each(self, types: tuple[type, ...]) -> Iterator[tuple[object, RuleContext]]:
        """Every object of ``types`` in the document, with the context of its place.

        A shared instance comes once for each place it stands in; the document itself comes
        first if it is of ``types``. Each context's :attr:`here` is the object's pointer.

        .. versionadded:: 0.3.0
        """
        if types not in self._of_type:
            self._of_type[types] = tuple((o, p) for o, p in self._entries if isinstance(o, types))
        for obj, pointer in self._of_type[types]:
            if _within(pointer, self.here):
                yield obj, self.at(pointer)

    def at(self, pointer: str) -> RuleContext:
        """This context with :attr:`here` at ``pointer`` (a place inside the document).

        .. versionadded:: 0.3.0
        """
        if pointer == self.here:
            return self
        if pointer not in self._order:
            msg = f"nothing stands at {pointer!r} in the validated document"
            raise KeyError(msg)
        scoped = copy.copy(self)
        scoped.here = pointer
        return scoped

    def order(self, pointer: str) -> int:
        """Position of a pointer in document order (for sorting findings)."""
        while pointer not in self._order and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        return self._order.get(pointer, 0)

    @property
    def period(self) -> Period | None:
        """The roadmap's period, when the document is a roadmap that states one."""
        return self.document.period if isinstance(self.document, Roadmap) else None
