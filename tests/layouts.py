"""Roadmaps laid out the way other regions and municipalities lay theirs out.

Each layout is a small roadmap spec: its paragraphs and tables (header rows, body rows, cells
merged across or down, paragraphs between the pieces of a table, an approval or signature
table), built from the seeds' rows and from real layouts met in other regions. A spec renders

* to a Word file: written by python-docx, merged cells as ``w:gridSpan`` / ``w:vMerge``, then
  saved again by LibreOffice Writer, as a Word file written by LibreOffice is;
* to text exports in the seeds' styles: a row per line with tab-separated cells (``rows``), a
  row per line with cells between bars (``pipes``), and, where given, a cell per tab-led line
  (``cells``). As Word's plain-text export writes a table, a cell merged across columns is
  written once and the rest of a cell merged down is an empty cell; a cell's lines are joined
  by a space in a row-per-line export.

The files are committed (``tests/data/layouts``) so the suite reads them without LibreOffice::

    python tests/layouts.py --write   # writes tests/data/layouts/*
    python tests/layouts.py --check   # the committed files read as freshly made ones

LibreOffice writes other bytes at each run, so ``--check`` compares the roadmaps the files
read to (and the text exports byte for byte). LibreOffice is ``soffice`` on ``PATH`` or
``DOD_MODEL_SOFFICE``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

import dod_model
from dod_model.importers import DocxImporter

OUT = Path(__file__).resolve().parent / "data" / "layouts"
SEEDS = Path(__file__).resolve().parents[1] / "src/dod_model/examples/data/documents"
TEXT_FORMS = ("rows", "pipes", "cells")


@dataclass(frozen=True)
class Cell:
    """A cell: its text (lines as ``\\n``), and how many columns and rows it covers."""

    text: str
    span: int = 1
    down: int = 1
    bold: bool = False


@dataclass(frozen=True)
class Table:
    """A table: rows of cells (a cell merged down from above is left out of the rows below).

    ``header`` rows are marked as Word's repeated header; ``widths`` are relative.
    """

    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    header: int = 0
    borders: bool = True


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    align: str = "left"  # left, center, right


Block = Paragraph | Table


@dataclass(frozen=True)
class Layout:
    """A roadmap document: its name, blocks, and the text forms it is exported in."""

    name: str
    blocks: tuple[Block, ...]
    forms: tuple[str, ...] = ("rows", "pipes")
    landscape: bool = True

    @property
    def files(self) -> tuple[str, ...]:
        """The file names of its Word file and text exports."""
        return (f"{self.name}.docx", *(f"{self.name}.{form}.txt" for form in self.forms))


def row(*cells: Cell | str) -> tuple[Cell, ...]:
    return tuple(c if isinstance(c, Cell) else Cell(c) for c in cells)


def table(
    rows: Sequence[Sequence[Cell | str]],
    widths: Sequence[float],
    *,
    header: int = 1,
    borders: bool = True,
) -> Table:
    return Table(tuple(row(*r) for r in rows), tuple(widths), header=header, borders=borders)


def across(text: str, width: int) -> tuple[Cell, ...]:
    """A row of one cell merged across the table (a section heading)."""
    return (Cell(text, span=width, bold=True),)


def own_cell(number: str, title: str, width: int) -> tuple[Cell, ...]:
    """A section row with its number in its own cell and the title merged across the rest."""
    return (Cell(number, bold=True), Cell(title, span=width - 1, bold=True))


def numbers(width: int) -> tuple[Cell, ...]:
    """The row under a header that numbers the columns: 1 | 2 | 3 | …"""
    return tuple(Cell(str(i)) for i in range(1, width + 1))


def seed_rows(name: str, numbers: Sequence[str]) -> list[dict[str, str]]:
    """The cells of some activities of a seed roadmap, read from its text export.

    Each as a dict: number, title, deadline, result, responsible (lines joined by «; »).
    """
    roadmap = dod_model.read(SEEDS / f"{name}.txt")
    found = []
    for number in numbers:
        activity = roadmap.activity(number)
        assert activity is not None, number
        found.append(
            {
                "number": activity.number,
                "title": activity.title,
                "deadline": activity.deadline.text,
                "result": " ".join(r.text for r in activity.results),
                "responsible": ", ".join(p.name for p in activity.responsible),
            }
        )
    return found


# ---------------------------------------------------------------------------------------------
# The layouts
# ---------------------------------------------------------------------------------------------

# fmt: off
APPROVAL_TABLE_KOSTROMA = table(
    [["", "УТВЕРЖДАЮ\nНачальник Управления образования\nАдминистрации города Костромы\n"
          "____________ И.О. Фамилия\nприказ от 15.01.2020 № 12"]],
    [1, 1], header=0, borders=False,
)


def kostroma() -> Layout:
    """Kostroma (a city's plan): approval table first, «Раздел N.» sections, «Форма отчетности».

    The table goes on in a second table after a page break, without the header again and
    without the column numbers; a signature table closes the document.
    """
    w = 5
    head = ["№ п/п", "Содержание деятельности", "Срок*", "Ответственные за исполнение",
            "Форма отчетности"]
    first = table([
        head,
        across("Раздел 1. Организационное обеспечение создания муниципального опорного центра", w),
        ["1.1.", "Разработка и утверждение плана деятельности МОЦ", "январь 2020 г.",
         "Управление образования", "Приказ Управления образования"],
        ["1.2.", "Утверждение штатного расписания и должностных инструкций МОЦ",
         "до 01.03.2020", "Руководитель МОЦ", "Локальный акт"],
        ["1.3.", "Создание интернет-страницы МОЦ на официальном сайте", "февраль - март 2020 г.",
         "Руководитель МОЦ, Методический отдел", "Интернет-страница МОЦ"],
        across("Раздел 2. Кадровое обеспечение", w),
        ["2.1.", "Повышение квалификации педагогов дополнительного образования",
         "в течение 2020 года", "Руководитель МОЦ", "Информационная справка"],
    ], [1, 8, 3, 4, 4])
    second = table([
        ["2.2.", "Проведение семинаров для руководителей образовательных организаций",
         "IV квартал 2020 года", "Управление образования, МОЦ", "Программы семинаров"],
        ["2.3.", "Подготовка ежегодного отчета о деятельности МОЦ", "до 25.12.2020",
         "Руководитель МОЦ", "Отчет"],
    ], [1, 8, 3, 4, 4], header=0)
    signature = table([["Начальник Управления образования", "И.О. Фамилия"]], [1, 1],
                      header=0, borders=False)
    return Layout("kostroma-razdely-forma-otchetnosti", (
        APPROVAL_TABLE_KOSTROMA,
        Paragraph("ПЛАН МЕРОПРИЯТИЙ\nпо созданию муниципального опорного центра "
                  "дополнительного образования детей города Костромы на 2020 год",
                  bold=True, align="center"),
        first,
        Paragraph("Продолжение таблицы", align="right"),
        second,
        Paragraph("* Сроки могут уточняться по решению Управления образования."),
        signature,
    ))


def yaroslavl() -> Layout:
    """Yaroslavl: «Направление N.» sections, column numbers, «Показатель» beside «Результат».

    The table goes on in a second table with the header again and the column numbers again.
    """
    w = 6
    head = ["№", "Мероприятия", "СРОК ИСПОЛНЕНИЯ", "Исполнители", "Показатель", "Результат"]
    widths = [1, 8, 3, 4, 3, 4]
    first = table([
        head, numbers(w),
        across("Направление 1. Обновление содержания дополнительных общеобразовательных "
               "программ", w),
        ["1.", "Проведение анализа реализуемых дополнительных общеобразовательных программ",
         "до 01.10.2020", "Образовательные организации", "Доля обновлённых программ, %",
         "Аналитическая справка"],
        ["2.", "Разработка разноуровневых дополнительных общеобразовательных программ",
         "сентябрь 2020 года", "Образовательные организации, МОЦ", "Не менее 10 программ",
         "Программы"],
        ["3.", "Размещение программ в региональном навигаторе", "ноябрь 2020",
         "МОЦ", "100 % программ", "Программы в навигаторе"],
    ], widths, header=2)
    second = table([
        head, numbers(w),
        across("Направление 2. Развитие кадрового потенциала", w),
        ["4.", "Организация повышения квалификации педагогов", "в течение 2020 года",
         "Департамент образования Ярославской области", "Не менее 50 педагогов",
         "Удостоверения о повышении квалификации"],
        ["5.", "Проведение конкурса профессионального мастерства", "IV квартал 2020 года",
         "МОЦ", "Не менее 20 участников", "Приказ об итогах конкурса"],
    ], widths, header=2)
    return Layout("yaroslavl-napravleniya-pokazatel", (
        Paragraph("ДОРОЖНАЯ КАРТА\nвнедрения целевой модели развития дополнительного "
                  "образования детей Ярославской области на 2020 год", bold=True, align="center"),
        first, second,
    ))


def penza() -> Layout:
    """Penza: two-level header, sections numbered in their own cell, a subsection «1.1»."""
    w = 7
    header = (
        row(Cell("№ п/п", down=2), Cell("Направление", down=2), Cell("Сроки", span=2),
            Cell("Ответственные", span=2), Cell("Планируемый результат", down=2)),
        row("начало", "окончание", "исполнитель", "соисполнители"),
    )
    body = [
        own_cell("1", "Обновление содержания дополнительного образования", w),
        own_cell("1.1", "Программы технической направленности", w),
        ["1.1.1", "Разработка программ технической направленности", "01.09.2020",
         "31.12.2020", "Министерство образования Пензенской области",
         "Региональный модельный центр", "Программы"],
        ["1.1.2", "Апробация программ технической направленности", "01.01.2021",
         "31.05.2021", "Региональный модельный центр", "муниципальные опорные центры",
         "Отчет об апробации"],
        own_cell("1.2", "Программы естественнонаучной направленности", w),
        ["1.2.1", "Разработка программ естественнонаучной направленности", "01.09.2020",
         "31.12.2020", "Региональный модельный центр", "", "Программы"],
        own_cell("2", "Кадровое обеспечение", w),
        ["2.1", "Обучение педагогов по новым программам", "01.10.2020", "30.06.2021",
         "Институт регионального развития Пензенской области",
         "Региональный модельный центр, муниципальные опорные центры",
         "Удостоверения"],
    ]
    t = Table((*header, *(row(*r) for r in body)), (1.5, 7, 2, 2, 4, 4, 3), header=2)
    return Layout("penza-dvuhurovnevaya-shapka", (
        Paragraph("ПЛАН МЕРОПРИЯТИЙ\nпо развитию дополнительного образования детей "
                  "Пензенской области на 2020 - 2021 годы", bold=True, align="center"),
        t,
    ))


def novosibirsk() -> Layout:
    """Novosibirsk: roman sections, «Срок испол-нения» hyphenated, funding, a code column.

    A section heading stands in a paragraph between two tables (the table is interrupted).
    """
    w = 8
    head = ["№", "Наименование мероприятия", "Срок испол-\nнения", "Ответственный исполнитель",
            "Соисполнители", "Источник финансирования", "Объём финансирования, тыс. руб.",
            "Код мероприятия"]
    widths = [1, 7, 2, 4, 4, 3, 2, 2]
    first = table([
        head,
        across("I. Создание регионального модельного центра", w),
        ["1", "Создание регионального модельного центра дополнительного образования детей",
         "до 01.03.2021", "Министерство образования Новосибирской области",
         "Областной центр развития творчества", "Областной бюджет", "1200,0", "РМЦ-01"],
        ["2", "Оснащение регионального модельного центра оборудованием", "май 2021 г.",
         "Областной центр развития творчества", "", "Федеральный бюджет", "3500,0", "РМЦ-02"],
        ["3", "Разработка положения о региональном модельном центре", "01.03.2021",
         "Министерство образования Новосибирской области", "", "Не требуется", "-", "РМЦ-03"],
    ], widths)
    second = table([
        ["4", "Формирование сети муниципальных опорных центров", "2021 год",
         "Министерство образования Новосибирской области", "Органы местного самоуправления",
         "Местный бюджет", "800,0", "МОЦ-01"],
        ["5", "Проведение обучающих семинаров для муниципальных опорных центров",
         "февраль - март 2021 г.", "Региональный модельный центр",
         "муниципальные опорные центры", "Не требуется", "-", "МОЦ-02"],
    ], widths, header=0)
    return Layout("novosibirsk-rimskie-finansirovanie", (
        Paragraph("ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА»)\nпо созданию регионального модельного "
                  "центра дополнительного образования детей Новосибирской области",
                  bold=True, align="center"),
        first,
        Paragraph("II. Создание муниципальных опорных центров", bold=True),
        second,
    ))


def petersburg() -> Layout:
    """St Petersburg, МО Волковское: the header in a paragraph above the table, unnumbered rows.

    Sections headed without numbers; audience and place columns; rows of activities without a
    number of their own.
    """
    w = 6
    body = table([
        across("Мероприятия для детей и молодёжи", w),
        ["1", "Районный фестиваль детского творчества «Волковские звёздочки»", "12 мая 2021 г.",
         "Дом культуры", "Дети 7 - 14 лет", "Местная администрация"],
        ["", "Праздник двора «Здравствуй, лето!»", "01.06.2021", "Сквер на Бухарестской улице",
         "Жители округа", "Местная администрация"],
        ["", "Экскурсия по историческим местам округа", "май 2021 г.", "Округ",
         "Школьники", "Отдел по работе с молодёжью"],
        across("Мероприятия для жителей старшего возраста", w),
        ["2", "Концерт ко Дню пожилого человека", "01.10.2021", "Дом культуры",
         "Жители старшего возраста", "Местная администрация"],
        ["3", "Цикл лекций о здоровом образе жизни", "в течение 2021 года", "Библиотека",
         "Жители старшего возраста", "Отдел социальной работы"],
    ], [1, 8, 3, 4, 4, 4], header=0)
    return Layout("spb-volkovskoe-shapka-v-abzatse", (
        Paragraph("План мероприятий по организации досуга жителей\nМО Волковское на 2021 год",
                  bold=True, align="center"),
        Paragraph("№\tНаименование мероприятия\tДата проведения\tМесто проведения\t"
                  "Целевая аудитория\tОтветственный"),
        body,
    ))


def kirov() -> Layout:
    """Kirov: «Период исполнения», «Форма завершения», a completion mark, a deadline with a place.

    One row holds several activities with several deadlines; numbered sections across.
    """
    w = 6
    return Layout("kirov-otmetka-o-vypolnenii", (
        Paragraph("ПЛАН\nмероприятий по развитию дополнительного образования детей\n"
                  "Кировской области на 2003 год", bold=True, align="center"),
        table([
            ["№ п/п", "Содержание мероприятия", "Период исполнения", "Исполнители",
             "Форма завершения", "Отметка о выполнении"],
            across("1. Организационно-методическая работа", w),
            ["1.1", "Областной семинар руководителей учреждений дополнительного образования",
             "Образовательные учреждения 10 - 12 июня 2003 г.", "Департамент образования",
             "Сборник материалов", "Выполнено"],
            ["1.2", "Областные конкурсы: «Юный техник»; «Мир вокруг нас»",
             "март 2003 г., апрель 2003 г.", "Областной дворец творчества",
             "Приказ об итогах", "Выполнено"],
            ["1.3", "Подготовка методических рекомендаций", "январь 2003 г.",
             "Институт развития образования", "Методические рекомендации", ""],
            across("2. Работа с одарёнными детьми", w),
            ["2.1", "Областная олимпиада по техническому творчеству", "в течение 2003 года",
             "Областной дворец творчества", "Приказ об итогах", "Перенесено"],
            ["2.2", "Летняя профильная смена", "в течение 2003 года",
             "Департамент образования, Областной дворец творчества", "Отчет", ""],
        ], [1, 8, 4, 4, 3, 3]),
    ), forms=("rows", "pipes", "cells"))


def samara_numbered_columns() -> Layout:
    """Samara's rows under a header whose «Результат» is «Итоговый документ», with column numbers.

    The seed's own rows (read from its text export), in a pipes table that numbers its
    columns: the layout of the Amur seed, the content of the Samara one.
    """
    rows = seed_rows("samara-oc-roadmap-2019", ["1", "2", "3", "5", "7"])
    w = 4
    body = [[f"{r['number']}.", r["title"], r["result"], r["deadline"]] for r in rows]
    return Layout("samara-itogovyi-dokument-nomera-stolbcov", (
        Paragraph("Дорожная карта\nпо созданию и функционированию опорных центров "
                  "дополнительного образования детей в Самарской области", bold=True,
                  align="center"),
        table([["№ п/п", "Наименование мероприятия", "Итоговый документ", "Сроки"],
               numbers(w), *body], [1, 8, 6, 3], header=2),
    ))


# fmt: on


LAYOUTS: tuple[Callable[[], Layout], ...] = (
    kostroma,
    yaroslavl,
    penza,
    novosibirsk,
    petersburg,
    kirov,
    samara_numbered_columns,
)


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def _grid(t: Table) -> Iterator[tuple[int, int, Cell]]:
    """Each cell of the table with its row and first grid column (from 0)."""
    covered: set[tuple[int, int]] = set()
    for r, cells in enumerate(t.rows):
        column = 0
        for cell in cells:
            while (r, column) in covered:
                column += 1
            yield r, column, cell
            for dr in range(cell.down):
                for dc in range(cell.span):
                    covered.add((r + dr, column + dc))
            column += cell.span


def _set_borders(word_table, *, on: bool) -> None:
    properties = word_table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single" if on else "nil")
        if on:
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.append(borders)


def _write_lines(paragraph_of, text: str, *, bold: bool, align: str) -> None:
    alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    for number, line in enumerate(text.split("\n")):
        paragraph = paragraph_of(number)
        paragraph.alignment = alignment
        run = paragraph.add_run(line)
        run.bold = bold


def _word_table(document, t: Table) -> None:
    width = sum(c.span for c in t.rows[0])
    word_table = document.add_table(rows=len(t.rows), cols=width)
    _set_borders(word_table, on=t.borders)
    usable = Cm(25.7 if document.sections[0].orientation == WD_ORIENT.LANDSCAPE else 17)
    for column, weight in zip(word_table.columns, t.widths, strict=True):
        column.width = int(usable * weight / sum(t.widths))
        for cell in column.cells:
            cell.width = column.width
    for r in range(t.header):
        word_table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for r, column, cell in _grid(t):
        target = word_table.cell(r, column)
        if cell.span > 1 or cell.down > 1:
            target = target.merge(word_table.cell(r + cell.down - 1, column + cell.span - 1))
        paragraphs = target.paragraphs
        for extra in paragraphs[1:]:  # python-docx's merge leaves one paragraph per cell merged
            extra._p.getparent().remove(extra._p)
        header = r < t.header
        _write_lines(
            lambda n, target=target: target.paragraphs[0] if n == 0 else target.add_paragraph(),
            cell.text,
            bold=cell.bold or header,
            align="center" if header else "left",
        )


def word_bytes(layout: Layout) -> bytes:
    """The layout as python-docx writes it (before LibreOffice saves it again)."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    style.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    if layout.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(2))
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            _write_lines(
                lambda n: document.add_paragraph(), block.text, bold=block.bold, align=block.align
            )
        else:
            _word_table(document, block)
            document.add_paragraph()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text_rows(t: Table) -> Iterator[list[str]]:
    """A table's rows as a plain-text export writes them: a merged-across cell once, the rest
    of a merged-down cell as an empty cell."""
    rows: list[list[tuple[int, str]]] = [[] for _ in t.rows]
    for r, column, cell in _grid(t):
        rows[r].append((column, cell.text))
        for dr in range(1, cell.down):
            rows[r + dr].append((column, ""))
    for cells in rows:
        yield [text for _, text in sorted(cells)]


def text(layout: Layout, form: str) -> str:
    """The layout's text export in ``form``: ``rows``, ``pipes`` or ``cells``."""
    lines: list[str] = []
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            lines += [*block.text.split("\n"), ""]
            continue
        for cells in _text_rows(block):
            if form == "cells":
                lines += [f"\t{c}" for c in cells] + [""]
            elif form == "rows":
                lines.append("\t".join(" ".join(c.split("\n")) for c in cells))
            else:
                lines.append(" | ".join(" ".join(c.split("\n")) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def soffice() -> str:
    found = os.environ.get("DOD_MODEL_SOFFICE") or shutil.which("soffice")
    if not found:
        sys.exit("needs LibreOffice (soffice on PATH, or DOD_MODEL_SOFFICE)")
    return found


def through_libreoffice(data: bytes, name: str) -> bytes:
    """A Word file as LibreOffice Writer saves it again."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "in", name)
        source.parent.mkdir()
        source.write_bytes(data)
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return Path(work, name).read_bytes()


def write(folder: Path) -> list[Path]:
    """Every layout's Word file and text exports, written to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for make in LAYOUTS:
        layout = make()
        word = folder / f"{layout.name}.docx"
        word.write_bytes(through_libreoffice(word_bytes(layout), word.name))
        written.append(word)
        for form in layout.forms:
            path = folder / f"{layout.name}.{form}.txt"
            path.write_text(text(layout, form), encoding="utf-8")
            written.append(path)
        written += renditions(word, folder / "renditions")
    return written


RENDITIONS = ("odt", "html", "pdf")


def renditions(word: Path, folder: Path) -> list[Path]:
    """The Word file as LibreOffice Writer saves it in other formats: ODT, HTML, PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as profile:
        for suffix in RENDITIONS:
            subprocess.run(
                [soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", suffix, "--outdir", str(folder), str(word)],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            made.append(folder / f"{word.stem}.{suffix}")
    return made


def check(folder: Path) -> list[str]:
    """Where the committed files differ from freshly made ones.

    A Word file is compared by what the Word importer reads of it (its paragraphs and tables,
    cell by cell, with spans and merges): LibreOffice writes other bytes at each run.
    """
    problems = []
    with tempfile.TemporaryDirectory() as work:
        for fresh in write(Path(work)):
            committed = folder / fresh.name
            if fresh.parent.name == "renditions":
                continue  # converted from the Word file, bytes differing at each run
            if not committed.exists():
                problems.append(f"{fresh.name}: not committed")
            elif fresh.suffix == ".txt":
                if fresh.read_bytes() != committed.read_bytes():
                    problems.append(f"{fresh.name}: differs")
            elif _blocks(fresh) != _blocks(committed):
                problems.append(f"{fresh.name}: holds other paragraphs or tables")
    return problems


def _blocks(word: Path) -> tuple[object, ...]:
    return DocxImporter().read(word.read_bytes(), name=word.name).blocks


def main(argv: Sequence[str]) -> int:
    if argv == ["--write"]:
        for path in write(OUT):
            print(path.relative_to(OUT.parents[2]))
        return 0
    if argv == ["--check"]:
        problems = check(OUT)
        print("\n".join(problems) or "the committed layouts are up to date")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main(sys.argv[1:]))
