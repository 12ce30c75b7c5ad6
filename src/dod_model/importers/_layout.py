"""Layout understanding shared by every importer: raw blocks → :class:`~dod_model.Roadmap`.

Finds the roadmap's table (one logical table, however many pieces page breaks cut it into,
:mod:`._blocks`), its columns (:mod:`._columns`: words in any order and wording, one or two
levels, a number column whose header is empty), and reads each row as an activity, a section,
a note, or the rest of a row a page break split (:mod:`._rows`). Text before the table gives
the title, approval block and preamble; text after it footnotes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from dod_model._contracts import RawDocument
from dod_model._errors import DocumentError
from dod_model._host import Plugins
from dod_model.importers._blocks import (
    MUNICIPALITY,
    groups,
    one_line,
    split_blocks,
    split_head,
    tail_notes,
)
from dod_model.importers._columns import JOINS, Columns, column_role
from dod_model.importers._rows import Row, read_rows
from dod_model.model import (
    Activity,
    ColumnRole,
    ColumnText,
    Deadline,
    DeadlineKind,
    Party,
    Period,
    Result,
    Roadmap,
    Section,
    Source,
)
from dod_model.text import (
    Glossary,
    find_centres,
    find_definitions,
    find_legal_acts,
    find_steps,
    normalise_number,
    period_from_deadlines,
    plan_kind,
    plan_period,
    split_parties,
)

__all__ = ["build_roadmap", "column_role"]


def build_roadmap(raw: RawDocument, *, plugins: Plugins, region: str | None = None) -> Roadmap:
    """The roadmap a raw document holds.

    Args:
        raw: What an importer read.
        plugins: Regions (for detection) and glossaries (for parties).
        region: ISO 3166-2 code; detected from the text when ``None``.

    Raises:
        DocumentError: The document holds no roadmap table.
    """
    source = Source(name=raw.name, format=raw.format, sha256=raw.sha256, encoding=raw.encoding)
    vocabulary = plugins.headers()
    tables, head, tail = split_blocks(raw.blocks, vocabulary)
    # The cells are read: the raw tables can go (when the caller keeps none) before the
    # roadmap's objects are made, and the garbage collector need not look at both at once.
    del raw
    columns, rows = read_rows(tables, vocabulary)
    del tables
    cells_of = _CellsOf(columns)
    if not any(r.kind == "activity" for r in rows):
        msg = "the table has a header but no activities"
        raise DocumentError(msg)
    title, approvals, preamble = split_head(groups(head))
    notes = [one_line(a) for a in approvals] + [one_line(p) for p in preamble]
    notes += tail_notes(groups(tail))
    head_text = "\n".join([title, *approvals])
    # The cells row by row, left to right (however a split row filled them); not the numbers,
    # which name no region, centre or term, and which reading tidies («обл.» → «обл»).
    by_role = [(row, cells_of.roles(row)) for row in rows]
    order = [
        role for role in dict.fromkeys(columns.roles.values()) if role is not ColumnRole.NUMBER
    ]
    all_cells = [cells[role] for _, cells in by_role for role in order if role in cells]
    # Region and centres are found in what the roadmap keeps: of a responsible cell, the
    # bodies it names, tidied as they are kept (the cell's own text gives the definitions).
    bodies = functools.cache(lambda cell: "\n".join(p.name for p in split_parties(cell)))
    kept = [
        bodies(cells[role]) if role is ColumnRole.RESPONSIBLE else cells[role]
        for _, cells in by_role
        for role in order
        if role in cells
    ]
    if region is None:
        found = plugins.detect_region([title, *notes, *kept])
        region = found.code if found else None
    municipality = next((m["name"] for m in MUNICIPALITY.finditer(f"{head_text}\n{title}")), None)
    # Each distinct deadline is read once: a roadmap repeats them from row to row.
    written = {id(r): cells.get(ColumnRole.DEADLINE, "") for r, cells in by_role
               if r.kind == "activity"}  # fmt: skip
    drafts = {text: Deadline.parse(text) for text in dict.fromkeys(written.values())}
    period = plan_period(f"{title}\n{head_text}") or period_from_deadlines(drafts.values())
    final = {text: _with_period(draft, period) for text, draft in drafts.items()}
    deadlines = {key: final[text] for key, text in written.items()}
    meanings = _Meanings(plugins.glossary(region))
    unsectioned, roadmap_sections = _assemble(by_role, cells_of, deadlines, meanings)
    # The act is read from the block as the notes keep it, on one line: a Word export writes it
    # so, and a run of spaces in a line of it would otherwise part «приказом» from «от … №».
    approval = next((act for block in approvals for act in find_legal_acts(one_line(block))), None)
    basis = tuple(act for note in tail_notes(groups(tail)) for act in find_legal_acts(note))
    document_text = "\n".join([title, *notes, *all_cells])
    return Roadmap(
        title=title,
        kind=plan_kind(title),
        region=region,
        municipality=municipality,
        period=period,
        approval=approval,
        basis=basis,
        # One text of all cells (NUL between them, which no pattern crosses): three scans, not
        # three per cell.
        centres=find_centres([title, "\x00".join(kept)], region=region, municipality=municipality),
        glossary=find_definitions(document_text),
        notes=tuple(notes),
        columns=tuple(columns.roles.values()),
        headers=tuple(columns.header[c] for c in sorted(columns.header)),
        unsectioned=unsectioned,
        sections=roadmap_sections,
        source=source,
    )


class _Meanings:
    """Results and responsible bodies of one document's cells, each distinct text read once.

    A roadmap repeats them from row to row.
    """

    def __init__(self, glossary: Glossary) -> None:
        self.result: Callable[[str], Result] = functools.cache(Result.parse)
        self.results: Callable[[str], tuple[Result, ...]] = functools.cache(self._results)
        self.parties: Callable[[str], tuple[Party, ...]] = functools.cache(
            functools.partial(split_parties, glossary=glossary)
        )

    def _results(self, cell: str) -> tuple[Result, ...]:
        """A result cell's results, a line each."""
        return tuple(self.result(line) for line in cell.split("\n") if line)


def _with_period(draft: Deadline, period: Period | None) -> Deadline:
    """A deadline read again with the plan's period, where the period can change it."""
    if period is None or (draft.kind in _OWN_CALENDAR and (draft.start or draft.end)):
        return draft
    return Deadline.parse(draft.text, period)


_OWN_CALENDAR = frozenset({DeadlineKind.DATE, DeadlineKind.BY, DeadlineKind.FROM,
                           DeadlineKind.PERIOD, DeadlineKind.DATES})  # fmt: skip


class _CellsOf:
    """An activity row's cells by role (several columns of one role read as one) and the rest.

    Two responsible columns give the parties of both, a deadline's start and end columns one
    deadline «начало – окончание»; a column the vocabulary does not know stays under its header.
    """

    def __init__(self, columns: Columns) -> None:
        self._role = columns.role
        self._header = columns.header

    def roles(self, row: Row) -> dict[ColumnRole, str]:
        if row.kind == "section":
            return {ColumnRole.TITLE: row.title} if row.title else {}
        found: dict[ColumnRole, str] = {}
        for column in sorted(row.cells):
            role = self._role.get(column)
            if role is None:
                continue
            text = row.cells[column]
            found[role] = (
                f"{found[role]}{JOINS.get(role, chr(10))}{text}" if role in found else text
            )
        return found

    def extra(self, row: Row) -> tuple[ColumnText, ...]:
        return tuple(
            ColumnText(self._header.get(column, ""), row.cells[column])
            for column in sorted(row.cells)
            if self._role.get(column) is None
        )


def _assemble(
    rows: list[tuple[Row, dict[ColumnRole, str]]],
    cells_of: _CellsOf,
    deadlines: dict[int, Deadline],
    meanings: _Meanings,
) -> tuple[tuple[Activity, ...], tuple[Section, ...]]:
    """Activities outside sections, and the sections with theirs."""
    roadmap_sections: list[Section] = []
    unsectioned: list[Activity] = []
    pending: list[Activity] = []
    current: Row | None = None

    def close_section() -> None:
        if current is not None:
            section = Section(number=current.number, title=current.title,
                              activities=tuple(pending), provenance=current.location,
                              parent=current.parent)  # fmt: skip
            roadmap_sections.append(section)

    for row, cells in rows:
        if row.kind == "section":
            close_section()
            current, pending = row, []
            continue
        activity = _activity(row, cells, extra=cells_of.extra(row), section=current,
                             deadline=deadlines[id(row)], meanings=meanings)  # fmt: skip
        (pending if current is not None else unsectioned).append(activity)
    close_section()
    return tuple(unsectioned), tuple(roadmap_sections)


def _activity(
    row: Row,
    cells: dict[ColumnRole, str],
    *,
    extra: tuple[ColumnText, ...],
    section: Row | None,
    deadline: Deadline,
    meanings: _Meanings,
) -> Activity:
    title = cells.get(ColumnRole.TITLE, "")
    result_text = cells.get(ColumnRole.RESULT, "")
    return Activity(
        number=normalise_number(row.number),
        title=title,
        deadline=deadline,
        results=meanings.results(result_text),
        responsible=meanings.parties(cells.get(ColumnRole.RESPONSIBLE, "")),
        section=section.number if section is not None else None,
        # A «Примечание» column's cell is the row's first note; rows across the table follow.
        notes=(cells[ColumnRole.NOTE], *row.notes) if cells.get(ColumnRole.NOTE) else row.notes,
        steps=find_steps(title),
        provenance=row.location,
        indicator=cells.get(ColumnRole.INDICATOR, ""),
        funding=cells.get(ColumnRole.FUNDING, ""),
        audience=cells.get(ColumnRole.AUDIENCE, ""),
        place=cells.get(ColumnRole.PLACE, ""),
        completion=cells.get(ColumnRole.COMPLETION, ""),
        extra=extra,
    )
