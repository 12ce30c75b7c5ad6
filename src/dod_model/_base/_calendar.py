"""Calendar arithmetic and the Russian names of months, quarters and half-years.

The arithmetic never steps off the calendar a :class:`datetime.date` holds (1 January of year 1
to 31 December 9999, a common placeholder for «indefinitely»): :func:`add_years` past either
end gives ``None``, so that a loop over due dates stops where the calendar does.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dod_model._base._budgets import NUMBER_DIGITS

__all__ = [
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "add_years",
    "dotted_date",
    "month_end",
    "month_number",
    "roman_to_int",
    "school_year",
]

MONTH_NAMES = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
"""Nominative names, as a deadline cell writes them («Август 2019»)."""

# Stems with every case ending documents use: «август», «августа», «в августе», «сент.».
_MONTH_FORMS = (
    r"январ[ьяе]|янв\.?",
    r"феврал[ьяе]|фев\.?",
    r"март[ае]?|мар\.?",
    r"апрел[ьяе]|апр\.?",
    r"ма[йяе]",
    r"июн[ьяе]|июн\.?",
    r"июл[ьяе]|июл\.?",
    r"август[ае]?|авг\.?",
    r"сентябр[ьяе]|сент?\.?",
    r"октябр[ьяе]|окт\.?",
    r"ноябр[ьяе]|ноя\.?",
    r"декабр[ьяе]|дек\.?",
)
MONTH_PATTERN = "|".join(f"(?:{forms})" for forms in _MONTH_FORMS)
"""A regular expression alternative matching any form of a month name (lower case, ё as е)."""

_MONTHS = [re.compile(rf"(?:{forms})\Z") for forms in _MONTH_FORMS]

_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}


def month_number(word: str) -> int | None:
    """1 to 12 for a month name in any case form («августа» → 8), else ``None``."""
    word = word.casefold().replace("ё", "е")
    for number, pattern in enumerate(_MONTHS, start=1):
        if pattern.match(word):
            return number
    return None


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_years(day: dt.date, years: int) -> dt.date | None:
    """The same day ``years`` later; 29 February becomes 28 February in common years.

    ``None`` when that year is off the calendar (before year 1 or after 9999).
    """
    year = day.year + years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    if (day.month, day.day) == (2, 29) and not calendar.isleap(year):
        return day.replace(year=year, day=28)
    return day.replace(year=year)


def roman_to_int(text: str) -> int | None:
    """Roman (I–X) or arabic numerals to an int, else ``None``.

    Arabic numerals of more than :data:`~dod_model._base.budgets.NUMBER_DIGITS` digits are no
    number: their digits are counted before they are converted.
    """
    text = text.strip().casefold().replace("х", "x").replace("і", "i")
    if text.isdecimal():
        return int(text) if len(text) <= NUMBER_DIGITS else None
    return _ROMAN.get(text)


def school_year(first_year: int) -> tuple[dt.date, dt.date]:
    """A school year «2019/2020»: 1 September of the first year to 31 August of the next.

    The plan period of a school year covers the whole year from one 1 September to the next,
    summer included, so that no day belongs to no school year. The school year 9999/10000
    ends with the calendar, on 31 December 9999.
    """
    if first_year >= dt.MAXYEAR:
        return dt.date(dt.MAXYEAR, 9, 1), dt.date.max
    return dt.date(first_year, 9, 1), dt.date(first_year + 1, 8, 31)


def dotted_date(day: dt.date) -> str:
    """``dd.mm.yyyy``, as Russian documents write dates; four year digits even before 1000.

    ``strftime("%Y")`` drops the leading zeros on some systems («01.01.1»), and such a date
    would not read back.
    """
    return f"{day.day:02}.{day.month:02}.{day.year:04}"
