"""What every layer shares: budgets, folding, decoding, the calendar, JSON Pointers, names.

The bottom layer: it imports nothing of the library but :mod:`dod_model._errors`. The zip
package reader (:class:`Package`, :func:`xml_nodes`) loads lxml, so it is loaded on first use:
``import dod_model`` does not pay for it.
"""

import importlib
from typing import TYPE_CHECKING

from dod_model._base import _budgets as budgets
from dod_model._base._calendar import (
    MONTH_NAMES,
    MONTH_PATTERN,
    add_years,
    dotted_date,
    month_end,
    month_number,
    roman_to_int,
    school_year,
)
from dod_model._base._decoding import decode_text
from dod_model._base._files import display_name, open_regular, read_bounded
from dod_model._base._folding import fold, fold_header, fold_label
from dod_model._base._patterns import on_first_use
from dod_model._base._pointers import escape_token
from dod_model._base._public import publish
from dod_model._base._zip import ODF, ODS, WORD, WORKBOOK, PackageKind

if TYPE_CHECKING:
    from dod_model._base._package import Package, xml_nodes

_ON_FIRST_USE = ("Package", "xml_nodes")

__all__ = [
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "ODF",
    "ODS",
    "WORD",
    "WORKBOOK",
    "Package",
    "PackageKind",
    "add_years",
    "budgets",
    "decode_text",
    "display_name",
    "dotted_date",
    "escape_token",
    "fold",
    "fold_header",
    "fold_label",
    "month_end",
    "month_number",
    "on_first_use",
    "open_regular",
    "publish",
    "read_bounded",
    "roman_to_int",
    "school_year",
    "xml_nodes",
]


def __getattr__(name: str) -> object:
    if name in _ON_FIRST_USE:
        return getattr(importlib.import_module("dod_model._base._package"), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
