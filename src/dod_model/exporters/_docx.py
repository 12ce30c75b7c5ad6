"""The Word exporter: a roadmap in the official layout, as a ``.docx`` package.

The layout the roadmaps of the field are written in: approval blocks at the top right, the
title centred in bold, then one table (a numbered column, the roadmap's own columns, a header
row Word repeats on every page, section rows merged across the table), then the footnotes.
Times New Roman throughout, A4 landscape. The package is written with lxml (no template file),
byte for byte the same for the same roadmap, and :func:`dod_model.read` reads the file of a
roadmap it made back to an equal roadmap.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from xml.sax.saxutils import escape

from lxml import etree

from dod_model._contracts import written_number
from dod_model.exporters._table import FIELD_ROLES, TableColumn, field_text, table_columns
from dod_model.model import Activity, ColumnRole, Roadmap, Section
from dod_model.text import (
    find_definitions,
    find_legal_acts,
    is_approval_block,
    split_parties,
)

__all__ = ["DocxExporter"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = {"w": _W}


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


# Relative widths of the columns (fiftieths of a percent, as w:tblW type="pct" counts); a
# column the vocabulary does not know gets _OTHER_WIDTH.
_WIDTHS = {ColumnRole.NUMBER: 4, ColumnRole.TITLE: 30, ColumnRole.DEADLINE: 13,
           ColumnRole.RESULT: 23, ColumnRole.RESPONSIBLE: 18, ColumnRole.NOTE: 12,
           ColumnRole.INDICATOR: 14, ColumnRole.FUNDING: 12, ColumnRole.AUDIENCE: 12,
           ColumnRole.PLACE: 12, ColumnRole.COMPLETION: 10}  # fmt: skip
_OTHER_WIDTH = 10
_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = 16838, 11906, 1134  # A4 landscape, 2 cm margins (twips)
# Characters XML 1.0 cannot hold (C0 controls but tab and line breaks): Word cannot store them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-\
package.core-properties+xml"/>\
</Types>"""
_PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
relationships/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/\
metadata/core-properties" Target="docProps/core.xml"/>\
</Relationships>"""
_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
relationships/styles" Target="styles.xml"/>\
</Relationships>"""
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{_W}">\
<w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" \
w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" \
w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>\
<w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr>\
<w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>\
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
<w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>\
</w:tblCellMar></w:tblPr></w:style>\
</w:styles>"""
# A fixed time for every part: the same roadmap gives the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


_MANY_TABS = 64
"""A text of more tabs keeps them as characters of one ``w:t``: a ``w:tab`` each would make a
file of a million tabs one of a million elements, past what the reader takes
(``budgets.XML_NODES``); the reader gives either back as tabs."""


class _Writer:
    """Builds ``word/document.xml`` element by element."""

    def __init__(self) -> None:
        self.document = etree.Element(_w("document"), nsmap={"w": _W, "r": _R})
        self.body = etree.SubElement(self.document, _w("body"))

    # -- paragraphs -------------------------------------------------------------------------

    @staticmethod
    def paragraph(parent: etree._Element, text: str, *, bold: bool = False,
                  align: str | None = None, style: str | None = None,
                  indent: int | None = None) -> None:  # fmt: skip
        """A paragraph of one run; a tab in the text becomes ``w:tab``."""
        p = etree.SubElement(parent, _w("p"))
        if align or style or indent:
            properties = etree.SubElement(p, _w("pPr"))
            if style:
                etree.SubElement(properties, _w("pStyle")).set(_w("val"), style)
            if indent:
                etree.SubElement(properties, _w("ind")).set(_w("left"), str(indent))
            if align:
                etree.SubElement(properties, _w("jc")).set(_w("val"), align)
        text = _clean(text)
        if not text:
            return
        run = etree.SubElement(p, _w("r"))
        if bold:
            etree.SubElement(etree.SubElement(run, _w("rPr")), _w("b"))
        pieces = [text] if text.count("\t") > _MANY_TABS else text.split("\t")
        for number, piece in enumerate(pieces):
            if number:
                etree.SubElement(run, _w("tab"))
            if piece:
                t = etree.SubElement(run, _w("t"))
                t.text = piece
                if piece != piece.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def blank(self) -> None:
        """An empty paragraph: it parts groups of text as a blank line does."""
        etree.SubElement(self.body, _w("p"))

    # -- the table ------------------------------------------------------------------------------

    def table(self, columns: Sequence[TableColumn]) -> etree._Element:
        tbl = etree.SubElement(self.body, _w("tbl"))
        properties = etree.SubElement(tbl, _w("tblPr"))
        width = etree.SubElement(properties, _w("tblW"))
        width.set(_w("w"), "5000")
        width.set(_w("type"), "pct")
        borders = etree.SubElement(properties, _w("tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border = etree.SubElement(borders, _w(side))
            for name, value in (("val", "single"), ("sz", "4"), ("space", "0"),
                                ("color", "000000")):  # fmt: skip
                border.set(_w(name), value)
        etree.SubElement(properties, _w("tblLayout")).set(_w("type"), "fixed")
        grid = etree.SubElement(tbl, _w("tblGrid"))
        widths = [_WIDTHS.get(c.role, _OTHER_WIDTH) if c.role else _OTHER_WIDTH
                  for c in columns]  # fmt: skip
        total = sum(widths)
        usable = _PAGE_WIDTH - 2 * _MARGIN
        for width in widths:
            etree.SubElement(grid, _w("gridCol")).set(_w("w"), str(usable * width // total))
        return tbl

    def row(self, tbl: etree._Element, cells: Sequence[str], *, header: bool = False,
            bold: bool = False, span: int = 1) -> None:  # fmt: skip
        """A table row; ``span`` > 1 makes one cell merged across that many grid columns."""
        tr = etree.SubElement(tbl, _w("tr"))
        properties = etree.SubElement(tr, _w("trPr"))
        etree.SubElement(properties, _w("cantSplit"))
        if header:
            etree.SubElement(properties, _w("tblHeader"))
        for text in cells:
            tc = etree.SubElement(tr, _w("tc"))
            if span > 1:
                etree.SubElement(etree.SubElement(tc, _w("tcPr")), _w("gridSpan")).set(
                    _w("val"), str(span)
                )
            align = "center" if header else None
            for line in text.split("\n") if text else [""]:
                self.paragraph(tc, line, bold=bold or header, align=align)

    def bytes(self) -> bytes:
        section = etree.SubElement(self.body, _w("sectPr"))
        size = etree.SubElement(section, _w("pgSz"))
        size.set(_w("w"), str(_PAGE_WIDTH))
        size.set(_w("h"), str(_PAGE_HEIGHT))
        size.set(_w("orient"), "landscape")
        margins = etree.SubElement(section, _w("pgMar"))
        for side in ("top", "right", "bottom", "left"):
            margins.set(_w(side), str(_MARGIN))
        for side in ("header", "footer", "gutter"):
            margins.set(_w(side), "0" if side == "gutter" else "709")
        data: bytes = etree.tostring(self.document, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)  # fmt: skip
        return data


class _Terms:
    """The roadmap's glossary, definition by definition, as reading finds it in what is written.

    Reading takes the definitions «(далее – …)» from the title, the notes, then the cells row by
    row (no number among them), in that order. The cells are checked off against the glossary
    as they are written, so that a responsible cell, whose separators are the exporter's to
    choose, gives the very definitions the roadmap has at its place. Once what is written
    strays from the glossary (a roadmap built in code), a cell is only kept from defining what
    the glossary does not hold.
    """

    def __init__(self, roadmap: Roadmap) -> None:
        self._glossary = roadmap.glossary
        self._counted = Counter(roadmap.glossary)
        self._at = 0
        self._in_order = True
        self.written("\n".join([roadmap.title, *roadmap.notes]))

    def fit(self, text: str) -> bool:
        """Whether ``text`` written next defines what the glossary has next, and no more.

        Counted once out of order: a term the roadmap defines once, twice in one cell, would
        define it once too many.
        """
        found = find_definitions(text)
        if self._in_order:
            return found == self._glossary[self._at : self._at + len(found)]
        return not Counter(found) - self._counted

    def out_of_order(self) -> bool:
        """Take the definitions out of order from now on; whether they were in order till now."""
        was, self._in_order = self._in_order, False
        return was

    def written(self, text: str) -> None:
        """``text`` is written next."""
        found = find_definitions(text)
        if self._in_order and found != self._glossary[self._at : self._at + len(found)]:
            self._in_order = False
        self._at += len(found)


def _role_text(activity: Activity, role: ColumnRole, terms: _Terms, *, first: bool) -> str:
    """What the activity's cell of a column of ``role`` says, lines as paragraphs.

    ``first``: the activity is the first of its section (or of the table), no activity above it.
    """
    if role is ColumnRole.NUMBER:
        return written_number(activity.number, first=first)
    if role is ColumnRole.TITLE:
        return activity.title
    if role is ColumnRole.DEADLINE:
        return activity.deadline.text
    if role is ColumnRole.RESULT:
        return "\n".join(result.text for result in activity.results)
    if role is ColumnRole.RESPONSIBLE:
        return _responsible_cell(tuple(party.name for party in activity.responsible), terms)
    if role in FIELD_ROLES:
        return field_text(activity, role)
    return activity.notes[0] if activity.notes else ""  # the rest in rows across the table


_RANGE = " – "  # how reading joins a deadline's start and end columns


def _split(text: str, parts: int) -> list[str]:
    """A role's text over the ``parts`` columns of that role: reading joins them back.

    A deadline «начало – окончание» over a start and an end column; anything else all in the
    first, the others empty (reading joins only the cells that hold text).
    """
    if parts == 2 and _RANGE in text:
        start, end = text.split(_RANGE, 1)
        if start and end and start == start.strip() and end == end.strip():
            return [start, end]
    return [text] + [""] * (parts - 1)


def _cells(
    activity: Activity, columns: Sequence[TableColumn], terms: _Terms, *, first: bool
) -> list[str]:
    """The activity's cells, column by column, its definitions checked off as reading finds them.

    Reading takes a role's columns as one text (a deadline's start and end as «начало –
    окончание»), and finds definitions in the roles' texts, in the order of the roles.
    """
    texts: dict[ColumnRole, list[str]] = {}
    for column in columns:
        role = column.role
        if role is not None and role not in texts:
            count = sum(1 for c in columns if c.role is role)
            text = _role_text(activity, role, terms, first=first)
            if role is not ColumnRole.NUMBER:  # reading looks for definitions in the others
                terms.written(text)
            texts[role] = (
                _split(text, count)
                if role is ColumnRole.DEADLINE
                else ([text] + [""] * (count - 1))
            )
    extra: dict[str, list[str]] = {}
    for cell in activity.extra:
        extra.setdefault(cell.header, []).append(cell.text)
    cells = []
    for column in columns:
        if column.role is None:
            kept = extra.get(column.header, [])
            cells.append(kept[column.occurrence] if column.occurrence < len(kept) else "")
        else:
            cells.append(texts[column.role].pop(0))
    return cells


def _reads_as(text: str, names: Sequence[str], terms: _Terms) -> bool:
    """Whether a responsible cell reads as ``names``, with the definitions ``terms`` expects."""
    parties = split_parties(text)
    return (
        len(parties) == len(names)
        and all(party.name == name for party, name in zip(parties, names, strict=True))
        and terms.fit(text)
    )


# Separators tried between two bodies, one gap at a time; a space as a document may have it,
# where a definition «(далее – …)» takes in the words before it back to the line's start.
_GAPS = ("\n", " ", ", ", "; ")
_GAP_TRIES = 256  # prefixes looked at, at most, before the commas are written anyway


def _responsible_cell(names: tuple[str, ...], terms: _Terms) -> str:
    """The bodies as a cell that reads back as the same bodies and the same definitions.

    Commas, as documents write them, unless a name would then read as going on from the one
    before («…, центра») or a definition «(далее – …)» would take in more or fewer bodies than
    the roadmap's glossary says: then semicolons, then one body per line, then a separator
    chosen gap by gap (a line break or a space where the document had one).
    """
    for _ in range(2):  # the second time, with the definitions taken out of order
        found = _joined(names, terms)
        if found is not None:
            return found
        if not terms.out_of_order():
            break
    return ", ".join(names)


def _joined(names: tuple[str, ...], terms: _Terms) -> str | None:
    """The bodies joined as :func:`_responsible_cell` says, or ``None`` if no way does."""
    for separator in (", ", "; ", "\n"):
        text = separator.join(names)
        if _reads_as(text, names, terms):
            return text
    tries = 0

    def extend(text: str, count: int) -> str | None:
        nonlocal tries
        if count == len(names):
            return text if _reads_as(text, names, terms) else None
        for gap in _GAPS:
            tries += 1
            candidate = f"{text}{gap}{names[count]}"
            if tries > _GAP_TRIES:
                return None
            if _reads_as(candidate, names[: count + 1], terms):
                found = extend(candidate, count + 1)
                if found is not None:
                    return found
        return None

    return extend(names[0], 1) if names else None


def _columns(roadmap: Roadmap) -> list[ColumnRole]:
    """The roles of the columns of the roadmap's table as written, in order."""
    return [c.role for c in table_columns(roadmap) if c.role is not None]


def _section_text(section: Section) -> str:
    return f"{section.number}. {section.title}" if section.number else section.title


def _core_properties(roadmap: Roadmap) -> bytes:
    title = escape(_clean(roadmap.title))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:language>ru-RU</dc:language>"
        "</cp:coreProperties>"
    ).encode()


# A footnote ending so goes on in the next one when read (``_tail_notes`` of the layout).
_GOES_ON = ("–", "-", ":", "—")


def _placed_notes(roadmap: Roadmap) -> tuple[list[str], list[str], list[str]]:
    """The roadmap's notes as approval blocks, preamble and footnotes, in that order.

    Reading a document gives its notes in that order, and its approval as the first act the
    approval blocks cite and its basis as the acts the footnotes cite; so the notes are cut
    where those come out the same. Approval blocks are as many of the first notes as can be
    («УТВЕРЖДЕНА приказом …»), the preamble as few as can be, so the other notes follow the
    table; a footnote that would run on into the next («…:») stands before it. Where no cut
    gives the roadmap's approval and basis (a roadmap built in code), the approval blocks go
    above the title and the rest after the table.
    """
    notes = roadmap.notes
    count = len(notes)
    approvals = [is_approval_block(note) for note in notes]
    leading = approvals.index(False) if False in approvals else count
    cited = [find_legal_acts(note) for note in notes]
    acts = [act for found in cited for act in found]
    before = [0]  # acts cited before each note
    for found in cited:
        before.append(before[-1] + len(found))
    # Where the footnotes may begin: they cite the basis, and none but the last runs on.
    runs_on = [i for i, note in enumerate(notes[:-1]) if note.rstrip().endswith(_GOES_ON)]
    footnotes = [
        end
        for end in range(runs_on[-1] + 1 if runs_on else 0, count + 1)
        if tuple(acts[before[end] :]) == roadmap.basis
    ]
    for head in range(leading, -1, -1):
        if (acts[0] if before[head] else None) != roadmap.approval:
            continue
        # The preamble holds no approval block: reading would put it with the others.
        limit = next((i for i in range(head, count) if approvals[i]), count)
        end = next((end for end in footnotes if head <= end <= limit), None)
        if end is not None:
            return list(notes[:head]), list(notes[head:end]), list(notes[end:])
    return list(notes[:leading]), [], list(notes[leading:])


class DocxExporter:
    """Word (``.docx``) in the official layout of a roadmap.

    Approval blocks (notes beginning «УТВЕРЖДЕНА», «ПРИЛОЖЕНИЕ», «СОГЛАСОВАНО») stand at the
    top right, the title centred in bold, a preamble (notes that stood before the table, such
    as one citing an act the plan is not based on) below it; the table has the roadmap's own
    columns (the standard five when unknown), a bold header row Word repeats on every page,
    section rows merged across the table, multi-line cells as paragraphs, tabs as Word tabs,
    one result per line, the responsible bodies separated as documents do, and the notes of an
    activity in rows across the table below it (the first in the «Примечание» column where there
    is one). The footnotes follow the table; a column the activities need but the roadmap does
    not name is added. Characters XML cannot hold (C0 control characters) are left out: Word
    has no way to store them.

    Each cell is written so that reading gives it back: an unnumbered activity below another
    has «.» for a number (else it would read as the rest of that one's row), the bodies of a
    responsible cell are parted so that its definitions «(далее – …)» read as the roadmap's
    glossary has them, and the notes are placed so that the approval and the basis (the acts
    the footnotes cite) read back the same. :func:`dod_model.read` reads the file of a roadmap
    it made back to an equal roadmap, but for its source and the positions of rows.

    .. versionadded:: 0.2.0
    """

    name = "docx"
    suffixes = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap as the bytes of a Word package."""
        columns = table_columns(roadmap)
        writer = _Writer()
        head, preamble, tail = _placed_notes(roadmap)
        for note in head:
            writer.paragraph(writer.body, note, indent=(_PAGE_WIDTH - 2 * _MARGIN) // 2)
            writer.blank()
        if roadmap.title:
            writer.paragraph(writer.body, roadmap.title, style="Title")
            writer.blank()
        for note in preamble:  # after the title, which reading takes as the first heading
            writer.paragraph(writer.body, note)
            writer.blank()
        tbl = writer.table(columns)
        writer.row(tbl, [c.header for c in columns], header=True)
        terms = _Terms(roadmap)
        for index, activity in enumerate(roadmap.unsectioned):
            self._activity(writer, tbl, activity, columns, terms, first=not index)
        for section in roadmap.sections:
            writer.row(tbl, [_section_text(section)], bold=True, span=len(columns))
            terms.written(section.title)
            for index, activity in enumerate(section.activities):
                self._activity(writer, tbl, activity, columns, terms, first=not index)
        for note in tail:
            writer.blank()
            writer.paragraph(writer.body, note)
        parts = {
            "[Content_Types].xml": _CONTENT_TYPES.encode(),
            "_rels/.rels": _PACKAGE_RELS.encode(),
            "word/_rels/document.xml.rels": _DOCUMENT_RELS.encode(),
            "word/document.xml": writer.bytes(),
            "word/styles.xml": _STYLES.encode(),
            "docProps/core.xml": _core_properties(roadmap),
        }
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                package.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
        return out.getvalue()

    @staticmethod
    def _activity(
        writer: _Writer,
        tbl: etree._Element,
        activity: Activity,
        columns: Sequence[TableColumn],
        terms: _Terms,
        *,
        first: bool,
    ) -> None:
        writer.row(tbl, _cells(activity, columns, terms, first=first))
        # A «Примечание» column holds the first note, as reading puts a note cell first.
        noted = any(c.role is ColumnRole.NOTE for c in columns)
        for note in activity.notes[noted:]:
            writer.row(tbl, [note], span=len(columns))
