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
    TEMPLATE_HEADERS,
    RawCell,
    RawParagraph,
    RawRow,
    RawTable,
    written_number,
)
from dod_model.model import ColumnRole
from dod_model.text import is_approval_block, split_parties

__all__ = ["Listed", "ListedSection", "rebuild"]


@attrs.frozen(kw_only=True)
class Listed:
    """An activity as an export lists it: each field as written, lists a line per item."""

    number: str = ""
    title: str = ""
    deadline: str = ""
    results: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


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
    return activity.notes[0] if activity.notes else ""  # the rest in rows across the table


def _row(texts: Iterable[str], *, header: bool = False) -> RawRow:
    cells = tuple(RawCell(text, column) for column, text in enumerate(texts, start=1))
    return RawRow(cells=cells, header=header)


def _across(text: str, width: int) -> RawRow:
    return RawRow(cells=(RawCell(text, 1, span=width),))


def _columns(
    columns: Sequence[ColumnRole], listed: Sequence[Listed | ListedSection]
) -> list[ColumnRole]:
    """The columns given, with any the activities need added in the standard order."""
    found = list(dict.fromkeys(columns)) or [
        role for role in TEMPLATE_HEADERS if role is not ColumnRole.NOTE
    ]
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
) -> tuple[RawParagraph | RawTable, ...]:
    """The blocks of the Word export of a roadmap an export lists.

    Args:
        title: The roadmap's title.
        before: The paragraphs before the table: approval blocks first, then the preamble.
        after: The footnotes after the table.
        columns: The roles of the table's columns, in order; the standard five when empty.
        listed: The sections and activities in document order.
    """
    roles = _columns(columns, listed)
    width = len(roles)
    leading = next((i for i, text in enumerate(before) if not is_approval_block(text)), len(before))
    head = [*before[:leading], title, *before[leading:]] if title else list(before)
    rows = [_row((TEMPLATE_HEADERS[role] for role in roles), header=True)]
    first = True
    for item in listed:
        if isinstance(item, ListedSection):
            text = f"{item.number}. {item.title}" if item.number else item.title
            rows.append(_across(text, width))
            first = True
            continue
        rows.append(_row(_cell(item, role, first=first) for role in roles))
        rows += [_across(note, width) for note in item.notes[ColumnRole.NOTE in roles :]]
        first = False
    return (
        *(RawParagraph(text=text) for text in head if text),
        RawTable(rows=tuple(rows), columns=width),
        *(RawParagraph(text=text) for text in after if text),
    )
