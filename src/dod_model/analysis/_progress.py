"""What says an activity is done: completion marks, days as written, and progress files.

A roadmap's deadlines say when the work is due, never that it was done. Three things can say
so: the document's own completion mark (:attr:`dod_model.Activity.completion`, read from a
column «Отметка о выполнении» or «Статус»), read by :func:`read_completion`; a progress file
the user keeps, read by :func:`read_progress`; or a mapping given to :func:`dod_model.status`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping

import attrs

from dod_model._base import budgets, decode_text, display_name, fold, read_bounded
from dod_model._errors import DocumentError
from dod_model.model import Deadline, DeadlineKind

__all__ = [
    "Completion",
    "activity_number",
    "given_done",
    "read_completion",
    "read_day",
    "read_progress",
]


@attrs.frozen
class Completion:
    """What a completion mark says.

    Attributes:
        done: ``True`` when the mark says the activity is done («выполнено», «да», «+», a
            date), ``False`` when it says it is not («не выполнено», «в работе»,
            «перенесено»), ``None`` when it says nothing that is understood (an empty cell).
        on: The day it was done, when the mark gives one.

    .. versionadded:: 0.3.0
    """

    done: bool | None = None
    on: dt.date | None = None


# Words that say the work is not (yet, or not wholly) done; they win over a done word beside
# them («не выполнено», «выполнено частично», «перенесено на 01.03.2020»).
_NOT_DONE_WORDS = frozenset({"не", "нет", "no", "работе", "процессе", "стадии", "ходе"})
_NOT_DONE_STEMS = (
    "невыполн",
    "неисполн",
    "частичн",
    "перенес",
    "перенос",
    "отмен",
    "просроч",
    "приостанов",
    "выполняет",
    "исполняет",
    "реализует",
    "проводит",
    "ожида",
)
_DONE_WORDS = frozenset({"да", "готово", "done", "yes"})
_DONE_STEMS = (
    "выполнен",
    "исполнен",
    "реализован",
    "проведен",
    "завершен",
    "сделан",
    "выполнил",
    "исполнил",
    "провел",
)
_DONE_SIGNS = frozenset({"+", "✓", "✔", "☑", "v", "√"})


def read_day(text: str) -> dt.date | None:
    """The day a text names as users write one: «15.01.2020», «2020-01-15», «15 января 2020».

    Dates are read by the deadline grammar (:meth:`dod_model.Deadline.parse` giving one date),
    and in ISO form. Anything else (a month, a period, a date that does not exist) gives
    ``None``.

    >>> from dod_model.analysis import read_day
    >>> read_day("15.01.2020"), read_day("15 января 2020 г.") == read_day("2020-01-15")
    (datetime.date(2020, 1, 15), True)
    >>> read_day("январь 2020") is None
    True

    Args:
        text: The text.

    .. versionadded:: 0.3.0
    """
    text = text.strip()
    if not text:
        return None
    if text[:4].isascii() and text[:4].isdigit():
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    deadline = Deadline.parse(text)
    if deadline.kind is DeadlineKind.DATE and len(deadline.dates) <= 1:
        return deadline.end
    return None


def read_completion(text: str) -> Completion:
    """What a completion mark says: done (and when), not done, or nothing understood.

    >>> from dod_model.analysis import read_completion
    >>> read_completion("Выполнено 15.01.2020")
    Completion(done=True, on=datetime.date(2020, 1, 15))
    >>> read_completion("+"), read_completion("15.01.2020").on
    (Completion(done=True, on=None), datetime.date(2020, 1, 15))
    >>> read_completion("не выполнено"), read_completion("перенесено на 01.03.2020")
    (Completion(done=False, on=None), Completion(done=False, on=None))
    >>> read_completion("")
    Completion(done=None, on=None)

    A word that says the work is not done (or not wholly: «частично», «в работе»,
    «перенесено», «отменено») wins over a done word beside it; a date alone says done on that
    day; other text says nothing.

    Args:
        text: The mark as written.

    .. versionadded:: 0.3.0
    """
    stripped = text.strip()
    if not stripped:
        return Completion()
    if stripped.casefold() in _DONE_SIGNS:
        return Completion(done=True)
    words = "".join(char if char.isalnum() else " " for char in fold(stripped)).split()
    if any(w in _NOT_DONE_WORDS or w.startswith(_NOT_DONE_STEMS) for w in words):
        return Completion(done=False)
    day = read_day(stripped)
    said = any(w in _DONE_WORDS or w.startswith(_DONE_STEMS) for w in words)
    if day is None and said:
        found = Deadline.parse(stripped)
        day = found.end if found.kind is DeadlineKind.DATE else None
    if said or day is not None:
        return Completion(done=True, on=day)
    return Completion()


def activity_number(text: str) -> str:
    """An activity number as the model keeps it: spaces, «№» and trailing dots dropped.

    >>> from dod_model.analysis import activity_number
    >>> activity_number(" № 1.2. ")
    '1.2'

    .. versionadded:: 0.3.0
    """
    number = text.strip().removeprefix("№").strip()
    return number.rstrip(". ")


# --- progress files -----------------------------------------------------------------------------

_NUMBER_HEADERS = frozenset({"number", "номер", "№", "n", "№ п/п", "номер мероприятия", "пункт"})
_DONE_HEADERS = frozenset(
    {
        "done",
        "выполнено",
        "дата выполнения",
        "отметка о выполнении",
        "статус",
        "status",
        "исполнено",
    }
)
_DELIMITERS = (";", "\t", ",")
_ACCEPTED = (
    "write a date (15.01.2020, 2020-01-15, 15 января 2020), «выполнено», «да» or «+» for done, "
    "«нет» or «не выполнено» for not done, or leave the cell empty"
)


def read_progress(path: str | os.PathLike[str]) -> dict[str, dt.date | bool]:
    """The activities a progress file says are done (and when), or not done.

    The file is CSV (as Excel and LibreOffice save it: comma, semicolon or tab, UTF-8 or
    Windows-1251) or JSON; the format is documented in :doc:`/analysis`. Each activity maps to
    the day it was done, ``True`` when done on a day not given, or ``False`` when the file
    says it is not done (which overrides the document's own mark).

    Args:
        path: The file.

    Returns:
        Activity numbers (as :func:`activity_number` writes them) → day, ``True`` or ``False``.

    Raises:
        DocumentError: The file cannot be read, or a line says something that is not a date or
            a mark, names no activity, or names one a second time. The message names the
            file and the line (or, in JSON, the entry).

    .. versionadded:: 0.3.0
    """
    name = display_name(path)
    data = read_bounded(path, budgets.DOCUMENT_BYTES, what="progress file")
    text, _ = decode_text(data, name)
    text = text.removeprefix("\ufeff")
    if text.lstrip()[:1] in ("{", "["):
        return _from_json(text, name)
    return _from_csv(text, name)


def _value(cell: str, where: str) -> dt.date | bool | None:
    mark = read_completion(cell)
    if mark.done is None:
        if not cell.strip():
            return None
        msg = f"{where}: {cell.strip()!r} says neither done nor not done; {_ACCEPTED}"
        raise DocumentError(msg)
    if mark.done and mark.on is not None:
        return mark.on
    return mark.done


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return next((d for d in _DELIMITERS if d in first), ",")


def _done_column(header: list[str], name: str) -> int | None:
    folded = [fold(cell).strip(" :") for cell in header]
    for index, cell in enumerate(folded[1:], start=1):
        if cell in _DONE_HEADERS:
            return index
    if len(header) <= 1:
        return None
    if len(header) == 2:
        return 1
    msg = (
        f"{name}, line 1: cannot tell which column says the activity is done; "
        "head it «done» or «выполнено»"
    )
    raise DocumentError(msg)


def _from_csv(text: str, name: str) -> dict[str, dt.date | bool]:
    rows: Iterator[list[str]] = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    entries: list[tuple[str, str | None, str]] = []
    done_column: int | None = None
    header_seen = False
    try:
        for line, row in enumerate(rows, start=1):
            if not any(cell.strip() for cell in row):
                continue
            if not header_seen:
                header_seen = True
                if fold(row[0]).strip(" :") in _NUMBER_HEADERS:
                    done_column = _done_column(row, name)
                    continue
                done_column = 1 if len(row) > 1 else None
            cell: str | None = None  # a file of numbers only: each one listed is done
            if done_column is not None:
                cell = row[done_column] if done_column < len(row) else ""
            entries.append((row[0], cell, f"{name}, line {line}"))
    except csv.Error as exc:
        msg = f"{name}: not a CSV file the progress format reads ({exc}); see docs/analysis"
        raise DocumentError(msg) from None
    return _collect(entries)


def _from_json(text: str, name: str) -> dict[str, dt.date | bool]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        msg = f"{name}: not JSON ({exc}); write an object of activity numbers and dates"
        raise DocumentError(msg) from None
    entries: list[tuple[str, str | None, str]] = []
    if isinstance(data, dict):
        items: Iterable[tuple[object, object, str]] = (
            (key, value, f"{name}, entry {key!r}") for key, value in data.items()
        )
    elif isinstance(data, list):
        items = (_listed(item, f"{name}, item {index}") for index, item in enumerate(data, 1))
    else:
        msg = f"{name}: a progress file is an object of activity numbers and dates, or a list"
        raise DocumentError(msg)
    for number, value, where in items:
        if not isinstance(number, str):
            msg = f"{where}: the activity number must be text, not {number!r}"
            raise DocumentError(msg)
        if isinstance(value, bool):
            entries.append((number, "да" if value else "нет", where))
        elif value is None or isinstance(value, str):
            entries.append((number, value or "", where))  # null: nothing known
        else:
            msg = f"{where}: {value!r} is not a date or a mark; {_ACCEPTED}"
            raise DocumentError(msg)
    return _collect(entries)


def _listed(item: object, where: str) -> tuple[object, object, str]:
    if not isinstance(item, dict) or "number" not in item:
        msg = f"{where}: an item of the list is an object with «number» and «done»"
        raise DocumentError(msg)
    return item["number"], item.get("done", True), where


def _collect(entries: Iterable[tuple[str, str | None, str]]) -> dict[str, dt.date | bool]:
    found: dict[str, dt.date | bool] = {}
    first: dict[str, str] = {}
    for raw, cell, where in entries:
        number = activity_number(raw)
        if not number:
            msg = f"{where}: no activity number in the first column"
            raise DocumentError(msg)
        value: dt.date | bool | None = True if cell is None else _value(cell, where)
        if value is None:
            continue
        if number in first:
            msg = f"{where}: activity {number} is listed again ({first[number]}); keep one line"
            raise DocumentError(msg)
        first[number] = where.rpartition(", ")[2]
        found[number] = value
    return found


def given_done(done: Mapping[str, dt.date | bool] | None) -> dict[str, dt.date | bool]:
    """``done`` as :func:`dod_model.status` takes it, its numbers written as the model does."""
    if done is None:
        return {}
    taken: object = done  # checked as it comes from callers without a type checker
    if not isinstance(taken, Mapping):
        msg = f"done is a mapping of activity numbers to dates or True/False, not {done!r:.60}"
        raise TypeError(msg)
    given: dict[str, dt.date | bool] = {}
    for number, value in taken.items():
        if not isinstance(value, dt.date | bool):
            msg = f"done[{number!r}] is a date, True or False, not {value!r:.60}"
            raise TypeError(msg)
        given[activity_number(str(number))] = value
    return given
