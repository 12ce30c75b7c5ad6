"""The CSV exporter: one row per activity, for spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import Final

from dod_model.model import Activity, Roadmap, Section

__all__ = ["CSV_COLUMNS", "CsvExporter"]

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
)
"""The header of every CSV file :class:`CsvExporter` writes, in order (stable since 0.2.0)."""


def _join(items: tuple[str, ...]) -> str:
    return "\n".join(items)


def _cells(section: Section | None, activity: Activity) -> tuple[str, ...]:
    deadline = activity.deadline
    where = activity.provenance
    return (
        section.number if section is not None else "",
        section.title if section is not None else "",
        activity.number,
        activity.title,
        deadline.text,
        deadline.kind.value,
        deadline.start.isoformat() if deadline.start else "",
        deadline.end.isoformat() if deadline.end else "",
        " ".join(day.isoformat() for day in deadline.dates),
        deadline.recurrence.value if deadline.recurrence else "",
        _join(tuple(result.text for result in activity.results)),
        _join(tuple(party.name for party in activity.responsible)),
        _join(activity.notes),
        str(where.table) if where else "",
        str(where.row) if where else "",
        str(where.line) if where and where.line else "",
    )


class CsvExporter:
    """One row per activity, in document order, with the header :data:`CSV_COLUMNS`.

    Text is written as in the document, line breaks inside cells included; dates are ISO
    8601 (``dates``: the listed due dates separated by spaces); results, responsible parties
    and notes are one per line within their cell; ``table``, ``row`` and ``line`` say where the
    activity stands in its source document. UTF-8 with a byte order mark, so that Excel shows
    Cyrillic right, and the quoting of RFC 4180 (CRLF line ends, fields with commas, quotes or
    line breaks quoted).

    Values are not altered to stop a spreadsheet reading a cell that opens with ``=`` as a
    formula: a roadmap from an untrusted source is best opened with import, not double-click.

    .. versionadded:: 0.2.0
    """

    name = "csv"
    suffixes = (".csv",)
    media_type = "text/csv"

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap's activities as CSV bytes (UTF-8 with BOM)."""
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(
            _cells(section, activity) for section, activity in roadmap.iter_sectioned()
        )
        return buffer.getvalue().encode("utf-8-sig")
