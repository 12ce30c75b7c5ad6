"""What the library's own documents are laid out as: its exporters write it, its importers know it.

The official template's header for each column role, the columns a table has when a roadmap
names none, the columns of the CSV export, and how an activity's number is written so that it
reads back as itself. The exporters write them; the importers that
read those exports back (CSV, Markdown) recognise them, without reaching up into the exporters.
"""

from __future__ import annotations

from typing import Final

from dod_model.model import ColumnRole
from dod_model.text import normalise_number

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_COLUMNS",
    "ROADMAP_COLUMNS",
    "TEMPLATE_HEADERS",
    "written_number",
]

TEMPLATE_HEADERS: Final[dict[ColumnRole, str]] = {
    ColumnRole.NUMBER: "№ п/п",
    ColumnRole.TITLE: "Наименование мероприятия",
    ColumnRole.DEADLINE: "Срок исполнения",
    ColumnRole.RESULT: "Результат",
    ColumnRole.RESPONSIBLE: "Ответственный исполнитель",
    ColumnRole.NOTE: "Примечание",
    ColumnRole.INDICATOR: "Показатель",
    ColumnRole.FUNDING: "Источник финансирования",
    ColumnRole.AUDIENCE: "Целевая аудитория",
    ColumnRole.PLACE: "Место проведения",
    ColumnRole.COMPLETION: "Отметка о выполнении",
}
"""What the header row says for each role: the wording of the official template.

.. versionchanged:: 0.3.0
   The indicator, funding, audience, place and completion roles.
"""

DEFAULT_COLUMNS: Final = (ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.DEADLINE,
                          ColumnRole.RESULT, ColumnRole.RESPONSIBLE)  # fmt: skip
"""The columns of a roadmap's table when it names none, in order."""

CSV_COLUMNS: Final = (
    "section",
    "section_title",
    "number",
    "title",
    "deadline",
    "deadline_kind",
    "start",
    "end",
    "dates",
    "recurrence",
    "results",
    "responsible",
    "notes",
    "table",
    "row",
    "line",
    "plan_title",
    "plan_preamble",
    "plan_footnotes",
    "plan_columns",
    "plan_sections",
    "indicator",
    "funding",
    "audience",
    "place",
    "completion",
    "extra",
    "plan_headers",
)
"""The header of every CSV file the CSV exporter writes, in order.

Stable since 0.2.0; columns are only ever added at the end.

.. versionchanged:: 0.3.0
   The five ``plan_`` columns after ``line``; then ``indicator``, ``funding``, ``audience``,
   ``place``, ``completion``, ``extra`` (the cells of columns the header vocabulary does not
   know) and ``plan_headers`` (the header of every column of the table).
"""


ROADMAP_COLUMNS = (
    "file",
    "region",
    "municipality",
    "roadmap_title",
    "roadmap_kind",
    "period_start",
    "period_end",
)
"""The columns that say which roadmap a row is from, first in every table of a collection.

``file`` is the path as given or found in a folder (a roadmap not read from a file: the name
its source records); ``roadmap_kind`` the :class:`~dod_model.PlanKind` value; the period's
ends are dates.

.. versionadded:: 0.3.0
"""


def written_number(number: str, *, first: bool) -> str:
    """The number written so that reading tidies it back to ``number``.

    An unnumbered activity below another would read as the rest of that one's row (a row a
    page break split): a full stop makes it a row of its own, and reads as no number. A number
    reading would tidy further («№5» of «№№5») gets a «№» before it.
    """
    if not number:
        return "" if first else "."
    for text in (number, f"№ {number}"):
        if normalise_number(text) == number:
            return text
    return number
