"""Numbers and dates far too big: Word list numbers, year 9999, number gaps, registry counts.

Each test starts from the smallest input that showed a defect: a list that starts at 10¹² in
roman numerals, a deadline «31.12.9999», activities «1» and «3000000», a programme of 5,000
digits of hours. The work and the output stay bounded whatever the numbers are.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
import signal
import zipfile
from collections.abc import Iterator

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import (
    Activity,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    DocumentError,
    Recurrence,
    Roadmap,
)
from dod_model._base import add_years, budgets, school_year
from dod_model.exporters import IcsExporter
from dod_model.importers import DocxImporter
from dod_model.importers._word_numbering import format_number
from dod_model.model import Period, find_targets
from dod_model.model import _deadline_grammar as grammar
from dod_model.registry import (
    iter_programmes,
    iter_rows,
    read_population,
    summarise_registry,
    validate_registry,
)


class Hung(Exception):
    """The code under test ran past its guard: the defect is back."""


@contextlib.contextmanager
def guard(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, where the unfixed code never finishes (a 10¹²-long loop)."""

    def hung(signum: int, frame: object) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- Word list numbers ---------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>%s</w:body></w:document>'


def _levels(*levels: tuple[int, str, str, str]) -> str:
    return "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, start, fmt, text in levels
    )


def _word(levels: str, paragraphs: str, override: str = "") -> bytes:
    numbering = (
        f'<?xml version="1.0"?><w:numbering xmlns:w="{W}">'
        f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{override}</w:num></w:numbering>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", BODY % paragraphs)
        package.writestr("word/numbering.xml", numbering)
    return out.getvalue()


def _numbered(text: str, level: int | str = 0) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
            f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")  # fmt: skip


def _labels(data: bytes) -> list[str]:
    return [block.text for block in DocxImporter().read(data, name="n.docx").blocks]


def test_a_list_starting_at_ten_to_the_twelfth_in_roman_numerals_starts_at_one():
    data = _word(_levels((0, "1000000000000", "upperRoman", "%1.")), _numbered("Раздел") * 2)
    assert len(data) < 1600  # the 1.5 KB file that never finished
    with guard(2):
        assert _labels(data) == ["I. Раздел", "II. Раздел"]


def test_a_start_past_the_formats_32_bit_bound_or_below_zero_starts_at_one():
    paragraphs = _numbered("а") * 2
    for start in ("9" * 4300, "2147483648", "-5", "1e9", "0x10", "1_000"):
        data = _word(_levels((0, start, "decimal", "%1.")), paragraphs)
        assert _labels(data) == ["1. а", "2. а"], start
    largest = _word(_levels((0, str(budgets.LIST_START_MAX), "decimal", "%1.")), paragraphs)
    assert _labels(largest) == ["2147483647. а", "2147483648. а"]
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="-7"/></w:lvlOverride>'
    assert _labels(_word(_levels((0, "3", "decimal", "%1)")), paragraphs, override)) == [
        "1) а", "2) а",
    ]  # fmt: skip


def test_a_lower_letter_list_at_a_billion_is_written_in_digits():
    data = _word(_levels((0, "1000000000", "lowerLetter", "%1)")), _numbered("пункт"))
    (label,) = _labels(data)  # 5.5 s and 322 MB: a letter repeated 38 million times
    assert label == "1000000000) пункт"


@pytest.mark.parametrize(
    ("count", "fmt", "shown"),
    [(3999, "upperRoman", "MMMCMXCIX"), (3888, "lowerRoman", "mmmdccclxxxviii"),
     (4000, "upperRoman", "4000"), (10**6, "upperRoman", "1000000"),
     (390, "lowerLetter", "z" * 15), (391, "lowerLetter", "391"), (420, "russianUpper", "Я" * 15),
     (421, "russianLower", "421"), (10**9, "upperLetter", "1000000000"), (0, "upperRoman", "")],
)  # fmt: skip
def test_roman_numerals_and_letters_are_written_in_digits_past_fifteen_characters(
    count, fmt, shown
):
    assert format_number(count, fmt) == shown


def test_levels_past_the_nine_of_a_word_list_number_nothing():
    levels = _levels((0, "1", "decimal", "%1."), (8, "1", "decimal", "%9."))
    paragraphs = "".join(_numbered(str(level), level) for level in (0, 8, 9, 255, "9" * 5000, -1))
    assert _labels(_word(levels, paragraphs)) == ["1. 0", "1. 8", "9", "255", "9" * 5000, "-1"]


def test_many_levels_paragraphs_do_not_make_the_counters_grow():
    # A level per paragraph used to keep a counter per level, each paragraph walking them all.
    paragraphs = "".join(_numbered("x", level) for level in range(3000))
    labels = _labels(_word(_levels((0, "1", "decimal", "%1.")), paragraphs))
    assert labels[:9] == ["1. x"] * 9  # levels the list leaves undefined show the first's number
    assert set(labels[9:]) == {"x"}


def test_a_level_text_of_many_placeholders_is_cut_as_word_cuts_it():
    text = "%1." * 20000
    data = _word(_levels((0, "1", "decimal", text)), _numbered("пункт") * 50)
    labels = _labels(data)
    assert len(labels) == 50
    assert max(map(len, labels)) <= 64 + 2 * 10 + 6  # the template's first 64 characters
    assert labels[0].startswith("1.1.1.")


# Letters at 2³¹ would be 740 million of them in one label on the unfixed code: a million will do.
@pytest.mark.parametrize(
    ("start", "fmt"), [(10**6, "upperLetter"), (budgets.LIST_START_MAX, "decimal")]
)
def test_nine_levels_of_huge_counts_give_a_bounded_label(start, fmt):
    texts = ["".join(f"%{n + 1}." for n in range(k + 1)) for k in range(9)]
    levels = _levels(*((k, str(start), fmt, texts[k]) for k in range(9)))
    paragraphs = "".join(_numbered("глубоко", k) for k in range(9))
    labels = _labels(_word(levels, paragraphs))  # 346,000 letters at a million, before
    assert labels[-1] == ".".join([str(start)] * 9) + ". глубоко"


# -- dates at the ends of the calendar -----------------------------------------------------------

PLAN = Period(dt.date(2020, 1, 1), dt.date(2024, 12, 31))
WHOLE = Period(dt.date.min, dt.date.max)


def _roadmap(*deadlines: Deadline, period: Period | None = PLAN, region: str | None = None):
    activities = tuple(
        Activity(number=str(n), title="Мероприятие", deadline=deadline)
        for n, deadline in enumerate(deadlines, 1)
    )
    return Roadmap(title="План мероприятий", period=period, region=region, unsectioned=activities)


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


@pytest.mark.parametrize("period", [PLAN, None])
def test_an_indefinite_deadline_31_12_9999_is_written_to_a_calendar(tmp_path, period):
    roadmap = _roadmap(Deadline.parse("31.12.9999", period), period=period)
    dod_model.write(roadmap, tmp_path / "plan.ics", format="ics")  # OverflowError before
    (event,) = _events((tmp_path / "plan.ics").read_bytes())
    assert event.decoded("dtstart") == dt.date.max
    assert "dtend" not in event
    assert event.decoded("duration") == dt.timedelta(days=1)
    (planned,) = IcsExporter().plan(roadmap).events
    assert planned.end is None


def test_a_yearly_deadline_from_01_01_9999_stops_with_the_calendar(tmp_path):
    deadline = Deadline.parse("с 01.01.9999 (ежегодно)", PLAN)
    roadmap = _roadmap(deadline)
    assert deadline.due_dates(PLAN) == (dt.date(9999, 1, 1),)  # «year 10000 is out of range»
    status = dod_model.status(roadmap, on=dt.date(2024, 6, 1))
    assert [entry.status for entry in status.upcoming] == [DeadlineStatus.UPCOMING]
    dod_model.write(roadmap, tmp_path / "plan.ics", format="ics")
    (event,) = _events((tmp_path / "plan.ics").read_bytes())
    assert event.decoded("dtstart") == dt.date(9999, 1, 1)


@pytest.mark.parametrize(
    "text",
    ["еженедельно", "ежемесячно", "ежеквартально", "раз в полугодие", "ежегодно",
     "в течение года", "с 01.01.0001 (еженедельно)", "01.01.0001-31.12.9999 (ежемесячно)",
     "с 25.12.9999 (еженедельно)", "до 31.12.9999 (еженедельно)"],
)  # fmt: skip
def test_recurrences_over_the_whole_calendar_are_bounded_and_stay_due(text):
    deadline = Deadline.parse(text, WHOLE)
    dues = deadline.due_dates(WHOLE)  # 521,722 Sundays from year 1 to 9999, before
    assert 1 <= len(dues) <= budgets.DUE_DATES
    assert list(dues) == sorted(set(dues))
    for on in (dt.date.min, dt.date(2024, 1, 1), dt.date.max):
        deadline.status(on, WHOLE)
    if len(dues) == budgets.DUE_DATES:  # more are ahead than were counted
        assert deadline.status(dt.date(5000, 1, 1), WHOLE) is DeadlineStatus.DUE
    roadmap = _roadmap(deadline, period=WHOLE)
    assert len(_events(IcsExporter().export(roadmap))) >= 1
    dod_model.status(roadmap, on=dt.date.max, horizon=10**9)


def test_the_year_ends_of_a_plan_that_ends_with_the_calendar():
    deadline = Deadline.parse("в течение года", Period(dt.date(9997, 9, 1), dt.date.max))
    assert deadline.due_dates(deadline.period) == (
        dt.date(9998, 8, 31), dt.date(9999, 8, 31), dt.date.max,
    )  # fmt: skip


def test_phrases_without_a_year_in_a_plan_of_the_first_years():
    first = Period(dt.date(1, 1, 1), dt.date(1, 12, 31))
    by_january = Deadline.parse("до января", first)  # the day before 1 January of year 1
    assert (by_january.kind, by_january.end) == (DeadlineKind.BY, None)
    assert Deadline.parse("до мая", first).end == dt.date(1, 4, 30)
    fifteen = Period(dt.date(15, 1, 1), dt.date(15, 12, 31))
    assert Deadline.parse("01 ноября", fifteen).end == dt.date(15, 11, 1)  # not 2015


@pytest.mark.parametrize(
    "deadline",
    [Deadline(kind=DeadlineKind.DATE, end=dt.date.min, dates=(dt.date.min,)),
     Deadline(kind=DeadlineKind.BY, end=dt.date(999, 7, 4)),
     Deadline(kind=DeadlineKind.FROM, start=dt.date(5, 1, 1), recurrence=Recurrence.YEARLY),
     Deadline(kind=DeadlineKind.PERIOD, start=dt.date(5, 1, 1), end=dt.date(5, 12, 31)),
     Deadline(kind=DeadlineKind.PERIOD, start=dt.date(9999, 9, 1), end=dt.date.max),
     Deadline(kind=DeadlineKind.PERIOD, start=dt.date(1, 1, 1), end=dt.date(2, 2, 28))],
)  # fmt: skip
def test_deadlines_of_far_years_render_to_text_that_reads_back(deadline):
    text = deadline.render()
    again = Deadline.parse(text)
    assert (again.kind, again.start, again.end, again.dates, again.recurrence) == (
        deadline.kind, deadline.start, deadline.end, deadline.dates, deadline.recurrence,
    ), text  # fmt: skip


def test_calendar_arithmetic_stops_at_the_ends_of_the_calendar():
    assert add_years(dt.date(9999, 1, 1), 1) is None
    assert add_years(dt.date(1, 6, 1), -1) is None
    assert add_years(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)
    assert add_years(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)
    assert school_year(9999) == (dt.date(9999, 9, 1), dt.date.max)


# Every phrase of the grammar's table, its years replaced, and the phrases without a year.
_LINES = (grammar.__doc__ or "").splitlines()
_RULES = [n for n, line in enumerate(_LINES) if line.startswith("=====")]
_PHRASE = len(_LINES[_RULES[0]].split()[0])  # the width of the phrase column
_FORMS = sorted(
    {form.replace("…", "31.12.2020") for line in _LINES[_RULES[1] + 1 : _RULES[2]]
     for form in re.findall(r"``([^`]+)``", line[:_PHRASE])}
    | {"31.12.2021\n31.12.2022\n31.12.2023", "01 ноября", "IV квартал", "апрель", "до мая",
       "до 5 августа", "до конца года"}
)  # fmt: skip
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _with_year(form: str, year: int) -> str:
    """The form with its first year made ``year`` and the others as far from it as before."""
    years = [int(y) for y in _YEAR.findall(form)]
    return _YEAR.sub(lambda m: f"{year + int(m[0]) - years[0]:04}", form)


def test_the_forms_come_from_the_grammar():
    assert len(_FORMS) >= 25
    assert {"2019/2020 учебный год", "I квартал 2023", "до конца мая"} <= set(_FORMS)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    form=st.sampled_from(_FORMS),
    year=st.integers(1, 9999),
    repeat=st.sampled_from(["", " (ежегодно)", " (еженедельно)", " (ежеквартально)"]),
    plan=st.sampled_from(["none", "year", "whole", "plan"]),
    on=st.sampled_from([dt.date.min, dt.date(2024, 1, 1), dt.date.max]),
)
def test_any_year_in_any_form_reads_writes_and_judges(form, year, repeat, plan, on):
    period = {
        "none": None,
        "year": Period(dt.date(year, 1, 1), dt.date(year, 12, 31)),
        "whole": WHOLE,
        "plan": PLAN,
    }[plan]
    text = _with_year(form, year) + repeat
    deadline = Deadline.parse(text, period)
    assert len(deadline.due_dates(period)) <= max(budgets.DUE_DATES, len(deadline.dates))
    deadline.status(on, period)
    Deadline.parse(deadline.render(), period)
    roadmap = _roadmap(deadline, Deadline.parse(f"31.12.{year:04}"), period=period,
                       region="RU-TAM")  # fmt: skip
    assert dod_model.loads(dod_model.dumps(roadmap), cls=Roadmap) == roadmap
    dod_model.status(roadmap, on=on, horizon=30)
    IcsExporter().export(roadmap)
    report = dod_model.validate(roadmap)
    assert "core/rule-failed" not in report.codes()
    assert max(len(f.message) for f in report.findings) < 2000


# -- findings --------------------------------------------------------------------------------------


def _numbers(*numbers: str) -> Roadmap:
    activities = tuple(Activity(number=n, title="Мероприятие") for n in numbers)
    return Roadmap(title="План", unsectioned=activities)


def _found(report, code: str) -> list[str]:
    return [finding.message for finding in report.findings if finding.code == code]


def test_a_gap_from_1_to_3000000_is_named_by_its_ends():
    report = dod_model.validate(_numbers("1", "3000000"))  # a 26 MB message before
    assert _found(report, "core/skipped-number") == [
        "numbering skips 2–2999999 (2,999,998 numbers) before activity 3000000"
    ]


def test_a_gap_to_ten_to_the_twelfth_costs_no_more():
    with guard(2):  # 48 s and 4 GB before
        report = dod_model.validate(_numbers("1", "1.4", "1.5", "1.9", "2", str(10**12)))
    assert set(_found(report, "core/skipped-number")) == {
        "numbering skips 1.6, 1.7, 1.8 before activity 1.9",
        "numbering skips 3–999999999999 (999,999,999,997 numbers) before activity 1000000000000",
    }


def test_numbers_of_thousands_of_digits_are_not_counted_on():
    report = dod_model.validate(_numbers("1", "9" * 5000, "1." + "9" * 4400, "2"))
    assert "core/rule-failed" not in report.codes()
    assert _found(report, "core/skipped-number") == []


def test_a_deadline_reaching_many_days_outside_the_plan_lists_twenty():
    days = [dt.date(2030, 1, 1) + dt.timedelta(days=k) for k in range(500)]
    deadline = Deadline(text="…", kind=DeadlineKind.DATES, end=days[-1], dates=tuple(days))
    (message,) = _found(dod_model.validate(_roadmap(deadline)), "core/deadline-outside-period")
    assert message.count("2030-") + message.count("2031-") == budgets.FINDING_ITEMS
    assert "and 480 more, outside the plan's period" in message


def test_a_yearly_column_in_a_plan_of_ten_thousand_years_names_its_gaps_in_ranges():
    deadline = Deadline.parse("31.12.2021\n31.12.2023")
    roadmap = _roadmap(deadline, period=WHOLE, region="RU-TAM")
    (message,) = _found(dod_model.validate(roadmap), "tambov/year-not-covered")
    assert message == (
        "activity 1 recurs (2021, 2023) but lists no date in 1–2020, 2022, 2024–9999 of the "
        "plan's 1–9999"
    )


# -- registries --------------------------------------------------------------------------------

PROGRAMMES = "ID программы;Наименование программы;Направленность;Объём, часов;Формы реализации\n"


def _csv(tmp_path, text: str, name: str = "programmes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_programme_of_five_thousand_digits_of_hours_is_a_bad_cell(tmp_path):
    path = _csv(tmp_path, PROGRAMMES + f"1;Робототехника;техническая;{'9' * 5000};\n"
                "2;Шахматы;физкультурно-спортивная;72;\n")  # fmt: skip
    findings: list = []
    programmes = list(iter_programmes(path, findings=findings))
    assert [p.hours for p in programmes] == [None, 72]
    (bad,) = findings
    assert bad.code == "registry/bad-value"
    assert "more than the 18 digits a count or amount may have" in bad.message
    assert len(bad.message) < 200
    assert "registry/bad-value" in validate_registry(path).codes()
    assert summarise_registry(path).programmes == 2


@pytest.mark.parametrize(
    "cell", ["9" * 19, "1" + "0" * 18 + ",50", "-" + "9" * 30, "9" * 5000 + ".5", "1e400"]
)
def test_amounts_past_eighteen_digits_are_no_amounts(tmp_path, cell):
    path = _csv(tmp_path, f"Номер сертификата;Номинал\n0123456789;{cell}\n0123456790;5000\n",
                "certificates.csv")  # fmt: skip
    rows = list(iter_rows(path))
    assert [row.record.nominal for row in rows] == [None, 5000]
    assert [f.code for f in rows[0].findings] == ["registry/bad-value"]


def test_json_numbers_past_eighteen_digits_are_bad_cells(tmp_path):
    path = tmp_path / "programmes.jsonl"
    lines = [{"id": "1", "title": "Робототехника", "hours": 10**30},
             {"id": "2", "title": "Шахматы", "hours": 1e300},
             {"id": "3", "title": "Лего", "hours": 72}]  # fmt: skip
    text = "\n".join(json.dumps(line) for line in lines) + '\n{"id": "4", "hours": ' + "9" * 5000
    path.write_text(text + "}\n", encoding="utf-8")
    rows = list(iter_rows(path))
    assert [row.record and row.record.hours for row in rows] == [None, None, 72, None]
    assert [f.code for row in rows for f in row.findings] == [
        "registry/bad-value", "registry/bad-value", "registry/bad-row",
    ]  # fmt: skip


def test_a_csv_cell_past_the_parsers_limit_is_a_problem_row(tmp_path):
    path = _csv(tmp_path, PROGRAMMES + f"1;{'x' * 200_000};техническая;72;\n2;Шахматы;;72;\n")
    rows = list(iter_rows(path))
    assert [row.record and row.record.id for row in rows] == [None, "2"]
    (problem,) = rows[0].findings
    assert problem.code == "registry/bad-row"
    assert "a cell is longer than the 131,072 characters the CSV parser takes" in problem.message


def test_a_cell_past_the_budget_is_a_problem_even_where_the_parser_takes_it(tmp_path):
    long = "x" * (budgets.REGISTRY_FIELD_CHARS + 1)
    path = _csv(tmp_path, PROGRAMMES + f"1;{long};техническая;72;\n2;Шахматы;;72;\n")
    before = csv.field_size_limit()
    csv.field_size_limit(10 * budgets.REGISTRY_FIELD_CHARS)  # a program's own setting
    try:
        rows = list(iter_rows(path))
    finally:
        csv.field_size_limit(before)
    assert [row.record and row.record.id for row in rows] == [None, "2"]
    assert "a registry cell may have" in rows[0].findings[0].message
    jsonl = tmp_path / "programmes.jsonl"
    jsonl.write_text(json.dumps({"id": "1", "title": long}) + "\n"
                     + json.dumps({"id": "2", "title": "Шахматы"}) + "\n")  # fmt: skip
    rows = list(iter_rows(jsonl))
    assert [row.record and row.record.id for row in rows] == [None, "2"]
    assert "more than the 1,048,576 a registry cell may have" in rows[0].findings[0].message


def test_long_runs_of_spaces_in_counts_and_forms_read_in_linear_time(tmp_path):
    spaces = " " * 60_000
    path = _csv(tmp_path, PROGRAMMES + f"1;Робототехника;техническая;1{spaces}x;{spaces}x\n")
    with guard(2):  # the patterns tried every space again: half a minute
        (row,) = iter_rows(path)
    assert [f.message.split(": ", 1)[1][:5] for f in row.findings] == ["«1   ", "«x» i"]


def test_a_population_table_with_a_huge_field_or_count_is_refused_cleanly(tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text("Самара;100\nТольятти" + "x" * 200_000 + ";5\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="row 2: not a municipality and a number"):
        read_population(wide)  # _csv.Error before
    many = tmp_path / "many.csv"
    many.write_text("Самара;" + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="5,000 digits, more than the 18 a count may have"):
        read_population(many)  # ValueError before
    above = tmp_path / "above.csv"
    above.write_text("Население;" + "x" * 200_000 + "\nМуниципалитет;Дети\nСамара;100\n")
    assert read_population(above) == {"Самара": 100}  # a title too long for the parser


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_population_table_that_is_a_pipe_is_refused(tmp_path):
    fifo = tmp_path / "population.csv"
    os.mkfifo(fifo)
    with guard(2), pytest.raises(DocumentError, match="a pipe"):
        read_population(fifo)


@pytest.mark.parametrize("value", ["9" * 5000, "0." + "9" * 400, "1" + "0" * 400 + ",5", "9" * 19])
def test_a_target_past_the_digits_a_count_has_is_no_target(value: str) -> None:
    text = f"Охват не менее {value} детей; не менее 6 типов программ"
    assert [target.value for target in find_targets(text)] == [6]
