"""``dumps`` and ``loads``: canonical JSON text of model objects, and back."""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any, Final, TypeVar, overload

import attrs
import cattrs

from dod_model._errors import SchemaError, SchemaFault
from dod_model._version import SCHEMA_VERSION
from dod_model.codec._converter import make_converter
from dod_model.codec._hostile import TOO_DEEP, json_faults, printable
from dod_model.codec._pointers import faults_of
from dod_model.model import CertificateRegistry, ProgrammeRegistry, RegistrySummary, Roadmap

__all__ = [
    "DOCUMENTS",
    "SCHEMA_VERSION",
    "converter",
    "dumps",
    "from_data",
    "loads",
    "parse_json",
    "to_data",
]

T = TypeVar("T")


DOCUMENTS: Final[dict[type, str]] = {
    Roadmap: "roadmap",
    ProgrammeRegistry: "programme-registry",
    CertificateRegistry: "certificate-registry",
    RegistrySummary: "registry-summary",
}
"""The top-level documents, which carry ``schema_version``, with their schema names."""

_VERSION = re.compile(r"(\d+)\.(\d+)")
_SURROGATE = re.compile("[\ud800-\udfff]")


@functools.cache
def converter() -> cattrs.Converter:
    """The converter :func:`dumps` and :func:`loads` use (built once, on first use)."""
    return make_converter()


def to_data(obj: object) -> Any:
    """JSON-ready Python data of a model object: what :func:`dumps` serialises.

    Top-level documents (:data:`DOCUMENTS`) start with their ``schema_version``.

    Raises:
        TypeError: ``obj`` is not a model object.

    .. versionadded:: 0.1.0
    """
    if not attrs.has(type(obj)):
        msg = f"dumps() takes a dod_model object, not {type(obj).__name__}"
        raise TypeError(msg)
    data = converter().unstructure(obj)
    if type(obj) in DOCUMENTS:
        return {"schema_version": SCHEMA_VERSION, **data}
    return data


def dumps(obj: object) -> str:
    r"""Canonical JSON text of any model object.

    Keys in field order, every field present, two-space indent, UTF-8 text as is (no ``\\u``
    escapes), a final newline: equal objects give equal text. The text always encodes as UTF-8:
    a lone surrogate, which no object :func:`loads` or :func:`~dod_model.read` made holds, is
    written as its ``\\u`` escape (which :func:`loads` refuses, naming its place).

    Args:
        obj: A :class:`~dod_model.Roadmap`, :class:`~dod_model.Activity`, or any other model
            object.

    Returns:
        The JSON text.

    Raises:
        TypeError: ``obj`` is not a model object.

    .. versionadded:: 0.1.0
    """
    text = json.dumps(to_data(obj), ensure_ascii=False, indent=2) + "\n"
    if not text.isascii() and _SURROGATE.search(text):
        # Only inside strings: escaped, they are JSON as ``ensure_ascii`` would write them.
        text = _SURROGATE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
    return text


def _refuse_constant(name: str) -> None:
    msg = f"{name} is not a JSON number"
    raise ValueError(msg)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        msg = f"{printable(text[:40])} is beyond the range of a number (it is taken as infinite)"
        raise ValueError(msg)
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # past the digits Python converts (``sys.get_int_max_str_digits()``)
        msg = f"a number of {len(text.lstrip('-')):,} digits, beyond any number of the model"
        raise ValueError(msg) from None


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        twice = sorted({k for k, _ in pairs if k in seen or seen.add(k)})  # type: ignore[func-returns-value]
        msg = f"duplicate keys in one object: {', '.join(twice)}"
        raise ValueError(msg)
    return data


def _check_version(data: Any, cls: type, faults: list[SchemaFault]) -> Any:
    if not isinstance(data, dict):
        return data
    data = dict(data)
    version = data.pop("schema_version", None)
    if version is None:
        faults.append(
            SchemaFault("/schema_version", f'required, but missing (write "{SCHEMA_VERSION}")')
        )
        return data
    match = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if match is None or match[1] != SCHEMA_VERSION.split(".")[0]:
        faults.append(
            SchemaFault(
                "/schema_version",
                f"{version!r} is not a version this library reads (it reads "
                f"{SCHEMA_VERSION.split('.')[0]}.x; upgrade dod_model for newer documents)",
            )
        )
    return data


@overload
def loads(text: str | bytes) -> Roadmap: ...
@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...
def loads(text: str | bytes, cls: type[Any] = Roadmap) -> Any:
    """Read a model object from JSON text.

    Args:
        text: JSON text (``bytes`` are decoded as UTF-8).
        cls: The model class the text holds; a :class:`~dod_model.Roadmap` by default.

    Returns:
        The object, equal to the one :func:`dumps` was given.

    Raises:
        SchemaError: The text is not JSON, nests deeper than the ``JSON_DEPTH`` budget (64
            levels), holds a lone surrogate, or does not match the schema of ``cls``; every
            fault is listed with its JSON Pointer.

    .. versionadded:: 0.1.0
    """
    return _structure(parse_json(text, what=f"JSON for {cls.__name__}"), cls)


def parse_json(text: str | bytes, *, what: str) -> Any:
    """JSON text as Python data, strictly (no duplicate keys, no ``NaN``, no infinite numbers).

    The data is checked as :func:`json_faults` does, so it nests at most the ``JSON_DEPTH``
    budget (64 levels) and holds no lone surrogate: anything may walk it recursively, and its
    text can be encoded.

    Args:
        text: JSON text (``bytes`` are decoded as UTF-8, a byte order mark skipped).
        what: What the text should hold, for the error message («JSON for Roadmap»).

    Raises:
        SchemaError: The text is not UTF-8, not JSON, nests too deep or holds a lone
            surrogate.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            fault = SchemaFault("", f"not UTF-8 text: {exc.reason} at byte {exc.start}")
            raise SchemaError([fault], what=what) from None
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_refuse_constant,
            parse_float=_finite,
            parse_int=_integer,
        )
    except json.JSONDecodeError as exc:
        fault = SchemaFault("", f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        raise SchemaError([fault], what=what) from None
    except ValueError as exc:
        fault = SchemaFault("", f"not valid JSON: {printable(str(exc))}")
        raise SchemaError([fault], what=what) from None
    except RecursionError:  # the parser recurses: the deepest text fails before it is checked
        raise SchemaError([SchemaFault("", TOO_DEEP)], what=what) from None
    faults = json_faults(data)
    if faults:
        raise SchemaError(faults, what=what)
    return data


def from_data(data: Any, cls: type[T]) -> T:
    """A model object from JSON data already parsed (what :func:`loads` does after parsing).

    Raises:
        SchemaError: The data nests deeper than the ``JSON_DEPTH`` budget (64 levels), holds
            a lone surrogate, or does not match the schema of ``cls``.
    """
    faults = json_faults(data)
    if faults:
        raise SchemaError(faults, what=f"JSON for {cls.__name__}")
    return _structure(data, cls)


def _structure(data: Any, cls: type[T]) -> T:
    """``cls`` from data :func:`json_faults` found nothing in."""
    faults: list[SchemaFault] = []
    if cls in DOCUMENTS:
        data = _check_version(data, cls, faults)
    try:
        obj: T = converter().structure(data, cls)
    except Exception as exc:
        faults.extend(faults_of(exc))
    if faults:
        raise SchemaError(faults, what=f"JSON for {cls.__name__}")
    return obj
