"""An activity is done only when something says so; a plan that ran out is not a plan done."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import dod_model
from dod_model import DeadlineStatus, DocumentError, examples
from dod_model.analysis import Completion, read_completion, read_day, read_progress
from dod_model.cli import main
from dod_model.testing import strategies as dst

d = dt.date
REPORT = Path(__file__).parent / "data" / "status" / "report.docx"


def numbers(entries):
    return [entry.activity.number for entry in entries]


# --- completion marks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "done", "on"),
    [
        ("выполнено", True, None),
        ("Выполнено", True, None),
        ("Исполнено.", True, None),
        ("да", True, None),
        ("Да", True, None),
        ("+", True, None),
        ("✓", True, None),
        ("Мероприятие проведено", True, None),
        ("Выполнено 10.08.2019", True, d(2019, 8, 10)),
        ("исполнено 15 января 2020 г.", True, d(2020, 1, 15)),
        ("20.12.2019", True, d(2019, 12, 20)),
        ("2019-12-20", True, d(2019, 12, 20)),
        ("не выполнено", False, None),
        ("Не исполнено", False, None),
        ("нет", False, None),
        ("в работе", False, None),
        ("Находится в процессе", False, None),
        ("выполняется", False, None),
        ("перенесено", False, None),
        ("Перенесено на 01.03.2020", False, None),
        ("выполнено частично", False, None),
        ("отменено", False, None),
        ("невыполнено", False, None),
        ("", None, None),
        ("  ", None, None),
        ("—", None, None),
        ("см. приложение 3", None, None),
        ("2020", None, None),
    ],
)
def test_completion_marks_as_people_write_them(text, done, on):
    assert read_completion(text) == Completion(done=done, on=on)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("15.01.2020", d(2020, 1, 15)),
        ("2020-01-15", d(2020, 1, 15)),
        ("15 января 2020", d(2020, 1, 15)),
        ("15 января 2020 г.", d(2020, 1, 15)),
        (" 15.01.20 ", d(2020, 1, 15)),
        ("январь 2020", None),
        ("31.02.2020", None),
        ("2020-02-31", None),
        ("01.01.2020 - 31.12.2020", None),
        ("завтра", None),
        ("", None),
    ],
)
def test_days_as_users_write_them(text, day):
    assert read_day(text) == day


# --- status ------------------------------------------------------------------------------------


def test_samara_after_its_plan_is_overdue_not_done():
    samara = examples.load("samara")
    result = dod_model.status(samara, d(2020, 1, 15))
    assert result.done == ()
    assert len(result.overdue) == 15
    assert all(e.after_plan_end and e.status is DeadlineStatus.OVERDUE for e in result.overdue)
    assert all(e.last_due is not None and e.last_due < d(2020, 1, 15) for e in result.overdue)
    within = dod_model.status(samara, d(2019, 9, 15))
    assert not any(e.after_plan_end for group in within.groups.values() for e in group)


def test_done_given_by_number_with_a_day_or_without():
    samara = examples.load("samara")
    done = {"1": d(2019, 7, 20), "2.": True, "3": d(2020, 2, 1), "4": False, "99": True}
    result = dod_model.status(samara, d(2020, 1, 15), done=done)
    assert numbers(result.done) == ["1", "2"]  # dated first, by the day done
    first, second = result.done
    assert (first.done_on, first.done_by, first.status) == (d(2019, 7, 20), "given", "done")
    assert (second.done_on, second.done_by) == (None, "given")
    assert "3" in numbers(result.overdue)  # done after the day asked about: not yet done then
    assert result.unmatched == ("99",)
    with pytest.raises(TypeError, match="mapping"):
        dod_model.status(samara, d(2020, 1, 15), done=["1"])
    with pytest.raises(TypeError, match="date, True or False"):
        dod_model.status(samara, d(2020, 1, 15), done={"1": "15.01.2020"})


def test_the_documents_completion_column_says_what_is_done():
    report = dod_model.read(REPORT)
    assert [a.completion for a in report.activities][:3] == [
        "Выполнено 10.08.2019",
        "исполнено",
        "+",
    ]
    result = dod_model.status(report, d(2020, 1, 15))
    # By the day done (10.08, 20.12), else the day due («Август 2019», «до 01.10.2019»).
    assert numbers(result.done) == ["1", "2", "3", "7"]
    assert [e.when for e in result.done] == [d(2019, 8, 10), d(2019, 8, 31), d(2019, 10, 1),
                                             d(2019, 12, 20)]  # fmt: skip
    assert {e.done_by for e in result.done} == {"document"}
    assert numbers(result.overdue) == ["4", "5", "6"]
    # On 15 December the report's «20.12.2019» was still ahead.
    assert "7" not in numbers(dod_model.status(report, d(2019, 12, 15)).done)
    # What the user gives wins over the document's mark.
    given = dod_model.status(report, d(2020, 1, 15), done={"3": False, "4": d(2019, 9, 30)})
    assert numbers(given.done) == ["1", "2", "4", "7"]
    assert "3" in numbers(given.overdue)


@settings(max_examples=30, derandomize=True, deadline=None)
@given(dst.roadmaps(), dst.dates())
def test_the_calendar_alone_never_says_done(roadmap, on):
    result = dod_model.status(roadmap, on)
    for entries in result.groups.values():
        for entry in entries:
            assert entry.status is not DeadlineStatus.DONE_BY_PERIOD_END
            assert (entry.status is DeadlineStatus.DONE) == (entry.done_by is not None)
            assert entry.done_by in (None, "document")


def test_the_deprecated_member_still_loads():
    assert DeadlineStatus("done-by-period-end") is DeadlineStatus.DONE_BY_PERIOD_END
    assert DeadlineStatus.from_label("выполнено") is DeadlineStatus.DONE


# --- progress files ----------------------------------------------------------------------------


def test_a_progress_sheet_saved_by_excel_in_russian(tmp_path):
    path = tmp_path / "прогресс.csv"  # Excel in a Russian locale: semicolons, Windows-1251
    path.write_bytes(
        "Номер;Мероприятие;Выполнено\r\n"
        "1;Разработка нормативной базы;20.07.2019\r\n"
        "2.;Штатное расписание;да\r\n"
        "3;План работы;\r\n"
        "4;Медиаплан;нет\r\n"
        "5;Инвентаризация;15 августа 2019 г.\r\n".encode("cp1251")
    )
    assert read_progress(path) == {"1": d(2019, 7, 20), "2": True, "4": False, "5": d(2019, 8, 15)}


def test_a_progress_file_of_numbers_and_dates_without_a_header(tmp_path):
    path = tmp_path / "done.csv"
    path.write_text("1,2019-07-20\n2,20.08.2019\n", encoding="utf-8")
    assert read_progress(path) == {"1": d(2019, 7, 20), "2": d(2019, 8, 20)}
    listed = tmp_path / "listed.csv"
    listed.write_text("number\n1\n1.2\n", encoding="utf-8-sig")
    assert read_progress(listed) == {"1": True, "1.2": True}


def test_a_progress_file_in_json(tmp_path):
    path = tmp_path / "done.json"
    path.write_text(json.dumps({"1": "2019-07-20", "2": True, "3": False, "4": None}))
    assert read_progress(path) == {"1": d(2019, 7, 20), "2": True, "3": False}
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"number": "1.1", "done": "15.01.2020"}, {"number": "2"}]))
    assert read_progress(listed) == {"1.1": d(2020, 1, 15), "2": True}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("number,done\n1,20.07.2019\n2,может быть\n", "done.csv, line 3: 'может быть' says"),
        ("number,done\n1,да\n1.,нет\n", "done.csv, line 3: activity 1 is listed again (line 2)"),
        ("number,done\n,да\n", "done.csv, line 2: no activity number"),
        ("number,title,notes\n1,a,b\n", "done.csv, line 1: cannot tell which column"),
        ('{"1": 5}', "done.csv, entry '1': 5 is not a date or a mark"),
        ('{"1": ', "done.csv: not JSON"),
        ("[1, 2]", "done.csv, item 1: an item of the list is an object"),
        ('[{"done": "да"}]', "done.csv, item 1: an item of the list is an object"),
    ],
)
def test_a_bad_progress_file_names_the_file_and_the_line(tmp_path, content, message):
    path = tmp_path / "done.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        read_progress(path)
    assert message in str(info.value)


# --- the command line ----------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("day", ["15.01.2020", "2020-01-15", "15 января 2020"])
def test_status_on_a_day_as_written(capsys, day):
    code, out, _ = run(capsys, "status", "--example", "samara", "--on", day, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["on"] == "2020-01-15"
    assert data["counts"]["overdue"] == 15
    assert data["counts"]["done"] == 0
    assert all(entry["after_plan_end"] for entry in data["overdue"])


def test_status_with_a_progress_file(capsys, tmp_path):
    progress = tmp_path / "progress.csv"
    progress.write_text("number,done\n1,20.07.2019\n2,да\n42,да\n", encoding="utf-8")
    code, out, err = run(
        capsys, "status", "--example", "samara", "--on", "15.01.2020", "--done", str(progress)
    )
    assert code == 0
    assert "13 overdue, 0 due, 0 upcoming, 0 later, 2 done, 0 unknown" in out
    assert "Done (2)" in out
    assert "2019-07-20" in out
    assert "no activity of the roadmap is numbered 42" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("number,done\n1,когда-нибудь\n", encoding="utf-8")
    code, _, err = run(capsys, "status", "--example", "samara", "--done", str(bad))
    assert code == 2
    assert "bad.csv, line 2: 'когда-нибудь' says neither done nor not done" in err
