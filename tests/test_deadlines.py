"""Russian deadline semantics: every deadline cell of the seeds, the grammar, and its laws."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dod_model import Deadline, DeadlineKind, DeadlineStatus, Period, Recurrence
from dod_model.model import recurrence_of
from dod_model.testing import strategies as dst

K = DeadlineKind


def d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


def yearly(month: int, day: int, first: int = 2020, last: int = 2024) -> tuple[dt.date, ...]:
    return tuple(d(y, month, day) for y in range(first, last + 1))


SAMARA = "samara-oc-roadmap-2019.txt"
ULYANOVSK = "ulyanovsk-cherdakly-moc-roadmap-2019.txt"
SVERDLOVSK = "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt"
TAMBOV = "tambov-target-model-roadmap-2020-2024.txt"

# (seed, cell as written, kind, start, end, dates, recurrence, note): written out by hand.
SEED_DEADLINES = [
    (SAMARA, "Июнь-июль 2019", K.PERIOD, d(2019, 6, 1), d(2019, 7, 31), (), None, None),
    (SAMARA, "До 5 августа 2019", K.BY, None, d(2019, 8, 5), (), None, None),
    (SAMARA, "до 15.08.2019", K.BY, None, d(2019, 8, 15), (), None, None),
    (SAMARA, "постоянно", K.ONGOING, None, None, (), None, None),
    (SAMARA, "До 1 сентября 2019.", K.BY, None, d(2019, 9, 1), (), None, None),
    (SAMARA, "До 1 сентября 2019", K.BY, None, d(2019, 9, 1), (), None, None),
    (SAMARA, "Август 2019", K.PERIOD, d(2019, 8, 1), d(2019, 8, 31), (), None, None),
    (SAMARA, "До 15 августа 2019 и далее по плану работы Областного экспертного совета по "
     "вопросам дополнительн\n\n\t\t\tого образования", K.BY, None, d(2019, 8, 15), (), None,
     "и далее по плану работы Областного экспертного совета по вопросам дополнительн ого "
     "образования"),
    (SAMARA, "Сентябрь-октябрь 2019", K.PERIOD, d(2019, 9, 1), d(2019, 10, 31), (), None, None),
    (SAMARA, "Сентябрь - декабрь 2019", K.PERIOD, d(2019, 9, 1), d(2019, 12, 31), (), None, None),
    (SAMARA, "Октябрь 2019", K.PERIOD, d(2019, 10, 1), d(2019, 10, 31), (), None, None),
    (SAMARA, "Ноябрь 2019", K.PERIOD, d(2019, 11, 1), d(2019, 11, 30), (), None, None),
    (SAMARA, "В течение года", K.WITHIN_YEAR, None, None, (), None, None),
    (SAMARA, "Декабрь 2019", K.PERIOD, d(2019, 12, 1), d(2019, 12, 31), (), None, None),
    (ULYANOVSK, "Апрель 2019 года", K.PERIOD, d(2019, 4, 1), d(2019, 4, 30), (), None, None),
    (ULYANOVSK, "Сентябрь 2019 года", K.PERIOD, d(2019, 9, 1), d(2019, 9, 30), (), None, None),
    (ULYANOVSK, "ежеквартально", K.PERIODIC, None, None, (), Recurrence.QUARTERLY, None),
    (ULYANOVSK, "апрель 2019 года", K.PERIOD, d(2019, 4, 1), d(2019, 4, 30), (), None, None),
    (ULYANOVSK, "ноябрь 2019 года", K.PERIOD, d(2019, 11, 1), d(2019, 11, 30), (), None, None),
    (ULYANOVSK, "август 2019 года", K.PERIOD, d(2019, 8, 1), d(2019, 8, 31), (), None, None),
    (ULYANOVSK, "В течение года", K.WITHIN_YEAR, None, None, (), None, None),
    (ULYANOVSK, "Декабрь 2019 года", K.PERIOD, d(2019, 12, 1), d(2019, 12, 31), (), None, None),
    (SVERDLOVSK, "октябрь 2019 года", K.PERIOD, d(2019, 10, 1), d(2019, 10, 31), (), None, None),
    (SVERDLOVSK, "октябрь - декабрь 2019 года", K.PERIOD, d(2019, 10, 1), d(2019, 12, 31), (),
     None, None),
    (SVERDLOVSK, "", K.NONE, None, None, (), None, None),
    (SVERDLOVSK, "до 01 ноября 2019 года", K.BY, None, d(2019, 11, 1), (), None, None),
    (SVERDLOVSK, "октябрь – ноябрь 2019 года", K.PERIOD, d(2019, 10, 1), d(2019, 11, 30), (),
     None, None),
    (SVERDLOVSK, "декабрь 2019 года", K.PERIOD, d(2019, 12, 1), d(2019, 12, 31), (), None, None),
    (SVERDLOVSK, "январь-март 2020 года", K.PERIOD, d(2020, 1, 1), d(2020, 3, 31), (), None, None),
    (SVERDLOVSK, "до конца 2019 года", K.BY, None, d(2019, 12, 31), (), None, None),
    (SVERDLOVSK, "январь – май 2020 года", K.PERIOD, d(2020, 1, 1), d(2020, 5, 31), (), None,
     None),
    (SVERDLOVSK, "в течение 2020 года", K.PERIOD, d(2020, 1, 1), d(2020, 12, 31), (), None, None),
    (SVERDLOVSK, "по отдельному графику", K.AS_SCHEDULED, None, None, (), None, None),
    (TAMBOV, "01.07.2020\n01.07.2021\n01.07.2022\n01.07.2023\n01.07.2024", K.DATES, None,
     d(2024, 7, 1), yearly(7, 1), None, None),
    (TAMBOV, "01.08.2020\n01.08.2021\n01.08.2022\n01.08.2023\n01.08.2024", K.DATES, None,
     d(2024, 8, 1), yearly(8, 1), None, None),
    (TAMBOV, "31.12.2020\n31.12.2021\n31.12.2022\n31.12.2023\n31.12.2024", K.DATES, None,
     d(2024, 12, 31), yearly(12, 31), None, None),
    (TAMBOV, "с 01.09.2020\n(ежегодно)", K.FROM, d(2020, 9, 1), None, (), Recurrence.YEARLY,
     None),
    (TAMBOV, "31.05.2020\n31. 05.2021\n31. 05.2022\n31. 05.2023\n31. 05.2024", K.DATES, None,
     d(2024, 5, 31), yearly(5, 31), None, None),
    (TAMBOV, "31.05.2022", K.DATE, None, d(2022, 5, 31), (d(2022, 5, 31),), None, None),
    (TAMBOV, "31.12.2024", K.DATE, None, d(2024, 12, 31), (d(2024, 12, 31),), None, None),
    (TAMBOV, "01.06.2020", K.DATE, None, d(2020, 6, 1), (d(2020, 6, 1),), None, None),
    (TAMBOV, "31.10.2020\n31.10.2021\n31.10.2022\n31.10.2023\n31.10.2024", K.DATES, None,
     d(2024, 10, 31), yearly(10, 31), None, None),
    (TAMBOV, "01.01.2021\n01.01.2022\n01.01.2023\n01.01.2024", K.DATES, None, d(2024, 1, 1),
     yearly(1, 1, 2021), None, None),
    (TAMBOV, "31.12.2020\n31.12.2021\n31.12.2022\n31.12.2023\n31.12.2024\nВ течение года",
     K.DATES, None, d(2024, 12, 31), yearly(12, 31), None, "В течение года"),
    (TAMBOV, "01.10.2020\n01.10.2021\n01.10.2022\n01.10.2023\n01.10.2024\n", K.DATES, None,
     d(2024, 10, 1), yearly(10, 1), None, None),
    (TAMBOV, "01.01.2020 -31.12.2024\n(1 раз в год на муниципальном уровне)\n(1-2 раза в месяц "
     "на внутриучрежденческом уровне)\n", K.PERIOD, d(2020, 1, 1), d(2024, 12, 31), (), None,
     "1 раз в год на муниципальном уровне; 1-2 раза в месяц на внутриучрежденческом уровне"),
    (TAMBOV, "31.12.2021\n31.12.2023\n\n", K.DATES, None, d(2023, 12, 31),
     (d(2021, 12, 31), d(2023, 12, 31)), None, None),
    (TAMBOV, "31.12.2021\n31.12.2022\n31.12.2023\n31.12.2024", K.DATES, None, d(2024, 12, 31),
     yearly(12, 31, 2021), None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "cell", "kind", "start", "end", "dates", "recurrence", "note"),
    SEED_DEADLINES,
    ids=[f"{s.split('-')[0]}:{c[:24]!r}" for s, c, *_ in SEED_DEADLINES],
)
def test_every_deadline_cell_of_the_seeds(seeds, seed, cell, kind, start, end, dates, recurrence,
                                          note):  # fmt: skip
    assert cell in (seeds / seed).read_text(encoding="utf-8"), "the cell is not in its seed"
    deadline = Deadline.parse(cell)
    assert deadline == Deadline(text=cell, kind=kind, start=start, end=end, dates=dates,
                                recurrence=recurrence, note=note)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "dates"),
    [
        ("31. 05.2021", K.DATE, None, d(2021, 5, 31), (d(2021, 5, 31),)),
        ("28.06.2019г", K.DATE, None, d(2019, 6, 28), (d(2019, 6, 28),)),
        ("28.06.2019 г.", K.DATE, None, d(2019, 6, 28), (d(2019, 6, 28),)),
        ("01.09.20", K.DATE, None, d(2020, 9, 1), (d(2020, 9, 1),)),
        ("5 августа 2019 года", K.DATE, None, d(2019, 8, 5), (d(2019, 8, 5),)),
        ("не позднее 01.02.2021", K.BY, None, d(2021, 2, 1), ()),
        ("в срок до 20 декабря 2020 г.", K.BY, None, d(2020, 12, 20), ()),
        ("с 01.09.2020", K.FROM, d(2020, 9, 1), None, ()),
        ("с 01.09.2020 по 31.05.2021", K.PERIOD, d(2020, 9, 1), d(2021, 5, 31), ()),
        ("до конца мая 2021", K.BY, None, d(2021, 5, 31), ()),
        ("до сентября 2021 года", K.BY, None, d(2021, 8, 31), ()),
        ("до конца III квартала 2022 года", K.BY, None, d(2022, 9, 30), ()),
        ("в мае 2021", K.PERIOD, d(2021, 5, 1), d(2021, 5, 31), ()),
        ("Октябрь 2019 — март 2020", K.PERIOD, d(2019, 10, 1), d(2020, 3, 31), ()),
        ("2020 - 2022 годы", K.PERIOD, d(2020, 1, 1), d(2022, 12, 31), ()),
        ("2021 год", K.PERIOD, d(2021, 1, 1), d(2021, 12, 31), ()),
        ("2021-2023 гг.", K.PERIOD, d(2021, 1, 1), d(2023, 12, 31), ()),
        ("I квартал 2023 г.", K.PERIOD, d(2023, 1, 1), d(2023, 3, 31), ()),
        ("4 квартал 2020 года", K.PERIOD, d(2020, 10, 1), d(2020, 12, 31), ()),
        ("во II квартале 2021 года", K.PERIOD, d(2021, 4, 1), d(2021, 6, 30), ()),
        ("II полугодие 2021", K.PERIOD, d(2021, 7, 1), d(2021, 12, 31), ()),
        ("первое полугодие 2022 года", K.PERIOD, d(2022, 1, 1), d(2022, 6, 30), ()),
        ("2019/2020 учебный год", K.PERIOD, d(2019, 9, 1), d(2020, 8, 31), ()),
        ("2020-2021 учебный год", K.PERIOD, d(2020, 9, 1), d(2021, 8, 31), ()),
        ("в течение 2019/2020 учебного года", K.PERIOD, d(2019, 9, 1), d(2020, 8, 31), ()),
        ("ежемесячно", K.PERIODIC, None, None, ()),
        ("по плану работы РМЦ", K.AS_SCHEDULED, None, None, ()),
        ("в соответствии с графиком министерства", K.AS_SCHEDULED, None, None, ()),
        ("на постоянной основе", K.ONGOING, None, None, ()),
        ("в течение учебного года", K.WITHIN_YEAR, None, None, ()),
        ("IV квартал", K.PERIOD, None, None, ()),
        ("01 ноября", K.DATE, None, None, ()),
    ],
)
def test_phrasings_beyond_the_seeds(text, kind, start, end, dates):
    deadline = Deadline.parse(text)
    assert (deadline.kind, deadline.start, deadline.end, deadline.dates) == (
        kind,
        start,
        end,
        dates,
    )


@pytest.mark.parametrize(
    "text",
    ["10 ноября X 1 года", "___", "__.__.2020", "31.13.2019", "30.02.2020", "в скором времени",
     "2020-2019 годы", "сентябрь-май 2020", "13 квартал 2020", "2019/2021 учебный год"],
)  # fmt: skip
def test_placeholders_and_nonsense_are_unknown_without_a_guess(text):
    deadline = Deadline.parse(text)
    assert deadline.kind is K.UNKNOWN
    assert (deadline.start, deadline.end, deadline.dates, deadline.text) == (None, None, (), text)


PLAN_2019 = Period(d(2019, 1, 1), d(2019, 12, 31))
SCHOOL_YEAR = Period(d(2019, 9, 1), d(2020, 8, 31))


@pytest.mark.parametrize(
    ("text", "period", "start", "end", "dates"),
    [
        ("01 ноября", PLAN_2019, None, d(2019, 11, 1), (d(2019, 11, 1),)),
        ("апрель", SCHOOL_YEAR, d(2020, 4, 1), d(2020, 4, 30), ()),
        ("IV квартал", SCHOOL_YEAR, d(2019, 10, 1), d(2019, 12, 31), ()),
        ("до конца года", PLAN_2019, None, d(2019, 12, 31), ()),
        ("до конца года", SCHOOL_YEAR, None, None, ()),  # which year? no guess
        ("постоянно", SCHOOL_YEAR, d(2019, 9, 1), d(2020, 8, 31), ()),
        ("В течение года", PLAN_2019, d(2019, 1, 1), d(2019, 12, 31), ()),
        ("ежеквартально", PLAN_2019, d(2019, 1, 1), d(2019, 12, 31), ()),
        ("по отдельному графику", SCHOOL_YEAR, d(2019, 9, 1), d(2020, 8, 31), ()),
        ("Август 2019", SCHOOL_YEAR, d(2019, 8, 1), d(2019, 8, 31), ()),  # own calendar wins
    ],
)
def test_the_roadmap_period_dates_what_has_no_calendar_of_its_own(text, period, start, end,
                                                                  dates):  # fmt: skip
    deadline = Deadline.parse(text, period)
    assert (deadline.start, deadline.end, deadline.dates) == (start, end, dates)


def test_without_a_period_phrases_keep_their_kind_and_no_dates():
    for text, kind in [
        ("постоянно", K.ONGOING),
        ("В течение года", K.WITHIN_YEAR),
        ("ежеквартально", K.PERIODIC),
        ("по отдельному графику", K.AS_SCHEDULED),
    ]:
        deadline = Deadline.parse(text)
        assert (deadline.kind, deadline.start, deadline.end) == (kind, None, None)


# --- laws ---------------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    ["до ", "с ", "по ", "не позднее ", "конца ", "в течение ", "года", "г.", " ", "-", "–", "/",
     "\n", "(", ")", ".", "31", "12", "05", "2019", "2020", "20", "I", "IV", "квартал",
     "полугодие", "август", "мая", "Сентябрь", "учебный год", "ежегодно", "постоянно", "и далее ",
     "X", "_", "0", "9", "\u00a0", "\u00ad", "ё"]
)  # fmt: skip


@given(st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=12).map("".join)),
       st.none() | dst.periods())  # fmt: skip
def test_parse_is_total_and_keeps_the_text(text, period):
    deadline = Deadline.parse(text, period)
    assert deadline.text == text
    assert deadline.kind in DeadlineKind
    deadline.due_dates(period)
    deadline.status(dt.date(2020, 6, 1), period)


_NOTES = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщэюяАБВГД 0123456789,-", min_size=1,
                 max_size=30).map(lambda s: " ".join(s.split()))  # fmt: skip


@st.composite
def canonical_meanings(draw: st.DrawFn) -> Deadline:
    """Deadlines as the renderer can state them: fields only, text left empty."""
    kind = draw(st.sampled_from([k for k in DeadlineKind if k not in (K.NONE, K.UNKNOWN)]))
    day = draw(dst.dates())
    fields: dict = {"kind": kind}
    if kind is K.DATE:
        fields |= {"end": day, "dates": (day,)}
    elif kind is K.BY:
        fields |= {"end": day}
    elif kind is K.FROM:
        fields |= {"start": day}
    elif kind is K.PERIOD:
        fields |= {"start": day, "end": draw(dst.dates())}
    elif kind is K.DATES:
        dates = tuple(draw(st.lists(dst.dates(), min_size=2, max_size=6)))
        fields |= {"dates": dates, "end": max(dates)}
    if kind is K.PERIODIC:
        fields["recurrence"] = draw(st.sampled_from(Recurrence))
    elif kind in (K.DATE, K.BY, K.FROM, K.PERIOD, K.DATES):
        fields["recurrence"] = draw(st.none() | st.sampled_from(Recurrence))
    note = draw(st.none() | _NOTES)
    if note and recurrence_of(note) is None:
        fields["note"] = note
    return Deadline(**fields)


@given(canonical_meanings())
def test_parse_reads_back_whatever_render_writes(meaning):
    text = meaning.render()
    deadline = Deadline.parse(text)
    assert deadline == Deadline(text=text, kind=meaning.kind, start=meaning.start,
                                end=meaning.end, dates=meaning.dates,
                                recurrence=meaning.recurrence, note=meaning.note)  # fmt: skip
    assert deadline.render() == text
    assert Deadline.parse(deadline.render()) == deadline


@given(dst.deadlines().map(lambda x: attrs.evolve(x, kind=K.UNKNOWN)))
def test_render_of_what_no_phrase_states_is_the_text_as_written(deadline):
    assert deadline.render() == deadline.text


def test_renders_read_like_the_documents():
    assert Deadline.parse("июнь – июль 2019 г.").render() == "Июнь-июль 2019"
    assert Deadline.parse("в течение 2020 года").render() == "2020 год"
    assert Deadline.parse("с 01.09.2020 (ежегодно)").render() == "с 01.09.2020 (ежегодно)"
    assert Deadline.parse("2019/2020 уч. год").render() == "2019/2020 учебный год"


# --- due dates and status -----------------------------------------------------------------------

PLAN = Period(d(2020, 1, 1), d(2024, 12, 31))


def test_quarterly_over_a_five_year_plan_is_due_each_quarter_end():
    dues = Deadline.parse("ежеквартально", PLAN).due_dates()
    assert len(dues) == 20
    assert dues[:2] == (d(2020, 3, 31), d(2020, 6, 30))
    assert dues[-1] == d(2024, 12, 31)
    assert Deadline.parse("ежеквартально").due_dates(PLAN) == dues


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("ежемесячно", 60),
        ("ежегодно", 5),
        ("раз в полугодие", 10),
        ("В течение года", 5),
        ("с 01.09.2020\n(ежегодно)", 5),
        ("31.12.2020 (ежегодно)", 5),
        ("31.12.2021\n31.12.2023", 2),
        ("до 15.08.2019", 1),
        ("Август 2021", 1),
        ("постоянно", 0),
        ("по отдельному графику", 0),
        ("10 ноября X 1 года", 0),
        ("", 0),
    ],
)
def test_due_dates_expand_recurrences_over_the_plan(text, dues):
    assert len(Deadline.parse(text).due_dates(PLAN)) == dues


def test_from_a_date_yearly_keeps_the_anniversary():
    assert Deadline.parse("с 01.09.2020 (ежегодно)").due_dates(PLAN) == yearly(9, 1)
    leap = Deadline.parse("с 29.02.2020 (ежегодно)").due_dates(PLAN)
    assert leap[:2] == (d(2020, 2, 29), d(2021, 2, 28))


def test_weekly_deadlines_fall_on_sundays():
    dues = Deadline.parse("еженедельно").due_dates(Period(d(2020, 1, 1), d(2020, 1, 31)))
    assert dues == (d(2020, 1, 5), d(2020, 1, 12), d(2020, 1, 19), d(2020, 1, 26))


@pytest.mark.parametrize(
    ("text", "on", "status"),
    [
        ("01.07.2020\n01.07.2021", d(2019, 12, 1), DeadlineStatus.UPCOMING),
        ("01.07.2020\n01.07.2021", d(2021, 3, 1), DeadlineStatus.DUE),
        ("01.07.2020\n01.07.2021", d(2022, 3, 1), DeadlineStatus.OVERDUE),
        ("01.07.2020\n01.07.2021", d(2025, 3, 1), DeadlineStatus.OVERDUE),
        ("Август 2021", d(2021, 7, 31), DeadlineStatus.UPCOMING),
        ("Август 2021", d(2021, 8, 15), DeadlineStatus.DUE),
        ("Август 2021", d(2021, 9, 1), DeadlineStatus.OVERDUE),
        ("постоянно", d(2023, 1, 1), DeadlineStatus.DUE),
        ("постоянно", d(2025, 1, 1), DeadlineStatus.OVERDUE),
        ("ежеквартально", d(2024, 12, 31), DeadlineStatus.DUE),
        ("с 01.09.2020", d(2020, 8, 31), DeadlineStatus.UPCOMING),
    ],
)
def test_status_on_a_day(text, on, status):
    assert Deadline.parse(text, PLAN).status(on, PLAN) is status


def test_status_is_unknown_without_any_date():
    assert Deadline.parse("10 ноября X 1 года").status(d(2020, 1, 1)) is DeadlineStatus.UNKNOWN
    assert Deadline.parse("постоянно").status(d(2020, 1, 1)) is DeadlineStatus.UNKNOWN


SCHOOL_YEAR = Period(d(2019, 9, 1), d(2020, 8, 31))


@pytest.mark.parametrize("text", ["", "ежегодно до 20 декабря", "10 ноября X 1 года"])
@pytest.mark.parametrize("on", [d(2019, 10, 15), d(2021, 6, 1)])
def test_empty_and_unread_deadlines_are_unknown_even_with_a_plan(text, on):
    deadline = Deadline.parse(text, SCHOOL_YEAR)
    assert deadline.status(on, SCHOOL_YEAR) is DeadlineStatus.UNKNOWN
    assert deadline.due_dates(SCHOOL_YEAR) == ()


def test_a_period_repeated_yearly_is_due_at_the_end_of_each_of_its_years():
    deadline = Deadline.parse("01.01.2020 -31.12.2024 (ежегодно)", PLAN)
    assert deadline.due_dates(PLAN) == yearly(12, 31)
    assert deadline.due_dates() == yearly(12, 31)
    assert deadline.status(d(2021, 3, 1), PLAN) is DeadlineStatus.DUE


@pytest.mark.parametrize("text", ["ежегодно", "в течение учебного года", "В течение года"])
def test_a_school_year_plan_counts_its_year_to_31_august(text):
    deadline = Deadline.parse(text, SCHOOL_YEAR)
    assert deadline.due_dates(SCHOOL_YEAR) == (d(2020, 8, 31),)
    assert deadline.status(d(2020, 3, 1), SCHOOL_YEAR) is DeadlineStatus.DUE


def test_a_shorter_last_year_of_the_plan_ends_with_the_plan():
    plan = Period(d(2020, 1, 1), d(2022, 6, 30))
    expected = (d(2020, 12, 31), d(2021, 12, 31), d(2022, 6, 30))
    assert Deadline.parse("ежегодно", plan).due_dates(plan) == expected
    assert Deadline.parse("в течение года", plan).due_dates(plan) == expected
