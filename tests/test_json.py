"""JSON: canonical text, lossless round trips, schema conformance and faults at JSON Pointers."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import dod_model
from dod_model import (
    Activity,
    Deadline,
    DeadlineKind,
    Period,
    Roadmap,
    SchemaError,
    Section,
    examples,
)
from dod_model.registry import Certificate, CertificateRegistry, ProgrammeRegistry
from dod_model.testing import strategies as dst

DOCUMENT_TYPES = [
    (Roadmap, "roadmap", dst.roadmaps()),
    (ProgrammeRegistry, "programme-registry", dst.programme_registries()),
    (CertificateRegistry, "certificate-registry", dst.certificate_registries()),
    (dod_model.registry.RegistrySummary, "registry-summary", dst.registry_summaries()),
]
ALL_TYPES = [
    dod_model.model.Abbreviation,
    Activity,
    dod_model.registry.AgeRange,
    dod_model.Centre,
    Certificate,
    CertificateRegistry,
    dod_model.registry.Count,
    Deadline,
    dod_model.registry.Enrolment,
    dod_model.LegalActRef,
    dod_model.model.Location,
    dod_model.registry.Organisation,
    dod_model.Party,
    Period,
    dod_model.registry.Programme,
    ProgrammeRegistry,
    dod_model.registry.RegistrySummary,
    dod_model.Result,
    Roadmap,
    Section,
    dod_model.model.Source,
    dod_model.model.Step,
    dod_model.Target,
]


@functools.cache
def validator(target: Any) -> jsonschema.Draft202012Validator:
    schema = dod_model.json_schema(target)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


VALIDATORS = {name: validator(name) for _, name, _ in DOCUMENT_TYPES}
# A document class has the schema of its document name (checked below), whose dumps the
# properties of DOCUMENT_TYPES validate already; the parts' property leaves them out.
PART_TYPES = [cls for cls in ALL_TYPES if cls not in {c for c, _, _ in DOCUMENT_TYPES}]


@pytest.mark.parametrize("cls", ALL_TYPES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_model_type_round_trips_through_json(cls, data):
    obj = data.draw(dst.strategy_for(cls))
    text = dod_model.dumps(obj)
    assert dod_model.loads(text, cls) == obj
    assert dod_model.dumps(dod_model.loads(text, cls)) == text  # canonical: stable text


@pytest.mark.parametrize(
    ("cls", "name", "strategy"), DOCUMENT_TYPES, ids=lambda x: getattr(x, "__name__", "")
)
@given(data=st.data())
def test_every_dump_validates_against_its_schema(cls, name, strategy, data):
    obj = data.draw(strategy)
    document = json.loads(dod_model.dumps(obj))
    assert document["schema_version"] == dod_model.codec.SCHEMA_VERSION
    VALIDATORS[name].validate(document)


def test_a_document_class_has_the_schema_of_its_document_name():
    for cls, name, _ in DOCUMENT_TYPES:
        assert dod_model.json_schema(cls) == dod_model.json_schema(name), name


@pytest.mark.parametrize("cls", PART_TYPES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_part_validates_against_its_own_schema(cls, data):
    obj = data.draw(dst.strategy_for(cls))
    validator(cls).validate(json.loads(dod_model.dumps(obj)))


# --- JSON the schema may or may not accept: loads() agrees with the schema or says why ----------

_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(
        [
            "2019-08-15",
            "2019-13-01",
            "31.12.2019",
            "1.0",
            "2.0",
            "none",
            "period",
            "rmc",
            "12.50",
            "1e3",
        ]
    ),
)
_JSON = st.recursive(
    _JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, Any]:
    _, name, strategy = draw(st.sampled_from(DOCUMENT_TYPES))
    document = json.loads(dod_model.dumps(draw(strategy)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(document)))
        if not path:
            document = draw(_JSON) if draw(st.integers(0, 9)) == 0 else document
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_JSON)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(_JSON)
        else:
            parent.append(draw(_JSON))
    return name, document


@given(mutated_documents())
def test_loads_accepts_what_the_schema_accepts_and_refuses_the_rest_with_schema_error(case):
    name, document = case
    cls = {n: c for c, n, _ in DOCUMENT_TYPES}[name]
    schema_ok = VALIDATORS[name].is_valid(document)
    try:
        dod_model.loads(json.dumps(document, ensure_ascii=False), cls)
    except SchemaError as exc:
        assert exc.faults
        # The schema cannot state cross-field invariants (a period ending before it starts, an
        # activity claiming another section); everything else it refuses, loads() refuses too.
        if schema_ok:
            assert all(
                ("cannot start" in f.message or "section" in f.message) for f in exc.faults
            ), exc
    else:
        assert schema_ok, "loads() accepted a document the schema refuses"


# --- faults at JSON Pointers --------------------------------------------------------------------


def _sectioned_roadmap() -> dict[str, Any]:
    activities = tuple(
        Activity(
            number=f"1.{i}",
            title=f"a{i}",
            section="1",
            deadline=Deadline(text="31.12.2019", kind=DeadlineKind.DATE, end=dt.date(2019, 12, 31)),
        )
        for i in range(1, 5)
    )
    roadmap = Roadmap(title="t", sections=(Section(number="1", title="s", activities=activities),))
    return json.loads(dod_model.dumps(roadmap))


def _faults(document: Any, cls: type = Roadmap) -> list[str]:
    with pytest.raises(SchemaError) as info:
        dod_model.loads(json.dumps(document, ensure_ascii=False), cls)
    return [str(f) for f in info.value.faults]


def test_a_bad_date_is_named_at_its_pointer():
    document = _sectioned_roadmap()
    document["sections"][0]["activities"][3]["deadline"]["end"] = "31.13.2019"
    assert _faults(document) == [
        '/sections/0/activities/3/deadline/end: not a date (YYYY-MM-DD): "31.13.2019"'
    ]


def test_every_fault_is_listed_in_document_order():
    document = _sectioned_roadmap()
    document["title"] = 5
    activity = document["sections"][0]["activities"][1]
    activity["deadline"]["kind"] = "soon"
    activity["deadline"]["dates"] = ["2019-02-30"]
    activity["colour"] = "red"
    del document["sections"][0]["activities"][2]["title"]
    assert _faults(document) == [
        "/title: not a string: 5",
        '/sections/0/activities/1/deadline/kind: not one of "none", "date", "by", "from", '
        '"period", "dates", "ongoing", "periodic", "within-year", "as-scheduled", "unknown": '
        '"soon"',
        '/sections/0/activities/1/deadline/dates/0: not a date: "2019-02-30"',
        "/sections/0/activities/1/colour: unknown key: the schema has no such field",
        "/sections/0/activities/2/title: required, but missing",
    ]


def test_no_silent_coercion_between_json_types():
    document = _sectioned_roadmap()
    document["sections"][0]["activities"][0]["number"] = 1  # a number, not a string
    document["sections"][0]["activities"][0]["results"] = "итог"  # a string, not an array
    document["sections"][0]["provenance"] = {"table": "1", "row": 1.5, "line": 3.0}
    assert _faults(document) == [
        "/sections/0/activities/0/number: not a string: 1",
        '/sections/0/activities/0/results: not an array: "итог"',
        '/sections/0/provenance/table: not an integer: "1"',
        "/sections/0/provenance/row: not an integer: 1.5",
    ]


def test_cross_field_invariants_are_faults_at_the_object():
    document = _sectioned_roadmap()
    document["period"] = {"start": "2020-01-01", "end": "2019-01-01"}
    document["sections"][0]["activities"][0]["section"] = "2"
    faults = _faults(document)
    assert faults[0] == "/period: a period cannot start (2020-01-01) after it ends (2019-01-01)"
    assert faults[1].startswith("/sections/0: activity 0 ('1.1') says it belongs to section '2'")


def test_schema_version_is_required_and_checked():
    document = _sectioned_roadmap()
    del document["schema_version"]
    assert _faults(document) == [
        f'/schema_version: required, but missing (write "{dod_model.codec.SCHEMA_VERSION}")'
    ]
    document["schema_version"] = "2.0"
    assert _faults(document)[0].startswith("/schema_version: '2.0' is not a version")
    document["schema_version"] = "1.7"  # a newer minor version of the same major reads
    assert dod_model.loads(json.dumps(document), Roadmap).title == "t"


def test_parts_carry_no_schema_version():
    activity = Activity(number="1", title="x")
    assert "schema_version" not in json.loads(dod_model.dumps(activity))
    assert _faults({"schema_version": "1.0", "number": "1", "title": "x"}, Activity) == [
        "/schema_version: unknown key: the schema has no such field"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON: Expecting property name enclosed in double quotes (line 1, column 2)"),
        ('{"title": NaN}', "not valid JSON: NaN is not a JSON number"),
        ('{"title": "a", "title": "b"}', "not valid JSON: duplicate keys in one object: title"),
        (b"\xff\xfe{}", "not UTF-8 text: invalid start byte at byte 0"),
        ("[]", "not an object: an array"),
    ],
)
def test_text_that_is_not_a_json_object_is_a_schema_error(text, message):
    with pytest.raises(SchemaError) as info:
        dod_model.loads(text, dod_model.Activity)
    assert [f.message for f in info.value.faults] == [message]


def test_pointer_tokens_are_escaped():
    assert _faults({"number": "1", "title": "x", "a/b~c": 1}, Activity) == [
        "/a~1b~0c: unknown key: the schema has no such field"
    ]


def test_decimals_are_exact_strings_and_dates_iso():
    certificate = Certificate(
        number="0123456789",
        nominal=Decimal("15000.50"),
        balance=Decimal("1E+2"),
        issued=dt.date(2023, 9, 1),
    )
    data = json.loads(dod_model.dumps(certificate))
    assert (data["nominal"], data["balance"], data["issued"]) == ("15000.50", "100", "2023-09-01")
    assert dod_model.loads(dod_model.dumps(certificate), Certificate) == certificate
    assert _faults({"number": "1", "nominal": 15000.5}, Certificate) == [
        '/nominal: not a decimal string such as "1234.50": 15000.5'
    ]


def test_canonical_text_is_utf8_indented_and_ends_with_a_newline():
    text = dod_model.dumps(examples.load("ulyanovsk-cherdakly-2019"))
    assert text.startswith(
        f'{{\n  "schema_version": "{dod_model.codec.SCHEMA_VERSION}",\n  "title": "План мероприятий'
    )
    assert text.endswith("}\n")


def test_loads_defaults_to_roadmap_and_takes_bytes():
    text = examples.text("ulyanovsk-cherdakly-2019")
    assert dod_model.loads(text.encode("utf-8")) == dod_model.loads(text, cls=Roadmap)
    assert dod_model.loads(b"\xef\xbb\xbf" + text.encode()) == dod_model.loads(text)


def test_dumps_refuses_what_is_not_a_model_object():
    with pytest.raises(TypeError, match="dod_model object"):
        dod_model.dumps({"title": "x"})


def test_the_converter_factory_builds_independent_converters():
    first, second = dod_model.codec.make_converter(), dod_model.codec.make_converter()
    first.register_unstructure_hook(dt.date, lambda d: "changed")
    assert second.unstructure(dt.date(2020, 1, 1)) == "2020-01-01"
    assert (
        json.loads(dod_model.dumps(Period(dt.date(2020, 1, 1), dt.date(2020, 1, 2))))["start"]
        == "2020-01-01"
    )


def test_a_schema_error_message_lists_its_faults():
    document = copy.deepcopy(_sectioned_roadmap())
    document["title"] = None
    with pytest.raises(
        SchemaError,
        match=r"JSON for Roadmap does not match the schema \(1 problem\):\n"
        r"  /title: not a string: null",
    ):
        dod_model.loads(json.dumps(document))
