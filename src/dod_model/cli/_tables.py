"""The one table of many documents that ``status``, ``summary``, ``validate`` and ``read`` write.

Every row begins with the columns that say which roadmap it is from
(:data:`dod_model.analysis.ROADMAP_COLUMNS`), so that the table opens in a spreadsheet as one
sheet and filters by municipality.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from dod_model._contracts import CSV_COLUMNS
from dod_model.analysis import ROADMAP_COLUMNS, RoadmapStatus
from dod_model.cli._batch import roadmap_cells
from dod_model.cli._summary import summary_data
from dod_model.exporters import CsvExporter
from dod_model.model import Roadmap
from dod_model.validation import Report

__all__ = [
    "READ_HEADER",
    "STATUS_HEADER",
    "SUMMARY_HEADER",
    "VALIDATE_HEADER",
    "read_rows",
    "status_rows",
    "summary_rows",
    "validate_rows",
]

STATUS_HEADER = (*ROADMAP_COLUMNS, "section", "number", "title", "deadline", "status", "when",
                 "next_due", "last_due", "opens", "responsible")  # fmt: skip
SUMMARY_HEADER = (*ROADMAP_COLUMNS, "approval", "sections", "activities", "first_due",
                  "last_due", "responsible")  # fmt: skip
VALIDATE_HEADER = (*ROADMAP_COLUMNS, "severity", "code", "message", "path")
READ_HEADER = (*ROADMAP_COLUMNS, *CSV_COLUMNS)


def status_rows(label: str, roadmap: Roadmap, result: RoadmapStatus) -> Iterator[list[object]]:
    """A row per activity, in the document's order, with its group on the day."""
    source = roadmap_cells(label, roadmap)
    found = {id(e.activity): (name, e) for name, group in result.groups.items() for e in group}
    for activity in roadmap.activities:
        if id(activity) not in found:
            continue
        name, entry = found[id(activity)]
        parties = [party.name for party in activity.responsible]
        yield [*source, activity.section, activity.number, activity.title,
               activity.deadline.text, name, entry.when, entry.next_due, entry.last_due,
               entry.opens, parties]  # fmt: skip


def summary_rows(label: str, roadmap: Roadmap) -> Iterator[list[object]]:
    """One row: the roadmap's figures."""
    data = summary_data(roadmap)
    parties = [f"{name} ({count})" for name, count in data["responsible"].items()]
    yield [*roadmap_cells(label, roadmap), data["approval"], data["sections"],
           data["activities"], data["first_due"], data["last_due"], parties]  # fmt: skip


def validate_rows(label: str, document: object, report: Report) -> Iterator[list[object]]:
    """A row per finding; a document without findings gets one row of empty cells, to show it."""
    source = roadmap_cells(label, document)
    if not report.findings:
        yield [*source, "", "", "", ""]
    for finding in report.findings:
        severity = getattr(finding.severity, "value", finding.severity)
        yield [*source, severity, finding.code, finding.message, finding.path]


def read_rows(label: str, roadmap: Roadmap) -> Iterator[Sequence[object]]:
    """The roadmap's CSV export, a row per activity, after the roadmap's columns."""
    text = CsvExporter().export(roadmap).decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text, newline=""))
    next(rows)  # the header, CSV_COLUMNS
    source = roadmap_cells(label, roadmap)
    for row in rows:
        yield [*source, *row]
