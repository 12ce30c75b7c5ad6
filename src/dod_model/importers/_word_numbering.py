"""The numbers Word shows before auto-numbered paragraphs, from ``numbering.xml`` and styles.

Every number is bounded as the format bounds it, so that a label costs the same whatever a
file declares: a start value is a 32-bit number (``ST_DecimalNumber``), read from 0 to
:data:`~dod_model._base.budgets.LIST_START_MAX` (its digits counted first), else the list
starts at 1; a list defines nine levels, 0 to 8 (an ``abstractNum`` holds at most nine
``lvl``), and a paragraph of another level is not numbered; Word takes a level's text of at
most nine ``%N`` and 31 characters once they are replaced (MS-OI29500 §2.1.283), so a longer
one is cut to its first :data:`_TEMPLATE_CHARS`; a number that roman numerals or letters would
write in more than 15 characters (the longest roman numeral, MMMDCCCLXXXVIII) is written in
digits instead.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from dod_model._base import budgets
from dod_model.importers._ooxml import attribute, find_child, local

__all__ = ["Numbering", "format_number"]

_LEVELS = 9
"""The levels of a Word list, numbered 0 to 8."""
_TEMPLATE_CHARS = 64
"""The most characters of a level's text kept: Word's 31 shown plus nine ``%N`` marks, with room."""
_WRITTEN_CHARS = 15
"""The longest a number written in roman numerals or letters may be; longer ones are digits."""
_DECIMAL = re.compile(r"[+-]?[0-9]{1,11}")
_PLACEHOLDER = re.compile(r"%([1-9])")


def _number(value: str | None, default: int, low: int, high: int) -> int:
    """A number Word wrote as text, if it is one from ``low`` to ``high``; else ``default``.

    The digits are counted before they are converted: a value of thousands of digits costs no
    more than one of two.
    """
    text = None if value is None else value.strip()
    if text is None or _DECIMAL.fullmatch(text) is None:
        return default
    number = int(text)
    return number if low <= number <= high else default


def _level(value: str | None) -> int | None:
    """A list level (0 to 8) Word wrote as text; ``None`` when it is none of the nine."""
    level = _number(value, -1, 0, _LEVELS - 1)
    return None if level < 0 else level


def _start(value: str | None) -> int:
    """A start value as Word reads it: 0 to ``LIST_START_MAX``, else (absent, absurd) 1."""
    return _number(value, 1, 0, budgets.LIST_START_MAX)


@attrs.define
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


class Numbering:
    """The numbers Word shows before auto-numbered paragraphs."""

    def __init__(self, root: etree._Element | None, styles: etree._Element | None = None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        # While a table is tried out: each list counted meanwhile, as it was before (None: new).
        self._before: dict[str, dict[int, int] | None] | None = None
        # Paragraph styles that number their paragraphs: style → (numId, ilvl), basedOn kept.
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in styles if styles is not None else ():
            if local(style) == "style" and attribute(style, "type") in (None, "paragraph"):
                num_pr = find_child(find_child(style, "pPr"), "numPr")
                num_id = attribute(find_child(num_pr, "numId"), "val")
                level = attribute(find_child(num_pr, "ilvl"), "val")
                based_on = attribute(find_child(style, "basedOn"), "val")
                self.styles[attribute(style, "styleId") or ""] = (
                    num_id,
                    None if level is None else _number(level, -1, 0, _LEVELS - 1),
                    based_on,
                )
        if root is None:
            return
        for abstract in root:
            if local(abstract) == "abstractNum":
                levels = {}
                for lvl in abstract:
                    index = _level(attribute(lvl, "ilvl") or "0") if local(lvl) == "lvl" else None
                    if index is not None:  # a level past the nine is none Word shows
                        text = attribute(find_child(lvl, "lvlText"), "val") or ""
                        levels[index] = _Level(
                            start=_start(attribute(find_child(lvl, "start"), "val")),
                            fmt=attribute(find_child(lvl, "numFmt"), "val") or "decimal",
                            text=text[:_TEMPLATE_CHARS],
                        )
                self.abstract[attribute(abstract, "abstractNumId") or ""] = levels
        for num in root:
            if local(num) == "num":
                overrides = {}
                for override in num:
                    if local(override) == "lvlOverride":
                        start = find_child(override, "startOverride")
                        index = _level(attribute(override, "ilvl") or "0")
                        if start is not None and index is not None:
                            overrides[index] = _start(attribute(start, "val"))
                abstract_id = attribute(find_child(num, "abstractNumId"), "val") or ""
                self.nums[attribute(num, "numId") or ""] = (abstract_id, overrides)

    def style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The list a paragraph style numbers with, following ``basedOn`` (at most 20 deep)."""
        num_id: str | None = None
        level: int | None = None
        for _ in range(20):
            if style_id is None or style_id not in self.styles:
                break
            style_num, style_level, style_id = self.styles[style_id]
            num_id = num_id if num_id is not None else style_num
            level = level if level is not None else style_level
        return num_id, level

    def try_out(self) -> None:
        """From now on, keep what :meth:`label` changes, so that :meth:`undo` can take it back.

        Only the lists counted meanwhile are kept, each once: trying costs nothing per list.
        """
        self._before = {}

    def undo(self) -> None:
        """Put every list counted since :meth:`try_out` back as it was; stop keeping."""
        for num_id, counters in (self._before or {}).items():
            if counters is None:
                self.counters.pop(num_id, None)
            else:
                self.counters[num_id] = counters
        self._before = None

    def keep(self) -> None:
        """Keep the counts made since :meth:`try_out`; stop keeping."""
        self._before = None

    def label(self, paragraph: etree._Element) -> str:
        """The number Word shows before ``paragraph`` («2.3.»), or «»; counts it in its list.

        Called for the paragraphs of a document in order: the counters run as Word's do.
        """
        if not self.nums:
            return ""
        properties = find_child(paragraph, "pPr")
        num_pr = find_child(properties, "numPr")
        num_id = attribute(find_child(num_pr, "numId"), "val")
        given = attribute(find_child(num_pr, "ilvl"), "val")
        if num_id is None:  # numbered through the paragraph's style, perhaps
            num_id, style_level = self.style_numbering(
                attribute(find_child(properties, "pStyle"), "val")
            )
            given = given if given is not None else (
                None if style_level is None else str(style_level))  # fmt: skip
        if num_id is None:
            return ""
        level = _level(given or "0")
        if level is None or num_id not in self.nums or num_id == "0":
            return ""  # a level past the nine a list has numbers nothing
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        before = self._before
        if before is not None and num_id not in before:  # being tried out: kept to undo
            counted = self.counters.get(num_id)
            before[num_id] = None if counted is None else dict(counted)
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(level, levels.get(level, _Level()).start)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        template = levels.get(level, _Level()).text

        def value(match: re.Match[str]) -> str:
            index = int(match[1]) - 1  # one digit, 1 to 9
            lvl = levels.get(index, _Level())
            count = counters.get(index, overrides.get(index, lvl.start))
            return format_number(count, lvl.fmt)

        if levels.get(level, _Level()).fmt in ("bullet", "none"):
            return ""
        return _PLACEHOLDER.sub(value, template).strip()


def format_number(count: int, fmt: str) -> str:
    """``count`` written in a list level's format («upperRoman»: «IV», «russianLower»: «г»).

    Roman numerals run to 3999 (MMMCMXCIX) and letters repeat as Word repeats them (z, aa,
    bb, …); a number these would write in more than 15 characters is written in digits, so
    the work and the label are as small for 10¹² as for 12.
    """
    if fmt in ("upperRoman", "lowerRoman"):
        if count > 3999:
            return str(count)
        out, rest = [], max(count, 0)
        for value, numeral in _ROMAN:
            times, rest = divmod(rest, value)
            out.append(numeral * times)
        return "".join(out) if fmt == "upperRoman" else "".join(out).lower()
    if fmt in ("upperLetter", "lowerLetter", "russianUpper", "russianLower"):
        letters = _RUSSIAN if fmt.startswith("russian") else _LATIN
        # Word repeats the letter past the alphabet: z, aa, bb, …
        repeat = (count - 1) // len(letters) + 1
        if repeat > _WRITTEN_CHARS:
            return str(count)
        letter = letters[(count - 1) % len(letters)] * repeat if count > 0 else ""
        return letter if fmt.endswith("Upper") or fmt == "upperLetter" else letter.lower()
    return str(count)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_RUSSIAN = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
