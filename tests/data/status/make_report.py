"""Write ``report.docx``: a municipality's report on its roadmap, with a completion column.

Made with python-docx as a Word user's table is: a title paragraph, a grid table whose last
column «Отметка о выполнении» holds the marks people write (a date, «исполнено», «+», «не
выполнено», «перенесено …», nothing). Run ``python tests/data/status/make_report.py``.
"""

from __future__ import annotations

from pathlib import Path

import docx

ROWS = (
    ("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный",
     "Отметка о выполнении"),
    ("1", "Разработка и утверждение положения о МОЦ", "до 15.08.2019", "Отдел образования",
     "Выполнено 10.08.2019"),
    ("2", "Утверждение штатного расписания МОЦ", "Август 2019", "отдел образования",
     "исполнено"),
    ("3", "Инвентаризация инфраструктуры", "до 01.10.2019", "МОЦ", "+"),
    ("4", "Разработка медиаплана", "Сентябрь 2019", "МОЦ", "не выполнено"),
    ("5", "Проведение семинара для педагогов", "Ноябрь 2019", "МОЦ", "перенесено на 2020 год"),
    ("6", "Участие в работе экспертного совета", "до 15.12.2019", "«МОЦ»", ""),
    ("7", "Подготовка отчёта", "до 31.12.2019", "МОЦ", "20.12.2019"),
)  # fmt: skip
TITLE = (
    "Отчёт о выполнении дорожной карты по созданию муниципального опорного центра "
    "дополнительного образования детей Кинельского района на 2019 год"
)


def main() -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(ROWS):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.save(Path(__file__).with_name("report.docx"))


if __name__ == "__main__":
    main()
