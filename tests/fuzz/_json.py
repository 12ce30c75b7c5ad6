"""JSON dumps of real roadmaps, mutated: wrong types, depth, huge numbers, surrogates, keys.

A mutation replaces the value at a place with another (any type, or JSON text Python would not
write: ``NaN``, ``1e400``, five thousand digits, ``"\\ud800"``, a thousand brackets), drops or
repeats a key, or wraps a value in arrays; then the text itself may be cut, padded or flipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

import dod_model
from dod_model.testing import strategies as dst
from tests.fuzz import _seeds, _values

__all__ = ["OPS", "apply", "json_mutants"]

_RAW = "@@fuzz-raw-{}@@"


@dataclass(frozen=True)
class RawJSON:
    """JSON text put where a value was, as it is."""

    text: str

    def __repr__(self) -> str:
        text = self.text
        return (
            f"RawJSON({text[:30]!r}…<{len(text)} chars>)"
            if len(text) > 40
            else f"RawJSON({text!r})"
        )


def _deep(n: int) -> RawJSON:
    return RawJSON("[" * n + "]" * n)


_RAWS = st.one_of(
    st.sampled_from(
        [
            RawJSON("NaN"),
            RawJSON("Infinity"),
            RawJSON("-Infinity"),
            RawJSON("1e400"),
            RawJSON("-1e400"),
            RawJSON("9" * 5000),
            RawJSON("-" + "9" * 4301),
            RawJSON("1" + "0" * 400),
            RawJSON('"\\ud800"'),
            RawJSON('"\\udfff\\ud800"'),
            RawJSON('"a\\u0000b"'),
            RawJSON('"\\uDBFF"'),
            RawJSON("1.0e-400"),
            RawJSON("0.1e99999"),
        ]
    ),
    st.sampled_from([10, 100, 999, 1000, 5000, 100_000]).map(_deep),
    st.sampled_from([10, 1000, 5000]).map(lambda n: RawJSON('{"a":' * n + "1" + "}" * n)),
)
_VALUES = st.one_of(
    st.sampled_from([None, True, False, 0, -1, 1.5, "", [], {}, [None], {"": None}]),
    st.sampled_from(
        [
            "9999-12-31",
            "0001-01-01",
            "10000-01-01",
            "2020-02-30",
            "2020-13-01",
            "2020-1-1",
            "yearly",
            "dates",
            "RU-XXX",
            "1.0",
            "2.0",
            "99.0",
        ]
    ),
    st.sampled_from(_values.TEXTS),
    _values.runs().map(str),
    st.integers(-(2**70), 2**70),
    _RAWS,
)


def _places(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*at, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _places(item, (*at, i))
    return found


@dataclass(frozen=True)
class Place:
    """The ``index``-th value of the document (in document order; 0 is the whole)."""

    index: int

    def find(self, doc: Any) -> tuple[Any, ...]:
        places = _places(doc)
        return places[self.index % len(places)]

    def __repr__(self) -> str:
        return f"#{self.index}"


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


@dataclass(frozen=True)
class Replace:
    place: Place
    value: Any
    path: str = ""

    def __repr__(self) -> str:
        text = repr(self.value)
        return (
            f"Replace({self.path or self.place!r} = {text if len(text) < 60 else text[:50] + '…'})"
        )


@dataclass(frozen=True)
class Keys:
    place: Place
    how: str  # drop, duplicate, unknown, wrap
    depth: int = 1
    path: str = ""

    def __repr__(self) -> str:
        return f"Keys({self.path or self.place!r} {self.how} {self.depth})"


@dataclass(frozen=True)
class Text:
    how: str  # cut, flip, bom, pad, garbage, utf-16, bytes
    at: float = 0.0
    size: int = 1

    def __repr__(self) -> str:
        return f"Text({self.how} at {self.at:.3f}, {self.size})"


_PLACE = st.builds(Place, st.integers(0, 100_000))
OPS = st.one_of(
    st.builds(Replace, _PLACE, _VALUES),
    st.builds(
        Keys,
        _PLACE,
        st.sampled_from(["drop", "duplicate", "unknown", "wrap"]),
        st.sampled_from([1, 2, 100, 1000, 5000]),
    ),
    st.builds(
        Text,
        st.sampled_from(["cut", "flip", "bom", "pad", "garbage", "utf-16", "bytes"]),
        st.floats(0, 0.999),
        st.sampled_from([1, 100, 10_000]),
    ),
)


def _path(path: tuple[Any, ...]) -> str:
    return "/" + "/".join(map(str, path))


def apply(doc: Any, ops: list[Any]) -> tuple[str | bytes, tuple[Any, ...]]:
    """The mutated document's text, and the ops with the paths they hit filled in."""
    raws: list[str] = []
    done = []

    def raw(value: Any) -> Any:
        if isinstance(value, RawJSON):
            raws.append(value.text)
            return _RAW.format(len(raws) - 1)
        return value

    texts = []
    for op in ops:
        if isinstance(op, Text):
            texts.append(op)
            done.append(op)
            continue
        path = op.place.find(doc)
        if isinstance(op, Replace):
            doc = _set(doc, path, raw(op.value))
            done.append(Replace(op.place, op.value, _path(path)))
            continue
        done.append(Keys(op.place, op.how, op.depth, _path(path)))
        value = _get(doc, path)
        if op.how == "wrap":
            doc = _set(doc, path, raw(RawJSON("[" * op.depth + json.dumps(value) + "]" * op.depth)))
        elif op.how == "drop" and path:
            parent = _get(doc, path[:-1])
            del parent[path[-1]]
        elif op.how == "unknown" and isinstance(value, dict):
            value["fuzz_unknown_key"] = 1
        elif op.how == "duplicate" and isinstance(value, dict) and value:
            key = next(iter(value))
            pairs = ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in value.items())
            doc = _set(doc, path, raw(RawJSON("{" + pairs + f", {json.dumps(key)}: null}}")))
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    for i, piece in enumerate(raws):
        text = text.replace(json.dumps(_RAW.format(i)), piece, 1)
    data: str | bytes = text
    for op in texts:
        data = _text(op, data)
    return data, tuple(done)


def _text(op: Text, data: str | bytes) -> str | bytes:
    at = int(op.at * len(data))
    if op.how == "cut":
        return data[:at]
    if op.how == "flip":
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        if not raw:
            return data
        at = min(int(op.at * len(raw)), len(raw) - 1)
        return raw[:at] + bytes([raw[at] ^ (op.size % 255 + 1)]) + raw[at + 1 :]
    if op.how == "bom":
        return "\ufeff" + data if isinstance(data, str) else b"\xef\xbb\xbf" + data
    if op.how == "pad":
        return " " * op.size + data + "\n" * op.size if isinstance(data, str) else data
    if op.how == "garbage":
        return data + ("}" * op.size if isinstance(data, str) else b"}" * op.size)
    if op.how == "utf-16" and isinstance(data, str):
        return data.encode("utf-16", "surrogatepass")
    if op.how == "bytes" and isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    return data


_GENERATED = dst.roadmaps().map(dod_model.dumps)


@st.composite
def json_mutants(draw: st.DrawFn) -> _seeds.Mutant:
    """A roadmap's JSON (a bundled example's, or a generated roadmap's), mutated."""
    seeds = _seeds.json_seeds()
    name = draw(st.one_of(st.sampled_from(sorted(seeds)), st.just("generated")))
    text = draw(_GENERATED) if name == "generated" else seeds[name]
    ops = draw(st.lists(OPS, min_size=1, max_size=3))
    data, done = apply(json.loads(text), ops)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return _seeds.Mutant(
        seed=name,
        ops=done,
        data=raw,
        name="fuzz.json",
        text=data if isinstance(data, str) else None,
    )
