"""The committed schemas are portable: standard keywords only, and a second validator agrees.

Other languages' validators refuse what they do not know (ajv, in its default strict mode, fails
on any keyword outside the draft 2020-12 vocabularies), and each validator implements the draft
on its own. So every keyword of every schema in ``schemas/`` must be one of the vocabularies', and
jsonschema-rs (a validator written apart from ``jsonschema``, in Rust) must compile every schema
and reach the same verdict as ``jsonschema`` on valid and broken documents.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin

import jsonschema
import jsonschema_rs
import pytest
from jsonschema_specifications import REGISTRY

import dod_model
from dod_model import examples

from .conftest import ROOT

SCHEMA_FILES = sorted((ROOT / "schemas").glob("*.schema.json"))
assert SCHEMA_FILES, "no schemas/*.schema.json beside the tests"


def _load(path: Any) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _vocabulary_keywords() -> dict[str, Any]:
    """Every keyword of the 2020-12 vocabularies, with the meta-schema of its value.

    The dialect's meta-schema is the union of one meta-schema per vocabulary (core, applicator,
    unevaluated, validation, meta-data, format-annotation, content). Its own ``properties`` are
    left out on purpose: they keep the keywords of earlier drafts (``definitions``,
    ``dependencies``, ``$recursiveRef``) from being reused, and are no part of 2020-12.
    """
    meta = jsonschema.validators.Draft202012Validator.META_SCHEMA
    keywords: dict[str, Any] = {}
    for part in meta["allOf"]:
        keywords.update(REGISTRY.contents(urljoin(meta["$id"], part["$ref"]))["properties"])
    return keywords


KEYWORDS = _vocabulary_keywords()
_A_SCHEMA = {"$dynamicRef": "#meta"}  # how the meta-schemas say «this value is a schema»


def _subschemas(keyword: str, value: Any) -> Iterator[Any]:
    """The schemas inside a keyword's value, as its meta-schema says where they are."""
    meta = KEYWORDS[keyword]
    if not isinstance(meta, dict):  # «true»: any value (const, default)
        return
    if meta == _A_SCHEMA:  # items, not, additionalProperties, …
        yield value
    elif meta.get("$ref") == "#/$defs/schemaArray":  # allOf, anyOf, oneOf, prefixItems
        yield from value
    elif meta.get("additionalProperties") == _A_SCHEMA:  # properties, $defs, …
        yield from value.values()


def keywords_used(schema: Any) -> set[str]:
    """Every keyword of ``schema`` and of the schemas within it.

    The values of other keywords (``enum``, ``const``, ``required``, …) are data, not schemas,
    so the names inside them are not keywords; an unknown keyword's value is not entered.
    """
    if not isinstance(schema, dict):  # true and false are schemas without keywords
        return set()
    found = set(schema)
    for keyword, value in schema.items():
        if keyword in KEYWORDS:
            for inner in _subschemas(keyword, value):
                found |= keywords_used(inner)
    return found


def test_the_keyword_walk_enters_schemas_and_not_data():
    schema = {
        "properties": {"x-name": {"oneOf": [{"const": {"x-data": 1}, "title": "t"}]}},
        "$defs": {"a": {"items": {"x-nested": True}}},
        "enum": [{"x-data": 2}],
        "x-unknown": {"type": "string"},
    }
    assert keywords_used(schema) == {
        "properties", "oneOf", "const", "title", "$defs", "items", "x-nested", "enum", "x-unknown"
    }  # fmt: skip
    assert {"$ref", "$defs", "oneOf", "const", "title", "format", "pattern"} <= set(KEYWORDS)
    assert not {"x-labels", "definitions", "dependencies"} & set(KEYWORDS)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_keyword_of_every_schema_is_a_2020_12_keyword(path):
    schema = _load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    used = keywords_used(schema)
    assert used - set(KEYWORDS) == set(), "strict validators (ajv) refuse unknown keywords"


def _rs_validator(schema: Any) -> Any:
    # Formats asserted, as jsonschema does with a FormatChecker; a format it does not know fails.
    return jsonschema_rs.Draft202012Validator(
        schema, validate_formats=True, ignore_unknown_formats=False
    )


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_the_second_validator_compiles_every_schema(path):
    schema = _load(path)
    jsonschema_rs.meta.validate(schema)  # the schema is valid under its meta-schema
    jsonschema.validators.Draft202012Validator.check_schema(schema)
    _rs_validator(schema)


def _example() -> dict[str, Any]:
    return json.loads(examples.text("ulyanovsk-cherdakly-2019"))


def _set(*path: str | int, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        parent: Any = document
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = value

    return change


def _delete(key: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del document[key]

    return change


_DEADLINE = ("unsectioned", 0, "deadline")
_PROVENANCE = ("unsectioned", 0, "provenance")
BROKEN = {
    "value-not-in-enumeration": _set(*_DEADLINE, "kind", value="soon"),
    "label-instead-of-value": _set("kind", value=dod_model.PlanKind.CENTRE_CREATION_ROADMAP.label),
    "date-not-iso": _set(*_DEADLINE, "end", value="31.12.2019"),
    "date-that-does-not-exist": _set("period", "end", value="2019-02-30"),
    "below-minimum": _set(*_PROVENANCE, "row", value=0),
    "number-not-integer": _set(*_PROVENANCE, "row", value=1.5),
    "unknown-key": _set("unsectioned", 3, "colour", value="red"),
    "required-missing": _delete("title"),
    "null-not-allowed": _set("title", value=None),
    "other-major-version": _set("schema_version", value="2.0"),
    "number-instead-of-string": _set("unsectioned", 0, "number", value=1),
}


@functools.cache
def _roadmap_validators() -> tuple[Any, Any]:
    schema = _load(ROOT / "schemas" / "roadmap.schema.json")
    first = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return first, _rs_validator(schema)


def _verdicts(document: Any) -> tuple[list[str], list[str]]:
    """Where each validator finds the document at fault, as sorted JSON Pointers."""
    first, second = _roadmap_validators()
    return (
        sorted("/" + "/".join(map(str, e.absolute_path)) for e in first.iter_errors(document)),
        sorted("/" + "/".join(map(str, e.instance_path)) for e in second.iter_errors(document)),
    )


def test_both_validators_accept_the_bundled_roadmap():
    assert _verdicts(_example()) == ([], [])


@pytest.mark.parametrize("break_it", BROKEN.values(), ids=BROKEN.keys())
def test_both_validators_refuse_a_broken_roadmap_at_the_same_place(break_it):
    document = _example()
    before = copy.deepcopy(document)
    break_it(document)
    assert document != before
    first, second = _verdicts(document)
    assert first, "jsonschema accepts the broken roadmap"
    assert first == second
