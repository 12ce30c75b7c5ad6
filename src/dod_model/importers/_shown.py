r"""The text a spreadsheet cell shows for its value, as a Russian-locale Excel or Calc shows it.

A workbook stores numbers, dates (as day numbers: 44075 is 1 September 2020) and booleans, and
a number format per cell that says how the sheet shows them. A roadmap is read from what the
sheet shows, so a value is rendered through its format:

- dates and times by their codes (``dd.mm.yyyy``, ``d mmmm yyyy`` → «1 сентября 2020»,
  ``mmmm yyyy`` → «сентябрь 2020», ``mmm-yy`` → «сен-20», ``h:mm``), month and weekday names
  in Russian (a month after a day in the genitive), the date separator ``/`` as ``.``; the
  built-in date formats as a Russian Excel shows them (14: ``dd.mm.yyyy``), and so the US
  short date (``m/d/yyyy``) that Calc writes format 14 as;
- numbers by their codes' digits, decimals, grouping (a space), percent and literal text, with
  a decimal comma;
- the ``General`` format: an integer without «,0», other numbers to 15 significant digits
  (Excel's precision: 0.1 + 0.2 shows «0,3»), with a decimal comma;
- booleans as «ИСТИНА» and «ЛОЖЬ».

Codes this does not know (fractions, conditions) show as ``General`` does.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from dod_model._base import dotted_date

__all__ = ["TRUE_FALSE", "excel_day", "formatter", "general", "shown_text", "shown_value"]

TRUE_FALSE = ("ИСТИНА", "ЛОЖЬ")
"""How a Russian Excel shows a boolean."""

_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
           "октябрь", "ноябрь", "декабрь")  # fmt: skip
_OF_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")  # fmt: skip
_SHORT_MONTHS = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя",
                 "дек")  # fmt: skip
_WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
_SHORT_WEEKDAYS = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")

# The built-in formats (numFmtId with no code in the file) as a Russian Excel shows them.
_BUILTIN = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "General", 13: "General", 14: "dd.mm.yyyy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm", 19: "h:mm:ss", 20: "h:mm", 21: "h:mm:ss",
    22: "dd.mm.yyyy h:mm", 37: "#,##0", 38: "#,##0", 39: "#,##0.00", 40: "#,##0.00",
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
}  # fmt: skip

# The US short date, as Calc writes built-in format 14 (and openpyxl names it): a Russian
# Excel shows format 14 as dd.mm.yyyy.
_US_SHORT_DATES = frozenset({"m/d/yyyy", "m/d/yy", "mm/dd/yy", "mm/dd/yyyy", "mm-dd-yy"})
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_TOKEN = re.compile(
    r'"(?P<quoted>[^"]*)"?|\\(?P<escaped>.)|\[(?P<bracket>[^\]]*)\]?|_(?P<pad>.)|\*(?P<fill>.)'
    r"|(?P<general>General)|(?P<ampm>AM/PM|A/P)|(?P<run>(?P<letter>[dDmMyYhHsSeE])(?P=letter)*)"
    r"|(?P<char>.)",
    re.DOTALL,
)
_ELAPSED = re.compile(r"(?i)(h+|m+|s+)")
_SERIAL_LAST = 2_958_465  # 31 December 9999, the last day Excel shows

# A kind and its text: "text" (literal), "char" (a character of the code: a digit placeholder,
# a separator), "general", "ampm", "elapsed" ([h]), "run" (a date part: "dd", "mmmm"; E+).
Token = tuple[str, str]


def shown_text(text: str) -> str:
    r"""A cell's text as the sheet shows it: ``_xHHHH_`` escapes decoded, lines ended by ``\n``."""
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def general(value: float) -> str:
    """A number as the ``General`` format shows it: «12», «3,5», «0,3», «1E+20»."""
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    shown = format(value, ".15g")
    if "e" in shown:
        mantissa, _, exponent = shown.partition("e")
        sign = "-" if exponent.startswith("-") else "+"
        shown = f"{mantissa}E{sign}{exponent.lstrip('+-').zfill(2)}"
    return shown.replace(".", ",")


def excel_day(serial: float, *, date1904: bool = False) -> dt.datetime | None:
    """The moment a day number names, to the second; ``None`` if no day a sheet shows."""
    if not 0 <= serial <= _SERIAL_LAST:
        return None
    seconds = round(serial * 86_400)
    days, seconds = divmod(seconds, 86_400)
    if date1904:
        start = dt.datetime(1904, 1, 1)
    elif days < 60:  # Lotus' 29 February 1900 (day 60) is counted after these
        start = dt.datetime(1899, 12, 31)
    else:
        start = dt.datetime(1899, 12, 30)
    try:
        return start + dt.timedelta(days=days, seconds=seconds)
    except OverflowError:
        return None


def shown_value(value: object) -> str:
    """A typed cell value (as an Excel 97 reader gives it) as a Russian sheet shows it.

    The format codes are lost on the way: dates show as ``dd.mm.yyyy`` (with ``hh:mm`` if the
    moment has a time), times as ``h:mm:ss``, numbers as ``General`` does.
    """
    if isinstance(value, bool):
        return TRUE_FALSE[0] if value else TRUE_FALSE[1]
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return general(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return dotted_date(value.date())
        return f"{dotted_date(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return dotted_date(value)
    if isinstance(value, dt.time):
        return f"{value.hour}:{value:%M:%S}"
    if isinstance(value, dt.timedelta):
        hours, seconds = divmod(round(value.total_seconds()), 3600)
        return f"{hours}:{seconds // 60:02d}:{seconds % 60:02d}"
    return shown_text(str(value))


def _tokens(section: str) -> list[Token]:
    found: list[Token] = []
    for match in _TOKEN.finditer(section):
        kind = match.lastgroup
        text = match.group(kind or "char")
        if kind in ("quoted", "escaped"):
            found.append(("text", text))
        elif kind == "bracket":
            if _ELAPSED.fullmatch(text):
                found.append(("elapsed", text.lower()))
            elif text.startswith("$") and "-" in text:
                found.append(("text", text[1 : text.index("-")]))  # a currency, or a locale
            elif text.startswith("$"):
                found.append(("text", text[1:]))
            # a colour or a condition shows nothing
        elif kind == "pad":
            found.append(("text", " "))
        elif kind == "fill":
            continue
        else:
            found.append((str(kind), text))
    return found


def _is_date(tokens: list[Token]) -> bool:
    return any(
        kind == "elapsed" or (kind == "run" and text[0] in "dDmMyYhHsS") for kind, text in tokens
    )


def _minutes(tokens: list[Token], index: int) -> bool:
    """Whether the ``m`` run at ``index`` means minutes: after an hour or before a second."""
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(tokens):
            kind, text = tokens[position]
            if kind in ("run", "elapsed"):
                letter = text.lstrip("[")[0].lower()
                if (step < 0 and letter == "h") or (step > 0 and letter == "s"):
                    return True
                break
            position += step
    return False


def _date_text(tokens: list[Token], moment: dt.datetime, serial: float) -> str:
    twelve = any(kind == "ampm" for kind, _ in tokens)
    day_given = any(kind == "run" and text[0] in "dD" for kind, text in tokens)
    pieces = []
    for index, (kind, text) in enumerate(tokens):
        if kind == "text":
            pieces.append(text)
        elif kind == "char":
            pieces.append("." if text == "/" else text)  # the date separator of the locale
        elif kind == "general":
            pieces.append(general(serial))
        elif kind == "ampm":
            shown = "AM" if moment.hour < 12 else "PM"
            pieces.append(shown if text == "AM/PM" else shown[0])
        elif kind == "elapsed":
            letter, width = text[0], len(text)
            total = round(serial * 86_400)
            amount = {"h": total // 3600, "m": total // 60, "s": total}[letter]
            pieces.append(str(amount).zfill(width))
        else:
            pieces.append(_run(text, moment, twelve=twelve, of_month=day_given,
                               minutes=_minutes(tokens, index)))  # fmt: skip
    return "".join(pieces)


def _run(text: str, moment: dt.datetime, *, twelve: bool, of_month: bool, minutes: bool) -> str:
    letter, width = text[0].lower(), len(text)
    if letter in ("y", "e"):
        return f"{moment.year % 100:02d}" if width <= 2 and letter == "y" else f"{moment.year:04d}"
    if letter == "d":
        if width >= 3:
            names = _WEEKDAYS if width > 3 else _SHORT_WEEKDAYS
            return names[moment.weekday()]
        return f"{moment.day:0{width}d}"
    if letter == "m" and minutes:
        return f"{moment.minute:0{min(width, 2)}d}"
    if letter == "m":
        if width in (1, 2):
            return f"{moment.month:0{width}d}"
        if width == 3:
            return _SHORT_MONTHS[moment.month - 1]
        name = (_OF_MONTHS if of_month else _MONTHS)[moment.month - 1]
        return name[0] if width == 5 else name
    if letter == "h":
        hour = (moment.hour % 12 or 12) if twelve else moment.hour
        return f"{hour:0{min(width, 2)}d}"
    return f"{moment.second:0{min(width, 2)}d}"  # "s"


def _number_text(tokens: list[Token], value: float) -> str | None:
    """``value`` (not negative) through a number format's tokens.

    ``None`` for a code this does not show (scientific, fractions).
    """
    if any(kind == "run" or (kind == "char" and text == "/") for kind, text in tokens):
        return None
    first = next((i for i, (kind, text) in enumerate(tokens)
                  if kind == "general" or (kind == "char" and text in "0#?")), None)  # fmt: skip
    if first is None:
        return "".join(text for _, text in tokens)  # no digits: the literal text alone
    last = first
    while (
        last + 1 < len(tokens)
        and tokens[last + 1][0] == "char"
        and (tokens[last + 1][1] in "0#?.,")
    ):
        last += 1
    percents = sum(kind == "char" and text == "%" for kind, text in tokens)
    number = value * 100**percents
    pattern = "".join(text for _, text in tokens[first : last + 1])
    digits = general(number) if tokens[first][0] == "general" else _digits(pattern, number)
    return "".join(
        [*(text for _, text in tokens[:first]), digits, *(text for _, text in tokens[last + 1 :])]
    )


def _digits(pattern: str, value: float) -> str:
    whole, _, fraction = pattern.partition(".")
    scaled = whole.rstrip(",")
    value /= 1000 ** (len(whole) - len(scaled))
    grouped = "," in scaled
    places = sum(c in "0#?" for c in fraction)
    required = sum(c == "0" for c in fraction)
    try:
        exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    except InvalidOperation:  # more digits than a quantised decimal may have
        return general(value)
    integer, _, decimals = f"{exact:f}".partition(".")
    decimals = decimals.rstrip("0").ljust(required, "0") if places > required else decimals
    least = sum(c == "0" for c in scaled)
    integer = integer.zfill(least) if integer != "0" or least else ""
    if grouped and len(integer) > 3:
        head = len(integer) % 3 or 3
        integer = " ".join([integer[:head]] + [integer[i : i + 3]
                                               for i in range(head, len(integer), 3)])  # fmt: skip
    return f"{integer},{decimals}" if decimals or ("." in pattern and places) else integer


def _sections(code: str) -> list[list[Token]]:
    sections: list[list[Token]] = [[]]
    for kind, text in _tokens(code):
        if kind == "char" and text == ";":
            sections.append([])
        else:
            sections[-1].append((kind, text))
    return sections


@functools.lru_cache(maxsize=512)
def formatter(code: str, *, date1904: bool = False) -> Callable[[float], str] | None:
    """How a number shows in the format ``code``; ``None`` when as ``General``.

    ``code`` is the format's code, or ``#id`` for a built-in format's id (``#14``).
    """
    if code.startswith("#") and code[1:].isdigit():
        builtin = _BUILTIN.get(int(code[1:]))
        if builtin is None:
            return None
        code = builtin
    if code.strip().lower() in ("general", "", "@"):
        return None
    if code.lower() in _US_SHORT_DATES:
        code = _BUILTIN[14]
    sections = _sections(code)
    if _is_date(sections[0]):
        tokens = sections[0]

        def as_date(value: float) -> str:
            moment = excel_day(value, date1904=date1904)
            return general(value) if moment is None else _date_text(tokens, moment, value)

        return as_date

    def as_number(value: float) -> str:
        chosen, shown = sections[0], value
        if value < 0 and len(sections) > 1 and sections[1]:
            chosen, shown = sections[1], -value
        elif value == 0 and len(sections) > 2:
            chosen = sections[2]
        text = _number_text(chosen, abs(shown))
        if text is None:
            return general(value)
        return "-" + text if shown < 0 and any(c.isdigit() for c in text) else text

    return as_number
