"""``dod_model.status``: where every activity of a roadmap stands on a given day."""

from __future__ import annotations

import datetime as dt

import attrs

from dod_model.model import Activity, DeadlineStatus, Roadmap, opening_day, status_from

__all__ = ["ActivityStatus", "RoadmapStatus", "status"]


@attrs.frozen(kw_only=True)
class ActivityStatus:
    """One activity on the day a :class:`RoadmapStatus` was taken.

    Attributes:
        activity: The activity.
        status: Where its deadline stands (:meth:`dod_model.Deadline.status` against the
            roadmap's period).
        due_dates: Every date it is due by, recurrences expanded over the roadmap's period
            (:meth:`dod_model.Deadline.due_dates`).
        next_due: The first due date on or after the day, if any.
        last_due: The last due date before the day, if any: for an overdue or done activity,
            the date it was due.
        opens: The day its period begins, when known: for an upcoming activity, when it starts.

    .. versionadded:: 0.2.0
    """

    activity: Activity
    status: DeadlineStatus
    due_dates: tuple[dt.date, ...] = ()
    next_due: dt.date | None = None
    last_due: dt.date | None = None
    opens: dt.date | None = None

    @property
    def when(self) -> dt.date | None:
        """The date that places the activity in its group.

        ``last_due`` when overdue or done, ``opens`` when upcoming, ``next_due`` otherwise.
        """
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
        overdue: Every due date has passed while the plan still runs.
        upcoming: Their period has not begun (and begins within the horizon, when one is given).
        later: Due or upcoming, but beyond the horizon; empty without a horizon.
        done: The plan's period (or, without one, the deadline's) is over.
        unknown: No calendar meaning the roadmap's period could give them («постоянно» in a plan
            without a period, an empty cell).

    .. versionadded:: 0.2.0
    """

    on: dt.date
    horizon: int | None = None
    due: tuple[ActivityStatus, ...] = ()
    overdue: tuple[ActivityStatus, ...] = ()
    upcoming: tuple[ActivityStatus, ...] = ()
    later: tuple[ActivityStatus, ...] = ()
    done: tuple[ActivityStatus, ...] = ()
    unknown: tuple[ActivityStatus, ...] = ()

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


def _entry(activity: Activity, on: dt.date, roadmap: Roadmap) -> ActivityStatus:
    deadline, period = activity.deadline, roadmap.period
    dues = deadline.due_dates(period)
    return ActivityStatus(
        activity=activity,
        status=status_from(deadline, on, period, dues),
        due_dates=dues,
        next_due=next((d for d in dues if d >= on), None),
        last_due=next((d for d in reversed(dues) if d < on), None),
        opens=opening_day(deadline, period),
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


def status(roadmap: Roadmap, on: dt.date, *, horizon: int | None = None) -> RoadmapStatus:
    """Which activities of a roadmap are due, overdue and upcoming on a day.

    Each activity's deadline is judged by :meth:`dod_model.Deadline.status` against the
    roadmap's period, recurring deadlines expanded into their due dates
    (:meth:`dod_model.Deadline.due_dates`).

    Args:
        roadmap: The roadmap.
        on: The day to judge on.
        horizon: Look this many days ahead: an activity that is due, but whose next due date
            is later than ``on + horizon``, or upcoming, but opening later, goes to
            :attr:`RoadmapStatus.later`. Activities under way without a due date («постоянно»)
            stay due. ``None`` looks ahead without limit; a horizon past the last day a
            :class:`datetime.date` can hold looks up to that day.

    Returns:
        The activities in their groups.

    Raises:
        ValueError: ``horizon`` is negative.

    .. versionadded:: 0.2.0
    """
    limit = _limit(on, horizon)
    groups: dict[str, list[tuple[int, ActivityStatus]]] = {
        name: [] for name in ("due", "overdue", "upcoming", "later", "done", "unknown")
    }
    for index, activity in enumerate(roadmap.iter_activities()):
        entry = _entry(activity, on, roadmap)
        name = {
            DeadlineStatus.DUE: "due",
            DeadlineStatus.OVERDUE: "overdue",
            DeadlineStatus.UPCOMING: "upcoming",
            DeadlineStatus.DONE_BY_PERIOD_END: "done",
        }.get(entry.status, "unknown")
        when = entry.when
        if limit is not None and name in ("due", "upcoming") and when is not None and when > limit:
            name = "later"
        groups[name].append((index, entry))
    return RoadmapStatus(
        on=on, horizon=horizon, **{name: _sorted(items) for name, items in groups.items()}
    )
