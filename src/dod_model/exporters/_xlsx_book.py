"""Many roadmaps as one workbook: every activity on one sheet, a summary, a sheet per roadmap.

The analyst's book: the sheet «Мероприятия» holds every activity of every roadmap, a row each,
the columns that say which roadmap it is from first (so it filters by municipality), dates as
Excel dates; «Сводка» counts each roadmap's activities, sections, deadlines and bodies; and,
if asked, each roadmap follows on a sheet of its own in the official layout.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Literal

from dod_model._base import display_name
from dod_model._contracts import ROADMAP_COLUMNS
from dod_model._errors import DocumentError
from dod_model.exporters._table import FIELD_ROLES, field_text
from dod_model.exporters._write import _replace as replace_file
from dod_model.exporters._xlsx import roadmap_sheet
from dod_model.exporters._xlsx_sheet import Book, Merge, Sheet, Value, render
from dod_model.model import Activity, Roadmap, Section

__all__ = [
    "ACTIVITY_COLUMNS",
    "SUMMARY_COLUMNS",
    "collection_workbook",
    "table_workbook",
    "write_workbook",
]

ACTIVITY_COLUMNS = (
    *ROADMAP_COLUMNS,
    "section", "section_title", "number", "title", "deadline", "start", "end", "results",
    "responsible", *(role.value for role in FIELD_ROLES), "extra",
)  # fmt: skip
"""The header of the sheet «Мероприятия»: the roadmap's columns, then the activity's."""

SUMMARY_COLUMNS = (
    "file", "region", "municipality", "roadmap_title", "activities", "sections",
    "with_deadline", "without_deadline", "dated", "responsible_bodies",
)  # fmt: skip
"""The header of the sheet «Сводка», a row per roadmap."""

_DATES = {"period_start", "period_end", "start", "end"}
_WIDTHS = {"file": 24, "region": 9, "municipality": 22, "roadmap_title": 40, "roadmap_kind": 16,
           "section": 8, "section_title": 30, "number": 8, "title": 50, "deadline": 22,
           "results": 34, "responsible": 30, "extra": 30}  # fmt: skip
_DATE_WIDTH, _COUNT_WIDTH, _OTHER_WIDTH = 12, 12, 20
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")  # characters a sheet's name cannot hold
_SPACES = re.compile(r"\s+")


def _label(roadmap: Roadmap, file: str | None) -> str:
    if file is not None:
        return file
    return roadmap.source.name or "" if roadmap.source is not None else ""


def _plan_cells(roadmap: Roadmap, file: str) -> list[Value | None]:
    period = roadmap.period
    return [
        file,
        roadmap.region or "",
        roadmap.municipality or "",
        roadmap.title,
        roadmap.kind.value if roadmap.kind is not None else "",
        period.start if period is not None else None,
        period.end if period is not None else None,
    ]


def _activity_cells(section: Section | None, activity: Activity) -> list[Value | None]:
    deadline = activity.deadline
    return [
        section.number if section is not None else "",
        section.title if section is not None else "",
        activity.number,
        activity.title,
        deadline.text,
        deadline.start,
        deadline.end,
        "\n".join(result.text for result in activity.results),
        "\n".join(party.name for party in activity.responsible),
        *(field_text(activity, role) for role in FIELD_ROLES),
        "\n".join(f"{cell.header}: {cell.text}" for cell in activity.extra),
    ]


def _table(name: str, header: Sequence[str], rows: Iterable[Sequence[Value | None]]) -> Sheet:
    """A sheet of a header and rows, the header frozen, filter buttons on it."""
    sheet = Sheet(name=name, freeze=(1, 0), print_titles=(0, 0))
    for column, title in enumerate(header):
        sheet.put(0, column, title, "header")
        width = _WIDTHS.get(title)
        if width is None:
            width = _DATE_WIDTH if title in _DATES else _OTHER_WIDTH
        sheet.widths[column] = width
    count = 0
    for count, row in enumerate(rows, 1):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            style = "cell"
            if isinstance(value, dt.date):
                style = "date"
            elif isinstance(value, int):
                style = "integer"
            sheet.put(count, column, value, style)
    sheet.autofilter = Merge(0, 0, count, len(header) - 1)
    return sheet


def _body(name: str) -> str:
    """A body's name as counted: case and spacing aside."""
    return _SPACES.sub(" ", name).strip().casefold()


def _summary(roadmap: Roadmap, file: str) -> list[Value | None]:
    activities = roadmap.activities
    timed = sum(1 for a in activities if a.deadline.text or a.deadline.dates)
    dated = sum(1 for a in activities if a.deadline.start or a.deadline.end or a.deadline.dates)
    bodies = {_body(p.name) for a in activities for p in a.responsible} - {""}
    return [*_plan_cells(roadmap, file)[:4], len(activities), len(roadmap.sections), timed,
            len(activities) - timed, dated, len(bodies)]  # fmt: skip


def _sheet_name(roadmap: Roadmap, file: str, taken: set[str]) -> str:
    """A name of at most 31 characters for the roadmap's own sheet, unlike those ``taken``."""
    base = roadmap.municipality or (Path(file).stem if file else "") or roadmap.region or "План"
    base = _FORBIDDEN.sub(" ", base).strip(" '") or "План"
    name, count = base[:31], 1
    while name.casefold() in taken:
        count += 1
        suffix = f" ({count})"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def collection_workbook(
    roadmaps: Iterable[Roadmap],
    *,
    files: Sequence[str | os.PathLike[str]] | None = None,
    per_roadmap: bool = False,
    writer: Literal["auto", "openpyxl", "xlsxwriter"] = "auto",
) -> bytes:
    """Many roadmaps as the bytes of one workbook.

    Sheets: «Мероприятия», a row per activity of every roadmap in order, with the columns
    :data:`ACTIVITY_COLUMNS` (the roadmap's file, region, municipality, title, kind and period,
    then the activity's section, number, title, deadline as written and its first and last
    day, results and responsible bodies a line each, the indicator, funding, audience, place
    and completion as written, and the cells of columns the vocabulary does not know as lines
    «header: text»); «Сводка», a row per roadmap with :data:`SUMMARY_COLUMNS` (activities,
    sections, activities with a deadline written, without one, with a day known, and the
    responsible bodies, counted once whatever their case and spacing); then, with
    ``per_roadmap``, each roadmap on a sheet of its own in the official layout of
    :class:`~dod_model.exporters.XlsxExporter`, named after its municipality (or file, or
    region). Headers frozen, with filter buttons; dates are Excel dates shown «ДД.ММ.ГГГГ».

    Args:
        roadmaps: The roadmaps, in the order of their rows.
        files: The file each came from, for the ``file`` column; the name of each one's
            :attr:`~dod_model.Roadmap.source` when ``None``.
        per_roadmap: Add a sheet per roadmap.
        writer: ``"auto"`` (XlsxWriter where installed), ``"xlsxwriter"`` or ``"openpyxl"``.

    Raises:
        DocumentError: ``files`` does not hold a file for each roadmap.

    .. versionadded:: 0.3.0
    """
    plans = list(roadmaps)
    if files is not None and len(files) != len(plans):
        msg = f"{len(files)} files named for {len(plans)} roadmaps; name one for each"
        raise DocumentError(msg)
    labels = [_label(rm, None if files is None else os.fspath(files[i]))
              for i, rm in enumerate(plans)]  # fmt: skip
    rows = (
        [*_plan_cells(roadmap, label), *_activity_cells(section, activity)]
        for roadmap, label in zip(plans, labels, strict=True)
        for section, activity in roadmap.iter_sectioned()
    )
    book = Book(title="Дорожные карты")
    book.sheets.append(_table("Мероприятия", ACTIVITY_COLUMNS, rows))
    summary = (_summary(rm, label) for rm, label in zip(plans, labels, strict=True))
    book.sheets.append(_table("Сводка", SUMMARY_COLUMNS, summary))
    if per_roadmap:
        taken = {sheet.name.casefold() for sheet in book.sheets}
        for roadmap, label in zip(plans, labels, strict=True):
            book.sheets.append(roadmap_sheet(roadmap, _sheet_name(roadmap, label, taken)))
    return render(book, writer)


def write_workbook(
    roadmaps: Iterable[Roadmap],
    target: str | os.PathLike[str] | IO[bytes],
    *,
    files: Sequence[str | os.PathLike[str]] | None = None,
    per_roadmap: bool = False,
    writer: Literal["auto", "openpyxl", "xlsxwriter"] = "auto",
) -> None:
    """Write many roadmaps as one workbook (see :func:`collection_workbook`).

    Args:
        roadmaps: The roadmaps, in the order of their rows.
        target: A path, or a binary file object.
        files: The file each came from; the names of their sources when ``None``.
        per_roadmap: Add a sheet per roadmap in the official layout.
        writer: ``"auto"`` (XlsxWriter where installed), ``"xlsxwriter"`` or ``"openpyxl"``.

    Raises:
        DocumentError: The file cannot be written, or ``files`` does not match the roadmaps.

    .. versionadded:: 0.3.0
    """
    data = collection_workbook(roadmaps, files=files, per_roadmap=per_roadmap, writer=writer)
    if not isinstance(target, str | os.PathLike):
        target.write(data)
        return
    path = Path(target)
    try:
        replace_file(path, data)  # atomically, as write() does
    except OSError as exc:
        msg = f"{display_name(path)}: cannot write the file ({exc.strerror}); check the folder"
        raise DocumentError(msg) from None


def table_workbook(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "Таблица",
    writer: Literal["auto", "openpyxl", "xlsxwriter"] = "auto",
) -> bytes:
    """A workbook of one table: the header frozen with filter buttons, dates as dates.

    For the tables of many roadmaps the command line writes (``status``, ``summary``,
    ``validate`` over a collection with ``-o FILE.xlsx``). A list in a cell is written one item
    a line; other values as text.

    .. versionadded:: 0.3.0
    """

    def cell(value: object) -> Value | None:
        if isinstance(value, bool):
            return str(value)
        if value is None or isinstance(value, str | int | dt.date):
            return value
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return str(value)

    table = _table(sheet, header, ([cell(v) for v in row] for row in rows))
    return render(Book(sheets=[table], title=sheet), writer)
