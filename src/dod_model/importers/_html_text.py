"""An HTML page's bytes as text: its charset, and its markup counted against the budgets.

The charset is, in order: a byte-order mark; the ``<meta charset>`` or ``<meta
http-equiv="Content-Type" content="…; charset=…">`` the page declares (or an XHTML page's XML
declaration), if Python knows it, it writes markup as ASCII does and the bytes are in it; else
the encoding told by :func:`~dod_model._base.decode_text` (UTF-8, or a detected Cyrillic code
page). A wrong declaration is no error: a browser shows such a page, and so do we.

Before a tree is built, the markup is counted (:func:`check_markup`): nodes as
:func:`~dod_model._base.xml_nodes` counts XML's, plus the attributes HTML writes without a
value (``<td nowrap>``), against ``XML_NODES``; and each start tag's attributes against
``HTML_ATTRIBUTES``, since the HTML parser checks an element's attributes against one another
(20,000 on one element take a second).
"""

from __future__ import annotations

import codecs
import re

from dod_model._base import budgets, decode_text
from dod_model._errors import DocumentError

__all__ = ["check_markup", "decode_page", "looks_like_html"]

_UTF8_MARK = b"\xef\xbb\xbf"
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_DECLARED_WITHIN = 16_384  # where a page's charset declaration is looked for
# A declaration, in the page's first bytes read as Latin-1 (each byte one character).
_META = re.compile(r"<meta\b[^<>]{0,1024}?charset\s{0,64}=\s{0,64}[\"']?\s{0,64}([\w.:-]{1,40})",
                   re.IGNORECASE | re.ASCII)  # fmt: skip
_XML_DECLARATION = re.compile(r"\s{0,256}<\?xml\b[^<>]{0,256}?encoding\s{0,64}=\s{0,64}"
                              r"[\"']([\w.:-]{1,40})", re.ASCII)  # fmt: skip
# What a browser takes for a declaration of UTF-16 in a page whose bytes are ASCII's: UTF-8.
_UTF16 = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")


def _page_start(head: str) -> str:
    """``head`` from its first markup on: blanks, comments and an XML declaration passed over."""
    rest = head.lstrip()
    while True:
        if rest.startswith("<!--"):
            end = rest.find("-->", 4)
            if end < 0:
                return ""
            rest = rest[end + 3 :].lstrip()
        elif rest.startswith("<?xml"):
            end = rest.find("?>", 5)
            if end < 0:
                return ""
            rest = rest[end + 2 :].lstrip()
        else:
            return rest


def looks_like_html(head: bytes) -> bool:
    """Whether ``head`` begins an HTML page: a doctype of HTML, or the ``<html`` element.

    After a byte-order mark, blanks, comments and an XML declaration; in any case. Word's "Save
    as HTML" begins ``<html xmlns:v="urn:schemas-microsoft-com:vml" …``, LibreOffice's and
    browsers' ``<!DOCTYPE html``, XHTML ``<?xml …?>``. Text that only holds tags does not.
    """
    if head.startswith(b"\xff\xfe"):
        text = head[2:].decode("utf-16-le", errors="replace")
    elif head.startswith(b"\xfe\xff"):
        text = head[2:].decode("utf-16-be", errors="replace")
    else:
        text = head.removeprefix(_UTF8_MARK).decode("latin-1")
    start = _page_start(text)[:16].lower()
    if start.startswith("<!doctype"):
        return start[9:].lstrip().startswith("html")
    return start.startswith("<html") and start[5:6] in ("", " ", "\t", "\r", "\n", ">", "/")


def _declared(data: bytes) -> str | None:
    """The Python codec of the charset the page declares, if Python has one that fits HTML.

    One that writes markup otherwise than ASCII does (EBCDIC, UTF-7) is no declaration a
    browser takes, nor is UTF-16 in a page without its byte-order mark.
    """
    head = data[:_DECLARED_WITHIN].decode("latin-1")
    found = _META.search(head) or _XML_DECLARATION.match(head)
    if found is None:
        return None
    try:
        codec = codecs.lookup(found.group(1)).name
        if "<>=/\"' abcdefghijklmnopqrstuvwxyz-".encode(codec) != (
            b"<>=/\"' abcdefghijklmnopqrstuvwxyz-"
        ):
            return None
    except (LookupError, UnicodeError):
        return None
    return "utf-8" if codec.replace("-", "_") in _UTF16 else codec


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """The page's text, and the encoding it was read in.

    Raises:
        DocumentError: No encoding reads the bytes (binary data, a byte-order mark the bytes
            do not follow, or no encoding the detector is sure of).
    """
    if not data.startswith((_UTF8_MARK, *_UTF16_MARKS)):
        codec = _declared(data)
        if codec is not None:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass  # declared wrongly: told from the bytes, as below
    return decode_text(data, name)


# One start tag's attributes, as HTML's tokenizer splits them: each name, and its value if
# it has one (quoted, or up to a blank or «>»). Each part is taken possessively: a tag is gone
# over once.
_NAME = r"[^\s/>]*+"
_ATTRIBUTE = r"[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s>]*+))?+"
# The page up to its first start tag of more than HTML_ATTRIBUTES attributes: text, start tags
# of fewer (whole, so that what their values hold is never taken for markup), and any «<»
# that begins no start tag.
_SHORT_TAGS = re.compile(
    rf"(?:[^<]++|<[A-Za-z]{_NAME}(?:{_ATTRIBUTE}){{0,{budgets.HTML_ATTRIBUTES}}}+[\s/]*+(?:>|\Z)"
    rf"|<(?![A-Za-z]{_NAME}(?:{_ATTRIBUTE}){{{budgets.HTML_ATTRIBUTES + 1}}}))*+"
)
# What may begin an attribute without a value: a character after a blank, slash or quote.
_NAME_START = re.compile(r"(?<=[\s/\"'])[^\s/\"'=<>]")
# What the cheap bound of attributes without values counts: what may stand before one.
_SEPARATORS = (" ", "\t", "\n", "\r", "\f", "/", '"', "'")


def _refuse(name: str, what: str, budget: str) -> DocumentError:
    return DocumentError(
        f"{name}: the page holds {what}, over the {budget}; refused before parsing it (is it a "
        "roadmap? save the table alone as HTML, or as .docx)"
    )


def check_markup(text: str, name: str) -> None:
    """Refuse a page whose tree would be over the budgets, before it is parsed.

    Elements (each begins with a ``<`` not followed by ``/``), runs of text (each begins after
    a ``>`` not followed by ``<``) and attributes with a value (two nodes each, one a ``=``)
    are counted from the text in a few passes; attributes without one only if blanks, slashes
    and quotes are so many that they might be past the budget. Then the start tags are gone
    over once for one with too many attributes.

    Raises:
        DocumentError: The page holds more than ``XML_NODES`` nodes, or a start tag of more
            than ``HTML_ATTRIBUTES`` attributes.
    """
    limit = budgets.XML_NODES
    elements = text.count("<") - text.count("</")
    nodes = elements + text.count(">") - text.count("><") + 2 * text.count("=")
    if nodes > limit:
        raise _refuse(name, f"up to {nodes:,} elements, runs of text and attributes",
                      f"{limit:,} nodes a tree may have")  # fmt: skip
    if nodes + sum(map(text.count, _SEPARATORS)) > limit:
        bare = sum(1 for _ in _NAME_START.finditer(text))  # one at a time: no list of them
        if nodes + bare > limit:
            raise _refuse(name, f"up to {nodes + bare:,} elements, runs of text and attributes",
                          f"{limit:,} nodes a tree may have")  # fmt: skip
    end = _SHORT_TAGS.match(text).end()  # type: ignore[union-attr]  # it matches "" at least
    if end < len(text):
        line = text.count("\n", 0, end) + 1
        most = budgets.HTML_ATTRIBUTES
        raise _refuse(name, f"a start tag of more than {most} attributes on line {line:,}",
                      f"{most} one element may have")  # fmt: skip
