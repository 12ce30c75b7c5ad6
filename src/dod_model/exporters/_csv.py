"""The CSV exporter: one row per activity, for spreadsheets."""

from __future__ import annotations

import csv
import io
import json

from dod_model._contracts import CSV_COLUMNS
from dod_model.exporters._docx import _placed_notes as placed_notes
from dod_model.exporters._table import FIELD_ROLES, field_text, table_columns
from dod_model.model import Activity, Roadmap, Section

__all__ = ["CSV_COLUMNS", "CsvExporter"]


def _join(items: tuple[str, ...]) -> str:
    return "\n".join(items)


def _notes(notes: tuple[str, ...]) -> str:
    """Notes a line each; parted by empty lines, one ending the cell, if one has lines of its own.

    The empty line at the end says the cell is parted so: a note never ends with one.
    """
    if any("\n" in note or "\r" in note for note in notes):
        return "".join(f"{note}\n\n" for note in notes)
    return _join(notes)


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
        _notes(activity.notes),
        str(where.table) if where else "",
        str(where.row) if where else "",
        str(where.line) if where and where.line else "",
    )


def _more_cells(activity: Activity) -> tuple[str, ...]:
    """The cells of the columns added after the ``plan_`` ones: the fields of 0.3.0."""
    extra = [[cell.header, cell.text] for cell in activity.extra]
    return (
        *(field_text(activity, role) for role in FIELD_ROLES),
        json.dumps(extra, ensure_ascii=False) if extra else "",
    )


def _plan_cells(roadmap: Roadmap) -> tuple[tuple[str, ...], str]:
    """What the first row says of the plan: title, the text around the table, its columns.

    The ``plan_`` columns after ``line``, and ``plan_headers`` at the end.
    """
    approvals, preamble, footnotes = placed_notes(roadmap)
    columns = table_columns(roadmap)
    headers = [[c.header, c.role.value if c.role else None] for c in columns]
    return (
        roadmap.title,
        _join((*approvals, *preamble)),
        _join(tuple(footnotes)),
        " ".join(c.role.value for c in columns if c.role is not None),
        json.dumps([[s.number, s.title] for s in roadmap.sections], ensure_ascii=False)
        if roadmap.sections
        else "",
    ), json.dumps(headers, ensure_ascii=False)


class CsvExporter:
    """One row per activity, in document order, with the header :data:`CSV_COLUMNS`.

    Text is written as in the document, line breaks inside cells included; dates are ISO
    8601 (``dates``: the listed due dates separated by spaces); results, responsible parties
    and notes are one per line within their cell (notes parted by empty lines instead, one
    closing the cell, where a note holds line breaks of its own); ``table``, ``row`` and
    ``line`` say where the activity stands in its source document. UTF-8 with a byte order
    mark, so that Excel shows Cyrillic right, and the quoting of RFC 4180 (CRLF line ends,
    fields with commas, quotes or line breaks quoted).

    The first row also holds what is said of the plan as a whole, so that :func:`dod_model.read`
    reads the file back to the same roadmap: ``plan_title``, ``plan_preamble`` (the text before
    the table, approval blocks first, a paragraph per line), ``plan_footnotes`` (the text after
    it), ``plan_columns`` (the roles of the table's columns in order: ``number title
    deadline``…), ``plan_sections`` (every section's number and title, those without
    activities too, as a JSON array of pairs) and ``plan_headers`` (each column of the table,
    in order, as a JSON pair of its header as written and its role, ``null`` for a column the
    header vocabulary does not know); the other rows leave them empty.

    ``indicator``, ``funding``, ``audience``, ``place`` and ``completion`` hold those fields
    as written; ``extra`` the cells of the columns the vocabulary does not know, as a JSON
    array of ``[header, text]`` pairs, left to right (``[["Код мероприятия", "1.1-А"]]``),
    empty when there are none. JSON rather than lines «header: text»: a header or a text may
    hold a colon or a line break of its own, and JSON parts them without escapes of our own;
    written with Cyrillic as is (no escapes of code points), it reads in a spreadsheet.

    Values are not altered to stop a spreadsheet reading a cell that opens with ``=`` as a
    formula: a roadmap from an untrusted source is best opened with import, not double-click.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       The ``plan_`` columns; then ``indicator``, ``funding``, ``audience``, ``place``,
       ``completion``, ``extra`` and ``plan_headers``, at the end of the header.
    """

    name = "csv"
    suffixes = (".csv",)
    media_type = "text/csv"

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap's activities as CSV bytes (UTF-8 with BOM)."""
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        plan, headers = _plan_cells(roadmap)
        blank = ("",) * len(plan)
        writer.writerows(
            (
                *_cells(section, activity),
                *(blank if index else plan),
                *_more_cells(activity),
                "" if index else headers,
            )
            for index, (section, activity) in enumerate(roadmap.iter_sectioned())
        )
        return buffer.getvalue().encode("utf-8-sig")
