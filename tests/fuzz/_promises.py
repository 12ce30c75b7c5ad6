"""The promises, as the steps a child runs: each one's exceptions, time and memory are checked.

- ``read()`` lets out only ``DocumentError``, whose message never asks for a report about a file
  that can happen (a damaged one) and never hides a ``MemoryError``.
- A roadmap ``read()`` or ``loads()`` produced dumps, loads back equal, is written by every
  exporter, validates and has a status; one ``read()`` produced reads back from its Word
  export unchanged.
- ``loads()`` lets out only ``SchemaError``.
- The registry readers let out only ``DocumentError``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import dod_model
from dod_model import DocumentError, Roadmap, SchemaError
from dod_model import registry as reg
from tests.comparison import without_positions
from tests.fuzz._sandbox import Probe
from tests.fuzz._seeds import PLUGINS

__all__ = [
    "check_loads",
    "check_read",
    "check_registry",
    "message_problem",
    "use_roadmap",
]

# Not the timeline's pictures, a second each: tests/test_timeline.py gives them hostile titles.
EXPORTERS = tuple(sorted(n for n in PLUGINS.exporters() if not n.startswith("timeline")))
STATUS_DAY = dt.date(2020, 9, 1)


def message_problem(exc: BaseException) -> str | None:
    """What is wrong with an error's message, for an input that can happen; None if nothing."""
    text = str(exc)
    if "please report" in text:
        inner = re.search(r"\(([A-Za-z_][\w.]*)(?::|\))", text)
        return f"'please report' for {inner.group(1) if inner else 'an error'}"
    if "MemoryError" in text:
        return "a MemoryError (a blow-up) reported as an error of the document"
    return None


def _file(folder: Path, name: str | bytes, data: bytes) -> str | bytes:
    """Write ``data`` in ``folder`` under ``name`` (bytes: a name that is not UTF-8)."""
    if isinstance(name, bytes):
        path: str | bytes = os.path.join(os.fsencode(folder), name)
    else:
        path = str(folder / name)
    with open(path, "wb") as stream:
        stream.write(data)
    return path


def _difference(a: Any, b: Any, at: str = "") -> str | None:
    """The first place two JSON values differ, and how."""
    if type(a) is not type(b):
        return f"{at or '/'}: {_clip(a)} became {_clip(b)}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{at}/{key}: {'added' if key not in a else 'lost'}"
            found = _difference(a[key], b[key], f"{at}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found = _difference(x, y, f"{at}/{i}")
            if found:
                return found
        return None if len(a) == len(b) else f"{at}: {len(a)} items became {len(b)}"
    return None if a == b else f"{at or '/'}: {_clip(a)} became {_clip(b)}"


def _clip(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 120 else text[:100] + f"…<{len(text)} chars>"


def _written(roadmap: Roadmap, format: str) -> bytes:
    out = io.BytesIO()
    dod_model.write(roadmap, out, format=format, plugins=PLUGINS)
    return out.getvalue()


def use_roadmap(probe: Probe, roadmap: Roadmap, *, read_back: bool) -> None:
    """The steps a roadmap the library made must pass: JSON, every exporter, rules, a day.

    With ``read_back`` (a roadmap ``read()`` made), its Word export must read back as the same
    roadmap. Not for one ``loads()`` made: its JSON may say what its text does not (a region, a
    kind of plan that reading the text would not find), and the Word file holds only the text.
    """
    text = probe.step("dumps", dod_model.dumps, roadmap)
    if text is not None:
        back = probe.step("loads(dumps())", dod_model.loads, text)
        if back is not None and back != roadmap:
            found = _difference(json.loads(text), json.loads(dod_model.dumps(back)))
            probe.fail("json round trip", f"loads(dumps()) differs: {found or 'not equal'}")
    exports = {f: probe.step(f"write:{f}", _written, roadmap, f) for f in EXPORTERS}
    probe.step("validate", dod_model.validate, roadmap, plugins=PLUGINS)
    probe.step("status", dod_model.status, roadmap, STATUS_DAY)
    word = exports.get("docx")
    if word is None or not read_back:
        return
    back = probe.step("read back:docx", dod_model.read, io.BytesIO(word), plugins=PLUGINS)
    if back is not None:
        before, after = without_positions(roadmap), without_positions(back)
        if before != after:
            found = _difference(
                json.loads(dod_model.dumps(before)), json.loads(dod_model.dumps(after))
            )
            probe.fail("docx round trip", f"read back from Word differs: {found or 'not equal'}")


def check_read(data: bytes, name: str | bytes, *, use: bool) -> Callable[[Probe], None]:
    """Steps: ``read()`` of the file; with ``use``, what the roadmap must then pass."""

    def body(probe: Probe) -> None:
        folder = Path(tempfile.mkdtemp(prefix="dod-fuzz-"))
        try:
            path = _file(folder, name, data)
            roadmap = probe.step(
                "read",
                dod_model.read,
                path,
                plugins=PLUGINS,
                allowed=(DocumentError,),
                check=message_problem,
            )
            if use and roadmap is not None:
                use_roadmap(probe, roadmap, read_back=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return body


def check_loads(text: str | bytes, *, use: bool) -> Callable[[Probe], None]:
    """Steps: ``loads()`` of the text; what a roadmap it gives must then pass."""

    def body(probe: Probe) -> None:
        roadmap = probe.step(
            "loads", dod_model.loads, text, allowed=(SchemaError,), check=message_problem
        )
        if use and roadmap is not None:
            use_roadmap(probe, roadmap, read_back=False)

    return body


def _drain(items: Iterable[Any]) -> int:
    return sum(1 for _ in items)


def _rows(path: str) -> int:
    return _drain(reg.iter_rows(path))


def _records(fn: Callable[..., Iterable[Any]]) -> Callable[[str], int]:
    def read(path: str) -> int:
        return _drain(fn(path, findings=[]))

    read.__name__ = fn.__name__
    return read


_READERS = [
    _rows,
    *(
        _records(f)
        for f in (
            reg.iter_certificates,
            reg.iter_programmes,
            reg.iter_enrolments,
            reg.iter_providers,
        )
    ),
]


def check_registry(
    data: bytes, name: str, population: bytes | None = None
) -> Callable[[Probe], None]:
    """Steps: every registry reader on the file; the population table, when given."""

    def body(probe: Probe) -> None:
        folder = Path(tempfile.mkdtemp(prefix="dod-fuzz-"))
        allowed = {"allowed": (DocumentError,), "check": message_problem}
        try:
            path = str(_file(folder, name, data))
            for reader in _READERS:
                probe.step(reader.__name__, reader, path, **allowed)
            probe.step("validate_registry", reg.validate_registry, path, plugins=PLUGINS, **allowed)
            table = None if population is None else str(_file(folder, "people.csv", population))
            probe.step(
                "summarise_registry",
                reg.summarise_registry,
                path,
                on=dt.date(2021, 1, 1),
                population=table,
                **allowed,
            )
            if table is not None:
                probe.step("read_population", reg.read_population, table, **allowed)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return body
