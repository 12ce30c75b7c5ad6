"""Every column of a roadmap's table survives the library's own exports, read back.

A roadmap read from a document in a layout met in other regions («Место проведения», «Отметка о
выполнении», an unknown «Код мероприятия», two-level headers, subsections) is written to Word,
CSV and Markdown and read back: from Word and CSV the same roadmap (but for its source and the
positions of its rows); from Markdown what a page shows of it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import Activity, ColumnText, DocumentError, Roadmap, examples
from dod_model.exporters import CSV_COLUMNS
from dod_model.plugins import get_plugin_manager

from .comparison import without_positions
from .test_read_exports import as_a_page_shows

PLUGINS = get_plugin_manager(entry_points=False)
LAYOUTS = sorted((Path(__file__).parent / "data" / "layouts").glob("*.*"))
EXAMPLES = [examples.path(name) for name in ("amur", "samara", "sverdlovsk", "tambov", "ulyanovsk")]
DOCUMENTS = [*LAYOUTS, *EXAMPLES]


def _written(roadmap: Roadmap, format: str) -> bytes:
    out = io.BytesIO()
    dod_model.write(roadmap, out, format=format, plugins=PLUGINS)
    return out.getvalue()


def _back(roadmap: Roadmap, format: str) -> Roadmap:
    return dod_model.read(io.BytesIO(_written(roadmap, format)), plugins=PLUGINS)


@pytest.mark.parametrize("format", ["docx", "csv"])
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_layout_reads_back_the_same(path, format):
    roadmap = dod_model.read(path, plugins=PLUGINS)
    assert without_positions(_back(roadmap, format)) == without_positions(roadmap)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_layout_reads_back_from_markdown_as_a_page_shows_it(path):
    roadmap = dod_model.read(path, plugins=PLUGINS)
    assert as_a_page_shows(_back(roadmap, "md")) == as_a_page_shows(roadmap)


def _layout(name: str) -> Roadmap:
    return dod_model.read(next(p for p in LAYOUTS if p.name == name), plugins=PLUGINS)


def test_the_new_fields_and_unknown_columns_are_what_comes_back():
    roadmap = _layout("novosibirsk-rimskie-finansirovanie.docx")
    kept = {c.header for a in roadmap.activities for c in a.extra}
    assert kept == {"Код мероприятия", "Объём финансирования, тыс. руб."}
    assert any(a.funding for a in roadmap.activities)
    for format in ("docx", "csv", "md"):
        back = _back(roadmap, format)
        assert [a.extra for a in back.activities] == [a.extra for a in roadmap.activities]
        assert [a.funding for a in back.activities] == [a.funding for a in roadmap.activities]


def test_word_writes_the_source_s_headers_in_its_order():
    roadmap = _layout("spb-volkovskoe-shapka-v-abzatse.docx")
    assert _back(roadmap, "docx").headers == roadmap.headers == (
        "№", "Наименование мероприятия", "Дата проведения", "Место проведения",
        "Целевая аудитория", "Ответственный",
    )  # fmt: skip


def test_subsections_read_back_with_their_parents():
    roadmap = _layout("penza-dvuhurovnevaya-shapka.docx")
    parents = [(s.number, s.parent) for s in roadmap.sections]
    assert ("1.1", "1") in parents
    for format in ("docx", "csv"):
        assert [(s.number, s.parent) for s in _back(roadmap, format).sections] == parents


def test_a_roadmap_built_in_code_gets_columns_for_what_its_activities_hold():
    activity = Activity(number="1", title="Форум", place="г. Кострома", completion="выполнено",
                        extra=(ColumnText("Код", "А-1"), ColumnText("", "без шапки")))  # fmt: skip
    roadmap = Roadmap(title="План мероприятий", unsectioned=(activity,))
    for format in ("docx", "csv"):
        back = _back(roadmap, format).activities[0]
        assert (back.place, back.completion, back.extra) == (
            activity.place,
            activity.completion,
            activity.extra,
        )
    assert _back(roadmap, "docx").headers[-4:] == (
        "Место проведения", "Отметка о выполнении", "Код", "",
    )  # fmt: skip


# -- CSV -------------------------------------------------------------------------------------------


def test_the_csv_header_only_grows_at_its_end():
    assert CSV_COLUMNS[16:21] == ("plan_title", "plan_preamble", "plan_footnotes",
                                  "plan_columns", "plan_sections")  # fmt: skip
    assert CSV_COLUMNS[21:] == ("indicator", "funding", "audience", "place", "completion",
                                "extra", "plan_headers")  # fmt: skip


def test_extra_cells_are_json_pairs_a_spreadsheet_shows_in_cyrillic():
    roadmap = _layout("novosibirsk-rimskie-finansirovanie.docx")
    rows = list(csv.reader(io.StringIO(_written(roadmap, "csv").decode("utf-8-sig"))))
    extra = rows[1][rows[0].index("extra")]
    assert "Код мероприятия" in extra
    assert json.loads(extra) == [[c.header, c.text] for c in roadmap.activities[0].extra]


def _without(data: bytes, columns: tuple[str, ...]) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    keep = [i for i, name in enumerate(rows[0]) if name not in columns]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[r[i] for i in keep] for r in rows])
    return out.getvalue().encode("utf-8-sig")


def test_a_csv_file_without_the_new_columns_still_reads():
    roadmap = dod_model.read(examples.path("tambov"), plugins=PLUGINS)
    older = _without(_written(roadmap, "csv"), CSV_COLUMNS[21:])
    back = dod_model.read(io.BytesIO(older), plugins=PLUGINS)
    assert [a.title for a in back.activities] == [a.title for a in roadmap.activities]
    # Without plan_headers, under the template's headers of the roles plan_columns lists.
    assert back.columns == roadmap.columns
    assert back.headers[0] == "№ п/п"


def test_an_edited_extra_cell_is_refused_with_its_line():
    roadmap = _layout("novosibirsk-rimskie-finansirovanie.docx")
    text = _written(roadmap, "csv").decode("utf-8-sig")
    extra = json.dumps([[c.header, c.text] for c in roadmap.activities[0].extra],
                       ensure_ascii=False)  # fmt: skip
    quoted = '"' + extra.replace('"', '""') + '"'
    assert quoted in text
    broken = text.replace(quoted, '"[[""Код"", 5]]"', 1).encode("utf-8-sig")
    with pytest.raises(DocumentError, match=r"extra of line \d+.*\[header, text\]"):
        dod_model.read(io.BytesIO(broken), plugins=PLUGINS)


# -- generated activities --------------------------------------------------------------------------

_TEXT = st.sampled_from(["", "г. Кострома", "выполнено", "бюджет области", "педагоги", "1.1-А"])
_HEADERS = st.sampled_from(["Код мероприятия", "Ссылка", "", "Код мероприятия"])


@st.composite
def _roadmaps(draw: st.DrawFn) -> Roadmap:
    """A roadmap of activities holding the new fields and cells under unknown headers."""
    count = draw(st.integers(1, 4))
    activities = tuple(
        Activity(
            number=str(index + 1),
            title=draw(st.sampled_from(["Форум", "Семинар для педагогов", "Отчёт"])),
            indicator=draw(_TEXT),
            funding=draw(_TEXT),
            audience=draw(_TEXT),
            place=draw(_TEXT),
            completion=draw(_TEXT),
            extra=tuple(
                ColumnText(header, draw(_TEXT.filter(bool)))
                for header in draw(st.lists(_HEADERS, max_size=3))
            ),
        )
        for index in range(count)
    )
    return Roadmap(title="План мероприятий на 2021 год", unsectioned=activities)


def _fields(activity: Activity) -> tuple[object, ...]:
    return tuple(
        getattr(activity, name)
        for name in ("indicator", "funding", "audience", "place", "completion")
    )


def _grouped(activity: Activity) -> list[tuple[str, str]]:
    """The cells kept under headers, by header: written a column per header, they read so."""
    return sorted((c.header, c.text) for c in activity.extra)


@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(_roadmaps(), st.sampled_from(["docx", "csv", "md"]))
def test_generated_fields_and_unknown_columns_read_back(roadmap, format):
    back = _back(roadmap, format)
    assert [_fields(a) for a in back.activities] == [_fields(a) for a in roadmap.activities]
    assert [_grouped(a) for a in back.activities] == [_grouped(a) for a in roadmap.activities]
    once = without_positions(back)
    if format != "md":  # read once, a roadmap comes back whole
        assert without_positions(_back(back, format)) == once
    assert attrs.evolve(once, source=None) == once
