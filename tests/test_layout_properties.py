"""Whatever the order of its columns, the wording of its headers and the style of its section
rows, a roadmap reads to the same activities and sections.

Documents are built in memory (python-docx for Word, the text exports of ``tests/layouts.py``)
from one plan written out below, laid out each time another way.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model

from .layouts import Cell, Layout, Paragraph, Table, across, own_cell, text, word_bytes

ROLES = ("number", "title", "deadline", "result", "responsible")

# The headers real roadmaps use for each role (issue 15), the first the seeds' own.
WORDINGS: dict[str, tuple[str, ...]] = {
    "number": ("№ п/п", "№", "N п/п"),
    "title": ("Наименование мероприятия", "Мероприятия", "Содержание мероприятия",
              "Содержание деятельности", "Направление"),
    "deadline": ("Сроки", "Срок", "Срок исполнения", "Срок реализации", "Срок проведения",
                 "Период исполнения", "Дата проведения", "Срок*", "СРОК ИСПОЛНЕНИЯ",
                 "Срок испол-\nнения"),
    "result": ("Результат", "Ожидаемый результат", "Планируемый результат", "Итоговый документ",
               "Форма отчетности", "Форма завершения", "Результат реализации мероприятия"),
    "responsible": ("Ответственный исполнитель", "Исполнители", "Ответственные за исполнение",
                    "Ответственные", "Ответственный (исполнитель)"),
}  # fmt: skip

# The plan: two sections, five activities.
SECTIONS = (
    ("Организационное обеспечение", (
        ("1.1", "Разработка и утверждение плана деятельности МОЦ", "январь 2020 г.",
         "Приказ Управления образования", "Управление образования"),
        ("1.2", "Утверждение штатного расписания МОЦ", "до 01.03.2020", "Локальный акт",
         "Руководитель МОЦ"),
        ("1.3", "Создание интернет-страницы МОЦ", "февраль - март 2020 г.",
         "Интернет-страница МОЦ", "Управление образования, МОЦ"),
    )),
    ("Кадровое обеспечение", (
        ("2.1", "Повышение квалификации педагогов", "в течение 2020 года",
         "Информационная справка", "Руководитель МОЦ"),
        ("2.2", "Подготовка ежегодного отчета о деятельности МОЦ", "до 25.12.2020", "Отчет",
         "Управление образования, МОЦ"),
    )),
)  # fmt: skip

# Section row styles: how section N (1, 2) is headed, and the number it reads to.
STYLES: dict[str, tuple[Any, Any]] = {
    "arabic": (lambda n, t, w: across(f"{n}. {t}", w), str),
    "roman": (lambda n, t, w: across(f"{'I' * n}. {t}", w), lambda n: "I" * n),
    "razdel": (lambda n, t, w: across(f"Раздел {n}. {t}", w), str),
    "napravlenie": (lambda n, t, w: across(f"Направление {n}. {t}", w), str),
    "own-cell": (lambda n, t, w: own_cell(str(n), t, w), str),
    "unnumbered": (lambda n, t, w: across(t, w), lambda n: ""),
}


def expected(style: str) -> dict[str, Any]:
    """What the plan reads to with sections headed in ``style``, as plain data."""
    number_of = STYLES[style][1]
    sections = [(number_of(n), title) for n, (title, _) in enumerate(SECTIONS, start=1)]
    activities = [
        (number, title, deadline, (result,), tuple(responsible.split(", ")), number_of(n))
        for n, (_, rows) in enumerate(SECTIONS, start=1)
        for number, title, deadline, result, responsible in rows
    ]
    return {"sections": sections, "activities": activities}


def seen(roadmap: dod_model.Roadmap) -> dict[str, Any]:
    """What a roadmap read to, as the same plain data."""
    return {
        "sections": [(s.number, s.title) for s in roadmap.sections],
        "activities": [
            (a.number, a.title, a.deadline.text, tuple(r.text for r in a.results),
             tuple(p.name for p in a.responsible), a.section)
            for a in roadmap.activities
        ],
    }  # fmt: skip


def document(order: tuple[str, ...], wording: dict[str, str], style: str) -> Layout:
    """The plan with its columns in ``order``, headed in ``wording``, sections in ``style``."""
    width = len(order)
    heading = STYLES[style][0]
    rows: list[tuple[Cell, ...]] = [tuple(Cell(wording[role]) for role in order)]
    for n, (title, activities) in enumerate(SECTIONS, start=1):
        rows.append(heading(n, title, width))
        for number, name, deadline, result, responsible in activities:
            cells = dict(zip(ROLES, (f"{number}.", name, deadline, result, responsible),
                             strict=True))  # fmt: skip
            rows.append(tuple(Cell(cells[role]) for role in order))
    table = Table(tuple(rows), tuple(3.0 if r != "number" else 1.0 for r in order), header=1)
    title = Paragraph("ПЛАН МЕРОПРИЯТИЙ по созданию муниципального опорного центра на 2020 год")
    return Layout("property", (title, table))


def read(layout: Layout, form: str) -> dod_model.Roadmap:
    if form == "docx":
        return dod_model.read(io.BytesIO(word_bytes(layout)), format="docx")
    return dod_model.read(io.BytesIO(text(layout, form).encode("utf-8")), format="text")


DEFAULT = {role: names[0] for role, names in WORDINGS.items()}
FORMS = ["docx", "rows", "pipes"]
orders = st.permutations(ROLES[1:]).map(lambda rest: ("number", *rest))
wordings = st.fixed_dictionaries({role: st.sampled_from(names) for role, names in WORDINGS.items()})
PROPERTY = settings(max_examples=12, derandomize=True, deadline=None)


@pytest.mark.parametrize("form", FORMS)
@PROPERTY
@given(order=orders)
def test_permuting_the_columns_reads_the_same_plan(order: tuple[str, ...], form: str) -> None:
    assert seen(read(document(order, DEFAULT, "arabic"), form)) == expected("arabic")


@pytest.mark.parametrize("form", FORMS)
@PROPERTY
@given(order=orders, wording=wordings)
def test_any_header_wording_reads_the_same_plan(
    order: tuple[str, ...], wording: dict[str, str], form: str
) -> None:
    assert seen(read(document(order, wording, "arabic"), form)) == expected("arabic")


@pytest.mark.parametrize("form", FORMS)
@PROPERTY
@given(order=orders, style=st.sampled_from(tuple(STYLES)))
def test_any_section_style_reads_the_same_plan(
    order: tuple[str, ...], style: str, form: str
) -> None:
    assert seen(read(document(order, DEFAULT, style), form)) == expected(style)


@pytest.mark.parametrize("style", ["arabic", "roman", "unnumbered"])
@pytest.mark.parametrize("form", FORMS)
def test_each_section_style_reads_the_same_plan(style: str, form: str) -> None:
    order = ("number", "title", "deadline", "result", "responsible")
    assert seen(read(document(order, DEFAULT, style), form)) == expected(style)
