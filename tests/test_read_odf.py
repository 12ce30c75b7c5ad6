"""Reading OpenDocument text and spreadsheets: LibreOffice's renditions, its fixtures, the rules.

The renditions (``tests/data/renditions``) and fixtures (``tests/data/odf``, made by
``make_fixtures.py``) are what LibreOffice saves from Word files and workbooks; each reads to
the roadmap its source reads to. The rules each of them carries are checked on them, and on
small packages written here where a rule needs a shape LibreOffice writes only in long files.
"""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError
from dod_model.importers import DocxImporter, OdsImporter, OdtImporter, RawTable
from dod_model.plugins import get_plugin_manager

from .comparison import without_positions

PLUGINS = get_plugin_manager(entry_points=False)
ROOT = Path(__file__).resolve().parent
RENDITIONS = ROOT / "data" / "renditions"
FIXTURES = ROOT / "data" / "odf"
DOCUMENTS = ROOT.parent / "src" / "dod_model" / "examples" / "data" / "documents"
STEMS = sorted(path.stem for path in DOCUMENTS.glob("*.docx"))

LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
NS = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in (("office", "office:1.0"), ("text", "text:1.0"), ("table", "table:1.0"),
                         ("style", "style:1.0"), ("draw", "drawing:1.0"))
) + f' xmlns:loext="{LOEXT}"'  # fmt: skip
MIMETYPE = "application/vnd.oasis.opendocument."


def _package(parts: dict[str, bytes], mimetype: str | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        if mimetype is not None:  # first and stored, as LibreOffice writes it
            package.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def odf(body: str, kind: str = "text", *, styles: str = "", automatic: str = "") -> bytes:
    """A package of ``kind`` («text», «spreadsheet») whose body holds ``body``."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} '
               f'office:version="1.3"><office:automatic-styles>{automatic}'
               f"</office:automatic-styles><office:body><office:{kind}>{body}</office:{kind}>"
               "</office:body></office:document-content>")  # fmt: skip
    style_part = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>'
                  f"<office:styles>{styles}</office:styles></office:document-styles>")  # fmt: skip
    return _package({"content.xml": content.encode(), "styles.xml": style_part.encode()},
                    MIMETYPE + kind)  # fmt: skip


def _blocks(data: bytes) -> list[str | list[list[tuple[str, int, int, bool]]]]:
    """The blocks of an .odt: paragraphs as their text, tables as rows of cell tuples."""
    raw = OdtImporter().read(data, name="t.odt")
    return [
        [[(c.text, c.column, c.span, c.merged) for c in row.cells] for row in block.rows]
        if isinstance(block, RawTable) else block.text
        for block in raw.blocks
    ]  # fmt: skip


def _stream(data: bytes, name: str) -> io.BytesIO:
    """``data`` as a file object opened under ``name``."""
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def _read(path: Path, **kwargs) -> dod_model.Roadmap:
    return dod_model.read(path, plugins=PLUGINS, **kwargs)


# --- renditions and fixtures LibreOffice made ------------------------------------------------


@pytest.mark.parametrize("suffix", [".odt", ".ods"])
@pytest.mark.parametrize("stem", STEMS)
def test_every_rendition_reads_to_the_roadmap_of_its_word_file(stem, suffix):
    rendition = _read(RENDITIONS / f"{stem}{suffix}")
    assert rendition.source.format == suffix[1:]
    assert without_positions(rendition) == without_positions(_read(DOCUMENTS / f"{stem}.docx"))


def test_a_roadmap_saved_by_libreoffice_reads_as_its_word_file():
    from_odt = _read(FIXTURES / "roadmap.odt")
    assert without_positions(from_odt) == without_positions(_read(FIXTURES / "roadmap.docx"))
    assert [a.number for a in from_odt.activities] == ["1.1", "1.2", "1.3"]


@pytest.fixture(scope="module")
def fixture_blocks():
    return _blocks((FIXTURES / "roadmap.odt").read_bytes())


def test_header_rows_repeated_on_each_page_are_marked(fixture_blocks):
    raw = OdtImporter().read((FIXTURES / "roadmap.odt").read_bytes(), name="roadmap.odt")
    assert [row.header for row in raw.tables[0].rows] == [True, True, False, False, False, False]


def test_a_section_row_spans_the_table_and_a_cell_merged_down_goes_on(fixture_blocks):
    _title, table, *_notes = fixture_blocks
    assert table[2] == [("1. Организационные мероприятия", 1, 4, False)]
    assert table[3][3] == ("Управление образования", 4, 1, False)
    assert table[4][3] == ("Управление образования", 4, 1, True)  # covered by the one above


def test_tracked_insertions_are_kept_and_deletions_dropped(fixture_blocks):
    table = fixture_blocks[1]
    assert table[3][1][0].endswith("центре и согласование")
    assert table[4][1][0] == "Утверждение плана работы муниципального опорного центра"
    assert "УДАЛЁННЫЙ" not in str(fixture_blocks)


def test_a_footnote_is_not_the_text_of_its_paragraph(fixture_blocks):
    assert fixture_blocks[1][3][2][0] == "до 01.09.2020"
    assert "уточняется" not in str(fixture_blocks)


def test_a_nested_table_gives_its_rows_as_lines_of_the_cell(fixture_blocks):
    assert fixture_blocks[1][5][3][0] == "МОЦ\nРуководитель МОЦ\nМетодист МОЦ"


def test_numbered_paragraphs_show_the_labels_word_showed(fixture_blocks):
    word = DocxImporter().read((FIXTURES / "roadmap.docx").read_bytes(), name="roadmap.docx")
    shown = [b.text for b in word.blocks if not isinstance(b, RawTable)]
    assert fixture_blocks[2:] == shown[1:]
    assert fixture_blocks[3:] == ["1. МОЦ - муниципальный опорный центр",
                                  "1. в том числе его филиалы",
                                  "2. РМЦ - региональный модельный центр"]  # fmt: skip


def test_the_roadmap_is_read_from_the_sheet_that_holds_it():
    roadmap = _read(FIXTURES / "two-sheets.ods")
    assert roadmap.title == "ДОРОЖНАЯ КАРТА по созданию муниципального опорного центра на 2020 год"
    assert [a.number for a in roadmap.activities] == ["1.1", "1.2", "1.3"]
    assert roadmap.sections[0].title == "Организационные мероприятия"
    assert roadmap.notes == ("Начальник управления образования",)
    assert roadmap == _read(FIXTURES / "two-sheets.ods", sheet="План")


def test_a_sheet_is_picked_by_name_and_an_unknown_one_named_with_those_there_are():
    with pytest.raises(DocumentError, match="no roadmap table on any sheet"):
        _read(FIXTURES / "two-sheets.ods", sheet="Пояснения")
    with pytest.raises(DocumentError, match="no sheet «Нет»: its sheets are «Пояснения», «План»"):
        _read(FIXTURES / "two-sheets.ods", sheet="Нет")


def test_dates_read_as_calc_shows_them_and_merged_cells_go_on():
    first, second, _third = _read(FIXTURES / "two-sheets.ods").activities
    assert first.deadline.text == "01.09.2020"  # not the date's value, 2020-09-01
    assert first.deadline.end.isoformat() == "2020-09-01"
    assert second.deadline.text == "15.09.2020"
    assert second.title == "Утверждение плана работы\nмуниципального опорного центра"
    assert [p.name for p in second.responsible] == ["Управление образования"]
    raw = OdsImporter().read((FIXTURES / "two-sheets.ods").read_bytes(), name="two-sheets.ods")
    assert raw.sheets == ("Пояснения", "План")
    assert (
        raw.tables[0].rows[3].cells[1].text
        == "Утверждение плана работы\nмуниципального опорного центра"
    )


def test_a_sheet_declaring_a_million_empty_rows_costs_nothing():
    data = (RENDITIONS / "samara-oc-roadmap-2019.ods").read_bytes()
    assert b'number-rows-repeated="1048549"' in zipfile.ZipFile(io.BytesIO(data)).read(
        "content.xml"
    )
    start = time.process_time()
    OdsImporter().read(data, name="samara.ods")
    assert time.process_time() - start < 2


# --- telling the formats apart ----------------------------------------------------------------


def test_each_importer_knows_its_own_packages_only():
    odt, ods = (RENDITIONS / f"{STEMS[0]}{s}" for s in (".odt", ".ods"))
    heads = {name: path.read_bytes()[:8192] for name, path in (
        ("odt", odt), ("ods", ods), ("docx", DOCUMENTS / f"{STEMS[0]}.docx"),
        ("xlsx", RENDITIONS / f"{STEMS[0]}.xlsx"))}  # fmt: skip
    heads["zip"] = _package({"mimetype": b"application/vnd.oasis.opendocument.text"}, None)
    heads["template"] = odf("", "text")[:8192].replace(b"opendocument.text", b"opendocument.texx")
    assert {n for n, h in heads.items() if OdtImporter().sniff(h)} == {"odt"}
    assert {n for n, h in heads.items() if OdsImporter().sniff(h)} == {"ods"}


def test_a_package_of_the_other_kind_says_which_format_reads_it():
    with pytest.raises(DocumentError, match=r"an OpenDocument spreadsheet, not an OpenDocument "
                                            r"text \(read it with format='ods'\)"):  # fmt: skip
        dod_model.read(RENDITIONS / f"{STEMS[0]}.ods", format="odt", plugins=PLUGINS)
    with pytest.raises(DocumentError, match="an OpenDocument text, not an OpenDocument spread"):
        dod_model.read(RENDITIONS / f"{STEMS[0]}.odt", format="ods", plugins=PLUGINS)
    with pytest.raises(DocumentError, match=r"a zip without content\.xml"):
        OdtImporter().read(_package({"styles.xml": b"<a/>"}, MIMETYPE + "text"), name="e.odt")


# --- the rules, on small packages --------------------------------------------------------------


def test_a_paragraph_shows_its_text_with_white_space_as_odf_collapses_it():
    body = ("<text:p>  Срок\n   исполнения:<text:s text:c=\"2\"/>до<text:tab/>2020"
            "<text:line-break/>года<text:soft-page-break/><text:note><text:note-citation>1"
            "</text:note-citation><text:note-body><text:p>сноска</text:p></text:note-body>"
            "</text:note><office:annotation><text:p>замечание</text:p></office:annotation>, "
            "стр. <text:page-number>3</text:page-number>; <text:span>см.</text:span>\u00a0"
            "<text:a>сайт</text:a> <draw:frame><draw:text-box><text:p>рамка</text:p>"
            "</draw:text-box></draw:frame>пере\u00adнос</text:p>")  # fmt: skip
    assert _blocks(odf(body)) == ["Срок исполнения:  до\t2020\nгода, стр. ; см. сайт перенос"]


def test_deleted_text_stands_outside_the_body_and_is_never_read():
    body = ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
            "<text:p>УДАЛЁННЫЙ ТЕКСТ</text:p></text:deletion></text:changed-region>"
            "</text:tracked-changes><text:p>Приказ<text:change text:change-id=\"c1\"/> от "
            '<text:change-start text:change-id="c2"/>01.09.2020<text:change-end '
            'text:change-id="c2"/></text:p>')  # fmt: skip
    assert _blocks(odf(body)) == ["Приказ от 01.09.2020"]


# L1 among content.xml's automatic styles, the others in styles.xml, as LibreOffice puts them.
AUTOMATIC_LISTS = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1" '
    'text:start-value="3"/>'
    '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" '
    'text:display-levels="2"/>'
    '<text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" '
    'style:num-format="a"/></text:list-style>'
)
SHARED_LISTS = (
    '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" '
    'style:num-format="I" loext:num-list-format="Раздел %1%"/></text:list-style>'
    '<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="•"/></text:list-style>'
)  # fmt: skip


def _list(items: str, style: str = "L1", extra: str = "") -> str:
    return f'<text:list text:style-name="{style}" {extra}>{items}</text:list>'


def _item(text: str, inner: str = "", extra: str = "") -> str:
    return f"<text:list-item {extra}><text:p>{text}</text:p>{inner}</text:list-item>"


def test_list_items_show_their_labels_as_libreoffice_numbers_them():
    body = (
        _list(_item("первый", _list(_item("вложенный") + _item("второй вложенный",
              _list(_item("третий уровень")))))
              + "<text:list-header><text:p>без номера</text:p></text:list-header>"
              + _item("второй"), extra='xml:id="first"')
        + "<text:p>Между списками</text:p>"
        + _list(_item("продолжение"), extra='text:continue-numbering="true"')
        + _list(_item("другой стиль"), "L2", 'text:continue-numbering="true"')
        + _list(_item("по имени") + _item("свой номер", extra='text:start-value="10"'),
                extra='text:continue-list="first"')
        + _list(_item("пункт"), "B")
        + _list("<text:list-item><text:number>7)</text:number><text:p>записан</text:p>"
                "</text:list-item>")
    )  # fmt: skip
    assert _blocks(odf(body, automatic=AUTOMATIC_LISTS, styles=SHARED_LISTS)) == [
        "3. первый", "3.1. вложенный", "3.2. второй вложенный", "(a) третий уровень",
        "без номера", "4. второй", "Между списками", "5. продолжение", "Раздел I другой стиль",
        "6. по имени", "10. свой номер", "пункт", "7) записан",
    ]  # fmt: skip


def test_numbered_headings_show_the_outline_numbers():
    styles = ('<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" '
              'style:num-format="1" style:num-suffix="."/><text:outline-level-style '
              'text:level="2" style:num-format="1" text:display-levels="2"/>'
              "</text:outline-style>")  # fmt: skip
    body = ('<text:h text:outline-level="1">Цели</text:h><text:h text:outline-level="2">Задачи'
            '</text:h><text:h text:outline-level="1" text:is-list-header="true">Приложение'
            '</text:h><text:h text:outline-level="1">Сроки</text:h>')  # fmt: skip
    assert _blocks(odf(body, styles=styles)) == ["1. Цели", "1.1 Задачи", "Приложение", "2. Сроки"]


def _cell(text: str = "", extra: str = "") -> str:
    return f"<table:table-cell {extra}><text:p>{text}</text:p></table:table-cell>"


def test_a_text_table_repeats_filled_rows_and_trims_what_calc_repeats_to_the_edge():
    table = (
        '<table:table><table:table-column table:number-columns-repeated="3"/>'
        "<table:table-row-group><table:table-row>" + _cell("1") + _cell("Мероприятие")
        + _cell("2020") + "</table:table-row></table:table-row-group><text:soft-page-break/>"
        '<table:table-rows><table:table-row table:number-rows-repeated="2">' + _cell("+")
        + '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        '</table:table-rows><table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell table:number-columns-repeated="3"/></table:table-row></table:table>'
    )  # fmt: skip
    (rows,) = _blocks(odf(table))
    assert rows == [
        [("1", 1, 1, False), ("Мероприятие", 2, 1, False), ("2020", 3, 1, False)],
        [("+", 1, 1, False), ("", 2, 1, False), ("", 3, 1, False)],
        [("+", 1, 1, False), ("", 2, 1, False), ("", 3, 1, False)],
        [("", 1, 1, False), ("", 2, 1, False), ("", 3, 1, False)],  # a million empty rows: one
    ]


def test_cells_covered_by_a_span_give_nothing_and_those_below_a_merged_cell_go_on():
    table = (
        '<table:table><table:table-column table:number-columns-repeated="4"/><table:table-row>'
        + _cell("Раздел", 'table:number-columns-spanned="2"')
        + "<table:covered-table-cell/>" + _cell("Ответственный",
          'table:number-columns-spanned="2" table:number-rows-spanned="3"')
        + "<table:covered-table-cell/></table:table-row>"
        + "<table:table-row>" + _cell("1") + _cell("А")
        + '<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>'
        + '<table:table-row table:number-rows-repeated="2">' + _cell("2") + _cell("Б")
        + '<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>'
        + "</table:table>"
    )  # fmt: skip
    (rows,) = _blocks(odf(table))
    merged = ("Ответственный", 3, 2, True)
    assert rows == [
        [("Раздел", 1, 2, False), ("Ответственный", 3, 2, False)],
        [("1", 1, 1, False), ("А", 2, 1, False), merged],
        [("2", 1, 1, False), ("Б", 2, 1, False), merged],
        [("2", 1, 1, False), ("Б", 2, 1, False), ("", 3, 1, False), ("", 4, 1, False)],
    ]  # the merged cell covers three rows: the third is the first copy of the repeated row


def test_a_spreadsheet_cell_written_without_its_shown_text_shows_its_value():
    row = (
        '<table:table-cell office:value-type="string" office:string-value="Мероприятие"/>'
        '<table:table-cell office:value-type="date" office:date-value="2020-09-01"/>'
    )
    sheet = f'<table:table table:name="Лист"><table:table-row>{row}</table:table-row></table:table>'
    raw = OdsImporter().read(odf(sheet, "spreadsheet"), name="v.ods")
    assert raw.tables[0].rows[0].texts == ("Мероприятие", "2020-09-01")


# --- hostile packages ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["text", "spreadsheet"])
def test_repeats_that_would_make_a_billion_cells_are_refused_at_once(kind):
    row = ('<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
           'table:number-columns-repeated="1000"><text:p>x</text:p></table:table-cell>'
           "</table:table-row>")  # fmt: skip
    data = odf(f"<table:table>{row}</table:table>", kind)
    start = time.process_time()
    with pytest.raises(DocumentError, match="repeated rows and cells make more cells than"):
        (OdtImporter() if kind == "text" else OdsImporter()).read(data, name="r.od")
    assert time.process_time() - start < 1


_ZEROS_CRC = 1533330096  # CRC-32 of 2**30 zero bytes


def _bomb(kind: str) -> bytes:
    """A package whose content.xml is a gigabyte of zeros, deflated to a megabyte, truly."""
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = block.compress(bytes(1 << 20)) + block.flush(zlib.Z_FULL_FLUSH)  # stands alone
    stream = piece * 1024 + b"\x03\x00"  # a last, empty block
    entries = [("mimetype", (MIMETYPE + kind).encode(), 0, zlib.crc32((MIMETYPE + kind).encode()),
                len(MIMETYPE + kind)), ("content.xml", stream, 8, _ZEROS_CRC, 1 << 30)]  # fmt: skip
    out, directory = io.BytesIO(), io.BytesIO()
    for name, data, method, crc, size in entries:
        offset = out.tell()
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(data),
                             size, len(name), 0)  # fmt: skip
        out.write(header + name.encode() + data)
        directory.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc,
                                    len(data), size, len(name), 0, 0, 0, 0, 0, offset)
                        + name.encode())  # fmt: skip
    start = out.tell()
    out.write(directory.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(directory.getvalue()),
                          start, 0))  # fmt: skip
    return out.getvalue()


@pytest.mark.parametrize(("kind", "suffix"), [("text", "odt"), ("spreadsheet", "ods")])
def test_a_zip_bomb_is_refused_before_it_is_inflated(kind, suffix):
    data = _bomb(kind)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("content.xml").file_size == 1 << 30
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(
            DocumentError, match=r"part content\.xml would inflate to 1,073,741,824"
        ):
            dod_model.read(_stream(data, f"bomb.{suffix}"), plugins=PLUGINS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - start < 5
    assert peak < 200 * 1024 * 1024


@pytest.mark.parametrize(("kind", "suffix"), [("text", "odt"), ("spreadsheet", "ods")])
def test_a_billion_laughs_is_refused_before_it_is_parsed(kind, suffix):
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                        for i in range(1, 10))
              + f']><office:document-content {NS}><office:body><office:{kind}><text:p>&lol9;'
              f"</text:p></office:{kind}></office:body></office:document-content>")  # fmt: skip
    data = _package({"content.xml": laughs.encode()}, MIMETYPE + kind)
    start = time.perf_counter()
    with pytest.raises(DocumentError, match="declares a DTD or entities"):
        dod_model.read(_stream(data, f"lol.{suffix}"), plugins=PLUGINS)
    assert time.perf_counter() - start < 5


def _mutated_content(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    """The package with bytes of its content.xml changed, zipped again as a tool would."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    content = bytearray(parts["content.xml"])
    for at, value in flips:
        content[at % len(content)] = value
    parts["content.xml"] = bytes(content)
    mimetype = parts.pop("mimetype").decode()
    return _package(parts, mimetype)


MUTATED = [RENDITIONS / f"{STEMS[0]}.odt", RENDITIONS / f"{STEMS[1]}.ods"]
_BYTES = {path: path.read_bytes() for path in MUTATED}


def _only_document_errors(data: bytes, name: str) -> None:
    try:
        dod_model.read(_stream(data, name), plugins=PLUGINS)
    except DocumentError as exc:
        assert "please report" not in str(exc), exc


@settings(max_examples=30, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(path=st.sampled_from(MUTATED), data=st.data())
def test_a_damaged_file_raises_only_document_errors(path, data):
    original = _BYTES[path]
    if data.draw(st.booleans()):
        damaged = original[: data.draw(st.integers(0, len(original) - 1))]
    else:
        damaged = bytearray(original)
        for _ in range(data.draw(st.integers(1, 8))):
            damaged[data.draw(st.integers(0, len(original) - 1))] = data.draw(st.integers(0, 255))
    _only_document_errors(bytes(damaged), path.name)


@settings(max_examples=30, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(path=st.sampled_from(MUTATED),
       flips=st.lists(st.tuples(st.integers(0, 1 << 20), st.sampled_from(b'<>/="&: 0123x')),
                      min_size=1, max_size=6))  # fmt: skip
def test_damaged_xml_in_a_sound_zip_raises_only_document_errors(path, flips):
    _only_document_errors(_mutated_content(_BYTES[path], flips), path.name)
