"""The columns of the table the exporters write: the roadmap's own, as its source headed them.

A roadmap read from a document knows the header of each column of its table
(:attr:`~dod_model.Roadmap.headers`) and the roles of those the header vocabulary tells
(:attr:`~dod_model.Roadmap.columns`). The table is written with those columns, in that order,
under those headers: a column the vocabulary does not know holds the activities' cells kept
under its header (:attr:`~dod_model.Activity.extra`). A roadmap that names no columns gets the
standard five; a column its activities need and its table lacks is added (a standard one in its
place in the standard order, another role after them, an unknown column at the end).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from dod_model._contracts import DEFAULT_COLUMNS, TEMPLATE_HEADERS
from dod_model.model import Activity, ColumnRole, Roadmap
from dod_model.text import HeaderVocabulary, core_headers

__all__ = ["FIELD_ROLES", "TableColumn", "field_text", "table_columns"]

FIELD_ROLES = (ColumnRole.INDICATOR, ColumnRole.FUNDING, ColumnRole.AUDIENCE, ColumnRole.PLACE,
               ColumnRole.COMPLETION)  # fmt: skip
"""The roles whose cell an activity keeps as one text field of the same name."""


@attrs.frozen
class TableColumn:
    """A column of the table written.

    Attributes:
        header: What its header cell says.
        role: What it holds; ``None`` for a column the vocabulary does not know, which holds
            the activities' :attr:`~dod_model.Activity.extra` cells of header ``header``.
        occurrence: Of the unknown columns headed ``header``, which this one is (from 0): an
            activity's second cell kept under one header goes in the second such column.
    """

    header: str
    role: ColumnRole | None
    occurrence: int = 0


def field_text(activity: Activity, role: ColumnRole) -> str:
    """The text of one of :data:`FIELD_ROLES` an activity holds."""
    text: str = getattr(activity, role.value)
    return text


def _names(header: str, role: ColumnRole, vocabulary: HeaderVocabulary, *, first: bool) -> bool:
    """Whether reading would give ``header`` the ``role`` (a two-level «Сроки: начало» too)."""
    if role is ColumnRole.NUMBER and first and not header.strip():
        return True  # a number column whose header is empty
    upper, _, lower = header.partition(": ")
    return role in {vocabulary.role(header), vocabulary.role(upper), vocabulary.role(lower)}


def _own(roadmap: Roadmap, vocabulary: HeaderVocabulary) -> list[TableColumn] | None:
    """The source's columns under their headers, if its headers and roles match up."""
    headers, roles = roadmap.headers, roadmap.columns
    if not headers or not roles:
        return None
    found: list[TableColumn] = []
    at = 0
    for index, header in enumerate(headers):
        role = roles[at] if at < len(roles) else None
        if role is not None and _names(header, role, vocabulary, first=not index):
            # Written as it stood, if it reads as its role on its own; else as the template has it.
            named = vocabulary.role(header) is role or (role is ColumnRole.NUMBER and not index)
            found.append(TableColumn(header if named else TEMPLATE_HEADERS[role], role))
            at += 1
        else:
            found.append(TableColumn(header, None))
    return found if at == len(roles) else None


def _needed(activities: Sequence[Activity], role: ColumnRole) -> bool:
    if role is ColumnRole.NUMBER:
        return any(a.number for a in activities)
    if role is ColumnRole.DEADLINE:
        return any(a.deadline.text for a in activities)
    if role is ColumnRole.RESULT:
        return any(a.results for a in activities)
    if role is ColumnRole.RESPONSIBLE:
        return any(a.responsible for a in activities)
    if role in FIELD_ROLES:
        return any(field_text(a, role) for a in activities)
    return False


def _numbered(columns: list[TableColumn]) -> list[TableColumn]:
    """The columns with each unknown one's occurrence of its header counted."""
    seen: Counter[str] = Counter()
    out = []
    for column in columns:
        if column.role is None:
            out.append(attrs.evolve(column, occurrence=seen[column.header]))
            seen[column.header] += 1
        else:
            out.append(column)
    return out


def table_columns(
    roadmap: Roadmap, vocabulary: HeaderVocabulary | None = None
) -> list[TableColumn]:
    """The columns of the roadmap's table as the exporters write it, in order.

    Args:
        roadmap: The roadmap.
        vocabulary: The header wordings reading tells the columns by; the built-in ones when
            ``None``.
    """
    vocabulary = vocabulary or core_headers()
    columns = _own(roadmap, vocabulary)
    if columns is None:
        roles = list(roadmap.columns) or list(DEFAULT_COLUMNS)
        columns = [TableColumn(TEMPLATE_HEADERS[role], role) for role in roles]
    activities = roadmap.activities
    order = list(DEFAULT_COLUMNS)
    for role in (*DEFAULT_COLUMNS, *FIELD_ROLES):
        if any(c.role is role for c in columns) or not _needed(activities, role):
            continue
        column = TableColumn(TEMPLATE_HEADERS[role], role)
        if role in order:  # after the standard column before it, or first
            before = [i for i, c in enumerate(columns)
                      if c.role in order and order.index(c.role) < order.index(role)]  # fmt: skip
            columns.insert(before[-1] + 1 if before else 0, column)
        else:  # after the last column of a role, before the unknown ones of the roadmap's own
            known = [i for i, c in enumerate(columns) if c.role is not None]
            columns.insert(known[-1] + 1 if known else len(columns), column)
    have = Counter(c.header for c in columns if c.role is None)
    wanted: Counter[str] = Counter()
    for activity in activities:
        wanted |= Counter(cell.header for cell in activity.extra)
    for header in dict.fromkeys(cell.header for a in activities for cell in a.extra):
        columns += [TableColumn(header, None)] * max(0, wanted[header] - have[header])
    return _numbered(columns)
