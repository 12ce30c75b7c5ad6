"""Rows of cells into model objects, each unreadable cell a finding with its row and column.

A row becomes a record when its required cells read (a certificate's number; a programme's id
and title; an enrolment's certificate, programme and start; a provider's name); an optional cell
that does not read is left empty on the record and reported (``registry/bad-value``). A row
whose required cells do not read is reported (``registry/bad-row``) and yields no record: no row
is ever dropped without a finding.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from dod_model._base import budgets, fold_label
from dod_model.model import (
    AgeRange,
    Certificate,
    CertificateKind,
    Enrolment,
    NominalUnit,
    Organisation,
    Orientation,
    Programme,
    ProgrammeForm,
    ProgrammeKind,
    ProgrammeLevel,
    StudyMode,
)
from dod_model.registry._columns import Header, fields_of
from dod_model.registry._fields import FIELDS, RECORD_TYPES
from dod_model.validation import LIBRARY_CODES, Finding

__all__ = ["RECORD_TYPES", "Record", "RowReader", "format_cell"]

# The codes a row reader emits, as the catalogue declares them.
_BAD_ROW = LIBRARY_CODES["registry/bad-row"]
_BAD_VALUE = LIBRARY_CODES["registry/bad-value"]
_RAGGED_ROW = LIBRARY_CODES["registry/ragged-row"]

Record = Certificate | Programme | Enrolment | Organisation


class BadCell(ValueError):
    """A cell that does not read as its field; the message says what it holds."""


def _shown(value: object) -> str:
    if isinstance(value, int) and value.bit_length() > 128:  # str() of it may be refused
        return f"a number of {value.bit_length() * 30103 // 100000 + 1} digits"
    text = str(value)
    return f"«{text}»" if len(text) <= 40 else f"«{text[:39]}…»"


# -- cell readers: each takes a non-empty cell (text, number, date) ------------------------------


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a spreadsheet's 1234567890.0 is the text 1234567890
    return value if isinstance(value, str) else str(value)


def _identifier(value: object) -> str:
    """A number or id: spaces around it dropped («1234567890 »)."""
    text = _text(value).strip()
    if not text:
        raise BadCell(f"{_shown(value)} is blank")
    return text


_NUMBER_WIDTH = 10  # certificate numbers are ten digits in practice


def _text_identifier(value: str) -> str:
    """:func:`_identifier` of a text cell, for the readers of text rows."""
    text = value.strip()
    if not text:
        raise BadCell(f"{_shown(value)} is blank")
    return text


def _certificate_number(value: object) -> str:
    """A certificate number; a spreadsheet's number loses its leading zeros, given back here."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = _text(value)
        if text.isdigit():
            return text.zfill(_NUMBER_WIDTH)
    return _identifier(value)


_DATE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


# Cells read before: registries repeat their dates (some 5,000 birthdays a year of births)
# and amounts, and a look-up costs a twentieth of reading the text again.
_DATES: dict[str, dt.date] = {}
_AMOUNTS: dict[str, Decimal] = {}
_MEMO_SIZE = 1 << 17
# The memo of each reader that keeps one, by text cell: a reader of text rows looks there first.
_MEMOS: dict[Callable[[object], Any], dict[str, Any]] = {}


def _date(value: object) -> dt.date:
    if type(value) is str:
        return _DATES.get(value) or _text_date(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and _is_serial(value):
        # A spreadsheet's date kept as its serial number (44075 is 01.09.2020).
        from openpyxl.utils.datetime import from_excel  # noqa: PLC0415 - spreadsheets only

        return from_excel(value).date()  # type: ignore[no-any-return]
    msg = f"{_shown(value)} is not a date (ДД.ММ.ГГГГ or ГГГГ-ММ-ДД)"
    raise BadCell(msg)


def _text_date(value: str) -> dt.date:
    """The date of a text cell not read before, kept for the next time."""
    day = _read_date(value)
    if len(_DATES) < _MEMO_SIZE:
        _DATES[value] = day
    return day


def _is_serial(value: float) -> bool:
    return 1 <= value <= 2958465  # the serials of 1900-01-01 … 9999-12-31 (NaN is neither)


def _read_date(value: str) -> dt.date:
    if len(value) == 10 and value[2] == "." and value[5] == ".":  # the common case, fast
        try:
            return dt.date(int(value[6:]), int(value[3:5]), int(value[:2]))
        except ValueError:
            pass  # told below
    text = value.strip()
    try:
        if (match := _ISO.fullmatch(text)) is not None:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if (match := _DATE.fullmatch(text)) is not None:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        msg = f"{_shown(value)} is no calendar date"
        raise BadCell(msg) from None
    msg = f"{_shown(value)} is not a date (ДД.ММ.ГГГГ or ГГГГ-ММ-ДД)"
    raise BadCell(msg)


_SPACES = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, ",": "."})
_MONEY = re.compile(r"-?\d+(?:\.\d+)?", re.ASCII)


_LARGEST = 10**budgets.NUMBER_DIGITS  # a count or amount has fewer digits before its point


def _too_long(value: object) -> BadCell:
    digits = budgets.NUMBER_DIGITS
    return BadCell(f"{_shown(value)} has more than the {digits} digits a count or amount may have")


def _decimal(value: object) -> Decimal:
    if type(value) is str:
        known = _AMOUNTS.get(value)
        return _text_decimal(value) if known is None else known
    if isinstance(value, bool):
        raise BadCell(f"{_shown(value)} is not an amount")
    amount: Decimal | None = None
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        amount = Decimal(repr(value))
    elif isinstance(value, Decimal) and value.is_finite():
        amount = value
    if amount is None:
        raise BadCell(f"{_shown(value)} is not an amount")
    if not -_LARGEST < amount < _LARGEST:
        raise _too_long(value)
    return amount


def _digits(text: str) -> int:
    """How many digits a number's text holds (its sign and point not counted)."""
    return len(text) - text.startswith("-") - ("." in text)


def _text_decimal(value: str) -> Decimal:
    """The amount of a text cell not read before, kept for the next time.

    Its digits are counted before it is converted: more than ``NUMBER_DIGITS`` is no amount.
    """
    text = value.replace(",", ".")  # the common case, «1873,45», without the spaces' table
    if _MONEY.fullmatch(text) is None:
        text = _amount_text(value)
    if _digits(text) > budgets.NUMBER_DIGITS:
        raise _too_long(value)
    amount = Decimal(text)
    if len(_AMOUNTS) < _MEMO_SIZE:
        _AMOUNTS[value] = amount
    return amount


def _amount_text(value: str) -> str:
    """An amount as :class:`~decimal.Decimal` reads it: without spaces, a unit or a comma."""
    text = value.translate(_SPACES)
    if not text[-1:].isdigit():
        text = text.strip()
        for suffix in ("руб.", "руб", "р.", "ч.", "₽"):
            text = text.removesuffix(suffix)
    if _MONEY.fullmatch(text) is None:
        msg = f"{_shown(value)} is not an amount (such as 5000 or 5 000,50)"
        raise BadCell(msg)
    return text


# The unit after a count of hours; the spaces before it are stripped apart, as a pattern that
# began with them would try every space of a long run again.
_HOURS_UNIT = re.compile(r"(?:ч\.?|час(?:а|ов)?\.?)\Z", re.IGNORECASE)


def _integer(value: object) -> int:
    """A whole number of at most ``NUMBER_DIGITS`` digits, its digits counted before reading."""
    if isinstance(value, bool):
        raise BadCell(f"{_shown(value)} is not a whole number")
    if isinstance(value, (int, float)) and value < 0:
        raise BadCell(f"{_shown(value)} is negative")
    if isinstance(value, int) and value >= _LARGEST:
        raise _too_long(value)
    if isinstance(value, float) and math.isfinite(value) and value >= _LARGEST:
        raise _too_long(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if (unit := _HOURS_UNIT.search(text)) is not None:
        text = text[: unit.start()].rstrip()
    text = text.translate(_SPACES)
    if text.endswith(".0"):
        text = text[:-2]
    if not (text.isascii() and text.isdigit()):
        msg = f"{_shown(value)} is not a whole number"
        raise BadCell(msg)
    if len(text) > budgets.NUMBER_DIGITS:
        raise _too_long(value)
    return int(text)


_TRUE = frozenset({"да", "1", "true", "+", "истина", "yes", "сертифицирована", "сертифицированная"})
_FALSE = frozenset({"нет", "0", "false", "-", "ложь", "no", "не сертифицирована"})


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    folded = fold_label(_text(value))
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    msg = f"{_shown(value)} is not yes or no («да», «нет»)"
    raise BadCell(msg)


# Wordings registries use beside the model's labels.
_MORE_LABELS: dict[str, tuple[str, ...]] = {
    "roubles": ("рубли", "рубль", "руб", "р.", "₽", "rub"),
    "hours": ("часы", "час", "ч", "академических часов"),
}
_KIND_WORDS = re.compile(r"(?<!\s)\s++направленност\w*+$|^сертификат\w*+\s+(?=\w)")
_JOINERS = re.compile(r"[\s\-]+")


def _label_key(text: str) -> str:
    """A label folded for look-up, without its joiners and the words around a label.

    «Туристско – краеведческая направленность» is «туристско-краеведческая», «Сертификат
    ПФДО» is «ПФДО».
    """
    return _JOINERS.sub("", _KIND_WORDS.sub("", fold_label(text)))


def _enum_reader(cls: type[enum.Enum]) -> Callable[[object], Any]:
    labels: dict[str, enum.Enum] = {}
    for member in cls:
        labels[_label_key(str(member.value))] = member
        for label in getattr(cls, "__labels__", {}).get(member.value, ()):
            labels[_label_key(label)] = member
        for label in _MORE_LABELS.get(str(member.value), ()):
            labels[_label_key(label)] = member
    memo: dict[str, enum.Enum] = {}
    allowed = ", ".join(f"«{getattr(m, 'label', m.value)}»" for m in cls)

    def look_up(value: str) -> enum.Enum | None:
        found = labels.get(_label_key(value))
        if found is None and "(" in value:  # «Стартовый (ознакомительный)»: either one
            before, _, inside = value.partition("(")
            found = labels.get(_label_key(before)) or labels.get(_label_key(inside.rstrip(") ")))
        return found

    def read(value: object) -> enum.Enum:
        if type(value) is not str:
            value = _text(value)
        found = memo.get(value)
        if found is not None:
            return found
        found = look_up(value)
        if found is None:
            msg = f"{_shown(value)} is none of {allowed}"
            raise BadCell(msg)
        if len(memo) < _MEMO_SIZE:
            memo[value] = found
        return found

    _MEMOS[read] = memo
    return read


_FORM = _enum_reader(ProgrammeForm)
_FORM_SPLIT = re.compile(r"[,;/\n]")  # the parts' spaces are stripped apart: linear time


def _forms(value: object) -> tuple[ProgrammeForm, ...]:
    parts = value if isinstance(value, list) else [
        part.strip() for part in _FORM_SPLIT.split(_text(value))]  # fmt: skip
    return tuple(_FORM(part) for part in parts if not isinstance(part, str) or part.strip())


_AGES = re.compile(r"(?:от|с)?\s*(\d{1,2})\s*(?:-|–|—|до|по)\s*(\d{1,2})\s*(?:лет|года?)?\.?",
                   re.IGNORECASE)  # fmt: skip


def _ages(value: object) -> AgeRange:
    if isinstance(value, dict) and set(value) == {"low", "high"}:
        low, high = _integer(value["low"]), _integer(value["high"])
        if low < 0 or high < 0:
            raise BadCell(f"{_shown(value)}: an age cannot be negative")
        return AgeRange(low, high)
    if isinstance(value, dict) or (match := _AGES.fullmatch(_text(value).strip())) is None:
        msg = f"{_shown(value)} is not an age range (such as «5-18» or «от 7 до 14 лет»)"
        raise BadCell(msg)
    return AgeRange(int(match[1]), int(match[2]))


_MEMOS[_date] = _DATES
_MEMOS[_decimal] = _AMOUNTS
# Readers of text cells that skip the checks of a cell's type (a certificate number's zeros
# come back only to a spreadsheet's number).
_TEXT_READERS: dict[Callable[[object], Any], Callable[[str], Any]] = {
    _identifier: _text_identifier,
    _certificate_number: _text_identifier,
    _date: _text_date,  # after the memo
    _decimal: _text_decimal,
}

_READERS: dict[str, Callable[[object], Any]] = {
    "text": _text,
    "identifier": _identifier,
    "certificate-number": _certificate_number,
    "date": _date,
    "decimal": _decimal,
    "integer": _integer,
    "boolean": _boolean,
    "ages": _ages,
    "forms": _forms,
    "certificate-kind": _enum_reader(CertificateKind),
    "unit": _enum_reader(NominalUnit),
    "orientation": _enum_reader(Orientation),
    "level": _enum_reader(ProgrammeLevel),
    "programme-kind": _enum_reader(ProgrammeKind),
    "mode": _enum_reader(StudyMode),
}


@attrs.frozen
class _Plan:
    """How to read one layout of cells: (column, field, reader, required, text) per column.

    A text field keeps its cell as written, spaces included; other fields take a cell of
    spaces for an empty one.
    """

    kind: str
    cells: tuple[tuple[int, str, Callable[[object], Any], bool, bool], ...]
    missing: tuple[str, ...]  # required fields no column names


# Each kind's fields by name, with the reader of each (a reader no one has fails here).
_BY_NAME = {
    kind: {f.name: (f, _READERS[f.reader]) for f in fields} for kind, fields in FIELDS.items()
}


def _plan(header: Header) -> _Plan:
    fields = _BY_NAME[header.kind]
    cells = []
    for index, name in enumerate(header.columns):
        if name is not None:
            field, reader = fields[name]
            cells.append((index, name, reader, field.required, field.reader == "text"))
    named = {cell[1] for cell in cells}
    missing = sorted(f.name for f, _ in fields.values() if f.required and f.name not in named)
    return _Plan(header.kind, tuple(cells), tuple(missing))


class RowReader:
    """Reads the rows of one file into records of its kind, with findings for bad cells.

    Args:
        header: The file's header.
        source: The file's name, for messages.

    .. versionadded:: 0.2.0
    """

    def __init__(self, header: Header, source: str) -> None:
        self.kind = header.kind
        self.source = source
        self._plan = _plan(header)
        self._type = RECORD_TYPES[header.kind]
        self._plans: dict[tuple[str, ...], _Plan] = {}
        self.width = len(header.columns)
        """How many cells the header has."""
        self._defaults = {
            f.name: f.default
            for f in attrs.fields(self._type)
            if f.default is not attrs.NOTHING and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        }
        self.fast = _fast_reader(self._plan, self._type)
        """The record of a row of :attr:`width` text cells (CSV), all good, else ``None``;
        itself ``None`` when the header's fields cannot be read so (two age columns).
        :meth:`read_text` tells what is wrong with a row it does not read."""

    def read_text(
        self, row: int, index: int, cells: list[str]
    ) -> tuple[Record | None, list[Finding] | None]:
        """As :meth:`read`, for a row of text cells (CSV), and a finding if it is ragged."""
        record, findings = self.read(row, index, cells)
        if (len(cells) != self.width and not _blank_cells(cells[self.width :])) or (
            len(cells) < self.width and not _blank_cells(cells)
        ):
            ragged = _RAGGED_ROW.finding(
                path=f"/{self.kind}/{index}",
                variant=None if len(cells) > self.width else "short",
                source=self.source,
                row=row,
                cells=len(cells),
                width=self.width,
            )
            findings = [*(findings or ()), ragged]
        return record, findings

    def _bad_row(self, row: int, field: str | None, problem: str) -> Finding:
        # A skipped row is in no document: its finding points at the table.
        if field is None:
            return _BAD_ROW.finding(
                path=f"/{self.kind}", source=self.source, row=row, problem=problem
            )
        return _BAD_ROW.finding(
            path=f"/{self.kind}",
            variant="cell",
            source=self.source,
            row=row,
            column=field,
            problem=problem,
        )

    def _bad_value(self, row: int, index: int, field: str, problem: str, instead: str) -> Finding:
        return _BAD_VALUE.finding(
            path=f"/{self.kind}/{index}/{field}",
            source=self.source,
            row=row,
            column=field,
            problem=problem,
            instead=instead,
        )

    def _instead(self, name: str) -> str:
        """What a field holds when its cell does not read: nothing, or the model's default."""
        default = self._defaults.get(name)
        if default is None or default == ():
            return "left empty"
        return f"read as «{format_cell(default)}», the default"

    def problem(self, row: int, index: int, message: str) -> Finding:
        """The finding for a row the file format cannot give."""
        return self._bad_row(row, None, f"{message}; the row is skipped")

    def read(
        self, row: int, index: int, cells: Sequence[Any] | dict[str, Any]
    ) -> tuple[Record | None, list[Finding] | None]:
        """The record of a row, and the findings about it (``None`` when there are none).

        Args:
            row: The row's number in the file.
            index: The index its record will have among the file's records (in JSON Pointers).
            cells: Its cells, in the header's columns; or a JSON object.
        """
        if isinstance(cells, dict):
            plan = self._json_plan(tuple(cells))
            cells = list(cells.values())
        else:
            plan = self._plan
        values: dict[str, Any] = {}
        findings: list[Finding] = []

        def bad_row(field: str | None, problem: str) -> None:
            findings.append(self._bad_row(row, field, problem))

        width = len(cells)
        for column, name, reader, required, text in plan.cells:
            value = cells[column] if column < width else None
            if (
                value is None
                or value == ""
                or (not text and type(value) is str and value.isspace())
            ):
                if required:
                    bad_row(name, "empty, and required; the row is skipped")
                continue
            try:
                values[name] = reader(value)
            except BadCell as exc:
                if required:
                    bad_row(name, f"{exc}; required, so the row is skipped")
                else:
                    findings.append(
                        self._bad_value(row, index, name, str(exc), self._instead(name))
                    )
        if plan.missing:
            bad_row(None, f"no {', '.join(plan.missing)}; the row is skipped")
        if any(f.code == _BAD_ROW.code for f in findings):
            return None, findings
        try:
            if self.kind == "programmes" and not _merge_ages(values):
                problem = "only one end of the age range"
                findings.append(self._bad_value(row, index, "ages", problem, "left empty"))
            record = self._type(**values)
        except (TypeError, ValueError) as exc:  # a negative age from a JSON number
            bad_row(None, f"{exc}; the row is skipped")
            return None, findings
        return record, findings or None

    def _json_plan(self, keys: tuple[str, ...]) -> _Plan:
        plan = self._plans.get(keys)
        if plan is None:
            plan = _plan(Header(self.kind, fields_of(keys, self.kind), keys))
            if len(self._plans) < _MEMO_SIZE:
                self._plans[keys] = plan
        return plan


def _blank_cells(cells: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _merge_ages(values: dict[str, Any]) -> bool:
    """Two age columns into the age range; ``False`` when only one end is given."""
    low, high = values.pop("ages_low", None), values.pop("ages_high", None)
    if low is not None and high is not None and "ages" not in values:
        values["ages"] = AgeRange(low, high)
    return (low is None) == (high is None) or "ages" in values


def _required_text(value: str) -> str:
    if not value:
        raise BadCell(value)
    return value


def _fast_reader(plan: _Plan, cls: type) -> Callable[[list[str]], Any] | None:
    """A function that reads a row of text cells, all good, in one expression.

    Generated (as attrs generates ``__init__``) so that a good row costs at most one call per
    cell: a value read before is looked up in its reader's memo, and numbers and ids are read
    as the text they are. It returns ``None`` for a row with a cell it does not read, for
    :meth:`RowReader.read` to tell what is wrong.
    """
    names = {cell[1] for cell in plan.cells}
    if plan.missing or names & {"ages_low", "ages_high"}:
        return None
    defaults = {f.name: f.default for f in attrs.fields(cls)}
    namespace: dict[str, Any] = {"_cls": cls, "_need": _required_text, "_BadCell": BadCell}
    arguments = []
    for column, name, reader, required, text in plan.cells:
        cell = f"cells[{column}]"
        namespace[f"_r_{name}"] = _TEXT_READERS.get(reader, reader)
        namespace[f"_m_{name}"] = _MEMOS.get(reader)
        namespace[f"_d_{name}"] = defaults.get(name)
        arguments.append(f"{name}={_cell_code(name, cell, reader, required=required, text=text)}")
    source = (
        "def read(cells):\n"
        "    try:\n"
        f"        return _cls({', '.join(arguments)})\n"
        "    except _BadCell:\n"
        "        return None\n"
    )
    exec(compile(source, f"<registry reader of {plan.kind}>", "exec"), namespace)
    return namespace["read"]  # type: ignore[no-any-return]


def _cell_code(
    name: str, cell: str, reader: Callable[[object], Any], *, required: bool, text: bool
) -> str:
    """The expression that reads one cell, in a function :func:`_fast_reader` generates."""
    if text:
        return f"_need({cell})" if required else f"({cell} or None)"
    if reader in _MEMOS:  # a value read before is looked up (a falsy one is read again)
        value = f"(_m_{name}.get({cell}) or _r_{name}({{}}))"
    else:
        value = f"_r_{name}({{}})"
    if not required:
        return f"({value.format(cell)} if {cell} else _d_{name})"
    # The text readers raise on an empty cell themselves.
    return value.format(cell if reader in _TEXT_READERS else f"_need({cell})")


# -- writing cells back: what the readers read ---------------------------------------------------


def format_cell(value: object) -> str:
    """A field's value as a registry cell: dates ДД.ММ.ГГГГ, labels in Russian, «да»/«нет».

    .. versionadded:: 0.2.0
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y") if value.year >= 1000 else value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, AgeRange):
        return f"{value.low}-{value.high}"
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, tuple):
        return ", ".join(format_cell(item) for item in value)
    return str(value)
