"""The labels LibreOffice shows before the items of OpenDocument lists and numbered headings.

A ``text:list`` is numbered by its list style (``text:list-style``, in ``content.xml``'s
automatic styles or in ``styles.xml``), one ``text:list-level-style-number`` a level: its
format (``style:num-format``: «1», «a», «A», «i», «I», «А», «а»; «» for none), prefix and
suffix, start value and how many levels the label shows (``text:display-levels``: «1.2.»).
LibreOffice also writes the label's whole pattern (``loext:num-list-format``, «%1%.%2%.»),
which is used when present. A nested list is the next level of the list it stands in; a list
goes on with the one before (``text:continue-numbering``, same style) or with a list it names
(``text:continue-list``); an item may set its own number (``text:start-value``); a
``text:list-header`` has no number. Headings are numbered by the outline style
(``text:outline-style``) at their ``text:outline-level``. A label the file writes itself
(``text:number``) is used as it is. Bullets and pictures give no label, as Word's give none.

Numbers are bounded as the Word importer bounds them: a start value of 0 to
:data:`~dod_model._base.budgets.LIST_START_MAX`, else 1; ten levels.

.. versionadded:: 0.3.0
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
from lxml import etree

from dod_model._base import budgets
from dod_model.importers._odf_inline import TEXT, paragraph_text, to_count
from dod_model.importers._word_numbering import format_number

__all__ = ["ListCounter", "Lists"]

_T = f"{{{TEXT}}}"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
_LEVELS = 10
_TEMPLATE_CHARS = 64
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
            "I": "upperRoman", "А": "russianUpper", "а": "russianLower"}  # fmt: skip
_NUMBERED = (f"{_T}list-level-style-number", f"{_T}outline-level-style")
_PLACEHOLDER = re.compile(r"%([1-9]|10)%")


def _start(value: str | None) -> int:
    """A start value: 0 to ``LIST_START_MAX``, else (absent, absurd) 1."""
    if value is None or not (0 < len(value) <= 10 and value.isascii() and value.isdigit()):
        return 1
    number = int(value)
    return number if number <= budgets.LIST_START_MAX else 1


@attrs.frozen
class _Level:
    fmt: str | None  # a format of format_number; None: no number (bullet, picture, none)
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    shown: int = 1  # how many levels the label shows
    template: str | None = None


def _levels(style: etree._Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for child in style:
        level = to_count(child.get(f"{_T}level"), _LEVELS + 1)
        if level > _LEVELS or level in levels or not isinstance(child.tag, str):
            continue
        if child.tag not in _NUMBERED:
            levels[level] = _Level(None)  # a bullet or a picture
            continue
        written = child.get(f"{{{_STYLE}}}num-format") or ""
        template = child.get(f"{{{_LOEXT}}}num-list-format")
        levels[level] = _Level(
            _FORMATS.get(written, "decimal") if written else None,
            (child.get(f"{{{_STYLE}}}num-prefix") or "")[:_TEMPLATE_CHARS],
            (child.get(f"{{{_STYLE}}}num-suffix") or "")[:_TEMPLATE_CHARS],
            _start(child.get(f"{_T}start-value")),
            to_count(child.get(f"{_T}display-levels"), _LEVELS),
            None if template is None else template[:_TEMPLATE_CHARS],
        )
    return levels


@attrs.define
class ListCounter:
    """The counters of one list (or of the headings), a level each, and its style's name."""

    style: str | None
    counts: dict[int, int] = attrs.Factory(dict)


class Lists:
    """The list styles of a document, and the counting of its lists in document order.

    Args:
        roots: The parts holding list styles (``content.xml``, ``styles.xml``); a style of the
            first part wins over one of the same name in a later part.
    """

    def __init__(self, roots: Iterable[etree._Element | None]) -> None:
        self.styles: dict[str, dict[int, _Level]] = {}
        self.outline: dict[int, _Level] = {}
        for root in roots:
            if root is None:
                continue
            for style in root.iter(f"{_T}list-style", f"{_T}outline-style"):
                if style.tag == f"{_T}outline-style":
                    self.outline = self.outline or _levels(style)
                    continue
                name = style.get(f"{{{_STYLE}}}name")
                if name is not None and name not in self.styles:
                    self.styles[name] = _levels(style)
        self.headings = ListCounter(None)
        self._by_id: dict[str, ListCounter] = {}
        self._last: ListCounter | None = None  # the list before, at the body's level

    def begin(self, element: etree._Element, outer: ListCounter | None) -> ListCounter:
        """The counter a ``text:list`` counts in: its outer list's, or one it goes on with."""
        if outer is not None:
            return outer
        style = element.get(f"{_T}style-name")
        named = element.get(f"{_T}continue-list")
        last = self._last
        if named is not None and named in self._by_id:
            counter = self._by_id[named]
        elif element.get(f"{_T}continue-numbering") == "true" and last and last.style == style:
            counter = last
        else:
            counter = ListCounter(style)
        identifier = element.get("{http://www.w3.org/XML/1998/namespace}id")
        if identifier is not None:
            self._by_id[identifier] = counter
        self._last = counter
        return counter

    def label(self, counter: ListCounter, style: str | None, level: int,
              item: etree._Element) -> str:  # fmt: skip
        """The label of a list item at ``level`` (from 1) in list style ``style``; counts it."""
        given = item.find(f"{_T}number")
        levels = self.styles.get(style or "", {})
        start = item.get(f"{_T}start-value")
        text = self._count(counter, levels, min(level, _LEVELS), start)
        return paragraph_text(given).strip() if given is not None else text

    def heading(self, heading: etree._Element) -> str:
        """The label of a heading (``text:h`` outside any list), from the outline style."""
        given = heading.find(f"{_T}number")
        if given is not None:
            return paragraph_text(given).strip()
        if not self.outline or heading.get(f"{_T}is-list-header") == "true":
            return ""
        level = to_count(heading.get(f"{_T}outline-level"), _LEVELS)
        if heading.get(f"{_T}restart-numbering") == "true":
            self.headings.counts.pop(level, None)
        return self._count(self.headings, self.outline, level, heading.get(f"{_T}start-value"))

    @staticmethod
    def _count(counter: ListCounter, levels: dict[int, _Level], level: int,
               start: str | None) -> str:  # fmt: skip
        counts = counter.counts
        own = levels.get(level, _Level(None))
        counts[level] = _start(start) if start is not None else counts.get(level, own.start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        if own.fmt is None:
            return ""

        def number(at: int) -> str:
            lvl = levels.get(at, _Level("decimal"))
            return format_number(counts.get(at, lvl.start), lvl.fmt or "decimal")

        if own.template is not None:
            return _PLACEHOLDER.sub(lambda m: number(int(m[1])), own.template).strip()
        first = max(1, level - own.shown + 1)
        shown = ".".join(number(at) for at in range(first, level + 1))
        return f"{own.prefix}{shown}{own.suffix}".strip()
