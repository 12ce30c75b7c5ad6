"""The Excel exporter and the collection book: the official layout, read back, and the sheets."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import ColumnRole, Roadmap, examples
from dod_model.cli import main
from dod_model.exporters import (
    ACTIVITY_COLUMNS,
    SUMMARY_COLUMNS,
    XlsxExporter,
    collection_workbook,
    write_workbook,
)
from dod_model.exporters._table import table_columns
from dod_model.plugins import get_plugin_manager
from dod_model.testing import strategies

from .comparison import without_positions

PLUGINS = get_plugin_manager(entry_points=False)
NAMES = ["amur", "samara", "sverdlovsk", "tambov", "ulyanovsk"]
LAYOUTS = sorted((Path(__file__).parent / "data" / "layouts").glob("*.docx"))
WRITERS = [
    "openpyxl",
    pytest.param("xlsxwriter", marks=pytest.mark.skipif(
        not __import__("importlib").util.find_spec("xlsxwriter"), reason="XlsxWriter missing")),
]  # fmt: skip


def _through_excel(roadmap: Roadmap, writer: str = "auto") -> Roadmap:
    data = XlsxExporter(writer).export(roadmap)  # type: ignore[arg-type]
    return dod_model.read(io.BytesIO(data), plugins=PLUGINS)


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("name", NAMES)
def test_every_bundled_example_reads_back_from_excel_as_the_same_roadmap(name, writer):
    roadmap = dod_model.read(examples.path(name), plugins=PLUGINS)
    back = _through_excel(roadmap, writer)
    assert without_positions(back) == without_positions(roadmap)
    assert back.source.format == "xlsx"


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.stem.split("-")[0])
def test_every_layout_reads_back_from_excel_with_its_own_columns(path, writer):
    roadmap = dod_model.read(path, plugins=PLUGINS)
    back = _through_excel(roadmap, writer)
    assert without_positions(back) == without_positions(roadmap)
    assert back.headers == roadmap.headers


@pytest.mark.parametrize("writer", WRITERS)
def test_the_official_layout_ready_to_print(writer):
    roadmap = dod_model.read(examples.path("tambov"), plugins=PLUGINS)
    sheet = _book(XlsxExporter(writer).export(roadmap))["Дорожная карта"]  # type: ignore[arg-type]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0] == "№")
    assert rows[header] == ["№", "Мероприятия", "Сроки проведения", "Результат", "Ответственные"]
    assert rows[0][2].startswith("ПРИЛОЖЕНИЕ № 1")  # the approval at the top right
    title = next(r[0] for r in rows[:header] if r[0])
    assert title == roadmap.title
    assert sheet.cell(rows.index(next(r for r in rows if r[0] == title)) + 1, 1).font.b
    # Printed: the header atop every page, A4 landscape, fitted to the width; frozen on screen.
    assert sheet.print_title_rows == f"${header + 1}:${header + 1}"
    assert sheet.freeze_panes == f"A{header + 2}"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth in {None, 1}  # 1 is the default, left out
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # Section rows merged across the table; texts wrapped; rows as tall as their text.
    merged = {str(r) for r in sheet.merged_cells.ranges}
    sections = [i + 1 for i, r in enumerate(rows) if r[0] and r[0][:2] in {"1.", "2.", "3."}
                and r[1] is None]  # fmt: skip
    assert len(sections) == 3
    assert all(f"A{row}:E{row}" in merged for row in sections)
    first = header + 3  # the row of activity 1.1
    assert sheet.cell(first, 2).alignment.wrap_text
    assert sheet.row_dimensions[first].height > 40  # five dates a line each
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width * 4


def test_a_text_like_a_formula_or_an_escape_stays_text():
    plan = examples.load("ulyanovsk-cherdakly-2019")
    odd = ("=SUM(A1:A2)", "_x0041_ и _x005F_", "шаг\x01два", "01.09.2020", "1,5")
    first = attrs.evolve(plan.activities[0], title="\n".join(odd))
    roadmap = attrs.evolve(plan, unsectioned=(first, *plan.unsectioned[1:]))
    for writer in ("openpyxl", "xlsxwriter"):
        if writer == "xlsxwriter" and not __import__("importlib").util.find_spec(writer):
            continue
        data = XlsxExporter(writer).export(roadmap)  # type: ignore[arg-type]
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()
        assert _through_excel(roadmap, writer).activities[0].title == first.title


def test_write_and_the_command_line_take_xlsx(tmp_path, capsys):
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    dod_model.write(roadmap, tmp_path / "plan.xlsx", plugins=PLUGINS)
    back = dod_model.read(tmp_path / "plan.xlsx", plugins=PLUGINS)
    assert without_positions(back) == without_positions(roadmap)
    source = str(examples.path("tambov"))
    assert main(["read", source, "--to", "xlsx", "-o", str(tmp_path / "a.xlsx")]) == 0
    assert main(["read", source, "-o", str(tmp_path / "b.xlsx")]) == 0
    for name in ("a.xlsx", "b.xlsx"):
        assert _book((tmp_path / name).read_bytes()).sheetnames == ["Дорожная карта"]


# -- generated roadmaps --------------------------------------------------------------------------


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(strategies.roadmaps())
def test_any_roadmap_exports_to_a_workbook_of_its_rows(roadmap):
    sheet = _book(XlsxExporter("openpyxl").export(roadmap)).active
    # The first note of each activity in its «Примечание» cell, where there is one.
    in_column = any(c.role is ColumnRole.NOTE for c in table_columns(roadmap))
    notes = sum(max(0, len(a.notes) - in_column) for a in roadmap.activities)
    table = 1 + len(roadmap.sections) + len(roadmap.activities) + notes
    assert sheet.max_row >= table  # the header, a row per section, activity and note; text around
    assert sheet.print_title_rows is not None


TITLES = st.sampled_from(["Создание центра", "Проведение семинаров для педагогов",
                          "Мониторинг реализации программ", "Отчёт о сертификатах"])  # fmt: skip


@st.composite
def plans(draw: st.DrawFn) -> Roadmap:
    """A roadmap read from a seed, its activities' titles, deadlines and parties redrawn."""
    plan = examples.load(draw(st.sampled_from(["ulyanovsk-cherdakly-2019", "samara"])))
    activities = []
    for activity in plan.unsectioned:
        text = draw(st.sampled_from(["", "до 01.09.2020", "в течение 2021 года",
                                     "Июнь-июль 2019", "постоянно"]))  # fmt: skip
        activities.append(attrs.evolve(activity, title=draw(TITLES),
                                       deadline=dod_model.Deadline.parse(text)))  # fmt: skip
    return attrs.evolve(plan, unsectioned=tuple(activities))


@settings(max_examples=8, deadline=None, derandomize=True)
@given(plans())
def test_generated_roadmaps_read_back_from_excel_unchanged(roadmap):
    out = io.BytesIO()  # the roadmap as reading a document makes it: through Word
    dod_model.write(roadmap, out, format="docx", plugins=PLUGINS)
    read = dod_model.read(io.BytesIO(out.getvalue()), plugins=PLUGINS)
    assert without_positions(_through_excel(read, "openpyxl")) == without_positions(read)


# -- the collection book -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> list[Roadmap]:
    return [dod_model.read(examples.path(name), plugins=PLUGINS) for name in NAMES]


@pytest.mark.parametrize("writer", WRITERS)
def test_the_collection_book_sheets_columns_and_types(seeds, writer):
    files = [f"{name}.docx" for name in NAMES]
    data = collection_workbook(seeds, files=files, per_roadmap=True, writer=writer)
    book = _book(data)
    assert book.sheetnames[:2] == ["Мероприятия", "Сводка"]
    assert len(book.sheetnames) == 2 + len(seeds)
    assert "Чердаклинский район" in book.sheetnames
    activities = book["Мероприятия"]
    rows = list(activities.iter_rows(values_only=True))
    assert rows[0] == ACTIVITY_COLUMNS
    assert len(rows) - 1 == sum(len(rm.activities) for rm in seeds)
    column = {name: i for i, name in enumerate(ACTIVITY_COLUMNS)}
    tambov = [r for r in rows[1:] if r[column["file"]] == "tambov.docx"]
    assert len(tambov) == len(seeds[3].activities)
    assert {r[column["region"]] for r in tambov} == {"RU-TAM"}
    first = tambov[0]
    assert first[column["number"]] == "1.1"
    assert first[column["section"]] == "1"
    assert isinstance(first[column["end"]], dt.datetime)  # an Excel date, read back as one
    assert first[column["end"]].date() == seeds[3].activities[0].deadline.end
    assert activities.freeze_panes == "A2"
    assert activities.auto_filter.ref == f"A1:V{len(rows)}"
    summary = list(book["Сводка"].iter_rows(values_only=True))
    assert summary[0] == SUMMARY_COLUMNS
    by_file = {r[0]: dict(zip(SUMMARY_COLUMNS, r, strict=True)) for r in summary[1:]}
    assert by_file["tambov.docx"]["activities"] == 29
    assert by_file["tambov.docx"]["sections"] == 5
    assert isinstance(by_file["tambov.docx"]["activities"], int)
    # Each roadmap's own sheet reads as that roadmap.
    own = book["Чердаклинский район"]
    assert own.print_title_rows is not None


def test_bodies_are_counted_once_whatever_their_case(seeds):
    plan = seeds[4]
    bodies = (dod_model.Party(name="Отдел  образования"), dod_model.Party(name="отдел образования"))
    first = attrs.evolve(plan.activities[0], responsible=bodies)
    roadmap = attrs.evolve(plan, unsectioned=(first,))
    summary = list(_book(collection_workbook([roadmap]))["Сводка"].iter_rows(values_only=True))
    assert dict(zip(SUMMARY_COLUMNS, summary[1], strict=True))["responsible_bodies"] == 1


def test_write_workbook_to_a_path_and_a_stream(seeds, tmp_path):
    write_workbook(seeds[:2], tmp_path / "book.xlsx")
    stream = io.BytesIO()
    write_workbook(seeds[:2], stream)
    for data in ((tmp_path / "book.xlsx").read_bytes(), stream.getvalue()):
        rows = list(_book(data)["Мероприятия"].iter_rows(values_only=True))
        assert rows[1][0] == seeds[0].source.name
    with pytest.raises(dod_model.DocumentError, match="2 roadmaps"):
        write_workbook(seeds[:2], stream, files=["one.docx"])
