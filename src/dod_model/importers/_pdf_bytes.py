"""What a PDF's bytes must pass before pdfminer parses them: its pages and its streams.

pdfminer is written in Python and gives some damage time out of all proportion to its size, so
three things are checked first, at the speed of a scan of the bytes and of zlib:

- the page objects against the page budget: a page tree of a million pages takes pdfminer
  seconds to parse before its count could be looked at;
- every Flate-compressed stream inflates: pdfminer reads a stream that does not byte by byte,
  growing its output by concatenation, which costs time as the square of its length (a 30 KB
  PDF with 600 KB of junk inside a stream: 25 s of the 45 s its reading took). A small stream
  that fails only its checksum passes (pdfminer reads it all the same, quickly enough); a
  stream is inflated as far as :data:`~dod_model._base.budgets.PART_BYTES` at the most (a
  large image is no damage).

- the bytes outside the streams' data (objects, cross-references, and what a stream's length
  leaves out before its ``endstream``) against
  :data:`~dod_model._base.budgets.PDF_SYNTAX_BYTES`: pdfminer tokenizes them in Python, a few
  µs a byte.

An encrypted PDF's streams are ciphered: only its pages are counted.
"""

from __future__ import annotations

import re
import zlib

from dod_model._base import budgets
from dod_model._errors import DocumentError

__all__ = ["check_bytes"]

# Names that begin as a page object's type does: the catalog's, not pages.
_NOT_PAGES = (b"/Pages", b"/PageLabels", b"/PageLayout", b"/PageMode")


def _page_objects(data: bytes, name: str) -> None:
    """Refuse a document whose bytes hold more page objects than the page budget.

    The ``/Page`` names not of the catalog's keys bound the page objects not packed in
    compressed object streams.
    """
    count = data.count(b"/Page") - sum(data.count(other) for other in _NOT_PAGES)
    if count > budgets.PDF_PAGES:
        msg = (f"{name}: a PDF of {count:,} page objects, more than the {budgets.PDF_PAGES:,} "
               "pages a roadmap may have; refused")  # fmt: skip
        raise DocumentError(msg)


# Where a stream's data begins: the keyword and its end of line. Its dictionary stands in the
# bytes before it, from its object's «obj».
_STREAM = re.compile(rb"(?<![A-Za-z])stream\r?\n")
_FLATE = (b"/FlateDecode", b"/Fl ", b"/Fl/", b"/Fl]", b"/Fl>")
_NOT_TOKENIZED = (b"/Image", b"/Length1", b"/Length2", b"/Type1C", b"/CIDFontType0C",
                  b"/OpenType")  # fmt: skip
_DICTIONARY_BYTES = 4096  # how far before a stream its dictionary is looked for
_CHUNK = 1 << 16


# A stream that fails its checksum alone pdfminer inflates again byte by byte, its output grown
# by concatenation: passed only while that costs little (a tenth of a second or so).
_CORRUPT_IN = 1 << 18
_CORRUPT_OUT = 1 << 21


class _TooLarge(Exception):
    """A stream pdfminer would tokenize inflates past ``PDF_STREAM_BYTES``."""


def _inflated(data: bytes, start: int, end: int, limit: int) -> int | None:
    """How many bytes of ``data[start:end]`` are zlib data, read to its end; ``None`` if damaged.

    The data inflates as far as ``limit`` (a large image is no damage); past it, for a stream
    pdfminer tokenizes, :class:`_TooLarge` is raised. Data that fails only its checksum counts
    if it is small (see :data:`_CORRUPT_IN`). What follows the zlib data's end is none of it.
    """
    inflater = zlib.decompressobj()
    made = 0
    at = start
    try:
        while at < end and not inflater.eof:
            made += len(inflater.decompress(data[at : min(at + _CHUNK, end)], _CHUNK))
            while inflater.unconsumed_tail and made <= limit:
                made += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
            if made > limit:
                if limit < budgets.PART_BYTES:
                    raise _TooLarge
                return end - start
            at += _CHUNK
    except zlib.error as exc:
        checksum = "incorrect data check" in str(exc)
        small = end - start <= _CORRUPT_IN and made <= _CORRUPT_OUT
        return end - start if checksum and small else None
    if not inflater.eof:
        return end - start
    return min(at, end) - start - len(inflater.unused_data)


def _stream_bytes(data: bytes, name: str) -> int:
    """The bytes of a PDF's streams' data; refused if a compressed stream does not inflate."""
    total = 0
    for found in _STREAM.finditer(data):
        start = found.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        head = data[max(0, found.start() - _DICTIONARY_BYTES) : found.start()]
        head = head[head.rfind(b"obj") :]
        if not any(mark in head for mark in _FLATE):
            total += end - start
            continue
        # An image or a font is decoded, not tokenized: it may be large.
        tokenized = not any(mark in head for mark in _NOT_TOKENIZED)
        limit = budgets.PDF_STREAM_BYTES if tokenized else budgets.PART_BYTES
        try:
            inflated = _inflated(data, start, end, limit)
        except _TooLarge:
            msg = (
                f"{name}: the compressed stream at byte {start:,} inflates past the "
                f"{budgets.PDF_STREAM_BYTES:,} bytes a page's contents take; is the PDF damaged?"
            )
            raise DocumentError(msg) from None
        if inflated is None:
            msg = (
                f"{name}: a damaged PDF: the compressed stream at byte {start:,} does not "
                "inflate; open it in a PDF reader and save or print it to PDF again"
            )
            raise DocumentError(msg)
        total += inflated
    return total


def check_bytes(data: bytes, name: str) -> None:
    """Refuse a PDF whose pages or streams would cost pdfminer more than its size warrants.

    Raises:
        DocumentError: Too many page objects, a compressed stream that does not inflate, or
            more bytes outside the streams' data than ``PDF_SYNTAX_BYTES``.
    """
    _page_objects(data, name)
    if b"/Encrypt" in data:
        return  # its streams are ciphered
    syntax = len(data) - _stream_bytes(data, name)
    if syntax > budgets.PDF_SYNTAX_BYTES:
        msg = (
            f"{name}: a PDF of {syntax:,} bytes outside the data of its streams, more than the "
            f"{budgets.PDF_SYNTAX_BYTES:,} a document's objects take; is it damaged? Open it in "
            "a PDF reader and save or print it to PDF again"
        )
        raise DocumentError(msg)
