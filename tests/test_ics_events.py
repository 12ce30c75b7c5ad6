"""iCalendar: what each kind of deadline gives, in the events, due and to-do modes."""

import datetime as dt
from importlib.resources import as_file

import attrs
import pytest

import dod_model
from dod_model import Activity, Deadline, Roadmap, examples
from dod_model._host import default_plugins
from dod_model.cli import main
from dod_model.exporters import IcsExporter

icalendar = pytest.importorskip("icalendar")

DAY = dt.timedelta(days=1)


def components(data, kind="VEVENT"):
    return list(icalendar.Calendar.from_ical(data).walk(kind))


def by_number(found):
    return {str(c["summary"]).split(". ", 1)[0]: c for c in found}


def test_within_the_year_spans_the_plan_period():
    ulyanovsk = examples.load("ulyanovsk")  # 13–15: «В течение года», plan April–December 2019
    found = by_number(components(IcsExporter().export(ulyanovsk)))
    for number in ("13", "14", "15"):
        event = found[number]
        assert (event.decoded("dtstart"), event.decoded("dtend")) == (
            dt.date(2019, 4, 1),
            dt.date(2020, 1, 1),  # DTEND is exclusive: the plan's last day is 31 December
        )
        assert "rrule" not in event


def test_within_the_year_of_a_longer_plan_is_one_event_a_year():
    period = dod_model.Period(dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    deadline = Deadline.parse("В течение года", period=period)
    activity = Activity(number="1", title="x", deadline=deadline)
    roadmap = Roadmap(title="План", period=period, unsectioned=(activity,))
    found = components(IcsExporter().export(roadmap))
    spans = [(e.decoded("dtstart"), e.decoded("dtend")) for e in found]
    assert spans == [(dt.date(y, 1, 1), dt.date(y + 1, 1, 1)) for y in (2020, 2021, 2022)]


def test_a_period_spans_it_a_due_date_is_one_day_a_recurrence_an_rrule():
    samara = examples.load("samara")
    found = by_number(components(IcsExporter().export(samara)))
    june_july = found["1"]  # «Июнь-июль 2019»
    assert (june_july.decoded("dtstart"), june_july.decoded("dtend")) == (
        dt.date(2019, 6, 1), dt.date(2019, 8, 1))  # fmt: skip
    by_date = found["3"]  # «до 15.08.2019»
    assert (by_date.decoded("dtstart"), by_date.decoded("dtend")) == (
        dt.date(2019, 8, 15), dt.date(2019, 8, 16))  # fmt: skip
    tambov = by_number(components(IcsExporter().export(examples.load("tambov"))))
    assert tambov["1.6"]["rrule"]["FREQ"] == ["YEARLY"]  # «с 01.09.2020 (ежегодно)»


def test_due_mode_gives_only_the_due_dates():
    samara = examples.load("samara")
    exporter = default_plugins().exporters()["ics-due"]
    found = by_number(components(exporter.export(samara)))
    assert "4" not in found  # «постоянно»: nothing is due
    assert [a.number for a in exporter.plan(samara).skipped] == ["4"]
    for event in found.values():
        assert event.decoded("dtend") - event.decoded("dtstart") == DAY
    assert found["1"].decoded("dtstart") == dt.date(2019, 7, 31)  # «Июнь-июль 2019»: its end
    assert found["14"].decoded("dtstart") == dt.date(2019, 12, 31)  # «В течение года»
    events_uids = {str(e["uid"]) for e in components(IcsExporter().export(samara))}
    assert not events_uids & {str(e["uid"]) for e in found.values()}  # both can be imported


def test_todo_mode_gives_vtodos_due_on_the_deadline():
    tambov = examples.load("tambov")
    exporter = default_plugins().exporters()["ics-todo"]
    data = exporter.export(tambov)
    assert components(data) == []
    todos = components(data, "VTODO")
    mobile = [t for t in todos if str(t["summary"]).startswith("1.6. ")]
    assert [t.decoded("due") for t in mobile] == [dt.date(y, 9, 1) for y in range(2020, 2025)]
    assert all("dtstart" not in t and "rrule" not in t for t in mobile)
    (span,) = [t for t in todos if str(t["summary"]).startswith("3.7. ")]  # 2020–2024
    assert (span.decoded("dtstart"), span.decoded("due")) == (
        dt.date(2020, 1, 1), dt.date(2024, 12, 31))  # fmt: skip
    assert all("status" not in t for t in todos)  # the plan has no completion marks
    assert len({str(t["uid"]) for t in todos}) == len(todos)


def test_todo_status_from_the_completion_mark():
    samara = examples.load("samara")
    marks = {"2": "Выполнено 05.08.2019", "3": "не выполнено"}
    marked = tuple(attrs.evolve(a, completion=marks.get(a.number, "")) for a in samara.unsectioned)
    done = attrs.evolve(samara, unsectioned=marked)
    todos = by_number(components(default_plugins().exporters()["ics-todo"].export(done), "VTODO"))
    assert str(todos["2"]["status"]) == "COMPLETED"
    assert todos["2"].decoded("completed").date() == dt.date(2019, 8, 5)
    assert str(todos["3"]["status"]) == "NEEDS-ACTION"
    assert "status" not in todos["5"]
    plain = IcsExporter("todo").export(done)  # without a recogniser: no STATUS
    assert b"STATUS" not in plain


def test_as_scheduled_is_skipped_and_counted():
    sverdlovsk = examples.load("sverdlovsk")  # 5: an empty cell, 14 and 15: «по отдельному графику»
    plan = IcsExporter().plan(sverdlovsk)
    assert [a.number for a in plan.skipped] == ["5", "14", "15"]
    assert plan.dated == 12
    calendar = icalendar.Calendar.from_ical(IcsExporter().export(sverdlovsk))
    assert str(calendar["x-dod-model-skipped"]) == "3"


@pytest.mark.parametrize("to", ["ics", "ics-due", "ics-todo"])
def test_rfc5545_shape(to):
    data = default_plugins().exporters()[to].export(examples.load("tambov"))
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)  # every line ends CRLF
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    assert all(line.decode("utf-8") for line in lines)  # folds never split a character
    assert lines[0] == b"BEGIN:VCALENDAR"


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="events, due, todo"):
        IcsExporter("weekly")  # type: ignore[arg-type]


def test_the_command_line_reports_undated_activities(capsysbinary, tmp_path):
    with as_file(examples.path("amur")) as amur, as_file(examples.path("sverdlovsk")) as sverdlovsk:
        target = tmp_path / "amur.ics"
        assert main(["read", str(amur), "-o", str(target)]) == 1
        err = capsysbinary.readouterr().err.decode()
        assert "none of its 14 activities has a date" in err
        assert not target.exists()
        target = tmp_path / "sverdlovsk.ics"
        assert main(["read", str(sverdlovsk), "-o", str(target), "--to", "ics-todo"]) == 0
        err = capsysbinary.readouterr().err.decode()
        assert "3 of 15 activities have no date: 5, 14, 15" in err
        assert target.read_bytes().count(b"BEGIN:VTODO") == 12
