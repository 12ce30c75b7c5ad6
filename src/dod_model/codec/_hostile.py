r"""What JSON data may not hold whatever its schema: nesting past a budget, lone surrogates.

Both are checked once, without recursion, right after the text is parsed and before anything
walks the data recursively (the converter, faults' pointers, rules, exporters):

- Nesting deeper than the ``JSON_DEPTH`` budget (64 levels of arrays and objects). The model's
  own documents nest under 12; past the budget, Python's recursion limit would be the bound
  and a ``RecursionError`` the message.
- A lone surrogate (``"\ud800"``): JSON text may escape half of a UTF-16 pair, but that is no
  Unicode character, and text holding one cannot be encoded, written or printed. Refused, not
  replaced by U+FFFD: a reader that guesses what broken input meant hides the fault of the
  program that wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

from dod_model._base import budgets, escape_token
from dod_model._errors import SchemaFault

__all__ = ["TOO_DEEP", "json_faults", "printable"]

_SURROGATE = re.compile("[\ud800-\udfff]")

TOO_DEEP: Final = (
    f"nested deeper than the {budgets.JSON_DEPTH} levels of arrays and objects the library reads "
    "(the JSON_DEPTH budget); no document of the model nests so deep"
)
"""The message for JSON nested past ``JSON_DEPTH``."""


def printable(text: str) -> str:
    r"""``text`` with each lone surrogate written as its escape (``\ud800``), for messages."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _holds_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def _lone(text: str) -> str:
    """The first lone surrogate of ``text``, which holds one, as its escape."""
    found = _SURROGATE.search(text)
    return "" if found is None else f"\\u{ord(found[0]):04x}"


def _surrogate(escape: str, *, key: bool = False) -> str:
    what = "the key holds" if key else "holds"
    return (
        f"{what} a lone surrogate {escape}, half of a UTF-16 pair and no character; the "
        "program that wrote it must escape a character beyond U+FFFF as a pair (high, then "
        "low) or write it as UTF-8"
    )


def _members(value: dict[object, object] | list[object]) -> Iterator[tuple[object, object]]:
    return iter(value.items()) if isinstance(value, dict) else enumerate(value)


def _at(pointer: str, key: object) -> str:
    token = escape_token(key) if isinstance(key, str | int) else repr(key)
    return f"{pointer}/{token}"


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _contents(value: object, texts: list[str]) -> Iterable[Any] | None:
    """The members of an array or object, its keys joined in ``texts``; ``None`` for a scalar.

    A string is gathered in ``texts`` too.
    """
    if isinstance(value, dict):
        try:
            texts.append("".join(value))
        except TypeError:  # keys that are no strings, in data made in Python
            texts.extend(key for key in value if isinstance(key, str))
        return value.values()
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        texts.append(value)
    return None


def _within_depth(data: object, texts: list[str]) -> bool:
    """Whether ``data`` nests no deeper than the budget; its strings and keys put in ``texts``.

    Level by level, in a loop that only sorts values by their exact type (the kinds
    ``json.loads()`` makes; others are sorted out a level later): the check costs a tenth of
    what parsing and structuring do.
    """
    level = [data]  # the values at one depth that are no exact scalars
    gather = texts.append
    for depth in range(1, budgets.JSON_DEPTH + 2):
        inner: list[object] = []
        keep = inner.append
        for value in level:
            members = _contents(value, texts)
            if members is None:
                continue
            if depth > budgets.JSON_DEPTH:
                return False
            for member in members:
                kind = type(member)
                if kind is str:
                    gather(member)
                elif kind is dict or kind is list or kind not in _SCALARS:
                    keep(member)
        if not inner:
            break
        level = inner
    return True


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def json_faults(data: object) -> list[SchemaFault]:
    """The places where parsed JSON nests too deep or holds a lone surrogate, in document order.

    A quick pass level by level tells whether there is anything to report; only then is the
    data walked again, with a stack of its own (never Python's), for the pointers. A value
    nested too deep is reported once, and not looked into. At most the ``FINDING_ITEMS``
    budget of faults (20) are listed.

    Args:
        data: What ``json.loads()`` returned, or Python data of the same kinds.

    Returns:
        The faults, each at the JSON Pointer of its value (a lone surrogate in a key written as
        its escape, so the pointer can be printed); empty when there are none.

    .. versionadded:: 0.3.0
    """
    texts: list[str] = []
    if _within_depth(data, texts) and _encodes("".join(texts)):
        return []
    if isinstance(data, str):
        return [SchemaFault("", _surrogate(_lone(data)))] if _holds_surrogate(data) else []
    if not isinstance(data, dict | list):
        return []
    faults: list[SchemaFault] = []
    stack = [(_members(data), "")]
    while stack and len(faults) < budgets.FINDING_ITEMS:
        members, pointer = stack[-1]
        for key, value in members:
            if isinstance(key, str) and _holds_surrogate(key):
                at = printable(_at(pointer, key))
                faults.append(SchemaFault(at, _surrogate(_lone(key), key=True)))
            if isinstance(value, str):
                if _holds_surrogate(value):
                    at = printable(_at(pointer, key))
                    faults.append(SchemaFault(at, _surrogate(_lone(value))))
            elif isinstance(value, dict | list):
                if len(stack) < budgets.JSON_DEPTH:
                    stack.append((_members(value), _at(pointer, key)))
                    break
                faults.append(SchemaFault(printable(_at(pointer, key)), TOO_DEEP))
            if len(faults) >= budgets.FINDING_ITEMS:
                break
        else:
            stack.pop()
    return faults
