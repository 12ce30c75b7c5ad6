"""The rows of a roadmap's tables, read one by one into activities, sections and notes.

Rows before the header row are left out, and so are a header typed again, a row of column
numbers and an empty row. A row a page break split (a text export writes its rest on a line of
its own) goes on with the row above; a row without a number of its own that begins anew is an
activity of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import attrs

from dod_model._base import roman_to_int
from dod_model._contracts import RawCell, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._columns import (
    Columns,
    folded,
    header_columns,
    is_column_numbers,
    lower_header,
)
from dod_model.model import ColumnRole, Location
from dod_model.text import HeaderVocabulary, section_heading

__all__ = ["NUMBER", "Row", "read_rows", "regroup_cells"]

# Possessive: no run of spaces or digits is tried in two ways («1», 60,000 spaces, «а»).
NUMBER = re.compile(r"№?\s*+(?:\d++(?:\s*+\.\s*+\d++)*+|[IVXLC]{1,6})\s*+\.*+\s*+")
_AMENDMENT = re.compile(r"^\(?\s*(?:позиция|пункт|строка)\b.*\bредакци", re.IGNORECASE | re.DOTALL)
# A subsection's heading across the table: «1.1. Создание МОЦ», «2.3 Кадры».
_SUBSECTION = re.compile(r"\s*+(?P<number>\d{1,3}(?:\.\d{1,3}){1,3})\.?\s++(?P<title>\S.*)",
                         re.DOTALL)  # fmt: skip
# Word endings a page break cuts from their stem: «дополнительн» + «ого образования».
_ENDING_WORDS = (
    "ого его ому ему ой ей ый ий ая яя ое ее ые ие ых их ым им ыми ими ую юю ов ев ам ям ах ях "
    "ами ями ия ии ие ию ья ье ьи ью ть ся ость ости ание ания анию ением ения ению ции ция цию "
    "ций ной ного ному ных ным ными ная ное ные"
)
_ENDINGS = frozenset(_ENDING_WORDS.split())


def _join(before: str, after: str) -> str:
    """Text of a cell that goes on after a page break, a cut word mended."""
    if not before:
        return after
    first = after.split(maxsplit=1)[0] if after.split() else ""
    cut = (before[-1:].isalpha() and first[:1].islower()
           and first.rstrip(".,;:") in _ENDINGS)  # fmt: skip
    # A page break is no line break: the text goes on after a space.
    return before + after if cut else f"{before} {after}"


_SPACES = re.compile(r"  ++")
# Whitespace beside a line break: a line to strip, or an empty one to drop.
_LOOSE_BREAK = re.compile(r"\s\n|\n\s")


def clean_lines(text: str) -> str:
    """Cell text as shown, each line stripped, empty lines dropped, NBSP as space.

    A run of spaces is one space, as a browser, a PDF reader's text and a Markdown page show
    it: the same cell reads the same from every format.
    """
    if (
        "\u00a0" not in text
        and "\u00ad" not in text
        and "  " not in text
        and text.strip() == text
        and ("\n" not in text or _LOOSE_BREAK.search(text) is None)
    ):
        return text  # already clean, as most cells are
    lines = (line.replace("\u00a0", " ").replace("\u00ad", "").strip() for line in text.split("\n"))
    return "\n".join(_SPACES.sub(" ", line) for line in lines if line)


@attrs.define
class Row:
    """An activity or section row being read.

    Attributes:
        kind: ``"activity"`` or ``"section"``.
        location: Where the row stands.
        cells: An activity's cells by the column they stand in (see :class:`Columns`).
        number: A section's number as written, or an activity's.
        title: A section's title.
        parent: A subsection's section.
        notes: Rows across the table that note the activity.
    """

    kind: str
    location: Location
    cells: dict[int, str] = attrs.field(factory=dict)
    number: str = ""
    title: str = ""
    parent: str | None = None
    notes: tuple[str, ...] = ()


def regroup_cells(table: RawTable, vocabulary: HeaderVocabulary) -> RawTable:
    """A one-cell-per-row table (text exports written a cell per line) into real rows.

    The header is the run of cells from the first that, with those after it, names the columns,
    to the first number or section; a header cell the vocabulary does not know is one too.
    A row without a cell (Word's ``<w:tr/>``) holds nothing to regroup and is left out.
    """
    cells = [(row.line, row.cells[0].text) for row in table.rows if row.cells]
    width = 0
    for index in range(len(cells)):
        candidate = RawRow(cells=tuple(RawCell(text, i + 1) for i, (_, text)
                                       in enumerate(cells[index:index + 8])))  # fmt: skip
        if header_columns(candidate, vocabulary) is not None:
            width, start = (
                _header_width([t for _, t in cells[index : index + 16]], vocabulary),
                index,
            )
            break
    if width == 0:
        return table
    rows = [RawRow(cells=tuple(RawCell(t, i + 1) for i, (_, t) in enumerate(cells[:start])),
                   line=cells[0][0])] if start else []  # fmt: skip
    position = start
    while position < len(cells):
        line, text = cells[position]
        stripped = text.strip()
        if position == start or NUMBER.fullmatch(stripped.split("\n")[0] if stripped else "x"):
            group = cells[position : position + width]
            rows.append(RawRow(cells=tuple(RawCell(t, i + 1) for i, (_, t) in enumerate(group)),
                               line=line))  # fmt: skip
            position += width
        else:
            if stripped:
                rows.append(RawRow(cells=(RawCell(text, 1, span=width),), line=line))
            position += 1
    return RawTable(rows=tuple(rows), columns=width, line=table.line)


def _header_width(texts: list[str], vocabulary: HeaderVocabulary) -> int:
    """How many of ``texts``, a header's cells a line each, the header has.

    It ends before a number, a section's heading or a role named twice (that only some roles
    may have twice); unknown cells at its end are the first row's.
    """
    seen: set[ColumnRole] = set()
    known = 0
    for count, text in enumerate(texts, start=1):
        stripped = text.strip()
        if NUMBER.fullmatch(stripped or "x") or section_heading(stripped):
            break
        role = vocabulary.role(text)
        if role is not None:
            if role in seen and role not in (ColumnRole.RESPONSIBLE, ColumnRole.RESULT):
                break
            seen.add(role)
            known = count
        elif count - known > 2:
            break
    return known


def read_rows(
    tables: Sequence[tuple[int, RawTable]], vocabulary: HeaderVocabulary
) -> tuple[Columns, list[Row]]:
    """The columns, and the rows of the roadmap's tables read in order."""
    reader = _RowReader(vocabulary)
    for table_index, table in tables:
        for number, raw in enumerate(table.rows, start=1):
            reader.read(raw, Location(table=table_index, row=number, line=raw.line))
    if reader.columns is None:
        msg = "no roadmap table: no row names its columns («Мероприятие», «Срок», …)"
        raise DocumentError(msg)
    return reader.columns, _subsections(reader.rows, reader.columns)


class _RowReader:
    """The rows of a roadmap's tables, read one by one into activities, sections and notes.

    Attributes:
        columns: The columns, once the header row is read.
        rows: The activity and section rows read so far.
    """

    def __init__(self, vocabulary: HeaderVocabulary) -> None:
        self.columns: Columns | None = None
        self.rows: list[Row] = []
        self._vocabulary = vocabulary
        self._header_texts: list[str] = []
        # Each distinct cell text cleaned once: a roadmap repeats them from row to row.
        self._clean: Callable[[str], str] = functools.cache(clean_lines)
        self._first_column = 0  # of the columns, once known
        self._number_column: int | None = None  # of the columns, if they have one
        self._title_column: int | None = None
        self._lower_next = False  # whether the row after the header may be its lower level
        self._lower_texts: list[str] = []  # the lower level of a two-level header, once read
        # How the document heads its sections, told by the first one: with numbers or without.
        self._unnumbered_sections: bool | None = None

    def read(self, raw: RawRow, where: Location) -> None:
        """A row of the table, at ``where``."""
        clean = self._clean
        texts = [clean(c.text) for c in raw.cells]
        if self._lower_next and self.columns is not None:
            self._lower_next = False
            lower = lower_header(self.columns, raw, self._vocabulary, texts)
            if lower is not None:
                self._set_columns(lower)
                self._lower_texts = folded(texts)
                return
        if self._heads(raw, texts) or self.columns is None or self._numbers_columns(raw, texts):
            return
        columns = self.columns
        filled = [(c, t) for c, t in zip(raw.cells, texts, strict=True) if t]
        if not filled:
            return
        cells: dict[int, str] = {}
        for cell, text in filled:
            column = columns.key(cell.column)
            cells[column] = f"{cells[column]}\n{text}" if column in cells else text
        # A number merged down from the row above is that row's, not a new activity's.
        number_cell = next((c for c in raw.cells if columns.cover.get(c.column) ==
                            self._number_column), None)  # fmt: skip
        merged_number = number_cell is not None and number_cell.merged
        key = "" if merged_number else cells.get(self._number_column or -1, "")
        if len(filled) == 1 and self._spans(raw, filled[0][0].column, key):
            numbered = columns.cover.get(filled[0][0].column) == self._number_column
            self._across(filled[0][1], where, numbered=numbered)
        elif (heading := self._heading_cells(filled, key)) is not None:
            self.rows.append(Row("section", where, number=heading[0], title=heading[1]))
        elif (
            self._number_column is not None
            and not key
            and self.rows
            and self.rows[-1].kind == "activity"
            and self._goes_on(raw, texts)
        ):
            self._continue(raw, texts)
        else:
            self.rows.append(Row("activity", where, cells, number=key))

    def _set_columns(self, columns: Columns) -> None:
        self.columns = columns
        roles = columns.role
        self._first_column = min(columns.header)
        self._number_column = next((c for c, r in roles.items() if r is ColumnRole.NUMBER), None)
        self._title_column = next((c for c, r in roles.items() if r is ColumnRole.TITLE), None)

    def _heads(self, raw: RawRow, texts: list[str]) -> bool:
        """Whether the row is the header row, or the same header again (read if the first).

        A row that begins with a number is none; a row marked as Word's repeated header is one
        if it names the columns at all.
        """
        if texts and NUMBER.fullmatch(texts[0] or "x"):
            return False
        found = header_columns(raw, self._vocabulary)
        if found is None:
            return False
        if self.columns is not None:
            # The header again is the same header: a row that only names the roles is data.
            return raw.header or folded(texts) == folded(self._header_texts)
        self._set_columns(found)
        self._header_texts = texts
        self._lower_next = True
        return True

    def _numbers_columns(self, raw: RawRow, texts: list[str]) -> bool:
        """Whether the row is the header's text again, or numbers the columns (1 | 2 | 3)."""
        # Column numbers begin with «1» (or a blank): most rows are seen not to at once.
        return (
            texts == self._header_texts
            or (bool(self._lower_texts) and folded(texts) == self._lower_texts)
            or (bool(texts) and texts[0] in ("", "1", "1.") and is_column_numbers(raw))
        )

    def _spans(self, raw: RawRow, column: int, key: str) -> bool:
        """Whether a row with one filled cell, at ``column``, is one cell across the table.

        The cell is in the first column, or spans, or is alone in the row; and it spans, or is
        an amendment note, or has no number, or heads a section.
        """
        first = raw.cells[0]
        alone = column == self._first_column or first.span > 1 or len(raw.cells) == 1
        across = first.span > 1 or bool(_AMENDMENT.match(key))
        numbered = key != "" or column == self._number_column
        return alone and (across or not numbered or bool(section_heading(key)))

    def _heading_cells(self, filled: list[tuple[RawCell, str]], key: str) -> tuple[str, str] | None:
        """A section's number and title, if the row is its number and a title across the rest.

        «1. | Порядок обновления …» with the title merged over the other columns; «1.1 | …» a
        subsection.
        """
        if len(filled) != 2 or not key or self.columns is None:
            return None
        (first, _), (cell, title) = filled
        if self.columns.cover.get(first.column) != self._number_column:
            return None
        last = max(self.columns.cover)
        if cell.span < 2 or cell.column + cell.span - 1 < last:
            return None
        heading = section_heading(f"{key} {title}")
        if heading is not None:
            return heading
        sub = _SUBSECTION.fullmatch(f"{key} {title}")
        return (sub["number"], " ".join(sub["title"].split())) if sub is not None else None

    def _across(self, text: str, where: Location, *, numbered: bool) -> None:
        """A row of one cell across the table, ``numbered`` if its text is in the number column."""
        rows = self.rows
        _spanning_row(text, where, rows, numbered=numbered,
                      unnumbered_sections=bool(self._unnumbered_sections))  # fmt: skip
        if self._unnumbered_sections is None and rows and rows[-1].kind == "section":
            self._unnumbered_sections = not rows[-1].number

    def _goes_on(self, raw: RawRow, texts: list[str]) -> bool:
        """Whether a row without a number is the rest of the row above, which a page break split.

        It is not when it has a title of its own that begins anew (a capital, a quote, a digit)
        and a deadline or a responsible body of its own where the row above has one too: a
        page break leaves the short cells whole on the page before.
        """
        if self._title_column is None or self.columns is None:
            return True
        columns, above = self.columns, self.rows[-1].cells
        own = {columns.key(c.column): t for c, t in zip(raw.cells, texts, strict=True)
               if t and not c.merged}  # fmt: skip
        title = own.get(self._title_column, "")
        if not title or not (title[0].isupper() or title[0] in '«"0123456789'):
            return True
        short = (ColumnRole.DEADLINE, ColumnRole.RESPONSIBLE)
        return not any(columns.role.get(column) in short and column in above for column in own)

    def _continue(self, raw: RawRow, texts: list[str]) -> None:
        """The own cells of a row a page break split go on with the activity above.

        Cells merged down from the row above already belong to it.
        """
        columns, cells = self.columns, self.rows[-1].cells
        assert columns is not None
        for cell, text in zip(raw.cells, texts, strict=True):
            if text and not cell.merged:
                key = columns.key(cell.column)
                cells[key] = _join(cells.get(key, ""), text)


def _spanning_row(text: str, where: Location, rows: list[Row], *, numbered: bool,
                  unnumbered_sections: bool) -> None:  # fmt: skip
    """A row of one cell across the table: a section, or a note on the activity above.

    ``unnumbered_sections``: the document's first section was headed without a number, so an
    unnumbered row across the table heads a section rather than notes the activity above.
    """
    if _AMENDMENT.match(text) and rows:
        rows[-1].notes += (text,)
    elif (heading := section_heading(text)) is not None:
        rows.append(Row("section", where, number=heading[0], title=heading[1]))
    elif (sub := _SUBSECTION.fullmatch(text)) is not None:
        rows.append(
            Row("section", where, number=sub["number"], title=" ".join(sub["title"].split()))
        )
    elif rows and numbered and not unnumbered_sections:
        rows[-1].notes += (text,)
    else:  # the table begins with it, or the document's sections are all unnumbered
        rows.append(Row("section", where, number="", title=text))


def _same_number(section: str, prefix: str) -> bool:
    """Whether a section numbered ``section`` is the one «prefix.…» is under («II» of «2.1»)."""
    if section == prefix:
        return True
    value = roman_to_int(section) if "." not in section else None
    return value is not None and prefix.isdigit() and value == int(prefix)


def _subsections(rows: list[Row], columns: Columns) -> list[Row]:
    """Rows with parents for subsections, and numbered headings read as the sections they are.

    A row numbered «1.1» holding only a title, followed by a row numbered «1.1.1», heads
    subsection «1.1» (and a row «1» before «1.1», section «1»: a text export writes a title
    merged across the row as one cell). A subsection's parent is the section whose number its
    own begins with, in arabic or roman («II» of «2.1»).
    """
    roles = columns.role
    bare = {c for c, r in roles.items() if r in (ColumnRole.NUMBER, ColumnRole.TITLE)}
    sections: list[Row] = []
    for index, row in enumerate(rows):
        number = row.number.rstrip(".")
        if (
            row.kind == "activity"
            and number
            and set(row.cells) <= bare
            and index + 1 < len(rows)
            and rows[index + 1].kind == "activity"
            and rows[index + 1].number.rstrip(".").startswith(f"{number}.")
        ):
            title = next((t for c, t in row.cells.items() if roles.get(c) is ColumnRole.TITLE), "")
            row.kind, row.number, row.title, row.cells = "section", number, title, {}
        if row.kind == "section":
            if "." in row.number:
                prefix = row.number.rsplit(".", 1)[0]
                row.parent = next((s.number for s in reversed(sections)
                                   if _same_number(s.number, prefix)), None)  # fmt: skip
            sections.append(row)
    return rows
