"""The iCalendar exporter: a roadmap's deadlines as calendar events (RFC 5545)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args

import attrs

from dod_model._base import month_end
from dod_model.model import Activity, DeadlineKind, Period, Roadmap, Section

if TYPE_CHECKING:
    import icalendar

__all__ = ["ICS_MODES", "CalendarPlan", "Completed", "IcsExporter", "IcsMode", "PlannedEvent",
           "regular_rule"]  # fmt: skip

IcsMode = Literal["events", "due", "todo"]
"""What an :class:`IcsExporter` writes: events over each deadline's days, one-day events on
its due dates only, or to-dos (``VTODO``) due on them."""
ICS_MODES: tuple[IcsMode, ...] = get_args(IcsMode)
"""The modes, in the order the exporters ``ics``, ``ics-due`` and ``ics-todo`` have them."""
Completed = Callable[[Activity], tuple[bool | None, dt.date | None]]
"""What says an activity is done: ``(True, day or None)``, ``(False, None)`` when it says it
is not, ``(None, None)`` when nothing does."""
_NAMES: dict[IcsMode, str] = {"events": "ics", "due": "ics-due", "todo": "ics-todo"}
_UID_TAGS: dict[IcsMode, str] = {"events": "", "due": "-due", "todo": "-todo"}

_SAFE_NUMBER = re.compile(r"[0-9A-Za-z.]{1,40}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_PRODID = "-//dod-model//roadmap calendar//RU"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _month_end(day: dt.date) -> bool:
    return day == month_end(day.year, day.month)


def regular_rule(days: Sequence[dt.date]) -> dict[str, Any] | None:
    """An RRULE that gives exactly ``days`` from the first of them, or ``None``.

    Recognised: the same day every year; the same day of the month every *k* months; the last
    day of the month every *k* months (quarter ends, half-year ends); every week.

    Args:
        days: Distinct due dates in order, at least two.

    Returns:
        The rule's parts as :mod:`icalendar` takes them (``freq``, ``interval``, ``bymonthday``,
        ``count``).

    >>> import datetime as dt
    >>> from dod_model.exporters import regular_rule
    >>> regular_rule([dt.date(2020, 3, 31), dt.date(2020, 6, 30), dt.date(2020, 9, 30)])
    {'freq': 'monthly', 'interval': 3, 'bymonthday': -1, 'count': 3}

    .. versionadded:: 0.2.0
    """
    pairs = list(itertools.pairwise(days))
    if len(days) < 2 or any(a >= b for a, b in pairs):
        return None
    count = len(days)
    if all((b - a).days == 7 for a, b in pairs):
        return {"freq": "weekly", "count": count}
    step = _months_between(days[0], days[1])
    if step < 1 or any(_months_between(a, b) != step for a, b in pairs):
        return None
    same_day = all(day.day == days[0].day for day in days)
    rule: dict[str, Any]
    if same_day:
        # Every step lands on a day that exists, so the rule skips none of them.
        yearly = step % 12 == 0
        rule = {"freq": "yearly" if yearly else "monthly"}
        interval = step // 12 if yearly else step
    elif all(_month_end(day) for day in days):
        rule = {"freq": "monthly"}
        interval = step
    else:
        return None
    if interval > 1:
        rule["interval"] = interval
    if not same_day:
        rule["bymonthday"] = -1
    rule["count"] = count
    return rule


@attrs.frozen(kw_only=True)
class PlannedEvent:
    """One all-day calendar event of an activity.

    Attributes:
        activity: The activity.
        uid: Its UID, stable across exports of the same document.
        start: The first day.
        end: The day after the last (iCalendar's exclusive ``DTEND``); ``None`` when the
            last is 31 December 9999, the last day a date can hold (a common placeholder for
            «indefinitely»): the calendar then gives the event's length (``DURATION``).
        rule: The recurrence (RRULE parts), when the due dates are regular.
        section: The section the activity stands in, ``None`` outside sections.

    .. versionadded:: 0.2.0
    """

    activity: Activity
    uid: str
    start: dt.date
    end: dt.date | None
    rule: dict[str, Any] | None = None
    section: Section | None = None

    @property
    def last(self) -> dt.date:
        """The day the event ends on, and a to-do is due.

        .. versionadded:: 0.3.0
        """
        return dt.date.max if self.end is None else self.end - dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class CalendarPlan:
    """The events a roadmap gives, and the activities without a calendar meaning.

    Attributes:
        events: The events (or to-dos), in document order.
        skipped: Activities left out, no date known: no due date and no period, named or the
            plan's («постоянно» or «в течение года» in a plan without a period, «по отдельному
            графику», an empty cell, a deadline not understood); in the ``due`` mode also those
            without a due date («постоянно», «с 01.09.2020»).
        mode: What the events are (:data:`IcsMode`).

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       ``mode``; «по отдельному графику» is skipped, not spread over the plan's period.
    """

    events: tuple[PlannedEvent, ...] = ()
    skipped: tuple[Activity, ...] = ()
    mode: IcsMode = "events"

    @property
    def dated(self) -> int:
        """How many activities have an event.

        .. versionadded:: 0.3.0
        """
        return len({id(event.activity) for event in self.events})


def _calendar_key(roadmap: Roadmap) -> str:
    """What names the plan across its editions and renderings: title, region, municipality.

    Not the document's hash: a new edition, or the Word file beside a text export, must update
    the same events rather than add copies.
    """
    seed = "\x1f".join((" ".join(roadmap.title.casefold().split()), roadmap.region or "",
                        roadmap.municipality or ""))  # fmt: skip
    return hashlib.sha256(seed.encode()).hexdigest()[:16]


def _number_keys(activities: Sequence[Activity]) -> Iterator[str]:
    seen: dict[str, int] = {}
    for index, activity in enumerate(activities, start=1):
        number = activity.number
        if not number:
            key = f"row{index}"
        elif _SAFE_NUMBER.fullmatch(number):
            key = number
        else:
            key = "n" + hashlib.sha256(number.encode()).hexdigest()[:12]
        seen[key] = seen.get(key, 0) + 1
        yield key if seen[key] == 1 else f"{key}~{seen[key]}"


def _year_spans(activity: Activity, period: Period | None) -> list[tuple[dt.date, dt.date]]:
    """«В течение года»: each year of the span it runs over, from its first day to its last."""
    deadline = activity.deadline
    window = deadline.period or period
    if window is None:
        return []
    spans, start = [], window.start
    for end in sorted(set(deadline.due_dates(period))):  # each year's last day, the plan's end
        if start <= end:
            spans.append((start, end))
            start = end + dt.timedelta(days=1) if end < dt.date.max else end
    return spans


def _spans(
    activity: Activity, period: Period | None, mode: IcsMode
) -> list[tuple[dt.date, dt.date]]:
    """First and last days of the activity's events (or to-dos) in ``mode``."""
    deadline = activity.deadline
    kind = deadline.kind
    if mode == "due":
        return [(day, day) for day in sorted(set(deadline.due_dates(period)))]
    own = deadline.period
    if kind is DeadlineKind.PERIOD and own is not None and deadline.recurrence is None:
        return [(own.start, own.end)]
    if kind is DeadlineKind.WITHIN_YEAR:
        return _year_spans(activity, period)
    if kind is DeadlineKind.AS_SCHEDULED:
        return []  # «по отдельному графику»: the dates are in another document
    days = sorted(set(deadline.due_dates(period)))
    if not days and kind is DeadlineKind.FROM and deadline.start is not None and mode == "events":
        days = [deadline.start]  # an event on the day it opens; a to-do has nothing due then
    if not days and deadline.start is not None and deadline.end is not None:
        return [(deadline.start, deadline.end)]  # «постоянно» over the plan's period
    return [(day, day) for day in days]


def _day_after(day: dt.date) -> dt.date | None:
    """The exclusive end of an event whose last day is ``day``; ``None`` after 31.12.9999."""
    return None if day == dt.date.max else day + dt.timedelta(days=1)


def plan_calendar(roadmap: Roadmap, mode: IcsMode = "events") -> CalendarPlan:
    """The events (or to-dos) of a roadmap: see :class:`IcsExporter`."""
    key = _calendar_key(roadmap)
    tag = _UID_TAGS[mode]
    sectioned = list(roadmap.iter_sectioned())
    keys = _number_keys([activity for _, activity in sectioned])
    events: list[PlannedEvent] = []
    skipped: list[Activity] = []
    for (section, activity), number in zip(sectioned, keys, strict=True):
        spans = _spans(activity, roadmap.period, mode)
        rule = _rule(spans) if mode != "todo" else None
        if not spans:
            skipped.append(activity)
        elif len(spans) == 1 or rule is not None:
            (start, last), *_ = spans
            uid = f"{key}-{number}{tag}@dod-model"
            events.append(
                PlannedEvent(
                    activity=activity,
                    uid=uid,
                    start=start,
                    end=_day_after(last),
                    rule=rule,
                    section=section,
                )
            )
        else:  # irregular dates, or to-dos: one each, numbered in date order
            events.extend(
                PlannedEvent(
                    activity=activity,
                    uid=f"{key}-{number}-{k}{tag}@dod-model",
                    start=s,
                    end=_day_after(e),
                    section=section,
                )
                for k, (s, e) in enumerate(spans, start=1)
            )
    return CalendarPlan(events=tuple(events), skipped=tuple(skipped), mode=mode)


def _rule(spans: Sequence[tuple[dt.date, dt.date]]) -> dict[str, Any] | None:
    """The RRULE of spans that start regularly and last alike (a year of 365 days, not 366)."""
    if len(spans) < 2 or len({(last - start).days for start, last in spans}) > 1:
        return None
    return regular_rule([start for start, _ in spans])


def _text(text: str) -> str:
    """Text as iCalendar TEXT allows it: Word's manual line breaks as newlines, no controls."""
    text = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    )
    return _CONTROL.sub("", text)


def _description(activity: Activity, section: Section | None) -> str:
    parts = []
    if section is not None:
        heading = f"{section.number}. {section.title}" if section.number else section.title
        parts.append(f"Раздел {heading}")
    parts.append(f"Срок: {activity.deadline.text}")
    parts += [f"Результат: {result.text}" for result in activity.results]
    if activity.responsible:
        parts.append("Ответственные: " + "; ".join(p.name for p in activity.responsible))
    return _text("\n".join(parts))


def _stamp(roadmap: Roadmap) -> dt.datetime:
    day = roadmap.approval.date if roadmap.approval and roadmap.approval.date else None
    day = day or (roadmap.period.start if roadmap.period else None)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else _EPOCH


class IcsExporter:
    """A roadmap as an iCalendar file: all-day events, or to-dos, for its deadlines.

    In the ``events`` mode (the ``ics`` exporter) every activity with a calendar meaning gives
    one event:

    * a deadline naming a period («Июнь-июль 2019», «Сентябрь 2019 года», «в течение 2020
      года») spans it, ``DTSTART`` to the day after its last (``DTEND`` is exclusive);
    * «в течение года» spans the plan's period, one event a year of it in a longer plan;
      «постоянно» spans the plan's period;
    * due dates (:meth:`dod_model.Deadline.due_dates` over the roadmap's period: a date, a
      column of dates, «ежеквартально», «с 01.09.2020 (ежегодно)») give one event that recurs
      (RRULE, :func:`regular_rule`) when they are regular, else one event per date;
    * «с 01.09.2020» without a recurrence gives its first day.

    The ``due`` mode (``ics-due``) gives one-day events on the due dates only: a period's last
    day, each year's last day of «в течение года»; «постоянно» and «с 01.09.2020» have none.
    The ``todo`` mode (``ics-todo``) gives a ``VTODO`` per due date, ``DUE`` on it, and for a
    period ``DTSTART`` on its first day; with ``completed``, ``STATUS`` says which are done.

    Activities without a date are skipped; the calendar counts them in
    ``X-DOD-MODEL-SKIPPED`` (:meth:`plan` lists them).

    UIDs are built from what names the plan (its title, region and municipality) and the
    activity's number, so that importing a new export of the plan (its Word file beside its
    text export, or a new edition under the same title) updates the events instead of adding
    copies. ``DTSTAMP`` is the day the plan was approved, else the
    first day of its period, else 1970-01-01: the same roadmap always gives the same bytes.

    Args:
        mode: What to write (:data:`IcsMode`).
        completed: For to-dos, what says an activity is done (:data:`Completed`); the
            ``core`` plugin passes one that reads :attr:`dod_model.Activity.completion`.
            Without it no ``STATUS`` is written.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       ``mode`` and ``completed``; «в течение года» spans the plan's period.
    """

    suffixes = (".ics",)
    media_type = "text/calendar"

    def __init__(self, mode: IcsMode = "events", *, completed: Completed | None = None) -> None:
        if mode not in _NAMES:
            msg = f"no iCalendar mode {mode!r}; the modes are {', '.join(ICS_MODES)}"
            raise ValueError(msg)
        self.mode: IcsMode = mode
        self.completed = completed

    @property
    def name(self) -> str:
        """``ics``, ``ics-due`` or ``ics-todo``, by the mode."""
        return _NAMES[self.mode]

    def plan(self, roadmap: Roadmap) -> CalendarPlan:
        """The events the roadmap gives and the activities skipped."""
        return plan_calendar(roadmap, self.mode)

    def calendar(self, roadmap: Roadmap) -> icalendar.Calendar:
        """The roadmap as an :class:`icalendar.Calendar`."""
        import icalendar  # noqa: PLC0415 - a heavy import, needed only when calendars are written

        plan = plan_calendar(roadmap, self.mode)
        stamp = _stamp(roadmap)
        calendar = icalendar.Calendar()
        calendar.add("prodid", _PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        title = " ".join(_text(roadmap.title).split())
        if title:
            calendar.add("name", title)
            calendar.add("x-wr-calname", title)
        calendar.add("x-dod-model-skipped", str(len(plan.skipped)))
        for planned in plan.events:
            activity = planned.activity
            if self.mode == "todo":
                component: icalendar.Component = icalendar.Todo()
                _add_todo_dates(component, planned)
                self._add_status(component, activity)
            else:
                component = icalendar.Event()
                _add_event_dates(component, planned)
                component.add("transp", "TRANSPARENT")
            component.add("uid", planned.uid)
            component.add("dtstamp", stamp)
            summary = " ".join(_text(f"{activity.number}. {activity.title}").split())
            component.add("summary", summary.removeprefix(". "))
            component.add("description", _description(activity, planned.section))
            calendar.add_component(component)
        return calendar

    def _add_status(self, todo: icalendar.Component, activity: Activity) -> None:
        done, day = self.completed(activity) if self.completed else (None, None)
        if done:
            todo.add("status", "COMPLETED")
            todo.add("percent-complete", 100)
            if day is not None:  # COMPLETED is a UTC date-time
                todo.add("completed", dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))
        elif done is False:
            todo.add("status", "NEEDS-ACTION")

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap as iCalendar bytes (UTF-8, CRLF lines folded at 75 octets)."""
        data: bytes = self.calendar(roadmap).to_ical()
        return data


def _add_event_dates(event: icalendar.Component, planned: PlannedEvent) -> None:
    event.add("dtstart", planned.start)
    if planned.end is not None:
        event.add("dtend", planned.end)
    else:  # no day follows the last one a date can hold: the length says it
        event.add("duration", dt.timedelta(days=(dt.date.max - planned.start).days + 1))
    if planned.rule is not None:
        event.add("rrule", planned.rule)


def _add_todo_dates(todo: icalendar.Component, planned: PlannedEvent) -> None:
    """``DUE`` on the last day; ``DTSTART`` only before it (RFC 5545: ``DUE`` is later)."""
    if planned.start < planned.last:
        todo.add("dtstart", planned.start)
    todo.add("due", planned.last)
