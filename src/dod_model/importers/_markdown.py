r"""Markdown pages with pipe tables: the library's own Markdown export, read back.

A small reader of what the export writes (CommonMark with GitHub's pipe tables): ATX headings,
paragraphs, ``-`` lists and pipe tables, a table's cells parted at bars not escaped (``\|``),
trimmed, the line under the header (``|---|``, ``| :--- |``) no row; backslash escapes undone
and ``<br>`` read as a line break. A page the export wrote (its tables headed «№ | Мероприятие
| Срок | …») is rebuilt as the blocks of the roadmap's Word export, sections from the headings
above the tables, notes from its «Примечания» list; any other page gives its headings and
paragraphs as paragraphs and its tables as tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from dod_model._base import decode_text
from dod_model._contracts import (
    DEFAULT_COLUMNS,
    TEMPLATE_HEADERS,
    RawCell,
    RawDocument,
    RawParagraph,
    RawRow,
    RawTable,
)
from dod_model.importers._layout import column_role
from dod_model.importers._rebuild import Listed, ListedSection, rebuild
from dod_model.importers._text import is_pipe_separator
from dod_model.model import ColumnRole
from dod_model.text import find_legal_acts, is_approval_block

__all__ = ["MarkdownImporter"]

_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#~&.)+\-!{}()\"'])")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_ITEM = re.compile(r" {0,3}[-*+][ \t]+(.*)")
_FACT = re.compile(r"\*\*(?P<label>[^*]{1,40}):\*\*\s*(?P<value>.*)")
# The columns of the export's tables, in order; a «Примечание» column after them where notes are.
_EXPORT_COLUMNS = DEFAULT_COLUMNS
_NOTES_HEADING = "Примечания"


def _unescape(text: str) -> str:
    """Inline text as it reads: escapes undone, ``<br>`` a line break."""
    parts = _BREAK.split(text)
    return "\n".join(_ESCAPED.sub(r"\1", part).strip() for part in parts)


def _cells(line: str) -> list[str]:
    """The cells of a table line, parted at bars a backslash does not escape."""
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in body:
        if char == "|" and not escaped:
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        escaped = char == "\\" and not escaped
    cells.append("".join(current))
    return [cell.strip() for cell in cells]


def _is_table_at(lines: Sequence[str], index: int) -> bool:
    return (
        index + 1 < len(lines)
        and "|" in lines[index]
        and is_pipe_separator(lines[index + 1])
        and len(_cells(lines[index])) == len(_cells(lines[index + 1]))
    )


class _Block(NamedTuple):
    """A block of the page: a heading (of a level), a paragraph, a list item, or a table."""

    kind: str
    text: str = ""
    level: int = 0
    rows: tuple[list[str], ...] = ()


def _blocks(text: str) -> Iterator[_Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = 0
    paragraph: list[str] = []

    def flush() -> Iterator[_Block]:
        if paragraph:
            yield _Block("paragraph", " ".join(line.strip() for line in paragraph))
            paragraph.clear()

    while index < len(lines):
        line = lines[index]
        if _is_table_at(lines, index):
            yield from flush()
            rows = [_cells(line)]
            index += 2
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                rows.append(_cells(lines[index]))
                index += 1
            yield _Block("table", rows=tuple(rows))
            continue
        heading = _HEADING.fullmatch(line)
        item = _ITEM.fullmatch(line)
        if heading:
            yield from flush()
            yield _Block("heading", heading[2] or "", level=len(heading[1]))
        elif item:
            yield from flush()
            yield _Block("item", item[1])
        elif line.strip():
            paragraph.append(line)
        else:
            yield from flush()
        index += 1
    yield from flush()


_FIELDS = (ColumnRole.INDICATOR, ColumnRole.FUNDING, ColumnRole.AUDIENCE, ColumnRole.PLACE,
           ColumnRole.COMPLETION)  # fmt: skip
_NO_HEADER = "<!-- -->"  # the export's header of a column kept under an empty header

Columns = list[tuple[str, ColumnRole | None]]


def _roles(header: list[str]) -> Columns | None:
    """The columns of a table the export wrote, by its header; ``None`` for another table.

    The standard five and a «Примечание» where notes are; then the template's header of each
    other role its activities fill, and the header of each column of cells kept under one.
    """
    texts = ["" if cell == _NO_HEADER else _unescape(cell) for cell in header]
    roles = [column_role(text) for text in texts]
    standard = len(_EXPORT_COLUMNS) + (roles[len(_EXPORT_COLUMNS) : 6] == [ColumnRole.NOTE])
    if roles[:standard] not in (list(_EXPORT_COLUMNS), [*_EXPORT_COLUMNS, ColumnRole.NOTE]):
        return None
    columns: Columns = list(zip(texts[:standard], roles[:standard], strict=True))
    fields = True
    for text in texts[standard:]:
        role = next((r for r in _FIELDS if TEMPLATE_HEADERS[r] == text), None) if fields else None
        fields = role is not None
        columns.append((text, role))
    return columns


def _listed(row: list[str], columns: Columns) -> Listed:
    roles = [role for _, role in columns]
    cells = {role: text for role, text in zip(roles, row, strict=False) if role is not None}
    extra = tuple(
        (header, _unescape(text))
        for (header, role), text in zip(columns, row, strict=False)
        if role is None and text
    )

    def lines(role: ColumnRole) -> tuple[str, ...]:
        return tuple(line for line in _unescape(cells.get(role, "")).split("\n") if line)

    return Listed(
        number=_unescape(cells.get(ColumnRole.NUMBER, "")),
        title=_unescape(cells.get(ColumnRole.TITLE, "")),
        deadline=_unescape(cells.get(ColumnRole.DEADLINE, "")),
        results=lines(ColumnRole.RESULT),
        responsible=lines(ColumnRole.RESPONSIBLE),
        notes=lines(ColumnRole.NOTE),
        fields=tuple((role, text) for role in _FIELDS if (text := _unescape(cells.get(role, "")))),
        extra=extra,
    )


def _placed(notes: list[str], facts: dict[str, str]) -> tuple[list[str], list[str]]:
    """The notes before and after the table, placed so that the approval and basis read back.

    The page lists them together; its facts name the approval («Утверждён») and the basis
    («Основание»): reading takes the approval from the approval blocks before the title, and
    the basis from the acts the footnotes cite. Approval blocks are as many of the first
    notes as can be, the preamble as few as can be, as the Word export places them.
    """
    approval, basis = facts.get("Утверждён"), facts.get("Основание", "")
    approvals = [is_approval_block(note) for note in notes]
    leading = approvals.index(False) if False in approvals else len(notes)
    cited = [[act.text for act in find_legal_acts(note)] for note in notes]
    for head in range(leading, -1, -1):
        acts_before = [act for found in cited[:head] for act in found]
        if (acts_before[0] if acts_before else None) != approval:
            continue
        limit = next((i for i in range(head, len(notes)) if approvals[i]), len(notes))
        for end in range(head, limit + 1):
            runs_on = any(n.rstrip().endswith(("–", "-", ":", "—")) for n in notes[end:-1])
            if not runs_on and "; ".join(a for found in cited[end:] for a in found) == basis:
                return notes[:end], notes[end:]
    return notes[:leading], notes[leading:]


def _export_blocks(blocks: list[_Block]) -> tuple[RawParagraph | RawTable, ...] | None:
    """The blocks of the roadmap's Word export, if the page is the library's export."""
    tables = [b for b in blocks if b.kind == "table"]
    if not tables:
        return None
    found_roles: Columns = []
    for table in tables:
        roles = _roles(table.rows[0])
        if roles is None:
            return None
        found_roles = roles if len(roles) > len(found_roles) else found_roles
    title, facts, notes = "", {}, []
    listed: list[Listed | ListedSection] = []
    in_notes = False
    for index, block in enumerate(blocks):
        if block.kind == "heading" and block.level == 1 and not title:
            title = _unescape(block.text)
        elif block.kind == "heading":
            text = _unescape(block.text)
            following = blocks[index + 1].kind if index + 1 < len(blocks) else ""
            in_notes = text == _NOTES_HEADING and following == "item"
            if not in_notes:
                listed.append(ListedSection(number="", title=text))
        elif block.kind == "item" and in_notes:
            notes.append(_unescape(block.text))
        elif block.kind == "item" and (fact := _FACT.fullmatch(block.text)):
            facts[fact["label"]] = _unescape(fact["value"])
        elif block.kind == "table":
            roles = _roles(block.rows[0]) or found_roles
            listed += [_listed(row, roles) for row in block.rows[1:]]
    before, after = _placed(notes, facts)
    # The notes of activities go in rows across the table, as the Word export writes them in
    # the standard columns: a «Примечание» cell would count towards the region, such a row not.
    columns = [r for _, r in found_roles if r is not None and r is not ColumnRole.NOTE]
    return rebuild(title=title, before=before, after=after, columns=columns, listed=listed)


def _generic_blocks(blocks: list[_Block]) -> tuple[RawParagraph | RawTable, ...]:
    out: list[RawParagraph | RawTable] = []
    for block in blocks:
        if block.kind == "table":
            width = max(len(row) for row in block.rows)
            rows = tuple(
                RawRow(
                    cells=tuple(RawCell(_unescape(t), i) for i, t in enumerate(row, 1)),
                    header=not number,
                )
                for number, row in enumerate(block.rows)
            )
            out.append(RawTable(rows=rows, columns=width))
        elif block.text.strip():
            out.append(RawParagraph(text=_unescape(block.text)))
    return tuple(out)


class MarkdownImporter:
    """Markdown pages with pipe tables (``format="markdown"``), the library's export above all.

    The Markdown export reads back to the roadmap it was written from, but for what a page
    does not show (see :doc:`/formats/exports`); another page gives its headings and
    paragraphs as text and its pipe tables as tables.

    .. versionadded:: 0.3.0
    """

    name = "markdown"
    suffixes = (".md", ".markdown")

    def sniff(self, head: bytes) -> bool:
        """Whether the first bytes hold a pipe table: a line of cells, ``|---|`` under it."""
        if b"\x00" in head or b"|" not in head:
            return False
        text = head.decode("utf-8", errors="replace")
        lines = text.replace("\r\n", "\n").split("\n")
        return any(_is_table_at(lines, i) for i in range(len(lines) - 1))

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The raw blocks of a Markdown page.

        Raises:
            DocumentError: The bytes are not text in a detectable encoding.
        """
        text, encoding = decode_text(data, name)
        blocks = list(_blocks(text))
        found = _export_blocks(blocks) or _generic_blocks(blocks)
        return RawDocument(blocks=found, format=self.name, encoding=encoding)
