"""Column names of registry files: Russian wordings, in any order, matched to model fields.

As the roadmap importer matches a table's header («Срок исполнения» → deadline), a registry's
header cells are folded (case, ``ё``, spaces, hyphenation) and matched against the words of each
field; the model's own field names (``holder_birth_date``) match too, so canonical JSON Lines
read back. What a file holds (certificates, programmes, enrolments or providers) is told by
which fields its header names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from dod_model._base import budgets, fold_header
from dod_model.registry._fields import FIELDS, KINDS

__all__ = [
    "KINDS",
    "Header",
    "best_header",
    "field_of",
    "fields_of",
    "is_counter",
    "match_header",
]

# A row counter («№ п/п», «№», «п/п»): no field, and not worth a note either.
_COUNTER = re.compile(r"(?:№|n|no|номер)\s*(?:п\s*/\s*п|пп)?|(?:№\s*)?п\s*/\s*п")

# For each kind: (field, compiled pattern), in the order they are tried against a folded header
# cell; the first that matches names the field. Where several columns name one field, the
# column of the pattern tried first wins («Тип сертификата» over «Статус сертификата»), whatever
# their order; a column of the field's own name wins over both.
_COMPILED = {
    kind: tuple(
        [(f.name, re.compile(f.words)) for f in fields if f.words is not None]
        + [(f.name, re.compile(f.late_words)) for f in fields if f.late_words is not None]
    )
    for kind, fields in FIELDS.items()
}
# The model's own field names (canonical JSON Lines), and two age columns for programmes.
_OWN = {kind: frozenset(f.name for f in fields) for kind, fields in FIELDS.items()}
_REQUIRED = {
    kind: frozenset(f.name for f in fields if f.required) for kind, fields in FIELDS.items()
}
# Fields whose presence marks a kind against the others (a provider file has no orientation).
_MARKS = {kind: frozenset(f.name for f in fields if f.marks) for kind, fields in FIELDS.items()}


def _match(header: str, kind: str) -> tuple[str, int] | None:
    """The field a header cell names and how specific the match is (higher is more)."""
    folded = fold_header(header).strip(" .:*")
    if not folded or _COUNTER.fullmatch(folded):
        return None
    own = folded.replace(" ", "_")
    if own in _OWN[kind]:
        return own, len(_COMPILED[kind])
    for rank, (name, pattern) in enumerate(_COMPILED[kind]):
        if pattern.search(folded):
            return name, len(_COMPILED[kind]) - rank - 1
    return None


def is_counter(header: str) -> bool:
    """Whether a header cell names a row counter («№ п/п»), a column of no field."""
    return _COUNTER.fullmatch(fold_header(header).strip(" .:*")) is not None


def field_of(header: str, kind: str) -> str | None:
    """The field of a ``kind`` record a header cell names, or ``None``.

    >>> from dod_model.registry._columns import field_of
    >>> field_of("Дата рождения ребёнка", "certificates"), field_of("ИНН", "providers")
    ('holder_birth_date', 'inn')
    >>> field_of("№ п/п", "certificates") is None
    True

    Args:
        header: The header cell as written («Номер сертификата», ``number``).
        kind: ``certificates``, ``programmes``, ``enrolments`` or ``providers``.

    Returns:
        The field name (``ages_low``/``ages_high`` for two age columns), or ``None`` (a row
        counter such as «№ п/п» names none).

    .. versionadded:: 0.2.0
    """
    found = _match(header, kind)
    return None if found is None else found[0]


@attrs.frozen
class Header:
    """A registry file's header: what each column holds.

    Attributes:
        kind: ``certificates``, ``programmes``, ``enrolments`` or ``providers``.
        columns: Field of each column, ``None`` where a column names no field (or repeats one).
        names: The header cells as written.

    .. versionadded:: 0.2.0
    """

    kind: str
    columns: tuple[str | None, ...]
    names: tuple[str, ...]

    @property
    def unknown(self) -> tuple[str, ...]:
        """Header cells that name no field, as written (empty cells left out)."""
        return tuple(
            n
            for n, f in zip(self.names, self.columns, strict=True)
            if f is None and n and not is_counter(n) and field_of(n, self.kind) is None
        )

    def repeats(self) -> tuple[tuple[str, str], ...]:
        """Header cells that name a field another column holds: (cell, field), as written.

        .. versionadded:: 0.2.0
        """
        return tuple(
            (n, found)
            for n, f in zip(self.names, self.columns, strict=True)
            if f is None and n and (found := field_of(n, self.kind)) is not None
        )


def fields_of(cells: Sequence[str], kind: str) -> tuple[str | None, ...]:
    """The field of each column; where several name one field, the most specific match wins.

    Of columns equally specific, the first wins; the others name no field.
    """
    matches = [_match(cell, kind) for cell in cells]
    best: dict[str, tuple[int, int]] = {}
    for column, found in enumerate(matches):
        if found is not None:
            name, rank = found
            if name not in best or rank > best[name][0]:
                best[name] = (rank, column)
    return tuple(
        found[0] if found is not None and best[found[0]][1] == column else None
        for column, found in enumerate(matches)
    )


def match_header(cells: Sequence[object], kind: str | None = None) -> Header | None:
    """The header a row of cells makes, or ``None`` if the row is no registry header.

    Two fields at least, and every kind's required fields must be named (a certificate's
    number; a programme's id and title; an enrolment's certificate, programme and start; a
    provider's name). Of the kinds
    that fit, the one whose distinctive fields the header names wins, then the one with more
    columns matched.

    Args:
        cells: The row's cells (non-text cells never name a field).
        kind: Read the row as this kind only.

    .. versionadded:: 0.2.0
    """
    return best_header(cells, kind, least=2)


def best_header(cells: Sequence[object], kind: str | None, *, least: int) -> Header | None:
    """As :func:`match_header`, with ``least`` fields at least (a JSON object may have one).

    A row of more cells than a table row may have (``budgets.ROW_CELLS``) is no header: it is
    not looked at cell by cell.
    """
    if len(cells) > budgets.ROW_CELLS:
        return None
    names = tuple(c.strip() if isinstance(c, str) else "" for c in cells)
    best: tuple[int, int, int, Header] | None = None
    for order, candidate in enumerate(KINDS if kind is None else (kind,)):
        columns = fields_of(names, candidate)
        found = {c for c in columns if c is not None}
        if "ages_low" in found or "ages_high" in found:
            found.add("ages")
        if not _REQUIRED[candidate] <= found or len(found) < least:
            continue  # a title line («Реестр сертификатов …») names one field at most
        score = (len(found & _MARKS[candidate]), len(found), order)
        if best is None or score > best[:3]:
            best = (*score, Header(candidate, columns, names))
    return None if best is None else best[3]
