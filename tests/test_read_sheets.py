"""Excel workbooks (.xlsx, .xlsm, .xls) read to the roadmap their sheets show.

The renditions of the bundled Word roadmaps (openpyxl's .xlsx, Calc's .xls, and Calc's .xlsx
made from the .ods) read to the same roadmap as the Word file; workbooks made as users make
them (tests/data/sheets/make_sheets.py) show each rule: the sheet holding the roadmap found
past an instructions sheet, hidden sheets not read, title rows as the preamble, dates and
numbers as the sheet shows them, multi-line cells, formulas by their calculated value.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError
from dod_model.importers import RawTable, XlsImporter, XlsxImporter
from dod_model.importers._grid import Merge, sheet_blocks
from dod_model.importers._shown import formatter, general, shown_value
from dod_model.importers._xls import _stream as xls_stream
from dod_model.importers._xls import sheet_grids

from .comparison import without_positions

ROOT = Path(__file__).resolve().parent
RENDITIONS = ROOT / "data" / "renditions"
SHEETS = ROOT / "data" / "sheets"
DOCUMENTS = ROOT.parent / "src" / "dod_model" / "examples" / "data" / "documents"
SEEDS = sorted(p.stem for p in DOCUMENTS.glob("*.docx"))
MADE = ("instructions-first.xlsx", "instructions-first.calc.xlsx", "instructions-first.xlsm",
        "instructions-first.xls")  # fmt: skip


def _rendition(seed: str, kind: str) -> Path:
    return SHEETS / f"{seed}.calc.xlsx" if kind == "calc.xlsx" else RENDITIONS / f"{seed}.{kind}"


@pytest.mark.parametrize("kind", ["xlsx", "xls", "calc.xlsx"])
@pytest.mark.parametrize("seed", SEEDS)
def test_renditions_read_to_the_roadmap_of_the_word_file(seed, kind):
    roadmap = dod_model.read(_rendition(seed, kind))
    assert roadmap.source.format == kind.rpartition(".")[2]
    assert without_positions(roadmap) == without_positions(
        dod_model.read(DOCUMENTS / f"{seed}.docx")
    )


def _raw(name: str):
    data = (SHEETS / name).read_bytes()
    importer = XlsImporter() if name.endswith(".xls") else XlsxImporter()
    return importer.read(data, name=name)


@pytest.mark.parametrize("name", MADE)
def test_the_roadmap_is_found_past_an_instructions_sheet_and_a_hidden_one(name):
    raw = _raw(name)
    assert raw.sheets == ("Инструкция", "План")  # the hidden «Старый план» is not read
    roadmap = dod_model.read(SHEETS / name)
    assert [a.number for a in roadmap.activities] == ["1", "2", "3", "4", "5"]
    assert roadmap.title.startswith("ДОРОЖНАЯ КАРТА развития")  # title rows: the preamble
    assert roadmap.notes == ("Исполнитель: Иванова И. И.",)
    assert [p.name for p in roadmap.activity("3").responsible] == ["МОЦ"]  # merged down
    second = roadmap.activity("2")
    assert second.title == "Проведение семинара\nдля педагогов\nдополнительного образования"


@pytest.mark.parametrize("name", MADE[:3])
def test_dates_show_as_their_formats_show_them(name):
    roadmap = dod_model.read(SHEETS / name)
    shown = [a.deadline.text for a in roadmap.activities]
    assert shown == ["01.09.2020", "15 октября 2020", "30.11.2020", "декабрь 2020", "янв-21"]
    assert roadmap.activity("4").deadline.end == dt.date(2020, 12, 31)


def test_an_xls_shows_dates_as_dotted_dates_its_formats_lost():
    roadmap = dod_model.read(SHEETS / "instructions-first.xls")
    shown = [a.deadline.text for a in roadmap.activities]
    assert shown == ["01.09.2020", "15.10.2020", "30.11.2020", "01.12.2020", "01.01.2021"]


def _table(raw) -> RawTable:
    return next(b for b in raw.blocks if isinstance(b, RawTable) and b.sheet == "План")


@pytest.mark.parametrize(("name", "formula"), [("instructions-first.xlsx", ""),
                                               ("instructions-first.calc.xlsx", "12"),
                                               ("instructions-first.xls", "12")])  # fmt: skip
def test_numbers_percentages_and_formulas(name, formula):
    rows = [r.texts for r in _table(_raw(name)).rows]
    # openpyxl stores a formula without its value: nothing is made up; Calc calculates it.
    assert [r[4] for r in rows] == ["Количество", "12", formula, "3", "1", "2,5"]
    if not name.endswith(".xls"):
        assert [r[5] for r in rows] == ["Доля охвата", "75%", "50%", "100%", "13%", "0%"]


@pytest.mark.parametrize("name", ["instructions-first.xlsx", "instructions-first.xls"])
def test_a_sheet_named_by_the_user(name):
    with pytest.raises(DocumentError, match=r"no table|not a roadmap|no roadmap"):
        dod_model.read(SHEETS / name, sheet="Инструкция")
    assert len(dod_model.read(SHEETS / name, sheet="План").activities) == 5
    with pytest.raises(
        DocumentError, match="no sheet «Старый план»: its sheets are «Инструкция», «План»"
    ):
        dod_model.read(SHEETS / name, sheet="Старый план")


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [("#14", 44075, "01.09.2020"), ("dd.mm.yyyy", 44075, "01.09.2020"),
     ("d mmmm yyyy", 44075, "1 сентября 2020"), ("mmmm yyyy", 44075, "сентябрь 2020"),
     ("mmm-yy", 44075, "сен-20"), ("[$-419]d\\ mmmm\\ yyyy\\ \"г.\"", 44075, "1 сентября 2020 г."),
     ("DD/MM/YYYY", 44075.5, "01.09.2020"), ("m/d/yyyy", 44075, "01.09.2020"),
     ("dd.mm.yyyy h:mm", 44075.5, "01.09.2020 12:00"), ("h:mm AM/PM", 0.75, "6:00 PM"),
     ("[h]:mm", 1.5, "36:00"), ("dddd, d mmmm", 44075, "вторник, 1 сентября"),
     ("0%", 0.755, "76%"), ("0.00%", 0.755, "75,50%"), ("#,##0", 1234567.4, "1 234 567"),
     ("0.00", 3.14159, "3,14"), ('#,##0.00 "₽"', 1234.5, "1 234,50 ₽"), ("0;(0)", -3, "(3)"),
     ("0", -3.6, "-4"), ('0" чел."', 25, "25 чел."), ("0.0#", 2, "2,0"), ("#3", 1e6, "1 000 000"),
     ("0.00E+00", 12345, "12345"), ("General", 0.1 + 0.2, "0,3"), ("#14", -1, "-1")],
)  # fmt: skip
def test_number_formats_show_as_a_russian_excel_shows_them(code, value, shown):
    show = formatter(code)
    assert (general(value) if show is None else show(value)) == shown


def test_typed_values_of_an_xls_show_as_a_russian_sheet_shows_them():
    values = (12.0, 2.5, True, False, dt.datetime(2020, 9, 1), dt.datetime(2020, 9, 1, 9, 30),
              dt.date(2020, 9, 1), dt.time(9, 5), "a\r\nb")  # fmt: skip
    shown = ("12", "2,5", "ИСТИНА", "ЛОЖЬ", "01.09.2020", "01.09.2020 09:30", "01.09.2020",
             "9:05:00", "a\nb")  # fmt: skip
    assert tuple(map(shown_value, values)) == shown


def _book(tmp_path: Path, fill) -> bytes:
    book = openpyxl.Workbook()
    fill(book.active)
    path = tmp_path / "made.xlsx"
    book.save(path)
    return path.read_bytes()


def test_escapes_booleans_errors_and_line_ends(tmp_path):
    def fill(sheet):
        sheet.append(["№", "Мероприятие", "Срок"])
        sheet.append(["1", "Строка_x000D_\r\nвторая", True])
        sheet.append(["2", "Подчерк _x005F_x000D_ как есть", "#N/A"])
        sheet["C3"].data_type = "e"

    raw = XlsxImporter().read(_book(tmp_path, fill), name="made.xlsx")
    rows = [r.texts for r in raw.tables[0].rows]
    assert rows[1] == ("1", "Строка\n\nвторая", "ИСТИНА")
    assert rows[2] == ("2", "Подчерк _x000D_ как есть", "#N/A")


def test_sniffing_tells_workbooks_from_word_files_and_each_other():
    xlsx, xls = XlsxImporter(), XlsImporter()
    for path in [*RENDITIONS.glob("*.xlsx"), *SHEETS.glob("*.xlsx"), SHEETS / MADE[2]]:
        head = path.read_bytes()[:8192]
        assert xlsx.sniff(head), path.name
        assert not xls.sniff(head), path.name
    for path in RENDITIONS.glob("*.xls"):
        head = path.read_bytes()[:8192]
        assert xls.sniff(head), path.name
        assert not xlsx.sniff(head), path.name
    for path in [*DOCUMENTS.glob("*.docx"), *RENDITIONS.glob("*.ods"), *RENDITIONS.glob("*.odt")]:
        head = path.read_bytes()[:8192]
        assert not xlsx.sniff(head), path.name
        assert not xls.sniff(head), path.name


def test_a_word_97_file_is_refused_by_the_xls_importer_by_what_it_is():
    data = next(iter(RENDITIONS.glob("*.doc"))).read_bytes()
    with pytest.raises(DocumentError, match=r"without a workbook in it: is it a Word 97 \.doc"):
        XlsImporter().read(data, name="x.xls")


def test_an_xls_without_calamine_says_what_to_install(monkeypatch):
    import builtins  # noqa: PLC0415

    real = builtins.__import__

    def without(name, *args, **kwargs):
        if name == "python_calamine":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    with pytest.raises(
        DocumentError, match=r"needs python-calamine: pip install 'dod-model\[xls\]'"
    ):
        dod_model.read(SHEETS / "instructions-first.xls")


def test_a_password_protected_xls_is_refused_as_such():
    data = bytearray((SHEETS / "instructions-first.xls").read_bytes())
    # A FILEPASS record in place of the first record after the globals' BOF.
    stream = xls_stream(bytes(data), "x")
    at = data.find(stream[:64])
    bof_size = int.from_bytes(stream[2:4], "little")
    data[at + 4 + bof_size : at + 4 + bof_size + 2] = (0x002F).to_bytes(2, "little")
    with pytest.raises(DocumentError, match="password-protected"):
        XlsImporter().read(bytes(data), name="locked.xls")


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xlsx(sheet: bytes, strings: bytes | None = None) -> bytes:
    rels = f'<Relationship Id="rId1" Type="{_TYPES}/worksheet" Target="worksheets/sheet1.xml"/>'
    if strings is not None:
        rels += (
            f'<Relationship Id="rId2" Type="{_TYPES}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    parts = {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{_TYPES}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'.encode(),
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{_TYPES}"><sheets><sheet name="S" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships">' + rels.encode() + b"</Relationships>",
        "xl/worksheets/sheet1.xml": sheet,
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    return _zip(parts)


def _bomb() -> bytes:
    """A workbook whose sheet1.xml inflates to 1 GiB from 1 MB: one deflated block repeated."""
    block = b"<row/>" * (1 << 20)  # 6 MiB
    deflater = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    flushed = deflater.compress(block) + deflater.flush(zlib.Z_FULL_FLUSH)  # no back-references
    copies = (1 << 30) // len(block)
    data = flushed * copies + b"\x03\x00"  # and a final empty block
    size = len(block) * copies
    head = _xlsx(b"<worksheet/>")  # the structure; its sheet is replaced below
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(head)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info, source.read(info))
    entries = out.getvalue()
    end = entries.rfind(b"PK\x05\x06")
    directory_at = int.from_bytes(entries[end + 16 : end + 20], "little")
    name = b"xl/worksheets/sheet1.xml"
    offset = directory_at
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, 0, len(data), size,
                        len(name), 0) + name  # fmt: skip
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, 0, len(data), size,
                          len(name), 0, 0, 0, 0, 0, offset) + name  # fmt: skip
    count = int.from_bytes(entries[end + 10 : end + 12], "little") + 1
    old_directory = entries[directory_at:end]
    new_directory = old_directory + central
    body = entries[:directory_at] + local + data
    tail = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(new_directory),
                       len(body), 0)  # fmt: skip
    return body + new_directory + tail


def _named(data: bytes, name: str) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def test_a_zip_bomb_sheet_is_refused_within_a_second():
    data = _bomb()
    assert len(data) < 2 << 20
    started = time.process_time()
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError, match=r"sheet1\.xml would inflate to 1,069,547,520"):
            dod_model.read(_named(data, "bomb.xlsx"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.process_time() - started < 1
    assert peak < 200 << 20


def test_billion_laughs_shared_strings_are_refused():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
              b'<sst xmlns="' + MAIN.encode() + b'"><si><t>&b;</t></si></sst>')  # fmt: skip
    data = _xlsx(f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode(), laughs)
    with pytest.raises(DocumentError, match="declares a DTD or entities"):
        XlsxImporter().read(data, name="laughs.xlsx")


def _inline(row: int, column: str, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_grid_of_far_apart_cells_is_refused_but_a_row_far_below_costs_nothing():
    rows = "".join(f'<row r="{r}">{_inline(r, "A", str(r))}</row>' for r in range(2, 600))
    far = f'<row r="1">{_inline(1, "A", "№")}{_inline(1, "ALL", "x")}</row>'
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{far}{rows}</sheetData></worksheet>'
    with pytest.raises(DocumentError, match="sheet «S» holds a grid of 599,000 cells"):
        XlsxImporter().read(_xlsx(sheet.encode()), name="far.xlsx")
    # Only rows holding a value are walked: one at row 900,000 costs nothing.
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{_inline(1, "A", "План")}'
             f'</row><row r="900000">{_inline(900000, "A", "Итог")}</row></sheetData>'
             "</worksheet>")  # fmt: skip
    raw = XlsxImporter().read(_xlsx(sheet.encode()), name="far.xlsx")
    assert [(b.text, b.line) for b in raw.blocks] == [("План", 1), ("Итог", 900000)]


def test_a_merge_across_a_whole_row_spans_the_columns_in_use():
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
             "План</t></is></c></row></sheetData><mergeCells><mergeCell ref=\"A1:XFD1048576\"/>"
             "</mergeCells></worksheet>").encode()  # fmt: skip
    raw = XlsxImporter().read(_xlsx(sheet), name="m.xlsx")
    assert [b.text for b in raw.blocks] == ["План"]


def test_an_xls_whose_cells_stand_far_apart_is_refused_before_calamine_builds_them():
    # A1 and IV65536: calamine would build 16.7 million cells (1 GB) from 5.6 KB.
    started = time.process_time()
    with pytest.raises(DocumentError, match=r"grids of 16,777,216 cells .* past the 500,000"):
        dod_model.read(SHEETS / "far-apart.xls")
    assert time.process_time() - started < 1
    # As .xlsx, the two cells make a grid of two rows: read at once.
    raw = XlsxImporter().read((SHEETS / "far-apart.xlsx").read_bytes(), name="far-apart.xlsx")
    assert [b.text for b in raw.blocks] == ["x", "y"]


def test_the_grid_of_each_sheet_of_an_xls_is_known_before_calamine_reads_it():
    data = (SHEETS / "instructions-first.xls").read_bytes()
    cells = [c for _, _, c in sheet_grids(xls_stream(data, "x"), "x")]
    assert cells == [3, 9, 66]  # the instructions, the hidden plan (3 × 3), the roadmap (11 × 6)


def test_sheet_blocks_walks_only_rows_that_hold_something():
    blocks = sheet_blocks({(1, 1): "Заголовок", (1_000_000, 1): "1", (1_000_000, 2): "Итог"},
                          [Merge(5, 1, 6, 2)], sheet="S")  # fmt: skip
    assert [type(b).__name__ for b in blocks] == ["RawParagraph", "RawTable"]
    assert blocks[1].rows[0].line == 1_000_000


@settings(max_examples=40, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(data=st.data())
def test_nothing_but_document_error_escapes_on_mutated_workbooks(data):
    name = data.draw(st.sampled_from([*MADE, "samara-oc-roadmap-2019.calc.xlsx"]))
    original = (SHEETS / name).read_bytes()
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        mutated = mutated[: data.draw(st.integers(0, len(mutated)))]
    forced = data.draw(st.sampled_from([None, "xls" if name.endswith(".xls") else "xlsx"]))
    try:
        dod_model.read(_named(bytes(mutated), name), format=forced)
    except DocumentError as exc:
        assert "please report" not in str(exc), str(exc)
