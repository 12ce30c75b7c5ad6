"""Quantitative targets: «не менее 6 типов общеобразовательных программ», «в 3 школах»."""

from __future__ import annotations

import re

from dod_model._base import MONTH_PATTERN, budgets, on_first_use
from dod_model.model._enums import Comparator
from dod_model.model._references import Target

__all__ = ["find_targets"]

_COMPARATORS: tuple[tuple[str, Comparator], ...] = (
    (r"не менее(?: чем)?", Comparator.AT_LEAST),
    (r"не ниже", Comparator.AT_LEAST),
    (r"не более(?: чем)?", Comparator.AT_MOST),
    (r"не выше", Comparator.AT_MOST),
    (r"более(?: чем)?|свыше|больше", Comparator.MORE_THAN),
    (r"менее(?: чем)?|меньше", Comparator.LESS_THAN),
)
_VALUE = r"(?P<value>\d{1,3}(?:[ \u00a0]\d{3})+(?![\d.])|\d+(?:[.,]\d+)?)"
_UNIT = r"(?P<unit>%[^,;:.()\n]*|[^\W\d_][^,;:.()\n]*)"
# Possessive runs of spaces: what follows each is a word or a digit, never a space.
_COMPARED = on_first_use(
    r"(?<![а-яё])(?P<cmp>"
    + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_COMPARATORS))
    + rf")\s++(?:(?:по|в|на|для|у|с|чем)\s++)*+{_VALUE}\s*+{_UNIT}",
    re.IGNORECASE,
)
# «в 3 школах»: a count after «в», unless what follows is a date, a year or an age.
_NOT_COUNTED = rf"(?:{MONTH_PATTERN}|год|лет|раз|квартал|полугоди|час|класс|возраст|том числе|т\.)"
_COUNTED = on_first_use(
    rf"(?<![а-яё])(?:в|во)\s++(?P<value>\d{{1,6}})\s++(?!{_NOT_COUNTED})(?P<unit>[а-яё][^,;:.()\n]*)",
    re.IGNORECASE,
)
_MAX_UNIT_WORDS = 12


def _number(text: str) -> int | float | None:
    """The number written, or ``None`` past the digits a count can have (no planned count)."""
    digits = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if len(digits) > budgets.NUMBER_DIGITS:
        return None
    return float(digits) if "." in digits else int(digits)


def _unit(text: str) -> str:
    return " ".join(text.split()[:_MAX_UNIT_WORDS])


def find_targets(text: str) -> tuple[Target, ...]:
    """Quantitative targets stated in ``text``, in order.

    A target is a number after a comparator («не менее 6 типов …», «не менее чем по 14 …»,
    «более 80 %») or a count after «в» («в 3 школах»). What is counted runs to the next
    punctuation mark, at most twelve words, as written. Dates, years, ages and «в том числе»
    are not counts.

    Args:
        text: Text as written.
    """
    found: list[tuple[int, Target]] = []
    taken: list[range] = []
    for match in _COMPARED().finditer(text):
        index = next(
            int(name[1:])
            for name, v in match.groupdict().items()
            if name.startswith("c") and name[1:].isdigit() and v
        )
        value = _number(match["value"])
        if value is None:
            continue
        unit = _unit(match["unit"])
        end = match.start("unit") + len(match["unit"].rstrip())
        phrase = " ".join(text[match.start() : end].split()[: _MAX_UNIT_WORDS + 6])
        target = Target(text=phrase, comparator=_COMPARATORS[index][1], value=value, unit=unit)
        found.append((match.start(), target))
        taken.append(range(match.start(), end))
    for match in _COUNTED().finditer(text):
        if any(match.start("value") in span for span in taken):
            continue
        value = _number(match["value"])
        if value is None:
            continue
        unit = _unit(match["unit"])
        phrase = " ".join(text[match.start() : match.end()].split()[: _MAX_UNIT_WORDS + 2])
        target = Target(text=phrase, comparator=Comparator.EXACTLY, value=value, unit=unit)
        found.append((match.start(), target))
    return tuple(target for _, target in sorted(found, key=lambda pair: pair[0]))
