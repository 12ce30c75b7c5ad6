"""JSON that no schema describes: nesting past the budget, lone surrogates, numbers beyond range.

``loads()`` lets nothing but ``SchemaError`` out, with the JSON Pointer of the place where there
is one; a JSON Lines registry reports such a line as a bad row and reads the others.
"""

from __future__ import annotations

import json
from collections import OrderedDict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import SchemaError, examples
from dod_model._base import budgets
from dod_model.cli import main
from dod_model.codec import from_data, json_faults
from dod_model.model import Comparator, Roadmap, Target
from dod_model.registry import iter_rows

EXAMPLE = json.loads(examples.text("ulyanovsk-cherdakly-2019"))
DEPTH = budgets.JSON_DEPTH


def _nested(depth: int, *, objects: bool = False) -> str:
    """JSON text of ``depth`` arrays (or objects) one inside the other."""
    if objects:
        return '{"a": ' * depth + "1" + "}" * depth
    return "[" * depth + "]" * depth


def _deep_data(depth: int) -> list[object]:
    """Python data of ``depth`` nested lists, built without recursion."""
    inner: list[object] = []
    for _ in range(depth - 1):
        inner = [inner]
    return inner


def _refused(text: str | bytes, cls: type = Roadmap) -> SchemaError:
    with pytest.raises(SchemaError) as caught:
        dod_model.loads(text, cls)
    str(caught.value).encode("utf-8")  # the message itself can be printed anywhere
    return caught.value


# -- nesting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _nested(1000),
        _nested(1000, objects=True),
        _nested(100_000),
        "[" * 100_000,  # not even closed: the depth is what fails first
        '{"schema_version": "1.0", "title": ' + _nested(1000) + "}",
    ],
    ids=["arrays", "objects", "arrays-100k", "unclosed", "in-the-title"],
)
def test_json_nested_a_thousand_deep_is_a_schema_error_naming_the_budget(text):
    error = _refused(text)
    (fault,) = error.faults
    assert fault.pointer == ""
    assert f"deeper than the {DEPTH} levels" in fault.message
    assert "JSON_DEPTH" in fault.message


def test_nesting_past_the_budget_is_refused_at_the_pointer_where_it_passes_it():
    document = json.loads(json.dumps(EXAMPLE))
    document["unsectioned"][2]["deadline"]["dates"] = json.loads(_nested(200))
    (fault,) = _refused(json.dumps(document)).faults
    # The document is level 1, «unsectioned» 2, its activity 3, the deadline 4, «dates» 5: the
    # fault is at the array of level DEPTH + 1, the first past the budget.
    assert fault.pointer == "/unsectioned/2/deadline/dates" + "/0" * (DEPTH + 1 - 5)
    assert "JSON_DEPTH" in fault.message


def test_nesting_up_to_the_budget_reaches_the_schema():
    assert _refused(_nested(DEPTH)).faults[0].message == "not an object: an array"
    assert "JSON_DEPTH" in _refused(_nested(DEPTH + 1)).faults[0].message
    document = dict(EXAMPLE, title=json.loads(_nested(DEPTH - 1)))
    assert [str(f) for f in _refused(json.dumps(document)).faults] == [
        "/title: not a string: an array"
    ]


def _places(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """The path of every value of a JSON document, the document itself first."""
    places = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            places += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            places += _places(value, (*path, index))
    return places


PLACES = _places(EXAMPLE)


def _put(document: object, path: tuple[object, ...], value: object) -> object:
    if not path:
        return value
    *parents, last = path
    holder = document
    for step in parents:
        holder = holder[step]  # type: ignore[index]
    holder[last] = value  # type: ignore[index]
    return document


def _pointer(path: tuple[object, ...]) -> str:
    return "".join(f"/{str(step).replace('~', '~0').replace('/', '~1')}" for step in path)


@settings(max_examples=30, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(
    place=st.sampled_from(PLACES),
    depth=st.sampled_from([DEPTH + 1, 100, 500, 990, 1000, 5000]),
    objects=st.booleans(),
    as_bytes=st.booleans(),
)
def test_nesting_anywhere_in_a_roadmap_is_only_ever_a_schema_error(place, depth, objects, as_bytes):
    text = json.dumps(EXAMPLE, ensure_ascii=False)
    document = _put(json.loads(text), place, "\x00hole\x00")
    text = json.dumps(document, ensure_ascii=False).replace(
        '"\\u0000hole\\u0000"', _nested(depth, objects=objects)
    )
    error = _refused(text.encode() if as_bytes else text)
    assert any("JSON_DEPTH" in fault.message for fault in error.faults)
    pointers = [f.pointer for f in error.faults if "JSON_DEPTH" in f.message]
    # Where the parser could nest so deep, the fault is under the place that nests.
    assert all(p == "" or p.startswith(_pointer(place)) for p in pointers)


def test_data_given_to_from_data_is_checked_as_text_is():
    for depth in (DEPTH + 1, 100_000):
        document = dict(EXAMPLE, notes=_deep_data(depth))
        with pytest.raises(SchemaError, match="JSON_DEPTH"):
            from_data(document, Roadmap)
    assert json_faults(_deep_data(DEPTH)) == []
    assert [f.pointer for f in json_faults(_deep_data(DEPTH + 1))] == ["/0" * DEPTH]


def test_python_data_of_other_kinds_is_checked_as_json_data_is():
    class Text(str):
        __slots__ = ()

    class Items(list):  # type: ignore[type-arg]
        pass

    deep: object = Items()
    for _ in range(DEPTH):
        deep = OrderedDict(a=Items([deep]))
    (fault,) = json_faults(deep)
    assert "JSON_DEPTH" in fault.message
    assert [f.pointer for f in json_faults({1: [Text("\ud800")]})] == ["/1/0"]
    assert json_faults({1: "a", None: ["б"], "в": (1, 2)}) == []


def test_every_json_file_a_command_reads_is_a_message_not_a_traceback(tmp_path, capsys):
    deep = tmp_path / "deep.json"
    deep.write_text(_nested(1000), encoding="utf-8")
    for argv in (["read", deep], ["validate", deep], ["summary", deep], ["status", deep],
                 ["diff", deep, deep]):  # fmt: skip
        assert main([str(a) for a in argv]) == 2
        err = capsys.readouterr().err
        assert "JSON_DEPTH" in err
        assert "Traceback" not in err


# -- lone surrogates ---------------------------------------------------------------------------


def _with(**changes: object) -> str:
    """The example roadmap's JSON text (``\\u`` escapes for anything but ASCII) with changes."""
    return json.dumps(dict(EXAMPLE, **changes))


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        (_with(title="План\ud800"), "/title"),
        (_with(title="\udfff"), "/title"),
        (_with(title="\ude00\ud83d"), "/title"),  # a pair in the wrong order: two halves
        (_with(notes=["ок", "примечание \udc00"]), "/notes/1"),
        (_with(source=dict(EXAMPLE["source"], name="\ud800.docx")), "/source/name"),
        (_with(**{"x\ud800": 1}), "/x\\ud800"),  # in a key: the pointer shows its escape
        ('"\\ud800"', ""),
    ],
    ids=["title", "low-half", "reversed-pair", "note", "source-name", "key", "document"],
)
def test_a_lone_surrogate_is_refused_at_its_pointer(text, pointer):
    for given_as in (text, text.encode("utf-8")):  # ``\\u`` escapes: ASCII, valid UTF-8
        faults = _refused(given_as).faults
        assert pointer in [f.pointer for f in faults]
        assert all("surrogate" in f.message for f in faults if f.pointer == pointer)


def test_a_lone_surrogate_in_text_given_as_str_is_refused_too():
    text = json.dumps(dict(EXAMPLE, title="План\ud800"), ensure_ascii=False)
    assert "\ud800" in text
    (fault,) = _refused(text).faults
    assert fault.pointer == "/title"
    assert "\\ud800" in fault.message


def test_a_surrogate_pair_is_one_character_and_reads_as_it_should():
    roadmap = dod_model.loads(_with(title="План \ud83d\ude00"))
    assert roadmap.title == "План 😀"
    dod_model.dumps(roadmap).encode("utf-8")


def test_dumps_always_gives_text_that_encodes_and_loads_refuses_a_surrogate_in_it():
    holding = Roadmap(title="План\ud800 работы", notes=("\udc00",))
    text = dod_model.dumps(holding)
    text.encode("utf-8")
    assert '"План\\ud800 работы"' in text
    assert [f.pointer for f in _refused(text).faults] == ["/title", "/notes/0"]


def test_at_most_the_budgeted_number_of_faults_is_listed():
    faults = _refused(_with(notes=["\ud800"] * 1000)).faults
    assert len(faults) == budgets.FINDING_ITEMS


# -- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "said"),
    [
        ("1e400", "beyond the range of a number"),
        ("-1e400", "beyond the range of a number"),
        ("1" * 5000, "5,000 digits"),
        ("NaN", "not a JSON number"),
        ("-Infinity", "not a JSON number"),
    ],
    ids=["1e400", "-1e400", "5000-digits", "NaN", "-Infinity"],
)
def test_numbers_json_does_not_have_are_refused(number, said):
    target = '{"text": "не менее 5", "comparator": "at-least", "value": NUMBER, "unit": ""}'
    target = target.replace("NUMBER", number)
    (fault,) = _refused(target, Target).faults
    assert said in fault.message
    assert "set_int_max_str_digits" not in fault.message  # advice for programmers, not users


def test_an_infinite_number_in_data_is_no_number_of_the_model():
    data = {"text": "", "comparator": Comparator.AT_LEAST.value, "value": float("inf"), "unit": ""}
    with pytest.raises(SchemaError, match="/value: not a finite number"):
        from_data(data, Target)


# -- JSON Lines registries ---------------------------------------------------------------------

GOOD = json.dumps(
    {"Номер сертификата": "2800000002", "Вид сертификата": "ПФДО", "Дата рождения": "2012-05-01"},
    ensure_ascii=False,
)


def test_a_json_lines_row_nested_too_deep_or_with_a_surrogate_is_a_bad_row(tmp_path):
    lines = [
        _nested(1000),  # before the header: not a record, and no exception either
        GOOD,
        '{"Номер сертификата": ' + _nested(100) + "}",
        '{"Номер сертификата": "28\\ud800"}',
        '{"Номер\\udc00": "2800000003"}',
        _nested(100_000, objects=True),
        GOOD,
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(iter_rows(path))
    assert [(r.row, r.record is not None) for r in rows] == [
        (1, False), (2, True), (3, False), (4, False), (5, False), (6, False), (7, True)
    ]  # fmt: skip
    messages = [r.findings[0].message for r in rows if r.record is None]
    for message in messages:
        message.encode("utf-8")
        assert message.endswith("the row is skipped")
    assert "JSON_DEPTH" in messages[0]
    assert "at /Номер сертификата/0/0/" in messages[1]
    assert "JSON_DEPTH" in messages[1]
    assert "at /Номер сертификата: holds a lone surrogate \\ud800" in messages[2]
    assert "at /Номер\\udc00: the key holds a lone surrogate" in messages[3]
    assert "JSON_DEPTH" in messages[4]
