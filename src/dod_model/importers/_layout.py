"""Layout understanding shared by every importer: raw blocks → :class:`~dod_model.Roadmap`.

Finds the roadmap's table (one logical table, however many pieces page breaks cut it into),
its header row (words in any order and wording, a number column whose header is empty), and
reads each row as an activity, a section, a note, or the rest of a row a page break split.
Text before the table gives the title, approval block and preamble; text after it footnotes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from dod_model._base import fold_header
from dod_model._contracts import RawCell, RawDocument, RawParagraph, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model._host import Plugins
from dod_model.model import (
    Activity,
    ColumnRole,
    Deadline,
    DeadlineKind,
    Location,
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
    is_approval_block,
    normalise_number,
    period_from_deadlines,
    plan_kind,
    plan_period,
    section_heading,
    split_parties,
)

__all__ = ["build_roadmap", "column_role"]

_ROLE_WORDS: tuple[tuple[ColumnRole, re.Pattern[str]], ...] = (
    (ColumnRole.NUMBER, re.compile(r"^(?:№|n\b|no\b|номер\b)|^п\s*/\s*п$")),
    (ColumnRole.DEADLINE, re.compile(r"срок|дата|период исполнения")),
    (ColumnRole.RESPONSIBLE, re.compile(r"ответствен|исполнител")),
    (ColumnRole.RESULT,
     re.compile(r"результат|итогов\w{0,30} документ|ожидаем|показател|форма завершения")),
    (ColumnRole.NOTE, re.compile(r"примечани")),
    (ColumnRole.TITLE, re.compile(r"наименовани|мероприяти|содержани|действи|задач")),
)  # fmt: skip


def column_role(header: str) -> ColumnRole | None:
    """The role a header cell names («Срок исполнения» → deadline), or ``None``."""
    folded = fold_header(header)
    if not folded:
        return None
    for role, pattern in _ROLE_WORDS:
        if pattern.search(folded):
            return role
    return None


def _folded(texts: list[str]) -> list[str]:
    """Header cells as compared: folded, empty ones left out (a page may split them)."""
    return [folded for text in texts if (folded := fold_header(text))]


def _header_roles(row: RawRow) -> dict[int, ColumnRole] | None:
    """Roles by column if ``row`` is a header row: two or more roles, a title among them."""
    roles: dict[int, ColumnRole] = {}
    for cell in row.cells:
        role = column_role(cell.text)
        if role is not None and role not in roles.values():
            roles[cell.column] = role
    if ColumnRole.TITLE not in roles.values() or len(roles) < 2:
        return None
    first = min(c.column for c in row.cells)
    if ColumnRole.NUMBER not in roles.values() and first not in roles:
        first_cell = next(c for c in row.cells if c.column == first)
        if not first_cell.text.strip():
            roles[first] = ColumnRole.NUMBER  # a number column whose header is empty
    return dict(sorted(roles.items()))


def _is_column_numbers(row: RawRow) -> bool:
    """Whether the row only numbers the columns: «1», «2», «3», … (two or more, blanks aside).

    A number may end in a dot, as a list numbering the cells shows them («1.», «2.», …).
    """
    count = 0
    for cell in row.cells:
        text = cell.text.strip()
        if text:
            if text.removesuffix(".") != str(count + 1):
                return False  # most rows go no further than their first cell
            count += 1
    return count >= 2


# Possessive: no run of spaces or digits is tried in two ways («1», 60,000 spaces, «а»).
_NUMBER = re.compile(r"№?\s*+(?:\d++(?:\s*+\.\s*+\d++)*+|[IVXLC]{1,6})\s*+\.*+\s*+")
_AMENDMENT = re.compile(r"^\(?\s*(?:позиция|пункт|строка)\b.*\bредакци", re.IGNORECASE | re.DOTALL)
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


def _clean_lines(text: str) -> str:
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
class _Row:
    """An activity, section or note row being read, its cells by role."""

    kind: str
    location: Location
    cells: dict[ColumnRole, str] = attrs.field(factory=dict)
    notes: tuple[str, ...] = ()


def _regroup_cells(table: RawTable) -> RawTable:
    """A one-cell-per-row table (text exports written a cell per line) into real rows.

    A row without a cell (Word's ``<w:tr/>``) holds nothing to regroup and is left out.
    """
    cells = [(row.line, row.cells[0].text) for row in table.rows if row.cells]
    width = 0
    for index in range(len(cells)):
        candidate = RawRow(cells=tuple(RawCell(text, i + 1) for i, (_, text)
                                       in enumerate(cells[index:index + 8])))  # fmt: skip
        roles = _header_roles(candidate)
        if roles is not None:
            seen: set[ColumnRole] = set()
            for _, text in cells[index:]:
                role = column_role(text)
                if role is None or role in seen:
                    break
                seen.add(role)
            width, start = len(seen), index
            break
    if width == 0:
        return table
    rows = [RawRow(cells=tuple(RawCell(t, i + 1) for i, (_, t) in enumerate(cells[:start])),
                   line=cells[0][0])] if start else []  # fmt: skip
    position = start
    while position < len(cells):
        line, text = cells[position]
        stripped = text.strip()
        if position == start or _NUMBER.fullmatch(stripped.split("\n")[0] if stripped else "x"):
            group = cells[position : position + width]
            rows.append(RawRow(cells=tuple(RawCell(t, i + 1) for i, (_, t) in enumerate(group)),
                               line=line))  # fmt: skip
            position += width
        else:
            if stripped:
                rows.append(RawRow(cells=(RawCell(text, 1, span=width),), line=line))
            position += 1
    return RawTable(rows=tuple(rows), columns=width, line=table.line)


def _read_rows(tables: Sequence[tuple[int, RawTable]]) -> tuple[dict[int, ColumnRole], list[_Row]]:
    """The roles of the columns, and the rows of the roadmap's tables read in order."""
    reader = _RowReader()
    for table_index, table in tables:
        for number, raw in enumerate(table.rows, start=1):
            reader.read(raw, Location(table=table_index, row=number, line=raw.line))
    if reader.roles is None:
        msg = "no roadmap table: no row names its columns («Мероприятие», «Срок», …)"
        raise DocumentError(msg)
    return reader.roles, reader.rows


class _RowReader:
    """The rows of a roadmap's tables, read one by one into activities, sections and notes.

    Rows before the header row are left out; a header typed again, a row of column numbers and
    an empty row too.

    Attributes:
        roles: The role of each column, once the header row is read.
        rows: The activity and section rows read so far.
    """

    def __init__(self) -> None:
        self.roles: dict[int, ColumnRole] | None = None
        self.rows: list[_Row] = []
        self._header_texts: list[str] = []
        # Each distinct cell text cleaned once: a roadmap repeats them from row to row.
        self._clean: Callable[[str], str] = functools.cache(_clean_lines)
        self._first_column = 0  # of the roles, once known
        self._number_column: int | None = None  # of the roles, if they have one
        # How the document heads its sections, told by the first one: with numbers or without.
        self._unnumbered_sections: bool | None = None

    def read(self, raw: RawRow, where: Location) -> None:
        """A row of the table, at ``where``."""
        clean = self._clean
        texts = [clean(c.text) for c in raw.cells]
        if self._heads(raw, texts) or self.roles is None or self._numbers_columns(raw, texts):
            return
        roles = self.roles
        # A cell where the header names no column holds nothing the row is read for, unless
        # it spans the table (a section, a note).
        filled = [(c.column, t) for c, t in zip(raw.cells, texts, strict=True)
                  if t and (c.column in roles or c.span > 1)]  # fmt: skip
        if not filled:
            return
        cells = {roles[col]: text for col, text in filled if col in roles}
        # A number merged down from the row above is that row's, not a new activity's.
        merged_number = self._number_column in [c.column for c in raw.cells if c.merged]
        key = "" if merged_number else cells.get(ColumnRole.NUMBER, "")
        if len(filled) == 1 and self._spans(raw, filled[0][0], cells, key):
            self._across(filled[0][1], where, numbered=ColumnRole.NUMBER in cells)
        elif (
            self._number_column is not None
            and not key
            and self.rows
            and self.rows[-1].kind == "activity"
        ):
            self._goes_on(raw, filled)
        else:
            self.rows.append(_Row("activity", where, cells))

    def _heads(self, raw: RawRow, texts: list[str]) -> bool:
        """Whether the row is the header row, or the same header again (read if the first).

        A row that begins with a number is none; a row marked as Word's repeated header is one
        if it names the columns at all.
        """
        if texts and _NUMBER.fullmatch(texts[0] or "x"):
            return False
        found = _header_roles(raw)
        if found is None:
            return False
        if (
            self.roles is not None
            and not raw.header
            and (found != self.roles or _folded(texts) != _folded(self._header_texts))
        ):  # the header again is the same header: a row that only names the roles is data
            return False
        self.roles = roles = self.roles or found
        self._header_texts = texts
        self._first_column = min(roles)
        self._number_column = next((c for c, r in roles.items() if r is ColumnRole.NUMBER), None)
        return True

    def _numbers_columns(self, raw: RawRow, texts: list[str]) -> bool:
        """Whether the row is the header's text again, or numbers the columns (1 | 2 | 3)."""
        # Column numbers begin with «1» (or a blank): most rows are seen not to at once.
        return texts == self._header_texts or (
            bool(texts) and texts[0] in ("", "1", "1.") and _is_column_numbers(raw)
        )

    def _spans(self, raw: RawRow, column: int, cells: dict[ColumnRole, str], key: str) -> bool:
        """Whether a row with one filled cell, at ``column``, is one cell across the table.

        The cell is in the first column, or spans, or is alone in the row; and it spans, or is
        an amendment note, or has no number, or heads a section.
        """
        first = raw.cells[0]
        alone = column == self._first_column or first.span > 1 or len(raw.cells) == 1
        across = first.span > 1 or bool(_AMENDMENT.match(key))
        return alone and (across or ColumnRole.NUMBER not in cells or bool(section_heading(key)))

    def _across(self, text: str, where: Location, *, numbered: bool) -> None:
        """A row of one cell across the table, ``numbered`` if its text is in the number column."""
        rows = self.rows
        _spanning_row(text, where, rows, numbered=numbered,
                      unnumbered_sections=bool(self._unnumbered_sections))  # fmt: skip
        if self._unnumbered_sections is None and rows and rows[-1].kind == "section":
            self._unnumbered_sections = not rows[-1].cells.get(ColumnRole.NUMBER)

    def _goes_on(self, raw: RawRow, filled: list[tuple[int, str]]) -> None:
        """A row a page break split: its own cells go on with the activity above.

        Cells merged down from the row above already belong to it.
        """
        roles, cells = self.roles or {}, self.rows[-1].cells
        own = {c.column for c in raw.cells if not c.merged}
        for column, text in filled:
            if column in own and column in roles:
                role = roles[column]
                cells[role] = _join(cells.get(role, ""), text)


def _spanning_row(text: str, where: Location, rows: list[_Row], *, numbered: bool,
                  unnumbered_sections: bool) -> None:  # fmt: skip
    """A row of one cell across the table: a section, or a note on the activity above.

    ``unnumbered_sections``: the document's first section was headed without a number, so an
    unnumbered row across the table heads a section rather than notes the activity above.
    """
    if _AMENDMENT.match(text) and rows:
        rows[-1].notes += (text,)
    elif (heading := section_heading(text)) is not None:
        cells = {ColumnRole.NUMBER: heading[0], ColumnRole.TITLE: heading[1]}
        rows.append(_Row("section", where, cells))
    elif rows and numbered and not unnumbered_sections:
        rows[-1].notes += (text,)
    else:  # the table begins with it, or the document's sections are all unnumbered
        rows.append(_Row("section", where, {ColumnRole.NUMBER: "", ColumnRole.TITLE: text}))


def _groups(paragraphs: Iterable[RawParagraph]) -> list[str]:
    """Paragraphs on consecutive lines joined into one text each."""
    groups: list[list[RawParagraph]] = []
    for paragraph in paragraphs:
        if (
            groups
            and paragraph.line is not None
            and groups[-1][-1].line is not None
            and (paragraph.line == groups[-1][-1].line + 1)
        ):
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    return ["\n".join(p.text for p in group) for group in groups]


# A word's ending is at most 30 letters, a municipality's name at most 300 characters: each
# place a search starts at is given bounded work, however long the word or the text.
_TITLE_WORDS = re.compile(r"дорожн\w{0,30} карт|план|программ|перечень|мероприяти", re.IGNORECASE)
_MUNICIPALITY = re.compile(
    r"(?:муниципальн\w{0,30}\s++образовани\w{0,30}|\bМО|\bгородск\w{1,30}\s++округ\w{0,30})"
    r"\s*+«(?P<name>[^»]{1,300})»",
    re.IGNORECASE,
)


def _one_line(text: str) -> str:
    return " ".join(text.replace("**", " ").split())


# On one line: «от» after a space, then «№»; or «№», then «от» between spaces. Only the first
# «от» or «№» need be tried (the atomic group and the possessive run stop at it), so a line of
# a thousand «от» is read once, not once for each.
_APPROVAL_END = re.compile(r"\A(?:(?>.*?(?<!\S)от\s).*№|[^№\n]*+№.*\sот\s)")


def _split_head(groups: list[str]) -> tuple[str, list[str], list[str]]:
    """Title, approval blocks and preamble of the text before the table.

    An approval block ends with its «от … №» line, whether or not a blank line follows.
    """
    split: list[str] = []
    for group in groups:
        lines = group.split("\n")
        end = next((i for i, line in enumerate(lines) if _APPROVAL_END.search(line)), None)
        if is_approval_block(group) and end is not None and end + 1 < len(lines):
            split += ["\n".join(lines[: end + 1]), "\n".join(lines[end + 1 :])]
        else:
            split.append(group)
    groups = split
    approvals = [g for g in groups if is_approval_block(g)]
    rest = [g for g in groups if not is_approval_block(g)]
    title_index = next((i for i, g in enumerate(rest) if _TITLE_WORDS.search(g)), 0)
    title = rest[title_index] if rest else ""
    preamble = rest[:title_index] + rest[title_index + 1 :]
    return _one_line(title).replace("*", "").strip(), approvals, preamble


def _tail_notes(groups: list[str]) -> list[str]:
    """Footnotes after the table; one that ends with «–» or «:» goes on in the next group."""
    notes: list[str] = []
    for group in groups:
        if notes and notes[-1].rstrip().endswith(("–", "-", ":", "—")):
            notes[-1] = f"{notes[-1]} {group}"
        else:
            notes.append(group)
    return [_one_line(n) for n in notes]


_CONTINUED = re.compile(r"^\s*(?:продолжение|окончание)(?:\s+(?:таблицы|приложения))?\b",
                        re.IGNORECASE)  # fmt: skip


def _has_header(table: RawTable) -> bool:
    return any(_header_roles(row) is not None for row in table.rows[:6])


def _continues(table: RawTable, first: RawTable) -> bool:
    """Whether a table goes on with the roadmap's.

    It does with its header again, the same grid, or numbered rows in a grid one column wider
    or narrower (an extra grid column, a trailing tab).
    """
    if table.columns == first.columns or _has_header(table):
        return True
    numbered = next((r for r in table.rows if any(t.strip() for t in r.texts)), None)
    return (
        numbered is not None
        and abs(table.columns - first.columns) <= 1
        and bool(_NUMBER.fullmatch(numbered.texts[0].strip() or "x"))
    )


def _as_paragraph(table: RawTable) -> RawParagraph:
    """A table that is not the roadmap's (an approval block, signatures) as one paragraph."""
    lines = (" ".join(t.strip() for t in row.texts if t.strip()) for row in table.rows)
    return RawParagraph(text="\n".join(line for line in lines if line), line=table.line)


def _spanning(table: RawTable, paragraphs: Sequence[RawParagraph]) -> RawTable:
    """A piece of the roadmap's table with the paragraphs after it as rows across it."""
    rows = tuple(
        RawRow(cells=(RawCell(p.text, 1, span=table.columns),), line=p.line) for p in paragraphs
    )
    return attrs.evolve(table, rows=table.rows + rows)


def _split_blocks(
    blocks: Sequence[RawParagraph | RawTable],
) -> tuple[list[tuple[int, RawTable]], list[RawParagraph], list[RawParagraph]]:
    """The roadmap's tables, and the text before and after them.

    The roadmap's tables are the one with the header row and those that go on with its grid;
    other tables (an approval block, signatures) count as text. In a workbook, the roadmap is on
    the first sheet that holds one, and only that sheet is read.
    """
    tables: list[tuple[int, RawTable]] = []
    head: list[RawParagraph] = []
    tail: list[RawParagraph] = []
    number = 0
    sheet: str | None = None  # of the roadmap's table, once found
    for item in blocks:
        if tables and item.sheet != sheet:
            continue  # another sheet than the roadmap's
        if isinstance(item, RawParagraph):
            block = item
        else:
            number += 1
            table = _regroup_cells(item) if item.columns == 1 else item
            if _continues(table, tables[0][1]) if tables else _has_header(table):
                if tail:  # text between two pieces: rows across the piece before (notes, …)
                    tables[-1] = (tables[-1][0], _spanning(tables[-1][1], tail))
                    tail = []
                if not tables:
                    sheet = table.sheet
                    head = [p for p in head if p.sheet == sheet]
                tables.append((number, table))  # the roadmap, or its next piece after a break
                continue
            block = _as_paragraph(table)
            if not block.text:
                continue
        if tables and _CONTINUED.match(block.text):
            continue  # «Продолжение таблицы» between the pieces of a table
        if tables:
            tail.append(block)
        else:
            head.append(block)
    if not tables:
        raise _no_table(blocks, tables=number)
    return tables, head, tail


def _no_table(blocks: Sequence[RawParagraph | RawTable], *, tables: int) -> DocumentError:
    """Why no roadmap table was found: no table at all, or none with a header."""
    sheets = list(dict.fromkeys(b.sheet for b in blocks if b.sheet is not None))
    if sheets:
        msg = (
            f"a workbook with no roadmap table on any sheet ({', '.join(sheets)}): no row names "
            "its columns («Мероприятие», «Срок», …)"
        )
    elif tables:
        msg = "no roadmap table: no row names its columns («Мероприятие», «Срок», …)"
    else:
        msg = "no table: a roadmap is a table of activities"
    return DocumentError(msg)


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
    tables, head, tail = _split_blocks(raw.blocks)
    # The cells are read: the raw tables can go (when the caller keeps none) before the
    # roadmap's objects are made, and the garbage collector need not look at both at once.
    del raw
    roles, rows = _read_rows(tables)
    del tables
    if not any(r.kind == "activity" for r in rows):
        msg = "the table has a header but no activities"
        raise DocumentError(msg)
    title, approvals, preamble = _split_head(_groups(head))
    notes = [_one_line(a) for a in approvals] + [_one_line(p) for p in preamble]
    notes += _tail_notes(_groups(tail))
    head_text = "\n".join([title, *approvals])
    # The cells row by row, left to right (however a split row filled them); not the numbers,
    # which name no region, centre or term, and which reading tidies («обл.» → «обл»).
    order = [role for role in roles.values() if role is not ColumnRole.NUMBER]
    all_cells = [row.cells[role] for row in rows for role in order if role in row.cells]
    # Region and centres are found in what the roadmap keeps: of a responsible cell, the
    # bodies it names, tidied as they are kept (the cell's own text gives the definitions).
    bodies = functools.cache(lambda cell: "\n".join(p.name for p in split_parties(cell)))
    kept = [
        bodies(row.cells[role]) if role is ColumnRole.RESPONSIBLE else row.cells[role]
        for row in rows
        for role in order
        if role in row.cells
    ]
    if region is None:
        found = plugins.detect_region([title, *notes, *kept])
        region = found.code if found else None
    municipality = next((m["name"] for m in _MUNICIPALITY.finditer(f"{head_text}\n{title}")), None)
    # Each distinct deadline is read once: a roadmap repeats them from row to row.
    written = {id(r): r.cells.get(ColumnRole.DEADLINE, "") for r in rows if r.kind == "activity"}
    drafts = {text: Deadline.parse(text) for text in dict.fromkeys(written.values())}
    period = plan_period(f"{title}\n{head_text}") or period_from_deadlines(drafts.values())
    final = {text: _with_period(draft, period) for text, draft in drafts.items()}
    deadlines = {key: final[text] for key, text in written.items()}
    meanings = _Meanings(plugins.glossary(region))
    unsectioned, roadmap_sections = _assemble(rows, deadlines, meanings)
    # The act is read from the block as the notes keep it, on one line: a Word export writes it
    # so, and a run of spaces in a line of it would otherwise part «приказом» from «от … №».
    approval = next((act for block in approvals for act in find_legal_acts(_one_line(block))), None)
    basis = tuple(act for note in _tail_notes(_groups(tail)) for act in find_legal_acts(note))
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
        columns=tuple(roles.values()),
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


def _assemble(
    rows: list[_Row], deadlines: dict[int, Deadline], meanings: _Meanings
) -> tuple[tuple[Activity, ...], tuple[Section, ...]]:
    """Activities outside sections, and the sections with theirs."""
    roadmap_sections: list[Section] = []
    unsectioned: list[Activity] = []
    pending: list[Activity] = []
    current: _Row | None = None

    def close_section() -> None:
        if current is not None:
            cells = current.cells
            section = Section(number=cells.get(ColumnRole.NUMBER, ""),
                              title=cells.get(ColumnRole.TITLE, ""),
                              activities=tuple(pending), provenance=current.location)  # fmt: skip
            roadmap_sections.append(section)

    for row in rows:
        if row.kind == "section":
            close_section()
            current, pending = row, []
            continue
        activity = _activity(row, current, deadlines[id(row)], meanings)
        (pending if current is not None else unsectioned).append(activity)
    close_section()
    return tuple(unsectioned), tuple(roadmap_sections)


def _activity(row: _Row, section: _Row | None, deadline: Deadline, meanings: _Meanings) -> Activity:
    cells = row.cells
    title = cells.get(ColumnRole.TITLE, "")
    result_text = cells.get(ColumnRole.RESULT, "")
    return Activity(
        number=normalise_number(cells.get(ColumnRole.NUMBER, "")),
        title=title,
        deadline=deadline,
        results=meanings.results(result_text),
        responsible=meanings.parties(cells.get(ColumnRole.RESPONSIBLE, "")),
        section=section.cells.get(ColumnRole.NUMBER, "") if section is not None else None,
        # A «Примечание» column's cell is the row's first note; rows across the table follow.
        notes=(cells[ColumnRole.NOTE], *row.notes) if cells.get(ColumnRole.NOTE) else row.notes,
        steps=find_steps(title),
        provenance=row.location,
    )
