"""OpenDocument files made the way users make them: Word files and workbooks saved by LibreOffice.

* ``roadmap.docx`` (python-docx) → ``roadmap.odt``: a roadmap whose table has two header rows
  repeated on each page, a section row merged across the table, a responsible cell merged down
  two rows, an inserted and a deleted run recorded as tracked changes (LibreOffice keeps them
  as ODF tracked changes), a nested table in a cell, a footnote, and a two-level numbered list
  of notes after the table;
* ``two-sheets.xlsx`` (openpyxl) → ``two-sheets.ods``: a first sheet of notes that holds no
  roadmap, and the roadmap on the second, with title rows, merged ranges and dates shown as
  dates («01.09.2020»).

The Word file and the workbook are kept beside what LibreOffice made of them, so the tests
compare the two readings. Run again (LibreOffice needed) when they change::

    python tests/data/odf/make_fixtures.py
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import docx
import openpyxl
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.renditions import convert  # noqa: E402 - the repository's root put on the path first

HEADER = ("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель")
ACTIVITIES = (
    ("1.1.", "Разработка положения о муниципальном опорном центре", "до 01.09.2020",
     "Управление образования"),
    ("1.2.", "Утверждение плана работы муниципального опорного центра", "Сентябрь 2020",
     "Управление образования"),
    ("1.3.", "Размещение информации на сайте", "в течение 2020 года", "МОЦ"),
)  # fmt: skip
SECTION = "1. Организационные мероприятия"
TITLE = "ДОРОЖНАЯ КАРТА по созданию муниципального опорного центра на 2020 год"
INSERTED = " и согласование"
DELETED = "УДАЛЁННЫЙ ТЕКСТ"
NOTES = (
    "Сокращения:",
    "МОЦ - муниципальный опорный центр",
    "в том числе его филиалы",
    "РМЦ - региональный модельный центр",
)


def _track(paragraph, kind: str, text: str, number: int) -> None:
    """A run of ``text`` inserted (``w:ins``) or deleted (``w:del``), as Word records them."""
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), str(number))
    change.set(qn("w:author"), "Редактор")
    change.set(qn("w:date"), "2020-08-01T10:00:00Z")
    run = OxmlElement("w:r")
    piece = OxmlElement("w:delText" if kind == "del" else "w:t")
    piece.set(qn("xml:space"), "preserve")
    piece.text = text
    run.append(piece)
    change.append(run)
    paragraph._p.append(change)


def _header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _footnote(document, paragraph, text: str) -> None:
    """A footnote to ``paragraph``: its reference in the text, its body in ``footnotes.xml``."""
    body = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
            '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" '
            'w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
            "</w:footnotes>")  # fmt: skip
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                body.encode(), document.part.package)  # fmt: skip
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'
    ))  # fmt: skip


def roadmap(target: Path) -> None:
    """The Word roadmap (see the module's docstring)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for texts in (HEADER, ("1", "2", "3", "4")):
        row = table.add_row()
        _header(row)
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    section = table.add_row()
    merged = section.cells[0].merge(section.cells[3])
    merged.text = SECTION
    first = None
    for number, (label, title, deadline, responsible) in enumerate(ACTIVITIES):
        row = table.add_row()
        for cell, text in zip(row.cells, (label, title, deadline, responsible), strict=True):
            cell.text = text
        if number == 0:
            first = row.cells[3]
            _track(row.cells[1].paragraphs[0], "ins", INSERTED, 1)
            _footnote(document, row.cells[2].paragraphs[0], "Срок уточняется ежегодно")
        elif number == 1:
            assert first is not None
            first.merge(row.cells[3]).text = responsible
            _track(row.cells[1].paragraphs[0], "del", DELETED, 2)
        else:
            nested = row.cells[3].add_table(rows=2, cols=1)
            nested.cell(0, 0).text = "Руководитель МОЦ"
            nested.cell(1, 0).text = "Методист МОЦ"
    document.add_paragraph(NOTES[0])
    document.add_paragraph(NOTES[1], style="List Number")
    nested = document.add_paragraph(NOTES[2], style="List Number")
    level = nested._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl()
    level.val = 1  # the list's second level
    document.add_paragraph(NOTES[3], style="List Number")
    document.save(target)


def workbook(target: Path) -> None:
    """The workbook of two sheets (see the module's docstring)."""
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Пояснения"
    notes["A1"] = "Пояснительная записка к дорожной карте"
    notes["A3"] = "Составлено отделом дополнительного образования"
    sheet = book.create_sheet("План")
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet["A1"] = TITLE
    sheet.merge_cells("A1:D1")
    for column, text in enumerate(HEADER, 1):
        sheet.cell(3, column, text).alignment = wrap
    sheet.cell(4, 1, SECTION)
    sheet.merge_cells("A4:D4")
    rows = (
        ("1.1.", "Разработка положения о муниципальном опорном центре",
         datetime.date(2020, 9, 1), "Управление образования"),
        ("1.2.", "Утверждение плана работы\nмуниципального опорного центра",
         datetime.date(2020, 9, 15), None),
        ("1.3.", "Размещение информации на сайте", "в течение 2020 года", "МОЦ"),
    )  # fmt: skip
    for row, values in enumerate(rows, 5):
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = sheet.cell(row, column, value)
            cell.alignment = wrap
            if isinstance(value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
    sheet.merge_cells("D5:D6")
    sheet["A9"] = "Начальник управления образования"
    book.save(target)


def main() -> None:
    word = HERE / "roadmap.docx"
    roadmap(word)
    convert(word, HERE / "roadmap.odt", "odt:writer8")
    book = HERE / "two-sheets.xlsx"
    workbook(book)
    convert(book, HERE / "two-sheets.ods", "ods:calc8")


if __name__ == "__main__":
    main()
