"""``dod_model.status``: where every activity of a roadmap stands on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from dod_model.analysis._progress import given_done, read_completion
from dod_model.model import Activity, DeadlineStatus, Roadmap, opening_day, status_from

__all__ = ["ActivityStatus", "RoadmapStatus", "status"]


@attrs.frozen(kw_only=True)
class ActivityStatus:
    """One activity on the day a :class:`RoadmapStatus` was taken.

    Attributes:
        activity: The activity.
        status: ``done`` when something says the activity was done by the day (its
            completion mark, ``done=``); else where its deadline stands
            (:meth:`dod_model.Deadline.status` against the roadmap's period).
        due_dates: Every date it is due by, recurrences expanded over the roadmap's period
            (:meth:`dod_model.Deadline.due_dates`).
        next_due: The first due date on or after the day, if any.
        last_due: The last due date before the day, if any: for an overdue or done activity,
            the date it was due; for one overdue without due dates («постоянно» after the
            plan), the end of the span it ran over.
        opens: The day its period begins, when known: for an upcoming activity, when it starts.
        done_on: The day it was done, when what says it is done gives one.
        done_by: What says it is done: ``"given"`` (``done=``, a progress file) or
            ``"document"`` (its completion mark, :attr:`dod_model.Activity.completion`);
            ``None`` when nothing does.
        after_plan_end: The day is after the roadmap's period: context for an overdue
            activity (the plan is over and nothing says the work was done), not a verdict.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       ``done_on``, ``done_by`` and ``after_plan_end``; ``status`` is ``done`` only when
       something says so.
    """

    activity: Activity
    status: DeadlineStatus
    due_dates: tuple[dt.date, ...] = ()
    next_due: dt.date | None = None
    last_due: dt.date | None = None
    opens: dt.date | None = None
    done_on: dt.date | None = None
    done_by: str | None = None
    after_plan_end: bool = False

    @property
    def when(self) -> dt.date | None:
        """The date that places the activity in its group.

        ``done_on`` (else ``last_due``) when done, ``last_due`` when overdue, ``opens`` when
        upcoming, ``next_due`` otherwise.
        """
        if self.status is DeadlineStatus.DONE:
            return self.done_on or self.last_due
        if self.status in (DeadlineStatus.OVERDUE, DeadlineStatus.DONE_BY_PERIOD_END):
            return self.last_due
        if self.status is DeadlineStatus.UPCOMING:
            return self.opens
        return self.next_due


@attrs.frozen(kw_only=True)
class RoadmapStatus:
    """Where every activity of a roadmap stands on one day, grouped.

    Every activity is in exactly one group. Within a group, activities are sorted by their
    :attr:`ActivityStatus.when` (undated last), then in document order.

    Attributes:
        on: The day.
        horizon: How many days ahead ``due`` and ``upcoming`` look; ``None`` for no limit.
        due: Under way, or with a due date still ahead (within the horizon, when one is given).
        overdue: Every due date has passed (or an undated activity's span has ended), and
            nothing says the activity was done: also after the plan's period, which
            :attr:`ActivityStatus.after_plan_end` tells.
        upcoming: Their period has not begun (and begins within the horizon, when one is given).
        later: Due or upcoming, but beyond the horizon; empty without a horizon.
        done: Something says they were done by the day: their completion mark in the
            document, or ``done=`` (a progress file). Never the calendar alone.
        unknown: No calendar meaning the roadmap's period could give them («постоянно» in a plan
            without a period, an empty cell), and nothing says they are done.
        unmatched: The numbers in ``done=`` no activity of the roadmap has, in the order given.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       ``done`` holds only what something says is done; ``unmatched``.
    """

    on: dt.date
    horizon: int | None = None
    due: tuple[ActivityStatus, ...] = ()
    overdue: tuple[ActivityStatus, ...] = ()
    upcoming: tuple[ActivityStatus, ...] = ()
    later: tuple[ActivityStatus, ...] = ()
    done: tuple[ActivityStatus, ...] = ()
    unknown: tuple[ActivityStatus, ...] = ()
    unmatched: tuple[str, ...] = ()

    @property
    def groups(self) -> dict[str, tuple[ActivityStatus, ...]]:
        """The groups by name, in the order a report lists them."""
        return {
            "overdue": self.overdue,
            "due": self.due,
            "upcoming": self.upcoming,
            "later": self.later,
            "done": self.done,
            "unknown": self.unknown,
        }


def _done(
    activity: Activity, on: dt.date, given: dict[str, dt.date | bool]
) -> tuple[bool, dt.date | None, str | None]:
    """Whether the activity was done by ``on``, the day, and what says so.

    What is given wins over the document's mark: the user knows what happened since. A day
    after ``on`` says the activity was not yet done on it.
    """
    said = given.get(activity.number) if activity.number else None
    if said is not None:
        if isinstance(said, bool):
            return said, None, "given" if said else None
        return said <= on, said, "given" if said <= on else None
    mark = read_completion(activity.completion)
    if mark.done and (mark.on is None or mark.on <= on):
        return True, mark.on, "document"
    return False, None, None


def _entry(
    activity: Activity, on: dt.date, roadmap: Roadmap, given: dict[str, dt.date | bool]
) -> ActivityStatus:
    deadline, period = activity.deadline, roadmap.period
    dues = deadline.due_dates(period)
    done, done_on, done_by = _done(activity, on, given)
    judged = DeadlineStatus.DONE if done else status_from(deadline, on, period, dues)
    last_due = next((d for d in reversed(dues) if d < on), None)
    if judged is DeadlineStatus.OVERDUE and last_due is None:
        # «постоянно», «по отдельному графику»: due by the end of the span they run over.
        span = deadline.period or period
        last_due = span.end if span is not None else None
    return ActivityStatus(
        activity=activity,
        status=judged,
        due_dates=dues,
        next_due=next((d for d in dues if d >= on), None),
        last_due=last_due,
        opens=opening_day(deadline, period),
        done_on=done_on if done else None,
        done_by=done_by,
        after_plan_end=period is not None and on > period.end,
    )


def _sorted(entries: list[tuple[int, ActivityStatus]]) -> tuple[ActivityStatus, ...]:
    def key(item: tuple[int, ActivityStatus]) -> tuple[bool, dt.date, int]:
        when = item[1].when
        return (when is None, when or dt.date.min, item[0])

    return tuple(entry for _, entry in sorted(entries, key=key))


def _limit(on: dt.date, horizon: int | None) -> dt.date | None:
    """The last day ``horizon`` days ahead of ``on``; the last day there is, beyond it."""
    if horizon is None:
        return None
    if horizon < 0:
        msg = f"horizon counts days ahead, so it cannot be negative (horizon={horizon})"
        raise ValueError(msg)
    if horizon > (dt.date.max - on).days:
        return dt.date.max
    return on + dt.timedelta(days=horizon)


def status(
    roadmap: Roadmap,
    on: dt.date,
    *,
    horizon: int | None = None,
    done: Mapping[str, dt.date | bool] | None = None,
) -> RoadmapStatus:
    """Which activities of a roadmap are done, due, overdue and upcoming on a day.

    An activity is done only when something says so: ``done`` (what the user knows, a
    progress file read by :func:`dod_model.analysis.read_progress`), else the document's
    completion mark (:attr:`dod_model.Activity.completion`, read by
    :func:`dod_model.analysis.read_completion`). A day of completion after ``on`` says it was
    not yet done on ``on``. Every other activity's deadline is judged by
    :meth:`dod_model.Deadline.status` against the roadmap's period, recurring deadlines
    expanded into their due dates (:meth:`dod_model.Deadline.due_dates`): one whose due dates
    have all passed is overdue, after the plan's period too.

    Args:
        roadmap: The roadmap.
        on: The day to judge on.
        horizon: Look this many days ahead: an activity that is due, but whose next due date
            is later than ``on + horizon``, or upcoming, but opening later, goes to
            :attr:`RoadmapStatus.later`. Activities under way without a due date («постоянно»)
            stay due. ``None`` looks ahead without limit; a horizon past the last day a
            :class:`datetime.date` can hold looks up to that day.
        done: Activity numbers (as numbered in the document; «1.2.» and «1.2» are one) → the
            day each was done, ``True`` when done on a day not known, ``False`` when not done
            whatever the document's mark says.

    Returns:
        The activities in their groups.

    Raises:
        ValueError: ``horizon`` is negative.
        TypeError: ``done`` is not a mapping of numbers to dates or booleans.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       ``done``; done only when something says so, overdue after the plan's period.
    """
    limit = _limit(on, horizon)
    given = given_done(done)
    groups: dict[str, list[tuple[int, ActivityStatus]]] = {
        name: [] for name in ("due", "overdue", "upcoming", "later", "done", "unknown")
    }
    for index, activity in enumerate(roadmap.iter_activities()):
        entry = _entry(activity, on, roadmap, given)
        name = _GROUPS.get(entry.status, "unknown")
        when = entry.when
        if limit is not None and name in ("due", "upcoming") and when is not None and when > limit:
            name = "later"
        groups[name].append((index, entry))
    numbers = {activity.number for activity in roadmap.iter_activities()}
    return RoadmapStatus(
        on=on,
        horizon=horizon,
        unmatched=tuple(number for number in given if number not in numbers),
        **{name: _sorted(items) for name, items in groups.items()},
    )


_GROUPS = {
    DeadlineStatus.DUE: "due",
    DeadlineStatus.OVERDUE: "overdue",
    DeadlineStatus.UPCOMING: "upcoming",
    DeadlineStatus.DONE: "done",
}
