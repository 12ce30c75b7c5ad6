"""The grammar of Russian deadline cells: text → :class:`~dod_model.Deadline` and back.

:meth:`~dod_model.Deadline.parse` is total: any string gives a deadline, with kind ``unknown``
and no dates when the text has no calendar meaning the grammar can be sure of. Nothing is
guessed: an invalid date («31.13.2019») or a placeholder («10 ноября X 1 года», «___») stays
unknown.

The grammar, on the text folded to lower case with dashes, ``ё`` and spaces unified, «г.»,
«года», «годы» after a year dropped, and «31. 05.2021» mended:

==========================================  =========================================
phrase                                      meaning
==========================================  =========================================
``31.05.2021``, ``5 августа 2019``          date: ``end`` and ``dates`` that day
``до 15.08.2019``, ``не позднее …``         by: ``end`` only
``с 01.09.2020``                            from: ``start`` only
``01.01.2020-31.12.2024``                   period: both ends
``Август 2019``, ``Июнь-июль 2019``         period of whole months
``Октябрь 2019 - март 2020``                period across years
``2020 год``, ``в течение 2020 года``       period of a calendar year
``2020-2022 годы``                          period of several years
``I квартал 2023``, ``II полугодие 2021``   period of a quarter or a half-year
``2019/2020 учебный год``                   1 September 2019 … 31 August 2020
``до конца 2019 года``, ``до конца мая``    by the end of a year, month or quarter
``10 - 12 июня 2003``, ``с 10 по 12 июня``  period of days, in a month or across two
``10-12.06.2003``, ``10.06-12.06.2003``     period of days, written as dates
``1, 8, 15 декабря 2021``                   dates: each day, ``end`` the latest
``с сентября 2021``, ``с 1 сентября 2021``  from: ``start`` only
a column of dates, one per line             dates: every one, ``end`` the latest
``постоянно``                               ongoing
``ежеквартально``, ``ежегодно``, …          periodic, with its recurrence
``в течение года``                          within the year
``по отдельному графику``, ``по плану …``   as scheduled
==========================================  =========================================

Brackets hold a recurrence («(ежегодно)») or a note; words after a date that begin with «и
далее», «далее», «и в дальнейшем» are a note too. Without a year («01 ноября», «IV квартал»,
«апрель», «10 - 12 июня») a date takes its year from the roadmap's period, when given and
unambiguous (one occurrence meets the period); phrases without a calendar of their own
(ongoing, periodic, within the year, as scheduled) take the period's bounds. A cell that does
not read as a whole may hold its date phrase among other words, a place or a body («г. Киров,
ДК «Родина», 15.05.2022»): its one run of calendar words is read (see ``_date_phrase_span``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import NamedTuple

import attrs

from dod_model._base import (
    MONTH_NAMES,
    MONTH_PATTERN,
    dotted_date,
    month_end,
    month_number,
    on_first_use,
    roman_to_int,
    school_year,
)
from dod_model.model._enums import DeadlineKind, Recurrence
from dod_model.model._period import DeadlineFields, Period

__all__ = [
    "DeadlineReading",
    "date_phrase",
    "read_deadline",
    "recurrence_of",
    "render_deadline",
]


class DeadlineReading(NamedTuple):
    """What the grammar reads in a deadline cell: every field of a deadline but its text."""

    kind: DeadlineKind = DeadlineKind.NONE
    start: dt.date | None = None
    end: dt.date | None = None
    dates: tuple[dt.date, ...] = ()
    recurrence: Recurrence | None = None
    note: str | None = None


_FOLD = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": None, "ё": "е",
    }
)  # fmt: skip
_YEAR_WORDS = re.compile(r"(?<=\d)\s*(?:года|годы|годов|годах|году|год|гг|г)\.?(?![а-я])")
_SPACED_DOTS = re.compile(r"(?<=\d)\s*\.\s*(?=\d)")
_SPACES = re.compile(r"\s+")
# Spaces around a dash, those before it taken only from where their run begins: linear on a
# run of any length (``_fold`` has made every run one space by then anyway).
_DASH = re.compile(r"(?:(?<!\s)\s++)?-\s*+")


def _fold(text: str) -> str:
    """Fold a phrase for matching: the grammar's view of the text, never shown to anyone."""
    text = text.casefold().translate(_FOLD)
    text = _SPACED_DOTS.sub(".", text)
    text = _YEAR_WORDS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _DASH.sub("-", text)
    return text.strip(" .,;:")


@attrs.frozen
class _Meaning:
    kind: DeadlineKind
    start: dt.date | None = None
    end: dt.date | None = None
    dates: tuple[dt.date, ...] = ()
    recurrence: Recurrence | None = None


_Handler = Callable[[re.Match[str], Period | None], _Meaning | None]
_RULE_SOURCES: list[tuple[str, _Handler]] = []

_D = r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})"
_D2 = r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})"
_M = f"({MONTH_PATTERN})"
_Y = r"((?:19|20|21)\d\d)"
_IN = r"(?:в |во |в течение )?"
_BY = r"(?:до|не позднее|в срок до|срок до|по|к)"
_QUARTER = r"(i{1,3}|iv|[1-4])(?:-?(?:й|ом|ый))? квартал[а-я]*"
_HALF = r"(i{1,2}|[12]|перв[а-я]*|втор[а-я]*)(?:-?(?:е|ое|м|ом))? полугоди[а-я]*"


def _rule(pattern: str) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _RULE_SOURCES.append((pattern, handler))
        return handler

    return register


def _date(day: str, month: str, year: str) -> dt.date | None:
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        return dt.date(full_year, int(month), int(day))
    except ValueError:
        return None


def _in_period(
    period: Period | None, make: Callable[[int], tuple[dt.date, dt.date] | None]
) -> tuple[dt.date, dt.date] | None:
    """The one range ``make(year)`` that meets the period, for a phrase written without year.

    ``None`` when no year of the period gives one, or more than one does: «июнь» in a plan for
    2019 is June 2019, in a school-year plan the June of its second year, in a plan for
    2020–2024 any of five.
    """
    if period is None:
        return None
    met: list[tuple[dt.date, dt.date]] = []
    # From the year before: «30 декабря – 2 января» of that year may run into the period.
    for year in range(max(dt.MINYEAR, period.start.year - 1), period.end.year + 1):
        found = make(year)
        if found is not None and found[0] <= period.end and found[1] >= period.start:
            met.append(found)
            if len(met) > 1:  # «июнь» in a plan of five years: which June? no guess
                return None
    return met[0] if met else None


def _month_of(word: str) -> int:
    number = month_number(word)
    if number is None:  # pragma: no cover - the patterns admit only month names
        msg = f"not a month: {word!r}"
        raise AssertionError(msg)
    return number


def _month_range(first: int, last: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    return lambda year: (dt.date(year, first, 1), month_end(year, last))


# --- dates ---------------------------------------------------------------------------------------


@_rule(rf"{_D}")
def _single(m: re.Match[str], _: Period | None) -> _Meaning | None:
    day = _date(*m.groups())
    return None if day is None else _Meaning(DeadlineKind.DATE, end=day, dates=(day,))


@_rule(rf"{_BY} {_D}")
def _by(m: re.Match[str], _: Period | None) -> _Meaning | None:
    day = _date(*m.groups())
    return None if day is None else _Meaning(DeadlineKind.BY, end=day)


@_rule(rf"(?:с|начиная с) {_D}")
def _from(m: re.Match[str], _: Period | None) -> _Meaning | None:
    day = _date(*m.groups())
    return None if day is None else _Meaning(DeadlineKind.FROM, start=day)


@_rule(rf"(?:с )?{_D}(?:-| по | до ){_D2}")
def _range(m: re.Match[str], _: Period | None) -> _Meaning | None:
    start, end = _date(*m.groups()[:3]), _date(*m.groups()[3:])
    if start is None or end is None:
        return None
    return _Meaning(DeadlineKind.PERIOD, start=start, end=end)


@_rule(rf"(\d{{1,2}}) {_M}(?: {_Y})?")
def _day_month(m: re.Match[str], period: Period | None) -> _Meaning | None:
    return _textual(m, period, DeadlineKind.DATE)


@_rule(rf"{_BY} (\d{{1,2}}) {_M}(?: {_Y})?")
def _by_day_month(m: re.Match[str], period: Period | None) -> _Meaning | None:
    return _textual(m, period, DeadlineKind.BY)


def _textual(m: re.Match[str], period: Period | None, kind: DeadlineKind) -> _Meaning | None:
    day, month_word, year = m.groups()
    month = month_number(month_word)
    if month is None:  # pragma: no cover - the pattern admits only month names
        return None
    if year is not None:
        found = _date(day, str(month), year)
        if found is None:
            return None
    else:
        resolved = _in_period(period, lambda y: _same_day(_calendar_day(y, month, int(day))))
        if resolved is None:
            return _Meaning(kind) if 1 <= int(day) <= 31 else None
        found = resolved[0]
    if kind is DeadlineKind.BY:
        return _Meaning(kind, end=found)
    return _Meaning(kind, end=found, dates=(found,))


def _calendar_day(year: int, month: int, day: int) -> dt.date | None:
    """The day, if the calendar has it (no 30 February, no year 0 or 10000)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _same_day(day: dt.date | None) -> tuple[dt.date, dt.date] | None:
    return None if day is None else (day, day)


# --- day ranges, lists of days, «с …» -----------------------------------------------------------

_DAY = r"(\d{1,2})"
_YO = rf"(?: {_Y})?"
_TO = r"(?:-| по | до )"
_Bound = tuple[int | None, int, str | None]  # day (None: the month's first or last), month, year


def _bound_day(year: int, bound: _Bound, *, last: bool) -> dt.date | None:
    day, month, _ = bound
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    if day is None:
        return month_end(year, month) if last else dt.date(year, month, 1)
    return _calendar_day(year, month, day)


def _between(first: _Bound, last: _Bound, period: Period | None) -> _Meaning | None:
    """A period from one day (or month) to another, each with or without its year.

    A year written on one end only holds for both («10 июня – 12 июля 2003»). Without any year
    the range is dated from the period, running into the next year when its end comes before
    its start in the calendar («30 декабря – 2 января», «сентябрь – май»).
    """

    def make(year_first: int, year_last: int) -> tuple[dt.date, dt.date] | None:
        start = _bound_day(year_first, first, last=False)
        end = _bound_day(year_last, last, last=True)
        if start is None or end is None or start > end:
            return None
        return start, end

    written = [int(y) for y in (first[2], last[2]) if y is not None]
    if written:
        year_first = int(first[2]) if first[2] is not None else written[-1]
        year_last = int(last[2]) if last[2] is not None else written[0]
        found = make(year_first, year_last)
        return None if found is None else _Meaning(DeadlineKind.PERIOD, found[0], found[1])
    wraps = int(make(2000, 2000) is None)  # 2000 is a leap year: any written day exists
    if make(2000, 2000 + wraps) is None:
        return None  # «31 июня», «12-10 июня»
    resolved = _in_period(period, lambda year: make(year, year + wraps))
    if resolved is None:
        return _Meaning(DeadlineKind.PERIOD)
    return _Meaning(DeadlineKind.PERIOD, start=resolved[0], end=resolved[1])


@_rule(rf"(?:с )?{_DAY}{_TO}{_DAY} {_M}{_YO}")
def _day_range(m: re.Match[str], period: Period | None) -> _Meaning | None:
    month = _month_of(m[3])
    return _between((int(m[1]), month, m[4]), (int(m[2]), month, m[4]), period)


@_rule(rf"(?:с )?{_DAY} {_M}{_YO}{_TO}{_DAY} {_M}{_YO}")
def _day_month_range(m: re.Match[str], period: Period | None) -> _Meaning | None:
    first = (int(m[1]), _month_of(m[2]), m[3])
    return _between(first, (int(m[4]), _month_of(m[5]), m[6]), period)


@_rule(rf"с {_M}{_YO} (?:по|до) {_M}{_YO}")
def _from_month_to_month(m: re.Match[str], period: Period | None) -> _Meaning | None:
    return _between((None, _month_of(m[1]), m[2]), (None, _month_of(m[3]), m[4]), period)


@_rule(rf"(?:с )?{_DAY}{_TO}{_D}")
def _dotted_day_range(m: re.Match[str], _: Period | None) -> _Meaning | None:
    start, end = _date(m[1], m[3], m[4]), _date(m[2], m[3], m[4])
    if start is None or end is None or start > end:
        return None
    return _Meaning(DeadlineKind.PERIOD, start=start, end=end)


@_rule(rf"(?:с )?{_DAY}\.(\d{{1,2}}){_TO}{_D}")
def _dotted_day_month_range(m: re.Match[str], _: Period | None) -> _Meaning | None:
    start, end = _date(m[1], m[2], m[5]), _date(m[3], m[4], m[5])
    if start is None or end is None or start > end:
        return None
    return _Meaning(DeadlineKind.PERIOD, start=start, end=end)


_AND = r"(?:,? и |, ?)"


@_rule(rf"(\d{{1,2}}(?:{_AND}\d{{1,2}})++) {_M}{_YO}")
def _days_of_month(m: re.Match[str], period: Period | None) -> _Meaning | None:
    """«1, 8, 15 декабря 2021»: each day of the month."""
    days = [int(day) for day in m[1].replace(" и ", ",").replace(",", " ").split()]
    month = _month_of(m[2])

    def make(year: int) -> tuple[dt.date, ...] | None:
        found = [_calendar_day(year, month, day) for day in days]
        return None if None in found else tuple(d for d in found if d is not None)

    if m[3] is not None:
        dates = make(int(m[3]))
    elif make(2000) is None:  # a day no month has
        return None
    else:
        span = _in_period(period, lambda year: _extent(make(year)))
        dates = None if span is None else make(span[0].year)
        if dates is None:
            return _Meaning(DeadlineKind.DATES)
    if dates is None:
        return None
    return _Meaning(DeadlineKind.DATES, end=max(dates), dates=dates)


def _extent(dates: tuple[dt.date, ...] | None) -> tuple[dt.date, dt.date] | None:
    return None if not dates else (min(dates), max(dates))


@_rule(rf"{_D}(?:(?:,? и |; ?|, ?){_D2})++")
def _dotted_dates(m: re.Match[str], _: Period | None) -> _Meaning | None:
    """«12.05.2022, 19.05.2022 и 26.05.2022» on one line."""
    dates: list[dt.date] = []
    for written in m[0].replace(" и ", ",").replace(";", ",").replace(",", " ").split():
        day, month, year = written.split(".")
        found = _date(day, month, year)
        if found is None:
            return None
        dates.append(found)
    return _Meaning(DeadlineKind.DATES, end=max(dates), dates=tuple(dates))


@_rule(rf"(?:с|начиная с) {_DAY} {_M}{_YO}")
def _from_day_month(m: re.Match[str], period: Period | None) -> _Meaning | None:
    day = _textual(m, period, DeadlineKind.DATE)
    if day is None:
        return None
    return _Meaning(DeadlineKind.FROM, start=day.end)


@_rule(rf"(?:с|начиная с) {_M}{_YO}")
def _from_month(m: re.Match[str], period: Period | None) -> _Meaning:
    month = _month_of(m[1])
    whole = _span(m[2], _month_range(month, month), period)
    return _Meaning(DeadlineKind.FROM, start=whole.start)


# --- months, quarters, half-years, years --------------------------------------------------------


@_rule(rf"{_IN}{_M}(?: {_Y})?")
def _month(m: re.Match[str], period: Period | None) -> _Meaning | None:
    month = _month_of(m[1])
    return _span(m[2], _month_range(month, month), period)


@_rule(rf"{_IN}{_M}-{_M}(?: {_Y})?")
def _months(m: re.Match[str], period: Period | None) -> _Meaning | None:
    first, last = _month_of(m[1]), _month_of(m[2])
    if m[3] is None:  # «сентябрь – май» in a school-year plan runs into the next year
        return _between((None, first, None), (None, last, None), period)
    if first > last:  # «сентябрь-май 2020»: which September? no guess
        return None
    return _span(m[3], _month_range(first, last), period)


@_rule(rf"{_IN}{_M} {_Y}-{_M} {_Y}")
def _months_across_years(m: re.Match[str], _: Period | None) -> _Meaning | None:
    first, last = month_number(m[1]), month_number(m[3])
    if first is None or last is None:  # pragma: no cover - the pattern admits only month names
        return None
    start, end = dt.date(int(m[2]), first, 1), month_end(int(m[4]), last)
    return _Meaning(DeadlineKind.PERIOD, start=start, end=end)


@_rule(rf"{_IN}{_QUARTER}(?: {_Y})?")
def _quarter(m: re.Match[str], period: Period | None) -> _Meaning | None:
    quarter = roman_to_int(m[1])
    if quarter is None or not 1 <= quarter <= 4:
        return None
    return _span(m[2], _month_range(3 * quarter - 2, 3 * quarter), period)


@_rule(rf"{_IN}{_HALF}(?: {_Y})?")
def _half(m: re.Match[str], period: Period | None) -> _Meaning | None:
    word = m[1]
    half = 1 if word.startswith("перв") else 2 if word.startswith("втор") else roman_to_int(word)
    if half not in (1, 2):
        return None
    return _span(m[2], _month_range(6 * half - 5, 6 * half), period)


def _span(
    year: str | None,
    make: Callable[[int], tuple[dt.date, dt.date] | None],
    period: Period | None,
) -> _Meaning:
    found = make(int(year)) if year is not None else _in_period(period, make)
    if found is None:
        return _Meaning(DeadlineKind.PERIOD)
    return _Meaning(DeadlineKind.PERIOD, start=found[0], end=found[1])


@_rule(rf"(?:в течение |в |на )?{_Y}")
def _year(m: re.Match[str], _: Period | None) -> _Meaning:
    year = int(m[1])
    return _Meaning(DeadlineKind.PERIOD, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))


@_rule(rf"(?:в течение |в |на )?{_Y}-{_Y}")
def _years(m: re.Match[str], _: Period | None) -> _Meaning | None:
    first, last = int(m[1]), int(m[2])
    if first > last:
        return None
    return _Meaning(DeadlineKind.PERIOD, start=dt.date(first, 1, 1), end=dt.date(last, 12, 31))


_SCHOOL = r"(?: уч(?:\.|ебн[а-я]*) год[а-я]*)"


@_rule(rf"(?:в течение |в |на )?{_Y}/{_Y}{_SCHOOL}?|(?:в течение |в |на )?{_Y}-{_Y}{_SCHOOL}")
def _school_year(m: re.Match[str], _: Period | None) -> _Meaning | None:
    first, second = (int(g) for g in m.groups() if g is not None)
    if second != first + 1:
        return None
    start, end = school_year(first)
    return _Meaning(DeadlineKind.PERIOD, start=start, end=end)


# --- «до конца …» -------------------------------------------------------------------------------


@_rule(rf"до конца {_Y}")
def _by_year_end(m: re.Match[str], _: Period | None) -> _Meaning:
    return _Meaning(DeadlineKind.BY, end=dt.date(int(m[1]), 12, 31))


@_rule(r"до конца (?:текущего |календарного )?года")
def _by_this_year_end(_: re.Match[str], period: Period | None) -> _Meaning:
    if period is None or period.start.year != period.end.year:
        return _Meaning(DeadlineKind.BY)
    return _Meaning(DeadlineKind.BY, end=dt.date(period.end.year, 12, 31))


@_rule(rf"до (?:конца )?{_M}(?: {_Y})?")
def _by_month(m: re.Match[str], period: Period | None) -> _Meaning | None:
    month = _month_of(m[1])
    whole = _span(m[2], _month_range(month, month), period)
    if whole.start is None:
        return _Meaning(DeadlineKind.BY)
    # «до конца мая» ends with May; «до мая» ends the day before May begins.
    if m[0].startswith("до конца"):
        return _Meaning(DeadlineKind.BY, end=whole.end)
    if whole.start == dt.date.min:  # «до января» of year 1: no day before it
        return _Meaning(DeadlineKind.BY)
    return _Meaning(DeadlineKind.BY, end=whole.start - dt.timedelta(days=1))


@_rule(rf"до конца {_QUARTER}(?: {_Y})?")
def _by_quarter_end(m: re.Match[str], period: Period | None) -> _Meaning | None:
    quarter = roman_to_int(m[1])
    if quarter is None or not 1 <= quarter <= 4:
        return None
    whole = _span(m[2], _month_range(3 * quarter - 2, 3 * quarter), period)
    return _Meaning(DeadlineKind.BY, end=whole.end)


# --- phrases without a calendar of their own ----------------------------------------------------

_RECURRENCES: dict[str, Recurrence] = {
    r"ежегодно|ежегодный|(?:1 )?раз в год|каждый год": Recurrence.YEARLY,
    r"ежеквартально|ежеквартальный|(?:1 )?раз в квартал|каждый квартал": Recurrence.QUARTERLY,
    r"ежемесячно|ежемесячный|(?:1 )?раз в месяц|каждый месяц": Recurrence.MONTHLY,
    r"еженедельно|еженедельный|(?:1 )?раз в неделю|каждую неделю": Recurrence.WEEKLY,
    r"(?:1 )?раз в полугодие|каждое полугодие|раз в полгода": Recurrence.HALF_YEARLY,
}


@functools.cache
def _recurrence_rules() -> tuple[tuple[re.Pattern[str], Recurrence], ...]:
    return tuple((re.compile(p), r) for p, r in _RECURRENCES.items())


_PHRASES: dict[DeadlineKind, str] = {
    DeadlineKind.ONGOING: (
        r"постоянно|на постоянной основе|в постоянном режиме|систематически|"
        r"(?:в течение )?всего периода(?: реализации)?|весь период(?: реализации)?"
    ),
    DeadlineKind.WITHIN_YEAR: (
        r"в течени[ея] (?:всего )?(?:учебного |календарного |текущего )?года"
    ),
    DeadlineKind.AS_SCHEDULED: (
        r"по (?:отдельному )?(?:графику|плану|расписанию)(?: .*)?|"
        r"в соответствии с (?:графиком|планом|расписанием)(?: .*)?|"
        r"по мере (?:необходимости|поступления.*)|по запросу|по согласованию"
    ),
}


@functools.cache
def _phrase_rules() -> tuple[tuple[re.Pattern[str], DeadlineKind], ...]:
    return tuple((re.compile(p), k) for k, p in _PHRASES.items())


@functools.cache
def _rules() -> tuple[tuple[re.Pattern[str], _Handler], ...]:
    """The phrase rules, compiled on first use (see dod_model._base.on_first_use)."""
    return tuple((re.compile(pattern), handler) for pattern, handler in _RULE_SOURCES)


def recurrence_of(phrase: str) -> Recurrence | None:
    """The recurrence a whole phrase names («ежегодно», «1 раз в квартал»), else ``None``."""
    folded = _fold(phrase)
    for pattern, recurrence in _recurrence_rules():
        if pattern.fullmatch(folded):
            return recurrence
    return None


def _phrase(folded: str) -> _Meaning | None:
    for pattern, recurrence in _recurrence_rules():
        if pattern.fullmatch(folded):
            return _Meaning(DeadlineKind.PERIODIC, recurrence=recurrence)
    for pattern, kind in _phrase_rules():
        if pattern.fullmatch(folded):
            return _Meaning(kind)
    return None


_PLAIN_DATE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*")


def _meaning(phrase: str, period: Period | None) -> _Meaning | None:
    plain = _PLAIN_DATE.fullmatch(phrase)
    if plain is not None:  # the commonest cell line, read without folding
        return _single(plain, period)
    folded = _fold(phrase)
    if not folded:
        return None
    for pattern, handler in _rules():
        match = pattern.fullmatch(folded)
        if match is not None:
            return handler(match, period)
    return _phrase(folded)


# --- the whole cell -----------------------------------------------------------------------------

_BRACKETS = re.compile(r"\(([^()]*)\)")
# Spaces (taken from where their run begins), a comma or semicolon, or both, before the words
# of a note: what ``(?:\s+|\s*[,;]\s*)`` finds there, without trying a run of spaces at each
# of its places.
_TAIL = re.compile(
    r"(?:(?<!\s)\s++(?:[,;]\s*+)?|[,;]\s*+)"
    r"(?=(?:и далее|и в дальнейшем|далее|а также|и затем)\b)",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"[\s_.\-–—xх/]*")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _with_period(meaning: _Meaning, period: Period | None) -> _Meaning:
    """Phrases without a calendar of their own take the roadmap period's bounds."""
    undated = meaning.start is None and meaning.end is None
    if period is not None and undated and meaning.kind in _FROM_PERIOD:
        return attrs.evolve(meaning, start=period.start, end=period.end)
    return meaning


_FROM_PERIOD = frozenset(
    {
        DeadlineKind.ONGOING,
        DeadlineKind.PERIODIC,
        DeadlineKind.WITHIN_YEAR,
        DeadlineKind.AS_SCHEDULED,
    }
)


def _column(lines: list[str], period: Period | None) -> tuple[_Meaning, str | None] | None:
    """A column of dates, one per line, possibly followed by a phrase kept as the note."""
    dates: list[dt.date] = []
    for index, line in enumerate(lines):
        meaning = _meaning(line, period)
        if meaning is None or meaning.kind is not DeadlineKind.DATE or not meaning.dates:
            if len(dates) < 2:
                return None
            return _Meaning(DeadlineKind.DATES, end=max(dates), dates=tuple(dates)), _clean(
                " ".join(lines[index:])
            )
        dates.extend(meaning.dates)
    if len(dates) < 2:
        return None
    return _Meaning(DeadlineKind.DATES, end=max(dates), dates=tuple(dates)), None


def read_deadline(text: str, period: Period | None = None) -> DeadlineReading:
    """Read a deadline cell. Never raises; see the module docstring for the grammar.

    Args:
        text: The cell as written.
        period: The roadmap's period, to date phrases written without a year.

    Returns:
        The fields of the :class:`~dod_model.Deadline` whose ``text`` is ``text`` unchanged.
    """
    return _read(text, period)[0]


def date_phrase(text: str) -> str | None:
    """The words of a deadline cell its calendar is read from.

    The cell itself (stripped) when it reads as it stands; the date phrase alone when the cell
    also names a place or a body («10 - 12 июня 2003 г.» of «Образовательные учреждения 10 - 12
    июня 2003 г.»); ``None`` when nothing in it reads.

    .. versionadded:: 0.3.0
    """
    reading, span = _read(text, None)
    if span is not None:
        return text[span[0] : span[1]]
    if reading.kind in (DeadlineKind.NONE, DeadlineKind.UNKNOWN):
        return None
    return text.strip()


def _read(text: str, period: Period | None) -> tuple[DeadlineReading, tuple[int, int] | None]:
    """The reading, and where its date phrase stands when it was found among other words."""
    if not text.strip():
        return DeadlineReading(), None
    notes: list[str] = []
    recurrence: Recurrence | None = None

    def bracket(match: re.Match[str]) -> str:
        nonlocal recurrence
        inner = _clean(match[1])
        named = recurrence_of(inner) if inner else None
        if named is not None and recurrence is None:
            recurrence = named
        elif inner:
            notes.append(inner)
        return " " * len(match[0])  # offsets kept for the embedded search

    core = _BRACKETS.sub(bracket, text)
    lines = [line.strip() for line in core.splitlines() if line.strip()]
    found: tuple[_Meaning, str | None] | None = _column(lines, period) if len(lines) > 1 else None
    if found is None:
        found = _whole(_clean(core), period)
    meaning, tail = found
    span: tuple[int, int] | None = None
    if meaning.kind is DeadlineKind.UNKNOWN:
        # Among other words: out of brackets first, then in them («Школа № 5 (10 июня)»).
        embedded = _embedded(core, period)
        if embedded is None and core != text:
            embedded = _embedded(text, period)
            if embedded is not None:
                notes, recurrence = [], None
        if embedded is not None:
            meaning, span = embedded
    if tail:
        notes.insert(0, tail)
    if recurrence is not None and meaning.recurrence is None:
        meaning = attrs.evolve(meaning, recurrence=recurrence)
    meaning = _with_period(meaning, period)
    reading = DeadlineReading(
        kind=meaning.kind,
        start=meaning.start,
        end=meaning.end,
        dates=meaning.dates,
        recurrence=meaning.recurrence,
        note="; ".join(notes) if notes else None,
    )
    return reading, span


def _whole(phrase: str, period: Period | None) -> tuple[_Meaning, str | None]:
    if not phrase or _PLACEHOLDER.fullmatch(phrase):
        return _Meaning(DeadlineKind.UNKNOWN if phrase else DeadlineKind.NONE), None
    meaning = _meaning(phrase, period)
    if meaning is not None:
        return meaning, None
    for split in _TAIL.finditer(phrase):
        head = _meaning(phrase[: split.start()], period)
        if head is not None and head.kind is not DeadlineKind.UNKNOWN:
            return head, phrase[split.end() :].strip()
    return _Meaning(DeadlineKind.UNKNOWN), None


# --- a date phrase among other words ------------------------------------------------------------
#
# «Образовательные учреждения 10 - 12 июня 2003 г.», «г. Киров, ДК «Родина», 15.05.2022»: the
# cell names a place or a body beside its date phrase. The phrase is a run of calendar words
# (numbers, dates, month names, «г.» after a number, «с», «по», «до» …) found in the text as
# written (offsets kept: the part that was the date can be shown); numbers that name a school,
# a house or a room («№ 5», «СОШ 12», «ул. Ленина, 15») are masked first, so they are not days.
# The run is taken only when it is the cell's one run of calendar words, holds a month name, a
# full date or a year with «год»/«г.», reads as a whole, and the rest of the cell holds no
# deadline words («ежегодно», «в течение», …) the grammar would have to combine with it.

_UNIFY = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "ё": "е",
        "Ё": "Е",
    }
)  # one character for one: offsets stay those of the text as written
_NOT_LETTER = r"(?![а-яА-Яa-zA-Z])"
_YEAR_WORD = rf"(?:\s?(?i:года|годы|годов|году|год|гг|г)\.?{_NOT_LETTER})?+"
_CALENDAR_TOKEN = (
    r"(?>\d{4}\s?/\s?\d{4}(?!\d)"
    rf"|\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}})(?!\d){_YEAR_WORD}"
    r"|\d{1,2}\.\d{1,2}(?!\d|\.\d)"
    rf"|\d{{1,4}}(?!\d|\.\d){_YEAR_WORD}"
    rf"|(?i:{MONTH_PATTERN}){_NOT_LETTER}"
    rf"|(?i:iv|i{{1,3}})(?![a-zA-Z])"
    rf"|(?i:квартал|полугоди)[а-яА-Я]*+"
    rf"|(?i:уч(?:\.|ебн[а-я]*+)\s++год[а-я]*+)"
    rf"|(?:не позднее|[нН]ачиная с|[вВ] срок до|[вВ] течение|[сС]о?|[пП]о|[дД]о(?: конца)?|[кК]"
    rf"|[вВ]о?|[нН]а){_NOT_LETTER})"
)
# Runs of tokens parted by spaces, a dash or a comma, «и» («1, 8 и 15 декабря»).
_CALENDAR_RUN = on_first_use(
    rf"(?<![\w.№/\-]){_CALENDAR_TOKEN}"
    rf"(?:(?:\s*+[-,]\s*+|\s++)(?:и\s++)?+{_CALENDAR_TOKEN})*+"
)
_NOT_DAYS = on_first_use(
    r"(?:№|(?<![а-яА-Яa-zA-Z])(?:(?i:n|no|номер|д|дом|корп|корпус|стр|строение|каб|кабинет|ауд"
    r"|аудитория|оф|офис|пом|кв|сош|оош|нош|школ[а-я]*+|лице[а-я]*+|гимнази[а-я]*+|доу|дк|дши"
    r"|д/с|сад[а-я]*+|группа)\.?|(?i:ул|улица|пр|пр-т|просп|проспект|пер|переулок|б-р|бульвар"
    r"|наб|набережная|ш|шоссе|пл|площадь|мкр|микрорайон)\.?\s[^,;\d\n]{1,40}?,?))"
    r"\s*+№?\s*+(\d++)"
)
_CALENDAR_WORDS = on_first_use(
    rf"(?:{MONTH_PATTERN}){_NOT_LETTER}|\d\.\d|\d\s?(?:год|гг?{_NOT_LETTER})|квартал|полугоди"
    r"|учебн",
    re.IGNORECASE,
)
_DATE_ANCHOR = on_first_use(
    rf"(?:{MONTH_PATTERN}){_NOT_LETTER}|\d\.\d{{1,2}}\.\d\d|\d{{4}}\s?(?:год|гг?{_NOT_LETTER})"
    r"|\d{4}\s?/\s?\d{4}|(?:квартал|полугоди)[а-я]{0,3}\s\d{4}",
    re.IGNORECASE,
)
_DEADLINE_WORDS = on_first_use(
    r"ежегодн|ежекварт|ежемесячн|еженедельн|раз в (?:год|квартал|месяц|недел|пол)|постоянн"
    r"|течени|по мере|по (?:отдельному )?(?:графику|плану|расписанию)|в соответствии с|далее"
    r"|срок|_{2,}",
    re.IGNORECASE,
)


def _masked(text: str) -> str:
    """The text with the numbers that name a school, a house, a room made ``#``."""
    pieces: list[str] = []
    done = 0
    for match in _NOT_DAYS().finditer(text):
        pieces += [text[done : match.start(1)], "#" * len(match[1])]
        done = match.end(1)
    return "".join([*pieces, text[done:]])


def _date_phrase_span(text: str) -> tuple[int, int] | None:
    """Where the one run of calendar words of a cell stands, if it may be its date phrase."""
    unified = _masked(text.translate(_UNIFY))
    calendar = [m.span() for m in _CALENDAR_RUN().finditer(unified)
                if _CALENDAR_WORDS().search(m[0])]  # fmt: skip
    if len(calendar) != 1:
        return None
    start, end = calendar[0]
    end = _without_trailing_words(unified, start, end)
    if not _DATE_ANCHOR().search(unified, start, end):
        return None
    if _DEADLINE_WORDS().search(f"{text[:start]} {text[end:]}"):
        return None
    return start, end


# Words that lead a date phrase in, never end one: «10 июня в ДК …» ends before «в».
_LEADING_WORDS = frozenset(
    {"с", "со", "по", "до", "к", "в", "во", "на", "и", "конца", "течение", "позднее", "срок"}
)


def _without_trailing_words(text: str, start: int, end: int) -> int:
    """The end of the run ``text[start:end]`` before any leading words it ends with."""
    marks = " ,-\n\t"
    while True:  # each character looked at once: linear in the run
        while end > start and text[end - 1] in marks:
            end -= 1
        cut = end
        while cut > start and text[cut - 1] not in marks:
            cut -= 1
        if cut == start or text[cut:end].casefold() not in _LEADING_WORDS:
            return end
        end = cut


def _embedded(text: str, period: Period | None) -> tuple[_Meaning, tuple[int, int]] | None:
    span = _date_phrase_span(text)
    if span is None:
        return None
    meaning = _meaning(text[span[0] : span[1]], period)
    if meaning is None or meaning.kind is DeadlineKind.UNKNOWN:
        return None
    return meaning, span


# --- rendering ----------------------------------------------------------------------------------

_PHRASE_TEXT = {
    DeadlineKind.ONGOING: "постоянно",
    DeadlineKind.WITHIN_YEAR: "в течение года",
    DeadlineKind.AS_SCHEDULED: "по отдельному графику",
}
_RECURRENCE_TEXT = {
    Recurrence.YEARLY: "ежегодно",
    Recurrence.QUARTERLY: "ежеквартально",
    Recurrence.MONTHLY: "ежемесячно",
    Recurrence.WEEKLY: "еженедельно",
    Recurrence.HALF_YEARLY: "раз в полугодие",
}


@functools.cache
def _year_pattern() -> re.Pattern[str]:
    return re.compile(_Y)


def _period_text(start: dt.date, end: dt.date) -> str:
    years = _year_pattern()
    readable = years.fullmatch(str(start.year)) and years.fullmatch(str(end.year))
    whole_months = (
        bool(readable) and start.day == 1 and end == month_end(end.year, end.month) and start <= end
    )  # years the phrases do not read («5 год») are written as dates
    if whole_months and (start.month, end.month) == (9, 8) and end.year == start.year + 1:
        return f"{start.year}/{end.year} учебный год"
    if whole_months and (start.month, end.month) == (1, 12):
        if start.year == end.year:
            return f"{start.year} год"
        return f"{start.year}-{end.year} годы"
    if whole_months and start.year == end.year:
        first = MONTH_NAMES[start.month - 1].capitalize()
        if start.month == end.month:
            return f"{first} {start.year}"
        return f"{first}-{MONTH_NAMES[end.month - 1]} {end.year}"
    if whole_months:
        first = MONTH_NAMES[start.month - 1].capitalize()
        return f"{first} {start.year} - {MONTH_NAMES[end.month - 1]} {end.year}"
    return f"{dotted_date(start)}-{dotted_date(end)}"


def render_deadline(deadline: DeadlineFields) -> str:
    """Canonical text of a deadline: what :meth:`~dod_model.Deadline.parse` reads back to it.

    A deadline of kind ``unknown``, or whose fields no phrase of the grammar states, renders as
    its own text.
    """
    kind, start, end = deadline.kind, deadline.start, deadline.end
    recurrence = deadline.recurrence
    body: str | None = None
    if kind is DeadlineKind.NONE and not deadline.note and recurrence is None:
        return ""
    if kind is DeadlineKind.DATE and end is not None and deadline.dates == (end,) and start is None:
        body = dotted_date(end)
    elif kind is DeadlineKind.BY and end is not None and start is None and not deadline.dates:
        body = f"до {dotted_date(end)}"
    elif kind is DeadlineKind.FROM and start is not None and end is None and not deadline.dates:
        body = f"с {dotted_date(start)}"
    elif kind is DeadlineKind.PERIOD and start and end and not deadline.dates:
        body = _period_text(start, end)
    elif (
        kind is DeadlineKind.DATES
        and len(deadline.dates) >= 2
        and end == max(deadline.dates)
        and start is None
    ):
        body = "\n".join(dotted_date(day) for day in deadline.dates)
    elif kind is DeadlineKind.PERIODIC and recurrence is not None and start is end is None:
        body, recurrence = _RECURRENCE_TEXT[recurrence], None
    elif kind in _PHRASE_TEXT and start is end is None and not deadline.dates:
        body = _PHRASE_TEXT[kind]
    if body is None:
        return deadline.text
    if recurrence is not None:
        body += f" ({_RECURRENCE_TEXT[recurrence]})"
    if deadline.note:
        body += f"\n({deadline.note})"
    return body
