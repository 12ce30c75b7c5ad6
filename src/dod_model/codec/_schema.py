"""JSON Schemas (draft 2020-12) generated from the model classes.

The schemas describe exactly what :func:`dod_model.dumps` writes and :func:`dod_model.loads`
accepts, except for cross-field invariants a schema cannot state (a period's start after its end),
which ``loads`` reports as :class:`~dod_model.SchemaError` too.

They use the keywords of the draft 2020-12 vocabularies alone, so that validators which refuse
unknown keywords (ajv in its default strict mode) compile them: an enumeration with Russian labels
is a ``oneOf`` of ``{"const": value, "title": label}``.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from dod_model.codec._api import DOCUMENTS, SCHEMA_VERSION
from dod_model.model import AgeRange, LabelledEnum, Location

__all__ = ["json_schema", "schema_names"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Bounds that attrs validators enforce, stated in the schema too.
_MINIMUM: dict[tuple[type, str], int] = {
    (Location, "table"): 1,
    (Location, "row"): 1,
    (Location, "column"): 1,
    (Location, "line"): 1,
    (AgeRange, "low"): 0,
    (AgeRange, "high"): 0,
}


def schema_names() -> tuple[str, ...]:
    """Names of the top-level document schemas («roadmap», «programme-registry», …).

    .. versionadded:: 0.1.0
    """
    return tuple(DOCUMENTS.values())


def _field_docs(cls: type) -> dict[str, str]:
    """Descriptions of fields from the ``Attributes:`` section of a Google-style docstring."""
    lines = (inspect.getdoc(cls) or "").splitlines()
    if "Attributes:" not in lines:
        return {}
    docs: dict[str, str] = {}
    current = ""
    for line in lines[lines.index("Attributes:") + 1 :]:
        if not line.startswith("    "):
            break
        entry = re.match(r"^    (\w+): (.*)$", line)
        if entry:
            current = entry[1]
            docs[current] = entry[2]
        elif current:
            docs[current] += " " + line.strip()
    return docs


def _summary(obj: type) -> str:
    return (inspect.getdoc(obj) or "").split("\n\n")[0].replace("\n", " ")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, type_: Any) -> dict[str, Any]:
        if isinstance(type_, types.UnionType):
            args = typing.get_args(type_)
            if set(args) == {int, float}:
                return {"type": "number"}
            others = [a for a in args if a is not type(None)]
            if len(others) == 1 and len(args) == 2:
                return {"anyOf": [self.ref(others[0]), {"type": "null"}]}
            msg = f"no JSON Schema for the union {type_!r}"
            raise TypeError(msg)
        if typing.get_origin(type_) is tuple:
            return {"type": "array", "items": self.ref(typing.get_args(type_)[0])}
        if type_ is str:
            return {"type": "string"}
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is int:
            return {"type": "integer"}
        if type_ is float:
            return {"type": "number"}
        if type_ is dt.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if type_ is Decimal:
            return {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return self._enum(type_)
        if attrs.has(type_):
            return self._object(type_)
        msg = f"no JSON Schema for {type_!r}"
        raise TypeError(msg)

    def _enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            schema: dict[str, Any] = {"description": _summary(cls)}
            if issubclass(cls, LabelledEnum):
                # Each value with its Russian label as the standard «title» annotation, so that
                # validators in strict mode (ajv) and documentation tools read the labels too.
                schema["oneOf"] = [{"const": m.value, "title": m.label} for m in cls]
            else:
                schema["enum"] = [m.value for m in cls]
            self.defs[cls.__name__] = schema
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def _object(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: classes may refer to themselves
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            schema = dict(self.ref(hints[field.name]))
            if field.name in docs:
                schema = {"description": docs[field.name], **schema}
            minimum = _MINIMUM.get((cls, field.name))
            if minimum is not None:
                _set_minimum(schema, minimum)
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        return {
            "type": "object",
            "description": _summary(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def _set_minimum(schema: dict[str, Any], minimum: int) -> None:
    if schema.get("type") == "integer":
        schema["minimum"] = minimum
    for branch in schema.get("anyOf", ()):
        _set_minimum(branch, minimum)


def json_schema(target: str | type) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document or of any model class.

    Args:
        target: A document name from :func:`schema_names` («roadmap»), or a model class
            (:class:`~dod_model.Roadmap`, :class:`~dod_model.Activity`, …).

    Returns:
        The schema as a dict, ready for :func:`json.dumps`. Top-level documents require their
        ``schema_version``.

    Raises:
        ValueError: ``target`` names no document.
        TypeError: ``target`` is not a model class.

    .. versionadded:: 0.1.0
    """
    if isinstance(target, str):
        by_name = {name: cls for cls, name in DOCUMENTS.items()}
        if target not in by_name:
            msg = f"no schema named {target!r}; known: {', '.join(by_name)}"
            raise ValueError(msg)
        cls = by_name[target]
    elif attrs.has(target):
        cls = target
    else:
        msg = f"json_schema() takes a document name or a model class, not {target!r}"
        raise TypeError(msg)
    builder = _Builder()
    root = builder.object_schema(cls)
    name = DOCUMENTS.get(cls, cls.__name__)
    schema: dict[str, Any] = {
        "$schema": _DIALECT,
        "$id": f"urn:dod-model:schema:{name}:{SCHEMA_VERSION}",
        "title": f"dod_model {cls.__name__}",
        **root,
    }
    if cls in DOCUMENTS:
        major = SCHEMA_VERSION.split(".")[0]
        schema["properties"] = {
            "schema_version": {
                "description": f"Version of this JSON form; readers of {major}.x accept it.",
                "type": "string",
                "pattern": rf"^{major}\.\d+$",
            },
            **schema["properties"],
        }
        schema["required"] = ["schema_version", *schema["required"]]
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema
