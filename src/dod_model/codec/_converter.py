"""The one cattrs converter of dod_model, built by :func:`make_converter`.

JSON form: attrs classes are objects with every field (``null`` for absent values), tuples are
arrays, dates ISO 8601 strings (``"2019-08-15"``), decimals strings (``"1234.50"``, exact),
enumerations their stable string values. Structuring is strict: no coercion between JSON types,
no unknown keys, every fault collected (see :mod:`dod_model.codec._pointers`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from dod_model.model import LabelledEnum

__all__ = ["Fault", "make_converter"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


class Fault(ValueError):
    """A value that does not fit its type; the message is shown to the user as is."""


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise Fault(f"not a string: {_describe(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    # As JSON Schema says, 3.0 is an integer: writers in other languages emit it for 3.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Fault(f"not an integer: {_describe(value)}")
    return value


def _structure_number(value: object, _: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Fault(f"not a number: {_describe(value)}")
    if isinstance(value, float) and not math.isfinite(value):  # JSON has no such number
        raise Fault(f"not a finite number: {_describe(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise Fault(f"not true or false: {_describe(value)}")
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise Fault(f"not a date (YYYY-MM-DD): {_describe(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Fault(f"not a date: {_describe(value)}") from None


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise Fault(f'not a decimal string such as "1234.50": {_describe(value)}')
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise Fault(f"not a decimal: {_describe(value)}") from None


@functools.cache
def _members(cls: type[enum.Enum]) -> tuple[dict[object, enum.Enum], str]:
    values = {member.value: member for member in cls}
    return values, ", ".join(f'"{v}"' for v in values)


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    values, allowed = _members(cls)
    if isinstance(value, str) and value in values:
        return values[value]
    raise Fault(f"not one of {allowed}: {_describe(value)}")


def _is_homogeneous_tuple(type_: object) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_number_union(type_: object) -> bool:
    return isinstance(type_, types.UnionType) and set(typing.get_args(type_)) == {int, float}


def _is_optional(type_: object) -> bool:
    args = typing.get_args(type_)
    return isinstance(type_, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(converter: cattrs.Converter, type_: Any) -> Callable[[object, type], object]:
    inner = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    structure_inner = converter.get_structure_hook(inner)

    def structure(value: object, _: type) -> object:
        return None if value is None else structure_inner(value, inner)

    return structure


def _tuple_hook(
    converter: cattrs.Converter, type_: Any
) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = typing.get_args(type_)[0]
    structure_item = converter.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Fault(f"not an array: {_describe(value)}")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(structure_item(item, item_type))
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(items)

    return structure


def _attrs_hook(converter: cattrs.Converter, cls: type) -> Callable[[object, type], object]:
    structure_fields: Callable[[Any, Any], object] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )

    def structure(value: object, _: type) -> object:
        if not isinstance(value, dict):
            raise Fault(f"not an object: {_describe(value)}")
        return structure_fields(value, cls)

    return structure


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def make_converter() -> cattrs.Converter:
    """Build the converter between model objects and JSON-ready Python data.

    Returns:
        A new converter; callers may register further hooks on their copy without affecting
        :func:`dod_model.dumps` and :func:`dod_model.loads`.

    .. versionadded:: 0.1.0
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # By type (singledispatch, most specific class wins): LabelledEnum precedes ``str`` in the
    # MRO of our enumerations, and ``bool`` precedes ``int``.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(float, _structure_number)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(enum.Enum, _structure_enum)
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_structure_hook(LabelledEnum, _structure_enum)
    converter.register_structure_hook_func(_is_number_union, _structure_number)
    # cattrs passes unions of primitives through unchecked: check ``X | None`` ourselves.
    converter.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(converter, t))
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda t: _tuple_hook(converter, t)
    )
    converter.register_structure_hook_factory(attrs.has, lambda t: _attrs_hook(converter, t))
    converter.register_unstructure_hook(dt.date, _unstructure_date)
    converter.register_unstructure_hook(Decimal, lambda d: format(d, "f"))
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    return converter
