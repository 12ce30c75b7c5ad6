"""Deadline cells as other layouts write them: day ranges, lists of days, months without a year,
and a date phrase in a cell that also names a place or a body."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dod_model import Deadline, DeadlineKind, Period

K = DeadlineKind


def d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


PLAN_2019 = Period(d(2019, 1, 1), d(2019, 12, 31))
SCHOOL_YEAR = Period(d(2019, 9, 1), d(2020, 8, 31))
FIVE_YEARS = Period(d(2020, 1, 1), d(2024, 12, 31))


def fields(deadline: Deadline) -> tuple[object, ...]:
    return deadline.kind, deadline.start, deadline.end, deadline.dates


# (cell as written, kind, start, end, dates): each written out by hand.
WHOLE_PHRASES = [
    ("10 - 12 июня 2003 г.", K.PERIOD, d(2003, 6, 10), d(2003, 6, 12), ()),
    ("10–12 июня 2003", K.PERIOD, d(2003, 6, 10), d(2003, 6, 12), ()),
    ("с 10 по 12 июня 2003 года", K.PERIOD, d(2003, 6, 10), d(2003, 6, 12), ()),
    ("С 1 по 15 сентября 2021 г.", K.PERIOD, d(2021, 9, 1), d(2021, 9, 15), ()),
    ("10 июня – 12 июля 2003 г.", K.PERIOD, d(2003, 6, 10), d(2003, 7, 12), ()),
    ("28 февраля - 2 марта 2021", K.PERIOD, d(2021, 2, 28), d(2021, 3, 2), ()),
    ("с 28 февраля по 2 марта 2021 г.", K.PERIOD, d(2021, 2, 28), d(2021, 3, 2), ()),
    ("30 декабря 2020 г. - 2 января 2021 г.", K.PERIOD, d(2020, 12, 30), d(2021, 1, 2), ()),
    ("1, 8, 15 декабря 2021 г.", K.DATES, None, d(2021, 12, 15),
     (d(2021, 12, 1), d(2021, 12, 8), d(2021, 12, 15))),
    ("10 и 12 июня 2003", K.DATES, None, d(2003, 6, 12), (d(2003, 6, 10), d(2003, 6, 12))),
    ("1, 8 и 15 декабря 2021", K.DATES, None, d(2021, 12, 15),
     (d(2021, 12, 1), d(2021, 12, 8), d(2021, 12, 15))),
    ("10-12.06.2003", K.PERIOD, d(2003, 6, 10), d(2003, 6, 12), ()),
    ("10.06-12.06.2003 г.", K.PERIOD, d(2003, 6, 10), d(2003, 6, 12), ()),
    ("28.02 – 02.03.2021", K.PERIOD, d(2021, 2, 28), d(2021, 3, 2), ()),
    ("12.05.2022, 19.05.2022 и 26.05.2022", K.DATES, None, d(2022, 5, 26),
     (d(2022, 5, 12), d(2022, 5, 19), d(2022, 5, 26))),
    ("15.05.2022; 16.05.2022", K.DATES, None, d(2022, 5, 16), (d(2022, 5, 15), d(2022, 5, 16))),
    ("с сентября 2021 г.", K.FROM, d(2021, 9, 1), None, ()),
    ("с 1 сентября 2021 года", K.FROM, d(2021, 9, 1), None, ()),
    ("начиная с января 2022", K.FROM, d(2022, 1, 1), None, ()),
    ("с января 2022 года по декабрь 2024 года", K.PERIOD, d(2022, 1, 1), d(2024, 12, 31), ()),
    ("с сентября по декабрь 2021 г.", K.PERIOD, d(2021, 9, 1), d(2021, 12, 31), ()),
    ("в течение июня 2021 г.", K.PERIOD, d(2021, 6, 1), d(2021, 6, 30), ()),
    # without a year and without a plan's period: the kind, no invented year
    ("10 - 12 июня", K.PERIOD, None, None, ()),
    ("30 ноября – 1 декабря", K.PERIOD, None, None, ()),
    ("1, 8, 15 декабря", K.DATES, None, None, ()),
    ("с 1 сентября", K.FROM, None, None, ()),
    ("сентябрь–октябрь", K.PERIOD, None, None, ()),
    ("сентябрь – май", K.PERIOD, None, None, ()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "start", "end", "dates"), WHOLE_PHRASES)
def test_day_ranges_lists_and_from_phrases(text, kind, start, end, dates):
    deadline = Deadline.parse(text)
    assert fields(deadline) == (kind, start, end, dates)
    assert deadline.text == text
    assert deadline.date_phrase == text.strip()


@pytest.mark.parametrize(
    "text",
    ["12 - 10 июня 2003", "31 июня 2021", "30 - 31 февраля", "10 июля – 12 июня 2003",
     "1, 8, 32 декабря 2021", "31.06-02.07.2021", "12-10.06.2003", "сентябрь-май 2020"],
)  # fmt: skip
def test_impossible_ranges_and_days_stay_unknown(text):
    deadline = Deadline.parse(text, PLAN_2019)
    assert fields(deadline) == (K.UNKNOWN, None, None, ())


# --- the plan's period gives the year ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period", "kind", "start", "end", "dates"),
    [
        ("10 - 12 июня", PLAN_2019, K.PERIOD, d(2019, 6, 10), d(2019, 6, 12), ()),
        ("июнь", PLAN_2019, K.PERIOD, d(2019, 6, 1), d(2019, 6, 30), ()),
        ("сентябрь–октябрь", PLAN_2019, K.PERIOD, d(2019, 9, 1), d(2019, 10, 31), ()),
        ("30 ноября – 1 декабря", PLAN_2019, K.PERIOD, d(2019, 11, 30), d(2019, 12, 1), ()),
        ("1, 8, 15 декабря", PLAN_2019, K.DATES, None, d(2019, 12, 15),
         (d(2019, 12, 1), d(2019, 12, 8), d(2019, 12, 15))),
        ("с 1 сентября", PLAN_2019, K.FROM, d(2019, 9, 1), None, ()),
        # a school year holds each month once: May is the May of its second year
        ("сентябрь – май", SCHOOL_YEAR, K.PERIOD, d(2019, 9, 1), d(2020, 5, 31), ()),
        ("май", SCHOOL_YEAR, K.PERIOD, d(2020, 5, 1), d(2020, 5, 31), ()),
        ("10 - 12 октября", SCHOOL_YEAR, K.PERIOD, d(2019, 10, 10), d(2019, 10, 12), ()),
        ("30 декабря – 2 января", SCHOOL_YEAR, K.PERIOD, d(2019, 12, 30), d(2020, 1, 2), ()),
        # five Junes in a five-year plan: which one? the kind, no dates
        ("июнь", FIVE_YEARS, K.PERIOD, None, None, ()),
        ("10 - 12 июня", FIVE_YEARS, K.PERIOD, None, None, ()),
        ("01 ноября", FIVE_YEARS, K.DATE, None, None, ()),
        ("1, 8, 15 декабря", FIVE_YEARS, K.DATES, None, None, ()),
        # a year written wins over the period
        ("10 - 12 июня 2003", FIVE_YEARS, K.PERIOD, d(2003, 6, 10), d(2003, 6, 12), ()),
    ],
)  # fmt: skip
def test_a_phrase_without_a_year_takes_it_from_the_period_when_it_meets_it_once(
    text, period, kind, start, end, dates
):
    assert fields(Deadline.parse(text, period)) == (kind, start, end, dates)


def test_a_range_over_new_year_that_meets_the_period_twice_is_not_dated():
    # 30.12.2018-02.01.2019 and 30.12.2019-02.01.2020 both meet a plan for 2019
    deadline = Deadline.parse("30 декабря – 2 января", PLAN_2019)
    assert fields(deadline) == (K.PERIOD, None, None, ())


# --- a date phrase among other words -------------------------------------------------------------

# (cell as written, the date phrase in it, kind, start, end, dates, period)
EMBEDDED = [
    ("Образовательные учреждения 10 - 12 июня 2003 г.", "10 - 12 июня 2003 г.", K.PERIOD,
     d(2003, 6, 10), d(2003, 6, 12), (), None),
    ("ГАУ ДО ЦРТ, март 2021 г.", "март 2021 г.", K.PERIOD, d(2021, 3, 1), d(2021, 3, 31), (),
     None),
    ("г. Киров, ДК «Родина», 15.05.2022", "15.05.2022", K.DATE, None, d(2022, 5, 15),
     (d(2022, 5, 15),), None),
    ("Актовый зал школы № 5; 20 сентября", "20 сентября", K.DATE, None, None, (), None),
    ("Актовый зал школы № 5; 20 сентября", "20 сентября", K.DATE, None, d(2019, 9, 20),
     (d(2019, 9, 20),), PLAN_2019),
    ("МБОУ СОШ №12, 15 мая 2021", "15 мая 2021", K.DATE, None, d(2021, 5, 15),
     (d(2021, 5, 15),), None),
    ("ДК № 2 10 июня 2003", "10 июня 2003", K.DATE, None, d(2003, 6, 10), (d(2003, 6, 10),),
     None),
    ("ул. Ленина, 15, 20 сентября 2021", "20 сентября 2021", K.DATE, None, d(2021, 9, 20),
     (d(2021, 9, 20),), None),
    ("школа 5, 15 мая 2021", "15 мая 2021", K.DATE, None, d(2021, 5, 15), (d(2021, 5, 15),),
     None),
    ("ГАУ ДО «Дворец 2000», 10 июня 2021", "10 июня 2021", K.DATE, None, d(2021, 6, 10),
     (d(2021, 6, 10),), None),
    ("15.05.2022 г. Киров", "15.05.2022 г.", K.DATE, None, d(2022, 5, 15), (d(2022, 5, 15),),
     None),
    ("Киров, 2022 г.", "2022 г.", K.PERIOD, d(2022, 1, 1), d(2022, 12, 31), (), None),
    ("МБУ ДО 10 июня 2021", "10 июня 2021", K.DATE, None, d(2021, 6, 10), (d(2021, 6, 10),),
     None),
    ("Управление образования, до 15.05.2022", "до 15.05.2022", K.BY, None, d(2022, 5, 15), (),
     None),
    ("Кабинет 12, с 1 по 5 марта", "с 1 по 5 марта", K.PERIOD, d(2019, 3, 1), d(2019, 3, 5),
     (), PLAN_2019),
    ("Школа № 5 (10 - 12 июня 2003 г.)", "10 - 12 июня 2003 г.", K.PERIOD, d(2003, 6, 10),
     d(2003, 6, 12), (), None),
    ("Образовательные учреждения\n10 - 12 июня 2003 г.", "10 - 12 июня 2003 г.", K.PERIOD,
     d(2003, 6, 10), d(2003, 6, 12), (), None),
    ("10 июня 2003 в ДК «Родина»", "10 июня 2003", K.DATE, None, d(2003, 6, 10),
     (d(2003, 6, 10),), None),
    ("Центр «Точка роста» 1, 8 и 15 декабря 2021 г.", "1, 8 и 15 декабря 2021 г.", K.DATES,
     None, d(2021, 12, 15), (d(2021, 12, 1), d(2021, 12, 8), d(2021, 12, 15)), None),
    ("МАУ ДО «Дом творчества», сентябрь – октябрь", "сентябрь – октябрь", K.PERIOD,
     d(2019, 9, 1), d(2019, 10, 31), (), PLAN_2019),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "start", "end", "dates", "period"),
    EMBEDDED,
    ids=[case[0][:30] for case in EMBEDDED],
)
def test_the_date_phrase_of_a_cell_that_names_a_place_or_a_body(
    text, phrase, kind, start, end, dates, period
):
    deadline = Deadline.parse(text, period)
    assert fields(deadline) == (kind, start, end, dates)
    assert deadline.text == text  # as written, place and all
    assert deadline.date_phrase == phrase
    assert phrase in text
    assert fields(Deadline.parse(phrase, period)) == fields(deadline)


def test_a_bracket_beside_the_place_keeps_its_recurrence():
    deadline = Deadline.parse("ДК «Родина», 10 июня (ежегодно)", PLAN_2019)
    assert fields(deadline) == (K.DATE, None, d(2019, 6, 10), (d(2019, 6, 10),))
    assert deadline.recurrence is not None
    assert deadline.recurrence.value == "yearly"
    assert deadline.date_phrase == "10 июня"


@pytest.mark.parametrize(
    "text",
    [
        "ГАУ ДО «Дворец 2000»",  # a year alone inside a name
        "МБОУ СОШ № 12",
        "ул. Ленина, 15",
        "Школа № 5, кабинет 12",
        "ДК № 2, 2021",  # a year without «год», no month, no date
        "ежегодно до 20 декабря",  # two deadline phrases the grammar does not combine
        "Школа № 5, 10 июня 2021 и далее ежегодно",
        "10 ноября X 1 года",  # a placeholder
        "ДК «Родина», 10 июня; Школа № 5, 12 июля",  # two phrases: which one?
        "Киров 10.06 – Самара 12.06.2021",
        "в скором времени",
    ],
)
def test_numbers_in_names_and_doubtful_cells_are_no_deadline(text):
    deadline = Deadline.parse(text, PLAN_2019)
    assert fields(deadline) == (K.UNKNOWN, None, None, ())
    assert deadline.date_phrase is None


def test_date_phrase_of_an_empty_cell_is_none():
    assert Deadline.parse("").date_phrase is None
    assert Deadline.parse("  Август 2019 \n").date_phrase == "Август 2019"


# --- properties --------------------------------------------------------------------------------

_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                    "сентября", "октября", "ноября", "декабря")  # fmt: skip
_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
           "октябрь", "ноябрь", "декабрь")  # fmt: skip
_DASHES = st.sampled_from(["-", " - ", "–", " – ", " — "])
_YEARS = st.sampled_from(["", " 2019", " 2021 г.", " 2003 года", " 2024г."])


@st.composite
def date_phrases(draw: st.DrawFn) -> str:
    """A date phrase as roadmaps write them: a day range, a month, a date, a list of days."""
    month = draw(st.integers(0, 11))
    first = draw(st.integers(1, 28))
    last = draw(st.integers(first, 28))
    year = draw(_YEARS)
    shape = draw(st.integers(0, 6))
    if shape == 0:
        return f"{first}{draw(_DASHES)}{last} {_MONTHS_GENITIVE[month]}{year}"
    if shape == 1:
        return f"с {first} по {last} {_MONTHS_GENITIVE[month]}{year}"
    if shape == 2:
        other = draw(st.integers(month, 11))
        months = f"{_MONTHS[month]}{draw(_DASHES)}{_MONTHS[other]}" if other > month else ""
        return (months or _MONTHS[month].capitalize()) + year
    if shape == 3:
        return f"{first:02}.{month + 1:02}.{draw(st.integers(2000, 2030))}"
    if shape == 4:
        return f"{first}, {last} и {min(last + 2, 30)} {_MONTHS_GENITIVE[month]}{year}"
    if shape == 5:
        other = draw(st.integers(month, 11))
        return (f"{first} {_MONTHS_GENITIVE[month]}{draw(_DASHES)}{last} "
                f"{_MONTHS_GENITIVE[other]}{year}")  # fmt: skip
    return f"до {first} {_MONTHS_GENITIVE[month]}{year}"


_NAMES = st.sampled_from([
    "Образовательные учреждения", "МБОУ СОШ № 5", "МБОУ СОШ №12", "ДК № 2", "ДК «Родина»",
    "г. Киров", "ул. Ленина, 15", "ГАУ ДО «Дворец 2000»", "ГАУ ДО ЦРТ", "Актовый зал школы № 5",
    "кабинет 12", "Министерство образования и науки", "МАУ ДО «Дом творчества»",
    "Центр «Точка роста»", "г. Котлас, пр. Мира, д. 3",
])  # fmt: skip
_PARTS = st.sampled_from([", ", " ", "; ", "\n", ",\n"])


@settings(max_examples=150, derandomize=True, deadline=None)
@given(date_phrases(), st.lists(_NAMES, max_size=2), st.lists(_NAMES, max_size=2), _PARTS,
       _PARTS, st.none() | st.just(PLAN_2019) | st.just(SCHOOL_YEAR))  # fmt: skip
def test_a_phrase_among_names_reads_as_the_phrase_alone(phrase, before, after, left, right,
                                                         period):  # fmt: skip
    alone = Deadline.parse(phrase, period)
    assert alone.kind is not K.UNKNOWN, phrase
    head = ", ".join(before) + left if before else ""
    tail = right + ", ".join(after) if after else ""
    cell = head + phrase + tail
    deadline = Deadline.parse(cell, period)
    assert fields(deadline) == fields(alone), cell
    assert deadline.text == cell
    assert deadline.date_phrase is not None
    assert phrase.strip(" .") in deadline.date_phrase or deadline.date_phrase in phrase


_HOSTILE = st.sampled_from(["№", " ", "5", "12", ".", ",", "-", "–", "и", "с", "по", "до", "г.",
                            "года", "2021", "июня", "март", "ул.", "школа", "«", "»", "(", ")",
                            "\n", "квартал", "X", "_", "сош", "I", "ДО", "/"])  # fmt: skip


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_HOSTILE, max_size=20).map("".join)),
       st.none() | st.just(PLAN_2019) | st.just(FIVE_YEARS))  # fmt: skip
def test_the_embedded_search_never_raises(text, period):
    deadline = Deadline.parse(text, period)
    assert deadline.text == text
    phrase = deadline.date_phrase
    assert phrase is None or phrase in text


@pytest.mark.parametrize(
    "text",
    [
        "1, " * 20_000 + "мая",
        "№ 5 " * 20_000 + "10 июня 2021",
        "10 июня " * 20_000,
        "ул. " + "Ленина " * 20_000 + ", 15",
        "в " * 40_000 + "10 июня",
        "10 июня" + " в" * 40_000,
        "школ" * 20_000 + " 5",
        "квартал" * 20_000,
        "10-" * 20_000 + "12 июня",
    ],
    ids=lambda text: repr(text[:12]),
)
def test_hostile_cells_are_read_in_linear_time(text):
    started = time.process_time()
    Deadline.parse(text, PLAN_2019).date_phrase  # noqa: B018 - the work measured
    assert time.process_time() - started < 5
