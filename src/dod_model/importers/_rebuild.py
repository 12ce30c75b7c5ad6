"""The document a Word export of a roadmap would be, rebuilt from the rows of another export.

The CSV and Markdown exports list a roadmap's activities field by field (results and bodies a
line each, the section an activity stands in beside it). Their importers give the layout the
blocks the Word exporter would write for the same roadmap: approval blocks, the title and the
preamble above the table; a header row naming its columns; a row across the table for each
section; a row per activity, its cells written so that reading gives them back; the footnotes
after the table. The one layout stage then reads it as it reads a Word file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from dod_model._contracts import (
    DEFAULT_COLUMNS,
    TEMPLATE_HEADERS,
    RawCell,
    RawParagraph,
    RawRow,
    RawTable,
    written_number,
)
from dod_model.model import ColumnRole
from dod_model.text import is_approval_block, split_parties

__all__ = ["Column", "Listed", "ListedSection", "rebuild"]


@attrs.frozen(kw_only=True)
class Listed:
    """An activity as an export lists it: each field as written, lists a line per item."""

    number: str = ""
    title: str = ""
    deadline: str = ""
    results: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    fields: tuple[tuple[ColumnRole, str], ...] = ()
    """The texts of the roles kept as one field each (indicator, funding, …), filled ones."""
    extra: tuple[tuple[str, str], ...] = ()
    """Cells of columns the vocabulary does not know: header and text, left to right."""


@attrs.frozen(kw_only=True)
class ListedSection:
    """A section heading as an export lists it."""

    number: str
    title: str


def _responsible_cell(names: tuple[str, ...]) -> str:
    """The bodies a line each, or parted otherwise where that reads back as the same bodies."""
    for separator in (", ", "; ", "\n"):
        text = separator.join(names)
        if tuple(party.name for party in split_parties(text)) == names:
            return text
    return "\n".join(names)


def _cell(activity: Listed, role: ColumnRole, *, first: bool) -> str:
    fields = dict(activity.fields)
    if role in fields:
        return fields[role]
    if role is ColumnRole.NUMBER:
        return written_number(activity.number, first=first)
    if role is ColumnRole.TITLE:
        return activity.title
    if role is ColumnRole.DEADLINE:
        return activity.deadline
    if role is ColumnRole.RESULT:
        return "\n".join(activity.results)
    if role is ColumnRole.RESPONSIBLE:
        return _responsible_cell(activity.responsible)
    if role is ColumnRole.NOTE:
        return activity.notes[0] if activity.notes else ""  # the rest in rows across the table
    return ""


Column = tuple[str, ColumnRole | None]
"""A column of the table: its header, and its role (``None``: one the vocabulary does not know)."""


def _cells(activity: Listed, table: Sequence[Column], *, first: bool) -> list[str]:
    """The activity's cells, column by column.

    A role's text in its first column; the k-th cell kept under a header in the k-th unknown
    column of that header.
    """
    extra: dict[str, list[str]] = {}
    for header, text in activity.extra:
        extra.setdefault(header, []).append(text)
    seen: set[ColumnRole] = set()
    cells = []
    for header, role in table:
        if role is None:
            kept = extra.get(header, [])
            cells.append(kept.pop(0) if kept else "")
        elif role in seen:  # reading joins the columns of a role: one holds all of it
            cells.append("")
        else:
            seen.add(role)
            cells.append(_cell(activity, role, first=first))
    return cells


def _table(
    columns: Sequence[ColumnRole],
    table: Sequence[Column],
    listed: Sequence[Listed | ListedSection],
) -> list[Column]:
    """The table's columns: as listed (or the template's for the roles), and those it lacks.

    A role the activities fill that the table lacks is added after the other roles; a header
    of cells kept under it, at the end, as many times as an activity keeps cells under it.
    """
    found = list(table) or [(TEMPLATE_HEADERS[role], role) for role in _columns(columns, listed)]
    activities = [item for item in listed if isinstance(item, Listed)]
    roles = {role for _, role in found}
    for role in dict.fromkeys(role for a in activities for role, _ in a.fields):
        if role not in roles:
            known = [i for i, (_, r) in enumerate(found) if r is not None]
            found.insert(known[-1] + 1 if known else len(found), (TEMPLATE_HEADERS[role], role))
    for header in dict.fromkeys(h for a in activities for h, _ in a.extra):
        have = sum(1 for h, r in found if r is None and h == header)
        wanted = max(sum(1 for h, _ in a.extra if h == header) for a in activities)
        found += [(header, None)] * max(0, wanted - have)
    return found


def _row(texts: Iterable[str], *, header: bool = False) -> RawRow:
    cells = tuple(RawCell(text, column) for column, text in enumerate(texts, start=1))
    return RawRow(cells=cells, header=header)


def _across(text: str, width: int) -> RawRow:
    return RawRow(cells=(RawCell(text, 1, span=width),))


def _columns(
    columns: Sequence[ColumnRole], listed: Sequence[Listed | ListedSection]
) -> list[ColumnRole]:
    """The columns given, with any the activities need added in the standard order."""
    found = list(dict.fromkeys(columns)) or list(DEFAULT_COLUMNS)
    activities = [item for item in listed if isinstance(item, Listed)]
    needed = {
        ColumnRole.NUMBER: any(a.number for a in activities),
        ColumnRole.TITLE: True,
        ColumnRole.DEADLINE: any(a.deadline for a in activities),
        ColumnRole.RESULT: any(a.results for a in activities),
        ColumnRole.RESPONSIBLE: any(a.responsible for a in activities),
    }
    order = list(TEMPLATE_HEADERS)
    for role, wanted in needed.items():
        if wanted and role not in found:
            before = [c for c in found if order.index(c) < order.index(role)]
            found.insert(found.index(before[-1]) + 1 if before else 0, role)
    return found


def rebuild(
    *,
    title: str,
    before: Sequence[str],
    after: Sequence[str],
    columns: Sequence[ColumnRole],
    listed: Sequence[Listed | ListedSection],
    table: Sequence[Column] = (),
) -> tuple[RawParagraph | RawTable, ...]:
    """The blocks of the Word export of a roadmap an export lists.

    Args:
        title: The roadmap's title.
        before: The paragraphs before the table: approval blocks first, then the preamble.
        after: The footnotes after the table.
        columns: The roles of the table's columns, in order; the standard five when empty.
        listed: The sections and activities in document order.
        table: The table's columns, headers as written, in order; when empty, ``columns``
            under the template's headers.
    """
    found = _table(columns, table, listed)
    roles = [role for _, role in found]
    width = len(found)
    leading = next((i for i, text in enumerate(before) if not is_approval_block(text)), len(before))
    head = [*before[:leading], title, *before[leading:]] if title else list(before)
    rows = [_row((header for header, _ in found), header=True)]
    first = True
    for item in listed:
        if isinstance(item, ListedSection):
            text = f"{item.number}. {item.title}" if item.number else item.title
            rows.append(_across(text, width))
            first = True
            continue
        rows.append(_row(_cells(item, found, first=first)))
        rows += [_across(note, width) for note in item.notes[ColumnRole.NOTE in roles :]]
        first = False
    return (
        *(RawParagraph(text=text) for text in head if text),
        RawTable(rows=tuple(rows), columns=width),
        *(RawParagraph(text=text) for text in after if text),
    )
