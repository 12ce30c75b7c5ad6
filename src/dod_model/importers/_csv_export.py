"""The library's own CSV export, read back: its rows as the blocks of the roadmap's document.

The export's header is :data:`dod_model.exporters.CSV_COLUMNS` (the columns are found by name,
so columns a later version adds change nothing); its first row holds the plan's title, the text
before and after the table and the roles of the table's columns (the ``plan_`` columns, since
0.3.0), and the header of each column (``plan_headers``, a JSON array of [header, role] pairs,
after the activities' ``indicator`` … ``completion`` and ``extra`` columns added later in 0.3.0).
A file an earlier version wrote has no ``plan_`` columns: it reads to the table alone (no
title, notes, approval or basis), in the standard five columns; one without ``plan_headers``
under the template's headers of the roles ``plan_columns`` lists.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from dod_model._contracts import CSV_COLUMNS, RawParagraph, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._csv_records import Record
from dod_model.importers._rebuild import Listed, ListedSection, rebuild
from dod_model.model import ColumnRole

__all__ = ["EXPORT_COLUMNS", "is_export", "read_export"]

EXPORT_COLUMNS: Final = CSV_COLUMNS[:16]
"""The columns of the export since 0.2.0 (``CSV_COLUMNS`` then): the header names them all."""
_PLAN: Final = ("plan_title", "plan_preamble", "plan_footnotes", "plan_columns", "plan_sections")
_FIELDS: Final = (ColumnRole.INDICATOR, ColumnRole.FUNDING, ColumnRole.AUDIENCE, ColumnRole.PLACE,
                  ColumnRole.COMPLETION)  # fmt: skip
_LATER: Final = (*(role.value for role in _FIELDS), "extra", "plan_headers")
"""The columns added after the ``plan_`` ones in 0.3.0; a file without them reads as before."""
_ROLES: Final = {role.value: role for role in ColumnRole}


def is_export(found: Sequence[Record]) -> bool:
    """Whether the first record is the export's header."""
    return bool(found) and set(EXPORT_COLUMNS) <= set(found[0])


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.split("\n") if line)


def _notes(text: str) -> tuple[str, ...]:
    """Notes a line each, or parted by empty lines where the cell ends with one."""
    if text.endswith("\n\n"):
        return tuple(note.strip("\n") for note in text.split("\n\n") if note.strip("\n"))
    return _lines(text)


def _columns(text: str, name: str) -> list[ColumnRole]:
    roles = []
    for word in text.split():
        role = _ROLES.get(word)
        if role is None:
            known = ", ".join(_ROLES)
            msg = (
                f"{name}: plan_columns names a column {word!r} the library does not know ({known})"
            )
            raise DocumentError(msg)
        roles.append(role)
    return roles


def _sections(text: str, name: str) -> list[tuple[str, str]]:
    """The sections ``plan_sections`` lists: pairs of number and title."""
    if not text.strip():
        return []
    try:
        found = json.loads(text)
    except (ValueError, RecursionError):
        found = None
    if not isinstance(found, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        for pair in found
    ):
        msg = (
            f"{name}: plan_sections of the first row is not a JSON array of [number, title] "
            "pairs; was it edited? Clear the cell to read the sections from the rows"
        )
        raise DocumentError(msg)
    return [(number, title) for number, title in found]


def _json_pairs(text: str, what: str, where: str) -> list[list[object]]:
    """A cell holding a JSON array of pairs, each a string and what ``what`` says."""
    try:
        found = json.loads(text)
    except (ValueError, RecursionError):
        found = None
    if not isinstance(found, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) for pair in found
    ):
        msg = (
            f"{where} is not a JSON array of [header, {what}] pairs; was it edited? "
            "Clear the cell to read the file without it"
        )
        raise DocumentError(msg)
    return found


def _extra(text: str, where: str) -> tuple[tuple[str, str], ...]:
    """The cells kept under headers the ``extra`` column lists."""
    if not text.strip():
        return ()
    pairs = _json_pairs(text, "text", where)
    if not all(isinstance(text, str) for _, text in pairs):
        msg = f"{where} is not a JSON array of [header, text] pairs of strings; was it edited?"
        raise DocumentError(msg)
    return tuple((str(header), str(text)) for header, text in pairs)


def _headers(text: str, name: str) -> list[tuple[str, ColumnRole | None]]:
    """The table's columns ``plan_headers`` lists: header and role (``null``: none known)."""
    if not text.strip():
        return []
    where = f"{name}: plan_headers of the first row"
    columns: list[tuple[str, ColumnRole | None]] = []
    for header, role in _json_pairs(text, "role", where):
        if role is not None and (not isinstance(role, str) or role not in _ROLES):
            known = ", ".join(_ROLES)
            msg = f"{where} names a role {role!r} the library does not know ({known}, or null)"
            raise DocumentError(msg)
        columns.append((str(header), _ROLES[role] if isinstance(role, str) else None))
    return columns


def _listed(
    rows: Sequence[Record],
    field: Callable[[Record, str], str],
    sections: list[tuple[str, str]],
    name: str,
) -> Iterator[Listed | ListedSection]:
    """The sections and activities in document order.

    A row's section is the next of ``sections`` that it names (those it passes over hold no
    activities); one the list does not hold heads a section of its own.
    """
    pending = iter(sections)
    current: tuple[str, str] = ("", "")
    for record in rows:
        here = (field(record, "section"), field(record, "section_title"))
        if here != current and any(here):
            remaining = list(pending)
            at = remaining.index(here) if here in remaining else None
            if at is not None:
                yield from (ListedSection(number=n, title=t) for n, t in remaining[:at])
                pending = iter(remaining[at + 1 :])
            else:
                pending = iter(remaining)
            yield ListedSection(number=here[0], title=here[1])
        current = here
        yield Listed(
            number=field(record, "number"),
            title=field(record, "title"),
            deadline=field(record, "deadline"),
            results=_lines(field(record, "results")),
            responsible=_lines(field(record, "responsible")),
            notes=_notes(field(record, "notes")),
            fields=tuple((role, text) for role in _FIELDS if (text := field(record, role.value))),
            extra=_extra(field(record, "extra"), f"{name}: extra of line {record.line}"),
        )
    yield from (ListedSection(number=n, title=t) for n, t in pending)


def read_export(found: Sequence[Record], name: str) -> tuple[RawParagraph | RawTable, ...]:
    """The blocks of the Word export of the roadmap the CSV export lists.

    Raises:
        DocumentError: ``plan_columns`` or ``plan_headers`` names a column the library does
            not know, or ``plan_headers`` or an ``extra`` cell is not the JSON it should be.
    """
    header = list(found[0])
    at: dict[str, int] = {
        column: header.index(column)
        for column in (*EXPORT_COLUMNS, *_PLAN, *_LATER)
        if column in header
    }
    rows = [record for record in found[1:] if record != [""]]

    def field(record: Record, column: str) -> str:
        index = at.get(column)
        return record[index] if index is not None and index < len(record) else ""

    plan = rows[0] if rows else Record([], 1)
    sections = _sections(field(plan, "plan_sections"), name)
    return rebuild(
        title=field(plan, "plan_title"),
        before=_lines(field(plan, "plan_preamble")),
        after=_lines(field(plan, "plan_footnotes")),
        columns=_columns(field(plan, "plan_columns"), name),
        listed=list(_listed(rows, field, sections, name)),
        table=_headers(field(plan, "plan_headers"), name),
    )
