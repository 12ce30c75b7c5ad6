"""OpenDocument names, and the text a paragraph shows, read from its XML.

A paragraph (``text:p``, ``text:h``) holds text, spans, links, fields and marks. What it shows:

- its text, white space collapsed as ODF 1.3 §6.1.2 says (a run of spaces, tabs and line ends
  in the XML is one space; one at the paragraph's start is none), with the spaces, tabs and
  line breaks written as elements (``text:s`` with its ``text:c``, ``text:tab``,
  ``text:line-break``) kept as they are;
- spans, links, metadata, ruby bases and fields read through: a field's text is what it showed
  when the file was saved (a date, a reference, a form's text input);
- left out: notes (``text:note``, a footnote's body is not the paragraph's text), comments
  (``office:annotation``), drawings and frames (``draw:``: text boxes are not the paragraph's
  text), page numbers and counts (what they show depends on the page, not on the document),
  ruby annotations, hidden text, a list label (``text:number``: see :mod:`._odf_lists`), and the
  marks of tracked changes: inserted text stands in the paragraph and is kept, deleted text
  stands in ``text:tracked-changes``, outside the body's flow, and is never reached;
- non-breaking spaces as spaces and soft hyphens dropped, as the Word importer shows them.

.. versionadded:: 0.3.0
"""

from __future__ import annotations

import re

from lxml import etree

__all__ = ["OFFICE", "TABLE", "TEXT", "paragraph_text", "to_count"]

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
"""The ``office:`` namespace."""
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
"""The ``text:`` namespace."""
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
"""The ``table:`` namespace."""
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

_T = f"{{{TEXT}}}"
_S, _TAB, _BREAK, _COUNT = f"{_T}s", f"{_T}tab", f"{_T}line-break", f"{_T}c"
# Elements whose content is not the paragraph's text, and marks that hold none.
_LEFT_OUT = frozenset(
    {f"{_T}{name}" for name in ("note", "page-number", "page-count", "page-continuation",
                                "ruby-text", "hidden-text", "hidden-paragraph", "number",
                                "soft-page-break", "change", "change-start", "change-end",
                                "bookmark", "bookmark-start", "bookmark-end", "toc-mark",
                                "reference-mark", "alphabetical-index-mark", "user-index-mark",
                                "sequence-ref")}
    | {f"{{{OFFICE}}}annotation", f"{{{OFFICE}}}annotation-end"}
)  # fmt: skip
# Namespaces whose elements hold no text of the paragraph: drawings, shapes, forms, charts.
_OTHER = (f"{{{_DRAW}}}", "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}",
          "{urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0}",
          "{urn:oasis:names:tc:opendocument:xmlns:form:1.0}",
          "{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}",
          "{http://www.w3.org/1998/Math/MathML}")  # fmt: skip
_WHITE = re.compile(r"[ \t\r\n]+")
_SPACES_MOST = 1_000
"""The most spaces one ``text:s`` gives: a line of a roadmap's cell is never wider."""


def to_count(value: str | None, most: int) -> int:
    """A count ODF writes as a positive integer («3»): 1 if absent or none, ``most`` at most.

    Its digits are counted before it is converted: a value of thousands of digits costs no
    more than one of two.
    """
    if value is None or not (0 < len(value) <= 12 and value.isascii() and value.isdigit()):
        return 1
    return max(1, min(int(value), most))


def _collapse(text: str, parts: list[str], space: list[bool]) -> None:
    """Text of the XML added to ``parts``, its white space collapsed across the paragraph.

    ``space[0]``: whether what comes before ends in a collapsed space (or is the paragraph's
    start), so that a space beginning ``text`` is none.
    """
    if "\n" in text or "\t" in text or "\r" in text or "  " in text:
        text = _WHITE.sub(" ", text)
    if text[0] == " " and space[0]:
        text = text[1:]
        if not text:
            return
    parts.append(text)
    space[0] = text[-1] == " "


def _walk(element: etree._Element, parts: list[str], space: list[bool]) -> None:
    if element.text:
        _collapse(element.text, parts, space)
    for child in element:
        tag = child.tag
        if tag == _S:
            parts.append(" " * to_count(child.get(_COUNT), _SPACES_MOST))
            space[0] = False
        elif tag == _TAB:
            parts.append("\t")
            space[0] = False
        elif tag == _BREAK:
            parts.append("\n")
            space[0] = False
        elif isinstance(tag, str) and tag not in _LEFT_OUT and not tag.startswith(_OTHER):
            _walk(child, parts, space)
        if child.tail:
            _collapse(child.tail, parts, space)


def paragraph_text(paragraph: etree._Element) -> str:
    """The text a paragraph (``text:p``, ``text:h``, a cell's ``text:p``) shows, without label."""
    if not len(paragraph):  # text only, as most paragraphs are
        text = paragraph.text or ""
        if not text:
            return text
        if "\n" in text or "\t" in text or "\r" in text or "  " in text or text[0] == " ":
            text = _WHITE.sub(" ", text).lstrip(" ")
    else:
        parts: list[str] = []
        _walk(paragraph, parts, [True])
        text = "".join(parts)
    if "\u00a0" in text or "\u00ad" in text:
        text = text.replace("\u00a0", " ").replace("\u00ad", "")
    return text
