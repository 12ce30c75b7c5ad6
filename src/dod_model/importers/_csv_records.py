"""The records of a CSV file (RFC 4180 as Excel and LibreOffice write it), without a size limit.

Python's :mod:`csv` caps a field at 131,072 characters process-wide, and raising the cap
would change every other reader in the process; a roadmap's cell may be longer (the text
budget is per line of text, ``budgets.TEXT_CHARS``). A record is a list of fields; a quoted
field may hold the delimiter, line breaks and doubled quotes. A stray quote inside an unquoted
field is a character of it, as spreadsheets read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

__all__ = ["DELIMITERS", "Record", "delimiter_of", "records"]

DELIMITERS = (";", ",", "\t")
"""The delimiters told apart: Excel's in a Russian locale, RFC 4180's, and tab."""


class Record(list[str]):
    """The fields of one record, and the line of the file where it starts (from 1)."""

    line: int

    def __init__(self, fields: list[str], line: int) -> None:
        super().__init__(fields)
        self.line = line


@cache
def _field(delimiter: str) -> re.Pattern[str]:
    """A field: quoted (quotes doubled inside; text up to the delimiter after it) or not."""
    d = re.escape(delimiter)
    return re.compile(rf'"(?P<quoted>(?:[^"]|"")*+)"(?P<rest>[^{d}\r\n]*+)|(?P<plain>[^{d}\r\n]*+)')


def records(text: str, delimiter: str) -> Iterator[Record]:
    """The records of ``text``, blank lines included (as one empty field).

    A quoted field left open at the end of the text takes the rest of it.
    """
    field = _field(delimiter)
    position, line, end = 0, 1, len(text)
    while position < end:
        fields: list[str] = []
        start_line = line
        while True:
            match = field.match(text, position)
            if match is None or (match["quoted"] is None and text.startswith('"', position)):
                # An unclosed quote: the field is the rest of the text.
                value = text[position + 1 :]
                fields.append(value)
                line += value.count("\n")
                position = end
                break
            if match["quoted"] is not None:
                value = match["quoted"].replace('""', '"') + match["rest"]
                line += match["quoted"].count("\n")
            else:
                value = match["plain"]
            fields.append(value)
            position = match.end()
            if text.startswith(delimiter, position):
                position += len(delimiter)
                continue
            break
        if text.startswith("\r\n", position):
            position += 2
        elif text.startswith(("\n", "\r"), position):
            position += 1
        line += 1
        yield Record(fields, start_line)


def delimiter_of(
    text: str, *, complete: bool = True, sample: int = 20, delimiters: tuple[str, ...] = DELIMITERS
) -> str | None:
    """The delimiter of a CSV table, if ``text`` is one: its first records, all of one width.

    The first non-blank record has two fields or more, and so has every non-blank record of
    the first ``sample``, as many as it (a spreadsheet writes each row of its used range to the
    same width); one of them fills two fields at least (a row of the table, not a title).
    ``complete``: the text is the whole file, not its first bytes, whose last record may be cut.
    """
    for delimiter in delimiters:
        if delimiter not in text:
            continue
        widths, filled = [], 0
        for record in records(text, delimiter):
            if record != [""]:
                widths.append(len(record))
                filled = max(filled, sum(1 for field in record if field.strip()))
            if len(widths) > sample:
                break
        if not complete and len(widths) <= sample:
            widths = widths[:-1]  # the last record may be cut short
        if len(widths) >= 2 and widths[0] >= 2 and len(set(widths)) == 1 and filled >= 2:
            return delimiter
    return None
