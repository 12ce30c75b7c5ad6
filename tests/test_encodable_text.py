"""Text the model holds is always encodable: whatever ``read()`` or ``loads()`` returns is written.

Text enters the model at two boundaries, the importers and ``loads``; both keep out what is no
character (a lone surrogate), so every exporter can write what they return and ``dumps()`` gives
text that encodes as UTF-8. Control characters that are valid Unicode are kept; an exporter
whose format cannot hold them leaves them out.
"""

from __future__ import annotations

import io
import json
import os
import unicodedata
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import (
    Activity,
    Deadline,
    DocumentError,
    Party,
    Result,
    Roadmap,
    SchemaError,
    Section,
)
from dod_model.model import Abbreviation, Source, Step
from dod_model.plugins import default_plugins
from dod_model.registry import iter_rows

# The timeline's pictures take a second each (matplotlib): tests/test_timeline.py gives them
# the hostile titles instead.
FORMATS = sorted(n for n in default_plugins().exporters() if not n.startswith("timeline"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
# What makes exporters trip: halves of UTF-16 pairs, controls, noncharacters, the last code
# point, line breaks of every kind, and the characters each format escapes.
SPECIALS = ["\ud800", "\udbff", "\udc00", "\udfff", "\x00", "\x0b", "\x0c", "\x1b", "\x7f",
            "\x85", "\u2028", "\ufeff", "\ufffe", "\uffff", "\U0010ffff", "\r", "\n", "\t",
            "|", "\\", "<", "&", '"', ";", ",", "*", "#"]  # fmt: skip
any_text = st.text(st.characters(exclude_categories=()) | st.sampled_from(SPECIALS), max_size=12)


def _holds_surrogate(text: str) -> bool:
    return any(unicodedata.category(c) == "Cs" for c in text)


def _written_by_every_exporter(roadmap: Roadmap) -> None:
    dod_model.dumps(roadmap).encode("utf-8")
    for format in FORMATS:
        dod_model.write(roadmap, io.BytesIO(), format=format)


# -- Word files ------------------------------------------------------------------------------


def _run(text: str = "", symbols: tuple[str, ...] = ()) -> str:
    """A run of text (spaces kept), then a ``w:sym`` for each hex code."""
    sym = "".join(f'<w:sym w:font="Symbol" w:char="{code}"/>' for code in symbols)
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t>{sym}</w:r>'


def _word_file(title: str, rows: list[list[str]]) -> bytes:
    """A Word file of a title paragraph and a table; cells and title are runs of XML."""

    def cell(runs: str) -> str:
        return f"<w:tc><w:p>{runs}</w:p></w:tc>"

    table = "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>" for row in rows)
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
        f"<w:p>{title}</w:p><w:tbl><w:tblGrid>{'<w:gridCol/>' * len(rows[0])}</w:tblGrid>"
        f"{table}</w:tbl></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("word/document.xml", body)
    return out.getvalue()


HEADER = [_run("№ п/п"), _run("Наименование мероприятия"), _run("Срок"), _run("Ответственные")]


def _plan(title: str, activity: str, party: str = _run("МОЦ")) -> bytes:
    rows = [HEADER, [_run("1."), activity, _run("до 01.09.2019"), party]]
    return _word_file(title, rows)


def test_a_word_symbol_naming_a_lone_surrogate_gives_a_roadmap_every_exporter_writes():
    data = _plan(
        _run("Дорожная карта", ("D800",)) + _run(" по созданию МОЦ"),
        _run("Создание МОЦ", ("D800",)),
    )
    roadmap = dod_model.read(io.BytesIO(data))
    assert roadmap.title == "Дорожная карта по созданию МОЦ"
    assert roadmap.activities[0].title == "Создание МОЦ"
    _written_by_every_exporter(roadmap)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("2211", "∑"),  # a character: kept, as before
        ("00B0", "°"),
        ("f0b7", ""),  # a symbol font's own glyph: no text, as before
        ("D800", ""),  # half of a UTF-16 pair: no character
        ("DBFF", ""),
        ("DC00", ""),
        ("DFFF", ""),
        ("0000", ""),  # control characters: no text either
        ("001F", ""),
        ("0009", ""),
        ("009F", ""),
        ("110000", ""),  # past the last code point
        ("XYZ", ""),
    ],
)
def test_a_word_symbol_gives_its_character_or_nothing(code, text):
    data = _plan(_run("План мероприятий"), _run("Создание", (code,)) + _run(" МОЦ"))
    roadmap = dod_model.read(io.BytesIO(data))
    assert roadmap.activities[0].title == f"Создание{text} МОЦ"
    _written_by_every_exporter(roadmap)


def _xml_legal(text: str) -> str:
    """What of ``text`` XML 1.0 can hold (a Word file cannot hold the rest at all)."""
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or (c >= " " and not "\ud800" <= c <= "\udfff" and c not in "\ufffe\uffff")
    )


symbol_codes = st.one_of(
    st.integers(0, 0xFFFF).map(lambda n: f"{n:04X}"),
    st.sampled_from(["D800", "DBFF", "DC00", "DFFF", "0000", "10FFFF", "110000", "F000", ""]),
)


@settings(max_examples=40, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(
    title=any_text,
    activity=any_text,
    party=any_text,
    symbols=st.lists(symbol_codes, max_size=4).map(tuple),
)
def test_any_text_in_a_word_file_reads_to_a_roadmap_every_exporter_writes(
    title, activity, party, symbols
):
    data = _plan(
        _run("План " + _xml_legal(title), symbols),
        _run(_xml_legal(activity) or "Создание", symbols),
        _run(_xml_legal(party), symbols),
    )
    try:
        roadmap = dod_model.read(io.BytesIO(data))
    except DocumentError:
        return  # refused cleanly: also a kept promise
    _written_by_every_exporter(roadmap)


# -- text exports ----------------------------------------------------------------------------


@settings(max_examples=40, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(
    title=any_text,
    activity=any_text,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]),
)
def test_any_text_in_a_text_export_reads_to_a_roadmap_every_exporter_writes(
    title, activity, encoding
):
    text = (
        f"План мероприятий {title}\n\n"
        "№ п/п\tНаименование мероприятия\tСрок\tОтветственные\n"
        f"1.\tСоздание МОЦ {activity}\tдо 01.09.2019\tМОЦ\n"
    )
    # A surrogate written as UTF-8 would write it; any other text in the encoding, or replaced.
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    try:
        roadmap = dod_model.read(io.BytesIO(text.encode(encoding, errors)))
    except DocumentError:
        return
    _written_by_every_exporter(roadmap)


# -- JSON ------------------------------------------------------------------------------------


def _roadmap_holding(text: str) -> Roadmap:
    """A roadmap with ``text`` in every kind of text field, built by the public constructors."""
    activity = Activity(
        number="1",
        title=text,
        deadline=Deadline(text=text),
        results=(Result(text=text),),
        responsible=(Party(name=text),),
        section="1",
        notes=(text,),
        steps=(Step(number="1", text=text),),
    )
    return Roadmap(
        title=text,
        municipality=text,
        glossary=(Abbreviation(short="МОЦ", full=text),),
        notes=(text,),
        sections=(Section(number="1", title=text, activities=(activity,)),),
        source=Source(name=f"{text}.docx", format="docx"),
    )


@settings(max_examples=60, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(text=any_text)
def test_any_string_in_a_roadmap_either_loads_and_is_written_or_is_refused(text):
    json_text = dod_model.dumps(_roadmap_holding(text))
    data = json_text.encode("utf-8")  # dumps() always gives text that encodes
    for given_as in (json_text, data):
        if _holds_surrogate(text):
            with pytest.raises(SchemaError) as caught:
                dod_model.loads(given_as)
            assert "/title" in [f.pointer for f in caught.value.faults]
            str(caught.value).encode("utf-8")
            continue
        roadmap = dod_model.loads(given_as)
        assert roadmap == _roadmap_holding(text)
        _written_by_every_exporter(roadmap)


def test_a_json_lines_registry_with_a_name_not_in_the_file_systems_encoding(tmp_path):
    name = os.fsdecode("Реестр".encode("cp1251") + b".jsonl")  # «Реестр.jsonl» from Windows
    path = tmp_path / name
    record = {"Номер сертификата": "2800000002", "Вид сертификата": "ПФДО"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n[1]\n", encoding="utf-8")
    rows = list(iter_rows(path))
    message = rows[-1].findings[0].message
    message.encode("utf-8")
    assert message.startswith("Реестр.jsonl row 2: not a JSON object")
