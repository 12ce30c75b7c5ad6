"""Workbooks as users make them, for ``tests/test_read_sheets.py``.

* ``instructions-first.xlsx`` (openpyxl): an instructions sheet first, a hidden sheet holding
  an old plan, then the roadmap: title rows above the table, deadlines as dates in several
  formats, a multi-line cell, a count given by a formula (openpyxl stores no calculated value),
  a percentage, a responsible cell merged down two rows;
* ``instructions-first.calc.xlsx``, ``.xls``, ``.xlsm`` and ``.ods``: the same workbook saved
  by LibreOffice Calc (which calculates the formula);
* ``far-apart.xlsx`` (openpyxl) and ``.xls`` (Calc): two cells, at A1 and IV65536;
* ``<seed>.calc.xlsx``: the ``.ods`` renditions of the bundled Word roadmaps saved as ``.xlsx``
  by LibreOffice Calc.

Run again when the fixtures change (needs LibreOffice)::

    python tests/data/sheets/make_sheets.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
RENDITIONS = HERE.parent / "renditions"
sys.path.insert(0, str(HERE.parents[2]))
from tests.renditions import convert  # noqa: E402

HEADER = ("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные", "Количество",
          "Доля охвата")  # fmt: skip
# Number, title, deadline (a value and its format: "mm-dd-yy" is built-in format 14, which
# a Russian Excel shows as dd.mm.yyyy), responsible, count, share.
ROWS = [
    ("1", "Утверждение муниципального плана", (dt.date(2020, 9, 1), "dd.mm.yyyy"),
     "Управление образования", 12, 0.75),
    ("2", "Проведение семинара\nдля педагогов\nдополнительного образования",
     (dt.date(2020, 10, 15), "d mmmm yyyy"), "МОЦ", "=5+7", 0.5),
    ("3", "Мониторинг охвата детей", (dt.date(2020, 11, 30), "mm-dd-yy"), None, 3, 1),
    ("4", "Отчет о реализации плана", (dt.date(2020, 12, 1), "mmmm yyyy"), "МОЦ", 1, 0.125),
    ("5", "Публикация итогов", (dt.date(2021, 1, 1), "mmm-yy"), "Отдел образования", 2.5, 0),
]  # fmt: skip


def roadmap_workbook(target: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Инструкция"
    for line in ("Как заполнять план", "Заполните лист «План» по строкам.",
                 "Сроки указывайте датами."):  # fmt: skip
        notes.append([line])
    old = book.create_sheet("Старый план")
    old.sheet_state = "hidden"
    old.append(HEADER[:3])
    old.append(["1", "Мероприятие прошлого года", "2019"])
    old.append(["2", "Еще одно мероприятие", "2019"])
    sheet = book.create_sheet("План")
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet["A1"] = "ДОРОЖНАЯ КАРТА"
    sheet["A2"] = "развития дополнительного образования детей в Энском муниципальном районе"
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("A2:F2")
    sheet.append([])
    sheet.append(HEADER)
    for number, title, (day, fmt), responsible, count, share in ROWS:
        sheet.append([number, title, day, responsible, count, share])
        row = sheet.max_row
        if fmt is not None:
            sheet.cell(row, 3).number_format = fmt
        sheet.cell(row, 6).number_format = "0%"
        sheet.cell(row, 2).alignment = wrap
    sheet.merge_cells("D7:D8")  # activities 3 and 4: МОЦ, merged down (3's own cell is empty)
    sheet["D7"] = "МОЦ"
    sheet.append([])
    sheet.append(["Исполнитель: Иванова И. И."])
    book.active = 2
    book.save(target)


def main() -> None:
    book = HERE / "instructions-first.xlsx"
    roadmap_workbook(book)
    convert(book, HERE / "instructions-first.calc.xlsx", "xlsx:Calc MS Excel 2007 XML")
    convert(book, HERE / "instructions-first.xls", "xls:MS Excel 97")
    convert(book, HERE / "instructions-first.xlsm", "xlsm:Calc MS Excel 2007 VBA XML")
    far = HERE / "far-apart.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"], book.active["IV65536"] = "x", "y"
    book.save(far)
    convert(far, HERE / "far-apart.xls", "xls:MS Excel 97")
    for ods in sorted(RENDITIONS.glob("*.ods")):
        convert(ods, HERE / f"{ods.stem}.calc.xlsx", "xlsx:Calc MS Excel 2007 XML")


if __name__ == "__main__":
    main()
