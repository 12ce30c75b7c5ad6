"""What the library's own documents are laid out as: its exporters write it, its importers know it.

The official template's header for each column role, the columns a table has when a roadmap
names none, and the columns of the CSV export. The exporters write them; the importers that
read those exports back (CSV, Markdown) recognise them, without reaching up into the exporters.
"""

from __future__ import annotations

from typing import Final

from dod_model.model import ColumnRole

__all__ = ["CSV_COLUMNS", "DEFAULT_COLUMNS", "TEMPLATE_HEADERS"]

TEMPLATE_HEADERS: Final[dict[ColumnRole, str]] = {
    ColumnRole.NUMBER: "№ п/п",
    ColumnRole.TITLE: "Наименование мероприятия",
    ColumnRole.DEADLINE: "Срок исполнения",
    ColumnRole.RESULT: "Результат",
    ColumnRole.RESPONSIBLE: "Ответственный исполнитель",
    ColumnRole.NOTE: "Примечание",
}
"""What the header row says for each role: the wording of the official template."""

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
)
"""The header of every CSV file the CSV exporter writes, in order.

Stable since 0.2.0; the five ``plan_`` columns at the end were added in 0.3.0.
"""
