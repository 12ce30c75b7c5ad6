"""The columns of a roadmap's table: what its header row names, in one or two levels.

Each header cell is told by the header vocabulary (:class:`~dod_model.text.HeaderVocabulary`);
a column it does not know is kept under its header. A header of two levels (a merged «Сроки»
over «начало» and «окончание») gives a column to each cell of its lower row.
"""

from __future__ import annotations

import re

import attrs

from dod_model._base import budgets, fold_header
from dod_model._contracts import RawCell, RawRow
from dod_model.model import ColumnRole
from dod_model.text import HeaderMatch, HeaderVocabulary, core_headers

__all__ = [
    "JOINS",
    "MANY",
    "Columns",
    "column_role",
    "folded",
    "header_columns",
    "is_column_numbers",
    "lower_header",
]

MANY = frozenset({ColumnRole.RESPONSIBLE, ColumnRole.DEADLINE, ColumnRole.RESULT,
                   ColumnRole.NOTE})  # fmt: skip
JOINS = {ColumnRole.DEADLINE: " – "}


def column_role(header: str, vocabulary: HeaderVocabulary | None = None) -> ColumnRole | None:
    """The role a header cell names («Срок исполнения» → deadline), or ``None``.

    Args:
        header: The header cell's text as written.
        vocabulary: The wordings to tell it by; the built-in ones when ``None``
            (:func:`dod_model.text.core_headers`).

    .. versionchanged:: 0.3.0
       ``vocabulary``; the built-in wordings are data (:class:`~dod_model.text.HeaderVocabulary`).
    """
    return (vocabulary or core_headers()).role(header)


def folded(texts: list[str]) -> list[str]:
    """Header cells as compared: folded, empty ones left out (a page may split them)."""
    return [folded for text in texts if (folded := fold_header(text))]


def _one_header(text: str) -> str:
    """A header as kept: its lines joined by a space, a word hyphenated across lines mended."""
    return " ".join(_HYPHENATED_HEADER.sub("", text.replace("\u00ad", "")).split())


# A word hyphenated across lines, or across what was a line break in a text export: «испол-
# нения», «испол- нения».
_HYPHENATED_HEADER = re.compile(r"(?<=\w)-(?:[^\S\n]*+\n\s*+|[^\S\n]++)(?=[а-яёa-z])")


@attrs.define
class Columns:
    """The columns a header row names, each by the grid column its header cell starts at.

    Attributes:
        role: Each column's role, ``None`` for one the vocabulary does not know.
        header: Each column's header as kept.
        cover: For every grid column under a header cell, the column of that cell.
        wide: Columns whose header spans more than one grid column (a two-level header's top).
    """

    role: dict[int, ColumnRole | None]
    header: dict[int, str]
    cover: dict[int, int]
    wide: set[int] = attrs.field(factory=set)

    @property
    def roles(self) -> dict[int, ColumnRole]:
        return {c: r for c, r in sorted(self.role.items()) if r is not None}

    def key(self, column: int) -> int:
        """The column a cell at grid ``column`` belongs to (one of its own if none covers it)."""
        key = self.cover.get(column)
        if key is None:
            self.cover[column] = key = column
            self.role[column], self.header[column] = None, ""
        return key


def _width(cell: RawCell) -> int:
    """The grid columns a cell covers, no more than a row may have (a raw table may say more)."""
    return min(max(cell.span, 1), budgets.ROW_CELLS)


def header_columns(row: RawRow, vocabulary: HeaderVocabulary) -> Columns | None:
    """The columns ``row`` names if it is a header row: two or more roles, a title among them."""
    found: dict[int, HeaderMatch | None] = {}
    columns = Columns(role={}, header={}, cover={})
    for cell in row.cells:
        if cell.column in columns.cover:
            continue  # a cell a text export repeats
        found[cell.column] = vocabulary.match(cell.text) if cell.text.strip() else None
        columns.header[cell.column] = _one_header(cell.text)
        for column in range(cell.column, cell.column + _width(cell)):
            columns.cover[column] = cell.column
        if cell.span > 1:
            columns.wide.add(cell.column)
    roles = {m.role for m in found.values() if m is not None}
    if ColumnRole.TITLE not in roles or len(roles) < 2:
        return None
    # Of two columns claiming a role only one may have, the one the vocabulary prefers.
    keeper: dict[ColumnRole, tuple[int, int]] = {}
    for column, match in found.items():
        if match is not None and match.role not in MANY:
            best = keeper.get(match.role)
            if best is None or match.rank < best[0]:
                keeper[match.role] = (match.rank, column)
    for column, match in found.items():
        role = match.role if match is not None else None
        if role is not None and role not in MANY and keeper[role][1] != column:
            role = None  # kept under its header
        columns.role[column] = role
    first = min(found)
    if ColumnRole.NUMBER not in roles and not columns.header[first]:
        columns.role[first] = ColumnRole.NUMBER  # a number column whose header is empty
    return columns


def is_column_numbers(row: RawRow) -> bool:
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


def lower_header(
    columns: Columns, row: RawRow, vocabulary: HeaderVocabulary, texts: list[str]
) -> Columns | None:
    """The columns with ``row`` read as the lower level of the header, if it is one.

    It is when each of its own cells (not merged down from the header) stands under a header
    cell that spans several grid columns, or one followed by empty header cells, and names a
    part of it («начало», «исполнитель»). Each such cell becomes a column of its own, headed
    «Сроки: начало», with the role it names, or else its upper cell's.
    """
    own = [(c, t) for c, t in zip(row.cells, texts, strict=True) if t and not c.merged]
    if not own or any(_NUMBERED.match(t) for _, t in own):
        return None
    if len(row.cells) > len(columns.header) and not columns.wide:
        return _realigned(columns, texts, vocabulary)
    uppers = sorted(columns.header)
    parents: dict[int, int] = {}
    for cell, text in own:
        covering = [u for u in uppers if u <= cell.column and columns.header[u]]
        if not covering:
            return None
        upper = covering[-1]
        # An upper cell over more than one column: it spans, or empty header cells follow it
        # (as far as this cell, at least).
        following = [u for u in uppers if u > upper]
        spread = upper in columns.wide or (
            bool(following)
            and not columns.header[following[0]]
            and all(not columns.header[u] for u in following if u <= cell.column)
        )
        if not spread or text == columns.header[upper]:
            return None
        parents[cell.column] = upper
    role = dict(columns.role)
    header = dict(columns.header)
    cover = dict(columns.cover)
    for cell, text in own:
        upper = parents[cell.column]
        named = vocabulary.role(text)
        role[cell.column] = named if named is not None else columns.role[upper]
        header[cell.column] = f"{columns.header[upper]}: {_one_header(text)}"
        for column in range(cell.column, cell.column + _width(cell)):
            cover[column] = cell.column
    for upper in set(parents.values()):
        if upper not in parents:  # the upper cell's own column has a lower cell of its own
            del role[upper], header[upper]
    for column in [c for c in header if not header[c] and c not in cover.values()]:
        del role[column], header[column]
    # Blank header cells the lower row filled are gone; what still covers them is the lower's.
    return Columns(role=role, header=header, cover=cover)


_NUMBERED = re.compile(r"\d")


def _realigned(columns: Columns, texts: list[str], vocabulary: HeaderVocabulary) -> Columns | None:
    """A two-level header of a text export, which writes a cell merged across columns once.

    The lower row has more cells than the upper: each upper cell over lower cells of their own
    takes them, as many as it may, while they name its role or none (an upper «Сроки» takes
    «начало» and «окончание», and leaves «исполнитель» to «Ответственные»).
    """
    uppers = sorted(columns.header)
    extra = len(texts) - len(uppers)
    role: dict[int, ColumnRole | None] = {}
    header: dict[int, str] = {}
    position = 0
    spread = False
    for upper in uppers:
        if position >= len(texts):
            break
        top, top_role = columns.header[upper], columns.role[upper]
        if not texts[position]:
            role[position + 1], header[position + 1] = top_role, top
            position += 1
            continue
        taken = [position]
        position += 1
        while (
            extra > 0
            and position < len(texts)
            and texts[position]
            and vocabulary.role(texts[position]) in (None, top_role)
        ):
            taken.append(position)
            position += 1
            extra -= 1
        spread = spread or len(taken) > 1
        for index in taken:
            named = vocabulary.role(texts[index])
            role[index + 1] = named if named is not None else top_role
            header[index + 1] = f"{top}: {_one_header(texts[index])}" if top else texts[index]
    if not spread or extra or any(texts[position:]):
        return None
    return Columns(role=role, header=header, cover={c: c for c in header})
