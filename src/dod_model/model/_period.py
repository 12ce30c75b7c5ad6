"""A plan's period, and what the deadline grammar reads of a deadline."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import attrs

from dod_model.model._enums import DeadlineKind, Recurrence

__all__ = ["DeadlineFields", "Period"]


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


class DeadlineFields(Protocol):
    """What the grammar and the schedule read of a deadline (a :class:`~dod_model.Deadline`)."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> DeadlineKind: ...
    @property
    def start(self) -> dt.date | None: ...
    @property
    def end(self) -> dt.date | None: ...
    @property
    def dates(self) -> tuple[dt.date, ...]: ...
    @property
    def recurrence(self) -> Recurrence | None: ...
    @property
    def note(self) -> str | None: ...
    @property
    def period(self) -> Period | None: ...
