"""Due dates and status of a deadline on a given day, recurrences expanded.

Expansion stops where the calendar does: a deadline «с 01.01.9999 (ежегодно)» is due on
1 January 9999 and on no day after 31 December 9999. It also stops after
:data:`~dod_model._base.budgets.DUE_DATES` dates, so that «еженедельно» in a plan «from
01.01.0001 to 31.12.9999» costs what it costs in a plan of twenty years; such a deadline
stays ``due`` past its last date counted.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator

from dod_model._base import add_years, budgets, month_end
from dod_model.model._enums import DeadlineKind, DeadlineStatus, Recurrence
from dod_model.model._period import DeadlineFields, Period

__all__ = ["deadline_status", "due_dates", "opening_day", "status_from"]

_MONTHS_PER_STEP = {
    Recurrence.MONTHLY: 1,
    Recurrence.QUARTERLY: 3,
    Recurrence.HALF_YEARLY: 6,
    Recurrence.YEARLY: 12,
}


_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(weeks=1)

_OWN_WINDOW = frozenset(
    {
        DeadlineKind.PERIODIC,
        DeadlineKind.WITHIN_YEAR,
        DeadlineKind.ONGOING,
        DeadlineKind.AS_SCHEDULED,
    }
)


def _window(deadline: DeadlineFields, period: Period | None) -> Period | None:
    """The span a deadline repeats or runs over.

    Its own bounds for phrases resolved against the roadmap's period, else that period, else its
    own start … end.
    """
    own = deadline.period
    if own is not None and deadline.kind in _OWN_WINDOW:
        return own
    return period or own


_UNDATED = frozenset({DeadlineKind.NONE, DeadlineKind.UNKNOWN})


def _year_ends(window: Period) -> Iterator[dt.date]:
    """The last day of each year of a window, counted from its start, and the window's end.

    A plan of calendar years gives each 31 December; a school-year plan (1 September … 31
    August) each 31 August. A last, shorter year ends with the window.
    """
    count = 1
    while (after := add_years(window.start, count)) is not None:
        end = after - _DAY  # the year after the start is never the calendar's first day
        if end >= window.end:
            break
        yield end
        count += 1
    yield window.end


def _counted(days: Iterable[dt.date]) -> tuple[dt.date, ...]:
    """The first :data:`~dod_model._base.budgets.DUE_DATES` of ``days``, the rest not made."""
    return tuple(itertools.islice(days, budgets.DUE_DATES))


def _calendar_ends(recurrence: Recurrence, window: Period) -> Iterator[dt.date]:
    """Ends of the months, quarters, half-years or years (or Sundays) in a window.

    Years are counted from the window's start (:func:`_year_ends`); the shorter steps are
    calendar months, quarters and half-years.
    """
    if recurrence is Recurrence.YEARLY:
        yield from _year_ends(window)
        return
    if recurrence is Recurrence.WEEKLY:
        sunday = 6 - window.start.weekday()
        if (window.end - window.start).days < sunday:
            return
        day = window.start + dt.timedelta(days=sunday)
        while True:
            yield day
            if (window.end - day).days < _WEEK.days:
                return
            day += _WEEK
    step = _MONTHS_PER_STEP[recurrence]
    year, month = window.start.year, window.start.month
    month = ((month - 1) // step + 1) * step  # the last month of the step the window opens in
    while year <= dt.MAXYEAR and (end := month_end(year, month)) <= window.end:
        yield end
        month += step
        if month > 12:
            year, month = year + 1, month - 12


def _from_anchor(anchor: dt.date, recurrence: Recurrence, window: Period) -> Iterator[dt.date]:
    """``anchor`` and every step after it within the window, up to the calendar's end."""
    count = 0
    day: dt.date | None = anchor
    while day is not None and day <= window.end:
        yield day
        count += 1
        if recurrence is Recurrence.WEEKLY:
            weeks = (window.end - anchor).days // _WEEK.days
            day = anchor + _WEEK * count if count <= weeks else None
        else:
            months = _MONTHS_PER_STEP[recurrence] * count
            years, month_index = divmod(anchor.month - 1 + months, 12)
            day = add_years(anchor, years)
            if day is not None:
                last = month_end(day.year, month_index + 1).day
                day = day.replace(month=month_index + 1, day=min(anchor.day, last))


def due_dates(deadline: DeadlineFields, period: Period | None = None) -> tuple[dt.date, ...]:
    """Every date by which the activity is due, in order, recurrences expanded.

    Years are counted from the start of the span a deadline repeats over: in a school-year plan
    (1 September … 31 August) «ежегодно» and «в течение года» are due each 31 August, in a plan
    of calendar years each 31 December; a shorter last year is due at the plan's end. A period
    with a recurrence («01.01.2020 -31.12.2024 (ежегодно)») repeats over its own span.

    Args:
        deadline: The deadline.
        period: The roadmap's period; recurring and year-long deadlines repeat across it.
            Without it, the deadline's own ``start`` … ``end`` is used where it has both.

    Returns:
        The due dates, at most :data:`~dod_model._base.budgets.DUE_DATES` (the first ones);
        empty for ongoing and scheduled activities, for an empty cell and for deadlines that
        were not understood.
    """
    kind, recurrence = deadline.kind, deadline.recurrence
    if kind in _UNDATED:
        return ()
    window = _window(deadline, period)
    if kind is DeadlineKind.PERIODIC:
        if recurrence is None or window is None:
            return ()
        return _counted(_calendar_ends(recurrence, window))
    if kind is DeadlineKind.WITHIN_YEAR:
        return _counted(_year_ends(window)) if window is not None else ()
    own = deadline.period
    if kind is DeadlineKind.PERIOD and recurrence is not None and own is not None:
        return _counted(_calendar_ends(recurrence, own))
    anchor = deadline.start if kind is DeadlineKind.FROM else deadline.end
    if recurrence is not None and anchor is not None and window is not None:
        span = Period(anchor, max(anchor, window.end))
        return _counted(_from_anchor(anchor, recurrence, span))
    if kind is DeadlineKind.DATES:
        return tuple(sorted(deadline.dates))
    if kind in (DeadlineKind.DATE, DeadlineKind.BY, DeadlineKind.PERIOD) and deadline.end:
        return (deadline.end,)
    return ()


def opening_day(deadline: DeadlineFields, period: Period | None = None) -> dt.date | None:
    """The day a deadline's span opens: its own start, else the start of the span it runs over.

    Before that day the deadline is ``upcoming`` (:meth:`dod_model.Deadline.status`).

    Args:
        deadline: The deadline.
        period: The roadmap's period.
    """
    window = _window(deadline, period)
    return deadline.start or (window.start if window else None)


def deadline_status(
    deadline: DeadlineFields, on: dt.date, period: Period | None = None
) -> DeadlineStatus:
    """Where a deadline stands on a day.

    * ``upcoming``: its period has not begun;
    * ``due``: it is under way, or a due date is still ahead;
    * ``overdue``: every due date has passed, or the span an undated deadline («постоянно»)
      runs over has ended, the plan's period included: a deadline says when the work was due,
      never that it was done (:func:`dod_model.status` takes what says so);
    * ``unknown``: the cell is empty or was not understood, or the deadline names no date and
      no period gives it one.

    ``done-by-period-end`` is no longer given (deprecated in 0.3.0).

    Args:
        deadline: The deadline.
        on: The day to judge on.
        period: The roadmap's period.
    """
    return status_from(deadline, on, period, due_dates(deadline, period))


def status_from(
    deadline: DeadlineFields, on: dt.date, period: Period | None, dues: tuple[dt.date, ...]
) -> DeadlineStatus:
    """Where a deadline stands on a day, from its due dates already expanded.

    What :meth:`dod_model.Deadline.status` says, for ``dues`` as
    :meth:`dod_model.Deadline.due_dates` gives them: a caller that has them saves expanding
    them again.
    """
    if deadline.kind in _UNDATED:
        return DeadlineStatus.UNKNOWN
    window = _window(deadline, period)
    opens = opening_day(deadline, period)
    if not dues and window is None:
        return DeadlineStatus.UNKNOWN
    if opens is not None and on < opens:
        return DeadlineStatus.UPCOMING
    plan_end = period.end if period else (window.end if window else None)
    if plan_end is not None and on > plan_end and (not dues or on > dues[-1]):
        return DeadlineStatus.OVERDUE  # the plan is over; nothing here says the work was done
    if not dues or on <= dues[-1] or _cut_short(deadline, dues):
        return DeadlineStatus.DUE
    return DeadlineStatus.OVERDUE


def _cut_short(deadline: DeadlineFields, dues: tuple[dt.date, ...]) -> bool:
    """Whether ``dues`` are the first of a recurrence's dates only: more are still ahead."""
    repeats = deadline.kind in _REPEATING or deadline.recurrence is not None
    return repeats and len(dues) >= budgets.DUE_DATES


_REPEATING = frozenset({DeadlineKind.PERIODIC, DeadlineKind.WITHIN_YEAR})
