"""Resource budgets: the most any one input may make the library spend, in one table.

Every reader checks its input against these before it spends the work they bound: a file is
refused by its size before it is read, a zip package by its entry count before its directory is
listed, a part by its inflated size before it is parsed, XML by its node count before a tree is
built. Each container format checks them in one place (the shared zip and XML reader), and every
importer reuses that place. ``docs/budgets.md`` lists them for users; it is generated from
:data:`BUDGETS`, so the two cannot disagree.
"""

from __future__ import annotations

import attrs

__all__ = [
    "BUDGETS",
    "DOCUMENT_BYTES",
    "DUE_DATES",
    "FINDING_ITEMS",
    "JSON_DEPTH",
    "LIST_START_MAX",
    "NUMBER_DIGITS",
    "PACKAGE_BYTES",
    "PACKAGE_ENTRIES",
    "PART_BYTES",
    "REGISTRY_FIELD_CHARS",
    "XML_NODES",
    "Budget",
]

_MIB = 1024 * 1024

DOCUMENT_BYTES = 64 * _MIB
"""The largest document file ``read()`` takes (64 MiB)."""
PACKAGE_ENTRIES = 10_000
"""The most entries a zip package may list (Word writes 10 to 100; a workbook a few hundred)."""
PART_BYTES = 64 * _MIB
"""The most one part of a zip package may inflate to."""
PACKAGE_BYTES = 128 * _MIB
"""The most all the parts read from one zip package may inflate to, together."""
XML_NODES = 2_000_000
"""The most elements one XML part may hold (told from its bytes before it is parsed)."""
JSON_DEPTH = 64
"""The deepest a JSON document may nest arrays and objects (the model's own nest under 12)."""
REGISTRY_FIELD_CHARS = 1 * _MIB
"""The longest one field of a registry row may be."""
NUMBER_DIGITS = 18
"""The most digits a count or amount in a registry may have before it is no number."""
LIST_START_MAX = 2**31 - 1
"""The largest start value a Word list may have (the format's own bound, a 32-bit number)."""
FINDING_ITEMS = 20
"""The most items (numbers, names) one finding lists; the rest are counted."""
DUE_DATES = 1_000
"""The most due dates one deadline expands to (a weekly plan of 19 years; real ones need 300)."""


@attrs.frozen
class Budget:
    """One line of the budget table: what is bounded, by how much, and what happens past it."""

    name: str
    value: int
    unit: str
    what: str
    past: str


BUDGETS = (
    Budget("DOCUMENT_BYTES", DOCUMENT_BYTES, "bytes", "a document file read by read()",
           "refused before it is read"),
    Budget("PACKAGE_ENTRIES", PACKAGE_ENTRIES, "entries", "the entries of a zip package",
           "refused before its directory is listed"),
    Budget("PART_BYTES", PART_BYTES, "bytes", "one part of a zip package, inflated",
           "refused; inflating stops at the bound"),
    Budget("PACKAGE_BYTES", PACKAGE_BYTES, "bytes", "all the parts read from one package, inflated",
           "refused; inflating stops at the bound"),
    Budget("XML_NODES", XML_NODES, "elements", "the elements of one XML part",
           "refused before a tree is built"),
    Budget("JSON_DEPTH", JSON_DEPTH, "levels", "the nesting of a JSON document or JSON Lines row",
           "SchemaError, or a problem row"),
    Budget("REGISTRY_FIELD_CHARS", REGISTRY_FIELD_CHARS, "characters",
           "one field of a registry row", "the row is reported as a problem"),
    Budget("NUMBER_DIGITS", NUMBER_DIGITS, "digits", "a count or amount in a registry",
           "reported as no number"),
    Budget("LIST_START_MAX", LIST_START_MAX, "", "the start value of a Word list",
           "the list starts at 1, as Word would"),
    Budget("FINDING_ITEMS", FINDING_ITEMS, "items", "the items one finding lists",
           "the rest are counted"),
    Budget("DUE_DATES", DUE_DATES, "dates", "the due dates one recurring deadline expands to",
           "the first are kept; past the last the deadline stays due"),
)  # fmt: skip
"""Every budget, in the order ``docs/budgets.md`` lists them."""
