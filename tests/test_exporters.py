"""The exporters: CSV, Markdown and iCalendar, read back with their own parsers."""

from __future__ import annotations

import csv
import datetime as dt
import io

import attrs
import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from markdown_it import MarkdownIt

import dod_model
from dod_model import Activity, Deadline, DeadlineKind, Roadmap, Section, examples
from dod_model.exporters import (
    CSV_COLUMNS,
    CsvExporter,
    IcsExporter,
    MarkdownExporter,
    regular_rule,
)
from dod_model.exporters._markdown import escape_cell
from dod_model.plugins import default_plugins
from dod_model.testing import strategies as dst

SEED_NAMES = ("amur", "samara", "sverdlovsk", "tambov", "ulyanovsk")


def seed(seeds, name):
    (path,) = seeds.glob(f"{name}-*.txt")
    return dod_model.read(path)


def csv_rows(data):
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to see UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def events(data):
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def occurrences(event):
    """Every day an event falls on, its RRULE expanded (by dateutil, not by us)."""
    start = event.decoded("dtstart")
    if "rrule" not in event:
        return [start]
    rule = rrulestr(
        event["rrule"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time())
    )
    return [day.date() for day in rule]


def test_the_core_plugin_registers_every_exporter():
    exporters = default_plugins().exporters()
    assert {"json", "csv", "md", "ics"} <= set(exporters)
    for name, exporter in exporters.items():
        assert isinstance(exporter, dod_model.Exporter)
        assert exporter.name == name


# --- CSV ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_csv_has_one_row_per_activity_as_written(seeds, name):
    roadmap = seed(seeds, name)
    rows = csv_rows(CsvExporter().export(roadmap))
    assert len(rows) == len(roadmap.activities)
    for row, activity in zip(rows, roadmap.activities, strict=True):
        assert list(row) == list(CSV_COLUMNS)
        assert row["number"] == activity.number
        assert row["title"] == activity.title
        assert row["deadline"] == activity.deadline.text
        assert row["deadline_kind"] == activity.deadline.kind.value
        assert row["end"] == (activity.deadline.end.isoformat() if activity.deadline.end else "")
        assert row["results"].split("\n") == [r.text for r in activity.results] or (
            row["results"] == "" and not activity.results
        )
        assert row["responsible"] == "\n".join(p.name for p in activity.responsible)
        assert row["section"] == (activity.section or "")
        assert row["row"] == str(activity.provenance.row)


def test_csv_keeps_multiline_cells_and_sections(seeds):
    tambov = seed(seeds, "tambov")
    data = CsvExporter().export(tambov)
    assert b"\r\n" in data  # RFC 4180 line ends
    row = csv_rows(data)[0]
    assert row["deadline"] == "01.07.2020\n01.07.2021\n01.07.2022\n01.07.2023\n01.07.2024"
    assert row["dates"] == "2020-07-01 2021-07-01 2022-07-01 2023-07-01 2024-07-01"
    assert row["section"] == "1"
    assert row["section_title"] == tambov.sections[0].title
    mobile = next(r for r in csv_rows(data) if r["number"] == "1.6")
    assert (mobile["deadline_kind"], mobile["start"], mobile["recurrence"]) == (
        "from",
        "2020-09-01",
        "yearly",
    )


def test_csv_quotes_commas_quotes_and_line_breaks():
    activity = Activity(number="1", title='Сбор «данных», "кавычки"\nи строки; ещё')
    data = CsvExporter().export(Roadmap(title="t", unsectioned=(activity,)))
    assert '"Сбор «данных», ""кавычки""\nи строки; ещё"'.encode() in data
    assert csv_rows(data)[0]["title"] == activity.title


# --- Markdown ----------------------------------------------------------------------------------


def md_tables(text):
    """The cells of every table, as markdown-it parses them (inline text, <br> kept)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, rows, cells = [], None, None
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            cells = []
        elif token.type == "inline" and cells is not None:
            cells.append(token.content)
        elif token.type == "tr_close":
            rows.append(cells)
            cells = None
        elif token.type == "table_close":
            tables.append(rows)
    return tables


@pytest.mark.parametrize("name", SEED_NAMES)
def test_markdown_has_a_table_per_section_and_a_row_per_activity(seeds, name):
    roadmap = seed(seeds, name)
    text = MarkdownExporter().export(roadmap).decode("utf-8")
    assert text.startswith("# ")
    tables = md_tables(text)
    assert len(tables) == bool(roadmap.unsectioned) + sum(
        1 for s in roadmap.sections if s.activities
    )
    rows = [row for table in tables for row in table[1:]]
    assert len(rows) == len(roadmap.activities)
    for row, activity in zip(rows, roadmap.activities, strict=True):
        assert len(row) == 5
        assert row[1] == escape_cell(activity.title)
    for section in roadmap.sections:
        assert f"\n## {section.number}. " in text


def test_markdown_escapes_what_would_break_a_table():
    activity = Activity(
        number="1",
        title="A | B *важно* <script>\nвторая строка",
        deadline=Deadline(text="до 15.08.2019\nи далее"),
    )
    roadmap = Roadmap(
        title="План",
        sections=(
            Section(number="1", title="Раздел", activities=(attrs.evolve(activity, section="1"),)),
        ),
    )
    text = MarkdownExporter().export(roadmap).decode("utf-8")
    (table,) = md_tables(text)
    assert table[1][1] == r"A | B \*важно\* \<script\><br>вторая строка"  # the pipe is in the cell
    assert table[1][2] == "до 15.08.2019<br>и далее"
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in html
    assert "A | B *важно* &lt;script&gt;<br>вторая строка" in html


# --- iCalendar ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_ics_gives_the_due_dates_of_every_dated_activity(seeds, name):
    roadmap = seed(seeds, name)
    exporter = IcsExporter()
    data = exporter.export(roadmap)
    assert data == exporter.export(roadmap)  # reproducible: DTSTAMP comes from the roadmap
    calendar = icalendar.Calendar.from_ical(data)
    found = list(calendar.walk("VEVENT"))
    plan = exporter.plan(roadmap)
    assert len(found) == len(plan.events)
    assert int(calendar["x-dod-model-skipped"]) == len(plan.skipped)
    covered = {e.activity.number for e in plan.events} | {a.number for a in plan.skipped}
    assert covered == {a.number for a in roadmap.activities}
    assert len({e["uid"] for e in found}) == len(found)
    by_uid = {str(event["uid"]): event for event in found}
    for event in found:
        assert isinstance(event.decoded("dtstart"), dt.date)
        assert not isinstance(event.decoded("dtstart"), dt.datetime)  # all-day
        assert event.decoded("dtend") > event.decoded("dtstart")
    for activity in roadmap.activities:
        mine = [by_uid[planned.uid] for planned in plan.events if planned.activity is activity]
        days = sorted(day for event in mine for day in occurrences(event))
        deadline = activity.deadline
        if deadline.kind is DeadlineKind.PERIOD and deadline.period is not None:
            (event,) = mine
            assert days == [deadline.start]
            assert event.decoded("dtend") == deadline.end + dt.timedelta(days=1)
        elif deadline.kind is DeadlineKind.WITHIN_YEAR:  # the plan's period, a year at a time
            assert mine[0].decoded("dtstart") == roadmap.period.start
            assert mine[-1].decoded("dtend") == roadmap.period.end + dt.timedelta(days=1)
        elif deadline.kind is DeadlineKind.AS_SCHEDULED:  # the dates are in another document
            assert activity in plan.skipped
        elif deadline.due_dates(roadmap.period):
            assert days == sorted(set(deadline.due_dates(roadmap.period)))
            assert str(mine[0]["summary"]).startswith(f"{activity.number}. ")
        elif deadline.start is not None and deadline.end is not None:  # the plan's period
            (event,) = mine
            assert (event.decoded("dtstart"), event.decoded("dtend")) == (
                deadline.start, deadline.end + dt.timedelta(days=1))  # fmt: skip
        else:
            assert activity in plan.skipped


def test_ics_recurring_deadlines_are_rrules_dateutil_agrees_with(seeds):
    tambov = seed(seeds, "tambov")
    by_number = {}
    for event in events(IcsExporter().export(tambov)):
        by_number[str(event["summary"]).split(". ", 1)[0]] = event
    mobile = by_number["1.6"]  # «с 01.09.2020 (ежегодно)»
    assert mobile["rrule"]["FREQ"] == ["YEARLY"]
    assert occurrences(mobile) == list(tambov.activity("1.6").deadline.due_dates(tambov.period))
    column = by_number["5.1"]  # 31.12.2021, 31.12.2023
    assert occurrences(column) == [dt.date(2021, 12, 31), dt.date(2023, 12, 31)]
    ulyanovsk = seed(seeds, "ulyanovsk")
    (quarterly,) = [e for e in events(IcsExporter().export(ulyanovsk)) if "rrule" in e]
    assert occurrences(quarterly) == [
        dt.date(2019, 6, 30),
        dt.date(2019, 9, 30),
        dt.date(2019, 12, 31),
    ]


def test_ics_uids_name_the_plan_not_the_file(seeds):
    word, text = examples.load("ulyanovsk"), seed(seeds, "ulyanovsk")
    uids = [str(e["uid"]) for e in events(IcsExporter().export(text))]
    assert uids[0].endswith("-1@dod-model")
    assert uids == [str(e["uid"]) for e in events(IcsExporter().export(word))]  # same plan
    edition = attrs.evolve(text, unsectioned=text.unsectioned[1:])  # a row dropped
    assert uids[1:] == [str(e["uid"]) for e in events(IcsExporter().export(edition))]
    other = [str(e["uid"]) for e in events(IcsExporter().export(seed(seeds, "samara")))]
    assert not set(uids) & set(other)


def test_ics_spans_the_plan_period_for_phrases_that_take_it(seeds):
    samara = seed(seeds, "samara")  # activity 4: «постоянно», plan period June–December 2019
    (event,) = [e for e in events(IcsExporter().export(samara)) if "SUMMARY" in e and
                str(e["summary"]).startswith("4. ")]  # fmt: skip
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (
        dt.date(2019, 6, 1),
        dt.date(2020, 1, 1),
    )


def test_csv_and_ics_name_the_section_an_activity_stands_in():
    first = Section(
        number="",
        title="Организационные мероприятия",
        activities=(
            Activity(
                number="1", title="Создание МОЦ", section="", deadline=Deadline.parse("Август 2019")
            ),
        ),
    )
    second = Section(number="", title="Кадровое обеспечение", activities=(
        Activity(number="2", title="Обучение педагогов", section="",
                 deadline=Deadline.parse("до 15.08.2019")),))  # fmt: skip
    roadmap = Roadmap(title="План", sections=(first, second))
    rows = csv_rows(CsvExporter().export(roadmap))
    assert [r["section_title"] for r in rows] == [first.title, second.title]
    descriptions = [str(e["description"]) for e in events(IcsExporter().export(roadmap))]
    assert [d.splitlines()[0] for d in descriptions] == [
        "Раздел Организационные мероприятия", "Раздел Кадровое обеспечение"]  # fmt: skip


def test_markdown_keeps_the_notes_of_activities(seeds):
    roadmap = seed(seeds, "samara")
    first = attrs.evolve(roadmap.unsectioned[0], notes=("(Позиция в редакции от 01.02.2020)",))
    page = MarkdownExporter().export(attrs.evolve(
        roadmap, unsectioned=(first, *roadmap.unsectioned[1:]))).decode()  # fmt: skip
    assert "| Примечание |" in page
    assert "(Позиция в редакции от 01.02.2020)" in page
    assert "Примечание" not in MarkdownExporter().export(roadmap).decode()


def test_irregular_due_dates_give_one_event_each():
    deadline = Deadline.parse("01.03.2020\n15.09.2020\n01.02.2021")
    roadmap = Roadmap(title="t", unsectioned=(Activity(number="1", title="x", deadline=deadline),))
    found = events(IcsExporter().export(roadmap))
    assert [e.decoded("dtstart") for e in found] == list(deadline.dates)
    assert [str(e["uid"]).split("@")[0][-4:] for e in found] == ["-1-1", "-1-2", "-1-3"]


def test_regular_rule_recognises_only_what_it_can_state():
    d = dt.date
    assert regular_rule([d(2020, 1, 31), d(2020, 3, 31), d(2020, 5, 31)]) == {
        "freq": "monthly", "interval": 2, "count": 3}  # fmt: skip
    assert regular_rule([d(2020, 2, 29), d(2021, 2, 28)]) == {
        "freq": "monthly", "interval": 12, "bymonthday": -1, "count": 2}  # fmt: skip
    assert regular_rule([d(2020, 1, 6), d(2020, 1, 13)]) == {"freq": "weekly", "count": 2}
    assert regular_rule([d(2020, 1, 1), d(2020, 2, 1), d(2020, 4, 1)]) is None
    assert regular_rule([d(2020, 1, 15), d(2020, 2, 14)]) is None
    assert regular_rule([d(2020, 1, 1)]) is None


# --- every exporter, any roadmap ---------------------------------------------------------------


@settings(max_examples=50)  # whole roadmaps, each through four exporters and back
@given(dst.roadmaps())
def test_every_exporter_writes_parseable_output_for_any_roadmap(roadmap):
    assert dod_model.loads(default_plugins().exporters()["json"].export(roadmap)) == roadmap
    rows = csv_rows(CsvExporter().export(roadmap))
    assert [row["title"] for row in rows] == [a.title for a in roadmap.activities]
    assert [row["number"] for row in rows] == [a.number for a in roadmap.activities]
    text = MarkdownExporter().export(roadmap).decode("utf-8")
    tables = md_tables(text)
    assert sum(len(table) - 1 for table in tables) == len(roadmap.activities)
    for table in tables:  # a «Примечание» column where an activity of the table has notes
        assert {len(row) for row in table} <= {5, 6}
        assert len({len(row) for row in table}) == 1
    plan = IcsExporter().plan(roadmap)
    found = events(IcsExporter().export(roadmap))
    assert len(found) == len(plan.events)
    assert len({str(event["uid"]) for event in found}) == len(found)
    for event, planned in zip(found, plan.events, strict=True):
        assert event.decoded("dtstart") == planned.start
        if planned.rule is not None:
            assert len(occurrences(event)) == planned.rule["count"]
