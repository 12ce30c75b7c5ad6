"""Reading Word files: the seeds' Word renditions, the corpus, and hostile packages."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path
from unittest import mock

import attrs
import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError
from dod_model.importers import DocxImporter
from dod_model.importers import _math as math_walk
from dod_model.importers._word_numbering import format_number as _format
from dod_model.plugins import get_plugin_manager

from . import word_renditions
from .comparison import without_positions

PLUGINS = get_plugin_manager(entry_points=False)
SEED_FILES = sorted(word_renditions.SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def renditions():
    return {seed.name: word_renditions.render(seed) for seed in SEED_FILES}


@pytest.mark.parametrize("seed", [s.name for s in SEED_FILES])
def test_word_and_text_give_the_same_roadmap(renditions, seed):
    from_word = dod_model.read(io.BytesIO(renditions[seed]), plugins=PLUGINS)
    from_text = dod_model.read(word_renditions.SEEDS / seed, plugins=PLUGINS)
    signature = " ".join(word_renditions.SIGNATURE)
    assert from_word.notes == (*from_text.notes, signature)  # the signature table is a note
    assert without_positions(attrs.evolve(from_word, notes=from_text.notes)) == (
        without_positions(from_text)
    )
    assert from_word.source.format == "docx"
    assert "УДАЛЁННЫЙ" not in dod_model.dumps(from_word)  # deleted text is dropped
    assert "PAGE" not in dod_model.dumps(from_word)  # field instructions are hidden


@pytest.mark.parametrize("seed", [s.name for s in SEED_FILES])
def test_every_activity_points_at_its_row_of_the_word_table(renditions, seed):
    raw = DocxImporter().read(renditions[seed], name=seed)
    roadmap = dod_model.read(io.BytesIO(renditions[seed]), plugins=PLUGINS)
    for activity in roadmap.activities:
        where = activity.provenance
        row = raw.tables[where.table - 1].rows[where.row - 1]
        assert row.cells[0].text.strip().rstrip(".") == activity.number


def test_renditions_carry_the_quirks_of_files_converted_from_pdf(renditions):
    raw = DocxImporter().read(renditions["tambov-target-model-roadmap-2020-2024.txt"], name="t")
    table, signature = raw.tables
    header = table.rows[0].texts
    assert [r.texts for r in table.rows[1:]].count(header) == 1  # typed again, mid-table
    assert any(not r.texts[0] and r.texts[1] and not any(r.texts[2:]) for r in table.rows)
    assert signature.rows[0].texts == word_renditions.SIGNATURE


def test_auto_numbered_cells_show_the_numbers_word_shows(renditions):
    raw = DocxImporter().read(renditions["ulyanovsk-cherdakly-moc-roadmap-2019.txt"], name="u")
    table, _signature = raw.tables
    numbers = [row.cells[0].text for row in table.rows[1:5]]
    assert numbers == ["1", "2", "", "3"]  # the third row goes on with the second's title
    assert table.rows[0].header


def test_every_corpus_file_reads_or_is_refused_cleanly(corpus):
    files = sorted(corpus.rglob("*.docx"))
    assert len(files) == 264
    refused = 0
    for path in files:
        try:
            dod_model.read(path, plugins=PLUGINS)
        except DocumentError as exc:
            refused += 1
            assert str(exc).startswith(f"{path.name}: ")
    assert refused == len(files)  # none of them is a roadmap


def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


BODY = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body>%s</w:body></w:document>')  # fmt: skip


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04broken", "not a readable Word file"),
        (_zip({"hello.txt": b"hi"}), "a zip without a Word main document"),
        (_zip({"word/document.xml": b"<w:document"}), "is not well-formed XML"),
        (_zip({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
               b"<d>&a;</d>"}), "declares a DTD or entities"),
        (_zip({"word/document.xml": BODY % (b"<w:p/>" * (60 * 1024 * 1024 // 6))}),
         "would inflate to"),
        (_zip({"word/document.xml": BODY % b"<w:p><w:r><w:t>just text</w:t></w:r></w:p>"}),
         "no table"),
    ],
    ids=["truncated", "no-main-part", "bad-xml", "dtd", "zip-bomb", "no-table"],
)  # fmt: skip
def test_hostile_or_empty_packages_are_refused(data, message):
    with pytest.raises(DocumentError, match=message):
        dod_model.read(io.BytesIO(data), plugins=PLUGINS)


def _encrypted(package: bytes) -> bytes:
    """The package with its parts marked encrypted in the central directory, as a tool would."""
    data = bytearray(package)
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        data[start + 8] |= 0x1  # general purpose flag: bit 0, encrypted
        start += 4
    return bytes(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_zip({"word/document.xml": BODY % b""}, zipfile.ZIP_BZIP2), "compressed with method 12"),
        (_encrypted(_zip({"word/document.xml": BODY % b""})), "is encrypted; save the document"),
    ],
    ids=["bzip2", "encrypted"],
)
def test_packages_word_never_writes_are_refused_with_what_to_do(data, message):
    with pytest.raises(DocumentError, match=message):
        dod_model.read(io.BytesIO(data), plugins=PLUGINS)


def test_strict_ooxml_namespaces_read_too(renditions):
    data = renditions["amur-rmc-first-steps-plan.txt"]
    source = zipfile.ZipFile(io.BytesIO(data))
    strict = {
        name: source.read(name).replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        )
        for name in source.namelist()
    }
    roadmap = dod_model.read(io.BytesIO(_zip(strict)), plugins=PLUGINS)
    assert len(roadmap.activities) == 14


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_nothing_but_document_error_escapes_on_mutated_word_files(renditions, data):
    original = renditions[data.draw(st.sampled_from(sorted(renditions)))]
    position = data.draw(st.integers(0, len(original) - 1))
    mutated = bytearray(original)
    for offset in range(data.draw(st.integers(1, 8))):
        if position + offset < len(mutated):
            mutated[position + offset] = data.draw(st.integers(0, 255))
    with contextlib.suppress(DocumentError):
        dod_model.read(io.BytesIO(bytes(mutated)), plugins=PLUGINS)


def test_the_rendition_script_writes_files(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.argv", ["word_renditions.py", str(tmp_path)])
    word_renditions.main()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        Path(s.name).with_suffix(".docx").name for s in SEED_FILES
    )


def _word_document(blocks) -> bytes:
    """A Word file from («p», text) and («table», rows) blocks."""
    document = docx.Document()
    for kind, content in blocks:
        if kind == "p":
            document.add_paragraph(content)
            continue
        table = document.add_table(rows=len(content), cols=max(len(r) for r in content))
        for row, cells in zip(table.rows, content, strict=True):
            for cell, text in zip(row.cells, cells, strict=False):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_table_cut_in_pieces_between_an_approval_table_and_signatures():
    data = _word_document([
        ("table", [["", "УТВЕРЖДЕНО\nприказом министерства образования Кировской области\n"
                        "от 01.02.2021 № 57"]]),
        ("p", "Дорожная карта по созданию муниципального опорного центра"),
        ("table", [["№ п/п", "Мероприятие", "Срок", "Ответственный"],
                   ["1", "Создание МОЦ", "март 2021 года", "Управление образования"],
                   ["2", "Утверждение положения о МОЦ", "апрель 2021 года", "МОЦ"]]),
        ("p", "Продолжение таблицы"),
        ("table", [["3", "Повышение квалификации", "май 2021 года", "МОЦ"]]),
        ("p", ""),
        ("table", [["Начальник управления образования", "(подпись)", "И. И. Иванова"]]),
    ])  # fmt: skip
    roadmap = dod_model.read(io.BytesIO(data), plugins=PLUGINS)
    assert [a.number for a in roadmap.activities] == ["1", "2", "3"]
    assert roadmap.activity("3").provenance.table == 3
    assert roadmap.title == "Дорожная карта по созданию муниципального опорного центра"
    assert (roadmap.approval.number, roadmap.approval.date.isoformat()) == ("57", "2021-02-01")
    assert roadmap.notes[-1] == "Начальник управления образования (подпись) И. И. Иванова"


def test_merged_cells_across_rows_and_columns():
    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    header = ["№", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    section = table.cell(1, 0).merge(table.cell(1, 3))
    section.text = "1. Организационные мероприятия"
    for row, (number, title) in zip((2, 3, 4), (("1.1", "Создание МОЦ"), ("1.2", "Положение"),
                                                 ("1.3", "План")), strict=True):  # fmt: skip
        table.cell(row, 0).text = number
        table.cell(row, 1).text = title
        table.cell(row, 2).text = "2021 год"
    responsible = table.cell(2, 3).merge(table.cell(4, 3))
    responsible.text = "Отдел образования, МОЦ"
    out = io.BytesIO()
    document.save(out)
    roadmap = dod_model.read(io.BytesIO(out.getvalue()), plugins=PLUGINS)
    (section,) = roadmap.sections
    assert (section.number, section.title) == ("1", "Организационные мероприятия")
    assert [[p.name for p in a.responsible] for a in roadmap.activities] == [
        ["Отдел образования", "МОЦ"]
    ] * 3  # the merged cell belongs to every row it spans


NUMBERING = b"""<?xml version="1.0"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
      <w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1.%2."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbered(num: str, level: int, text: str) -> bytes:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
            f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>").encode()  # fmt: skip


def test_numbers_word_shows_are_recovered_from_numbering_templates():
    body = b"".join([
        _numbered("1", 0, "Раздел"), _numbered("1", 1, "Первое"), _numbered("1", 1, "Второе"),
        _numbered("1", 0, "Другой раздел"), _numbered("1", 1, "Снова первое"),
        _numbered("2", 0, "Пятое"), _numbered("2", 0, "Шестое"),
    ])  # fmt: skip
    package = _zip({"word/document.xml": BODY % body, "word/numbering.xml": NUMBERING})
    raw = DocxImporter().read(package, name="n.docx")
    assert [p.text for p in raw.blocks] == [
        "I. Раздел", "I.1. Первое", "I.2. Второе", "II. Другой раздел", "II.1. Снова первое",
        "5) Пятое", "6) Шестое",
    ]  # fmt: skip


def test_alternate_content_gives_one_branch_and_content_controls_are_read_through():
    body = (b'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
            b'compatibility/2006"><mc:Choice Requires="w14"><w:p><w:r><w:t>choice</w:t></w:r>'
            b"</w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>fallback</w:t></w:r></w:p>"
            b"</mc:Fallback></mc:AlternateContent>"
            b"<w:sdt><w:sdtContent><w:p><w:r><w:t>in a control</w:t></w:r><w:r><w:tab/>"
            b"<w:t>after a tab</w:t><w:br/><w:t>next line</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            b"<w:p><w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:softHyphen/>"
            b"<w:t>\xc2\xa0text</w:t></w:r></w:p>")  # fmt: skip
    raw = DocxImporter().read(_zip({"word/document.xml": BODY % body}), name="a.docx")
    assert [p.text for p in raw.blocks] == [
        "fallback",
        "in a control\tafter a tab\nnext line",
        "link text",
    ]


def test_amendment_notes_spanning_the_table_are_notes_of_the_activity_above():
    data = _word_document([
        ("p", "План мероприятий по созданию муниципального опорного центра"),
        ("table", [["№", "Мероприятие", "Срок"],
                   ["1", "Создание МОЦ", "март 2021 года"],
                   ["(Позиция в редакции приказа от 10.05.2021 № 112)", "", ""],
                   ["2", "Положение о МОЦ", "апрель 2021 года"]]),
    ])  # fmt: skip
    document = docx.Document(io.BytesIO(data))
    row = document.tables[0].rows[2]
    row.cells[0].merge(row.cells[2])  # the note spans the table
    out = io.BytesIO()
    document.save(out)
    roadmap = dod_model.read(io.BytesIO(out.getvalue()), plugins=PLUGINS)
    assert [a.number for a in roadmap.activities] == ["1", "2"]
    assert roadmap.activity("1").notes == ("(Позиция в редакции приказа от 10.05.2021 № 112)",)
    assert roadmap.activity("1").title == "Создание МОЦ"
    assert roadmap.sections == ()


def test_absurdly_nested_tables_are_refused_as_they_are_parsed():
    nested = b"<w:p/>"
    for _ in range(300):
        nested = b"<w:tbl><w:tr><w:tc>" + nested + b"</w:tc></w:tr></w:tbl>"
    # The parser's depth limit refuses them, before any walk: not a walk so deep that it runs out
    # of stack («too deeply nested»).
    with pytest.raises(DocumentError, match=r"is not well-formed XML \(Excessive depth"):
        dod_model.read(io.BytesIO(_zip({"word/document.xml": BODY % nested})), plugins=PLUGINS)


def _tc(text: bytes, properties: bytes = b"") -> bytes:
    return (
        b"<w:tc><w:tcPr>"
        + properties
        + b"</w:tcPr><w:p><w:r><w:t>"
        + text
        + b"</w:t></w:r></w:p></w:tc>"
    )


def test_grid_offsets_smart_tags_custom_xml_and_row_controls():
    table = (
        b"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        b"<w:tr>" + _tc(b"\xe2\x84\x96") + _tc(b"Header") + _tc(b"Tail") + b"</w:tr>"
        b"<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>"
        + _tc(b"shifted") + b"</w:tr>"
        b"<w:sdt><w:sdtPr/><w:sdtContent><w:tr>"
        b"<w:customXml w:element=\"cell\">" + _tc(b"in custom xml") + b"</w:customXml>"
        b"<w:tc><w:p><w:smartTag w:element=\"place\"><w:r><w:t>smart</w:t></w:r></w:smartTag>"
        b"<w:r><w:t> tag</w:t></w:r></w:p></w:tc>" + _tc(b"x") + b"</w:tr></w:sdtContent></w:sdt>"
        b"</w:tbl>"
        b"<w:customXml w:element=\"block\"><w:p><w:r><w:t>a block in custom xml</w:t></w:r></w:p>"
        b"</w:customXml>"
    )  # fmt: skip
    raw = DocxImporter().read(_zip({"word/document.xml": BODY % table}), name="g.docx")
    table_block, paragraph = raw.blocks
    shifted, controlled = table_block.rows[1], table_block.rows[2]
    assert [(c.column, c.text) for c in shifted.cells] == [(2, "shifted")]
    assert [c.text for c in controlled.cells] == ["in custom xml", "smart tag", "x"]
    assert paragraph.text == "a block in custom xml"


# --- found in review ----------------------------------------------------------------------------


def _cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _table(rows: list[list[str]]) -> bytes:
    body = "".join("<w:tr>" + "".join(row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * 3}</w:tblGrid>{body}</w:tbl>".encode()


def test_a_field_shows_its_result_and_the_text_after_it():
    paragraph = (
        b'<w:p><w:r><w:t xml:space="preserve">\xd0\xa1\xd1\x80\xd0\xbe\xd0\xba: </w:t></w:r>'
        b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText>'
        b'</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>01.09.2020</w:t></w:r>'
        b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        b'<w:r><w:t xml:space="preserve"> next</w:t></w:r></w:p>'
    )  # fmt: skip
    raw = DocxImporter().read(_zip({"word/document.xml": BODY % paragraph}), name="f.docx")
    assert raw.blocks[0].text == "Срок: 01.09.2020 next"


def test_hidden_text_is_not_read():
    paragraph = (b"<w:p><w:r><w:t>shown</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr>"
                 b"<w:t> hidden</w:t></w:r></w:p>")  # fmt: skip
    raw = DocxImporter().read(_zip({"word/document.xml": BODY % paragraph}), name="h.docx")
    assert raw.blocks[0].text == "shown"


@pytest.mark.parametrize("source", [b"/tmp/x.docx", "/tmp/a\x00b", None, 42])
def test_what_is_not_a_path_or_a_stream_is_a_document_error(source):
    with pytest.raises(DocumentError):
        dod_model.read(source, plugins=PLUGINS)  # type: ignore[arg-type]


def test_a_table_without_a_number_column_has_one_activity_per_row():
    table = _table([
        [_cell("Наименование мероприятия"), _cell("Срок исполнения"), _cell("Ответственный")],
        [_cell("Создать центр"), _cell("2021 год"), _cell("Минобр")],
        [_cell("Обучить педагогов"), _cell("2022 год"), _cell("ИРО")],
    ])  # fmt: skip
    roadmap = dod_model.read(io.BytesIO(_zip({"word/document.xml": BODY % table})),
                             plugins=PLUGINS)  # fmt: skip
    assert [a.title for a in roadmap.activities] == ["Создать центр", "Обучить педагогов"]


def test_a_merged_cell_is_not_joined_twice_into_a_split_row():
    table = _table([
        [_cell("№"), _cell("Мероприятие"), _cell("Ответственный")],
        [_cell("1."), _cell("Создать центр"), _cell("Минобр", '<w:vMerge w:val="restart"/>')],
        [_cell(""), _cell("(включая оснащение)"), _cell("", "<w:vMerge/>")],
        [_cell("2."), _cell("Обучить"), _cell("", "<w:vMerge/>")],
    ])  # fmt: skip
    roadmap = dod_model.read(io.BytesIO(_zip({"word/document.xml": BODY % table})),
                             plugins=PLUGINS)  # fmt: skip
    first, second = roadmap.activities
    assert first.title == "Создать центр (включая оснащение)"
    assert [p.name for p in first.responsible] == ["Минобр"]
    assert [p.name for p in second.responsible] == ["Минобр"]


def test_a_piece_one_grid_column_wider_still_continues_the_table():
    first = _table([[_cell("№"), _cell("Мероприятие"), _cell("Срок")],
                    [_cell("1."), _cell("Создать центр"), _cell("2021 год")]])  # fmt: skip
    second = (b"<w:tbl><w:tblGrid>" + b"<w:gridCol/>" * 4 + b"</w:tblGrid><w:tr>"
              + "".join([_cell("2."), _cell("Обучить"), _cell("2022 год")]).encode()
              + b"</w:tr></w:tbl>")  # fmt: skip
    roadmap = dod_model.read(io.BytesIO(_zip({"word/document.xml": BODY % (first + second)})),
                             plugins=PLUGINS)  # fmt: skip
    assert [a.number for a in roadmap.activities] == ["1", "2"]


@pytest.mark.parametrize(
    ("count", "fmt", "shown"),
    [(4, "upperRoman", "IV"), (40, "upperRoman", "XL"), (90, "upperRoman", "XC"),
     (1994, "upperRoman", "MCMXCIV"), (14, "lowerRoman", "xiv"), (27, "lowerLetter", "aa"),
     (3, "upperLetter", "C"), (7, "decimal", "7")],
)  # fmt: skip
def test_list_number_formats(count, fmt, shown):
    assert _format(count, fmt) == shown


STYLES = b"""<?xml version="1.0"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="ListNum"><w:pPr><w:numPr><w:numId w:val="2"/>
    </w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="RowNumber"><w:basedOn w:val="ListNum"/></w:style>
</w:styles>"""


def test_numbers_set_through_a_paragraph_style_and_its_base():
    def styled(style: str, text: str) -> bytes:
        return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r>'
                "</w:p>").encode()  # fmt: skip

    body = styled("ListNum", "first") + styled("RowNumber", "second") + styled("Other", "plain")
    package = _zip({"word/document.xml": BODY % body, "word/numbering.xml": NUMBERING,
                    "word/styles.xml": STYLES})  # fmt: skip
    raw = DocxImporter().read(package, name="s.docx")
    assert [p.text for p in raw.blocks] == ["5) first", "6) second", "plain"]


@pytest.mark.parametrize(
    ("name", "texts"),
    [
        ("python-mammoth/strict-format.docx", ["Test"]),
        ("docling/Strict.docx", ["Some text"]),
        ("docx2python/strict.docx", ["Bullet1", "Bullet2", "1. Number1", "2. Number2"]),
    ],
)
def test_real_strict_ooxml_files_read(corpus, name, texts):
    path = corpus / name
    raw = DocxImporter().read(path.read_bytes(), name=name)
    assert [b.text for b in raw.blocks if not hasattr(b, "rows")] == texts


def test_text_between_two_pieces_of_the_table_is_read_as_rows_across_it():
    header = ["№ п/п", "Мероприятие", "Срок", "Ответственный"]
    data = _word_document([
        ("p", "План мероприятий по созданию муниципального опорного центра"),
        ("table", [header, ["1. Организационные мероприятия"],
                   ["1.1", "Создание МОЦ", "март 2021 года", "Управление образования"]]),
        ("p", "(Позиция в редакции приказа от 01.02.2021 № 5)"),
        ("p", "2. Кадровое обеспечение"),
        ("table", [["2.1", "Повышение квалификации", "2021 год", "МОЦ"]]),
    ])  # fmt: skip
    roadmap = dod_model.read(io.BytesIO(data), plugins=PLUGINS)
    assert [a.number for a in roadmap.activities] == ["1.1", "2.1"]
    assert roadmap.activities[0].notes == ("(Позиция в редакции приказа от 01.02.2021 № 5)",)
    assert roadmap.section("2").title == "Кадровое обеспечение"
    assert roadmap.notes == ()


def test_a_formula_in_a_cell_is_read_as_its_text_in_order():
    math = b'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    formula = (
        b"<m:oMath " + math + b"><m:r><m:rPr><m:sty m:val=\"p\"/></m:rPr><w:rPr><w:i/></w:rPr>"
        b"<m:t>\xd0\x94\xd0\xbe\xd0\xbb\xd1\x8f</m:t></m:r><m:r><m:t>\xe2\x89\xa5</m:t></m:r>"
        b"<m:f><m:num><m:r><m:t>75</m:t></m:r></m:num><m:den><m:r><m:t>100</m:t></m:r></m:den>"
        b"</m:f></m:oMath>"
    )  # fmt: skip
    table = (
        b"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
        + _tc(b"1")
        + b"<w:tc><w:p><w:r><w:t>\xd0\xbd\xd0\xb5 \xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb5 </w:t>"
        b"</w:r>" + formula + b"</w:p></w:tc></w:tr></w:tbl>"
    )  # fmt: skip
    raw = DocxImporter().read(_zip({"word/document.xml": BODY % table}), name="m.docx")
    assert raw.tables[0].rows[0].texts == ("1", "не менее Доля≥75/100")


def test_formulas_keep_their_structure_written_out_in_a_line():
    m = "http://schemas.openxmlformats.org/officeDocument/2006/math"

    def r(text: str) -> str:
        return f"<m:r><m:t>{text}</m:t></m:r>"

    power = (f"<m:sSup><m:e><m:f><m:num>{r('(x-c)')}</m:num><m:den>{r('v')}</m:den></m:f></m:e>"
             f"<m:sup>{r('2')}</m:sup></m:sSup>")  # fmt: skip
    root = (
        f'<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>{r("b^2-4ac")}</m:e></m:rad>'
    )
    brackets = (f'<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr>'
                f"<m:e>{r('a')}</m:e><m:e>{r('b')}</m:e></m:d>")  # fmt: skip
    total = (f'<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>{r("i=1")}</m:sub>'
             f"<m:sup>{r('n')}</m:sup><m:e>{r('x')}</m:e></m:nary>")  # fmt: skip
    function = f"<m:func><m:fName>{r('log')}</m:fName><m:e>{r('x')}</m:e></m:func>"
    paragraph = "".join(
        f'<m:oMath xmlns:m="{m}">{part}</m:oMath>'
        for part in (power, root, brackets, total, function)
    )
    body = f"<w:p>{paragraph}</w:p>".encode()
    (block,) = DocxImporter().read(_zip({"word/document.xml": BODY % body}), name="m.docx").blocks
    assert block.text == "((x-c)/v)^2 √(b^2-4ac) [a|b] ∑_(i=1)^n x log(x)"


def _formula(inner: str) -> str:
    """A paragraph holding one formula."""
    m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    return f'<w:p><m:oMath xmlns:m="{m}">{inner}</m:oMath></w:p>'


def _math_text(*paragraphs: str) -> list[str]:
    body = "".join(paragraphs).encode()
    raw = DocxImporter().read(_zip({"word/document.xml": BODY % body}), name="m.docx")
    return [block.text for block in raw.blocks]


def test_formulas_drop_deleted_and_hidden_text_and_keep_rows_binomials_and_accents():
    def r(text: str, properties: str = "") -> str:
        return f"<m:r>{properties}<m:t>{text}</m:t></m:r>"

    changed = (f"{r('Доля=')}<w:del>{r('50')}</w:del><w:ins>{r('60')}</w:ins>"
               f"{r('скрыто', '<w:rPr><w:vanish/></w:rPr>')}{r('%')}")  # fmt: skip
    system = f"<m:eqArr><m:e>{r('x+y=1')}</m:e><m:e>{r('x-y=3')}</m:e></m:eqArr>"
    matrix = ("<m:m>" + "".join(f"<m:mr><m:e>{r(a)}</m:e><m:e>{r(b)}</m:e></m:mr>"
                                for a, b in (("1", "2"), ("3", "4"))) + "</m:m>")  # fmt: skip
    binomial = ('<m:d><m:e><m:f><m:fPr><m:type m:val="noBar"/></m:fPr>'
                f"<m:num>{r('n')}</m:num><m:den>{r('k')}</m:den></m:f></m:e></m:d>")  # fmt: skip
    accent = (f"<m:acc><m:e>{r('e')}</m:e></m:acc>"
              f"<m:sSub><m:e>{r('x')}</m:e><m:sub>{r('i')}</m:sub></m:sSub>{r('y')}")  # fmt: skip
    assert _math_text(*map(_formula, (changed, system, matrix, binomial, accent))) == [
        "Доля=60%", "█(x+y=1@x-y=3)", "■(1&2@3&4)", "(n¦k)", "e\u0302 x_i y"
    ]  # fmt: skip


def test_nested_sums_are_written_out_reading_each_part_once():
    inner = "<m:r><m:t>x</m:t></m:r>"
    for depth in range(16):
        inner = f"<m:nary><m:sub>{inner}</m:sub><m:e><m:r><m:t>{depth}</m:t></m:r></m:e></m:nary>"
    calls = 0
    original = math_walk.formula_text

    def counted(element):
        nonlocal calls
        calls += 1
        return original(element)

    with mock.patch.object(math_walk, "formula_text", counted):
        (text,) = _math_text(_formula(inner))
    assert text.startswith("∫_(∫_(∫_")
    assert text.endswith(" 15")
    assert calls < 16 * 10  # each part read once: a sum read twice per level would be 2**16
