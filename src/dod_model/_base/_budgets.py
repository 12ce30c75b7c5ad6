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
    "HTML_ATTRIBUTES",
    "JSON_DEPTH",
    "LIST_START_MAX",
    "NUMBER_DIGITS",
    "PACKAGE_BYTES",
    "PACKAGE_ENTRIES",
    "PART_BYTES",
    "PDF_PAGES",
    "PDF_STREAM_BYTES",
    "PDF_SYNTAX_BYTES",
    "REGISTRY_FIELD_CHARS",
    "ROW_CELLS",
    "SHEET_CELLS",
    "STREAM_RATIO",
    "TEXT_CHARS",
    "XML_DENSITY",
    "XML_DENSITY_FLOOR",
    "XML_NODES",
    "Budget",
]

_MIB = 1024 * 1024

DOCUMENT_BYTES = 64 * _MIB
"""The largest document file ``read()`` takes (64 MiB)."""
# The zip package budgets, as measured (lxml 6.1, CPython 3.11, one core; `tests/
# test_hostile_packages.py` builds each case). A tree node costs 128 bytes (an element, a run of
# text), an attribute 240 (two nodes); `xml_nodes` counts them from the bytes within a few per
# cent, in 4 ms a MB. Reading a Word file costs 1-4 µs a node in all. At XML_NODES the worst
# shapes read in 0.7-4 s of CPU (1.2 million empty paragraphs: 3.4 s, 161 MB; 95,000 rows: 4 s,
# 189 MB over the roadmap's own 26 MB) and 146-186 MB; the benchmark's 16,000-row roadmap
# (`benchmarks/read_docx.py`, 1.09 million nodes) reads in 1.4 s and 155 MB, just inside.
# Past a budget, a file is refused in the time of inflating and counting: under 0.1 s a MB.
# A ratio of inflated to compressed bytes refused real files (the exporter's own Word file with
# a cell of 1 MB of repeated text deflates 204 times, as 0.1 node a byte) and bounds nothing the
# absolute budgets do not: what costs is nodes. So past XML_DENSITY_FLOOR nodes (under a second
# to read) a part may hold XML_DENSITY nodes a byte of its compressed data, so that a small file
# cannot cost seconds: real parts hold 0.1-4.6 (the corpus' 347 parts: median 0.8; the
# benchmark 3.0), crafted ones 40-250 (1.2 million empty paragraphs in 11 KB: 106).
# A worksheet is read as a stream, held a row at a time: its inflated bytes cost time only
# (0.1-0.2 s a MB of XML), and so do its nodes (0.3-1 µs each). Real sheets deflate 12-47 times
# (our exporter's 19-47) and hold 1-3.4 nodes a compressed byte; both are bounded relative to
# the compressed size, so that a sheet's cost follows the size of the file.
PACKAGE_ENTRIES = 10_000
"""The most entries a zip package may list (Word writes 10 to 100; a workbook a few hundred)."""
PART_BYTES = 32 * _MIB
"""The most one part of a zip package read whole may inflate to (32 MiB)."""
PACKAGE_BYTES = 64 * _MIB
"""The most all the parts read whole from one zip package may inflate to, together (64 MiB)."""
STREAM_RATIO = 100
"""How many times its compressed size a part read as a stream (a worksheet) may inflate to."""
XML_NODES = 1_250_000
"""The most nodes (elements, runs of text, attributes) the tree of one XML part may hold."""
XML_DENSITY = 10
"""How many XML nodes a part may hold per byte of its compressed data, past the floor."""
XML_DENSITY_FLOOR = 250_000
"""How many XML nodes a part may hold whatever its compressed size (read in under a second)."""
HTML_ATTRIBUTES = 100
"""The most attributes one element of an HTML page may have (office programs write under 20).

The HTML parser checks each attribute of an element against the ones before it: 20,000 on one
element take a second (2,000 take 10 ms), so a page of many such elements would cost minutes."""
PDF_PAGES = 3_000
"""The most pages a PDF document may have (a roadmap's order: a few to a hundred)."""
PDF_STREAM_BYTES = 8 * _MIB
"""The most one stream of a PDF may inflate to, but an image or an embedded font.

pdfminer tokenizes such streams (page contents, forms, object streams) in Python; a page of a
roadmap's table takes 10 to 100 KB."""
PDF_SYNTAX_BYTES = 4 * _MIB
"""The most bytes of a PDF outside its streams' data: what pdfminer tokenizes in Python.

It does so at 2 to 5 µs a byte: the objects, the cross-reference table and anything a stream's
length leaves out. A roadmap's PDF holds a few hundred KB of them (a 100-page one, 150 KB)."""
"""The most pages a PDF may have (its page tree counted before a page is read): a roadmap of
1,000 rows prints on about 150 pages, each read in about 0.1 s (`benchmarks/read_pdf.py`)."""
JSON_DEPTH = 64
"""The deepest a JSON document may nest arrays and objects (the model's own nest under 12)."""
REGISTRY_FIELD_CHARS = 1 * _MIB
"""The longest one field of a registry row may be."""
ROW_CELLS = 1_000
"""The most cells one table row may have (Word allows 63 columns; a spreadsheet's used range
seldom a few hundred): a row of millions of cells is no roadmap, and would cost gigabytes."""
SHEET_CELLS = 500_000
"""The most cells the grids of a workbook's sheets may make, together (each sheet: its rows
holding a value, times the columns up to the last holding one). A 16,000-row roadmap of five
columns makes 80,000; a grid is built whole, at about 300 bytes a cell, before its roadmap is."""
TEXT_CHARS = 2_000_000
"""The longest one line of a text export may be, in characters: a line of megabytes is no
roadmap's, costs hundreds of megabytes to read, and would not fit the ten million bytes the XML
parser takes in one text node of the roadmap's own Word export."""
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
    Budget("PACKAGE_ENTRIES", PACKAGE_ENTRIES, "entries",
           "the entries of a zip package (and its directory: 1 KiB an entry)",
           "refused before its directory is listed"),
    Budget("PART_BYTES", PART_BYTES, "bytes",
           "one part of a zip package read whole (or kept, as a workbook's shared strings), "
           "inflated; one element of a part read as a stream",
           "refused before it is inflated, by the size its zip entry declares"),
    Budget("PACKAGE_BYTES", PACKAGE_BYTES, "bytes",
           "all the parts read whole from one zip package, inflated",
           "refused before the part that would pass it is inflated"),
    Budget("STREAM_RATIO", STREAM_RATIO, "times",
           "the inflated size of a part read as a stream (a worksheet, row by row), over its "
           "compressed size, past 1 MiB", "refused before it is inflated"),
    Budget("XML_NODES", XML_NODES, "nodes",
           "the tree of one XML part (elements, runs of text, attributes), counted from its "
           "bytes; of one element of a part read as a stream",
           "refused before it is parsed"),
    Budget("XML_DENSITY", XML_DENSITY, "nodes a byte",
           "the XML nodes of a part per byte of its compressed data, past XML_DENSITY_FLOOR",
           "refused before it is parsed (a stream: when it reaches it)"),
    Budget("XML_DENSITY_FLOOR", XML_DENSITY_FLOOR, "nodes",
           "the XML nodes a part may hold whatever its compressed size", "XML_DENSITY applies"),
    Budget("HTML_ATTRIBUTES", HTML_ATTRIBUTES, "attributes",
           "the attributes of one element of an HTML page", "refused before it is parsed"),
    Budget("PDF_PAGES", PDF_PAGES, "pages", "the pages of a PDF document",
           "refused by the count its page tree gives, before a page is read"),
    Budget("PDF_STREAM_BYTES", PDF_STREAM_BYTES, "bytes",
           "one stream of a PDF (page contents, a form, an object stream), inflated; not an "
           "image or an embedded font", "refused before pdfminer parses it"),
    Budget("PDF_SYNTAX_BYTES", PDF_SYNTAX_BYTES, "bytes",
           "a PDF's bytes outside the data of its streams (objects, cross-references, junk)",
           "refused before pdfminer parses it"),
    Budget("JSON_DEPTH", JSON_DEPTH, "levels", "the nesting of a JSON document or JSON Lines row",
           "SchemaError, or a problem row"),
    Budget("ROW_CELLS", ROW_CELLS, "cells", "the cells of one table row in a document",
           "refused, naming the row"),
    Budget("SHEET_CELLS", SHEET_CELLS, "cells",
           "the grids of a workbook's sheets (rows holding a value × columns to the last one "
           "holding one), together", "refused, naming the sheet"),
    Budget("TEXT_CHARS", TEXT_CHARS, "characters", "one line of a text export",
           "refused, naming the line"),
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
