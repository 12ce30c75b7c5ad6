"""The iCalendar exporter: a roadmap's deadlines as calendar events (RFC 5545)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from dod_model._base import month_end
from dod_model.model import Activity, DeadlineKind, Period, Roadmap, Section

if TYPE_CHECKING:
    import icalendar

__all__ = ["CalendarPlan", "IcsExporter", "PlannedEvent", "regular_rule"]

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


@attrs.frozen(kw_only=True)
class CalendarPlan:
    """The events a roadmap gives, and the activities without a calendar meaning.

    Attributes:
        events: The events, in document order.
        skipped: Activities left out: no due date and no period, named or the plan's
            («постоянно» in a plan without a period, «по отдельному графику», an empty cell).

    .. versionadded:: 0.2.0
    """

    events: tuple[PlannedEvent, ...] = ()
    skipped: tuple[Activity, ...] = ()


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


def _spans(activity: Activity, period: Period | None) -> list[tuple[dt.date, dt.date]]:
    """Days of the activity's events: its named span, or one day per due date."""
    deadline = activity.deadline
    own = deadline.period
    if deadline.kind is DeadlineKind.PERIOD and own is not None and deadline.recurrence is None:
        return [(own.start, own.end)]
    days = sorted(set(deadline.due_dates(period)))
    if not days and deadline.kind is DeadlineKind.FROM and deadline.start is not None:
        days = [deadline.start]
    if not days and deadline.start is not None and deadline.end is not None:
        return [(deadline.start, deadline.end)]  # «постоянно» over the plan's period, say
    return [(day, day) for day in days]


def _day_after(day: dt.date) -> dt.date | None:
    """The exclusive end of an event whose last day is ``day``; ``None`` after 31.12.9999."""
    return None if day == dt.date.max else day + dt.timedelta(days=1)


def plan_calendar(roadmap: Roadmap) -> CalendarPlan:
    """The events of a roadmap: see :class:`IcsExporter`."""
    key = _calendar_key(roadmap)
    sectioned = list(roadmap.iter_sectioned())
    keys = _number_keys([activity for _, activity in sectioned])
    events: list[PlannedEvent] = []
    skipped: list[Activity] = []
    for (section, activity), number in zip(sectioned, keys, strict=True):
        spans = _spans(activity, roadmap.period)
        rule = regular_rule([start for start, _ in spans]) if len(spans) > 1 else None
        if not spans:
            skipped.append(activity)
        elif len(spans) == 1 or rule is not None:
            (start, last), *_ = spans
            uid = f"{key}-{number}@dod-model"
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
        else:  # irregular dates: one event each, numbered in date order
            events.extend(
                PlannedEvent(
                    activity=activity,
                    uid=f"{key}-{number}-{k}@dod-model",
                    start=s,
                    end=_day_after(e),
                    section=section,
                )
                for k, (s, e) in enumerate(spans, start=1)
            )
    return CalendarPlan(events=tuple(events), skipped=tuple(skipped))


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
    """A roadmap as an iCalendar file: all-day events for its deadlines.

    Every activity with a calendar meaning gives one event:

    * a deadline naming a period («Июнь-июль 2019», «Сентябрь 2019 года») spans it;
    * due dates (:meth:`dod_model.Deadline.due_dates` over the roadmap's period: a date, a
      column of dates, «ежеквартально», «с 01.09.2020 (ежегодно)») give one event that recurs
      (RRULE, :func:`regular_rule`) when they are regular, else one event per date;
    * «с 01.09.2020» without a recurrence gives its first day.

    Activities without one are skipped; the calendar counts them in ``X-DOD-MODEL-SKIPPED``
    (:meth:`plan` lists them).

    UIDs are built from what names the plan (its title, region and municipality) and the
    activity's number, so that importing a new export of the plan (its Word file beside its
    text export, or a new edition under the same title) updates the events instead of adding
    copies. ``DTSTAMP`` is the day the plan was approved, else the
    first day of its period, else 1970-01-01: the same roadmap always gives the same bytes.

    .. versionadded:: 0.2.0
    """

    name = "ics"
    suffixes = (".ics",)
    media_type = "text/calendar"

    def plan(self, roadmap: Roadmap) -> CalendarPlan:
        """The events the roadmap gives and the activities skipped."""
        return plan_calendar(roadmap)

    def calendar(self, roadmap: Roadmap) -> icalendar.Calendar:
        """The roadmap as an :class:`icalendar.Calendar`."""
        import icalendar  # noqa: PLC0415 - a heavy import, needed only when calendars are written

        plan = plan_calendar(roadmap)
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
            event = icalendar.Event()
            event.add("uid", planned.uid)
            event.add("dtstamp", stamp)
            event.add("dtstart", planned.start)
            if planned.end is not None:
                event.add("dtend", planned.end)
            else:  # no day follows the last one a date can hold: the length says it
                event.add("duration", dt.timedelta(days=(dt.date.max - planned.start).days + 1))
            if planned.rule is not None:
                event.add("rrule", planned.rule)
            summary = " ".join(_text(f"{activity.number}. {activity.title}").split())
            event.add("summary", summary.removeprefix(". "))
            event.add("description", _description(activity, planned.section))
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
        return calendar

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap as iCalendar bytes (UTF-8, CRLF lines)."""
        data: bytes = self.calendar(roadmap).to_ical()
        return data
