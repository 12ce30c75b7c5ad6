"""Schema 1.1 only adds to 1.0: documents written before it load, the new fields at defaults."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema_rs

import dod_model
from dod_model import Roadmap, examples
from dod_model.codec import SCHEMA_VERSION

# The bundled example as the library wrote it at schema 1.0 (0.2), committed as it was.
OLD = Path(__file__).parent / "data" / "json" / "ulyanovsk-cherdakly-2019.schema-1.0.json"


def test_the_version_written_is_1_1():
    assert SCHEMA_VERSION == "1.1"
    assert dod_model.dumps(examples.load("ulyanovsk-cherdakly-2019")).count('"1.1"') == 1


def test_a_1_0_document_loads_with_the_new_fields_at_their_defaults():
    old = dod_model.loads(OLD.read_text(encoding="utf-8"), Roadmap)
    new = examples.load("ulyanovsk-cherdakly-2019")
    assert old.headers == ()
    assert all(a.extra == () and a.place == "" and a.completion == "" for a in old.activities)
    # Everything 1.0 held is as it was: only what 1.1 adds differs.
    assert old == attrs.evolve(new, headers=())


def test_a_1_0_document_is_valid_under_the_1_1_schema_but_for_its_version():
    data = json.loads(OLD.read_text(encoding="utf-8"))
    data["schema_version"] = SCHEMA_VERSION
    jsonschema_rs.validator_for(dod_model.json_schema("roadmap")).validate(data)


def test_the_1_0_file_has_none_of_what_1_1_adds():
    text = OLD.read_text(encoding="utf-8")
    assert '"schema_version": "1.0"' in text
    for field in ('"headers"', '"extra"', '"indicator"', '"parent"'):
        assert field not in text
