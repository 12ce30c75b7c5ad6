"""HTML pages (``.html``, ``.htm``, ``.xhtml``): saved pages, "Save as HTML", legal databases.

The page is decoded in the charset it declares (:mod:`._html_text`), counted against the
budgets, parsed by lxml's HTML parser (libxml2: no network, no DTD, no entities but HTML's
own) and walked as a browser lays it out (:mod:`._html_tree`): the tables on their grids,
the paragraphs around them, and nothing of the site around the document.
"""

from __future__ import annotations

from lxml import etree

from dod_model._contracts import RawDocument
from dod_model._errors import DocumentError
from dod_model.importers._html_text import check_markup, decode_page, looks_like_html
from dod_model.importers._html_tree import page_blocks

__all__ = ["HtmlImporter"]

_DEPTH = 256  # libxml2's HTML parser stops at elements nested deeper than this


def _parse(markup: bytes, name: str) -> etree._Element:
    """The tree of the page's text, given as UTF-8.

    Raises:
        DocumentError: The page is empty, or nested deeper than the parser goes.
    """
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                              remove_pis=True, collect_ids=False, default_doctype=False,
                              huge_tree=False)  # fmt: skip
    try:
        root = etree.fromstring(markup, parser)
    except (etree.LxmlError, ValueError) as exc:
        msg = f"{name}: the page cannot be parsed as HTML ({exc})"
        raise DocumentError(msg) from None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "depth" in entry.message.lower():
            msg = (
                f"{name}: line {entry.line:,} of the page nests elements deeper than the "
                f"{_DEPTH} levels a page is read to; refused (is it a roadmap? save the table "
                "alone as HTML, or as .docx)"
            )
            raise DocumentError(msg)
    if root is None:
        msg = f"{name}: an empty page: no table, no text"
        raise DocumentError(msg)
    return root


class HtmlImporter:
    """HTML pages (``format="html"``): saved pages, "Save as HTML", legal databases.

    ``colspan`` and ``rowspan``, ``<br>`` and paragraphs in cells, the charset the page
    declares (Windows-1251 pages are common), Word's list numbers; navigation, banners, forms
    and hidden text are left out.

    .. versionadded:: 0.3.0
    """

    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        """Whether the bytes begin an HTML page: ``<!DOCTYPE html`` or ``<html``.

        After a byte-order mark, blanks, comments and an XML declaration; in any case.
        """
        return looks_like_html(head)

    def read(self, data: bytes, *, name: str) -> RawDocument:
        """The paragraphs and tables of an HTML page.

        Raises:
            DocumentError: The page is in no encoding that can be told, over a budget, nested
                too deeply, or empty.
        """
        text, encoding = decode_page(data, name)
        check_markup(text, name)
        markup = text.encode("utf-8", errors="replace")
        root = _parse(markup, name)
        return RawDocument(blocks=tuple(page_blocks(root, markup, name)), format=self.name,
                           encoding=encoding)  # fmt: skip
