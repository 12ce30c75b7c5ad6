"""Zip packages under hostile and odd input: refused within the budgets, with a message.

Each case is built here, from the smallest input that shows it: a zip of many entries, a part
that declares a small size and inflates far more, XML of tiny elements deflated a thousandfold,
damaged zip data, zip features office programs never write, a workbook whose rows jump or
whose shared strings inflate to a gigabyte. Budgets are lowered where the point is the
mechanism, so that every test stays fast.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import dod_model
from dod_model import DocumentError, examples
from dod_model._base import WORKBOOK, Package, budgets, xml_nodes
from dod_model.plugins import get_plugin_manager
from dod_model.registry import _workbook as workbook_module
from dod_model.registry import iter_rows
from dod_model.registry._workbook import Workbook

PLUGINS = get_plugin_manager(entry_points=False)
W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W
        + b'"><w:body>%s</w:body></w:document>')  # fmt: skip
TABLE = (
    "<w:tbl><w:tr>"
    + "".join(f"<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>"
              for h in ("№ п/п", "Наименование мероприятия", "Сроки", "Ответственный"))
    + "</w:tr><w:tr>"
    + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"
              for c in ("1", "Создание МОЦ", "Июнь 2019", "Управление образования"))
    + "</w:tr></w:tbl>"
).encode()  # fmt: skip


def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def _docx(body: bytes) -> bytes:
    return _zip({"word/document.xml": BODY % body})


def _read(data: bytes) -> dod_model.Roadmap:
    return dod_model.read(io.BytesIO(data), plugins=PLUGINS)


def _refused(data: bytes, message: str) -> str:
    with pytest.raises(DocumentError, match=message) as caught:
        _read(data)
    text = str(caught.value)
    assert "please report" not in text
    return text


def _headers(data: bytes, signature: bytes) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(signature), data)]


def _patched(data: bytes, signature: bytes, offset: int, fmt: str, value: int) -> bytes:
    """``data`` with a field of every header of one kind set to ``value``."""
    patched = bytearray(data)
    for start in _headers(data, signature):
        struct.pack_into(fmt, patched, start + offset, value)
    return bytes(patched)


def _lying(part: str, real: bytes, declared: int) -> bytes:
    """A package whose ``part`` declares ``declared`` bytes, in both headers, but is ``real``."""
    data = bytearray(_zip({part: real}))
    for signature, size_at, name_at, header in ((b"PK\x03\x04", 22, 26, 30),
                                                 (b"PK\x01\x02", 24, 28, 46)):  # fmt: skip
        for start in _headers(bytes(data), signature):
            (length,) = struct.unpack_from("<H", data, start + name_at)
            if data[start + header : start + header + length] == part.encode():
                struct.pack_into("<L", data, start + size_at, declared)
    return bytes(data)


@pytest.fixture(scope="module")
def word_file() -> bytes:
    """A real roadmap in Word, as the library bundles it."""
    return Path(str(examples.path("ulyanovsk"))).read_bytes()


# --- the zip's directory --------------------------------------------------------------------


def test_a_zip_of_more_entries_than_the_budget_is_refused_before_zipfile_lists_them(
    monkeypatch,
):
    # 700,000 empty entries took 5.2 s and 448 MB; the count in the end record says it at once.
    monkeypatch.setattr(budgets, "PACKAGE_ENTRIES", 50)
    package = _zip({f"e{i}": b"" for i in range(51)} | {"word/document.xml": BODY % TABLE})
    listed = []
    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", listed.append)
    text = _refused(package, "the zip lists 52 entries, over the 50 a package may have")
    assert "refused before reading its directory" in text
    assert listed == []


def test_an_end_record_that_understates_the_entries_is_caught_by_the_directory(monkeypatch):
    # zipfile lists what the directory holds, whatever the end record counts.
    monkeypatch.setattr(budgets, "PACKAGE_ENTRIES", 50)
    package = _zip({f"e{i}": b"" for i in range(60)})
    understated = _patched(package, b"PK\x05\x06", 8, "<H", 1)  # entries on this disk
    understated = _patched(understated, b"PK\x05\x06", 10, "<H", 1)  # and in all
    _refused(understated, "the zip directory holds 60 entries, over the 50")


def test_a_directory_of_more_bytes_than_its_entries_need_is_refused(monkeypatch):
    monkeypatch.setattr(budgets, "PACKAGE_ENTRIES", 2)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        info = zipfile.ZipInfo("word/document.xml")
        info.comment = b"x" * 4000  # in the directory only
        package.writestr(info, BODY % TABLE)
    _refused(out.getvalue(), "the zip directory takes 4,0.. bytes, over the 2,048")


def _zip64(package: bytes, entries: int | None = None) -> bytes:
    """``package`` with a zip64 end record and locator before its end record, as for big zips."""
    end = package.rfind(b"PK\x05\x06")
    total, size, offset = struct.unpack_from("<HLL", package, end + 10)
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, total,
                         total if entries is None else entries, size, offset)  # fmt: skip
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    tail = bytearray(package[end:])
    struct.pack_into("<HHLL", tail, 8, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    return package[:end] + record + locator + bytes(tail)


def test_a_zip64_end_record_is_read_for_its_entries():
    package = _docx(TABLE)
    assert [a.title for a in _read(_zip64(package)).activities] == ["Создание МОЦ"]
    _refused(_zip64(package, entries=10**9), "the zip lists 1,000,000,000 entries")


# --- parts, inflated --------------------------------------------------------------------------


def test_a_part_that_inflates_past_its_declared_size_is_refused_at_once():
    # It declared a small size and used 247 MB before the CRC check refused it.
    package = _lying("word/document.xml", BODY % (b"<w:p/>" * 4_000_000), declared=1000)
    tracemalloc.start()
    try:
        _refused(package, "part word/document.xml inflates past the 1,000 bytes its zip entry")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # a chunk or two of the 24 MB it would inflate to


def test_a_part_declared_over_the_part_budget_is_refused_before_it_is_inflated():
    # Compressed spaces: 40 MB of them deflate to 40 KB.
    spaces = b" " * 40_000_000
    package = _docx(b'<w:p><w:r><w:t xml:space="preserve">' + spaces + b"</w:t></w:r></w:p>")
    assert len(package) < 100_000
    text = _refused(package, "part word/document.xml would inflate to 40,000,[0-9]{3} bytes")
    assert "refused before inflating it" in text


def test_the_parts_read_together_are_bounded_by_the_package_budget(monkeypatch):
    monkeypatch.setattr(budgets, "PART_BYTES", 4000)
    monkeypatch.setattr(budgets, "PACKAGE_BYTES", 5000)
    styles = b'<w:styles xmlns:w="' + W + b'">' + b"<w:style/>" * 350 + b"</w:styles>"
    package = _zip({"word/document.xml": BODY % (TABLE + b" " * 1000), "word/styles.xml": styles})
    _refused(package, "the parts read would inflate to .* bytes together, over the 5,000")


def test_what_the_exporter_writes_of_a_megabyte_of_repetitive_text_reads_back(tmp_path):
    # The old compression-ratio rule (200 times, above 1 MB) refused the library's own file.
    roadmap = dod_model.read(examples.path("tambov"), plugins=PLUGINS)
    text = ("Мониторинг " * 95_000).strip()
    first = roadmap.sections[0]
    changed = attrs.evolve(first.activities[0], title=text)
    section = attrs.evolve(first, activities=(changed, *first.activities[1:]))
    roadmap = attrs.evolve(roadmap, sections=(section, *roadmap.sections[1:]))
    path = tmp_path / "big-cell.docx"
    dod_model.write(roadmap, path, format="docx")
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("word/document.xml")
    assert info.file_size > 200 * info.compress_size > 200 * 1024 * 1024 // 200
    assert dod_model.read(path, plugins=PLUGINS).activities[0].title == text


def test_stored_parts_and_parts_with_data_descriptors_read():
    # Written to a stream that cannot seek, zipfile puts each part's sizes after its data.
    class Unseekable(io.BytesIO):
        def seekable(self):
            return False

        def seek(self, *args):
            raise OSError("unseekable")

        def tell(self):
            raise OSError("unseekable")

    out = Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", BODY % TABLE)
    data = out.getvalue()
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").flag_bits & 0x8
    for package in (data, _zip({"word/document.xml": BODY % TABLE}, zipfile.ZIP_STORED)):
        assert [a.title for a in _read(package).activities] == ["Создание МОЦ"]


# --- XML, told by its bytes -------------------------------------------------------------------


def test_tiny_elements_past_the_node_budget_are_refused_before_they_are_parsed(monkeypatch):
    # A 678 KB file took 5.5 s and 198 MB: a document of tiny elements, deflated.
    package = _docx(b"<w:p/>" * (budgets.XML_NODES + 1))
    assert len(package) < 64 * 1024
    parsed = []
    monkeypatch.setattr(etree, "fromstring", lambda *args: parsed.append(args))
    text = _refused(package, "holds up to 1,250,0[0-9]{2} XML nodes, over the 1,250,000")
    assert "refused before parsing it" in text
    assert parsed == []


def test_a_small_file_of_many_nodes_is_refused_by_their_density(monkeypatch):
    # Within the node budget, a file of 11 KB would still cost seconds: past the floor a part
    # may hold so many nodes a byte of its compressed data.
    package = _docx(b"<w:p/>" * 1_200_000)
    assert len(package) < 16 * 1024
    parsed = []
    monkeypatch.setattr(etree, "fromstring", lambda *args: parsed.append(args))
    message = r"holds up to 1,200,0[0-9]{2} XML nodes in [0-9,]+ compressed bytes, more than 10"
    _refused(package, message + " a byte past 250,000; refused before parsing it")
    assert parsed == []


def test_attributes_count_twice_as_the_parser_makes_two_nodes_of_each(monkeypatch):
    monkeypatch.setattr(budgets, "XML_NODES", 1000)
    _refused(_docx(b'<w:p w:a="1" w:b="2"/>' * 200), "holds up to 1,0[0-9]{2} XML nodes")  # 5 each


_NAMES = st.sampled_from(["a", "w:p", "w:t", "b"])
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=5)


@st.composite
def _trees(draw: st.DrawFn, depth: int = 3) -> etree._Element:
    nsmap = {"w": W.decode()}
    name = draw(_NAMES).replace("w:", f"{{{W.decode()}}}")
    element = etree.Element(name, nsmap=nsmap)
    for key in draw(st.lists(st.sampled_from(["x", "y", "z"]), unique=True, max_size=3)):
        element.set(key, draw(_TEXT))
    element.text = draw(_TEXT)
    if depth:
        for child in draw(st.lists(_trees(depth - 1), max_size=3)):
            child.tail = draw(_TEXT)
            element.append(child)
    return element


@settings(max_examples=60, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(tree=_trees(), encoding=st.sampled_from(["utf-8", "utf-16", "windows-1251"]))
def test_the_node_count_is_an_upper_bound_of_what_lxml_builds(tree, encoding):
    try:
        data = etree.tostring(tree, encoding=encoding, xml_declaration=True)
    except (UnicodeEncodeError, ValueError):
        return
    root = etree.fromstring(data)
    built = sum(1 + 2 * len(e.attrib) + bool(e.text) + bool(e.tail) for e in root.iter())
    assert xml_nodes(data) >= built - bool(root.tail)


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        # A DTD after a long comment: past where the old check looked.
        (b'<?xml version="1.0"?><!--' + b"x" * 70_000 + b'--><!DOCTYPE d [<!ENTITY a "aa">]><d/>',
         "declares a DTD or entities"),
        # EBCDIC writes "<" as 0x4C: a count of bytes would not see its markup.
        ('<?xml version="1.0" encoding="cp037"?><w:document/>'.encode("cp037"),
         "not XML in an encoding Word writes"),
        (b'<?xml version="1.0" encoding="cp037"?>' + "<w:document/>".encode("cp037"),
         "not XML in an encoding Word writes"),
        (b'<?xml version="1.0" encoding="no-such-codec"?><w:document/>',
         "not XML in an encoding Word writes"),
    ],
    ids=["late-dtd", "ebcdic", "ebcdic-declared", "unknown-encoding"],
)  # fmt: skip
def test_xml_that_hides_its_markup_or_declares_a_dtd_is_refused(xml, message):
    _refused(_zip({"word/document.xml": xml}), message)


def test_a_document_in_utf16_reads_as_in_utf8():
    utf16 = (BODY % TABLE).decode().replace('"UTF-8"', '"UTF-16"').encode("utf-16")
    assert [a.title for a in _read(_zip({"word/document.xml": utf16})).activities] == [
        "Создание МОЦ"
    ]


# --- damaged zips: messages about the file ----------------------------------------------------


def _flip_in_data(data: bytes) -> bytes:
    """One byte of word/document.xml's deflated data changed."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo("word/document.xml")
    (name, extra) = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name + extra
    damaged = bytearray(data)
    for offset in range(40, 80):
        damaged[start + offset] ^= 0xFF
    return bytes(damaged)


MUTATIONS = {
    "deflate-data": (_flip_in_data, "part word/document.xml: the zip data is damaged"),
    "cut-short": (lambda d: d[: len(d) // 2], "not a readable Word file .*is it cut short"),
    "flag-bit-5": (lambda d: _patched(d, b"PK\x01\x02", 8, "<H", 0x20),
                   "uses compressed patched data \\(zip flag bit 5\\), which Word never writes"),
    "flag-bit-6": (lambda d: _patched(d, b"PK\x01\x02", 8, "<H", 0x41),
                   "uses strong encryption \\(zip flag bit 6\\), which Word never writes"),
    "version-8.4": (lambda d: _patched(d, b"PK\x01\x02", 6, "<H", 84),
                    "a feature Word never writes \\(zip file version 8.4\\); the file is damaged"),
    "method-99": (lambda d: _patched(d, b"PK\x01\x02", 10, "<H", 99), "compressed with method 99"),
    "crc": (lambda d: _patched(d, b"PK\x01\x02", 16, "<L", 1234), "its CRC-32 does not match"),
    "local-header": (lambda d: _patched(d, b"PK\x01\x02", 42, "<L", 7), "no local header at"),
    "directory-offset": (lambda d: _patched(d, b"PK\x05\x06", 16, "<L", 0xFFFF),
                         "the zip data is damaged"),
}  # fmt: skip


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_a_damaged_word_file_gets_a_message_about_the_file(word_file, mutation):
    change, message = MUTATIONS[mutation]
    _refused(change(word_file), message)


def _positions(data: bytes) -> list[int]:
    """The zip's own structures: its headers, its directory and end record, its data's start."""
    places: list[int] = []
    for signature, length in ((b"PK\x03\x04", 60), (b"PK\x01\x02", 46), (b"PK\x05\x06", 22)):
        for start in _headers(data, signature):
            places += range(start, min(start + length, len(data)))
    return places


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_damage_to_the_zip_is_a_document_error(word_file, data):
    places = _positions(word_file)
    damaged = bytearray(word_file)
    for _ in range(data.draw(st.integers(1, 3))):
        damaged[data.draw(st.sampled_from(places))] = data.draw(st.integers(0, 255))
    try:
        Package(bytes(damaged), "d.docx").xml("word/document.xml")
    except DocumentError as exc:
        assert str(exc).startswith("d.docx: ")
        assert "please report" not in str(exc)


# --- workbooks ------------------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + "Номер сертификата".encode()
          + b'</t></is></c><c r="B1" t="inlineStr"><is><t>' + "Дата рождения".encode()
          + b"</t></is></c></row>")  # fmt: skip


def _xlsx(path: Path, rows: bytes, strings: bytes | None = None) -> Path:
    rels = (f'<Relationship Id="rId1" Type="{_TYPES}/worksheet" Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="rId2" Type="{_TYPES}/sharedStrings" Target="sharedStrings.xml"/>'
               if strings is not None else ""))  # fmt: skip
    parts = {
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{_TYPES}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'.encode(),
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{_TYPES}"><sheets><sheet name="S" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships">' + rels.encode() + b"</Relationships>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()
        + HEADER
        + rows
        + b"</sheetData></worksheet>",
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">'.encode() + strings + b"</sst>"
    path.write_bytes(_zip(parts))
    return path


def test_a_row_number_that_jumps_costs_nothing(tmp_path):
    # A 5 KB workbook with <row r="1000000000"> never finished: the empty rows were walked.
    path = _xlsx(tmp_path / "jump.xlsx", b'<row r="2"><c r="A2" t="inlineStr"><is><t>6312000001'
                 b'</t></is></c></row><row r="1000000000"><c r="A1000000000" t="inlineStr"><is>'
                 b"<t>6312000002</t></is></c></row>")  # fmt: skip
    assert path.stat().st_size < 5000
    rows = list(iter_rows(path))
    assert [(row.row, row.record.number) for row in rows] == [
        (2, "6312000001"),
        (1_000_000_000, "6312000002"),
    ]


def test_shared_strings_that_would_inflate_past_the_part_budget_are_refused(tmp_path):
    # 3.3 MB of workbook whose shared strings inflate to 1 GB took over 1 GB and a minute.
    count = budgets.PART_BYTES // len(b"<si><t>x</t></si>") + 1
    path = _xlsx(tmp_path / "strings.xlsx", b'<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
                 b"<si><t>x</t></si>" * count)  # fmt: skip
    message = r"strings\.xlsx: part xl/sharedStrings\.xml would inflate to 33,554,[0-9]{3} bytes"
    with pytest.raises(DocumentError, match=message):
        list(iter_rows(path))


def test_a_sheet_inflating_past_the_stream_ratio_is_refused_before_it_is_inflated(tmp_path):
    path = _xlsx(tmp_path / "rows.xlsx", b"<row/>" * 1_000_000)  # 6 MB in 10 KB
    with pytest.raises(DocumentError, match=r"sheet1\.xml would inflate to 6,000,[0-9]{3} bytes, "
                                            r"[0-9]{3} times its compressed size"):  # fmt: skip
        list(iter_rows(path))


def test_a_sheet_denser_in_nodes_than_the_stream_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "XML_NODES", 50_000)  # more than one chunk holds
    monkeypatch.setattr(budgets, "XML_DENSITY_FLOOR", 50_000)
    monkeypatch.setattr(budgets, "XML_DENSITY", 1)
    path = _xlsx(tmp_path / "dense.xlsx", b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>'
                                                   % (i, i) for i in range(2, 20_000)))  # fmt: skip
    with pytest.raises(
        DocumentError,
        match=r"holds over [0-9,]+ XML nodes in [0-9,]+ compressed bytes, more than 1 a byte",
    ):
        list(iter_rows(path))


def test_one_row_of_more_nodes_than_a_tree_may_hold_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "XML_NODES", 5000)
    monkeypatch.setattr(budgets, "XML_DENSITY", 1000)
    path = _xlsx(tmp_path / "wide.xlsx", b'<row r="2">' + b"<c><v>1</v></c>" * 5000 + b"</row>")
    with pytest.raises(DocumentError, match="holds an element of up to"):
        list(iter_rows(path))


def test_a_sheet_of_more_rows_than_a_sheet_has_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_module, "_LAST_ROW", 5)
    path = _xlsx(tmp_path / "long.xlsx", b"<row/>" * 10)
    with pytest.raises(DocumentError, match=r"holds more rows than a sheet can \(5\)"):
        list(iter_rows(path))


def test_cells_past_the_header_and_empty_cells_are_not_read(tmp_path, monkeypatch):
    read = []
    value = Workbook._value
    monkeypatch.setattr(Workbook, "_value", lambda self, cell, column: read.append(column)
                        or value(self, cell, column))  # fmt: skip
    wide = b"".join(b'<c r="%s2"><v>7</v></c>' % column.encode() for column in ("C", "D", "XFD"))
    path = _xlsx(tmp_path / "wide.xlsx", b'<row r="2"><c r="A2" t="inlineStr"><is><t>6312000001'
                 b'</t></is></c><c r="B2" s="0"/>' + wide + b"</row>")  # fmt: skip
    (row,) = iter_rows(path)
    assert row.record.number == "6312000001"
    assert read == [1, 2, 1]  # the header's two cells, then the row's only valued one in them


def test_cells_read_as_openpyxl_reads_them(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["text", 12, 3.5, True, dt.datetime(2020, 9, 1, 10, 30), dt.date(2012, 1, 1),
                  dt.time(12, 15), None, "=1+1", "ё"])  # fmt: skip
    sheet.append([None, None, "после пустых"])
    sheet["E5"] = dt.timedelta(days=1, hours=2)
    sheet["E5"].number_format = "[h]:mm:ss"
    book.save(tmp_path / "typed.xlsx")
    workbook = Workbook(tmp_path / "typed.xlsx")
    try:
        (part,) = workbook.sheets
        ours = {number: cells for number, cells, fault in workbook.rows(part) if fault is None}
    finally:
        workbook.close()
    theirs = openpyxl.load_workbook(tmp_path / "typed.xlsx", read_only=True, data_only=True)
    theirs.active.reset_dimensions()  # as the registry read it: each row to its last cell
    expected = {number: list(values)
                for number, values in enumerate(theirs.active.iter_rows(values_only=True), 1)
                if any(value is not None for value in values)}  # fmt: skip
    theirs.close()
    assert ours == expected


def test_a_workbook_that_is_no_zip_or_lacks_its_workbook_part_is_refused(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(DocumentError, match=r"a\.xlsx: not an XLSX workbook"):
        list(iter_rows(tmp_path / "a.xlsx"))
    (tmp_path / "b.xlsx").write_bytes(_zip({"hello.txt": b"hi"}))
    with pytest.raises(DocumentError, match=r"b\.xlsx: a zip without an Excel workbook part"):
        list(iter_rows(tmp_path / "b.xlsx"))
    (tmp_path / "c.xlsx").write_bytes(_patched(_zip({"xl/workbook.xml": b"<x/>"}),
                                               b"PK\x01\x02", 8, "<H", 0x40))  # fmt: skip
    with pytest.raises(DocumentError, match=r"uses strong encryption.*Excel never writes"):
        list(iter_rows(tmp_path / "c.xlsx"))
    assert WORKBOOK.program == "Excel"


# --- the budgets, loaded when used ----------------------------------------------------------------


def test_import_dod_model_does_not_load_lxml():
    # The package reader loads on first use: a program that reads no zip does not pay for it.
    probe = "import sys, dod_model; print('lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"


def test_zlib_damage_inside_a_stream_is_a_document_error(tmp_path):
    path = _xlsx(tmp_path / "z.xlsx", b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%d'
                                               b"</t></is></c></row>" % (i, i, i)
                                               for i in range(2, 4000)))  # fmt: skip
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 3000 : start + 3040] = bytes(40)
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentError, match=r"sheet1\.xml: the zip data is damaged \(Error -3"):
        list(iter_rows(path))
