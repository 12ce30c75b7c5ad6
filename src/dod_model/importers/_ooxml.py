"""Names in WordprocessingML: its two namespaces (Transitional, Strict) and attribute lookups."""

from __future__ import annotations

from lxml import etree

__all__ = ["MATH", "MC", "OFF", "W", "attribute", "find_child", "local", "qualified", "to_int"]

W = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     "http://purl.oclc.org/ooxml/wordprocessingml/main")  # fmt: skip
"""The WordprocessingML namespaces: Transitional, then Strict."""
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
"""The markup-compatibility namespace (``mc:AlternateContent``)."""
MATH = ("http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math")  # fmt: skip
"""The Office Math namespaces (``m:oMath``): Transitional, then Strict."""
OFF = ("0", "false", "off")
"""The values that turn an on/off property off (``<w:vanish w:val="0"/>``); no value is on."""

_LOCAL: dict[str, str] = {}


def local(element: etree._Element) -> str:
    """The element's name in the WordprocessingML namespaces («p», «tbl»).

    «mc:…» for markup compatibility, «m:…» for Office Math, «?…» for anything else. Cached: a
    document has few tags.
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    known = _LOCAL.get(tag)
    if known is None:
        namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        known = (
            name if namespace in W
            else f"mc:{name}" if namespace == MC
            else f"m:{name}" if namespace in MATH
            else "?" + name
        )  # fmt: skip
        if len(_LOCAL) < 4096:
            _LOCAL[tag] = known
    return known


def qualified(element: etree._Element, name: str) -> str:
    """``name`` in the namespace of ``element`` (Transitional or Strict: a document uses one)."""
    tag = element.tag
    namespace = tag[1 : tag.find("}")] if isinstance(tag, str) and tag.startswith("{") else ""
    return f"{{{namespace if namespace in W else W[0]}}}{name}"


def attribute(element: etree._Element | None, name: str) -> str | None:
    """The WordprocessingML attribute ``name`` of ``element``, if both are there."""
    if element is None:
        return None
    value = element.get(qualified(element, name))
    return None if value is None else str(value)


def find_child(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first WordprocessingML child ``name`` of ``element``, if both are there."""
    if element is None:
        return None
    return element.find(qualified(element, name))


def to_int(value: str | None, default: int) -> int:
    """A number Word wrote as text; ``default`` when it is absent or no number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
