"""Office Math (``m:oMath``) written out in a line, as Word's linear format writes it.

A roadmap cell may hold a formula for a target («Доля = N/M × 100%»); its text is kept, with
the structure that gives it meaning: a fraction as ``(a+b)/c``, a power as ``x^2``, an index as
``x_i``, a root as ``√(x)``, brackets as written, a function as ``log(x)``, a sum as ``∑_(i=1)^n``.
"""

from __future__ import annotations

from lxml import etree

from dod_model.importers._ooxml import local

__all__ = ["formula_text"]

# Structures: which of their parts come out, and what stands before each («/» before the
# denominator). A part missing from the file is left out.
_STRUCTURES: dict[str, tuple[tuple[str, str], ...]] = {
    "m:f": (("m:num", ""), ("m:den", "/")),
    "m:sSup": (("m:e", ""), ("m:sup", "^")),
    "m:sSub": (("m:e", ""), ("m:sub", "_")),
    "m:sSubSup": (("m:e", ""), ("m:sub", "_"), ("m:sup", "^")),
    "m:sPre": (("m:sub", "_"), ("m:sup", "^"), ("m:e", "")),
    "m:limLow": (("m:e", ""), ("m:lim", "┬")),
    "m:limUpp": (("m:e", ""), ("m:lim", "┴")),
}


def formula_text(element: etree._Element) -> str:
    """The text of a formula (``m:oMath``, ``m:oMathPara``) or any part of one, in a line."""
    kind = local(element)
    if kind in ("m:t", "t"):  # a formula's text; Word's own runs inside one, too
        return element.text or ""
    if kind.endswith("Pr") or kind in ("m:ctrlPr", "rPr"):
        return ""  # properties: no text
    if kind in _STRUCTURES:
        parts = [(_part(element, name), mark) for name, mark in _STRUCTURES[kind]]
        return "".join(f"{mark}{_group(part)}" for part, mark in parts if part is not None)
    if kind == "m:rad":
        degree, base = _part(element, "m:deg"), _part(element, "m:e")
        shown = formula_text(degree) if degree is not None else ""
        inner = formula_text(base) if base is not None else ""
        return f"√({shown}&{inner})" if shown else f"√({inner})"
    if kind == "m:d":
        return _delimited(element)
    if kind == "m:func":
        name, argument = _part(element, "m:fName"), _part(element, "m:e")
        text = formula_text(argument) if argument is not None else ""
        return (formula_text(name) if name is not None else "") + (
            text if _enclosed(text) else f"({text})"
        )
    if kind == "m:nary":
        properties = _part(element, "m:naryPr")
        sign = _value(properties, "m:chr") or "∫"
        out = sign
        for name, mark in (("m:sub", "_"), ("m:sup", "^")):
            part = _part(element, name)
            if part is not None and formula_text(part):
                out += mark + _group(part)
        base = _part(element, "m:e")
        return f"{out} {formula_text(base)}" if base is not None else out
    if kind == "m:oMathPara":
        return " ".join(formula_text(child) for child in element if local(child) == "m:oMath")
    return "".join(formula_text(child) for child in element)


def _part(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child of ``element`` named ``name`` («m:num»), if any."""
    for child in element if element is not None else ():
        if local(child) == name:
            return child
    return None


def _value(properties: etree._Element | None, name: str) -> str | None:
    """The ``m:val`` of the property ``name`` (``m:chr``, ``m:begChr``), if given."""
    found = _part(properties, name)
    if found is None:
        return None
    for key, value in found.attrib.items():
        if str(key).endswith("}val"):
            return str(value)
    return None


def _delimited(element: etree._Element) -> str:
    """Brackets (``m:d``) around their parts, with the separator between them."""
    properties = _part(element, "m:dPr")
    opening = _value(properties, "m:begChr")
    closing = _value(properties, "m:endChr")
    separator = _value(properties, "m:sepChr")
    parts = [formula_text(child) for child in element if local(child) == "m:e"]
    return (
        ("(" if opening is None else opening)
        + ("|" if separator is None else separator).join(parts)
        + (")" if closing is None else closing)
    )


def _enclosed(text: str) -> bool:
    """Whether ``text`` is one bracket pair around the whole of it: «(a+b)», not «(a)+(b)»."""
    if len(text) < 2 or text[0] != "(" or text[-1] != ")":
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += char == "("
        depth -= char == ")"
        if depth == 0 and index < len(text) - 1:
            return False
    return True


def _group(element: etree._Element | None) -> str:
    """A part of a structure, bracketed unless it is one number, one word or one bracket."""
    text = formula_text(element) if element is not None else ""
    if len(text) <= 1 or text.isalnum() or _enclosed(text):
        return text
    return f"({text})"
