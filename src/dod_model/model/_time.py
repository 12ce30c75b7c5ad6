"""An activity's deadline, as written and as calendar dates."""

from __future__ import annotations

import datetime as dt

import attrs

from dod_model.model._deadline_grammar import date_phrase, read_deadline, render_deadline
from dod_model.model._enums import DeadlineKind, DeadlineStatus, Recurrence
from dod_model.model._period import Period
from dod_model.model._schedule import deadline_status, due_dates

__all__ = ["Deadline"]


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

    @property
    def date_phrase(self) -> str | None:
        """The words of :attr:`text` the dates are read from.

        The whole text (stripped) when it reads as it stands; the date phrase alone when the
        cell also names a place or a body: «10 - 12 июня 2003 г.» of «Образовательные
        учреждения 10 - 12 июня 2003 г.». ``None`` when nothing in the text reads. Computed
        from :attr:`text` on each call.

        .. versionadded:: 0.3.0
        """
        return date_phrase(self.text)

    @classmethod
    def parse(cls, text: str, period: Period | None = None) -> Deadline:
        """Read a deadline cell as written («Июнь-июль 2019», «до 15.08.2019», a column of dates).

        Never raises: text without a calendar meaning the grammar is sure of gives kind
        ``unknown`` and no dates. The grammar is documented in :doc:`/deadlines`.

        Args:
            text: The cell's text; kept unchanged in :attr:`text`.
            period: The roadmap's period: dates phrases without a year («01 ноября») and gives
                phrases without a calendar of their own («постоянно») its bounds.

        .. versionadded:: 0.1.0
        """
        return cls(text=text, **read_deadline(text, period)._asdict())

    def render(self) -> str:
        """Canonical text of the deadline, which :meth:`parse` reads back to it.

        A deadline no phrase of the grammar states (kind ``unknown``, say) renders as its text.

        .. versionadded:: 0.1.0
        """
        return render_deadline(self)

    def due_dates(self, period: Period | None = None) -> tuple[dt.date, ...]:
        """Every date the activity is due by, recurrences expanded over ``period``.

        «ежеквартально» over 2020–2024 gives the last day of each of its 20 quarters; a column
        of dates gives them sorted; «до 15.08.2019» gives 2019-08-15; «постоянно» gives none.

        .. versionadded:: 0.1.0
        """
        return due_dates(self, period)

    def status(self, on: dt.date, period: Period | None = None) -> DeadlineStatus:
        """Where the deadline stands on a day: upcoming, due, overdue or unknown.

        A deadline says when the work is due, not whether it was done: once every due date
        has passed it is overdue, after the plan's period too (:func:`dod_model.status`
        takes what says an activity is done).

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.3.0
           Overdue, not ``done-by-period-end``, after the plan's period.
        """
        return deadline_status(self, on, period)
