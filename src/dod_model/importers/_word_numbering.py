"""The numbers Word shows before auto-numbered paragraphs, from ``numbering.xml`` and styles."""

from __future__ import annotations

import re

import attrs
from lxml import etree

from dod_model.importers._ooxml import attribute, find_child, local, to_int

__all__ = ["Numbering", "format_number"]


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
                    None if level is None else to_int(level, 0),
                    based_on,
                )
        if root is None:
            return
        for abstract in root:
            if local(abstract) == "abstractNum":
                levels = {}
                for lvl in abstract:
                    if local(lvl) == "lvl":
                        levels[to_int(attribute(lvl, "ilvl"), 0)] = _Level(
                            start=to_int(attribute(find_child(lvl, "start"), "val"), 1),
                            fmt=attribute(find_child(lvl, "numFmt"), "val") or "decimal",
                            text=attribute(find_child(lvl, "lvlText"), "val") or "",
                        )
                self.abstract[attribute(abstract, "abstractNumId") or ""] = levels
        for num in root:
            if local(num) == "num":
                overrides = {}
                for override in num:
                    if local(override) == "lvlOverride":
                        start = find_child(override, "startOverride")
                        if start is not None:
                            overrides[to_int(attribute(override, "ilvl"), 0)] = to_int(
                                attribute(start, "val"), 1
                            )
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
        level = to_int(given, 0)
        if num_id not in self.nums or num_id == "0":
            return ""
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
            index = int(match[1]) - 1
            lvl = levels.get(index, _Level())
            count = counters.get(index, overrides.get(index, lvl.start))
            return format_number(count, lvl.fmt)

        if levels.get(level, _Level()).fmt in ("bullet", "none"):
            return ""
        return re.sub(r"%(\d)", value, template).strip()


def format_number(count: int, fmt: str) -> str:
    """``count`` written in a list level's format («upperRoman»: «IV», «russianLower»: «г»)."""
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                    (1, "I"))  # fmt: skip
        out, rest = "", max(count, 0)
        for value, numeral in numerals:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter", "russianUpper", "russianLower"):
        letters = (
            "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
            if fmt.startswith("russian")
            else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        )
        # Word repeats the letter past the alphabet: z, aa, bb, …
        repeat = (count - 1) // len(letters) + 1
        letter = letters[(count - 1) % len(letters)] * repeat if count > 0 else ""
        return letter if fmt.endswith("Upper") or fmt == "upperLetter" else letter.lower()
    return str(count)
