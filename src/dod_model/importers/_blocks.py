"""The blocks of a document around its roadmap table: title, approval, preamble, footnotes.

The roadmap's tables are the one with the header row and those that go on with its grid; other
tables (an approval block, signatures) count as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from dod_model._contracts import RawCell, RawParagraph, RawRow, RawTable
from dod_model._errors import DocumentError
from dod_model.importers._columns import header_columns
from dod_model.importers._rows import NUMBER, regroup_cells
from dod_model.text import HeaderVocabulary, is_approval_block

__all__ = ["MUNICIPALITY", "groups", "one_line", "split_blocks", "split_head", "tail_notes"]


def groups(paragraphs: Iterable[RawParagraph]) -> list[str]:
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
MUNICIPALITY = re.compile(
    r"(?:муниципальн\w{0,30}\s++образовани\w{0,30}|\bМО|\bгородск\w{1,30}\s++округ\w{0,30})"
    r"\s*+«(?P<name>[^»]{1,300})»",
    re.IGNORECASE,
)


def one_line(text: str) -> str:
    return " ".join(text.replace("**", " ").split())


# On one line: «от» after a space, then «№»; or «№», then «от» between spaces. Only the first
# «от» or «№» need be tried (the atomic group and the possessive run stop at it), so a line of
# a thousand «от» is read once, not once for each.
_APPROVAL_END = re.compile(r"\A(?:(?>.*?(?<!\S)от\s).*№|[^№\n]*+№.*\sот\s)")


def split_head(groups: list[str]) -> tuple[str, list[str], list[str]]:
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
    return one_line(title).replace("*", "").strip(), approvals, preamble


def tail_notes(groups: list[str]) -> list[str]:
    """Footnotes after the table; one that ends with «–» or «:» goes on in the next group."""
    notes: list[str] = []
    for group in groups:
        if notes and notes[-1].rstrip().endswith(("–", "-", ":", "—")):
            notes[-1] = f"{notes[-1]} {group}"
        else:
            notes.append(group)
    return [one_line(n) for n in notes]


_CONTINUED = re.compile(r"^\s*(?:продолжение|окончание)(?:\s+(?:таблицы|приложения))?\b",
                        re.IGNORECASE)  # fmt: skip


def _has_header(table: RawTable, vocabulary: HeaderVocabulary) -> bool:
    return any(header_columns(row, vocabulary) is not None for row in table.rows[:6])


def _continues(table: RawTable, first: RawTable, vocabulary: HeaderVocabulary) -> bool:
    """Whether a table goes on with the roadmap's.

    It does with its header again, the same grid, or numbered rows in a grid one column wider
    or narrower (an extra grid column, a trailing tab).
    """
    if table.columns == first.columns or _has_header(table, vocabulary):
        return True
    numbered = next((r for r in table.rows if any(t.strip() for t in r.texts)), None)
    return (
        numbered is not None
        and abs(table.columns - first.columns) <= 1
        and bool(NUMBER.fullmatch(numbered.texts[0].strip() or "x"))
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


def split_blocks(
    blocks: Sequence[RawParagraph | RawTable], vocabulary: HeaderVocabulary
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
            table = regroup_cells(item, vocabulary) if item.columns == 1 else item
            piece, head = _as_piece(table, tables, head, vocabulary)
            if piece is not None:
                table = piece
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


# How a header written as a paragraph parts its cells: tabs, bars, or runs of spaces.
_PARTS = re.compile(r"\t|\s*+\|\s*+|\s{3,}+")


def _as_piece(
    table: RawTable,
    tables: list[tuple[int, RawTable]],
    head: list[RawParagraph],
    vocabulary: HeaderVocabulary,
) -> tuple[RawTable | None, list[RawParagraph]]:
    """The table as a piece of the roadmap's (``None`` if it is none), and the text before it."""
    if tables:
        return (table if _continues(table, tables[0][1], vocabulary) else None), head
    table, head = _header_above(table, head, vocabulary)
    return (table if _has_header(table, vocabulary) else None), head


def _header_above(
    table: RawTable, head: list[RawParagraph], vocabulary: HeaderVocabulary
) -> tuple[RawTable, list[RawParagraph]]:
    """The table and the text before it, the paragraph above it moved in if it is its header."""
    headed = _headed_above(table, head[-1], vocabulary) if head else None
    return (headed, head[:-1]) if headed is not None else (table, head)


def _headed_above(
    table: RawTable, paragraph: RawParagraph, vocabulary: HeaderVocabulary
) -> RawTable | None:
    """The table with its header, if the paragraph above it is the header it lacks.

    It is when the table has no header of its own and the paragraph, parted at tabs (or bars,
    or runs of spaces; or, without them, at each phrase of the vocabulary that begins a
    header), names as many columns as the table has.
    """
    if _has_header(table, vocabulary) or table.sheet != paragraph.sheet:
        return None
    parts = [p.strip() for p in _PARTS.split(paragraph.text.strip())]
    if len(parts) == 1:  # its cells' tabs shown as spaces (a web page, a PDF): by the words
        parts = list(vocabulary.split(parts[0]))
    if len(parts) != table.columns:
        return None
    row = RawRow(cells=tuple(RawCell(p, i) for i, p in enumerate(parts, start=1)),
                 line=paragraph.line)  # fmt: skip
    if header_columns(row, vocabulary) is None:
        return None
    return attrs.evolve(table, rows=(row, *table.rows))


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
