"""Calendar values: a plan's period and an activity's deadline."""

from __future__ import annotations

import datetime as dt

import attrs

from dod_model.model._enums import DeadlineKind, Recurrence

__all__ = ["Deadline", "Period"]


def _not_after_end(instance: Period, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if value > instance.end:
        msg = f"a period cannot start ({value.isoformat()}) after it ends ({instance.end})"
        raise ValueError(msg)


@attrs.frozen
class Period:
    """A closed range of calendar days, both ends included.

    Attributes:
        start: The first day.
        end: The last day; never before ``start``.

    .. versionadded:: 0.1.0
    """

    start: dt.date = attrs.field(validator=_not_after_end)
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def years(self) -> range:
        """The calendar years the period touches, in order."""
        return range(self.start.year, self.end.year + 1)


@attrs.frozen(kw_only=True)
class Deadline:
    """When an activity is due, as written and as calendar dates.

    ``start`` and ``end`` bound the period the text names («Июнь-июль 2019» → 2019-06-01 …
    2019-07-31); «до 15.08.2019» gives ``end`` only; a column of yearly dates gives every one in
    ``dates`` and the last in ``end``. Phrases without a calendar of their own («постоянно»,
    «по отдельному графику») keep their :attr:`kind` and no dates.

    Attributes:
        text: The deadline exactly as written; ``""`` when the cell is empty.
        kind: The shape of the deadline.
        start: First day of the named period, when it has one.
        end: Last day by which the activity is due, when known.
        dates: Each due date the text lists, in the order written.
        recurrence: How often the activity repeats («ежегодно», «ежеквартально»).
        note: Words beside the dates that qualify them («и далее по плану работы …»).

    .. versionadded:: 0.1.0
    """

    text: str = ""
    kind: DeadlineKind = DeadlineKind.NONE
    start: dt.date | None = None
    end: dt.date | None = None
    dates: tuple[dt.date, ...] = ()
    recurrence: Recurrence | None = None
    note: str | None = None

    @property
    def period(self) -> Period | None:
        """``start`` … ``end`` as a :class:`Period`, when both are known and in order."""
        if self.start is None or self.end is None or self.start > self.end:
            return None
        return Period(self.start, self.end)
