"""Office Math (``m:oMath``) written out in a line, after Word's linear format.

A roadmap cell may hold a formula for a target («Доля = N/M × 100%»); its text is kept, with
the structure that gives it meaning: a fraction as ``(a+b)/c`` (a binomial as ``n¦k``), a
power as ``x^2``, an index as ``x_i``, a root as ``√(x)``, brackets as written, a function as
``log(x)``, a sum as ``∑_(i=1)^n x``, an accent or bar as a combining mark after what it marks,
a system of equations as ``█(x+y=1@x-y=3)``, a matrix as ``■(1&2@3&4)``. A part of more than one
number or word is bracketed; a structure followed by a letter or digit is spaced from it.
Deleted and hidden text is left out, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

from dod_model.importers._ooxml import OFF, local

__all__ = ["formula_text"]

# Scripts and limits: the parts, in the order written, with what stands before each.
_SCRIPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "m:sSup": (("m:e", ""), ("m:sup", "^")),
    "m:sSub": (("m:e", ""), ("m:sub", "_")),
    "m:sSubSup": (("m:e", ""), ("m:sub", "_"), ("m:sup", "^")),
    "m:sPre": (("m:sub", "_"), ("m:sup", "^"), ("m:e", " ")),
    "m:limLow": (("m:e", ""), ("m:lim", "┬")),
    "m:limUpp": (("m:e", ""), ("m:lim", "┴")),
}
# What a structure's text may not run into: a letter or digit right after it reads as part of
# its last piece («x_i y», not «x_iy»).
_STRUCTURES = frozenset({*_SCRIPTS, "m:f", "m:nary", "m:acc", "m:bar", "m:rad"})
_LEFT_OUT = frozenset({"del", "moveFrom", "delText", "instrText"})  # and every «…Pr»


def formula_text(element: etree._Element) -> str:
    """The text of a formula (``m:oMath``, ``m:oMathPara``) or any part of one, in a line."""
    kind = local(element)
    if kind in ("m:t", "t"):  # a formula's text; Word's own runs inside one, too
        return element.text or ""
    if kind in _LEFT_OUT or kind.endswith("Pr") or (kind in ("m:r", "r") and _hidden(element)):
        return ""
    if kind in _SCRIPTS:
        return "".join(
            f"{mark}{_group(_text(element, name))}"
            for name, mark in _SCRIPTS[kind]
            if _part(element, name) is not None
        )
    written = _WRITERS.get(kind)
    return written(element) if written is not None else _joined(element)


def _fraction(element: etree._Element) -> str:
    numerator, denominator = _text(element, "m:num"), _text(element, "m:den")
    if _value(element, "m:fPr", "m:type") == "noBar":  # a binomial, its brackets an m:d's
        return f"{_group(numerator)}¦{_group(denominator)}"
    return f"{_group(numerator)}/{_group(denominator)}"


def _root(element: etree._Element) -> str:
    degree, base = _text(element, "m:deg"), _text(element, "m:e")
    return f"√({degree}&{base})" if degree else f"√({base})"


def _function(element: etree._Element) -> str:
    argument = _text(element, "m:e")
    return _text(element, "m:fName") + (argument if _enclosed(argument) else f"({argument})")


def _operator(element: etree._Element) -> str:
    """A sum, product or integral (``m:nary``): its sign, limits and what it applies to."""
    out = _value(element, "m:naryPr", "m:chr") or "∫"
    for name, mark in (("m:sub", "_"), ("m:sup", "^")):
        script = _text(element, name)
        out += f"{mark}{_group(script)}" if script else ""
    body = _text(element, "m:e")
    return f"{out} {_group(body)}" if body else out


def _accent(element: etree._Element) -> str:
    return _group(_text(element, "m:e")) + (_value(element, "m:accPr", "m:chr") or "\u0302")


def _bar(element: etree._Element) -> str:
    top = _value(element, "m:barPr", "m:pos") == "top"
    return _group(_text(element, "m:e")) + ("\u0305" if top else "\u0332")


def _equations(element: etree._Element) -> str:
    """Equations one under another (``m:eqArr``)."""
    return "█(" + "@".join(_texts(element, "m:e")) + ")"


def _matrix(element: etree._Element) -> str:
    """A matrix (``m:m``): rows of cells."""
    rows = ("&".join(_texts(row, "m:e")) for row in element if local(row) == "m:mr")
    return "■(" + "@".join(rows) + ")"


def _formulas(element: etree._Element) -> str:
    """Formulas in a paragraph of their own (``m:oMathPara``)."""
    return " ".join(_texts(element, "m:oMath"))


def _joined(element: etree._Element) -> str:
    """The texts of ``element``'s children in a row, a structure spaced from a word after it."""
    out = ""
    after_structure = False
    for child in element:
        text = formula_text(child)
        if not text:
            continue
        if after_structure and text[0].isalnum():
            out += " "
        out += text
        after_structure = local(child) in _STRUCTURES
    return out


def _hidden(run: etree._Element) -> bool:
    """Whether a run is hidden text (``w:vanish`` in its ``w:rPr``)."""
    vanish = _part(_part(run, "rPr"), "vanish")
    if vanish is None:
        return False
    return not any(str(key).endswith("}val") and value in OFF for key, value in vanish.items())


def _part(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child of ``element`` named ``name`` («m:num»), if any."""
    for child in element if element is not None else ():
        if local(child) == name:
            return child
    return None


def _text(element: etree._Element, name: str) -> str:
    """The text of the part ``name`` of ``element``, «» if it has none."""
    part = _part(element, name)
    return formula_text(part) if part is not None else ""


def _texts(element: etree._Element, name: str) -> Iterable[str]:
    """The texts of every part ``name`` of ``element``, in order."""
    return (formula_text(child) for child in element if local(child) == name)


def _value(element: etree._Element, properties: str, name: str) -> str | None:
    """The ``m:val`` of the property ``name`` in ``element``'s ``properties``, if given."""
    found = _part(_part(element, properties), name)
    if found is None:
        return None
    for key, value in found.items():
        if str(key).endswith("}val"):
            return str(value)
    return None


def _delimited(element: etree._Element) -> str:
    """Brackets (``m:d``) around their parts, with the separator between them."""
    opening = _value(element, "m:dPr", "m:begChr")
    closing = _value(element, "m:dPr", "m:endChr")
    separator = _value(element, "m:dPr", "m:sepChr")
    return (
        ("(" if opening is None else opening)
        + ("|" if separator is None else separator).join(_texts(element, "m:e"))
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


def _group(text: str) -> str:
    """A part of a structure, bracketed unless it is one number, one word or one bracket."""
    if len(text) <= 1 or text.isalnum() or _enclosed(text):
        return text
    return f"({text})"


_WRITERS: dict[str, Callable[[etree._Element], str]] = {
    "m:f": _fraction,
    "m:rad": _root,
    "m:d": _delimited,
    "m:func": _function,
    "m:nary": _operator,
    "m:acc": _accent,
    "m:bar": _bar,
    "m:eqArr": _equations,
    "m:m": _matrix,
    "m:oMathPara": _formulas,
}
